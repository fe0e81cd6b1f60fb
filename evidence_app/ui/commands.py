"""Undoable edits (Ctrl+Z / Ctrl+Shift+Z): trash and restore, kind, caption, exhibit order."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from evidence_app.storage.library import Library


class LibraryCommand(QUndoCommand):
    def __init__(self, library: Library, text: str, after: Callable[[], None]):
        super().__init__(text)
        self.library, self.after = library, after


class TrashItems(LibraryCommand):
    def __init__(self, library: Library, item_ids: list[int], after: Callable[[], None]):
        super().__init__(library, QCoreApplication.translate("Commands", "Move %1 item(s) to the trash").replace("%1", str(len(item_ids))), after)
        self.item_ids = item_ids

    def redo(self) -> None:
        for item_id in self.item_ids:
            self.library.trash_item(item_id)
        self.after()

    def undo(self) -> None:
        for item_id in self.item_ids:
            self.library.restore_item(item_id)
        self.after()


class ChangeKind(LibraryCommand):
    def __init__(self, library: Library, item_ids: list[int], kind: str, after: Callable[[], None]):
        super().__init__(library, QCoreApplication.translate("Commands", "Change kind"), after)
        self.kind = kind
        self.old = {item_id: library.item(item_id).kind for item_id in item_ids}

    def redo(self) -> None:
        for item_id in self.old:
            self.library.update_item(item_id, kind=self.kind)
        self.after()

    def undo(self) -> None:
        for item_id, kind in self.old.items():
            self.library.update_item(item_id, kind=kind)
        self.after()


class ChangeCaption(LibraryCommand):
    def __init__(self, library: Library, item_id: int, old: str, new: str, after: Callable[[], None]):
        super().__init__(library, QCoreApplication.translate("Commands", "Edit caption"), after)
        self.item_id, self.old, self.new = item_id, old, new

    def redo(self) -> None:
        self.library.update_item(self.item_id, caption=self.new)
        self.after()

    def undo(self) -> None:
        self.library.update_item(self.item_id, caption=self.old)
        self.after()


class Reorder(LibraryCommand):
    def __init__(self, library: Library, case_id: int, old: list[int], new: list[int], after: Callable[[], None]):
        super().__init__(library, QCoreApplication.translate("Commands", "Reorder exhibits"), after)
        self.case_id, self.old, self.new = case_id, old, new

    def redo(self) -> None:
        self.library.reorder(self.case_id, self.new)
        self.after()

    def undo(self) -> None:
        self.library.reorder(self.case_id, self.old)
        self.after()
