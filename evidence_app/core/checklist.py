"""Judges a case against its scenario: each requirement met, unconfirmed or missing, plus the findings.

Which requirements and declared findings apply depends on the case (its platform, facts, times and exhibits,
through the condition language of core/conditions.py); every citation is resolved for the case's platform.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone, tzinfo

from evidence_app.core import deadlines
from evidence_app.core.catalog import Catalog, Platform, Requirement, Scenario
from evidence_app.core.i18n import join, tr
from evidence_app.core.model import FACT_NAMES, Case, EvidenceItem

# The citation each computed finding stands on (keys of rules.toml).
FINDING_CITES = {
    "ship_deadline": ("ship_time",),
    "seven_day_window": ("seven_day_count",),
    "refund_before_shipment": ("late_or_refunded_shipping",),
    "repair_window": ("repair_windows",),
    "first_answer": ("jd_first_answer",),
}


@dataclass
class RequirementResult:
    requirement: Requirement
    status: str  # "met" | "missing" | "unconfirmed" (items present, but the agent has not confirmed what they show)
    items: list[int]
    message: str
    never_items: list[int] = field(default_factory=list)  # items of kinds that can never satisfy it
    rule: str = ""  # the citation resolved for the case's platform
    questions: list[str] = field(default_factory=list)  # question ids still to confirm (status "unconfirmed")

    @property
    def met(self) -> bool:
        return self.status == "met"

    def as_dict(self) -> dict[str, object]:
        req = self.requirement
        out: dict[str, object] = {"id": req.id, "level": req.level, "kinds": list(req.kinds),
                                  "min_count": req.min_count, "status": self.status, "items": self.items,
                                  "rule": self.rule, "message": self.message}
        if self.questions:
            out["questions"] = self.questions
        return out


@dataclass
class ChecklistResult:
    case_id: int
    scenario: Scenario
    requirements: list[RequirementResult]
    findings: list[deadlines.Finding]
    platform: str = ""
    facts: dict[str, object] = field(default_factory=dict)

    @property
    def ready(self) -> bool:
        return (all(r.met for r in self.requirements if r.requirement.level == "required")
                and not any(f.blocking for f in self.findings))

    @property
    def required_counts(self) -> tuple[int, int]:
        required = [r for r in self.requirements if r.requirement.level == "required"]
        return sum(r.met for r in required), len(required)

    @property
    def blocking(self) -> list[deadlines.Finding]:
        return [f for f in self.findings if f.blocking]

    def items_for(self, requirement_id: str) -> list[int]:
        for result in self.requirements:
            if result.requirement.id == requirement_id:
                return result.items
        return []

    def as_dict(self) -> dict[str, object]:
        return {"case": self.case_id, "scenario": self.scenario.id, "platform": self.platform, "ready": self.ready,
                "facts": self.facts, "requirements": [r.as_dict() for r in self.requirements],
                "findings": [f.as_dict() for f in self.findings]}


def case_facts(case: Case) -> dict[str, object]:
    return {"imported": case.imported, **{name: getattr(case, name) for name in FACT_NAMES}}


def atoms(case: Case, items: list[EvidenceItem], time_findings: dict[str, deadlines.Finding]) -> dict[str, object]:
    """What conditions are evaluated against: facts, derived times, `evidence.<kind>`."""
    values = case_facts(case)
    ship = time_findings.get("ship_deadline")
    seven = time_findings.get("seven_day_window")
    values.update({
        "signed": case.signed_at is not None,
        "shipped_late": bool(ship and ship.status == "late" and case.pickup_at is not None),
        "not_shipped": case.pickup_at is None,
        "refund_before_shipment": case.refund_at is not None and (case.pickup_at is None or case.refund_at < case.pickup_at),
        "seven_day_outside": bool(seven and seven.status == "outside"),
        "seven_day_disputed": bool(seven and seven.status == "disputed"),
    })
    for item in items:
        values[f"evidence.{item.kind}"] = True
    return values


def applies(requirement: Requirement, case: Case, values: dict[str, object] | None = None) -> bool:
    if requirement.platforms and case.platform not in requirement.platforms:
        return False
    if requirement.condition is None:
        return True
    return requirement.condition(values if values is not None else atoms(case, [], {}))


def _judge(req: Requirement, items: list[EvidenceItem], catalog: Catalog, lang: str, rule: str) -> RequirementResult:
    present = {item.kind for item in items}
    matching = [item for item in items if item.kind in req.kinds]
    counted, pending, questions, notes = [], [], [], []
    for item in matching:
        # a ticked caveat (e.g. slip signed by someone else) needs its companion kind on file (Art. 36)
        lacking = [q for q in catalog.questions_for(item.kind)
                   if q.needs and q.id in item.attestations and q.needs not in present]
        if lacking:
            notes += [tr("req.needs_companion", lang, item=item.id, kind=catalog.kind_name(q.needs, lang)) for q in lacking]
            continue
        open_questions = [q for q in req.confirm if q in catalog.questions and catalog.questions[q].kind == item.kind
                          and q not in item.attestations]
        if open_questions:
            pending.append(item)
            questions += [q for q in open_questions if q not in questions]
        else:
            counted.append(item)
    kinds_text = join([catalog.kind_name(k, lang) for k in req.kinds], lang, "or")
    ids = [i.id for i in matching]
    if len(counted) >= req.min_count:
        labels = [f"#{item.id} {catalog.kind_name(item.kind, lang)}" for item in counted]
        return RequirementResult(req, "met", [i.id for i in counted], tr("req.met", lang, count=len(counted),
                                                                          items=join(labels, lang)), rule=rule)
    if pending and len(counted) + len(pending) >= req.min_count:
        texts = join([catalog.questions[q].text(lang) for q in questions], lang)
        message = tr("req.unconfirmed", lang, question=texts, items=", #".join(str(i.id) for i in pending))
        return RequirementResult(req, "unconfirmed", ids, message, rule=rule, questions=questions)
    if req.min_count > 1 and matching:
        message = tr("req.missing_count", lang, need=req.min_count, kinds=kinds_text, have=len(counted))
    else:
        message = tr("req.missing", lang, kinds=kinds_text)
    if notes:
        message += "; " + join(notes, lang)
    never = [item for item in items if item.kind in req.never]
    if never:
        never_kinds = sorted({item.kind for item in never}, key=req.never.index)
        message += "; " + tr("req.never", lang, kinds=join([catalog.kind_name(k, lang) for k in never_kinds], lang),
                             rule=rule)
    return RequirementResult(req, "missing", ids, message, [i.id for i in never], rule=rule, questions=questions)


def _time_findings(case: Case, scenario: Scenario, platform: Platform, lang: str, tz: tzinfo | None,
                   now: datetime) -> dict[str, deadlines.Finding]:
    out: dict[str, deadlines.Finding] = {}
    for check in scenario.time_checks:
        if check == "ship_deadline":
            out[check] = deadlines.ship_deadline(case, platform, lang, tz, now)
        elif check == "seven_day_window":
            out[check] = deadlines.seven_day_window(case, lang, tz, platform)
        elif check == "refund_before_shipment":
            out[check] = deadlines.refund_before_shipment(case, lang, tz, platform)
        elif check == "repair_window":
            out[check] = deadlines.repair_window(case, platform, lang, tz)
    return out


def evaluate(case: Case, items: list[EvidenceItem], catalog: Catalog, *, now: datetime | None = None,
             lang: str = "zh_CN", tz: tzinfo | None = None) -> ChecklistResult:
    """The checklist for `case` with its active (not trashed) `items`. Raises KeyError for an unknown scenario.
    `tz` is the library's display zone; legal computations use the platform's own zone."""
    scenario = catalog.scenarios.get(case.scenario)
    if scenario is None:
        raise KeyError(f"unknown scenario {case.scenario!r}")
    platform = catalog.platforms.get(case.platform) or catalog.platforms["other"]
    now = now or datetime.now(timezone.utc)
    active = [item for item in items if item.deleted_at is None]
    timed = _time_findings(case, scenario, platform, lang, tz, now)
    values = atoms(case, active, timed)
    results = [_judge(req, active, catalog, lang, catalog.cite(req.cite, platform.id, lang, req.rule))
               for req in scenario.requirements if applies(req, case, values)]
    findings: list[deadlines.Finding] = []
    if (order := deadlines.timeline(case, lang, tz)) is not None:
        findings.append(order)
    for finding in timed.values():
        finding.rule = catalog.cite(FINDING_CITES.get(finding.id, ()), platform.id, lang)
        findings.append(finding)
    for rule in scenario.findings:
        if rule.platforms and platform.id not in rule.platforms:
            continue
        if rule.condition is not None and not rule.condition(values):
            continue
        findings.append(deadlines.Finding(rule.id, "raised", rule.message(lang), blocking=rule.blocking,
                                          rule=catalog.cite(rule.cite, platform.id, lang), favours=rule.favours,
                                          argument=rule.argument(lang)))
    deadline = deadlines.evidence_deadline(case, platform, now, lang, tz)
    if deadline.figures.get("computed_from_business_clock"):
        deadline.rule = catalog.cite(("jd_supplement_clock",), platform.id, lang)
    findings.append(deadline)
    if (first := deadlines.first_answer(case, platform, now, lang, tz)) is not None:
        first.rule = catalog.cite(FINDING_CITES["first_answer"], platform.id, lang)
        findings.append(first)
    return ChecklistResult(case.id, scenario, results, findings, platform.id, case_facts(case))
