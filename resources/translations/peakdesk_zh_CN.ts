<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
        <location filename="../../desktop_app/ui/main_window.py" line="204"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="205"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="206"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="207"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="208"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="209"/>
        <source>&amp;Open Database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="210"/>
        <source>&amp;Back Up Database</source>
        <translation>备份数据库(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="211"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="212"/>
        <source>&amp;Find Task</source>
        <translation>查找任务(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="213"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="214"/>
        <source>&amp;Reload</source>
        <translation>重新加载(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="215"/>
        <source>&amp;About PeakDesk</source>
        <translation>关于 PeakDesk(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="216"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="217"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="244"/>
        <source>no database</source>
        <translation>未打开数据库</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="253"/>
        <source>Demo data: every figure is computed as if today were %1. Open your own database with File → Open Database.</source>
        <translation>演示数据：所有数字均按“今天”为 %1 计算。请通过“文件 → 打开数据库”打开您自己的数据库。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="257"/>
        <source>No database open</source>
        <translation>未打开数据库</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="260"/>
        <source>%1 tasks</source>
        <translation>%1 项任务</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="270"/>
        <location filename="../../desktop_app/ui/main_window.py" line="299"/>
        <source>Open Database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="281"/>
        <source>Opened %1</source>
        <translation>已打开 %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="300"/>
        <source>PeakDesk databases (*.sqlite *.db);;All files (*)</source>
        <translation>PeakDesk 数据库 (*.sqlite *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="318"/>
        <source>Backed up to %1</source>
        <translation>已备份到 %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="320"/>
        <source>Back Up Database</source>
        <translation>备份数据库</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="336"/>
        <source>About PeakDesk</source>
        <translation>关于 PeakDesk</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="337"/>
        <source>&lt;h3&gt;PeakDesk %1&lt;/h3&gt;&lt;p&gt;Carbon-peak plan task desk: task ledger, monthly reporting, quarterly early warnings, annual assessment and printed reports.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;PeakDesk %1&lt;/h3&gt;&lt;p&gt;碳达峰任务调度考核台：任务台账、月度调度、季度预警、年度考核和打印报告。&lt;/p&gt;</translation>
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
