"""The desktop app (PySide6 only here). Everything it does goes through the Qt-free services."""
