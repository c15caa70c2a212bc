"""Begrippen: the glossary, alphabetical, with its background source and 'zie ook' links within the page."""

import streamlit as st

from policy import load_policy
from views import zoeken
from views.layout import versie_en_disclaimer
from views.teksten import markdown_veilig

beleid = load_policy()
alle = {b.id: b for b in beleid.begrippen}

st.title("Begrippen")
st.markdown(
    "Hier leggen we woorden uit die in het besluit en in deze app staan. "
    "Deze uitleg hoort niet bij het besluit zelf. Waar we een bron gebruiken, noemen we die."
)
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
    if begrip.toelichting_bron:
        bron = markdown_veilig(begrip.toelichting_bron)
        st.caption(f"Toelichting, geen onderdeel van het besluit. Bron: {bron}")
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
