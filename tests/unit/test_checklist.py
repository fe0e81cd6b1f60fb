"""Every scenario of the domain table: met, missing, conditional, and the "never satisfies" message."""

from datetime import datetime, timezone

import pytest

from evidence_app.core.checklist import applies, evaluate
from evidence_app.core.model import Case, EvidenceItem

NOW = datetime(2025, 9, 1, tzinfo=timezone.utc)

# The domain table (shared/docs/domain.md), written out independently of the data files.
# scenario: (required groups as sets of kinds, recommended kinds)
TABLE = {
    "signed_not_received": ([{"signature_slip", "authorized_signing_proof", "carrier_stamped_proof",
                              "chat_screenshot"}], ["tracking_screenshot"]),
    "lost_in_transit": ([{"tracking_screenshot"}, {"carrier_stamped_proof"}], ["chat_screenshot"]),
    "missing_items": ([{"signature_slip", "authorized_signing_proof", "carrier_stamped_proof"}],
                      ["packing_record", "waybill_photo", "item_photo"]),
    "wrong_item": ([{"signature_slip", "authorized_signing_proof", "carrier_stamped_proof"}],
                   ["packing_record", "waybill_photo", "item_photo", "chat_screenshot"]),
    "damaged_in_transit": ([{"signature_slip", "authorized_signing_proof", "carrier_stamped_proof"}],
                           ["packing_record", "item_photo", "waybill_photo"]),
    "quality_issue": ([{"item_photo", "inspection_report"}], ["chat_screenshot"]),
    "not_as_described": ([{"listing_screenshot"}, {"item_photo"}], ["chat_screenshot"]),
    "size_mismatch": ([{"listing_screenshot"}], ["item_photo", "chat_screenshot"]),
    "counterfeit": ([{"distribution_proof", "commercial_invoice"}, {"product_certificate"}], ["inspection_report"]),
    "return_resale_damaged": ([{"item_photo"}, {"carrier_stamped_proof", "return_unboxing_record", "packing_record"}],
                              ["waybill_photo", "listing_screenshot"]),
    "refusal_freight": ([{"carrier_stamped_proof"}, {"freight_receipt"}], ["tracking_screenshot"]),
    "late_shipment": ([{"tracking_screenshot", "carrier_stamped_proof"}], ["chat_screenshot"]),
    "agreement_dispute": ([{"chat_screenshot"}], []),
    "return_not_as_sent": ([{"carrier_stamped_proof", "return_unboxing_record"}, {"packing_record", "order_snapshot"}],
                           ["order_snapshot", "listing_screenshot", "waybill_photo", "tracking_screenshot",
                            "chat_screenshot"]),
    "return_not_received": ([{"refund_history", "order_snapshot"}], ["tracking_screenshot", "carrier_stamped_proof"]),
    "refused_other_reason": ([{"carrier_stamped_proof", "tracking_screenshot"}, {"order_snapshot"}],
                             ["chat_screenshot", "listing_screenshot"]),
    "gift_dispute": ([{"order_snapshot", "listing_screenshot"}], ["packing_record", "chat_screenshot"]),
    "invisible_not_as_described": ([{"distribution_proof", "commercial_invoice"}, {"product_certificate"}],
                                   ["inspection_report", "order_snapshot", "listing_screenshot"]),
    "repair_warranty": ([{"repair_record", "inspection_report"}], ["order_snapshot", "listing_screenshot",
                                                                   "chat_screenshot"]),
    "price_protection": ([{"order_snapshot"}], ["listing_screenshot", "refund_history"]),
    "invoice_dispute": ([{"sales_invoice"}], ["order_snapshot", "chat_screenshot"]),
}
TIME_CHECKS = {"return_resale_damaged": ["seven_day_window"], "repair_warranty": ["repair_window"],
               "refusal_freight": ["ship_deadline", "refund_before_shipment"], "late_shipment": ["ship_deadline"]}
# Every question a kind can be asked, ticked: what "an exhibit that shows what it must" looks like in these tests.
CONFIRMED = {"chat_screenshot": ["chat_admits_receipt", "chat_platform_agreement"],
             "inspection_report": ["report_qualified"], "distribution_proof": ["brand_chain_traceable"],
             "carrier_stamped_proof": ["refusal_without_reason"]}


def make_items(kinds, confirmed=True):
    return [EvidenceItem(id=n, case_id=1, position=n, kind=k, sha256=f"{n:064x}", size=1, original_name=f"{n}.jpg",
                         media_type="image/jpeg", attestations=list(CONFIRMED.get(k, [])) if confirmed else [])
            for n, k in enumerate(kinds, 1)]


def test_table_matches_data(catalog):
    for scenario_id, (required, recommended) in TABLE.items():
        scenario = catalog.scenarios[scenario_id]
        reqs = [r for r in scenario.requirements if applies(r, Case(id=1, scenario=scenario_id))]
        assert [set(r.kinds) for r in reqs if r.level == "required"] == required, scenario_id
        rec = [k for r in reqs if r.level == "recommended" for k in r.kinds]
        assert rec == recommended, scenario_id
        assert list(scenario.time_checks) == TIME_CHECKS.get(scenario_id, []), scenario_id


@pytest.mark.parametrize("scenario_id", list(TABLE))
def test_missing_then_met(catalog, scenario_id):
    required, _ = TABLE[scenario_id]
    case = Case(id=1, scenario=scenario_id)
    empty = evaluate(case, [], catalog, now=NOW)
    assert not empty.ready
    assert all(r.status == "missing" for r in empty.requirements)
    assert all(r.message.startswith("缺少") for r in empty.requirements)
    # one item of the first kind of each group satisfies every required group
    chosen = [sorted(group)[0] for group in required]
    result = evaluate(case, make_items(chosen), catalog, now=NOW)
    assert result.ready, [r.as_dict() for r in result.requirements]
    for _group, req in zip(required, [r for r in result.requirements if r.requirement.level == "required"]):
        assert req.status == "met" and req.items
    # each alternative of an "any of" group works on its own
    for kind in required[0]:
        alone = evaluate(case, make_items([kind] + chosen[1:]), catalog, now=NOW)
        assert alone.requirements[0].status == "met", kind


@pytest.mark.parametrize("scenario_id", ["signed_not_received", "missing_items", "wrong_item", "damaged_in_transit"])
def test_tracking_and_waybill_never_prove_signing(catalog, scenario_id):
    case = Case(id=1, scenario=scenario_id)
    result = evaluate(case, make_items(["tracking_screenshot", "waybill_photo"]), catalog, now=NOW)
    receipt = result.requirements[0]
    assert receipt.requirement.id == "proof_of_receipt" and receipt.status == "missing"
    assert "物流轨迹截图" in receipt.message and "面单照片" in receipt.message and "不能满足" in receipt.message
    assert receipt.never_items == [1, 2]
    english = evaluate(case, make_items(["tracking_screenshot"]), catalog, now=NOW, lang="en")
    assert "Tracking screenshot cannot satisfy" in english.requirements[0].message


def test_customs_only_when_imported(catalog):
    kinds = ["distribution_proof", "product_certificate"]
    local = evaluate(Case(id=1, scenario="counterfeit"), make_items(kinds), catalog, now=NOW)
    assert local.ready and "customs" not in [r.requirement.id for r in local.requirements]
    imported = evaluate(Case(id=1, scenario="counterfeit", imported=True), make_items(kinds), catalog, now=NOW)
    assert not imported.ready
    customs = [r for r in imported.requirements if r.requirement.id == "customs"][0]
    assert customs.status == "missing" and customs.requirement.kinds == ("customs_declaration",)
    done = evaluate(Case(id=1, scenario="counterfeit", imported=True), make_items(kinds + ["customs_declaration"]),
                    catalog, now=NOW)
    assert done.ready


def test_min_count(tmp_path):
    from evidence_app.core.catalog import load_catalog

    user = tmp_path / "user"
    (user / "scenarios").mkdir(parents=True)
    (user / "scenarios" / "two.toml").write_text(
        '[[scenario]]\nid = "two_photos"\nname = { zh_CN = "两张" }\n\n[[scenario.requirement]]\nid = "photos"\n'
        'kinds = ["item_photo"]\nmin_count = 2\nrule = "淘宝争议处理规则第80条"\nexplain = { zh_CN = "两张照片" }\n',
        encoding="utf-8")
    catalog = load_catalog(user)
    one = evaluate(Case(id=1, scenario="two_photos"), make_items(["item_photo"]), catalog, now=NOW)
    assert not one.ready and "至少需要 2 份" in one.requirements[0].message and one.requirements[0].items == [1]
    two = evaluate(Case(id=1, scenario="two_photos"), make_items(["item_photo", "item_photo"]), catalog, now=NOW)
    assert two.ready


def test_trashed_items_do_not_count(catalog):
    items = make_items(["chat_screenshot"])
    items[0].deleted_at = NOW
    assert not evaluate(Case(id=1, scenario="agreement_dispute"), items, catalog, now=NOW).ready


def test_json_shape(catalog):
    data = evaluate(Case(id=7, scenario="late_shipment"), make_items(["tracking_screenshot"]), catalog,
                    now=NOW).as_dict()
    assert set(data) == {"case", "scenario", "platform", "ready", "facts", "requirements", "findings"}
    assert data["facts"]["seven_day_eligible"] is True and data["facts"]["refusal_reason"] == "none"
    assert data["case"] == 7 and data["ready"] is True
    req = data["requirements"][0]
    assert {"id", "level", "kinds", "status", "items", "rule", "message"} <= set(req)
    assert [f["id"] for f in data["findings"]] == ["ship_deadline", "evidence_deadline"]
