"""Where the app's shipped resources and the user's library live."""

from __future__ import annotations

import os
from pathlib import Path

_HERE = Path(__file__).resolve().parent


def resources_dir() -> Path:
    """The shipped `resources/` folder (beside the package in a source tree or a frozen layout)."""
    for candidate in (_HERE / "resources", _HERE.parent / "resources"):
        if (candidate / "kinds.toml").is_file():
            return candidate
    raise FileNotFoundError("resources folder not found next to the evidence_app package")


def default_data_dir() -> Path:
    """The library folder: $EVIDENCE_APP_DATA_DIR, else the per-user data dir."""
    env = os.environ.get("EVIDENCE_APP_DATA_DIR")
    if env:
        return Path(env)
    from platformdirs import user_data_dir

    return Path(user_data_dir("evidence_app", appauthor=False, roaming=False))
