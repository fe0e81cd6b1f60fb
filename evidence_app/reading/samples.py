"""Drawn evidence images with known answers: waybills with a real Code 128, chats, tracking pages, signature
slips, stamped carrier proofs, listings. Used by the self-test (the installed app reads one), the tests and the
reading benchmark. Pillow + reportlab (for the Code 128 bar pattern) + the bundled CJK font; deterministic for
a given seed."""

from __future__ import annotations

import random
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageFilter, ImageFont

KINDS = ("waybill_photo", "chat_screenshot", "tracking_screenshot", "signature_slip", "carrier_stamped_proof",
         "listing_screenshot")
CARRIERS = (("顺丰速运", "SF"), ("圆通速递", "YT"), ("中通快递", ""), ("京东物流", "JD"), ("极兔速递", "JT"))
NAMES = ("张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊", "赵敏", "黄强")
CITIES = ("浙江省杭州市余杭区文一西路 969 号", "广东省深圳市南山区科技园南区 8 栋", "上海市浦东新区张江路 500 弄 3 号",
          "江苏省苏州市工业园区星湖街 328 号", "北京市朝阳区望京街 10 号院")


@dataclass(frozen=True)
class Sample:
    kind: str
    image: Image.Image
    tracking_no: str = ""


def font(size: int) -> ImageFont.FreeTypeFont:
    from evidence_app.paths import resources_dir

    return ImageFont.truetype(str(resources_dir() / "fonts" / "wqy-microhei.ttc"), size)


def code128(draw: ImageDraw.ImageDraw, value: str, x: int, y: int, module: int, height: int) -> int:
    """Draw `value` as a Code 128 barcode (reportlab computes the bars); returns its width in pixels."""
    from reportlab.graphics.barcode.code128 import Code128

    barcode = Code128(value)
    barcode.validate()
    barcode.encode()
    barcode.decompose()
    left = x + 10 * module  # quiet zone
    for symbol in barcode.decomposed:
        width = (ord(symbol.upper()) - ord("A") + 1) * module
        if symbol.isupper():
            draw.rectangle((left, y, left + width - 1, y + height), fill="black")
        left += width
    return left + 10 * module - x


def tracking_number(rng: random.Random, prefix: str) -> str:
    digits = "".join(rng.choice("0123456789") for _ in range(12 if prefix else 14))
    return (prefix + digits) if prefix else "7" + digits[1:]


def phone(rng: random.Random) -> str:
    return "1" + rng.choice("3589") + "".join(rng.choice("0123456789") for _ in range(9))


def masked(rng: random.Random) -> str:
    p = phone(rng)
    return p[:3] + "****" + p[-4:]


def waybill(rng: random.Random, number: str | None = None, barcode: bool = True) -> Sample:
    carrier, prefix = rng.choice(CARRIERS)
    number = number or tracking_number(rng, prefix)
    img = Image.new("RGB", (1000, 1400), "white")
    d = ImageDraw.Draw(img)
    big, mid, small = font(54), font(38), font(30)
    d.text((40, 30), carrier, font=big, fill="black")
    d.text((620, 40), rng.choice(("标准快递", "特快", "电商件")), font=mid, fill="black")
    d.line((30, 120, 970, 120), fill="black", width=3)
    y = 150
    if barcode:
        code128(d, number, 60, y, 4, 170)
        y += 190
    d.text((60, y), f"运单号:{number}", font=mid, fill="black")
    y += 70
    d.line((30, y, 970, y), fill="black", width=2)
    y += 20
    d.text((40, y), f"收件人:{rng.choice(NAMES)}  {masked(rng)}", font=mid, fill="black")
    d.text((40, y + 55), rng.choice(CITIES), font=small, fill="black")
    y += 130
    d.line((30, y, 970, y), fill="black", width=2)
    d.text((40, y + 20), f"寄件人:{rng.choice(NAMES)}  {masked(rng)}", font=mid, fill="black")
    d.text((40, y + 75), rng.choice(CITIES), font=small, fill="black")
    y += 150
    d.line((30, y, 970, y), fill="black", width=2)
    d.text((40, y + 20), f"件数:1  重量:{rng.randint(1, 9)}.{rng.randint(0, 9)}kg", font=small, fill="black")
    d.text((40, y + 70), f"打印时间:2025-0{rng.randint(1, 9)}-1{rng.randint(0, 9)} 1{rng.randint(0, 9)}:2{rng.randint(0, 9)}",
           font=small, fill="black")
    d.text((40, y + 120), "已验视  派件网点:" + rng.choice(("杭州余杭", "深圳南山", "上海浦东")), font=small, fill="black")
    return Sample("waybill_photo", img, number)


def chat(rng: random.Random, when: str | None = None) -> Sample:
    w, h = 720, 1600
    img = Image.new("RGB", (w, h), (237, 237, 237))
    d = ImageDraw.Draw(img)
    f, small = font(30), font(24)
    app = rng.choice(("千牛工作台", "阿里旺旺", "京东咚咚", "", ""))  # often only the buyer's name shows
    d.rectangle((0, 0, w, 110), fill=(250, 250, 250))
    d.text((w // 2 - 120, 35), f"{app} · {rng.choice(NAMES)}" if app else rng.choice(NAMES), font=f, fill="black")
    lines = [("buyer", "在吗?我的快递还没到"), ("shop", "亲,您好,这边帮您查一下物流"), ("buyer", "显示已签收但我没收到"),
             ("shop", "亲,快递已经签收了哦,签收人是本人"), ("buyer", "那我申请退款了"), ("shop", "好的亲,我们这边核实一下"),
             ("buyer", "谢谢"), ("shop", "不客气亲,有问题随时联系客服")]
    start = rng.randint(0, 2)
    y = 150
    stamp = when or f"2025-0{rng.randint(1, 9)}-1{rng.randint(0, 9)} 1{rng.randint(0, 9)}:{rng.randint(10, 59)}"
    d.text((w // 2 - 110, y), stamp, font=small, fill=(150, 150, 150))
    y += 60
    for who, text in lines[start:start + 6]:
        tw = int(d.textlength(text, font=f))
        if who == "buyer":
            d.rounded_rectangle((100, y, 130 + tw, y + 60), 12, fill="white")
            d.ellipse((20, y, 80, y + 60), fill=(120, 160, 220))
            d.text((115, y + 12), text, font=f, fill="black")
        else:
            d.rounded_rectangle((w - 130 - tw, y, w - 100, y + 60), 12, fill=(149, 236, 105))
            d.ellipse((w - 80, y, w - 20, y + 60), fill=(240, 170, 90))
            d.text((w - 115 - tw, y + 12), text, font=f, fill="black")
        y += 110
        if rng.random() < 0.3:
            d.text((w - 140 if who == "shop" else 100, y - 40), "已读", font=small, fill=(150, 150, 150))
    d.rectangle((0, h - 120, w, h), fill=(250, 250, 250))
    d.text((30, h - 80), "请输入消息", font=f, fill=(180, 180, 180))
    d.text((w - 110, h - 80), "发送", font=f, fill=(40, 120, 220))
    return Sample("chat_screenshot", img)


def tracking(rng: random.Random, number: str | None = None) -> Sample:
    carrier, prefix = rng.choice(CARRIERS)
    number = number or tracking_number(rng, prefix)
    w, h = 720, 1500
    img = Image.new("RGB", (w, h), "white")
    d = ImageDraw.Draw(img)
    f, small = font(28), font(24)
    d.text((30, 30), rng.choice(("物流详情", "物流信息", "订单跟踪", "")), font=font(40), fill="black")
    d.text((30, 100), f"{carrier}  {number}", font=f, fill=(80, 80, 80))
    month, day = rng.randint(1, 9), rng.randint(10, 20)
    events = ["【杭州市】已揽收,揽投员:王师傅", "【杭州市】已发出,下一站杭州转运中心", "【杭州转运中心】已到达",
              "【杭州转运中心】已发往深圳转运中心", "【深圳转运中心】已到达", "【深圳市】派送中,快递员:李师傅",
              "【深圳市】已签收,签收人:本人"]
    y = 200
    for i, event in enumerate(reversed(events)):
        d.ellipse((30, y + 8, 46, y + 24), fill=(255, 120, 0) if i == 0 else (200, 200, 200))
        d.text((70, y), event, font=f, fill="black")
        d.text((70, y + 45), f"2025-0{month}-{day + (6 - i) // 3} {8 + i}:{rng.randint(10, 59)}", font=small,
               fill=(130, 130, 130))
        y += 170
    return Sample("tracking_screenshot", img, number)


def slip(rng: random.Random) -> Sample:
    carrier, prefix = rng.choice(CARRIERS)
    number = tracking_number(rng, prefix)
    img = Image.new("RGB", (1000, 1200), "white")
    d = ImageDraw.Draw(img)
    f, mid = font(34), font(44)
    d.text((40, 30), f"{carrier} {rng.choice(('签收联', '回单', '客户存根'))}", font=mid, fill="black")
    if rng.random() < 0.6:
        code128(d, number, 520, 20, 2, 80)
    d.rectangle((30, 130, 970, 1150), outline="black", width=3)
    rows = [f"运单号:{number}", f"收件人:{rng.choice(NAMES)}", "收件人签字:", "签收日期:2025 年   月   日",
            "客户签收:本人已确认包裹外观完好", "签收人证件:"]
    y = 150
    for row in rows:
        d.text((60, y + 30), row, font=f, fill="black")
        d.line((30, y + 120, 970, y + 120), fill="black", width=2)
        y += 160
    # a handwritten signature
    x0, y0 = 420, 480
    pts = [(x0 + i * 18, y0 + rng.randint(-25, 25)) for i in range(14)]
    d.line(pts, fill=(20, 20, 90), width=5)
    return Sample("signature_slip", img, number)


def stamped_proof(rng: random.Random) -> Sample:
    carrier, _prefix = rng.choice(CARRIERS)
    img = Image.new("RGB", (1000, 1300), "white")
    d = ImageDraw.Draw(img)
    f = font(34)
    d.text((360, 60), rng.choice(("证  明", "情况说明", "签收证明")), font=font(60), fill="black")
    body = [f"兹证明运单号 {tracking_number(rng, 'SF')} 的快件,", f"已于 2025 年 {rng.randint(1, 9)} 月 1{rng.randint(0, 9)} 日由收件人本人签收,",
            "签收时外包装完好,无破损。", "", "特此证明。"]
    y = 200
    for line in body:
        d.text((80, y), line, font=f, fill="black")
        y += 70
    d.text((560, 800), f"{carrier}有限公司", font=f, fill="black")
    d.text((560, 860), f"2025 年 {rng.randint(1, 9)} 月 2{rng.randint(0, 9)} 日", font=f, fill="black")
    cx, cy, r = 700, 820, 150
    red = (220, 30, 30)
    d.ellipse((cx - r, cy - r, cx + r, cy + r), outline=red, width=10)
    star = [(cx, cy - 50), (cx + 15, cy - 10), (cx + 50, cy - 10), (cx + 22, cy + 12), (cx + 32, cy + 50),
            (cx, cy + 28), (cx - 32, cy + 50), (cx - 22, cy + 12), (cx - 50, cy - 10), (cx - 15, cy - 10)]
    d.polygon(star, fill=red)
    d.text((cx - 110, cy + 70), "业务专用章", font=font(40), fill=red)
    return Sample("carrier_stamped_proof", img)


def listing(rng: random.Random) -> Sample:
    w, h = 720, 1500
    img = Image.new("RGB", (w, h), "white")
    d = ImageDraw.Draw(img)
    f, big = font(30), font(52)
    color = tuple(rng.randint(60, 200) for _ in range(3))
    d.rectangle((0, 0, w, 700), fill=color)
    d.text((30, 730), f"¥{rng.randint(19, 599)}.00", font=big, fill=(255, 80, 0))
    d.text((330, 745), rng.choice((f"月销 {rng.randint(100, 9999)}", f"已售 {rng.randint(1, 99)}万+", "")), font=f,
           fill=(130, 130, 130))
    d.text((30, 820), rng.choice(("纯棉短袖T恤男夏季宽松", "真皮女士单肩包通勤", "304不锈钢保温杯大容量")), font=f, fill="black")
    d.text((30, 900), "规格:颜色分类 / 尺码", font=f, fill="black")
    d.text((30, 970), "发货地:浙江杭州   快递:包邮", font=f, fill=(90, 90, 90))
    d.text((30, 1050), "商品详情", font=f, fill="black")
    d.text((30, 1110), "参数:材质 棉 100%  产地 中国", font=f, fill=(90, 90, 90))
    d.rectangle((0, h - 110, w, h), fill=(250, 250, 250))
    d.rounded_rectangle((300, h - 95, 500, h - 20), 35, fill=(255, 200, 0))
    d.text((320, h - 75), "加入购物车", font=f, fill="white")
    d.rounded_rectangle((510, h - 95, 710, h - 20), 35, fill=(255, 80, 0))
    d.text((540, h - 75), "立即购买", font=f, fill="white")
    d.text((30, h - 75), "店铺  收藏", font=f, fill="black")
    return Sample("listing_screenshot", img)


MAKERS = {"waybill_photo": waybill, "chat_screenshot": chat, "tracking_screenshot": tracking,
          "signature_slip": slip, "carrier_stamped_proof": stamped_proof, "listing_screenshot": listing}


def photo_noise(img: Image.Image, rng: random.Random, background: tuple[int, int, int] = (120, 110, 95)) -> Image.Image:
    """A phone photo of a printed sheet: on a table, slightly rotated, uneven light, a little blur and grain."""
    angle = rng.uniform(-8, 8)
    pad = Image.new("RGB", (int(img.width * 1.25), int(img.height * 1.2)), background)
    pad.paste(img, ((pad.width - img.width) // 2, (pad.height - img.height) // 2))
    out = pad.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=background)
    w, h = out.size
    k = 0.06
    quad = (rng.uniform(0, k) * w, rng.uniform(0, k) * h, rng.uniform(0, k) * w, h - rng.uniform(0, k) * h,
            w - rng.uniform(0, k) * w, h - rng.uniform(0, k) * h, w - rng.uniform(0, k) * w, rng.uniform(0, k) * h)
    out = out.transform(out.size, Image.Transform.QUAD, quad, Image.Resampling.BICUBIC, fillcolor=background)
    shade = Image.linear_gradient("L").resize(out.size).point(lambda v: 200 + v * 55 // 255)
    if rng.random() < 0.5:
        shade = shade.transpose(Image.Transpose.ROTATE_90).resize(out.size)
    out = Image.composite(out, Image.new("RGB", out.size, (0, 0, 0)), shade)
    out = out.filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 1.1)))
    noise = Image.effect_noise(out.size, rng.uniform(8, 18)).convert("RGB")
    return Image.blend(out, noise, 0.06)


def screen_noise(img: Image.Image, rng: random.Random) -> Image.Image:
    """A screenshot as shared: scaled by the phone, recompressed."""
    factor = rng.uniform(0.9, 1.1)
    return img.resize((int(img.width * factor), int(img.height * factor)), Image.Resampling.BILINEAR)


def labelled_set(count_per_kind: int = 10, seed: int = 11) -> list[Sample]:
    """`count_per_kind` samples of each kind in KINDS; printed documents as noisy phone photos."""
    rng = random.Random(seed)
    out = []
    for kind in KINDS:
        for _ in range(count_per_kind):
            sample = MAKERS[kind](rng)
            noisy = (screen_noise if kind.endswith("screenshot") else photo_noise)(sample.image, rng)
            out.append(Sample(sample.kind, noisy, sample.tracking_no))
    return out
