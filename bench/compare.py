"""Compare server config flags on one app: a fresh server per config, bursts of N sessions, repeated.

  python bench/compare.py --script bench/empty_app.py --sessions 200 --repeat 3 [--json] [--only tuned default]

Each config gets a fresh server (so no warm caches carry over), one warm-up session, then
`--repeat` bursts. The median over repeats is reported, because others share this machine.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.load import Target, burst
from bench.server import start_server
from bench.ws_client import fetch_xsrf_cookie

TUNED = {"server.fileWatcherType": "none", "runner.postScriptGC": "false"}
CONFIGS: dict[str, dict[str, str]] = {
    "default": {},
    "watcher_none": {"server.fileWatcherType": "none"},
    "postgc_false": {"runner.postScriptGC": "false"},
    "tuned": TUNED,
    "tuned+runOnSave_false": {**TUNED, "server.runOnSave": "false"},
    "tuned+devMode_false": {**TUNED, "global.developmentMode": "false"},
    "tuned+stats_false": {**TUNED, "browser.gatherUsageStats": "false"},
    "tuned+magic_false": {**TUNED, "runner.magicEnabled": "false"},
    "tuned+fastReruns_false": {**TUNED, "runner.fastReruns": "false"},
    "tuned+all": {
        **TUNED,
        "server.runOnSave": "false",
        "global.developmentMode": "false",
        "browser.gatherUsageStats": "false",
        "runner.magicEnabled": "false",
    },
}


async def measure(
    url: str, pid: int, page: str, query: str, sessions: int, repeat: int, timeout: float
) -> list[dict[str, Any]]:
    t = Target(url, page, query, pid, timeout, settle=30.0, xsrf=await fetch_xsrf_cookie(url))
    await burst(t, 1)  # warm-up: the first run imports Streamlit's lazy modules
    out = []
    for _ in range(repeat):
        r = await burst(t, sessions)
        r["loadavg_1m"] = os.getloadavg()[0]
        out.append(r)
        await asyncio.sleep(1)
    return out


def run_config(name: str, a: argparse.Namespace) -> dict[str, Any]:
    srv = start_server(a.script, CONFIGS[name], env=dict(kv.split("=", 1) for kv in a.env))
    try:
        runs = asyncio.run(measure(srv.url, srv.pid, a.page, a.query, a.sessions, a.repeat, a.timeout))
    finally:
        srv.stop()

    def med(key: str) -> float:
        vals = [r[key] for r in runs if key in r and r[key] == r[key]]  # drop NaN
        return statistics.median(vals) if vals else float("nan")

    return {
        "config": name,
        "flags": CONFIGS[name],
        "sessions": a.sessions,
        "repeat": a.repeat,
        "errors": sum(r["errors"] for r in runs),
        **{k: med(k) for k in ("wall_s", "p50_s", "p95_s", "max_s", "cpu_s_per_session", "rss_mb_peak")},
        "loadavg_1m": med("loadavg_1m"),
        "runs": runs,
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--script", default=str(Path(__file__).with_name("empty_app.py")))
    p.add_argument("--page", default="")
    p.add_argument("--query", default="")
    p.add_argument("--sessions", type=int, default=200)
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--timeout", type=float, default=180.0)
    p.add_argument("--env", action="append", default=[], metavar="KEY=VALUE", help="server environment")
    p.add_argument("--only", nargs="*", choices=list(CONFIGS), help="configs to run (default: all)")
    p.add_argument("--json", action="store_true")
    a = p.parse_args(argv)
    if a.sessions > 2000 or a.repeat > 20:
        p.error("bounded on purpose: sessions <= 2000, repeat <= 20")
    rows = []
    for name in a.only or CONFIGS:
        row = run_config(name, a)
        rows.append(row)
        if not a.json:
            print(
                f"{name:24s} {a.sessions} sessions x{a.repeat}: wall {row['wall_s']:.2f}s p50 {row['p50_s']:.3f}s"
                f" p95 {row['p95_s']:.3f}s max {row['max_s']:.3f}s"
                f" CPU {row['cpu_s_per_session'] * 1000:.1f} ms/session RSS peak {row['rss_mb_peak']:.0f} MB"
                f" errors {row['errors']} [load {row['loadavg_1m']:.1f}]",
                flush=True,
            )
    if a.json:
        print(json.dumps(rows, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
