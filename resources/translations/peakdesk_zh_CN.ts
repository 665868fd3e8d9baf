<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AssessmentPage</name>
    <message>
        <location filename="../../desktop_app/ui/assessment_view.py" line="200"/>
        <source>evaluation not entered</source>
        <translation>未录入综合评价</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/assessment_view.py" line="201"/>
        <source>lowered by the Excellent cap</source>
        <translation>受优秀比例限制降档</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/assessment_view.py" line="202"/>
        <source>total raised to the floor</source>
        <translation>总分按下限计</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/assessment_view.py" line="203"/>
        <source>an item was limited</source>
        <translation>单项已按上限计</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/assessment_view.py" line="204"/>
        <source>adjustments capped</source>
        <translation>加减分已按上限计</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/assessment_view.py" line="205"/>
        <source>no report this year: ranked after the units that reported</source>
        <translation>本年度未报送：排在已报送单位之后</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/assessment_view.py" line="226"/>
        <source>&amp;Year:</source>
        <translation>年度(&amp;Y)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/assessment_view.py" line="227"/>
        <source>Assessment &amp;Scheme…</source>
        <translation>考核方案(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/assessment_view.py" line="228"/>
        <source>Edit the points, penalties, grades and cap of the assessment.</source>
        <translation>编辑考核的分值、扣分标准、等次和优秀比例。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/assessment_view.py" line="229"/>
        <source>&amp;Lock Year…</source>
        <translation>锁定年度(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/assessment_view.py" line="230"/>
        <source>Freeze the year&apos;s scores with the scheme they were computed with.</source>
        <translation>将本年度评分连同所用考核方案一并锁定。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/assessment_view.py" line="231"/>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/assessment_view.py" line="231"/>
        <source>Department</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/assessment_view.py" line="232"/>
        <location filename="../../desktop_app/ui/assessment_view.py" line="346"/>
        <source>Total</source>
        <translation>总分</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/assessment_view.py" line="232"/>
        <source>Grade</source>
        <translation>等次</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/assessment_view.py" line="232"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/assessment_view.py" line="233"/>
        <location filename="../../desktop_app/ui/assessment_view.py" line="434"/>
        <source>Coordinator&apos;s evaluation</source>
        <translation>综合评价</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/assessment_view.py" line="234"/>
        <source>Sc&amp;ore:</source>
        <translation>分数(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/assessment_view.py" line="236"/>
        <source>N&amp;ote:</source>
        <translation>说明(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/assessment_view.py" line="238"/>
        <source>Sa&amp;ve</source>
        <translation>保存(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/assessment_view.py" line="239"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/assessment_view.py" line="240"/>
        <source>Adjustments (bonus + / deduction −, each with its reason)</source>
        <translation>加减分（加分为正、扣分为负，逐项写明理由）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/assessment_view.py" line="241"/>
        <source>Reason, e.g. provincial commendation</source>
        <translation>理由，例如：获市级表彰</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/assessment_view.py" line="242"/>
        <source>A&amp;dd</source>
        <translation>添加(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/assessment_view.py" line="243"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/assessment_view.py" line="313"/>
        <source>Locked %1 — scores and scheme are frozen (computed as of %2).</source>
        <translation>已于 %1 锁定，评分和考核方案不再变动（计算截至 %2）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/assessment_view.py" line="316"/>
        <source>Not locked; computed as of %1 with the scheme in %2.</source>
        <translation>未锁定；按 %2 中的考核方案计算，截至 %1。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/assessment_view.py" line="344"/>
        <source>Select a department to see how its score was computed.</source>
        <translation>选择一个单位，查看其得分的计算过程。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/assessment_view.py" line="345"/>
        <source>rank %1</source>
        <translation>第 %1 名</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/assessment_view.py" line="347"/>
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/assessment_view.py" line="348"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/assessment_view.py" line="349"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/assessment_view.py" line="350"/>
        <source>Actual</source>
        <translation>实际</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/assessment_view.py" line="351"/>
        <source>Expected</source>
        <translation>预期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/assessment_view.py" line="352"/>
        <source>Ratio</source>
        <translation>完成比</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/assessment_view.py" line="353"/>
        <source>Reports late or missing</source>
        <translation>迟报或未报</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/assessment_view.py" line="354"/>
        <source>Warnings counted</source>
        <translation>计入的预警</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/assessment_view.py" line="393"/>
        <source>lead</source>
        <translation>牵头</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/assessment_view.py" line="393"/>
        <source>cooperating</source>
        <translation>配合</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/assessment_view.py" line="406"/>
        <source>late</source>
        <translation>迟报</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/assessment_view.py" line="406"/>
        <source>missing</source>
        <translation>未报</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/assessment_view.py" line="447"/>
        <location filename="../../desktop_app/ui/assessment_view.py" line="462"/>
        <source>Adjustments</source>
        <translation>加减分</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/assessment_view.py" line="473"/>
        <source>Lock the %1 assessment? Scores, grades and ranking are frozen with the current scheme and can no longer be edited.</source>
        <translation>锁定 %1 年度考核？评分、等次和排名将按当前考核方案固定，之后不能再修改。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/ui/assessment_view.py" line="476"/>
        <source>%n department(s) have no evaluation yet; they count 0.</source>
        <translation>
            <numerusform>有 %n 个单位尚未录入综合评价，按 0 分计。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/assessment_view.py" line="477"/>
        <location filename="../../desktop_app/ui/assessment_view.py" line="482"/>
        <source>Lock Year</source>
        <translation>锁定年度</translation>
    </message>
</context>
<context>
    <name>AssignUnitsDialog</name>
    <message>
        <location filename="../../desktop_app/ui/assign_dialog.py" line="187"/>
        <source>(keep each task&apos;s lead unit)</source>
        <translation>（保留各任务原牵头单位）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/ui/assign_dialog.py" line="191"/>
        <source>Assign Units to %n Task(s)</source>
        <translation>
            <numerusform>为 %n 项任务指定单位</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/ui/assign_dialog.py" line="192"/>
        <source>Choose the lead unit (one click) and tick any cooperating units; they are given to all %n selected task(s) at once. Type in the filter to find a unit; if it is not in the list, “New Unit” adds it.</source>
        <translation>
            <numerusform>选择牵头单位（单击一次），勾选配合单位；将一次性指定给所选的全部 %n 项任务。在筛选框中输入可查找单位；列表中没有的单位可用“新建单位”添加。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/assign_dialog.py" line="195"/>
        <source>Filter units, or type a new unit&apos;s name…</source>
        <translation>筛选单位，或输入新单位名称…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/assign_dialog.py" line="196"/>
        <source>&amp;New Unit</source>
        <translation>新建单位(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/assign_dialog.py" line="197"/>
        <source>&amp;Lead unit:</source>
        <translation>牵头单位(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/assign_dialog.py" line="199"/>
        <source>&amp;Cooperating units:</source>
        <translation>配合单位(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/assign_dialog.py" line="201"/>
        <source>&amp;Replace the tasks&apos; cooperating units (otherwise they are added)</source>
        <translation>替换任务原有配合单位(&amp;R)（否则为追加）</translation>
    </message>
</context>
<context>
    <name>BureauModel</name>
    <message>
        <location filename="../../desktop_app/ui/bureau_window.py" line="64"/>
        <source>Code</source>
        <translation>任务编号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bureau_window.py" line="64"/>
        <source>Task</source>
        <translation>任务名称</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bureau_window.py" line="64"/>
        <source>Role</source>
        <translation>责任角色</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bureau_window.py" line="65"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bureau_window.py" line="65"/>
        <source>Last period</source>
        <translation>上期填报</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bureau_window.py" line="66"/>
        <source>Status</source>
        <translation>推进状态</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bureau_window.py" line="66"/>
        <source>Percent done</source>
        <translation>完成进度(%)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bureau_window.py" line="67"/>
        <source>Indicator value</source>
        <translation>指标值</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bureau_window.py" line="67"/>
        <source>Progress</source>
        <translation>进展情况</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bureau_window.py" line="68"/>
        <source>Problems</source>
        <translation>存在问题</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bureau_window.py" line="68"/>
        <source>Next steps</source>
        <translation>下步计划</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bureau_window.py" line="69"/>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bureau_window.py" line="69"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
</context>
<context>
    <name>BureauWindow</name>
    <message>
        <location filename="../../desktop_app/ui/bureau_window.py" line="471"/>
        <source>Please look again at:</source>
        <translation>请再核对：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bureau_window.py" line="438"/>
        <source>Entry not accepted:</source>
        <translation>填写内容未被接受：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bureau_window.py" line="449"/>
        <source>Saved automatically at %1</source>
        <translation>已于 %1 自动保存</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bureau_window.py" line="452"/>
        <source>Changes are saved automatically</source>
        <translation>修改会自动保存</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bureau_window.py" line="460"/>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bureau_window.py" line="464"/>
        <source>Still to do before export:</source>
        <translation>导出前还需完成：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bureau_window.py" line="473"/>
        <source>Everything is filled in. Export the workbook and send it back.</source>
        <translation>已全部填写。请导出工作簿并报送回去。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bureau_window.py" line="487"/>
        <location filename="../../desktop_app/ui/bureau_window.py" line="504"/>
        <source>Export Filled Workbook</source>
        <translation>导出已填报工作簿</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bureau_window.py" line="488"/>
        <location filename="../../desktop_app/ui/bureau_window.py" line="562"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bureau_window.py" line="499"/>
        <source>Choose a new file name: the issued workbook is kept as it is.</source>
        <translation>请另取文件名：下发的原工作簿保持不变。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bureau_window.py" line="506"/>
        <source>Exported to %1. Send this file back to the coordinator.</source>
        <translation>已导出到 %1。请将此文件报送给牵头部门。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bureau_window.py" line="514"/>
        <source>%1 — %2 — PeakDesk department workbook</source>
        <translation>%1 — %2 — PeakDesk 单位填报工作簿</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/ui/bureau_window.py" line="516"/>
        <source>%1 · %2 · period %3 · due %4 · %n task(s)</source>
        <translation>
            <numerusform>%1 · %2 · 报送期 %3 · 截止 %4 · 共 %n 项任务</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bureau_window.py" line="521"/>
        <source>Your unfinished entries from last time were restored.</source>
        <translation>已恢复您上次未完成的填写内容。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bureau_window.py" line="523"/>
        <source>Some cells in the workbook could not be read and were left empty:</source>
        <translation>工作簿中有些单元格无法读取，已留空：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bureau_window.py" line="527"/>
        <source>&amp;Form</source>
        <translation>表单(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bureau_window.py" line="528"/>
        <source>&amp;Table</source>
        <translation>表格(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bureau_window.py" line="529"/>
        <source>Task (set by the coordinator)</source>
        <translation>任务（由牵头部门设定）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bureau_window.py" line="530"/>
        <source>Your report</source>
        <translation>本单位填报</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bureau_window.py" line="538"/>
        <source>A number from 0 to 100, e.g. 85 or 85%</source>
        <translation>0 到 100 之间的数字，例如 85 或 85%</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bureau_window.py" line="539"/>
        <source>A number only; put units and words in the progress text</source>
        <translation>只填数字；单位和文字说明请写在进展情况中</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bureau_window.py" line="540"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bureau_window.py" line="541"/>
        <source>&amp;Export for Return…</source>
        <translation>导出报送(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bureau_window.py" line="542"/>
        <source>&amp;Check Entries</source>
        <translation>检查填写(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bureau_window.py" line="543"/>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bureau_window.py" line="561"/>
        <location filename="../../desktop_app/ui/bureau_window.py" line="571"/>
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
    <name>DashboardPage</name>
    <message>
        <location filename="../../desktop_app/ui/dashboard_view.py" line="332"/>
        <source>Submissions this period</source>
        <translation>本期报送</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dashboard_view.py" line="333"/>
        <source>Early warnings</source>
        <translation>预警</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dashboard_view.py" line="334"/>
        <source>Progress by section</source>
        <translation>分领域进展</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dashboard_view.py" line="335"/>
        <source>Upcoming due dates</source>
        <translation>近期截止</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dashboard_view.py" line="336"/>
        <source>Section</source>
        <translation>领域</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dashboard_view.py" line="336"/>
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dashboard_view.py" line="336"/>
        <source>Progress</source>
        <translation>进展</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dashboard_view.py" line="337"/>
        <source>Open the submission matrix for this period</source>
        <translation>打开本期报送情况表</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dashboard_view.py" line="338"/>
        <source>Show the red warnings</source>
        <translation>查看红色预警</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dashboard_view.py" line="339"/>
        <source>Show the yellow warnings</source>
        <translation>查看黄色预警</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dashboard_view.py" line="340"/>
        <source>Open &amp;Task</source>
        <translation>打开任务(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dashboard_view.py" line="341"/>
        <source>Open &amp;Matrix (missing)</source>
        <translation>打开报送矩阵（未报送）(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dashboard_view.py" line="342"/>
        <source>Make &amp;Reminder List…</source>
        <translation>生成催报清单(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dashboard_view.py" line="384"/>
        <source>Open a database to see its dashboard.</source>
        <translation>请打开一个数据库以查看总览。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dashboard_view.py" line="385"/>
        <source>This database has no plan yet: import one on the Plans page.</source>
        <translation>此数据库还没有方案：请在“方案”页导入。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dashboard_view.py" line="393"/>
        <source>As of %1</source>
        <translation>截至 %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dashboard_view.py" line="396"/>
        <source>%1 of %2 submitted</source>
        <translation>已报 %1 / 应报 %2</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dashboard_view.py" line="398"/>
        <source>Period %1, due %2</source>
        <translation>报送期 %1，截止 %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/ui/dashboard_view.py" line="401"/>
        <source>%n late</source>
        <translation>
            <numerusform>迟报 %n 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/ui/dashboard_view.py" line="403"/>
        <source>Missing (%n):</source>
        <translation>
            <numerusform>未报（%n 个）：</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dashboard_view.py" line="404"/>
        <source>Every department has reported.</source>
        <translation>所有单位均已报送。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dashboard_view.py" line="410"/>
        <source>No reporting period has ended yet.</source>
        <translation>尚无已结束的报送期。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dashboard_view.py" line="413"/>
        <source>Red %1</source>
        <translation>红色 %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dashboard_view.py" line="414"/>
        <source>Yellow %1</source>
        <translation>黄色 %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dashboard_view.py" line="415"/>
        <source>Quarter %1 · green %2</source>
        <translation>%1 季度 · 绿色 %2</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dashboard_view.py" line="436"/>
        <source>monthly report</source>
        <translation>月报</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dashboard_view.py" line="436"/>
        <source>quarterly report</source>
        <translation>季报</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dashboard_view.py" line="437"/>
        <source>annual report</source>
        <translation>年报</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dashboard_view.py" line="440"/>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/ui/dashboard_view.py" line="440"/>
        <source>in %n day(s)</source>
        <translation>
            <numerusform>还有 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dashboard_view.py" line="442"/>
        <source>%1 %2 due %3 (%4)</source>
        <translation>%1 %2 截止 %3（%4）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dashboard_view.py" line="448"/>
        <source>Task %1 due %2 (%3)</source>
        <translation>任务 %1 截止 %2（%3）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/ui/dashboard_view.py" line="452"/>
        <source>Nothing due in the next %n day(s).</source>
        <translation>
            <numerusform>未来 %n 天内没有截止事项。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dashboard_view.py" line="458"/>
        <source>%1/%2 done</source>
        <translation>完成 %1/%2</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dashboard_view.py" line="462"/>
        <source>Mean reported progress %1% over %2 task(s); %3 never reported</source>
        <translation>%2 项任务平均报送进度 %1%；%3 项从未报送</translation>
    </message>
</context>
<context>
    <name>DepartmentsModel</name>
    <message>
        <location filename="../../desktop_app/ui/models/departments_model.py" line="48"/>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/models/departments_model.py" line="49"/>
        <source>Chinese name</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/models/departments_model.py" line="50"/>
        <source>English name</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/models/departments_model.py" line="51"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/models/departments_model.py" line="52"/>
        <source>Aliases</source>
        <translation>别名</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/models/departments_model.py" line="53"/>
        <source>Members</source>
        <translation>成员单位</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/models/departments_model.py" line="102"/>
        <source>To check: created by a plan import from a name PeakDesk did not know.</source>
        <translation>待核对：由导入方案时遇到的未知名称自动创建。</translation>
    </message>
</context>
<context>
    <name>DepartmentsPage</name>
    <message>
        <location filename="../../desktop_app/ui/departments_view.py" line="202"/>
        <source>%1 was merged into %2 (%3 task assignments moved). Backup: %4</source>
        <translation>%1 已合并到 %2（转移任务分工 %3 项）。备份：%4</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/departments_view.py" line="224"/>
        <source>%1 units</source>
        <translation>%1 个单位</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/departments_view.py" line="225"/>
        <source>%1 of %2 units</source>
        <translation>%1 / %2 个单位</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/departments_view.py" line="228"/>
        <source>%1 to check</source>
        <translation>%1 个待核对</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/departments_view.py" line="241"/>
        <location filename="../../desktop_app/ui/departments_view.py" line="255"/>
        <source>Import Department List</source>
        <translation>导入单位名单</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/departments_view.py" line="242"/>
        <source>Department lists (*.xlsx *.txt);;All files (*)</source>
        <translation>单位名单 (*.xlsx *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/departments_view.py" line="258"/>
        <source>%1 units added, %2 already known, %3 other names recorded.</source>
        <translation>新增 %1 个单位，%2 个已登记，记录别名 %3 个。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/departments_view.py" line="265"/>
        <source>&amp;Filter:</source>
        <translation>筛选(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/departments_view.py" line="266"/>
        <source>Name, alias or code…</source>
        <translation>名称、别名或代码…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/departments_view.py" line="267"/>
        <source>Only &amp;to check</source>
        <translation>仅看待核对(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/departments_view.py" line="268"/>
        <source>Departments a plan import created from names it did not know</source>
        <translation>导入方案时由未知名称自动创建的单位</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/departments_view.py" line="269"/>
        <source>&amp;New Department…</source>
        <translation>新建单位(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/departments_view.py" line="270"/>
        <source>E&amp;dit…</source>
        <translation>编辑(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/departments_view.py" line="271"/>
        <source>&amp;Merge Into…</source>
        <translation>合并到(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/departments_view.py" line="272"/>
        <source>&amp;Import List…</source>
        <translation>导入名单(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/departments_view.py" line="274"/>
        <source>Add many units at once from an .xlsx sheet (columns 名称/Name, 英文名称/English name, 别名/Aliases, 联系人/Contact, 电话/Phone) or a .txt file (one unit a line: name, a tab or |, English name, a tab or |, aliases separated by ；).</source>
        <translation>从 .xlsx 工作表（列：名称、英文名称、别名、联系人、电话）或 .txt 文本（每行一个单位：名称、制表符或 |、英文名称、制表符或 |、以“；”分隔的别名）一次导入多个单位。</translation>
    </message>
</context>
<context>
    <name>DeptEdit</name>
    <message>
        <location filename="../../desktop_app/ui/dept_edit.py" line="43"/>
        <source>New department %1</source>
        <translation>新建单位 %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dept_edit.py" line="46"/>
        <source>Edit department %1</source>
        <translation>编辑单位 %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dept_edit.py" line="82"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dept_edit.py" line="83"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
</context>
<context>
    <name>DeptEditDialog</name>
    <message>
        <location filename="../../desktop_app/ui/dept_edit.py" line="110"/>
        <source>New Department</source>
        <translation>新建单位</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dept_edit.py" line="112"/>
        <source>Edit Department %1</source>
        <translation>编辑单位 %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dept_edit.py" line="133"/>
        <source>Created by a plan import from a name PeakDesk did not know. Check the names; saving clears the “to check” mark.</source>
        <translation>此单位由导入方案时遇到的未知名称自动创建。请核对名称；保存后将清除“待核对”标记。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dept_edit.py" line="143"/>
        <source>Alias</source>
        <translation>别名</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dept_edit.py" line="143"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dept_edit.py" line="151"/>
        <source>Another spelling of the name…</source>
        <translation>名称的其他写法…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dept_edit.py" line="154"/>
        <source>&amp;Add Alias</source>
        <translation>添加别名(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dept_edit.py" line="156"/>
        <source>&amp;Remove Alias</source>
        <translation>删除别名(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dept_edit.py" line="172"/>
        <source>Filter units…</source>
        <translation>筛选单位…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dept_edit.py" line="177"/>
        <source>&amp;Code:</source>
        <translation>代码(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dept_edit.py" line="178"/>
        <source>&amp;Name (Chinese):</source>
        <translation>中文名称(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dept_edit.py" line="179"/>
        <source>Name (&amp;English):</source>
        <translation>英文名称(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dept_edit.py" line="180"/>
        <source>&amp;Short name (Chinese):</source>
        <translation>中文简称(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dept_edit.py" line="181"/>
        <source>Short name (En&amp;glish):</source>
        <translation>英文简称(&amp;G)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dept_edit.py" line="182"/>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dept_edit.py" line="183"/>
        <source>Contact &amp;person:</source>
        <translation>联系人(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dept_edit.py" line="184"/>
        <source>Contact p&amp;hone:</source>
        <translation>联系电话(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dept_edit.py" line="186"/>
        <source>Aliases</source>
        <translation>别名</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dept_edit.py" line="196"/>
        <source>Member departments of this group</source>
        <translation>本统称包含的成员单位</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="1"/>
        <source>Double-click to decide what to do with it</source>
        <translation>双击决定如何处理</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="1"/>
        <source>Unit “%1”</source>
        <translation>单位“%1”</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="1"/>
        <source>Match to “%1”</source>
        <translation>匹配为“%1”</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="1"/>
        <source>Match to a Registered Unit…</source>
        <translation>匹配到已登记单位…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="1"/>
        <source>Drop from All Tasks</source>
        <translation>从所有任务中删除</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="1"/>
        <source>Keep as a New Unit</source>
        <translation>作为新单位保留</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="1"/>
        <source>Registered unit:</source>
        <translation>已登记单位：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="1"/>
        <source>Not needed (leave it out)</source>
        <translation>不需要（不导入）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="1"/>
        <source>Responsible units (one list)</source>
        <translation>责任单位（单一列表）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="1"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="1"/>
        <source>Measures / task text</source>
        <translation>工作措施 / 任务内容</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="1"/>
        <source>Deadline</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="1"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="1"/>
        <source>Category (section)</source>
        <translation>类别（章节）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="1"/>
        <source>Leader in charge (a person)</source>
        <translation>责任领导（个人）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="1"/>
        <source>Remarks</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="1"/>
        <source>Column “%1”</source>
        <translation>列“%1”</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="1"/>
        <source>This column holds:</source>
        <translation>该列的内容是：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="1"/>
        <source>Choose or type a unit, then Enter</source>
        <translation>选择或输入单位后按回车</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="1"/>
        <source>&amp;New Unit…</source>
        <translation>新建单位(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="1"/>
        <source>Name a unit the registry does not have yet; it becomes the lead</source>
        <translation>新增单位库中还没有的单位，并设为牵头单位</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="1"/>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="1"/>
        <source>Replace the selected cooperating unit with the one chosen here (match an unknown name to a registered unit)</source>
        <translation>用此处选择的单位替换选中的配合单位（将未识别的名称对应到已登记的单位）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="1"/>
        <source>New unit</source>
        <translation>新建单位</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="1"/>
        <source>Name of the unit, as the plan writes it:</source>
        <translation>单位名称（按方案原文填写）：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="1"/>
        <source>a file with the same tasks (another name or format)</source>
        <translation>任务相同的文件（另一文件名或格式）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/ui/import_dialog.py" line="1"/>
        <source>You have changed %n task(s) of the imported plan. Discard these changes?</source>
        <translation>
            <numerusform>您已修改导入方案中的 %n 项任务。要放弃这些修改吗？</numerusform>
        </translation>
    </message>
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
        <source>Plain text (UTF-8 or GBK), Word .docx, PDF with a text layer, a saved web page (.html) or a task-division table in .xlsx; old .doc/.wps files when LibreOffice is installed. Nothing is written until you have reviewed what was recognised and pressed Commit.</source>
        <translation>支持纯文本（UTF-8 或 GBK）、Word .docx、带文字层的 PDF、保存的网页（.html）或 .xlsx 任务分工表；安装了 LibreOffice 时也支持旧版 .doc/.wps 文件。在您核对识别结果并点击“提交”之前，不会写入任何内容。</translation>
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
    <message numerus="yes">
        <source>Units change on %n task(s).</source>
        <translation>
            <numerusform>%n 项任务的责任单位有变化。</numerusform>
        </translation>
    </message>
    <message>
        <source>Revision of plan %1: %2 Nothing is saved until you press “Apply Revision”; Cancel leaves the plan as it is (its progress is kept either way).</source>
        <translation>方案 %1 的修订：%2 按“应用修订”之前不会保存任何内容；按“取消”则方案保持不变（两种情况下已有进展都会保留）。</translation>
    </message>
    <message>
        <source>title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>text</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>lead unit</source>
        <translation>牵头单位</translation>
    </message>
    <message>
        <source>cooperating units</source>
        <translation>配合单位</translation>
    </message>
    <message>
        <source>targets</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>due date</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <source>&amp;Apply Revision</source>
        <translation>应用修订(&amp;A)</translation>
    </message>
    <message>
        <source>Revise Plan %1</source>
        <translation>修订方案 %1</translation>
    </message>
</context>
<context>
    <name>IssueDialog</name>
    <message numerus="yes">
        <location filename="../../desktop_app/ui/issue_dialog.py" line="220"/>
        <source> and %n more</source>
        <translation>
            <numerusform> 等另外 %n 项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/ui/issue_dialog.py" line="222"/>
        <source>%n task(s) have no lead unit and will be in no workbook: %1%2.</source>
        <translation>
            <numerusform>%n 项任务尚无牵头单位，不会出现在任何报送工作簿中：%1%2。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/issue_dialog.py" line="240"/>
        <source>Tasks Without a Lead Unit</source>
        <translation>无牵头单位的任务</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/issue_dialog.py" line="243"/>
        <source>Nobody will be asked to report on them this period.</source>
        <translation>本期不会要求任何单位报送这些任务。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/issue_dialog.py" line="244"/>
        <source>Issue &amp;Anyway</source>
        <translation>仍然下发(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/issue_dialog.py" line="245"/>
        <source>&amp;Assign Units First</source>
        <translation>先指定单位(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/issue_dialog.py" line="282"/>
        <source>%1 of %2 departments</source>
        <translation>已选 %1 / %2 个单位</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/issue_dialog.py" line="287"/>
        <source>Folder for the workbooks</source>
        <translation>工作簿保存文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/issue_dialog.py" line="299"/>
        <source>Choose a period, at least one department and a folder.</source>
        <translation>请选择报送期、至少一个单位和保存文件夹。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/issue_dialog.py" line="311"/>
        <location filename="../../desktop_app/ui/issue_dialog.py" line="360"/>
        <source>Issue Workbooks</source>
        <translation>下发工作簿</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/issue_dialog.py" line="317"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/issue_dialog.py" line="329"/>
        <source>Writing the workbook of %1…</source>
        <translation>正在生成%1的工作簿…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/ui/issue_dialog.py" line="348"/>
        <source>Cancelled: %n workbook(s) were written before you cancelled.</source>
        <translation>
            <numerusform>已取消：取消前已生成 %n 个工作簿。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/ui/issue_dialog.py" line="350"/>
        <source>%n workbook(s) written to %1.</source>
        <translation>
            <numerusform>已生成 %n 个工作簿，保存在 %1。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/issue_dialog.py" line="366"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/issue_dialog.py" line="374"/>
        <source>Issue Department Workbooks</source>
        <translation>下发单位填报工作簿</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/issue_dialog.py" line="375"/>
        <source>&amp;Period:</source>
        <translation>报送期(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/issue_dialog.py" line="377"/>
        <source>&amp;Folder:</source>
        <translation>文件夹(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/issue_dialog.py" line="379"/>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/issue_dialog.py" line="380"/>
        <source>Filter departments</source>
        <translation>筛选单位</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/issue_dialog.py" line="381"/>
        <source>Departments (tasks held)</source>
        <translation>单位（承担任务数）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/issue_dialog.py" line="382"/>
        <source>Check &amp;all</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/issue_dialog.py" line="383"/>
        <source>Check &amp;none</source>
        <translation>全不选(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/issue_dialog.py" line="384"/>
        <source>Workbooks written</source>
        <translation>已生成的工作簿</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/issue_dialog.py" line="385"/>
        <source>Department</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/issue_dialog.py" line="385"/>
        <source>Tasks</source>
        <translation>任务数</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/issue_dialog.py" line="385"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/issue_dialog.py" line="386"/>
        <source>&amp;Issue</source>
        <translation>下发(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/issue_dialog.py" line="387"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/issue_dialog.py" line="388"/>
        <source>&amp;Open Folder</source>
        <translation>打开文件夹(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/issue_dialog.py" line="389"/>
        <source>Year of the period</source>
        <translation>报送期所在年份</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/issue_dialog.py" line="390"/>
        <source>&amp;Assign Units…</source>
        <translation>指定单位(&amp;A)…</translation>
    </message>
</context>
<context>
    <name>LedgerModel</name>
    <message>
        <location filename="../../desktop_app/ui/models/ledger_model.py" line="73"/>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/models/ledger_model.py" line="74"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/models/ledger_model.py" line="75"/>
        <source>Lead unit</source>
        <translation>牵头单位</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/models/ledger_model.py" line="76"/>
        <source>Cooperating units</source>
        <translation>配合单位</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/models/ledger_model.py" line="77"/>
        <source>Target</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/models/ledger_model.py" line="78"/>
        <source>Due date</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/models/ledger_model.py" line="79"/>
        <source>Latest status</source>
        <translation>最新状态</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/models/ledger_model.py" line="80"/>
        <source>Percent</source>
        <translation>进度</translation>
    </message>
</context>
<context>
    <name>LedgerPage</name>
    <message>
        <location filename="../../desktop_app/ui/ledger_view.py" line="207"/>
        <source>All units</source>
        <translation>全部单位</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/ledger_view.py" line="208"/>
        <source>All sections</source>
        <translation>全部章节</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/ledger_view.py" line="209"/>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/ledger_view.py" line="212"/>
        <source>(no lead unit yet)</source>
        <translation>（尚无牵头单位）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/ledger_view.py" line="222"/>
        <source>No report yet</source>
        <translation>尚未报送</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/ledger_view.py" line="271"/>
        <source>%1 of %2 tasks</source>
        <translation>%1 / %2 项任务</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/ui/ledger_view.py" line="364"/>
        <source>Units assigned to %n task(s).</source>
        <translation>
            <numerusform>已为 %n 项任务指定单位。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/ledger_view.py" line="375"/>
        <source>Select the task to copy from, then Ctrl-click the tasks (or sections) to copy its units to.</source>
        <translation>请先选中要复制的任务，再按住 Ctrl 单击要复制到的任务（或章节）。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/ui/ledger_view.py" line="383"/>
        <source>Units copied to %n task(s).</source>
        <translation>
            <numerusform>已将单位复制到 %n 项任务。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/ledger_view.py" line="417"/>
        <source>Select a task to see its full text, targets and units.</source>
        <translation>选择一项任务，查看其全文、指标和责任单位。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/ledger_view.py" line="432"/>
        <source>Lead unit</source>
        <translation>牵头单位</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/ledger_view.py" line="432"/>
        <location filename="../../desktop_app/ui/ledger_view.py" line="433"/>
        <location filename="../../desktop_app/ui/ledger_view.py" line="434"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/ledger_view.py" line="433"/>
        <source>Cooperating units</source>
        <translation>配合单位</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/ledger_view.py" line="434"/>
        <source>Due date</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/ledger_view.py" line="438"/>
        <source>Latest status</source>
        <translation>最新状态</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/ledger_view.py" line="443"/>
        <source>Targets</source>
        <translation>量化指标</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/ledger_view.py" line="443"/>
        <source>No quantitative target.</source>
        <translation>无量化指标。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/ledger_view.py" line="443"/>
        <source>Full text</source>
        <translation>任务全文</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/ledger_view.py" line="484"/>
        <source>Code, title or text…</source>
        <translation>编号、标题或正文…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/ledger_view.py" line="485"/>
        <source>&amp;Search:</source>
        <translation>搜索(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/ledger_view.py" line="486"/>
        <source>&amp;Unit:</source>
        <translation>单位(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/ledger_view.py" line="487"/>
        <source>S&amp;ection:</source>
        <translation>章节(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/ledger_view.py" line="488"/>
        <source>S&amp;tatus:</source>
        <translation>状态(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/ledger_view.py" line="489"/>
        <source>&amp;Group by section</source>
        <translation>按章节分组(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/ledger_view.py" line="490"/>
        <source>&amp;Edit Task…</source>
        <translation>编辑任务(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/ledger_view.py" line="491"/>
        <source>&amp;Assign Units…</source>
        <translation>指定单位(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/ledger_view.py" line="492"/>
        <source>Give the selected tasks (or every task of a selected section) a lead unit and cooperating units in one step (Ctrl+U). Ctrl-click or Shift-click to select several.</source>
        <translation>一步为所选任务（或所选章节的全部任务）指定牵头单位和配合单位（Ctrl+U）。按住 Ctrl 或 Shift 单击可多选。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/ledger_view.py" line="495"/>
        <source>&amp;Copy Units to Selected</source>
        <translation>复制单位到所选任务(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/ledger_view.py" line="496"/>
        <source>Give the other selected tasks the units of the task shown on the right.</source>
        <translation>将右侧所示任务的单位复制给其他所选任务。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Office Settings for Documents…</source>
        <translation>公文发文设置(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="268"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="269"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="270"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="271"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="272"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="273"/>
        <source>&amp;New Database…</source>
        <translation>新建数据库(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="274"/>
        <source>&amp;Open Database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="275"/>
        <source>Open the &amp;Demo Database</source>
        <translation>打开演示数据库(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="276"/>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="278"/>
        <source>&amp;Back Up Database</source>
        <translation>备份数据库(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="279"/>
        <source>&amp;Restore from Backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="280"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="281"/>
        <source>&amp;Find Task</source>
        <translation>查找任务(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="282"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="283"/>
        <source>&amp;Reload</source>
        <translation>重新加载(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="284"/>
        <source>&amp;About PeakDesk</source>
        <translation>关于 PeakDesk(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="285"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="286"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="287"/>
        <source>&amp;Import Plan…</source>
        <translation>导入方案(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="288"/>
        <source>&amp;Issue Workbooks…</source>
        <translation>下发工作簿(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="289"/>
        <source>&amp;Merge Returned Workbooks…</source>
        <translation>汇总报送工作簿(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="290"/>
        <source>Open &amp;Department Workbook…</source>
        <translation>打开单位填报工作簿(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="318"/>
        <source>no database</source>
        <translation>未打开数据库</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="327"/>
        <source>Demo data: every figure is computed as if today were %1. Open your own database with File → Open Database.</source>
        <translation>演示数据：所有数字均按今天是 %1 计算。请通过“文件 → 打开数据库”打开您自己的数据库。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="331"/>
        <source>No database open</source>
        <translation>未打开数据库</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="335"/>
        <source>%1 tasks</source>
        <translation>%1 项任务</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="345"/>
        <location filename="../../desktop_app/ui/main_window.py" line="393"/>
        <source>Open Database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="359"/>
        <source>Opened %1</source>
        <translation>已打开 %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="394"/>
        <source>PeakDesk databases (*.sqlite *.db);;All files (*)</source>
        <translation>PeakDesk 数据库 (*.sqlite *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="402"/>
        <source>new-desk.sqlite</source>
        <translation>新任务台.sqlite</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="404"/>
        <location filename="../../desktop_app/ui/main_window.py" line="414"/>
        <source>New Database</source>
        <translation>新建数据库</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="404"/>
        <source>PeakDesk databases (*.sqlite *.db)</source>
        <translation>PeakDesk 数据库 (*.sqlite *.db)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="429"/>
        <source>Building the demo database…</source>
        <translation>正在生成演示数据库…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="558"/>
        <source>These files were not merged: only returned workbooks or folders of them can be dropped here. A plan document is imported with File → Import Plan.</source>
        <translation>以下文件未汇总：此处只能拖入报送回来的工作簿或存放它们的文件夹。方案文档请用“文件 → 导入方案”导入。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="560"/>
        <source>Files Not Merged</source>
        <translation>文件未汇总</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="623"/>
        <source>A Task Is Still Running</source>
        <translation>仍有任务在运行</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/ui/main_window.py" line="624"/>
        <source>%n background task(s) (a report, an import, issuing or merging) have not finished. Quitting now loses what they have not delivered yet.</source>
        <translation>
            <numerusform>有 %n 个后台任务（报告、导入、下发或汇总）尚未完成。现在退出将丢失其尚未交付的结果。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="627"/>
        <source>&amp;Wait, Then Close</source>
        <translation>等待完成后关闭(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="628"/>
        <source>&amp;Cancel the Task, Then Close</source>
        <translation>取消任务后关闭(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="629"/>
        <source>&amp;Quit Now</source>
        <translation>立即退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="630"/>
        <source>&amp;Keep Working</source>
        <translation>继续工作(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="677"/>
        <source>PeakDesk closes when the running task has finished…</source>
        <translation>正在运行的任务完成后 PeakDesk 将关闭…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup.py" line="43"/>
        <source>Backed up to %1</source>
        <translation>已备份到 %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup.py" line="45"/>
        <source>Back Up Database</source>
        <translation>备份数据库</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="582"/>
        <source>About PeakDesk</source>
        <translation>关于 PeakDesk</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="583"/>
        <source>&lt;h3&gt;PeakDesk %1&lt;/h3&gt;&lt;p&gt;Carbon-peak plan task desk: task ledger, monthly reporting, quarterly early warnings, annual assessment and printed reports.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;PeakDesk %1&lt;/h3&gt;&lt;p&gt;碳达峰任务调度考核台：任务台账、月度调度、季度预警、年度考核和打印报告。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MergeDeptDialog</name>
    <message>
        <location filename="../../desktop_app/ui/dept_edit.py" line="310"/>
        <source>Merge Department %1</source>
        <translation>合并单位 %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dept_edit.py" line="313"/>
        <source>Merge “%1” into the department chosen below when the two turn out to be one. Its task assignments move to that department, its names become aliases of it (so old workbooks and imports still find it), and its history stays.</source>
        <translation>如果两个单位实为同一单位，可将“%1”合并到下方选择的单位。其任务分工将转移到该单位，其名称成为该单位的别名（旧的填报表和导入仍能识别），历史记录保留不变。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dept_edit.py" line="318"/>
        <source>A merge cannot be undone with Edit → Undo, and it clears the undo history. A backup of the database is made first; restore it (File → Restore from Backup) to go back.</source>
        <translation>合并无法通过“编辑 → 撤销”撤回，并会清空撤销记录。合并前会先自动备份数据库；如需恢复，请使用“文件 → 从备份恢复”。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dept_edit.py" line="326"/>
        <source>Search by name, alias or code…</source>
        <translation>按名称、别名或代码搜索…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dept_edit.py" line="340"/>
        <source>&amp;Merge into:</source>
        <translation>合并到(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dept_edit.py" line="343"/>
        <source>&amp;Merge</source>
        <translation>合并(&amp;M)</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message numerus="yes">
        <location filename="../../desktop_app/ui/merge_dialog.py" line="298"/>
        <source>%n accepted file(s) have notes (remarks on values); select one to see them.</source>
        <translation>
            <numerusform>有 %n 份已接收的文件带有提示（对填报值的提醒），选中即可查看。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="179"/>
        <source>Excel workbooks (*.xlsx);;Other spreadsheet files (*.xls *.et *.ods *.wps *.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;其他表格文件 (*.xls *.et *.ods *.wps *.csv)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="317"/>
        <source>Notes on %1 (accepted; worth a look)</source>
        <translation>%1 的提示（已接收，请留意）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="301"/>
        <source>A backup was made before writing: %1</source>
        <translation>写入前已备份：%1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="347"/>
        <source>Con&amp;vert .xls/.et/.ods with LibreOffice</source>
        <translation>用 LibreOffice 转换 .xls/.et/.ods(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="348"/>
        <source>Returns saved as .xls, .et or .ods are converted to .xlsx with LibreOffice and merged; the original file is recorded.</source>
        <translation>以 .xls、.et 或 .ods 格式报送的文件将用 LibreOffice 转换为 .xlsx 后汇总，并记录原文件。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="350"/>
        <source>LibreOffice is not installed: returns saved as .xls, .et or .ods are listed with what the sender should do.</source>
        <translation>未安装 LibreOffice：以 .xls、.et 或 .ods 格式报送的文件将列出，并说明报送单位应如何处理。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="352"/>
        <source>You can also drop workbooks or folders here. Folders are searched for .xlsx files, including sub-folders; files saved in another format (.xls, .et, .ods, .wps, .csv) are listed with what to do. Each file is merged whole or not at all.</source>
        <translation>也可以将工作簿或文件夹拖放到此处。将在文件夹（含子文件夹）中查找 .xlsx 文件；以其他格式保存的文件（.xls、.et、.ods、.wps、.csv）会列出并说明处理办法。每个文件整体汇总，或整体不汇总。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="292"/>
        <source>No workbooks were found in what you chose.</source>
        <translation>所选内容中没有找到工作簿。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/ui/merge_dialog.py" line="283"/>
        <source>(%n note(s))</source>
        <translation>
            <numerusform>（%n 条提示）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="178"/>
        <source>Returned workbooks</source>
        <translation>报送回来的工作簿</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="185"/>
        <source>Folder of returned workbooks</source>
        <translation>报送工作簿所在文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="221"/>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="329"/>
        <source>Merge Workbooks</source>
        <translation>汇总工作簿</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="227"/>
        <source>Cancelling after the current file…</source>
        <translation>当前文件处理完后取消…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="244"/>
        <source>Checking %1…</source>
        <translation>正在检查 %1…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="248"/>
        <source>Would be accepted</source>
        <translation>可接收</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="248"/>
        <source>Accepted</source>
        <translation>已接收</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="250"/>
        <source>Duplicate (already merged)</source>
        <translation>重复（已汇总过）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="251"/>
        <source>Rejected</source>
        <translation>已退回</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="280"/>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="357"/>
        <source>Late</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="286"/>
        <source>%1 accepted, %2 duplicate, %3 rejected.</source>
        <translation>接收 %1 个，重复 %2 个，退回 %3 个。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="288"/>
        <source>Check only, nothing was written: %1 would be accepted, %2 duplicate, %3 rejected.</source>
        <translation>仅检查，未写入任何内容：可接收 %1 个，重复 %2 个，退回 %3 个。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="294"/>
        <source>Cancelled: the remaining files were not merged.</source>
        <translation>已取消：其余文件未汇总。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="310"/>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="359"/>
        <source>Errors of the selected file</source>
        <translation>所选文件的错误</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="315"/>
        <source>Errors in %1</source>
        <translation>%1 中的错误</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="335"/>
        <source>Cancelled. Files merged before you cancelled stay merged; the file being merged was not.</source>
        <translation>已取消。取消前已汇总的文件保持不变；正在处理的文件未汇总。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="341"/>
        <source>Merge Returned Workbooks</source>
        <translation>汇总报送工作簿</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="342"/>
        <source>Workbooks and folders to merge</source>
        <translation>要汇总的工作簿和文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="343"/>
        <source>Add &amp;Files…</source>
        <translation>添加文件(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="344"/>
        <source>Add F&amp;older…</source>
        <translation>添加文件夹(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="345"/>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="346"/>
        <source>&amp;Check only (write nothing)</source>
        <translation>仅检查，不写入(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="356"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="356"/>
        <source>Status</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="356"/>
        <source>Department</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="357"/>
        <source>Period</source>
        <translation>报送期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="357"/>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="358"/>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="358"/>
        <source>Cell</source>
        <translation>单元格</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="358"/>
        <source>Message</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="360"/>
        <source>&amp;Merge</source>
        <translation>汇总(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merge_dialog.py" line="361"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>Op</name>
    <message>
        <location filename="../../desktop_app/ui/ops.py" line="116"/>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/ops.py" line="182"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/ops.py" line="265"/>
        <source>PeakDesk ran into an unexpected error. Please send the details below to support.</source>
        <translation>PeakDesk 遇到意外错误。请将下面的详细信息发送给技术支持。</translation>
    </message>
</context>
<context>
    <name>PeriodCombo</name>
    <message>
        <location filename="../../desktop_app/ui/cycle_widgets.py" line="100"/>
        <source> (closed)</source>
        <translation>（已关闭）</translation>
    </message>
</context>
<context>
    <name>PeriodEditDialog</name>
    <message>
        <location filename="../../desktop_app/ui/periods_view.py" line="398"/>
        <source>Period %1</source>
        <translation>报送期 %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/periods_view.py" line="408"/>
        <source>Period:</source>
        <translation>报送期：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/periods_view.py" line="409"/>
        <source>&amp;Due date:</source>
        <translation>截止日期(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/periods_view.py" line="410"/>
        <source>Workbooks received after the due date count as late. Close the period with “Close Period…” when no more workbooks are accepted.</source>
        <translation>截止日期之后收到的工作簿计为迟报。不再接收工作簿时，请用“关闭报送期…”关闭该期。</translation>
    </message>
</context>
<context>
    <name>PeriodsPage</name>
    <message>
        <location filename="../../desktop_app/ui/periods_view.py" line="83"/>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/periods_view.py" line="83"/>
        <source>Open</source>
        <translation>开放</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/periods_view.py" line="105"/>
        <location filename="../../desktop_app/ui/periods_view.py" line="217"/>
        <source>Holiday</source>
        <translation>节假日</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/periods_view.py" line="105"/>
        <source>Working day</source>
        <translation>调休上班</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/periods_view.py" line="186"/>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/periods_view.py" line="186"/>
        <source>Quarter</source>
        <translation>季</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/periods_view.py" line="186"/>
        <source>Year</source>
        <translation>年</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/ui/periods_view.py" line="194"/>
        <source>Due in %n day(s)</source>
        <translation>
            <numerusform>%n 天后截止</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/periods_view.py" line="196"/>
        <source>Due today</source>
        <translation>今天截止</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/ui/periods_view.py" line="197"/>
        <source>Was due %n day(s) ago</source>
        <translation>
            <numerusform>已过截止日 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/periods_view.py" line="201"/>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/periods_view.py" line="202"/>
        <source>All periods</source>
        <translation>全部报送期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/periods_view.py" line="202"/>
        <source>Months</source>
        <translation>月度</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/periods_view.py" line="202"/>
        <source>Quarters</source>
        <translation>季度</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/periods_view.py" line="202"/>
        <source>Years</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/periods_view.py" line="204"/>
        <source>&amp;Close Period…</source>
        <translation>关闭报送期(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/periods_view.py" line="205"/>
        <source>A closed period accepts no more workbooks until it is reopened.</source>
        <translation>报送期关闭后不再接收报送表，直至重新开放。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/periods_view.py" line="206"/>
        <source>&amp;Reopen Period…</source>
        <translation>重新开放(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/periods_view.py" line="207"/>
        <source>C&amp;reate Year&apos;s Periods…</source>
        <translation>创建全年报送期(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/periods_view.py" line="208"/>
        <source>Add a year&apos;s reporting periods, its quarters and the year itself, with due dates from the holiday calendar.</source>
        <translation>按节假日日历生成一年的报送期、各季度及年度，并计算截止日期。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/periods_view.py" line="210"/>
        <source>&amp;Edit Due Date…</source>
        <translation>修改截止日期(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/periods_view.py" line="212"/>
        <source>Period</source>
        <translation>报送期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/periods_view.py" line="212"/>
        <location filename="../../desktop_app/ui/periods_view.py" line="216"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/periods_view.py" line="212"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/periods_view.py" line="212"/>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/periods_view.py" line="213"/>
        <source>Due date</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/periods_view.py" line="213"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/periods_view.py" line="213"/>
        <source>Reason for closing</source>
        <translation>关闭理由</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/periods_view.py" line="214"/>
        <location filename="../../desktop_app/ui/periods_view.py" line="383"/>
        <source>Holiday calendar</source>
        <translation>节假日日历</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/periods_view.py" line="215"/>
        <location filename="../../desktop_app/ui/periods_view.py" line="302"/>
        <source>Year:</source>
        <translation>年份：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/periods_view.py" line="216"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/periods_view.py" line="216"/>
        <source>Weekday</source>
        <translation>星期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/periods_view.py" line="216"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/periods_view.py" line="218"/>
        <source>Working day (make-up)</source>
        <translation>调休上班日</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/periods_view.py" line="219"/>
        <source>Name, e.g. National Day</source>
        <translation>名称，例如：国庆节</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/periods_view.py" line="220"/>
        <source>&amp;Set Day</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/periods_view.py" line="221"/>
        <source>Re&amp;move Day</source>
        <translation>删除(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/periods_view.py" line="223"/>
        <source>Due dates count working days: public holidays are days off, make-up working days (调休) count as working days. Changes apply to periods created afterwards.</source>
        <translation>截止日期按工作日计算：法定节假日不计，调休上班日计入。修改只影响之后新建的报送期。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/periods_view.py" line="288"/>
        <source>No plan yet: import one on the Plans page, then create its periods here.</source>
        <translation>尚无方案：请先在“方案”页导入方案，再在此创建报送期。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/periods_view.py" line="290"/>
        <source>No periods yet. “Create Year&apos;s Periods…” adds the months (or quarters) bureaus report in, the quarters for early warnings and the year for the assessment. Issuing workbooks also creates the period it issues for.</source>
        <translation>尚无报送期。“创建全年报送期…”将添加各单位报送所用的月份（或季度）、用于预警的季度和用于考核的年度。下发工作簿时也会自动创建所下发的报送期。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/periods_view.py" line="302"/>
        <source>Create Year&apos;s Periods</source>
        <translation>创建全年报送期</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/ui/periods_view.py" line="313"/>
        <source>%n period(s) created.</source>
        <translation>
            <numerusform>已创建 %n 个报送期。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/periods_view.py" line="342"/>
        <source>Close Period %1</source>
        <translation>关闭报送期 %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/periods_view.py" line="342"/>
        <source>Reopen Period %1</source>
        <translation>重新开放报送期 %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/periods_view.py" line="344"/>
        <source>Reason (kept in the audit log):</source>
        <translation>理由（记入操作日志）：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/periods_view.py" line="350"/>
        <source>Periods</source>
        <translation>报送周期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/periods_view.py" line="384"/>
        <source>%1 is not in the calendar.</source>
        <translation>%1 不在日历中。</translation>
    </message>
</context>
<context>
    <name>PlansPage</name>
    <message numerus="yes">
        <location filename="../../desktop_app/ui/plans_view.py" line="46"/>
        <source>%n revision(s)</source>
        <translation>
            <numerusform>修订 %n 次</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/plans_view.py" line="77"/>
        <source>archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/plans_view.py" line="79"/>
        <source>current</source>
        <translation>当前</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/plans_view.py" line="141"/>
        <source>Revised Plan Document</source>
        <translation>修订后的方案文档</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/plans_view.py" line="142"/>
        <source>Plan documents (*.txt *.md *.docx *.xlsx);;All files (*)</source>
        <translation>方案文档 (*.txt *.md *.docx *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/plans_view.py" line="158"/>
        <source>No plan yet. Import the plan document (.txt, .docx, .xlsx) with “Import Plan…”; its tasks, sections and targets are recognised and shown for review before anything is saved.</source>
        <translation>尚无方案。请用“导入方案…”导入方案文档（.txt、.docx、.xlsx）；识别出的任务、章节和指标会先供核对，确认后才保存。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/plans_view.py" line="163"/>
        <source>★ marks the current plan, which every page shows. Double-click a plan to make it current.</source>
        <translation>★ 表示当前方案，各页面均显示该方案。双击某方案可设为当前方案。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/ui/plans_view.py" line="166"/>
        <source>%n task(s) of the current plan have no lead unit yet: use “Assign Units” to give them one before issuing.</source>
        <translation>
            <numerusform>当前方案有 %n 项任务尚无牵头单位：请在下发前用“指定单位”为其指定。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/plans_view.py" line="177"/>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/plans_view.py" line="178"/>
        <source>&amp;Archive</source>
        <translation>归档(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/plans_view.py" line="182"/>
        <source>Plan</source>
        <translation>方案</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/plans_view.py" line="182"/>
        <source>Source file</source>
        <translation>来源文件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/plans_view.py" line="182"/>
        <source>Tasks</source>
        <translation>任务数</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/plans_view.py" line="183"/>
        <source>Without lead</source>
        <translation>无牵头单位</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/plans_view.py" line="183"/>
        <source>Imported</source>
        <translation>导入日期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/plans_view.py" line="183"/>
        <source>Revised</source>
        <translation>修订日期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/plans_view.py" line="184"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/plans_view.py" line="185"/>
        <source>&amp;Import Plan…</source>
        <translation>导入方案(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/plans_view.py" line="186"/>
        <source>Re-import as &amp;Revision…</source>
        <translation>作为修订重新导入(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/plans_view.py" line="187"/>
        <source>Import a revised version of the selected plan&apos;s document: the changes are listed task by task before they are saved.</source>
        <translation>导入所选方案文档的修订版：保存前逐项列出各任务的变化。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/plans_view.py" line="189"/>
        <source>Set as &amp;Current</source>
        <translation>设为当前(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/plans_view.py" line="190"/>
        <source>Assign &amp;Units…</source>
        <translation>指定单位(&amp;U)…</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/file_dialogs.py" line="49"/>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>Don&apos;t Save</source>
        <translation>不保存</translation>
    </message>
    <message>
        <source>Close without Saving</source>
        <translation>关闭且不保存</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../desktop_app/ui/reports_view.py" line="188"/>
        <source>Monthly scheduling bulletin (PDF)</source>
        <translation>月度调度通报（PDF）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports_view.py" line="189"/>
        <source>Quarterly early-warning circular (PDF)</source>
        <translation>季度预警通报（PDF）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports_view.py" line="190"/>
        <source>Annual assessment report (PDF)</source>
        <translation>年度考核报告（PDF）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports_view.py" line="191"/>
        <source>Department task sheet (PDF)</source>
        <translation>部门任务清单（PDF）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports_view.py" line="192"/>
        <source>Task ledger (Excel)</source>
        <translation>任务台账（Excel）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports_view.py" line="193"/>
        <source>Monthly summary (Excel)</source>
        <translation>月度汇总（Excel）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports_view.py" line="194"/>
        <source>Assessment score sheet (Excel)</source>
        <translation>考核评分表（Excel）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports_view.py" line="207"/>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports_view.py" line="208"/>
        <source>&amp;Month:</source>
        <translation>月份(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports_view.py" line="209"/>
        <source>&amp;Quarter:</source>
        <translation>季度(&amp;Q)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports_view.py" line="210"/>
        <source>&amp;Year:</source>
        <translation>年度(&amp;Y)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports_view.py" line="211"/>
        <source>&amp;Department:</source>
        <translation>单位(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports_view.py" line="212"/>
        <source>&amp;Language of the report:</source>
        <translation>报告语言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports_view.py" line="213"/>
        <source>Save &amp;as:</source>
        <translation>保存为(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports_view.py" line="214"/>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports_view.py" line="215"/>
        <source>Open the file when it is ready</source>
        <translation>生成后打开文件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports_view.py" line="216"/>
        <source>&amp;Build</source>
        <translation>生成(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports_view.py" line="217"/>
        <source>Build the report in the background (Ctrl+Enter)</source>
        <translation>在后台生成报告（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports_view.py" line="218"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports_view.py" line="219"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports_view.py" line="220"/>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports_view.py" line="221"/>
        <source>Open &amp;Folder</source>
        <translation>打开文件夹(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports_view.py" line="290"/>
        <source>This database has no plan yet: import one on the Plans page.</source>
        <translation>此数据库尚无方案：请在“方案”页导入。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports_view.py" line="293"/>
        <source>No month to report on yet: create the year&apos;s periods on the Periods page (issuing workbooks also creates the month it issues for).</source>
        <translation>尚无可通报的月份：请在“报送周期”页创建全年报送期（下发工作簿时也会创建所下发的月份）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports_view.py" line="295"/>
        <source>No quarter yet: create the year&apos;s periods on the Periods page; the early-warning circular is about a quarter.</source>
        <translation>尚无季度：请在“报送周期”页创建全年报送期；预警通报针对某一季度。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports_view.py" line="297"/>
        <source>No assessment year yet: create the year&apos;s periods on the Periods page; the annual report is about a year.</source>
        <translation>尚无考核年度：请在“报送周期”页创建全年报送期；年度报告针对某一年度。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports_view.py" line="299"/>
        <source>No unit is assigned to a task of this plan yet: assign units on the Ledger page.</source>
        <translation>本方案的任务尚未指定任何单位：请在“任务台账”页指定单位。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports_view.py" line="334"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports_view.py" line="334"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports_view.py" line="335"/>
        <source>Save Report As</source>
        <translation>报告另存为</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports_view.py" line="355"/>
        <source>Building %1…</source>
        <translation>正在生成%1…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports_view.py" line="356"/>
        <source>Laying out page %1…</source>
        <translation>正在排版第 %1 页…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports_view.py" line="421"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/ui/reports_view.py" line="424"/>
        <source>Saved %1 (%n page(s)).</source>
        <translation>
            <numerusform>已保存 %1（共 %n 页）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Fonts: %1</source>
        <translation>字体：%1</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../desktop_app/ui/backup.py" line="56"/>
        <source>Restore from Backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup.py" line="57"/>
        <source>Choose a backup. The current state is backed up first, so a restore can be undone by restoring that copy.</source>
        <translation>请选择一个备份。恢复前会先备份当前数据，恢复后仍可用该备份撤销。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup.py" line="63"/>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup.py" line="72"/>
        <source>by hand</source>
        <translation>手动</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup.py" line="72"/>
        <source>before a merge</source>
        <translation>合并前</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup.py" line="73"/>
        <source>before a restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup.py" line="73"/>
        <source>before an upgrade</source>
        <translation>升级前</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup.py" line="74"/>
        <source>before merging departments</source>
        <translation>合并部门前</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup.py" line="93"/>
        <source>Replace everything in the open database with the backup of %1?</source>
        <translation>用 %1 的备份替换当前数据库的全部内容？</translation>
    </message>
</context>
<context>
    <name>SchemeDialog</name>
    <message>
        <location filename="../../desktop_app/ui/assessment_view.py" line="544"/>
        <source>Assessment Scheme</source>
        <translation>考核方案</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/assessment_view.py" line="546"/>
        <source>Task progress: points</source>
        <translation>任务进度：分值</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/assessment_view.py" line="546"/>
        <source>Weight of lead tasks</source>
        <translation>牵头任务权重</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/assessment_view.py" line="547"/>
        <source>Weight of cooperating tasks</source>
        <translation>配合任务权重</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/assessment_view.py" line="548"/>
        <source>Reporting: points</source>
        <translation>按时报送：分值</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/assessment_view.py" line="548"/>
        <source>Per late report: −</source>
        <translation>每次迟报扣</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/assessment_view.py" line="549"/>
        <source>Per missing report: −</source>
        <translation>每次未报扣</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/assessment_view.py" line="549"/>
        <source>Reporting: not below</source>
        <translation>按时报送：最低</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/assessment_view.py" line="550"/>
        <source>Early warnings: points</source>
        <translation>预警情况：分值</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/assessment_view.py" line="550"/>
        <source>Per yellow task-quarter: −</source>
        <translation>每个黄色预警（任务·季度）扣</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/assessment_view.py" line="551"/>
        <source>Per red task-quarter: −</source>
        <translation>每个红色预警（任务·季度）扣</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/assessment_view.py" line="551"/>
        <source>Warnings: not below</source>
        <translation>预警情况：最低</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/assessment_view.py" line="552"/>
        <source>Evaluation: points</source>
        <translation>综合评价：分值</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/assessment_view.py" line="553"/>
        <source>Evaluation not entered counts</source>
        <translation>未录入综合评价时计</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/assessment_view.py" line="554"/>
        <source>Each adjustment within ±</source>
        <translation>单项加减分不超过 ±</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/assessment_view.py" line="555"/>
        <source>All adjustments within ±</source>
        <translation>加减分合计不超过 ±</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/assessment_view.py" line="572"/>
        <source>Grades (minimum total)</source>
        <translation>等次（最低总分）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/assessment_view.py" line="582"/>
        <source>Cap the share of the top grade</source>
        <translation>限制最高等次的比例</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/assessment_view.py" line="591"/>
        <source>At most</source>
        <translation>最多</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/assessment_view.py" line="596"/>
        <source>Decimals</source>
        <translation>小数位数</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/assessment_view.py" line="598"/>
        <source>Saved to %1; PeakDesk uses this copy from now on. A locked year keeps its own scheme.</source>
        <translation>保存到 %1；此后 PeakDesk 使用这份副本。已锁定的年度保留其原有方案。</translation>
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
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="42"/>
        <source>Kept with the open database, so the command line (peakdesk merge, peakdesk backup) keeps the same number.</source>
        <translation>此设置保存在当前数据库中，命令行（peakdesk merge、peakdesk backup）保留同样的份数。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="44"/>
        <source>&amp;Backups kept of this database:</source>
        <translation>本数据库保留的备份份数(&amp;B)：</translation>
    </message>
</context>
<context>
    <name>SubmissionMatrixModel</name>
    <message>
        <location filename="../../desktop_app/ui/submissions_view.py" line="72"/>
        <source>On time</source>
        <translation>按时</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/submissions_view.py" line="73"/>
        <source>Late</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/submissions_view.py" line="74"/>
        <source>Missing</source>
        <translation>未报</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/submissions_view.py" line="75"/>
        <source>Not due yet</source>
        <translation>未到期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/submissions_view.py" line="152"/>
        <source>Received %1</source>
        <translation>收到时间 %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/submissions_view.py" line="153"/>
        <source>Due %1</source>
        <translation>截止 %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/submissions_view.py" line="155"/>
        <source>Contact: %1</source>
        <translation>联系人：%1</translation>
    </message>
    <message>
        <source>Not due</source>
        <translation>未到期</translation>
    </message>
</context>
<context>
    <name>SubmissionsPage</name>
    <message>
        <location filename="../../desktop_app/ui/submissions_view.py" line="375"/>
        <source>%1: %2 of %3 departments reported (%4 on time, %5 late), %6 not yet; due %7.</source>
        <translation>%1：%3 个单位中已报送 %2 个（按时 %4 个，逾期 %5 个），尚未报送 %6 个；截止 %7。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/submissions_view.py" line="378"/>
        <source>%1: %2 of %3 departments reported (%4 on time, %5 late), %6 missing.</source>
        <translation>%1：%3 个单位中已报送 %2 个（按时 %4 个，逾期 %5 个），未报 %6 个。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/submissions_view.py" line="428"/>
        <source>reminders-%1.xlsx</source>
        <translation>催报名单-%1.xlsx</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/submissions_view.py" line="429"/>
        <location filename="../../desktop_app/ui/submissions_view.py" line="445"/>
        <source>Export Reminder List</source>
        <translation>导出催报名单</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/submissions_view.py" line="430"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/ui/submissions_view.py" line="447"/>
        <source>%n missing department(s) written to %1.</source>
        <translation>
            <numerusform>已将 %n 个未报单位写入 %1。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/submissions_view.py" line="454"/>
        <source>&amp;Issue Workbooks…</source>
        <translation>下发工作簿(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/submissions_view.py" line="455"/>
        <source>&amp;Merge Returned Workbooks…</source>
        <translation>汇总报送工作簿(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/submissions_view.py" line="456"/>
        <source>&amp;Period:</source>
        <translation>报送期(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/submissions_view.py" line="457"/>
        <source>Export &amp;Reminder List…</source>
        <translation>导出催报名单(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/submissions_view.py" line="458"/>
        <source>&amp;Only departments not yet reported</source>
        <translation>只看尚未报送的部门(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/submissions_view.py" line="459"/>
        <source>Show only the departments missing (or not due yet) for the chosen period</source>
        <translation>只显示所选期次缺报(或尚未到期)的部门</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/submissions_view.py" line="461"/>
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
<context>
    <name>WarningsPage</name>
    <message>
        <location filename="../../desktop_app/ui/warnings_view.py" line="94"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/warnings_view.py" line="141"/>
        <location filename="../../desktop_app/ui/warnings_view.py" line="165"/>
        <source>Red</source>
        <translation>红色</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/warnings_view.py" line="141"/>
        <location filename="../../desktop_app/ui/warnings_view.py" line="165"/>
        <source>Yellow</source>
        <translation>黄色</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/warnings_view.py" line="141"/>
        <location filename="../../desktop_app/ui/warnings_view.py" line="165"/>
        <source>Green</source>
        <translation>绿色</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/warnings_view.py" line="146"/>
        <source>Cooperating units: %1</source>
        <translation>配合单位：%1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/warnings_view.py" line="153"/>
        <source>Expected: %1</source>
        <translation>预期：%1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/warnings_view.py" line="156"/>
        <source>Reported: %1% (%2)</source>
        <translation>已报：%1%（%2）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/warnings_view.py" line="162"/>
        <source>&amp;Quarter:</source>
        <translation>季度(&amp;Q)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/warnings_view.py" line="163"/>
        <source>&amp;Level:</source>
        <translation>等级(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/warnings_view.py" line="164"/>
        <source>&amp;Department:</source>
        <translation>单位(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/warnings_view.py" line="165"/>
        <source>All levels</source>
        <translation>全部等级</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/warnings_view.py" line="168"/>
        <location filename="../../desktop_app/ui/warnings_view.py" line="254"/>
        <source>All departments</source>
        <translation>全部单位</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/warnings_view.py" line="169"/>
        <source>&amp;Acknowledge…</source>
        <translation>确认(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/warnings_view.py" line="170"/>
        <source>Record that you have seen this warning, with a note (Ctrl+Enter).</source>
        <translation>记录已阅知此预警并填写说明（Ctrl+Enter）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/warnings_view.py" line="171"/>
        <source>&amp;Publish Quarter…</source>
        <translation>发布本季(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/warnings_view.py" line="173"/>
        <source>Freeze this quarter&apos;s warnings as sent: later edits no longer change them.</source>
        <translation>按发布时的状态固定本季预警，之后的修改不再影响。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/warnings_view.py" line="174"/>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/warnings_view.py" line="174"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/warnings_view.py" line="174"/>
        <source>Title</source>
        <translation>任务名称</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/warnings_view.py" line="174"/>
        <location filename="../../desktop_app/ui/warnings_view.py" line="302"/>
        <source>Lead unit</source>
        <translation>牵头单位</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/warnings_view.py" line="175"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/warnings_view.py" line="175"/>
        <location filename="../../desktop_app/ui/warnings_view.py" line="312"/>
        <source>Acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/warnings_view.py" line="269"/>
        <source>No quarter to show.</source>
        <translation>没有可显示的季度。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/warnings_view.py" line="278"/>
        <source>Published %1 — these warnings are frozen as sent.</source>
        <translation>已于 %1 发布——预警结果按发布时固定。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/warnings_view.py" line="281"/>
        <source>Not published; computed as of %1 (progress measured on %2).</source>
        <translation>未发布；截至 %1 计算（进度按 %2 衡量）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/warnings_view.py" line="301"/>
        <source>Select a warning to see why it was raised.</source>
        <translation>选择一条预警，查看其原因。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/warnings_view.py" line="303"/>
        <source>Cooperating units</source>
        <translation>配合单位</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/warnings_view.py" line="304"/>
        <source>Rules that fired</source>
        <translation>触发的规则</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/warnings_view.py" line="305"/>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/warnings_view.py" line="306"/>
        <source>Monthly reports in the quarter</source>
        <translation>本季度月报</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/warnings_view.py" line="307"/>
        <source>received %1</source>
        <translation>%1 收到</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/warnings_view.py" line="308"/>
        <source>due %1</source>
        <translation>%1 截止</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/warnings_view.py" line="309"/>
        <source>Target</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/warnings_view.py" line="310"/>
        <source>path now</source>
        <translation>当前应达</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/warnings_view.py" line="311"/>
        <source>reported</source>
        <translation>已报</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/warnings_view.py" line="348"/>
        <source>Expected progress</source>
        <translation>预期进度</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/warnings_view.py" line="350"/>
        <source>never reported</source>
        <translation>从未报送</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/warnings_view.py" line="352"/>
        <source>Reported progress</source>
        <translation>报送进度</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/warnings_view.py" line="354"/>
        <source>Behind by</source>
        <translation>落后</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/warnings_view.py" line="354"/>
        <source>%1 points</source>
        <translation>%1 个百分点</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/warnings_view.py" line="356"/>
        <source>Reported status</source>
        <translation>报送状态</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/warnings_view.py" line="358"/>
        <source>Task due</source>
        <translation>任务截止</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/warnings_view.py" line="360"/>
        <source>Measured on</source>
        <translation>衡量日期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/warnings_view.py" line="366"/>
        <source>on time</source>
        <translation>按时</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/warnings_view.py" line="366"/>
        <source>late</source>
        <translation>迟报</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/warnings_view.py" line="366"/>
        <source>missing</source>
        <translation>未报</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/warnings_view.py" line="367"/>
        <source>not yet due</source>
        <translation>未到期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/warnings_view.py" line="390"/>
        <location filename="../../desktop_app/ui/warnings_view.py" line="399"/>
        <source>Acknowledge Warning</source>
        <translation>确认预警</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/warnings_view.py" line="391"/>
        <source>Note on %1 — %2 (what was agreed, who follows up):</source>
        <translation>关于 %1 — %2 的说明（商定事项、跟进人）：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/warnings_view.py" line="411"/>
        <location filename="../../desktop_app/ui/warnings_view.py" line="419"/>
        <source>Publish Quarter</source>
        <translation>发布本季</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/warnings_view.py" line="412"/>
        <source>Publish the warnings of %1? They are frozen as they are now: later reports and edits no longer change them (a unit that catches up turns green in the next quarter).</source>
        <translation>发布 %1 的预警？预警将按当前状态固定，之后的报送和修改不再改变它们（赶上进度的单位在下一季度转为绿色）。</translation>
    </message>
</context>
<context>
    <name>WelcomePanel</name>
    <message>
        <location filename="../../desktop_app/ui/welcome.py" line="56"/>
        <source>Welcome to PeakDesk</source>
        <translation>欢迎使用 PeakDesk</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/welcome.py" line="57"/>
        <source>No database is open. A database holds one desk&apos;s plans, units, periods and reports; keep it somewhere that is backed up.</source>
        <translation>尚未打开数据库。一个数据库保存一个任务台的方案、单位、报送期和报告；请将其存放在有备份的位置。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/welcome.py" line="59"/>
        <source>Open the &amp;Demo</source>
        <translation>打开演示(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/welcome.py" line="60"/>
        <source>Create a &amp;New Database…</source>
        <translation>新建数据库(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/welcome.py" line="61"/>
        <source>&amp;Open an Existing Database…</source>
        <translation>打开已有数据库(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/welcome.py" line="62"/>
        <source>A sample district plan with a year of reports, to look around safely.</source>
        <translation>一个示例区级方案及一年的报送数据，可放心浏览。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/welcome.py" line="63"/>
        <source>Start your own desk: then import your plan on the Plans page.</source>
        <translation>建立自己的任务台：随后在“方案”页导入方案。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/welcome.py" line="64"/>
        <source>A .sqlite file made by PeakDesk, e.g. one a colleague handed over.</source>
        <translation>由 PeakDesk 生成的 .sqlite 文件，例如同事移交的数据库。</translation>
    </message>
</context>
<context>
    <name>OfficeSettingsDialog</name>
    <message>
        <location filename="../../desktop_app/ui/office_settings.py" line="35"/>
        <source>Office Settings for Printed Documents</source>
        <translation>公文发文设置</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/office_settings.py" line="35"/>
        <source>Issuing body (发文机关)</source>
        <translation>发文机关</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/office_settings.py" line="35"/>
        <source>{region}碳达峰碳中和工作领导小组办公室</source>
        <translation>{region}碳达峰碳中和工作领导小组办公室</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/office_settings.py" line="35"/>
        <source>Abbreviation in document numbers (机关代字)</source>
        <translation>发文字号中的机关代字</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/office_settings.py" line="35"/>
        <source>Main recipients (主送机关)</source>
        <translation>主送机关</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/office_settings.py" line="35"/>
        <source>Copy to (抄送)</source>
        <translation>抄送机关</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/office_settings.py" line="35"/>
        <source>Printed by (印发机关)</source>
        <translation>印发机关</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/office_settings.py" line="35"/>
        <source>the issuing body</source>
        <translation>同发文机关</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/office_settings.py" line="35"/>
        <source>Note (附注), e.g. disclosure</source>
        <translation>附注（如公开属性）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/office_settings.py" line="35"/>
        <source>Contact line</source>
        <translation>联系人及电话</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/office_settings.py" line="35"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/office_settings.py" line="35"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/office_settings.py" line="35"/>
        <source>from the English plan title, e.g. Jiading District</source>
        <translation>取自英文方案标题，如 Jiading District</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/office_settings.py" line="35"/>
        <source>District in the English issuer line</source>
        <translation>英文发文机关中的区名</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/office_settings.py" line="35"/>
        <source>Printed for the office&apos;s seal (GB/T 9704 7.3.5)</source>
        <translation>加盖印章的文种（GB/T 9704 7.3.5）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/office_settings.py" line="35"/>
        <source>Monthly bulletin</source>
        <translation>月度调度通报</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/office_settings.py" line="35"/>
        <source>Quarterly circular</source>
        <translation>季度预警通报</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/office_settings.py" line="35"/>
        <source>Annual assessment</source>
        <translation>年度考核结果通报</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/office_settings.py" line="35"/>
        <source>Department task sheet</source>
        <translation>单位任务清单</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/office_settings.py" line="35"/>
        <source>A sealed document leaves room for the seal and puts the date four characters from the right with the issuer centred above it; an unsealed one puts the issuer two characters from the right and the date below it.</source>
        <translation>加盖印章的公文留出用印位置，成文日期右空四字，发文机关署名以成文日期为准居中；不加盖印章的公文发文机关署名右空二字，成文日期在其下一行。</translation>
    </message>
</context>
</TS>
