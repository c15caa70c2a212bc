"""The production configuration keeps its safety settings (privacy, XSRF, no error details, no uploads)."""

from __future__ import annotations

import tomllib
from pathlib import Path

CONFIG = tomllib.loads((Path(__file__).parent.parent / ".streamlit" / "config.toml").read_text(encoding="utf-8"))


def test_no_usage_statistics() -> None:
    assert CONFIG["browser"]["gatherUsageStats"] is False


def test_xsrf_on_and_headless() -> None:
    assert CONFIG["server"]["enableXsrfProtection"] is True
    assert CONFIG["server"]["headless"] is True


def test_visitors_see_no_error_details_and_viewer_toolbar() -> None:
    assert CONFIG["client"]["showErrorDetails"] == "none"
    assert CONFIG["client"]["toolbarMode"] == "viewer"


def test_no_uploads_and_no_dev_conveniences() -> None:
    assert CONFIG["server"]["maxUploadSize"] <= 1
    assert CONFIG["server"]["runOnSave"] is False
    assert CONFIG["server"]["fileWatcherType"] == "none"


def test_per_session_costs_stay_off() -> None:
    """The setting that makes a whole hall opening the app at once fast (issue 6); the file watcher is above."""
    assert CONFIG["runner"]["postScriptGC"] is False
