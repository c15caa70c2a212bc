"""The light edition's pages as HTML strings: Jinja2 templates over `policy`, no Streamlit, no script.

Every text a reader sees about the decision comes from `policy/` or views/teksten.py; the templates only
add page furniture (headings, navigation, form labels). Jinja escapes every value (autoescape on).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from policy import Beleid, Cel, Doelgroep, Niveau, Vorm
from policy.domain import bestaat
from policy.models import Bron
from views import wizard, zoeken
from views.licht.links import AnyLinks
from views.teksten import (
    BASIS_KORT,
    DISCLAIMER,
    TOEGANG_LABEL,
    TOEGANG_SYMBOOL,
    bronplaats,
    datum,
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
    BASIS_KORT=BASIS_KORT,
    MELDING=MELDING,
    soort_tekst=soort_tekst,
    bronplaats=bronplaats,
    begrip_anker=zoeken.begrip_anker,
)


def render(sjabloon: str, beleid: Beleid, links: AnyLinks, **context: Any) -> str:
    """One page with the shared frame: version line, disclaimer, links to the interactive app."""
    return _env.get_template(sjabloon).render(
        beleid=beleid,
        links=links,
        versieregel=versieregel(beleid),
        disclaimer=DISCLAIMER,
        citaat=lambda b: citaat(beleid, b),
        **context,
    )


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
                BASIS_KORT[beleid.decide(*cellen[0]).basis],  # Beslissing.basis: always set once loaded
                links.keuzehulp(wizard.cel_query(cellen[0], beleid)),
            )
        )
    return regels


def start(beleid: Beleid, links: AnyLinks, melding: bool = False) -> str:
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
        titel="Toegangswijzer examenproducten",
        beschrijving=" ".join(beleid.besluit.samenvatting),
        melding=melding,
        groepen=groepen,
    )


# --- overzicht ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Tabel:
    titel: str
    kolommen: list[str]
    rijen: list[tuple[str, list[tuple[str, str, str]]]]  # group, cells (symbol, label, link)


def overzicht(beleid: Beleid, links: AnyLinks, melding: bool = False) -> str:
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
        titel="Overzicht van alle antwoorden",
        beschrijving="Per groep, product en soort toets: mag het volgens het ALV-besluit, of niet? Alle antwoorden.",
        melding=melding,
        blokken=blokken,
        vormen=[o for o in beleid.vraag("vorm").opties if o.uitleg],
        ingeschreven=beleid.vraag("ingeschreven_in_mbo"),
    )


# --- vragen ------------------------------------------------------------------------------------
def vragen(beleid: Beleid, links: AnyLinks, melding: bool = False) -> str:
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
        titel="Veelgestelde vragen",
        beschrijving="Vragen en antwoorden over het ALV-besluit over examenproducten buiten het mbo, met de bron.",
        melding=melding,
        themas=themas,
    )


# --- begrippen ---------------------------------------------------------------------------------
def begrippen(beleid: Beleid, links: AnyLinks, melding: bool = False) -> str:
    """Every term, alphabetical, with its kind and quotes, at `#begrip-<id>` (the FAQ links each term here)."""
    alle = {b.id: b for b in beleid.begrippen}
    termen = [(b, [alle[z] for z in b.zie_ook if z in alle]) for b in zoeken.alfabetisch(beleid.begrippen)]
    return render(
        "begrippen.html",
        beleid,
        links,
        naam="begrippen",
        titel="Begrippen",
        beschrijving="Woorden uit het bericht over het ALV-besluit en uit deze app uitgelegd, elk met de herkomst.",
        melding=melding,
        termen=termen,
    )


# --- besluit -----------------------------------------------------------------------------------
def besluit(beleid: Beleid, links: AnyLinks, gevraagd: int | None = None, melding: bool = False) -> str:
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
        titel="Bericht over het besluit",
        beschrijving=f"{b.bron.herkomst} Met genummerde alinea's.",
        melding=melding,
        alineas=alineas,
        gevraagd=gevraagd,
        datum=datum(b.datum),
        stappen=(b.aanleiding, *b.proces),
        doel_bronnen=list(doel_bronnen.values()),
        doel_soorten=list(dict.fromkeys(soort_tekst(doel) for doel in b.doelen)),
    )


# --- an unknown address or an unexpected error ----------------------------------------------------
def fout(beleid: Beleid, links: AnyLinks, titel: str, alineas: tuple[str, ...]) -> str:
    """A page in the same frame that only says what went wrong and where to go: web/fouten.py words it."""
    return render(
        "fout.html", beleid, links, naam="start", titel=titel, beschrijving=titel, melding=False, alineas=alineas
    )
