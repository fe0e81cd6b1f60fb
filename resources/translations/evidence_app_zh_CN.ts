<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>CaseFacts</name>
    <message>
        <location filename="../../evidence_app/ui/case_facts.py" />
        <source>Tracking number</source>
        <translation>快递单号</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_facts.py" />
        <source>Seven-day no-reason return</source>
        <translation>支持七天无理由</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_facts.py" />
        <source>Free shipping</source>
        <translation>包邮</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_facts.py" />
        <source>Freight collect (到付)</source>
        <translation>运费到付</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_facts.py" />
        <source>Made to order</source>
        <translation>定制商品</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_facts.py" />
        <source>Buyer agreed to ship later</source>
        <translation>买家同意延后发货</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_facts.py" />
        <source>Orders merged without consent</source>
        <translation>未经同意合并包裹</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_facts.py" />
        <source>Receipt confirmed</source>
        <translation>确认收货</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_facts.py" />
        <source>Test requested by the platform</source>
        <translation>平台要求送检</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_facts.py" />
        <source>Seller</source>
        <translation>店铺类型</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_facts.py" />
        <source>Freight claimed</source>
        <translation>主张运费</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_facts.py" />
        <source>Actual freight (carrier)</source>
        <translation>实际运费(承运人凭证)</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_facts.py" />
        <source>Refusal reason</source>
        <translation>拒签原因</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_facts.py" />
        <source>Defect</source>
        <translation>质量问题类型</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_facts.py" />
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_facts.py" />
        <source>by the buyer</source>
        <translation>买家手动确认</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_facts.py" />
        <source>automatically</source>
        <translation>系统自动确认</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_facts.py" />
        <source>company</source>
        <translation>企业店铺</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_facts.py" />
        <source>individual</source>
        <translation>个人/个体店铺</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_facts.py" />
        <source>no reason</source>
        <translation>无理由拒签</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_facts.py" />
        <source>damaged (goods or gift)</source>
        <translation>商品或赠品破损</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_facts.py" />
        <source>wrong phone or address</source>
        <translation>电话或地址错误</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_facts.py" />
        <source>not as agreed</source>
        <translation>与约定不符</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_facts.py" />
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_facts.py" />
        <source>not set</source>
        <translation>未选择</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_facts.py" />
        <source>visible to the eye</source>
        <translation>肉眼可识别</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_facts.py" />
        <source>not visible to the eye</source>
        <translation>肉眼不可识别</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_facts.py" />
        <source>Case facts (案件事实)</source>
        <translation>案件事实</translation>
    </message>
</context>
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
        <location filename="../../evidence_app/ui/case_form.py" line="94" />
        <source>Order and dispute</source>
        <translation>订单与争议</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_form.py" line="111" />
        <source>Imported goods</source>
        <translation>进口商品</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_form.py" line="112" />
        <source>Order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_form.py" line="113" />
        <source>Refund number</source>
        <translation>退款编号</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_form.py" line="115" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_form.py" line="115" />
        <source>Dispute</source>
        <translation>争议类型</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_form.py" line="116" />
        <source>Order</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_form.py" line="116" />
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_form.py" line="117" />
        <source>Refund</source>
        <translation>退款编号</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_form.py" line="117" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_form.py" line="118" />
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_form.py" line="118" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_form.py" line="129" />
        <source>Key times</source>
        <translation>关键时间</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_form.py" line="131" />
        <source>Paid</source>
        <translation>付款时间</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_form.py" line="131" />
        <source>First pickup scan</source>
        <translation>揽收时间</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_form.py" line="132" />
        <source>Signed</source>
        <translation>签收时间</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_form.py" line="132" />
        <source>Refund requested</source>
        <translation>退款申请时间</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_form.py" line="133" />
        <source>Evidence requested</source>
        <translation>平台要求举证</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_form.py" line="133" />
        <source>Evidence due</source>
        <translation>举证截止</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_form.py" line="145" />
        <source>Statement to the platform (申诉说明)</source>
        <translation>申诉说明</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_form.py" line="148" />
        <source>What happened, in a few sentences, pointing at the exhibits</source>
        <translation>简要说明经过,并指明对应的证据编号</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_form.py" line="216" />
        <source>%1 / %2 characters</source>
        <translation>%1 / %2 字</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_form.py" line="217" />
        <source>over the platform's limit</source>
        <translation>超出平台字数限制</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_form.py" line="233" />
        <source>The amount must be a positive number, e.g. 88.50</source>
        <translation>金额须为正数,例如 88.50</translation>
    </message>
</context>
<context>
    <name>CaseListPanel</name>
    <message>
        <location filename="../../evidence_app/ui/case_list_panel.py" line="24" />
        <source>Search order, refund, buyer, title, statement, evidence text</source>
        <translation>搜索订单号、退款编号、买家、标题、说明、证据文字</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_list_panel.py" line="27" />
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_list_panel.py" line="31" />
        <source>All platforms</source>
        <translation>全部平台</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_list_panel.py" line="61" />
        <source>New case</source>
        <translation>新建案例</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_list_panel.py" line="81" />
        <source>No case matches the search or the filters</source>
        <translation>没有符合搜索或筛选条件的案例</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_list_panel.py" line="82" />
        <source>No cases yet</source>
        <translation>还没有案例</translation>
    </message>
</context>
<context>
    <name>CasePage</name>
    <message>
        <location filename="../../evidence_app/ui/case_page.py" line="32" />
        <source>This is the sample case: invented data to show how a finished case looks. Export it to see a bundle.</source>
        <translation>这是示例案例:数据均为虚构,用来展示一个完整案例的样子。试试导出,看看生成的举证材料。</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_page.py" line="43" />
        <source>Case facts</source>
        <translation>案例信息</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_page.py" line="44" />
        <source>Show or hide the case's fields</source>
        <translation>展开或收起案例信息</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_page.py" line="70" />
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_page.py" line="73" />
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_page.py" line="76" />
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_page.py" line="77" />
        <source>Paste screenshot</source>
        <translation>粘贴截图</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_page.py" line="78" />
        <source>Export bundle…</source>
        <translation>导出举证材料…</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_page.py" line="103" />
        <source>Evidence board</source>
        <translation>证据</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_page.py" line="104" />
        <source>Statement</source>
        <translation>申诉说明</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_page.py" line="135" />
        <source>Order %1</source>
        <translation>订单 %1</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_page.py" line="136" />
        <source>Buyer %1</source>
        <translation>买家 %1</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_page.py" line="139" />
        <source>signed</source>
        <translation>签收</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_page.py" line="139" />
        <source>requested</source>
        <translation>要求举证</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_page.py" line="140" />
        <source>due</source>
        <translation>截止</translation>
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
        <location filename="../../evidence_app/ui/checklist_panel.py" line="105" />
        <source>%1/%2 required items in place</source>
        <translation>%1/%2 项必需材料已齐</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/checklist_panel.py" line="117" />
        <source>Required</source>
        <translation>必需</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/checklist_panel.py" line="117" />
        <source>Recommended</source>
        <translation>建议</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/checklist_panel.py" line="125" />
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
    <name>EvidenceActions</name>
    <message>
        <location filename="../../evidence_app/ui/evidence_actions.py" line="22" />
        <source>Evidence files</source>
        <translation>证据文件</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/evidence_actions.py" line="24" />
        <source>All files</source>
        <translation>所有文件</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/evidence_actions.py" line="44" />
        <source>Add %n file(s) as…</source>
        <translation>将 %n 个文件添加为…</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/evidence_actions.py" line="65" />
        <location filename="../../evidence_app/ui/evidence_actions.py" line="106" />
        <source>Still adding the previous files; try again when they are in.</source>
        <translation>上一批文件还在添加中,请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/evidence_actions.py" line="133" />
        <source>Adding %1 (%2/%3)</source>
        <translation>正在添加 %1(%2/%3)</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/evidence_actions.py" line="145" />
        <source>%1 file(s) added</source>
        <translation>已添加 %1 个文件</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/evidence_actions.py" line="147" />
        <source>%1 already in the case</source>
        <translation>%1 个已在案例中</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/evidence_actions.py" line="150" />
        <source>Duplicate: %1 is the same as exhibit %2</source>
        <translation>重复:%1 与证据 %2 相同</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/evidence_actions.py" line="153" />
        <source>Refused: %1: %2</source>
        <translation>未添加:%1:%2</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/evidence_actions.py" line="166" />
        <source>Adding files failed: %1</source>
        <translation>添加文件失败:%1</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/evidence_actions.py" line="171" />
        <source>Add evidence files</source>
        <translation>添加证据文件</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/evidence_actions.py" line="212" />
        <source>Could not read the image on the clipboard</source>
        <translation>无法读取剪贴板中的图片</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/evidence_actions.py" line="220" />
        <source>Moved to the trash. Ctrl+Z to undo.</source>
        <translation>已移到回收站。按 Ctrl+Z 撤销。</translation>
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
        <location filename="../../evidence_app/ui/board.py" line="58" />
        <source>No evidence of this kind</source>
        <translation>没有这种类型的证据</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/board.py" line="59" />
        <source>Drop files here or press Ctrl+V</source>
        <translation>把文件拖到这里,或按 Ctrl+V 粘贴</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/board.py" line="112" />
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/board.py" line="114" />
        <source>Edit caption</source>
        <translation>编辑说明</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/board.py" line="116" />
        <source>Change kind</source>
        <translation>更改类型</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/board.py" line="125" />
        <source>Move to trash</source>
        <translation>移到回收站</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/board.py" line="127" />
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
</context>
<context>
    <name>EvidenceViewer</name>
    <message>
        <location filename="../../evidence_app/ui/viewer.py" line="131" />
        <source>Evidence viewer</source>
        <translation>查看证据</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/viewer.py" line="138" />
        <source>Pan</source>
        <translation>拖动</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/viewer.py" line="139" />
        <source>Redact</source>
        <translation>涂黑</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/viewer.py" line="140" />
        <source>Crop</source>
        <translation>裁剪</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/viewer.py" line="144" />
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/viewer.py" line="144" />
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/viewer.py" line="145" />
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/viewer.py" line="146" />
        <source>Rotate left</source>
        <translation>向左旋转</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/viewer.py" line="147" />
        <source>Rotate right</source>
        <translation>向右旋转</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/viewer.py" line="149" />
        <source>Clear redactions</source>
        <translation>清除涂黑</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/viewer.py" line="150" />
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
    <message>
        <location filename="../../evidence_app/ui/viewer.py" line="1" />
        <source>Black boxes on a key frame are burned into the exported frame and the trimmed copy; the original video is never changed. ←/→: frame, Shift+←/→: second, K: key frame, PgUp/PgDn: previous/next exhibit</source>
        <translation>关键帧上的涂黑会烧录进导出的画面和剪辑副本,原视频不会被修改。←/→:逐帧,Shift+←/→:逐秒,K:标记关键帧,PgUp/PgDn:上一份/下一份证据</translation>
    </message>
</context>
<context>
    <name>Guard</name>
    <message>
        <location filename="../../evidence_app/ui/guard.py" line="19" />
        <source>The library can only be read (is its disk full?): changes are not saved until space is freed.</source>
        <translation>证据库当前只能读取(磁盘可能已满):腾出空间之前,修改不会被保存。</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/guard.py" line="27" />
        <source>read only</source>
        <translation>只读</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/guard.py" line="34" />
        <source>Not saved: %1</source>
        <translation>未保存:%1</translation>
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
        <location filename="../../evidence_app/ui/export_dialog.py" line="176" />
        <source>Exported without %1 exhibit(s) that could not be read.</source>
        <translation>已跳过 %1 份无法读取的证据后导出。</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/export_dialog.py" line="199" />
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/export_dialog.py" line="200" />
        <source>%1

Export without this exhibit? The stored file stays in the case.</source>
        <translation>%1

是否跳过这份证据继续导出?证据仍保留在案件中。</translation>
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
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../evidence_app/ui/first_run.py" line="13" />
        <source>Your shop</source>
        <translation>您的店铺</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/first_run.py" line="15" />
        <source>The shop's name, as it appears on the cover of every bundle:</source>
        <translation>店铺名称(会印在每份举证材料的封面上):</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/first_run.py" line="19" />
        <source>e.g. 好物旗舰店</source>
        <translation>例如:好物旗舰店</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/first_run.py" line="24" />
        <source>Shop name</source>
        <translation>店铺名称</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/first_run.py" line="25" />
        <source>Usual platform</source>
        <translation>常用平台</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../evidence_app/ui/main_window.py" line="49" />
        <source>Evidence Assistant 举证助手</source>
        <translation>举证助手</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/main_window.py" line="112" />
        <source>New case</source>
        <translation>新建案例</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/main_window.py" line="59" />
        <source>&lt;h2&gt;Welcome to 举证助手&lt;/h2&gt;&lt;p&gt;Collect the proof for a dispute, check it against what the platform's rules require, and export one bundle ready to submit.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;欢迎使用举证助手&lt;/h2&gt;&lt;p&gt;按争议类型收集证据,对照平台规则检查是否齐全,一键导出可直接提交的举证材料。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/main_window.py" line="63" />
        <source>Open the sample case (示例案例)</source>
        <translation>打开示例案例</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/main_window.py" line="64" />
        <source>Create a new case</source>
        <translation>新建案例</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/main_window.py" line="335" />
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/main_window.py" line="113" />
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/main_window.py" line="134" />
        <source>Paste screenshot</source>
        <translation>粘贴截图</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/main_window.py" line="115" />
        <source>Export bundle…</source>
        <translation>导出举证材料…</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/main_window.py" line="101" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/main_window.py" line="111" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/main_window.py" line="118" />
        <source>Import case archive (.evpack)…</source>
        <translation>导入案例包(.evpack)…</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/main_window.py" line="120" />
        <source>Save case archive (.evpack)…</source>
        <translation>保存案例包(.evpack)…</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/main_window.py" line="123" />
        <source>Move case to trash</source>
        <translation>将案例移到回收站</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/main_window.py" line="125" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/main_window.py" line="126" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/main_window.py" line="127" />
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/main_window.py" line="129" />
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/main_window.py" line="136" />
        <source>Find case</source>
        <translation>查找案例</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/main_window.py" line="137" />
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/main_window.py" line="138" />
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/main_window.py" line="139" />
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/main_window.py" line="140" />
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/main_window.py" line="141" />
        <source>Trash</source>
        <translation>回收站</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/main_window.py" line="142" />
        <source>Views</source>
        <translation>视图</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/main_window.py" line="151" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/main_window.py" line="152" />
        <source>Create the sample case</source>
        <translation>创建示例案例</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/main_window.py" line="153" />
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/main_window.py" line="370" />
        <source>Case moved to the trash (View → Trash brings it back)</source>
        <translation>案例已移到回收站(查看 → 回收站可恢复)</translation>
    </message>
</context>
<context>
    <name>Models</name>
    <message>
        <location filename="../../evidence_app/ui/models.py" />
        <source> (guessed)</source>
        <translation>(推测)</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_list.py" line="26" />
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_list.py" line="27" />
        <source>Ready</source>
        <translation>待提交</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_list.py" line="28" />
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_list.py" line="29" />
        <source>Won</source>
        <translation>胜诉</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_list.py" line="30" />
        <source>Lost</source>
        <translation>败诉</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_list.py" line="235" />
        <source>Deadline</source>
        <translation>截止</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_list.py" line="235" />
        <source>Case</source>
        <translation>案例</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_list.py" line="236" />
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_list.py" line="237" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_list.py" line="249" />
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_list.py" line="251" />
        <source>%1 · %2 h left</source>
        <translation>%1 · 剩 %2 小时</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/case_list.py" line="268" />
        <source>Sample</source>
        <translation>示例</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/models.py" line="77" />
        <source>Exhibit %1</source>
        <translation>证据 %1</translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <location filename="../../evidence_app/ui/dialogs.py" line="29" />
        <source>New case</source>
        <translation>新建案例</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/dialogs.py" line="33" />
        <source>What is the dispute about?</source>
        <translation>争议类型是什么?</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/dialogs.py" line="55" />
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/dialogs.py" line="56" />
        <source>Order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/dialogs.py" line="57" />
        <source>Refund number</source>
        <translation>退款编号</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/dialogs.py" line="58" />
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/dialogs.py" line="59" />
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
        <location filename="../../evidence_app/ui/dialogs.py" line="94" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/dialogs.py" line="112" />
        <source>PDF for printing</source>
        <translation>打印版 PDF</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/dialogs.py" line="112" />
        <source>Compact PDF</source>
        <translation>压缩版 PDF</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/dialogs.py" line="113" />
        <source>Upload images</source>
        <translation>上传图片</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/dialogs.py" line="117" />
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/dialogs.py" line="122" />
        <source>Shop name</source>
        <translation>店铺名称</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/dialogs.py" line="123" />
        <source>Default platform</source>
        <translation>默认平台</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/dialogs.py" line="124" />
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/dialogs.py" line="125" />
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/dialogs.py" line="126" />
        <source>Default export</source>
        <translation>默认导出方式</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/dialogs.py" line="127" />
        <location filename="../../evidence_app/ui/dialogs.py" line="132" />
        <source>Library folder</source>
        <translation>证据库文件夹</translation>
    </message>
</context>
<context>
    <name>StatsView</name>
    <message>
        <location filename="../../evidence_app/ui/stats_view.py" line="27" />
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/stats_view.py" line="33" />
        <source>By dispute</source>
        <translation>按争议类型</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/stats_view.py" line="33" />
        <source>By platform</source>
        <translation>按平台</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/stats_view.py" line="34" />
        <source>By month</source>
        <translation>按月份</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/stats_view.py" line="34" />
        <source>Missing at submission</source>
        <translation>提交时缺少的材料</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/stats_view.py" line="41" />
        <source>Win rate: won ÷ (won + lost). Time to submit: from the platform's request (or the case's creation) to the first submission. The sample case is not counted.</source>
        <translation>胜诉率 = 胜诉 ÷(胜诉 + 败诉)。提交用时:从平台要求举证(没有时从建立案例)到第一次提交。示例案例不计入。</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/stats_view.py" line="55" />
        <source>%1 cases · %2 submitted · win rate %3</source>
        <translation>%1 个案例 · 已提交 %2 · 胜诉率 %3</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/stats_view.py" line="57" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/stats_view.py" line="57" />
        <source>Cases</source>
        <translation>案例数</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/stats_view.py" line="57" />
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/stats_view.py" line="57" />
        <source>Won</source>
        <translation>胜诉</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/stats_view.py" line="57" />
        <source>Lost</source>
        <translation>败诉</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/stats_view.py" line="58" />
        <source>Win rate</source>
        <translation>胜诉率</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/stats_view.py" line="58" />
        <source>Median hours to submit</source>
        <translation>提交用时中位数(小时)</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/stats_view.py" line="62" />
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/stats_view.py" line="62" />
        <source>Times missing</source>
        <translation>缺少次数</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/stats_view.py" line="62" />
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/stats_view.py" line="88" />
        <source>Export statistics</source>
        <translation>导出统计</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/stats_view.py" line="89" />
        <source>CSV table</source>
        <translation>CSV 表格</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/stats_view.py" line="96" />
        <source>Could not save %1: %2</source>
        <translation>无法保存 %1:%2</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/stats_view.py" line="99" />
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
</context>
<context>
    <name>TodayView</name>
    <message>
        <location filename="../../evidence_app/ui/today_view.py" line="30" />
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/today_view.py" line="30" />
        <source>Due within 24 h</source>
        <translation>24 小时内截止</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/today_view.py" line="31" />
        <source>Waiting for the buyer</source>
        <translation>等待买家 / 平台尚未要求举证</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/today_view.py" line="31" />
        <source>Recently submitted</source>
        <translation>最近提交</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/today_view.py" line="87" />
        <source>Nothing here</source>
        <translation>暂无</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/today_view.py" line="90" />
        <source>Today: %1 case(s) need evidence now</source>
        <translation>今日:%1 个案例需要尽快举证</translation>
    </message>
</context>
<context>
    <name>TrashView</name>
    <message>
        <location filename="../../evidence_app/ui/trash_view.py" line="29" />
        <source>Cases</source>
        <translation>案例数</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/trash_view.py" line="29" />
        <source>Evidence items</source>
        <translation>证据文件</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/trash_view.py" line="36" />
        <source>Restore selected</source>
        <translation>恢复所选</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/trash_view.py" line="37" />
        <source>Empty trash…</source>
        <translation>清空回收站…</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/trash_view.py" line="58" />
        <source>case %1</source>
        <translation>案例 %1</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/trash_view.py" line="62" />
        <source>Trash: %1 case(s), %2 item(s)</source>
        <translation>回收站:%1 个案例,%2 份证据</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/trash_view.py" line="87" />
        <source>Empty trash</source>
        <translation>清空回收站</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/trash_view.py" line="88" />
        <source>Delete everything in the trash for good? This cannot be undone.</source>
        <translation>彻底删除回收站里的全部内容?此操作无法撤销。</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/trash_view.py" line="94" />
        <source>Trash emptied (%1 deleted)</source>
        <translation>回收站已清空(删除 %1 项)</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <location filename="../../evidence_app/ui/window_actions.py" line="42" />
        <source>Case archive</source>
        <translation>案例包</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/window_actions.py" line="45" />
        <source>Import case archive</source>
        <translation>导入案例包</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/window_actions.py" line="56" />
        <source>Import refused: %1</source>
        <translation>导入被拒绝:%1</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/window_actions.py" line="67" />
        <source>Save case archive</source>
        <translation>保存案例包</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/window_actions.py" line="76" />
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/window_actions.py" line="90" />
        <source>Library folder</source>
        <translation>证据库文件夹</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/window_actions.py" line="91" />
        <source>The new library folder is used from the next start.</source>
        <translation>新的证据库文件夹将在下次启动时生效。</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/window_actions.py" line="101" />
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/window_actions.py" line="102" />
        <source>Library: %1</source>
        <translation>证据库:%1</translation>
    </message>
</context>
<context>
    <name>SuggestionsPanel</name>
    <message>
        <location filename="../../evidence_app/ui/suggestions_panel.py" line="0" />
        <source>Suggested redactions</source>
        <translation>建议涂黑</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/suggestions_panel.py" line="0" />
        <source>Apply suggestion</source>
        <translation>应用建议</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/suggestions_panel.py" line="0" />
        <source>Apply all suggestions</source>
        <translation>全部应用</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/suggestions_panel.py" line="0" />
        <source>Phone number</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/suggestions_panel.py" line="0" />
        <source>ID card number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/suggestions_panel.py" line="0" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/suggestions_panel.py" line="0" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/suggestions_panel.py" line="0" />
        <source>Dashed boxes: click one to black it out, or apply them all. Applied boxes are ordinary redactions; Ctrl+Z undoes.</source>
        <translation>虚线框为建议涂黑的内容:点击单个框即可涂黑,或全部应用。应用后即为普通涂黑,Ctrl+Z 可撤销。</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/suggestions_panel.py" line="0" />
        <source>Reading is off in this installation: no suggestions.</source>
        <translation>本机未安装文字识别,无法给出建议。</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/suggestions_panel.py" line="0" />
        <source>Not read yet: suggestions appear once the picture has been read.</source>
        <translation>尚未识别完成:识别后会在此给出建议。</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/suggestions_panel.py" line="0" />
        <source>Nothing more to black out was found.</source>
        <translation>未发现需要涂黑的其他内容。</translation>
    </message>
</context>
<context>
    <name>VideoPanel</name>
    <message>
        <location filename="../../evidence_app/ui/video_panel.py" line="1" />
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/video_panel.py" line="1" />
        <source>Mark key frame (K)</source>
        <translation>标记关键帧 (K)</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/video_panel.py" line="1" />
        <source>Caption of the selected key frame, e.g. 3 items before sealing</source>
        <translation>所选关键帧的说明,如:封箱前 3 件商品</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/video_panel.py" line="1" />
        <source>Remove key frame</source>
        <translation>删除关键帧</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/video_panel.py" line="1" />
        <source>Clear key frames</source>
        <translation>清除关键帧</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/video_panel.py" line="1" />
        <source>Suggest key frames</source>
        <translation>自动选取关键帧</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/video_panel.py" line="1" />
        <source>Key frames:</source>
        <translation>关键帧:</translation>
    </message>
</context>
<context>
    <name>ReadingStatus</name>
    <message>
        <location filename="../../evidence_app/ui/reading_status.py" />
        <source>Reading is off</source>
        <translation>识别未开启</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/reading_status.py" />
        <source>Text and barcode reading is not installed: kinds are guessed from file names only, and search covers typed fields only.</source>
        <translation>未安装文字和条码识别:证据类型只按文件名推测,搜索只查填写的字段。</translation>
    </message>
    <message>
        <location filename="../../evidence_app/ui/reading_status.py" />
        <source>Reading %1/%2</source>
        <translation>正在识别 %1/%2</translation>
    </message>
</context>
</TS>