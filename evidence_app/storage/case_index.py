"""Light reads of many cases at once for lists (the CLI's `list`, the window's case list): only the columns a
list shows, datetimes parsed only where needed. Reading every column of 20,000 cases took most of a second."""

from __future__ import annotations

from datetime import datetime

from evidence_app.core.model import Case, CaseStatus

LIST_COLUMNS = ("id", "scenario", "platform", "title", "order_no", "refund_no", "buyer", "statement", "status",
                "is_sample", "requested_at", "due_at", "created_at", "updated_at")


def list_cases(library, only_deleted: bool = False) -> list[Case]:
    """Cases (not in the trash, or only those in it) with the list's columns; other fields keep their defaults,
    so read the full case (`library.case`) before editing or judging it."""
    parse = datetime.fromisoformat
    status_of = {status.value: status for status in CaseStatus}  # an Enum call per row costs more than the row
    where = "deleted_at IS NOT NULL" if only_deleted else "deleted_at IS NULL"
    out = []
    for row in library.db.query(f"SELECT {', '.join(LIST_COLUMNS)} FROM cases WHERE {where} ORDER BY id"):
        (case_id, scenario, platform, title, order_no, refund_no, buyer, statement, status, is_sample, requested,
         due, created, updated) = row
        out.append(Case(id=case_id, scenario=scenario, platform=platform, title=title, order_no=order_no,
                        refund_no=refund_no, buyer=buyer, statement=statement, status=status_of[status],
                        is_sample=bool(is_sample), requested_at=parse(requested) if requested else None,
                        due_at=parse(due) if due else None, created_at=parse(created) if created else None,
                        updated_at=parse(updated) if updated else None))
    return out
