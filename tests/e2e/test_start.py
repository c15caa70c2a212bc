"""`streamlit run app.py` refuses to start with a broken policy or a malformed framing setting.

A real process on a copy of the app: the check must stop the server, not leave it serving errors.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from bench.server import STREAMLIT, free_port
from tests.conftest import wijzig
from tests.e2e.conftest import ROOT

ONDERDELEN = ["app.py", "web", "views", "pages", "policy", ".streamlit"]


@pytest.fixture
def kopie_van_de_app(tmp_path: Path) -> Path:
    for naam in ONDERDELEN:
        bron = ROOT / naam
        if bron.is_dir():
            shutil.copytree(bron, tmp_path / naam, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(bron, tmp_path / naam)
    return tmp_path


def start(map_: Path, **omgeving: str) -> subprocess.CompletedProcess[str]:
    cmd = [str(STREAMLIT), "run", "app.py", "--server.port", str(free_port()), "--server.address", "127.0.0.1"]
    try:
        return subprocess.run(
            cmd, cwd=map_, env={**os.environ, **omgeving}, capture_output=True, text=True, timeout=90, check=False
        )
    except subprocess.TimeoutExpired as fout:
        pytest.fail(f"de server bleef draaien:\n{fout.stdout!s}")


def test_kapot_beleid_stopt_de_start(kopie_van_de_app: Path) -> None:
    beleidsmap = next((kopie_van_de_app / "policy" / "besluiten").iterdir())
    wijzig(beleidsmap, "regels.yaml", lambda d: d["regels"][0]["bronnen"][0].update(citaat="staat er niet"))
    uitkomst = start(kopie_van_de_app)
    assert uitkomst.returncode != 0
    assert "PolicyError" in uitkomst.stdout + uitkomst.stderr and "staat er niet" in uitkomst.stdout + uitkomst.stderr


def test_onjuiste_inlijst_instelling_stopt_de_start(kopie_van_de_app: Path) -> None:
    uitkomst = start(kopie_van_de_app, TOEGANGSWIJZER_FRAME_ANCESTORS="https://a.nl; script-src *")
    assert uitkomst.returncode != 0
    assert "TOEGANGSWIJZER_FRAME_ANCESTORS" in uitkomst.stdout + uitkomst.stderr
