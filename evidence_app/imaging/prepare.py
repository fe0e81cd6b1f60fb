"""Turn a stored evidence image into what an export shows: upright, cropped, redacted, rotated, downscaled to
the page slot, stripped of metadata, split into page-height slices when it is a very tall screenshot.

`prepare_image` is a plain function on plain data so it runs in a process pool. The original file is only read.
"""

from __future__ import annotations

import hashlib
import math
import os
import warnings
from dataclasses import dataclass, field, replace
from pathlib import Path

from PIL import Image, ImageDraw

from evidence_app.imaging import fastphoto, pngplain
from evidence_app.imaging.jpegclean import NotJpeg, rebuild_jpeg
from evidence_app.imaging.modes import to_rgb as _to_rgb
from evidence_app.imaging.probe import ensure_heif

# EXIF orientation → the transpose that makes the picture upright (as Pillow's ImageOps.exif_transpose).
_TRANSPOSE = {2: Image.Transpose.FLIP_LEFT_RIGHT, 3: Image.Transpose.ROTATE_180, 4: Image.Transpose.FLIP_TOP_BOTTOM,
              5: Image.Transpose.TRANSPOSE, 6: Image.Transpose.ROTATE_270, 7: Image.Transpose.TRANSVERSE,
              8: Image.Transpose.ROTATE_90}
_ROTATE = {90: Image.Transpose.ROTATE_270, 180: Image.Transpose.ROTATE_180, 270: Image.Transpose.ROTATE_90}
SPLIT_RATIO = 2.5  # height / width above which a screenshot is split into page-height slices
OVERLAP = 0.05  # of a slice's height, repeated at the top of the next slice
LOSSLESS_SOURCES = ("image/png", "image/gif", "image/bmp", "image/tiff", "image/webp")
# A screenshot that needs at most this much shrinking keeps its own pixels (the PDF scales it): resampling text
# blurs it and cost more than encoding the extra pixels (a 1080x2400 chat into a 200 dpi slot is 0.8).
OWN_PIXELS = 0.75
# A plain PNG at or under this many bits per pixel goes in as it is (metadata chunks left out): a high-quality
# JPEG of a screenshot is rarely smaller, and trying one costs a decode and an encode. Above it, both are tried.
PNG_KEEP_BPP = 1.0
# Shrinking: a photo by area averaging (BOX, what OpenCV's INTER_AREA does; a JPEG is first decoded at 1/2, 1/4
# or 1/8 so the ratio left is 0.5-1; a third faster than bilinear); a screenshot with Lanczos (small text crisp).
_SHRINK_PHOTO, _SHRINK_LOSSLESS = Image.Resampling.BOX, Image.Resampling.LANCZOS
# Pillow hands an image's pixel memory back to the system when the image is freed (it keeps no freed block by
# default), so a worker preparing photo after photo asked for ~25 MB afresh per photo, page by page: a fifth of
# its time went to page faults (measured on 20 12-megapixel photos: 94-104 ms a photo, 18-22 ms of it in the
# kernel; keeping 4 blocks: 77-84 ms, 3-4 ms in the kernel, peak memory +2 MB).
PIXEL_BLOCKS_KEPT = 4


@dataclass(frozen=True)
class ImageJob:
    source: str
    media_type: str
    out_stem: str  # output path without suffix; slices add _1, _2…
    box_w: int  # the page slot in pixels at the export resolution
    box_h: int
    quality: int = 80
    orientation: int = 1
    rotation: int = 0
    crop: tuple[int, int, int, int] | None = None
    redactions: tuple[tuple[int, ...], ...] = ()  # (x, y, w, h[, page of a multi-page TIFF])
    split: bool = True
    first_page_only: bool = False  # multi-page TIFF: thumbnails need page 1 only
    # A PNG found plain when it was added (pngplain.CHECKS): that file's SHA-256. Bytes read with this hash are
    # not inflated again to check their rows; any other bytes are.
    rows_sha256: str = ""


@dataclass(frozen=True)
class SliceFrame:
    """Where a prepared picture's pixels come from, so positions in the source (OCR boxes) can be placed on it."""

    crop: tuple[int, int, int, int]  # the kept area, upright source pixels (the whole picture when not cropped)
    rotation: int  # the agent's clockwise rotation applied after the crop
    top: int  # the rows of the final (cropped, rotated) full-size picture this slice shows
    bottom: int
    page: int = 1  # of a multi-page TIFF


@dataclass
class Prepared:
    path: str
    width: int
    height: int
    format: str  # "JPEG" or "PNG"
    frame: SliceFrame | None = None


@dataclass
class PreparedImage:
    slices: list[Prepared] = field(default_factory=list)

    @property
    def bytes(self) -> int:
        return sum(os.path.getsize(s.path) for s in self.slices)


def plan_slices(width: int, height: int, box_w: int, box_h: int, split: bool = True) -> tuple[float, list[tuple[int, int]]]:
    """Scale factor and the (top, bottom) rows of each slice, in upright source pixels. Not tall: one slice fitted
    to the box. Tall (ratio over SPLIT_RATIO): fitted to the box's width, cut into box-height slices that overlap."""
    if split and height / width > SPLIT_RATIO:
        scale = min(1.0, box_w / width)
        slice_h = max(1, int(box_h / scale))
        if slice_h >= height:
            return min(1.0, box_w / width, box_h / height), [(0, height)]
        step = max(1, int(slice_h * (1 - OVERLAP)))
        rows, top = [], 0
        while True:
            bottom = min(height, top + slice_h)
            rows.append((top, bottom))
            if bottom >= height:
                break
            top += step
        return scale, rows
    return min(1.0, box_w / width, box_h / height), [(0, height)]


def draft_scale(stored: tuple[int, int], need: tuple[int, int]) -> int:
    """The 1/N (N = 1, 2, 4 or 8) a JPEG is decoded at to give at least `need` pixels: what Pillow's draft picks."""
    scale = min(stored[0] // need[0], stored[1] // need[1])
    return next((s for s in (8, 4, 2, 1) if scale >= s), 1)


def keep_pixel_blocks() -> None:
    """For a process that prepares many pictures (an image worker): reuse freed pixel memory."""
    Image.core.set_blocks_max(max(Image.core.get_blocks_max(), PIXEL_BLOCKS_KEPT))


def _open(job: ImageJob) -> Image.Image:
    if job.media_type == "image/heif":
        ensure_heif()
    img = Image.open(job.source)
    if getattr(img, "n_frames", 1) > 1:
        img.seek(0)
    return img


def prepare_image(job: ImageJob) -> PreparedImage:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # bombs were refused at import; Pillow's notes on damaged tags are noise
        with _open(job) as img:
            pages = getattr(img, "n_frames", 1) if img.format == "TIFF" and not job.first_page_only else 1
            if pages == 1:
                return _prepare(replace(job, redactions=page_boxes(job.redactions, 1)), img)
            # A multi-page TIFF (a scanned delivery slip, a fax): every page, like a PDF's, each with its own
            # boxes (a box without a page is on page 1). The crop is the first page's; the rotation applies to all.
            result = PreparedImage()
            for page in range(pages):
                img.seek(page)
                page_job = replace(job, out_stem=f"{job.out_stem}_p{page + 1}",
                                   redactions=page_boxes(job.redactions, page + 1),
                                   crop=job.crop if page == 0 else None)
                for piece in _prepare(page_job, img).slices:
                    if piece.frame is not None:
                        piece.frame = replace(piece.frame, page=page + 1)
                    result.slices.append(piece)
            return result


def page_boxes(boxes: tuple[tuple[int, ...], ...], page: int) -> tuple[tuple[int, int, int, int], ...]:
    """The (x, y, w, h) boxes on `page` (1-based) of `boxes` given as (x, y, w, h[, page])."""
    return tuple((b[0], b[1], b[2], b[3]) for b in boxes if (b[4] if len(b) > 4 else 1) == page)


def _geometry(job: ImageJob, stored_w: int, stored_h: int):
    """The kept area (upright source pixels), the final picture's size, the scale and the slices' rows."""
    swapped = job.orientation in (5, 6, 7, 8)
    upright_w, upright_h = (stored_h, stored_w) if swapped else (stored_w, stored_h)
    cx, cy, cw, ch = job.crop if job.crop else (0, 0, upright_w, upright_h)
    cw, ch = max(1, min(cw, upright_w - cx)), max(1, min(ch, upright_h - cy))
    final_w, final_h = (ch, cw) if job.rotation in (90, 270) else (cw, ch)
    scale, rows = plan_slices(final_w, final_h, job.box_w, job.box_h, job.split)
    return (cx, cy, cw, ch), (final_w, final_h), scale, rows


def predict_slices(job: ImageJob) -> int | None:
    """How many slices `prepare_image(job)` will make, from the file's header only; None when that needs more
    (a multi-page TIFF) or the file cannot be opened (preparing it will then say why)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with _open(job) as img:
                if img.format == "TIFF" and getattr(img, "n_frames", 1) > 1 and not job.first_page_only:
                    return None
                return len(_geometry(job, *img.size)[3])
    except Exception:  # noqa: BLE001 - a prediction only
        return None


def _prepare(job: ImageJob, img: Image.Image) -> PreparedImage:
    stored_w, stored_h = img.size
    (cx, cy, cw, ch), (final_w, final_h), scale, rows = _geometry(job, stored_w, stored_h)

    lossless = job.media_type in LOSSLESS_SOURCES
    if lossless and len(rows) == 1 and OWN_PIXELS <= scale < 1.0:
        scale = 1.0
    if (lossless and img.format == "PNG" and scale >= 1.0 and len(rows) == 1 and job.orientation == 1
            and not job.rotation and not job.crop and not job.redactions):
        kept = _keep_png(job, stored_w, stored_h)
        if kept is not None:
            return kept

    untouched = (job.media_type == "image/jpeg" and img.format == "JPEG" and img.mode in ("RGB", "L")
                 and job.orientation == 1 and not job.rotation and not job.crop and not job.redactions
                 and scale >= 1.0 and len(rows) == 1)
    if untouched:  # already small enough: pass the JPEG data through, minus its metadata
        img.draft("RGB", (max(1, stored_w // 8), max(1, stored_h // 8)))
        img.load()  # a quick decode at 1/8 scale: a file damaged since it was added fails here, not in a viewer
        out = job.out_stem + ".jpg"
        try:
            Path(out).write_bytes(rebuild_jpeg(Path(job.source).read_bytes(), keep_adobe=False))
            return PreparedImage([Prepared(out, stored_w, stored_h, "JPEG",
                                           SliceFrame((0, 0, stored_w, stored_h), 0, 0, stored_h))])
        except NotJpeg:
            pass  # a layout we do not rebuild: re-encode it below

    usual = not job.crop and not job.redactions and len(rows) == 1
    turn = job.rotation if job.rotation in _ROTATE else 0
    # DCT scaling while decoding: the stored-orientation size we will need.
    need = (max(1, math.ceil(stored_w * scale)), max(1, math.ceil(stored_h * scale)))
    if usual:
        # The usual photo: shrunk first, in the stored orientation, then the small picture turned upright (turning
        # 1500x2000 pixels before shrinking cost as much as the JPEG encode).
        target = (max(1, round(final_w * scale)), max(1, round(final_h * scale)))
        swaps = (job.orientation in (5, 6, 7, 8)) != (job.rotation in (90, 270))
        stored_target = (target[1], target[0]) if swaps else target
        frame = SliceFrame((cx, cy, cw, ch), turn, 0, final_h)
        if img.format in ("JPEG", "MPO") and img.mode == "RGB" and not lossless and fastphoto.active():
            out = job.out_stem + ".jpg"
            size = fastphoto.photo(job.source, out, draft_scale((stored_w, stored_h), need), stored_target,
                                   job.orientation, turn, job.quality)
            if size is not None:
                return PreparedImage([Prepared(out, size[0], size[1], "JPEG", frame)])
    if img.format == "JPEG":
        img.draft(img.mode if img.mode in ("RGB", "L") else "RGB", need)
    img.load()
    factor = img.size[0] / stored_w
    work = _to_rgb(img)
    if usual:
        if work.size != stored_target:
            work = work.resize(stored_target, _SHRINK_LOSSLESS if lossless else _SHRINK_PHOTO)
        if job.orientation in _TRANSPOSE:
            work = work.transpose(_TRANSPOSE[job.orientation])
        if turn:
            work = work.transpose(_ROTATE[turn])
        prepared = _encode(work, job.out_stem, job.quality, lossless)
        prepared.frame = frame
        return PreparedImage([prepared])
    if job.orientation in _TRANSPOSE:
        work = work.transpose(_TRANSPOSE[job.orientation])
    if job.crop:
        work = work.crop((math.floor(cx * factor), math.floor(cy * factor),
                          math.ceil((cx + cw) * factor), math.ceil((cy + ch) * factor)))
    if job.redactions:
        # Burned in before any resampling, boxes grown to whole pixels: nothing under them survives.
        if work is img:
            work = work.copy()
        draw = ImageDraw.Draw(work)
        ox, oy = (cx, cy) if job.crop else (0, 0)
        for x, y, w, h in job.redactions:
            draw.rectangle([math.floor((x - ox) * factor), math.floor((y - oy) * factor),
                            math.ceil((x - ox + w) * factor) - 1, math.ceil((y - oy + h) * factor) - 1],
                           fill=(0, 0, 0) if work.mode == "RGB" else 0)
    if job.rotation in _ROTATE:
        work = work.transpose(_ROTATE[job.rotation])
    # `work` is the upright, final picture at `factor`; rows are in final full-size pixels.
    result = PreparedImage()
    for index, (top, bottom) in enumerate(rows):
        piece = work
        if len(rows) > 1:
            piece = work.crop((0, round(top * factor), work.size[0], round(bottom * factor)))
        target = (max(1, round(final_w * scale)), max(1, round((bottom - top) * scale)))
        if piece.size != target:
            piece = piece.resize(target, _SHRINK_LOSSLESS if lossless else _SHRINK_PHOTO)
        stem = job.out_stem + (f"_{index + 1}" if len(rows) > 1 else "")
        prepared = _encode(piece, stem, job.quality, lossless)
        prepared.frame = SliceFrame((cx, cy, cw, ch), turn, top, bottom)
        result.slices.append(prepared)
    return result


def _keep_png(job: ImageJob, width: int, height: int) -> PreparedImage | None:
    """A plain PNG at its own pixels: its rows as they are, without its metadata chunks, unless a high-quality
    JPEG is smaller (tried only above PNG_KEEP_BPP). None when the PNG is not plain (palette, alpha, 16-bit…)."""
    data = Path(job.source).read_bytes()
    checked = bool(job.rows_sha256) and hashlib.sha256(data).hexdigest() == job.rows_sha256
    stripped = pngplain.strip(data, check_rows=not checked)
    if stripped is None:
        return None
    frame = SliceFrame((0, 0, width, height), 0, 0, height)
    png = job.out_stem + ".png"
    if len(stripped) * 8 > PNG_KEEP_BPP * width * height:
        with _open(job) as img:
            jpeg = _encode_jpeg(_to_rgb(img), job.out_stem + ".jpg", job.quality, lossless=True)
        if os.path.getsize(jpeg.path) < len(stripped):
            jpeg.frame = frame
            return PreparedImage([jpeg])
        os.remove(jpeg.path)
    Path(png).write_bytes(stripped)
    return PreparedImage([Prepared(png, width, height, "PNG", frame)])


def _encode_jpeg(img: Image.Image, path: str, quality: int, lossless: bool) -> Prepared:
    img.info = {}
    options = {"quality": max(quality, 90) if lossless else quality, "subsampling": 0 if lossless else 2}
    try:
        # Optimized Huffman tables cost a photo a tenth of its export time for 6-9 % fewer bytes: photos go
        # without (measured on 100 12-megapixel photos: 0.90x the wall time, 1.06x the size); screenshots keep it.
        img.save(path, "JPEG", optimize=lossless, **options)
    except OSError:
        # Optimized Huffman tables need the whole output in one buffer, which Pillow sizes at one byte per pixel:
        # noise-like pictures need more ("Suspension not allowed here"). Without the optimization it streams.
        img.save(path, "JPEG", **options)
    return Prepared(path, img.size[0], img.size[1], "JPEG")


def _encode(img: Image.Image, stem: str, quality: int, lossless: bool) -> Prepared:
    """Photos: JPEG at `quality`. Screenshots: PNG or high-quality JPEG, whichever is smaller. Nothing of the
    source's info (comment, ICC profile, EXIF, text chunks) is written."""
    img.info = {}
    jpeg = _encode_jpeg(img, stem + ".jpg", quality, lossless).path
    if lossless:
        png = stem + ".png"
        img.save(png, "PNG", compress_level=6)
        if os.path.getsize(png) <= os.path.getsize(jpeg):
            os.remove(jpeg)
            return Prepared(png, img.size[0], img.size[1], "PNG")
        os.remove(png)
    return Prepared(jpeg, img.size[0], img.size[1], "JPEG")


