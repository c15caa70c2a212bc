"""The keuzehulp's state (`views.wizard.stand`) read from a URL, without Streamlit."""

from __future__ import annotations

import pytest

from policy import Beleid, Doelgroep
from policy.domain import alle_cellen, ja_nee
from views import wizard


def test_deep_link_is_read_and_decided(beleid: Beleid) -> None:
    stand = wizard.stand(beleid, {"doelgroep": "isk", "niveau": "entree", "vorm": "formatief", "ingeschreven": "nee"})
    assert stand.genegeerd == ()
    assert stand.beslissing is beleid.decide("isk", "entree", "formatief", False)


@pytest.mark.parametrize(
    ("params", "genegeerd"),
    [
        ({"doelgroep": "<script>alert(1)</script>"}, ("vraag:doelgroep",)),
        ({"niveau": "9", "kleur": "rood"}, ("vraag:niveau", "1 onbekend onderdeel")),
        ({"vorm": "formatief" * 2000}, ("vraag:vorm",)),
        ({"wijzig": "<b>x</b>", "a": "1"}, ("2 onbekende onderdelen",)),
    ],
)
def test_bad_input_is_named_not_echoed(beleid: Beleid, params: dict[str, str], genegeerd: tuple[str, ...]) -> None:
    """A bad value is named by its question's short name (`vraag:<id>` here), unknown keys only counted."""
    stand = wizard.stand(beleid, params)
    namen = tuple(beleid.vraag(n.removeprefix("vraag:")).kort if n.startswith("vraag:") else n for n in genegeerd)
    assert stand.genegeerd == namen
    for waarde in params.values():
        assert all(waarde not in tekst for tekst in stand.genegeerd)


def test_values_are_read_case_insensitively(beleid: Beleid) -> None:
    stand = wizard.stand(beleid, {"doelgroep": "ISK ", "ingeschreven": "Nee"})
    assert dict(stand.antwoorden) == {"doelgroep": "isk", "ingeschreven_in_mbo": "nee"}


def test_rol_decides_the_group_over_a_stale_group_answer(beleid: Beleid) -> None:
    stand = wizard.stand(beleid, {"rol": "onderwijsroute", "doelgroep": "isk", "ingeschreven": "nee"})
    assert stand.beslissing is not None and stand.beslissing.cel.doelgroep is Doelgroep.onderwijsroute


def test_answering_rol_again_drops_the_group_answer(beleid: Beleid) -> None:
    stand = wizard.stand(beleid, {"rol": "mbo-instelling", "doelgroep": "isk", "ingeschreven": "nee"})
    assert "doelgroep" not in wizard.stand(beleid, stand.met_antwoord("rol", "isk")).query()


def test_changing_an_early_answer_keeps_later_ones_that_still_apply(beleid: Beleid) -> None:
    params = {"doelgroep": "isk", "ingeschreven": "nee", "niveau": "entree", "vorm": "summatief"}
    # Switch to Onderwijsroute: niveau and vorm are no longer asked, but they stay in the URL ...
    gewisseld = wizard.stand(beleid, {**params, "doelgroep": "onderwijsroute"})
    assert [v for v, _ in gewisseld.route] == ["doelgroep", "ingeschreven_in_mbo"]
    # ... so switching back gives the same answer without asking again.
    terug = wizard.stand(beleid, {**params, "doelgroep": "isk"})
    assert terug.beslissing is beleid.decide("isk", "entree", "summatief")


def test_change_link_asks_that_question_with_the_others_kept(beleid: Beleid) -> None:
    stand = wizard.stand(beleid, {"rol": "isk", "ingeschreven": "nee", "niveau": "entree", "vorm": "formatief"})
    wijzig = wizard.stand(beleid, stand.wijzig_query("niveau"))
    assert wijzig.vraag == "niveau" and wijzig.beslissing is None
    assert wijzig.antwoorden["vorm"] == "formatief"
    assert wijzig.vorige == {
        "rol": "isk",
        "ingeschreven": "nee",
        "niveau": "entree",
        "vorm": "formatief",
        "versie": beleid.besluit.id,
        "wijzig": "ingeschreven",
    }


def test_a_change_link_off_the_route_is_ignored(beleid: Beleid) -> None:
    stand = wizard.stand(beleid, {"rol": "vmbo", "ingeschreven": "nee", "wijzig": "niveau"})
    assert stand.wijzig is None and stand.beslissing is not None
    assert stand.genegeerd == (beleid.vraag("niveau").kort,)


def test_first_question_has_no_back_link(beleid: Beleid) -> None:
    stand = wizard.stand(beleid, {})
    assert stand.vraag == "rol" and stand.vorige is None
    assert stand.voortgang.startswith("Vraag 1 van ")


def test_query_string_round_trip(beleid: Beleid) -> None:
    for cel in alle_cellen():
        params = {
            "doelgroep": cel.doelgroep.value,
            "ingeschreven": ja_nee(cel.ingeschreven_in_mbo),
            "niveau": cel.niveau.value,
            "vorm": cel.vorm.value,
        }
        stand = wizard.stand(beleid, params)
        assert stand.beslissing is not None
        assert stand.beslissing.regel is beleid.decide(*cel).regel
        opnieuw = wizard.stand(beleid, stand.query())
        assert opnieuw.route == stand.route and opnieuw.beslissing is stand.beslissing


def test_off_route_answers_survive_a_change_link(beleid: Beleid) -> None:
    """ISK -> Onderwijsroute (niveau and vorm off the route) -> change the group again: they are still there."""
    params = {"rol": "mbo-instelling", "doelgroep": "onderwijsroute", "ingeschreven": "nee", "niveau": "3"}
    stand = wizard.stand(beleid, params)
    assert [v for v, _ in stand.route] == ["rol", "doelgroep", "ingeschreven_in_mbo"]
    assert wizard.stand(beleid, stand.wijzig_query("doelgroep")).antwoorden["niveau"] == "3"
    assert "niveau" not in stand.link(), "the shared link holds only the route"
