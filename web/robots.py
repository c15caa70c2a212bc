"""robots.txt: pages and the assets they need may be indexed; the API and Streamlit's internals not."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import BaseRoute, Route

ROBOTS = """\
# Toegangswijzer examenproducten
User-agent: *
Disallow: /api/
Disallow: /_stcore/
Disallow: /media/
Disallow: /component/
Allow: /
"""


async def robots(_: Request) -> PlainTextResponse:
    return PlainTextResponse(ROBOTS, headers={"Cache-Control": "public, max-age=86400"})


ROUTES: list[BaseRoute] = [Route("/robots.txt", robots, methods=["GET"])]
