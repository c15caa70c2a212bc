"""Rendering helpers shared by the pages. Everything they show comes from `policy/`."""
