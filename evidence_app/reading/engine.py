"""The reading engines: RapidOCR (PP-OCR models on onnxruntime) for text, zxing-cpp for barcodes and QR codes.

Both are optional (the `read` extra): when neither imports, reading is "off" and everything else works. Qt-free;
`read_file` runs synchronously in the calling process (the GUI calls it in a worker process, see pool.py).

CPU and memory: one OCR engine per process, created on first use, with onnxruntime limited to a few threads;
detection sees the image scaled to at most DET_SIDE pixels on its long side, recognition crops the lines from an
image of at most MAX_SIDE (a 12-megapixel photo is not decoded into a 48-megapixel float array)."""

from __future__ import annotations

import importlib.util
import os
import sys
import threading
from functools import cache
from collections.abc import Sequence
from pathlib import Path

from PIL import Image, ImageOps

from evidence_app.reading.types import Code, Line, Reading

MAX_SIDE = 2600  # larger images are scaled down before reading (recognition needs ~30 px text height, not more)
DET_SIDE = 960  # text detection's input, long side (1280: ~0.3 s more per screenshot, no better on our set)
PDF_SCALE = 2.0  # PDF pages are rendered at 144 dpi; boxes are then given in points
PDF_MAX_PAGES = 10
VIDEO_MAX_FRAMES = 12  # a video's key frames read at most (OCR costs ~1 s a frame on two cores)
MIN_SCORE = 0.5


class ReadingOff(RuntimeError):
    """No reading engine is installed."""


@cache
def _has(module: str) -> bool:
    """Installed? Found without importing it: OpenCV and onnxruntime take a second and ~100 MB to import, which
    `list` or the window should not pay for; the reading process imports them."""
    if module in sys.modules:
        return sys.modules[module] is not None  # None: hidden on purpose (tests), as if not installed
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


def has_ocr() -> bool:
    return _has("rapidocr") and _has("onnxruntime")


def has_barcodes() -> bool:
    return _has("zxingcpp")


def available() -> bool:
    """Whether any engine is installed (otherwise reading is off)."""
    return has_ocr() or has_barcodes()


def reset() -> None:
    """Forget what was found installed (tests that hide an engine call this)."""
    _has.cache_clear()
    version.cache_clear()
    global _ocr
    _ocr = None


def _dist_version(name: str) -> str:
    from importlib import metadata  # here, not at the top: importing it cost the window's start-up 45 ms

    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "?"


@cache
def version() -> str:
    """The engines and their versions, stored with every reading: when it changes, files are read again."""
    parts = []
    if has_ocr():
        parts.append(f"rapidocr {_dist_version('rapidocr')}")
    if has_barcodes():
        parts.append(f"zxing-cpp {_dist_version('zxing-cpp')}")
    return "; ".join(parts) + (" (r1)" if parts else "")  # r1: our own pre/post-processing


def threads() -> int:
    """onnxruntime threads: EVIDENCE_APP_OCR_THREADS, else up to 2 (the app never takes every core of a PC)."""
    try:
        return max(1, int(os.environ.get("EVIDENCE_APP_OCR_THREADS", "")))
    except ValueError:
        return max(1, min(2, os.cpu_count() or 1))


_ocr = None
_ocr_lock = threading.Lock()


def _ocr_engine():
    global _ocr
    with _ocr_lock:
        if _ocr is None:
            import logging

            from rapidocr import RapidOCR

            logging.getLogger("RapidOCR").setLevel(logging.ERROR)
            n = threads()
            _ocr = RapidOCR(params={
                "Global.log_level": "error",
                "Global.use_cls": False,  # 180° line classification: screenshots and labels are upright
                "Global.max_side_len": MAX_SIDE,
                "Det.limit_type": "max",
                "Det.limit_side_len": DET_SIDE,
                "EngineConfig.onnxruntime.intra_op_num_threads": n,
                "EngineConfig.onnxruntime.inter_op_num_threads": 1,
            })
        return _ocr


def _box(points) -> tuple[float, float, float, float]:
    xs = [float(p[0]) for p in points]
    ys = [float(p[1]) for p in points]
    return (min(xs), min(ys), max(xs), max(ys))


def _ocr_lines(img: Image.Image, scale: float, page: int) -> list[Line]:
    import numpy as np

    result = _ocr_engine()(np.asarray(img.convert("RGB")))
    if result is None or getattr(result, "txts", None) is None or getattr(result, "boxes", None) is None:
        return []
    lines = []
    for points, text, score in zip(result.boxes, result.txts, result.scores):
        text = str(text).strip()
        if not text or float(score) < MIN_SCORE:
            continue
        x0, y0, x1, y1 = _box(points)
        lines.append(Line(text, (x0 / scale, y0 / scale, x1 / scale, y1 / scale), round(float(score), 3), page))
    lines.sort(key=lambda line: (line.box[1] // 8, line.box[0]))  # reading order: rows, then left to right
    return lines


def _codes(img: Image.Image, scale: float, page: int) -> list[Code]:
    import zxingcpp

    gray = img.convert("L")
    found = zxingcpp.read_barcodes(gray)
    if not found and max(gray.size) > 1400:  # a huge, noisy photo: zxing finds more at a moderate size
        small = gray.copy()
        small.thumbnail((1400, 1400))
        factor = small.width / gray.width
        found = [(b, factor) for b in zxingcpp.read_barcodes(small)]
    else:
        found = [(b, 1.0) for b in found]
    out, seen = [], set()
    for barcode, factor in found:
        text = barcode.text.strip()
        if not text or text in seen:
            continue
        seen.add(text)
        pos = barcode.position
        points = [(p.x, p.y) for p in (pos.top_left, pos.top_right, pos.bottom_right, pos.bottom_left)]
        x0, y0, x1, y1 = _box(points)
        k = factor * scale
        fmt = getattr(barcode.format, "name", None) or repr(barcode.format).split(".")[-1]
        out.append(Code(fmt, text, (x0 / k, y0 / k, x1 / k, y1 / k), page))
    return out


def red_stamp(img: Image.Image) -> bool:
    """A red round stamp: a compact blob of saturated red, roughly as wide as tall, a small part of the page."""
    small = img.convert("RGB")
    small.thumbnail((300, 300))
    r, g, b = small.split()
    mask = Image.eval(r, lambda v: 255 if v > 140 else 0)
    low_g = Image.eval(g, lambda v: 255 if v < 120 else 0)
    low_b = Image.eval(b, lambda v: 255 if v < 130 else 0)
    from PIL import ImageChops

    mask = ImageChops.multiply(ImageChops.multiply(mask, low_g), low_b)
    count = mask.histogram()[255]
    total = small.width * small.height
    if not total or not 0.004 * total <= count <= 0.2 * total:
        return False
    box = mask.getbbox()
    if box is None:
        return False
    w, h = box[2] - box[0], box[3] - box[1]
    fill = count / max(1, w * h)
    # one stamp: nearly square bounds, a ring plus text (not a solid block, not scattered red words)
    return 0.6 <= w / max(1, h) <= 1.6 and 0.08 <= fill <= 0.75 and max(w, h) <= 0.7 * max(small.size)


def read_image(img: Image.Image, page: int = 1, scale: float = 1.0) -> tuple[list[Line], list[Code]]:
    """Lines and codes of one upright image; boxes divided by `scale` (the image's size over the target space's)."""
    if not available():
        raise ReadingOff("no reading engine is installed")
    if max(img.size) > MAX_SIDE:
        factor = MAX_SIDE / max(img.size)
        img = img.resize((max(1, round(img.width * factor)), max(1, round(img.height * factor))),
                         Image.Resampling.BILINEAR)
        scale *= factor
    if img.mode not in ("RGB", "L"):
        background = Image.new("RGB", img.size, "white")
        background.paste(img.convert("RGBA"), mask=img.convert("RGBA").getchannel("A"))
        img = background
    codes = _codes(img, scale, page) if has_barcodes() else []
    lines = _ocr_lines(img, scale, page) if has_ocr() else []
    return lines, codes


def read_file(path: Path, mime: str, frames: Sequence[int] = ()) -> Reading:
    """Read a stored file (image, PDF or video) synchronously. Raises ReadingOff when no engine is installed, and
    the usual errors for a file that cannot be decoded. `frames`: a video's key frame times in milliseconds (the
    items' key frames); none: the moments `propose_key_frames` picks, as at import."""
    if not available():
        raise ReadingOff("no reading engine is installed")
    path = Path(path)
    if mime == "application/pdf" or path.suffix.lower() == ".pdf":
        return _read_pdf(path)
    if mime.startswith("video/"):
        return _read_video(path, frames)
    from evidence_app.imaging.probe import ensure_heif

    ensure_heif()
    with Image.open(path) as opened:
        try:
            orientation = opened.getexif().get(0x0112, 1)
        except Exception:  # noqa: BLE001 - broken EXIF: as stored
            orientation = 1
        width, height = opened.size
        if orientation in (5, 6, 7, 8):
            width, height = height, width
        if opened.format == "JPEG":
            opened.draft("RGB", (MAX_SIDE, MAX_SIDE))  # decode a 12 MP photo at a reduced size straight away
        img = ImageOps.exif_transpose(opened)
        lines, codes = read_image(img, 1, img.width / width if width else 1.0)
        marks = ("red_stamp",) if red_stamp(img) else ()
    return Reading(engine=version(), width=width, height=height, lines=tuple(lines), codes=tuple(codes),
                   marks=marks)


def _text_layer(page, number: int) -> list[Line]:
    """The lines of a page's own text layer (PDF points from the top-left, as displayed), [] when it has
    (almost) none: a scan, whose text only OCR can read."""
    try:
        textpage = page.get_textpage()
    except Exception:  # noqa: BLE001 - no text layer to speak of: OCR it
        return []
    try:
        if textpage.count_chars() < 20:
            return []
        page_height = page.get_height()
        lines = []
        for i in range(textpage.count_rects()):
            left, bottom, right, top = textpage.get_rect(i)
            text = textpage.get_text_bounded(left, bottom, right, top).strip()
            if text:
                lines.append(Line(text, (left, page_height - top, right, page_height - bottom), 1.0, number))
        lines.sort(key=lambda line: (line.box[1] // 4, line.box[0]))
        return lines
    finally:
        textpage.close()


def _read_pdf(path: Path) -> Reading:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(path))
    try:
        lines: list[Line] = []
        codes: list[Code] = []
        marks: tuple[str, ...] = ()
        width = height = 0
        for index in range(min(len(document), PDF_MAX_PAGES)):
            page = document[index]
            bitmap = page.render(scale=PDF_SCALE, rotation=0)
            img = bitmap.to_pil()
            if index == 0:
                width, height = round(img.width / PDF_SCALE), round(img.height / PDF_SCALE)
            typed = _text_layer(page, index + 1)
            if typed:  # a PDF with real text (an invoice, a report): its own text, exact; barcodes still read
                page_lines = typed
                page_codes = _codes(img, PDF_SCALE, index + 1) if has_barcodes() else []
            else:
                page_lines, page_codes = read_image(img, index + 1, PDF_SCALE)
            if not marks and red_stamp(img):
                marks = ("red_stamp",)
            lines += page_lines
            codes += page_codes
            page.close()
        return Reading(engine=version(), width=width, height=height, lines=tuple(lines), codes=tuple(codes),
                       marks=marks)
    finally:
        document.close()


def _read_video(path: Path, frames: Sequence[int]) -> Reading:
    """OCR and barcodes on a video's key frames, each in its own upright frame's pixels (as the key frame's
    redaction boxes), `page` = the frame's time in ms. The reading records the times it covers (`frames`)."""
    from evidence_app.imaging import video

    times = sorted({int(ms) for ms in frames})[:VIDEO_MAX_FRAMES]
    if not times:
        info = video.probe_video(path)
        proposed = video.propose_key_frames(path, info.duration_s or 0.0, limit=min(video.MAX_PROPOSED,
                                                                                     VIDEO_MAX_FRAMES))
        times = sorted({round(t * 1000) for t in proposed})
    lines: list[Line] = []
    codes: list[Code] = []
    width = height = 0
    for ms in times:
        img = video.frame_at(path, ms / 1000)  # one at a time: a 4K frame is ~25 MB, OCR's arrays a lot more
        if not width:
            width, height = img.size
        page_lines, page_codes = read_image(img, ms)
        lines += page_lines
        codes += page_codes
    return Reading(engine=version(), width=width, height=height, lines=tuple(lines), codes=tuple(codes),
                   frames=tuple(times))
