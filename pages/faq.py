"""Veelgestelde vragen: every FAQ entry from policy, by theme, with a group filter and a search for a typed question.

The filter lives in the URL (?zoek=...&groep=isk) so it can be shared. Whatever the URL or the search
box holds is only compared, never written to the page.
"""

import streamlit as st

from policy.models import FaqVraag
from views import wizard, zoeken
from views.beslissing import citaten
from views.layout import kies_besluit, toon_versiemelding, versie_en_disclaimer
from views.paginas import pagina
from views.teksten import markdown_veilig, soort_tekst

versie = kies_besluit()
beleid = versie.beleid
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
        {
            **zoeken.filter_querystring(st.session_state[ZOEK_SLEUTEL], st.session_state[GROEP_SLEUTEL]),
            **versie.query,
        }
    )


st.title("Veelgestelde vragen", anchor=False)
toon_versiemelding(versie, "faq", zoeken.filter_querystring(url_filter.zoek, url_filter.groepen))
st.markdown(
    "Hier vindt u antwoorden op vragen over het besluit. Bij elk antwoord staat waar het vandaan komt. "
    "Staat het in het bericht over het besluit, of volgt het eruit? Dan staan de zinnen uit het bericht erbij. "
    "Is het achtergrond? Dan staat de bron erbij."
)
if url_filter.genegeerd:
    st.info("Een deel van de link konden we niet gebruiken. Dat hebben we overgeslagen.")

st.text_input(
    "Typ uw vraag",
    key=ZOEK_SLEUTEL,
    max_chars=zoeken.MAX_ZOEK,
    placeholder="Bijvoorbeeld: mag een ISK een rekenexamen op niveau 2 doen?",
    help=(
        "Typ een vraag of een paar woorden. De vragen die het best passen, staan bovenaan. "
        "Hoofdletters en accenten tellen niet mee."
    ),
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


def toon_vraag(vraag: FaqVraag, open_: bool) -> None:
    """One entry: the answer, its kind, its quotes (background has none), the keuzehulp cell and its terms."""
    with st.expander(markdown_veilig(vraag.vraag), expanded=open_):
        st.markdown(vraag.antwoord)
        st.caption(markdown_veilig(soort_tekst(vraag, beleid)))
        if vraag.bronnen:
            st.markdown("**Waar staat dit in het bericht?**")
            citaten(beleid, vraag.bronnen, versie.query)
        if vraag.cel is not None:
            st.page_link(
                pagina("keuzehulp"),
                label="Bekijk dit in de keuzehulp",
                icon=":material/help:",
                query_params=wizard.cel_query(vraag.cel, beleid),
            )
        uitleg = [begrippen[b] for b in vraag.begrippen if b in begrippen]
        if uitleg:
            st.markdown(
                "**Begrippen**\n"
                + "\n".join(f"- **{markdown_veilig(b.term)}**: {markdown_veilig(b.uitleg)}" for b in uitleg)
            )
            st.page_link(
                pagina("begrippen"), label="Alle begrippen", icon=":material/menu_book:", query_params=versie.query
            )


gekozen = st.session_state[GROEP_SLEUTEL] or []
uitkomst = zoeken.zoek_faq(beleid, gekozen, st.session_state[ZOEK_SLEUTEL])

if not uitkomst.gevonden:
    st.warning(
        "**Geen vragen gevonden.** Geen vraag past bij deze woorden. Probeer andere woorden, "
        "of kies een andere groep. Of gebruik de keuzehulp: die stelt u een paar vragen en geeft dan het antwoord."
    )
    st.page_link(pagina("keuzehulp"), label="Naar de keuzehulp", icon=":material/help:", query_params=versie.query)
    if uitkomst.dichtbij:
        st.header("Bedoelt u een van deze vragen?", anchor=False)
        for vraag in uitkomst.dichtbij:
            toon_vraag(vraag, open_=False)
elif uitkomst.gezocht:
    aantal = len(uitkomst.gevonden)
    st.caption(
        "1 vraag past bij uw zoekvraag."
        if aantal == 1
        else f"{aantal} vragen passen bij uw zoekvraag. De vraag die het best past, staat bovenaan."
    )
    for plek, vraag in enumerate(uitkomst.gevonden):
        toon_vraag(vraag, open_=plek == 0)
else:
    aantal = len(uitkomst.gevonden)
    st.caption(f"{aantal} van de {len(beleid.faq)} vragen" if gekozen else f"{aantal} vragen")
    for thema, vragen in zoeken.per_thema(beleid.themas, uitkomst.gevonden):
        st.header(thema.titel, anchor=False)
        for vraag in vragen:
            toon_vraag(vraag, open_=False)

versie_en_disclaimer(beleid)
