import pytest

from evidence_app.core.catalog import CatalogError, load_catalog
from evidence_app.paths import resources_dir

KINDS = ["signature_slip", "authorized_signing_proof", "carrier_stamped_proof", "waybill_photo", "item_photo",
         "packing_record", "chat_screenshot", "tracking_screenshot", "listing_screenshot", "inspection_report",
         "commercial_invoice", "distribution_proof", "product_certificate", "customs_declaration", "freight_receipt",
         "order_snapshot", "refund_history", "return_unboxing_record", "sales_invoice", "repair_record", "other"]
SCENARIOS = ["signed_not_received", "lost_in_transit", "missing_items", "wrong_item", "damaged_in_transit",
             "quality_issue", "not_as_described", "size_mismatch", "counterfeit", "return_resale_damaged",
             "refusal_freight", "late_shipment", "agreement_dispute", "return_not_as_sent", "return_not_received",
             "refused_other_reason", "gift_dispute", "invisible_not_as_described", "repair_warranty", "price_protection",
             "invoice_dispute"]
PLATFORMS = ["taobao", "tmall", "tmall_global", "jd", "pinduoduo", "douyin", "other"]


def test_contract_ids(catalog):
    assert list(catalog.kinds) == KINDS
    assert list(catalog.scenarios) == SCENARIOS
    assert list(catalog.platforms) == PLATFORMS


def test_names_in_three_languages_and_citations(catalog):
    for item in [*catalog.kinds.values(), *catalog.scenarios.values(), *catalog.platforms.values()]:
        assert {"zh_CN", "zh_TW", "en"} <= set(item.names), item.id
    for scenario in catalog.scenarios.values():
        for req in scenario.requirements:
            assert req.cite, (scenario.id, req.id)
            assert req.explain("zh_CN") and req.explain("en")
            assert {"zh_CN", "zh_TW", "en"} <= set(req.asserts), (scenario.id, req.id)
            for word in ("缺少", "尚缺", "未提供", "超时", "还剩", "可以提交"):
                assert word not in req.assertion("zh_CN"), (scenario.id, req.id, word)
    assert catalog.kind_name("signature_slip") == "签收底单"
    assert catalog.kind_name("signature_slip", "zh_TW") == "簽收底單"
    assert catalog.kind_name("signature_slip", "en") == "Signature slip"


def test_platform_ship_hours(catalog):
    assert catalog.platforms["tmall"].promised_ship_hours == 48
    assert catalog.platforms["taobao"].promised_ship_hours == 48
    assert catalog.platforms["tmall_global"].promised_ship_hours == 120
    clock = catalog.platforms["jd"].business_clock
    assert clock and clock.hours == 4 and clock.opens == (9, 0) and clock.closes == (18, 0)


def _copy_resources(tmp_path):
    import shutil

    target = tmp_path / "res"
    shutil.copytree(resources_dir(), target, ignore=shutil.ignore_patterns("fonts", "icons", "translations"))
    return target


def test_syntax_error_names_file_and_line(tmp_path):
    res = _copy_resources(tmp_path)
    path = res / "scenarios" / "builtin.toml"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[14] = "id = \"broken"  # unterminated string on line 15
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(CatalogError) as err:
        load_catalog(resources=res)
    assert err.value.path == path and err.value.line == 15
    assert "builtin.toml:15" in str(err.value)


def test_unknown_kind_names_the_line(tmp_path):
    res = _copy_resources(tmp_path)
    path = res / "scenarios" / "builtin.toml"
    text = path.read_text(encoding="utf-8")
    text = text.replace('kinds = ["tracking_screenshot"]\ncite = ["delivery_history"]',
                        'kinds = ["tracking_photo"]\ncite = ["delivery_history"]', 1)
    path.write_text(text, encoding="utf-8")
    expected_line = text.splitlines().index('kinds = ["tracking_photo"]') + 1
    with pytest.raises(CatalogError) as err:
        load_catalog(resources=res)
    assert err.value.line == expected_line
    assert "tracking_photo" in str(err.value)


def test_missing_rule_and_bad_level(tmp_path):
    user = tmp_path / "user"
    (user / "scenarios").mkdir(parents=True)
    bad = user / "scenarios" / "mine.toml"
    bad.write_text('[[scenario]]\nid = "x"\nname = { zh_CN = "X" }\n\n[[scenario.requirement]]\nid = "r"\n'
                   'level = "must"\nkinds = ["other"]\nrule = "r"\nexplain = { zh_CN = "e" }\n', encoding="utf-8")
    with pytest.raises(CatalogError) as err:
        load_catalog(user)
    assert err.value.path == bad and err.value.line == 7 and "level" in err.value.what
    bad.write_text('[[scenario]]\nid = "x"\nname = { zh_CN = "X" }\n\n[[scenario.requirement]]\nid = "r"\n'
                   'kinds = ["other"]\nexplain = { zh_CN = "e" }\n', encoding="utf-8")
    with pytest.raises(CatalogError) as err:
        load_catalog(user)
    assert err.value.line == 5 and "rule" in err.value.what


def test_user_folder_adds_and_overrides(tmp_path):
    user = tmp_path / "user"
    (user / "scenarios").mkdir(parents=True)
    (user / "scenarios" / "shop.toml").write_text(
        '[[scenario]]\nid = "agreement_dispute"\nname = { zh_CN = "约定争议(本店)", en = "Agreement (ours)" }\n'
        'time_checks = ["ship_deadline"]\n\n[[scenario.requirement]]\nid = "chat"\nkinds = ["chat_screenshot"]\n'
        'min_count = 2\nrule = "淘宝争议处理规则第12条"\nexplain = { zh_CN = "两张聊天截图" }\n\n'
        '[[scenario]]\nid = "gift_dispute"\nname = { zh_CN = "赠品争议" }\n\n[[scenario.requirement]]\n'
        'id = "listing"\nkinds = ["listing_screenshot"]\nrule = "淘宝争议处理规则第56条"\nexplain = { zh_CN = "赠品说明" }\n',
        encoding="utf-8")
    catalog = load_catalog(user)
    assert catalog.scenarios["agreement_dispute"].name() == "约定争议(本店)"
    assert catalog.scenarios["agreement_dispute"].requirements[0].min_count == 2
    assert "gift_dispute" in catalog.scenarios
    assert len(catalog.scenarios) == 21
