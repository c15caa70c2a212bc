"""Serve Streamlit's index.html as `<html lang="nl">`.

Streamlit writes `lang="en"`; screen readers then read our Dutch with English pronunciation
(WCAG 3.1.1). The page is rewritten in the response itself, so every way in (/, a deep link) gets it.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Streamlit's own asset and protocol routes never carry the page.
_NIET_DE_PAGINA = ("/static/", "/_stcore/", "/component/", "/media/", "/api/", "/licht/")


class HtmlLangMiddleware:
    """Rewrite the page language in HTML responses; everything else passes untouched."""

    def __init__(self, app: ASGIApp, lang: str = "nl") -> None:
        self.app = app
        self.oud = b'<html lang="en">'
        self.nieuw = f'<html lang="{lang}">'.encode()
        # Same length, so Content-Length stays right for GET and HEAD alike.
        assert len(self.nieuw) == len(self.oud), "a two-letter language code"

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
                await send(start)
                await send({"type": "http.response.body", "body": b"".join(delen).replace(self.oud, self.nieuw, 1)})
                return
            await send(bericht)

        await self.app(scope, receive, doorsturen)
