"""JSON API on the same server: the answer for one situation, and every cell.

`/api/v1/beslissing` answers with exactly the data of `python -m policy ask --json` and `/api/v1/overzicht`
with that of `python -m policy matrix --json`: both use `Beslissing.als_dict()`. Bad input gets a 400 that
names the field and its valid values in Dutch, never the input itself. Answers only change with the policy
version, so each body is built once and carries an ETag.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from policy import Beleid, load_policy
from policy.domain import DIMENSIES
from policy.engine import normaliseer_antwoorden

BESLISSING = "/api/v1/beslissing"
OVERZICHT = "/api/v1/overzicht"
# URL key -> dimension, in question order (`ingeschreven` -> `ingeschreven_in_mbo`, as on /keuzehulp).
VELDEN = {d.url_sleutel: d.veld for d in DIMENSIES}
CACHE = "public, max-age=3600"


@dataclass(frozen=True)
class Antwoord:
    body: bytes
    etag: str


def _antwoord(data: object) -> Antwoord:
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
    return Antwoord(body, f'"{hashlib.sha256(body).hexdigest()[:32]}"')


@lru_cache(maxsize=256)
def _beslissing(beleid: Beleid, doelgroep: str, ingeschreven: str, niveau: str, vorm: str) -> Antwoord:
    antwoorden = {"doelgroep": doelgroep, "ingeschreven_in_mbo": ingeschreven, "niveau": niveau, "vorm": vorm}
    return _antwoord(beleid.decide(**normaliseer_antwoorden(antwoorden)).als_dict())


@lru_cache(maxsize=4)
def _overzicht(beleid: Beleid) -> Antwoord:
    return _antwoord([b.als_dict() for b in beleid.matrix()])


def geldige_waarden(beleid: Beleid, veld: str) -> list[str]:
    """The values the keuzehulp offers for a URL key (from the policy's questions)."""
    return [o.waarde for o in beleid.vraag(VELDEN[veld]).opties]


def _fout(problemen: Sequence[Mapping[str, object]], status: int = 400) -> JSONResponse:
    kop = "Deze vraag kan de API niet beantwoorden." if status == 400 else "Dit adres bestaat niet in de API."
    return JSONResponse({"fout": kop, "problemen": list(problemen)}, status, headers={"Cache-Control": "no-store"})


def _onbekend(aantal: int, toegestaan: Sequence[str]) -> dict[str, object]:
    wat = "parameter" if aantal == 1 else "parameters"
    gebruik = f"Gebruik alleen: {', '.join(toegestaan)}." if toegestaan else "Dit adres heeft geen parameters."
    return {"veld": None, "melding": f"{aantal} onbekende {wat}. {gebruik}", "geldig": list(toegestaan)}


def lees_vraag(beleid: Beleid, request: Request) -> tuple[dict[str, str], list[dict[str, object]]]:
    """The four answers from the query string, or a problem per field (missing, repeated, unknown value)."""
    paren = request.query_params.multi_items()
    antwoorden: dict[str, str] = {}
    problemen: list[dict[str, object]] = []
    for veld in VELDEN:
        geldig = geldige_waarden(beleid, veld)
        waarden = [w for k, w in paren if k == veld]
        keuze = f"Kies uit: {', '.join(geldig)}."
        if not waarden:
            melding = f"Vul {veld} in. {keuze}"
        elif len(waarden) > 1:
            melding = f"Geef {veld} maar één keer mee. {keuze}"
        elif (waarde := waarden[0].strip().lower()) not in geldig:
            melding = f"Onbekende waarde voor {veld}. {keuze}"
        else:
            antwoorden[veld] = waarde
            continue
        problemen.append({"veld": veld, "melding": melding, "geldig": geldig})
    onbekend = sum(1 for k, _ in paren if k not in VELDEN)
    if onbekend:
        problemen.append(_onbekend(onbekend, list(VELDEN)))
    return antwoorden, problemen


def _json(request: Request, antwoord: Antwoord) -> Response:
    headers = {"ETag": antwoord.etag, "Cache-Control": CACHE}
    gevraagd = {t.strip().removeprefix("W/") for t in request.headers.get("if-none-match", "").split(",")}
    if antwoord.etag in gevraagd or "*" in gevraagd:
        return Response(status_code=304, headers=headers)
    return Response(antwoord.body, media_type="application/json", headers=headers)


async def beslissing(request: Request) -> Response:
    beleid = load_policy()
    antwoorden, problemen = lees_vraag(beleid, request)
    if problemen:
        return _fout(problemen)
    return _json(request, _beslissing(beleid, **antwoorden))


async def overzicht(request: Request) -> Response:
    if request.query_params:
        return _fout([_onbekend(len(request.query_params.multi_items()), [])])
    return _json(request, _overzicht(load_policy()))


async def onbekend_adres(request: Request) -> Response:
    melding = {"veld": None, "melding": "Onbekend adres.", "geldig": [BESLISSING, OVERZICHT]}
    return _fout([melding], status=404)


ROUTES: list[BaseRoute] = [
    Route(BESLISSING, beslissing, methods=["GET"]),
    Route(OVERZICHT, overzicht, methods=["GET"]),
    Route("/api/{rest:path}", onbekend_adres, methods=["GET"]),
    Route("/api", onbekend_adres, methods=["GET"]),
]
