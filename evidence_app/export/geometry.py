"""The bundle's page geometry (A4, margins, the picture slot), light enough for a command to size its image jobs
before reportlab's layout modules are loaded (export/ahead.py)."""

from __future__ import annotations

from reportlab.lib.pagesizes import A4

PAGE_W, PAGE_H = A4
MARGIN = 36.0
BAND_H = 30.0
FOOTER_Y = 22.0
HEADER_TOP = PAGE_H - MARGIN
META_H = 40.0  # caption + meta lines under the band
SLOT_X = MARGIN
SLOT_W = PAGE_W - 2 * MARGIN
SLOT_BOTTOM = 46.0
SLOT_TOP = HEADER_TOP - BAND_H - META_H
SLOT_H = SLOT_TOP - SLOT_BOTTOM


def slot_pixels(dpi: int) -> tuple[int, int]:
    return round(SLOT_W / 72 * dpi), round(SLOT_H / 72 * dpi)
