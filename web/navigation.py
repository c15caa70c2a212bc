"""The Streamlit script that `app.py` serves: page set-up and the navigation over pages/.

It lives in web/, not next to pages/: Streamlit switches to its legacy multipage mode when the main
script has a `pages/` folder beside it (docs/adr/0001-streamlit-run-app-py.md). Page paths are
therefore absolute (views/paginas.py).
"""

from pathlib import Path

import streamlit as st

from views.layout import besluit_voor_menu, gedeelde_opmaak
from views.paginas import MENU, pagina
from views.teksten import bron_menu

ICON = Path(__file__).resolve().parent / "static" / "icoon.svg"  # shipped: no request to a font server

st.set_page_config(page_title="Toegangswijzer examenproducten", page_icon=ICON, layout="centered")

# A proposal's source is no bericht about a decision: the menu names the text of the version shown.
bron = bron_menu(besluit_voor_menu())
PAGINAS = [
    st.Page(
        pagina(punt.naam),
        title=bron if punt.naam == "besluit" else punt.titel,
        icon=punt.icoon,
        **({"url_path": punt.pad} if punt.pad else {"default": True}),
    )
    for punt in MENU
]

gedeelde_opmaak()
st.navigation(PAGINAS).run()
