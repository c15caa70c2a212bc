"""Every page in a real browser: Dutch language, no sideways scrolling at phone and projector width, no
request to another party, screenshots to look at, axe-core accessibility, and the page-specific interactions."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from bench.server import Server
from policy import Beleid
from policy.checks import normaliseer
from tests.e2e.conftest import ARTIFACTS, van_deze_machine
from tests.e2e.hulp import (
    ANTWOORD,
    FIGUREN_GETEKEND_JS,
    hoofdtekst,
    open_keuzelijst,
    open_pagina,
    schermafdruk,
    wacht_klaar,
    xss_sporen,
)
from views.paginas import MENU

MATEN = {"telefoon": (390, 844), "projector": (1920, 1080)}


# url path per page title, from the menu the navigation script builds; the start page lives at `/`.
PAGINAS = {punt.titel: punt.pad for punt in MENU}

# --- accessibility ----------------------------------------------------------------------------------------
# Violations that come from Streamlit's own markup, not from our content: (rule id, selector pattern, reason).
# Anything serious or critical that is not matched here fails the test.
AXE_TOEGESTAAN: list[tuple[str, str, str]] = []
ERNSTIG = {"serious", "critical"}


def axe_resultaten(page: Any) -> list[dict[str, Any]]:
    from axe_playwright_python.sync_playwright import Axe

    return list(Axe().run(page).response["violations"])


def ernstige_eigen(violations: list[dict[str, Any]]) -> list[str]:
    """Serious/critical violations per node that no allow-list entry explains, as readable lines."""
    fouten = []
    for v in violations:
        if v.get("impact") not in ERNSTIG:
            continue
        for node in v["nodes"]:
            selector = " ".join(map(str, node["target"]))
            if any(v["id"] == regel and re.search(patroon, selector) for regel, patroon, _ in AXE_TOEGESTAAN):
                continue
            fouten.append(f"{v['id']} ({v['impact']}): {selector} — {node.get('failureSummary', '')[:160]}")
    return fouten


def bewaar_axe(naam: str, violations: list[dict[str, Any]]) -> None:
    map_ = ARTIFACTS / "axe"
    map_.mkdir(parents=True, exist_ok=True)
    samenvatting = [
        {"id": v["id"], "impact": v.get("impact"), "nodes": [" ".join(map(str, n["target"])) for n in v["nodes"]]}
        for v in violations
    ]
    (map_ / f"{naam}.json").write_text(json.dumps(samenvatting, indent=1, ensure_ascii=False), encoding="utf-8")


def controleer_axe(page: Any, naam: str) -> list[dict[str, Any]]:
    """Every axe rule; fails on serious or critical violations and returns all of them (for the moderate ones)."""
    violations = axe_resultaten(page)
    bewaar_axe(naam, violations)
    fouten = ernstige_eigen(violations)
    assert not fouten, f"axe op {naam}:\n" + "\n".join(fouten)
    return violations


# --- every page at two widths ------------------------------------------------------------------------------
# Pages whose headings are link targets (a paragraph, a term, the privacy or complaints section of the
# accessibility statement); elsewhere a heading's link icon is only one more Tab stop.
MET_ANKERS = {"besluit", "begrippen", "over"}


def controleer_koppen(page: Any, naam: str, ankers: bool, violations: list[dict[str, Any]] | None = None) -> None:
    """No heading skips a level (axe heading-order, a "moderate" rule controleer_axe lets pass) and, unless
    the page's headings are link targets, no heading carries a link icon. `violations`: a full axe run's, if
    the page just had one (axe is the costliest step of a page test); otherwise axe runs this one rule."""
    if violations is None:
        from axe_playwright_python.sync_playwright import Axe

        violations = Axe().run(page, options={"runOnly": ["heading-order"]}).response["violations"]
    fouten = [" ".join(map(str, n["target"])) for v in violations if v["id"] == "heading-order" for n in v["nodes"]]
    koppen = page.evaluate(
        """() => [...document.querySelectorAll('[data-testid="stMain"] :is(h1,h2,h3,h4,h5,h6)')]
            .map(h => h.tagName + ' ' + h.innerText.trim().slice(0, 40))"""
    )
    assert not fouten, f"heading-order op {naam}: {fouten}; koppen: {koppen}"
    if not ankers:
        iconen = page.locator('[data-testid="stMain"] [data-testid="stHeaderActionElements"] a')
        assert iconen.count() == 0, f"{naam}: {iconen.count()} koppen met een link-icoon"


@pytest.mark.parametrize("maat", list(MATEN))
@pytest.mark.parametrize("titel", list(PAGINAS))
def test_pagina(pagina: Any, server: Server, titel: str, maat: str) -> None:
    """Dutch, no error, no sideways scrolling, nothing asked of another party, axe, headings; a screenshot."""
    breedte, hoogte = MATEN[maat]
    pagina.set_viewport_size({"width": breedte, "height": hoogte})
    open_pagina(pagina, f"{server.url}/{PAGINAS[titel]}")
    # Plotly is a large lazy chunk: wait (bounded) until every chart has drawn before the screenshot.
    if pagina.locator('[data-testid="stPlotlyChart"]').count():
        pagina.wait_for_function(FIGUREN_GETEKEND_JS)
    pagina.wait_for_function("() => document.fonts.status === 'loaded'")
    pagina.wait_for_load_state("networkidle")  # late requests (fonts, icons, images) are made by now
    naam = f"{PAGINAS[titel] or 'start'}-{maat}"
    schermafdruk(pagina, naam)
    assert pagina.evaluate("document.documentElement.lang") == "nl"
    assert pagina.locator('[data-testid="stException"]').count() == 0, f"fout op {titel}"
    breed = pagina.evaluate("[document.scrollingElement.scrollWidth, window.innerWidth]")
    assert breed[0] <= breed[1], f"{titel} schuift zijwaarts op {maat}: {breed[0]} > {breed[1]} px"
    assert pagina.verzoeken, "geen verzoeken opgenomen: de opname werkt niet"
    assert all(map(van_deze_machine, pagina.verzoeken)), f"{titel} vraagt iets aan een andere partij"
    iconen = pagina.eval_on_selector_all("link[rel~='icon']", "els => els.map(e => e.href)")
    assert iconen and all(map(van_deze_machine, iconen)), f"het pagina-icoon van {titel} komt van elders: {iconen}"
    if maat == "projector":
        # axe once per page, at the size that shows the most (the sidebar is open): it checks the same markup
        # at both sizes, and one run costs more browser CPU than the page load.
        violations = controleer_axe(pagina, naam)
        controleer_koppen(pagina, naam, ankers=PAGINAS[titel] in MET_ANKERS, violations=violations)


def test_taal_blijft_nl_na_navigatie(pagina: Any, server: Server) -> None:
    open_pagina(pagina, f"{server.url}/")
    # The presentation hides the sidebar (it is for the projector): visit it last.
    for titel in sorted(PAGINAS, key=lambda t: PAGINAS[t] == "presentatie"):
        link = pagina.locator('[data-testid="stSidebarNav"] a').filter(has=pagina.get_by_text(titel, exact=True))
        if not link.is_visible():  # a page (the presentation) may start with the sidebar collapsed
            pagina.locator(
                '[data-testid="stExpandSidebarButton"], [data-testid="stSidebarCollapsedControl"] button'
            ).first.click()
        link.click()
        pagina.wait_for_url(re.compile(rf"/{re.escape(PAGINAS[titel])}(\?.*)?$"))
        wacht_klaar(pagina)
        assert pagina.evaluate("document.documentElement.lang") == "nl", titel
    assert not xss_sporen(pagina)


# --- page-specific interactions ---------------------------------------------------------------------------
def test_matrix_cel_kiezen(pagina: Any, server: Server, beleid: Beleid) -> None:
    """Keyboard users pick a cell in a select box; the page then explains that cell like the keuzehulp."""
    open_pagina(pagina, f"{server.url}/matrix")
    keuze = pagina.locator('[data-testid="stSelectbox"]').first
    opties = open_keuzelijst(pagina, keuze)
    assert opties.count() > 1
    pagina.keyboard.type("ISK")  # a group the keuzehulp asks about; the list is long, so filter it by typing
    pagina.keyboard.press("Enter")
    wacht_klaar(pagina)
    kop = pagina.locator(".st-key-matrix-uitleg h2")  # the matrix explains a cell in its own container
    kop.first.wait_for()
    assert kop.count() >= 1, "na het kiezen van een cel verschijnt geen antwoord"
    tekst = normaliseer(hoofdtekst(pagina))
    assert any(normaliseer(r.samenvatting) in tekst for r in beleid.regels)
    link = pagina.locator('[data-testid="stMain"] a[href*="keuzehulp?"]')
    link.first.wait_for()  # the explanation renders in steps
    samenvatting = [r.samenvatting for r in beleid.regels if normaliseer(r.samenvatting) in tekst]
    # The accessible table beside the figure.
    assert pagina.locator('[data-testid="stTable"], [data-testid="stDataFrame"], table').count() >= 1
    # The link opens the same answer in the keuzehulp.
    link.first.click()
    pagina.wait_for_url(re.compile(r"/keuzehulp\?"))
    wacht_klaar(pagina)
    assert pagina.locator(ANTWOORD).count() == 1
    assert any(normaliseer(z) in normaliseer(hoofdtekst(pagina)) for z in samenvatting)


def test_faq_zoeken(pagina: Any, server: Server, beleid: Beleid) -> None:
    """Search for a word that only one FAQ entry contains: that entry stays, the others go."""

    def alles(f: Any) -> str:
        return " ".join([f.vraag, f.antwoord, *(b.citaat for b in f.bronnen)]).lower()

    doel, woord = None, None
    for f in beleid.faq:
        for w in sorted(set(re.findall(r"[a-zà-ÿ]{7,}", f.vraag.lower())), key=len, reverse=True):
            if sum(w in alles(g) for g in beleid.faq) == 1:
                doel, woord = f, w
                break
        if doel:
            break
    assert doel is not None and woord is not None, "geen zoekwoord dat maar in één vraag staat"
    open_pagina(pagina, f"{server.url}/faq")
    zoekvak = pagina.locator('[data-testid="stTextInput"] input').first
    zoekvak.fill(woord)
    zoekvak.press("Enter")
    wacht_klaar(pagina)
    tekst = hoofdtekst(pagina)
    assert doel.vraag in tekst, f"zoeken op {woord!r} vindt {doel.vraag!r} niet"
    for f in beleid.faq:
        if f is not doel:
            assert f.vraag not in tekst, f"zoeken op {woord!r} toont ook {f.vraag!r}"


def test_besluittekst_toont_de_citaten(pagina: Any, server: Server, beleid: Beleid) -> None:
    open_pagina(pagina, f"{server.url}/besluit")
    tekst = normaliseer(hoofdtekst(pagina))
    for regel in beleid.regels:
        for bron in regel.bronnen:
            assert normaliseer(bron.citaat) in tekst, f"citaat van {regel.id} staat niet op de pagina"
