"""The light keuzehulp: one question per page as a plain GET form, or the answer. Logic: views/wizard.py.

The server edition posts nothing: the form's fields are the URL parameters of /keuzehulp, so every page
is a link. The static site cannot read a form, so there each option is a link to the next page and a
change link goes back to the question (answers after it are asked again).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from policy import Beleid
from views import wizard
from views.licht.links import AnyLinks
from views.licht.pagina import render
from views.teksten import geldt_voor

Sleutel = tuple[tuple[tuple[str, str], ...], str | None, bool]


def sleutel(beleid: Beleid, params: Mapping[str, str], dubbel: bool) -> Sleutel:
    """The query as the keuzehulp understands it: valid answers (URL keys, in order), `wijzig`, ignored-or-not."""
    invoer = wizard.lees_querystring(beleid, params)
    antwoorden = tuple(wizard.als_querystring(invoer.antwoorden).items())
    wijzig = wizard.URL_SLEUTEL[invoer.wijzig] if invoer.wijzig else None
    return antwoorden, wijzig, dubbel or bool(invoer.genegeerd)


@dataclass(frozen=True)
class Keuze:
    waarde: str
    label: str
    uitleg: str | None
    gekozen: bool
    link: str  # the static site's page for this answer


@dataclass(frozen=True)
class Antwoordregel:
    vraag: str
    antwoord: str
    wijzig: str


@dataclass(frozen=True)
class Vraagstap:
    sleutel: str
    tekst: str
    hulp: str | None
    nummer: int
    totaal: int
    keuzes: tuple[Keuze, ...]
    velden: tuple[tuple[str, str], ...]  # the other answers, kept as hidden form fields


def _params(antwoorden: Mapping[str, str], wijzig: str | None = None) -> dict[str, str]:
    params = wizard.als_querystring(antwoorden)
    if wijzig is not None:
        params[wizard.WIJZIG] = wizard.URL_SLEUTEL[wijzig]
    return params


def _voor(route: list[tuple[str, str]], vraag_id: str) -> dict[str, str]:
    """The answers on the route before a question: where the static site goes to change it."""
    ids = [v for v, _ in route]
    return dict(route[: ids.index(vraag_id)]) if vraag_id in ids else dict(route)


def pagina(
    beleid: Beleid, links: AnyLinks, antwoorden_url: tuple[tuple[str, str], ...], wijzig_url: str | None, melding: bool
) -> str:
    antwoorden = {wizard.VRAAG_VAN_SLEUTEL[k]: v for k, v in antwoorden_url}
    wijzig = wizard.VRAAG_VAN_SLEUTEL[wijzig_url] if wijzig_url else None
    route = wizard.pad(beleid, antwoorden)
    statisch = not links.formulier

    def wijzig_link(vraag_id: str) -> str:
        return links.keuzehulp(
            _params(_voor(route, vraag_id) if statisch else antwoorden, None if statisch else vraag_id)
        )

    regels = tuple(Antwoordregel(beleid.vraag(v).kort, beleid.label(v, w), wijzig_link(v)) for v, w in route)
    vraag_id = wijzig or wizard.volgende_vraag(beleid, antwoorden)
    stap = None
    terug: tuple[str, str] | None = None
    beslissing = None
    if vraag_id is not None:
        vraag = beleid.vraag(vraag_id)
        op_route = [v for v, _ in route]
        nummer = op_route.index(vraag_id) + 1 if vraag_id in op_route else len(route) + 1
        basis = _voor(route, vraag_id) if statisch else antwoorden
        keuzes = tuple(
            Keuze(
                o.waarde,
                o.label,
                o.uitleg,
                antwoorden.get(vraag_id) == o.waarde,
                links.keuzehulp(_params({**basis, vraag_id: o.waarde})),
            )
            for o in vraag.opties
        )
        # Changing the organisation means asking for the group again.
        weg = {vraag_id, "doelgroep"} if vraag_id == "rol" else {vraag_id}
        velden = tuple(_params({k: v for k, v in antwoorden.items() if k not in weg}).items())
        stap = Vraagstap(
            wizard.URL_SLEUTEL[vraag_id],
            vraag.tekst,
            vraag.hulp,
            nummer,
            max(wizard.aantal_vragen(beleid, antwoorden), nummer),
            keuzes,
            velden,
        )
        if wijzig is not None and not statisch:
            terug = ("Annuleren, terug naar uw antwoorden", links.keuzehulp(_params(antwoorden)))
        elif nummer > 1:
            terug = ("Vorige vraag", wijzig_link(op_route[nummer - 2]))
        else:
            terug = ("Terug naar de start", links.pagina("start"))
    else:
        beslissing = wizard.uitkomst(beleid, antwoorden)
        if route:
            terug = ("Vorige vraag", wijzig_link(route[-1][0]))
    return render(
        "keuzehulp.html",
        beleid,
        links,
        naam="keuzehulp",
        titel=stap.tekst if stap else "Uw antwoord",
        beschrijving="Mag u examenproducten van de Coöperatie Examens MBO gebruiken? Beantwoord een paar vragen.",
        melding=melding,
        stap=stap,
        beslissing=beslissing,
        geldt_voor=geldt_voor(beleid, wizard.bereik(beleid, antwoorden)),
        regels=regels,
        terug=terug,
        app_params=_params(antwoorden, wijzig),
    )
