"""Hostile links: the page renders, says what it ignored in one friendly line, never runs or echoes markup."""

from __future__ import annotations

from typing import Any

import pytest

from bench.server import Server
from tests.e2e.hulp import ANTWOORD, VRIENDELIJK, hoofdtekst, open_pagina, xss_sporen

# Raw query strings (already percent-encoded where a browser would encode them). Each link carries several
# payloads at once: a page load is the costly part, and each payload must be harmless whatever stands beside it.
# How each kind of bad value is read and named is specified per value without a browser
# (tests/test_keuzehulp_pagina.py, tests/test_fuzz_querystring.py); here: what only a browser and the real
# server show (nothing runs, nothing becomes an element, the page still works).
GEVALLEN = {
    # markup in every value, in a key, in the change link, and a javascript: link in Markdown
    "opmaak": "doelgroep=%3Cscript%3Ewindow.__xss.push('script')%3C%2Fscript%3E"
    "&niveau=%3Cimg%20src%3Dx%20onerror%3D%22window.__xss.push('img')%22%3E"
    "&%3Csvg%20onload%3Dalert('svg')%3E=1"
    "&vorm=%5Bklik%5D(javascript%3Aalert(1))"
    "&ingeschreven=%3Cb%3Ex%3C%2Fb%3E"
    "&wijzig=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    # unknown values and keys, repeated keys (the last one markup), bytes that are not UTF-8
    "onleesbaar": "doelgroep=marsbewoners&doelgroep=isk&doelgroep=%3Cb%3Ex%3C%2Fb%3E&niveau=9&niveau=2"
    "&vorm=%80&ingeschreven=%ff%fe&kleur=rood&x=1&rol=%c3%28",
    # a 10 kB link of scripts, as far as the server takes a request line
    "tienkB-script": "vorm=" + "%3Cscript%3Ealert(1)%3C%2Fscript%3E" * 300,
}
# Text that must never become an element: each marker is an attribute or tag only a payload would bring.
MARKUP_SELECTORS = ["script:not([src])", "img[onerror]", "svg[onload]", "b", "a[href^='javascript']"]


@pytest.mark.parametrize("naam", list(GEVALLEN))
def test_vijandige_querystring(pagina: Any, server: Server, naam: str) -> None:
    open_pagina(pagina, f"{server.url}/keuzehulp?{GEVALLEN[naam]}")
    # An injected handler fires once its element is done: every image has loaded or failed, the network is quiet.
    pagina.wait_for_function("() => [...document.images].every(i => i.complete)")
    pagina.wait_for_load_state("networkidle")
    assert pagina.locator('[data-testid="stException"]').count() == 0
    tekst = hoofdtekst(pagina)
    assert VRIENDELIJK in tekst, f"geen vriendelijke melding bij {naam}"
    # A question or an answer: the page is still usable.
    assert pagina.locator('[data-testid="stRadio"]').count() + pagina.locator(ANTWOORD).count() >= 1
    assert not xss_sporen(pagina), f"payload uitgevoerd bij {naam}: {xss_sporen(pagina)}"
    main = pagina.locator('[data-testid="stMain"]')
    for selector in MARKUP_SELECTORS:
        assert main.locator(selector).count() == 0, f"{selector} in de pagina bij {naam}"
    # Not echoed as text either: the friendly line names the question, never the value.
    for stukje in ("<script", "onerror", "onload", "javascript:", "a" * 50, "marsbewoners", "\ufffd"):
        assert stukje not in tekst, f"{stukje!r} teruggegeven bij {naam}"
    assert pagina.evaluate("document.documentElement.lang") == "nl"


def test_payload_in_het_pad_of_een_andere_pagina(pagina: Any, server: Server) -> None:
    """A payload on a page that reads no query string: nothing runs, the page still renders."""
    open_pagina(pagina, f"{server.url}/matrix?doelgroep=%3Cscript%3Ealert(1)%3C%2Fscript%3E")
    assert pagina.locator('[data-testid="stException"]').count() == 0
    assert not xss_sporen(pagina)
