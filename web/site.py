"""`make site`: the whole light edition as static files, for any web server or CDN.

    python -m web.site [MAP] [--app-url https://toegangswijzer.example]

Writes index.html, overzicht.html, vragen.html, begrippen.html, besluit.html, versies.html, licht.css and one file
per keuzehulp page (keuzehulp/index.html, keuzehulp/<antwoorden>.html). The keuzehulp pages are found by walking
the wizard itself: from the first question, and from each group as a shared link starts (`?doelgroep=isk`), every
option of every question asked. All links are relative, so the folder works under any path.
Without --app-url the links to the interactive app are left out.

Every decision is there: the current one at the root (unpinned, as before), and each one, the current one too,
in its own folder `<id>/` (`alv-2026-03-26/keuzehulp/...`): a pinned address that keeps showing that decision,
with the banner when a newer one exists or it is a proposal. `versies/<oud>-naar-<nieuw>.html` compares any
two (the server's versions page has a form for that; a static file cannot read one).
"""

from __future__ import annotations

import argparse
import shutil
from collections import deque
from collections.abc import Iterator
from itertools import combinations
from pathlib import Path

from policy import Beleid, Versies, laad_versies
from views import wizard
from views.licht import keuzehulp, pagina
from views.licht.links import STATISCH_PAD, STIJL_NAAM, StatischeLinks, statische_naam, vergelijk_naam, versie_map


def keuzehulp_routes(beleid: Beleid) -> Iterator[dict[str, str]]:
    """Every page the keuzehulp can show (its route as URL parameters), each once, walking `wizard.stand`."""
    begin = [{}, *({wizard.URL_SLEUTEL["doelgroep"]: o.waarde} for o in beleid.vraag("doelgroep").opties)]
    wachtrij: deque[dict[str, str]] = deque(begin)
    gezien: set[tuple[tuple[str, str], ...]] = set()
    while wachtrij:
        stand = wizard.stand(beleid, wachtrij.popleft())
        params = stand.route_query()
        if tuple(params.items()) in gezien:
            continue
        gezien.add(tuple(params.items()))
        yield params
        if stand.vraag is not None:
            for optie in beleid.vraag(stand.vraag).opties:
                wachtrij.append({**params, wizard.URL_SLEUTEL[stand.vraag]: optie.waarde})


def _paginas(versies: Versies, beleid: Beleid, map_: str, app_url: str | None) -> dict[str, str]:
    """One decision's pages, by file name from the site's root, in `map_` ("" for the root: unpinned)."""

    def links(naam: str) -> StatischeLinks:
        return StatischeLinks(beleid, map_ + naam, app_url, map_)

    bestanden = {
        map_ + STATISCH_PAD[naam]: maak(beleid, links(STATISCH_PAD[naam]), versies=versies)
        for naam, maak in (
            ("start", pagina.start),
            ("overzicht", pagina.overzicht),
            ("vragen", pagina.vragen),
            ("begrippen", pagina.begrippen),
            ("besluit", pagina.besluit),
        )
    }
    for params in keuzehulp_routes(beleid):
        naam = statische_naam(params)
        bestanden[map_ + naam] = keuzehulp.pagina(beleid, links(naam), tuple(params.items()), False, versies)
    # The versions page in every folder: its menu stays with the decision the reader is in.
    bestanden[map_ + STATISCH_PAD["versies"]] = pagina.versiepagina(versies, links(STATISCH_PAD["versies"]))
    for oud, nieuw in combinations(versies.besluiten, 2):
        naam = vergelijk_naam(oud, nieuw)
        bestanden[map_ + naam] = pagina.versiepagina(versies, links(naam), (oud, nieuw))
    return bestanden


def schrijf(
    doel: Path, beleid: Beleid | None = None, app_url: str | None = None, versies: Versies | None = None
) -> list[Path]:
    """Write the site into `doel` and return the files written.

    `versies`: the decisions (default: `laad_versies()`), the current one at the root. A `beleid` that is not
    one of them (a copy a test changed) is a site of that one decision alone.
    An earlier site there is replaced; any other non-empty folder is refused (`make site SITE=~` must not wipe).
    """
    if doel.exists() and any(doel.iterdir()):
        if not (doel / STIJL_NAAM).is_file() or not (doel / STATISCH_PAD["start"]).is_file():
            raise SystemExit(f"{doel} is niet leeg en bevat geen eerdere site: kies een lege of nieuwe map.")
        shutil.rmtree(doel)
    versies = versies or laad_versies()
    if beleid is not None and beleid not in versies.besluiten:
        versies = Versies((beleid,))
    bestanden: dict[str, str] = {STIJL_NAAM: pagina.STIJL.read_text(encoding="utf-8")}
    bestanden.update(_paginas(versies, versies.huidig, "", app_url))
    for b in versies.besluiten:
        bestanden.update(_paginas(versies, b, versie_map(b), app_url))
    geschreven = []
    for naam, tekst in bestanden.items():
        pad = doel / naam
        pad.parent.mkdir(parents=True, exist_ok=True)
        pad.write_text(tekst, encoding="utf-8")
        geschreven.append(pad)
    return geschreven


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m web.site", description=__doc__.splitlines()[0])
    parser.add_argument("map", nargs="?", default="site", type=Path, help="doelmap (standaard: site/)")
    parser.add_argument("--app-url", default=None, help="adres van de interactieve app, voor de links ernaartoe")
    args = parser.parse_args(argv)
    geschreven = schrijf(args.map, app_url=args.app_url)
    print(f"{len(geschreven)} bestanden geschreven in {args.map}/")


if __name__ == "__main__":
    main()
