"""Shared fixtures: the shipped policy, and a writable copy to break on purpose."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pytest
import yaml
from streamlit.testing.v1 import AppTest

import views.paginas
from policy import Beleid, load_policy, versies

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
