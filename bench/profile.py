"""Profile the server with py-spy while bursts of new sessions arrive; print where its CPU goes.

  .venv/bin/pip install py-spy   # one-off, not a project dependency
  python bench/profile.py --set server.fileWatcherType=none --set runner.postScriptGC=false \
      --sessions 200 --bursts 5 --out /tmp/prof

Writes py-spy's collapsed stacks (<out>.txt, for flamegraph tools / speedscope) and prints the
top functions by inclusive and by own ("self") samples, all threads, idle time excluded.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.load import Target, burst
from bench.server import start_server
from bench.ws_client import fetch_xsrf_cookie

# Leaves that mean "waiting". py-spy's --gil keeps reporting the last GIL holder while every thread
# waits, so idle time lands on these (the secrets/config polling watcher sleeps in `task`).
IDLE_LEAVES = (
    "PollingPathWatcher._schedule.<locals>.task",
    "_worker ",
    "Condition.wait",
    "Selector.select",
    "InotifyFD._check_inotify_fd",  # watchdog blocked in select()
)


def summarize(collapsed: Path, top: int = 25) -> str:
    """Inclusive and self sample shares per function from py-spy's raw (collapsed) output, idle dropped."""
    incl: collections.Counter[str] = collections.Counter()
    own: collections.Counter[str] = collections.Counter()
    total = 0
    for line in collapsed.read_text().splitlines():
        stack, _, n = line.rpartition(" ")
        frames = [f for f in stack.split(";")[1:] if f]  # first entry is the thread name
        if not frames or frames[-1].startswith(IDLE_LEAVES):
            continue
        total += int(n)
        for f in set(frames):  # count recursion once
            incl[f] += int(n)
        own[frames[-1]] += int(n)
    out = [f"{total} busy samples"]
    for title, c in (("inclusive", incl), ("self", own)):
        out.append(f"-- top {top} {title}")
        # Skip the frames every stack shares (thread bootstrap, event loop, ASGI middleware chain).
        rows = [(f, n) for f, n in c.most_common() if title == "self" or n < 0.9 * total]
        out += [f"{100 * n / max(1, total):5.1f}%  {f}" for f, n in rows[:top]]
    return "\n".join(out)


async def _load(url: str, pid: int, sessions: int, bursts: int) -> list[str]:
    t = Target(url, "", "", pid, 180.0, 30.0, xsrf=await fetch_xsrf_cookie(url))
    lines = []
    for _ in range(bursts):
        r = await burst(t, sessions)
        lines.append(f"burst {sessions}: p95 {r['p95_s']:.3f}s CPU {r['cpu_s_per_session'] * 1000:.1f} ms/session")
    return lines


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--script", default=str(Path(__file__).with_name("empty_app.py")))
    p.add_argument("--set", action="append", default=[], metavar="KEY=VALUE")
    p.add_argument("--sessions", type=int, default=200)
    p.add_argument("--bursts", type=int, default=3)
    p.add_argument("--rate", type=int, default=200, help="py-spy samples per second")
    p.add_argument("--out", default="/tmp/bench_profile")
    p.add_argument("--top", type=int, default=25)
    p.add_argument("--summarize", metavar="FILE", help="only summarize an existing collapsed file")
    a = p.parse_args(argv)
    if a.summarize:
        print(summarize(Path(a.summarize), a.top))
        return 0
    pyspy = shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy"))
    srv = start_server(a.script, dict(kv.split("=", 1) for kv in a.set))
    out = Path(f"{a.out}.txt")
    try:
        asyncio.run(_load(srv.url, srv.pid, 1, 1))  # warm-up outside the profile: lazy imports
        # --gil: only samples holding the GIL (CPU in Python); sleeping watcher threads otherwise look
        # busy. --threads keeps the thread name as the root frame.
        spy = subprocess.Popen(
            [
                pyspy,
                "record",
                "-p",
                str(srv.pid),
                "-r",
                str(a.rate),
                "-f",
                "raw",
                "-o",
                str(out),
                "--threads",
                "--nolineno",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        time.sleep(1.0)  # let py-spy attach before the load starts
        for line in asyncio.run(_load(srv.url, srv.pid, a.sessions, a.bursts)):
            print(line)
        spy.send_signal(signal.SIGINT)  # py-spy writes its output on Ctrl-C
        spy.wait(60)
    finally:
        srv.stop()
    print(summarize(out, a.top))
    return 0


if __name__ == "__main__":
    sys.exit(main())
