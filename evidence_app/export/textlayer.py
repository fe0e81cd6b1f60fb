"""The invisible text layer of an image exhibit (like OCRmyPDF's sandwich): what was read from the picture,
drawn in text render mode 3 exactly over the words, so the reviewer can search and copy the tracking number
and the chat in the bundle.

Positions come from the reading (upright source pixels) and go through the item's crop, rotation, slicing and
downscale onto the image's rectangle on the page. What the export does not show contributes nothing: a line that
touches a redaction box is dropped whole (estimated character positions are not precise enough to keep its other
characters safely), lines outside the crop are dropped, characters cut by the crop's sides are dropped. Qt-free."""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from evidence_app.core.model import Redaction
from evidence_app.imaging.prepare import OVERLAP, SliceFrame
from evidence_app.reading.pii import char_units
from evidence_app.reading.types import Box, Reading

TOLERANCE = 0.15  # of a line's height: OCR boxes may reach a little beyond the glyphs


@dataclass(frozen=True)
class Placed:
    """A run of text to draw: its baseline start and direction on the page, its size and length in points."""

    text: str
    x: float
    y: float
    angle: int  # degrees counter-clockwise: 0, 90, 180, 270
    size: float  # font size giving the run its height
    length: float  # the run's length along its baseline


def _final_size(frame: SliceFrame) -> tuple[int, int]:
    _, _, cw, ch = frame.crop
    return (ch, cw) if frame.rotation in (90, 270) else (cw, ch)


def _to_final(frame: SliceFrame, x: float, y: float) -> tuple[float, float]:
    """Upright source pixels → pixels of the final (cropped, rotated) full-size picture."""
    cx, cy, cw, ch = frame.crop
    x, y = x - cx, y - cy
    if frame.rotation == 90:
        return ch - y, x
    if frame.rotation == 180:
        return cw - x, ch - y
    if frame.rotation == 270:
        return y, cw - x
    return x, y


def _owns(frame: SliceFrame, final_y: float) -> bool:
    """Slices overlap: each line is drawn once, in the slice whose own stretch (up to where the next one starts)
    holds its middle."""
    _, final_h = _final_size(frame)
    if frame.bottom >= final_h:
        return frame.top <= final_y <= final_h
    step = max(1, int((frame.bottom - frame.top) * (1 - OVERLAP)))
    return frame.top <= final_y < frame.top + step


def _hits(box: Box, redactions: Iterable[Redaction]) -> bool:
    x0, y0, x1, y1 = box
    return any(min(x1, r.x + r.w) > max(x0, r.x) and min(y1, r.y + r.h) > max(y0, r.y) for r in redactions)


def _visible_span(text: str, box: Box, crop: tuple[int, int, int, int]) -> tuple[int, int] | None:
    """The characters of a line that lie wholly inside the crop (None: none, or the line is cut vertically)."""
    x0, y0, x1, y1 = box
    cx, cy, cw, ch = crop
    slack = TOLERANCE * (y1 - y0)
    if y0 < cy - slack or y1 > cy + ch + slack:
        return None
    if x0 >= cx - slack and x1 <= cx + cw + slack:
        return 0, len(text)
    units = char_units(text)
    total = sum(units) or 1.0
    edges = [x0 + (x1 - x0) * sum(units[:i]) / total for i in range(len(text) + 1)]
    inside = [i for i in range(len(text)) if edges[i] >= cx and edges[i + 1] <= cx + cw]
    return (inside[0], inside[-1] + 1) if inside else None


def place(reading: Reading, frame: SliceFrame, redactions: Sequence[Redaction], rect: tuple[float, float, float, float],
          codes: bool = True) -> list[Placed]:
    """Where each visible line (and barcode text) of `reading` goes on a page where the slice described by `frame`
    is drawn in `rect` = (x, y, w, h) points (reportlab's bottom-left origin). `redactions`: the item's boxes."""
    boxes = [r for r in redactions if (r.page or 1) == frame.page]
    final_w, _ = _final_size(frame)
    rows = max(1, frame.bottom - frame.top)
    rx, ry, rw, rh = rect

    def to_page(x: float, y: float) -> tuple[float, float]:
        fx, fy = _to_final(frame, x, y)
        return rx + fx / final_w * rw, ry + rh - (fy - frame.top) / rows * rh

    items = [(line.text, line.box, False) for line in reading.lines if line.page == frame.page]
    if codes:  # a symbol is read whole or not at all: no part of its text for a part of it
        items += [(code.text, code.box, True) for code in reading.codes if code.page == frame.page]
    placed = []
    for text, box, whole in items:
        text = text.strip()
        if not text or _hits(box, boxes):
            continue
        span = _visible_span(text, box, frame.crop)
        if span is None or (whole and span != (0, len(text))):
            continue
        if span != (0, len(text)):
            units = char_units(text)
            total = sum(units) or 1.0
            width = box[2] - box[0]
            left = box[0] + width * sum(units[:span[0]]) / total
            right = box[0] + width * sum(units[:span[1]]) / total
            text, box = text[span[0]:span[1]], (left, box[1], right, box[3])
        x0, y0, x1, y1 = box
        if not _owns(frame, _to_final(frame, (x0 + x1) / 2, (y0 + y1) / 2)[1]):
            continue
        # the run's corners on the page: baseline start, baseline end, top start
        start, end, top = to_page(x0, y1), to_page(x1, y1), to_page(x0, y0)
        length = math.dist(start, end)
        height = math.dist(start, top)
        if length < 0.5 or height < 0.5:
            continue
        dx, dy = end[0] - start[0], end[1] - start[1]
        angle = round(math.degrees(math.atan2(dy, dx)) / 90) * 90 % 360
        text = "".join(ch for ch in text if unicodedata.category(ch)[0] != "C")  # no controls, no zero-widths
        if text.strip():
            placed.append(Placed(text, start[0], start[1], angle, height, length))
    return placed


def draw(c: Canvas, runs: Iterable[Placed], font: str) -> int:
    """Draw the runs as invisible text (render mode 3), each stretched to its length. Returns how many."""
    face = pdfmetrics.getFont(font).face
    ascent, descent = face.ascent / 1000, -face.descent / 1000  # descent as a positive fraction
    count = 0
    c.saveState()  # the render mode and horizontal scale are graphics state: nothing drawn after inherits them
    for run in runs:
        size = run.size / (ascent + descent)
        natural = pdfmetrics.stringWidth(run.text, font, size)
        if natural <= 0:
            continue
        cos, sin = {0: (1, 0), 90: (0, 1), 180: (-1, 0), 270: (0, -1)}[run.angle]
        # the baseline sits `descent` above the box's bottom edge, measured along the run's "up" direction
        bx, by = run.x - sin * descent * size, run.y + cos * descent * size
        text = c.beginText()
        text.setTextRenderMode(3)
        text.setFont(font, size)
        text.setHorizScale(100 * run.length / natural)
        text.setTextTransform(cos, sin, -sin, cos, bx, by)
        text.textOut(run.text)
        c.drawText(text)
        count += 1
    c.restoreState()
    return count
