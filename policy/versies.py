"""The dated decisions side by side: which one is current, which one a link asks for, which one is newer.

Each folder in `policy/besluiten/` is one decision (`besluit.yaml`: `id`, `datum`, `status`). The current
decision is the newest `vastgesteld` one; a `voorstel` (before the ALV votes) is never current, only shown
when a link asks for it by name. A link that names its decision (`versie=alv-2026-03-26`) keeps opening
that decision's answer, so a saved, printed or shared answer never changes without saying so.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from policy.checks import Bevinding, controleer
from policy.engine import Beleid
from policy.errors import PolicyError, Probleem
from policy.loader import bron_pad, lees_secties, valideer

BESLUITEN_MAP = Path(__file__).parent / "besluiten"
# Another folder of decisions, for a policy officer's preview or a test with a second decision.
BESLUITEN_OMGEVING = "TOEGANGSWIJZER_BESLUITEN"
VASTGESTELD, VOORSTEL = "vastgesteld", "voorstel"
MAX_VERSIE = 60  # the length of an id (policy.models.Id); anything longer is no decision's id


class OnbekendeVersie(ValueError):
    """A link asked for a decision that does not exist. The message names the known ones, never the input."""

    def __init__(self, bekend: Sequence[str]) -> None:
        self.bekend = tuple(bekend)
        super().__init__(f"Onbekende versie van het besluit. Bekend zijn: {', '.join(self.bekend)}.")


@dataclass(frozen=True)
class Versies:
    """Every decision in one folder, oldest first (by date, then id)."""

    besluiten: tuple[Beleid, ...]

    @property
    def vastgesteld(self) -> tuple[Beleid, ...]:
        return tuple(b for b in self.besluiten if b.besluit.status == VASTGESTELD)

    @property
    def huidig(self) -> Beleid:
        """The decision in force: the newest one the ALV adopted (a proposal never is)."""
        return self.vastgesteld[-1]

    def ids(self) -> list[str]:
        return [b.besluit.id for b in self.besluiten]

    def kies(self, versie: str | None) -> Beleid:
        """The decision a link names, or the current one when it names none; OnbekendeVersie otherwise."""
        if versie is None:
            return self.huidig
        gevonden = self.lees(versie)
        if gevonden is None:
            raise OnbekendeVersie(self.ids())
        return gevonden

    def lees(self, waarde: object) -> Beleid | None:
        """The decision with this id (any case, spaces around ignored), or None. Never raises."""
        tekst = str(waarde)[: MAX_VERSIE + 1].strip().lower()
        return next((b for b in self.besluiten if b.besluit.id == tekst), None)

    def nieuwer(self, beleid: Beleid) -> Beleid | None:
        """The current decision when it came after `beleid` (a link pinned to an older one), else None."""
        huidig = self.huidig
        if beleid is huidig or beleid.besluit.status != VASTGESTELD:
            return None
        return huidig if (huidig.besluit.datum, huidig.besluit.id) > (beleid.besluit.datum, beleid.besluit.id) else None

    def vorige(self, beleid: Beleid) -> Beleid | None:
        """The adopted decision before this one (what a proposal or a new decision changes), or None."""
        eerder = [
            b for b in self.vastgesteld if (b.besluit.datum, b.besluit.id) < (beleid.besluit.datum, beleid.besluit.id)
        ]
        return eerder[-1] if eerder else None

    def paren(self) -> list[tuple[Beleid, Beleid]]:
        """Each decision with the adopted one before it: the changes a reader may want to see."""
        return [(vorige, b) for b in self.besluiten if (vorige := self.vorige(b)) is not None]


def laad_met_waarschuwingen(pad: Path) -> tuple[Beleid, list[Probleem]]:
    """Load and check one decision (a file or folder); raise PolicyError on errors, return the warnings."""
    bronnen = lees_secties(pad)
    bestand = valideer(bronnen)
    tekst_pad = bron_pad(bronnen, bestand.besluit.bron.bestand)
    try:
        brontekst = tekst_pad.read_text(encoding="utf-8")
    except OSError as fout:
        loc = ("besluit", "bron", "bestand")
        raise PolicyError([bronnen.probleem(loc, f"brontekst niet gevonden: {tekst_pad}")]) from fout
    bevindingen: list[Bevinding] = controleer(bestand, brontekst)
    fouten = [bronnen.probleem(b.loc, b.melding) for b in bevindingen if not b.waarschuwing]
    if fouten:
        raise PolicyError(fouten)
    waarschuwingen = [bronnen.probleem(b.loc, b.melding) for b in bevindingen if b.waarschuwing]
    return Beleid(bestand, brontekst, pad), waarschuwingen


# Room for every shipped decision plus the temporary ones a test run builds: an evicted decision would be
# loaded again as a new object, and the page caches keyed by it would start over.
@lru_cache(maxsize=64)
def laad_besluit(pad: Path) -> Beleid:
    """One decision, loaded once per path: the result is immutable and shared."""
    return laad_met_waarschuwingen(pad.resolve())[0]


def besluiten_map() -> Path:
    return Path(os.environ.get(BESLUITEN_OMGEVING) or BESLUITEN_MAP).resolve()


def mappen(map_: Path) -> list[Path]:
    """The decision folders in a folder of decisions, by name (names start with the date)."""
    return sorted(p for p in map_.iterdir() if p.is_dir() and any(p.glob("*.yaml")))


def controleer_versies(besluiten: Sequence[Beleid]) -> list[Probleem]:
    """What makes a set of decisions unusable side by side: no adopted one, an id twice, a scenario shipped."""
    problemen = []
    if besluiten and not any(b.besluit.status == VASTGESTELD for b in besluiten):
        melding = "geen enkel besluit is vastgesteld: een voorstel is nooit het geldende beleid"
        problemen.append(Probleem(besluiten[0].pad.parent, melding, veld="status"))
    gezien: dict[str, Path] = {}
    for b in besluiten:
        id_ = b.besluit.id
        if id_ in gezien:
            problemen.append(Probleem(b.pad, f"dit id heeft ook {gezien[id_]}", id_, "id"))
        gezien[id_] = b.pad
        if b.besluit.status not in (VASTGESTELD, VOORSTEL):
            problemen.append(Probleem(b.pad, f"een gepubliceerd besluit is {VASTGESTELD} of {VOORSTEL}", id_, "status"))
        if not b.pad.name.startswith(b.besluit.datum.isoformat()):
            melding = f"de mapnaam begint niet met de datum van het besluit ({b.besluit.datum.isoformat()})"
            problemen.append(Probleem(b.pad, melding, id_, "datum"))
    return problemen


@lru_cache(maxsize=16)
def _laad_versies(map_: Path) -> Versies:
    besluiten = sorted((laad_besluit(p) for p in mappen(map_)), key=lambda b: (b.besluit.datum, b.besluit.id))
    problemen = controleer_versies(besluiten)
    if problemen:
        raise PolicyError(problemen)
    return Versies(tuple(besluiten))


def laad_versies(map_: str | Path | None = None) -> Versies:
    """Every decision in `policy/besluiten/` (or another folder), loaded and checked once per folder."""
    return _laad_versies(Path(map_).resolve() if map_ is not None else besluiten_map())
