"""The upload pack: numbered JPEGs of the checklist and of every exhibit page (header band burned in), each under
the platform's size limit, plus statement.txt. Taobao's evidence upload takes images of about 500 KB."""

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

from evidence_app.export.bundle import BundleExporter
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

    # Staged in the target folder itself (a rename never crosses file systems: D:, a USB stick, a share) under a
    # name of our own; nothing already in `folder` is ever replaced or removed.
    with tempfile.TemporaryDirectory(prefix=leftovers.temp_prefix("upload")) as tmp, \
            leftovers.staging_dir(folder, ".~举证图片.") as out_dir:
        work = Path(tmp)
        pdf_path, front, plan = exporter.render_to(work)
        checklist_pages = list(range(1, front))  # page 0 is the cover
        names: list[tuple[int, str]] = []
        for n, index in enumerate(checklist_pages, 1):
            names.append((index, f"00_举证清单{'_' + str(n) if len(checklist_pages) > 1 else ''}.jpg"))
        for offset, page in enumerate(plan):
            kind = _unsafe(library.catalog.kind_name(page.item.kind))
            suffix = f"_{page.part}" if page.parts > 1 else ""
            names.append((front + offset, f"{page.number:02d}_{kind}{suffix}.jpg"))
        document = pdfium.PdfDocument(str(pdf_path))
        try:
            for done, (index, name) in enumerate(names, 1):
                if cancelled():
                    raise ExportCancelled()
                bitmap = document[index].render(scale=RENDER_DPI / 72, fill_color=(255, 255, 255, 255))
                image = bitmap.to_pil().convert("RGB")
                (out_dir / name).write_bytes(_fit(image, limit))
                report(done, len(names), f"生成上传图片 {done}/{len(names)}")
        finally:
            document.close()
        (out_dir / "statement.txt").write_text(case.statement or "", encoding="utf-8-sig")
        final = _publish(out_dir, folder, f"举证图片_{_unsafe(case.order_no or str(case.id))}")
    written = sorted(final.iterdir())
    return ExportResult(final, len(names), sum(p.stat().st_size for p in written), None, [], written)


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
