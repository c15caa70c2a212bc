"""The QR code on the closing screen: made locally, self-contained, and it reads as the configured address."""

from __future__ import annotations

import re

import pytest
import segno

from views.qr import OMGEVINGSVARIABELE, RAND, WAARSCHUWING, Bereik, qr_adres, qr_svg

ADRESSEN = [
    "http://192.168.1.20:8501/licht/",
    "https://toegangswijzer.example.nl/",
    "https://example.nl/pad?scherm=9&x=ü",
]


def _modules(svg: str) -> list[list[bool]]:
    """Read the module matrix back out of segno's SVG path (rows of horizontal dark runs)."""
    viewbox = re.search(r'viewBox="0 0 (\d+) (\d+)"', svg)
    assert viewbox, svg[:200]
    grootte = int(viewbox.group(1)) - 2 * RAND
    (pad,) = re.findall(r'<path[^>]*class="qrline"[^>]*d="([^"]+)"', svg)
    raster = [[False] * grootte for _ in range(grootte)]
    x = y = 0.0
    for opdracht, getallen in re.findall(r"([MmHh])([-\d.\s]+)", pad):
        waarden = [float(g) for g in getallen.split()]
        if opdracht == "M":
            x, y = waarden
        elif opdracht == "m":
            x, y = x + waarden[0], y + waarden[1]
        else:
            lengte = waarden[0]
            for i in range(int(lengte)):
                raster[int(y - 0.5) - RAND][int(x) + i - RAND] = True
            x += lengte
    return raster


@pytest.mark.parametrize("url", ADRESSEN)
def test_svg_encodes_the_reference_matrix(url: str) -> None:
    """Compare with an independent encoding of the same address by segno itself."""
    referentie = [[bool(m) for m in rij] for rij in segno.make(url, error="m", micro=False).matrix]
    assert _modules(qr_svg(url)) == referentie


def test_matrix_decodes_to_the_configured_address(monkeypatch: pytest.MonkeyPatch) -> None:
    """A real decoder reads the rendered modules back (zxing-cpp and pillow are dev requirements)."""
    import zxingcpp
    from PIL import Image as image

    url = "https://toegangswijzer.example.nl/licht/"
    monkeypatch.setenv(OMGEVINGSVARIABELE, "https://toegangswijzer.example.nl")
    adres = qr_adres("http://127.0.0.1:8501/presentatie")
    assert adres is not None
    raster = _modules(qr_svg(adres.url))
    schaal, rand = 8, RAND
    grootte = (len(raster) + 2 * rand) * schaal
    beeld = image.new("L", (grootte, grootte), 255)
    for r, rij in enumerate(raster):
        for k, donker in enumerate(rij):
            if donker:
                beeld.paste(
                    0, ((k + rand) * schaal, (r + rand) * schaal, (k + rand + 1) * schaal, (r + rand + 1) * schaal)
                )
    gelezen = zxingcpp.read_barcodes(beeld)
    assert [g.text for g in gelezen] == [url]


def test_svg_has_no_external_references() -> None:
    svg = qr_svg(ADRESSEN[0])
    assert svg.startswith("<svg")
    for verboden in ("href", "src=", "url(", "<image", "<script", "<use", "<foreignObject", "@import", "<!DOCTYPE"):
        assert verboden.lower() not in svg.lower(), verboden
    # The only address in it is the SVG namespace, which is a name, not something fetched.
    assert re.findall(r"https?://[^\s\"'<>]+", svg) == ["http://www.w3.org/2000/svg"]


# browser url, Host header, TOEGANGSWIJZER_URL -> QR address, who can open it (None: no address known)
ADRES_TABEL = [
    (
        "https://toegangswijzer.example.nl/presentatie",
        None,
        None,
        "https://toegangswijzer.example.nl/licht/",
        Bereik.openbaar,
    ),
    ("http://127.0.0.1:8501/presentatie", None, None, "http://127.0.0.1:8501/licht/", Bereik.alleen_deze_computer),
    ("http://localhost:8501/", None, None, "http://localhost:8501/licht/", Bereik.alleen_deze_computer),
    ("http://[::1]:8501/presentatie", None, None, "http://[::1]:8501/licht/", Bereik.alleen_deze_computer),
    ("http://10.1.2.3:8501/presentatie", None, None, "http://10.1.2.3:8501/licht/", Bereik.alleen_intern_netwerk),
    ("http://172.16.0.9/presentatie", None, None, "http://172.16.0.9/licht/", Bereik.alleen_intern_netwerk),
    ("http://172.31.255.1/presentatie", None, None, "http://172.31.255.1/licht/", Bereik.alleen_intern_netwerk),
    ("http://172.32.0.1/presentatie", None, None, "http://172.32.0.1/licht/", Bereik.openbaar),
    (
        "http://192.168.1.20:8501/presentatie",
        None,
        None,
        "http://192.168.1.20:8501/licht/",
        Bereik.alleen_intern_netwerk,
    ),
    ("http://laptop-jan:8501/presentatie", None, None, "http://laptop-jan:8501/licht/", Bereik.alleen_intern_netwerk),
    ("http://app.localhost/presentatie", None, None, "http://app.localhost/licht/", Bereik.alleen_deze_computer),
    (
        "HTTPS://Toegangswijzer.Example.NL/x?y=1",
        None,
        None,
        "https://toegangswijzer.example.nl/licht/",
        Bereik.openbaar,
    ),
    # No browser address (first request, AppTest): the Host header, as http.
    (None, "toegangswijzer.example.nl", None, "http://toegangswijzer.example.nl/licht/", Bereik.openbaar),
    (None, "127.0.0.1:8501", None, "http://127.0.0.1:8501/licht/", Bereik.alleen_deze_computer),
    # Configuration overrides the request; a bare host gets the light start page, a path is kept.
    (
        "http://127.0.0.1:8501/",
        None,
        "https://toegangswijzer.example.nl",
        "https://toegangswijzer.example.nl/licht/",
        Bereik.openbaar,
    ),
    (
        "http://127.0.0.1:8501/",
        None,
        " https://toegangswijzer.example.nl/ ",
        "https://toegangswijzer.example.nl/licht/",
        Bereik.openbaar,
    ),
    (None, None, "https://example.nl/toegang/licht/", "https://example.nl/toegang/licht/", Bereik.openbaar),
    # Configuration that is not an http(s) address is ignored: the request decides.
    ("https://a.example.nl/", None, "javascript:alert(1)", "https://a.example.nl/licht/", Bereik.openbaar),
    ("https://a.example.nl/", None, "toegangswijzer.example.nl", "https://a.example.nl/licht/", Bereik.openbaar),
    ("https://a.example.nl/", None, "https://a b.nl", "https://a.example.nl/licht/", Bereik.openbaar),
    ("https://a.example.nl/", None, "ftp://x.nl", "https://a.example.nl/licht/", Bereik.openbaar),
    # Nothing usable at all.
    (None, None, None, None, None),
    ("javascript:alert(1)", "<script>", "", None, None),
    ('http://evil.nl"><svg/', "a b", None, None, None),
]


@pytest.mark.parametrize(("browser", "host", "ingesteld", "url", "bereik"), ADRES_TABEL)
def test_address_from_request_or_configuration(
    browser: str | None, host: str | None, ingesteld: str | None, url: str | None, bereik: Bereik | None
) -> None:
    omgeving = {} if ingesteld is None else {OMGEVINGSVARIABELE: ingesteld}
    adres = qr_adres(browser, host, omgeving)
    if url is None:
        assert adres is None
        return
    assert adres is not None
    assert (adres.url, adres.bereik) == (url, bereik)


def test_only_unreachable_addresses_carry_a_warning() -> None:
    assert set(WAARSCHUWING) == {b for b in Bereik if b is not Bereik.openbaar}


def test_configuration_is_read_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(OMGEVINGSVARIABELE, "https://toegangswijzer.example.nl/")
    adres = qr_adres("http://127.0.0.1:8501/presentatie")
    assert adres is not None and adres.url == "https://toegangswijzer.example.nl/licht/"
    monkeypatch.delenv(OMGEVINGSVARIABELE)
    adres = qr_adres("http://127.0.0.1:8501/presentatie")
    assert adres is not None and adres.url == "http://127.0.0.1:8501/licht/"
