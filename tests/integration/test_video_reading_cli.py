"""Issue 12, last bullet: OCR and barcodes run on a packing video's key frames, so the waybill number in the video is
read, fills an empty case tracking number and is cross-checked against the case's (tracking_mismatch)."""

import json

import pytest

from evidence_app.imaging.video_sample import make_waybill_video
from evidence_app.reading import engine
from tests.integration.test_cli import cli

needs_engines = pytest.mark.skipif(not (engine.has_barcodes() and engine.has_ocr()),
                                   reason="the reading engines are not installed")
NUMBER = "SF1234567890123"


@needs_engines
def test_a_packing_videos_waybill_is_read_on_its_key_frames(tmp_path):
    lib = tmp_path / "lib"
    # 3 s: no label in the first second, then the waybill label (barcode and "运单号:…")
    video = make_waybill_video(tmp_path / "打包.mp4", NUMBER, seconds=3, fps=5, label_from=1.0)
    case = cli(lib, "new", "--scenario", "missing_items", "--platform", "taobao", "--order", "W1",
               check=0).stdout.strip()
    item = cli(lib, "add", case, video, "--kind", "packing_record", "--wait", check=0).stdout.strip()
    listed = json.loads(cli(lib, "items", case, "--json", check=0).stdout)[0]
    assert listed["read"] == "done" and listed["frames"]  # read at the key frames proposed at import
    assert listed["codes"] == [NUMBER]
    assert NUMBER in listed["text"].replace(" ", "")
    # the case had no tracking number: the video's fills it, as a waybill photo's does
    assert json.loads(cli(lib, "show", case, "--json", check=0).stdout)["tracking_no"] == NUMBER
    check = json.loads(cli(lib, "check", case, "--json", check=None).stdout)
    assert not [f for f in check["findings"] if f["id"] == "tracking_mismatch"]

    # the case's number differs: a blocking finding naming the exhibit and the frame's timecode
    cli(lib, "set", case, "tracking_no=YT9876543210987", check=0)
    check = json.loads(cli(lib, "check", case, "--json", check=None).stdout)
    mismatch = [f for f in check["findings"] if f["id"] == "tracking_mismatch"]
    assert len(mismatch) == 1 and mismatch[0]["blocking"]
    detail = mismatch[0]
    assert detail["read"] == NUMBER and detail["source"] == "barcode" and detail["exhibit"] == 1
    assert detail["frame_ms"] >= 1000 and detail["timecode"] in mismatch[0]["message"]
    assert "证据1" in mismatch[0]["message"] and "YT9876543210987" in mismatch[0]["message"]

    # key frames only before the label: read again at them (edit, not a terminal = --wait), nothing found
    cli(lib, "edit", item, "--frames", "0.2,0.6", check=0)
    listed = json.loads(cli(lib, "items", case, "--json", check=0).stdout)[0]
    assert listed["read"] == "done" and listed["codes"] == [] and NUMBER not in listed["text"].replace(" ", "")
    check = json.loads(cli(lib, "check", case, "--json", check=None).stdout)
    assert not [f for f in check["findings"] if f["id"] == "tracking_mismatch"]
    # a key frame on the label again: the number is back, with that frame's time
    cli(lib, "edit", item, "--frames", "0.2,2.4", check=0)
    listed = json.loads(cli(lib, "items", case, "--json", check=0).stdout)[0]
    assert listed["codes"] == [NUMBER]
    check = json.loads(cli(lib, "check", case, "--json", check=None).stdout)
    mismatch = [f for f in check["findings"] if f["id"] == "tracking_mismatch"]
    assert mismatch and mismatch[0]["frame_ms"] == 2400 and "00:00:02.4" in mismatch[0]["message"]
    # suggested redactions are for pictures: a video says so in one line
    proc = cli(lib, "redact", item, "--suggested", check=2)
    assert len(proc.stderr.strip().splitlines()) == 1 and "视频" in proc.stderr
    # the bundle's grid carries what was read on each key frame as invisible text (searchable, copyable)...
    cli(lib, "export", case, "-o", tmp_path / "bundle.pdf", check=None)
    assert NUMBER in _grid_text(tmp_path / "bundle.pdf")
    # ...except what the agent blacked out on that frame: gone from every byte, text layer included
    cli(lib, "redact", item, "0,0,640,360", "--frame", "2.4", check=0)
    cli(lib, "export", case, "-o", tmp_path / "redacted.pdf", check=None)
    grid = _grid_text(tmp_path / "redacted.pdf")
    assert "00:00:02.4" in grid and NUMBER not in grid and NUMBER.encode() not in (tmp_path / "redacted.pdf").read_bytes()


def _grid_text(path) -> str:
    from pypdf import PdfReader

    texts = [page.extract_text() for page in PdfReader(path).pages]
    return next(text for text in texts if "00:00:00.2" in text and "00:00:02.4" in text).replace(" ", "")


@needs_engines
def test_a_return_unboxing_video_is_not_cross_checked(tmp_path):
    """A return's unboxing video shows the return parcel's label, not the case's shipment: read, not compared."""
    lib = tmp_path / "lib"
    video = make_waybill_video(tmp_path / "开箱.mp4", NUMBER, seconds=2, fps=5, label_from=0.0)
    case = cli(lib, "new", "--scenario", "missing_items", check=0).stdout.strip()
    cli(lib, "set", case, "tracking_no=YT9876543210987", check=0)
    cli(lib, "add", case, video, "--kind", "return_unboxing_record", "--wait", check=0)
    assert json.loads(cli(lib, "items", case, "--json", check=0).stdout)[0]["codes"] == [NUMBER]
    check = json.loads(cli(lib, "check", case, "--json", check=None).stdout)
    assert not [f for f in check["findings"] if f["id"] == "tracking_mismatch"]
