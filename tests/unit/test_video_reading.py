"""Reading videos (issue 12, last bullet): OCR and barcodes on the key frames, a reading that covers its frame times
(and is redone when they change), the packing video's tracking number in the fill and the mismatch finding."""

from __future__ import annotations

from datetime import timezone

import pytest

from evidence_app.core.model import KeyFrame
from evidence_app.imaging.video_sample import make_waybill_video
from evidence_app.reading import analyze, engine
from evidence_app.reading.findings import reading_findings
from evidence_app.reading.types import Code, Line, Reading
from evidence_app.storage import readings

needs_engines = pytest.mark.skipif(not (engine.has_ocr() and engine.has_barcodes()),
                                   reason="the read extra (rapidocr, zxing-cpp) is not installed")
NUMBER = "SF1234567890123"


@pytest.fixture(scope="module")
def waybill_video(tmp_path_factory):
    return make_waybill_video(tmp_path_factory.mktemp("v") / "packing.mp4", NUMBER, seconds=2, fps=5,
                              size=(480, 270), label_from=1.0)


@needs_engines
def test_a_videos_reading_covers_its_key_frames_and_is_redone_when_they_change(lib, waybill_video):
    case = lib.create_case("missing_items")
    item = lib.add_file(case.id, waybill_video, "packing_record").item
    lib.update_item(item.id, frames=[KeyFrame(0.4), KeyFrame(1.6)])
    assert readings.statuses(lib, [item.sha256]) == {item.sha256: "pending"}
    assert readings.read_pending(lib) == 1
    reading = lib.reading(item.sha256)
    assert reading.frames == (400, 1600)
    assert [(c.text, c.page) for c in reading.codes] == [(NUMBER, 1600)]
    assert {line.page for line in reading.lines} <= {400, 1600}
    assert (reading.width, reading.height) == (480, 270)
    assert lib.case(case.id).tracking_no == NUMBER  # a packing video fills the case's number like a waybill
    assert lib.item(item.id).kind == "packing_record"  # a video's kind is never re-suggested from its frames
    assert readings.read_pending(lib) == 0  # up to date

    lib.update_item(item.id, frames=[KeyFrame(0.4)])  # the frames changed: out of date, read again
    assert readings.statuses(lib, [item.sha256]) == {item.sha256: "pending"}
    assert [f[0] for f in readings.unread(lib)] == [item.sha256]
    assert lib.reading(item.sha256).frames == (400, 1600)  # the old reading is still used meanwhile
    assert readings.read_pending(lib) == 1
    assert lib.reading(item.sha256).frames == (400,) and lib.reading(item.sha256).codes == ()

    # the same file in another case: one reading per file, at the union of both items' key frames
    other = lib.create_case("missing_items")
    copy = lib.add_file(other.id, waybill_video, "packing_record").item
    lib.update_item(copy.id, frames=[KeyFrame(1.8)])
    assert readings.frame_times(lib, item.sha256) == (400, 1800)
    assert readings.read_pending(lib) == 1 and lib.reading(item.sha256).frames == (400, 1800)

    # no key frames left anywhere: the reading of other moments stays (nothing to read it at)
    lib.update_item(item.id, frames=[])
    lib.update_item(copy.id, frames=[])
    assert readings.statuses(lib, [item.sha256]) == {item.sha256: "done"}


@needs_engines
def test_a_video_without_key_frames_is_read_at_the_proposed_moments(waybill_video):
    reading = engine.read_file(waybill_video, "video/mp4")
    assert reading.frames and all(0 <= ms <= 2000 for ms in reading.frames)
    assert engine.read_file(waybill_video, "video/mp4", [1200]).codes[0].page == 1200


def _video_reading(*pages: tuple[int, str]) -> Reading:
    return Reading("test", 640, 360, lines=tuple(Line(text, (0, 0, 10, 10), 1.0, ms) for ms, text in pages),
                   frames=tuple(ms for ms, _ in pages))


def test_the_tracking_number_says_on_which_frame_it_was_read():
    reading = _video_reading((500, "封箱"), (2400, "运单号:YT9876543210987"))
    assert analyze.tracking_found(reading) == ("YT9876543210987", "text", 2400)
    with_code = Reading("test", 640, 360, codes=(Code("Code128", NUMBER, (0, 0, 1, 1), 3000),),
                        lines=reading.lines, frames=(500, 2400, 3000))
    assert analyze.tracking_found(with_code) == (NUMBER, "barcode", 3000)  # barcode first
    assert analyze.tracking_number(with_code) == (NUMBER, "barcode")
    assert analyze.suggest(_video_reading((0, "收件人 寄件人 运单号 电子面单"))).kind is None
    assert Reading.from_json(with_code.to_json()) == with_code


def test_a_packing_videos_other_number_is_a_blocking_finding_with_the_timecode(lib):
    from tests import factories

    case = lib.update_case(lib.create_case("missing_items").id, tracking_no="SF0000000000001")
    video = lib.add_file(case.id, make_waybill_video(lib.root.parent / "v.mp4", NUMBER, seconds=1, fps=5),
                         "packing_record").item
    unboxing = lib.add_file(case.id, make_waybill_video(lib.root.parent / "u.mp4", "YT1", seconds=1, fps=4),
                            "return_unboxing_record").item
    photo = lib.add_file(case.id, factories.photo(lib.root.parent / "p.jpg"), "packing_record").item
    read = {video.sha256: _video_reading((83400, f"运单号:{NUMBER}")),
            unboxing.sha256: _video_reading((1000, "运单号:YT9876543210987")),
            photo.sha256: Reading("test", 10, 10, (Line("运单号:YT9876543210987", (0, 0, 5, 5)),))}
    items = lib.items(case.id)
    found = [f for f in reading_findings(case, items, read, "zh_CN", timezone.utc) if f.id == "tracking_mismatch"]
    assert len(found) == 1 and found[0].blocking  # the unboxing video (a return's label) and a photo: not compared
    assert found[0].figures["item"] == video.id and found[0].figures["frame_ms"] == 83400
    assert "证据1" in found[0].message and "00:01:23.4" in found[0].message and NUMBER in found[0].message
    english = reading_findings(case, items, read, "en", timezone.utc)
    assert "Exhibit 1 (packing video)" in english[0].message and "at 00:01:23.4" in english[0].message
