"""The JSON API (/api/v1/...): the same data as `python -m policy ask|matrix --json`, and hostile input."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

import web
from policy import Beleid, Cel, Doelgroep, Niveau, Vorm
from policy.cli import main as cli
from policy.domain import alle_cellen
from tests.conftest import GEWIJZIGDE_CEL, TWEEDE_ID
from views import wizard

BESLISSING = "/api/v1/beslissing"
GELDIG = {"doelgroep": "isk", "ingeschreven": "nee", "niveau": "entree", "vorm": "formatief"}


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(Starlette(routes=web.routes(), middleware=web.middleware()))


def cli_json(capsys: pytest.CaptureFixture[str], *args: str) -> object:
    assert cli([*args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def vraag(cel: Cel) -> dict[str, str]:
    """The URL contract: the enum values, and ja/nee for enrolment (as on /keuzehulp)."""
    return {
        "doelgroep": cel.doelgroep.value,
        "ingeschreven": "ja" if cel.ingeschreven_in_mbo else "nee",
        "niveau": cel.niveau.value,
        "vorm": cel.vorm.value,
    }


@pytest.mark.parametrize("cel", alle_cellen(), ids=lambda c: "-".join(vraag(c).values()))
def test_elke_cel_zoals_de_cli(
    client: TestClient, capsys: pytest.CaptureFixture[str], beleid: Beleid, cel: Cel
) -> None:
    antwoord = client.get(BESLISSING, params=vraag(cel))
    assert antwoord.status_code == 200
    assert antwoord.headers["content-type"] == "application/json"
    vlag = ["--ingeschreven"] if cel.ingeschreven_in_mbo else []
    args = ["ask", "--doelgroep", cel.doelgroep.value, "--niveau", cel.niveau.value, "--vorm", cel.vorm.value, *vlag]
    assert antwoord.json() == cli_json(capsys, *args)
    assert antwoord.json()["toegang"] == beleid.decide(*cel[:3], cel.ingeschreven_in_mbo).toegang.value


ELKE_VRAAG = [
    dict(zip(("doelgroep", "ingeschreven", "niveau", "vorm"), waarden, strict=True))
    for waarden in itertools.product(
        [d.value for d in Doelgroep], ["ja", "nee"], [n.value for n in Niveau], [v.value for v in Vorm]
    )
]


@pytest.mark.parametrize("query", ELKE_VRAAG, ids=lambda q: "-".join(q.values()))
def test_elke_geldige_vraag_zoals_de_keuzehulp(client: TestClient, beleid: Beleid, query: dict[str, str]) -> None:
    """Every combination of valid values is answered, as the keuzehulp answers the same link.

    `mbo` with `ingeschreven=nee` answered 500 once: the keuzehulp never asks an instelling's own students
    about enrolment, so the link opens on their (enrolled) answer, and so does the API.
    """
    antwoord = client.get(BESLISSING, params=query)
    assert antwoord.status_code == 200, antwoord.text
    keuzehulp = wizard.stand(beleid, query).beslissing
    assert keuzehulp is not None, "de link opent op een antwoord"
    data = antwoord.json()
    assert (data["toegang"], data["regel"]) == (keuzehulp.toegang.value, keuzehulp.regel.id)
    assert data["ingeschreven_in_mbo"] == (query["ingeschreven"] == "ja" or query["doelgroep"] == "mbo")


def test_overzicht_zoals_de_cli(client: TestClient, capsys: pytest.CaptureFixture[str]) -> None:
    antwoord = client.get("/api/v1/overzicht")
    assert antwoord.status_code == 200 and antwoord.headers["content-type"] == "application/json"
    cellen = antwoord.json()
    assert cellen == cli_json(capsys, "matrix")
    assert (
        len(cellen)
        == len(alle_cellen())
        == len({tuple(c[k] for k in ("doelgroep", "ingeschreven_in_mbo", "niveau", "vorm")) for c in cellen})
    )


def test_hoofdletters_en_spaties_tellen_niet(client: TestClient) -> None:
    los = client.get(BESLISSING, params={**GELDIG, "doelgroep": " ISK ", "vorm": "Formatief"})
    assert los.status_code == 200 and los.json() == client.get(BESLISSING, params=GELDIG).json()


LANG = "x" * 10_000
MARKUP = "<script>alert(1)</script>"
# (query, fields the 400 must name; None = an unknown parameter, named without echoing it)
VIJANDIG: list[tuple[list[tuple[str, str]], set[str | None]]] = [
    ([], {"doelgroep", "ingeschreven", "niveau", "vorm"}),
    ([(k, v) for k, v in GELDIG.items() if k != "niveau"], {"niveau"}),
    ([*GELDIG.items(), ("niveau", "2")], {"niveau"}),
    ([*((k, v) for k, v in GELDIG.items() if k != "vorm"), ("vorm", "formatief"), ("vorm", "formatief")], {"vorm"}),
    ([*((k, v) for k, v in GELDIG.items() if k != "niveau"), ("niveau", LANG)], {"niveau"}),
    ([*((k, v) for k, v in GELDIG.items() if k != "niveau"), ("niveau", "")], {"niveau"}),
    ([*((k, v) for k, v in GELDIG.items() if k != "niveau"), ("niveau", "２")], {"niveau"}),  # fullwidth 2
    ([*((k, v) for k, v in GELDIG.items() if k != "doelgroep"), ("doelgroep", "İSK")], {"doelgroep"}),
    ([*((k, v) for k, v in GELDIG.items() if k != "doelgroep"), ("doelgroep", "isk\x00")], {"doelgroep"}),
    ([*((k, v) for k, v in GELDIG.items() if k != "doelgroep"), ("doelgroep", MARKUP)], {"doelgroep"}),
    ([*((k, v) for k, v in GELDIG.items() if k != "ingeschreven"), ("ingeschreven", "true")], {"ingeschreven"}),
    ([*GELDIG.items(), (MARKUP, "1")], {None}),
    ([*GELDIG.items(), ("ingeschreven_in_mbo", "nee")], {None}),
    ([*GELDIG.items(), ("🙂", LANG)], {None}),
]


@pytest.mark.parametrize(("query", "velden"), VIJANDIG, ids=range(len(VIJANDIG)))
def test_vijandige_invoer_geeft_400_met_de_velden(
    client: TestClient, beleid: Beleid, query: list[tuple[str, str]], velden: set[str | None]
) -> None:
    antwoord = client.get(BESLISSING, params=tuple(query))  # a tuple: httpx types a list of pairs invariantly
    assert antwoord.status_code == 400
    assert antwoord.headers["content-type"] == "application/json"
    problemen = antwoord.json()["problemen"]
    assert {p["veld"] for p in problemen} == velden
    for p in problemen:
        assert p["geldig"] and all(str(w) in p["melding"] for w in p["geldig"]), "de geldige waarden staan erbij"
        if p["veld"] == "niveau":
            assert p["geldig"] == [o.waarde for o in beleid.vraag("niveau").opties]
    assert "<" not in antwoord.text and LANG not in antwoord.text, "de invoer komt niet terug"


def test_ongeldige_bytes_in_de_querystring(client: TestClient) -> None:
    antwoord = client.get(f"{BESLISSING}?doelgroep=%ff%fe&niveau=%00&vorm=%3Cb%3E&ingeschreven=%E2%80%AE")
    assert antwoord.status_code == 400
    assert {p["veld"] for p in antwoord.json()["problemen"]} == {"doelgroep", "niveau", "vorm", "ingeschreven"}


def test_overzicht_kent_geen_parameters(client: TestClient) -> None:
    antwoord = client.get("/api/v1/overzicht", params={"x": MARKUP})
    assert antwoord.status_code == 400 and "<" not in antwoord.text


@pytest.mark.parametrize("pad", ["/api", "/api/", "/api/v2/beslissing", f"/api/{MARKUP}"])
def test_onbekend_adres_is_json_404(client: TestClient, pad: str) -> None:
    antwoord = client.get(pad)
    assert antwoord.status_code == 404 and antwoord.headers["content-type"] == "application/json"
    assert "<" not in antwoord.text


def test_alleen_lezen(client: TestClient) -> None:
    antwoord = client.post(BESLISSING, params=GELDIG)
    assert antwoord.status_code == 405 and "GET" in antwoord.headers["allow"]
    fout = antwoord.json()
    assert fout["fout"] == "Hier kunt u alleen lezen." and fout["problemen"][0]["geldig"] == ["GET", "HEAD"]


@pytest.mark.parametrize("methode", ["POST", "PUT", "PATCH", "DELETE", "OPTIONS"])
@pytest.mark.parametrize("pad", [BESLISSING, "/api/v1/bestaat-niet", "/licht/", "/licht/keuzehulp", "/licht/x/y"])
def test_een_andere_methode_is_nederlands(client: TestClient, methode: str, pad: str) -> None:
    """Not Starlette's English 'Method Not Allowed': JSON under /api/, the light pages' frame elsewhere."""
    antwoord = client.request(methode, pad)
    assert antwoord.status_code == 405 and antwoord.headers["allow"] == "GET, HEAD"
    assert "Method Not Allowed" not in antwoord.text and "alleen lezen" in antwoord.text
    soort = "application/json" if pad.startswith("/api/") else "text/html; charset=utf-8"
    assert antwoord.headers["content-type"] == soort


def test_etag_en_cache(client: TestClient) -> None:
    eerste = client.get(BESLISSING, params=GELDIG)
    etag = eerste.headers["etag"]
    assert client.get(BESLISSING, params=GELDIG, headers={"If-None-Match": etag}).status_code == 304
    assert client.get(BESLISSING, params=GELDIG, headers={"If-None-Match": f"W/{etag}"}).status_code == 304
    ander = client.get(BESLISSING, params={**GELDIG, "vorm": "summatief"}, headers={"If-None-Match": etag})
    assert ander.status_code == 200 and ander.headers["etag"] != etag
    assert client.get(BESLISSING).headers["cache-control"] == "no-store", "fouten worden niet bewaard"


@pytest.mark.parametrize("encoding", ["gzip", "identity"])
def test_head_geeft_dezelfde_lengte(client: TestClient, encoding: str) -> None:
    for pad in [f"{BESLISSING}?doelgroep=vmbo&ingeschreven=nee&niveau=2&vorm=summatief", "/api/v1/overzicht"]:
        get = client.get(pad, headers={"Accept-Encoding": encoding})
        head = client.head(pad, headers={"Accept-Encoding": encoding})
        assert head.status_code == 200 and head.content == b""
        assert head.headers["content-length"] == get.headers["content-length"]
        assert head.headers.get("content-encoding") == get.headers.get("content-encoding")


# --- versions (issue 17): every answer names its decision; `versie=` pins it ------------------------------
def test_elk_antwoord_noemt_zijn_besluit(client: TestClient, beleid: Beleid) -> None:
    assert client.get(BESLISSING, params=GELDIG).json()["versie"] == beleid.besluit.id
    assert {c["versie"] for c in client.get("/api/v1/overzicht").json()} == {beleid.besluit.id}


def test_een_vastgepind_antwoord_blijft_hetzelfde(client: TestClient, twee_besluiten: Path) -> None:
    nieuw = client.get(BESLISSING, params=GEWIJZIGDE_CEL).json()
    assert (nieuw["versie"], nieuw["toegang"]) == (TWEEDE_ID, "ja"), "zonder versie: het geldende besluit"
    oud = client.get(BESLISSING, params={**GEWIJZIGDE_CEL, "versie": "alv-2026-03-26"}).json()
    assert (oud["versie"], oud["toegang"]) == ("alv-2026-03-26", "nee")
    overzicht = client.get("/api/v1/overzicht", params={"versie": "ALV-2026-03-26"}).json()
    assert {c["versie"] for c in overzicht} == {"alv-2026-03-26"}


@pytest.mark.parametrize("versie", ["alv-1999-01-01", MARKUP, LANG])
def test_onbekende_versie_is_400_met_de_bekende(client: TestClient, twee_besluiten: Path, versie: str) -> None:
    for pad, params in ((BESLISSING, GELDIG), ("/api/v1/overzicht", {})):
        antwoord = client.get(pad, params={**params, "versie": versie})
        assert antwoord.status_code == 400
        (probleem,) = antwoord.json()["problemen"]
        assert probleem["veld"] == "versie" and probleem["geldig"] == ["alv-2026-03-26", TWEEDE_ID]
        assert versie not in antwoord.text


def test_het_contract_kent_de_versies(client: TestClient, met_voorstel: Path) -> None:
    document = client.get("/api/v1/openapi.json").json()
    assert document["info"]["version"] == "alv-2026-03-26", "een voorstel is nooit het geldende besluit"
    for pad in (BESLISSING, "/api/v1/overzicht"):
        (versie,) = [p for p in document["paths"][pad]["get"]["parameters"] if p["name"] == "versie"]
        assert versie["schema"]["enum"] == ["alv-2026-03-26", TWEEDE_ID] and not versie["required"]
    voorstel = client.get(BESLISSING, params={**GEWIJZIGDE_CEL, "versie": TWEEDE_ID}).json()
    assert (voorstel["versie"], voorstel["toegang"]) == (TWEEDE_ID, "ja")
    assert (voorstel["versie_status"], voorstel["versie_datum"]) == ("voorstel", "2026-11-20"), "a client can tell"
    vastgesteld = client.get(BESLISSING, params=GEWIJZIGDE_CEL).json()
    assert (vastgesteld["versie_status"], vastgesteld["versie_datum"]) == ("vastgesteld", "2026-03-26")
    overzicht = client.get("/api/v1/overzicht", params={"versie": TWEEDE_ID})
    assert {c["versie_status"] for c in overzicht.json()} == {"voorstel"}
    assert overzicht.headers["cache-control"] == "public, no-cache", "a proposal may still be rewritten"
    assert client.get(BESLISSING, params=GEWIJZIGDE_CEL).json()["versie"] == "alv-2026-03-26"


def test_alleen_een_vastgepind_antwoord_mag_een_uur_in_een_cache(client: TestClient, beleid: Beleid) -> None:
    """Without `versie` the answer is the newest decision's: a cache must ask again, never serve last hour's."""
    for pad, params in ((BESLISSING, GELDIG), ("/api/v1/overzicht", {})):
        nieuwste = client.get(pad, params=params)
        assert "no-cache" in nieuwste.headers["cache-control"] and "max-age" not in nieuwste.headers["cache-control"]
        opnieuw = client.get(pad, params=params, headers={"If-None-Match": nieuwste.headers["etag"]})
        assert opnieuw.status_code == 304, "asking again costs no body"
        vast = client.get(pad, params={**params, "versie": beleid.besluit.id})
        assert "max-age=3600" in vast.headers["cache-control"]
