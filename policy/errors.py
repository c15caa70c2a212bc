"""One error type for every way a policy can be wrong, with the place it is wrong."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Probleem:
    """One finding: where (file, line, entry id, field) and what."""

    bestand: Path
    melding: str
    entry: str | None = None
    veld: str | None = None
    regel_nr: int | None = None

    def __str__(self) -> str:
        plaats = str(self.bestand)
        if self.regel_nr is not None:
            plaats += f":{self.regel_nr}"
        delen = [plaats]
        if self.entry:
            delen.append(f"id '{self.entry}'")
        if self.veld:
            delen.append(f"veld '{self.veld}'")
        return f"{' '.join(delen)}: {self.melding}"


class PolicyError(ValueError):
    """Raised when a policy cannot be loaded; carries every problem found, not just the first."""

    def __init__(self, problemen: list[Probleem]) -> None:
        self.problemen = problemen
        super().__init__("\n".join(str(p) for p in problemen))
