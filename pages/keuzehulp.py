"""Keuzehulp: one question per step, only the questions the answer still needs; answers live in the URL."""

import streamlit as st

from views import wizard
from views.beslissing import toon_beslissing
from views.interactie import deel_en_print, focus_op_stap
from views.layout import kies_besluit, toon_versiemelding, versie_en_disclaimer
from views.teksten import markdown_veilig, soort_tekst

versie = kies_besluit()
beleid = versie.beleid
stand = wizard.stand(beleid, st.query_params.to_dict())
NA_ANTWOORD = "keuzehulp-na-antwoord"  # set just before the rerun that shows the next step


def naar(params: dict[str, str]) -> None:
    """Write the answers to the URL (shareable, survives a reload) and run the page again."""
    st.query_params.from_dict(params)
    st.session_state[NA_ANTWOORD] = True
    st.rerun()


def toon_antwoorden() -> None:
    """'Uw antwoorden': each answer on the route with a change button named after its question."""
    st.header("Uw antwoorden", anchor=False)
    for vraag_id, waarde in stand.route:
        vraag = beleid.vraag(vraag_id)
        # One horizontal block, not st.columns: two elements fewer per answer (each costs server time).
        rij = st.container(horizontal=True, vertical_alignment="center")
        rij.markdown(f"**{vraag.kort}**  \n{beleid.label(vraag_id, waarde)}", width="stretch")
        if rij.button(f"Wijzig: {vraag.kort.lower()}", key=f"wijzig-{vraag_id}"):
            naar(stand.wijzig_query(vraag_id))
    if st.button("Opnieuw beginnen"):
        naar(versie.query)


st.title("Keuzehulp", anchor=False)
# On the answer, the banner says whether *this* answer differs under the other decision.
toon_versiemelding(versie, "keuzehulp", stand.route_query(), stand.cellen if stand.beslissing else None)
if stand.genegeerd:
    st.info(f"Een deel van de link konden we niet gebruiken. Dat hebben we overgeslagen: {', '.join(stand.genegeerd)}.")

if stand.vraag is not None:
    vraag = beleid.vraag(stand.vraag)
    st.caption(stand.voortgang)
    if stand.wijzig is not None:
        if st.button("← Annuleren, terug naar uw antwoorden", type="tertiary"):
            naar(stand.query())
    elif (vorige := stand.vorige) is not None and st.button("← Vorige vraag", type="tertiary"):
        naar(vorige)
    with st.container(key="vraag"):
        st.header(vraag.tekst, anchor=False)
        waarden = [o.waarde for o in vraag.opties]
        huidig = stand.antwoorden.get(stand.vraag)
        with st.form(f"vraag-{stand.vraag}", border=False):
            keuze = st.radio(
                vraag.tekst,
                waarden,
                index=waarden.index(huidig) if huidig in waarden else None,
                format_func=lambda w: next(o.label for o in vraag.opties if o.waarde == w),
                captions=[o.uitleg or "" for o in vraag.opties],
                key=f"keuze-{stand.vraag}",
                label_visibility="collapsed",
            )
            # The help and the options' explanations are background or follow from the bericht: say which, once.
            soorten = [soort_tekst(vraag, beleid)] if vraag.hulp else []
            soorten += [soort_tekst(o, beleid) for o in vraag.opties if o.uitleg]
            hulp = [markdown_veilig(vraag.hulp)] if vraag.hulp else []
            hulp += [f"*{markdown_veilig(s)}*" for s in dict.fromkeys(soorten) if s]
            if hulp:
                st.caption("  \n".join(hulp))
            volgende = st.form_submit_button("Volgende", type="primary")
    if volgende:
        if keuze is None:
            st.error("Kies eerst een antwoord.")
        else:
            naar(stand.met_antwoord(stand.vraag, keuze))
    if st.session_state.pop(NA_ANTWOORD, False):
        focus_op_stap(f"{stand.voortgang}: {vraag.tekst}")

elif stand.beslissing is not None:
    # The outcome first (GOV.UK style); the answers it rests on, with change buttons, below it.
    with st.container(key="antwoord"):
        toon_beslissing(beleid, stand.beslissing, stand.cellen, versie.query)
    st.divider()
    toon_antwoorden()
    st.divider()
    deel_en_print(f"{(st.context.url or '').split('?')[0]}?{stand.link()}")
    if st.session_state.pop(NA_ANTWOORD, False):
        focus_op_stap("Het antwoord staat hieronder.")

if stand.vraag is not None and stand.route:
    st.divider()
    toon_antwoorden()

versie_en_disclaimer(beleid)
