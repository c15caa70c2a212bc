"""The versions (issue 17) in the light edition and the static site, without JavaScript: pinned links, the banner,
the 404 for an unknown decision, /licht/versies, and a static site that carries every decision.

Every test with two decisions builds the second one in a temporary folder (tests/conftest.py:
`maak_tweede_besluit`: ISK / Entree / summatief / not enrolled goes from nee to ja); it is never shipped as policy.
Expected values come from the policy data (the decisions' own rules, quotes and entries), not from the pages.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import urlencode

import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from policy import Beleid, Cel, Doelgroep, Niveau, Vorm, laad_versies
from policy.domain import DIMENSIES
from policy.versies import BESLUITEN_OMGEVING
from tests.conftest import GEWIJZIGDE_CEL, TWEEDE_ID, VERVALLEN_FAQ, maak_tweede_besluit
from tests.test_licht import MAX_HTML, _tekst, controleer_links
from views import wizard
from views.licht.links import STATISCH_PAD, statische_naam
from views.licht.pagina import MELDING
from views.teksten import TOEGANG_LABEL, datum
from web import licht

EERSTE_ID = "alv-2026-03-26"
CEL = Cel(Doelgroep.isk, Niveau.entree, Vorm.summatief, False)  # the cell the test decision changes
ONGEWIJZIGD = Cel(Doelgroep.vmbo, Niveau.n2, Vorm.summatief, False)
PAGINAS = ["/licht/", "/licht/keuzehulp", "/licht/overzicht", "/licht/vragen", "/licht/begrippen", "/licht/besluit"]
BANNER = re.compile(r'<section class="versie versie-(\w+)"[^>]*>(.*?)</section>', re.S)


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(Starlette(routes=licht.ROUTES))


# One folder per kind for the whole module (conftest's fixtures make one per test): each folder loads its
# decisions anew, and forty of them would push the shipped decision out of policy.versies' bounded caches,
# so that `load_policy()` in a later test in this worker is no longer the session's `beleid`.
@pytest.fixture(scope="module")
def _twee_map(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return maak_tweede_besluit(tmp_path_factory.mktemp("twee") / "besluiten")


@pytest.fixture(scope="module")
def _voorstel_map(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return maak_tweede_besluit(tmp_path_factory.mktemp("voorstel") / "besluiten", status="voorstel")


@pytest.fixture
def twee_besluiten(_twee_map: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(BESLUITEN_OMGEVING, str(_twee_map))
    return _twee_map


@pytest.fixture
def met_voorstel(_voorstel_map: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(BESLUITEN_OMGEVING, str(_voorstel_map))
    return _voorstel_map


def _antwoord(beleid: Beleid, cel: Cel) -> str:
    return TOEGANG_LABEL[beleid.decide(*cel).toegang]


def _link(cel: Cel, versie: str | None) -> str:
    """The light keuzehulp on one cell's answer, pinned to `versie` or not."""
    query = {d.url_sleutel: d.als_tekst(getattr(cel, d.veld)) for d in DIMENSIES}
    return f"/licht/keuzehulp?{urlencode({**query, **({'versie': versie} if versie else {})})}"


def _kop(pagina: str) -> str:
    gevonden = re.search(r"<h1>(.*?)</h1>", pagina, re.S)
    assert gevonden is not None
    return html.unescape(gevonden.group(1))


def _banner(pagina: str) -> tuple[str, str, str | None] | None:
    """The banner's kind, its text and its link, or None."""
    gevonden = BANNER.search(pagina)
    if gevonden is None:
        return None
    link = re.search(r'<a href="([^"]+)"', gevonden.group(2))
    return gevonden.group(1), _tekst(gevonden.group(2)), html.unescape(link.group(1)) if link else None


def _hrefs(pagina: str) -> list[str]:
    return [html.unescape(h) for h in re.findall(r'<a [^>]*href="([^"]+)"', pagina)]


# --- pinned links ---------------------------------------------------------------------------------------
def test_oude_link_opent_het_oude_antwoord_met_melding_en_link_naar_het_nieuwe(
    client: TestClient, twee_besluiten: Path
) -> None:
    versies = laad_versies()
    oud, nieuw = versies.kies(EERSTE_ID), versies.kies(TWEEDE_ID)
    assert _antwoord(oud, CEL) != _antwoord(nieuw, CEL), "het testbesluit verandert deze cel"
    antwoord = client.get(_link(CEL, EERSTE_ID))
    assert antwoord.status_code == 200 and len(antwoord.content) <= MAX_HTML
    pagina = antwoord.text
    assert _antwoord(oud, CEL) in _kop(pagina), "de vastgepinde link blijft het antwoord van toen"
    assert " ".join(oud.decide(*CEL).regel.samenvatting.split()) in _tekst(pagina)
    banner = _banner(pagina)
    assert banner is not None
    soort, tekst, link = banner
    assert soort == "nieuwer"
    assert f"Er is een nieuwer besluit van {datum(nieuw.besluit.datum)}" in tekst
    assert "Het nieuwe besluit geeft op deze vraag een ander antwoord." in tekst and "hetzelfde" not in tekst
    assert pagina.index('<section class="versie') < pagina.index("<h1>"), "de melding staat bovenaan"
    # The banner's link: the same question under the new decision, which answers it the new way, without banner.
    assert link is not None
    verder = client.get(f"/licht/{link}")
    assert verder.status_code == 200
    assert _antwoord(nieuw, CEL) in _kop(verder.text)
    assert _banner(verder.text) is None


def test_oude_link_voor_een_ongewijzigde_vraag_zegt_dat_het_hetzelfde_is(
    client: TestClient, twee_besluiten: Path
) -> None:
    versies = laad_versies()
    oud, nieuw = versies.kies(EERSTE_ID), versies.kies(TWEEDE_ID)
    assert oud.decide(*ONGEWIJZIGD).regel.model_dump() == nieuw.decide(*ONGEWIJZIGD).regel.model_dump()
    pagina = client.get(_link(ONGEWIJZIGD, EERSTE_ID)).text
    banner = _banner(pagina)
    assert banner is not None and banner[0] == "nieuwer"
    assert "hetzelfde antwoord" in banner[1] and "ander antwoord" not in banner[1]
    veranderd = _banner(client.get(_link(CEL, EERSTE_ID)).text)
    assert veranderd is not None and veranderd[1] != banner[1]


def test_link_zonder_versie_is_het_nieuwe_besluit_zonder_melding(client: TestClient, twee_besluiten: Path) -> None:
    nieuw = laad_versies().kies(TWEEDE_ID)
    pagina = client.get(_link(CEL, None)).text
    assert _antwoord(nieuw, CEL) in _kop(pagina)
    assert _banner(pagina) is None
    for pad in PAGINAS:
        assert _banner(client.get(pad).text) is None, pad
    # The new decision pinned by name: no banner either (it is the current one).
    assert _banner(client.get(_link(CEL, TWEEDE_ID)).text) is None


@pytest.mark.parametrize("pad", PAGINAS)
def test_een_vastgepinde_pagina_houdt_haar_besluit_in_elke_link(
    client: TestClient, twee_besluiten: Path, pad: str
) -> None:
    pagina = client.get(f"{pad}?{urlencode({'versie': EERSTE_ID})}").text
    banner = _banner(pagina)
    assert banner is not None and banner[2] is not None and f"versie={TWEEDE_ID}" in banner[2]
    zonder_banner = BANNER.sub("", pagina)
    links = [h for h in _hrefs(zonder_banner) if not h.startswith("#")]
    assert links
    for link in links:
        assert f"versie={EERSTE_ID}" in link, f"{pad}: {link}"
    assert MELDING not in pagina, "versie is geen onbekend deel van de link"


@pytest.mark.parametrize("pad", [*PAGINAS, "/licht/versies", _link(CEL, None)])
@pytest.mark.parametrize("gevraagd", ["alv-1999-01-01", "<script>alert(1)</script>", "x" * 500, "ALV-2026-03-2"])
def test_onbekende_versie_is_een_nederlandse_404_met_de_bekende(
    client: TestClient, twee_besluiten: Path, pad: str, gevraagd: str
) -> None:
    scheiding = "&" if "?" in pad else "?"
    antwoord = client.get(f"{pad}{scheiding}{urlencode({'versie': gevraagd})}")
    assert antwoord.status_code == 404
    assert antwoord.headers["content-type"] == "text/html; charset=utf-8"
    pagina = antwoord.text
    assert '<html lang="nl">' in pagina and "<script" not in pagina.lower()
    assert gevraagd not in pagina and html.escape(gevraagd) not in pagina and "alert" not in pagina
    assert len(antwoord.content) <= MAX_HTML
    hrefs = _hrefs(pagina)
    for versie in (EERSTE_ID, TWEEDE_ID):
        assert versie in _tekst(pagina)
        assert any(f"versie={versie}" in h for h in hrefs), versie
        # Each link opens that decision's page (the keuzehulp: with the link's answers).
        doel = next(h for h in hrefs if f"versie={versie}" in h)
        opent = client.get(f"/licht/{doel}")
        assert opent.status_code == 200, doel
        if pad == _link(CEL, None):
            assert _antwoord(laad_versies().kies(versie), CEL) in _kop(opent.text)


def test_onbekende_versie_in_de_vergelijking_is_een_404(client: TestClient, twee_besluiten: Path) -> None:
    assert client.get(f"/licht/versies?oud={EERSTE_ID}&nieuw=alv-3000-01-01").status_code == 404
    assert client.get("/licht/versies?oud=%3Cb%3E").status_code == 404
    half = client.get(f"/licht/versies?oud={EERSTE_ID}")
    assert half.status_code == 200 and MELDING in half.text


# --- /licht/versies --------------------------------------------------------------------------------------
def _vergelijking_van(pagina: str, oud: str, nieuw: str) -> str:
    gevonden = re.search(
        rf'<section class="vergelijking" aria-labelledby="van-{oud}-naar-{nieuw}">(.*?)</section>', pagina, re.S
    )
    assert gevonden is not None, (oud, nieuw)
    return gevonden.group(1)


def test_versiepagina_noemt_elk_besluit_en_wat_er_veranderde(client: TestClient, twee_besluiten: Path) -> None:
    versies = laad_versies()
    oud, nieuw = versies.kies(EERSTE_ID), versies.kies(TWEEDE_ID)
    antwoord = client.get("/licht/versies")
    assert antwoord.status_code == 200 and len(antwoord.content) <= MAX_HTML
    pagina = antwoord.text
    assert "<script" not in pagina.lower() and '<html lang="nl">' in pagina
    tekst = _tekst(pagina)
    for b in (oud, nieuw):
        blok = _tekst(re.search(rf'id="besluit-{b.besluit.id}".*?</section>', pagina, re.S).group(0))  # type: ignore[union-attr]
        assert b.besluit.id in blok and datum(b.besluit.datum) in blok
        assert b.besluit.status in blok.lower()
        for deel in (b.besluit.bron.titel, b.besluit.bron.uitgever, b.besluit.bron.herkomst):
            assert " ".join(deel.split()) in blok
        assert ("Dit is het nieuwste besluit in deze app." in blok) == (b is versies.huidig)
        assert "geldt nu" not in blok, "the bericht gives no date from which a decision applies"
    # The changed cell: both answers, both summaries, the quotes of both, each side's cell in its keuzehulp.
    blok = _vergelijking_van(pagina, EERSTE_ID, TWEEDE_ID)
    for b in (oud, nieuw):
        beslissing = b.decide(*CEL)
        assert f"{TOEGANG_LABEL[beslissing.toegang]}" in _tekst(blok)
        assert " ".join(beslissing.regel.samenvatting.split()) in _tekst(blok)
        for bron in beslissing.bronnen:
            assert " ".join(bron.citaat.split()) in _tekst(blok)
            assert f'href="besluit?versie={b.besluit.id}#alinea-{bron.alinea}"' in html.unescape(blok)
        cel_link = "keuzehulp?" + urlencode(wizard.cel_query(CEL, b))
        assert cel_link in _hrefs(blok)
        assert TOEGANG_LABEL[beslissing.toegang] in _kop(client.get(f"/licht/{cel_link}").text)
    assert nieuw.label("doelgroep", CEL.doelgroep) in _tekst(blok), "de situatie in woorden"
    assert "keuzehulp?" + urlencode(wizard.cel_query(ONGEWIJZIGD, oud)) not in _hrefs(blok), "alleen wat veranderde"
    # The FAQ and glossary changes, by their titles.
    oude_faq = {v.id: v for v in oud.faq}
    vervallen = oude_faq[VERVALLEN_FAQ]
    (gewijzigd,) = [v for v in nieuw.faq if v.model_dump() != oude_faq[v.id].model_dump()]
    (nieuw_begrip,) = [b for b in nieuw.begrippen if b.id not in {o.id for o in oud.begrippen}]
    for titel in (vervallen.vraag, gewijzigd.vraag, nieuw_begrip.term):
        assert titel in _tekst(blok), titel
    assert f"vragen?versie={EERSTE_ID}#vraag-{VERVALLEN_FAQ}" in _hrefs(blok), "wat verviel, staat nog in het oude"
    assert "versies" in _hrefs(pagina.split("</nav>")[0]), "de versies staan in het menu"
    assert "één besluit" not in tekst


def test_versiepagina_vergelijkt_elke_twee_gekozen_besluiten(client: TestClient, twee_besluiten: Path) -> None:
    versies = laad_versies()
    oud, nieuw = versies.kies(EERSTE_ID), versies.kies(TWEEDE_ID)
    standaard = client.get("/licht/versies").text
    assert standaard.count('<form method="get" action="versies"') == 1
    assert re.findall(r'<select id="kies-\w+" name="(\w+)">', standaard) == ["oud", "nieuw"]
    # Chosen the other way round, the comparison still runs from the older to the newer: 'was' is never later.
    terug = client.get(f"/licht/versies?{urlencode({'oud': TWEEDE_ID, 'nieuw': EERSTE_ID})}").text
    blok = _vergelijking_van(terug, EERSTE_ID, TWEEDE_ID)
    assert f'aria-labelledby="van-{TWEEDE_ID}-naar-{EERSTE_ID}"' not in terug
    was, wordt = _tekst(blok).split("Wordt", 1)
    assert " ".join(oud.decide(*CEL).regel.samenvatting.split()) in was
    assert " ".join(nieuw.decide(*CEL).regel.samenvatting.split()) in wordt
    assert re.search(rf'<option value="{EERSTE_ID}" selected>', terug.split('name="nieuw"')[0])
    assert re.search(rf'<option value="{TWEEDE_ID}" selected>', terug.split('name="nieuw"')[1])
    zelfde = client.get(f"/licht/versies?{urlencode({'oud': EERSTE_ID, 'nieuw': EERSTE_ID})}").text
    assert "<article" not in _vergelijking_van(zelfde, EERSTE_ID, EERSTE_ID)
    assert oud is not nieuw


def test_versiepagina_met_een_besluit_zegt_dat_er_niets_te_vergelijken_is(client: TestClient) -> None:
    versies = laad_versies()
    assert len(versies.besluiten) == 1
    pagina = client.get("/licht/versies").text
    assert "één besluit" in _tekst(pagina) and "Er is nog niets te vergelijken." in _tekst(pagina)
    assert "<form" not in pagina and 'class="vergelijking"' not in pagina
    assert datum(versies.huidig.besluit.datum) in _tekst(pagina)


# --- a proposal ----------------------------------------------------------------------------------------
def test_een_voorstel_geldt_niet_en_heeft_een_onmiskenbare_melding(client: TestClient, met_voorstel: Path) -> None:
    versies = laad_versies()
    vastgesteld, voorstel = versies.kies(EERSTE_ID), versies.kies(TWEEDE_ID)
    assert voorstel.besluit.status == "voorstel"
    ongepind = client.get(_link(CEL, None)).text
    assert _antwoord(vastgesteld, CEL) in _kop(ongepind) and _banner(ongepind) is None
    for pad in PAGINAS:
        gepind = client.get(f"{pad}?versie={TWEEDE_ID}").text
        banner = _banner(gepind)
        assert banner is not None and banner[0] == "voorstel", pad
        assert "voorstel, nog niet besloten" in banner[1].lower()
        assert banner[2] is not None and f"versie={EERSTE_ID}" in banner[2]
    antwoord = client.get(_link(CEL, TWEEDE_ID)).text
    assert _antwoord(voorstel, CEL) in _kop(antwoord)
    banner = _banner(antwoord)
    assert banner is not None and "Het voorstel geeft op deze vraag een ander antwoord." in banner[1]
    assert "Bekijk deze vraag volgens het besluit van 26 maart 2026" in banner[1]
    assert banner[2] is not None and _antwoord(vastgesteld, CEL) in _kop(client.get(f"/licht/{banner[2]}").text)
    overzicht = _tekst(client.get("/licht/versies").text)
    assert "voorstel, nog niet besloten" in overzicht.lower()
    # The two sides are a decision and a proposal: never 'Nu' (no date from which it applies) nor 'Was'.
    blok = _tekst(_vergelijking_van(client.get("/licht/versies").text, EERSTE_ID, TWEEDE_ID))
    assert "Besluit (het besluit van 26 maart 2026)" in blok and "Voorstel (het voorstel voor" in blok
    assert not re.search(r"\b(Nu|Was|Wordt)\b", blok)


@pytest.mark.parametrize(
    ("versie", "wel", "niet"),
    [
        (EERSTE_ID, ("Over het besluit van:", "Hoe is dit besloten?", "is leidend"), ("Voorstel voor:",)),
        (TWEEDE_ID, ("Voorstel voor:", "Hoe is dit voorstel gemaakt?", "besluit er nog over"), ("is leidend",)),
    ],
)
def test_de_bronpagina_noemt_een_voorstel_een_voorstel(
    client: TestClient, met_voorstel: Path, versie: str, wel: tuple[str, ...], niet: tuple[str, ...]
) -> None:
    tekst = _tekst(client.get(f"/licht/besluit?versie={versie}").text)
    assert [w for w in wel if w not in tekst] == []
    assert [n for n in niet if n in tekst] == []


# The words that name a decision's source and kind; a proposal's pages use their 'voorstel' forms.
WOORDEN_VAN_EEN_BESLUIT = (
    "Staat in het bericht",
    "Volgt uit het bericht",
    "geen deel van het besluit",
    ">Bericht over",
)


def test_een_voorstel_noemt_zijn_bron_en_de_soort_van_elke_tekst_als_voorstel(
    client: TestClient, met_voorstel: Path
) -> None:
    for pad in [*PAGINAS, _link(CEL, None)]:
        scheiding = "&" if "?" in pad else "?"
        voorstel = client.get(f"{pad}{scheiding}versie={TWEEDE_ID}").text
        assert [w for w in WOORDEN_VAN_EEN_BESLUIT if w in voorstel] == [], pad
        besluit = client.get(f"{pad}{scheiding}versie={EERSTE_ID}").text
        assert "voorstel</a>" not in besluit and "Volgt uit het voorstel" not in besluit, pad
    antwoord = _tekst(client.get(f"{_link(CEL, None)}&versie={TWEEDE_ID}").text)
    assert "Volgt uit het voorstel" in antwoord and "Tekst van het voorstel" in antwoord


def test_het_nieuwe_antwoord_zegt_wat_het_vorige_besluit_antwoordde(client: TestClient, twee_besluiten: Path) -> None:
    zin = "Dit antwoord is anders dan in het besluit van 26 maart 2026: toen was het Nee."
    assert zin in _tekst(client.get(_link(CEL, None)).text)
    assert zin not in _tekst(client.get(_link(CEL, EERSTE_ID)).text)
    ongewijzigd = Cel(Doelgroep.vmbo, Niveau.n2, Vorm.summatief, False)
    assert "Dit antwoord is anders" not in _tekst(client.get(_link(ongewijzigd, None)).text)


# --- the static site ---------------------------------------------------------------------------------------
def test_statische_site_draagt_elk_besluit_en_elke_link_werkt(tmp_path: Path, twee_besluiten: Path) -> None:
    from web import site

    versies = laad_versies()
    oud, nieuw = versies.kies(EERSTE_ID), versies.kies(TWEEDE_ID)
    wortel = tmp_path / "site"
    site.schrijf(wortel)
    for map_ in ("", f"{EERSTE_ID}/", f"{TWEEDE_ID}/"):
        for naam in STATISCH_PAD.values():
            assert (wortel / map_ / naam).is_file(), map_ + naam
    assert controleer_links(wortel) > 3 * 500
    # The root is the current decision, without banner; each folder is its decision.
    naam = statische_naam(wizard.stand(nieuw, GEWIJZIGDE_CEL).route_query())
    wortel_pagina = (wortel / naam).read_text(encoding="utf-8")
    assert _antwoord(nieuw, CEL) in _kop(wortel_pagina) and _banner(wortel_pagina) is None
    oude_pagina = (wortel / EERSTE_ID / naam).read_text(encoding="utf-8")
    assert _antwoord(oud, CEL) in _kop(oude_pagina)
    banner = _banner(oude_pagina)
    assert banner is not None and banner[0] == "nieuwer" and banner[2] is not None
    doel = (wortel / EERSTE_ID / naam).parent / banner[2]
    assert doel.resolve() == (wortel / TWEEDE_ID / naam).resolve()
    assert _antwoord(nieuw, CEL) in _kop(doel.read_text(encoding="utf-8"))
    # The versions page: the changed cell links to both decisions' pages for it.
    versiepagina = (wortel / "versies.html").read_text(encoding="utf-8")
    for b in (oud, nieuw):
        assert f"{b.besluit.id}/{naam}" in _hrefs(versiepagina)
        assert f"{b.besluit.id}/index.html" in _hrefs(versiepagina)


def test_statische_site_met_een_voorstel(tmp_path: Path, met_voorstel: Path) -> None:
    from web import site

    wortel = tmp_path / "site"
    site.schrijf(wortel)
    controleer_links(wortel)
    vastgesteld = laad_versies().kies(EERSTE_ID)
    naam = statische_naam(wizard.stand(vastgesteld, GEWIJZIGDE_CEL).route_query())
    assert _antwoord(vastgesteld, CEL) in _kop((wortel / naam).read_text(encoding="utf-8")), "de wortel is vastgesteld"
    banner = _banner((wortel / TWEEDE_ID / "index.html").read_text(encoding="utf-8"))
    assert banner is not None and banner[0] == "voorstel"
