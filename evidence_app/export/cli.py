"""The `export` command: `evidence-app export CASE -o OUT.pdf [--preset print|compact] [--budget-mb N]`,
`evidence-app export CASE --images DIR [--max-kb 500]` (the submission, after one warning line per problem on
stderr; `--strict` refuses to write when there is any), and `evidence-app export CASE -o review.pdf --review`
(the internal review)."""

from __future__ import annotations

import sys
from pathlib import Path


def cmd_export(lib, args) -> int:
    from evidence_app.cli import UsageError, _int_id
    from evidence_app.export.model import ExportError, check_pack_folder, check_pdf_target

    case_id = _int_id(args.case, "CASE")
    lib.case(case_id)
    if bool(args.output) == bool(args.images):
        raise UsageError("give either -o OUT.pdf or --images DIR")
    # The target first: a folder given to -o (or a file to --images) is one line, not warnings and then an error.
    try:
        if args.output:
            check_pdf_target(Path(args.output))
        else:
            check_pack_folder(Path(args.images))
    except ExportError as exc:
        raise UsageError(str(exc)) from None

    def progress(done: int, total: int, what: str) -> None:
        if args.progress:
            print(f"{done}/{total} {what}", file=sys.stderr, flush=True)

    if args.review:
        if not args.output:
            raise UsageError("--review writes a PDF: give -o REVIEW.pdf")
        from evidence_app.export.review import export_review

        try:
            result = export_review(lib, case_id, Path(args.output))
        except ExportError as exc:
            raise UsageError(str(exc)) from None
        print(f"{result.path}\t{result.pages} pages\t{result.bytes / 1e6:.2f} MB")
        return 0

    pool = None
    if args.output and args.preset == "print" and not args.strict:
        # the pictures go to the workers first; the layout modules load and the case is judged meanwhile
        from evidence_app.export.ahead import command_pool

        pool = command_pool(lib, case_id)  # None when not worth it, or when it could not start
    try:
        return _export(lib, args, case_id, progress)
    finally:
        if pool is not None:
            from evidence_app.export.prepare_pool import install_shared

            install_shared(None)
            pool.shutdown()


def _export(lib, args, case_id: int, progress) -> int:
    from evidence_app.cli import UsageError
    from evidence_app.export.document import build
    from evidence_app.export.model import ExportError

    problems = build(lib, case_id, lang=lib.lang).problems
    for problem in problems:
        print(f"warning: {problem.text}", file=sys.stderr, flush=True)
    if problems and args.strict:
        print(f"error: {len(problems)} problem(s); nothing written (--strict)", file=sys.stderr)
        return 1

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


def cmd_draft(lib, args) -> int:
    """Print the statement drafted from the scenario's template (exhibits as 证据 N); --set stores it."""
    from evidence_app.cli import UsageError, _int_id
    from evidence_app.core import statements
    from evidence_app.export.document import draft_statement

    case_id = _int_id(args.case, "CASE")
    lib.case(case_id)
    lang = args.lang or lib.lang
    stored = draft_statement(lib, case_id, lang)
    if not stored:
        raise UsageError("no statement template fits this case (no template for its scenario, or no exhibits yet)")
    print(statements.render(stored, lib.items(case_id), lang))
    if args.set:
        lib.update_case(case_id, statement=stored)
    return 0


def register(add) -> None:
    d = add("draft", cmd_draft, "draft the statement from the scenario's template and the case's exhibits")
    d.add_argument("case")
    d.add_argument("--set", action="store_true", help="also store it as the case's statement (replaces it)")
    d.add_argument("--lang", choices=("zh_CN", "en"), help="template language (default: the library's)")

    p = add("export", cmd_export, "export the case as a PDF bundle (-o) or as upload images (--images)")
    p.add_argument("case")
    p.add_argument("-o", "--output", help="the PDF to write")
    p.add_argument("--preset", choices=("print", "compact"), default="print")
    p.add_argument("--budget-mb", type=float, default=5.0, help="compact: the size the PDF must stay under")
    p.add_argument("--images", metavar="DIR", help="write numbered upload images and statement.txt to DIR")
    p.add_argument("--max-kb", type=int, default=500, help="upload images: the size limit of each image")
    p.add_argument("--progress", action="store_true", help="print progress lines on stderr")
    p.add_argument("--review", action="store_true",
                   help="write the internal review (full checklist, every finding, deadline, trash), not for the platform")
    p.add_argument("--strict", action="store_true", help="exit 1 without writing when any warning applies")
