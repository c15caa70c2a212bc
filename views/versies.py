"""The decisions as a reader sees them: which one a page shows, whether a newer one exists, what changed.

Plain data, no Streamlit: the Streamlit pages, the light edition and the presentation render the same
`VersieMelding` and `Vergelijking`. Which decision a link asks for is read in one place (`kies`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from policy import Beleid, Cel, Versies, laad_versies
from policy.domain import VERSIE_SLEUTEL
from policy.models import Bron
from policy.scenario import CelVerschil
from policy.versies import VOORSTEL
from policy.wijzigingen import TekstWijziging, Wijzigingen, wijzigingen
from views.teksten import TOEGANG_LABEL, datum, geldt_voor

WAT_LABEL = {"nieuw": "Nieuw", "vervallen": "Vervallen", "gewijzigd": "Gewijzigd"}


@dataclass(frozen=True)
class Keuze:
    """The decision a request shows: the one its link names (`versie=`), else the current one."""

    beleid: Beleid
    vastgepind: bool  # the link named a decision
    onbekend: bool  # the link named a decision that does not exist (the current one is shown instead)


def kies(params: Mapping[str, str], versies: Versies | None = None) -> Keuze:
    """Read `versie` from a query string. Never raises and never echoes: an unknown id falls back, flagged."""
    alle = versies or laad_versies()
    gevraagd = params.get(VERSIE_SLEUTEL)
    if gevraagd is None or not str(gevraagd).strip():
        return Keuze(alle.huidig, False, False)
    gevonden = alle.lees(gevraagd)
    return Keuze(gevonden or alle.huidig, gevonden is not None, gevonden is None)


def versie_query(beleid: Beleid) -> dict[str, str]:
    """The URL parameter that pins a link to this decision: every answer link the app hands out carries it."""
    return {VERSIE_SLEUTEL: beleid.besluit.id}


def naam(beleid: Beleid) -> str:
    """'het besluit van 26 maart 2026', or 'het voorstel voor 20 november 2026'."""
    b = beleid.besluit
    return f"het voorstel voor {datum(b.datum)}" if b.status == VOORSTEL else f"het besluit van {datum(b.datum)}"


@dataclass(frozen=True)
class VersieMelding:
    """What a page says at the top about the decision it shows. `tekst` are plain sentences, in order."""

    soort: str  # "nieuwer" (a newer decision exists), "voorstel" or "onbekend" (the link named none we know)
    kop: str
    tekst: tuple[str, ...]
    link_tekst: str | None  # the same question under the current decision
    link_versie: str | None  # that decision's id


def melding(versies: Versies, keuze: Keuze, cellen: Iterable[Cel] | None = None) -> VersieMelding | None:
    """The banner for a page, or None when it shows the current decision as asked.

    `cellen`: the cells the page's answer covers; with them the banner says whether *this* answer changed.
    """
    huidig = versies.huidig
    if keuze.onbekend:
        bekend = ", ".join(versies.ids())
        zin = f"Deze link noemt een versie van het besluit die niet bestaat. Bekend zijn: {bekend}."
        return VersieMelding("onbekend", "Onbekende versie", (zin,), None, None)
    beleid = keuze.beleid
    if beleid.besluit.status == VOORSTEL:
        tekst: list[str] = [
            f"Dit is {naam(beleid)}. De ALV heeft er nog niet over besloten.",
            f"Het geldende beleid is {naam(huidig)}.",
        ]
        if cellen is not None:
            anders = wijzigingen(huidig, beleid).veranderd(cellen)
            tekst.append(_veranderd(anders, "Volgens het voorstel"))
        link = f"Bekijk deze vraag onder {naam(huidig)}"
        return VersieMelding(VOORSTEL, "Voorstel, nog niet besloten", tuple(tekst), link, huidig.besluit.id)
    nieuwer = versies.nieuwer(beleid)
    if nieuwer is None:
        return None
    # The heading names the newer decision; the sentences do not repeat it.
    tekst = [f"Deze link hoort bij {naam(beleid)}."]
    if cellen is not None:
        tekst.append(_veranderd(wijzigingen(beleid, nieuwer).veranderd(cellen), "In het nieuwe besluit"))
    link = f"Bekijk deze vraag onder {naam(nieuwer)}"
    return VersieMelding(
        "nieuwer",
        f"Er is een nieuwer besluit van {datum(nieuwer.besluit.datum)}",
        tuple(tekst),
        link,
        nieuwer.besluit.id,
    )


def _veranderd(anders: bool, waar: str) -> str:
    return (
        f"{waar} is het antwoord op deze vraag veranderd."
        if anders
        else f"{waar} is het antwoord op deze vraag hetzelfde."
    )


# --- the versions page ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Antwoord:
    """One side of a changed cell: the answer in words, with the quotes it rests on."""

    label: str  # Ja / Nee / Valt buiten dit besluit
    samenvatting: str
    bronnen: tuple[Bron, ...]


@dataclass(frozen=True)
class CelWijziging:
    cel: Cel
    situatie: str  # the cell in words: 'ISK, kandidaat niet ingeschreven in het mbo; Entree; summatief'
    wat: str  # what differs in words: 'het antwoord', 'de voorwaarden', 'de uitleg'
    oud: Antwoord
    nieuw: Antwoord


@dataclass(frozen=True)
class Vergelijking:
    """From one decision to the next, in words: what the versions page and the change sheet show."""

    oud: Beleid
    nieuw: Beleid
    cellen: tuple[CelWijziging, ...]
    teksten: tuple[TekstWijziging, ...]

    @property
    def kop(self) -> str:
        return f"Van {naam(self.oud)} naar {naam(self.nieuw)}"

    @property
    def leeg(self) -> bool:
        return not self.cellen and not self.teksten


_VELD_WOORD = {"toegang": "het antwoord", "voorwaarden": "de voorwaarden", "basis": "de soort", "tekst": "de uitleg"}


def _antwoord(verschil: CelVerschil, nieuw: bool) -> Antwoord:
    b = verschil.nieuw if nieuw else verschil.oud
    return Antwoord(TOEGANG_LABEL[b.toegang], " ".join(b.regel.samenvatting.split()), b.bronnen)


def vergelijking(oud: Beleid, nieuw: Beleid) -> Vergelijking:
    w: Wijzigingen = wijzigingen(oud, nieuw)
    cellen = tuple(
        CelWijziging(
            v.cel,
            geldt_voor(nieuw, [v.cel]),
            ", ".join(_VELD_WOORD[veld] for veld in v.velden),
            _antwoord(v, nieuw=False),
            _antwoord(v, nieuw=True),
        )
        for v in w.cellen
    )
    return Vergelijking(oud, nieuw, cellen, w.teksten)


def vergelijkingen(versies: Versies) -> list[Vergelijking]:
    """Each decision against the adopted one before it, newest first."""
    return [vergelijking(oud, nieuw) for oud, nieuw in reversed(versies.paren())]
