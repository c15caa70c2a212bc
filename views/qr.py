"""The QR code on the closing screen: its address, and the code itself (segno, SVG, no web service).

The address is the one the presenter's browser is on, pointed at the light start page (`/licht/`):
whoever can reach the presenter's screen through that host can reach the app. `TOEGANGSWIJZER_URL`
overrides it (behind a proxy whose public name the browser does not see). A loopback or private
address is marked, so the closing screen can warn that nobody in the hall can open it.
"""

from __future__ import annotations

import io
import ipaddress
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import urlsplit

import segno

OMGEVINGSVARIABELE = "TOEGANGSWIJZER_URL"
LICHTE_START = "/licht/"  # the light edition's start page: fast on a phone in a full hall
FOUTCORRECTIE = "m"  # 15 % of the code may be damaged or covered and it still reads
RAND = 4  # the quiet zone of four modules the QR standard asks for
# A host as a browser sends it: a name, an IPv4 address or a bracketed IPv6 address, with an optional port.
_HOST = re.compile(r"^(?:[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?|\[[0-9a-f:.]{2,45}\])(?::\d{1,5})?$", re.IGNORECASE)


class Bereik(StrEnum):
    """Who can open an address."""

    openbaar = "openbaar"
    alleen_deze_computer = "alleen_deze_computer"  # loopback: 127.x, ::1, localhost
    alleen_intern_netwerk = "alleen_intern_netwerk"  # 10.x, 172.16-31.x, 192.168.x, a name without a dot


# What the closing screen says when the hall cannot open the address (the presenter reads it first).
_HOE_OPLOSSEN = "Open de presentatie via het openbare adres van de app, of stel TOEGANGSWIJZER_URL in."
WAARSCHUWING = {
    Bereik.alleen_deze_computer: (
        f"Dit adres werkt alleen op deze computer: niemand in de zaal kan het openen. {_HOE_OPLOSSEN}"
    ),
    Bereik.alleen_intern_netwerk: (
        f"Dit adres werkt alleen in een intern netwerk: telefoons in de zaal kunnen het meestal niet openen. "
        f"{_HOE_OPLOSSEN}"
    ),
}
GEEN_ADRES = "Het adres van de app is niet bekend. Stel TOEGANGSWIJZER_URL in op het openbare adres van de app."


@dataclass(frozen=True)
class Adres:
    """The address the QR code encodes and who can open it."""

    url: str
    bereik: Bereik


def bereik(host: str) -> Bereik:
    """Who can open an address on this host (no DNS lookup: only what the name itself says)."""
    naam = host.strip("[]").lower().rstrip(".")
    if naam == "localhost" or naam.endswith(".localhost"):
        return Bereik.alleen_deze_computer
    try:
        ip = ipaddress.ip_address(naam)
    except ValueError:
        return Bereik.alleen_intern_netwerk if "." not in naam else Bereik.openbaar
    if ip.is_loopback:
        return Bereik.alleen_deze_computer
    if ip.is_private or ip.is_link_local:
        return Bereik.alleen_intern_netwerk
    return Bereik.openbaar


def _basis(waarde: str | None) -> tuple[str, str, str] | None:
    """Scheme, host (with port) and path of an http(s) address, or None for anything else."""
    tekst = (waarde or "").strip()
    if not tekst or len(tekst) > 500 or any(c.isspace() for c in tekst):
        return None
    delen = urlsplit(tekst)
    if delen.scheme not in ("http", "https") or not _HOST.match(delen.netloc):
        return None
    return delen.scheme, delen.netloc.lower(), delen.path


def qr_adres(
    browser_url: str | None,
    host_header: str | None = None,
    omgeving: Mapping[str, str] | None = None,
) -> Adres | None:
    """The address for the QR code, or None when neither configuration nor the request names a host.

    Order: `TOEGANGSWIJZER_URL` (a bare host gets the light start page, a path is kept as given), then
    the browser's own address (`st.context.url`), then the request's Host header (scheme http).
    """
    omgeving = os.environ if omgeving is None else omgeving
    ingesteld = _basis(omgeving.get(OMGEVINGSVARIABELE))
    if ingesteld is not None:
        schema, host, pad = ingesteld
        pad = pad if pad.strip("/") else LICHTE_START
        return Adres(f"{schema}://{host}{pad}", bereik(_zonder_poort(host)))
    browser = _basis(browser_url)
    if browser is None and host_header and _HOST.match(host_header.strip()):
        browser = ("http", host_header.strip().lower(), "")
    if browser is None:
        return None
    schema, host, _ = browser
    return Adres(f"{schema}://{host}{LICHTE_START}", bereik(_zonder_poort(host)))


def _zonder_poort(host: str) -> str:
    if host.startswith("["):
        return host[: host.index("]") + 1]
    return host.rsplit(":", 1)[0] if ":" in host else host


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
