"""No page makes a request to any origin but the app's own: every request Chromium makes is recorded.

Where each page is checked, once:
- every Streamlit page of the navigation: tests/e2e/test_paginas.py::test_pagina (after the network is idle,
  so late fonts and icons count);
- every other browser test: the `pagina` fixture fails a test whose tab asked another machine for anything;
- here: the keuzehulp's question and answer states, and the light pages.

Icons count too: the page icon is shipped (web/static/icoon.svg), the navigation icons come from the Material
Symbols font Streamlit bundles.
"""

from __future__ import annotations

from typing import Any

import pytest

import web
from bench.server import Server
from tests.e2e.conftest import van_deze_machine
from tests.e2e.hulp import wacht_klaar

STREAMLIT = [
    "/keuzehulp?doelgroep=isk&ingeschreven=nee&niveau=entree&vorm=formatief",
    "/keuzehulp?rol=vmbo",
]
# Light pages (plain HTML) that the server routes; path templates with parameters are left out.
LICHT = [p for r in web.routes() if (p := getattr(r, "path", "")).startswith("/licht") and "{" not in p]


@pytest.mark.parametrize("pad", STREAMLIT + LICHT)
def test_alleen_verzoeken_aan_de_eigen_server(pagina: Any, server: Server, pad: str) -> None:
    pagina.goto(f"{server.url}{pad}", wait_until="domcontentloaded")
    if pad in STREAMLIT:
        wacht_klaar(pagina)
    pagina.wait_for_load_state("networkidle")  # late requests (fonts, icons, images) too
    iconen = pagina.eval_on_selector_all("link[rel~='icon']", "els => els.map(e => e.href)")
    assert pagina.verzoeken, "niets opgenomen: de opname werkt niet"
    vreemd = [u for u in pagina.verzoeken if not van_deze_machine(u)]
    assert not vreemd, f"{pad} vraagt iets aan een andere partij: {vreemd}"
    assert all(map(van_deze_machine, iconen)), f"het pagina-icoon van {pad} komt van elders: {iconen}"


def test_een_verzoek_naar_buiten_wordt_gezien() -> None:
    """The check itself: another host, or this machine under another name, is not this machine."""
    assert not van_deze_machine("https://fonts.googleapis.com/css2?family=Source+Sans")
    assert not van_deze_machine("http://localhost.example.nl/")
    assert van_deze_machine("http://127.0.0.1:8501/static/js/index.js")
    assert van_deze_machine("data:image/svg+xml,<svg/>")
