"""`export` warns on stderr before writing the submission, `--strict` refuses, `--review` writes the review."""

import shutil
import subprocess

import pytest

from tests import factories
from tests.integration.test_cli import cli

needs_poppler = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")


@needs_poppler
def test_warnings_strict_and_review(tmp_path):
    lib = tmp_path / "lib"
    case = cli(lib, "new", "--scenario", "late_shipment", "--platform", "jd", "--order", "JD9", check=0).stdout.strip()
    cli(lib, "set", case, "paid_at=2025-08-20T10:00", "pickup_at=2025-08-23T09:00", "due_at=2025-08-25T12:00", check=0)
    cli(lib, "add", case, factories.png(tmp_path / "chat.png"), "--kind", "chat_screenshot", check=0)
    out = tmp_path / "out.pdf"
    proc = cli(lib, "export", case, "-o", out, check=0)
    lines = [line for line in proc.stderr.splitlines() if line.startswith("warning: ")]
    # the chat counts only once the agent confirms it holds the agreement (issue 8's attestation)
    assert any("待确认" in line and "证据 1" in line and "约定原文" in line for line in lines), proc.stderr
    assert len(lines) == 3 and out.is_file()
    item = cli(lib, "items", case, check=0).stdout.split()[0].lstrip("#")
    cli(lib, "edit", item, "--attest", "chat_platform_agreement", check=0)
    proc = cli(lib, "export", case, "-o", out, check=0)
    lines = [line for line in proc.stderr.splitlines() if line.startswith("warning: ")]
    assert any("物流轨迹截图" in line and "缺少" in line for line in lines), proc.stderr
    assert any("举证期限已过" in line for line in lines), proc.stderr  # due 2025-08-25, long past
    assert not any("淘宝" in line for line in lines), proc.stderr
    assert len(lines) == 2 and out.is_file()
    strict = tmp_path / "strict.pdf"
    proc = cli(lib, "export", case, "-o", strict, "--strict", check=1)
    assert not strict.exists() and proc.stderr.count("warning: ") == 2
    images = tmp_path / "pack"
    cli(lib, "export", case, "--images", images, "--strict", check=1)
    assert not images.exists()
    review = tmp_path / "review.pdf"
    proc = cli(lib, "export", case, "-o", review, "--review", check=0)
    assert "warning" not in proc.stderr
    text = subprocess.run(["pdftotext", str(review), "-"], capture_output=True, text=True, check=True).stdout
    assert text.lstrip().startswith("内部审阅") and "缺少" in text and "发货超时" in text


def test_ready_case_exports_without_warnings(tmp_path):
    lib = tmp_path / "lib"
    case = cli(lib, "new", "--scenario", "agreement_dispute", "--platform", "taobao", check=0).stdout.strip()
    cli(lib, "set", case, "due_at=2099-01-01T12:00", check=0)
    cli(lib, "add", case, factories.png(tmp_path / "chat.png"), "--kind", "chat_screenshot", check=0)
    cli(lib, "edit", "1", "--attest", "chat_platform_agreement", check=0)  # the agreement is in the screenshot
    out = tmp_path / "ok.pdf"
    proc = cli(lib, "export", case, "-o", out, "--strict", check=0)
    assert proc.stderr == "" and out.is_file()


def test_submission_review_and_draft_run_without_qt(tmp_path):
    import os
    import sys
    import textwrap

    from tests.integration.test_cli import ROOT

    photo = factories.photo(tmp_path / "slip.jpg")
    script = textwrap.dedent(f"""
        import sys
        for name in ("PySide6", "PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets", "shiboken6"):
            sys.modules[name] = None
        from evidence_app.cli import main
        lib = {str(tmp_path / 'lib')!r}
        assert main(["--data-dir", lib, "new", "--scenario", "signed_not_received", "--platform", "taobao"]) == 0
        assert main(["--data-dir", lib, "set", "1", "signed_at=2025-08-16T17:05"]) == 0
        assert main(["--data-dir", lib, "add", "1", {str(photo)!r}, "--kind", "signature_slip"]) == 0
        assert main(["--data-dir", lib, "draft", "1", "--set"]) == 0
        assert main(["--data-dir", lib, "export", "1", "-o", {str(tmp_path / 'a.pdf')!r}]) == 0
        assert main(["--data-dir", lib, "export", "1", "-o", {str(tmp_path / 'r.pdf')!r}, "--review"]) == 0
        assert main(["--data-dir", lib, "export", "1", "--images", {str(tmp_path / 'pack')!r}]) == 0
        assert not [m for m in sys.modules if m.startswith(("PySide6", "shiboken6")) and sys.modules[m] is not None]
        print("QT-FREE-OK")
    """)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.returncode == 0, proc.stderr
    assert "QT-FREE-OK" in proc.stdout and "证据 1" in proc.stdout
    pack, = (tmp_path / "pack").glob("举证图片_*")  # the pack's own new folder inside the one given
    assert (pack / "statement.txt").read_text(encoding="utf-8-sig").startswith("买家称未收到货")


def test_a_wrong_target_is_one_line_before_any_warning(tmp_path):
    """The target is checked first: a folder given to -o (submission or --review) or a file given to --images
    is one line on stderr (exit 2), with no warnings about the case before it and nothing written."""
    lib = tmp_path / "lib"
    case = cli(lib, "new", "--scenario", "late_shipment", "--platform", "jd", check=0).stdout.strip()
    folder = tmp_path / "out"
    folder.mkdir()
    for extra in ((), ("--review",)):
        proc = cli(lib, "export", case, "-o", folder, *extra, check=2)
        assert len(proc.stderr.strip().splitlines()) == 1 and "folder" in proc.stderr and "warning" not in proc.stderr
    mine = tmp_path / "notes.txt"
    mine.write_text("keep")
    proc = cli(lib, "export", case, "--images", mine, check=2)
    assert len(proc.stderr.strip().splitlines()) == 1 and "not a folder" in proc.stderr
    assert mine.read_text() == "keep" and list(folder.iterdir()) == []
