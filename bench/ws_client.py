"""Minimal asyncio Streamlit client: one session over ws://HOST/_stcore/stream, speaking protobuf.

It does what the browser's frontend (Streamlit 1.67) does, minus rendering:
- GET /_stcore/health sets the `_streamlit_xsrf` cookie (when XSRF protection is on);
- the websocket opens with subprotocols ["streamlit", <xsrf cookie value or
  "PLACEHOLDER_AUTH_TOKEN">, <previous session id, only on reconnect>] and the cookie header;
- the server creates the session on connect but runs nothing until the client sends
  BackMsg.rerun_script (a ClientState);
- a run ends with ForwardMsg.script_finished (FINISHED_SUCCESSFULLY = 0; it is a oneof member,
  so test `WhichOneof("type") == "script_finished"`, not its value).

    async with StreamlitSession("http://127.0.0.1:8501") as s:
        first = await s.rerun(page_name="keuzehulp", query_string="doelgroep=isk&niveau=entree")
        again = await s.rerun(query_string="doelgroep=vmbo")   # same page, by its script hash
"""

from __future__ import annotations

import asyncio
import time
import urllib.parse
from dataclasses import dataclass, field
from http.cookies import SimpleCookie

from streamlit.proto.Alert_pb2 import Alert
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ClientState_pb2 import ClientState
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetStates
from websockets.asyncio.client import ClientConnection, connect

XSRF_COOKIE = "_streamlit_xsrf"
# What the frontend sends as the token when it has no XSRF cookie and no host auth token.
NO_TOKEN = "PLACEHOLDER_AUTH_TOKEN"
_OK = {ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY}


@dataclass
class RunResult:
    """One script run as seen by the client."""

    latency_s: float  # rerun_script sent -> script_finished received
    status: str  # ScriptFinishedStatus name, or "TIMEOUT"
    messages: int  # ForwardMsgs received during the run
    page_script_hash: str = ""  # page that ran (from new_session / navigation)
    exceptions: list[str] = field(default_factory=list)  # st.exception deltas = uncaught errors
    page_not_found: bool = False
    # st.error bodies: an app that handles its own script errors (on_script_error) shows one instead of
    # an exception delta, so a caller can only spot the failure in the text.
    error_alerts: list[str] = field(default_factory=list)
    # Element id of every widget drawn in the run (ids end in the widget's user key), to send widget states.
    widget_ids: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.status in ("FINISHED_SUCCESSFULLY", "FINISHED_FRAGMENT_RUN_SUCCESSFULLY") and not (
            self.exceptions or self.page_not_found
        )


async def fetch_xsrf_cookie(base_url: str, timeout: float = 10.0) -> str | None:
    """GET /_stcore/health and return the `_streamlit_xsrf` cookie value (None if XSRF is off)."""
    u = urllib.parse.urlsplit(base_url)
    path = (u.path.rstrip("/") or "") + "/_stcore/health"
    reader, writer = await asyncio.wait_for(asyncio.open_connection(u.hostname, u.port or 80), timeout)
    try:
        writer.write(f"GET {path} HTTP/1.1\r\nHost: {u.netloc}\r\nConnection: close\r\n\r\n".encode())
        raw = await asyncio.wait_for(reader.read(), timeout)
    finally:
        writer.close()
    for line in raw.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n"):
        if line.lower().startswith("set-cookie:"):
            jar: SimpleCookie = SimpleCookie()
            jar.load(line.split(":", 1)[1].strip())
            if XSRF_COOKIE in jar:
                return jar[XSRF_COOKIE].value
    return None


def _ws_url(base_url: str) -> str:
    u = urllib.parse.urlsplit(base_url)
    scheme = "wss" if u.scheme == "https" else "ws"
    return f"{scheme}://{u.netloc}{u.path.rstrip('/')}/_stcore/stream"


class StreamlitSession:
    """One browser tab's worth of Streamlit session, without the browser."""

    def __init__(self, base_url: str, *, xsrf_cookie: str | None = None, open_timeout: float = 30.0) -> None:
        self.base_url = base_url.rstrip("/")
        self.xsrf_cookie = xsrf_cookie
        self.open_timeout = open_timeout
        self.ws: ClientConnection | None = None
        self.session_id = ""  # from new_session.initialize.session_id
        self.page_script_hash = ""  # current page, as the server resolved it
        self.query_string = ""
        self.connect_s = 0.0

    async def connect(self) -> float:
        """Open the websocket (no script runs yet); returns the handshake time in seconds."""
        t0 = time.perf_counter()
        headers = {}
        if self.xsrf_cookie:
            headers["Cookie"] = f"{XSRF_COOKIE}={self.xsrf_cookie}"
        origin = urllib.parse.urlsplit(self.base_url)
        self.ws = await connect(
            _ws_url(self.base_url),
            # Streamlit abuses the subprotocol header as a token carrier; it selects entry 0.
            subprotocols=["streamlit", self.xsrf_cookie or NO_TOKEN],  # type: ignore[list-item]
            additional_headers=headers,
            origin=f"{origin.scheme}://{origin.netloc}",  # type: ignore[arg-type]  # same-origin, like a browser
            open_timeout=self.open_timeout,
            proxy=None,  # loopback only; never an environment proxy
            max_size=None,  # big pages (plotly, tables) exceed the 1 MiB default
            # Browsers answer pings but never send them; a client ping would time out (and close
            # the session) exactly when a loaded server is slow, hiding the latency we measure.
            ping_interval=None,
        )
        self.connect_s = time.perf_counter() - t0
        return self.connect_s

    async def rerun(
        self,
        *,
        page_name: str | None = None,
        page_script_hash: str | None = None,
        query_string: str | None = None,
        widget_states: WidgetStates | None = None,
        timeout: float = 60.0,
    ) -> RunResult:
        """Send rerun_script and wait for script_finished.

        Page selection, as the frontend does it: the first run of a deep link sends
        page_name = URL path after the base ("keuzehulp", "" for the default page) and an empty
        page_script_hash; later runs send the page_script_hash the server reported and an empty
        page_name. query_string is without "?". With neither given, the current page reruns.
        """
        if self.ws is None:
            await self.connect()
        assert self.ws is not None
        if query_string is not None:
            self.query_string = query_string.lstrip("?")
        cs = ClientState(query_string=self.query_string)
        if page_script_hash is not None:
            cs.page_script_hash = page_script_hash
        elif page_name is not None:
            cs.page_name = page_name.strip("/")
        else:
            cs.page_script_hash = self.page_script_hash
        if widget_states is not None:
            cs.widget_states.CopyFrom(widget_states)
        cs.context_info.timezone = "Europe/Amsterdam"
        cs.context_info.locale = "nl-NL"
        query = f"?{self.query_string}" if self.query_string else ""
        cs.context_info.url = f"{self.base_url}/{page_name or ''}{query}"
        back = BackMsg()
        back.rerun_script.CopyFrom(cs)

        await self._drain()
        t0 = time.perf_counter()
        await self.ws.send(back.SerializeToString())
        result = RunResult(0.0, "TIMEOUT", 0)
        run_id = ""  # script_run_id of the run our request started (new_session.metadata.run)
        try:
            async with asyncio.timeout(timeout):
                while True:
                    fwd = ForwardMsg()
                    fwd.ParseFromString(await self.ws.recv(decode=False))
                    result.messages += 1
                    kind = fwd.WhichOneof("type")
                    if kind == "new_session":
                        self.session_id = fwd.new_session.initialize.session_id or self.session_id
                        self.page_script_hash = fwd.new_session.page_script_hash
                        run_id = fwd.metadata.run.script_run_id
                    elif kind == "navigation":
                        self.page_script_hash = fwd.navigation.page_script_hash
                    elif kind == "page_not_found":
                        result.page_not_found = True
                    elif kind == "delta" and fwd.delta.WhichOneof("type") == "new_element":
                        element = fwd.delta.new_element
                        what = element.WhichOneof("type")
                        if what == "exception":
                            result.exceptions.append(f"{element.exception.type}: {element.exception.message}")
                        elif what == "alert" and element.alert.format == Alert.ERROR:
                            result.error_alerts.append(element.alert.body)
                        elif what is not None:
                            widget_id = getattr(getattr(element, what), "id", None)  # widgets only
                            if isinstance(widget_id, str) and widget_id:
                                result.widget_ids.append(widget_id)
                    elif kind == "script_finished":
                        # new_session and script_finished carry the run id; a finish of another run
                        # (one still going when we asked, or an st.rerun() chain) is not ours.
                        if run_id and fwd.metadata.run.script_run_id not in ("", run_id):
                            continue
                        result.status = ForwardMsg.ScriptFinishedStatus.Name(fwd.script_finished)
                        # A superseded run (FINISHED_EARLY_FOR_RERUN) is followed by the new run's
                        # own script_finished; keep reading for that one.
                        if fwd.script_finished in _OK or fwd.script_finished == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                            break
        except TimeoutError:
            pass
        result.latency_s = time.perf_counter() - t0
        result.page_script_hash = self.page_script_hash
        return result

    async def _drain(self, wait: float = 0.002) -> int:
        """Drop messages left from the previous run (e.g. session_status_changed after it finished)."""
        assert self.ws is not None
        n = 0
        try:
            while True:
                async with asyncio.timeout(wait):
                    await self.ws.recv()
                n += 1
        except TimeoutError:
            return n

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()
            self.ws = None

    async def __aenter__(self) -> StreamlitSession:
        await self.connect()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()


async def open_and_run(
    base_url: str,
    page_name: str = "",
    query_string: str = "",
    *,
    xsrf_cookie: str | None = None,
    timeout: float = 60.0,
) -> tuple[StreamlitSession, RunResult]:
    """Connect and run the first page like a new browser tab; latency includes the handshake.

    The session stays open (the caller closes it), so concurrent tabs really are concurrent.
    """
    s = StreamlitSession(base_url, xsrf_cookie=xsrf_cookie, open_timeout=timeout)
    t0 = time.perf_counter()
    try:
        await asyncio.wait_for(s.connect(), timeout)
        r = await s.rerun(page_name=page_name, query_string=query_string, timeout=timeout - (time.perf_counter() - t0))
    except (OSError, TimeoutError) as e:
        r = RunResult(0.0, f"CONNECT_ERROR {type(e).__name__}", 0)
    except Exception as e:  # websockets' handshake/closed errors: count, don't crash the benchmark
        r = RunResult(0.0, f"ERROR {type(e).__name__}: {e}"[:200], 0)
    r.latency_s = time.perf_counter() - t0
    return s, r
