"""The loaded policy: answers for cells, the matrix, and which question still matters."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from policy.checks import alineas, cellen_van
from policy.domain import (
    DIMENSIE,
    DIMENSIES,
    Basis,
    Cel,
    Doelgroep,
    Niveau,
    Toegang,
    Vorm,
    alle_cellen,
    cel_als_dict,
    ingeschreven_voor,
    parse_enum,
)
from policy.models import Begrip, BeleidBestand, Besluit, Bron, FaqVraag, Regel, Thema, Voorwaarde, Vraag


@dataclass(frozen=True)
class Beslissing:
    """The answer for one cell, with everything a view needs to explain it."""

    cel: Cel
    regel: Regel
    voorwaarden: tuple[Voorwaarde, ...]
    besluit: Besluit  # the decision (or proposal) that gives this answer: a saved answer names it

    @property
    def versie(self) -> str:
        return self.besluit.id

    @property
    def toegang(self) -> Toegang:
        return self.regel.toegang

    @property
    def basis(self) -> Basis:
        # Optional on the model (Herkomst), but the load-time check refuses a rule without one.
        assert self.regel.basis is not None, f"regel '{self.regel.id}' zonder basis"
        return self.regel.basis

    @property
    def bronnen(self) -> tuple[Bron, ...]:
        return self.regel.bronnen

    @property
    def reden(self) -> str:
        return self.regel.reden

    def als_dict(self) -> dict[str, object]:
        """Plain data for JSON and CSV: the cell, the answer and what it rests on."""
        return {
            "versie": self.versie,
            # A client must be able to tell a proposal from a decision without a second request.
            "versie_status": self.besluit.status,
            "versie_datum": self.besluit.datum.isoformat(),
            **cel_als_dict(self.cel),
            "toegang": self.toegang.value,
            "basis": self.basis.value,
            "regel": self.regel.id,
            "samenvatting": self.regel.samenvatting,
            "reden": self.reden,
            "afleiding": self.regel.afleiding,
            "voorwaarden": [v.id for v in self.voorwaarden],
            "bronnen": [{"alinea": b.alinea, "citaat": b.citaat} for b in self.bronnen],
        }


Antwoorden = Mapping[str, object]


class Beleid:
    """One validated policy version. Immutable: one instance serves every session."""

    def __init__(self, bestand: BeleidBestand, brontekst: str, pad: Path) -> None:
        self.bestand = bestand
        self.brontekst = brontekst
        self.pad = pad
        voorwaarden = {v.id: v for v in bestand.voorwaarden}
        self._per_cel: dict[Cel, Beslissing] = {}
        for regel in bestand.regels:
            gekoppeld = tuple(voorwaarden[v] for v in regel.voorwaarden)
            for cel in cellen_van(regel):
                self._per_cel[cel] = Beslissing(cel, regel, gekoppeld, bestand.besluit)

    # --- metadata and texts -------------------------------------------------------------
    @property
    def besluit(self) -> Besluit:
        return self.bestand.besluit

    @cached_property
    def alineas(self) -> tuple[str, ...]:
        return tuple(alineas(self.brontekst))

    @property
    def regels(self) -> tuple[Regel, ...]:
        return self.bestand.regels

    @property
    def voorwaarden(self) -> tuple[Voorwaarde, ...]:
        return self.bestand.voorwaarden

    @property
    def faq(self) -> tuple[FaqVraag, ...]:
        return self.bestand.faq.vragen

    @property
    def themas(self) -> tuple[Thema, ...]:
        return self.bestand.faq.themas

    @property
    def begrippen(self) -> tuple[Begrip, ...]:
        return self.bestand.begrippen

    @property
    def vragen(self) -> tuple[Vraag, ...]:
        return self.bestand.vragen

    def vraag(self, id_: str) -> Vraag:
        return next(v for v in self.vragen if v.id == id_)

    def label(self, dimensie: str, waarde: object) -> str:
        """The on-screen name of an answer value, from the question texts."""
        tekst = DIMENSIE[dimensie].als_tekst(waarde) if dimensie in DIMENSIE else str(waarde)
        for optie in self.vraag(dimensie).opties:
            if optie.waarde == tekst:
                return optie.label
        return tekst

    def regel(self, id_: str) -> Regel:
        return next(r for r in self.regels if r.id == id_)

    def cellen_van(self, regel: Regel) -> list[Cel]:
        return cellen_van(regel)

    # --- answers ------------------------------------------------------------------------
    def decide(
        self,
        doelgroep: str | Doelgroep,
        niveau: str | int | Niveau,
        vorm: str | Vorm,
        ingeschreven_in_mbo: bool = False,
    ) -> Beslissing:
        """The answer for one cell. Unknown values raise ValueError with the valid ones in Dutch.

        A group that is always enrolled (an instelling's own students) is answered as enrolled, as in the
        keuzehulp: `Beslissing.cel` says which cell was answered.
        """
        groep = parse_enum(Doelgroep, doelgroep, "doelgroep")
        ingeschreven = ingeschreven_voor(groep, bool(ingeschreven_in_mbo))
        cel = Cel(groep, parse_enum(Niveau, niveau, "niveau"), parse_enum(Vorm, vorm, "vorm"), ingeschreven)
        return self._per_cel[cel]

    def matrix(self, ingeschreven_in_mbo: bool | None = None) -> list[Beslissing]:
        """Every cell's answer in a stable order; optionally only (not) enrolled candidates."""
        return [
            self._per_cel[c]
            for c in alle_cellen()
            if ingeschreven_in_mbo is None or c.ingeschreven_in_mbo == ingeschreven_in_mbo
        ]

    def doelgroepen(self, ingeschreven_in_mbo: bool) -> list[Doelgroep]:
        """The groups that have cells for (not) enrolled candidates: an mbo student is always enrolled."""
        return [d for d in Doelgroep if any(b.cel.doelgroep is d for b in self.matrix(ingeschreven_in_mbo))]

    def passende_cellen(self, antwoorden: Antwoorden) -> list[Cel]:
        """The cells that agree with the answers given so far (missing answers match anything)."""
        bekend = normaliseer_antwoorden(antwoorden)
        return [c for c in alle_cellen() if all(getattr(c, k) == v for k, v in bekend.items())]

    def volgende_vraag(self, antwoorden: Antwoorden) -> str | None:
        """The next dimension whose answer changes the outcome, or None when it is decided."""
        cellen = self.passende_cellen(antwoorden)
        if len({self._per_cel[c].regel.id for c in cellen}) <= 1:
            return None
        bekend = normaliseer_antwoorden(antwoorden)
        for dimensie in (d.veld for d in DIMENSIES):
            if dimensie in bekend:
                continue
            # Ask this question only if some split on it separates different rules.
            groepen: dict[object, set[str]] = {}
            for c in cellen:
                groepen.setdefault(getattr(c, dimensie), set()).add(self._per_cel[c].regel.id)
            if len({frozenset(r) for r in groepen.values()}) > 1:
                return dimensie
        return None

    def bepaal(self, antwoorden: Antwoorden) -> Beslissing | None:
        """The answer once the given answers leave one rule; None while a question is still open."""
        if self.volgende_vraag(antwoorden) is not None:
            return None
        cellen = self.passende_cellen(antwoorden)
        return self._per_cel[cellen[0]] if cellen else None


def normaliseer_antwoorden(antwoorden: Antwoorden) -> dict[str, Any]:
    """Validate partial answers (from a form or a URL) into dimension values; None means not answered."""
    # Any: each value has its dimension's type (Doelgroep, Niveau, Vorm, bool), ready for Cel or decide().
    bekend: dict[str, Any] = {}
    for sleutel, waarde in antwoorden.items():
        if waarde is None:
            continue
        if sleutel not in DIMENSIE:
            raise ValueError(f"Onbekende vraag {sleutel!r}. Kies uit: {', '.join(DIMENSIE)}.")
        bekend[sleutel] = DIMENSIE[sleutel].lees(waarde)
    return bekend
