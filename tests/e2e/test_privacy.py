"""No page makes a request to any origin but the app's own: every request Chromium makes is recorded.

The Streamlit pages (every page of the navigation, and a keuzehulp answer) and the light pages, if the
server has them. Icons count too: the page icon is shipped (web/static/icoon.svg), the navigation icons
come from the Material Symbols font Streamlit bundles.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest

import web
from tests.e2e.conftest import Server
from tests.e2e.hulp import wacht_klaar
from tests.e2e.test_paginas import PAGINAS

STREAMLIT = [f"/{p}" for p in PAGINAS.values()] + [
    "/keuzehulp?doelgroep=isk&ingeschreven=nee&niveau=entree&vorm=formatief",
    "/keuzehulp?rol=vmbo",
]
# Light pages (plain HTML) that the server routes; path templates with parameters are left out.
LICHT = [p for r in web.routes() if (p := getattr(r, "path", "")).startswith("/licht") and "{" not in p]


def bezoek(browser: Any, url: str, streamlit: bool) -> tuple[list[str], list[str]]:
    """Every requested URL, and the page's icon links, for one fresh visit."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    verzoeken: list[str] = []
    context.on("request", lambda r: verzoeken.append(r.url))
    try:
        page = context.new_page()
        page.set_default_timeout(20_000)
        page.goto(url, wait_until="domcontentloaded")
        if streamlit:
            wacht_klaar(page)
            if page.locator('[data-testid="stPlotlyChart"]').count():  # the chart is a lazy chunk
                page.wait_for_function(
                    """() => [...document.querySelectorAll('[data-testid="stPlotlyChart"]')]
                        .every(c => c.querySelector('.main-svg'))"""
                )
        page.wait_for_load_state("networkidle")  # late requests (fonts, icons, images) too
        iconen = page.eval_on_selector_all("link[rel~='icon']", "els => els.map(e => e.href)")
        return verzoeken, iconen
    finally:
        context.close()


def vreemd(server: Server, urls: list[str]) -> list[str]:
    eigen = urlsplit(server.url)[:2]
    return [u for u in urls if urlsplit(u).scheme not in ("data", "blob") and urlsplit(u)[:2] != eigen]


@pytest.mark.parametrize("pad", STREAMLIT + LICHT)
def test_alleen_verzoeken_aan_de_eigen_server(browser: Any, server: Server, pad: str) -> None:
    verzoeken, iconen = bezoek(browser, f"{server.url}{pad}", streamlit=pad not in LICHT)
    assert verzoeken, "niets opgenomen: de opname werkt niet"
    assert not vreemd(server, verzoeken), f"{pad} vraagt iets aan een andere partij: {vreemd(server, verzoeken)}"
    assert not vreemd(server, iconen), f"het pagina-icoon van {pad} komt van elders: {iconen}"
