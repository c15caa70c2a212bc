"""Read policy YAML (one file or a folder of files) into a validated BeleidBestand.

Every problem is reported with its file, line, entry id and field, so a broken file
says exactly where it is broken.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from policy.errors import PolicyError, Probleem
from policy.models import SECTIES, BeleidBestand

BRONNEN_MAP = Path(__file__).parent / "bronnen"

Loc = tuple[str | int, ...]
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Sectie:
    """Where one top-level section of the policy came from."""

    bestand: Path
    data: Any
    node: yaml.Node


@dataclass(frozen=True)
class Bronbestanden:
    """The parsed files of one policy, per section, for locating problems."""

    secties: dict[str, Sectie]

    def probleem(self, loc: Loc, melding: str) -> Probleem:
        """Turn a location like ('regels', 3, 'bronnen', 0, 'citaat') into a Probleem."""
        sectie = self.secties.get(str(loc[0])) if loc else None
        if sectie is None:
            bestand = next(iter(self.secties.values())).bestand if self.secties else Path("?")
            return Probleem(bestand, melding, veld=".".join(map(str, loc)) or None)
        data: Any = sectie.data
        node: yaml.Node | None = sectie.node
        entry: str | None = data.get("id") if isinstance(data, dict) else None
        veld_start = 1
        regel_nr = sectie.node.start_mark.line + 1
        for i, stap in enumerate(loc[1:], start=1):
            data, node = _stap(data, node, stap)
            if node is not None:
                regel_nr = node.start_mark.line + 1
            if isinstance(stap, int) and isinstance(data, dict) and isinstance(data.get("id"), str):
                entry, veld_start = data["id"], i + 1
            if data is None and node is None:
                break
        veld = _veldnaam(loc[veld_start:]) if loc[veld_start:] else (str(loc[0]) if veld_start == 1 else None)
        return Probleem(sectie.bestand, melding, entry=entry, veld=veld, regel_nr=regel_nr)


def _veldnaam(loc: Loc) -> str:
    naam = ""
    for stap in loc:
        naam += f"[{stap}]" if isinstance(stap, int) else (f".{stap}" if naam else str(stap))
    return naam


def _stap(data: Any, node: yaml.Node | None, stap: str | int) -> tuple[Any, yaml.Node | None]:
    """Follow one step of a location through both the data and the YAML node tree."""
    volgende_data = None
    if isinstance(data, dict):
        volgende_data = data.get(stap)
    elif isinstance(data, list) and isinstance(stap, int) and 0 <= stap < len(data):
        volgende_data = data[stap]
    volgende_node = None
    if isinstance(node, yaml.MappingNode):
        for sleutel, waarde in node.value:
            if sleutel.value == str(stap):
                volgende_node = waarde
                break
    elif isinstance(node, yaml.SequenceNode) and isinstance(stap, int) and 0 <= stap < len(node.value):
        volgende_node = node.value[stap]
    return volgende_data, volgende_node


def _lees_yaml(pad: Path) -> tuple[Any, yaml.Node | None]:
    try:
        tekst = pad.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as fout:
        raise PolicyError([Probleem(pad, f"kan het bestand niet lezen: {fout}")]) from fout
    # Parse once, with libyaml where available (the pure-Python parser is most of the load time),
    # and keep the node tree: it gives the line numbers for error messages.
    loader = _Loader(tekst)
    try:
        node = loader.get_single_node()
        return (loader.construct_document(node) if node is not None else None), node
    except yaml.YAMLError as fout:
        mark = getattr(fout, "problem_mark", None)
        regel = mark.line + 1 if mark is not None else None
        uitleg = getattr(fout, "problem", None) or str(fout)
        raise PolicyError([Probleem(pad, f"geen geldige YAML: {uitleg}", regel_nr=regel)]) from fout
    finally:
        loader.dispose()


def yaml_bestanden(pad: Path) -> list[Path]:
    """The YAML files of one policy: the file itself, or every .yaml file of the folder."""
    if pad.is_dir():
        return sorted(pad.glob("*.yaml"))
    return [pad]


def lees_secties(pad: Path) -> Bronbestanden:
    """Parse the files and gather the top-level sections, each from exactly one file."""
    bestanden = yaml_bestanden(pad)
    if not bestanden or not all(b.exists() for b in bestanden):
        raise PolicyError([Probleem(pad, "geen beleidsbestanden gevonden (.yaml)")])
    secties: dict[str, Sectie] = {}
    problemen: list[Probleem] = []
    for bestand in bestanden:
        data, node = _lees_yaml(bestand)
        if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
            problemen.append(Probleem(bestand, "het bestand moet een mapping zijn met secties als sleutel"))
            continue
        for sleutel, waarde in node.value:
            naam = sleutel.value
            if naam not in SECTIES:
                problemen.append(
                    Probleem(
                        bestand,
                        f"onbekende sectie; geldig zijn: {', '.join(SECTIES)}",
                        veld=naam,
                        regel_nr=sleutel.start_mark.line + 1,
                    )
                )
            elif naam in secties:
                problemen.append(
                    Probleem(
                        bestand,
                        f"sectie staat ook al in {secties[naam].bestand.name}",
                        veld=naam,
                        regel_nr=sleutel.start_mark.line + 1,
                    )
                )
            else:
                secties[naam] = Sectie(bestand, data[naam], waarde)
    for naam in SECTIES:
        if naam not in secties and not problemen:
            problemen.append(Probleem(pad, "verplichte sectie ontbreekt", veld=naam))
    if problemen:
        raise PolicyError(problemen)
    return Bronbestanden(secties)


def valideer(bronnen: Bronbestanden) -> BeleidBestand:
    """Validate the gathered sections against the models, reporting every error with its place."""
    try:
        return BeleidBestand.model_validate({naam: s.data for naam, s in bronnen.secties.items()})
    except ValidationError as fout:
        problemen = [bronnen.probleem(tuple(e["loc"]), _melding(e)) for e in fout.errors()]
        raise PolicyError(problemen) from None


def _melding(fout: Any) -> str:
    soort = fout["type"]
    if soort == "extra_forbidden":
        return "onbekende sleutel (tikfout?)"
    if soort == "missing":
        return "verplichte sleutel ontbreekt"
    return f"{fout['msg']} (gegeven: {str(fout.get('input'))[:60]!r})"


def bron_pad(bronnen: Bronbestanden, bestand: str) -> Path:
    """The decision text: next to the file that names it, else in policy/bronnen/."""
    naast = bronnen.secties["besluit"].bestand.parent / bestand
    return naast if naast.exists() else BRONNEN_MAP / Path(bestand).name
