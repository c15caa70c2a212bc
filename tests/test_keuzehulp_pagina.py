"""The keuzehulp page in AppTest: a few walks through the page. Routes and answers are specified in
tests/routes.yaml and tests/test_routes.py; this file checks that the page shows what `wizard.stand` says."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from policy import Beleid
from tests.conftest import open_pagina
from views import wizard
from views.uitleg import uitleg


def open_keuzehulp(params: dict[str, str] | None = None) -> AppTest:
    at = open_pagina("keuzehulp", params)
    assert not at.exception, at.exception
    return at


def koppen(at: AppTest) -> list[str]:
    return [h.value for h in at.header]


def beantwoord(at: AppTest, beleid: Beleid, waarde: str) -> None:
    # AppTest compares radio options by their shown label; find the label of this value.
    vraag = next(v for v in beleid.vragen if v.tekst == at.radio[0].label)
    at.radio[0].set_value(next(o.label for o in vraag.opties if o.waarde == waarde))
    next(b for b in at.button if b.label == "Volgende").click().run()
    assert not at.exception, at.exception


def test_a_walk_asks_each_question_with_its_progress_and_ends_on_the_answer(beleid: Beleid) -> None:
    at = open_keuzehulp()
    antwoorden = {"rol": "isk", "ingeschreven_in_mbo": "nee", "niveau": "entree", "vorm": "formatief"}
    gegeven: dict[str, str] = {}
    for vraag, waarde in antwoorden.items():
        stand = wizard.stand(beleid, {wizard.URL_SLEUTEL[k]: v for k, v in gegeven.items()})
        assert at.radio[0].label == beleid.vraag(vraag).tekst
        assert stand.voortgang in [c.value for c in at.caption]
        assert beleid.vraag(vraag).tekst in koppen(at), "the question is the page's heading (focus lands there)"
        beantwoord(at, beleid, waarde)
        gegeven[vraag] = waarde
    u = uitleg(beleid, beleid.decide("isk", "entree", "formatief"))
    assert koppen(at)[0] == u.kop
    assert len(at.radio) == 0
    verwacht = {"rol": "isk", "ingeschreven": "nee", "niveau": "entree", "vorm": "formatief"}
    assert dict(at.query_params) == {**verwacht, "versie": beleid.besluit.id}, "the address is pinned to the decision"


def test_the_answer_page_shows_the_explanation(beleid: Beleid) -> None:
    params = {"doelgroep": "isk", "ingeschreven": "nee", "niveau": "entree", "vorm": "summatief"}
    at = open_keuzehulp(params)
    stand = wizard.stand(beleid, params)
    assert stand.beslissing is not None
    u = uitleg(beleid, stand.beslissing, stand.cellen)
    tekst = "\n".join(m.value for m in at.markdown).replace("\\", "")
    assert u.basis_label in tekst
    for citaat in u.citaten:
        assert citaat.tekst in tekst and f"besluit?alinea={citaat.alinea}" in tekst
    for verandering in u.veranderingen:
        assert verandering.tekst in tekst
    assert "☐" not in tekst, "conditions are not checkboxes"
    deel = "\n".join(str(h.proto.body) for h in at.get("html"))
    assert stand.link() in deel.replace("&amp;", "&"), "the share link is shown as text"
    assert not at.get("code"), "no code block (it pulls a syntax highlighter into the browser)"


def test_change_buttons_are_named_after_their_question_and_keep_the_other_answers(beleid: Beleid) -> None:
    at = open_keuzehulp({"rol": "isk", "ingeschreven": "nee", "niveau": "entree", "vorm": "formatief"})
    labels = [b.label for b in at.button if b.label.startswith("Wijzig")]
    assert labels == [
        f"Wijzig: {beleid.vraag(v).kort.lower()}" for v in ("rol", "ingeschreven_in_mbo", "niveau", "vorm")
    ]
    at.button(key="wijzig-niveau").click().run()
    assert at.radio[0].label == beleid.vraag("niveau").tekst
    assert at.radio[0].value == "entree", "the current answer is preselected"
    beantwoord(at, beleid, "3")
    assert koppen(at)[0] == uitleg(beleid, beleid.decide("isk", "3", "formatief")).kop
    assert at.query_params["vorm"] == "formatief", "the later answer is kept"


def test_back_link_and_restart(beleid: Beleid) -> None:
    at = open_keuzehulp({"rol": "isk", "ingeschreven": "nee"})
    assert at.radio[0].label == beleid.vraag("niveau").tekst
    next(b for b in at.button if b.label == "← Vorige vraag").click().run()
    assert at.radio[0].label == beleid.vraag("ingeschreven_in_mbo").tekst
    assert at.radio[0].value == "nee"
    next(b for b in at.button if b.label == "Opnieuw beginnen").click().run()
    assert at.radio[0].label == beleid.vraag("rol").tekst
    assert dict(at.query_params) == {"versie": beleid.besluit.id}, "starting again keeps the decision"


def test_submitting_without_choice_asks_again(beleid: Beleid) -> None:
    at = open_keuzehulp()
    next(b for b in at.button if b.label == "Volgende").click().run()
    assert at.error[0].value == "Kies eerst een antwoord."
    assert wizard.stand(beleid, {}).voortgang in [c.value for c in at.caption]


@pytest.mark.parametrize(
    "params",
    [
        {"doelgroep": "<script>alert(1)</script>", "niveau": "entree"},
        {"doelgroep": "isk", "niveau": "x" * 10_000},
        {"doelgroep": "isk", "vorm": "[klik](javascript:alert(1))", "onbekend": "<img src=x onerror=alert(1)>"},
    ],
)
def test_bad_links_are_named_not_echoed_and_the_first_missing_question_is_asked(
    beleid: Beleid, params: dict[str, str]
) -> None:
    at = open_keuzehulp(params)
    melding = at.info[0].value
    assert melding.startswith("Een deel van de link konden we niet gebruiken.")
    for waarde in params.values():
        assert waarde[:20] not in melding
        assert all(waarde[:20] not in m.value for m in at.markdown)
    assert len(at.radio) == 1
    verwacht = wizard.stand(beleid, params).vraag
    assert verwacht is not None and at.radio[0].label == beleid.vraag(verwacht).tekst
