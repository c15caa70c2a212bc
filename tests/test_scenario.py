"""'Wat als': comparing two policies, building a scenario file, and the scenario page."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from policy import Beleid, Cel, Doelgroep, Niveau, Toegang, Vorm, laad_met_waarschuwingen, load_policy
from policy.domain import alle_cellen
from policy.scenario import (
    LET_OP,
    URL_SLEUTEL,
    als_yaml,
    faq_aanpassing,
    lees_wijzigingen_url,
    maak_scenario,
    regels_zonder_bron,
    scenario_beleid,
    scenario_regel_id,
    scenario_yaml,
    vergelijk,
    wijzigingen_als_url,
)
from tests.conftest import open_pagina, policy_cli

ISK_ENTREE_SUMMATIEF = Cel(Doelgroep.isk, Niveau.entree, Vorm.summatief, False)
REGIE = ["via_mbo_instelling", "geen_rechtstreekse_levering", "instelling_beslist_zelf"]


GEMAAKT = dt.datetime(2026, 11, 29, 10, 40, tzinfo=dt.UTC)
VMBO_2_SUMMATIEF = Cel(Doelgroep.vmbo, Niveau.n2, Vorm.summatief, False)


def _schrijf(tmp_path: Path, beleid: Beleid, wijzigingen: dict[Cel, Toegang]) -> Path:
    """The file exactly as the page offers it for download."""
    pad = tmp_path / "scenario.yaml"
    pad.write_text(scenario_yaml(beleid, wijzigingen, GEMAAKT), encoding="utf-8")
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
    assert "status: scenario" in tekst


def _yaml_kop(tekst: str) -> str:
    """The leading comment block of a YAML text."""
    regels = tekst.splitlines()
    eerste_data = next(i for i, r in enumerate(regels) if not r.startswith("#"))
    return "\n".join(regels[:eerste_data])


def test_download_head_says_what_when_and_where_in_words(beleid: Beleid) -> None:
    tekst = scenario_yaml(beleid, {ISK_ENTREE_SUMMATIEF: Toegang.ja, VMBO_2_SUMMATIEF: Toegang.ja}, GEMAAKT)
    kop = _yaml_kop(tekst)
    assert "GEEN VASTGESTELD BELEID" in kop
    assert "2026-11-29 10:40" in kop
    assert "Wat is anders (2 cellen)" in kop
    assert "ISK, niet ingeschreven in het mbo, Entree, summatief" in kop
    assert "in het besluit: nee; in dit scenario: ja" in kop
    # The line number the head names is where that rule really starts, and it is near the top.
    regels = tekst.splitlines()
    for cel in (ISK_ENTREE_SUMMATIEF, VMBO_2_SUMMATIEF):
        regel_id = scenario_regel_id(cel)
        nummer = int(kop.split(f"regel '{regel_id}' (regel ")[1].split(" ")[0])
        assert regels[nummer - 1].strip() == f"- id: {regel_id}"
        assert nummer < 100, nummer


def test_download_drops_faq_answers_the_change_contradicts_and_marks_the_group(beleid: Beleid) -> None:
    # vmbo-school-examens answers "Nee" for all vmbo products: one vmbo cell set to "ja" contradicts it.
    cel = Cel(Doelgroep.vmbo, Niveau.entree, Vorm.formatief, False)
    aanpassing = faq_aanpassing(beleid, {cel: Toegang.ja})
    assert "vmbo-school-examens" in {v.id for v in aanpassing.weggelaten}
    bestand = maak_scenario(beleid, {cel: Toegang.ja})
    ids = {v.id: v for v in bestand.faq.vragen}
    assert "vmbo-school-examens" not in ids
    # Every remaining entry about vmbo only (not a general one for all groups) carries the warning.
    for v in beleid.bestand.faq.vragen:
        if v.id in ids and set(v.doelgroepen) == {Doelgroep.vmbo}:
            assert ids[v.id].antwoord.startswith(LET_OP), v.id
    # Entries about other groups, and general ones, are untouched.
    for v in beleid.bestand.faq.vragen:
        if Doelgroep.vmbo not in v.doelgroepen or set(v.doelgroepen) == set(Doelgroep):
            assert ids[v.id] == v, v.id
    # The head names what was dropped and marked.
    kop = _yaml_kop(scenario_yaml(beleid, {cel: Toegang.ja}, GEMAAKT))
    assert "vmbo-school-examens" in kop and "waarom-geen-vmbo" in kop


def test_no_faq_changes_for_a_change_of_an_unlinked_rule(beleid: Beleid) -> None:
    # "Een andere groep" has no FAQ entry with a cell: nothing is dropped, only its own entry is marked.
    cel = Cel(Doelgroep.anders, Niveau.entree, Vorm.formatief, False)
    aanpassing = faq_aanpassing(beleid, {cel: Toegang.ja})
    assert aanpassing.weggelaten == ()
    assert {v.id for v in aanpassing.gemarkeerd} == {
        v.id for v in beleid.bestand.faq.vragen if set(v.doelgroepen) == {Doelgroep.anders}
    }


# --- the scenario in the URL ------------------------------------------------------------------------------


def test_url_round_trips_every_cell_and_answer(beleid: Beleid) -> None:
    wijzigingen = {c: list(Toegang)[i % len(Toegang)] for i, c in enumerate(alle_cellen())}
    waarde = wijzigingen_als_url(wijzigingen)
    assert lees_wijzigingen_url(waarde) == (wijzigingen, False)
    assert URL_SLEUTEL == "scenario"


def test_url_example_is_readable() -> None:
    assert wijzigingen_als_url({ISK_ENTREE_SUMMATIEF: Toegang.ja}) == "isk-entree-summatief-nee:ja"
    assert lees_wijzigingen_url("") == ({}, False)


@pytest.mark.parametrize(
    "waarde",
    [
        "isk-entree-summatief-nee:misschien",
        "isk-entree-summatief:ja",
        "isk-5-summatief-nee:ja",
        "ISK-entree-summatief-niet:ja ",
        "<script>alert(1)</script>",
        "isk-entree-summatief-nee:ja,isk-entree-summatief-nee:nee",  # one cell twice: which one is meant?
        "isk-entree-summatief-nee:ja," + "x" * 5000,
        "isk-entree-summatief-nee:ja\n",
        "isk-entree-summatief-nee:ja\nvmbo-2-formatief-nee:ja",
    ],
)
def test_url_strictly_refuses_what_is_not_ours(waarde: str) -> None:
    wijzigingen, genegeerd = lees_wijzigingen_url(waarde)
    assert genegeerd
    assert wijzigingen == {}


def test_url_keeps_the_good_items_next_to_a_bad_one() -> None:
    assert lees_wijzigingen_url("isk-entree-summatief-nee:ja,onzin") == ({ISK_ENTREE_SUMMATIEF: Toegang.ja}, True)


def test_the_shipped_policy_has_no_rule_without_source(beleid: Beleid) -> None:
    assert regels_zonder_bron(beleid.bestand) == []


def test_check_cli_accepts_scenario_with_warnings(beleid: Beleid, tmp_path: Path) -> None:
    pad = _schrijf(tmp_path, beleid, {ISK_ENTREE_SUMMATIEF: Toegang.ja})
    uit = policy_cli("--pad", str(pad), "check")
    assert uit.returncode == 0, uit.stderr
    assert "(scenario)" in uit.stdout
    assert f"regel '{scenario_regel_id(ISK_ENTREE_SUMMATIEF)}' heeft nog geen bron" in uit.stdout


def test_diff_cli_prints_cells_and_count(beleid: Beleid, tmp_path: Path) -> None:
    pad = _schrijf(tmp_path, beleid, {ISK_ENTREE_SUMMATIEF: Toegang.ja})
    uit = policy_cli("diff", str(beleid.pad), str(pad))
    assert uit.returncode == 0, uit.stderr
    assert "isk/entree/summatief/niet ingeschreven: toegang: nee -> ja" in uit.stdout
    assert uit.stdout.strip().endswith("1 verschil")
    uit = policy_cli("diff", str(beleid.pad), str(pad), "--json")
    data = json.loads(uit.stdout)
    assert data["aantal"] == 1
    assert data["verschillen"][0]["doelgroep"] == "isk"
    assert data["verschillen"][0]["oud"]["toegang"] == "nee"
    uit = policy_cli("diff", str(beleid.pad), str(beleid.pad))
    assert uit.returncode == 0 and uit.stdout.strip() == "0 verschillen"


# --- the page -------------------------------------------------------------------------------------


def _pagina(params: dict[str, str] | None = None) -> AppTest:
    at = open_pagina("wat_als", params)
    assert not at.exception, at.exception
    return at


def _teksten(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown) + "\n".join(s.value for s in at.subheader)


def _kop(at: AppTest) -> str:
    """The heading above the difference: the first h2 of the page."""
    return str(at.header[0].value)


def test_page_is_labelled_as_scenario_and_starts_without_changes() -> None:
    at = _pagina()
    assert "Scenario — geen vastgesteld beleid" in _teksten(at)
    assert _kop(at) == "Wat is anders: nog niets"
    assert URL_SLEUTEL not in at.query_params


def test_page_puts_the_difference_first() -> None:
    at = _pagina({URL_SLEUTEL: "isk-entree-summatief-nee:ja"})
    koppen = [h.value for h in at.header]
    assert koppen[0] == "Wat is anders: 1 cel"
    assert koppen.index("Wat is anders: 1 cel") < koppen.index("Een cel wijzigen")
    # Cell, decision and scenario side by side in one row: the row's first cell names the cell in words.
    assert "◆ ISK, niet ingeschreven in het mbo, Entree, summatief" in _teksten(at)


def test_page_change_a_cell_shows_one_difference_puts_it_in_the_url_and_leaves_policy_alone() -> None:
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
    assert _kop(at) == "Wat is anders: 1 cel"
    assert at.session_state["wat_als_wijzigingen"] == {ISK_ENTREE_SUMMATIEF: Toegang.ja}
    assert at.query_params[URL_SLEUTEL] == "isk-entree-summatief-nee:ja"
    assert [b.als_dict() for b in load_policy().matrix()] == voor
    # A fresh session (another visitor) sees no scenario.
    assert _kop(_pagina()) == "Wat is anders: nog niets"
    # Reset empties the URL too.
    at.button(key="wat_als_reset").click()
    at.run()
    assert _kop(at) == "Wat is anders: nog niets"
    assert URL_SLEUTEL not in at.query_params


def test_page_reads_the_scenario_from_a_shared_link() -> None:
    at = _pagina({URL_SLEUTEL: "isk-entree-summatief-nee:ja,vmbo-2-formatief-nee:ja"})
    assert at.session_state["wat_als_wijzigingen"] == {
        ISK_ENTREE_SUMMATIEF: Toegang.ja,
        Cel(Doelgroep.vmbo, Niveau.n2, Vorm.formatief, False): Toegang.ja,
    }
    assert _kop(at) == "Wat is anders: 2 cellen"
    assert not at.info


def test_page_leaves_out_a_bad_link_without_echoing_it() -> None:
    kwaad = "<img src=x onerror=alert(1)>"
    at = _pagina({URL_SLEUTEL: f"isk-entree-summatief-nee:ja,{kwaad}"})
    assert at.session_state["wat_als_wijzigingen"] == {ISK_ENTREE_SUMMATIEF: Toegang.ja}
    assert [i.value for i in at.info] == ["Een deel van de link konden we niet gebruiken. Dat hebben we overgeslagen."]
    assert "onerror" not in _teksten(at)
    # The URL is rewritten from what was understood: the bad part is gone from it too.
    assert at.query_params[URL_SLEUTEL] == "isk-entree-summatief-nee:ja"


def test_page_ignores_a_link_change_equal_to_the_decision(beleid: Beleid) -> None:
    cel = Cel(Doelgroep.isk, Niveau.entree, Vorm.formatief, False)
    assert beleid.decide(*cel).toegang == Toegang.ja
    at = _pagina({URL_SLEUTEL: "isk-entree-formatief-nee:ja"})
    assert _kop(at) == "Wat is anders: nog niets"


def test_page_tucks_commands_and_rule_ids_under_voor_beheerders() -> None:
    at = _pagina({URL_SLEUTEL: "isk-entree-summatief-nee:ja"})
    (expander,) = at.expander
    assert expander.label.startswith("Voor beheerders")
    binnen = "\n".join(m.value for m in expander.markdown)
    assert "python -m policy" in binnen and scenario_regel_id(ISK_ENTREE_SUMMATIEF) in binnen
    buiten = [m.value for m in at.markdown if m.value not in binnen]
    assert not any("python -m policy" in t or "scenario-isk" in t for t in buiten)
