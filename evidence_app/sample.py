"""The sample case (示例案例): a complete, clearly labelled case built from pictures the app draws itself, so a
new user sees a full checklist and a bundle at once. Nothing in it is real: names and numbers are invented."""

from __future__ import annotations

import tempfile
from datetime import datetime, timedelta
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from evidence_app.paths import resources_dir
from evidence_app.storage.library import Library

SAMPLE_TITLE = "示例案例 · 物流显示签收,买家称未收到"
SAMPLE_NOTE = "示例 SAMPLE"


def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(resources_dir() / "fonts" / "wqy-microhei.ttc"), size, index=0)


def _stamp(draw: ImageDraw.ImageDraw, width: int) -> None:
    draw.text((width - 260, 20), SAMPLE_NOTE, font=_font(40), fill=(200, 200, 200))


def draw_signature_slip(path: Path) -> Path:
    img = Image.new("RGB", (1600, 1100), (250, 248, 240))
    d = ImageDraw.Draw(img)
    big, mid, small = _font(64), _font(40), _font(28)
    d.text((60, 40), "快递签收底单", font=big, fill=(20, 20, 20))
    d.rectangle([50, 150, 1550, 1050], outline=(40, 40, 40), width=4)
    rows = [("运单号", "SF1234567890123"), ("收件人", "王小明  138****5678"), ("收件地址", "浙江省杭州市西湖区文三路 100 号 3 幢 502"),
            ("签收时间", "2025-08-16 17:05"), ("签收人", "")]
    for n, (label, value) in enumerate(rows):
        y = 190 + n * 150
        d.line([50, y + 120, 1550, y + 120], fill=(120, 120, 120), width=2)
        d.text((80, y + 30), label, font=mid, fill=(60, 60, 60))
        d.text((400, y + 30), value, font=mid, fill=(10, 10, 10))
    d.line([420, 850, 520, 800, 600, 880, 700, 790, 760, 860], fill=(20, 40, 160), width=6, joint="curve")
    d.text((80, 1000), "本人已收到包裹,外包装完好。", font=small, fill=(60, 60, 60))
    _stamp(d, 1600)
    img.save(path, "JPEG", quality=88)
    return path


def draw_chat(path: Path) -> Path:
    img = Image.new("RGB", (1080, 2400), (237, 237, 237))
    d = ImageDraw.Draw(img)
    title, text, small = _font(44), _font(38), _font(28)
    d.rectangle([0, 0, 1080, 140], fill=(255, 106, 0))
    d.text((40, 45), "千牛 · 与 买家王小明 的聊天", font=title, fill=(255, 255, 255))
    messages = [
        ("buyer", "2025-08-16 18:20", "你好,快递显示签收了"),
        ("shop", "2025-08-16 18:22", "亲,您好,快递已于 17:05 签收,请问收到了吗?"),
        ("buyer", "2025-08-16 18:30", "收到了,是我自己签收的,谢谢"),
        ("shop", "2025-08-16 18:31", "好的亲,有问题随时联系我们"),
        ("buyer", "2025-08-20 09:12", "东西我没收到,申请退款"),
        ("shop", "2025-08-20 09:15", "亲,您 8 月 16 日在聊天中确认本人已签收"),
        ("buyer", "2025-08-20 09:40", "那是家里人签的,我没看到"),
        ("shop", "2025-08-20 09:42", "签收底单显示收件人本人签字,我们已提交平台处理"),
    ]
    y = 190
    for side, when, line in messages * 2:
        d.text((440, y), when, font=small, fill=(150, 150, 150))
        y += 50
        width = int(d.textlength(line, font=text)) + 60
        x0 = 40 if side == "buyer" else 1040 - width
        d.rounded_rectangle([x0, y, x0 + width, y + 90], radius=18,
                            fill=(255, 255, 255) if side == "buyer" else (158, 234, 106))
        d.text((x0 + 30, y + 22), line, font=text, fill=(20, 20, 20))
        y += 130
    _stamp(d, 1080)
    img.save(path, "PNG", optimize=True)
    return path


def draw_tracking(path: Path) -> Path:
    img = Image.new("RGB", (1080, 1500), (255, 255, 255))
    d = ImageDraw.Draw(img)
    title, text, small = _font(46), _font(34), _font(28)
    d.text((40, 40), "物流详情  顺丰速运 SF1234567890123", font=title, fill=(20, 20, 20))
    events = [("2025-08-16 17:05", "已签收,签收人:本人"), ("2025-08-16 09:30", "派送中,快递员 张师傅"),
              ("2025-08-15 22:10", "到达 杭州西湖营业点"), ("2025-08-15 03:40", "离开 杭州转运中心"),
              ("2025-08-14 18:20", "已揽收")]
    for n, (when, what) in enumerate(events):
        y = 180 + n * 240
        d.ellipse([60, y + 10, 90, y + 40], fill=(255, 106, 0) if n == 0 else (190, 190, 190))
        if n < len(events) - 1:
            d.line([75, y + 40, 75, y + 250], fill=(210, 210, 210), width=4)
        d.text((130, y), what, font=text, fill=(20, 20, 20) if n == 0 else (90, 90, 90))
        d.text((130, y + 60), when, font=small, fill=(150, 150, 150))
    _stamp(d, 1080)
    img.save(path, "PNG", optimize=True)
    return path


def draw_waybill(path: Path) -> Path:
    img = Image.new("RGB", (1400, 1000), (140, 110, 80))
    d = ImageDraw.Draw(img)
    d.rectangle([150, 100, 1250, 900], fill=(252, 252, 252))
    big, mid, small = _font(56), _font(36), _font(24)
    d.text((190, 130), "顺丰速运  标准快递", font=big, fill=(10, 10, 10))
    for n in range(40):  # a barcode
        x = 200 + n * 22
        d.rectangle([x, 240, x + (6 if n % 3 else 12), 380], fill=(0, 0, 0))
    d.text((200, 400), "SF1234567890123", font=mid, fill=(0, 0, 0))
    d.text((200, 480), "收:王小明 138****5678", font=mid, fill=(0, 0, 0))
    d.text((200, 540), "浙江省杭州市西湖区文三路 100 号 3 幢 502", font=small, fill=(0, 0, 0))
    d.text((200, 620), "寄:示例旗舰店 0571-8888****", font=small, fill=(0, 0, 0))
    d.text((200, 680), "重量 1.2kg  件数 1", font=small, fill=(0, 0, 0))
    _stamp(d, 1400)
    img.save(path, "JPEG", quality=85)
    return path


def create_sample_case(library: Library, now: datetime | None = None) -> int:
    """Create the sample case in `library` and return its id."""
    now = (now or datetime.now(library.tz)).astimezone(library.tz)
    due = (now + timedelta(days=2)).replace(hour=12, minute=0, second=0, microsecond=0)
    case = library.create_case(
        "signed_not_received", "taobao", is_sample=True, title=SAMPLE_TITLE, order_no="2025081612345678901",
        refund_no="TK20250820000123", buyer="王小明(示例)", amount="299.00",
        statement="买家于 2025-08-16 17:05 本人签收(见签收底单),并于当日在千牛聊天中确认收到商品。"
                  "买家 8 月 20 日称未收到,与签收底单及聊天记录不符,请小二核实。",
        paid_at=datetime(2025, 8, 14, 10, 2, tzinfo=library.tz), pickup_at=datetime(2025, 8, 14, 18, 20, tzinfo=library.tz),
        signed_at=datetime(2025, 8, 16, 17, 5, tzinfo=library.tz), refund_at=datetime(2025, 8, 20, 9, 12, tzinfo=library.tz),
        requested_at=now - timedelta(hours=3), due_at=due)
    with tempfile.TemporaryDirectory(prefix="evidence-sample-") as tmp:
        folder = Path(tmp)
        files = [
            (draw_signature_slip(folder / "签收底单.jpg"), "signature_slip", "收件人本人签字的签收底单"),
            (draw_chat(folder / "千牛聊天记录.png"), "chat_screenshot", "买家 8 月 16 日在千牛确认本人签收"),
            (draw_tracking(folder / "物流轨迹.png"), "tracking_screenshot", "顺丰官网物流轨迹,显示 8 月 16 日签收"),
            (draw_waybill(folder / "面单.jpg"), "waybill_photo", "发货面单,收件信息与订单一致"),
        ]
        for path, kind, caption in files:
            result = library.add_file(case.id, path, kind, caption)
            if result.item is None:  # pragma: no cover - our own drawings
                raise RuntimeError(f"sample file refused: {path.name}: {result.refused}")
            if kind == "chat_screenshot":  # the drawn chat shows the buyer confirming receipt: the agent's tick
                library.update_item(result.item.id, attestations=["chat_admits_receipt"])
    return case.id


def ensure_sample(library: Library) -> int | None:
    """On an empty library (no cases at all, not even in the trash) create the sample case."""
    if library.cases(include_deleted=True):
        return None
    return create_sample_case(library)
