"""Today (the start page): what needs the agent now. Overdue, due within 24 h, waiting for the buyer (open
cases the platform has not yet asked evidence for), recently submitted; one click opens the case."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from evidence_app.ui.case_list import CLOSED, CaseListModel

RECENT_DAYS = 7
LIMIT = 200  # per list: a long tail helps nobody; the case list has them all


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
            widget.itemActivated.connect(self._activated)
            widget.itemClicked.connect(self._activated)
            box_layout.addWidget(widget)
            grid.addWidget(box, n // 2, n % 2)
            self.lists[key], self.boxes[key] = widget, box
        self._titles = titles
        layout.addLayout(grid, 1)

    def _activated(self, item: QListWidgetItem) -> None:
        case_id = item.data(Qt.ItemDataRole.UserRole)
        if case_id:
            self.open_case.emit(case_id)

    def groups(self, now: datetime | None = None) -> dict[str, list[int]]:
        """Case ids per list, most urgent first (Qt-free logic over the model's rows)."""
        from evidence_app.storage.outcomes import load_outcomes

        now = now or datetime.now(timezone.utc)
        outcomes = load_outcomes(self.model.library)  # when each case was really submitted
        out: dict[str, list] = {"overdue": [], "soon": [], "waiting": [], "submitted": []}
        for row in self.model.all.values():
            case = row.case
            status = case.status.value
            if status == "submitted":
                outcome = outcomes.get(case.id)
                changed = (outcome.submitted_at if outcome else None) or case.updated_at or case.created_at
                if changed and now - changed <= timedelta(days=RECENT_DAYS):
                    out["submitted"].append((-(changed.timestamp()), case.id))
                continue
            if status in CLOSED:
                continue
            if row.due is None:
                out["waiting"].append((-(case.created_at.timestamp() if case.created_at else 0), case.id))
            elif row.due < now:
                out["overdue"].append((row.due_ts, case.id))
            elif row.due - now <= timedelta(hours=24):
                out["soon"].append((row.due_ts, case.id))
        return {key: [case_id for _, case_id in sorted(values)[:LIMIT]] for key, values in out.items()}

    def refresh(self) -> None:
        groups = self.groups()
        lang, cat = self.model.lang, self.model.library.catalog
        for key, ids in groups.items():
            widget = self.lists[key]
            widget.clear()
            self.boxes[key].setTitle(f"{self._titles[key]} ({len(ids)})")
            for case_id in ids:
                row = self.model.all[case_id]
                case = row.case
                badge = self.model.badge(row)[0]
                text = "  ·  ".join(p for p in (badge if row.due else "", case.title or case.order_no or f"#{case.id}",
                                                  case.buyer, cat.platform_name(case.platform, lang)) if p)
                item = QListWidgetItem(text, widget)
                item.setData(Qt.ItemDataRole.UserRole, case_id)
            if not ids:
                item = QListWidgetItem(self.tr("Nothing here"), widget)
                item.setFlags(Qt.ItemFlag.NoItemFlags)
        total = sum(len(groups[k]) for k in ("overdue", "soon"))
        self.heading.setText(self.tr("Today: %1 case(s) need evidence now").replace("%1", str(total)))
