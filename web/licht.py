"""The light edition's routes (`/licht/...`): server-rendered HTML, no script, the same for everyone.

Each page is rendered at most once per policy version and query: the cache key is the loaded policy
(one immutable object per version) plus the query as the page understood it, so any junk in a link
folds into the same key as "something was ignored". Responses carry an ETag; If-None-Match gets 304.

Every page reads `versie=` (`views.versies.kies`) and shows that decision, with a banner when a newer
one exists or it is a proposal; a link naming a decision we do not know gets a Dutch 404 naming the known
ones. `/licht/versies` lists the decisions and what changed (`?oud=&nieuw=` for any two).
"""

from __future__ import annotations

import gzip
import hashlib
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from starlette.datastructures import QueryParams
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from policy import Beleid, Versies, laad_versies
from policy.domain import VERSIE_SLEUTEL
from views import versies as weergave
from views import zoeken
from views.licht import keuzehulp, pagina
from views.licht.links import STIJL_NAAM, Links
from web import fouten

HTML = "text/html; charset=utf-8"
CSS = "text/css; charset=utf-8"
# A pinned page keeps its answer (a newer decision only adds a banner): a cache may keep it five minutes.
# Without `versie` the page is the newest decision's, which publishing changes at once: ask again (ETag, 304).
CACHE_HTML = "public, max-age=300"
CACHE_NIEUWSTE = "public, no-cache"
CACHE_STIJL = "public, max-age=3600"
CACHE_GROOTTE = 1024  # the keuzehulp has ~2000 possible states; a hall hits a handful
MAX_PARAMS = 20
MAX_ONTHOUDEN = 300  # bytes of query string whose reading is remembered (bounded memory)
LICHT = "/licht"
VERGELIJK = ("oud", "nieuw")  # the versions page's two decisions


@dataclass(frozen=True)
class Gerenderd:
    """A page as sent: plain and gzipped once (a hall asks for the same page a thousand times)."""

    body: bytes
    gzip: bytes
    etag: str
    soort: str = HTML

    @property
    def etag_gzip(self) -> str:
        return self.etag[:-1] + '-gz"'  # another representation, another strong validator


def _gerenderd(tekst: str, soort: str = HTML) -> Gerenderd:
    body = tekst.encode()
    etag = '"' + hashlib.sha256(body).hexdigest()[:20] + '"'
    return Gerenderd(body, gzip.compress(body, compresslevel=9, mtime=0), etag, soort)


def lees_params(items: Iterable[tuple[str, str]]) -> tuple[dict[str, str], bool]:
    """One value per key. A repeated key, or more than MAX_PARAMS parts, is not used; the flag says so."""
    params: dict[str, str] = {}
    dubbel: set[str] = set()
    for i, (sleutel, waarde) in enumerate(items):
        if i >= MAX_PARAMS:
            return {k: v for k, v in params.items() if k not in dubbel}, True
        if sleutel in params:
            dubbel.add(sleutel)
        params[sleutel] = waarde
    return {k: v for k, v in params.items() if k not in dubbel}, bool(dubbel)


# --- rendering, cached per policy and normalised query -------------------------------------------
@dataclass(frozen=True)
class Lezing:
    """A request as the page understands it: which decision, pinned or not, and the rest of its query."""

    beleid: Beleid | None  # None: the link names a decision that does not exist (404)
    vastgepind: bool
    sleutel: tuple[Any, ...]

    def links(self) -> Links:
        """A pinned page keeps its decision in every link; an unpinned one stays with the current one."""
        return Links(versie=self.beleid.besluit.id if self.beleid is not None and self.vastgepind else None)


@lru_cache(maxsize=CACHE_GROOTTE)
def _pagina(versies: Versies, beleid: Beleid, naam: str, sleutel: tuple[Any, ...], links: Links) -> Gerenderd:
    if naam == "keuzehulp":
        query, melding = sleutel
        return _gerenderd(keuzehulp.pagina(beleid, links, query, melding, versies=versies))
    if naam == "besluit":
        gevraagd, melding = sleutel
        return _gerenderd(pagina.besluit(beleid, links, gevraagd, melding, versies=versies))
    if naam == "versies":
        oud, nieuw, melding = sleutel
        gekozen = (versies.kies(oud), versies.kies(nieuw)) if oud and nieuw else None
        return _gerenderd(pagina.versiepagina(versies, links, gekozen, melding))
    maak: Callable[..., str] = {
        "start": pagina.start,
        "overzicht": pagina.overzicht,
        "vragen": pagina.vragen,
        "begrippen": pagina.begrippen,
    }[naam]
    return _gerenderd(maak(beleid, links, *sleutel, versies=versies))


@lru_cache(maxsize=CACHE_GROOTTE)
def _onbekende_versie(versies: Versies, naam: str, sleutel: tuple[Any, ...]) -> Gerenderd:
    """The 404 for an unknown decision: the same page for every unknown id (it is never shown)."""
    params = dict(sleutel[0]) if naam == "keuzehulp" else {}
    return _gerenderd(pagina.onbekende_versie(versies, Links(), naam, params))


def sleutel(beleid: Beleid, naam: str, params: dict[str, str], dubbel: bool) -> tuple[object, ...]:
    """The query as the page uses it: only what changes the page, never the visitor's own text."""
    if naam == "keuzehulp":
        return keuzehulp.sleutel(beleid, params, dubbel)
    if naam == "besluit":
        overig = {k: v for k, v in params.items() if k != "alinea"}
        gevraagd = zoeken.lees_alinea(params.get("alinea"), len(beleid.alineas))
        ongeldig = "alinea" in params and gevraagd is None
        return (gevraagd, dubbel or bool(overig) or ongeldig)
    return (dubbel or bool(params),)


def lees(versies: Versies, naam: str, params: dict[str, str], dubbel: bool) -> Lezing:
    """Which decision the link names (`versie`), then the rest of the query for that decision's page.

    An unknown decision (in `versie`, or in the versions page's `oud`/`nieuw`) is a Lezing without one; its
    key is read against the current decision, so the 404 can keep the keuzehulp's answers in its links.
    """
    keuze = weergave.kies(params, versies)
    rest = {k: v for k, v in params.items() if k != VERSIE_SLEUTEL}
    if naam == "versies":
        gekozen = {k: versies.lees(rest[k]) for k in VERGELIJK if rest.get(k, "").strip()}
        if keuze.onbekend or any(b is None for b in gekozen.values()):
            return Lezing(None, True, (dubbel,))
        ids = [b.besluit.id for b in gekozen.values() if b is not None]
        half = len(ids) == 1  # one of the two: not a comparison, said as "something was ignored"
        overig = any(k not in VERGELIJK for k in rest)
        paar = (ids[0], ids[1]) if len(ids) == 2 else (None, None)
        return Lezing(keuze.beleid, keuze.vastgepind, (*paar, dubbel or overig or half))
    if keuze.onbekend:
        return Lezing(None, True, sleutel(versies.huidig, naam, rest, dubbel))
    return Lezing(keuze.beleid, keuze.vastgepind, sleutel(keuze.beleid, naam, rest, dubbel))


@lru_cache(maxsize=CACHE_GROOTTE)
def _sleutel_van(versies: Versies, naam: str, query: bytes) -> Lezing:
    return lees(versies, naam, *lees_params(QueryParams(query).multi_items()))


def _lezing(versies: Versies, naam: str, request: Request) -> Lezing:
    """`lees` for this request; remembered per short query string (reading the keuzehulp's takes ~1 ms)."""
    query: bytes = request.scope.get("query_string", b"")
    if len(query) <= MAX_ONTHOUDEN:
        return _sleutel_van(versies, naam, query)
    return lees(versies, naam, *lees_params(request.query_params.multi_items()))


def _antwoord(request: Request, gerenderd: Gerenderd, cache: str, status: int = 200) -> Response:
    """`status` with the page (gzipped when the client accepts it), or 304 when the client's copy is current."""
    ingepakt = "gzip" in request.headers.get("accept-encoding", "").lower()
    etag = gerenderd.etag_gzip if ingepakt else gerenderd.etag
    headers = {"ETag": etag, "Cache-Control": cache, "Vary": "Accept-Encoding"}
    gevraagd = request.headers.get("if-none-match", "")
    bekend = {e.strip().removeprefix("W/") for e in gevraagd.split(",")}
    if status == 200 and (gevraagd.strip() == "*" or bekend & {gerenderd.etag, gerenderd.etag_gzip}):
        return Response(status_code=304, headers=headers)
    if ingepakt:
        headers["Content-Encoding"] = "gzip"
        return Response(gerenderd.gzip, status, headers=headers, media_type=gerenderd.soort)
    return Response(gerenderd.body, status, headers=headers, media_type=gerenderd.soort)


def _route(naam: str) -> Callable[[Request], Awaitable[Response]]:
    # async: a cached page is answered on the event loop, without a hop to the thread pool.
    async def toon(request: Request) -> Response:
        versies = laad_versies()
        lezing = _lezing(versies, naam, request)
        if lezing.beleid is None:
            return _antwoord(request, _onbekende_versie(versies, naam, lezing.sleutel), CACHE_HTML, status=404)
        gerenderd = _pagina(versies, lezing.beleid, naam, lezing.sleutel, lezing.links())
        return _antwoord(request, gerenderd, CACHE_HTML if lezing.vastgepind else CACHE_NIEUWSTE)

    toon.__name__ = f"licht_{naam}"
    return toon


@lru_cache(maxsize=1)
def stijl() -> Gerenderd:
    return _gerenderd(pagina.STIJL.read_text(encoding="utf-8"), CSS)


async def _stijl(request: Request) -> Response:
    return _antwoord(request, stijl(), CACHE_STIJL)


async def _naar_start(request: Request) -> Response:
    return RedirectResponse(f"{LICHT}/", status_code=308)


async def _onbekend(request: Request) -> Response:
    # Last in ROUTES: without it Streamlit's file server answers any /licht/ path with its own page and 200.
    return fouten.niet_gevonden()


ROUTES: list[Route] = [
    Route(LICHT, _naar_start, methods=["GET"]),
    Route(f"{LICHT}/", _route("start"), methods=["GET"]),
    Route(f"{LICHT}/keuzehulp", _route("keuzehulp"), methods=["GET"]),
    Route(f"{LICHT}/overzicht", _route("overzicht"), methods=["GET"]),
    Route(f"{LICHT}/vragen", _route("vragen"), methods=["GET"]),
    Route(f"{LICHT}/begrippen", _route("begrippen"), methods=["GET"]),
    Route(f"{LICHT}/besluit", _route("besluit"), methods=["GET"]),
    Route(f"{LICHT}/versies", _route("versies"), methods=["GET"]),
    Route(f"{LICHT}/{STIJL_NAAM}", _stijl, methods=["GET"]),
    Route(f"{LICHT}/{{rest:path}}", _onbekend, methods=["GET"]),
]
