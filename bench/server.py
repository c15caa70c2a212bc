"""Start and stop a `streamlit run` server on a free loopback port for benchmarks.

Usage from Python:
    srv = start_server("bench/empty_app.py", {"server.fileWatcherType": "none"})
    ...  # srv.url, srv.pid
    stop_server(srv)
"""

from __future__ import annotations

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


def free_port() -> int:
    """Ask the kernel for a free loopback port (tiny race with the server bind, fine here)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_healthy(url: str, timeout: float = 60.0) -> None:
    """Poll /_stcore/health until it answers 200 ("ok") or the timeout passes."""
    deadline = time.monotonic() + timeout
    last: Exception | None = None
    while time.monotonic() < deadline:
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
    env: dict[str, str] | None = None,
    timeout: float = 60.0,
) -> Server:
    """Run `streamlit run script --server.port P --server.headless true --<flags>` and wait for health.

    cwd defaults to the script's folder: Streamlit reads `$CWD/.streamlit/config.toml`, so the
    empty app in bench/ runs with pure defaults while app.py in the repo root gets the production
    config. Every flag is passed on the command line, which overrides any config file.
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
    log_path = log_dir / f"bench_server_{port}.log"
    log = log_path.open("wb")
    # Own process group, so stop_server can signal exactly this server and nothing else.
    proc = subprocess.Popen(
        args,
        env={**os.environ, **env} if env else None,
        cwd=cwd or script.parent,
        stdout=log,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        start_new_session=True,
    )
    log.close()
    srv = Server(proc, port, log_path, flags)
    try:
        wait_healthy(srv.url, timeout)
    except BaseException:
        stop_server(srv)
        raise
    return srv


def stop_server(srv: Server, timeout: float = 10.0) -> int | None:
    """SIGTERM the server's process group, SIGKILL after `timeout`; returns the exit code."""
    if srv.proc.poll() is None:
        os.killpg(srv.proc.pid, signal.SIGTERM)
        try:
            srv.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(srv.proc.pid, signal.SIGKILL)
            srv.proc.wait(timeout)
    return srv.proc.returncode


if __name__ == "__main__":
    # Manual check: start the empty app, print pid and url, stop on Enter.
    s = start_server(BENCH / "empty_app.py", dict(a.split("=", 1) for a in sys.argv[1:]))
    print(s.pid, s.url, s.log_path)
    try:
        input("Enter stops the server ")
    finally:
        print("exit", stop_server(s))
