"""Where a light page links to: the server's URLs, or files of the static site (`make site`).

One page template serves both; only the addresses differ. The keuzehulp is the one place where the
two editions behave differently: a static file cannot read a form, so the static site offers each
option as a link to the page with that answer (see `Links.formulier`).

A page pinned to a decision (`versie=`) keeps it in every link, so a reader who opened an old answer
stays in that decision until a link says otherwise; `onder(beleid)` gives the same links under another one.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from dataclasses import dataclass, replace
from urllib.parse import urlencode

from policy import Beleid
from policy.domain import VERSIE_SLEUTEL
from views import wizard

# Each light page and the interactive page that shows the same thing.
APP_PAD = {
    "start": "/",
    "keuzehulp": "/keuzehulp",
    "overzicht": "/matrix",
    "vragen": "/faq",
    "begrippen": "/begrippen",
    "besluit": "/besluit",
    "versies": "/versies",
}
STIJL_NAAM = "licht.css"


def _app_params(versie: str | None, params: Mapping[str, str] | None) -> Mapping[str, str] | None:
    """A pinned page's link to the app names its decision too (the keuzehulp's params already do)."""
    if params is None and versie is not None:
        return {VERSIE_SLEUTEL: versie}
    return params


@dataclass(frozen=True)
class Links:
    """The server's addresses, relative: every light page lives in `/licht/` (`keuzehulp?doelgroep=isk`).

    The interactive app is at the root of the same server. `basis` is empty for the light pages; a page that
    can be answered at any path (an error, an unknown address) sets it to `/licht/`, since a relative link
    from `/licht/a/b` or `/static/x` would lead nowhere. `versie`: the decision the page is pinned to (its
    link named one), kept in every link; None on an unpinned page (the current decision, links unpinned).
    """

    formulier: bool = True
    basis: str = ""
    versie: str | None = None

    @property
    def vastgepind(self) -> bool:
        return self.versie is not None

    def onder(self, beleid: Beleid) -> Links:
        """The same links, pinned to another decision (the banner's link, the versions page)."""
        return replace(self, versie=beleid.besluit.id)

    def pagina(self, naam: str, anker: str = "") -> str:
        pad = (self.basis or "./") if naam == "start" else self.basis + naam
        query = f"?{urlencode({VERSIE_SLEUTEL: self.versie})}" if self.versie else ""
        return pad + query + (f"#{anker}" if anker else "")

    def keuzehulp(self, params: Mapping[str, str]) -> str:
        return self.basis + "keuzehulp" + (f"?{urlencode(params)}" if params else "")

    def vergelijk(self, oud: Beleid, nieuw: Beleid) -> str:
        """The versions page comparing these two decisions."""
        params = {"oud": oud.besluit.id, "nieuw": nieuw.besluit.id}
        return self.basis + "versies?" + urlencode({**params, **({VERSIE_SLEUTEL: self.versie} if self.versie else {})})

    def stijl(self) -> str:
        return self.basis + STIJL_NAAM

    def app(self, naam: str, params: Mapping[str, str] | None = None) -> str | None:
        if naam not in APP_PAD:
            return None
        params = _app_params(self.versie, params)
        return APP_PAD[naam] + (f"?{urlencode(params)}" if params else "")


def statische_naam(params: Mapping[str, str]) -> str:
    """A keuzehulp page as a file: `keuzehulp/doelgroep-isk_ingeschreven-nee.html`; the first question is index.

    `params` are the answers on the route (`Stand.route_query()`), so one page has one name. The decision
    they are pinned to (`versie`) is not in the name but the folder: each decision's pages are in `<id>/`
    (`versie_map`), the current one's also at the root.
    """
    params = {k: v for k, v in params.items() if k != VERSIE_SLEUTEL}
    if not params:
        return "keuzehulp/index.html"
    return "keuzehulp/" + "_".join(f"{k}-{v}" for k, v in params.items()) + ".html"


STATISCH_PAD = {
    "start": "index.html",
    "overzicht": "overzicht.html",
    "vragen": "vragen.html",
    "begrippen": "begrippen.html",
    "besluit": "besluit.html",
    "versies": "versies.html",
}


def versie_map(beleid: Beleid) -> str:
    """The static site's folder of one decision (`alv-2026-03-26/`): its pinned pages, links that never change."""
    return f"{beleid.besluit.id}/"


def vergelijk_naam(oud: Beleid, nieuw: Beleid) -> str:
    """The static page comparing two decisions: `versies/alv-2026-03-26-naar-alv-2026-11-20.html`."""
    return f"versies/{oud.besluit.id}-naar-{nieuw.besluit.id}.html"


@dataclass(frozen=True)
class StatischeLinks:
    """Relative links between the files of the static site, seen from the file `huidig` (e.g. `vragen.html`).

    A keuzehulp link goes to the file of the route the wizard takes for it (a link to a cell, with answers
    the route skips, lands on the same file). The stylesheet sits next to index.html. The interactive app
    lives elsewhere (or nowhere): `app_url` is its address, or None to leave its links out.
    `map_`: the folder of the pages of `beleid` (`versie_map`, pinned), or "" for the root (the current one).
    """

    beleid: Beleid
    huidig: str
    app_url: str | None = None
    map_: str = ""
    formulier: bool = False

    @property
    def vastgepind(self) -> bool:
        return bool(self.map_)

    @property
    def versie(self) -> str:
        return self.beleid.besluit.id

    def onder(self, beleid: Beleid) -> StatischeLinks:
        return replace(self, beleid=beleid, map_=versie_map(beleid))

    def _relatief(self, doel: str) -> str:
        return posixpath.relpath(doel, posixpath.dirname(self.huidig) or ".")

    def pagina(self, naam: str, anker: str = "") -> str:
        doel = statische_naam({}) if naam == "keuzehulp" else STATISCH_PAD[naam]
        return self._relatief(self.map_ + doel) + (f"#{anker}" if anker else "")

    def keuzehulp(self, params: Mapping[str, str]) -> str:
        """An answer's file is always in its decision's folder, also from the root: a saved link keeps it."""
        naam = statische_naam(wizard.stand(self.beleid, params).route_query())
        return self._relatief((self.map_ or versie_map(self.beleid)) + naam)

    def vergelijk(self, oud: Beleid, nieuw: Beleid) -> str:
        return self._relatief(self.map_ + vergelijk_naam(oud, nieuw))

    def stijl(self) -> str:
        return self._relatief(STIJL_NAAM)

    def app(self, naam: str, params: Mapping[str, str] | None = None) -> str | None:
        if self.app_url is None or naam not in APP_PAD:
            return None
        params = _app_params(self.versie, params)
        return self.app_url.rstrip("/") + APP_PAD[naam] + (f"?{urlencode(params)}" if params else "")


AnyLinks = Links | StatischeLinks
