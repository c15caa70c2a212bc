"""Keuzehulp: one question per step, only the questions the answer still needs; answers live in the URL."""

from urllib.parse import urlencode

import streamlit as st

from policy import load_policy
from views import wizard
from views.beslissing import toon_beslissing
from views.layout import versie_en_disclaimer
from views.teksten import geldt_voor

beleid = load_policy()
invoer = wizard.lees_querystring(beleid, st.query_params.to_dict())
antwoorden = invoer.antwoorden
route = wizard.pad(beleid, antwoorden)


def zet_antwoorden(nieuw: dict[str, str], wijzig: str | None = None) -> None:
    """Write the answers to the URL (shareable, survives a reload) and run the page again."""
    params = wizard.als_querystring(nieuw)
    if wijzig:
        params[wizard.WIJZIG] = wizard.URL_SLEUTEL[wijzig]
    st.query_params.from_dict(params)
    st.rerun()


def toon_antwoorden() -> None:
    """'Uw antwoorden': each answer on the route with a change link."""
    st.markdown("### Uw antwoorden")
    for vraag_id_route, waarde in route:
        vraag = beleid.vraag(vraag_id_route)
        links, rechts = st.columns([5, 1], vertical_alignment="center")
        links.markdown(f"**{vraag.kort}**  \n{beleid.label(vraag_id_route, waarde)}")
        if rechts.button("Wijzig", key=f"wijzig-{vraag_id_route}", help=f"Wijzig: {vraag.kort}"):
            zet_antwoorden(antwoorden, vraag_id_route)
    if st.button("Opnieuw beginnen"):
        st.query_params.clear()
        st.rerun()


st.title("Keuzehulp")
if invoer.genegeerd:
    st.info(
        f"Een deel van de link konden we niet gebruiken. Dat hebben we overgeslagen: {', '.join(invoer.genegeerd)}."
    )

vraag_id = invoer.wijzig or wizard.volgende_vraag(beleid, antwoorden)

if vraag_id is not None:
    vraag = beleid.vraag(vraag_id)
    op_route = [v for v, _ in route]
    nummer = op_route.index(vraag_id) + 1 if vraag_id in op_route else len(route) + 1
    st.caption(f"Vraag {nummer} van {max(wizard.aantal_vragen(beleid, antwoorden), nummer)}")
    if invoer.wijzig is not None:
        if st.button("← Annuleren, terug naar uw antwoorden", type="tertiary"):
            zet_antwoorden(antwoorden)
    elif route and st.button("← Vorige vraag", type="tertiary"):
        zet_antwoorden(antwoorden, route[-1][0])  # the previous question again, answer kept
    waarden = [o.waarde for o in vraag.opties]
    huidig = antwoorden.get(vraag_id)
    with st.form(f"vraag-{vraag_id}", border=False):
        keuze = st.radio(
            vraag.tekst,
            waarden,
            index=waarden.index(huidig) if huidig in waarden else None,
            format_func=lambda w: next(o.label for o in vraag.opties if o.waarde == w),
            captions=[o.uitleg or "" for o in vraag.opties],
            key=f"keuze-{vraag_id}",
        )
        if vraag.hulp:
            st.caption(vraag.hulp)
        volgende = st.form_submit_button("Volgende", type="primary")
    if volgende:
        if keuze is None:
            st.error("Kies eerst een antwoord.")
        else:
            nieuw = {**antwoorden, vraag_id: keuze}
            if vraag_id == "rol":
                nieuw.pop("doelgroep", None)  # a new organisation type means a new group question
            zet_antwoorden(nieuw)

beslissing = wizard.uitkomst(beleid, antwoorden) if invoer.wijzig is None else None
if beslissing is not None:
    # The outcome first (GOV.UK style); the answers it rests on, with change links, below it.
    toon_beslissing(beleid, beslissing, geldt_voor(beleid, wizard.bereik(beleid, antwoorden)))
    st.divider()
    toon_antwoorden()
    st.divider()
    st.markdown("#### Delen en printen")
    basis_url = (st.context.url or "").split("?")[0]
    st.caption("Kopieer de link met de knop rechts in het vak. Wie de link opent, ziet dit antwoord.")
    st.code(f"{basis_url}?{urlencode(wizard.als_querystring(dict(route)))}", language=None, wrap_lines=True)
    st.caption("Printen: gebruik de printfunctie van uw browser (Ctrl+P). Menu en knoppen worden dan weggelaten.")

elif route:
    st.divider()
    toon_antwoorden()

versie_en_disclaimer(beleid)
