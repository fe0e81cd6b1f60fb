"""First run: the shop's name and its usual platform, asked once, so the cover never reads "店铺 —"."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit

from evidence_app.storage.library import Library


class FirstRunDialog(QDialog):
    def __init__(self, library: Library, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Your shop"))
        layout = QFormLayout(self)
        intro = QLabel(self.tr("The shop's name, as it appears on the cover of every bundle:"), self)
        intro.setWordWrap(True)
        layout.addRow(intro)
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("e.g. 好物旗舰店"))
        self.platform = QComboBox(self)
        for platform in library.catalog.platforms.values():
            self.platform.addItem(platform.name(library.lang), platform.id)
        self.platform.setCurrentIndex(max(0, self.platform.findData(library.setting("default_platform"))))
        layout.addRow(self.tr("Shop name"), self.name)
        layout.addRow(self.tr("Usual platform"), self.platform)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)
