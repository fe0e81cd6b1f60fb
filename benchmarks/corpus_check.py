"""Run every file of a corpus folder through `add` and `export` and count what happened to it.

    python benchmarks/corpus_check.py DIR [--limit N] [--images] [--verbose]

accepted: added, and exported (in the PDF bundle, and with --images also in the upload pack)
refused:  `add` said no in one line (type, corrupt, bomb, too large…)
failed:   accepted, but the export named it and could not include it
crashed:  anything that escaped as an unexpected exception (a traceback): must stay 0

Made for Pillow's Tests/images (about 1,000 odd, broken and fuzzed files; not downloaded by CI). Works in a
temporary library; the corpus is only read.
"""

from __future__ import annotations

import argparse
import collections
import logging
import sys
import tempfile
import time
import traceback
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from evidence_app.export.bundle import export_pdf  # noqa: E402
from evidence_app.export.model import ExportError  # noqa: E402
from evidence_app.storage.library import Library  # noqa: E402

BATCH = 150  # exhibits per case, so one bundle stays a sensible size


def main(argv: list[str] | None = None) -> int:
    warnings.simplefilter("ignore")  # Pillow's notes on damaged tags: the counts are what matter here
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--limit", type=int, default=0, help="only the first N files")
    parser.add_argument("--images", action="store_true", help="also export the upload pack")
    parser.add_argument("--verbose", action="store_true", help="print every refusal and failure")
    args = parser.parse_args(argv)
    files = sorted(p for p in args.corpus.rglob("*") if p.is_file())
    if args.limit:
        files = files[:args.limit]
    counts: collections.Counter[str] = collections.Counter()
    reasons: collections.Counter[str] = collections.Counter()
    crashes: list[str] = []
    failed: list[str] = []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="corpus-") as tmp, Library(Path(tmp) / "lib") as lib:
        case_ids: list[int] = []
        for index, path in enumerate(files):
            if index % BATCH == 0:
                case_ids.append(lib.create_case("signed_not_received", "taobao", order_no=f"C{index}").id)
            try:
                result = lib.add_file(case_ids[-1], path, "item_photo")
            except Exception:  # noqa: BLE001 - what we count
                counts["crashed"] += 1
                crashes.append(f"add {path.name}: {traceback.format_exc().strip().splitlines()[-1]}")
                continue
            if result.refused is not None:
                counts["refused"] += 1
                reasons[result.refused.code] += 1
                if args.verbose:
                    print(f"refused  {path.name}: {result.refused.message('en')}")
            elif result.duplicate_of is not None:
                counts["duplicate"] += 1
        for case_id in case_ids:
            skip: set[int] = set()
            for target_kind in ("pdf", "images") if args.images else ("pdf",):
                while True:
                    try:
                        if target_kind == "pdf":
                            export_pdf(lib, case_id, Path(tmp) / f"case{case_id}.pdf", skip=skip)
                        else:
                            from evidence_app.export.upload import export_images

                            export_images(lib, case_id, Path(tmp) / "packs", skip=skip)
                        break
                    except ExportError as exc:
                        if exc.item_id is None or exc.item_id in skip:
                            counts["crashed"] += 1
                            crashes.append(f"export case {case_id}: {exc}")
                            break
                        skip.add(exc.item_id)
                        failed.append(str(exc))
                        if args.verbose:
                            print(f"failed   {exc}")
                    except Exception:  # noqa: BLE001
                        counts["crashed"] += 1
                        crashes.append(f"export case {case_id}: {traceback.format_exc().strip().splitlines()[-1]}")
                        break
            counts["failed"] += len(skip)
            counts["accepted"] += len(lib.items(case_id)) - len(skip)
    seconds = time.perf_counter() - started
    print(f"{len(files)} files in {args.corpus} ({seconds:.0f} s)")
    for key in ("accepted", "refused", "failed", "crashed", "duplicate"):
        print(f"  {key:<9} {counts[key]}")
    if reasons:
        print("  refusals: " + ", ".join(f"{code} {n}" for code, n in reasons.most_common()))
    for line in failed:
        print(f"  failed: {line}")
    for line in crashes:
        print(f"  CRASH: {line}")
    return 1 if counts["crashed"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
