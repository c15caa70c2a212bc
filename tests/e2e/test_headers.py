"""The real server (`streamlit run app.py`): security headers, compression and HEAD on every kind of response."""

from __future__ import annotations

import re
import urllib.error
import urllib.request

import pytest

from bench.server import Server

ANTWOORD = "/keuzehulp?doelgroep=isk&ingeschreven=nee&niveau=entree&vorm=formatief"
API = "/api/v1/beslissing?doelgroep=isk&ingeschreven=nee&niveau=entree&vorm=formatief"


def haal(url: str, methode: str = "GET", encoding: str = "gzip") -> tuple[int, dict[str, str], bytes]:
    verzoek = urllib.request.Request(url, method=methode, headers={"Accept-Encoding": encoding})
    try:
        with urllib.request.urlopen(verzoek, timeout=20) as a:
            return a.status, {k.lower(): v for k, v in a.headers.items()}, a.read()
    except urllib.error.HTTPError as fout:
        return fout.code, {k.lower(): v for k, v in fout.headers.items()}, fout.read()


@pytest.fixture(scope="module")
def paden(server: Server) -> list[str]:
    """Pages, Streamlit's own JS bundle (from the page), its health route, robots.txt and the API."""
    _, _, pagina = haal(f"{server.url}/", encoding="identity")
    bundel = re.search(rb'src="\.?(/static/js/[^"]+\.js)"', pagina)
    assert bundel, "geen script in de pagina gevonden"
    return ["/", ANTWOORD, bundel.group(1).decode(), "/_stcore/health", "/robots.txt", API, "/api/v1/overzicht"]


def test_headers_op_elk_antwoord(server: Server, paden: list[str]) -> None:
    for pad in paden:
        status, h, _ = haal(f"{server.url}{pad}")
        assert status == 200, pad
        assert h.get("x-content-type-options") == "nosniff", pad
        assert h.get("referrer-policy") == "no-referrer", pad
        csp = [d.strip() for d in h.get("content-security-policy", "").split(";")]
        assert "frame-ancestors 'self'" in csp, pad
        if pad.startswith(("/api/", "/robots.txt")):
            assert "default-src 'none'" in csp and not any(d.startswith("script-src") for d in csp), pad


def test_javascript_en_pagina_gecomprimeerd(server: Server, paden: list[str]) -> None:
    for pad in ["/", ANTWOORD, paden[2], API]:
        _, h, body = haal(f"{server.url}{pad}")
        assert h.get("content-encoding") == "gzip", pad
        assert int(h["content-length"]) == len(body), pad


def test_een_hervatte_download_krijgt_het_hele_bestand(server: Server, paden: list[str]) -> None:
    """Streamlit's file server offers byte ranges; a range of the file spliced onto a gzip body broke Plotly's
    chunk in the browser's cache. Through the real server: no ranges offered, a range request gets it all."""
    _, h, body = haal(f"{server.url}{paden[2]}")
    assert "accept-ranges" not in h
    verzoek = urllib.request.Request(
        f"{server.url}{paden[2]}",
        headers={"Accept-Encoding": "gzip", "Range": "bytes=1000-", "If-Range": h.get("etag", "")},
    )
    with urllib.request.urlopen(verzoek, timeout=20) as a:
        assert a.status == 200 and a.read() == body


@pytest.mark.parametrize("encoding", ["gzip", "identity"])
def test_head_heeft_de_lengte_van_get(server: Server, paden: list[str], encoding: str) -> None:
    for pad in paden:
        _, get, body = haal(f"{server.url}{pad}", encoding=encoding)
        status, head, leeg = haal(f"{server.url}{pad}", "HEAD", encoding)
        assert status == 200 and leeg == b"", pad
        assert head.get("content-length") == get.get("content-length") == str(len(body)), pad
        assert head.get("content-encoding") == get.get("content-encoding"), pad


@pytest.mark.parametrize("encoding", ["gzip", "identity"])
def test_elk_vary_token_eenmaal(server: Server, paden: list[str], encoding: str) -> None:
    """Our gzip, Streamlit's gzip and the light routes each add `Vary: Accept-Encoding`; it leaves once."""
    for pad in [*paden, "/matrix", "/licht/vragen", "/licht/licht.css"]:
        verzoek = urllib.request.Request(f"{server.url}{pad}", headers={"Accept-Encoding": encoding})
        with urllib.request.urlopen(verzoek, timeout=20) as a:
            tokens = [t.strip().lower() for waarde in a.headers.get_all("vary", []) for t in waarde.split(",")]
        assert len(tokens) == len(set(tokens)), (pad, tokens)


def test_robots_txt_is_echt(server: Server) -> None:
    status, h, body = haal(f"{server.url}/robots.txt", encoding="identity")
    assert status == 200 and h["content-type"].startswith("text/plain")
    assert b"User-agent: *" in body and b"<html" not in body


def test_pagina_is_nederlands_met_beschrijving(server: Server) -> None:
    """What a search engine or link preview reads before any script runs."""
    for pad in ["/", ANTWOORD]:
        _, _, body = haal(f"{server.url}{pad}", encoding="identity")
        assert b'<html lang="nl">' in body, pad
        assert b"<title>Toegangswijzer examenproducten</title>" in body, pad
        assert re.search(rb'<meta name="description" content="[^"]{40,}"', body), pad
