"""Reading in the GUI (issue 11): a dropped batch takes the suggestions, files are read in the background after
import (the import never waits), the board marks guessed kinds, the tracking number fills in."""

from __future__ import annotations

import random

import pytest

from evidence_app.reading import engine, samples
from tests.ui.test_main_window import drop_files, wait_import

pytestmark = pytest.mark.skipif(not (engine.has_ocr() and engine.has_barcodes()),
                                reason="the read extra (rapidocr, zxing-cpp) is not installed")


def test_a_dropped_batch_is_read_in_the_background(window, lib, qtbot, tmp_path):
    case = lib.create_case("signed_not_received")
    window.refresh_cases()
    window.open_case(case.id)
    rng = random.Random(5)
    paths = []
    for name, sample in (("a.png", samples.waybill(rng, "SF1234567890123")), ("b.png", samples.chat(rng))):
        img = sample.image
        img.resize((img.width * 3 // 4, img.height * 3 // 4)).save(tmp_path / name)
        paths.append(tmp_path / name)
    asked = []
    window.kind_chooser = lambda paths, suggested, kinds=None: asked.append(paths) or suggested
    drop_files(window, paths)
    wait_import(qtbot, window)
    assert asked == [] and len(lib.items(case.id)) == 2  # added at once, nobody asked
    qtbot.waitUntil(lambda: [i.kind for i in lib.items(case.id)] == ["waybill_photo", "chat_screenshot"],
                    timeout=120000)
    qtbot.waitUntil(lambda: not window.reading.running(), timeout=60000)
    assert lib.case(case.id).tracking_no == "SF1234567890123"
    qtbot.waitUntil(lambda: "(推测)" in window.evidence_model.data(window.evidence_model.index(0)), timeout=5000)
    qtbot.waitUntil(lambda: window.form.facts.widgets["tracking_no"].text() == "SF1234567890123", timeout=5000)


def test_the_case_list_search_finds_cases_by_evidence_text(window, lib, qtbot):
    from evidence_app.reading.types import Line, Reading
    from evidence_app.storage import readings
    from tests import factories

    case = lib.create_case("signed_not_received", buyer="张三丰")
    other = lib.create_case("signed_not_received", buyer="张三丰", tracking_no="YT9876543210")
    item = lib.add_file(case.id, factories.photo(lib.root.parent / "p.jpg"), "waybill_photo").item
    reading = Reading(engine.version(), 10, 10, (Line("收件人:王小明 运单号 SF5550001112223", (0, 0, 5, 5)),))
    readings.store(lib, item.sha256, reading, engine.version())
    window.refresh_cases()
    window.search.setText("王小明")
    ids = [window.case_model.rows[r].case.id for r in range(window.case_model.rowCount())]
    assert ids == [case.id] and other.id not in ids
    window.search.setText("张三丰 王小明")  # one word typed in the case, the other only in its evidence
    assert [window.case_model.rows[r].case.id for r in range(window.case_model.rowCount())] == [case.id]
    window.search.setText("yt98765")  # the tracking number typed in the facts (any case)
    assert [window.case_model.rows[r].case.id for r in range(window.case_model.rowCount())] == [other.id]
    window.search.setText("")
    for typed in ("s", "sf", "sf5", "sf55"):  # typed one key at a time: found once the word is long enough
        window.search.setText(typed)
    assert [window.case_model.rows[r].case.id for r in range(window.case_model.rowCount())] == [case.id]
    window.search.setText("")
    window.search.setText("张三丰 小明")  # a two-character word beside another is looked up in evidence text too
    assert [window.case_model.rows[r].case.id for r in range(window.case_model.rowCount())] == [case.id]
    window.search.setText("")
    assert window.case_model.rowCount() >= 2


def test_a_packing_video_is_read_in_the_background_and_again_when_its_key_frames_change(window, lib, qtbot,
                                                                                          tmp_path):
    from evidence_app.core.model import KeyFrame
    from evidence_app.imaging.video_sample import make_waybill_video

    case = lib.create_case("missing_items")
    video = make_waybill_video(tmp_path / "打包.mp4", "SF1234567890123", seconds=2, fps=5, label_from=1.0)
    item = lib.add_file(case.id, video, "packing_record").item
    lib.update_item(item.id, frames=[KeyFrame(1.4)])
    window.refresh_cases()
    window.open_case(case.id)
    window.reading.start()
    qtbot.waitUntil(lambda: lib.case(case.id).tracking_no == "SF1234567890123", timeout=120000)
    assert lib.reading(item.sha256).frames == (1400,)
    viewer = window.open_viewer(item.id)
    qtbot.waitUntil(lambda: viewer.item is not None and viewer.video_panel.item is not None, timeout=10000)
    viewer.video_panel._save([KeyFrame(0.2)])  # as the viewer's key frame buttons do
    qtbot.waitUntil(lambda: (r := lib.reading(item.sha256)) is not None and r.frames == (200,), timeout=120000)
    assert lib.reading(item.sha256).codes == ()
    qtbot.waitUntil(lambda: not window.reading.running(), timeout=60000)
    viewer.close()
