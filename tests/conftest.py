"""Shared fixtures: the shipped policy, and a writable copy to break on purpose."""

from __future__ import annotations

import contextlib
import io
import shutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from streamlit.testing.v1 import AppTest

import views.paginas
from policy import Beleid, cli, load_policy, versies

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = Path(__file__).parent / "scenarios.yaml"
# The one script AppTest runs: the navigation over pages/ that app.py serves (every page test starts here).
APP_SCRIPT = ROOT / "web" / "navigation.py"


def open_pagina(pagina: str | None = None, params: Mapping[str, str] | None = None) -> AppTest:
    """A fresh AppTest on one page (`keuzehulp` for pages/keuzehulp.py) with the given query string."""
    at = AppTest.from_file(str(APP_SCRIPT), default_timeout=30)
    at.query_params.update(params or {})
    at.run()
    if pagina is not None:
        at.switch_page(str(views.paginas.pagina(pagina)))
        at.run()
    return at


@dataclass(frozen=True)
class Uitvoer:
    """What `python -m policy ...` gave: the exit code and both streams."""

    returncode: int
    stdout: str
    stderr: str


def policy_cli(*args: str) -> Uitvoer:
    """`python -m policy ARGS`, run in this process: `policy.__main__` only does `raise SystemExit(main())`,
    and a new interpreter per call costs a second of CPU (tests/test_cli.py runs it as a real command too)."""
    uit, fout = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(uit), contextlib.redirect_stderr(fout):
        try:
            code: object = cli.main(list(args))
        except SystemExit as einde:  # argparse stops this way on bad arguments
            code = einde.code
    return Uitvoer(code if isinstance(code, int) else 1, uit.getvalue(), fout.getvalue())


@pytest.fixture(scope="session")
def beleid() -> Beleid:
    return load_policy()


@pytest.fixture
def kopie(tmp_path: Path) -> Path:
    """A copy of the shipped policy folder (with its source text) that a test may change."""
    doel = tmp_path / "beleid"
    shutil.copytree(versies()[-1], doel)
    return doel


Wijziging = Callable[[Any], object]


def wijzig(map_: Path, bestand: str, wijziging: Wijziging) -> Path:
    """Change the parsed data of one file in place and write it back as YAML."""
    pad = map_ / bestand
    data = yaml.safe_load(pad.read_text(encoding="utf-8"))
    wijziging(data)
    pad.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    return pad


def regel_index(data: dict[str, Any], regel_id: str) -> int:
    return next(i for i, r in enumerate(data["regels"]) if r["id"] == regel_id)


# --- a second decision, for the versions (never shipped as policy) ------------------------------------
TWEEDE_ID = "alv-2026-11-20"
TWEEDE_DATUM = "2026-11-20"
# The cell the test decision answers differently: ISK, summative Entree, not enrolled (nee -> ja).
VERVALLEN_FAQ = "open-vanaf-wanneer"
GEWIJZIGDE_CEL = {"doelgroep": "isk", "ingeschreven": "nee", "niveau": "entree", "vorm": "summatief"}


def maak_tweede_besluit(doel: Path, status: str = "vastgesteld") -> Path:
    """A folder of decisions: the shipped one and a later test decision with one changed rule.

    The test decision reuses the shipped bericht and its quotes; it exists only to walk the versions.
    Its ISK rule opens summative Entree (with the conditions of formative Entree), its first FAQ answer
    is reworded, one FAQ entry is gone and one glossary entry is new.
    Returns the folder to point TOEGANGSWIJZER_BESLUITEN at.
    """
    eerste = versies()[-1]
    shutil.copytree(eerste, doel / eerste.name)
    tweede = doel / f"{TWEEDE_DATUM}-alv"
    shutil.copytree(eerste, tweede)

    def besluit(data: dict[str, Any]) -> None:
        data["besluit"].update(id=TWEEDE_ID, datum=TWEEDE_DATUM, status=status)

    def regels(data: dict[str, Any]) -> None:
        regel = data["regels"][regel_index(data, "isk_entree_summatief")]
        formatief = data["regels"][regel_index(data, "isk_entree_formatief")]
        regel.update(
            toegang="ja",
            basis="afgeleid",
            samenvatting="Ja (testbesluit): ook de summatieve Entreeproducten, via een mbo-instelling.",
            voorwaarden=formatief["voorwaarden"],
        )

    def faq(data: dict[str, Any]) -> None:
        vraag = data["faq"]["vragen"][0]
        vraag["antwoord"] = vraag["antwoord"] + " (Anders verwoord in het testbesluit.)"
        data["faq"]["vragen"] = [v for v in data["faq"]["vragen"] if v["id"] != VERVALLEN_FAQ]

    def begrippen(data: dict[str, Any]) -> None:
        nieuw = {"id": "testbegrip", "term": "Testbegrip", "uitleg": "Een woord dat alleen het testbesluit kent."}
        bron = "een test van de Toegangswijzer, geen beleid"
        data["begrippen"].append({**nieuw, "basis": "achtergrond", "toelichting_bron": bron})

    wijzig(tweede, "besluit.yaml", besluit)
    wijzig(tweede, "regels.yaml", regels)
    wijzig(tweede, "faq.yaml", faq)
    wijzig(tweede, "begrippen.yaml", begrippen)
    return doel


@pytest.fixture
def twee_besluiten(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The app and the policy see two decisions (the shipped one and a later test decision)."""
    map_ = maak_tweede_besluit(tmp_path / "besluiten")
    monkeypatch.setenv("TOEGANGSWIJZER_BESLUITEN", str(map_))
    return map_


@pytest.fixture
def met_voorstel(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The app and the policy see the shipped decision and a proposal after it (`voorstel`)."""
    map_ = maak_tweede_besluit(tmp_path / "besluiten", status="voorstel")
    monkeypatch.setenv("TOEGANGSWIJZER_BESLUITEN", str(map_))
    return map_
