"""Screenshots as plain PNGs: their rows go into the PDF as they are (no re-encoding), their metadata never does,
and anything that is not plain falls back to the usual path."""

import io
import random
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, PngImagePlugin
from pypdf import PdfReader

from evidence_app.export.bundle import export_pdf
from evidence_app.export.pages import slot_pixels
from evidence_app.export.model import PRINT
from evidence_app.imaging import pngplain
from evidence_app.imaging.prepare import ImageJob, prepare_image
from tests import factories


def chat(path, size=(1080, 2400), noise=False, mode="RGB", **save):
    img = Image.new("RGB", size, (237, 237, 237))
    draw = ImageDraw.Draw(img)
    for y in range(100, size[1] - 100, 140):
        draw.rounded_rectangle([40, y, size[0] // 2, y + 90], 18, fill=(158, 234, 106))
        draw.text((70, y + 30), f"message {y}", fill=(20, 20, 20))
    if noise:  # a photo-like screenshot: PNG is large, a JPEG wins
        rng = random.Random(3)
        img = Image.frombytes("RGB", size, bytes(rng.randrange(256) for _ in range(size[0] * size[1] * 3)))
    img.convert(mode).save(path, "PNG", **save)
    return path


def test_a_screenshot_goes_in_as_its_own_rows_without_its_metadata(lib, tmp_path):
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "SECRET-TEXT-CHUNK")
    info.add_itxt("XML:com.adobe.xmp", "SECRET-XMP")
    exif = Image.Exif()
    exif[0x010E] = "SECRET-EXIF-DESCRIPTION"
    src = chat(tmp_path / "chat.png", pnginfo=info, exif=exif.tobytes())
    src.write_bytes(src.read_bytes() + b"SECRET-AFTER-IEND")
    case = lib.create_case("signed_not_received")
    assert lib.add_file(case.id, src, "chat_screenshot").item
    out = tmp_path / "out.pdf"
    export_pdf(lib, case.id, out)
    raw = out.read_bytes()
    assert b"SECRET" not in raw
    reader = PdfReader(out)
    (image,) = [img for page in reader.pages for img in page.images]
    stream = image.indirect_reference.get_object()
    assert stream["/DecodeParms"]["/Predictor"] == 15 and stream["/Width"] == 1080  # own pixels, copied rows
    with Image.open(src) as original:
        expected = original.convert("RGB").tobytes()
    assert image.image.convert("RGB").tobytes() == expected  # pixel for pixel, as pypdf decodes it
    import pypdfium2 as pdfium  # and as PDFium does (strict like poppler: a /Filter array with a lone
    #                             /DecodeParms dictionary was drawn as dark sheared rows by both, fine by pypdf)

    document = pdfium.PdfDocument(out)
    try:
        page = document[[n for n, p in enumerate(reader.pages) if p.images][0]]
        (drawn,) = page.get_objects(filter=[pdfium.raw.FPDF_PAGEOBJ_IMAGE])
        bitmap = drawn.get_bitmap(render=False)
        decoded = bitmap.to_pil().convert("RGB").tobytes()
        bitmap.close()
        page.close()
    finally:
        document.close()
    assert decoded == expected
    idat = pngplain.read_plain(src.read_bytes()).idat
    assert stream._data == idat  # the very bytes of the PNG's IDAT chunks


def test_plain_png_rules(tmp_path):
    plain = chat(tmp_path / "a.png", size=(60, 40)).read_bytes()
    assert pngplain.read_plain(plain).colors == 3
    assert pngplain.read_plain(chat(tmp_path / "g.png", size=(60, 40), mode="L").read_bytes()).colors == 1
    for mode in ("P", "RGBA", "LA", "I;16"):
        assert pngplain.read_plain(chat(tmp_path / f"{mode[0]}.png", size=(60, 40), mode=mode).read_bytes()) is None
    header = plain[8:33]  # Pillow cannot write an interlaced PNG: set the IHDR flag (and its CRC) by hand
    laced = plain[:8] + header[:4 + 4 + 12] + b"\x01" + struct.pack(">I", zlib.crc32(header[4:-5] + b"\x01")) \
        + plain[33:]
    assert pngplain.read_plain(laced) is None
    broken = bytearray(plain)
    broken[60] ^= 0xFF  # inside the IDAT data: its CRC no longer matches
    assert pngplain.read_plain(bytes(broken)) is None
    assert pngplain.read_plain(plain[:-12]) is None  # no IEND
    assert pngplain.read_plain(b"GIF89a" + plain[6:]) is None
    stripped = pngplain.strip(plain + b"tail")
    assert stripped.endswith(b"IEND\xaeB`\x82")
    assert Image.open(io.BytesIO(stripped)).tobytes() == Image.open(io.BytesIO(plain)).tobytes()


@pytest.mark.parametrize("noise", [False, True])
def test_the_smaller_of_the_png_and_a_jpeg(tmp_path, noise):
    src = chat(tmp_path / "s.png", size=(400, 900), noise=noise)
    box_w, box_h = slot_pixels(PRINT.dpi)
    (out,) = prepare_image(ImageJob(str(src), "image/png", str(tmp_path / "o"), box_w, box_h, 80)).slices
    assert out.format == ("JPEG" if noise else "PNG") and (out.width, out.height) == (400, 900)
    assert tmp_path.joinpath("o.png").exists() != noise and tmp_path.joinpath("o.jpg").exists() == noise


def test_a_screenshot_shrunk_by_more_than_a_quarter_is_resampled_and_one_by_less_keeps_its_pixels(tmp_path):
    box_w, box_h = slot_pixels(PRINT.dpi)
    near = chat(tmp_path / "near.png", size=(1080, int(box_h / 0.8)))  # 0.8 of its size would fit
    far = chat(tmp_path / "far.png", size=(1080 * 2, int(box_h * 2)))  # 0.5
    (a,) = prepare_image(ImageJob(str(near), "image/png", str(tmp_path / "a"), box_w, box_h, 80)).slices
    (b,) = prepare_image(ImageJob(str(far), "image/png", str(tmp_path / "b"), box_w, box_h, 80)).slices
    assert (a.width, a.height) == (1080, int(box_h / 0.8))
    assert b.height == box_h


def test_bytes_hidden_in_the_compressed_rows_never_pass(tmp_path):
    """CRCs can be right around data that is not just the rows: after the end of the zlib stream, as extra rows,
    a broken stream. Such a PNG is not copied; it is decoded and encoded again like any other picture."""

    def png_with(idat: bytes, size=(8, 4)) -> bytes:
        header = struct.pack(">IIBBBBB", size[0], size[1], 8, 2, 0, 0, 0)

        def chunk(kind, body):
            return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

        return pngplain.SIGNATURE + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")

    rows = b"".join(b"\x00" + bytes(range(24)) for _ in range(4))
    assert pngplain.read_plain(png_with(zlib.compress(rows))) is not None
    assert pngplain.read_plain(png_with(zlib.compress(rows) + b"SECRET-IN-IDAT")) is None
    assert pngplain.read_plain(png_with(zlib.compress(rows + b"\x00" + b"SECRET" * 4))) is None  # an extra row
    assert pngplain.read_plain(png_with(zlib.compress(rows)[:-6])) is None  # cut short
    assert pngplain.read_plain(png_with(zlib.compress(b"\x07" + rows[1:]))) is None  # no such filter
    assert pngplain.strip(png_with(zlib.compress(rows) + b"SECRET-IN-IDAT")) is None
    hidden = tmp_path / "h.png"
    hidden.write_bytes(png_with(zlib.compress(rows) + b"SECRET-IN-IDAT"))
    box_w, box_h = slot_pixels(PRINT.dpi)
    (out,) = prepare_image(ImageJob(str(hidden), "image/png", str(tmp_path / "o"), box_w, box_h, 80)).slices
    assert b"SECRET" not in Path(out.path).read_bytes()


def _hidden_rows_png(path, size=(400, 900)):
    """A PNG whose CRCs are right but whose IDAT data has bytes after the compressed rows."""
    rows = b"".join(b"\x00" + bytes(3 * size[0]) for _ in range(size[1]))
    header = struct.pack(">IIBBBBB", size[0], size[1], 8, 2, 0, 0, 0)

    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    path.write_bytes(pngplain.SIGNATURE + chunk(b"IHDR", header)
                     + chunk(b"IDAT", zlib.compress(rows) + b"SECRET-IN-IDAT") + chunk(b"IEND", b""))
    return path


def test_rows_are_checked_once_when_added_and_not_again_at_export(lib, tmp_path, monkeypatch):
    """Adding a plain PNG checks its rows and records it (with the version of the checks); the export passes its
    rows through without inflating them again, to the same bytes. A PNG with bytes hidden in its rows is not
    recorded, and its export still finds them; a record of older checks is not trusted."""
    plain = chat(tmp_path / "plain.png", size=(400, 900))
    hidden = _hidden_rows_png(tmp_path / "hidden.png")
    case = lib.create_case("signed_not_received")
    a = lib.add_file(case.id, plain, "chat_screenshot").item
    b = lib.add_file(case.id, hidden, "chat_screenshot").item
    assert lib.png_rows_checked(a.sha256) and not lib.png_rows_checked(b.sha256)

    inflated = []
    real = pngplain._rows_only
    monkeypatch.setattr(pngplain, "_rows_only", lambda png: inflated.append(png.width) or real(png))
    export_pdf(lib, case.id, tmp_path / "once.pdf", workers=1)
    assert inflated == [400]  # the hidden one only, found out again
    raw = (tmp_path / "once.pdf").read_bytes()
    assert b"SECRET" not in raw
    with lib.db.transaction() as conn:  # checks of an older version: the export checks the rows itself
        conn.execute("UPDATE plain_pngs SET checks = ?", (pngplain.CHECKS - 1,))
    assert not lib.png_rows_checked(a.sha256)
    inflated.clear()
    export_pdf(lib, case.id, tmp_path / "again.pdf", workers=1)
    assert inflated == [400, 400]
    assert factories.pdf_image_streams(tmp_path / "once.pdf") == factories.pdf_image_streams(tmp_path / "again.pdf")
    lib.trash_item(a.id)
    lib.empty_trash()
    assert lib.db.query("SELECT count(*) FROM plain_pngs")[0][0] == 0


def test_bytes_other_than_the_recorded_ones_are_checked(tmp_path):
    """The record names the file's hash: a worker that reads other bytes (the stored file changed, and perhaps
    changed back before the export's own hash check) checks their rows itself."""
    import hashlib

    good = chat(tmp_path / "good.png", size=(400, 900))
    bad = _hidden_rows_png(tmp_path / "bad.png")
    box_w, box_h = slot_pixels(PRINT.dpi)
    recorded = hashlib.sha256(good.read_bytes()).hexdigest()
    made = {}
    for source, stem in ((good, "g"), (bad, "b")):
        (out,) = prepare_image(ImageJob(str(source), "image/png", str(tmp_path / stem), box_w, box_h, 80,
                                        rows_sha256=recorded)).slices
        made[stem] = Path(out.path).read_bytes()
        assert b"SECRET" not in made[stem]
    assert made["g"] == pngplain.strip(good.read_bytes(), check_rows=False)  # the recorded bytes: their own rows
    # other bytes: checked, found hiding something, decoded and encoded again
    assert made["b"] != pngplain.strip(bad.read_bytes(), check_rows=False)


def test_a_library_without_the_record_table_opens_read_only_and_exports(data_dir, tmp_path, monkeypatch):
    """The record is a cache, not a migration: a library from before it (or that could not create it) opens for
    reading on a full disk and exports, and the previous version of the app still opens a library that has it."""
    import sqlite3

    from evidence_app.storage import db
    from evidence_app.storage.library import Library

    with Library(data_dir) as lib:
        case = lib.create_case("signed_not_received")
        item = lib.add_file(case.id, chat(tmp_path / "c.png", size=(400, 900)), "chat_screenshot").item
        with lib.db.transaction() as conn:
            conn.execute("DROP TABLE plain_pngs")
        assert lib.db.query("PRAGMA user_version")[0][0] == len(db.MIGRATIONS)  # no numbered migration for it

    def full_disk(path):
        raise sqlite3.OperationalError("disk I/O error")

    with monkeypatch.context() as patch:
        patch.setattr(db, "connect", full_disk)
        with Library(data_dir) as lib:
            assert lib.db.read_only
            assert not lib.png_rows_checked(item.sha256)
            export_pdf(lib, case.id, tmp_path / "read_only.pdf", workers=1)
    assert (tmp_path / "read_only.pdf").stat().st_size > 0
    with Library(data_dir) as lib:  # opened for writing again: the table is back, empty
        assert lib.db.query("SELECT count(*) FROM plain_pngs")[0][0] == 0
