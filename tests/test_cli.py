"""`python -m policy` as a person uses it: the first two tests run it as a command, the others call its
`main` in this process (`policy_cli`), which is all the command does."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from policy.domain import alle_cellen
from tests.conftest import policy_cli, regel_index, wijzig

ROOT = Path(__file__).parent.parent


def _commando(*args: str) -> subprocess.CompletedProcess[str]:
    """The real command: a new interpreter, its exit code and output as a shell sees them."""
    return subprocess.run([sys.executable, "-m", "policy", *args], cwd=ROOT, capture_output=True, text=True, timeout=60)


def test_check_passes_on_shipped_policy() -> None:
    uit = _commando("check")
    assert uit.returncode == 0, uit.stderr
    assert f"{len(alle_cellen())} cellen elk precies één keer beslist" in uit.stdout


def test_check_fails_on_broken_policy(kopie: Path) -> None:
    wijzig(kopie, "regels.yaml", lambda d: d["regels"][regel_index(d, "vmbo_geen_toegang")].pop("reden"))
    uit = _commando("--pad", str(kopie), "check")
    assert uit.returncode == 1
    assert "regels.yaml" in uit.stderr
    assert "vmbo_geen_toegang" in uit.stderr


def test_ask_prints_answer_conditions_reason_and_quotes() -> None:
    uit = policy_cli("ask", "--doelgroep", "isk", "--niveau", "entree", "--vorm", "formatief")
    assert uit.returncode == 0, uit.stderr
    assert "Antwoord: Ja" in uit.stdout
    assert "Het aanmelden, de planning en de afname lopen altijd via een mbo-instelling." in uit.stdout
    assert '"ISK-organisaties krijgen toegang tot de formatieve Entreeproducten van de Coöperatie.' in uit.stdout


def test_ask_json_with_enrolment() -> None:
    uit = policy_cli("ask", "--doelgroep", "vmbo", "--niveau", "2", "--vorm", "summatief", "--ingeschreven", "--json")
    data = json.loads(uit.stdout)
    assert data["toegang"] == "ja"
    assert data["ingeschreven_in_mbo"] is True
    assert data["voorwaarden"] == ["als_mbo_kandidaat"]


def test_ask_unknown_value_is_a_clear_error() -> None:
    uit = policy_cli("ask", "--doelgroep", "havo", "--niveau", "2", "--vorm", "formatief")
    assert uit.returncode == 2
    assert "Kies uit: mbo, vmbo, isk, onderwijsroute, anders" in uit.stderr


def test_matrix_json_has_every_cell_once() -> None:
    data = json.loads(policy_cli("matrix", "--json").stdout)
    sleutels = {(r["doelgroep"], r["niveau"], r["vorm"], r["ingeschreven_in_mbo"]) for r in data}
    assert len(data) == len(sleutels) == len(alle_cellen())


def test_matrix_table_can_filter_on_enrolment() -> None:
    regels = policy_cli("matrix", "--niet-ingeschreven").stdout.strip().splitlines()
    assert len(regels) == 1 + len([c for c in alle_cellen() if not c.ingeschreven_in_mbo])
    assert {r.split()[1] for r in regels[1:]} == {"nee"}


def test_verantwoording_and_schema_write_the_committed_files(tmp_path: Path) -> None:
    resultaat = policy_cli("verantwoording", "--uit", str(tmp_path / "bladen"))
    assert resultaat.returncode == 0, resultaat.stderr
    geschreven = sorted((tmp_path / "bladen").iterdir())
    assert [p.name for p in geschreven] == sorted(p.name for p in (ROOT / "docs" / "verantwoording").glob("*.md"))
    for pad in geschreven:
        assert pad.read_text(encoding="utf-8") == (ROOT / "docs" / "verantwoording" / pad.name).read_text("utf-8")
    for opdracht, bestand in (("schema", "policy/schema/beleid.schema.json"),):
        uit = tmp_path / Path(bestand).name
        resultaat = policy_cli(opdracht, "--uit", str(uit))
        assert resultaat.returncode == 0, resultaat.stderr
        assert uit.read_text(encoding="utf-8") == (ROOT / bestand).read_text(encoding="utf-8")
