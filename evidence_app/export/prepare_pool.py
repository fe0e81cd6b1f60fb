"""Runs image preparation in a process pool (one worker per core), with progress and cancel.

A one-shot command (the CLI) prepares small cases in-process and starts workers only when there is enough work
to pay for starting them. A long-running process (the GUI) installs one warm SharedPool, started lazily and
reused by every export and thumbnail, so an export does not wait for processes to start."""

from __future__ import annotations

import contextlib
import multiprocessing
import multiprocessing.connection
import os
import tempfile
import threading
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from pathlib import Path

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

    def __init__(self, workers: int | None = None, one_shot: bool = False):
        self.workers = workers or worker_count()
        self.one_shot = one_shot  # a command's pool (export/ahead.py): released as soon as its export has its pictures
        self._executor: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()
        self._ahead: tuple[Path, dict[ImageJob, Future], dict[Future, Path]] | None = None
        self.runs = 0  # exports that have used this pool

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

    # --- pictures prepared ahead ---------------------------------------------------------------------------
    # The export dialog is open: the pictures the default export needs are prepared now, in a folder of their
    # own, and an export asking for the same job (same file, box, quality, turn, crop, redactions) takes the
    # result instead of preparing it again; its files are moved into the export's own folder. What that export
    # did not take is dropped when it starts (another preset, a picture edited meanwhile) or when the dialog closes.

    def prepare_ahead(self, jobs: list[ImageJob], since: int | None = None) -> bool:
        """False (nothing started) when an export has run on this pool since `since` (`self.runs` when the
        dialog opened): an Export clicked at once prepares its own pictures, and must not share the cores."""
        if since is not None and self.runs != since:
            return False
        self.drop_ahead()
        from evidence_app.storage import leftovers

        folder = Path(tempfile.mkdtemp(prefix=leftovers.temp_prefix("ahead")))
        executor = self.executor()
        futures: dict[ImageJob, Future] = {}
        places: dict[Future, Path] = {}
        for n, job in enumerate(jobs):
            key = replace(job, out_stem="")
            if key not in futures:
                place = folder / str(n)  # a folder per picture: it is removed with its own files, never before
                place.mkdir()
                future = futures[key] = executor.submit(prepare_image, replace(job, out_stem=str(place / "p")))
                places[future] = place
        with self._lock:
            self._ahead = (folder, futures, places)
            late = since is not None and self.runs != since  # an export began while these were handed out
        if late:
            self.drop_ahead()
            return False
        return True

    def ahead(self) -> tuple[Path, list[Future]] | None:
        """The folder of the pictures prepared ahead and those no export took yet; None if there are none."""
        with self._lock:
            return None if self._ahead is None else (self._ahead[0], list(self._ahead[1].values()))

    def take_ahead(self, job: ImageJob) -> Future | None:
        with self._lock:
            if self._ahead is None:
                return None
            future = self._ahead[1].pop(replace(job, out_stem=""), None)
        return None if future is None or future.cancelled() else future

    def drop_ahead(self) -> None:
        """Forget what was prepared ahead and was not taken: not started, cancelled; being prepared, removed
        once done. Each picture has a folder of its own, removed with its files (those taken are moved out by
        the export); the folder of them all goes with the last."""
        with self._lock:
            ahead, self._ahead = self._ahead, None
        if ahead is None:
            return
        _folder, futures, places = ahead
        for future in futures.values():
            if future.cancel():
                _remove_place(places[future])
            else:
                future.add_done_callback(lambda done, place=places[future]: _remove_place(place))

    def release(self) -> None:
        """A one-shot pool's export has all its pictures: the workers exit while the PDF is written."""
        self.drop_ahead()
        with self._lock:
            if self._executor is not None:
                self._executor.shutdown(wait=False)
                self._executor = None

    def shutdown(self) -> None:
        self.drop_ahead()
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
        elif _shared is not None and _shared.one_shot:
            _shared.release()

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
            with warm._lock:
                warm.runs += 1
            executor = warm.executor()  # warm and shared: never shut down here
        else:
            if self._pool is None:
                # spawn, not fork: safe from a GUI process with threads, and what Windows does anyway
                self._pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                                 initializer=_worker_init)
            executor = self._pool
        # largest first: the last image to finish is then a small one, and both cores stay busy to the end
        order = list(jobs) if in_order else sorted(jobs, key=lambda k: -_size(jobs[k].source))
        pending: dict[Future, int] = {}
        ahead: set[Future] = set()
        taken = {key: warm.take_ahead(jobs[key]) for key in order} if warm is not None else {}
        if warm is not None:
            warm.drop_ahead()  # what this export did not take would only hold up its own jobs in the queue
        for key in order:
            future = taken.get(key)
            if future is not None:
                ahead.add(future)
            else:
                future = executor.submit(prepare_image, jobs[key])
            pending[future] = key
        try:
            if meanwhile:
                meanwhile()
            while pending:
                done, _ = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
                if cancelled and cancelled():
                    raise ExportCancelled()
                for future in done:
                    key = pending.pop(future)
                    results[key] = _moved(future.result(), jobs[key]) if future in ahead else future.result()
                    on_done(key)
        except BaseException as exc:
            for future in pending:
                future.cancel()
            if warm is not None and isinstance(exc, BrokenProcessPool):
                warm.shutdown()  # a worker died (out of memory?): the next use starts fresh workers
            raise
        return results


def _moved(prepared: PreparedImage, job: ImageJob) -> PreparedImage:
    """A picture prepared ahead, its files moved to where `job` writes (the export's own folder, removed with it)."""
    slices = []
    for n, piece in enumerate(prepared.slices):
        target = f"{job.out_stem}_ahead{n}{os.path.splitext(piece.path)[1]}"
        os.replace(piece.path, target)
        slices.append(replace(piece, path=target))
    if prepared.slices:
        _remove_place(Path(prepared.slices[0].path).parent)
    return PreparedImage(slices)


def _remove_place(place: Path) -> None:
    """A picture's folder of SharedPool.prepare_ahead, with what is left in it; then their common folder, if
    no other picture's folder is left in it."""
    for path in place.glob("*"):
        with contextlib.suppress(OSError):
            path.unlink()
    for folder in (place, place.parent):
        with contextlib.suppress(OSError):
            folder.rmdir()


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0
