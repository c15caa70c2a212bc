"""An unexpected exception anywhere in the server answers in Dutch with a foutcode that is in the log.

The app is composed as st.App composes it: Starlette's ServerErrorMiddleware outside, our middleware
(web.middleware()) inside that, then the routes. Failing routes are injected before ours; the real API and
light routes are made to fail by breaking what they call.
"""

from __future__ import annotations

import logging
import re
from collections.abc import AsyncIterator, Iterator

import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import BaseRoute, Route, WebSocketRoute
from starlette.testclient import TestClient
from starlette.websockets import WebSocket

import web
import web.api
import web.compression
import web.fouten
import web.licht
from web.api_modellen import Serverfout

GEHEIM = "<b>intern detail 4711</b>"


async def _kapot(_: Request) -> Response:
    raise RuntimeError(GEHEIM)


async def _stroom(request: Request) -> Response:
    breken = "breek" in request.query_params

    async def delen() -> AsyncIterator[bytes]:
        yield b"eerste deel;"
        if breken:
            raise RuntimeError(GEHEIM)
        yield b"tweede deel"

    return StreamingResponse(delen(), media_type="text/plain")


async def _echo(websocket: WebSocket) -> None:
    await websocket.accept()
    await websocket.send_text(await websocket.receive_text())
    await websocket.close()


INGESPOTEN: list[BaseRoute] = [
    Route("/api/v1/kapot", _kapot),
    Route("/licht/kapot", _kapot),
    Route("/static/kapot.js", _kapot),  # Streamlit's file server, say
    Route("/stroom", _stroom),
    WebSocketRoute("/_stcore/stream", _echo),
]


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    app = Starlette(routes=[*INGESPOTEN, *web.routes()], middleware=web.middleware())
    with TestClient(app) as c:
        yield c


@pytest.fixture
def log(caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch) -> pytest.LogCaptureFixture:
    monkeypatch.setattr(logging.getLogger("toegangswijzer"), "propagate", True)  # Streamlit's loggers do not
    caplog.set_level(logging.ERROR, logger="toegangswijzer")
    return caplog


def _in_het_log(log: pytest.LogCaptureFixture, code: str) -> None:
    regels = [r for r in log.records if code in r.getMessage()]
    assert regels, f"foutcode {code} niet in het log"
    assert any(r.exc_info and GEHEIM in str(r.exc_info[1]) for r in regels), "het log heeft de traceback"


def _geen_engels(tekst: str) -> None:
    assert "Internal Server Error" not in tekst
    assert "intern detail" not in tekst, "geen interne details voor bezoekers"


@pytest.mark.parametrize("pad", ["/api/v1/kapot", "/api/v1/beslissing?doelgroep=isk"])
def test_api_fout_is_nederlandse_json_met_code(
    client: TestClient, log: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch, pad: str
) -> None:
    def kapot() -> None:
        raise RuntimeError(GEHEIM)

    monkeypatch.setattr(web.api, "laad_versies", kapot)  # the real route fails too
    antwoord = client.get(pad)
    assert antwoord.status_code == 500
    assert antwoord.headers["content-type"] == "application/json"
    assert antwoord.headers["cache-control"] == "no-store"
    _geen_engels(antwoord.text)
    fout = Serverfout.model_validate(antwoord.json())
    assert fout.foutcode in fout.fout and fout.fout.startswith("De API kon")
    _in_het_log(log, fout.foutcode)


@pytest.mark.parametrize("pad", ["/licht/kapot", "/static/kapot.js", "/licht/keuzehulp?doelgroep=isk"])
def test_pagina_fout_is_nederlandse_html_met_code(
    client: TestClient, log: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch, pad: str
) -> None:
    def kapot() -> None:
        raise RuntimeError(GEHEIM)

    monkeypatch.setattr(web.licht, "laad_versies", kapot)  # what a light page loads per request
    antwoord = client.get(pad)
    assert antwoord.status_code == 500
    assert antwoord.headers["content-type"] == "text/html; charset=utf-8"
    tekst = antwoord.text
    _geen_engels(tekst)
    assert '<html lang="nl">' in tekst and "<script" not in tekst.lower()
    assert "Er ging iets mis" in tekst and 'href="/licht/licht.css"' in tekst, "in het kader van de lichte pagina's"
    assert "default-src 'none'" in antwoord.headers["content-security-policy"] or not pad.startswith("/licht/")
    codes = re.findall(r"foutcode: ([0-9A-F]{8})", tekst)
    assert len(codes) == 1
    _in_het_log(log, codes[0])


def test_zonder_beleid_nog_steeds_een_nederlandse_pagina(
    client: TestClient, log: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    def kapot() -> None:
        raise RuntimeError(GEHEIM)

    monkeypatch.setattr(web.fouten, "load_policy", kapot)  # the frame cannot be drawn either
    antwoord = client.get("/licht/kapot")
    assert antwoord.status_code == 500 and '<html lang="nl">' in antwoord.text
    _geen_engels(antwoord.text)
    _in_het_log(log, re.findall(r"foutcode: ([0-9A-F]{8})", antwoord.text)[0])


def test_een_fout_in_een_middleware_ook(
    client: TestClient, log: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Our compression sits inside the error net: its exceptions are answered too."""

    def kapot(*_: object) -> None:
        raise RuntimeError(GEHEIM)

    monkeypatch.setattr(web.compression, "_zonder_range", kapot)
    antwoord = client.get("/api/v1/overzicht")
    assert antwoord.status_code == 500
    _in_het_log(log, Serverfout.model_validate(antwoord.json()).foutcode)


def test_stromen_en_websockets_gaan_ongemoeid_door(client: TestClient) -> None:
    assert client.get("/stroom").text == "eerste deel;tweede deel"
    with client.websocket_connect("/_stcore/stream") as ws:
        ws.send_text("hallo")
        assert ws.receive_text() == "hallo"


def test_fout_na_het_begin_wordt_gelogd_en_niet_ingeslikt(client: TestClient, log: pytest.LogCaptureFixture) -> None:
    """Once the status is sent an error page would lie: the error goes on (the server breaks off), with a code."""
    with pytest.raises(RuntimeError, match="intern detail"):
        client.get("/stroom?breek=1")
    codes = [m for r in log.records if (m := re.match(r"foutcode ([0-9A-F]{8})", r.getMessage()))]
    assert len(codes) == 1
    _in_het_log(log, codes[0].group(1))


@pytest.mark.parametrize("pad", ["/licht/bestaat-niet", "/licht/keuzehulp/x", "/licht/licht.css/x", f"/licht/{GEHEIM}"])
def test_onbekend_licht_adres_is_nederlandse_404(client: TestClient, pad: str) -> None:
    antwoord = client.get(pad)
    assert antwoord.status_code == 404
    assert antwoord.headers["content-type"] == "text/html; charset=utf-8"
    assert '<html lang="nl">' in antwoord.text and "<script" not in antwoord.text.lower()
    assert "Deze pagina bestaat niet" in antwoord.text and "Not Found" not in antwoord.text
    assert "<b>" not in antwoord.text and "4711" not in antwoord.text, "het adres komt niet terug"
    assert 'href="/licht/"' in antwoord.text, "een link die vanaf elk pad werkt"
