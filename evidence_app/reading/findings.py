"""Findings from what the app read in the evidence, for the agent (never the submission):

- `tracking_mismatch` (blocking): a waybill photo's (or a packing video key frame's) tracking number differs from
  the case's, so the photo may be of another parcel;
- `capture_time` (advisory): a photo taken, or a chat or tracking page dated, at a time the case's timeline makes
  unlikely (a packing photo taken after the pickup scan, a chat dated after the refund request…).

Qt-free; works on stored readings and the items' EXIF capture times."""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo

from evidence_app.core.deadlines import Finding
from evidence_app.core.model import Case, EvidenceItem
from evidence_app.core.timeutil import show, zone
from evidence_app.imaging.video import timecode
from evidence_app.reading import analyze
from evidence_app.reading.types import Reading

SLACK = timedelta(hours=1)  # clocks of phones, carriers and chat servers disagree by minutes, not hours

_TEXT = {
    "mismatch": {"zh_CN": "证据{n}(面单照片)上的运单号 {read} 与案件运单号 {case} 不一致:可能是另一个包裹的面单",
                 "en": "Exhibit {n} (waybill photo) shows tracking number {read}, the case has {case}: it may be "
                       "another parcel's label"},
    "mismatch_frame": {"zh_CN": "证据{n}(打包/发货视频)在 {at} 的画面上的运单号 {read} 与案件运单号 {case} 不一致:"
                                "可能是另一个包裹",
                       "en": "Exhibit {n} (packing video) shows tracking number {read} at {at}, the case has {case}: "
                             "it may be another parcel"},
    "packing_after_pickup": {"zh_CN": "证据{n}(打包/发货记录)拍摄于 {at},晚于揽收时间 {ref}",
                             "en": "Exhibit {n} (packing record) was taken at {at}, after the pickup scan at {ref}"},
    "photo_before_paid": {"zh_CN": "证据{n}拍摄于 {at},早于付款时间 {ref}:是否为本订单?",
                          "en": "Exhibit {n} was taken at {at}, before the payment at {ref}: is it of this order?"},
    "chat_after_refund": {"zh_CN": "证据{n}(聊天记录)显示 {at} 的消息,晚于退款申请时间 {ref}",
                          "en": "Exhibit {n} (chat) shows messages of {at}, after the refund request at {ref}"},
    "tracking_before_paid": {"zh_CN": "证据{n}(物流轨迹)显示 {at} 的记录,早于付款时间 {ref}:是否为本订单的包裹?",
                             "en": "Exhibit {n} (tracking) shows an event at {at}, before the payment at {ref}: "
                                   "is it this order's parcel?"},
}


def _t(key: str, lang: str, **params: object) -> str:
    table = _TEXT[key]
    return table.get(lang, table["zh_CN" if lang.startswith("zh") else "en"]).format(**params)


def _exif_time(item: EvidenceItem, tz: tzinfo) -> datetime | None:
    if not item.captured_at:
        return None
    try:
        value = datetime.fromisoformat(item.captured_at)
    except ValueError:
        return None
    return value if value.tzinfo else value.replace(tzinfo=tz)


def reading_findings(case: Case, items: list[EvidenceItem], readings: dict[str, Reading], lang: str = "zh_CN",
                     tz: tzinfo | None = None) -> list[Finding]:
    """`items`: the case's live items in exhibit order; `readings`: by file hash (those read so far)."""
    tz = tz or zone()
    out: list[Finding] = []
    case_no = analyze.normalise_tracking(case.tracking_no or "")
    for n, item in enumerate(items, 1):
        reading = readings.get(item.sha256)
        if reading is not None and case_no and analyze.shows_waybill(item.kind, item.media_type):
            found = analyze.tracking_found(reading)
            if found and found[0] != case_no:
                detail = {"item": item.id, "exhibit": n, "read": found[0], "source": found[1],
                          "case_tracking_no": case.tracking_no}
                if item.is_video:
                    at = timecode(found[2] / 1000)
                    detail.update(frame_ms=found[2], timecode=at)
                    text = _t("mismatch_frame", lang, n=n, at=at, read=found[0], case=case.tracking_no)
                else:
                    text = _t("mismatch", lang, n=n, read=found[0], case=case.tracking_no)
                out.append(Finding("tracking_mismatch", "mismatch", text, detail, blocking=True))
        out += _times(case, item, n, reading, lang, tz)
    return out


def _times(case: Case, item: EvidenceItem, n: int, reading: Reading | None, lang: str,
           tz: tzinfo) -> list[Finding]:
    out = []

    def finding(key: str, at: datetime, ref: datetime, source: str) -> Finding:
        return Finding("capture_time", key, _t(key, lang, n=n, at=show(at, tz), ref=show(ref, tz)),
                       {"item": item.id, "exhibit": n, "at": at.isoformat(timespec="minutes"),
                        "source": source})

    taken = _exif_time(item, tz)
    if taken is not None:
        if item.kind == "packing_record" and case.pickup_at and taken > case.pickup_at + SLACK:
            out.append(finding("packing_after_pickup", taken, case.pickup_at, "exif"))
        elif item.kind in ("packing_record", "waybill_photo") and case.paid_at and taken < case.paid_at - SLACK:
            out.append(finding("photo_before_paid", taken, case.paid_at, "exif"))
    if reading is None:
        return out
    shown = [d.replace(tzinfo=tz) for d in analyze.dates(reading)]
    if not shown:
        return out
    if item.kind == "chat_screenshot" and case.refund_at:
        late = [d for d in shown if d > case.refund_at + SLACK]
        if late:
            out.append(finding("chat_after_refund", max(late), case.refund_at, "text"))
    if item.kind == "tracking_screenshot" and case.paid_at:
        early = [d for d in shown if d < case.paid_at - SLACK]
        if early:
            out.append(finding("tracking_before_paid", min(early), case.paid_at, "text"))
    return out
