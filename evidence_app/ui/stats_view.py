"""统计: the outcome figures (core/stats.py) per scenario, platform and month, the evidence most often missing
at submission, and a CSV export."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QFileDialog, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableWidget,
                               QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget)

from evidence_app.core.stats import Group, Stats, to_csv
from evidence_app.storage.library import Library


class StatsView(QWidget):
    message = Signal(str)

    def __init__(self, library: Library, parent=None):
        super().__init__(parent)
        self.library = library
        self.stats: Stats | None = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.total = QLabel(self)
        self.total.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.csv_button = QPushButton(self.tr("Export CSV…"), self)
        top.addWidget(self.total, 1)
        top.addWidget(self.csv_button)
        layout.addLayout(top)
        self.tabs = QTabWidget(self)
        self.tables: dict[str, QTableWidget] = {}
        for key, title in (("scenario", self.tr("By dispute")), ("platform", self.tr("By platform")),
                           ("month", self.tr("By month")), ("missing", self.tr("Missing at submission"))):
            table = QTableWidget(self)
            table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
            table.verticalHeader().hide()
            self.tables[key] = table
            self.tabs.addTab(table, title)
        layout.addWidget(self.tabs, 1)
        self.note = QLabel(self.tr("Win rate: won ÷ (won + lost). Time to submit: from the platform's request "
                                   "(or the case's creation) to the first submission. The sample case is not "
                                   "counted."), self)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #6b7280;")
        layout.addWidget(self.note)
        self.csv_button.clicked.connect(self.export_csv)

    def refresh(self) -> None:
        from evidence_app.storage.outcomes import library_stats

        self.stats = stats = library_stats(self.library)
        t = stats.total
        rate = f"{t.win_rate * 100:.0f}%" if t.win_rate is not None else "—"
        self.total.setText(self.tr("%1 cases · %2 submitted · win rate %3").replace("%1", str(t.cases))
                           .replace("%2", str(t.submitted)).replace("%3", rate))
        headers = [self.tr("Name"), self.tr("Cases"), self.tr("Submitted"), self.tr("Won"), self.tr("Lost"),
                   self.tr("Win rate"), self.tr("Median hours to submit")]
        for key, groups in (("scenario", stats.by_scenario), ("platform", stats.by_platform),
                            ("month", stats.by_month)):
            self._fill(self.tables[key], headers, [self._group_row(g) for g in groups])
        self._fill(self.tables["missing"], [self.tr("Evidence"), self.tr("Times missing"), self.tr("Share")],
                   [[m.name, str(m.count), f"{m.share * 100:.0f}%"] for m in stats.missing])

    @staticmethod
    def _group_row(g: Group) -> list[str]:
        return [g.name, str(g.cases), str(g.submitted), str(g.won), str(g.lost),
                f"{g.win_rate * 100:.0f}%" if g.win_rate is not None else "—",
                f"{g.median_hours_to_submit:g}" if g.median_hours_to_submit is not None else "—"]

    @staticmethod
    def _fill(table: QTableWidget, headers: list[str], rows: list[list[str]]) -> None:
        table.clear()
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                table.setItem(r, c, QTableWidgetItem(text))
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def export_csv(self, path: str | None = None) -> None:
        from evidence_app.storage.atomic import atomic_write

        if self.stats is None:
            self.refresh()
        if not path:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export statistics"), str(Path.home() / "统计.csv"),
                                                  self.tr("CSV table") + " (*.csv)")
        if not path:
            return
        try:
            with atomic_write(Path(path)) as handle:
                handle.write(to_csv(self.stats).encode("utf-8-sig"))
        except OSError as exc:
            self.message.emit(self.tr("Could not save %1: %2").replace("%1", path)
                              .replace("%2", exc.strerror or str(exc)))
            return
        self.message.emit(self.tr("Saved %1").replace("%1", path))
