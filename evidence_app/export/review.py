"""The internal review (内部审阅): everything the agent and a supervisor need, never for the platform.

The full checklist with missing and unconfirmed rows, every finding (adverse and blocking ones too, with their
rules), the evidence deadline with the time left, the problems that the export warns about, the statement with
its count against the platform's limit, the exhibits and the items in the trash. Its first line says it is for
internal use; every page carries that mark at the top and in the footer. No exhibit images: it is read beside
the submission, and stays quick to make. Written atomically. Qt-free.
"""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import CondPageBreak, Paragraph, Spacer, Table, TableStyle

from evidence_app import __version__
from evidence_app.export import pages as P
from evidence_app.export.document import BundleDocument, build, is_adverse, is_favourable
from evidence_app.export.model import ExportResult, check_pdf_target
from evidence_app.export.submission import esc
from evidence_app.storage.atomic import atomic_write

MARK = "内部审阅 · 请勿提交"
HEAD = colors.HexColor("#eef2f7")
STATUS = {"met": ("✓ 已提供", "#15803d"), "unconfirmed": ("? 待确认", "#b45309")}


def _table(rows: list, widths: list[float]) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.5, P.RULE), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("BACKGROUND", (0, 0), (-1, 0), HEAD)]))
    return table


def story(doc: BundleDocument, S: dict) -> list:
    case, cat, tz = doc.case, doc.catalog, doc.tz
    done, need = doc.checklist.required_counts
    status = "可以提交" if doc.checklist.ready else "尚不能提交"
    out = [Paragraph(f"<font color='#b91c1c'>{MARK}</font>", S["title"]),
           Paragraph("本文件供店铺内部核对与主管审阅,包含我方对案件的判断,不是提交给平台的材料。", S["base"]),
           Spacer(1, 6),
           Paragraph(f"{esc(doc.scenario_name)} · {esc(doc.platform_name)} · 订单 {esc(case.order_no or '—')}"
                     f" · 案件 {case.id}", S["subtitle"]),
           Paragraph(f"{done}/{need} 项必需材料已齐 · {status}", S["h2"])]
    out.append(Paragraph("提交前须处理", S["h2"]))
    if doc.problems:
        out += [Paragraph("• " + esc(p.text), S["base"]) for p in doc.problems]
    else:
        out.append(Paragraph("无。", S["base"]))

    out.append(Paragraph("提交材料中陈述的主张", S["h2"]))
    said = [f"{esc(p.assertion)}(" + "、".join(f"证据 {n}" for n in p.exhibits) + (f";{esc(p.rule)}" if p.rule else "")
            + ")" for p in doc.points]
    said += [esc(argument) + (f"({esc(rule)})" if rule else "") for argument, rule in doc.arguments]
    out += [Paragraph("• " + line, S["base"]) for line in said] or [Paragraph("无(尚无已满足的要求)。", S["base"])]

    out.append(Paragraph("举证清单(全部要求)", S["h2"]))
    rows = [[Paragraph(h, S["cell"]) for h in ("状态", "要求", "依据", "对应证据 / 说明")]]
    for result in doc.checklist.requirements:
        req = result.requirement
        level = "必需" if req.level == "required" else "建议"
        mark, color = STATUS.get(result.status, ("✗ 缺少", "#b91c1c") if req.level == "required"
                                 else ("— 未提供", "#6b7280"))
        kinds = " / ".join(cat.kind_name(k) for k in req.kinds)
        exhibits = "、".join(f"证据 {doc.numbers[i]}" for i in result.items if i in doc.numbers)
        rows.append([Paragraph(f"<font color='{color}'>{mark}</font>", S["cell"]),
                     Paragraph(f"[{level}] {esc(kinds)}<br/><font size=8 color='#6b7280'>{esc(req.explain())}</font>",
                               S["cell"]),
                     Paragraph(esc(doc.rule_for(result)), S["cell_small"]),
                     Paragraph(esc("; ".join(x for x in (exhibits, result.message) if x)), S["cell_small"])])
    out.append(_table(rows, [58, 215, 110, P.SLOT_W - 383]))

    out.append(Paragraph("核查结论(全部)", S["h2"]))
    rows = [[Paragraph(h, S["cell"]) for h in ("倾向", "结论", "依据")]]
    for finding in doc.checklist.findings:
        side = ("阻断" if finding.blocking else "不利" if is_adverse(finding)
                else "有利" if is_favourable(finding) else "—")
        color = {"阻断": "#b91c1c", "不利": "#b45309", "有利": "#15803d"}.get(side, "#6b7280")
        line = esc(finding.message)
        if finding.favours == "shop" and finding.argument:
            line += f"<br/><font size=8 color='#6b7280'>提交材料中写作:{esc(finding.argument)}</font>"
        rows.append([Paragraph(f"<font color='{color}'>{side}</font>", S["cell"]), Paragraph(line, S["cell"]),
                     Paragraph(esc(finding.rule), S["cell_small"])])
    out.append(_table(rows, [40, P.SLOT_W - 160, 120]))

    due = next((f for f in doc.checklist.findings if f.id == "evidence_deadline"), None)
    out.append(Paragraph("举证期限", S["h2"]))
    out.append(Paragraph(esc(due.message if due else "—") + f"(按 {doc.now.astimezone(tz):%Y-%m-%d %H:%M} 计算)",
                         S["base"]))

    out.append(Paragraph("申诉说明", S["h2"]))
    limit = f" / {doc.statement_limit}" if doc.statement_limit else ""
    out.append(Paragraph(esc(doc.statement).replace("\n", "<br/>") or "(未填写)", S["statement"]))
    out.append(Paragraph(f"{len(doc.statement)}{limit} 字", S["small"]))

    out.append(Paragraph("证据", S["h2"]))
    rows = [[Paragraph(h, S["cell_small"]) for h in ("编号", "类型", "说明", "原文件名", "条目")]]
    for number, item in enumerate(doc.items, 1):
        rows.append([Paragraph(c, S["cell_small"]) for c in (
            f"证据 {number}", esc(cat.kind_name(item.kind)), esc(item.caption), esc(item.original_name), f"#{item.id}")])
    out.append(_table(rows, [45, 90, P.SLOT_W - 315, 140, 40]))

    out.append(Paragraph("回收站中的证据(不会导出)", S["h2"]))
    if doc.trashed:
        rows = [[Paragraph(h, S["cell_small"]) for h in ("条目", "类型", "说明", "原文件名", "删除时间")]]
        for item in doc.trashed:
            deleted = item.deleted_at.astimezone(tz).strftime("%Y-%m-%d %H:%M") if item.deleted_at else ""
            rows.append([Paragraph(c, S["cell_small"]) for c in (
                f"#{item.id}", esc(cat.kind_name(item.kind)), esc(item.caption), esc(item.original_name), deleted)])
        out.append(_table(rows, [40, 90, P.SLOT_W - 330, 120, 80]))
    else:
        out.append(Paragraph("无。", S["base"]))
    # a section heading never sits alone at the foot of a page: with less than this room left it starts the next
    heads = [n for n, f in enumerate(out) if isinstance(f, Paragraph) and f.style is S["h2"]]
    for n in reversed(heads):
        out.insert(n, CondPageBreak(72))
    return out


def _mark(c: Canvas, page_no: int, total: int, order_no: str) -> None:
    P.footer(c, page_no, total, order_no)
    c.saveState()
    c.setFont(P.register(), 9)
    c.setFillColor(P.BAD)
    c.drawRightString(P.PAGE_W - P.MARGIN, P.FOOTER_Y, MARK)
    c.drawRightString(P.PAGE_W - P.MARGIN, P.PAGE_H - 24, MARK)
    c.restoreState()


def _draw(c: Canvas, doc: BundleDocument, total: int) -> int:
    def end_page() -> None:
        _mark(c, c.getPageNumber(), total, doc.case.order_no)
        c.showPage()

    return P.flow(c, story(doc, P.styles()), lambda: None, end_page)


def export_review(library, case_id: int, target: Path, now: datetime | None = None,
                  doc: BundleDocument | None = None) -> ExportResult:
    target = Path(target)
    check_pdf_target(target)
    doc = doc or build(library, case_id, now=now)
    total = _draw(Canvas(io.BytesIO()), doc, 999)
    buffer = io.BytesIO()
    c = Canvas(buffer, pagesize=(P.PAGE_W, P.PAGE_H), pageCompression=1)
    c.setTitle(f"{MARK} · {doc.scenario_name} · 订单 {doc.case.order_no or doc.case.id}")
    c.setAuthor("")
    c.setCreator(f"举证助手 evidence_app {__version__}")
    _draw(c, doc, total)
    c.save()
    data = buffer.getvalue()
    with atomic_write(target) as out:
        out.write(data)
    return ExportResult(target, total, len(data))
