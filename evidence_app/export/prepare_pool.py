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
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from pathlib import Path

from evidence_app.export.model import CancelFn, ExportCancelled
from evidence_app.imaging import fastphoto
from evidence_app.imaging.prepare import ImageJob, PreparedImage, keep_pixel_blocks, prepare_image

INLINE_BELOW = 3  # so few images are not worth starting processes for
# Starting a worker costs about 0.3 s (a new interpreter importing Pillow); an image costs roughly 0.1 s per MB
# of JPEG. Below this much source, a one-shot export is faster in-process.
INLINE_BELOW_BYTES = 12_000_000
# A one-shot pool's workers take the OpenCV path for photos (imaging/fastphoto.py) from this much picture source:
# importing it costs each worker ~0.1 s of CPU, more than a handful of photos win back (a 10-exhibit case with
# 21 MB of photos was 1.05x slower with it). The GUI's long-lived pool always does.
MANY_PHOTOS_BYTES = 64_000_000


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


def _worker_init(photos: bool = False) -> None:
    """Each image worker: gone with its parent, keeping freed pixel memory for the next picture and, in a pool
    for many photos (`photos`), preparing them through OpenCV when it is installed (imaging/fastphoto.py)."""
    _die_with_parent()
    keep_pixel_blocks()
    if photos:
        fastphoto.enable()


def _new_pool(workers: int, photos: bool) -> ProcessPoolExecutor:
    # spawn, not fork: safe from a GUI process with threads, and what Windows does anyway
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"), initializer=_worker_init,
                               initargs=(photos,))


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
        self._ahead: tuple[Path, dict[ImageJob, Future]] | None = None
        self._places: dict[Future, Path] = {}  # each picture prepared ahead: its own folder, until moved or removed
        self.generation = 0  # goes up when an export starts or the pictures prepared ahead are dropped

    def executor(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._executor is not None and getattr(self._executor, "_broken", False):
                # a worker died (out of memory?) while no export was running: start afresh
                self._executor.shutdown(wait=False, cancel_futures=True)
                self._executor = None
            if self._executor is None:
                self._executor = _new_pool(self.workers, photos=True)
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
        """False (nothing kept) when an export has started or the pictures were dropped (the dialog closed) since
        `since` (`self.generation` when the dialog opened): an Export clicked at once prepares its own pictures."""
        if since is not None and self.generation != since:
            return False
        from evidence_app.storage import leftovers

        folder = Path(tempfile.mkdtemp(prefix=leftovers.temp_prefix("ahead")))
        futures: dict[ImageJob, Future] = {}
        try:
            executor = self.executor()
            for n, job in enumerate(jobs):
                key = replace(job, out_stem="")
                if key not in futures:
                    place = folder / str(n)  # a folder per picture: removed with its own files, never before
                    place.mkdir()
                    future = futures[key] = executor.submit(prepare_image, replace(job, out_stem=str(place / "p")))
                    self._places[future] = place
        except BaseException:  # no process could start, the disk is full: nothing ahead, nothing left behind
            for future in futures.values():
                self.discard(future)
            with contextlib.suppress(OSError):
                folder.rmdir()
            raise
        with self._lock:
            late = since is not None and self.generation != since  # an export began, or the dialog closed
            previous, self._ahead = self._ahead, (None if late else (folder, futures))
        for future in futures.values() if late else ():
            self.discard(future)
        if previous is not None:
            for future in previous[1].values():
                self.discard(future)
        return not late

    def ahead(self) -> tuple[Path, list[Future]] | None:
        """The folder of the pictures prepared ahead and those no export took yet; None if there are none."""
        with self._lock:
            return None if self._ahead is None else (self._ahead[0], list(self._ahead[1].values()))

    def take_ahead(self, job: ImageJob) -> Future | None:
        with self._lock:
            if self._ahead is None:
                return None
            future = self._ahead[1].pop(replace(job, out_stem=""), None)
        if future is None:
            return None
        if future.cancelled() or (future.done() and isinstance(future.exception(), BrokenProcessPool)):
            self.discard(future)  # its worker died: the export prepares it again
            return None
        return future

    def drop_ahead(self) -> None:
        """Forget what was prepared ahead and was not taken (the dialog closed, or an export took what it
        wanted): see `discard`. A `prepare_ahead` still handing pictures out then keeps none of them."""
        with self._lock:
            ahead, self._ahead = self._ahead, None
            self.generation += 1
        for future in ahead[1].values() if ahead is not None else ():
            self.discard(future)

    def discard(self, future: Future) -> None:
        """A picture prepared ahead that no export will use (or whose export failed before moving its files):
        not started, cancelled; else its folder is removed with its files once it is done, then the folder of
        them all when it is empty."""
        place = self._places.pop(future, None)
        if place is None:
            return
        if future.cancel():
            _remove_place(place)
        else:
            future.add_done_callback(lambda _done: _remove_place(place))

    def moved(self, future: Future) -> None:
        """A picture prepared ahead whose files an export moved into its own folder."""
        self._places.pop(future, None)

    def release(self) -> None:
        """A one-shot pool's export has all its pictures: the workers exit while the PDF is written."""
        self.drop_ahead()
        with self._lock:
            if self._executor is not None:
                _let_go(self._executor)
                self._executor = None

    def shutdown(self) -> None:
        self.drop_ahead()
        with self._lock:
            if self._executor is not None:
                self._executor.shutdown(wait=True, cancel_futures=True)
                self._executor = None


_shared: SharedPool | None = None
_leaving: list = []  # the processes of pools let go, until settle_released() has seen them exit


def _let_go(executor: ProcessPoolExecutor) -> None:
    """Tell the workers to exit and return at once; their processes are kept to be joined before the PDF is saved."""
    _leaving.extend((getattr(executor, "_processes", None) or {}).values())
    executor.shutdown(wait=False)


def settle_released(timeout: float = 5.0) -> None:
    """Wait for released workers to be gone (they were told to exit when the last picture came back, and are by
    the time the last pages are drawn): the PDF's save holds the whole file in memory once more, and should not
    come on top of the workers' memory (120 files: the save's 140 MiB beside two workers' 146 would be 300 MB)."""
    while _leaving:
        process = _leaving.pop()
        with contextlib.suppress(Exception):
            process.join(timeout)


def install_shared(pool: SharedPool | None) -> None:
    """The GUI installs its warm pool here; every PreparePool in this process then uses it."""
    global _shared
    _shared = pool


def shared() -> SharedPool | None:
    return _shared


def source_bytes(jobs: Iterable[ImageJob]) -> int:
    total = 0
    for job in jobs:
        try:
            total += os.path.getsize(job.source)
        except OSError:
            pass
    return total


class PreparePool:
    def __init__(self, workers: int | None = None):
        self.workers = workers or worker_count()
        self._pool: ProcessPoolExecutor | None = None
        self.failed: object | None = None  # the key of the job whose error `run` raised

    def __enter__(self) -> PreparePool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def release(self) -> None:
        """No more jobs: the workers exit while the caller goes on writing the PDF (a tenth of a second that
        waiting for them at the end cost). The interpreter still waits for them at exit."""
        if self._pool is not None:
            _let_go(self._pool)
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
        self.failed = None
        warm = _shared
        small = len(jobs) < INLINE_BELOW or (warm is None and source_bytes(jobs.values()) < INLINE_BELOW_BYTES)
        if small or self.workers == 1:
            if meanwhile:
                meanwhile()
            for key, job in jobs.items():
                if cancelled and cancelled():
                    raise ExportCancelled()
                try:
                    results[key] = prepare_image(job)
                except Exception:
                    self.failed = key
                    raise
                on_done(key)
            return results
        if warm is not None:
            executor = warm.executor()  # warm and shared: never shut down here
        else:
            if self._pool is None:
                self._pool = _new_pool(self.workers, photos=source_bytes(jobs.values()) >= MANY_PHOTOS_BYTES)
            executor = self._pool
        # largest first: the last image to finish is then a small one, and both cores stay busy to the end
        order = list(jobs) if in_order else sorted(jobs, key=lambda k: -_size(jobs[k].source))
        pending: dict[Future, int] = {}
        ahead: set[Future] = set()  # taken from the pictures prepared ahead, files not yet moved
        taken = {key: warm.take_ahead(jobs[key]) for key in order} if warm is not None else {}
        if warm is not None:
            warm.drop_ahead()  # what this export did not take would only hold up its own jobs in the queue
        try:
            for key in order:
                future = taken.get(key)
                if future is not None:
                    ahead.add(future)
                else:
                    future = executor.submit(prepare_image, jobs[key])
                pending[future] = key
            if meanwhile:
                meanwhile()
            while pending:
                done, _ = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
                if cancelled and cancelled():
                    raise ExportCancelled()
                for future in done:
                    key = pending.pop(future)
                    try:
                        prepared = future.result()
                    except BrokenProcessPool:
                        if future not in ahead:
                            raise
                        # prepared ahead by a worker that died while the dialog was open: again, by fresh ones
                        ahead.discard(future)
                        warm.discard(future)
                        pending[warm.executor().submit(prepare_image, jobs[key])] = key
                        continue
                    except BaseException:
                        self.failed = key  # the exhibit to name (the caller cannot tell from its folder)
                        raise
                    if future in ahead:
                        prepared = _moved(prepared, jobs[key])
                        ahead.discard(future)
                        warm.moved(future)
                    results[key] = prepared
                    on_done(key)
        except BaseException as exc:
            for future in pending:
                future.cancel()
            for future in ahead:  # taken but never moved: their files must not stay behind
                warm.discard(future)
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
