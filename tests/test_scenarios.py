"""The scenario table (tests/scenarios.yaml) against the policy: every cell, written from the text."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
import yaml

from policy import Beleid, Cel, Doelgroep, Niveau, Vorm
from policy.domain import alle_cellen
from tests.conftest import SCENARIOS

_ALLE = {
    "doelgroep": [d.value for d in Doelgroep],
    "ingeschreven": ["nee", "ja"],
    "niveau": [n.value for n in Niveau],
    "vorm": [v.value for v in Vorm],
}


def _uitgeklapt() -> list[tuple[dict[str, Any], dict[str, str]]]:
    gevallen = []
    for scenario in yaml.safe_load(SCENARIOS.read_text(encoding="utf-8"))["scenarios"]:
        assen = []
        for naam in _ALLE:
            waarde = scenario["invoer"][naam]
            assen.append(
                _ALLE[naam]
                if waarde == "alle"
                else [str(w) for w in (waarde if isinstance(waarde, list) else [waarde])]
            )
        for combinatie in itertools.product(*assen):
            gevallen.append((scenario, dict(zip(_ALLE, combinatie, strict=True))))
    return gevallen


GEVALLEN = _uitgeklapt()


def _id(geval: tuple[dict[str, Any], dict[str, str]]) -> str:
    invoer = geval[1]
    return "-".join(invoer.values())


@pytest.mark.parametrize("geval", GEVALLEN, ids=[_id(g) for g in GEVALLEN])
def test_scenario(beleid: Beleid, geval: tuple[dict[str, Any], dict[str, str]]) -> None:
    scenario, invoer = geval
    d = beleid.decide(
        doelgroep=invoer["doelgroep"],
        niveau=invoer["niveau"],
        vorm=invoer["vorm"],
        ingeschreven_in_mbo=invoer["ingeschreven"] == "ja",
    )
    assert d.toegang.value == scenario["toegang"], scenario["naam"]
    assert [v.id for v in d.voorwaarden] == scenario["voorwaarden"], scenario["naam"]
    if "basis" in scenario:
        assert d.basis.value == scenario["basis"], scenario["naam"]
    assert any(scenario["bron_bevat"] in b.citaat for b in d.bronnen), scenario["naam"]


def test_scenarios_cover_every_cell_exactly_once() -> None:
    gezien = [
        Cel(Doelgroep(i["doelgroep"]), Niveau(i["niveau"]), Vorm(i["vorm"]), i["ingeschreven"] == "ja")
        for _, i in GEVALLEN
    ]
    assert sorted(gezien) == sorted(alle_cellen())
