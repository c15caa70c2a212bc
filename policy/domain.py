"""The fixed dimensions of the decision: who asks, for which product, in which form."""

from __future__ import annotations

from dataclasses import dataclass
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


# --- the ja/nee codec: how enrolment is written in URLs, CSV, the CLI and question options ------------
JA, NEE = "ja", "nee"


def ja_nee(waarde: bool) -> str:
    return JA if waarde else NEE


def lees_ja_nee(waarde: object) -> bool:
    """`ja`/`nee` (any case; `true`/`false` too) into a bool, or ValueError in Dutch."""
    if isinstance(waarde, bool):
        return waarde
    tekst = str(waarde).strip().lower()
    if tekst in (JA, "true"):
        return True
    if tekst in (NEE, "false"):
        return False
    raise ValueError(f"Onbekende waarde {str(waarde)[:40]!r} voor ingeschreven. Kies uit: {JA}, {NEE}.")


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


# --- the decision a link is pinned to: `versie=alv-2026-03-26` (policy/versies.py) ----------------------
VERSIE_SLEUTEL = "versie"


# --- the dimensions, declared once ------------------------------------------------------------------
@dataclass(frozen=True)
class Dimensie:
    """One dimension of a cell: its field on `Cel` (also the question id), its URL key and its values."""

    veld: str
    url_sleutel: str
    waarden: tuple[object, ...]

    def als_tekst(self, waarde: object) -> str:
        """The value as written in URLs, YAML options and CSV: `isk`, `2`, `ja`."""
        if isinstance(waarde, bool):
            return ja_nee(waarde)
        return str(getattr(waarde, "value", waarde))

    def lees(self, waarde: object) -> object:
        """Text (or a value) into the dimension's value; ValueError in Dutch listing what is valid."""
        if self.veld == "ingeschreven_in_mbo":
            return lees_ja_nee(waarde)
        enum = type(self.waarden[0])
        return parse_enum(enum, waarde, self.veld)  # type: ignore[type-var]

    def teksten(self) -> set[str]:
        return {self.als_tekst(w) for w in self.waarden}


DOELGROEP = Dimensie("doelgroep", "doelgroep", tuple(Doelgroep))
INGESCHREVEN = Dimensie("ingeschreven_in_mbo", "ingeschreven", (False, True))
NIVEAU = Dimensie("niveau", "niveau", tuple(Niveau))
VORM = Dimensie("vorm", "vorm", tuple(Vorm))
# In the order the keuzehulp asks them: the first open one that changes the answer comes next.
DIMENSIES: tuple[Dimensie, ...] = (DOELGROEP, INGESCHREVEN, NIVEAU, VORM)
DIMENSIE: dict[str, Dimensie] = {d.veld: d for d in DIMENSIES}

# Candidates of this group are enrolled in mbo by definition (an instelling's own students):
# a "not enrolled" cell of it would contradict its own label, so it does not exist.
ALTIJD_INGESCHREVEN: frozenset[Doelgroep] = frozenset({Doelgroep.mbo})


def bestaat(cel: Cel) -> bool:
    return cel.ingeschreven_in_mbo or cel.doelgroep not in ALTIJD_INGESCHREVEN


def ingeschreven_voor(doelgroep: Doelgroep, ingeschreven_in_mbo: bool) -> bool:
    """Enrolment as it counts for a group: the keuzehulp never asks it of a group that is always enrolled,
    so every edition (keuzehulp, API, CLI) answers such a group as enrolled, whatever was filled in."""
    return ingeschreven_in_mbo or doelgroep in ALTIJD_INGESCHREVEN


def alle_cellen() -> list[Cel]:
    """Every cell that exists, in a stable order: the order of the enums, not enrolled before enrolled."""
    cellen = (Cel(d, n, v, i) for d in Doelgroep for i in (False, True) for n in Niveau for v in Vorm)
    return [c for c in cellen if bestaat(c)]


def cel_als_dict(cel: Cel) -> dict[str, object]:
    """A cell as plain data (JSON): every dimension under its field name."""
    return {d.veld: getattr(cel, d.veld) if d is INGESCHREVEN else d.als_tekst(getattr(cel, d.veld)) for d in DIMENSIES}


def cel_sleutel(cel: Cel) -> str:
    """The one key of a cell, for URLs, ids and scenario rules: `isk-entree-formatief-nee`."""
    return "-".join(d.als_tekst(getattr(cel, d.veld)) for d in (DOELGROEP, NIVEAU, VORM, INGESCHREVEN))


def lees_cel_sleutel(waarde: object) -> Cel | None:
    """The cell named by a key, or None for anything else (never raises, never echoes)."""
    delen = str(waarde)[:60].strip().lower().split("-")
    if len(delen) != 4:
        return None
    try:
        doelgroep, niveau, vorm, ingeschreven = (
            d.lees(t) for d, t in zip((DOELGROEP, NIVEAU, VORM, INGESCHREVEN), delen, strict=True)
        )
    except ValueError:
        return None
    cel = Cel(doelgroep, niveau, vorm, ingeschreven)  # type: ignore[arg-type]
    return cel if bestaat(cel) else None


def beschrijf(cel: Cel) -> str:
    """A cell in one line for messages and logs: `isk/entree/formatief/niet ingeschreven`."""
    ingeschreven = "ingeschreven" if cel.ingeschreven_in_mbo else "niet ingeschreven"
    return f"{cel.doelgroep.value}/{cel.niveau.value}/{cel.vorm.value}/{ingeschreven}"
