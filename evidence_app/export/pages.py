"""Page furniture shared by the bundle's pages: sizes, styles, header band, footer, flowing text onto pages."""

from __future__ import annotations

from collections.abc import Callable

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Frame

from evidence_app.export.fonts import register
from evidence_app.export.geometry import (BAND_H, FOOTER_Y, HEADER_TOP, MARGIN, META_H, PAGE_H,  # noqa: F401
                                          PAGE_W, SLOT_BOTTOM, SLOT_H, SLOT_TOP, SLOT_W, SLOT_X, slot_pixels)

INK = colors.HexColor("#1f2937")
GREY = colors.HexColor("#6b7280")
BAND = colors.HexColor("#1e3a5f")
OK = colors.HexColor("#15803d")
BAD = colors.HexColor("#b91c1c")
WARN = colors.HexColor("#b45309")
RULE = colors.HexColor("#d1d5db")


def styles() -> dict[str, ParagraphStyle]:
    font = register()
    base = ParagraphStyle("base", fontName=font, fontSize=10, leading=15, textColor=INK, wordWrap="CJK")
    return {
        "base": base,
        "title": ParagraphStyle("title", base, fontSize=24, leading=32, spaceAfter=6),
        "subtitle": ParagraphStyle("subtitle", base, fontSize=14, leading=20, textColor=GREY, spaceAfter=14),
        "h2": ParagraphStyle("h2", base, fontSize=14, leading=20, spaceBefore=10, spaceAfter=6, textColor=BAND),
        "small": ParagraphStyle("small", base, fontSize=8.5, leading=12, textColor=GREY),
        "cell": ParagraphStyle("cell", base, fontSize=9.5, leading=13),
        "cell_small": ParagraphStyle("cell_small", base, fontSize=7.5, leading=10),
        "statement": ParagraphStyle("statement", base, fontSize=11, leading=18, borderPadding=8,
                                    backColor=colors.HexColor("#f3f4f6"), spaceBefore=4, spaceAfter=8),
    }


def footer(c: Canvas, page_no: int, total: int, order_no: str) -> None:
    c.saveState()
    c.setFont(register(), 8.5)
    c.setFillColor(GREY)
    c.drawCentredString(PAGE_W / 2, FOOTER_Y, f"第 {page_no} 页 / 共 {total} 页")
    if order_no:
        c.drawString(MARGIN, FOOTER_Y, f"订单号 {order_no}")
    c.setStrokeColor(RULE)
    c.line(MARGIN, FOOTER_Y + 12, PAGE_W - MARGIN, FOOTER_Y + 12)
    c.restoreState()


def header_band(c: Canvas, title: str, right: str = "") -> None:
    c.saveState()
    c.setFillColor(BAND)
    c.rect(MARGIN, HEADER_TOP - BAND_H, SLOT_W, BAND_H, stroke=0, fill=1)
    c.setFillColor(colors.white)
    c.setFont(register(), 14)
    c.drawString(MARGIN + 10, HEADER_TOP - BAND_H + 9, title)
    if right:
        c.setFont(register(), 10)
        c.drawRightString(PAGE_W - MARGIN - 10, HEADER_TOP - BAND_H + 10, right)
    c.restoreState()


def flow(c: Canvas, story: list, new_page: Callable[[], None], end_page: Callable[[], None]) -> int:
    """Draw flowables onto as many pages as they need, splitting tables and paragraphs across pages.
    Returns the number of pages used."""
    pages = 0
    story = list(story)
    while story:
        new_page()
        frame = Frame(MARGIN, SLOT_BOTTOM, SLOT_W, HEADER_TOP - SLOT_BOTTOM, leftPadding=0, rightPadding=0,
                      topPadding=0, bottomPadding=0, showBoundary=0)
        drawn = 0
        while story:
            if frame.add(story[0], c, trySplit=0):
                story.pop(0)
                drawn += 1
                continue
            parts = frame.split(story[0], c)
            if not parts or not frame.add(parts[0], c, trySplit=0):
                break  # the rest goes on the next page
            story[0:1] = parts[1:]
            drawn += 1
        pages += 1
        end_page()
        if not drawn and story:
            raise ValueError("a block of text is too large for one page")
    return pages
