"""The FAQ and glossary pages under st.navigation: every entry, the group filter, search, hostile input."""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import parse_qsl

import pytest
from streamlit.testing.v1 import AppTest

from policy import Basis, Beleid
from tests.conftest import open_pagina
from views import wizard, zoeken
from views.teksten import basis_kort, soort_tekst, versieregel
from web.api import OPENAPI

HOSTILE = "<script>alert(1)</script><b>vet</b>**x** :red[y] [klik](javascript:alert(1)) " + "<img src=x>" * 900


def _pagina(pagina: str, **params: str) -> AppTest:
    return open_pagina(pagina, params)


def _plat(tekst: str) -> str:
    """Markdown escapes removed: what a reader sees."""
    return re.sub(r"\\(.)", r"\1", tekst)


def _vragen_op_pagina(at: AppTest) -> list[str]:
    return [_plat(e.label) for e in at.expander]


def _alle_tekst(at: AppTest) -> list[str]:
    soorten = ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error", "success")
    teksten = [str(el.value) for soort in soorten for el in getattr(at, soort)]
    return teksten + [e.label for e in at.expander]


def test_faq_shows_every_entry_grouped_by_theme(beleid: Beleid) -> None:
    at = _pagina("faq")
    assert not at.exception
    assert Counter(_vragen_op_pagina(at)) == Counter(v.vraag for v in beleid.faq)
    gebruikte = [t.titel for t in beleid.themas if any(v.thema == t.id for v in beleid.faq)]
    assert [s.value for s in at.header] == gebruikte
    # The entries stand in theme order.
    volgorde = [v.vraag for t in beleid.themas for v in beleid.faq if v.thema == t.id]
    assert _vragen_op_pagina(at) == volgorde
    assert versieregel(beleid) in at.caption[-1].value


def test_every_entry_shows_its_quotes_and_cell_link(beleid: Beleid) -> None:
    at = _pagina("faq")
    for vraag, expander in zip(
        [v for t in beleid.themas for v in beleid.faq if v.thema == t.id], at.expander, strict=True
    ):
        tekst = " ".join(_plat(m.value) for m in expander.markdown)
        for bron in vraag.bronnen:
            assert " ".join(bron.citaat.split()) in tekst
        links = {link.proto.label: link.proto for link in expander.get("page_link")}
        if vraag.cel is None:
            assert "Bekijk dit in de keuzehulp" not in links
        else:
            cel = vraag.cel
            verwacht = {
                "doelgroep": cel.doelgroep.value,
                "ingeschreven": "ja" if cel.ingeschreven_in_mbo else "nee",
                "niveau": cel.niveau.value,
                "vorm": cel.vorm.value,
                "versie": beleid.besluit.id,
            }
            link = links["Bekijk dit in de keuzehulp"]
            assert link.page == "keuzehulp"
            assert dict(parse_qsl(link.query_string)) == verwacht
            # The link opens straight on the answer for that cell.
            uit = wizard.stand(beleid, verwacht).beslissing
            assert uit is not None and uit.cel.doelgroep == cel.doelgroep


def test_every_answer_shows_its_kind_and_background_has_no_empty_quote_block(beleid: Beleid) -> None:
    at = _pagina("faq")
    vragen = [v for t in beleid.themas for v in beleid.faq if v.thema == t.id]
    assert any(v.basis is Basis.achtergrond for v in vragen)  # else this test checks too little
    for vraag, expander in zip(vragen, at.expander, strict=True):
        onderschriften = [_plat(c.value) for c in expander.caption]
        assert " ".join(soort_tekst(vraag, beleid).split()) in onderschriften, vraag.id
        kop = "**Waar staat dit in het bericht?**" in [m.value for m in expander.markdown]
        assert kop == bool(vraag.bronnen), vraag.id
        if vraag.basis is Basis.achtergrond:
            assert not vraag.bronnen and vraag.toelichting_bron
            assert any(o.startswith(basis_kort(beleid, Basis.achtergrond)) and "Bron:" in o for o in onderschriften)


def test_headings_carry_no_link_icon() -> None:
    """Theme headings are no link targets; each link icon would be one more Tab stop."""
    for at in (_pagina("faq"), _pagina("faq", zoek="extranues")):
        koppen = [*at.title, *at.header]
        assert koppen and all(h.proto.hide_anchor for h in koppen)
        assert {h.tag for h in at.header} == {"h2"}


# The filter itself is specified for every group in tests/test_zoeken.py; here the page's wiring (URL and
# buttons), for two groups whose entries differ.
@pytest.mark.parametrize("groep", ["vmbo", "isk"])
def test_group_filter_shows_exactly_the_tagged_entries(beleid: Beleid, groep: str) -> None:
    if groep not in {d.value for d in zoeken.faq_doelgroepen(beleid)}:
        pytest.skip(f"geen vragen voor {groep}")
    verwacht = Counter(v.vraag for v in beleid.faq if groep in {d.value for d in v.doelgroepen})
    via_url = _pagina("faq", groep=groep)
    assert Counter(_vragen_op_pagina(via_url)) == verwacht
    via_knop = _pagina("faq")
    via_knop.button_group(key="faq-groepen").set_value([groep]).run()
    assert not via_knop.exception
    assert Counter(_vragen_op_pagina(via_knop)) == verwacht
    assert via_knop.query_params.get("groep") in (groep, [groep])


def _vraag_met_id(beleid: Beleid, id_: str) -> str:
    return next(v.vraag for v in beleid.faq if v.id == id_)


def test_typed_question_shows_the_best_entry_first_and_open(beleid: Beleid) -> None:
    at = _pagina("faq")
    at.text_input(key="faq-zoek").input("mogen ISK-leerlingen het rekenexamen op niveau 2 doen").run()
    assert not at.exception
    assert _vragen_op_pagina(at)[0] == _vraag_met_id(beleid, "isk-niveau-2")
    assert [e.proto.expanded for e in at.expander][:2] == [True, False]
    # A ranked list, not the themes: a theme heading would put a worse entry above the best.
    assert [h.value for h in at.header] == []
    assert "best past" in at.caption[0].value
    assert not at.warning


def _keuzehulp_links(at: AppTest) -> list[str]:
    return [p.proto.page for p in at.get("page_link") if p.proto.label == "Naar de keuzehulp"]


@pytest.mark.parametrize("via", ["url", "zoekvak"])
def test_nonsense_shows_nothing_found_and_suggests_the_keuzehulp(via: str) -> None:
    if via == "url":
        at = _pagina("faq", zoek="qqqxyzzy")
    else:
        at = _pagina("faq")
        at.text_input(key="faq-zoek").input("qqqxyzzy").run()
    assert not at.exception
    assert _vragen_op_pagina(at) == []
    assert "Geen vragen gevonden" in at.warning[0].value
    assert _keuzehulp_links(at) == ["keuzehulp"]
    assert "qqqxyzzy" not in " ".join(_alle_tekst(at))


def test_typing_error_shows_nothing_found_with_the_closest_entries(beleid: Beleid) -> None:
    at = _pagina("faq", zoek="extranues")
    assert not at.exception
    assert "Geen vragen gevonden" in at.warning[0].value
    assert _keuzehulp_links(at) == ["keuzehulp"]
    assert [h.value for h in at.header] == ["Bedoelt u een van deze vragen?"]
    assert _vraag_met_id(beleid, "wat-is-extraneus") in _vragen_op_pagina(at)
    assert len(_vragen_op_pagina(at)) <= zoeken.MAX_DICHTBIJ


@pytest.mark.parametrize("via", ["url", "zoekvak"])
def test_hostile_search_is_shown_nowhere_as_markup(via: str) -> None:
    if via == "url":
        at = _pagina("faq", zoek=HOSTILE, groep=HOSTILE)
    else:
        at = _pagina("faq")
        at.text_input(key="faq-zoek").input(HOSTILE[: zoeken.MAX_ZOEK]).run()
    assert not at.exception
    for tekst in _alle_tekst(at):
        for stuk in ("<script", "<b>", "<img", "**x**", ":red[", "javascript:"):
            assert stuk not in tekst
    waarde = at.text_input(key="faq-zoek").value
    assert waarde is not None and len(waarde) <= zoeken.MAX_ZOEK


def test_glossary_is_alphabetical_with_background_marked_as_toelichting(beleid: Beleid) -> None:
    at = _pagina("begrippen")
    assert not at.exception
    assert [s.value for s in at.header] == [b.term for b in zoeken.alfabetisch(beleid.begrippen)]
    bronnen = [c.value for c in at.caption if c.value.startswith("Toelichting")]
    assert len(bronnen) == sum(1 for b in beleid.begrippen if b.toelichting_bron)
    links = " ".join(m.value for m in at.markdown if m.value.startswith("Zie ook"))
    for begrip in beleid.begrippen:
        for ander in begrip.zie_ook:
            assert f"(#{zoeken.begrip_anker(ander)})" in links
    assert versieregel(beleid) in at.caption[-1].value


def test_over_page_states_accessibility_and_privacy(beleid: Beleid) -> None:
    at = _pagina("over")
    assert not at.exception
    tekst = " ".join(_alle_tekst(at))
    for nodig in ("WCAG 2.1", "streven", "axe-core", "toetsenbord", "geen persoonsgegevens", "XSRF", "URL"):
        assert nodig in tekst
    assert "@" not in tekst  # no invented addresses
    assert f"]({OPENAPI})" in tekst, "de beschrijving van de API is gelinkt"
    assert versieregel(beleid) in at.caption[-1].value
