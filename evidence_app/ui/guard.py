"""A library whose disk is full opens read-only (storage/db.py): the window says so once, and a write that fails
anyway (full disk, vanished folder) shows one line in the status bar instead of a traceback or a crash."""

from __future__ import annotations

import sqlite3
import sys

from PySide6.QtCore import QCoreApplication


def _tr(text: str) -> str:
    return QCoreApplication.translate("Guard", text)


def read_only_notice(library) -> str | None:
    if getattr(library.db, "read_only", None) is None:
        return None
    return _tr("The library can only be read (is its disk full?): changes are not saved until space is freed.")


def install(window, library) -> None:
    """Show the read-only notice, and turn unhandled disk/database errors in slots into a status-bar line."""
    notice = read_only_notice(library)
    if notice:
        window.statusBar().showMessage(notice)
        window.setWindowTitle(window.windowTitle() + " — " + _tr("read only"))
    previous = sys.excepthook

    def hook(kind, value, tb) -> None:
        if isinstance(value, (sqlite3.Error, OSError)):
            line = (str(value).splitlines() or [kind.__name__])[0]
            print(f"evidence-app: error: {line}", file=sys.stderr)
            window.statusBar().showMessage(_tr("Not saved: %1").replace("%1", line), 15000)
            return
        previous(kind, value, tb)

    sys.excepthook = hook
