"""What changed from one decision to the next: per cell, and in the conditions, FAQ and glossary.

Built on `policy.scenario.vergelijk` (the cells of `python -m policy diff`), with the wording a reader sees
counted too: a saved answer whose words changed has changed for its reader. Plain data: the versions page
of both editions, the presentation and the change sheet (`python -m policy verantwoording`) render it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from policy.domain import Cel
from policy.engine import Beleid
from policy.models import Begrip, FaqVraag, Voorwaarde
from policy.scenario import VELDEN_MET_TEKST, CelVerschil, vergelijk

Soort = Literal["voorwaarde", "faq", "begrip"]
Wat = Literal["nieuw", "vervallen", "gewijzigd"]
Item = Voorwaarde | FaqVraag | Begrip
# What a changed part of a cell's answer is called, for readers and for the sign-off sheet alike.
VELD_WOORD = {
    "toegang": "het antwoord",
    "voorwaarden": "de voorwaarden",
    "basis": "of het in het bericht staat of eruit volgt",
    "tekst": "de uitleg",
}


@dataclass(frozen=True)
class TekstWijziging:
    """One condition, FAQ entry or glossary entry that is new, gone or different (same id, other content)."""

    soort: Soort
    id: str
    oud: Item | None
    nieuw: Item | None

    @property
    def wat(self) -> Wat:
        return "nieuw" if self.oud is None else "vervallen" if self.nieuw is None else "gewijzigd"

    @property
    def titel(self) -> str:
        """The name a reader knows it by (the newest wording)."""
        item = self.nieuw or self.oud
        if isinstance(item, Voorwaarde):
            return item.titel
        if isinstance(item, FaqVraag):
            return item.vraag
        assert isinstance(item, Begrip)
        return item.term


@dataclass(frozen=True)
class Wijzigingen:
    """From `oud` to `nieuw`: the cells answered differently and the texts that changed."""

    oud: Beleid
    nieuw: Beleid
    cellen: tuple[CelVerschil, ...]
    teksten: tuple[TekstWijziging, ...]

    @property
    def leeg(self) -> bool:
        return not self.cellen and not self.teksten

    def van_soort(self, soort: Soort) -> list[TekstWijziging]:
        return [t for t in self.teksten if t.soort == soort]

    def verschil(self, cel: Cel) -> CelVerschil | None:
        return next((v for v in self.cellen if v.cel == cel), None)

    def veranderd(self, cellen: Iterable[Cel]) -> bool:
        """Whether the answer for any of these cells (say those an answer link covers) is different now."""
        geraakt = {v.cel for v in self.cellen}
        return any(c in geraakt for c in cellen)


def _per_id(oud: Sequence[Item], nieuw: Sequence[Item], soort: Soort) -> Iterator[TekstWijziging]:
    """New and changed entries in the new order, then the ones that are gone."""
    oude = {i.id: i for i in oud}
    nieuwe = {i.id: i for i in nieuw}
    for id_, item in nieuwe.items():
        vorig = oude.get(id_)
        if vorig is None or vorig.model_dump() != item.model_dump():
            yield TekstWijziging(soort, id_, vorig, item)
    for id_, item in oude.items():
        if id_ not in nieuwe:
            yield TekstWijziging(soort, id_, item, None)


# Every answer of the newest decision and every banner of a pinned page asks this (about 1 ms each, on every
# rerun); both decisions are immutable and loaded once, so the answer is kept.
@lru_cache(maxsize=32)
def wijzigingen(oud: Beleid, nieuw: Beleid) -> Wijzigingen:
    teksten = [
        *_per_id(oud.voorwaarden, nieuw.voorwaarden, "voorwaarde"),
        *_per_id(oud.faq, nieuw.faq, "faq"),
        *_per_id(oud.begrippen, nieuw.begrippen, "begrip"),
    ]
    return Wijzigingen(oud, nieuw, tuple(vergelijk(oud, nieuw, VELDEN_MET_TEKST)), tuple(teksten))
