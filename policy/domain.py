"""The fixed dimensions of the decision: who asks, for which product, in which form."""

from __future__ import annotations

from enum import Enum, StrEnum
from typing import NamedTuple, TypeVar


class Doelgroep(StrEnum):
    mbo = "mbo"
    vmbo = "vmbo"
    isk = "isk"
    onderwijsroute = "onderwijsroute"
    anders = "anders"


class Niveau(StrEnum):
    entree = "entree"
    n2 = "2"
    n3 = "3"
    n4 = "4"


class Vorm(StrEnum):
    formatief = "formatief"
    summatief = "summatief"


class Toegang(StrEnum):
    ja = "ja"
    nee = "nee"
    buiten_kader = "buiten_kader"


class Basis(StrEnum):
    """The kind of a reader-facing text: it stands in the bericht, it follows from it, or it is background.

    An answer of a rule is never background: it rests on the bericht.
    """

    expliciet = "expliciet"
    afgeleid = "afgeleid"
    achtergrond = "achtergrond"


class Cel(NamedTuple):
    """One cell of doelgroep x niveau x vorm x ingeschreven_in_mbo."""

    doelgroep: Doelgroep
    niveau: Niveau
    vorm: Vorm
    ingeschreven_in_mbo: bool


def cel_als_dict(cel: Cel) -> dict[str, object]:
    """A cell as plain data (JSON, CSV)."""
    return {
        "doelgroep": cel.doelgroep.value,
        "niveau": cel.niveau.value,
        "vorm": cel.vorm.value,
        "ingeschreven_in_mbo": cel.ingeschreven_in_mbo,
    }


def alle_cellen() -> list[Cel]:
    """Every cell in a stable order: the order of the enums, not enrolled before enrolled."""
    return [Cel(d, n, v, i) for d in Doelgroep for i in (False, True) for n in Niveau for v in Vorm]


E = TypeVar("E", bound=Enum)


def parse_enum(enum: type[E], waarde: object, naam: str) -> E:
    """Turn user input into an enum member, or raise ValueError in Dutch listing what is valid."""
    if isinstance(waarde, enum):
        return waarde
    tekst = str(waarde).strip().lower()
    for lid in enum:
        if lid.value == tekst:
            return lid
    geldig = ", ".join(lid.value for lid in enum)
    raise ValueError(f"Onbekende {naam} {str(waarde)[:40]!r}. Kies uit: {geldig}.")
