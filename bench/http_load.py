"""Plain HTTP on loopback: N simultaneous GETs of one page, and what one page weighs.

The burst client is asyncio streams, one new connection per request (a hall of phones, not a
connection pool), `Accept-Encoding: gzip` like a browser. It is deliberately thin: it shares the 2
cores with the server, so every millisecond it spends is taken from the figures.

  .venv/bin/python bench/http_load.py --url 'http://127.0.0.1:8501/licht/keuzehulp?doelgroep=isk' -n 1000
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import json
import sys
import time
import urllib.request
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.load import pct, proc_stat

MAX_REQUESTS = 5000


@dataclass
class Antwoord:
    ok: bool
    latency_s: float
    why: str = ""


async def get(host: str, port: int, target: str, timeout: float, expect: int = 200) -> Antwoord:
    """One GET on a new connection; ok = status `expect` and exactly Content-Length bytes of a non-empty body."""
    t0 = time.perf_counter()
    writer = None
    try:
        async with asyncio.timeout(timeout):
            reader, writer = await asyncio.open_connection(host, port)
            writer.write(
                f"GET {target} HTTP/1.1\r\nHost: {host}:{port}\r\nAccept-Encoding: gzip\r\n"
                "User-Agent: bench-http-load\r\nConnection: close\r\n\r\n".encode()
            )
            head = await reader.readuntil(b"\r\n\r\n")
            status = head.split(b" ", 2)[1]
            length = next(
                (
                    int(v)
                    for k, _, v in (h.partition(b":") for h in head.split(b"\r\n"))
                    if k.lower() == b"content-length"
                ),
                None,
            )
            body = await reader.read() if length is None else await reader.readexactly(length)
        latency = time.perf_counter() - t0
        if status != str(expect).encode():
            return Antwoord(False, latency, f"HTTP {status.decode()}")
        if not body:
            return Antwoord(False, latency, "empty body")
        return Antwoord(True, latency)
    except Exception as e:  # refused, reset, timeout: an error of the burst, not a crash
        return Antwoord(False, time.perf_counter() - t0, type(e).__name__)
    finally:
        if writer is not None:
            writer.close()


async def burst(url: str, n: int, pid: int | None = None, timeout: float = 30.0) -> dict[str, Any]:
    """N GETs started at the same moment; latency per request from connect to last byte."""
    if not 0 < n <= MAX_REQUESTS:
        raise ValueError(f"1 <= n <= {MAX_REQUESTS}")
    parts = urlsplit(url)
    if parts.hostname not in ("127.0.0.1", "localhost"):
        raise ValueError("loopback only")
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    before = proc_stat(pid) if pid else None
    t0, c0 = time.perf_counter(), time.process_time()
    res = await asyncio.gather(*(get(parts.hostname, parts.port or 80, target, timeout) for _ in range(n)))
    wall, client_cpu = time.perf_counter() - t0, time.process_time() - c0
    ok = [r.latency_s for r in res if r.ok]
    kinds: dict[str, int] = {}
    for r in res:
        if not r.ok:
            kinds[r.why] = kinds.get(r.why, 0) + 1
    out: dict[str, Any] = {
        "requests": n,
        "ok": len(ok),
        "errors": n - len(ok),
        "error_kinds": kinds,
        "p50_s": pct(ok, 50),
        "p95_s": pct(ok, 95),
        "max_s": max(ok, default=float("nan")),
        "wall_s": wall,
        "client_cpu_s": client_cpu,
    }
    if before and pid:
        out["server_cpu_ms_per_request"] = (proc_stat(pid).cpu_s - before.cpu_s) / n * 1000
    return out


# --- what one page weighs ----------------------------------------------------------------------


class _Onderdelen(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.scripts = 0
        self.stylesheets: list[str] = []
        self.inline_css = 0
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "script":
            self.scripts += 1
        elif tag == "link" and (a.get("rel") or "").lower() == "stylesheet" and a.get("href"):
            self.stylesheets.append(a["href"] or "")
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.inline_css += len(data.encode())


def _fetch(url: str) -> tuple[bytes, int, dict[str, str]]:
    """(decoded body, bytes on the wire, headers), asking for gzip like a browser."""
    req = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(req, timeout=10) as r:
        raw = r.read()
        headers = {k.lower(): v for k, v in r.headers.items()}
    body = gzip.decompress(raw) if headers.get("content-encoding") == "gzip" else raw
    return body, len(raw), headers


def page_weight(url: str) -> dict[str, Any]:
    """HTML bytes, the stylesheets it links (and inline CSS), and the number of script elements."""
    html, html_wire, headers = _fetch(url)
    p = _Onderdelen()
    p.feed(html.decode())
    css = [_fetch(urljoin(url, href)) for href in p.stylesheets]
    return {
        "html_bytes": len(html),
        "html_wire_bytes": html_wire,
        "css_files": len(css),
        "css_bytes": sum(len(b) for b, _, _ in css) + p.inline_css,
        "css_wire_bytes": sum(w for _, w, _ in css),
        "scripts": p.scripts,
        "csp": headers.get("content-security-policy", ""),
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--url", required=True)
    p.add_argument("-n", type=int, default=100)
    p.add_argument("--pid", type=int, help="server pid, for CPU per request")
    a = p.parse_args(argv)
    print(json.dumps({"weight": page_weight(a.url), "burst": asyncio.run(burst(a.url, a.n, a.pid))}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
