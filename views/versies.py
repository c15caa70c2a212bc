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
from policy.versies import VASTGESTELD, VOORSTEL
from policy.wijzigingen import VELD_WOORD, TekstWijziging, Wijzigingen, wijzigingen
from views.teksten import TOEGANG_LABEL, datum, geldt_voor

WAT_LABEL = {"nieuw": "Nieuw", "vervallen": "Vervallen", "gewijzigd": "Gewijzigd"}
# Said the same way in both editions. The bericht gives no date from which a decision applies, so the
# texts say 'het nieuwste besluit', never 'geldend'; and they claim only what this app itself does.
NIETS_TE_VERGELIJKEN = "Er is nog niets te vergelijken."
GEEN_ANTWOORD_ANDERS = "Geen antwoord is anders."
NIETS_ANDERS = "Er is niets anders: elk antwoord en elke tekst is hetzelfde."
NIEUWSTE = "Dit is het nieuwste besluit in deze app."
VERSIES_UITLEG = (
    "Hier staan alle versies in deze app: besluiten van de ALV en voorstellen.",
    "Een link met een versie erin (versie=...) toont altijd die versie, ook als er later een nieuwe komt.",
)


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


def bron_link_naar(beleid: Beleid) -> str:
    """A link from one version's source text to another's: 'Lees het bericht bij het besluit van ...'."""
    if beleid.besluit.status == VOORSTEL:
        return f"Lees de tekst van {naam(beleid)}"
    return f"Lees het bericht bij {naam(beleid)}"


def versie_query(beleid: Beleid) -> dict[str, str]:
    """The URL parameter that pins a link to this decision: every answer link the app hands out carries it."""
    return {VERSIE_SLEUTEL: beleid.besluit.id}


def naam(beleid: Beleid) -> str:
    """'het besluit van 26 maart 2026', or 'het voorstel voor de ALV van 20 november 2026' (as `versieregel`)."""
    b = beleid.besluit
    if b.status == VOORSTEL:
        return f"het voorstel voor {b.orgaan_kort} van {datum(b.datum)}"
    return f"het besluit van {datum(b.datum)}"


@dataclass(frozen=True)
class VersieMelding:
    """What a page says at the top about the decision it shows. `tekst` are plain sentences, in order."""

    soort: str  # "nieuwer" (a newer decision exists), "voorstel" or "onbekend" (the link named none we know)
    kop: str
    tekst: tuple[str, ...]
    link_tekst: str | None  # the same page (with `cellen`: the same question) under the current decision
    link_versie: str | None  # that decision's id


def melding(versies: Versies, keuze: Keuze, cellen: Iterable[Cel] | None = None) -> VersieMelding | None:
    """The banner for a page, or None when it shows the current decision as asked.

    `cellen`: the cells the page's answer covers; with them the banner says whether *this* answer changed.
    """
    huidig = versies.huidig
    if keuze.onbekend:
        # The known versions by name and id; what the link said is never repeated.
        bekend = ", ".join(f"{naam(b)} ({b.besluit.id})" for b in reversed(versies.besluiten))  # newest first
        zin = f"Deze link noemt een versie die niet bestaat. Deze versies zijn er wel: {bekend}."
        return VersieMelding("onbekend", "Onbekende versie", (zin,), None, None)
    beleid = keuze.beleid
    lijst = None if cellen is None else list(cellen)
    # A link without a question (start, overview, ...) opens the same page, not "the same question".
    wat = "deze pagina" if lijst is None else "deze vraag"
    if beleid.besluit.status == VOORSTEL:
        tekst: list[str] = [
            f"Dit is {naam(beleid)}. In deze app staat nog geen besluit over dit voorstel.",
            f"Het nieuwste besluit in deze app is {naam(huidig)}.",
        ]
        if lijst is not None:
            tekst.extend(antwoord_anders(wijzigingen(huidig, beleid), lijst, "Het voorstel"))
        link = f"Bekijk {wat} volgens {naam(huidig)}"
        return VersieMelding(VOORSTEL, "Voorstel, nog niet besloten", tuple(tekst), link, huidig.besluit.id)
    nieuwer = versies.nieuwer(beleid)
    if nieuwer is None:
        return None
    # The heading names the newer decision; the sentences do not repeat it.
    tekst = [f"Deze pagina toont {naam(beleid)}."]
    if lijst is not None:
        tekst.extend(antwoord_anders(wijzigingen(beleid, nieuwer), lijst, "Het nieuwe besluit"))
    link = f"Bekijk {wat} volgens {naam(nieuwer)}"
    return VersieMelding(
        "nieuwer",
        f"Er is een nieuwer besluit van {datum(nieuwer.besluit.datum)}",
        tuple(tekst),
        link,
        nieuwer.besluit.id,
    )


def antwoord_anders(w: Wijzigingen, cellen: Iterable[Cel], wie: str) -> tuple[str, ...]:
    """Whether `wie` ('Het voorstel') answers these cells differently: the yes or no, or only the rest.

    `Wijzigingen.veranderd` also counts a cell whose conditions or wording differ; a reader must not
    read "another answer" there, so the yes or no is looked at first.
    """
    verschillen = [v for v in (w.verschil(c) for c in cellen) if v is not None]
    if any(v.oud.toegang != v.nieuw.toegang for v in verschillen):
        return (f"{wie} geeft op deze vraag een ander antwoord.",)
    if verschillen:
        labels = {TOEGANG_LABEL[v.nieuw.toegang] for v in verschillen}
        blijft = f"Het antwoord blijft {labels.pop()}." if len(labels) == 1 else "Het antwoord blijft hetzelfde."
        return (blijft, "De uitleg of de voorwaarden zijn anders.")
    return (f"{wie} geeft op deze vraag hetzelfde antwoord.",)


def eerder_anders(versies: Versies, beleid: Beleid, cellen: Iterable[Cel]) -> str | None:
    """On an adopted decision's answer: the other yes or no that the adopted decision before it gave, so a
    reader who remembers the old answer is not left to wonder. Wording or conditions alone are not said here."""
    if beleid.besluit.status != VASTGESTELD or (vorige := versies.vorige(beleid)) is None:
        return None
    w = wijzigingen(vorige, beleid)
    eerder = sorted(
        {TOEGANG_LABEL[v.oud.toegang] for c in cellen if (v := w.verschil(c)) and v.oud.toegang != v.nieuw.toegang}
    )
    if not eerder:
        return None
    return f"Dit antwoord is anders dan in {naam(vorige)}: toen was het {' of '.join(eerder)}."


def situaties_anders(aantal: int) -> str:
    """The heading over the changed cells of a comparison: not every one has another yes or no."""
    if not aantal:
        return GEEN_ANTWOORD_ANDERS
    return f"{aantal} {'situatie' if aantal == 1 else 'situaties'} met iets anders"


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

    @property
    def kanten(self) -> tuple[str, str]:
        """What the two sides are called. 'Was' and 'Wordt' only between two adopted decisions: a proposal
        has not changed anything (yet), and 'Nu' would claim a date from which a decision applies."""
        oud, nieuw = self.oud.besluit.status, self.nieuw.besluit.status
        if VOORSTEL not in (oud, nieuw):
            return ("Was", "Wordt")
        return ("Voorstel" if oud == VOORSTEL else "Besluit", "Voorstel" if nieuw == VOORSTEL else "Besluit")


def _antwoord(verschil: CelVerschil, nieuw: bool) -> Antwoord:
    b = verschil.nieuw if nieuw else verschil.oud
    return Antwoord(TOEGANG_LABEL[b.toegang], " ".join(b.regel.samenvatting.split()), b.bronnen)


def vergelijking(een: Beleid, ander: Beleid) -> Vergelijking:
    """The two in the order of their dates, whichever a reader chose first: the older one is always 'was'."""
    oud, nieuw = sorted((een, ander), key=lambda b: (b.besluit.datum, b.besluit.id))
    w: Wijzigingen = wijzigingen(oud, nieuw)
    cellen = tuple(
        CelWijziging(
            v.cel,
            geldt_voor(nieuw, [v.cel]),
            ", ".join(VELD_WOORD[veld] for veld in v.velden),
            _antwoord(v, nieuw=False),
            _antwoord(v, nieuw=True),
        )
        for v in w.cellen
    )
    return Vergelijking(oud, nieuw, cellen, w.teksten)


def vergelijkingen(versies: Versies) -> list[Vergelijking]:
    """Each decision against the adopted one before it, newest first."""
    return [vergelijking(oud, nieuw) for oud, nieuw in reversed(versies.paren())]
