"""A first guess at a file's evidence kind from its name and its image shape, so a batch of mixed files does not
all get one kind. Qt-free and cheap. Reading (OCR, barcodes) can put better guesses in front of this one; this
stays the fallback. None means "no idea": the app then asks the agent."""

from __future__ import annotations

import re

# Words in file names that agents, phones, carriers and chat apps actually use, most specific first.
NAME_HINTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("authorized_signing_proof", ("授权签收", "代签", "代收")),
    ("signature_slip", ("签收底单", "底单", "签收单", "回单", "signature", "signed")),
    ("carrier_stamped_proof", ("红章", "盖章", "证明", "stamp")),
    ("tracking_screenshot", ("物流", "轨迹", "快递", "tracking", "logistics")),
    ("waybill_photo", ("面单", "运单", "waybill")),
    ("chat_screenshot", ("聊天", "旺旺", "千牛", "咚咚", "对话", "客服", "chat", "wechat", "微信")),
    ("packing_record", ("打包", "包装", "发货视频", "packing", "pack")),
    ("listing_screenshot", ("详情页", "商品页", "宝贝", "listing")),
    ("inspection_report", ("质检", "检测报告", "inspection")),
    ("commercial_invoice", ("发票", "invoice")),
    ("customs_declaration", ("报关", "清关", "customs")),
    ("product_certificate", ("合格证", "certificate")),
    ("freight_receipt", ("运费", "freight")),
)
SCREENSHOT_NAME = re.compile(r"(截图|截屏|screenshot|screen ?shot|screen_|^scr_|^wx_camera)", re.IGNORECASE)
CAMERA_NAME = re.compile(r"^(img|dsc|dcim|pxl|mvimg|photo)[_-]?\d", re.IGNORECASE)


def suggest_kind(name: str, width: int | None = None, height: int | None = None) -> str | None:
    """The likely kind id for a file called `name` of `width`×`height` upright pixels (None for PDFs)."""
    lowered = name.lower()
    for kind, words in NAME_HINTS:
        if any(word in lowered for word in words):
            return kind
    tall = bool(width and height and height >= 1.7 * width)  # phone screen shape (9:16 and taller)
    if SCREENSHOT_NAME.search(lowered):
        return "chat_screenshot" if tall else None  # a screenshot of what? a tall one is nearly always a chat
    if tall and width and width <= 1600:
        return "chat_screenshot"
    if CAMERA_NAME.search(lowered) and width and height and not tall:
        return "item_photo"  # a phone photo: most often of the goods
    return None


def video_kind(name: str) -> str | None:
    """A video's likely kind from its name: unboxing of a return, or packing; None: ask (a portrait phone video
    is never taken for a screenshot)."""
    lowered = name.lower()
    if any(word in lowered for word in ("开箱", "拆箱", "退货", "退回", "unbox", "return")):
        return "return_unboxing_record"
    if any(word in lowered for word in ("打包", "发货", "封箱", "出库", "pack", "ship")):
        return "packing_record"
    return None
