"""Issue 10, leaks: nothing but the picture leaves in an export (items 1 and 4)."""

from __future__ import annotations

import os
import stat

from PIL import Image

from evidence_app.export.bundle import export_pdf
from evidence_app.imaging.jpegclean import rebuild_jpeg
from evidence_app.storage.archive import export_case
from tests import factories
from tests.trust.helpers import extracted_images, jpeg_segments, leaky_jpeg, needs_poppler


def _case(lib):
    return lib.create_case("signed_not_received", "taobao", order_no="9001")


@needs_poppler
def test_jpeg_pass_through_keeps_only_the_primary_image(lib, tmp_path):
    case = _case(lib)
    leaky, original = leaky_jpeg(tmp_path)
    assert lib.add_file(case.id, leaky, "signature_slip").item
    out = tmp_path / "bundle.pdf"
    export_pdf(lib, case.id, out)
    jpegs = [p for p in extracted_images(out, tmp_path / "x") if p.suffix == ".jpg"]
    assert len(jpegs) == 1
    data = jpegs[0].read_bytes()
    assert original not in data and data.endswith(b"\xff\xd9") and data.count(b"\xff\xd8") == 1
    for secret in (b"SECRET", b"Exif", b"GPS", b"acsp", b"JFXX", b"ICC_PROFILE"):
        assert secret not in data, secret
    markers = jpeg_segments(data)
    assert [m for m in markers if 0xE0 <= m <= 0xEF] in ([], [0xE0]) and 0xFE not in markers
    with Image.open(jpegs[0]) as img:  # still the same picture, passed through (no re-encode)
        assert img.size == (320, 240) and img.getexif() == {}
    assert len(data) < 10_000


@needs_poppler
def test_reencoded_image_has_no_comment_or_icc(lib, tmp_path):
    case = _case(lib)
    big = tmp_path / "big.jpg"
    Image.new("RGB", (3000, 2400), (10, 120, 30)).save(big, "JPEG", comment=b"SECRET-COMMENT",
                                                        icc_profile=b"\x00" * 128 + b"acspSECRET-ICC")
    png = tmp_path / "shot.png"
    Image.new("RGB", (500, 400), (200, 200, 200)).save(png, icc_profile=b"\x00" * 128 + b"acspSECRET-ICC")
    lib.add_file(case.id, big, "item_photo")
    lib.add_file(case.id, png, "chat_screenshot")
    out = tmp_path / "bundle.pdf"
    export_pdf(lib, case.id, out)
    assert b"SECRET" not in out.read_bytes()
    for path in extracted_images(out, tmp_path / "x"):
        data = path.read_bytes()
        assert b"SECRET" not in data, path
        if path.suffix == ".jpg":
            assert 0xFE not in jpeg_segments(data)


def test_rebuild_jpeg_is_decodable_and_drops_trailing_data(tmp_path):
    leaky, original = leaky_jpeg(tmp_path)
    data = rebuild_jpeg(leaky.read_bytes())
    assert original not in data
    (tmp_path / "clean.jpg").write_bytes(data)
    with Image.open(tmp_path / "clean.jpg") as img:
        img.load()
        assert img.size == (320, 240)
    progressive = tmp_path / "p.jpg"
    Image.effect_noise((300, 200), 50).convert("RGB").save(progressive, "JPEG", progressive=True)
    again = rebuild_jpeg(progressive.read_bytes() + b"trailing")
    assert again.endswith(b"\xff\xd9") and b"trailing" not in again
    (tmp_path / "p2.jpg").write_bytes(again)
    with Image.open(tmp_path / "p2.jpg") as a, Image.open(progressive) as b:
        assert a.tobytes() == b.tobytes()


def test_exported_files_follow_the_umask(lib, tmp_path):
    case = _case(lib)
    lib.add_file(case.id, factories.photo(tmp_path / "a.jpg"), "item_photo")
    old = os.umask(0o022)
    try:
        pdf = export_pdf(lib, case.id, tmp_path / "out.pdf").path
        archive = export_case(lib, case.id, tmp_path / "case.evpack")
        from evidence_app.export.upload import export_images

        pack = export_images(lib, case.id, tmp_path / "pack")
    finally:
        os.umask(old)
    if os.name == "posix":
        for path in (pdf, archive, *pack.files):
            assert stat.S_IMODE(path.stat().st_mode) == 0o644, path
        assert stat.S_IMODE(pack.files[0].parent.stat().st_mode) == 0o755
