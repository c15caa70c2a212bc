"""Search and filter for the FAQ, the glossary and the decision text: no Streamlit.

Everything a visitor types (or puts in a link) is treated as plain text: it is cut to a safe length,
only compared, and never written to the page by these functions.
"""

from __future__ import annotations

import difflib
import re
import threading
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import bm25s
import snowballstemmer
import yaml
from pydantic import BaseModel, ConfigDict

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


# --- FAQ search ---------------------------------------------------------------------------------
# Ranking is BM25 from bm25s: maintained, and it needs only numpy, which streamlit already brings; it scores
# a list of words against the index and skips words it does not know (rank-bm25 has had no release since
# 2022). Word forms come from snowballstemmer's Dutch stemmer (pure Python, no dependencies); where it
# gives one word two stems (examen, examens) the word list beside this file joins them again.
WOORDENLIJST = Path(__file__).with_name("zoekwoorden.yaml")
VRAAG_GEWICHT = 2.0
"""A word in the question of an entry counts this much more than one in its answer, quotes or terms."""
RELATIEF_MINIMUM = 0.4
"""Entries scoring below this share of the best one are left out: they share only a side word."""
MAX_DICHTBIJ = 3
TYPFOUT_MINIMUM = 0.8
"""How alike (difflib ratio) a typed word and a known word must be to count as a typing error."""

_STEMMER = snowballstemmer.stemmer("dutch")
_STEMMER_SLOT = threading.Lock()


@lru_cache(maxsize=8192)
def stam(woord: str) -> str:
    """The Dutch stem of one word. The stemmer keeps state while it works: one thread at a time."""
    with _STEMMER_SLOT:
        return str(_STEMMER.stemWord(woord))


class WoordenlijstBestand(BaseModel):
    """The word list file as written (checked with extra fields forbidden)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    stopwoorden: tuple[str, ...]
    synoniemen: dict[str, tuple[str, ...]]
    samenstellingen: dict[str, tuple[str, ...]]


class Woordenlijst:
    """How a typed text becomes search terms: filler words out, word forms and synonyms joined."""

    def __init__(self, bestand: WoordenlijstBestand) -> None:
        self.stopwoorden = frozenset(vergelijkbaar(w) for w in bestand.stopwoorden)
        self.vormen: frozenset[str] = frozenset()
        self._vervanging: dict[tuple[str, ...], tuple[str, ...]] = {}
        self._langste = 0
        for woord, vormen in bestand.synoniemen.items():
            for vorm in (woord, *vormen):
                self._voeg_toe(vorm, (woord,))
        for samenstelling, delen in bestand.samenstellingen.items():
            self._voeg_toe(samenstelling, tuple(term for deel in delen for term in self.termen(deel)))

    def _voeg_toe(self, vorm: str, termen: tuple[str, ...]) -> None:
        woorden = vergelijkbaar(vorm).split()
        if not woorden or self.stopwoorden.intersection(woorden):
            raise ValueError(f"{WOORDENLIJST.name}: '{vorm}' is leeg of bevat een stopwoord en past dus nooit")
        sleutel = tuple(stam(w) for w in woorden)
        if self._vervanging.setdefault(sleutel, termen) != termen:
            raise ValueError(f"{WOORDENLIJST.name}: '{vorm}' staat bij {termen} en bij {self._vervanging[sleutel]}")
        self.vormen |= set(woorden)
        self._langste = max(self._langste, len(sleutel))

    def woorden(self, tekst: str) -> list[str]:
        """The words of a text that carry meaning, compared without accents and case."""
        return [w for w in vergelijkbaar(tekst).split() if w not in self.stopwoorden]

    def termen(self, tekst: str) -> list[str]:
        """The search terms of a text: stems, with the longest listed word group replaced by its terms."""
        stammen = [stam(w) for w in self.woorden(tekst)]
        termen: list[str] = []
        plek = 0
        while plek < len(stammen):
            for lengte in range(min(self._langste, len(stammen) - plek), 0, -1):
                vervanging = self._vervanging.get(tuple(stammen[plek : plek + lengte]))
                if vervanging is not None:
                    termen.extend(vervanging)
                    plek += lengte
                    break
            else:
                termen.append(stammen[plek])
                plek += 1
        return termen


@lru_cache(maxsize=1)
def woordenlijst() -> Woordenlijst:
    """The word list beside this module, read and checked once."""
    data = yaml.safe_load(WOORDENLIJST.read_text(encoding="utf-8"))
    return Woordenlijst(WoordenlijstBestand.model_validate(data))


def faq_tekst(vraag: FaqVraag, begrippen: Mapping[str, Begrip]) -> str:
    """What the search reads besides the question: the answer, the quotes and the names of its terms."""
    termen = [begrippen[b].term for b in vraag.begrippen if b in begrippen]
    return " ".join([vraag.antwoord, *(b.citaat for b in vraag.bronnen), *termen])


def _bm25(documenten: list[list[str]]) -> bm25s.BM25:
    index = bm25s.BM25()
    index.index(documenten, show_progress=False)
    return index


class FaqIndex:
    """The FAQ of one policy, indexed once: the questions apart, so that they can weigh more."""

    def __init__(self, vragen: Sequence[FaqVraag], begrippen: Mapping[str, Begrip], woorden: Woordenlijst) -> None:
        self.vragen = tuple(vragen)
        self.woorden = woorden
        teksten = [faq_tekst(v, begrippen) for v in self.vragen]
        self._vragen = _bm25([woorden.termen(v.vraag) for v in self.vragen])
        self._teksten = _bm25([woorden.termen(t) for t in teksten])
        gelezen = {w for v, t in zip(self.vragen, teksten, strict=True) for w in woorden.woorden(f"{v.vraag} {t}")}
        self._bekend = frozenset(gelezen | woorden.vormen)

    def scores(self, termen: Sequence[str]) -> list[float]:
        """BM25 per entry, in FAQ order; 0 for an entry that has none of the terms."""
        uniek = list(dict.fromkeys(termen))
        if not uniek:
            return [0.0] * len(self.vragen)
        vraag, tekst = self._vragen.get_scores(uniek), self._teksten.get_scores(uniek)
        return [float(VRAAG_GEWICHT * q + t) for q, t in zip(vraag, tekst, strict=True)]

    def rangschik(self, termen: Sequence[str], toegestaan: Sequence[bool]) -> tuple[FaqVraag, ...]:
        """The allowed entries that match, best first; those far behind the best are left out."""
        scores = self.scores(termen)
        kandidaten = [(s, i) for i, s in enumerate(scores) if s > 0 and toegestaan[i]]
        if not kandidaten:
            return ()
        grens = RELATIEF_MINIMUM * max(s for s, _ in kandidaten)
        return tuple(self.vragen[i] for s, i in sorted(kandidaten, key=lambda k: (-k[0], k[1])) if s >= grens)

    def verbeterd(self, zoek: str) -> str:
        """The search text with each unknown word replaced by the most alike known word, if one is close."""
        beter = []
        for woord in self.woorden.woorden(zoek):
            if woord in self._bekend or len(woord) < 4:
                beter.append(woord)
            else:
                beter.extend(difflib.get_close_matches(woord, self._bekend, n=1, cutoff=TYPFOUT_MINIMUM))
        return " ".join(beter)


@lru_cache(maxsize=8)
def faq_index(beleid: Beleid) -> FaqIndex:
    """The search index of a loaded policy: built on first use, then shared by every session and rerun."""
    return FaqIndex(beleid.faq, {b.id: b for b in beleid.begrippen}, woordenlijst())


@dataclass(frozen=True)
class Zoekuitkomst:
    """What the FAQ page shows: the entries found, and when none, the closest ones."""

    gevonden: tuple[FaqVraag, ...]
    """Best first after a search; in their own order when nothing was typed."""
    dichtbij: tuple[FaqVraag, ...] = ()
    """Only when a search found nothing: entries for the known words closest to what was typed."""
    gezocht: bool = False


def past_bij_groepen(vraag: FaqVraag, groepen: Iterable[Doelgroep | str]) -> bool:
    """True when the entry is tagged for one of the groups (no group chosen matches all)."""
    gekozen = {str(getattr(g, "value", g)) for g in groepen}
    return not gekozen or any(d.value in gekozen for d in vraag.doelgroepen)


def zoek_faq(beleid: Beleid, groepen: Iterable[Doelgroep | str], zoek: str) -> Zoekuitkomst:
    """The FAQ entries for the chosen groups that answer a typed question, best first."""
    index = faq_index(beleid)
    groepen = list(groepen)
    toegestaan = [past_bij_groepen(v, groepen) for v in index.vragen]
    zoek = lees_zoekterm(zoek)
    if not zoekwoorden(zoek):
        return Zoekuitkomst(tuple(v for v, ja in zip(index.vragen, toegestaan, strict=True) if ja))
    gevonden = index.rangschik(index.woorden.termen(zoek), toegestaan)
    if gevonden:
        return Zoekuitkomst(gevonden, gezocht=True)
    dichtbij = index.rangschik(index.woorden.termen(index.verbeterd(zoek)), toegestaan)
    return Zoekuitkomst((), dichtbij[:MAX_DICHTBIJ], gezocht=True)


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
