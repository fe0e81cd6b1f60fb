"""The GUI's warm image pool (shared by exports and thumbnails) and the bounded thumbnail cache."""

import os
from pathlib import Path

import pytest

from evidence_app.export.prepare_pool import SharedPool, install_shared, shared
from evidence_app.imaging.thumbs import cached_thumbnail, prune_cache, thumbnail
from evidence_app.storage.library import LibraryError
from tests import factories


def test_shared_pool_is_reused_by_exports_and_thumbnails(lib, tmp_path):
    from evidence_app.export.bundle import export_pdf

    case = lib.create_case("signed_not_received", "taobao", order_no="P1")
    for n in range(4):
        lib.add_file(case.id, factories.photo(tmp_path / f"p{n}.jpg", color=(40 * n, 90, 20)), "item_photo")
    pool = SharedPool(workers=2)
    install_shared(pool)
    try:
        assert shared() is pool and not pool.started  # lazy: nothing runs until needed
        export_pdf(lib, case.id, tmp_path / "a.pdf")
        executor = pool.executor()
        export_pdf(lib, case.id, tmp_path / "b.pdf")
        assert pool.executor() is executor  # the same warm workers, not a new pool per export
        item = lib.items(case.id)[0]
        made = executor.submit(thumbnail, lib.file_path(item), item, lib.root / "thumbs").result()
        assert made.is_file()
        assert (tmp_path / "a.pdf").stat().st_size > 0 and (tmp_path / "b.pdf").stat().st_size > 0
    finally:
        install_shared(None)
        pool.shutdown()
    assert not pool.started


def test_thumbnail_cache_is_bounded_lru(lib, tmp_path):
    case = lib.create_case("signed_not_received", "taobao")
    cache = tmp_path / "thumbs"
    items = [lib.add_file(case.id, factories.noisy_photo(tmp_path / f"n{n}.jpg", size=(900, 700), seed=n),
                          "item_photo").item for n in range(3)]
    paths = [thumbnail(lib.file_path(i), i, cache) for i in items]
    for age, path in enumerate(paths):  # oldest first
        os.utime(path, (1000 + age, 1000 + age))
    assert cached_thumbnail(items[0], cache) == paths[0]  # used now: the newest
    keep = paths[0].stat().st_size + paths[2].stat().st_size
    assert prune_cache(cache, keep) == 1
    assert paths[0].is_file() and not paths[1].is_file() and paths[2].is_file()
    assert cached_thumbnail(items[1], cache) is None  # remade when needed
    assert thumbnail(lib.file_path(items[1]), items[1], cache).is_file()


def test_thumb_cache_setting(lib):
    assert lib.setting("thumb_cache_mb") == "300"
    lib.set_setting("thumb_cache_mb", "50")
    assert lib.setting("thumb_cache_mb") == "50"
    with pytest.raises(LibraryError):
        lib.set_setting("thumb_cache_mb", "lots")


def test_one_shot_small_case_stays_in_process(lib, tmp_path):
    """The CLI: a few small images are prepared in-process; no worker is started for them."""
    from evidence_app.export.bundle import BundleExporter
    from evidence_app.export.prepare_pool import PreparePool

    case = lib.create_case("signed_not_received", "taobao")
    for n in range(5):
        lib.add_file(case.id, factories.photo(tmp_path / f"s{n}.jpg", color=(9 * n, 50, 60)), "item_photo")
    assert shared() is None
    exporter = BundleExporter(lib, case.id)
    with PreparePool(2) as pool:
        from evidence_app.export.model import PRINT

        prepared = exporter._prepare(pool, PRINT, tmp_path / "prep")
        assert len(prepared) == 5 and pool._pool is None  # 5 images, well under the bytes that pay for workers



def test_image_workers_keep_freed_pixel_memory_and_the_app_does_not():
    """Pillow frees pixel memory at once by default; a worker preparing photo after photo keeps a few blocks
    (fewer page faults). The GUI process itself keeps its default."""
    from PIL import Image

    from evidence_app.imaging.prepare import PIXEL_BLOCKS_KEPT

    before = Image.core.get_blocks_max()
    pool = SharedPool(workers=1)
    try:
        assert pool.executor().submit(Image.core.get_blocks_max).result() >= PIXEL_BLOCKS_KEPT
    finally:
        pool.shutdown()
    assert Image.core.get_blocks_max() == before


def test_pictures_prepared_ahead_are_taken_by_the_export(lib, tmp_path, qtbot):
    """The export dialog opened: the print export's pictures are prepared in the warm pool; the Export click
    takes them (same bytes in the PDF as preparing them then), a picture changed meanwhile is prepared again,
    and what no export took is removed."""
    from evidence_app.core.model import Redaction
    from evidence_app.export.ahead import prepare_ahead
    from evidence_app.export.bundle import export_pdf

    case = lib.create_case("signed_not_received", "taobao", order_no="A1")
    items = [lib.add_file(case.id, factories.noisy_photo(tmp_path / f"p{n}.jpg", size=(2400, 1800), seed=n),
                          "item_photo").item for n in range(4)]
    pool, taken = factories.installed_pool_counting_takes()
    try:
        export_pdf(lib, case.id, tmp_path / "plain.pdf")  # nothing prepared ahead: prepared at the click
        assert prepare_ahead(lib, case.id, since=pool.generation) == 4
        folder = pool.ahead()[0]
        lib.update_item(items[3].id, redactions=[Redaction(10, 10, 300, 200)])  # while the dialog is open
        export_pdf(lib, case.id, tmp_path / "ahead.pdf")
        assert sum(f is not None for f in taken) == 3  # the redacted one was prepared again, with its box
        plain, ahead = factories.pdf_image_streams(tmp_path / "plain.pdf"), factories.pdf_image_streams(tmp_path / "ahead.pdf")
        assert ahead[:3] == plain[:3] and ahead[3] != plain[3]
        # the export dropped what it did not take; what it took was moved out: nothing is left behind
        assert pool.ahead() is None
        qtbot.waitUntil(lambda: not folder.exists())
        # another preset: nothing prepared ahead is taken, and what was queued no longer holds up its jobs
        assert prepare_ahead(lib, case.id, since=pool.generation) == 4
        queued = pool.ahead()[1]
        export_pdf(lib, case.id, tmp_path / "compact.pdf", preset="compact")
        assert pool.ahead() is None and all(f.cancelled() or f.done() for f in queued)
        # an Export clicked before the pictures were started: nothing is prepared ahead beside it
        assert prepare_ahead(lib, case.id, since=pool.generation - 1) == 0 and pool.ahead() is None
        assert prepare_ahead(lib, case.id, since=pool.generation) == 4
        folder = pool.ahead()[0]
        pool.drop_ahead()  # the dialog closed without exporting
        qtbot.waitUntil(lambda: not folder.exists())
    finally:
        install_shared(None)
        pool.shutdown()


def test_the_export_command_hands_its_pictures_to_workers_first(lib, tmp_path, monkeypatch, capsys):
    """`evidence-app export` (print) starts its workers with the pictures before it loads the layout modules
    and judges the case; the export takes every one, the workers exit as soon as it has them, and nothing is
    left installed or on disk. A case with few pictures does not (its own process is what it waits for)."""
    from evidence_app import cli
    from evidence_app.export import ahead
    from evidence_app.export.prepare_pool import SharedPool

    case = lib.create_case("signed_not_received", "taobao", order_no="C1")
    for n in range(4):
        lib.add_file(case.id, factories.noisy_photo(tmp_path / f"p{n}.jpg", size=(2400, 1800), seed=n), "item_photo")
    assert ahead.command_pool(lib, case.id) is None and shared() is None  # 4 small photos
    monkeypatch.setattr(ahead, "COMMAND_AHEAD_BYTES", 1)
    made, taken = [], []
    real_init, real_take = SharedPool.__init__, SharedPool.take_ahead

    def init(self, *args, **kwargs):
        real_init(self, *args, **kwargs)
        made.append(self)

    monkeypatch.setattr(SharedPool, "__init__", init)
    monkeypatch.setattr(SharedPool, "take_ahead", lambda self, job: taken.append(real_take(self, job)) or taken[-1])
    assert cli.main(["export", str(case.id), "-o", str(tmp_path / "c.pdf")]) == 0
    assert "c.pdf" in capsys.readouterr().out and (tmp_path / "c.pdf").stat().st_size > 0
    assert len(made) == 1 and made[0].one_shot and sum(f is not None for f in taken) == 4
    assert shared() is None and not made[0].started and made[0].ahead() is None


def _jobs(tmp_path, n=4, bad=None):
    from evidence_app.imaging.prepare import ImageJob

    src, out = tmp_path / "src", tmp_path / "out"
    src.mkdir()
    out.mkdir()
    paths = [factories.noisy_photo(src / f"p{k}.jpg", size=(1600, 1200), seed=k) for k in range(n)]
    if bad is not None:
        paths[bad].write_bytes(paths[bad].read_bytes()[:3000])  # damaged after it was stored
    return {k + 1: ImageJob(source=str(p), media_type="image/jpeg", out_stem=str(out / f"item{k + 1}"),
                            box_w=800, box_h=600) for k, p in enumerate(paths)}


def _ahead_of(pool, jobs):
    from concurrent.futures import wait
    from dataclasses import replace

    assert pool.prepare_ahead([replace(j, out_stem="") for j in jobs.values()], pool.generation)
    folder, futures = pool.ahead()
    wait(futures)
    return folder


@pytest.mark.parametrize("ahead", [False, True])
def test_a_picture_that_cannot_be_decoded_is_the_one_named_and_nothing_is_left(tmp_path, qtbot, ahead):
    from evidence_app.export.prepare_pool import PreparePool

    jobs = _jobs(tmp_path, bad=2)  # the third
    pool = SharedPool(workers=2)
    install_shared(pool)
    try:
        folder = _ahead_of(pool, jobs) if ahead else None
        run = PreparePool(2)
        with pytest.raises(OSError, match="truncated"):
            run.run(jobs, lambda key: None, in_order=True)
        assert run.failed == 3
        if folder is not None:
            qtbot.waitUntil(lambda: not folder.exists())  # what was taken and never moved is removed too
    finally:
        install_shared(None)
        pool.shutdown()


def test_a_cancelled_export_leaves_no_picture_prepared_ahead(tmp_path, qtbot):
    from evidence_app.export.model import ExportCancelled
    from evidence_app.export.prepare_pool import PreparePool

    jobs = _jobs(tmp_path)
    pool = SharedPool(workers=2)
    install_shared(pool)
    try:
        folder = _ahead_of(pool, jobs)
        with pytest.raises(ExportCancelled):
            PreparePool(2).run(jobs, lambda key: None, cancelled=lambda: True)
        qtbot.waitUntil(lambda: not folder.exists())
    finally:
        install_shared(None)
        pool.shutdown()


def test_a_worker_dying_while_pictures_are_prepared_ahead_does_not_break_the_next_export(tmp_path):
    import os as _os
    from concurrent.futures import wait
    from dataclasses import replace

    from evidence_app.export.prepare_pool import PreparePool

    jobs = _jobs(tmp_path)
    pool = SharedPool(workers=2)
    install_shared(pool)
    try:
        assert pool.prepare_ahead([replace(j, out_stem="") for j in jobs.values()], pool.generation)
        dying = pool.executor().submit(_os._exit, 1)  # a worker dies (out of memory, killed)
        wait([dying, *pool.ahead()[1]])
        results = PreparePool(2).run(jobs, lambda key: None)
        assert sorted(results) == [1, 2, 3, 4] and all(Path(r.slices[0].path).is_file() for r in results.values())
        pool.warm()  # the next dialog: fresh workers
        assert pool.executor().submit(_os.getpid).result() > 0
    finally:
        install_shared(None)
        pool.shutdown()
