"""Start: what was decided, by whom and when; the three groups at a glance; the way in."""

import streamlit as st

from policy import Doelgroep, load_policy
from views.layout import versie_en_disclaimer
from views.teksten import TOEGANG_LABEL, TOEGANG_SYMBOOL

beleid = load_policy()
besluit = beleid.besluit

st.title("Toegangswijzer examenproducten")
st.markdown(" ".join(besluit.samenvatting))

st.markdown("### De drie groepen in het kort")
kolommen = st.columns(3)
for kolom, doelgroep in zip(kolommen, (Doelgroep.vmbo, Doelgroep.isk, Doelgroep.onderwijsroute), strict=True):
    # The group's own row of the matrix, for candidates not enrolled in mbo.
    rij = [b for b in beleid.matrix(ingeschreven_in_mbo=False) if b.cel.doelgroep is doelgroep]
    regels = list(dict.fromkeys(b.regel.id for b in rij))
    with kolom.container(border=True):
        st.markdown(f"**{beleid.label('doelgroep', doelgroep)}**")
        for regel_id in regels:
            regel = beleid.regel(regel_id)
            st.markdown(f"{TOEGANG_SYMBOOL[regel.toegang]} **{TOEGANG_LABEL[regel.toegang]}**: {regel.samenvatting}")

st.markdown("### Wat wilt u doen?")
links, midden, rechts = st.columns(3)
links.page_link("pages/keuzehulp.py", label="Beantwoord mijn vraag", icon=":material/help:")
midden.page_link("pages/matrix.py", label="Bekijk het overzicht", icon=":material/table_chart:")
rechts.page_link("pages/faq.py", label="Lees de veelgestelde vragen", icon=":material/forum:")

versie_en_disclaimer(beleid)
