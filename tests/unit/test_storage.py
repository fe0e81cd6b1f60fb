import errno
import sqlite3

import pytest
from PIL import Image

from evidence_app.core.model import Redaction
from evidence_app.storage.filestore import sha256_file
from evidence_app.storage.library import Library, LibraryError
from tests import factories


@pytest.fixture
def case(lib):
    return lib.create_case("signed_not_received", "taobao", order_no="1001", buyer="小王")


def test_add_copies_hashes_and_records_metadata(lib, case, tmp_path):
    src = factories.photo(tmp_path / "签收 底单 (1).jpg", size=(640, 480), orientation=6,
                          captured="2025:08:16 17:05:00")
    result = lib.add_file(case.id, src, "signature_slip", "本人签收")
    item = result.item
    assert item and result.refused is None
    stored = lib.file_path(item)
    assert stored.read_bytes() == src.read_bytes()
    assert item.sha256 == sha256_file(src)[0] and stored.name == item.sha256
    assert item.original_name == "签收 底单 (1).jpg" and item.media_type == "image/jpeg"
    assert (item.width, item.height) == (480, 640)  # upright size after EXIF orientation 6
    assert item.orientation == 6
    assert item.captured_at == "2025-08-16T17:05:00"
    assert item.caption == "本人签收" and item.position == 1


def test_duplicate_is_reported_not_stored_twice(lib, case, tmp_path):
    src = factories.photo(tmp_path / "a.jpg")
    first = lib.add_file(case.id, src, "signature_slip").item
    copy = tmp_path / "copy of a.jpg"
    copy.write_bytes(src.read_bytes())
    again = lib.add_file(case.id, copy, "item_photo")
    assert again.duplicate_of == first.id and again.item is None
    assert len(lib.items(case.id)) == 1
    assert len(lib.store.all_hashes()) == 1
    # the same file in another case is a new item sharing the stored file
    other = lib.create_case("agreement_dispute")
    assert lib.add_file(other.id, src, "chat_screenshot").item is not None
    assert len(lib.store.all_hashes()) == 1


@pytest.mark.parametrize("fmt, media", [("PNG", "image/png"), ("WEBP", "image/webp"), ("GIF", "image/gif"),
                                        ("BMP", "image/bmp"), ("TIFF", "image/tiff")])
def test_accepted_image_formats(lib, case, tmp_path, fmt, media):
    src = tmp_path / f"shot.{fmt.lower()}"
    Image.new("RGB", (320, 200), (10, 200, 30)).save(src, fmt)
    item = lib.add_file(case.id, src, "chat_screenshot").item
    assert item and item.media_type == media and (item.width, item.height) == (320, 200)


def test_animated_gif_first_frame(lib, case, tmp_path):
    src = tmp_path / "anim.gif"
    frames = [Image.new("RGB", (50, 40), c) for c in ("red", "green", "blue")]
    frames[0].save(src, save_all=True, append_images=frames[1:])
    assert lib.add_file(case.id, src, "other").item.media_type == "image/gif"


def test_heic(lib, case, tmp_path):
    pillow_heif = pytest.importorskip("pillow_heif")
    if not pillow_heif.libheif_info().get("encoders", {}).get("HEVC") and \
            "HEIF" not in str(pillow_heif.libheif_info()):
        pytest.skip("this pillow-heif build cannot encode HEIC")
    pillow_heif.register_heif_opener()
    src = tmp_path / "IMG_0001.HEIC"
    Image.new("RGB", (128, 96), (120, 30, 30)).save(src, "HEIF")
    item = lib.add_file(case.id, src, "item_photo").item
    assert item.media_type == "image/heif" and (item.width, item.height) == (128, 96)


def test_pdf_pages(lib, case, tmp_path):
    item = lib.add_file(case.id, factories.pdf(tmp_path / "红章证明.pdf", pages=3), "carrier_stamped_proof").item
    assert item.media_type == "application/pdf" and item.page_count == 3


def test_pdf_encrypted_with_empty_password_is_accepted(lib, case, tmp_path):
    item = lib.add_file(case.id, factories.pdf(tmp_path / "open.pdf", password=""), "other").item
    assert item and item.page_count == 2


@pytest.mark.parametrize("make, code", [
    (lambda p: p.write_bytes(b""), "empty"),
    (lambda p: p.write_text("hello, not a picture", encoding="utf-8"), "type"),
    (lambda p: p.write_bytes(b"PK\x03\x04" + b"\x00" * 100), "type"),
    (factories.truncated_jpeg, "corrupt_image"),
    (factories.bomb_png, "bomb"),
    (lambda p: factories.pdf(p, password="secret"), "encrypted_pdf"),
    (lambda p: p.write_bytes(b"%PDF-1.7\n1 0 obj garbage\n"), "corrupt_pdf"),
])
def test_refused_files_leave_the_case_unchanged(lib, case, tmp_path, make, code):
    keep = lib.add_file(case.id, factories.photo(tmp_path / "keep.jpg"), "signature_slip").item
    bad = tmp_path / "bad file.jpg"
    make(bad)
    before = set(lib.store.all_hashes())
    result = lib.add_file(case.id, bad, "signature_slip")
    assert result.item is None and result.refused is not None
    assert result.refused.code == code
    message = result.refused.message("zh_CN")
    assert message and "\n" not in message
    assert [i.id for i in lib.items(case.id)] == [keep.id]
    assert lib.store.all_hashes() == before
    assert lib.file_path(keep).is_file()


def test_missing_file_and_folder(lib, case, tmp_path):
    assert lib.add_file(case.id, tmp_path / "nope.jpg", "other").refused.code == "missing"
    assert lib.add_file(case.id, tmp_path, "other").refused.code == "not_file"


def test_size_limit(lib, case, tmp_path):
    lib.set_setting("max_file_mb", "1")
    big = factories.photo(tmp_path / "big.jpg", size=(3000, 3000), quality=100)
    Image.effect_noise((1500, 1500), 80).convert("RGB").save(big, "JPEG", quality=100)
    assert big.stat().st_size > 1_000_000
    result = lib.add_file(case.id, big, "item_photo")
    assert result.refused.code == "too_large" and "上限 1 MB" in result.refused.message()


def test_disk_full_is_a_clear_refusal(lib, case, tmp_path, monkeypatch):
    good = lib.add_file(case.id, factories.photo(tmp_path / "a.jpg"), "other").item

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(lib.store, "stage", full)
    result = lib.add_file(case.id, factories.photo(tmp_path / "b.jpg", color=(1, 2, 3)), "other")
    assert result.refused.code == "disk" and "No space left" in result.refused.message("en")
    assert [i.id for i in lib.items(case.id)] == [good.id]


def test_unknown_kind_and_case(lib, case, tmp_path):
    with pytest.raises(LibraryError, match="unknown evidence kind"):
        lib.add_file(case.id, factories.photo(tmp_path / "a.jpg"), "selfie")
    with pytest.raises(LibraryError, match="no case 999"):
        lib.add_file(999, factories.photo(tmp_path / "a.jpg"), "other")


def test_trash_restore_and_empty(lib, case, tmp_path):
    a = lib.add_file(case.id, factories.photo(tmp_path / "a.jpg"), "chat_screenshot").item
    b = lib.add_file(case.id, factories.photo(tmp_path / "b.jpg", color=(0, 0, 255)), "chat_screenshot").item
    lib.trash_item(a.id)
    assert [i.id for i in lib.items(case.id)] == [b.id]
    assert lib.file_path(a).is_file()  # still restorable
    lib.restore_item(a.id)
    assert [i.id for i in lib.items(case.id)] == [a.id, b.id]
    lib.trash_item(b.id)
    assert lib.empty_trash() == 1
    assert not lib.file_path(b).exists() and lib.file_path(a).exists()
    with pytest.raises(LibraryError):
        lib.restore_item(b.id)


def test_trash_case(lib, case, tmp_path):
    lib.add_file(case.id, factories.photo(tmp_path / "a.jpg"), "chat_screenshot")
    lib.trash_case(case.id)
    assert lib.cases() == [] and [c.id for c in lib.cases(only_deleted=True)] == [case.id]
    with pytest.raises(LibraryError, match="trash"):
        lib.case(case.id)
    lib.restore_case(case.id)
    assert len(lib.items(case.id)) == 1
    lib.trash_case(case.id)
    lib.empty_trash()
    assert lib.store.all_hashes() == set()


def test_reorder_and_edits(lib, case, tmp_path):
    ids = [lib.add_file(case.id, factories.photo(tmp_path / f"{n}.jpg", color=(n * 40, 0, 0)), "item_photo").item.id
           for n in range(4)]
    lib.move_item(ids[3], 0)
    assert [i.id for i in lib.items(case.id)] == [ids[3], ids[0], ids[1], ids[2]]
    item = lib.update_item(ids[0], kind="packing_record", caption="打包", rotation=90,
                           redactions=[Redaction(1, 2, 30, 40)], crop=Redaction(0, 0, 100, 100))
    assert (item.kind, item.caption, item.rotation) == ("packing_record", "打包", 90)
    assert item.redactions == [Redaction(1, 2, 30, 40)] and item.crop == Redaction(0, 0, 100, 100)
    assert lib.update_item(ids[0], crop=None).crop is None
    with pytest.raises(LibraryError):
        lib.update_item(ids[0], redactions=[Redaction(5000, 5000, 10, 10)])
    with pytest.raises(LibraryError):
        lib.reorder(case.id, ids[:2])


def test_database_settings(lib):
    conn = lib.db.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA user_version").fetchone()[0] >= 1


def test_reopen_keeps_everything(data_dir, tmp_path):
    with Library(data_dir) as first:
        case = first.create_case("late_shipment", "tmall", order_no="X1")
        first.add_file(case.id, factories.photo(tmp_path / "a.jpg"), "tracking_screenshot")
    with Library(data_dir) as second:
        assert second.case(case.id).order_no == "X1" and len(second.items(case.id)) == 1


def test_newer_schema_is_refused(data_dir):
    Library(data_dir).close()
    conn = sqlite3.connect(data_dir / "library.sqlite3")
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(RuntimeError, match="newer"):
        Library(data_dir)


def test_field_parsing(lib):
    assert lib.parse_field("amount", "59.9") == ("amount", "59.90")
    assert lib.parse_field("imported", "TRUE") == ("imported", True)
    assert lib.parse_field("order", " 42 ") == ("order_no", "42")
    for bad in (("amount", "lots"), ("status", "done"), ("platform", "amazon"), ("paid_at", "yesterday"),
                ("color", "red"), ("promised_ship_hours", "-1")):
        with pytest.raises(LibraryError):
            lib.parse_field(*bad)


def test_list_cases_rows_are_whole_cases_with_the_list_columns(lib):
    """The light rows skip the generated __init__: every field must still be there, the listed ones as stored."""
    import dataclasses
    from datetime import datetime, timezone

    from evidence_app.core.model import Case, CaseStatus
    from evidence_app.storage.case_index import list_cases

    due = datetime(2026, 12, 1, 8, 0, tzinfo=timezone.utc)
    made = lib.create_case("signed_not_received", "jd", order_no="O1", buyer="甲", tracking_no="SF1",
                           statement="见附件", due_at=due, status=CaseStatus.READY)
    lib.trash_case(lib.create_case("signed_not_received").id)
    (row,) = list_cases(lib)
    assert set(vars(row)) == {f.name for f in dataclasses.fields(Case)}
    full = lib.case(made.id)
    for name in ("id", "scenario", "platform", "order_no", "buyer", "tracking_no", "statement", "status", "due_at",
                 "created_at", "updated_at", "is_sample"):
        assert getattr(row, name) == getattr(full, name), name
    assert row.status is CaseStatus.READY and row.amount == "" and row == dataclasses.replace(row)
    assert [c.id for c in list_cases(lib, only_deleted=True)] == [made.id + 1]
