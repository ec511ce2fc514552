"""What ``kiosk doctor`` says, in English and Chinese: one table, rendered in the configured
language ([kiosk] language). Not Qt's translator: the doctor must speak when Qt itself is what is
broken, and a table is checked whole by a test (every key in both languages, the same fields).

The words OK / WARN / FAIL stay as they are in both languages: support scripts and the people on
the phone to the site read them alike. A device's own explanation (from its driver, in English)
is shown after the sentence, in brackets.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

LANGUAGES = ("en", "zh_CN")

# key: (English, Chinese). Fields in braces, with format specs where a number is shown.
MESSAGES: dict[str, tuple[str, str]] = {
    # the report's own lines
    "line": ("{status} {title}: {text}", "{status} {title}：{text}"),
    "detail": (" ({detail})", "（{detail}）"),
    "fix": ("     fix: {fix}", "     解决：{fix}"),
    "header": ("kiosk doctor: this machine as a {role} station", "kiosk doctor：按{role}检查本机"),
    "summary.ok": ("nothing failed, {warnings} warning(s)", "无失败项，{warnings} 项警告"),
    "summary.failed": (
        "{failures} check(s) failed, {warnings} warning(s)",
        "{failures} 项失败，{warnings} 项警告",
    ),
    "role.kiosk": ("kiosk", "自助机"),
    "role.desk": ("desk", "前台"),
    "role.guard": ("guard screen", "门岗屏"),
    "role.server": ("server", "服务器"),
    # the checks' names
    "title.python": ("Python", "Python"),
    "title.qt": ("Qt", "Qt"),
    "title.config": ("Configuration", "配置文件"),
    "title.fonts": ("Chinese font", "中文字体"),
    "title.screen": ("Screen", "屏幕"),
    "title.touch": ("Touch screen", "触摸屏"),
    "title.printer.url": ("Printer", "打印机"),
    "title.printer.fallback_url": ("Fallback printer", "备用打印机"),
    "title.encoder.url": ("Card encoder", "发卡器"),
    "title.devices.id_reader": ("ID-card reader", "身份证阅读器"),
    "title.permissions": ("Device access", "设备权限"),
    "title.server": ("Site server", "服务器"),
    "title.certificate": ("Server certificate", "服务器证书"),
    "title.clock": ("Clock", "时钟"),
    "title.database": ("Database", "数据库"),
    "title.disk": ("Disk space", "磁盘空间"),
    # Python and Qt
    "python.ok": ("{version}", "{version}"),
    "python.old": (
        "Python {version} is too old: 3.11 or later is needed",
        "Python {version} 版本过旧，需要 3.11 或更高版本",
    ),
    "fix.python": (
        "install Python 3.11 or later (Debian 12: sudo apt install python3) and install the program again",
        "安装 Python 3.11 或更高版本（Debian 12：sudo apt install python3），然后重新安装本程序",
    ),
    "qt.ok": ("PySide6 {pyside}, Qt {qt}", "PySide6 {pyside}，Qt {qt}"),
    "qt.missing": ("PySide6 cannot be loaded", "无法加载 PySide6"),
    "qt.mismatch": (
        "PySide6 {pyside} was built for Qt {built}, but Qt {qt} is loaded",
        "PySide6 {pyside} 是为 Qt {built} 构建的，但加载的是 Qt {qt}",
    ),
    "qt.excluded": (
        "PySide6 {pyside} is a release this program does not work with",
        "本程序无法在 PySide6 {pyside} 上运行",
    ),
    "fix.qt": (
        "install the program again with its own pinned libraries (the package, or `make run` from "
        "requirements.lock); do not mix in another Qt",
        "用本程序自带的固定版本库重新安装（安装包，或按 requirements.lock 运行 make run），不要混用其他 Qt",
    ),
    # the configuration
    "config.file": ("{path}", "{path}"),
    "config.demo": ("none: demo mode (the defaults)", "无：演示模式（默认设置）"),
    "config.bad": ("the configuration cannot be used", "配置文件有误，无法使用"),
    "fix.config": (
        "correct the file as the message says, then run kiosk doctor again",
        "按提示修改配置文件，然后再次运行 kiosk doctor",
    ),
    # fonts, screen, touch
    "fonts.ok": (
        "{family} shows Chinese ({count} font(s) can)",
        "{family} 可显示中文（共 {count} 个字体可用）",
    ),
    "fonts.none": (
        "no installed font can show 访客登记: Chinese text would be empty boxes",
        "没有能显示“访客登记”的字体：中文会显示成方框",
    ),
    "fix.fonts": ("sudo apt install fonts-noto-cjk", "安装中文字体：sudo apt install fonts-noto-cjk"),
    "screen.ok": ("{width}×{height} ({platform})", "{width}×{height}（{platform}）"),
    "screen.none": (
        "no display in this session (neither DISPLAY nor WAYLAND_DISPLAY is set): the screen and "
        "touch were not checked",
        "当前会话没有显示器（未设置 DISPLAY 或 WAYLAND_DISPLAY），未检查屏幕和触摸屏",
    ),
    "fix.screen_session": (
        "run kiosk doctor in the station's own session, on its screen, to check them",
        "请在该终端自己的会话中（在它的屏幕上）运行 kiosk doctor 来检查",
    ),
    "screen.unreachable": (
        "the display {display} cannot be opened",
        "无法打开显示器 {display}",
    ),
    "screen.setup": ("Qt cannot start on this display", "Qt 无法在此显示器上启动"),
    "fix.screen": (
        "install what the message names, and run it in the session that has the screen",
        "安装提示中列出的软件包，并在有屏幕的会话中运行",
    ),
    "screen.not_needed": ("not needed on a server", "服务器不需要"),
    "touch.ok": ("{names}", "{names}"),
    "touch.none": ("no touch screen found", "未发现触摸屏"),
    "touch.not_needed": ("none (a desk or a guard screen needs none)", "无（前台和门岗屏不需要）"),
    "fix.touch": (
        "connect the touch screen's USB cable; `sudo libinput list-devices` should list it",
        "接好触摸屏的 USB 线；`sudo libinput list-devices` 应能列出它",
    ),
    # devices
    "device.none": ("not configured", "未配置"),
    "device.emulated": ("emulated ({url}), no hardware", "模拟设备（{url}），无硬件"),
    "printer.emulated_at_site": (
        "emulated ({url}): nothing is printed on paper",
        "模拟打印机（{url}）：不会打印纸质单据",
    ),
    "fix.printer_url": (
        "set [printer] url to the real printer (docs/hardware.md)",
        "在 [printer] url 中填写真实的打印机（见 docs/hardware.md）",
    ),
    "printer.online": ("{url}: answers, ready", "{url}：已连接，就绪"),
    "printer.unknown": (
        "{url}: opened (this link cannot report the printer's state)",
        "{url}：已打开（此连接方式无法读取打印机状态）",
    ),
    "printer.silent": (
        "{url}: connects but does not say how it is (off line, or it does not answer status requests)",
        "{url}：可以连接，但不返回状态（脱机，或不支持状态查询）",
    ),
    "printer.attention": ("{url}: answers, {state}", "{url}：已连接，{state}"),
    "printer_state.paper_out": ("out of paper", "缺纸"),
    "printer_state.paper_near_end": ("paper nearly out", "纸快用完了"),
    "printer_state.cover_open": ("cover open", "纸仓盖未合上"),
    "fix.printer_attention": ("load paper and close the cover", "装纸并合上纸仓盖"),
    "printer.offline": ("{url}: does not answer", "{url}：无响应"),
    "encoder.ok": ("{info}", "{info}"),
    "id_reader.ok": ("{url}: an ID-card reader answers", "{url}：身份证阅读器已响应"),
    "device.unavailable": ("{url}: cannot be opened", "{url}：无法打开"),
    "fix.device": (
        "check that it is switched on, its cable (or network address) and the URL (docs/hardware.md)",
        "检查设备电源、连接线（或网络地址）以及配置的地址（见 docs/hardware.md）",
    ),
    "fix.device_busy": (
        "another program holds it (the kiosk still running?): stop it, then run kiosk doctor again",
        "设备被其他程序占用（终端程序仍在运行？）：先停止它，再运行 kiosk doctor",
    ),
    "fix.device_url": ('set [{section}] url = "{url}"', '将 [{section}] url 改为 "{url}"'),
    # permissions
    "perm.none": ("no serial or USB device configured", "未配置串口或 USB 设备"),
    "perm.not_posix": ("not checked on this system", "此系统不检查"),
    "perm.ok": (
        "{path}: {user} may read and write it (group {group})",
        "{path}：{user} 可读写（属组 {group}）",
    ),
    "perm.missing": ("{path} is not there", "{path} 不存在"),
    "fix.plug": (
        "plug the device in (the device's own line above says more)",
        "插上设备（见上面该设备的检查结果）",
    ),
    "perm.denied": (
        "{path}: {user} cannot open it (it belongs to group {group})",
        "{path}：{user} 无权打开（属组 {group}）",
    ),
    "fix.usermod": (
        "sudo usermod -aG {group} {user}, then log out and in again",
        "运行 sudo usermod -aG {group} {user}，然后注销并重新登录",
    ),
    "fix.relogin": (
        "{user} is in {group} already, since this session started: log out and in again",
        "{user} 是在本次登录后才加入 {group} 组的：注销并重新登录即可",
    ),
    "fix.udev": (
        "its group {group} may not open it: install the package's udev rules, which give the "
        "device the dialout or lp group (docs/install.md)",
        "其属组 {group} 没有读写权限：安装本软件包的 udev 规则，为设备分配 dialout 或 lp 组（见 docs/install.md）",
    ),
    # the server, its certificate, the clock, the database
    "server.local": (
        "no enrolment: this machine runs its own server (local mode)",
        "未登记到服务器：本机自带服务器（本地模式）",
    ),
    "server.ok": (
        "{url} answers in {ms} ms and knows this station as {name}",
        "{url} 已响应（{ms} 毫秒），本机登记名为 {name}",
    ),
    "server.version": (
        "{url} answers, but runs version {theirs} and this station {ours}",
        "{url} 已响应，但服务器版本为 {theirs}，本机为 {ours}",
    ),
    "fix.version": (
        "install the same version on the server and every station",
        "服务器和所有终端请安装同一版本",
    ),
    "server.unreachable": ("{url} does not answer", "{url} 无响应"),
    "fix.server": (
        "check the network and that the server runs (on it: systemctl status lobby-kiosk-server)",
        "检查网络，并确认服务器在运行（在服务器上：systemctl status lobby-kiosk-server）",
    ),
    "server.unknown_station": (
        "{url} does not know this station (revoked, or enrolled with another server)",
        "{url} 不认识本机（已被撤销，或登记在其他服务器上）",
    ),
    "server.refused": ("{url} refused the request", "{url} 拒绝了请求"),
    "server.enrolment_bad": ("this station's enrolment cannot be read", "无法读取本机的登记信息"),
    "fix.enrol": (
        "enrol this station again: on the server `kiosk station add --role {role} --name NAME`, "
        "here `kiosk enrol {url} CODE`",
        "重新登记本机：在服务器上运行 `kiosk station add --role {role} --name 名称`，"
        "在本机运行 `kiosk enrol {url} 登记码`",
    ),
    "certificate.ok": (
        "the one pinned at enrolment (SHA-256 {fingerprint})",
        "与登记时固定的证书一致（SHA-256 {fingerprint}）",
    ),
    "certificate.changed": (
        "the server shows certificate {shown}, not the one pinned at enrolment ({pinned})",
        "服务器出示的证书 {shown} 与登记时固定的证书（{pinned}）不同",
    ),
    "fix.certificate": (
        "if the server's certificate was replaced on purpose, enrol this station again; if not, "
        "another machine answers at that address: tell IT",
        "如果服务器证书是有意更换的，请重新登记本机；否则是另一台机器在冒用该地址，请通知 IT",
    ),
    "certificate.missing": (
        "enrolled over https, but no pinned certificate is kept",
        "通过 https 登记，但没有保存固定的证书",
    ),
    "certificate.plain": ("plain HTTP to this machine: none needed", "本机内部连接（HTTP），无需证书"),
    "certificate.not_checked": ("not checked: {url} does not answer", "未检查：{url} 无响应"),
    "clock.ok": ("{seconds:+.1f} s from the server's clock", "与服务器时钟相差 {seconds:+.1f} 秒"),
    "clock.off": (
        "{seconds:+.0f} s off the server's clock: badges and codes are judged by the server's",
        "与服务器时钟相差 {seconds:+.0f} 秒：胸卡和二维码的有效期以服务器时间为准",
    ),
    "clock.far_off": (
        "{seconds:+.0f} s off the server's clock: badge times and TLS certificates fail",
        "与服务器时钟相差 {seconds:+.0f} 秒：胸卡时间和 TLS 证书校验都会出错",
    ),
    "clock.not_checked": ("not checked: the server does not answer", "未检查：服务器无响应"),
    "fix.clock": (
        "turn on network time: sudo timedatectl set-ntp true (and check the server's clock too)",
        "开启网络校时：sudo timedatectl set-ntp true（也检查服务器的时钟）",
    ),
    "database.new": (
        "{where}: none yet (made at the first start)",
        "{where}：尚未创建（首次启动时创建）",
    ),
    "database.ok": ("{where}: revision {revision}, the newest", "{where}：版本 {revision}，已是最新"),
    "database.behind": (
        "{where}: revision {revision}, behind this program's {head}",
        "{where}：版本 {revision}，低于本程序的 {head}",
    ),
    "fix.database_upgrade": (
        "it is upgraded at the next start, or now with: kiosk db upgrade",
        "下次启动时会自动升级，或现在运行：kiosk db upgrade",
    ),
    "database.newer": (
        "{where}: revision {revision}, written by a newer version of this program",
        "{where}：版本 {revision}，由更新版本的程序写入",
    ),
    "fix.database_newer": (
        "install the newest version of the program",
        "安装最新版本的程序",
    ),
    "database.error": ("{where}: cannot be opened", "{where}：无法打开"),
    "fix.database": (
        "check [database] url, and run kiosk doctor as the user that runs the server",
        "检查 [database] url，并以运行服务器的用户身份运行 kiosk doctor",
    ),
    "disk.ok": ("{gigabytes:.1f} GB free in {path}", "{path} 可用空间 {gigabytes:.1f} GB"),
    "disk.low": ("only {gigabytes:.1f} GB free in {path}", "{path} 可用空间仅剩 {gigabytes:.1f} GB"),
    "fix.disk": (
        "free space there (old exports, logs) or give the machine a bigger disk",
        "清理该处空间（旧的导出文件、日志）或更换更大的磁盘",
    ),
}


@dataclass(frozen=True)
class Say:
    """A sentence of the table and the values of its fields."""

    key: str
    values: Mapping[str, object] = field(default_factory=dict)

    def text(self, language: str) -> str:
        english, chinese = MESSAGES[self.key]
        template = chinese if language == "zh_CN" else english
        # A field may be a sentence of its own (a printer's state), said in the same language.
        values = {k: v.text(language) if isinstance(v, Say) else v for k, v in self.values.items()}
        return template.format(**values)


def say(key: str, **values: object) -> Say:
    return Say(key, values)


def text(language: str, key: str, **values: object) -> str:
    return Say(key, values).text(language)
