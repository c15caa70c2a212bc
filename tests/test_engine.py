"""The public API: decide, matrix, the wizard's next question, neighbours, immutability."""

from __future__ import annotations

import pydantic
import pytest

from policy import Basis, Beleid, Doelgroep, Niveau, Toegang, Vorm, load_policy
from policy.checks import alineas, normaliseer


def test_public_api_example(beleid: Beleid) -> None:
    d = beleid.decide(doelgroep="isk", niveau="entree", vorm="formatief", ingeschreven_in_mbo=False)
    assert d.toegang.value == "ja"
    assert {v.id for v in d.voorwaarden} >= {
        "via_mbo_instelling",
        "geen_rechtstreekse_levering",
        "instelling_beslist_zelf",
    }
    assert all(b.citaat for b in d.bronnen)


@pytest.mark.parametrize(
    ("argumenten", "fragment"),
    [
        ({"doelgroep": "havo", "niveau": "2", "vorm": "formatief"}, "mbo, vmbo, isk, onderwijsroute, anders"),
        ({"doelgroep": "isk", "niveau": "5", "vorm": "formatief"}, "entree, 2, 3, 4"),
        ({"doelgroep": "isk", "niveau": "2", "vorm": "mondeling"}, "formatief, summatief"),
    ],
)
def test_unknown_values_raise_dutch_error_listing_valid_values(
    beleid: Beleid, argumenten: dict[str, str], fragment: str
) -> None:
    with pytest.raises(ValueError, match="Kies uit") as info:
        beleid.decide(argumenten["doelgroep"], argumenten["niveau"], argumenten["vorm"])
    assert fragment in str(info.value)
    assert "Onbekende" in str(info.value)


def test_decide_accepts_enums_numbers_and_case(beleid: Beleid) -> None:
    a = beleid.decide(Doelgroep.onderwijsroute, Niveau.n3, Vorm.summatief)
    b = beleid.decide("Onderwijsroute", 3, "SUMMATIEF")
    assert a is b


def test_every_cell_and_faq_entry_rests_on_a_quote(beleid: Beleid) -> None:
    tekst = alineas(beleid.brontekst)
    for d in beleid.matrix():
        assert d.bronnen, d.cel
        for bron in d.bronnen:
            assert normaliseer(bron.citaat) in tekst[bron.alinea]
    for vraag in beleid.faq:
        # Background answers carry a named source instead, and no quote (they are not the decision).
        assert vraag.bronnen or (vraag.basis is Basis.achtergrond and vraag.toelichting_bron), vraag.id
        for bron in vraag.bronnen:
            assert normaliseer(bron.citaat) in tekst[bron.alinea]


def test_every_yes_for_isk_and_onderwijsroute_carries_the_regie_conditions(beleid: Beleid) -> None:
    regie = {"via_mbo_instelling", "geen_rechtstreekse_levering"}  # alinea 6: "altijd"
    for d in beleid.matrix():
        if d.cel.doelgroep in (Doelgroep.isk, Doelgroep.onderwijsroute) and d.toegang is Toegang.ja:
            ids = {v.id for v in d.voorwaarden}
            assert regie <= ids, d.cel
            # Cooperation is the way in only for a candidate who is not in the mbo already.
            assert ("instelling_beslist_zelf" in ids) is (not d.cel.ingeschreven_in_mbo), d.cel


def test_faq_and_glossary_are_big_enough(beleid: Beleid) -> None:
    assert len(beleid.faq) >= 15
    nodig = {
        "cem",
        "alv",
        "ledenraadpleging",
        "mbo-raad",
        "mbo-instelling",
        "vmbo",
        "isk",
        "onderwijsroute",
        "entree",
        "niveau-2-4",
        "formatief",
        "summatief",
        "examenproduct",
        "extraneus",
        "regie",
    }
    assert nodig <= {b.id for b in beleid.begrippen}


@pytest.mark.parametrize(
    ("antwoorden", "volgende"),
    [
        ({}, "doelgroep"),
        ({"doelgroep": "vmbo"}, "ingeschreven_in_mbo"),
        ({"doelgroep": "vmbo", "ingeschreven_in_mbo": "nee"}, None),
        ({"doelgroep": "isk", "ingeschreven_in_mbo": False}, "niveau"),
        ({"doelgroep": "isk", "ingeschreven_in_mbo": False, "niveau": "entree"}, "vorm"),
        ({"doelgroep": "isk", "ingeschreven_in_mbo": False, "niveau": "3"}, None),
        ({"doelgroep": "onderwijsroute", "ingeschreven_in_mbo": "nee"}, None),
        ({"doelgroep": "anders", "ingeschreven_in_mbo": "ja"}, None),
    ],
)
def test_wizard_asks_only_what_the_answer_still_needs(
    beleid: Beleid, antwoorden: dict[str, object], volgende: str | None
) -> None:
    assert beleid.volgende_vraag(antwoorden) == volgende
    assert (beleid.bepaal(antwoorden) is None) == (volgende is not None)


def test_partial_answer_equals_full_answer(beleid: Beleid) -> None:
    gedeeltelijk = beleid.bepaal({"doelgroep": "vmbo", "ingeschreven_in_mbo": "nee"})
    assert gedeeltelijk is not None
    for niveau in Niveau:
        for vorm in Vorm:
            assert beleid.decide("vmbo", niveau, vorm).regel is gedeeltelijk.regel


def test_partial_answers_reject_unknown_values(beleid: Beleid) -> None:
    with pytest.raises(ValueError, match="Kies uit: ja, nee"):
        beleid.volgende_vraag({"doelgroep": "isk", "ingeschreven_in_mbo": "misschien"})
    with pytest.raises(ValueError, match="Onbekende vraag"):
        beleid.volgende_vraag({"kleur": "rood"})


def test_policy_is_immutable_and_loaded_once(beleid: Beleid) -> None:
    assert load_policy() is beleid
    with pytest.raises(pydantic.ValidationError):
        beleid.regels[0].toegang = Toegang.ja  # type: ignore[misc]
    assert isinstance(beleid.regels, tuple)


def test_labels_come_from_the_question_texts(beleid: Beleid) -> None:
    assert beleid.label("niveau", "2") == "Niveau 2"
    assert beleid.label("ingeschreven_in_mbo", True).startswith("Ja")


def test_metadata(beleid: Beleid) -> None:
    b = beleid.besluit
    assert b.datum.isoformat() == "2026-03-26"
    assert b.status == "vastgesteld"
    assert next(s.wanneer for s in b.proces) == "november 2025"
    assert len(b.doelen) == 3
