"""Security headers on every response of the server: Streamlit's pages and assets, the API, the light pages.

Framing is allowed only for the hosts in TOEGANGSWIJZER_FRAME_ANCESTORS (CSP source list, default 'self'),
e.g. `'self' https://www.voorbeeld.nl`. Responses under /api/ and /licht/ contain no script at all and get
a policy that forbids any; Streamlit's own pages need inline script and styles, so they get only the rules
that do not break them.
"""

from __future__ import annotations

import os
import re

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

OMGEVING = "TOEGANGSWIJZER_FRAME_ANCESTORS"
ZONDER_SCRIPT = ("/api/", "/licht/", "/robots.txt")
# 'self', 'none' or a scheme/host source such as https://*.voorbeeld.nl:443; nothing that could end the header.
_BRON = re.compile(r"'self'|'none'|(https?://)?(\*\.)?[a-z0-9.-]+(:\d{1,5})?|https:", re.IGNORECASE)


def frame_ancestors(waarde: str | None = None) -> str:
    """The configured hosts that may frame the app; a malformed list stops the server at start."""
    bronnen = (waarde if waarde is not None else os.environ.get(OMGEVING, "'self'")).split()
    fout = [b for b in bronnen if not _BRON.fullmatch(b)]
    if not bronnen or fout or ("'none'" in bronnen and len(bronnen) > 1):
        raise ValueError(
            f"{OMGEVING}: geen geldige CSP-bronnenlijst (bijvoorbeeld \"'self' https://www.voorbeeld.nl\")"
        )
    return " ".join(bronnen)


class BeveiligingsHeaders:
    """Adds the headers to every HTTP response (keeps a header a route has set itself)."""

    def __init__(self, app: ASGIApp, frame_bronnen: str) -> None:
        self.app = app
        kaders = f"frame-ancestors {frame_ancestors(frame_bronnen)}"
        basis = [("x-content-type-options", "nosniff"), ("referrer-policy", "no-referrer")]
        self.app_headers = [*basis, ("content-security-policy", f"{kaders}; object-src 'none'; base-uri 'self'")]
        # No script may run (default-src 'none'). connect-src 'self' only lets a checker such as Lighthouse
        # fetch /robots.txt from the page; with no script there is nothing else that could connect.
        streng = (
            "default-src 'none'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; "
            "base-uri 'none'; "
        )
        self.streng_headers = [*basis, ("content-security-policy", streng + kaders)]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extra = self.streng_headers if scope["path"].startswith(ZONDER_SCRIPT) else self.app_headers

        async def met_headers(bericht: Message) -> None:
            if bericht["type"] == "http.response.start":
                headers = MutableHeaders(raw=list(bericht.get("headers", [])))
                for naam, waarde in extra:
                    headers.setdefault(naam, waarde)
                bericht = {**bericht, "headers": headers.raw}
            await send(bericht)

        await self.app(scope, receive, met_headers)
