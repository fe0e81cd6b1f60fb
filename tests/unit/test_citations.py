"""Every requirement's citation, written out for review: (scenario.requirement, rule set, articles).

Each line is checked against the data (a changed citation fails here until this list is updated on purpose) and
each article against the rule text in docs/rules/, so a reviewer can read what a requirement stands on. What the
articles say is the citation's `claim` in resources/rules.toml.
"""

import re
from pathlib import Path

import pytest

RULES_DIR = Path(__file__).resolve().parents[2] / "docs" / "rules"

PAIRS = [
    ("signed_not_received.proof_of_receipt", "taobao", "第三十六条、第三十八条"),
    ("lost_in_transit.tracking", "taobao", "第二十五条"),
    ("lost_in_transit.carrier_statement", "taobao", "第十条"),
    ("missing_items.proof_of_receipt", "taobao", "第三十六条、第七十五条"),
    ("missing_items.packing_merged", "taobao", "第二十六条"),
    ("missing_items.packing", "taobao", "第八十条"),
    ("missing_items.waybill_weight", "taobao", "第八十条"),
    ("missing_items.item_photos", "taobao", "第八十条"),
    ("wrong_item.proof_of_receipt", "taobao", "第三十六条、第七十五条"),
    ("wrong_item.packing", "taobao", "第八十条"),
    ("wrong_item.waybill", "taobao", "第八十条"),
    ("wrong_item.item_photos", "taobao", "第八十条"),
    ("damaged_in_transit.proof_of_receipt", "taobao", "第三十六条、第七十五条"),
    ("damaged_in_transit.packing", "taobao", "第八十条"),
    ("damaged_in_transit.item_photos", "taobao", "第八十条"),
    ("damaged_in_transit.waybill", "taobao", "第八十条"),
    ("quality_issue.explanation", "taobao", "第六十五条"),
    ("quality_issue.source_of_goods", "taobao", "第六十六条"),
    ("quality_issue.source_of_goods", "jd_goods", "第十八条"),
    ("quality_issue.certificate", "taobao", "第六十六条"),
    ("quality_issue.certificate", "jd_goods", "第十八条"),
    ("quality_issue.customs", "taobao", "第六十六条"),
    ("quality_issue.lab_report", "taobao", "第六十六条"),
    ("quality_issue.lab_report", "jd_goods", "第七条、第二十条"),
    ("not_as_described.listing", "taobao", "第七十三条、第十三条"),
    ("not_as_described.listing", "jd_general", "第二十一条"),
    ("not_as_described.listing", "jd_goods", "第十二条"),
    ("not_as_described.item_photos", "taobao", "第七十三条"),
    ("not_as_described.item_photos", "jd_goods", "第十二条"),
    ("size_mismatch.size_chart", "taobao", "第七十三条、第十三条"),
    ("size_mismatch.size_chart", "jd_general", "第二十一条、第三十条"),
    ("size_mismatch.size_chart", "jd_goods", "第十二条、第十一条"),
    ("size_mismatch.item_photos", "taobao", "第七十三条"),
    ("size_mismatch.item_photos", "jd_goods", "第十二条"),
    ("size_mismatch.item_photos", "national", "第八条、第九条"),
    ("counterfeit.source_of_goods", "taobao", "第六十六条"),
    ("counterfeit.source_of_goods", "jd_goods", "第四条"),
    ("counterfeit.certificate", "taobao", "第六十六条"),
    ("counterfeit.customs", "taobao", "第六十六条"),
    ("counterfeit.customs", "jd_goods", "第四条"),
    ("counterfeit.brand_authorisation", "jd_goods", "第四条"),
    ("counterfeit.brand_report", "taobao", "第六十六条"),
    ("counterfeit.brand_report", "jd_goods", "第七条、第二十条"),
    ("return_resale_damaged.returned_item_photos", "national", "第八条、第九条"),
    ("return_resale_damaged.condition_at_delivery", "taobao", "第三十七条、第十一条"),
    ("return_resale_damaged.waybill", "taobao", "第四十五条"),
    ("return_resale_damaged.listing", "taobao", "第十三条"),
    ("return_resale_damaged.listing", "jd_general", "第二十一条"),
    ("return_resale_damaged.customisation", "jd_goods", "第十四条"),
    ("return_resale_damaged.customisation", "national", "第六条"),
    ("refusal_freight.refusal_proof", "taobao", "第五十三条"),
    ("refusal_freight.refusal_proof", "national", "第十八条"),
    ("refusal_freight.freight", "taobao", "第五十三条、第四十九条"),
    ("refusal_freight.freight", "national", "第十八条"),
    ("refusal_freight.tracking", "taobao", "第二十五条"),
    ("refusal_freight.cod_consent", "taobao", "第三十条、第五十条"),
    ("late_shipment.pickup_time", "taobao", "第二十五条"),
    ("late_shipment.agreed_time", "taobao", "第七条、第十二条"),
    ("late_shipment.agreed_time", "jd_general", "第二十四条"),
    ("agreement_dispute.chat_agreement", "taobao", "第七条、第十二条"),
    ("agreement_dispute.chat_agreement", "jd_general", "第二十四条"),
    ("return_not_as_sent.return_condition", "taobao", "第三十七条"),
    ("return_not_as_sent.return_condition", "jd_goods", "第二十五条"),
    ("return_not_as_sent.as_sent", "jd_goods", "第二十五条"),
    ("return_not_as_sent.gift_terms", "taobao", "第六十一条"),
    ("return_not_as_sent.gift_terms", "national", "第十二条"),
    ("return_not_as_sent.return_waybill", "taobao", "第四十五条"),
    ("return_not_as_sent.chat", "jd_goods", "第二十五条"),
    ("return_not_received.return_address", "taobao", "第三十八条、第四十一条"),
    ("return_not_received.return_tracking", "taobao", "第三十八条、第四十一条"),
    ("refused_other_reason.delivery_attempt", "taobao", "第二十八条、第三十一条"),
    ("refused_other_reason.order_address", "taobao", "第二十八条、第三十一条"),
    ("refused_other_reason.wrong_details", "taobao", "第三十四条"),
    ("refused_other_reason.cod_consent", "taobao", "第三十条、第五十条"),
    ("refused_other_reason.pickup_consent", "taobao", "第二十八条、第三十一条"),
    ("gift_dispute.gift_as_stated", "taobao", "第五十五条、第五十六条、第五十九条、第六十三条"),
    ("gift_dispute.gift_as_stated", "jd_goods", "第二十三条"),
    ("gift_dispute.gift_sent", "jd_goods", "第二十五条"),
    ("invisible_not_as_described.source_of_goods", "taobao", "第七十四条、第六十六条"),
    ("invisible_not_as_described.source_of_goods", "jd_goods", "第十八条"),
    ("invisible_not_as_described.certificate", "taobao", "第七十四条、第六十六条"),
    ("invisible_not_as_described.certificate", "jd_goods", "第十八条"),
    ("invisible_not_as_described.customs", "taobao", "第六十六条"),
    ("invisible_not_as_described.lab_report", "taobao", "第六十六条"),
    ("invisible_not_as_described.lab_report", "jd_goods", "第七条、第二十条"),
    ("invisible_not_as_described.snapshot", "taobao", "第七十四条、第六十六条"),
    ("invisible_not_as_described.snapshot", "jd_goods", "第十八条"),
    ("repair_warranty.repair_record", "taobao", "第六十七条"),
    ("repair_warranty.repair_record", "jd_goods", "第二十七条"),
    ("repair_warranty.warranty_terms", "jd_goods", "第二十七条"),
    ("price_protection.order_price", "jd_general", "第四十三条"),
    ("price_protection.price_terms", "taobao", "第十三条"),
    ("price_protection.price_terms", "jd_general", "第四十三条、第二十一条"),
    ("price_protection.refund_history", "jd_general", "第四十三条"),
    ("invoice_dispute.invoice", "jd_general", "第四十一条"),
    ("invoice_dispute.invoice_request", "jd_general", "第四十一条"),
]


def _articles(catalog, requirement_id):
    scenario_id, req_id = requirement_id.split(".")
    requirement = next(r for r in catalog.scenarios[scenario_id].requirements if r.id == req_id)
    out = {}
    for key in requirement.cite:
        for ruleset, text in catalog.rules.citations[key].articles.items():
            merged = out.setdefault(ruleset, [])
            merged += [a for a in text.split("、") if a not in merged]
    return {ruleset: "、".join(parts) for ruleset, parts in out.items()}


def test_pairs_match_the_data(catalog):
    listed = {(req, ruleset): articles for req, ruleset, articles in PAIRS}
    actual = {}
    for scenario in catalog.scenarios.values():
        for requirement in scenario.requirements:
            for ruleset, articles in _articles(catalog, f"{scenario.id}.{requirement.id}").items():
                actual[(f"{scenario.id}.{requirement.id}", ruleset)] = articles
    assert listed == actual


@pytest.mark.parametrize("ruleset", ["taobao", "jd_general", "jd_goods", "national"])
def test_every_cited_article_exists_in_its_text(catalog, ruleset):
    source = catalog.rules.rulesets[ruleset].source
    text = (RULES_DIR / source).read_text(encoding="utf-8-sig")
    heads = set(re.findall(r"^\s*(第[一二三四五六七八九十百]+条)", text, re.M))
    for citation in catalog.rules.citations.values():
        if ruleset in citation.articles:
            for article in citation.articles[ruleset].split("、"):
                assert article in heads, (citation.key, ruleset, article)
            assert citation.claim("zh_CN") and citation.claim("en")


def test_resolution_per_platform(catalog):
    assert catalog.cite(("receipt_burden",), "tmall_global").startswith("《淘宝平台争议处理规则》(2025-08-15)第三十六条")
    assert catalog.cite(("receipt_burden",), "jd") == "依平台通行做法"
    assert catalog.cite(("counterfeit_brand_auth",), "jd") == "《京东开放平台商品类问题纠纷处理标准》第四条"
    assert catalog.cite(("return_intact",), "pinduoduo") == "《网络购买商品七日无理由退货暂行办法》第八条、第九条"
    assert catalog.cite(("receipt_burden",), "douyin") == "依平台通行做法"
    assert catalog.cite(("no_reason_refusal_freight",), "other", "en").startswith("National Interim Measures")
