"""Redacted PDF pages: rendered to pixels with the boxes burned in, so no text, vector or image under a box
survives (a black rectangle drawn over vector text leaves the text in the file, for anyone to copy).

Boxes are in PDF points from the top-left corner of the page as displayed (its /Rotate and crop box applied),
which is what pdfium renders. Pages without boxes are not touched here: they stay vector in the bundle.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from evidence_app.core.model import Redaction
from evidence_app.imaging.pdfpage import boxes_by_page, render_page
from evidence_app.imaging.prepare import Prepared, _encode


def render_redacted_pages(source: Path, boxes: Iterable[Redaction], dpi: int, out_stem: str) -> dict[int, Prepared]:
    """Every page of the PDF `source` that has boxes, as an image file at `dpi`: 0-based page index → image."""
    import pypdfium2 as pdfium

    pages = boxes_by_page(boxes)
    out: dict[int, Prepared] = {}
    if not pages:
        return out
    from evidence_app.imaging.pdfium_lock import PDFIUM

    with PDFIUM:
        document = pdfium.PdfDocument(str(source), password="")
    try:
        for index, page_boxes in sorted(pages.items()):
            with PDFIUM:
                if not 0 <= index < len(document):
                    continue
                image = render_page(document, index, dpi / 72, page_boxes)
            # the text-friendly choice: PNG or high-quality JPEG, whichever is smaller
            out[index] = _encode(image, f"{out_stem}_p{index + 1}", 90, lossless=True)
    finally:
        with PDFIUM:
            document.close()
    return out
