"""The QR code on the closing screen: made locally, self-contained, and it reads as the configured address."""

from __future__ import annotations

import re

import pytest
import segno

from views.qr import OMGEVINGSVARIABELE, RAND, STANDAARD_URL, publiek_adres, qr_svg

ADRESSEN = [STANDAARD_URL, "https://toegangswijzer.example.nl/", "https://example.nl/pad?scherm=9&x=ü"]


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

    url = "https://toegangswijzer.example.nl/"
    monkeypatch.setenv(OMGEVINGSVARIABELE, url)
    raster = _modules(qr_svg(publiek_adres()))
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
    svg = qr_svg(STANDAARD_URL)
    assert svg.startswith("<svg")
    for verboden in ("href", "src=", "url(", "<image", "<script", "<use", "<foreignObject", "@import", "<!DOCTYPE"):
        assert verboden.lower() not in svg.lower(), verboden
    # The only address in it is the SVG namespace, which is a name, not something fetched.
    assert re.findall(r"https?://[^\s\"'<>]+", svg) == ["http://www.w3.org/2000/svg"]


def test_address_comes_from_configuration() -> None:
    assert publiek_adres({}) == STANDAARD_URL == "http://localhost:8501"
    assert publiek_adres({OMGEVINGSVARIABELE: " https://toegangswijzer.example.nl "}) == (
        "https://toegangswijzer.example.nl"
    )
    for fout in ("", "javascript:alert(1)", "toegangswijzer.example.nl", "https://", "https://a b", "ftp://x.nl"):
        assert publiek_adres({OMGEVINGSVARIABELE: fout}) == STANDAARD_URL, fout


def test_address_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(OMGEVINGSVARIABELE, "https://toegangswijzer.example.nl/")
    assert publiek_adres() == "https://toegangswijzer.example.nl/"
    monkeypatch.delenv(OMGEVINGSVARIABELE)
    assert publiek_adres() == STANDAARD_URL
