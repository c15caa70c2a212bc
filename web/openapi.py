"""The OpenAPI 3.1 document of /api/v1, generated, never written by hand.

The schemas are pydantic's JSON Schema of the response models (web/api_modellen.py), the very models whose
`model_dump` the API sends; paths and parameters come from `web.api.OPERATIES`, the list the routes are
built from; the allowed values of each parameter are the keuzehulp's options in the policy, and
`info.version` is the policy's decision id. So the document changes with the policy and the code, and
cannot drift from either.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from policy import Beleid
from web.api_modellen import SCHEMA_BESCHRIJVING, Fout, Serverfout

if TYPE_CHECKING:
    from web.api import Operatie, Parameter

VERSIE = "3.1.0"
JSON = "application/json"
_STRING = {"type": "string"}
IF_NONE_MATCH = {
    "name": "If-None-Match",
    "in": "header",
    "required": False,
    "description": "De ETag van een eerder antwoord: is het nog actueel, dan volgt 304 zonder inhoud.",
    "schema": _STRING,
}
_CACHE_HEADERS = {
    "ETag": {"description": "Verandert alleen met het antwoord.", "required": True, "schema": _STRING},
    "Cache-Control": {
        "description": "Met de `versie` van een besluit: een kopie mag een uur worden bewaard (dat antwoord "
        "verandert niet). Zonder `versie` of met die van een voorstel: vraag elke keer opnieuw met If-None-Match, "
        "want een nieuw besluit of een herschreven voorstel verandert het antwoord.",
        "required": True,
        "schema": _STRING,
    },
}
BESCHRIJVING = """\
Het besluit van de ALV van de Coöperatie Examens MBO over examenproducten buiten het reguliere mbo, als JSON.
Alleen lezen (GET), zonder in te loggen. Alle teksten zijn Nederlands.

`info.version` is het besluit dat de API gebruikt als u geen `versie` meegeeft: het nieuwste besluit van de
ALV. Elk antwoord noemt zijn eigen besluit in het veld `versie`.

Fouten zijn ook JSON: 400 als een vraag niet te beantwoorden is (per parameter wat mag, nooit de invoer
zelf), 404 met dezelfde vorm (`Fout`) voor een adres onder `/api/` dat niet bestaat, 405 (`Fout`) voor een
andere methode dan GET of HEAD, en 500 (`Serverfout`) met een foutcode als er op de server iets misging: noem
die code als u de fout meldt.

Hoofdletters en spaties aan het begin of eind van een waarde tellen niet. Elk antwoord heeft een ETag.
"""


def _parameter(beleid: Beleid, parameter: Parameter) -> dict[str, Any]:
    return {
        "name": parameter.naam,
        "in": "query",
        "required": parameter.verplicht,
        "description": parameter.beschrijving(beleid),
        "schema": {"type": "string", "enum": parameter.waarden(beleid)},
    }


def _inhoud(schema: dict[str, Any]) -> dict[str, Any]:
    return {JSON: {"schema": schema}}


def _operatie(beleid: Beleid, operatie: Operatie, refs: dict[type[BaseModel], dict[str, Any]]) -> dict[str, Any]:
    antwoord = refs[operatie.model] if operatie.model is not None else {"type": "object"}
    fout = "Deze vraag kan de API niet beantwoorden: per parameter wat er mis is en wat wel mag."
    return {
        "operationId": operatie.pad.rsplit("/", 1)[-1].removesuffix(".json"),
        "summary": operatie.samenvatting,
        "description": operatie.beschrijving,
        "parameters": [*(_parameter(beleid, p) for p in operatie.alle_parameters), IF_NONE_MATCH],
        "responses": {
            "200": {"description": operatie.samenvatting, "headers": _CACHE_HEADERS, "content": _inhoud(antwoord)},
            "304": {"description": "Uw kopie (If-None-Match) is nog actueel.", "headers": _CACHE_HEADERS},
            "400": {"description": fout, "content": _inhoud(refs[Fout])},
            "500": {
                "description": "Er ging iets mis op de server; met foutcode.",
                "content": _inhoud(refs[Serverfout]),
            },
        },
    }


def document(beleid: Beleid, operaties: Sequence[Operatie]) -> dict[str, Any]:
    """The whole document for this policy version."""
    modellen = [o.model for o in operaties if o.model is not None] + [Fout, Serverfout]
    sleutels, definities = models_json_schema(
        [(m, "serialization") for m in modellen], ref_template="#/components/schemas/{model}"
    )
    refs = {m: sleutels[(m, "serialization")] for m in modellen}
    schemas = definities.get("$defs", {})
    for naam, schema in schemas.items():
        # The models' docstrings are for programmers (English); a client reads the Dutch description.
        schema["description"] = SCHEMA_BESCHRIJVING[naam]
    return {
        "openapi": VERSIE,
        "info": {
            "title": "Toegangswijzer examenproducten",
            "summary": f"Wie mag examenproducten gebruiken: {beleid.besluit.titel}",
            "version": beleid.besluit.id,
            "description": BESCHRIJVING,
        },
        "paths": {o.pad: {"get": _operatie(beleid, o, refs)} for o in operaties},
        "components": {"schemas": schemas},
    }
