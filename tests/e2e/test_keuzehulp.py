"""The keuzehulp in a real browser: what only a browser shows. Routes and answers are specified in
tests/routes.yaml and tests/test_routes.py; here: clicking through, focus, every answer page as rendered,
change buttons, the copy button, deep links as the first request of a fresh server."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any
from urllib.parse import parse_qs, urlencode, urlparse

import pytest

from bench.server import Server
from policy import Beleid, load_policy
from tests.e2e.hulp import (
    LEGACY_TITELS,
    Pad,
    alle_paden,
    antwoord_kop,
    beantwoord,
    dekkend,
    hoofdtekst,
    nav_titels,
    open_pagina,
    optie,
    wacht_klaar,
    wacht_na_stap,
    xss_sporen,
)
from views import wizard
from views.paginas import MENU
from views.uitleg import uitleg


def _teksten(beleid: Beleid, pad: Pad) -> set[Hashable]:
    """The route-dependent lines of an answer page: its heading and what would change it."""
    stand = wizard.stand(beleid, pad.query)
    assert stand.beslissing is not None
    u = uitleg(beleid, stand.beslissing, stand.cellen)
    return {u.kop, *(v.tekst for v in u.veranderingen), *([u.niets_verandert] if u.niets_verandert else [])}


try:
    PADEN = alle_paden(load_policy())
    # Every distinct answer-page line once (tests/test_routes.py specifies each route's lines).
    ANTWOORDPADEN = dekkend(PADEN, lambda p: _teksten(load_policy(), p))
except Exception:  # the policy is broken: tests/test_validatie.py and `policy check` say why
    PADEN = ANTWOORDPADEN = []


def nav_titels_uit_app() -> list[str]:
    """The titles the navigation script gives st.navigation (views.paginas.MENU)."""
    return [punt.titel for punt in MENU]


def _plat(tekst: str) -> str:
    return " ".join(tekst.split())


def test_paden_bestaan() -> None:
    assert len(PADEN) > 10, "geen routes gevonden: laadt het beleid? (`python -m policy check`)"


def test_een_route_met_de_muis_en_de_focus_op_elke_nieuwe_vraag(pagina: Any, server: Server, beleid: Beleid) -> None:
    langste: Pad = max(PADEN, key=lambda p: len(p.stappen))
    open_pagina(pagina, f"{server.url}/keuzehulp")
    for vraag_id, waarde in langste.stappen:
        beantwoord(pagina, beleid, vraag_id, waarde)
        # After Volgende the keyboard focus is on the new step's heading, not lost on the page body.
        pagina.wait_for_function(
            "() => { const a = document.activeElement; return a && a.tagName === 'H2'"
            " && !!a.closest('.st-key-vraag, .st-key-antwoord'); }"
        )
    assert antwoord_kop(pagina).endswith(langste.kop)
    query = parse_qs(urlparse(pagina.url).query)
    for vraag_id, waarde in langste.stappen:
        assert query.get(wizard.URL_SLEUTEL[vraag_id]) == [waarde]
    namen = [f"Wijzig: {beleid.vraag(v).kort.lower()}" for v, _ in langste.stappen]
    assert [pagina.get_by_role("button", name=n, exact=True).count() for n in namen] == [1] * len(namen)
    assert not xss_sporen(pagina)


@pytest.mark.parametrize("pad", ANTWOORDPADEN, ids=[p.naam for p in ANTWOORDPADEN])
def test_elk_antwoord_zegt_wat_het_verandert(pagina: Any, server: Server, beleid: Beleid, pad: Pad) -> None:
    """Answer pages as rendered: the heading and every 'what would change' line from views.uitleg; together
    these routes show every distinct line (hulp.dekkend)."""
    open_pagina(pagina, f"{server.url}/keuzehulp?{urlencode(pad.query)}")
    stand = wizard.stand(beleid, pad.query)
    assert stand.beslissing is not None
    u = uitleg(beleid, stand.beslissing, stand.cellen)
    assert antwoord_kop(pagina) == u.kop
    tekst = _plat(hoofdtekst(pagina))
    for verandering in u.veranderingen:
        assert _plat(verandering.tekst) in tekst, verandering.tekst
    if u.niets_verandert:
        assert _plat(u.niets_verandert) in tekst


def test_wijzig_houdt_latere_antwoorden(pagina: Any, server: Server, beleid: Beleid) -> None:
    start = {
        "rol": "mbo-instelling",
        "doelgroep": "isk",
        "ingeschreven": "nee",
        "niveau": "entree",
        "vorm": "summatief",
    }
    open_pagina(pagina, f"{server.url}/keuzehulp?{urlencode(start)}")
    eerst = antwoord_kop(pagina)

    def wijzig_groep(naar: str) -> None:
        groep = beleid.vraag("doelgroep")
        pagina.get_by_role("button", name=f"Wijzig: {groep.kort.lower()}", exact=True).click()
        wacht_klaar(pagina)
        optie(pagina, next(o.label for o in groep.opties if o.waarde == naar)).click()
        pagina.get_by_role("button", name="Volgende").click()
        wacht_na_stap(pagina, groep.tekst)

    # To Onderwijsroute: niveau and vorm no longer matter, the answer comes at once ...
    wijzig_groep("onderwijsroute")
    anders = wizard.stand(beleid, {**start, "doelgroep": "onderwijsroute"})
    assert anders.beslissing is not None
    assert antwoord_kop(pagina) == uitleg(beleid, anders.beslissing).kop
    query = parse_qs(urlparse(pagina.url).query)
    assert query["niveau"] == ["entree"] and query["vorm"] == ["summatief"], "latere antwoorden zijn bewaard"
    # ... and back to ISK: the kept niveau and vorm give the first answer again without asking.
    wijzig_groep("isk")
    assert antwoord_kop(pagina) == eerst
    assert pagina.locator('[data-testid="stRadio"]').count() == 0


def test_kopieerknop_kopieert_de_link_en_zegt_het(pagina: Any, server: Server, beleid: Beleid) -> None:
    pagina.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.url)
    params = {"rol": "vmbo", "ingeschreven": "ja"}
    open_pagina(pagina, f"{server.url}/keuzehulp?{urlencode(params)}")
    link = str(pagina.locator(".deel-link").inner_text()).strip()
    assert urlparse(link).path == "/keuzehulp"
    knop = pagina.get_by_role("button", name="Kopieer link")
    assert knop.bounding_box()["height"] >= 44, "a large target on a phone"
    knop.click()
    pagina.get_by_text("De link is gekopieerd.").wait_for()
    assert pagina.evaluate("navigator.clipboard.readText()") == link
    kop = antwoord_kop(pagina)
    open_pagina(pagina, link)
    assert antwoord_kop(pagina) == kop


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
    assert antwoord_kop(pagina) == uitleg(beleid, d).kop
    assert _plat(d.regel.samenvatting) in _plat(hoofdtekst(pagina))
    assert pagina.evaluate("document.documentElement.lang") == "nl"


def test_andere_pagina_als_eerste_verzoek(verse_server: Callable[[], Server], pagina: Any) -> None:
    """A page other than the keuzehulp (the same routing for every page; a fresh server costs 4 s of CPU)."""
    server = verse_server()
    open_pagina(pagina, f"{server.url}/matrix")
    titels = nav_titels(pagina)
    assert titels == nav_titels_uit_app(), f"navigatie toont {titels}"
    assert pagina.evaluate("document.documentElement.lang") == "nl"
    assert not pagina.locator('[data-testid="stException"]').count()
    assert "Page not found" not in hoofdtekst(pagina)
