"""What every page shares: which decision it shows, the version line, the disclaimer and print styles."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import streamlit as st

from policy import Beleid, Cel, Versies, laad_versies
from policy.domain import VERSIE_SLEUTEL
from views.paginas import pagina
from views.teksten import datum, disclaimer, versieregel
from views.versies import Keuze, kies, melding, versie_query

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
/* Streamlit cuts a long page link off with an ellipsis ("... van 20 november"): on a phone the date
   of a decision would go missing. Let the label wrap instead. */
[data-testid="stMain"] [data-testid="stPageLink"] a > span:last-child,
[data-testid="stMain"] [data-testid="stPageLink"] a > span:last-child * {
  white-space: normal !important; overflow: visible !important; }
[data-testid="stRadioOption"]:has(input:focus-visible),
[data-testid="stCheckbox"] label:has(input:focus-visible) {
  outline: 3px solid #1F5F8B; outline-offset: 2px; border-radius: 4px;
}
</style>
"""


# The decision other than the current one that a visitor opened in this session (a link with `versie=`):
# moving on through the menu, whose links carry no query string, keeps it, so the next page does not
# silently answer from another decision. Pinned to the current one is the same as not pinned.
VASTGEPIND = "versie_vastgepind"


@dataclass(frozen=True)
class Gekozen:
    """The decision a page shows, with everything it needs to say so and to link on under it."""

    versies: Versies
    keuze: Keuze

    @property
    def beleid(self) -> Beleid:
        return self.keuze.beleid

    @property
    def anders_dan_geldend(self) -> bool:
        """A proposal or an older decision: what the page shows is not the policy in force."""
        return self.beleid is not self.versies.huidig

    @property
    def query(self) -> dict[str, str]:
        """What every link to a page and every address a page writes carries: the decision it shows.

        So a link copied from any page (a matrix cell, a FAQ search, the keuzehulp) keeps its answer once a
        newer decision comes, and then says so; `views.wizard.Stand` pins the keuzehulp's links the same way.
        """
        return versie_query(self.beleid)


def besluit_voor_menu() -> Beleid:
    """The decision the page is about to show, read without side effects: the menu is drawn before the page
    runs `kies_besluit` (an unknown `versie` counts as none here; the page itself says it is unknown)."""
    versies = laad_versies()
    gevraagd = st.query_params.get(VERSIE_SLEUTEL) or st.session_state.get(VASTGEPIND) or ""
    return versies.lees(gevraagd) or versies.huidig


def kies_besluit() -> Gekozen:
    """The decision this page shows: the one the link (or, failing that, this session) names, else the current.

    An unknown `versie` stops the page with a Dutch error naming the known decisions: a pinned link that
    quietly answered from another decision would mislead. (Streamlit cannot send a 404 status for a page.)
    """
    versies = laad_versies()
    params = st.query_params.to_dict()
    onthouden = st.session_state.get(VASTGEPIND)
    if not params.get(VERSIE_SLEUTEL) and onthouden and versies.lees(onthouden) is not None:
        params[VERSIE_SLEUTEL] = onthouden
        st.query_params[VERSIE_SLEUTEL] = onthouden  # the address bar says what the page shows
    keuze = kies(params, versies)
    if keuze.onbekend:
        _onbekende_versie(versies, keuze)
    gekozen = Gekozen(versies, keuze)
    if gekozen.anders_dan_geldend:
        st.session_state[VASTGEPIND] = keuze.beleid.besluit.id
    else:
        st.session_state.pop(VASTGEPIND, None)  # back on the current decision (say, by the banner's link)
    return gekozen


def _onbekende_versie(versies: Versies, keuze: Keuze) -> None:
    """The error for a link to a decision that does not exist; the page stops (nothing of any decision shown)."""
    uitleg = melding(versies, keuze)
    if uitleg is not None:
        st.error(f"**{uitleg.kop}.** {' '.join(uitleg.tekst)}", icon=":material/error:")
    st.page_link(pagina("start"), label="Open het nieuwste besluit in deze app", icon=":material/home:")
    st.page_link(pagina("versies"), label="Bekijk alle versies van het besluit", icon=":material/history:")
    st.stop()


def toon_versiemelding(
    gekozen: Gekozen,
    naam: str,
    query: Mapping[str, str] | None = None,
    cellen: Iterable[Cel] | None = None,
    met_link: bool = True,
) -> None:
    """The banner at the top of a page that shows a proposal or an older decision; nothing otherwise.

    `naam`: this page (pages/<naam>.py), linked to with the same `query` under the decision the banner names.
    `cellen`: the cells the page's answer covers, so the banner says whether *this* answer changed.
    `met_link`: False where the page has its own way to choose the decision (wat-als: its select box).
    """
    uitleg = melding(gekozen.versies, gekozen.keuze, cellen)
    if uitleg is None:
        return
    kader = st.warning if uitleg.soort == "voorstel" else st.info
    with st.container(key="versie-melding"):
        kader(f"**{uitleg.kop}.** {' '.join(uitleg.tekst)}", icon=":material/history:")
        if met_link and uitleg.link_tekst and uitleg.link_versie:
            st.page_link(
                pagina(naam),
                label=uitleg.link_tekst,
                icon=":material/arrow_forward:",
                query_params={**(query or {}), VERSIE_SLEUTEL: uitleg.link_versie},
            )


def versie_en_disclaimer(beleid: Beleid) -> None:
    st.caption(f"{versieregel(beleid)}. {disclaimer(beleid)}")
    # Only on paper: a printout without a date cannot be placed next to a later decision.
    vandaag = datum(dt.datetime.now(TIJDZONE).date())
    st.html(f'<p class="alleen-print">Deze pagina is gemaakt op {vandaag}.</p>')


def gedeelde_opmaak() -> None:
    st.html(_PRINT_CSS + _FOCUS_CSS)
