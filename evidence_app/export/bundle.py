"""The evidence bundle: one submission-ready PDF (cover, checklist and index, exhibits, manifest).

Qt-free. Images are prepared in a process pool and drawn from their files (JPEG bytes pass straight through);
PDF evidence is merged page by page with pypdf under the same header band. Output is written atomically.
"""

from __future__ import annotations

import io
from concurrent.futures.process import BrokenProcessPool
import os
import shutil
import tempfile
import warnings
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from evidence_app import __version__
from evidence_app.core.checklist import ChecklistResult
from evidence_app.core.model import Case, EvidenceItem
from evidence_app.export import pages as P
from evidence_app.export.pdfsafe import clean_source_page, sanitize
from evidence_app.export import submission
from evidence_app.export.document import BundleDocument
from evidence_app.export.document import build as build_document
from evidence_app.export.model import (COMPACT_STEPS, DEFAULT_BUDGET, PRINT, CancelFn, ExportCancelled, ExportError,
                                       ExportResult, Preset, ProgressFn, check_pdf_target)
from evidence_app.export.prepare_pool import PreparePool
from evidence_app.export import textlayer
from evidence_app.export import video_pages as V
from evidence_app.export.video_pages import FrameCell
from evidence_app.imaging.prepare import ImageJob, Prepared, PreparedImage
from evidence_app.reading.lookup import reading_of
from evidence_app.reading.types import Reading
from evidence_app.storage import leftovers
from evidence_app.storage.atomic import atomic_write
from evidence_app.storage.library import Library

PDF_OVERHEAD = 250_000  # fonts, page furniture: what the budget keeps free besides the images


@dataclass
class ExhibitPage:
    number: int  # 证据 N
    item: EvidenceItem
    part: int  # 1-based slice or PDF page
    parts: int
    image: Prepared | None = None
    pdf_page: int | None = None  # 0-based page of a PDF exhibit
    cells: list[FrameCell] | None = None  # a video exhibit's grid page: its key frames


class BundleExporter:
    def __init__(self, library: Library, case_id: int, *, progress: ProgressFn | None = None,
                 cancelled: CancelFn | None = None, workers: int | None = None, now: datetime | None = None,
                 skip: Collection[int] = ()):
        self.library = library
        self.case: Case = library.case(case_id)
        # `skip`: exhibits the agent chose to leave out after they failed to export (judged without them too)
        self.items = [item for item in library.items(case_id) if item.id not in skip]
        self.tz = library.tz
        self.now = now or datetime.now(self.tz)
        # One model, built once, feeds the submission (and the review, export/review.py).
        self.doc: BundleDocument = build_document(library, case_id, now=self.now, skip=skip)
        self.checklist: ChecklistResult = self.doc.checklist
        self.catalog = library.catalog
        self.shop = self.doc.shop
        self.progress = progress or (lambda done, total, what: None)
        self.cancelled = cancelled or (lambda: False)
        self.workers = workers
        self.styles = P.styles()
        self._pdf_renders: dict[int, dict[int, Prepared]] = {}  # redacted PDF pages rendered as images
        self._readings: dict[int, Reading | None] = {}  # what was read from each image, for the text layer
        self._check_files()

    # --- public --------------------------------------------------------------------------------------------

    def export_pdf(self, target: Path, preset: str = "print", budget: int = DEFAULT_BUDGET) -> ExportResult:
        target = Path(target)
        steps = [PRINT] if preset == "print" else list(COMPACT_STEPS)
        if preset not in ("print", "compact"):
            raise ExportError(f"unknown preset {preset!r}: print or compact")
        check_pdf_target(target)
        warnings_out: list[str] = []
        with tempfile.TemporaryDirectory(prefix=leftovers.temp_prefix("export")) as tmp, PreparePool(self.workers) as pool:
            for index, step in enumerate(steps):
                floor = index == len(steps) - 1
                prepared = self._prepare(pool, step, Path(tmp) / f"s{index}")
                if preset == "compact" and not floor:
                    estimate = sum(p.bytes for p in prepared.values()) + self._pdf_evidence_bytes() + PDF_OVERHEAD
                    if estimate > budget:
                        continue
                data_path = Path(tmp) / f"bundle{index}.pdf"
                pages = self._render(prepared, data_path)
                size = data_path.stat().st_size
                if preset == "compact" and size > budget and not floor:
                    continue
                if preset == "compact" and size > budget:
                    warnings_out.append(f"even the smallest setting ({step.dpi} dpi, JPEG q{step.quality}) gives "
                                        f"{size / 1e6:.1f} MB, over the {budget / 1e6:.1f} MB budget")
                if self.cancelled():
                    raise ExportCancelled()
                with atomic_write(target) as out, data_path.open("rb") as src:
                    shutil.copyfileobj(src, out)
                return ExportResult(target, pages, size, step, warnings_out)
        raise AssertionError("unreachable")  # pragma: no cover

    def render_to(self, folder: Path, preset: Preset = PRINT) -> tuple[Path, int, list[ExhibitPage]]:
        """Render into `folder` (no atomic replace), for the upload pack. Returns (pdf, front-matter pages, plan):
        the cover is page 0, the checklist pages follow, exhibit pages start at index `front`."""
        with PreparePool(self.workers) as pool:
            prepared = self._prepare(pool, preset, folder / "img")
            path = folder / "bundle.pdf"
            self._render(prepared, path)
        return path, self.front_pages, self._plan(prepared)

    # --- preparation ---------------------------------------------------------------------------------------

    def _check_files(self) -> None:
        """Every stored file re-hashed: a damaged exhibit is named, never exported under a manifest whose
        SHA-256 says nothing changed."""
        from evidence_app.storage.verify import MISSING, file_problem

        for number, item in enumerate(self.items, 1):
            problem = file_problem(self.library, item)
            if problem:
                raise ExportError(f"证据 {number} ({self.catalog.kind_name(item.kind)}, {item.original_name}): "
                                  + ("the stored file is missing from the library" if problem == MISSING else
                                     "the stored file is damaged (its SHA-256 no longer matches); "
                                     "run `evidence-app verify`"), item_id=item.id)

    def _pdf_evidence_bytes(self) -> int:
        return sum(item.size for item in self.items if item.is_pdf)

    def _prepare(self, pool: PreparePool, preset: Preset, folder: Path) -> dict[int, PreparedImage]:
        folder.mkdir(parents=True, exist_ok=True)
        box_w, box_h = P.slot_pixels(preset.dpi)
        jobs = {}
        for number, item in enumerate(self.items, 1):
            if item.is_video:
                jobs.update(self._video_jobs(number, item, preset, folder))
                continue
            if item.is_pdf:
                continue
            jobs[item.id] = ImageJob(
                source=str(self.library.file_path(item)), media_type=item.media_type,
                out_stem=str(folder / f"item{item.id}"), box_w=box_w, box_h=box_h, quality=preset.quality,
                orientation=item.orientation, rotation=item.rotation,
                crop=tuple(item.crop.as_list()) if item.crop else None,
                redactions=tuple(tuple(r.as_list()) for r in item.redactions))
        total = len(jobs) + len(self.items)
        done = 0

        def tick(key: int) -> None:
            nonlocal done
            done += 1
            self.progress(done, total, f"准备图片 {done}/{len(jobs)}")

        self.progress(0, total, "准备图片")
        self._pdf_renders = self._render_redacted_pdfs(preset, folder)
        try:
            return pool.run(jobs, tick, self.cancelled)
        except (ExportCancelled, ExportError):
            raise
        except BrokenProcessPool:
            raise ExportError("an image worker process stopped unexpectedly (out of memory?); try again") from None
        except Exception as exc:  # noqa: BLE001 - name the exhibit, one line
            failed = next((n for n, i in enumerate(self.items, 1) if i.id in jobs and not _done(folder, i.id)), None)
            where = f"证据 {failed} ({self.items[failed - 1].original_name})" if failed else "an exhibit"
            reason = next((line for line in str(exc).splitlines() if line.strip()), type(exc).__name__)
            raise ExportError(f"{where} cannot be decoded: {reason}",
                              item_id=self.items[failed - 1].id if failed else None) from None

    def _video_jobs(self, number: int, item: EvidenceItem, preset: Preset, folder: Path) -> dict:
        """A video's key frames, decoded from the stored video (only they are decoded: a long video costs what
        its key frames cost), each prepared like a photo."""
        try:
            return V.video_jobs(item, self.library.file_path(item), preset.dpi, preset.quality, folder)
        except Exception as exc:  # noqa: BLE001 - name the exhibit, one line
            reason = next((line for line in str(exc).splitlines() if line.strip()), type(exc).__name__)
            raise ExportError(f"证据 {number} ({item.original_name}): its key frames cannot be decoded: {reason}",
                              item_id=item.id) from None

    def _render_redacted_pdfs(self, preset: Preset, folder: Path) -> dict[int, dict[int, Prepared]]:
        """PDF pages with redaction boxes become images with the boxes burned in; the others stay vector."""
        from evidence_app.export.pdfredact import render_redacted_pages

        renders = {}
        for number, item in enumerate(self.items, 1):
            if item.is_pdf and item.redactions:
                try:
                    renders[item.id] = render_redacted_pages(self.library.file_path(item), item.redactions,
                                                             preset.dpi, str(folder / f"pdf{item.id}"))
                except Exception as exc:  # noqa: BLE001 - name the exhibit, one line
                    raise ExportError(f"证据 {number} ({item.original_name}): its redacted pages cannot be "
                                      f"rendered: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}",
                                      item_id=item.id) from None
        return renders

    def _plan(self, prepared: dict[int, PreparedImage]) -> list[ExhibitPage]:
        plan: list[ExhibitPage] = []
        for number, item in enumerate(self.items, 1):
            if item.is_video:
                images = {index: prepared[(item.id, index)].slices[0] for index in range(len(item.frames))
                          if (item.id, index) in prepared}  # type: ignore[index]
                groups = V.chunks(item)
                plan += [ExhibitPage(number, item, n + 1, len(groups), cells=V.cells(item, group, images))
                         for n, group in enumerate(groups)]
            elif item.is_pdf:
                count = item.page_count or 1
                renders = self._pdf_renders.get(item.id, {})
                plan += [ExhibitPage(number, item, n + 1, count, image=renders.get(n),
                                     pdf_page=None if n in renders else n) for n in range(count)]
            else:
                slices = prepared[item.id].slices
                plan += [ExhibitPage(number, item, n + 1, len(slices), image=s) for n, s in enumerate(slices)]
        return plan

    # --- rendering -----------------------------------------------------------------------------------------

    def _render(self, prepared: dict[int, PreparedImage], path: Path) -> int:
        plan = self._plan(prepared)
        # Dry runs count the pages that text flows onto, so every footer can say "共 N 页" and the index
        # can give page numbers.
        front_pages = self._draw_front(Canvas(io.BytesIO()), plan, {}, total=999, first_exhibit_page=999)
        self.front_pages = front_pages
        manifest_pages = self._draw_manifest(Canvas(io.BytesIO()), 999, 1)
        total = front_pages + len(plan) + manifest_pages
        first_exhibit_page = front_pages + 1
        exhibit_start = {}
        for offset, page in enumerate(plan):
            exhibit_start.setdefault(page.number, first_exhibit_page + offset)

        c = Canvas(str(path), pagesize=(P.PAGE_W, P.PAGE_H), pageCompression=1)
        title = f"举证材料 · {self.catalog.scenario_name(self.case.scenario)} · 订单 {self.case.order_no or self.case.id}"
        c.setTitle(title)
        c.setAuthor("")
        c.setCreator(f"举证助手 evidence_app {__version__}")
        c.setSubject(self.catalog.scenario_name(self.case.scenario))
        self._draw_front(c, plan, exhibit_start, total, first_exhibit_page)
        pdf_pages: dict[int, ExhibitPage] = {}
        steps = len(self.items)
        base = len(prepared)
        last_number = 0
        for offset, page in enumerate(plan):
            if self.cancelled():
                raise ExportCancelled()
            page_no = first_exhibit_page + offset
            self._draw_exhibit(c, page, page_no, total, first=page.part == 1)
            if page.pdf_page is not None:
                pdf_pages[page_no - 1] = page
            if page.number != last_number:
                last_number = page.number
                self.progress(base + page.number, base + steps, f"排版 证据 {page.number}/{steps}")
        self._draw_manifest(c, total, first_exhibit_page + len(plan))
        c.save()
        if pdf_pages:
            self._merge_pdf_evidence(path, pdf_pages)
        self._finish_metadata(path, title)
        return total

    def _footer(self, c: Canvas, total: int) -> None:
        P.footer(c, c.getPageNumber(), total, self.case.order_no)

    def _section(self, c: Canvas, key: str, title: str, level: int = 0) -> None:
        c.bookmarkPage(key)
        c.addOutlineEntry(title, key, level=level, closed=False)

    def _draw_front(self, c: Canvas, plan: list[ExhibitPage], starts: dict[int, int], total: int,
                    first_exhibit_page: int) -> int:
        """The submission's cover and 举证说明 / 证据目录 (export/submission.py builds them from the model)."""
        started = {"cover": False, "checklist": False}

        def opener(section: str, key: str, title: str):
            def new_page() -> None:
                if not started[section]:
                    started[section] = True
                    self._section(c, key, title)
            return new_page

        def end_page() -> None:
            self._footer(c, total)
            c.showPage()

        parts = {page.number: page.parts for page in plan}
        pages = P.flow(c, submission.cover_story(self.doc, self.styles), opener("cover", "cover", "封面"), end_page)
        story = submission.points_story(self.doc, self.styles, starts, parts)
        pages += P.flow(c, story, opener("checklist", "checklist", "举证说明与证据目录"), end_page)
        return pages

    def _exhibit_no(self, item_id: int) -> int:
        return next(n for n, item in enumerate(self.items, 1) if item.id == item_id)

    def _draw_exhibit(self, c: Canvas, page: ExhibitPage, page_no: int, total: int, first: bool) -> None:
        item, cat = page.item, self.catalog
        if page.number == 1 and first:
            c.bookmarkPage("exhibits")
            c.addOutlineEntry("证据", "exhibits", level=0, closed=False)
        if first:
            key = f"exhibit-{page.number}"
            c.bookmarkPage(key)
            c.addOutlineEntry(f"证据 {page.number} · {cat.kind_name(item.kind)}", key, level=1)
        part = f"第 {page.part}/{page.parts} {'页' if item.is_pdf or item.is_video else '部分'}" if page.parts > 1 else ""
        P.header_band(c, f"证据 {page.number} · {cat.kind_name(item.kind)}", part)
        c.setFont(P.register(), 11)
        c.setFillColor(P.INK)
        caption = item.caption or cat.kind_name(item.kind)
        c.drawString(P.MARGIN, P.HEADER_TOP - P.BAND_H - 16, _clip(c, caption, P.SLOT_W, 11))
        meta = []
        if item.is_video:
            meta = V.video_meta(item)  # the full SHA-256 goes on its own line above the grid
        else:
            if item.captured_at:
                meta.append("拍摄时间 " + item.captured_at.replace("T", " ")[:19])
            meta.append("原文件 " + item.original_name)
            meta.append("SHA-256 " + item.sha256[:12])
        c.setFont(P.register(), 8)
        c.setFillColor(P.GREY)
        c.drawString(P.MARGIN, P.HEADER_TOP - P.BAND_H - 31, _clip(c, " · ".join(meta), P.SLOT_W, 8))
        if page.cells is not None:
            V.draw_grid(c, item, page.cells, _clip)
            for cell in page.cells:
                self._frame_text_layer(c, item, cell)
        if page.image is not None:
            img = page.image
            scale = min(P.SLOT_W / img.width, P.SLOT_H / img.height)
            w, h = img.width * scale, img.height * scale
            x = P.SLOT_X + (P.SLOT_W - w) / 2
            y = P.SLOT_TOP - h
            c.drawImage(img.path, x, y, w, h)
            self._text_layer(c, item, img, (x, y, w, h))
            c.setStrokeColor(P.RULE)
            c.rect(x, y, w, h, stroke=1, fill=0)
        self._footer(c, total)
        c.showPage()

    def _text_layer(self, c: Canvas, item: EvidenceItem, image: Prepared,
                    rect: tuple[float, float, float, float]) -> None:
        """What was read from the picture, invisible over it: the bundle can be searched and copied from."""
        if image.frame is None:
            return  # a redacted PDF page rendered to pixels: no text layer at all
        if item.id not in self._readings:
            self._readings[item.id] = reading_of(self.library, item)
        reading = self._readings[item.id]
        if reading is not None:
            textlayer.draw(c, textlayer.place(reading, image.frame, item.redactions, rect), P.register())

    def _frame_text_layer(self, c: Canvas, item: EvidenceItem, cell: FrameCell) -> None:
        """A video key frame's reading, invisible over its cell, as an image exhibit's (see _text_layer)."""
        if cell.image is None or cell.image.frame is None:
            return
        if item.id not in self._readings:
            self._readings[item.id] = reading_of(self.library, item)
        reading = self._readings[item.id]
        found = V.frame_reading(item, cell, reading) if reading is not None else None
        if found is not None:
            on_frame, boxes = found
            textlayer.draw(c, textlayer.place(on_frame, cell.image.frame, boxes, V.image_rect(cell)), P.register())

    def _draw_manifest(self, c: Canvas, total: int, first_page: int) -> int:
        S = self.styles
        started = [False]

        def new_page() -> None:
            if not started[0]:
                started[0] = True
                self._section(c, "manifest", "文件清单(校验用)")

        def end_page() -> None:
            self._footer(c, total)
            c.showPage()

        rows = [[Paragraph(h, S["cell_small"]) for h in ("编号", "原文件名", "SHA-256", "大小", "像素/页数", "拍摄时间")]]
        for number, item in enumerate(self.items, 1):
            pixels = f"{item.width}×{item.height}" if item.width else f"{item.page_count} 页"
            if item.is_video:
                from evidence_app.imaging.video import timecode

                pixels += f"<br/>视频 {timecode(item.duration_s or 0)}"
            taken = item.captured_at.replace("T", " ")[:19] if item.captured_at else "—"
            rows.append([Paragraph(f"证据 {number}", S["cell_small"]), Paragraph(_esc(item.original_name), S["cell_small"]),
                         Paragraph(item.sha256[:32] + "<br/>" + item.sha256[32:], S["cell_small"]),
                         Paragraph(_size(item.size), S["cell_small"]), Paragraph(pixels, S["cell_small"]),
                         Paragraph(taken, S["cell_small"])])
        table = Table(rows, colWidths=[40, 120, 160, 55, 70, P.SLOT_W - 445], repeatRows=1)
        table.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.4, P.RULE), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eef2f7"))]))
        story = [Paragraph("文件清单", S["title"]),
                 Paragraph("每份证据原文件的 SHA-256 校验值,可用于核对文件未被改动。图片中的涂黑区域为隐私遮挡,原文件未被修改。",
                           S["small"]), Spacer(1, 8), table]
        return P.flow(c, story, new_page, end_page)

    def _merge_pdf_evidence(self, path: Path, pdf_pages: dict[int, ExhibitPage]) -> None:
        from pypdf import PdfReader, PdfWriter

        writer = PdfWriter(clone_from=str(path))
        readers: dict[int, PdfReader] = {}
        for index, page in pdf_pages.items():
            item = page.item
            reader = readers.get(item.id)
            if reader is None:
                try:
                    with warnings.catch_warnings():
                        warnings.simplefilter("ignore")
                        reader = PdfReader(str(self.library.file_path(item)), strict=False)
                        if reader.is_encrypted:
                            reader.decrypt("")
                except Exception as exc:  # noqa: BLE001
                    raise ExportError(f"证据 {page.number} ({item.original_name}) cannot be read: "
                                      f"{str(exc).splitlines()[0] if str(exc) else type(exc).__name__}",
                                      item_id=item.id) from None
                readers[item.id] = reader
            try:
                self._merge_page(writer.pages[index], reader, page)
            except Exception as exc:  # noqa: BLE001 - a broken page names its exhibit, one line
                raise ExportError(f"证据 {page.number} ({item.original_name}), page {page.part}, cannot be merged: "
                                  f"{str(exc).splitlines()[0] if str(exc) else type(exc).__name__}",
                                  item_id=item.id) from None
        with open(path, "wb") as handle:
            writer.write(handle)

    @staticmethod
    def _merge_page(target, reader, page: ExhibitPage) -> None:
        from pypdf import Transformation

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            source = reader.pages[page.pdf_page]
            clean_source_page(source)  # no annotations, actions or page metadata come along
            box = source.cropbox
            width, height = float(box.width), float(box.height)
            rotate = int(source.get("/Rotate", 0) or 0) % 360
            # honour /Rotate ourselves: page content upright, then fitted into the slot
            transform = Transformation().translate(-float(box.left), -float(box.bottom))
            if rotate:
                transform = transform.rotate(-rotate).translate(
                    *{90: (0, width), 180: (width, height), 270: (height, 0)}[rotate])
                if rotate in (90, 270):
                    width, height = height, width
            scale = min(P.SLOT_W / width, P.SLOT_H / height)
            x = P.SLOT_X + (P.SLOT_W - width * scale) / 2
            y = P.SLOT_TOP - height * scale
            transform = transform.scale(scale, scale).translate(x, y)
            target.merge_transformed_page(source, transform, over=False)

    def _finish_metadata(self, path: Path, title: str) -> None:
        """Only what we choose: title, subject, our name. No author, no paths, no user names."""
        from pypdf import PdfWriter

        writer = PdfWriter(clone_from=str(path))
        writer.metadata = {"/Title": title, "/Subject": self.catalog.scenario_name(self.case.scenario),
                           "/Creator": f"举证助手 evidence_app {__version__}", "/Producer": "举证助手 evidence_app",
                           "/CreationDate": self.now.strftime("D:%Y%m%d%H%M%S+08'00'")}
        writer.page_mode = "/UseOutlines"
        sanitize(writer)
        tmp = path.with_suffix(".meta.pdf")
        with open(tmp, "wb") as handle:
            writer.write(handle)
        os.replace(tmp, path)


def _done(folder: Path, item_id: int) -> bool:
    return any(folder.glob(f"item{item_id}.*")) or any(folder.glob(f"item{item_id}_*"))


def _esc(text: str) -> str:
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _clip(c: Canvas, text: str, width: float, size: float) -> str:
    font = P.register()
    if c.stringWidth(text, font, size) <= width:
        return text
    while text and c.stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


def _size(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 1e6 else f"{n / 1e3:.0f} KB"


def export_pdf(library: Library, case_id: int, target: Path, preset: str = "print", budget: int = DEFAULT_BUDGET,
               progress: ProgressFn | None = None, cancelled: CancelFn | None = None,
               workers: int | None = None, skip: Collection[int] = ()) -> ExportResult:
    exporter = BundleExporter(library, case_id, progress=progress, cancelled=cancelled, workers=workers, skip=skip)
    return exporter.export_pdf(target, preset, budget)


