"""`evidence-app redact ITEM --suggested`: the suggestions become ordinary redactions, burned into the export."""

import io

import pytest
from PIL import Image

from evidence_app.storage.library import Library
from tests.textimages import text_image, valid_id
from tests.trust.helpers import run_cli

LINES = ["运单号 SF1234567890123", "收件人:张三 13812345678", "身份证 " + valid_id(), "备注 138****5678 请放门口"]


@pytest.fixture
def setup(tmp_path, monkeypatch):
    data = tmp_path / "lib"
    readings = {}
    monkeypatch.setattr(Library, "reading", lambda self, sha256: readings.get(sha256), raising=False)
    with Library(data) as lib:
        case = lib.create_case("signed_not_received", "taobao", order_no="2025081600001")
        path, reading = text_image(tmp_path / "waybill.png", LINES)
        item = lib.add_file(case.id, path, "waybill_photo").item
    return data, case.id, item, reading, readings


def test_suggested_boxes_are_applied_once_and_burned_in(setup, capsys):
    data, case_id, item, reading, readings = setup
    readings[item.sha256] = reading
    code, out, err = run_cli(data, "redact", item.id, "--suggested", capsys=capsys)
    assert code == 0, err
    lines = out.splitlines()
    assert [line.split()[-1] for line in lines] == ["姓名", "手机号", "身份证号"]
    with Library(data) as lib:
        boxes = lib.item(item.id).redactions
    assert [f"{b.x},{b.y},{b.w},{b.h}" for b in boxes] == [line.split()[0] for line in lines]
    # the masked number is left alone; a second run finds nothing new and changes nothing
    code, out, err = run_cli(data, "redact", item.id, "--suggested", capsys=capsys)
    assert code == 0 and out == "" and "没有新的建议" in err
    with Library(data) as lib:
        assert lib.item(item.id).redactions == boxes
    # burned in: the exported picture is black where the phone number was
    target = data.parent / "b.pdf"
    code, out, err = run_cli(data, "export", case_id, "-o", target, capsys=capsys)
    assert code == 0, err
    from pypdf import PdfReader

    reader = PdfReader(target)
    page = next(p for p in reader.pages if p.images)
    picture = Image.open(io.BytesIO(page.images[0].data)).convert("L")
    scale = picture.width / reading.width
    phone = boxes[1]
    cx, cy = (phone.x + phone.w / 2) * scale, (phone.y + phone.h / 2) * scale
    assert picture.getpixel((int(cx), int(cy))) < 20
    assert all(picture.getpixel((int((phone.x + dx) * scale), int(cy))) < 20 for dx in range(2, phone.w - 2, 5))
    text = "".join(p.extract_text() for p in reader.pages)
    assert "13812345678" not in text and "SF1234567890123" in text


def test_without_a_reading_one_clear_line(setup, capsys, monkeypatch):
    data, _case_id, item, _reading, _readings = setup
    monkeypatch.setattr(Library, "reading_off", lambda self: False, raising=False)
    code, out, err = run_cli(data, "redact", item.id, "--suggested", capsys=capsys)
    assert code != 0 and out == "" and len(err.strip().splitlines()) == 1 and "还没有识别结果" in err
    monkeypatch.setattr(Library, "reading_off", lambda self: True, raising=False)
    code, out, err = run_cli(data, "redact", item.id, "--suggested", capsys=capsys)
    assert code != 0 and "识别功能未安装" in err
    code, out, err = run_cli(data, "redact", item.id, "--suggested", "--clear", capsys=capsys)
    assert code != 0 and len(err.strip().splitlines()) == 1
