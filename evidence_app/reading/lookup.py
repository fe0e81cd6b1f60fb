"""The one place the suggested redactions and the PDF text layer get an item's reading from the library.

The library stores readings per file hash (`Library.reading(sha256)`, None when the file was not read yet or
reading is off). Kept behind this function so the export and the CLI do not care how it is stored."""

from __future__ import annotations

import importlib.util

from evidence_app.core.model import EvidenceItem
from evidence_app.reading.types import Reading


def reading_of(library: object, item: EvidenceItem) -> Reading | None:
    """What was read from the item's file, or None (not read yet, nothing stored, or reading off)."""
    fn = getattr(library, "reading", None)
    return fn(item.sha256) if fn is not None else None


def reading_off(library: object) -> bool:
    """True when this installation cannot read files at all (the OCR engine is not installed)."""
    fn = getattr(library, "reading_off", None)
    if fn is not None:
        return bool(fn() if callable(fn) else fn)
    return importlib.util.find_spec("rapidocr") is None
