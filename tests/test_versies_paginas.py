"""The versions in the Streamlit app, in AppTest: pinned links, the banner, an unknown version, /versies,
the presentation's changes screen and a proposal in the keuzehulp, the presentation and wat-als.

Every test works on a temporary folder with two decisions (tests/conftest.py `maak_tweede_besluit`): the
shipped one and a later test decision that opens summative Entree for ISK. The folders are built once for this
file: each new folder is a new entry in the policy's small caches (policy/versies.py), and a few dozen would
push the shipped decision out of them, so that `load_policy()` elsewhere on this worker loads it anew.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs

import pytest
from streamlit.testing.v1 import AppTest

import views.paginas
from policy import Doelgroep, Niveau, Toegang, Vorm, laad_versies
from policy.versies import BESLUITEN_OMGEVING
from tests.conftest import GEWIJZIGDE_CEL, TWEEDE_ID, VERVALLEN_FAQ, maak_tweede_besluit, open_pagina
from views.presentatie import schermen
from views.versies import naam

EERSTE_ID = "alv-2026-03-26"
NIEUWER = "Er is een nieuwer besluit van 20 november 2026"
VOORSTEL = "Voorstel, nog niet besloten"
# A cell both decisions answer the same: ISK, formative Entree, not enrolled.
ONGEWIJZIGD = {"doelgroep": "isk", "ingeschreven": "nee", "niveau": "entree", "vorm": "formatief"}
CEL = (Doelgroep.isk, Niveau.entree, Vorm.summatief, False)


@pytest.fixture(scope="module")
def _mappen(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return {
        status: maak_tweede_besluit(tmp_path_factory.mktemp(status), status=status)
        for status in ("vastgesteld", "voorstel")
    }


@pytest.fixture
def twee_besluiten(_mappen: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> Path:
    """As in tests/conftest.py, on this file's folder: the shipped decision and a later adopted one."""
    monkeypatch.setenv(BESLUITEN_OMGEVING, str(_mappen["vastgesteld"]))
    return _mappen["vastgesteld"]


@pytest.fixture
def met_voorstel(_mappen: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> Path:
    """As in tests/conftest.py, on this file's folder: the shipped decision and a proposal after it."""
    monkeypatch.setenv(BESLUITEN_OMGEVING, str(_mappen["voorstel"]))
    return _mappen["voorstel"]


def _open(pagina: str, params: dict[str, str] | None = None) -> AppTest:
    at = open_pagina(pagina, params)
    assert not at.exception, at.exception
    return at


def _meldingen(at: AppTest) -> list[str]:
    return [str(m.value) for m in (*at.info, *at.warning, *at.error)]


def _banner(at: AppTest, kop: str) -> str:
    """The one alert that starts with the banner's heading (in bold)."""
    (tekst,) = [m for m in _meldingen(at) if m.startswith(f"**{kop}")]
    return tekst


def _links(at: AppTest) -> list[tuple[str, dict[str, list[str]]]]:
    """Every st.page_link as (label, query)."""
    return [(p.proto.label, parse_qs(p.proto.query_string)) for p in at.get("page_link")]


def _tekst(at: AppTest) -> str:
    elementen = (*at.markdown, *at.title, *at.header, *at.subheader, *at.caption, *at.success, *at.info, *at.error)
    delen = [str(m.value) for m in (*elementen, *at.warning)]
    return "\n".join(delen).replace("\\", "")


def _antwoord_kader(at: AppTest) -> Toegang:
    """The answer box of the keuzehulp: green is ja, red is nee (views/beslissing.py)."""
    if at.success:
        return Toegang.ja
    assert [e for e in at.error if not str(e.value).startswith("**")], "no answer shown"
    return Toegang.nee


# --- pinned links ----------------------------------------------------------------------------------------
def test_pinned_old_link_keeps_the_old_answer_and_says_a_newer_decision_changed_it(twee_besluiten: Path) -> None:
    at = _open("keuzehulp", {**GEWIJZIGDE_CEL, "versie": EERSTE_ID})
    assert _antwoord_kader(at) is Toegang.nee
    assert "testbesluit" not in _tekst(at)
    banner = _banner(at, NIEUWER)
    assert "geeft op deze vraag een ander antwoord" in banner and "hetzelfde" not in banner
    naar_nieuw = [q for label, q in _links(at) if "20 november 2026" in label]
    assert naar_nieuw == [{**{k: [v] for k, v in GEWIJZIGDE_CEL.items()}, "versie": [TWEEDE_ID]}]
    # The share link names the old decision: opened later, it still gives this answer.
    deel = " ".join(str(h.proto.body) for h in at.get("html"))
    assert f"versie={EERSTE_ID}" in deel


def test_the_new_answer_says_what_the_decision_before_it_answered(twee_besluiten: Path) -> None:
    at = _open("keuzehulp", GEWIJZIGDE_CEL)
    assert _antwoord_kader(at) is Toegang.ja
    assert "Dit antwoord is anders dan in het besluit van 26 maart 2026: toen was het Nee." in _tekst(at)


def test_pinned_old_link_on_an_unchanged_cell_says_the_answer_is_the_same(twee_besluiten: Path) -> None:
    at = _open("keuzehulp", {**ONGEWIJZIGD, "versie": EERSTE_ID})
    banner = _banner(at, NIEUWER)
    assert "hetzelfde antwoord" in banner and "ander antwoord" not in banner


def test_unpinned_link_is_the_current_decision_without_banner(twee_besluiten: Path) -> None:
    at = _open("keuzehulp", GEWIJZIGDE_CEL)
    assert _antwoord_kader(at) is Toegang.ja
    assert "testbesluit" in _tekst(at)
    assert not [m for m in _meldingen(at) if "nieuwer" in m.lower() or VOORSTEL in m]


def test_following_the_banner_link_opens_the_new_answer_without_banner(twee_besluiten: Path) -> None:
    at = _open("keuzehulp", {**GEWIJZIGDE_CEL, "versie": TWEEDE_ID})
    assert _antwoord_kader(at) is Toegang.ja
    assert not [m for m in _meldingen(at) if "nieuwer" in m.lower()]


@pytest.mark.parametrize("pagina", ["keuzehulp", "start", "matrix", "faq", "presentatie"])
def test_unknown_version_is_a_dutch_error_naming_the_known_ones_never_the_input(
    twee_besluiten: Path, pagina: str
) -> None:
    kwaad = "<b>alv-1999</b>"
    at = _open(pagina, {**GEWIJZIGDE_CEL, "versie": kwaad})
    (fout,) = [str(e.value) for e in at.error]
    assert "Onbekende versie" in fout and EERSTE_ID in fout and TWEEDE_ID in fout
    assert "1999" not in fout and "1999" not in _tekst(at)
    # Nothing of any decision under the error: no answer, no title of the page's content.
    assert not at.success and not at.title


def test_the_menu_keeps_the_pinned_decision(twee_besluiten: Path) -> None:
    """The sidebar's links carry no query string: the next page still shows the decision the visitor opened."""
    at = _open("keuzehulp", {**GEWIJZIGDE_CEL, "versie": EERSTE_ID})
    at.query_params.clear()  # what a click in the menu does
    at.switch_page(str(views.paginas.pagina("start"))).run()
    assert not at.exception, at.exception
    assert at.query_params["versie"] == EERSTE_ID
    assert _banner(at, NIEUWER)
    # The start page's own links carry the decision too.
    keuzehulp = [q for label, q in _links(at) if label == "Beantwoord mijn vraag"]
    assert keuzehulp == [{"versie": [EERSTE_ID]}]


def test_matrix_pinned_to_the_old_decision_shows_its_answer_and_the_banner(twee_besluiten: Path) -> None:
    at = _open("matrix", {"cel": "isk-entree-summatief-nee", "versie": EERSTE_ID})
    banner = _banner(at, NIEUWER)
    assert "Deze pagina toont het besluit van 26 maart 2026." in banner and "een ander antwoord" in banner
    # The start page answers no question: its banner link opens the page, not "this question".
    start = _open("start", {"versie": EERSTE_ID})
    assert [label for label, _ in _links(start) if label.startswith("Bekijk deze")] == [
        "Bekijk deze pagina volgens het besluit van 20 november 2026"
    ]
    assert "testbesluit" not in _tekst(at)
    naar_keuzehulp = [q for label, q in _links(at) if label == "Open dit antwoord in de keuzehulp"]
    assert [q["versie"] for q in naar_keuzehulp] == [[EERSTE_ID]]
    assert at.query_params["versie"] == EERSTE_ID, "the matrix rewrites its URL and keeps the decision"


# --- the versions page ------------------------------------------------------------------------------------
def test_versions_page_lists_both_and_what_changed_with_both_answers_quotes(twee_besluiten: Path) -> None:
    versies = laad_versies()
    oud, nieuw = versies.kies(EERSTE_ID), versies.kies(TWEEDE_ID)
    at = _open("versies")
    tekst = _tekst(at)
    assert "26 maart 2026" in tekst and "20 november 2026" in tekst
    assert "geldend" not in tekst.lower(), "the bericht gives no date from which a decision applies"
    (geldend,) = [m.value for m in at.markdown if "Dit is het nieuwste besluit in deze app" in m.value]
    assert "20 november 2026" in geldend
    openen = [q["versie"] for label, q in _links(at) if label.startswith("Bekijk de app volgens")]
    assert openen == [[TWEEDE_ID], [EERSTE_ID]]
    # The changed cell: both answers (Nee, then Ja) with the quotes each rests on.
    assert "ISK" in tekst and "Entree" in tekst and "summatief" in tekst
    for beleid, label in ((oud, "Nee"), (nieuw, "Ja")):
        beslissing = beleid.decide(*CEL)
        assert beslissing.toegang is (Toegang.nee if label == "Nee" else Toegang.ja)
        assert f"({naam(beleid)}): {label}" in tekst.replace("*", "")
        for bron in beslissing.bronnen:
            assert " ".join(bron.citaat.split()) in " ".join(tekst.split())
    keuzehulp = [q["versie"] for label, q in _links(at) if label.startswith("Bekijk dit antwoord volgens")]
    assert keuzehulp == [[EERSTE_ID], [TWEEDE_ID]]
    # The FAQ entry that is gone, the reworded one and the new glossary entry.
    vervallen = next(v for v in oud.faq if v.id == VERVALLEN_FAQ)
    assert " ".join(vervallen.vraag.split()) in tekst
    assert "Vervallen" in tekst and "Gewijzigd" in tekst and "Nieuw" in tekst
    assert "Testbegrip" in tekst and "Anders verwoord in het testbesluit" in tekst


def test_versions_page_compares_the_two_chosen(twee_besluiten: Path) -> None:
    """Chosen the other way round, the comparison still runs from the older to the newer one."""
    at = _open("versies", {"van": TWEEDE_ID, "naar": EERSTE_ID})
    assert at.selectbox(key="versies_van").value == TWEEDE_ID, "the reader's choice stays as made"
    koppen = [h.value for h in at.header]
    assert "Van het besluit van 26 maart 2026 naar het besluit van 20 november 2026" in koppen
    assert "Van het besluit van 20 november 2026 naar het besluit van 26 maart 2026" not in koppen


def test_versions_page_with_one_decision_has_nothing_to_compare() -> None:
    at = _open("versies")
    assert "Er is één besluit" in _tekst(at) and "niets te vergelijken" in _tekst(at)
    assert not [h for h in at.header if str(h.value).startswith("Van ")]


# --- the presentation -------------------------------------------------------------------------------------
def _positie(at: AppTest) -> str:
    return next(m.value for m in at.markdown if m.value.startswith("**Scherm "))


def test_presentation_of_a_new_decision_says_what_changes(twee_besluiten: Path) -> None:
    at = _open("presentatie", {"scherm": "1"})
    assert "van 10**" in _positie(at), "one screen more than with one decision"
    titels = []
    for nummer in range(1, 11):
        at = _open("presentatie", {"scherm": str(nummer)})
        titels.append(at.title[0].value if at.title else "")
        if at.title and at.title[0].value == "Wat verandert er":
            regels = [str(h.value).replace("\\", "") for h in at.header]
            assert "ISK · Entree · summatief: Nee → Ja" in regels
    assert titels.count("Wat verandert er") == 1


def test_presentation_with_one_decision_has_no_changes_screen() -> None:
    versies = laad_versies()
    assert all(s.soort != "wijzigingen" for s in schermen(versies.huidig, versies.vorige(versies.huidig)))
    assert "van 9**" in _positie(_open("presentatie"))


# --- a proposal -------------------------------------------------------------------------------------------
def test_unpinned_is_the_adopted_decision_not_the_proposal(met_voorstel: Path) -> None:
    at = _open("keuzehulp", GEWIJZIGDE_CEL)
    assert _antwoord_kader(at) is Toegang.nee
    assert not [m for m in _meldingen(at) if VOORSTEL in m]


def test_pinned_proposal_shows_its_banner_in_the_keuzehulp(met_voorstel: Path) -> None:
    at = _open("keuzehulp", {**GEWIJZIGDE_CEL, "versie": TWEEDE_ID})
    assert _antwoord_kader(at) is Toegang.ja
    banner = _banner(at, VOORSTEL)
    assert (
        "nog geen besluit over dit voorstel" in banner
        and "Het voorstel geeft op deze vraag een ander antwoord" in banner
    )
    assert "Bekijk deze vraag volgens het besluit van 26 maart 2026" in [label for label, _ in _links(at)]
    naar_geldend = [q["versie"] for label, q in _links(at) if "26 maart 2026" in label]
    assert naar_geldend == [[EERSTE_ID]]
    tekst = _tekst(at)
    assert "tekst van het voorstel" in tekst and "bericht over het besluit" not in tekst, "its source and kind"


def test_pinned_proposal_shows_its_banner_on_every_screen_of_the_presentation(met_voorstel: Path) -> None:
    aantal = len(schermen(laad_versies().kies(TWEEDE_ID), laad_versies().kies(EERSTE_ID)))
    assert aantal == 10
    for nummer in range(1, aantal + 1):
        at = _open("presentatie", {"versie": TWEEDE_ID, "scherm": str(nummer)})
        assert _banner(at, VOORSTEL), nummer
        assert "Voorstel, nog niet besloten" in _positie(at), "the bar names it a proposal too"
        assert "ALV-besluit" not in _tekst(at), "a quote from a proposal stands in its text, not in a bericht"
    assert "Tekst van het voorstel, alinea 2" in _tekst(_open("presentatie", {"versie": TWEEDE_ID, "scherm": "1"}))


# The source page tells a proposal as one: written for the ALV, not decided, no decision that outranks it.
BRON_VAN_EEN_BESLUIT = ("Het bericht over het besluit", "Over het besluit van:", "Hoe is dit besloten?", "is leidend")
BRON_VAN_EEN_VOORSTEL = (
    "De tekst van het voorstel",
    "Voorstel voor:",
    "Hoe is dit voorstel gemaakt?",
    "besluit er nog over",
)


@pytest.mark.parametrize(
    ("versie", "wel", "niet"),
    [
        (EERSTE_ID, BRON_VAN_EEN_BESLUIT, BRON_VAN_EEN_VOORSTEL),
        (TWEEDE_ID, BRON_VAN_EEN_VOORSTEL, BRON_VAN_EEN_BESLUIT),
    ],
)
def test_the_source_page_names_a_proposal_a_proposal(
    met_voorstel: Path, versie: str, wel: tuple[str, ...], niet: tuple[str, ...]
) -> None:
    tekst = _tekst(_open("besluit", {"versie": versie}))
    assert [w for w in wel if w not in tekst] == []
    assert [n for n in niet if n in tekst] == []


def _menu(at: AppTest) -> list[str]:
    """The titles of the pages in the sidebar menu (AppTest keeps what st.navigation registered)."""
    return [str(p["page_name"]) for p in at._registered_pages.values()]


def test_the_menu_names_a_proposals_text(met_voorstel: Path) -> None:
    assert "Tekst van het voorstel" in _menu(_open("keuzehulp", {"versie": TWEEDE_ID}))
    gewoon = _menu(_open("keuzehulp"))
    assert "Bericht over het besluit" in gewoon and "Tekst van het voorstel" not in gewoon


def test_wat_als_starts_from_a_proposal_and_never_calls_it_adopted(met_voorstel: Path) -> None:
    at = _open("wat_als")
    assert not [m for m in _meldingen(at) if VOORSTEL in m]
    at.selectbox(key="wat_als_versie").set_value(TWEEDE_ID).run()
    assert not at.exception, at.exception
    assert at.query_params["versie"] == TWEEDE_ID
    assert _banner(at, VOORSTEL)
    tekst = _tekst(at)
    assert "het voorstel voor de alv van 20 november 2026" in tekst.lower()
    assert "besluit van 20 november 2026" not in tekst.lower()
    assert "vastgesteld door alv van 20 november" not in tekst.lower()
    assert "gelijk aan het voorstel voor de alv van 20 november 2026" in tekst.lower()
    # A reload of the shared link opens the same start.
    opnieuw = _open("wat_als", {"versie": TWEEDE_ID})
    assert _banner(opnieuw, VOORSTEL)
