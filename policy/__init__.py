"""The ALV decision on exam products outside regular mbo, as validated and cited data.

    from policy import load_policy
    beleid = load_policy()
    beleid.decide(doelgroep="isk", niveau="entree", vorm="formatief", ingeschreven_in_mbo=False)

Every dated decision in `policy/besluiten/` is loaded side by side (`laad_versies()`); `load_policy()` is the
one in force. This package imports nothing from Streamlit: every view is drawn from it.
"""

from __future__ import annotations

from pathlib import Path

from policy.domain import Basis, Cel, Doelgroep, Niveau, Toegang, Vorm
from policy.engine import Beleid, Beslissing
from policy.errors import PolicyError, Probleem
from policy.versies import (
    BESLUITEN_MAP,
    OnbekendeVersie,
    Versies,
    besluiten_map,
    laad_besluit,
    laad_met_waarschuwingen,
    laad_versies,
    mappen,
)

__all__ = [
    "BESLUITEN_MAP",
    "Basis",
    "Beleid",
    "Beslissing",
    "Cel",
    "Doelgroep",
    "Niveau",
    "OnbekendeVersie",
    "PolicyError",
    "Probleem",
    "Toegang",
    "Versies",
    "Vorm",
    "laad_met_waarschuwingen",
    "laad_versies",
    "load_policy",
    "versies",
]


def versies() -> list[Path]:
    """The folders of the decisions in use (`policy/besluiten/` or TOEGANGSWIJZER_BESLUITEN), by name."""
    return mappen(besluiten_map())


def load_policy(path: str | Path | None = None) -> Beleid:
    """The decision in force (the newest adopted one), or the policy in another file or folder.

    Loaded once per path: the result is immutable and shared.
    """
    if path is None:
        return laad_versies().huidig
    return laad_besluit(Path(path).resolve())
