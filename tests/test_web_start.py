"""The server around the pages (web/startup.py): the policy check at start, the Dutch error message."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import web.startup
from policy import PolicyError
from tests.conftest import maak_tweede_besluit, wijzig


@pytest.mark.parametrize("kapot", ["citaat", "tweede-besluit"])
def test_start_stopt_bij_een_kapot_beleid(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kapot: str) -> None:
    """A broken decision stops the server at start, also when it is not the current one."""
    map_ = maak_tweede_besluit(tmp_path / "besluiten")
    doel = map_ / ("2026-03-26-alv" if kapot == "citaat" else "2026-11-20-alv")
    if kapot == "citaat":
        wijzig(doel, "regels.yaml", lambda d: d["regels"][0]["bronnen"][0].update(citaat="Dit staat er niet."))
    else:
        wijzig(doel, "besluit.yaml", lambda d: d["besluit"].update(id="alv-2026-03-26"))
    monkeypatch.setenv("TOEGANGSWIJZER_BESLUITEN", str(map_))

    async def start() -> None:
        async with web.startup.lifespan(None):
            pass

    with pytest.raises(PolicyError):
        asyncio.run(start())


def _crash() -> None:
    from web.startup import toon_fout

    try:
        raise ValueError("<b>intern detail</b>")
    except ValueError as fout:
        toon_fout(fout)


def test_foutmelding_is_nederlands_met_code_die_in_het_log_staat(
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(logging.getLogger("toegangswijzer"), "propagate", True)  # Streamlit's loggers do not
    with caplog.at_level(logging.ERROR, logger="toegangswijzer"):
        at = AppTest.from_function(_crash).run()
    assert len(at.error) == 1
    melding = at.error[0].value
    assert melding.startswith("Er ging iets mis")
    assert "intern detail" not in melding, "geen interne details voor bezoekers"
    code = melding.split("**")[1]
    assert len(code) == 8 and code.isalnum()
    assert any(code in r.getMessage() and r.exc_info for r in caplog.records), "de code staat met traceback in het log"
