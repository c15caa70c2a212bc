"""Fuzz every light route through the whole stack: arbitrary query strings, headers and paths.

Never a 5xx; every HTML answer is Dutch (`lang="nl"`), has no script, and never carries markup from the
request back (generated tags all start with `<x-`, which no page of ours contains). The app is our routes
and middleware, as tests/test_api.py builds it: compression, headers and the error net included.
"""

from __future__ import annotations

import string
from urllib.parse import quote, urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from starlette.applications import Starlette
from starlette.testclient import TestClient

import web
from policy import load_policy
from views.licht.links import STIJL_NAAM
from web.licht import LICHT

PADEN = [f"{LICHT}/{p}" for p in ("", "keuzehulp", "overzicht", "vragen", "begrippen", "besluit", STIJL_NAAM)]
SLEUTELS = ["doelgroep", "ingeschreven", "niveau", "vorm", "wijzig", "alinea", "zoek", "rol"]
GELDIG = [*sorted({o.waarde for v in load_policy().vragen for o in v.opties}), "1", "12", "-1"]  # alinea numbers too

# Printable header text (a header cannot carry a line break).
kopregel = st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=40)
markup = st.builds(
    lambda naam, rest: f"<x-{naam}{rest}>", st.text(string.ascii_lowercase, min_size=1, max_size=6), kopregel
)
waarde = st.one_of(st.sampled_from(GELDIG), markup, st.text(max_size=30), kopregel)
query = st.lists(st.tuples(st.one_of(st.sampled_from(SLEUTELS), st.text(max_size=10), markup), waarde), max_size=8)
onbekend = st.lists(
    st.one_of(st.text(max_size=12), markup, st.sampled_from(["..", "keuzehulp", STIJL_NAAM])), min_size=1
)
pad = st.one_of(
    st.sampled_from(PADEN),
    onbekend.map(lambda delen: f"{LICHT}/" + "/".join(quote(d, safe="") for d in delen)),
    st.just(LICHT),
)
headers = st.fixed_dictionaries(
    {},
    optional={
        "Accept-Encoding": st.one_of(st.sampled_from(["gzip", "identity", "gzip;q=0", "br, gzip", "*"]), kopregel),
        "If-None-Match": st.one_of(st.sampled_from(["*", '"x"', 'W/"x"', ""]), kopregel, markup),
        "Range": st.one_of(st.sampled_from(["bytes=0-10", "bytes=-5", "bytes=100-"]), kopregel),
    },
)


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(Starlette(routes=web.routes(), middleware=web.middleware()), follow_redirects=False)


@settings(
    max_examples=250,
    deadline=None,
    derandomize=True,  # the same cases every run: a steady CI
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(pad=pad, params=query, kop=headers)
def test_elke_lichte_route_overleeft_alles(
    client: TestClient, pad: str, params: list[tuple[str, str]], kop: dict[str, str]
) -> None:
    url = f"{pad}?{urlencode(params)}" if params else pad
    antwoord = client.get(url, headers=kop)
    assert antwoord.status_code < 500, antwoord.text[:500]
    if antwoord.headers.get("content-type", "").startswith("text/html"):
        tekst = antwoord.text  # httpx undoes the gzip
        assert '<html lang="nl">' in tekst
        assert "<script" not in tekst.lower()
        assert "<x-" not in tekst.lower(), "markup uit het verzoek komt terug"
    if antwoord.status_code == 200:
        assert antwoord.content, "een leeg antwoord"
