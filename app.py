"""Toegangswijzer examenproducten: the server. `streamlit run app.py` (and `make run`) serve this.

The pages are declared in web/navigation.py; this file only adds what the server needs around them.
Why the script is not app.py itself: docs/adr/0001-streamlit-run-app-py.md.
"""

import streamlit as st

import web
from web.startup import lifespan, toon_fout

app = st.App(
    web.NAVIGATION,
    routes=web.routes(),
    middleware=web.middleware(),
    lifespan=lifespan,
    on_script_error=toon_fout,
)
