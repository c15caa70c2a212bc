"""Load benchmark for a Streamlit app over its websocket protocol (no browser).

Modes (all bounded by counts and timeouts; loopback targets only):
  burst     open N sessions at once, each runs the page once; p50/p95/max latency to
            script_finished, errors, server CPU s/session, RSS before/peak/after.
  interact  keep N sessions open; R reruns/s with a changed query string for D seconds.
  leak      K waves of N sessions (connect, run, close); server RSS after each wave.

  python bench/load.py --url http://127.0.0.1:8501 --server-pid PID --sessions 50 100 300
  python bench/load.py --start bench/empty_app.py --set server.fileWatcherType=none --sessions 200
  python bench/load.py --start app.py --page keuzehulp --query "doelgroep=isk&niveau=entree" \
      --mode interact --sessions 50 --rate 10 --duration 20 --json

--start runs the script with bench/server.py (cwd = the script's folder, so its .streamlit/config.toml
applies), measures, and stops it. Latency is measured on the client, which shares the CPU with the
server on a small machine: read numbers relative to each other.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import statistics
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.server import start_server
from bench.ws_client import RunResult, StreamlitSession, fetch_xsrf_cookie, open_and_run

_TICK = os.sysconf("SC_CLK_TCK")


# --- server process stats straight from /proc (psutil is not a dependency) ----------------------


@dataclass
class ProcStat:
    cpu_s: float  # utime + stime of the whole process (all threads)
    rss_mb: float
    threads: int


def proc_stat(pid: int) -> ProcStat:
    """CPU seconds, RSS and thread count of `pid` from /proc/PID/stat and /proc/PID/status."""
    with open(f"/proc/{pid}/stat") as f:
        # Fields after the ")" of the command name; utime and stime are fields 14 and 15.
        rest = f.read().rsplit(")", 1)[1].split()
    cpu = (int(rest[11]) + int(rest[12])) / _TICK
    rss_kb, threads = 0, 0
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                rss_kb = int(line.split()[1])
            elif line.startswith("Threads:"):
                threads = int(line.split()[1])
    return ProcStat(cpu, rss_kb / 1024, threads)


class PeakSampler:
    """Samples the server's RSS and thread count every `interval` s in the background."""

    def __init__(self, pid: int | None, interval: float = 0.05) -> None:
        self.pid, self.interval = pid, interval
        self.peak_rss_mb, self.peak_threads = 0.0, 0
        self._task: asyncio.Task[None] | None = None

    async def _run(self) -> None:
        while self.pid:
            s = proc_stat(self.pid)
            self.peak_rss_mb = max(self.peak_rss_mb, s.rss_mb)
            self.peak_threads = max(self.peak_threads, s.threads)
            await asyncio.sleep(self.interval)

    def __enter__(self) -> PeakSampler:
        self._task = asyncio.create_task(self._run())
        return self

    def __exit__(self, *exc: object) -> None:
        if self._task:
            self._task.cancel()


# --- statistics ----------------------------------------------------------------------------------


def pct(values: list[float], p: float) -> float:
    """Nearest-rank percentile (no interpolation: with 50 samples p95 is the 48th value)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered), max(1, math.ceil(p / 100 * len(ordered)))) - 1]


def summarize(results: list[RunResult]) -> dict[str, Any]:
    ok = [r.latency_s for r in results if r.ok]
    errors: dict[str, int] = {}
    for r in results:
        if not r.ok:
            why = r.status if r.status != "FINISHED_SUCCESSFULLY" else (r.exceptions or ["page_not_found"])[0][:80]
            errors[why] = errors.get(why, 0) + 1
    return {
        "n": len(results),
        "ok": len(ok),
        "errors": sum(errors.values()),
        "error_kinds": errors,
        "p50_s": pct(ok, 50),
        "p95_s": pct(ok, 95),
        "max_s": max(ok, default=float("nan")),
        "mean_s": statistics.fmean(ok) if ok else float("nan"),
    }


@dataclass
class Target:
    url: str
    page: str
    query: str
    pid: int | None
    timeout: float
    settle: float
    xsrf: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


async def _settle(t: Target, baseline_threads: int) -> None:
    """After closing, wait (bounded) until the server's script threads are gone."""
    deadline = time.monotonic() + t.settle
    while t.pid and time.monotonic() < deadline:
        if proc_stat(t.pid).threads <= baseline_threads:
            break
        await asyncio.sleep(0.1)
    await asyncio.sleep(0.5)  # let the allocator and the event loop finish the closes


async def burst(t: Target, n: int) -> dict[str, Any]:
    """N new tabs at once; each connects and runs the page once; all stay open until the last ends."""
    before = proc_stat(t.pid) if t.pid else None
    t0, c0 = time.perf_counter(), time.process_time()
    with PeakSampler(t.pid) as peak:
        pairs = await asyncio.gather(
            *(open_and_run(t.url, t.page, t.query, xsrf_cookie=t.xsrf, timeout=t.timeout) for _ in range(n))
        )
        wall = time.perf_counter() - t0
        # The client shares the 2 cores with the server: report its CPU so a client-bound run shows.
        client_cpu = time.process_time() - c0
        done = proc_stat(t.pid) if t.pid else None
        await asyncio.gather(*(s.close() for s, _ in pairs), return_exceptions=True)
        if before:
            await _settle(t, before.threads)
    out: dict[str, Any] = {"mode": "burst", "sessions": n, "wall_s": wall, "client_cpu_s": client_cpu}
    out |= summarize([r for _, r in pairs])
    out["connect_p95_s"] = pct([s.connect_s for s, r in pairs if r.ok], 95)
    if before and done and t.pid:
        after = proc_stat(t.pid)
        out |= {
            "cpu_s_per_session": (done.cpu_s - before.cpu_s) / n,
            "cpu_s_per_session_incl_close": (after.cpu_s - before.cpu_s) / n,
            "rss_mb_before": before.rss_mb,
            "rss_mb_peak": peak.peak_rss_mb,
            "rss_mb_after": after.rss_mb,
            "threads_before": before.threads,
            "threads_peak": peak.peak_threads,
            "threads_after": after.threads,
        }
    return out


def _vary(query: str, i: int) -> str:
    """A changed query string per rerun, so each rerun is a real state change for the page."""
    keys = [k for k in query.split("&") if k]
    return "&".join([*keys, f"bench={i}"])


async def interact(t: Target, n: int, rate: float, duration: float, queries: list[str]) -> dict[str, Any]:
    """N open sessions; `rate` reruns/s, each on a session that is idle, with a changed query string."""
    pairs = await asyncio.gather(
        *(open_and_run(t.url, t.page, t.query, xsrf_cookie=t.xsrf, timeout=t.timeout) for _ in range(n))
    )
    sessions = [s for s, r in pairs if r.ok]
    idle: asyncio.Queue[StreamlitSession] = asyncio.Queue()
    for s in sessions:
        idle.put_nowait(s)
    results: list[RunResult] = []
    skipped = 0
    before = proc_stat(t.pid) if t.pid else None

    async def one(s: StreamlitSession, i: int) -> None:
        q = queries[i % len(queries)] if queries else _vary(t.query, i)
        try:
            results.append(await s.rerun(query_string=q, timeout=t.timeout))
        except Exception as e:  # a dropped connection is an error result, not a crash
            results.append(RunResult(0.0, f"ERROR {type(e).__name__}", 0))
        idle.put_nowait(s)

    tasks: list[asyncio.Task[None]] = []
    start = time.perf_counter()
    with PeakSampler(t.pid) as peak:
        for i in range(int(rate * duration)):
            # Open-loop schedule: send at the planned time, whatever earlier reruns are doing.
            await asyncio.sleep(max(0.0, start + i / rate - time.perf_counter()))
            if idle.empty():
                skipped += 1  # every session busy: the server is behind
                continue
            tasks.append(asyncio.create_task(one(idle.get_nowait(), i)))
        await asyncio.wait_for(asyncio.gather(*tasks), t.timeout + 5)
    elapsed = time.perf_counter() - start
    out: dict[str, Any] = {
        "mode": "interact",
        "sessions": n,
        "connected": len(sessions),
        "rate_per_s": rate,
        "duration_s": duration,
        "elapsed_s": elapsed,
        "skipped_all_busy": skipped,
        "initial": summarize([r for _, r in pairs]),
        **summarize(results),
    }
    if before and t.pid:
        now = proc_stat(t.pid)
        out |= {"cpu_s_per_rerun": (now.cpu_s - before.cpu_s) / max(1, len(results)), "rss_mb_peak": peak.peak_rss_mb}
    await asyncio.gather(*(s.close() for s, _ in pairs), return_exceptions=True)
    return out


async def leak(t: Target, n: int, waves: int) -> dict[str, Any]:
    """K waves of N sessions; RSS after each wave has closed and settled. A leak keeps climbing."""
    base = proc_stat(t.pid) if t.pid else None
    rows = []
    for w in range(waves):
        r = await burst(t, n)
        rows.append({k: r.get(k) for k in ("p95_s", "errors", "rss_mb_peak", "rss_mb_after", "threads_after")})
        rows[-1]["wave"] = w + 1
    return {"mode": "leak", "sessions": n, "waves": waves, "rss_mb_start": base.rss_mb if base else None, "rows": rows}


# --- CLI -----------------------------------------------------------------------------------------


def _fmt(r: dict[str, Any]) -> str:
    if r["mode"] == "leak":
        lines = [f"leak: {r['waves']} waves x {r['sessions']} sessions, RSS start {r['rss_mb_start'] or 0:.1f} MB"]
        lines += [
            f"  wave {x['wave']}: p95 {x['p95_s']:.3f}s errors {x['errors']} "
            f"RSS peak {x['rss_mb_peak'] or 0:.1f} after {x['rss_mb_after'] or 0:.1f} MB threads {x['threads_after']}"
            for x in r["rows"]
        ]
        return "\n".join(lines)
    head = f"{r['mode']} {r['sessions']} sessions"
    if r["mode"] == "interact":
        head += f" @ {r['rate_per_s']}/s x {r['duration_s']}s ({r['n']} reruns, {r['skipped_all_busy']} skipped)"
    else:
        head += f" wall {r['wall_s']:.2f}s (client CPU {r['client_cpu_s']:.2f}s)"
    head += f" [load {r.get('loadavg_1m', 0):.1f}]"
    s = f"{head}: p50 {r['p50_s']:.3f}s p95 {r['p95_s']:.3f}s max {r['max_s']:.3f}s errors {r['errors']}"
    if r["error_kinds"]:
        s += f" {r['error_kinds']}"
    if "cpu_s_per_session" in r:
        s += (
            f"\n  server CPU {r['cpu_s_per_session'] * 1000:.1f} ms/session"
            f" ({r['cpu_s_per_session_incl_close'] * 1000:.1f} incl. close);"
            f" RSS {r['rss_mb_before']:.1f} -> peak {r['rss_mb_peak']:.1f} -> after {r['rss_mb_after']:.1f} MB;"
            f" threads {r['threads_before']} -> {r['threads_peak']} -> {r['threads_after']}"
        )
    if "cpu_s_per_rerun" in r:
        s += f"\n  server CPU {r['cpu_s_per_rerun'] * 1000:.1f} ms/rerun; RSS peak {r['rss_mb_peak']:.1f} MB"
    return s


async def amain(a: argparse.Namespace) -> list[dict[str, Any]]:
    t = Target(a.url, a.page, a.query, a.server_pid, a.timeout, a.settle)
    if not a.no_xsrf:
        # Like the browser: the health check sets the XSRF cookie that the websocket then carries.
        t.xsrf = await fetch_xsrf_cookie(a.url)
    for _ in range(a.warmup):
        # The first run of a fresh server pays for lazy imports and cold caches; keep it out.
        s, _r = await open_and_run(t.url, t.page, t.query, xsrf_cookie=t.xsrf, timeout=t.timeout)
        await s.close()
    out = []
    for n in a.sessions:
        if a.mode == "burst":
            r = await burst(t, n)
        elif a.mode == "interact":
            r = await interact(t, n, a.rate, a.duration, a.queries)
        else:
            r = await leak(t, n, a.waves)
        # Others share this machine: the 1-minute load average says how much to trust wall times.
        r |= {"url": a.url, "page": a.page, "query": a.query, "server_flags": a.set, "loadavg_1m": os.getloadavg()[0]}
        out.append(r)
        if not a.json:
            print(_fmt(r), flush=True)
        await asyncio.sleep(a.pause)
    return out


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--url", help="http://127.0.0.1:PORT of a running server")
    p.add_argument("--start", metavar="SCRIPT", help="start this script on a free port instead of --url")
    p.add_argument("--set", action="append", default=[], metavar="KEY=VALUE", help="config flag for --start")
    p.add_argument("--server-pid", type=int, help="pid of the server, for CPU and RSS (set by --start)")
    p.add_argument("--page", default="", help='url path of the page ("" = default page)')
    p.add_argument("--query", default="", help="query string without '?'")
    p.add_argument("--mode", choices=["burst", "interact", "leak"], default="burst")
    p.add_argument("--sessions", type=int, nargs="+", default=[50], help="N; one run per value")
    p.add_argument("--rate", type=float, default=5.0, help="interact: reruns per second")
    p.add_argument("--duration", type=float, default=10.0, help="interact: seconds")
    p.add_argument("--queries", nargs="*", default=[], help="interact: query strings to cycle through")
    p.add_argument("--waves", type=int, default=5, help="leak: number of waves")
    p.add_argument("--timeout", type=float, default=120.0, help="per session, seconds")
    p.add_argument("--settle", type=float, default=30.0, help="max seconds to wait for threads after closing")
    p.add_argument("--pause", type=float, default=1.0, help="seconds between runs")
    p.add_argument("--warmup", type=int, default=1, help="sessions run (one by one) before measuring")
    p.add_argument("--no-xsrf", action="store_true", help="don't fetch/send the XSRF cookie")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    a = p.parse_args(argv)
    if bool(a.url) == bool(a.start):
        p.error("give exactly one of --url and --start")
    if a.url and not a.url.startswith(("http://127.0.0.1", "http://localhost")):
        p.error("only loopback targets (http://127.0.0.1:PORT)")
    if max(a.sessions) > 2000 or a.waves > 50 or a.rate * a.duration > 10000:
        p.error("bounded on purpose: sessions <= 2000, waves <= 50, rate*duration <= 10000")
    return a


def main(argv: list[str] | None = None) -> int:
    a = parse_args(argv)
    srv = None
    if a.start:
        srv = start_server(a.start, dict(kv.split("=", 1) for kv in a.set))
        a.url, a.server_pid = srv.url, srv.pid
    try:
        results = asyncio.run(amain(a))
    finally:
        if srv:
            srv.stop()
    if a.json:
        print(
            json.dumps(results, indent=1, default=lambda o: asdict(o) if hasattr(o, "__dataclass_fields__") else str(o))
        )
    return 1 if any(r.get("errors") for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
