"""Fills the zh_CN translations in resources/translations/evidence_app_zh_CN.ts that lupdate left unfinished.

    .venv/bin/pyside6-lupdate evidence_app/ui/*.py -ts resources/translations/evidence_app_zh_CN.ts
    .venv/bin/python scripts/fill_zh_CN.py

The .ts file is the source of truth (Qt Linguist edits it too); this table only seeds new strings.
"""

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ZH = {
    # issue 8: case facts and attestations
    "Tracking number": "快递单号", "Seven-day no-reason return": "支持七天无理由", "Free shipping": "包邮",
    "Freight collect (到付)": "运费到付", "Made to order": "定制商品", "Buyer agreed to ship later": "买家同意延后发货",
    "Orders merged without consent": "未经同意合并包裹", "Receipt confirmed": "确认收货",
    "Test requested by the platform": "平台要求送检", "Seller": "店铺类型", "Freight claimed": "主张运费",
    "Actual freight (carrier)": "实际运费(承运人凭证)", "Refusal reason": "拒签原因", "Defect": "质量问题类型",
    "none": "无", "by the buyer": "买家手动确认", "automatically": "系统自动确认", "company": "企业店铺",
    "individual": "个人/个体店铺", "no reason": "无理由拒签", "damaged (goods or gift)": "商品或赠品破损",
    "wrong phone or address": "电话或地址错误", "not as agreed": "与约定不符", "other": "其他", "not set": "未选择",
    "visible to the eye": "肉眼可识别", "not visible to the eye": "肉眼不可识别", "Case facts (案件事实)": "案件事实",
    "Draft": "草稿", "Ready": "待提交", "Submitted": "已提交", "Won": "胜诉", "Lost": "败诉",
    "Deadline": "截止", "Order": "订单号", "Buyer": "买家", "Dispute": "争议类型", "Platform": "平台", "Status": "状态",
    "Overdue": "已逾期", "%1 · %2 h left": "%1 · 剩 %2 小时", "Sample": "示例", "Exhibit %1": "证据 %1",
    "Order and dispute": "订单与争议", "Imported goods": "进口商品", "Order number": "订单号", "Refund number": "退款编号",
    "Title": "标题", "Refund": "退款编号", "Amount": "金额", "Key times": "关键时间", "Paid": "付款时间",
    "First pickup scan": "揽收时间", "Signed": "签收时间", "Refund requested": "退款申请时间",
    "Evidence requested": "平台要求举证", "Evidence due": "举证截止",
    "Statement to the platform (申诉说明)": "申诉说明",
    "What happened, in a few sentences, pointing at the exhibits": "简要说明经过,并指明对应的证据编号",
    "%1 / %2 characters": "%1 / %2 字", "over the platform's limit": "超出平台字数限制",
    "Add files for this requirement…": "为此项添加文件…", "%1/%2 required items in place": "%1/%2 项必需材料已齐",
    "Required": "必需", "Recommended": "建议", "Rule": "依据",
    "Drop files or folders here, or paste a screenshot with Ctrl+V": "把文件或文件夹拖到这里,或按 Ctrl+V 粘贴截图",
    "Open": "打开", "Edit caption": "编辑说明", "Change kind": "更改类型", "Move to trash": "移到回收站", "Paste": "粘贴",
    "Evidence viewer": "查看证据", "Pan": "拖动", "Redact": "涂黑", "Crop": "裁剪", "Zoom in": "放大", "Zoom out": "缩小",
    "Fit": "适应窗口", "Rotate left": "向左旋转", "Rotate right": "向右旋转", "Clear redactions": "清除涂黑",
    "Clear crop": "取消裁剪",
    "Black boxes are burned into every export; the original file is never changed. ←/→: previous/next":
        "涂黑区域会在所有导出中被彻底遮盖;原文件不会被修改。←/→:上一份/下一份",
    "Export evidence bundle": "导出举证材料", "PDF for printing (200 dpi)": "打印版 PDF(200 dpi)",
    "Compact PDF under": "压缩版 PDF,不超过", "Upload images, each under": "上传图片,每张不超过", "Browse…": "浏览…",
    "Save to": "保存到", "Export": "导出", "Cancel": "取消", "Show in folder": "打开所在文件夹", "Close": "关闭",
    "Folder for the upload images": "上传图片的保存文件夹", "Save the bundle": "保存举证材料",
    "Choose where to save the export.": "请选择保存位置。", "Exporting…": "正在导出…", "Cancelling…": "正在取消…",
    "%1 images written to %2": "已生成 %1 张图片:%2", "%1 pages, %2 MB": "共 %1 页,%2 MB",
    "Export cancelled; nothing was written.": "已取消导出,没有写入任何文件。", "Export failed: %1": "导出失败:%1",
    "Evidence Assistant 举证助手": "举证助手", "Search order, refund, buyer, title, statement": "搜索订单号、退款编号、买家、标题、说明",
    "All statuses": "全部状态", "All platforms": "全部平台", "New case": "新建案例",
    "<h2>Welcome to 举证助手</h2><p>Collect the proof for a dispute, check it against what the platform's rules "
    "require, and export one bundle ready to submit.</p>":
        "<h2>欢迎使用举证助手</h2><p>按争议类型收集证据,对照平台规则检查是否齐全,一键导出可直接提交的举证材料。</p>",
    "Open the sample case (示例案例)": "打开示例案例", "Create a new case": "新建案例",
    "This is the sample case: invented data to show how a finished case looks. Export it to see a bundle.":
        "这是示例案例:数据均为虚构,用来展示一个完整案例的样子。试试导出,看看生成的举证材料。",
    "Evidence": "证据", "All kinds": "全部类型", "Add files…": "添加文件…", "Paste screenshot": "粘贴截图",
    "Export bundle…": "导出举证材料…", "&File": "文件(&F)", "Import case archive (.evpack)…": "导入案例包(.evpack)…",
    "Save case archive (.evpack)…": "保存案例包(.evpack)…", "Move case to trash": "将案例移到回收站", "Quit": "退出",
    "&Edit": "编辑(&E)", "Undo": "撤销", "Redo": "重做", "Find case": "查找案例", "Settings…": "设置…", "&Help": "帮助(&H)",
    "Create the sample case": "创建示例案例", "About": "关于",
    "Case moved to the trash (evidence-app restore-case %1 brings it back)":
        "案例已移到回收站(可用 evidence-app restore-case %1 恢复)",
    "Add %n file(s) as…": "将 %n 个文件添加为…",
    "Still adding the previous files; try again when they are in.": "上一批文件还在添加中,请稍后再试。",
    "Adding %1 (%2/%3)": "正在添加 %1(%2/%3)", "%1 file(s) added": "已添加 %1 个文件",
    "%1 already in the case": "%1 个已在案例中", "Duplicate: %1 is the same as exhibit %2": "重复:%1 与证据 %2 相同",
    "Refused: %1: %2": "未添加:%1:%2", "Adding files failed: %1": "添加文件失败:%1", "Add evidence files": "添加证据文件",
    "Could not read the image on the clipboard": "无法读取剪贴板中的图片",
    "Moved to the trash. Ctrl+Z to undo.": "已移到回收站。按 Ctrl+Z 撤销。", "Import case archive": "导入案例包",
    "Import refused: %1": "导入被拒绝:%1", "Save case archive": "保存案例包", "Saved %1": "已保存 %1",
    "Library folder": "证据库文件夹", "The new library folder is used from the next start.": "新的证据库文件夹将在下次启动时生效。",
    "Library: %1": "证据库:%1", "What is the dispute about?": "争议类型是什么?", "Cannot open the PDF": "无法打开 PDF",
    "Settings": "设置", "PDF for printing": "打印版 PDF", "Compact PDF": "压缩版 PDF", "Upload images": "上传图片",
    "Shop name": "店铺名称", "Default platform": "默认平台", "Time zone": "时区", "Language": "界面语言",
    "Default export": "默认导出方式", "Move %1 item(s) to the trash": "将 %1 份证据移到回收站",
    "Reorder exhibits": "调整证据顺序",
}

# issue 13: workbench (board first, Today, statistics)
ZH.update({
    "All files": "所有文件", "Evidence files": "证据文件", "No case matches the search or the filters": "没有符合搜索或筛选条件的案例",
    "No cases yet": "还没有案例", "Case facts": "案例信息", "Show or hide the case's fields": "展开或收起案例信息",
    "Evidence board": "证据", "Statement": "申诉说明", "Order %1": "订单 %1", "Buyer %1": "买家 %1",
    "signed": "签收", "requested": "要求举证", "due": "截止", "No evidence of this kind": "没有这种类型的证据",
    "Drop files here or press Ctrl+V": "把文件拖到这里,或按 Ctrl+V 粘贴", "&View": "查看(&V)", "Today": "今日",
    "Statistics": "统计", "Views": "视图", "Case": "案例", "Export CSV…": "导出 CSV…", "By dispute": "按争议类型",
    "By platform": "按平台", "By month": "按月份", "Missing at submission": "提交时缺少的材料",
    "Win rate: won ÷ (won + lost). Time to submit: from the platform's request (or the case's creation) to the "
    "first submission. The sample case is not counted.":
        "胜诉率 = 胜诉 ÷(胜诉 + 败诉)。提交用时:从平台要求举证(没有时从建立案例)到第一次提交。示例案例不计入。",
    "%1 cases · %2 submitted · win rate %3": "%1 个案例 · 已提交 %2 · 胜诉率 %3", "Name": "名称", "Cases": "案例数",
    "Win rate": "胜诉率", "Median hours to submit": "提交用时中位数(小时)", "Times missing": "缺少次数",
    "Share": "占比", "Export statistics": "导出统计", "CSV table": "CSV 表格", "Could not save %1: %2": "无法保存 %1:%2",
    "Due within 24 h": "24 小时内截止", "Waiting for the buyer": "等待买家 / 平台尚未要求举证",
    "Recently submitted": "最近提交", "Nothing here": "暂无", "Today: %1 case(s) need evidence now": "今日:%1 个案例需要尽快举证",
    "Trash": "回收站", "Case moved to the trash (View → Trash brings it back)": "案例已移到回收站(查看 → 回收站可恢复)",
    "Evidence items": "证据文件", "Restore selected": "恢复所选", "Empty trash…": "清空回收站…", "case %1": "案例 %1",
    "Trash: %1 case(s), %2 item(s)": "回收站:%1 个案例,%2 份证据", "Empty trash": "清空回收站",
    "Delete everything in the trash for good? This cannot be undone.": "彻底删除回收站里的全部内容?此操作无法撤销。",
    "Trash emptied (%1 deleted)": "回收站已清空(删除 %1 项)",
    "e.g. 好物旗舰店": "例如:好物旗舰店", "Shop name": "店铺名称", "Usual platform": "常用平台",
    "The amount must be a positive number, e.g. 88.50": "金额须为正数,例如 88.50",
    "Case archive": "案例包", "Your shop": "您的店铺", "The shop's name, as it appears on the cover of every bundle:":
        "店铺名称(会印在每份举证材料的封面上):",
})


def main() -> int:
    path = Path(__file__).resolve().parents[1] / "resources" / "translations" / "evidence_app_zh_CN.ts"
    tree = ET.parse(path)
    missing = []
    for message in tree.iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        if translation is None or translation.get("type") not in ("unfinished", None) or \
                (translation.text and translation.get("type") is None):
            continue
        if source in ZH:
            translation.text = ZH[source]
            translation.attrib.pop("type", None)
        else:
            missing.append(source)
    tree.write(path, encoding="utf-8", xml_declaration=True)
    for source in missing:
        print(f"no translation: {source!r}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
