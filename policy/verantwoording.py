"""The sign-off sheet (docs/verantwoording.md): every reader-facing text with its kind and its quotes or source.

Generated from the loaded policy, never edited by hand: `python -m policy verantwoording` writes it, and a
test fails when the committed file is stale. The policy staff of the Coöperatie sign it off per item.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from policy.checks import cellen_van
from policy.domain import Basis, beschrijf
from policy.engine import Beleid
from policy.models import Herkomst

DOEL = "docs/verantwoording.md"

SOORT = {
    Basis.expliciet: "staat in het bericht",
    Basis.afgeleid: "volgt uit het bericht",
    Basis.achtergrond: "achtergrond, geen deel van het besluit",
}


def _plat(tekst: str) -> str:
    """One line: line breaks in YAML are not part of the words."""
    return " ".join(tekst.split())


def _herkomst(item: Herkomst) -> Iterator[str]:
    """The kind of a text and what it rests on, as list items under the text."""
    if item.basis is None:
        return
    yield f"- Soort: **{SOORT[item.basis]}**"
    if item.afleiding:
        yield f"- Hoe het volgt: {_plat(item.afleiding)}"
    if item.toelichting_bron:
        yield f"- Bron (achtergrond): {_plat(item.toelichting_bron)}"
    for bron in item.bronnen:
        plaats = "kop" if bron.alinea == 0 else f"alinea {bron.alinea}"
        yield f"- Citaat, {plaats}: «{_plat(bron.citaat)}»"


def _teksten(*paren: tuple[str, str]) -> Iterator[str]:
    for naam, tekst in paren:
        yield f"- {naam}: {_plat(tekst)}"


def _blok(kop: str, regels: Iterable[str]) -> list[str]:
    return [f"### {kop}", "", *regels, "- [ ] Akkoord", ""]


def _besluit(beleid: Beleid) -> Iterator[str]:
    b = beleid.besluit
    yield "## Het besluit: samenvatting, aanleiding, proces en doelen"
    yield ""
    yield "Hieruit putten de startpagina, de pagina met de tekst en de presentatie voor de ledenvergadering."
    yield ""
    zinnen = _teksten(*((f"zin {i}", z) for i, z in enumerate(b.samenvatting, 1)))
    yield from _blok("Samenvatting", [*zinnen, *_herkomst(b.samenvatting_herkomst)])
    for stap in (b.aanleiding, *b.proces):
        regels = [*_teksten(("wanneer", stap.wanneer), ("titel", stap.titel), ("tekst", stap.tekst)), *_herkomst(stap)]
        yield from _blok(f"Stap `{stap.id}`", regels)
    for doel in b.doelen:
        yield from _blok(f"Doel `{doel.id}`", [*_teksten(("titel", doel.titel)), *_herkomst(doel)])


def _regels(beleid: Beleid) -> Iterator[str]:
    yield "## Antwoorden (regels)"
    yield ""
    yield "Elke cel van de keuzehulp en het overzicht krijgt precies één van deze antwoorden."
    yield ""
    for regel in beleid.regels:
        cellen = ", ".join(beschrijf(c) for c in cellen_van(regel))
        regels = [
            f"- Antwoord: **{regel.toegang.value}**",
            f"- Geldt voor: {cellen}",
            *_teksten(("samenvatting", regel.samenvatting), ("reden", regel.reden)),
            *_herkomst(regel),
        ]
        if regel.voorwaarden:
            regels.append(f"- Voorwaarden: {', '.join(regel.voorwaarden)}")
        regels += _teksten(*((f"vervolg {i}", stap) for i, stap in enumerate(regel.vervolg, 1)))
        if regel.vervolg_herkomst is not None:
            regels += [f"  {r}" for r in _herkomst(regel.vervolg_herkomst)]
        yield from _blok(f"Regel `{regel.id}`", regels)


def _voorwaarden(beleid: Beleid) -> Iterator[str]:
    yield "## Voorwaarden"
    yield ""
    for v in beleid.voorwaarden:
        teksten = _teksten(("titel", v.titel), ("uitleg", v.uitleg))
        yield from _blok(f"Voorwaarde `{v.id}`", [*teksten, *_herkomst(v)])


def _faq(beleid: Beleid) -> Iterator[str]:
    yield "## Veelgestelde vragen"
    yield ""
    themas = {t.id: t.titel for t in beleid.themas}
    for f in beleid.faq:
        teksten = _teksten(("thema", themas.get(f.thema, f.thema)), ("vraag", f.vraag), ("antwoord", f.antwoord))
        yield from _blok(f"Vraag `{f.id}`", [*teksten, *_herkomst(f)])


def _begrippen(beleid: Beleid) -> Iterator[str]:
    yield "## Begrippen"
    yield ""
    for g in beleid.begrippen:
        yield from _blok(f"Begrip `{g.id}`", [*_teksten(("term", g.term), ("uitleg", g.uitleg)), *_herkomst(g)])


def _vragen(beleid: Beleid) -> Iterator[str]:
    yield "## Vragen van de keuzehulp"
    yield ""
    yield "Alleen de hulptekst en de uitleg bij een antwoord zijn beweringen; die hebben een soort."
    yield ""
    for vraag in beleid.vragen:
        regels = [*_teksten(("vraag", vraag.tekst), ("kort", vraag.kort))]
        if vraag.hulp:
            regels += [*_teksten(("hulp", vraag.hulp)), *_herkomst(vraag)]
        for optie in vraag.opties:
            regels += _teksten((f"antwoord '{optie.waarde}'", optie.label))
            if optie.uitleg:
                regels += [f"  {r}" for r in [*_teksten(("uitleg", optie.uitleg)), *_herkomst(optie)]]
        yield from _blok(f"Vraag `{vraag.id}`", regels)


def verantwoording(beleid: Beleid) -> str:
    """The whole sheet as Markdown."""
    b = beleid.besluit
    kop = [
        f"# Verantwoording: {b.titel}",
        "",
        "<!-- Gemaakt met `python -m policy verantwoording`. Niet met de hand aanpassen: pas de YAML in",
        f"     {beleid.pad.relative_to(beleid.pad.parents[2]).as_posix()} aan en maak dit bestand opnieuw. -->",
        "",
        "Dit is het aftekenblad voor de beleidsmedewerkers van de Coöperatie. Het noemt elke tekst die een",
        "bezoeker leest, met de soort en waar die op rust. Zet per onderdeel een vinkje bij Akkoord.",
        "",
        f"- Bron: {_plat(b.bron.titel)} ({b.bron.bestand}), uitgegeven door {_plat(b.bron.uitgever)}",
        f"- Herkomst: {_plat(b.bron.herkomst)}",
        f"- Besluit: {_plat(b.orgaan)} ({b.orgaan_kort}), {b.datum.isoformat()} ({b.status})",
        "",
        "De drie soorten:",
        "",
        f"- **{SOORT[Basis.expliciet]}**: de citaten eronder staan letterlijk in het bericht (gecontroleerd).",
        f"- **{SOORT[Basis.afgeleid]}**: 'Hoe het volgt' legt uit waarom; de citaten zijn waar het op rust.",
        f"- **{SOORT[Basis.achtergrond]}**: uitleg met een bron met naam; geen deel van het besluit.",
        "",
    ]
    delen = [_besluit, _regels, _voorwaarden, _faq, _begrippen, _vragen]
    return "\n".join([*kop, *(regel for deel in delen for regel in deel(beleid))]).rstrip() + "\n"
