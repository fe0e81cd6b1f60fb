"""The one accessor of an item's reading: boxes always in the item's own pixels, or nothing."""

from types import SimpleNamespace

from evidence_app.core.model import EvidenceItem
from evidence_app.reading.lookup import reading_of, reading_off
from evidence_app.reading.types import Code, Line, Reading


def _item(width=1000, height=2000):
    return EvidenceItem(id=1, case_id=1, position=0, kind="other", sha256="ab" * 32, size=1, original_name="x.png",
                        media_type="image/png", width=width, height=height)


def test_reading_of_asks_the_library_by_file_hash():
    reading = Reading("t", 1000, 2000, (Line("字", (1, 2, 3, 4)),))
    library = SimpleNamespace(reading=lambda sha: reading if sha == "ab" * 32 else None)
    assert reading_of(library, _item()) is reading
    assert reading_of(SimpleNamespace(), _item()) is None
    assert reading_of(SimpleNamespace(reading=lambda sha: None), _item()) is None


def test_a_reading_of_a_smaller_decode_is_scaled_and_a_wrong_shape_refused():
    half = Reading("t", 500, 1000, (Line("字", (10, 20, 30, 40)), Line("二", (10, 20, 30, 40), page=2)),
                   (Code("QRCode", "x", (0, 0, 50, 50)),))
    scaled = reading_of(SimpleNamespace(reading=lambda sha: half), _item())
    assert (scaled.width, scaled.height) == (1000, 2000)
    assert scaled.lines[0].box == (20, 40, 60, 80) and scaled.lines[1].box == (10, 20, 30, 40)
    assert scaled.codes[0].box == (0, 0, 100, 100)
    turned = Reading("t", 2000, 1000, (Line("字", (10, 20, 30, 40)),))
    assert reading_of(SimpleNamespace(reading=lambda sha: turned), _item()) is None


def test_reading_off_asks_the_library_first():
    assert reading_off(SimpleNamespace(reading_off=lambda: True)) is True
    assert reading_off(SimpleNamespace(reading_off=False)) is False
