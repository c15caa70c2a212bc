"""Pydantic models of the policy files. Frozen: one loaded policy is shared by every session."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from policy.domain import Basis, Doelgroep, Niveau, Toegang, Vorm


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


Id = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=60)]
Tekst = Annotated[str, Field(min_length=1)]


def _alle_of_lijst(alle: list[object]) -> BeforeValidator:
    """Accept `alle`, one value or a list; YAML reads `2` as a number, so compare as text."""

    def expand(waarde: object) -> object:
        if waarde == "alle":
            return list(alle)
        if not isinstance(waarde, list):
            waarde = [waarde]
        return [_niveau_als_tekst(w) for w in waarde]

    return BeforeValidator(expand)


def _niveau_als_tekst(waarde: object) -> object:
    return str(waarde) if isinstance(waarde, int) and not isinstance(waarde, bool) else waarde


NiveauVeld = Annotated[Niveau, BeforeValidator(_niveau_als_tekst)]
Doelgroepen = Annotated[tuple[Doelgroep, ...], _alle_of_lijst([d.value for d in Doelgroep]), Field(min_length=1)]
Niveaus = Annotated[tuple[Niveau, ...], _alle_of_lijst([n.value for n in Niveau]), Field(min_length=1)]
Vormen = Annotated[tuple[Vorm, ...], _alle_of_lijst([v.value for v in Vorm]), Field(min_length=1)]
Toegangen = Annotated[tuple[Toegang, ...], _alle_of_lijst([t.value for t in Toegang]), Field(min_length=1)]
Inschrijvingen = Annotated[tuple[bool, ...], _alle_of_lijst([False, True]), Field(min_length=1)]


class Bron(Model):
    """A verbatim quote from the decision text and the paragraph (alinea) it stands in."""

    alinea: int = Field(ge=0, description="0 is the heading, 1 the first paragraph under it")
    citaat: Tekst


class BronDocument(Model):
    bestand: Tekst
    titel: Tekst
    herkomst: Tekst


class Stap(Model):
    id: Id
    wanneer: Tekst
    datum: dt.date | None = None
    titel: Tekst
    tekst: Tekst
    bronnen: tuple[Bron, ...] = Field(min_length=1)


class Doel(Model):
    id: Id
    titel: Tekst
    bronnen: tuple[Bron, ...] = Field(min_length=1)


class Besluit(Model):
    id: Id
    status: Literal["vastgesteld", "scenario"]
    titel: Tekst
    orgaan: Tekst
    orgaan_kort: Tekst
    datum: dt.date
    geldig_vanaf: dt.date
    bron: BronDocument
    samenvatting: tuple[Tekst, ...] = Field(min_length=1)
    kern: tuple[Bron, ...] = Field(min_length=1)
    aanleiding: Stap
    proces: tuple[Stap, ...] = Field(min_length=1)
    doelen: tuple[Doel, ...] = Field(min_length=1)


class VerplichtBij(Model):
    """The cells in which a condition must appear: checked at load time."""

    doelgroep: Doelgroepen
    ingeschreven_in_mbo: Inschrijvingen = (False, True)
    toegang: Toegangen


class Voorwaarde(Model):
    id: Id
    titel: Tekst
    uitleg: Tekst
    bronnen: tuple[Bron, ...] = Field(min_length=1)
    verplicht_bij: VerplichtBij | None = None


class Wanneer(Model):
    """The cells a rule decides; `alle` stands for every value of that dimension."""

    doelgroep: Doelgroepen
    ingeschreven_in_mbo: Inschrijvingen
    niveau: Niveaus
    vorm: Vormen


class Regel(Model):
    id: Id
    wanneer: Wanneer
    toegang: Toegang
    basis: Basis
    samenvatting: Tekst
    reden: Tekst
    afleiding: str | None = None
    voorwaarden: tuple[Id, ...] = ()
    bronnen: tuple[Bron, ...] = ()
    vervolg: tuple[Tekst, ...] = Field(min_length=1)


class Thema(Model):
    id: Id
    titel: Tekst


class CelVerwijzing(Model):
    doelgroep: Doelgroep
    ingeschreven_in_mbo: bool
    niveau: NiveauVeld
    vorm: Vorm


class FaqVraag(Model):
    id: Id
    thema: Id
    vraag: Tekst
    antwoord: Tekst
    doelgroepen: Doelgroepen
    bronnen: tuple[Bron, ...] = Field(min_length=1)
    cel: CelVerwijzing | None = None
    begrippen: tuple[Id, ...] = ()


class Faq(Model):
    themas: tuple[Thema, ...] = Field(min_length=1)
    vragen: tuple[FaqVraag, ...] = Field(min_length=1)


class Begrip(Model):
    id: Id
    term: Tekst
    uitleg: Tekst
    toelichting_bron: str | None = None
    zie_ook: tuple[Id, ...] = ()


class Optie(Model):
    waarde: Tekst
    label: Tekst
    uitleg: str | None = None
    doelgroep: Doelgroep | None = None


class Vraag(Model):
    id: Literal["rol", "doelgroep", "ingeschreven_in_mbo", "niveau", "vorm"]
    kort: Tekst
    tekst: Tekst
    hulp: str | None = None
    opties: tuple[Optie, ...] = Field(min_length=2)


class BeleidBestand(Model):
    """One policy version. In a folder each section may come from its own file."""

    besluit: Besluit
    voorwaarden: tuple[Voorwaarde, ...] = Field(min_length=1)
    regels: tuple[Regel, ...] = Field(min_length=1)
    faq: Faq
    begrippen: tuple[Begrip, ...] = Field(min_length=1)
    vragen: tuple[Vraag, ...] = Field(min_length=1)


SECTIES: tuple[str, ...] = tuple(BeleidBestand.model_fields)
