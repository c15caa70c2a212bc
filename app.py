"""Toegangswijzer examenproducten: entry point. Declares the pages; each page file only renders."""

import streamlit as st

from policy import load_policy
from views.layout import gedeelde_opmaak

st.set_page_config(page_title="Toegangswijzer examenproducten", page_icon=":material/fact_check:", layout="centered")

PAGINAS = [
    st.Page("pages/start.py", title="Start", icon=":material/home:", default=True),  # served at /
    st.Page("pages/keuzehulp.py", title="Keuzehulp", icon=":material/help:", url_path="keuzehulp"),
    st.Page("pages/matrix.py", title="Overzicht (matrix)", icon=":material/table_chart:", url_path="matrix"),
    st.Page("pages/faq.py", title="Veelgestelde vragen", icon=":material/forum:", url_path="faq"),
    st.Page("pages/begrippen.py", title="Begrippen", icon=":material/menu_book:", url_path="begrippen"),
    st.Page("pages/besluit.py", title="Tekst van het besluit", icon=":material/description:", url_path="besluit"),
    st.Page("pages/presentatie.py", title="Presentatie", icon=":material/slideshow:", url_path="presentatie"),
    st.Page("pages/wat_als.py", title="Wat als (scenario)", icon=":material/compare_arrows:", url_path="wat-als"),
    st.Page("pages/over.py", title="Toegankelijkheid en privacy", icon=":material/accessibility:", url_path="over"),
]

load_policy()  # fail at start, not on a visitor's first click, if the policy is broken
gedeelde_opmaak()
st.navigation(PAGINAS).run()
