"""Placeholder until this page is built."""

import streamlit as st

from policy import load_policy
from views.layout import versie_en_disclaimer

st.title("matrix")
versie_en_disclaimer(load_policy())
