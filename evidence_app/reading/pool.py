"""One reading worker process for a long-running app (the GUI): OCR runs beside the GUI, never in it.

One process, not one per core: the OCR models take ~200 MB of memory per process, and onnxruntime already uses
two threads (engine.threads()); the shared image pool (export/prepare_pool.py) stays free for thumbnails and
exports. Started on first use, reused, shut down on exit; it exits by itself if the app is killed."""

from __future__ import annotations

import multiprocessing
import threading
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from evidence_app.export.prepare_pool import _die_with_parent
from evidence_app.reading.types import Reading


def read_job(path: str, mime: str, frames: tuple[int, ...] = ()) -> Reading | None:
    """Runs in the worker: the reading of one file (a video: at those key frame times, ms), or None when it cannot
    be read (the batch goes on)."""
    from evidence_app.reading import engine

    try:
        return engine.read_file(Path(path), mime, frames)
    except engine.ReadingOff:
        raise
    except Exception:  # noqa: BLE001 - a file the engines choke on is recorded as unreadable
        return None


class ReadingPool:
    def __init__(self) -> None:
        self._executor: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    def submit(self, path: Path, mime: str, frames: tuple[int, ...] = ()) -> Future:
        with self._lock:
            if self._executor is None:
                # spawn, not fork: safe from a GUI process with threads, and what Windows does anyway
                self._executor = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"),
                                                     initializer=_die_with_parent)
            return self._executor.submit(read_job, str(path), mime, tuple(frames))

    def reset(self) -> None:
        """After a worker died (out of memory?): the next submit starts a fresh one."""
        with self._lock:
            if self._executor is not None:
                self._executor.shutdown(wait=False, cancel_futures=True)
                self._executor = None

    def shutdown(self) -> None:
        with self._lock:
            if self._executor is not None:
                self._executor.shutdown(wait=True, cancel_futures=True)
                self._executor = None


_shared = ReadingPool()


def shared() -> ReadingPool:
    return _shared
