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
from evidence_app.export import submission
from evidence_app.export.document import BundleDocument
from evidence_app.export.document import build as build_document
from evidence_app.export.model import (COMPACT_STEPS, DEFAULT_BUDGET, PRINT, CancelFn, ExportCancelled, ExportError,
                                       ExportResult, Preset, ProgressFn, check_pdf_target)
from evidence_app.export.ahead import image_job as _image_job
from evidence_app.export.prepare_pool import PreparePool, settle_released
from evidence_app.export import pdfinfo, pngpass, textlayer
from evidence_app.export import video_pages as V
from evidence_app.export.video_pages import FrameCell
from evidence_app.imaging.prepare import ImageJob, Prepared, PreparedImage, predict_slices
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
        self._paragraphs: dict = {}  # the front matter's paragraphs, made once though it is laid out twice
        self.workers = workers
        self.styles = P.styles()
        self._pdf_renders: dict[int, dict[int, Prepared]] = {}  # redacted PDF pages rendered as images
        self._readings: dict[int, Reading | None] = {}  # what was read from each image, for the text layer
        self._checked = False  # every stored file re-hashed once per export, while the workers prepare
        self._front_dry: tuple[tuple, int] | None = None  # (exhibits' parts, pages of cover and checklist)
        self._manifest_dry: int | None = None
        self._job_keys: set = set()  # what was sent to the workers (an image's id, a video frame's (id, index))
        self._jobs_total = self._jobs_done = self._drawn = self._shown = 0  # progress: prepared, drawn, shown
        self._stream: _Render | None = None

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
                data_path = Path(tmp) / f"bundle{index}.pdf"
                streaming = preset == "print"  # one step: its pages can be drawn while pictures are prepared
                prepared = self._prepare(pool, step, Path(tmp) / f"s{index}", data_path if streaming else None)
                if preset == "print" or floor:
                    pool.release()
                if preset == "compact" and not floor:
                    estimate = sum(p.bytes for p in prepared.values()) + self._pdf_evidence_bytes() + PDF_OVERHEAD
                    if estimate > budget:
                        continue
                stream, self._stream = self._stream, None
                pages = stream.finish(prepared) if stream is not None else self._render(prepared, data_path)
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
        SHA-256 says nothing changed. Runs once, before anything is written (the first preparation's)."""
        from evidence_app.storage.verify import MISSING, file_problem

        if self._checked:
            return
        for number, item in enumerate(self.items, 1):
            problem = file_problem(self.library, item)
            if problem:
                raise self._file_error(number, item, problem == MISSING)
        self._checked = True

    def _file_error(self, number: int, item: EvidenceItem, missing: bool) -> ExportError:
        return ExportError(f"证据 {number} ({self.catalog.kind_name(item.kind)}, {item.original_name}): "
                           + ("the stored file is missing from the library" if missing else
                              "the stored file is damaged (its SHA-256 no longer matches); "
                              "run `evidence-app verify`"), item_id=item.id)

    def _pdf_evidence_bytes(self) -> int:
        return sum(item.size for item in self.items if item.is_pdf)

    def _report(self, what: str) -> None:
        # never backwards, even when pages drawn early are drawn again (their count was mispredicted)
        self._shown = max(self._shown, self._jobs_done + self._drawn)
        self.progress(self._shown, self._jobs_total + len(self.items), what)

    def _prepare(self, pool: PreparePool, preset: Preset, folder: Path,
                 stream_to: Path | None = None) -> dict[int, PreparedImage]:
        """Every picture prepared by the workers. With `stream_to`, the PDF is written there meanwhile, page by
        page as pictures come back (`self._stream`, finished by the caller); None if that was not possible."""
        folder.mkdir(parents=True, exist_ok=True)
        box_w, box_h = P.slot_pixels(preset.dpi)
        jobs = {}
        for number, item in enumerate(self.items, 1):
            if item.is_video:
                jobs.update(self._video_jobs(number, item, preset, folder))
                continue
            if item.is_pdf:
                continue
            jobs[item.id] = _image_job(self.library, item, preset, folder, box_w, box_h)
        self._job_keys = set(jobs)
        self._jobs_total, self._jobs_done, self._drawn, self._shown = len(jobs), 0, 0, 0
        results: dict = {}
        self._stream = None

        def early(step) -> None:
            """A step of drawing while pictures are prepared. An exhibit needing other pages than planned (False),
            or any error, drops it: everything is drawn afterwards, and an error then says what it is, not
            "cannot be decoded" for a picture still being prepared."""
            try:
                if step() is False:
                    self._stream, self._drawn = None, 0
            except ExportCancelled:
                raise
            except Exception:  # noqa: BLE001 - see above
                self._stream, self._drawn = None, 0

        def advance() -> None:
            if self._stream is not None:
                early(lambda: self._stream.advance(results))

        def tick(key: int) -> None:
            self._jobs_done += 1
            self._report(f"准备图片 {self._jobs_done}/{len(jobs)}")
            advance()

        self._report("准备图片")

        def meanwhile() -> None:  # this process's part, while the workers prepare the images
            self._check_files()
            self._pdf_renders = self._render_redacted_pdfs(preset, folder)
            parts = self._predicted_parts(jobs)
            if parts is not None:
                self._front_pages(parts)
            self._manifest_pages()
            if stream_to is not None and parts is not None:  # pages are drawn as pictures come back
                early(lambda: setattr(self, "_stream", _Render(self, stream_to, parts)))
                advance()

        try:
            return pool.run(jobs, tick, self.cancelled, meanwhile, into=results, in_order=stream_to is not None)
        except (ExportCancelled, ExportError):
            raise
        except BrokenProcessPool:
            raise ExportError("an image worker process stopped unexpectedly (out of memory?); try again") from None
        except Exception as exc:  # noqa: BLE001 - name the exhibit, one line
            key = pool.failed[0] if isinstance(pool.failed, tuple) else pool.failed  # a video frame: (item, n)
            failed = next((n for n, i in enumerate(self.items, 1) if i.id == key), None)
            if failed is None:  # not a job's own error: the first exhibit not prepared
                failed = next((n for n, i in enumerate(self.items, 1) if i.id in jobs and not _done(folder, i.id)),
                              None)
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
            self._check_files()  # a missing or damaged file says so, not "cannot be decoded"
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
            plan += self._plan_item(number, item, prepared)
        return plan

    def _ready(self, item: EvidenceItem, prepared: dict) -> bool:
        """Whether every picture of `item` submitted for preparation is back."""
        if item.is_video:
            return all(key in prepared for key in self._job_keys if isinstance(key, tuple) and key[0] == item.id)
        return item.is_pdf or item.id in prepared or item.id not in self._job_keys

    def _plan_item(self, number: int, item: EvidenceItem, prepared: dict) -> list[ExhibitPage]:
        if item.is_video:
            images = {index: prepared[(item.id, index)].slices[0] for index in range(len(item.frames))
                      if (item.id, index) in prepared}  # type: ignore[index]
            groups = V.chunks(item)
            return [ExhibitPage(number, item, n + 1, len(groups), cells=V.cells(item, group, images))
                    for n, group in enumerate(groups)]
        if item.is_pdf:
            count = item.page_count or 1
            renders = self._pdf_renders.get(item.id, {})
            return [ExhibitPage(number, item, n + 1, count, image=renders.get(n),
                                pdf_page=None if n in renders else n) for n in range(count)]
        slices = prepared[item.id].slices
        return [ExhibitPage(number, item, n + 1, len(slices), image=s) for n, s in enumerate(slices)]

    # --- rendering -----------------------------------------------------------------------------------------

    def _render(self, prepared: dict[int, PreparedImage], path: Path) -> int:
        """The whole PDF from prepared pictures (compact steps, the upload pack's render)."""
        render = _Render(self, path, self._parts(self._plan(prepared)))
        return render.finish(prepared)

    def _footer(self, c: Canvas, total: int) -> None:
        P.footer(c, c.getPageNumber(), total, self.case.order_no)

    def _section(self, c: Canvas, key: str, title: str, level: int = 0) -> None:
        c.bookmarkPage(key)
        c.addOutlineEntry(title, key, level=level, closed=False)

    @staticmethod
    def _parts(plan: list[ExhibitPage]) -> dict[int, int]:
        return {page.number: page.parts for page in plan}

    def _predicted_parts(self, jobs: dict) -> dict[int, int] | None:
        """Each exhibit's page count before its images are prepared (from headers); None if one cannot say."""
        parts = {}
        for number, item in enumerate(self.items, 1):
            if item.is_video:
                parts[number] = len(V.chunks(item))
            elif item.is_pdf:
                parts[number] = item.page_count or 1
            else:
                count = predict_slices(jobs[item.id]) if item.id in jobs else None
                if count is None:
                    return None
                parts[number] = count
        return parts

    def _front_pages(self, parts: dict[int, int]) -> int:
        """How many pages the cover and the checklist take (a dry run: the index cites exhibits' parts), kept
        for the same parts: done while the workers prepare, it is not redone after them."""
        key = tuple(sorted(parts.items()))
        if self._front_dry is None or self._front_dry[0] != key:
            pages = self._draw_front(Canvas(io.BytesIO()), parts, {}, total=999, first_exhibit_page=999)
            self._front_dry = (key, pages)
        return self._front_dry[1]

    def _manifest_pages(self) -> int:
        if self._manifest_dry is None:
            self._manifest_dry = self._draw_manifest(Canvas(io.BytesIO()), 999, 1)
        return self._manifest_dry

    def _draw_front(self, c: Canvas, parts: dict[int, int], starts: dict[int, int], total: int,
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

        memo = self._paragraphs
        pages = P.flow(c, submission.cover_story(self.doc, self.styles, memo), opener("cover", "cover", "封面"),
                       end_page)
        story = submission.points_story(self.doc, self.styles, starts, parts, memo=memo)
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
            if not (img.format == "PNG" and pngpass.draw(c, img.path, x, y, w, h)):
                c.drawImage(img.path, x, y, w, h)  # JPEG bytes pass through; other PNGs are re-encoded
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

        # Plain strings where nothing needs wrapping (a Paragraph lays CJK text out character by character: 120
        # rows of hashes took most of a second, twice, since a dry run counts the pages); the file name wraps.
        rows = [["编号", Paragraph("原文件名", S["cell_small"]), "SHA-256", "大小", "像素/页数", "拍摄时间"]]
        for number, item in enumerate(self.items, 1):
            pixels = f"{item.width}×{item.height}" if item.width else f"{item.page_count} 页"
            if item.is_video:
                from evidence_app.imaging.video import timecode

                pixels += f"\n视频 {timecode(item.duration_s or 0)}"
            taken = item.captured_at.replace("T", " ")[:19] if item.captured_at else "—"
            rows.append([f"证据 {number}", Paragraph(_esc(item.original_name), S["cell_small"]),
                         item.sha256[:32] + "\n" + item.sha256[32:], _size(item.size), pixels, taken])
        cell = S["cell_small"]
        table = Table(rows, colWidths=[40, 120, 160, 55, 70, P.SLOT_W - 445], repeatRows=1)
        table.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.4, P.RULE), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("FONT", (0, 0), (-1, -1), cell.fontName, cell.fontSize, cell.leading),
                                   ("TEXTCOLOR", (0, 0), (-1, -1), cell.textColor),
                                   ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eef2f7"))]))
        story = [Paragraph("文件清单", S["title"]),
                 Paragraph("每份证据原文件的 SHA-256 校验值,可用于核对文件未被改动。图片中的涂黑区域为隐私遮挡,原文件未被修改。",
                           S["small"]), Spacer(1, 8), table]
        return P.flow(c, story, new_page, end_page)

    def _merge_pdf_evidence(self, path: Path, pdf_pages: dict[int, ExhibitPage], info: dict[str, str]) -> None:
        # pypdf (and the cryptography package it loads) only when a case has PDF evidence: 0.1 s at every start
        from pypdf import PdfReader, PdfWriter

        from evidence_app.export.pdfsafe import sanitize

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
        writer.metadata = {"/" + key: value for key, value in info.items()}
        writer.page_mode = "/UseOutlines"
        sanitize(writer)  # merged pages bring objects of their own: nothing hidden comes along
        tmp = path.with_suffix(".merged.pdf")
        with open(tmp, "wb") as handle:
            writer.write(handle)
        os.replace(tmp, path)

    @staticmethod
    def _merge_page(target, reader, page: ExhibitPage) -> None:
        from pypdf import Transformation

        from evidence_app.export.pdfsafe import clean_source_page

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

class _Render:
    """Writes the bundle in page order: the cover and checklist first (their page numbers come from each exhibit's
    page count, known from the pictures' headers before they are prepared), then every exhibit as soon as its
    pictures are back from the workers, so that when the last one arrives only the manifest and the save remain.
    `advance` returns False if an exhibit turns out to need another page count than planned: the caller then
    starts over with the counts known (a mistake costs time, never a wrong page number)."""

    def __init__(self, ex: BundleExporter, path: Path, parts: dict[int, int]):
        self.ex, self.path, self.parts = ex, path, parts
        front = ex.front_pages = ex._front_pages(parts)  # dry runs: the pages text flows onto
        self.first = front + 1
        self.total = front + sum(parts.values()) + ex._manifest_pages()
        self.starts: dict[int, int] = {}
        page = self.first
        for number in sorted(parts):
            self.starts[number] = page
            page += parts[number]
        self.c = Canvas(str(path), pagesize=(P.PAGE_W, P.PAGE_H), pageCompression=1)
        ex._draw_front(self.c, parts, self.starts, self.total, self.first)
        self.page_no = self.first
        self.next = 1  # the next exhibit to draw
        self.pdf_pages: dict[int, ExhibitPage] = {}

    def advance(self, prepared: dict) -> bool:
        ex = self.ex
        while self.next <= len(ex.items):
            item = ex.items[self.next - 1]
            if not ex._ready(item, prepared):
                return True
            pages = ex._plan_item(self.next, item, prepared)
            if len(pages) != self.parts.get(self.next):
                return False
            for page in pages:
                if ex.cancelled():
                    raise ExportCancelled()
                ex._draw_exhibit(self.c, page, self.page_no, self.total, first=page.part == 1)
                if page.pdf_page is not None:
                    self.pdf_pages[self.page_no - 1] = page
                self.page_no += 1
            ex._drawn += 1
            ex._report(f"排版 证据 {self.next}/{len(ex.items)}")
            self.next += 1
        return True

    def finish(self, prepared: dict) -> int:
        if not self.advance(prepared) or self.next <= len(self.ex.items):
            raise AssertionError("an exhibit's pages differ from the plan")  # callers plan from `prepared`
        ex, c = self.ex, self.c
        ex._draw_manifest(c, self.total, self.page_no)
        title = f"举证材料 · {ex.catalog.scenario_name(ex.case.scenario)} · 订单 {ex.case.order_no or ex.case.id}"
        info = pdfinfo.entries(title, ex.catalog.scenario_name(ex.case.scenario),
                               f"举证助手 evidence_app {__version__}", "举证助手 evidence_app",
                               ex.now.strftime("D:%Y%m%d%H%M%S+08'00'"))
        pdfinfo.apply(c, info)
        c.showOutline()  # open with the bookmarks shown
        settle_released()
        c.save()
        if self.pdf_pages:  # pypdf rewrites the file once: pages merged, then every object cleaned
            ex._merge_pdf_evidence(self.path, self.pdf_pages, info)
        return self.total


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


