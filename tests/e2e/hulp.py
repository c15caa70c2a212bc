"""Helpers for the browser tests: waiting for Streamlit, the XSS trap, the wizard paths from `policy`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from policy import Beleid, Doelgroep, Niveau, Toegang, Vorm
from tests.e2e.conftest import ARTIFACTS
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


def wacht_klaar(page: Any, timeout: float = 20_000) -> None:
    """Wait until Streamlit is connected, no script run is busy and the page has its title (twice: reruns)."""
    page.wait_for_function(_KLAAR_JS, timeout=timeout)
    page.wait_for_timeout(100)
    page.wait_for_function(_KLAAR_JS, timeout=timeout)


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


def vraagtekst(page: Any) -> str:
    return str(page.locator('[data-testid="stRadio"] [data-testid="stWidgetLabel"]').inner_text()).strip()


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
            const l = document.querySelector('[data-testid="stRadio"] [data-testid="stWidgetLabel"]');
            return !l || l.innerText.trim() !== oud;
        }""",
        arg=oude_vraag,
        timeout=20_000,
    )
    page.wait_for_function(_KLAAR_JS, timeout=20_000)


@dataclass(frozen=True)
class Pad:
    """One route through the keuzehulp and the answer `policy` gives for it."""

    stappen: tuple[tuple[str, str], ...]
    toegang: Toegang

    @property
    def naam(self) -> str:
        return "-".join(w for _, w in self.stappen)

    @property
    def kop(self) -> str:
        return TOEGANG_LABEL[self.toegang]


def verwachte_toegang(beleid: Beleid, antwoorden: dict[str, str]) -> Toegang | None:
    """From `policy` alone: the answer for every cell the answers leave open, if they all agree."""
    rol = antwoorden.get("rol")
    doelgroep = antwoorden.get("doelgroep")
    for o in beleid.vraag("rol").opties:
        if o.waarde == rol and o.doelgroep is not None:
            doelgroep = o.doelgroep.value
    groepen = [doelgroep] if doelgroep else [d.value for d in Doelgroep]
    inschr = [antwoorden["ingeschreven_in_mbo"] == "ja"] if "ingeschreven_in_mbo" in antwoorden else [False, True]
    niveaus = [antwoorden["niveau"]] if "niveau" in antwoorden else [n.value for n in Niveau]
    vormen = [antwoorden["vorm"]] if "vorm" in antwoorden else [v.value for v in Vorm]
    uitkomsten = {beleid.decide(d, n, v, i).toegang for d in groepen for i in inschr for n in niveaus for v in vormen}
    regels = {beleid.decide(d, n, v, i).regel.id for d in groepen for i in inschr for n in niveaus for v in vormen}
    return uitkomsten.pop() if len(regels) == 1 else None


VOLGORDE = ("rol", "doelgroep", "ingeschreven_in_mbo", "niveau", "vorm")


def alle_paden(beleid: Beleid) -> list[Pad]:
    """Every route, asking in the fixed order and skipping a question once `policy` says the answer is fixed.

    A question is skipped when its answer cannot change the rule (`verwachte_toegang` finds one rule);
    `doelgroep` is only asked of an mbo-instelling (the rol names the group for everyone else).
    """
    paden: list[Pad] = []

    def verder(antwoorden: dict[str, str]) -> None:
        toegang = verwachte_toegang(beleid, antwoorden) if "rol" in antwoorden else None
        if toegang is not None:
            paden.append(Pad(tuple(antwoorden.items()), toegang))
            return
        vraag_id = _volgende(beleid, antwoorden)
        for o in beleid.vraag(vraag_id).opties:
            verder({**antwoorden, vraag_id: o.waarde})

    verder({})
    return paden


def _volgende(beleid: Beleid, antwoorden: dict[str, str]) -> str:
    rol_groep = next((o.doelgroep for o in beleid.vraag("rol").opties if o.waarde == antwoorden.get("rol")), None)
    for vraag_id in VOLGORDE:
        if vraag_id in antwoorden or (vraag_id == "doelgroep" and rol_groep is not None):
            continue
        if vraag_id in ("rol", "doelgroep"):
            return vraag_id
        # Ask it only if some answer to it splits the open cells into different rules.
        uitkomsten = set()
        for o in beleid.vraag(vraag_id).opties:
            uitkomsten.add(_regels(beleid, {**antwoorden, vraag_id: o.waarde}))
        if len(uitkomsten) > 1:
            return vraag_id
    raise AssertionError(f"geen vraag meer maar ook geen antwoord bij {antwoorden}")


def _regels(beleid: Beleid, antwoorden: dict[str, str]) -> frozenset[str]:
    rol_groep = next((o.doelgroep for o in beleid.vraag("rol").opties if o.waarde == antwoorden.get("rol")), None)
    groepen = (
        [rol_groep.value]
        if rol_groep
        else ([antwoorden["doelgroep"]] if "doelgroep" in antwoorden else list(Doelgroep))
    )
    inschr = [antwoorden["ingeschreven_in_mbo"] == "ja"] if "ingeschreven_in_mbo" in antwoorden else [False, True]
    niveaus = [antwoorden["niveau"]] if "niveau" in antwoorden else list(Niveau)
    vormen = [antwoorden["vorm"]] if "vorm" in antwoorden else list(Vorm)
    return frozenset(
        beleid.decide(d, n, v, i).regel.id for d in groepen for i in inschr for n in niveaus for v in vormen
    )
