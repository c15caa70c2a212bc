"""What every page shares: the version line, the disclaimer, the page language and print styles."""

from __future__ import annotations

import streamlit as st

from policy import Beleid
from views.teksten import DISCLAIMER, versieregel

# Our own static CSS only; no visitor text ever goes into st.html.
_PRINT_CSS = """
<style>
@media print {
  [data-testid="stSidebar"], [data-testid="stHeader"], [data-testid="stToolbar"],
  [data-testid="stSidebarCollapsedControl"], .stButton, [data-testid="stPageLink"],
  [data-testid="stDownloadButton"], [data-testid="stCode"], .geen-print { display: none !important; }
  [data-testid="stMainBlockContainer"] { padding: 0 !important; max-width: 100% !important; }
  blockquote { border-left: 3px solid #555 !important; }
}
</style>
"""


# Streamlit marks a focused radio option only with a faint tint (contrast about 1.2:1). Keyboard users need a
# clear ring (WCAG 2.4.7, 1.4.11): draw one around the option whose hidden input has keyboard focus.
_FOCUS_CSS = """
<style>
[data-testid="stRadioOption"]:has(input:focus-visible),
[data-testid="stCheckbox"] label:has(input:focus-visible) {
  outline: 3px solid #1F5F8B; outline-offset: 2px; border-radius: 4px;
}
</style>
"""


def versie_en_disclaimer(beleid: Beleid) -> None:
    st.caption(f"{versieregel(beleid)}. {DISCLAIMER}")


def gedeelde_opmaak() -> None:
    st.html(_PRINT_CSS + _FOCUS_CSS)
