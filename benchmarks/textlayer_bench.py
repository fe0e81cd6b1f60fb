"""What the invisible text layer and the suggested redactions cost, measured against the same export without them.

    .venv/bin/python benchmarks/textlayer_bench.py [--chats 20] [--lines 40]

Makes 1080x2400 chat screenshots with Chinese text drawn with the bundled font and the Reading an OCR engine would
give for each (boxes measured from the drawn glyphs), then exports the same case twice in this process: without
readings (baseline) and with them (text layer). Prints wall time, PDF size and the ratios, and how long finding
the suggested redactions takes per screenshot.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.textimages import text_image  # noqa: E402

PHRASES = ["亲,您的快递已经签收了哦", "收件人:王小明 13812345678", "运单号 SF1234567890123", "好的谢谢,我去看看",
           "地址:浙江省杭州市西湖区文三路100号2单元301室", "退款申请已提交,请耐心等待", "商品规格 蓝色 XL 数量 1"]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--chats", type=int, default=20)
    parser.add_argument("--lines", type=int, default=40)
    args = parser.parse_args()
    from evidence_app.export.bundle import export_pdf
    from evidence_app.reading.pii import suggest
    from evidence_app.storage.library import Library

    rng = random.Random(11)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        readings = {}
        with Library(folder / "lib") as lib:
            case = lib.create_case("signed_not_received", "taobao", order_no="2025081600001")
            for n in range(args.chats):
                lines = [f"{rng.choice(PHRASES)} #{n}-{i}" for i in range(args.lines)]
                path, reading = text_image(folder / f"chat{n}.png", lines, size=(1080, 2400), font_size=32,
                                           gap=24)
                item = lib.add_file(case.id, path, "chat_screenshot").item
                readings[item.sha256] = reading
            results = {}
            for name, table in (("baseline (no readings)", {}), ("with text layer", readings)):
                lib.reading = table.get
                out = folder / f"{len(results)}.pdf"
                start = time.perf_counter()
                export_pdf(lib, case.id, out, workers=2)
                results[name] = (time.perf_counter() - start, out.stat().st_size, out)
            start = time.perf_counter()
            found = sum(len(suggest(r)) for r in readings.values())
            per_image = (time.perf_counter() - start) / len(readings)
        print(f"{args.chats} chat screenshots 1080x2400, {args.lines} read lines each")
        print("| | export s | PDF KB |")
        print("|---|---|---|")
        for name, (seconds, size, _) in results.items():
            print(f"| {name} | {seconds:.2f} | {size / 1024:.0f} |")
        (base_s, base_b, _), (text_s, text_b, text_pdf) = results.values()
        extra = (text_b - base_b) / 1024
        print(f"text layer: time x{text_s / base_s:.2f}, size x{text_b / base_b:.3f} (+{extra:.0f} KB)")
        words = subprocess.run(["pdftotext", str(text_pdf), "-"], capture_output=True, text=True).stdout
        print(f"pdftotext finds {words.count('SF1234567890123')} tracking numbers; "
              f"phone numbers visible as text: {words.count('13812345678')} (none redacted in this run)")
        print(f"suggested redactions: {found} found, {per_image * 1000:.2f} ms per screenshot")
    return 0


if __name__ == "__main__":
    sys.exit(main())
