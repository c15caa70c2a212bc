"""The presentation: its screens come from the policy, and it runs start to end by button and by URL."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from policy import Beleid, Doelgroep, Toegang
from policy.checks import normaliseer
from tests.conftest import open_pagina
from views.presentatie import (
    GROEPEN,
    groepsrij,
    matrix_figuur,
    positie,
    regie_voorwaarden,
    scherm_nummer,
    schermen,
    tijdlijn_figuur,
    uitgelichte_rij,
)
from views.teksten import TOEGANG_LABEL, TOEGANG_SYMBOOL


def test_sequence_is_built_from_policy(beleid: Beleid) -> None:
    lijst = schermen(beleid)
    assert [s.soort for s in lijst] == [
        "aanleiding",
        "proces",
        "kern",
        "groep",
        "groep",
        "groep",
        "regie",
        "doelen",
        "afsluiting",
    ]
    assert len({s.id for s in lijst}) == len(lijst)
    b = beleid.besluit
    aanleiding, proces, kern = lijst[:3]
    assert aanleiding.titel == b.aanleiding.titel and aanleiding.citaten == b.aanleiding.bronnen
    assert proces.stappen == b.proces
    assert [s.wanneer for s in proces.stappen] == ["november 2025", "na november 2025", "26 maart 2026"]
    assert kern.citaten == b.kern
    assert lijst[7].punten and [p.titel for p in lijst[7].punten] == [d.titel for d in b.doelen]


def test_one_screen_per_group_with_its_row(beleid: Beleid) -> None:
    groepen = [s for s in schermen(beleid) if s.soort == "groep"]
    assert [s.doelgroep for s in groepen] == [Doelgroep.vmbo, Doelgroep.isk, Doelgroep.onderwijsroute]
    for scherm in groepen:
        assert scherm.doelgroep is not None
        verwacht = [b for b in beleid.matrix(ingeschreven_in_mbo=False) if b.cel.doelgroep == scherm.doelgroep]
        assert list(scherm.rij) == verwacht == groepsrij(beleid, scherm.doelgroep)
        assert len(scherm.rij) == 8
        assert scherm.titel == beleid.label("doelgroep", scherm.doelgroep)
        assert scherm.redenen and all(r in {b.reden for b in scherm.rij} for r in scherm.redenen)
        assert scherm.citaten


def test_highlighted_row_of_the_figure_matches_the_matrix(beleid: Beleid) -> None:
    for doelgroep in GROEPEN:
        fig = matrix_figuur(beleid, uitgelicht=doelgroep)
        verwacht = [f"{TOEGANG_SYMBOOL[b.toegang]} {TOEGANG_LABEL[b.toegang]}" for b in groepsrij(beleid, doelgroep)]
        assert uitgelichte_rij(fig) == verwacht
    isk = [b.toegang for b in groepsrij(beleid, Doelgroep.isk)]
    assert isk == [Toegang.ja] + [Toegang.nee] * 7  # only formative Entree


def test_regie_screen_shows_the_three_conditions(beleid: Beleid) -> None:
    assert [v.id for v in regie_voorwaarden(beleid)] == [
        "via_mbo_instelling",
        "geen_rechtstreekse_levering",
        "instelling_beslist_zelf",
    ]
    regie = next(s for s in schermen(beleid) if s.soort == "regie")
    assert [p.titel for p in regie.punten] == [v.titel for v in regie_voorwaarden(beleid)]
    assert all(p.bronnen for p in regie.punten)


def test_every_quote_on_screen_is_verbatim(beleid: Beleid) -> None:
    for scherm in schermen(beleid):
        bronnen = [*scherm.citaten, *(b for p in scherm.punten for b in p.bronnen)]
        bronnen += [b for stap in scherm.stappen for b in stap.bronnen]
        for bron in bronnen:
            assert normaliseer(bron.citaat) in beleid.alineas[bron.alinea], (scherm.id, bron.citaat)


def test_timeline_figure_shows_every_step(beleid: Beleid) -> None:
    fig = tijdlijn_figuur(beleid.besluit.proces)
    teksten = " ".join(str(a.text) for a in fig.layout.annotations)
    for stap in beleid.besluit.proces:
        assert stap.wanneer in teksten


@pytest.mark.parametrize(
    ("waarde", "verwacht"),
    [
        ("3", 3),
        ("9", 9),
        (" 2 ", 2),
        (["4"], 4),
        (None, 1),
        ("", 1),
        ("0", 1),
        ("10", 1),
        ("-1", 1),
        ("abc", 1),
        ("3.5", 1),
        ("٣", 1),
        ("1e3", 1),
        ("9" * 200, 1),
    ],
)
def test_screen_number_from_url_falls_back_to_one(waarde: object, verwacht: int) -> None:
    assert scherm_nummer(waarde, 9) == verwacht


def test_position_text() -> None:
    assert positie(3, 9) == "Scherm 3 van 9"


# --- the page -------------------------------------------------------------------------------------


def _pagina(scherm: str | None = None) -> AppTest:
    at = open_pagina("presentatie", {"scherm": scherm} if scherm is not None else None)
    assert not at.exception, at.exception
    return at


def _positie(at: AppTest) -> str:
    return next(m.value for m in at.markdown if m.value.startswith("**Scherm "))


def test_page_runs_start_to_end_by_button(beleid: Beleid) -> None:
    aantal = len(schermen(beleid))
    at = _pagina()
    assert _positie(at) == f"**Scherm 1 van {aantal}**"
    assert at.button(key="pres-vorige").disabled
    for nummer in range(2, aantal + 1):
        at.button(key="pres-volgende").click()
        at.run()
        assert not at.exception, at.exception
        assert _positie(at) == f"**Scherm {nummer} van {aantal}**"
        assert at.query_params["scherm"] == str(nummer)
    assert at.button(key="pres-volgende").disabled
    at.button(key="pres-vorige").click()
    at.run()
    assert _positie(at) == f"**Scherm {aantal - 1} van {aantal}**"


@pytest.mark.parametrize("scherm", ["1", "2", "3", "4", "5", "6", "7", "8", "9"])
def test_page_opens_every_screen_by_url(scherm: str) -> None:
    at = _pagina(scherm)
    assert _positie(at) == f"**Scherm {scherm} van 9**"


@pytest.mark.parametrize("scherm", ["0", "42", "abc", "<script>", "-3"])
def test_page_falls_back_to_first_screen(scherm: str) -> None:
    at = _pagina(scherm)
    assert _positie(at) == "**Scherm 1 van 9**"
    assert at.query_params["scherm"] == "1"
    assert "script" not in " ".join(m.value for m in at.markdown)
