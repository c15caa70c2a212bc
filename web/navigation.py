"""The Streamlit script that `app.py` serves: page set-up and the navigation over pages/.

It lives in web/, not next to pages/: Streamlit switches to its legacy multipage mode when the main
script has a `pages/` folder beside it (docs/adr/0001-streamlit-run-app-py.md). Page paths are
therefore absolute (views/paginas.py).
"""

from pathlib import Path

import streamlit as st

from views.layout import gedeelde_opmaak
from views.paginas import pagina

ICON = Path(__file__).resolve().parent / "static" / "icoon.svg"  # shipped: no request to a font server

st.set_page_config(page_title="Toegangswijzer examenproducten", page_icon=ICON, layout="centered")

PAGINAS = [
    st.Page(pagina("start"), title="Start", icon=":material/home:", default=True),  # served at /
    st.Page(pagina("keuzehulp"), title="Keuzehulp", icon=":material/help:", url_path="keuzehulp"),
    st.Page(pagina("matrix"), title="Overzicht (matrix)", icon=":material/table_chart:", url_path="matrix"),
    st.Page(pagina("faq"), title="Veelgestelde vragen", icon=":material/forum:", url_path="faq"),
    st.Page(pagina("begrippen"), title="Begrippen", icon=":material/menu_book:", url_path="begrippen"),
    st.Page(pagina("besluit"), title="Bericht over het besluit", icon=":material/description:", url_path="besluit"),
    st.Page(pagina("presentatie"), title="Presentatie", icon=":material/slideshow:", url_path="presentatie"),
    st.Page(pagina("wat_als"), title="Wat als (scenario)", icon=":material/compare_arrows:", url_path="wat-als"),
    st.Page(pagina("versies"), title="Versies van het besluit", icon=":material/history:", url_path="versies"),
    st.Page(pagina("over"), title="Toegankelijkheid en privacy", icon=":material/accessibility:", url_path="over"),
]

gedeelde_opmaak()
st.navigation(PAGINAS).run()
