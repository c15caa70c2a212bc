"""Server plumbing around the Streamlit pages: what `app.py` hands to `st.App`.

`NAVIGATION` is the Streamlit script; `routes()` and `middleware()` are the one list of each, so another
edition (the light pages) adds its routes here.
"""

from __future__ import annotations

from pathlib import Path

from starlette.middleware import Middleware
from starlette.routing import BaseRoute

from web.html_lang import HtmlLangMiddleware

NAVIGATION = Path(__file__).resolve().parent / "navigation.py"


def routes() -> list[BaseRoute]:
    """Our own routes beside Streamlit's (which stay untouched)."""
    return []


def middleware() -> list[Middleware]:
    """Outermost first: each entry wraps the ones after it and all of Streamlit."""
    return [Middleware(HtmlLangMiddleware)]
