"""Load-time proofs: no gaps, no overlaps, no dangling references, no invented quotes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import BaseModel

from policy.domain import Basis, Cel, Doelgroep, Niveau, Vorm, alle_cellen, beschrijf, bestaat
from policy.models import BeleidBestand, Bron, Herkomst, Optie, Regel, Vraag

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
        *_herkomst(beleid),
        *_onderwerp(beleid),
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


def herkomsten_in(model: object, loc: Loc) -> Iterator[tuple[Loc, Herkomst]]:
    """Every item that carries a kind (a rule, a condition, an FAQ answer, ...), with its location."""
    if isinstance(model, Herkomst):
        yield loc, model
    if isinstance(model, BaseModel):
        for naam in type(model).model_fields:
            yield from herkomsten_in(getattr(model, naam), (*loc, naam))
    elif isinstance(model, tuple):
        for i, item in enumerate(model):
            yield from herkomsten_in(item, (*loc, i))


def _eigen_tekst(item: Herkomst) -> str | None:
    """The text the kind fields of a question or option belong to; other items always have their text."""
    if isinstance(item, Vraag):
        return item.hulp
    if isinstance(item, Optie):
        return item.uitleg
    return "tekst"


def _herkomst(b: BeleidBestand) -> Iterator[Bevinding]:
    """Every reader-facing text has a kind, and the fields its kind needs: no more, no less."""
    scenario = b.besluit.status == "scenario"
    for loc, item in herkomsten_in(b, ()):
        tekst = _eigen_tekst(item)
        if item.basis is None:
            if tekst:
                yield Bevinding((*loc, "basis"), "tekst zonder soort: kies basis expliciet, afgeleid of achtergrond")
            elif item.afleiding or item.bronnen or item.toelichting_bron:
                yield Bevinding((*loc, "basis"), "soortvelden zonder tekst: er is geen uitleg of hulp")
            continue
        if not tekst:
            yield Bevinding((*loc, "basis"), "een soort zonder tekst: er is geen uitleg of hulp")
        is_regel = isinstance(item, Regel)
        if item.basis is Basis.afgeleid and not (item.afleiding or "").strip():
            yield Bevinding((*loc, "afleiding"), "een afgeleide tekst moet uitleggen hoe hij uit het bericht volgt")
        if item.basis is not Basis.afgeleid and item.afleiding is not None:
            yield Bevinding((*loc, "afleiding"), "alleen een afgeleide tekst (basis afgeleid) heeft een afleiding")
        if item.basis is Basis.achtergrond:
            if is_regel:
                yield Bevinding((*loc, "basis"), "een antwoord rust op het bericht; achtergrond kan hier niet")
            if not (item.toelichting_bron or "").strip():
                yield Bevinding((*loc, "toelichting_bron"), "achtergrond moet zijn bron noemen (toelichting_bron)")
            if item.bronnen:
                yield Bevinding((*loc, "bronnen"), "achtergrond hoort niet bij het besluit: geen citaten erbij")
        else:
            if item.toelichting_bron is not None:
                yield Bevinding(
                    (*loc, "toelichting_bron"), "alleen achtergrond (basis achtergrond) heeft een toelichting_bron"
                )
            if not item.bronnen and not is_regel:  # a rule without a quote: see _citaten (a warning in a scenario)
                yield Bevinding((*loc, "bronnen"), f"een tekst met basis {item.basis.value} noemt zijn citaten")
    for i, regel in enumerate(b.regels):
        # A scenario rule without a quote is already named by _citaten; it is not published text.
        if regel.vervolg_herkomst is None and not (scenario and not regel.bronnen):
            melding = f"regel '{regel.id}': de stappen in vervolg hebben geen soort (vervolg_herkomst)"
            yield Bevinding(("regels", i, "vervolg_herkomst"), melding, waarschuwing=scenario)


# A quote that starts like this points back to an earlier sentence: read on its own, it does not say
# whom it is about. Quote from the sentence that names the subject.
_VERWIJST_TERUG = ("deze ", "daarmee ", "daarbij ", "bovendien ", "op basis daarvan ", "organisaties binnen deze ")


def _onderwerp(b: BeleidBestand) -> Iterator[Bevinding]:
    for naam in type(b).model_fields:
        for loc, bron in bronnen_in(getattr(b, naam), (naam,)):
            begin = normaliseer(bron.citaat).lower()
            if begin.startswith(_VERWIJST_TERUG):
                yield Bevinding(
                    (*loc, "citaat"),
                    "het citaat begint met een verwijzing naar een eerdere zin; citeer vanaf de zin die zegt "
                    f"over wie het gaat: {bron.citaat[:50]!r}",
                )


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
