"""Send less: gzip for everything compressible, compressed once for Streamlit's immutable assets.

Streamlit serves its JavaScript uncompressed on purpose (starlette_gzip_middleware.py): gzip on every
request costs CPU in a burst. A hall that opens the app at once asks for the same dozen content-hashed
files, so we compress each of those once (level 9) and answer every later request from memory; other
responses (HTML, JSON) are small and compressed per request by Starlette's GZipMiddleware.

Each gzip layer (ours, Streamlit's own inside it) and the light routes add `Vary: Accept-Encoding`; the
response leaves here with each Vary token once.

No byte ranges: a range of the file is not a range of its gzip body. A browser that resumes an interrupted
download of a gzip body asks for the rest by range; the file server answered with the rest of the *file*, the
browser spliced the two, and Plotly's chunk stayed broken ("SyntaxError") for the year the cache keeps it. So
requests lose their Range (everyone gets the whole response) and responses do not offer ranges.
"""

from __future__ import annotations

import asyncio

from starlette.datastructures import Headers, MutableHeaders
from starlette.middleware.gzip import GZipMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

_STATISCH = "/static/"


class Compressie:
    """GZip for every response; immutable static responses compressed once and kept (a few MB at most)."""

    def __init__(self, app: ASGIApp) -> None:
        self.per_verzoek = GZipMiddleware(app, minimum_size=500, compresslevel=6)
        self.eenmalig = GZipMiddleware(app, minimum_size=500, compresslevel=9)
        self.bewaard: dict[str, tuple[Message, bytes]] = {}
        self.bezig: dict[str, asyncio.Event] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "HEAD":
            # HEAD gets GET's headers (Content-Length and Content-Encoding of the compressed body), no body.
            await self(dict(scope, method="GET"), receive, _zonder_body(send))
            return
        if scope["type"] == "http":
            scope = _zonder_range(scope)
            send = _nette_kopregels(send)
        if not self._bewaarbaar(scope):
            await self.per_verzoek(scope, receive, send)
            return
        sleutel = scope["path"]
        if sleutel not in self.bewaard and sleutel in self.bezig:
            await self.bezig[sleutel].wait()  # the first request of a burst compresses; the rest wait for it
        if sleutel in self.bewaard:
            start, body = self.bewaard[sleutel]
            await send({**start, "headers": list(start["headers"])})  # a copy: outer layers may add headers
            await send({"type": "http.response.body", "body": body})
            return
        if sleutel in self.bezig:  # the first one was not cacheable (404, not immutable): serve as usual
            await self.per_verzoek(scope, receive, send)
            return
        self.bezig[sleutel] = klaar = asyncio.Event()
        try:
            await self._vul(sleutel, scope, receive, send)
        finally:
            klaar.set()
            del self.bezig[sleutel]

    @staticmethod
    def _bewaarbaar(scope: Scope) -> bool:
        """A plain GET for a static asset from a client that takes gzip (no revalidation; ranges are gone)."""
        if scope["type"] != "http" or scope["method"] != "GET" or not scope["path"].startswith(_STATISCH):
            return False
        h = Headers(scope=scope)
        return "gzip" in h.get("accept-encoding", "") and not ({"if-none-match", "if-modified-since"} & set(h))

    async def _vul(self, sleutel: str, scope: Scope, receive: Receive, send: Send) -> None:
        start: Message = {}
        delen: list[bytes] = []
        compleet = False

        async def opvangen(bericht: Message) -> None:
            nonlocal start, compleet
            if bericht["type"] == "http.response.start":
                start = bericht
            elif bericht["type"] == "http.response.body":
                delen.append(bericht.get("body", b""))
                compleet = not bericht.get("more_body", False)

        await self.eenmalig(scope, receive, opvangen)
        if not compleet:
            # The file server stopped mid-file (its client left): a piece is never kept, nor passed on as whole.
            return
        body = b"".join(delen)
        headers = MutableHeaders(raw=list(start.get("headers", [])))
        headers["content-length"] = str(len(body))
        start = {**start, "headers": headers.raw}
        if start.get("status") == 200 and "immutable" in headers.get("cache-control", ""):
            self.bewaard[sleutel] = (start, body)
        await send(start)
        await send({"type": "http.response.body", "body": body})


def _zonder_body(send: Send) -> Send:
    async def doorsturen(bericht: Message) -> None:
        if bericht["type"] != "http.response.body":
            await send(bericht)
        elif not bericht.get("more_body", False):
            await send({"type": "http.response.body", "body": b""})

    return doorsturen


def _zonder_range(scope: Scope) -> Scope:
    weg = {b"range", b"if-range"}
    return {**scope, "headers": [(k, v) for k, v in scope.get("headers", []) if k.lower() not in weg]}


def _nette_kopregels(send: Send) -> Send:
    """Each Vary token once, and no `Accept-Ranges` (see the module's docstring)."""

    async def doorsturen(bericht: Message) -> None:
        if bericht["type"] == "http.response.start":
            headers = MutableHeaders(raw=list(bericht.get("headers", [])))
            del headers["accept-ranges"]
            tokens: dict[str, str] = {}  # tokens are case-insensitive; keep the first spelling, in order
            for waarde in headers.getlist("vary"):
                for token in filter(None, (t.strip() for t in waarde.split(","))):
                    tokens.setdefault(token.lower(), token)
            if tokens:
                headers["vary"] = ", ".join(tokens.values())
            bericht = {**bericht, "headers": headers.raw}
        await send(bericht)

    return doorsturen
