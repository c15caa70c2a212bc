"""Lighthouse (mobile, its default profile) with Debian's Chromium; no browser download.

npm `lighthouse@12.2.3` (the release that runs on this machine's Node 20) is installed on first use
into bench/.lighthouse/ (git-ignored), with `--no-save`: the project gets no package.json.

  .venv/bin/python bench/lighthouse.py 'http://127.0.0.1:8501/licht/'
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.chromium import CHROMIUM, CHROMIUM_ARGS

VERSION = "12.2.3"
# A `make bench` snapshot (git archive) has no bench/.lighthouse/: run_all.py points here at the worktree's.
PREFIX = Path(os.environ.get("BENCH_LIGHTHOUSE_PREFIX") or Path(__file__).resolve().parent / ".lighthouse")
CLI = PREFIX / "node_modules" / "lighthouse" / "cli" / "index.js"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
METRICS = ("first-contentful-paint", "largest-contentful-paint", "speed-index", "total-blocking-time")


def installed_version() -> str | None:
    pkg = CLI.parent.parent / "package.json"
    return json.loads(pkg.read_text())["version"] if pkg.exists() else None


def install() -> str:
    """`npm install --no-save lighthouse@VERSION` into bench/.lighthouse/ unless that version is there."""
    if installed_version() != VERSION:
        npm = shutil.which("npm")
        if not npm:
            raise RuntimeError("npm not found (apt-get install npm)")
        PREFIX.mkdir(exist_ok=True)
        subprocess.run(
            [npm, "install", "--no-save", "--no-audit", "--no-fund", "--prefix", str(PREFIX), f"lighthouse@{VERSION}"],
            check=True,
            capture_output=True,
            timeout=300,
        )
    return VERSION


def _waarom(audit: dict[str, Any]) -> str:
    """The audit's value or explanation; for console errors the addresses that failed."""
    if audit.get("displayValue") or audit.get("explanation"):
        return str(audit.get("displayValue") or audit.get("explanation"))
    items = (audit.get("details") or {}).get("items") or []
    plekken = [urlsplit(i.get("sourceLocation", {}).get("url", "")).path for i in items]
    return ", ".join(f"{i.get('description', '')[:90]}: {pad}" for i, pad in zip(items, plekken, strict=True))


def run(url: str, timeout: float = 120.0) -> dict[str, Any]:
    """One Lighthouse run: the four category scores (0-100), bytes transferred, key metrics, and why
    a category lost points (every audit with weight and a score below 1)."""
    if not CHROMIUM.exists():
        raise RuntimeError(f"{CHROMIUM} missing")
    node = shutil.which("node")
    if not node:
        raise RuntimeError("node not found")
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    with tempfile.TemporaryDirectory(prefix="bench-lh-") as tmp:
        out = Path(tmp) / "lh.json"
        subprocess.run(
            [
                node,
                str(CLI),
                url,
                "--output=json",
                f"--output-path={out}",
                f"--only-categories={','.join(CATEGORIES)}",
                f"--chrome-flags={flags}",
                "--quiet",
            ],
            env={"PATH": "/usr/bin:/bin", "CHROME_PATH": str(CHROMIUM), "HOME": tmp},
            check=True,
            capture_output=True,
            timeout=timeout,
        )
        r = json.loads(out.read_text())
    if r.get("runtimeError"):
        raise RuntimeError(r["runtimeError"].get("message", "Lighthouse runtime error"))
    audits = r["audits"]
    verlies = [
        f"{cat}: {ref['id']} ({_waarom(audits[ref['id']])})"
        for cat, v in r["categories"].items()
        for ref in v["auditRefs"]
        if ref["weight"] > 0 and audits[ref["id"]]["score"] is not None and audits[ref["id"]]["score"] < 1
    ]
    return {
        "scores": {k: round(v["score"] * 100) for k, v in r["categories"].items()},
        "bytes": audits["total-byte-weight"]["numericValue"],
        "metrics": {k: audits[k].get("displayValue", "") for k in METRICS},
        "lost": verlies,
        "largest": [
            (urlsplit(i["url"]).path, i.get("transferSize", 0))
            for i in sorted(
                audits["network-requests"]["details"]["items"], key=lambda i: -(i.get("transferSize") or 0)
            )[:3]
        ],
        "warnings": r.get("runWarnings", []),
    }


if __name__ == "__main__":
    install()
    print(json.dumps(run(sys.argv[1]), indent=1, ensure_ascii=False))
