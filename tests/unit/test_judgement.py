"""The checklist judges like an expert (issue 8): facts, blocking and advisory findings, the platform's clock,
timeline errors, attestations and the new scenarios."""

from datetime import datetime, timezone

import pytest

from evidence_app.core import deadlines
from evidence_app.core.checklist import evaluate
from evidence_app.core.conditions import ConditionError, parse
from evidence_app.core.model import Case, EvidenceItem
from evidence_app.core.timeutil import parse_time, zone

SH = zone("Asia/Shanghai")
NOW = datetime(2025, 9, 1, tzinfo=timezone.utc)


def t(text):
    return parse_time(text, SH)


def items(*kinds, attest=None):
    attest = attest or {}
    return [EvidenceItem(id=n, case_id=1, position=n, kind=k, sha256=f"{n:064x}", size=1, original_name=f"{n}.jpg",
                         media_type="image/jpeg", attestations=list(attest.get(k, []))) for n, k in enumerate(kinds, 1)]


def finding(result, finding_id):
    return next((f for f in result.findings if f.id == finding_id), None)


def req(result, requirement_id):
    return next((r for r in result.requirements if r.requirement.id == requirement_id), None)


FREIGHT_EVIDENCE = items("carrier_stamped_proof", "freight_receipt",
                         attest={"carrier_stamped_proof": ["refusal_without_reason"]})


def freight_case(**facts):
    base = dict(id=1, scenario="refusal_freight", platform="tmall", paid_at=t("2025-09-01T14:00"),
                pickup_at=t("2025-09-02T10:00"), refund_at=t("2025-09-04T10:00"), refusal_reason="no_reason",
                claimed_freight="10.00", actual_freight="10.00")
    base.update(facts)
    return Case(**base)


# --- condition language ----------------------------------------------------------------------------------------

def test_condition_language():
    cond = parse("shipped_late and not buyer_consented_late")
    assert cond({"shipped_late": True}) and not cond({"shipped_late": True, "buyer_consented_late": True})
    assert parse("claimed_freight > actual_freight")({"claimed_freight": "15", "actual_freight": "10.00"})
    assert not parse("claimed_freight > actual_freight")({"claimed_freight": "15", "actual_freight": ""})  # unknown
    assert parse("refusal_reason == damaged or (cod and not imported)")({"cod": True})
    assert parse("evidence.packing_record", {"packing_record"})({"evidence.packing_record": True})
    for bad in ("merged_parcels", "refusal_reason == maybe", "cod == 3", "claimed_freight > cod", "cod and",
                "(cod", "refusal_reason", "evidence.nothing"):
        with pytest.raises(ConditionError):
            parse(bad, {"packing_record"})


def test_bad_condition_in_a_user_file_names_the_line(tmp_path):
    from evidence_app.core.catalog import CatalogError, load_catalog

    folder = tmp_path / "user" / "scenarios"
    folder.mkdir(parents=True)
    path = folder / "mine.toml"
    path.write_text('[[scenario]]\nid = "x"\nname = { zh_CN = "X" }\n\n[[scenario.requirement]]\nid = "r"\n'
                    'kinds = ["other"]\nwhen = "merged_parcels"\ncite = ["communication"]\nexplain = { zh_CN = "e" }\n',
                    encoding="utf-8")
    with pytest.raises(CatalogError) as err:
        load_catalog(tmp_path / "user")
    assert err.value.line == 8 and "merged_parcels" in err.value.what


# --- 2. blocking findings: the claim fails whatever is uploaded ---------------------------------------------------

def test_freight_claim_ready_when_nothing_sinks_it(catalog):
    result = evaluate(freight_case(), FREIGHT_EVIDENCE, catalog, now=NOW)
    assert result.ready and not result.blocking
    assert finding(result, "ship_deadline").favours == "shop"
    assert "在承诺发货时限" in finding(result, "ship_deadline").argument


@pytest.mark.parametrize("facts, blocking_id, article", [
    (dict(pickup_at=t("2025-09-03T15:00")), "freight_late_shipping", "第二十七条"),        # 二Q8, 二Q13
    (dict(refund_at=t("2025-09-02T08:00")), "freight_after_refund", "第二十七条"),          # 一Q2, 一Q25
    (dict(pickup_at=None, refund_at=t("2025-09-01T20:00")), "freight_after_refund", "第二十七条"),  # no scan
    (dict(claimed_freight="15.00"), "freight_above_actual", "第五十三条"),                  # 一Q3
    (dict(actual_freight="0"), "freight_none_arose", "第五十三条"),                         # 一Q3
    (dict(refusal_reason="damaged"), "freight_refusal_with_reason", "第四十九条"),          # 一Q1 (broken gift)
])
def test_blocking_freight_findings(catalog, facts, blocking_id, article):
    result = evaluate(freight_case(**facts), FREIGHT_EVIDENCE, catalog, now=NOW)
    assert not result.ready
    blocking = [f for f in result.findings if f.blocking]
    assert [f.id for f in blocking] == [blocking_id]
    assert blocking[0].favours == "buyer" and article in blocking[0].rule and blocking[0].message
    assert "淘宝平台争议处理规则" in blocking[0].rule


def test_late_shipping_agreed_in_chat_does_not_block(catalog):
    result = evaluate(freight_case(pickup_at=t("2025-09-03T15:00"), buyer_consented_late=True), FREIGHT_EVIDENCE,
                      catalog, now=NOW)
    assert result.ready and finding(result, "ship_deadline").status == "late"


def test_cod_needs_consent_in_the_platform_chat(catalog):
    case = freight_case(cod=True)
    result = evaluate(case, FREIGHT_EVIDENCE, catalog, now=NOW)
    consent = req(result, "cod_consent")
    assert not result.ready and consent.status == "missing" and "第三十条" in consent.rule
    chat = items("chat_screenshot")
    chat[0].id = 9
    assert req(evaluate(case, FREIGHT_EVIDENCE + chat, catalog, now=NOW), "cod_consent").status == "unconfirmed"
    chat[0].attestations = ["chat_platform_agreement"]
    assert evaluate(case, FREIGHT_EVIDENCE + chat, catalog, now=NOW).ready


def test_lost_in_transit_advises_refund_and_claim(catalog):
    result = evaluate(Case(id=1, scenario="lost_in_transit", platform="taobao"),
                      items("tracking_screenshot", "carrier_stamped_proof"), catalog, now=NOW)
    advice = finding(result, "lost_refund_and_claim")
    assert result.ready and advice and not advice.blocking and "索赔" in advice.message and "第十条" in advice.rule


# --- 4. requirement defects ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("scenario", ["missing_items", "wrong_item", "damaged_in_transit"])
def test_proper_signing_wins_without_packing_record(catalog, scenario):
    result = evaluate(Case(id=1, scenario=scenario), items("signature_slip"), catalog, now=NOW)
    assert result.ready  # Art. 75, 二Q2
    packing = req(result, "packing")
    assert packing.requirement.level == "recommended"


def test_merged_parcel_makes_packing_required(catalog):
    case = Case(id=1, scenario="missing_items", merged_parcel=True)
    result = evaluate(case, items("signature_slip"), catalog, now=NOW)
    assert not result.ready and req(result, "packing_merged").status == "missing"
    assert "第二十六条" in req(result, "packing_merged").rule and req(result, "packing") is None
    assert evaluate(case, items("signature_slip", "packing_record"), catalog, now=NOW).ready


def test_quality_visible_is_explained_not_invoiced(catalog):
    visible = Case(id=1, scenario="quality_issue", defect="visible")
    assert not evaluate(visible, items("commercial_invoice"), catalog, now=NOW).ready
    result = evaluate(visible, items("item_photo"), catalog, now=NOW)
    assert result.ready and "第六十五条" in req(result, "explanation").rule


def test_quality_invisible_and_imported_need_art_66_documents(catalog):
    invisible = Case(id=1, scenario="quality_issue", defect="invisible")
    assert not evaluate(invisible, items("inspection_report"), catalog, now=NOW).ready
    result = evaluate(invisible, items("commercial_invoice", "product_certificate"), catalog, now=NOW)
    assert result.ready and "第六十六条" in req(result, "source_of_goods").rule
    imported = Case(id=1, scenario="quality_issue", defect="invisible", imported=True)
    assert req(evaluate(imported, [], catalog, now=NOW), "customs").status == "missing"
    test_fee = evaluate(Case(id=1, scenario="quality_issue", platform_requested_test=True), [], catalog, now=NOW)
    assert "第七十一条" in finding(test_fee, "test_fee_on_shop").rule  # 一Q7


def test_return_resale_damaged_cites_return_articles_and_weighs_unboxing(catalog):
    case = Case(id=1, scenario="return_resale_damaged", platform="tmall")
    result = evaluate(case, items("item_photo", "return_unboxing_record"), catalog, now=NOW)
    rule = req(result, "condition_at_delivery").rule
    assert "第三十七条" in rule and "第十一条" in rule and "第八十条" not in rule
    assert finding(result, "unboxing_after_signing") is not None
    stamped = evaluate(case, items("item_photo", "carrier_stamped_proof"), catalog, now=NOW)
    assert finding(stamped, "unboxing_after_signing") is None


def test_customised_goods_need_the_custom_specification(catalog):
    case = Case(id=1, scenario="return_resale_damaged", platform="jd", customised=True)
    result = evaluate(case, items("item_photo", "carrier_stamped_proof"), catalog, now=NOW)
    custom = req(result, "customisation")
    assert not result.ready and "第十四条" in custom.rule and "第六条" in custom.rule  # JD 商品类标准; measures §6
    assert finding(result, "not_seven_day_goods").favours == "shop"
    assert evaluate(case, items("item_photo", "carrier_stamped_proof", "order_snapshot"), catalog, now=NOW).ready


def test_no_weak_citations_left(catalog):
    """Art. 9 and 10 are not cited for ordinary evidence, Art. 12 only where an agreement is in dispute."""
    for scenario in catalog.scenarios.values():
        for requirement in scenario.requirements:
            text = catalog.rules.resolve(requirement.cite, ("taobao",)).split(";")[0]
            if "淘宝" not in text:
                continue
            assert "第九条" not in text, (scenario.id, requirement.id)
            if "第十二条" in text:
                assert "agreement" in requirement.cite, (scenario.id, requirement.id)
            if "第十条" in text:
                assert requirement.cite == ("risk_before_signing",), (scenario.id, requirement.id)


# --- 5. timeline --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("times, fields", [
    (dict(paid_at=t("2025-09-02T10:00"), pickup_at=t("2025-09-01T10:00")), ["paid_at", "pickup_at"]),
    (dict(pickup_at=t("2025-09-03T10:00"), signed_at=t("2025-09-02T10:00")), ["pickup_at", "signed_at"]),
    (dict(requested_at=t("2025-09-03T10:00"), due_at=t("2025-09-02T10:00")), ["requested_at", "due_at"]),
])
def test_impossible_order_gives_timeline_inconsistent(catalog, times, fields):
    result = evaluate(Case(id=1, scenario="late_shipment", **times), [], catalog, now=NOW)
    timeline = finding(result, "timeline")
    assert timeline.status == "inconsistent" and timeline.figures["fields"] == fields and timeline.favours == "none"


def test_data_entry_errors_are_not_read_as_results(catalog):
    tmall = catalog.platforms["tmall"]
    before_signing = Case(id=1, scenario="x", signed_at=t("2025-08-16T17:05"), refund_at=t("2025-08-15T10:00"))
    assert deadlines.seven_day_window(before_signing, platform=tmall).status == "inconsistent"
    early = Case(id=1, scenario="x", paid_at=t("2025-09-04T10:00"), pickup_at=t("2025-09-01T10:00"))
    assert deadlines.ship_deadline(early, tmall).status == "inconsistent"
    same = Case(id=1, scenario="x", refund_at=t("2025-09-02T10:00"), pickup_at=t("2025-09-02T10:00"))
    found = deadlines.refund_before_shipment(same)
    assert found.status == "inconsistent" and found.figures["fields"] == ["refund_at", "pickup_at"]
    same.pickup_at = t("2025-09-02T10:00:30")  # one time typed to the minute: which came first is unknown
    assert deadlines.refund_before_shipment(same).status == "inconsistent"
    same.refund_at = t("2025-09-02T10:00:40")  # both to the second (from the records): the order is known
    assert deadlines.refund_before_shipment(same).status == "no"
    unshipped = deadlines.refund_before_shipment(Case(id=1, scenario="x", refund_at=t("2025-09-02T10:00")))
    assert unshipped.status == "yes" and unshipped.figures["shipped"] is False  # Art. 25


def test_no_pickup_scan_past_the_deadline_is_late(catalog):
    case = Case(id=1, scenario="late_shipment", platform="tmall", paid_at=t("2025-09-01T14:00"))
    waiting = finding(evaluate(case, [], catalog, now=t("2025-09-02T14:00")), "ship_deadline")
    assert waiting.status == "not_shipped" and waiting.favours == "none"
    late = finding(evaluate(case, [], catalog, now=t("2025-09-03T16:00")), "ship_deadline")
    assert late.status == "late" and late.figures["shipped"] is False and "2 小时" in late.message


def test_overdue_by_a_second_reads_in_minutes(catalog):
    case = Case(id=1, scenario="x", due_at=t("2025-09-10T12:00"))
    late = deadlines.evidence_deadline(case, catalog.platforms["taobao"], t("2025-09-10T12:00:01"))
    assert late.status == "overdue" and "已超时 1 分钟" in late.message and "0 小时" not in late.message
    later = deadlines.evidence_deadline(case, catalog.platforms["taobao"], t("2025-09-10T15:00"), lang="en")
    assert "3 h" in later.message


# --- 1 and 6. the platform's clock ---------------------------------------------------------------------------------

def test_jd_clock_text_comes_from_the_data(catalog):
    from dataclasses import replace

    from evidence_app.core.catalog import BusinessClock

    jd = catalog.platforms["jd"]
    case = Case(id=1, scenario="x", platform="jd", requested_at=t("2025-09-01T10:00"))
    message = deadlines.evidence_deadline(case, jd, t("2025-09-01T11:00")).message
    assert "4 小时" in message and "9:00–18:00" in message
    changed = replace(jd, business_clock=BusinessClock(6, (8, 30), (17, 30)))
    other = deadlines.evidence_deadline(case, changed, t("2025-09-01T11:00"))
    assert "6 小时" in other.message and "8:30–17:30" in other.message and "9:00" not in other.message
    assert other.figures["due_at"] == "2025-09-01T16:00+08:00"


def test_jd_first_answer_24h(catalog):
    result = evaluate(Case(id=1, scenario="signed_not_received", platform="jd", requested_at=t("2025-09-01T14:01")),
                      [], catalog, now=t("2025-09-02T10:00"))
    first = finding(result, "first_answer")
    assert first.figures["due_at"] == "2025-09-02T14:01+08:00" and first.status == "due_soon"
    assert "第九条" in first.rule and "京东" in first.rule
    assert finding(evaluate(Case(id=1, scenario="signed_not_received", platform="tmall"), [], catalog, now=NOW),
                   "first_answer") is None


LEGAL_CASES = [
    Case(id=1, scenario="return_resale_damaged", platform="tmall", signed_at=t("2025-08-16T17:05"),
         refund_at=t("2025-08-23T23:30")),  # 23:30 Beijing: inside by the national count, in any display zone
    Case(id=2, scenario="refusal_freight", platform="jd", paid_at=t("2025-09-01T14:00"),
         pickup_at=t("2025-09-03T13:00"), refund_at=t("2025-09-03T12:00"), requested_at=t("2025-09-05T14:01")),
    Case(id=3, scenario="repair_warranty", platform="jd", signed_at=t("2025-09-01T23:30"),
         refund_at=t("2025-09-09T00:30")),
]


def _legal(result):
    return [(f.id, f.status, {k: v for k, v in f.figures.items() if k != "hours_left"}, f.blocking, f.favours)
            for f in result.findings], result.ready, [r.status for r in result.requirements]


@pytest.mark.parametrize("case", LEGAL_CASES, ids=lambda c: c.scenario)
def test_legal_results_do_not_depend_on_the_display_zone(catalog, case):
    results = [_legal(evaluate(case, [], catalog, now=t("2025-09-05T15:00"), tz=zone(name)))
               for name in ("Asia/Shanghai", "Europe/London", "America/New_York")]
    assert results[0] == results[1] == results[2]


def test_jd_notice_at_1401_beijing_due_0901_beijing_in_london(lib):
    lib.set_setting("tz", "Europe/London")
    case = lib.create_case("signed_not_received", "jd")
    lib.update_case(case.id, requested_at=parse_time("2025-09-01T14:01+08:00"))
    due = finding(lib.check(case.id, now=parse_time("2025-09-01T08:00+01:00")), "evidence_deadline")
    assert due.figures["due_at"] == "2025-09-02T09:01+08:00"
    assert "2025-09-02 02:01" in due.message  # shown in London time, computed on Beijing's clock


def test_seven_day_late_argument_gives_both_countings(catalog):
    case = Case(id=1, scenario="return_resale_damaged", platform="tmall", signed_at=t("2025-08-16T17:05"),
                refund_at=t("2025-08-24T09:00"))
    window = finding(evaluate(case, [], catalog, now=NOW), "seven_day_window")
    assert window.status == "outside" and window.favours == "shop"
    assert "第 8 日" in window.argument and "7×24" in window.argument and "超时" not in window.argument


# --- attestations ---------------------------------------------------------------------------------------------------

def test_chat_counts_for_receipt_only_once_confirmed(catalog):
    case = Case(id=1, scenario="signed_not_received")
    result = evaluate(case, items("chat_screenshot"), catalog, now=NOW)
    receipt = req(result, "proof_of_receipt")
    assert receipt.status == "unconfirmed" and receipt.questions == ["chat_admits_receipt"] and not result.ready
    assert "买家承认已收到商品" in receipt.message
    confirmed = evaluate(case, items("chat_screenshot", attest={"chat_screenshot": ["chat_admits_receipt"]}), catalog,
                         now=NOW)
    assert confirmed.ready
    assert evaluate(case, items("signature_slip"), catalog, now=NOW).ready  # a slip needs no tick


def test_slip_signed_by_someone_else_needs_the_authorisation(catalog):
    case = Case(id=1, scenario="signed_not_received")
    other = items("signature_slip", attest={"signature_slip": ["slip_signed_by_other"]})
    result = evaluate(case, other, catalog, now=NOW)
    assert not result.ready and "授权签收证明" in req(result, "proof_of_receipt").message
    both = items("signature_slip", "authorized_signing_proof", attest={"signature_slip": ["slip_signed_by_other"]})
    assert evaluate(case, both, catalog, now=NOW).ready


def test_inspection_report_counts_only_from_a_qualified_lab(catalog):
    case = Case(id=1, scenario="quality_issue", defect="visible")
    assert req(evaluate(case, items("inspection_report"), catalog, now=NOW), "explanation").status == "unconfirmed"
    assert evaluate(case, items("inspection_report", attest={"inspection_report": ["report_qualified"]}), catalog,
                    now=NOW).ready


def test_library_attestations_round_trip(lib, tmp_path):
    from tests import factories
    from evidence_app.storage.library import LibraryError

    case = lib.create_case("signed_not_received", "taobao")
    item_id = lib.add_file(case.id, factories.photo(tmp_path / "chat.jpg"), "chat_screenshot").item.id
    assert req(lib.check(case.id, now=NOW), "proof_of_receipt").status == "unconfirmed"
    assert lib.update_item(item_id, attestations=["chat_admits_receipt"]).attestations == ["chat_admits_receipt"]
    assert lib.check(case.id, now=NOW).ready
    with pytest.raises(LibraryError, match="unknown question"):
        lib.update_item(item_id, attestations=["nonsense"])
    with pytest.raises(LibraryError, match="asked of"):
        lib.update_item(item_id, attestations=["report_qualified"])


# --- 3. platform rule sets: every scenario on every platform ---------------------------------------------------------

def test_every_scenario_on_every_platform_cites_only_its_own_rules(catalog):
    every_kind = items(*catalog.kinds)
    for scenario_id in catalog.scenarios:
        for platform_id in catalog.platforms:
            case = Case(id=1, scenario=scenario_id, platform=platform_id, paid_at=t("2025-09-01T10:00"),
                        pickup_at=t("2025-09-02T10:00"), signed_at=t("2025-09-04T10:00"),
                        refund_at=t("2025-09-05T10:00"), requested_at=t("2025-09-05T12:00"))
            result = evaluate(case, every_kind, catalog, now=NOW)
            texts = [r.rule for r in result.requirements] + [f.rule for f in result.findings]
            assert all(r.rule for r in result.requirements), (scenario_id, platform_id)
            joined = " ".join(texts)
            if platform_id == "jd":
                assert "淘宝" not in joined, scenario_id
            elif platform_id in ("taobao", "tmall", "tmall_global"):
                assert "京东" not in joined, scenario_id
            else:
                assert "淘宝" not in joined and "京东" not in joined, (scenario_id, platform_id)


def test_jd_counterfeit_needs_brand_authorisation_except_individual_sellers(catalog):
    evidence = items("commercial_invoice", "product_certificate")
    jd = Case(id=1, scenario="counterfeit", platform="jd")
    result = evaluate(jd, evidence, catalog, now=NOW)
    brand = req(result, "brand_authorisation")
    assert not result.ready and "第四条" in brand.rule and "京东开放平台商品类问题纠纷处理标准" in brand.rule
    auth = items("distribution_proof", attest={"distribution_proof": ["brand_chain_traceable"]})
    auth[0].id = 5
    assert evaluate(jd, evidence + auth, catalog, now=NOW).ready
    assert evaluate(Case(id=1, scenario="counterfeit", platform="jd", seller_type="individual"), evidence, catalog,
                    now=NOW).ready
    assert req(evaluate(Case(id=1, scenario="counterfeit", platform="tmall"), evidence, catalog, now=NOW),
               "brand_authorisation") is None


# --- findings favour the shop only where they help it ------------------------------------------------------------------

INTERNAL_WORDS = ("缺少", "尚缺", "未提供", "超时", "还剩", "可以提交")


def test_shop_arguments_are_reviewer_lines(catalog):
    for scenario in catalog.scenarios.values():
        for rule in scenario.findings:
            if rule.favours == "shop":
                assert rule.argument("zh_CN") and not any(w in rule.argument("zh_CN") for w in INTERNAL_WORDS)
            else:
                assert not rule.arguments, (scenario.id, rule.id)
    for result_case in LEGAL_CASES:
        for found in evaluate(result_case, [], catalog, now=NOW).findings:
            if found.id in ("evidence_deadline", "first_answer", "timeline") or found.status in ("incomplete", "inconsistent"):
                assert found.favours == "none", found.id
            if found.favours == "shop":
                assert found.argument and not any(w in found.argument for w in INTERNAL_WORDS)


def test_every_scenario_on_every_platform_through_library_check(lib, tmp_path):
    from tests import factories

    photo = factories.photo(tmp_path / "x.jpg")
    for scenario_id in lib.catalog.scenarios:
        for platform_id in lib.catalog.platforms:
            case = lib.create_case(scenario_id, platform_id)
            lib.update_case(case.id, paid_at=t("2025-09-01T10:00"), pickup_at=t("2025-09-02T10:00"),
                            signed_at=t("2025-09-04T10:00"), refund_at=t("2025-09-05T10:00"),
                            requested_at=t("2025-09-05T12:00"))
            if platform_id == "jd":
                assert lib.add_file(case.id, photo, "chat_screenshot").item
            data = lib.check(case.id, now=NOW).as_dict()
            cited = " ".join([r["rule"] for r in data["requirements"]] + [f["rule"] for f in data["findings"]])
            assert all(r["rule"] for r in data["requirements"])
            if platform_id == "jd":
                assert "淘宝" not in cited, scenario_id
            if platform_id in ("pinduoduo", "douyin", "other"):
                assert "淘宝" not in cited and "京东" not in cited, (scenario_id, platform_id)
