"""A workaround for a PySide6 bug that aborts the app after a few thousand signal emits.

PySide6 6.12 on Python 3.11: `SignalInstance.emit()` returns True without owning a reference to it, so every
`signal.emit(...)` from Python takes one reference from `True`; after enough emits (a long import, reading, the
test suite) the interpreter aborts with "bool_dealloc: deallocating True or False". Python 3.12+ has immortal
booleans and is not affected. Where the bug is present (probed once), True and False are made immortal."""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal

_installed = False


class _Probe(QObject):
    ping = Signal()


def _leaks() -> bool:
    probe = _Probe()
    before = sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(8):
        probe.ping.emit()
    after = sys.getrefcount(True), sys.getrefcount(False)
    return after[0] < before[0] or after[1] < before[1]


def install() -> bool:
    """Where emit leaks, make True and False immortal as Python 3.12 does: their reference counts get a margin
    no run of the app can use up (patching emit itself would break `signal.connect(other.emit)`). True when
    applied (now or before)."""
    global _installed
    if _installed:
        return True
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython" or not _leaks():
        return False
    for value in (True, False):
        # ob_refcnt is the first field of every CPython object; id() is its address
        ctypes.c_ssize_t.from_address(id(value)).value += 1 << 40
    _installed = True
    return True
