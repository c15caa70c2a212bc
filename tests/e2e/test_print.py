"""Print: what Chromium puts on paper (page.pdf with the print styles) must stand on its own.

The PDF's text is read with `pdftotext` (poppler-utils). A printed answer carries the answer, each
quote's source ("alinea"), the page's link and the date; the menu and the buttons stay off paper.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bench.server import Server
from policy import Beleid, Doelgroep, Niveau, Vorm
from policy.scenario import URL_SLEUTEL
from tests.e2e.conftest import ARTIFACTS, VEREIST
from tests.e2e.hulp import hoofdtekst, open_pagina
from views.teksten import TOEGANG_LABEL, TOEGANG_SYMBOOL

DIEPE_LINK = "/keuzehulp?doelgroep=isk&ingeschreven=nee&niveau=entree&vorm=formatief"
MAANDEN = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]


def _pdftotext() -> str:
    pad = shutil.which("pdftotext")
    if pad is None:
        hint = "pdftotext ontbreekt: `apt-get install poppler-utils`"
        if VEREIST:
            pytest.fail(hint, pytrace=False)
        pytest.skip(hint)
    return pad


def _print(page: Any, naam: str) -> str:
    """Print the page as Chromium does (print media, A4, our @page margin) and return the PDF's text."""
    map_ = ARTIFACTS / "print"
    map_.mkdir(parents=True, exist_ok=True)
    pdf = map_ / f"{naam}.pdf"
    page.pdf(path=str(pdf), format="A4", prefer_css_page_size=True, print_background=True)
    uit = subprocess.run([_pdftotext(), "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, timeout=60)
    assert uit.returncode == 0, uit.stderr
    return uit.stdout


def _vandaag() -> str:
    """Today in the Netherlands, written out the Dutch way (as a reader expects it on paper)."""
    d = dt.datetime.now(ZoneInfo("Europe/Amsterdam")).date()
    return f"{d.day} {MAANDEN[d.month - 1]} {d.year}"


def _plat(tekst: str) -> str:
    """pdftotext breaks long lines (a URL) where the page wrapped them: join them again."""
    return re.sub(r"\s+", "", tekst)


def test_printed_answer_stands_on_its_own(pagina: Any, server: Server, beleid: Beleid, tmp_path: Path) -> None:
    _pdftotext()
    open_pagina(pagina, server.url + DIEPE_LINK)
    # The share link is drawn after the script run (a lazily loaded element): wait for it, not for time.
    pagina.locator(".deel-link").first.wait_for()
    beslissing = beleid.decide(Doelgroep.isk, Niveau.entree, Vorm.formatief, False)
    kop = f"{TOEGANG_SYMBOOL[beslissing.toegang]} {TOEGANG_LABEL[beslissing.toegang]}"
    scherm = hoofdtekst(pagina)
    tekst = _print(pagina, "keuzehulp-isk-entree-formatief")

    assert kop in tekst  # the answer
    assert beslissing.regel.samenvatting.split(".")[0] in " ".join(tekst.split())
    # Every quote's source, as words on paper (on screen it is a link, which print used to drop).
    assert tekst.count("alinea") >= len(beslissing.bronnen) > 0
    # The date: only on paper, never on screen.
    assert _vandaag() in tekst
    assert _vandaag() not in scherm
    # The menu and the buttons stay on the screen.
    assert "Toegankelijkheid en privacy" not in tekst
    assert "Wijzig" not in tekst and "Opnieuw beginnen" not in tekst

    # The link to this answer, as text on paper.
    assert _plat(server.url + DIEPE_LINK) in _plat(tekst)


def test_printed_scenario_carries_its_link_not_its_controls(pagina: Any, server: Server) -> None:
    _pdftotext()
    waarde = "isk-entree-summatief-nee:ja"
    open_pagina(pagina, f"{server.url}/wat-als?{URL_SLEUTEL}={waarde}")
    pagina.wait_for_function("document.querySelectorAll('.js-plotly-plot .main-svg').length >= 4")
    tekst = _print(pagina, "wat-als")
    assert "Scenario — geen vastgesteld beleid" in tekst
    assert "Wat is anders: 1 cel" in tekst
    assert _plat(f"{URL_SLEUTEL}={waarde}") in _plat(tekst)
    assert "Wijziging toevoegen" not in tekst and "Een cel wijzigen" not in tekst and "Voor beheerders" not in tekst
    assert _vandaag() in tekst
