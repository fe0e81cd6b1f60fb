"""What a reading says: the likely evidence kind, the tracking number, the dates shown. Qt-free, no engines needed
(it works on a stored Reading), so it is cheap and testable with hand-made readings."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from evidence_app.reading.types import Reading

ONE_D = {"Code128", "Code39", "Code93", "Codabar", "ITF", "EAN13", "EAN8", "UPCA", "UPCE", "DataBar"}

# (kind, words, weight per word found). Words are what the documents really print; the OCR text is searched with
# spaces removed. Several words of one kind add up; a kind needs MIN_SCORE to be suggested.
WORDS: dict[str, tuple[tuple[str, float], ...]] = {
    "waybill_photo": (("收件人", 2), ("寄件人", 2), ("运单号", 2), ("收件", 0.5), ("寄件", 0.5), ("快递单号", 1),
                      ("代收货款", 1), ("目的地", 1), ("始发地", 1), ("电子面单", 2), ("已验视", 1.5),
                      ("收方", 1), ("寄方", 1), ("件数", 0.5), ("重量", 0.5), ("打印时间", 1), ("派件", 0.5),
                      ("寄件地址", 1), ("收件地址", 1)),
    "chat_screenshot": (("千牛", 3), ("旺旺", 3), ("京东咚咚", 3), ("咚咚", 2), ("客服", 1), ("亲", 0.5),
                        ("在吗", 1.5), ("已读", 2), ("未读", 2), ("发送", 1), ("输入", 0.5), ("您好", 0.5),
                        ("好的", 0.5), ("谢谢", 0.5), ("退货", 0.3), ("退款", 0.3), ("聊天", 1), ("消息", 0.5),
                        ("买家", 0.3), ("撤回", 1.5)),
    "tracking_screenshot": (("揽收", 2), ("揽件", 2), ("派送", 1.5), ("派件", 1), ("签收", 1), ("运输中", 2),
                            ("已发出", 1.5), ("到达", 1), ("转运中心", 2), ("分拨中心", 2), ("物流详情", 3),
                            ("物流信息", 2), ("快件", 1), ("营业部", 1), ("已揽收", 2), ("派送中", 2),
                            ("离开", 1), ("发往", 1.5), ("物流轨迹", 3), ("已签收", 1)),
    "signature_slip": (("签收人", 2.5), ("签字", 2), ("签收联", 3), ("签收底单", 3), ("回单", 2), ("签收日期", 2),
                       ("收件人签字", 3), ("签名", 1.5), ("签收", 0.5), ("客户签收", 2.5), ("底单", 2)),
    "carrier_stamped_proof": (("证明", 2.5), ("特此证明", 3), ("兹证明", 3), ("盖章", 1.5), ("情况说明", 2),
                              ("有限公司", 1), ("公司", 0.5), ("兹有", 1.5), ("经核实", 1.5), ("特此说明", 2),
                              ("网点", 0.5), ("证明人", 1)),
    "listing_screenshot": (("规格", 1.5), ("详情", 1), ("加入购物车", 3), ("立即购买", 3), ("月销", 2), ("商品详情", 2),
                           ("宝贝", 1), ("参数", 1), ("尺码", 1), ("颜色分类", 2), ("收藏", 1), ("店铺", 1),
                           ("已售", 1.5), ("包邮", 1), ("领券", 1.5), ("评价", 0.5), ("选择", 0.5), ("券后", 1.5),
                           ("促销", 1), ("发货地", 1)),
    "inspection_report": (("检测报告", 3), ("检验报告", 3), ("检测结果", 2), ("检验结论", 2), ("检测机构", 2),
                          ("样品", 1), ("判定", 1)),
    "order_snapshot": (("订单详情", 3), ("实付款", 2), ("订单编号", 2), ("下单时间", 2), ("付款时间", 1.5),
                       ("成交时间", 1.5), ("交易快照", 3)),
    "refund_history": (("协商历史", 3), ("退款详情", 3), ("退款申请", 2), ("退款原因", 2), ("售后详情", 2)),
    "product_certificate": (("合格证", 3), ("执行标准", 2.5), ("检验员", 1.5)),
    "commercial_invoice": (("发票", 2.5), ("价税合计", 3), ("税额", 2), ("开票日期", 2), ("发票代码", 2)),
}
MIN_SCORE = 2.5
PRICE = re.compile(r"[¥￥]\s?\d")
TIME = re.compile(r"(?:20\d\d[-/.年])?\d{1,2}[-/.月]\d{1,2}日?\s*\d{1,2}:\d{2}")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Suggestion:
    kind: str | None
    score: float
    scores: dict[str, float]


def features(reading: Reading) -> dict[str, object]:
    """Layout cues: 1-D barcodes, price tags, chat bubbles on two sides, a column of time stamps."""
    lines = reading.lines
    width = reading.width or 1
    one_d = sum(1 for c in reading.codes if c.format in ONE_D)
    qr = sum(1 for c in reading.codes if c.format not in ONE_D)
    text = _SPACE.sub("", reading.text)
    left = right = 0
    for line in lines:
        x0, _y0, x1, _y1 = line.box
        if x1 - x0 > 0.75 * width:
            continue
        if x0 < 0.25 * width and x1 < 0.8 * width:
            left += 1
        elif x1 > 0.75 * width and x0 > 0.2 * width:
            right += 1
    times = sum(1 for line in lines if TIME.search(line.text.replace(" ", "")))
    return {"one_d": one_d, "qr": qr, "prices": len(PRICE.findall(text)), "left": left, "right": right,
            "times": times, "tall": bool(reading.height and reading.height >= 1.6 * width),
            "red_stamp": "red_stamp" in getattr(reading, "marks", ())}


def suggest(reading: Reading) -> Suggestion:
    """The most likely kind for what was read, or kind None when nothing says enough (always for a video: its
    kind, packing or unboxing, is not in its frames' text but in its name and shape, see core/kind_hint.py)."""
    if reading.frames:
        return Suggestion(None, 0.0, {})
    text = _SPACE.sub("", reading.text)
    scores: dict[str, float] = {}
    for kind, words in WORDS.items():
        scores[kind] = sum(weight * min(text.count(word), 3) for word, weight in words)
    f = features(reading)
    if f["one_d"]:
        scores["waybill_photo"] += 3
        scores["signature_slip"] += 1
    if f["prices"]:
        scores["listing_screenshot"] += min(3, 1.5 * int(f["prices"]))  # type: ignore[arg-type]
    if f["tall"] and int(f["left"]) >= 2 and int(f["right"]) >= 2:  # type: ignore[arg-type]
        scores["chat_screenshot"] += 3  # bubbles on both sides of a phone screen
    if int(f["times"]) >= 3 and any(w in text for w in ("揽", "派", "签收", "运输", "到达")):  # type: ignore[arg-type]
        scores["tracking_screenshot"] += 2  # a timeline
    if f["red_stamp"]:
        scores["carrier_stamped_proof"] += 3
        scores["signature_slip"] += 0.5
    # a slip is a waybill copy with a signature: its signature words decide against the waybill words
    if scores["signature_slip"] >= 3:
        scores["waybill_photo"] -= 2
    if scores["carrier_stamped_proof"] >= 5:
        scores["signature_slip"] -= 1
    best = max(scores, key=lambda k: scores[k])
    if scores[best] < MIN_SCORE:
        return Suggestion(None, scores[best], scores)
    return Suggestion(best, scores[best], scores)


# --- tracking numbers ----------------------------------------------------------------------------------------

_LABEL = re.compile(r"(?:运单号|运单编号|快递单号|物流单号|单号)[码]?[:：]?\s*([A-Za-z]{0,4}[0-9]{8,16}[A-Za-z]?)")
_CARRIER = re.compile(r"(?<![A-Za-z0-9])((?:SF|YT|JT|JD[A-Z]{0,2}|ZTO|YD|DPK|EMS|EA|UY|JDV)\d{9,15}|"
                      r"7[0-9]{11,14}|4[0-9]{12}|9[0-9]{11,12}|3[0-9]{12})(?![0-9])")
_PHONE = re.compile(r"^1[3-9]\d{9}$")
_PLAIN = re.compile(r"^[A-Z]{0,4}[0-9]{9,16}[A-Z]?$")


def normalise_tracking(text: str) -> str:
    return re.sub(r"[\s-]", "", text).upper()


WAYBILL_VIDEO_KINDS = ("packing_record",)  # a return's unboxing video shows the return parcel's label, not ours


def shows_waybill(kind: str, media_type: str) -> bool:
    """Whether an item's reading gives the case's own tracking number: a waybill photo, or a packing video (whose
    key frames show the label being stuck on)."""
    return kind == "waybill_photo" or (kind in WAYBILL_VIDEO_KINDS and media_type.startswith("video/"))


def tracking_number(reading: Reading) -> tuple[str, str] | None:
    """(number, source) read from a waybill: source "barcode" or "text"; None when none is legible."""
    found = tracking_found(reading)
    return (found[0], found[1]) if found else None


def tracking_found(reading: Reading) -> tuple[str, str, int] | None:
    """(number, source, page): as `tracking_number`, with the page (a video: the key frame's time in ms) it was
    read on. Barcodes first (any page), then the text (a labelled number, then a carrier's pattern)."""
    for code in sorted(reading.codes, key=lambda c: (-len(c.text), c.page)):
        value = normalise_tracking(code.text)
        if code.format in ONE_D and _PLAIN.match(value) and not _PHONE.match(value):
            return value, "barcode", code.page
    pages = sorted({line.page for line in reading.lines})
    texts = [(page, _fix_ocr("\n".join(line.text for line in reading.lines if line.page == page)))
             for page in pages]
    for pattern, squeeze in ((_LABEL, False), (_CARRIER, True)):
        for page, text in texts:
            for match in pattern.finditer(text.replace(" ", "") if squeeze else text):
                value = normalise_tracking(match.group(1))
                if not _PHONE.match(value):
                    return value, "text", page
    return None


def _fix_ocr(text: str) -> str:
    return text.replace("：", ":").replace(" ", "")


# --- dates -----------------------------------------------------------------------------------------------------

_FULL = re.compile(r"(20\d\d)[-/.年](\d{1,2})[-/.月](\d{1,2})日?\s*(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?")
_DAY = re.compile(r"(20\d\d)[-/.年](\d{1,2})[-/.月](\d{1,2})日?")


def dates(reading: Reading) -> list[datetime]:
    """Date-times shown in the text (naive: the zone of the screen that showed them), in reading order. Dates
    without a time count as noon, so a day-only date is never more than half a day off."""
    out = []
    for line in reading.lines:
        text = line.text.replace(" ", "")
        found = False
        for m in _FULL.finditer(text):
            try:
                out.append(datetime(int(m[1]), int(m[2]), int(m[3]), int(m[4]), int(m[5]), int(m[6] or 0)))
                found = True
            except ValueError:
                continue
        if not found:
            for m in _DAY.finditer(text):
                try:
                    out.append(datetime(int(m[1]), int(m[2]), int(m[3]), 12, 0))
                except ValueError:
                    continue
    return out
