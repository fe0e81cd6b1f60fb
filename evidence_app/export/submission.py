"""The submission's front matter: the cover and 举证说明 / 证据目录, built from the document model.

Only the shop's case: facts that support it, the points it makes with their exhibits and the platform's own
rules, findings in its favour, the exhibit index. No status, no countdown, no gaps, no warnings, no paths.
The same story serves the PDF (with page numbers and links) and the upload pack's 00_举证清单.jpg (file names
instead of page numbers, since a folder of JPEGs has no pages).
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from evidence_app.export import pages as P
from evidence_app.export.document import BundleDocument

HEAD = colors.HexColor("#eef2f7")


def esc(text: str) -> str:
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _maker(S: dict, memo: dict | None):
    """Paragraphs of S's styles. With `memo` (the exporter's), one per text and style for the whole export: the
    front matter is laid out twice (a dry run counts its pages first) and parsing every cell's markup again
    cost a 120-exhibit export 0.1 s. A paragraph is wrapped and drawn again each time it is laid out."""
    if memo is None:
        return lambda text, style: Paragraph(text, S[style])

    def para(text: str, style: str) -> Paragraph:
        made = memo.get((text, style))
        if made is None:
            made = memo[(text, style)] = Paragraph(text, S[style])
        return made
    return para


def cover_story(doc: BundleDocument, S: dict, memo: dict | None = None) -> list:
    para = _maker(S, memo)
    table = Table([[para(k, "cell"), para(esc(v), "cell")] for k, v in doc.cover_rows],
                  colWidths=[130, P.SLOT_W - 130])
    table.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.5, P.RULE), ("TEXTCOLOR", (0, 0), (0, -1), P.GREY),
                               ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 5), ("TOPPADDING", (0, 0), (-1, -1), 5)]))
    story = [para("举证材料", "title"),
             para(esc(doc.scenario_name) + f" · {esc(doc.platform_name)}", "subtitle"), table, Spacer(1, 14)]
    if doc.statement.strip():
        story += [para("申诉说明", "h2"),
                  para(esc(doc.statement).replace("\n", "<br/>"), "statement"), Spacer(1, 10)]
    story.append(para(f"共 {len(doc.items)} 份证据 · 材料生成日期 {doc.now.astimezone(doc.tz):%Y-%m-%d %H:%M}"
                           + (" · 示例案例(虚构数据)" if doc.case.is_sample else ""), "small"))
    return story


def _exhibit_refs(numbers: list[int], upload: bool) -> str:
    refs = []
    for n in numbers:
        label = f"证据 {n}"
        refs.append(label if upload else f'<a href="#exhibit-{n}" color="#1e3a5f"><u>{label}</u></a>')
    return "见" + "、".join(refs) if refs else ""


def points_story(doc: BundleDocument, S: dict, starts: dict[int, int], parts: dict[int, int],
                 files: dict[int, str] | None = None, memo: dict | None = None) -> list:
    """举证说明 (the points, the favourable findings) and 证据目录. `starts`: exhibit → first page, `parts`:
    exhibit → pages; `files`: exhibit → upload file name, for the upload pack (then no page numbers)."""
    upload = files is not None
    para = _maker(S, memo)
    story = [para("举证说明", "title"),
             Paragraph(f"{esc(doc.scenario_name)} · {esc(doc.platform_name)} · 订单 {esc(doc.case.order_no or '—')}",
                       S["subtitle"])]
    rows = [[para(h, "cell") for h in ("", "商家主张", "证据", "依据")]]
    for n, point in enumerate(doc.points, 1):
        rows.append([para(f"{n}.", "cell"), para(esc(point.assertion), "cell"),
                     para(_exhibit_refs(point.exhibits, upload), "cell"),
                     para(esc(point.rule), "cell_small")])
    for argument, rule in doc.arguments:
        n = len(rows)
        rows.append([para(f"{n}.", "cell"), para(esc(argument), "cell"), para("", "cell"),
                     para(esc(rule), "cell_small")])
    if len(rows) > 1:
        table = Table(rows, colWidths=[22, P.SLOT_W - 252, 110, 120], repeatRows=1)
        table.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.5, P.RULE), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("BACKGROUND", (0, 0), (-1, 0), HEAD)]))
        story.append(table)
    story.append(para("证据目录", "h2"))
    last = "文件" if upload else "页码"
    index_rows = [[para(h, "cell") for h in ("编号", "类型", "说明", last)]]
    for number, item in enumerate(doc.items, 1):
        if upload:
            where = files.get(number, "")
        else:
            start, count = starts.get(number), parts.get(number, 1)
            where = (f"第 {start} 页" + (f" 起,共 {count} 页" if count > 1 else "")) if start else ""
        cells = [f"证据 {number}", doc.catalog.kind_name(item.kind), item.caption or item.original_name, where]
        if upload:
            index_rows.append([para(esc(c), "cell") for c in cells])
        else:
            index_rows.append([para(f'<a href="#exhibit-{number}" color="#1e3a5f">{esc(c)}</a>', "cell")
                               for c in cells])
    widths = [60, 110, P.SLOT_W - 320, 150] if upload else [60, 110, P.SLOT_W - 260, 90]
    index = Table(index_rows, colWidths=widths, repeatRows=1)
    index.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.5, P.RULE), ("BACKGROUND", (0, 0), (-1, 0), HEAD),
                               ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story.append(index)
    return story
