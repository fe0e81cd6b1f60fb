<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>CaseForm</name>
    <message>
        <location filename="../../evidence_app/ui/case_form.py" line="1" />
        <source>Draft from template</source>
        <translation>起草</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_form.py" line="1" />
        <source>Write a first draft from the case's facts and exhibits; exhibit numbers stay right when exhibits are reordered</source>
        <translation>按案件事实和证据起草申诉说明;调整证据顺序后,说明中的证据编号会自动更新</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_form.py" line="1" />
        <source>No template fits this case yet: add exhibits of the kinds its dispute needs.</source>
        <translation>暂无可用的起草模板内容:请先添加此类争议所需的证据。</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_form.py" line="73" />
        <source>Order and dispute</source>
        <translation>订单与争议</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_form.py" line="90" />
        <source>Imported goods</source>
        <translation>进口商品</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_form.py" line="91" />
        <source>Order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_form.py" line="92" />
        <source>Refund number</source>
        <translation>退款编号</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_form.py" line="94" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_form.py" line="94" />
        <source>Dispute</source>
        <translation>争议类型</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_form.py" line="95" />
        <source>Order</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_form.py" line="95" />
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_form.py" line="96" />
        <source>Refund</source>
        <translation>退款编号</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_form.py" line="96" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_form.py" line="97" />
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_form.py" line="97" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_form.py" line="108" />
        <source>Key times</source>
        <translation>关键时间</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_form.py" line="110" />
        <source>Paid</source>
        <translation>付款时间</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_form.py" line="110" />
        <source>First pickup scan</source>
        <translation>揽收时间</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_form.py" line="111" />
        <source>Signed</source>
        <translation>签收时间</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_form.py" line="111" />
        <source>Refund requested</source>
        <translation>退款申请时间</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_form.py" line="112" />
        <source>Evidence requested</source>
        <translation>平台要求举证</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_form.py" line="112" />
        <source>Evidence due</source>
        <translation>举证截止</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_form.py" line="124" />
        <source>Statement to the platform (申诉说明)</source>
        <translation>申诉说明</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_form.py" line="127" />
        <source>What happened, in a few sentences, pointing at the exhibits</source>
        <translation>简要说明经过,并指明对应的证据编号</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_form.py" line="175" />
        <source>%1 / %2 characters</source>
        <translation>%1 / %2 字</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_form.py" line="176" />
        <source>over the platform's limit</source>
        <translation>超出平台字数限制</translation>
    </message>
</context>
<context>
    <name>ChecklistPanel</name>
    <message>
        <location filename="../../evidence_app/ui/checklist_panel.py" line="78" />
        <source>Add files for this requirement…</source>
        <translation>为此项添加文件…</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/checklist_panel.py" line="104" />
        <source>%1/%2 required items in place</source>
        <translation>%1/%2 项必需材料已齐</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/checklist_panel.py" line="116" />
        <source>Required</source>
        <translation>必需</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/checklist_panel.py" line="116" />
        <source>Recommended</source>
        <translation>建议</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/checklist_panel.py" line="123" />
        <source>Rule</source>
        <translation>依据</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <location filename="../../evidence_app/ui/commands.py" line="21" />
        <source>Move %1 item(s) to the trash</source>
        <translation>将 %1 份证据移到回收站</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/commands.py" line="37" />
        <source>Change kind</source>
        <translation>更改类型</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/commands.py" line="54" />
        <source>Edit caption</source>
        <translation>编辑说明</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/commands.py" line="68" />
        <source>Reorder exhibits</source>
        <translation>调整证据顺序</translation>
    </message>
</context>
<context>
    <name>EvidenceBoard</name>
    <message>
        <location filename="../../evidence_app/ui/board.py" line="41" />
        <source>Drop files or folders here, or paste a screenshot with Ctrl+V</source>
        <translation>把文件或文件夹拖到这里,或按 Ctrl+V 粘贴截图</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/board.py" line="94" />
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/board.py" line="96" />
        <source>Edit caption</source>
        <translation>编辑说明</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/board.py" line="97" />
        <source>Change kind</source>
        <translation>更改类型</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/board.py" line="103" />
        <source>Move to trash</source>
        <translation>移到回收站</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/board.py" line="104" />
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
</context>
<context>
    <name>EvidenceViewer</name>
    <message>
        <location filename="../../evidence_app/ui/viewer.py" line="115" />
        <source>Evidence viewer</source>
        <translation>查看证据</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/viewer.py" line="122" />
        <source>Pan</source>
        <translation>拖动</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/viewer.py" line="123" />
        <source>Redact</source>
        <translation>涂黑</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/viewer.py" line="124" />
        <source>Crop</source>
        <translation>裁剪</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/viewer.py" line="128" />
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/viewer.py" line="128" />
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/viewer.py" line="129" />
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/viewer.py" line="130" />
        <source>Rotate left</source>
        <translation>向左旋转</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/viewer.py" line="131" />
        <source>Rotate right</source>
        <translation>向右旋转</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/viewer.py" line="133" />
        <source>Clear redactions</source>
        <translation>清除涂黑</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/viewer.py" line="134" />
        <source>Clear crop</source>
        <translation>取消裁剪</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/viewer.py" line="139" />
        <source>Black boxes are burned into every export; the original file is never changed. ←/→: previous/next, PgUp/PgDn: PDF pages</source>
        <translation>涂黑区域会在所有导出中被彻底遮盖(PDF 中有涂黑的页面导出为图片);原文件不会被修改。←/→:上一份/下一份,PgUp/PgDn:PDF 翻页</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/viewer.py" line="160" />
        <source>Previous page</source>
        <translation>上一页</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/viewer.py" line="162" />
        <source>Next page</source>
        <translation>下一页</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/viewer.py" line="225" />
        <source>Page %1/%2</source>
        <translation>第 %1/%2 页</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../evidence_app/ui/export_dialog.py" line="1" />
        <source>Internal review</source>
        <translation>内部审阅</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/export_dialog.py" line="1" />
        <source>The full checklist, every finding, the deadline and the trash, marked for internal use: never submit it</source>
        <translation>完整清单、全部核查结论、举证期限和回收站,标明仅供内部使用:请勿提交给平台</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/export_dialog.py" line="1" />
        <source>Add files for this</source>
        <translation>为此添加文件</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/export_dialog.py" line="1" />
        <source>Before you submit (not printed in the bundle):</source>
        <translation>提交前请注意(这些内容不会印在举证材料中):</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/export_dialog.py" line="1" />
        <source>Export anyway?</source>
        <translation>仍要导出?</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/export_dialog.py" line="1" />
        <source>This case still has problems; the bundle will argue only what is proved:</source>
        <translation>此案件还有以下问题;举证材料只会陈述已有证据证明的内容:</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/export_dialog.py" line="1" />
        <source>Internal review written (for the shop only, do not submit): %1</source>
        <translation>已生成内部审阅(仅供店铺内部使用,请勿提交):%1</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/export_dialog.py" line="27" />
        <source>Export evidence bundle</source>
        <translation>导出举证材料</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/export_dialog.py" line="31" />
        <source>PDF for printing (200 dpi)</source>
        <translation>打印版 PDF(200 dpi)</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/export_dialog.py" line="32" />
        <source>Compact PDF under</source>
        <translation>压缩版 PDF,不超过</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/export_dialog.py" line="33" />
        <source>Upload images, each under</source>
        <translation>上传图片,每张不超过</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/export_dialog.py" line="51" />
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/export_dialog.py" line="53" />
        <source>Save to</source>
        <translation>保存到</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/export_dialog.py" line="60" />
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/export_dialog.py" line="62" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/export_dialog.py" line="64" />
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/export_dialog.py" line="65" />
        <source>Show in folder</source>
        <translation>打开所在文件夹</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/export_dialog.py" line="68" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/export_dialog.py" line="114" />
        <source>Folder for the upload images</source>
        <translation>上传图片的保存文件夹</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/export_dialog.py" line="246" />
        <source>A new folder 举证图片_&lt;order&gt;_&lt;time&gt; is made inside this folder</source>
        <translation>将在此文件夹内新建文件夹 举证图片_订单号_时间,不会改动其中已有的文件</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/export_dialog.py" line="116" />
        <source>Save the bundle</source>
        <translation>保存举证材料</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/export_dialog.py" line="123" />
        <source>Choose where to save the export.</source>
        <translation>请选择保存位置。</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/export_dialog.py" line="139" />
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/export_dialog.py" line="145" />
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/export_dialog.py" line="162" />
        <source>%1 images written to %2</source>
        <translation>已生成 %1 张图片:%2</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/export_dialog.py" line="164" />
        <source>%1 pages, %2 MB</source>
        <translation>共 %1 页,%2 MB</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/export_dialog.py" line="179" />
        <source>Export cancelled; nothing was written.</source>
        <translation>已取消导出,没有写入任何文件。</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/export_dialog.py" line="180" />
        <source>Export failed: %1</source>
        <translation>导出失败:%1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../evidence_app/ui/main_window.py" line="62" />
        <source>Evidence Assistant 举证助手</source>
        <translation>举证助手</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/main_window.py" line="69" />
        <source>Search order, refund, buyer, title, statement</source>
        <translation>搜索订单号、退款编号、买家、标题、说明</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/main_window.py" line="72" />
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/main_window.py" line="76" />
        <source>All platforms</source>
        <translation>全部平台</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/main_window.py" line="92" />
        <location filename="../../evidence_app/ui/main_window.py" line="196" />
        <source>New case</source>
        <translation>新建案例</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/main_window.py" line="103" />
        <source>&lt;h2&gt;Welcome to 举证助手&lt;/h2&gt;&lt;p&gt;Collect the proof for a dispute, check it against what the platform's rules require, and export one bundle ready to submit.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;欢迎使用举证助手&lt;/h2&gt;&lt;p&gt;按争议类型收集证据,对照平台规则检查是否齐全,一键导出可直接提交的举证材料。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/main_window.py" line="107" />
        <source>Open the sample case (示例案例)</source>
        <translation>打开示例案例</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/main_window.py" line="108" />
        <source>Create a new case</source>
        <translation>新建案例</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/main_window.py" line="121" />
        <source>This is the sample case: invented data to show how a finished case looks. Export it to see a bundle.</source>
        <translation>这是示例案例:数据均为虚构,用来展示一个完整案例的样子。试试导出,看看生成的举证材料。</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/main_window.py" line="127" />
        <location filename="../../evidence_app/ui/main_window.py" line="368" />
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/main_window.py" line="130" />
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/main_window.py" line="133" />
        <location filename="../../evidence_app/ui/main_window.py" line="197" />
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/main_window.py" line="134" />
        <location filename="../../evidence_app/ui/main_window.py" line="218" />
        <source>Paste screenshot</source>
        <translation>粘贴截图</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/main_window.py" line="135" />
        <location filename="../../evidence_app/ui/main_window.py" line="199" />
        <source>Export bundle…</source>
        <translation>导出举证材料…</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/main_window.py" line="185" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/main_window.py" line="195" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/main_window.py" line="202" />
        <source>Import case archive (.evpack)…</source>
        <translation>导入案例包(.evpack)…</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/main_window.py" line="204" />
        <source>Save case archive (.evpack)…</source>
        <translation>保存案例包(.evpack)…</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/main_window.py" line="207" />
        <source>Move case to trash</source>
        <translation>将案例移到回收站</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/main_window.py" line="209" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/main_window.py" line="210" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/main_window.py" line="211" />
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/main_window.py" line="213" />
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/main_window.py" line="220" />
        <source>Find case</source>
        <translation>查找案例</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/main_window.py" line="221" />
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/main_window.py" line="222" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/main_window.py" line="223" />
        <source>Create the sample case</source>
        <translation>创建示例案例</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/main_window.py" line="224" />
        <location filename="../../evidence_app/ui/main_window.py" line="674" />
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/main_window.py" line="395" />
        <source>Case moved to the trash (evidence-app restore-case %1 brings it back)</source>
        <translation>案例已移到回收站(可用 evidence-app restore-case %1 恢复)</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/main_window.py" line="421" />
        <source>Add %n file(s) as…</source>
        <translation>将 %n 个文件添加为…</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/main_window.py" line="440" />
        <source>Still adding the previous files; try again when they are in.</source>
        <translation>上一批文件还在添加中,请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/main_window.py" line="467" />
        <source>Adding %1 (%2/%3)</source>
        <translation>正在添加 %1(%2/%3)</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/main_window.py" line="477" />
        <source>%1 file(s) added</source>
        <translation>已添加 %1 个文件</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/main_window.py" line="479" />
        <source>%1 already in the case</source>
        <translation>%1 个已在案例中</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/main_window.py" line="482" />
        <source>Duplicate: %1 is the same as exhibit %2</source>
        <translation>重复:%1 与证据 %2 相同</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/main_window.py" line="485" />
        <source>Refused: %1: %2</source>
        <translation>未添加:%1:%2</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/main_window.py" line="497" />
        <source>Adding files failed: %1</source>
        <translation>添加文件失败:%1</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/main_window.py" line="504" />
        <location filename="../../evidence_app/ui/main_window.py" line="527" />
        <source>Add evidence files</source>
        <translation>添加证据文件</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/main_window.py" line="548" />
        <source>Could not read the image on the clipboard</source>
        <translation>无法读取剪贴板中的图片</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/main_window.py" line="558" />
        <source>Moved to the trash. Ctrl+Z to undo.</source>
        <translation>已移到回收站。按 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/main_window.py" line="618" />
        <source>Import case archive</source>
        <translation>导入案例包</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/main_window.py" line="629" />
        <source>Import refused: %1</source>
        <translation>导入被拒绝:%1</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/main_window.py" line="640" />
        <source>Save case archive</source>
        <translation>保存案例包</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/main_window.py" line="649" />
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/main_window.py" line="663" />
        <source>Library folder</source>
        <translation>证据库文件夹</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/main_window.py" line="664" />
        <source>The new library folder is used from the next start.</source>
        <translation>新的证据库文件夹将在下次启动时生效。</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/main_window.py" line="675" />
        <source>Library: %1</source>
        <translation>证据库:%1</translation>
    </message>
</context>
<context>
    <name>Models</name>
    <message>
        <location filename="../../evidence_app/ui/models.py" line="22" />
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/models.py" line="22" />
        <source>Ready</source>
        <translation>待提交</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/models.py" line="22" />
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/models.py" line="22" />
        <source>Won</source>
        <translation>胜诉</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/models.py" line="23" />
        <source>Lost</source>
        <translation>败诉</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/models.py" line="63" />
        <source>Deadline</source>
        <translation>截止</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/models.py" line="63" />
        <source>Order</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/models.py" line="63" />
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/models.py" line="63" />
        <source>Dispute</source>
        <translation>争议类型</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/models.py" line="63" />
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/models.py" line="63" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/models.py" line="75" />
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/models.py" line="77" />
        <source>%1 · %2 h left</source>
        <translation>%1 · 剩 %2 小时</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/models.py" line="98" />
        <source>Sample</source>
        <translation>示例</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/models.py" line="213" />
        <source>Exhibit %1</source>
        <translation>证据 %1</translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <location filename="../../evidence_app/ui/dialogs.py" line="17" />
        <source>New case</source>
        <translation>新建案例</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/dialogs.py" line="21" />
        <source>What is the dispute about?</source>
        <translation>争议类型是什么?</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/dialogs.py" line="43" />
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/dialogs.py" line="44" />
        <source>Order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/dialogs.py" line="45" />
        <source>Refund number</source>
        <translation>退款编号</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/dialogs.py" line="46" />
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/dialogs.py" line="47" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <location filename="../../evidence_app/ui/preview.py" line="1" />
        <source>Cannot open the image</source>
        <translation>无法打开图片</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/preview.py" line="54" />
        <source>Cannot open the PDF</source>
        <translation>无法打开 PDF</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../evidence_app/ui/dialogs.py" line="88" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/dialogs.py" line="106" />
        <source>PDF for printing</source>
        <translation>打印版 PDF</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/dialogs.py" line="106" />
        <source>Compact PDF</source>
        <translation>压缩版 PDF</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/dialogs.py" line="107" />
        <source>Upload images</source>
        <translation>上传图片</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/dialogs.py" line="111" />
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/dialogs.py" line="116" />
        <source>Shop name</source>
        <translation>店铺名称</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/dialogs.py" line="117" />
        <source>Default platform</source>
        <translation>默认平台</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/dialogs.py" line="118" />
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/dialogs.py" line="119" />
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/dialogs.py" line="120" />
        <source>Default export</source>
        <translation>默认导出方式</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/dialogs.py" line="121" />
        <location filename="../../evidence_app/ui/dialogs.py" line="132" />
        <source>Library folder</source>
        <translation>证据库文件夹</translation>
    </message>
</context>
</TS>