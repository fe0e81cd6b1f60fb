"""Export dialog: preset (print / compact under a size budget / upload images), output path remembered per case
and preset, progress bar and cancel, then open, show in folder, and a preview of the bundle (or of the first image
of an upload pack).

Above the Export button: what is still wrong with the case (the same lines `evidence-app export` prints as
warnings), with "add files" links for missing evidence. A case with missing or blocking problems asks for one
confirmation; a ready case exports with no extra click. 内部审阅 writes the internal review next to the bundle."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QSettings, Qt, QThreadPool, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QButtonGroup, QDialog, QDoubleSpinBox, QFileDialog, QGridLayout, QHBoxLayout, QLabel,
                               QLineEdit, QMessageBox, QProgressBar, QPushButton, QRadioButton, QSpinBox, QVBoxLayout)

from evidence_app.export.document import Problem
from evidence_app.export.model import ExportError, ExportResult
from evidence_app.storage.library import Library
from evidence_app.ui.preview import PdfPreview
from evidence_app.ui.workers import ExportWorker


class ExportDialog(QDialog):
    exported = Signal(object)  # ExportResult
    add_files_for = Signal(str)  # an evidence kind: the agent clicked "add files" beside a missing requirement

    def __init__(self, library: Library, case_id: int, settings: QSettings, parent=None):
        super().__init__(parent)
        self.library, self.case_id, self.settings = library, case_id, settings
        self.worker: ExportWorker | None = None
        self.result: ExportResult | None = None
        self.skip: set[int] = set()  # exhibits the agent chose to leave out after they failed to export
        self._failed_item: int | None = None
        self.setWindowTitle(self.tr("Export evidence bundle"))
        self.resize(900, 700)
        layout = QVBoxLayout(self)
        grid = QGridLayout()
        self.print_button = QRadioButton(self.tr("PDF for printing (200 dpi)"), self)
        self.compact_button = QRadioButton(self.tr("Compact PDF under"), self)
        self.images_button = QRadioButton(self.tr("Upload images, each under"), self)
        self.group = QButtonGroup(self)
        for n, button in enumerate((self.print_button, self.compact_button, self.images_button)):
            self.group.addButton(button, n)
        self.budget = QDoubleSpinBox(self)
        self.budget.setRange(0.5, 100)
        self.budget.setValue(5.0)
        self.budget.setSuffix(" MB")
        self.max_kb = QSpinBox(self)
        self.max_kb.setRange(100, 10000)
        self.max_kb.setValue(500)
        self.max_kb.setSuffix(" KB")
        grid.addWidget(self.print_button, 0, 0)
        grid.addWidget(self.compact_button, 1, 0)
        grid.addWidget(self.budget, 1, 1)
        grid.addWidget(self.images_button, 2, 0)
        grid.addWidget(self.max_kb, 2, 1)
        self.path = QLineEdit(self)
        browse = QPushButton(self.tr("Browse…"), self)
        path_row = QHBoxLayout()
        path_row.addWidget(QLabel(self.tr("Save to")))
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        self.problems: list[Problem] = []
        self._confirmed: list[str] | None = None  # the problems the agent already agreed to export with
        self.problem_list = QLabel(self)
        self.problem_list.setWordWrap(True)
        self.problem_list.setTextFormat(Qt.TextFormat.RichText)
        self.problem_list.setStyleSheet("QLabel { background: #fef2f2; border: 1px solid #fecaca; padding: 6px; }")
        self.problem_list.linkActivated.connect(self._link)
        self.progress = QProgressBar(self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        self.start = QPushButton(self.tr("Export"), self)
        self.start.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setEnabled(False)
        self.review_button = QPushButton(self.tr("Internal review"), self)
        self.review_button.setToolTip(self.tr("The full checklist, every finding, the deadline and the trash, "
                                              "marked for internal use: never submit it"))
        self.open_button = QPushButton(self.tr("Open"), self)
        self.folder_button = QPushButton(self.tr("Show in folder"), self)
        self.open_button.setEnabled(False)
        self.folder_button.setEnabled(False)
        close = QPushButton(self.tr("Close"), self)
        for widget in (self.start, self.cancel_button, self.review_button, self.open_button, self.folder_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        buttons.addWidget(close)
        self.preview = PdfPreview(self)
        layout.addLayout(grid)
        layout.addLayout(path_row)
        layout.addWidget(self.problem_list)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        layout.addWidget(self.preview, 1)

        preset = library.setting("default_preset")
        {"print": self.print_button, "compact": self.compact_button, "images": self.images_button}.get(
            preset, self.print_button).setChecked(True)
        self.path.setText(self._remembered_path())
        self._path_hint()
        self.group.idToggled.connect(lambda _id, on: on and self._preset_changed())
        browse.clicked.connect(self._browse)
        self.start.clicked.connect(self.request_export)
        self.review_button.clicked.connect(self.export_review)
        self.cancel_button.clicked.connect(self.cancel)
        self.open_button.clicked.connect(self._open)
        self.folder_button.clicked.connect(self._show_folder)
        close.clicked.connect(self.reject)
        self.refresh_problems()

    def mode(self) -> str:
        return ("print", "compact", "images")[self.group.checkedId()]

    def _key(self) -> str:
        return f"export_path/{self.library.root}/{self.case_id}/{self.mode()}"

    def _default_path(self) -> str:
        """Print and compact get different names, so one never silently replaces the other."""
        case = self.library.case(self.case_id)
        name = f"举证材料_{case.order_no or case.id}"
        base = Path.home() / "Documents"
        base = base if base.is_dir() else Path.home()
        # upload images go into a new folder 举证图片_<order>_<time> made inside the folder chosen here
        if self.mode() == "images":
            return str(base)
        return str(base / {"print": name + ".pdf", "compact": name + "_压缩版.pdf"}[self.mode()])

    # --- problems before export ----------------------------------------------------------------------------

    def refresh_problems(self) -> None:
        from evidence_app.export.document import build

        try:
            self.problems = build(self.library, self.case_id, lang=self.library.lang).problems
        except Exception as exc:  # noqa: BLE001 - the export itself will name the problem in one line
            self.problems = []
            self.problem_list.setText(str(exc))
            self.problem_list.setVisible(True)
            return
        lines = []
        for problem in self.problems:
            line = _html(problem.text)
            if problem.kinds and problem.kind in ("missing", "unconfirmed"):
                line += f'  <a href="kind:{problem.kinds[0]}">{_html(self.tr("Add files for this"))}</a>'
            lines.append("• " + line)
        title = self.tr("Before you submit (not printed in the bundle):")
        self.problem_list.setText(f"<b>{_html(title)}</b><br/>" + "<br/>".join(lines))
        self.problem_list.setVisible(bool(lines))

    def _link(self, href: str) -> None:
        if href.startswith("kind:"):
            self.add_files_for.emit(href[5:])

    def ask(self, text: str) -> bool:
        """One confirmation (tests replace this)."""
        answer = QMessageBox.question(self, self.tr("Export anyway?"), text,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def request_export(self) -> None:
        """The Export button: asks once when something is missing or blocking, then exports."""
        self.refresh_problems()
        serious = [p.text for p in self.problems if p.serious]
        if serious and serious != self._confirmed:
            text = (self.tr("This case still has problems; the bundle will argue only what is proved:")
                    + "\n\n" + "\n".join("• " + line for line in serious))
            if not self.ask(text):
                return
            self._confirmed = serious
        self.run_export()

    def review_path(self) -> Path:
        target = Path(self.path.text().strip() or self._default_path())
        if self.mode() == "images":  # the chosen folder holds the packs; the review goes beside them
            case = self.library.case(self.case_id)
            return target / f"举证材料_{case.order_no or case.id}_内部审阅.pdf"
        return target.parent / f"{target.stem}_内部审阅.pdf"

    def export_review(self) -> None:
        from evidence_app.export.review import export_review

        target = self.review_path()
        try:
            result = export_review(self.library, self.case_id, target)
        except (ExportError, OSError) as exc:
            self.status.setText(self.tr("Export failed: %1").replace("%1", str(exc)))
            return
        self.result = result
        self.open_button.setEnabled(True)
        self.folder_button.setEnabled(True)
        self.status.setText(self.tr("Internal review written (for the shop only, do not submit): %1")
                            .replace("%1", str(result.path)))
        self.preview.load(str(result.path))

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt API
        # back from adding files in the main window: the list follows the case
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow() and self.worker is None:
            self.refresh_problems()
        super().changeEvent(event)

    def _remembered_path(self) -> str:
        return str(self.settings.value(self._key(), "") or self._default_path())

    def _preset_changed(self) -> None:
        self.path.setText(self._remembered_path())
        self._path_hint()

    def _path_hint(self) -> None:
        # images: the chosen folder is the parent; the pack gets a new folder of its own, nothing in it is touched
        self.path.setToolTip(self.tr("A new folder 举证图片_<order>_<time> is made inside this folder")
                             if self.mode() == "images" else "")

    def _browse(self) -> None:
        if self.mode() == "images":
            chosen = QFileDialog.getExistingDirectory(self, self.tr("Folder for the upload images"), self.path.text())
        else:
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Save the bundle"), self.path.text(), "PDF (*.pdf)")
        if chosen:
            self.path.setText(chosen)

    def run_export(self) -> None:
        target = Path(self.path.text().strip())
        if not str(target):
            self.status.setText(self.tr("Choose where to save the export."))
            return
        if self.mode() != "images" and target.suffix.lower() != ".pdf":
            target = target.with_suffix(".pdf")
            self.path.setText(str(target))
        self.settings.setValue(self._key(), str(target))
        self.worker = ExportWorker(self.library, self.case_id, target, self.mode(),
                                   int(self.budget.value() * 1_000_000), self.max_kb.value(), self.skip)
        self._failed_item = None
        self.worker.signals.failed_item.connect(self._item_failed)
        self.worker.signals.progress.connect(self._progress)
        self.worker.signals.finished.connect(self._finished)
        self.worker.signals.failed.connect(self._failed)
        self.start.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.open_button.setEnabled(False)
        self.folder_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.status.setText(self.tr("Exporting…"))
        QThreadPool.globalInstance().start(self.worker)

    def cancel(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
            self.status.setText(self.tr("Cancelling…"))

    def _progress(self, done: int, total: int, what: str) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)
        self.status.setText(what)

    def _finished(self, result: ExportResult) -> None:
        self.worker = None
        self.result = result
        self.start.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.open_button.setEnabled(True)
        self.folder_button.setEnabled(True)
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        if result.files:
            images = [p for p in result.files if p.suffix.lower() == ".jpg"]
            text = self.tr("%1 images written to %2").replace("%1", str(len(images))).replace("%2", str(result.path))
            if images:
                self.preview.show_image(str(images[0]))
        else:
            text = (self.tr("%1 pages, %2 MB").replace("%1", str(result.pages))
                    .replace("%2", f"{result.bytes / 1e6:.1f}") + f" — {result.path}")
            self.preview.load(str(result.path))
        if self.skip:
            text += "\n" + self.tr("Exported without %1 exhibit(s) that could not be read.").replace(
                "%1", str(len(self.skip)))
        if result.warnings:
            text += "\n" + "\n".join(result.warnings)
        self.status.setText(text)
        self.exported.emit(result)

    def _failed(self, message: str) -> None:
        self.worker = None
        self.start.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        cancelled = "cancelled" in message
        self.status.setText(self.tr("Export cancelled; nothing was written.") if cancelled
                            else self.tr("Export failed: %1").replace("%1", message))
        item_id, self._failed_item = self._failed_item, None
        if item_id is not None and not cancelled and item_id not in self.skip and self.confirm_skip(message):
            self.skip.add(item_id)
            self.run_export()

    def _item_failed(self, item_id: int, message: str) -> None:
        self._failed_item = item_id

    def confirm_skip(self, message: str) -> bool:
        """Ask whether to export without the exhibit that failed (everything else that was accepted)."""
        answer = QMessageBox.question(
            self, self.tr("Export failed"),
            self.tr("%1\n\nExport without this exhibit? The stored file stays in the case.").replace("%1", message),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes)
        return answer == QMessageBox.StandardButton.Yes

    def _open(self) -> None:
        if self.result:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.result.path)))

    def _show_folder(self) -> None:
        if self.result:
            folder = self.result.path if self.result.path.is_dir() else self.result.path.parent
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def busy(self) -> bool:
        return self.worker is not None

    def reject(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
        super().reject()


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
