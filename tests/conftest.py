import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
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
