"""The JSON the API sends, as pydantic models.

Every body the API sends is `model_dump(mode="json")` of one of these, and `/api/v1/openapi.json` is
generated from the same models (web/openapi.py): the document cannot describe a field the answers lack, nor
the other way round. The models live here, not in `policy/`, because a wire format is a web concern; they
are filled from the policy's own plain data (`Beslissing.als_dict()`, which `python -m policy ask --json`
prints), and `extra="forbid"` makes any key the policy adds there fail loudly instead of slipping past
the document.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, RootModel

from policy import Beslissing as PolicyBeslissing
from policy.domain import ALTIJD_INGESCHREVEN, Basis, Doelgroep, Niveau, Toegang, Vorm

FOUTCODE = r"^[0-9A-F]{8}$"  # web/startup.py: meld_fout

# What a client reads in /api/v1/openapi.json for each schema (web/openapi.py puts it there; the docstrings
# below are for programmers). A schema without an entry here fails the document, and its test.
SCHEMA_BESCHRIJVING: dict[str, str] = {
    "Beslissing": "Het antwoord voor één situatie: welk besluit en welke situatie, het antwoord en waar het op rust.",
    "Overzicht": "Elke situatie uit de keuzehulp precies één keer, in een vaste volgorde.",
    "Bron": "Een letterlijk citaat uit het bericht over het besluit, met de alinea waarin het staat.",
    "Fout": "Een vraag die de API niet kan beantwoorden (400), een adres dat niet bestaat (404) of een andere "
    "methode dan GET of HEAD (405).",
    "Probleem": "Wat er mis is met één parameter of met het adres, en wat wel mag.",
    "Serverfout": "Er ging iets mis op de server (500). Met de foutcode vinden wij de fout terug.",
    "Doelgroep": "Wie het vraagt: mbo, vmbo, isk, onderwijsroute of anders.",
    "Niveau": "Het examenproduct: entree of niveau 2, 3 of 4.",
    "Vorm": "Formatief (om te oefenen) of summatief (het echte examen).",
    "Toegang": "Het antwoord: ja, nee of buiten_kader (valt buiten dit besluit).",
    "Basis": "Waar het antwoord op rust: expliciet (staat in het bericht) of afgeleid (volgt eruit). Een antwoord "
    "is nooit achtergrond.",
}


class ApiModel(BaseModel):
    """Every answer's base. A field that every answer carries (such as a policy version) belongs here."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Bron(ApiModel):
    """A verbatim quote from the bericht about the decision."""

    alinea: int = Field(ge=0, description="De alinea van het bericht waarin het citaat staat (0 is de kop).")
    citaat: str = Field(description="Letterlijk uit het bericht over het besluit.")


_ALTIJD = ", ".join(sorted(d.value for d in ALTIJD_INGESCHREVEN))


class Beslissing(ApiModel):
    """The answer for one situation: the decision and cell that were answered, the answer and what it rests on."""

    versie: str = Field(
        description="Het id van het besluit of voorstel dat dit antwoord geeft, bijvoorbeeld alv-2026-03-26. "
        "Vraag later met de `versie` van een besluit, dan krijgt u hetzelfde antwoord; een voorstel kan nog "
        "veranderen."
    )
    versie_status: Literal["vastgesteld", "voorstel"] = Field(
        description="vastgesteld: een besluit van de ALV. voorstel: nog niet besloten; het antwoord kan nog "
        "veranderen. Zonder `versie` krijgt u altijd het nieuwste vastgestelde besluit."
    )
    versie_datum: dt.date = Field(
        description="De datum van de ALV van het besluit, of van de ALV waarvoor het voorstel is. Dit is niet "
        "de datum vanaf wanneer het besluit geldt."
    )
    doelgroep: Doelgroep
    niveau: Niveau
    vorm: Vorm
    ingeschreven_in_mbo: bool = Field(
        description=(
            "Of het antwoord geldt voor een kandidaat die ingeschreven staat in het mbo. Bij doelgroep "
            f"{_ALTIJD} altijd `true`, ook als u `ingeschreven=nee` meegaf: de keuzehulp vraagt het dan niet."
        )
    )
    toegang: Toegang = Field(description="ja, nee of buiten_kader (valt buiten dit besluit).")
    basis: Basis = Field(description="expliciet: staat in het bericht; afgeleid: volgt eruit (zie afleiding).")
    regel: str = Field(description="Het id van de beleidsregel die deze situatie beslist.")
    samenvatting: str = Field(description="Het antwoord in één of twee zinnen, zoals de keuzehulp het toont.")
    reden: str = Field(description="Waarom: de reden die het bericht geeft of waaruit het antwoord volgt.")
    afleiding: str | None = Field(description="Bij basis afgeleid: hoe het antwoord uit het bericht volgt.")
    voorwaarden: list[str] = Field(description="De ids van de voorwaarden die bij dit antwoord horen.")
    bronnen: list[Bron]

    @classmethod
    def van(cls, beslissing: PolicyBeslissing) -> Beslissing:
        return cls.model_validate(beslissing.als_dict())


class Overzicht(RootModel[list[Beslissing]]):
    """Every situation the decision covers, each once, in a stable order."""


class Probleem(ApiModel):
    """What is wrong with one parameter (or with the address), and what is allowed instead."""

    veld: str | None = Field(description="De parameter; null bij onbekende parameters of een onbekend adres.")
    melding: str = Field(description="In het Nederlands; herhaalt nooit de invoer zelf.")
    geldig: list[str] = Field(description="Wat wel mag: de geldige waarden, parameters of adressen.")


class Fout(ApiModel):
    """A question the API cannot answer (400) or an address it does not have (404)."""

    fout: str
    problemen: list[Probleem]


class Serverfout(ApiModel):
    """An unexpected error on the server (500): the foutcode finds its traceback in the server's log."""

    fout: str
    foutcode: str = Field(pattern=FOUTCODE, description="Noem deze code als u de fout meldt.")
