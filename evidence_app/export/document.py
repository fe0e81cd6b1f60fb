"""One document model, two renderings: what a case's bundle says, built once from the case and its checklist.

The submission (what the platform's reviewer reads) takes only the shop's side of it: the facts that support the
shop, the points it makes (requirements that are met, each with its exhibits and the platform's own rule) and the
findings in its favour. The internal review takes all of it: every requirement with its status, every finding
(adverse and blocking ones too), the evidence deadline with the time left, the trash, and the problems that are
also printed as warnings before an export. Qt-free.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import datetime

from evidence_app.core import statements
from evidence_app.core.catalog import Catalog
from evidence_app.core.checklist import ChecklistResult, RequirementResult
from evidence_app.core.deadlines import Finding
from evidence_app.core.model import Case, EvidenceItem
from evidence_app.core.timeutil import show

# The case fields each time finding is computed from: when a finding goes against the shop, the submission does
# not print those times on its cover (they are the facts the buyer would compute against the shop).
FINDING_FIELDS = {"ship_deadline": ("paid_at", "pickup_at"), "seven_day_window": ("signed_at", "refund_at"),
                  "refund_before_shipment": ("refund_at", "pickup_at")}
# Outcomes that go against the shop, for findings that do not say which side they favour.
ADVERSE = {("ship_deadline", "late"), ("seven_day_window", "inside"), ("refund_before_shipment", "yes")}
# Outcomes that help the shop, for the review's labels when a finding does not say (never argued on that basis:
# the submission argues only findings that carry favours == "shop" and an argument).
FAVOURABLE = {("ship_deadline", "on_time"), ("seven_day_window", "outside"), ("refund_before_shipment", "no")}
# Platforms that cite each other's rules (Tmall disputes are handled under the Taobao rules).
FAMILIES = ({"taobao", "tmall", "tmall_global"},)
TIME_LABELS = (("paid_at", "付款时间"), ("pickup_at", "揽收时间(首次揽收扫描)"), ("signed_at", "签收时间"),
               ("refund_at", "退款申请时间"))

_TEXT = {
    "missing": {"zh_CN": "缺少必需材料:{what}({rule})", "en": "required evidence missing: {what} ({rule})"},
    "unconfirmed": {"zh_CN": "待确认:{exhibits}{what} 已上传,尚未确认“{question}”({rule})",
                    "en": "unconfirmed: {exhibits}{what} uploaded, not yet confirmed: \"{question}\" ({rule})"},
    "blocking": {"zh_CN": "无法支持商家主张:{message}({rule})", "en": "blocking: {message} ({rule})"},
    "overdue": {"zh_CN": "举证期限已过:{message}", "en": "evidence deadline passed: {message}"},
    "dangling": {"zh_CN": "申诉说明引用了 {n} 份已删除的证据", "en": "the statement cites {n} removed exhibit(s)"},
    "too_long": {"zh_CN": "申诉说明 {used} 字,超过{platform}上限 {limit} 字",
                 "en": "the statement has {used} characters, over {platform}'s limit of {limit}"},
    "no_rule": {"zh_CN": "无规则出处", "en": "no rule cited"},
    "provided": {"zh_CN": "商家提供{kinds}", "en": "The shop provides {kinds}"},
}


def text(key: str, lang: str, **params: object) -> str:
    table = _TEXT[key]
    return (table.get(lang) or table["zh_CN" if lang.startswith("zh") else "en"]).format(**params)


@dataclass
class Point:
    """One point the shop makes: a met requirement, what it asserts, the exhibits that prove it, the rule."""

    requirement_id: str
    assertion: str
    exhibits: list[int]  # exhibit numbers (证据 N)
    rule: str


@dataclass
class Problem:
    """Something the agent should know before submitting; one line each (CLI warnings, dialog list, review)."""

    kind: str  # "missing" | "unconfirmed" | "blocking" | "overdue" | "statement"
    text: str
    requirement_id: str | None = None
    kinds: tuple[str, ...] = ()

    @property
    def serious(self) -> bool:
        """Missing or blocking: the export dialog asks once before writing."""
        return self.kind in ("missing", "blocking", "unconfirmed")


@dataclass
class BundleDocument:
    case: Case
    items: list[EvidenceItem]  # active items, in exhibit order
    checklist: ChecklistResult
    catalog: Catalog
    shop: str
    now: datetime
    tz: object
    lang: str = "zh_CN"
    numbers: dict[int, int] = field(default_factory=dict)  # item id → 证据 N
    statement: str = ""  # rendered with the current exhibit numbers
    statement_limit: int = 0
    cover_rows: list[tuple[str, str]] = field(default_factory=list)  # the submission's facts
    points: list[Point] = field(default_factory=list)
    arguments: list[tuple[str, str]] = field(default_factory=list)  # (argument, rule) of findings for the shop
    problems: list[Problem] = field(default_factory=list)
    trashed: list[EvidenceItem] = field(default_factory=list)

    @property
    def platform_name(self) -> str:
        return self.catalog.platform_name(self.case.platform)

    @property
    def scenario_name(self) -> str:
        return self.catalog.scenario_name(self.case.scenario)

    def rule_for(self, result: RequirementResult) -> str:
        """The citation the judgement resolved for the case's platform (its own rules and the national measures,
        or common platform practice)."""
        return result.rule

    def own_rule(self, rule: str) -> str:
        """`rule` if it cites the case's own platform (or no platform by name), else "": a JD submission never
        cites Taobao's rules."""
        if not rule:
            return ""
        own = next((f for f in FAMILIES if self.case.platform in f), {self.case.platform})
        for pid, platform in self.catalog.platforms.items():
            if pid in own or pid == "other":
                continue
            if any(name and name in rule for name in (platform.name("zh_CN"), platform.name("en"))):
                return ""
        return rule


def is_adverse(finding: Finding) -> bool:
    if finding.favours == "buyer" or finding.blocking:
        return True
    return finding.favours == "none" and (finding.id, finding.status) in ADVERSE


def is_favourable(finding: Finding) -> bool:
    if finding.blocking or finding.favours == "buyer":
        return False
    return finding.favours == "shop" or (finding.favours == "none" and (finding.id, finding.status) in FAVOURABLE)


def assertion(result: RequirementResult, doc: BundleDocument, lang: str = "zh_CN") -> str:
    """The one-line point of a met requirement: the scenario's own assertion (`asserts`) when it has one, else a
    neutral line naming what is provided. Never the internal explanation, which Requirement.assertion falls back
    to and which may describe a weakness ("须确认截图中就是约定原文")."""
    req = result.requirement
    if req.asserts:
        return req.assertion(lang)
    kinds = list(dict.fromkeys(item.kind for item in doc.items if item.id in result.items)) or list(req.kinds[:1])
    sep = "、" if lang.startswith("zh") else ", "
    return text("provided", lang, kinds=sep.join(doc.catalog.kind_name(k, lang) for k in kinds))


def build(library, case_id: int, *, now: datetime | None = None, lang: str = "zh_CN",
          checklist: ChecklistResult | None = None, skip: Collection[int] = ()) -> BundleDocument:
    """`skip`: exhibits the agent chose to leave out after they failed to export (judged without them too)."""
    case = library.case(case_id)
    every = [i for i in library.items(case_id, include_deleted=True) if i.id not in skip]
    items = [i for i in every if i.deleted_at is None]
    tz = library.tz
    now = now or datetime.now(tz)
    result = checklist or library.check(case_id, now=now, lang=lang, skip=skip)
    catalog = library.catalog
    platform = catalog.platforms.get(case.platform) or catalog.platforms.get("other")
    doc = BundleDocument(case, items, result, catalog, library.setting("shop_name"), now, tz, lang,
                         numbers={item.id: n for n, item in enumerate(items, 1)},
                         statement=statements.render(case.statement, items, lang),
                         statement_limit=platform.statement_limit if platform else 0,
                         trashed=[i for i in every if i.deleted_at is not None])
    doc.cover_rows = _cover_rows(doc)
    for req_result in result.requirements:
        if req_result.met and req_result.items:
            doc.points.append(Point(req_result.requirement.id, assertion(req_result, doc, lang),
                                    [doc.numbers[i] for i in req_result.items if i in doc.numbers],
                                    doc.own_rule(doc.rule_for(req_result))))
    for finding in result.findings:
        if finding.favours == "shop" and finding.argument and not finding.blocking:
            doc.arguments.append((finding.argument, doc.own_rule(finding.rule)))
    doc.problems = problems(doc, lang)
    return doc


def hidden_fields(result: ChecklistResult) -> set[str]:
    """Case times that an adverse finding is computed from: the shop's papers do not volunteer them."""
    return {name for f in result.findings if is_adverse(f) for name in FINDING_FIELDS.get(f.id, ())}


def draft_statement(library, case_id: int, lang: str | None = None) -> str:
    """The scenario's template filled from the case (stored form, with exhibit references), fitted to the
    platform's limit; "" when the scenario has no template."""
    case = library.case(case_id)
    lang = lang or library.lang
    platform = library.catalog.platforms.get(case.platform) or library.catalog.platforms.get("other")
    return statements.draft(case, library.items(case_id), lang=lang, shop=library.setting("shop_name"),
                            limit=platform.statement_limit if platform else None, tz=library.tz,
                            hidden=hidden_fields(library.check(case_id, lang=lang)))


def _cover_rows(doc: BundleDocument) -> list[tuple[str, str]]:
    case, tz = doc.case, doc.tz
    hidden = hidden_fields(doc.checklist)
    # no shop name set (a CLI-only library): the row is left out rather than printed as "—"
    rows = [("店铺", doc.shop)] if doc.shop else []
    rows += [("平台", doc.platform_name), ("订单号", case.order_no or "—")]
    optional = [("退款编号", case.refund_no), ("买家", case.buyer), ("金额", f"¥{case.amount}" if case.amount else ""),
                ("运单号", case.tracking_no)]
    rows += [(label, value) for label, value in optional if value]
    rows.append(("争议类型", doc.scenario_name))
    if case.receipt_confirmed in ("manual", "auto"):
        rows.append(("确认收货", "买家已确认收货" if case.receipt_confirmed == "manual" else "系统已自动确认收货"))
    if case.claimed_freight and case.scenario == "refusal_freight":
        rows.append(("主张运费", f"¥{case.claimed_freight}"))
    for name, label in TIME_LABELS:
        when = getattr(case, name, None)
        if when is not None and name not in hidden:
            rows.append((label, show(when, tz)))
    return rows


def problems(doc: BundleDocument, lang: str = "zh_CN") -> list[Problem]:
    """Every problem, one line each, in the order the agent should deal with them."""
    out: list[Problem] = []
    sep = " 或 " if lang.startswith("zh") else " or "
    for result in doc.checklist.requirements:
        req = result.requirement
        what = sep.join(doc.catalog.kind_name(k, lang) for k in req.kinds)
        rule = doc.rule_for(result) or text("no_rule", lang)
        if result.status == "unconfirmed":
            # the question(s) the agent answers with a tick on the exhibit (board menu, `edit ITEM --attest Q`)
            asked = [doc.catalog.questions[q].text(lang) for q in result.questions if q in doc.catalog.questions]
            numbers = [f"证据 {doc.numbers[i]}" if lang.startswith("zh") else f"exhibit {doc.numbers[i]}"
                       for i in result.items if i in doc.numbers]
            exhibits = ("、" if lang.startswith("zh") else ", ").join(numbers) + " " if numbers else ""
            question = ("”“" if lang.startswith("zh") else '", "').join(asked) or what
            out.append(Problem("unconfirmed", text("unconfirmed", lang, what=what, rule=rule, exhibits=exhibits,
                                                   question=question), req.id, req.kinds))
        elif not result.met and req.level == "required":
            out.append(Problem("missing", text("missing", lang, what=what, rule=rule), req.id, req.kinds))
    for finding in doc.checklist.findings:
        if finding.blocking:
            out.append(Problem("blocking", text("blocking", lang, message=finding.message,
                                                rule=finding.rule or text("no_rule", lang))))
        elif finding.id == "evidence_deadline" and finding.status == "overdue":
            out.append(Problem("overdue", text("overdue", lang, message=finding.message)))
    missing_refs = statements.dangling(doc.case.statement, doc.items)
    if missing_refs:
        out.append(Problem("statement", text("dangling", lang, n=missing_refs)))
    if doc.statement_limit and len(doc.statement) > doc.statement_limit:
        out.append(Problem("statement", text("too_long", lang, used=len(doc.statement), limit=doc.statement_limit,
                                             platform=doc.catalog.platform_name(doc.case.platform, lang))))
    return out
