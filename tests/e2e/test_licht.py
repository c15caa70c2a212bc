"""The light edition in Chromium with JavaScript off: the whole keuzehulp by mouse, axe, layout, print.

The routes run on their own (uvicorn in a thread, a plain Starlette app): these tests do not depend on
how app.py mounts them. axe-core is itself a script, so axe runs in a context with JavaScript on; the
pages carry none, so the DOM it checks is the same.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Hashable, Iterator
from typing import Any

import pytest
import uvicorn
from starlette.applications import Starlette

from bench.server import free_port
from policy import Beleid
from policy.checks import normaliseer
from tests.e2e.conftest import ARTIFACTS
from tests.e2e.hulp import dekkend
from tests.e2e.test_paginas import axe_resultaten, bewaar_axe
from views import wizard
from views.teksten import TOEGANG_LABEL
from web.licht import ROUTES

PAGINAS = {
    "start": "/licht/",
    "vraag": "/licht/keuzehulp?rol=mbo-instelling",
    "vraag-wijzig": "/licht/keuzehulp?doelgroep=isk&ingeschreven=nee&niveau=entree&vorm=formatief&wijzig=niveau",
    "antwoord": "/licht/keuzehulp?doelgroep=isk&ingeschreven=nee&niveau=entree&vorm=formatief",
    "overzicht": "/licht/overzicht",
    "vragen": "/licht/vragen",
    "begrippen": "/licht/begrippen",
    "besluit": "/licht/besluit?alinea=4",
    "versies": "/licht/versies",
    "melding": "/licht/keuzehulp?doelgroep=%3Cb%3E",
}
SCHERMEN = ARTIFACTS / "screenshots"


@pytest.fixture(scope="module")
def licht(chromium_pad: Any) -> Iterator[str]:
    """The light routes on a loopback port for this module."""
    poort = free_port()
    server = uvicorn.Server(uvicorn.Config(Starlette(routes=ROUTES), host="127.0.0.1", port=poort, log_level="warning"))
    draad = threading.Thread(target=server.run, daemon=True)
    draad.start()
    einde = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < einde and draad.is_alive(), "lichte server start niet"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{poort}"
    finally:
        server.should_exit = True
        draad.join(timeout=10)


@pytest.fixture
def zonder_js(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="nl-NL", java_script_enabled=False)
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.verzoeken = []
    page.on("request", lambda r: page.verzoeken.append(r.url))
    try:
        yield page
    finally:
        context.close()


def test_keuzehulp_zonder_javascript_naar_elk_antwoord(zonder_js: Any, licht: str, beleid: Beleid) -> None:
    """Click a radio and Volgende from the first question to an answer, along routes that together pick every
    option of every question and end in every rule (`hulp.dekkend`; all 25 routes cost four times as long and
    a browser shows nothing new on them). Where each route ends is specified for all routes in
    tests/test_routes.py, and every cell's answer page is checked without a browser in tests/test_licht.py.

    Each end must be `policy`'s answer for every cell the route covers: the same rule (so the same yes or
    no) and the same quotes, in order. Routes from `wizard.alle_uitkomsten`; the answer from `beleid.decide`.
    """
    page = zonder_js
    alle = wizard.alle_uitkomsten(beleid)
    assert len(alle) > 10

    def kenmerken(uitkomst: wizard.Stand) -> set[Hashable]:
        return {*uitkomst.route, *(beleid.decide(*cel).regel.id for cel in uitkomst.cellen)}

    for uitkomst in dekkend(alle, kenmerken):
        naam = "-".join(w for _, w in uitkomst.route)
        page.goto(f"{licht}/licht/keuzehulp")
        for vraag_id, waarde in uitkomst.route:
            vraag = beleid.vraag(vraag_id)
            assert page.locator("h1").inner_text().strip() == vraag.tekst, naam
            label = next(o.label for o in vraag.opties if o.waarde == waarde)
            page.get_by_label(label, exact=True).check()
            with page.expect_navigation():
                page.get_by_role("button", name="Volgende").click()
        regels = {beleid.decide(*cel).regel for cel in uitkomst.cellen}
        assert len(regels) == 1, naam
        regel = regels.pop()
        assert TOEGANG_LABEL[regel.toegang] in page.locator("#antwoord h1").inner_text(), naam
        citaten = [normaliseer(t) for t in page.locator("blockquote").all_inner_texts()]
        assert citaten == [normaliseer(b.citaat) for b in regel.bronnen], naam
        assert page.locator("form").count() == 0
        # "Uw antwoorden" lists exactly the route, each with a change link.
        assert page.locator(".antwoorden dt").all_inner_texts() == [beleid.vraag(v).kort for v, _ in uitkomst.route]
        assert page.get_by_role("link", name="Wijzig").count() == len(uitkomst.route)
    assert all(u.startswith(licht) for u in page.verzoeken), "alleen verzoeken aan de eigen server"


def test_vorige_vraag_en_wijzig_houden_de_antwoorden(zonder_js: Any, licht: str, beleid: Beleid) -> None:
    page = zonder_js
    page.goto(f"{licht}{PAGINAS['antwoord']}")
    page.get_by_role("link", name=f"Wijzig {beleid.vraag('niveau').kort.lower()}").click()
    assert page.locator("h1").inner_text().strip() == beleid.vraag("niveau").tekst
    assert page.get_by_label("Entree", exact=True).is_checked()
    page.get_by_label("Niveau 2", exact=True).check()
    with page.expect_navigation():
        page.get_by_role("button", name="Volgende").click()
    assert "niveau=2" in page.url and "vorm=formatief" in page.url and "wijzig" not in page.url
    page.get_by_role("link", name="Vorige vraag").click()
    assert page.locator("h1").inner_text().strip() == beleid.vraag("niveau").tekst


def test_een_vraag_zonder_keuze_gaat_niet_verder(zonder_js: Any, licht: str) -> None:
    page = zonder_js
    page.goto(f"{licht}/licht/keuzehulp")
    adres = page.url
    page.get_by_role("button", name="Volgende").click()
    assert page.url == adres
    assert page.locator("input[type=radio]:invalid").count() > 0


@pytest.mark.parametrize("naam", list(PAGINAS))
@pytest.mark.parametrize("pagina", [(1366, 900)], indirect=True)
def test_axe_zonder_enige_melding(pagina: Any, licht: str, naam: str) -> None:
    pagina.goto(f"{licht}{PAGINAS[naam]}")
    violations = axe_resultaten(pagina)
    bewaar_axe(f"licht-{naam}", violations)
    assert not violations, "\n".join(
        f"{v['id']} ({v.get('impact')}): {[n['target'] for n in v['nodes']][:3]}" for v in violations
    )


@pytest.mark.parametrize("breedte", [320, 390, 1366])
def test_geen_zijwaarts_schuiven_en_schermafdrukken(browser: Any, licht: str, breedte: int) -> None:
    context = browser.new_context(viewport={"width": breedte, "height": 900}, java_script_enabled=False)
    SCHERMEN.mkdir(parents=True, exist_ok=True)
    try:
        page = context.new_page()
        for naam, pad in PAGINAS.items():
            page.goto(f"{licht}{pad}")
            page.screenshot(path=str(SCHERMEN / f"licht-{naam}-{breedte}.png"), full_page=True)
            breed = page.evaluate("[document.scrollingElement.scrollWidth, window.innerWidth]")
            assert breed[0] <= breed[1], f"{naam} schuift zijwaarts op {breedte} px: {breed[0]} > {breed[1]}"
            # The overview's tables fit as well (stacked on a phone), and stay tables for a screen reader.
            for tabel in page.locator(".tabel").all():
                schuift = tabel.evaluate("e => [e.scrollWidth, e.clientWidth]")
                assert schuift[0] <= schuift[1], f"{naam}: tabel schuift op {breedte} px: {schuift}"
                assert tabel.get_by_role("rowheader").count() > 0 and tabel.get_by_role("cell").count() > 0
    finally:
        context.close()


def test_afdrukken_laat_menu_en_knoppen_weg(browser: Any, licht: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{licht}{PAGINAS['antwoord']}")
        page.emulate_media(media="print")
        assert page.locator("nav").first.is_hidden()
        assert page.locator(".wijzig").first.is_hidden()
        assert page.locator("#antwoord").is_visible()
        page.pdf(path=str(ARTIFACTS / "licht-antwoord.pdf"))
    finally:
        context.close()
