"""A broad sweep of broken policy files: many small mutations of the shipped YAML, generated from the files
themselves. Every one must be rejected with a PolicyError that names the file and the field.

(tests/test_validatie.py has one hand-written test per failure mode; this is the sweep.)
"""

from __future__ import annotations

import copy
import functools
import re
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import BaseModel

from policy import PolicyError, laad_met_waarschuwingen, versies
from policy.checks import alineas
from policy.loader import bron_pad, lees_secties
from policy.models import Begrip, FaqVraag, Regel, Voorwaarde, Vraag

MAP = versies()[-1]
# Where the entries with an id live, per file, and their model (for the required keys).
LIJSTEN: dict[str, tuple[tuple[str, ...], type[BaseModel]]] = {
    "regels.yaml": (("regels",), Regel),
    "voorwaarden.yaml": (("voorwaarden",), Voorwaarde),
    "begrippen.yaml": (("begrippen",), Begrip),
    "faq.yaml": (("faq", "vragen"), FaqVraag),
    "vragen.yaml": (("vragen",), Vraag),
}


@dataclass(frozen=True)
class Mutatie:
    naam: str
    bestand: str  # the file the message must name
    veld: str  # the field name the message must mention (last part of the dotted field)
    pas_toe: Callable[[Any], None]
    wijzigt: str = ""  # the file that is changed, when not `bestand`

    @property
    def gewijzigd_bestand(self) -> str:
        return self.wijzigt or self.bestand


@functools.cache
def _gelezen(bestand: str) -> Any:
    pad = MAP / bestand
    return yaml.load(pad.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader) if pad.exists() else None


def _lees(bestand: str) -> Any:
    """A private copy of the shipped file's data (parsed once: each of the hundreds of mutants changes a copy)."""
    return copy.deepcopy(_gelezen(bestand))


def _volg(data: Any, pad: tuple[str | int, ...]) -> Any:
    for stap in pad:
        data = data[stap]
    return data


def _brontekst_alineas() -> list[str]:
    try:
        return alineas(
            bron_pad(lees_secties(MAP), _lees("besluit.yaml")["besluit"]["bron"]["bestand"]).read_text("utf-8")
        )
    except Exception:
        return []


ALINEAS = _brontekst_alineas()


def _citaten(data: Any, pad: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], dict[str, Any]]]:
    """Every {alinea, citaat} mapping anywhere in a file, with its path."""
    if isinstance(data, dict):
        if "citaat" in data and "alinea" in data:
            yield pad, data
        for k, v in data.items():
            yield from _citaten(v, (*pad, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from _citaten(v, (*pad, i))


def _een_teken_anders(citaat: str) -> str:
    midden = len(citaat) // 2
    while midden < len(citaat) and not citaat[midden].isalpha():
        midden += 1
    teken = citaat[midden]
    ander = "q" if teken.lower() != "q" else "x"
    return citaat[:midden] + ander + citaat[midden + 1 :]


def mutaties() -> list[Mutatie]:
    lijst: list[Mutatie] = []
    for bestand, (pad, model) in LIJSTEN.items():
        data = _lees(bestand)
        if data is None:
            continue
        entries = _volg(data, pad)
        verplicht = [naam for naam, veld in model.model_fields.items() if veld.is_required()]
        if model is not Vraag:  # optional in the model, required by the load-time check: a text has a kind
            verplicht.append("basis")
        # Each key is dropped and misspelt once per file (in the first entry that has it): every key, every
        # file, at a cost that keeps the suite fast. Duplicates are tried for every entry.
        gedaan: set[tuple[str, str]] = set()
        for i, entry in enumerate(entries):
            eid = entry.get("id", i)
            for sleutel in verplicht:
                if ("weg", sleutel) in gedaan:
                    continue
                gedaan.add(("weg", sleutel))

                def weg(d: Any, i: int = i, sleutel: str = sleutel, pad: tuple[str, ...] = pad) -> None:
                    del _volg(d, pad)[i][sleutel]

                lijst.append(Mutatie(f"{bestand}:{eid}:zonder-{sleutel}", bestand, sleutel, weg))
            for sleutel in list(entry):
                if ("tik", sleutel) in gedaan:
                    continue
                gedaan.add(("tik", sleutel))
                fout = sleutel + sleutel[-1]  # toegang -> toegangg

                def tikfout(
                    d: Any, i: int = i, sleutel: str = sleutel, fout: str = fout, pad: tuple[str, ...] = pad
                ) -> None:
                    e = _volg(d, pad)[i]
                    e[fout] = e.pop(sleutel)

                lijst.append(Mutatie(f"{bestand}:{eid}:tikfout-{sleutel}", bestand, fout, tikfout))

            def dubbel(d: Any, i: int = i, pad: tuple[str, ...] = pad) -> None:
                _volg(d, pad).append(copy.deepcopy(_volg(d, pad)[i]))

            lijst.append(Mutatie(f"{bestand}:{eid}:dubbel", bestand, "id", dubbel))
    # Rename an id that another file refers to: the referring file and field are named.
    verwijzingen: list[tuple[str, tuple[str | int, ...], str, str, str]] = [
        # (file with the id, path of its list, file that refers, field in the referrer, key holding refs)
        ("voorwaarden.yaml", ("voorwaarden",), "regels.yaml", "voorwaarden", "voorwaarden"),
        ("faq.yaml", ("faq", "themas"), "faq.yaml", "thema", "thema"),
        ("begrippen.yaml", ("begrippen",), "faq.yaml", "begrippen", "begrippen"),
    ]
    for met_id, lijst_pad, verwijzer, veld, sleutel in verwijzingen:
        data, verw = _lees(met_id), _lees(verwijzer)
        if data is None or verw is None:
            continue
        gebruikt = {
            r
            for e in _volg(verw, LIJSTEN[verwijzer][0])
            for r in (e.get(sleutel) if isinstance(e.get(sleutel), list) else [e.get(sleutel)])
            if r
        }
        for i, entry in enumerate(_volg(data, lijst_pad)):
            if entry["id"] not in gebruikt:
                continue

            def hernoem(d: Any, i: int = i, pad: tuple[str | int, ...] = lijst_pad) -> None:
                _volg(d, pad)[i]["id"] += "-hernoemd"

            lijst.append(Mutatie(f"{met_id}:{entry['id']}:id-hernoemd", verwijzer, veld, hernoem, wijzigt=met_id))
    # Quotes: one character different, or pointed at another paragraph. Once for every place in a file where a
    # quote can stand (`regels.*.bronnen.*`): the check is the same for every quote in one place, and a place
    # the check did not reach would show here.
    for bestand in sorted(p.name for p in MAP.glob("*.yaml")):
        data = _lees(bestand)
        plaatsen: set[tuple[str, ...]] = set()
        for citaat_pad, bron in _citaten(data):
            plaats = tuple("*" if isinstance(stap, int) else stap for stap in citaat_pad)
            if plaats in plaatsen:
                continue
            plaatsen.add(plaats)
            plek = ".".join(map(str, citaat_pad))

            def breek(d: Any, pad: tuple[str | int, ...] = citaat_pad) -> None:
                b = _volg(d, pad)
                b["citaat"] = _een_teken_anders(" ".join(str(b["citaat"]).split()))

            lijst.append(Mutatie(f"{bestand}:{plek}:citaat-gebroken", bestand, "citaat", breek))
            andere = [a for a in range(len(ALINEAS)) if " ".join(str(bron["citaat"]).split()) not in ALINEAS[a]]
            if andere:
                nieuw = min(andere, key=lambda a: abs(a - int(bron["alinea"])))

                def verschuif(d: Any, pad: tuple[str | int, ...] = citaat_pad, nieuw: int = nieuw) -> None:
                    _volg(d, pad)["alinea"] = nieuw

                lijst.append(Mutatie(f"{bestand}:{plek}:alinea-{nieuw}", bestand, "citaat", verschuif))
    return lijst


MUTATIES = mutaties()


@pytest.fixture(scope="module")
def werkmap(tmp_path_factory: pytest.TempPathFactory) -> Path:
    doel = tmp_path_factory.mktemp("mutaties") / "beleid"
    shutil.copytree(MAP, doel)
    return doel


def test_genoeg_mutaties() -> None:
    soorten = {m.naam.split(":")[-1].split("-")[0] for m in MUTATIES}
    assert {"zonder", "tikfout", "dubbel", "id", "citaat", "alinea"} <= soorten, soorten
    assert len(MUTATIES) >= 80


@pytest.mark.parametrize("mutatie", MUTATIES, ids=[m.naam for m in MUTATIES])
def test_mutatie_wordt_geweigerd(werkmap: Path, mutatie: Mutatie) -> None:
    doel = werkmap / mutatie.gewijzigd_bestand
    doel_origineel = (MAP / doel.name).read_text(encoding="utf-8")
    data = _lees(doel.name)
    mutatie.pas_toe(data)
    doel.write_text(yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False), encoding="utf-8")
    try:
        with pytest.raises(PolicyError) as info:
            laad_met_waarschuwingen(werkmap)
    finally:
        doel.write_text(doel_origineel, encoding="utf-8")
    melding = str(info.value)
    assert mutatie.bestand in melding, f"{mutatie.naam}: bestand niet genoemd in:\n{melding}"
    assert re.search(rf"veld '[^']*\b{re.escape(mutatie.veld)}(\[\d+\])?'", melding), (
        f"{mutatie.naam}: veld {mutatie.veld!r} niet genoemd in:\n{melding}"
    )
