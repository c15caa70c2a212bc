"""The ALV decision on exam products outside regular mbo, as validated and cited data.

    from policy import load_policy
    beleid = load_policy()
    beleid.decide(doelgroep="isk", niveau="entree", vorm="formatief", ingeschreven_in_mbo=False)

This package imports nothing from Streamlit: every view is drawn from it.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from policy.checks import Bevinding, controleer
from policy.domain import Basis, Cel, Doelgroep, Niveau, Toegang, Vorm
from policy.engine import Beleid, Beslissing
from policy.errors import PolicyError, Probleem
from policy.loader import bron_pad, lees_secties, valideer

BESLUITEN_MAP = Path(__file__).parent / "besluiten"

__all__ = [
    "Basis",
    "Beleid",
    "Beslissing",
    "Cel",
    "Doelgroep",
    "Niveau",
    "PolicyError",
    "Probleem",
    "Toegang",
    "Vorm",
    "laad_met_waarschuwingen",
    "load_policy",
    "versies",
]


def versies() -> list[Path]:
    """The shipped decision versions, oldest first (folder names start with the date)."""
    return sorted(p for p in BESLUITEN_MAP.iterdir() if p.is_dir() and any(p.glob("*.yaml")))


def laad_met_waarschuwingen(pad: Path) -> tuple[Beleid, list[Probleem]]:
    """Load and check one policy; raise PolicyError on errors, return the warnings."""
    bronnen = lees_secties(pad)
    bestand = valideer(bronnen)
    tekst_pad = bron_pad(bronnen, bestand.besluit.bron.bestand)
    try:
        brontekst = tekst_pad.read_text(encoding="utf-8")
    except OSError as fout:
        loc = ("besluit", "bron", "bestand")
        raise PolicyError([bronnen.probleem(loc, f"brontekst niet gevonden: {tekst_pad}")]) from fout
    bevindingen: list[Bevinding] = controleer(bestand, brontekst)
    fouten = [bronnen.probleem(b.loc, b.melding) for b in bevindingen if not b.waarschuwing]
    if fouten:
        raise PolicyError(fouten)
    waarschuwingen = [bronnen.probleem(b.loc, b.melding) for b in bevindingen if b.waarschuwing]
    return Beleid(bestand, brontekst, pad), waarschuwingen


@lru_cache(maxsize=8)
def _laad(pad: Path) -> Beleid:
    return laad_met_waarschuwingen(pad)[0]


def load_policy(path: str | Path | None = None) -> Beleid:
    """The shipped policy (the newest version), or the policy in another file or folder.

    Loaded once per path: the result is immutable and shared.
    """
    pad = Path(path) if path is not None else versies()[-1]
    return _laad(pad.resolve())
