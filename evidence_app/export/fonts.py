"""The shipped Chinese font, registered once with reportlab (embedded as a subset in every PDF)."""

from __future__ import annotations

import threading
from collections.abc import Callable

from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from evidence_app.paths import resources_dir

FONT = "WQYMicroHei"
FONT_FILE = "wqy-microhei.ttc"

rl_config.useA85 = 0  # binary streams: ASCII85 would make every image a quarter larger
rl_config.invariant = 0


def font_path() -> str:
    return str(resources_dir() / "fonts" / FONT_FILE)


_lock = threading.Lock()


def register() -> str:
    with _lock:  # the export dialog warms it in a thread; an export may ask at the same moment
        if FONT not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(FONT, font_path(), subfontIndex=0))
    return FONT


def _warm(first: Callable[[], object] | None = None) -> None:
    if first is not None:
        try:
            first()
        except Exception:  # noqa: BLE001 - a head start only: the export does the work itself if this failed
            pass
    import evidence_app.export.bundle  # noqa: F401 - reportlab's layout modules
    import evidence_app.export.pdfsafe  # noqa: F401 - pypdf, loaded by an export only to merge PDF evidence

    register()


def warm_in_background(first: Callable[[], object] | None = None) -> threading.Thread:
    """Parse the font (5 MB, 0.15-0.25 s) and import what an export uses while the agent reads the export
    dialog, so the Export click does not wait for them; `first` runs before (the dialog: hand the pictures to
    the workers)."""
    thread = threading.Thread(target=_warm, args=(first,), name="export-warm", daemon=True)
    thread.start()
    return thread
