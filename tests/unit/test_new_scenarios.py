"""The eight disputes added by issue 8: what each needs, what its facts change, what it cites."""

from datetime import datetime, timezone

from evidence_app.core.checklist import evaluate
from evidence_app.core.model import Case
from evidence_app.core.timeutil import parse_time, zone
from tests.unit.test_judgement import finding, items, req

NOW = datetime(2025, 9, 1, tzinfo=timezone.utc)
SH = zone("Asia/Shanghai")


def t(text):
    return parse_time(text, SH)


def test_return_not_as_sent(catalog):
    case = Case(id=1, scenario="return_not_as_sent", platform="tmall")
    assert not evaluate(case, items("carrier_stamped_proof"), catalog, now=NOW).ready
    result = evaluate(case, items("carrier_stamped_proof", "packing_record"), catalog, now=NOW)
    assert result.ready and "第三十七条" in req(result, "return_condition").rule
    assert "第六十一条" in req(result, "gift_terms").rule and "第十二条" in req(result, "gift_terms").rule  # measures §12
    jd = evaluate(Case(id=1, scenario="return_not_as_sent", platform="jd"), items("return_unboxing_record"), catalog,
                  now=NOW)
    assert "第二十五条" in req(jd, "return_condition").rule and finding(jd, "unboxing_after_signing")


def test_return_not_received_puts_the_burden_on_the_buyer(catalog):
    result = evaluate(Case(id=1, scenario="return_not_received", platform="taobao"), items("refund_history"), catalog,
                      now=NOW)
    burden = finding(result, "return_burden_on_buyer")
    assert result.ready and burden.favours == "shop" and "第三十八条" in burden.rule and burden.argument


def test_refused_other_reason_depends_on_the_reason(catalog):
    evidence = items("tracking_screenshot", "order_snapshot")
    wrong = Case(id=1, scenario="refused_other_reason", platform="tmall", refusal_reason="wrong_address")
    result = evaluate(wrong, evidence, catalog, now=NOW)
    assert not result.ready and "第三十四条" in req(result, "wrong_details").rule
    no_reason = Case(id=1, scenario="refused_other_reason", platform="tmall", refusal_reason="no_reason",
                     seven_day_eligible=False)
    result = evaluate(no_reason, evidence, catalog, now=NOW)
    assert result.ready and finding(result, "not_seven_day_refusal").favours == "shop"
    assert "第三十九条" in finding(result, "not_seven_day_refusal").rule
    cod = Case(id=1, scenario="refused_other_reason", platform="tmall", refusal_reason="other", cod=True)
    assert req(evaluate(cod, evidence, catalog, now=NOW), "cod_consent").status == "missing"
    assert finding(evaluate(Case(id=1, scenario="refused_other_reason"), evidence, catalog, now=NOW),
                   "refusal_reason_unset")


def test_gift_dispute(catalog):
    case = Case(id=1, scenario="gift_dispute", platform="tmall", signed_at=t("2025-08-20T10:00"))
    result = evaluate(case, items("order_snapshot"), catalog, now=NOW)
    assert result.ready and "第五十五条" in req(result, "gift_as_stated").rule
    assert finding(result, "gift_separate").favours == "shop"  # Art. 59
    jd = evaluate(Case(id=1, scenario="gift_dispute", platform="jd"), [], catalog, now=NOW)
    assert "第二十三条" in req(jd, "gift_as_stated").rule and finding(jd, "gift_separate") is None


def test_invisible_not_as_described_routes_to_art_66(catalog):
    case = Case(id=1, scenario="invisible_not_as_described", platform="tmall")
    assert not evaluate(case, items("listing_screenshot", "item_photo"), catalog, now=NOW).ready
    result = evaluate(case, items("commercial_invoice", "product_certificate"), catalog, now=NOW)
    assert result.ready and "第七十四条" in req(result, "source_of_goods").rule
    imported = Case(id=1, scenario="invisible_not_as_described", platform="tmall", imported=True)
    assert req(evaluate(imported, [], catalog, now=NOW), "customs") is not None


def test_repair_warranty_windows_from_the_day_after_signing(catalog):
    signed = t("2025-09-01T23:30")
    for request, status, favours in (("2025-09-08T23:59", "return_ok", "buyer"),
                                     ("2025-09-09T00:01", "exchange_or_repair", "shop"),
                                     ("2025-09-17T10:00", "repair_only", "shop")):
        case = Case(id=1, scenario="repair_warranty", platform="jd", signed_at=signed, refund_at=t(request))
        window = finding(evaluate(case, [], catalog, now=NOW), "repair_window")
        assert (window.status, window.favours) == (status, favours), request
        assert "第二十七条" in window.rule
    result = evaluate(Case(id=1, scenario="repair_warranty", platform="jd"), items("repair_record"), catalog, now=NOW)
    assert result.ready and "第二十七条" in req(result, "repair_record").rule


def test_price_protection_and_invoice(catalog):
    price = evaluate(Case(id=1, scenario="price_protection", platform="jd"), items("order_snapshot"), catalog, now=NOW)
    assert price.ready and "第四十三条" in req(price, "order_price").rule
    tb = evaluate(Case(id=1, scenario="price_protection", platform="taobao"), [], catalog, now=NOW)
    assert req(tb, "order_price").rule == "依平台通行做法"
    invoice = evaluate(Case(id=1, scenario="invoice_dispute", platform="jd"), items("sales_invoice"), catalog, now=NOW)
    assert invoice.ready and "第四十一条" in req(invoice, "invoice").rule
    assert not evaluate(Case(id=1, scenario="invoice_dispute"), items("commercial_invoice"), catalog, now=NOW).ready
