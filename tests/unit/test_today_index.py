"""Today's sorted index against a plain walk over every case, through random changes."""

import random

from evidence_app.ui.today_index import TodayIndex

STATUSES = ("draft", "ready", "submitted", "won", "lost")
DAY = 24 * 3600


def _walk(cases, now, limit):
    """What Today showed before the index: every case looked at, sorted, cut."""
    out = {"overdue": [], "soon": [], "waiting": [], "submitted": []}
    for case_id, (status, due, created, submitted) in cases.items():
        if status == "submitted":
            if submitted is not None and submitted >= now - 7 * DAY:
                out["submitted"].append((-submitted, case_id))
        elif status in ("won", "lost"):
            continue
        elif due is None:
            out["waiting"].append((-created, case_id))
        elif due < now:
            out["overdue"].append((due, case_id))
        elif due <= now + DAY:
            out["soon"].append((due, case_id))
    return ({k: [c for _, c in sorted(v)[:limit]] for k, v in out.items()}, {k: len(v) for k, v in out.items()})


def _random_case(rng, now):
    due = None if rng.random() < 0.2 else now + rng.uniform(-10 * DAY, 10 * DAY)
    submitted = None if rng.random() < 0.1 else now - rng.uniform(0, 14 * DAY)
    return (rng.choice(STATUSES), due, now - rng.uniform(0, 30 * DAY), submitted)


def test_index_matches_a_walk_over_every_case_through_changes():
    rng = random.Random(5)
    now = 1_800_000_000.0
    cases = {n: _random_case(rng, now) for n in range(1, 600)}
    index = TodayIndex()
    index.build((n, TodayIndex.entry(*c)) for n, c in cases.items())
    for _step in range(400):
        clock = now + rng.uniform(-2 * DAY, 2 * DAY)  # the same index read at other times of day
        assert index.groups(clock, 25, DAY, 7 * DAY) == _walk(cases, clock, 25)
        case_id = rng.randrange(1, 700)
        if rng.random() < 0.15 and case_id in cases:
            del cases[case_id]
            index.remove(case_id)
        else:
            cases[case_id] = _random_case(rng, now)
            index.put(case_id, TodayIndex.entry(*cases[case_id]))
    assert index.groups(now, 1000, DAY, 7 * DAY) == _walk(cases, now, 1000)


def test_index_handles_equal_deadlines_and_unknown_ids():
    index = TodayIndex()
    index.build([(1, ("due", 100.0)), (2, ("due", 100.0)), (3, None)])
    index.remove(99)  # never indexed: nothing happens
    index.put(1, ("due", 50.0))
    assert index.groups(101.0, 10, 10.0, 10.0)[0]["overdue"] == [1, 2]
    index.put(2, None)  # closed
    ids, counts = index.groups(101.0, 10, 10.0, 10.0)
    assert ids["overdue"] == [1] and counts == {"overdue": 1, "soon": 0, "waiting": 0, "submitted": 0}
