"""Issue 10, items 7 and 8: two processes never lose a file; a file changing while it is added is stored as one
consistent version (hash and probe of the same bytes)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from PIL import Image

from evidence_app.storage.filestore import sha256_file
from evidence_app.storage.library import Library

ROOT = Path(__file__).resolve().parents[2]

ADDER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from evidence_app.storage.library import Library
    root, case_id, folder = Path(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3])
    with Library(root) as lib:
        for path in sorted(folder.iterdir()):
            result = lib.add_file(case_id, path, "item_photo")
            assert result.item or result.duplicate_of, (path, result.refused and result.refused.message("en"))
""")

COLLECTOR = textwrap.dedent("""
    import sys
    from pathlib import Path
    from evidence_app.storage.library import Library
    root, stop = Path(sys.argv[1]), Path(sys.argv[2])
    rounds = 0
    while not stop.exists() or rounds < 5:
        with Library(root) as lib:  # a new process start each round, as a CLI call would be
            lib.empty_trash()
        rounds += 1
    print(rounds)
""")


def _images(folder: Path, count: int, seed: int) -> Path:
    folder.mkdir()
    for n in range(count):
        Image.new("RGB", (64, 48), ((seed * 37 + n * 5) % 256, n % 256, seed)).save(folder / f"{n}.png")
    return folder


def test_adds_and_empty_trash_in_parallel_processes_lose_nothing(tmp_path):
    root = tmp_path / "lib"
    with Library(root) as lib:
        case = lib.create_case("signed_not_received", "taobao")
        # files already in the store but only referenced by trashed items: the collector's favourite victims,
        # which the adders add again (same content) while it runs
        shared = _images(tmp_path / "shared", 30, 9)
        for path in shared.iterdir():
            lib.trash_item(lib.add_file(case.id, path, "item_photo").item.id)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    stop = tmp_path / "stop"
    collector = subprocess.Popen([sys.executable, "-c", COLLECTOR, str(root), str(stop)], env=env,
                                 stdout=subprocess.PIPE, text=True)
    adders = [subprocess.Popen([sys.executable, "-c", ADDER, str(root), str(case.id), str(folder)], env=env)
              for folder in (_images(tmp_path / "a", 40, 1), _images(tmp_path / "b", 40, 2), shared)]
    try:
        codes = [p.wait(timeout=300) for p in adders]
    finally:
        stop.touch()
        rounds = collector.communicate(timeout=300)[0]
    assert codes == [0, 0, 0] and collector.returncode == 0
    assert int(rounds) >= 5
    with Library(root) as lib:
        items = lib.items(case.id)
        assert len(items) == 110
        missing = [i.original_name for i in items if not lib.file_path(i).is_file()]
        assert missing == []
        for item in items:
            assert sha256_file(lib.file_path(item))[0] == item.sha256
        lib.empty_trash()
        assert all(lib.file_path(i).is_file() for i in lib.items(case.id))
        assert list((root / "tmp").iterdir()) == []  # every process removed its staging folder


def test_a_process_start_does_not_kill_another_process_import(tmp_path):
    root = tmp_path / "lib"
    with Library(root) as first:
        case = first.create_case("signed_not_received", "taobao")
        staging = first.store.tmp  # first's import in flight has a staged file here
        (staging / "inflight.part").write_bytes(b"half a photo")
        with Library(root):  # a second process (the GUI, a CLI call) starts
            pass
        assert (staging / "inflight.part").exists()
        assert first.add_file(case.id, _images(tmp_path / "x", 1, 3) / "0.png", "item_photo").item


def test_a_file_rewritten_while_it_is_added_is_stored_consistently(lib, tmp_path, monkeypatch):
    """The source is rewritten (random bytes) the moment after it was first looked at: what is stored must be
    what was probed and hashed, one version, never random bytes recorded as a 1000x700 JPEG."""
    import evidence_app.storage.library as library_module

    case = lib.create_case("signed_not_received", "taobao")
    source = tmp_path / "changing.jpg"
    Image.new("RGB", (1000, 700), (10, 200, 30)).save(source, quality=95)
    size = source.stat().st_size
    real_probe = library_module.probe_file

    def probe_then_rewrite(path, max_bytes, *args, **kwargs):  # (videos have their own limit, issue 12)
        probe = real_probe(path, max_bytes, *args, **kwargs)
        source.write_bytes(os.urandom(size))  # an editor or a sync client writes the file meanwhile
        return probe

    monkeypatch.setattr(library_module, "probe_file", probe_then_rewrite)
    result = lib.add_file(case.id, source, "item_photo")
    assert result.item is not None
    stored = lib.file_path(result.item)
    assert sha256_file(stored)[0] == result.item.sha256
    with Image.open(stored) as img:
        img.load()
        assert img.format == "JPEG" and img.size == (result.item.width, result.item.height) == (1000, 700)
