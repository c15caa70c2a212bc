"""B1 plain language as a guard: short sentences and a Flesch-Douma score of at least 60 for every text a
visitor reads as an answer. Quotes from the decision are exempt: they are the decision's own words; so are the
decision's own terms (VAKTERMEN) in the score, since the glossary explains them and they cannot be shortened.

A signal, not proof of B1: read new texts aloud once too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
import textstat

from policy import Beleid, load_policy

GEMIDDELD_MAX = 15
ZIN_MAX = 25
FLESCH_MIN = 60

textstat.set_lang("nl")


def teksten(beleid: Beleid) -> Iterator[tuple[str, str]]:
    """(where, text) for every outcome text, condition, FAQ answer, glossary entry, help text and explanation."""
    b = beleid.besluit
    yield "besluit.yaml samenvatting", " ".join(b.samenvatting)
    for stap in (b.aanleiding, *b.proces):
        yield f"besluit.yaml {stap.id} tekst", stap.tekst
    for r in beleid.regels:
        yield f"regels.yaml {r.id} samenvatting", r.samenvatting
        yield f"regels.yaml {r.id} reden", r.reden
        if r.afleiding:
            yield f"regels.yaml {r.id} afleiding", r.afleiding
        for i, vervolg in enumerate(r.vervolg):
            yield f"regels.yaml {r.id} vervolg[{i}]", vervolg
        if r.vervolg_herkomst is not None and r.vervolg_herkomst.afleiding:
            yield f"regels.yaml {r.id} vervolg_herkomst.afleiding", r.vervolg_herkomst.afleiding
    for v in beleid.voorwaarden:
        yield f"voorwaarden.yaml {v.id} titel", v.titel
        yield f"voorwaarden.yaml {v.id} uitleg", v.uitleg
        if v.afleiding:
            yield f"voorwaarden.yaml {v.id} afleiding", v.afleiding
    for f in beleid.faq:
        yield f"faq.yaml {f.id} antwoord", f.antwoord
        if f.afleiding:
            yield f"faq.yaml {f.id} afleiding", f.afleiding
    for g in beleid.begrippen:
        yield f"begrippen.yaml {g.id} uitleg", g.uitleg
    for vraag in beleid.vragen:
        if vraag.hulp:
            yield f"vragen.yaml {vraag.id} hulp", vraag.hulp
        if vraag.afleiding:
            yield f"vragen.yaml {vraag.id} afleiding", vraag.afleiding
        for optie in vraag.opties:
            if optie.uitleg:
                yield f"vragen.yaml {vraag.id} {optie.waarde} uitleg", optie.uitleg


# Names and terms the decision uses and the glossary explains. They cannot be swapped for shorter words, and their
# many syllables would dominate the score of a short text; for the score each counts as one short word ("term").
VAKTERMEN = (
    "Coöperatie Examens MBO",
    "Coöperatie",
    "Entreeproducten",
    "entreeopleiding",
    "Onderwijsroute",
    "mbo-instellingen",
    "mbo-instelling",
    "mbo-inschrijving",
    "mbo-kandidaat",
    "extraneus",
    "formatieve",
    "summatieve",
    "examenproducten",
    "Ledenvergadering",
    "ledenraadpleging",
    "ISK-organisatie",
)


def voor_score(tekst: str) -> str:
    for term in VAKTERMEN:
        tekst = re.sub(rf"[\w-]*{re.escape(term)}[\w-]*", "term", tekst, flags=re.IGNORECASE)
    return tekst


def zinnen(tekst: str) -> list[str]:
    """Sentences: split after . ! ? followed by a space; 'bijv.'-style abbreviations are not used in our texts."""
    return [z for z in re.split(r"(?<=[.!?])\s+", " ".join(tekst.split())) if z.strip()]


def woorden(zin: str) -> int:
    return len(re.findall(r"[\w'’-]+", zin))


def _teksten() -> list[tuple[str, str]]:
    try:
        return list(teksten(load_policy()))
    except Exception:  # broken policy: `policy check` and tests/test_validatie.py say why
        return []


TEKSTEN = _teksten()


def test_er_zijn_teksten() -> None:
    assert len(TEKSTEN) > 20


@pytest.mark.parametrize(("waar", "tekst"), TEKSTEN, ids=[w for w, _ in TEKSTEN])
def test_b1(waar: str, tekst: str) -> None:
    delen = zinnen(tekst)
    lengtes = [woorden(z) for z in delen]
    te_lang = [z for z, n in zip(delen, lengtes, strict=True) if n > ZIN_MAX]
    assert not te_lang, f"{waar}: zin langer dan {ZIN_MAX} woorden: {te_lang}"
    gemiddeld = sum(lengtes) / len(lengtes)
    assert gemiddeld <= GEMIDDELD_MAX, f"{waar}: gemiddeld {gemiddeld:.1f} woorden per zin (max {GEMIDDELD_MAX})"
    if sum(lengtes) >= 4:  # the score means nothing for a three-word title
        score = textstat.flesch_reading_ease(voor_score(tekst))
        assert score >= FLESCH_MIN, f"{waar}: Flesch-Douma {score:.0f} (min {FLESCH_MIN}): {tekst!r}"
