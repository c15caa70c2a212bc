"""Browser tests: the real server (`streamlit run app.py`, as `make run`) driven by Debian's Chromium
through Playwright.

No browser is ever downloaded. Without /usr/bin/chromium the tests skip with a hint, unless
TOEGANGSWIJZER_E2E_VEREIST=1 (set by .ci/run): then they fail.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Generator, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from bench.chromium import CHROMIUM, CHROMIUM_ARGS
from bench.server import Server, start_server

ROOT = Path(__file__).resolve().parents[2]
VEREIST = os.environ.get("TOEGANGSWIJZER_E2E_VEREIST") == "1"
ARTIFACTS = ROOT / "artifacts"
# The longest any single state may take to appear. Every wait is for a state, so on an idle machine none comes
# near this; it is this long so that a machine busy with other work makes a test slower, never failed. Waits
# in the tests use the tab's default rather than shorter timeouts of their own.
WACHTTIJD_MS = 30_000


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Every test in this folder is a browser test: mark it `e2e` (run `pytest -m "not e2e"` to leave them out)."""
    map_ = Path(__file__).parent
    for item in items:
        if map_ in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.e2e)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """Keep each phase's report on the test, so the `pagina` fixture knows whether the test failed."""
    rapport = yield
    setattr(item, f"rapport_{rapport.when}", rapport)
    return rapport


def _geen_browser(reden: str) -> None:
    hint = f"{reden}. Installeer Chromium om de browsertests te draaien: `apt-get install chromium`."
    if VEREIST:
        pytest.fail(f"{hint} (TOEGANGSWIJZER_E2E_VEREIST=1: overslaan mag niet)", pytrace=False)
    pytest.skip(hint)


def start_app(naam: str) -> Server:
    """`streamlit run app.py` (as `make run`) on a free loopback port, healthy; its log in artifacts/e2e-logs."""
    return start_server(
        ROOT / "app.py", {"browser.gatherUsageStats": "false"}, cwd=ROOT, log_dir=ARTIFACTS / "e2e-logs", log_name=naam
    )


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
    s = start_app("sessie")
    try:
        yield s
    finally:
        s.stop()


@pytest.fixture
def verse_server(chromium_pad: Path) -> Iterator[Callable[[], Server]]:
    """A factory for freshly started servers (first-request tests); all are stopped after the test."""
    gestart: list[Server] = []

    def maak() -> Server:
        s = start_app("vers")
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


@pytest.fixture(scope="session")
def context(browser: Any) -> Iterator[Any]:
    """The worker's one browser context (cookies and permissions are cleared after every test)."""
    c = browser.new_context(locale="nl-NL")
    try:
        yield c
    finally:
        c.close()


@pytest.fixture(scope="session")
def tabblad(context: Any) -> Iterator[Any]:
    """The worker's one tab, with the XSS trap. Every test that opens a page uses it: Chromium then keeps
    Streamlit's scripts compiled between tests, so a page load costs about half the browser CPU of a load in a
    new tab, and far less than one in a new context (measured; docs/adr/0002-browsertests-een-tabblad.md)."""
    from playwright.sync_api import expect

    from tests.e2e.hulp import installeer_valstrik

    page = context.new_page()
    installeer_valstrik(page)
    page.set_default_timeout(WACHTTIJD_MS)
    expect.set_options(timeout=WACHTTIJD_MS)
    try:
        yield page
    finally:
        page.close()


def van_deze_machine(url: str) -> bool:
    """A request the browser may make: to a server on this machine (every test server is on 127.0.0.1), or
    data the page holds itself."""
    delen = urlsplit(url)
    return delen.scheme in ("data", "blob") or delen.hostname == "127.0.0.1"


@pytest.fixture
def pagina(tabblad: Any, context: Any, request: pytest.FixtureRequest) -> Iterator[Any]:
    """The worker's tab, at laptop size or the (width, height) given as an indirect parameter.

    Afterwards the tab goes to about:blank (which ends the page's Streamlit session) and what the test may
    have left is cleared: storage, cookies, permissions, the trap's records. And every test
    checks privacy on the side: a request to any other machine fails it (tests/e2e/test_privacy.py says why).
    """
    breedte, hoogte = getattr(request, "param", (1280, 900))
    tabblad.set_viewport_size({"width": breedte, "height": hoogte})
    verzoeken: list[str] = []

    def neem_op(verzoek: Any) -> None:
        verzoeken.append(verzoek.url)

    tabblad.on("request", neem_op)
    tabblad.verzoeken = verzoeken
    tabblad.dialogen.clear()
    try:
        yield tabblad
    finally:
        tabblad.remove_listener("request", neem_op)
        rapport = getattr(request.node, "rapport_call", None)
        if rapport is not None and rapport.failed and tabblad.url.startswith("http"):
            # What the tab showed when the test failed: the first thing to look at.
            map_ = ARTIFACTS / "mislukt"
            map_.mkdir(parents=True, exist_ok=True)
            naam = "".join(c if c.isalnum() or c in "-_" else "_" for c in request.node.name)
            tabblad.screenshot(path=str(map_ / f"{naam}.png"), full_page=True)
        if tabblad.url.startswith("http"):
            tabblad.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")
        tabblad.goto("about:blank")
        context.clear_cookies()
        context.clear_permissions()
    vreemd = [u for u in verzoeken if not van_deze_machine(u)]
    assert not vreemd, f"verzoeken aan een andere partij: {vreemd[:5]}"
