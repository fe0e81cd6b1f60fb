"""Time findings computed from a case's timestamps: shipping deadline, seven-day window, refund before
shipment, evidence deadline (with JD's 4-hour business clock). A finding whose inputs are missing says which
fields to fill in and never guesses."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta, tzinfo

from evidence_app.core.catalog import BusinessClock, Platform
from evidence_app.core.i18n import join, tr
from evidence_app.core.model import Case
from evidence_app.core.timeutil import hours_text, show, to_text, zone

FIELD_NAMES = {
    "paid_at": {"zh_CN": "付款时间", "en": "payment time (paid_at)"},
    "pickup_at": {"zh_CN": "揽收时间", "en": "first pickup scan (pickup_at)"},
    "signed_at": {"zh_CN": "签收时间", "en": "signing time (signed_at)"},
    "refund_at": {"zh_CN": "退款申请时间", "en": "refund request time (refund_at)"},
    "requested_at": {"zh_CN": "平台要求举证时间", "en": "evidence request time (requested_at)"},
    "due_at": {"zh_CN": "举证截止时间", "en": "evidence due time (due_at)"},
}
DUE_SOON_HOURS = 24


@dataclass
class Finding:
    """One judgement about a case. `blocking`: the shop's claim fails whatever it uploads (the case is not ready).
    `rule`: the citation it stands on, from the case's own platform. `favours`: "shop" when the finding supports
    the shop's position and may be put to the reviewer (then `argument` is that one line, phrased as the shop's
    point, with no countdown or internal wording), "buyer" when adverse, "none" for the agent's own bookkeeping
    (evidence deadline, missing inputs, inconsistent timeline)."""

    id: str
    status: str  # per id: on_time/late, inside/outside/disputed, yes/no, ok/due_soon/overdue; or "incomplete"
    message: str
    figures: dict[str, object] = field(default_factory=dict)
    missing_fields: list[str] = field(default_factory=list)
    blocking: bool = False
    rule: str = ""
    favours: str = "none"  # "shop" | "buyer" | "none"
    argument: str = ""

    def as_dict(self) -> dict[str, object]:
        out: dict[str, object] = {"id": self.id, "status": self.status, "message": self.message,
                                  "blocking": self.blocking, "rule": self.rule, "favours": self.favours}
        out.update(self.figures)
        if self.missing_fields:
            out["missing_fields"] = self.missing_fields
        return out


def _incomplete(finding_id: str, case: Case, needed: tuple[str, ...], lang: str) -> Finding | None:
    missing = [name for name in needed if getattr(case, name) is None]
    if not missing:
        return None
    names = [FIELD_NAMES[name].get(lang, FIELD_NAMES[name]["zh_CN" if lang.startswith("zh") else "en"]) for name in missing]
    return Finding(finding_id, "incomplete", tr("finding.need", lang, fields=join(names, lang)), missing_fields=missing)


def _hours(delta: timedelta) -> float:
    return delta.total_seconds() / 3600


def ship_deadline(case: Case, platform: Platform, lang: str = "zh_CN", tz: tzinfo | None = None) -> Finding:
    """Tmall: first pickup scan within promised hours of payment (Art. 25: the carrier's record counts)."""
    if (gap := _incomplete("ship_deadline", case, ("paid_at", "pickup_at"), lang)):
        return gap
    assert case.paid_at and case.pickup_at
    promised = case.promised_ship_hours if case.promised_ship_hours else platform.promised_ship_hours
    deadline = case.paid_at + timedelta(hours=promised)
    late = case.pickup_at > deadline
    margin = _hours(abs(case.pickup_at - deadline))
    figures = {"promised_hours": promised, "deadline": to_text(deadline),
               "late_hours" if late else "early_hours": round(margin, 2)}
    key = "ship.late" if late else "ship.on_time"
    params = {"hours": hours_text(margin), "deadline": show(deadline, tz), "promised": hours_text(promised)}
    return Finding("ship_deadline", "late" if late else "on_time", tr(key, lang, **params), figures)


def seven_day_window(case: Case, lang: str = "zh_CN", tz: tzinfo | None = None) -> Finding:
    """Platform: signed + 7×24 h to the minute (Q14). National measures §10: seven days from the day after
    signing, i.e. until the end of the 7th calendar day after the signing date."""
    if (gap := _incomplete("seven_day_window", case, ("signed_at", "refund_at"), lang)):
        return gap
    assert case.signed_at and case.refund_at
    local = tz or zone()
    platform_deadline = case.signed_at + timedelta(days=7)
    signed_day = case.signed_at.astimezone(local).date()
    national_deadline = datetime.combine(signed_day + timedelta(days=8), time(0, 0), local)  # 24:00 of day 7
    inside_platform = case.refund_at <= platform_deadline
    inside_national = case.refund_at < national_deadline
    if inside_platform and inside_national:
        status = "inside"
    elif not inside_platform and not inside_national:
        status = "outside"
    else:
        status = "disputed"
    national_shown = (signed_day + timedelta(days=7)).strftime("%Y-%m-%d") + " 24:00"
    figures = {"platform_deadline": to_text(platform_deadline), "national_deadline": to_text(national_deadline),
               "inside_platform": inside_platform, "inside_national": inside_national}
    params = {"platform_deadline": show(platform_deadline, local), "national_deadline": national_shown}
    return Finding("seven_day_window", status, tr(f"seven.{status}", lang, **params), figures)


def refund_before_shipment(case: Case, lang: str = "zh_CN", tz: tzinfo | None = None) -> Finding:
    """Art. 27: a refund requested before the first pickup scan means shipping needed the buyer's consent."""
    if (gap := _incomplete("refund_before_shipment", case, ("refund_at", "pickup_at"), lang)):
        return gap
    assert case.refund_at and case.pickup_at
    before = case.refund_at < case.pickup_at
    params = {"refund_at": show(case.refund_at, tz), "pickup_at": show(case.pickup_at, tz)}
    figures = {"hours_before_pickup": round(_hours(case.pickup_at - case.refund_at), 2)}
    return Finding("refund_before_shipment", "yes" if before else "no",
                   tr("refund_before.yes" if before else "refund_before.no", lang, **params), figures)


def business_clock_due(start: datetime, clock: BusinessClock, tz: tzinfo | None = None) -> datetime:
    """Add `clock.hours` counted only between opens and closes each day (weekends and holidays included),
    carrying the rest to the next opening: JD 第九条 (10:00 → 14:00; 14:01 → 9:01 next day)."""
    local = tz or zone()
    current = start.astimezone(local)
    remaining = timedelta(hours=clock.hours)
    while True:
        day = current.date()
        opens = datetime.combine(day, time(*clock.opens), local)
        closes = datetime.combine(day, time(*clock.closes), local)
        if current < opens:
            current = opens
        if current >= closes:
            current = datetime.combine(day + timedelta(days=1), time(*clock.opens), local)
            continue
        available = closes - current
        if remaining <= available:
            return current + remaining
        remaining -= available
        current = datetime.combine(day + timedelta(days=1), time(*clock.opens), local)


def effective_due(case: Case, platform: Platform, tz: tzinfo | None = None) -> tuple[datetime | None, bool]:
    """The evidence due time: the case's own due_at, else JD's clock from requested_at. (due, from_clock)"""
    if case.due_at is not None:
        return case.due_at, False
    if platform.business_clock is not None and case.requested_at is not None:
        return business_clock_due(case.requested_at, platform.business_clock, tz), True
    return None, False


def evidence_deadline(case: Case, platform: Platform, now: datetime, lang: str = "zh_CN",
                      tz: tzinfo | None = None) -> Finding:
    due, from_clock = effective_due(case, platform, tz)
    if due is None:
        needed = ("due_at",) if platform.business_clock is None else ("requested_at",)
        gap = _incomplete("evidence_deadline", case, needed, lang)
        assert gap is not None
        return gap
    left = _hours(due - now)
    status = "overdue" if left < 0 else "due_soon" if left <= DUE_SOON_HOURS else "ok"
    message = tr(f"due.{status}", lang, due_at=show(due, tz), hours=hours_text(abs(left)))
    if from_clock:
        message += tr("due.jd_clock", lang, requested_at=show(case.requested_at, tz))
    figures = {"due_at": to_text(due), "hours_left": round(left, 2), "computed_from_business_clock": from_clock}
    return Finding("evidence_deadline", status, message, figures)
