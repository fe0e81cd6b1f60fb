"""Runs image preparation in a process pool (one worker per core), with progress and cancel.

A one-shot command (the CLI) prepares small cases in-process and starts workers only when there is enough work
to pay for starting them. A long-running process (the GUI) installs one warm SharedPool, started lazily and
reused by every export and thumbnail, so an export does not wait for processes to start."""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import threading
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from evidence_app.export.model import CancelFn, ExportCancelled
from evidence_app.imaging.prepare import ImageJob, PreparedImage, keep_pixel_blocks, prepare_image

INLINE_BELOW = 3  # so few images are not worth starting processes for
# Starting a worker costs about 0.3 s (a new interpreter importing Pillow); an image costs roughly 0.1 s per MB
# of JPEG. Below this much source, a one-shot export is faster in-process.
INLINE_BELOW_BYTES = 12_000_000


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


def _worker_init() -> None:
    """Each image worker: gone with its parent, and keeping freed pixel memory for the next picture."""
    _die_with_parent()
    keep_pixel_blocks()


def worker_count() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # Windows, macOS
        return max(1, os.cpu_count() or 1)


def _warm() -> int:
    """Runs once in each new worker: the imports an image job needs, done before the first export waits."""
    import PIL.Image
    import PIL.JpegImagePlugin  # noqa: F401
    import PIL.PngImagePlugin  # noqa: F401

    import evidence_app.imaging.prepare  # noqa: F401

    PIL.Image.init()
    return os.getpid()


class SharedPool:
    """A warm, long-lived process pool for the GUI: started on first use, shared by exports and thumbnails,
    shut down on exit."""

    def __init__(self, workers: int | None = None):
        self.workers = workers or worker_count()
        self._executor: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    def executor(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._executor is None:
                # spawn, not fork: safe from a GUI process with threads, and what Windows does anyway
                self._executor = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                                     initializer=_worker_init)
            return self._executor

    def warm(self) -> None:
        """Start the workers now (returns at once); each imports what an image job needs."""
        executor = self.executor()
        for _ in range(self.workers):
            executor.submit(_warm)

    @property
    def started(self) -> bool:
        return self._executor is not None

    def shutdown(self) -> None:
        with self._lock:
            if self._executor is not None:
                self._executor.shutdown(wait=True, cancel_futures=True)
                self._executor = None


_shared: SharedPool | None = None


def install_shared(pool: SharedPool | None) -> None:
    """The GUI installs its warm pool here; every PreparePool in this process then uses it."""
    global _shared
    _shared = pool


def shared() -> SharedPool | None:
    return _shared


def _source_bytes(jobs: dict[int, ImageJob]) -> int:
    total = 0
    for job in jobs.values():
        try:
            total += os.path.getsize(job.source)
        except OSError:
            pass
    return total


class PreparePool:
    def __init__(self, workers: int | None = None):
        self.workers = workers or worker_count()
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> PreparePool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def release(self) -> None:
        """No more jobs: the workers exit while the caller goes on writing the PDF (a tenth of a second that
        waiting for them at the end cost). The interpreter still waits for them at exit."""
        if self._pool is not None:
            self._pool.shutdown(wait=False)
            self._pool = None

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def run(self, jobs: dict[int, ImageJob], on_done, cancelled: CancelFn | None = None,
            meanwhile: Callable[[], None] | None = None, into: dict | None = None,
            in_order: bool = False) -> dict[int, PreparedImage]:
        """Prepare every job; `on_done(key)` after each. Raises the first job's error, or ExportCancelled.
        `meanwhile` runs in this process while the workers prepare (before any result is collected): work of
        the caller's own that would otherwise wait for them. Its exception wins over the jobs' and cancels them.
        `into`: the dict to fill (the caller may read what is done so far from `on_done`). `in_order`: hand the
        jobs out in their order (a caller drawing pages as they come), not largest first."""
        results: dict[int, PreparedImage] = {} if into is None else into
        warm = _shared
        small = len(jobs) < INLINE_BELOW or (warm is None and _source_bytes(jobs) < INLINE_BELOW_BYTES)
        if small or self.workers == 1:
            if meanwhile:
                meanwhile()
            for key, job in jobs.items():
                if cancelled and cancelled():
                    raise ExportCancelled()
                results[key] = prepare_image(job)
                on_done(key)
            return results
        if warm is not None:
            executor = warm.executor()  # warm and shared: never shut down here
        else:
            if self._pool is None:
                # spawn, not fork: safe from a GUI process with threads, and what Windows does anyway
                self._pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                                 initializer=_worker_init)
            executor = self._pool
        # largest first: the last image to finish is then a small one, and both cores stay busy to the end
        order = list(jobs) if in_order else sorted(jobs, key=lambda k: -_size(jobs[k].source))
        pending: dict[Future, int] = {executor.submit(prepare_image, jobs[key]): key for key in order}
        try:
            if meanwhile:
                meanwhile()
            while pending:
                done, _ = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
                if cancelled and cancelled():
                    raise ExportCancelled()
                for future in done:
                    key = pending.pop(future)
                    results[key] = future.result()
                    on_done(key)
        except BaseException as exc:
            for future in pending:
                future.cancel()
            if warm is not None and isinstance(exc, BrokenProcessPool):
                warm.shutdown()  # a worker died (out of memory?): the next use starts fresh workers
            raise
        return results


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0
