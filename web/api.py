"""JSON API on the same server: the answer for one situation, every cell, and the contract.

`/api/v1/beslissing` answers with exactly the data of `python -m policy ask --json` and `/api/v1/overzicht`
with that of `python -m policy matrix --json`: both fill the response models of web/api_modellen.py from
`Beslissing.als_dict()`, and every body is the model's `model_dump(mode="json")`. `/api/v1/openapi.json`
describes the routes (web/openapi.py), generated from the same models and from `OPERATIES` below, the one
list of routes and their parameters. Bad input gets a 400 that names the field and its valid values in
Dutch, never the input itself. Answers only change with the policy version, so each body is built once and
carries an ETag.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial

from pydantic import BaseModel
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from policy import Beleid, laad_versies
from policy.domain import ALTIJD_INGESCHREVEN, DIMENSIES, VERSIE_SLEUTEL
from policy.engine import normaliseer_antwoorden
from policy.versies import VASTGESTELD
from web import api_modellen as modellen

BESLISSING = "/api/v1/beslissing"
OVERZICHT = "/api/v1/overzicht"
OPENAPI = "/api/v1/openapi.json"
# URL key -> dimension, in question order (`ingeschreven` -> `ingeschreven_in_mbo`, as on /keuzehulp).
VELDEN = {d.url_sleutel: d.veld for d in DIMENSIES}
# A pinned answer of an adopted decision never changes: a cache may keep it (a proposal may be rewritten).
# Without `versie` the answer is the newest decision's, which a published decision changes at once: a cache
# must ask again (the ETag makes that a cheap 304).
CACHE_VASTGEPIND = "public, max-age=3600"
CACHE_NIEUWSTE = "public, no-cache"


@dataclass(frozen=True)
class Antwoord:
    body: bytes
    etag: str


def _antwoord(model: BaseModel) -> Antwoord:
    body = json.dumps(model.model_dump(mode="json"), ensure_ascii=False, separators=(",", ":")).encode()
    return Antwoord(body, f'"{hashlib.sha256(body).hexdigest()[:32]}"')


def geldige_waarden(beleid: Beleid, veld: str) -> list[str]:
    """The values the keuzehulp offers for a URL key (from the policy's questions)."""
    return [o.waarde for o in beleid.vraag(VELDEN[veld]).opties]


@dataclass(frozen=True)
class Parameter:
    """A query parameter: read by `lees_vraag` and described in the OpenAPI document, from this one entry.

    `waarden` gives the values the policy allows; `toelichting` is what the policy's question does not say.
    """

    naam: str
    waarden: Callable[[Beleid], list[str]]
    beschrijving: Callable[[Beleid], str]
    verplicht: bool = True


def _vraagtekst(veld: str, toelichting: str, beleid: Beleid) -> str:
    """The keuzehulp's question and its options, as the parameter's description."""
    vraag = beleid.vraag(VELDEN[veld])
    opties = "; ".join(f"`{o.waarde}`: {o.label}" for o in vraag.opties)
    return " ".join(filter(None, [f"{vraag.tekst} ({opties}).", toelichting]))


_ALTIJD = ", ".join(f"`{d.value}`" for d in sorted(ALTIJD_INGESCHREVEN))
# Said where a client reads it: the policy answers these groups as enrolled (`policy.domain.ingeschreven_voor`).
_TOELICHTING = {
    "ingeschreven": (
        f"Bij doelgroep {_ALTIJD} telt deze waarde niet. De keuzehulp vraagt het dan niet en rekent met "
        "'ingeschreven'. Het veld `ingeschreven_in_mbo` van het antwoord zegt voor welke situatie het antwoord geldt."
    ),
}


def _dimensie(veld: str) -> Parameter:
    toelichting = _TOELICHTING.get(veld, "")
    return Parameter(veld, partial(geldige_waarden, veld=veld), partial(_vraagtekst, veld, toelichting))


@lru_cache(maxsize=256)
def _beslissing(beleid: Beleid, doelgroep: str, ingeschreven: str, niveau: str, vorm: str) -> Antwoord:
    antwoorden = {"doelgroep": doelgroep, "ingeschreven_in_mbo": ingeschreven, "niveau": niveau, "vorm": vorm}
    return _antwoord(modellen.Beslissing.van(beleid.decide(**normaliseer_antwoorden(antwoorden))))


@lru_cache(maxsize=4)
def _overzicht(beleid: Beleid) -> Antwoord:
    return _antwoord(modellen.Overzicht([modellen.Beslissing.van(b) for b in beleid.matrix()]))


def _fout(problemen: Sequence[modellen.Probleem], status: int = 400) -> JSONResponse:
    kop = "Deze vraag kan de API niet beantwoorden." if status == 400 else "Dit adres bestaat niet in de API."
    fout = modellen.Fout(fout=kop, problemen=list(problemen))
    return JSONResponse(fout.model_dump(mode="json"), status, headers={"Cache-Control": "no-store"})


def _onbekend(aantal: int, toegestaan: Sequence[str]) -> modellen.Probleem:
    wat = "parameter" if aantal == 1 else "parameters"
    gebruik = f"Gebruik alleen: {', '.join(toegestaan)}." if toegestaan else "Dit adres heeft geen parameters."
    return modellen.Probleem(veld=None, melding=f"{aantal} onbekende {wat}. {gebruik}", geldig=list(toegestaan))


def lees_vraag(
    beleid: Beleid, request: Request, parameters: Sequence[Parameter]
) -> tuple[dict[str, str], list[modellen.Probleem]]:
    """The parameters from the query string, or a problem per field (missing, repeated, unknown value)."""
    paren = request.query_params.multi_items()
    antwoorden: dict[str, str] = {}
    problemen: list[modellen.Probleem] = []
    for parameter in parameters:
        veld, geldig = parameter.naam, parameter.waarden(beleid)
        waarden = [w for k, w in paren if k == veld]
        keuze = f"Kies uit: {', '.join(geldig)}."
        if not waarden:
            if not parameter.verplicht:
                continue
            melding = f"Vul {veld} in. {keuze}"
        elif len(waarden) > 1:
            melding = f"Geef {veld} maar één keer mee. {keuze}"
        elif (waarde := waarden[0].strip().lower()) not in geldig:
            melding = f"Onbekende waarde voor {veld}. {keuze}"
        else:
            antwoorden[veld] = waarde
            continue
        problemen.append(modellen.Probleem(veld=veld, melding=melding, geldig=geldig))
    bekend = {p.naam for p in parameters}
    onbekend = sum(1 for k, _ in paren if k not in bekend)
    if onbekend:
        problemen.append(_onbekend(onbekend, [p.naam for p in parameters]))
    return antwoorden, problemen


def _json(request: Request, antwoord: Antwoord, bewaren: bool) -> Response:
    headers = {"ETag": antwoord.etag, "Cache-Control": CACHE_VASTGEPIND if bewaren else CACHE_NIEUWSTE}
    gevraagd = {t.strip().removeprefix("W/") for t in request.headers.get("if-none-match", "").split(",")}
    if antwoord.etag in gevraagd or "*" in gevraagd:
        return Response(status_code=304, headers=headers)
    return Response(antwoord.body, media_type="application/json", headers=headers)


Maak = Callable[[Beleid, dict[str, str]], Antwoord]


def _versies(_beleid: Beleid) -> list[str]:
    return laad_versies().ids()


def _versie_tekst(_beleid: Beleid) -> str:
    versies = laad_versies()
    return (
        "Het id van het besluit waarop het antwoord steunt. Zonder versie: het nieuwste besluit in deze API "
        f"({versies.huidig.besluit.id}). Een voorstel is nog geen besluit: u krijgt het alleen als u zijn id "
        "meegeeft. Vraag later met de versie van een besluit, dan krijgt u hetzelfde antwoord; een voorstel kan "
        "nog veranderen."
    )


# Parameters every route takes, read and documented like its own: the decision (policy/versies.py).
ALGEMEEN: tuple[Parameter, ...] = (Parameter(VERSIE_SLEUTEL, _versies, _versie_tekst, verplicht=False),)


@dataclass(frozen=True)
class Operatie:
    """One route of the API: its address, its parameters, the model of its answer and how it is made.

    The routes below and the OpenAPI document are both built from `OPERATIES`: a parameter added to a
    tuple here is read, checked and documented.
    """

    pad: str
    samenvatting: str
    beschrijving: str
    model: type[BaseModel] | None  # None: the answer is the OpenAPI document itself
    maak: Maak
    parameters: tuple[Parameter, ...] = ()

    @property
    def alle_parameters(self) -> tuple[Parameter, ...]:
        return (*self.parameters, *ALGEMEEN)

    async def beantwoord(self, request: Request) -> Response:
        # The decision first: the values the other parameters may take are that decision's.
        versies = laad_versies()
        gevraagd = request.query_params.getlist(VERSIE_SLEUTEL)
        beleid = (versies.lees(gevraagd[0]) if len(gevraagd) == 1 else None) or versies.huidig
        antwoorden, problemen = lees_vraag(beleid, request, self.alle_parameters)
        if problemen:
            return _fout(problemen)
        vastgepind = antwoorden.pop(VERSIE_SLEUTEL, None) is not None
        bewaren = vastgepind and beleid.besluit.status == VASTGESTELD  # a proposal may still be rewritten
        return _json(request, self.maak(beleid, antwoorden), bewaren)


@lru_cache(maxsize=4)
def _document(beleid: Beleid) -> Antwoord:
    from web import openapi  # it reads OPERATIES from this module

    document = openapi.document(beleid, OPERATIES)
    body = json.dumps(document, ensure_ascii=False, indent=1).encode()
    return Antwoord(body, f'"{hashlib.sha256(body).hexdigest()[:32]}"')


OPERATIES: tuple[Operatie, ...] = (
    Operatie(
        BESLISSING,
        "Het antwoord voor één situatie",
        "Dezelfde gegevens als `python -m policy ask --json` en dezelfde vragen als de keuzehulp "
        "(`/keuzehulp?doelgroep=...` opent op hetzelfde antwoord).",
        modellen.Beslissing,
        lambda beleid, a: _beslissing(beleid, **a),
        tuple(_dimensie(veld) for veld in VELDEN),
    ),
    Operatie(
        OVERZICHT,
        "Het antwoord voor elke situatie",
        "Elke situatie uit de keuzehulp precies één keer, in een vaste volgorde; dezelfde gegevens als "
        "`python -m policy matrix --json`.",
        modellen.Overzicht,
        lambda beleid, _: _overzicht(beleid),
    ),
    Operatie(
        OPENAPI,
        "Deze beschrijving van de API",
        "Het OpenAPI-document, gemaakt uit dezelfde modellen als de antwoorden.",
        None,
        # Always the newest decision: `info.version` says what an answer without `versie` rests on.
        lambda _beleid, _: _document(laad_versies().huidig),
    ),
)


async def onbekend_adres(request: Request) -> Response:
    adressen = [o.pad for o in OPERATIES]
    return _fout([modellen.Probleem(veld=None, melding="Onbekend adres.", geldig=adressen)], status=404)


ROUTES: list[BaseRoute] = [
    *(Route(o.pad, o.beantwoord, methods=["GET"]) for o in OPERATIES),
    Route("/api/{rest:path}", onbekend_adres, methods=["GET"]),
    Route("/api", onbekend_adres, methods=["GET"]),
]
