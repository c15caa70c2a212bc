"""'Wat als': comparing two policies, building a scenario file, and the scenario page."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from streamlit.testing.v1 import AppTest

from policy import Beleid, Cel, Doelgroep, Niveau, Toegang, Vorm, laad_met_waarschuwingen, load_policy
from policy.domain import alle_cellen
from policy.scenario import (
    als_yaml,
    maak_scenario,
    regels_zonder_bron,
    scenario_beleid,
    scenario_regel_id,
    vergelijk,
)
from tests.conftest import open_pagina

ROOT = Path(__file__).parent.parent
ISK_ENTREE_SUMMATIEF = Cel(Doelgroep.isk, Niveau.entree, Vorm.summatief, False)
REGIE = ["via_mbo_instelling", "geen_rechtstreekse_levering", "instelling_beslist_zelf"]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "policy", *args], cwd=ROOT, capture_output=True, text=True, timeout=60)


def _schrijf(tmp_path: Path, beleid: Beleid, wijzigingen: dict[Cel, Toegang]) -> Path:
    pad = tmp_path / "scenario.yaml"
    pad.write_text(als_yaml(maak_scenario(beleid, wijzigingen)), encoding="utf-8")
    return pad


def test_no_change_gives_no_difference(beleid: Beleid) -> None:
    assert vergelijk(beleid, beleid) == []
    assert vergelijk(beleid, scenario_beleid(beleid, {})) == []


def test_setting_a_cell_to_its_own_answer_is_no_change(beleid: Beleid) -> None:
    zelfde = {ISK_ENTREE_SUMMATIEF: beleid.decide(*ISK_ENTREE_SUMMATIEF).toegang}
    assert vergelijk(beleid, scenario_beleid(beleid, zelfde)) == []


def test_one_changed_cell_gives_exactly_one_difference(beleid: Beleid) -> None:
    scenario = scenario_beleid(beleid, {ISK_ENTREE_SUMMATIEF: Toegang.ja})
    verschillen = vergelijk(beleid, scenario)
    assert len(verschillen) == 1
    (v,) = verschillen
    assert v.cel == ISK_ENTREE_SUMMATIEF
    assert v.oud.toegang == Toegang.nee and v.nieuw.toegang == Toegang.ja
    assert v.oud.regel.id == "isk_entree_summatief"
    assert v.nieuw.regel.id == scenario_regel_id(ISK_ENTREE_SUMMATIEF)
    # Same basis (both derived, not in the text), new conditions: the regie of the mbo-instelling.
    assert v.velden == ("toegang", "voorwaarden")
    assert v.als_dict()["nieuw"]["voorwaarden"] == REGIE  # type: ignore[index]


def test_change_inside_a_large_rule_splits_it_without_gaps(beleid: Beleid) -> None:
    cel = Cel(Doelgroep.onderwijsroute, Niveau.n3, Vorm.summatief, False)
    scenario = scenario_beleid(beleid, {cel: Toegang.nee})
    assert [v.cel for v in vergelijk(beleid, scenario)] == [cel]
    for andere in alle_cellen():
        if andere != cel:
            assert scenario.decide(*andere).toegang == beleid.decide(*andere).toegang


def test_scenario_never_changes_the_shared_policy(beleid: Beleid) -> None:
    voor = [b.als_dict() for b in beleid.matrix()]
    scenario_beleid(beleid, {c: Toegang.buiten_kader for c in alle_cellen()[:20]})
    assert [b.als_dict() for b in load_policy().matrix()] == voor
    assert load_policy().besluit.status == "vastgesteld"


def test_required_conditions_are_added_for_a_new_yes_for_isk(beleid: Beleid) -> None:
    cel = Cel(Doelgroep.isk, Niveau.n4, Vorm.summatief, False)
    assert beleid.decide(*cel).toegang == Toegang.nee
    assert [v.id for v in scenario_beleid(beleid, {cel: Toegang.ja}).decide(*cel).voorwaarden] == REGIE


def test_required_conditions_are_added_for_a_new_yes_for_onderwijsroute(beleid: Beleid) -> None:
    # Onderwijsroute is "ja" everywhere: first take a cell away, then give it back from that scenario.
    cel = Cel(Doelgroep.onderwijsroute, Niveau.n2, Vorm.formatief, False)
    zonder = scenario_beleid(beleid, {cel: Toegang.nee})
    assert zonder.decide(*cel).voorwaarden == ()
    terug = scenario_beleid(zonder, {cel: Toegang.ja})
    assert [v.id for v in terug.decide(*cel).voorwaarden] == REGIE
    assert vergelijk(beleid, terug)[0].velden == ("basis",)  # the answer is back, but without a source


def test_scenario_file_round_trips(beleid: Beleid, tmp_path: Path) -> None:
    wijzigingen = {
        ISK_ENTREE_SUMMATIEF: Toegang.ja,
        Cel(Doelgroep.vmbo, Niveau.n2, Vorm.formatief, False): Toegang.ja,
        Cel(Doelgroep.anders, Niveau.entree, Vorm.formatief, False): Toegang.nee,
    }
    pad = _schrijf(tmp_path, beleid, wijzigingen)
    geladen, waarschuwingen = laad_met_waarschuwingen(pad)
    assert geladen.besluit.status == "scenario"
    for cel in alle_cellen():
        assert geladen.decide(*cel).toegang == wijzigingen.get(cel, beleid.decide(*cel).toegang), cel
    assert {v.cel for v in vergelijk(beleid, geladen)} == set(wijzigingen)
    # Every rule without a source is named in a warning, and only those.
    nieuwe = {scenario_regel_id(c) for c in wijzigingen}
    assert set(regels_zonder_bron(geladen.bestand)) == nieuwe
    genoemd = {w.entry for w in waarschuwingen}
    assert genoemd == nieuwe
    assert all("nog geen bron" in w.melding for w in waarschuwingen)
    # The vmbo "ja" has no regie conditions of its own; ISK "ja" does.
    assert [v.id for v in geladen.decide(*ISK_ENTREE_SUMMATIEF).voorwaarden] == REGIE


def test_scenario_file_says_it_is_a_scenario(beleid: Beleid) -> None:
    tekst = als_yaml(maak_scenario(beleid, {ISK_ENTREE_SUMMATIEF: Toegang.ja}))
    assert "geen vastgesteld beleid" in tekst.split("besluit:")[0]
    assert scenario_regel_id(ISK_ENTREE_SUMMATIEF) in tekst.split("besluit:")[0]
    assert "status: scenario" in tekst


def test_the_shipped_policy_has_no_rule_without_source(beleid: Beleid) -> None:
    assert regels_zonder_bron(beleid.bestand) == []


def test_check_cli_accepts_scenario_with_warnings(beleid: Beleid, tmp_path: Path) -> None:
    pad = _schrijf(tmp_path, beleid, {ISK_ENTREE_SUMMATIEF: Toegang.ja})
    uit = _run("--pad", str(pad), "check")
    assert uit.returncode == 0, uit.stderr
    assert "(scenario)" in uit.stdout
    assert f"regel '{scenario_regel_id(ISK_ENTREE_SUMMATIEF)}' heeft nog geen bron" in uit.stdout


def test_diff_cli_prints_cells_and_count(beleid: Beleid, tmp_path: Path) -> None:
    pad = _schrijf(tmp_path, beleid, {ISK_ENTREE_SUMMATIEF: Toegang.ja})
    uit = _run("diff", str(beleid.pad), str(pad))
    assert uit.returncode == 0, uit.stderr
    assert "isk/entree/summatief/niet ingeschreven: toegang: nee -> ja" in uit.stdout
    assert uit.stdout.strip().endswith("1 verschil")
    uit = _run("diff", str(beleid.pad), str(pad), "--json")
    data = json.loads(uit.stdout)
    assert data["aantal"] == 1
    assert data["verschillen"][0]["doelgroep"] == "isk"
    assert data["verschillen"][0]["oud"]["toegang"] == "nee"
    uit = _run("diff", str(beleid.pad), str(beleid.pad))
    assert uit.returncode == 0 and uit.stdout.strip() == "0 verschillen"


# --- the page -------------------------------------------------------------------------------------


def _pagina() -> AppTest:
    at = open_pagina("wat_als")
    assert not at.exception, at.exception
    return at


def _teksten(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown) + "\n".join(s.value for s in at.subheader)


def test_page_is_labelled_as_scenario_and_starts_without_changes() -> None:
    at = _pagina()
    assert "Scenario — geen vastgesteld beleid" in _teksten(at)
    assert "0 verschillen met het besluit" in [s.value for s in at.subheader]


def test_page_change_a_cell_shows_one_difference_and_leaves_policy_alone() -> None:
    voor = [b.als_dict() for b in load_policy().matrix()]
    at = _pagina()
    at.selectbox(key="wat_als_doelgroep").set_value(Doelgroep.isk)
    at.selectbox(key="wat_als_niveau").set_value(Niveau.entree)
    at.selectbox(key="wat_als_vorm").set_value(Vorm.summatief)
    at.selectbox(key="wat_als_toegang").set_value(Toegang.ja)
    at.run()
    at.button(key="wat_als_toevoegen").click()
    at.run()
    assert not at.exception, at.exception
    assert "1 verschil met het besluit" in [s.value for s in at.subheader]
    assert at.session_state["wat_als_wijzigingen"] == {ISK_ENTREE_SUMMATIEF: Toegang.ja}
    assert [b.als_dict() for b in load_policy().matrix()] == voor
    # A fresh session (another visitor) sees no scenario.
    assert "0 verschillen met het besluit" in [s.value for s in _pagina().subheader]
    # Reset.
    at.button(key="wat_als_reset").click()
    at.run()
    assert "0 verschillen met het besluit" in [s.value for s in at.subheader]
