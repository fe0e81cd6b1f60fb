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
        "zh_CN": "按时发货:揽收早于承诺时限 {hours}(时限 {deadline},承诺 {promised} 小时)",
        "en": "Shipped on time: pickup {hours} before the deadline ({deadline}, {promised} h promised)",
    },
    "ship.late": {
        "zh_CN": "发货超时 {hours}(时限 {deadline},承诺 {promised} 小时)",
        "en": "Shipped {hours} late (deadline {deadline}, {promised} h promised)",
    },
    "ship.not_shipped": {
        "zh_CN": "尚无揽收记录:按承运人系统记录认定发货,目前视为未发货(时限 {deadline},承诺 {promised} 小时)",
        "en": "No pickup scan yet: shipping is the carrier's record, so it has not shipped (deadline {deadline}, {promised} h promised)",
    },
    "ship.late_unshipped": {
        "zh_CN": "已超过发货时限 {hours},仍无揽收记录(按承运人系统记录认定发货,视为未发货;时限 {deadline},承诺 {promised} 小时)",
        "en": "{hours} past the shipping deadline with no pickup scan: not shipped (deadline {deadline}, {promised} h promised)",
    },
    "ship.argument": {
        "zh_CN": "承运人系统记录的揽收时间为 {pickup},在承诺发货时限 {deadline}(付款后 {promised} 小时)之内",
        "en": "The carrier's recorded pickup, {pickup}, is within the promised shipping time {deadline} ({promised} h after payment)",
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
    "seven.argument": {
        "zh_CN": "买家于 {signed} 签收,{refund} 申请退货,为签收次日起第 {day} 日,亦已超过签收后 7×24 小时,已超出七天无理由退货期限",
        "en": "The buyer signed on {signed} and asked to return on {refund}, day {day} counted from the day after signing and past 7×24 hours after signing: outside the seven-day no-reason return",
    },
    "refund_before.yes": {
        "zh_CN": "买家在揽收前已申请退款({refund_at} 早于揽收 {pickup_at}):未经买家同意发货,拒签运费由商家承担",
        "en": "Refund requested before pickup ({refund_at} before {pickup_at}): shipping without consent, the shop bears the freight",
    },
    "refund_before.not_shipped": {
        "zh_CN": "买家于 {refund_at} 申请退款时尚无揽收记录,视为未发货:须征得买家同意后再发货,否则费用和风险由商家承担",
        "en": "Refund requested at {refund_at} with no pickup scan: not shipped; ship only with the buyer's consent, or the costs and risk are the shop's",
    },
    "refund_before.same_minute": {
        "zh_CN": "退款申请({refund_at})与揽收({pickup_at})在同一分钟,无法判断先后:请核对物流记录和退款记录的精确时间",
        "en": "Refund request ({refund_at}) and pickup ({pickup_at}) in the same minute: the order cannot be told; check the exact times in the records",
    },
    "refund_before.no": {
        "zh_CN": "退款申请晚于揽收({refund_at} 晚于揽收 {pickup_at})",
        "en": "Refund requested after pickup ({refund_at}, pickup {pickup_at})",
    },
    "refund_before.argument": {
        "zh_CN": "商品于 {pickup_at} 由承运人揽收,买家于 {refund_at} 才申请退款,发货时买家尚未申请退款",
        "en": "The carrier picked the goods up at {pickup_at}; the buyer asked for a refund only at {refund_at}, after shipping",
    },
    "repair.return_ok": {
        "zh_CN": "买家于签收次日起第 {day} 日提出:在 7 日内,可选择退货、换货或维修",
        "en": "Asked on day {day} after signing: within 7 days, return, exchange or repair",
    },
    "repair.exchange_or_repair": {
        "zh_CN": "买家于签收次日起第 {day} 日提出:已过 7 日退货期,15 日内可换货或维修",
        "en": "Asked on day {day} after signing: past the 7-day return, exchange or repair within 15 days",
    },
    "repair.repair_only": {
        "zh_CN": "买家于签收次日起第 {day} 日提出:已过 15 日换货期,质保期内仅可维修",
        "en": "Asked on day {day} after signing: past the 15-day exchange, repair only within the warranty",
    },
    "repair.argument.exchange_or_repair": {
        "zh_CN": "买家于 {signed} 签收,{refund} 提出退货,为签收次日起第 {day} 日,已超过 7 日退货期限,可依规为其换货或维修",
        "en": "The buyer signed on {signed} and asked on {refund}, day {day} after signing: past the 7-day return, exchange or repair applies",
    },
    "repair.argument.repair_only": {
        "zh_CN": "买家于 {signed} 签收,{refund} 提出,为签收次日起第 {day} 日,已超过 15 日换货期限,质保期内依规提供维修",
        "en": "The buyer signed on {signed} and asked on {refund}, day {day} after signing: past the 15-day exchange, repair within the warranty applies",
    },
    "timeline.inconsistent": {
        "zh_CN": "时间顺序不可能:{later}({later_at})早于{earlier}({earlier_at}),请核对这两项",
        "en": "Impossible order of events: {later} ({later_at}) is before {earlier} ({earlier_at}); check these two",
    },
    "due.ok": {"zh_CN": "举证截止 {due_at},还剩 {left}", "en": "Evidence due {due_at}, {left} left"},
    "due.due_soon": {"zh_CN": "举证即将截止:{due_at},仅剩 {left}", "en": "Evidence due soon: {due_at}, only {left} left"},
    "due.overdue": {"zh_CN": "举证已超时 {left}(截止 {due_at})", "en": "Evidence overdue by {left} (due {due_at})"},
    "due.clock": {
        "zh_CN": "({platform} {hours} 小时补充举证时限,按 {opens}–{closes} 计,自 {requested_at} 起算)",
        "en": " ({platform}'s {hours}-hour clock, {opens}–{closes} only, from {requested_at})",
    },
    "first_answer": {
        "zh_CN": "{platform}首次处理时限:纠纷单自 {requested_at} 起 {hours} 小时内须和解或提供证据;{countdown}",
        "en": "{platform}'s first answer: settle or give evidence within {hours} h of {requested_at}; {countdown}",
    },
    # attestations
    "req.unconfirmed": {
        "zh_CN": "待确认:{question}(在证据右键菜单中勾选 #{items})",
        "en": "To confirm: {question} (tick it on exhibit #{items} in its context menu)",
    },
    "req.needs_companion": {
        "zh_CN": "#{item} 需同时提供{kind}才有效",
        "en": "#{item} counts only with a {kind}",
    },
    # refusals of files
    "refuse.missing": {"zh_CN": "文件不存在", "en": "file not found"},
    "refuse.not_file": {"zh_CN": "不是文件", "en": "not a regular file"},
    "refuse.unreadable": {"zh_CN": "无法读取文件:{detail}", "en": "cannot read the file: {detail}"},
    "refuse.empty": {"zh_CN": "文件为空", "en": "the file is empty"},
    "refuse.too_large": {"zh_CN": "文件过大({size_mb} MB,上限 {limit_mb} MB)", "en": "file too large ({size_mb} MB, limit {limit_mb} MB)"},
    "refuse.type": {
        "zh_CN": "不支持的文件类型(支持 JPEG、PNG、WebP、GIF、BMP、TIFF、HEIC、PDF 和 MP4、MOV、M4V、AVI、MKV 视频)",
        "en": "unsupported file type (accepted: JPEG, PNG, WebP, GIF, BMP, TIFF, HEIC, PDF and MP4, MOV, M4V, AVI, MKV video)",
    },
    # videos (issue 12)
    "refuse.video_corrupt": {"zh_CN": "视频已损坏或不完整(可能未传输完),无法解码", "en": "corrupt video that cannot be decoded: {detail}"},
    "refuse.video_truncated": {"zh_CN": "视频不完整(文件被截断,可能未传输完),请重新导出或拷贝原视频",
                               "en": "incomplete video (the file is cut short): {detail}"},
    "refuse.video_no_stream": {"zh_CN": "文件中没有视频画面", "en": "the file has no video picture"},
    "refuse.video_type": {"zh_CN": "不支持的视频格式(支持 MP4、MOV、M4V、AVI、MKV)",
                          "en": "unsupported video container (accepted: MP4, MOV, M4V, AVI, MKV)"},
    "refuse.video_codec": {"zh_CN": "不支持的视频编码 {codec}(支持 H.264、H.265、MPEG-4 等)",
                           "en": "unsupported video codec {codec} (accepted: H.264, H.265, MPEG-4 and others)"},
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
