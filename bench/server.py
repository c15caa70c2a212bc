"""Start and stop a `streamlit run` server on a free loopback port: the one helper for the benchmark and the
browser tests (tests/e2e/conftest.py).

Usage from Python:
    srv = start_server("bench/empty_app.py", {"server.fileWatcherType": "none"})
    ...  # srv.url, srv.pid
    srv.stop()
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
STREAMLIT = Path(sys.executable).with_name("streamlit")


@dataclass
class Server:
    proc: subprocess.Popen[bytes]
    port: int
    log_path: Path
    flags: dict[str, str] = field(default_factory=dict)

    @property
    def pid(self) -> int:
        return self.proc.pid

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def log_text(self) -> str:
        try:
            return self.log_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""

    def stop(self, timeout: float = 10.0) -> int | None:
        """SIGTERM the server's process group, SIGKILL after `timeout`; returns the exit code."""
        if self.proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout)
        return self.proc.returncode


def free_port() -> int:
    """Ask the kernel for a free loopback port (tiny race with the server bind, fine here)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_healthy(url: str, timeout: float = 60.0, proc: subprocess.Popen[bytes] | None = None) -> None:
    """Poll /_stcore/health until it answers 200 ("ok"), the process (if given) exits, or the timeout passes."""
    deadline = time.monotonic() + timeout
    last: Exception | None = None
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"{url}: the server exited at once (exit {proc.returncode})")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError as e:  # connection refused while starting, or 503
            last = e
        time.sleep(0.1)
    raise TimeoutError(f"{url} not healthy after {timeout}s: {last}")


def start_server(
    script: str | Path,
    flags: dict[str, str] | None = None,
    *,
    port: int | None = None,
    cwd: str | Path | None = None,
    log_dir: str | Path | None = None,
    log_name: str = "bench_server",
    env: dict[str, str] | None = None,
    timeout: float = 60.0,
) -> Server:
    """Run `streamlit run script --server.port P --server.headless true --<flags>` and wait for health.

    cwd defaults to the script's folder: Streamlit reads `$CWD/.streamlit/config.toml`, so the
    empty app in bench/ runs with pure defaults while app.py in the repo root gets the production
    config. Every flag is passed on the command line, which overrides any config file. When the server
    does not come up, the error carries the end of its log.
    """
    script = Path(script).resolve()
    port = port or free_port()
    flags = dict(flags or {})
    args = [
        str(STREAMLIT),
        "run",
        str(script),
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--server.headless",
        "true",
    ]
    for key, value in flags.items():
        args += [f"--{key}", str(value)]
    log_dir = Path(log_dir or os.environ.get("TMPDIR", "/tmp"))
    log_dir.mkdir(parents=True, exist_ok=True)
    log_path = log_dir / f"{log_name}_{port}.log"
    with log_path.open("wb") as log:
        # Own process group, so stop() can signal exactly this server and nothing else.
        proc = subprocess.Popen(
            args,
            env={**os.environ, **env} if env else None,
            cwd=cwd or script.parent,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    srv = Server(proc, port, log_path, flags)
    try:
        wait_healthy(srv.url, timeout, proc)
    except (RuntimeError, TimeoutError) as e:
        srv.stop()
        raise RuntimeError(f"{e}\n{srv.log_text()[-3000:]}") from e
    except BaseException:
        srv.stop()
        raise
    return srv


if __name__ == "__main__":
    # Manual check: start the empty app, print pid and url, stop on Enter.
    s = start_server(BENCH / "empty_app.py", dict(a.split("=", 1) for a in sys.argv[1:]))
    print(s.pid, s.url, s.log_path)
    try:
        input("Enter stops the server ")
    finally:
        print("exit", s.stop())
