<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BureauModel</name>
    <message>
        <location filename="../../desktop_app/ui/bureau_window.py" line="63"/>
        <source>Code</source>
        <translation>任务编号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bureau_window.py" line="63"/>
        <source>Task</source>
        <translation>任务名称</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bureau_window.py" line="63"/>
        <source>Role</source>
        <translation>责任角色</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bureau_window.py" line="64"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bureau_window.py" line="64"/>
        <source>Last period</source>
        <translation>上期填报</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bureau_window.py" line="65"/>
        <source>Status</source>
        <translation>推进状态</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bureau_window.py" line="65"/>
        <source>Percent done</source>
        <translation>完成进度(%)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bureau_window.py" line="66"/>
        <source>Indicator value</source>
        <translation>指标值</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bureau_window.py" line="66"/>
        <source>Progress</source>
        <translation>进展情况</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bureau_window.py" line="67"/>
        <source>Problems</source>
        <translation>存在问题</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bureau_window.py" line="67"/>
        <source>Next steps</source>
        <translation>下步计划</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bureau_window.py" line="68"/>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bureau_window.py" line="68"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
</context>
<context>
    <name>BureauWindow</name>
    <message>
        <location filename="../../desktop_app/ui/bureau_window.py" line="430"/>
        <source>Entry not accepted:</source>
        <translation>填写内容未被接受：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bureau_window.py" line="439"/>
        <source>Saved automatically at %1</source>
        <translation>已于 %1 自动保存</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bureau_window.py" line="442"/>
        <source>Changes are saved automatically</source>
        <translation>修改会自动保存</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bureau_window.py" line="448"/>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bureau_window.py" line="451"/>
        <source>Still to do before export:</source>
        <translation>导出前还需完成：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bureau_window.py" line="453"/>
        <source>Everything is filled in. Export the workbook and send it back.</source>
        <translation>已全部填写。请导出工作簿并报送回去。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bureau_window.py" line="465"/>
        <location filename="../../desktop_app/ui/bureau_window.py" line="482"/>
        <source>Export Filled Workbook</source>
        <translation>导出已填报工作簿</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bureau_window.py" line="466"/>
        <location filename="../../desktop_app/ui/bureau_window.py" line="540"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bureau_window.py" line="477"/>
        <source>Choose a new file name: the issued workbook is kept as it is.</source>
        <translation>请另取文件名：下发的原工作簿保持不变。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bureau_window.py" line="484"/>
        <source>Exported to %1. Send this file back to the coordinator.</source>
        <translation>已导出到 %1。请将此文件报送给牵头部门。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bureau_window.py" line="492"/>
        <source>%1 — %2 — PeakDesk department workbook</source>
        <translation>%1 — %2 — PeakDesk 单位填报工作簿</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/ui/bureau_window.py" line="494"/>
        <source>%1 · %2 · period %3 · due %4 · %n task(s)</source>
        <translation>
            <numerusform>%1 · %2 · 报送期 %3 · 截止 %4 · 共 %n 项任务</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bureau_window.py" line="499"/>
        <source>Your unfinished entries from last time were restored.</source>
        <translation>已恢复您上次未完成的填写内容。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bureau_window.py" line="501"/>
        <source>Some cells in the workbook could not be read and were left empty:</source>
        <translation>工作簿中有些单元格无法读取，已留空：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bureau_window.py" line="505"/>
        <source>&amp;Form</source>
        <translation>表单(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bureau_window.py" line="506"/>
        <source>&amp;Table</source>
        <translation>表格(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bureau_window.py" line="507"/>
        <source>Task (set by the coordinator)</source>
        <translation>任务（由牵头部门设定）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bureau_window.py" line="508"/>
        <source>Your report</source>
        <translation>本单位填报</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bureau_window.py" line="516"/>
        <source>A number from 0 to 100, e.g. 85 or 85%</source>
        <translation>0 到 100 之间的数字，例如 85 或 85%</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bureau_window.py" line="517"/>
        <source>A number only; put units and words in the progress text</source>
        <translation>只填数字；单位和文字说明请写在进展情况中</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bureau_window.py" line="518"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bureau_window.py" line="519"/>
        <source>&amp;Export for Return…</source>
        <translation>导出报送(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bureau_window.py" line="520"/>
        <source>&amp;Check Entries</source>
        <translation>检查填写(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bureau_window.py" line="521"/>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bureau_window.py" line="539"/>
        <location filename="../../desktop_app/ui/bureau_window.py" line="549"/>
        <source>Open Department Workbook</source>
        <translation>打开单位填报工作簿</translation>
    </message>
</context>
<context>
    <name>ComingPage</name>
    <message>
        <location filename="../../desktop_app/ui/pages.py" line="98"/>
        <source>This view is coming in a later version.</source>
        <translation>此视图将在后续版本中提供。</translation>
    </message>
</context>
<context>
    <name>DepartmentsModel</name>
    <message>
        <location filename="../../desktop_app/ui/models/departments_model.py" line="42"/>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/models/departments_model.py" line="43"/>
        <source>Chinese name</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/models/departments_model.py" line="44"/>
        <source>English name</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/models/departments_model.py" line="45"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/models/departments_model.py" line="46"/>
        <source>Aliases</source>
        <translation>别名</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/models/departments_model.py" line="47"/>
        <source>Members</source>
        <translation>成员单位</translation>
    </message>
</context>
<context>
    <name>DepartmentsPage</name>
    <message>
        <location filename="../../desktop_app/ui/departments_view.py" line="83"/>
        <source>%1 units</source>
        <translation>%1 个单位</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/departments_view.py" line="89"/>
        <source>&amp;Filter:</source>
        <translation>筛选(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/departments_view.py" line="90"/>
        <source>Name, alias or code…</source>
        <translation>名称、别名或代码…</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="77"/>
        <source>No responsible unit</source>
        <translation>没有责任单位</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="80"/>
        <source>Unknown unit “%1”: a new department marked “to check” will be created</source>
        <translation>未知单位“%1”：将新建单位并标记为“待核实”</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="84"/>
        <source>Number without unit: %1</source>
        <translation>数字缺少单位：%1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="279"/>
        <source>Plan Document</source>
        <translation>方案文件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="280"/>
        <source>Plan documents (*.txt *.md *.docx *.xlsx);;All files (*)</source>
        <translation>方案文件 (*.txt *.md *.docx *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="287"/>
        <source>A new plan (or an update of the plan it was imported into)</source>
        <translation>新方案（或更新此前导入的方案）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="289"/>
        <source>English translation of plan %1: %2</source>
        <translation>方案 %1 的英文译本：%2</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="310"/>
        <source>Reading the plan</source>
        <translation>正在读取方案</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="354"/>
        <source>This document is committed as the English translation of plan %1: %2 of its tasks are matched by structure.</source>
        <translation>本文件将作为方案 %1 的英文译本提交：按结构对应上 %2 项任务。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="360"/>
        <source>the same file</source>
        <translation>同一文件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="360"/>
        <source>a file of the same name</source>
        <translation>同名文件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="362"/>
        <source>Nothing changed since then.</source>
        <translation>此后没有变化。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="364"/>
        <source>%1 task(s) added, %2 changed, %3 removed.</source>
        <translation>新增 %1 项任务，修改 %2 项，删除 %3 项。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="368"/>
        <source>Plan %1 was imported from %2 before. Committing updates that plan (its progress is kept): %3</source>
        <translation>方案 %1 此前已从%2导入。提交将更新该方案（保留已填报的进展）：%3</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="371"/>
        <source>added</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="371"/>
        <source>changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="371"/>
        <source>removed</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="372"/>
        <source>no longer in the file, kept because it has progress</source>
        <translation>文件中已没有，因已有进展而保留</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="420"/>
        <source>%1: %2 sections, %3 tasks, %4 plan objectives; %5 task(s) need a look (highlighted).</source>
        <translation>%1：%2 个部分，%3 项任务，%4 项方案目标；%5 项任务需要核对（已高亮）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="614"/>
        <source>“%1” is not a valid %2.</source>
        <translation>“%1”不是有效的%2。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="667"/>
        <source>Click in the task text where the second task begins, then Split.</source>
        <translation>请在任务正文中点击第二项任务开始的位置，再点“拆分”。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="693"/>
        <source>Committing the plan</source>
        <translation>正在提交方案</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="710"/>
        <source>&amp;Commit</source>
        <translation>提交(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="710"/>
        <source>&amp;Preview</source>
        <translation>预览(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="719"/>
        <source>Import a Plan</source>
        <translation>导入方案</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="720"/>
        <source>Plan &amp;document:</source>
        <translation>方案文件(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="721"/>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="722"/>
        <source>Import &amp;as:</source>
        <translation>导入为(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="727"/>
        <source>Plain text (UTF-8 or GBK), Word .docx or a task-division table in .xlsx. Nothing is written until you have reviewed what was recognised and pressed Commit.</source>
        <translation>支持纯文本（UTF-8 或 GBK）、Word .docx 或 .xlsx 任务分工表。在您核对识别结果并点击“提交”之前，不会写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="729"/>
        <source>Import as a new plan instead of updating</source>
        <translation>作为新方案导入，而不是更新</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="730"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="730"/>
        <source>Section / task</source>
        <translation>部分 / 任务</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="730"/>
        <source>Lead unit</source>
        <translation>牵头单位</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="731"/>
        <source>Cooperating units</source>
        <translation>配合单位</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="731"/>
        <source>Targets</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="732"/>
        <source>Make &amp;Section</source>
        <translation>改为标题(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="733"/>
        <source>This line is a heading, not a task</source>
        <translation>这一行是标题，不是任务</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="734"/>
        <source>Make &amp;Task</source>
        <translation>改为任务(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="735"/>
        <source>This heading is really a task</source>
        <translation>这个标题其实是一项任务</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="736"/>
        <source>&amp;Merge with Next</source>
        <translation>与下一项合并(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="737"/>
        <source>S&amp;plit at Cursor</source>
        <translation>在光标处拆分(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="738"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="739"/>
        <source>Selected task</source>
        <translation>所选任务</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="740"/>
        <source>Text:</source>
        <translation>正文：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="741"/>
        <source>&amp;Lead unit:</source>
        <translation>牵头单位(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="742"/>
        <source>Cooperating:</source>
        <translation>配合单位：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="743"/>
        <source>Targets:</source>
        <translation>目标：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="744"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="745"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="746"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="746"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="746"/>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="747"/>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="747"/>
        <source>Source text</source>
        <translation>原文</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="748"/>
        <source>Warnings from reading the document:</source>
        <translation>读取文件时的提示：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="749"/>
        <source>&lt; &amp;Back</source>
        <translation>&lt; 上一步(&amp;B)</translation>
    </message>
</context>
<context>
    <name>IssueDialog</name>
    <message>
        <location filename="../../desktop_app/ui/issue_dialog.py" line="208"/>
        <source>%1 of %2 departments</source>
        <translation>已选 %1 / %2 个单位</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/issue_dialog.py" line="213"/>
        <source>Folder for the workbooks</source>
        <translation>工作簿保存文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/issue_dialog.py" line="225"/>
        <source>Choose a period, at least one department and a folder.</source>
        <translation>请选择报送期、至少一个单位和保存文件夹。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/issue_dialog.py" line="239"/>
        <location filename="../../desktop_app/ui/issue_dialog.py" line="288"/>
        <source>Issue Workbooks</source>
        <translation>下发工作簿</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/issue_dialog.py" line="245"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/issue_dialog.py" line="257"/>
        <source>Writing the workbook of %1…</source>
        <translation>正在生成%1的工作簿…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/ui/issue_dialog.py" line="276"/>
        <source>Cancelled: %n workbook(s) were written before you cancelled.</source>
        <translation>
            <numerusform>已取消：取消前已生成 %n 个工作簿。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/ui/issue_dialog.py" line="278"/>
        <source>%n workbook(s) written to %1.</source>
        <translation>
            <numerusform>已生成 %n 个工作簿，保存在 %1。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/issue_dialog.py" line="294"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/issue_dialog.py" line="302"/>
        <source>Issue Department Workbooks</source>
        <translation>下发单位填报工作簿</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/issue_dialog.py" line="303"/>
        <source>&amp;Period:</source>
        <translation>报送期(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/issue_dialog.py" line="305"/>
        <source>&amp;Folder:</source>
        <translation>文件夹(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/issue_dialog.py" line="307"/>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/issue_dialog.py" line="308"/>
        <source>Filter departments</source>
        <translation>筛选单位</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/issue_dialog.py" line="309"/>
        <source>Departments (tasks held)</source>
        <translation>单位（承担任务数）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/issue_dialog.py" line="310"/>
        <source>Check &amp;all</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/issue_dialog.py" line="311"/>
        <source>Check &amp;none</source>
        <translation>全不选(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/issue_dialog.py" line="312"/>
        <source>Workbooks written</source>
        <translation>已生成的工作簿</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/issue_dialog.py" line="313"/>
        <source>Department</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/issue_dialog.py" line="313"/>
        <source>Tasks</source>
        <translation>任务数</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/issue_dialog.py" line="313"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/issue_dialog.py" line="314"/>
        <source>&amp;Issue</source>
        <translation>下发(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/issue_dialog.py" line="315"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/issue_dialog.py" line="316"/>
        <source>&amp;Open Folder</source>
        <translation>打开文件夹(&amp;O)</translation>
    </message>
</context>
<context>
    <name>LedgerModel</name>
    <message>
        <location filename="../../desktop_app/ui/models/ledger_model.py" line="71"/>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/models/ledger_model.py" line="72"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/models/ledger_model.py" line="73"/>
        <source>Lead unit</source>
        <translation>牵头单位</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/models/ledger_model.py" line="74"/>
        <source>Cooperating units</source>
        <translation>配合单位</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/models/ledger_model.py" line="75"/>
        <source>Target</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/models/ledger_model.py" line="76"/>
        <source>Due date</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/models/ledger_model.py" line="77"/>
        <source>Latest status</source>
        <translation>最新状态</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/models/ledger_model.py" line="78"/>
        <source>Percent</source>
        <translation>进度</translation>
    </message>
</context>
<context>
    <name>LedgerPage</name>
    <message>
        <location filename="../../desktop_app/ui/ledger_view.py" line="191"/>
        <source>All units</source>
        <translation>全部单位</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/ledger_view.py" line="192"/>
        <source>All sections</source>
        <translation>全部章节</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/ledger_view.py" line="193"/>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/ledger_view.py" line="207"/>
        <source>No report yet</source>
        <translation>尚未报送</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/ledger_view.py" line="235"/>
        <source>%1 of %2 tasks</source>
        <translation>%1 / %2 项任务</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/ledger_view.py" line="323"/>
        <source>Select a task to see its full text, targets and units.</source>
        <translation>选择一项任务，查看其全文、指标和责任单位。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/ledger_view.py" line="338"/>
        <source>Lead unit</source>
        <translation>牵头单位</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/ledger_view.py" line="338"/>
        <location filename="../../desktop_app/ui/ledger_view.py" line="339"/>
        <location filename="../../desktop_app/ui/ledger_view.py" line="340"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/ledger_view.py" line="339"/>
        <source>Cooperating units</source>
        <translation>配合单位</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/ledger_view.py" line="340"/>
        <source>Due date</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/ledger_view.py" line="344"/>
        <source>Latest status</source>
        <translation>最新状态</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/ledger_view.py" line="349"/>
        <source>Targets</source>
        <translation>量化指标</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/ledger_view.py" line="349"/>
        <source>No quantitative target.</source>
        <translation>无量化指标。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/ledger_view.py" line="349"/>
        <source>Full text</source>
        <translation>任务全文</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/ledger_view.py" line="387"/>
        <source>Code, title or text…</source>
        <translation>编号、标题或正文…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/ledger_view.py" line="388"/>
        <source>&amp;Search:</source>
        <translation>搜索(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/ledger_view.py" line="389"/>
        <source>&amp;Unit:</source>
        <translation>单位(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/ledger_view.py" line="390"/>
        <source>S&amp;ection:</source>
        <translation>章节(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/ledger_view.py" line="391"/>
        <source>S&amp;tatus:</source>
        <translation>状态(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/ledger_view.py" line="392"/>
        <source>&amp;Group by section</source>
        <translation>按章节分组(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/ledger_view.py" line="393"/>
        <source>&amp;Edit Task…</source>
        <translation>编辑任务(&amp;E)…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="216"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="217"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="218"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="219"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="220"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="221"/>
        <source>&amp;Open Database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="222"/>
        <source>&amp;Back Up Database</source>
        <translation>备份数据库(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="223"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="224"/>
        <source>&amp;Find Task</source>
        <translation>查找任务(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="225"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="226"/>
        <source>&amp;Reload</source>
        <translation>重新加载(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="227"/>
        <source>&amp;About PeakDesk</source>
        <translation>关于 PeakDesk(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="228"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="229"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="230"/>
        <source>&amp;Import Plan…</source>
        <translation>导入方案(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="231"/>
        <source>&amp;Issue Workbooks…</source>
        <translation>下发工作簿(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="232"/>
        <source>&amp;Merge Returned Workbooks…</source>
        <translation>汇总报送工作簿(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="233"/>
        <source>Open &amp;Department Workbook…</source>
        <translation>打开单位填报工作簿(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="260"/>
        <source>no database</source>
        <translation>未打开数据库</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="269"/>
        <source>Demo data: every figure is computed as if today were %1. Open your own database with File → Open Database.</source>
        <translation>演示数据：所有数字均按今天是 %1 计算。请通过“文件 → 打开数据库”打开您自己的数据库。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="273"/>
        <source>No database open</source>
        <translation>未打开数据库</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="276"/>
        <source>%1 tasks</source>
        <translation>%1 项任务</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="286"/>
        <location filename="../../desktop_app/ui/main_window.py" line="315"/>
        <source>Open Database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="297"/>
        <source>Opened %1</source>
        <translation>已打开 %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="316"/>
        <source>PeakDesk databases (*.sqlite *.db);;All files (*)</source>
        <translation>PeakDesk 数据库 (*.sqlite *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="334"/>
        <source>Backed up to %1</source>
        <translation>已备份到 %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="336"/>
        <source>Back Up Database</source>
        <translation>备份数据库</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="403"/>
        <source>About PeakDesk</source>
        <translation>关于 PeakDesk</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="404"/>
        <source>&lt;h3&gt;PeakDesk %1&lt;/h3&gt;&lt;p&gt;Carbon-peak plan task desk: task ledger, monthly reporting, quarterly early warnings, annual assessment and printed reports.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;PeakDesk %1&lt;/h3&gt;&lt;p&gt;碳达峰任务调度考核台：任务台账、月度调度、季度预警、年度考核和打印报告。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="182"/>
        <source>Returned workbooks</source>
        <translation>报送回来的工作簿</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="183"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="189"/>
        <source>Folder of returned workbooks</source>
        <translation>报送工作簿所在文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="232"/>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="326"/>
        <source>Merge Workbooks</source>
        <translation>汇总工作簿</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="238"/>
        <source>Cancelling after the current file…</source>
        <translation>当前文件处理完后取消…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="254"/>
        <source>Checking %1…</source>
        <translation>正在检查 %1…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="258"/>
        <source>Would be accepted</source>
        <translation>可接收</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="258"/>
        <source>Accepted</source>
        <translation>已接收</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="260"/>
        <source>Duplicate (already merged)</source>
        <translation>重复（已汇总过）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="261"/>
        <source>Rejected</source>
        <translation>已退回</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="290"/>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="347"/>
        <source>Late</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="294"/>
        <source>%1 accepted, %2 duplicate, %3 rejected.</source>
        <translation>接收 %1 个，重复 %2 个，退回 %3 个。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="296"/>
        <source>Check only, nothing was written: %1 would be accepted, %2 duplicate, %3 rejected.</source>
        <translation>仅检查，未写入任何内容：可接收 %1 个，重复 %2 个，退回 %3 个。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="300"/>
        <source>No .xlsx workbooks were found in what you chose.</source>
        <translation>所选内容中没有找到 .xlsx 工作簿。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="302"/>
        <source>Cancelled: the remaining files were not merged.</source>
        <translation>已取消：其余文件未汇总。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="312"/>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="349"/>
        <source>Errors of the selected file</source>
        <translation>所选文件的错误</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="315"/>
        <source>Errors in %1</source>
        <translation>%1 中的错误</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="332"/>
        <source>Cancelled. Files merged before you cancelled stay merged; the file being merged was not.</source>
        <translation>已取消。取消前已汇总的文件保持不变；正在处理的文件未汇总。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="338"/>
        <source>Merge Returned Workbooks</source>
        <translation>汇总报送工作簿</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="339"/>
        <source>Workbooks and folders to merge</source>
        <translation>要汇总的工作簿和文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="340"/>
        <source>Add &amp;Files…</source>
        <translation>添加文件(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="341"/>
        <source>Add F&amp;older…</source>
        <translation>添加文件夹(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="342"/>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="343"/>
        <source>&amp;Check only (write nothing)</source>
        <translation>仅检查，不写入(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="344"/>
        <source>You can also drop workbooks or folders here. Folders are searched for .xlsx files, including sub-folders. Each file is merged whole or not at all.</source>
        <translation>也可以把工作簿或文件夹拖放到这里。会在文件夹（含子文件夹）中查找 .xlsx 文件。每个文件要么整体汇总，要么整体不汇总。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="346"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="346"/>
        <source>Status</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="346"/>
        <source>Department</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="347"/>
        <source>Period</source>
        <translation>报送期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="347"/>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="348"/>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="348"/>
        <source>Cell</source>
        <translation>单元格</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="348"/>
        <source>Message</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="350"/>
        <source>&amp;Merge</source>
        <translation>汇总(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="351"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>Op</name>
    <message>
        <location filename="../../desktop_app/ui/ops.py" line="98"/>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/ops.py" line="164"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/ops.py" line="247"/>
        <source>PeakDesk ran into an unexpected error. Please send the details below to support.</source>
        <translation>PeakDesk 遇到意外错误。请将下面的详细信息发送给技术支持。</translation>
    </message>
</context>
<context>
    <name>PeriodCombo</name>
    <message>
        <location filename="../../desktop_app/ui/cycle_widgets.py" line="127"/>
        <source> (closed)</source>
        <translation>（已关闭）</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="15"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="18"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="24"/>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="25"/>
        <source>The new language is applied at once.</source>
        <translation>新语言立即生效。</translation>
    </message>
</context>
<context>
    <name>SubmissionMatrixModel</name>
    <message>
        <location filename="../../desktop_app/ui/submissions_view.py" line="61"/>
        <source>On time</source>
        <translation>按时</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/submissions_view.py" line="62"/>
        <source>Late</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/submissions_view.py" line="63"/>
        <source>Missing</source>
        <translation>未报</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/submissions_view.py" line="64"/>
        <source>Not due yet</source>
        <translation>未到期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/submissions_view.py" line="127"/>
        <source>Received %1</source>
        <translation>收到时间 %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/submissions_view.py" line="128"/>
        <source>Due %1</source>
        <translation>截止 %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/submissions_view.py" line="130"/>
        <source>Contact: %1</source>
        <translation>联系人：%1</translation>
    </message>
</context>
<context>
    <name>SubmissionsPage</name>
    <message>
        <location filename="../../desktop_app/ui/submissions_view.py" line="265"/>
        <source>%1: %2 of %3 departments reported (%4 on time, %5 late), %6 missing.</source>
        <translation>%1：%3 个单位中已报送 %2 个（按时 %4 个，逾期 %5 个），未报 %6 个。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/submissions_view.py" line="315"/>
        <source>reminders-%1.xlsx</source>
        <translation>催报名单-%1.xlsx</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/submissions_view.py" line="316"/>
        <location filename="../../desktop_app/ui/submissions_view.py" line="332"/>
        <source>Export Reminder List</source>
        <translation>导出催报名单</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/submissions_view.py" line="317"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/ui/submissions_view.py" line="334"/>
        <source>%n missing department(s) written to %1.</source>
        <translation>
            <numerusform>已将 %n 个未报单位写入 %1。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/submissions_view.py" line="341"/>
        <source>&amp;Issue Workbooks…</source>
        <translation>下发工作簿(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/submissions_view.py" line="342"/>
        <source>&amp;Merge Returned Workbooks…</source>
        <translation>汇总报送工作簿(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/submissions_view.py" line="343"/>
        <source>&amp;Period:</source>
        <translation>报送期(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/submissions_view.py" line="344"/>
        <source>Export &amp;Reminder List…</source>
        <translation>导出催报名单(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/submissions_view.py" line="345"/>
        <source>Green: on time (date received) · yellow: late · red: missing after the due date · grey: not due yet. Click a cell to choose its period.</source>
        <translation>绿色：按时（显示收到日期）· 黄色：逾期 · 红色：过截止日仍未报 · 灰色：未到期。点击单元格可选择该报送期。</translation>
    </message>
</context>
<context>
    <name>TaskEdit</name>
    <message>
        <location filename="../../desktop_app/ui/task_edit.py" line="82"/>
        <source>Rename task %1</source>
        <translation>重命名任务 %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/task_edit.py" line="84"/>
        <source>Change due date of task %1</source>
        <translation>修改任务 %1 的完成时限</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/task_edit.py" line="85"/>
        <source>Edit task %1</source>
        <translation>编辑任务 %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/task_edit.py" line="125"/>
        <source>at least</source>
        <translation>不低于</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/task_edit.py" line="126"/>
        <source>at most</source>
        <translation>不高于</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/task_edit.py" line="127"/>
        <source>reduce by</source>
        <translation>降低</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/task_edit.py" line="128"/>
        <source>increase by</source>
        <translation>提高</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/task_edit.py" line="129"/>
        <source>about</source>
        <translation>约</translation>
    </message>
</context>
<context>
    <name>TaskEditDialog</name>
    <message>
        <location filename="../../desktop_app/ui/task_edit.py" line="145"/>
        <source>Edit Task %1</source>
        <translation>编辑任务 %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/task_edit.py" line="156"/>
        <source>Due by</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/task_edit.py" line="171"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/task_edit.py" line="186"/>
        <source>Filter units…</source>
        <translation>筛选单位…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/task_edit.py" line="193"/>
        <source>Metric</source>
        <translation>指标名称</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/task_edit.py" line="193"/>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/task_edit.py" line="193"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/task_edit.py" line="193"/>
        <source>Unit</source>
        <translation>计量单位</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/task_edit.py" line="193"/>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/task_edit.py" line="194"/>
        <source>Source text</source>
        <translation>原文</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/task_edit.py" line="199"/>
        <source>&amp;Add Target</source>
        <translation>添加指标(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/task_edit.py" line="201"/>
        <source>&amp;Remove Target</source>
        <translation>删除指标(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/task_edit.py" line="207"/>
        <source>Title (Chinese):</source>
        <translation>标题（中文）：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/task_edit.py" line="208"/>
        <source>Title (English):</source>
        <translation>标题（英文）：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/task_edit.py" line="213"/>
        <source>Due date:</source>
        <translation>完成时限：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/task_edit.py" line="214"/>
        <source>Text (Chinese):</source>
        <translation>正文（中文）：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/task_edit.py" line="215"/>
        <source>Text (English):</source>
        <translation>正文（英文）：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/task_edit.py" line="216"/>
        <source>&amp;Task</source>
        <translation>任务(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/task_edit.py" line="219"/>
        <source>Lead unit:</source>
        <translation>牵头单位：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/task_edit.py" line="220"/>
        <source>Cooperating units:</source>
        <translation>配合单位：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/task_edit.py" line="222"/>
        <source>&amp;Units</source>
        <translation>责任单位(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/task_edit.py" line="231"/>
        <source>Tar&amp;gets</source>
        <translation>指标(&amp;G)</translation>
    </message>
</context>
<context>
    <name>Views</name>
    <message>
        <location filename="../../desktop_app/ui/pages.py" line="19"/>
        <source>Dashboard</source>
        <translation>总览</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/pages.py" line="20"/>
        <source>Plans</source>
        <translation>方案</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/pages.py" line="21"/>
        <source>Ledger</source>
        <translation>任务台账</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/pages.py" line="22"/>
        <source>Departments</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/pages.py" line="23"/>
        <source>Periods</source>
        <translation>报送周期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/pages.py" line="24"/>
        <source>Submissions</source>
        <translation>报送情况</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/pages.py" line="25"/>
        <source>Warnings</source>
        <translation>预警</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/pages.py" line="26"/>
        <source>Assessment</source>
        <translation>考核</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/pages.py" line="27"/>
        <source>Reports</source>
        <translation>报告</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/pages.py" line="34"/>
        <source>This period&apos;s submissions, red and yellow warnings, progress by section and upcoming due dates.</source>
        <translation>本期报送情况、红黄灯预警、各章节进度和即将到期的任务。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/pages.py" line="36"/>
        <source>Import a plan document, review what was recognised, and commit it.</source>
        <translation>导入方案文件，核对识别结果后入库。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/pages.py" line="37"/>
        <source>Reporting periods, their due dates and the holiday calendar.</source>
        <translation>报送周期、截止日期和节假日日历。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/pages.py" line="38"/>
        <source>Issue department workbooks, merge the returned ones, and see who is missing.</source>
        <translation>下发各单位报送表，合并收回的报送表，查看未报单位。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/pages.py" line="40"/>
        <source>Quarterly early warnings: tasks behind schedule, late or missing reports.</source>
        <translation>季度预警：进度滞后、逾期报送或未报送的任务。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/pages.py" line="41"/>
        <source>Annual assessment: scores, adjustments, grades and ranking.</source>
        <translation>年度考核：得分、加减分、等次和排名。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/pages.py" line="42"/>
        <source>Monthly bulletins, warning circulars and the annual assessment report as PDF.</source>
        <translation>月度调度通报、预警通报和年度考核报告（PDF）。</translation>
    </message>
</context>
</TS>
