"""Small dialogs: new case (scenario with its description, platform, order details) and settings."""

from __future__ import annotations

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel,
                               QLineEdit, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout)
from PySide6.QtCore import Qt

from evidence_app.storage.library import Library, LibraryError
from evidence_app.ui.app import LANGUAGES


def _error_and_buttons(dialog: QDialog, layout: QVBoxLayout) -> QLabel:
    """The red one-line error under a form, and OK/Cancel wired to the dialog."""
    error = QLabel(dialog)
    error.setStyleSheet("color: #b91c1c;")
    layout.addWidget(error)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    return error


class NewCaseDialog(QDialog):
    def __init__(self, library: Library, parent=None):
        super().__init__(parent)
        self.library = library
        self.setWindowTitle(self.tr("New case"))
        self.resize(640, 560)
        lang, cat = library.lang, library.catalog
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("What is the dispute about?")))
        self.scenarios = QListWidget(self)
        for scenario in cat.scenarios.values():
            item = QListWidgetItem(scenario.name(lang))
            item.setData(Qt.ItemDataRole.UserRole, scenario.id)
            item.setToolTip(scenario.description(lang))
            self.scenarios.addItem(item)
        self.scenarios.setCurrentRow(0)
        self.description = QLabel(self)
        self.description.setWordWrap(True)
        self.description.setStyleSheet("color: #4b5563; padding: 4px;")
        layout.addWidget(self.scenarios, 1)
        layout.addWidget(self.description)
        form = QFormLayout()
        self.platform = QComboBox(self)
        for platform in cat.platforms.values():
            self.platform.addItem(platform.name(lang), platform.id)
        self.platform.setCurrentIndex(self.platform.findData(library.setting("default_platform")))
        self.order = QLineEdit(self)
        self.refund = QLineEdit(self)
        self.buyer = QLineEdit(self)
        self.amount = QLineEdit(self)
        form.addRow(self.tr("Platform"), self.platform)
        form.addRow(self.tr("Order number"), self.order)
        form.addRow(self.tr("Refund number"), self.refund)
        form.addRow(self.tr("Buyer"), self.buyer)
        form.addRow(self.tr("Amount"), self.amount)
        layout.addLayout(form)
        self.error = _error_and_buttons(self, layout)
        self.scenarios.currentRowChanged.connect(self._describe)
        self._describe()
        self.case_id: int | None = None

    def _describe(self) -> None:
        item = self.scenarios.currentItem()
        if item is not None:
            scenario = self.library.catalog.scenarios[item.data(Qt.ItemDataRole.UserRole)]
            self.description.setText(scenario.description(self.library.lang))

    def accept(self) -> None:
        try:
            values = {}
            for name, edit in (("order", self.order), ("refund", self.refund), ("buyer", self.buyer),
                               ("amount", self.amount)):
                attr, value = self.library.parse_field(name, edit.text())
                values[attr] = value
            scenario = self.scenarios.currentItem().data(Qt.ItemDataRole.UserRole)
            case = self.library.create_case(scenario, self.platform.currentData(), **values)
        except LibraryError as exc:
            self.error.setText(str(exc))
            return
        self.case_id = case.id
        super().accept()


class SettingsDialog(QDialog):
    """Shop name, default platform, time zone, language, library folder, default export preset."""

    def __init__(self, library: Library, library_dir: str, parent=None):
        super().__init__(parent)
        self.library = library
        self.setWindowTitle(self.tr("Settings"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.shop = QLineEdit(library.setting("shop_name"), self)
        self.platform = QComboBox(self)
        for platform in library.catalog.platforms.values():
            self.platform.addItem(platform.name(library.lang), platform.id)
        self.platform.setCurrentIndex(self.platform.findData(library.setting("default_platform")))
        self.tz = QComboBox(self)
        self.tz.setEditable(True)
        for name in ("Asia/Shanghai", "Asia/Hong_Kong", "Asia/Taipei", "Asia/Tokyo", "Europe/London", "UTC"):
            self.tz.addItem(name)
        self.tz.setCurrentText(library.setting("tz"))
        self.language = QComboBox(self)
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(library.setting("language"))))
        self.preset = QComboBox(self)
        for code, name in (("print", self.tr("PDF for printing")), ("compact", self.tr("Compact PDF")),
                           ("images", self.tr("Upload images"))):
            self.preset.addItem(name, code)
        self.preset.setCurrentIndex(max(0, self.preset.findData(library.setting("default_preset"))))
        self.folder = QLineEdit(library_dir, self)
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        form.addRow(self.tr("Shop name"), self.shop)
        form.addRow(self.tr("Default platform"), self.platform)
        form.addRow(self.tr("Time zone"), self.tz)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Default export"), self.preset)
        form.addRow(self.tr("Library folder"), folder_row)
        layout.addLayout(form)
        self.error = _error_and_buttons(self, layout)

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Library folder"), self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def accept(self) -> None:
        try:
            for key, value in (("shop_name", self.shop.text().strip()), ("default_platform", self.platform.currentData()),
                               ("tz", self.tz.currentText().strip()), ("language", self.language.currentData()),
                               ("default_preset", self.preset.currentData())):
                self.library.set_setting(key, value)
        except (LibraryError, ValueError) as exc:
            self.error.setText(str(exc))
            return
        super().accept()
