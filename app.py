"""Entry point; the pages follow in the app issue."""

import streamlit as st

st.title("Toegangswijzer examenproducten")
