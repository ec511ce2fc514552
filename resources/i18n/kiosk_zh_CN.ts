<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CheckInPage</name>
    <message>
        <location filename="../../kiosk/ui/kiosk_window.py" line="187"/>
        <location filename="../../kiosk/ui/kiosk_window.py" line="199"/>
        <source>Check in</source>
        <translation>登记来访</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_window.py" line="188"/>
        <location filename="../../kiosk/ui/kiosk_window.py" line="189"/>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_window.py" line="190"/>
        <source>Company or unit (optional)</source>
        <translation>单位（可不填）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_window.py" line="191"/>
        <source>Company or unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_window.py" line="192"/>
        <source>Who are you visiting?</source>
        <translation>您要拜访谁？</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_window.py" line="193"/>
        <source>Search for the person you are visiting</source>
        <translation>搜索您要拜访的人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_window.py" line="194"/>
        <source>Type a name or department</source>
        <translation>输入姓名、拼音或部门</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_window.py" line="195"/>
        <source>People you can visit</source>
        <translation>可拜访的人员</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_window.py" line="196"/>
        <source>What to fix</source>
        <translation>需要修改的地方</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_window.py" line="197"/>
        <location filename="../../kiosk/ui/kiosk_window.py" line="198"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_window.py" line="200"/>
        <source>Submit check-in</source>
        <translation>提交登记</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_window.py" line="216"/>
        <source> · ext. %1</source>
        <translation> · 分机 %1</translation>
    </message>
</context>
<context>
    <name>DeskWindow</name>
    <message>
        <location filename="../../kiosk/ui/desk_window.py" line="20"/>
        <source>Lobby Kiosk — Desk console</source>
        <translation>大堂访客系统 — 前台</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/desk_window.py" line="26"/>
        <source>Sections</source>
        <translation>功能</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/desk_window.py" line="27"/>
        <source>Lobby board</source>
        <translation>大堂看板</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/desk_window.py" line="27"/>
        <source>Print queue</source>
        <translation>打印队列</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <location filename="../../kiosk/ui/kiosk_window.py" line="274"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_window.py" line="275"/>
        <source>Badge number</source>
        <translation>访客证号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_window.py" line="276"/>
        <source>What to do next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_window.py" line="277"/>
        <location filename="../../kiosk/ui/kiosk_window.py" line="278"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_window.py" line="284"/>
        <source>Welcome, %1</source>
        <translation>欢迎您，%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_window.py" line="285"/>
        <source>Badge No. %1</source>
        <translation>访客证号 %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_window.py" line="288"/>
        <source>Please take your badge from the printer and wear it while in the building.</source>
        <translation>请从打印机取走访客证，在楼内请佩戴。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_window.py" line="294"/>
        <source>Your visit is registered, but the badge could not be printed. Please see the front desk.</source>
        <translation>您的来访已登记，但访客证未能打印，请到前台领取。</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../../kiosk/ui/kiosk_window.py" line="336"/>
        <source>Lobby Kiosk</source>
        <translation>大堂访客自助终端</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_window.py" line="371"/>
        <source>Sorry, something went wrong. Please see the front desk.</source>
        <translation>抱歉，系统出现问题，请到前台办理。</translation>
    </message>
</context>
<context>
    <name>LobbyBoardPage</name>
    <message>
        <location filename="../../kiosk/ui/lobby_board.py" line="125"/>
        <source>On site now</source>
        <translation>当前在场</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/lobby_board.py" line="127"/>
        <source>Number of visitors on site</source>
        <translation>在场访客人数</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/lobby_board.py" line="135"/>
        <source>Visitors on site</source>
        <translation>在场访客</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/lobby_board.py" line="138"/>
        <source>Last action result</source>
        <translation>上一步操作结果</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/lobby_board.py" line="142"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/lobby_board.py" line="142"/>
        <source>Refresh the board</source>
        <translation>刷新看板</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/lobby_board.py" line="145"/>
        <source>Check out</source>
        <translation>签离</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/lobby_board.py" line="145"/>
        <source>Check the selected visitor out</source>
        <translation>为选中的访客办理签离</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/lobby_board.py" line="148"/>
        <source>Print badge again</source>
        <translation>重新打印访客证</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/lobby_board.py" line="150"/>
        <source>Print the selected visitor&apos;s badge again</source>
        <translation>为选中的访客再次打印访客证</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/lobby_board.py" line="170"/>
        <source>%n on site</source>
        <translation>在场 %n 人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/lobby_board.py" line="184"/>
        <source>Select a visitor in the table first.</source>
        <translation>请先在表格中选择一位访客。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/lobby_board.py" line="196"/>
        <source>Checked out.</source>
        <translation>已签离。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/lobby_board.py" line="214"/>
        <source>Badge printed on %1.</source>
        <translation>访客证已在 %1 打印。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/lobby_board.py" line="217"/>
        <source>The printer did not print the badge: %1</source>
        <translation>打印机未能打印访客证：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/lobby_board.py" line="226"/>
        <source>Printing failed: %1</source>
        <translation>打印失败：%1</translation>
    </message>
</context>
<context>
    <name>OnSiteTableModel</name>
    <message>
        <location filename="../../kiosk/ui/lobby_board.py" line="50"/>
        <source>Badge</source>
        <translation>证号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/lobby_board.py" line="51"/>
        <source>Visitor</source>
        <translation>访客</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/lobby_board.py" line="52"/>
        <source>Company</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/lobby_board.py" line="53"/>
        <source>Host</source>
        <translation>被访人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/lobby_board.py" line="54"/>
        <source>Time in</source>
        <translation>到访时间</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/lobby_board.py" line="55"/>
        <source>On site for</source>
        <translation>在场时长</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/lobby_board.py" line="56"/>
        <source>Badge printed</source>
        <translation>访客证打印</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/lobby_board.py" line="91"/>
        <source>Printed</source>
        <translation>已打印</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/lobby_board.py" line="93"/>
        <source>No badge</source>
        <translation>无访客证</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/lobby_board.py" line="94"/>
        <source>Not printed</source>
        <translation>未打印</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/lobby_board.py" line="94"/>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
</context>
<context>
    <name>PrintJobTableModel</name>
    <message>
        <location filename="../../kiosk/ui/print_queue_page.py" line="34"/>
        <source>Job</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/print_queue_page.py" line="35"/>
        <source>Document</source>
        <translation>单据</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/print_queue_page.py" line="36"/>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/print_queue_page.py" line="37"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/print_queue_page.py" line="38"/>
        <source>Tries</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/print_queue_page.py" line="39"/>
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/print_queue_page.py" line="40"/>
        <source>Problem / next try</source>
        <translation>问题 / 下次重试</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/print_queue_page.py" line="56"/>
        <source> (copy)</source>
        <translation>（副本）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/print_queue_page.py" line="71"/>
        <source>Visitor badge</source>
        <translation>访客证</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/print_queue_page.py" line="72"/>
        <source>Release slip</source>
        <translation>物品放行条</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/print_queue_page.py" line="73"/>
        <source>Receipt</source>
        <translation>收据</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/print_queue_page.py" line="74"/>
        <source>Pass reconciliation</source>
        <translation>访客证核对表</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/print_queue_page.py" line="75"/>
        <source>Card issue confirmation</source>
        <translation>发卡确认单</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/print_queue_page.py" line="81"/>
        <source>Printed</source>
        <translation>已打印</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/print_queue_page.py" line="83"/>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/print_queue_page.py" line="84"/>
        <source>Waiting for printer</source>
        <translation>等待打印机</translation>
    </message>
</context>
<context>
    <name>PrintQueuePage</name>
    <message>
        <location filename="../../kiosk/ui/print_queue_page.py" line="95"/>
        <source>Print queue</source>
        <translation>打印队列</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/print_queue_page.py" line="97"/>
        <source>Printer state</source>
        <translation>打印机状态</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/print_queue_page.py" line="104"/>
        <source>Print jobs</source>
        <translation>打印任务</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/print_queue_page.py" line="108"/>
        <source>Preview of the selected printout</source>
        <translation>选中单据的预览</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/print_queue_page.py" line="119"/>
        <source>Last action result</source>
        <translation>上一步操作结果</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/print_queue_page.py" line="123"/>
        <source>Send now</source>
        <translation>立即发送</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/print_queue_page.py" line="123"/>
        <source>Send the selected waiting job to the printer now</source>
        <translation>立即把选中的等待任务发送到打印机</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/print_queue_page.py" line="126"/>
        <source>Reprint (copy)</source>
        <translation>补打（副本）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/print_queue_page.py" line="128"/>
        <source>Print the selected document again, marked as a copy</source>
        <translation>再次打印选中的单据，标注为副本</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/print_queue_page.py" line="160"/>
        <source>ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/print_queue_page.py" line="161"/>
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/print_queue_page.py" line="162"/>
        <source>out of paper</source>
        <translation>缺纸</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/print_queue_page.py" line="163"/>
        <source>paper nearly out</source>
        <translation>纸将用完</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/print_queue_page.py" line="164"/>
        <source>cover open</source>
        <translation>纸仓盖未关</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/print_queue_page.py" line="165"/>
        <source>state unknown</source>
        <translation>状态未知</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/print_queue_page.py" line="184"/>
        <source>Select a job in the table first.</source>
        <translation>请先在表格中选择一个任务。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/print_queue_page.py" line="191"/>
        <source>Printed on %1.</source>
        <translation>已在 %1 打印。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/print_queue_page.py" line="193"/>
        <source>Not printed: %1</source>
        <translation>未打印：%1</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../kiosk/ui/kiosk_window.py" line="125"/>
        <source>Current time</source>
        <translation>当前时间</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_window.py" line="127"/>
        <source>Demo mode: emulated printer and card encoder</source>
        <translation>演示模式：模拟打印机和模拟发卡器</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_window.py" line="128"/>
        <source>Demo mode</source>
        <translation>演示模式</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_window.py" line="129"/>
        <source>Welcome. Please check in at this screen.</source>
        <translation>欢迎光临，请在此登记来访。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_window.py" line="130"/>
        <location filename="../../kiosk/ui/kiosk_window.py" line="131"/>
        <source>Check in</source>
        <translation>登记来访</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <location filename="../../kiosk/ui/messages.py" line="17"/>
        <source>Please enter your name.</source>
        <translation>请输入您的姓名。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/messages.py" line="18"/>
        <source>Your name is too long: at most {max} characters.</source>
        <translation>姓名过长：最多 {max} 个字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/messages.py" line="21"/>
        <source>Your name cannot contain “{char}”. Please use letters only.</source>
        <translation>姓名中不能有“{char}”，请只填写文字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/messages.py" line="24"/>
        <source>Your name must contain letters.</source>
        <translation>姓名必须包含文字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/messages.py" line="25"/>
        <source>The company name is too long: at most {max} characters.</source>
        <translation>单位名称过长：最多 {max} 个字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/messages.py" line="28"/>
        <source>Please choose the person you are visiting.</source>
        <translation>请选择您要拜访的人。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/messages.py" line="29"/>
        <source>That person is no longer in the directory. Please choose again.</source>
        <translation>该人员已不在通讯录中，请重新选择。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/messages.py" line="32"/>
        <source>This visit no longer exists.</source>
        <translation>该来访记录已不存在。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/messages.py" line="33"/>
        <source>This visitor has already checked out.</source>
        <translation>该访客已签离。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/messages.py" line="34"/>
        <source>This visit has no badge to print.</source>
        <translation>该来访没有可打印的访客证。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/messages.py" line="35"/>
        <source>This print job no longer exists.</source>
        <translation>该打印任务已不存在。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/messages.py" line="36"/>
        <source>This job has already printed. Use “Reprint (copy)” for another copy.</source>
        <translation>该任务已打印。如需再打一份，请用“补打（副本）”。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/messages.py" line="39"/>
        <source>This job has not printed yet. Use “Send now” instead.</source>
        <translation>该任务尚未打印，请用“立即发送”。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/messages.py" line="49"/>
        <source>Please check the entry: {detail}</source>
        <translation>请检查填写内容：{detail}</translation>
    </message>
</context>
</TS>
