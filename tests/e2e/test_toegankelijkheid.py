"""Accessibility beyond single pages: axe on a wizard result, and the whole wizard by keyboard with visible focus."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

import pytest

from bench.server import Server
from policy import Beleid
from tests.e2e.hulp import ANTWOORD, Pad, alle_paden, open_pagina, optie, vraagtekst, wacht_klaar, wacht_na_stap
from tests.e2e.test_paginas import controleer_axe, controleer_koppen
from views.teksten import TOEGANG_LABEL, TOEGANG_SYMBOOL

MAX_TABS = 60  # more than any page needs; keeps the loop bounded


def test_axe_op_een_antwoord_met_voorwaarden(pagina: Any, server: Server, beleid: Beleid) -> None:
    params = {"doelgroep": "isk", "ingeschreven": "nee", "niveau": "entree", "vorm": "formatief"}
    open_pagina(pagina, f"{server.url}/keuzehulp?{urlencode(params)}")
    assert pagina.locator(ANTWOORD).count() == 1
    controleer_axe(pagina, "keuzehulp-antwoord")


def test_axe_op_een_vraag_met_antwoorden(pagina: Any, server: Server) -> None:
    open_pagina(pagina, f"{server.url}/keuzehulp?rol=mbo-instelling&doelgroep=isk")
    controleer_axe(pagina, "keuzehulp-vraag")


# Every page of the navigation has its headings checked in tests/e2e/test_paginas.py; these states add headings
# of their own: the matrix's explanation of a chosen cell, the FAQ's "Bedoelt u" after a typo.
KOPPEN_PADEN = ["faq?zoek=extranues", "matrix?cel=isk-entree-summatief-nee"]


@pytest.mark.parametrize("pad", KOPPEN_PADEN)
def test_koppen_slaan_geen_niveau_over(pagina: Any, server: Server, pad: str) -> None:
    open_pagina(pagina, f"{server.url}/{pad}")
    controleer_koppen(pagina, f"/{pad}", ankers=False)


def _actief(page: Any) -> dict[str, Any]:
    return dict(
        page.evaluate(
            """() => {
            const e = document.activeElement;
            const radio = e && e.type === 'radio';
            // A radio input is visually hidden; its focus ring is drawn on the option around it.
            const zichtbaar = radio ? e.closest('[data-testid="stRadioOption"]') : e;
            const s = zichtbaar ? getComputedStyle(zichtbaar) : null;
            return {
                tag: e ? e.tagName : null, type: e ? e.type || null : null,
                tekst: e ? (e.innerText || e.getAttribute('aria-label') || '').trim().slice(0, 80) : '',
                outline: s ? s.outlineStyle + ' ' + s.outlineWidth : '', schaduw: s ? s.boxShadow : '',
                focusVisible: e ? e.matches(':focus-visible') : false,
            };
        }"""
        )
    )


def _focus_zichtbaar(info: dict[str, Any]) -> bool:
    outline = info["outline"]
    heeft_outline = bool(outline) and not outline.startswith("none") and not outline.endswith(" 0px")
    heeft_schaduw = info["schaduw"] not in ("", "none")
    return heeft_outline or heeft_schaduw


def _tab_tot(page: Any, past: Any, richting: str = "Tab") -> dict[str, Any]:
    """Press Tab (or Shift+Tab) until `past(info)` holds; bounded."""
    for _ in range(MAX_TABS):
        page.keyboard.press(richting)
        info = _actief(page)
        if past(info):
            return info
    raise AssertionError(f"na {MAX_TABS}x {richting} geen passend element gevonden; laatst: {_actief(page)}")


def test_keuzehulp_met_alleen_het_toetsenbord(pagina: Any, server: Server, beleid: Beleid) -> None:
    """Tab to the question, arrow keys to the option, Space to pick, Tab/Enter on Volgende; focus stays visible."""
    langste: Pad = max(alle_paden(beleid), key=lambda p: len(p.stappen))
    open_pagina(pagina, f"{server.url}/keuzehulp")
    onzichtbaar: list[str] = []
    for vraag_id, waarde in langste.stappen:
        vraag = beleid.vraag(vraag_id)
        assert vraagtekst(pagina) == vraag.tekst
        info = _tab_tot(pagina, lambda i: i["type"] == "radio")
        if not _focus_zichtbaar(info):
            onzichtbaar.append(f"keuzerondje bij {vraag_id}: {info}")
        doel = [o.waarde for o in vraag.opties].index(waarde)
        # The first Tab lands on the group's first option (or the checked one); arrows move and select.
        for _ in range(len(vraag.opties)):
            if pagina.evaluate("document.activeElement.value") == str(doel):
                break
            pagina.keyboard.press("ArrowDown")
        pagina.keyboard.press("Space")
        label = next(o.label for o in vraag.opties if o.waarde == waarde)
        assert optie(pagina, label).locator("input").is_checked(), f"{label} niet gekozen met het toetsenbord"
        info = _tab_tot(pagina, lambda i: i["tag"] == "BUTTON" and i["tekst"] == "Volgende")
        if not _focus_zichtbaar(info):
            onzichtbaar.append(f"knop Volgende bij {vraag_id}: {info}")
        pagina.keyboard.press("Enter")
        wacht_na_stap(pagina, vraag.tekst)
    kop = pagina.locator(ANTWOORD).inner_text().strip()
    assert kop == f"{TOEGANG_SYMBOOL[langste.toegang]} {TOEGANG_LABEL[langste.toegang]}"
    # Back up with Shift+Tab to a change link and open it with Enter: the question comes back.
    info = _tab_tot(pagina, lambda i: i["tag"] == "BUTTON" and i["tekst"].startswith("Wijzig"), richting="Shift+Tab")
    if not _focus_zichtbaar(info):
        onzichtbaar.append(f"knop Wijzig: {info}")
    pagina.keyboard.press("Enter")
    wacht_klaar(pagina)
    assert pagina.locator('[data-testid="stRadio"]').count() == 1
    assert not onzichtbaar, "focus niet zichtbaar:\n" + "\n".join(onzichtbaar)
