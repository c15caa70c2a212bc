"""Where a light page links to: the server's URLs, or files of the static site (`make site`).

One page template serves both; only the addresses differ. The keuzehulp is the one place where the
two editions behave differently: a static file cannot read a form, so the static site offers each
option as a link to the page with that answer (see `Links.formulier`).
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from dataclasses import dataclass
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
}
STIJL_NAAM = "licht.css"


@dataclass(frozen=True)
class Links:
    """The server's addresses, relative: every light page lives in `/licht/` (`keuzehulp?doelgroep=isk`).

    The interactive app is at the root of the same server. `basis` is empty for the light pages; a page that
    can be answered at any path (an error, an unknown address) sets it to `/licht/`, since a relative link
    from `/licht/a/b` or `/static/x` would lead nowhere.
    """

    formulier: bool = True
    basis: str = ""

    def pagina(self, naam: str, anker: str = "") -> str:
        pad = (self.basis or "./") if naam == "start" else self.basis + naam
        return pad + (f"#{anker}" if anker else "")

    def keuzehulp(self, params: Mapping[str, str]) -> str:
        return self.basis + "keuzehulp" + (f"?{urlencode(params)}" if params else "")

    def stijl(self) -> str:
        return self.basis + STIJL_NAAM

    def app(self, naam: str, params: Mapping[str, str] | None = None) -> str | None:
        return APP_PAD[naam] + (f"?{urlencode(params)}" if params else "")


def statische_naam(params: Mapping[str, str]) -> str:
    """A keuzehulp page as a file: `keuzehulp/doelgroep-isk_ingeschreven-nee.html`; the first question is index.

    `params` are the answers on the route (`Stand.route_query()`), so one page has one name. The decision
    they are pinned to (`versie`) is not in the name: a static site is built for one decision.
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
}


@dataclass(frozen=True)
class StatischeLinks:
    """Relative links between the files of the static site, seen from the file `huidig` (e.g. `vragen.html`).

    A keuzehulp link goes to the file of the route the wizard takes for it (a link to a cell, with answers
    the route skips, lands on the same file). The stylesheet sits next to index.html. The interactive app
    lives elsewhere (or nowhere): `app_url` is its address, or None to leave its links out.
    """

    beleid: Beleid
    huidig: str
    app_url: str | None = None
    formulier: bool = False

    def _relatief(self, doel: str) -> str:
        return posixpath.relpath(doel, posixpath.dirname(self.huidig) or ".")

    def pagina(self, naam: str, anker: str = "") -> str:
        doel = statische_naam({}) if naam == "keuzehulp" else STATISCH_PAD[naam]
        return self._relatief(doel) + (f"#{anker}" if anker else "")

    def keuzehulp(self, params: Mapping[str, str]) -> str:
        return self._relatief(statische_naam(wizard.stand(self.beleid, params).route_query()))

    def stijl(self) -> str:
        return self._relatief(STIJL_NAAM)

    def app(self, naam: str, params: Mapping[str, str] | None = None) -> str | None:
        if self.app_url is None:
            return None
        return self.app_url.rstrip("/") + APP_PAD[naam] + (f"?{urlencode(params)}" if params else "")


AnyLinks = Links | StatischeLinks
