"""What the README's run command starts: makes sure the library has something to show, then opens the app
(the desktop window when it is installed, otherwise the sample case's checklist on the command line)."""

from __future__ import annotations

import sys

from evidence_app.cli import main as cli_main
from evidence_app.paths import default_data_dir


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    data_dir = None
    if len(argv) >= 2 and argv[0] == "--data-dir":
        data_dir = argv[1]
    from pathlib import Path

    from evidence_app.sample import ensure_sample
    from evidence_app.storage.library import Library

    folder = Path(data_dir) if data_dir else default_data_dir()
    with Library(folder) as library:
        created = ensure_sample(library)
        if created:
            print(f"已创建示例案例 (case {created}) in {folder}", file=sys.stderr)
        first = library.cases()[0].id if library.cases() else None
    try:
        from evidence_app.ui.app import run_gui
    except ImportError:
        print(f"Library: {folder}")
        cli_main([*argv, "list"])
        if first is not None:
            cli_main([*argv, "check", str(first)])
        print("\nMore: evidence-app --help")
        return 0
    return run_gui([sys.argv[0]], folder)


if __name__ == "__main__":
    sys.exit(main())
