"""Time findings computed from a case's timestamps: shipping deadline, seven-day window, refund before
shipment, the JD repair windows, evidence deadline (with JD's business clock) and JD's first-answer clock, and
the timeline's consistency. A finding whose inputs are missing says which fields to fill in and never guesses.

Platform clocks run in the platform's zone (platforms.toml `tz`): every legal computation (calendar days, the
business clock) uses it. The library's zone (`tz` arguments here) is only for showing times to the agent.
Reviewer-facing arguments show the platform's own time, the time the reviewer reads.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta, tzinfo

from evidence_app.core.catalog import BusinessClock, Platform
from evidence_app.core.i18n import join, tr
from evidence_app.core.model import Case
from evidence_app.core.timeutil import duration_text, hours_text, show, to_text, zone

FIELD_NAMES = {
    "paid_at": {"zh_CN": "付款时间", "en": "payment time (paid_at)"},
    "pickup_at": {"zh_CN": "揽收时间", "en": "first pickup scan (pickup_at)"},
    "signed_at": {"zh_CN": "签收时间", "en": "signing time (signed_at)"},
    "refund_at": {"zh_CN": "退款申请时间", "en": "refund request time (refund_at)"},
    "requested_at": {"zh_CN": "平台要求举证时间", "en": "evidence request time (requested_at)"},
    "due_at": {"zh_CN": "举证截止时间", "en": "evidence due time (due_at)"},
}
DUE_SOON_HOURS = 24
# Events that cannot happen in the other order: (earlier, later). Payment comes first; signing follows the pickup;
# the evidence deadline follows the request.
TIMELINE = (("paid_at", "pickup_at"), ("pickup_at", "signed_at"), ("paid_at", "signed_at"), ("paid_at", "refund_at"),
            ("requested_at", "due_at"))


@dataclass
class Finding:
    """One judgement about a case. `blocking`: the shop's claim fails whatever it uploads (the case is not ready).
    `rule`: the citation it stands on, from the case's own platform. `favours`: "shop" when the finding supports
    the shop's position and may be put to the reviewer (then `argument` is that one line, phrased as the shop's
    point, with no countdown or internal wording), "buyer" when adverse, "none" for the agent's own bookkeeping
    (evidence deadline, missing inputs, inconsistent timeline)."""

    id: str
    status: str  # per id: on_time/late/not_shipped, inside/outside/disputed, yes/no, ok/due_soon/overdue; "incomplete"/"inconsistent"
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
        if self.argument:
            out["argument"] = self.argument
        out.update(self.figures)
        if self.missing_fields:
            out["missing_fields"] = self.missing_fields
        return out


def field_name(name: str, lang: str) -> str:
    return FIELD_NAMES[name].get(lang, FIELD_NAMES[name]["zh_CN" if lang.startswith("zh") else "en"])


def _incomplete(finding_id: str, case: Case, needed: tuple[str, ...], lang: str) -> Finding | None:
    missing = [name for name in needed if getattr(case, name) is None]
    if not missing:
        return None
    names = [field_name(name, lang) for name in missing]
    return Finding(finding_id, "incomplete", tr("finding.need", lang, fields=join(names, lang)), missing_fields=missing)


def _inconsistent(finding_id: str, earlier: str, later: str, case: Case, lang: str, tz: tzinfo | None) -> Finding:
    params = {"earlier": field_name(earlier, lang), "later": field_name(later, lang),
              "earlier_at": show(getattr(case, earlier), tz), "later_at": show(getattr(case, later), tz)}
    return Finding(finding_id, "inconsistent", tr("timeline.inconsistent", lang, **params),
                   {"fields": [earlier, later]})


def _hours(delta: timedelta) -> float:
    return delta.total_seconds() / 3600


def legal_zone(platform: Platform) -> tzinfo:
    return zone(platform.tz)


def timeline(case: Case, lang: str = "zh_CN", tz: tzinfo | None = None) -> Finding | None:
    """The first impossible order of events, or None when the times that are set are in a possible order."""
    for earlier, later in TIMELINE:
        first, second = getattr(case, earlier), getattr(case, later)
        if first is not None and second is not None and second < first:
            return _inconsistent("timeline", earlier, later, case, lang, tz)
    return None


def ship_deadline(case: Case, platform: Platform, lang: str = "zh_CN", tz: tzinfo | None = None,
                  now: datetime | None = None) -> Finding:
    """First pickup scan within promised hours of payment (Art. 25: the carrier's record counts; none = not shipped,
    and late once `now` is past the deadline)."""
    if (gap := _incomplete("ship_deadline", case, ("paid_at",), lang)):
        return gap
    assert case.paid_at
    legal = legal_zone(platform)
    promised = case.promised_ship_hours if case.promised_ship_hours else platform.promised_ship_hours
    deadline = case.paid_at + timedelta(hours=promised)
    params = {"deadline": show(deadline, tz), "promised": hours_text(promised)}
    if case.pickup_at is None:
        figures = {"promised_hours": promised, "deadline": to_text(deadline.astimezone(legal))}
        if now is not None and now > deadline:
            params["hours"] = duration_text(_hours(now - deadline), lang)
            return Finding("ship_deadline", "late", tr("ship.late_unshipped", lang, **params),
                           {**figures, "shipped": False}, favours="buyer")
        return Finding("ship_deadline", "not_shipped", tr("ship.not_shipped", lang, **params), figures,
                       missing_fields=["pickup_at"])
    if case.pickup_at < case.paid_at:
        return _inconsistent("ship_deadline", "paid_at", "pickup_at", case, lang, tz)
    late = case.pickup_at > deadline
    margin = _hours(abs(case.pickup_at - deadline))
    figures = {"promised_hours": promised, "deadline": to_text(deadline.astimezone(legal)),
               "late_hours" if late else "early_hours": round(margin, 2)}
    params["hours"] = duration_text(margin, lang)
    if late:
        return Finding("ship_deadline", "late", tr("ship.late", lang, **params), figures, favours="buyer")
    argument = tr("ship.argument", lang, pickup=show(case.pickup_at, legal), deadline=show(deadline, legal),
                  promised=hours_text(promised))
    return Finding("ship_deadline", "on_time", tr("ship.on_time", lang, **params), figures, favours="shop",
                   argument=argument)


def seven_day_window(case: Case, lang: str = "zh_CN", tz: tzinfo | None = None,
                     platform: Platform | None = None) -> Finding:
    """Platform: signed + 7×24 h to the minute (Q14). National measures §10: seven days from the day after
    signing, i.e. until the end of the 7th calendar day after the signing date, in the platform's zone."""
    if (gap := _incomplete("seven_day_window", case, ("signed_at", "refund_at"), lang)):
        return gap
    assert case.signed_at and case.refund_at
    if case.refund_at < case.signed_at:
        return _inconsistent("seven_day_window", "signed_at", "refund_at", case, lang, tz)
    legal = legal_zone(platform) if platform else zone()
    platform_deadline = case.signed_at + timedelta(days=7)
    signed_day = case.signed_at.astimezone(legal).date()
    national_deadline = datetime.combine(signed_day + timedelta(days=8), time(0, 0), legal)  # 24:00 of day 7
    inside_platform = case.refund_at <= platform_deadline
    inside_national = case.refund_at < national_deadline
    if inside_platform and inside_national:
        status = "inside"
    elif not inside_platform and not inside_national:
        status = "outside"
    else:
        status = "disputed"
    day = (case.refund_at.astimezone(legal).date() - signed_day).days  # day 1 = the day after signing
    national_shown = (signed_day + timedelta(days=7)).strftime("%Y-%m-%d") + " 24:00"
    figures = {"platform_deadline": to_text(platform_deadline.astimezone(legal)),
               "national_deadline": to_text(national_deadline), "inside_platform": inside_platform,
               "inside_national": inside_national, "day_after_signing": day}
    params = {"platform_deadline": show(platform_deadline, tz), "national_deadline": national_shown}
    finding = Finding("seven_day_window", status, tr(f"seven.{status}", lang, **params), figures)
    if status == "outside":
        finding.favours = "shop"
        finding.argument = tr("seven.argument", lang, signed=show(case.signed_at, legal),
                              refund=show(case.refund_at, legal), day=day)
    return finding


def refund_before_shipment(case: Case, lang: str = "zh_CN", tz: tzinfo | None = None,
                           platform: Platform | None = None) -> Finding:
    """Art. 27: a refund requested before the first pickup scan (or with none yet, Art. 25) means shipping needed
    the buyer's consent. The same minute cannot be ordered: the agent checks the records."""
    if (gap := _incomplete("refund_before_shipment", case, ("refund_at",), lang)):
        return gap
    assert case.refund_at
    if case.pickup_at is None:
        return Finding("refund_before_shipment", "yes", tr("refund_before.not_shipped", lang,
                                                           refund_at=show(case.refund_at, tz)),
                       {"shipped": False}, favours="buyer")
    params = {"refund_at": show(case.refund_at, tz), "pickup_at": show(case.pickup_at, tz)}
    minute_only = not (case.refund_at.second or case.refund_at.microsecond) or \
        not (case.pickup_at.second or case.pickup_at.microsecond)  # typed to the minute: the order within it is unknown
    same_minute = case.refund_at.replace(second=0, microsecond=0) == case.pickup_at.replace(second=0, microsecond=0)
    if case.refund_at == case.pickup_at or (same_minute and minute_only):
        return Finding("refund_before_shipment", "inconsistent", tr("refund_before.same_minute", lang, **params),
                       {"fields": ["refund_at", "pickup_at"]})
    legal = legal_zone(platform) if platform else zone()
    before = case.refund_at < case.pickup_at
    figures = {"hours_before_pickup": round(_hours(case.pickup_at - case.refund_at), 2), "shipped": True}
    if before:
        return Finding("refund_before_shipment", "yes", tr("refund_before.yes", lang, **params), figures,
                       favours="buyer")
    return Finding("refund_before_shipment", "no", tr("refund_before.no", lang, **params), figures, favours="shop",
                   argument=tr("refund_before.argument", lang, refund_at=show(case.refund_at, legal),
                               pickup_at=show(case.pickup_at, legal)))


def repair_window(case: Case, platform: Platform, lang: str = "zh_CN", tz: tzinfo | None = None) -> Finding:
    """JD 商品类标准 第二十七条: from the day after signing, day 1–7 return/exchange/repair, 8–15 exchange/repair,
    later repair within the warranty. The request date (refund_at) against the signing date, calendar days."""
    if (gap := _incomplete("repair_window", case, ("signed_at", "refund_at"), lang)):
        return gap
    assert case.signed_at and case.refund_at
    if case.refund_at < case.signed_at:
        return _inconsistent("repair_window", "signed_at", "refund_at", case, lang, tz)
    legal = legal_zone(platform)
    day = (case.refund_at.astimezone(legal).date() - case.signed_at.astimezone(legal).date()).days
    status = "return_ok" if day <= 7 else "exchange_or_repair" if day <= 15 else "repair_only"
    finding = Finding("repair_window", status, tr(f"repair.{status}", lang, day=day), {"day_after_signing": day})
    if status == "return_ok":
        finding.favours = "buyer"
    else:
        finding.favours = "shop"
        finding.argument = tr(f"repair.argument.{status}", lang, day=day, signed=show(case.signed_at, legal),
                              refund=show(case.refund_at, legal))
    return finding


def business_clock_due(start: datetime, clock: BusinessClock, tz: tzinfo | None = None) -> datetime:
    """Add `clock.hours` counted only between opens and closes each day (weekends and holidays included),
    carrying the rest to the next opening: JD 第九条 (10:00 → 14:00; 14:01 → 9:01 next day). `tz`: the
    platform's zone, where its opening hours are."""
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
    """The evidence due time: the case's own due_at, else the platform's clock from requested_at. (due, from_clock)
    `tz` is accepted for old callers and ignored: the clock runs in the platform's zone."""
    if case.due_at is not None:
        return case.due_at, False
    if platform.business_clock is not None and case.requested_at is not None:
        return business_clock_due(case.requested_at, platform.business_clock, legal_zone(platform)), True
    return None, False


def _countdown(due: datetime, now: datetime, lang: str, tz: tzinfo | None) -> tuple[str, float, str]:
    left = _hours(due - now)
    status = "overdue" if left < 0 else "due_soon" if left <= DUE_SOON_HOURS else "ok"
    return status, left, tr(f"due.{status}", lang, due_at=show(due, tz), left=duration_text(abs(left), lang))


def evidence_deadline(case: Case, platform: Platform, now: datetime, lang: str = "zh_CN",
                      tz: tzinfo | None = None) -> Finding:
    due, from_clock = effective_due(case, platform)
    if due is None:
        needed = ("due_at",) if platform.business_clock is None else ("requested_at",)
        gap = _incomplete("evidence_deadline", case, needed, lang)
        assert gap is not None
        return gap
    status, left, message = _countdown(due, now, lang, tz)
    if from_clock and platform.business_clock:
        clock = platform.business_clock
        message += tr("due.clock", lang, platform=platform.name(lang), hours=hours_text(clock.hours),
                      opens="%d:%02d" % clock.opens, closes="%d:%02d" % clock.closes,
                      requested_at=show(case.requested_at, tz))
    figures = {"due_at": to_text(due.astimezone(legal_zone(platform))), "hours_left": round(left, 2),
               "computed_from_business_clock": from_clock}
    return Finding("evidence_deadline", status, message, figures)


def first_answer(case: Case, platform: Platform, now: datetime, lang: str = "zh_CN",
                 tz: tzinfo | None = None) -> Finding | None:
    """JD 总则 第九条(一): the shop settles or answers with evidence within 24 h of the dispute reaching it
    (counted from requested_at, when the platform put the dispute to the shop). None where the platform has no
    such clock."""
    if platform.first_answer_hours is None:
        return None
    if (gap := _incomplete("first_answer", case, ("requested_at",), lang)):
        return gap
    assert case.requested_at
    due = case.requested_at + timedelta(hours=platform.first_answer_hours)
    status, left, countdown = _countdown(due, now, lang, tz)
    message = tr("first_answer", lang, platform=platform.name(lang), hours=hours_text(platform.first_answer_hours),
                 requested_at=show(case.requested_at, tz), countdown=countdown)
    return Finding("first_answer", status, message,
                   {"due_at": to_text(due.astimezone(legal_zone(platform))), "hours_left": round(left, 2)})
