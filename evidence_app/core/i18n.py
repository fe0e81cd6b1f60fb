"""Messages of the Qt-free core in the three languages the data files carry.

The GUI translates its own widgets through Qt; texts that the core composes (checklist and finding messages,
refusal reasons) come from here so the CLI, the exporter and the GUI say the same thing.
"""

from __future__ import annotations

LANGS = ("zh_CN", "zh_TW", "en")
DEFAULT_LANG = "zh_CN"

_MESSAGES: dict[str, dict[str, str]] = {
    # checklist
    "req.met": {"zh_CN": "已提供 {count} 份:{items}", "en": "{count} provided: {items}"},
    "req.missing": {"zh_CN": "缺少:{kinds}", "en": "Missing: {kinds}"},
    "req.missing_count": {"zh_CN": "至少需要 {need} 份{kinds},现有 {have} 份", "en": "Needs at least {need} of {kinds}, has {have}"},
    "req.never": {
        "zh_CN": "{kinds} 不能满足此项要求({rule})",
        "en": "{kinds} cannot satisfy this requirement ({rule})",
    },
    "or": {"zh_CN": " 或 ", "en": " or "},
    "list_sep": {"zh_CN": "、", "en": ", "},
    # findings
    "finding.need": {"zh_CN": "请填写{fields}后再判断", "en": "Fill in {fields} to check this"},
    "ship.on_time": {
        "zh_CN": "按时发货:揽收于承诺时限前 {hours} 小时(时限 {deadline},承诺 {promised} 小时)",
        "en": "Shipped on time: pickup {hours} h before the deadline ({deadline}, {promised} h promised)",
    },
    "ship.late": {
        "zh_CN": "发货超时 {hours} 小时(时限 {deadline},承诺 {promised} 小时)",
        "en": "Shipped {hours} h late (deadline {deadline}, {promised} h promised)",
    },
    "seven.inside": {
        "zh_CN": "退款申请在七天无理由期限内(平台截止 {platform_deadline},国家办法截止 {national_deadline})",
        "en": "Request inside the seven-day window (platform until {platform_deadline}, national until {national_deadline})",
    },
    "seven.outside": {
        "zh_CN": "退款申请已超过七天无理由期限(平台截止 {platform_deadline},国家办法截止 {national_deadline})",
        "en": "Request outside the seven-day window (platform until {platform_deadline}, national until {national_deadline})",
    },
    "seven.disputed": {
        "zh_CN": "七天无理由期限存在争议:按平台精确到分钟计算已超期(截止 {platform_deadline}),按国家办法自签收次日起算仍在期限内(截止 {national_deadline})",
        "en": "Seven-day window disputed: late by the platform's to-the-minute count (until {platform_deadline}), in time by the national next-day count (until {national_deadline})",
    },
    "refund_before.yes": {
        "zh_CN": "买家在揽收前已申请退款({refund_at} 早于揽收 {pickup_at}):未经买家同意发货,拒签运费由商家承担",
        "en": "Refund requested before pickup ({refund_at} before {pickup_at}): shipping without consent, the shop bears the freight",
    },
    "refund_before.no": {
        "zh_CN": "退款申请晚于揽收({refund_at} 晚于揽收 {pickup_at})",
        "en": "Refund requested after pickup ({refund_at}, pickup {pickup_at})",
    },
    "due.ok": {"zh_CN": "举证截止 {due_at},还剩 {hours} 小时", "en": "Evidence due {due_at}, {hours} h left"},
    "due.due_soon": {"zh_CN": "举证即将截止:{due_at},仅剩 {hours} 小时", "en": "Evidence due soon: {due_at}, only {hours} h left"},
    "due.overdue": {"zh_CN": "举证已超时 {hours} 小时(截止 {due_at})", "en": "Evidence overdue by {hours} h (due {due_at})"},
    "due.jd_clock": {
        "zh_CN": "(京东 4 小时补充举证时限,按 9:00–18:00 计,自 {requested_at} 起算)",
        "en": " (JD's 4-hour clock, 9:00–18:00 only, from {requested_at})",
    },
    # refusals of files
    "refuse.missing": {"zh_CN": "文件不存在", "en": "file not found"},
    "refuse.not_file": {"zh_CN": "不是文件", "en": "not a regular file"},
    "refuse.unreadable": {"zh_CN": "无法读取文件:{detail}", "en": "cannot read the file: {detail}"},
    "refuse.empty": {"zh_CN": "文件为空", "en": "the file is empty"},
    "refuse.too_large": {"zh_CN": "文件过大({size_mb} MB,上限 {limit_mb} MB)", "en": "file too large ({size_mb} MB, limit {limit_mb} MB)"},
    "refuse.type": {
        "zh_CN": "不支持的文件类型(支持 JPEG、PNG、WebP、GIF、BMP、TIFF、HEIC、PDF)",
        "en": "unsupported file type (accepted: JPEG, PNG, WebP, GIF, BMP, TIFF, HEIC, PDF)",
    },
    "refuse.corrupt_image": {"zh_CN": "图片已损坏或不完整,无法打开", "en": "corrupt or truncated image: {detail}"},
    "refuse.bomb": {
        "zh_CN": "图片像素过多({pixels} 百万像素,上限 {limit} 百万像素),可能是恶意文件",
        "en": "image has too many pixels ({pixels} MP, limit {limit} MP): possible decompression bomb",
    },
    "refuse.encrypted_pdf": {"zh_CN": "PDF 已加密,需要密码,请先解除密码", "en": "encrypted PDF that needs a password: remove the password first"},
    "refuse.corrupt_pdf": {"zh_CN": "PDF 已损坏:{detail}", "en": "corrupt PDF: {detail}"},
    "refuse.empty_pdf": {"zh_CN": "PDF 没有页面", "en": "the PDF has no pages"},
    "refuse.disk": {"zh_CN": "无法保存到证据库(磁盘已满或无写入权限):{detail}", "en": "cannot store it in the library (disk full or not writable): {detail}"},
}


def tr(key: str, lang: str = DEFAULT_LANG, **params: object) -> str:
    """The message `key` in `lang` (zh_TW falls back to zh_CN, anything else to en), formatted with params."""
    texts = _MESSAGES[key]
    text = texts.get(lang) or (texts.get("zh_CN") if lang.startswith("zh") else None) or texts["en"]
    return text.format(**params) if params else text


def pick(names: dict[str, str], lang: str = DEFAULT_LANG) -> str:
    """The best name from a {lang: text} table of a data file."""
    if lang in names:
        return names[lang]
    if lang.startswith("zh"):
        for fallback in ("zh_CN", "zh_TW"):
            if fallback in names:
                return names[fallback]
    return names.get("en") or next(iter(names.values()), "")


def join(parts: list[str], lang: str = DEFAULT_LANG, sep_key: str = "list_sep") -> str:
    return tr(sep_key, lang).join(parts)
