"""Today (the start page): what needs the agent now. Overdue, due within 24 h, waiting for the buyer (open
cases the platform has not yet asked evidence for), recently submitted; one click opens the case."""

from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from evidence_app.ui.case_list import CaseListModel

RECENT_DAYS = 7
LIMIT = 200  # per list: a long tail helps nobody; the case list has them all (the title counts them all)


class TodayView(QWidget):
    open_case = Signal(int)

    def __init__(self, model: CaseListModel, parent=None):
        super().__init__(parent)
        self.model = model
        layout = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-size: 16px; font-weight: bold;")
        layout.addWidget(self.heading)
        grid = QGridLayout()
        self.lists: dict[str, QListWidget] = {}
        self.boxes: dict[str, QGroupBox] = {}
        titles = {"overdue": self.tr("Overdue"), "soon": self.tr("Due within 24 h"),
                  "waiting": self.tr("Waiting for the buyer"), "submitted": self.tr("Recently submitted")}
        for n, (key, title) in enumerate(titles.items()):
            box = QGroupBox(title, self)
            box_layout = QVBoxLayout(box)
            widget = QListWidget(box)
            widget.setUniformItemSizes(True)  # one line each: no measuring of 200 rows when Today is shown
            widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # long lines elide;
            widget.setTextElideMode(Qt.TextElideMode.ElideRight)  # the whole line is the tooltip
            widget.itemActivated.connect(self._activated)
            widget.itemClicked.connect(self._activated)
            box_layout.addWidget(widget)
            grid.addWidget(box, n // 2, n % 2)
            self.lists[key], self.boxes[key] = widget, box
        self._titles = titles
        self.counts = {key: 0 for key in titles}
        self._shown: tuple | None = None  # what the lists show now (see refresh)
        layout.addLayout(grid, 1)

    def _activated(self, item: QListWidgetItem) -> None:
        case_id = item.data(Qt.ItemDataRole.UserRole)
        if case_id:
            self.open_case.emit(case_id)

    def groups(self, now: datetime | None = None) -> dict[str, list[int]]:
        """Case ids per list, most urgent first, at most LIMIT each (from the model's sorted Today index);
        `self.counts` keeps how many cases each list has in all."""
        now = now or datetime.now(timezone.utc)
        ids, self.counts = self.model.today.groups(now.timestamp(), LIMIT, 24 * 3600, RECENT_DAYS * 24 * 3600)
        return ids

    def refresh(self, force: bool = False) -> None:
        """Fill the four lists. Their ids come from the model's sorted index (a few bisections, at most LIMIT ids
        each); the lists are refilled only when what they would show differs: other cases or counts, a shown case
        changed (its row is a new object), another minute (the hours left) or language. Editing a case that Today
        does not show, then typing a search that hides it, shows Today without refilling anything."""
        now = datetime.now(timezone.utc)
        groups = self.groups(now)
        rows = self.model.all
        shown = (groups, dict(self.counts), [id(rows.get(c)) for ids in groups.values() for c in ids],
                 int(now.timestamp() // 60), self.model.lang)
        if not force and shown == self._shown:
            return
        self._shown = shown
        lang, cat = self.model.lang, self.model.library.catalog
        for key, ids in groups.items():
            widget = self.lists[key]
            widget.setUpdatesEnabled(False)
            widget.clear()
            self.boxes[key].setTitle(f"{self._titles[key]} ({self.counts[key]})")
            for case_id in ids:
                row = self.model.all[case_id]
                case = row.case
                badge = self.model.badge(row)[0]
                text = "  ·  ".join(p for p in (badge if row.due else "", case.title or case.order_no or f"#{case.id}",
                                                  case.buyer, cat.platform_name(case.platform, lang)) if p)
                item = QListWidgetItem(text, widget)
                item.setData(Qt.ItemDataRole.UserRole, case_id)
                item.setToolTip(text)
            if not ids:
                item = QListWidgetItem(self.tr("Nothing here"), widget)
                item.setFlags(Qt.ItemFlag.NoItemFlags)
            widget.setUpdatesEnabled(True)
        total = self.counts["overdue"] + self.counts["soon"]
        self.heading.setText(self.tr("Today: %1 case(s) need evidence now").replace("%1", str(total)))
