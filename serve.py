"""Production launcher: `streamlit run serve.py` serves app.py with two fixes Streamlit 1.67 lacks.

1. With a folder named `pages/` next to app.py, Streamlit starts in its legacy multipage mode and,
   when the very first request is a deep link (/keuzehulp?...), runs that page without app.py and
   shows the file list instead of our navigation, until someone opens `/`. We use st.navigation
   only, so switch the legacy mode off before any session starts. (A private flag: the version is pinned
   and tests/e2e checks a deep link as the first request.)
2. Streamlit serves `<html lang="en">`; screen readers then read our Dutch with English
   pronunciation (WCAG 3.1.1). Rewrite it to `nl` in the served page itself.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

import streamlit as st
from starlette.middleware import Middleware
from streamlit.runtime.pages_manager import PagesManager

PagesManager.uses_pages_directory = False

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class HtmlLangMiddleware:
    """Rewrite the page language in Streamlit's index.html (only HTML responses are touched)."""

    def __init__(self, app: ASGIApp, lang: str = "nl") -> None:
        self.app = app
        self.oud = b'<html lang="en">'
        self.nieuw = f'<html lang="{lang}">'.encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        pad = scope.get("path", "")
        if scope["type"] != "http" or pad.startswith(("/static/", "/_stcore/", "/component/", "/media/")):
            await self.app(scope, receive, send)
            return
        # Ask for the page uncompressed so it can be rewritten; it is a few kB.
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
                body = b"".join(delen).replace(self.oud, self.nieuw, 1)
                headers = [(k, v) for k, v in start["headers"] if k != b"content-length"]
                await send({**start, "headers": [*headers, (b"content-length", str(len(body)).encode())]})
                await send({"type": "http.response.body", "body": body})
                return
            await send(bericht)

        await self.app(scope, receive, doorsturen)


app = st.App("app.py", middleware=[Middleware(HtmlLangMiddleware)])
