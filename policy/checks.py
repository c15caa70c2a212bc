"""Load-time proofs: no gaps, no overlaps, no dangling references, no invented quotes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import BaseModel

from policy.domain import Cel, Doelgroep, Niveau, Vorm, alle_cellen, beschrijf, bestaat
from policy.models import BeleidBestand, Bron, Regel

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class Bevinding:
    loc: Loc
    melding: str
    waarschuwing: bool = False


def normaliseer(tekst: str) -> str:
    """Compare quotes with whitespace folded: line breaks in YAML are not part of the words."""
    return re.sub(r"\s+", " ", tekst).strip()


def alineas(brontekst: str) -> list[str]:
    """The paragraphs of the decision text; 0 is the heading."""
    return [normaliseer(a) for a in re.split(r"\n\s*\n", brontekst) if a.strip()]


def cellen_van(regel: Regel) -> list[Cel]:
    """The existing cells a rule decides (`alle` may span a combination that does not exist)."""
    w = regel.wanneer
    cellen = (Cel(d, n, v, i) for d in w.doelgroep for i in w.ingeschreven_in_mbo for n in w.niveau for v in w.vorm)
    return [c for c in cellen if bestaat(c)]


def controleer(beleid: BeleidBestand, brontekst: str) -> list[Bevinding]:
    return [
        *_unieke_ids(beleid),
        *_verwijzingen(beleid),
        *_cellen(beleid),
        *_citaten(beleid, alineas(brontekst)),
        *_afleidingen(beleid),
        *_verplichte_voorwaarden(beleid),
        *_vragen(beleid),
    ]


def _dubbel(ids: list[str], loc: Loc) -> Iterator[Bevinding]:
    gezien: set[str] = set()
    for i, id_ in enumerate(ids):
        if id_ in gezien:
            yield Bevinding((*loc, i, "id"), f"id '{id_}' komt vaker dan één keer voor")
        gezien.add(id_)


def _unieke_ids(b: BeleidBestand) -> Iterator[Bevinding]:
    yield from _dubbel([r.id for r in b.regels], ("regels",))
    yield from _dubbel([v.id for v in b.voorwaarden], ("voorwaarden",))
    yield from _dubbel([t.id for t in b.faq.themas], ("faq", "themas"))
    yield from _dubbel([v.id for v in b.faq.vragen], ("faq", "vragen"))
    yield from _dubbel([g.id for g in b.begrippen], ("begrippen",))
    yield from _dubbel([s.id for s in b.besluit.proces], ("besluit", "proces"))
    yield from _dubbel([v.id for v in b.vragen], ("vragen",))


def _verwijzingen(b: BeleidBestand) -> Iterator[Bevinding]:
    voorwaarden = {v.id for v in b.voorwaarden}
    themas = {t.id for t in b.faq.themas}
    begrippen = {g.id for g in b.begrippen}
    for i, regel in enumerate(b.regels):
        for j, ref in enumerate(regel.voorwaarden):
            if ref not in voorwaarden:
                yield Bevinding(("regels", i, "voorwaarden", j), f"voorwaarde '{ref}' bestaat niet")
    for i, vraag in enumerate(b.faq.vragen):
        if vraag.thema not in themas:
            yield Bevinding(("faq", "vragen", i, "thema"), f"thema '{vraag.thema}' bestaat niet")
        for j, ref in enumerate(vraag.begrippen):
            if ref not in begrippen:
                yield Bevinding(("faq", "vragen", i, "begrippen", j), f"begrip '{ref}' bestaat niet")
    for i, begrip in enumerate(b.begrippen):
        for j, ref in enumerate(begrip.zie_ook):
            if ref not in begrippen:
                yield Bevinding(("begrippen", i, "zie_ook", j), f"begrip '{ref}' bestaat niet")


def _cellen(b: BeleidBestand) -> Iterator[Bevinding]:
    """Every cell decided exactly once: the policy has no gaps and no overlaps."""
    eigenaar: dict[Cel, str] = {}
    for i, regel in enumerate(b.regels):
        if not cellen_van(regel):
            yield Bevinding(("regels", i, "wanneer"), f"regel '{regel.id}' beslist geen enkele bestaande cel")
        for cel in cellen_van(regel):
            if cel in eigenaar:
                yield Bevinding(
                    ("regels", i, "wanneer"),
                    f"cel {beschrijf(cel)} wordt ook al beslist door regel '{eigenaar[cel]}' (overlap)",
                )
            else:
                eigenaar[cel] = regel.id
    gaten = [beschrijf(c) for c in alle_cellen() if c not in eigenaar]
    if gaten:
        yield Bevinding(("regels",), f"{len(gaten)} cel(len) zonder regel (gat): {', '.join(gaten[:8])}")


def bronnen_in(model: object, loc: Loc) -> Iterator[tuple[Loc, Bron]]:
    """Every quote anywhere in the policy, with its location."""
    if isinstance(model, Bron):
        yield loc, model
    elif isinstance(model, BaseModel):
        for naam in type(model).model_fields:
            yield from bronnen_in(getattr(model, naam), (*loc, naam))
    elif isinstance(model, tuple):
        for i, item in enumerate(model):
            yield from bronnen_in(item, (*loc, i))


def _citaten(b: BeleidBestand, tekst: list[str]) -> Iterator[Bevinding]:
    for naam in type(b).model_fields:
        for loc, bron in bronnen_in(getattr(b, naam), (naam,)):
            if bron.alinea >= len(tekst):
                yield Bevinding((*loc, "alinea"), f"alinea {bron.alinea} bestaat niet (0 t/m {len(tekst) - 1})")
            elif normaliseer(bron.citaat) not in tekst[bron.alinea]:
                elders = [i for i, a in enumerate(tekst) if normaliseer(bron.citaat) in a]
                hint = f"; het staat wel in alinea {elders[0]}" if elders else ""
                yield Bevinding(
                    (*loc, "citaat"),
                    f"citaat staat niet letterlijk in alinea {bron.alinea} van de brontekst{hint}: "
                    f"{bron.citaat[:70]!r}",
                )
    scenario = b.besluit.status == "scenario"
    for i, regel in enumerate(b.regels):
        if not regel.bronnen:
            melding = f"regel '{regel.id}' heeft nog geen bron (citaat uit de besluittekst)"
            yield Bevinding(("regels", i, "bronnen"), melding, waarschuwing=scenario)


def _afleidingen(b: BeleidBestand) -> Iterator[Bevinding]:
    for i, regel in enumerate(b.regels):
        if regel.basis.value == "afgeleid" and not (regel.afleiding or "").strip():
            yield Bevinding(("regels", i, "afleiding"), "een afgeleid antwoord moet uitleggen waaruit het volgt")


def _verplichte_voorwaarden(b: BeleidBestand) -> Iterator[Bevinding]:
    for voorwaarde in b.voorwaarden:
        if voorwaarde.verplicht_bij is None:
            continue
        for i, regel in enumerate(b.regels):
            bij = voorwaarde.verplicht_bij
            geldt = regel.toegang in bij.toegang and any(
                cel.doelgroep in bij.doelgroep and cel.ingeschreven_in_mbo in bij.ingeschreven_in_mbo
                for cel in cellen_van(regel)
            )
            if geldt and voorwaarde.id not in regel.voorwaarden:
                yield Bevinding(
                    ("regels", i, "voorwaarden"),
                    f"voorwaarde '{voorwaarde.id}' is verplicht bij dit antwoord maar ontbreekt",
                )


_GELDIGE_OPTIES: dict[str, set[str]] = {
    "doelgroep": {d.value for d in Doelgroep},
    "niveau": {n.value for n in Niveau},
    "vorm": {v.value for v in Vorm},
    "ingeschreven_in_mbo": {"ja", "nee"},
}


def _vragen(b: BeleidBestand) -> Iterator[Bevinding]:
    for i, vraag in enumerate(b.vragen):
        geldig = _GELDIGE_OPTIES.get(vraag.id)
        waarden = [o.waarde for o in vraag.opties]
        for j, optie in enumerate(vraag.opties):
            if geldig is not None and optie.waarde not in geldig:
                yield Bevinding(("vragen", i, "opties", j, "waarde"), f"'{optie.waarde}' is geen geldige {vraag.id}")
        if geldig is not None and set(waarden) != geldig:
            ontbreekt = ", ".join(sorted(geldig - set(waarden)))
            if ontbreekt:
                yield Bevinding(("vragen", i, "opties"), f"antwoordopties ontbreken: {ontbreekt}")
    aanwezig = {v.id for v in b.vragen}
    for nodig in ("rol", *_GELDIGE_OPTIES):
        if nodig not in aanwezig:
            yield Bevinding(("vragen",), f"vraag '{nodig}' ontbreekt")
