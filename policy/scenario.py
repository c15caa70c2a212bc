"""'Wat als': compare two policies cell by cell, and build a scenario policy from changed cells.

A scenario is a policy file like any other (status `scenario`), so `python -m policy check`
validates it; the rules it adds have no quote yet, which the check reports as a warning.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import yaml

from policy.checks import cellen_van
from policy.domain import Basis, Cel, Toegang, alle_cellen
from policy.engine import Beleid, Beslissing
from policy.models import BeleidBestand, Regel, Wanneer


@dataclass(frozen=True)
class CelVerschil:
    cel: Cel
    oud: Beslissing
    nieuw: Beslissing
    velden: tuple[str, ...]


def vergelijk(oud: Beleid, nieuw: Beleid) -> list[CelVerschil]:
    """Every cell whose answer differs: in toegang, conditions or basis."""
    verschillen = []
    for cel in alle_cellen():
        a, b = oud.decide(*cel), nieuw.decide(*cel)
        velden = tuple(
            naam
            for naam, x, y in (
                ("toegang", a.toegang, b.toegang),
                ("voorwaarden", [v.id for v in a.voorwaarden], [v.id for v in b.voorwaarden]),
                ("basis", a.basis, b.basis),
            )
            if x != y
        )
        if velden:
            verschillen.append(CelVerschil(cel, a, b, velden))
    return verschillen


def _blokken(cellen: list[Cel]) -> list[Wanneer]:
    """Cover a set of cells with few rectangular `wanneer` blocks, none overlapping."""
    per_rij: dict[tuple[object, bool, object], list[object]] = defaultdict(list)
    for c in cellen:
        per_rij[(c.doelgroep, c.ingeschreven_in_mbo, c.vorm)].append(c.niveau)
    samen: dict[tuple[object, bool, tuple[object, ...]], list[object]] = defaultdict(list)
    for (doelgroep, ingeschreven, vorm), niveaus in per_rij.items():
        samen[(doelgroep, ingeschreven, tuple(niveaus))].append(vorm)
    return [
        Wanneer(doelgroep=(d,), ingeschreven_in_mbo=(i,), niveau=n, vorm=tuple(v))  # type: ignore[arg-type]
        for (d, i, n), v in samen.items()
    ]


def _cel_id(cel: Cel) -> str:
    inschrijving = "ingeschreven" if cel.ingeschreven_in_mbo else "niet_ingeschreven"
    return f"{cel.doelgroep.value}_{cel.niveau.value}_{cel.vorm.value}_{inschrijving}"


def maak_scenario(basis: Beleid, wijzigingen: dict[Cel, Toegang], naam: str = "scenario") -> BeleidBestand:
    """The base policy with some cells answered differently; changed cells get a rule without a source."""
    regels: list[Regel] = []
    for regel in basis.regels:
        blijft = [c for c in cellen_van(regel) if c not in wijzigingen or wijzigingen[c] == regel.toegang]
        if len(blijft) == len(cellen_van(regel)):
            regels.append(regel)
            continue
        for i, wanneer in enumerate(_blokken(blijft), start=1):
            regels.append(regel.model_copy(update={"id": f"{regel.id}-{i}", "wanneer": wanneer}))
    for cel, toegang in wijzigingen.items():
        if basis.decide(*cel).toegang == toegang:
            continue
        regels.append(
            Regel(
                id=f"scenario-{_cel_id(cel)}".replace("_", "-"),
                wanneer=_blokken([cel])[0],
                toegang=toegang,
                basis=Basis.expliciet,
                samenvatting=f"Scenario: {toegang.value}. Dit is geen vastgesteld beleid.",
                reden="Dit is een scenario. Er is nog geen besluit over.",
                voorwaarden=_verplichte_voorwaarden(basis, cel, toegang),
                bronnen=(),
                vervolg=("Dit scenario kan worden voorgelegd aan een volgende ALV.",),
            )
        )
    besluit = basis.besluit.model_copy(update={"id": naam, "status": "scenario"})
    return basis.bestand.model_copy(update={"besluit": besluit, "regels": tuple(regels)})


def _verplichte_voorwaarden(basis: Beleid, cel: Cel, toegang: Toegang) -> tuple[str, ...]:
    """The conditions the policy requires for this cell and answer (its `verplicht_bij`)."""
    return tuple(
        v.id
        for v in basis.voorwaarden
        if v.verplicht_bij is not None
        and cel.doelgroep in v.verplicht_bij.doelgroep
        and cel.ingeschreven_in_mbo in v.verplicht_bij.ingeschreven_in_mbo
        and toegang in v.verplicht_bij.toegang
    )


def als_yaml(bestand: BeleidBestand) -> str:
    """One policy as a single YAML file in the same format as the shipped files."""
    data = bestand.model_dump(mode="json", exclude_none=True)
    kop = (
        "# Beleidsbestand in het formaat van policy/besluiten/. Controleer met:\n"
        "#   python -m policy --pad DIT_BESTAND check\n"
    )
    return kop + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
