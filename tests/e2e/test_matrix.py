"""The matrix page as an exam-office employee (1366x768) and a phone user (390x844) use it: a click in the
chart shows its explanation in view and in the URL, headings in order, and a CSV that names the decision."""

from __future__ import annotations

import csv
import io
import itertools
import re
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from bench.server import Server
from policy import Beleid
from policy.domain import lees_cel_sleutel
from tests.e2e.hulp import open_pagina, schermafdruk, wacht_klaar
from tests.e2e.test_paginas import axe_resultaten, bewaar_axe
from views.export import CSV_KOLOMMEN, csv_bestandsnaam
from views.figuren import cel_naam
from views.teksten import TOEGANG_LABEL, TOEGANG_SYMBOOL, versieregel

MATEN = {"laptop": (1366, 768), "telefoon": (390, 844)}


@pytest.fixture(params=list(MATEN))
def scherm(request: pytest.FixtureRequest, pagina: Any) -> Any:
    breedte, hoogte = MATEN[request.param]
    pagina.set_viewport_size({"width": breedte, "height": hoogte})
    pagina.maat = request.param
    return pagina


def _gekozen_cel(page: Any) -> str | None:
    waarden = parse_qs(urlsplit(page.url).query).get("cel")
    return waarden[0] if waarden else None


def _klik_cel(page: Any, n: int) -> None:
    """Click the n-th cell text of the chart, as a mouse or a finger would."""
    cel = page.locator('[data-testid="stPlotlyChart"] g.textpoint').nth(n)
    cel.scroll_into_view_if_needed()
    vak = cel.bounding_box()
    oud = _gekozen_cel(page)
    page.mouse.click(vak["x"] + vak["width"] / 2, vak["y"] + vak["height"] / 2)
    page.wait_for_function("(oud) => new URLSearchParams(location.search).get('cel') !== oud", arg=oud)
    wacht_klaar(page)


def _in_beeld(page: Any, selector: str) -> bool:
    vak = page.locator(selector).bounding_box()
    hoogte = page.viewport_size["height"]
    return vak is not None and 0 <= vak["y"] < hoogte * 0.5


def test_click_in_chart_shows_the_explanation_and_keeps_the_url(scherm: Any, server: Server, beleid: Beleid) -> None:
    page = scherm
    open_pagina(page, f"{server.url}/matrix")
    page.wait_for_selector('[data-testid="stPlotlyChart"] g.textpoint')
    gezien = []
    for n in (0, 7, 0):  # a second cell, and back: each click scrolls and writes the URL
        _klik_cel(page, n)
        sleutel = _gekozen_cel(page)
        assert sleutel is not None, "de klik kwam niet in de URL"
        cel = lees_cel_sleutel(sleutel)
        assert cel is not None and not cel.ingeschreven_in_mbo  # the page opens on the not-enrolled half
        uitleg = page.locator(".st-key-matrix-uitleg")
        uitleg.wait_for()
        kop = uitleg.locator("h2").first  # the explanation's own heading; the answer's heading follows it
        assert kop.inner_text().strip() == f"Uitleg: {cel_naam(beleid, cel)}"
        page.wait_for_function("() => document.activeElement && document.activeElement.tagName === 'H2'")
        assert _in_beeld(page, ".st-key-matrix-uitleg h2 >> nth=0"), "de uitleg staat niet in beeld na de klik"
        toegang = beleid.decide(*cel).toegang
        assert f"{TOEGANG_SYMBOOL[toegang]} {TOEGANG_LABEL[toegang]}" in uitleg.inner_text()
        # The select box says the same cell, so keyboard and mouse agree.
        keuze = page.locator('[data-testid="stSelectbox"] input').first.input_value()
        assert keuze == f"{cel_naam(beleid, cel)}: {TOEGANG_LABEL[beleid.decide(*cel).toegang]}"
        gezien.append(sleutel)
    assert gezien[0] != gezien[1] and gezien[0] == gezien[2]
    schermafdruk(page, f"matrix-na-klik-{page.maat}")
    # The URL is the shareable state: a reload shows the same explanation.
    page.reload(wait_until="domcontentloaded")
    wacht_klaar(page)
    assert _gekozen_cel(page) == gezien[2]
    page.locator(".st-key-matrix-uitleg h2").first.wait_for()


def test_headings_are_in_order(scherm: Any, server: Server) -> None:
    """axe heading-order (levels never skip), with an explanation open; our own headings carry no link icon."""
    page = scherm
    open_pagina(page, f"{server.url}/matrix?cel=isk-entree-summatief-nee")
    page.locator(".st-key-matrix-uitleg h2").first.wait_for()
    page.wait_for_selector('[data-testid="stTable"]')
    violations = axe_resultaten(page)
    bewaar_axe(f"matrix-koppen-{page.maat}", violations)
    volgorde = [v for v in violations if v["id"] == "heading-order"]
    assert not volgorde, [n["target"] for v in volgorde for n in v["nodes"]]
    niveaus = page.evaluate(
        "[...document.querySelectorAll('main h1, main h2, main h3, main h4')].map(h => +h.tagName[1])"
    )
    assert niveaus[0] == 1 and all(b - a <= 1 for a, b in itertools.pairwise(niveaus)), niveaus
    for kop in ("h1", ".st-key-matrix-uitleg h2"):
        assert page.locator(kop).first.locator("a").count() == 0, f"{kop} heeft een link-icoon"


def test_csv_download_names_the_decision(pagina: Any, server: Server, beleid: Beleid) -> None:
    open_pagina(pagina, f"{server.url}/matrix")
    knop = pagina.get_by_role("button", name=re.compile("^Download het hele overzicht"))
    with pagina.expect_download() as wacht:
        knop.click()
    download = wacht.value
    assert download.suggested_filename == csv_bestandsnaam(beleid)
    assert re.search(r"\d{4}-\d{2}-\d{2}", download.suggested_filename)
    tekst = Path(download.path()).read_text(encoding="utf-8-sig")
    rijen = list(csv.DictReader(io.StringIO(tekst), delimiter=";"))
    assert tuple(rijen[0]) == CSV_KOLOMMEN
    assert {r["Besluit"] for r in rijen} == {versieregel(beleid)}
    assert "_" not in tekst
