"""The keuzehulp page in AppTest: every route clicked to its outcome, change links, deep links, bad links."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from streamlit.testing.v1 import AppTest

from policy import Beleid, Doelgroep, Niveau, Vorm, load_policy
from tests.conftest import open_pagina
from views import wizard
from views.teksten import TOEGANG_LABEL, TOEGANG_SYMBOOL


def open_keuzehulp(params: dict[str, str] | None = None) -> AppTest:
    at = open_pagina("keuzehulp", params)
    assert not at.exception, at.exception
    return at


def kop(at: AppTest) -> str | None:
    return at.subheader[0].value if len(at.subheader) else None


def verwacht_kop(beleid: Beleid, doelgroep: str, niveau: str, vorm: str, ingeschreven: bool) -> str:
    toegang = beleid.decide(doelgroep, niveau, vorm, ingeschreven).toegang
    return f"{TOEGANG_SYMBOOL[toegang]} {TOEGANG_LABEL[toegang]}"


def beantwoord(at: AppTest, waarde: str) -> None:
    # AppTest compares radio options by their shown label; find the label of this value.
    vraag = next(v for v in load_policy().vragen if v.tekst == at.radio[0].label)
    at.radio[0].set_value(next(o.label for o in vraag.opties if o.waarde == waarde))
    _volgende(at)
    assert not at.exception, at.exception


def _volgende(at: AppTest) -> None:
    next(b for b in at.button if b.label == "Volgende").click().run()


def routes(beleid: Beleid) -> Iterator[dict[str, str]]:
    """Every route through the questions, as the answers given in order."""
    stapels: list[dict[str, str]] = [{}]
    while stapels:
        antwoorden = stapels.pop()
        vraag = wizard.volgende_vraag(beleid, antwoorden)
        if vraag is None:
            yield antwoorden
            continue
        for optie in beleid.vraag(vraag).opties:
            stapels.append({**antwoorden, vraag: optie.waarde})


def test_every_route_reaches_the_policy_answer(beleid: Beleid) -> None:
    alle = list(routes(beleid))
    assert len(alle) > 20
    for route in alle:
        at = open_keuzehulp()
        for vraag, waarde in route.items():
            assert at.radio[0].label == beleid.vraag(vraag).tekst, route
            beantwoord(at, waarde)
        doelgroep = route.get("doelgroep") or next(
            o.doelgroep.value for o in beleid.vraag("rol").opties if o.waarde == route["rol"] and o.doelgroep
        )
        # Questions not asked may take any value: the route promises the answer holds for all of them.
        for niveau in [route["niveau"]] if "niveau" in route else [n.value for n in Niveau]:
            for vorm in [route["vorm"]] if "vorm" in route else [v.value for v in Vorm]:
                verwacht = verwacht_kop(beleid, doelgroep, niveau, vorm, route["ingeschreven_in_mbo"] == "ja")
                assert kop(at) == verwacht, route
        assert len(at.radio) == 0


def test_vmbo_school_is_not_asked_about_product(beleid: Beleid) -> None:
    at = open_keuzehulp()
    beantwoord(at, "vmbo")
    assert at.caption[0].value == "Vraag 2 van 2"
    beantwoord(at, "nee")
    assert kop(at) == "✗ Nee"
    assert any("alle producten" in c.value for c in at.caption)


@pytest.mark.parametrize("doelgroep", [d.value for d in Doelgroep])
def test_deep_links_open_on_the_answer(beleid: Beleid, doelgroep: str) -> None:
    for ingeschreven in ("ja", "nee"):
        for niveau in Niveau:
            for vorm in Vorm:
                at = open_keuzehulp(
                    {"doelgroep": doelgroep, "ingeschreven": ingeschreven, "niveau": niveau.value, "vorm": vorm.value}
                )
                assert kop(at) == verwacht_kop(beleid, doelgroep, niveau.value, vorm.value, ingeschreven == "ja")
                assert not [i for i in at.info if i.value.startswith("Een deel van de link")], "clean link, no warning"


def test_answer_shows_conditions_quotes_basis_and_share_link(beleid: Beleid) -> None:
    at = open_keuzehulp({"doelgroep": "isk", "niveau": "entree", "vorm": "summatief", "ingeschreven": "nee"})
    d = beleid.decide("isk", "entree", "summatief")
    tekst = "\n".join(m.value for m in at.markdown)
    assert "Dit staat niet letterlijk in het bericht over het besluit, maar volgt eruit." in tekst
    for bron in d.bronnen:
        assert f"> {bron.citaat}" in tekst
    assert "Als het gaat om formatief: **Ja**" in tekst
    assert at.code[0].value.endswith("?doelgroep=isk&ingeschreven=nee&niveau=entree&vorm=summatief")
    ja = open_keuzehulp({"doelgroep": "isk", "niveau": "entree", "vorm": "formatief", "ingeschreven": "nee"})
    ja_tekst = "\n".join(m.value for m in ja.markdown)
    for voorwaarde in beleid.decide("isk", "entree", "formatief").voorwaarden:
        assert voorwaarde.titel in ja_tekst


def test_change_link_keeps_later_answers(beleid: Beleid) -> None:
    at = open_keuzehulp({"doelgroep": "isk", "ingeschreven": "nee", "niveau": "entree", "vorm": "formatief"})
    assert kop(at) == "✓ Ja"
    at.button(key="wijzig-niveau").click().run()
    assert at.radio[0].label == beleid.vraag("niveau").tekst
    assert at.radio[0].value == "entree", "the current answer is preselected"
    beantwoord(at, "3")
    assert kop(at) == verwacht_kop(beleid, "isk", "3", "formatief", False)
    # The vorm answer was kept: changing back to Entree needs no new question.
    at.button(key="wijzig-niveau").click().run()
    beantwoord(at, "entree")
    assert kop(at) == "✓ Ja"
    assert at.query_params["vorm"] == "formatief"


def test_back_link_and_restart(beleid: Beleid) -> None:
    at = open_keuzehulp()
    beantwoord(at, "isk")
    beantwoord(at, "nee")
    assert at.radio[0].label == beleid.vraag("niveau").tekst
    next(b for b in at.button if b.label == "← Vorige vraag").click().run()
    assert at.radio[0].label == beleid.vraag("ingeschreven_in_mbo").tekst
    assert at.radio[0].value == "nee"
    next(b for b in at.button if b.label == "Opnieuw beginnen").click().run()
    assert at.radio[0].label == beleid.vraag("rol").tekst
    assert dict(at.query_params) == {}


def test_submitting_without_choice_asks_again() -> None:
    at = open_keuzehulp()
    _volgende(at)
    assert at.error[0].value == "Kies eerst een antwoord."
    assert at.caption[0].value == "Vraag 1 van 5"


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
    verwacht = wizard.volgende_vraag(beleid, wizard.lees_querystring(beleid, params).antwoorden)
    assert at.radio[0].label == beleid.vraag(verwacht).tekst
