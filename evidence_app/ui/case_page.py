"""The case page (centre): the evidence board first. The case facts collapse to a one-line summary that expands
on a click; the statement has its own tab; the arrangement is remembered."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QPushButton, QScrollArea, QSplitter,
                               QSizePolicy, QTabWidget, QToolButton, QVBoxLayout,
                               QWidget)

from evidence_app.core.model import Case
from evidence_app.storage.library import Library
from evidence_app.ui.board import EvidenceBoard
from evidence_app.ui.case_form import CaseForm
from evidence_app.ui.models import EvidenceModel

# A handle the agent can see and grab (the default is a faint dotted line).
SPLITTER_STYLE = ("QSplitter::handle { background: #d1d5db; } QSplitter::handle:hover { background: #93c5fd; }"
                  "QSplitter::handle:vertical { height: 5px; } QSplitter::handle:horizontal { width: 5px; }")


class CasePage(QWidget):
    facts_toggled = Signal(bool)

    def __init__(self, library: Library, evidence_model: EvidenceModel, parent=None):
        super().__init__(parent)
        self.library = library
        lang, cat = library.lang, library.catalog
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        self.sample_banner = QLabel(self.tr("This is the sample case: invented data to show how a finished case "
                                            "looks. Export it to see a bundle."), self)
        self.sample_banner.setStyleSheet("background: #e0f2fe; padding: 4px; border-radius: 4px;")
        self.sample_banner.setWordWrap(True)
        self.form = CaseForm(library, self)

        # one line: order, buyer, amount, platform, key times; a click shows the fields
        self.facts_button = QToolButton(self)
        self.facts_button.setCheckable(True)
        self.facts_button.setArrowType(Qt.ArrowType.RightArrow)
        self.facts_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.facts_button.setText(self.tr("Case facts"))
        self.facts_button.setToolTip(self.tr("Show or hide the case's fields"))
        self.summary = QPushButton(self)
        self.summary.setFlat(True)
        self.summary.setStyleSheet("text-align: left; padding: 2px 4px;")
        self.summary.setCursor(Qt.CursorShape.PointingHandCursor)
        # a long summary must never widen the page (it would squeeze the case list): it is cut, the tooltip
        # has it all
        self.summary.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.summary.setMinimumWidth(40)
        summary_row = QHBoxLayout()
        summary_row.addWidget(self.facts_button)
        summary_row.addWidget(self.summary, 1)

        form_scroll = QScrollArea(self)
        form_holder = QWidget(form_scroll)
        form_layout = QVBoxLayout(form_holder)
        form_layout.setContentsMargins(0, 0, 0, 0)
        form_layout.addWidget(self.form.details_box)
        form_layout.addWidget(self.form.times_box)
        form_layout.addWidget(self.form.facts)  # the facts the rules depend on (open when they matter)
        form_layout.addStretch(1)
        form_scroll.setWidget(form_holder)
        form_scroll.setWidgetResizable(True)
        self.form_scroll = form_scroll
        self.form.hide()  # its group boxes live in the scroll area and the statement tab

        board_bar = QHBoxLayout()
        self.board_title = QLabel(self.tr("Evidence"), self)
        self.board_title.setStyleSheet("font-weight: bold; font-size: 14px;")
        self.kind_filter = QComboBox(self)
        self.kind_filter.addItem(self.tr("All kinds"), "")
        for kind in cat.kinds.values():
            self.kind_filter.addItem(kind.name(lang), kind.id)
        self.add_button = QPushButton(self.tr("Add files…"), self)
        self.paste_button = QPushButton(self.tr("Paste screenshot"), self)
        self.export_button = QPushButton(self.tr("Export bundle…"), self)
        self.export_button.setStyleSheet("font-weight: bold;")
        board_bar.addWidget(self.board_title)
        board_bar.addWidget(self.kind_filter)
        board_bar.addStretch(1)
        for button in (self.add_button, self.paste_button, self.export_button):
            board_bar.addWidget(button)
        self.board = EvidenceBoard(evidence_model, [(k.id, k.name(lang)) for k in cat.kinds.values()], self)
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.notice.setObjectName("notice")
        self.notice.hide()
        board_box = QWidget(self)
        board_layout = QVBoxLayout(board_box)
        board_layout.setContentsMargins(0, 4, 0, 0)
        board_layout.addLayout(board_bar)
        board_layout.addWidget(self.notice)
        board_layout.addWidget(self.board, 1)

        statement_tab = QWidget(self)
        statement_layout = QVBoxLayout(statement_tab)
        statement_layout.addWidget(self.form.statement_box, 1)
        self.form.statement.setMinimumHeight(72)
        self.form.statement.setMaximumHeight(16777215)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(board_box, self.tr("Evidence board"))
        self.tabs.addTab(statement_tab, self.tr("Statement"))

        self.split = QSplitter(Qt.Orientation.Vertical, self)
        self.split.setStyleSheet(SPLITTER_STYLE)
        self.split.addWidget(form_scroll)
        self.split.addWidget(self.tabs)
        self.split.setStretchFactor(1, 1)
        self.split.setCollapsible(1, False)
        self.split.setSizes([260, 500])
        layout.addWidget(self.sample_banner)
        layout.addLayout(summary_row)
        layout.addWidget(self.split, 1)
        self.facts_button.toggled.connect(self.show_facts)
        self.summary.clicked.connect(self.facts_button.toggle)
        self.form.saved.connect(lambda _id: self.update_summary(self.form.case))
        self.show_facts(False)

    def show_facts(self, on: bool) -> None:
        self.facts_button.blockSignals(True)
        self.facts_button.setChecked(on)
        self.facts_button.blockSignals(False)
        self.facts_button.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)
        self.form_scroll.setVisible(on)
        self.facts_toggled.emit(on)

    def update_summary(self, case: Case | None) -> None:
        if case is None:
            self.summary.setText("")
            return
        cat, lang, tz = self.library.catalog, self.library.lang, self.library.tz
        parts = [case.title or "",
                 self.tr("Order %1").replace("%1", case.order_no) if case.order_no else "",
                 self.tr("Buyer %1").replace("%1", case.buyer) if case.buyer else "",
                 f"¥{case.amount}" if case.amount else "",
                 cat.platform_name(case.platform, lang)]
        for name, label in (("signed_at", self.tr("signed")), ("requested_at", self.tr("requested")),
                            ("due_at", self.tr("due"))):
            value = getattr(case, name)
            if value is not None:
                parts.append(f"{label} {value.astimezone(tz).strftime('%m-%d %H:%M')}")
        text = "  ·  ".join(p for p in parts if p)
        self.summary.setText(text)
        self.summary.setToolTip(text + "\n" + cat.scenario_name(case.scenario, lang))
