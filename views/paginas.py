"""Where the page files live, for st.Page, st.page_link and st.switch_page."""

from __future__ import annotations

from pathlib import Path

PAGES = Path(__file__).resolve().parent.parent / "pages"


def pagina(naam: str) -> Path:
    """pages/<naam>.py as an absolute path: a relative one would resolve from web/, the Streamlit script's folder."""
    pad = PAGES / f"{naam}.py"
    if not pad.is_file():
        raise FileNotFoundError(pad)
    return pad
