"""Suggested redactions: what in a reading should be blacked out before the evidence leaves the shop.

Full mainland mobile numbers, ID card numbers (checksum verified), full addresses and the name after 收件人 /
收货人 / 联系人. Masked values (138****5678, 张*) are already safe and left alone. Each suggestion carries a box
estimated inside its OCR line (characters weighed by width: CJK full-width ≈ 2 × a digit), padded a little, in the
redaction space (upright pixels of the stored image). Qt-free; nothing here is stored or exported as text."""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

from evidence_app.core.model import Redaction
from evidence_app.reading.types import Box, Line, Reading

PHONE, ID_CARD, ADDRESS, NAME = "phone", "id_card", "address", "name"
LABELS = {PHONE: "手机号", ID_CARD: "身份证号", ADDRESS: "地址", NAME: "姓名"}

_SEP = r"[ \-\u2010-\u2015\u2212]?"
_PHONE = re.compile(r"(?<![\d*])(?:(?:\(\+?86\)|\+?86)[ \-]?)?1[3-9]\d" + _SEP + r"\d{4}" + _SEP + r"\d{4}(?![\d*])")
_ID = re.compile(r"(?<![\dA-Za-z*])[1-9]\d{5} ?(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]) ?\d{3}[\dXx]"
                 r"(?![\dA-Za-z*])")
_HAN = "\u4e00-\u9fff"
_PROVINCES = ("河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海"
              "|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门")
_ADDRESS = re.compile(
    rf"(?P<province>(?:{_PROVINCES})(?:省|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区)? ?)?"
    rf"(?P<city>[{_HAN}]{{2,4}}?(?:市|自治州|地区|盟) ?)?"
    rf"(?P<district>[{_HAN}]{{1,4}}?(?:区|县|旗|市) ?)?"
    rf"(?:[{_HAN}]{{1,6}}?(?:街道|镇|乡) ?)?"
    rf"[{_HAN}A-Za-z0-9]{{0,14}}?(?:大道|路|街|道|巷|弄|胡同|里|村)"
    rf"[{_HAN}A-Za-z0-9\- ]{{0,8}}?\d+(?:[-—]\d+)? ?号"
    rf"(?: ?[{_HAN}A-Za-z0-9\-#]{{0,12}}?(?:室|楼|栋|幢|座|单元|层|号|户))*")
_ADDRESS_LABELS = ("收货地址", "收件地址", "寄件地址", "详细地址", "所在地区", "地址", "住址", "地区")
_NAME_LABEL = re.compile(r"(?:收件人|收货人|联系人)(?:姓名)?[\s::]*")
_NOT_A_NAME = ("信息", "电话", "手机", "地址", "姓名", "联系", "签字", "签名", "签收", "邮编", "证件", "身份")
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


@dataclass(frozen=True)
class Suggestion:
    reason: str  # PHONE, ID_CARD, ADDRESS or NAME
    box: Box  # x0, y0, x1, y1: upright pixels of the stored image, padded
    page: int = 1

    @property
    def label(self) -> str:
        return LABELS[self.reason]

    def redaction(self, paged: bool = False) -> Redaction:
        """As an ordinary redaction box (whole pixels, growing outwards); `paged`: the item's boxes name pages."""
        x0, y0 = math.floor(self.box[0]), math.floor(self.box[1])
        x1, y1 = math.ceil(self.box[2]), math.ceil(self.box[3])
        return Redaction(x0, y0, max(1, x1 - x0), max(1, y1 - y0), page=self.page if paged else None)


def id_checksum_ok(number: str) -> bool:
    """GB 11643: the 18th character is the ISO 7064 MOD 11-2 check of the first 17 digits."""
    digits = number.replace(" ", "").upper()
    if len(digits) != 18 or not digits[:17].isdigit():
        return False
    check = "10X98765432"[sum(int(d) * w for d, w in zip(digits[:17], _ID_WEIGHTS)) % 11]
    return digits[17] == check


def suggest(reading: Reading | None) -> list[Suggestion]:
    """Everything in `reading` worth blacking out, in reading order."""
    if reading is None:
        return []
    found: list[Suggestion] = []
    lines = list(reading.lines)
    for index, line in enumerate(lines):
        spans: list[tuple[str, int, int]] = []
        for match in _ID.finditer(line.text):
            if id_checksum_ok(match.group()):
                spans.append((ID_CARD, match.start(), match.end()))
        for match in _PHONE.finditer(line.text):
            if not _inside(match.start(), match.end(), spans):
                spans.append((PHONE, match.start(), match.end()))
        at = 0
        while (match := _ADDRESS.search(line.text, at)) is not None:
            # a full address names a province, city or district; a match without one may start too early
            # ("地址浙江省…" matched from 地): try again one character on
            if match.group("province") or match.group("city") or match.group("district"):
                start = match.start()
                label = next((w for w in _ADDRESS_LABELS if line.text.startswith(w, start)), "")
                start += len(label)  # "地址杭州市…": the city's name was taken to start at 地
                while start < match.end() and line.text[start] in " ::":
                    start += 1
                end = match.end()
                rest = line.text[end:]
                # what follows 号 on the same line is the rest of the address (院, 栋, 单元, 室, 旁…) unless
                # another labelled field starts: hide it too, a part left over is still the buyer's address
                if rest.strip() and not re.search(r"[::]|1[3-9]\d", rest) and len(rest.strip()) <= 12:
                    end = len(line.text.rstrip())
                spans.append((ADDRESS, start, end))
                at = end
            else:
                at = match.start() + 1
        for match in _NAME_LABEL.finditer(line.text):
            name = _name_at(line.text, match.end())
            if name:
                spans.append((NAME, name[0], name[1]))
            elif match.end() >= len(line.text.rstrip()):
                # a form: the label in one box, the name in the next box on the same row
                neighbour = _right_neighbour(lines, index)
                if neighbour is not None:
                    name = _name_at(neighbour.text, 0)
                    if name:
                        found.append(_suggestion(NAME, neighbour, name[0], name[1], reading))
        spans.sort(key=lambda span: span[1])
        found += [_suggestion(reason, line, start, end, reading) for reason, start, end in spans]
    return found


def pending(suggestions: list[Suggestion], redactions: list[Redaction], paged: bool = False) -> list[Suggestion]:
    """The suggestions not yet covered by an existing box (applied before, or drawn by the agent)."""
    def covered(s: Suggestion) -> bool:
        area = (s.box[2] - s.box[0]) * (s.box[3] - s.box[1])
        inside = 0.0
        for r in redactions:
            if paged and (r.page or 1) != s.page:
                continue
            w = min(s.box[2], r.x + r.w) - max(s.box[0], r.x)
            h = min(s.box[3], r.y + r.h) - max(s.box[1], r.y)
            if w > 0 and h > 0:
                inside += w * h
        return area > 0 and inside >= 0.9 * area

    return [s for s in suggestions if not covered(s)]


_THIN = set(" .,:;!|'`ilIj()[]")


def char_units(text: str) -> list[float]:
    """Width of each character in ems, as common Chinese UI fonts draw them: full-width (CJK, full-width
    punctuation) 1, digits and most Latin letters about half that, spaces and thin punctuation less."""
    return [1.0 if unicodedata.east_asian_width(ch) in ("W", "F") else 0.3 if ch in _THIN else 0.55 for ch in text]


def span_box(line: Line, start: int, end: int) -> Box:
    """The part of the line's box holding text[start:end], by the characters' relative widths."""
    units = char_units(line.text)
    total = sum(units) or 1
    x0, y0, x1, y1 = line.box
    width = x1 - x0
    left = x0 + width * sum(units[:start]) / total
    right = x0 + width * sum(units[:end]) / total
    return left, y0, right, y1


def _suggestion(reason: str, line: Line, start: int, end: int, reading: Reading) -> Suggestion:
    left, top, right, bottom = span_box(line, start, end)
    units = char_units(line.text)
    em = (line.box[2] - line.box[0]) / max(1.0, sum(units))  # one CJK character's width
    height = bottom - top
    pad_x, pad_y = 0.2 * em + 2, 0.12 * height + 2
    # the reading's size is its first page's; other pages of a TIFF are clamped by the library's own check
    limit_w, limit_h = (reading.width, reading.height) if line.page == 1 and reading.width else (math.inf, math.inf)
    box = (max(0.0, left - pad_x), max(0.0, top - pad_y), min(limit_w, right + pad_x), min(limit_h, bottom + pad_y))
    return Suggestion(reason, box, line.page)


def _inside(start: int, end: int, spans: list[tuple[str, int, int]]) -> bool:
    return any(s <= start and end <= e for _, s, e in spans)


def _name_at(text: str, at: int) -> tuple[int, int] | None:
    """The name starting at `at` (after spaces): a run of 2-4 Han characters; only its first three when the run
    goes on (a name followed by an address without a gap). None for a masked name (张*) or a heading word."""
    while at < len(text) and text[at] in " \t::":
        at += 1
    match = re.match(rf"[{_HAN}·]+", text[at:])
    if not match:
        return None
    run = match.group()
    if any(run.startswith(word) for word in _NOT_A_NAME):
        return None
    after = text[at + len(run):at + len(run) + 1]
    if after in ("*", "*", "某"):
        return None
    if len(run) < 2:
        return None
    length = len(run) if len(run) <= 4 else 3
    return at, at + length


def _right_neighbour(lines: list[Line], index: int) -> Line | None:
    label = lines[index]
    lx0, ly0, lx1, ly1 = label.box
    middle = (ly0 + ly1) / 2
    best: Line | None = None
    for other in lines:
        if other is label or other.page != label.page:
            continue
        ox0, oy0, ox1, oy1 = other.box
        if oy0 <= middle <= oy1 and ox0 >= lx1 - 2 and ox0 - lx1 < 4 * (ly1 - ly0):
            if best is None or ox0 < best.box[0]:
                best = other
    return best
