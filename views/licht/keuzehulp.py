"""The light keuzehulp: one question per page as a plain GET form, or the answer.

What a request shows is `views.wizard.stand` and `views.uitleg.uitleg`, the same values the Streamlit
keuzehulp draws; this module only turns them into links and template data. The server edition's form
fields are the URL parameters of /keuzehulp, so every page is a link. A static file cannot read a form,
so the static site offers each option as a link to the next page, and a change link goes back to that
question (the answers after it are asked again).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from policy import Beleid, Versies
from views import wizard
from views.licht.links import AnyLinks
from views.licht.pagina import banner, render
from views.teksten import TOEGANG_LABEL, soort_tekst
from views.uitleg import Uitleg, uitleg

Sleutel = tuple[tuple[tuple[str, str], ...], bool]


def sleutel(beleid: Beleid, params: Mapping[str, str], dubbel: bool) -> Sleutel:
    """The query as the keuzehulp understands it (valid answers and `wijzig`, in URL order) and ignored-or-not.

    Feeding the first part back into `wizard.stand` gives the same page without the message.
    """
    stand = wizard.stand(beleid, params)
    query = {wizard.URL_SLEUTEL[v]: stand.antwoorden[v] for v in wizard.URL_SLEUTEL if v in stand.antwoorden}
    if stand.wijzig is not None:
        query[wizard.WIJZIG] = wizard.URL_SLEUTEL[stand.wijzig]
    return tuple(query.items()), dubbel or bool(stand.genegeerd)


@dataclass(frozen=True)
class Keuze:
    id: str
    waarde: str
    label: str
    uitleg: str | None
    uitleg_soort: str  # the kind of `uitleg` (views.teksten.soort_tekst)
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
    hulp_soort: str  # the kind of `hulp`
    voortgang: str
    keuzes: tuple[Keuze, ...]
    velden: tuple[tuple[str, str], ...]  # the other answers, kept as hidden form fields


def _tot(stand: wizard.Stand, vraag: str) -> dict[str, str]:
    """The route's answers before `vraag` (all of them when it is not on the route): the static site's links."""
    ids = [v for v, _ in stand.route]
    later = ids[ids.index(vraag) :] if vraag in ids else []
    return stand.route_query(**dict.fromkeys(later))


def pagina(
    beleid: Beleid,
    links: AnyLinks,
    query: tuple[tuple[str, str], ...],
    melding: bool,
    versies: Versies | None = None,
) -> str:
    stand = wizard.stand(beleid, dict(query))
    statisch = not links.formulier

    def wijzig_link(vraag: str) -> str:
        return links.keuzehulp(_tot(stand, vraag) if statisch else stand.wijzig_query(vraag))

    regels = tuple(Antwoordregel(beleid.vraag(v).kort, beleid.label(v, w), wijzig_link(v)) for v, w in stand.route)
    op_route = [v for v, _ in stand.route]
    stap = None
    terug: tuple[str, str] | None = None
    if stand.vraag is not None:
        vraag = beleid.vraag(stand.vraag)
        sleutel_ = wizard.URL_SLEUTEL[stand.vraag]
        keuzes = tuple(
            Keuze(
                f"{sleutel_}-{i}",
                o.waarde,
                o.label,
                o.uitleg,
                soort_tekst(o, beleid),
                stand.antwoorden.get(stand.vraag) == o.waarde,
                links.keuzehulp({**_tot(stand, stand.vraag), sleutel_: o.waarde}),
            )
            for i, o in enumerate(vraag.opties, start=1)
        )
        na_antwoord = stand.met_antwoord(stand.vraag, "")
        velden = tuple((k, v) for k, v in na_antwoord.items() if k != sleutel_)
        stap = Vraagstap(sleutel_, vraag.tekst, vraag.hulp, soort_tekst(vraag, beleid), stand.voortgang, keuzes, velden)
        if stand.wijzig is not None and not statisch:
            terug = ("Annuleren, terug naar uw antwoorden", links.keuzehulp(stand.query()))
        elif stand.vorige is None:
            terug = ("Terug naar de start", links.pagina("start"))
    if terug is None and stand.vorige is not None:
        vorige = op_route[op_route.index(stand.vraag) - 1] if stand.vraag in op_route else op_route[-1]
        terug = ("Vorige vraag", links.keuzehulp(_tot(stand, vorige) if statisch else stand.vorige))
    antwoord: Uitleg | None = None
    if stand.beslissing is not None:
        antwoord = uitleg(beleid, stand.beslissing, stand.cellen)
    app_params = stand.wijzig_query(stand.wijzig) if stand.wijzig else stand.route_query()
    return render(
        "keuzehulp.html",
        beleid,
        links,
        naam="keuzehulp",
        # On the answer the banner says whether this answer changed; on a question it speaks of the decision.
        banner=banner(versies, beleid, links, "keuzehulp", stand.cellen if antwoord else None, stand.query()),
        titel=stap.tekst if stap else "Uw antwoord" + (f": {TOEGANG_LABEL[antwoord.toegang]}" if antwoord else ""),
        beschrijving="Mag u examenproducten van de Coöperatie Examens MBO gebruiken? Beantwoord een paar vragen.",
        melding=melding,
        stap=stap,
        uitleg=antwoord,
        regels=regels,
        terug=terug,
        app_params=app_params,
    )
