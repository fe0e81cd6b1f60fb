"""Judges a case against its scenario: each requirement met or missing, plus the time findings."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone, tzinfo

from evidence_app.core import deadlines
from evidence_app.core.catalog import Catalog, Requirement, Scenario
from evidence_app.core.i18n import join, tr
from evidence_app.core.model import Case, EvidenceItem


@dataclass
class RequirementResult:
    requirement: Requirement
    status: str  # "met" | "missing" | "unconfirmed" (items present, but the agent has not confirmed what they show)
    items: list[int]
    message: str
    never_items: list[int] = field(default_factory=list)  # items of kinds that can never satisfy it

    @property
    def met(self) -> bool:
        return self.status == "met"

    def as_dict(self) -> dict[str, object]:
        req = self.requirement
        return {"id": req.id, "level": req.level, "kinds": list(req.kinds), "min_count": req.min_count,
                "status": self.status, "items": self.items, "rule": req.rule, "message": self.message}


@dataclass
class ChecklistResult:
    case_id: int
    scenario: Scenario
    requirements: list[RequirementResult]
    findings: list[deadlines.Finding]

    @property
    def ready(self) -> bool:
        return (all(r.met for r in self.requirements if r.requirement.level == "required")
                and not any(f.blocking for f in self.findings))

    @property
    def required_counts(self) -> tuple[int, int]:
        required = [r for r in self.requirements if r.requirement.level == "required"]
        return sum(r.met for r in required), len(required)

    def items_for(self, requirement_id: str) -> list[int]:
        for result in self.requirements:
            if result.requirement.id == requirement_id:
                return result.items
        return []

    def as_dict(self) -> dict[str, object]:
        return {"case": self.case_id, "scenario": self.scenario.id, "ready": self.ready,
                "requirements": [r.as_dict() for r in self.requirements],
                "findings": [f.as_dict() for f in self.findings]}


def applies(requirement: Requirement, case: Case) -> bool:
    if requirement.when == "imported":
        return case.imported
    return True


def _judge(req: Requirement, items: list[EvidenceItem], catalog: Catalog, lang: str) -> RequirementResult:
    matching = [item for item in items if item.kind in req.kinds]
    kinds_text = join([catalog.kind_name(k, lang) for k in req.kinds], lang, "or")
    if len(matching) >= req.min_count:
        labels = [f"#{item.id} {catalog.kind_name(item.kind, lang)}" for item in matching]
        return RequirementResult(req, "met", [i.id for i in matching],
                                 tr("req.met", lang, count=len(matching), items=join(labels, lang)))
    if req.min_count > 1 and matching:
        message = tr("req.missing_count", lang, need=req.min_count, kinds=kinds_text, have=len(matching))
    else:
        message = tr("req.missing", lang, kinds=kinds_text)
    never = [item for item in items if item.kind in req.never]
    if never:
        never_kinds = sorted({item.kind for item in never}, key=req.never.index)
        message += "; " + tr("req.never", lang, kinds=join([catalog.kind_name(k, lang) for k in never_kinds], lang),
                             rule=req.rule)
    return RequirementResult(req, "missing", [i.id for i in matching], message, [i.id for i in never])


def evaluate(case: Case, items: list[EvidenceItem], catalog: Catalog, *, now: datetime | None = None,
             lang: str = "zh_CN", tz: tzinfo | None = None) -> ChecklistResult:
    """The checklist for `case` with its active (not trashed) `items`. Raises KeyError for an unknown scenario."""
    scenario = catalog.scenarios.get(case.scenario)
    if scenario is None:
        raise KeyError(f"unknown scenario {case.scenario!r}")
    platform = catalog.platforms.get(case.platform) or catalog.platforms["other"]
    active = [item for item in items if item.deleted_at is None]
    results = [_judge(req, active, catalog, lang) for req in scenario.requirements if applies(req, case)]
    findings = []
    for check in scenario.time_checks:
        if check == "ship_deadline":
            findings.append(deadlines.ship_deadline(case, platform, lang, tz))
        elif check == "seven_day_window":
            findings.append(deadlines.seven_day_window(case, lang, tz))
        elif check == "refund_before_shipment":
            findings.append(deadlines.refund_before_shipment(case, lang, tz))
    findings.append(deadlines.evidence_deadline(case, platform, now or datetime.now(timezone.utc), lang, tz))
    return ChecklistResult(case.id, scenario, results, findings)
