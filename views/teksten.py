"""Fixed screen wording that is not policy: how an answer is named and marked. No Streamlit here."""

from __future__ import annotations

import datetime as dt
import re

from policy import Basis, Beleid, Cel, Doelgroep, Niveau, Toegang, Vorm
from policy.models import Herkomst

# Text and symbol together: colour is never the only signal (WCAG 1.4.1).
TOEGANG_LABEL = {Toegang.ja: "Ja", Toegang.nee: "Nee", Toegang.buiten_kader: "Valt buiten dit besluit"}
TOEGANG_SYMBOOL = {Toegang.ja: "✓", Toegang.nee: "✗", Toegang.buiten_kader: "?"}
# Our source is the bericht (news item) about the ALV decision, never the decision document: name it so.
# A proposal's source is the text of the proposal, and it is part of no decision yet.
_BASIS_LABEL = {
    "besluit": {
        Basis.expliciet: "Dit staat zo in het bericht over het besluit. De letterlijke zinnen staan erbij.",
        Basis.afgeleid: "Dit staat niet letterlijk in het bericht over het besluit, maar volgt eruit.",
        Basis.achtergrond: "Achtergrond: dit hoort niet bij het besluit.",
    },
    "voorstel": {
        Basis.expliciet: "Dit staat zo in de tekst van het voorstel. De letterlijke zinnen staan erbij.",
        Basis.afgeleid: "Dit staat niet letterlijk in de tekst van het voorstel, maar volgt eruit.",
        Basis.achtergrond: "Achtergrond: dit hoort niet bij het voorstel.",
    },
}
# Short form for a caption next to an answer or a glossary entry.
_BASIS_KORT = {
    "besluit": {
        Basis.expliciet: "Staat in het bericht",
        Basis.afgeleid: "Volgt uit het bericht",
        Basis.achtergrond: "Toelichting: achtergrond, geen deel van het besluit",
    },
    "voorstel": {
        Basis.expliciet: "Staat in het voorstel",
        Basis.afgeleid: "Volgt uit het voorstel",
        Basis.achtergrond: "Toelichting: achtergrond, geen deel van het voorstel",
    },
}


def basis_label(beleid: Beleid, basis: Basis) -> str:
    """The kind of a text in a sentence: 'Dit staat zo in het bericht over het besluit. ...'."""
    return _BASIS_LABEL[soort_besluit(beleid)][basis]


def basis_kort(beleid: Beleid, basis: Basis) -> str:
    """The kind of a text in a caption: 'Staat in het bericht'."""
    return _BASIS_KORT[soort_besluit(beleid)][basis]


def soort_tekst(item: Herkomst, beleid: Beleid) -> str:
    """The kind of one text in words, with how it follows or where it comes from: for a caption under it."""
    if item.basis is None:
        return ""
    tekst = basis_kort(beleid, item.basis)
    if item.basis is Basis.afgeleid and item.afleiding:
        return f"{tekst}: {' '.join(item.afleiding.split())}"
    if item.basis is Basis.achtergrond and item.toelichting_bron:
        return f"{tekst}. Bron: {' '.join(item.toelichting_bron.split())}"
    return f"{tekst}."


def soort_besluit(beleid: Beleid) -> str:
    """'besluit' or 'voorstel': what a page calls the thing it shows. A proposal is not a decision (yet)."""
    return "voorstel" if beleid.besluit.status == "voorstel" else "besluit"


def bron_zin(beleid: Beleid) -> str:
    """Where the start page's summary comes from; only a decision has a bericht about it that it outranks."""
    if soort_besluit(beleid) == "voorstel":
        return "Bron: de tekst van het voorstel."
    return f"Bron: het bericht van de {beleid.besluit.bron.uitgever} over het besluit. Het besluit zelf is leidend."


def bron_titel(beleid: Beleid) -> str:
    """The heading of the page with the source text: 'Het bericht over het besluit' or 'De tekst van het voorstel'."""
    return "De tekst van het voorstel" if soort_besluit(beleid) == "voorstel" else "Het bericht over het besluit"


def bron_menu(beleid: Beleid) -> str:
    """The menu item of that page."""
    return "Tekst van het voorstel" if soort_besluit(beleid) == "voorstel" else "Bericht over het besluit"


def bron_naam(beleid: Beleid) -> str:
    """The source inside a sentence: 'het bericht' or 'het voorstel'."""
    return "het voorstel" if soort_besluit(beleid) == "voorstel" else "het bericht"


def begrippen_uitleg(beleid: Beleid) -> str:
    """The glossary's opening lines, in both editions."""
    bron, wat = bron_naam(beleid), soort_besluit(beleid)
    return (
        f"Hier leggen we woorden uit die in {bron} en in deze app staan. Bij elk woord staat waar de uitleg "
        f"vandaan komt: uit {bron}, of uit een andere bron. Uitleg uit een andere bron is achtergrond. Die hoort "
        f"niet bij het {wat}."
    )


def bron_link(beleid: Beleid, dit: bool = False) -> str:
    """The label of a link to that page; `dit`: next to other versions ('dit besluit', not 'het besluit')."""
    lidwoord = "dit" if dit else "het"
    if soort_besluit(beleid) == "voorstel":
        return f"Lees de tekst van {lidwoord} voorstel"
    return f"Lees het bericht over {lidwoord} besluit"


def hoofdletter(tekst: str) -> str:
    """The first letter a capital, the rest as it is ('De ALV', not str.capitalize's 'De alv')."""
    return tekst[:1].upper() + tekst[1:]


def disclaimer(beleid: Beleid) -> str:
    """The footnote under every page: what the app follows, and what outranks it."""
    b = beleid.besluit
    if soort_besluit(beleid) == "voorstel":
        return (
            f"Deze versie volgt de tekst van een voorstel van de {b.bron.uitgever} voor {b.orgaan_kort}. In "
            "deze app staat nog geen besluit over dit voorstel. Twijfelt u? Vraag het de Coöperatie of een "
            "mbo-instelling."
        )
    return (
        f"Deze app volgt het bericht van de {b.bron.uitgever} over het besluit. Het besluit zelf van "
        f"{b.orgaan_kort} is leidend. Twijfelt u? Vraag het de Coöperatie of een mbo-instelling."
    )


def bron_gegevens(beleid: Beleid) -> tuple[tuple[str, str], ...]:
    """The lines under the source's title on its page: who published it and which meeting it is for."""
    b = beleid.besluit
    over = "Voorstel voor" if soort_besluit(beleid) == "voorstel" else "Over het besluit van"
    return (("Uitgegeven door", b.bron.uitgever), (over, f"{b.orgaan}, {datum(b.datum)}"))


def bron_uitleg(beleid: Beleid) -> str:
    """What the app does with the source: only a decision has a decision text that outranks the bericht."""
    wie = beleid.besluit.orgaan_kort
    if soort_besluit(beleid) == "voorstel":
        return f"Voor deze versie gebruikt de app alleen deze tekst. Het is een voorstel: {wie} besluit er nog over."
    return f"Voor deze versie gebruikt de app alleen dit bericht. Het besluit zelf van {wie} is leidend."


ALINEA_UITLEG = (
    "Hieronder staat de tekst letterlijk. De alinea's zijn genummerd. "
    "Zo vindt u terug waar een zin staat die de app citeert, bijvoorbeeld 'alinea 4'."
)


def proces_kop(beleid: Beleid) -> str:
    """The heading above the steps that led to the text."""
    return "Hoe is dit voorstel gemaakt?" if soort_besluit(beleid) == "voorstel" else "Hoe is dit besloten?"


# A decision's status in a list of versions (after its name).
STATUS_WOORD = {"vastgesteld": "vastgesteld", "voorstel": "voorstel, nog niet besloten", "scenario": "scenario"}


def versieregel(beleid: Beleid) -> str:
    """'Vastgesteld door de ALV van 26 maart 2026': the policy version every page answers from."""
    b = beleid.besluit
    if b.status == "voorstel":
        return f"Voorstel, nog niet besloten, voor {b.orgaan_kort} van {datum(b.datum)}"
    soort = "Vastgesteld door" if b.status == "vastgesteld" else "Scenario, niet vastgesteld, op basis van"
    return f"{soort} {b.orgaan_kort} van {datum(b.datum)}"


_MAANDEN = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]


def datum(d: dt.date) -> str:
    """A date the Dutch way: 26 maart 2026."""
    return f"{d.day} {_MAANDEN[d.month - 1]} {d.year}"


def bronplaats(alinea: int) -> str:
    """'alinea 4', or 'kop' for the heading: where in the bericht a quote stands."""
    return "kop" if alinea == 0 else f"alinea {alinea}"


def bronverwijzing(beleid: Beleid, alinea: int) -> str:
    """'Bericht over het ALV-besluit, alinea 4': where a quote stands (short: it is a link on a phone)."""
    if soort_besluit(beleid) == "voorstel":
        return f"Tekst van het voorstel, {bronplaats(alinea)}"
    return f"Bericht over het {beleid.besluit.orgaan_kort.removeprefix('de ')}-besluit, {bronplaats(alinea)}"


def opsomming(delen: list[str], laatste: str = "en") -> str:
    """'a, b en c' (or 'a, b of c')."""
    return delen[0] if len(delen) == 1 else f"{', '.join(delen[:-1])} {laatste} {delen[-1]}"


def geldt_voor(beleid: Beleid, cellen: list[Cel]) -> str:
    """Which groups, products and forms an answer covers, for 'Dit antwoord geldt voor: ...'."""
    niveaus = [n for n in Niveau if any(c.niveau is n for c in cellen)]
    vormen = [v for v in Vorm if any(c.vorm is v for c in cellen)]
    doelgroepen = [d for d in Doelgroep if any(c.doelgroep is d for c in cellen)]
    inschrijving = {c.ingeschreven_in_mbo for c in cellen}
    product = niveaus_tekst(beleid, niveaus)
    if len(niveaus) == len(Niveau):
        product = f"alle producten ({product})"
    vorm = opsomming([beleid.label("vorm", v).lower() for v in vormen])
    groep = opsomming([beleid.label("doelgroep", d) for d in doelgroepen])
    kandidaat = ""
    if len(inschrijving) == 1:
        kandidaat = ", kandidaat " + ("wel" if inschrijving.pop() else "niet") + " ingeschreven in het mbo"
    return f"{groep}{kandidaat}; {product}; {vorm}"


def producten(beleid: Beleid, cellen: list[Cel]) -> str:
    """Which products and forms a set of cells covers: 'Entree, formatief' or 'alle producten'."""
    niveaus = [n for n in Niveau if any(c.niveau is n for c in cellen)]
    vormen = [v for v in Vorm if any(c.vorm is v for c in cellen)]
    if len(niveaus) == len(Niveau) and len(vormen) == len(Vorm):
        return "alle producten"
    tekst = niveaus_tekst(beleid, niveaus)
    if len(vormen) < len(Vorm):
        tekst += ", " + opsomming([beleid.label("vorm", v).lower() for v in vormen])
    return tekst


def niveaus_tekst(beleid: Beleid, niveaus: list[Niveau], laatste: str = "en") -> str:
    """'Entree en niveau 2, 3 en 4' rather than 'Entree, Niveau 2, Niveau 3 en Niveau 4'."""
    delen = [beleid.label("niveau", Niveau.entree)] if Niveau.entree in niveaus else []
    nummers = [n.value for n in niveaus if n is not Niveau.entree]
    if nummers:
        delen.append(f"niveau {opsomming(nummers, laatste)}")
    return f" {laatste} ".join(delen)


_MARKDOWN_TEKENS = set("\\`*_[]<>#|~$:{}")


def markdown_veilig(tekst: str) -> str:
    """Plain text for st.markdown: no character is read as formatting, HTML or a :directive[...].

    Runs of whitespace (line breaks too) become one space, so a part of a sentence keeps its edges;
    a start that Markdown would read as a list, quote or heading is escaped too.
    """
    tekst = re.sub(r"\s+", " ", tekst)
    uit = "".join("\\" + teken if teken in _MARKDOWN_TEKENS else teken for teken in tekst)
    if re.match(r"^(\d+[.)]|[-+=>])", uit):
        cijfers = re.match(r"^\d+", uit)
        plek = cijfers.end() if cijfers else 0
        uit = uit[:plek] + "\\" + uit[plek:]
    return uit
