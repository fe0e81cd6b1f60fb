"""The `export` command: `evidence-app export CASE -o OUT.pdf [--preset print|compact] [--budget-mb N]`
and `evidence-app export CASE --images DIR [--max-kb 500]`."""

from __future__ import annotations

import sys
from pathlib import Path


def cmd_export(lib, args) -> int:
    from evidence_app.cli import UsageError, _int_id
    from evidence_app.export.model import ExportError

    case_id = _int_id(args.case, "CASE")
    lib.case(case_id)
    if bool(args.output) == bool(args.images):
        raise UsageError("give either -o OUT.pdf or --images DIR")

    def progress(done: int, total: int, what: str) -> None:
        if args.progress:
            print(f"{done}/{total} {what}", file=sys.stderr, flush=True)

    try:
        if args.output:
            from evidence_app.export.bundle import export_pdf

            result = export_pdf(lib, case_id, Path(args.output), args.preset, int(args.budget_mb * 1_000_000),
                                progress=progress)
            print(f"{result.path}\t{result.pages} pages\t{result.bytes / 1e6:.2f} MB\t"
                  f"{result.preset.dpi if result.preset else ''} dpi")
        else:
            from evidence_app.export.upload import export_images

            result = export_images(lib, case_id, Path(args.images), max_kb=args.max_kb, progress=progress)
            for path in result.files:
                print(path)
    except ExportError as exc:
        raise UsageError(str(exc)) from None
    except OSError as exc:  # a full disk, no permission: one line; the previous file is left as it was
        target = args.output or args.images
        raise UsageError(f"cannot write {target}: {exc.strerror or exc}") from None
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    return 0


def register(add) -> None:
    p = add("export", cmd_export, "export the case as a PDF bundle (-o) or as upload images (--images)")
    p.add_argument("case")
    p.add_argument("-o", "--output", help="the PDF to write")
    p.add_argument("--preset", choices=("print", "compact"), default="print")
    p.add_argument("--budget-mb", type=float, default=5.0, help="compact: the size the PDF must stay under")
    p.add_argument("--images", metavar="DIR", help="write numbered upload images and statement.txt to DIR")
    p.add_argument("--max-kb", type=int, default=500, help="upload images: the size limit of each image")
    p.add_argument("--progress", action="store_true", help="print progress lines on stderr")
