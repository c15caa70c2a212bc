"""The QR code on the closing screen: made here with segno, as SVG, without any web service.

The address comes from configuration (`TOEGANGSWIJZER_URL`), never from a visitor.
"""

from __future__ import annotations

import io
import os
from collections.abc import Mapping
from urllib.parse import urlsplit

import segno

OMGEVINGSVARIABELE = "TOEGANGSWIJZER_URL"
STANDAARD_URL = "http://localhost:8501"
FOUTCORRECTIE = "m"  # 15 % of the code may be damaged or covered and it still reads
RAND = 4  # the quiet zone of four modules the QR standard asks for


def publiek_adres(omgeving: Mapping[str, str] | None = None) -> str:
    """The app's public address: `TOEGANGSWIJZER_URL`, or the local default when unset or not http(s)."""
    omgeving = os.environ if omgeving is None else omgeving
    waarde = omgeving.get(OMGEVINGSVARIABELE, "").strip()
    if not waarde or len(waarde) > 500 or any(c.isspace() for c in waarde):
        return STANDAARD_URL
    delen = urlsplit(waarde)
    if delen.scheme not in ("http", "https") or not delen.netloc:
        return STANDAARD_URL
    return waarde


def qr_code(url: str) -> segno.QRCode:
    """The QR code for an address, with medium error correction."""
    return segno.make(url, error=FOUTCORRECTIE, micro=False)


def qr_svg(url: str, donker: str = "#1A1A1A", licht: str = "#FFFFFF") -> str:
    """A standalone SVG (no external references, no script) that scales to any size."""
    buffer = io.BytesIO()
    qr_code(url).save(
        buffer,
        kind="svg",
        scale=1,
        omitsize=True,  # only a viewBox: the image scales to the width the page gives it
        border=RAND,
        dark=donker,
        light=licht,
        xmldecl=False,
        svgns=True,
        title="QR-code naar deze app",
        nl=False,
    )
    return buffer.getvalue().decode("utf-8")
