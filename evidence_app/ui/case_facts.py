"""The case facts the rules depend on (案件事实), a collapsible section of the case form.

It opens by itself when the case's scenario depends on facts (scenario `facts` in the data), with those facts
first and in bold; every change is validated and saved at once through the library, like the other fields.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFrame, QGridLayout, QLabel, QLineEdit, QToolButton,
                               QVBoxLayout, QWidget)

from evidence_app.core.model import FACTS, Case
from evidence_app.storage.library import Library, LibraryError


class CaseFacts(QWidget):
    saved = Signal(int)  # case id
    error = Signal(str)

    def __init__(self, library: Library, parent=None):
        super().__init__(parent)
        self.library = library
        self.case: Case | None = None
        self._loading = False
        labels = {
            "tracking_no": self.tr("Tracking number"), "seven_day_eligible": self.tr("Seven-day no-reason return"),
            "free_shipping": self.tr("Free shipping"), "cod": self.tr("Freight collect (到付)"),
            "customised": self.tr("Made to order"), "buyer_consented_late": self.tr("Buyer agreed to ship later"),
            "merged_parcel": self.tr("Orders merged without consent"), "receipt_confirmed": self.tr("Receipt confirmed"),
            "platform_requested_test": self.tr("Test requested by the platform"), "seller_type": self.tr("Seller"),
            "claimed_freight": self.tr("Freight claimed"), "actual_freight": self.tr("Actual freight (carrier)"),
            "refusal_reason": self.tr("Refusal reason"), "defect": self.tr("Defect"),
        }
        choices = {
            "none": self.tr("none"), "manual": self.tr("by the buyer"), "auto": self.tr("automatically"),
            "enterprise": self.tr("company"), "individual": self.tr("individual"),
            "no_reason": self.tr("no reason"), "damaged": self.tr("damaged (goods or gift)"),
            "wrong_address": self.tr("wrong phone or address"), "not_as_agreed": self.tr("not as agreed"),
            "other": self.tr("other"), "unknown": self.tr("not set"), "visible": self.tr("visible to the eye"),
            "invisible": self.tr("not visible to the eye"),
        }
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.toggle = QToolButton(self)
        self.toggle.setText(self.tr("Case facts (案件事实)"))
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setCheckable(True)
        self.toggle.setStyleSheet("QToolButton { border: none; font-weight: bold; }")
        self.toggle.toggled.connect(self._on_toggle)
        outer.addWidget(self.toggle)
        self.body = QFrame(self)
        self.grid = QGridLayout(self.body)
        self.grid.setContentsMargins(8, 0, 0, 0)
        outer.addWidget(self.body)
        self.labels: dict[str, QLabel] = {}
        self.widgets: dict[str, QWidget] = {}
        for name, kind, _default, allowed in FACTS:
            self.labels[name] = QLabel(labels.get(name, name), self.body)
            if kind == "bool":
                widget: QWidget = QCheckBox(self.body)
                widget.toggled.connect(lambda _on, n=name: self._save(n))
            elif kind == "choice":
                widget = QComboBox(self.body)
                for value in allowed:
                    widget.addItem(choices.get(value, value), value)
                widget.currentIndexChanged.connect(lambda _i, n=name: self._save(n))
            else:
                widget = QLineEdit(self.body)
                if kind == "money":
                    widget.setPlaceholderText("0.00")
                widget.editingFinished.connect(lambda n=name: self._save(n))
            widget.setObjectName(f"fact_{name}")
            self.widgets[name] = widget
        self._layout(())
        self._set_open(False)

    # --- showing ------------------------------------------------------------------------------------------------

    def _layout(self, relevant: tuple[str, ...]) -> None:
        """Relevant facts first (bold), two columns."""
        for widget in [*self.labels.values(), *self.widgets.values()]:
            self.grid.removeWidget(widget)
        order = [*[n for n in relevant if n in self.widgets], *[n for n in self.widgets if n not in relevant]]
        for index, name in enumerate(order):
            font = self.labels[name].font()
            font.setBold(name in relevant)
            self.labels[name].setFont(font)
            row, col = divmod(index, 2)
            self.grid.addWidget(self.labels[name], row, col * 2)
            self.grid.addWidget(self.widgets[name], row, col * 2 + 1)
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(3, 1)

    def _set_open(self, opened: bool) -> None:
        self.toggle.blockSignals(True)
        self.toggle.setChecked(opened)
        self.toggle.blockSignals(False)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if opened else Qt.ArrowType.RightArrow)
        self.body.setVisible(opened)

    def _on_toggle(self, opened: bool) -> None:
        self._set_open(opened)

    def relevant(self) -> tuple[str, ...]:
        if self.case is None:
            return ()
        scenario = self.library.catalog.scenarios.get(self.case.scenario)
        return tuple(f for f in scenario.facts if f in self.widgets) if scenario else ()

    def set_case(self, case: Case | None) -> None:
        scenario_changed = case is None or self.case is None or case.id != self.case.id or case.scenario != self.case.scenario
        self.case = case
        if case is None:
            return
        self._loading = True
        for name, widget in self.widgets.items():
            value = getattr(case, name)
            if isinstance(widget, QCheckBox):
                widget.setChecked(bool(value))
            elif isinstance(widget, QComboBox):
                widget.setCurrentIndex(max(0, widget.findData(value)))
            elif isinstance(widget, QLineEdit):
                widget.setText(str(value))
        self._loading = False
        if scenario_changed:
            relevant = self.relevant()
            self._layout(relevant)
            self._set_open(bool(relevant))  # a new case or dispute: open when its rules depend on facts

    # --- saving -------------------------------------------------------------------------------------------------

    def _text(self, name: str) -> str:
        widget = self.widgets[name]
        if isinstance(widget, QCheckBox):
            return "true" if widget.isChecked() else "false"
        if isinstance(widget, QComboBox):
            return str(widget.currentData())
        assert isinstance(widget, QLineEdit)
        return widget.text()

    def _save(self, name: str) -> None:
        if self._loading or self.case is None:
            return
        try:
            attr, value = self.library.parse_field(name, self._text(name))
        except LibraryError as exc:
            self.error.emit(str(exc))
            return
        if getattr(self.case, attr) == value:
            return
        self.case = self.library.update_case(self.case.id, **{attr: value})
        widget = self.widgets[name]
        if isinstance(widget, QLineEdit) and widget.text() != str(value):
            self._loading = True
            widget.setText(str(value))  # the normalised amount, e.g. 12 → 12.00
            self._loading = False
        self.saved.emit(self.case.id)
