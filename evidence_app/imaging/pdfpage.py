"""A PDF page as pixels, with redaction boxes burned in: for redacted exports, thumbnails and the viewer.

Boxes are in PDF points from the top-left corner of the page as displayed (its /Rotate and crop box applied),
which is how pdfium renders it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from PIL import Image, ImageDraw

from evidence_app.core.model import Redaction

MAX_SIDE_PX = 6000  # an oversized page (a poster, a CAD sheet) is rendered at most this large


def boxes_by_page(boxes: Iterable[Redaction]) -> dict[int, list[Redaction]]:
    """0-based page index → its boxes."""
    out: dict[int, list[Redaction]] = {}
    for box in boxes:
        out.setdefault((box.page or 1) - 1, []).append(box)
    return out


def render_page(document, index: int, scale: float, boxes: list[Redaction]) -> Image.Image:
    """Page `index` of an open pypdfium2 document at `scale` pixels per point, boxes burned in (RGB)."""
    page = document[index]
    try:
        width, height = page.get_size()
        scale = min(scale, MAX_SIDE_PX / max(width, height, 1))
        image = page.render(scale=scale, fill_color=(255, 255, 255, 255)).to_pil().convert("RGB")
    finally:
        page.close()
    if boxes:
        draw = ImageDraw.Draw(image)
        for box in boxes:
            # grown outwards to whole pixels: a box never leaves a sliver of what it covers
            draw.rectangle([math.floor(box.x * scale), math.floor(box.y * scale),
                            math.ceil((box.x + box.w) * scale) - 1, math.ceil((box.y + box.h) * scale) - 1],
                           fill=(0, 0, 0))
    return image
