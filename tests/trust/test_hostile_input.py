"""Issue 10: stored files re-checked (9); one bad file never aborts a batch, odd modes export (10); a full disk
(12); multi-page TIFF (13). Each failure is one line and touches nothing saved."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from evidence_app.export.bundle import export_pdf
from evidence_app.export.model import ExportError
from evidence_app.storage.archive import ArchiveError, export_case
from tests import factories
from tests.trust.helpers import run_cli


def _errors(err: str) -> list[str]:
    """stderr without export's "warning:" lines (issue 9: one line per gap in the case, printed before writing)."""
    return [line for line in err.strip().splitlines() if not line.startswith("warning: ")]


def _flip_a_byte(path: Path) -> None:
    os.chmod(path, 0o644)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))


def test_damaged_store_file_is_named_on_export_archive_and_verify(data_dir, tmp_path, capsys):
    run_cli(data_dir, "new", "--scenario", "signed_not_received", capsys=capsys)
    run_cli(data_dir, "add", "1", factories.photo(tmp_path / "a.jpg"), factories.photo(tmp_path / "slip.jpg",
            color=(1, 2, 3)), "--kind", "signature_slip", capsys=capsys)
    code, out, err = run_cli(data_dir, "verify", capsys=capsys)
    assert code == 0 and out.startswith("ok: 2 files of 2 items checked")
    from evidence_app.storage.library import Library

    with Library(data_dir) as lib:
        damaged = lib.items(1)[1]
        _flip_a_byte(lib.file_path(damaged))
    for args in (("export", "1", "-o", tmp_path / "b.pdf"), ("export", "1", "--images", tmp_path / "pack"),
                 ("archive", "1", "-o", tmp_path / "c.evpack")):
        code, out, err = run_cli(data_dir, *args, capsys=capsys)
        assert code == 2 and len(err.strip().splitlines()) == 1, err
        assert "证据 2" in err and "slip.jpg" in err and "damaged" in err
    assert not (tmp_path / "b.pdf").exists() and not (tmp_path / "c.evpack").exists()
    assert not (tmp_path / "pack").exists()
    code, out, err = run_cli(data_dir, "verify", "1", capsys=capsys)
    assert code == 1 and out.strip() == f"damaged: case 1 item {damaged.id} (slip.jpg): the stored file is damaged " \
                                        "(its SHA-256 no longer matches)"
    assert "FAILED: 2 files of 2 items checked, 1 with problems" in err
    with Library(data_dir) as lib:
        lib.file_path(damaged).unlink()
    code, out, err = run_cli(data_dir, "verify", capsys=capsys)
    assert code == 1 and out.startswith("missing: case 1 item")


def test_export_without_the_damaged_exhibit(lib, tmp_path):
    case = lib.create_case("signed_not_received", "taobao")
    good = lib.add_file(case.id, factories.photo(tmp_path / "a.jpg"), "signature_slip").item
    bad = lib.add_file(case.id, factories.photo(tmp_path / "b.jpg", color=(0, 0, 9)), "item_photo").item
    _flip_a_byte(lib.file_path(bad))
    with pytest.raises(ExportError) as err:
        export_pdf(lib, case.id, tmp_path / "x.pdf")
    assert err.value.item_id == bad.id
    result = export_pdf(lib, case.id, tmp_path / "x.pdf", skip={bad.id})
    assert result.pages == 4 and len(PdfReader(result.path).outline) >= 1
    assert good.sha256[:32] in "".join(p.extract_text() for p in PdfReader(result.path).pages)


def test_one_bad_file_never_aborts_a_batch(data_dir, tmp_path, capsys, monkeypatch):
    import evidence_app.imaging.probe as probe

    folder = tmp_path / "in"
    folder.mkdir()
    factories.photo(folder / "1_good.jpg")
    (folder / "2_bad.dds").write_bytes(b"DDS " + b"\0" * 200)
    factories.photo(folder / "3_good.jpg", color=(5, 5, 5))
    real_open = probe.Image.open

    def hostile_open(path, *args, **kwargs):  # a decoder raising what no one expects, as Pillow's DDS did
        if str(path).endswith(".dds") or Path(str(path)).read_bytes()[:4] == b"DDS ":
            raise NotImplementedError("Unimplemented pixel format")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(probe.Image, "open", hostile_open)
    run_cli(data_dir, "new", "--scenario", "signed_not_received", capsys=capsys)
    code, out, err = run_cli(data_dir, "add", "1", folder, "--kind", "item_photo", capsys=capsys)
    assert code == 2 and len(out.split()) == 2
    assert err.count("\n") == 1 and "2_bad.dds" in err


def test_every_pillow_mode_converts_for_export():
    from evidence_app.imaging.modes import to_rgb

    for mode in ("1", "L", "P", "RGB", "RGBA", "CMYK", "YCbCr", "LAB", "HSV", "I", "F", "LA", "PA", "RGBX", "RGBa",
                 "La", "I;16", "I;16L", "I;16B", "I;16N"):
        assert to_rgb(Image.new(mode, (4, 4))).mode in ("RGB", "L"), mode


@pytest.mark.parametrize("mode", ["I;16", "I;16B", "I", "F", "LA", "CMYK", "LAB", "1", "PA"])
def test_odd_image_modes_are_accepted_and_export(lib, tmp_path, mode):
    case = lib.create_case("signed_not_received", "taobao")
    path = tmp_path / "odd.tif"
    img = Image.linear_gradient("L").resize((300, 200))
    if mode.startswith("I;16"):
        img = img.convert("I").point(lambda v: v * 256).convert(mode) if mode == "I;16" else \
            Image.frombytes(mode, (300, 200), bytes(range(256)) * 468 + bytes(192))
    elif mode == "PA":
        img = img.convert("P").convert("PA")
    else:
        img = img.convert(mode) if mode not in ("LAB",) else img.convert("RGB").convert("LAB")
    try:
        img.save(path)
    except (OSError, ValueError, KeyError):
        img.save(path := tmp_path / "odd.png")
    result = lib.add_file(case.id, path, "item_photo")
    if result.refused:  # a mode Pillow cannot read back is refused at import, never at export
        return
    out = export_pdf(lib, case.id, tmp_path / "o.pdf")
    assert out.pages >= 4


def test_sixteen_bit_tiff_keeps_its_tones(lib, tmp_path):
    case = lib.create_case("signed_not_received", "taobao")
    path = tmp_path / "grey16.tif"
    Image.new("I;16", (64, 64), 32768).save(path)
    assert lib.add_file(case.id, path, "item_photo").item
    out = export_pdf(lib, case.id, tmp_path / "o.pdf")
    page = next(p for p in PdfReader(out.path).pages if p.images)
    from io import BytesIO

    with Image.open(BytesIO(page.images[0].data)) as img:
        assert 100 < img.convert("L").getpixel((32, 32)) < 160  # mid-grey, not clipped to white


def test_multipage_tiff_exports_every_page(lib, tmp_path):
    case = lib.create_case("signed_not_received", "taobao")
    path = tmp_path / "fax.tif"
    pages = [Image.new("RGB", (600, 800), color) for color in ((255, 0, 0), (0, 255, 0), (0, 0, 255))]
    pages[0].save(path, save_all=True, append_images=pages[1:])
    item = lib.add_file(case.id, path, "signature_slip").item
    assert item.page_count == 3
    out = export_pdf(lib, case.id, tmp_path / "o.pdf")
    reader = PdfReader(out.path)
    exhibit_pages = [p for p in reader.pages if p.images]
    assert len(exhibit_pages) == 3
    from io import BytesIO

    colours = [Image.open(BytesIO(p.images[0].data)).convert("RGB").getpixel((300, 400)) for p in exhibit_pages]
    assert [max(range(3), key=lambda n: c[n]) for c in colours] == [0, 1, 2]
    assert "第 3/3 部分" in reader.pages[exhibit_pages and 4].extract_text()


def test_disk_full_while_exporting_is_one_line(data_dir, tmp_path, capsys, monkeypatch):
    """Injected ENOSPC (the test cannot make a small file system everywhere): export and archive say so in
    one line and leave the previous files as they were."""
    import evidence_app.storage.atomic as atomic

    run_cli(data_dir, "new", "--scenario", "signed_not_received", capsys=capsys)
    run_cli(data_dir, "add", "1", factories.photo(tmp_path / "a.jpg"), "--kind", "item_photo", capsys=capsys)
    previous = tmp_path / "b.pdf"
    previous.write_bytes(b"the previous bundle")
    real_fsync = os.fsync

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", full)
    for args in (("export", "1", "-o", previous), ("archive", "1", "-o", tmp_path / "c.evpack")):
        code, out, err = run_cli(data_dir, *args, capsys=capsys)
        assert code == 2 and len(_errors(err)) == 1 and "No space left" in err, err
    monkeypatch.setattr(atomic.os, "fsync", real_fsync)
    assert previous.read_bytes() == b"the previous bundle"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".~")]


def _small_filesystem(tmp_path: Path) -> Path | None:
    """A 3 MB tmpfs, when this process may mount one (root in a container or VM); None otherwise."""
    if os.name != "posix" or os.geteuid() != 0 or not shutil.which("mount"):
        return None
    point = tmp_path / f"small-{uuid.uuid4().hex[:6]}"
    point.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(point)], capture_output=True).returncode:
        return None
    return point


def test_library_on_a_full_disk_reads_and_refuses_writes_in_one_line(tmp_path, capsys):
    point = _small_filesystem(tmp_path)
    if point is None:
        pytest.skip("cannot mount a small file system here")
    try:
        data_dir = point / "lib"
        run_cli(data_dir, "new", "--scenario", "signed_not_received", "--order", "77", capsys=capsys)
        run_cli(data_dir, "add", "1", factories.photo(tmp_path / "a.jpg"), "--kind", "item_photo", capsys=capsys)
        with open(point / "fill", "wb") as fill:
            try:
                while True:
                    fill.write(b"\0" * 65536)
                    fill.flush()
            except OSError:
                pass
        for args in (("list",), ("items", "1"), ("show", "1"), ("check", "1"), ("verify",)):
            code, out, err = run_cli(data_dir, *args, capsys=capsys)
            assert code in (0, 1) and "Traceback" not in err and out, (args, err)
        code, out, err = run_cli(data_dir, "export", "1", "-o", tmp_path / "ok.pdf", capsys=capsys)
        assert code == 0 and (tmp_path / "ok.pdf").is_file()  # reading the library still exports elsewhere
        for args in (("set", "1", "buyer=x"), ("export", "1", "-o", point / "out.pdf"),
                     ("export", "1", "--images", point / "pack"), ("archive", "1", "-o", point / "x.evpack"),
                     ("empty-trash",)):
            code, out, err = run_cli(data_dir, *args, capsys=capsys)
            assert code == 2 and len(_errors(err)) == 1, (args, err)
        code, out, err = run_cli(data_dir, "add", "1", factories.photo(tmp_path / "b.jpg", color=(9, 9, 9)),
                                 "--kind", "item_photo", capsys=capsys)
        assert code == 2 and len(_errors(err)) == 1
        assert not (point / "pack").exists() and not list(point.glob(".~*"))
        code, out, err = run_cli(data_dir, "items", "1", capsys=capsys)
        assert len(out.strip().splitlines()) == 1  # what was saved is intact
    finally:
        subprocess.run(["umount", str(point)], capture_output=True)


def test_long_text_is_refused_like_any_bad_value(lib):
    from evidence_app.storage.library import LibraryError

    with pytest.raises(LibraryError, match="too long"):
        lib.parse_field("statement", "长" * 30_000)
    assert lib.parse_field("statement", "长" * 2_000)[1]


def test_archive_refuses_a_missing_file_in_one_line(lib, tmp_path):
    case = lib.create_case("signed_not_received", "taobao")
    item = lib.add_file(case.id, factories.photo(tmp_path / "a.jpg"), "item_photo").item
    lib.file_path(item).unlink()
    with pytest.raises(ArchiveError, match="missing"):
        export_case(lib, case.id, tmp_path / "x.evpack")


def test_multipage_tiff_pages_are_redacted_each_on_their_own(data_dir, tmp_path, capsys):
    from io import BytesIO

    path = tmp_path / "fax.tif"
    pages = [Image.new("RGB", (600, 800), (255, 255, 255)) for _ in range(3)]
    pages[0].save(path, save_all=True, append_images=pages[1:])
    run_cli(data_dir, "new", "--scenario", "signed_not_received", capsys=capsys)
    item = run_cli(data_dir, "add", "1", path, "--kind", "signature_slip", capsys=capsys)[1].strip()
    assert run_cli(data_dir, "redact", item, "100,100,200,200", "--page", "2", capsys=capsys)[0] == 0
    assert run_cli(data_dir, "redact", item, "1,1,5,5", "--page", "4", capsys=capsys)[0] == 2
    assert run_cli(data_dir, "export", "1", "-o", tmp_path / "o.pdf", capsys=capsys)[0] == 0
    exhibit_pages = [p for p in PdfReader(tmp_path / "o.pdf").pages if p.images]
    images = [Image.open(BytesIO(p.images[0].data)).convert("L") for p in exhibit_pages]
    assert [img.getpixel((200, 200)) < 30 for img in images] == [False, True, False]
