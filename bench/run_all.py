"""The whole benchmark of issues 6, 10 and 16 in one run (~15 minutes on 2 cores, 10 of them the soak);
writes docs/performance.md.

Every figure is measured against the empty reference app (bench/empty_app.py) served in the same
run with the SAME configuration: both servers run with the repository root as cwd, so both read
the production `.streamlit/config.toml`. The Streamlit pages are also measured as they were before
issue 10 made them lighter (BASELINE, a `git archive` of that commit), side by side in the same run.

  0. light edition: page weight of the answer page; 1000 simultaneous GETs (bench/http_load.py);
     Lighthouse (mobile) on it and on the Streamlit answer page (bench/lighthouse.py)

  1. policy: load and decide every cell (bench_policy.py)
  2. per page: AppTest rerun time, median, vs the empty page
  3. load bursts N = 50, 100, 300: start page and keuzehulp deep link vs the empty app
  4. interaction: 300 connected, 30/s change an answer, p95
  5. leak: five waves of 300, RSS after the fifth vs after the first
  6. first load in Chromium per page: time to content visible, requests, bytes vs the empty app
  7. scaled: the keuzehulp burst of 300 against two processes behind nginx (deploy/nginx.conf)
  8. soak (issue 16, bench/soak.py): 10 minutes of mixed load on one app process; zero errors, flat memory

  .venv/bin/python bench/run_all.py [--out docs/performance.md] [--skip-scaled] [--soak-minutes 2]

Loopback only; every loop is bounded.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import bench_policy, http_load, lighthouse, soak  # noqa: E402
from bench.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from bench.load import Target, burst, interact, leak, proc_stat  # noqa: E402
from bench.server import Server, start_server, wait_healthy  # noqa: E402
from bench.ws_client import fetch_xsrf_cookie, open_and_run  # noqa: E402

EMPTY = ROOT / "bench" / "empty_app.py"
APP = ROOT / "app.py"
NAVIGATION = ROOT / "web" / "navigation.py"  # the Streamlit script app.py serves; AppTest runs it
# The answer page of both editions (issue 10): the same four answers, the same cell.
KEUZEHULP_QUERY = "doelgroep=isk&ingeschreven=nee&niveau=entree&vorm=formatief"
LICHT_ANTWOORD = "/licht/keuzehulp?" + KEUZEHULP_QUERY
# main just before issue 10 made the Streamlit pages lighter: the "before" of the before/after.
BASELINE = "f8817a3"

# Targets of issue 6 (2-core machine).
BURST_P95_MAX_S = 1.5
BURST_VS_REF_MAX = 1.3
INTERACT_P95_MAX_S = 0.25
RERUN_VS_EMPTY_MAX = 3.0
MATRIX_MEDIAN_MAX_MS = 15.0
LEAK_MAX_GROWTH = 0.10
# Targets of issue 10.
LICHT_N = 1000
LICHT_P95_MAX_S = 1.0
LICHT_HTML_MAX = 30_000
LICHT_CSS_MAX = 10_000
LH_LICHT_MIN = 100
LH_ST_PERF_MIN = 70
LH_ST_BYTES_MAX = 1_200_000
ST_VS_REF_MAX = 2.0
ST_CPU_MAX_MS = 10.0


def _stop(proces: subprocess.Popen[bytes] | None) -> None:
    """End a process we started (nginx): politely, then for good after 10 s."""
    if proces and proces.poll() is None:
        proces.terminate()
        try:
            proces.wait(10)
        except subprocess.TimeoutExpired:
            proces.kill()


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)


def met(ok: bool) -> str:
    return "met" if ok else "**not met**"


# --- 2. AppTest reruns ---------------------------------------------------------------------------


def apptest_reruns(repeats: int) -> dict[str, dict[str, float]]:
    """Median/p90 of `at.run()` on each page after one warm run; the empty app is the reference."""
    from streamlit.testing.v1 import AppTest

    pages = {
        "empty": (str(EMPTY), None, {}),
        "start": (str(NAVIGATION), None, {}),
        "keuzehulp": (str(NAVIGATION), str(ROOT / "pages/keuzehulp.py"), {"doelgroep": "isk", "niveau": "entree"}),
        "matrix": (str(NAVIGATION), str(ROOT / "pages/matrix.py"), {}),
        "faq": (str(NAVIGATION), str(ROOT / "pages/faq.py"), {}),
    }
    out = {}
    for name, (script, page, params) in pages.items():
        at = AppTest.from_file(script, default_timeout=60)
        at.query_params.update(params)
        at.run()
        if page:
            at.switch_page(page).run()
        if at.exception:
            raise RuntimeError(f"{name}: {at.exception}")
        times = []
        for _ in range(repeats):
            t0 = time.perf_counter()
            at.run()
            times.append(time.perf_counter() - t0)
        times.sort()
        out[name] = {"median_ms": statistics.median(times) * 1000, "p90_ms": times[int(0.9 * (len(times) - 1))] * 1000}
        log(f"apptest {name}: median {out[name]['median_ms']:.1f} ms")
    return out


# --- 3-5. websocket load -------------------------------------------------------------------------


async def _target(srv: Server, page: str, query: str) -> Target:
    t = Target(srv.url, page, query, srv.pid, timeout=60.0, settle=10.0)
    t.xsrf = await fetch_xsrf_cookie(srv.url)
    for _ in range(2):  # warm-up: lazy imports and cold caches stay out of the figures
        s, _r = await open_and_run(t.url, t.page, t.query, xsrf_cookie=t.xsrf, timeout=t.timeout)
        await s.close()
    return t


async def load_suite(srv: Server, page: str, query: str, sizes: list[int], a: argparse.Namespace) -> dict[str, Any]:
    t = await _target(srv, page, query)
    res: dict[str, Any] = {"bursts": []}
    for n in sizes:
        r = await burst(t, n)
        r["loadavg_1m"] = os.getloadavg()[0]
        res["bursts"].append(r)
        log(f"burst {srv.url} /{page} n={n}: p95 {r['p95_s']:.3f}s errors {r['errors']}")
        await asyncio.sleep(0.5)
    return res


async def interact_suite(
    srv: Server, page: str, query: str, queries: list[str], a: argparse.Namespace
) -> dict[str, Any]:
    t = await _target(srv, page, query)
    r = await interact(t, a.interact_sessions, a.rate, a.duration, queries)
    log(f"interact {srv.url}: p95 {r['p95_s']:.3f}s n {r['n']} skipped {r['skipped_all_busy']} errors {r['errors']}")
    await asyncio.sleep(0.5)
    return r


async def leak_suite(srv: Server, page: str, query: str, a: argparse.Namespace) -> dict[str, Any]:
    t = await _target(srv, page, query)
    r = await leak(t, a.leak_sessions, a.waves)
    log(f"leak {srv.url}: after " + ", ".join(f"{w['rss_mb_after']:.1f}" for w in r["rows"]))
    return r


# --- 0. light edition and Lighthouse ------------------------------------------------------------


def licht_suite(srv: Server, n: int, repeats: int) -> dict[str, Any]:
    """What the light answer page weighs, then `repeats` bursts of n simultaneous GETs of it."""
    url = srv.url + LICHT_ANTWOORD
    res: dict[str, Any] = {"url": LICHT_ANTWOORD, "weight": http_load.page_weight(url), "bursts": []}
    with urllib.request.urlopen(srv.url + "/robots.txt", timeout=10) as r:
        res["robots"] = {"status": r.status, "type": r.headers.get("Content-Type"), "bytes": len(r.read())}
    asyncio.run(http_load.burst(url, 20, None))  # warm-up: the page is rendered once per policy version
    for _ in range(repeats):
        time.sleep(1.0)
        r = asyncio.run(http_load.burst(url, n, srv.pid))
        r["loadavg_1m"] = os.getloadavg()[0]
        res["bursts"].append(r)
        log(f"light burst n={n}: p95 {r['p95_s']:.3f}s errors {r['errors']} {r['error_kinds'] or ''}")
    res["p95_s"] = statistics.median(r["p95_s"] for r in res["bursts"])
    res["errors"] = sum(r["errors"] for r in res["bursts"])
    return res


_STATIC_NGINX = """worker_processes 1;
daemon off;
pid nginx.pid;
error_log stderr error;
events {{ worker_connections 4096; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    gzip on;
    gzip_types text/css;
    server {{ listen 127.0.0.1:{port} backlog=4096; root {root}; }}
}}
"""


def static_suite(n: int, repeats: int) -> dict[str, Any]:
    """`make site` output behind one nginx worker (one core, like one app process): the same burst."""
    nginx = _nginx()
    if not nginx:
        return {"skipped": "nginx not installed (apt-get install nginx)"}
    from urllib.parse import parse_qsl

    from bench.server import free_port
    from policy import load_policy
    from views import wizard
    from views.licht.links import statische_naam
    from web.site import schrijf

    beleid = load_policy()
    tmp = Path(tempfile.mkdtemp(prefix="bench-site-"))
    tmp.chmod(0o755)  # nginx started as root reads the files as its worker user (nobody)
    ngx = None
    try:
        files = schrijf(tmp / "site", beleid)
        naam = statische_naam(wizard.stand(beleid, dict(parse_qsl(KEUZEHULP_QUERY))).route_query())
        port = free_port()
        (tmp / "nginx.conf").write_text(_STATIC_NGINX.format(port=port, root=tmp / "site"))
        ngx = subprocess.Popen(
            [nginx, "-p", str(tmp), "-c", str(tmp / "nginx.conf")],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        url = f"http://127.0.0.1:{port}/{naam}"
        deadline = time.monotonic() + 10
        while True:
            try:
                urllib.request.urlopen(url, timeout=2).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        res: dict[str, Any] = {"url": "/" + naam, "files": len(files), "weight": http_load.page_weight(url)}
        res["bursts"] = []
        for _ in range(repeats):
            time.sleep(1.0)
            r = asyncio.run(http_load.burst(url, n, None))
            r["loadavg_1m"] = os.getloadavg()[0]
            res["bursts"].append(r)
            log(f"static burst n={n}: p95 {r['p95_s']:.3f}s errors {r['errors']}")
        res["p95_s"] = statistics.median(r["p95_s"] for r in res["bursts"])
        return res
    except Exception as e:  # the rest of the benchmark still writes its report
        return {"skipped": f"{type(e).__name__}: {e}"}
    finally:
        _stop(ngx)
        shutil.rmtree(tmp, ignore_errors=True)


def lighthouse_suite(urls: dict[str, str], runs: int) -> dict[str, Any]:
    """Per page `runs` Lighthouse runs; the median per category and of the bytes, and every run."""
    try:
        version = lighthouse.install()
    except Exception as e:
        return {"skipped": f"install failed: {type(e).__name__}: {e}"}
    out: dict[str, Any] = {"version": version, "pages": {}}
    for name, url in urls.items():
        rs = []
        for _ in range(runs):
            try:
                rs.append(lighthouse.run(url))
            except Exception as e:
                log(f"lighthouse {name}: {type(e).__name__}: {e}")
        if not rs:
            out["pages"][name] = {"skipped": "every run failed"}
            continue
        out["pages"][name] = {
            "scores": {c: statistics.median(r["scores"][c] for r in rs) for c in lighthouse.CATEGORIES},
            "bytes": statistics.median(r["bytes"] for r in rs),
            "runs": rs,
        }
        log(f"lighthouse {name}: {out['pages'][name]['scores']} {out['pages'][name]['bytes'] / 1e6:.2f} MB")
    return out


def baseline_suite(a: argparse.Namespace) -> dict[str, Any]:
    """The Streamlit start page and answer page as they were at BASELINE: the same bursts, same config."""
    tree = Path(a.baseline_tree) if a.baseline_tree else None
    if tree is None and a.baseline:
        tree = Path(tempfile.mkdtemp(prefix="bench-base-"))
        try:
            _extract(a.baseline, str(tree))
        except (subprocess.CalledProcessError, OSError) as e:
            return {"skipped": f"git archive {a.baseline}: {e}"}
    if tree is None:
        return {"skipped": "no baseline"}
    log(f"baseline {a.baseline}: bursts of {max(a.sizes)}")
    try:
        srv = start_server(tree / "app.py", {}, cwd=tree)
        try:
            return {
                "commit": a.baseline,
                "load_start": asyncio.run(load_suite(srv, "", "", [max(a.sizes)], a)),
                "load_keuzehulp": asyncio.run(load_suite(srv, "keuzehulp", KEUZEHULP_QUERY, [max(a.sizes)], a)),
            }
        finally:
            srv.stop()
    finally:
        if not a.baseline_tree:
            shutil.rmtree(tree, ignore_errors=True)


# --- 6. Chromium first load ----------------------------------------------------------------------

_VISIBLE_JS = """(sel) => {
    const a = document.querySelector('[data-testid="stApp"]');
    return !!a && a.getAttribute('data-test-connection-state') === 'CONNECTED'
        && a.getAttribute('data-test-script-state') === 'notRunning'
        && !!document.querySelector(sel);
}"""


# Resource Timing: every HTTP request of the page (same origin, so transferSize is exposed) with its
# encoded (on the wire) size. CDP Network events undercounted in the sync API (lost after the wait).
_TRANSFER_JS = """() => {
    const e = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
    return [e.length, e.reduce((s, x) => s + (x.transferSize || 0), 0)];
}"""


def browser_suite(urls: dict[str, tuple[str, str]], repeats: int) -> dict[str, Any]:
    """Per page: fresh context (empty cache), time from navigation to content visible; requests and bytes."""
    if not CHROMIUM.exists():
        return {"skipped": f"{CHROMIUM} missing"}
    from playwright.sync_api import sync_playwright

    out: dict[str, Any] = {}
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            for name, (url, selector) in urls.items():
                runs = []
                for _ in range(repeats):
                    ctx = b.new_context(viewport={"width": 390, "height": 844})
                    page = ctx.new_page()
                    t0 = time.perf_counter()
                    page.goto(url, wait_until="commit")
                    page.wait_for_function(_VISIBLE_JS, arg=selector, timeout=60_000)
                    visible = time.perf_counter() - t0
                    page.wait_for_load_state("networkidle", timeout=30_000)
                    page.wait_for_timeout(500)
                    n, size = page.evaluate(_TRANSFER_JS)
                    runs.append({"visible_s": visible, "requests": n, "bytes": size})
                    ctx.close()
                out[name] = {
                    "visible_s": statistics.median(r["visible_s"] for r in runs),
                    "requests": statistics.median(r["requests"] for r in runs),
                    "bytes": statistics.median(r["bytes"] for r in runs),
                }
                log(f"chromium {name}: {out[name]['visible_s']:.2f}s {out[name]['bytes'] / 1e6:.2f} MB")
        finally:
            b.close()
    return out


# --- 7. two processes behind nginx ---------------------------------------------------------------


def _nginx() -> str | None:
    return shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)


def _port_free(port: int) -> bool:
    import socket

    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def scaled_suite(n: int) -> dict[str, Any]:
    """deploy/nginx.conf as `make serve-scaled` runs it (ports 8502, 8503, 8080), one keuzehulp burst."""
    nginx = _nginx()
    if not nginx:
        return {"skipped": "nginx not installed (apt-get install nginx)"}
    busy = [p for p in (8502, 8503, 8080) if not _port_free(p)]
    if busy:
        return {"skipped": f"ports in use: {busy}"}
    prefix = Path(tempfile.mkdtemp(prefix="bench-nginx-"))
    (prefix / "logs").mkdir()
    (prefix / "tmp").mkdir()
    env = {"STREAMLIT_SERVER_COOKIE_SECRET": os.urandom(32).hex()}
    apps: list[Server] = []
    ngx = None
    try:
        for port in (8502, 8503):
            apps.append(start_server(APP, {}, port=port, cwd=ROOT, env=env))
        ngx = subprocess.Popen(
            [nginx, "-p", str(prefix), "-c", str(ROOT / "deploy" / "nginx.conf")],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        wait_healthy("http://127.0.0.1:8080", 20)

        async def run() -> dict[str, Any]:
            t = Target("http://127.0.0.1:8080", "keuzehulp", KEUZEHULP_QUERY, None, timeout=60.0, settle=0.0)
            t.xsrf = await fetch_xsrf_cookie(t.url)
            for srv in apps:  # warm each process directly: cold imports stay out of the figures
                x = await fetch_xsrf_cookie(srv.url)
                for _ in range(2):
                    s, _r = await open_and_run(srv.url, t.page, t.query, xsrf_cookie=x, timeout=t.timeout)
                    await s.close()
            await asyncio.sleep(1.0)
            before = [proc_stat(s.pid) for s in apps]
            r = await burst(t, n)
            after = [proc_stat(s.pid) for s in apps]
            r["cpu_s_per_session"] = sum(x.cpu_s - y.cpu_s for x, y in zip(after, before, strict=True)) / n
            r["rss_mb_after_each"] = [x.rss_mb for x in after]
            r["loadavg_1m"] = os.getloadavg()[0]
            return r

        r = asyncio.run(run())
        # How the sessions spread: threads are not a good proxy, so count it from the app logs' absence;
        # the per-process CPU delta shows the split instead.
        log(f"scaled burst n={n}: p95 {r['p95_s']:.3f}s errors {r['errors']}")
        # Static caching and gzip as a browser sees them through nginx.
        js = _first_js("http://127.0.0.1:8080/")
        if js:
            req = urllib.request.Request(f"http://127.0.0.1:8080{js}", headers={"Accept-Encoding": "gzip"})
            with urllib.request.urlopen(req, timeout=10) as resp:
                r["static_check"] = {
                    "path": js,
                    "cache_control": resp.headers.get("Cache-Control"),
                    "content_encoding": resp.headers.get("Content-Encoding"),
                }
        # First load through nginx (gzip, cache headers) for the heaviest pages.
        try:
            r["browser"] = browser_suite(
                {
                    name: (f"http://127.0.0.1:8080/{path}", '[data-testid="stMainBlockContainer"] h1')
                    for name, path in (("keuzehulp", "keuzehulp?" + KEUZEHULP_QUERY), ("matrix", "matrix"))
                },
                1,
            )
        except Exception as e:
            r["browser"] = {"skipped": f"{type(e).__name__}: {e}"}
        return r
    except Exception as e:  # the rest of the benchmark still writes its report
        return {"skipped": f"{type(e).__name__}: {e}"}
    finally:
        _stop(ngx)
        for s in apps:
            s.stop()
        shutil.rmtree(prefix, ignore_errors=True)


def _first_js(url: str) -> str | None:
    with urllib.request.urlopen(url, timeout=10) as resp:
        html: str = resp.read().decode()
    i = html.find("/static/js/")
    if i < 0:
        return None
    j = html.find('"', i)
    return html[i:j]


# --- report --------------------------------------------------------------------------------------


def machine() -> dict[str, str]:
    model = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import streamlit

    versions = {"python": platform.python_version(), "streamlit": streamlit.__version__}
    try:
        from importlib.metadata import version

        versions["playwright"] = version("playwright")
    except Exception:
        pass
    chromium = "?"
    if CHROMIUM.exists():
        chromium = subprocess.run([str(CHROMIUM), "--version"], capture_output=True, text=True).stdout.strip()
    ngx = _nginx()
    nginx_v = subprocess.run([ngx, "-v"], capture_output=True, text=True).stderr.strip() if ngx else "not installed"
    return {
        "nproc": str(os.cpu_count()),
        "cpu": model,
        "kernel": platform.release(),
        "versions": ", ".join(f"{k} {v}" for k, v in versions.items()),
        "chromium": chromium,
        "nginx": nginx_v,
    }


def _b(r: dict[str, Any]) -> str:
    return (
        f"{r['p50_s']:.3f} | {r['p95_s']:.3f} | {r['max_s']:.3f} | {r['errors']} | "
        f"{r.get('cpu_s_per_session', float('nan')) * 1000:.1f} | "
        f"{r.get('rss_mb_before', float('nan')):.0f} / {r.get('rss_mb_peak', float('nan')):.0f} / "
        f"{r.get('rss_mb_after', float('nan')):.0f} | {r.get('loadavg_1m', 0):.1f}"
    )


def report(res: dict[str, Any], cmd: str, elapsed: float) -> str:
    m = res["machine"]
    L: list[str] = []
    add = L.append
    add("# Performance")
    add("")
    add("Generated by `make bench` (`bench/run_all.py`); do not edit by hand, rerun instead. Issues 6, 10 and 16.")
    add("Every figure is measured against the empty reference app (`bench/empty_app.py`) served in the same run")
    add("with the same configuration (the production `.streamlit/config.toml`). The load client shares the")
    add("2 cores with the server(s): read latencies relative to the reference; server CPU per session is the")
    add("steadier number. `load` = 1-minute load average when the row was measured.")
    add("")
    add(f"- date: {res['date']}, whole run {elapsed:.0f} s")
    add(f"- command: `{cmd}`")
    add(f"- code measured: {res['code']}")
    add(f"- machine: nproc {m['nproc']}, {m['cpu']}, kernel {m['kernel']}")
    add(f"- versions: {m['versions']}; {m['chromium']}; {m['nginx']}")
    add("- what bounds the targets that are not met, with profiles: [performance-notes.md](performance-notes.md)")
    sk = res.get("soak", {})
    if "skipped" not in sk and sk:
        add(f"- soak (issue 16, section 8), {sk['minutes']:g} min: {soak.verdict(sk)}")
    add("")

    add("## Targets of issue 10 (light edition, lighter Streamlit pages)")
    add("")
    add("| target | measured | status |")
    add("| --- | --- | --- |")
    for row in res["targets10"]:
        add(f"| {row[0]} | {row[1]} | {met(row[2])} |")
    add("")
    add("## Targets of issue 6 (Streamlit under load)")
    add("")
    add("| target | measured | status |")
    add("| --- | --- | --- |")
    for row in res["targets"]:
        add(f"| {row[0]} | {row[1]} | {met(row[2])} |")
    add("")
    L.extend(report_licht(res))
    L.extend(report_streamlit_before_after(res))

    p = res["policy"]
    add("## 1. Policy")
    add("")
    add("| what | ms |")
    add("| --- | --- |")
    for k, v in p.items():
        add(f"| {k} | {v:.3f} |")
    add("")

    add(f"## 2. Page reruns (AppTest, median of {res['apptest_repeats']})")
    add("")
    add("| page | median ms | p90 ms | × empty | target | status |")
    add("| --- | --- | --- | --- | --- | --- |")
    at = res["apptest"]
    e = at["empty"]["median_ms"]
    for name, v in at.items():
        ratio = v["median_ms"] / e
        if name == "empty":
            tgt, ok = "reference", None
        elif name == "matrix":
            tgt, ok = f"≤ {MATRIX_MEDIAN_MAX_MS:.0f} ms", v["median_ms"] <= MATRIX_MEDIAN_MAX_MS
        else:
            tgt, ok = f"≤ {RERUN_VS_EMPTY_MAX:.0f}× empty", ratio <= RERUN_VS_EMPTY_MAX
        add(
            f"| {name} | {v['median_ms']:.1f} | {v['p90_ms']:.1f} | {ratio:.1f} | {tgt} | "
            f"{'' if ok is None else met(ok)} |"
        )
    add("")

    add("## 3. Simultaneous new sessions (websocket burst; latency = connect + first run until script_finished)")
    add("")
    add(
        "| app / page | N | p50 s | p95 s | max s | errors | server CPU ms/session "
        "| RSS MB before / peak / after | load |"
    )
    add("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for label, key in (
        ("empty (reference)", "load_empty"),
        ("app /", "load_start"),
        ("app /keuzehulp?…", "load_keuzehulp"),
    ):
        for r in res[key]["bursts"]:
            add(f"| {label} | {r['sessions']} | {_b(r)} |")
    sc = res.get("scaled", {})
    if "p95_s" in sc:
        add(
            f"| 2 processes + nginx, /keuzehulp?… | {sc['sessions']} | {sc['p50_s']:.3f} | {sc['p95_s']:.3f} | "
            f"{sc['max_s']:.3f} | {sc['errors']} | {sc['cpu_s_per_session'] * 1000:.1f} (both) | "
            f"after {' + '.join(f'{x:.0f}' for x in sc['rss_mb_after_each'])} | {sc['loadavg_1m']:.1f} |"
        )
    add("")
    if "p95_s" in sc:
        add(
            "Scaled = `make serve-scaled` setup (deploy/nginx.conf: cookie-hash sticky upstream, two "
            "`streamlit run app.py` on 8502/8503) on the same 2 cores, client included."
        )
        if "static_check" in sc:
            s = sc["static_check"]
            add(
                f"Static file through nginx (`{s['path']}`): Cache-Control `{s['cache_control']}`, "
                f"Content-Encoding `{s['content_encoding']}`."
            )
        sb = sc.get("browser", {})
        if sb and "skipped" not in sb:
            add("")
            add("First load in Chromium through nginx (gzip on; compare with section 6):")
            add("")
            add("| page | content visible s | requests | bytes transferred |")
            add("| --- | --- | --- | --- |")
            for name, v in sb.items():
                add(f"| {name} | {v['visible_s']:.2f} | {v['requests']:.0f} | {v['bytes'] / 1e6:.2f} MB |")
    else:
        add(f"Scaled setup not measured: {sc.get('skipped', 'skipped')}.")
    add("")

    ia = res["interact_app"]
    add(f"## 4. Interaction under load ({ia['sessions']} connected, {ia['rate_per_s']:.0f}/s change an answer)")
    add("")
    add("| app | connected | reruns | skipped (all busy) | p50 s | p95 s | max s | errors | server CPU ms/rerun |")
    add("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for label, key in (("empty (reference)", "interact_empty"), ("app /keuzehulp", "interact_app")):
        r = res[key]
        add(
            f"| {label} | {r['connected']} | {r['n']} | {r['skipped_all_busy']} | {r['p50_s']:.3f} | "
            f"{r['p95_s']:.3f} | {r['max_s']:.3f} | {r['errors']} | "
            f"{r.get('cpu_s_per_rerun', float('nan')) * 1000:.1f} |"
        )
    add("")

    add(f"## 5. Leak check ({res['leak_app']['waves']} waves of {res['leak_app']['sessions']} sessions)")
    add("")
    add("| app | RSS start MB | RSS after each wave MB | fifth vs first | status |")
    add("| --- | --- | --- | --- | --- |")
    for label, key in (("empty (reference)", "leak_empty"), ("app /keuzehulp", "leak_app")):
        r = res[key]
        after = [w["rss_mb_after"] for w in r["rows"]]
        growth = after[-1] / after[0] - 1
        add(
            f"| {label} | {r['rss_mb_start']:.1f} | {', '.join(f'{x:.1f}' for x in after)} | "
            f"{growth * 100:+.1f} % | {met(growth <= LEAK_MAX_GROWTH)} |"
        )
    add("")

    add(f"## 6. First load in Chromium (fresh profile, 390×844; median of {res['browser_repeats']})")
    add("")
    br = res["browser"]
    if "skipped" in br:
        add(f"Not measured: {br['skipped']}.")
    else:
        add("| page | content visible s | requests | bytes transferred | × empty bytes |")
        add("| --- | --- | --- | --- | --- |")
        eb = br["empty"]["bytes"] or 1
        for name, v in br.items():
            add(
                f"| {name} | {v['visible_s']:.2f} | {v['requests']:.0f} | {v['bytes'] / 1e6:.2f} MB | "
                f"{v['bytes'] / eb:.1f} |"
            )
        add("")
        add(
            "Content visible = connected, script not running and the page's first element (h1 for the app, "
            "the text for the empty app) in the DOM. Requests and bytes from Resource Timing (`transferSize`: "
            "encoded bytes on the wire incl. headers) after network idle; "
            "websocket frames not included. The app gzips its responses (web/compression.py; the empty app "
            "is plain Streamlit, which does not gzip its JS); behind deploy/nginx.conf JS/CSS are also cached "
            "for a year."
        )
    add("")
    L.extend(report_soak(res))
    return "\n".join(L) + "\n"


def report_soak(res: dict[str, Any]) -> list[str]:
    sk = res.get("soak", {"skipped": "not run"})
    if "skipped" in sk:
        return ["## 8. Soak (issue 16)", "", f"Not measured: {sk['skipped']}.", ""]
    L = soak.report_lines(sk)
    L[0] = L[0].replace("## Soak", "## 8. Soak", 1)
    return L


def report_licht(res: dict[str, Any]) -> list[str]:
    lc = res["licht"]
    w = lc["weight"]
    L = [
        f"## 0. Light edition: `{lc['url']}`",
        "",
        f"Page weight from the server's response: HTML {w['html_bytes']} bytes ({w['html_wire_bytes']} gzipped on "
        f"the wire), {w['css_files']} stylesheet(s) {w['css_bytes']} bytes ({w['css_wire_bytes']} gzipped), "
        f"{w['scripts']} script elements; Content-Security-Policy `{w['csp']}`.",
        "",
        f"{lc['bursts'][0]['requests']} simultaneous GETs (`bench/http_load.py`: asyncio, one new connection "
        "per request, `Accept-Encoding: gzip`, latency from connect to last byte, client on the same 2 cores):",
        "",
        "| run | p50 s | p95 s | max s | errors | wall s | server CPU ms/request | client CPU s | load |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for i, r in enumerate(lc["bursts"], 1):
        L.append(
            f"| {i} | {r['p50_s']:.3f} | {r['p95_s']:.3f} | {r['max_s']:.3f} | {r['errors']} "
            f"{r['error_kinds'] or ''} | {r['wall_s']:.2f} | {r.get('server_cpu_ms_per_request', float('nan')):.2f} | "
            f"{r['client_cpu_s']:.2f} | {r['loadavg_1m']:.1f} |"
        )
    st_ = res.get("static", {})
    if "bursts" in st_:
        for i, r in enumerate(st_["bursts"], 1):
            L.append(
                f"| static site, run {i} | {r['p50_s']:.3f} | {r['p95_s']:.3f} | {r['max_s']:.3f} | {r['errors']} "
                f"{r['error_kinds'] or ''} | {r['wall_s']:.2f} | — | {r['client_cpu_s']:.2f} | {r['loadavg_1m']:.1f} |"
            )
        L += [
            "",
            f"Static site = `make site` ({st_['files']} files) served by nginx with one worker process (one core, "
            f"like one app process), gzip on; the same answer page `{st_['url']}`: HTML {st_['weight']['html_bytes']} "
            f"bytes, CSS {st_['weight']['css_bytes']} bytes, {st_['weight']['scripts']} scripts.",
        ]
    else:
        L += ["", f"Static site not measured: {st_.get('skipped', 'skipped')}."]
    L.append("")
    lh = res["lighthouse"]
    pages: dict[str, dict[str, Any]] = lh.get("pages", {})
    runs = len(next(iter(pages.values()), {}).get("runs", []))
    L += [f"### Lighthouse (mobile, default simulated throttling), {runs} runs per page", ""]
    if "skipped" in lh:
        L += [f"Not measured: {lh['skipped']}.", ""]
        return L
    L += [
        f"npm `lighthouse@{lh['version']}`, Debian Chromium (`CHROME_PATH`), flags of bench/chromium.py, "
        "`--headless=new`. Median per category over the runs; every run below.",
        "",
        "| page | performance | accessibility | best practices | SEO | bytes transferred |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    names = {"licht": f"light `{LICHT_ANTWOORD}`", "streamlit": f"Streamlit `/keuzehulp?{KEUZEHULP_QUERY}`"}
    for name, v in lh["pages"].items():
        if "skipped" in v:
            L.append(f"| {names[name]} | {v['skipped']} | | | | |")
            continue
        sc = v["scores"]
        L.append(
            f"| {names[name]} | {sc['performance']:.0f} | {sc['accessibility']:.0f} | {sc['best-practices']:.0f} | "
            f"{sc['seo']:.0f} | {v['bytes'] / 1e6:.3f} MB |"
        )
    L.append("")
    L += [
        "| page | run | scores (perf/a11y/bp/seo) | bytes | FCP / LCP / SI / TBT | points lost on |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for name, v in lh["pages"].items():
        for i, r in enumerate(v.get("runs", []), 1):
            sc = r["scores"]
            m = r["metrics"]
            L.append(
                f"| {name} | {i} | {sc['performance']}/{sc['accessibility']}/{sc['best-practices']}/{sc['seo']} | "
                f"{r['bytes'] / 1e6:.3f} MB | {' / '.join(m[k] for k in lighthouse.METRICS)} | "
                f"{'; '.join(r['lost']) or '—'} |"
            )
    for name, v in lh["pages"].items():
        if v.get("runs"):
            grootste = ", ".join(f"`{pad}` {n / 1000:.0f} kB" for pad, n in v["runs"][0]["largest"])
            L += ["", f"Largest transfers, {name} (run 1): {grootste}."]
    if any("robots-txt" in x for v in lh["pages"].values() for r in v.get("runs", []) for x in r["lost"]):
        rb = lc["robots"]
        L += [
            "",
            "robots-txt: Lighthouse fetches `/robots.txt` from inside the page, which the light pages' CSP "
            "(`default-src 'none'`, no `connect-src`) forbids: a known Lighthouse limitation "
            "(GoogleChrome/lighthouse#4386). The server does serve it: `GET /robots.txt` → "
            f"{rb['status']} `{rb['type']}`, {rb['bytes']} bytes (this run). `connect-src 'self'` in the light "
            "CSP would satisfy Lighthouse; with no script allowed, nothing on the page can connect anyway.",
        ]
    warnings = sorted({x for v in lh["pages"].values() for r in v.get("runs", []) for x in r["warnings"]})
    if warnings:
        L += ["", "Lighthouse warnings: " + " ".join(w.split(". Learn more")[0] + "." for w in warnings)]
    L.append("")
    return L


def report_streamlit_before_after(res: dict[str, Any]) -> list[str]:
    b = res["baseline"]
    L = ["## Streamlit pages before and after they got lighter (issue 10)", ""]
    if "skipped" in b:
        return [*L, f"Before not measured: {b['skipped']}.", ""]
    ref = res["load_empty"]["bursts"][-1]
    L += [
        f"The same burst ({ref['sessions']} new sessions at once, same config, same run) against the app at "
        f"commit `{b['commit']}` (before) and at the measured commit (after), and the empty reference app.",
        "",
        "| page | version | p95 s | × empty p95 | server CPU ms/session | load |",
        "| --- | --- | --- | --- | --- | --- |",
        f"| empty app | reference | {ref['p95_s']:.3f} | 1.00 | {ref['cpu_s_per_session'] * 1000:.1f} | "
        f"{ref['loadavg_1m']:.1f} |",
    ]
    for label, key in (("start /", "load_start"), ("keuzehulp answer", "load_keuzehulp")):
        for version, r in ((f"before ({b['commit']})", b[key]["bursts"][-1]), ("after", res[key]["bursts"][-1])):
            L.append(
                f"| {label} | {version} | {r['p95_s']:.3f} | {r['p95_s'] / ref['p95_s']:.2f} | "
                f"{r['cpu_s_per_session'] * 1000:.1f} | {r['loadavg_1m']:.1f} |"
            )
    L.append("")
    return L


def targets10(res: dict[str, Any]) -> list[tuple[str, str, bool]]:
    rows: list[tuple[str, str, bool]] = []
    lc = res["licht"]
    n = lc["bursts"][0]["requests"]
    rows.append(
        (
            f"{n} simultaneous GETs of the light answer page: p95 ≤ {LICHT_P95_MAX_S:.0f} s (median of runs)",
            ", ".join(f"{r['p95_s']:.2f} s" for r in lc["bursts"]),
            lc["p95_s"] <= LICHT_P95_MAX_S,
        )
    )
    rows.append((f"{n} simultaneous GETs: zero errors", str(lc["errors"]), lc["errors"] == 0))
    w = lc["weight"]
    rows.append(
        (
            f"light answer page HTML ≤ {LICHT_HTML_MAX // 1000} kB",
            f"{w['html_bytes'] / 1000:.1f} kB",
            w["html_bytes"] <= LICHT_HTML_MAX,
        )
    )
    rows.append(
        (
            f"light answer page CSS ≤ {LICHT_CSS_MAX // 1000} kB",
            f"{w['css_bytes'] / 1000:.1f} kB",
            w["css_bytes"] <= LICHT_CSS_MAX,
        )
    )
    rows.append(("light answer page: 0 scripts", str(w["scripts"]), w["scripts"] == 0))
    pages = res["lighthouse"].get("pages", {})
    li = pages.get("licht", {})
    if "scores" in li:
        sc = li["scores"]
        rows.append(
            (
                "Lighthouse light answer page: 100 / 100 / 100 / 100",
                " / ".join(f"{sc[c]:.0f}" for c in lighthouse.CATEGORIES),
                all(sc[c] >= LH_LICHT_MIN for c in lighthouse.CATEGORIES),
            )
        )
    st_ = pages.get("streamlit", {})
    if "scores" in st_:
        perf = st_["scores"]["performance"]
        rows.append(
            (f"Lighthouse Streamlit answer page: performance ≥ {LH_ST_PERF_MIN}", f"{perf:.0f}", perf >= LH_ST_PERF_MIN)
        )
        rows.append(
            (
                f"Lighthouse Streamlit answer page: ≤ {LH_ST_BYTES_MAX / 1e6:.1f} MB transferred",
                f"{st_['bytes'] / 1e6:.3f} MB",
                st_["bytes"] <= LH_ST_BYTES_MAX,
            )
        )
    ref = res["load_empty"]["bursts"][-1]
    for key, label in (("load_start", "start /"), ("load_keuzehulp", "keuzehulp answer")):
        r = res[key]["bursts"][-1]
        ratio = r["p95_s"] / ref["p95_s"]
        rows.append(
            (
                f"{r['sessions']} new sessions {label}: p95 ≤ {ST_VS_REF_MAX:.0f}× empty app",
                f"{ratio:.2f}× ({r['p95_s']:.2f} s vs {ref['p95_s']:.2f} s)",
                ratio <= ST_VS_REF_MAX,
            )
        )
        cpu = r["cpu_s_per_session"] * 1000
        before = res["baseline"].get(key, {}).get("bursts", [{}])[-1].get("cpu_s_per_session")
        was = f" (before: {before * 1000:.1f})" if before else ""
        rows.append(
            (
                f"{label}: server CPU ≤ {ST_CPU_MAX_MS:.0f} ms per new session",
                f"{cpu:.1f} ms{was}",
                cpu <= ST_CPU_MAX_MS,
            )
        )
    return rows


def targets(res: dict[str, Any]) -> list[tuple[str, str, bool]]:
    rows: list[tuple[str, str, bool]] = []
    rr = res["load_empty"]["bursts"][-1]
    n = rr["sessions"]
    for key, label in (("load_start", "/"), ("load_keuzehulp", "/keuzehulp")):
        r = res[key]["bursts"][-1]
        rows.append(
            (f"{n} sessions {label}: p95 ≤ {BURST_P95_MAX_S} s", f"{r['p95_s']:.2f} s", r["p95_s"] <= BURST_P95_MAX_S)
        )
        ratio = r["p95_s"] / rr["p95_s"]
        rows.append(
            (
                f"{n} sessions {label}: p95 ≤ {BURST_VS_REF_MAX}× reference",
                f"{ratio:.2f}× ({rr['p95_s']:.2f} s)",
                ratio <= BURST_VS_REF_MAX,
            )
        )
        rows.append((f"{n} sessions {label}: zero errors", str(r["errors"]), r["errors"] == 0))
    ia = res["interact_app"]
    rows.append(
        (
            f"interaction p95 ≤ {INTERACT_P95_MAX_S * 1000:.0f} ms",
            f"{ia['p95_s'] * 1000:.0f} ms, {ia['errors']} errors",
            ia["p95_s"] <= INTERACT_P95_MAX_S and ia["errors"] == 0,
        )
    )
    at = res["apptest"]
    e = at["empty"]["median_ms"]
    for name in ("start", "keuzehulp", "faq"):
        ratio = at[name]["median_ms"] / e
        rows.append((f"rerun {name} ≤ {RERUN_VS_EMPTY_MAX:.0f}× empty", f"{ratio:.1f}×", ratio <= RERUN_VS_EMPTY_MAX))
    mm = at["matrix"]["median_ms"]
    rows.append((f"rerun matrix median ≤ {MATRIX_MEDIAN_MAX_MS:.0f} ms", f"{mm:.1f} ms", mm <= MATRIX_MEDIAN_MAX_MS))
    after = [w["rss_mb_after"] for w in res["leak_app"]["rows"]]
    g = after[-1] / after[0] - 1
    rows.append(("no leak: RSS after 5th wave within 10 % of 1st", f"{g * 100:+.1f} %", g <= LEAK_MAX_GROWTH))
    return rows


def _extract(rev: str, dest: str) -> None:
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev], capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", dest], input=archive, check=True)


def _run_in_snapshot(a: argparse.Namespace, argv: list[str]) -> int:
    """Measure HEAD, not a working tree others may be editing: `git archive HEAD` into a temp dir, run there.
    The baseline commit goes into a second temp dir the same way."""
    commit = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True
    ).stdout.strip()
    dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain"], capture_output=True, text=True).stdout
    with (
        tempfile.TemporaryDirectory(prefix="bench-head-") as tmp,
        tempfile.TemporaryDirectory(prefix="bench-base-") as base,
    ):
        _extract("HEAD", tmp)
        code = f"commit {commit} (`git archive HEAD`" + (", uncommitted changes not measured)" if dirty else ")")
        log(f"measuring {code} in {tmp}")
        cmd = [sys.executable, str(Path(tmp) / "bench" / "run_all.py"), *argv, "--tree", "--code", code]
        cmd += ["--out", str(Path(a.out).resolve()), "--json-out", str(Path(a.json_out).resolve())]
        if a.baseline:
            _extract(a.baseline, base)
            cmd += ["--baseline-tree", base]
        env = {**os.environ, "BENCH_LIGHTHOUSE_PREFIX": str(lighthouse.PREFIX)}
        return subprocess.run(cmd, cwd=tmp, env=env).returncode


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--out", default=str(ROOT / "docs" / "performance.md"))
    p.add_argument("--json-out", default=str(ROOT / "artifacts" / "bench.json"))
    p.add_argument("--sizes", type=int, nargs="+", default=[50, 100, 300])
    p.add_argument("--apptest-repeats", type=int, default=15)
    p.add_argument("--interact-sessions", type=int, default=300)
    p.add_argument("--rate", type=float, default=30.0)
    p.add_argument("--duration", type=float, default=8.0)
    p.add_argument("--leak-sessions", type=int, default=300)
    p.add_argument("--waves", type=int, default=5)
    p.add_argument("--browser-repeats", type=int, default=2)
    p.add_argument("--skip-scaled", action="store_true")
    p.add_argument("--light-requests", type=int, default=LICHT_N)
    p.add_argument("--light-repeats", type=int, default=3)
    p.add_argument("--lighthouse-runs", type=int, default=2)
    p.add_argument("--soak-minutes", type=float, default=10.0, help="bench/soak.py on one app process (0 = skip)")
    p.add_argument(
        "--soak-args", default="", help="more bench/soak.py flags, one string, e.g. '--session-rate 1 --seed 3'"
    )
    p.add_argument("--baseline", default=BASELINE, help="commit measured as 'before' ('' = none)")
    p.add_argument("--baseline-tree", default="", help=argparse.SUPPRESS)
    p.add_argument(
        "--tree",
        action="store_true",
        help="measure the working tree as it is (default: a snapshot of HEAD, so edits during the run don't count)",
    )
    p.add_argument("--code", default="", help=argparse.SUPPRESS)
    a = p.parse_args(argv)
    if max(a.sizes) > 1000 or a.waves > 10 or a.rate * a.duration > 1000 or a.light_requests > 2000:
        p.error("bounded on purpose: sizes <= 1000, waves <= 10, rate*duration <= 1000, light requests <= 2000")
    if a.light_repeats > 5 or a.lighthouse_runs > 5:
        p.error("bounded on purpose: light repeats and Lighthouse runs <= 5")
    # Parsed now, so a bad value fails before 5 minutes of other measurements, with the soak's own bounds.
    soak_args = soak.parse_args(["--minutes", str(a.soak_minutes), *a.soak_args.split()])

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # run the finally blocks: stop the servers
    if not a.tree:
        return _run_in_snapshot(a, list(sys.argv[1:] if argv is None else argv))

    t_start = time.perf_counter()
    res: dict[str, Any] = {
        "code": a.code or "working tree " + str(ROOT),
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine(),
        "apptest_repeats": a.apptest_repeats,
        "browser_repeats": a.browser_repeats,
    }
    log("1. policy")
    res["policy"] = bench_policy.meet(herhalingen=50)
    log("2. AppTest reruns")
    res["apptest"] = apptest_reruns(a.apptest_repeats)

    # Both servers from the repo root: same .streamlit/config.toml for the reference and the app.
    log("3-6. servers: empty reference and app, same config")
    questions = [f"doelgroep=isk&niveau={n}" for n in ("entree", "2", "3", "4")] + ["doelgroep=vmbo&niveau=2"]
    empty = start_server(EMPTY, {}, cwd=ROOT)
    try:
        res["load_empty"] = asyncio.run(load_suite(empty, "", "", a.sizes, a))
        res["interact_empty"] = asyncio.run(interact_suite(empty, "", "", [], a))
        res["leak_empty"] = asyncio.run(leak_suite(empty, "", "", a))
    finally:
        empty.stop()
    app = start_server(APP, {}, cwd=ROOT)
    try:
        res["load_start"] = asyncio.run(load_suite(app, "", "", a.sizes, a))
        res["load_keuzehulp"] = asyncio.run(load_suite(app, "keuzehulp", KEUZEHULP_QUERY, a.sizes, a))
        res["interact_app"] = asyncio.run(interact_suite(app, "keuzehulp", KEUZEHULP_QUERY, questions, a))
        res["leak_app"] = asyncio.run(leak_suite(app, "keuzehulp", KEUZEHULP_QUERY, a))
    finally:
        app.stop()

    res["baseline"] = baseline_suite(a)

    log("0. light edition, Lighthouse; 6. Chromium first load")
    empty = start_server(EMPTY, {}, cwd=ROOT)
    app = start_server(APP, {}, cwd=ROOT)
    try:
        res["licht"] = licht_suite(app, a.light_requests, a.light_repeats)
        res["lighthouse"] = lighthouse_suite(
            {"licht": app.url + LICHT_ANTWOORD, "streamlit": app.url + "/keuzehulp?" + KEUZEHULP_QUERY},
            a.lighthouse_runs,
        )
        res["browser"] = browser_suite(
            {
                "empty": (empty.url + "/", '[data-testid="stMainBlockContainer"] [data-testid="stMarkdownContainer"]'),
                "start": (app.url + "/", '[data-testid="stMainBlockContainer"] h1'),
                "keuzehulp": (app.url + "/keuzehulp?" + KEUZEHULP_QUERY, '[data-testid="stMainBlockContainer"] h1'),
                "matrix": (app.url + "/matrix", '[data-testid="stMainBlockContainer"] h1'),
                "faq": (app.url + "/faq", '[data-testid="stMainBlockContainer"] h1'),
            },
            a.browser_repeats,
        )
    except Exception as e:
        res["browser"] = {"skipped": f"{type(e).__name__}: {e}"}
    finally:
        empty.stop()
        app.stop()

    log("0. the static site (make site) behind nginx")
    res["static"] = static_suite(a.light_requests, a.light_repeats)

    if a.skip_scaled:
        res["scaled"] = {"skipped": "--skip-scaled"}
    else:
        log("7. two processes behind nginx")
        res["scaled"] = scaled_suite(max(a.sizes))

    if a.soak_minutes > 0:
        log(f"8. soak: {a.soak_minutes:g} min of mixed load on one app process")
        soak_args.code = res["code"]
        try:
            res["soak"] = soak.run(soak_args)
            log(f"soak: {soak.verdict(res['soak'])}")
        except Exception as e:  # the rest of the benchmark still writes its report
            res["soak"] = {"skipped": f"{type(e).__name__}: {e}"}
    else:
        res["soak"] = {"skipped": "--soak-minutes 0"}

    res["targets"] = targets(res)
    res["targets10"] = targets10(res)
    elapsed = time.perf_counter() - t_start
    shown = [x for x in (argv if argv is not None else sys.argv[1:]) if x != "--tree"]
    shown = [
        x
        for i, x in enumerate(shown)
        if not (x in ("--code", "--out", "--json-out") or (i and shown[i - 1] in ("--code", "--out", "--json-out")))
    ]
    cmd = "make bench  # = .venv/bin/python bench/run_all.py" + (" " + shlex.join(shown)).rstrip()
    out = Path(a.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(report(res, cmd, elapsed))
    jp = Path(a.json_out)
    jp.parent.mkdir(parents=True, exist_ok=True)
    jp.write_text(json.dumps(res, indent=1, default=str))
    log(f"wrote {out} ({elapsed:.0f} s)")
    for row in res["targets10"] + res["targets"]:
        log(f"  {met(row[2]):14} {row[0]}: {row[1]}")
    if "skipped" not in res["soak"]:
        log(f"  soak {res['soak']['minutes']:g} min: {soak.verdict(res['soak'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
