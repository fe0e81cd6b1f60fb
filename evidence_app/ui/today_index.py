"""Today's four lists kept sorted as cases change (Qt-free).

With 20,000 cases, walking every case each time Today is shown took tens of milliseconds on the GUI thread
(a search that hides the open case shows Today). Here each open case sits once in a sorted list, by deadline
(overdue and due within 24 h are two slices of it, cut where the clock is), by creation (waiting for the buyer:
no deadline yet) or by submission (recently submitted): showing Today is a few bisections and at most
`limit` ids per list; a changed case moves in one list (a memmove, no Python per case)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable

CLOSED = ("submitted", "won", "lost")
INF = float("inf")


class TodayIndex:
    def __init__(self) -> None:
        self.due: list[tuple[float, int]] = []  # (deadline, case id), oldest deadline first
        self.waiting: list[tuple[float, int]] = []  # (-created, case id), newest first
        self.submitted: list[tuple[float, int]] = []  # (-submitted, case id), newest first
        self._where: dict[int, tuple[list, tuple[float, int]]] = {}

    @staticmethod
    def entry(status: str, due_ts: float | None, created_ts: float, submitted_ts: float | None) -> tuple | None:
        """Which list a case belongs to and its key there; None for a case Today never shows."""
        if status == "submitted":
            return None if submitted_ts is None else ("submitted", -submitted_ts)
        if status in CLOSED:
            return None
        if due_ts is None:
            return ("waiting", -created_ts)
        return ("due", due_ts)

    def build(self, entries: Iterable[tuple[int, tuple | None]]) -> None:
        """Every case at once (start-up, reload): one sort per list."""
        lists: dict[str, list] = {"due": [], "waiting": [], "submitted": []}
        where = {}
        for case_id, entry in entries:
            if entry is not None:
                name, key = entry
                item = (key, case_id)
                lists[name].append(item)
                where[case_id] = (name, item)
        for values in lists.values():
            values.sort()
        self.due, self.waiting, self.submitted = lists["due"], lists["waiting"], lists["submitted"]
        self._where = {case_id: (getattr(self, name), item) for case_id, (name, item) in where.items()}

    def put(self, case_id: int, entry: tuple | None) -> None:
        """One case changed (or was added): it leaves its old place and takes its new one."""
        self.remove(case_id)
        if entry is not None:
            name, key = entry
            target, item = getattr(self, name), (key, case_id)
            insort(target, item)
            self._where[case_id] = (target, item)

    def remove(self, case_id: int) -> None:
        old = self._where.pop(case_id, None)
        if old is not None:
            values, item = old
            at = bisect_left(values, item)
            if at < len(values) and values[at] == item:
                del values[at]

    def groups(self, now_ts: float, limit: int, soon_s: float, recent_s: float
               ) -> tuple[dict[str, list[int]], dict[str, int]]:
        """Case ids per list (most urgent first, at most `limit` each) and how many each list has in all."""
        due = self.due
        cut = bisect_left(due, (now_ts, -INF))  # deadlines before now: overdue
        soon_end = bisect_right(due, (now_ts + soon_s, INF))
        recent_end = bisect_right(self.submitted, (-(now_ts - recent_s), INF))
        ids = {"overdue": [case_id for _, case_id in due[:min(cut, limit)]],
               "soon": [case_id for _, case_id in due[cut:min(soon_end, cut + limit)]],
               "waiting": [case_id for _, case_id in self.waiting[:limit]],
               "submitted": [case_id for _, case_id in self.submitted[:min(recent_end, limit)]]}
        counts = {"overdue": cut, "soon": soon_end - cut, "waiting": len(self.waiting), "submitted": recent_end}
        return ids, counts
