"""Toegankelijkheid en privacy: a short accessibility statement and what the app does (not) keep."""

import streamlit as st

from views.layout import kies_besluit, versie_en_disclaimer

# No policy on this page, only its footer: the version line of the decision the visitor is reading.
beleid = kies_besluit().beleid

st.title("Toegankelijkheid en privacy", anchor=False)

st.header("Toegankelijkheid", anchor="toegankelijkheid")
st.markdown(
    "Iedereen moet deze app kunnen gebruiken. Ook met alleen een toetsenbord, een schermlezer of een telefoon. "
    "We streven naar niveau AA van de WCAG 2.1. Waar het kan, streven we naar niveau AA van de WCAG 2.2. "
    "De WCAG is de internationale richtlijn voor toegankelijke websites."
)

st.subheader("Wat we testen", anchor="wat-we-testen")
st.markdown(
    "- We laten automatische controles (axe-core) lopen in een echte browser.\n"
    "- We lopen de app door met alleen een toetsenbord.\n"
    "- We bekijken elke pagina op de breedte van een telefoon en van een projector.\n"
    "- We controleren of de teksten eenvoudig zijn: taalniveau B1."
)

st.subheader("Wat nog niet goed werkt", anchor="bekende-beperkingen")
st.markdown(
    "- Een schermlezer leest van de grafiek in het overzicht (matrix) alleen de labels van de assen voor. "
    "Daarom staat naast de grafiek dezelfde informatie in een tabel.\n"
    "- Een deel van de opmaak maakt Streamlit, het programma waarmee de app is gebouwd. "
    "Die opmaak kunnen we niet altijd zelf aanpassen. Zo zijn een paar teksten van Streamlit Engels, "
    "zoals de eerste Tab-stop 'Skip to main content' en de knop 'Copy' "
    "(Streamlit kent nog geen vertalingen: github.com/streamlit/streamlit/issues/1353).\n"
    "- Op een telefoon is het menu een knop '»' zonder tekst. Het menu kan na het kiezen van een pagina "
    "open blijven over de pagina (github.com/streamlit/streamlit/issues/12065).\n"
    "- Wilt u dit allemaal niet? De lichte versie op /licht/ is gewone HTML zonder script. "
    "Daar zijn alle teksten Nederlands.\n"
    "- Wilt u de antwoorden in een eigen programma gebruiken? Dat kan met de JSON-API. "
    "Wat die kan, staat in de [beschrijving van de API](/api/v1/openapi.json) (OpenAPI)."
)

st.subheader("Een probleem melden", anchor="melden")
st.markdown(
    "Kunt u iets niet lezen of gebruiken? Meld het bij de mbo-instelling of de Coöperatie Examens MBO. "
    "Zeg op welke pagina het was en wat er misging."
)

st.header("Privacy", anchor="privacy")
st.markdown(
    "- De app bewaart geen persoonsgegevens.\n"
    "- De app volgt u niet en meet niet wat u doet. Er zijn geen statistieken of analyses.\n"
    "- Uw antwoorden staan alleen in het adres van de pagina (de URL). "
    "Deelt u de link, dan ziet de ander dezelfde antwoorden.\n"
    "- De app zet één cookie: een technische cookie van Streamlit tegen misbruik (XSRF). "
    "Daarin staat niets over u."
)

versie_en_disclaimer(beleid)
