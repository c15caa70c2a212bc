"""Pydantic models of the policy files. Frozen: one loaded policy is shared by every session."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from policy.domain import Basis, Doelgroep, Niveau, Toegang, Vorm


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


Id = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=60)]
Tekst = Annotated[str, Field(min_length=1)]


def _alle_of_lijst(alle: list[object], invoer: object) -> BeforeValidator:
    """Accept `alle`, one value or a list; YAML reads `2` as a number, so compare as text.

    `invoer` is what the policy file may hold, for the JSON Schema an editor checks against.
    """

    def expand(waarde: object) -> object:
        if waarde == "alle":
            return list(alle)
        if not isinstance(waarde, list):
            waarde = [waarde]
        return [_niveau_als_tekst(w) for w in waarde]

    return BeforeValidator(expand, json_schema_input_type=Literal["alle"] | invoer | list[invoer])  # type: ignore[valid-type]


def _niveau_als_tekst(waarde: object) -> object:
    return str(waarde) if isinstance(waarde, int) and not isinstance(waarde, bool) else waarde


# A level may be written as a number in YAML (2) or as text ("2").
NiveauInvoer = Niveau | Literal[2, 3, 4]
NiveauVeld = Annotated[Niveau, BeforeValidator(_niveau_als_tekst, json_schema_input_type=NiveauInvoer)]
Doelgroepen = Annotated[
    tuple[Doelgroep, ...], _alle_of_lijst([d.value for d in Doelgroep], Doelgroep), Field(min_length=1)
]
Niveaus = Annotated[tuple[Niveau, ...], _alle_of_lijst([n.value for n in Niveau], NiveauInvoer), Field(min_length=1)]
Vormen = Annotated[tuple[Vorm, ...], _alle_of_lijst([v.value for v in Vorm], Vorm), Field(min_length=1)]
Toegangen = Annotated[tuple[Toegang, ...], _alle_of_lijst([t.value for t in Toegang], Toegang), Field(min_length=1)]
Inschrijvingen = Annotated[tuple[bool, ...], _alle_of_lijst([False, True], bool), Field(min_length=1)]


class Bron(Model):
    """A verbatim quote from the bericht and the paragraph (alinea) it stands in."""

    alinea: int = Field(ge=0, description="0 is the heading, 1 the first paragraph under it")
    citaat: Tekst = Field(description="Letterlijk uit het bericht; een citaat zegt zelf over wie het gaat.")


class BronDocument(Model):
    """The bericht (news item) about the decision: our only source, not the decision document itself."""

    bestand: Tekst
    titel: Tekst
    uitgever: Tekst = Field(description="Wie het bericht publiceerde.")
    herkomst: Tekst = Field(description="Wie het bericht publiceerde, voor zover bekend. Geen verzonnen datum of URL.")


class Herkomst(Model):
    """The kind of a reader-facing text, next to the text it belongs to (checked in policy/checks.py).

    basis expliciet: it stands in the bericht; `bronnen` holds the quotes.
    basis afgeleid: it follows from the bericht; `afleiding` says how, `bronnen` what it rests on.
    basis achtergrond: not part of the decision; `toelichting_bron` names where it comes from.
    """

    # Optional here so that a model can be built in code; the load-time check refuses a text without one,
    # and the JSON Schema marks it required wherever the text is always there (json_schema below).
    basis: Basis | None = Field(
        default=None, description="expliciet: staat in het bericht; afgeleid: volgt eruit; achtergrond: uitleg"
    )
    afleiding: str | None = Field(default=None, description="Bij afgeleid: hoe het uit het bericht volgt.")
    bronnen: tuple[Bron, ...] = Field(default=(), description="Bij expliciet en afgeleid: de citaten.")
    toelichting_bron: str | None = Field(default=None, description="Bij achtergrond: de bron, met naam.")


class Stap(Herkomst):
    id: Id
    wanneer: Tekst
    datum: dt.date | None = None
    titel: Tekst
    tekst: Tekst


class Doel(Herkomst):
    id: Id
    titel: Tekst


class Besluit(Model):
    id: Id
    status: Literal["vastgesteld", "voorstel", "scenario"] = Field(
        description="vastgesteld: besloten door de ALV; voorstel: nog niet besloten (nooit het geldende beleid); "
        "scenario: een 'wat als' van de app, nooit gepubliceerd"
    )
    titel: Tekst
    orgaan: Tekst
    orgaan_kort: Tekst
    datum: dt.date
    geldig_vanaf: dt.date | None = Field(
        default=None, description="Alleen invullen als het bericht een datum noemt vanaf wanneer het geldt."
    )
    bron: BronDocument
    samenvatting: tuple[Tekst, ...] = Field(min_length=1)
    samenvatting_herkomst: Herkomst
    kern: tuple[Bron, ...] = Field(min_length=1)
    aanleiding: Stap
    proces: tuple[Stap, ...] = Field(min_length=1)
    doelen: tuple[Doel, ...] = Field(min_length=1)


class VerplichtBij(Model):
    """The cells in which a condition must appear: checked at load time."""

    doelgroep: Doelgroepen
    ingeschreven_in_mbo: Inschrijvingen = (False, True)
    toegang: Toegangen


class Voorwaarde(Herkomst):
    id: Id
    titel: Tekst
    uitleg: Tekst
    verplicht_bij: VerplichtBij | None = None


class Wanneer(Model):
    """The cells a rule decides; `alle` stands for every value of that dimension."""

    doelgroep: Doelgroepen
    ingeschreven_in_mbo: Inschrijvingen
    niveau: Niveaus
    vorm: Vormen


class Regel(Herkomst):
    """One answer: `basis`, `afleiding` and `bronnen` are the kind of `samenvatting` and `reden`."""

    id: Id
    wanneer: Wanneer
    toegang: Toegang
    samenvatting: Tekst
    reden: Tekst
    voorwaarden: tuple[Id, ...] = ()
    vervolg: tuple[Tekst, ...] = Field(min_length=1)
    vervolg_herkomst: Herkomst | None = Field(default=None, description="De soort van de stappen in `vervolg`.")


class Thema(Model):
    id: Id
    titel: Tekst


class CelVerwijzing(Model):
    doelgroep: Doelgroep
    ingeschreven_in_mbo: bool
    niveau: NiveauVeld
    vorm: Vorm


class FaqVraag(Herkomst):
    """`basis`, `afleiding`, `bronnen` and `toelichting_bron` are the kind of `antwoord`."""

    id: Id
    thema: Id
    vraag: Tekst
    antwoord: Tekst
    doelgroepen: Doelgroepen
    cel: CelVerwijzing | None = None
    begrippen: tuple[Id, ...] = ()


class Faq(Model):
    themas: tuple[Thema, ...] = Field(min_length=1)
    vragen: tuple[FaqVraag, ...] = Field(min_length=1)


class Begrip(Herkomst):
    id: Id
    term: Tekst
    uitleg: Tekst
    zie_ook: tuple[Id, ...] = ()


class Optie(Herkomst):
    """An answer option; its kind fields belong to `uitleg` and are required only when there is one."""

    waarde: Tekst
    label: Tekst
    uitleg: str | None = None
    doelgroep: Doelgroep | None = None


class Vraag(Herkomst):
    """A keuzehulp question; its kind fields belong to `hulp` and are required only when there is one."""

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


def json_schema() -> dict[str, Any]:
    """The JSON Schema of one policy file, for editors (`# yaml-language-server: $schema=...`).

    A policy folder splits its sections over several files, so no section is required in one file;
    the loader checks that every section is there exactly once.
    """
    schema = BeleidBestand.model_json_schema()
    schema["required"] = []
    for naam, definitie in schema["$defs"].items():
        # A question's hulp and an option's uitleg are optional, and so is their kind; every other text is not.
        if "basis" in definitie.get("properties", {}) and naam not in (Vraag.__name__, Optie.__name__):
            definitie["required"] = sorted({*definitie.get("required", []), "basis"})
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Beleidsbestand van de Toegangswijzer (een of meer secties)"
    return schema
