"""The case's fields: order details, dispute, platform, status, timestamps, statement with a live count."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, QLocale, QTimer, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateTimeEdit, QGridLayout, QGroupBox, QHBoxLayout,
                               QLabel, QLineEdit, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget)

from evidence_app.core import statements
from evidence_app.core.model import TIME_FIELDS, Case
from evidence_app.storage.library import Library, LibraryError
from evidence_app.ui.case_facts import CaseFacts
from evidence_app.ui.models import status_label


class OptionalDateTime(QWidget):
    """A date-time picker that can be empty (a checkbox turns it on)."""

    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.enabled = QCheckBox(self)
        self.edit = QDateTimeEdit(self)
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        layout.addWidget(self.enabled)
        layout.addWidget(self.edit, 1)
        self.enabled.toggled.connect(lambda _: self.changed.emit())
        # Saved when changed, not only when focus leaves (500 ms after the last change, or at once on
        # leaving). The field stays enabled so a click and typed digits work; changing it ticks the box.
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(500)
        self._timer.timeout.connect(self.changed.emit)
        self.edit.dateTimeChanged.connect(self._edited)
        self.edit.editingFinished.connect(self._finish)

    def _edited(self) -> None:
        if self.signalsBlocked():
            return
        if not self.enabled.isChecked():
            self.enabled.blockSignals(True)
            self.enabled.setChecked(True)
            self.enabled.blockSignals(False)
        self._timer.start()

    def _finish(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self.changed.emit()

    def set_value(self, value: datetime | None, tz) -> None:
        self.blockSignals(True)
        self.enabled.blockSignals(True)
        if value is None:
            self.enabled.setChecked(False)
            self.edit.blockSignals(True)
            self.edit.setDateTime(QDateTime.currentDateTime())
            self.edit.blockSignals(False)
        else:
            local = value.astimezone(tz)
            self.enabled.setChecked(True)
            self.edit.blockSignals(True)
            self.edit.setDateTime(QDateTime(local.year, local.month, local.day, local.hour, local.minute, 0))
            self.edit.blockSignals(False)
        self.enabled.blockSignals(False)
        self.blockSignals(False)

    def value(self, tz) -> datetime | None:
        if not self.enabled.isChecked():
            return None
        qt = self.edit.dateTime()
        d, t = qt.date(), qt.time()
        return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=tz)


class CaseForm(QWidget):
    """Edits one case; every change is saved at once through the library (nothing to lose on a crash)."""

    saved = Signal(int)  # case id
    error = Signal(str)

    def __init__(self, library: Library, parent=None):
        super().__init__(parent)
        self.library = library
        self.case: Case | None = None
        self._loading = False
        self._numbering: list = []  # the items as numbered in the editor (see _items)
        cat, lang = library.catalog, library.lang
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        details = QGroupBox(self.tr("Order and dispute"), self)
        grid = QGridLayout(details)
        self.title = QLineEdit(self)
        self.order = QLineEdit(self)
        self.refund = QLineEdit(self)
        self.buyer = QLineEdit(self)
        self.amount = QLineEdit(self)
        self.scenario = QComboBox(self)
        for scenario in cat.scenarios.values():
            self.scenario.addItem(scenario.name(lang), scenario.id)
            self.scenario.setItemData(self.scenario.count() - 1, scenario.description(lang), 3)  # tooltip
        self.platform = QComboBox(self)
        for platform in cat.platforms.values():
            self.platform.addItem(platform.name(lang), platform.id)
        self.status = QComboBox(self)
        for status in ("draft", "ready", "submitted", "won", "lost"):
            self.status.addItem(status_label(status), status)
        self.imported = QCheckBox(self.tr("Imported goods"), self)
        self.order.setPlaceholderText(self.tr("Order number"))
        self.refund.setPlaceholderText(self.tr("Refund number"))
        self.amount.setPlaceholderText("0.00")
        rows = [(self.tr("Title"), self.title, self.tr("Dispute"), self.scenario),
                (self.tr("Order"), self.order, self.tr("Platform"), self.platform),
                (self.tr("Refund"), self.refund, self.tr("Status"), self.status),
                (self.tr("Buyer"), self.buyer, self.tr("Amount"), self.amount)]
        for row, (l1, w1, l2, w2) in enumerate(rows):
            grid.addWidget(QLabel(l1), row, 0)
            grid.addWidget(w1, row, 1)
            grid.addWidget(QLabel(l2), row, 2)
            grid.addWidget(w2, row, 3)
        grid.addWidget(self.imported, len(rows), 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        outer.addWidget(details)

        times = QGroupBox(self.tr("Key times"), self)
        tgrid = QGridLayout(times)
        labels = {"paid_at": self.tr("Paid"), "pickup_at": self.tr("First pickup scan"),
                  "signed_at": self.tr("Signed"), "refund_at": self.tr("Refund requested"),
                  "requested_at": self.tr("Evidence requested"), "due_at": self.tr("Evidence due")}
        self.times: dict[str, OptionalDateTime] = {}
        for n, name in enumerate(TIME_FIELDS):
            widget = OptionalDateTime(self)
            self.times[name] = widget
            tgrid.addWidget(QLabel(labels[name]), n // 2, (n % 2) * 2)
            tgrid.addWidget(widget, n // 2, (n % 2) * 2 + 1)
            widget.changed.connect(self._save)
        tgrid.setColumnStretch(1, 1)
        tgrid.setColumnStretch(3, 1)
        outer.addWidget(times)
        self.facts = CaseFacts(library, self)  # its own widget: issue 8's facts, collapsed unless they matter
        self.facts.saved.connect(self.saved)
        self.facts.error.connect(self.error)
        outer.addWidget(self.facts)

        statement_box = QGroupBox(self.tr("Statement to the platform (申诉说明)"), self)
        slayout = QVBoxLayout(statement_box)
        self.statement = QPlainTextEdit(self)
        self.statement.setPlaceholderText(self.tr("What happened, in a few sentences, pointing at the exhibits"))
        self.statement.setFixedHeight(72)
        self.count = QLabel(self)
        # 起草: fills the editor from the scenario's template (resources/statements.toml); Ctrl+Z takes it back.
        self.draft_button = QPushButton(self.tr("Draft from template"), self)
        self.draft_button.setToolTip(self.tr("Write a first draft from the case's facts and exhibits; exhibit "
                                             "numbers stay right when exhibits are reordered"))
        self.draft_button.clicked.connect(self.draft_statement)
        count_row = QHBoxLayout()
        count_row.addWidget(self.count, 1)
        count_row.addWidget(self.draft_button)
        slayout.addWidget(self.statement)
        slayout.addLayout(count_row)
        outer.addWidget(statement_box)
        # the case page moves these: facts collapse under a one-line summary, the statement gets its own tab
        self.details_box, self.times_box, self.statement_box = details, times, statement_box

        for edit in (self.title, self.order, self.refund, self.buyer, self.amount):
            edit.editingFinished.connect(self._save)
        for combo in (self.scenario, self.platform, self.status):
            combo.currentIndexChanged.connect(self._save)
        self.imported.toggled.connect(self._save)
        # Typing is saved 400 ms after the last key (not one database write per key); switching cases or
        # closing the window saves at once, so nothing typed is lost.
        self._statement_timer = QTimer(self)
        self._statement_timer.setSingleShot(True)
        self._statement_timer.setInterval(400)
        self._statement_timer.timeout.connect(self._save_statement)
        self.statement.textChanged.connect(self._update_count)
        self.statement.textChanged.connect(lambda: self._loading or self._statement_timer.start())
        self.setEnabled(False)
        for widget in self.times.values():  # the calendar popup in Chinese whatever the system locale
            widget.edit.setLocale(QLocale(QLocale.Language.Chinese, QLocale.Country.China)
                                  if library.lang.startswith("zh") else QLocale(QLocale.Language.English))

    def flush(self) -> None:
        """Save a statement (or a date) still waiting for its timer."""
        for widget in self.times.values():
            widget._finish()
        if self._statement_timer.isActive():
            self._statement_timer.stop()
            self._save_statement()

    def set_case(self, case: Case | None) -> None:
        self.flush()
        self.case = case
        self.setEnabled(case is not None)
        if case is None:
            return
        self._loading = True
        tz = self.library.tz
        self.title.setText(case.title)
        self.order.setText(case.order_no)
        self.refund.setText(case.refund_no)
        self.buyer.setText(case.buyer)
        self.amount.setText(case.amount)
        self.scenario.setCurrentIndex(self.scenario.findData(case.scenario))
        self.platform.setCurrentIndex(self.platform.findData(case.platform))
        self.status.setCurrentIndex(self.status.findData(case.status.value))
        self.imported.setChecked(case.imported)
        for name, widget in self.times.items():
            widget.set_value(getattr(case, name), tz)
        self.facts.set_case(case)
        shown = self._shown(case)
        if self.statement.toPlainText() != shown:
            self.statement.setPlainText(shown)
        self._loading = False
        self._update_count()

    def limit(self) -> int:
        if self.case is None:
            return 0
        platform = self.library.catalog.platforms.get(self.case.platform)
        return platform.statement_limit if platform else 500

    # The editor shows exhibit references as "证据 N" with the current numbers; what is typed is stored back as
    # references (core/statements.py), so reordering never leaves a stale number.

    def _items(self):
        """The exhibits as numbered in the editor's text (the last render), so that typing saved just after a
        reorder still means the exhibits the agent saw."""
        return self._numbering

    def _shown(self, case: Case) -> str:
        self._numbering = self.library.items(case.id)
        return statements.render(case.statement, self._numbering, self.library.lang)

    def refresh_statement(self) -> None:
        """After exhibits were added, removed or reordered: show the references with their new numbers."""
        if self.case is None:
            return
        self.flush()
        self.case = self.library.case(self.case.id)
        shown = self._shown(self.case)
        if self.statement.toPlainText() != shown:
            self._loading = True
            self.statement.setPlainText(shown)
            self._loading = False
        self._update_count()

    def draft_statement(self) -> None:
        if self.case is None:
            return
        from evidence_app.export.document import draft_statement

        self.flush()
        stored = draft_statement(self.library, self.case.id)
        self._numbering = self.library.items(self.case.id)
        if not stored:
            self.error.emit(self.tr("No template fits this case yet: add exhibits of the kinds its dispute needs."))
            return
        cursor = self.statement.textCursor()  # one edit through the cursor keeps Ctrl+Z
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(statements.render(stored, self._items(), self.library.lang))
        self._save_statement()

    def _update_count(self) -> None:
        used, limit = len(self.statement.toPlainText()), self.limit()
        over = used > limit
        self.count.setText(self.tr("%1 / %2 characters").replace("%1", str(used)).replace("%2", str(limit))
                           + ("  " + self.tr("over the platform's limit") if over else ""))
        self.count.setStyleSheet("color: #b91c1c;" if over else "color: #6b7280;")

    def _save_statement(self) -> None:
        if self._loading or self.case is None:
            return
        stored = statements.to_stored(self.statement.toPlainText(), self._items())
        if stored == self.case.statement:
            return
        self.case = self.library.update_case(self.case.id, statement=stored)
        self.saved.emit(self.case.id)

    def _save(self) -> None:
        if self._loading or self.case is None:
            return
        try:
            try:
                _, amount = self.library.parse_field("amount", self.amount.text())
            except LibraryError:  # the library's message is English; the agent gets one Chinese line
                raise LibraryError(self.tr("The amount must be a positive number, e.g. 88.50")) from None
            values = {"title": self.title.text().strip(), "order_no": self.order.text().strip(),
                      "refund_no": self.refund.text().strip(), "buyer": self.buyer.text().strip(), "amount": amount,
                      "scenario": self.scenario.currentData(), "platform": self.platform.currentData(),
                      "status": self.library.parse_field("status", self.status.currentData())[1],
                      "imported": self.imported.isChecked()}
            tz = self.library.tz
            for name, widget in self.times.items():
                values[name] = widget.value(tz)
        except LibraryError as exc:
            self.error.emit(str(exc))
            return
        self.case = self.library.update_case(self.case.id, **values)
        self.facts.set_case(self.case)
        self._update_count()
        self.saved.emit(self.case.id)


