"""Qt item models: thin adapters over the library's lists. They read through the library and write back
only through it."""

from __future__ import annotations

import json
from datetime import datetime, timezone

from PySide6.QtCore import (QAbstractListModel, QAbstractTableModel, QCoreApplication, QMimeData, QModelIndex,
                            QSize, QSortFilterProxyModel, Qt, Signal)
from PySide6.QtGui import QBrush, QColor, QIcon

from evidence_app.core.deadlines import effective_due
from evidence_app.core.model import Case, EvidenceItem
from evidence_app.storage.library import Library

ITEM_MIME = "application/x-evidence-item-ids"
RED, AMBER = QColor("#fde2e1"), QColor("#fff1cc")


def status_label(status: str) -> str:
    # literal calls so that pyside6-lupdate finds the strings
    names = {"draft": QCoreApplication.translate("Models", "Draft"),
             "ready": QCoreApplication.translate("Models", "Ready"),
             "submitted": QCoreApplication.translate("Models", "Submitted"),
             "won": QCoreApplication.translate("Models", "Won"),
             "lost": QCoreApplication.translate("Models", "Lost")}
    return names.get(status, status)


class CaseListModel(QAbstractTableModel):
    """Every case (not in the trash), with its effective evidence deadline."""

    COLUMNS = ("deadline", "order", "buyer", "scenario", "platform", "status")
    DueRole = Qt.ItemDataRole.UserRole + 1
    CaseIdRole = Qt.ItemDataRole.UserRole + 2
    SearchRole = Qt.ItemDataRole.UserRole + 3

    def __init__(self, library: Library, parent=None):
        super().__init__(parent)
        self.library = library
        self.cases: list[Case] = []
        self.due: dict[int, datetime | None] = {}
        self.now = lambda: datetime.now(timezone.utc)
        self.lang, self.tz = "zh_CN", None
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        self.cases = self.library.cases()
        self.lang, self.tz = self.library.lang, self.library.tz  # read once, not on every paint
        cat = self.library.catalog
        self.due = {}
        for case in self.cases:
            platform = cat.platforms.get(case.platform) or cat.platforms["other"]
            self.due[case.id] = effective_due(case, platform, self.library.tz)[0]
        self.endResetModel()

    def row_of(self, case_id: int) -> int:
        return next((n for n, c in enumerate(self.cases) if c.id == case_id), -1)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.cases)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [QCoreApplication.translate("Models", "Deadline"), QCoreApplication.translate("Models", "Order"),
                    QCoreApplication.translate("Models", "Buyer"), QCoreApplication.translate("Models", "Dispute"),
                    QCoreApplication.translate("Models", "Platform"),
                    QCoreApplication.translate("Models", "Status")][section]
        return None

    def _badge(self, case: Case) -> tuple[str, QColor | None]:
        due = self.due.get(case.id)
        if due is None:
            return "—", None
        if case.status.value in ("submitted", "won", "lost"):
            return due.astimezone(self.tz).strftime("%m-%d %H:%M"), None
        hours = (due - self.now()).total_seconds() / 3600
        text = due.astimezone(self.tz).strftime("%m-%d %H:%M")
        if hours < 0:
            return QCoreApplication.translate("Models", "Overdue") + " " + text, RED
        if hours <= 24:
            return QCoreApplication.translate("Models", "%1 · %2 h left").replace("%1", text).replace("%2", str(max(1, round(hours)))), AMBER
        return text, None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        case = self.cases[index.row()]
        column = self.COLUMNS[index.column()]
        lang = self.lang
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "deadline":
                return self._badge(case)[0]
            if column == "order":
                return case.order_no or case.title or f"#{case.id}"
            if column == "buyer":
                return case.buyer
            if column == "scenario":
                return self.library.catalog.scenario_name(case.scenario, lang)
            if column == "platform":
                return self.library.catalog.platform_name(case.platform, lang)
            if column == "status":
                return status_label(case.status.value) + (" · " + QCoreApplication.translate("Models", "Sample") if case.is_sample else "")
        if role == Qt.ItemDataRole.BackgroundRole and column == "deadline":
            color = self._badge(case)[1]
            return QBrush(color) if color else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return case.title or None
        if role == self.DueRole:
            due = self.due.get(case.id)
            return due.timestamp() if due else float("inf")
        if role == self.CaseIdRole:
            return case.id
        if role == self.SearchRole:
            return " ".join((case.order_no, case.refund_no, case.buyer, case.title, case.statement)).lower()
        if role == Qt.ItemDataRole.UserRole:
            return {"status": case.status.value, "platform": case.platform}
        return None


class CaseFilterProxy(QSortFilterProxyModel):
    """Search as you type over order, refund, buyer, title, statement; filter by status and platform; sort by
    deadline (soonest first) unless the user clicks another column."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.text = ""
        self.status = ""
        self.platform = ""
        self.setSortRole(CaseListModel.DueRole)

    def _change(self, **values: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.9+; invalidateFilter() is deprecated there
            self.beginFilterChange()
            self.__dict__.update(values)
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - older Qt
            self.__dict__.update(values)
            self.invalidateFilter()

    def set_text(self, text: str) -> None:
        self._change(text=text.strip().lower())

    def set_status(self, status: str) -> None:
        self._change(status=status)

    def set_platform(self, platform: str) -> None:
        self._change(platform=platform)

    def filterAcceptsRow(self, row: int, parent: QModelIndex) -> bool:  # noqa: N802
        model = self.sourceModel()
        index = model.index(row, 0, parent)
        meta = model.data(index, Qt.ItemDataRole.UserRole)
        if self.status and meta["status"] != self.status:
            return False
        if self.platform and meta["platform"] != self.platform:
            return False
        if self.text:
            haystack = model.data(index, CaseListModel.SearchRole)
            return all(word in haystack for word in self.text.split())
        return True

    def lessThan(self, left: QModelIndex, right: QModelIndex) -> bool:  # noqa: N802
        if left.column() == 0:
            return left.data(CaseListModel.DueRole) < right.data(CaseListModel.DueRole)
        return str(left.data() or "") < str(right.data() or "")


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
