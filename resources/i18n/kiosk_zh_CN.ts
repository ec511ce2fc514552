<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AdmissionsModel</name>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="71" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="72" />
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="73" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="74" />
        <source>Unit / company</source>
        <translation>房号 / 单位</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="75" />
        <source>How</source>
        <translation>放行依据</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="76" />
        <source>Title / card / permit</source>
        <translation>称呼 / 工作证 / 出入证</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="77" />
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="78" />
        <source>Patrol</source>
        <translation>巡逻跟踪</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="97" />
        <source>Kiosk</source>
        <translation>自助机</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="101" />
        <source>Followed by %1</source>
        <translation>%1 已跟踪</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="102" />
        <source>Told, not yet followed</source>
        <translation>已通知，尚未跟踪</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="102" />
        <source>NOT told</source>
        <translation>未通知</translation>
    </message>
</context>
<context>
    <name>AdmissionsPage</name>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="144" />
        <source>Admissions</source>
        <translation>来人放行登记</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="145" />
        <source>Let through</source>
        <translation>放行登记</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="146" />
        <source>Company leaders</source>
        <translation>公司领导名单</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="148" />
        <source>Patrol notices</source>
        <translation>巡逻跟踪通知</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="150" />
        <source>Last action result</source>
        <translation>上次操作结果</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="165" />
        <source>Who is it</source>
        <translation>来人类别</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="167" />
        <source>What the procedure says</source>
        <translation>处理流程</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="170" />
        <location filename="../../kiosk/ui/console/admissions_page.py" line="201" />
        <location filename="../../kiosk/ui/console/admissions_page.py" line="245" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="172" />
        <location filename="../../kiosk/ui/console/admissions_page.py" line="202" />
        <source>Unit</source>
        <translation>房号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="174" />
        <source>e.g. 2-104</source>
        <translation>例如 2-104</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="175" />
        <source>How it was checked</source>
        <translation>核实方式</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="176" />
        <source>Intercom: the unit agreed</source>
        <translation>对讲：该房住户同意</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="178" />
        <source>Nobody home: name checked against the resident records (patrol told)</source>
        <translation>房内无人：已与业主/住户资料核对（通知巡逻岗）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="182" />
        <source>The intercom call</source>
        <translation>对讲记录</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="184" />
        <source>Whom you spoke to and what they said</source>
        <translation>与谁通话，对方如何答复</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="185" />
        <source>Leader from the list</source>
        <translation>名单中的领导</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="186" />
        <source>Company or department</source>
        <translation>单位或部门</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="188" />
        <source>Work card number</source>
        <translation>工作证号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="190" />
        <location filename="../../kiosk/ui/console/admissions_page.py" line="208" />
        <source>Permit</source>
        <translation>出入证</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="192" />
        <source>Scan the permit's QR or type its number</source>
        <translation>扫描出入证二维码或输入编号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="193" />
        <location filename="../../kiosk/ui/console/admissions_page.py" line="209" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="196" />
        <location filename="../../kiosk/ui/console/admissions_page.py" line="391" />
        <source>Let through and record</source>
        <translation>放行并登记</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="196" />
        <source>Let the person through and record it</source>
        <translation>放行此人并登记</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="199" />
        <source>Who</source>
        <translation>来人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="203" />
        <source>Checked by</source>
        <translation>核实方式</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="204" />
        <source>Intercom call</source>
        <translation>对讲记录</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="205" />
        <source>Leader</source>
        <translation>领导</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="206" />
        <location filename="../../kiosk/ui/console/admissions_page.py" line="247" />
        <source>Company</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="207" />
        <source>Work card</source>
        <translation>工作证</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="212" />
        <location filename="../../kiosk/ui/console/admissions_page.py" line="216" />
        <source>Today's admissions</source>
        <translation>今日放行登记</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="225" />
        <source>Company leaders who are not residents (附名单): greet them by their title and let them through.</source>
        <translation>非住户公司领导（附名单）：主动打招呼，叫出领导称呼，放行。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="230" />
        <location filename="../../kiosk/ui/console/admissions_page.py" line="231" />
        <source>Show leaders taken off the list</source>
        <translation>显示已移出名单的领导</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="235" />
        <source>Company leaders' list</source>
        <translation>公司领导名单</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="238" />
        <source>Leader's name</source>
        <translation>领导姓名</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="240" />
        <source>How the desk greets them</source>
        <translation>前台称呼</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="242" />
        <source>e.g. 王总</source>
        <translation>例如 王总</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="243" />
        <source>Leader's company</source>
        <translation>领导所在单位</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="246" />
        <source>Greeting</source>
        <translation>称呼</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="250" />
        <source>Add to the list</source>
        <translation>加入名单</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="250" />
        <source>Add the leader to the list</source>
        <translation>将此领导加入名单</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="253" />
        <source>Why taken off the list</source>
        <translation>移出名单原因</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="255" />
        <source>Why taken off the list (required)</source>
        <translation>移出名单原因（必填）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="257" />
        <source>Take off the list</source>
        <translation>移出名单</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="259" />
        <source>Take the selected leader off the list</source>
        <translation>将所选领导移出名单</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="389" />
        <source>Door opened</source>
        <translation>已开门</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="398" />
        <source>Let them use their card or code; if they forgot it, open the door and remind them to bring it next time. Nothing goes in the visitor record.</source>
        <translation>由其自行刷卡或按密码进入；如忘记密码或未带卡，帮其开门并提醒其下次带卡。无需登记。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="403" />
        <source>Ask them to call the unit on the intercom and let them in once the unit agrees. If nobody is home, ask their name and check it against the resident records: the patrol guard is told to follow them.</source>
        <translation>请其通过对讲与该房住户联系，得到许可后方可开门；如该房内无人，询问其姓名并与业主/住户资料核对无误后开门，并通知巡逻岗安全管理员跟踪。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="408" />
        <source>Greet them by their title (e.g. 王总) and let them through.</source>
        <translation>主动打招呼，叫出领导称呼（如王总），放行。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="410" />
        <source>Check their work card; let them through if it is in order.</source>
        <translation>查验其工作证，无误后放行。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="413" />
        <source>Check the permit (出入证): only a valid permit on the management office's register lets them in.</source>
        <translation>查验出入证：须为管理处登记的有效出入证方可放行。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="416" />
        <source>Visitors to someone are registered on the Walk-in registration page.</source>
        <translation>外来访客请在“来访登记”页办理。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="439" />
        <source>This site lets nobody through here: see the site settings.</source>
        <translation>本处未设置可放行的人员类别，请查看站点设置。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="460" />
        <source>Door opened for a resident known by sight (not recorded).</source>
        <translation>已为认识的住户开门（不登记）。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="464" />
        <source>Let through and recorded: %1 (%2).</source>
        <translation>已放行并登记：%1（%2）。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="468" />
        <source>Permit %1 valid: %2 let in and recorded.</source>
        <translation>出入证 %1 有效：%2 已放行并登记。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="474" />
        <source>The patrol guard was told to follow.</source>
        <translation>已通知巡逻岗跟踪。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="476" />
        <source>The patrol guard could NOT be told: radio them now.</source>
        <translation>未能通知巡逻岗：请立即用对讲机通知。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="491" />
        <source>Enter the person's name.</source>
        <translation>请输入来人姓名。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="492" />
        <source>The name has at most %1 characters.</source>
        <translation>姓名最多 %1 个字符。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="521" />
        <source>%1 added to the leaders' list.</source>
        <translation>%1 已加入领导名单。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="533" />
        <source>Select a leader in the list first.</source>
        <translation>请先在名单中选择一位领导。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="545" />
        <source>%1 taken off the leaders' list (kept on record).</source>
        <translation>%1 已移出领导名单（记录保留）。</translation>
    </message>
</context>
<context>
    <name>ApplicationTableModel</name>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="81" />
        <source>Form No.</source>
        <translation>申请表编号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="82" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="83" />
        <source>Holder</source>
        <translation>持卡人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="84" />
        <source>ID</source>
        <translation>证件</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="85" />
        <source>Card No.</source>
        <translation>卡号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="86" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="87" />
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="88" />
        <source>Filed by</source>
        <translation>提交人</translation>
    </message>
</context>
<context>
    <name>AuditWords</name>
    <message>
        <location filename="../../kiosk/ui/common/audit_words.py" line="25" />
        <source>staff number %1</source>
        <translation>员工号 %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/audit_words.py" line="27" />
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/audit_words.py" line="32" />
        <source>kiosk %1</source>
        <translation>自助终端 %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/audit_words.py" line="33" />
        <source>desk console %1</source>
        <translation>前台控制台 %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/audit_words.py" line="34" />
        <source>command line (%1)</source>
        <translation>命令行（%1）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/audit_words.py" line="35" />
        <source>unknown staff number %1</source>
        <translation>未知员工号 %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/audit_words.py" line="38" />
        <source>the host (e-mail link)</source>
        <translation>被访人（邮件链接）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/audit_words.py" line="64" />
        <source>they filed it themselves; another supervisor must decide</source>
        <translation>本人提交的申请，须由其他主管审批</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/audit_words.py" line="67" />
        <source>their role may not do this</source>
        <translation>其岗位无此权限</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/audit_words.py" line="68" />
        <source>revocation notice from sales</source>
        <translation>销售部销卡通知</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/audit_words.py" line="69" />
        <source>card lost</source>
        <translation>卡片遗失</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/audit_words.py" line="70" />
        <source>validity ended</source>
        <translation>有效期已到</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/audit_words.py" line="71" />
        <location filename="../../kiosk/ui/common/audit_words.py" line="88" />
        <source>not valid yet</source>
        <translation>尚未生效</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/audit_words.py" line="72" />
        <source>another site's card</source>
        <translation>其他楼宇的卡</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/audit_words.py" line="73" />
        <source>signature does not match (altered or copied)</source>
        <translation>签名不符（被篡改或复制）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/audit_words.py" line="76" />
        <source>copied onto another card</source>
        <translation>被复制到另一张卡</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/audit_words.py" line="79" />
        <source>IDC card</source>
        <translation>IDC身份校验卡</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/audit_words.py" line="80" />
        <source>visitor card</source>
        <translation>访客卡</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/audit_words.py" line="81" />
        <source>machine-room pass</source>
        <translation>机房访客证</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/audit_words.py" line="84" />
        <source>blank</source>
        <translation>空白卡</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/audit_words.py" line="85" />
        <source>valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/audit_words.py" line="86" />
        <location filename="../../kiosk/ui/common/audit_words.py" line="98" />
        <source>blocked</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/audit_words.py" line="87" />
        <location filename="../../kiosk/ui/common/audit_words.py" line="99" />
        <source>expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/audit_words.py" line="89" />
        <location filename="../../kiosk/ui/common/audit_words.py" line="97" />
        <source>returned</source>
        <translation>已归还</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/audit_words.py" line="90" />
        <source>never issued</source>
        <translation>未发放</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/audit_words.py" line="91" />
        <source>not genuine</source>
        <translation>非本系统签发或被篡改</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/audit_words.py" line="92" />
        <source>another system's card</source>
        <translation>其他系统的卡</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/audit_words.py" line="95" />
        <source>being written</source>
        <translation>写卡中</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/audit_words.py" line="96" />
        <source>in use</source>
        <translation>使用中</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/audit_words.py" line="100" />
        <source>void</source>
        <translation>作废</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/audit_words.py" line="103" />
        <source>webhook</source>
        <translation>Webhook</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/audit_words.py" line="104" />
        <source>CSV folder</source>
        <translation>CSV 文件夹</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/audit_words.py" line="105" />
        <source>e-mail to 系统部</source>
        <translation>邮件发送系统部</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/audit_words.py" line="108" />
        <source>card issued</source>
        <translation>发卡</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/audit_words.py" line="109" />
        <source>card revoked</source>
        <translation>注销</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/audit_words.py" line="143" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/audit_words.py" line="144" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/audit_words.py" line="145" />
        <source>Form No.</source>
        <translation>申请表编号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/audit_words.py" line="146" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/audit_words.py" line="147" />
        <source>Holder</source>
        <translation>持卡人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/audit_words.py" line="148" />
        <source>ID ends in</source>
        <translation>证件尾号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/audit_words.py" line="149" />
        <source>Card No.</source>
        <translation>卡号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/audit_words.py" line="150" />
        <source>Card type</source>
        <translation>卡类型</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/audit_words.py" line="151" />
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/audit_words.py" line="152" />
        <source>Was</source>
        <translation>原状态</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/audit_words.py" line="153" />
        <source>Card check</source>
        <translation>验卡结果</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/audit_words.py" line="154" />
        <source>Role</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/audit_words.py" line="155" />
        <source>Sent to</source>
        <translation>发送至</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/audit_words.py" line="156" />
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/audit_words.py" line="157" />
        <source>Attempt</source>
        <translation>第几次</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/audit_words.py" line="158" />
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/audit_words.py" line="161" />
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/audit_words.py" line="167" />
        <source>, </source>
        <translation>，</translation>
    </message>
</context>
<context>
    <name>AutoCheckoutTableModel</name>
    <message>
        <location filename="../../kiosk/ui/console/board_follow_up.py" line="84" />
        <source>Badge</source>
        <translation>访客证号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_follow_up.py" line="85" />
        <source>Visitor</source>
        <translation>访客</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_follow_up.py" line="86" />
        <source>Company</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_follow_up.py" line="87" />
        <source>Host</source>
        <translation>被访人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_follow_up.py" line="88" />
        <source>Time in</source>
        <translation>到访时间</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_follow_up.py" line="89" />
        <source>Visitor card</source>
        <translation>访客卡</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_follow_up.py" line="109" />
        <source>No card</source>
        <translation>无卡</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_follow_up.py" line="111" />
        <source>%1 NOT RETURNED</source>
        <translation>%1 未归还</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_follow_up.py" line="112" />
        <source>%1 returned</source>
        <translation>%1 已归还</translation>
    </message>
</context>
<context>
    <name>BoardKeysModel</name>
    <message>
        <location filename="../../kiosk/ui/console/board_keys.py" line="28" />
        <source>Access card</source>
        <translation>门禁卡</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_keys.py" line="29" />
        <source>Key</source>
        <translation>钥匙</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_keys.py" line="40" />
        <source>OVERDUE %1</source>
        <translation>已超时 %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_keys.py" line="42" />
        <source>%1 left</source>
        <translation>剩余 %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_keys.py" line="52" />
        <source>Keys</source>
        <translation>钥匙</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_keys.py" line="52" />
        <source>Opens</source>
        <translation>开启</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_keys.py" line="52" />
        <source>Out</source>
        <translation>未还</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_keys.py" line="52" />
        <source>Borrower</source>
        <translation>借用人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_keys.py" line="52" />
        <source>Due back</source>
        <translation>应还时间</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_keys.py" line="89" />
        <source>Keys out on loan</source>
        <translation>借出中的钥匙</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_keys.py" line="103" />
        <source>Keys out (%1)</source>
        <translation>借出钥匙（%1）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_keys.py" line="105" />
        <source>%1 overdue</source>
        <translation>%1 项超时</translation>
    </message>
</context>
<context>
    <name>BoardMailModel</name>
    <message>
        <location filename="../../kiosk/ui/console/board_mail.py" line="31" />
        <source>Received</source>
        <translation>签收时间</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_mail.py" line="32" />
        <source>Item</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_mail.py" line="33" />
        <source>Kind</source>
        <translation>种类</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_mail.py" line="34" />
        <source>For</source>
        <translation>收件人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_mail.py" line="35" />
        <source>Shelf</source>
        <translation>存放位置</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_mail.py" line="36" />
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_mail.py" line="47" />
        <source>unclaimed: return with approval</source>
        <translation>逾期未领：经审核后退回</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_mail.py" line="49" />
        <source>received damaged</source>
        <translation>收到时已破损</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_mail.py" line="51" />
        <source>moved out</source>
        <translation>已迁离</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_mail.py" line="75" />
        <source>Moved-out people to tell</source>
        <translation>需通知的迁离用户</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_mail.py" line="85" />
        <source>Mail waiting at the desk</source>
        <translation>前台待领邮件</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_mail.py" line="105" />
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_mail.py" line="108" />
        <source>Weekly reminder: tell %1 (%2, %3) to collect %4 item(s) from the moved-out shelf (last told: %5).</source>
        <translation>每周提醒：请通知 %1（%2，%3）到迁离专柜领取 %4 件邮件（上次通知：%5）。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_mail.py" line="128" />
        <source>Mail (%1)</source>
        <translation>邮件（%1）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_mail.py" line="130" />
        <source>%1 unclaimed</source>
        <translation>%1 件逾期未领</translation>
    </message>
</context>
<context>
    <name>BoardMessagesModel</name>
    <message>
        <location filename="../../kiosk/ui/console/board_messages.py" line="27" />
        <source>Received</source>
        <translation>来电时间</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_messages.py" line="28" />
        <source>For</source>
        <translation>受话人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_messages.py" line="29" />
        <source>From</source>
        <translation>来电人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_messages.py" line="30" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_messages.py" line="31" />
        <source>Asked</source>
        <translation>要求</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_messages.py" line="32" />
        <source>Message</source>
        <translation>留言内容</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_messages.py" line="67" />
        <source>Phone messages not yet passed on</source>
        <translation>未转告的电话留言</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_messages.py" line="88" />
        <source>Messages (%1)</source>
        <translation>留言（%1）</translation>
    </message>
</context>
<context>
    <name>BoardNewspapersModel</name>
    <message>
        <location filename="../../kiosk/ui/console/board_newspapers.py" line="27" />
        <source>Title</source>
        <translation>报刊名称</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_newspapers.py" line="27" />
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_newspapers.py" line="27" />
        <source>What</source>
        <translation>情况</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_newspapers.py" line="27" />
        <source>Follow-up</source>
        <translation>跟进</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_newspapers.py" line="44" />
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_newspapers.py" line="45" />
        <source>%1 expected, not counted</source>
        <translation>应到 %1 份，未清点</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_newspapers.py" line="46" />
        <source>Not delivered by the expected time</source>
        <translation>未按时送达</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_newspapers.py" line="50" />
        <source>Escalated to the shift leader</source>
        <translation>已报告领班</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_newspapers.py" line="52" />
        <source>Raised with the post office</source>
        <translation>已与邮局交涉</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_newspapers.py" line="54" />
        <source>Not raised yet</source>
        <translation>尚未交涉</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_newspapers.py" line="73" />
        <source>Newspapers not counted and shortfalls open</source>
        <translation>未清点报刊及未解决的缺失</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_newspapers.py" line="86" />
        <source>Newspapers (%1)</source>
        <translation>报刊（%1）</translation>
    </message>
</context>
<context>
    <name>BoardNight</name>
    <message>
        <location filename="../../kiosk/ui/console/board_night.py" line="51" />
        <source>duty officer notified</source>
        <translation>已通知值班人员</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_night.py" line="53" />
        <source>NOT notified (sending failed): phone the duty officer</source>
        <translation>未能通知（发送失败）：请电话联系值班人员</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_night.py" line="57" />
        <source>NOT notified (no channel set up): phone the duty officer</source>
        <translation>未通知（未设置通知方式）：请电话联系值班人员</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_night.py" line="67" />
        <location filename="../../kiosk/ui/console/board_night.py" line="83" />
        <source>Night duty</source>
        <translation>夜间值班</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_night.py" line="88" />
        <source>Visits waiting for the duty officer</source>
        <translation>等待值班人员审批的来访</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_night.py" line="96" />
        <source>Note on the duty officer's approval</source>
        <translation>值班人员审批备注</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_night.py" line="99" />
        <source>Note, e.g. the duty officer agreed by phone</source>
        <translation>备注，例如：值班人员电话同意</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_night.py" line="101" />
        <location filename="../../kiosk/ui/console/board_night.py" line="226" />
        <source>Approve as duty officer</source>
        <translation>代值班人员审批</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_night.py" line="103" />
        <source>Approve the selected visit as the duty officer (supervisors)</source>
        <translation>以值班人员身份批准所选来访（领班）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_night.py" line="113" />
        <source>Result of the duty officer's approval</source>
        <translation>值班审批结果</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_night.py" line="136" />
        <location filename="../../kiosk/ui/console/board_night.py" line="215" />
        <source>A supervisor approves as the duty officer.</source>
        <translation>由领班代值班人员审批。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_night.py" line="159" />
        <source>the duty officer</source>
        <translation>值班人员</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_night.py" line="163" />
        <source>Night duty (%1): %2 approves every visit.</source>
        <translation>夜间值班（%1）：所有来访由%2审批。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_night.py" line="169" />
        <source>Waiting for %1: %2.</source>
        <translation>等待%1审批：%2 个。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_night.py" line="173" />
        <source>Patrol notices not yet followed: %1.</source>
        <translation>巡逻岗尚未跟踪的通知：%1 条。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_night.py" line="185" />
        <source>%1 · %2 · since %3 (%4 min) · %5</source>
        <translation>%1 · %2 · %3 起（%4 分钟）· %5</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_night.py" line="220" />
        <source>Select a waiting visit in the banner first.</source>
        <translation>请先在提示栏中选择一个等待中的来访。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_night.py" line="222" />
        <source>Let %1 in as the duty officer? The badge prints at once.</source>
        <translation>以值班人员身份放行 %1？访客证将立即打印。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_night.py" line="228" />
        <source>Nothing done.</source>
        <translation>未作任何操作。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_night.py" line="238" />
        <source>Approved as duty officer: badge %1.</source>
        <translation>已代值班人员批准：访客证 %1。</translation>
    </message>
</context>
<context>
    <name>BoardRepairsModel</name>
    <message>
        <location filename="../../kiosk/ui/console/board_repairs.py" line="71" />
        <source>Request</source>
        <translation>报修单号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_repairs.py" line="72" />
        <source>Unit</source>
        <translation>房号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_repairs.py" line="73" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_repairs.py" line="74" />
        <source>Class</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_repairs.py" line="75" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_repairs.py" line="76" />
        <source>Deadline</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_repairs.py" line="77" />
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_repairs.py" line="115" />
        <source>OVERDUE %1</source>
        <translation>已超时 %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_repairs.py" line="116" />
        <source>%1 left</source>
        <translation>剩余 %1</translation>
    </message>
</context>
<context>
    <name>BoardRepairsPane</name>
    <message>
        <location filename="../../kiosk/ui/console/board_repairs.py" line="127" />
        <source>Repairs in progress</source>
        <translation>报修处理中</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_repairs.py" line="129" />
        <source>Open and overdue repairs</source>
        <translation>未完成及超时的报修</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_repairs.py" line="135" />
        <source>Open repair requests</source>
        <translation>未完成的报修</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_repairs.py" line="142" />
        <source>%1 open</source>
        <translation>未完成 %1 单</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_repairs.py" line="144" />
        <source>%1 OVERDUE</source>
        <translation>超时 %1 单</translation>
    </message>
</context>
<context>
    <name>BoardRoster</name>
    <message>
        <location filename="../../kiosk/ui/console/board_roster.py" line="20" />
        <source>nobody rostered</source>
        <translation>无人排班</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_roster.py" line="28" />
        <source>On duty: no approved roster for today.</source>
        <translation>值班：今天没有已审批的值班表。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_roster.py" line="29" />
        <source>no shift now</source>
        <translation>现在无班次</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_roster.py" line="32" />
        <source>On duty now: %1</source>
        <translation>当前值班：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_roster.py" line="34" />
        <source>Next: %1</source>
        <translation>下一班：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_roster.py" line="45" />
        <source>Who is on duty</source>
        <translation>值班人员</translation>
    </message>
</context>
<context>
    <name>CalendarTableModel</name>
    <message>
        <location filename="../../kiosk/ui/console/work_calendar_tab.py" line="55" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/work_calendar_tab.py" line="56" />
        <source>Weekday</source>
        <translation>星期</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/work_calendar_tab.py" line="57" />
        <source>Day</source>
        <translation>安排</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/work_calendar_tab.py" line="58" />
        <source>Why</source>
        <translation>事由</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/work_calendar_tab.py" line="59" />
        <source>Set by</source>
        <translation>设定人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/work_calendar_tab.py" line="73" />
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/work_calendar_tab.py" line="74" />
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/work_calendar_tab.py" line="75" />
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/work_calendar_tab.py" line="76" />
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/work_calendar_tab.py" line="77" />
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/work_calendar_tab.py" line="78" />
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/work_calendar_tab.py" line="79" />
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/work_calendar_tab.py" line="81" />
        <source>Working day (make-up)</source>
        <translation>调休上班</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/work_calendar_tab.py" line="81" />
        <source>Day off</source>
        <translation>放假</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/work_calendar_tab.py" line="84" />
        <source>State Council notice</source>
        <translation>国务院通知</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/work_calendar_tab.py" line="89" />
        <source>Withdrawn: %1</source>
        <translation>已撤销：%1</translation>
    </message>
</context>
<context>
    <name>CallDialog</name>
    <message>
        <location filename="../../kiosk/ui/console/call_dialog.py" line="64" />
        <source>agreed</source>
        <translation>同意</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/call_dialog.py" line="65" />
        <source>declined</source>
        <translation>不同意</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/call_dialog.py" line="66" />
        <source>no answer</source>
        <translation>无人接听</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/call_dialog.py" line="72" />
        <source>Intercom</source>
        <translation>对讲</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/call_dialog.py" line="74" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/call_dialog.py" line="81" />
        <source>%1 %2 to %3 (%4): %5, by %6</source>
        <translation>%1 %2联系%3（%4）：%5，经办人%6</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/call_dialog.py" line="97" />
        <source>%1, extension %2</source>
        <translation>%1，分机 %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/call_dialog.py" line="109" />
        <source>%1, mobile %2</source>
        <translation>%1，手机 %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/call_dialog.py" line="121" />
        <source>owner</source>
        <translation>业主</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/call_dialog.py" line="122" />
        <source>tenant</source>
        <translation>租户</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/call_dialog.py" line="126" />
        <source>Unit %1 on the intercom</source>
        <translation>%1 房（对讲）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/call_dialog.py" line="134" />
        <source>%1 (%2), phone %3</source>
        <translation>%1（%2），电话 %3</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/call_dialog.py" line="154" />
        <location filename="../../kiosk/ui/console/call_dialog.py" line="209" />
        <source>Record the call</source>
        <translation>记录通话</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/call_dialog.py" line="159" />
        <source>The visit</source>
        <translation>来访</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/call_dialog.py" line="165" />
        <source>Registered at the desk by %1</source>
        <translation>前台登记人：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/call_dialog.py" line="169" />
        <source>No call recorded yet.</source>
        <translation>尚无通话记录。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/call_dialog.py" line="171" />
        <source>Calls so far</source>
        <translation>已有通话</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/call_dialog.py" line="176" />
        <source>Whom you called</source>
        <translation>联系对象</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/call_dialog.py" line="179" />
        <source>Called</source>
        <translation>联系对象</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/call_dialog.py" line="180" />
        <location filename="../../kiosk/ui/console/call_dialog.py" line="183" />
        <source>How</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/call_dialog.py" line="184" />
        <source>Number called</source>
        <translation>拨打号码</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/call_dialog.py" line="186" />
        <source>Number</source>
        <translation>号码</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/call_dialog.py" line="200" />
        <source>They said</source>
        <translation>对方答复</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/call_dialog.py" line="201" />
        <location filename="../../kiosk/ui/console/call_dialog.py" line="203" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/call_dialog.py" line="205" />
        <source>What to fix</source>
        <translation>需要更正的内容</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/call_dialog.py" line="209" />
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/call_dialog.py" line="210" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/call_dialog.py" line="262" />
        <source>Nothing done.</source>
        <translation>未做任何操作。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/call_dialog.py" line="271" />
        <source>Call recorded: agreed. Let in; the badge is being printed where the visitor is.</source>
        <translation>通话已记录：同意。已放行，访客证正在访客所在处打印。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/call_dialog.py" line="276" />
        <source>Call recorded: declined. The visitor is turned away politely.</source>
        <translation>通话已记录：不同意。请婉言谢绝访客。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/call_dialog.py" line="280" />
        <source>Call recorded: %1. The visit still waits.</source>
        <translation>通话已记录：%1。来访仍在等候。</translation>
    </message>
</context>
<context>
    <name>CardPage</name>
    <message>
        <location filename="../../kiosk/ui/kiosk/card_step.py" line="117" />
        <source>Your visitor card</source>
        <translation>您的访客卡</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/card_step.py" line="118" />
        <source>Visitor card</source>
        <translation>访客卡</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/card_step.py" line="120" />
        <source>Take one card from the tray and lay it flat on the card reader below the screen.</source>
        <translation>请从卡槽取一张卡，平放在屏幕下方的读卡器上。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/card_step.py" line="122" />
        <source>What to do</source>
        <translation>操作说明</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/card_step.py" line="124" />
        <source>Waiting for a card…</source>
        <translation>正在等待放卡…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/card_step.py" line="125" />
        <source>Checking the card…</source>
        <translation>正在检查卡片…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/card_step.py" line="126" />
        <source>Preparing the card…</source>
        <translation>正在准备卡片…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/card_step.py" line="127" />
        <source>Writing the card — please keep it still…</source>
        <translation>正在写卡，请不要移动卡片…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/card_step.py" line="128" />
        <source>Checking what was written…</source>
        <translation>正在核对写入内容…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/card_step.py" line="129" />
        <source>Almost done…</source>
        <translation>马上就好…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/card_step.py" line="132" />
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/card_step.py" line="134" />
        <source>What went wrong</source>
        <translation>出错原因</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/card_step.py" line="135" />
        <location filename="../../kiosk/ui/kiosk/card_step.py" line="136" />
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/card_step.py" line="137" />
        <location filename="../../kiosk/ui/kiosk/card_step.py" line="138" />
        <source>Get my card at the desk</source>
        <translation>到前台领卡</translation>
    </message>
</context>
<context>
    <name>CheckOutPage</name>
    <message>
        <location filename="../../kiosk/ui/kiosk/check_out.py" line="75" />
        <location filename="../../kiosk/ui/kiosk/check_out.py" line="86" />
        <source>Check out</source>
        <translation>签离</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/check_out.py" line="76" />
        <source>Hold your badge's QR code under the scanner.</source>
        <translation>请将访客证上的二维码对准扫码器。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/check_out.py" line="77" />
        <source>How to check out</source>
        <translation>签离方法</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/check_out.py" line="78" />
        <source>No badge? Type your name as you gave it at check-in:</source>
        <translation>没有访客证？请输入您登记时填写的姓名：</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/check_out.py" line="80" />
        <source>and the last four digits of the mobile number you gave:</source>
        <translation>以及登记时所留手机号码的后四位：</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/check_out.py" line="81" />
        <source>Last four digits of your mobile number</source>
        <translation>手机号码后四位</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/check_out.py" line="82" />
        <source>Gave no mobile number? Please check out at the front desk.</source>
        <translation>登记时未留手机号码？请到前台办理签离。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/check_out.py" line="87" />
        <source>Check out with this name and these digits</source>
        <translation>按此姓名和号码签离</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/check_out.py" line="102" />
        <source>Please type your name, or scan your badge.</source>
        <translation>请输入您的姓名，或扫描访客证。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/check_out.py" line="79" />
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/check_out.py" line="83" />
        <source>What to fix</source>
        <translation>需要修改的地方</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/check_out.py" line="84" />
        <location filename="../../kiosk/ui/kiosk/check_out.py" line="85" />
        <source>Back</source>
        <translation>返回</translation>
    </message>
</context>
<context>
    <name>CompanyTableModel</name>
    <message>
        <location filename="../../kiosk/ui/console/courier_companies.py" line="21" />
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_companies.py" line="21" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_companies.py" line="21" />
        <source>In use</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_companies.py" line="24" />
        <source>Yes</source>
        <translation>在用</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_companies.py" line="24" />
        <source>Retired</source>
        <translation>已停用</translation>
    </message>
</context>
<context>
    <name>ComplaintsPage</name>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="197" />
        <location filename="../../kiosk/ui/console/complaints_page.py" line="236" />
        <source>Complaints and suggestions</source>
        <translation>投诉与建议</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="198" />
        <source>Register</source>
        <translation>登记簿</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="199" />
        <source>Record new</source>
        <translation>新登记</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="201" />
        <source>Last action result</source>
        <translation>上一操作结果</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="211" />
        <source>Which complaints</source>
        <translation>显示哪些投诉</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="213" />
        <source>Open</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="214" />
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="215" />
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="216" />
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="221" />
        <location filename="../../kiosk/ui/console/complaints_page.py" line="226" />
        <location filename="../../kiosk/ui/console/complaints_page.py" line="340" />
        <location filename="../../kiosk/ui/console/complaints_page.py" line="360" />
        <source>Subject</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="222" />
        <source>All subjects</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="224" />
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="228" />
        <source>Overdue complaints</source>
        <translation>超期投诉</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="253" />
        <source>The chosen complaint</source>
        <translation>所选投诉</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="257" />
        <source>Follow-up steps</source>
        <translation>跟进记录</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="260" />
        <source>What was done</source>
        <translation>处理情况</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="261" />
        <source>What was done (who was told, what they did)</source>
        <translation>处理情况（通知了谁，对方如何处理）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="263" />
        <source>Add step</source>
        <translation>添加跟进</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="263" />
        <source>Add this follow-up step</source>
        <translation>添加这条跟进记录</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="266" />
        <source>Make serious</source>
        <translation>定为重大投诉</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="268" />
        <source>Make it a serious complaint: the manager is told at once (the text is the reason)</source>
        <translation>定为重大投诉：立即通知经理（上方文字为原因）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="276" />
        <source>Callback</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="280" />
        <source>How satisfied they are</source>
        <translation>满意程度</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="283" />
        <location filename="../../kiosk/ui/console/complaints_page.py" line="284" />
        <location filename="../../kiosk/ui/console/complaints_page.py" line="346" />
        <location filename="../../kiosk/ui/console/complaints_page.py" line="364" />
        <source>What they said</source>
        <translation>客户意见</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="286" />
        <source>Record callback</source>
        <translation>登记回访</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="286" />
        <source>Record the callback</source>
        <translation>登记这次回访</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="293" />
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="295" />
        <location filename="../../kiosk/ui/console/complaints_page.py" line="306" />
        <location filename="../../kiosk/ui/console/complaints_page.py" line="348" />
        <location filename="../../kiosk/ui/console/complaints_page.py" line="365" />
        <source>Responsible</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="298" />
        <location filename="../../kiosk/ui/console/complaints_page.py" line="351" />
        <location filename="../../kiosk/ui/console/complaints_page.py" line="366" />
        <source>Due</source>
        <translation>处理期限</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="300" />
        <source>Reassign</source>
        <translation>转交</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="300" />
        <source>Give it to this person by this date</source>
        <translation>转交此人（部门），按此期限处理</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="307" />
        <location filename="../../kiosk/ui/console/complaints_page.py" line="315" />
        <source>Result</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="308" />
        <source>How it was resolved</source>
        <translation>如何解决的</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="310" />
        <source>Close with this result</source>
        <translation>以此结果结案</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="333" />
        <source>Complaint or suggestion</source>
        <translation>投诉或建议</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="337" />
        <location filename="../../kiosk/ui/console/complaints_page.py" line="359" />
        <source>How it came</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="342" />
        <location filename="../../kiosk/ui/console/complaints_page.py" line="361" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="343" />
        <location filename="../../kiosk/ui/console/complaints_page.py" line="362" />
        <source>Unit or company</source>
        <translation>房号或公司</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="344" />
        <location filename="../../kiosk/ui/console/complaints_page.py" line="363" />
        <source>Phone or e-mail</source>
        <translation>电话或邮箱</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="345" />
        <source>Empty if they left none (anonymous letter)</source>
        <translation>未留联系方式（如匿名来函）可不填</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="353" />
        <source>Serious complaint (the manager is told at once)</source>
        <translation>重大投诉（立即通知经理）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="355" />
        <source>Serious complaint</source>
        <translation>重大投诉</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="358" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="372" />
        <source>Record</source>
        <translation>登记</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="372" />
        <source>Record this complaint or suggestion</source>
        <translation>登记这条投诉或建议</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/console/complaints_page.py" line="430" />
        <source>%n overdue</source>
        <translation>
            <numerusform>%n 条超期</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="459" />
        <source>Choose a complaint in the list to see its steps.</source>
        <translation>在列表中选择一条投诉，查看跟进记录。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="475" />
        <source>SERIOUS</source>
        <translation>重大投诉</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="479" />
        <source>From: %1</source>
        <translation>投诉人：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="480" />
        <source>anonymous</source>
        <translation>匿名</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="482" />
        <source>Recorded %1 by %2</source>
        <translation>%1 由 %2 登记</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="483" />
        <source>Responsible: %1, due %2</source>
        <translation>责任人：%1，期限 %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="489" />
        <source>Overdue: past its due date and not closed.</source>
        <translation>已超期：过了处理期限仍未结案。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="491" />
        <source>Call them back before it can be closed.</source>
        <translation>结案前须先回访。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="493" />
        <source>Closed by %1: %2</source>
        <translation>%1 结案：%2</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="500" />
        <source>Choose a complaint in the list first.</source>
        <translation>请先在列表中选择一条投诉。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="515" />
        <source>Step added.</source>
        <translation>已添加跟进记录。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="521" />
        <source>Made a serious complaint: the manager has been told.</source>
        <translation>已定为重大投诉，并已通知经理。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="530" />
        <source>Callback recorded.</source>
        <translation>已登记回访。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="540" />
        <source>Reassigned.</source>
        <translation>已转交。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="546" />
        <source>Closed.</source>
        <translation>已结案。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="575" />
        <source>Recorded as %1.</source>
        <translation>已登记，编号 %1。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="577" />
        <source>The manager has been told.</source>
        <translation>已通知经理。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="595" />
        <source>Write what they said.</source>
        <translation>请填写客户反映的内容。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="596" />
        <source>What they said: at most %1 characters.</source>
        <translation>反映内容最多 %1 个字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="597" />
        <source>Say who is responsible (a person or a department).</source>
        <translation>请填写责任人（个人或部门）。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="598" />
        <source>Responsible: at most %1 characters.</source>
        <translation>责任人最多 %1 个字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="599" />
        <source>That is already who is responsible, by that date.</source>
        <translation>责任人和期限都没有变化。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="600" />
        <source>The name has at most %1 characters.</source>
        <translation>姓名最多 %1 个字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="601" />
        <source>Unit or company: at most %1 characters.</source>
        <translation>房号或公司最多 %1 个字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="603" />
        <source>Type a phone number (e.g. 139 1234 5678, 0755-8888 1234 转 801) or an e-mail address.</source>
        <translation>请填写电话号码（如 139 1234 5678、0755-8888 1234 转 801）或邮箱地址。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="605" />
        <source>Phone or e-mail: at most %1 characters.</source>
        <translation>电话或邮箱最多 %1 个字符。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="607" />
        <source>They left no phone or e-mail: there is nobody to call back.</source>
        <translation>未留电话或邮箱，无法回访。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="609" />
        <source>The due date cannot be before today.</source>
        <translation>处理期限不能早于今天。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="610" />
        <source>The due date is more than %1 days away: check the year.</source>
        <translation>处理期限超过 %1 天，请检查年份。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="611" />
        <source>Write what was done.</source>
        <translation>请填写处理情况。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="612" />
        <source>A step has at most %1 characters.</source>
        <translation>跟进记录最多 %1 个字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="613" />
        <source>Write in the step field why it is serious.</source>
        <translation>请在跟进栏中写明定为重大投诉的原因。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="614" />
        <source>The reason has at most %1 characters.</source>
        <translation>原因最多 %1 个字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="615" />
        <source>The note has at most %1 characters.</source>
        <translation>备注最多 %1 个字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="616" />
        <source>Write the result it is closed with.</source>
        <translation>请填写结案的处理结果。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="617" />
        <source>The result has at most %1 characters.</source>
        <translation>处理结果最多 %1 个字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="618" />
        <source>Call the person back and record the callback before closing.</source>
        <translation>结案前请先回访客户并登记回访。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="619" />
        <source>It is already a serious complaint.</source>
        <translation>已经是重大投诉。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="620" />
        <source>Only a complaint can be serious, not a suggestion.</source>
        <translation>只有投诉可以定为重大投诉，建议不能。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="621" />
        <source>This complaint is closed: nothing more can be added.</source>
        <translation>此投诉已结案，不能再添加记录。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="622" />
        <source>This complaint no longer exists.</source>
        <translation>此投诉不存在。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="623" />
        <source>Your role may not do this.</source>
        <translation>您的岗位无权进行此操作。</translation>
    </message>
</context>
<context>
    <name>ComplaintsTableModel</name>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="129" />
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="130" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="131" />
        <source>Subject</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="132" />
        <source>From</source>
        <translation>投诉人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="133" />
        <source>Responsible</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="134" />
        <source>Due</source>
        <translation>处理期限</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="135" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="153" />
        <source>anonymous</source>
        <translation>匿名</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="162" />
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="163" />
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="163" />
        <source>Open</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="165" />
        <source>Serious</source>
        <translation>重大投诉</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="167" />
        <source>called back</source>
        <translation>已回访</translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <location filename="../../kiosk/ui/common/confirm.py" line="52" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>CourierCompaniesBox</name>
    <message>
        <location filename="../../kiosk/ui/console/courier_companies.py" line="39" />
        <location filename="../../kiosk/ui/console/courier_companies.py" line="41" />
        <location filename="../../kiosk/ui/console/courier_companies.py" line="48" />
        <source>Courier companies</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_companies.py" line="53" />
        <source>Company code</source>
        <translation>公司代码</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_companies.py" line="54" />
        <source>Code, e.g. SF</source>
        <translation>代码，如：SF</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_companies.py" line="56" />
        <source>Company name</source>
        <translation>公司名称</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_companies.py" line="57" />
        <source>Name, e.g. 顺丰速运</source>
        <translation>名称，如：顺丰速运</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_companies.py" line="59" />
        <source>English name</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_companies.py" line="60" />
        <source>English name (optional)</source>
        <translation>英文名称（可不填）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_companies.py" line="62" />
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_companies.py" line="62" />
        <source>Add the company</source>
        <translation>添加快递公司</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_companies.py" line="65" />
        <location filename="../../kiosk/ui/console/courier_companies.py" line="93" />
        <source>Retire</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_companies.py" line="65" />
        <source>Retire or restore the company</source>
        <translation>停用或恢复快递公司</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_companies.py" line="93" />
        <source>Restore</source>
        <translation>恢复使用</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_companies.py" line="105" />
        <source>%1 added to the courier companies.</source>
        <translation>已添加快递公司 %1。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_companies.py" line="119" />
        <source>%1 is in use again.</source>
        <translation>%1 已恢复使用。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_companies.py" line="121" />
        <source>%1 is retired: no new items with it; its statements stay.</source>
        <translation>%1 已停用：不再登记新寄件，原有对账单保留。</translation>
    </message>
</context>
<context>
    <name>CourierItemTableModel</name>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="74" />
        <source>No.</source>
        <translation>登记号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="75" />
        <source>Logged</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="76" />
        <source>Courier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="77" />
        <source>Tracking number</source>
        <translation>运单号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="78" />
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="79" />
        <source>Sender</source>
        <translation>寄件人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="80" />
        <source>Addressee</source>
        <translation>收件人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="81" />
        <source>To</source>
        <translation>寄往</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="82" />
        <source>Cost</source>
        <translation>费用</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="83" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="108" />
        <source>Waiting for the courier</source>
        <translation>待交寄</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="109" />
        <source>Handed over</source>
        <translation>已交寄</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="110" />
        <source>Voided</source>
        <translation>已作废</translation>
    </message>
</context>
<context>
    <name>CourierPage</name>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="146" />
        <source>Log an item to send</source>
        <translation>寄件登记</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="146" />
        <source>New item</source>
        <translation>新寄件</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="148" />
        <location filename="../../kiosk/ui/console/courier_page.py" line="161" />
        <location filename="../../kiosk/ui/console/courier_page.py" line="520" />
        <source>Sender</source>
        <translation>寄件人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="149" />
        <location filename="../../kiosk/ui/console/courier_page.py" line="162" />
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="152" />
        <location filename="../../kiosk/ui/console/courier_page.py" line="163" />
        <location filename="../../kiosk/ui/console/courier_page.py" line="521" />
        <source>Addressee</source>
        <translation>收件人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="153" />
        <location filename="../../kiosk/ui/console/courier_page.py" line="164" />
        <source>Destination</source>
        <translation>寄往</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="154" />
        <source>City and address</source>
        <translation>城市及地址</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="155" />
        <location filename="../../kiosk/ui/console/courier_page.py" line="165" />
        <source>Courier company</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="156" />
        <location filename="../../kiosk/ui/console/courier_page.py" line="166" />
        <source>Tracking number</source>
        <translation>运单号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="157" />
        <source>Type it or scan the waybill</source>
        <translation>手工输入或扫描面单</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="158" />
        <location filename="../../kiosk/ui/console/courier_page.py" line="167" />
        <source>Cost (yuan)</source>
        <translation>费用（元）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="159" />
        <source>e.g. 23.00</source>
        <translation>例如 23.00</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="160" />
        <location filename="../../kiosk/ui/console/courier_page.py" line="168" />
        <location filename="../../kiosk/ui/console/courier_page.py" line="526" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="169" />
        <location filename="../../kiosk/ui/console/courier_page.py" line="454" />
        <source>Log the item</source>
        <translation>登记</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="172" />
        <source>Cancel the change</source>
        <translation>取消修改</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="184" />
        <source>Which items</source>
        <translation>显示哪些寄件</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="185" />
        <source>Waiting for the courier</source>
        <translation>待交寄</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="186" />
        <location filename="../../kiosk/ui/console/courier_page.py" line="530" />
        <source>Handed over</source>
        <translation>已交寄</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="187" />
        <location filename="../../kiosk/ui/console/courier_page.py" line="537" />
        <source>Voided</source>
        <translation>已作废</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="188" />
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="190" />
        <location filename="../../kiosk/ui/console/courier_page.py" line="200" />
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="191" />
        <source>Tracking number, item number or department</source>
        <translation>运单号、登记号或部门</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="193" />
        <source>Logged on</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="194" />
        <source>Day logged</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="200" />
        <source>Search the book</source>
        <translation>查询寄件登记</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="213" />
        <source>Courier items</source>
        <translation>寄件登记</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="221" />
        <source>Courier's name</source>
        <translation>快递员姓名</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="222" />
        <source>Courier's name, as they sign</source>
        <translation>快递员签名（姓名）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="224" />
        <source>The courier checked the items and signs for them</source>
        <translation>快递员已核对寄件并签收</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="226" />
        <source>The courier signs for the items</source>
        <translation>快递员签收</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="229" />
        <location filename="../../kiosk/ui/console/courier_page.py" line="231" />
        <source>Hand the selected items to the courier</source>
        <translation>将所选寄件交快递员</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="240" />
        <source>The item</source>
        <translation>寄件</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="245" />
        <source>Change it</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="245" />
        <source>Change the item</source>
        <translation>修改寄件</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="248" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="249" />
        <source>Why it is voided</source>
        <translation>作废原因</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="251" />
        <source>Void the item</source>
        <translation>作废</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="261" />
        <source>Month-end statement</source>
        <translation>月结对账</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="265" />
        <location filename="../../kiosk/ui/console/courier_page.py" line="281" />
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="271" />
        <source>Courier company of the statement</source>
        <translation>对账的快递公司</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="274" />
        <source>Print the statement</source>
        <translation>打印对账单</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="278" />
        <source>Export Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="278" />
        <source>Export the month to Excel</source>
        <translation>导出本月对账单到 Excel</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="289" />
        <source>The month per department</source>
        <translation>本月各部门寄件</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="295" />
        <source>Last action result</source>
        <translation>上一操作结果</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="361" />
        <source>(retired)</source>
        <translation>（已停用）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="374" />
        <source>Choose the courier company.</source>
        <translation>请选择快递公司。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="414" />
        <source>Item %1 changed.</source>
        <translation>寄件 %1 已修改。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="414" />
        <source>Item %1 logged: it waits for the courier.</source>
        <translation>寄件 %1 已登记，待交快递员。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="438" />
        <source>Save the change to %1</source>
        <translation>保存对 %1 的修改</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="481" />
        <location filename="../../kiosk/ui/console/courier_page.py" line="674" />
        <source>Select the items the courier takes in the list.</source>
        <translation>请在列表中选择快递员取走的寄件。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="494" />
        <source>Batch %1: %2 items handed to %3 (%4), ¥%5.</source>
        <translation>交寄批次 %1：%2 件已交 %3（%4），¥%5。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="514" />
        <source>Log an item, or choose one in the list; select several to hand them to the courier.</source>
        <translation>登记寄件，或在列表中选择一件；选择多件可一并交快递员。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="522" />
        <source>Cost</source>
        <translation>费用</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="523" />
        <source>Logged</source>
        <translation>登记</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="565" />
        <source>Item %1 voided; its reason is kept.</source>
        <translation>寄件 %1 已作废，原因已记录。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="587" />
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="605" />
        <source>The printer did not print the statement: %1</source>
        <translation>打印机未打印对账单：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="606" />
        <source>The statement of %1 is printed.</source>
        <translation>%1 的对账单已打印。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="631" />
        <source>Export the month's courier statement</source>
        <translation>导出本月快递对账单</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="633" />
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="622" />
        <source>Exported the statement of %1 to %2.</source>
        <translation>已将 %1 的对账单导出到 %2。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="637" />
        <source>Exporting the courier statement (KB received)</source>
        <translation>正在导出快递对账单（已接收 KB）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="652" />
        <source>Please enter who sends it.</source>
        <translation>请填写寄件人。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="653" />
        <source>The sender's name is too long: at most %1 characters.</source>
        <translation>寄件人姓名过长：最多 %1 个字符。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="654" />
        <source>Please enter the sending department.</source>
        <translation>请填写寄件部门。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="655" />
        <source>The department is too long: at most %1 characters.</source>
        <translation>部门名称过长：最多 %1 个字符。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="656" />
        <source>Please enter the addressee.</source>
        <translation>请填写收件人。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="657" />
        <source>The addressee is too long: at most %1 characters.</source>
        <translation>收件人过长：最多 %1 个字符。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="658" />
        <source>Please enter where it goes.</source>
        <translation>请填写寄往地址。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="659" />
        <source>The destination is too long: at most %1 characters.</source>
        <translation>寄往地址过长：最多 %1 个字符。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="660" />
        <source>Please keep the note under %1 characters.</source>
        <translation>备注请不超过 %1 个字符。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="661" />
        <source>Please type or scan the waybill's tracking number.</source>
        <translation>请输入或扫描面单上的运单号。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="663" />
        <source>This is not a tracking number: 6 to 32 letters and digits, as on the waybill.</source>
        <translation>这不是运单号：应为面单上的 6 至 32 位字母和数字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="666" />
        <source>This tracking number is already in the book as item %1.</source>
        <translation>此运单号已登记（登记号 %1）。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="668" />
        <source>Please enter the cost in yuan, e.g. 23.00.</source>
        <translation>请以元为单位填写费用，例如 23.00。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="669" />
        <source>The cost must be more than zero.</source>
        <translation>费用必须大于零。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="670" />
        <source>The cost has at most two decimals (fen).</source>
        <translation>费用最多两位小数（到分）。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="671" />
        <source>This cost is too large.</source>
        <translation>费用过大。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="672" />
        <source>This courier company is not on the list.</source>
        <translation>此快递公司不在列表中。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="673" />
        <source>%1 is no longer used: choose another courier company.</source>
        <translation>%1 已停用，请选择其他快递公司。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="675" />
        <source>At most %1 items in one batch.</source>
        <translation>每批最多 %1 件。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="677" />
        <source>A batch goes to one courier company: select only its items.</source>
        <translation>每批只能交给一家快递公司，请只选择该公司的寄件。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="679" />
        <source>Please enter the courier's name as they sign.</source>
        <translation>请填写快递员签名的姓名。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="680" />
        <source>The courier's name is too long: at most %1 characters.</source>
        <translation>快递员姓名过长：最多 %1 个字符。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="681" />
        <source>Tick that the courier checked the items and signs for them.</source>
        <translation>请勾选“快递员已核对寄件并签收”。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="682" />
        <source>Please give the reason.</source>
        <translation>请填写原因。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="683" />
        <source>Please keep the reason under %1 characters.</source>
        <translation>原因请不超过 %1 个字符。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="684" />
        <source>Please enter the company's code, e.g. SF.</source>
        <translation>请输入公司代码，如：SF。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="686" />
        <source>The code is letters and digits, at most %1 of them, e.g. SF or EMS.</source>
        <translation>代码为字母和数字，最多 %1 位，如：SF、EMS。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="688" />
        <source>%1 is on the list already: restore it if it was retired.</source>
        <translation>%1 已在名单中：如已停用，请恢复使用。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="689" />
        <source>Please enter the company's name.</source>
        <translation>请输入公司名称。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="690" />
        <source>The name is too long: at most %1 characters.</source>
        <translation>名称过长：最多 %1 个字符。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="691" />
        <source>The English name is too long: at most %1 characters.</source>
        <translation>英文名称过长：最多 %1 个字符。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="692" />
        <source>This item is not in the book.</source>
        <translation>登记簿中没有此寄件。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="694" />
        <source>Item %1 is with the courier: it cannot be changed, only voided by a supervisor.</source>
        <translation>寄件 %1 已交快递员，不能修改，只能由主管作废。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="696" />
        <source>Item %1 is voided.</source>
        <translation>寄件 %1 已作废。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="697" />
        <source>Item %1 is still waiting for the courier.</source>
        <translation>寄件 %1 尚未交寄。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="698" />
        <source>Search with at most %1 characters.</source>
        <translation>查询内容最多 %1 个字符。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="699" />
        <source>Choose a month from %1 to %2.</source>
        <translation>请选择 %1 至 %2 之间的月份。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="700" />
        <source>Your role cannot do this. Ask a supervisor.</source>
        <translation>您的角色无权执行此操作，请联系主管。</translation>
    </message>
</context>
<context>
    <name>DayTableModel</name>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="175" />
        <source>Title</source>
        <translation>报刊名称</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="176" />
        <source>Expected</source>
        <translation>应到</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="177" />
        <source>Received</source>
        <translation>实到</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="178" />
        <source>Shortfall</source>
        <translation>缺失</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="179" />
        <source>Counted</source>
        <translation>清点</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="180" />
        <source>Units (copies)</source>
        <translation>房号（份数）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="197" />
        <source>Not counted</source>
        <translation>未清点</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="199" />
        <source>Complete</source>
        <translation>齐全</translation>
    </message>
</context>
<context>
    <name>DeclarationPage</name>
    <message>
        <location filename="../../kiosk/ui/kiosk/steps.py" line="489" />
        <source>Before you go in</source>
        <translation>入内须知</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/steps.py" line="492" />
        <source>I am not carrying gas cylinders, fireworks or firecrackers, or large amounts of thinner or other flammable liquids.</source>
        <translation>本人未携带煤气瓶、烟花爆竹、大量天拿水或其他易燃液体。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/steps.py" line="496" />
        <source>Forbidden items</source>
        <translation>禁止携带物品</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/steps.py" line="499" />
        <source>Privacy: we keep your name, company, mobile number, the person you visit and your times of arrival and departure for 180 days, for building security. Your ID number is kept only in protected form (the last four characters are shown). Only front-desk and security staff can see these records.</source>
        <translation>隐私说明：为保障大楼安全，我们保存您的姓名、单位、手机号、被访人及到访和离开时间，保存期 180 天。证件号码仅以加密形式保存（只显示后四位）。只有前台和保安人员可以查看这些记录。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/steps.py" line="505" />
        <source>Privacy notice</source>
        <translation>隐私说明</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/steps.py" line="506" />
        <source>I agree</source>
        <translation>我同意</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/steps.py" line="507" />
        <source>I agree to the declaration and the privacy notice</source>
        <translation>我同意以上声明和隐私说明</translation>
    </message>
</context>
<context>
    <name>DeclineDialog</name>
    <message>
        <location filename="../../kiosk/ui/common/confirm.py" line="71" />
        <location filename="../../kiosk/ui/common/confirm.py" line="95" />
        <source>Decline the visit</source>
        <translation>谢绝来访</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/confirm.py" line="74" />
        <source>Turn %1 away? Say why: it is kept with the visit.</source>
        <translation>确定谢绝 %1？请说明原因，原因将随来访记录保存。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/confirm.py" line="77" />
        <source>Common reasons</source>
        <translation>常用原因</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/confirm.py" line="78" />
        <source>Choose a reason…</source>
        <translation>请选择原因…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/confirm.py" line="80" />
        <source>The host is not available today</source>
        <translation>被访人今天不便接待</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/confirm.py" line="81" />
        <source>The host declined the visit</source>
        <translation>被访人拒绝来访</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/confirm.py" line="82" />
        <source>No appointment: the host asks to arrange one first</source>
        <translation>未预约：被访人请对方先预约</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/confirm.py" line="83" />
        <source>The visitor left before a decision</source>
        <translation>访客未等确认已离开</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/confirm.py" line="87" />
        <source>Reason in your words</source>
        <translation>自填原因</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/confirm.py" line="88" />
        <source>Or type the reason (or add to the one chosen)</source>
        <translation>或填写原因（也可补充所选原因）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/confirm.py" line="91" />
        <source>What is missing</source>
        <translation>缺少的内容</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/confirm.py" line="95" />
        <source>Decline</source>
        <translation>谢绝</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/confirm.py" line="97" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/confirm.py" line="104" />
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/confirm.py" line="109" />
        <source>Choose or type the reason first.</source>
        <translation>请先选择或填写原因。</translation>
    </message>
</context>
<context>
    <name>DeclinedPage</name>
    <message>
        <location filename="../../kiosk/ui/kiosk/outcome.py" line="298" />
        <source>We are sorry</source>
        <translation>非常抱歉</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/outcome.py" line="299" />
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/outcome.py" line="300" />
        <source>What to do next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/outcome.py" line="301" />
        <location filename="../../kiosk/ui/kiosk/outcome.py" line="302" />
        <source>Leave my contact details for the host</source>
        <translation>给被访人留下我的联系方式</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/outcome.py" line="303" />
        <location filename="../../kiosk/ui/kiosk/outcome.py" line="304" />
        <source>Your phone number</source>
        <translation>您的电话</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/outcome.py" line="305" />
        <source>Message for your host (optional)</source>
        <translation>给被访人的留言（可不填）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/outcome.py" line="306" />
        <source>Message for your host</source>
        <translation>给被访人的留言</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/outcome.py" line="307" />
        <location filename="../../kiosk/ui/kiosk/outcome.py" line="308" />
        <source>Send to my host</source>
        <translation>发送给被访人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/outcome.py" line="309" />
        <source>What to fix</source>
        <translation>需要修改的地方</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/outcome.py" line="310" />
        <location filename="../../kiosk/ui/kiosk/outcome.py" line="311" />
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/outcome.py" line="352" />
        <source>Thank you. The front desk will pass your details to your host.</source>
        <translation>谢谢，前台会把您的联系方式转告被访人。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/outcome.py" line="357" />
        <source>Your host cannot receive you today. The front desk will gladly help you find another person to see.</source>
        <translation>被访人今天无法接待您，前台可以帮您联系其他人员。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/outcome.py" line="364" />
        <source>Your host cannot receive you today. You can leave your contact details for your host, or the front desk will gladly help you find another person to see.</source>
        <translation>被访人今天无法接待您。您可以给被访人留下联系方式，前台也可以帮您联系其他人员。</translation>
    </message>
</context>
<context>
    <name>DeliveryTableModel</name>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="160" />
        <source>Card No.</source>
        <translation>卡号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="161" />
        <source>Sent to</source>
        <translation>发送至</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="162" />
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="163" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="164" />
        <source>Attempts</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="165" />
        <source>Next try</source>
        <translation>下次重试</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="166" />
        <source>Last error</source>
        <translation>最近错误</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="177" />
        <source>Webhook</source>
        <translation>Webhook</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="178" />
        <source>CSV folder</source>
        <translation>CSV 文件夹</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="179" />
        <source>E-mail to 系统部</source>
        <translation>邮件发送系统部</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="181" />
        <source>Issued</source>
        <translation>发卡</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="181" />
        <source>Revoked</source>
        <translation>注销</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="182" />
        <source>Acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="182" />
        <source>Pending</source>
        <translation>待发送</translation>
    </message>
</context>
<context>
    <name>DepositItemChooser</name>
    <message>
        <location filename="../../kiosk/ui/console/deposit_take.py" line="91" />
        <source>The item the deposit secures</source>
        <translation>押金对应的证卡</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposit_take.py" line="138" />
        <source>Not tied to an item: type the number below</source>
        <translation>不关联证卡：在下方填写编号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposit_take.py" line="140" />
        <source>Nothing out that can carry this deposit</source>
        <translation>没有可收此押金的借出证卡</translation>
    </message>
</context>
<context>
    <name>DepositPrompt</name>
    <message>
        <location filename="../../kiosk/ui/console/deposit_prompt.py" line="28" />
        <source>Pass</source>
        <translation>访客证</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposit_prompt.py" line="29" />
        <source>Visitor card</source>
        <translation>访客卡</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposit_prompt.py" line="30" />
        <source>Permit</source>
        <translation>出入证</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposit_prompt.py" line="31" />
        <source>Card or pass</source>
        <translation>卡或证</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposit_prompt.py" line="44" />
        <source>No deposit has this receipt number.</source>
        <translation>没有该收据号的押金。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposit_prompt.py" line="47" />
        <source>Nothing is left of this deposit to refund: it was forfeited or deducted in full.</source>
        <translation>该押金已无余额可退：已没收或已全额扣款。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposit_prompt.py" line="51" />
        <source>Already refunded: refund receipt %1 on %2.</source>
        <translation>已退款：退款收据 %1，%2。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposit_prompt.py" line="54" />
        <source>This is a refund receipt; pick the original deposit.</source>
        <translation>这是退款收据，请选择原押金收据。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposit_prompt.py" line="57" />
        <source>This is a fee collected for finance, not a deposit.</source>
        <translation>这是代财务收取的费用，不是押金。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposit_prompt.py" line="60" />
        <source>The amount must be more than zero.</source>
        <translation>金额须大于零。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposit_prompt.py" line="63" />
        <source>Type the amount in yuan, e.g. 100 or 50.50.</source>
        <translation>请以元为单位输入金额，例如 100 或 50.50。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposit_prompt.py" line="66" />
        <source>Yuan have at most two decimals (fen).</source>
        <translation>金额最多保留两位小数（分）。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposit_prompt.py" line="69" />
        <source>This amount is too large for a receipt.</source>
        <translation>金额过大，无法开具收据。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposit_prompt.py" line="72" />
        <source>A deduction can be at most what is left of the deposit.</source>
        <translation>扣款金额不能超过押金余额。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposit_prompt.py" line="75" />
        <source>Type the reason: it prints on the note.</source>
        <translation>请填写原因：原因将打印在单据上。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposit_prompt.py" line="78" />
        <source>The reason has at most %1 characters.</source>
        <translation>原因最多 %1 个字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposit_prompt.py" line="81" />
        <source>This item already carries a deposit (receipt %1).</source>
        <translation>该证卡已收押金（收据 %1）。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposit_prompt.py" line="84" />
        <source>%1 is back already: it takes no deposit.</source>
        <translation>%1 已归还，不能再收押金。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposit_prompt.py" line="87" />
        <source>Choose an item that is out from the list.</source>
        <translation>请从列表中选择尚未归还的证卡。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposit_prompt.py" line="90" />
        <source>Only a supervisor can approve a forfeit.</source>
        <translation>只有主管可以批准没收押金。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposit_prompt.py" line="93" />
        <source>Another person must approve: a supervisor other than you.</source>
        <translation>须由另一人批准：请由您以外的主管审批。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposit_prompt.py" line="96" />
        <source>Your role cannot do this. Ask a supervisor.</source>
        <translation>您的角色无权执行此操作，请联系主管。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposit_prompt.py" line="120" />
        <source>%1 %2 is back. Its deposit (receipt %3, paid by %4) is to be refunded: %5.</source>
        <translation>%1 %2 已归还。其押金（收据 %3，交款人 %4）应退还：%5。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposit_prompt.py" line="130" />
        <source>Finance deducted %1 of %2.</source>
        <translation>财务已从 %2 中扣款 %1。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposit_prompt.py" line="135" />
        <source>Refund the deposit</source>
        <translation>退还押金</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposit_prompt.py" line="137" />
        <source>Refund %1</source>
        <translation>退款 %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposit_prompt.py" line="140" />
        <source>Refund of %1 left for later: it stays due on the Deposits page.</source>
        <translation>%1 暂不退款：仍在押金台账中列为待退。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposit_prompt.py" line="155" />
        <source>Refund %1 of %2 paid out (original receipt %3).</source>
        <translation>已退款 %1，金额 %2（原收据 %3）。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposit_prompt.py" line="166" />
        <source>NOT printed: %1</source>
        <translation>未打印：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposit_prompt.py" line="174" />
        <source>The refund was not made: %1</source>
        <translation>未能退款：%1</translation>
    </message>
</context>
<context>
    <name>DepositTake</name>
    <message>
        <location filename="../../kiosk/ui/console/deposit_take.py" line="45" />
        <source>Machine-room pass on loan</source>
        <translation>借出的机房访客证</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposit_take.py" line="46" />
        <source>Visitor card (visit on site)</source>
        <translation>访客卡（在场访客）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposit_take.py" line="49" />
        <source>Decoration permit</source>
        <translation>装修出入证</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposit_take.py" line="52" />
        <source>Decoration or material permit</source>
        <translation>装修出入证或搬运材料凭据</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposit_take.py" line="55" />
        <source>Secures</source>
        <translation>对应证卡</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposit_take.py" line="62" />
        <source>until %1</source>
        <translation>至 %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposit_take.py" line="290" />
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposit_take.py" line="295" />
        <source>Receipt %1 for %2: %3 %4.</source>
        <translation>收据 %1，金额 %2：%3 %4。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposit_take.py" line="305" />
        <source>Printed on %1.</source>
        <translation>已在 %1 打印。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposit_take.py" line="313" />
        <source>NOT printed: %1</source>
        <translation>未打印：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposit_take.py" line="321" />
        <source>No deposit taken: %1</source>
        <translation>未收押金：%1</translation>
    </message>
</context>
<context>
    <name>DepositTakeDialog</name>
    <message>
        <location filename="../../kiosk/ui/console/deposit_take.py" line="166" />
        <source>Take a deposit</source>
        <translation>收取押金</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposit_take.py" line="175" />
        <source>Kind of deposit</source>
        <translation>押金项目</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposit_take.py" line="182" />
        <source>Amount in yuan</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposit_take.py" line="183" />
        <source>e.g. 100 or 50.50</source>
        <translation>例如：100 或 50.50</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposit_take.py" line="184" />
        <source>How it was paid</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposit_take.py" line="187" />
        <source>Who pays</source>
        <translation>交款人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposit_take.py" line="188" />
        <location filename="../../kiosk/ui/console/deposit_take.py" line="194" />
        <source>Note (optional)</source>
        <translation>备注（可不填）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposit_take.py" line="189" />
        <source>Kind</source>
        <translation>押金项目</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposit_take.py" line="191" />
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposit_take.py" line="192" />
        <source>Paid by</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposit_take.py" line="193" />
        <source>Payer</source>
        <translation>交款人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposit_take.py" line="196" />
        <source>What is missing</source>
        <translation>缺少的内容</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposit_take.py" line="201" />
        <source>Take and print receipt</source>
        <translation>收款并打印收据</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposit_take.py" line="201" />
        <source>Take the deposit</source>
        <translation>收取押金</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposit_take.py" line="204" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>DepositsPage</name>
    <message>
        <location filename="../../kiosk/ui/console/deposits_page.py" line="97" />
        <source>Which deposits</source>
        <translation>押金范围</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposits_page.py" line="99" />
        <source>Held or due</source>
        <translation>在押或待退</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposits_page.py" line="100" />
        <source>Refund due</source>
        <translation>待退款</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposits_page.py" line="101" />
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposits_page.py" line="105" />
        <source>Search deposits</source>
        <translation>查找押金</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposits_page.py" line="106" />
        <source>Receipt, card, pass or permit number, or payer</source>
        <translation>收据号、卡号、访客证号、出入证号或交款人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposits_page.py" line="112" />
        <source>Deposits</source>
        <translation>押金</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposits_page.py" line="115" />
        <source>The deposit's trail</source>
        <translation>押金记录</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposits_page.py" line="120" />
        <source>Refund the balance</source>
        <translation>退还余额</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposits_page.py" line="120" />
        <source>Refund the selected deposit</source>
        <translation>退还所选押金</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposits_page.py" line="126" />
        <source>Deduction or forfeit</source>
        <translation>扣款或没收</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposits_page.py" line="126" />
        <source>Settle a deposit</source>
        <translation>押金结算</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposits_page.py" line="129" />
        <source>Amount to deduct in yuan</source>
        <translation>扣款金额（元）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposits_page.py" line="130" />
        <source>e.g. 300 (deductions only)</source>
        <translation>例如：300（仅扣款时填写）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposits_page.py" line="131" />
        <location filename="../../kiosk/ui/console/deposits_page.py" line="138" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposits_page.py" line="132" />
        <source>e.g. lift car scratched during the decoration</source>
        <translation>例如：装修期间货梯轿厢划伤</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposits_page.py" line="133" />
        <location filename="../../kiosk/ui/console/deposits_page.py" line="139" />
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposits_page.py" line="134" />
        <source>Approving supervisor's staff number (forfeit)</source>
        <translation>批准主管的工号（没收时填写）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposits_page.py" line="135" />
        <source>Supervisor's PIN</source>
        <translation>主管密码</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposits_page.py" line="137" />
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposits_page.py" line="140" />
        <source>PIN</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposits_page.py" line="143" />
        <source>Record deduction (finance)</source>
        <translation>登记扣款（财务）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposits_page.py" line="145" />
        <source>Record finance's deduction</source>
        <translation>登记财务扣款</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposits_page.py" line="149" />
        <source>Forfeit: item lost or kept</source>
        <translation>没收：证卡遗失或未归还</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposits_page.py" line="149" />
        <source>Forfeit the deposit</source>
        <translation>没收押金</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposits_page.py" line="156" />
        <source>Last action result</source>
        <translation>上次操作结果</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposits_page.py" line="226" />
        <source>%1 taken %2: %3 by %4 for %5</source>
        <translation>%1 于 %2 收取：%3，交款人 %4，对应 %5</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposits_page.py" line="234" />
        <source>Item back %1</source>
        <translation>证卡归还 %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposits_page.py" line="236" />
        <source>forfeited</source>
        <translation>没收</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposits_page.py" line="236" />
        <source>deducted</source>
        <translation>扣款</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposits_page.py" line="238" />
        <source>%1 %2 %3: %4 (%5)</source>
        <translation>%1 %2 %3：%4（%5）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposits_page.py" line="246" />
        <source>approved by %1</source>
        <translation>批准人 %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposits_page.py" line="250" />
        <source>%1 refunded %2: %3</source>
        <translation>%1 于 %2 退款：%3</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposits_page.py" line="261" />
        <source>Select a deposit in the list first.</source>
        <translation>请先在列表中选择一笔押金。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposits_page.py" line="264" />
        <source>This deposit is closed: nothing is left of it.</source>
        <translation>该押金已结清，无余额。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposits_page.py" line="270" />
        <location filename="../../kiosk/ui/console/deposits_page.py" line="298" />
        <source>Your role cannot do this. Ask a supervisor.</source>
        <translation>您的角色无权执行此操作，请联系主管。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposits_page.py" line="279" />
        <source>Only finance (a supervisor) records deductions.</source>
        <translation>只有财务（主管）可以登记扣款。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposits_page.py" line="331" />
        <source>Note %1: balance of %2 now %3.</source>
        <translation>单据 %1：%2 的押金余额现为 %3。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposits_page.py" line="342" />
        <source>NOT printed: %1</source>
        <translation>未打印：%1</translation>
    </message>
</context>
<context>
    <name>DepositsTableModel</name>
    <message>
        <location filename="../../kiosk/ui/console/deposits_page.py" line="44" />
        <source>Receipt</source>
        <translation>收据号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposits_page.py" line="45" />
        <source>Taken</source>
        <translation>收取时间</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposits_page.py" line="46" />
        <source>Kind</source>
        <translation>押金项目</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposits_page.py" line="47" />
        <source>Secures</source>
        <translation>对应证卡</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposits_page.py" line="48" />
        <source>Payer</source>
        <translation>交款人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposits_page.py" line="49" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposits_page.py" line="50" />
        <source>Deducted</source>
        <translation>已扣款</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposits_page.py" line="51" />
        <source>Balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposits_page.py" line="52" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposits_page.py" line="81" />
        <source>Held (item out)</source>
        <translation>押金在押（证卡未还）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposits_page.py" line="82" />
        <source>Refund due: item back</source>
        <translation>待退款：证卡已还</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposits_page.py" line="83" />
        <source>Refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/deposits_page.py" line="84" />
        <source>Settled (kept)</source>
        <translation>已结清（不退）</translation>
    </message>
</context>
<context>
    <name>DeskWindow</name>
    <message>
        <location filename="../../kiosk/ui/console/desk_window.py" line="125" />
        <source>Lobby Kiosk — Desk console</source>
        <translation>大堂访客系统 — 前台</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/desk_window.py" line="138" />
        <source>Phone messages</source>
        <translation>电话留言</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/desk_window.py" line="140" />
        <source>Pre-registration</source>
        <translation>来访预约</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/desk_window.py" line="141" />
        <source>Walk-in registration</source>
        <translation>来访登记</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/desk_window.py" line="144" />
        <source>Admissions (residents, staff)</source>
        <translation>来人放行登记</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/desk_window.py" line="148" />
        <source>Watchlist</source>
        <translation>拦截名单</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/desk_window.py" line="149" />
        <source>Evacuation</source>
        <translation>紧急疏散</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/desk_window.py" line="150" />
        <source>IDC cards</source>
        <translation>IDC身份校验卡</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/desk_window.py" line="153" />
        <source>IDC card applications</source>
        <translation>IDC身份校验卡申请</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/desk_window.py" line="157" />
        <source>Release slips</source>
        <translation>物品放行条</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/desk_window.py" line="158" />
        <source>Check a release slip</source>
        <translation>核验放行条</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/desk_window.py" line="161" />
        <source>Machine-room passes</source>
        <translation>机房访客证</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/desk_window.py" line="165" />
        <source>Visitor log</source>
        <translation>来访记录</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/desk_window.py" line="166" />
        <source>Staff accounts</source>
        <translation>员工账号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/desk_window.py" line="167" />
        <source>Stations</source>
        <translation>终端管理</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/desk_window.py" line="168" />
        <source>Deposits and receipts</source>
        <translation>押金与收据</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/desk_window.py" line="169" />
        <source>Deposits held</source>
        <translation>押金台账</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/desk_window.py" line="170" />
        <source>Shift handover</source>
        <translation>交接班</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/desk_window.py" line="171" />
        <source>Complaints and suggestions</source>
        <translation>投诉与建议</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/desk_window.py" line="172" />
        <source>Monthly figures</source>
        <translation>月度统计</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/desk_window.py" line="173" />
        <source>Repairs</source>
        <translation>报修</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/desk_window.py" line="174" />
        <source>Registered mail and parcels</source>
        <translation>挂号邮件和包裹</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/desk_window.py" line="175" />
        <source>Permits</source>
        <translation>凭据、出入证</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/desk_window.py" line="176" />
        <source>Outgoing courier</source>
        <translation>快递寄发</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/desk_window.py" line="177" />
        <source>Key loans</source>
        <translation>钥匙借用</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/desk_window.py" line="178" />
        <source>Duty roster</source>
        <translation>大堂助理值班表</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/desk_window.py" line="179" />
        <source>Lost and found</source>
        <translation>失物招领</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/desk_window.py" line="180" />
        <source>Newspapers and magazines</source>
        <translation>报刊</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/desk_window.py" line="187" />
        <source>Sections</source>
        <translation>功能</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/desk_window.py" line="134" />
        <source>Lobby board</source>
        <translation>大堂看板</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/desk_window.py" line="139" />
        <source>Print queue</source>
        <translation>打印队列</translation>
    </message>
</context>
<context>
    <name>DiscrepancyTableModel</name>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="111" />
        <source>Reconciled on</source>
        <translation>核对日期</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="112" />
        <source>Discrepancy</source>
        <translation>差异</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="113" />
        <source>Pass</source>
        <translation>访客证</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="114" />
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="115" />
        <source>Resolved</source>
        <translation>已处理</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="128" />
        <source>Not returned</source>
        <translation>未归还</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="129" />
        <source>Returned, never signed out</source>
        <translation>已归还但无领用记录</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="130" />
        <source>Count does not match</source>
        <translation>数量不符</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="133" />
        <source>OPEN</source>
        <translation>未处理</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="143" />
        <source>%1, signed out by %2</source>
        <translation>%1（领用人：%2）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="147" />
        <source>Returned %1, received by %2</source>
        <translation>%1 归还，经手人：%2</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="153" />
        <source>%1 issued, the guard counted %2</source>
        <translation>发出 %1 张，保安清点 %2 张</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <location filename="../../kiosk/ui/kiosk/outcome.py" line="195" />
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/outcome.py" line="196" />
        <source>Badge number</source>
        <translation>访客证号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/outcome.py" line="197" />
        <source>What to do next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/outcome.py" line="198" />
        <location filename="../../kiosk/ui/kiosk/outcome.py" line="199" />
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/outcome.py" line="214" />
        <source>Welcome, %1</source>
        <translation>欢迎您，%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/outcome.py" line="215" />
        <source>Badge No. %1</source>
        <translation>访客证号 %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/outcome.py" line="218" />
        <source>Please take your badge from the printer and wear it while in the building.</source>
        <translation>请从打印机取走访客证，在楼内请佩戴。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/outcome.py" line="224" />
        <source>Your visit is registered, but the badge could not be printed. Please see the front desk.</source>
        <translation>您的来访已登记，但访客证未能打印，请到前台领取。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/outcome.py" line="232" />
        <source>Your visitor card is %1. Tap it on the card reader when you leave.</source>
        <translation>您的访客卡号为 %1。离开时请在读卡器上刷卡。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/outcome.py" line="238" />
        <source>Please collect your visitor card at the front desk.</source>
        <translation>请到前台领取访客卡。</translation>
    </message>
</context>
<context>
    <name>DutyLogTableModel</name>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="128" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="129" />
        <source>Where</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="130" />
        <source>What happened</source>
        <translation>事件经过</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="131" />
        <source>Action taken</source>
        <translation>处理措施</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="132" />
        <source>People involved</source>
        <translation>相关人员</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="133" />
        <source>Recorded by</source>
        <translation>记录人</translation>
    </message>
</context>
<context>
    <name>EvacuationPage</name>
    <message>
        <location filename="../../kiosk/ui/console/evacuation_page.py" line="57" />
        <source>EVACUATION: show and print everyone on site</source>
        <translation>紧急疏散：显示并打印全部在场人员</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/evacuation_page.py" line="59" />
        <source>Show and print everyone on site for the roll call</source>
        <translation>显示并打印全部在场人员，用于集合点点名</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/evacuation_page.py" line="64" />
        <source>How many are on site</source>
        <translation>在场人数</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/evacuation_page.py" line="66" />
        <source>Everyone on site</source>
        <translation>全部在场人员</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/evacuation_page.py" line="67" />
        <source>Printing result</source>
        <translation>打印结果</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/evacuation_page.py" line="108" />
        <source>The on-site list cannot be read: the server does not answer and this desk has no copy.</source>
        <translation>无法读取在场名单：服务器无响应，本台也没有保存的副本。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/evacuation_page.py" line="118" />
        <source>%n on site at %1.</source>
        <translation>%1 在场 %n 人。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/evacuation_page.py" line="121" />
        <source>The server does not answer: this is this desk's last local copy.</source>
        <translation>服务器无响应：这是本台最后一次保存的本地副本。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/evacuation_page.py" line="123" />
        <source>Database unreachable: this is the last local copy.</source>
        <translation>数据库无法连接：这是最后一次保存的本地副本。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/evacuation_page.py" line="125" />
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/evacuation_page.py" line="133" />
        <source>Printed on %1.</source>
        <translation>已在 %1 打印。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/evacuation_page.py" line="138" />
        <source>NOT printed: %1. Use the list on screen.</source>
        <translation>未打印：%1。请使用屏幕上的名单。</translation>
    </message>
</context>
<context>
    <name>EvacuationTableModel</name>
    <message>
        <location filename="../../kiosk/ui/console/evacuation_page.py" line="29" />
        <source>Visitor</source>
        <translation>访客</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/evacuation_page.py" line="30" />
        <source>Company</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/evacuation_page.py" line="31" />
        <source>Host</source>
        <translation>被访人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/evacuation_page.py" line="32" />
        <source>Time in</source>
        <translation>到访时间</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/evacuation_page.py" line="33" />
        <source>Badge or card</source>
        <translation>访客证或卡号</translation>
    </message>
</context>
<context>
    <name>ExpectedTableModel</name>
    <message>
        <location filename="../../kiosk/ui/console/board_follow_up.py" line="24" />
        <source>Visitor</source>
        <translation>访客</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_follow_up.py" line="25" />
        <source>Company / unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_follow_up.py" line="26" />
        <source>Host</source>
        <translation>被访人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_follow_up.py" line="27" />
        <source>Expected</source>
        <translation>预计到访</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_follow_up.py" line="28" />
        <source>Code</source>
        <translation>预约码</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_follow_up.py" line="29" />
        <location filename="../../kiosk/ui/console/board_follow_up.py" line="74" />
        <source>Arrived</source>
        <translation>已到</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_follow_up.py" line="75" />
        <source>Not yet</source>
        <translation>未到</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_follow_up.py" line="75" />
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
</context>
<context>
    <name>FiguresPage</name>
    <message>
        <location filename="../../kiosk/ui/console/figures_page.py" line="61" />
        <source>Visitors per day</source>
        <translation>每日来访</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/figures_page.py" line="62" />
        <source>Visitors per hour</source>
        <translation>各时段来访</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/figures_page.py" line="63" />
        <source>Release slips per day</source>
        <translation>每日物品放行条</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/figures_page.py" line="64" />
        <source>Receipts per day</source>
        <translation>每日收据</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/figures_page.py" line="65" />
        <source>Repairs by category</source>
        <translation>报修分类统计</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/figures_page.py" line="66" />
        <source>Complaints by subject</source>
        <translation>投诉分类统计</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/figures_page.py" line="67" />
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/figures_page.py" line="68" />
        <source>Hour</source>
        <translation>时段</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/figures_page.py" line="69" />
        <source>Visits</source>
        <translation>来访数</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/figures_page.py" line="70" />
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/figures_page.py" line="71" />
        <source>Release slips</source>
        <translation>物品放行条</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/figures_page.py" line="72" />
        <source>Receipts</source>
        <translation>收据数</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/figures_page.py" line="73" />
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/figures_page.py" line="74" />
        <source>Refunds</source>
        <translation>退款数</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/figures_page.py" line="75" />
        <source>Refunded (yuan)</source>
        <translation>退款金额（元）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/figures_page.py" line="76" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/figures_page.py" line="77" />
        <source>Taken</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/figures_page.py" line="78" />
        <source>Completed</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/figures_page.py" line="79" />
        <source>Within limit</source>
        <translation>按时完成</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/figures_page.py" line="80" />
        <source>Late</source>
        <translation>超时</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/figures_page.py" line="81" />
        <source>Share within limit (%)</source>
        <translation>按时完成率（%）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/figures_page.py" line="82" />
        <source>Subject</source>
        <translation>投诉类别</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/figures_page.py" line="83" />
        <source>Recorded</source>
        <translation>登记</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/figures_page.py" line="84" />
        <source>Serious</source>
        <translation>重大投诉</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/figures_page.py" line="85" />
        <source>Closed</source>
        <translation>结案</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/figures_page.py" line="86" />
        <source>Average hours to close</source>
        <translation>平均结案时长（小时）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/figures_page.py" line="107" />
        <source>◀ Previous month</source>
        <translation>◀ 上个月</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/figures_page.py" line="107" />
        <source>Previous month</source>
        <translation>上个月</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/figures_page.py" line="109" />
        <location filename="../../kiosk/ui/console/figures_page.py" line="120" />
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/figures_page.py" line="115" />
        <source>Next month ▶</source>
        <translation>下个月 ▶</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/figures_page.py" line="115" />
        <source>Next month</source>
        <translation>下个月</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/figures_page.py" line="118" />
        <source>Export Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/figures_page.py" line="118" />
        <source>Export the month's figures to Excel</source>
        <translation>将本月统计导出为 Excel</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/figures_page.py" line="126" />
        <source>The month in figures</source>
        <translation>本月统计概况</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/figures_page.py" line="134" />
        <source>Charts</source>
        <translation>统计图表</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/figures_page.py" line="138" />
        <source>Last action result</source>
        <translation>上一步操作结果</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/figures_page.py" line="230" />
        <source>Save as PNG</source>
        <translation>保存为 PNG 图片</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/figures_page.py" line="230" />
        <source>Save the chart as a PNG picture</source>
        <translation>将图表保存为 PNG 图片</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/figures_page.py" line="243" />
        <source>%1: %2 visits (%3 people), %4 release slips, %5 receipts taking %6 yuan.</source>
        <translation>%1：来访 %2 次（%3 人），物品放行条 %4 张，收据 %5 张，收款 %6 元。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/figures_page.py" line="250" />
        <source>Repairs: %1 taken, %2 within their limits. Complaints: %3 recorded, %4 serious.</source>
        <translation>报修：受理 %1 宗，按时完成率 %2。投诉：登记 %3 宗，其中重大投诉 %4 宗。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/figures_page.py" line="261" />
        <source>Choose a month from %1 to %2.</source>
        <translation>请选择 %1 至 %2 之间的月份。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/figures_page.py" line="267" />
        <location filename="../../kiosk/ui/console/figures_page.py" line="293" />
        <source>Could not save the file: %1</source>
        <translation>无法保存文件：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/figures_page.py" line="287" />
        <source>Save the chart</source>
        <translation>保存图表</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/figures_page.py" line="287" />
        <source>PNG pictures (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/figures_page.py" line="291" />
        <source>Saved the chart to %1.</source>
        <translation>图表已保存到 %1。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/figures_page.py" line="301" />
        <source>Export the month's figures</source>
        <translation>导出本月统计</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/figures_page.py" line="303" />
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/figures_page.py" line="320" />
        <source>Exported the figures of %1 to %2.</source>
        <translation>已将 %1 的统计导出到 %2。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/figures_page.py" line="326" />
        <source>Exporting the month's figures (KB received)</source>
        <translation>正在导出本月统计（已接收 KB）</translation>
    </message>
</context>
<context>
    <name>FollowUpTabs</name>
    <message>
        <location filename="../../kiosk/ui/console/board_follow_up.py" line="124" />
        <source>Expected arrivals today</source>
        <translation>今日预约到访</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_follow_up.py" line="127" />
        <source>Auto check-outs</source>
        <translation>自动签离</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_follow_up.py" line="128" />
        <source>Expected today</source>
        <translation>今日预约</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_follow_up.py" line="129" />
        <source>Auto check-out</source>
        <translation>自动签离</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_follow_up.py" line="131" />
        <source>Expected arrivals and auto check-outs</source>
        <translation>预约到访与自动签离</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_follow_up.py" line="138" />
        <source>Expected today (%1)</source>
        <translation>今日预约（%1）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_follow_up.py" line="142" />
        <source>Auto check-out (%1)</source>
        <translation>自动签离（%1）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_follow_up.py" line="144" />
        <source>%1 cards not returned</source>
        <translation>%1 张卡未归还</translation>
    </message>
</context>
<context>
    <name>GuardWindow</name>
    <message>
        <location filename="../../kiosk/ui/console/guard_window.py" line="31" />
        <source>Lobby Kiosk — Guard: release slips</source>
        <translation>大堂访客系统 — 护卫员：物品放行条</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/guard_window.py" line="37" />
        <source>What to check</source>
        <translation>核验类别</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/guard_window.py" line="38" />
        <source>Release slips (goods out)</source>
        <translation>物品放行条（物品出）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/guard_window.py" line="39" />
        <source>Permits (goods and workers in)</source>
        <translation>凭据、出入证（材料、人员进）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/guard_window.py" line="40" />
        <source>Patrol notices</source>
        <translation>巡逻跟踪通知</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/guard_window.py" line="63" />
        <source>Guard screen: sign in</source>
        <translation>护卫员屏幕：登录</translation>
    </message>
</context>
<context>
    <name>HandOverProof</name>
    <message>
        <location filename="../../kiosk/ui/console/hand_over_proof.py" line="21" />
        <source>ID type</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/hand_over_proof.py" line="26" />
        <source>Last four of the ID number</source>
        <translation>证件号码后四位</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/hand_over_proof.py" line="29" />
        <source>Last four characters only, e.g. 002X</source>
        <translation>仅填后四位，例如 002X</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/hand_over_proof.py" line="53" />
        <location filename="../../kiosk/ui/console/hand_over_proof.py" line="63" />
        <source>Signature</source>
        <translation>签名</translation>
    </message>
</context>
<context>
    <name>HandoverPage</name>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="166" />
        <source>Shift handover</source>
        <translation>交接班</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="167" />
        <source>Hand over</source>
        <translation>交班</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="168" />
        <source>Take over</source>
        <translation>接班</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="169" />
        <location filename="../../kiosk/ui/console/handover_page.py" line="214" />
        <location filename="../../kiosk/ui/console/handover_page.py" line="278" />
        <source>Open issues</source>
        <translation>遗留问题</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="170" />
        <location filename="../../kiosk/ui/console/handover_page.py" line="322" />
        <source>Duty log</source>
        <translation>值班记录</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="172" />
        <source>Last action result</source>
        <translation>上一步操作结果</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="180" />
        <source>Where the counts come from</source>
        <translation>数量来源说明</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="185" />
        <source>Cash handed over, in yuan</source>
        <translation>移交现金（元）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="195" />
        <location filename="../../kiosk/ui/console/handover_page.py" line="197" />
        <source>Which keys</source>
        <translation>钥匙明细</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="196" />
        <source>e.g. meeting rooms 301/302, store room</source>
        <translation>例如：301/302 会议室、储物间</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="199" />
        <source>Fill in from the system again</source>
        <translation>重新从系统带入</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="201" />
        <source>Fill in the counts again</source>
        <translation>重新带入清点数量</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="207" />
        <source>Work done this shift</source>
        <translation>本班工作情况</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="208" />
        <source>Open issues, one per line</source>
        <translation>遗留问题，每行一条</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="209" />
        <source>Notes for the next shift</source>
        <translation>给下一班的注意事项</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="211" />
        <source>One open issue per line; they stay on the board until closed</source>
        <translation>每行一条遗留问题；问题关闭前会一直显示在看板上</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="213" />
        <source>Work done</source>
        <translation>工作情况</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="215" />
        <source>Notes</source>
        <translation>注意事项</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="219" />
        <source>Your PIN as signature</source>
        <translation>用您的 PIN 签字</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="221" />
        <source>Your PIN</source>
        <translation>您的 PIN</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="223" />
        <source>Sign and hand over</source>
        <translation>签字并交班</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="223" />
        <source>Sign the handover record</source>
        <translation>在交接班记录上签字</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="226" />
        <source>Outgoing clerk signs:</source>
        <translation>交班人签字：</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="235" />
        <source>The handover waiting for you</source>
        <translation>待您接班的交接记录</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="239" />
        <source>Items handed over</source>
        <translation>移交物品</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="249" />
        <source>What is different and why</source>
        <translation>差异内容及原因</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="251" />
        <source>Needed when a count differs</source>
        <translation>清点数量不符时必填</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="252" />
        <source>Differences</source>
        <translation>差异</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="256" />
        <location filename="../../kiosk/ui/console/handover_page.py" line="258" />
        <source>Incoming clerk's staff number</source>
        <translation>接班人工号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="259" />
        <source>Incoming clerk's PIN</source>
        <translation>接班人 PIN</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="260" />
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="263" />
        <source>Counted — sign and take over</source>
        <translation>已清点 — 签字接班</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="263" />
        <source>The incoming clerk signs</source>
        <translation>接班人签字</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="266" />
        <source>Incoming clerk signs:</source>
        <translation>接班人签字：</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="282" />
        <source>How the issue was settled</source>
        <translation>问题处理结果</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="283" />
        <source>How it was settled</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="285" />
        <location filename="../../kiosk/ui/console/handover_page.py" line="287" />
        <source>Close the selected issue</source>
        <translation>关闭选中的问题</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="293" />
        <location filename="../../kiosk/ui/console/handover_page.py" line="296" />
        <source>Recent handovers</source>
        <translation>最近的交接班</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="305" />
        <source>When it happened</source>
        <translation>发生时间</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="306" />
        <location filename="../../kiosk/ui/console/handover_page.py" line="311" />
        <source>Where</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="307" />
        <location filename="../../kiosk/ui/console/handover_page.py" line="312" />
        <source>What happened</source>
        <translation>事件经过</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="308" />
        <location filename="../../kiosk/ui/console/handover_page.py" line="313" />
        <source>Action taken</source>
        <translation>处理措施</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="309" />
        <location filename="../../kiosk/ui/console/handover_page.py" line="314" />
        <source>People involved</source>
        <translation>相关人员</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="310" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="316" />
        <source>Add to the duty log</source>
        <translation>记入值班记录</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="316" />
        <source>Add this incident to the duty log</source>
        <translation>将此事件记入值班记录</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="330" />
        <source>Your role cannot do this. Ask a supervisor.</source>
        <translation>您的角色无权执行此操作，请联系主管。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="393" />
        <source>Open issues (%1)</source>
        <translation>遗留问题（%1）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="434" />
        <source>Pre-filled from the handover of %1 and the payments and passes since: count them anyway.</source>
        <translation>已根据 %1 的交接记录及其后的收款和访客证变动预先填写：仍请逐项清点。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="438" />
        <source>No earlier handover: cash is the last 24 hours' takings, passes are the pool; count everything.</source>
        <translation>没有更早的交接记录：现金为最近 24 小时的收款，访客证为库存数；请全部清点。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="442" />
        <source>%1 machine-room passes are out with visitors (not in the drawer).</source>
        <translation>另有 %1 张机房访客证在访客手中（不在抽屉里）。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="448" />
        <source>Keys from the key register: %1 registered, %2 out on loan; a different count is an open issue.</source>
        <translation>钥匙按登记簿计：登记 %1 把，借出 %2 把；清点数不符将列为遗留问题。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="457" />
        <source>No handover is waiting for a signature.</source>
        <translation>没有待签字的交接记录。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="463" />
        <source>Handed over by %1 at %2. Count every item with them, then sign.</source>
        <translation>%1 于 %2 交班。请与其当面清点每项物品，然后签字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="466" />
        <source>Work done: %1</source>
        <translation>工作情况：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="469" />
        <source>Open issues: %1</source>
        <translation>遗留问题：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="471" />
        <source>Notes: %1</source>
        <translation>注意事项：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="527" />
        <source>Handed over and signed. The incoming clerk counts and signs under Take over.</source>
        <translation>已签字交班。请接班人在“接班”页清点并签字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="551" />
        <source>Count every item and type what you counted: %1.</source>
        <translation>请清点每项物品并填写清点数量：%1。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="575" />
        <source>%1 took over from %2.</source>
        <translation>%1 已从 %2 处接班。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="580" />
        <source>%1 counts differ: noted and put on the board as open issues.</source>
        <translation>%1 项数量不符：已记录，并作为遗留问题显示在看板上。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="595" />
        <source>Select an open issue first.</source>
        <translation>请先选择一个遗留问题。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="602" />
        <source>Issue closed: %1</source>
        <translation>问题已关闭：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="622" />
        <source>Added to the duty log.</source>
        <translation>已记入值班记录。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="627" />
        <source>Write the work done this shift.</source>
        <translation>请填写本班工作情况。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="628" />
        <source>The work done has at most %1 characters.</source>
        <translation>工作情况最多 %1 个字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="629" />
        <source>The notes have at most %1 characters.</source>
        <translation>注意事项最多 %1 个字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="630" />
        <source>An open issue has at most %1 characters.</source>
        <translation>每条遗留问题最多 %1 个字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="631" />
        <source>Which keys: at most %1 characters.</source>
        <translation>钥匙明细最多 %1 个字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="632" />
        <source>Type the cash in yuan, e.g. 350 or 349.50.</source>
        <translation>请以元为单位填写现金，例如 350 或 349.50。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="633" />
        <source>The cash cannot be negative.</source>
        <translation>现金不能为负数。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="634" />
        <source>Yuan have at most two decimals (fen).</source>
        <translation>金额最多保留两位小数（分）。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="635" />
        <source>This amount of cash is too large.</source>
        <translation>现金金额过大。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="636" />
        <source>A count cannot be negative.</source>
        <translation>数量不能为负数。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="637" />
        <source>Counts are whole numbers.</source>
        <translation>数量必须为整数。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="639" />
        <source>The last handover still waits for the incoming clerk's signature.</source>
        <translation>上一次交接仍在等待接班人签字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="641" />
        <source>This handover is already signed.</source>
        <translation>该交接记录已签字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="642" />
        <source>This handover no longer exists.</source>
        <translation>该交接记录已不存在。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="644" />
        <source>The record was changed after the outgoing clerk signed: it cannot be countersigned. Call the supervisor.</source>
        <translation>交班人签字后记录被改动，不能会签。请联系主管。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="647" />
        <source>A count differs: write what is different and why.</source>
        <translation>数量不符：请填写差异内容及原因。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="648" />
        <location filename="../../kiosk/ui/console/handover_page.py" line="656" />
        <source>The note has at most %1 characters.</source>
        <translation>说明最多 %1 个字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="649" />
        <source>Staff number or PIN is wrong: nothing was signed.</source>
        <translation>工号或 PIN 错误：未签字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="650" />
        <source>This staff member does not do shift handovers.</source>
        <translation>该员工不参与交接班。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="652" />
        <source>The incoming clerk must be someone else than the outgoing one.</source>
        <translation>接班人不能与交班人为同一人。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="654" />
        <source>This issue is already closed.</source>
        <translation>该问题已关闭。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="655" />
        <source>This issue no longer exists.</source>
        <translation>该问题已不存在。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="657" />
        <source>The time of the incident is in the future.</source>
        <translation>事件时间不能晚于现在。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="658" />
        <source>Write where it happened.</source>
        <translation>请填写发生地点。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="659" />
        <source>Where: at most %1 characters.</source>
        <translation>地点最多 %1 个字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="660" />
        <source>Write what happened.</source>
        <translation>请填写事件经过。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="661" />
        <source>What happened: at most %1 characters.</source>
        <translation>事件经过最多 %1 个字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="662" />
        <source>Action taken: at most %1 characters.</source>
        <translation>处理措施最多 %1 个字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="663" />
        <source>People involved: at most %1 characters.</source>
        <translation>相关人员最多 %1 个字。</translation>
    </message>
</context>
<context>
    <name>HistoryTableModel</name>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="104" />
        <source>Handed over</source>
        <translation>交班时间</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="104" />
        <source>By</source>
        <translation>交班人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="104" />
        <source>Taken over by</source>
        <translation>接班人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="104" />
        <source>Differences</source>
        <translation>差异</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="118" />
        <source>waiting for the signature</source>
        <translation>等待签字</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="115" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="115" />
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="115" />
        <source>What happened</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="115" />
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="135" />
        <source>Application filed</source>
        <translation>已提交申请</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="136" />
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="137" />
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="138" />
        <source>Decision refused</source>
        <translation>审批操作被拒</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="139" />
        <source>Encoding started</source>
        <translation>开始制卡</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="140" />
        <source>Encoding failed</source>
        <translation>制卡失败</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="141" />
        <source>Card written and verified</source>
        <translation>写卡并校验成功</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="142" />
        <source>Card issued</source>
        <translation>已发卡</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="143" />
        <source>Uploaded to access control</source>
        <translation>已上传门禁系统</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="144" />
        <source>Upload failed, will retry</source>
        <translation>上传失败，将重试</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="145" />
        <source>Card blocked</source>
        <translation>卡片已停用</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="146" />
        <source>Revoked</source>
        <translation>已注销</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="147" />
        <source>Card expired</source>
        <translation>卡片已过期</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="148" />
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="149" />
        <source>Card presented and refused</source>
        <translation>刷卡被拒</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="150" />
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="151" />
        <source>Card refused at the encoder</source>
        <translation>发卡器拒绝该卡</translation>
    </message>
</context>
<context>
    <name>HostPage</name>
    <message>
        <location filename="../../kiosk/ui/kiosk/steps.py" line="353" />
        <source>Who are you visiting?</source>
        <translation>您要拜访谁？</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/steps.py" line="354" />
        <source>Type a name, pinyin or department</source>
        <translation>输入姓名、拼音或部门</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/steps.py" line="355" />
        <source>Search for the person you are visiting</source>
        <translation>搜索您要拜访的人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/steps.py" line="356" />
        <source>e.g. 张三, zhangsan, zs, 财务部</source>
        <translation>例如：张三、zhangsan、zs、财务部</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/steps.py" line="357" />
        <source>People you can visit</source>
        <translation>可拜访的人员</translation>
    </message>
</context>
<context>
    <name>HourlyTableModel</name>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="111" />
        <source>Hour</source>
        <translation>时段</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="111" />
        <source>Visits</source>
        <translation>来访数</translation>
    </message>
</context>
<context>
    <name>IdcApplicationsPage</name>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="232" />
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="249" />
        <source>Application form No.</source>
        <translation>申请表编号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="233" />
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="250" />
        <source>Customer company</source>
        <translation>客户单位</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="234" />
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="251" />
        <source>Card holder</source>
        <translation>持卡人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="235" />
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="252" />
        <source>Holder's mobile</source>
        <translation>持卡人手机</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="236" />
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="253" />
        <source>ID document</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="237" />
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="254" />
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="238" />
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="255" />
        <source>Introduction letter reference</source>
        <translation>介绍信编号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="240" />
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="256" />
        <source>Valid from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="241" />
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="257" />
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="245" />
        <source>Machine rooms / cages covered, one per line</source>
        <translation>可进入的机房 / 机柜笼位，每行一个</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="258" />
        <source>Machine rooms / cages</source>
        <translation>机房 / 机柜笼位</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="263" />
        <source>File the application</source>
        <translation>提交申请</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="263" />
        <source>File the application for approval</source>
        <translation>提交申请待审批</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="267" />
        <source>Last action result</source>
        <translation>上一步操作结果</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="269" />
        <source>Applications I filed</source>
        <translation>我提交的申请</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="300" />
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="325" />
        <source>Your role may not file card applications.</source>
        <translation>您的角色无权提交制卡申请。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="334" />
        <source>Application %1 filed: a supervisor approves it, then the front desk makes the card.</source>
        <translation>申请 %1 已提交：主管批准后由前台制卡。</translation>
    </message>
</context>
<context>
    <name>IdcCards</name>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="68" />
        <source>Waiting for approval</source>
        <translation>待审批</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="69" />
        <source>Approved, to be issued</source>
        <translation>已批准，待发卡</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="70" />
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="71" />
        <source>Issued</source>
        <translation>已发卡</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="72" />
        <source>Revoked</source>
        <translation>已注销</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="73" />
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
</context>
<context>
    <name>IdcCardsPage</name>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="366" />
        <source>Search cards</source>
        <translation>搜索卡片</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="367" />
        <source>Form No., customer, holder, card No. or ID last four</source>
        <translation>申请表编号、客户、持卡人、卡号或证件后四位</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="369" />
        <source>Status filter</source>
        <translation>状态筛选</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="370" />
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="374" />
        <source>Customer filter</source>
        <translation>客户筛选</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="377" />
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="379" />
        <source>Expiring within 30 days</source>
        <translation>30 天内到期</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="387" />
        <source>Loading the card list…</source>
        <translation>正在读取卡片列表…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="387" />
        <source>The card list is loading</source>
        <translation>卡片列表读取中</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="392" />
        <source>IDC cards and applications</source>
        <translation>IDC身份校验卡及申请</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="397" />
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="398" />
        <source>Note or reason</source>
        <translation>备注或原因</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="400" />
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="400" />
        <source>Approve the application</source>
        <translation>批准该申请</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="403" />
        <source>Reject</source>
        <translation>驳回</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="403" />
        <source>Reject the application</source>
        <translation>驳回该申请</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="406" />
        <source>Issue card</source>
        <translation>制卡</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="406" />
        <source>Encode a blank card for this application</source>
        <translation>为该申请写一张空白卡</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="409" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="409" />
        <source>Stop waiting for a card</source>
        <translation>停止等待放卡</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="413" />
        <source>Why the card is revoked</source>
        <translation>注销原因</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="415" />
        <source>Sales revocation notice</source>
        <translation>销售部注销通知</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="416" />
        <source>Card lost</source>
        <translation>卡片遗失</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="418" />
        <source>Revoke</source>
        <translation>注销</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="418" />
        <source>Revoke the card now</source>
        <translation>立即注销该卡</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="437" />
        <source>Card encoding progress</source>
        <translation>制卡进度</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="441" />
        <source>Last action result</source>
        <translation>上一步操作结果</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="444" />
        <source>Card details</source>
        <translation>卡片详情</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="447" />
        <source>The selected card's history</source>
        <translation>所选卡片的历史记录</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="453" />
        <source>Uploads to access control</source>
        <translation>上传门禁系统</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="456" />
        <source>Send again now</source>
        <translation>立即重新发送</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="456" />
        <source>Send the selected upload again now</source>
        <translation>立即重新发送选中的上传</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="461" />
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="462" />
        <source>Uploads</source>
        <translation>上传记录</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="493" />
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="500" />
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="746" />
        <source>Your role may not do this.</source>
        <translation>您的角色无权执行此操作。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="523" />
        <source>All customers</source>
        <translation>全部客户</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="561" />
        <source>The card list could not be read. Open the page again to retry.</source>
        <translation>无法读取卡片列表，请重新打开本页再试。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="613" />
        <source>Application %1 approved.</source>
        <translation>申请 %1 已批准。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="613" />
        <source>Application %1 rejected.</source>
        <translation>申请 %1 已驳回。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="631" />
        <source>This desk has no card encoder: issue the card at a desk that has one.</source>
        <translation>本台没有发卡器，请到有发卡器的前台发卡。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="666" />
        <source>Place a blank card on the encoder…</source>
        <translation>请将空白卡放在发卡器上…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="667" />
        <source>Checking the card…</source>
        <translation>正在检查卡片…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="668" />
        <source>Wiping a returned card…</source>
        <translation>正在清除回收卡…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="669" />
        <source>Writing the card…</source>
        <translation>正在写卡…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="670" />
        <source>Reading the card back to verify it…</source>
        <translation>正在回读校验…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="671" />
        <source>Verified. Recording the card as issued…</source>
        <translation>校验通过，正在登记发卡…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="685" />
        <source>Card %1 issued and verified (UID %2).</source>
        <translation>卡 %1 已发卡并校验通过（UID %2）。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="688" />
        <source>The issue confirmation is printing.</source>
        <translation>正在打印发卡确认单。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="690" />
        <source>The issue confirmation is in the print queue.</source>
        <translation>发卡确认单已加入打印队列。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="711" />
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="721" />
        <source>This card is in use; it must be returned before it is reissued.</source>
        <translation>该卡正在使用中，需归还后才能重新发卡。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="714" />
        <source>This card is revoked and can never be used again. Keep it aside.</source>
        <translation>该卡已注销，永久不能再用，请单独存放。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="717" />
        <source>This card holds data that is not ours or was altered. Use a blank card.</source>
        <translation>该卡含有非本系统或被改动的数据，请使用空白卡。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="719" />
        <source>This card belongs to another system. Use a blank card.</source>
        <translation>该卡属于其他系统，请使用空白卡。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="727" />
        <source>The card was not recorded in time: it is not issued. Place it again and retry.</source>
        <translation>卡片未能及时登记，未发卡。请重新放好后重试。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="730" />
        <source>This card cannot be issued. Use a blank card.</source>
        <translation>该卡无法发卡，请使用空白卡。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="733" />
        <source>Cancelled: no card was written.</source>
        <translation>已取消：未写卡。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="735" />
        <source>No card was placed in time.</source>
        <translation>未在规定时间内放卡。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="738" />
        <source>The card was lifted too early: it is not issued. Place it again and retry.</source>
        <translation>卡片拿开过早，未发卡。请重新放好后重试。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="724" />
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="741" />
        <source>The card did not verify after writing: it is not issued. Retry or use another card.</source>
        <translation>写卡后校验未通过，未发卡。请重试或换一张卡。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="744" />
        <source>The card encoder is not responding: %1</source>
        <translation>发卡器无响应：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="749" />
        <source>The card could not be issued: %1</source>
        <translation>无法发卡：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="767" />
        <source>Card %1 revoked: it is refused from now on, and the systems department is notified.</source>
        <translation>卡 %1 已注销：即刻起禁止通行，并已通知系统部。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="778" />
        <source>Select an upload first.</source>
        <translation>请先选择一条上传记录。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="785" />
        <source>Upload acknowledged.</source>
        <translation>上传已确认。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/idc_cards_page.py" line="787" />
        <source>Upload failed: %1</source>
        <translation>上传失败：%1</translation>
    </message>
</context>
<context>
    <name>IdentityPage</name>
    <message>
        <location filename="../../kiosk/ui/kiosk/steps.py" line="163" />
        <source>About you</source>
        <translation>您的信息</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/steps.py" line="164" />
        <location filename="../../kiosk/ui/kiosk/steps.py" line="165" />
        <source>Read ID card</source>
        <translation>读取身份证</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/steps.py" line="166" />
        <source>ID card reader</source>
        <translation>身份证阅读器</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/steps.py" line="168" />
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/steps.py" line="169" />
        <source>Company or unit (optional)</source>
        <translation>单位（可不填）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/steps.py" line="170" />
        <source>Mobile number (optional)</source>
        <translation>手机号（可不填）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/steps.py" line="171" />
        <source>ID document (optional)</source>
        <translation>证件（可不填）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/steps.py" line="172" />
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/steps.py" line="173" />
        <source>Access permit number (出入证)</source>
        <translation>出入证编号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/steps.py" line="243" />
        <source>Place your ID card flat on the reader and hold it still...</source>
        <translation>请将身份证平放在阅读器上，保持不动……</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/steps.py" line="263" />
        <source>Read from your ID card. Please check your name.</source>
        <translation>已从身份证读取，请核对您的姓名。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/steps.py" line="268" />
        <source>No ID card was found. Place your card flat on the reader and tap the button again.</source>
        <translation>未检测到身份证。请将证件平放在阅读器上，再点一次按钮。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/steps.py" line="271" />
        <source>This card cannot be read here. Please choose Other and type its number.</source>
        <translation>此证件无法在这里读取，请选择“其他”并输入证件号码。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/steps.py" line="273" />
        <source>Your card could not be read. Hold it still on the reader and try again.</source>
        <translation>未能读取您的证件，请将证件放稳在阅读器上再试一次。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/steps.py" line="274" />
        <source>The card reader is not working. Please type your details, or ask at the front desk.</source>
        <translation>身份证阅读器暂时无法使用，请手动填写，或到前台咨询。</translation>
    </message>
</context>
<context>
    <name>InvitationPage</name>
    <message>
        <location filename="../../kiosk/ui/kiosk/invitation.py" line="64" />
        <source>I have an invitation</source>
        <translation>我有预约</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/invitation.py" line="65" />
        <source>Scan the QR code of your invitation, or type its 6-character code:</source>
        <translation>请扫描预约二维码，或输入 6 位预约码：</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/invitation.py" line="66" />
        <source>Invitation code</source>
        <translation>预约码</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/invitation.py" line="67" />
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/invitation.py" line="68" />
        <source>Find the invitation</source>
        <translation>查找预约</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/invitation.py" line="69" />
        <source>Your invitation</source>
        <translation>您的预约</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/invitation.py" line="72" />
        <source>By confirming you declare you carry no gas cylinders, fireworks or large amounts of thinner, and accept the privacy notice (details kept 180 days for building security).</source>
        <translation>确认即表示您未携带煤气瓶、烟花爆竹或大量天拿水，并同意隐私说明（信息为大楼安全保存 180 天）。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/invitation.py" line="76" />
        <source>Declaration</source>
        <translation>声明</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/invitation.py" line="77" />
        <source>What to fix</source>
        <translation>需要修改的地方</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/invitation.py" line="78" />
        <location filename="../../kiosk/ui/kiosk/invitation.py" line="79" />
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/invitation.py" line="80" />
        <location filename="../../kiosk/ui/kiosk/invitation.py" line="81" />
        <source>Confirm and check in</source>
        <translation>确认并登记</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/invitation.py" line="123" />
        <source>Visitor</source>
        <translation>访客</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/invitation.py" line="124" />
        <source>Visiting</source>
        <translation>被访人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/invitation.py" line="125" />
        <source>Valid</source>
        <translation>有效时间</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/invitation.py" line="126" />
        <source>People</source>
        <translation>人数</translation>
    </message>
</context>
<context>
    <name>IssuesTableModel</name>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="90" />
        <source>Raised</source>
        <translation>提出时间</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="90" />
        <source>By</source>
        <translation>提出人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="90" />
        <source>Open issue</source>
        <translation>遗留问题</translation>
    </message>
</context>
<context>
    <name>ItemsTableModel</name>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="78" />
        <source>Item</source>
        <translation>物品</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="78" />
        <source>Handed over</source>
        <translation>移交数量</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="78" />
        <source>Counted</source>
        <translation>清点数量</translation>
    </message>
</context>
<context>
    <name>KeyLoansExport</name>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="690" />
        <source>Key register</source>
        <translation>钥匙登记簿</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="691" />
        <source>Key loans</source>
        <translation>钥匙借用</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="692" />
        <source>Tag</source>
        <translation>钥匙牌</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="693" />
        <source>Opens</source>
        <translation>开启</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="694" />
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="695" />
        <source>Keys</source>
        <translation>钥匙</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="696" />
        <source>Out</source>
        <translation>借出中</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="697" />
        <source>Kept at</source>
        <translation>存放位置</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="698" />
        <source>Added</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="699" />
        <source>Retired</source>
        <translation>停用时间</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="700" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="701" />
        <source>Loan</source>
        <translation>借用编号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="702" />
        <source>Keys lent</source>
        <translation>借出把数</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="703" />
        <source>Borrower</source>
        <translation>借用人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="704" />
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="705" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="706" />
        <source>ID (last four)</source>
        <translation>证件（后四位）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="707" />
        <source>Staff number</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="708" />
        <source>Lent</source>
        <translation>借出时间</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="709" />
        <source>Lent by</source>
        <translation>经手人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="710" />
        <source>Due back</source>
        <translation>应还时间</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="711" />
        <source>Keys back</source>
        <translation>归还把数</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="712" />
        <source>Keys lost</source>
        <translation>遗失把数</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="713" />
        <source>Closed</source>
        <translation>结清时间</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="714" />
        <source>Taken back by</source>
        <translation>收回人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="715" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="716" />
        <source>Key</source>
        <translation>钥匙</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="717" />
        <source>Access card</source>
        <translation>门禁卡</translation>
    </message>
</context>
<context>
    <name>KeyLoansPage</name>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="162" />
        <source>Search keys and loans</source>
        <translation>搜索钥匙和借用记录</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="163" />
        <source>Search: tag, room, borrower or staff number</source>
        <translation>搜索：钥匙牌、房间、借用人或工号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="165" />
        <source>Keys that should be at the desk</source>
        <translation>前台应有的钥匙</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="167" />
        <source>Export Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="167" />
        <source>Export the key register and its loans</source>
        <translation>导出钥匙登记簿和借用记录</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="174" />
        <source>Key loans</source>
        <translation>钥匙借用</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="175" />
        <source>Out now</source>
        <translation>借出中</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="176" />
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="240" />
        <source>Lend</source>
        <translation>借出</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="177" />
        <source>Register</source>
        <translation>钥匙登记簿</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="178" />
        <source>All loans</source>
        <translation>全部借用记录</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="180" />
        <source>Last action result</source>
        <translation>上一操作结果</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="190" />
        <source>Keys out on loan</source>
        <translation>借出中的钥匙</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="194" />
        <source>Keys handed back</source>
        <translation>归还的钥匙数</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="196" />
        <source>Note on the return</source>
        <translation>归还备注</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="197" />
        <source>Not every key back? Say what happened to the rest</source>
        <translation>未全部归还？请写明其余钥匙的情况</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="199" />
        <source>Taken back</source>
        <translation>已收回</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="199" />
        <source>Record the keys handed back</source>
        <translation>登记归还的钥匙</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="202" />
        <source>Keys back:</source>
        <translation>归还把数：</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="208" />
        <source>Why the keys are lost</source>
        <translation>钥匙遗失原因</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="209" />
        <source>Supervisor: why the keys will not come back</source>
        <translation>主管填写：钥匙无法归还的原因</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="211" />
        <source>Write off as lost</source>
        <translation>按遗失注销</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="211" />
        <source>Write the keys off as lost</source>
        <translation>将钥匙按遗失注销</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="222" />
        <source>Which keys</source>
        <translation>哪套钥匙</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="224" />
        <source>How many keys</source>
        <translation>钥匙把数</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="226" />
        <source>Borrower's name</source>
        <translation>借用人姓名</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="227" />
        <source>Company, unit or department</source>
        <translation>公司、单元或部门</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="228" />
        <source>Borrower's phone</source>
        <translation>借用人电话</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="232" />
        <source>Last four</source>
        <translation>后四位</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="233" />
        <source>Staff number</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="234" />
        <source>or staff number</source>
        <translation>或工号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="238" />
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="248" />
        <source>Due back</source>
        <translation>应还时间</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="239" />
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="249" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="240" />
        <source>Lend the keys</source>
        <translation>借出钥匙</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="242" />
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="274" />
        <source>Keys</source>
        <translation>钥匙</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="243" />
        <source>How many</source>
        <translation>把数</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="244" />
        <source>Borrower</source>
        <translation>借用人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="245" />
        <source>Company / unit</source>
        <translation>公司 / 单元</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="246" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="247" />
        <source>ID (last four) or staff no.</source>
        <translation>证件（后四位）或工号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="257" />
        <source>The key register</source>
        <translation>钥匙登记簿</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="261" />
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="271" />
        <source>Tag</source>
        <translation>钥匙牌</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="262" />
        <source>What it opens</source>
        <translation>开启的房间或门</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="263" />
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="273" />
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="266" />
        <source>Number of keys</source>
        <translation>钥匙把数</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="268" />
        <source>Hook or cabinet</source>
        <translation>挂钩或钥匙柜</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="269" />
        <source>Reason for the change</source>
        <translation>变更原因</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="270" />
        <source>Needed to change or retire a set</source>
        <translation>变更或停用一套钥匙时必填</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="272" />
        <source>Opens</source>
        <translation>开启</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="275" />
        <source>Kept at</source>
        <translation>存放位置</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="276" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="280" />
        <source>Add to the register</source>
        <translation>登记入簿</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="280" />
        <source>Add a set to the register</source>
        <translation>将一套钥匙登记入簿</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="283" />
        <source>Save changes</source>
        <translation>保存修改</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="283" />
        <source>Save the selected set's changes</source>
        <translation>保存所选钥匙的修改</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="286" />
        <source>Retire set</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="286" />
        <source>Retire the selected set</source>
        <translation>停用所选钥匙</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="301" />
        <source>Every loan</source>
        <translation>全部借用记录</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="387" />
        <source>%1 · %2 (%3 at the desk)</source>
        <translation>%1 · %2（前台有 %3 把）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="402" />
        <source>At the desk: %1 keys (%2 registered, %3 out on loan)</source>
        <translation>前台应有：%1 把（登记 %2 把，借出 %3 把）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="407" />
        <source>Out now (%1)</source>
        <translation>借出中（%1）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="409" />
        <source>%1 OVERDUE</source>
        <translation>%1 项超时未还</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="497" />
        <source>No keys in the register to lend: a supervisor adds them first.</source>
        <translation>登记簿中没有可借出的钥匙：请主管先登记。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="521" />
        <source>Lent %1 keys of %2 to %3, due back %4.</source>
        <translation>已将 %2 的 %1 把钥匙借给 %3，应于 %4 归还。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="438" />
        <source>Select the loan the keys belong to first.</source>
        <translation>请先选择钥匙所属的借用记录。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="540" />
        <source>%1 keys of %2 back; %3 still out with %4.</source>
        <translation>%2 已归还 %1 把；%4 处仍有 %3 把未还。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="544" />
        <source>%1 keys of %2 back from %4: every key is back.</source>
        <translation>%4 已归还 %2 的 %1 把钥匙：已全部归还。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="560" />
        <source>%1 keys of %2 written off as lost; the register counts them no more.</source>
        <translation>%2 的 %1 把钥匙已按遗失注销，登记簿不再计入。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="590" />
        <source>%1 added to the register.</source>
        <translation>%1 已登记入簿。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="597" />
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="608" />
        <source>Select a set in the register first.</source>
        <translation>请先在登记簿中选择一套钥匙。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="600" />
        <source>%1 changed in the register.</source>
        <translation>登记簿中的 %1 已修改。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="611" />
        <source>%1 retired: it stays on record and leaves the count.</source>
        <translation>%1 已停用：记录保留，不再计入清点。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="627" />
        <source>Export the key register</source>
        <translation>导出钥匙登记簿</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="629" />
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="621" />
        <source>Exported the key register to %1.</source>
        <translation>钥匙登记簿已导出到 %1。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="633" />
        <source>Exporting the key register (KB received)</source>
        <translation>正在导出钥匙登记簿（已接收 KB）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="640" />
        <source>Write the tag on the keys.</source>
        <translation>请填写钥匙牌上的标记。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="641" />
        <source>The tag has at most %1 characters.</source>
        <translation>钥匙牌最多 %1 个字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="642" />
        <source>A set in the register already has this tag.</source>
        <translation>登记簿中已有相同钥匙牌的钥匙。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="643" />
        <source>Write the room or door the keys open.</source>
        <translation>请填写钥匙开启的房间或门。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="644" />
        <source>What it opens: at most %1 characters.</source>
        <translation>开启的房间或门最多 %1 个字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="645" />
        <source>Kept at: at most %1 characters.</source>
        <translation>存放位置最多 %1 个字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="646" />
        <source>A set has at least one key.</source>
        <translation>一套钥匙至少一把。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="647" />
        <source>A set has at most %1 keys.</source>
        <translation>一套钥匙最多 %1 把。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="648" />
        <source>%1 keys of this set are out: the count cannot be lower.</source>
        <translation>这套钥匙有 %1 把借出中：把数不能少于此数。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="649" />
        <source>Write the reason.</source>
        <translation>请填写原因。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="650" />
        <source>The reason has at most %1 characters.</source>
        <translation>原因最多 %1 个字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="651" />
        <source>This set is no longer in the register.</source>
        <translation>这套钥匙已不在登记簿中。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="652" />
        <source>This set is retired: it is not lent.</source>
        <translation>这套钥匙已停用，不能借出。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="653" />
        <source>Keys of this set are out: take them back before retiring it.</source>
        <translation>这套钥匙有借出未还：收回后才能停用。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="654" />
        <source>Every key of this set is out.</source>
        <translation>这套钥匙已全部借出。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="655" />
        <source>At least one key.</source>
        <translation>至少一把。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="656" />
        <source>At most %1 keys.</source>
        <translation>最多 %1 把。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="657" />
        <source>Only %1 keys of this set are at the desk.</source>
        <translation>这套钥匙在前台的只有 %1 把。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="658" />
        <source>Only %1 keys of this loan are out.</source>
        <translation>这次借用未还的只有 %1 把。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="659" />
        <source>Write the borrower's name.</source>
        <translation>请填写借用人姓名。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="660" />
        <source>The name has at most %1 characters.</source>
        <translation>姓名最多 %1 个字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="661" />
        <source>The name cannot contain “%1”.</source>
        <translation>姓名不能包含“%1”。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="662" />
        <source>Write the borrower's name in letters.</source>
        <translation>请用文字填写借用人姓名。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="664" />
        <source>Type the last four of the borrower's ID, or their staff number.</source>
        <translation>请填写借用人证件号码后四位或工号。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="666" />
        <source>Type exactly the last four characters of the ID number.</source>
        <translation>请填写证件号码的最后四位。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="667" />
        <source>The last four are digits or letters (X).</source>
        <translation>后四位只能是数字或字母（X）。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="668" />
        <source>Choose the kind of ID.</source>
        <translation>请选择证件类型。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="669" />
        <source>The staff number has at most %1 characters.</source>
        <translation>工号最多 %1 个字符。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="670" />
        <source>A staff number has letters, digits and dashes only.</source>
        <translation>工号只能包含字母、数字和横线。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="671" />
        <source>Type a phone number the desk can call (7 to 15 digits).</source>
        <translation>请填写前台可以拨打的电话号码（7 至 15 位数字）。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="672" />
        <source>Company: at most %1 characters.</source>
        <translation>公司最多 %1 个字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="673" />
        <source>The note has at most %1 characters.</source>
        <translation>备注最多 %1 个字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="675" />
        <source>%1 keys are still out: write in the note what happened to them.</source>
        <translation>还有 %1 把未还：请在备注中写明情况。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="677" />
        <source>The time due back has passed: choose a later one.</source>
        <translation>应还时间已过：请选择更晚的时间。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="678" />
        <source>A loan is at most %1 days.</source>
        <translation>借用最长 %1 天。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="679" />
        <source>This loan no longer exists.</source>
        <translation>这条借用记录已不存在。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="680" />
        <source>Every key of this loan is already back.</source>
        <translation>这次借用的钥匙已全部归还。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="681" />
        <source>Your role cannot do this. Ask a supervisor.</source>
        <translation>您的角色无权操作，请找主管。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="682" />
        <source>Search with at most %1 characters.</source>
        <translation>搜索内容最多 %1 个字。</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../../kiosk/ui/kiosk/window.py" line="225" />
        <source>Lobby Kiosk</source>
        <translation>大堂访客自助终端</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/window.py" line="402" />
        <source>That code is not a visitor badge of this building.</source>
        <translation>该二维码不是本楼的访客证。</translation>
    </message>
</context>
<context>
    <name>LeadersModel</name>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="107" />
        <source>Title</source>
        <translation>称呼</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="107" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="107" />
        <source>Company</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="107" />
        <source>On the list</source>
        <translation>名单状态</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="123" />
        <source>Taken off %1: %2</source>
        <translation>%1 移出名单：%2</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/admissions_page.py" line="127" />
        <source>Since %1</source>
        <translation>自 %1 列入</translation>
    </message>
</context>
<context>
    <name>LengthHint</name>
    <message>
        <location filename="../../kiosk/ui/kiosk/base.py" line="64" />
        <source>Length limit</source>
        <translation>字数限制</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/base.py" line="66" />
        <source>That is the most this field takes: %1 characters.</source>
        <translation>此栏最多可填 %1 个字符。</translation>
    </message>
</context>
<context>
    <name>LoansModel</name>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="75" />
        <source>Keys</source>
        <translation>钥匙</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="76" />
        <source>Borrower</source>
        <translation>借用人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="77" />
        <source>ID / staff no.</source>
        <translation>证件 / 工号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="78" />
        <source>Lent</source>
        <translation>借出时间 / 经手人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="79" />
        <source>Due back</source>
        <translation>应还时间</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="80" />
        <source>Out</source>
        <translation>未还</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="80" />
        <source>Back</source>
        <translation>已归还</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="120" />
        <source>%1 lost</source>
        <translation>遗失 %1 把</translation>
    </message>
</context>
<context>
    <name>LobbyBoard</name>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="79" />
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="84" />
        <source>just now</source>
        <translation>刚刚</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="85" />
        <source>%n min</source>
        <translation>%n 分钟</translation>
    </message>
</context>
<context>
    <name>LobbyBoardPage</name>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="311" />
        <source>On site now</source>
        <translation>当前在场</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="313" />
        <source>Number of visitors on site</source>
        <translation>在场访客人数</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="279" />
        <source>Waiting for a decision</source>
        <translation>等待确认</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="260" />
        <source>Alerts</source>
        <translation>提醒</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="275" />
        <source>Board panes</source>
        <translation>看板分区</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="289" />
        <source>Visits waiting for a decision</source>
        <translation>等待确认的来访</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="295" />
        <source>Record call (intercom / phone)</source>
        <translation>通话记录（对讲／电话）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="297" />
        <source>Record the call about the selected visit; agreed lets the visitor in</source>
        <translation>记录就所选来访的通话；对方同意即放行</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="300" />
        <source>Decline</source>
        <translation>谢绝</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="300" />
        <source>Decline the selected visit</source>
        <translation>谢绝选中的来访</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="303" />
        <location filename="../../kiosk/ui/console/lobby_board.py" line="610" />
        <source>Release hold</source>
        <translation>解除拦截</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="303" />
        <source>Release the selected watchlist hold</source>
        <translation>解除选中来访的名单拦截</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="324" />
        <source>Visitors on site</source>
        <translation>在场访客</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="353" />
        <source>Last action result</source>
        <translation>上一步操作结果</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="355" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="355" />
        <source>Refresh the board</source>
        <translation>刷新看板</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="358" />
        <source>Check out</source>
        <translation>签离</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="358" />
        <source>Check the selected visitor out</source>
        <translation>为选中的访客办理签离</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="361" />
        <source>Print badge again</source>
        <translation>重新打印访客证</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="363" />
        <source>Print the selected visitor's badge again</source>
        <translation>为选中的访客再次打印访客证</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="366" />
        <source>Issue visitor card</source>
        <translation>发访客卡</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="368" />
        <source>Encode a visitor card for the selected visitor on the desk's encoder</source>
        <translation>用前台发卡器为选中的访客写一张访客卡</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="429" />
        <source>Your role cannot do this. Ask a supervisor.</source>
        <translation>您的角色无权执行此操作，请联系主管。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="467" />
        <source>The server cannot be reached: the board shows the last known state.</source>
        <translation>无法连接站点服务器：看板显示的是最后已知状态。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="504" />
        <source>%n on site</source>
        <translation>在场 %n 人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="517" />
        <source>Machine-room pass reconciliation is due (09:00).</source>
        <translation>机房访客证该核对了（09:00）。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="521" />
        <source>Machine-room passes: %1 unresolved discrepancies (reconciled on %2); the supervisor is alerted.</source>
        <translation>机房访客证：%1 项差异未处理（%2 核对），已通知主管。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="530" />
        <source>Open handover issues (%1):</source>
        <translation>交接班遗留问题（%1）：</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="533" />
        <source>… and %1 more.</source>
        <translation>… 另有 %1 项。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="540" />
        <source>Kiosk %1: %2 wrong codes, names or card taps in a row (alert at %3). Please check who is there.</source>
        <translation>自助终端 %1：连续 %2 次输错验证码、姓名或刷卡被拒（达 %3 次即报警）。请查看终端前是谁。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="556" />
        <source>Select a visitor in the table first.</source>
        <translation>请先在表格中选择一位访客。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="574" />
        <location filename="../../kiosk/ui/console/lobby_board.py" line="625" />
        <source>Select a waiting visit first.</source>
        <translation>请先选择一条等待确认的来访。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="579" />
        <source>Nothing done.</source>
        <translation>未做任何操作。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="587" />
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="592" />
        <source>%1, visiting %2 (%3)</source>
        <translation>%1，拜访 %2（%3）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="600" />
        <source>Whom did you call about %1, and what did they say? Agreed lets the visitor in.</source>
        <translation>您就%1联系了谁？对方怎么说？同意即放行。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="607" />
        <source>Release the watchlist hold on %1? The visit then waits for the host.</source>
        <translation>确定解除对 %1 的拦截？解除后等待被访人确认。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="610" />
        <source>Release the hold</source>
        <translation>解除拦截</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="633" />
        <source>Declined.</source>
        <translation>已谢绝。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="640" />
        <source>Hold released: the visit now waits for the host.</source>
        <translation>已解除拦截：来访转为等待被访人确认。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="653" />
        <source>Checked out.</source>
        <translation>已签离。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="682" />
        <source>Badge printed on %1.</source>
        <translation>访客证已在 %1 打印。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="687" />
        <source>Badge sent to the printer where the visitor checked in.</source>
        <translation>访客证已发送到访客登记处的打印机。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="690" />
        <source>The printer did not print the badge: %1</source>
        <translation>打印机未能打印访客证：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="706" />
        <source>Lay a blank or returned visitor card on the desk's encoder…</source>
        <translation>请将空白或已归还的访客卡放在前台发卡器上…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="713" />
        <source>Visitor card %1 issued.</source>
        <translation>访客卡 %1 已发放。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="722" />
        <source>Visitor card not issued: %1</source>
        <translation>访客卡未发放：%1</translation>
    </message>
</context>
<context>
    <name>LostFoundPage</name>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="117" />
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="118" />
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="242" />
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="119" />
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="222" />
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="244" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="120" />
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="220" />
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="243" />
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="682" />
        <source>What</source>
        <translation>物品</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="121" />
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="229" />
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="246" />
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="683" />
        <source>Found where</source>
        <translation>拾获地点</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="122" />
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="237" />
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="248" />
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="690" />
        <source>Found at</source>
        <translation>拾获时间</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="123" />
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="238" />
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="249" />
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="691" />
        <source>Found by</source>
        <translation>拾获人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="124" />
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="240" />
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="250" />
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="692" />
        <source>Kept at</source>
        <translation>存放位置</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="125" />
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="230" />
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="126" />
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="233" />
        <source>Room</source>
        <translation>会议室</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="127" />
        <source>Cash (yuan)</source>
        <translation>现金（元）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="128" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="129" />
        <source>Logged by</source>
        <translation>登记人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="130" />
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="709" />
        <source>Claimed by</source>
        <translation>认领人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="131" />
        <source>ID type</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="132" />
        <source>ID last four</source>
        <translation>证件后四位</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="133" />
        <source>Claimed at</source>
        <translation>认领时间</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="134" />
        <source>Handed over by</source>
        <translation>交还经办人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="135" />
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="333" />
        <source>Disposal</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="136" />
        <source>Disposed at</source>
        <translation>处理时间</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="137" />
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="353" />
        <source>Approved by</source>
        <translation>批准人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="138" />
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="337" />
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="352" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="139" />
        <source>Lost and found</source>
        <translation>失物招领</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="207" />
        <source>Log a found item</source>
        <translation>登记拾获物品</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="207" />
        <source>New item</source>
        <translation>新物品</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="210" />
        <source>Found in the building</source>
        <translation>楼内拾获</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="110" />
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="210" />
        <source>Found</source>
        <translation>拾获</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="109" />
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="213" />
        <source>Left after a meeting</source>
        <translation>会议遗留</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="221" />
        <source>e.g. black umbrella, silver laptop in a grey bag</source>
        <translation>例如：黑色雨伞、灰色包内的银色笔记本电脑</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="227" />
        <source>Cash counted (yuan)</source>
        <translation>清点现金（元）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="228" />
        <source>Amount counted, in yuan</source>
        <translation>清点金额（元）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="231" />
        <source>Meeting or host company</source>
        <translation>会议名称或主办单位</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="232" />
        <source>Meeting room</source>
        <translation>会议室</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="239" />
        <source>Who found it or handed it in</source>
        <translation>拾获人或交来人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="241" />
        <source>e.g. desk locker 2</source>
        <translation>例如：前台储物柜 2号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="73" />
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="245" />
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="695" />
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="247" />
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="687" />
        <source>Meeting, room</source>
        <translation>会议、会议室</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="252" />
        <source>Log the item</source>
        <translation>登记</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="252" />
        <source>Log the found item</source>
        <translation>登记拾获物品</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="258" />
        <source>Which items</source>
        <translation>物品范围</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="87" />
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="274" />
        <source>Held</source>
        <translation>保管中</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="275" />
        <source>Unclaimed past the keep period</source>
        <translation>超过保管期未认领</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="88" />
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="276" />
        <source>Claimed</source>
        <translation>已认领</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="74" />
        <source>Valuables</source>
        <translation>贵重物品</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="75" />
        <source>Documents</source>
        <translation>证件</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="76" />
        <source>Electronics</source>
        <translation>电子产品</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="77" />
        <source>Keys and cards</source>
        <translation>钥匙、门卡</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="78" />
        <source>Bags</source>
        <translation>包袋</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="79" />
        <source>Clothing</source>
        <translation>衣物</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="80" />
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="89" />
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="277" />
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="718" />
        <source>Disposed of</source>
        <translation>已处理</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="90" />
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="278" />
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="728" />
        <source>Voided</source>
        <translation>已作废</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="97" />
        <source>Returned to the finder</source>
        <translation>交还拾获人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="100" />
        <source>Handed to the police</source>
        <translation>移交公安机关</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="101" />
        <source>Donated</source>
        <translation>捐赠</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="102" />
        <source>Destroyed</source>
        <translation>销毁</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="279" />
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="259" />
        <source>What, where or number</source>
        <translation>物品、地点或编号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="260" />
        <source>What, where, or the item number; or scan its tag</source>
        <translation>物品、地点或编号；或扫描标签</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="262" />
        <source>Found between</source>
        <translation>拾获日期</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="265" />
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="266" />
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="268" />
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="268" />
        <source>Search the register</source>
        <translation>查询失物登记</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="271" />
        <source>Export to Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="271" />
        <source>Export the register to Excel</source>
        <translation>导出失物登记到 Excel</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="291" />
        <source>Lost and found register</source>
        <translation>失物招领登记簿</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="297" />
        <source>The item</source>
        <translation>物品详情</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="301" />
        <source>Print its tag</source>
        <translation>打印标签</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="301" />
        <source>Print the item's tag</source>
        <translation>打印物品标签</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="306" />
        <source>Hand it to its owner</source>
        <translation>交还失主</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="306" />
        <source>Claim</source>
        <translation>认领</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="308" />
        <source>Owner's name</source>
        <translation>失主姓名</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="309" />
        <source>Owner's phone</source>
        <translation>失主电话</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="310" />
        <source>Optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="328" />
        <source>ID shown</source>
        <translation>出示证件</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="316" />
        <source>The owner types their name again</source>
        <translation>失主再次输入本人姓名</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="317" />
        <source>I have received this item</source>
        <translation>本人已领回该物品</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="318" />
        <source>Owner's confirmation</source>
        <translation>失主确认</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="323" />
        <source>Hand over</source>
        <translation>交还</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="323" />
        <source>Hand the item over</source>
        <translation>交还物品</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="326" />
        <source>Owner</source>
        <translation>失主</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="327" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="333" />
        <source>Dispose of an unclaimed item</source>
        <translation>处理无人认领物品</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="336" />
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="351" />
        <source>How</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="338" />
        <source>e.g. which police station, to whom</source>
        <translation>例如：交哪个派出所、接收人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="339" />
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="340" />
        <source>Approving supervisor's staff number</source>
        <translation>批准主管工号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="341" />
        <source>Supervisor's PIN</source>
        <translation>主管 PIN</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="343" />
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="348" />
        <source>Dispose of it</source>
        <translation>处理</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="348" />
        <source>Dispose of the item</source>
        <translation>处理该物品</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="358" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="359" />
        <source>Why it was logged in error (supervisors)</source>
        <translation>登记错误的原因（主管）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="360" />
        <source>Void</source>
        <translation>作废</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="360" />
        <source>Void the item</source>
        <translation>作废该物品</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="366" />
        <source>Last action result</source>
        <translation>上一操作结果</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="428" />
        <source>Tag %1 scanned.</source>
        <translation>已扫描标签 %1。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="494" />
        <source>Item %1 logged: print its tag next.</source>
        <translation>物品 %1 已登记：请打印标签。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="530" />
        <source>Only a supervisor can export the register.</source>
        <translation>只有主管可以导出登记簿。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="549" />
        <source>Export the lost and found register</source>
        <translation>导出失物招领登记簿</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="551" />
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="543" />
        <source>Exported the register to %1.</source>
        <translation>登记簿已导出到 %1。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="555" />
        <source>Exporting the register (KB received)</source>
        <translation>正在导出登记簿（已接收 KB）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="574" />
        <source>The printer did not print the tag: %1</source>
        <translation>打印机未打印标签：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="575" />
        <source>Tag printed: stick it on the item.</source>
        <translation>标签已打印：请贴在物品上。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="603" />
        <source>Handed over to %1.</source>
        <translation>已交还 %1。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="621" />
        <source>Disposed of: %1.</source>
        <translation>已处理：%1。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="629" />
        <source>Only a supervisor can void an item.</source>
        <translation>只有主管可以作废物品。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="636" />
        <source>Item voided; its reason is kept.</source>
        <translation>物品已作废，原因已保留。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="667" />
        <source>Log an item, choose one in the register, or scan its tag.</source>
        <translation>请登记物品、在登记簿中选择，或扫描其标签。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="697" />
        <source>Logged</source>
        <translation>登记</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="700" />
        <source>Kept until</source>
        <translation>保管至</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="702" />
        <source>(unclaimed: may be disposed of)</source>
        <translation>（无人认领：可以处理）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="710" />
        <source>Signed</source>
        <translation>签名</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="712" />
        <source>Handed over</source>
        <translation>交还</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="722" />
        <source>By</source>
        <translation>经办</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="724" />
        <source>approved by %1</source>
        <translation>%1 批准</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="733" />
        <source>Item %1 cannot take this step now: it is %2.</source>
        <translation>物品 %1 现在不能办理此步骤：状态为%2。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="735" />
        <source>Please say what the item is.</source>
        <translation>请填写是什么物品。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="736" />
        <source>Please describe it in at most %1 characters.</source>
        <translation>物品描述最多 %1 个字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="737" />
        <source>Please say where it was found.</source>
        <translation>请填写拾获地点。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="738" />
        <source>Where found: at most %1 characters.</source>
        <translation>拾获地点最多 %1 个字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="739" />
        <source>Please enter who found it or handed it in.</source>
        <translation>请填写拾获人或交来人。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="740" />
        <source>The finder's name is too long: at most %1 characters.</source>
        <translation>拾获人姓名过长：最多 %1 个字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="741" />
        <source>Please say where the item is kept.</source>
        <translation>请填写物品存放位置。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="742" />
        <source>Where kept: at most %1 characters.</source>
        <translation>存放位置最多 %1 个字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="743" />
        <source>Please enter the meeting or its room.</source>
        <translation>请填写会议名称或会议室。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="744" />
        <source>The meeting's name is too long: at most %1 characters.</source>
        <translation>会议名称过长：最多 %1 个字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="745" />
        <source>The room is too long: at most %1 characters.</source>
        <translation>会议室过长：最多 %1 个字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="746" />
        <source>The time found cannot be in the future.</source>
        <translation>拾获时间不能晚于现在。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="747" />
        <source>Please enter the cash counted, in yuan.</source>
        <translation>请填写清点的现金金额（元）。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="748" />
        <source>The cash counted must be between 0.01 and %1 yuan.</source>
        <translation>清点的现金须在 0.01 至 %1 元之间。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="750" />
        <source>Please enter the cash counted as a number of yuan, e.g. 350.50.</source>
        <translation>请以元为单位填写清点金额，例如 350.50。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="752" />
        <source>The cash counted must be more than zero.</source>
        <translation>清点的现金须大于零。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="753" />
        <source>Yuan have at most two decimals (fen).</source>
        <translation>金额最多两位小数（分）。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="754" />
        <source>That amount is too large: please count again.</source>
        <translation>金额过大：请重新清点。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="755" />
        <source>Please enter the owner's name.</source>
        <translation>请填写失主姓名。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="756" />
        <source>The owner's name is too long: at most %1 characters.</source>
        <translation>失主姓名过长：最多 %1 个字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="757" />
        <source>The phone is too long: at most %1 characters.</source>
        <translation>电话过长：最多 %1 个字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="758" />
        <source>Please enter the last four characters of the owner's ID.</source>
        <translation>请填写失主证件号码后四位。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="760" />
        <source>Enter the last four characters of the ID only (%1 typed), never the whole number.</source>
        <translation>只填证件号码后四位（已输入 %1 位），切勿填写完整号码。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="762" />
        <source>The last four of an ID are digits or the letter X.</source>
        <translation>证件号码后四位为数字或字母 X。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="763" />
        <source>The owner must type their name and tick the box to sign.</source>
        <translation>失主须输入本人姓名并勾选确认后方可签名。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="764" />
        <source>The signature must be the owner's name as entered above.</source>
        <translation>签名须与上面填写的失主姓名一致。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="766" />
        <source>Cash, valuables and documents can only be handed to the police.</source>
        <translation>现金、贵重物品和证件只能移交公安机关。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="768" />
        <source>Please enter the approving supervisor's staff number and PIN.</source>
        <translation>请填写批准主管的工号和 PIN。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="769" />
        <source>Only a supervisor can approve a disposal.</source>
        <translation>只有主管可以批准处理。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="770" />
        <source>Another person must approve: not the one signed in here.</source>
        <translation>须由另一人批准：不能是本机登录人员。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="771" />
        <source>Staff number or PIN is wrong: nothing was disposed of.</source>
        <translation>工号或 PIN 错误：未处理。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="772" />
        <source>Please give the reason.</source>
        <translation>请填写原因。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="773" />
        <source>Please keep the reason under %1 characters.</source>
        <translation>原因请少于 %1 个字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="774" />
        <source>Please keep the note under %1 characters.</source>
        <translation>备注请少于 %1 个字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="775" />
        <source>This item is not in the register.</source>
        <translation>登记簿中没有该物品。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="776" />
        <source>It is kept until %1: it cannot be disposed of before then.</source>
        <translation>保管至 %1：此前不能处理。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="777" />
        <source>This is not a lost item's tag.</source>
        <translation>这不是失物标签。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="778" />
        <source>Search with at most %1 characters.</source>
        <translation>查询内容最多 %1 个字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="779" />
        <source>The last day comes before the first.</source>
        <translation>结束日期早于开始日期。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="780" />
        <source>Search at most %1 days at a time.</source>
        <translation>每次最多查询 %1 天。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="781" />
        <source>Your role cannot do this. Ask a supervisor.</source>
        <translation>您的角色无权执行此操作，请联系主管。</translation>
    </message>
</context>
<context>
    <name>LostItemTableModel</name>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="157" />
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="158" />
        <source>Found</source>
        <translation>拾获时间</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="159" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="160" />
        <source>What</source>
        <translation>物品</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="161" />
        <source>Found where</source>
        <translation>拾获地点</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="162" />
        <source>Kept at</source>
        <translation>存放位置</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lost_found_page.py" line="163" />
        <source>State</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>MachineRoomPassesPage</name>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="174" />
        <source>Machine-room passes</source>
        <translation>机房访客证</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="175" />
        <source>Sign out / return</source>
        <translation>领用 / 归还</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="176" />
        <source>Pool</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="177" />
        <source>09:00 reconciliation</source>
        <translation>09:00 核对</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="179" />
        <source>Last action result</source>
        <translation>上一步操作结果</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="181" />
        <source>Working-day calendar</source>
        <translation>工作日历</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="190" />
        <source>Passes in the drawer (pick one per visitor)</source>
        <translation>抽屉中的访客证（每位访客选一张）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="191" />
        <source>Passes in the drawer</source>
        <translation>抽屉中的访客证</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="199" />
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="203" />
        <source>Visitor name</source>
        <translation>访客姓名</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="200" />
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="204" />
        <source>Company</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="201" />
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="205" />
        <source>ID document</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="202" />
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="206" />
        <source>ID number (optional)</source>
        <translation>证件号码（可不填）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="210" />
        <source>Add visitor</source>
        <translation>添加访客</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="210" />
        <source>Add this visitor to the sign-out</source>
        <translation>将此访客加入本次领用</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="213" />
        <source>Remove visitor</source>
        <translation>移除访客</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="213" />
        <source>Remove the selected visitor</source>
        <translation>移除选中的访客</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="218" />
        <source>Visitors of this sign-out</source>
        <translation>本次领用的访客</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="225" />
        <source>Passes and visitors counted</source>
        <translation>已清点的访客证和访客数</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="228" />
        <source>Staff number of the signer</source>
        <translation>签字人工号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="229" />
        <source>Signer's PIN</source>
        <translation>签字人 PIN</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="231" />
        <source>Signed out by (staff number)</source>
        <translation>领用人（工号）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="232" />
        <source>PIN as signature</source>
        <translation>用 PIN 签字</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="235" />
        <source>Sign the passes out</source>
        <translation>签字领用</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="235" />
        <source>Sign the selected passes out</source>
        <translation>为选中的访客证签字领用</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="240" />
        <source>Take deposit</source>
        <translation>收押金</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="240" />
        <source>Take a deposit for a pass lent</source>
        <translation>为借出的访客证收取押金</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="249" />
        <source>Numbers of the passes handed back</source>
        <translation>交回的访客证编号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="250" />
        <source>e.g. P001, P003-P005</source>
        <translation>例如：P001, P003-P005</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="253" />
        <source>Check in returned passes</source>
        <translation>登记归还</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="253" />
        <source>Check the returned passes in</source>
        <translation>登记交回的访客证</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="256" />
        <source>Returned:</source>
        <translation>归还：</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="266" />
        <source>Passes in, out and retired</source>
        <translation>在库、领出和停用的访客证</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="269" />
        <source>Every machine-room pass</source>
        <translation>全部机房访客证</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="272" />
        <source>New pass numbers</source>
        <translation>新访客证编号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="273" />
        <source>e.g. P001-P050</source>
        <translation>例如：P001-P050</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="275" />
        <source>Add to the pool</source>
        <translation>加入库存</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="275" />
        <source>Add these passes to the pool</source>
        <translation>将这些访客证加入库存</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="282" />
        <source>Why the pass is retired</source>
        <translation>停用原因</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="283" />
        <source>Reason (lost, damaged…)</source>
        <translation>原因（遗失、损坏…）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="285" />
        <source>Retire the selected pass</source>
        <translation>停用选中的访客证</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="297" />
        <source>Years the official calendar does not know yet</source>
        <translation>尚无官方放假安排的年份</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="304" />
        <source>Which day's sheet</source>
        <translation>核对哪一天的表</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="305" />
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="307" />
        <source>Why the sheet is signed late</source>
        <translation>补签原因</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="308" />
        <source>Why it was not signed on its day (required)</source>
        <translation>当天未签字的原因（必填）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="310" />
        <source>Sheet of:</source>
        <translation>核对表：</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="314" />
        <source>Reconciliation due</source>
        <translation>待核对</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="317" />
        <source>Passes issued and returned</source>
        <translation>发放和归还的访客证</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="324" />
        <source>Discrepancies</source>
        <translation>差异</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="329" />
        <source>Duty guard's staff number</source>
        <translation>值班保安工号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="330" />
        <source>Guard's staff number</source>
        <translation>保安工号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="331" />
        <source>Duty guard's PIN</source>
        <translation>值班保安 PIN</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="332" />
        <source>Guard's PIN</source>
        <translation>保安 PIN</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="334" />
        <source>Passes the guard counted</source>
        <translation>保安清点的访客证数量</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="337" />
        <source>Guard signs</source>
        <translation>保安签字</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="337" />
        <source>The machine-room duty guard signs</source>
        <translation>机房值班保安签字</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="341" />
        <source>Counted:</source>
        <translation>清点数：</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="347" />
        <source>Front desk signs</source>
        <translation>前台签字</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="349" />
        <source>Sign the reconciliation for the front desk</source>
        <translation>代表前台在核对表上签字</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="352" />
        <source>Print the sheet again</source>
        <translation>重新打印核对表</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="359" />
        <source>What was found out</source>
        <translation>调查结果</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="360" />
        <source>Supervisor: what happened to it</source>
        <translation>主管：该证的去向</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="362" />
        <source>Resolve (supervisor)</source>
        <translation>处理（主管）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="362" />
        <source>Resolve the selected discrepancy</source>
        <translation>处理选中的差异</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="442" />
        <source>%1 in the drawer, %2 out, %3 retired</source>
        <translation>抽屉中 %1 张，领出 %2 张，停用 %3 张</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="466" />
        <source>The official holidays of %1 are not known yet: Monday to Friday count as working days until a supervisor enters that year's days under Working-day calendar.</source>
        <translation>%1 年的法定节假日安排尚未公布：在主管于“工作日历”中录入该年放假和调休上班日之前，按周一至周五上班计算。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="492" />
        <source>%1 (missed: sign late)</source>
        <translation>%1（漏签，需补签）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="526" />
        <source>No reconciliation today (weekend).</source>
        <translation>今天无需核对（周末）。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="528" />
        <source>No reconciliation today (holiday).</source>
        <translation>今天放假，不核对。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="529" />
        <source>No pass went out or came back on %1: nothing to reconcile.</source>
        <translation>%1 没有访客证发出或收回，无需核对。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="530" />
        <source>Reconciliation of the passes of %1 is due at 09:00.</source>
        <translation>%1 的访客证需在 09:00 核对。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="532" />
        <source>DUE NOW: reconcile the passes of %1 with the machine-room duty guard.</source>
        <translation>请立即核对：与机房值班保安核对 %1 的访客证。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="534" />
        <source>The passes of %1 are reconciled: signed by both and printed.</source>
        <translation>%1 的访客证已核对：双方已签字并打印。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="538" />
        <source>MISSED: the sheet of %1 (passes of %2) was not signed on its day. Sign it late, with the reason; passes out at its 09:00 are discrepancies.</source>
        <translation>漏签：%1 的核对表（%2 的访客证）当天未签字。请填写原因补签；当天 09:00 仍未收回的访客证列为差异。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="552" />
        <source>Issued: %1 — %2</source>
        <translation>发放：%1 — %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="555" />
        <source>Returned: %1 — %2</source>
        <translation>归还：%1 — %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="558" />
        <source>Front desk: %1</source>
        <translation>前台：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="558" />
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="559" />
        <source>not signed</source>
        <translation>未签字</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="559" />
        <source>Duty guard: %1</source>
        <translation>值班保安：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="562" />
        <source>Guard counted: %1</source>
        <translation>保安清点：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="563" />
        <source>Front desk</source>
        <translation>前台</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="563" />
        <source>Duty guard</source>
        <translation>值班保安</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="565" />
        <source>%1 signed late: %2</source>
        <translation>%1补签：%2</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="567" />
        <source>(Preview: the first signature fixes the sheet.)</source>
        <translation>（预览：第一个签字后核对表即锁定。）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="623" />
        <source>%1 passes for %2 visitors</source>
        <translation>%1 张访客证，%2 位访客</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="625" />
        <source>one pass per visitor</source>
        <translation>每位访客一张访客证</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="656" />
        <source>Select a visitor in the list first.</source>
        <translation>请先在列表中选择一位访客。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="664" />
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="690" />
        <source>Your role cannot do this. Ask a supervisor.</source>
        <translation>您的角色无权执行此操作，请联系主管。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="679" />
        <source>Signed out by %1: %2 passes (%3). Sign-out no. %4.</source>
        <translation>%1 已签字领用：%2 张访客证（%3）。领用单号 %4。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="720" />
        <source>Checked in: %1.</source>
        <translation>已登记归还：%1。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="723" />
        <source>Never signed out: %1 — taken back and listed for the reconciliation.</source>
        <translation>无领用记录：%1 — 已收回，并列入核对。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="743" />
        <source>%1 passes added to the pool.</source>
        <translation>已将 %1 张访客证加入库存。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="748" />
        <source>Select a pass in the table first.</source>
        <translation>请先在表格中选择一张访客证。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="755" />
        <source>Pass %1 retired.</source>
        <translation>访客证 %1 已停用。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="786" />
        <source>Signing…</source>
        <translation>正在签字…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="791" />
        <source>Both have signed; the sheet is printing.</source>
        <translation>双方已签字，正在打印核对表。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="793" />
        <source>Signed. Waiting for the other signature.</source>
        <translation>已签字，等待另一方签字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="796" />
        <source>%1 discrepancies: the supervisor has been alerted.</source>
        <translation>%1 项差异：已通知主管。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="814" />
        <source>Printed on %1.</source>
        <translation>已在 %1 打印。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="818" />
        <source>NOT printed: %1</source>
        <translation>未打印：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="824" />
        <source>Select a discrepancy in the table first.</source>
        <translation>请先在表格中选择一项差异。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="829" />
        <source>This is a preview: sign the sheet first.</source>
        <translation>这是预览：请先在核对表上签字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="835" />
        <source>Resolved.</source>
        <translation>已处理。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="841" />
        <source>Pick the passes to hand out first.</source>
        <translation>请先选择要发放的访客证。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="842" />
        <source>%1 passes picked for %2 visitors: one pass per visitor.</source>
        <translation>为 %2 位访客选了 %1 张访客证：每位访客一张。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="843" />
        <source>At most %1 passes in one sign-out.</source>
        <translation>每次最多领用 %1 张访客证。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="844" />
        <source>Type the pass numbers first.</source>
        <translation>请先输入访客证编号。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="845" />
        <source>“%1” is not a pass number: letters and digits only.</source>
        <translation>“%1”不是访客证编号：只能包含字母和数字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="846" />
        <source>A pass number has at most %1 characters.</source>
        <translation>访客证编号最多 %1 个字符。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="847" />
        <source>“%1” is not a range: write P001-P010.</source>
        <translation>“%1”不是编号范围：请按 P001-P010 的格式填写。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="848" />
        <source>A range can name at most %1 passes.</source>
        <translation>一个范围最多包含 %1 张访客证。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="849" />
        <source>Already in the pool (numbers are never reused): %1.</source>
        <translation>已在库存中（编号不重复使用）：%1。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="850" />
        <source>Not a pass of this desk: %1.</source>
        <translation>不是本前台的访客证：%1。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="851" />
        <source>Pass %1 is retired.</source>
        <translation>访客证 %1 已停用。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="852" />
        <source>Already signed out: %1.</source>
        <translation>已被领用：%1。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="853" />
        <source>Staff number or PIN is wrong: nothing was signed.</source>
        <translation>工号或 PIN 错误：未签字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="855" />
        <source>This staff member is not a machine-room duty guard and cannot countersign.</source>
        <translation>该员工不是机房值班保安，不能会签。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="857" />
        <source>The guard and the front desk must be two different people.</source>
        <translation>保安和前台必须是两个不同的人。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="858" />
        <source>Already signed.</source>
        <translation>已签字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="860" />
        <source>Not a working day (weekend or holiday): there is no reconciliation.</source>
        <translation>非工作日（周末或节假日）不核对。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="862" />
        <source>The sheet of %1 is not due yet.</source>
        <translation>%1 的核对表还未到核对时间。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="863" />
        <source>Write why the sheet is signed late first.</source>
        <translation>请先填写补签原因。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="864" />
        <source>At most %1 characters.</source>
        <translation>最多 %1 个字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="865" />
        <source>The sheet is printed once both have signed.</source>
        <translation>双方签字后才打印核对表。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="866" />
        <source>Your role cannot sign for the front desk.</source>
        <translation>您的角色无权代表前台签字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="867" />
        <source>Only a supervisor resolves a discrepancy.</source>
        <translation>只有主管能处理差异。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="868" />
        <source>Already resolved.</source>
        <translation>已处理过。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="869" />
        <source>Write what was found out first.</source>
        <translation>请先填写调查结果。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="870" />
        <source>The count cannot be negative.</source>
        <translation>数量不能为负数。</translation>
    </message>
</context>
<context>
    <name>MailPage</name>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="142" />
        <source>Log an arrival</source>
        <translation>签收登记</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="144" />
        <location filename="../../kiosk/ui/console/mail_page.py" line="172" />
        <source>Kind</source>
        <translation>种类</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="147" />
        <location filename="../../kiosk/ui/console/mail_page.py" line="173" />
        <source>Carrier</source>
        <translation>承运单位</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="148" />
        <source>e.g. 中国邮政, EMS, 顺丰</source>
        <translation>如：中国邮政、EMS、顺丰</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="149" />
        <location filename="../../kiosk/ui/console/mail_page.py" line="174" />
        <source>Tracking number</source>
        <translation>运单号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="150" />
        <source>Type it or scan the barcode</source>
        <translation>输入或扫描条码</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="152" />
        <location filename="../../kiosk/ui/console/mail_page.py" line="157" />
        <source>Find in the staff directory</source>
        <translation>在员工通讯录中查找</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="154" />
        <source>Name or pinyin</source>
        <translation>姓名或拼音</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="157" />
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="160" />
        <source>Addressee (staff directory)</source>
        <translation>收件人（员工通讯录）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="166" />
        <location filename="../../kiosk/ui/console/mail_page.py" line="176" />
        <location filename="../../kiosk/ui/console/mail_page.py" line="766" />
        <source>Addressee</source>
        <translation>收件人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="167" />
        <source>Name as written on the item</source>
        <translation>邮件上所写姓名</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="168" />
        <location filename="../../kiosk/ui/console/mail_page.py" line="177" />
        <location filename="../../kiosk/ui/console/mail_page.py" line="347" />
        <location filename="../../kiosk/ui/console/mail_page.py" line="348" />
        <source>Unit</source>
        <translation>房号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="169" />
        <location filename="../../kiosk/ui/console/mail_page.py" line="178" />
        <source>Company</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="170" />
        <location filename="../../kiosk/ui/console/mail_page.py" line="179" />
        <source>Shelf</source>
        <translation>存放位置</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="171" />
        <source>e.g. A-3</source>
        <translation>如：A-3</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="175" />
        <source>Staff directory</source>
        <translation>员工通讯录</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="181" />
        <source>Log and print the label</source>
        <translation>登记并打印标签</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="181" />
        <source>Log the item and print its label</source>
        <translation>登记邮件并打印标签</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="188" />
        <source>Which items</source>
        <translation>显示哪些邮件</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="204" />
        <source>Waiting</source>
        <translation>待领</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="205" />
        <source>Unclaimed (to return)</source>
        <translation>逾期未领（待退回）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="206" />
        <source>Damaged (破损登记)</source>
        <translation>破损（破损登记）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="207" />
        <source>For people who moved out</source>
        <translation>迁出用户的邮件</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="208" />
        <location filename="../../kiosk/ui/console/mail_page.py" line="800" />
        <source>Handed out</source>
        <translation>已领取</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="209" />
        <source>Returned (退件登记)</source>
        <translation>已退回（退件登记）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="210" />
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="189" />
        <location filename="../../kiosk/ui/console/mail_page.py" line="198" />
        <source>Search the register</source>
        <translation>查询登记簿</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="190" />
        <source>Tracking number, addressee, unit or item number</source>
        <translation>运单号、收件人、房号或编号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="192" />
        <source>Received from</source>
        <translation>签收日期</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="192" />
        <source>Search by day</source>
        <translation>按日期查询</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="195" />
        <source>From</source>
        <translation>起</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="196" />
        <source>To</source>
        <translation>止</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="198" />
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="201" />
        <source>Export to XLSX</source>
        <translation>导出 XLSX</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="201" />
        <source>Export the register to XLSX</source>
        <translation>将登记簿导出为 XLSX</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="223" />
        <source>Registered mail</source>
        <translation>挂号邮件</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="229" />
        <source>The item</source>
        <translation>该邮件</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="232" />
        <source>Damage note</source>
        <translation>破损记录</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="239" />
        <source>The item's trail</source>
        <translation>邮件经手记录</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="243" />
        <location filename="../../kiosk/ui/console/mail_page.py" line="280" />
        <source>Hand out</source>
        <translation>派发</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="246" />
        <source>Visitor or resident (ID)</source>
        <translation>访客或业户（凭证件）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="248" />
        <source>Visitor or resident</source>
        <translation>访客或业户</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="251" />
        <source>Member of staff (PIN)</source>
        <translation>本公司员工（PIN）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="251" />
        <source>Member of staff</source>
        <translation>本公司员工</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="258" />
        <source>Collector's name</source>
        <translation>领取人姓名</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="263" />
        <source>The collector types their name</source>
        <translation>由领取人输入姓名</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="264" />
        <source>I have received this item</source>
        <translation>本人已领取此邮件</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="265" />
        <source>Collector's confirmation</source>
        <translation>领取人确认</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="268" />
        <source>Staff number</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="269" />
        <location filename="../../kiosk/ui/console/mail_page.py" line="299" />
        <source>Their PIN</source>
        <translation>本人 PIN</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="275" />
        <location filename="../../kiosk/ui/console/mail_page.py" line="277" />
        <source>The collector was shown the damage note</source>
        <translation>已向领取人出示破损记录</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="280" />
        <source>Hand the item out</source>
        <translation>派发此邮件</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="282" />
        <location filename="../../kiosk/ui/console/mail_page.py" line="782" />
        <source>Collected by</source>
        <translation>领取人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="283" />
        <location filename="../../kiosk/ui/console/mail_page.py" line="345" />
        <location filename="../../kiosk/ui/console/mail_page.py" line="346" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="284" />
        <source>ID</source>
        <translation>证件</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="285" />
        <source>Staff number, PIN</source>
        <translation>工号、PIN</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="290" />
        <source>Other steps</source>
        <translation>其他操作</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="292" />
        <source>What is damaged, or the reason</source>
        <translation>破损情况或原因</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="294" />
        <source>What is damaged / why it is returned / how they were told</source>
        <translation>破损情况／退回原因／通知方式</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="297" />
        <source>Shift leader's or supervisor's staff number</source>
        <translation>领班或主管工号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="305" />
        <location filename="../../kiosk/ui/console/mail_page.py" line="797" />
        <source>Addressee told</source>
        <translation>已通知收件人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="305" />
        <source>Record that the addressee was told</source>
        <translation>记录已通知收件人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="308" />
        <source>Record damage</source>
        <translation>破损登记</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="310" />
        <source>Record the damage, signed by the shift leader</source>
        <translation>登记破损，由当班领班签名</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="313" />
        <source>Return to the post office</source>
        <translation>退回邮局</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="315" />
        <source>Return the item, approved by a supervisor</source>
        <translation>经主管审核后退回</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="318" />
        <source>Forward (free month)</source>
        <translation>转寄（免费一个月）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="320" />
        <source>Forward to the moved-out addressee</source>
        <translation>转寄给已迁离的收件人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="323" />
        <source>Print the label again</source>
        <translation>重打标签</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="334" />
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="335" />
        <source>Signed by (PIN)</source>
        <translation>签名人（PIN）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="341" />
        <location filename="../../kiosk/ui/console/mail_page.py" line="367" />
        <source>People who moved out</source>
        <translation>迁离用户</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="349" />
        <location filename="../../kiosk/ui/console/mail_page.py" line="350" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="351" />
        <location filename="../../kiosk/ui/console/mail_page.py" line="352" />
        <source>Forwarding address</source>
        <translation>转寄地址</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="353" />
        <source>Moved out on</source>
        <translation>迁离日期</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="355" />
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="355" />
        <source>Add the person who moved out</source>
        <translation>添加迁离用户</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="372" />
        <source>Told them to collect</source>
        <translation>已通知领取</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="372" />
        <source>Record the weekly reminder</source>
        <translation>记录每周通知</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="375" />
        <source>Nothing more expected</source>
        <translation>不再跟进</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="375" />
        <source>Close the moved-out record</source>
        <translation>关闭迁离记录</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="383" />
        <source>Last action result</source>
        <translation>上次操作结果</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="401" />
        <source>Reminder recorded: off the board for a week.</source>
        <translation>已记录通知：一周内不再提醒。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="406" />
        <source>Closed: no more reminders.</source>
        <translation>已关闭：不再提醒。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="437" />
        <source>— not in the directory: type the addressee below —</source>
        <translation>— 不在通讯录中：在下方输入收件人 —</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="454" />
        <source>Nobody of that name in the staff directory.</source>
        <translation>员工通讯录中没有此人。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="500" />
        <source>%1 logged, but the printer did not print its label: %2</source>
        <translation>%1 已登记，但打印机未打印标签：%2</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="505" />
        <source> The addressee was e-mailed.</source>
        <translation>已发邮件通知收件人。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="507" />
        <source>%1 logged; stick the label on it.</source>
        <translation>%1 已登记，请贴上标签。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="550" />
        <source>Label %1 scanned.</source>
        <translation>已扫描标签 %1。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="585" />
        <source>Handed out and signed for.</source>
        <translation>已派发并签收。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="592" />
        <source>phoned</source>
        <translation>电话通知</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="596" />
        <source>Recorded: the addressee was told.</source>
        <translation>已记录：已通知收件人。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="606" />
        <source>Damage recorded and signed: seal the damaged part with the “received damaged” seal.</source>
        <translation>破损已登记并签名：请在破损处贴上“此邮件收到时已破损”封条。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="616" />
        <source>Returned with approval: logged in the returns register.</source>
        <translation>经审核已退回：已记入退件登记簿。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="624" />
        <source>Forwarded (平邮转投).</source>
        <translation>已转寄（平邮转投）。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="637" />
        <source>The printer did not print the label: %1</source>
        <translation>打印机未打印标签：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="642" />
        <source>Label copy printed.</source>
        <translation>标签副本已打印。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="651" />
        <source>Export the register</source>
        <translation>导出登记簿</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="658" />
        <source>Exporting the register…</source>
        <translation>正在导出登记簿…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="661" />
        <source>Register saved to %1.</source>
        <translation>登记簿已保存到 %1。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="669" />
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="672" />
        <source>%1 %2 · moved out %3 · free forwarding until %4 · %5 waiting · last told %6 · phone %7</source>
        <translation>%1 %2 · %3 迁离 · 免费转寄至 %4 · 待领 %5 件 · 上次通知 %6 · 电话 %7</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="703" />
        <source>%1 added: free forwarding until %2.</source>
        <translation>已添加 %1：免费转寄至 %2。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="714" />
        <source>Select a person in the list first.</source>
        <translation>请先在列表中选择一人。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="742" />
        <source>Log an item, choose one in the register, or scan its label.</source>
        <translation>登记邮件，或在登记簿中选择，或扫描标签。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="749" />
        <source>RECEIVED DAMAGED: %1 (signed by shift leader %2). Show this to the collector.</source>
        <translation>此邮件收到时已破损：%1（当班领班 %2 签名）。请向领取人出示。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="767" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="768" />
        <source>Last signed by</source>
        <translation>最后签名人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="772" />
        <source>Moved out: free forwarding until %1.</source>
        <translation>用户已迁离：免费转寄至 %1。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="776" />
        <source>staff PIN</source>
        <translation>员工 PIN</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="789" />
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="796" />
        <source>Signed for from the carrier</source>
        <translation>从承运方签收</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="798" />
        <source>Shelved</source>
        <translation>上架存放</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="799" />
        <source>Damage recorded</source>
        <translation>破损登记</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="801" />
        <source>Forwarded</source>
        <translation>已转寄</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="802" />
        <source>Returned to the post office</source>
        <translation>退回邮局</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="808" />
        <source>signed: %1</source>
        <translation>签名：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="814" />
        <source>Item %1 cannot take this step now: it is %2.</source>
        <translation>邮件 %1 当前为“%2”，不能进行此操作。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="816" />
        <source>Please enter the carrier (e.g. 中国邮政).</source>
        <translation>请输入承运单位（如：中国邮政）。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="817" />
        <source>Please type or scan the tracking number.</source>
        <translation>请输入或扫描运单号。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="819" />
        <source>A tracking number has only letters, digits and dashes.</source>
        <translation>运单号只能包含字母、数字和短横线。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="822" />
        <source>The tracking number is too long: at most %1 characters.</source>
        <translation>运单号太长：最多 %1 个字符。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="824" />
        <source>This tracking number is already waiting as item %1.</source>
        <translation>此运单号已登记为待领邮件 %1。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="826" />
        <source>Who is it for? Type the addressee or find them in the directory.</source>
        <translation>收件人是谁？请输入收件人或在通讯录中查找。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="828" />
        <source>That person is no longer in the staff directory.</source>
        <translation>此人已不在员工通讯录中。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="829" />
        <source>Please enter the collector's name.</source>
        <translation>请输入领取人姓名。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="831" />
        <source>Please enter the last four characters of the collector's ID.</source>
        <translation>请输入领取人证件号码后四位。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="833" />
        <source>The collector types their name and ticks the confirmation.</source>
        <translation>请领取人输入姓名并勾选确认。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="834" />
        <source>The signature must be the collector's name as entered.</source>
        <translation>签名须与所填领取人姓名一致。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="835" />
        <source>Please say what is damaged.</source>
        <translation>请填写破损情况。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="836" />
        <source>Damage of item %1 is already recorded.</source>
        <translation>邮件 %1 的破损已登记。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="838" />
        <source>Item %1 arrived damaged: show the collector the damage note and tick the box.</source>
        <translation>邮件 %1 收到时已破损：请向领取人出示破损记录并勾选。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="840" />
        <source>Please give the reason.</source>
        <translation>请填写原因。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="842" />
        <source>A return needs a supervisor's approval: their staff number and PIN.</source>
        <translation>退件须经主管审核：请主管输入工号和 PIN。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="844" />
        <source>Only a shift leader or supervisor can sign this.</source>
        <translation>只有领班或主管可以签名。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="845" />
        <source>Someone else must sign: not the clerk at the desk.</source>
        <translation>须由他人签名，不能是当班前台本人。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="846" />
        <source>Item %1 is not for someone who moved out.</source>
        <translation>邮件 %1 的收件人不是迁离用户。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="848" />
        <source>The free forwarding ended on %1: keep it on the shelf and tell them to collect.</source>
        <translation>免费转寄已于 %1 结束：请存放专柜并通知其领取。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="850" />
        <source>Please enter the forwarding address.</source>
        <translation>请输入转寄地址。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="851" />
        <source>Please say how the addressee was told.</source>
        <translation>请填写通知方式。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="852" />
        <source>Please enter the shelf.</source>
        <translation>请输入存放位置。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="853" />
        <source>Please enter the name.</source>
        <translation>请输入姓名。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="854" />
        <source>This item is not in the register.</source>
        <translation>登记簿中没有此邮件。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="855" />
        <source>This item has no label to print again.</source>
        <translation>此邮件没有可重打的标签。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="856" />
        <source>This is not a mail label's code.</source>
        <translation>这不是邮件标签的二维码。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="857" />
        <source>This person is not in the moved-out list.</source>
        <translation>此人不在迁离用户名单中。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="858" />
        <source>Your role cannot do this. Ask a supervisor.</source>
        <translation>您的角色无权进行此操作，请联系主管。</translation>
    </message>
</context>
<context>
    <name>MailTableModel</name>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="90" />
        <source>Item</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="91" />
        <source>Received</source>
        <translation>签收时间</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="92" />
        <source>Kind</source>
        <translation>种类</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="93" />
        <source>Tracking number</source>
        <translation>运单号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="94" />
        <source>Addressee</source>
        <translation>收件人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="95" />
        <source>Unit</source>
        <translation>房号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="96" />
        <source>Shelf</source>
        <translation>存放位置</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="97" />
        <source>State</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>MessagesPage</name>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="66" />
        <source>Please call back</source>
        <translation>请回电</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="67" />
        <source>Will call again</source>
        <translation>对方会再来电</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="68" />
        <source>Just pass it on</source>
        <translation>仅转告</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="74" />
        <location filename="../../kiosk/ui/console/messages_page.py" line="280" />
        <location filename="../../kiosk/ui/console/messages_page.py" line="305" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="75" />
        <source>At the desk</source>
        <translation>前台代客留言</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="76" />
        <source>Kiosk</source>
        <translation>自助终端</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="82" />
        <source>by phone</source>
        <translation>电话转告</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="83" />
        <source>in person</source>
        <translation>当面转告</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="84" />
        <source>by note</source>
        <translation>留条转告</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="162" />
        <location filename="../../kiosk/ui/console/messages_page.py" line="208" />
        <source>Phone messages</source>
        <translation>电话留言</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="163" />
        <source>Inbox</source>
        <translation>留言箱</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="164" />
        <source>Take a message</source>
        <translation>记录留言</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="166" />
        <source>Last action result</source>
        <translation>上一步操作结果</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="189" />
        <source>Messages not yet passed on</source>
        <translation>未转告的留言</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="192" />
        <location filename="../../kiosk/ui/console/messages_page.py" line="194" />
        <source>Show passed on and cancelled too</source>
        <translation>同时显示已转告和已作废的留言</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="196" />
        <source>Search messages</source>
        <translation>查询留言</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="197" />
        <source>Name, company, number, unit or words</source>
        <translation>姓名、单位、电话、房号或留言内容</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="199" />
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="199" />
        <source>Search the messages</source>
        <translation>查询留言</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="218" />
        <source>How it was passed on</source>
        <translation>转告方式</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="221" />
        <location filename="../../kiosk/ui/console/messages_page.py" line="222" />
        <source>Note (optional)</source>
        <translation>备注（可不填）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="224" />
        <source>Mark passed on</source>
        <translation>标记为已转告</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="224" />
        <source>Mark the selected message passed on</source>
        <translation>将所选留言标记为已转告</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="227" />
        <source>Print slip</source>
        <translation>打印留言单</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="227" />
        <source>Print the selected message as a slip</source>
        <translation>将所选留言打印为留言单</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="232" />
        <source>Reason for cancelling</source>
        <translation>作废原因</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="233" />
        <source>Reason for cancelling (taken twice, wrong person…)</source>
        <translation>作废原因（重复登记、记错受话人……）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="235" />
        <source>Cancel message</source>
        <translation>作废留言</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="235" />
        <source>Cancel the selected message</source>
        <translation>作废所选留言</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="259" />
        <source>Find in the staff directory</source>
        <translation>在员工通讯录中查找</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="261" />
        <source>Name or pinyin</source>
        <translation>姓名或拼音</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="263" />
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="263" />
        <source>Find the person in the staff directory</source>
        <translation>在员工通讯录中查找受话人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="265" />
        <location filename="../../kiosk/ui/console/messages_page.py" line="301" />
        <source>For (staff directory)</source>
        <translation>受话人（通讯录）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="266" />
        <location filename="../../kiosk/ui/console/messages_page.py" line="527" />
        <source>— not in the directory: unit or name below —</source>
        <translation>— 不在通讯录中：在下面填写房号或姓名 —</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="271" />
        <source>Unit</source>
        <translation>房号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="272" />
        <source>e.g. 2-104</source>
        <translation>例如 2-104</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="273" />
        <source>For (name)</source>
        <translation>受话人（姓名）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="274" />
        <source>Resident, department or name as heard</source>
        <translation>业户、部门或听到的姓名</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="278" />
        <location filename="../../kiosk/ui/console/messages_page.py" line="303" />
        <source>Caller</source>
        <translation>来电人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="279" />
        <location filename="../../kiosk/ui/console/messages_page.py" line="304" />
        <source>Company</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="281" />
        <source>Extension</source>
        <translation>分机</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="283" />
        <location filename="../../kiosk/ui/console/messages_page.py" line="288" />
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="286" />
        <source>Ext.</source>
        <translation>分机</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="290" />
        <location filename="../../kiosk/ui/console/messages_page.py" line="306" />
        <source>Message</source>
        <translation>留言内容</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="292" />
        <location filename="../../kiosk/ui/console/messages_page.py" line="307" />
        <source>The caller asks</source>
        <translation>来电人要求</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="295" />
        <location filename="../../kiosk/ui/console/messages_page.py" line="308" />
        <source>Taken</source>
        <translation>记录方式</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="298" />
        <location filename="../../kiosk/ui/console/messages_page.py" line="309" />
        <source>When</source>
        <translation>来电时间</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="299" />
        <location filename="../../kiosk/ui/console/messages_page.py" line="310" />
        <source>Taken by</source>
        <translation>记录人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="302" />
        <source>Or unit / name</source>
        <translation>或房号／姓名</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="315" />
        <source>Save message</source>
        <translation>保存留言</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="315" />
        <source>Save the message to the inbox</source>
        <translation>将留言保存到留言箱</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="363" />
        <source>%1 not yet passed on</source>
        <translation>%1 条未转告</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="368" />
        <source>Inbox (%1)</source>
        <translation>留言箱（%1）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="377" />
        <source>Select a message in the list first.</source>
        <translation>请先在列表中选择一条留言。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="395" />
        <source>M%1 marked passed on %2.</source>
        <translation>留言 M%1 已标记为已转告（%2）。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="413" />
        <source>Message cancelled; it stays on record with the reason.</source>
        <translation>留言已作废，记录连同原因保留。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="434" />
        <source>Slip printed on %1.</source>
        <translation>留言单已在 %1 打印。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="438" />
        <source>The slip was not printed: %1</source>
        <translation>留言单未打印：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="460" />
        <source> ext. %1</source>
        <translation> 分机 %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="465" />
        <source>Nobody of that name in the staff directory.</source>
        <translation>员工通讯录中没有此人。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="493" />
        <source>Your role cannot do this. Ask a supervisor.</source>
        <translation>您的角色无权执行此操作，请联系主管。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="518" />
        <source>Message M%1 saved: it waits in the inbox until passed on.</source>
        <translation>留言 M%1 已保存，转告前一直在留言箱中。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="541" />
        <source>Write down who called: a name or a number.</source>
        <translation>请记下来电人：姓名或电话。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="542" />
        <source>Write the message down, or choose what the caller asks.</source>
        <translation>请记下留言内容，或选择来电人的要求。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="543" />
        <source>To be called back, the caller's number is needed.</source>
        <translation>要求回电时，须记下来电人的电话。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="545" />
        <source>Who is it for? Find the person in the directory, or type a unit or a name.</source>
        <translation>留言给谁？请在通讯录中查找，或填写房号或姓名。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="547" />
        <source>That person is no longer in the staff directory.</source>
        <translation>此人已不在员工通讯录中。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="548" />
        <source>The phone number may have digits, a leading + and dashes only.</source>
        <translation>电话号码只能包含数字、开头的 + 和短横线。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="549" />
        <source>A phone number has %1 to %2 digits.</source>
        <translation>电话号码应为 %1 至 %2 位数字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="550" />
        <source>The phone number is too long: at most %1 characters.</source>
        <translation>电话号码太长：最多 %1 个字符。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="551" />
        <source>The extension is digits only.</source>
        <translation>分机号只能是数字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="552" />
        <source>The extension is too long: at most %1 digits.</source>
        <translation>分机号太长：最多 %1 位。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="553" />
        <source>The time of the call is in the future.</source>
        <translation>来电时间晚于现在，请检查。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="554" />
        <source>The caller's name is too long: at most %1 characters.</source>
        <translation>来电人姓名太长：最多 %1 个字符。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="555" />
        <source>The company is too long: at most %1 characters.</source>
        <translation>单位名称太长：最多 %1 个字符。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="556" />
        <source>The city is too long: at most %1 characters.</source>
        <translation>城市名称太长：最多 %1 个字符。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="557" />
        <source>The message is too long: at most %1 characters.</source>
        <translation>留言内容太长：最多 %1 个字符。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="558" />
        <source>The unit is too long: at most %1 characters.</source>
        <translation>房号太长：最多 %1 个字符。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="559" />
        <source>The name is too long: at most %1 characters.</source>
        <translation>姓名太长：最多 %1 个字符。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="560" />
        <source>The note is too long: at most %1 characters.</source>
        <translation>备注太长：最多 %1 个字符。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="561" />
        <source>Give the reason for cancelling the message.</source>
        <translation>请填写作废留言的原因。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="562" />
        <source>The reason is too long: at most %1 characters.</source>
        <translation>原因太长：最多 %1 个字符。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="563" />
        <source>Someone has passed this message on already.</source>
        <translation>这条留言已有人转告。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="564" />
        <source>This message was cancelled.</source>
        <translation>这条留言已作废。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="565" />
        <source>This message no longer exists.</source>
        <translation>这条留言已不存在。</translation>
    </message>
</context>
<context>
    <name>MessagesTableModel</name>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="94" />
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="95" />
        <source>Received</source>
        <translation>来电时间</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="96" />
        <source>For</source>
        <translation>受话人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="97" />
        <source>From</source>
        <translation>来电人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="98" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="99" />
        <source>Message</source>
        <translation>留言内容</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="100" />
        <source>Asked</source>
        <translation>要求</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="101" />
        <source>Taken</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="102" />
        <source>Passed on</source>
        <translation>转告</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="122" />
        <source> ext. %1</source>
        <translation> 分机 %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="136" />
        <source>Cancelled %1 by %2: %3</source>
        <translation>%1 由 %2 作废：%3</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="143" />
        <source>%1 by %2, %3</source>
        <translation>%1 由 %2 %3</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/messages_page.py" line="149" />
        <source>NOT YET</source>
        <translation>未转告</translation>
    </message>
</context>
<context>
    <name>NewspapersPage</name>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="291" />
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="298" />
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="292" />
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="292" />
        <source>Show today</source>
        <translation>显示今天</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="294" />
        <source>Export the month (Excel)</source>
        <translation>导出本月（Excel）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="296" />
        <source>Export the month's deliveries and shortfalls to Excel</source>
        <translation>将本月到件及缺失登记导出为 Excel</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="305" />
        <source>Newspapers</source>
        <translation>报刊</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="307" />
        <source>Deliveries</source>
        <translation>到件登记</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="308" />
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="384" />
        <source>Shortfalls</source>
        <translation>缺失 / 迟到</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="309" />
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="449" />
        <source>Subscriptions</source>
        <translation>订阅</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="311" />
        <source>Last action result</source>
        <translation>上一操作结果</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="336" />
        <source>The day's titles</source>
        <translation>当日报刊</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="339" />
        <source>The title chosen</source>
        <translation>所选报刊</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="343" />
        <source>Copies received</source>
        <translation>实到份数</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="346" />
        <source>Arrived late</source>
        <translation>迟到</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="348" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="349" />
        <source>Note (optional)</source>
        <translation>备注（可不填）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="351" />
        <source>Record the count</source>
        <translation>登记清点</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="351" />
        <source>Record the copies received</source>
        <translation>登记实到份数</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="354" />
        <source>Not delivered yet</source>
        <translation>尚未送达</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="356" />
        <source>Report the title not delivered on time</source>
        <translation>登记该报刊未按时送达</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="358" />
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="714" />
        <source>Received</source>
        <translation>实到</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="372" />
        <source>Which shortfalls</source>
        <translation>显示哪些缺失</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="376" />
        <source>Open</source>
        <translation>未解决</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="376" />
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="439" />
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="373" />
        <source>Search the shortfalls</source>
        <translation>查询缺失登记</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="374" />
        <source>Number (BK000001), day (11-25) or title</source>
        <translation>编号（BK000001）、日期（11-25）或报刊名称</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="375" />
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="437" />
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="390" />
        <source>The shortfall</source>
        <translation>缺失登记</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="393" />
        <source>What happened so far</source>
        <translation>处理过程</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="397" />
        <source>Whom at the post office</source>
        <translation>邮局联系人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="398" />
        <source>Whom at the post office (name or post)</source>
        <translation>邮局联系人（姓名或岗位）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="399" />
        <source>How</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="402" />
        <source>What they said</source>
        <translation>对方答复</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="403" />
        <source>What they said or promised</source>
        <translation>对方答复或承诺</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="405" />
        <source>Record the contact</source>
        <translation>登记交涉</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="407" />
        <source>Record the talk with the post office</source>
        <translation>登记与邮局的交涉</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="414" />
        <source>How it was resolved</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="415" />
        <source>How it was resolved (e.g. 2 copies delivered)</source>
        <translation>处理结果（如：已补送 2 份）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="416" />
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="422" />
        <source>Copies made good</source>
        <translation>补送份数</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="419" />
        <source>Resolve</source>
        <translation>解决</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="419" />
        <source>Resolve the shortfall</source>
        <translation>登记缺失已解决</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="433" />
        <source>Which subscriptions</source>
        <translation>显示哪些订阅</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="439" />
        <source>Current</source>
        <translation>有效</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="434" />
        <source>Unit or title</source>
        <translation>房号或报刊名称</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="435" />
        <source>Unit (2-104) or title</source>
        <translation>房号（2-104）或报刊名称</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="437" />
        <source>Search the subscriptions</source>
        <translation>查询订阅</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="452" />
        <source>Why it stops</source>
        <translation>停订原因</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="453" />
        <source>Why it stops (e.g. moved out, cancelled)</source>
        <translation>停订原因（如：业户迁出、退订）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="455" />
        <source>Stop the subscription</source>
        <translation>停订</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="457" />
        <source>Stop the selected subscription today</source>
        <translation>所选订阅从今天起停订</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="464" />
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="494" />
        <source>Unit</source>
        <translation>房号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="465" />
        <source>Unit, e.g. 2-104</source>
        <translation>房号，如 2-104</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="466" />
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="495" />
        <source>Title</source>
        <translation>报刊名称</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="467" />
        <source>e.g. 人民日报</source>
        <translation>如：人民日报</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="468" />
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="496" />
        <source>Frequency</source>
        <translation>刊期</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="477" />
        <source>Days of the month</source>
        <translation>每月投递日</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="478" />
        <source>Days of the month, e.g. 1,16</source>
        <translation>每月投递日，如 1,16</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="480" />
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="498" />
        <source>Copies an issue</source>
        <translation>每期份数</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="484" />
        <source>From</source>
        <translation>起订</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="486" />
        <source>To</source>
        <translation>止订</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="492" />
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="500" />
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="716" />
        <source>Delivered by</source>
        <translation>投递单位</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="493" />
        <source>Empty: the post office</source>
        <translation>不填：邮局</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="497" />
        <source>Comes on</source>
        <translation>投递日</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="499" />
        <source>From / to</source>
        <translation>起止日期</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="502" />
        <source>Add the subscription</source>
        <translation>登记订阅</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="571" />
        <source>%1 expected</source>
        <translation>应到 %1 份</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="573" />
        <source>Mailboxes</source>
        <translation>分派信箱</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="581" />
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="617" />
        <source>Choose the title in the list first.</source>
        <translation>请先在列表中选择报刊。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="597" />
        <source>%1: %2 of %3 counted; shortfall %4 is open: raise it with the post office.</source>
        <translation>%1：应到 %3 份，实到 %2 份；已登记缺失 %4，请与邮局交涉。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="600" />
        <source>%1: %2 of %3 counted.</source>
        <translation>%1：应到 %3 份，实到 %2 份。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="623" />
        <source>%1 reported not delivered: shortfall %2. Call the post office and record it.</source>
        <translation>%1 已登记未送达（%2），请致电邮局并登记交涉情况。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="668" />
        <source>Contact with the post office recorded.</source>
        <translation>已登记与邮局的交涉。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="687" />
        <source>Shortfall %1 resolved.</source>
        <translation>缺失登记 %1 已解决。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="706" />
        <source>Choose a shortfall in the list.</source>
        <translation>请在列表中选择一条缺失登记。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="708" />
        <source>the post office</source>
        <translation>邮局</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="712" />
        <source>Expected</source>
        <translation>应到</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="718" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="727" />
        <source>Resolution</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="734" />
        <source>Noticed</source>
        <translation>发现缺失</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="735" />
        <source>Counted again</source>
        <translation>重新清点</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="916" />
        <source>By phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="917" />
        <source>In person</source>
        <translation>当面</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="918" />
        <source>By letter</source>
        <translation>函件</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="234" />
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="736" />
        <source>Raised with the post office</source>
        <translation>已与邮局交涉</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="232" />
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="737" />
        <source>Escalated to the shift leader</source>
        <translation>已报告领班</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="230" />
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="738" />
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="66" />
        <source>Daily</source>
        <translation>日报</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="67" />
        <source>Weekly</source>
        <translation>周报（刊）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="68" />
        <source>Monthly</source>
        <translation>月刊</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="74" />
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="75" />
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="76" />
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="77" />
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="78" />
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="79" />
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="80" />
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="86" />
        <source>Day %1 of the month</source>
        <translation>每月 %1 日</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="90" />
        <source>Every day</source>
        <translation>每天</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="97" />
        <source>Not delivered</source>
        <translation>未送达</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="99" />
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="746" />
        <source>%1 missing</source>
        <translation>缺 %1 份</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="104" />
        <source>Late</source>
        <translation>迟到</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="105" />
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="236" />
        <source>Open, not raised yet</source>
        <translation>未处理，尚未交涉</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="748" />
        <source>%1 made good</source>
        <translation>补送 %1 份</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="801" />
        <source>%1 now takes %2, %3 copies an issue.</source>
        <translation>%1 已订阅《%2》，每期 %3 份。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="819" />
        <source>Choose the subscription in the list first.</source>
        <translation>请先在列表中选择订阅。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="827" />
        <source>%1's %2 stops after %3.</source>
        <translation>%1 的《%2》于 %3 后停订。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="859" />
        <source>Export the month's newspapers</source>
        <translation>导出本月报刊登记</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="861" />
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="850" />
        <source>Exported the newspapers of %1 to %2.</source>
        <translation>已将 %1 的报刊登记导出至 %2。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="865" />
        <source>Exporting the month (KB received)</source>
        <translation>正在导出本月登记（已接收 KB）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="879" />
        <source>Please enter the unit, e.g. 2-104.</source>
        <translation>请输入房号，如 2-104。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="880" />
        <source>Please enter the unit as building-room, e.g. 2-104.</source>
        <translation>请按“楼栋-房号”格式输入，如 2-104。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="881" />
        <source>Please enter the newspaper's or magazine's title.</source>
        <translation>请输入报刊名称。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="882" />
        <source>The title is too long: at most %1 characters.</source>
        <translation>报刊名称过长：最多 %1 个字符。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="883" />
        <source>No unit takes this title on %1.</source>
        <translation>%1 没有业户订阅该报刊。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="884" />
        <source>This title was counted already: record the count instead.</source>
        <translation>该报刊已清点，请直接登记清点数。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="885" />
        <source>Copies an issue: from %1 to %2.</source>
        <translation>每期份数：%1 至 %2。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="886" />
        <source>Copies received: from %1 to %2.</source>
        <translation>实到份数：%1 至 %2。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="887" />
        <source>Copies made good: from %1 to %2.</source>
        <translation>补送份数：%1 至 %2。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="888" />
        <source>Tick the days it comes.</source>
        <translation>请勾选投递日。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="889" />
        <source>Enter the day(s) of the month it comes, e.g. 1 or 1,16.</source>
        <translation>请输入每月投递日，如 1 或 1,16。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="890" />
        <source>Days of the month are numbers from 1 to 31, e.g. 1,16.</source>
        <translation>每月投递日为 1 至 31 的数字，如 1,16。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="891" />
        <source>At most %1 days of the month.</source>
        <translation>每月最多 %1 个投递日。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="892" />
        <source>The subscription cannot end before it starts.</source>
        <translation>止订日期不能早于起订日期。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="893" />
        <source>Delivered by: at most %1 characters.</source>
        <translation>投递单位：最多 %1 个字符。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="894" />
        <source>That day has not come yet.</source>
        <translation>该日期尚未到。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="895" />
        <source>Please give the reason.</source>
        <translation>请填写原因。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="896" />
        <source>Please keep the reason under %1 characters.</source>
        <translation>原因请控制在 %1 个字符以内。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="897" />
        <source>Please write what the post office said or promised.</source>
        <translation>请填写邮局的答复或承诺。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="898" />
        <source>Please keep the note under %1 characters.</source>
        <translation>备注请控制在 %1 个字符以内。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="899" />
        <source>Please enter whom you spoke to at the post office.</source>
        <translation>请填写邮局联系人。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="900" />
        <source>The name is too long: at most %1 characters.</source>
        <translation>姓名过长：最多 %1 个字符。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="901" />
        <source>Please write how it was resolved.</source>
        <translation>请填写处理结果。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="902" />
        <source>Please keep it under %1 characters.</source>
        <translation>请控制在 %1 个字符以内。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="903" />
        <source>Shortfall %1 is already open for this title and day.</source>
        <translation>该报刊当日已有未解决的缺失登记 %1。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="904" />
        <source>Shortfall %1 is resolved already.</source>
        <translation>缺失登记 %1 已解决。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="905" />
        <source>This shortfall does not exist.</source>
        <translation>该缺失登记不存在。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="906" />
        <source>This subscription does not exist.</source>
        <translation>该订阅不存在。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="907" />
        <source>This subscription was stopped already.</source>
        <translation>该订阅已停订。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="908" />
        <source>The last day must be between %1 and %2.</source>
        <translation>最后投递日须在 %1 至 %2 之间。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="909" />
        <source>Choose a month.</source>
        <translation>请选择月份。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="910" />
        <source>Your role cannot do this. Ask a supervisor.</source>
        <translation>您的角色无权执行此操作，请联系主管。</translation>
    </message>
</context>
<context>
    <name>NewspapersWorkbook</name>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="111" />
        <source>Deliveries</source>
        <translation>到件登记</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="112" />
        <source>Shortfalls</source>
        <translation>缺失登记</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="113" />
        <source>Subscriptions</source>
        <translation>订阅</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="114" />
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="115" />
        <source>Title</source>
        <translation>报刊名称</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="116" />
        <source>Expected</source>
        <translation>应到</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="117" />
        <source>Received</source>
        <translation>实到</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="118" />
        <source>Missing</source>
        <translation>缺份</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="119" />
        <source>Late</source>
        <translation>迟到</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="120" />
        <source>Counted at</source>
        <translation>清点时间</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="121" />
        <source>Counted by</source>
        <translation>清点人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="122" />
        <source>Shortfall</source>
        <translation>缺失编号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="123" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="124" />
        <source>Delivered by</source>
        <translation>投递单位</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="125" />
        <source>Noticed at</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="126" />
        <source>Noticed by</source>
        <translation>登记人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="127" />
        <source>Raised with the post office</source>
        <translation>与邮局交涉</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="128" />
        <source>Escalated at</source>
        <translation>报告领班时间</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="129" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="130" />
        <source>Resolved at</source>
        <translation>解决时间</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="131" />
        <source>Resolved by</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="132" />
        <source>Resolution</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="133" />
        <source>Copies made good</source>
        <translation>补送份数</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="134" />
        <source>Unit</source>
        <translation>房号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="135" />
        <source>Frequency</source>
        <translation>刊期</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="136" />
        <source>Days</source>
        <translation>投递日</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="137" />
        <source>Copies</source>
        <translation>份数</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="138" />
        <source>From</source>
        <translation>起订</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="139" />
        <source>To</source>
        <translation>止订</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="140" />
        <source>Stopped after</source>
        <translation>停订日期</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="141" />
        <source>Why stopped</source>
        <translation>停订原因</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="142" />
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="143" />
        <source>Post office</source>
        <translation>邮局</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="144" />
        <source>open</source>
        <translation>未解决</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="145" />
        <source>resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="146" />
        <source>daily</source>
        <translation>日报</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="147" />
        <source>weekly</source>
        <translation>周报（刊）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="148" />
        <source>monthly</source>
        <translation>月刊</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="149" />
        <source>phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="150" />
        <source>in_person</source>
        <translation>当面</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="151" />
        <source>letter</source>
        <translation>函件</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="152" />
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="153" />
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="154" />
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="155" />
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="156" />
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="157" />
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="158" />
        <source>Sun</source>
        <translation>周日</translation>
    </message>
</context>
<context>
    <name>OnSiteTableModel</name>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="106" />
        <source>Badge</source>
        <translation>证号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="107" />
        <source>Visitor</source>
        <translation>访客</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="108" />
        <source>Company</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="109" />
        <source>Host</source>
        <translation>被访人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="110" />
        <source>Time in</source>
        <translation>到访时间</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="111" />
        <source>On site for</source>
        <translation>在场时长</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="112" />
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="113" />
        <source>Badge printed</source>
        <translation>访客证打印</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="114" />
        <source>Card</source>
        <translation>卡号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="147" />
        <source>No card</source>
        <translation>无卡</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="160" />
        <source>%1 OVERSTAY</source>
        <translation>%1 已超时</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="162" />
        <source>Printed</source>
        <translation>已打印</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="164" />
        <source>No badge</source>
        <translation>无访客证</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="165" />
        <source>Not printed</source>
        <translation>未打印</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="165" />
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
</context>
<context>
    <name>PatrolNoticesModel</name>
    <message>
        <location filename="../../kiosk/ui/console/patrol_notices.py" line="31" />
        <source>Let in</source>
        <translation>放行时间</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/patrol_notices.py" line="32" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/patrol_notices.py" line="33" />
        <source>Unit</source>
        <translation>房号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/patrol_notices.py" line="34" />
        <source>Patrol told</source>
        <translation>通知巡逻岗</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/patrol_notices.py" line="35" />
        <source>Let in by</source>
        <translation>放行人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/patrol_notices.py" line="55" />
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/patrol_notices.py" line="55" />
        <source>NOT told: radio the patrol</source>
        <translation>未通知：请用对讲机通知巡逻岗</translation>
    </message>
</context>
<context>
    <name>PatrolNoticesPanel</name>
    <message>
        <location filename="../../kiosk/ui/console/patrol_notices.py" line="67" />
        <source>Residents let in on the records, not yet followed</source>
        <translation>经核对资料放行、尚未跟踪的住户</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/patrol_notices.py" line="71" />
        <source>What the patrol found</source>
        <translation>巡逻岗跟踪情况</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/patrol_notices.py" line="74" />
        <source>What the patrol found, e.g. went into 2-102, neighbour confirmed</source>
        <translation>跟踪情况，例如：已进入 2-102，邻居确认</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/patrol_notices.py" line="77" />
        <location filename="../../kiosk/ui/console/patrol_notices.py" line="155" />
        <source>Followed</source>
        <translation>已跟踪</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/patrol_notices.py" line="77" />
        <source>Mark the selected notice as followed</source>
        <translation>将所选通知标记为已跟踪</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/patrol_notices.py" line="81" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/patrol_notices.py" line="81" />
        <source>Read the open notices again</source>
        <translation>重新读取未处理的通知</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/patrol_notices.py" line="88" />
        <source>Last action result</source>
        <translation>上次操作结果</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/patrol_notices.py" line="144" />
        <source>Select a notice first.</source>
        <translation>请先选择一条通知。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/patrol_notices.py" line="151" />
        <source>Mark %1 of %2 as followed by the patrol?</source>
        <translation>将 %2 的 %1 标记为巡逻岗已跟踪？</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/patrol_notices.py" line="156" />
        <source>Nothing done.</source>
        <translation>未作任何操作。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/patrol_notices.py" line="169" />
        <source>%1 of %2: followed (%3).</source>
        <translation>%2 的 %1：已跟踪（%3）。</translation>
    </message>
</context>
<context>
    <name>PaymentsPage</name>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="124" />
        <source>Take a deposit or fee</source>
        <translation>收取押金或费用</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="124" />
        <source>New payment</source>
        <translation>新收款</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="126" />
        <source>What the money is for</source>
        <translation>款项用途</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="130" />
        <source>Amount in yuan</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="131" />
        <source>e.g. 100 or 50.50</source>
        <translation>例如：100 或 50.50</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="132" />
        <source>How it was paid</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="135" />
        <source>Who pays</source>
        <translation>付款人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="141" />
        <source>Card or pass number</source>
        <translation>卡号或访客证号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="143" />
        <source>What the fee is for, or a note</source>
        <translation>费用用途或备注</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="144" />
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="145" />
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="146" />
        <source>Paid by</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="148" />
        <source>Payer</source>
        <translation>付款人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="153" />
        <source>Take payment and print receipt</source>
        <translation>收款并打印收据</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="153" />
        <source>Take the payment</source>
        <translation>收款</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="159" />
        <location filename="../../kiosk/ui/console/payments_page.py" line="163" />
        <source>Today's receipts</source>
        <translation>今日收据</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="167" />
        <source>Receipt, card or pass number</source>
        <translation>收据号、卡号或访客证号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="169" />
        <source>Receipt no., card or pass number (or select a deposit above)</source>
        <translation>收据号、卡号或访客证号（或在上方选择一笔押金）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="173" />
        <source>Refund deposit</source>
        <translation>退押金</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="173" />
        <source>Refund the deposit</source>
        <translation>退还押金</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="177" />
        <source>Print copy</source>
        <translation>补打副本</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="177" />
        <source>Print the selected receipt again</source>
        <translation>再次打印选中的收据</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="186" />
        <source>My shift's takings</source>
        <translation>本班收款</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="189" />
        <source>Print cash summary</source>
        <translation>打印现金汇总</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="189" />
        <source>Print my shift's cash summary</source>
        <translation>打印本班现金汇总</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="196" />
        <source>Last action result</source>
        <translation>上一步操作结果</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="207" />
        <source>Your role cannot do this. Ask a supervisor.</source>
        <translation>您的角色无权执行此操作，请联系主管。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="262" />
        <source>Today's receipts: %1 — deposits held: %2 (%3)</source>
        <translation>今日收据：%1 张 — 未退押金：%2 笔（%3）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="273" />
        <source>My shift since %1: no payments.</source>
        <translation>本班自 %1 起：无收款。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="278" />
        <source>refunded %1</source>
        <translation>已退 %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="284" />
        <source>My shift since %1 — net %2 (%3)</source>
        <translation>本班自 %1 起 — 净额 %2（%3）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="299" />
        <source>Unit</source>
        <translation>房号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="299" />
        <source>Card / pass number</source>
        <translation>卡号 / 证号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="300" />
        <source>Fee for</source>
        <translation>费用项目</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="300" />
        <source>Note (optional)</source>
        <translation>备注（可不填）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="301" />
        <source>e.g. 2-1104</source>
        <translation>例如：2-1104</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="301" />
        <source>e.g. C-031</source>
        <translation>例如：C-031</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="303" />
        <source>e.g. decoration waste removal</source>
        <translation>例如：装修垃圾清运</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="303" />
        <source>e.g. lost card deposit rules told</source>
        <translation>例如：已告知遗失卡押金规定</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="331" />
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="350" />
        <source>The server does not answer. Press the button again once it does: the payment is recorded only once.</source>
        <translation>服务器无响应。恢复后请再按一次：该笔款项只会记录一次。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="379" />
        <source>Nothing taken.</source>
        <translation>未收款。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="427" />
        <source>Take %1 by %2 for: %3.
Payer: %4 · %5
The numbered receipt prints at once.</source>
        <translation>以%2收取 %1，用于：%3。
付款人：%4 · %5
确认后立即打印编号收据。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="434" />
        <source>Take payment</source>
        <translation>确认收款</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="434" />
        <source>Take %1</source>
        <translation>收取 %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="441" />
        <source>Receipt %1 for %2.</source>
        <translation>收据 %1，金额 %2。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="461" />
        <source>Select a deposit in the list or type its receipt, card or pass number.</source>
        <translation>请在列表中选择一笔押金，或输入其收据号、卡号或访客证号。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="476" />
        <source>Refund %1 of %2 paid out (original receipt %3).</source>
        <translation>退款收据 %1，已退 %2（原收据 %3）。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="490" />
        <source>Select a receipt in the list first.</source>
        <translation>请先在列表中选择一张收据。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="520" />
        <source>Printed on %1.</source>
        <translation>已在 %1 打印。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="525" />
        <source>NOT printed: %1 — it waits in the print queue.</source>
        <translation>未打印：%1 — 已在打印队列中等待。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="534" />
        <source>Type the amount in yuan, e.g. 100 or 50.50.</source>
        <translation>请以元为单位填写金额，例如 100 或 50.50。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="535" />
        <source>The amount must be more than zero.</source>
        <translation>金额必须大于零。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="536" />
        <source>Yuan have at most two decimals (fen).</source>
        <translation>金额最多保留两位小数（分）。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="537" />
        <source>This amount is too large for a receipt.</source>
        <translation>金额过大，不能开收据。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="538" />
        <source>A deposit is refunded whole; deductions are for finance.</source>
        <translation>押金须全额退还；如需扣款请交财务处理。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="539" />
        <source>Type who pays.</source>
        <translation>请填写付款人。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="540" />
        <source>The payer's name has at most %1 characters.</source>
        <translation>付款人姓名最多 %1 个字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="541" />
        <source>Type the card or pass number the deposit is for.</source>
        <translation>请填写押金对应的卡号或访客证号。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="542" />
        <source>The card or pass number has at most %1 characters.</source>
        <translation>卡号或访客证号最多 %1 个字符。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="544" />
        <source>This card or pass already has a deposit (receipt %1): refund it first.</source>
        <translation>该卡或访客证已有押金（收据 %1）：请先退押金。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="546" />
        <source>Type what the fee is for.</source>
        <translation>请填写费用用途。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="547" />
        <source>What the fee is for: at most %1 characters.</source>
        <translation>费用用途最多 %1 个字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="548" />
        <source>The unit has at most %1 characters.</source>
        <translation>房号最多 %1 个字符。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="549" />
        <source>The note has at most %1 characters.</source>
        <translation>备注最多 %1 个字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="550" />
        <source>Type the receipt, card or pass number.</source>
        <translation>请输入收据号、卡号或访客证号。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="551" />
        <source>No deposit to refund under this receipt, card or pass number.</source>
        <translation>该收据号、卡号或访客证号下没有可退的押金。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="552" />
        <source>Already refunded: refund receipt %1 on %2.</source>
        <translation>已退款：退款收据 %1，日期 %2。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="553" />
        <source>This is a refund receipt; pick the original deposit.</source>
        <translation>这是退款收据，请选择原押金收据。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="554" />
        <source>This is a fee collected for finance, not a deposit.</source>
        <translation>这是代财务收取的费用，不是押金。</translation>
    </message>
</context>
<context>
    <name>PaymentsTableModel</name>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="73" />
        <source>Receipt</source>
        <translation>收据</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="74" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="75" />
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="76" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="77" />
        <source>Method</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="78" />
        <source>Payer</source>
        <translation>付款人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="79" />
        <source>Card / pass / unit</source>
        <translation>卡号 / 证号 / 房号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="80" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="107" />
        <source>Refund of %1</source>
        <translation>退款（原收据 %1）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="109" />
        <source>Refunded (%1)</source>
        <translation>已退款（%1）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="110" />
        <source>Deposit held</source>
        <translation>押金未退</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payments_page.py" line="110" />
        <source>Paid</source>
        <translation>已付款</translation>
    </message>
</context>
<context>
    <name>PermitCheckPanel</name>
    <message>
        <location filename="../../kiosk/ui/console/permit_check.py" line="37" />
        <source>Check a permit: scan its QR or type its number</source>
        <translation>核验凭据：扫描二维码或输入编号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permit_check.py" line="32" />
        <source>Permit code</source>
        <translation>凭据编码</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permit_check.py" line="33" />
        <source>Scan the QR, or type the number, e.g. CL000001</source>
        <translation>扫描二维码，或输入编号，如 CL000001</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permit_check.py" line="34" />
        <source>Check</source>
        <translation>核验</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permit_check.py" line="34" />
        <source>Check the permit</source>
        <translation>核验凭据</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permit_check.py" line="46" />
        <source>What the permit is</source>
        <translation>核验结果</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permit_check.py" line="42" />
        <source>Permit details</source>
        <translation>凭据详情</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permit_check.py" line="43" />
        <source>Materials on the permit</source>
        <translation>凭据所列材料</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permit_check.py" line="53" />
        <source>Why it is refused</source>
        <translation>拒绝原因</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permit_check.py" line="55" />
        <source>Why refused (required to refuse), e.g. the goods differ</source>
        <translation>拒绝原因（拒绝时必填），如：材料与凭据不符</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permit_check.py" line="58" />
        <source>Let in</source>
        <translation>放行</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permit_check.py" line="58" />
        <source>Record the let-in</source>
        <translation>登记放行</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permit_check.py" line="62" />
        <source>Refuse</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permit_check.py" line="62" />
        <source>Refuse entry with the reason</source>
        <translation>拒绝进入并登记原因</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permit_check.py" line="95" />
        <source>VALID: %1. Check the goods or the worker against it.</source>
        <translation>有效：%1。请核对材料或人员与凭据是否相符。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permit_check.py" line="101" />
        <source>REFUSE: %1</source>
        <translation>拒绝：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permit_check.py" line="109" />
        <source>Cannot verify: the server does not answer. Do not let anyone in yet; call the desk.</source>
        <translation>无法核验：服务器没有响应。暂勿放行，请联系前台。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permit_check.py" line="127" />
        <source>%1 %2 · valid %3</source>
        <translation>%1 %2 · 有效期 %3</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permit_check.py" line="133" />
        <source>Unit: %1</source>
        <translation>房号：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permit_check.py" line="139" />
        <source>Holder: %1</source>
        <translation>持证人：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permit_check.py" line="141" />
        <source>Company: %1</source>
        <translation>单位：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permit_check.py" line="143" />
        <source>Goes up by: %1</source>
        <translation>搬运方式：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permit_check.py" line="145" />
        <source>Note: %1</source>
        <translation>备注：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permit_check.py" line="147" />
        <source>Cancelled: %1</source>
        <translation>已作废：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permit_check.py" line="152" />
        <source>Let in %1 time(s) before; last %2 by %3</source>
        <translation>此前已放行 %1 次；最近一次 %2，经办人 %3</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permit_check.py" line="165" />
        <source>Type why it is refused first.</source>
        <translation>请先填写拒绝原因。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permit_check.py" line="183" />
        <source>Let in on permit %1.</source>
        <translation>已凭 %1 放行。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permit_check.py" line="186" />
        <source>Refused on permit %1; the reason is on record.</source>
        <translation>凭据 %1 已拒绝，原因已登记。</translation>
    </message>
</context>
<context>
    <name>PermitEntryPage</name>
    <message>
        <location filename="../../kiosk/ui/kiosk/permit_entry.py" line="81" />
        <source>Entry permit (decoration, newspaper, milk delivery)</source>
        <translation>出入证（装修、送报、送奶）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/permit_entry.py" line="84" />
        <source>Hold the QR code of the permit the management office gave you under the scanner, or type the permit's number (e.g. RZ000123) and tap Check.</source>
        <translation>请将管理处开具的出入证上的二维码对准扫描器，或输入出入证编号（例如 RZ000123）后点“查验”。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/permit_entry.py" line="88" />
        <source>How to show your permit</source>
        <translation>如何出示出入证</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/permit_entry.py" line="89" />
        <location filename="../../kiosk/ui/kiosk/permit_entry.py" line="90" />
        <source>Permit number</source>
        <translation>出入证编号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/permit_entry.py" line="91" />
        <source>Check</source>
        <translation>查验</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/permit_entry.py" line="92" />
        <source>Check the permit</source>
        <translation>查验出入证</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/permit_entry.py" line="93" />
        <source>Permit check result</source>
        <translation>出入证查验结果</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/permit_entry.py" line="94" />
        <location filename="../../kiosk/ui/kiosk/permit_entry.py" line="95" />
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/permit_entry.py" line="96" />
        <location filename="../../kiosk/ui/kiosk/permit_entry.py" line="97" />
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/permit_entry.py" line="140" />
        <source>Permit %1 is valid until %2. Please go in.</source>
        <translation>出入证 %1 有效期至 %2，请进入。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/permit_entry.py" line="145" />
        <source>Permit %1 is valid. Please go in.</source>
        <translation>出入证 %1 有效，请进入。</translation>
    </message>
</context>
<context>
    <name>PermitsPage</name>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="97" />
        <source>Issue a permit</source>
        <translation>开具凭据</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="99" />
        <source>Kind of permit</source>
        <translation>凭据类型</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="103" />
        <location filename="../../kiosk/ui/console/permits_page.py" line="147" />
        <location filename="../../kiosk/ui/console/permits_page.py" line="191" />
        <source>Unit</source>
        <translation>房号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="104" />
        <source>Unit, e.g. 2-104</source>
        <translation>房号，如 2-104</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="105" />
        <source>Holder's name</source>
        <translation>持证人姓名</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="106" />
        <source>ID document type</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="107" />
        <location filename="../../kiosk/ui/console/permits_page.py" line="150" />
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="108" />
        <source>Checked, then only its last four are kept</source>
        <translation>核对后只保留后四位</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="109" />
        <location filename="../../kiosk/ui/console/permits_page.py" line="151" />
        <source>Company</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="110" />
        <source>Decoration company, post office, dairy...</source>
        <translation>装修公司、邮局、奶站……</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="111" />
        <source>Material</source>
        <translation>材料</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="112" />
        <source>e.g. floor tiles (boxes)</source>
        <translation>如：瓷砖（箱）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="113" />
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="116" />
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="116" />
        <source>Add material</source>
        <translation>添加材料</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="121" />
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="121" />
        <source>Remove the chosen material</source>
        <translation>删除所选材料</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="129" />
        <location filename="../../kiosk/ui/console/permits_page.py" line="152" />
        <source>Materials</source>
        <translation>材料</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="131" />
        <source>Goods lift</source>
        <translation>开电梯（货梯）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="132" />
        <source>Stairs</source>
        <translation>走楼梯</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="138" />
        <source>First valid day</source>
        <translation>有效期起</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="139" />
        <source>Last valid day</source>
        <translation>有效期止</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="144" />
        <location filename="../../kiosk/ui/console/permits_page.py" line="156" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="145" />
        <source>e.g. goods lift 9:00-11:30 only</source>
        <translation>如：货梯限 9:00-11:30</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="146" />
        <location filename="../../kiosk/ui/console/permits_page.py" line="189" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="148" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="149" />
        <source>ID type</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="154" />
        <source>Goes up by</source>
        <translation>搬运方式</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="155" />
        <source>Valid (first, last day)</source>
        <translation>有效期（起、止）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="160" />
        <source>Issue and print</source>
        <translation>开具并打印</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="160" />
        <source>Issue the permit and print it</source>
        <translation>开具凭据并打印</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="165" />
        <source>Issue result</source>
        <translation>开具结果</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="169" />
        <source>Permit register</source>
        <translation>凭据登记</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="172" />
        <location filename="../../kiosk/ui/console/permits_page.py" line="179" />
        <source>Search permits</source>
        <translation>查询凭据</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="173" />
        <source>Number, unit, name, company or material</source>
        <translation>编号、房号、姓名、单位或材料</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="175" />
        <source>Which permits</source>
        <translation>凭据范围</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="176" />
        <source>Current</source>
        <translation>有效中</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="177" />
        <source>All, cancelled and expired too</source>
        <translation>全部（含作废、过期）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="179" />
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="188" />
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="190" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="192" />
        <source>Holder</source>
        <translation>持证人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="193" />
        <source>Materials / company</source>
        <translation>材料 / 单位</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="194" />
        <source>Valid</source>
        <translation>有效期</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="197" />
        <source>Permits</source>
        <translation>凭据</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="200" />
        <source>Why it is cancelled</source>
        <translation>作废原因</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="201" />
        <source>Why cancelled, e.g. the decoration ended early</source>
        <translation>作废原因，如：装修提前结束</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="204" />
        <source>Cancel permit</source>
        <translation>作废凭据</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="204" />
        <source>Cancel the chosen permit</source>
        <translation>作废所选凭据</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="208" />
        <source>Print again</source>
        <translation>重新打印</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="208" />
        <source>Print the chosen permit again</source>
        <translation>重新打印所选凭据</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="212" />
        <source>Export (Excel)</source>
        <translation>导出（Excel）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="212" />
        <source>Export the register as a workbook</source>
        <translation>将登记导出为 Excel 工作簿</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="217" />
        <source>Take deposit</source>
        <translation>收押金</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="217" />
        <source>Take a deposit for the chosen permit</source>
        <translation>为所选出入证收取押金</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="221" />
        <source>Register result</source>
        <translation>登记操作结果</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="273" />
        <source>Carrier (optional)</source>
        <translation>搬运人（选填）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="273" />
        <source>The worker or deliverer</source>
        <translation>施工人员或送报、送奶人员</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="341" />
        <source>Issued %1 %2, valid %3.</source>
        <translation>已开具%1 %2，有效期 %3。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="348" />
        <location filename="../../kiosk/ui/console/permits_page.py" line="453" />
        <source>The printer did not print it: %1</source>
        <translation>打印机未能打印：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="390" />
        <location filename="../../kiosk/ui/console/permits_page.py" line="425" />
        <location filename="../../kiosk/ui/console/permits_page.py" line="445" />
        <source>Choose a permit in the list first.</source>
        <translation>请先在列表中选择凭据。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="399" />
        <source>Type why the permit is cancelled first.</source>
        <translation>请先填写作废原因。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="409" />
        <source>Permit %1 cancelled; it is refused from now on.</source>
        <translation>凭据 %1 已作废，此后出示一律不予放行。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="422" />
        <source>Your role cannot do this. Ask a supervisor.</source>
        <translation>您的角色无权执行此操作，请联系主管。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="430" />
        <source>Only a decoration or material permit carries a deposit.</source>
        <translation>只有装修出入证或搬运材料凭据收取押金。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="457" />
        <source>Permit %1 printed again, marked COPY.</source>
        <translation>凭据 %1 已重新打印，标注“副本”。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="477" />
        <source>Export the permit register</source>
        <translation>导出凭据登记</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="477" />
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="479" />
        <source>Exported the register to %1.</source>
        <translation>登记已导出到 %1。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="480" />
        <source>Exporting the permit register (KB received)</source>
        <translation>正在导出凭据登记（已接收 KB）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="497" />
        <source>Please enter the unit, e.g. 2-104.</source>
        <translation>请输入房号，如 2-104。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="498" />
        <source>Please enter the holder's name.</source>
        <translation>请输入持证人姓名。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="499" />
        <source>The name is too long: at most %1 characters.</source>
        <translation>姓名太长：最多 %1 个字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="500" />
        <source>Please enter the holder's company.</source>
        <translation>请输入持证人单位。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="501" />
        <source>The company is too long: at most %1 characters.</source>
        <translation>单位名称太长：最多 %1 个字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="502" />
        <source>Please add the materials: name and quantity, then Add.</source>
        <translation>请添加材料：填写名称和数量后点“添加”。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="503" />
        <source>At most %1 materials fit on one permit.</source>
        <translation>一张凭据最多列 %1 项材料。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="504" />
        <source>Please keep each material under %1 characters.</source>
        <translation>每项材料名称不超过 %1 个字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="506" />
        <source>Please choose how the materials go up: the goods lift or the stairs.</source>
        <translation>请选择搬运方式：开电梯（货梯）或走楼梯。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="508" />
        <source>The first valid day cannot be before today (%1).</source>
        <translation>有效期起不能早于今天（%1）。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="509" />
        <source>The last valid day cannot be before the first.</source>
        <translation>有效期止不能早于有效期起。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="511" />
        <source>A permit may run for at most %1 days; issue a new one after.</source>
        <translation>凭据有效期最长 %1 天，到期后请重新开具。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="513" />
        <source>Please keep the note under %1 characters.</source>
        <translation>备注不超过 %1 个字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/permits_page.py" line="514" />
        <source>Please keep the reason under %1 characters.</source>
        <translation>原因不超过 %1 个字。</translation>
    </message>
</context>
<context>
    <name>PoolTableModel</name>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="83" />
        <source>Pass</source>
        <translation>访客证</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="84" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="85" />
        <source>Visitor</source>
        <translation>访客</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="86" />
        <source>Company</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="87" />
        <source>ID</source>
        <translation>证件</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="88" />
        <source>Signed out by</source>
        <translation>领用人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="89" />
        <source>Out since</source>
        <translation>领出时间</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="99" />
        <source>In the drawer</source>
        <translation>在库</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="100" />
        <source>Out</source>
        <translation>已领出</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/machine_room_passes_page.py" line="101" />
        <source>Retired</source>
        <translation>已停用</translation>
    </message>
</context>
<context>
    <name>PreRegistrationPage</name>
    <message>
        <location filename="../../kiosk/ui/console/pre_registration_page.py" line="75" />
        <source>New invitation</source>
        <translation>新建预约</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/pre_registration_page.py" line="79" />
        <source>Search the host</source>
        <translation>搜索被访人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/pre_registration_page.py" line="80" />
        <source>Name, pinyin or initials</source>
        <translation>姓名、拼音或首字母</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/pre_registration_page.py" line="81" />
        <source>Hosts found</source>
        <translation>找到的被访人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/pre_registration_page.py" line="84" />
        <source>Host</source>
        <translation>被访人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/pre_registration_page.py" line="86" />
        <source>Date of the visit</source>
        <translation>来访日期</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/pre_registration_page.py" line="87" />
        <source>Expected from</source>
        <translation>预计开始</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/pre_registration_page.py" line="88" />
        <source>Expected until</source>
        <translation>预计结束</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/pre_registration_page.py" line="93" />
        <source>Date and time</source>
        <translation>日期和时间</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/pre_registration_page.py" line="94" />
        <location filename="../../kiosk/ui/console/pre_registration_page.py" line="95" />
        <source>Visiting unit</source>
        <translation>来访单位</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/pre_registration_page.py" line="96" />
        <location filename="../../kiosk/ui/console/pre_registration_page.py" line="101" />
        <source>Visitors</source>
        <translation>访客</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/pre_registration_page.py" line="98" />
        <source>One person per line: name, mobile, e-mail (mobile and e-mail optional)</source>
        <translation>每行一人：姓名、手机、邮箱（手机和邮箱可不填）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/pre_registration_page.py" line="102" />
        <location filename="../../kiosk/ui/console/pre_registration_page.py" line="105" />
        <source>Headcount</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/pre_registration_page.py" line="104" />
        <source>as listed</source>
        <translation>按名单</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/pre_registration_page.py" line="106" />
        <source>Requirements</source>
        <translation>接待要求</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/pre_registration_page.py" line="107" />
        <source>Tea, meeting room, projector, parking ...</source>
        <translation>茶水、会议室、投影仪、停车…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/pre_registration_page.py" line="108" />
        <source>Requirements / purpose</source>
        <translation>接待要求 / 事由</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/pre_registration_page.py" line="109" />
        <location filename="../../kiosk/ui/console/pre_registration_page.py" line="110" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/pre_registration_page.py" line="113" />
        <source>Create invitations</source>
        <translation>创建预约</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/pre_registration_page.py" line="113" />
        <source>Create the invitations</source>
        <translation>创建这些预约</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/pre_registration_page.py" line="117" />
        <source>Result of the last action</source>
        <translation>上一步操作结果</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/pre_registration_page.py" line="122" />
        <source>Invitations for the next two weeks</source>
        <translation>未来两周的预约</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/pre_registration_page.py" line="126" />
        <source>Upcoming invitations</source>
        <translation>即将到访的预约</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/pre_registration_page.py" line="130" />
        <source>Print invitation</source>
        <translation>打印预约</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/pre_registration_page.py" line="130" />
        <source>Print the selected invitation</source>
        <translation>打印选中的预约</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/pre_registration_page.py" line="133" />
        <source>E-mail invitation</source>
        <translation>邮件发送预约</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/pre_registration_page.py" line="133" />
        <source>E-mail the selected invitation</source>
        <translation>通过邮件发送选中的预约</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/pre_registration_page.py" line="136" />
        <source>Cancel invitation</source>
        <translation>取消预约</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/pre_registration_page.py" line="136" />
        <source>Cancel the selected invitation</source>
        <translation>取消选中的预约</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/pre_registration_page.py" line="222" />
        <source>Your role cannot pre-register visitors.</source>
        <translation>您的角色无权预约访客。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/pre_registration_page.py" line="226" />
        <source>Choose the host from the list first.</source>
        <translation>请先从列表中选择被访人。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/pre_registration_page.py" line="265" />
        <source>Line %1: </source>
        <translation>第 %1 行：</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/pre_registration_page.py" line="257" />
        <source>Invited %1; codes: %2</source>
        <translation>已邀请 %1 人；预约码：%2</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/pre_registration_page.py" line="293" />
        <source>Select an invitation in the list first.</source>
        <translation>请先在列表中选择一条预约。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/pre_registration_page.py" line="312" />
        <source>Invitation printed.</source>
        <translation>预约已打印。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/pre_registration_page.py" line="314" />
        <source>Invitation sent to this desk's printer.</source>
        <translation>预约已发送到本台打印机。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/pre_registration_page.py" line="317" />
        <source>The printer did not take it; it is in the print queue and will be retried.</source>
        <translation>打印机未接收：已加入打印队列，将自动重试。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/pre_registration_page.py" line="328" />
        <source>Invitation e-mailed to %1.</source>
        <translation>预约已通过邮件发送至 %1。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/pre_registration_page.py" line="341" />
        <source>Invitation cancelled: the code no longer works.</source>
        <translation>预约已取消：该预约码已失效。</translation>
    </message>
</context>
<context>
    <name>PrintJobTableModel</name>
    <message>
        <location filename="../../kiosk/ui/console/print_queue_page.py" line="52" />
        <source>Job</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/print_queue_page.py" line="53" />
        <source>Station</source>
        <translation>终端</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/print_queue_page.py" line="54" />
        <source>Document</source>
        <translation>单据</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/print_queue_page.py" line="55" />
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/print_queue_page.py" line="56" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/print_queue_page.py" line="57" />
        <source>Tries</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/print_queue_page.py" line="58" />
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/print_queue_page.py" line="59" />
        <source>Problem / next try</source>
        <translation>问题 / 下次重试</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/print_queue_page.py" line="75" />
        <source> (copy)</source>
        <translation>（副本）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/print_queue_page.py" line="93" />
        <source>Visitor badge</source>
        <translation>访客证</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/print_queue_page.py" line="94" />
        <source>Release slip</source>
        <translation>物品放行条</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/print_queue_page.py" line="95" />
        <source>Receipt</source>
        <translation>收据</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/print_queue_page.py" line="96" />
        <source>Pass reconciliation</source>
        <translation>访客证核对表</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/print_queue_page.py" line="97" />
        <source>Card issue confirmation</source>
        <translation>发卡确认单</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/print_queue_page.py" line="98" />
        <source>Evacuation list</source>
        <translation>紧急疏散名单</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/print_queue_page.py" line="99" />
        <source>Cash summary</source>
        <translation>交班收款汇总</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/print_queue_page.py" line="100" />
        <source>Invitation</source>
        <translation>访客预约凭证</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/print_queue_page.py" line="101" />
        <source>Repair work order</source>
        <translation>维修派工单</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/print_queue_page.py" line="102" />
        <source>Phone message</source>
        <translation>电话留言单</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/print_queue_page.py" line="103" />
        <source>Permit (material / entry)</source>
        <translation>凭据（搬运材料 / 出入证）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/print_queue_page.py" line="104" />
        <source>Mail label</source>
        <translation>邮件标签</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/print_queue_page.py" line="105" />
        <source>Courier statement</source>
        <translation>快递月结对账单</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/print_queue_page.py" line="106" />
        <source>Lost property tag</source>
        <translation>失物标签</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/print_queue_page.py" line="107" />
        <source>Deposit deduction / forfeit note</source>
        <translation>押金扣款单 / 没收单</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/print_queue_page.py" line="113" />
        <source>Printed</source>
        <translation>已打印</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/print_queue_page.py" line="115" />
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/print_queue_page.py" line="117" />
        <source>Failed</source>
        <translation>打印失败</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/print_queue_page.py" line="118" />
        <source>Waiting for printer</source>
        <translation>等待打印机</translation>
    </message>
</context>
<context>
    <name>PrintQueuePage</name>
    <message>
        <location filename="../../kiosk/ui/console/print_queue_page.py" line="43" />
        <source>site server</source>
        <translation>站点服务器</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/print_queue_page.py" line="133" />
        <source>Print queue</source>
        <translation>打印队列</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/print_queue_page.py" line="135" />
        <source>Printer state</source>
        <translation>打印机状态</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/print_queue_page.py" line="143" />
        <source>Print jobs</source>
        <translation>打印任务</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/print_queue_page.py" line="147" />
        <source>Preview of the selected printout</source>
        <translation>选中单据的预览</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/print_queue_page.py" line="158" />
        <source>Last action result</source>
        <translation>上一步操作结果</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/print_queue_page.py" line="160" />
        <source>Send now</source>
        <translation>立即发送</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/print_queue_page.py" line="160" />
        <source>Send the selected waiting job to the printer now</source>
        <translation>立即把选中的等待任务发送到打印机</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/print_queue_page.py" line="163" />
        <source>Reprint (copy)</source>
        <translation>补打（副本）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/print_queue_page.py" line="165" />
        <source>Print the selected document again, marked as a copy</source>
        <translation>再次打印选中的单据，标注为副本</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/print_queue_page.py" line="209" />
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/print_queue_page.py" line="214" />
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/print_queue_page.py" line="216" />
        <source> (not heard from since %1)</source>
        <translation>（自 %1 起未收到状态）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/print_queue_page.py" line="256" />
        <source>This document cannot be laid out: there is nothing to preview.</source>
        <translation>此单据无法排版，无法预览。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/print_queue_page.py" line="269" />
        <source>Select a job in the table first.</source>
        <translation>请先在表格中选择一个任务。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/print_queue_page.py" line="297" />
        <source>Printed on %1.</source>
        <translation>已在 %1 打印。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/print_queue_page.py" line="301" />
        <source>Sent to the printer of %1.</source>
        <translation>已发送到 %1 的打印机。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/print_queue_page.py" line="304" />
        <source>Not printed: %1</source>
        <translation>未打印：%1</translation>
    </message>
</context>
<context>
    <name>PurposePage</name>
    <message>
        <location filename="../../kiosk/ui/kiosk/steps.py" line="441" />
        <source>What is your visit for?</source>
        <translation>来访事由</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/steps.py" line="442" />
        <source>Purpose (tap one or type)</source>
        <translation>事由（点选或输入）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/widgets.py" line="312" />
        <source>Meeting</source>
        <translation>开会</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/widgets.py" line="313" />
        <source>Business talk</source>
        <translation>商务洽谈</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/widgets.py" line="314" />
        <source>Maintenance</source>
        <translation>维修维护</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/widgets.py" line="315" />
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/steps.py" line="447" />
        <source>Purpose of the visit</source>
        <translation>来访事由</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/steps.py" line="448" />
        <source>How many people, including you?</source>
        <translation>来访人数（含您本人）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/steps.py" line="449" />
        <source>Number of people</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/steps.py" line="450" />
        <source>One person fewer</source>
        <translation>减少一人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/steps.py" line="451" />
        <source>One person more</source>
        <translation>增加一人</translation>
    </message>
</context>
<context>
    <name>ReleaseSlipPage</name>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="127" />
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="137" />
        <source>Unit</source>
        <translation>房号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="128" />
        <source>Unit, e.g. 2-104</source>
        <translation>房号，例如 2-104</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="131" />
        <source>Look up</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="131" />
        <source>Look up the unit</source>
        <translation>查询该房号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="134" />
        <source>Owner or tenant taking goods out</source>
        <translation>搬出物品的业主或租户</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="144" />
        <source>Management fees</source>
        <translation>管理费</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="147" />
        <source>Record the payment</source>
        <translation>登记缴费</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="147" />
        <source>Record the fee payment with a receipt</source>
        <translation>登记管理费缴费并开收据</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="156" />
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="390" />
        <source>Supervisor approval (arrears over 3 months)</source>
        <translation>主管审批（欠费超过 3 个月）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="158" />
        <source>Supervisor approval</source>
        <translation>主管审批</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="161" />
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="165" />
        <source>Supervisor's staff number</source>
        <translation>主管工号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="162" />
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="166" />
        <source>Supervisor's PIN</source>
        <translation>主管 PIN</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="164" />
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="167" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="172" />
        <source>Phone the owner (always, even with an authorisation letter)</source>
        <translation>致电业主（即使有授权委托书也必须致电）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="174" />
        <source>Owner's consent</source>
        <translation>业主意见</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="177" />
        <source>Owner to phone</source>
        <translation>需致电的业主</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="180" />
        <source>The owner knows the tenant is taking goods out</source>
        <translation>业主知道租户要搬出物品</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="182" />
        <source>The owner knows</source>
        <translation>业主知情</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="185" />
        <source>The tenant owes the owner rent</source>
        <translation>租户欠业主租金</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="185" />
        <source>Rent owed</source>
        <translation>欠租</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="188" />
        <source>Some of the listed items are the owner's</source>
        <translation>所列物品中有业主的物品</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="190" />
        <source>Owner's items among them</source>
        <translation>含业主物品</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="193" />
        <source>The owner consents</source>
        <translation>业主同意</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="196" />
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="198" />
        <source>The owner does not consent</source>
        <translation>业主不同意</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="200" />
        <source>Note on the call</source>
        <translation>通话备注</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="201" />
        <source>Note on the call (optional)</source>
        <translation>通话备注（可不填）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="203" />
        <source>Record the call</source>
        <translation>记录通话</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="203" />
        <source>Record the owner's answers</source>
        <translation>记录业主的答复</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="206" />
        <source>The owner's answer</source>
        <translation>业主的答复</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="221" />
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="234" />
        <source>ID document</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="222" />
        <source>ID number (checked, then handed back)</source>
        <translation>证件号码（核对后归还证件）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="227" />
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="597" />
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="227" />
        <source>Show the ID number typed</source>
        <translation>显示已输入的证件号码</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="235" />
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="236" />
        <source>Item</source>
        <translation>物品</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="237" />
        <source>Item, e.g. 台式电脑主机</source>
        <translation>物品，例如：台式电脑主机</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="239" />
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="242" />
        <source>Add item</source>
        <translation>添加物品</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="242" />
        <source>Add the item</source>
        <translation>添加该物品</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="246" />
        <source>Remove item</source>
        <translation>移除物品</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="246" />
        <source>Remove the selected item</source>
        <translation>移除选中的物品</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="254" />
        <source>Items</source>
        <translation>物品</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="255" />
        <source>Items on the slip</source>
        <translation>放行条上的物品</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="258" />
        <source>Holder's name as signature</source>
        <translation>持条人签名（输入姓名）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="259" />
        <source>The holder types their name</source>
        <translation>持条人输入自己的姓名</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="261" />
        <source>The holder has checked the list and signs for these items</source>
        <translation>持条人已核对清单，并对以上物品签字确认</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="263" />
        <source>Holder's confirmation</source>
        <translation>持条人确认</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="265" />
        <source>Signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="270" />
        <source>Issue and print the slip</source>
        <translation>开具并打印</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="272" />
        <source>Issue and print the release slip</source>
        <translation>开具并打印物品放行条</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="276" />
        <source>Last action result</source>
        <translation>上一步操作结果</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="279" />
        <source>Release slips issued</source>
        <translation>已开具的放行条</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="340" />
        <source>Unit %1: enter the ID number and the signature again; the items are kept.</source>
        <translation>房号 %1：请重新输入证件号码和签名；已列物品保留。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="365" />
        <source>Owner</source>
        <translation>业主</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="365" />
        <source>Tenant</source>
        <translation>租户</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="388" />
        <source>Supervisor approval (no fee record)</source>
        <translation>主管审批（无缴费记录）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="393" />
        <source>Look up the unit to see its owners, tenants and fees.</source>
        <translation>查询房号，可查看该房的业主、租户和缴费情况。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="401" />
        <source>No management-fee record for this unit: check with finance. A supervisor must approve.</source>
        <translation>该房没有管理费缴费记录：请向财务核实，须主管审批。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="406" />
        <source>Management fees: paid up.</source>
        <translation>管理费：已交清。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="410" />
        <source>No slip until paid: %1 month(s) of management fees outstanding, ¥%2.</source>
        <translation>交清前不能开放行条：欠管理费 %1 个月，共 ¥%2。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="417" />
        <source>%1 months outstanding (¥%2), over 3 months: a supervisor must approve.</source>
        <translation>欠费 %1 个月（¥%2），超过 3 个月：须主管审批。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="424" />
        <source>Remind the owner: %1 month(s) of management fees outstanding, ¥%2.</source>
        <translation>请提醒业主：尚欠管理费 %1 个月，共 ¥%2。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="437" />
        <source>Your role cannot take payments; ask a colleague at the desk.</source>
        <translation>您的角色无权收款，请找前台同事办理。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="462" />
        <source>Paid ¥%1, receipt %2.</source>
        <translation>已收款 ¥%1，收据 %2。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="465" />
        <source>The receipt is waiting in the print queue.</source>
        <translation>收据正在打印队列中等待。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="481" />
        <source>Does the owner consent? Choose yes or no.</source>
        <translation>业主是否同意？请选择同意或不同意。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="502" />
        <source>Recorded at %1: owner %2 consents.</source>
        <translation>已于 %1 记录：业主 %2 同意。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="505" />
        <source>Recorded at %1: owner %2 does not consent. No slip; ask the tenant to contact the owner.</source>
        <translation>已于 %1 记录：业主 %2 不同意。不开放行条，请租户联系业主。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="545" />
        <source>Look up the unit and choose who is taking the goods out.</source>
        <translation>请查询房号，并选择搬出物品的人。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="580" />
        <source>Press “Show” beside the ID number to see what was typed.</source>
        <translation>可点证件号码旁的“显示”查看已输入的号码。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="586" />
        <source>Slip %1 issued. Tear off the guard copy and hand it to the lobby guard.</source>
        <translation>放行条 %1 已开具。请撕下护卫员联交给大堂护卫员。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="589" />
        <source>Not printed yet: the slip is waiting in the print queue.</source>
        <translation>尚未打印：放行条正在打印队列中等待。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="597" />
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
</context>
<context>
    <name>ReopenCallerDialog</name>
    <message>
        <location filename="../../kiosk/ui/console/repair_reopen.py" line="26" />
        <source>Reopen %1</source>
        <translation>返修 %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repair_reopen.py" line="30" />
        <source>The warranty of %1 has ended: a new request is taken for it.</source>
        <translation>%1 已过保修期：将另行受理新报修。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repair_reopen.py" line="32" />
        <source>The caller's details of %1 are no longer kept.</source>
        <translation>%1 的报修人信息已按规定删除。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repair_reopen.py" line="34" />
        <source>Who is calling, and on what number?</source>
        <translation>请重新询问报修人姓名和回访电话。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repair_reopen.py" line="36" />
        <source>Ask the caller again</source>
        <translation>重新询问报修人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repair_reopen.py" line="41" />
        <location filename="../../kiosk/ui/console/repair_reopen.py" line="48" />
        <source>Caller</source>
        <translation>报修人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repair_reopen.py" line="43" />
        <source>Phone to call back</source>
        <translation>回访电话</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repair_reopen.py" line="49" />
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repair_reopen.py" line="51" />
        <source>What is missing</source>
        <translation>缺少的内容</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repair_reopen.py" line="54" />
        <source>Reopen</source>
        <translation>返修</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repair_reopen.py" line="56" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repair_reopen.py" line="66" />
        <source>Please enter the caller's name.</source>
        <translation>请输入报修人姓名。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repair_reopen.py" line="68" />
        <source>Please enter a phone number to call back.</source>
        <translation>请输入回访电话。</translation>
    </message>
</context>
<context>
    <name>RepairTableModel</name>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="76" />
        <source>Request</source>
        <translation>报修单号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="77" />
        <source>Taken</source>
        <translation>报修时间</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="78" />
        <source>Unit</source>
        <translation>房号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="79" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="80" />
        <source>Class</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="81" />
        <source>What</source>
        <translation>报修内容</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="82" />
        <source>State</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>RepairsPage</name>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="123" />
        <source>Take a repair request</source>
        <translation>受理报修</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="123" />
        <source>New request</source>
        <translation>新报修</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="126" />
        <location filename="../../kiosk/ui/console/repairs_page.py" line="143" />
        <source>Unit</source>
        <translation>房号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="127" />
        <source>Unit, e.g. 2-104</source>
        <translation>房号，例如 2-104</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="128" />
        <location filename="../../kiosk/ui/console/repairs_page.py" line="144" />
        <location filename="../../kiosk/ui/console/repairs_page.py" line="561" />
        <source>Caller</source>
        <translation>报修人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="129" />
        <source>Phone to call back</source>
        <translation>回访电话</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="130" />
        <location filename="../../kiosk/ui/console/repairs_page.py" line="146" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="133" />
        <source>Urgent</source>
        <translation>急修</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="134" />
        <source>General</source>
        <translation>一般维修</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="140" />
        <location filename="../../kiosk/ui/console/repairs_page.py" line="148" />
        <source>Where</source>
        <translation>维修部位</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="141" />
        <source>e.g. bathroom, kitchen, corridor</source>
        <translation>例如：卫生间、厨房、走廊</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="142" />
        <location filename="../../kiosk/ui/console/repairs_page.py" line="149" />
        <location filename="../../kiosk/ui/console/repairs_page.py" line="562" />
        <source>What is broken</source>
        <translation>报修内容</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="145" />
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="147" />
        <source>Class</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="151" />
        <source>Take the request</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="151" />
        <source>Take the repair request</source>
        <translation>受理这条报修</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="159" />
        <source>Which requests</source>
        <translation>显示哪些报修</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="160" />
        <source>Open</source>
        <translation>未结案</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="161" />
        <source>Overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="162" />
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="164" />
        <source>Request number or unit</source>
        <translation>报修单号或房号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="165" />
        <source>Request number or unit; or scan the work order</source>
        <translation>报修单号或房号；也可扫描派工单</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="168" />
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="168" />
        <source>Search the requests</source>
        <translation>查询报修</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="176" />
        <source>Repair requests</source>
        <translation>报修记录</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="182" />
        <source>The request</source>
        <translation>报修详情</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="185" />
        <source>What happened so far</source>
        <translation>处理过程</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="189" />
        <source>Outside contractor</source>
        <translation>外部维修单位</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="190" />
        <source>Empty: the engineering department (工程部)</source>
        <translation>留空即派给工程部</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="191" />
        <source>Engineer</source>
        <translation>维修人员</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="192" />
        <source>Engineer (optional)</source>
        <translation>维修人员（可不填）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="194" />
        <source>Dispatch and print the work order</source>
        <translation>派工并打印派工单</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="196" />
        <source>Dispatch the request</source>
        <translation>派工</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="199" />
        <location filename="../../kiosk/ui/console/repairs_page.py" line="201" />
        <source>Print the work order again</source>
        <translation>补打派工单</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="211" />
        <location filename="../../kiosk/ui/console/repairs_page.py" line="590" />
        <source>Engineer on site</source>
        <translation>维修人员到场</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="211" />
        <source>Record the engineer's arrival</source>
        <translation>登记维修人员到场</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="214" />
        <source>Work completed</source>
        <translation>维修完工</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="214" />
        <source>Record the completion</source>
        <translation>登记完工</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="216" />
        <source>Signed by</source>
        <translation>验收人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="217" />
        <source>Name the resident signed with</source>
        <translation>业户验收签字的姓名</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="219" />
        <source>Resident signed off</source>
        <translation>业户已验收签字</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="219" />
        <source>Record the resident's sign-off</source>
        <translation>登记业户验收签字</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="229" />
        <source>The resident's answer</source>
        <translation>业户回访意见</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="231" />
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="232" />
        <source>Fairly satisfied</source>
        <translation>基本满意</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="233" />
        <source>Dissatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="234" />
        <source>Nobody answered</source>
        <translation>无人接听</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="236" />
        <source>Record the callback</source>
        <translation>登记回访</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="238" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="239" />
        <source>Reason (reopen or cancel)</source>
        <translation>原因（返修或取消时填写）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="241" />
        <source>Reopen</source>
        <translation>返修</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="241" />
        <source>Reopen the request</source>
        <translation>重新打开报修（返修）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="244" />
        <source>Cancel the request</source>
        <translation>取消报修</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="254" />
        <source>Last action result</source>
        <translation>上一步操作结果</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="270" />
        <source>Arrival recorded.</source>
        <translation>已登记到场。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="274" />
        <source>Completion recorded: the clock stopped.</source>
        <translation>已登记完工，计时停止。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="334" />
        <source>Request %1 taken: dispatch it next.</source>
        <translation>报修 %1 已受理，请尽快派工。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="383" />
        <source>Work order %1 scanned.</source>
        <translation>已扫描派工单 %1。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="422" />
        <source>Dispatched to %1, but the printer did not print the work order: %2</source>
        <translation>已派工给%1，但派工单未打印：%2</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="428" />
        <source>Dispatched to %1; the work order is printed.</source>
        <translation>已派工给%1，派工单已打印。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="447" />
        <source>The printer did not print the work order: %1</source>
        <translation>派工单未打印：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="447" />
        <source>Work order copy printed.</source>
        <translation>派工单副本已打印。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="454" />
        <source>Sign-off recorded.</source>
        <translation>已登记业户验收签字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="462" />
        <source>Callback recorded: the request is closed.</source>
        <translation>已登记回访，报修结案。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="464" />
        <source>Call recorded: nobody answered. Try again later.</source>
        <translation>已登记：无人接听，请稍后再回访。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="495" />
        <source>Reopened under warranty: %1 is open again, its clocks from now.</source>
        <translation>保修期内返修：%1 已重新打开，时限从现在起重新计算。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="497" />
        <source>The warranty has ended: new request %1 taken for it.</source>
        <translation>已过保修期：已另行受理新报修 %1。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="503" />
        <source>Only a supervisor can cancel a repair request.</source>
        <translation>只有主管可以取消报修。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="508" />
        <source>Request cancelled; its reason is kept.</source>
        <translation>报修已取消，原因已记录。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="534" />
        <source>Take a request, choose one in the list, or scan its work order.</source>
        <translation>受理新报修，或在列表中选择一条，或扫描派工单。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="564" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="570" />
        <source>On site by</source>
        <translation>到场时限</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="571" />
        <source>Fixed by</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="573" />
        <source>Reopened under warranty (%1 times).</source>
        <translation>保修期内返修（第 %1 次）。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="575" />
        <source>Warranty until</source>
        <translation>保修期至</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="577" />
        <source>Follows request %1 (its warranty had ended).</source>
        <translation>接续报修 %1（其保修期已过）。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="579" />
        <location filename="../../kiosk/ui/console/repairs_page.py" line="595" />
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="584" />
        <source>(OVERDUE)</source>
        <translation>（已超时）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="588" />
        <source>Taken</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="589" />
        <source>Dispatched</source>
        <translation>派工</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="591" />
        <source>Completed</source>
        <translation>完工</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="592" />
        <source>Signed off by the resident</source>
        <translation>业户验收签字</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="593" />
        <source>Callback</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="594" />
        <source>Reopened under warranty</source>
        <translation>保修期内返修</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="596" />
        <source>Overdue: the duty supervisor was alerted</source>
        <translation>超时：已通知值班主管</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="601" />
        <source>on-site deadline</source>
        <translation>到场时限</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="603" />
        <source>repair deadline</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="610" />
        <source>nobody answered</source>
        <translation>无人接听</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="618" />
        <source>Request %1 cannot take this step now: it is %2.</source>
        <translation>报修 %1 目前不能办理这一步：状态为“%2”。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="620" />
        <source>Please enter the unit, e.g. 2-104.</source>
        <translation>请输入房号，例如 2-104。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="621" />
        <source>Please enter the unit as building-room, e.g. 2-104.</source>
        <translation>请按“楼栋-房号”输入，例如 2-104。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="622" />
        <source>Please enter the caller's name.</source>
        <translation>请输入报修人姓名。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="623" />
        <source>The caller's name is too long: at most %1 characters.</source>
        <translation>报修人姓名过长：最多 %1 个字符。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="624" />
        <source>Please enter a phone number to call back.</source>
        <translation>请输入回访电话。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="625" />
        <source>Please enter a phone number of 7 to 15 digits.</source>
        <translation>请输入 7 至 15 位数字的电话号码。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="627" />
        <source>Ask who is calling: after the warranty, or once the caller's details are no longer kept, a reopen needs the caller's name again.</source>
        <translation>请询问报修人姓名：已过保修期或报修人信息已删除的报修，返修时须重新登记报修人。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="631" />
        <source>Ask for a number to call back: after the warranty, or once the caller's details are no longer kept, a reopen needs the phone again.</source>
        <translation>请询问回访电话：已过保修期或报修人信息已删除的报修，返修时须重新登记联系电话。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="634" />
        <source>Please say what is broken.</source>
        <translation>请填写报修内容。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="635" />
        <source>Please describe it in at most %1 characters.</source>
        <translation>报修内容最多 %1 个字符。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="636" />
        <source>Where: at most %1 characters.</source>
        <translation>维修部位最多 %1 个字符。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="637" />
        <source>The contractor's name is too long: at most %1 characters.</source>
        <translation>维修单位名称过长：最多 %1 个字符。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="638" />
        <source>The engineer's name is too long: at most %1 characters.</source>
        <translation>维修人员姓名过长：最多 %1 个字符。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="639" />
        <source>Please enter the name the resident signed with.</source>
        <translation>请输入业户验收签字的姓名。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="640" />
        <source>Please give the reason.</source>
        <translation>请填写原因。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="641" />
        <source>Please keep the reason under %1 characters.</source>
        <translation>原因请不要超过 %1 个字符。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="642" />
        <source>Please keep the note under %1 characters.</source>
        <translation>备注请不要超过 %1 个字符。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="643" />
        <source>This repair request does not exist.</source>
        <translation>没有这条报修记录。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="644" />
        <source>This request has no work order yet: dispatch it first.</source>
        <translation>这条报修尚未派工，没有派工单，请先派工。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="645" />
        <source>This is not a work order's code.</source>
        <translation>这不是派工单上的二维码。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="646" />
        <source>Search by request number (BX000001) or unit (2-104).</source>
        <translation>请按报修单号（如 BX000001）或房号（如 2-104）查询。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/repairs_page.py" line="647" />
        <source>Your role cannot do this. Ask a supervisor.</source>
        <translation>您的角色无权执行此操作，请联系主管。</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../../kiosk/ui/kiosk/steps.py" line="531" />
        <source>Please check</source>
        <translation>请核对</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/steps.py" line="532" />
        <source>Your check-in details</source>
        <translation>您的登记信息</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/steps.py" line="533" />
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/steps.py" line="534" />
        <source>Submit check-in</source>
        <translation>提交登记</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/steps.py" line="543" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/steps.py" line="544" />
        <source>Company</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/steps.py" line="546" />
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/steps.py" line="547" />
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/steps.py" line="548" />
        <source>Visiting</source>
        <translation>被访人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/steps.py" line="549" />
        <source>Purpose</source>
        <translation>事由</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/steps.py" line="550" />
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/steps.py" line="553" />
        <source>Access permit</source>
        <translation>出入证</translation>
    </message>
</context>
<context>
    <name>RosterExport</name>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="539" />
        <source>Duty roster</source>
        <translation>大堂助理值班表</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="540" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="541" />
        <source>Shifts</source>
        <translation>班次</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="542" />
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="543" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="544" />
        <source>Drafted by</source>
        <translation>编制人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="545" />
        <source>Submitted by</source>
        <translation>提交人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="546" />
        <source>Approved by</source>
        <translation>审批人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="547" />
        <source>Roster</source>
        <translation>值班表</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="548" />
        <source>Swaps</source>
        <translation>换班记录</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="549" />
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="550" />
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="551" />
        <source>From</source>
        <translation>原值班人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="552" />
        <source>To</source>
        <translation>接替人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="553" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="554" />
        <source>Agreed by</source>
        <translation>同意人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="555" />
        <source>Recorded by</source>
        <translation>登记人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="556" />
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="557" />
        <source>submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="558" />
        <source>approved</source>
        <translation>已审批</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="559" />
        <source>none</source>
        <translation>未编制</translation>
    </message>
</context>
<context>
    <name>RosterGrid</name>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="58" />
        <source>Mon</source>
        <translation>一</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="59" />
        <source>Tue</source>
        <translation>二</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="60" />
        <source>Wed</source>
        <translation>三</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="61" />
        <source>Thu</source>
        <translation>四</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="62" />
        <source>Fri</source>
        <translation>五</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="63" />
        <source>Sat</source>
        <translation>六</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="64" />
        <source>Sun</source>
        <translation>日</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="149" />
        <source>Swapped: planned for %1</source>
        <translation>已换班：原排 %1</translation>
    </message>
</context>
<context>
    <name>RosterPage</name>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="71" />
        <source>%1: no roster drafted yet.</source>
        <translation>%1：尚未编制值班表。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="76" />
        <source>%1: draft by %2.</source>
        <translation>%1：草稿，编制人 %2。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="81" />
        <source>Sent back: %1</source>
        <translation>已退回：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="87" />
        <source>%1: submitted by %2, waiting for another supervisor's approval.</source>
        <translation>%1：%2 已提交，等待另一位主管审批。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="95" />
        <source>%1: approved by %2 on %3.</source>
        <translation>%1：%2 已于 %3 批准。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="101" />
        <source>%1 swaps since.</source>
        <translation>此后换班 %1 次。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="186" />
        <source>Month of the roster</source>
        <translation>值班表月份</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="194" />
        <source>Where the roster stands</source>
        <translation>值班表状态</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="197" />
        <source>Export Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="197" />
        <source>Export the month's roster</source>
        <translation>导出本月值班表</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="207" />
        <source>The month's roster: one row a person, one column a day</source>
        <translation>本月值班表：每行一人，每列一天</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="217" />
        <source>The shifts and their hours</source>
        <translation>班次及时间</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="220" />
        <source>Draft (shift leader)</source>
        <translation>编制（领班）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="225" />
        <source>Off</source>
        <translation>休</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="225" />
        <source>Selected cells: off that day</source>
        <translation>所选格子：当天休息</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="228" />
        <source>Selected cells:</source>
        <translation>所选格子：</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="234" />
        <source>Copy last month's pattern</source>
        <translation>沿用上月排班</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="235" />
        <source>Fill the month from last month's roster, four weeks back</source>
        <translation>按上月值班表（四周前）排满本月</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="238" />
        <source>Repeat the first week</source>
        <translation>按第一周重复</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="239" />
        <source>Fill days 8 onward from the month's first seven days</source>
        <translation>8日起按本月前七天重复排班</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="242" />
        <source>Submit for approval</source>
        <translation>提交审批</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="244" />
        <source>Submit the roster to the supervisor</source>
        <translation>将值班表报客服主管审批</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="255" />
        <source>Approval (supervisor)</source>
        <translation>审批（客服主管）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="258" />
        <source>Approving supervisor's staff number</source>
        <translation>审批主管工号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="260" />
        <source>Another supervisor (empty: you)</source>
        <translation>其他主管工号（留空：本人）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="261" />
        <source>Approving supervisor's PIN</source>
        <translation>审批主管 PIN</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="263" />
        <location filename="../../kiosk/ui/console/roster_page.py" line="292" />
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="265" />
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="265" />
        <source>Approve the roster</source>
        <translation>批准值班表</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="267" />
        <source>Why it goes back</source>
        <translation>退回原因</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="268" />
        <source>What to change</source>
        <translation>需修改之处</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="270" />
        <source>Send back to draft</source>
        <translation>退回修改</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="270" />
        <source>Send the roster back to draft</source>
        <translation>将值班表退回修改</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="283" />
        <source>Swap a shift (approved roster)</source>
        <translation>换班（已审批的值班表）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="285" />
        <source>Who takes the shift</source>
        <translation>接替人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="286" />
        <source>Why the shift is swapped</source>
        <translation>换班原因</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="287" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="288" />
        <source>Agreeing supervisor</source>
        <translation>同意换班的主管</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="289" />
        <source>Supervisor (empty: you)</source>
        <translation>主管工号（留空：本人）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="290" />
        <source>Agreeing supervisor's PIN</source>
        <translation>同意换班的主管 PIN</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="294" />
        <source>Record swap</source>
        <translation>登记换班</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="296" />
        <source>Give the selected cell's shift to another person</source>
        <translation>将所选格子的班次交给另一人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="299" />
        <source>Selected cell to:</source>
        <translation>所选格子交给：</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="308" />
        <source>Last action result</source>
        <translation>上一操作结果</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="363" />
        <source>Selected cells: %1</source>
        <translation>所选格子：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="414" />
        <source>Select the cells first: a person's days in the grid.</source>
        <translation>请先在表中选择格子（某人的若干天）。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="420" />
        <source>%1 cells saved in the draft.</source>
        <translation>已在草稿中保存 %1 格。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="426" />
        <source>Filled from last month's pattern: check it, then edit the cells.</source>
        <translation>已沿用上月排班：请核对，再逐格修改。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="428" />
        <source>The first week repeated over the month: check it, then edit the cells.</source>
        <translation>已按第一周排满本月：请核对，再逐格修改。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="434" />
        <source>Submitted: another supervisor approves it.</source>
        <translation>已提交：须由另一位主管审批。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="440" />
        <source>Approved: the roster is in force.</source>
        <translation>已批准：值班表生效。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="444" />
        <source>Sent back to draft.</source>
        <translation>已退回修改。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="449" />
        <source>Select the one cell whose shift is swapped.</source>
        <translation>请只选择要换班的那一格。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="464" />
        <source>Swap recorded for %1.</source>
        <translation>已登记 %1 的换班。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="471" />
        <source>Export the duty roster</source>
        <translation>导出值班表</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="473" />
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="489" />
        <source>Exported the duty roster to %1.</source>
        <translation>值班表已导出到 %1。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="492" />
        <source>Exporting the duty roster (KB received)</source>
        <translation>正在导出值班表（已接收 KB）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="501" />
        <source>%3 shifts have fewer than %4 people, the first on %1 (%2). Fill them first.</source>
        <translation>有 %3 个班次不足 %4 人，第一个是 %1（%2）。请先排满。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="503" />
        <source>The roster is still a draft: submit it first.</source>
        <translation>值班表仍是草稿：请先提交。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="504" />
        <source>The roster is submitted: send it back to draft to change it.</source>
        <translation>值班表已提交：如需修改，请先退回。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="505" />
        <source>The roster is approved and frozen: record a swap instead.</source>
        <translation>值班表已审批，不能再改：请登记换班。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="506" />
        <source>No roster is drafted for this month.</source>
        <translation>本月尚未编制值班表。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="507" />
        <source>%1's shift on %2 runs into their next day's shift.</source>
        <translation>%1 在 %2 的班次与次日班次时间重叠。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="508" />
        <source>At most %1 cells at once.</source>
        <translation>每次最多 %1 格。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="509" />
        <source>“%1” is not one of the site's shifts.</source>
        <translation>“%1”不是本楼的班次。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="510" />
        <source>That day is not in %1.</source>
        <translation>该日期不在 %1 内。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="511" />
        <source>That day is over: only today and later days are swapped.</source>
        <translation>该日已过：只能为今天及以后换班。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="512" />
        <source>That month is over: its roster is not changed any more.</source>
        <translation>该月已过：其值班表不能再改。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="513" />
        <source>A roster is drawn up at most %1 months ahead.</source>
        <translation>值班表最多提前 %1 个月编制。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="515" />
        <source>There is nothing to copy: fill the first week, or last month's roster.</source>
        <translation>没有可沿用的排班：请先排好第一周，或上月值班表。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="518" />
        <source>Only active receptionists and supervisors are on the roster.</source>
        <translation>值班表只排在职的前台和主管。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="520" />
        <source>Your role cannot do this. Ask a supervisor.</source>
        <translation>您的角色无权执行此操作，请联系主管。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="522" />
        <source>The supervisor who submitted the roster does not approve it: another supervisor signs.</source>
        <translation>提交值班表的主管不能自行审批：须由另一位主管签字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="524" />
        <source>Only a supervisor can agree to this.</source>
        <translation>只有主管可以同意。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="525" />
        <source>The selected person has no shift that day.</source>
        <translation>所选人员当天没有班次。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="527" />
        <source>They already work that day (%1): choose someone who is off.</source>
        <translation>此人当天已有班次（%1）：请选择当天休息的人。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="529" />
        <source>The shift would run into their shift of %1.</source>
        <translation>该班次会与其 %1 的班次时间重叠。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="530" />
        <source>Write the reason.</source>
        <translation>请填写原因。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/roster_page.py" line="531" />
        <source>The reason has at most %1 characters.</source>
        <translation>原因最多 %1 个字。</translation>
    </message>
</context>
<context>
    <name>ServerWaitWindow</name>
    <message>
        <location filename="../../kiosk/ui/common/server_wait.py" line="31" />
        <source>Waiting for the site server</source>
        <translation>正在等待站点服务器</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/server_wait.py" line="39" />
        <source>Lobby Kiosk</source>
        <translation>大堂访客自助终端</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/server_wait.py" line="61" />
        <source>This station cannot reach its site server (%1) just now. Please see the front desk.

It keeps trying and opens by itself once the server answers.</source>
        <translation>本机暂时无法连接站点服务器（%1），请到前台办理。

本机会继续重试，服务器恢复后自动打开。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/server_wait.py" line="65" />
        <source>Next try in %1 s.</source>
        <translation>%1 秒后重试。</translation>
    </message>
</context>
<context>
    <name>SetsModel</name>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="130" />
        <source>Tag</source>
        <translation>钥匙牌</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="130" />
        <source>Opens</source>
        <translation>开启</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="130" />
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="130" />
        <source>At the desk</source>
        <translation>在前台</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="130" />
        <source>Kept at</source>
        <translation>存放位置</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/key_loans_page.py" line="145" />
        <source>Retired: %1</source>
        <translation>已停用：%1</translation>
    </message>
</context>
<context>
    <name>ShortfallTableModel</name>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="210" />
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="210" />
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="210" />
        <source>Title</source>
        <translation>报刊名称</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="210" />
        <source>What</source>
        <translation>情况</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="210" />
        <source>State</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <location filename="../../kiosk/ui/console/sign_in.py" line="31" />
        <location filename="../../kiosk/ui/console/sign_in.py" line="41" />
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/sign_in.py" line="34" />
        <location filename="../../kiosk/ui/console/sign_in.py" line="35" />
        <source>Staff number</source>
        <translation>员工号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/sign_in.py" line="36" />
        <location filename="../../kiosk/ui/console/sign_in.py" line="37" />
        <source>PIN or password</source>
        <translation>PIN 或密码</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/sign_in.py" line="44" />
        <source>Why signing in failed</source>
        <translation>登录失败原因</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/sign_in.py" line="47" />
        <source>Print the evacuation list (this desk's last copy)</source>
        <translation>打印疏散名单（本机最近的副本）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/sign_in.py" line="49" />
        <source>Print the evacuation list from this desk's last copy</source>
        <translation>从本机最近的副本打印疏散名单</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/sign_in.py" line="54" />
        <source>The evacuation list</source>
        <translation>疏散名单</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/sign_in.py" line="55" />
        <source>Demo accounts</source>
        <translation>演示账号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/sign_in.py" line="72" />
        <source>Desk console: sign in</source>
        <translation>前台控制台：登录</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/sign_in.py" line="80" />
        <source>Locked after inactivity: enter your PIN to continue</source>
        <translation>长时间无操作已锁定：请输入 PIN 继续</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/sign_in.py" line="130" />
        <source>Evacuation list printed on %1: %n on site.</source>
        <translation>疏散名单已在%1打印：在场 %n 人。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/sign_in.py" line="138" />
        <source>This desk has no copy of the evacuation list.</source>
        <translation>本机没有疏散名单的副本。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/sign_in.py" line="141" />
        <source>NOT printed: %1.</source>
        <translation>未打印：%1。</translation>
    </message>
</context>
<context>
    <name>SignedInShell</name>
    <message>
        <location filename="../../kiosk/ui/console/shell.py" line="61" />
        <source>Demo mode: sign in as %1 with PIN %2.</source>
        <translation>演示模式：可用 %1 登录，PIN 为 %2。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/shell.py" line="63" />
        <source>Signed-in staff member</source>
        <translation>当前登录的员工</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/shell.py" line="65" />
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
</context>
<context>
    <name>SlipTableModel</name>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="79" />
        <source>Slip</source>
        <translation>放行条</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="80" />
        <source>Issued</source>
        <translation>开具时间</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="81" />
        <source>Unit</source>
        <translation>房号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="82" />
        <source>Holder</source>
        <translation>持条人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="83" />
        <source>Items</source>
        <translation>物品</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="84" />
        <source>Issued by</source>
        <translation>开具人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="85" />
        <source>State</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>SlipVerifyPage</name>
    <message>
        <location filename="../../kiosk/ui/console/slip_verify_page.py" line="40" />
        <source>Scan the release slip's QR code</source>
        <translation>扫描放行条上的二维码</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/slip_verify_page.py" line="36" />
        <source>Slip code</source>
        <translation>放行条编码</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/slip_verify_page.py" line="37" />
        <source>Scan, or type the code under the QR</source>
        <translation>扫描，或输入二维码下方的编码</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/slip_verify_page.py" line="38" />
        <source>Check</source>
        <translation>核验</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/slip_verify_page.py" line="38" />
        <source>Check the slip code</source>
        <translation>核验放行条编码</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/slip_verify_page.py" line="45" />
        <source>What the slip is</source>
        <translation>核验结果</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/slip_verify_page.py" line="42" />
        <source>Slip details</source>
        <translation>放行条详情</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/slip_verify_page.py" line="43" />
        <source>Items on the slip</source>
        <translation>放行条上的物品</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/slip_verify_page.py" line="49" />
        <source>Goods match: let them out</source>
        <translation>物品相符：放行</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/slip_verify_page.py" line="49" />
        <source>Mark the slip released</source>
        <translation>将放行条标记为已放行</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/slip_verify_page.py" line="52" />
        <source>What does not match</source>
        <translation>不符之处</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/slip_verify_page.py" line="53" />
        <source>What does not match (optional)</source>
        <translation>不符之处（可不填）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/slip_verify_page.py" line="55" />
        <source>Goods do not match: void the slip</source>
        <translation>物品不符：作废放行条</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/slip_verify_page.py" line="57" />
        <source>Void the slip and send the person back to the office</source>
        <translation>作废放行条，请其回管理处重新开具</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/slip_verify_page.py" line="92" />
        <source>Cannot verify: the server does not answer. Do not let the goods out yet; call the desk.</source>
        <translation>无法核验：服务器无响应。请勿放行，请联系前台。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/slip_verify_page.py" line="108" />
        <source>INVALID: this is not a release slip of this building, or it has been altered. Do not let the goods out; call the office.</source>
        <translation>无效：这不是本楼的放行条，或已被改动。请勿放行物品，并联系管理处。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/slip_verify_page.py" line="117" />
        <source>Valid slip %1. Check the goods against the list.</source>
        <translation>放行条 %1 有效。请对照清单核对物品。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/slip_verify_page.py" line="130" />
        <source>EXPIRED: slip %1 was valid until %2. Do not let the goods out; the holder asks the office for a new slip.</source>
        <translation>已过期：放行条 %1 的有效期至 %2。请勿放行物品，请持条人到管理处重新开具。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/slip_verify_page.py" line="140" />
        <source>ALREADY USED: slip %1 was released on %2 by %3.</source>
        <translation>已使用：放行条 %1 已于 %2 由 %3 放行。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/slip_verify_page.py" line="142" />
        <source>VOIDED: slip %1 was voided on %2 by %3. Send the person back to the office.</source>
        <translation>已作废：放行条 %1 已于 %2 由 %3 作废。请其回管理处办理。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/slip_verify_page.py" line="157" />
        <source>%1 is only the slip number. Type the whole code printed under the QR: the slip number and the 8 letters and digits after it.</source>
        <translation>%1 只是放行条编号。请输入二维码下方的完整编码：编号及其后的 8 位字母和数字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/slip_verify_page.py" line="161" />
        <source>The code %1 does not match. Compare it with the code under the QR and type it again. If it still does not match, do not let the goods out; call the office.</source>
        <translation>编码 %1 不符。请对照二维码下方的编码重新输入；仍然不符的，请勿放行物品，并联系管理处。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/slip_verify_page.py" line="176" />
        <source>Owner</source>
        <translation>业主</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/slip_verify_page.py" line="176" />
        <source>Tenant</source>
        <translation>租户</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/slip_verify_page.py" line="179" />
        <source>Unit %1 · %2 %3 · issued %4 by %5</source>
        <translation>房号 %1 · %2 %3 · %5 于 %4 开具</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/slip_verify_page.py" line="217" />
        <source>Released: slip %1 is now used up.</source>
        <translation>已放行：放行条 %1 已使用。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/slip_verify_page.py" line="220" />
        <source>Slip %1 voided. Send the person back to the office for a new slip.</source>
        <translation>放行条 %1 已作废。请其回管理处重新开具放行条。</translation>
    </message>
</context>
<context>
    <name>StaffExitPage</name>
    <message>
        <location filename="../../kiosk/ui/kiosk/staff_exit.py" line="60" />
        <source>Staff only: leave kiosk mode</source>
        <translation>仅限工作人员：退出自助模式</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/staff_exit.py" line="61" />
        <location filename="../../kiosk/ui/kiosk/staff_exit.py" line="62" />
        <source>Staff number</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/staff_exit.py" line="63" />
        <location filename="../../kiosk/ui/kiosk/staff_exit.py" line="64" />
        <source>PIN</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/staff_exit.py" line="65" />
        <source>What to fix</source>
        <translation>需要修改的地方</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/staff_exit.py" line="66" />
        <location filename="../../kiosk/ui/kiosk/staff_exit.py" line="67" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/staff_exit.py" line="68" />
        <location filename="../../kiosk/ui/kiosk/staff_exit.py" line="69" />
        <source>Leave kiosk mode</source>
        <translation>退出自助模式</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <location filename="../../kiosk/ui/console/staff_page.py" line="56" />
        <source>Staff accounts</source>
        <translation>员工账号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/staff_page.py" line="61" />
        <location filename="../../kiosk/ui/console/staff_page.py" line="71" />
        <source>Staff No.</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/staff_page.py" line="62" />
        <location filename="../../kiosk/ui/console/staff_page.py" line="72" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/staff_page.py" line="63" />
        <location filename="../../kiosk/ui/console/staff_page.py" line="73" />
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/staff_page.py" line="66" />
        <location filename="../../kiosk/ui/console/staff_page.py" line="74" />
        <source>PIN or password</source>
        <translation>PIN 或密码</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/staff_page.py" line="67" />
        <location filename="../../kiosk/ui/console/staff_page.py" line="75" />
        <source>PIN again</source>
        <translation>再次输入 PIN</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/staff_page.py" line="80" />
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/staff_page.py" line="80" />
        <source>Add a staff account</source>
        <translation>添加员工账号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/staff_page.py" line="82" />
        <source>Save name and role</source>
        <translation>保存姓名和角色</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/staff_page.py" line="84" />
        <source>Save the selected account's name and role</source>
        <translation>保存所选账号的姓名和角色</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/staff_page.py" line="87" />
        <source>Set new PIN</source>
        <translation>设置新 PIN</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/staff_page.py" line="87" />
        <source>Set a new PIN for the selected account</source>
        <translation>为所选账号设置新 PIN</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/staff_page.py" line="90" />
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/staff_page.py" line="90" />
        <source>Lift the selected account's lock-out</source>
        <translation>解除所选账号的锁定</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/staff_page.py" line="93" />
        <source>Deactivate / reactivate</source>
        <translation>停用 / 启用</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/staff_page.py" line="95" />
        <source>Deactivate or reactivate the selected account</source>
        <translation>停用或重新启用所选账号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/staff_page.py" line="105" />
        <source>Last action result</source>
        <translation>上一步操作结果</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/staff_page.py" line="152" />
        <source>The two PINs differ. Please type them again.</source>
        <translation>两次输入的 PIN 不一致，请重新输入。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/staff_page.py" line="185" />
        <source>Account %1 added.</source>
        <translation>账号 %1 已添加。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/staff_page.py" line="191" />
        <source>Select an account in the table first.</source>
        <translation>请先在表格中选择一个账号。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/staff_page.py" line="201" />
        <source>Account %1 saved.</source>
        <translation>账号 %1 已保存。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/staff_page.py" line="209" />
        <source>New PIN set for %1; the account is unlocked.</source>
        <translation>已为 %1 设置新 PIN，账号已解锁。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/staff_page.py" line="217" />
        <source>Account %1 unlocked.</source>
        <translation>账号 %1 已解锁。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/staff_page.py" line="224" />
        <source>Account %1 deactivated: it can no longer sign in.</source>
        <translation>账号 %1 已停用：不能再登录。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/staff_page.py" line="226" />
        <source>Account %1 reactivated.</source>
        <translation>账号 %1 已重新启用。</translation>
    </message>
</context>
<context>
    <name>StaffTableModel</name>
    <message>
        <location filename="../../kiosk/ui/console/staff_page.py" line="31" />
        <source>Staff No.</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/staff_page.py" line="31" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/staff_page.py" line="31" />
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/staff_page.py" line="31" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/staff_page.py" line="39" />
        <source>Deactivated</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/staff_page.py" line="42" />
        <source>Locked until %1</source>
        <translation>锁定至 %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/staff_page.py" line="44" />
        <source>Active</source>
        <translation>正常</translation>
    </message>
</context>
<context>
    <name>StatementTableModel</name>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="118" />
        <source>Courier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="118" />
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="118" />
        <source>Items</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/courier_page.py" line="118" />
        <source>Cost</source>
        <translation>费用</translation>
    </message>
</context>
<context>
    <name>StationsPage</name>
    <message>
        <location filename="../../kiosk/ui/console/stations_page.py" line="36" />
        <source>Kiosk</source>
        <translation>自助终端</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/stations_page.py" line="37" />
        <source>Desk console</source>
        <translation>前台控制台</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/stations_page.py" line="38" />
        <source>Guard screen</source>
        <translation>护卫岗屏幕</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/stations_page.py" line="82" />
        <source>Stations</source>
        <translation>终端列表</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/stations_page.py" line="86" />
        <location filename="../../kiosk/ui/console/stations_page.py" line="92" />
        <source>Station name</source>
        <translation>终端名称</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/stations_page.py" line="88" />
        <source>e.g. kiosk-lobby-2</source>
        <translation>例如：kiosk-lobby-2</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/stations_page.py" line="89" />
        <location filename="../../kiosk/ui/console/stations_page.py" line="93" />
        <source>Role</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/stations_page.py" line="97" />
        <source>Add station</source>
        <translation>添加终端</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/stations_page.py" line="97" />
        <source>Add a station and show its enrolment code</source>
        <translation>添加终端并显示其登记码</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/stations_page.py" line="100" />
        <location filename="../../kiosk/ui/console/stations_page.py" line="211" />
        <source>Revoke</source>
        <translation>注销</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/stations_page.py" line="100" />
        <source>Revoke the selected station at once</source>
        <translation>立即注销所选终端</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/stations_page.py" line="105" />
        <source>Enrolment code</source>
        <translation>登记码</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/stations_page.py" line="109" />
        <source>How to use the enrolment code</source>
        <translation>登记码使用说明</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/stations_page.py" line="112" />
        <source>Last action result</source>
        <translation>上一步操作结果</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/stations_page.py" line="177" />
        <source>Enrolment code for %1, good once until %2. On the new station, run “kiosk enrol” with this server's address and this code.</source>
        <translation>%1 的登记码，仅可使用一次，有效至 %2。请在新终端上运行“kiosk enrol”，并输入本服务器地址和此登记码。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/stations_page.py" line="183" />
        <source>Station %1 added: enrol it within ten minutes.</source>
        <translation>已添加终端 %1，请在十分钟内完成登记。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/stations_page.py" line="192" />
        <source>Select a station in the table first.</source>
        <translation>请先在表格中选择一个终端。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/stations_page.py" line="195" />
        <source>Station %1 is revoked already.</source>
        <translation>终端 %1 已经注销。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/stations_page.py" line="200" />
        <source>This is the station you are using: revoke it from another desk or on the server.</source>
        <translation>这是您正在使用的终端，请在其他前台或在服务器上注销。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/stations_page.py" line="204" />
        <source>Revoke %1 (%2)? It stops working at once: anyone signed in there is signed out, and it needs a new enrolment code to be used again.</source>
        <translation>注销 %1（%2）？该终端将立即停用，在其上登录的人员将被退出登录；如需再次使用，须重新获取登记码。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/stations_page.py" line="209" />
        <source>Revoke a station</source>
        <translation>注销终端</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/stations_page.py" line="216" />
        <source>Station %1 revoked.</source>
        <translation>终端 %1 已注销。</translation>
    </message>
</context>
<context>
    <name>StationsTableModel</name>
    <message>
        <location filename="../../kiosk/ui/console/stations_page.py" line="45" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/stations_page.py" line="45" />
        <source>Role</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/stations_page.py" line="45" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/stations_page.py" line="45" />
        <source>Last seen</source>
        <translation>最后在线</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/stations_page.py" line="45" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/stations_page.py" line="54" />
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/stations_page.py" line="59" />
        <source>Revoked</source>
        <translation>已注销</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/stations_page.py" line="61" />
        <source>Enrolled</source>
        <translation>已登记</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/stations_page.py" line="63" />
        <source>Waiting for enrolment</source>
        <translation>等待登记</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/stations_page.py" line="65" />
        <source>%1 (this station)</source>
        <translation>%1（本终端）</translation>
    </message>
</context>
<context>
    <name>StepPage</name>
    <message>
        <location filename="../../kiosk/ui/kiosk/base.py" line="130" />
        <source>Step %1 of %2</source>
        <translation>第 %1 步，共 %2 步</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/base.py" line="132" />
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/base.py" line="133" />
        <source>What to fix</source>
        <translation>需要修改的地方</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/base.py" line="134" />
        <location filename="../../kiosk/ui/kiosk/base.py" line="135" />
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/base.py" line="136" />
        <location filename="../../kiosk/ui/kiosk/base.py" line="137" />
        <source>Next</source>
        <translation>下一步</translation>
    </message>
</context>
<context>
    <name>StepsTableModel</name>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="173" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="173" />
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="173" />
        <source>Step</source>
        <translation>环节</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="173" />
        <source>What was done</source>
        <translation>处理情况</translation>
    </message>
</context>
<context>
    <name>SubscriptionTableModel</name>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="244" />
        <source>Unit</source>
        <translation>房号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="245" />
        <source>Title</source>
        <translation>报刊名称</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="246" />
        <source>Frequency</source>
        <translation>刊期</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="247" />
        <source>Days</source>
        <translation>投递日</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="248" />
        <source>Copies</source>
        <translation>份数</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="249" />
        <source>From</source>
        <translation>起订</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="250" />
        <source>To</source>
        <translation>止订</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/newspapers_page.py" line="265" />
        <source>(stopped)</source>
        <translation>（已停订）</translation>
    </message>
</context>
<context>
    <name>ThankYouPage</name>
    <message>
        <location filename="../../kiosk/ui/kiosk/check_out.py" line="131" />
        <source>Thank you for your visit</source>
        <translation>感谢您的来访</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/check_out.py" line="132" />
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/check_out.py" line="134" />
        <source>You are checked out. Please leave your badge in the box at the desk. Goodbye!</source>
        <translation>您已签离。请将访客证投入前台的回收箱。再见！</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/check_out.py" line="136" />
        <source>What to do next</source>
        <translation>下一步</translation>
    </message>
</context>
<context>
    <name>VisitorLogDetail</name>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_detail.py" line="24" />
        <source>Kiosk</source>
        <translation>自助终端</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_detail.py" line="36" />
        <source>Visiting %1 (%2)</source>
        <translation>被访：%1（%2）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_detail.py" line="41" />
        <source>, resident %1</source>
        <translation>，住户 %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_detail.py" line="47" />
        <source>Registered by %1 · purpose %2 · badge %3</source>
        <translation>登记人 %1 · 事由 %2 · 访客证 %3</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_detail.py" line="53" />
        <source>Calls:</source>
        <translation>通话记录：</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_detail.py" line="56" />
        <source>No call recorded.</source>
        <translation>尚无通话记录。</translation>
    </message>
</context>
<context>
    <name>VisitorLogPage</name>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="137" />
        <source>Visitor log views</source>
        <translation>来访记录视图</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="139" />
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="200" />
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="140" />
        <source>Daily statistics</source>
        <translation>每日统计</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="141" />
        <source>Last action result</source>
        <translation>上一步操作结果</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="151" />
        <source>Visitor</source>
        <translation>访客</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="152" />
        <source>Contractor</source>
        <translation>施工 / 装修</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="153" />
        <source>Delivery</source>
        <translation>送货 / 快递</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="154" />
        <source>Interview</source>
        <translation>面试</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="155" />
        <source>Government</source>
        <translation>政府人员</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="156" />
        <source>IDC machine room</source>
        <translation>IDC机房</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="157" />
        <source>Waiting</source>
        <translation>等待确认</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="158" />
        <source>Held</source>
        <translation>已拦截</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="159" />
        <source>Declined</source>
        <translation>已谢绝</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="160" />
        <source>On site</source>
        <translation>在场</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="161" />
        <source>Left</source>
        <translation>已离开</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="174" />
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="188" />
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="176" />
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="189" />
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="177" />
        <source>Visitor name</source>
        <translation>访客姓名</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="178" />
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="193" />
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="438" />
        <source>Company</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="179" />
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="194" />
        <source>Host or department</source>
        <translation>被访人或部门</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="180" />
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="191" />
        <source>Last four of the ID</source>
        <translation>证件号后四位</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="182" />
        <source>Visitor type</source>
        <translation>来访类型</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="183" />
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="190" />
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="439" />
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="192" />
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="437" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="200" />
        <source>Search the log</source>
        <translation>查询来访记录</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="209" />
        <source>Visits found</source>
        <translation>查到的来访</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="212" />
        <source>The visit chosen</source>
        <translation>所选来访</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="219" />
        <source>Previous page</source>
        <translation>上一页</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="221" />
        <source>Next page</source>
        <translation>下一页</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="222" />
        <source>Page</source>
        <translation>页码</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="224" />
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="224" />
        <source>Export the result to CSV</source>
        <translation>将结果导出为 CSV</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="227" />
        <source>Export Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="227" />
        <source>Export the result to Excel</source>
        <translation>将结果导出为 Excel</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="234" />
        <source>Only supervisors can export the visitor log.</source>
        <translation>仅主管可以导出来访记录。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="236" />
        <source>Why export is not available</source>
        <translation>无法导出的原因</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="254" />
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="258" />
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="256" />
        <source>Show statistics</source>
        <translation>显示统计</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="256" />
        <source>Show the day's statistics</source>
        <translation>显示当天统计</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="263" />
        <source>The day in figures</source>
        <translation>当天数据</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="267" />
        <source>Visits per hour</source>
        <translation>每小时来访量</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="315" />
        <source>The last day is before the first day.</source>
        <translation>结束日期早于开始日期。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="316" />
        <source>Search at most {max} days at a time.</source>
        <translation>每次最多查询 {max} 天。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="317" />
        <source>Type the last four characters of the ID number.</source>
        <translation>请输入证件号码的后四位。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="318" />
        <source>The last four of an ID number are digits or letters.</source>
        <translation>证件号码后四位只能是数字或字母。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="319" />
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="335" />
        <source>Only a supervisor can export the visitor log.</source>
        <translation>只有主管可以导出来访记录。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="323" />
        <source>That is too long to search for (at most {max} characters).</source>
        <translation>查询内容过长（最多 {max} 个字符）。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="400" />
        <source>No visits match.</source>
        <translation>没有符合条件的来访。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="402" />
        <source>%n visit(s) on this page.</source>
        <translation>
            <numerusform>本页 %n 条来访。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="406" />
        <source>Page %1</source>
        <translation>第 %1 页</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="425" />
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="425" />
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="426" />
        <source>Export the visitor log</source>
        <translation>导出来访记录</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="433" />
        <source>Visit</source>
        <translation>来访编号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="434" />
        <source>Arrived</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="435" />
        <source>Time in</source>
        <translation>到访时间</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="436" />
        <source>Time out</source>
        <translation>离开时间</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="440" />
        <source>Host</source>
        <translation>被访人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="441" />
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="442" />
        <source>ID document</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="443" />
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="444" />
        <source>Purpose</source>
        <translation>事由</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="445" />
        <source>Badge</source>
        <translation>访客证</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="446" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="447" />
        <source>Registered by</source>
        <translation>登记人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="448" />
        <source>Calls</source>
        <translation>通话记录</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="450" />
        <source>Visitor log</source>
        <translation>来访记录</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="338" />
        <source>Could not save the file: %1</source>
        <translation>无法保存文件：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="467" />
        <source>Exported %1 visit(s) to %2.</source>
        <translation>已导出 %1 条来访到 %2。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="473" />
        <source>Exporting the visitor log (KB received)</source>
        <translation>正在导出来访记录（已接收 KB）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="494" />
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="506" />
        <source>Visits: %1 (%2 people)</source>
        <translation>来访：%1 次（%2 人）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="509" />
        <source>By type: %1</source>
        <translation>按类型：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="510" />
        <source>Average wait for the host: %1 (%2 decisions)</source>
        <translation>等待被访人确认的平均时间：%1（%2 次确认）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="513" />
        <source>Most on site at once: %1, at %2</source>
        <translation>同时在场最多：%1 人，时间 %2</translation>
    </message>
</context>
<context>
    <name>VisitorLogTableModel</name>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="58" />
        <source>Arrived</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="59" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="60" />
        <source>Company</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="61" />
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="62" />
        <source>Host</source>
        <translation>被访人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="63" />
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="64" />
        <source>Time in</source>
        <translation>到访时间</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="65" />
        <source>Time out</source>
        <translation>离开时间</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="66" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="67" />
        <source>Registered by</source>
        <translation>登记人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/visitor_log_page.py" line="68" />
        <source>Calls</source>
        <translation>通话记录</translation>
    </message>
</context>
<context>
    <name>VisitorTypePage</name>
    <message>
        <location filename="../../kiosk/ui/kiosk/steps.py" line="88" />
        <source>Why are you here today?</source>
        <translation>请选择来访类型</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/steps.py" line="90" />
        <source>Visiting someone</source>
        <translation>拜访人员</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/steps.py" line="91" />
        <source>Contractor / decoration work</source>
        <translation>施工 / 装修</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/steps.py" line="92" />
        <source>Delivery</source>
        <translation>送货 / 快递</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/steps.py" line="93" />
        <source>Interview</source>
        <translation>面试</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/steps.py" line="94" />
        <source>Government official</source>
        <translation>政府人员</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/steps.py" line="95" />
        <source>IDC machine-room visit</source>
        <translation>IDC机房来访</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/steps.py" line="100" />
        <source>I have an entry permit (decoration, newspaper, milk delivery)</source>
        <translation>我持有出入证（装修、送报、送奶）</translation>
    </message>
</context>
<context>
    <name>WaitingPage</name>
    <message>
        <location filename="../../kiosk/ui/kiosk/outcome.py" line="99" />
        <source>Please wait</source>
        <translation>请稍候</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/outcome.py" line="100" />
        <source>The person you are visiting</source>
        <translation>您要拜访的人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/outcome.py" line="101" />
        <source>What is happening</source>
        <translation>当前状态</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/outcome.py" line="102" />
        <source>Time waited</source>
        <translation>已等待时间</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/outcome.py" line="103" />
        <source>If nobody answers</source>
        <translation>无人应答时</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/outcome.py" line="104" />
        <source>What went wrong</source>
        <translation>出现的问题</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/outcome.py" line="105" />
        <location filename="../../kiosk/ui/kiosk/outcome.py" line="106" />
        <source>Cancel my visit</source>
        <translation>取消来访</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/outcome.py" line="109" />
        <source>Cancel your visit? Your host will no longer be asked, and you will need to check in again.</source>
        <translation>要取消来访吗？系统将不再联系被访人，如需来访须重新登记。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/outcome.py" line="112" />
        <source>Confirm cancelling</source>
        <translation>确认取消</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/outcome.py" line="113" />
        <location filename="../../kiosk/ui/kiosk/outcome.py" line="114" />
        <source>Keep waiting</source>
        <translation>继续等待</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/outcome.py" line="115" />
        <location filename="../../kiosk/ui/kiosk/outcome.py" line="116" />
        <source>Yes, cancel my visit</source>
        <translation>确定取消来访</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/outcome.py" line="123" />
        <location filename="../../kiosk/ui/kiosk/outcome.py" line="126" />
        <location filename="../../kiosk/ui/kiosk/outcome.py" line="129" />
        <source>Please wait a moment</source>
        <translation>请稍候</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/outcome.py" line="127" />
        <source>A receptionist will assist you.</source>
        <translation>前台工作人员马上为您办理。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/outcome.py" line="130" />
        <source>After hours, the duty officer confirms every visit. Please wait.</source>
        <translation>非办公时间，来访需由值班人员确认，请稍候。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/outcome.py" line="132" />
        <source>We are asking your host</source>
        <translation>正在联系被访人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/outcome.py" line="135" />
        <source>Your host has been asked to confirm your visit. You can take a seat; this screen will tell you.</source>
        <translation>已请被访人确认您的来访。您可以先坐下休息，结果会显示在这里。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/outcome.py" line="140" />
        <source>Visiting: %1</source>
        <translation>被访人：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/outcome.py" line="157" />
        <source>No answer yet: the front desk has been alerted and will help you shortly.</source>
        <translation>暂未应答：已通知前台，工作人员马上为您办理。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/outcome.py" line="160" />
        <source>If nobody has answered within %1 minutes, the front desk is alerted and will help you.</source>
        <translation>如 %1 分钟内无人应答，系统将通知前台，由前台为您办理。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/outcome.py" line="163" />
        <source>If your host has not answered within %1 minutes, the front desk is alerted and will phone your host for you.</source>
        <translation>如被访人 %1 分钟内未应答，系统将通知前台，由前台致电被访人。</translation>
    </message>
</context>
<context>
    <name>WaitingTableModel</name>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="174" />
        <source>Visitor</source>
        <translation>访客</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="175" />
        <source>Company</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="176" />
        <location filename="../../kiosk/ui/console/lobby_board.py" line="220" />
        <source>Host</source>
        <translation>被访人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="177" />
        <source>Decided by</source>
        <translation>确认人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="178" />
        <source>Waiting</source>
        <translation>已等待</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="211" />
        <source> ext. %1</source>
        <translation> 分机 %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="228" />
        <source>HOLD: watchlist, supervisor</source>
        <translation>拦截：名单人员，需主管处理</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="230" />
        <source>HOLD: ID number matches watchlist entry %1</source>
        <translation>拦截：证件号码与拦截名单第 %1 条相符</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="231" />
        <source>HOLD: name and company match watchlist entry %1</source>
        <translation>拦截：姓名和单位与拦截名单第 %1 条相符</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="232" />
        <source>HOLD: name matches watchlist entry %1</source>
        <translation>拦截：姓名与拦截名单第 %1 条相符</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="234" />
        <source>HOLD: name matches watchlist entry %1; no company given</source>
        <translation>拦截：姓名与拦截名单第 %1 条相符；访客未填单位</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="237" />
        <source>HOLD: name matches watchlist entry %1; company differs</source>
        <translation>拦截：姓名与拦截名单第 %1 条相符；单位不同</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="240" />
        <source>HOLD: name matches watchlist entry %1; ID number differs</source>
        <translation>拦截：姓名与拦截名单第 %1 条相符；证件号码不同</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/lobby_board.py" line="218" />
        <source>Duty officer (night)</source>
        <translation>值班人员（夜间）</translation>
    </message>
</context>
<context>
    <name>WalkInPage</name>
    <message>
        <location filename="../../kiosk/ui/console/walk_in_page.py" line="66" />
        <source>Register a walk-in visitor</source>
        <translation>登记来访人员</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/walk_in_page.py" line="71" />
        <source>Read ID card</source>
        <translation>读取身份证</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/walk_in_page.py" line="71" />
        <source>Read the visitor's ID card</source>
        <translation>读取访客的身份证</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/walk_in_page.py" line="75" />
        <source>ID card reader</source>
        <translation>身份证阅读器</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/walk_in_page.py" line="81" />
        <source>Visitor's name</source>
        <translation>访客姓名</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/walk_in_page.py" line="82" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/walk_in_page.py" line="83" />
        <location filename="../../kiosk/ui/console/walk_in_page.py" line="84" />
        <source>Company or unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/walk_in_page.py" line="85" />
        <location filename="../../kiosk/ui/console/walk_in_page.py" line="86" />
        <source>Mobile (optional)</source>
        <translation>手机（可不填）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/walk_in_page.py" line="87" />
        <location filename="../../kiosk/ui/console/walk_in_page.py" line="89" />
        <source>ID document</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/walk_in_page.py" line="90" />
        <location filename="../../kiosk/ui/console/walk_in_page.py" line="91" />
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/walk_in_page.py" line="93" />
        <source>Purpose of the visit</source>
        <translation>来访事由</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/walk_in_page.py" line="95" />
        <source>Purpose</source>
        <translation>事由</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/walk_in_page.py" line="96" />
        <source>Number of people</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/walk_in_page.py" line="98" />
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/walk_in_page.py" line="101" />
        <location filename="../../kiosk/ui/console/walk_in_page.py" line="104" />
        <source>Kind of visitor</source>
        <translation>来访类别</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/walk_in_page.py" line="109" />
        <source>Member of staff</source>
        <translation>公司员工</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/walk_in_page.py" line="110" />
        <source>Unit (resident)</source>
        <translation>房号（住户）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/walk_in_page.py" line="111" />
        <source>Visiting a member of staff</source>
        <translation>拜访公司员工</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/walk_in_page.py" line="112" />
        <source>Visiting a unit</source>
        <translation>拜访住户</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/walk_in_page.py" line="119" />
        <source>Visiting</source>
        <translation>被访人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/walk_in_page.py" line="121" />
        <source>Search the host</source>
        <translation>查找被访人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/walk_in_page.py" line="122" />
        <source>Name, pinyin or initials</source>
        <translation>姓名、拼音或首字母</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/walk_in_page.py" line="124" />
        <source>Hosts found</source>
        <translation>找到的被访人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/walk_in_page.py" line="129" />
        <source>Unit number (房号)</source>
        <translation>房号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/walk_in_page.py" line="130" />
        <source>Unit, e.g. 2-104</source>
        <translation>房号，如 2-104</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/walk_in_page.py" line="134" />
        <source>Look up</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/walk_in_page.py" line="134" />
        <source>Look up the unit's residents</source>
        <translation>查询该房号的住户</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/walk_in_page.py" line="141" />
        <source>The unit's residents and their phone numbers</source>
        <translation>该房号的住户及电话</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/walk_in_page.py" line="147" />
        <source>The visitor declares no gas cylinders, fireworks or large amounts of thinner</source>
        <translation>访客声明未携带煤气瓶、烟花爆竹、大量天拿水</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/walk_in_page.py" line="150" />
        <source>Forbidden-items declaration</source>
        <translation>违禁物品声明</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/walk_in_page.py" line="155" />
        <source>Register</source>
        <translation>登记</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/walk_in_page.py" line="155" />
        <source>Register the visitor</source>
        <translation>登记该访客</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/walk_in_page.py" line="159" />
        <source>Record call (intercom / phone)</source>
        <translation>通话记录（对讲／电话）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/walk_in_page.py" line="161" />
        <source>Record the call about the visitor just registered</source>
        <translation>记录就刚登记访客的通话</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/walk_in_page.py" line="166" />
        <source>New visitor</source>
        <translation>下一位访客</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/walk_in_page.py" line="166" />
        <source>Clear the form</source>
        <translation>清空表单</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/walk_in_page.py" line="172" />
        <source>Result of the last action</source>
        <translation>上一步操作的结果</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/walk_in_page.py" line="236" />
        <source>Unit %1 (whoever answers)</source>
        <translation>%1 房（任何应答者）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/walk_in_page.py" line="239" />
        <source>owner</source>
        <translation>业主</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/walk_in_page.py" line="239" />
        <source>tenant</source>
        <translation>租户</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/walk_in_page.py" line="242" />
        <source>%1 (%2), phone %3</source>
        <translation>%1（%2），电话 %3</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/console/walk_in_page.py" line="251" />
        <source>Unit %1: %n resident(s) on record.</source>
        <translation>
            <numerusform>%1 房：登记住户 %n 人。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/walk_in_page.py" line="263" />
        <source>Choose the member of staff visited.</source>
        <translation>请选择被访员工。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/walk_in_page.py" line="268" />
        <source>Look up the unit visited first.</source>
        <translation>请先查询被访房号。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/walk_in_page.py" line="308" />
        <source>%1 is on hold: do not let them in. A supervisor must come to the desk.</source>
        <translation>%1 已被拦截：请勿放行，须由主管到前台处理。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/walk_in_page.py" line="315" />
        <source>%1 is registered and waits for the host's answer. Call, then record the call.</source>
        <translation>%1 已登记，等待被访人答复。请致电后记录通话。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/walk_in_page.py" line="324" />
        <source>Whom did you call about %1, and what did they say? Agreed lets the visitor in.</source>
        <translation>您就%1联系了谁？对方怎么说？同意即放行。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/walk_in_page.py" line="369" />
        <source>Lay the visitor's ID card on the reader...</source>
        <translation>请将访客的身份证平放在阅读器上……</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/walk_in_page.py" line="390" />
        <source>Read from the ID card. Hand the card back to the visitor.</source>
        <translation>已读取身份证，请将证件交还访客。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/walk_in_page.py" line="394" />
        <source>No ID card on the reader. Lay it flat and press Read ID card again.</source>
        <translation>阅读器上没有身份证。请平放后再按“读取身份证”。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/walk_in_page.py" line="396" />
        <source>This card cannot be read here: choose its document type and type the number.</source>
        <translation>此证件无法在此读取：请选择证件类型并输入号码。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/walk_in_page.py" line="398" />
        <source>The card could not be read. Hold it still on the reader and try again.</source>
        <translation>证件读取失败。请将证件放稳后重试。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/walk_in_page.py" line="399" />
        <source>The ID card reader is not working: type the visitor's details.</source>
        <translation>身份证阅读器故障：请手工输入访客资料。</translation>
    </message>
</context>
<context>
    <name>WatchlistPage</name>
    <message>
        <location filename="../../kiosk/ui/console/watchlist_page.py" line="71" />
        <source>People on the watchlist</source>
        <translation>拦截名单人员</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/watchlist_page.py" line="74" />
        <source>Remove from the watchlist</source>
        <translation>移出拦截名单</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/watchlist_page.py" line="76" />
        <source>Remove the selected person from the watchlist</source>
        <translation>将所选人员移出拦截名单</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/watchlist_page.py" line="84" />
        <location filename="../../kiosk/ui/console/watchlist_page.py" line="98" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/watchlist_page.py" line="85" />
        <location filename="../../kiosk/ui/console/watchlist_page.py" line="99" />
        <source>Company</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/watchlist_page.py" line="86" />
        <location filename="../../kiosk/ui/console/watchlist_page.py" line="100" />
        <source>ID document</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/watchlist_page.py" line="87" />
        <location filename="../../kiosk/ui/console/watchlist_page.py" line="101" />
        <source>ID number (optional)</source>
        <translation>证件号码（可选）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/watchlist_page.py" line="88" />
        <location filename="../../kiosk/ui/console/watchlist_page.py" line="102" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/watchlist_page.py" line="90" />
        <source>Has an end date</source>
        <translation>设有截止日期</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/watchlist_page.py" line="92" />
        <source>End date</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/watchlist_page.py" line="105" />
        <source>End</source>
        <translation>截止</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/watchlist_page.py" line="108" />
        <source>Add to the watchlist</source>
        <translation>加入拦截名单</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/watchlist_page.py" line="108" />
        <source>Add this person to the watchlist</source>
        <translation>将此人加入拦截名单</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/watchlist_page.py" line="111" />
        <source>Last action result</source>
        <translation>上一操作结果</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/watchlist_page.py" line="164" />
        <source>Added: check-ins by this person are now held for a supervisor.</source>
        <translation>已加入：此人今后登记将被拦截，由主管处理。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/watchlist_page.py" line="176" />
        <source>Select a person in the table first.</source>
        <translation>请先在表格中选择一人。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/watchlist_page.py" line="182" />
        <source>Removed from the watchlist.</source>
        <translation>已移出拦截名单。</translation>
    </message>
</context>
<context>
    <name>WatchlistTableModel</name>
    <message>
        <location filename="../../kiosk/ui/console/watchlist_page.py" line="39" />
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/watchlist_page.py" line="40" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/watchlist_page.py" line="41" />
        <source>Company</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/watchlist_page.py" line="42" />
        <source>ID</source>
        <translation>证件</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/watchlist_page.py" line="43" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/watchlist_page.py" line="44" />
        <source>Added by</source>
        <translation>添加人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/watchlist_page.py" line="45" />
        <source>Added</source>
        <translation>添加日期</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/watchlist_page.py" line="46" />
        <source>Until</source>
        <translation>截止</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/watchlist_page.py" line="56" />
        <source>no end</source>
        <translation>长期</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../kiosk/ui/kiosk/welcome.py" line="87" />
        <source>Current time</source>
        <translation>当前时间</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/welcome.py" line="89" />
        <source>Demo mode: emulated printer and card encoder</source>
        <translation>演示模式：模拟打印机和模拟发卡器</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/welcome.py" line="90" />
        <source>Demo mode</source>
        <translation>演示模式</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/welcome.py" line="91" />
        <source>Welcome. Please check in at this screen.</source>
        <translation>欢迎光临，请在此登记来访。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/welcome.py" line="92" />
        <location filename="../../kiosk/ui/kiosk/welcome.py" line="93" />
        <source>Check in</source>
        <translation>登记来访</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/welcome.py" line="94" />
        <location filename="../../kiosk/ui/kiosk/welcome.py" line="95" />
        <source>I have an invitation</source>
        <translation>我有预约</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/welcome.py" line="96" />
        <location filename="../../kiosk/ui/kiosk/welcome.py" line="97" />
        <source>Check out</source>
        <translation>签离</translation>
    </message>
</context>
<context>
    <name>WorkCalendarTab</name>
    <message>
        <location filename="../../kiosk/ui/console/work_calendar_tab.py" line="106" />
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/work_calendar_tab.py" line="111" />
        <source>Year:</source>
        <translation>年份：</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/work_calendar_tab.py" line="114" />
        <source>Whether the official calendar is known</source>
        <translation>是否已有官方放假安排</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/work_calendar_tab.py" line="120" />
        <source>Holidays and make-up working days</source>
        <translation>节假日和调休上班日</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/work_calendar_tab.py" line="125" />
        <source>Day to set</source>
        <translation>设定日期</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/work_calendar_tab.py" line="126" />
        <source>Day off or working day</source>
        <translation>放假或上班</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/work_calendar_tab.py" line="127" />
        <source>Day off (closed)</source>
        <translation>放假（停业）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/work_calendar_tab.py" line="128" />
        <source>Working day (make-up)</source>
        <translation>调休上班</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/work_calendar_tab.py" line="129" />
        <source>What the day is for</source>
        <translation>设定事由</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/work_calendar_tab.py" line="130" />
        <source>e.g. typhoon closure, 2027 National Day make-up day</source>
        <translation>例如：台风停业、2027年国庆调休上班</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/work_calendar_tab.py" line="132" />
        <source>Set the day (supervisor)</source>
        <translation>设定（主管）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/work_calendar_tab.py" line="132" />
        <source>Set this day for the site</source>
        <translation>为本大厦设定这一天</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/work_calendar_tab.py" line="141" />
        <source>Why it is withdrawn</source>
        <translation>撤销原因</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/work_calendar_tab.py" line="142" />
        <source>Reason for withdrawing the selected site day</source>
        <translation>撤销所选设定的原因</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/work_calendar_tab.py" line="144" />
        <source>Withdraw (supervisor)</source>
        <translation>撤销（主管）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/work_calendar_tab.py" line="146" />
        <source>Withdraw the selected site day</source>
        <translation>撤销所选的本大厦设定</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/work_calendar_tab.py" line="179" />
        <source>Official calendar of %1: State Council notice.</source>
        <translation>%1 年按国务院办公厅放假通知。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/work_calendar_tab.py" line="185" />
        <source>The official calendar of %1 is not known yet: Monday to Friday count as working days. A supervisor enters the notice's days off and make-up working days here.</source>
        <translation>%1 年的放假安排尚未收录：暂按周一至周五上班计算。请主管在此录入通知中的放假日和调休上班日。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/work_calendar_tab.py" line="233" />
        <source>%1 set for the site.</source>
        <translation>已为本大厦设定 %1。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/work_calendar_tab.py" line="241" />
        <source>Select one of the site's days in the table first.</source>
        <translation>请先在表中选择一条本大厦的设定。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/work_calendar_tab.py" line="248" />
        <source>Withdrawn: the official calendar decides the day again.</source>
        <translation>已撤销：这一天恢复按国家安排。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/work_calendar_tab.py" line="254" />
        <source>Only a supervisor sets the site's days.</source>
        <translation>只有主管能设定放假和调休。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/work_calendar_tab.py" line="255" />
        <source>Write what the day is for first.</source>
        <translation>请先填写设定事由。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/work_calendar_tab.py" line="256" />
        <location filename="../../kiosk/ui/console/work_calendar_tab.py" line="258" />
        <source>At most %1 characters.</source>
        <translation>最多 %1 个字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/work_calendar_tab.py" line="257" />
        <source>Write why the day is withdrawn first.</source>
        <translation>请先填写撤销原因。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/work_calendar_tab.py" line="259" />
        <source>%1 is already set for the site: withdraw that first.</source>
        <translation>%1 已有本大厦的设定，请先撤销。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/work_calendar_tab.py" line="261" />
        <source>The reconciliation of %1 is signed: days up to it can no longer change.</source>
        <translation>%1 的核对表已签字，此前的日期不能再更改。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/work_calendar_tab.py" line="263" />
        <source>Only days of the years %1 to %2 can be set.</source>
        <translation>只能设定 %1 年至 %2 年的日期。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/work_calendar_tab.py" line="264" />
        <source>Already withdrawn.</source>
        <translation>已撤销。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/work_calendar_tab.py" line="265" />
        <source>This site day no longer exists; the list is read again.</source>
        <translation>该设定已不存在，列表已重新读取。</translation>
    </message>
</context>
<context>
    <name>complaints</name>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="59" />
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="60" />
        <source>Suggestion</source>
        <translation>建议</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="66" />
        <source>In person</source>
        <translation>来访</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="67" />
        <source>Phone</source>
        <translation>来电</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="68" />
        <source>Letter</source>
        <translation>来函</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="69" />
        <source>E-mail</source>
        <translation>邮件</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="75" />
        <source>Cleaning</source>
        <translation>清洁卫生</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="76" />
        <source>Security</source>
        <translation>安全秩序</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="77" />
        <source>Repairs</source>
        <translation>维修</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="78" />
        <source>Parking</source>
        <translation>停车</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="79" />
        <source>Noise</source>
        <translation>噪音</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="80" />
        <source>Staff attitude</source>
        <translation>服务态度</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="81" />
        <source>Fees</source>
        <translation>收费</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="82" />
        <source>Decoration works</source>
        <translation>装修</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="83" />
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="89" />
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="90" />
        <source>Fairly satisfied</source>
        <translation>基本满意</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="91" />
        <source>Not satisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="97" />
        <source>Recorded</source>
        <translation>登记</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="98" />
        <source>Follow-up</source>
        <translation>跟进</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="99" />
        <source>Reassigned</source>
        <translation>转交</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="100" />
        <source>Made serious</source>
        <translation>定为重大投诉</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="101" />
        <source>Callback</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="102" />
        <source>Closed</source>
        <translation>结案</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="109" />
        <source>Engineering department</source>
        <translation>工程部</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="110" />
        <source>Security department</source>
        <translation>保安部</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="111" />
        <source>Cleaning team</source>
        <translation>保洁部</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="112" />
        <source>Customer service centre</source>
        <translation>客户服务中心</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="113" />
        <source>Finance</source>
        <translation>财务部</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/complaints_page.py" line="114" />
        <source>Management office</source>
        <translation>管理处</translation>
    </message>
</context>
<context>
    <name>export_file</name>
    <message>
        <location filename="../../kiosk/ui/common/export_file.py" line="45" />
        <source>Could not save the file: %1</source>
        <translation>无法保存文件：%1</translation>
    </message>
</context>
<context>
    <name>figure_charts</name>
    <message>
        <location filename="../../kiosk/ui/console/figure_charts.py" line="178" />
        <source>Day of %1</source>
        <translation>日期（%1）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/figure_charts.py" line="182" />
        <source>Visitors per day</source>
        <translation>每日来访</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/figure_charts.py" line="184" />
        <location filename="../../kiosk/ui/console/figure_charts.py" line="186" />
        <location filename="../../kiosk/ui/console/figure_charts.py" line="191" />
        <source>Visits</source>
        <translation>来访数</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/figure_charts.py" line="189" />
        <source>Visitors by hour of the day</source>
        <translation>各时段来访</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/figure_charts.py" line="192" />
        <source>Hour (00 = 00:00–00:59)</source>
        <translation>时段（00 即 00:00–00:59）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/figure_charts.py" line="193" />
        <source>Visits in the month</source>
        <translation>本月来访数</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/figure_charts.py" line="196" />
        <source>Release slips per day</source>
        <translation>每日物品放行条</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/figure_charts.py" line="198" />
        <source>Release slips</source>
        <translation>物品放行条</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/figure_charts.py" line="200" />
        <source>Slips issued</source>
        <translation>开具张数</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/figure_charts.py" line="203" />
        <source>Receipts per day</source>
        <translation>每日收据</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/figure_charts.py" line="206" />
        <location filename="../../kiosk/ui/console/figure_charts.py" line="210" />
        <source>Receipts</source>
        <translation>收据</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/figure_charts.py" line="207" />
        <source>Refunds</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/figure_charts.py" line="214" />
        <source>Amount taken (yuan)</source>
        <translation>收款金额（元）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/figure_charts.py" line="216" />
        <source>Yuan</source>
        <translation>元</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/figure_charts.py" line="223" />
        <source>Repairs by category</source>
        <translation>报修分类统计</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/figure_charts.py" line="226" />
        <source>Taken</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/figure_charts.py" line="228" />
        <source>Completed</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/figure_charts.py" line="231" />
        <location filename="../../kiosk/ui/console/figure_charts.py" line="252" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/figure_charts.py" line="232" />
        <source>Repairs</source>
        <translation>报修数</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/figure_charts.py" line="236" />
        <source>Repairs done within their limits</source>
        <translation>报修按时完成情况</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/figure_charts.py" line="238" />
        <source>: %1% in all</source>
        <translation>：总体 %1%</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/figure_charts.py" line="246" />
        <source>Within limit</source>
        <translation>按时完成</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/figure_charts.py" line="250" />
        <source>Late</source>
        <translation>超时</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/figure_charts.py" line="253" />
        <source>Share of repairs</source>
        <translation>占比</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/figure_charts.py" line="260" />
        <source>Complaints by subject</source>
        <translation>投诉分类统计</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/figure_charts.py" line="264" />
        <source>Recorded</source>
        <translation>登记</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/figure_charts.py" line="269" />
        <source>Closed</source>
        <translation>结案</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/figure_charts.py" line="272" />
        <location filename="../../kiosk/ui/console/figure_charts.py" line="286" />
        <source>Subject</source>
        <translation>投诉类别</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/figure_charts.py" line="273" />
        <source>Complaints</source>
        <translation>投诉数</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/figure_charts.py" line="277" />
        <source>Average time to close a complaint</source>
        <translation>投诉平均结案时长</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/figure_charts.py" line="281" />
        <location filename="../../kiosk/ui/console/figure_charts.py" line="287" />
        <source>Hours</source>
        <translation>小时</translation>
    </message>
</context>
<context>
    <name>handover</name>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="58" />
        <source>Cash (yuan)</source>
        <translation>现金（元）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="59" />
        <source>Visitor cards</source>
        <translation>访客卡</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="60" />
        <source>Machine-room passes</source>
        <translation>机房访客证</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="61" />
        <source>Decoration-worker passes</source>
        <translation>装修出入证</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/handover_page.py" line="64" />
        <source>Keys</source>
        <translation>钥匙</translation>
    </message>
</context>
<context>
    <name>kind_words</name>
    <message>
        <location filename="../../kiosk/ui/common/kind_words.py" line="13" />
        <source>Resident known by sight</source>
        <translation>认识的住户</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/kind_words.py" line="14" />
        <source>Says they live here, no card</source>
        <translation>自称业户，无卡</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/kind_words.py" line="17" />
        <source>Company leader (on the list)</source>
        <translation>公司领导（名单内）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/kind_words.py" line="18" />
        <source>Staff with a work card</source>
        <translation>公司员工（查验工作证）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/kind_words.py" line="19" />
        <source>Visitor to a resident or tenant</source>
        <translation>外来人员来访</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/kind_words.py" line="20" />
        <source>Government official</source>
        <translation>政府部门人员</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/kind_words.py" line="21" />
        <source>Visiting group</source>
        <translation>参观人员</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/kind_words.py" line="22" />
        <source>Permit holder (decoration, newspaper, milk)</source>
        <translation>持出入证人员（装修、送报、送奶）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/kind_words.py" line="30" />
        <source>Known by sight</source>
        <translation>认识，直接放行</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/kind_words.py" line="31" />
        <source>On the leaders' list</source>
        <translation>领导名单</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/kind_words.py" line="32" />
        <source>Work card checked</source>
        <translation>已查验工作证</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/kind_words.py" line="33" />
        <source>Host's link</source>
        <translation>被访者链接确认</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/kind_words.py" line="34" />
        <source>Intercom / phone call</source>
        <translation>对讲 / 电话确认</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/kind_words.py" line="35" />
        <source>Gate guard's message</source>
        <translation>大门岗信息</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/kind_words.py" line="36" />
        <source>Resident records checked</source>
        <translation>已核对业主/住户资料</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/kind_words.py" line="37" />
        <source>Duty officer's link</source>
        <translation>值班人员链接确认</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/kind_words.py" line="38" />
        <source>Duty officer at the desk</source>
        <translation>值班人员在前台审批</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/kind_words.py" line="39" />
        <source>Permit checked</source>
        <translation>已查验出入证</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/kind_words.py" line="40" />
        <source>Invitation</source>
        <translation>预约</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/kind_words.py" line="46" />
        <source>Let through, recorded</source>
        <translation>放行并登记</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/kind_words.py" line="47" />
        <source>The host</source>
        <translation>被访者</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/kind_words.py" line="48" />
        <source>The desk, after an intercom call</source>
        <translation>前台对讲确认后</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/kind_words.py" line="49" />
        <source>The duty officer</source>
        <translation>值班人员</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/kind_words.py" line="50" />
        <source>The permits register</source>
        <translation>出入证登记</translation>
    </message>
</context>
<context>
    <name>kiosk_card</name>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="511" />
        <source>No card was found. Lay one card flat on the reader and keep it there.</source>
        <translation>未检测到卡片。请将一张卡平放在读卡器上，不要移开。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="519" />
        <source>This card cannot be used. Please take another card from the tray.</source>
        <translation>这张卡不能使用。请从卡槽另取一张。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="523" />
        <source>The card was moved while it was being written. Lay it on the reader again.</source>
        <translation>写卡时卡片被移动了。请重新放在读卡器上。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="527" />
        <source>Writing the card failed. Please try again, holding the card still.</source>
        <translation>写卡失败。请拿稳卡片后重试。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="532" />
        <source>The card reader is not working. Please see the front desk.</source>
        <translation>读卡器故障，请到前台办理。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/card_step.py" line="49" />
        <source>This card has been returned already. Please leave it at the front desk.</source>
        <translation>这张卡已经归还过了，请交到前台。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/card_step.py" line="53" />
        <source>This is not a visitor card of an open visit. Please see the front desk.</source>
        <translation>这不是有效来访的访客卡，请到前台办理。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/card_step.py" line="56" />
        <source>This card cannot check you out. Please see the front desk.</source>
        <translation>这张卡无法为您签离，请到前台办理。</translation>
    </message>
</context>
<context>
    <name>mail</name>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="66" />
        <source>Registered letter</source>
        <translation>挂号信</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="67" />
        <source>Parcel</source>
        <translation>包裹</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="68" />
        <source>Parcel slip</source>
        <translation>包裹单</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="69" />
        <source>Money order</source>
        <translation>汇兑单</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="75" />
        <source>Waiting</source>
        <translation>待领</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="76" />
        <source>Handed out</source>
        <translation>已领取</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="77" />
        <source>Forwarded</source>
        <translation>已转寄</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/mail_page.py" line="78" />
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="25" />
        <source>Please enter your name.</source>
        <translation>请输入您的姓名。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="26" />
        <source>Your name is too long: at most {max} characters.</source>
        <translation>姓名过长：最多 {max} 个字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="29" />
        <source>Your name cannot contain “{char}”. Please use letters only.</source>
        <translation>姓名中不能有“{char}”，请只填写文字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="32" />
        <source>Your name must contain letters.</source>
        <translation>姓名必须包含文字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="33" />
        <source>The company name is too long: at most {max} characters.</source>
        <translation>单位名称过长：最多 {max} 个字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="36" />
        <source>Contractors need their access permit (出入证) number. Please enter it.</source>
        <translation>施工人员请填写出入证编号。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="39" />
        <source>The access permit number is too long: at most {max} characters.</source>
        <translation>出入证号码过长：最多 {max} 个字符。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="42" />
        <source>The mobile number is too long: at most {max} characters.</source>
        <translation>手机号码过长：最多 {max} 个字符。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="45" />
        <source>Please enter the ID number.</source>
        <translation>请输入证件号码。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="46" />
        <source>15-digit ID cards are no longer valid. Please use your 18-digit ID card.</source>
        <translation>15位身份证已停止使用，请使用18位居民身份证。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="49" />
        <source>A resident ID number has 18 characters; you typed {length}. Please check it.</source>
        <translation>居民身份证号码应为18位，您输入了{length}位，请核对。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="52" />
        <source>A resident ID number has 17 digits and then a digit or X. Please check it.</source>
        <translation>居民身份证号码为17位数字加1位数字或X，请核对。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="55" />
        <source>The first digits of this ID number are not a region code. Please check it.</source>
        <translation>号码开头不是有效的地区代码，请核对。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="58" />
        <source>Digits 7 to 14 of this ID number are not a valid date of birth. Please check them.</source>
        <translation>号码第7至14位不是有效的出生日期，请核对。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="61" />
        <source>This ID number does not add up (its last character does not match). Please check every digit.</source>
        <translation>证件号码校验不通过（最后一位不符），请逐位核对。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="65" />
        <source>A passport number has 5 to 17 letters and digits. Please check it.</source>
        <translation>护照号码应为5至17位字母和数字，请核对。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="68" />
        <source>A Home Return Permit number is H or M followed by 8 or 10 digits. Please check it.</source>
        <translation>港澳居民来往内地通行证号码为H或M加8位或10位数字，请核对。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="71" />
        <source>A Taiwan compatriot permit number has 8 digits. Please check it.</source>
        <translation>台湾居民来往大陆通行证号码为8位数字，请核对。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="74" />
        <source>Please enter the document number with letters and digits only.</source>
        <translation>证件号码只能包含字母和数字，请核对。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="77" />
        <source>This is not a mobile number. Use 11 digits, or + and the country code.</source>
        <translation>这不是有效的手机号码。请输入11位手机号，或以+开头加国家代码。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="80" />
        <source>A mainland mobile number has 11 digits; you typed {length}.</source>
        <translation>大陆手机号码为11位，您输入了{length}位。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="83" />
        <location filename="../../kiosk/ui/common/messages.py" line="308" />
        <source>Please give the reason.</source>
        <translation>请填写原因。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="84" />
        <source>Please keep the reason under {max} characters.</source>
        <translation>原因请勿超过{max}个字符。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="85" />
        <source>The end date must be in the future.</source>
        <translation>截止日期必须在今天之后。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="86" />
        <source>This watchlist entry no longer exists.</source>
        <translation>该拦截记录已不存在。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="87" />
        <source>ID numbers cannot be taken at this kiosk. Please leave the field empty.</source>
        <translation>本机暂不登记证件号码，请留空。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="90" />
        <source>Please keep the purpose under {max} characters.</source>
        <translation>事由请不超过 {max} 个字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="91" />
        <source>A party can be 1 to {max} people. Larger groups, please see the front desk.</source>
        <translation>来访人数为 1 至 {max} 人。人数更多请到前台办理。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="94" />
        <source>Please read and accept the declaration before checking in.</source>
        <translation>请阅读并同意入内须知后再登记。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="97" />
        <source>This visit has already been decided.</source>
        <translation>该来访已处理。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="98" />
        <source>This visit is on hold: a supervisor must release it first.</source>
        <translation>该来访已被拦截，需主管先解除。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="101" />
        <source>This visit is not on hold.</source>
        <translation>该来访没有被拦截。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="102" />
        <source>This badge is not known here. Please see the front desk.</source>
        <translation>系统中没有这张访客证，请到前台办理。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="105" />
        <source>This badge is of an older kind the kiosk no longer accepts. Please check out at the front desk.</source>
        <translation>这是旧式访客证，自助终端已不再受理。请到前台办理签离。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="109" />
        <source>No visitor on site has this name and these four digits. Please check both, or see the front desk.</source>
        <translation>没有找到与此姓名和号码后四位相符的在场访客。请核对后重试，或到前台办理。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="113" />
        <source>Please check out at the front desk.</source>
        <translation>请到前台办理签离。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="114" />
        <source>Please type the last four digits of the mobile number you gave at check-in.</source>
        <translation>请输入您登记时所留手机号码的后四位。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="117" />
        <source>Too many entries here did not match. Please wait {minutes} min and try again, or see the front desk.</source>
        <translation>此处输入错误次数过多。请等待 {minutes} 分钟后再试，或到前台办理。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="121" />
        <source>This slip expired at {valid_until}: the holder must ask the office for a new one.</source>
        <translation>此放行条已于 {valid_until} 过期，请持条人到管理处重新开具。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="124" />
        <source>Please enter the 6-character code from your invitation.</source>
        <translation>请输入预约中的 6 位预约码。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="127" />
        <source>The invitation code has {length} characters. Please check it.</source>
        <translation>预约码为 {length} 位，请核对。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="130" />
        <source>Invitation codes do not contain “{char}”. Please check the code.</source>
        <translation>预约码中没有“{char}”，请核对。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="133" />
        <source>There is no invitation with this code. Please check it, or check in as a new visitor.</source>
        <translation>没有这个预约码，请核对，或按新访客登记。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="136" />
        <source>This invitation was valid until {valid_until}. Please check in as a new visitor.</source>
        <translation>该预约已于 {valid_until} 过期，请按新访客登记。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="139" />
        <source>This invitation is valid from {valid_from}. Please come back then, or see the front desk.</source>
        <translation>该预约从 {valid_from} 起有效，请届时再来，或到前台办理。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="143" />
        <source>This invitation has already been used.</source>
        <translation>该预约已使用。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="144" />
        <source>This invitation was cancelled. Please see the front desk.</source>
        <translation>该预约已取消，请到前台办理。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="147" />
        <source>Staff number or PIN is wrong.</source>
        <translation>工号或密码错误。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="148" />
        <source>Only a supervisor or an administrator may leave kiosk mode.</source>
        <translation>只有主管或管理员可以退出自助模式。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="151" />
        <source>Too many wrong tries: this account is locked for 15 minutes.</source>
        <translation>错误次数过多，该账号已锁定 15 分钟。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="154" />
        <source>Only lobby guards check slips here.</source>
        <translation>只有大堂护卫员可在此核验放行条。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="155" />
        <source>Please enter a phone number or a message.</source>
        <translation>请填写电话或留言。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="156" />
        <source>The phone number is too long.</source>
        <translation>电话号码过长。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="157" />
        <source>Please keep the message under {max} characters.</source>
        <translation>留言请不超过 {max} 个字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="159" />
        <source>A message can only be left at the kiosk where you checked in. Please see the front desk.</source>
        <translation>留言只能在您登记来访的自助终端上填写，请到前台办理。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="162" />
        <source>A message can only be left when the host could not receive you. Please see the front desk.</source>
        <translation>只有被访人无法接待时才能留言，请到前台办理。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="166" />
        <source>Your message has already been sent. The front desk will pass it to your host.</source>
        <translation>您的留言已发送，前台会转告被访人。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="169" />
        <source>A message can be left up to {minutes} minutes after the host's answer. Please see the front desk.</source>
        <translation>被访人答复后{minutes}分钟内可以留言，现已超时，请到前台办理。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="173" />
        <source>Please choose the person you are visiting.</source>
        <translation>请选择您要拜访的人。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="174" />
        <source>That person is no longer in the directory. Please choose again.</source>
        <translation>该人员已不在通讯录中，请重新选择。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="177" />
        <source>This visit no longer exists.</source>
        <translation>该来访记录已不存在。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="178" />
        <source>This visitor has already checked out.</source>
        <translation>该访客已签离。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="179" />
        <source>This visit has no badge to print.</source>
        <translation>该来访没有可打印的访客证。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="180" />
        <source>This print job no longer exists.</source>
        <translation>该打印任务已不存在。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="181" />
        <source>This document is past its retention period and was removed; print it again from its record.</source>
        <translation>此单据已超过保存期限，内容已删除；请从原记录重新打印。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="185" />
        <source>This job has already printed. Use “Reprint (copy)” for another copy.</source>
        <translation>该任务已打印。如需再打一份，请用“补打（副本）”。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="188" />
        <source>This job has not printed yet. Use “Send now” instead.</source>
        <translation>该任务尚未打印，请用“立即发送”。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="192" />
        <source>The end of the visit must be after its start.</source>
        <translation>来访结束时间必须晚于开始时间。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="195" />
        <source>This time window ended at {valid_until}. Please choose a later date or time.</source>
        <translation>该时间段已于 {valid_until} 结束，请选择更晚的日期或时间。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="198" />
        <source>Please enter the visiting unit of the group.</source>
        <translation>请填写来访团体的单位。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="201" />
        <source>Please list at least one visitor, one per line.</source>
        <translation>请至少填写一位访客，每行一人。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="204" />
        <source>The headcount must be from {low} (the people listed) to {high}.</source>
        <translation>人数须在 {low}（名单人数）到 {high} 之间。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="207" />
        <source>This is not an e-mail address.</source>
        <translation>这不是有效的电子邮箱地址。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="208" />
        <source>This invitation has no e-mail address.</source>
        <translation>该预约没有电子邮箱地址。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="209" />
        <source>E-mail is not set up at this site (notify.smtp_url): print the invitation instead.</source>
        <translation>本处未设置邮件（notify.smtp_url）：请改为打印预约。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="212" />
        <source>This invitation no longer exists.</source>
        <translation>该预约已不存在。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="213" />
        <source>This invitation has been used to check in and cannot be cancelled.</source>
        <translation>该预约已用于登记，不能取消。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="216" />
        <source>This invitation ended at {valid_until}: the kiosk would refuse its code. Create a new invitation instead.</source>
        <translation>该预约已于 {valid_until} 结束，自助终端会拒绝该预约码。请重新创建预约。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="222" />
        <source>Please enter the unit as building-room, e.g. 2-104.</source>
        <translation>请按“楼栋-房号”填写房号，例如 2-104。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="223" />
        <source>Unit {unit} is not in the owner records.</source>
        <translation>业主档案中没有房号 {unit}。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="224" />
        <source>{name} is not on record for unit {unit}.</source>
        <translation>房号 {unit} 的档案中没有 {name}。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="225" />
        <source>No owner of unit {unit} is on record, so the owner cannot be phoned: no slip.</source>
        <translation>档案中没有房号 {unit} 的业主，无法致电业主：不能开放行条。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="228" />
        <source>No slip until the fees are paid: {months} month(s) of management fees outstanding, ¥{amount}.</source>
        <translation>交清费用前不能开放行条：欠管理费 {months} 个月，共 ¥{amount}。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="232" />
        <source>{months} months of management fees outstanding (¥{amount}): a supervisor must approve with their PIN and a reason.</source>
        <translation>欠管理费 {months} 个月（¥{amount}）：须主管输入 PIN 并填写原因审批。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="237" />
        <source>Nothing is outstanding for this payer.</source>
        <translation>该付款人没有欠费。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="238" />
        <source>This unit has no management-fee record, so nobody knows whether it is paid up: check with finance; a supervisor must approve the slip with their PIN and a reason.</source>
        <translation>该房没有管理费缴费记录，无法确认是否已交清：请向财务核实；须主管输入 PIN 并填写原因审批后才能开放行条。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="243" />
        <source>Phone the owner and record the answers first.</source>
        <translation>请先致电业主并记录答复。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="246" />
        <source>The owner {owner} does not consent: no slip. Ask the tenant to contact the owner.</source>
        <translation>业主 {owner} 不同意：不能开放行条。请租户联系业主。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="249" />
        <source>Please enter the item.</source>
        <translation>请填写物品。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="250" />
        <source>Please keep the item under {max} characters.</source>
        <translation>物品名称请不超过 {max} 个字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="251" />
        <source>The quantity must be from 1 to {max}.</source>
        <translation>数量须为 1 至 {max}。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="252" />
        <source>Please list the items first.</source>
        <translation>请先列出物品。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="253" />
        <source>At most {max} items fit on one slip.</source>
        <translation>一张放行条最多 {max} 项物品。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="254" />
        <source>The holder must type their name and tick the confirmation.</source>
        <translation>持条人须输入自己的姓名并勾选确认。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="257" />
        <source>The typed name does not match the holder's name.</source>
        <translation>输入的姓名与持条人姓名不符。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="260" />
        <source>Only a supervisor can approve this.</source>
        <translation>只有主管可以审批。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="261" />
        <source>Your role cannot do this.</source>
        <translation>您的角色无权执行此操作。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="262" />
        <source>This slip has already been used.</source>
        <translation>该放行条已使用。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="263" />
        <source>This slip was voided.</source>
        <translation>该放行条已作废。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="264" />
        <source>This slip no longer exists.</source>
        <translation>该放行条已不存在。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="266" />
        <source>Please enter the application form number.</source>
        <translation>请填写申请表编号。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="267" />
        <source>The form number is too long: at most {max} characters.</source>
        <translation>申请表编号过长：最多 {max} 个字符。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="270" />
        <source>An application with this form number has already been filed.</source>
        <translation>该申请表编号的申请已提交过。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="273" />
        <source>Please enter the customer company.</source>
        <translation>请填写客户单位。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="274" />
        <source>Please enter the card holder's mobile number.</source>
        <translation>请填写持卡人手机号码。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="275" />
        <source>Please enter the reference of the company's introduction letter.</source>
        <translation>请填写公司介绍信编号。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="278" />
        <source>The letter reference is too long: at most {max} characters.</source>
        <translation>介绍信编号过长：最多 {max} 个字符。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="281" />
        <source>Please list the machine rooms or cages the card opens, one per line.</source>
        <translation>请列出该卡可进入的机房或机柜笼位，每行一个。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="284" />
        <source>A machine room or cage name has at most {max} characters.</source>
        <translation>机房或机柜笼位名称最多 {max} 个字符。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="287" />
        <source>At most {max} machine rooms or cages per card.</source>
        <translation>每张卡最多 {max} 个机房或机柜笼位。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="288" />
        <source>The card must be valid until after it starts.</source>
        <translation>有效期截止必须晚于生效日期。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="291" />
        <source>A card can be valid for at most {max_days} days.</source>
        <translation>卡的有效期最长 {max_days} 天。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="294" />
        <source>The requested validity has already ended: sales must file a new application.</source>
        <translation>申请的有效期已过：需由销售重新提交申请。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="297" />
        <source>This application no longer exists.</source>
        <translation>该申请已不存在。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="298" />
        <source>You filed this application: another supervisor must decide it.</source>
        <translation>这是您提交的申请：须由另一位主管审批。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="301" />
        <source>This application has already been decided.</source>
        <translation>该申请已审批。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="302" />
        <source>Only an approved application can have its card issued.</source>
        <translation>只有已批准的申请才能发卡。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="305" />
        <source>This application has no card in use to revoke.</source>
        <translation>该申请没有在用的卡可注销。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="309" />
        <source>Please keep the note under {max} characters.</source>
        <translation>备注请不超过 {max} 个字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="310" />
        <source>This upload no longer exists.</source>
        <translation>该上传记录已不存在。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="311" />
        <source>Please enter a staff number (up to 40 characters).</source>
        <translation>请输入工号（最多 40 个字符）。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="314" />
        <source>This staff number is taken already.</source>
        <translation>该工号已被使用。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="315" />
        <source>The PIN or password needs at least {min} characters.</source>
        <translation>PIN 或密码至少 {min} 个字符。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="318" />
        <source>Please enter the name (up to 60 characters).</source>
        <translation>请输入姓名（最多 60 个字）。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="319" />
        <source>This is the last administrator: make someone else administrator first.</source>
        <translation>这是最后一个管理员：请先将其他人设为管理员。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="322" />
        <source>This staff account no longer exists.</source>
        <translation>该员工账号已不存在。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="324" />
        <source>Please enter a name for the station.</source>
        <translation>请输入终端名称。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="325" />
        <source>The station name is too long: at most {max} characters.</source>
        <translation>终端名称过长，最多 {max} 个字符。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="328" />
        <source>A station name may have letters, digits, spaces, dots and dashes only.</source>
        <translation>终端名称只能包含字母、数字、空格、点和连字符。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="331" />
        <source>A station with this name is enrolled already: revoke it first, or choose another name.</source>
        <translation>已有同名终端完成登记，请先注销该终端，或换一个名称。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="334" />
        <source>This station no longer exists.</source>
        <translation>该终端已不存在。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="335" />
        <source>This visit has a visitor card already.</source>
        <translation>该来访已有访客卡。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="337" />
        <source>Please enter the number you called.</source>
        <translation>请输入所拨打的号码。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="338" />
        <source>The number is too long: at most {max} characters.</source>
        <translation>号码过长：最多 {max} 个字符。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="341" />
        <source>A number has digits and may have + - # * (an intercom code, an extension or a phone).</source>
        <translation>号码由数字组成，可含 + - # *（对讲号、分机或电话）。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="344" />
        <source>This resident is not on record for unit {unit}. Look the unit up again.</source>
        <translation>该住户不在 {unit} 房的登记资料中，请重新查询该房号。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="347" />
        <source>This visit is to a unit: call the unit or one of its residents.</source>
        <translation>此来访拜访的是住户：请联系该房号或其住户。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="350" />
        <source>This visit is to a member of staff: call them, not a unit.</source>
        <translation>此来访拜访的是公司员工：请联系该员工，而非房号。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="353" />
        <source>This call is not on record.</source>
        <translation>没有这条通话记录。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="356" />
        <source>This permit is not on the management office's register: it cannot be accepted.</source>
        <translation>管理处凭据登记中没有此证，不能放行。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="360" />
        <source>Permit {number} expired on {valid_until}: it cannot be accepted. The management office issues a new one.</source>
        <translation>凭据 {number} 已于 {valid_until} 过期，不能放行。请到管理处重新开具。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="365" />
        <source>Permit {number} is valid only from {valid_from}: it cannot be accepted before then.</source>
        <translation>凭据 {number} 自 {valid_from} 起有效，此前不能放行。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="368" />
        <source>Permit {number} was cancelled by the management office: it cannot be accepted.</source>
        <translation>凭据 {number} 已被管理处作废，不能放行。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="371" />
        <source>Permit {number} is already cancelled.</source>
        <translation>凭据 {number} 已经作废。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="372" />
        <source>This permit was never printed here.</source>
        <translation>此凭据未在本处打印过。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="375" />
        <source>Only the duty officer can approve this visit (at night, or an official or a visiting group). A supervisor approves it as duty officer from the night banner on the board.</source>
        <translation>此来访只能由值班人员审批（夜间来访，或政府部门人员、参观人员）。领班可在看板的夜间提示栏中代值班人员审批。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="380" />
        <source>This visit is approved by its host (or by the desk after calling them), not the duty officer.</source>
        <translation>此来访由被访者审批（或前台致电被访者后代为确认），不由值班人员审批。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="384" />
        <source>Let this person in after an intercom call to the unit, or after checking their name against the resident records.</source>
        <translation>须经对讲与该房住户联系得到许可，或与业主/住户资料核对无误后，方可放行。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="389" />
        <source>This kind of person is let through without approval.</source>
        <translation>此类人员无需审批即可放行。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="392" />
        <source>A permit holder is let in only on a valid permit from the management office's register.</source>
        <translation>持出入证人员须凭管理处登记的有效出入证放行。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="395" />
        <source>This site does not take this kind of person here. Please see the desk.</source>
        <translation>本处不办理此类人员的登记，请到前台办理。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="398" />
        <source>A visitor to someone is registered as a visit (walk-in registration or the kiosk).</source>
        <translation>外来访客请按来访登记办理（前台访客登记或自助机）。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="401" />
        <source>This kind of person is let through on the admissions page, not registered as a visit.</source>
        <translation>此类人员请在来人放行登记页办理，不按来访登记。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="404" />
        <source>Nobody of that name is in the resident records for unit {unit}. Do not let them in yet.</source>
        <translation>业主/住户资料中 {unit} 没有此姓名的住户，暂不能放行。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="407" />
        <source>The resident records have nobody for unit {unit}. Do not let them in yet.</source>
        <translation>业主/住户资料中没有 {unit} 的住户，暂不能放行。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="410" />
        <source>Please enter the unit, e.g. 2-104.</source>
        <translation>请输入房号，例如 2-104。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="411" />
        <source>Choose the leader from the company leaders' list (a supervisor keeps it).</source>
        <translation>请从公司领导名单中选择（名单由领班维护）。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="414" />
        <source>This leader is no longer on the list.</source>
        <translation>此领导已不在名单中。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="415" />
        <source>This leader was already taken off the list.</source>
        <translation>此领导已从名单中移除。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="418" />
        <source>Check the work card and enter its number before letting staff through.</source>
        <translation>请查验工作证并填写工作证号后再放行。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="421" />
        <source>The work card number has at most {max} characters.</source>
        <translation>工作证号最多 {max} 个字符。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="424" />
        <source>Write whom you called on the intercom and what they said.</source>
        <translation>请填写对讲联系了谁以及对方的答复。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="427" />
        <source>Please keep the call note under {max} characters.</source>
        <translation>通话记录请勿超过 {max} 个字符。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="430" />
        <source>The form of address has at most {max} characters.</source>
        <translation>称呼最多 {max} 个字符。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="431" />
        <source>The name has at most {max} characters.</source>
        <translation>姓名最多 {max} 个字符。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="432" />
        <source>Someone has already marked this notice as followed.</source>
        <translation>此通知已有人标记为已跟踪。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="435" />
        <source>This admission is not on record.</source>
        <translation>没有这条放行记录。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="446" />
        <source>Please check the entry.</source>
        <translation>请检查填写内容。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="459" />
        <source>This station cannot reach the site server just now. Please see the front desk.</source>
        <translation>本机暂时无法连接站点服务器，请到前台办理。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="464" />
        <location filename="../../kiosk/ui/common/messages.py" line="483" />
        <source>Sorry, something went wrong. Please see the front desk.</source>
        <translation>抱歉，系统出现问题，请到前台办理。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="470" />
        <source>Please sign in first.</source>
        <translation>请先登录。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="471" />
        <source>You were signed out after a time without use. Please sign in again.</source>
        <translation>长时间未操作，已自动退出登录，请重新登录。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="474" />
        <source>Your role may not do this at this station.</source>
        <translation>您的岗位无权在本终端进行此操作。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="475" />
        <source>Too many tries at this station. Please wait a few minutes.</source>
        <translation>本终端尝试次数过多，请稍候几分钟再试。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/messages.py" line="478" />
        <source>This station is not enrolled with the site server (or was removed). Please call the desk.</source>
        <translation>本终端未在站点服务器登记（或已被注销），请联系前台。</translation>
    </message>
</context>
<context>
    <name>operations</name>
    <message>
        <location filename="../../kiosk/ui/common/operations.py" line="137" />
        <source>It did not work</source>
        <translation>操作未成功</translation>
    </message>
</context>
<context>
    <name>payments</name>
    <message>
        <location filename="../../kiosk/ui/console/payment_words.py" line="13" />
        <source>Visitor card deposit</source>
        <translation>访客卡押金</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payment_words.py" line="14" />
        <source>Machine-room pass deposit</source>
        <translation>机房访客证押金</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payment_words.py" line="15" />
        <source>Decoration-worker pass deposit</source>
        <translation>装修出入证押金</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payment_words.py" line="18" />
        <source>Fee collected for finance</source>
        <translation>代财务收费</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payment_words.py" line="19" />
        <source>Decoration bond</source>
        <translation>装修保证金</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payment_words.py" line="25" />
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payment_words.py" line="26" />
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payment_words.py" line="27" />
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/payment_words.py" line="28" />
        <source>Bank card</source>
        <translation>银行卡</translation>
    </message>
</context>
<context>
    <name>permit_words</name>
    <message>
        <location filename="../../kiosk/ui/common/permit_words.py" line="17" />
        <source>Material permit</source>
        <translation>搬运材料凭据</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/permit_words.py" line="18" />
        <source>Decoration worker permit</source>
        <translation>装修出入证</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/permit_words.py" line="19" />
        <source>Newspaper delivery permit</source>
        <translation>送报出入证</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/permit_words.py" line="20" />
        <source>Milk delivery permit</source>
        <translation>送奶出入证</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/permit_words.py" line="26" />
        <source>Goods lift</source>
        <translation>开电梯（货梯）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/permit_words.py" line="27" />
        <source>Stairs</source>
        <translation>走楼梯</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/permit_words.py" line="33" />
        <source>Valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/permit_words.py" line="34" />
        <source>Not yet valid</source>
        <translation>未到有效期</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/permit_words.py" line="35" />
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/permit_words.py" line="36" />
        <source>Cancelled</source>
        <translation>已作废</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/permit_words.py" line="37" />
        <source>Unknown</source>
        <translation>无此凭据</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/permit_words.py" line="45" />
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/permit_words.py" line="59" />
        <source>Permits</source>
        <translation>凭据</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/permit_words.py" line="60" />
        <source>Permit</source>
        <translation>凭据编号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/permit_words.py" line="61" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/permit_words.py" line="62" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/permit_words.py" line="63" />
        <source>Unit</source>
        <translation>房号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/permit_words.py" line="64" />
        <source>Holder</source>
        <translation>持证人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/permit_words.py" line="65" />
        <source>ID</source>
        <translation>证件</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/permit_words.py" line="66" />
        <source>Company</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/permit_words.py" line="67" />
        <source>Materials</source>
        <translation>材料</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/permit_words.py" line="68" />
        <source>Goes up by</source>
        <translation>搬运方式</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/permit_words.py" line="69" />
        <source>Valid from</source>
        <translation>有效期起</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/permit_words.py" line="70" />
        <source>Valid until</source>
        <translation>有效期止</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/permit_words.py" line="71" />
        <source>Issued</source>
        <translation>开具时间</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/permit_words.py" line="72" />
        <source>Issued by</source>
        <translation>开具人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/permit_words.py" line="73" />
        <source>Cancelled at</source>
        <translation>作废时间</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/permit_words.py" line="74" />
        <source>Cancel reason</source>
        <translation>作废原因</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/permit_words.py" line="75" />
        <source>Times let in</source>
        <translation>放行次数</translation>
    </message>
</context>
<context>
    <name>release_slips</name>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="65" />
        <source>Issued</source>
        <translation>已开具</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="66" />
        <source>Released</source>
        <translation>已放行</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/release_slip_page.py" line="67" />
        <source>Voided</source>
        <translation>已作废</translation>
    </message>
</context>
<context>
    <name>repairs</name>
    <message>
        <location filename="../../kiosk/ui/console/board_repairs.py" line="32" />
        <source>Water</source>
        <translation>水（给排水）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_repairs.py" line="33" />
        <source>Electricity</source>
        <translation>电</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_repairs.py" line="34" />
        <source>Air conditioning</source>
        <translation>空调</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_repairs.py" line="35" />
        <source>Lift</source>
        <translation>电梯</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_repairs.py" line="36" />
        <source>Doors and locks</source>
        <translation>门窗锁具</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_repairs.py" line="37" />
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_repairs.py" line="43" />
        <source>Urgent</source>
        <translation>急修</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_repairs.py" line="44" />
        <source>General</source>
        <translation>一般维修</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_repairs.py" line="49" />
        <source>Taken, not dispatched</source>
        <translation>已受理，未派工</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_repairs.py" line="50" />
        <source>Dispatched</source>
        <translation>已派工</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_repairs.py" line="51" />
        <source>Engineer on site</source>
        <translation>维修人员已到场</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_repairs.py" line="52" />
        <source>Completed, awaiting sign-off</source>
        <translation>已完工，待业户验收</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_repairs.py" line="53" />
        <source>Signed off, awaiting callback</source>
        <translation>已验收，待回访</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_repairs.py" line="54" />
        <source>Closed</source>
        <translation>已回访结案</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_repairs.py" line="55" />
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_repairs.py" line="61" />
        <source>On site by</source>
        <translation>到场时限</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/board_repairs.py" line="62" />
        <source>Fixed by</source>
        <translation>完成时限</translation>
    </message>
</context>
<context>
    <name>widgets</name>
    <message>
        <location filename="../../kiosk/ui/common/widgets.py" line="251" />
        <source>Receptionist</source>
        <translation>前台</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/widgets.py" line="252" />
        <source>Supervisor</source>
        <translation>客服主管</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/widgets.py" line="253" />
        <source>Guard</source>
        <translation>护卫员</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/widgets.py" line="254" />
        <source>Sales</source>
        <translation>销售</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/widgets.py" line="255" />
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/widgets.py" line="262" />
        <source>ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/widgets.py" line="263" />
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/widgets.py" line="264" />
        <source>out of paper</source>
        <translation>缺纸</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/widgets.py" line="265" />
        <source>paper nearly out</source>
        <translation>纸将用完</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/widgets.py" line="266" />
        <source>cover open</source>
        <translation>纸仓盖未关</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/widgets.py" line="267" />
        <source>state unknown</source>
        <translation>状态未知</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/widgets.py" line="278" />
        <location filename="../../kiosk/ui/console/print_queue_page.py" line="227" />
        <source>receipt printer</source>
        <translation>小票打印机</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/widgets.py" line="280" />
        <location filename="../../kiosk/ui/console/print_queue_page.py" line="229" />
        <source>fallback printer</source>
        <translation>备用打印机</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/widgets.py" line="282" />
        <source>another station's printer</source>
        <translation>其他工位的打印机</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/widgets.py" line="291" />
        <source>the stored document cannot be laid out (%1); it is not tried again</source>
        <translation>保存的单据无法排版（%1），不会再自动重试</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/widgets.py" line="302" />
        <location filename="../../kiosk/ui/common/widgets.py" line="436" />
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/widgets.py" line="306" />
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/widgets.py" line="340" />
        <source>Resident ID</source>
        <translation>居民身份证</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/widgets.py" line="341" />
        <source>Passport</source>
        <translation>护照</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/widgets.py" line="342" />
        <source>HK/Macao</source>
        <translation>港澳通行证</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/widgets.py" line="343" />
        <source>Taiwan</source>
        <translation>台胞证</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/common/widgets.py" line="344" />
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
</TS>