"""The main window assembles the panels: case list (left, case_list_panel.py), the centre (Today, 统计, the case
page with the evidence board first, case_page.py), the checklist (right). All signal wiring is in
_connect_signals(); the evidence work and the dialogs are mixins (evidence_actions.py, window_actions.py)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, Qt, QThreadPool
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QMainWindow, QMenu, QProgressBar, QPushButton, QSplitter,
                               QStackedWidget, QToolButton, QVBoxLayout, QWidget)

from evidence_app.storage.library import AddResult, Library, LibraryError
from evidence_app.ui.case_list import CaseListModel
from evidence_app.ui.case_list_panel import CaseListPanel
from evidence_app.ui.case_page import SPLITTER_STYLE, CasePage
from evidence_app.ui.checklist_panel import ChecklistPanel
from evidence_app.ui.evidence_actions import EvidenceActions
from evidence_app.ui.models import EvidenceModel
from evidence_app.ui.stats_view import StatsView
from evidence_app.ui.today_view import TodayView
from evidence_app.ui.trash_view import TrashView
from evidence_app.ui.window_actions import WindowActions
from evidence_app.ui.workers import ImportWorker


class MainWindow(EvidenceActions, WindowActions, QMainWindow):
    def __init__(self, library: Library, settings: QSettings, parent=None):
        super().__init__(parent)
        self.library = library
        self.settings = settings
        self.undo_stack = QUndoStack(self)
        self.pool = QThreadPool.globalInstance()
        self.import_worker: ImportWorker | None = None
        self.import_results: list[AddResult] = []
        self._pre_refused: list[AddResult] = []
        self.case_id: int | None = None
        # Tests replace this: (paths, suggested kind, kinds) -> kind id or None.
        self.kind_chooser = self._choose_kind_menu
        self.case_model = CaseListModel(library, self)
        self.proxy = self.case_model  # the model filters and sorts itself (20,000 cases)
        self.evidence_model = EvidenceModel(library, self)
        self._build_ui()
        self._restore_state()
        self.show_welcome()  # the list was just loaded: Today, or the welcome page for an empty library

    # --- construction --------------------------------------------------------------------------------------

    def _build_ui(self) -> None:
        self.setWindowTitle(self.tr("Evidence Assistant 举证助手"))
        self.case_list = CaseListPanel(self.library, self.case_model, self)
        self.search, self.case_table = self.case_list.search, self.case_list.table
        self.status_filter, self.platform_filter = self.case_list.status_filter, self.case_list.platform_filter
        self.new_button = self.case_list.new_button

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
        self.today = TodayView(self.case_model, self.centre)
        self.stats_view = StatsView(self.library, self.centre)
        self.trash_view = TrashView(self.library, self.centre)
        self.case_page = CasePage(self.library, self.evidence_model, self.centre)
        page = self.case_page
        self.form, self.board, self.notice = page.form, page.board, page.notice
        self.sample_banner, self.board_title, self.kind_filter = page.sample_banner, page.board_title, page.kind_filter
        self.add_button, self.paste_button, self.export_button = page.add_button, page.paste_button, page.export_button
        self.page_split = page.split
        for widget in (self.welcome, self.today, self.stats_view, self.trash_view, self.case_page):
            self.centre.addWidget(widget)

        self.checklist = ChecklistPanel(self.library, self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setStyleSheet(SPLITTER_STYLE)
        self.splitter.addWidget(self.case_list)
        self.splitter.addWidget(self.centre)
        self.splitter.addWidget(self.checklist)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setSizes([300, 820, 340])
        self.setCentralWidget(self.splitter)

        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(220)
        self.progress.hide()
        self.cancel_import_button = QToolButton(self)
        self.cancel_import_button.setText(self.tr("Cancel"))
        self.cancel_import_button.hide()
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.cancel_import_button)
        if not hasattr(self, "reading"):
            from evidence_app.ui.reading_status import ReadingStatus

            self.reading = ReadingStatus(self)  # issue 11: reading after import, in the background
            self.reading.changed.connect(self._readings_stored)
        self.reading.retranslate()
        self.statusBar().addPermanentWidget(self.reading.label)
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
        view = bar.addMenu(self.tr("&View"))
        self.today_action = self._action(view, self.tr("Today"), QKeySequence("Ctrl+1"), self.show_today)
        self.stats_action = self._action(view, self.tr("Statistics"), QKeySequence("Ctrl+2"), self.show_stats)
        self.trash_action = self._action(view, self.tr("Trash"), QKeySequence("Ctrl+3"), self.show_trash)
        toolbar = self.addToolBar(self.tr("Views")) if not hasattr(self, "_toolbar") else self._toolbar
        toolbar.clear()
        toolbar.setObjectName("views")
        toolbar.setMovable(False)
        toolbar.addAction(self.today_action)
        toolbar.addAction(self.stats_action)
        toolbar.addAction(self.trash_action)
        toolbar.addAction(self.new_action)
        self._toolbar = toolbar
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
        self.evidence_model.files_dropped.connect(self._files_dropped_on_board)
        self.evidence_model.reordered.connect(self._reordered)
        self.evidence_model.caption_edited.connect(self._caption_edited)
        self.case_list.case_chosen.connect(self.open_case)
        self.case_list.filtered.connect(self._list_filtered)
        self.new_button.clicked.connect(self.new_case)
        self.sample_button.clicked.connect(self.create_sample)
        self.welcome_new.clicked.connect(self.new_case)
        self.today.open_case.connect(self.open_case)
        self.stats_view.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.trash_view.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.trash_view.restored_case.connect(self.case_model.update_case)
        self.trash_view.restored_item.connect(lambda _item, case_id: self.case_model.update_case(case_id))
        self.form.saved.connect(self._case_saved)
        self.form.error.connect(self.show_notice)
        self.case_page.facts_toggled.connect(lambda on: self.settings.setValue("window/facts_open", on))
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
        self.board.questions = lambda kind: [(q.id, q.text(self.library.lang))
                                             for q in self.library.catalog.questions_for(kind)]
        self.board.attest.connect(self.attest_item)
        self.board.paste_image.connect(self.paste_image)
        self.board.paste_files.connect(lambda paths: self._files_dropped_on_board(paths, -1))
        self.checklist.highlight.connect(self.board.select_ids)
        self.checklist.add_for.connect(self._add_for_requirement)
        self.checklist.files_for.connect(self._files_for_requirement)
        self.cancel_import_button.clicked.connect(self.cancel_import)
        self.undo_stack.indexChanged.connect(self._undo_index_changed)

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
        self.case_page.show_facts(str(self.settings.value("window/facts_open", "false")).lower() == "true")
        self.case_page.tabs.setCurrentIndex(int(self.settings.value("window/case_tab", 0) or 0))

    def save_state(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.setValue("window/page_split", self.page_split.saveState())
        self.settings.setValue("window/case_tab", self.case_page.tabs.currentIndex())
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
        self.statusBar().removeWidget(self.reading.label)
        self._build_ui()
        self._restore_state(geometry=False)
        self.refresh_cases()
        if case_id is not None:
            self.open_case(case_id)
        else:
            self.show_welcome()

    # --- pages ---------------------------------------------------------------------------------------------

    def open_first_case(self) -> None:
        """Start page: Today when there are cases, the welcome page (sample, new case) when there are none."""
        self.refresh_cases()
        self.show_welcome()

    def refresh_cases(self) -> None:
        self.case_model.refresh()
        self.case_list.select(self.case_id)

    def _select_in_table(self, case_id: int | None) -> None:
        self.case_list.select(case_id)

    def _close_case(self) -> None:
        self.form.set_case(None)  # saves what is still pending
        self.case_id = None
        self.evidence_model.set_case(None)
        self.checklist.set_result(None)
        self.case_list.select(None)
        self._enable_case_actions(False)

    def show_welcome(self) -> None:
        """No case open: Today if the library has cases, else the welcome page."""
        self._close_case()
        if self.case_model.all:
            self.show_today()
        else:
            self.centre.setCurrentWidget(self.welcome)

    def show_today(self) -> None:
        if self.case_id is not None:
            self._close_case()
        self.today.refresh()
        self.centre.setCurrentWidget(self.today)

    def show_stats(self) -> None:
        if self.case_id is not None:
            self._close_case()
        self.stats_view.refresh()
        self.centre.setCurrentWidget(self.stats_view)

    def show_trash(self) -> None:
        if self.case_id is not None:
            self._close_case()
        self.trash_view.refresh()
        self.centre.setCurrentWidget(self.trash_view)

    def _list_filtered(self) -> None:
        """A case the search or a filter hides is not left open on the right."""
        if self.case_id is not None and not self.case_list.select(self.case_id):
            self.show_today()

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
        self.case_page.update_summary(case)
        self.evidence_model.set_case(case_id)
        self._enable_case_actions(True)
        self.notice.hide()
        if not self.case_list.select(case_id) and self.case_model.row_of(case_id) < 0:
            # opened from Today or a new case while a filter hides it: clear the filters so the list shows it
            self.search.clear()
            self.status_filter.setCurrentIndex(0)
            self.platform_filter.setCurrentIndex(0)
            self.case_id = case_id
            self.case_list.select(case_id)
        self.refresh_checklist()
        self._request_thumbs()

    def refresh_case(self) -> None:
        """After any change to the open case's items: board, checklist."""
        if self.case_id is None:
            return
        self.evidence_model.refresh()
        self.refresh_checklist()
        self.form.refresh_statement()  # exhibit numbers in the statement follow the new order
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
        self.board_title.setText(self.tr("Evidence") + f"  ({len(self.evidence_model.all_items)})")

    def _case_saved(self, case_id: int) -> None:
        self.refresh_checklist()
        self.case_model.update_case(case_id)  # one row, never the whole list
        self.case_list.select(case_id)

    def new_case(self) -> None:
        from evidence_app.ui.dialogs import NewCaseDialog

        dialog = NewCaseDialog(self.library, self)
        if dialog.exec() and dialog.case_id is not None:
            self.case_model.update_case(dialog.case_id)
            self.open_case(dialog.case_id)
            self.show_facts_for_new_case()

    def show_facts_for_new_case(self) -> None:
        self.case_page.show_facts(True)
        self.form.title.setFocus()

    def create_sample(self) -> None:
        from evidence_app.sample import create_sample_case

        case_id = create_sample_case(self.library)
        self.case_model.update_case(case_id)
        self.open_case(case_id)

    def trash_case(self) -> None:
        if self.case_id is None:
            return
        case_id = self.case_id
        self.form.flush()
        self.library.trash_case(case_id)
        self.case_model.remove_case(case_id)
        self.show_welcome()
        self.statusBar().showMessage(self.tr("Case moved to the trash (View → Trash brings it back)"), 10000)

    def _undo_index_changed(self, _index: int) -> None:
        self.statusBar().clearMessage()  # "moved to the trash, Ctrl+Z to undo" is stale once undone

    # --- messages ------------------------------------------------------------------------------------------

    def show_notice(self, text: str, error: bool = False) -> None:
        """A non-blocking message above the board; it stays until the next one or a click on another case."""
        if self.centre.currentWidget() is not self.case_page:
            self.statusBar().showMessage(text.splitlines()[0] if text else "", 10000)
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
        self.reading.stop()
        self.pool.waitForDone(30000)
