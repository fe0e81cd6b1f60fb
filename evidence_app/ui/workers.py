"""Background work off the GUI thread (QThreadPool): importing files, thumbnails, exports.
Each worker reports through Qt signals, which arrive on the GUI thread; each can be cancelled."""

from __future__ import annotations

import threading
import traceback
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Signal

from evidence_app.storage.library import AddResult, Library, expand_sources


class WorkerSignals(QObject):
    progress = Signal(int, int, str)  # done, total, what
    item_added = Signal(object)  # AddResult
    thumb_ready = Signal(int, str)  # item id, thumbnail path
    finished = Signal(object)  # result
    failed = Signal(str)  # one-line message
    failed_item = Signal(int, str)  # export: the exhibit (item id) that made it fail, before `failed`
    item_read = Signal(str)  # reading: the file (sha256) whose reading was stored


class Worker(QRunnable):
    def __init__(self) -> None:
        super().__init__()
        self.signals = WorkerSignals()
        self._cancel = threading.Event()
        self.setAutoDelete(True)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            result = self.work()
        except Exception as exc:  # noqa: BLE001 - reported to the user as one line, details to stderr
            traceback.print_exc()
            self.signals.failed.emit(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
            return
        self.signals.finished.emit(result)

    def work(self):  # pragma: no cover - overridden
        raise NotImplementedError


class ImportWorker(Worker):
    """Adds files (folders expanded) to a case, one by one; results are reported as they come."""

    def __init__(self, library: Library, case_id: int, paths: list[str], kind: str, caption: str = "",
                 names: dict[str, str] | None = None):
        super().__init__()
        self.library, self.case_id, self.kind, self.caption = library, case_id, kind, caption
        self.paths = paths
        self.names = names or {}

    def work(self) -> list[AddResult]:
        files = expand_sources(self.paths)
        results = []
        for done, path in enumerate(files, 1):
            if self.cancelled:
                break
            kind = self.kind.get(str(path), "other") if isinstance(self.kind, dict) else self.kind  # per file
            try:
                result = self.library.add_file(self.case_id, path, kind, self.caption,
                                               original_name=self.names.get(str(path)))
            except Exception as exc:  # noqa: BLE001 - one file never aborts the batch
                from evidence_app.imaging.probe import Refused

                result = AddResult(path, refused=Refused("unreadable", detail=str(exc).splitlines()[0][:120]
                                                         if str(exc) else type(exc).__name__))
            results.append(result)
            self.signals.item_added.emit(result)
            self.signals.progress.emit(done, len(files), path.name)
        return results


class ProbeWorker(Worker):
    """Checks files (folders expanded) before anything is asked: refused files are reported, never offered a
    kind; accepted ones come with a kind guessed from name and shape (None: ask). Result: list of
    (path, Probe | None, Refused | None, kind | None)."""

    def __init__(self, paths: list[str], max_bytes: int, max_video_bytes: int | None = None):
        super().__init__()
        self.paths, self.max_bytes, self.max_video_bytes = paths, max_bytes, max_video_bytes

    def work(self) -> list[tuple]:
        from evidence_app.core.kind_hint import suggest_kind, video_kind
        from evidence_app.imaging.probe import Refused, probe_file

        out: list[tuple] = []
        files = expand_sources(self.paths)
        for done, path in enumerate(files, 1):
            if self.cancelled:
                break
            try:
                probe = probe_file(path, self.max_bytes, self.max_video_bytes)
            except Refused as refused:
                out.append((path, None, refused, None))
            else:
                kind = (video_kind(path.name) if probe.is_video else
                        suggest_kind(path.name, probe.width, probe.height))
                out.append((path, probe, None, kind))
            self.signals.progress.emit(done, len(files), path.name)
        return out


class ThumbWorker(Worker):
    """Makes (or finds in the disk cache) the thumbnails of some items."""

    def __init__(self, library: Library, item_ids: list[int]):
        super().__init__()
        self.library, self.item_ids = library, item_ids

    def work(self) -> None:
        from evidence_app.export.prepare_pool import shared
        from evidence_app.imaging.thumbs import cached_thumbnail, thumbnail

        cache = self.library.root / "thumbs"
        pool = shared()
        pending = []
        for item_id in self.item_ids:
            if self.cancelled:
                return
            try:
                item = self.library.item(item_id)
                hit = cached_thumbnail(item, cache)
                if hit is not None:
                    self.signals.thumb_ready.emit(item_id, str(hit))
                elif pool is not None:  # decoded in the warm worker processes, not under the GUI's lock
                    pending.append((item_id, pool.executor().submit(thumbnail, self.library.file_path(item), item,
                                                                    cache)))
                else:
                    self.signals.thumb_ready.emit(item_id, str(thumbnail(self.library.file_path(item), item, cache)))
            except Exception:  # noqa: BLE001 - a broken file shows no thumbnail; export names it
                continue
        made = False
        for item_id, future in pending:
            if self.cancelled:
                future.cancel()
                continue
            try:
                self.signals.thumb_ready.emit(item_id, str(future.result()))
                made = True
            except Exception:  # noqa: BLE001 - as above
                continue
        if made or (pool is None and self.item_ids):
            from evidence_app.imaging.thumbs import prune_cache

            prune_cache(cache, int(self.library.setting("thumb_cache_mb")) * 1_000_000)


class ExportWorker(Worker):
    def __init__(self, library: Library, case_id: int, target: Path, mode: str, budget: int = 5_000_000,
                 max_kb: int = 500, skip: set[int] | None = None):
        super().__init__()
        self.library, self.case_id, self.target, self.mode = library, case_id, target, mode
        self.budget, self.max_kb = budget, max_kb
        self.skip = set(skip or ())

    def work(self):
        from evidence_app.export.model import ExportError

        try:
            return self._export()
        except ExportError as exc:
            if exc.item_id is not None:
                self.signals.failed_item.emit(exc.item_id, str(exc))
            raise

    def _export(self):
        def progress(done: int, total: int, what: str) -> None:
            self.signals.progress.emit(done, total, what)

        if self.mode == "images":
            from evidence_app.export.upload import export_images

            return export_images(self.library, self.case_id, self.target, self.max_kb, progress=progress,
                                 cancelled=lambda: self.cancelled, skip=self.skip)
        from evidence_app.export.bundle import export_pdf

        return export_pdf(self.library, self.case_id, self.target, self.mode, self.budget, progress=progress,
                          cancelled=lambda: self.cancelled, skip=self.skip)


class ReadWorker(Worker):
    """Reads (OCR, barcodes) every file of the library that has no reading yet, in the reading process, and
    stores the results; files added meanwhile are read too. Signals: progress, item_read(sha256)."""

    def __init__(self, library: Library):
        super().__init__()
        self.library = library

    def work(self) -> int:
        from concurrent.futures import TimeoutError as FutureTimeout
        from concurrent.futures.process import BrokenProcessPool

        from evidence_app.reading import engine
        from evidence_app.reading.pool import shared
        from evidence_app.storage import readings

        pool, count, failed = shared(), 0, set()
        while not self.cancelled:
            files = [f for f in readings.unread(self.library) if f[0] not in failed]
            if not files:
                break
            total = count + len(files)
            for sha, mime, name in files:
                if self.cancelled:
                    break
                self.signals.progress.emit(count, total, name)
                future = pool.submit(self.library.store.path(sha), mime, readings.frame_times(self.library, sha, mime))
                while True:
                    try:
                        reading = future.result(timeout=0.2)
                        break
                    except FutureTimeout:
                        if self.cancelled:
                            future.cancel()
                            return count
                    except BrokenProcessPool:
                        pool.reset()
                        reading = None
                        break
                    except engine.ReadingOff:
                        return count
                if reading is None:
                    failed.add(sha)
                readings.store(self.library, sha, reading, reading.engine if reading else engine.version())
                readings.apply(self.library, sha)
                count += 1
                self.signals.item_read.emit(sha)
        self.signals.progress.emit(count, count, "")
        return count
