"""The keuzehulp in a real browser: every route clicked to its answer, change links, deep links on a fresh server."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs, urlencode, urlparse

import pytest

from policy import Beleid, load_policy
from tests.conftest import APP_SCRIPT
from tests.e2e.conftest import Server
from tests.e2e.hulp import (
    LEGACY_TITELS,
    Pad,
    alle_paden,
    beantwoord,
    hoofdtekst,
    nav_titels,
    open_pagina,
    optie,
    verwachte_toegang,
    wacht_klaar,
    wacht_na_stap,
    xss_sporen,
)
from views.teksten import TOEGANG_LABEL, TOEGANG_SYMBOOL

try:
    PADEN = alle_paden(load_policy())
except Exception:  # the policy is broken: tests/test_validatie.py and `policy check` say why
    PADEN = []

URL_SLEUTEL = {"ingeschreven_in_mbo": "ingeschreven"}


def nav_titels_uit_app() -> list[str]:
    """The titles the navigation script gives st.navigation, read from its source."""
    return re.findall(r'st\.Page\(.*title="([^"]+)"', APP_SCRIPT.read_text(encoding="utf-8"))


def antwoord_kop(page: Any) -> str:
    return str(page.locator('[data-testid="stHeading"]:has(#antwoord)').inner_text()).strip()


def test_paden_bestaan() -> None:
    assert PADEN, "geen routes gevonden: laadt het beleid? (`python -m policy check`)"
    assert {p.toegang for p in PADEN} == {t for t in TOEGANG_LABEL}, "elke soort antwoord hoort bereikbaar te zijn"


@pytest.mark.parametrize("pad", PADEN, ids=[p.naam for p in PADEN])
def test_elke_route_met_de_muis_tot_het_antwoord(pagina: Any, server: Server, beleid: Beleid, pad: Pad) -> None:
    open_pagina(pagina, f"{server.url}/keuzehulp")
    for vraag_id, waarde in pad.stappen:
        assert "antwoord" not in pagina.locator("h2, h3").evaluate_all("els => els.map(e => e.id)")
        beantwoord(pagina, beleid, vraag_id, waarde)
    kop = antwoord_kop(pagina)
    assert kop == f"{TOEGANG_SYMBOOL[pad.toegang]} {TOEGANG_LABEL[pad.toegang]}"
    # The URL now holds the answers: it is the shareable link.
    query = parse_qs(urlparse(pagina.url).query)
    for vraag_id, waarde in pad.stappen:
        assert query.get(URL_SLEUTEL.get(vraag_id, vraag_id)) == [waarde]
    # The summary lists every answer on the route with a change link.
    assert pagina.get_by_role("button", name="Wijzig").count() == len(pad.stappen)
    assert not xss_sporen(pagina)


def test_wijzig_houdt_latere_antwoorden(pagina: Any, server: Server, beleid: Beleid) -> None:
    start = {
        "rol": "mbo-instelling",
        "doelgroep": "isk",
        "ingeschreven": "nee",
        "niveau": "entree",
        "vorm": "summatief",
    }
    open_pagina(pagina, f"{server.url}/keuzehulp?{urlencode(start)}")
    antwoorden = {
        "rol": "mbo-instelling",
        "doelgroep": "isk",
        "ingeschreven_in_mbo": "nee",
        "niveau": "entree",
        "vorm": "summatief",
    }
    verwacht = verwachte_toegang(beleid, antwoorden)
    assert verwacht is not None
    assert antwoord_kop(pagina).endswith(TOEGANG_LABEL[verwacht])

    def wijzig_groep(naar: str) -> None:
        groep = beleid.vraag("doelgroep")
        pagina.get_by_role("button", name="Wijzig").nth(1).click()  # rol, doelgroep, ...: the second
        wacht_klaar(pagina)
        label = next(o.label for o in groep.opties if o.waarde == naar)
        optie(pagina, label).click()
        pagina.get_by_role("button", name="Volgende").click()
        wacht_na_stap(pagina, groep.tekst)

    # To Onderwijsroute: niveau and vorm no longer matter, the answer comes at once ...
    wijzig_groep("onderwijsroute")
    verwacht_or = verwachte_toegang(beleid, {**antwoorden, "doelgroep": "onderwijsroute"})
    assert verwacht_or is not None
    assert antwoord_kop(pagina).endswith(TOEGANG_LABEL[verwacht_or])
    query = parse_qs(urlparse(pagina.url).query)
    assert query["niveau"] == ["entree"] and query["vorm"] == ["summatief"], "latere antwoorden zijn bewaard"
    # ... and back to ISK: the kept niveau and vorm give the first answer again without asking.
    wijzig_groep("isk")
    assert antwoord_kop(pagina).endswith(TOEGANG_LABEL[verwacht])
    assert pagina.locator('[data-testid="stRadio"]').count() == 0


def test_deeplink_als_eerste_verzoek_van_een_verse_server(
    verse_server: Callable[[], Server], pagina: Any, beleid: Beleid
) -> None:
    server = verse_server()
    params = {"doelgroep": "isk", "niveau": "entree", "vorm": "formatief", "ingeschreven": "nee"}
    open_pagina(pagina, f"{server.url}/keuzehulp?{urlencode(params)}")
    titels = nav_titels(pagina)
    assert titels == nav_titels_uit_app(), f"navigatie toont {titels}"
    assert not LEGACY_TITELS & set(titels), "de oude pages/-lijst verschijnt"
    d = beleid.decide("isk", "entree", "formatief", False)
    assert antwoord_kop(pagina) == f"{TOEGANG_SYMBOOL[d.toegang]} {TOEGANG_LABEL[d.toegang]}"
    assert " ".join(d.regel.samenvatting.split()) in " ".join(hoofdtekst(pagina).split())
    assert pagina.evaluate("document.documentElement.lang") == "nl"


@pytest.mark.parametrize("pad", ["matrix", "faq"])
def test_andere_pagina_als_eerste_verzoek(verse_server: Callable[[], Server], pagina: Any, pad: str) -> None:
    server = verse_server()
    open_pagina(pagina, f"{server.url}/{pad}")
    titels = nav_titels(pagina)
    assert titels == nav_titels_uit_app(), f"navigatie toont {titels}"
    assert pagina.evaluate("document.documentElement.lang") == "nl"
    assert not pagina.locator('[data-testid="stException"]').count()
    assert "Page not found" not in hoofdtekst(pagina)


def test_kopieerlink_opent_hetzelfde_antwoord(pagina: Any, server: Server, beleid: Beleid) -> None:
    params = {"rol": "vmbo", "ingeschreven": "ja"}
    open_pagina(pagina, f"{server.url}/keuzehulp?{urlencode(params)}")
    link = str(pagina.locator('[data-testid="stCode"] code').inner_text()).strip()
    assert urlparse(link).path == "/keuzehulp"
    kop = antwoord_kop(pagina)
    open_pagina(pagina, link)
    assert antwoord_kop(pagina) == kop
    verwacht = verwachte_toegang(beleid, {"rol": "vmbo", "ingeschreven_in_mbo": "ja"})
    assert verwacht is not None and kop.endswith(TOEGANG_LABEL[verwacht])
