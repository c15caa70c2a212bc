"""Fuzz the keuzehulp's query string: never an exception, always a question or an answer, never an echo.

Many examples go through the pure functions (`views.wizard`); a smaller sample runs the real page in AppTest.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from policy import Beleid, Toegang, load_policy
from tests.conftest import APP_SCRIPT
from views import wizard
from views.paginas import pagina
from views.teksten import TOEGANG_LABEL, TOEGANG_SYMBOOL

SLEUTELS = [*wizard.URL_SLEUTEL.values(), wizard.WIJZIG]


def _geldige_waarden() -> list[str]:
    try:
        beleid = load_policy()
    except Exception:
        return ["isk", "ja", "nee", "entree", "2", "formatief"]
    return sorted({o.waarde for v in beleid.vragen for o in v.opties})


GELDIG = _geldige_waarden()
VIJANDIG = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[klik](javascript:alert(1))",
    "**vet** _schuin_ `code`",
    "\x00\x1f\u202e",
    "\ufffd\ufffe",
    "ISK ",
    " Ja",
    "a" * 10_240,
]
waarde = st.one_of(
    st.sampled_from(GELDIG),
    st.sampled_from(VIJANDIG),
    st.text(max_size=60),
    st.text(alphabet=string.printable, min_size=41, max_size=200),
)
sleutel = st.one_of(st.sampled_from(SLEUTELS), st.text(max_size=20))
querystrings = st.dictionaries(sleutel, waarde, max_size=8)


def _controleer_logica(beleid: Beleid, params: dict[str, str]) -> None:
    stand = wizard.stand(beleid, params)
    # Only known answers with valid values survive.
    for vraag_id, w in stand.antwoorden.items():
        assert w in {o.waarde for o in beleid.vraag(vraag_id).opties}
    # What was ignored is named by question or counted, never by the value typed (a typed 'Soor' may well
    # be part of the name 'Soort toets': check the form of the message, not the absence of substrings).
    namen = {v.kort for v in beleid.vragen}
    for tekst in stand.genegeerd:
        assert tekst in namen or re.fullmatch(r"\d+ onbekende? onderde(el|len)", tekst), tekst
    # Either a question is shown or there is an answer: never neither, never both.
    assert (stand.vraag is None) == (stand.beslissing is not None)
    assert stand.minimum <= stand.maximum and 1 <= stand.nummer <= stand.maximum


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(params=querystrings)
def test_querystring_logica(beleid: Beleid, params: dict[str, str]) -> None:
    _controleer_logica(beleid, params)


@pytest.fixture(scope="module")
def app() -> Iterator[AppTest]:
    """One AppTest reused for every example: a fresh one per example costs a full import."""
    at = AppTest.from_file(str(APP_SCRIPT), default_timeout=30)
    yield at


def _zinnige_pagina(at: AppTest) -> None:
    assert not at.exception, [e.message for e in at.exception]
    vragen = len(at.radio)
    antwoorden = [
        h.value for h in at.header if h.value in {f"{TOEGANG_SYMBOOL[t]} {TOEGANG_LABEL[t]}" for t in Toegang}
    ]
    assert vragen + len(antwoorden) >= 1, "geen vraag en geen antwoord op de pagina"
    for md in at.markdown:
        assert "<script" not in md.value.lower()


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(params=querystrings)
def test_querystring_in_apptest(app: AppTest, params: dict[str, str]) -> None:
    app.query_params.clear()
    for k, v in params.items():
        app.query_params[k] = v
    app.switch_page(str(pagina("keuzehulp")))
    app.run()
    _zinnige_pagina(app)
    if any(k not in SLEUTELS for k in params):
        assert any("Een deel van de link konden we niet gebruiken" in i.value for i in app.info)
