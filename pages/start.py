"""Start: what was decided, by whom and when; the three groups at a glance; the way in."""

import streamlit as st

from policy import Doelgroep, load_policy
from views.layout import versie_en_disclaimer
from views.paginas import pagina
from views.teksten import TOEGANG_LABEL, TOEGANG_SYMBOOL, producten

beleid = load_policy()
besluit = beleid.besluit

st.title("Toegangswijzer examenproducten")
st.markdown(" ".join(besluit.samenvatting))

st.markdown("### De drie groepen in het kort")
kolommen = st.columns(3)
for kolom, doelgroep in zip(kolommen, (Doelgroep.vmbo, Doelgroep.isk, Doelgroep.onderwijsroute), strict=True):
    # The group's own row of the matrix (candidates not enrolled in mbo), one line per rule.
    rij = [b for b in beleid.matrix(ingeschreven_in_mbo=False) if b.cel.doelgroep is doelgroep]
    with kolom.container(border=True):
        st.markdown(f"**{beleid.label('doelgroep', doelgroep)}**")
        for regel_id in dict.fromkeys(b.regel.id for b in rij):
            regel = beleid.regel(regel_id)
            cellen = [b.cel for b in rij if b.regel.id == regel_id]
            st.markdown(
                f"{TOEGANG_SYMBOOL[regel.toegang]} **{TOEGANG_LABEL[regel.toegang]}**: {producten(beleid, cellen)}"
            )
            st.caption(regel.samenvatting)

st.markdown("### Wat wilt u doen?")
for kolom, (doel, tekst, icoon) in zip(
    st.columns(3),
    [
        (pagina("keuzehulp"), "Beantwoord mijn vraag", ":material/help:"),
        (pagina("matrix"), "Bekijk het overzicht", ":material/table_chart:"),
        (pagina("faq"), "Lees de veelgestelde vragen", ":material/forum:"),
    ],
    strict=True,
):
    with kolom.container(border=True):
        st.page_link(doel, label=tekst, icon=icoon)

versie_en_disclaimer(beleid)
