"""Helpers for the browser tests: waiting for Streamlit, the XSS trap, the wizard paths from `policy`, and
choosing few routes that still cover everything a browser walk can show."""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from policy import Beleid, Toegang
from tests.e2e.conftest import ARTIFACTS
from views import wizard
from views.teksten import TOEGANG_LABEL

SCREENSHOTS = ARTIFACTS / "screenshots"
VRIENDELIJK = "Een deel van de link konden we niet gebruiken"
LEGACY_TITELS = {"app", "keuzehulp", "start", "matrix", "faq"}

# Runs before any page script: records every dialog or trap call a payload could make.
_VALSTRIK = """
(() => {
  window.__xss = [];
  for (const naam of ['alert', 'confirm', 'prompt']) {
    window[naam] = (...args) => { window.__xss.push(naam + ':' + String(args[0])); };
  }
})();
"""


T = TypeVar("T")


def dekkend(kandidaten: Sequence[T], kenmerken: Callable[[T], set[Hashable]]) -> list[T]:
    """Few candidates that together have every feature any of them has (greedy set cover).

    The pages' code is the same for every route; what a route adds is its features (the options clicked,
    the lines shown). A browser walk that shows nothing new catches nothing new, so it is left out.
    """
    per = [(k, kenmerken(k)) for k in kandidaten]
    open_ = set().union(*(f for _, f in per))
    gekozen: list[T] = []
    while open_:
        beste, f = max(per, key=lambda kf: len(kf[1] & open_))
        gekozen.append(beste)
        open_ -= f
    return gekozen


def installeer_valstrik(page: Any) -> None:
    """Any alert/confirm/prompt or `window.__xss.push` from a payload ends up in window.__xss or page.dialogen."""
    page.add_init_script(_VALSTRIK)
    page.dialogen = []

    def bij_dialoog(dialog: Any) -> None:
        page.dialogen.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", bij_dialoog)


def xss_sporen(page: Any) -> list[str]:
    return [*page.evaluate("window.__xss || []"), *page.dialogen]


def wacht_klaar(page: Any, timeout: float | None = None) -> None:
    """Wait until Streamlit is connected, no script run is busy and the page has its title (twice: reruns)."""
    page.wait_for_function(_KLAAR_JS, timeout=timeout)
    page.wait_for_timeout(100)
    page.wait_for_function(_KLAAR_JS, timeout=timeout)


# Every Plotly chart on the page has drawn (Plotly is a large lazy chunk; until then a chart is a
# placeholder, and the page below it still moves when it arrives).
FIGUREN_GETEKEND_JS = """() => [...document.querySelectorAll('[data-testid="stPlotlyChart"]')]
    .every(c => c.querySelector('.main-svg'))"""


_KLAAR_JS = """() => {
    const a = document.querySelector('[data-testid="stApp"]');
    return !!a && a.getAttribute('data-test-connection-state') === 'CONNECTED'
        && a.getAttribute('data-test-script-state') === 'notRunning'
        && !!document.querySelector('[data-testid="stMainBlockContainer"] h1');
}"""


def open_pagina(page: Any, url: str) -> None:
    page.goto(url, wait_until="domcontentloaded")
    wacht_klaar(page)


def nav_titels(page: Any) -> list[str]:
    links = page.locator('[data-testid="stSidebarNav"] a [data-testid="stMarkdownContainer"]')
    return [t.strip() for t in links.all_inner_texts()]


def hoofdtekst(page: Any) -> str:
    return str(page.locator('[data-testid="stMain"]').inner_text())


def schermafdruk(page: Any, naam: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    pad = SCREENSHOTS / f"{naam}.png"
    page.screenshot(path=str(pad), full_page=True)
    return pad


def optie(page: Any, label: str) -> Any:
    """The radio option whose own label (not its caption) is exactly `label`."""
    return page.locator('[data-testid="stRadioOption"]').filter(
        has=page.locator('[data-testid="stMarkdownContainer"] p', has_text=re.compile(rf"^{re.escape(label)}$"))
    )


# Resolves once the browser has drawn two frames: a scroll's `scroll` event is sent in the first.
_NA_SCROLL_JS = "() => new Promise(klaar => requestAnimationFrame(() => requestAnimationFrame(klaar)))"


def open_keuzelijst(page: Any, keuze: Any) -> Any:
    """Click a select box until its list is open; returns the options.

    First wait for the states that move or redraw the box: it is drawn (widgets come 0.1-0.3 s after the
    run's `notRunning`) and every chart on the page has arrived (a chart that arrives late moves the box and
    closes its list). Then bring it into view and let the scroll event pass: a box below the fold is scrolled
    to by the click itself, and the scroll event that follows one frame later closed the list it had just
    opened (half the clicks on /matrix at laptop size). A click that still lands while a rerun redraws the
    box is tried once more (bounded); each miss costs the 5 s wait below, which is why the states come first.
    """
    from playwright.sync_api import TimeoutError as NietGeopend

    keuze.wait_for()
    page.wait_for_function(FIGUREN_GETEKEND_JS)
    opties = page.get_by_role("option")
    for _ in range(3):
        keuze.scroll_into_view_if_needed()
        page.evaluate(_NA_SCROLL_JS)
        keuze.click()
        try:
            opties.first.wait_for(timeout=5_000)
            return opties
        except NietGeopend:
            wacht_klaar(page)
    opties.first.wait_for()  # the last try: the tab's full default, so a busy machine is only slower
    return opties


VRAAG = ".st-key-vraag h2"  # the question shown: the page's heading, where focus goes after Volgende
ANTWOORD = ".st-key-antwoord h2"  # the answer's heading


def vraagtekst(page: Any) -> str:
    return str(page.locator(VRAAG).inner_text()).strip()


def antwoord_kop(page: Any) -> str:
    return str(page.locator(ANTWOORD).inner_text()).strip()


def beantwoord(page: Any, beleid: Beleid, vraag_id: str, waarde: str) -> None:
    """Answer the current question with the mouse: pick the option, press Volgende, wait for the next step."""
    vraag = beleid.vraag(vraag_id)
    assert vraagtekst(page) == vraag.tekst, f"verwachtte vraag {vraag.tekst!r}, zag {vraagtekst(page)!r}"
    label = next(o.label for o in vraag.opties if o.waarde == waarde)
    optie(page, label).click()
    page.get_by_role("button", name="Volgende").click()
    wacht_na_stap(page, vraag.tekst)


def wacht_na_stap(page: Any, oude_vraag: str) -> None:
    """After Volgende: wait until the question changed or the answer is shown."""
    page.wait_for_function(
        """(oud) => {
            const a = document.querySelector('[data-testid="stApp"]');
            if (!a || a.getAttribute('data-test-script-state') !== 'notRunning') return false;
            const l = document.querySelector('.st-key-vraag h2');
            return !l || l.innerText.trim() !== oud;
        }""",
        arg=oude_vraag,
    )
    page.wait_for_function(_KLAAR_JS)


@dataclass(frozen=True)
class Pad:
    """One route through the keuzehulp (from `views.wizard`) and the answer `policy` gives for it."""

    stappen: tuple[tuple[str, str], ...]
    toegang: Toegang

    @property
    def naam(self) -> str:
        return "-".join(w for _, w in self.stappen)

    @property
    def kop(self) -> str:
        return TOEGANG_LABEL[self.toegang]

    @property
    def query(self) -> dict[str, str]:
        return {wizard.URL_SLEUTEL[v]: w for v, w in self.stappen}


def alle_paden(beleid: Beleid) -> list[Pad]:
    """Every route the keuzehulp can take (tests/test_routes.py specifies them against `policy`)."""
    return [
        Pad(stand.route, stand.beslissing.toegang)
        for stand in wizard.alle_uitkomsten(beleid)
        if stand.beslissing is not None
    ]
