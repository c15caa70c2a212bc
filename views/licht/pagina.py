"""The light edition's pages as HTML strings: Jinja2 templates over `policy`, no Streamlit, no script.

Every text a reader sees about the decision comes from `policy/` or views/teksten.py; the templates only
add page furniture (headings, navigation, form labels). Jinja escapes every value (autoescape on).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from policy import Beleid, Cel, Doelgroep, Niveau, Versies, Vorm
from policy.domain import VERSIE_SLEUTEL, bestaat
from policy.models import Bron, BronDocument
from views import versies as weergave
from views import wizard, zoeken
from views.licht.links import AnyLinks
from views.teksten import (
    ALINEA_UITLEG,
    STATUS_WOORD,
    TOEGANG_LABEL,
    TOEGANG_SYMBOOL,
    basis_kort,
    begrippen_uitleg,
    bron_gegevens,
    bron_link,
    bron_menu,
    bron_naam,
    bron_titel,
    bron_uitleg,
    bron_zin,
    bronplaats,
    datum,
    disclaimer,
    hoofdletter,
    proces_kop,
    producten,
    soort_tekst,
    versieregel,
)
from views.uitleg import citaat

MAP = Path(__file__).parent
STIJL = MAP / "static" / "licht.css"
MELDING = "Een deel van de link konden we niet gebruiken. Dat hebben we overgeslagen."


_env = Environment(
    loader=FileSystemLoader(MAP / "templates"),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
# The kind of a policy text is worded in views/teksten.py, as in the Streamlit app: templates only place it.
_env.globals.update(
    TOEGANG_LABEL=TOEGANG_LABEL,
    TOEGANG_SYMBOOL=TOEGANG_SYMBOOL,
    MELDING=MELDING,
    bronplaats=bronplaats,
    begrip_anker=zoeken.begrip_anker,
)
# 'het besluit van ...' at the start of a line; Jinja's `capitalize` would also lower the rest ('ISK' -> 'Isk').
_env.filters["hoofdletter"] = hoofdletter


def render(sjabloon: str, beleid: Beleid, links: AnyLinks, banner: Banner | None = None, **context: Any) -> str:
    """One page with the shared frame: the version banner, version line, disclaimer, links to the interactive app."""
    return _env.get_template(sjabloon).render(
        beleid=beleid,
        links=links,
        banner=banner,
        versieregel=versieregel(beleid),
        disclaimer=disclaimer(beleid),
        citaat=lambda b: citaat(beleid, b),
        soort_tekst=lambda item: soort_tekst(item, beleid),
        bron_menu=bron_menu(beleid),
        bron_naam=bron_naam(beleid),
        begrippen_uitleg=begrippen_uitleg(beleid),
        **context,
    )


# --- the version banner ------------------------------------------------------------------------
@dataclass(frozen=True)
class Banner:
    """`views.versies.VersieMelding` with its link as an address of this edition."""

    soort: str  # "nieuwer" or "voorstel"
    kop: str
    tekst: tuple[str, ...]
    link_tekst: str | None
    link: str | None  # the same page (the keuzehulp: the same answers) under the other decision


def banner(
    versies: Versies | None,
    beleid: Beleid,
    links: AnyLinks,
    naam: str,
    cellen: Iterable[Cel] | None = None,
    params: Mapping[str, str] | None = None,
) -> Banner | None:
    """The banner at the top of a page of a decision that is not the current one (an older one, a proposal).

    `cellen`: what the keuzehulp's answer covers, so the banner says whether this answer changed; `params`:
    the keuzehulp's answers, kept in the link to the other decision. Without `versies` (one decision on its
    own) there is nothing to say.
    """
    if versies is None:
        return None
    melding = weergave.melding(versies, weergave.Keuze(beleid, links.vastgepind, False), cellen)
    if melding is None:
        return None
    ander = versies.lees(melding.link_versie) if melding.link_versie else None
    if ander is None:
        return Banner(melding.soort, melding.kop, melding.tekst, None, None)
    daar = links.onder(ander)
    # The label ('deze vraag' or 'deze pagina') is the melding's: it knows whether there is an answer.
    if naam == "keuzehulp":
        link = daar.keuzehulp({**(params or {}), VERSIE_SLEUTEL: ander.besluit.id})
        return Banner(melding.soort, melding.kop, melding.tekst, melding.link_tekst, link)
    # The source text of another version is another text: the link names it (no paragraph kept).
    tekst = weergave.bron_link_naar(ander) if naam == "besluit" else melding.link_tekst
    return Banner(melding.soort, melding.kop, melding.tekst, tekst, daar.pagina(naam))


# --- start -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Groepsregel:
    toegang: str
    symbool: str
    producten: str
    samenvatting: str
    soort: str  # stated or derived (BASIS_KORT); the answer page it links to says how
    link: str


@dataclass(frozen=True)
class Groep:
    naam: str
    regels: list[Groepsregel]
    in_mbo: list[Groepsregel]  # the exception for candidates enrolled in the mbo (alinea 1)


def _groepsregels(beleid: Beleid, links: AnyLinks, doelgroep: Doelgroep, ingeschreven: bool) -> list[Groepsregel]:
    """One line per rule in the group's row of the matrix, as the Streamlit start page shows it."""
    rij = [b for b in beleid.matrix(ingeschreven_in_mbo=ingeschreven) if b.cel.doelgroep is doelgroep]
    regels = []
    for regel_id in dict.fromkeys(b.regel.id for b in rij):
        regel = beleid.regel(regel_id)
        cellen = [b.cel for b in rij if b.regel.id == regel_id]
        regels.append(
            Groepsregel(
                TOEGANG_LABEL[regel.toegang],
                TOEGANG_SYMBOOL[regel.toegang],
                producten(beleid, cellen),
                regel.samenvatting,
                basis_kort(beleid, beleid.decide(*cellen[0]).basis),  # Beslissing.basis: always set once loaded
                links.keuzehulp(wizard.cel_query(cellen[0], beleid)),
            )
        )
    return regels


def start(beleid: Beleid, links: AnyLinks, melding: bool = False, versies: Versies | None = None) -> str:
    """What was decided (and its kind), the three groups at a glance with the exception for candidates in
    the mbo, the ways in."""
    groepen = [
        Groep(
            beleid.label("doelgroep", d),
            _groepsregels(beleid, links, d, ingeschreven=False),
            _groepsregels(beleid, links, d, ingeschreven=True),
        )
        for d in (Doelgroep.vmbo, Doelgroep.isk, Doelgroep.onderwijsroute)
    ]
    return render(
        "start.html",
        beleid,
        links,
        naam="start",
        banner=banner(versies, beleid, links, "start"),
        titel="Toegangswijzer examenproducten",
        beschrijving=" ".join(beleid.besluit.samenvatting),
        melding=melding,
        groepen=groepen,
        bron_zin=bron_zin(beleid),
        bron_link=bron_link(beleid),
    )


# --- overzicht ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Tabel:
    titel: str
    kolommen: list[str]
    rijen: list[tuple[str, list[tuple[str, str, str]]]]  # group, cells (symbol, label, link)


def overzicht(beleid: Beleid, links: AnyLinks, melding: bool = False, versies: Versies | None = None) -> str:
    """The matrix as tables: one per enrolment and form, groups as rows, products as columns."""
    per_cel = {b.cel: b for b in beleid.matrix()}
    blokken: list[tuple[str, list[Tabel]]] = []
    for ingeschreven in (False, True):
        tabellen = []
        for vorm in Vorm:
            rijen = []
            for d in Doelgroep:
                if not bestaat(Cel(d, Niveau.entree, vorm, ingeschreven)):
                    continue  # an mbo-instelling's own students are always enrolled: no row
                cellen = []
                for n in Niveau:
                    cel = Cel(d, n, vorm, ingeschreven)
                    toegang = per_cel[cel].toegang
                    cellen.append(
                        (
                            TOEGANG_SYMBOOL[toegang],
                            TOEGANG_LABEL[toegang],
                            links.keuzehulp(wizard.cel_query(cel, beleid)),
                        )
                    )
                rijen.append((beleid.label("doelgroep", d), cellen))
            tabellen.append(Tabel(beleid.label("vorm", vorm), [beleid.label("niveau", n) for n in Niveau], rijen))
        blokken.append(("wel" if ingeschreven else "niet", tabellen))
    return render(
        "overzicht.html",
        beleid,
        links,
        naam="overzicht",
        banner=banner(versies, beleid, links, "overzicht"),
        titel="Overzicht van alle antwoorden",
        beschrijving="Per groep, product en soort toets: mag het volgens het ALV-besluit, of niet? Alle antwoorden.",
        melding=melding,
        blokken=blokken,
        vormen=[o for o in beleid.vraag("vorm").opties if o.uitleg],
        ingeschreven=beleid.vraag("ingeschreven_in_mbo"),
    )


# --- vragen ------------------------------------------------------------------------------------
def vragen(beleid: Beleid, links: AnyLinks, melding: bool = False, versies: Versies | None = None) -> str:
    """Every FAQ entry, by theme, each with its kind, its quotes and an anchor (`#vraag-<id>`).

    The terms an entry uses are not listed under it: linked one by one they cost ~5 kB, and the page must
    stay under 30 kB; the page links to the glossary page once.
    """
    themas = [
        (
            thema,
            [(vraag, links.keuzehulp(wizard.cel_query(vraag.cel, beleid)) if vraag.cel else None) for vraag in lijst],
        )
        for thema, lijst in zoeken.per_thema(beleid.themas, beleid.faq)
    ]
    return render(
        "vragen.html",
        beleid,
        links,
        naam="vragen",
        banner=banner(versies, beleid, links, "vragen"),
        titel="Veelgestelde vragen",
        beschrijving="Vragen en antwoorden over het ALV-besluit over examenproducten buiten het mbo, met de bron.",
        melding=melding,
        themas=themas,
    )


# --- begrippen ---------------------------------------------------------------------------------
def begrippen(beleid: Beleid, links: AnyLinks, melding: bool = False, versies: Versies | None = None) -> str:
    """Every term, alphabetical, with its kind and quotes, at `#begrip-<id>` (the FAQ links each term here)."""
    alle = {b.id: b for b in beleid.begrippen}
    termen = [(b, [alle[z] for z in b.zie_ook if z in alle]) for b in zoeken.alfabetisch(beleid.begrippen)]
    return render(
        "begrippen.html",
        beleid,
        links,
        naam="begrippen",
        banner=banner(versies, beleid, links, "begrippen"),
        titel="Begrippen",
        beschrijving="Woorden uit het bericht over het ALV-besluit en uit deze app uitgelegd, elk met de herkomst.",
        melding=melding,
        termen=termen,
    )


# --- besluit -----------------------------------------------------------------------------------
def besluit(
    beleid: Beleid,
    links: AnyLinks,
    gevraagd: int | None = None,
    melding: bool = False,
    versies: Versies | None = None,
) -> str:
    """The source text paragraph by paragraph (`#alinea-N`), the parts the app quotes marked."""
    per_alinea = zoeken.citaten_per_alinea(beleid)
    alineas = [
        (nummer, zoeken.gemarkeerde_delen(tekst, per_alinea.get(nummer, [])))
        for nummer, tekst in enumerate(beleid.alineas)
    ]
    b = beleid.besluit
    doel_bronnen: dict[tuple[int, str], Bron] = {}
    for doel in b.doelen:
        for bron in doel.bronnen:
            doel_bronnen.setdefault((bron.alinea, bron.citaat), bron)
    return render(
        "besluit.html",
        beleid,
        links,
        naam="besluit",
        banner=banner(versies, beleid, links, "besluit"),
        titel=bron_titel(beleid),
        beschrijving=f"{b.bron.herkomst} Met genummerde alinea's.",
        melding=melding,
        alineas=alineas,
        gevraagd=gevraagd,
        gegevens=bron_gegevens(beleid),
        uitleg=bron_uitleg(beleid),
        alinea_uitleg=ALINEA_UITLEG,
        proces_kop=proces_kop(beleid),
        stappen=(b.aanleiding, *b.proces),
        doel_bronnen=list(doel_bronnen.values()),
        doel_soorten=list(dict.fromkeys(soort_tekst(doel, beleid) for doel in b.doelen)),
    )


# --- versies ------------------------------------------------------------------------------------
TEKST_SOORT = {"voorwaarde": "Voorwaarden", "faq": "Veelgestelde vragen", "begrip": "Begrippen"}


@dataclass(frozen=True)
class Besluitregel:
    id: str
    naam: str  # 'het besluit van 26 maart 2026'
    datum: str
    status: str
    huidig: bool  # the decision in force
    bron: BronDocument
    link: str  # the light edition under this decision


@dataclass(frozen=True)
class Kant:
    """One side of a changed cell: the answer under one decision, its quotes, and the cell in its keuzehulp."""

    naam: str
    label: str
    samenvatting: str
    citaten: tuple[tuple[str, str, str], ...]  # quote, where it stands ('alinea 4'), link into that bericht
    link: str


@dataclass(frozen=True)
class Celregel:
    situatie: str
    wat: str
    oud: Kant
    nieuw: Kant


@dataclass(frozen=True)
class Tekstregel:
    wat: str  # Nieuw / Vervallen / Gewijzigd
    titel: str
    link: str | None  # the entry under the decision that has it (a condition has no page of its own)


@dataclass(frozen=True)
class Vergelijkingsblok:
    kop: str
    anker: str
    cellen: tuple[Celregel, ...]
    teksten: tuple[tuple[str, tuple[Tekstregel, ...]], ...]  # per kind, only the kinds that changed
    leeg: bool
    kanten: tuple[str, str]  # 'Was'/'Wordt', or 'Besluit'/'Voorstel'
    cellen_kop: str  # '2 situaties met iets anders'


def _kant(links: AnyLinks, b: Beleid, cel: Cel, antwoord: weergave.Antwoord) -> Kant:
    daar = links.onder(b)
    citaten = tuple(
        (bron.citaat, bronplaats(bron.alinea), daar.pagina("besluit", f"alinea-{bron.alinea}"))
        for bron in antwoord.bronnen
    )
    link = daar.keuzehulp(wizard.cel_query(cel, b))
    return Kant(weergave.naam(b), antwoord.label, antwoord.samenvatting, citaten, link)


def _tekstlink(links: AnyLinks, v: weergave.Vergelijking, soort: str, id_: str, vervallen: bool) -> str | None:
    daar = links.onder(v.oud if vervallen else v.nieuw)
    if soort == "faq":
        return daar.pagina("vragen", f"vraag-{id_}")
    if soort == "begrip":
        return daar.pagina("begrippen", zoeken.begrip_anker(id_))
    return None


def _blok(links: AnyLinks, v: weergave.Vergelijking) -> Vergelijkingsblok:
    cellen = tuple(
        Celregel(c.situatie, c.wat, _kant(links, v.oud, c.cel, c.oud), _kant(links, v.nieuw, c.cel, c.nieuw))
        for c in v.cellen
    )
    teksten = tuple(
        (
            kop,
            tuple(
                Tekstregel(weergave.WAT_LABEL[t.wat], t.titel, _tekstlink(links, v, soort, t.id, t.wat == "vervallen"))
                for t in v.teksten
                if t.soort == soort
            ),
        )
        for soort, kop in TEKST_SOORT.items()
        if any(t.soort == soort for t in v.teksten)
    )
    anker = f"van-{v.oud.besluit.id}-naar-{v.nieuw.besluit.id}"
    return Vergelijkingsblok(
        v.kop, anker, cellen, teksten, v.leeg, v.kanten, weergave.situaties_anders(len(v.cellen)).rstrip(".")
    )


def versiepagina(
    versies: Versies,
    links: AnyLinks,
    gekozen: tuple[Beleid, Beleid] | None = None,
    melding: bool = False,
) -> str:
    """Every decision (date, status, source, which one is in force) and what changed: each decision against
    the adopted one before it, or the two a reader chose (`?oud=&nieuw=`)."""
    huidig = versies.huidig
    besluiten = [
        Besluitregel(
            b.besluit.id,
            weergave.naam(b),
            datum(b.besluit.datum),
            STATUS_WOORD[b.besluit.status],
            b is huidig,
            b.besluit.bron,
            links.onder(b).pagina("start"),
        )
        for b in reversed(versies.besluiten)
    ]
    vergelijkingen = [weergave.vergelijking(*gekozen)] if gekozen else weergave.vergelijkingen(versies)
    # The form shows the comparison as made: in date order, whichever way round the reader chose.
    standaard = (vergelijkingen[0].oud, vergelijkingen[0].nieuw) if vergelijkingen else None
    paren = [(weergave.vergelijking(a, b).kop, links.vergelijk(a, b)) for a, b in combinations(versies.besluiten, 2)]
    return render(
        "versies.html",
        huidig,
        links,
        naam="versies",
        titel="Versies van het besluit",
        beschrijving=(
            "Alle besluiten en voorstellen over examenproducten buiten het reguliere mbo, en wat er anders is."
        ),
        uitleg=weergave.VERSIES_UITLEG,
        nieuwste=weergave.NIEUWSTE,
        niets_te_vergelijken=weergave.NIETS_TE_VERGELIJKEN,
        niets_anders=weergave.NIETS_ANDERS,
        geen_antwoord_anders=weergave.GEEN_ANTWOORD_ANDERS,
        melding=melding,
        besluiten=besluiten,
        blokken=[_blok(links, v) for v in vergelijkingen],
        gekozen=gekozen is not None,
        standaard=dict(zip(("oud", "nieuw"), (b.besluit.id for b in standaard), strict=True)) if standaard else {},
        keuzes=[(b.besluit.id, weergave.naam(b)) for b in versies.besluiten],
        paren=paren,
    )


def onbekende_versie(versies: Versies, links: AnyLinks, naam: str, params: Mapping[str, str]) -> str:
    """The page for a link that names a decision we do not know: the known ones, each a link to this page
    (the keuzehulp: these answers) under it. The link's own text is never shown."""
    melding = weergave.melding(versies, weergave.Keuze(versies.huidig, False, True))
    assert melding is not None  # an unknown version always has its message
    doelen = []
    for b in reversed(versies.besluiten):
        daar = links.onder(b)
        link = daar.keuzehulp({**params, VERSIE_SLEUTEL: b.besluit.id}) if naam == "keuzehulp" else daar.pagina(naam)
        doelen.append((b.besluit.id, weergave.naam(b), STATUS_WOORD[b.besluit.status], link))
    return render(
        "onbekend.html",
        versies.huidig,
        links,
        naam="onbekend",
        titel=melding.kop,
        beschrijving="Deze link noemt een versie die niet bestaat. Kies een versie die er wel is.",
        melding=False,
        tekst=melding.tekst,
        doelen=doelen,
    )


# --- an unknown address or an unexpected error ----------------------------------------------------
def fout(beleid: Beleid, links: AnyLinks, titel: str, alineas: tuple[str, ...]) -> str:
    """A page in the same frame that only says what went wrong and where to go: web/fouten.py words it."""
    return render(
        "fout.html", beleid, links, naam="start", titel=titel, beschrijving=titel, melding=False, alineas=alineas
    )
