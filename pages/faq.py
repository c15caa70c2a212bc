"""Veelgestelde vragen: every FAQ entry from policy, by theme, with a group filter and a search box.

The filter lives in the URL (?zoek=...&groep=isk) so it can be shared. Whatever the URL or the search
box holds is only compared, never written to the page.
"""

import streamlit as st

from policy import load_policy
from views import wizard, zoeken
from views.beslissing import citaten
from views.layout import versie_en_disclaimer
from views.teksten import markdown_veilig

beleid = load_policy()
GROEPEN = zoeken.faq_doelgroepen(beleid)
ZOEK_SLEUTEL = "faq-zoek"
GROEP_SLEUTEL = "faq-groepen"
begrippen = {b.id: b for b in beleid.begrippen}

url_filter = zoeken.lees_filter(st.query_params.to_dict(), GROEPEN)
if ZOEK_SLEUTEL not in st.session_state:
    st.session_state[ZOEK_SLEUTEL] = url_filter.zoek
if GROEP_SLEUTEL not in st.session_state:
    st.session_state[GROEP_SLEUTEL] = list(url_filter.groepen)


def filter_naar_url() -> None:
    """Keep the URL in step with the filter, so the address can be shared."""
    st.query_params.from_dict(
        zoeken.filter_querystring(st.session_state[ZOEK_SLEUTEL], st.session_state[GROEP_SLEUTEL])
    )


st.title("Veelgestelde vragen")
st.markdown(
    "Hier vindt u antwoorden op vragen over het besluit. Bij elk antwoord staat de zin uit het besluit waarop het rust."
)
if url_filter.genegeerd:
    st.info("Een deel van de link konden we niet gebruiken. Dat hebben we overgeslagen.")

st.text_input(
    "Zoek in de vragen",
    key=ZOEK_SLEUTEL,
    max_chars=zoeken.MAX_ZOEK,
    placeholder="Bijvoorbeeld: Entree, formatief, extraneus",
    help="U zoekt in de vragen, de antwoorden en de zinnen uit het besluit. Hoofdletters en accenten tellen niet mee.",
    on_change=filter_naar_url,
)
st.pills(
    "Voor welke groep?",
    GROEPEN,
    selection_mode="multi",
    key=GROEP_SLEUTEL,
    format_func=lambda d: beleid.label("doelgroep", d),
    help="Kies geen groep om alle vragen te zien.",
    on_change=filter_naar_url,
)

zoek = zoeken.lees_zoekterm(st.session_state[ZOEK_SLEUTEL])
gekozen = st.session_state[GROEP_SLEUTEL] or []
gevonden = zoeken.filter_faq(beleid.faq, gekozen, zoek)
gefilterd = bool(zoek) or bool(gekozen)

if not gevonden:
    st.warning(
        "**Geen vragen gevonden.** Probeer een ander of korter zoekwoord, of kies een andere groep. "
        "U kunt ook de keuzehulp gebruiken."
    )
    st.page_link("pages/keuzehulp.py", label="Naar de keuzehulp", icon=":material/help:")
else:
    st.caption(f"{len(gevonden)} van de {len(beleid.faq)} vragen" if gefilterd else f"{len(beleid.faq)} vragen")

for thema, vragen in zoeken.per_thema(beleid.themas, gevonden):
    st.header(thema.titel, anchor=f"thema-{thema.id}")
    for vraag in vragen:
        with st.expander(markdown_veilig(vraag.vraag), expanded=bool(zoek)):
            st.markdown(vraag.antwoord)
            st.markdown("**Waar staat dit in het besluit?**")
            citaten(beleid, vraag.bronnen)
            if vraag.cel is not None:
                st.page_link(
                    "pages/keuzehulp.py",
                    label="Bekijk dit in de keuzehulp",
                    icon=":material/help:",
                    query_params=wizard.cel_query(vraag.cel),
                )
            uitleg = [begrippen[b] for b in vraag.begrippen if b in begrippen]
            if uitleg:
                st.markdown(
                    "**Begrippen**\n"
                    + "\n".join(f"- **{markdown_veilig(b.term)}**: {markdown_veilig(b.uitleg)}" for b in uitleg)
                )
                st.page_link("pages/begrippen.py", label="Alle begrippen", icon=":material/menu_book:")

versie_en_disclaimer(beleid)
