"""Outcome figures (core/stats.py) and what the library records when a case is submitted or decided."""

import csv
import io
import json
from datetime import datetime, timedelta, timezone

from evidence_app.core.model import Case, CaseStatus
from evidence_app.core.stats import CaseOutcome, compute, to_csv
from evidence_app.core.timeutil import zone
from evidence_app.storage.outcomes import library_stats, load_outcomes
from tests import factories

T0 = datetime(2025, 3, 31, 20, 0, tzinfo=timezone.utc)  # 2025-04-01 04:00 in Shanghai


def _case(case_id, status, scenario="signed_not_received", platform="taobao", created=T0, requested=None):
    return Case(id=case_id, scenario=scenario, platform=platform, status=CaseStatus(status), created_at=created,
                requested_at=requested)


def test_compute_groups_win_rate_median_and_missing(catalog):
    cases = [_case(1, "won"), _case(2, "lost", platform="jd"), _case(3, "won", requested=T0 + timedelta(hours=2)),
             _case(4, "draft", scenario="not_as_described", created=T0 - timedelta(days=40)),
             _case(5, "submitted")]
    outcomes = {1: CaseOutcome(T0 + timedelta(hours=10), ("proof_of_receipt",)),
                2: CaseOutcome(T0 + timedelta(hours=30), ("proof_of_receipt",)),
                3: CaseOutcome(T0 + timedelta(hours=6), ()),  # 4 h after the request, not after creation
                5: CaseOutcome(T0 + timedelta(hours=1), ())}
    stats = compute(cases, outcomes, catalog, zone("Asia/Shanghai"))
    assert (stats.total.cases, stats.total.submitted, stats.total.won, stats.total.lost) == (5, 4, 2, 1)
    assert stats.total.win_rate == round(2 / 3, 4)
    assert stats.total.median_hours_to_submit == 7.0  # median of 10, 30, 4, 1
    platforms = {g.key: g for g in stats.by_platform}
    assert platforms["jd"].win_rate == 0 and platforms["taobao"].win_rate == 1.0
    assert platforms["jd"].median_hours_to_submit == 30
    months = [g.key for g in stats.by_month]
    assert months == ["2025-02", "2025-04"]  # the library's time zone decides the month
    scenarios = {g.key: g for g in stats.by_scenario}
    assert scenarios["not_as_described"].submitted == 0 and scenarios["not_as_described"].win_rate is None
    assert stats.recorded_submissions == 4
    top = stats.missing[0]
    assert (top.requirement, top.count, top.share) == ("proof_of_receipt", 2, 0.5)
    assert "签收底单" in top.name
    rows = list(csv.reader(io.StringIO(to_csv(stats))))
    assert rows[0][:4] == ["group", "key", "name", "cases"]
    assert ["all", "all", "全部", "5", "4", "2", "1", "0.6667", "7"] in rows
    assert any(r[0] == "missing" and r[1] == "signed_not_received/proof_of_receipt" and r[3] == "2" for r in rows)
    json.dumps(stats.as_dict())


def test_submission_records_missing_evidence_once_and_decision(lib, tmp_path):
    case = lib.create_case("signed_not_received", "taobao", order_no="1")
    lib.update_case(case.id, status=CaseStatus.SUBMITTED)
    first = load_outcomes(lib)[case.id]
    assert first.submitted_at is not None and "proof_of_receipt" in first.missing
    # evidence added later and submitted again: the record of the first submission stands
    lib.add_file(case.id, factories.photo(tmp_path / "slip.jpg"), "signature_slip")
    lib.update_case(case.id, status=CaseStatus.READY)
    lib.update_case(case.id, status=CaseStatus.SUBMITTED)
    assert load_outcomes(lib)[case.id] == first
    lib.update_case(case.id, status=CaseStatus.WON)
    assert load_outcomes(lib)[case.id].decided_at is not None
    lib.update_case(case.id, status=CaseStatus.SUBMITTED)  # reopened: no decision any more
    assert load_outcomes(lib)[case.id].decided_at is None
    # decided without ever being marked submitted: the submission is recorded then, with what was missing
    other = lib.create_case("signed_not_received", "jd")
    lib.add_file(other.id, factories.photo(tmp_path / "slip2.jpg", color=(1, 2, 3)), "signature_slip")
    lib.update_case(other.id, status=CaseStatus.LOST)
    recorded = load_outcomes(lib)[other.id]
    assert recorded.submitted_at is not None and recorded.decided_at is not None
    assert "proof_of_receipt" not in recorded.missing
    stats = library_stats(lib)
    assert (stats.total.cases, stats.total.won, stats.total.lost) == (2, 0, 1)


def test_sample_case_is_left_out(lib):
    from evidence_app.sample import create_sample_case

    create_sample_case(lib)
    assert library_stats(lib).total.cases == 0
