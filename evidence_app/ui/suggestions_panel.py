"""The viewer's side list of suggested redactions (phone and ID numbers, addresses, names read from the picture):
apply one (double-click, Enter, or the button) or all of them. The viewer draws the dashed boxes and applies."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from evidence_app.reading.pii import ADDRESS, ID_CARD, NAME, PHONE, Suggestion

NOT_READ, OFF, DONE = "not_read", "off", "done"


class SuggestionsPanel(QWidget):
    apply_one = Signal(int)  # index into the suggestions shown
    apply_all = Signal()
    highlighted = Signal(int)  # -1: none

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setFixedWidth(210)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 0, 0)
        self.title = QLabel(self.tr("Suggested redactions"), self)
        self.title.setStyleSheet("font-weight: bold;")
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color: #6b7280;")
        self.list = QListWidget(self)
        self.apply_button = QPushButton(self.tr("Apply suggestion"), self)
        self.apply_all_button = QPushButton(self.tr("Apply all suggestions"), self)
        for widget in (self.title, self.status, self.list, self.apply_button, self.apply_all_button):
            widget.setFocusPolicy(Qt.FocusPolicy.NoFocus if widget is not self.list else Qt.FocusPolicy.ClickFocus)
            layout.addWidget(widget)
        self.list.itemActivated.connect(lambda item: self.apply_one.emit(self.list.row(item)))
        self.list.currentRowChanged.connect(self._current_changed)
        self.apply_button.clicked.connect(self._apply_current)
        self.apply_all_button.clicked.connect(self.apply_all.emit)
        self.set_suggestions([], DONE)

    def reason_text(self, reason: str) -> str:
        return {PHONE: self.tr("Phone number"), ID_CARD: self.tr("ID card number"), ADDRESS: self.tr("Address"),
                NAME: self.tr("Name")}[reason]

    def set_suggestions(self, suggestions: list[Suggestion], state: str) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for suggestion in suggestions:
            QListWidgetItem(self.reason_text(suggestion.reason), self.list)
        self.list.blockSignals(False)
        if suggestions:
            self.list.setCurrentRow(0)
            self.status.setText(self.tr("Dashed boxes: click one to black it out, or apply them all. "
                                        "Applied boxes are ordinary redactions; Ctrl+Z undoes."))
        elif state == OFF:
            self.status.setText(self.tr("Reading is off in this installation: no suggestions."))
        elif state == NOT_READ:
            self.status.setText(self.tr("Not read yet: suggestions appear once the picture has been read."))
        else:
            self.status.setText(self.tr("Nothing more to black out was found."))
        self.list.setVisible(bool(suggestions))
        self.apply_button.setEnabled(bool(suggestions))
        self.apply_all_button.setEnabled(bool(suggestions))
        self.highlighted.emit(self.list.currentRow() if suggestions else -1)

    def _current_changed(self, row: int) -> None:
        self.highlighted.emit(row)

    def _apply_current(self) -> None:
        if self.list.currentRow() >= 0:
            self.apply_one.emit(self.list.currentRow())
