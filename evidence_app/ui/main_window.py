"""The main window: case list (left), case page with the evidence board (centre), checklist (right)."""

from __future__ import annotations

import tempfile
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt, QThreadPool, QTimer
from PySide6.QtGui import QAction, QIcon, QImage, QKeySequence, QUndoStack
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QMainWindow, QMenu, QMessageBox, QProgressBar, QPushButton, QScrollArea, QSplitter,
                               QStackedWidget, QTableView, QToolButton, QVBoxLayout, QWidget)

from evidence_app import __version__
from evidence_app.storage.library import AddResult, Library, LibraryError
from evidence_app.ui import commands
from evidence_app.ui.board import EvidenceBoard
from evidence_app.ui.case_form import CaseForm
from evidence_app.ui.checklist_panel import ChecklistPanel
from evidence_app.ui.models import CaseFilterProxy, CaseListModel, EvidenceModel, status_label
from evidence_app.ui.workers import ImportWorker, ThumbWorker

FILE_FILTER = "Evidence (*.jpg *.jpeg *.png *.webp *.gif *.bmp *.tif *.tiff *.heic *.heif *.pdf);;All files (*)"


class MainWindow(QMainWindow):
    def __init__(self, library: Library, settings: QSettings, parent=None):
        super().__init__(parent)
        self.library = library
        self.settings = settings
        self.undo_stack = QUndoStack(self)
        self.pool = QThreadPool.globalInstance()
        self.workers: set = set()
        self.import_worker: ImportWorker | None = None
        self.import_results: list[AddResult] = []
        self.case_id: int | None = None
        # Tests replace this: (paths, suggested kind) -> kind id or None.
        self.kind_chooser = self._choose_kind_menu
        self.case_model = CaseListModel(library, self)
        self.proxy = CaseFilterProxy(self)
        self.proxy.setSourceModel(self.case_model)
        self.evidence_model = EvidenceModel(library, self)
        self._connect_models()
        self._build_ui()
        self._restore_state()
        self.open_first_case()

    # --- construction --------------------------------------------------------------------------------------

    def _connect_models(self) -> None:
        self.evidence_model.files_dropped.connect(self._files_dropped_on_board)
        self.evidence_model.reordered.connect(self._reordered)
        self.evidence_model.caption_edited.connect(self._caption_edited)

    def _build_ui(self) -> None:
        self.setWindowTitle(self.tr("Evidence Assistant 举证助手"))
        lang, cat = self.library.lang, self.library.catalog
        # left: cases
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(4, 4, 4, 4)
        self.search = QLineEdit(left)
        self.search.setPlaceholderText(self.tr("Search order, refund, buyer, title, statement"))
        self.search.setClearButtonEnabled(True)
        self.status_filter = QComboBox(left)
        self.status_filter.addItem(self.tr("All statuses"), "")
        for status in ("draft", "ready", "submitted", "won", "lost"):
            self.status_filter.addItem(status_label(status), status)
        self.platform_filter = QComboBox(left)
        self.platform_filter.addItem(self.tr("All platforms"), "")
        for platform in cat.platforms.values():
            self.platform_filter.addItem(platform.name(lang), platform.id)
        filters = QHBoxLayout()
        filters.addWidget(self.status_filter)
        filters.addWidget(self.platform_filter)
        self.case_table = QTableView(left)
        self.case_table.setModel(self.proxy)
        self.case_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.case_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.case_table.setSortingEnabled(True)
        self.case_table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.case_table.verticalHeader().hide()
        self.case_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.case_table.horizontalHeader().setStretchLastSection(True)
        self.case_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.new_button = QPushButton(self.tr("New case") + " (Ctrl+N)", left)
        left_layout.addWidget(self.search)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.case_table, 1)
        left_layout.addWidget(self.new_button)

        # centre: welcome page or the case page
        self.centre = QStackedWidget(self)
        self.welcome = QWidget(self.centre)
        welcome_layout = QVBoxLayout(self.welcome)
        welcome_layout.addStretch(1)
        hello = QLabel(self.tr("<h2>Welcome to 举证助手</h2><p>Collect the proof for a dispute, check it against what "
                               "the platform's rules require, and export one bundle ready to submit.</p>"), self.welcome)
        hello.setWordWrap(True)
        hello.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.sample_button = QPushButton(self.tr("Open the sample case (示例案例)"), self.welcome)
        self.welcome_new = QPushButton(self.tr("Create a new case"), self.welcome)
        welcome_layout.addWidget(hello)
        for button in (self.sample_button, self.welcome_new):
            row = QHBoxLayout()
            row.addStretch(1)
            row.addWidget(button)
            row.addStretch(1)
            welcome_layout.addLayout(row)
        welcome_layout.addStretch(2)

        page = QWidget(self.centre)
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(4, 4, 4, 4)
        self.sample_banner = QLabel(self.tr("This is the sample case: invented data to show how a finished case "
                                            "looks. Export it to see a bundle."), page)
        self.sample_banner.setStyleSheet("background: #e0f2fe; padding: 6px; border-radius: 4px;")
        self.sample_banner.setWordWrap(True)
        self.form = CaseForm(self.library, page)
        board_bar = QHBoxLayout()
        self.board_title = QLabel(self.tr("Evidence"), page)
        self.board_title.setStyleSheet("font-weight: bold; font-size: 14px;")
        self.kind_filter = QComboBox(page)
        self.kind_filter.addItem(self.tr("All kinds"), "")
        for kind in cat.kinds.values():
            self.kind_filter.addItem(kind.name(lang), kind.id)
        self.add_button = QPushButton(self.tr("Add files…"), page)
        self.paste_button = QPushButton(self.tr("Paste screenshot"), page)
        self.export_button = QPushButton(self.tr("Export bundle…"), page)
        self.export_button.setStyleSheet("font-weight: bold;")
        board_bar.addWidget(self.board_title)
        board_bar.addWidget(self.kind_filter)
        board_bar.addStretch(1)
        for button in (self.add_button, self.paste_button, self.export_button):
            board_bar.addWidget(button)
        self.board = EvidenceBoard(self.evidence_model, [(k.id, k.name(lang)) for k in cat.kinds.values()], page)
        self.notice = QLabel(page)
        self.notice.setWordWrap(True)
        self.notice.setObjectName("notice")
        self.notice.hide()
        form_scroll = QScrollArea(page)
        form_scroll.setWidget(self.form)
        form_scroll.setWidgetResizable(True)
        self.page_split = QSplitter(Qt.Orientation.Vertical, page)
        board_box = QWidget(self.page_split)
        board_layout = QVBoxLayout(board_box)
        board_layout.setContentsMargins(0, 0, 0, 0)
        board_layout.addLayout(board_bar)
        board_layout.addWidget(self.notice)
        board_layout.addWidget(self.board, 1)
        self.page_split.addWidget(form_scroll)
        self.page_split.addWidget(board_box)
        self.page_split.setStretchFactor(1, 1)
        self.page_split.setSizes([500, 400])
        page_layout.addWidget(self.sample_banner)
        page_layout.addWidget(self.page_split, 1)
        self.centre.addWidget(self.welcome)
        self.centre.addWidget(page)
        self.case_page = page

        # right: checklist
        self.checklist = ChecklistPanel(self.library, self)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.centre)
        self.splitter.addWidget(self.checklist)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setSizes([360, 820, 360])
        self.setCentralWidget(self.splitter)

        # status bar: messages and import progress
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(220)
        self.progress.hide()
        self.cancel_import_button = QToolButton(self)
        self.cancel_import_button.setText(self.tr("Cancel"))
        self.cancel_import_button.hide()
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.cancel_import_button)
        self._build_menus()
        self._connect_signals()

    def _build_menus(self) -> None:
        bar = self.menuBar()
        bar.clear()
        file_menu = bar.addMenu(self.tr("&File"))
        self.new_action = self._action(file_menu, self.tr("New case"), QKeySequence.StandardKey.New, self.new_case)
        self.add_action = self._action(file_menu, self.tr("Add files…"), QKeySequence.StandardKey.Open,
                                       lambda: self.add_files_dialog())
        self.export_action = self._action(file_menu, self.tr("Export bundle…"), QKeySequence("Ctrl+E"),
                                          self.export_dialog)
        file_menu.addSeparator()
        self._action(file_menu, self.tr("Import case archive (.evpack)…"), QKeySequence("Ctrl+Shift+I"),
                     self.import_archive)
        self._action(file_menu, self.tr("Save case archive (.evpack)…"), QKeySequence("Ctrl+Shift+S"),
                     self.save_archive)
        file_menu.addSeparator()
        self._action(file_menu, self.tr("Move case to trash"), None, self.trash_case)
        file_menu.addSeparator()
        self._action(file_menu, self.tr("Quit"), QKeySequence.StandardKey.Quit, self.close)
        edit = bar.addMenu(self.tr("&Edit"))
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("Redo"))
        self.redo_action.setShortcuts([QKeySequence.StandardKey.Redo, QKeySequence("Ctrl+Shift+Z")])
        edit.addAction(self.undo_action)
        edit.addAction(self.redo_action)
        edit.addSeparator()
        self.paste_action = self._action(edit, self.tr("Paste screenshot"), QKeySequence.StandardKey.Paste,
                                         self.board.paste)
        self._action(edit, self.tr("Find case"), QKeySequence.StandardKey.Find, self.search.setFocus)
        self._action(edit, self.tr("Settings…"), QKeySequence("Ctrl+,"), self.settings_dialog)
        help_menu = bar.addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("Create the sample case"), None, self.create_sample)
        self._action(help_menu, self.tr("About"), None, self.about)

    def _action(self, menu: QMenu, text: str, shortcut, slot) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _connect_signals(self) -> None:
        self.search.textChanged.connect(self.proxy.set_text)
        self.status_filter.currentIndexChanged.connect(lambda: self.proxy.set_status(self.status_filter.currentData()))
        self.platform_filter.currentIndexChanged.connect(
            lambda: self.proxy.set_platform(self.platform_filter.currentData()))
        self.case_table.selectionModel().currentRowChanged.connect(self._case_selected)
        self.new_button.clicked.connect(self.new_case)
        self.sample_button.clicked.connect(self.create_sample)
        self.welcome_new.clicked.connect(self.new_case)
        self.form.saved.connect(self._case_saved)
        self.form.error.connect(self.show_notice)
        self.kind_filter.currentIndexChanged.connect(
            lambda: (self.evidence_model.set_kind_filter(self.kind_filter.currentData()), self._request_thumbs()))
        self.add_button.clicked.connect(lambda: self.add_files_dialog())
        self.paste_button.clicked.connect(self.board.paste)
        self.export_button.clicked.connect(self.export_dialog)
        self.board.open_item.connect(self.open_viewer)
        self.board.delete_items.connect(self.delete_items)
        self.board.change_kind.connect(self.change_kind)
        self.board.questions = lambda kind: [(q.id, q.text(self.library.lang))
                                             for q in self.library.catalog.questions_for(kind)]
        self.board.attest.connect(self.attest_item)
        self.board.paste_image.connect(self.paste_image)
        self.board.paste_files.connect(lambda paths: self._files_dropped_on_board(paths, -1))
        self.checklist.highlight.connect(self.board.select_ids)
        self.checklist.add_for.connect(self._add_for_requirement)
        self.checklist.files_for.connect(self._files_for_requirement)
        self.cancel_import_button.clicked.connect(self.cancel_import)

    def _restore_state(self, geometry: bool = True) -> None:
        saved = self.settings.value("window/geometry")
        if geometry and isinstance(saved, QByteArray):
            self.restoreGeometry(saved)
        elif geometry:
            self.resize(1500, 900)
        for key, splitter in (("window/splitter", self.splitter), ("window/page_split", self.page_split)):
            state = self.settings.value(key)
            if isinstance(state, QByteArray):
                splitter.restoreState(state)

    def save_state(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.setValue("window/page_split", self.page_split.saveState())
        self.settings.sync()

    def retranslate(self) -> None:
        """Language switch: rebuild the widgets with the new translator, keeping the open case."""
        case_id = self.case_id
        self.form.flush()
        self.save_state()
        old = self.takeCentralWidget()
        if old is not None:
            old.deleteLater()
        self.statusBar().removeWidget(self.progress)
        self.statusBar().removeWidget(self.cancel_import_button)
        self._build_ui()
        self._restore_state(geometry=False)
        self.refresh_cases()
        if case_id is not None:
            self.open_case(case_id)
        else:
            self.show_welcome()

    # --- cases ---------------------------------------------------------------------------------------------

    def open_first_case(self) -> None:
        """Refresh the list and open the case at its top (the most urgent), or the welcome page."""
        self.refresh_cases()
        first = self.proxy.index(0, 0)
        if first.isValid():
            self.open_case(first.data(CaseListModel.CaseIdRole))
        else:
            self.show_welcome()

    def refresh_cases(self) -> None:
        self.case_model.refresh()
        self.proxy.sort(self.case_table.horizontalHeader().sortIndicatorSection(),
                        self.case_table.horizontalHeader().sortIndicatorOrder())
        self._select_in_table(self.case_id)

    def _select_in_table(self, case_id: int | None) -> None:
        if case_id is None:
            return
        row = self.case_model.row_of(case_id)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.case_model.index(row, 0))
        if index.isValid():
            self.case_table.selectionModel().blockSignals(True)
            self.case_table.selectRow(index.row())
            self.case_table.selectionModel().blockSignals(False)

    def _case_selected(self, current, _previous) -> None:
        if current.isValid():
            self.open_case(current.data(CaseListModel.CaseIdRole))

    def show_welcome(self) -> None:
        self.case_id = None
        self.centre.setCurrentWidget(self.welcome)
        self.evidence_model.set_case(None)
        self.checklist.set_result(None)
        self.form.set_case(None)
        self._enable_case_actions(False)

    def _enable_case_actions(self, on: bool) -> None:
        for action in (self.add_action, self.export_action, self.paste_action):
            action.setEnabled(on)

    def open_case(self, case_id: int) -> None:
        try:
            case = self.library.case(case_id)
        except LibraryError as exc:
            self.show_notice(str(exc))
            return
        if case_id != self.case_id:
            self.undo_stack.clear()
        self.case_id = case_id
        self.centre.setCurrentWidget(self.case_page)
        self.sample_banner.setVisible(case.is_sample)
        self.form.set_case(case)
        self.evidence_model.set_case(case_id)
        self._enable_case_actions(True)
        self.notice.hide()
        self._select_in_table(case_id)
        self.refresh_checklist()
        self._request_thumbs()

    def refresh_case(self) -> None:
        """After any change to the open case's items: board, checklist, list."""
        if self.case_id is None:
            return
        self.evidence_model.refresh()
        self.refresh_checklist()
        self._request_thumbs()

    def refresh_checklist(self) -> None:
        if self.case_id is None:
            return
        try:
            result = self.library.check(self.case_id)
        except LibraryError as exc:
            self.checklist.set_result(None)
            self.show_notice(str(exc))
            return
        self.checklist.set_result(result)
        done, need = result.required_counts
        self.board_title.setText(self.tr("Evidence") + f"  ({len(self.evidence_model.all_items)})")

    def _case_saved(self, case_id: int) -> None:
        self.refresh_checklist()
        self.case_model.refresh()
        self._select_in_table(case_id)

    def new_case(self) -> None:
        from evidence_app.ui.dialogs import NewCaseDialog

        dialog = NewCaseDialog(self.library, self)
        if dialog.exec() and dialog.case_id is not None:
            self.refresh_cases()
            self.open_case(dialog.case_id)
            self.form.title.setFocus()

    def create_sample(self) -> None:
        from evidence_app.sample import create_sample_case

        case_id = create_sample_case(self.library)
        self.refresh_cases()
        self.open_case(case_id)

    def trash_case(self) -> None:
        if self.case_id is None:
            return
        self.library.trash_case(self.case_id)
        self.show_notice(self.tr("Case moved to the trash (evidence-app restore-case %1 brings it back)")
                         .replace("%1", str(self.case_id)))
        self.case_id = None
        self.open_first_case()

    # --- adding evidence -----------------------------------------------------------------------------------

    def _suggested_kind(self) -> str:
        if self.kind_filter.currentData():
            return self.kind_filter.currentData()
        result = self.checklist.result
        if result is not None:
            for req in result.requirements:
                if not req.met and req.requirement.level == "required":
                    return req.requirement.kinds[0]
        return "other"

    def _choose_kind_menu(self, paths: list[str], suggested: str, kinds: list[str] | None = None) -> str | None:
        from PySide6.QtGui import QCursor

        menu = QMenu(self)
        menu.addSection(self.tr("Add %n file(s) as…").replace("%n", str(len(paths))))
        catalog, lang = self.library.catalog, self.library.lang
        order = kinds or [suggested] + [k for k in catalog.kinds if k != suggested]
        default = None
        for kind_id in order:
            action = menu.addAction(catalog.kind_name(kind_id, lang))
            action.setData(kind_id)
            if kind_id == suggested:
                default = action
        if default is not None:
            menu.setActiveAction(default)
        picked = menu.exec(QCursor.pos(), default)
        return picked.data() if picked is not None else None

    def add_files(self, paths: list[str], kind: str, names: dict[str, str] | None = None) -> None:
        if self.case_id is None or not paths:
            return
        if self.import_worker is not None:
            self.show_notice(self.tr("Still adding the previous files; try again when they are in."))
            return
        worker = ImportWorker(self.library, self.case_id, paths, kind, names=names)
        self.import_worker = worker
        self.import_results = []
        worker.signals.item_added.connect(self._item_added)
        worker.signals.progress.connect(self._import_progress)
        worker.signals.finished.connect(self._import_finished)
        worker.signals.failed.connect(self._import_failed)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_import_button.show()
        self.pool.start(worker)

    def cancel_import(self) -> None:
        if self.import_worker is not None:
            self.import_worker.cancel()

    def importing(self) -> bool:
        return self.import_worker is not None

    def _item_added(self, result: AddResult) -> None:
        self.import_results.append(result)

    def _import_progress(self, done: int, total: int, name: str) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.statusBar().showMessage(self.tr("Adding %1 (%2/%3)").replace("%1", name).replace("%2", str(done))
                                     .replace("%3", str(total)))

    def _import_finished(self, results: list[AddResult]) -> None:
        self.import_worker = None
        self.progress.hide()
        self.cancel_import_button.hide()
        added = [r for r in results if r.item is not None]
        duplicates = [r for r in results if r.duplicate_of is not None]
        refused = [r for r in results if r.refused is not None]
        parts = [self.tr("%1 file(s) added").replace("%1", str(len(added)))]
        if duplicates:
            parts.append(self.tr("%1 already in the case").replace("%1", str(len(duplicates))))
        lines = [", ".join(parts)]
        for r in duplicates:
            lines.append(self.tr("Duplicate: %1 is the same as exhibit %2").replace("%1", r.source.name)
                         .replace("%2", str(self.evidence_model.exhibit_number(r.duplicate_of) or r.duplicate_of)))
        for r in refused:
            lines.append(self.tr("Refused: %1: %2").replace("%1", r.source.name)
                         .replace("%2", r.refused.message(self.library.lang)))
        self.statusBar().showMessage(lines[0], 8000)
        if duplicates or refused:
            self.show_notice("\n".join(lines), error=bool(refused))
        self.refresh_case()
        self.case_model.refresh()

    def _import_failed(self, message: str) -> None:
        self.import_worker = None
        self.progress.hide()
        self.cancel_import_button.hide()
        self.show_notice(self.tr("Adding files failed: %1").replace("%1", message), error=True)
        self.refresh_case()

    def add_files_dialog(self, kind: str | None = None) -> None:
        if self.case_id is None:
            return
        folder = str(self.settings.value("last_folder", str(Path.home())))
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Add evidence files"), folder, FILE_FILTER)
        if not paths:
            return
        self.settings.setValue("last_folder", str(Path(paths[0]).parent))
        kind = kind or self.kind_chooser(paths, self._suggested_kind())
        if kind:
            self.add_files(paths, kind)

    def _files_dropped_on_board(self, paths: list[str], row: int) -> None:
        kind = self.kind_chooser(paths, self._suggested_kind())
        if kind:
            self.add_files(paths, kind)

    def _requirement_kinds(self, requirement_id: str) -> list[str]:
        scenario = self.library.catalog.scenarios[self.library.case(self.case_id).scenario]
        return list(next(r.kinds for r in scenario.requirements if r.id == requirement_id))

    def _add_for_requirement(self, requirement_id: str) -> None:
        kinds = self._requirement_kinds(requirement_id)
        if len(kinds) == 1:
            self.add_files_dialog(kinds[0])
            return
        folder = str(self.settings.value("last_folder", str(Path.home())))
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Add evidence files"), folder, FILE_FILTER)
        if paths:
            kind = self.kind_chooser(paths, kinds[0], kinds)
            if kind:
                self.add_files(paths, kind)

    def _files_for_requirement(self, paths: list[str], requirement_id: str) -> None:
        kinds = self._requirement_kinds(requirement_id)
        kind = kinds[0] if len(kinds) == 1 else self.kind_chooser(paths, kinds[0], kinds)
        if kind:
            self.add_files(paths, kind)

    def paste_image(self, image: QImage) -> None:
        """A pasted screenshot becomes a PNG item named after the moment it was pasted."""
        if self.case_id is None:
            return
        stamp = datetime.now().strftime("%Y%m%d_%H%M%S")
        name = f"截图_{stamp}.png"
        folder = Path(tempfile.mkdtemp(prefix="paste-", dir=self.library.store.tmp))
        path = folder / name
        if not image.save(str(path), "PNG"):
            self.show_notice(self.tr("Could not read the image on the clipboard"), error=True)
            return
        kind = self.kind_chooser([str(path)], "chat_screenshot")
        if kind:
            self.add_files([str(path)], kind, names={str(path): name})

    # --- editing evidence ----------------------------------------------------------------------------------

    def delete_items(self, item_ids: list[int]) -> None:
        self.undo_stack.push(commands.TrashItems(self.library, item_ids, self._after_edit))
        self.statusBar().showMessage(self.tr("Moved to the trash. Ctrl+Z to undo."), 8000)

    def attest_item(self, item_id: int, question_id: str, ticked: bool) -> None:
        """Tick or untick what an exhibit shows (the checklist counts it only once confirmed)."""
        current = self.library.item(item_id).attestations
        wanted = [*current, question_id] if ticked else [q for q in current if q != question_id]
        self.library.update_item(item_id, attestations=list(dict.fromkeys(wanted)))
        self.refresh_case()

    def change_kind(self, item_ids: list[int], kind: str) -> None:
        self.undo_stack.push(commands.ChangeKind(self.library, item_ids, kind, self._after_edit))

    def _caption_edited(self, item_id: int, old: str, new: str) -> None:
        QTimer.singleShot(0, lambda: self.undo_stack.push(
            commands.ChangeCaption(self.library, item_id, old, new, self._after_edit)))

    def _reordered(self, old: list[int], new: list[int]) -> None:
        if self.case_id is not None:
            case_id = self.case_id
            QTimer.singleShot(0, lambda: self.undo_stack.push(
                commands.Reorder(self.library, case_id, old, new, self._after_edit)))

    def _after_edit(self) -> None:
        self.refresh_case()

    # --- thumbnails ----------------------------------------------------------------------------------------

    def _request_thumbs(self) -> None:
        missing = [i.id for i in self.evidence_model.items if i.id not in self.evidence_model.icons]
        if not missing:
            return
        worker = ThumbWorker(self.library, missing)
        worker.signals.thumb_ready.connect(self._thumb_ready)
        self.pool.start(worker)

    def _thumb_ready(self, item_id: int, path: str) -> None:
        self.evidence_model.set_icon(item_id, QIcon(path))

    # --- viewer, export, archives, settings ----------------------------------------------------------------

    def open_viewer(self, item_id: int):
        from evidence_app.ui.viewer import EvidenceViewer

        ids = [i.id for i in self.evidence_model.items]
        viewer = EvidenceViewer(self.library, ids, item_id, self)
        viewer.changed.connect(self._item_changed)
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        viewer.show()
        return viewer

    def _item_changed(self, item_id: int) -> None:
        self.evidence_model.icons.pop(item_id, None)
        self.refresh_case()

    def export_dialog(self):
        if self.case_id is None:
            return None
        from evidence_app.ui.export_dialog import ExportDialog

        dialog = ExportDialog(self.library, self.case_id, self.settings, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def import_archive(self) -> None:

        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import case archive"), str(Path.home()),
                                              "Case archive (*.evpack)")
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
                                              "Case archive (*.evpack)")
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

    # --- messages ------------------------------------------------------------------------------------------

    def show_notice(self, text: str, error: bool = False) -> None:
        """A non-blocking message above the board; it stays until the next one or a click on another case."""
        self.notice.setText(text)
        self.notice.setStyleSheet("background: %s; padding: 6px; border-radius: 4px;"
                                  % ("#fde2e1" if error else "#fff7d6"))
        self.notice.show()

    # --- closing -------------------------------------------------------------------------------------------

    def closeEvent(self, event) -> None:  # noqa: N802
        self.form.flush()
        self.save_state()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Stop background work before the library closes."""
        self.cancel_import()
        self.pool.waitForDone(30000)
