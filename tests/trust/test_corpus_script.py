"""The corpus script (benchmarks/corpus_check.py) on a small corpus made here: counts add up, nothing crashes."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from PIL import Image

from tests import factories

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "corpus_check.py"


def test_corpus_script_counts(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    factories.photo(corpus / "ok.jpg")
    factories.truncated_jpeg(corpus / "truncated.jpg")
    factories.pdf(corpus / "doc.pdf")
    (corpus / "notes.txt").write_text("not evidence")
    Image.new("I;16", (40, 30), 1000).save(corpus / "grey16.tif")
    factories.bomb_png(corpus / "bomb.png")
    spec = importlib.util.spec_from_file_location("corpus_check", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main([str(corpus)]) == 0
    out = capsys.readouterr().out
    assert "6 files" in out
    counts = {line.split()[0]: int(line.split()[1]) for line in out.splitlines()[1:6]}
    assert counts == {"accepted": 3, "refused": 3, "failed": 0, "crashed": 0, "duplicate": 0}
