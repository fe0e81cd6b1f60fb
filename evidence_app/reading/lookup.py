"""The one place the suggested redactions and the PDF text layer get an item's reading from the library.

The library stores readings per file hash (`Library.reading(sha256)`, None when the file was not read yet or
reading is off). Kept behind this function so the export and the CLI do not care how it is stored."""

from __future__ import annotations

from dataclasses import replace

from evidence_app.core.model import EvidenceItem
from evidence_app.reading.types import Box, Reading


def reading_of(library: object, item: EvidenceItem) -> Reading | None:
    """What was read from the item's file, or None (not read yet, nothing stored, or reading off)."""
    fn = getattr(library, "reading", None)
    reading = fn(item.sha256) if fn is not None else None
    if reading is None or not (item.width and item.height and reading.width and reading.height):
        return reading
    if (reading.width, reading.height) == (item.width, item.height):
        return reading
    # read from a differently sized decode: boxes must be in the item's pixels, like its redactions
    sx, sy = item.width / reading.width, item.height / reading.height
    if abs(sx / sy - 1) > 0.02:
        return None  # not the same picture's shape (orientation not applied?): no box of it can be trusted

    def fit(box: Box) -> Box:
        return box[0] * sx, box[1] * sy, box[2] * sx, box[3] * sy

    return replace(reading, width=item.width, height=item.height,
                   lines=tuple(replace(line, box=fit(line.box)) if line.page == 1 else line for line in reading.lines),
                   codes=tuple(replace(code, box=fit(code.box)) if code.page == 1 else code for code in reading.codes))


def reading_off(library: object) -> bool:
    """True when this installation cannot read files at all (the OCR engine is not installed)."""
    fn = getattr(library, "reading_off", None)
    if fn is not None:
        return bool(fn() if callable(fn) else fn)
    from evidence_app.reading import engine

    return not engine.has_ocr()  # suggestions need the text: barcodes alone do not find names or numbers
