"""Scale benchmark: a busy shop's library after a few years (20,000 cases, 100,000 items) in the window and the CLI.

    .venv/bin/python benchmarks/scale_bench.py [--cases 20000] [--items 100000] [--library DIR] [--baseline 1]

Generates the library straight through SQL (seconds, not hours: the items share a few real stored files, as the
board only needs their rows and a thumbnail), then measures, offscreen, on the GUI thread:
start-up to a usable window, saving a case field, switching case, adding a file (the GUI-thread part: the
import itself runs on a worker), a search keystroke, the list command, and the GUI's memory. A library of
`--baseline` cases is measured the same way in the same run, so the figures read as ratios too.
Goals (issue 13): usable ≤ 1.5 s; save, switch, add, search ≤ 50 ms each; `evidence-app list` ≤ 1 s; ≤ 400 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen:configfile=" + str(ROOT / "tests" / "offscreen_screen.json"))

SCENARIOS = ("signed_not_received", "lost_in_transit", "missing_items")
PLATFORMS = ("taobao", "tmall", "jd", "pinduoduo", "douyin")
STATUSES = ("draft", "ready", "submitted", "won", "lost")
KINDS = ("signature_slip", "tracking_screenshot", "chat_screenshot", "packing_photo", "other")


def generate(folder: Path, n_cases: int, n_items: int, seed: int = 13) -> None:
    """A library of n_cases cases with n_items items spread over them, written in one transaction."""
    from PIL import Image

    from evidence_app.storage.library import Library

    rng = random.Random(seed)
    lib = Library(folder)
    files = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in range(5):
            path = Path(tmp) / f"f{n}.png"
            Image.new("RGB", (600 + n * 40, 800), (40 * n, 120, 200 - 30 * n)).save(path)
            files.append(lib.store.ingest(path))
    now = datetime.now(timezone.utc)
    with lib.db.transaction() as conn:
        case_rows, item_rows = [], []
        for case_id in range(1, n_cases + 1):
            created = now - timedelta(hours=rng.randrange(0, 3 * 365 * 24))
            due = created + timedelta(hours=rng.randrange(24, 24 * 10))
            status = rng.choice(STATUSES) if due < now else rng.choice(STATUSES[:2])
            case_rows.append((case_id, rng.choice(SCENARIOS), rng.choice(PLATFORMS), f"案例 {case_id}",
                              f"{rng.randrange(10**15, 10**16)}", f"R{case_id:08d}", f"买家{rng.randrange(99999)}",
                              f"{rng.randrange(10, 2000)}.00", "买家本人签收,见证据。" * rng.randrange(0, 4),
                              (created - timedelta(days=5)).isoformat(timespec="seconds"),
                              (created - timedelta(days=2)).isoformat(timespec="seconds"),
                              created.isoformat(timespec="seconds"), due.isoformat(timespec="seconds"), status,
                              created.isoformat(timespec="seconds"), created.isoformat(timespec="seconds")))
        conn.executemany("INSERT INTO cases(id, scenario, platform, title, order_no, refund_no, buyer, amount, "
                         "statement, paid_at, signed_at, requested_at, due_at, status, created_at, updated_at) "
                         "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", case_rows)
        per_case: dict[int, int] = {}
        for item_id in range(1, n_items + 1):
            case_id = rng.randrange(1, n_cases + 1)
            position = per_case[case_id] = per_case.get(case_id, 0) + 1
            sha, size = files[position % len(files)]
            item_rows.append((item_id, case_id, position, rng.choice(KINDS), sha, size, f"IMG_{item_id}.png",
                              "image/png", 600, 800, now.isoformat(timespec="seconds")))
        conn.executemany("INSERT INTO items(id, case_id, position, kind, sha256, size, original_name, media_type, "
                         "width, height, added_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)", item_rows)
    lib.close()


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def _child_env(**extra: str) -> dict[str, str]:
    """An installed app keeps its compiled modules (__pycache__, written at the first start): so do the children
    here, in a cache of their own (this machine may say PYTHONDONTWRITEBYTECODE; compiling ~80 modules from source
    at every start would add ~0.1 s that no user sees after the first start)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), **extra}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(Path(tempfile.gettempdir()) / "evidence_bench_pycache")
    return env


def measure_cli_list(folder: Path) -> float:
    env = _child_env(EVIDENCE_APP_DATA_DIR=str(folder))
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "evidence_app", "list"], env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def measure_gui(folder: Path) -> dict[str, float]:
    """Run in a child process (a clean interpreter per library, so start-up and memory are honest)."""
    out = subprocess.run([sys.executable, __file__, "--gui-child", str(folder)], check=True, capture_output=True,
                         text=True, env=_child_env())
    return json.loads(out.stdout.strip().splitlines()[-1])


def gui_child(folder: Path) -> None:
    import psutil

    t0 = time.perf_counter()
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from evidence_app.storage.library import Library
    from evidence_app.ui.app import create_app, install_language
    from evidence_app.ui.main_window import MainWindow

    app = create_app()
    install_language(app, "zh_CN")
    with tempfile.TemporaryDirectory() as tmp:
        settings = QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat)
        settings.setValue("first_run_done", True)
        lib = Library(folder)
        window = MainWindow(lib, settings)
        window.show()
        QApplication.processEvents()
        figures: dict[str, float] = {"startup": time.perf_counter() - t0}

        def timed(action) -> float:
            QApplication.processEvents()
            start = time.perf_counter()
            action()
            QApplication.processEvents()
            return time.perf_counter() - start

        cases = ([c.id for c in lib.cases()][:: max(1, len(lib.cases()) // 7)] * 7)[:7]  # 7 opens, also of 1 case
        figures["switch"] = statistics.median(timed(lambda c=c: window.open_case(c)) for c in cases)

        def save() -> None:
            window.form.buyer.setText(window.form.buyer.text() + "x")
            window.form.buyer.editingFinished.emit()

        figures["save"] = statistics.median(timed(save) for _ in range(5))

        def search_word(word: str) -> list[float]:
            """Typed one key at a time, then taken back one backspace at a time (the list widens again)."""
            times = []
            for n in [*range(1, len(word) + 1), *range(len(word) - 1, -1, -1)]:
                times.append(timed(lambda n=n: window.search.setText(word[:n])))
            return times

        keystrokes = search_word("买家123")
        figures["search"] = statistics.median(keystrokes)
        figures["search_max"] = max(keystrokes)
        window.search.setText("")
        window.open_case(cases[0])  # the search closed it (a case hidden by the search is not left open)

        from PIL import Image

        path = Path(tmp) / "new.png"
        Image.new("RGB", (300, 400), (9, 99, 199)).save(path)
        result = lib.add_file(window.case_id, path, "other")  # the worker's part, off the GUI thread
        figures["add"] = timed(lambda: window._import_finished([result]))
        figures["rss_mb"] = psutil.Process().memory_info().rss / 1e6
        window.shutdown()
        window.close()
        lib.close()
    print(json.dumps(figures))


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--gui-child":
        gui_child(Path(sys.argv[2]))
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=20000)
    parser.add_argument("--items", type=int, default=100000)
    parser.add_argument("--baseline", type=int, default=1, help="cases in the small library measured alongside")
    parser.add_argument("--library", type=Path, help="reuse or create the big library here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        big = args.library or Path(tmp) / "big"
        if not (big / "library.sqlite3").exists():
            start = time.perf_counter()
            generate(big, args.cases, args.items)
            print(f"generated {args.cases} cases, {args.items} items in {time.perf_counter() - start:.1f} s")
        small = Path(tmp) / "small"
        generate(small, args.baseline, args.baseline * 5)
        measure_gui(small)  # once unmeasured: the compiled-module cache is written as at an app's first start
        rows = []
        for label, folder in ((f"{args.baseline} case(s)", small), (f"{args.cases} cases", big)):
            gui = measure_gui(folder)
            rows.append((label, gui, measure_cli_list(folder)))
        print("| library | start-up | save a field | switch case | add a file | search keystroke (max) | "
              "`list` | GUI memory |")
        print("|---|---|---|---|---|---|---|---|")
        for label, gui, cli in rows:
            print(f"| {label} | {_ms(gui['startup'])} | {_ms(gui['save'])} | {_ms(gui['switch'])} | "
                  f"{_ms(gui['add'])} | {_ms(gui['search'])} ({_ms(gui['search_max'])}) | {_ms(cli)} | "
                  f"{gui['rss_mb']:.0f} MB |")
        print("goals: start-up ≤ 1500 ms; save, switch, add, search ≤ 50 ms; list ≤ 1000 ms; memory ≤ 400 MB")


if __name__ == "__main__":
    main()
