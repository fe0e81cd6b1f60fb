"""Re-check the stored files against the SHA-256 they were stored under: a flipped bit on disk, a file deleted
by hand or a restore from a bad backup shows here, named, before a bundle vouches for it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from evidence_app.core.model import EvidenceItem
from evidence_app.storage.filestore import sha256_file
from evidence_app.storage.library import Library

MISSING = "missing"
DAMAGED = "damaged"


@dataclass
class Problem:
    item: EvidenceItem
    kind: str  # MISSING or DAMAGED

    def message(self, library: Library) -> str:
        what = ("the stored file is missing from the library" if self.kind == MISSING
                else "the stored file is damaged (its SHA-256 no longer matches)")
        return f"case {self.item.case_id} item {self.item.id} ({self.item.original_name}): {what}"


@dataclass
class VerifyReport:
    files: int = 0
    items: int = 0
    problems: list[Problem] = field(default_factory=list)


def file_problem(library: Library, item: EvidenceItem) -> str | None:
    """MISSING, DAMAGED or None for one item's stored file."""
    path = library.file_path(item)
    try:
        digest, _ = sha256_file(path)
    except FileNotFoundError:
        return MISSING
    except OSError:
        return DAMAGED
    return None if digest == item.sha256 else DAMAGED


def verify(library: Library, case_id: int | None = None,
           progress: Callable[[int, int], None] | None = None) -> VerifyReport:
    """Check every stored file (of one case, or of the whole library, trash included): each file once."""
    if case_id is not None:
        library.case(case_id)
        items = library.items(case_id, include_deleted=True)
    else:
        items = [library._row_to_item(r) for r in library.db.query("SELECT * FROM items ORDER BY case_id, id")]
    report = VerifyReport(items=len(items))
    results: dict[str, str | None] = {}
    for item in items:
        if item.sha256 not in results:
            results[item.sha256] = file_problem(library, item)
            report.files += 1
            if progress:
                progress(report.files, len(items))
        if results[item.sha256]:
            report.problems.append(Problem(item, results[item.sha256] or ""))
    return report
