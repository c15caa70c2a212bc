"""The sign-off sheets (docs/verantwoording/) and the JSON Schema: generated, committed, current, complete."""

from __future__ import annotations

import json
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from pydantic import BaseModel

from policy import Beleid, laad_versies, versies
from policy.checks import herkomsten_in, normaliseer
from policy.cli import SCHEMA, VERANTWOORDING, schema_tekst
from policy.verantwoording import bladen, verantwoording, verouderd

# Fields that hold identifiers or references, not words a visitor reads.
GEEN_LEESTEKST = {"id", "waarde", "thema", "bestand", "status", "zie_ook", "begrippen", "voorwaarden"}
SCHEMA_REGEL = "# yaml-language-server: $schema=../../schema/beleid.schema.json"


def leesteksten(model: object, veld: str = "") -> Iterator[tuple[str, str]]:
    """Every text in the policy a visitor may read, found by walking the models, not by the sheet's own list."""
    if isinstance(model, BaseModel):
        for naam in type(model).model_fields:
            if naam not in GEEN_LEESTEKST:
                yield from leesteksten(getattr(model, naam), f"{veld}.{naam}" if veld else naam)
    elif isinstance(model, tuple):
        for i, item in enumerate(model):
            yield from leesteksten(item, f"{veld}[{i}]")
    elif isinstance(model, str) and not isinstance(model, Enum):
        yield veld, model


def test_committed_sheets_are_current() -> None:
    assert verouderd(VERANTWOORDING, laad_versies()) == [], (
        "docs/verantwoording/ is verouderd: draai `python -m policy verantwoording`"
    )
    assert (VERANTWOORDING / f"{laad_versies().huidig.besluit.id}.md").is_file()


def test_a_new_decision_brings_its_own_sheet_and_a_sheet_of_the_changes(twee_besluiten: Path) -> None:
    versies = laad_versies()
    namen = set(bladen(versies))
    assert namen == {"alv-2026-03-26.md", "alv-2026-11-20.md", "wijzigingen-alv-2026-03-26-naar-alv-2026-11-20.md"}
    assert verouderd(VERANTWOORDING, versies) == [
        "alv-2026-11-20.md",
        "wijzigingen-alv-2026-03-26-naar-alv-2026-11-20.md",
    ]
    blad = bladen(versies)["wijzigingen-alv-2026-03-26-naar-alv-2026-11-20.md"]
    cel = blad.split("### Cel isk/entree/summatief/niet ingeschreven")[1].split("- [ ] Akkoord")[0]
    oud, nieuw = cel.split("- wordt: ")
    assert "**nee**" in oud and "**ja**" in nieuw
    for deel, beleid in ((oud, versies.besluiten[0]), (nieuw, versies.besluiten[1])):
        regel = beleid.decide("isk", "entree", "summatief").regel
        assert all(f"«{' '.join(b.citaat.split())}»" in deel for b in regel.bronnen), "de citaten van beide"
    assert "### Vraag `open-vanaf-wanneer` (vervallen)" in blad and "### Begrip `testbegrip` (nieuw)" in blad
    assert "- Anders: het antwoord" in cel, "the changed parts in words, not field names"
    assert "**Let op:** het antwoord wordt anders, maar reden en afleiding zijn woord voor woord gelijk" in cel
    # Unchanged texts that quote what the turned cell rests on are listed to check, each to sign off.
    tweede = versies.besluiten[1]
    (isk_faq,) = [v for v in tweede.faq if v.vraag.startswith("Mogen ISK-leerlingen een summatief")]
    controleer = blad.split("## Controleer ook (")[1]
    index = tweede.faq.index(isk_faq)
    assert (
        f"### `faq.vragen.{index}` (`{isk_faq.id}`)" in controleer
        and "### `besluit.samenvatting_herkomst`" in controleer
    )
    aantal = int(controleer.split(")")[0])
    assert blad.count("- [ ] Akkoord") == 4 + aantal and controleer.count("- [ ] Akkoord") == aantal
    assert "met een melding dat er een nieuwer besluit is" in blad


def test_the_change_sheet_of_a_proposal_says_saved_links_stay_without_a_banner(met_voorstel: Path) -> None:
    blad = bladen(laad_versies())["wijzigingen-alv-2026-03-26-naar-alv-2026-11-20.md"]
    tekst = " ".join(blad.split())
    assert "een link zonder versie blijft alv-2026-03-26 tonen, zonder melding" in tekst
    assert "nieuwer besluit" not in tekst, "a proposal is no decision: the old one gets no banner"
    voorstel = bladen(laad_versies())["alv-2026-11-20.md"]
    assert "- Voorstel voor: " in voorstel and "- Besluit: " not in voorstel


def test_every_reader_facing_text_is_in_the_sheet(beleid: Beleid) -> None:
    blad = normaliseer(verantwoording(beleid))
    teksten = list(leesteksten(beleid.bestand))
    assert len(teksten) > 300
    ontbreekt = [veld for veld, tekst in teksten if normaliseer(tekst) not in blad]
    assert not ontbreekt, f"niet op het aftekenblad: {ontbreekt[:10]}"


def test_the_walk_finds_a_new_text_field() -> None:
    """The completeness test can fail: a text the sheet does not print is found."""

    class Extra(BaseModel):
        id: str
        nieuwe_tekst: str

    assert list(leesteksten(Extra(id="x", nieuwe_tekst="Iets nieuws."))) == [("nieuwe_tekst", "Iets nieuws.")]


def test_every_text_with_a_kind_shows_it(beleid: Beleid) -> None:
    met_soort = [item for _, item in herkomsten_in(beleid.bestand, ()) if item.basis is not None]
    assert verantwoording(beleid).count("- Soort: **") == len(met_soort)


def test_committed_schema_is_current() -> None:
    assert SCHEMA.read_text(encoding="utf-8") == schema_tekst(), (
        "policy/schema/beleid.schema.json is verouderd: draai `python -m policy schema`"
    )


def _yaml_bestanden() -> list[Path]:
    return [b for map_ in versies() for b in sorted(map_.glob("*.yaml"))]


@pytest.mark.parametrize("bestand", _yaml_bestanden(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_policy_file_references_and_satisfies_the_schema(bestand: Path) -> None:
    tekst = bestand.read_text(encoding="utf-8")
    assert tekst.splitlines()[0] == SCHEMA_REGEL
    assert (bestand.parent / SCHEMA_REGEL.split("=", 1)[1]).resolve() == SCHEMA.resolve()
    # An editor reads YAML 1.2, where 2026-03-26 is text; PyYAML makes it a date.
    data = json.loads(json.dumps(yaml.safe_load(tekst), default=str))
    jsonschema.validate(data, json.loads(SCHEMA.read_text(encoding="utf-8")))


def test_schema_rejects_a_typo() -> None:
    schema: dict[str, Any] = json.loads(SCHEMA.read_text(encoding="utf-8"))
    data = yaml.safe_load((versies()[-1] / "voorwaarden.yaml").read_text(encoding="utf-8"))
    data["voorwaarden"][0]["titell"] = data["voorwaarden"][0].pop("titel")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)
