"""Runs image preparation in a process pool (one worker per core), with progress and cancel."""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import threading
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait

from evidence_app.export.model import CancelFn, ExportCancelled
from evidence_app.imaging.prepare import ImageJob, PreparedImage, prepare_image

INLINE_BELOW = 3  # so few images are not worth starting processes for


def _die_with_parent() -> None:
    """Worker initializer: exit as soon as the parent process is gone (killed, crashed), instead of waiting
    forever on a queue no one will write to again."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        multiprocessing.connection.wait([parent.sentinel])
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def worker_count() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # Windows, macOS
        return max(1, os.cpu_count() or 1)


class PreparePool:
    def __init__(self, workers: int | None = None):
        self.workers = workers or worker_count()
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> PreparePool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def run(self, jobs: dict[int, ImageJob], on_done, cancelled: CancelFn | None = None) -> dict[int, PreparedImage]:
        """Prepare every job; `on_done(key)` after each. Raises the first job's error, or ExportCancelled."""
        results: dict[int, PreparedImage] = {}
        if len(jobs) < INLINE_BELOW or self.workers == 1:
            for key, job in jobs.items():
                if cancelled and cancelled():
                    raise ExportCancelled()
                results[key] = prepare_image(job)
                on_done(key)
            return results
        if self._pool is None:
            # spawn, not fork: safe from a GUI process with threads, and what Windows does anyway
            self._pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                             initializer=_die_with_parent)
        pending: dict[Future, int] = {self._pool.submit(prepare_image, job): key for key, job in jobs.items()}
        try:
            while pending:
                done, _ = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
                if cancelled and cancelled():
                    raise ExportCancelled()
                for future in done:
                    key = pending.pop(future)
                    results[key] = future.result()
                    on_done(key)
        except BaseException:
            for future in pending:
                future.cancel()
            raise
        return results
