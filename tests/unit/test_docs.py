"""docs/scenarios.md is generated from the data files; it must not drift from them."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_scenarios_doc_is_up_to_date():
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "scenarios_doc.py"), "--check"], capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    text = (ROOT / "docs" / "scenarios.md").read_text(encoding="utf-8")
    for scenario_id in ("signed_not_received", "return_not_as_sent", "invoice_dispute"):
        assert f"`{scenario_id}`" in text
    assert "docs/scenarios.md" in (ROOT / "README.md").read_text(encoding="utf-8")
