"""Outcomes: when a case went to the platform, what its checklist still missed at that moment, when it was
decided. Recorded by the library when a case's status changes, so the team lead's figures (core/stats.py)
rest on what happened, not on what the case looks like today."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timezone

from evidence_app.core.model import Case, CaseStatus
from evidence_app.core.stats import CaseOutcome

DECIDED = (CaseStatus.WON, CaseStatus.LOST)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def on_status_change(library, conn: sqlite3.Connection, case: Case, new: CaseStatus) -> None:
    """Called inside the transaction that changes `case`'s status to `new` (case is the state before).

    Submitting records the time and the required evidence missing then (a re-submission keeps the first record:
    the time to submit is measured to the first submission). Deciding (won/lost) records the decision time; a
    case decided without ever being marked submitted gets its submission recorded at the same moment."""
    if new == case.status:
        return
    now = _now()
    row = conn.execute("SELECT submitted_at FROM case_outcomes WHERE case_id = ?", (case.id,)).fetchone()
    if new == CaseStatus.SUBMITTED or (new in DECIDED and (row is None or row[0] is None)):
        if row is None or row[0] is None:
            missing = json.dumps(_missing_required(library, case), ensure_ascii=False)
            conn.execute("INSERT INTO case_outcomes(case_id, submitted_at, missing) VALUES (?, ?, ?) "
                         "ON CONFLICT(case_id) DO UPDATE SET submitted_at = excluded.submitted_at, "
                         "missing = excluded.missing", (case.id, now, missing))
    if new in DECIDED:
        conn.execute("UPDATE case_outcomes SET decided_at = ? WHERE case_id = ?", (now, case.id))
    elif case.status in DECIDED:  # reopened: the earlier decision no longer stands
        conn.execute("UPDATE case_outcomes SET decided_at = NULL WHERE case_id = ?", (case.id,))


def _missing_required(library, case: Case) -> list[str]:
    from evidence_app.core import checklist

    try:
        result = checklist.evaluate(case, library.items(case.id), library.catalog, tz=library.tz)
    except KeyError:  # unknown scenario: nothing to judge against
        return []
    return [r.requirement.id for r in result.requirements if r.requirement.level == "required" and not r.met]


def load_outcomes(library) -> dict[int, CaseOutcome]:
    out: dict[int, CaseOutcome] = {}
    for row in library.db.query("SELECT case_id, submitted_at, missing, decided_at FROM case_outcomes"):
        out[row[0]] = CaseOutcome(submitted_at=datetime.fromisoformat(row[1]) if row[1] else None,
                                  missing=tuple(json.loads(row[2] or "[]")),
                                  decided_at=datetime.fromisoformat(row[3]) if row[3] else None)
    return out


def library_stats(library, lang: str | None = None):
    """The figures of every case not in the trash (core.stats.Stats)."""
    from evidence_app.core.stats import compute

    # the sample case is invented data: it never counts
    cases = [c for c in library.cases() if not c.is_sample]
    return compute(cases, load_outcomes(library), library.catalog, library.tz, lang or library.lang)
