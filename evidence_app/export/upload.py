"""The upload pack: numbered JPEGs of the checklist and of every exhibit page (header band burned in), each under
the platform's size limit, plus statement.txt. Taobao's evidence upload takes images of about 500 KB.

Made for the upload box, not reused PDF pages: 00_举证清单.jpg is drawn for it (the points and an index that names
the image files, no page footer, no page numbers that mean nothing in a folder of JPEGs), and each exhibit image
is cut to its own content (a landscape photo gives a landscape JPEG, not a mostly empty A4)."""

from __future__ import annotations

import contextlib
import errno
import io
import os
import re
import tempfile
from collections.abc import Collection
from datetime import datetime
from pathlib import Path

from PIL import Image

from evidence_app.export import pages as P
from evidence_app.export import submission, video_pages
from evidence_app.export.bundle import BundleExporter, ExhibitPage
from evidence_app.export.model import CancelFn, ExportCancelled, ExportError, ExportResult, ProgressFn
from evidence_app.storage import leftovers
from evidence_app.storage.atomic import follow_umask, fsync_dir
from evidence_app.storage.library import Library

RENDER_DPI = 150
# (dpi, JPEG quality) tried in order until an image fits the limit; text stays legible down to the last.
STEPS = ((150, 85), (150, 75), (130, 75), (130, 65), (110, 65), (100, 60), (90, 55), (80, 50))


def _unsafe(name: str) -> str:
    return re.sub(r'[\\/:*?"<>|\s]+', "_", name).strip("._") or "证据"


def _fit(img: Image.Image, limit: int) -> bytes:
    data = b""
    for dpi, quality in STEPS:
        scaled = img if dpi == RENDER_DPI else img.resize(
            (round(img.width * dpi / RENDER_DPI), round(img.height * dpi / RENDER_DPI)), Image.Resampling.LANCZOS)
        buffer = io.BytesIO()
        scaled.save(buffer, "JPEG", quality=quality, optimize=True)
        data = buffer.getvalue()
        if len(data) <= limit:
            return data
    raise ExportError(f"a page cannot be brought under {limit // 1000} KB even at 80 dpi ({len(data) // 1000} KB)")


def export_images(library: Library, case_id: int, folder: Path, max_kb: int = 500,
                  progress: ProgressFn | None = None, cancelled: CancelFn | None = None,
                  workers: int | None = None, skip: Collection[int] = ()) -> ExportResult:
    folder = Path(folder)
    limit = max_kb * 1000
    cancelled = cancelled or (lambda: False)
    report = progress or (lambda done, total, what: None)
    exporter = BundleExporter(library, case_id, progress=progress, cancelled=cancelled, workers=workers, skip=skip)
    case = library.case(case_id)
    made = not folder.exists()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise ExportError(f"{folder} exists and is not a folder") from None
    try:
        return _export_into(library, case, exporter, folder, limit, cancelled, report)
    except BaseException:
        if made:  # a folder we made for this export, still empty: not left behind
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise


def _export_into(library, case, exporter, folder: Path, limit: int, cancelled, report) -> ExportResult:
    import pypdfium2 as pdfium

    from evidence_app.imaging.pdfium_lock import PDFIUM

    # Staged in the target folder itself (a rename never crosses file systems: D:, a USB stick, a share) under a
    # name of our own; nothing already in `folder` is ever replaced or removed.
    with tempfile.TemporaryDirectory(prefix=leftovers.temp_prefix("upload")) as tmp, \
            leftovers.staging_dir(folder, ".~举证图片.") as out_dir:
        work = Path(tmp)
        pdf_path, front, plan = exporter.render_to(work)
        names: list[tuple[int, str, ExhibitPage, tuple | None]] = []
        files: dict[int, str] = {}
        frame_counts: dict[int, int] = {}
        for offset, page in enumerate(plan):
            kind = _unsafe(library.catalog.kind_name(page.item.kind))
            if page.cells:  # a video: each key frame its own numbered image (timecode and caption under it)
                for cell in page.cells:
                    frame_counts[page.number] = frame_counts.get(page.number, 0) + 1
                    names.append((front + offset, f"{page.number:02d}_{kind}_帧{frame_counts[page.number]}.jpg",
                                  page, _px_box(video_pages.cell_box(cell))))
                continue
            suffix = f"_{page.part}" if page.parts > 1 else ""
            names.append((front + offset, f"{page.number:02d}_{kind}{suffix}.jpg", page, None))
            if page.part == 1:
                files[page.number] = names[-1][1] + (f"(共 {page.parts} 张)" if page.parts > 1 else "")
        for number, count in frame_counts.items():
            kind = next(n for _i, n, p, _b in names if p.number == number)
            files[number] = kind + (f"(共 {count} 张关键帧)" if count > 1 else "")
        checklist_pdf = _draw_checklist(exporter, files, work / "checklist.pdf")
        count = 0
        with PDFIUM:
            document = pdfium.PdfDocument(str(checklist_pdf))
        try:
            pages = len(document)
            for n in range(pages):
                with PDFIUM:
                    image = _render(document[n])
                image = _trim_bottom(image)
                name = f"00_举证清单{'_' + str(n + 1) if pages > 1 else ''}.jpg"
                (out_dir / name).write_bytes(_fit(image, limit))
                count += 1
        finally:
            with PDFIUM:
                document.close()
        with PDFIUM:
            document = pdfium.PdfDocument(str(pdf_path))
        try:
            for done, (index, name, page, box) in enumerate(names, 1):
                if cancelled():
                    raise ExportCancelled()
                with PDFIUM:
                    image = _render(document[index])
                image = image.crop(box or _content_box(page))
                (out_dir / name).write_bytes(_fit(image, limit))
                count += 1
                report(done, len(names), f"生成上传图片 {done}/{len(names)}")
        finally:
            with PDFIUM:
                document.close()
        warnings_out = _video_copies(library, case, exporter, out_dir, cancelled)
        # the statement as the reviewer reads it: exhibit references printed with the current numbers
        (out_dir / "statement.txt").write_text(exporter.doc.statement, encoding="utf-8-sig")
        final = _publish(out_dir, folder, f"举证图片_{_unsafe(case.order_no or str(case.id))}")
    written = sorted(final.iterdir())
    return ExportResult(final, count, sum(p.stat().st_size for p in written), None, warnings_out, written)


def _video_copies(library, case, exporter, out_dir: Path, cancelled) -> list[str]:
    """When the platform's upload takes a video: each video exhibit trimmed to the span of its key frames and
    re-encoded under the platform's limit (no sound, no metadata; every redaction box blacked out on every
    frame). The stored video is only read. A span too long to fit is left out with a warning."""
    from evidence_app.imaging.video import VideoError
    from evidence_app.imaging.video_trim import span, trim_copy

    platform = library.catalog.platforms.get(case.platform)
    limit_mb = platform.video_upload_mb if platform else None
    out: list[str] = []
    if not limit_mb:
        return out
    for number, item in enumerate(exporter.items, 1):
        if not item.is_video:
            continue
        kind = _unsafe(library.catalog.kind_name(item.kind))
        start, end = span([f.t for f in item.frames], item.duration_s or 0.0)
        target = out_dir / f"{number:02d}_{kind}_视频片段.mp4"
        try:
            trim_copy(library.file_path(item), target, start, end, limit_mb * 1_000_000,
                      [(b.x, b.y, b.w, b.h) for b in item.redactions], cancelled)
        except VideoError as exc:
            if exc.code == "cancelled":
                raise ExportCancelled() from None
            target.unlink(missing_ok=True)
            out.append(f"证据 {number} ({item.original_name}): 关键帧之间的片段超过 5 分钟或无法压缩到 {limit_mb} MB "
                       "以内,未放入上传包;请把关键帧标在需要的片段内"
                       if exc.code == "video_too_long" else
                       f"证据 {number} ({item.original_name}): 视频片段无法生成({exc.detail or exc.code})")
    return out


def _px_box(box: tuple[float, float, float, float]) -> tuple[int, int, int, int]:
    return _px(box[0]), _px(box[1]), _px(box[2]), _px(box[3])


def _publish(staged: Path, folder: Path, stem: str) -> Path:
    """Rename the finished pack to a new folder `<stem>_<time>` (`_2`, `_3`… if taken) inside `folder`: it
    appears whole, and no file of anyone else's is touched."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    for attempt in range(1, 100):
        final = folder / (f"{stem}_{stamp}" + (f"_{attempt}" if attempt > 1 else ""))
        if final.exists():
            continue
        try:
            os.rename(staged, final)  # fails if the name was taken meanwhile (non-empty, or any on Windows)
        except OSError as exc:
            if exc.errno in (errno.EEXIST, errno.ENOTEMPTY) or isinstance(exc, FileExistsError):
                continue
            raise
        follow_umask(final, directory=True)
        fsync_dir(folder)
        return final
    raise ExportError(f"cannot find a free folder name for {stem} in {folder}")


def _render(page) -> Image.Image:
    return page.render(scale=RENDER_DPI / 72, fill_color=(255, 255, 255, 255)).to_pil().convert("RGB")


def _px(points: float) -> int:
    return round(points * RENDER_DPI / 72)


def _content_box(page: ExhibitPage) -> tuple[int, int, int, int]:
    """The part of an exhibit page that holds the band, the caption and the exhibit itself (no footer, no empty
    slot below a landscape image), in pixels of the page rendered at RENDER_DPI."""
    top = P.PAGE_H - P.HEADER_TOP - 8
    bottom = P.PAGE_H - P.SLOT_BOTTOM + 4  # a PDF exhibit page or a full-height image: down to the slot's end
    if page.image is not None and page.image.width and page.image.height:
        scale = min(P.SLOT_W / page.image.width, P.SLOT_H / page.image.height)
        bottom = P.PAGE_H - P.SLOT_TOP + page.image.height * scale + 8
    return _px(P.MARGIN - 8), _px(top), _px(P.PAGE_W - P.MARGIN + 8), _px(bottom)


def _trim_bottom(image: Image.Image, margin: int = 30) -> Image.Image:
    """Cut the white space under the last line of the checklist."""
    from PIL import ImageChops

    box = ImageChops.invert(image.convert("L")).getbbox()
    if not box:
        return image
    return image.crop((0, 0, image.width, min(image.height, box[3] + margin)))


def _draw_checklist(exporter: BundleExporter, files: dict[int, str], path: Path) -> Path:
    """00_举证清单: the submission's points and an index naming the image files; pages without footers."""
    from reportlab.pdfgen.canvas import Canvas

    c = Canvas(str(path), pagesize=(P.PAGE_W, P.PAGE_H))
    parts = {n: 1 for n in files}
    story = submission.points_story(exporter.doc, exporter.styles, {}, parts, files=files)
    if exporter.doc.statement.strip():
        from reportlab.platypus import Paragraph

        S = exporter.styles
        story += [Paragraph("申诉说明", S["h2"]),
                  Paragraph(submission.esc(exporter.doc.statement).replace("\n", "<br/>"), S["statement"])]
    P.flow(c, story, lambda: None, c.showPage)
    c.save()
    return path
