"""The page with the bericht about the decision: named for what it is, every paragraph, every quote the app uses
findable, `?alinea=N` landing on that paragraph, the process and the aims with their kind."""

from __future__ import annotations

import re

from streamlit.testing.v1 import AppTest

from policy import Beleid
from policy.checks import bronnen_in, normaliseer
from tests.conftest import open_pagina
from views.teksten import datum, soort_tekst, versieregel

MARKERING = re.compile(r":orange-background\[\*\*((?:\\.|[^\\*])*)\*\*\]")


def _pagina(**params: str) -> AppTest:
    return open_pagina("besluit", params)


def _plat(tekst: str) -> str:
    return normaliseer(re.sub(r"\\(.)", r"\1", MARKERING.sub(r"\1", tekst)))


def _alle_citaten(beleid: Beleid) -> list[tuple[int, str]]:
    """Every quote in the policy, found independently of the page code."""
    return [
        (bron.alinea, normaliseer(bron.citaat))
        for naam in type(beleid.bestand).model_fields
        for _, bron in bronnen_in(getattr(beleid.bestand, naam), (naam,))
    ]


def test_page_shows_every_paragraph_numbered(beleid: Beleid) -> None:
    at = _pagina()
    assert not at.exception
    assert len(beleid.alineas) == 8  # the heading and 7 paragraphs
    koppen = [s.value for s in at.subheader]
    assert koppen[:8] == ["Kop"] + [f"Alinea {n}" for n in range(1, 8)]
    teksten = [_plat(m.value) for m in at.markdown]
    for alinea in beleid.alineas:
        assert alinea in teksten
    assert versieregel(beleid) in at.caption[-1].value


def test_page_names_the_bericht_its_publisher_and_that_the_decision_leads(beleid: Beleid) -> None:
    at = _pagina()
    assert at.title[0].value == "Het bericht over het besluit"
    alles = " ".join(_plat(m.value) for m in [*at.markdown, *at.caption])
    b = beleid.besluit
    for stuk in (b.bron.titel, b.bron.uitgever, b.orgaan, datum(b.datum), normaliseer(b.bron.herkomst)):
        assert stuk in alles
    assert "Het besluit zelf van de ALV is leidend." in alles


def test_every_quote_of_the_policy_occurs_on_the_page(beleid: Beleid) -> None:
    at = _pagina()
    paginatekst = " ".join(_plat(m.value) for m in at.markdown)
    for _, citaat in _alle_citaten(beleid):
        assert citaat in paginatekst


def test_marking_highlights_every_quoted_sentence_in_its_paragraph(beleid: Beleid) -> None:
    at = _pagina()
    assert not MARKERING.search(" ".join(m.value for m in at.markdown))
    at.toggle[0].set_value(True).run()
    assert not at.exception
    alinea_tekst = {_plat(m.value): m.value for m in at.markdown}
    for nummer, citaat in _alle_citaten(beleid):
        ruw = alinea_tekst[beleid.alineas[nummer]]
        gemarkeerd = [_plat(deel) for deel in MARKERING.findall(ruw)]
        assert any(citaat in deel for deel in gemarkeerd), (nummer, citaat)


def test_process_and_aims_are_shown_with_their_kind(beleid: Beleid) -> None:
    at = _pagina()
    tekst = " ".join(_plat(m.value) for m in at.markdown)
    bijschriften = [_plat(c.value) for c in at.caption]
    for stap in (beleid.besluit.aanleiding, *beleid.besluit.proces):
        assert f"{stap.wanneer}: {stap.titel}" in tekst
        assert normaliseer(stap.tekst) in tekst
        assert soort_tekst(stap, beleid) in bijschriften
    for doel in beleid.besluit.doelen:
        assert doel.titel in tekst
        assert soort_tekst(doel, beleid) in bijschriften


def _scroll_opdrachten(at: AppTest) -> list[str]:
    return [h.proto.body for h in at.get("html") if "scrollIntoView" in h.proto.body]


def test_alinea_in_the_url_points_to_that_paragraph() -> None:
    at = _pagina(alinea="4")
    assert "alinea 4" in at.info[0].value
    assert at.toggle[0].value is True
    assert [("'alinea-4'" in s) for s in _scroll_opdrachten(at)] == [True]
    assert not _scroll_opdrachten(_pagina())  # no jump when no paragraph was asked for
    for slecht in ("<script>alert(1)</script>", "99", "4" * 5000):
        at = _pagina(alinea=slecht)
        assert not at.exception
        assert not at.info
        assert not _scroll_opdrachten(at)
        assert "<script" not in " ".join(m.value for m in at.markdown)
