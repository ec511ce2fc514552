<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CheckOutPage</name>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="529" />
        <location filename="../../kiosk/ui/kiosk_pages.py" line="538" />
        <source>Check out</source>
        <translation>签离</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="530" />
        <source>Hold your badge's QR code under the scanner.</source>
        <translation>请将访客证上的二维码对准扫码器。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="531" />
        <source>How to check out</source>
        <translation>签离方法</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="532" />
        <source>Or type your name and tap it in the list:</source>
        <translation>或输入您的姓名，在列表中点选：</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="533" />
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="534" />
        <source>Visitors on site with that name</source>
        <translation>在场的同名访客</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="535" />
        <source>What to fix</source>
        <translation>需要修改的地方</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="536" />
        <location filename="../../kiosk/ui/kiosk_pages.py" line="537" />
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="539" />
        <source>Check out the selected visitor</source>
        <translation>为选中的访客签离</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="552" />
        <source>in at %1</source>
        <translation>%1 到访</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="563" />
        <source>Please find your name and tap it, or scan your badge.</source>
        <translation>请找到并点选您的姓名，或扫描访客证。</translation>
    </message>
</context>
<context>
    <name>DeclarationPage</name>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="418" />
        <source>Before you go in</source>
        <translation>入内须知</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="421" />
        <source>I am not carrying gas cylinders, fireworks or firecrackers, or large amounts of thinner or other flammable liquids.</source>
        <translation>本人未携带煤气瓶、烟花爆竹、大量天拿水或其他易燃液体。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="425" />
        <source>Forbidden items</source>
        <translation>禁止携带物品</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="428" />
        <source>Privacy: we keep your name, company, mobile number, the person you visit and your times of arrival and departure for 180 days, for building security. Your ID number is kept only in protected form (the last four characters are shown). Only front-desk and security staff can see these records.</source>
        <translation>隐私说明：为保障大楼安全，我们保存您的姓名、单位、手机号、被访人及到访和离开时间，保存期 180 天。证件号码仅以加密形式保存（只显示后四位）。只有前台和保安人员可以查看这些记录。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="434" />
        <source>Privacy notice</source>
        <translation>隐私说明</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="435" />
        <source>I agree</source>
        <translation>我同意</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="436" />
        <source>I agree to the declaration and the privacy notice</source>
        <translation>我同意以上声明和隐私说明</translation>
    </message>
</context>
<context>
    <name>DeclinedPage</name>
    <message>
        <location filename="../../kiosk/ui/kiosk_window.py" line="334" />
        <source>We are sorry</source>
        <translation>非常抱歉</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_window.py" line="335" />
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_window.py" line="336" />
        <source>What to do next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_window.py" line="337" />
        <location filename="../../kiosk/ui/kiosk_window.py" line="338" />
        <source>Leave my contact details for the host</source>
        <translation>给被访人留下我的联系方式</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_window.py" line="339" />
        <location filename="../../kiosk/ui/kiosk_window.py" line="340" />
        <source>Your phone number</source>
        <translation>您的电话</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_window.py" line="341" />
        <source>Message for your host (optional)</source>
        <translation>给被访人的留言（可不填）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_window.py" line="342" />
        <source>Message for your host</source>
        <translation>给被访人的留言</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_window.py" line="343" />
        <location filename="../../kiosk/ui/kiosk_window.py" line="344" />
        <source>Send to my host</source>
        <translation>发送给被访人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_window.py" line="345" />
        <source>What to fix</source>
        <translation>需要修改的地方</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_window.py" line="346" />
        <location filename="../../kiosk/ui/kiosk_window.py" line="347" />
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_window.py" line="378" />
        <source>Thank you. The front desk will pass your details to your host.</source>
        <translation>谢谢，前台会把您的联系方式转告被访人。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_window.py" line="382" />
        <source>Your host cannot receive you today. You can leave your contact details for your host, or the front desk will gladly help you find another person to see.</source>
        <translation>被访人今天无法接待您。您可以给被访人留下联系方式，前台也可以帮您联系其他人员。</translation>
    </message>
</context>
<context>
    <name>DeskWindow</name>
    <message>
        <location filename="../../kiosk/ui/desk_window.py" line="39" />
        <source>Lobby Kiosk — Desk console</source>
        <translation>大堂访客系统 — 前台</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/desk_window.py" line="48" />
        <source>Demo mode: sign in as %1 with PIN %2.</source>
        <translation>演示模式：可用 %1 登录，PIN 为 %2。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/desk_window.py" line="58" />
        <source>Watchlist</source>
        <translation>拦截名单</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/desk_window.py" line="59" />
        <source>Evacuation</source>
        <translation>紧急疏散</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/desk_window.py" line="64" />
        <source>Sections</source>
        <translation>功能</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/desk_window.py" line="69" />
        <source>Signed-in staff member</source>
        <translation>当前登录的员工</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/desk_window.py" line="71" />
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/desk_window.py" line="145" />
        <source>Receptionist</source>
        <translation>前台</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/desk_window.py" line="146" />
        <source>Supervisor</source>
        <translation>客服主管</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/desk_window.py" line="147" />
        <source>Guard</source>
        <translation>护卫员</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/desk_window.py" line="148" />
        <source>Sales</source>
        <translation>销售</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/desk_window.py" line="149" />
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/desk_window.py" line="56" />
        <source>Lobby board</source>
        <translation>大堂看板</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/desk_window.py" line="57" />
        <source>Print queue</source>
        <translation>打印队列</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <location filename="../../kiosk/ui/kiosk_window.py" line="255" />
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_window.py" line="256" />
        <source>Badge number</source>
        <translation>访客证号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_window.py" line="257" />
        <source>What to do next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_window.py" line="258" />
        <location filename="../../kiosk/ui/kiosk_window.py" line="259" />
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_window.py" line="265" />
        <source>Welcome, %1</source>
        <translation>欢迎您，%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_window.py" line="266" />
        <source>Badge No. %1</source>
        <translation>访客证号 %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_window.py" line="269" />
        <source>Please take your badge from the printer and wear it while in the building.</source>
        <translation>请从打印机取走访客证，在楼内请佩戴。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_window.py" line="275" />
        <source>Your visit is registered, but the badge could not be printed. Please see the front desk.</source>
        <translation>您的来访已登记，但访客证未能打印，请到前台领取。</translation>
    </message>
</context>
<context>
    <name>EvacuationPage</name>
    <message>
        <location filename="../../kiosk/ui/evacuation_page.py" line="52" />
        <source>EVACUATION: show and print everyone on site</source>
        <translation>紧急疏散：显示并打印全部在场人员</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/evacuation_page.py" line="54" />
        <source>Show and print everyone on site for the roll call</source>
        <translation>显示并打印全部在场人员，用于集合点点名</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/evacuation_page.py" line="59" />
        <source>How many are on site</source>
        <translation>在场人数</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/evacuation_page.py" line="63" />
        <source>Everyone on site</source>
        <translation>全部在场人员</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/evacuation_page.py" line="64" />
        <source>Printing result</source>
        <translation>打印结果</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/evacuation_page.py" line="76" />
        <source>The on-site list cannot be read: no database and no local copy.</source>
        <translation>无法读取在场名单：数据库无法连接，也没有本地副本。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/evacuation_page.py" line="80" />
        <source>%n on site at %1.</source>
        <translation>%1 在场 %n 人。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/evacuation_page.py" line="83" />
        <source>Database unreachable: this is the last local copy.</source>
        <translation>数据库无法连接：这是最后一次保存的本地副本。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/evacuation_page.py" line="85" />
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/evacuation_page.py" line="96" />
        <source>Printed on %1.</source>
        <translation>已在 %1 打印。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/evacuation_page.py" line="99" />
        <source>NOT printed: %1. Use the list on screen.</source>
        <translation>未打印：%1。请使用屏幕上的名单。</translation>
    </message>
</context>
<context>
    <name>EvacuationTableModel</name>
    <message>
        <location filename="../../kiosk/ui/evacuation_page.py" line="24" />
        <source>Visitor</source>
        <translation>访客</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/evacuation_page.py" line="25" />
        <source>Company</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/evacuation_page.py" line="26" />
        <source>Host</source>
        <translation>被访人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/evacuation_page.py" line="27" />
        <source>Time in</source>
        <translation>到访时间</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/evacuation_page.py" line="28" />
        <source>Badge or card</source>
        <translation>访客证或卡号</translation>
    </message>
</context>
<context>
    <name>HostPage</name>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="298" />
        <source>Who are you visiting?</source>
        <translation>您要拜访谁？</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="299" />
        <source>Type a name, pinyin or department</source>
        <translation>输入姓名、拼音或部门</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="300" />
        <source>Search for the person you are visiting</source>
        <translation>搜索您要拜访的人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="301" />
        <source>e.g. 张三, zhangsan, zs, 财务部</source>
        <translation>例如：张三、zhangsan、zs、财务部</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="302" />
        <source>People you can visit</source>
        <translation>可拜访的人员</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="315" />
        <source> · ext. %1</source>
        <translation> · 分机 %1</translation>
    </message>
</context>
<context>
    <name>IdentityPage</name>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="220" />
        <source>About you</source>
        <translation>您的信息</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="222" />
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="223" />
        <source>Company or unit (optional)</source>
        <translation>单位（可不填）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="224" />
        <source>Mobile number (optional)</source>
        <translation>手机号（可不填）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="225" />
        <source>ID document (optional)</source>
        <translation>证件（可不填）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="226" />
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="227" />
        <source>Access permit number (出入证)</source>
        <translation>出入证编号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="240" />
        <source>Resident ID</source>
        <translation>身份证</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="241" />
        <source>Passport</source>
        <translation>护照</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="242" />
        <source>HK/Macao</source>
        <translation>港澳通行证</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="243" />
        <source>Taiwan</source>
        <translation>台胞证</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="244" />
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>InvitationPage</name>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="641" />
        <source>I have an invitation</source>
        <translation>我有预约</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="642" />
        <source>Scan the QR code of your invitation, or type its 6-character code:</source>
        <translation>请扫描预约二维码，或输入 6 位预约码：</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="643" />
        <source>Invitation code</source>
        <translation>预约码</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="644" />
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="645" />
        <source>Find the invitation</source>
        <translation>查找预约</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="646" />
        <source>Your invitation</source>
        <translation>您的预约</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="649" />
        <source>By confirming you declare you carry no gas cylinders, fireworks or large amounts of thinner, and accept the privacy notice (details kept 180 days for building security).</source>
        <translation>确认即表示您未携带煤气瓶、烟花爆竹或大量天拿水，并同意隐私说明（信息为大楼安全保存 180 天）。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="653" />
        <source>Declaration</source>
        <translation>声明</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="654" />
        <source>What to fix</source>
        <translation>需要修改的地方</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="655" />
        <location filename="../../kiosk/ui/kiosk_pages.py" line="656" />
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="657" />
        <location filename="../../kiosk/ui/kiosk_pages.py" line="658" />
        <source>Confirm and check in</source>
        <translation>确认并登记</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="694" />
        <source>Visitor</source>
        <translation>访客</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="695" />
        <source>Visiting</source>
        <translation>被访人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="696" />
        <source>Valid</source>
        <translation>有效时间</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="697" />
        <source>People</source>
        <translation>人数</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../../kiosk/ui/kiosk_window.py" line="481" />
        <source>Lobby Kiosk</source>
        <translation>大堂访客自助终端</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_window.py" line="603" />
        <source>That code is not a visitor badge of this building.</source>
        <translation>该二维码不是本楼的访客证。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_window.py" line="586" />
        <location filename="../../kiosk/ui/kiosk_window.py" line="623" />
        <location filename="../../kiosk/ui/kiosk_window.py" line="678" />
        <source>Sorry, something went wrong. Please see the front desk.</source>
        <translation>抱歉，系统出现问题，请到前台办理。</translation>
    </message>
</context>
<context>
    <name>LobbyBoardPage</name>
    <message>
        <location filename="../../kiosk/ui/lobby_board.py" line="223" />
        <source>On site now</source>
        <translation>当前在场</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/lobby_board.py" line="225" />
        <source>Number of visitors on site</source>
        <translation>在场访客人数</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/lobby_board.py" line="194" />
        <source>Waiting for a decision</source>
        <translation>等待确认</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/lobby_board.py" line="199" />
        <source>Visits waiting for a decision</source>
        <translation>等待确认的来访</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/lobby_board.py" line="205" />
        <source>Host agreed (phoned)</source>
        <translation>被访人已同意（已电话确认）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/lobby_board.py" line="207" />
        <source>Approve the selected visit for the host</source>
        <translation>代被访人同意选中的来访</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/lobby_board.py" line="210" />
        <source>Decline</source>
        <translation>谢绝</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/lobby_board.py" line="210" />
        <source>Decline the selected visit</source>
        <translation>谢绝选中的来访</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/lobby_board.py" line="213" />
        <source>Release hold</source>
        <translation>解除拦截</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/lobby_board.py" line="213" />
        <source>Release the selected watchlist hold</source>
        <translation>解除选中来访的名单拦截</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/lobby_board.py" line="232" />
        <source>Visitors on site</source>
        <translation>在场访客</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/lobby_board.py" line="235" />
        <source>Last action result</source>
        <translation>上一步操作结果</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/lobby_board.py" line="239" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/lobby_board.py" line="239" />
        <source>Refresh the board</source>
        <translation>刷新看板</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/lobby_board.py" line="242" />
        <source>Check out</source>
        <translation>签离</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/lobby_board.py" line="242" />
        <source>Check the selected visitor out</source>
        <translation>为选中的访客办理签离</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/lobby_board.py" line="245" />
        <source>Print badge again</source>
        <translation>重新打印访客证</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/lobby_board.py" line="247" />
        <source>Print the selected visitor's badge again</source>
        <translation>为选中的访客再次打印访客证</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/lobby_board.py" line="282" />
        <source>Your role cannot do this. Ask a supervisor.</source>
        <translation>您的角色无权执行此操作，请联系主管。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/lobby_board.py" line="299" />
        <source>%n on site</source>
        <translation>在场 %n 人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/lobby_board.py" line="313" />
        <source>Select a visitor in the table first.</source>
        <translation>请先在表格中选择一位访客。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/lobby_board.py" line="323" />
        <source>Select a waiting visit first.</source>
        <translation>请先选择一条等待确认的来访。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/lobby_board.py" line="344" />
        <source>Approved: the badge is being printed at the kiosk.</source>
        <translation>已同意：访客证正在自助机打印。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/lobby_board.py" line="353" />
        <source>Declined.</source>
        <translation>已谢绝。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/lobby_board.py" line="362" />
        <source>Hold released: the visit now waits for the host.</source>
        <translation>已解除拦截：来访转为等待被访人确认。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/lobby_board.py" line="375" />
        <source>Checked out.</source>
        <translation>已签离。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/lobby_board.py" line="394" />
        <source>Badge printed on %1.</source>
        <translation>访客证已在 %1 打印。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/lobby_board.py" line="397" />
        <source>The printer did not print the badge: %1</source>
        <translation>打印机未能打印访客证：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/lobby_board.py" line="406" />
        <source>Printing failed: %1</source>
        <translation>打印失败：%1</translation>
    </message>
</context>
<context>
    <name>OnSiteTableModel</name>
    <message>
        <location filename="../../kiosk/ui/lobby_board.py" line="55" />
        <source>Badge</source>
        <translation>证号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/lobby_board.py" line="56" />
        <source>Visitor</source>
        <translation>访客</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/lobby_board.py" line="57" />
        <source>Company</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/lobby_board.py" line="58" />
        <source>Host</source>
        <translation>被访人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/lobby_board.py" line="59" />
        <source>Time in</source>
        <translation>到访时间</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/lobby_board.py" line="60" />
        <source>On site for</source>
        <translation>在场时长</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/lobby_board.py" line="61" />
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/lobby_board.py" line="62" />
        <source>Badge printed</source>
        <translation>访客证打印</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/lobby_board.py" line="104" />
        <source>%1 OVERSTAY</source>
        <translation>%1 已超时</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/lobby_board.py" line="106" />
        <source>Printed</source>
        <translation>已打印</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/lobby_board.py" line="108" />
        <source>No badge</source>
        <translation>无访客证</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/lobby_board.py" line="109" />
        <source>Not printed</source>
        <translation>未打印</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/lobby_board.py" line="109" />
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
</context>
<context>
    <name>PrintJobTableModel</name>
    <message>
        <location filename="../../kiosk/ui/print_queue_page.py" line="34" />
        <source>Job</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/print_queue_page.py" line="35" />
        <source>Document</source>
        <translation>单据</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/print_queue_page.py" line="36" />
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/print_queue_page.py" line="37" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/print_queue_page.py" line="38" />
        <source>Tries</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/print_queue_page.py" line="39" />
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/print_queue_page.py" line="40" />
        <source>Problem / next try</source>
        <translation>问题 / 下次重试</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/print_queue_page.py" line="56" />
        <source> (copy)</source>
        <translation>（副本）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/print_queue_page.py" line="71" />
        <source>Visitor badge</source>
        <translation>访客证</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/print_queue_page.py" line="72" />
        <source>Release slip</source>
        <translation>物品放行条</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/print_queue_page.py" line="73" />
        <source>Receipt</source>
        <translation>收据</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/print_queue_page.py" line="74" />
        <source>Pass reconciliation</source>
        <translation>访客证核对表</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/print_queue_page.py" line="75" />
        <source>Card issue confirmation</source>
        <translation>发卡确认单</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/print_queue_page.py" line="81" />
        <source>Printed</source>
        <translation>已打印</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/print_queue_page.py" line="83" />
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/print_queue_page.py" line="84" />
        <source>Waiting for printer</source>
        <translation>等待打印机</translation>
    </message>
</context>
<context>
    <name>PrintQueuePage</name>
    <message>
        <location filename="../../kiosk/ui/print_queue_page.py" line="95" />
        <source>Print queue</source>
        <translation>打印队列</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/print_queue_page.py" line="97" />
        <source>Printer state</source>
        <translation>打印机状态</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/print_queue_page.py" line="104" />
        <source>Print jobs</source>
        <translation>打印任务</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/print_queue_page.py" line="108" />
        <source>Preview of the selected printout</source>
        <translation>选中单据的预览</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/print_queue_page.py" line="119" />
        <source>Last action result</source>
        <translation>上一步操作结果</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/print_queue_page.py" line="123" />
        <source>Send now</source>
        <translation>立即发送</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/print_queue_page.py" line="123" />
        <source>Send the selected waiting job to the printer now</source>
        <translation>立即把选中的等待任务发送到打印机</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/print_queue_page.py" line="126" />
        <source>Reprint (copy)</source>
        <translation>补打（副本）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/print_queue_page.py" line="128" />
        <source>Print the selected document again, marked as a copy</source>
        <translation>再次打印选中的单据，标注为副本</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/print_queue_page.py" line="160" />
        <source>ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/print_queue_page.py" line="161" />
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/print_queue_page.py" line="162" />
        <source>out of paper</source>
        <translation>缺纸</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/print_queue_page.py" line="163" />
        <source>paper nearly out</source>
        <translation>纸将用完</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/print_queue_page.py" line="164" />
        <source>cover open</source>
        <translation>纸仓盖未关</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/print_queue_page.py" line="165" />
        <source>state unknown</source>
        <translation>状态未知</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/print_queue_page.py" line="184" />
        <source>Select a job in the table first.</source>
        <translation>请先在表格中选择一个任务。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/print_queue_page.py" line="191" />
        <source>Printed on %1.</source>
        <translation>已在 %1 打印。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/print_queue_page.py" line="193" />
        <source>Not printed: %1</source>
        <translation>未打印：%1</translation>
    </message>
</context>
<context>
    <name>PurposePage</name>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="370" />
        <source>What is your visit for?</source>
        <translation>来访事由</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="371" />
        <source>Purpose (tap one or type)</source>
        <translation>事由（点选或输入）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="372" />
        <source>Meeting</source>
        <translation>开会</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="372" />
        <source>Business talk</source>
        <translation>商务洽谈</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="372" />
        <source>Maintenance</source>
        <translation>维修维护</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="372" />
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="376" />
        <source>Purpose of the visit</source>
        <translation>来访事由</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="377" />
        <source>How many people, including you?</source>
        <translation>来访人数（含您本人）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="378" />
        <source>Number of people</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="379" />
        <source>One person fewer</source>
        <translation>减少一人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="380" />
        <source>One person more</source>
        <translation>增加一人</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="460" />
        <source>Please check</source>
        <translation>请核对</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="461" />
        <source>Your check-in details</source>
        <translation>您的登记信息</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="462" />
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="463" />
        <source>Submit check-in</source>
        <translation>提交登记</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="472" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="473" />
        <source>Company</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="474" />
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="475" />
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="476" />
        <source>Visiting</source>
        <translation>被访人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="477" />
        <source>Purpose</source>
        <translation>事由</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="478" />
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="481" />
        <source>Access permit</source>
        <translation>出入证</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <location filename="../../kiosk/ui/desk_sign_in.py" line="25" />
        <location filename="../../kiosk/ui/desk_sign_in.py" line="35" />
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/desk_sign_in.py" line="28" />
        <location filename="../../kiosk/ui/desk_sign_in.py" line="29" />
        <source>Staff number</source>
        <translation>员工号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/desk_sign_in.py" line="30" />
        <location filename="../../kiosk/ui/desk_sign_in.py" line="31" />
        <source>PIN or password</source>
        <translation>PIN 或密码</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/desk_sign_in.py" line="38" />
        <source>Why signing in failed</source>
        <translation>登录失败原因</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/desk_sign_in.py" line="41" />
        <source>Demo accounts</source>
        <translation>演示账号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/desk_sign_in.py" line="50" />
        <source>Desk console: sign in</source>
        <translation>前台控制台：登录</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/desk_sign_in.py" line="58" />
        <source>Locked after inactivity: enter your PIN to continue</source>
        <translation>长时间无操作已锁定：请输入 PIN 继续</translation>
    </message>
</context>
<context>
    <name>StaffExitPage</name>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="752" />
        <source>Staff only: leave kiosk mode</source>
        <translation>仅限工作人员：退出自助模式</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="753" />
        <location filename="../../kiosk/ui/kiosk_pages.py" line="754" />
        <source>Staff number</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="755" />
        <location filename="../../kiosk/ui/kiosk_pages.py" line="756" />
        <source>PIN</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="757" />
        <source>What to fix</source>
        <translation>需要修改的地方</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="758" />
        <location filename="../../kiosk/ui/kiosk_pages.py" line="759" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="760" />
        <location filename="../../kiosk/ui/kiosk_pages.py" line="761" />
        <source>Leave kiosk mode</source>
        <translation>退出自助模式</translation>
    </message>
</context>
<context>
    <name>StepPage</name>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="111" />
        <source>Step %1 of %2</source>
        <translation>第 %1 步，共 %2 步</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="113" />
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="114" />
        <source>What to fix</source>
        <translation>需要修改的地方</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="115" />
        <location filename="../../kiosk/ui/kiosk_pages.py" line="116" />
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="117" />
        <location filename="../../kiosk/ui/kiosk_pages.py" line="118" />
        <source>Next</source>
        <translation>下一步</translation>
    </message>
</context>
<context>
    <name>ThankYouPage</name>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="586" />
        <source>Thank you for your visit</source>
        <translation>感谢您的来访</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="587" />
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="589" />
        <source>You are checked out. Please leave your badge in the box at the desk. Goodbye!</source>
        <translation>您已签离。请将访客证投入前台的回收箱。再见！</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="591" />
        <source>What to do next</source>
        <translation>下一步</translation>
    </message>
</context>
<context>
    <name>VisitorTypePage</name>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="162" />
        <source>Why are you here today?</source>
        <translation>请选择来访类型</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="164" />
        <source>Visiting someone</source>
        <translation>拜访人员</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="165" />
        <source>Contractor / decoration work</source>
        <translation>施工 / 装修</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="166" />
        <source>Delivery</source>
        <translation>送货 / 快递</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="167" />
        <source>Interview</source>
        <translation>面试</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="168" />
        <source>Government official</source>
        <translation>政府人员</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_pages.py" line="169" />
        <source>IDC machine-room visit</source>
        <translation>IDC机房来访</translation>
    </message>
</context>
<context>
    <name>WaitingPage</name>
    <message>
        <location filename="../../kiosk/ui/kiosk_window.py" line="206" />
        <source>Please wait</source>
        <translation>请稍候</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_window.py" line="207" />
        <source>What is happening</source>
        <translation>当前状态</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_window.py" line="208" />
        <source>Time waited</source>
        <translation>已等待时间</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_window.py" line="212" />
        <location filename="../../kiosk/ui/kiosk_window.py" line="215" />
        <source>Please wait a moment</source>
        <translation>请稍候</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_window.py" line="213" />
        <source>A receptionist will assist you.</source>
        <translation>前台工作人员马上为您办理。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_window.py" line="216" />
        <source>After hours, the duty officer confirms every visit. Please wait.</source>
        <translation>非办公时间，来访需由值班人员确认，请稍候。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_window.py" line="218" />
        <source>We are asking your host</source>
        <translation>正在联系被访人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_window.py" line="221" />
        <source>Your host has been asked to confirm your visit. You can take a seat; this screen will tell you.</source>
        <translation>已请被访人确认您的来访。您可以先坐下休息，结果会显示在这里。</translation>
    </message>
</context>
<context>
    <name>WaitingTableModel</name>
    <message>
        <location filename="../../kiosk/ui/lobby_board.py" line="118" />
        <source>Visitor</source>
        <translation>访客</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/lobby_board.py" line="119" />
        <source>Company</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/lobby_board.py" line="120" />
        <location filename="../../kiosk/ui/lobby_board.py" line="160" />
        <source>Host</source>
        <translation>被访人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/lobby_board.py" line="121" />
        <source>Decided by</source>
        <translation>确认人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/lobby_board.py" line="122" />
        <source>Waiting</source>
        <translation>已等待</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/lobby_board.py" line="151" />
        <source> ext. %1</source>
        <translation> 分机 %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/lobby_board.py" line="156" />
        <source>HOLD: watchlist, supervisor</source>
        <translation>拦截：名单人员，需主管处理</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/lobby_board.py" line="158" />
        <source>Duty officer (night)</source>
        <translation>值班人员（夜间）</translation>
    </message>
</context>
<context>
    <name>WatchlistPage</name>
    <message>
        <location filename="../../kiosk/ui/watchlist_page.py" line="67" />
        <source>People on the watchlist</source>
        <translation>拦截名单人员</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/watchlist_page.py" line="70" />
        <source>Remove from the watchlist</source>
        <translation>移出拦截名单</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/watchlist_page.py" line="72" />
        <source>Remove the selected person from the watchlist</source>
        <translation>将所选人员移出拦截名单</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/watchlist_page.py" line="80" />
        <location filename="../../kiosk/ui/watchlist_page.py" line="105" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/watchlist_page.py" line="81" />
        <location filename="../../kiosk/ui/watchlist_page.py" line="106" />
        <source>Company</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/watchlist_page.py" line="82" />
        <location filename="../../kiosk/ui/watchlist_page.py" line="107" />
        <source>ID document</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/watchlist_page.py" line="84" />
        <source>Resident ID</source>
        <translation>居民身份证</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/watchlist_page.py" line="85" />
        <source>Passport</source>
        <translation>护照</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/watchlist_page.py" line="86" />
        <source>HK/Macao</source>
        <translation>港澳通行证</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/watchlist_page.py" line="87" />
        <source>Taiwan</source>
        <translation>台胞证</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/watchlist_page.py" line="88" />
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/watchlist_page.py" line="92" />
        <location filename="../../kiosk/ui/watchlist_page.py" line="108" />
        <source>ID number (optional)</source>
        <translation>证件号码（可选）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/watchlist_page.py" line="93" />
        <location filename="../../kiosk/ui/watchlist_page.py" line="109" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/watchlist_page.py" line="95" />
        <source>Has an end date</source>
        <translation>设有截止日期</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/watchlist_page.py" line="97" />
        <source>End date</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/watchlist_page.py" line="112" />
        <source>End</source>
        <translation>截止</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/watchlist_page.py" line="115" />
        <source>Add to the watchlist</source>
        <translation>加入拦截名单</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/watchlist_page.py" line="115" />
        <source>Add this person to the watchlist</source>
        <translation>将此人加入拦截名单</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/watchlist_page.py" line="118" />
        <source>Last action result</source>
        <translation>上一操作结果</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/watchlist_page.py" line="156" />
        <source>Added: check-ins by this person are now held for a supervisor.</source>
        <translation>已加入：此人今后登记将被拦截，由主管处理。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/watchlist_page.py" line="164" />
        <source>Select a person in the table first.</source>
        <translation>请先在表格中选择一人。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/watchlist_page.py" line="167" />
        <source>Removed from the watchlist.</source>
        <translation>已移出拦截名单。</translation>
    </message>
</context>
<context>
    <name>WatchlistTableModel</name>
    <message>
        <location filename="../../kiosk/ui/watchlist_page.py" line="36" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/watchlist_page.py" line="37" />
        <source>Company</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/watchlist_page.py" line="38" />
        <source>ID</source>
        <translation>证件</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/watchlist_page.py" line="39" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/watchlist_page.py" line="40" />
        <source>Added by</source>
        <translation>添加人</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/watchlist_page.py" line="41" />
        <source>Added</source>
        <translation>添加日期</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/watchlist_page.py" line="42" />
        <source>Until</source>
        <translation>截止</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/watchlist_page.py" line="54" />
        <source>no end</source>
        <translation>长期</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../kiosk/ui/kiosk_window.py" line="152" />
        <source>Current time</source>
        <translation>当前时间</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_window.py" line="154" />
        <source>Demo mode: emulated printer and card encoder</source>
        <translation>演示模式：模拟打印机和模拟发卡器</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_window.py" line="155" />
        <source>Demo mode</source>
        <translation>演示模式</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_window.py" line="156" />
        <source>Welcome. Please check in at this screen.</source>
        <translation>欢迎光临，请在此登记来访。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_window.py" line="157" />
        <location filename="../../kiosk/ui/kiosk_window.py" line="158" />
        <source>Check in</source>
        <translation>登记来访</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_window.py" line="159" />
        <location filename="../../kiosk/ui/kiosk_window.py" line="160" />
        <source>I have an invitation</source>
        <translation>我有预约</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_window.py" line="161" />
        <location filename="../../kiosk/ui/kiosk_window.py" line="162" />
        <source>Check out</source>
        <translation>签离</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <location filename="../../kiosk/ui/messages.py" line="17" />
        <source>Please enter your name.</source>
        <translation>请输入您的姓名。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/messages.py" line="18" />
        <source>Your name is too long: at most {max} characters.</source>
        <translation>姓名过长：最多 {max} 个字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/messages.py" line="21" />
        <source>Your name cannot contain “{char}”. Please use letters only.</source>
        <translation>姓名中不能有“{char}”，请只填写文字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/messages.py" line="24" />
        <source>Your name must contain letters.</source>
        <translation>姓名必须包含文字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/messages.py" line="25" />
        <source>The company name is too long: at most {max} characters.</source>
        <translation>单位名称过长：最多 {max} 个字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/messages.py" line="28" />
        <source>Contractors need their access permit (出入证) number. Please enter it.</source>
        <translation>施工人员请填写出入证编号。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/messages.py" line="31" />
        <source>Please enter the ID number.</source>
        <translation>请输入证件号码。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/messages.py" line="32" />
        <source>15-digit ID cards are no longer valid. Please use your 18-digit ID card.</source>
        <translation>15位身份证已停止使用，请使用18位居民身份证。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/messages.py" line="35" />
        <source>A resident ID number has 18 characters; you typed {length}. Please check it.</source>
        <translation>居民身份证号码应为18位，您输入了{length}位，请核对。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/messages.py" line="38" />
        <source>A resident ID number has 17 digits and then a digit or X. Please check it.</source>
        <translation>居民身份证号码为17位数字加1位数字或X，请核对。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/messages.py" line="41" />
        <source>The first digits of this ID number are not a region code. Please check it.</source>
        <translation>号码开头不是有效的地区代码，请核对。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/messages.py" line="44" />
        <source>Digits 7 to 14 of this ID number are not a valid date of birth. Please check them.</source>
        <translation>号码第7至14位不是有效的出生日期，请核对。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/messages.py" line="47" />
        <source>This ID number does not add up (its last character does not match). Please check every digit.</source>
        <translation>证件号码校验不通过（最后一位不符），请逐位核对。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/messages.py" line="51" />
        <source>A passport number has 5 to 17 letters and digits. Please check it.</source>
        <translation>护照号码应为5至17位字母和数字，请核对。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/messages.py" line="54" />
        <source>A Home Return Permit number is H or M followed by 8 or 10 digits. Please check it.</source>
        <translation>港澳居民来往内地通行证号码为H或M加8位或10位数字，请核对。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/messages.py" line="57" />
        <source>A Taiwan compatriot permit number has 8 digits. Please check it.</source>
        <translation>台湾居民来往大陆通行证号码为8位数字，请核对。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/messages.py" line="60" />
        <source>Please enter the document number with letters and digits only.</source>
        <translation>证件号码只能包含字母和数字，请核对。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/messages.py" line="63" />
        <source>This is not a mobile number. Use 11 digits, or + and the country code.</source>
        <translation>这不是有效的手机号码。请输入11位手机号，或以+开头加国家代码。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/messages.py" line="66" />
        <source>A mainland mobile number has 11 digits; you typed {length}.</source>
        <translation>大陆手机号码为11位，您输入了{length}位。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/messages.py" line="69" />
        <source>Please give the reason.</source>
        <translation>请填写原因。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/messages.py" line="70" />
        <source>Please keep the reason under {max} characters.</source>
        <translation>原因请勿超过{max}个字符。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/messages.py" line="71" />
        <source>The end date must be in the future.</source>
        <translation>截止日期必须在今天之后。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/messages.py" line="72" />
        <source>This watchlist entry no longer exists.</source>
        <translation>该拦截记录已不存在。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/messages.py" line="73" />
        <source>ID numbers cannot be taken at this kiosk. Please leave the field empty.</source>
        <translation>本机暂不登记证件号码，请留空。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/messages.py" line="76" />
        <source>Please keep the purpose under {max} characters.</source>
        <translation>事由请不超过 {max} 个字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/messages.py" line="77" />
        <source>A party can be 1 to {max} people. Larger groups, please see the front desk.</source>
        <translation>来访人数为 1 至 {max} 人。人数更多请到前台办理。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/messages.py" line="80" />
        <source>Please read and accept the declaration before checking in.</source>
        <translation>请阅读并同意入内须知后再登记。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/messages.py" line="83" />
        <source>This visit has already been decided.</source>
        <translation>该来访已处理。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/messages.py" line="84" />
        <source>This visit is on hold: a supervisor must release it first.</source>
        <translation>该来访已被拦截，需主管先解除。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/messages.py" line="87" />
        <source>This visit is not on hold.</source>
        <translation>该来访没有被拦截。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/messages.py" line="88" />
        <source>This badge is not known here. Please see the front desk.</source>
        <translation>系统中没有这张访客证，请到前台办理。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/messages.py" line="91" />
        <source>Please enter the 6-character code from your invitation.</source>
        <translation>请输入预约中的 6 位预约码。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/messages.py" line="94" />
        <source>The invitation code has {length} characters. Please check it.</source>
        <translation>预约码为 {length} 位，请核对。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/messages.py" line="97" />
        <source>Invitation codes do not contain “{char}”. Please check the code.</source>
        <translation>预约码中没有“{char}”，请核对。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/messages.py" line="100" />
        <source>There is no invitation with this code. Please check it, or check in as a new visitor.</source>
        <translation>没有这个预约码，请核对，或按新访客登记。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/messages.py" line="103" />
        <source>This invitation was valid until {valid_until}. Please check in as a new visitor.</source>
        <translation>该预约已于 {valid_until} 过期，请按新访客登记。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/messages.py" line="106" />
        <source>This invitation is valid from {valid_from}. Please come back then, or see the front desk.</source>
        <translation>该预约从 {valid_from} 起有效，请届时再来，或到前台办理。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/messages.py" line="110" />
        <source>This invitation has already been used.</source>
        <translation>该预约已使用。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/messages.py" line="111" />
        <source>This invitation was cancelled. Please see the front desk.</source>
        <translation>该预约已取消，请到前台办理。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/messages.py" line="114" />
        <source>Staff number or PIN is wrong.</source>
        <translation>工号或密码错误。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/messages.py" line="115" />
        <source>Too many wrong tries: this account is locked for 15 minutes.</source>
        <translation>错误次数过多，该账号已锁定 15 分钟。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/messages.py" line="118" />
        <source>Please enter a phone number or a message.</source>
        <translation>请填写电话或留言。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/messages.py" line="119" />
        <source>The phone number is too long.</source>
        <translation>电话号码过长。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/messages.py" line="120" />
        <source>Please keep the message under {max} characters.</source>
        <translation>留言请不超过 {max} 个字。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/messages.py" line="121" />
        <source>Please choose the person you are visiting.</source>
        <translation>请选择您要拜访的人。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/messages.py" line="122" />
        <source>That person is no longer in the directory. Please choose again.</source>
        <translation>该人员已不在通讯录中，请重新选择。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/messages.py" line="125" />
        <source>This visit no longer exists.</source>
        <translation>该来访记录已不存在。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/messages.py" line="126" />
        <source>This visitor has already checked out.</source>
        <translation>该访客已签离。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/messages.py" line="127" />
        <source>This visit has no badge to print.</source>
        <translation>该来访没有可打印的访客证。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/messages.py" line="128" />
        <source>This print job no longer exists.</source>
        <translation>该打印任务已不存在。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/messages.py" line="129" />
        <source>This job has already printed. Use “Reprint (copy)” for another copy.</source>
        <translation>该任务已打印。如需再打一份，请用“补打（副本）”。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/messages.py" line="132" />
        <source>This job has not printed yet. Use “Send now” instead.</source>
        <translation>该任务尚未打印，请用“立即发送”。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/messages.py" line="142" />
        <source>Please check the entry: {detail}</source>
        <translation>请检查填写内容：{detail}</translation>
    </message>
</context>
</TS>