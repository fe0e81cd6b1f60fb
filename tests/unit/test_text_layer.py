"""The invisible text layer over image exhibits: words searchable at their places, redacted and cropped-away text
absent, rotation and slicing mapped. Readings are made by hand (tests/textimages.py): no OCR engine needed."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from evidence_app.core.model import Redaction
from evidence_app.export import pages as P
from evidence_app.export import textlayer
from evidence_app.export.bundle import export_pdf
from evidence_app.imaging.prepare import SliceFrame
from evidence_app.reading.types import Code, Line, Reading
from tests.textimages import text_image

needs_poppler = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")

LINES = ["运单号 SF1234567890123", "收件人:张三 13812345678", "聊天记录:已经签收了谢谢,好评已给", "商品 ABC-42 蓝色 XL"]


@pytest.fixture
def case(lib):
    return lib.create_case("signed_not_received", "taobao", order_no="2025081600001")


def _use(lib, readings: dict[str, Reading]) -> None:
    """Stand in for the library's stored readings (per file hash)."""
    lib.reading = lambda sha256: readings.get(sha256)


def words(pdf: Path) -> list[list[tuple[str, float, float, float, float]]]:
    """Every page's words with their boxes (points from the top-left), as pdftotext -bbox gives them."""
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    result = []
    for page in out.split("<page ")[1:]:
        result.append([(m[4], float(m[0]), float(m[1]), float(m[2]), float(m[3])) for m in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', page)])
    return result


def _find(pages, text):
    return [(n, w) for n, page in enumerate(pages) for w in page if w[0] == text]


def _image_rect(width: int, height: int) -> tuple[float, float, float]:
    """Where the bundle draws a picture of this final size: left, top (from the page's top), points per pixel."""
    scale = min(P.SLOT_W / width, P.SLOT_H / height)
    return P.SLOT_X + (P.SLOT_W - width * scale) / 2, P.PAGE_H - P.SLOT_TOP, scale


@needs_poppler
def test_words_of_the_screenshot_are_in_the_bundle_at_their_places(lib, case, tmp_path):
    path, reading = text_image(tmp_path / "waybill.png", LINES,
                               codes=(Code("Code128", "SF1234567890123", (40, 500, 600, 620)),))
    item = lib.add_file(case.id, path, "waybill_photo").item
    _use(lib, {item.sha256: reading})
    out = tmp_path / "b.pdf"
    export_pdf(lib, case.id, out, workers=1)
    pages = words(out)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    for needle in ("SF1234567890123", "13812345678", "已经签收了谢谢", "ABC-42"):
        assert needle in text
    left, top, scale = _image_rect(900, 700)
    hits = [w for n, w in _find(pages, "SF1234567890123")]
    assert len(hits) == 2  # the OCR line and the barcode's text
    line = reading.lines[0]
    prefix = len("运单号 ")
    ocr_word = min(hits, key=lambda w: w[2])
    # the word starts after "运单号 " (estimated by character widths) and ends where the line ends
    assert abs(ocr_word[3] - (left + line.box[2] * scale)) < 6
    assert left + line.box[0] * scale < ocr_word[1] < left + line.box[2] * scale - 5 * prefix
    assert abs(ocr_word[2] - (top + line.box[1] * scale)) < 4
    assert abs(ocr_word[4] - (top + line.box[3] * scale)) < 4


@needs_poppler
def test_redacted_lines_contribute_no_text(lib, case, tmp_path):
    from evidence_app.reading.pii import suggest

    path, reading = text_image(tmp_path / "slip.png", LINES)
    item = lib.add_file(case.id, path, "waybill_photo").item
    _use(lib, {item.sha256: reading})
    lib.update_item(item.id, redactions=[s.redaction() for s in suggest(reading)])
    assert len(lib.item(item.id).redactions) == 2  # the name and the phone number
    out = tmp_path / "b.pdf"
    export_pdf(lib, case.id, out, workers=1)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "已经签收了谢谢" in text and "SF1234567890123" in text
    for secret in ("13812345678", "张三", "收件人", "138"):
        assert secret not in text


@needs_poppler
def test_rotation_and_crop_are_followed(lib, case, tmp_path):
    path, reading = text_image(tmp_path / "turned.png", LINES, size=(900, 700))
    item = lib.add_file(case.id, path, "chat_screenshot").item
    _use(lib, {item.sha256: reading})
    # keep the first three lines, cut "商品…" away, and the end of "聊天记录:…,好评已给" sideways
    third = reading.lines[2]
    cut_x = int(third.box[0] + 0.75 * (third.box[2] - third.box[0]))
    assert reading.lines[0].box[2] < cut_x and reading.lines[1].box[2] < cut_x
    lib.update_item(item.id, rotation=90, crop=Redaction(20, 20, cut_x - 20, int(third.box[3]) + 10 - 20))
    out = tmp_path / "b.pdf"
    export_pdf(lib, case.id, out, workers=1)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "SF1234567890123" in text and "ABC-42" not in text and "蓝色" not in text
    assert "聊天记录" in text and "评已给" not in text
    crop = lib.item(item.id).crop
    # rotated a quarter turn clockwise: the first line runs top to bottom near the right edge of the picture
    final_w, final_h = crop.h, crop.w
    left, top, scale = _image_rect(final_w, final_h)
    (_, word), = _find(words(out), "SF1234567890123")
    line = reading.lines[0]
    expected_x = left + (crop.h - (line.box[3] - crop.y)) * scale, left + (crop.h - (line.box[1] - crop.y)) * scale
    assert abs(word[1] - expected_x[0]) < 4 and abs(word[3] - expected_x[1]) < 4
    assert word[4] - word[2] > word[3] - word[1]  # vertical
    assert abs(word[4] - (top + (line.box[2] - crop.x) * scale)) < 6


@needs_poppler
def test_a_tall_screenshot_split_into_slices_has_each_line_once(lib, case, tmp_path):
    lines = [f"第{n:02d}条消息 订单 A{n:04d}" for n in range(60)]
    path, reading = text_image(tmp_path / "chat.png", lines, size=(900, 60 * 66 + 80))
    item = lib.add_file(case.id, path, "chat_screenshot").item
    _use(lib, {item.sha256: reading})
    out = tmp_path / "b.pdf"
    export_pdf(lib, case.id, out, workers=1)
    pages = words(out)
    found = [_find(pages, f"A{n:04d}") for n in range(60)]
    assert all(len(f) == 1 for f in found), [n for n, f in enumerate(found) if len(f) != 1]
    assert len({f[0][0] for f in found}) > 1  # on several pages, in order
    assert [f[0][0] for f in found] == sorted(f[0][0] for f in found)


def test_place_maps_every_rotation():
    reading = Reading("t", 200, 100, (Line("AB", (20, 10, 60, 30)),))
    frame = SliceFrame((0, 0, 200, 100), 0, 0, 100)
    (run,) = textlayer.place(reading, frame, [], (100, 100, 200, 100))
    assert (round(run.x), round(run.y), run.angle, round(run.size), round(run.length)) == (120, 170, 0, 20, 40)
    frame = SliceFrame((0, 0, 200, 100), 180, 0, 100)
    (run,) = textlayer.place(reading, frame, [], (100, 100, 200, 100))
    assert (round(run.x), round(run.y), run.angle) == (280, 130, 180)
    frame = SliceFrame((0, 0, 200, 100), 90, 0, 200)  # final picture 100 × 200, drawn 100 × 200 points
    (run,) = textlayer.place(reading, frame, [], (0, 0, 100, 200))
    assert (round(run.x), round(run.y), run.angle, round(run.length)) == (70, 180, 270, 40)
    frame = SliceFrame((0, 0, 200, 100), 270, 0, 200)
    (run,) = textlayer.place(reading, frame, [], (0, 0, 100, 200))
    assert (round(run.x), round(run.y), run.angle) == (30, 20, 90)


def test_a_barcode_cut_by_the_crop_gives_no_text():
    reading = Reading("t", 200, 100, codes=(Code("Code128", "SF1234567890", (20, 10, 180, 60)),))
    frame = SliceFrame((0, 0, 200, 100), 0, 0, 100)
    assert [r.text for r in textlayer.place(reading, frame, [], (0, 0, 200, 100))] == ["SF1234567890"]
    frame = SliceFrame((0, 0, 120, 100), 0, 0, 100)
    assert textlayer.place(reading, frame, [], (0, 0, 120, 100)) == []
    assert textlayer.place(reading, frame, [], (0, 0, 120, 100), codes=False) == []


def test_place_leaves_out_control_characters():
    reading = Reading("t", 200, 100, (Line("a\x00b\u200bc", (20, 10, 60, 30)), Line("\x07", (20, 50, 60, 70))))
    runs = textlayer.place(reading, SliceFrame((0, 0, 200, 100), 0, 0, 100), [], (0, 0, 200, 100))
    assert [r.text for r in runs] == ["abc"]


def test_place_drops_redacted_lines_and_keeps_other_pages_apart():
    reading = Reading("t", 200, 100, (Line("秘密", (20, 10, 60, 30)), Line("公开", (20, 50, 60, 70)),
                                      Line("第二页", (20, 10, 60, 30), page=2)))
    frame = SliceFrame((0, 0, 200, 100), 0, 0, 100)
    runs = textlayer.place(reading, frame, [Redaction(50, 25, 5, 5)], (0, 0, 200, 100))
    assert [r.text for r in runs] == ["公开"]
    runs = textlayer.place(reading, SliceFrame((0, 0, 200, 100), 0, 0, 100, page=2),
                           [Redaction(0, 0, 200, 100, page=1)], (0, 0, 200, 100))
    assert [r.text for r in runs] == ["第二页"]


def test_no_reading_no_text_layer(lib, case, tmp_path):
    from pypdf import PdfReader

    item = lib.add_file(case.id, text_image(tmp_path / "x.png", LINES)[0], "chat_screenshot").item
    assert item.id
    out = tmp_path / "b.pdf"
    export_pdf(lib, case.id, out, workers=1)
    assert "SF1234567890123" not in "".join(page.extract_text() for page in PdfReader(out).pages)


@needs_poppler
def test_a_photo_turned_by_its_exif_orientation(lib, case, tmp_path):
    from PIL import Image

    upright_path, reading = text_image(tmp_path / "upright.png", LINES, size=(900, 700))
    stored = tmp_path / "phone.jpg"
    with Image.open(upright_path) as upright:
        exif = Image.Exif()
        exif[0x0112] = 6  # stored lying on its side: turned a quarter clockwise to be upright
        upright.transpose(Image.Transpose.ROTATE_90).save(stored, "JPEG", quality=95, exif=exif.tobytes())
    item = lib.add_file(case.id, stored, "waybill_photo").item
    assert (item.width, item.height, item.orientation) == (900, 700, 6)
    _use(lib, {item.sha256: reading})
    out = tmp_path / "b.pdf"
    export_pdf(lib, case.id, out, workers=1)
    left, top, scale = _image_rect(900, 700)
    (_, word), = _find(words(out), "ABC-42")
    line = reading.lines[3]
    assert abs(word[2] - (top + line.box[1] * scale)) < 4 and abs(word[4] - (top + line.box[3] * scale)) < 4
    assert left + line.box[0] * scale < word[1] < word[3] < left + line.box[2] * scale
