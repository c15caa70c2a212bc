"""`make site`: the whole light edition as static files, for any web server or CDN.

    python -m web.site [MAP] [--app-url https://toegangswijzer.example]

Writes index.html, overzicht.html, vragen.html, begrippen.html, besluit.html, licht.css and one file per keuzehulp page
(keuzehulp/index.html, keuzehulp/<antwoorden>.html). The keuzehulp pages are found by walking the wizard
itself: from the first question, and from each group as a shared link starts (`?doelgroep=isk`), every
option of every question asked. All links are relative, so the folder works under any path.
Without --app-url the links to the interactive app are left out.
"""

from __future__ import annotations

import argparse
import shutil
from collections import deque
from collections.abc import Iterator
from pathlib import Path

from policy import Beleid, load_policy
from views import wizard
from views.licht import keuzehulp, pagina
from views.licht.links import STATISCH_PAD, STIJL_NAAM, StatischeLinks, statische_naam


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


def schrijf(doel: Path, beleid: Beleid, app_url: str | None = None) -> list[Path]:
    """Write the site into `doel` and return the files written.

    An earlier site there is replaced; any other non-empty folder is refused (`make site SITE=~` must not wipe).
    """
    if doel.exists() and any(doel.iterdir()):
        if not (doel / STIJL_NAAM).is_file() or not (doel / STATISCH_PAD["start"]).is_file():
            raise SystemExit(f"{doel} is niet leeg en bevat geen eerdere site: kies een lege of nieuwe map.")
        shutil.rmtree(doel)
    bestanden: dict[str, str] = {STIJL_NAAM: pagina.STIJL.read_text(encoding="utf-8")}

    def links(naam: str) -> StatischeLinks:
        return StatischeLinks(beleid, naam, app_url)

    bestanden[STATISCH_PAD["start"]] = pagina.start(beleid, links(STATISCH_PAD["start"]))
    bestanden[STATISCH_PAD["overzicht"]] = pagina.overzicht(beleid, links(STATISCH_PAD["overzicht"]))
    bestanden[STATISCH_PAD["vragen"]] = pagina.vragen(beleid, links(STATISCH_PAD["vragen"]))
    bestanden[STATISCH_PAD["begrippen"]] = pagina.begrippen(beleid, links(STATISCH_PAD["begrippen"]))
    bestanden[STATISCH_PAD["besluit"]] = pagina.besluit(beleid, links(STATISCH_PAD["besluit"]))
    for params in keuzehulp_routes(beleid):
        naam = statische_naam(params)
        bestanden[naam] = keuzehulp.pagina(beleid, links(naam), tuple(params.items()), False)
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
    geschreven = schrijf(args.map, load_policy(), args.app_url)
    print(f"{len(geschreven)} bestanden geschreven in {args.map}/")


if __name__ == "__main__":
    main()
