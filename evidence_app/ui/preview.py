"""Bundle preview inside the app with QtPdf. QtPdf renders pages with a transparent background, so every page
is composed onto white before it is shown."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QSpinBox, QVBoxLayout, QWidget


def render_page(document: QPdfDocument, page: int, width: int) -> QImage:
    """One page as an opaque image `width` pixels wide (white under QtPdf's transparent page)."""
    size = document.pagePointSize(page)
    height = max(1, round(width * size.height() / max(1.0, size.width())))
    rendered = document.render(page, QSize(width, height))
    page_image = QImage(rendered.size(), QImage.Format.Format_RGB32)
    page_image.fill(Qt.GlobalColor.white)
    painter = QPainter(page_image)
    painter.drawImage(0, 0, rendered)
    painter.end()
    return page_image


class PdfPreview(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.document = QPdfDocument(self)
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.prev = QPushButton("◀", self)
        self.next = QPushButton("▶", self)
        self.page = QSpinBox(self)
        self.page.setMinimum(1)
        self.total = QLabel(self)
        for widget in (self.prev, self.page, self.total, self.next):
            bar.addWidget(widget)
        bar.addStretch(1)
        self.image = QLabel(self)
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setStyleSheet("background: #9ca3af; padding: 12px;")
        scroll = QScrollArea(self)
        scroll.setWidget(self.image)
        scroll.setWidgetResizable(True)
        layout.addLayout(bar)
        layout.addWidget(scroll, 1)
        self.prev.clicked.connect(lambda: self.page.setValue(self.page.value() - 1))
        self.next.clicked.connect(lambda: self.page.setValue(self.page.value() + 1))
        self.page.valueChanged.connect(self._show)

    def load(self, path: str) -> bool:
        self.document.close()
        if self.document.load(path) != QPdfDocument.Error.None_:
            self.image.setText(self.tr("Cannot open the PDF"))
            return False
        count = self.document.pageCount()
        self.page.setMaximum(max(1, count))
        self.total.setText(f"/ {count}")
        self.page.setValue(1)
        self._show(1)
        return True

    def show_image(self, path: str) -> bool:
        """An image instead of a PDF (the first image of an upload pack)."""
        self.document.close()
        pixmap = QPixmap(path)
        if pixmap.isNull():
            self.image.setText(self.tr("Cannot open the image"))
            return False
        self.page.setMaximum(1)
        self.total.setText("/ 1")
        self.image.setPixmap(pixmap.scaledToWidth(min(700, pixmap.width()),
                                                  Qt.TransformationMode.SmoothTransformation))
        return True

    def current_image(self) -> QImage | None:
        pixmap = self.image.pixmap()
        return None if pixmap is None or pixmap.isNull() else pixmap.toImage()

    def _show(self, number: int) -> None:
        if self.document.pageCount() == 0:
            return
        image = render_page(self.document, number - 1, 700)
        self.image.setPixmap(QPixmap.fromImage(image))
