"""'Wat als': compare two policies cell by cell, and build a scenario policy from changed cells.

A scenario is a policy file like any other (status `scenario`), so `python -m policy check`
validates it; the rules it adds have no quote yet, which the check reports as a warning.
Nothing here changes the policy it starts from: every function returns a new object.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

import yaml

from policy.checks import beschrijf, cellen_van, controleer
from policy.domain import Basis, Cel, Doelgroep, Niveau, Toegang, Vorm, alle_cellen, cel_als_dict
from policy.engine import Beleid, Beslissing
from policy.errors import PolicyError, Probleem
from policy.models import BeleidBestand, Regel, Wanneer

# The fields of an answer that `vergelijk` compares. Rule ids and wording may differ between
# versions without changing the answer; these three are what a reader gets.
VELDEN: tuple[str, ...] = ("toegang", "voorwaarden", "basis")


@dataclass(frozen=True)
class CelVerschil:
    """One cell answered differently: the old and new answer and which fields differ."""

    cel: Cel
    oud: Beslissing
    nieuw: Beslissing
    velden: tuple[str, ...]

    def als_dict(self) -> dict[str, object]:
        """Plain data for JSON."""
        return {
            **cel_als_dict(self.cel),
            "velden": list(self.velden),
            "oud": _antwoord(self.oud),
            "nieuw": _antwoord(self.nieuw),
        }


def _antwoord(b: Beslissing) -> dict[str, object]:
    return {
        "toegang": b.toegang.value,
        "basis": b.basis.value,
        "regel": b.regel.id,
        "voorwaarden": [v.id for v in b.voorwaarden],
    }


def _waarden(b: Beslissing) -> dict[str, object]:
    return {"toegang": b.toegang, "voorwaarden": [v.id for v in b.voorwaarden], "basis": b.basis}


def vergelijk(oud: Beleid, nieuw: Beleid) -> list[CelVerschil]:
    """Every cell whose answer differs (in toegang, conditions or basis), in the stable cell order."""
    verschillen = []
    for cel in alle_cellen():
        a, b = oud.decide(*cel), nieuw.decide(*cel)
        x, y = _waarden(a), _waarden(b)
        velden = tuple(naam for naam in VELDEN if x[naam] != y[naam])
        if velden:
            verschillen.append(CelVerschil(cel, a, b, velden))
    return verschillen


def _blokken(cellen: list[Cel]) -> list[Wanneer]:
    """Cover a set of cells with few rectangular `wanneer` blocks, none overlapping."""
    per_rij: dict[tuple[Doelgroep, bool, Vorm], list[Niveau]] = defaultdict(list)
    for c in cellen:
        per_rij[(c.doelgroep, c.ingeschreven_in_mbo, c.vorm)].append(c.niveau)
    samen: dict[tuple[Doelgroep, bool, tuple[Niveau, ...]], list[Vorm]] = defaultdict(list)
    for (doelgroep, ingeschreven, vorm), niveaus in per_rij.items():
        samen[(doelgroep, ingeschreven, tuple(sorted(set(niveaus), key=list(Niveau).index)))].append(vorm)
    return [
        # Lists, not tuples: the `alle`-or-list validator wraps anything that is not a list.
        Wanneer.model_validate({"doelgroep": [d], "ingeschreven_in_mbo": [i], "niveau": list(n), "vorm": v})
        for (d, i, n), v in samen.items()
    ]


def _cel_id(cel: Cel) -> str:
    inschrijving = "ingeschreven" if cel.ingeschreven_in_mbo else "niet-ingeschreven"
    return f"{cel.doelgroep.value}-{cel.niveau.value}-{cel.vorm.value}-{inschrijving}"


def scenario_regel_id(cel: Cel) -> str:
    """The id of the rule a scenario adds for one changed cell."""
    return f"scenario-{_cel_id(cel)}"


def echte_wijzigingen(basis: Beleid, wijzigingen: Mapping[Cel, Toegang]) -> dict[Cel, Toegang]:
    """Only the changes that differ from the base policy (setting a cell to its own answer is no change)."""
    return {cel: t for cel, t in wijzigingen.items() if basis.decide(*cel).toegang != t}


def maak_scenario(basis: Beleid, wijzigingen: Mapping[Cel, Toegang], naam: str = "scenario") -> BeleidBestand:
    """The base policy with some cells answered differently; changed cells get a rule without a source.

    A new rule carries the conditions the policy requires for its cell and answer (`verplicht_bij`),
    so "ja" for ISK or the Onderwijsroute keeps the regie of the mbo-instelling. Its basis is
    `afgeleid`: it does not stand in the decision text, and the file says so.
    """
    wijzigingen = echte_wijzigingen(basis, wijzigingen)
    regels: list[Regel] = []
    for regel in basis.regels:
        cellen = cellen_van(regel)
        blijft = [c for c in cellen if c not in wijzigingen]
        if len(blijft) == len(cellen):
            regels.append(regel)
            continue
        for i, wanneer in enumerate(_blokken(blijft), start=1):
            regels.append(regel.model_copy(update={"id": f"{regel.id}-{i}", "wanneer": wanneer}))
    for cel, toegang in wijzigingen.items():
        regels.append(
            Regel(
                id=scenario_regel_id(cel),
                wanneer=_blokken([cel])[0],
                toegang=toegang,
                basis=Basis.afgeleid,
                samenvatting=f"Scenario: {toegang.value}. Dit is geen vastgesteld beleid.",
                reden="Dit is een scenario. Er is nog geen besluit over.",
                afleiding="Dit staat niet in het besluit. Het is een scenario zonder bron in de besluittekst.",
                voorwaarden=_verplichte_voorwaarden(basis, cel, toegang),
                bronnen=(),
                vervolg=("Dit scenario kan worden voorgelegd aan een volgende ALV.",),
            )
        )
    b = basis.besluit
    aantal = len(wijzigingen)
    besluit = b.model_dump(mode="json") | {
        "id": naam,
        "status": "scenario",
        "titel": f"Scenario op basis van: {b.titel}",
        "samenvatting": [
            "Dit is een scenario. Het is geen vastgesteld beleid.",
            f"Het scenario wijkt op {aantal} {'cel' if aantal == 1 else 'cellen'} af van het besluit "
            f"van {b.orgaan_kort} ({b.datum.isoformat()}).",
        ],
    }
    data = basis.bestand.model_dump(mode="json") | {
        "besluit": besluit,
        "regels": [r.model_dump(mode="json") for r in regels],
    }
    # Validate again: model_copy does not, and the id `naam` must be a valid id.
    return BeleidBestand.model_validate(data)


def scenario_beleid(basis: Beleid, wijzigingen: Mapping[Cel, Toegang], naam: str = "scenario") -> Beleid:
    """The scenario as a checked policy object (for views), next to the base; the base is not touched."""
    bestand = maak_scenario(basis, wijzigingen, naam)
    fouten = [b for b in controleer(bestand, basis.brontekst) if not b.waarschuwing]
    if fouten:
        loc = basis.pad
        raise PolicyError([Probleem(loc, f"{'.'.join(map(str, f.loc))}: {f.melding}") for f in fouten])
    return Beleid(bestand, basis.brontekst, basis.pad)


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


def regels_zonder_bron(bestand: BeleidBestand) -> list[str]:
    """The ids of rules without a quote: in a scenario, the rules that still need a source."""
    return [r.id for r in bestand.regels if not r.bronnen]


def als_yaml(bestand: BeleidBestand) -> str:
    """One policy as a single YAML file in the same format as the shipped files."""
    data = bestand.model_dump(mode="json", exclude_none=True)
    kop = "# Beleidsbestand in het formaat van policy/besluiten/. Controleer met:\n"
    kop += "#   python -m policy --pad DIT_BESTAND check\n"
    if bestand.besluit.status == "scenario":
        zonder = regels_zonder_bron(bestand)
        kop += "# SCENARIO: dit is geen vastgesteld beleid.\n"
        if zonder:
            kop += "# Deze regels hebben nog geen bron (citaat uit de besluittekst):\n"
            kop += "".join(f"#   - {r}\n" for r in zonder)
    return kop + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def beschrijf_verschil(verschil: CelVerschil) -> str:
    """One line for the command line: the cell, old and new answer, and what differs."""
    oud, nieuw = verschil.oud, verschil.nieuw
    delen = []
    for veld in verschil.velden:
        if veld == "voorwaarden":
            a = ",".join(v.id for v in oud.voorwaarden) or "-"
            b = ",".join(v.id for v in nieuw.voorwaarden) or "-"
        else:
            a, b = getattr(oud, veld).value, getattr(nieuw, veld).value
        delen.append(f"{veld}: {a} -> {b}")
    return f"{beschrijf(verschil.cel)}: {'; '.join(delen)}"
