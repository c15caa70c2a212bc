"""The JSON the API sends, as pydantic models.

Every body the API sends is `model_dump(mode="json")` of one of these, and `/api/v1/openapi.json` is
generated from the same models (web/openapi.py): the document cannot describe a field the answers lack, nor
the other way round. The models live here, not in `policy/`, because a wire format is a web concern; they
are filled from the policy's own plain data (`Beslissing.als_dict()`, which `python -m policy ask --json`
prints), and `extra="forbid"` makes any key the policy adds there fail loudly instead of slipping past
the document.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, RootModel

from policy import Beslissing as PolicyBeslissing
from policy.domain import ALTIJD_INGESCHREVEN, Basis, Doelgroep, Niveau, Toegang, Vorm

FOUTCODE = r"^[0-9A-F]{8}$"  # web/startup.py: meld_fout


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
        description="Het id van het besluit dat dit antwoord geeft (bijvoorbeeld alv-2026-03-26). Een antwoord "
        "dat u bewaart, blijft met `versie=` hetzelfde, ook als er later een nieuwer besluit komt."
    )
    doelgroep: Doelgroep
    niveau: Niveau
    vorm: Vorm
    ingeschreven_in_mbo: bool = Field(
        description=(
            "Of het antwoord geldt voor een kandidaat die ingeschreven staat in het mbo. Bij doelgroep "
            f"{_ALTIJD} is dat altijd waar (eigen studenten van een instelling), wat de vraag ook zei."
        )
    )
    toegang: Toegang = Field(description="ja, nee of buiten_kader (valt buiten dit besluit).")
    basis: Basis = Field(description="expliciet: staat in het bericht; afgeleid: volgt eruit (zie afleiding).")
    regel: str = Field(description="Het id van de beleidsregel die deze situatie beslist.")
    samenvatting: str
    reden: str
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
