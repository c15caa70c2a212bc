"""The API's contract, /api/v1/openapi.json, checked by tools no one here wrote.

openapi-spec-validator says the document is valid OpenAPI 3.1; jsonschema checks real answers against its
schemas; schemathesis generates requests from the document (valid ones, and invalid ones: wrong values,
missing and unknown parameters, other methods) and checks every response against it: status code, content
type, headers, body, and never a 5xx. The app is the one tests/test_api.py uses, our routes and middleware
over ASGI, in-process.
"""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate
from openapi_spec_validator.validation.validators import OpenAPIV31SpecValidator
from starlette.applications import Starlette
from starlette.routing import Route
from starlette.testclient import TestClient

import web
from policy import Beleid
from policy.domain import ALTIJD_INGESCHREVEN, alle_cellen
from web import api
from web.api_modellen import Serverfout

OPENAPI = "/api/v1/openapi.json"
APP = Starlette(routes=web.routes(), middleware=web.middleware())


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(APP)


@pytest.fixture(scope="module")
def document(client: TestClient) -> dict[str, Any]:
    antwoord = client.get(OPENAPI)
    assert antwoord.status_code == 200 and antwoord.headers["content-type"] == "application/json"
    data: dict[str, Any] = antwoord.json()
    return data


def _validator(document: dict[str, Any], model: str) -> Draft202012Validator:
    """A validator for one component schema, its references resolved inside the document."""
    return Draft202012Validator({"$ref": f"#/components/schemas/{model}", "components": document["components"]})


def test_document_is_geldige_openapi_31(document: dict[str, Any]) -> None:
    validate(document, cls=OpenAPIV31SpecValidator)
    assert document["openapi"].startswith("3.1")


def test_versie_is_het_besluit(document: dict[str, Any], beleid: Beleid) -> None:
    assert document["info"]["version"] == beleid.besluit.id


def test_elke_route_staat_erin(document: dict[str, Any]) -> None:
    vast = {r.path for r in api.ROUTES if isinstance(r, Route) and r.path.startswith("/api/v1/") and "{" not in r.path}
    assert set(document["paths"]) == vast
    for pad, operaties in document["paths"].items():
        assert set(operaties) == {"get"}, pad
        antwoorden = operaties["get"]["responses"]
        assert {"200", "400", "500"} <= set(antwoorden), pad


def test_parameters_met_de_waarden_van_de_keuzehulp(document: dict[str, Any], beleid: Beleid) -> None:
    parameters = {p["name"]: p for p in document["paths"]["/api/v1/beslissing"]["get"]["parameters"]}
    sleutels = {"doelgroep": "doelgroep", "ingeschreven": "ingeschreven_in_mbo", "niveau": "niveau", "vorm": "vorm"}
    for naam, vraag in sleutels.items():
        assert parameters[naam]["required"] is True
        assert parameters[naam]["schema"]["enum"] == [o.waarde for o in beleid.vraag(vraag).opties]
        assert beleid.vraag(vraag).tekst in parameters[naam]["description"]
    uitleg = parameters["ingeschreven"]["description"]
    assert all(f"`{d.value}`" in uitleg for d in ALTIJD_INGESCHREVEN), "voor mbo telt ingeschreven niet"
    assert "ingeschreven_in_mbo" in uitleg


def test_elk_antwoord_past_in_het_schema(client: TestClient, document: dict[str, Any]) -> None:
    beslissing = _validator(document, "Beslissing")
    for cel in alle_cellen():
        query = {
            "doelgroep": cel.doelgroep.value,
            "ingeschreven": "ja" if cel.ingeschreven_in_mbo else "nee",
            "niveau": cel.niveau.value,
            "vorm": cel.vorm.value,
        }
        beslissing.validate(client.get("/api/v1/beslissing", params=query).json())
    overzicht = client.get("/api/v1/overzicht").json()
    _validator(document, "Overzicht").validate(overzicht)
    assert len(overzicht) == len(alle_cellen())
    fout = _validator(document, "Fout")
    fout.validate(client.get("/api/v1/beslissing", params={"doelgroep": "x"}).json())
    fout.validate(client.get("/api/v2").json())
    _validator(document, "Serverfout").validate(Serverfout(fout="x", foutcode="0123ABCD").model_dump(mode="json"))


def test_het_schema_is_streng(client: TestClient, document: dict[str, Any]) -> None:
    """A field the answers lack, or one the document lacks, is an error: the schema can tell them apart."""
    beslissing = _validator(document, "Beslissing")
    echt = client.get("/api/v1/overzicht").json()[0]
    assert beslissing.is_valid(echt)
    assert not beslissing.is_valid({**echt, "nieuw": 1})
    assert not beslissing.is_valid({k: v for k, v in echt.items() if k != "toegang"})
    assert not beslissing.is_valid({**echt, "doelgroep": "onbekend"})


# --- schemathesis over the whole document ---------------------------------------------------------
# The document's own route is left out by default; the filter takes every /api/v1 operation.
schema = schemathesis.openapi.from_asgi(OPENAPI, APP).include(path_regex="^/api/v1/")


@schema.parametrize()
@settings(
    max_examples=60,
    deadline=None,
    derandomize=True,  # the same cases every run: a steady CI
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_api_volgt_het_document(case: schemathesis.Case) -> None:
    case.call_and_validate()


def test_elk_schema_is_in_het_nederlands_beschreven(document: dict[str, Any]) -> None:
    """The models' docstrings are English for programmers; the contract a client reads is Dutch."""
    from web.api_modellen import SCHEMA_BESCHRIJVING

    schemas = document["components"]["schemas"]
    assert set(schemas) == set(SCHEMA_BESCHRIJVING)
    for naam, schema in schemas.items():
        assert schema["description"] == SCHEMA_BESCHRIJVING[naam]
        for veld in schema.get("properties", {}).values():
            assert not any(w in veld.get("description", "") for w in (" the ", " of the ", " is the ")), naam


def test_het_document_noemt_altijd_het_nieuwste_besluit(met_voorstel: Any) -> None:
    from tests.conftest import TWEEDE_ID

    client = TestClient(APP)
    for params in ({}, {"versie": TWEEDE_ID}):
        assert client.get(OPENAPI, params=params).json()["info"]["version"] == "alv-2026-03-26"
