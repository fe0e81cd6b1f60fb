"""Outcome figures a team lead asks for: cases, win rate and median time to submit per scenario, platform and
month, and the required evidence most often still missing when a case was submitted. Qt-free; the GUI's 统计
view and `evidence-app stats` print the same numbers.

Definitions (also in the README):
- submitted: the case reached 已提交, 胜诉 or 败诉; won/lost: its status now; win rate = won / (won + lost).
- time to submit: from the platform's evidence request (requested_at) or, without one, from the case's
  creation, to the first time it was marked submitted; median in hours.
- month: the month the case was created, in the library's time zone.
"""

from __future__ import annotations

import csv
import io
import statistics
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, tzinfo

from evidence_app.core.catalog import Catalog
from evidence_app.core.i18n import join
from evidence_app.core.model import Case, CaseStatus

SUBMITTED = (CaseStatus.SUBMITTED, CaseStatus.WON, CaseStatus.LOST)


@dataclass(frozen=True)
class CaseOutcome:
    submitted_at: datetime | None = None
    missing: tuple[str, ...] = ()  # required requirement ids not met at the first submission
    decided_at: datetime | None = None


@dataclass
class Group:
    key: str
    name: str
    cases: int = 0
    submitted: int = 0
    won: int = 0
    lost: int = 0
    hours: list[float] = field(default_factory=list)

    @property
    def win_rate(self) -> float | None:
        decided = self.won + self.lost
        return round(self.won / decided, 4) if decided else None

    @property
    def median_hours_to_submit(self) -> float | None:
        return round(statistics.median(self.hours), 1) if self.hours else None

    def add(self, case: Case, hours: float | None) -> None:
        self.cases += 1
        self.submitted += case.status in SUBMITTED
        self.won += case.status == CaseStatus.WON
        self.lost += case.status == CaseStatus.LOST
        if hours is not None:
            self.hours.append(hours)

    def as_dict(self) -> dict[str, object]:
        return {"key": self.key, "name": self.name, "cases": self.cases, "submitted": self.submitted,
                "won": self.won, "lost": self.lost, "win_rate": self.win_rate,
                "median_hours_to_submit": self.median_hours_to_submit}


@dataclass
class MissingCount:
    scenario: str
    requirement: str
    name: str
    count: int
    share: float  # of the submissions recorded for that scenario

    def as_dict(self) -> dict[str, object]:
        return {"scenario": self.scenario, "requirement": self.requirement, "name": self.name,
                "count": self.count, "share": self.share}


@dataclass
class Stats:
    total: Group
    by_scenario: list[Group]
    by_platform: list[Group]
    by_month: list[Group]
    missing: list[MissingCount]
    recorded_submissions: int  # submissions whose checklist was recorded (the base of `missing`)

    def as_dict(self) -> dict[str, object]:
        return {"total": self.total.as_dict(),
                "by_scenario": [g.as_dict() for g in self.by_scenario],
                "by_platform": [g.as_dict() for g in self.by_platform],
                "by_month": [g.as_dict() for g in self.by_month],
                "missing_at_submission": [m.as_dict() for m in self.missing],
                "recorded_submissions": self.recorded_submissions}


def hours_to_submit(case: Case, outcome: CaseOutcome | None) -> float | None:
    if outcome is None or outcome.submitted_at is None:
        return None
    start = case.requested_at or case.created_at
    if start is None:
        return None
    hours = (outcome.submitted_at - start).total_seconds() / 3600
    return hours if hours >= 0 else None  # a request time typed after the submission is a typo, not a figure


def requirement_name(catalog: Catalog, scenario_id: str, requirement_id: str, lang: str) -> str:
    scenario = catalog.scenarios.get(scenario_id)
    req = next((r for r in scenario.requirements if r.id == requirement_id), None) if scenario else None
    if req is None:
        return requirement_id
    return join([catalog.kind_name(k, lang) for k in req.kinds], lang, "or")


def compute(cases: list[Case], outcomes: dict[int, CaseOutcome], catalog: Catalog, tz: tzinfo,
            lang: str = "zh_CN") -> Stats:
    total = Group("all", "全部" if lang.startswith("zh") else "all")
    scenarios: dict[str, Group] = {}
    platforms: dict[str, Group] = {}
    months: dict[str, Group] = {}
    missing: Counter[tuple[str, str]] = Counter()
    recorded: Counter[str] = Counter()
    for case in cases:
        outcome = outcomes.get(case.id)
        hours = hours_to_submit(case, outcome)
        month = case.created_at.astimezone(tz).strftime("%Y-%m") if case.created_at else "—"
        for table, key, name in ((scenarios, case.scenario, catalog.scenario_name(case.scenario, lang)),
                                 (platforms, case.platform, catalog.platform_name(case.platform, lang)),
                                 (months, month, month)):
            table.setdefault(key, Group(key, name)).add(case, hours)
        total.add(case, hours)
        if outcome is not None and outcome.submitted_at is not None:
            recorded[case.scenario] += 1
            for requirement in outcome.missing:
                missing[(case.scenario, requirement)] += 1
    missing_rows = [MissingCount(s, r, f"{catalog.scenario_name(s, lang)}: "
                                       f"{requirement_name(catalog, s, r, lang)}", n, round(n / recorded[s], 4))
                    for (s, r), n in sorted(missing.items(), key=lambda kv: (-kv[1], kv[0]))]
    by_cases = lambda groups: sorted(groups.values(), key=lambda g: (-g.cases, g.key))  # noqa: E731
    return Stats(total, by_cases(scenarios), by_cases(platforms), sorted(months.values(), key=lambda g: g.key),
                 missing_rows, sum(recorded.values()))


CSV_HEADER = ("group", "key", "name", "cases", "submitted", "won", "lost", "win_rate", "median_hours_to_submit")


def to_csv(stats: Stats) -> str:
    """One table: a row per group (all, scenario, platform, month), then the missing requirements
    (group "missing": cases = how many submissions missed it, win_rate column = its share)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")  # what Excel expects
    writer.writerow(CSV_HEADER)
    rows = [("all", stats.total)] + [("scenario", g) for g in stats.by_scenario] + \
        [("platform", g) for g in stats.by_platform] + [("month", g) for g in stats.by_month]
    for group, g in rows:
        writer.writerow((group, g.key, g.name, g.cases, g.submitted, g.won, g.lost, _num(g.win_rate),
                         _num(g.median_hours_to_submit)))
    for m in stats.missing:
        writer.writerow(("missing", f"{m.scenario}/{m.requirement}", m.name, m.count, "", "", "", _num(m.share), ""))
    return buffer.getvalue()


def _num(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def format_text(stats: Stats) -> str:
    """The same figures as a plain table for the terminal."""
    lines = []

    def table(title: str, groups: list[Group]) -> None:
        lines.append(title)
        for g in groups:
            rate = f"{g.win_rate * 100:.0f}%" if g.win_rate is not None else "-"
            median = f"{g.median_hours_to_submit:g} h" if g.median_hours_to_submit is not None else "-"
            lines.append(f"  {g.name:<24} cases {g.cases:>6}  submitted {g.submitted:>6}  won {g.won:>5}  "
                         f"lost {g.lost:>5}  win rate {rate:>5}  median to submit {median}")

    table("total", [stats.total])
    table("by scenario", stats.by_scenario)
    table("by platform", stats.by_platform)
    table("by month", stats.by_month)
    lines.append(f"missing at submission (of {stats.recorded_submissions} recorded submissions)")
    for m in stats.missing[:20]:
        lines.append(f"  {m.count:>6}  {m.share * 100:5.1f}%  {m.name}")
    if not stats.missing:
        lines.append("  -")
    return "\n".join(lines)
