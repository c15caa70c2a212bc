"""Begrippen: the glossary, alphabetical, each entry with its kind (from the bericht or background with its
source) and 'zie ook' links within the page."""

import streamlit as st

from policy import Basis
from views import zoeken
from views.beslissing import citaten
from views.layout import kies_besluit, toon_versiemelding, versie_en_disclaimer
from views.teksten import begrippen_uitleg, markdown_veilig, soort_tekst

versie = kies_besluit()
beleid = versie.beleid
alle = {b.id: b for b in beleid.begrippen}

st.title("Begrippen", anchor=False)
toon_versiemelding(versie, "begrippen")
st.markdown(markdown_veilig(begrippen_uitleg(beleid)))
zoek = zoeken.lees_zoekterm(
    st.text_input("Zoek een begrip", max_chars=zoeken.MAX_ZOEK, placeholder="Bijvoorbeeld: extraneus")
)
getoond = zoeken.zoek_begrippen(beleid.begrippen, zoek)
zichtbaar = {b.id for b in getoond}

if not getoond:
    st.warning("**Geen begrippen gevonden.** Probeer een ander of korter woord.")
elif zoek:
    st.caption(f"{len(getoond)} van de {len(alle)} begrippen")

for begrip in getoond:
    st.header(begrip.term, anchor=zoeken.begrip_anker(begrip.id))
    st.markdown(markdown_veilig(begrip.uitleg))
    st.caption(markdown_veilig(soort_tekst(begrip, beleid)))
    if begrip.basis is not Basis.achtergrond:
        citaten(beleid, begrip.bronnen, versie.query)
    zie_ook = [alle[z] for z in begrip.zie_ook if z in alle]
    if zie_ook:
        links = [
            f"[{markdown_veilig(z.term)}](#{zoeken.begrip_anker(z.id)})"
            if z.id in zichtbaar
            else markdown_veilig(z.term)
            for z in zie_ook
        ]
        st.markdown(f"Zie ook: {', '.join(links)}")

versie_en_disclaimer(beleid)
