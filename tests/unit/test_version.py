"""The version the app reports (About, --version, --selftest, the PDF's creator) is the project's own."""

import subprocess
import sys
import tomllib
from pathlib import Path

import evidence_app

ROOT = Path(__file__).resolve().parents[2]


def test_version_is_pyprojects():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert evidence_app.__version__ == project["version"]


def test_cli_prints_it_without_reading_package_metadata():
    out = subprocess.run([sys.executable, "-c", "import sys, evidence_app.cli as c\n"
                          "assert 'importlib.metadata' not in sys.modules, 'imported importlib.metadata'\n"
                          "c.main(['--version'])"],
                         capture_output=True, text=True, cwd=ROOT)
    assert out.stdout.strip() == f"evidence-app {evidence_app.__version__}", out.stderr
