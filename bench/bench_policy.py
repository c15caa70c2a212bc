"""Policy speed: load time (cold, in a fresh process) and deciding every cell.

.venv/bin/python bench/bench_policy.py [--json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from policy import laad_met_waarschuwingen, load_policy  # noqa: E402
from policy.domain import alle_cellen  # noqa: E402

_KOUD = (
    "import time, sys; sys.path.insert(0, {root!r}); t = time.perf_counter(); "
    "import policy; policy.load_policy(); print(time.perf_counter() - t)"
)


def meet(herhalingen: int = 200) -> dict[str, float]:
    koud = [
        float(
            subprocess.run(
                [sys.executable, "-c", _KOUD.format(root=str(ROOT))], capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(5)
    ]
    pad = load_policy().pad
    laden = []
    for _ in range(20):
        start = time.perf_counter()
        laad_met_waarschuwingen(pad)
        laden.append(time.perf_counter() - start)
    beleid = load_policy()
    cellen = alle_cellen()  # only the cells that exist (an mbo student is always enrolled)
    alles = []
    for _ in range(herhalingen):
        start = time.perf_counter()
        for d, n, v, i in cellen:
            beleid.decide(d, n, v, i)
        alles.append(time.perf_counter() - start)
    return {
        "import_en_laden_koud_ms": statistics.median(koud) * 1000,
        "laden_warm_ms": statistics.median(laden) * 1000,
        f"alle_{len(cellen)}_cellen_beslissen_ms": statistics.median(alles) * 1000,
    }


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--json", action="store_true")
    uitslag = meet()
    if p.parse_args().json:
        print(json.dumps(uitslag))
    else:
        for naam, waarde in uitslag.items():
            print(f"{naam:32} {waarde:8.3f} ms")


if __name__ == "__main__":
    main()
