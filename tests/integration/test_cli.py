"""The command line end to end, in temporary libraries, as a script or an agent would use it."""

import importlib.util
import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests import factories

ROOT = Path(__file__).resolve().parents[2]


def cli(data_dir, *args, check=None):
    env = {**os.environ, "EVIDENCE_APP_DATA_DIR": str(data_dir), "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-m", "evidence_app", *map(str, args)], capture_output=True, text=True,
                          env=env, timeout=120)
    if check is not None:
        assert proc.returncode == check, (proc.returncode, proc.stdout, proc.stderr)
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


def test_end_to_end_new_add_check_archive_unarchive(tmp_path):
    lib1, lib2 = tmp_path / "lib1", tmp_path / "lib2"
    case = cli(lib1, "new", "--scenario", "signed_not_received", "--platform", "taobao", "--order", "3344556677",
               "--refund", "R-1", "--buyer", "小明", "--amount", "88.5", "--title", "未收到货", check=0).stdout.strip()
    assert case.isdigit()
    cli(lib1, "set", case, "signed_at=2025-08-16T17:05", "due_at=2025-08-25T12:00", "statement=买家本人签收",
        "imported=false", check=0)
    tracking = factories.png(tmp_path / "轨迹.png")
    proc = cli(lib1, "add", case, tracking, "--kind", "tracking_screenshot", check=0)
    assert proc.stdout.strip().isdigit()
    result = cli(lib1, "check", case, "--json", "--now", "2025-08-20T12:00", check=1)
    data = json.loads(result.stdout)
    assert data["ready"] is False and data["requirements"][0]["status"] == "missing"
    assert "物流轨迹截图" in data["requirements"][0]["message"]

    slip = factories.photo(tmp_path / "slip one.jpg", orientation=6)
    bad = tmp_path / "notes.txt"
    bad.write_text("not evidence")
    proc = cli(lib1, "add", case, slip, bad, "--kind", "signature_slip", "--caption", "本人签收", check=2)
    assert len(proc.stdout.split()) == 1
    assert proc.stderr.strip().startswith(f"error: {bad}: ") and len(proc.stderr.strip().splitlines()) == 1
    dup = cli(lib1, "add", case, slip, "--kind", "signature_slip", check=0)
    assert dup.stdout.strip() == proc.stdout.strip()
    assert dup.stderr.strip() == f"duplicate: {slip}: same as item {proc.stdout.strip()}"

    first = cli(lib1, "check", case, "--json", "--now", "2025-08-20T12:00", check=0)
    pack = tmp_path / "handover.evpack"
    cli(lib1, "archive", case, "-o", pack, check=0)
    new_case = cli(lib2, "unarchive", pack, check=0).stdout.strip()
    second = cli(lib2, "check", new_case, "--json", "--now", "2025-08-20T12:00", check=0)
    one, two = json.loads(first.stdout), json.loads(second.stdout)
    one.pop("case"), two.pop("case")
    assert [r["status"] for r in one["requirements"]] == [r["status"] for r in two["requirements"]]
    assert one["findings"] == two["findings"]
    shown = json.loads(cli(lib2, "show", new_case, "--json", check=0).stdout)
    assert shown["order_no"] == "3344556677" and shown["buyer"] == "小明" and len(shown["items"]) == 2


def test_listing_commands(tmp_path):
    lib = tmp_path / "lib"
    assert "signature_slip" in cli(lib, "kinds", check=0).stdout
    scenarios = json.loads(cli(lib, "scenarios", "--json", check=0).stdout)
    assert len(scenarios) == 21 and scenarios[0]["requirements"][0]["cite"] == ["receipt_burden"]
    case = cli(lib, "new", "--scenario", "late_shipment", "--platform", "tmall", check=0).stdout.strip()
    cli(lib, "set", case, "paid_at=2025-09-01 14:00", "pickup_at=2025-09-03 17:00", check=0)
    text = cli(lib, "check", case, "--now", "2025-09-04T00:00", check=1).stdout
    assert "发货超时 3 小时" in text
    listed = json.loads(cli(lib, "list", "--json", check=0).stdout)
    assert [c["id"] for c in listed] == [int(case)]
    img = factories.photo(tmp_path / "t.jpg")
    item = cli(lib, "add", case, img, "--kind", "tracking_screenshot", check=0).stdout.strip()
    assert "t.jpg" in cli(lib, "items", case, check=0).stdout
    cli(lib, "rm", item, check=0)
    assert json.loads(cli(lib, "items", case, "--json", check=0).stdout) == []
    cli(lib, "restore", item, check=0)
    assert len(json.loads(cli(lib, "items", case, "--json", check=0).stdout)) == 1
    cli(lib, "redact", item, "10,10,40,30", check=0)
    assert cli(lib, "redact", item, check=0).stdout.strip() == "10,10,40,30"
    cli(lib, "redact", item, "--clear", check=0)
    assert cli(lib, "redact", item, check=0).stdout.strip() == ""
    cli(lib, "config", "shop_name=小店", check=0)
    assert cli(lib, "config", "shop_name", check=0).stdout.strip() == "小店"


@pytest.mark.parametrize("args, needle", [
    (("frobnicate",), "invalid choice"),
    (("new",), "--scenario"),
    (("new", "--scenario", "nope"), "unknown scenario"),
    (("check", "42"), "no case 42"),
    (("check", "abc"), "must be a number"),
    (("set", "1", "paid_at=2025-09-01"), "no case 1"),
    (("rm", "7"), "no item 7"),
    (("unarchive", "missing.evpack"), "not found"),
    (("config", "color=red"), "unknown setting"),
])
def test_wrong_usage_is_one_line_exit_2(tmp_path, args, needle):
    proc = cli(tmp_path / "lib", *args, check=2)
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and needle in lines[0], proc.stderr


def test_bad_field_values(tmp_path):
    lib = tmp_path / "lib"
    case = cli(lib, "new", "--scenario", "late_shipment", check=0).stdout.strip()
    for bad in ("paid_at=tomorrow", "status=finished", "amount=abc", "colour=red", "novalue"):
        proc = cli(lib, "set", case, bad, check=2)
        assert len(proc.stderr.strip().splitlines()) == 1


def test_no_arguments_starts_the_window(tmp_path):
    """`evidence-app` alone opens the main window (here offscreen, told to screenshot itself and quit)."""
    pytest.importorskip("PySide6.QtWidgets")
    shot = tmp_path / "window.png"
    env = {**os.environ, "EVIDENCE_APP_DATA_DIR": str(tmp_path / "lib"), "PYTHONPATH": str(ROOT),
           "EVIDENCE_APP_SCREENSHOT": str(shot), "EVIDENCE_APP_SCREENSHOT_DELAY_MS": "500"}
    proc = subprocess.run([sys.executable, "-m", "evidence_app"], capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert shot.is_file() and shot.stat().st_size > 10_000


def test_no_arguments_without_qt_prints_help(tmp_path):
    script = "import sys; sys.modules['PySide6'] = None; from evidence_app.cli import main; sys.exit(main([]))"
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60,
                          env={**os.environ, "PYTHONPATH": str(ROOT), "EVIDENCE_APP_DATA_DIR": str(tmp_path / "l")})
    assert proc.returncode == 0 and "evidence-app" in proc.stdout and "not installed" in proc.stdout


def test_broken_user_scenario_file_is_named(tmp_path):
    lib = tmp_path / "lib"
    (lib / "scenarios").mkdir(parents=True)
    (lib / "scenarios" / "mine.toml").write_text("[[scenario]\nid = 1\n", encoding="utf-8")
    proc = cli(lib, "scenarios", check=2)
    assert "mine.toml:1" in proc.stderr and len(proc.stderr.strip().splitlines()) == 1


def test_core_works_without_pyside6(tmp_path):
    """The core, storage and CLI import and run with PySide6 made unimportable."""
    script = textwrap.dedent(f"""
        import sys
        for name in ("PySide6", "PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets", "shiboken6"):
            sys.modules[name] = None
        import evidence_app.core.catalog, evidence_app.core.checklist, evidence_app.core.deadlines
        import evidence_app.storage.library, evidence_app.storage.archive, evidence_app.imaging.probe
        import evidence_app.cli
        import evidence_app.core.stats, evidence_app.core.kind_hint, evidence_app.storage.outcomes
        import evidence_app.storage.case_index, evidence_app.export.prepare_pool
        import evidence_app.imaging.video, evidence_app.imaging.video_trim, evidence_app.export.video_pages
        import evidence_app.imaging.video_sample, evidence_app.export.upload
        import evidence_app.reading.engine, evidence_app.reading.analyze, evidence_app.reading.findings
        import evidence_app.reading.pool, evidence_app.reading.pii, evidence_app.reading.lookup
        import evidence_app.reading.samples, evidence_app.storage.readings, evidence_app.export.textlayer
        import evidence_app.export.bundle, evidence_app.imaging.pdfium_lock
        from evidence_app.cli import main
        code = main(["--data-dir", {str(tmp_path / 'lib')!r}, "new", "--scenario", "agreement_dispute"])
        assert code == 0, code
        assert main(["--data-dir", {str(tmp_path / 'lib')!r}, "check", "1"]) == 1
        assert main(["--data-dir", {str(tmp_path / 'lib')!r}, "stats", "--json"]) == 0
        assert main(["--data-dir", {str(tmp_path / 'lib')!r}, "list"]) == 0
        assert not [m for m in sys.modules if m.startswith(("PySide6", "shiboken6")) and sys.modules[m] is not None]
        print("QT-FREE-OK")
    """)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.returncode == 0, proc.stderr
    assert "QT-FREE-OK" in proc.stdout


def test_killed_add_leaves_a_sound_library(tmp_path):
    """Kill the process in the middle of adding many files: the database passes integrity_check and every item
    it lists has its file."""
    lib = tmp_path / "lib"
    case = cli(lib, "new", "--scenario", "missing_items", check=0).stdout.strip()
    folder = tmp_path / "photos"
    folder.mkdir()
    for n in range(60):
        factories.photo(folder / f"p{n:03}.jpg", size=(800, 600), color=(n * 4 % 256, 80, 120))
    env = {**os.environ, "EVIDENCE_APP_DATA_DIR": str(lib), "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "evidence_app", "add", case, str(folder), "--kind", "item_photo"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    added = [proc.stdout.readline() for _ in range(5)]  # wait until it is well under way
    assert all(line.strip().isdigit() for line in added)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)
    proc.stdout.close()
    proc.stderr.close()
    conn = sqlite3.connect(lib / "library.sqlite3")
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    rows = conn.execute("SELECT sha256 FROM items").fetchall()
    conn.close()
    assert 5 <= len(rows) < 60
    for (sha,) in rows:
        assert (lib / "files" / sha[:2] / sha).is_file()
    # the library still works after the crash, and the rest can be added
    cli(lib, "add", case, folder, "--kind", "item_photo", check=0)
    items = json.loads(cli(lib, "items", case, "--json", check=0).stdout)
    assert len(items) == 60


def test_selftest(tmp_path):
    pytest.importorskip("PySide6.QtPdf")
    out = tmp_path / "selftest"
    proc = cli(tmp_path / "lib", "--selftest", out, check=0)
    assert "RESULT: PASS" in proc.stdout
    assert (out / "selftest.pdf").is_file() and (out / "selftest_page1.png").is_file()
    assert len(list((out / "upload").glob("举证图片_*/01_签收底单.jpg"))) == 1
    assert not (tmp_path / "lib").exists()  # it works in a temporary library, never the user's
    path = "OpenCV" if importlib.util.find_spec("cv2") else "Pillow"
    assert "ok   photo path" in proc.stdout and f"{path} in the workers: 375x500" in proc.stdout


def test_chinese_output_through_a_non_utf8_pipe(tmp_path):
    """A pipe in a non-Chinese codepage (cp1252, as on an English Windows) still gets the Chinese names."""
    env = {**os.environ, "EVIDENCE_APP_DATA_DIR": str(tmp_path / "lib"), "PYTHONPATH": str(ROOT),
           "PYTHONIOENCODING": "cp1252"}
    proc = subprocess.run([sys.executable, "-m", "evidence_app", "kinds"], capture_output=True, env=env, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "签收底单" in proc.stdout.decode("utf-8")


def test_stats_json_text_and_csv(tmp_path):
    lib = tmp_path / "lib"
    first = cli(lib, "new", "--scenario", "signed_not_received", "--platform", "jd", check=0).stdout.strip()
    second = cli(lib, "new", "--scenario", "signed_not_received", "--platform", "taobao", check=0).stdout.strip()
    cli(lib, "set", first, "status=submitted", check=0)
    cli(lib, "set", first, "status=won", check=0)
    cli(lib, "set", second, "status=lost", check=0)
    data = json.loads(cli(lib, "stats", "--json", check=0).stdout)
    assert data["total"]["cases"] == 2 and data["total"]["win_rate"] == 0.5
    assert {g["key"]: g["won"] for g in data["by_platform"]} == {"jd": 1, "taobao": 0}
    assert data["missing_at_submission"][0]["requirement"] == "proof_of_receipt"
    assert data["missing_at_submission"][0]["count"] == 2
    text = cli(lib, "stats", check=0).stdout
    assert "win rate" in text and "京东" in text
    out = tmp_path / "统计.csv"
    cli(lib, "stats", "--csv", out, check=0)
    assert out.read_bytes().startswith(b"\xef\xbb\xbfgroup,key,name")
