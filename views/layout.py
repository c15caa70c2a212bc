"""What every page shares: the version line, the disclaimer, the page language and print styles."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import streamlit as st

from policy import Beleid
from views.teksten import DISCLAIMER, datum, versieregel

# The decision is Dutch: the date on paper is the date in the Netherlands, not the server's zone.
TIJDZONE = ZoneInfo("Europe/Amsterdam")

# Our own static CSS only; no visitor text ever goes into st.html.
# A printed page must stand on its own: the answer, the quotes with where they stand, the link and the
# date. So print keeps source links as text and the share link (without its copy button), drops what
# only works on a screen, keeps blocks whole, and leaves a margin. Pages mark content with classes, or
# with a container key that Streamlit turns into a class (`st.container(key="geen-print")`):
#   alleen-print: only on paper (the print date); geen-print: only on screen (copy and print advice);
#   deel-link: the share URL, kept on paper; samen-houden: never split over two pages.
_PRINT_CSS = """
<style>
.alleen-print, [class*="st-key-alleen-print"] { display: none !important; }
@page { margin: 16mm 15mm 18mm 15mm; }
@media print {
  [data-testid="stSidebar"], [data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
  [data-testid="stSidebarCollapsedControl"], [data-testid="stStatusWidget"], .stButton, .stFormSubmitButton,
  [data-testid="stDownloadButton"], [data-testid="stCodeCopyButton"],
  [data-testid="stPageLink"] [data-testid="stIconMaterial"], .modebar-container,
  .deel-link button, [class*="st-key-deel-link"] button,
  .geen-print, [class*="st-key-geen-print"] { display: none !important; }
  .alleen-print, [class*="st-key-alleen-print"] { display: block !important; }
  [data-testid="stMainBlockContainer"] { padding: 0 !important; max-width: 100% !important; }
  /* A link on paper is its words: the source of a quote ("Besluit ALV 26 maart 2026, alinea 4") stays. */
  [data-testid="stPageLink"] a { padding: 0 !important; color: #000 !important; text-decoration: underline; }
  [data-testid="stPageLink"] a p { font-size: 0.95rem !important; }
  /* The share URL as text, wrapped, readable on paper. */
  [data-testid="stCode"] pre, [data-testid="stCode"] code { white-space: pre-wrap !important; word-break: break-all; }
  blockquote { border-left: 3px solid #555 !important; }
  blockquote, [data-testid="stAlert"], [data-testid="stTable"], [data-testid="stCode"], .stPlotlyChart,
  [data-testid="stVerticalBlockBorderWrapper"], .samen-houden, [class*="st-key-samen-houden"],
  .deel-link, [class*="st-key-deel-link"] { break-inside: avoid; }
  /* Only break-inside is honoured (this Chromium ignores break-after/before: avoid, tried): a quote and
     its source stay together only inside one wrapper, such as st.container(key="samen-houden-..."). */
}
</style>
"""


# Streamlit marks a focused radio option only with a faint tint (contrast about 1.2:1). Keyboard users need a
# clear ring (WCAG 2.4.7, 1.4.11): draw one around the option whose hidden input has keyboard focus.
_FOCUS_CSS = """
<style>
/* Streamlit fades a quote to 60 % opacity: its source link then falls to 3:1 (axe color-contrast). */
[data-testid="stMarkdownContainer"] blockquote { opacity: 1; color: #4A4A4A; }
[data-testid="stRadioOption"]:has(input:focus-visible),
[data-testid="stCheckbox"] label:has(input:focus-visible) {
  outline: 3px solid #1F5F8B; outline-offset: 2px; border-radius: 4px;
}
</style>
"""


def versie_en_disclaimer(beleid: Beleid) -> None:
    st.caption(f"{versieregel(beleid)}. {DISCLAIMER}")
    # Only on paper: a printout without a date cannot be placed next to a later decision.
    vandaag = datum(dt.datetime.now(TIJDZONE).date())
    st.html(f'<p class="alleen-print">Deze pagina is gemaakt op {vandaag}.</p>')


def gedeelde_opmaak() -> None:
    st.html(_PRINT_CSS + _FOCUS_CSS)
