"""'Wat als': compare two policies cell by cell, and build a scenario policy from changed cells.

A scenario is a policy file like any other (status `scenario`), so `python -m policy check`
validates it; the rules it adds have no quote yet, which the check reports as a warning.
Nothing here changes the policy it starts from: every function returns a new object.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

import yaml

from policy.checks import cellen_van, controleer
from policy.domain import (
    Basis,
    Cel,
    Doelgroep,
    Niveau,
    Toegang,
    Vorm,
    alle_cellen,
    beschrijf,
    cel_als_dict,
    cel_sleutel,
    lees_cel_sleutel,
)
from policy.engine import Beleid, Beslissing
from policy.errors import PolicyError, Probleem
from policy.models import BeleidBestand, FaqVraag, Regel, Wanneer

# The fields of an answer that `vergelijk` compares. Rule ids and wording may differ between
# versions without changing the answer; these three are what a reader gets.
VELDEN: tuple[str, ...] = ("toegang", "voorwaarden", "basis")
# Between two published decisions the words a reader sees count too (`tekst`: summary, reason, next steps).
VELDEN_MET_TEKST: tuple[str, ...] = (*VELDEN, "tekst")

# A FAQ answer about a group whose cells the scenario changes describes the adopted decision, not the scenario.
LET_OP = "LET OP (scenario): dit antwoord beschrijft het vastgestelde besluit. Het scenario wijzigt antwoorden"


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
    tekst = (" ".join(b.regel.samenvatting.split()), " ".join(b.reden.split()), b.regel.vervolg)
    return {"toegang": b.toegang, "voorwaarden": [v.id for v in b.voorwaarden], "basis": b.basis, "tekst": tekst}


def vergelijk(oud: Beleid, nieuw: Beleid, vergeleken: tuple[str, ...] = VELDEN) -> list[CelVerschil]:
    """Every cell whose answer differs (by default in toegang, conditions or basis), in the stable cell order."""
    verschillen = []
    for cel in alle_cellen():
        a, b = oud.decide(*cel), nieuw.decide(*cel)
        x, y = _waarden(a), _waarden(b)
        velden = tuple(naam for naam in vergeleken if x[naam] != y[naam])
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


def scenario_regel_id(cel: Cel) -> str:
    """The id of the rule a scenario adds for one changed cell: `scenario-isk-entree-summatief-nee`."""
    return f"scenario-{cel_sleutel(cel)}"


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
    gewijzigd: list[Regel] = []
    for regel in basis.regels:
        cellen = cellen_van(regel)
        blijft = [c for c in cellen if c not in wijzigingen]
        if len(blijft) == len(cellen):
            regels.append(regel)
            continue
        for i, wanneer in enumerate(_blokken(blijft), start=1):
            regels.append(regel.model_copy(update={"id": f"{regel.id}-{i}", "wanneer": wanneer}))
    for cel, toegang in _gesorteerd(wijzigingen):
        gewijzigd.append(
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
    aanpassing = faq_aanpassing(basis, wijzigingen)
    weg = {v.id for v in aanpassing.weggelaten}
    markeer = {v.id for v in aanpassing.gemarkeerd}
    vragen = [
        v.model_copy(update={"antwoord": f"{_let_op(basis, wijzigingen)} {v.antwoord}"}) if v.id in markeer else v
        for v in basis.bestand.faq.vragen
        if v.id not in weg
    ]
    data = basis.bestand.model_dump(mode="json") | {
        "besluit": besluit,
        # The changed cells first: a reader of the file finds the change right under its summary.
        "regels": [r.model_dump(mode="json") for r in (*gewijzigd, *regels)],
    }
    data["faq"] = {**data["faq"], "vragen": [v.model_dump(mode="json") for v in vragen]}
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


def als_yaml(bestand: BeleidBestand, kop: str = "") -> str:
    """One policy as a single YAML file in the same format as the shipped files, under a comment `kop`.

    A scenario puts `regels` first (its changed rules lead that list), so the change is near the top.
    """
    data = bestand.model_dump(mode="json", exclude_none=True)
    # Every rule starts with its id, as in the shipped files (the model lists the text's kind first).
    data["regels"] = [{"id": regel["id"], **regel} for regel in data["regels"]]
    if bestand.besluit.status == "scenario":
        data = {"regels": data.pop("regels"), **data}
    return kop + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def beschrijf_verschil(verschil: CelVerschil) -> str:
    """One line for the command line: the cell, old and new answer, and what differs."""
    oud, nieuw = verschil.oud, verschil.nieuw
    delen = []
    for veld in verschil.velden:
        if veld == "voorwaarden":
            a = ",".join(v.id for v in oud.voorwaarden) or "-"
            b = ",".join(v.id for v in nieuw.voorwaarden) or "-"
        elif veld == "tekst":
            a, b = oud.regel.id, f"{nieuw.regel.id} (anders verwoord)"
        else:
            a, b = getattr(oud, veld).value, getattr(nieuw, veld).value
        delen.append(f"{veld}: {a} -> {b}")
    return f"{beschrijf(verschil.cel)}: {'; '.join(delen)}"


# --- the scenario in a URL -------------------------------------------------------------------------------
# `?scenario=isk-entree-summatief-nee:ja,vmbo-2-formatief-nee:ja`: one item per changed cell, each the
# domain's cell key (`policy.domain.cel_sleutel`) and the new answer.
URL_SLEUTEL = "scenario"
_URL_MAX = 50 * len(alle_cellen())  # every cell changed, each item at most 49 characters


def wijzigingen_als_url(wijzigingen: Mapping[Cel, Toegang]) -> str:
    """The changes as one URL value, in the stable cell order (the same scenario gives the same link)."""
    return ",".join(f"{cel_sleutel(c)}:{t.value}" for c, t in _gesorteerd(wijzigingen))


def lees_wijzigingen_url(waarde: object) -> tuple[dict[Cel, Toegang], bool]:
    """The changes named by a URL value, and whether any part was left out (never raises, never echoes).

    Only exact items of known values count; a cell named twice is left out entirely, as is a value
    that is too long to be ours.
    """
    tekst = str(waarde)
    if not tekst:
        return {}, False
    if len(tekst) > _URL_MAX:
        return {}, True
    gevonden: dict[Cel, Toegang] = {}
    dubbel: set[Cel] = set()
    genegeerd = False
    for item in tekst.split(","):
        sleutel, _, antwoord = item.partition(":")
        cel = lees_cel_sleutel(sleutel) if sleutel == sleutel.strip().lower() else None
        toegang = next((t for t in Toegang if t.value == antwoord), None)
        if cel is None or toegang is None:
            genegeerd = True
            continue
        if cel in gevonden:
            dubbel.add(cel)
        gevonden[cel] = toegang
    return {c: t for c, t in gevonden.items() if c not in dubbel}, genegeerd or bool(dubbel)


# --- what the scenario makes untrue, and the file's readable head ----------------------------------------


@dataclass(frozen=True)
class FaqAanpassing:
    """The FAQ entries a scenario drops and the ones it marks with `LET_OP`."""

    weggelaten: tuple[FaqVraag, ...]
    gemarkeerd: tuple[FaqVraag, ...]


def faq_aanpassing(basis: Beleid, wijzigingen: Mapping[Cel, Toegang]) -> FaqAanpassing:
    """Which FAQ answers the changes make untrue, or may.

    Dropped: an entry whose `cel` is decided by a rule that loses a cell to the scenario. Its answer is
    that rule's answer ("Nee, vmbo-scholen krijgen geen toegang"), which no longer holds for every cell.
    Marked: an entry about a group with a changed cell (not one for every group: those are general,
    such as who has the regie or when the ALV decided). It may still hold, a person must check it.
    """
    wijzigingen = echte_wijzigingen(basis, wijzigingen)
    gesplitst = set(gesplitste_regels(basis, wijzigingen))
    groepen = {c.doelgroep for c in wijzigingen}
    weg, markeer = [], []
    for v in basis.bestand.faq.vragen:
        c = v.cel
        if c is not None and basis.decide(c.doelgroep, c.niveau, c.vorm, c.ingeschreven_in_mbo).regel.id in gesplitst:
            weg.append(v)
        elif groepen.intersection(v.doelgroepen) and len(set(v.doelgroepen)) < len(Doelgroep):
            markeer.append(v)
    return FaqAanpassing(tuple(weg), tuple(markeer))


def _let_op(basis: Beleid, wijzigingen: Mapping[Cel, Toegang]) -> str:
    groepen = sorted({c.doelgroep for c in wijzigingen}, key=list(Doelgroep).index)
    return f"{LET_OP} voor {', '.join(basis.label('doelgroep', d) for d in groepen)}. Controleer of het nog klopt."


_WOORD = {Toegang.ja: "ja", Toegang.nee: "nee", Toegang.buiten_kader: "valt buiten het besluit"}


def cel_in_woorden(basis: Beleid, cel: Cel) -> str:
    """'ISK, niet ingeschreven in het mbo, Entree, summatief': a cell as a reader names it."""
    inschrijving = "wel" if cel.ingeschreven_in_mbo else "niet"
    return (
        f"{basis.label('doelgroep', cel.doelgroep)}, {inschrijving} ingeschreven in het mbo, "
        f"{basis.label('niveau', cel.niveau)}, {basis.label('vorm', cel.vorm).lower()}"
    )


def gesplitste_regels(basis: Beleid, wijzigingen: Mapping[Cel, Toegang]) -> list[str]:
    """The ids of the decision's rules that lose cells to the scenario: their text may speak of those cells."""
    wijzigingen = echte_wijzigingen(basis, wijzigingen)
    return [r.id for r in basis.regels if any(c in wijzigingen for c in cellen_van(r))]


def scenario_yaml(basis: Beleid, wijzigingen: Mapping[Cel, Toegang], gemaakt: dt.datetime) -> str:
    """The scenario file a visitor downloads: a readable summary as a comment block, then the policy.

    The summary says that it is a scenario, when it was made, what changed in words and on which
    line of the file, and which texts of the decision were dropped or marked because the change
    makes them untrue.
    """
    wijzigingen = echte_wijzigingen(basis, wijzigingen)
    bestand = maak_scenario(basis, wijzigingen)
    romp = als_yaml(bestand)
    b = basis.besluit
    streep = "# " + "=" * 96 + "\n"
    regels = [
        "SCENARIO - GEEN VASTGESTELD BELEID",
        f"Een oefening ('wat als') op basis van het besluit van {b.orgaan_kort} van {b.datum.isoformat()} ({b.id}).",
        "Het besluit zelf is niet gewijzigd.",
        f"Gemaakt op {gemaakt.strftime('%Y-%m-%d %H:%M %Z').strip()} met de Toegangswijzer (pagina Wat als).",
        "",
        f"Wat is anders ({len(wijzigingen)} {'cel' if len(wijzigingen) == 1 else 'cellen'}):",
    ]
    kop_lengte = 0  # lines of the head, known once it is written; two passes keep the line numbers right
    for _ in range(2):
        tekst = list(regels)
        for i, (cel, toegang) in enumerate(_gesorteerd(wijzigingen), start=1):
            regel_id = scenario_regel_id(cel)
            regelnummer = kop_lengte + _regel_van(romp, regel_id)
            tekst += [
                f"  {i}. {cel_in_woorden(basis, cel)}",
                f"     in het besluit: {_WOORD[basis.decide(*cel).toegang]}; in dit scenario: {_WOORD[toegang]}",
                f"     regel '{regel_id}' (regel {regelnummer} van dit bestand)",
            ]
        faq = faq_aanpassing(basis, wijzigingen)
        tekst += ["", "Aangepast omdat het scenario het anders maakt dan het besluit:"]
        tekst.append("  - De samenvatting van het besluit (besluit.samenvatting) is vervangen.")
        if faq.weggelaten:
            tekst.append("  - Weggelaten veelgestelde vragen (hun antwoord is dat van een gesplitste regel):")
            tekst += [f"      {v.id}: {v.vraag}" for v in faq.weggelaten]
        if faq.gemarkeerd:
            tekst.append("  - Gemarkeerd met 'LET OP (scenario)' (ze gaan over een groep met een gewijzigde cel):")
            tekst += [f"      {v.id}" for v in faq.gemarkeerd]
        gesplitst = gesplitste_regels(basis, wijzigingen)
        if gesplitst:
            tekst.append(
                "  - Regels van het besluit die nu voor minder cellen gelden (gesplitst; controleer hun tekst):"
            )
            tekst += [f"      {r}" for r in gesplitst]
        tekst += [
            "  Citaten (bronnen) blijven letterlijk uit het besluit: ze zeggen wat de ALV besloot.",
            "",
            "Nog nodig voor een voorstel: een bron (citaat) voor elke nieuwe regel:",
            *(f"  - {r}" for r in regels_zonder_bron(bestand)),
            "Controleer met: python -m policy --pad DIT_BESTAND check",
            "  (een waarschuwing 'nog geen bron' per nieuwe regel hoort bij een scenario).",
        ]
        kop = streep + "".join(f"# {r}".rstrip() + "\n" for r in tekst) + streep
        kop_lengte = kop.count("\n")
    return kop + romp


def _gesorteerd(wijzigingen: Mapping[Cel, Toegang]) -> list[tuple[Cel, Toegang]]:
    volgorde = {c: i for i, c in enumerate(alle_cellen())}
    return sorted(wijzigingen.items(), key=lambda paar: volgorde[paar[0]])


def _regel_van(tekst: str, regel_id: str) -> int:
    """The 1-based line on which rule `regel_id` starts in a YAML text."""
    for nummer, regel in enumerate(tekst.splitlines(), start=1):
        if regel.strip() == f"- id: {regel_id}":
            return nummer
    raise ValueError(regel_id)
