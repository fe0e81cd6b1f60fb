"""Reading the evidence (issue 11): kind suggestion, tracking numbers from barcodes and from text, the mismatch and
capture-time findings, search by what the evidence says, the engines-missing path, the CLI contract.

OCR is slow on two cores: a few small drawn images, each read once per module (readings are memoised by file
content across the libraries of this module)."""

from __future__ import annotations

import hashlib
import json
import random
import sys
from datetime import datetime
from pathlib import Path

import pytest

from evidence_app.core.timeutil import parse_time
from evidence_app.reading import analyze, engine, samples
from evidence_app.reading.findings import reading_findings
from evidence_app.reading.types import Code, Line, Reading
from evidence_app.storage import readings
from evidence_app.storage.library import Library

needs_engines = pytest.mark.skipif(not (engine.has_ocr() and engine.has_barcodes()),
                                   reason="the read extra (rapidocr, zxing-cpp) is not installed")


@pytest.fixture(scope="module")
def images(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("evidence")
    rng = random.Random(7)
    made = {
        "waybill": samples.waybill(rng, "SF1234567890123"),
        "waybill_text": samples.waybill(rng, "YT9876543210987", barcode=False),
        "chat": samples.chat(rng, when="2025-08-20 10:15"),
    }
    out = {}
    for name, sample in made.items():
        img = sample.image
        img = img.resize((img.width * 3 // 4, img.height * 3 // 4))
        out[name] = folder / f"{name}.png"
        img.save(out[name])
    return out


@pytest.fixture(scope="module", autouse=True)
def memo_reading():
    """Each distinct file is OCR'd once for the whole module."""
    real = engine.read_file
    memo: dict[str, Reading] = {}

    def read_file(path, mime, frames=()):
        key = hashlib.sha256(Path(path).read_bytes()).hexdigest() + repr(tuple(frames))
        if key not in memo:
            memo[key] = real(path, mime, frames)
        return memo[key]

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(engine, "read_file", read_file)
        yield


@pytest.fixture(scope="module")
def read_lib(tmp_path_factory, images):
    library = Library(tmp_path_factory.mktemp("lib"))
    case = library.create_case("signed_not_received")
    ids = {}
    for name in ("waybill", "chat"):
        ids[name] = library.add_file(case.id, images[name], None).item.id
    other = library.create_case("signed_not_received")
    ids["waybill_text"] = library.add_file(other.id, images["waybill_text"], None).item.id
    if engine.available():
        readings.read_pending(library)
    yield library, case.id, other.id, ids
    library.close()


# --- with the engines ------------------------------------------------------------------------------------------

@needs_engines
def test_kinds_are_suggested_and_marked_as_guessed(read_lib):
    lib, case_id, other_id, ids = read_lib
    assert lib.item(ids["waybill"]).kind == "waybill_photo"
    assert lib.item(ids["chat"]).kind == "chat_screenshot"
    assert lib.item(ids["waybill_text"]).kind == "waybill_photo"
    assert all(lib.item(i).kind_suggested for i in ids.values())
    assert set(lib.read_statuses(lib.items(case_id)).values()) == {"done"}


@needs_engines
def test_tracking_number_from_the_barcode_fills_the_case(read_lib):
    lib, case_id, _other, ids = read_lib
    reading = lib.reading(lib.item(ids["waybill"]).sha256)
    assert reading is not None
    assert "SF1234567890123" in [code.text for code in reading.codes]
    assert analyze.tracking_number(reading) == ("SF1234567890123", "barcode")
    assert lib.case(case_id).tracking_no == "SF1234567890123"


@needs_engines
def test_tracking_number_from_text_only(read_lib):
    lib, _case, other_id, ids = read_lib
    reading = lib.reading(lib.item(ids["waybill_text"]).sha256)
    assert reading is not None and not reading.codes
    assert analyze.tracking_number(reading) == ("YT9876543210987", "text")
    assert lib.case(other_id).tracking_no == "YT9876543210987"


@needs_engines
def test_a_waybill_of_another_parcel_is_a_blocking_finding_naming_the_exhibit(read_lib):
    lib, case_id, _other, ids = read_lib
    assert not [f for f in lib.check(case_id).findings if f.id == "tracking_mismatch"]
    lib.update_case(case_id, tracking_no="SF9999999999999")
    try:
        result = lib.check(case_id)
        mismatch = [f for f in result.findings if f.id == "tracking_mismatch"]
        assert len(mismatch) == 1 and mismatch[0].blocking and not result.ready
        assert mismatch[0].figures["item"] == ids["waybill"] and mismatch[0].figures["exhibit"] == 1
        assert "证据1" in mismatch[0].message and "SF1234567890123" in mismatch[0].message
    finally:
        lib.update_case(case_id, tracking_no="SF1234567890123")


@needs_engines
def test_search_finds_cases_by_ocr_text_and_barcode(read_lib):
    lib, case_id, other_id, _ids = read_lib
    assert lib.search_cases("1234567890123") == [case_id]  # in the barcode (and the printed number)
    assert lib.search_cases("签收但我没收到") == [case_id]  # chat text, trigram index
    assert set(lib.search_cases("收件人")) == {case_id, other_id}
    assert lib.search_cases("没收到 收件人") == [case_id]  # every word, anywhere in the case (chat + waybill)
    assert lib.search_cases("9876543210987") == [other_id]
    assert lib.search_cases("这段文字哪里都没有") == []
    lib.update_case(other_id, buyer="王小二")
    assert lib.search_cases("小二") == [other_id]  # typed fields too, two characters work


@needs_engines
def test_the_agents_choice_is_kept_when_a_file_is_read_again(read_lib):
    lib, case_id, _other, ids = read_lib
    lib.update_item(ids["chat"], kind="other")
    assert not lib.item(ids["chat"]).kind_suggested
    readings.apply(lib, lib.item(ids["chat"]).sha256)
    assert lib.item(ids["chat"]).kind == "other"
    lib.update_item(ids["chat"], kind="chat_screenshot")


@needs_engines
def test_cli_add_without_kind_reads_at_once_when_output_is_not_a_terminal(tmp_path, images, capsys):
    from evidence_app.cli import main

    base = ["--data-dir", str(tmp_path / "lib")]
    assert main([*base, "new", "--scenario", "signed_not_received"]) == 0
    assert main([*base, "add", "1", str(images["waybill"]), str(images["chat"])]) == 0
    capsys.readouterr()
    assert main([*base, "items", "1", "--json"]) == 0
    items = json.loads(capsys.readouterr().out)
    assert [i["kind"] for i in items] == ["waybill_photo", "chat_screenshot"]
    assert all(i["kind_suggested"] is True and i["read"] == "done" for i in items)
    assert items[0]["codes"] == ["SF1234567890123"] and "收件人" in items[0]["text"]
    assert main([*base, "show", "1", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["tracking_no"] == "SF1234567890123"
    assert main([*base, "list", "--search", "收件人", "--json"]) == 0
    assert [c["id"] for c in json.loads(capsys.readouterr().out)] == [1]
    assert main([*base, "add", "1", str(images["waybill_text"]), "--kind", "item_photo"]) == 0
    capsys.readouterr()
    assert main([*base, "items", "1", "--json"]) == 0
    third = json.loads(capsys.readouterr().out)[2]
    assert third["kind"] == "item_photo" and third["kind_suggested"] is False and third["read"] == "done"
    assert main([*base, "reread", "1"]) == 0


# --- without the engines ---------------------------------------------------------------------------------------

@pytest.fixture
def no_engines(monkeypatch):
    for module in ("rapidocr", "onnxruntime", "zxingcpp"):
        monkeypatch.setitem(sys.modules, module, None)  # import raises ImportError
    engine.reset()
    yield
    monkeypatch.undo()
    engine.reset()


def test_without_engines_reading_is_off_and_everything_else_works(no_engines, tmp_path, images, capsys):
    from evidence_app.cli import main

    assert not engine.available()
    from PIL import Image

    with pytest.raises(engine.ReadingOff):
        engine.read_image(Image.new("RGB", (10, 10)))
    base = ["--data-dir", str(tmp_path / "lib")]
    assert main([*base, "new", "--scenario", "signed_not_received"]) == 0
    assert main([*base, "add", "1", str(images["chat"])]) == 0
    capsys.readouterr()
    assert main([*base, "items", "1", "--json"]) == 0
    [item] = json.loads(capsys.readouterr().out)
    assert item["read"] == "off" and item["text"] == "" and item["codes"] == []
    assert item["kind"] == "chat_screenshot" and item["kind_suggested"] is True  # from its phone-screen shape
    assert main([*base, "check", "1", "--json"]) in (0, 1)
    assert main([*base, "reread", "1"]) == 2
    assert "识别" in capsys.readouterr().err
    with Library(tmp_path / "lib") as lib:
        assert lib.reading(lib.items(1)[0].sha256) is None
        assert readings.read_pending(lib) == 0


# --- rules on hand-made readings (no engine needed) ------------------------------------------------------------

def _reading(*texts: str, codes: tuple[Code, ...] = (), width: int = 1000, height: int = 1400) -> Reading:
    lines = tuple(Line(t, (10.0, 40.0 * i, 500.0, 40.0 * i + 30)) for i, t in enumerate(texts))
    return Reading("test", width, height, lines, codes)


def test_tracking_number_rules():
    assert analyze.tracking_number(_reading("快递单号：JT0012345678901")) == ("JT0012345678901", "text")
    assert analyze.tracking_number(_reading("收件人 13812345678", "运单号 13812345678")) is None  # a phone number
    code = Code("Code128", "75123456789012", (0, 0, 10, 10))
    assert analyze.tracking_number(_reading("运单号:SF1", codes=(code,))) == ("75123456789012", "barcode")
    qr = Code("QRCode", "https://example.com/x", (0, 0, 10, 10))
    assert analyze.tracking_number(_reading("无", codes=(qr,))) is None


def test_dates_are_read_in_the_usual_chinese_forms():
    found = analyze.dates(_reading("2025-08-16 17:05", "2025年8月17日 09:30", "2025/08/18", "8-19 10:00"))
    assert found == [datetime(2025, 8, 16, 17, 5), datetime(2025, 8, 17, 9, 30), datetime(2025, 8, 18, 12, 0)]


def test_capture_time_findings(lib):
    tz = lib.tz
    case = lib.create_case("signed_not_received", paid_at=parse_time("2025-08-10 10:00", tz),
                           pickup_at=parse_time("2025-08-11 09:00", tz), refund_at=parse_time("2025-08-15 12:00", tz))
    from evidence_app.core.model import EvidenceItem

    chat = EvidenceItem(id=5, case_id=case.id, position=1, kind="chat_screenshot", sha256="a" * 64, size=1,
                        original_name="c.png", media_type="image/png")
    packing = EvidenceItem(id=6, case_id=case.id, position=2, kind="packing_record", sha256="b" * 64, size=1,
                           original_name="p.jpg", media_type="image/jpeg", captured_at="2025-08-12T08:00:00")
    found = reading_findings(case, [chat, packing], {"a" * 64: _reading("2025-08-16 17:05 你好")}, "zh_CN", tz)
    assert [(f.id, f.status, f.figures["exhibit"], f.blocking) for f in found] == [
        ("capture_time", "chat_after_refund", 1, False), ("capture_time", "packing_after_pickup", 2, False)]
    assert "证据1" in found[0].message and "证据2" in found[1].message


def test_reading_survives_json():
    reading = Reading("e", 10, 20, (Line("x", (1, 2, 3, 4), 0.9, 1),), (Code("QRCode", "q", (0, 0, 1, 1)),),
                      ("red_stamp",))
    assert Reading.from_json(reading.to_json()) == reading


@needs_engines
def test_a_pdf_with_text_is_read_from_its_own_text_layer(tmp_path):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    from evidence_app.paths import resources_dir

    pdfmetrics.registerFont(TTFont("WQY", str(resources_dir() / "fonts" / "wqy-microhei.ttc"), subfontIndex=0))
    path = tmp_path / "invoice.pdf"
    pdf = canvas.Canvas(str(path), pagesize=(600, 800))
    pdf.setFont("WQY", 16)
    pdf.drawString(72, 700, "增值税普通发票 发票代码 0123456789")
    pdf.drawString(72, 670, "价税合计 ¥188.00 开票日期 2025年08月16日")
    pdf.showPage()
    pdf.save()
    reading = engine.read_file(path, "application/pdf")
    assert (reading.width, reading.height) == (600, 800)
    first = reading.lines[0]
    assert "发票代码" in first.text and first.score == 1.0 and 80 < first.box[1] < 100  # points from the top
    assert analyze.suggest(reading).kind == "commercial_invoice"
