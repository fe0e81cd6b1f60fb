"""The case list's model: every case not in the trash, filtered and sorted in Python over precomputed rows.

Built for 20,000 cases: a Qt sort/filter proxy would call back into Python for every comparison and row (seconds
per keystroke), so the model keeps one light row per case (the case, its effective deadline, its search text),
filters and sorts plain lists, and changes one row when one case changes. A case's deadline is computed once per
change of the case (cached by its updated_at) and the library's time zone is read once per refresh."""

from __future__ import annotations

import gc
from datetime import datetime, timezone

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from evidence_app.core.deadlines import effective_due
from evidence_app.core.model import Case
from evidence_app.storage.case_index import gc_paused, list_cases
from evidence_app.storage.library import Library, LibraryError
from evidence_app.ui.today_index import TodayIndex

RED, AMBER = QColor("#fde2e1"), QColor("#fff1cc")
DISPLAY, BACKGROUND = int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.BackgroundRole)
_USER = int(Qt.ItemDataRole.UserRole)
OTHER_ROLES = frozenset({int(Qt.ItemDataRole.ToolTipRole), _USER, _USER + 1, _USER + 2, _USER + 3})  # see data()
CLOSED = ("submitted", "won", "lost")


def status_label(status: str) -> str:
    # literal calls so that pyside6-lupdate finds the strings
    names = {"draft": QCoreApplication.translate("Models", "Draft"),
             "ready": QCoreApplication.translate("Models", "Ready"),
             "submitted": QCoreApplication.translate("Models", "Submitted"),
             "won": QCoreApplication.translate("Models", "Won"),
             "lost": QCoreApplication.translate("Models", "Lost")}
    return names.get(status, status)


class CaseRow:
    __slots__ = ("case", "id", "due", "due_ts", "hay", "status", "cells", "cells_key")

    def __init__(self, case: Case, due: datetime | None):
        self.case = case
        self.id = case.id  # filters read it for 20,000 rows: one pointer less to follow than row.case.id
        self.status = case.status.value  # read per row by filters, Today and paints: no Enum lookup each time
        self.cells: tuple | None = None  # what the table paints (texts, deadline colour), see CaseListModel.cells
        self.cells_key: tuple | None = None
        self.due = due
        self.due_ts = due.timestamp() if due else float("inf")
        self.hay = " ".join((case.order_no, case.refund_no, case.buyer, case.title, case.tracking_no,
                             case.statement)).lower()


class CaseListModel(QAbstractTableModel):
    """Every case (not in the trash) with its effective evidence deadline; search, filters and sort built in."""

    COLUMNS = ("deadline", "order", "buyer", "status")
    DueRole = Qt.ItemDataRole.UserRole + 1
    CaseIdRole = Qt.ItemDataRole.UserRole + 2
    SearchRole = Qt.ItemDataRole.UserRole + 3

    def __init__(self, library: Library, parent=None):
        super().__init__(parent)
        self.library = library
        # issue 11: per search word, the cases whose evidence text (OCR, barcodes) contains it (None: not looked up)
        self.read_hits: dict[str, frozenset[int] | None] = {}
        self.all: dict[int, CaseRow] = {}
        self.rows: list[CaseRow] = []
        self._due_cache: dict[tuple[int, object], datetime | None] = {}
        self.now = lambda: datetime.now(timezone.utc)
        self.text, self.status, self.platform = "", "", ""
        self.sort_column, self.sort_order = 0, Qt.SortOrder.AscendingOrder
        self.lang, self.tz = "zh_CN", None
        self._sorted_all: list[CaseRow] | None = None  # every row in the current order, filters aside
        self._cells_gen = 0
        self.today = TodayIndex()  # the Today page's lists, kept as cases change
        self.revision = 0  # goes up whenever a case's row changes; views derived from all rows cache on it
        self.refresh()

    # --- loading ---------------------------------------------------------------------------------------------

    def _row(self, case: Case) -> CaseRow:
        key = (case.id, case.updated_at)
        if key not in self._due_cache:
            platform = self._platforms.get(case.platform) or self._platforms["other"]
            self._due_cache[key] = effective_due(case, platform, self.tz)[0]
        return CaseRow(case, self._due_cache[key])

    def refresh(self) -> None:
        """Reload every case (start-up, settings changed, another window changed the library)."""
        with gc_paused():  # 20,000 rows that all live on: no collector passes while they are made
            self._refresh()
        # ...and none afterwards: Python's full collections walk every object that lives on, and with 20,000
        # cases each cost 67 ms on the GUI thread (two came within the first case switches after start-up, at
        # any keystroke later). Frozen objects are left out of collections; reference counting still frees them.
        # A later reload collects first (the rest of the heap is frozen already: only what is new is walked), so
        # no garbage cycle (a closed dialog) is frozen with the new rows.
        if gc.get_freeze_count():
            gc.collect()
        gc.freeze()

    def _refresh(self) -> None:
        self.lang, self.tz = self.library.lang, self.library.tz  # read once, not per case or per paint
        self._platforms = self.library.catalog.platforms
        cases = list_cases(self.library)
        self.all = {case.id: self._row(case) for case in cases}
        self._sorted_all = None
        self.revision += 1
        submitted = self._submitted_at()
        self.today.build((row.id, self._today_entry(row, submitted)) for row in self.all.values())
        self._cells_gen += 1  # language or time zone may have changed: repaint texts from scratch
        words = self.text.split()  # new readings may match
        self.read_hits = {word: self._read_hits(word, len(words) > 1) for word in words}
        live = {(c.id, c.updated_at) for c in cases}
        self._due_cache = {k: v for k, v in self._due_cache.items() if k in live}
        self._apply()

    def _submitted_at(self, case_id: int | None = None) -> dict[int, str]:
        """When cases were really submitted (the outcome record), as stored; one case or all."""
        sql = "SELECT case_id, submitted_at FROM case_outcomes WHERE submitted_at IS NOT NULL"
        rows = self.library.db.query(sql + " AND case_id = ?", (case_id,)) if case_id else self.library.db.query(sql)
        return {r[0]: r[1] for r in rows}

    @staticmethod
    def _today_entry(row: CaseRow, submitted: dict[int, str]) -> tuple | None:
        case, submitted_ts = row.case, None
        if row.status == "submitted":
            at = submitted.get(row.id)
            changed = (datetime.fromisoformat(at) if at else None) or case.updated_at or case.created_at
            submitted_ts = changed.timestamp() if changed else None
        created_ts = case.created_at.timestamp() if case.created_at and row.due is None else 0.0
        return TodayIndex.entry(row.status, row.due_ts if row.due is not None else None, created_ts, submitted_ts)

    def update_case(self, case_id: int) -> None:
        """One case changed: recompute its row only, and move it if its place in the order changed."""
        try:
            case = self.library.case(case_id)
        except LibraryError:
            self.remove_case(case_id)
            return
        row = self._row(case)
        previous = self.all.get(case_id)
        old = self._find(previous)
        self.all[case_id] = row
        self._sorted_take(previous)
        self._sorted_put(row)
        self.revision += 1
        self.today.put(case_id, self._today_entry(row, self._submitted_at(case_id)))
        if not self._accepts(row):
            if old >= 0:
                self.beginRemoveRows(QModelIndex(), old, old)
                del self.rows[old]
                self.endRemoveRows()
            return
        if old < 0:
            at = self._insert_at(row)
            self.beginInsertRows(QModelIndex(), at, at)
            self.rows.insert(at, row)
            self.endInsertRows()
            return
        self.rows[old] = row
        rest = self.rows[:old] + self.rows[old + 1:]
        at = self._insert_at(row, rest)
        if at != old:
            # Qt's move destination counts rows before the move
            self.beginMoveRows(QModelIndex(), old, old, QModelIndex(), at if at < old else at + 1)
            self.rows = rest[:at] + [row] + rest[at:]
            self.endMoveRows()
        self.dataChanged.emit(self.index(at, 0), self.index(at, len(self.COLUMNS) - 1))

    def remove_case(self, case_id: int) -> None:
        old = self.row_of(case_id)
        self._sorted_take(self.all.pop(case_id, None))
        self.revision += 1
        self.today.remove(case_id)
        if old >= 0:
            self.beginRemoveRows(QModelIndex(), old, old)
            del self.rows[old]
            self.endRemoveRows()

    def _sorted_take(self, row: CaseRow | None) -> None:
        """Every row in order is kept through a change of one case (re-sorting 20,000 rows cost the next search
        keystroke that widens the list 60 ms): the old row out by bisection, the new one in."""
        if row is None or self._sorted_all is None:
            return
        at = self._insert_at(row, self._sorted_all)
        if at < len(self._sorted_all) and self._sorted_all[at] is row:
            del self._sorted_all[at]
        else:  # not where its key says: sort afresh when next needed
            self._sorted_all = None

    def _sorted_put(self, row: CaseRow) -> None:
        if self._sorted_all is not None:
            self._sorted_all.insert(self._insert_at(row, self._sorted_all), row)

    # --- filter and sort -----------------------------------------------------------------------------------

    def _accepts(self, row: CaseRow) -> bool:
        case = row.case
        if self.status and row.status != self.status:
            return False
        if self.platform and case.platform != self.platform:
            return False
        hits = self.read_hits
        return all(word in row.hay or row.id in (hits.get(word) or ()) for word in self.text.split())

    def _key(self, row: CaseRow):
        column = self.COLUMNS[self.sort_column]
        case = row.case
        if column == "deadline":
            return (row.due_ts, case.id)
        if column == "order":
            return (case.order_no or case.title or f"#{case.id}", case.id)
        if column == "buyer":
            return (case.buyer, case.id)
        return (row.status, row.due_ts, case.id)

    def _insert_at(self, row: CaseRow, rows: list[CaseRow] | None = None) -> int:
        rows = self.rows if rows is None else rows
        key = self._key(row)
        descending = self.sort_order == Qt.SortOrder.DescendingOrder
        low, high = 0, len(rows)
        while low < high:  # bisect on the current order (keys computed on the way, never for every row)
            mid = (low + high) // 2
            before = self._key(rows[mid]) > key if descending else self._key(rows[mid]) < key
            if before:
                low = mid + 1
            else:
                high = mid
        return low

    def _apply(self) -> None:
        if self._sorted_all is None:
            self._sorted_all = sorted(self.all.values(), key=self._key,
                                      reverse=self.sort_order == Qt.SortOrder.DescendingOrder)
        # filtering a sorted list keeps its order: no sort per keystroke
        self._show(self._filtered(self._sorted_all))

    def _filtered(self, rows: list[CaseRow]) -> list[CaseRow]:
        """`rows` that pass the filters and have every search word, in their order. One pass per filter and word
        (a comprehension, no call per row: a call per row made a backspace over 20,000 cases cost 25 ms)."""
        if self.status:
            rows = [r for r in rows if r.status == self.status]
        if self.platform:
            rows = [r for r in rows if r.case.platform == self.platform]
        for word in self.text.split():
            hits = self.read_hits.get(word)
            rows = ([r for r in rows if word in r.hay or r.id in hits] if hits else
                    [r for r in rows if word in r.hay])
        return rows if rows is not self._sorted_all else list(rows)

    def _show(self, rows: list[CaseRow]) -> None:
        """Show `rows`; the same rows as now (a search word every shown case has) repaint nothing."""
        if rows == self.rows:  # the same row objects in the same order (rows compare by identity)
            return
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def set_text(self, text: str) -> None:
        """Every word of `text` must be in the case's typed fields or in its evidence text."""
        text = text.strip().lower()
        if text == self.text:
            return
        narrower = text.startswith(self.text) and not self.status and not self.platform
        self.text = text
        words = text.split()
        known = self.read_hits  # a word kept from the last keystroke is not looked up again
        several = len(words) > 1
        self.read_hits = {word: known[word] if known.get(word) is not None else self._read_hits(word, several)
                          for word in words}
        # Typing on narrows what is shown, unless evidence text matches: a word that just reached 3 characters
        # (or joined other words) is looked up for the first time, and may bring back cases it did not show.
        if narrower and self.text and not any(self.read_hits.values()):
            self._show(self._filtered(self.rows))  # only the rows shown now can still match
        else:
            self._apply()

    def _read_hits(self, word: str, several: bool = False) -> frozenset[int] | None:
        """Cases whose evidence text (OCR, barcodes) contains `word`; typed fields are matched in memory. A word of
        one or two characters alone is not looked up (None: a scan of every text per keystroke; typed fields
        suffice); beside other words it is (王芳 12345), as the command line's search does."""
        if len(word) < 3 and not several:
            return None
        from evidence_app.storage import readings

        try:
            return frozenset(readings.read_hits(self.library, word))
        except Exception:  # noqa: BLE001 - search by evidence text is a bonus; typed fields still match
            return frozenset()

    def set_status(self, status: str) -> None:
        self.status = status or ""
        self._apply()

    def set_platform(self, platform: str) -> None:
        self.platform = platform or ""
        self._apply()

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:  # Qt API: header clicks
        if (column, order) == (self.sort_column, self.sort_order):
            return  # already in that order (the rows are kept sorted)
        self.sort_column, self.sort_order = column, order
        self._sorted_all = None
        self.layoutAboutToBeChanged.emit()
        old = list(self.rows)
        self.rows.sort(key=self._key, reverse=order == Qt.SortOrder.DescendingOrder)
        where = {id(r): n for n, r in enumerate(self.rows)}
        for index in self.persistentIndexList():
            if index.isValid():
                self.changePersistentIndex(index, self.index(where[id(old[index.row()])], index.column()))
        self.layoutChanged.emit()

    # --- reading -------------------------------------------------------------------------------------------

    def row_of(self, case_id: int) -> int:
        return self._find(self.all.get(case_id))

    def _find(self, row: CaseRow | None) -> int:
        """Where `row` is shown, by bisecting on its sort key (unique: the case id breaks ties); -1 if hidden."""
        if row is None:
            return -1
        at = self._insert_at(row)
        return at if at < len(self.rows) and self.rows[at].case.id == row.case.id else -1

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [QCoreApplication.translate("Models", "Deadline"), QCoreApplication.translate("Models", "Case"),
                    QCoreApplication.translate("Models", "Buyer"),
                    QCoreApplication.translate("Models", "Status")][section]
        return None

    def badge(self, row: CaseRow) -> tuple[str, QColor | None]:
        due = row.due
        if due is None:
            return "—", None
        text = due.astimezone(self.tz).strftime("%m-%d %H:%M")
        if row.status in CLOSED:
            return text, None
        hours = (due - self.now()).total_seconds() / 3600
        if hours < 0:
            return QCoreApplication.translate("Models", "Overdue") + " " + text, RED
        if hours <= 24:
            return (QCoreApplication.translate("Models", "%1 · %2 h left").replace("%1", text)
                    .replace("%2", str(max(1, round(hours)))), AMBER)
        return text, None

    def cells(self, row: CaseRow) -> tuple[tuple[str, str, str, str], QBrush | None]:
        """The four texts and the deadline's background of a row, kept until the minute (or the language) changes:
        a paint asks for eight roles of every visible cell, a Python call each."""
        key = (int(self.now().timestamp() // 60), self._cells_gen)
        if row.cells_key != key:
            case = row.case
            badge, color = self.badge(row)
            status = status_label(row.status)
            if case.is_sample:
                status += " · " + QCoreApplication.translate("Models", "Sample")
            row.cells = ((badge, case.title or case.order_no or f"#{case.id}", case.buyer, status),
                         QBrush(color) if color else None)
            row.cells_key = key
        return row.cells

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if role != DISPLAY and role != BACKGROUND and role not in OTHER_ROLES:
            return None  # font, alignment, decoration, check state… (most of the calls): nothing to look up
        n = index.row()
        if n >= len(self.rows) or not index.isValid():
            return None
        row = self.rows[n]
        if role == DISPLAY:
            return self.cells(row)[0][index.column()]
        if role == BACKGROUND:
            return self.cells(row)[1] if index.column() == 0 else None
        case = row.case
        if role == Qt.ItemDataRole.ToolTipRole:
            cat = self.library.catalog
            return " · ".join(p for p in (case.title, case.order_no, cat.platform_name(case.platform, self.lang),
                                          cat.scenario_name(case.scenario, self.lang)) if p)
        if role == self.DueRole:
            return row.due_ts
        if role == self.CaseIdRole:
            return case.id
        if role == self.SearchRole:
            return row.hay
        if role == Qt.ItemDataRole.UserRole:
            return {"status": row.status, "platform": case.platform}
        return None
