import json
import stat
import zipfile

import pytest

from evidence_app.core.model import Redaction
from evidence_app.storage.archive import ArchiveError, export_case, import_case
from evidence_app.storage.library import Library
from tests import factories


@pytest.fixture
def full_case(lib, tmp_path):
    case = lib.create_case("counterfeit", "tmall_global", order_no="T-778", buyer="李四", amount="1299.00",
                           statement="正品,附授权书", imported=True)
    a = lib.add_file(case.id, factories.photo(tmp_path / "授权书.jpg"), "distribution_proof", "品牌授权").item
    lib.add_file(case.id, factories.pdf(tmp_path / "合格证.pdf"), "product_certificate")
    lib.update_item(a.id, redactions=[Redaction(10, 10, 50, 20)], rotation=90)
    return case


def _snapshot(library):
    rows = library.db.query("SELECT COUNT(*) FROM cases")[0][0], library.db.query("SELECT COUNT(*) FROM items")[0][0]
    return rows, library.store.all_hashes()


def test_roundtrip(lib, full_case, tmp_path):
    pack = export_case(lib, full_case.id, tmp_path / "case.evpack")
    with Library(tmp_path / "other") as other:
        new_id = import_case(other, pack)
        case = other.case(new_id)
        assert (case.order_no, case.buyer, case.amount, case.imported) == ("T-778", "李四", "1299.00", True)
        items = other.items(new_id)
        originals = lib.items(full_case.id)
        assert [(i.kind, i.caption, i.sha256, i.original_name) for i in items] == \
               [(i.kind, i.caption, i.sha256, i.original_name) for i in originals]
        assert items[0].redactions == [Redaction(10, 10, 50, 20)] and items[0].rotation == 90
        assert other.check(new_id).as_dict()["requirements"] == lib.check(full_case.id).as_dict()["requirements"]


def _tamper(src, dst, edit):
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        entries = {info.filename: zin.read(info) for info in zin.infolist()}
        for name, data in edit(entries).items():
            if isinstance(data, zipfile.ZipInfo):
                zout.writestr(data, b"target")
            else:
                zout.writestr(name, data)
    return dst


def _manifest(entries):
    return json.loads(entries["manifest.json"])


def _evil_cases():
    def traversal(entries):
        entries["../evil.txt"] = b"x"
        return entries

    def absolute(entries):
        entries["/etc/evil"] = b"x"
        return entries

    def link(entries):
        info = zipfile.ZipInfo("files/link")
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        entries["files/link"] = info
        return entries

    def mismatch(entries):
        manifest = _manifest(entries)
        name = manifest["items"][0]["file"]
        entries[name] = entries[name][:-10] + b"0123456789"
        return entries

    def missing(entries):
        manifest = _manifest(entries)
        del entries[manifest["items"][1]["file"]]
        return entries

    def manifest_path(entries):
        manifest = _manifest(entries)
        manifest["items"][0]["file"] = "../../x"
        entries["manifest.json"] = json.dumps(manifest).encode()
        return entries

    return {"traversal": traversal, "absolute": absolute, "link": link, "mismatch": mismatch, "missing": missing,
            "manifest_path": manifest_path}


@pytest.mark.parametrize("name", list(_evil_cases()))
def test_refused_archives_change_nothing(lib, full_case, tmp_path, name):
    pack = export_case(lib, full_case.id, tmp_path / "case.evpack")
    evil = _tamper(pack, tmp_path / f"{name}.evpack", _evil_cases()[name])
    with Library(tmp_path / "other") as other:
        other.create_case("agreement_dispute")
        before = _snapshot(other)
        with pytest.raises(ArchiveError) as err:
            import_case(other, evil)
        assert "\n" not in str(err.value)
        assert _snapshot(other) == before
        assert list(other.store.tmp.iterdir()) == []
    assert not (tmp_path / "evil.txt").exists()


def test_not_a_zip(lib, tmp_path):
    bogus = tmp_path / "x.evpack"
    bogus.write_text("hello")
    with pytest.raises(ArchiveError, match="not a case archive"):
        import_case(lib, bogus)


def test_export_is_atomic(lib, full_case, tmp_path):
    target = tmp_path / "keep.evpack"
    target.write_bytes(b"previous good archive")
    lib.store.remove(lib.items(full_case.id)[0].sha256)  # a broken library: a file went missing
    with pytest.raises(ArchiveError, match="missing"):
        export_case(lib, full_case.id, target)
    assert target.read_bytes() == b"previous good archive"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []
