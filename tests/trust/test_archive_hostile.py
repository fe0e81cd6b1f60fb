"""Issue 10, item 11: archives are capped (expansion, manifest, entry size, text) and every manifest value is
validated as strictly as `set` and `edit`; a refused archive leaves the library as it was."""

from __future__ import annotations

import json
import zipfile
from collections import namedtuple

import pytest

from evidence_app.core.model import Redaction
from evidence_app.storage import archive as archive_module
from evidence_app.storage.archive import ArchiveError, export_case, import_case
from evidence_app.storage.library import Library
from tests import factories


@pytest.fixture
def pack(lib, tmp_path):
    case = lib.create_case("signed_not_received", "taobao", order_no="A1", statement="说明",
                           promised_ship_hours=48.0)
    photo = lib.add_file(case.id, factories.photo(tmp_path / "p.jpg", size=(640, 480)), "signature_slip").item
    pdf = lib.add_file(case.id, factories.pdf(tmp_path / "d.pdf", pages=2), "carrier_stamped_proof").item
    lib.update_item(photo.id, redactions=[Redaction(10, 10, 50, 20)], crop=Redaction(0, 0, 600, 400))
    lib.update_item(pdf.id, redactions=[Redaction(10, 10, 50, 20, page=2)])
    return export_case(lib, case.id, tmp_path / "case.evpack")


def _rewrite(src, dst, edit_manifest=None, extra=None, compression=zipfile.ZIP_STORED):
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", compression) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "manifest.json" and edit_manifest:
                manifest = json.loads(data)
                edit_manifest(manifest)
                data = json.dumps(manifest, ensure_ascii=False).encode()
            zout.writestr(info.filename, data)
        for name, data in (extra or {}).items():
            zout.writestr(name, data)
    return dst


def _state(library):
    return (library.db.query("SELECT COUNT(*) FROM cases")[0][0], library.db.query("SELECT COUNT(*) FROM items")[0][0],
            library.store.all_hashes())


def _refused(tmp_path, archive, match):
    with Library(tmp_path / "other") as other:
        other.create_case("agreement_dispute")
        before = _state(other)
        with pytest.raises(ArchiveError, match=match) as err:
            import_case(other, archive)
        assert "\n" not in str(err.value) and len(str(err.value)) < 300
        assert _state(other) == before
        assert list(other.store.tmp.iterdir()) == []
        # the library still works for every later command
        for case in other.cases():
            other.items(case.id)
            other.check(case.id)


def _item(n):
    return lambda m: m["items"][n]


BAD_VALUES = {
    "redaction_length": (lambda m: m["items"][0].update(redactions=[[1, 2, 3]]), "redaction"),
    "redaction_text": (lambda m: m["items"][0].update(redactions=[["1", 2, 3, 4]]), "redaction"),
    "redaction_outside": (lambda m: m["items"][0].update(redactions=[[5000, 10, 5, 5]]), "outside"),
    "redaction_negative": (lambda m: m["items"][0].update(redactions=[[1, 1, -5, 5]]), "positive"),
    "pdf_redaction_without_page": (lambda m: m["items"][1].update(redactions=[[1, 1, 5, 5]]), "page"),
    "pdf_redaction_bad_page": (lambda m: m["items"][1].update(redactions=[[1, 1, 5, 5, 9]]), "page"),
    "image_redaction_with_page": (lambda m: m["items"][0].update(redactions=[[1, 1, 5, 5, 1]]), "page"),
    "redactions_not_a_list": (lambda m: m["items"][0].update(redactions="x"), "redactions"),
    "crop_length": (lambda m: m["items"][0].update(crop=[1, 2]), "crop"),
    "rotation_45": (lambda m: m["items"][0].update(rotation=45), "rotation"),
    "rotation_text": (lambda m: m["items"][0].update(rotation="90"), "rotation"),
    "kind_missing": (lambda m: m["items"][0].pop("kind"), "kind"),
    "kind_list": (lambda m: m["items"][0].update(kind=["signature_slip"]), "kind"),
    "caption_number": (lambda m: m["items"][0].update(caption=5), "caption"),
    "caption_huge": (lambda m: m["items"][0].update(caption="x" * 100_000), "too long"),
    "name_newline": (lambda m: m["items"][0].update(original_name="a\nb.jpg"), "control"),
    "promised_abc": (lambda m: m["case"].update(promised_ship_hours="abc"), "promised_ship_hours"),
    "promised_negative": (lambda m: m["case"].update(promised_ship_hours=-3), "promised_ship_hours"),
    "status_bogus": (lambda m: m["case"].update(status="bogus"), "status"),
    "time_bogus": (lambda m: m["case"].update(paid_at="yesterday"), "paid_at"),
    "amount_bogus": (lambda m: m["case"].update(amount="lots"), "amount"),
    "imported_text": (lambda m: m["case"].update(imported="yes please"), "imported"),
    "statement_number": (lambda m: m["case"].update(statement=12), "statement"),
    "statement_long": (lambda m: m["case"].update(statement="长" * 30_000), "too long"),
    "statement_10_mb": (lambda m: m["case"].update(statement="长" * 10_000_000), "too large"),
    "buyer_huge": (lambda m: m["case"].update(buyer="x" * 5000), "too long"),
    "scenario_list": (lambda m: m["case"].update(scenario=["x"]), "scenario"),
    "is_sample_text": (lambda m: m["case"].update(is_sample="no"), "is_sample"),
    "sha_upper": (lambda m: m["items"][0].update(sha256=m["items"][0]["sha256"].upper()), "malformed"),
}


@pytest.mark.parametrize("name", list(BAD_VALUES))
def test_bad_manifest_values_are_refused_in_one_line(pack, tmp_path, name):
    edit, match = BAD_VALUES[name]
    _refused(tmp_path, _rewrite(pack, tmp_path / f"{name}.evpack", edit, compression=zipfile.ZIP_DEFLATED), match)


def test_good_archive_keeps_pdf_redactions(pack, tmp_path):
    with Library(tmp_path / "other") as other:
        case_id = import_case(other, pack)
        items = other.items(case_id)
        assert items[1].redactions == [Redaction(10, 10, 50, 20, page=2)]
        assert items[0].crop == Redaction(0, 0, 600, 400)
        assert other.case(case_id).promised_ship_hours == 48.0


def test_manifest_size_is_capped(pack, tmp_path):
    # 9 MB of padding deflates to a few KB: the cap is on what would be read, not on the archive's size
    archive = _rewrite(pack, tmp_path / "big.evpack", lambda m: m.update(padding=" " * 9_000_000),
                       compression=zipfile.ZIP_DEFLATED)
    assert archive.stat().st_size < 200_000
    _refused(tmp_path, archive, "manifest is too large")


def test_entry_size_follows_max_file_mb(pack, tmp_path, lib):
    big = tmp_path / "big.png"
    from PIL import Image

    Image.effect_noise((1500, 1000), 80).convert("RGB").save(big)  # about 4 MB, incompressible
    case = lib.create_case("signed_not_received", "taobao")
    lib.add_file(case.id, big, "item_photo")
    archive = export_case(lib, case.id, tmp_path / "bigcase.evpack")
    with Library(tmp_path / "other") as other:
        other.set_setting("max_file_mb", "1")
    _refused(tmp_path, archive, "larger than the 1 MB limit")


def test_expansion_is_capped_by_free_space(pack, tmp_path, monkeypatch):
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(archive_module.shutil, "disk_usage", lambda path: usage(10**9, 10**9 - 10**6, 10**6))
    _refused(tmp_path, pack, "free")


def test_a_lying_zip_header_cannot_expand_past_the_limit(pack, tmp_path, lib):
    """The stage step counts the bytes it writes, whatever the zip's directory claims."""
    from evidence_app.storage.filestore import TooLarge

    with pytest.raises(TooLarge):
        lib.store.stage(_Endless(), limit=1_000_000)
    assert list(lib.store.tmp.iterdir()) == []


class _Endless:
    def read(self, size=-1):
        return b"\0" * (1 << 20)
