from datetime import datetime, timedelta

import pytest

from evidence_app.core import deadlines
from evidence_app.core.model import Case
from evidence_app.core.timeutil import parse_time, zone

SH = zone("Asia/Shanghai")


def t(text):
    return parse_time(text, SH)


@pytest.fixture
def tmall(catalog):
    return catalog.platforms["tmall"]


# Seed quiz: paid 9/1 14:00, 48 h promised → deadline 9/3 14:00; shipped = first pickup scan (Art. 25).
@pytest.mark.parametrize("pickup, status, hours", [
    ("2025-09-02T15:00", "on_time", 23),
    ("2025-09-03T14:00", "on_time", 0),
    ("2025-09-03T14:01", "late", 0.02),
    ("2025-09-03T15:00", "late", 1),
    ("2025-09-04T15:00", "late", 25),
])
def test_ship_deadline_48h(tmall, pickup, status, hours):
    case = Case(id=1, scenario="late_shipment", platform="tmall", paid_at=t("2025-09-01T14:00"), pickup_at=t(pickup))
    finding = deadlines.ship_deadline(case, tmall, tz=SH)
    assert finding.status == status
    assert finding.figures["deadline"] == "2025-09-03T14:00+08:00"
    key = "late_hours" if status == "late" else "early_hours"
    assert finding.figures[key] == pytest.approx(hours, abs=0.01)
    if status == "late":
        assert finding.message.startswith("发货超时")


def test_ship_deadline_late_message_in_hours(tmall):
    case = Case(id=1, scenario="late_shipment", paid_at=t("2025-09-01T14:00"), pickup_at=t("2025-09-03T17:00"))
    assert "发货超时 3 小时" in deadlines.ship_deadline(case, tmall, tz=SH).message


def test_tmall_global_120h(catalog):
    platform = catalog.platforms["tmall_global"]
    case = Case(id=1, scenario="late_shipment", platform="tmall_global", paid_at=t("2025-09-01T14:00"),
                pickup_at=t("2025-09-06T13:00"))
    finding = deadlines.ship_deadline(case, platform, tz=SH)
    assert finding.status == "on_time" and finding.figures["promised_hours"] == 120
    case.pickup_at = t("2025-09-06T14:30")
    assert deadlines.ship_deadline(case, platform, tz=SH).status == "late"


def test_case_agreed_hours_win(tmall):
    case = Case(id=1, scenario="late_shipment", paid_at=t("2025-09-01T14:00"), pickup_at=t("2025-09-04T13:00"),
                promised_ship_hours=72)
    finding = deadlines.ship_deadline(case, tmall, tz=SH)
    assert finding.status == "on_time" and finding.figures["promised_hours"] == 72


def test_missing_inputs_name_the_fields(tmall):
    finding = deadlines.ship_deadline(Case(id=1, scenario="late_shipment", paid_at=t("2025-09-01T14:00")), tmall)
    assert finding.status == "not_shipped" and finding.missing_fields == ["pickup_at"]  # Art. 25: no scan, not shipped
    assert "尚无揽收记录" in finding.message
    unpaid = deadlines.ship_deadline(Case(id=1, scenario="late_shipment"), tmall)
    assert unpaid.status == "incomplete" and unpaid.missing_fields == ["paid_at"]
    english = deadlines.seven_day_window(Case(id=1, scenario="x"), lang="en")
    assert english.missing_fields == ["signed_at", "refund_at"] and "signed_at" in english.message


# Q14: signed 8/16 17:05, request 8/23 17:06 — late for the platform, in time for the national measures.
@pytest.mark.parametrize("refund, status", [
    ("2025-08-23T17:05", "inside"),
    ("2025-08-23T17:06", "disputed"),
    ("2025-08-23T23:59", "disputed"),
    ("2025-08-24T00:00", "outside"),
    ("2025-08-17T09:00", "inside"),
])
def test_seven_day_window(refund, status):
    case = Case(id=1, scenario="return_resale_damaged", signed_at=t("2025-08-16T17:05"), refund_at=t(refund))
    finding = deadlines.seven_day_window(case, tz=SH)
    assert finding.status == status
    assert finding.figures["platform_deadline"] == "2025-08-23T17:05+08:00"
    assert finding.figures["national_deadline"] == "2025-08-24T00:00+08:00"
    if status == "disputed":
        assert "七天无理由期限存在争议" in finding.message


def test_refund_before_shipment():
    case = Case(id=1, scenario="refusal_freight", refund_at=t("2025-09-02T08:00"), pickup_at=t("2025-09-02T15:00"))
    finding = deadlines.refund_before_shipment(case, tz=SH)
    assert finding.status == "yes" and finding.figures["hours_before_pickup"] == 7
    case.refund_at = t("2025-09-03T08:00")
    assert deadlines.refund_before_shipment(case, tz=SH).status == "no"


@pytest.mark.parametrize("now, status", [
    ("2025-09-08T11:59", "ok"),
    ("2025-09-09T12:00", "due_soon"),
    ("2025-09-10T11:00", "due_soon"),
    ("2025-09-10T12:01", "overdue"),
])
def test_evidence_deadline(catalog, now, status):
    case = Case(id=1, scenario="x", due_at=t("2025-09-10T12:00"))
    finding = deadlines.evidence_deadline(case, catalog.platforms["taobao"], t(now), tz=SH)
    assert finding.status == status


@pytest.mark.parametrize("start, due", [
    ("2025-09-01T10:00", "2025-09-01T14:00"),   # JD's own example
    ("2025-09-01T14:01", "2025-09-02T09:01"),   # JD's own example: carried across the night
    ("2025-09-01T17:00", "2025-09-02T12:00"),
    ("2025-09-01T20:30", "2025-09-02T13:00"),   # notified at night: the clock starts at 9:00
    ("2025-09-01T07:00", "2025-09-01T13:00"),   # notified before opening
    ("2025-09-06T16:00", "2025-09-07T11:00"),   # Saturday to Sunday: weekends count
    ("2025-09-01T18:00", "2025-09-02T13:00"),
])
def test_jd_business_clock(catalog, start, due):
    clock = catalog.platforms["jd"].business_clock
    assert deadlines.business_clock_due(t(start), clock, SH) == t(due)


def test_jd_due_from_requested_at(catalog):
    jd = catalog.platforms["jd"]
    case = Case(id=1, scenario="x", platform="jd", requested_at=t("2025-09-01T14:01"))
    finding = deadlines.evidence_deadline(case, jd, t("2025-09-01T20:00"), tz=SH)
    assert finding.figures["due_at"] == "2025-09-02T09:01+08:00"
    assert finding.figures["computed_from_business_clock"] is True
    assert finding.status == "due_soon" and "京东" in finding.message
    missing = deadlines.evidence_deadline(Case(id=1, scenario="x", platform="jd"), jd, t("2025-09-01T20:00"))
    assert missing.status == "incomplete" and missing.missing_fields == ["requested_at"]


def test_naive_times_are_shanghai_and_offsets_respected():
    assert parse_time("2025-08-16 17:05").utcoffset() == timedelta(hours=8)
    assert parse_time("2025-08-16T09:05Z") == parse_time("2025-08-16T17:05")
    assert parse_time("2025-08-16T17:05", zone("UTC")).utcoffset() == timedelta(0)
    with pytest.raises(ValueError):
        parse_time("16.8.2025")


def test_library_time_zone_setting(lib):
    lib.set_setting("tz", "UTC")
    case = lib.create_case("late_shipment")
    attr, value = lib.parse_field("paid_at", "2025-09-01T14:00")
    lib.update_case(case.id, **{attr: value})
    assert lib.case(case.id).paid_at == datetime.fromisoformat("2025-09-01T14:00+00:00")
