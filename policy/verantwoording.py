"""The sign-off sheets (docs/verantwoording/): per decision every reader-facing text with its kind and its
quotes or source, and per new decision a sheet of what changed against the one before.

Generated from the loaded policy, never edited by hand: `python -m policy verantwoording` writes them, and a
test fails when a committed sheet is stale. The policy staff of the Coöperatie sign them off per item.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from policy.checks import cellen_van, herkomsten_in
from policy.domain import Basis, beschrijf
from policy.engine import Beleid, Beslissing
from policy.models import Herkomst
from policy.scenario import CelVerschil
from policy.versies import VASTGESTELD, VOORSTEL, Versies
from policy.wijzigingen import VELD_WOORD, Soort, TekstWijziging, Wijzigingen, wijzigingen

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


def _gemaakt(beleid: Beleid) -> list[str]:
    return [
        "<!-- Gemaakt met `python -m policy verantwoording`. Niet met de hand aanpassen: pas de YAML in",
        f"     policy/besluiten/{beleid.pad.name} aan en maak dit bestand opnieuw. -->",
    ]


def verantwoording(beleid: Beleid) -> str:
    """The whole sheet of one decision as Markdown."""
    b = beleid.besluit
    kop = [
        f"# Verantwoording: {b.titel} ({b.id})",
        "",
        *_gemaakt(beleid),
        "",
        "Dit is het aftekenblad voor de beleidsmedewerkers van de Coöperatie. Het noemt elke tekst die een",
        "bezoeker leest, met de soort en waar die op rust. Zet per onderdeel een vinkje bij Akkoord.",
        "",
        f"- Bron: {_plat(b.bron.titel)} ({b.bron.bestand}), uitgegeven door {_plat(b.bron.uitgever)}",
        f"- Herkomst: {_plat(b.bron.herkomst)}",
        f"- {'Voorstel voor' if b.status == VOORSTEL else 'Besluit'}: {_plat(b.orgaan)} ({b.orgaan_kort}), "
        f"{b.datum.isoformat()} ({b.status})",
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


# --- the sheet of the changes --------------------------------------------------------------------------
def _antwoord(kop: str, b: Beslissing) -> list[str]:
    regel = b.regel
    voorwaarden = ", ".join(v.id for v in b.voorwaarden) or "geen"
    regels = [f"- {kop}: **{regel.toegang.value}** (regel `{regel.id}`, voorwaarden: {voorwaarden})"]
    regels += [f"  {r}" for r in [*_teksten(("samenvatting", regel.samenvatting), ("reden", regel.reden))]]
    return regels + [f"  {r}" for r in _herkomst(regel)]


def _item(kop: str, item: object) -> list[str]:
    if item is None:
        return [f"- {kop}: (bestaat niet)"]
    assert isinstance(item, Herkomst)
    velden = [(n, getattr(item, n)) for n in ("titel", "term", "vraag", "uitleg", "antwoord") if hasattr(item, n)]
    return [f"- {kop}:", *(f"  {r}" for r in [*_teksten(*velden), *_herkomst(item)])]


_SOORT_NAAM: dict[Soort, str] = {"voorwaarde": "Voorwaarde", "faq": "Vraag", "begrip": "Begrip"}


def _tekstwijziging(t: TekstWijziging) -> list[str]:
    return _blok(f"{_SOORT_NAAM[t.soort]} `{t.id}` ({t.wat})", [*_item("was", t.oud), *_item("wordt", t.nieuw)])


def _let_op(v: CelVerschil) -> list[str]:
    """An answer that turns while its reason stays word for word: the policy officer must look again."""
    if v.oud.toegang == v.nieuw.toegang:
        return []
    zelfde = [naam for naam in ("reden", "afleiding") if getattr(v.oud.regel, naam) == getattr(v.nieuw.regel, naam)]
    zelfde = [naam for naam in zelfde if getattr(v.nieuw.regel, naam)]  # two empty fields say nothing
    if not zelfde:
        return []
    return [f"- **Let op:** het antwoord wordt anders, maar {' en '.join(zelfde)} zijn woord voor woord gelijk."]


def _zelfde_citaten(w: Wijzigingen) -> list[tuple[str, Herkomst]]:
    """Texts of the new version that did not change but quote what a cell with another answer rests on:
    an FAQ answer or the summary may still tell the old answer."""
    gedraaid = [v for v in w.cellen if v.oud.toegang != v.nieuw.toegang]
    citaten = {_plat(b.citaat) for v in gedraaid for b in (*v.oud.bronnen, *v.nieuw.bronnen)}
    veranderd = {(_MAP_VAN[t.soort], t.id) for t in w.teksten}
    gevonden = []
    for loc, item in herkomsten_in(w.nieuw.bestand, ()):
        if loc[0] == "regels" or (loc[0], getattr(item, "id", None)) in veranderd:
            continue
        if any(c in _plat(b.citaat) or _plat(b.citaat) in c for b in item.bronnen for c in citaten):
            gevonden.append((".".join(str(deel) for deel in loc), item))
    return gevonden


# Where each kind of text stands in a policy file (the first part of its location).
_MAP_VAN: dict[Soort, str] = {"faq": "faq", "begrip": "begrippen", "voorwaarde": "voorwaarden"}


def _controleer_ook(w: Wijzigingen) -> list[str]:
    gevonden = _zelfde_citaten(w)
    regels = [f"## Controleer ook ({len(gevonden)})", ""]
    if not gevonden:
        return [*regels, "Geen ongewijzigde tekst citeert wat een cel met een ander antwoord citeert.", ""]
    regels += [
        "Deze teksten zijn niet veranderd, maar citeren dezelfde zinnen als een cel met een ander antwoord.",
        "Zeggen ze nog wat het nieuwe antwoord zegt?",
        "",
    ]
    for plaats, item in gevonden:
        id_ = getattr(item, "id", None)
        tekst = [r.removeprefix("  ") for r in _item("tekst", item)[1:]]
        if plaats == "besluit.samenvatting_herkomst":  # the summary's words stand beside its kind
            tekst = [*_teksten(("samenvatting", " ".join(w.nieuw.besluit.samenvatting))), *tekst]
        regels += _blok(f"`{plaats}`" + (f" (`{id_}`)" if id_ else ""), tekst)
    return regels


def _gevolg_voor_links(w: Wijzigingen) -> str:
    """What a saved link to the older one shows once the newer one is published (views.versies.melding)."""
    oud, nieuw = w.oud.besluit, w.nieuw.besluit
    if nieuw.status == VASTGESTELD:
        return (
            f"Een link zonder versie toont het nieuwste besluit. Een link die aan {oud.id} vastzit, blijft het oude "
            "antwoord tonen, met een melding dat er een nieuwer besluit is."
        )
    return (
        f"{nieuw.id} is een {nieuw.status}: een link zonder versie blijft {oud.id} tonen, zonder melding. "
        f"Alleen een link met versie={nieuw.id} toont de pagina's van het {nieuw.status}, met een melding; de "
        "pagina Versies zet het naast het besluit."
    )


def wijzigingenblad(w: Wijzigingen) -> str:
    """The changes from one decision to the next, for the policy staff to sign off item by item."""
    oud, nieuw = w.oud.besluit, w.nieuw.besluit
    regels = [
        f"# Wijzigingen: van {oud.id} naar {nieuw.id}",
        "",
        *_gemaakt(w.nieuw),
        "",
        f"Wat een bezoeker anders leest onder {nieuw.id} ({nieuw.datum.isoformat()}, {nieuw.status}) dan",
        f"onder {oud.id} ({oud.datum.isoformat()}, {oud.status}). {_gevolg_voor_links(w)}",
        "Zet per onderdeel een vinkje bij Akkoord.",
        "",
        f"## Antwoorden per cel ({len(w.cellen)})",
        "",
    ]
    if not w.cellen:
        regels += ["Geen enkele cel krijgt een ander antwoord.", ""]
    for v in w.cellen:
        regels += _blok(
            f"Cel {beschrijf(v.cel)}",
            [
                f"- Anders: {', '.join(VELD_WOORD[veld] for veld in v.velden)}",
                *_let_op(v),
                *_antwoord("was", v.oud),
                *_antwoord("wordt", v.nieuw),
            ],
        )
    soorten: tuple[tuple[Soort, str], ...] = (
        ("voorwaarde", "Voorwaarden"),
        ("faq", "Veelgestelde vragen"),
        ("begrip", "Begrippen"),
    )
    for soort, kop in soorten:
        lijst = w.van_soort(soort)
        regels += [f"## {kop} ({len(lijst)})", ""]
        if not lijst:
            regels += ["Niets veranderd.", ""]
        for t in lijst:
            regels += _tekstwijziging(t)
    regels += _controleer_ook(w)
    return "\n".join(regels).rstrip() + "\n"


def bladen(versies: Versies) -> dict[str, str]:
    """Every sheet by file name: one per decision, one per decision against the adopted one before it."""
    uit = {f"{b.besluit.id}.md": verantwoording(b) for b in versies.besluiten}
    for oud, nieuw in versies.paren():
        uit[f"wijzigingen-{oud.besluit.id}-naar-{nieuw.besluit.id}.md"] = wijzigingenblad(wijzigingen(oud, nieuw))
    return uit


def verouderd(map_: Path, versies: Versies) -> list[str]:
    """The sheets in `map_` that are missing, stale or left over from a decision that is gone."""
    verwacht = bladen(versies)
    aanwezig = {p.name for p in map_.glob("*.md")} if map_.is_dir() else set()
    fout = [n for n, tekst in verwacht.items() if n not in aanwezig or (map_ / n).read_text(encoding="utf-8") != tekst]
    return sorted([*fout, *(aanwezig - set(verwacht) - {"README.md"})])
