"""Each way a policy file can be wrong is rejected, with file, id and field in the message."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from policy import PolicyError, laad_met_waarschuwingen
from policy.domain import alle_cellen
from tests.conftest import regel_index, wijzig


def _fout(pad: Path) -> str:
    with pytest.raises(PolicyError) as info:
        laad_met_waarschuwingen(pad)
    return str(info.value)


def test_shipped_copy_loads(kopie: Path) -> None:
    beleid, waarschuwingen = laad_met_waarschuwingen(kopie)
    assert waarschuwingen == []
    assert len(beleid.matrix()) == len(alle_cellen())


def test_malformed_yaml_names_file_and_line(kopie: Path) -> None:
    pad = kopie / "regels.yaml"
    regels = pad.read_text(encoding="utf-8").splitlines()
    plek = next(i for i, r in enumerate(regels) if r.startswith("  - id:"))
    regels.insert(plek, "  - id: [niet gesloten")
    pad.write_text("\n".join(regels), encoding="utf-8")
    melding = _fout(kopie)
    assert f"regels.yaml:{plek + 1}" in melding or f"regels.yaml:{plek + 2}" in melding
    assert "geen geldige YAML" in melding


def test_unknown_key_names_rule_and_field(kopie: Path) -> None:
    def tikfout(data: dict[str, Any]) -> None:
        data["regels"][regel_index(data, "isk_entree_formatief")]["toegangg"] = "ja"

    melding = _fout_na(kopie, "regels.yaml", tikfout)
    assert "regels.yaml" in melding
    assert "id 'isk_entree_formatief'" in melding
    assert "veld 'toegangg'" in melding
    assert "onbekende sleutel" in melding


def _fout_na(kopie: Path, bestand: str, wijziging: Any) -> str:
    wijzig(kopie, bestand, wijziging)
    return _fout(kopie)


def test_missing_key_names_rule_and_field(kopie: Path) -> None:
    def weg(data: dict[str, Any]) -> None:
        del data["regels"][regel_index(data, "vmbo_geen_toegang")]["reden"]

    melding = _fout_na(kopie, "regels.yaml", weg)
    assert "id 'vmbo_geen_toegang' veld 'reden'" in melding
    assert "ontbreekt" in melding


def test_invalid_value_names_field(kopie: Path) -> None:
    def fout(data: dict[str, Any]) -> None:
        data["regels"][regel_index(data, "vmbo_geen_toegang")]["toegang"] = "misschien"

    melding = _fout_na(kopie, "regels.yaml", fout)
    assert "id 'vmbo_geen_toegang' veld 'toegang'" in melding


def test_gap_is_rejected(kopie: Path) -> None:
    def gat(data: dict[str, Any]) -> None:
        data["regels"][regel_index(data, "isk_niveau_2_tot_en_met_4")]["wanneer"]["niveau"] = ["2", "3"]

    melding = _fout_na(kopie, "regels.yaml", gat)
    assert "gat" in melding
    assert "isk/4/formatief/niet ingeschreven" in melding


def test_overlap_is_rejected(kopie: Path) -> None:
    def overlap(data: dict[str, Any]) -> None:
        data["regels"][regel_index(data, "isk_entree_formatief")]["wanneer"]["vorm"] = "alle"

    melding = _fout_na(kopie, "regels.yaml", overlap)
    assert "overlap" in melding
    assert "veld 'wanneer'" in melding
    assert "isk/entree/summatief" in melding


def test_duplicate_rule_is_rejected(kopie: Path) -> None:
    def dubbel(data: dict[str, Any]) -> None:
        data["regels"].append(dict(data["regels"][0]))

    melding = _fout_na(kopie, "regels.yaml", dubbel)
    assert "komt vaker dan één keer voor" in melding
    assert "overlap" in melding


def test_unknown_condition_reference_is_rejected(kopie: Path) -> None:
    def ref(data: dict[str, Any]) -> None:
        data["regels"][regel_index(data, "isk_entree_formatief")]["voorwaarden"][0] = "via_gemeente"

    melding = _fout_na(kopie, "regels.yaml", ref)
    assert "id 'isk_entree_formatief' veld 'voorwaarden[0]'" in melding
    assert "'via_gemeente' bestaat niet" in melding


def test_unknown_faq_theme_and_term_are_rejected(kopie: Path) -> None:
    def ref(data: dict[str, Any]) -> None:
        vraag = data["faq"]["vragen"][0]
        vraag["thema"] = "bestaat-niet"
        vraag["begrippen"] = ["ook-niet"]

    melding = _fout_na(kopie, "faq.yaml", ref)
    assert "faq.yaml" in melding
    assert "thema 'bestaat-niet' bestaat niet" in melding
    assert "begrip 'ook-niet' bestaat niet" in melding


def test_unknown_glossary_link_is_rejected(kopie: Path) -> None:
    def ref(data: dict[str, Any]) -> None:
        data["begrippen"][0]["zie_ook"] = ["nergens"]

    melding = _fout_na(kopie, "begrippen.yaml", ref)
    assert "begrippen.yaml" in melding
    assert "veld 'zie_ook[0]'" in melding


def test_invented_quote_is_rejected(kopie: Path) -> None:
    def verzonnen(data: dict[str, Any]) -> None:
        data["regels"][regel_index(data, "vmbo_geen_toegang")]["bronnen"][0]["citaat"] = (
            "Voor vmbo-scholen geldt dat de examens van de Coöperatie beschikbaar worden gesteld."
        )

    melding = _fout_na(kopie, "regels.yaml", verzonnen)
    assert "id 'vmbo_geen_toegang' veld 'bronnen[0].citaat'" in melding
    assert "niet letterlijk" in melding


def test_quote_in_wrong_paragraph_is_rejected_with_hint(kopie: Path) -> None:
    def verkeerde_alinea(data: dict[str, Any]) -> None:
        data["regels"][regel_index(data, "vmbo_geen_toegang")]["bronnen"][0]["alinea"] = 4

    melding = _fout_na(kopie, "regels.yaml", verkeerde_alinea)
    assert "het staat wel in alinea 3" in melding


def test_quote_whitespace_does_not_matter(kopie: Path) -> None:
    def witruimte(data: dict[str, Any]) -> None:
        bron = data["regels"][regel_index(data, "vmbo_geen_toegang")]["bronnen"][0]
        bron["citaat"] = bron["citaat"].replace(" ", "\n   ")

    wijzig(kopie, "regels.yaml", witruimte)
    laad_met_waarschuwingen(kopie)


def test_quote_in_faq_is_checked_too(kopie: Path) -> None:
    def verzonnen(data: dict[str, Any]) -> None:
        data["faq"]["vragen"][0]["bronnen"][0]["citaat"] = "De ALV besloot iets heel anders."

    melding = _fout_na(kopie, "faq.yaml", verzonnen)
    assert "faq.yaml" in melding
    assert "veld 'bronnen[0].citaat'" in melding


def test_derived_answer_must_explain_itself(kopie: Path) -> None:
    def zonder(data: dict[str, Any]) -> None:
        del data["regels"][regel_index(data, "isk_entree_summatief")]["afleiding"]

    melding = _fout_na(kopie, "regels.yaml", zonder)
    assert "id 'isk_entree_summatief' veld 'afleiding'" in melding


def test_required_condition_cannot_be_dropped(kopie: Path) -> None:
    def zonder(data: dict[str, Any]) -> None:
        data["regels"][regel_index(data, "onderwijsroute_alle_producten")]["voorwaarden"].remove(
            "instelling_beslist_zelf"
        )

    melding = _fout_na(kopie, "regels.yaml", zonder)
    assert "id 'onderwijsroute_alle_producten' veld 'voorwaarden'" in melding
    assert "'instelling_beslist_zelf' is verplicht" in melding


def test_rule_without_source_fails_when_adopted_but_warns_in_a_scenario(kopie: Path) -> None:
    def zonder_bron(data: dict[str, Any]) -> None:
        data["regels"][regel_index(data, "isk_entree_summatief")]["bronnen"] = []

    wijzig(kopie, "regels.yaml", zonder_bron)
    assert "nog geen bron" in _fout(kopie)

    def als_scenario(data: dict[str, Any]) -> None:
        data["besluit"]["status"] = "scenario"

    wijzig(kopie, "besluit.yaml", als_scenario)
    _, waarschuwingen = laad_met_waarschuwingen(kopie)
    assert [w.entry for w in waarschuwingen] == ["isk_entree_summatief"]


def test_section_in_two_files_is_rejected(kopie: Path) -> None:
    (kopie / "extra.yaml").write_text((kopie / "begrippen.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    melding = _fout(kopie)
    assert "extra.yaml" in melding
    assert "sectie staat ook al in begrippen.yaml" in melding


def test_missing_section_is_rejected(kopie: Path) -> None:
    (kopie / "vragen.yaml").unlink()
    assert "veld 'vragen': verplichte sectie ontbreekt" in _fout(kopie)


def test_missing_source_text_is_rejected(kopie: Path) -> None:
    wijzig(kopie, "besluit.yaml", lambda d: d["besluit"]["bron"].update(bestand="weg.txt"))
    assert "brontekst niet gevonden" in _fout(kopie)


def test_wizard_options_must_match_the_domain(kopie: Path) -> None:
    def fout(data: dict[str, Any]) -> None:
        vraag = next(v for v in data["vragen"] if v["id"] == "niveau")
        vraag["opties"][0]["waarde"] = "1"

    melding = _fout_na(kopie, "vragen.yaml", fout)
    assert "'1' is geen geldige niveau" in melding
    assert "antwoordopties ontbreken: entree" in melding


def test_single_file_policy_loads(kopie: Path, tmp_path: Path) -> None:
    """A whole policy in one YAML file (as a scenario download is) loads like the folder."""
    import yaml

    samen: dict[str, Any] = {}
    for bestand in sorted(kopie.glob("*.yaml")):
        samen.update(yaml.safe_load(bestand.read_text(encoding="utf-8")))
    enkel = tmp_path / "enkel.yaml"
    enkel.write_text(yaml.safe_dump(samen, allow_unicode=True), encoding="utf-8")
    beleid, _ = laad_met_waarschuwingen(enkel)
    assert len(beleid.matrix()) == len(alle_cellen())


def test_text_without_kind_is_rejected(kopie: Path) -> None:
    wijzig(kopie, "begrippen.yaml", lambda d: d["begrippen"][0].pop("basis"))
    wijzig(kopie, "faq.yaml", lambda d: d["faq"]["vragen"][0].pop("basis"))
    melding = _fout(kopie)
    assert "begrippen.yaml" in melding and "faq.yaml" in melding
    assert melding.count("tekst zonder soort") == 2


def test_option_explanation_without_kind_is_rejected(kopie: Path) -> None:
    def zonder(data: dict[str, Any]) -> None:
        optie = next(v for v in data["vragen"] if v["id"] == "vorm")["opties"][0]
        del optie["basis"], optie["toelichting_bron"]

    melding = _fout_na(kopie, "vragen.yaml", zonder)
    assert "veld 'opties[0].basis'" in melding
    assert "tekst zonder soort" in melding


def test_background_needs_a_named_source_and_no_quotes(kopie: Path) -> None:
    def fout(data: dict[str, Any]) -> None:
        begrip = next(b for b in data["begrippen"] if b["basis"] == "achtergrond")
        del begrip["toelichting_bron"]
        begrip["bronnen"] = [{"alinea": 4, "citaat": "ISK-organisaties krijgen toegang"}]

    melding = _fout_na(kopie, "begrippen.yaml", fout)
    assert "achtergrond moet zijn bron noemen" in melding
    assert "achtergrond hoort niet bij het besluit" in melding


def test_stated_text_has_no_afleiding_and_needs_quotes(kopie: Path) -> None:
    def fout(data: dict[str, Any]) -> None:
        vraag = next(v for v in data["faq"]["vragen"] if v["basis"] == "expliciet")
        vraag["afleiding"] = "Zo volgt het."
        vraag["bronnen"] = []

    melding = _fout_na(kopie, "faq.yaml", fout)
    assert "alleen een afgeleide tekst (basis afgeleid) heeft een afleiding" in melding
    assert "noemt zijn citaten" in melding


def test_rule_cannot_rest_on_background(kopie: Path) -> None:
    def fout(data: dict[str, Any]) -> None:
        regel = data["regels"][regel_index(data, "isk_niveau_2_tot_en_met_4")]
        regel["basis"] = "achtergrond"
        regel["toelichting_bron"] = "ergens"
        regel["bronnen"] = []

    melding = _fout_na(kopie, "regels.yaml", fout)
    assert "id 'isk_niveau_2_tot_en_met_4' veld 'basis'" in melding
    assert "een antwoord rust op het bericht" in melding


def test_next_steps_need_a_kind(kopie: Path) -> None:
    wijzig(kopie, "regels.yaml", lambda d: d["regels"][regel_index(d, "isk_entree_formatief")].pop("vervolg_herkomst"))
    melding = _fout(kopie)
    assert "id 'isk_entree_formatief' veld 'vervolg_herkomst'" in melding


def test_quote_that_points_back_is_rejected(kopie: Path) -> None:
    def terugverwijzing(data: dict[str, Any]) -> None:
        data["regels"][regel_index(data, "isk_entree_formatief")]["bronnen"][0]["citaat"] = (
            "Deze producten kunnen helpen bij de overgang naar een entreeopleiding"
        )

    melding = _fout_na(kopie, "regels.yaml", terugverwijzing)
    assert "id 'isk_entree_formatief' veld 'bronnen[0].citaat'" in melding
    assert "verwijzing naar een eerdere zin" in melding
