"""Video exhibits in the bundle: the key frames decoded from the untouched video, prepared like photos (redaction
boxes burned in, metadata-free JPEGs), laid out in a grid under the exhibit band, each with its timecode and
caption. The upload pack cuts the same cells out as numbered images."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from evidence_app.core.model import EvidenceItem, KeyFrame, Redaction
from evidence_app.export import pages as P
from evidence_app.imaging.prepare import ImageJob, Prepared
from evidence_app.imaging.video import CODECS, frames_at, timecode
from evidence_app.reading.types import Code, Line, Reading

GAP = 12.0
TEXT_H = 30.0  # timecode and caption under each frame
SHA_H = 12.0  # the full SHA-256 line a video's band carries, above the grid
PER_PAGE = 6


@dataclass
class FrameCell:
    frame: KeyFrame
    image: Prepared | None
    x: float  # the cell, in PDF points (origin bottom-left)
    y: float
    w: float
    h: float


def layout(item: EvidenceItem) -> tuple[int, int]:
    """(columns, rows) of a grid page: portrait videos three across, landscape two across."""
    portrait = (item.height or 0) > (item.width or 0)
    return (3, 2) if portrait else (2, 3)


def cell_size(item: EvidenceItem) -> tuple[float, float]:
    cols, rows = layout(item)
    width = (P.SLOT_W - GAP * (cols - 1)) / cols
    height = (P.SLOT_H - SHA_H - GAP * (rows - 1)) / rows
    return width, height


def chunks(item: EvidenceItem) -> list[list[int]]:
    """Indexes of the key frames on each grid page (at least one page, even without frames)."""
    count = len(item.frames)
    return [list(range(start, min(count, start + PER_PAGE))) for start in range(0, count, PER_PAGE)] or [[]]


def video_jobs(item: EvidenceItem, source: Path, dpi: int, quality: int, folder: Path) -> dict[tuple[int, int], ImageJob]:
    """Decode every key frame of `item` (upright, full size) to a lossless file in `folder`, and describe how each
    becomes a cell's picture: boxes burned in before scaling, like a photo's."""
    if not item.frames:
        return {}
    cell_w, cell_h = cell_size(item)
    box_w, box_h = round(cell_w / 72 * dpi), round((cell_h - TEXT_H) / 72 * dpi)
    jobs = {}
    # decoded no larger than the cell needs (scaled while converting from YUV, the cheap place); the boxes,
    # in full-size pixels, are grown outwards to whole pixels of that size: nothing under them survives
    width, height = item.width or 1, item.height or 1
    if item.rotation in (90, 270):
        width, height = height, width
    fit = min(1.0, box_w / width, box_h / height)
    long_side = math.ceil(max(item.width or 1, item.height or 1) * fit) + 2
    pictures = frames_at(source, [f.t for f in item.frames], max_size=long_side)
    for index, (frame, picture) in enumerate(zip(item.frames, pictures)):
        factor = picture.width / (item.width or picture.width)
        path = folder / f"video{item.id}_{index}.bmp"
        picture.save(path, "BMP")  # lossless and fast to write; the prepared cell is the JPEG
        boxes = []
        for b in item.frame_boxes(frame):
            left, top = math.floor(b.x * factor), math.floor(b.y * factor)
            boxes.append((left, top, math.ceil((b.x + b.w) * factor) - left, math.ceil((b.y + b.h) * factor) - top))
        jobs[(item.id, index)] = ImageJob(
            source=str(path), media_type="video/frame", out_stem=str(folder / f"video{item.id}_{index}"),
            box_w=box_w, box_h=box_h, quality=quality, rotation=item.rotation, split=False,
            redactions=tuple(boxes))
    return jobs


def cells(item: EvidenceItem, indexes: list[int], images: dict[int, Prepared]) -> list[FrameCell]:
    cols, _rows = layout(item)
    cell_w, cell_h = cell_size(item)
    top = P.SLOT_TOP - SHA_H
    out = []
    for slot, index in enumerate(indexes):
        row, col = divmod(slot, cols)
        x = P.SLOT_X + col * (cell_w + GAP)
        y = top - (row + 1) * cell_h - row * GAP
        out.append(FrameCell(item.frames[index], images.get(index), x, y, cell_w, cell_h))
    return out


def video_meta(item: EvidenceItem) -> list[str]:
    """What the meta line says of a video: its file, duration, picture, codec and recording time."""
    meta = ["原文件 " + item.original_name, "时长 " + timecode(item.duration_s or 0)]
    if item.width and item.height:
        meta.append(f"{item.width}×{item.height}")
    if item.fps:
        meta.append(f"{item.fps:g} 帧/秒")
    if item.codec:
        meta.append(CODECS.get(item.codec, item.codec))
    if item.captured_at:
        meta.append("录制时间 " + item.captured_at.replace("T", " ")[:19])
    return meta


def draw_grid(c: Canvas, item: EvidenceItem, frame_cells: list[FrameCell], clip) -> None:
    """The SHA-256 line and the key-frame cells of one grid page."""
    font = P.register()
    c.setFont(font, 8)
    c.setFillColor(P.GREY)
    c.drawString(P.MARGIN, P.SLOT_TOP - SHA_H + 3, "SHA-256 " + item.sha256)
    if not frame_cells:
        c.setFont(font, 11)
        c.setFillColor(P.INK)
        c.drawString(P.MARGIN, P.SLOT_TOP - SHA_H - 30, "(未选取关键帧)")
        return
    for cell in frame_cells:
        if cell.image is not None:
            img = cell.image
            x, y, w, h = image_rect(cell)
            c.drawImage(img.path, x, y, w, h)
            c.setStrokeColor(P.RULE)
            c.rect(x, y, w, h, stroke=1, fill=0)
            text_top = y - 12
        else:
            text_top = cell.y + TEXT_H - 12
        c.setFillColor(P.INK)
        c.setFont(font, 9.5)
        stamp = timecode(cell.frame.t)
        c.drawString(cell.x, text_top, stamp)
        caption = cell.frame.caption
        if caption:  # after the timecode, and on a second line when it is long; the rest is clipped
            left = cell.x + c.stringWidth(stamp + "  ", font, 9.5)
            room = cell.x + cell.w - left
            cut = len(caption)
            while cut > 0 and c.stringWidth(caption[:cut], font, 9.5) > room:
                cut -= 1
            c.drawString(left, text_top, caption[:cut])
            if cut < len(caption):
                c.drawString(cell.x, text_top - 12, clip(c, caption[cut:].lstrip(), cell.w, 9.5))


def image_rect(cell: FrameCell) -> tuple[float, float, float, float]:
    """Where the cell's picture is drawn: (x, y, w, h) in points (origin bottom-left)."""
    assert cell.image is not None
    image_h = cell.h - TEXT_H
    scale = min(cell.w / cell.image.width, image_h / cell.image.height)
    w, h = cell.image.width * scale, cell.image.height * scale
    return cell.x + (cell.w - w) / 2, cell.y + TEXT_H + (image_h - h), w, h


def frame_reading(item: EvidenceItem, cell: FrameCell, reading: Reading) -> tuple[Reading, list[Redaction]] | None:
    """What was read on the cell's key frame, and the frame's redaction boxes, in the pixels the cell's picture was
    decoded at (its SliceFrame's), as the text layer needs them; None when the reading does not cover that frame
    (read at other key frames: no text rather than the wrong text)."""
    ms = cell.frame.ms
    if cell.image is None or cell.image.frame is None or not reading.width or ms not in reading.frames:
        return None
    factor = cell.image.frame.crop[2] / reading.width  # the decoded picture's width over the full frame's

    def scaled(box: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
        return (box[0] * factor, box[1] * factor, box[2] * factor, box[3] * factor)

    on_frame = Reading(reading.engine, round(reading.width * factor), round(reading.height * factor),
                       lines=tuple(Line(x.text, scaled(x.box), x.score, 1) for x in reading.lines if x.page == ms),
                       codes=tuple(Code(x.format, x.text, scaled(x.box), 1) for x in reading.codes if x.page == ms))
    boxes = []
    for b in item.frame_boxes(cell.frame):  # grown outwards to whole pixels, as burned in (video_jobs)
        left, top = math.floor(b.x * factor), math.floor(b.y * factor)
        boxes.append(Redaction(left, top, math.ceil((b.x + b.w) * factor) - left,
                               math.ceil((b.y + b.h) * factor) - top))
    return on_frame, boxes


def cell_box(cell: FrameCell) -> tuple[float, float, float, float]:
    """The cell's (left, top, right, bottom) in points from the page's top-left corner (for the upload pack)."""
    # from just above the picture (the SHA-256 line sits right over the first row) to below the caption
    return cell.x - 4, P.PAGE_H - (cell.y + cell.h) - 1, cell.x + cell.w + 4, P.PAGE_H - cell.y + 2
