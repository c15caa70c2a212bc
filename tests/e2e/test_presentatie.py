"""The presentation as the hall sees it at 1920x1080: clicker keys, the QR address from the request, and
nothing on any screen under 30 px."""

from __future__ import annotations

import re
from typing import Any

import pytest

from bench.server import Server
from policy import Beleid
from tests.e2e.hulp import open_pagina, schermafdruk, wacht_klaar
from views.presentatie import schermen
from views.qr import WAARSCHUWING, Bereik

PROJECTOR = {"width": 1920, "height": 1080}
KLEINSTE_LETTER = 30.0  # px: readable from the back of a hall
MEESTE_WOORDEN = 160  # per screen, bar included; the grid screens carried 210-226 words

# Every visible text node inside the viewport with its computed font size (SVG text of the charts too).
# Off-screen text (Streamlit's "Skip to main content" link until it gets focus) is not on the projector.
_LETTERS_JS = """() => {
  const uit = [];
  const loper = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = loper.nextNode(); n; n = loper.nextNode()) {
    const tekst = n.textContent.trim();
    const el = n.parentElement;
    if (!tekst || !el || el.closest('[data-testid="stIconMaterial"], script, style, noscript')) continue;
    const stijl = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    const zichtbaar = r.width > 0 && r.height > 0 && stijl.visibility !== 'hidden' && stijl.opacity !== '0'
      && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth;
    if (zichtbaar) uit.push([parseFloat(stijl.fontSize), tekst.slice(0, 60)]);
  }
  return uit;
}"""


@pytest.fixture
def projector(pagina: Any) -> Any:
    pagina.set_viewport_size(PROJECTOR)
    return pagina


def _scherm(page: Any) -> str:
    return str(re.search(r"scherm=(\d+)", page.url).group(1))  # type: ignore[union-attr]


def _druk(page: Any, toets: str, verwacht: int) -> None:
    page.keyboard.press(toets)
    page.wait_for_url(re.compile(rf"scherm={verwacht}$"))
    wacht_klaar(page)
    assert f"Scherm {verwacht} van" in page.locator(".st-key-pres-nav").inner_text(), toets


def test_clicker_keys_move_between_screens(projector: Any, server: Server, beleid: Beleid) -> None:
    """A clicker sends PageDown/PageUp (some Home/End, B); the arrows keep working."""
    aantal = len(schermen(beleid))
    page = projector
    open_pagina(page, f"{server.url}/presentatie?scherm=3")
    # A presenter's window has focus; headless Chromium spends the first key on focusing it.
    page.locator("h1").first.click()
    _druk(page, "PageDown", 4)
    _druk(page, "PageDown", 5)
    _druk(page, "PageUp", 4)
    _druk(page, "End", aantal)
    _druk(page, "PageDown", aantal)  # the last screen stays the last
    _druk(page, "Home", 1)
    _druk(page, "PageUp", 1)
    _druk(page, "ArrowRight", 2)
    _druk(page, "ArrowLeft", 1)
    zwart = page.locator(".pres-zwart")
    page.keyboard.press("b")
    zwart.wait_for(state="visible")
    page.keyboard.press("b")
    zwart.wait_for(state="detached")
    assert _scherm(page) == "1"


def test_qr_address_is_taken_from_the_request(projector: Any, server: Server, beleid: Beleid) -> None:
    """Opened through 127.0.0.1: the code and the address point there, and the screen warns the presenter."""
    import zxingcpp
    from PIL import Image as image

    page = projector
    open_pagina(page, f"{server.url}/presentatie?scherm={len(schermen(beleid))}")
    verwacht = f"{server.url}/licht/?versie={beleid.besluit.id}"
    adres = page.locator(".st-key-pres-adres")
    adres.wait_for()
    assert adres.inner_text().strip() == verwacht
    waarschuwing = page.locator('[data-testid="stAlert"] [data-testid="stMarkdownContainer"]')
    assert " ".join(waarschuwing.inner_text().split()) == WAARSCHUWING[Bereik.alleen_deze_computer]
    code = page.locator('.st-key-pres-qr [data-testid="stImage"] img, .st-key-pres-qr img').first
    pad = schermafdruk(page, "presentatie-qr")
    code.screenshot(path=str(pad.with_name("presentatie-qr-code.png")))
    gelezen = zxingcpp.read_barcodes(image.open(pad.with_name("presentatie-qr-code.png")))
    assert [g.text for g in gelezen] == [verwacht]


def test_no_text_under_30_px(projector: Any, server: Server, beleid: Beleid) -> None:
    """Every screen, reached as the presenter does (PageDown): measured and photographed."""
    page = projector
    open_pagina(page, f"{server.url}/presentatie?scherm=1")
    page.locator("h1").first.click()  # the presenter's window has focus
    fouten = []
    for nummer, scherm in enumerate(schermen(beleid), start=1):
        if nummer > 1:
            _druk(page, "PageDown", nummer)
        if scherm.soort in ("proces", "groep"):
            # Plotly is a lazy chunk: measure once the chart has drawn its text, not its placeholder.
            page.wait_for_selector('[data-testid="stPlotlyChart"] .main-svg text')
        page.wait_for_function("() => document.fonts.status === 'loaded'")
        schermafdruk(page, f"presentatie-{nummer}")
        letters = page.evaluate(_LETTERS_JS)
        te_klein = sorted({(grootte, tekst) for grootte, tekst in letters if grootte < KLEINSTE_LETTER - 0.5})
        woorden = len(page.locator('[data-testid="stMain"]').inner_text().split())
        if not letters:
            fouten.append(f"scherm {nummer}: geen tekst gemeten")
        if te_klein:
            fouten.append(f"scherm {nummer}: tekst onder {KLEINSTE_LETTER:.0f} px: {te_klein[:8]}")
        if woorden > MEESTE_WOORDEN:
            fouten.append(f"scherm {nummer}: {woorden} woorden")
    assert not fouten, "\n".join(fouten)


# Where the screen's parts stand at phone width: any text wider than the page, and whether the bar covers text.
_TELEFOON_JS = """() => {
  const breed = document.documentElement.clientWidth;
  const balk = document.querySelector('.st-key-pres-nav').getBoundingClientRect();
  const te_breed = [], bedekt = [];
  for (const el of document.querySelectorAll('.st-key-pres-scherm h1, .st-key-pres-scherm h2, .st-key-pres-scherm p')) {
    const r = el.getBoundingClientRect();
    if (!r.width) continue;
    if (el.scrollWidth > el.clientWidth + 1 || r.right > breed + 1) te_breed.push(el.innerText.slice(0, 40));
    if (r.bottom > balk.top && r.top < balk.bottom) bedekt.push(el.innerText.slice(0, 40));
  }
  return [te_breed, bedekt];
}"""


@pytest.mark.parametrize("pagina", [(390, 844)], indirect=True)
@pytest.mark.parametrize("nummer", [4, 9])  # a group's answers with its chart; the QR screen
def test_a_presenter_rehearsing_on_a_phone_can_read_every_screen(
    pagina: Any, server: Server, beleid: Beleid, nummer: int
) -> None:
    """At 390 px the hall sizes step back: no text wider than the screen, and the bar covers no text."""
    open_pagina(pagina, f"{server.url}/presentatie?scherm={nummer}")
    pagina.wait_for_function("() => document.fonts.status === 'loaded'")
    schermafdruk(pagina, f"presentatie-telefoon-{nummer}")
    assert pagina.evaluate(_TELEFOON_JS) == [[], []]
