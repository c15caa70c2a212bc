"""Search and filter for the FAQ, the glossary and the decision text: pure functions, no Streamlit.

Everything a visitor types (or puts in a link) is treated as plain text: it is cut to a safe length,
only compared, and never written to the page by these functions.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from policy import Beleid, Doelgroep
from policy.checks import bronnen_in, normaliseer
from policy.models import Begrip, Bron, FaqVraag, Thema

MAX_ZOEK = 100
"""Longest search text we read; the rest of a (very long) link value is ignored."""

ZOEK_PARAM = "zoek"
GROEP_PARAM = "groep"


# --- text ---------------------------------------------------------------------------------------
def vergelijkbaar(tekst: str) -> str:
    """Text for comparing: no accents, no case, punctuation as spaces ('Coöperatie' finds 'cooperatie')."""
    zonder_accenten = "".join(
        teken for teken in unicodedata.normalize("NFKD", tekst) if not unicodedata.combining(teken)
    )
    alleen_woorden = re.sub(r"[\W_]+", " ", zonder_accenten.casefold())
    return " ".join(alleen_woorden.split())


def lees_zoekterm(ruw: object) -> str:
    """A search text from the URL or the search box: text only, at most MAX_ZOEK characters, one line."""
    tekst = str(ruw or "")[: MAX_ZOEK * 2]
    tekst = "".join(teken for teken in tekst if teken.isprintable() or teken == " ")
    return " ".join(tekst.split())[:MAX_ZOEK]


def zoekwoorden(zoek: str) -> list[str]:
    """The words of a search text, compared without accents and case; duplicates dropped."""
    return list(dict.fromkeys(vergelijkbaar(lees_zoekterm(zoek)).split()))


# --- FAQ ----------------------------------------------------------------------------------------
def faq_tekst(vraag: FaqVraag) -> str:
    """What the FAQ search looks in: the question, the answer and the quotes."""
    return vergelijkbaar(" ".join([vraag.vraag, vraag.antwoord, *(b.citaat for b in vraag.bronnen)]))


def past_bij_zoekterm(vraag: FaqVraag, zoek: str) -> bool:
    """True when every search word occurs in the question, answer or quotes (an empty search matches all)."""
    tekst = faq_tekst(vraag)
    return all(woord in tekst for woord in zoekwoorden(zoek))


def past_bij_groepen(vraag: FaqVraag, groepen: Iterable[Doelgroep | str]) -> bool:
    """True when the entry is tagged for one of the groups (no group chosen matches all)."""
    gekozen = {str(getattr(g, "value", g)) for g in groepen}
    return not gekozen or any(d.value in gekozen for d in vraag.doelgroepen)


def filter_faq(vragen: Iterable[FaqVraag], groepen: Iterable[Doelgroep | str], zoek: str) -> list[FaqVraag]:
    """The entries for the chosen groups that contain every search word, in their own order."""
    groepen = list(groepen)
    return [v for v in vragen if past_bij_groepen(v, groepen) and past_bij_zoekterm(v, zoek)]


def per_thema(themas: Sequence[Thema], vragen: Iterable[FaqVraag]) -> list[tuple[Thema, list[FaqVraag]]]:
    """Entries grouped by theme, in the order of the themes; themes without entries left out."""
    groepen: dict[str, list[FaqVraag]] = {t.id: [] for t in themas}
    for vraag in vragen:
        groepen.setdefault(vraag.thema, []).append(vraag)
    return [(t, groepen[t.id]) for t in themas if groepen[t.id]]


def faq_doelgroepen(beleid: Beleid) -> list[Doelgroep]:
    """The groups the FAQ has entries for, in the fixed order of the decision's groups."""
    getagd = {d for v in beleid.faq for d in v.doelgroepen}
    return [d for d in Doelgroep if d in getagd]


@dataclass(frozen=True)
class Filter:
    """The FAQ filter read from a URL: valid values only, and whether something was left out."""

    zoek: str
    groepen: tuple[Doelgroep, ...]
    genegeerd: bool


def lees_filter(params: dict[str, str], toegestaan: Sequence[Doelgroep]) -> Filter:
    """Read `?zoek=...&groep=isk,vmbo`. Unknown groups are dropped; nothing is echoed."""
    zoek = lees_zoekterm(params.get(ZOEK_PARAM, ""))
    geldig = {d.value: d for d in toegestaan}
    gekozen: list[Doelgroep] = []
    genegeerd = len(str(params.get(ZOEK_PARAM, ""))) > MAX_ZOEK * 2
    ruw = str(params.get(GROEP_PARAM, ""))
    if len(ruw) > 200:
        ruw, genegeerd = "", True
    for deel in filter(None, (d.strip().lower() for d in ruw.split(","))):
        if deel in geldig:
            if geldig[deel] not in gekozen:
                gekozen.append(geldig[deel])
        else:
            genegeerd = True
    volgorde = list(toegestaan)
    return Filter(zoek, tuple(sorted(gekozen, key=volgorde.index)), genegeerd)


def filter_querystring(zoek: str, groepen: Iterable[Doelgroep | str]) -> dict[str, str]:
    """The filter as URL parameters to share; empty parts left out."""
    params: dict[str, str] = {}
    zoek = lees_zoekterm(zoek)
    if zoek:
        params[ZOEK_PARAM] = zoek
    waarden = [str(getattr(g, "value", g)) for g in groepen]
    if waarden:
        params[GROEP_PARAM] = ",".join(waarden)
    return params


# --- glossary -----------------------------------------------------------------------------------
def begrip_anker(begrip_id: str) -> str:
    """The HTML id of a term on the glossary page (ids are checked: lower case, digits, - and _)."""
    return f"begrip-{begrip_id}"


def alfabetisch(begrippen: Iterable[Begrip]) -> list[Begrip]:
    """Terms in alphabetical order, ignoring case and accents ('Éntree' sorts under E)."""
    return sorted(begrippen, key=lambda b: (vergelijkbaar(b.term), b.id))


def zoek_begrippen(begrippen: Iterable[Begrip], zoek: str) -> list[Begrip]:
    """Terms whose name or explanation contains every search word, alphabetical."""
    woorden = zoekwoorden(zoek)
    return [b for b in alfabetisch(begrippen) if all(w in vergelijkbaar(f"{b.term} {b.uitleg}") for w in woorden)]


# --- the decision text --------------------------------------------------------------------------
def alle_citaten(beleid: Beleid) -> list[Bron]:
    """Every quote the app shows: rules, conditions, FAQ and the decision's metadata; each once."""
    gezien: dict[tuple[int, str], Bron] = {}
    for naam in type(beleid.bestand).model_fields:
        for _, bron in bronnen_in(getattr(beleid.bestand, naam), (naam,)):
            gezien.setdefault((bron.alinea, normaliseer(bron.citaat)), bron)
    return list(gezien.values())


def gemarkeerde_delen(alinea: str, citaten: Iterable[str]) -> list[tuple[str, bool]]:
    """The paragraph cut into (text, quoted?) parts; overlapping quotes become one marked part.

    Compared with whitespace folded, as the load-time check does; a quote not found is skipped.
    """
    tekst = normaliseer(alinea)
    stukken: list[tuple[int, int]] = []
    for citaat in citaten:
        naald = normaliseer(citaat)
        if not naald:
            continue
        start = tekst.find(naald)
        while start != -1:
            stukken.append((start, start + len(naald)))
            start = tekst.find(naald, start + 1)
    samen: list[list[int]] = []
    for begin, eind in sorted(stukken):
        if samen and begin <= samen[-1][1]:
            samen[-1][1] = max(samen[-1][1], eind)
        else:
            samen.append([begin, eind])
    delen: list[tuple[str, bool]] = []
    plek = 0
    for begin, eind in samen:
        if begin > plek:
            delen.append((tekst[plek:begin], False))
        delen.append((tekst[begin:eind], True))
        plek = eind
    if plek < len(tekst):
        delen.append((tekst[plek:], False))
    return delen


def citaten_per_alinea(beleid: Beleid) -> dict[int, list[str]]:
    """The quoted sentences per paragraph number."""
    per: dict[int, list[str]] = {}
    for bron in alle_citaten(beleid):
        per.setdefault(bron.alinea, []).append(bron.citaat)
    return per


def lees_alinea(ruw: object, aantal: int) -> int | None:
    """`?alinea=4` as a paragraph number, or None when it is not a number of this text."""
    tekst = str(ruw or "").strip()
    if len(tekst) > 3 or not (tekst.isascii() and tekst.isdigit()):
        return None
    nummer = int(tekst)
    return nummer if 0 <= nummer < aantal else None
