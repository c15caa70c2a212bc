"""Server plumbing around the Streamlit pages: what `app.py` hands to `st.App`.

`NAVIGATION` is the Streamlit script; `routes()` and `middleware()` are the one list of each: another
edition (the light pages) adds its routes to `routes()`.
"""

from __future__ import annotations

from pathlib import Path

from starlette.middleware import Middleware
from starlette.routing import BaseRoute

from web import api, fouten, licht, robots
from web.compression import Compressie
from web.fouten import Foutopvang
from web.headers import BeveiligingsHeaders, frame_ancestors
from web.index_html import IndexHtmlMiddleware

NAVIGATION = Path(__file__).resolve().parent / "navigation.py"


def routes() -> list[BaseRoute]:
    """Our own routes, matched before Streamlit's (which stay untouched); another method than GET last."""
    return [*api.ROUTES, *robots.ROUTES, *licht.ROUTES, *fouten.ROUTES]


def middleware() -> list[Middleware]:
    """Outermost first, each wrapping the ones after it and all of Streamlit.

    The error net is outermost, so an exception in any layer below still gets a Dutch answer with a code
    (Starlette's own ServerErrorMiddleware sits outside all of these and would answer in English).
    Headers go on every response, also on those the compression answers from memory. Compression sits
    outside the page rewrite, which asks Streamlit for the page uncompressed and relies on it to turn
    HEAD into GET.
    """
    # Read the configured hosts now, when app.py is imported: a malformed value stops `streamlit run` here.
    # (An exception while Starlette builds the middleware would not: uvicorn would serve errors instead.)
    kaders = frame_ancestors()
    return [
        Middleware(Foutopvang, kaders),
        Middleware(BeveiligingsHeaders, kaders),
        Middleware(Compressie),
        Middleware(IndexHtmlMiddleware),
    ]
