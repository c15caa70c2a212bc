"""The FAQ search and filter, the glossary order and the quote marking: pure functions, no Streamlit."""

from __future__ import annotations

import pytest

from policy import Beleid, Doelgroep
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
        }
    )


def test_search_ignores_case_and_accents() -> None:
    vraag = _vraag("x", antwoord="De Coöperatie Examens MBO beslist.")
    assert zoeken.past_bij_zoekterm(vraag, "cooperatie")
    assert zoeken.past_bij_zoekterm(vraag, "COÖPERATIE examens")
    assert zoeken.past_bij_zoekterm(vraag, "  coöperatie\t ")
    assert not zoeken.past_bij_zoekterm(vraag, "cooperatie vmbo")


def test_search_looks_in_question_answer_and_quote() -> None:
    vraag = _vraag("x", vraag="Mag ISK meedoen?", antwoord="Ja, formatief.", citaat="Entreeproducten van de Coöperatie")
    for woord in ("isk", "formatief", "entreeproducten"):
        assert zoeken.past_bij_zoekterm(vraag, woord)


def test_empty_search_and_no_group_match_everything() -> None:
    vragen = [_vraag("a"), _vraag("b", doelgroepen=["isk"])]
    assert zoeken.filter_faq(vragen, [], "") == vragen
    assert zoeken.filter_faq(vragen, [], "   ") == vragen


def test_group_filter_keeps_entries_tagged_for_a_chosen_group() -> None:
    alle, isk, vmbo = _vraag("a"), _vraag("b", doelgroepen=["isk"]), _vraag("c", doelgroepen=["vmbo"])
    assert zoeken.filter_faq([alle, isk, vmbo], [Doelgroep.isk], "") == [alle, isk]
    assert zoeken.filter_faq([alle, isk, vmbo], ["isk", "vmbo"], "") == [alle, isk, vmbo]


@pytest.mark.parametrize(
    "hostile",
    ["<script>alert(1)</script>", "**vet** :red[x] [a](javascript:alert(1))", "<b>" * 3000, "\x00\u202e\n\r"],
)
def test_hostile_search_is_plain_text_and_bounded(hostile: str) -> None:
    zoek = zoeken.lees_zoekterm(hostile)
    assert len(zoek) <= zoeken.MAX_ZOEK
    assert "\n" not in zoek and "\x00" not in zoek
    assert all(woord.isalnum() for woord in zoeken.zoekwoorden(hostile))
    assert set(zoeken.filter_faq([_vraag("a")], [], hostile)) <= {_vraag("a")}


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
