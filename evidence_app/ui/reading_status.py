"""Reading in the background (issue 11): after files are added, a ReadWorker reads them in the reading process;
the status bar shows how far it is, or that reading is off (engines not installed). The GUI thread only paints."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel

from evidence_app.ui.workers import ReadWorker


class ReadingStatus(QObject):
    changed = Signal(set)  # file hashes whose reading was stored since the last signal (batched)

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.worker: ReadWorker | None = None
        self.again = False
        self.stopped = False  # the window is closing: nothing may touch the library any more
        self.label = QLabel(window)
        self._read: set[str] = set()
        self._flush = QTimer(self)  # one refresh per burst of readings, not one per file
        self._flush.setSingleShot(True)
        self._flush.setInterval(300)
        self._flush.timeout.connect(self._emit)
        self._soon = QTimer(self)  # key frames edited one by one in the viewer: read once the agent pauses
        self._soon.setSingleShot(True)
        self._soon.setInterval(1500)
        self._soon.timeout.connect(self.start)
        self.retranslate()

    @property
    def on(self) -> bool:
        from evidence_app.storage.readings import engines_on

        return engines_on()

    def retranslate(self) -> None:
        if not self.on:
            self.label.setText(self.tr("Reading is off"))
            self.label.setToolTip(self.tr("Text and barcode reading is not installed: kinds are guessed from file "
                                          "names only, and search covers typed fields only."))
            self.label.show()
        elif self.worker is None:
            self.label.hide()

    def start(self) -> None:
        """Read whatever has no reading yet (returns at once)."""
        if not self.on or self.stopped:
            return
        if self.worker is not None:
            self.again = True  # files added while reading: the worker picks them up, or runs again
            return
        worker = ReadWorker(self.window.library)
        self.worker = worker
        worker.signals.progress.connect(self._progress)
        worker.signals.item_read.connect(self._item_read)
        worker.signals.finished.connect(self._finished)
        worker.signals.failed.connect(self._finished)
        self.window.pool.start(worker)

    def start_soon(self) -> None:
        """A video's key frames changed: its reading is out of date; read it again shortly (see start)."""
        if self.on and not self.stopped:
            self._soon.start()

    def stop(self) -> None:
        self.stopped = True
        self._soon.stop()
        if self.worker is not None:
            self.worker.cancel()
        self.again = False
        self._flush.stop()
        self._read.clear()

    def running(self) -> bool:
        return self.worker is not None

    def _progress(self, done: int, total: int, _name: str) -> None:
        if total and done < total:
            self.label.setText(self.tr("Reading %1/%2").replace("%1", str(done + 1)).replace("%2", str(total)))
            self.label.show()
        else:
            self.label.hide()

    def _item_read(self, sha: str) -> None:
        if self.stopped:
            return
        self._read.add(sha)
        if not self._flush.isActive():
            self._flush.start()

    def _emit(self) -> None:
        read, self._read = self._read, set()
        if read and not self.stopped:
            self.changed.emit(read)

    def _finished(self, *_args) -> None:
        self.worker = None
        self.label.hide()
        self._emit()
        if self.again:
            self.again = False
            self.start()
