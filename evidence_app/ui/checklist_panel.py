"""The checklist panel: readiness summary, time-finding banners, each requirement with its mark, the rule it
cites and the kinds that satisfy it. Clicking a requirement highlights its items; files dropped on one, or
added with its button, get the right kind."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QLabel, QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from evidence_app.core.checklist import ChecklistResult
from evidence_app.storage.library import Library

BANNER = {"late": "#fde2e1", "overdue": "#fde2e1", "outside": "#fde2e1", "yes": "#fde2e1",
          "disputed": "#fff1cc", "due_soon": "#fff1cc", "incomplete": "#eef2f7", "inconsistent": "#fff1cc",
          "raised": "#eef2f7", "not_shipped": "#fff1cc"}
FAVOURS = {"shop": "#e7f6ec", "buyer": "#fde2e1"}  # a finding that helps the shop is green, an adverse one red
GREEN, RED, AMBER = QColor("#15803d"), QColor("#b91c1c"), QColor("#b45309")


class RequirementTree(QTreeWidget):
    files_dropped = Signal(list, str)  # paths, requirement id

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            item = self.itemAt(event.position().toPoint())
            if item is not None:
                event.acceptProposedAction()
                return
            event.ignore()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event) -> None:  # noqa: N802
        item = self.itemAt(event.position().toPoint())
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if item is not None and paths:
            while item.parent() is not None:
                item = item.parent()
            self.files_dropped.emit(paths, item.data(0, Qt.ItemDataRole.UserRole))
            event.acceptProposedAction()
        else:
            event.ignore()


class ChecklistPanel(QWidget):
    highlight = Signal(list)  # item ids
    add_for = Signal(str)  # requirement id: open a file dialog with its kind
    files_for = Signal(list, str)  # paths dropped on a requirement

    def __init__(self, library: Library, parent=None):
        super().__init__(parent)
        self.library = library
        self.result: ChecklistResult | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel(self)
        self.summary.setObjectName("summary")
        self.summary.setStyleSheet("font-size: 15px; font-weight: bold; padding: 4px;")
        self.banners = QVBoxLayout()
        self.tree = RequirementTree(self)
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(True)
        self.tree.setWordWrap(True)
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setStyleSheet("color: #374151; padding: 4px;")
        self.add_button = QPushButton(self.tr("Add files for this requirement…"), self)
        self.add_button.setEnabled(False)
        layout.addWidget(self.summary)
        layout.addLayout(self.banners)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.add_button)
        self.tree.currentItemChanged.connect(self._current_changed)
        self.tree.itemClicked.connect(lambda item, _col: self._current_changed(item, None))
        self.add_button.clicked.connect(self._add)
        self.tree.files_dropped.connect(self.files_for.emit)

    def set_result(self, result: ChecklistResult | None) -> None:
        self.result = result
        self.tree.clear()
        while self.banners.count():
            widget = self.banners.takeAt(0).widget()
            if widget:
                widget.hide()  # at once: deleteLater waits for the event loop, and a stale banner showed
                widget.deleteLater()
        self.detail.clear()
        self.add_button.setEnabled(False)
        if result is None:
            self.summary.clear()
            return
        lang, cat = self.library.lang, self.library.catalog
        done, need = result.required_counts
        self.summary.setText(self.tr("%1/%2 required items in place").replace("%1", str(done)).replace("%2", str(need))
                             + (" ✓" if result.ready else ""))
        self.summary.setStyleSheet("font-size: 15px; font-weight: bold; padding: 4px; color: %s;"
                                   % ("#15803d" if result.ready else "#b91c1c"))
        for finding in result.findings:
            banner = QLabel(("✗ " if finding.blocking else "") + finding.message, self)
            banner.setWordWrap(True)
            banner.setObjectName(f"finding_{finding.id}")
            banner.setToolTip(finding.rule)
            colour = "#fde2e2" if finding.blocking else FAVOURS.get(finding.favours) or BANNER.get(finding.status, "#e7f6ec")
            banner.setStyleSheet("background: %s; border-radius: 4px; padding: 6px;" % colour)
            self.banners.addWidget(banner)
        for req in result.requirements:
            level = self.tr("Required") if req.requirement.level == "required" else self.tr("Recommended")
            mark = "✓" if req.met else "?" if req.status == "unconfirmed" else ("✗" if req.requirement.level == "required" else "○")
            names = [cat.kind_name(k, lang) for k in req.requirement.kinds]
            lines = [" / ".join(names[n:n + 2]) for n in range(0, len(names), 2)]  # short lines: the panel is narrow
            node = QTreeWidgetItem([f"{mark} [{level}] " + ("\n      ".join(lines))])
            node.setData(0, Qt.ItemDataRole.UserRole, req.requirement.id)
            node.setForeground(0, QBrush(GREEN if req.met else AMBER if req.status == "unconfirmed"
                                         else (RED if req.requirement.level == "required" else AMBER)))
            node.setToolTip(0, f"{req.rule}\n{req.requirement.explain(lang)}\n{req.message}")
            rule_label = self.tr("Rule")
            rule = QTreeWidgetItem([f"{rule_label}: {req.rule}"])
            rule.setToolTip(0, req.requirement.explain(lang))
            message = QTreeWidgetItem([req.message])
            message.setToolTip(0, req.message)
            node.addChildren([rule, message])
            self.tree.addTopLevelItem(node)

    def requirement_ids(self) -> list[str]:
        return [self.tree.topLevelItem(n).data(0, Qt.ItemDataRole.UserRole) for n in range(self.tree.topLevelItemCount())]

    def select_requirement(self, requirement_id: str) -> None:
        for n in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(n)
            if item.data(0, Qt.ItemDataRole.UserRole) == requirement_id:
                self.tree.setCurrentItem(item)
                self._current_changed(item, None)

    def _current_changed(self, item, _previous) -> None:
        if item is None or self.result is None:
            return
        while item.parent() is not None:
            item = item.parent()
        req_id = item.data(0, Qt.ItemDataRole.UserRole)
        result = next(r for r in self.result.requirements if r.requirement.id == req_id)
        lang = self.library.lang
        self.detail.setText(f"<b>{result.rule}</b><br>{result.requirement.explain(lang)}")
        self.add_button.setEnabled(True)
        self.highlight.emit(list(result.items))

    def current_requirement(self) -> str | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        while item.parent() is not None:
            item = item.parent()
        return item.data(0, Qt.ItemDataRole.UserRole)

    def _add(self) -> None:
        req_id = self.current_requirement()
        if req_id:
            self.add_for.emit(req_id)
