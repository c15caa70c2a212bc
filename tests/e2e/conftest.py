"""Browser tests: the real server (`streamlit run app.py`, as `make run`) driven by Debian's Chromium
through Playwright.

No browser is ever downloaded. Without /usr/bin/chromium the tests skip with a hint, unless
TOEGANGSWIJZER_E2E_VEREIST=1 (set by .ci/run): then they fail.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from bench.chromium import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parents[2]
VEREIST = os.environ.get("TOEGANGSWIJZER_E2E_VEREIST") == "1"
ARTIFACTS = ROOT / "artifacts"
OPSTARTTIJD = 60.0  # seconds a server may take to answer /_stcore/health


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Every test in this folder is a browser test: mark it `e2e` (run `pytest -m "not e2e"` to leave them out)."""
    map_ = Path(__file__).parent
    for item in items:
        if map_ in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.e2e)


def _geen_browser(reden: str) -> None:
    hint = f"{reden}. Installeer Chromium om de browsertests te draaien: `apt-get install chromium`."
    if VEREIST:
        pytest.fail(f"{hint} (TOEGANGSWIJZER_E2E_VEREIST=1: overslaan mag niet)", pytrace=False)
    pytest.skip(hint)


def vrije_poort() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    """A running `streamlit run app.py` on a loopback port."""

    url: str
    proces: subprocess.Popen[bytes]
    log: Path

    def stop(self) -> None:
        if self.proces.poll() is None:
            try:
                os.killpg(self.proces.pid, signal.SIGTERM)
                self.proces.wait(timeout=10)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.proces.pid, signal.SIGKILL)
                self.proces.wait(timeout=10)

    def logtekst(self) -> str:
        try:
            return self.log.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""


def _streamlit() -> str:
    naast = Path(sys.executable).parent / "streamlit"
    return str(naast) if naast.exists() else (shutil.which("streamlit") or "streamlit")


def start_server(naam: str) -> Server:
    """Start the server the conventional way (`streamlit run app.py`) on a free port; wait until it is healthy."""
    poort = vrije_poort()
    logmap = ARTIFACTS / "e2e-logs"
    logmap.mkdir(parents=True, exist_ok=True)
    log = logmap / f"server-{naam}-{poort}.log"
    cmd = [
        _streamlit(),
        "run",
        "app.py",
        "--server.port",
        str(poort),
        "--server.address",
        "127.0.0.1",
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
    ]
    with log.open("wb") as uit:
        proces = subprocess.Popen(cmd, cwd=ROOT, stdout=uit, stderr=subprocess.STDOUT, start_new_session=True)
    server = Server(f"http://127.0.0.1:{poort}", proces, log)
    einde = time.monotonic() + OPSTARTTIJD
    while time.monotonic() < einde:
        if proces.poll() is not None:
            raise RuntimeError(f"server stopte meteen (exit {proces.returncode}):\n{server.logtekst()[-3000:]}")
        try:
            with urllib.request.urlopen(f"{server.url}/_stcore/health", timeout=2) as antwoord:
                if antwoord.status == 200:
                    return server
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    server.stop()
    raise RuntimeError(f"server niet gezond binnen {OPSTARTTIJD:.0f} s:\n{server.logtekst()[-3000:]}")


@pytest.fixture(scope="session")
def chromium_pad() -> Path:
    if not CHROMIUM.exists():
        _geen_browser(f"{CHROMIUM} ontbreekt")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        _geen_browser("het pakket playwright ontbreekt (pip install -r requirements-dev.txt)")
    return CHROMIUM


@pytest.fixture(scope="session")
def server(chromium_pad: Path) -> Iterator[Server]:
    """One server for the whole session; tests that need a fresh process use `verse_server`."""
    s = start_server("sessie")
    try:
        yield s
    finally:
        s.stop()


@pytest.fixture
def verse_server(chromium_pad: Path) -> Iterator[Callable[[], Server]]:
    """A factory for freshly started servers (first-request tests); all are stopped after the test."""
    gestart: list[Server] = []

    def maak() -> Server:
        s = start_server("vers")
        gestart.append(s)
        return s

    try:
        yield maak
    finally:
        for s in gestart:
            s.stop()


@pytest.fixture(scope="session")
def browser(chromium_pad: Path) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(chromium_pad), args=CHROMIUM_ARGS, headless=True)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def pagina(browser: Any, request: pytest.FixtureRequest) -> Iterator[Any]:
    """A fresh browser context (no cookies, no storage) and page with an XSS trap: laptop size, or the
    (width, height) given as an indirect parameter."""
    breedte, hoogte = getattr(request, "param", (1280, 900))
    context = browser.new_context(viewport={"width": breedte, "height": hoogte}, locale="nl-NL")
    page = context.new_page()
    from tests.e2e.hulp import installeer_valstrik

    installeer_valstrik(page)
    page.set_default_timeout(20_000)
    try:
        yield page
    finally:
        context.close()
