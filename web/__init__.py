"""HTTP front ends next to the Streamlit app: the light edition (and its static export)."""
