"""The desktop app (PySide6 only here). Everything it does goes through the Qt-free services."""

from evidence_app.ui import qtfix as _qtfix

_qtfix.install()  # PySide6's emit() leaks a reference to True on Python 3.11 (see qtfix.py)
