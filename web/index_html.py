"""Streamlit's index.html made ours: `<html lang="nl">`, the app's title and a meta description.

Streamlit writes `lang="en"`; screen readers then read our Dutch with English pronunciation (WCAG 3.1.1).
Its `<title>Streamlit</title>` and missing description are what search engines and link previews see
before any script runs. The page is rewritten in the response itself, so every way in (/, a deep link)
gets it. HEAD requests reach this layer as GET (web/compression.py), so Content-Length is recomputed.
"""

from __future__ import annotations

from functools import cache
from html import escape

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from policy import load_policy

TITEL = "Toegangswijzer examenproducten"
# Streamlit's own asset and protocol routes, and our routes, never carry its page.
_NIET_DE_PAGINA = ("/static/", "/_stcore/", "/component/", "/media/", "/api/", "/licht/")


@cache
def vervangingen() -> list[tuple[bytes, bytes]]:
    """What changes in the page; the description is the policy's own first summary sentence.

    Built at the first page request, not when the middleware is built: an exception there would not stop
    the server (the lifespan's policy check does that), it would only break every request.
    """
    beschrijving = escape(load_policy().besluit.samenvatting[0], quote=True)
    return [
        (b'<html lang="en">', b'<html lang="nl">'),
        (
            b"<title>Streamlit</title>",
            f'<title>{TITEL}</title>\n    <meta name="description" content="{beschrijving}" />'.encode(),
        ),
    ]


class IndexHtmlMiddleware:
    """Rewrite Streamlit's HTML page; every other response passes untouched."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("path", "").startswith(_NIET_DE_PAGINA):
            await self.app(scope, receive, send)
            return
        # Ask for the page uncompressed so it can be rewritten (a few kB); an outer middleware compresses.
        scope = dict(scope, headers=[(k, v) for k, v in scope["headers"] if k != b"accept-encoding"])
        start: Message | None = None
        delen: list[bytes] = []

        async def doorsturen(bericht: Message) -> None:
            nonlocal start
            if bericht["type"] == "http.response.start":
                soort = dict(bericht.get("headers", [])).get(b"content-type", b"")
                if soort.startswith(b"text/html"):
                    start = bericht
                    return
            elif bericht["type"] == "http.response.body" and start is not None:
                delen.append(bericht.get("body", b""))
                if bericht.get("more_body"):
                    return
                body = b"".join(delen)
                for oud, nieuw in vervangingen():
                    body = body.replace(oud, nieuw, 1)
                headers = MutableHeaders(raw=list(start.get("headers", [])))
                headers["content-length"] = str(len(body))
                await send({**start, "headers": headers.raw})
                await send({"type": "http.response.body", "body": body})
                return
            await send(bericht)

        await self.app(scope, receive, doorsturen)
