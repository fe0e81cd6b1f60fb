"""The upload pack: numbered JPEGs of the checklist and of every exhibit page (header band burned in), each under
the platform's size limit, plus statement.txt. Taobao's evidence upload takes images of about 500 KB."""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import tempfile
from pathlib import Path

from PIL import Image

from evidence_app.export.bundle import BundleExporter
from evidence_app.export.model import CancelFn, ExportCancelled, ExportError, ExportResult, ProgressFn
from evidence_app.storage.library import Library

RENDER_DPI = 150
# (dpi, JPEG quality) tried in order until an image fits the limit; text stays legible down to the last.
STEPS = ((150, 85), (150, 75), (130, 75), (130, 65), (110, 65), (100, 60), (90, 55), (80, 50))
OUR_FILES = re.compile(r"^\d{2}_.+\.jpg$")


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
                  workers: int | None = None) -> ExportResult:
    import pypdfium2 as pdfium

    folder = Path(folder)
    limit = max_kb * 1000
    cancelled = cancelled or (lambda: False)
    report = progress or (lambda done, total, what: None)
    exporter = BundleExporter(library, case_id, progress=progress, cancelled=cancelled, workers=workers)
    folder.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="evidence-upload-") as tmp:
        work = Path(tmp)
        pdf_path, front, plan = exporter.render_to(work)
        out_dir = work / "out"
        out_dir.mkdir()
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
        # the statement as the reviewer reads it: exhibit references printed with the current numbers
        (out_dir / "statement.txt").write_text(exporter.doc.statement, encoding="utf-8-sig")
        written = _publish(out_dir, folder)
    return ExportResult(folder, len(names), sum(p.stat().st_size for p in written), None, [], written)


def _publish(staged: Path, folder: Path) -> list[Path]:
    """Move the finished files into `folder`. A new folder appears whole (one rename); in an existing one each
    file is replaced atomically and images left from an earlier pack of ours are removed."""
    if not folder.exists():
        os.replace(staged, folder)
        return sorted(folder.iterdir())
    if not folder.is_dir():
        raise ExportError(f"{folder} exists and is not a folder")
    new = {p.name for p in staged.iterdir()}
    for old in folder.iterdir():
        if OUR_FILES.match(old.name) and old.name not in new:
            with contextlib.suppress(OSError):
                old.unlink()
    for path in staged.iterdir():
        os.replace(path, folder / path.name)
    shutil.rmtree(staged, ignore_errors=True)
    return sorted(folder / name for name in new)
