"""The keuzehulp as a pure function of its query string: one `Stand` per request. No Streamlit here.

Which question comes next is decided by `policy` (a question is asked only when its answer changes the
outcome); this module adds the opening "who are you" question (`rol`), reads the URL and resolves, in
one place, everything a page shows: the route, the question, the progress, the outcome and its cells.
Both editions (Streamlit and the light HTML) render the same `Stand`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from urllib.parse import urlencode

from policy import Beleid, Beslissing, Cel
from policy.domain import DIMENSIE, DIMENSIES, VERSIE_SLEUTEL
from policy.engine import normaliseer_antwoorden

ROL = "rol"
# Question id -> URL key, in the order the questions are asked. `rol` is the keuzehulp's own question.
URL_SLEUTEL: dict[str, str] = {ROL: ROL, **{d.veld: d.url_sleutel for d in DIMENSIES}}
VRAAG_VAN_SLEUTEL = {v: k for k, v in URL_SLEUTEL.items()}
WIJZIG = "wijzig"
MAX_WAARDE = 40


@dataclass(frozen=True)
class Stand:
    """Everything one keuzehulp request shows, resolved once from its answers."""

    antwoorden: Mapping[str, str]  # every valid answer in the URL, by question id (off-route ones too)
    route: tuple[tuple[str, str], ...]  # the questions on the route, in order, with their answers
    vraag: str | None  # the question to show: the one being changed, or the next one
    wijzig: str | None
    nummer: int  # of `vraag`, or the route's length when the outcome is shown
    minimum: int  # the route will have at least this many and at most `maximum` questions
    maximum: int
    beslissing: Beslissing | None  # the outcome, once the route decides it (and nothing is being changed)
    cellen: tuple[Cel, ...]  # the cells the route leaves open: what the outcome covers
    genegeerd: tuple[str, ...]  # the parts of the URL that were ignored, named by question, never echoed
    versie: str  # the decision answered (its id): every link a Stand hands out is pinned to it

    @property
    def voortgang(self) -> str:
        """'Vraag 2 van 4', or 'Vraag 1 van 2 tot 5' while the route's length still depends on the answers."""
        totaal = str(self.maximum) if self.minimum == self.maximum else f"{self.minimum} tot {self.maximum}"
        return f"Vraag {self.nummer} van {totaal}"

    def query(self) -> dict[str, str]:
        """Every answer given, off-route ones too, as URL parameters: switching back keeps them."""
        return _als_query(self.antwoorden, self.versie)

    def route_query(self, **wijziging: str | None) -> dict[str, str]:
        """Only the answers on the route, with answers changed (None removes one): one page, one address."""
        antwoorden = {**dict(self.route), **wijziging}
        return _als_query({v: w for v, w in antwoorden.items() if w is not None}, self.versie)

    def link(self) -> str:
        """The shareable query string (without `?`): only the answers on the route, pinned to the decision."""
        return urlencode(self.route_query())

    def wijzig_query(self, vraag: str) -> dict[str, str]:
        """The link behind 'Wijzig' for one answer: all answers kept, that question asked again."""
        return {**self.query(), WIJZIG: URL_SLEUTEL[vraag]}

    def met_antwoord(self, vraag: str, waarde: str) -> dict[str, str]:
        """The URL after answering `vraag`: a new organisation type means a new group question."""
        antwoorden = {**self.antwoorden, vraag: waarde}
        if vraag == ROL:
            antwoorden.pop("doelgroep", None)
        return _als_query(antwoorden, self.versie)

    @property
    def vorige(self) -> dict[str, str] | None:
        """The URL of the previous question (its answer kept), or None on the first question."""
        op_route = [v for v, _ in self.route]
        if self.vraag in op_route:
            plek = op_route.index(self.vraag)
            return self.wijzig_query(op_route[plek - 1]) if plek > 0 else None
        return self.wijzig_query(op_route[-1]) if op_route else None


def _als_query(antwoorden: Mapping[str, str], versie: str) -> dict[str, str]:
    """Answers by question id as URL parameters, in question order, then the decision they were given under."""
    return {**{URL_SLEUTEL[v]: antwoorden[v] for v in URL_SLEUTEL if v in antwoorden}, VERSIE_SLEUTEL: versie}


def stand(beleid: Beleid, params: Mapping[str, str]) -> Stand:
    """The keuzehulp for one query string. Unknown keys and invalid values are ignored and named.

    `beleid` is the decision the link names (`views.versies.kies` reads `versie`); this only carries it on.
    """
    antwoorden, wijzig, genegeerd = _lees(beleid, params)
    route = _route(beleid, antwoorden)
    gevolgd = dict(route)
    volgende = _volgende_vraag(beleid, gevolgd)
    op_route = [v for v, _ in route]
    if wijzig is not None and wijzig not in op_route and wijzig != volgende:
        genegeerd = (*genegeerd, beleid.vraag(wijzig).kort)
        wijzig = None
    vraag = wijzig or volgende
    nummer = op_route.index(vraag) + 1 if vraag in op_route else len(route) + (vraag is not None)
    # The route's possible lengths from the answers before the question shown (all of them at the outcome).
    voor = tuple(sorted(route[: nummer - 1] if vraag is not None else route))
    minimum, maximum = _lengtes(beleid, voor)
    beslissing = None
    if vraag is None:
        beslissing = beleid.bepaal(normaliseer_antwoorden(_effectief(beleid, gevolgd)))
    cellen = tuple(beleid.passende_cellen(_effectief(beleid, gevolgd)))
    return Stand(
        antwoorden=MappingProxyType(antwoorden),
        route=route,
        vraag=vraag,
        wijzig=wijzig,
        nummer=nummer,
        minimum=minimum,
        maximum=maximum,
        beslissing=beslissing,
        cellen=cellen,
        genegeerd=genegeerd,
        versie=beleid.besluit.id,
    )


def cel_query(cel: object, beleid: Beleid) -> dict[str, str]:
    """The keuzehulp's URL parameters that open straight on one cell's answer (a `Cel` or a FAQ's cell)."""
    return {**{d.url_sleutel: d.als_tekst(getattr(cel, d.veld)) for d in DIMENSIES}, VERSIE_SLEUTEL: beleid.besluit.id}


def alle_uitkomsten(beleid: Beleid) -> list[Stand]:
    """Every outcome the keuzehulp can reach, one per route, by answering every question every way."""
    uitkomsten: list[Stand] = []

    def loop(antwoorden: dict[str, str]) -> None:
        huidig = stand(beleid, {URL_SLEUTEL[v]: w for v, w in antwoorden.items()})
        if huidig.vraag is None:
            uitkomsten.append(huidig)
            return
        for optie in beleid.vraag(huidig.vraag).opties:
            loop({**antwoorden, huidig.vraag: optie.waarde})

    loop({})
    return uitkomsten


def _lees(beleid: Beleid, params: Mapping[str, str]) -> tuple[dict[str, str], str | None, tuple[str, ...]]:
    """Keep only known keys with valid values. Never echo what a visitor typed: name the question."""
    antwoorden: dict[str, str] = {}
    genegeerd: list[str] = []
    onbekend = 0
    wijzig = None
    for sleutel, ruw in params.items():
        waarde = str(ruw)[: MAX_WAARDE + 1].strip().lower()
        if sleutel == VERSIE_SLEUTEL:
            continue  # read by views.versies.kies, before the decision is chosen
        if sleutel == WIJZIG:
            if waarde in VRAAG_VAN_SLEUTEL:
                wijzig = VRAAG_VAN_SLEUTEL[waarde]
            else:
                onbekend += 1
            continue
        vraag = VRAAG_VAN_SLEUTEL.get(sleutel)
        if vraag is None:
            onbekend += 1
        elif len(waarde) <= MAX_WAARDE and waarde in {o.waarde for o in beleid.vraag(vraag).opties}:
            antwoorden[vraag] = waarde
        else:
            genegeerd.append(beleid.vraag(vraag).kort)
    if onbekend:
        genegeerd.append(f"{onbekend} onbekend{'e' if onbekend > 1 else ''} onderde{'len' if onbekend > 1 else 'el'}")
    return antwoorden, wijzig, tuple(genegeerd)


def _doelgroep_van_rol(beleid: Beleid, rol: str | None) -> str | None:
    for optie in beleid.vraag(ROL).opties:
        if optie.waarde == rol and optie.doelgroep is not None:
            return optie.doelgroep.value
    return None


def _effectief(beleid: Beleid, antwoorden: Mapping[str, str]) -> dict[str, str]:
    """The answers with the group implied by the rol (a vmbo-school asks for vmbo), rol left out."""
    effectief = {k: v for k, v in antwoorden.items() if k in DIMENSIE}
    rol_doelgroep = _doelgroep_van_rol(beleid, antwoorden.get(ROL))
    if rol_doelgroep is not None:
        effectief["doelgroep"] = rol_doelgroep
    return effectief


def _volgende_vraag(beleid: Beleid, antwoorden: Mapping[str, str]) -> str | None:
    """The next question to ask on a route, or None when the answer is known."""
    effectief = _effectief(beleid, antwoorden)
    if "doelgroep" not in effectief:
        return ROL if ROL not in antwoorden else "doelgroep"
    return beleid.volgende_vraag(normaliseer_antwoorden(effectief))


def _route(beleid: Beleid, antwoorden: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    """The questions on the route so far, in order, with their answers.

    Stored answers off the route (say a niveau, after switching to a group that needs none) stay
    in the URL, so switching back keeps them, but are not part of the route.
    """
    gevolgd: dict[str, str] = {}
    while (vraag := _volgende_vraag(beleid, gevolgd)) is not None:
        if vraag in antwoorden:
            gevolgd[vraag] = antwoorden[vraag]
        elif vraag == ROL and "doelgroep" in antwoorden:
            gevolgd["doelgroep"] = antwoorden["doelgroep"]  # a shared link may skip the rol question
        else:
            break
    return tuple(gevolgd.items())


@lru_cache(maxsize=1024)
def _lengtes(beleid: Beleid, gevolgd: tuple[tuple[str, str], ...]) -> tuple[int, int]:
    """The shortest and longest route still possible after these answers (sorted, for the cache)."""
    antwoorden = dict(gevolgd)
    vraag = _volgende_vraag(beleid, antwoorden)
    if vraag is None:
        return len(antwoorden), len(antwoorden)
    lengtes = [
        _lengtes(beleid, tuple(sorted({**antwoorden, vraag: o.waarde}.items()))) for o in beleid.vraag(vraag).opties
    ]
    return min(k for k, _ in lengtes), max(g for _, g in lengtes)
