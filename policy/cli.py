"""Command line: `python -m policy check | ask | matrix | diff`. Output in Dutch, like the app."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

from policy import OnbekendeVersie, PolicyError, laad_met_waarschuwingen, laad_versies, load_policy, versies
from policy.checks import bronnen_in, cellen_van
from policy.domain import Basis
from policy.engine import Beleid, Beslissing
from policy.models import json_schema
from policy.scenario import beschrijf_verschil, vergelijk
from policy.verantwoording import bladen
from policy.versies import controleer_versies

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = Path(__file__).resolve().parent / "schema" / "beleid.schema.json"
VERANTWOORDING = ROOT / "docs" / "verantwoording"

_TOEGANG = {"ja": "Ja", "nee": "Nee", "buiten_kader": "Valt buiten dit besluit"}


def _laad(pad: str | None, versie: str | None = None) -> Beleid:
    """A policy file or folder (`--pad`), a decision by id (`--versie`), or the decision in force."""
    return laad_versies().kies(versie) if versie is not None and pad is None else load_policy(pad)


def _besluit(naam: str) -> Beleid:
    """A decision by id (`alv-2026-03-26`), else a policy file or folder."""
    return laad_versies().lees(naam) or load_policy(naam)


def cmd_check(args: argparse.Namespace) -> int:
    paden = [Path(args.pad)] if args.pad else versies()
    status = 0
    geladen: list[Beleid] = []
    for pad in paden:
        try:
            beleid, waarschuwingen = laad_met_waarschuwingen(pad)
        except PolicyError as fout:
            print(f"FOUT in {pad}: {len(fout.problemen)} probleem/problemen", file=sys.stderr)
            for probleem in fout.problemen:
                print(f"  - {probleem}", file=sys.stderr)
            status = 1
            continue
        geladen.append(beleid)
        b = beleid.bestand
        citaten = len(list(bronnen_in(b, ())))
        cellen = sum(len(cellen_van(r)) for r in b.regels)
        print(
            f"OK {pad}: besluit {b.besluit.id} ({b.besluit.status}), {len(b.regels)} regels, "
            f"{cellen} cellen elk precies één keer beslist, {len(b.voorwaarden)} voorwaarden, "
            f"{len(b.faq.vragen)} vragen, {len(b.begrippen)} begrippen, {citaten} citaten letterlijk gevonden."
        )
        for w in waarschuwingen:
            print(f"  let op: {w}")
    if args.pad or status:
        return status
    problemen = controleer_versies(geladen)
    for probleem in problemen:
        print(f"FOUT in de versies: {probleem}", file=sys.stderr)
    if problemen:
        return 1
    alle = laad_versies()
    delen = [
        f"{b.besluit.id} ({b.besluit.status}{', nieuwste besluit' if b is alle.huidig else ''})" for b in alle.besluiten
    ]
    print(f"OK versies: {', '.join(delen)}")
    return 0


def _toon(beslissing: Beslissing) -> str:
    r = beslissing.regel
    regels = [
        f"Antwoord: {_TOEGANG[beslissing.toegang.value]}",
        f"  {r.samenvatting}",
        f"Basis: {'staat in het bericht' if beslissing.basis is Basis.expliciet else 'volgt uit het bericht'}",
    ]
    if r.afleiding:
        regels.append(f"  {r.afleiding}")
    if beslissing.voorwaarden:
        regels.append("Voorwaarden:")
        regels += [f"  [ ] {v.titel}" for v in beslissing.voorwaarden]
    regels += ["Waarom:", f"  {r.reden}", "Bronnen (letterlijk uit het bericht over het besluit):"]
    regels += [f'  alinea {b.alinea}: "{b.citaat}"' for b in beslissing.bronnen]
    regels += ["Wat nu:"] + [f"  - {stap}" for stap in r.vervolg]
    if r.vervolg_herkomst is not None and r.vervolg_herkomst.afleiding:
        regels.append(f"  (Volgt uit het bericht: {' '.join(r.vervolg_herkomst.afleiding.split())})")
    return "\n".join(regels)


def cmd_ask(args: argparse.Namespace) -> int:
    beleid = _laad(args.pad, args.versie)
    try:
        beslissing = beleid.decide(args.doelgroep, args.niveau, args.vorm, args.ingeschreven)
    except ValueError as fout:
        print(f"fout: {fout}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(beslissing.als_dict(), ensure_ascii=False, indent=2))
    else:
        print(_toon(beslissing))
    return 0


def cmd_matrix(args: argparse.Namespace) -> int:
    beleid = _laad(args.pad, args.versie)
    rijen = beleid.matrix(ingeschreven_in_mbo=args.ingeschreven)
    if args.json:
        print(json.dumps([b.als_dict() for b in rijen], ensure_ascii=False, indent=2))
        return 0
    breedte = max(len(b.cel.doelgroep.value) for b in rijen) + 2
    print(f"{'doelgroep':<{breedte}}{'ingeschr.':<11}{'niveau':<8}{'vorm':<11}{'toegang':<14}regel")
    for b in rijen:
        c = b.cel
        print(
            f"{c.doelgroep.value:<{breedte}}{'ja' if c.ingeschreven_in_mbo else 'nee':<11}"
            f"{c.niveau.value:<8}{c.vorm.value:<11}{b.toegang.value:<14}{b.regel.id}"
        )
    return 0


def cmd_diff(args: argparse.Namespace) -> int:
    """The cells two policies answer differently (say the shipped decision and a scenario), and how many."""
    oud, nieuw = _besluit(args.oud), _besluit(args.nieuw)
    verschillen = vergelijk(oud, nieuw)
    if args.json:
        data = {"oud": args.oud, "nieuw": args.nieuw, "aantal": len(verschillen)}
        data["verschillen"] = [v.als_dict() for v in verschillen]
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    for verschil in verschillen:
        print(beschrijf_verschil(verschil))
    print(f"{len(verschillen)} {'verschil' if len(verschillen) == 1 else 'verschillen'}")
    return 0


def schema_tekst() -> str:
    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"


def _schrijf(pad: Path, tekst: str) -> None:
    pad.parent.mkdir(parents=True, exist_ok=True)
    pad.write_text(tekst, encoding="utf-8")
    print(f"geschreven: {pad}")


def cmd_verantwoording(args: argparse.Namespace) -> int:
    """Write the sign-off sheets: one per decision, and one of the changes per new decision."""
    uit = Path(args.uit)
    teksten = bladen(laad_versies())
    for oud in uit.glob("*.md") if uit.is_dir() else []:
        if oud.name not in teksten and oud.name != "README.md":
            oud.unlink()  # the sheet of a decision that is no longer there
    for naam, tekst in teksten.items():
        _schrijf(uit / naam, tekst)
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    """Write the JSON Schema of the policy files, for editors."""
    _schrijf(Path(args.uit), schema_tekst())
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m policy", description="Het ALV-besluit over examenproducten.")
    p.add_argument("--pad", help="een ander beleidsbestand of -map (standaard: het nieuwste besluit)")
    sub = p.add_subparsers(dest="opdracht", required=True)
    sub.add_parser("check", help="controleer alle beleidsbestanden").set_defaults(func=cmd_check)
    ask = sub.add_parser("ask", help="het antwoord voor één situatie")
    ask.add_argument("--doelgroep", required=True)
    ask.add_argument("--niveau", required=True)
    ask.add_argument("--vorm", required=True)
    ask.add_argument("--ingeschreven", action="store_true", help="de kandidaat staat ingeschreven in het mbo")
    ask.add_argument("--json", action="store_true")
    ask.add_argument("--versie", help="het besluit met dit id (standaard: het geldende besluit)")
    ask.set_defaults(func=cmd_ask)
    matrix = sub.add_parser("matrix", help="de hele tabel")
    groep = matrix.add_mutually_exclusive_group()
    groep.add_argument("--ingeschreven", action="store_const", const=True, dest="ingeschreven")
    groep.add_argument("--niet-ingeschreven", action="store_const", const=False, dest="ingeschreven")
    matrix.add_argument("--json", action="store_true")
    matrix.add_argument("--versie", help="het besluit met dit id (standaard: het geldende besluit)")
    matrix.set_defaults(func=cmd_matrix)
    diff = sub.add_parser("diff", help="welke cellen twee beleidsbestanden of -mappen anders beantwoorden")
    diff.add_argument("oud", help="het id van een besluit (alv-2026-03-26), een beleidsbestand of een map")
    diff.add_argument("nieuw", help="het id van een later besluit, een beleidsbestand of een map (een scenario)")
    diff.add_argument("--json", action="store_true")
    diff.set_defaults(func=cmd_diff)
    blad = sub.add_parser("verantwoording", help="schrijf de aftekenbladen (docs/verantwoording/)")
    blad.add_argument("--uit", default=str(VERANTWOORDING), help="de map voor de bladen")
    blad.set_defaults(func=cmd_verantwoording)
    schema = sub.add_parser("schema", help="schrijf het JSON Schema van de beleidsbestanden")
    schema.add_argument("--uit", default=str(SCHEMA), help="waar het schema komt")
    schema.set_defaults(func=cmd_schema)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        func: Callable[[argparse.Namespace], int] = args.func
        return func(args)
    except PolicyError as fout:
        print(f"FOUT: het beleid kan niet geladen worden:\n{fout}", file=sys.stderr)
        return 1
    except OnbekendeVersie as fout:
        print(f"fout: {fout}", file=sys.stderr)
        return 2
