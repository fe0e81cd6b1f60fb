"""The left panel: search as you type, status and platform filters, the case list, "new case"."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QPushButton, QTableView, QVBoxLayout, QWidget)

from evidence_app.storage.library import Library
from evidence_app.ui.case_list import CaseListModel, status_label


class CaseListPanel(QWidget):
    case_chosen = Signal(int)  # the agent picked a case in the list
    filtered = Signal()  # the rows shown changed because of the search or a filter

    def __init__(self, library: Library, model: CaseListModel, parent=None):
        super().__init__(parent)
        self.model = model
        lang, cat = library.lang, library.catalog
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search order, refund, buyer, title, statement, evidence text"))
        self.search.setClearButtonEnabled(True)
        self.status_filter = QComboBox(self)
        self.status_filter.addItem(self.tr("All statuses"), "")
        for status in ("draft", "ready", "submitted", "won", "lost"):
            self.status_filter.addItem(status_label(status), status)
        self.platform_filter = QComboBox(self)
        self.platform_filter.addItem(self.tr("All platforms"), "")
        for platform in cat.platforms.values():
            self.platform_filter.addItem(platform.name(lang), platform.id)
        filters = QHBoxLayout()
        filters.addWidget(self.status_filter)
        filters.addWidget(self.platform_filter)
        self.table = QTableView(self)
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # indicator first: enabling sorting sorts by the indicator (descending by default), then setting it
        # sorted again (two sorts of 20,000 rows at start-up)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().hide()
        # Fixed row heights and no ResizeToContents: measuring 20,000 rows on every change took seconds.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # title/order takes what is left
        for column, chars in ((0, 11), (2, 7), (3, 5)):
            header.resizeSection(column, self.fontMetrics().horizontalAdvance("0") * chars + 16)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.empty = QLabel(self)  # "no case matches" / "no cases yet"
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: #6b7280; padding: 12px;")
        self.empty.hide()
        self.new_button = QPushButton(self.tr("New case") + " (Ctrl+N)", self)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.new_button)
        self.search.textChanged.connect(self._filter(lambda: model.set_text(self.search.text())))
        self.status_filter.currentIndexChanged.connect(
            self._filter(lambda: model.set_status(self.status_filter.currentData())))
        self.platform_filter.currentIndexChanged.connect(
            self._filter(lambda: model.set_platform(self.platform_filter.currentData())))
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self._selecting = False

    def _filter(self, apply):
        def run(*_args) -> None:
            apply()
            filtering = bool(self.search.text().strip() or self.status_filter.currentData()
                             or self.platform_filter.currentData())
            none = self.model.rowCount() == 0
            self.empty.setText(self.tr("No case matches the search or the filters") if filtering
                               else self.tr("No cases yet"))
            self.empty.setVisible(none)
            self.filtered.emit()
        return run

    def _current_changed(self, current, _previous) -> None:
        if current.isValid() and not self._selecting:
            self.case_chosen.emit(current.data(CaseListModel.CaseIdRole))

    def select(self, case_id: int | None) -> bool:
        """Highlight `case_id` without re-opening it. Current index and selection move together, so the list
        never shows two highlighted rows. False when the case is not shown (search, filters)."""
        row = self.model.row_of(case_id) if case_id is not None else -1
        selection = self.table.selectionModel()
        self._selecting = True
        try:
            if row < 0:
                selection.clear()
                return False
            index = self.model.index(row, 0)
            selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                      | QItemSelectionModel.SelectionFlag.Rows)
            self.table.scrollTo(index)
        finally:
            self._selecting = False
        return True
