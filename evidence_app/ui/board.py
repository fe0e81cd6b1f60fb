"""The evidence board: thumbnails in exhibit order; drop files and folders, paste screenshots, drag to reorder,
multi-select, change kind or caption inline or from the context menu, delete to the trash (Ctrl+Z undoes)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QListView, QMenu

from evidence_app.ui.models import EvidenceModel


class EvidenceBoard(QListView):
    open_item = Signal(int)  # item id
    delete_items = Signal(list)  # item ids
    change_kind = Signal(list, str)  # item ids, kind
    paste_image = Signal(object)  # QImage
    paste_files = Signal(list)  # paths
    attest = Signal(int, str, bool)  # item id, question id, ticked

    # kind id -> [(question id, text)]: what the agent may confirm an exhibit of that kind shows (set by the window)
    questions = staticmethod(lambda kind: [])

    def __init__(self, model: EvidenceModel, kinds: list[tuple[str, str]], parent=None):
        super().__init__(parent)
        self.kinds = kinds  # (id, name)
        self.setModel(model)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setIconSize(QSize(150, 150))
        self.setGridSize(QSize(190, 215))
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Snap)
        self.setWordWrap(True)
        self.setUniformItemSizes(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed | QAbstractItemView.EditTrigger.SelectedClicked)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)
        self.doubleClicked.connect(lambda index: self.open_item.emit(index.data(EvidenceModel.ItemIdRole)))
        self.setToolTip(self.tr("Drop files or folders here, or paste a screenshot with Ctrl+V"))

    def paintEvent(self, event) -> None:  # noqa: N802
        super().paintEvent(event)
        if self.model().rowCount() == 0:  # an empty board says what to do (issue 13)
            from PySide6.QtGui import QPainter

            painter = QPainter(self.viewport())
            painter.setPen(self.palette().placeholderText().color())
            font = painter.font()
            font.setPointSizeF(font.pointSizeF() * 1.4)
            painter.setFont(font)
            painter.drawText(self.viewport().rect(), Qt.AlignmentFlag.AlignCenter, self.empty_text())
            painter.end()

    def empty_text(self) -> str:
        if getattr(self.model(), "kind_filter", ""):
            return self.tr("No evidence of this kind")
        return self.tr("Drop files here or press Ctrl+V")

    def selected_ids(self) -> list[int]:
        rows = sorted(self.selectionModel().selectedIndexes(), key=lambda i: i.row())
        return [i.data(EvidenceModel.ItemIdRole) for i in rows]

    def select_ids(self, ids: list[int]) -> None:
        self.clearSelection()
        model: EvidenceModel = self.model()
        first = None
        for item_id in ids:
            row = model.row_of(item_id)
            if row >= 0:
                index = model.index(row)
                self.selectionModel().select(index, self.selectionModel().SelectionFlag.Select)
                first = first or index
        if first is not None:
            self.scrollTo(first)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste()
            return
        if event.matches(QKeySequence.StandardKey.Delete) or event.key() == Qt.Key.Key_Delete:
            ids = self.selected_ids()
            if ids:
                self.delete_items.emit(ids)
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid() \
                and self.state() != QAbstractItemView.State.EditingState:
            self.open_item.emit(self.currentIndex().data(EvidenceModel.ItemIdRole))
            return
        super().keyPressEvent(event)

    def paste(self) -> None:
        """Ctrl+V: an image on the clipboard becomes a PNG item; copied files are added as files."""
        mime = QGuiApplication.clipboard().mimeData()
        if mime is None:
            return
        if mime.hasImage():
            image = QGuiApplication.clipboard().image()
            if not image.isNull():
                self.paste_image.emit(image)
                return
        if mime.hasUrls():
            paths = [u.toLocalFile() for u in mime.urls() if u.isLocalFile()]
            if paths:
                self.paste_files.emit(paths)

    def _menu(self, pos) -> None:
        ids = self.selected_ids()
        menu = QMenu(self)
        if ids:
            menu.addAction(self.tr("Open"), lambda: self.open_item.emit(ids[0]))
            if len(ids) == 1:
                menu.addAction(self.tr("Edit caption"), lambda: self.edit(self.currentIndex())).setShortcut(
                    QKeySequence(Qt.Key.Key_F2))  # shown in the menu so the agent learns the key
                self._attest_entries(menu, ids[0])
            kinds = menu.addMenu(self.tr("Change kind"))
            current = {self.model().index(self.model().row_of(i)).data(EvidenceModel.KindRole) for i in ids}
            for kind_id, name in self.kinds:
                action = QAction(name, kinds)
                action.setCheckable(True)
                action.setChecked(current == {kind_id})  # the current kind is marked
                action.triggered.connect(lambda _=False, k=kind_id: self.change_kind.emit(ids, k))
                kinds.addAction(action)
            menu.addSeparator()
            menu.addAction(self.tr("Move to trash"), lambda: self.delete_items.emit(ids)).setShortcut(
                QKeySequence(QKeySequence.StandardKey.Delete))
        menu.addAction(self.tr("Paste"), self.paste).setShortcut(QKeySequence(QKeySequence.StandardKey.Paste))
        self.last_menu = menu  # tests read it
        menu.exec(self.viewport().mapToGlobal(pos))

    def _attest_entries(self, menu: QMenu, item_id: int) -> None:
        """One checkable entry per question of the item's kind (issue 8: what the exhibit shows)."""
        item = next((i for i in self.model().items if i.id == item_id), None)
        if item is None:
            return
        for question_id, text in self.questions(item.kind):
            action = QAction(text, menu)
            action.setCheckable(True)
            action.setChecked(question_id in item.attestations)
            action.setObjectName(f"attest_{question_id}")
            action.toggled.connect(lambda on, q=question_id: self.attest.emit(item_id, q, on))
            menu.addAction(action)
        if self.questions(item.kind):
            menu.addSeparator()
