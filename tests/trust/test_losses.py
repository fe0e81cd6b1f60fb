"""Issue 10, losses: the upload pack never touches the user's files and works across file systems (5, 6);
`export -o DIR` is one line (14); leftovers of a killed export are cleaned at the next start, and the image
workers die with their parent (15)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import pytest

from evidence_app.export.upload import export_images
from evidence_app.storage import leftovers
from tests import factories
from tests.trust.helpers import run_cli

ROOT = Path(__file__).resolve().parents[2]


def _case_with_photo(lib, tmp_path, order="8800"):
    case = lib.create_case("signed_not_received", "taobao", order_no=order, statement="说明")
    lib.add_file(case.id, factories.photo(tmp_path / "slip.jpg"), "signature_slip")
    return case


def test_upload_pack_never_touches_the_users_files(lib, tmp_path):
    case = _case_with_photo(lib, tmp_path)
    target = tmp_path / "d"
    target.mkdir()
    mine = {"99_passport_scan.jpg": b"x\n", "statement.txt": b"my own notes", "01_签收底单.jpg": b"user's"}
    for name, data in mine.items():
        (target / name).write_bytes(data)
    result = export_images(lib, case.id, target)
    for name, data in mine.items():
        assert (target / name).read_bytes() == data
    assert result.path.parent == target and result.path.name.startswith("举证图片_8800_")
    assert (result.path / "01_签收底单.jpg").is_file() and (result.path / "statement.txt").is_file()
    again = export_images(lib, case.id, target)
    assert again.path != result.path and (result.path / "01_签收底单.jpg").is_file()
    assert sorted(p.name for p in target.iterdir() if not p.name.startswith("举证图片_")) == sorted(mine)
    assert not [p for p in target.iterdir() if p.name.endswith(".part")]


def test_upload_pack_target_is_a_file(lib, tmp_path):
    from evidence_app.export.model import ExportError

    case = _case_with_photo(lib, tmp_path)
    (tmp_path / "f").write_text("x")
    with pytest.raises(ExportError, match="not a folder"):
        export_images(lib, case.id, tmp_path / "f")
    assert (tmp_path / "f").read_text() == "x"


def _other_filesystem() -> Path | None:
    shm = Path("/dev/shm")
    if shm.is_dir() and os.access(shm, os.W_OK) and shm.stat().st_dev != Path(tempfile.gettempdir()).stat().st_dev:
        return shm
    return None


@pytest.mark.skipif(_other_filesystem() is None, reason="needs a second file system (/dev/shm)")
def test_upload_pack_on_another_file_system(lib, tmp_path):
    case = _case_with_photo(lib, tmp_path)
    target = _other_filesystem() / f"evidence-test-{uuid.uuid4().hex}"
    try:
        result = export_images(lib, case.id, target)
        assert (result.path / "01_签收底单.jpg").is_file()
    finally:
        shutil.rmtree(target, ignore_errors=True)


def test_export_to_a_folder_is_one_line(data_dir, tmp_path, capsys):
    run_cli(data_dir, "new", "--scenario", "signed_not_received", capsys=capsys)
    code, out, err = run_cli(data_dir, "export", "1", "-o", tmp_path, capsys=capsys)
    assert code == 2 and len(err.strip().splitlines()) == 1 and "folder" in err


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_leftovers_of_a_dead_process_are_removed_and_nothing_else(tmp_path):
    dead = _dead_pid()
    part = tmp_path / ".~bundle.pdf.abc123.part"
    part.write_bytes(b"half")
    staged = tmp_path / ".~举证图片.xyz.part"
    staged.mkdir()
    (staged / "01.jpg").write_bytes(b"x")
    users = tmp_path / "report.pdf"  # a journal entry naming a file we did not make is ignored
    users.write_bytes(b"keep")
    live_part = tmp_path / ".~live.pdf.q.part"
    live_part.write_bytes(b"in progress")
    journal = leftovers.journal_dir()
    journal.mkdir(exist_ok=True)
    records = []
    for pid, path in ((dead, part), (dead, staged), (dead, users), (os.getpid(), live_part)):
        record = journal / f"{pid}-{uuid.uuid4().hex}.txt"
        record.write_text(str(path), encoding="utf-8")
        records.append(record)
    temp_dir = Path(tempfile.gettempdir()) / f"evidence-export-{dead}-test{uuid.uuid4().hex[:6]}"
    temp_dir.mkdir()
    (temp_dir / "big.jpg").write_bytes(b"x" * 1000)
    try:
        leftovers.clean(force=True)
        assert not part.exists() and not staged.exists() and not temp_dir.exists()
        assert users.read_bytes() == b"keep" and live_part.exists()
        assert records[-1].exists()  # the live process's record stays
    finally:
        for record in records:
            record.unlink(missing_ok=True)
        shutil.rmtree(temp_dir, ignore_errors=True)


def _children(pid: int) -> set[int]:
    out = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.add(int(stat.parent.name))
    return out


def _wait_for(condition, timeout: float = 60.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)  # polling a condition with a deadline, not a fixed wait
    return False


@pytest.fixture(scope="module")
def busy_library(tmp_path_factory):
    """A library whose one case takes a few seconds to export (six big noisy photos), for kill tests."""
    folder = tmp_path_factory.mktemp("busy")
    data = folder / "lib"
    env = {**os.environ, "EVIDENCE_APP_DATA_DIR": str(data), "PYTHONPATH": str(ROOT)}
    cli = [sys.executable, "-m", "evidence_app"]
    subprocess.run([*cli, "new", "--scenario", "signed_not_received"], env=env, check=True, capture_output=True)
    photos = [factories.noisy_photo(folder / f"{n}.jpg", size=(2400, 1800), seed=n) for n in range(6)]
    subprocess.run([*cli, "add", "1", *map(str, photos), "--kind", "item_photo"], env=env, check=True,
                   capture_output=True)
    return env, cli


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="uses /proc to find the worker processes")
def test_killed_export_leaves_nothing_behind(tmp_path, busy_library):
    env, cli = busy_library
    proc = subprocess.Popen([*cli, "export", "1", "-o", str(tmp_path / "out.pdf"), "--progress"], env=env,
                            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    try:
        assert proc.stderr.readline()  # preparing has started
        assert _wait_for(lambda: len(_children(proc.pid)) >= 2)  # the image workers (and resource tracker)
        # workers start as soon as the command knows the case is big enough: the temp folder may come later
        assert _wait_for(lambda: list(Path(tempfile.gettempdir()).glob(f"evidence-export-{proc.pid}-*")))
        temp_dirs = list(Path(tempfile.gettempdir()).glob(f"evidence-export-{proc.pid}-*"))
        workers = _children(proc.pid)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        proc.stderr.close()
    assert _wait_for(lambda: not any(Path(f"/proc/{pid}").exists() and _zombie_free(pid) for pid in workers))
    # the next start of any command cleans the temp folder up
    subprocess.run([*cli, "list"], env=env, check=True, capture_output=True)
    assert not [p for p in temp_dirs if p.exists()]
    assert not list(tmp_path.glob(".~*"))


def _zombie_free(pid: int) -> bool:
    """True while `pid` is a live (not zombie) process."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="uses /proc to find the worker processes")
def test_sigterm_during_export_cleans_up_at_once(tmp_path, busy_library):
    env, cli = busy_library
    target = tmp_path / "out" / "bundle.pdf"
    proc = subprocess.Popen([*cli, "export", "1", "-o", str(target), "--progress"], env=env,
                            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    assert proc.stderr.readline()
    assert _wait_for(lambda: len(_children(proc.pid)) >= 2)
    workers = _children(proc.pid)
    proc.send_signal(signal.SIGTERM)
    err = proc.stderr.read()
    proc.wait(timeout=120)
    proc.stderr.close()
    assert proc.returncode != 0 and "Traceback" not in err
    assert not list(Path(tempfile.gettempdir()).glob(f"evidence-export-{proc.pid}-*"))
    assert not target.exists() and not list(target.parent.glob(".~*")) if target.parent.exists() else True
    assert _wait_for(lambda: not any(_zombie_free(pid) for pid in workers))


def test_thumbnail_temp_folders_of_dead_processes_are_removed(data_dir):
    from evidence_app.storage.library import Library

    thumbs = data_dir / "thumbs"
    thumbs.mkdir(parents=True)
    dead = thumbs / f".tmp-{_dead_pid()}-abc"
    live = thumbs / f".tmp-{os.getpid()}-abc"
    for folder in (dead, live):
        folder.mkdir()
        (folder / "t.jpg").write_bytes(b"x")
    (thumbs / "kept.jpg").write_bytes(b"a thumbnail")
    with Library(data_dir):
        pass
    assert not dead.exists() and live.exists() and (thumbs / "kept.jpg").exists()
