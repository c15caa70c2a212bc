"""Headers, compression and robots.txt on every response, with Streamlit stood in for by a small app."""

from __future__ import annotations

import gzip
import html
import re
from pathlib import Path

import anyio
import pytest
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, PlainTextResponse, Response
from starlette.routing import Route
from starlette.testclient import TestClient
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from streamlit.web.server.starlette.starlette_gzip_middleware import SelectiveGZipMiddleware

import web
from policy import Beleid
from web.compression import Compressie
from web.headers import OMGEVING, BeveiligingsHeaders, frame_ancestors

BUNDEL = ("const streamlit = 1;\n" * 5000).encode()


class NepStreamlit:
    """Streamlit's shape: an HTML page with lang="en", immutable hashed assets, a no-cache file, a 404."""

    def __init__(self, bundel: Path) -> None:
        self.bundel_gevraagd = 0
        self.bundelbestand = bundel

    async def bundel(self, _: Request) -> Response:
        self.bundel_gevraagd += 1
        await anyio.sleep(0.01)  # a burst overlaps the first request
        cache = {"Cache-Control": "public, immutable, max-age=31536000"}
        # A file response, as Streamlit's: ETag, byte ranges and If-Range included.
        return FileResponse(self.bundelbestand, media_type="text/javascript", headers=cache)

    def routes(self) -> list[Route]:
        pagina = (
            '<!doctype html><html lang="en"><head><title>Streamlit</title></head><body>' + "x" * 3000 + "</body></html>"
        )
        return [
            Route("/static/js/index.abc.js", self.bundel),
            Route(
                "/static/manifest.json", lambda _: PlainTextResponse("{}" * 600, headers={"Cache-Control": "no-cache"})
            ),
            Route("/static/weg.js", lambda _: PlainTextResponse("weg" * 300, status_code=404)),
            Route("/", lambda _: HTMLResponse(pagina)),
            Route("/keuzehulp", lambda _: HTMLResponse(pagina)),
        ]


@pytest.fixture
def nep(tmp_path: Path) -> NepStreamlit:
    bundel = tmp_path / "index.abc.js"
    bundel.write_bytes(BUNDEL)
    return NepStreamlit(bundel)


@pytest.fixture
def app(nep: NepStreamlit) -> Starlette:
    # As in st.App: our middleware outside, Streamlit's own gzip layer inside it.
    streamlit_eigen = Middleware(SelectiveGZipMiddleware)
    # A light route that sets its own policy; first, as web.routes() ends in a catch-all for /licht/.
    eigen = Route("/licht/eigen", lambda _: PlainTextResponse("x", headers={"Content-Security-Policy": "sandbox"}))
    return Starlette(routes=[eigen, *web.routes(), *nep.routes()], middleware=[*web.middleware(), streamlit_eigen])


@pytest.fixture
def client(app: Starlette) -> TestClient:
    return TestClient(app)


PADEN = ["/keuzehulp", "/static/js/index.abc.js", "/static/weg.js", "/robots.txt", "/api/v1/overzicht", "/api/x"]


@pytest.mark.parametrize("pad", PADEN)
def test_elk_antwoord_heeft_de_headers(client: TestClient, pad: str) -> None:
    h = client.get(pad).headers
    assert h["x-content-type-options"] == "nosniff"
    assert h["referrer-policy"] == "no-referrer"
    csp = [d.strip() for d in h["content-security-policy"].split(";")]
    assert "frame-ancestors 'self'" in csp
    if pad.startswith(("/api/", "/licht/", "/robots.txt")):
        assert "default-src 'none'" in csp and not any(d.startswith("script-src") for d in csp), "geen script"


@pytest.mark.parametrize("pad", ["/licht/vragen", "/static/js/index.abc.js", "/api/v1/overzicht", "/", "/keuzehulp"])
@pytest.mark.parametrize("encoding", ["gzip", "identity"])
def test_elk_vary_token_eenmaal(client: TestClient, pad: str, encoding: str) -> None:
    """Every gzip layer adds `Vary: Accept-Encoding`; a cache must see each token once."""
    h = client.get(pad, headers={"Accept-Encoding": encoding}).headers
    tokens = [t.strip().lower() for waarde in h.get_list("vary") for t in waarde.split(",")]
    assert "accept-encoding" in tokens, "het antwoord hangt af van Accept-Encoding"
    assert len(tokens) == len(set(tokens)), h.get_list("vary")


def test_een_route_mag_een_eigen_beleid_zetten(client: TestClient) -> None:
    assert client.get("/licht/eigen").headers["content-security-policy"] == "sandbox"


def test_inlijsten_alleen_voor_ingestelde_hosts(nep: NepStreamlit, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(OMGEVING, "'self' https://www.voorbeeld.nl")
    client = TestClient(Starlette(routes=nep.routes(), middleware=web.middleware()))
    assert (
        "frame-ancestors 'self' https://www.voorbeeld.nl" in client.get("/keuzehulp").headers["content-security-policy"]
    )


@pytest.mark.parametrize(
    "waarde",
    [
        "",
        "https://a.nl; script-src *",
        "'self',https://a.nl",
        "'none' 'self'",
        "https://a.nl\r\nX: y",
        "'unsafe-inline'",
    ],
)
def test_onjuiste_hostlijst_stopt_de_start(waarde: str) -> None:
    with pytest.raises(ValueError):
        frame_ancestors(waarde)
    with pytest.raises(ValueError):
        BeveiligingsHeaders(Starlette(), waarde)


def test_pagina_nederlands_met_titel_en_beschrijving(client: TestClient, beleid: Beleid) -> None:
    antwoord = client.get("/keuzehulp", headers={"Accept-Encoding": "gzip"})
    assert antwoord.headers["content-encoding"] == "gzip"
    assert '<html lang="nl">' in antwoord.text and "<title>Toegangswijzer examenproducten</title>" in antwoord.text
    beschrijving = re.search(r'<meta name="description" content="([^"]+)"', antwoord.text)
    assert beschrijving and html.unescape(beschrijving.group(1)) == beleid.besluit.samenvatting[0]
    ongecomprimeerd = client.get("/keuzehulp", headers={"Accept-Encoding": "identity"})
    assert int(ongecomprimeerd.headers["content-length"]) == len(ongecomprimeerd.content)


def test_andere_antwoorden_blijven_zoals_ze_zijn(client: TestClient) -> None:
    assert client.get("/static/weg.js").text == "weg" * 300


def test_bundel_eenmaal_gecomprimeerd_en_bewaard(client: TestClient, nep: NepStreamlit) -> None:
    antwoorden = [client.get("/static/js/index.abc.js", headers={"Accept-Encoding": "gzip"}) for _ in range(3)]
    assert all(a.headers["content-encoding"] == "gzip" and a.content == BUNDEL for a in antwoorden)
    assert int(antwoorden[0].headers["content-length"]) < len(BUNDEL) / 10
    assert nep.bundel_gevraagd == 1, "daarna uit het geheugen"
    ongecomprimeerd = client.get("/static/js/index.abc.js", headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in ongecomprimeerd.headers and ongecomprimeerd.content == BUNDEL


async def _asgi_get(app: ASGIApp, pad: str) -> bytes:
    """One GET straight through the ASGI interface (TestClient runs requests one at a time)."""
    scope = {
        "type": "http", "method": "GET", "path": pad, "raw_path": pad.encode(), "query_string": b"",
        "headers": [(b"accept-encoding", b"gzip"), (b"host", b"test")], "http_version": "1.1",
        "scheme": "http", "server": ("test", 80), "client": ("test", 1), "root_path": "",
    }  # fmt: skip
    delen: list[bytes] = []
    gelezen = False

    async def receive() -> Message:
        # The request once; then, like a server whose client stays, nothing until the response is done.
        nonlocal gelezen
        if gelezen:
            await anyio.sleep_forever()
        gelezen = True
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(bericht: Message) -> None:
        if bericht["type"] == "http.response.body":
            delen.append(bytes(bericht.get("body", b"")))

    await app(scope, receive, send)
    return b"".join(delen)


def test_een_drukte_comprimeert_een_keer(app: Starlette, nep: NepStreamlit) -> None:
    bodies: list[bytes] = []

    async def drukte() -> None:
        async def haal() -> None:
            bodies.append(await _asgi_get(app, "/static/js/index.abc.js"))

        async with anyio.create_task_group() as tg:
            for _ in range(20):
                tg.start_soon(haal)

    anyio.run(drukte)
    assert len(bodies) == 20 and all(gzip.decompress(b) == BUNDEL for b in bodies)
    assert nep.bundel_gevraagd == 1


@pytest.mark.parametrize("pad", ["/static/manifest.json", "/static/weg.js"])
def test_niet_onveranderlijk_wordt_niet_bewaard(client: TestClient, pad: str) -> None:
    eerste = client.get(pad, headers={"Accept-Encoding": "gzip"})
    assert eerste.headers.get("content-encoding") == "gzip"
    # What is not immutable is asked anew: the app's current answer, never a kept one.
    assert client.get(pad).status_code == eerste.status_code


@pytest.mark.parametrize("pad", ["/keuzehulp", "/static/js/index.abc.js", "/robots.txt"])
@pytest.mark.parametrize("encoding", ["gzip", "identity"])
def test_head_zoals_get(client: TestClient, pad: str, encoding: str) -> None:
    get = client.get(pad, headers={"Accept-Encoding": encoding})
    head = client.head(pad, headers={"Accept-Encoding": encoding})
    assert head.content == b""
    for naam in ("content-length", "content-encoding", "content-type"):
        assert head.headers.get(naam) == get.headers.get(naam), naam


def test_robots_txt(client: TestClient) -> None:
    antwoord = client.get("/robots.txt")
    assert antwoord.headers["content-type"].startswith("text/plain")
    regels = antwoord.text.splitlines()
    assert "User-agent: *" in regels and "Disallow: /api/" in regels and "Disallow: /_stcore/" in regels
    assert "Disallow: /" not in regels, "de pagina's zelf mogen gevonden worden"


@pytest.mark.parametrize("voorraad", [False, True], ids=["eerste", "bewaard"])
def test_een_hervatte_download_krijgt_het_hele_bestand(client: TestClient, voorraad: bool) -> None:
    """A browser that resumes an interrupted gzip download asks for the rest by range, with the ETag it has.
    It must get the whole response, never the rest of the uncompressed file to splice onto gzip bytes."""
    if voorraad:
        client.get("/static/js/index.abc.js", headers={"Accept-Encoding": "gzip"})
    eerst = client.get("/static/js/index.abc.js", headers={"Accept-Encoding": "gzip"})
    assert "accept-ranges" not in eerst.headers, "a gzip body must not offer byte ranges"
    vervolg = client.get(
        "/static/js/index.abc.js",
        headers={"Accept-Encoding": "gzip", "Range": "bytes=1000-", "If-Range": eerst.headers.get("etag", "")},
    )
    assert vervolg.status_code == 200 and "content-range" not in vervolg.headers
    assert vervolg.content == BUNDEL  # httpx undoes the gzip: the whole file, not a piece of it


def test_een_afgebroken_antwoord_wordt_niet_bewaard() -> None:
    """The first visitor leaves while the bundle is being sent: the file server stops mid-file. That piece must
    not become the copy every later visitor gets (it broke Plotly's chunk until the server restarted)."""
    keer = 0

    async def bestandsserver(scope: Scope, receive: Receive, send: Send) -> None:
        nonlocal keer
        keer += 1
        kop = [(b"content-type", b"text/javascript"), (b"cache-control", b"public, immutable, max-age=31536000")]
        await send({"type": "http.response.start", "status": 200, "headers": kop})
        await send({"type": "http.response.body", "body": BUNDEL[:5000], "more_body": True})
        if keer == 1:
            return  # the client left
        await send({"type": "http.response.body", "body": BUNDEL[5000:], "more_body": False})

    compressie = Compressie(bestandsserver)
    eerste = anyio.run(_asgi_get, compressie, "/static/js/index.abc.js")
    volgende = [anyio.run(_asgi_get, compressie, "/static/js/index.abc.js") for _ in range(2)]
    assert eerste == b"", "nothing of a broken response is sent as if it were whole"
    assert [gzip.decompress(b) for b in volgende] == [BUNDEL, BUNDEL]
    assert keer == 2, "the whole response is kept once it came"
