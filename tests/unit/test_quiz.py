"""The quiz in ../shared/seeds/000_…txt (《售后处理规则》 training quiz on the Taobao/Tmall rules), question by
question where the app can now express it: (question, case, exhibits, expected judgement, source of the answer).

"一Qn" = single-choice part, "二Qn" = multiple-choice part, "四:…" = a question only in the fourth section.
Exhibits are given as kinds; a kind followed by "+" has every question of its kind ticked (an exhibit that shows
what it must), so the table reads as the quiz's story."""

from datetime import datetime, timezone

import pytest

from evidence_app.core.checklist import evaluate
from evidence_app.core.model import Case, EvidenceItem
from evidence_app.core.timeutil import parse_time, zone

SH = zone("Asia/Shanghai")
NOW = datetime(2025, 9, 20, tzinfo=timezone.utc)
TICKS = {"chat_screenshot": ["chat_admits_receipt", "chat_platform_agreement"], "inspection_report": ["report_qualified"],
         "carrier_stamped_proof": ["refusal_without_reason"], "distribution_proof": ["brand_chain_traceable"]}


def t(text):
    return parse_time(text, SH)


def exhibits(spec):
    out = []
    for n, kind in enumerate(spec, 1):
        ticked = kind.endswith("+")
        kind = kind.rstrip("+")
        out.append(EvidenceItem(id=n, case_id=1, position=n, kind=kind, sha256=f"{n:064x}", size=1,
                                original_name=f"{n}.jpg", media_type="image/jpeg",
                                attestations=list(TICKS.get(kind, [])) if ticked else []))
    return out


def find(result, finding_id):
    return next((f for f in result.findings if f.id == finding_id), None)


def req(result, requirement_id):
    return next((r for r in result.requirements if r.requirement.id == requirement_id), None)


def blocked_by(finding_id):
    return lambda r: not r.ready and [f.id for f in r.findings if f.blocking] == [finding_id]


FREIGHT = dict(scenario="refusal_freight", platform="tmall", paid_at=t("2025-09-01T14:00"),
               pickup_at=t("2025-09-02T10:00"), refund_at=t("2025-09-04T10:00"), refusal_reason="no_reason",
               claimed_freight="10", actual_freight="10")
FREIGHT_PROOF = ["carrier_stamped_proof+", "freight_receipt"]

QUIZ = [
    # question, case fields, exhibits, expected, source of the answer
    ("一Q1 赠品洁面皂断裂拒签,商家要求买家承担运费 → 否", {**FREIGHT, "refusal_reason": "damaged"}, FREIGHT_PROOF,
     blocked_by("freight_refusal_with_reason"), "Art. 49 谁过错谁承担; Art. 10"),
    ("一Q2/一Q25 申请退款后商家仍发货 → 运费商家承担", {**FREIGHT, "refund_at": t("2025-09-02T08:00")}, FREIGHT_PROOF,
     blocked_by("freight_after_refund"), "Art. 27"),
    ("一Q3 未产生返件运费 → 全额退款", {**FREIGHT, "free_shipping": True, "actual_freight": "0"}, FREIGHT_PROOF,
     blocked_by("freight_none_arose"), "Art. 53"),
    ("一Q3 实际10元,凭证15元 → 不支持", {**FREIGHT, "free_shipping": True, "claimed_freight": "15"}, FREIGHT_PROOF,
     blocked_by("freight_above_actual"), "Art. 53"),
    ("一Q3 主张运费但无物流凭证 → 不支持", {**FREIGHT, "free_shipping": True}, ["carrier_stamped_proof+"],
     lambda r: not r.ready and req(r, "freight").status == "missing", "Art. 53"),
    ("一Q3 包邮商品买家仅承担退回运费", {**FREIGHT, "free_shipping": True}, FREIGHT_PROOF,
     lambda r: r.ready and find(r, "freight_free_shipping") is not None, "Art. 53"),
    ("一Q4 电话空号无法派送 → 由买家承担不利后果", dict(scenario="refused_other_reason", platform="tmall",
                                                refusal_reason="wrong_address"),
     ["carrier_stamped_proof", "order_snapshot"],
     lambda r: r.ready and "第三十四条" in req(r, "wrong_details").rule, "Art. 34"),
    ("一Q7 未应平台要求自行送检 → 检测费不当然由商家承担", dict(scenario="quality_issue", platform="taobao"), [],
     lambda r: find(r, "test_fee_on_shop") is None, "Art. 72 (vs Art. 71)"),
    ("四:应平台要求送检证实质量问题 → 检测费商家承担", dict(scenario="quality_issue", platform="taobao",
                                                 platform_requested_test=True), [],
     lambda r: "第七十一条" in find(r, "test_fee_on_shop").rule, "Art. 71"),
    ("一Q8 点击发货在72小时内,揽收在72小时后 → 仍为延迟发货", dict(scenario="late_shipment", platform="tmall",
                                                       promised_ship_hours=72, paid_at=t("2025-09-10T10:00"),
                                                       pickup_at=t("2025-09-15T09:00")), ["tracking_screenshot"],
     lambda r: find(r, "ship_deadline").status == "late", "Art. 25"),
    ("一Q8 物流系统无揽件信息 → 商家提供物流开具的实际揽收证明", dict(scenario="late_shipment", platform="tmall"),
     ["carrier_stamped_proof"], lambda r: req(r, "pickup_time").status == "met", "Art. 25"),
    ("一Q10 快递放门口、无授权无底单 → 商家无有效签收证明", dict(scenario="signed_not_received", platform="tmall"),
     ["tracking_screenshot", "waybill_photo"], lambda r: not r.ready and req(r, "proof_of_receipt").never_items,
     "Art. 36, 38"),
    ("一Q11 改地址以旺旺确认最合理(电话、微信、短信不算)", dict(scenario="agreement_dispute", platform="tmall"),
     ["chat_screenshot"], lambda r: req(r, "chat_agreement").status == "unconfirmed", "Art. 7, 12"),
    ("一Q14 8/16 17:05签收,8/23 17:06申请 → 平台口径已超期", dict(scenario="return_resale_damaged", platform="tmall",
                                                        signed_at=t("2025-08-16T17:05"),
                                                        refund_at=t("2025-08-23T17:06")), [],
     lambda r: find(r, "seven_day_window").status == "disputed"
     and find(r, "seven_day_window").figures["inside_platform"] is False, "quiz answer; measures §10 counts otherwise"),
    ("一Q18 放物业后自动确认收货 → 不能据此支持商家", dict(scenario="signed_not_received", platform="tmall",
                                                  receipt_confirmed="auto"), ["tracking_screenshot"],
     lambda r: not r.ready and find(r, "receipt_auto_confirmed") is not None, "Art. 10, 36"),
    ("一Q22 天猫国际120小时,9/10拍下9/16揽件 → 延迟发货", dict(scenario="late_shipment", platform="tmall_global",
                                                       paid_at=t("2025-09-10T10:00"),
                                                       pickup_at=t("2025-09-16T10:00")), [],
     lambda r: find(r, "ship_deadline").status == "late" and find(r, "ship_deadline").figures["promised_hours"] == 120,
     "Tmall Global 120 h; Art. 25"),
    ("一Q24 定制文化衫 → 不适用七天无理由", dict(scenario="return_resale_damaged", platform="tmall", customised=True),
     [], lambda r: find(r, "not_seven_day_goods").favours == "shop" and "第六条" in find(r, "not_seven_day_goods").rule,
     "measures §6"),
    ("二Q1 48小时:9/3 15:00揽件 → 延迟", dict(scenario="late_shipment", platform="tmall", paid_at=t("2025-09-01T14:00"),
                                          pickup_at=t("2025-09-03T15:00")), [],
     lambda r: find(r, "ship_deadline").status == "late", "Art. 25"),
    ("二Q1 48小时:9/2 15:00揽件(点击发货9/3) → 未延迟", dict(scenario="late_shipment", platform="tmall",
                                                         paid_at=t("2025-09-01T14:00"),
                                                         pickup_at=t("2025-09-02T15:00")), [],
     lambda r: find(r, "ship_deadline").status == "on_time", "Art. 25"),
    ("二Q2 放驿站少件 → 商家先提供签收底单/授权/物流红章", dict(scenario="missing_items", platform="tmall"),
     ["tracking_screenshot"], lambda r: not r.ready, "Art. 36, 75"),
    ("二Q2 商家提供签收底单,举证有效 → 支持商家", dict(scenario="missing_items", platform="tmall"),
     ["signature_slip"], lambda r: r.ready, "Art. 75, 80"),
    ("二Q4 面单不是有效收货证明", dict(scenario="signed_not_received", platform="tmall"), ["waybill_photo"],
     lambda r: req(r, "proof_of_receipt").status == "missing", "quiz 二Q4"),
    ("二Q4 买家承认收货的旺旺聊天截图是有效证明", dict(scenario="signed_not_received", platform="tmall"),
     ["chat_screenshot+"], lambda r: r.ready, "quiz 二Q4; Art. 38"),
    ("二Q4 授权他人签收的物流证明有效", dict(scenario="signed_not_received", platform="tmall"),
     ["authorized_signing_proof"], lambda r: r.ready, "Art. 36"),
    ("二Q6 物流流转记录截图不能证明签收", dict(scenario="signed_not_received", platform="tmall"),
     ["tracking_screenshot"], lambda r: not r.ready and "不能满足" in req(r, "proof_of_receipt").message,
     "quiz 二Q6"),
    ("二Q6 未经同意到付,买家拒签 → 不能要求买家承担运费", {**FREIGHT, "cod": True}, FREIGHT_PROOF,
     lambda r: not r.ready and req(r, "cod_consent").status == "missing", "Art. 30, 50"),
    ("二Q8 约定72小时,72小时后揽件,买家拒签 → 不能要求承担返件运费", {**FREIGHT, "promised_ship_hours": 72,
                                                            "pickup_at": t("2025-09-04T15:00"),
                                                            "refund_at": t("2025-09-06T10:00")}, FREIGHT_PROOF,
     blocked_by("freight_late_shipping"), "Art. 27"),
    ("二Q10 物流确认丢失 → 退款买家,同时向物流索赔", dict(scenario="lost_in_transit", platform="tmall"),
     ["tracking_screenshot", "carrier_stamped_proof"],
     lambda r: r.ready and "索赔" in find(r, "lost_refund_and_claim").message, "Art. 10"),
    ("二Q11 七天后改为七天无理由 → 不支持", dict(scenario="return_resale_damaged", platform="tmall",
                                         signed_at=t("2025-09-01T10:00"), refund_at=t("2025-09-10T10:00")), [],
     lambda r: find(r, "seven_day_window").status == "outside" and find(r, "seven_day_window").favours == "shop",
     "quiz 二Q11; measures §10"),
    ("二Q12 退货验货破损,有物流红章证明 → 支持商家拒签", dict(scenario="return_resale_damaged", platform="tmall"),
     ["item_photo", "carrier_stamped_proof"],
     lambda r: r.ready and find(r, "unboxing_after_signing") is None, "Art. 37"),
    ("二Q13 承诺48小时,第71小时揽件,拒签后要求承担返回邮费 → 不合理", {**FREIGHT, "promised_ship_hours": 48,
                                                             "pickup_at": t("2025-09-04T13:00"),
                                                             "refund_at": t("2025-09-06T10:00")}, FREIGHT_PROOF,
     blocked_by("freight_late_shipping"), "Art. 27"),
    ("四:未有揽件记录即申请退款,商家要求扣发货运费 → 否", {**FREIGHT, "pickup_at": None,
                                                 "refund_at": t("2025-09-01T20:00")}, FREIGHT_PROOF,
     blocked_by("freight_after_refund"), "Art. 25, 27"),
    ("四:签收时未验货,回家发现花瓶裂痕 → 商家证明规范签收即可", dict(scenario="damaged_in_transit", platform="tmall"),
     ["signature_slip"], lambda r: r.ready, "Art. 37, 75"),
    ("四:称未收到货,应由商家优先举证", dict(scenario="signed_not_received", platform="tmall"), [],
     lambda r: not r.ready and "第三十八条" in req(r, "proof_of_receipt").rule, "Art. 38"),
]


@pytest.mark.parametrize("question, fields, spec, expected, source", QUIZ, ids=[q[0][:12] for q in QUIZ])
def test_quiz(catalog, question, fields, spec, expected, source):
    result = evaluate(Case(id=1, **fields), exhibits(spec), catalog, now=NOW)
    assert expected(result), (question, source, result.as_dict())
