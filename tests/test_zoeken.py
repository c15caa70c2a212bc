"""The FAQ search (typed questions, ranked), the filter, the glossary order and the quote marking: no Streamlit."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest
import yaml
from pydantic import ValidationError

from policy import Beleid, Doelgroep, load_policy
from policy.checks import bronnen_in, normaliseer
from policy.models import Begrip, Bron, FaqVraag, Thema
from views import zoeken
from views.teksten import markdown_veilig


def _vraag(id_: str, thema: str = "a", doelgroepen: object = "alle", **velden: object) -> FaqVraag:
    return FaqVraag.model_validate(
        {
            "id": id_,
            "thema": thema,
            "vraag": velden.get("vraag", f"Vraag {id_}?"),
            "antwoord": velden.get("antwoord", "Een antwoord."),
            "doelgroepen": doelgroepen,
            "bronnen": [{"alinea": 1, "citaat": velden.get("citaat", "Een zin uit het besluit.")}],
            "begrippen": velden.get("begrippen", []),
        }
    )


ZOEKVRAGEN = yaml.safe_load((Path(__file__).with_name("zoekvragen.yaml")).read_text(encoding="utf-8"))["zoekvragen"]


def _ids(vragen: Sequence[FaqVraag]) -> list[str]:
    return [v.id for v in vragen]


@pytest.mark.parametrize("rij", ZOEKVRAGEN, ids=[r["vraag"] for r in ZOEKVRAGEN])
def test_typed_question_finds_its_entry(beleid: Beleid, rij: dict[str, str]) -> None:
    bekend = {v.id for v in beleid.faq}
    verwacht = rij.get("eerst") or rij["top3"]
    assert verwacht in bekend and rij.get("ook", verwacht) in bekend, "de tabel noemt een vraag die niet bestaat"
    gevonden = _ids(zoeken.zoek_faq(beleid, [], rij["vraag"]).gevonden)
    if "eerst" in rij:
        assert gevonden[:1] == [verwacht], gevonden
    else:
        assert verwacht in gevonden[:3], gevonden


def test_the_table_is_large_enough_to_mean_something() -> None:
    assert len(ZOEKVRAGEN) >= 20
    assert all(("eerst" in r) != ("top3" in r) for r in ZOEKVRAGEN)
    assert sum("eerst" in r for r in ZOEKVRAGEN) >= 20


def test_every_question_typed_as_written_finds_itself_first(beleid: Beleid) -> None:
    for vraag in beleid.faq:
        assert _ids(zoeken.zoek_faq(beleid, [], vraag.vraag).gevonden)[:1] == [vraag.id]


@pytest.mark.parametrize(
    ("getypt", "termen"),
    [
        ("ISK-leerlingen", ["isk", "leerling"]),
        ("de internationale schakelklassen", ["isk"]),
        ("Summatieve", ["summatief"]),
        ("kandidaten, deelnemers en studenten", ["leerling", "leerling", "leerling"]),
        ("rekentoets", ["examen"]),
        ("onze vmbo-school", ["vmbo"]),
        ("een roc of aoc", ["instelling", "instelling"]),
        ("Entreeproducten", ["entree", "examen"]),
        ("niveau 1", ["entree"]),
        ("niveau 2", ["niveau", "2"]),
        ("inburgeraars", ["onderwijsroute"]),
        ("Coöperatie", ["cem"]),
        ("wat is het en hoe dan", []),
    ],
)
def test_typed_words_become_terms(getypt: str, termen: list[str]) -> None:
    assert zoeken.woordenlijst().termen(getypt) == termen


def _lijst(**velden: object) -> zoeken.Woordenlijst:
    basis: dict[str, object] = {"stopwoorden": ["de"], "synoniemen": {}, "samenstellingen": {}}
    return zoeken.Woordenlijst(zoeken.WoordenlijstBestand.model_validate(basis | velden))


def test_word_list_refuses_forms_that_could_never_match_or_mean_two_things() -> None:
    assert _lijst(synoniemen={"leerling": ["student"]}).termen("de Studenten") == ["leerling"]
    with pytest.raises(ValueError, match="stopwoord"):
        _lijst(synoniemen={"examen": ["de toets"]})
    with pytest.raises(ValueError, match="toets"):
        _lijst(synoniemen={"examen": ["toets"], "formatief": ["toets"]})
    with pytest.raises(ValidationError):
        _lijst(onbekend=[])


def test_question_weighs_more_than_answer_and_terms_count() -> None:
    in_vraag = _vraag("a", vraag="Wie plant de afname?", antwoord="De instelling.")
    in_antwoord = _vraag("b", vraag="Wie heeft de regie?", antwoord="De instelling plant de afname.")
    via_begrip = _vraag("c", vraag="Hoe heet dat?", antwoord="Zo.", begrippen=["x"])
    index = zoeken.FaqIndex(
        [in_antwoord, in_vraag, via_begrip],
        {"x": Begrip(id="x", term="Extraneus", uitleg="u")},
        zoeken.woordenlijst(),
    )
    alle = [True, True, True]
    assert _ids(index.rangschik(index.woorden.termen("afname"), alle)) == ["a", "b"]
    assert _ids(index.rangschik(index.woorden.termen("extraneus"), alle)) == ["c"]
    assert index.rangschik(index.woorden.termen("afname"), [True, False, True]) == (in_antwoord,)


def test_empty_search_and_no_group_match_everything(beleid: Beleid) -> None:
    for leeg in ("", "   "):
        uitkomst = zoeken.zoek_faq(beleid, [], leeg)
        assert uitkomst == zoeken.Zoekuitkomst(beleid.faq, (), gezocht=False)


def test_group_filter_keeps_entries_tagged_for_a_chosen_group(beleid: Beleid) -> None:
    for groep in Doelgroep:  # every group: the FAQ page's AppTest checks the wiring for two of them
        getagd = [v for v in beleid.faq if groep in v.doelgroepen]
        assert list(zoeken.zoek_faq(beleid, [groep], "").gevonden) == getagd, groep
    isk = [v for v in beleid.faq if Doelgroep.isk in v.doelgroepen]
    assert 0 < len(isk) < len(beleid.faq)
    assert list(zoeken.zoek_faq(beleid, [Doelgroep.isk], "").gevonden) == isk
    assert set(zoeken.zoek_faq(beleid, ["isk"], "examen").gevonden) <= set(isk)
    voor_vmbo = zoeken.zoek_faq(beleid, ["vmbo"], "internationale schakelklas").gevonden
    assert all(Doelgroep.vmbo in v.doelgroepen for v in voor_vmbo)
    assert "isk-wat-mag" not in _ids(voor_vmbo)


def test_nonsense_finds_nothing_and_a_typing_error_finds_the_closest(beleid: Beleid) -> None:
    assert zoeken.zoek_faq(beleid, [], "qqqxyzzy") == zoeken.Zoekuitkomst((), (), gezocht=True)
    typfout = zoeken.zoek_faq(beleid, [], "extranues")
    assert typfout.gevonden == ()
    assert "wat-is-extraneus" in _ids(typfout.dichtbij)
    assert len(typfout.dichtbij) <= zoeken.MAX_DICHTBIJ


def test_index_is_built_once_per_loaded_policy(beleid: Beleid, kopie: Path) -> None:
    assert zoeken.faq_index(beleid) is zoeken.faq_index(beleid)
    ander = load_policy(kopie)
    assert ander is not beleid
    assert zoeken.faq_index(ander) is not zoeken.faq_index(beleid)


@pytest.mark.parametrize(
    "hostile",
    ["<script>alert(1)</script>", "**vet** :red[x] [a](javascript:alert(1))", "<b>" * 3000, "\x00\u202e\n\r"],
)
def test_hostile_search_is_plain_text_and_bounded(beleid: Beleid, hostile: str) -> None:
    zoek = zoeken.lees_zoekterm(hostile)
    assert len(zoek) <= zoeken.MAX_ZOEK
    assert "\n" not in zoek and "\x00" not in zoek
    assert all(woord.isalnum() for woord in zoeken.zoekwoorden(hostile))
    uitkomst = zoeken.zoek_faq(beleid, [], hostile)
    assert set(uitkomst.gevonden) | set(uitkomst.dichtbij) <= set(beleid.faq)


def test_markdown_veilig_leaves_no_formatting() -> None:
    tekst = markdown_veilig("**vet** <b>x</b> :red[y] [l](u) `c` $x$ # h")
    for ruw in ("**", "<b>", ":red[", "[l]", "`c`", "$x$", " # h"):
        assert ruw not in tekst
    assert markdown_veilig("1. lijst").startswith("1\\.")
    assert markdown_veilig("- lijst").startswith("\\-")


def test_filter_from_url_keeps_valid_groups_only() -> None:
    groepen = [Doelgroep.vmbo, Doelgroep.isk]
    f = zoeken.lees_filter({"zoek": "  Entree ", "groep": "ISK,vmbo,<b>x</b>"}, groepen)
    assert f == zoeken.Filter("Entree", (Doelgroep.vmbo, Doelgroep.isk), True)
    assert zoeken.lees_filter({}, groepen) == zoeken.Filter("", (), False)
    lang = zoeken.lees_filter({"zoek": "a" * 10_000, "groep": "isk" * 1000}, groepen)
    assert len(lang.zoek) == zoeken.MAX_ZOEK and lang.groepen == () and lang.genegeerd
    assert zoeken.filter_querystring("Entree", [Doelgroep.isk]) == {"zoek": "Entree", "groep": "isk"}
    assert zoeken.filter_querystring("", []) == {}


def test_entries_are_grouped_in_theme_order() -> None:
    themas = [Thema(id="t1", titel="Een"), Thema(id="t2", titel="Twee"), Thema(id="t3", titel="Drie")]
    a, b, c = _vraag("a", thema="t2"), _vraag("b", thema="t1"), _vraag("c", thema="t2")
    assert zoeken.per_thema(themas, [a, b, c]) == [(themas[0], [b]), (themas[1], [a, c])]


def test_glossary_is_alphabetical_without_accents_or_case() -> None:
    begrippen = [Begrip(id=i, term=t, uitleg="u") for i, t in [("z", "zon"), ("e", "Éntree"), ("a", "ALV"), ("f", "f")]]
    assert [b.term for b in zoeken.alfabetisch(begrippen)] == ["ALV", "Éntree", "f", "zon"]
    assert [b.id for b in zoeken.zoek_begrippen(begrippen, "entree")] == ["e"]


def test_marked_parts_cover_quotes_and_merge_overlaps() -> None:
    alinea = "Een twee drie. Vier vijf zes. Zeven acht."
    delen = zoeken.gemarkeerde_delen(alinea, ["twee drie. Vier", "Vier  vijf", "bestaat niet"])
    assert "".join(d for d, _ in delen) == alinea
    assert [d for d, g in delen if g] == ["twee drie. Vier vijf"]
    assert zoeken.gemarkeerde_delen(alinea, []) == [(alinea, False)]


@pytest.mark.parametrize(
    ("ruw", "verwacht"),
    [
        ("4", 4),
        ("0", 0),
        (" 7 ", 7),
        ("8", None),
        ("-1", None),
        ("²", None),
        ("<b>", None),
        ("4" * 5000, None),
        (None, None),
    ],
)
def test_alinea_from_url(ruw: object, verwacht: int | None) -> None:
    assert zoeken.lees_alinea(ruw, 8) == verwacht


def test_every_quote_of_the_policy_is_collected_and_found(beleid: Beleid) -> None:
    verwacht = {
        (b.alinea, normaliseer(b.citaat))
        for naam in type(beleid.bestand).model_fields
        for _, b in bronnen_in(getattr(beleid.bestand, naam), (naam,))
    }
    verzameld = zoeken.alle_citaten(beleid)
    assert {(b.alinea, normaliseer(b.citaat)) for b in verzameld} == verwacht
    assert all(isinstance(b, Bron) for b in verzameld)
    for nummer, citaten in zoeken.citaten_per_alinea(beleid).items():
        gemarkeerd = " ".join(d for d, g in zoeken.gemarkeerde_delen(beleid.alineas[nummer], citaten) if g)
        for citaat in citaten:
            assert normaliseer(citaat) in gemarkeerd
