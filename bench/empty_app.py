"""Reference app for the load benchmark: one page, one element, nothing else.

Its cost per session is Streamlit's own overhead; the real app is measured against it.
"""

import streamlit as st

st.write("leeg")
