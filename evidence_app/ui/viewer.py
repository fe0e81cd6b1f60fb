"""Evidence viewer: large view with zoom and pan, rotate, crop, and redaction rectangles that every export
blacks out. Edits are stored beside the item; the original file is never touched. Left/Right: previous/next."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QImage, QKeySequence, QPainter, QPen, QPixmap, QShortcut, QTransform
from PySide6.QtWidgets import (QButtonGroup, QDialog, QGraphicsItem, QGraphicsPixmapItem, QGraphicsRectItem,
                               QGraphicsScene, QGraphicsSimpleTextItem, QGraphicsView, QHBoxLayout, QLabel,
                               QToolButton, QVBoxLayout)

from evidence_app.core.model import EvidenceItem, Redaction
from evidence_app.reading import lookup, pii
from evidence_app.storage.library import Library
from evidence_app.ui.suggestions_panel import DONE, NOT_READ, OFF, SuggestionsPanel

MAX_VIEW_PX = 2400


def pdf_page_points(library: Library, item: EvidenceItem, page: int) -> tuple[float, float]:
    """Width and height in points of a PDF item's page (0-based) as displayed."""
    import pypdfium2 as pdfium

    from evidence_app.imaging.pdfium_lock import PDFIUM

    with PDFIUM:
        document = pdfium.PdfDocument(str(library.file_path(item)), password="")
        try:
            return document[page].get_size()
        finally:
            document.close()


def paged(item: EvidenceItem) -> bool:
    """PDFs and multi-page TIFFs: boxes belong to a page (a video's: to a key frame, see VideoPanel)."""
    return not item.is_video and (item.is_pdf or (item.page_count or 1) > 1)


def image_page_width(library: Library, item: EvidenceItem, page: int) -> int:
    """Upright width in pixels of page `page` (0-based) of a multi-page image."""
    from PIL import Image

    with Image.open(library.file_path(item)) as src:
        src.seek(page)
        width, height = src.size
    return height if item.orientation in (5, 6, 7, 8) else width


def load_upright(library: Library, item: EvidenceItem, page: int = 0) -> QImage:
    """The item as it looks upright (EXIF applied, no agent edits), at most MAX_VIEW_PX on its long side.
    For a PDF, its page `page` (0-based) as displayed."""
    from PIL import Image, ImageOps

    from evidence_app.imaging.probe import ensure_heif

    path = library.file_path(item)
    if item.is_pdf:
        import pypdfium2 as pdfium

        from evidence_app.imaging.pdfium_lock import PDFIUM

        with PDFIUM:
            document = pdfium.PdfDocument(str(path), password="")
            try:
                page = document[page]
                w, h = page.get_size()
                img = page.render(scale=min(3.0, MAX_VIEW_PX / max(w, h)), fill_color=(255, 255, 255, 255)).to_pil()
            finally:
                document.close()
    else:
        ensure_heif()
        with Image.open(path) as src:
            if page:
                src.seek(page)  # a multi-page TIFF
            if src.format == "JPEG":
                src.draft("RGB", (MAX_VIEW_PX, MAX_VIEW_PX))
            src.load()
            img = ImageOps.exif_transpose(src.convert("RGB") if src.mode not in ("RGB", "RGBA") else src)
            img.thumbnail((MAX_VIEW_PX, MAX_VIEW_PX))
    img = img.convert("RGBA")
    data = img.tobytes("raw", "RGBA")
    return QImage(data, img.width, img.height, img.width * 4, QImage.Format.Format_RGBA8888).copy()


class Canvas(QGraphicsView):
    rect_drawn = Signal(QRectF)  # in upright image pixels
    suggestion_clicked = Signal(int)  # index of a dashed suggested box

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setBackgroundBrush(QBrush(QColor("#374151")))
        self.pixmap_item: QGraphicsPixmapItem | None = None
        self.mode = "pan"
        self.auto_fit = True  # follow the window's size until the user zooms
        self._start: QPointF | None = None
        self._rubber: QGraphicsRectItem | None = None

    def set_mode(self, mode: str) -> None:
        self.mode = mode
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag if mode == "pan" else QGraphicsView.DragMode.NoDrag)
        self.viewport().setCursor(Qt.CursorShape.CrossCursor if mode != "pan" else Qt.CursorShape.OpenHandCursor)

    def wheelEvent(self, event) -> None:  # noqa: N802
        self.zoom(1.25 if event.angleDelta().y() > 0 else 0.8)

    def zoom(self, factor: float) -> None:
        self.auto_fit = False
        self.scale(factor, factor)

    def fit(self) -> None:
        self.auto_fit = True
        if self.pixmap_item is not None:
            self.fitInView(self.pixmap_item.sceneBoundingRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self.auto_fit:
            self.fit()

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            event.ignore()  # previous/next belongs to the viewer, not to scrolling
            return
        super().keyPressEvent(event)

    def image_point(self, view_pos) -> QPointF:
        assert self.pixmap_item is not None
        return self.pixmap_item.mapFromScene(self.mapToScene(view_pos))

    def mousePressEvent(self, event) -> None:  # noqa: N802
        if self.mode == "pan" and event.button() == Qt.MouseButton.LeftButton:
            hit = self.itemAt(event.position().toPoint())
            if hit is not None and hit.data(0) == "suggestion":
                self.suggestion_clicked.emit(int(hit.data(1)))
                return
        if self.mode != "pan" and self.pixmap_item is not None and event.button() == Qt.MouseButton.LeftButton:
            self._start = self.image_point(event.position().toPoint())
            self._rubber = QGraphicsRectItem(QRectF(self._start, self._start), self.pixmap_item)
            self._rubber.setPen(QPen(QColor("#f59e0b"), 0, Qt.PenStyle.DashLine))
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        if self._start is not None and self._rubber is not None:
            self._rubber.setRect(QRectF(self._start, self.image_point(event.position().toPoint())).normalized())
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        if self._start is not None and self._rubber is not None:
            rect = QRectF(self._start, self.image_point(event.position().toPoint())).normalized()
            self.scene().removeItem(self._rubber)
            self._start, self._rubber = None, None
            if rect.width() >= 2 and rect.height() >= 2:
                self.rect_drawn.emit(rect)
            return
        super().mouseReleaseEvent(event)


class EvidenceViewer(QDialog):
    changed = Signal(int)  # item id whose edits changed
    navigate = Signal(int)  # item id now shown

    def __init__(self, library: Library, item_ids: list[int], current: int, parent=None):
        super().__init__(parent)
        self.library = library
        self.item_ids = item_ids
        self.index = item_ids.index(current) if current in item_ids else 0
        self.item: EvidenceItem | None = None
        self.scale = 1.0
        self.page = 0  # PDFs: the page shown (0-based); its boxes are in points
        self.suggestions: list[pii.Suggestion] = []  # not yet applied, on the page shown
        self._highlight = -1
        self._undo: list[list[Redaction]] = []  # the item's boxes before each added box or applied suggestion
        self.setWindowTitle(self.tr("Evidence viewer"))
        room = (parent.screen() if parent is not None else self.screen()).availableGeometry()
        self.resize(min(1100, room.width() - 40), min(800, room.height() - 40))  # a 1366×768 laptop: fits
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.title = QLabel(self)
        self.title.setStyleSheet("font-weight: bold;")
        self.mode_group = QButtonGroup(self)
        self.pan_button = self._tool(self.tr("Pan"), checkable=True)
        self.redact_button = self._tool(self.tr("Redact"), checkable=True)
        self.crop_button = self._tool(self.tr("Crop"), checkable=True)
        for n, button in enumerate((self.pan_button, self.redact_button, self.crop_button)):
            self.mode_group.addButton(button, n)
        self.pan_button.setChecked(True)
        buttons = [self._tool(self.tr("Zoom in"), self._zoom_in), self._tool(self.tr("Zoom out"), self._zoom_out),
                   self._tool(self.tr("Fit"), lambda: self.canvas.fit()),
                   self._tool(self.tr("Rotate left"), lambda: self.rotate(-90)),
                   self._tool(self.tr("Rotate right"), lambda: self.rotate(90)),
                   self.pan_button, self.redact_button, self.crop_button,
                   self._tool(self.tr("Clear redactions"), self.clear_redactions),
                   self._tool(self.tr("Clear crop"), self.clear_crop)]
        self.page_prev = self._tool(self.tr("Previous page"), lambda: self.show_page(self.page - 1))
        self.page_label = QLabel(self)
        self.page_next = self._tool(self.tr("Next page"), lambda: self.show_page(self.page + 1))
        buttons = [self.page_prev, self.page_label, self.page_next, *buttons]
        bar.addWidget(self.title, 1)
        for button in buttons:
            bar.addWidget(button)
        self.canvas = Canvas(self)
        self.suggestions_panel = SuggestionsPanel(self)
        middle = QHBoxLayout()
        middle.addWidget(self.canvas, 1)
        middle.addWidget(self.suggestions_panel)
        self.hint = QLabel(self.tr("Black boxes are burned into every export; the original file is never changed. "
                                   "←/→: previous/next, PgUp/PgDn: PDF pages"), self)
        self.hint.setStyleSheet("color: #6b7280;")
        from evidence_app.ui.video_panel import FrameDecoder, VideoPanel

        self.video_panel = VideoPanel(library, self)
        self.decoder = FrameDecoder()
        self.frame_shown: float | None = None  # a video: the time of the frame on the canvas
        layout.addLayout(bar)
        layout.addLayout(middle, 1)
        layout.addWidget(self.video_panel)
        layout.addWidget(self.hint)
        self.video_panel.position_changed.connect(self._video_position)
        self.video_panel.frames_changed.connect(self._video_frames_changed)
        self.decoder.signals.ready.connect(self._frame_ready)
        self.decoder.signals.failed.connect(self._decode_failed)  # a bound method: no cycle keeps the viewer
        self.mode_group.idToggled.connect(self._mode)
        self.canvas.rect_drawn.connect(self._rect_drawn)
        self.canvas.suggestion_clicked.connect(self.apply_suggestion)
        self.suggestions_panel.apply_one.connect(self.apply_suggestion)
        self.suggestions_panel.apply_all.connect(self.apply_all_suggestions)
        self.suggestions_panel.highlighted.connect(self._set_highlight)
        QShortcut(QKeySequence.StandardKey.Undo, self, self.undo_redaction)
        QShortcut(QKeySequence.StandardKey.ZoomIn, self, self._zoom_in)
        QShortcut(QKeySequence.StandardKey.ZoomOut, self, self._zoom_out)
        self.show_item()

    def _tool(self, text: str, slot=None, checkable: bool = False) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setCheckable(checkable)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # arrow keys page through the exhibits
        if slot:
            button.clicked.connect(slot)
        return button

    def _mode(self, button_id: int, on: bool) -> None:
        if on:
            self.canvas.set_mode(("pan", "redact", "crop")[button_id])

    def _zoom_in(self) -> None:
        self.canvas.zoom(1.25)

    def _zoom_out(self) -> None:
        self.canvas.zoom(0.8)

    def show_item(self, page: int = 0) -> None:
        previous = self.item.id if self.item is not None else None
        self.item = self.library.item(self.item_ids[self.index])
        item = self.item
        if item.id != previous:
            self._undo = []
        self.page = max(0, min(page, (item.page_count or 1) - 1)) if paged(item) else 0
        self.video_panel.setVisible(item.is_video)
        self.hint.setText(self._hint_text(item))
        if item.is_video:
            self._show_header(item)
            self.canvas.scene().clear()
            self.canvas.pixmap_item = None
            self.frame_shown = None
            self.video_panel.set_item(item)  # asks for its first frame: decoded off the GUI thread
            self.navigate.emit(item.id)
            return
        image = load_upright(self.library, item, self.page)
        self._show_image(image)
        self._show_header(item)
        self.canvas.fit()
        self.navigate.emit(item.id)

    def _hint_text(self, item: EvidenceItem) -> str:
        if item.is_video:
            return self.tr("Black boxes on a key frame are burned into the exported frame and the trimmed copy; the "
                           "original video is never changed. ←/→: frame, Shift+←/→: second, K: key frame, "
                           "PgUp/PgDn: previous/next exhibit")
        return self.tr("Black boxes are burned into every export; the original file is never changed. "
                       "←/→: previous/next, PgUp/PgDn: PDF pages")

    def _show_image(self, image: QImage) -> None:
        item = self.item
        assert item is not None
        scene = self.canvas.scene()
        scene.clear()
        pixmap_item = scene.addPixmap(QPixmap.fromImage(image))
        # item coordinates = upright pixels of the original (a PDF: points of the page), whatever size we decoded
        if item.is_pdf:
            self.scale = pdf_page_points(self.library, item, self.page)[0] / image.width()
        elif self.page:
            self.scale = image_page_width(self.library, item, self.page) / image.width()
        else:
            self.scale = (item.width / image.width()) if item.width else 1.0
        pixmap_item.setScale(self.scale)
        pixmap_item.setTransformOriginPoint(0, 0)
        self.canvas.pixmap_item = pixmap_item
        self._find_suggestions()
        self._draw_edits()

    def _show_header(self, item: EvidenceItem) -> None:
        number = self.index + 1
        kind = self.library.catalog.kind_name(item.kind, self.library.lang)
        self.title.setText(f"{number}/{len(self.item_ids)} · {kind} · {item.caption or item.original_name}")
        self.redact_button.setEnabled(True)  # a PDF page with boxes is exported as an image, boxes burned in
        self.crop_button.setEnabled(not item.is_pdf and self.page == 0)  # an image's crop is its first page's
        if not self.crop_button.isEnabled() and self.canvas.mode == "crop":
            self.pan_button.setChecked(True)
        pages = item.page_count or 1
        for widget in (self.page_prev, self.page_label, self.page_next):
            widget.setVisible(paged(item) and pages > 1)
        self.page_label.setText(self.tr("Page %1/%2").replace("%1", str(self.page + 1)).replace("%2", str(pages)))
        self.page_prev.setEnabled(self.page > 0)
        self.page_next.setEnabled(self.page + 1 < pages)
        if item.is_video:
            self.crop_button.setEnabled(False)  # a video is shown whole; redaction boxes are per key frame
            if self.canvas.mode == "crop":
                self.pan_button.setChecked(True)

    # --- videos --------------------------------------------------------------------------------------------

    def _video_position(self, t: float) -> None:
        if self.item is not None and self.item.is_video:
            self.decoder.request(str(self.library.file_path(self.item)), t)

    def _frame_ready(self, path: str, t: float, image: QImage) -> None:
        if self.item is None or not self.item.is_video or path != str(self.library.file_path(self.item)):
            return  # the viewer moved on to another exhibit meanwhile
        fresh = self.canvas.pixmap_item is None
        self._show_image(image)
        self.frame_shown = t
        if fresh:
            self.canvas.fit()

    def _decode_failed(self, message: str) -> None:
        self.title.setText(message)

    def _video_frames_changed(self) -> None:
        if self.item is not None:
            self.item = self.video_panel.item
            self._draw_edits()
            self.changed.emit(self.item.id)

    def _draw_edits(self) -> None:
        item, pixmap_item = self.item, self.canvas.pixmap_item
        if item is None or pixmap_item is None:
            return
        for child in pixmap_item.childItems():
            self.canvas.scene().removeItem(child)
        inverse = 1 / self.scale
        for box in self._page_boxes():
            rect = QGraphicsRectItem(QRectF(box.x * inverse, box.y * inverse, box.w * inverse, box.h * inverse),
                                     pixmap_item)
            rect.setBrush(QBrush(QColor(0, 0, 0)))
            rect.setPen(QPen(Qt.PenStyle.NoPen))
        if item.crop and not item.is_pdf and self.page == 0:
            c = item.crop
            rect = QGraphicsRectItem(QRectF(c.x * inverse, c.y * inverse, c.w * inverse, c.h * inverse), pixmap_item)
            rect.setPen(QPen(QColor("#22c55e"), 0, Qt.PenStyle.DashLine))
        # the agent's rotation, shown as it will be exported
        for index, suggestion in enumerate(self.suggestions):
            x0, y0, x1, y1 = (v * inverse for v in suggestion.box)
            rect = QGraphicsRectItem(QRectF(x0, y0, x1 - x0, y1 - y0), pixmap_item)
            pen = QPen(QColor("#f97316"), 3 if index == self._highlight else 2, Qt.PenStyle.DashLine)
            pen.setCosmetic(True)
            rect.setPen(pen)
            rect.setBrush(QBrush(QColor(249, 115, 22, 60 if index == self._highlight else 25)))
            rect.setCursor(Qt.CursorShape.PointingHandCursor)
            label = QGraphicsSimpleTextItem(self.suggestions_panel.reason_text(suggestion.reason), pixmap_item)
            label.setBrush(QBrush(QColor("#c2410c")))
            label.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)  # readable at any zoom
            label.setPos(x0, y0)
            label.setTransform(QTransform.fromTranslate(0, -label.boundingRect().height()))  # just above the box
            for part in (rect, label):
                part.setData(0, "suggestion")
                part.setData(1, index)
        bounds = pixmap_item.boundingRect()
        pixmap_item.setTransformOriginPoint(bounds.center())
        pixmap_item.setRotation(item.rotation)

    def _rect_drawn(self, rect: QRectF) -> None:
        if self.item is None:
            return
        s = self.scale
        box = Redaction(max(0, round(rect.x() * s)), max(0, round(rect.y() * s)), round(rect.width() * s),
                        round(rect.height() * s), page=self.page + 1 if paged(self.item) else None)
        if self.item.is_video:
            if self.canvas.mode != "redact":
                return
            box.page = self._video_key_frame_ms()
        if self.item.width:
            box.w = min(box.w, self.item.width - box.x)
            box.h = min(box.h, self.item.height - box.y)
        if box.w <= 0 or box.h <= 0:
            return
        if self.canvas.mode == "redact":
            self._set_redactions([*self.item.redactions, box])
            return
        self.item = self.library.update_item(self.item.id, crop=box)
        self._draw_edits()
        self.changed.emit(self.item.id)

    def _video_key_frame_ms(self) -> int:
        """The key frame shown (a box drawn elsewhere makes the frame shown a key frame first)."""
        frame = self.video_panel.current_key_frame() or self.video_panel.mark_key_frame()
        assert frame is not None
        self.item = self.video_panel.item
        return frame.ms

    def _page_boxes(self) -> list[Redaction]:
        assert self.item is not None
        if self.item.is_video:
            frame = self.video_panel.current_key_frame()
            return [b for b in self.item.redactions if frame is not None and b.page == frame.ms]
        if not paged(self.item):
            return list(self.item.redactions)
        return [b for b in self.item.redactions if (b.page or 1) == self.page + 1]

    def show_page(self, page: int) -> None:
        """PDFs: show another page of the same exhibit (its own boxes)."""
        if self.item is not None and paged(self.item) and 0 <= page < (self.item.page_count or 1):
            self.show_item(page)

    def add_redaction(self, box: Redaction) -> None:
        """Used by keyboard-free callers and tests: same as drawing a box (on a PDF: on the page shown)."""
        assert self.item is not None
        if self.item.is_video and box.page is None:
            box = Redaction(box.x, box.y, box.w, box.h, page=self._video_key_frame_ms())
        elif paged(self.item) and box.page is None:
            box = Redaction(box.x, box.y, box.w, box.h, page=self.page + 1)
        self._set_redactions([*self.item.redactions, box])

    # --- suggested redactions ----------------------------------------------------------------------------

    def _find_suggestions(self) -> None:
        """What the reading suggests blacking out on the page shown, less what is already covered."""
        item = self.item
        assert item is not None
        self.suggestions, state = [], DONE
        if not item.is_pdf and not item.is_video:  # a PDF's boxes are in points; suggestions are for pictures
            reading = lookup.reading_of(self.library, item)
            if reading is None:
                state = OFF if lookup.reading_off(self.library) else NOT_READ
            else:
                found = [s for s in pii.suggest(reading) if s.page == self.page + 1]
                self.suggestions = pii.pending(found, item.redactions, paged(item))
        self._highlight = 0 if self.suggestions else -1
        self.suggestions_panel.setVisible(not item.is_pdf and not item.is_video)
        self.suggestions_panel.set_suggestions(self.suggestions, state)

    def reading_done(self, sha256: str) -> None:
        """A file was read in the background: if it is the one shown, show its suggestions."""
        if self.item is not None and self.item.sha256 == sha256:
            self._find_suggestions()
            if self.canvas.pixmap_item is not None:
                self._draw_edits()  # the dashed boxes on the picture too

    def readings_stored(self, shas: set) -> None:
        """The window's background reading stored these files' readings (ReadingStatus.changed)."""
        if self.item is not None and self.item.sha256 in shas:
            self.reading_done(self.item.sha256)
            self._draw_edits()

    def _set_highlight(self, index: int) -> None:
        if index != self._highlight:
            self._highlight = index
            self._draw_edits()

    def apply_suggestion(self, index: int) -> None:
        """Black out one suggested box: it becomes an ordinary redaction."""
        if self.item is not None and 0 <= index < len(self.suggestions):
            box = self.suggestions[index].redaction(paged(self.item))
            self._set_redactions([*self.item.redactions, box])

    def apply_all_suggestions(self) -> None:
        if self.item is not None and self.suggestions:
            boxes = [s.redaction(paged(self.item)) for s in self.suggestions]
            self._set_redactions([*self.item.redactions, *boxes])

    def undo_redaction(self) -> None:
        """Ctrl+Z: take back the last box drawn or suggestion(s) applied on this exhibit."""
        if self.item is not None and self._undo:
            self._set_redactions(self._undo.pop(), remember=False)

    def _set_redactions(self, boxes: list[Redaction], remember: bool = True) -> None:
        assert self.item is not None
        if remember:
            self._undo.append(list(self.item.redactions))
        self.item = self.library.update_item(self.item.id, redactions=boxes)
        self._find_suggestions()
        self._draw_edits()
        self.changed.emit(self.item.id)

    def clear_redactions(self) -> None:
        """Removes the boxes shown: an image's, or those of the PDF page shown."""
        if self.item and self._page_boxes():
            shown = self._page_boxes()
            self._set_redactions([b for b in self.item.redactions if b not in shown])

    def clear_crop(self) -> None:
        if self.item and self.item.crop:
            self.item = self.library.update_item(self.item.id, crop=None)
            self._draw_edits()
            self.changed.emit(self.item.id)

    def rotate(self, degrees: int) -> None:
        if self.item is None:
            return
        self.item = self.library.update_item(self.item.id, rotation=(self.item.rotation + degrees) % 360)
        self._draw_edits()
        self.changed.emit(self.item.id)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if self.item is not None and self.item.is_video and self._video_key(event):
            return
        if event.key() in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
            self.show_page(self.page + (1 if event.key() == Qt.Key.Key_PageDown else -1))
        elif event.key() == Qt.Key.Key_Right:
            self.next()
        elif event.key() == Qt.Key.Key_Left:
            self.previous()
        else:
            super().keyPressEvent(event)

    def _video_key(self, event) -> bool:
        """←/→ a frame, Shift+←/→ a second, K marks a key frame, PgUp/PgDn change exhibit."""
        key, shift = event.key(), bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            sign = 1 if key == Qt.Key.Key_Right else -1
            self.video_panel.step(seconds=sign) if shift else self.video_panel.step(frames=sign)
        elif key == Qt.Key.Key_K:
            self.video_panel.mark_key_frame()
        elif key == Qt.Key.Key_PageDown:
            self.next()
        elif key == Qt.Key.Key_PageUp:
            self.previous()
        else:
            return False
        return True

    def next(self) -> None:
        if self.index + 1 < len(self.item_ids):
            self.index += 1
            self.show_item()

    def previous(self) -> None:
        if self.index > 0:
            self.index -= 1
            self.show_item()
