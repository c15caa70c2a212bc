"""The keuzehulp's routing and URL handling, without Streamlit."""

from __future__ import annotations

import pytest

from policy import Beleid, Cel, Doelgroep, Niveau, Vorm
from views import wizard


def test_deep_link_is_read_and_decided(beleid: Beleid) -> None:
    invoer = wizard.lees_querystring(
        beleid, {"doelgroep": "isk", "niveau": "entree", "vorm": "formatief", "ingeschreven": "nee"}
    )
    assert invoer.genegeerd == ()
    uitkomst = wizard.uitkomst(beleid, invoer.antwoorden)
    assert uitkomst is not None
    assert uitkomst is beleid.decide("isk", "entree", "formatief", False)


@pytest.mark.parametrize(
    ("params", "genegeerd"),
    [
        ({"doelgroep": "<script>alert(1)</script>"}, ("Voor welke groep",)),
        ({"niveau": "9", "kleur": "rood"}, ("Product", "1 onbekend onderdeel")),
        ({"vorm": "formatief" * 2000}, ("Soort toets",)),
        ({"wijzig": "<b>x</b>", "a": "1"}, ("2 onbekende onderdelen",)),
    ],
)
def test_bad_input_is_named_not_echoed(beleid: Beleid, params: dict[str, str], genegeerd: tuple[str, ...]) -> None:
    invoer = wizard.lees_querystring(beleid, params)
    assert invoer.genegeerd == genegeerd
    for waarde in params.values():
        assert all(waarde not in tekst for tekst in invoer.genegeerd)


def test_values_are_read_case_insensitively(beleid: Beleid) -> None:
    invoer = wizard.lees_querystring(beleid, {"doelgroep": "ISK ", "ingeschreven": "Nee"})
    assert invoer.antwoorden == {"doelgroep": "isk", "ingeschreven_in_mbo": "nee"}


def test_vmbo_school_gets_its_answer_without_product_questions(beleid: Beleid) -> None:
    antwoorden = {"rol": "vmbo", "ingeschreven_in_mbo": "nee"}
    assert wizard.volgende_vraag(beleid, antwoorden) is None
    assert [v for v, _ in wizard.pad(beleid, antwoorden)] == ["rol", "ingeschreven_in_mbo"]
    uitkomst = wizard.uitkomst(beleid, antwoorden)
    assert uitkomst is not None and uitkomst.toegang.value == "nee"
    # It covers every product and form: the answer is shown "for all products".
    bereik = wizard.bereik(beleid, antwoorden)
    assert {(c.niveau, c.vorm) for c in bereik} == {(n, v) for n in Niveau for v in Vorm}


def test_mbo_institution_is_asked_for_which_group(beleid: Beleid) -> None:
    assert wizard.volgende_vraag(beleid, {}) == "rol"
    assert wizard.volgende_vraag(beleid, {"rol": "mbo-instelling"}) == "doelgroep"
    assert wizard.volgende_vraag(beleid, {"rol": "mbo-instelling", "doelgroep": "isk"}) == "ingeschreven_in_mbo"


def test_rol_decides_the_group_over_a_stale_group_answer(beleid: Beleid) -> None:
    antwoorden = {"rol": "onderwijsroute", "doelgroep": "isk", "ingeschreven_in_mbo": "nee"}
    uitkomst = wizard.uitkomst(beleid, antwoorden)
    assert uitkomst is not None and uitkomst.cel.doelgroep is Doelgroep.onderwijsroute


def test_changing_an_early_answer_keeps_later_ones_that_still_apply(beleid: Beleid) -> None:
    antwoorden = {"doelgroep": "isk", "ingeschreven_in_mbo": "nee", "niveau": "entree", "vorm": "summatief"}
    assert wizard.uitkomst(beleid, antwoorden) is beleid.decide("isk", "entree", "summatief")
    # Switch to Onderwijsroute: niveau and vorm are no longer needed, but they are kept ...
    gewisseld = {**antwoorden, "doelgroep": "onderwijsroute"}
    assert [v for v, _ in wizard.pad(beleid, gewisseld)] == ["doelgroep", "ingeschreven_in_mbo"]
    # ... so switching back gives the same answer without asking again.
    terug = {**gewisseld, "doelgroep": "isk"}
    assert wizard.volgende_vraag(beleid, dict(wizard.pad(beleid, terug))) is None
    assert wizard.uitkomst(beleid, terug) is beleid.decide("isk", "entree", "summatief")


def test_question_count_is_the_longest_route_still_possible(beleid: Beleid) -> None:
    assert wizard.aantal_vragen(beleid, {}) == 5  # rol, doelgroep, ingeschreven, niveau, vorm
    assert wizard.aantal_vragen(beleid, {"rol": "vmbo"}) == 2
    assert wizard.aantal_vragen(beleid, {"rol": "isk"}) == 4


def test_query_string_round_trip(beleid: Beleid) -> None:
    for cel in [Cel(d, n, v, i) for d in Doelgroep for n in Niveau for v in Vorm for i in (False, True)]:
        antwoorden = {
            "doelgroep": cel.doelgroep.value,
            "ingeschreven_in_mbo": "ja" if cel.ingeschreven_in_mbo else "nee",
            "niveau": cel.niveau.value,
            "vorm": cel.vorm.value,
        }
        params = wizard.als_querystring(antwoorden)
        invoer = wizard.lees_querystring(beleid, params)
        uitkomst = wizard.uitkomst(beleid, invoer.antwoorden)
        assert uitkomst is not None
        assert uitkomst.regel is beleid.decide(*cel).regel
