"""Qt item models: thin adapters over the library's lists. They read through the library and write back
only through it."""

from __future__ import annotations

import json

from PySide6.QtCore import (QAbstractListModel, QCoreApplication, QMimeData, QModelIndex,
                            QSize, Qt, Signal)
from PySide6.QtGui import QIcon

from evidence_app.core.model import EvidenceItem
from evidence_app.storage.library import Library
from evidence_app.ui.case_list import CaseListModel, status_label  # noqa: F401 - moved there (issue 13)

ITEM_MIME = "application/x-evidence-item-ids"


class EvidenceModel(QAbstractListModel):
    """The current case's items in exhibit order. Drops of files ask for adding; drops of our own items reorder."""

    ItemIdRole = Qt.ItemDataRole.UserRole + 1
    KindRole = Qt.ItemDataRole.UserRole + 2
    files_dropped = Signal(list, int)  # paths, row
    reordered = Signal(list, list)  # old order, new order (item ids)
    caption_edited = Signal(int, str, str)  # item id, old, new

    def __init__(self, library: Library, parent=None):
        super().__init__(parent)
        self.library = library
        self.case_id: int | None = None
        self.items: list[EvidenceItem] = []
        self.icons: dict[int, QIcon] = {}
        self.kind_filter = ""
        self.lang = "zh_CN"
        self.all_items: list[EvidenceItem] = []

    def set_case(self, case_id: int | None) -> None:
        self.case_id = case_id
        self.icons.clear()
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        self.lang = self.library.lang
        items = self.library.items(self.case_id) if self.case_id else []
        self.all_items = items
        self.items = [i for i in items if not self.kind_filter or i.kind == self.kind_filter]
        self.endResetModel()

    def set_kind_filter(self, kind: str) -> None:
        self.kind_filter = kind
        self.refresh()

    def exhibit_number(self, item_id: int) -> int:
        return next((n for n, i in enumerate(self.all_items, 1) if i.id == item_id), 0)

    def row_of(self, item_id: int) -> int:
        return next((n for n, i in enumerate(self.items) if i.id == item_id), -1)

    def set_icon(self, item_id: int, icon: QIcon) -> None:
        self.icons[item_id] = icon
        row = self.row_of(item_id)
        if row >= 0:
            index = self.index(row)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.items)

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.items):
            return None
        item = self.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            kind = self.library.catalog.kind_name(item.kind, self.lang)
            label = QCoreApplication.translate("Models", "Exhibit %1").replace("%1", str(self.exhibit_number(item.id)))
            if item.kind_suggested:  # guessed by the app (name, reading): the agent may want to check it
                kind += QCoreApplication.translate("Models", " (guessed)")
            return f"{label} · {kind}\n{item.caption or item.original_name}"
        if role == Qt.ItemDataRole.EditRole:
            return item.caption
        if role == Qt.ItemDataRole.DecorationRole:
            return self.icons.get(item.id)
        if role == Qt.ItemDataRole.ToolTipRole:
            size = f"{item.width}×{item.height}" if item.width else f"PDF {item.page_count}p"
            return f"{item.original_name}\n{size}\nSHA-256 {item.sha256[:12]}"
        if role == Qt.ItemDataRole.SizeHintRole:
            return QSize(180, 205)
        if role == self.ItemIdRole:
            return item.id
        if role == self.KindRole:
            return item.kind
        return None

    def setData(self, index: QModelIndex, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        item = self.items[index.row()]
        text = str(value).strip()
        if text == item.caption:
            return False
        self.caption_edited.emit(item.id, item.caption, text)
        return True

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsDropEnabled
        if not index.isValid():
            return base
        return (base | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable
                | Qt.ItemFlag.ItemIsDragEnabled)

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.CopyAction | Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        # Copy, not Move: the view must never remove rows itself; a reorder is done through the library.
        return Qt.DropAction.CopyAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [ITEM_MIME, "text/uri-list"]

    def mimeData(self, indexes) -> QMimeData:  # noqa: N802
        mime = QMimeData()
        ids = [self.items[i.row()].id for i in sorted(indexes, key=lambda i: i.row()) if i.isValid()]
        mime.setData(ITEM_MIME, json.dumps(ids).encode())
        return mime

    def canDropMimeData(self, data, action, row, column, parent) -> bool:  # noqa: N802
        return self.case_id is not None and (data.hasFormat(ITEM_MIME) or data.hasUrls())

    def dropMimeData(self, data: QMimeData, action, row: int, column: int, parent: QModelIndex) -> bool:  # noqa: N802
        if self.case_id is None:
            return False
        if row < 0:
            row = parent.row() if parent.isValid() else len(self.items)
        if data.hasFormat(ITEM_MIME):
            moved = json.loads(bytes(data.data(ITEM_MIME)).decode())
            old = [i.id for i in self.all_items]
            anchor = self.items[row].id if row < len(self.items) else None
            rest = [i for i in old if i not in moved]
            at = rest.index(anchor) if anchor in rest else len(rest)
            new = rest[:at] + moved + rest[at:]
            if new != old:
                self.reordered.emit(old, new)
            return True
        paths = [url.toLocalFile() for url in data.urls() if url.isLocalFile()]
        if paths:
            self.files_dropped.emit(paths, row)
            return True
        return False
