"""Wat als in a real browser: the scenario survives a reload through the URL, a hostile link is left out
without being shown, the two matrices stand side by side on a projector, and the text reads from afar."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from bench.server import Server
from policy import Beleid, Cel, Doelgroep, Niveau, Toegang, Vorm
from policy.scenario import URL_SLEUTEL, cel_in_woorden, wijzigingen_als_url
from tests.e2e.hulp import VRIENDELIJK, hoofdtekst, open_keuzelijst, open_pagina, schermafdruk, wacht_klaar, xss_sporen

ISK_ENTREE_SUMMATIEF = Cel(Doelgroep.isk, Niveau.entree, Vorm.summatief, False)
MIN_PX = 18  # a board member reads this page from a projector: nothing at Streamlit's 14-16 px


def _kop(page: Any) -> str:
    return str(page.locator('[data-testid="stMain"] h2').first.inner_text()).strip()


def _wacht_op_kop(page: Any, tekst: str) -> None:
    page.wait_for_function(
        """(t) => { const h = document.querySelector('[data-testid="stMain"] h2');
                    return !!h && h.innerText.trim() === t; }""",
        arg=tekst,
    )
    wacht_klaar(page)  # the rest of the page is drawn by the same run


def _kies(page: Any, label: str, optie: str) -> None:
    keuze = page.get_by_role("combobox", name=label)
    open_keuzelijst(page, keuze)
    page.get_by_role("option", name=optie, exact=True).click()
    # The choice has landed when the box shows it and the rerun it starts is done.
    expect(keuze).to_have_value(optie)
    wacht_klaar(page)


def test_a_change_made_with_the_mouse_survives_a_reload(pagina: Any, server: Server, beleid: Beleid) -> None:
    open_pagina(pagina, f"{server.url}/wat-als")
    assert _kop(pagina) == "Wat is anders: nog niets"
    _kies(pagina, "Groep", beleid.label("doelgroep", Doelgroep.isk))
    _kies(pagina, "Soort toets", beleid.label("vorm", Vorm.summatief))
    _kies(pagina, "Nieuw antwoord", "✓ Ja")
    pagina.get_by_role("button", name="Wijziging toevoegen").click()
    _wacht_op_kop(pagina, "Wat is anders: 1 cel")
    assert cel_in_woorden(beleid, ISK_ENTREE_SUMMATIEF) in hoofdtekst(pagina)
    pagina.wait_for_url(re.compile(rf"[?&]{URL_SLEUTEL}="))
    pagina.reload(wait_until="domcontentloaded")
    _wacht_op_kop(pagina, "Wat is anders: 1 cel")
    assert cel_in_woorden(beleid, ISK_ENTREE_SUMMATIEF) in hoofdtekst(pagina)
    # Removing it empties the URL again: a reload then shows no scenario.
    pagina.get_by_role("button", name="Verwijder").click()
    _wacht_op_kop(pagina, "Wat is anders: nog niets")
    pagina.wait_for_url(lambda url: URL_SLEUTEL not in url)


def test_a_shared_link_opens_the_same_scenario_in_a_new_browser(pagina: Any, server: Server, beleid: Beleid) -> None:
    tweede = Cel(Doelgroep.vmbo, Niveau.n2, Vorm.formatief, False)
    waarde = wijzigingen_als_url({ISK_ENTREE_SUMMATIEF: Toegang.ja, tweede: Toegang.ja})
    open_pagina(pagina, f"{server.url}/wat-als?{URL_SLEUTEL}={waarde}")
    _wacht_op_kop(pagina, "Wat is anders: 2 cellen")
    tekst = hoofdtekst(pagina)
    assert cel_in_woorden(beleid, ISK_ENTREE_SUMMATIEF) in tekst and cel_in_woorden(beleid, tweede) in tekst
    assert VRIENDELIJK not in tekst


def test_a_hostile_link_is_left_out_and_never_shown(pagina: Any, server: Server) -> None:
    kwaad = "isk-entree-summatief-nee:ja,<img src=x onerror=window.__xss.push(1)>"
    open_pagina(pagina, f"{server.url}/wat-als?{URL_SLEUTEL}={kwaad}")
    _wacht_op_kop(pagina, "Wat is anders: 1 cel")
    tekst = hoofdtekst(pagina)
    assert VRIENDELIJK in tekst
    assert "onerror" not in tekst and "<img" not in tekst
    assert xss_sporen(pagina) == []
    # The URL is rewritten from what was understood.
    pagina.wait_for_url(lambda url: "onerror" not in url and URL_SLEUTEL in url)


def _kolommen_van_paar(page: Any) -> list[dict[str, float]]:
    """The boxes of the two matrices (decision, scenario) of the first pair."""
    page.wait_for_function("document.querySelectorAll('.js-plotly-plot .main-svg').length >= 4")
    paar = page.locator('[class*="st-key-wat-als-paar-"]').first
    return [k.bounding_box() for k in paar.locator(".stPlotlyChart").all()]


@pytest.mark.parametrize("pagina", [(1920, 1080)], indirect=True)
def test_projector_shows_decision_and_scenario_side_by_side(pagina: Any, server: Server, beleid: Beleid) -> None:
    open_pagina(pagina, f"{server.url}/wat-als?{URL_SLEUTEL}=isk-entree-summatief-nee:ja")
    besluit, scenario = _kolommen_van_paar(pagina)
    assert abs(besluit["y"] - scenario["y"]) < 2 and scenario["x"] > besluit["x"] + besluit["width"] - 1
    # The difference is on the first screen, above the way to change a cell.
    verschil = pagina.get_by_text(f"◆ {cel_in_woorden(beleid, ISK_ENTREE_SUMMATIEF)}").bounding_box()
    assert verschil["y"] + verschil["height"] < 1080
    schermafdruk(pagina, "wat-als-1920x1080")


@pytest.mark.parametrize("pagina", [(1366, 768)], indirect=True)
def test_laptop_puts_the_scenario_below_the_decision(pagina: Any, server: Server) -> None:
    open_pagina(pagina, f"{server.url}/wat-als?{URL_SLEUTEL}=isk-entree-summatief-nee:ja")
    besluit, scenario = _kolommen_van_paar(pagina)
    assert scenario["y"] >= besluit["y"] + besluit["height"] - 1
    assert besluit["width"] > 800  # wide enough for eight readable cells
    schermafdruk(pagina, "wat-als-1366x768")


_KLEINE_TEKST_JS = """(min) => {
  const uit = [];
  const main = document.querySelector('[data-testid="stMain"]');
  const w = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  while (w.nextNode()) {
    const e = w.currentNode.parentElement;
    if (!w.currentNode.textContent.trim() || !e.checkVisibility()) continue;
    if (e.closest('svg, [data-testid="stIconMaterial"]')) continue;  // figure labels, icon ligatures
    const px = parseFloat(getComputedStyle(e).fontSize);
    if (px < min) uit.push(px + 'px: ' + w.currentNode.textContent.trim().slice(0, 50));
  }
  for (const i of main.querySelectorAll('input')) {
    const px = parseFloat(getComputedStyle(i).fontSize);
    if (i.checkVisibility() && px < min) uit.push(px + 'px (invoer): ' + i.value.slice(0, 50));
  }
  return uit;
}"""


@pytest.mark.parametrize("pagina", [(1920, 1080)], indirect=True)
def test_no_text_under_18_px_at_projector_size(pagina: Any, server: Server) -> None:
    open_pagina(pagina, f"{server.url}/wat-als?{URL_SLEUTEL}=isk-entree-summatief-nee:ja")
    pagina.get_by_text("Voor beheerders").click()  # the technical part too, once opened
    pagina.get_by_role("button", name="Download het scenario (YAML)").wait_for()
    assert pagina.evaluate(_KLEINE_TEKST_JS, MIN_PX) == []


def test_commands_and_rule_ids_only_under_voor_beheerders(pagina: Any, server: Server) -> None:
    open_pagina(pagina, f"{server.url}/wat-als?{URL_SLEUTEL}=isk-entree-summatief-nee:ja")
    tekst = hoofdtekst(pagina)
    assert "python -m policy" not in tekst and "scenario-isk" not in tekst
    pagina.get_by_text("Voor beheerders").click()
    pagina.get_by_text("python -m policy", exact=False).first.wait_for()
    assert "scenario-isk-entree-summatief-nee" in hoofdtekst(pagina)
