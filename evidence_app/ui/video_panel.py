"""The viewer's video controls: a frame scrubber whose frames are decoded off the GUI thread, "play" in the system
player, and the key frames (K marks one) with their captions, which the bundle shows in a grid."""

from __future__ import annotations

import math
import threading
import traceback

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QImage
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QPushButton, QSlider,
                               QVBoxLayout, QWidget)

from evidence_app.core.model import EvidenceItem, KeyFrame
from evidence_app.imaging.video import timecode
from evidence_app.storage.library import Library

PREVIEW_PX = 1280  # frames are scaled to this long side while they are converted: quick enough to scrub


def to_qimage(picture) -> QImage:
    picture = picture.convert("RGBA")
    data = picture.tobytes("raw", "RGBA")
    return QImage(data, picture.width, picture.height, picture.width * 4, QImage.Format.Format_RGBA8888).copy()


class _DecodeSignals(QObject):
    ready = Signal(str, float, QImage)  # path, time, upright frame
    failed = Signal(str)


class _DecodeTask(QRunnable):
    def __init__(self, decoder: FrameDecoder):
        super().__init__()
        self.decoder = decoder
        self.setAutoDelete(True)

    def run(self) -> None:
        from evidence_app.imaging.video import frame_at

        while True:
            wanted = self.decoder.take()
            if wanted is None:
                return
            path, t = wanted
            try:
                image = to_qimage(frame_at(path, t, max_size=PREVIEW_PX))
            except Exception as exc:  # noqa: BLE001 - shown as one line in the viewer
                traceback.print_exc()
                self.decoder.signals.failed.emit(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
                continue
            self.decoder.signals.ready.emit(path, t, image)


class FrameDecoder:
    """Decodes the frame at the latest requested time on a pool thread. Requests that arrive while a frame is
    being decoded replace each other: scrubbing fast decodes only where the slider stops."""

    def __init__(self, pool: QThreadPool | None = None):
        self.signals = _DecodeSignals()
        self.pool = pool or QThreadPool.globalInstance()
        self._lock = threading.Lock()
        self._wanted: tuple[str, float] | None = None
        self._running = False

    def request(self, path: str, t: float) -> None:
        with self._lock:
            self._wanted = (path, t)
            if self._running:
                return
            self._running = True
        self.pool.start(_DecodeTask(self))

    def take(self) -> tuple[str, float] | None:
        with self._lock:
            wanted, self._wanted = self._wanted, None
            if wanted is None:
                self._running = False
            return wanted

    @property
    def busy(self) -> bool:
        with self._lock:
            return self._running


class VideoPanel(QWidget):
    """Scrubber and key frames of one video item. `position_changed(t)`: show the frame at t seconds."""

    position_changed = Signal(float)
    frames_changed = Signal()

    def __init__(self, library: Library, parent=None):
        super().__init__(parent)
        self.library = library
        self.item: EvidenceItem | None = None
        self.position = 0.0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.play_button = QPushButton(self.tr("Play"), self)
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # ←/→ belong to the viewer: frame by frame
        self.time_label = QLabel(self)
        self.mark_button = QPushButton(self.tr("Mark key frame (K)"), self)
        for widget in (self.play_button, self.slider, self.time_label, self.mark_button):
            row.addWidget(widget, 1 if widget is self.slider else 0)
        frames_row = QHBoxLayout()
        self.frame_list = QListWidget(self)
        self.frame_list.setFlow(QListWidget.Flow.LeftToRight)
        self.frame_list.setFixedHeight(44)
        self.frame_list.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.caption_edit = QLineEdit(self)
        self.caption_edit.setPlaceholderText(self.tr("Caption of the selected key frame, e.g. 3 items before sealing"))
        self.caption_edit.setMaxLength(Library.MAX_FRAME_CAPTION)
        self.remove_button = QPushButton(self.tr("Remove key frame"), self)
        self.clear_button = QPushButton(self.tr("Clear key frames"), self)
        self.propose_button = QPushButton(self.tr("Suggest key frames"), self)
        frames_row.addWidget(QLabel(self.tr("Key frames:"), self))
        frames_row.addWidget(self.frame_list, 2)
        frames_row.addWidget(self.caption_edit, 2)
        for button in (self.remove_button, self.clear_button, self.propose_button):
            frames_row.addWidget(button)
        for button in (self.play_button, self.mark_button, self.remove_button, self.clear_button,
                       self.propose_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout.addLayout(row)
        layout.addLayout(frames_row)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.slider.valueChanged.connect(lambda ms: self._moved(ms / 1000))
        self.play_button.clicked.connect(self.play)
        self.mark_button.clicked.connect(lambda: self.mark_key_frame())
        self.remove_button.clicked.connect(self.remove_key_frame)
        self.clear_button.clicked.connect(self.clear_key_frames)
        self.propose_button.clicked.connect(self.propose_key_frames)
        self.frame_list.currentRowChanged.connect(self._frame_selected)
        self.caption_edit.editingFinished.connect(self._caption_edited)
        self.caption_edit.returnPressed.connect(self.caption_edit.clearFocus)  # ←/→ scrub again

    # --- showing -------------------------------------------------------------------------------------------

    def set_item(self, item: EvidenceItem) -> None:
        self.item = item
        duration_ms = round((item.duration_s or 0) * 1000)
        self.slider.blockSignals(True)
        self.slider.setRange(0, max(0, duration_ms))
        self.slider.setPageStep(1000)
        self.slider.setSingleStep(max(1, round(1000 / (item.fps or 25))))
        self.slider.blockSignals(False)
        self._fill_frames()
        start = item.frames[0].t if item.frames else 0.0
        self.seek(start, force=True)

    def _fill_frames(self, select_ms: int | None = None) -> None:
        assert self.item is not None
        self.frame_list.blockSignals(True)
        self.frame_list.clear()
        for frame in self.item.frames:
            entry = QListWidgetItem(timecode(frame.t) + (f" {frame.caption}" if frame.caption else ""))
            entry.setData(Qt.ItemDataRole.UserRole, frame.ms)
            self.frame_list.addItem(entry)
        self.frame_list.blockSignals(False)
        row = next((n for n, f in enumerate(self.item.frames) if f.ms == select_ms), -1)
        self.frame_list.setCurrentRow(row)
        self._sync_caption()

    def _moved(self, t: float) -> None:
        self.position = t
        self._update_label()
        self.position_changed.emit(t)

    def _update_label(self) -> None:
        if self.item is not None:
            self.time_label.setText(f"{timecode(self.position)} / {timecode(self.item.duration_s or 0)}")
        current = self.current_key_frame()
        if current is not None and self.frame_list.currentRow() != self.item.frames.index(current):
            self.frame_list.blockSignals(True)
            self.frame_list.setCurrentRow(self.item.frames.index(current))
            self.frame_list.blockSignals(False)
            self._sync_caption()

    def seek(self, t: float, force: bool = False) -> None:
        if self.item is None:
            return
        t = max(0.0, min(t, self.item.duration_s or 0.0))
        ms = math.ceil(t * 1000 - 1e-6)  # never a hair before a frame's start (1/30 s is 33.33 ms)
        if ms == self.slider.value() and not force:
            return
        self.slider.blockSignals(True)
        self.slider.setValue(ms)
        self.slider.blockSignals(False)
        self._moved(ms / 1000)

    def step(self, frames: int = 0, seconds: float = 0.0) -> None:
        """←/→: one frame; Shift+←/→: one second."""
        if self.item is None:
            return
        fps = self.item.fps or 25
        if frames:  # on the frame grid: the next frame's start, not the position plus a rounded step
            self.seek((round(self.position * fps) + frames) / fps)
        else:
            self.seek(self.position + seconds)

    def current_key_frame(self) -> KeyFrame | None:
        if self.item is None:
            return None
        ms = round(self.position * 1000)
        return next((f for f in self.item.frames if f.ms == ms), None)

    def play(self) -> None:
        """The system's player, on the stored (untouched) file."""
        if self.item is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.library.file_path(self.item))))

    # --- key frames ----------------------------------------------------------------------------------------

    def _save(self, frames: list[KeyFrame], select_ms: int | None = None) -> None:
        assert self.item is not None
        self.item = self.library.update_item(self.item.id, frames=frames)
        self._fill_frames(select_ms)
        self.frames_changed.emit()

    def mark_key_frame(self, caption: str = "") -> KeyFrame | None:
        """K: the frame shown becomes a key frame (or, if it is one, gets `caption` when one is given)."""
        if self.item is None:
            return None
        frame = KeyFrame(round(self.position, 3), caption)
        kept = [f for f in self.item.frames if f.ms != frame.ms]
        existing = self.current_key_frame()
        if existing is not None and not caption:
            frame.caption = existing.caption
        self._save([*kept, frame], frame.ms)
        self.caption_edit.setFocus()
        return frame

    def remove_key_frame(self) -> None:
        row = self.frame_list.currentRow()
        if self.item is None or not 0 <= row < len(self.item.frames):
            return
        gone = self.item.frames[row]
        self._save([f for f in self.item.frames if f.ms != gone.ms])

    def clear_key_frames(self) -> None:
        if self.item is not None and self.item.frames:
            self._save([])

    def propose_key_frames(self) -> None:
        """Replace the key frames with the app's suggestion (evenly spaced plus scene changes)."""
        from evidence_app.imaging.video import propose_key_frames

        if self.item is None:
            return
        times = propose_key_frames(self.library.file_path(self.item), self.item.duration_s or 0.0)
        self._save([KeyFrame(t) for t in times])

    def _frame_selected(self, row: int) -> None:
        if self.item is not None and 0 <= row < len(self.item.frames):
            self.seek(self.item.frames[row].t)
        self._sync_caption()

    def _sync_caption(self) -> None:
        row = self.frame_list.currentRow()
        has = self.item is not None and 0 <= row < len(self.item.frames)
        self.caption_edit.setEnabled(has)
        self.remove_button.setEnabled(has)
        self.caption_edit.blockSignals(True)
        self.caption_edit.setText(self.item.frames[row].caption if has else "")  # type: ignore[union-attr]
        self.caption_edit.blockSignals(False)

    def set_caption(self, text: str) -> None:
        """The selected key frame's caption (also what typing in the caption box does)."""
        row = self.frame_list.currentRow()
        if self.item is None or not 0 <= row < len(self.item.frames):
            return
        frames = [KeyFrame(f.t, f.caption) for f in self.item.frames]
        if frames[row].caption == text.strip():
            return
        frames[row].caption = text.strip()
        self._save(frames, frames[row].ms)

    def _caption_edited(self) -> None:
        self.set_caption(self.caption_edit.text())
