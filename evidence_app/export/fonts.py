"""The shipped Chinese font, registered once with reportlab (embedded as a subset in every PDF)."""

from __future__ import annotations

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


def register() -> str:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, font_path(), subfontIndex=0))
    return FONT
