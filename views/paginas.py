"""Where the page files live, for st.Page, st.page_link and st.switch_page, and the menu over them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

PAGES = Path(__file__).resolve().parent.parent / "pages"


def pagina(naam: str) -> Path:
    """pages/<naam>.py as an absolute path: a relative one would resolve from web/, the Streamlit script's folder."""
    pad = PAGES / f"{naam}.py"
    if not pad.is_file():
        raise FileNotFoundError(pad)
    return pad


@dataclass(frozen=True)
class Menupunt:
    naam: str  # pages/<naam>.py
    titel: str
    icoon: str
    pad: str  # the url path; "" for the start page, served at /


# The menu, in order. The title of "besluit" is the decision's; a proposal's pages rename it (views.teksten.bron_menu).
MENU: tuple[Menupunt, ...] = (
    Menupunt("start", "Start", ":material/home:", ""),
    Menupunt("keuzehulp", "Keuzehulp", ":material/help:", "keuzehulp"),
    Menupunt("matrix", "Overzicht (matrix)", ":material/table_chart:", "matrix"),
    Menupunt("faq", "Veelgestelde vragen", ":material/forum:", "faq"),
    Menupunt("begrippen", "Begrippen", ":material/menu_book:", "begrippen"),
    Menupunt("besluit", "Bericht over het besluit", ":material/description:", "besluit"),
    Menupunt("presentatie", "Presentatie", ":material/slideshow:", "presentatie"),
    Menupunt("wat_als", "Wat als (scenario)", ":material/compare_arrows:", "wat-als"),
    Menupunt("versies", "Versies van het besluit", ":material/history:", "versies"),
    Menupunt("over", "Toegankelijkheid en privacy", ":material/accessibility:", "over"),
)
