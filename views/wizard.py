"""The keuzehulp as a pure function of its answers (the query string): no Streamlit here.

Which question comes next is decided by `policy` (a question is asked only when its answer
changes the outcome); this module only adds the opening "who are you" question and reads the URL.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from policy import Beleid, Beslissing, Cel
from policy.engine import normaliseer_antwoorden

# URL key per question; `ingeschreven` is shorter to share than the field name.
URL_SLEUTEL = {
    "rol": "rol",
    "doelgroep": "doelgroep",
    "ingeschreven_in_mbo": "ingeschreven",
    "niveau": "niveau",
    "vorm": "vorm",
}
VRAAG_VAN_SLEUTEL = {v: k for k, v in URL_SLEUTEL.items()}
WIJZIG = "wijzig"
MAX_WAARDE = 40


@dataclass(frozen=True)
class Invoer:
    """Validated wizard answers as text values (`ja`/`nee` for enrolment), plus what was ignored."""

    antwoorden: dict[str, str] = field(default_factory=dict)
    wijzig: str | None = None
    genegeerd: tuple[str, ...] = ()


def lees_querystring(beleid: Beleid, params: Mapping[str, str]) -> Invoer:
    """Keep only known keys with valid values. Never echo what a visitor typed: name the question."""
    antwoorden: dict[str, str] = {}
    genegeerd: list[str] = []
    onbekend = 0
    wijzig = None
    for sleutel, ruw in params.items():
        waarde = str(ruw)[: MAX_WAARDE + 1].strip().lower()
        if sleutel == WIJZIG:
            if waarde in URL_SLEUTEL.values() and len(waarde) <= MAX_WAARDE:
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
    return Invoer(antwoorden, wijzig, tuple(genegeerd))


def _doelgroep_van_rol(beleid: Beleid, rol: str | None) -> str | None:
    for optie in beleid.vraag("rol").opties:
        if optie.waarde == rol and optie.doelgroep is not None:
            return optie.doelgroep.value
    return None


def _effectief(beleid: Beleid, antwoorden: Mapping[str, str]) -> dict[str, str]:
    """The answers with the group implied by the rol (a vmbo-school asks for vmbo), rol left out."""
    effectief = {k: v for k, v in antwoorden.items() if k != "rol"}
    rol_doelgroep = _doelgroep_van_rol(beleid, antwoorden.get("rol"))
    if rol_doelgroep is not None:
        effectief["doelgroep"] = rol_doelgroep
    return effectief


def volgende_vraag(beleid: Beleid, antwoorden: Mapping[str, str]) -> str | None:
    """The next question to ask, or None when the answer is known."""
    effectief = _effectief(beleid, antwoorden)
    if "doelgroep" not in effectief:
        return "rol" if "rol" not in antwoorden else "doelgroep"
    return beleid.volgende_vraag(normaliseer_antwoorden(effectief))


def pad(beleid: Beleid, antwoorden: Mapping[str, str]) -> list[tuple[str, str]]:
    """The questions on the route so far, in order, with their answers.

    Stored answers off the route (say a niveau, after switching to a group that needs none) stay
    in the URL, so switching back keeps them, but are not part of the route.
    """
    gevolgd: dict[str, str] = {}
    while (vraag := volgende_vraag(beleid, gevolgd)) is not None:
        if vraag in antwoorden:
            gevolgd[vraag] = antwoorden[vraag]
        elif vraag == "rol" and "doelgroep" in antwoorden:
            gevolgd["doelgroep"] = antwoorden["doelgroep"]  # a shared link may skip the rol question
        else:
            break
    return list(gevolgd.items())


def uitkomst(beleid: Beleid, antwoorden: Mapping[str, str]) -> Beslissing | None:
    """The answer when the questions on the path decide it, else None."""
    gevolgd = dict(pad(beleid, antwoorden))
    if volgende_vraag(beleid, gevolgd) is not None:
        return None
    return beleid.bepaal(normaliseer_antwoorden(_effectief(beleid, gevolgd)))


def bereik(beleid: Beleid, antwoorden: Mapping[str, str]) -> list[Cel]:
    """The cells the answers on the route leave open: what the outcome covers."""
    return beleid.passende_cellen(_effectief(beleid, dict(pad(beleid, antwoorden))))


def aantal_vragen(beleid: Beleid, antwoorden: Mapping[str, str]) -> int:
    """Questions on the longest path still possible from here: for 'Vraag 2 van 4'."""
    return _aantal(beleid, tuple(sorted(dict(pad(beleid, antwoorden)).items())))


@lru_cache(maxsize=512)
def _aantal(beleid: Beleid, gevolgd: tuple[tuple[str, str], ...]) -> int:
    antwoorden = dict(gevolgd)
    vraag = volgende_vraag(beleid, antwoorden)
    if vraag is None:
        return len(antwoorden)
    opties = [o.waarde for o in beleid.vraag(vraag).opties]
    return max(_aantal(beleid, tuple(sorted({**antwoorden, vraag: w}.items()))) for w in opties)


def als_querystring(antwoorden: Mapping[str, str]) -> dict[str, str]:
    """The answers as URL parameters, in question order (shareable)."""
    return {URL_SLEUTEL[v]: antwoorden[v] for v in URL_SLEUTEL if v in antwoorden}
