"""Thumbnails for the GUI, cached on disk in the library (`thumbs/`) so reopening a case is instant.

Uses the same tricks as the export: JPEG draft mode (DCT scaling) while decoding, EXIF orientation, edits
(crop, redaction, rotation) applied, so the agent sees what the export will show. PDFs: first page via pdfium.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from PIL import Image

from evidence_app.core.model import EvidenceItem
from evidence_app.imaging.prepare import ImageJob, prepare_image

THUMB_PX = 320


def thumb_key(item: EvidenceItem, size: int = THUMB_PX) -> str:
    edits = json.dumps([item.rotation, item.crop.as_list() if item.crop else None,
                        [r.as_list() for r in item.redactions], size]
                       + ([poster_time(item), item.duration_s] if item.is_video else []))
    return f"{item.sha256[:32]}-{hashlib.sha1(edits.encode()).hexdigest()[:12]}"


def cached_thumbnail(item: EvidenceItem, cache_dir: Path, size: int = THUMB_PX) -> Path | None:
    """The cached thumbnail if there is one, marked as just used (the cache drops the least recently used)."""
    target = cache_dir / f"{thumb_key(item, size)}.jpg"
    try:
        os.utime(target)
    except OSError:
        return None
    return target


def prune_cache(cache_dir: Path, max_bytes: int) -> int:
    """Keep the cache under `max_bytes` by deleting the least recently used thumbnails (they are remade when
    needed; the cache is ours, so nothing else is ever deleted). Returns files removed."""
    try:
        entries = [(e.stat().st_mtime, e.stat().st_size, e.path) for e in os.scandir(cache_dir)
                   if e.is_file() and e.name.endswith(".jpg")]
    except OSError:
        return 0
    total = sum(size for _, size, _ in entries)
    removed = 0
    for _, size, path in sorted(entries):
        if total <= max_bytes:
            break
        try:
            os.unlink(path)
        except OSError:
            continue
        total -= size
        removed += 1
    return removed


def thumbnail(source: Path, item: EvidenceItem, cache_dir: Path, size: int = THUMB_PX) -> Path:
    """The cached thumbnail file for `item` (made now if missing). Raises on an undecodable file."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    target = cache_dir / f"{thumb_key(item, size)}.jpg"
    if target.is_file():
        return target
    # the process id in the name: what a killed process leaves is removed at the next start (storage.leftovers)
    with tempfile.TemporaryDirectory(dir=cache_dir, prefix=f".tmp-{os.getpid()}-") as tmp:
        if item.is_pdf:
            made = _pdf_first_page(source, Path(tmp) / "p.jpg", size, item.redactions)
        elif item.is_video:
            made = _video_poster(source, item, Path(tmp) / "v.jpg", size)
        else:
            job = ImageJob(str(source), item.media_type, str(Path(tmp) / "t"), size, size, quality=82,
                           orientation=item.orientation, rotation=item.rotation,
                           crop=tuple(item.crop.as_list()) if item.crop else None,
                           redactions=tuple(tuple(r.as_list()) for r in item.redactions), split=False,
                           first_page_only=True)
            made = Path(prepare_image(job).slices[0].path)
            if made.suffix != ".jpg":
                with Image.open(made) as img:
                    img.convert("RGB").save(made.with_suffix(".jpg"), "JPEG", quality=85)
                made = made.with_suffix(".jpg")
        os.replace(made, target)
    return target


def poster_time(item: EvidenceItem) -> float:
    """The moment a video's thumbnail shows: its first key frame, else a tenth of the way in (past a black start)."""
    if item.frames:
        return item.frames[0].t
    return min(1.0, (item.duration_s or 0) / 10)


def _video_poster(source: Path, item: EvidenceItem, target: Path, size: int) -> Path:
    """A video's poster frame (redaction boxes of that key frame burned in) with its duration in a corner."""
    from PIL import ImageDraw, ImageFont

    from evidence_app.core.model import KeyFrame
    from evidence_app.imaging.video import frame_at, timecode

    t = poster_time(item)
    picture = frame_at(source, t, max_size=max(size * 2, 640))
    factor = picture.width / (item.width or picture.width)
    draw = ImageDraw.Draw(picture)
    for box in item.frame_boxes(KeyFrame(t)):
        draw.rectangle([int(box.x * factor), int(box.y * factor), int((box.x + box.w) * factor) + 1,
                        int((box.y + box.h) * factor) + 1], fill=(0, 0, 0))
    if item.rotation:
        picture = picture.rotate(-item.rotation, expand=True)
    picture.thumbnail((size, size))
    badge = "▶ " + timecode(item.duration_s or 0)[:8].removeprefix("00:")
    draw = ImageDraw.Draw(picture)
    try:
        from evidence_app.export.fonts import font_path

        font = ImageFont.truetype(font_path(), max(12, size // 14))
    except (OSError, ImportError):
        font = ImageFont.load_default()
    left, top, right, bottom = draw.textbbox((0, 0), badge, font=font)
    pad = 4
    x, y = picture.width - (right - left) - 3 * pad, picture.height - (bottom - top) - 3 * pad
    draw.rectangle([x - pad, y - pad, picture.width - pad, picture.height - pad], fill=(0, 0, 0))
    draw.text((x - left, y - top), badge, fill=(255, 255, 255), font=font)
    picture.convert("RGB").save(target, "JPEG", quality=85)
    return target


def _pdf_first_page(source: Path, target: Path, size: int, redactions=()) -> Path:
    import pypdfium2 as pdfium

    from evidence_app.imaging.pdfpage import boxes_by_page, render_page

    from evidence_app.imaging.pdfium_lock import PDFIUM

    with PDFIUM:
        document = pdfium.PdfDocument(str(source), password="")
        try:
            width, height = document[0].get_size()
            scale = size / max(width, height)
            image = render_page(document, 0, scale, boxes_by_page(redactions).get(0, []))
        finally:
            document.close()
    image.save(target, "JPEG", quality=85)
    return target
