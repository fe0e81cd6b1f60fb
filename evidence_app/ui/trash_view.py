"""回收站: cases and evidence items moved to the trash; restore them, or empty the trash for good."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QGroupBox, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMessageBox,
                               QPushButton, QVBoxLayout, QWidget)

from evidence_app.storage.case_index import list_cases
from evidence_app.storage.library import Library, LibraryError


class TrashView(QWidget):
    restored_case = Signal(int)
    restored_item = Signal(int, int)  # item id, its case id
    emptied = Signal()
    message = Signal(str)

    def __init__(self, library: Library, parent=None):
        super().__init__(parent)
        self.library = library
        layout = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-size: 16px; font-weight: bold;")
        layout.addWidget(self.heading)
        row = QHBoxLayout()
        self.cases = QListWidget(self)
        self.items = QListWidget(self)
        for title, widget in ((self.tr("Cases"), self.cases), (self.tr("Evidence items"), self.items)):
            box = QGroupBox(title, self)
            QVBoxLayout(box).addWidget(widget)
            widget.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
            row.addWidget(box)
        layout.addLayout(row, 1)
        buttons = QHBoxLayout()
        self.restore_button = QPushButton(self.tr("Restore selected"), self)
        self.empty_button = QPushButton(self.tr("Empty trash…"), self)
        self.empty_button.setStyleSheet("color: #b91c1c;")
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        buttons.addWidget(self.empty_button)
        layout.addLayout(buttons)
        self.restore_button.clicked.connect(self.restore_selected)
        self.empty_button.clicked.connect(lambda: self.empty(confirm=True))
        self.cases.itemDoubleClicked.connect(lambda _item: self.restore_selected())
        self.items.itemDoubleClicked.connect(lambda _item: self.restore_selected())

    def refresh(self) -> None:
        cat, lang = self.library.catalog, self.library.lang
        self.cases.clear()
        self.items.clear()
        for case in list_cases(self.library, only_deleted=True):
            text = "  ·  ".join(p for p in (case.title or case.order_no or f"#{case.id}", case.buyer,
                                              cat.platform_name(case.platform, lang)) if p)
            QListWidgetItem(text, self.cases).setData(Qt.ItemDataRole.UserRole, case.id)
        for item in self.library.trashed_items():
            text = f"{item.original_name}  ·  {cat.kind_name(item.kind, lang)}  ·  " + \
                self.tr("case %1").replace("%1", str(item.case_id))
            widget_item = QListWidgetItem(text, self.items)
            widget_item.setData(Qt.ItemDataRole.UserRole, (item.id, item.case_id))
        count = self.cases.count() + self.items.count()
        self.heading.setText(self.tr("Trash: %1 case(s), %2 item(s)").replace("%1", str(self.cases.count()))
                             .replace("%2", str(self.items.count())))
        self.empty_button.setEnabled(count > 0)
        self.restore_button.setEnabled(count > 0)

    def restore_selected(self) -> None:
        problems = []
        for widget_item in self.cases.selectedItems():
            case_id = widget_item.data(Qt.ItemDataRole.UserRole)
            self.library.restore_case(case_id)
            self.restored_case.emit(case_id)
        for widget_item in self.items.selectedItems():
            item_id, case_id = widget_item.data(Qt.ItemDataRole.UserRole)
            try:
                self.library.restore_item(item_id)
            except LibraryError as exc:  # already back as another item, or its case is in the trash
                problems.append(str(exc))
                continue
            self.restored_item.emit(item_id, case_id)
        self.refresh()
        if problems:
            self.message.emit(problems[0])

    def empty(self, confirm: bool = True) -> None:
        if confirm and QMessageBox.question(
                self, self.tr("Empty trash"),
                self.tr("Delete everything in the trash for good? This cannot be undone.")) \
                != QMessageBox.StandardButton.Yes:
            return
        removed = self.library.empty_trash()
        self.refresh()
        self.emptied.emit()
        self.message.emit(self.tr("Trash emptied (%1 deleted)").replace("%1", str(removed)))
