"""The matrix page: the table equals the policy, the toggle switches it, a chosen cell is explained."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qsl

import pytest
from streamlit.testing.v1 import AppTest

from policy import Basis, Beleid, Cel, Doelgroep, Niveau, Vorm, load_policy
from policy.domain import bestaat, cel_sleutel
from tests.conftest import open_pagina
from views.export import matrix_csv, tabel_waarde
from views.figuren import cel_naam
from views.teksten import TOEGANG_LABEL, basis_kort, basis_label, soort_tekst

# Every address a page writes names the decision it shows (views.layout.Gekozen.query).
PIN = {"versie": load_policy().besluit.id}


def _pagina(**params: str) -> AppTest:
    at = open_pagina("matrix", params)
    assert not at.exception, at.exception
    return at


def _tabellen(at: AppTest) -> list[dict[tuple[str, str], str]]:
    uit = []
    for tabel in at.table:
        df = tabel.value
        uit.append({(str(r), str(k)): str(df.loc[r, k]) for r in df.index for k in df.columns})
    return uit


def _verwacht(beleid: Beleid, ingeschreven: bool) -> list[dict[tuple[str, str], str]]:
    return [
        {
            (beleid.label("doelgroep", d), beleid.label("niveau", n)): tabel_waarde(
                beleid.decide(d, n, v, ingeschreven).toegang, beleid.decide(d, n, v, ingeschreven).basis
            )
            for d in Doelgroep
            for n in Niveau
            if bestaat(Cel(d, n, v, ingeschreven))  # an mbo student is always enrolled: no row otherwise
        }
        for v in Vorm
    ]


def _keuzehulp_link(at: AppTest) -> Any:
    links = [e.proto for e in at.get("page_link") if e.proto.label == "Open dit antwoord in de keuzehulp"]
    assert len(links) <= 1
    return links[0] if links else None


def _query(link: Any) -> dict[str, str]:
    return dict(parse_qsl(link.query_string))


def _tekst(at: AppTest) -> str:
    return "\n".join([m.value for m in at.markdown] + [s.value for s in at.subheader])


def test_table_equals_policy_and_toggle_switches_it(beleid: Beleid) -> None:
    at = _pagina()
    toggle = at.toggle(key="matrix_ingeschreven")
    assert toggle.value is False
    assert toggle.label == "Kandidaat staat ingeschreven in het mbo"
    assert _tabellen(at) == _verwacht(beleid, False)
    toggle.set_value(True).run()
    assert not at.exception, at.exception
    assert _tabellen(at) == _verwacht(beleid, True)
    assert _tabellen(at) != _verwacht(beleid, False)  # the policy differs between the two
    assert at.query_params["ingeschreven"] == "ja"


def test_page_shows_figure_download_and_version(beleid: Beleid) -> None:
    at = _pagina()
    assert len(at.get("plotly_chart")) == 1
    knoppen = at.get("download_button")
    assert len(knoppen) == 1
    assert "Vastgesteld door" in at.caption[-1].value
    assert matrix_csv(beleid).count("\n") == 1 + len(beleid.matrix())  # header + every cell, offered as the download


def test_choosing_a_cell_shows_the_explanation_and_keuzehulp_link(beleid: Beleid) -> None:
    at = _pagina()
    cel = Cel(Doelgroep.isk, Niveau.entree, Vorm.formatief, False)
    keuze = at.selectbox(key="matrix_cel")
    assert keuze.value is None
    assert _keuzehulp_link(at) is None
    keuze.set_value(cel_sleutel(cel)).run()
    assert not at.exception, at.exception
    beslissing = beleid.decide(*cel)
    tekst = _tekst(at)
    assert TOEGANG_LABEL[beslissing.toegang] in tekst
    assert beslissing.regel.reden in tekst
    for voorwaarde in beslissing.voorwaarden:
        assert voorwaarde.titel in tekst
    link = _keuzehulp_link(at)
    assert link is not None
    assert link.label == "Open dit antwoord in de keuzehulp"
    assert "keuzehulp" in link.page
    verwacht = {"doelgroep": "isk", "ingeschreven": "nee", "niveau": "entree", "vorm": "formatief"}
    assert _query(link) == {**verwacht, "versie": beleid.besluit.id}
    assert dict(at.query_params) == {"cel": "isk-entree-formatief-nee", **PIN}


def test_toggle_keeps_the_chosen_cell_and_explains_it_for_enrolled(beleid: Beleid) -> None:
    at = _pagina(cel="vmbo-3-summatief-nee")
    assert at.selectbox(key="matrix_cel").value == "vmbo-3-summatief-nee"
    assert beleid.decide("vmbo", "3", "summatief", False).regel.reden in _tekst(at)
    at.toggle(key="matrix_ingeschreven").set_value(True).run()
    assert not at.exception, at.exception
    ingeschreven = beleid.decide("vmbo", "3", "summatief", True)
    assert ingeschreven.regel.reden in _tekst(at)
    assert _query(_keuzehulp_link(at))["ingeschreven"] == "ja"
    assert at.selectbox(key="matrix_cel").value == "vmbo-3-summatief-ja"
    assert dict(at.query_params) == {"cel": "vmbo-3-summatief-ja", **PIN}


def test_toggle_drops_a_chosen_cell_that_does_not_exist_in_the_other_half() -> None:
    """An mbo student is always enrolled: switching to 'not enrolled' leaves nothing to explain."""
    at = _pagina(cel="mbo-2-formatief-ja")
    assert _keuzehulp_link(at) is not None
    at.toggle(key="matrix_ingeschreven").set_value(False).run()
    assert not at.exception, at.exception
    assert at.selectbox(key="matrix_cel").value is None
    assert _keuzehulp_link(at) is None
    assert dict(at.query_params) == PIN, "a page address names its decision"


@pytest.mark.parametrize(
    ("oud", "nieuw"),
    [
        ({"cel": "isk-entree-formatief"}, "isk-entree-formatief-nee"),
        ({"cel": "vmbo-3-summatief", "ingeschreven": "ja"}, "vmbo-3-summatief-ja"),
        ({"cel": "onderwijsroute-2-formatief", "ingeschreven": "nee"}, "onderwijsroute-2-formatief-nee"),
    ],
)
def test_an_old_link_opens_the_same_cell_as_the_new_one(oud: dict[str, str], nieuw: str) -> None:
    """Links from before the cell key held the enrolment (bookmarks) still work, and get the new form."""
    pagina_oud, pagina_nieuw = _pagina(**oud), _pagina(cel=nieuw)
    for at in (pagina_oud, pagina_nieuw):
        assert not at.info
        assert at.selectbox(key="matrix_cel").value == nieuw
        assert dict(at.query_params) == {"cel": nieuw, **PIN}
    assert pagina_oud.toggle(key="matrix_ingeschreven").value == pagina_nieuw.toggle(key="matrix_ingeschreven").value
    assert [h.value for h in pagina_oud.header] == [h.value for h in pagina_nieuw.header]
    assert _query(_keuzehulp_link(pagina_oud)) == _query(_keuzehulp_link(pagina_nieuw))


def test_the_cell_key_decides_enrolment_over_a_contradicting_ingeschreven() -> None:
    at = _pagina(cel="isk-entree-formatief-nee", ingeschreven="ja")
    assert at.selectbox(key="matrix_cel").value == "isk-entree-formatief-nee"
    assert at.toggle(key="matrix_ingeschreven").value is False
    assert [i.value for i in at.info] == ["Een deel van de link konden we niet gebruiken. Dat hebben we overgeslagen."]


def test_select_box_names_every_cell_with_its_answer(beleid: Beleid) -> None:
    at = _pagina(ingeschreven="ja")
    keuze = at.selectbox(key="matrix_cel")
    verwacht = [
        f"{cel_naam(beleid, Cel(d, n, v, True))}: {TOEGANG_LABEL[beleid.decide(d, n, v, True).toegang]}"
        for d in Doelgroep
        for n in Niveau
        for v in Vorm
    ]
    assert keuze.options == verwacht
    keuze.select_index(0).run()
    assert dict(at.query_params) == {"cel": cel_sleutel(Cel(Doelgroep.mbo, Niveau.entree, Vorm.formatief, True)), **PIN}


@pytest.mark.parametrize(
    "params",
    [
        {"cel": "<script>alert(1)</script>"},
        {"cel": "isk-9-formatief"},
        {"cel": "isk-9-formatief-nee"},
        {"cel": "isk-entree-formatief-misschien"},
        # Cells that do not exist: an mbo student is always enrolled (new and old form).
        {"cel": "mbo-entree-formatief-nee"},
        {"cel": "mbo-entree-formatief"},
        {"cel": "mbo-entree-formatief", "ingeschreven": "nee"},
        {"ingeschreven": "misschien"},
        {"cel": "x" * 5000},
    ],
)
def test_bad_links_are_skipped_not_echoed(beleid: Beleid, params: dict[str, str]) -> None:
    at = _pagina(**params)
    assert at.selectbox(key="matrix_cel").value is None
    assert [i.value for i in at.info] == ["Een deel van de link konden we niet gebruiken. Dat hebben we overgeslagen."]
    assert all(w not in _tekst(at) for w in params.values())
    assert _tabellen(at) == _verwacht(beleid, False)


def test_headings_do_not_skip_levels_and_the_explanation_has_its_own(beleid: Beleid) -> None:
    at = _pagina(cel="isk-entree-summatief-nee")
    koppen = [(h.tag, h.value) for h in [*at.title, *at.header, *at.subheader]]
    cel = Cel(Doelgroep.isk, Niveau.entree, Vorm.summatief, False)
    assert ("h2", f"Uitleg: {cel_naam(beleid, cel)}") in koppen
    assert ("h2", "Het overzicht als tabel") in koppen
    assert [w for t, w in koppen if t == "h3"][-len(Vorm) :] == [beleid.label("vorm", v) for v in Vorm]
    # A link (or the select box) does not move the page: only a click in the chart scrolls to the explanation.
    assert not [h for h in at.get("html") if "scrollIntoView" in str(h.proto.body)]


def test_background_and_derived_answers_are_labelled(beleid: Beleid) -> None:
    """The formatief/summatief explanation is background (with its source); a derived answer says so."""
    at = _pagina()
    onderschriften = " ".join(re.sub(r"\\(.)", r"\1", c.value) for c in at.caption)
    for optie in beleid.vraag("vorm").opties:
        if optie.uitleg:
            assert soort_tekst(optie, beleid) in onderschriften
    assert basis_label(beleid, Basis.afgeleid) in onderschriften
    vraag = beleid.vraag("ingeschreven_in_mbo")
    hulp = re.sub(r"\\(.)", r"\1", at.toggle(key="matrix_ingeschreven").help)
    assert vraag.basis is not None and basis_kort(beleid, vraag.basis) in hulp
