"""What an answer shows, as plain data: built once from `policy`, rendered by every front end. No Streamlit here.

The Streamlit view (`views/beslissing.py`) and the light HTML edition render the same `Uitleg`; nothing
about an answer is worded twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from policy import Basis, Beleid, Beslissing, Cel, Toegang, laad_versies
from policy.domain import INGESCHREVEN, NIVEAU, VORM, Dimensie, Niveau, Vorm, bestaat
from policy.models import Bron
from views.teksten import (
    TOEGANG_LABEL,
    TOEGANG_SYMBOOL,
    basis_label,
    bronverwijzing,
    geldt_voor,
    niveaus_tekst,
    soort_tekst,
    versieregel,
)
from views.versies import eerder_anders

# The dimensions a reader can change about a candidate; the group is who asks, not a "what if".
VERANDERBAAR: tuple[Dimensie, ...] = (INGESCHREVEN, NIVEAU, VORM)
NIETS_VERANDERT = "Een ander product, een andere vorm of een inschrijving in het mbo verandert dit antwoord niet."


@dataclass(frozen=True)
class Citaat:
    """A verbatim quote with where it stands in the source text."""

    tekst: str
    alinea: int
    verwijzing: str  # 'Bericht ..., alinea 4'


@dataclass(frozen=True)
class Voorwaarde:
    titel: str
    uitleg: str
    soort: str  # 'Staat in het bericht.' / 'Volgt uit het bericht: ...': the kind of this condition's text


@dataclass(frozen=True)
class Deel:
    """One outcome of a 'what if': the answer for some of the changed cells."""

    toegang: Toegang
    cellen: tuple[Cel, ...]
    voor: str | None  # which products and forms, when the 'what if' splits; None when it holds for all
    anders: str | None  # 'met andere voorwaarden' / 'om een andere reden' when the yes or no stays the same

    @property
    def tekst(self) -> str:
        delen = [TOEGANG_LABEL[self.toegang]]
        if self.voor:
            delen.append(f"voor {self.voor}")
        if self.anders:
            delen.append(f"({self.anders})")
        return " ".join(delen)


@dataclass(frozen=True)
class Verandering:
    """'If this one answer were different': what the answer becomes, for every cell the answer covers."""

    dimensie: str
    waarde: object
    als: str  # 'Als de kandidaat wel in het mbo staat ingeschreven'
    delen: tuple[Deel, ...]

    @property
    def tekst(self) -> str:
        return f"{self.als}: {'; '.join(d.tekst for d in self.delen)}."


@dataclass(frozen=True)
class Uitleg:
    """Everything an answer shows, in reading order: the outcome first (GOV.UK style)."""

    toegang: Toegang
    kop: str  # '✓ Ja'
    samenvatting: str
    geldt_voor: str
    versie: str
    voorwaarden: tuple[Voorwaarde, ...]
    reden: str
    basis: Basis
    basis_label: str
    afleiding: str | None
    citaten: tuple[Citaat, ...]
    veranderingen: tuple[Verandering, ...]
    niets_verandert: str | None  # said when no single change of answer changes the outcome
    vervolg: tuple[str, ...]
    vervolg_soort: str  # the kind of the next steps: they follow from the bericht, or are background
    cellen: tuple[Cel, ...]
    eerder: str | None  # the other yes or no of the adopted decision before this one (views.versies)


def citaat(beleid: Beleid, bron: Bron) -> Citaat:
    return Citaat(bron.citaat, bron.alinea, bronverwijzing(beleid, bron.alinea))


def uitleg(beleid: Beleid, beslissing: Beslissing, cellen: tuple[Cel, ...] | list[Cel] | None = None) -> Uitleg:
    """The explanation of an answer that covers `cellen` (all decided by the same rule; default: its own cell)."""
    gedekt = tuple(cellen) if cellen else (beslissing.cel,)
    regel = beslissing.regel
    veranderingen = tuple(wat_verandert(beleid, beslissing, gedekt))
    return Uitleg(
        toegang=beslissing.toegang,
        kop=f"{TOEGANG_SYMBOOL[beslissing.toegang]} {TOEGANG_LABEL[beslissing.toegang]}",
        samenvatting=regel.samenvatting,
        geldt_voor=geldt_voor(beleid, list(gedekt)),
        versie=versieregel(beleid),
        voorwaarden=tuple(Voorwaarde(v.titel, v.uitleg, soort_tekst(v, beleid)) for v in beslissing.voorwaarden),
        reden=regel.reden,
        basis=beslissing.basis,
        basis_label=basis_label(beleid, beslissing.basis),
        afleiding=regel.afleiding,
        citaten=tuple(citaat(beleid, b) for b in beslissing.bronnen),
        veranderingen=veranderingen,
        niets_verandert=None if veranderingen else NIETS_VERANDERT,
        vervolg=regel.vervolg,
        vervolg_soort=soort_tekst(regel.vervolg_herkomst, beleid) if regel.vervolg_herkomst else "",
        cellen=gedekt,
        eerder=eerder_anders(laad_versies(), beleid, gedekt),
    )


def wat_verandert(beleid: Beleid, beslissing: Beslissing, cellen: tuple[Cel, ...]) -> list[Verandering]:
    """For each answer that could be different: the outcome for every covered cell with that answer changed.

    A dimension the answer already spans (say every niveau) is no 'what if'. Where the changed cells fall
    under different rules, the line says per product and form what happens, so it holds for every cell.
    """
    veranderingen = []
    for dimensie in VERANDERBAAR:
        eigen = {getattr(c, dimensie.veld) for c in cellen}
        if len(eigen) > 1:
            continue
        for waarde in dimensie.waarden:
            if waarde in eigen:
                continue
            vervanging: dict[str, Any] = {dimensie.veld: waarde}  # Any: the type of this dimension's values
            andere = [c._replace(**vervanging) for c in cellen]
            andere = [c for c in andere if bestaat(c)]
            per_regel: dict[str, list[Cel]] = {}
            for cel in andere:
                per_regel.setdefault(beleid.decide(*cel).regel.id, []).append(cel)
            if not per_regel or set(per_regel) == {beslissing.regel.id}:
                continue
            # One part per outcome a reader can tell apart: the yes or no, and whether conditions or reasons differ.
            per_uitkomst: dict[tuple[Toegang, str | None], list[Cel]] = {}
            for groep in per_regel.values():
                ander = beleid.decide(*groep[0])
                per_uitkomst.setdefault((ander.toegang, _anders(beslissing, ander)), []).extend(groep)
            splitst = len(per_uitkomst) > 1
            delen = tuple(
                Deel(toegang, tuple(groep), producten_precies(beleid, groep) if splitst else None, anders)
                for (toegang, anders), groep in per_uitkomst.items()
            )
            veranderingen.append(Verandering(dimensie.veld, waarde, _als(beleid, dimensie, waarde), delen))
    return _samengevoegd(beleid, veranderingen)


def _samengevoegd(beleid: Beleid, veranderingen: list[Verandering]) -> list[Verandering]:
    """Values of one question with the same outcome are named together: 'niveau 2, 3 of 4: Nee'."""
    uit: list[Verandering] = []
    for v in veranderingen:
        gelijk = next(
            (
                u
                for u in uit
                if u.dimensie == v.dimensie
                and [(d.toegang, d.voor, d.anders) for d in u.delen] == [(d.toegang, d.voor, d.anders) for d in v.delen]
            ),
            None,
        )
        if gelijk is None:
            uit.append(v)
            continue
        samen = Verandering(
            v.dimensie,
            (*_als_tuple(gelijk.waarde), v.waarde),
            "",
            tuple(
                Deel(a.toegang, a.cellen + b.cellen, a.voor, a.anders)
                for a, b in zip(gelijk.delen, v.delen, strict=True)
            ),
        )
        uit[uit.index(gelijk)] = samen
    return [
        v if v.als else Verandering(v.dimensie, v.waarde, _als_meer(beleid, v.dimensie, _als_tuple(v.waarde)), v.delen)
        for v in uit
    ]


def _als_tuple(waarde: object) -> tuple[object, ...]:
    return waarde if isinstance(waarde, tuple) else (waarde,)


def _anders(eigen: Beslissing, ander: Beslissing) -> str | None:
    """Same yes or no, but another rule: say what differs."""
    if ander.toegang != eigen.toegang:
        return None
    if ander.voorwaarden != eigen.voorwaarden:
        return "met andere voorwaarden"
    return "om een andere reden"


def _als(beleid: Beleid, dimensie: Dimensie, waarde: object) -> str:
    return _als_meer(beleid, dimensie.veld, (waarde,))


def _als_meer(beleid: Beleid, dimensie: str, waarden: tuple[object, ...]) -> str:
    """'Als het gaat om niveau 2, 3 of 4', 'Als het gaat om een summatief product'."""
    if dimensie == INGESCHREVEN.veld:
        return f"Als de kandidaat {'wel' if waarden[0] else 'niet'} in het mbo staat ingeschreven"
    if dimensie == VORM.veld:
        return f"Als het gaat om een {beleid.label(dimensie, waarden[0]).lower()} product"
    return "Als het gaat om " + niveaus_tekst(beleid, [n for n in Niveau if n in waarden], laatste="of")


def producten_precies(beleid: Beleid, cellen: list[Cel]) -> str:
    """Exactly which products and forms these cells are: 'Entree (summatief) en niveau 2, 3 en 4'."""
    vormen_per_niveau: dict[Niveau, frozenset[Vorm]] = {}
    for niveau in Niveau:
        vormen = frozenset(c.vorm for c in cellen if c.niveau == niveau)
        if vormen:
            vormen_per_niveau[niveau] = vormen
    # Niveaus with the same forms are named together, in niveau order.
    groepen: dict[frozenset[Vorm], list[Niveau]] = {}
    for niveau, vormen in vormen_per_niveau.items():
        groepen.setdefault(vormen, []).append(niveau)
    delen = []
    for vormen, niveaus in groepen.items():
        naam = niveaus_tekst(beleid, [n for n in Niveau if n in niveaus])
        if len(vormen) < len(VORM.waarden):
            naam += " (" + " en ".join(beleid.label("vorm", v).lower() for v in VORM.waarden if v in vormen) + ")"
        delen.append(naam)
    return " en ".join(delen) if len(delen) <= 2 else f"{', '.join(delen[:-1])} en {delen[-1]}"
