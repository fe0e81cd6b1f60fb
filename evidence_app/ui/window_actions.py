"""The main window's dialogs: viewer, export, case archives, settings, about, first run. A mixin of MainWindow."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from evidence_app import __version__
from evidence_app.storage.library import LibraryError


class WindowActions:
    """Mixin for MainWindow."""

    def open_viewer(self, item_id: int):
        from evidence_app.ui.viewer import EvidenceViewer

        ids = [i.id for i in self.evidence_model.items]
        viewer = EvidenceViewer(self.library, ids, item_id, self)
        viewer.changed.connect(self._item_changed)
        if getattr(self, "reading", None) is not None:
            self.reading.changed.connect(viewer.readings_stored)  # suggestions appear once the file is read
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        viewer.show()
        return viewer

    def export_dialog(self):
        if self.case_id is None:
            return None
        from evidence_app.export.prepare_pool import shared
        from evidence_app.ui.export_dialog import ExportDialog

        pool = shared()
        if pool is not None:
            pool.warm()  # the workers start while the agent picks the options: the click does not wait
        from evidence_app.export.fonts import warm_in_background

        library, case_id, since = self.library, self.case_id, pool.generation if pool is not None else None

        def ahead() -> None:
            from evidence_app.export.ahead import prepare_ahead

            prepare_ahead(library, case_id, since)  # the print export's pictures, in the warm workers

        # and the font and the export's modules load; then the pictures, if the dialog opens on the print preset
        warm_in_background(ahead if self.library.setting("default_preset") == "print" else None)

        dialog = ExportDialog(self.library, self.case_id, self.settings, self)
        if pool is not None:
            dialog.finished.connect(pool.drop_ahead)  # what no export took is removed with the dialog
        dialog.add_files_for.connect(self.add_files_dialog)  # "add files for this" beside a missing requirement
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def _archive_filter(self) -> str:
        return self.tr("Case archive") + " (*.evpack)"

    def import_archive(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import case archive"), str(Path.home()),
                                              self._archive_filter())
        if path:
            self.import_archive_file(path)

    def import_archive_file(self, path: str) -> None:
        from evidence_app.storage.archive import import_case

        try:
            case_id = import_case(self.library, Path(path))
        except LibraryError as exc:
            self.show_notice(self.tr("Import refused: %1").replace("%1", str(exc)), error=True)
            return
        self.refresh_cases()
        self.open_case(case_id)

    def save_archive(self) -> None:
        from evidence_app.storage.archive import export_case

        if self.case_id is None:
            return
        case = self.library.case(self.case_id)
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save case archive"),
                                              str(Path.home() / f"案例_{case.order_no or case.id}.evpack"),
                                              self._archive_filter())
        if path:
            try:
                export_case(self.library, self.case_id, Path(path))
            except (LibraryError, OSError) as exc:
                self.show_notice(str(exc), error=True)
                return
            self.statusBar().showMessage(self.tr("Saved %1").replace("%1", path), 8000)

    def settings_dialog(self):
        from evidence_app.ui.app import QCoreApplication, install_language
        from evidence_app.ui.dialogs import SettingsDialog

        old_lang = self.library.lang
        old_folder = str(self.settings.value("library_dir", "") or self.library.root)
        dialog = SettingsDialog(self.library, old_folder, self)
        if not dialog.exec():
            return
        new_folder = dialog.folder.text().strip()
        if new_folder and new_folder != old_folder:
            self.settings.setValue("library_dir", new_folder)
            QMessageBox.information(self, self.tr("Library folder"),
                                    self.tr("The new library folder is used from the next start."))
        if self.library.lang != old_lang:
            install_language(QCoreApplication.instance(), self.library.lang)
            self.retranslate()
        else:
            self.refresh_cases()
            if self.case_id:
                self.open_case(self.case_id)

    def about(self) -> None:
        QMessageBox.about(self, self.tr("About"), f"举证助手 evidence_app {__version__}\n"
                          + self.tr("Library: %1").replace("%1", str(self.library.root)))

    def ask_shop_once(self) -> None:
        """First run: the shop's name and platform once, so the cover never reads "店铺 —"."""
        if self.library.setting("shop_name") or self.settings.value("asked_shop"):
            return
        self.settings.setValue("asked_shop", True)
        answer = self.shop_prompt()
        if answer is None:
            return
        name, platform = answer
        if name.strip():
            self.library.set_setting("shop_name", name.strip())
        if platform:
            self.library.set_setting("default_platform", platform)

    def shop_prompt(self) -> tuple[str, str] | None:
        """(shop name, platform id), or None when the agent skips it. Tests replace this."""
        from evidence_app.ui.first_run import FirstRunDialog

        dialog = FirstRunDialog(self.library, self)
        if not dialog.exec():
            return None
        return dialog.name.text(), dialog.platform.currentData()
