import os
import sys
from pathlib import Path

import pytest

# Offscreen, with a 1920x1200 screen (the default offscreen screen is 800x600, too small for the window).
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = "offscreen:configfile=" + str(Path(__file__).with_name("offscreen_screen.json"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


@pytest.fixture
def data_dir(tmp_path, monkeypatch) -> Path:
    """A fresh library folder; the environment points there so nothing touches the real user's data."""
    folder = tmp_path / "library"
    monkeypatch.setenv("EVIDENCE_APP_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def lib(data_dir):
    from evidence_app.storage.library import Library

    library = Library(data_dir)
    yield library
    library.close()


@pytest.fixture
def catalog():
    from evidence_app.core.catalog import load_catalog

    return load_catalog()
