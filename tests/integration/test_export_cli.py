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
    assert any("物流轨迹截图" in line and "缺少" in line for line in lines), proc.stderr
    assert any("举证期限已过" in line for line in lines), proc.stderr  # due 2025-08-25, long past
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
    out = tmp_path / "ok.pdf"
    proc = cli(lib, "export", case, "-o", out, "--strict", check=0)
    assert proc.stderr == "" and out.is_file()
