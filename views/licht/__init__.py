"""The light edition: the same answers as plain server-rendered HTML (Jinja2), without any script."""
