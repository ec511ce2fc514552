"""Render every screen of both windows to PNG, offscreen, with sample data in a scratch database."""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from pathlib import Path
from time import monotonic

from argon2 import PasswordHasher, profiles
from PySide6.QtCore import QEvent, QEventLoop, Qt, QThread
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from kiosk.app import KioskApp, build_app
from kiosk.cli.site import off_gui
from kiosk.client.station import Station
from kiosk.config import Config
from kiosk.devices.errors import NoCardError
from kiosk.devices.escpos.emulator import NetworkPrinterEmulator
from kiosk.devices.factory import open_encoder
from kiosk.devices.interfaces import PrinterStatus
from kiosk.domain.staff import Role
from kiosk.domain.station import StationRole
from kiosk.domain.views import CheckInRequest
from kiosk.domain.visit import Approver
from kiosk.server.events import EventHub
from kiosk.server.run import serve_on_loopback
from kiosk.services.cards import SITE_KEY_FILE
from kiosk.services.clock import FrozenClock, ManualClock
from kiosk.services.idc_cards import ApplicationInput
from kiosk.services.site_keys import load_or_create_key
from kiosk.services.staff import DEMO_PIN, SignedIn
from kiosk.station import Enrolment, open_station
from kiosk.storage.database import sqlite_url_for
from kiosk.ui.common.background import wait_for_background
from kiosk.ui.common.i18n import LANGUAGES, set_language
from kiosk.ui.common.messages import issue_failure_message
from kiosk.ui.console.desk_window import DeskWindow
from kiosk.ui.console.walk_in_page import WalkInPage
from kiosk.ui.kiosk.window import WAIT_POLL_MS, KioskWindow

KIOSK_SIZE = (1080, 1920)  # a portrait lobby touchscreen
# The scratch site's accounts are the demo ones, with the public demo PIN, and the site is gone
# after the run: argon2id at full cost (a sixth of a second a PIN, some twenty sign-ins and
# signatures) would only make the run slower.
SCRATCH_HASHER = PasswordHasher.from_parameters(profiles.CHEAPEST)
DESK_SIZE = (1366, 768)


def _settle() -> None:
    wait_for_background()
    QApplication.processEvents()
    wait_for_background()
    QApplication.processEvents()


def _dispose(window: QWidget) -> None:
    """Gone before the next language's station of the same name is enrolled (which revokes this
    one): its timers would otherwise go on asking the server with a revoked credential."""
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    _settle()


def _grab(widget: QWidget, path: Path) -> Path:
    _settle()
    if not widget.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    return path


def render_all(out_dir: Path, base: Config) -> list[Path]:
    """Write one PNG per screen state and language into ``out_dir`` and return their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with (
        tempfile.TemporaryDirectory(prefix="kiosk-screens-") as scratch,
        # The network printer `kiosk emulate printer` serves: unlike demo mode's `emulated:` printer
        # it can run out of paper, which the "badge not printed" screen needs. What it prints is
        # neither kept nor rendered: no screen shows it.
        NetworkPrinterEmulator(None, port=0) as printer,
    ):
        # source=None: demo mode, so the demo staff directory is loaded into the scratch database.
        # Every device is emulated, whatever the configuration names: screenshots touch no hardware.
        config = replace(
            base,
            database_url=sqlite_url_for(Path(scratch) / "screens.db"),
            data_dir=Path(scratch),
            source=None,
            printer_url=f"escpos+tcp://{printer.host}:{printer.port}?timeout=5",
            printer_fallback_url="",
            encoder_url="emulated:",  # demo mode's PN532 emulator with a stack of blank cards
            id_reader_url="emulated:",  # the identity step with its "Read ID card" button (demo card)
        )
        # 10:00 on the site: the daytime journey (host approval), whatever the hour of the run.
        morning = datetime.combine(date.today(), time(10, 0), tzinfo=config.zone)
        # The server's core opens no encoder; these shots issue IDC cards as the server machine's
        # own tools would, on an emulated encoder with the site key (the desk station has its own).
        encoder = open_encoder(
            config.encoder_url, load_or_create_key(config.data_dir / "keys" / SITE_KEY_FILE)
        )
        # Settable: the monthly figures' sample month walks it through last month and back.
        app = build_app(
            config, "server", clock=ManualClock(morning), encoder=encoder, password_hasher=SCRATCH_HASHER
        )
        # The windows are stations of a real site server on loopback, as `kiosk run` starts it.
        context, server, url = serve_on_loopback(app)
        stations: list[Station] = []

        def station(role: StationRole) -> Station:
            token = context.stations.ensure_enrolled(f"screens-{role.value}", role, app.actor)
            enrolment = Enrolment(url, token, f"screens-{role.value}", role.value, None)
            opened = off_gui(lambda: open_station(config, enrolment, printer=app.printer, clock=app.clock))
            stations.append(opened)
            return opened

        try:
            # Watchlisted (as the desk adds a name): the kiosk holds his check-in for a supervisor.
            app.watchlist.add("王强", "寻衅闹事", app.actor)
            for language in LANGUAGES:
                # The kiosk returns to the site's language between visitors: make that this one.
                app.config = replace(app.config, language=language)
                set_language(language)
                written += _kiosk_screens(
                    app, context.events, station(StationRole.KIOSK), printer, out_dir, language
                )
            for language in LANGUAGES:
                set_language(language)
                written += _desk_screens(app, station(StationRole.DESK), out_dir, language)
            for language in LANGUAGES:
                set_language(language)
                written += _guard_screens(app, station(StationRole.GUARD), out_dir, language)
        finally:
            set_language(base.language)
            for opened in stations:
                opened.close()
            server.stop()
            app.close()
    return written


def _kiosk_screens(
    app: KioskApp,
    events: EventHub,
    station: Station,
    printer: NetworkPrinterEmulator,
    out_dir: Path,
    language: str,
) -> list[Path]:
    window = KioskWindow(replace(station, local=replace(station.local, language=language)))
    window.resize(*KIOSK_SIZE)
    window.show()
    identity = [
        lambda: _tap(window, "visitorType_contractor"),
        lambda: _identity(window, "张三", "出入证 D-0031"),
    ]
    host = [
        # The mobile the check-out by name asks the last four digits of.
        lambda: _set(window, "mobileEdit", "13812345678"),
        lambda: _set(window, "visitorNameEdit", "张三", tap_next="identityPage"),
        lambda: _set(window, "hostSearchEdit", "IDC"),
    ]
    purpose = [
        lambda: _select_first_host(window),
        lambda: _tap(window, "hostPageNextButton"),
        lambda: _tap(window, "purposePreset0"),
        lambda: _tap(window, "partyMoreButton"),
    ]
    shots: list[tuple[str, list[Callable[[], None]]]] = [
        ("welcome", []),
        ("type", [window.start_check_in]),
        ("identity", identity),
        ("identity-error", [lambda: _set(window, "visitorNameEdit", "张三<3", tap_next="identityPage")]),
        ("identity-id-card", [lambda: _tap(window, "readIdCardButton")]),
        ("host", host),
        ("purpose", purpose),
        ("declaration", [lambda: _tap(window, "purposePageNextButton")]),
        ("review", [lambda: _tap(window, "declarationPageNextButton")]),
        ("waiting", [lambda: _tap(window, "reviewPageNextButton")]),
        ("done", [lambda: _decide(app, events, window)]),
        (
            "done-not-printed",
            [lambda: _full_journey(app, events, window, printer, "Emily Carter", paper_out=True)],
        ),
        ("waiting-hold", [lambda: _full_journey(app, events, window, printer, "王强", approve=False)]),
        ("declined", [lambda: _decline_current(app, events, window)]),
        # Visitor cards ([kiosk] visitor_cards): the states of the card page, then the result.
        ("card-writing", [lambda: _card_state(window, "writing")]),
        ("card-no-card", [lambda: window.card_page.show_failure(issue_failure_message(NoCardError("none")))]),
        ("done-card", [lambda: _card_done(window)]),
        (
            "check-out",
            [
                window.go_home,
                window.start_check_out,
                lambda: _set(window, "checkOutNameEdit", "张三"),
                lambda: _set(window, "checkOutMobileDigitsEdit", "5678"),
            ],
        ),
        ("thank-you", [lambda: _tap(window, "checkOutConfirmButton")]),
        ("invitation", [lambda: window.start_invitation(_invite(app))]),
        ("invitation-error", [lambda: window.start_invitation("WXY34A")]),
        # A permit holder (出入证): the page, an expired decoration permit, a milk deliverer's.
        ("permit", [window.go_home, window.start_check_in, lambda: _tap(window, "visitorTypePermitHolder")]),
        ("permit-expired", [lambda: window.permit_entry.check(_kiosk_permits(app)[0])]),
        ("permit-valid", [lambda: window.permit_entry.check(_kiosk_permits(app)[3])]),
    ]
    paths = []
    for name, steps in shots:
        for step in steps:
            step()
        paths.append(_grab(window, out_dir / f"kiosk-{name}-{language}.png"))
    window.shutdown()  # a kiosk refuses close(): kiosk mode
    _dispose(window)
    return paths


def _kiosk_permits(app: KioskApp) -> list[str]:
    """The sample permits (expired decoration first, a milk deliverer's last), issued by the
    demo receptionist as the management office would."""
    if not app.staff.count():
        app.staff.add_demo_accounts(app.actor)
    return _sample_permits(app, app.staff.sign_in(Role.RECEPTIONIST.value, DEMO_PIN))


def _card_state(window: KioskWindow, step: str) -> None:
    window.card_page.start()
    window.pages.setCurrentWidget(window.card_page)
    window.card_page.show_step(step)


def _card_done(window: KioskWindow) -> None:
    window.done.show_result("张三", "V000123", True, card="V000045")
    window.pages.setCurrentWidget(window.done)


def _tap(window: QWidget, name: str) -> None:
    from PySide6.QtWidgets import QPushButton

    button = window.findChild(QPushButton, name)
    assert button is not None, name
    button.click()
    _settle()


def _set(window: QWidget, name: str, text: str, tap_next: str = "") -> None:
    from PySide6.QtWidgets import QLineEdit

    edit = window.findChild(QLineEdit, name)
    assert edit is not None, name
    edit.setText(text)
    if tap_next:
        _tap(window, f"{tap_next}NextButton")


def _identity(window: KioskWindow, name: str, permit: str) -> None:
    _set(window, "visitorNameEdit", name)
    _set(window, "companyEdit", "华南数据科技有限公司")
    _set(window, "mobileEdit", "13912345678")
    _set(window, "permitNumberEdit", permit)


def _select_first_host(window: KioskWindow) -> None:
    _select_first(window, "hostList")


def _select_first(window: KioskWindow, name: str) -> None:
    from PySide6.QtWidgets import QListWidget

    items = window.findChild(QListWidget, name)
    assert items is not None, name
    items.setCurrentRow(0)


def _waiting_visit(app: KioskApp) -> int:
    """The visit the kiosk just sent, as the desk's lobby board lists it (the newest waiting)."""
    return app.lobby.waiting()[-1].visit_id


def _wait_for_kiosk(window: KioskWindow, until: Callable[[], bool]) -> None:
    """Until the kiosk shows what the server told it (an event, or at worst its own poll)."""
    deadline = monotonic() + 3 * WAIT_POLL_MS / 1000
    while not until() and monotonic() < deadline:
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        wait_for_background()
        QThread.msleep(10)  # processEvents returns at once when idle: do not spin a core meanwhile
    _settle()


def _decide(app: KioskApp, events: EventHub, window: KioskWindow) -> None:
    # As the server's route does it: decided, then every station told.
    visit_id = _waiting_visit(app)
    app.checkin.approve(visit_id, app.actor, Approver.DESK, "demo")
    events.publish("board", visit_id=visit_id)
    _wait_for_kiosk(window, lambda: window.pages.currentWidget() is not window.waiting)


def _full_journey(
    app: KioskApp,
    events: EventHub,
    window: KioskWindow,
    printer: NetworkPrinterEmulator,
    name: str,
    paper_out: bool = False,
    approve: bool = True,
) -> None:
    window.go_home()
    window.start_check_in()
    _tap(window, "visitorType_guest")
    _set(window, "visitorNameEdit", name, tap_next="identityPage")
    _select_first_host(window)
    for page in ("hostPage", "purposePage", "declarationPage", "reviewPage"):
        _tap(window, f"{page}NextButton")
    if approve:
        printer.state = PrinterStatus.PAPER_OUT if paper_out else PrinterStatus.ONLINE
        _decide(app, events, window)
        printer.state = PrinterStatus.ONLINE
    else:
        # Held: the page says so once the kiosk has read its visit's state.
        _wait_for_kiosk(window, lambda: window.waiting.state is not None)


def _invite(app: KioskApp) -> str:
    from datetime import timedelta

    host = app.directory.search("")[0].host_id
    start = app.checkin.clock.now() - timedelta(hours=1)
    return app.invitations.invite(
        "欧阳娜娜", host, start, start + timedelta(hours=4), app.actor, company="华南数据"
    ).code


def _decline_current(app: KioskApp, events: EventHub, window: KioskWindow) -> None:
    visit_id = _waiting_visit(app)
    app.checkin.decline(visit_id, app.actor, "demo")
    events.publish("board", visit_id=visit_id)
    _wait_for_kiosk(window, lambda: window.pages.currentWidget() is window.declined)


def _desk_screens(app: KioskApp, station: Station, out_dir: Path, language: str) -> list[Path]:
    hosts = app.directory.search("")
    for name, company in (("李雷", "蓝海物流"), ("John Smith", "Acme Data Ltd")):
        request = CheckInRequest(name, hosts[0].host_id, company, declaration_accepted=True)
        pending = app.checkin.check_in(request, app.actor)
        if name == "李雷":
            app.checkin.approve(pending.visit_id, app.actor, Approver.DESK)
    window = DeskWindow(station)
    # A desk monitor's size, whatever the offscreen screen is (the window maximises on a small one).
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(*DESK_SIZE)
    window.show()
    shots = [_grab(window, out_dir / f"desk-sign-in-{language}.png")]
    if not app.staff.count():
        app.staff.add_demo_accounts(app.actor)
    # An administrator sees every section.
    window.sign_in_page.user_edit.setText(Role.ADMIN.value)
    window.sign_in_page.pin_edit.setText(DEMO_PIN)
    window.sign_in_page.button.click()
    _settle()
    for section, prepare in DESK_SECTION_SHOTS:
        window.show_section(section)
        for name in prepare(app, window):
            shots.append(_grab(window, out_dir / f"desk-{name}-{language}.png"))
    window.lock_now()
    _settle()
    shots.append(_grab(window, out_dir / f"desk-locked-{language}.png"))
    window.close()
    _dispose(window)
    return shots


def _guard_screens(app: KioskApp, station: Station, out_dir: Path, language: str) -> list[Path]:
    """The lobby guard's window (kiosk run --role guard): signing in, a valid slip, a used one."""
    from kiosk.ui.console.guard_window import GuardWindow

    window = GuardWindow(station)
    window.resize(*DESK_SIZE)
    window.show()
    shots = [_grab(window, out_dir / f"guard-sign-in-{language}.png")]
    window.sign_in_page.user_edit.setText(Role.GUARD.value)
    window.sign_in_page.pin_edit.setText(DEMO_PIN)
    window.sign_in_page.button.click()
    _settle()
    clerk = app.staff.sign_in(Role.RECEPTIONIST.value, DEMO_PIN)
    code = _issue_sample_slip(app, clerk)
    # The server answers in the background: each step settles before the next.
    window.verify.scan(code)
    _settle()
    shots.append(_grab(window, out_dir / f"guard-slip-valid-{language}.png"))
    window.verify.release_button.click()
    _settle()
    window.verify.scan(code)
    _settle()
    shots.append(_grab(window, out_dir / f"guard-slip-used-{language}.png"))
    window.verify.scan(code.split(":")[1])  # the slip number typed without the code under the QR
    _settle()
    shots.append(_grab(window, out_dir / f"guard-slip-number-only-{language}.png"))
    # A material permit typed into the slip's field: the permits' tab checks it; then let in.
    material = _sample_permits(app, clerk)[1]
    window.verify.scan(material)
    _settle()
    shots.append(_grab(window, out_dir / f"guard-permit-valid-{language}.png"))
    window.permits.let_in_button.click()
    _settle()
    shots.append(_grab(window, out_dir / f"guard-permit-let-in-{language}.png"))
    window.permits.scan(_sample_permits(app, clerk)[0])
    _settle()
    shots.append(_grab(window, out_dir / f"guard-permit-expired-{language}.png"))
    # The patrol notices (巡逻岗跟踪) the desk's admissions left open.
    window.tabs.setCurrentWidget(window.patrol)
    window.patrol.refresh()
    _settle()
    window.patrol.table.selectRow(0)
    shots.append(_grab(window, out_dir / f"guard-patrol-{language}.png"))
    window.close()
    _dispose(window)
    return shots


# Each desk section's screenshots: (section key, a function that fills the page with sample data
# and yields one name per state to capture, e.g. "board" -> desk-board-en.png).
DeskShot = Callable[[KioskApp, DeskWindow], Iterator[str]]


def _board(app: KioskApp, window: DeskWindow) -> Iterator[str]:
    window.board.table.selectRow(0)
    window.board.waiting_table.selectRow(0)
    yield "board"


def _print_queue(app: KioskApp, window: DeskWindow) -> Iterator[str]:
    # Every job so far, and the printers as the stations' runners last reported them.
    window.print_queue.refresh()
    _settle()
    window.print_queue.table.selectRow(0)
    yield "print-queue"


def _watchlist(app: KioskApp, window: DeskWindow) -> Iterator[str]:
    app.watchlist.add("王强", "寻衅闹事（2026-11-01 报警处理）", app.actor, id_number="11010519491231002X")
    window.watchlist.refresh()
    yield "watchlist"


def _evacuation(app: KioskApp, window: DeskWindow) -> Iterator[str]:
    window.evacuation.roll_call()
    _settle()
    _settle()  # the roll call, then its print
    yield "evacuation"


def _pre_registration(app: KioskApp, window: DeskWindow) -> Iterator[str]:
    page = window.pre_registration
    page.host_edit.setText("王芳")
    _settle()  # the directory answers in the background
    page.unit_edit.setText("华南数据 考察团")
    page.people_edit.setPlainText("欧阳娜娜, 13800138000\nEmily Carter, emily@example.com")
    page.headcount_spin.setValue(6)
    page.requirements_edit.setText("茶水、果盘；301 会议室，投影仪")
    page.notes_edit.setText("总经理陪同参观机房")
    page.invite_button.click()
    _settle()
    _settle()  # the invitations, then the list they are in
    page.table.selectRow(0)
    yield "pre-registration"


def _walk_in(app: KioskApp, window: DeskWindow) -> Iterator[str]:
    """A walk-in to a unit (the sample residents' 1-104): its residents with their phones to call."""
    _sample_residents(app)  # unchanged when the release slips' shots loaded them already
    page = window.page("walk_in")
    assert isinstance(page, WalkInPage)
    page.name_edit.setText("刘建华")
    page.purpose_edit.setText("探望老人")
    page.unit_radio.click()
    page.unit_edit.setText("1-104")
    page.unit_button.click()
    _settle()
    page.resident_list.setCurrentRow(1)
    page.declaration_check.setChecked(True)
    page.register_button.click()
    _settle()
    yield "walk-in"


def _idc_cards(app: KioskApp, window: DeskWindow) -> Iterator[str]:
    # Filed by sales and approved by a supervisor (other accounts than the admin taking the shots).
    sales = SignedIn(0, "sales", "王销售", Role.SALES)
    supervisor = SignedIn(0, "supervisor", "李主管", Role.SUPERVISOR)
    start = app.clock.now().replace(hour=0, minute=0, second=0, microsecond=0)
    seeded = bool(app.idc_cards.applications())  # the second language's shots reuse the first's
    for number, company, holder, days in (
        ()
        if seeded
        else (
            ("IDC-2026-0041", "星河数据有限公司", "陈立", 365),
            ("IDC-2026-0042", "蓝海云计算", "林夕", 20),
            ("IDC-2026-0043", "星河数据有限公司", "周舟", 180),
        )
    ):
        form = ApplicationInput(
            number,
            company,
            holder,
            "13912345678",
            "resident_id",
            "11010519491231002X",
            f"{company[:2]}函〔2026〕17号",
            start,
            start + timedelta(days=days),
            "A201机房\nB3-cage 12",
        )
        application_id = app.idc_cards.file(form, sales)
        if number != "IDC-2026-0043":
            app.idc_cards.approve(application_id, supervisor, "介绍信已核")
            app.idc_cards.issue(
                application_id, window.session or supervisor, app.config.language, timeout_s=5
            )
    page = window.idc_cards
    page.set_session(window.session)
    _settle()  # the list comes from the server, off the GUI thread
    page.table.selectRow(1)
    yield "idc-cards"
    page.tabs.setCurrentIndex(1)
    yield "idc-cards-uploads"
    page.tabs.setCurrentIndex(0)


def _idc_applications(app: KioskApp, window: DeskWindow) -> Iterator[str]:
    page = window.idc_applications
    page.set_session(window.session)
    page.form_number_edit.setText("IDC-2026-0044")
    page.company_edit.setText("星河数据有限公司")
    page.holder_edit.setText("陈立")
    page.mobile_edit.setText("13912345678")
    page.id_edit.setText("11010519491231002X")
    page.letter_edit.setText("星河函〔2026〕21号")
    page.areas_edit.setPlainText("A201机房\nB3-cage 12")
    yield "idc-applications"


def _machine_room_passes(app: KioskApp, window: DeskWindow) -> Iterator[str]:
    from kiosk.domain.machine_room_pass import reconciliation_period
    from kiosk.domain.views import PassVisitor

    page = window.machine_room_passes
    service = app.machine_room_passes
    if not service.pool():  # the second language finds the passes already there
        service.add_passes([f"P{n:03d}" for n in range(1, 13)], app.actor)
        today = service.today()
        _missed_pass_sheet(app)
        if service.is_working_day(today):
            # Yesterday's passes (Friday's on a Monday), one not back: the sheet has a discrepancy.
            first = reconciliation_period(today, service.calendar.calendar())[0]
            moment = datetime.combine(first, time(10, 30), app.site.timezone)
            earlier = replace(service, clock=FrozenClock(moment))
            visitors = [PassVisitor("张伟", "蓝海数据"), PassVisitor("Emily Carter", "Acme Data Ltd")]
            earlier.sign_out(["P001", "P002"], visitors, Role.SALES.value, DEMO_PIN, app.actor)
            earlier.return_passes(["P001"], app.actor)
            assert window.session is not None
            service.sign_as_guard(Role.GUARD.value, DEMO_PIN, 2, window.session, "zh_CN")
        service.sign_out(
            ["P005", "P006"],
            [PassVisitor("李娜", "华南数据科技有限公司"), PassVisitor("王强", "华南数据科技有限公司")],
            Role.SALES.value,
            DEMO_PIN,
            app.actor,
        )
    page.refresh()
    _settle()  # the pool comes from the server in the background
    page.tabs.setCurrentIndex(0)
    for row in (2, 3):
        page.available.item(row).setSelected(True)
    if not page.visitor_list.count():
        for name in ("陈静", "Daniel Wong"):
            page.visitor_name.setText(name)
            page.visitor_company.setText("蓝海数据")
            page.add_visitor_button.click()
    page.signer_edit.setText(Role.SALES.value)
    yield "machine-room-passes"
    page.tabs.setCurrentIndex(1)
    yield "machine-room-pool"
    page.tabs.setCurrentIndex(2)
    yield "machine-room-reconciliation"
    if page.sheet_day.count() > 1:
        page.sheet_day.setCurrentIndex(1)
        _settle()  # the missed day's sheet comes from the server
        page.late_reason.setText("值班前台病假，次日补签 / on sick leave, signed the next day")
        yield "machine-room-late-sheet"
        page.late_reason.clear()
        page.sheet_day.setCurrentIndex(0)
    page.tabs.setCurrentIndex(3)
    page.calendar_tab.refresh()
    _settle()
    page.calendar_tab.table.scrollToBottom()  # the site's own day, after the official ones
    yield "machine-room-calendar"
    page.tabs.setCurrentIndex(0)


def _missed_pass_sheet(app: KioskApp) -> None:
    """The last working day's sheet never signed (a pass out at its 09:00), and a site closure
    a supervisor set two weeks ahead: the late-signing and the calendar shots."""
    from kiosk.domain.machine_room_pass import reconciliation_period
    from kiosk.domain.views import PassVisitor
    from kiosk.domain.work_calendar import DayKind, previous_working_day

    service = app.machine_room_passes
    calendar = service.calendar.calendar()
    missed = previous_working_day(service.today(), calendar)
    first = reconciliation_period(missed, calendar)[0]
    out = replace(service, clock=FrozenClock(datetime.combine(first, time(16, 0), app.site.timezone)))
    out.sign_out(["P009"], [PassVisitor("赵敏", "星河云计算")], Role.SALES.value, DEMO_PIN, app.actor)
    back = replace(service, clock=FrozenClock(datetime.combine(missed, time(11, 0), app.site.timezone)))
    back.return_passes(["P009"], app.actor)
    supervisor = app.staff.sign_in(Role.SUPERVISOR.value, DEMO_PIN)
    closed = service.today() + timedelta(days=14)
    while closed.weekday() >= 5:  # a weekday: closing a Saturday would change nothing
        closed += timedelta(days=1)
    service.calendar.add_override(closed, DayKind.HOLIDAY, "大厦停电检修 / power maintenance", supervisor)


def _desk_walk_in_with_calls(app: KioskApp) -> None:
    """A walk-in the receptionist registered for unit 1-102: the intercom unanswered, then the
    tenant agreed on the phone (the visitor log's registrar and calls)."""
    from kiosk.domain.calls import CallAnswer, CallChannel, CallDraft, Callee, WalkInRequest

    _sample_residents(app)
    clerk = app.staff.sign_in(Role.RECEPTIONIST.value, DEMO_PIN)
    unit = app.desk_visits.unit("1-102", clerk)
    tenant = next(r for r in unit.residents if r.name == "周伟")
    request = CheckInRequest("刘桂兰", 0, declaration_accepted=True, purpose="探亲")
    walk_in = WalkInRequest(request, unit.unit, tenant.resident_id)
    # The badge prints at the desk window's station (as the walk-in page's would), not the server.
    visit_id = app.desk_visits.register(walk_in, clerk, f"screens-{StationRole.DESK.value}").visit_id
    for draft in (
        CallDraft(Callee.UNIT, CallChannel.INTERCOM, unit.unit, CallAnswer.NO_ANSWER, note="对讲无人应答"),
        CallDraft(Callee.RESIDENT, CallChannel.PHONE, tenant.phone, CallAnswer.AGREED, tenant.resident_id),
    ):
        app.desk_visits.record_call(visit_id, draft, clerk)


def _visitor_log(app: KioskApp, window: DeskWindow) -> Iterator[str]:
    hosts = app.directory.search("")
    for name, company, passport in (
        ("陈静", "华南数据科技有限公司", "E12345678"),
        ("Emily Carter", "Acme Data", ""),
    ):
        request = CheckInRequest(
            name,
            hosts[-1].host_id,
            company,
            declaration_accepted=True,
            id_type="passport" if passport else "",
            id_number=passport,
        )
        app.checkin.approve(app.checkin.check_in(request, app.actor).visit_id, app.actor, Approver.DESK)
    _desk_walk_in_with_calls(app)
    page = window.visitor_log
    page.tabs.setCurrentIndex(0)
    page.search()
    _settle()
    page.table.selectRow(0)  # the walk-in (newest): who registered them and the desk's calls
    yield "visitor-log"
    page.tabs.setCurrentIndex(1)
    page.show_statistics()
    yield "visitor-log-statistics"
    page.tabs.setCurrentIndex(0)


def _staff(app: KioskApp, window: DeskWindow) -> Iterator[str]:
    page = window.staff_page
    page.refresh()
    _settle()  # the list comes from the server in the background
    page.table.selectRow(0)
    yield "staff-accounts"


def _stations(app: KioskApp, window: DeskWindow) -> Iterator[str]:
    page = window.stations_page
    # Not enrolled yet, so the second language's run gets a new code for the same name.
    page.name_edit.setText("kiosk-lobby-2")
    page.add_button.click()
    _settle()
    page.refresh()
    yield "stations"


def _payments(app: KioskApp, window: DeskWindow) -> Iterator[str]:
    from kiosk.domain.documents import PaymentMethod, ReceiptPurpose

    page = window.payments
    assert window.session is not None
    desk = window.session.actor
    if not app.payments.recent(1):  # the second language finds the receipts already there
        for purpose, payer, reference, fen, method in (
            (
                ReceiptPurpose.DECORATION_PASS_DEPOSIT,
                "张建国（华美装饰）",
                "D-0031",
                20000,
                PaymentMethod.CASH,
            ),
            (ReceiptPurpose.CARD_DEPOSIT, "Emily Carter", "C-017", 5000, PaymentMethod.WECHAT),
            (ReceiptPurpose.PASS_DEPOSIT, "陈静", "P005", 10000, PaymentMethod.CASH),
        ):
            app.payments.take_deposit(purpose, payer, reference, fen, desk, method=method)
        app.payments.record_fee_payment("王五", 30000, "装修垃圾清运费", desk, unit="3-201")
        app.payments.refund("C-017", desk)
    page.refresh()
    page.kind_combo.setCurrentIndex(page.kind_combo.findData(ReceiptPurpose.DECORATION_PASS_DEPOSIT))
    page.amount_edit.setText("200")
    page.payer_edit.setText("李师傅（华美装饰）")
    page.reference_edit.setText("D-0032")
    page.table.selectRow(3)
    yield "payments"
    # A deposit tied to what it secures (#20 item 9): a pass out on loan, chosen from the server's list.
    page.kind_combo.setCurrentIndex(page.kind_combo.findData(ReceiptPurpose.PASS_DEPOSIT))
    _settle()  # the passes out come from the server
    page.item_combo.setCurrentIndex(min(1, page.item_combo.count() - 1))
    page.payer_edit.clear()
    yield "payments-deposit-item"


def _handover(app: KioskApp, window: DeskWindow) -> Iterator[str]:
    from kiosk.domain.handover import HandoverItemKind
    from kiosk.domain.views import ItemCount

    page = window.handover
    service = app.handover
    assert window.session is not None
    items = [
        ItemCount(HandoverItemKind.CASH, 45000),
        ItemCount(HandoverItemKind.VISITOR_CARDS, 18),
        ItemCount(HandoverItemKind.MACHINE_ROOM_PASSES, 10),
        ItemCount(HandoverItemKind.DECORATION_PASSES, 6),
        ItemCount(HandoverItemKind.KEYS, 3, "301/302 会议室、库房"),
    ]
    if not service.history():
        night = service.hand_over(
            Role.RECEPTIONIST.value,
            DEMO_PIN,
            "登记访客 41 人；放行条 3 张；装修押金 2 笔",
            items,
            ["3-201 装修噪音投诉，待明早回访"],
            "打印纸剩一卷，已申领",
        )
        service.sign(
            night, Role.SUPERVISOR.value, DEMO_PIN, {HandoverItemKind.CASH: 44950}, "现金少 0.5 元，已报主管"
        )
        now = app.clock.now()
        service.log_incident(
            now - timedelta(hours=3),
            "B1 车库",
            "消防栓漏水",
            window.session.actor,
            "关阀，通知工程部",
            "维修工小刘",
        )
        service.log_incident(
            now - timedelta(hours=1), "大堂", "访客与保安发生争执，已劝离", window.session.actor
        )
    page.refresh()
    page.prefill()
    _settle()  # the record and the counts come from the server in the background
    page.tabs.setCurrentIndex(0)
    page.work_edit.setPlainText("登记访客 28 人；机房访客证 6 张已核对；收卡押金 3 笔")
    page.issues_edit.setPlainText("12F 空调报修，工程部下午处理")
    page.notes_edit.setPlainText("VIP 会务 14:00，301 会议室")
    yield "handover"
    for edit in (page.work_edit, page.issues_edit, page.notes_edit):
        edit.clear()
    waiting = service.hand_over(Role.SUPERVISOR.value, DEMO_PIN, "登记访客 28 人；收卡押金 3 笔", items)
    page.refresh()
    _settle()
    page.tabs.setCurrentIndex(1)
    page.counted_edits[HandoverItemKind.CASH].setText("450.00")
    page.counted_edits[HandoverItemKind.VISITOR_CARDS].setText("17")
    page.discrepancy_edit.setText("访客卡少 1 张，查登记")
    page.incoming_user.setText(Role.RECEPTIONIST.value)
    yield "handover-take-over"
    # Signed, so a waiting handover does not block the next language's hand-over form.
    service.sign(waiting, Role.RECEPTIONIST.value, DEMO_PIN)
    for line in (*page.counted_edits.values(), page.discrepancy_edit, page.incoming_user):
        line.clear()
    page.refresh()
    page.tabs.setCurrentIndex(2)
    yield "handover-issues"
    page.tabs.setCurrentIndex(3)
    yield "handover-duty-log"
    page.tabs.setCurrentIndex(0)


# Owners and tenants as the property-management system exports them (fictional): 1-102's tenant
# owes two months, 1-103's owner four; 1-104 is paid up.
_SAMPLE_RESIDENTS = """房号,姓名,身份,电话
1-102,林静,业主,13845265254
1-102,周伟,租户,13729552354
1-103,朱超,业主,13859560375
1-104,孙丽,业主,13811112222
1-104,Tom Baker,租户,13922223333
"""
_SAMPLE_FEES = """房号,缴费人,月份,应收,实收
1-102,租户,2026-09,280.00,0.00
1-102,租户,2026-10,280.00,100.00
1-103,业主,2026-07,350.00,0.00
1-103,业主,2026-08,350.00,0.00
1-103,业主,2026-09,350.00,0.00
1-103,业主,2026-10,350.00,0.00
1-104,租户,2026-10,320.00,320.00
"""


def _sample_residents(app: KioskApp) -> None:
    app.residents.import_residents(_SAMPLE_RESIDENTS.encode(), "residents.csv", app.actor)
    app.residents.import_fees(_SAMPLE_FEES.encode(), "fees.csv", app.actor)


def _release_slips(app: KioskApp, window: DeskWindow) -> Iterator[str]:
    _sample_residents(app)  # the same rows again in the second language: unchanged
    page = window.release_slips
    page.unit_edit.setText("1-103")
    page.look_up()
    page.id_edit.setText("11010519491231002X")
    for name, quantity in (("台式电脑主机", 1), ("液晶显示器", 2), ("Office chair", 4)):
        page.item_edit.setText(name)
        page.quantity_spin.setValue(quantity)
        page.add_item_button.click()
    page.signature_edit.setText("朱超")
    page.signature_check.setChecked(True)
    page.supervisor_edit.setText(Role.SUPERVISOR.value)
    page.override_reason_edit.setText("业主承诺月底前交清")
    yield "release-slips"
    page.unit_edit.setText("1-102")
    page.look_up()
    page.holder_combo.setCurrentIndex(page.holder_combo.findText("周伟", Qt.MatchFlag.MatchStartsWith))
    page.item_edit.setText("洗衣机")
    page.add_item_button.click()
    page.issue_button.click()
    yield "release-slips-tenant-arrears"
    page.unit_edit.setText("1-104")
    page.look_up()
    page.holder_combo.setCurrentIndex(page.holder_combo.findText("Tom Baker", Qt.MatchFlag.MatchStartsWith))
    page.owner_knows_check.setChecked(True)
    page.consent_no.setChecked(True)
    page.record_call_button.click()
    page.issue_button.click()
    yield "release-slips-owner-call"
    page._clear_form()
    page.status.clear()


def _issue_sample_slip(app: KioskApp, who: SignedIn) -> str:
    """An owner's slip, four months behind and approved by the demo supervisor: its QR code."""
    from kiosk.domain.documents import PartyKind
    from kiosk.services.release_slips import ArrearsOverride, SlipRequest

    request = SlipRequest(
        "1-103",
        "朱超",
        PartyKind.OWNER,
        "resident_id",
        "11010519491231002X",
        (("台式电脑主机", 1), ("液晶显示器", 2)),
        "朱超",
        True,
        override=ArrearsOverride(Role.SUPERVISOR.value, DEMO_PIN, "业主承诺月底前交清"),
    )
    return app.release_slips.issue(request, who).code


def _slip_verify(app: KioskApp, window: DeskWindow) -> Iterator[str]:
    assert window.session is not None
    page = window.slip_verify
    page.scan(_issue_sample_slip(app, window.session))
    yield "slip-verify"
    page.release_button.click()
    yield "slip-verify-released"
    page.scan("LKS:S000001:0123456789abcdef0123456789abcdef")
    yield "slip-verify-invalid"
    page.set_session(window.session)


def _figures(app: KioskApp, window: DeskWindow) -> Iterator[str]:
    """Last month, whole, as the manager reviews it: the top of the page, the receipts, then its
    foot (repairs and complaints)."""
    from kiosk.cli.sample_month import fill_sample_month
    from kiosk.domain.monthly_figures import Month

    page = window.figures
    this = Month.of(app.clock.now().astimezone(app.site.timezone).date())
    fill_sample_month(app, Month.of(this.first_day - timedelta(days=1)))
    page.previous_button.click()
    _settle()
    yield "figures"
    scroll = page.findChild(QScrollArea, "figuresScroll")
    assert scroll is not None
    scroll.ensureWidgetVisible(page.cards["receipts_per_day"])
    _settle()
    yield "figures-receipts"
    scroll.verticalScrollBar().setValue(scroll.verticalScrollBar().maximum())
    _settle()
    yield "figures-repairs"
    scroll.verticalScrollBar().setValue(0)
    page.next_button.click()
    _settle()


def _messages(app: KioskApp, window: DeskWindow) -> Iterator[str]:
    """The inbox with a declined visitor's message from the kiosk and the switchboard's, one
    passed on; the switchboard form filled in; then the board with its inbox tab."""
    from kiosk.domain.phone_messages import CallerRequest, MessageSource, NewPhoneMessage, RelayMethod

    page = window.messages
    who = window.session
    assert who is not None
    service = app.phone_messages
    if not service.inbox(open_only=False):
        now = app.clock.now()
        host = next(h.host_id for h in app.directory.search("王芳") if h.name == "王芳")
        declined = app.checkin.check_in(
            CheckInRequest("欧阳娜娜", host, company="华南数据", declaration_accepted=True), app.actor
        ).visit_id
        app.checkin.decline(declined, who.actor, "在开会")
        app.checkin.leave_message(declined, "13800138000", "下午三点再来，请回电。", app.actor)
        taken = [
            NewPhoneMessage(
                "Emily Carter",
                "机柜 A07 的上架时间改到周四上午，请确认。",
                now - timedelta(minutes=40),
                host_id=host,
                company="Acme Data Ltd",
                phone="0755-86001234",
                extension="8021",
                city="深圳",
            ),
            NewPhoneMessage(
                "刘女士",
                "快递放在前台，下班前来取。",
                now - timedelta(minutes=25),
                recipient_unit="2-1503",
                recipient_name="陈晓明",
                caller_request=CallerRequest.NONE,
                company="顺丰速运",
            ),
            NewPhoneMessage(
                "孙磊",
                "明早九点的会议改到十点。",
                now - timedelta(hours=2),
                recipient_name="工程部",
                phone="13912345678",
                caller_request=CallerRequest.WILL_CALL_AGAIN,
                source=MessageSource.COUNTER,
            ),
        ]
        ids = [service.take(message, who.actor) for message in taken]
        service.pass_on(ids[-1], RelayMethod.PHONE, "已电话告知工程部李工", who.actor)
    page.all_check.setChecked(True)
    page.refresh()
    _settle()
    page.table.selectRow(0)
    yield "messages"
    page.tabs.setCurrentIndex(1)
    page.recipient_search.setText("李四")
    page.find_button.click()
    _settle()
    page.caller_edit.setText("王经理")
    page.company_edit.setText("星河数据")
    page.phone_edit.setText("010-6552 8899")
    page.city_edit.setText("北京")
    page.text_edit.setPlainText("合同已寄出，请查收并回电确认。")
    yield "messages-form"
    page.tabs.setCurrentIndex(0)
    window.show_section("board")
    window.board.refresh()
    _settle()
    tabs = window.board.follow_up
    tabs.setCurrentIndex(tabs.indexOf(window.board.inbox.table))
    yield "board-messages"
    tabs.setCurrentIndex(0)


def _complaints(app: KioskApp, window: DeskWindow) -> Iterator[str]:
    """The register with a serious complaint, an overdue one in red and a suggestion; then the
    form filled in."""
    from kiosk.domain.complaints import (
        ComplaintKind,
        ComplaintSource,
        ComplaintSubject,
        NewComplaint,
        Satisfaction,
    )

    page = window.complaints
    who = window.session
    assert who is not None
    today = app.clock.now().astimezone(app.site.timezone).date()
    if not app.complaints.counts().open:
        # Recorded five days ago (the service on a clock standing then), due two days ago: overdue.
        earlier = replace(app.complaints, clock=FrozenClock(app.clock.now() - timedelta(days=5)), alerters=[])
        late = earlier.record(
            NewComplaint(
                ComplaintKind.COMPLAINT,
                ComplaintSource.PHONE,
                ComplaintSubject.CLEANING,
                "刘女士",
                "B1 电梯厅垃圾两天未清运，气味很大。",
                "保洁部",
                today - timedelta(days=2),
                unit="2-1503",
                contact="13800138000",
            ),
            who,
        ).complaint
        earlier.add_step(late.complaint_id, "已通知保洁部领班，答复当天处理。", who)
        serious = app.complaints.record(
            NewComplaint(
                ComplaintKind.COMPLAINT,
                ComplaintSource.VISIT,
                ComplaintSubject.NOISE,
                "陈先生",
                "楼上装修晚上十点后仍在施工，多次反映未解决。",
                "工程部",
                today + timedelta(days=1),
                unit="3-201",
                contact="139 1234 5678",
                serious=True,
            ),
            who,
        ).complaint
        app.complaints.add_step(serious.complaint_id, "已电话通知 3-301 业主，晚十点后停止施工。", who)
        app.complaints.call_back(serious.complaint_id, Satisfaction.FAIRLY, "业户表示先观察两天", who)
        app.complaints.record(
            NewComplaint(
                ComplaintKind.SUGGESTION,
                ComplaintSource.LETTER,
                ComplaintSubject.PARKING,
                "",
                "建议地下车库增设访客临时车位指引牌。",
                "管理处",
                today + timedelta(days=7),
            ),
            who,
        )
    page.tabs.setCurrentIndex(0)
    page.refresh()
    _settle()
    page.table.selectRow(1)
    _settle()  # the chosen one's timeline comes from the server in the background
    yield "complaints"
    page.tabs.setCurrentIndex(1)
    page.name_edit.setText("周女士")
    page.unit_edit.setText("5-1203")
    page.contact_edit.setText("0755-8888 1234 转 801")
    page.text_edit.setPlainText("地下车库 B 区照明损坏，夜间不安全。")
    yield "complaints-record"
    for edit in (page.name_edit, page.unit_edit, page.contact_edit, page.text_edit):
        edit.clear()
    page.tabs.setCurrentIndex(0)


def _repairs(app: KioskApp, window: DeskWindow) -> Iterator[str]:
    """Three requests: an urgent one past its 2-hour clock (red, the supervisor alerted), an
    urgent one with little time left (amber), a general one dispatched to a contractor; the
    overdue one open with its timeline; the form filled in; then the board with them."""
    from kiosk.domain.repairs import RepairCategory, RepairClass
    from kiosk.services.repairs import RepairDraft

    page = window.repairs
    who = window.session
    assert who is not None
    if not app.repairs.listing("all"):
        now = app.clock.now()
        drafts = (
            (timedelta(hours=2, minutes=10), RepairDraft("2-104", "陈晓明", "13812345678", "卫生间水管爆裂，地面积水",
                RepairCategory.WATER, RepairClass.URGENT, "卫生间")),
            (timedelta(hours=1, minutes=40), RepairDraft("3-1502", "李娜", "13900001111", "电梯困人警报后停在 15 层",
                RepairCategory.LIFT, RepairClass.URGENT, "3 号电梯")),
            (timedelta(hours=20), RepairDraft("5-1203", "Emily Carter", "0755-86001234", "空调不制冷",
                RepairCategory.AIR_CONDITIONING, RepairClass.GENERAL, "客厅")),
        )  # fmt: skip
        for ago, draft in drafts:
            # Taken that long ago: the service on a clock standing then.
            taken = replace(app.repairs, clock=FrozenClock(now - ago), alerters=[]).take(draft, who)
            if draft.repair_class is RepairClass.GENERAL:
                replace(app.repairs, clock=FrozenClock(now - ago + timedelta(hours=1))).dispatch(
                    taken.repair_id, who, "美的空调售后", "", "zh_CN"
                )
        app.repairs.alert_overdue(app.actor)
    page.refresh()
    _settle()
    overdue = min(row.repair_id for row in app.repairs.listing("open"))
    page.open_repair(overdue)
    _settle()
    page.table.selectRow(page.model.rowCount() - 1)
    yield "repairs"
    page.unit_edit.setText("6-0801")
    page.caller_edit.setText("王先生")
    page.phone_edit.setText("137 0000 2222")
    page.location_edit.setText("入户门")
    page.what_edit.setText("门锁无法反锁")
    page.category_combo.setCurrentIndex(page.category_combo.findData(RepairCategory.DOORS_LOCKS))
    scroll = page.findChild(QScrollArea)
    assert scroll is not None
    scroll.verticalScrollBar().setValue(0)
    yield "repairs-take"
    for edit in (page.unit_edit, page.caller_edit, page.phone_edit, page.location_edit, page.what_edit):
        edit.clear()
    window.show_section("board")
    window.board.refresh()
    _settle()
    yield "board-repairs"


def _sample_permits(app: KioskApp, who: SignedIn) -> list[str]:
    """A material permit for today (goods lift), a decoration worker's and a milk deliverer's
    running, and a decoration permit that expired last week (issued weeks ago); their numbers."""
    from kiosk.domain.permits import PermitKind, PermitRoute
    from kiosk.services.permits import PermitDraft

    issued = app.permits.listing("all")
    if issued:
        return [p.number for p in reversed(issued)]  # oldest first, as issued below
    now = app.clock.now()
    today = now.astimezone(app.site.timezone).date()
    id_number = "11010519491231002X"
    earlier = app.permits.on_clock(FrozenClock(now - timedelta(days=40)))
    expired = earlier.issue(
        PermitDraft(PermitKind.DECORATION, today - timedelta(days=40), today - timedelta(days=7),
            unit="3-1502", holder_name="李建国", id_number=id_number, company="美家装修"), who).permit  # fmt: skip
    drafts = (
        PermitDraft(PermitKind.MATERIAL, today, today + timedelta(days=1), unit="2-104", company="安居装饰",
            materials=(("瓷砖（箱）", 40), ("水泥（袋）", 12), ("石膏板", 30)), route=PermitRoute.GOODS_LIFT,
            note="货梯限 9:00-11:30"),
        PermitDraft(PermitKind.DECORATION, today, today + timedelta(days=60), unit="2-104", company="安居装饰",
            holder_name="李建国", id_number=id_number),
        PermitDraft(PermitKind.MILK, today, today + timedelta(days=90), holder_name="周强",
            id_number=id_number, company="光明乳业"),
    )  # fmt: skip
    return [expired.number, *(app.permits.issue(draft, who).permit.number for draft in drafts)]


def _permits(app: KioskApp, window: DeskWindow) -> Iterator[str]:
    """The register with an expired decoration permit checked at the desk (refused with its last
    day), then a material permit checked (valid, its materials), then the issue form filled."""
    from kiosk.domain.permits import PermitKind

    page = window.permits
    who = window.session
    assert who is not None
    numbers = _sample_permits(app, who)
    page.which_combo.setCurrentIndex(page.which_combo.findData("all"))
    page.refresh()
    _settle()
    page.checker.scan(numbers[0])
    _settle()
    yield "permits-expired"
    page.checker.scan(numbers[1])
    _settle()
    yield "permits-valid"
    page.checker.clear_transient()
    page.kind_combo.setCurrentIndex(page.kind_combo.findData(PermitKind.DECORATION))
    page.unit_edit.setText("5-1203")
    page.holder_edit.setText("王师傅")
    page.company_edit.setText("美家装修")
    scroll = page.findChild(QScrollArea)
    assert scroll is not None
    scroll.verticalScrollBar().setValue(scroll.verticalScrollBar().maximum() // 3)
    yield "permits-issue"
    for edit in (page.unit_edit, page.holder_edit, page.company_edit):
        edit.clear()
    page.kind_combo.setCurrentIndex(0)
    scroll.verticalScrollBar().setValue(0)


def _mail(app: KioskApp, window: DeskWindow) -> Iterator[str]:
    """The register: a damaged parcel signed by the shift leader, opened as scanned (its damage
    note in red), a letter handed out, a moved-out person's parcel on their shelf; then the board's
    mail tab with the weekly reminder."""
    from kiosk.domain.mail import MailKind
    from kiosk.services.mail import MailDraft, MovedOutDraft

    page = window.mail
    who = window.session
    assert who is not None
    if not app.mail.listing("all"):
        today = app.clock.now().astimezone(app.site.timezone).date()
        app.mail.add_moved_out(
            MovedOutDraft(
                "王强", today - timedelta(days=40), "3-201", "", "139 1234 5678", "深圳市南山区科技园 1 号"
            ),
            who,
        )
        earlier = replace(app.mail, clock=FrozenClock(app.clock.now() - timedelta(hours=3)), notifiers=[])
        letter = earlier.log(
            MailDraft(MailKind.REGISTERED, "中国邮政", "RR123456789CN", "李娜", "5-1203", shelf="A-2"), who
        )
        app.mail.record_notified(letter.item.item_id, who, "电话通知")
        earlier.log(MailDraft(MailKind.PARCEL, "EMS", "EA000000022CN", "王强"), who)
        parcel = app.mail.log(
            MailDraft(
                MailKind.PARCEL,
                "顺丰",
                "SF1234567890",
                "陈晓明",
                "2-104",
                "华南数据科技有限公司",
                shelf="B-3",
            ),
            who,
        ).item
        # Signed by the shift leader: the demo supervisor's own PIN.
        app.mail.record_damage(parcel.item_id, who, "外箱一角压破，内件完好", Role.SUPERVISOR.value, DEMO_PIN)
    page.refresh()
    _settle()
    damaged = next(row.item_id for row in app.mail.listing("all") if row.damaged)
    page.open_item(damaged)
    _settle()
    yield "mail"
    window.show_section("board")
    window.board.refresh()
    _settle()
    tabs = window.board.follow_up
    tabs.setCurrentIndex(tabs.indexOf(window.board.mail.pane))
    yield "board-mail"


def _courier(app: KioskApp, window: DeskWindow) -> Iterator[str]:
    """The book: this month's documents handed to SF and EMS in two batches, two waiting for this
    afternoon's courier; then the month's statement per department, as printed at the month's end."""
    from kiosk.domain.courier import CourierDraft

    page = window.courier
    who = window.session
    assert who is not None
    courier = app.courier
    if not courier.listing("all"):
        now = app.clock.now()
        codes = {c.code: c.company_id for c in courier.companies()}
        sent = (
            ("王芳", "IDC运维部", "陈立", "北京市海淀区中关村大街 1 号", "SF", "SF1402938475610", 2300),
            ("刘洋", "财务部", "张会计", "上海市浦东新区世纪大道 100 号", "SF", "SF1402938475611", 1550),
            ("王芳", "IDC运维部", "Acme Data Ltd", "深圳市南山区科技园", "SF", "SF1402938475612", 1200),
            ("李静", "行政部", "广州市税务局", "广州市天河区", "EMS", "EA123456789CN", 2100),
        )
        waiting = (
            ("赵伟", "销售部", "星河数据", "杭州市西湖区", "SF", "SF1402938475699", 2300),
            ("刘洋", "财务部", "招商银行", "深圳市福田区", "EMS", "EA123456790CN", 2100),
        )
        before = replace(courier, clock=FrozenClock(now - timedelta(days=3)))
        logged = [before.log(CourierDraft(*r[:4], codes[r[4]], *r[5:]), who) for r in sent]
        for code in ("SF", "EMS"):
            before.hand_over([i.item_id for i in logged if i.company_code == code], "刘师傅", True, who)
        for r in waiting:
            courier.log(CourierDraft(*r[:4], codes[r[4]], *r[5:]), who)
    page.reload()
    _settle()
    page.table.selectRow(0)
    yield "courier"
    page.month_edit.setFocus()
    scroll = page.findChild(QScrollArea)
    assert scroll is not None
    scroll.ensureWidgetVisible(page.month_table)
    _settle()
    yield "courier-statement"


def _lost_found(app: KioskApp, window: DeskWindow) -> Iterator[str]:
    """The register: a meeting guest's laptop left in room 301 this morning, a wallet with cash
    claimed against ID yesterday, an umbrella nobody claimed for 100 days; the register with the
    laptop open, then the unclaimed umbrella ready for disposal, then the form for a new item."""
    from kiosk.domain.lost_found import ClaimDraft, FoundItemDraft, LostItemCategory, LostItemSource
    from kiosk.services.lost_found import LostItemFilter

    page = window.lost_found
    who = window.session
    assert who is not None
    lost = app.lost_found
    if not lost.listing(LostItemFilter("all")):
        now = app.clock.now()
        drafts = (
            (timedelta(days=100), FoundItemDraft("黑色长柄雨伞", LostItemCategory.OTHER, "一楼大堂沙发",
                now - timedelta(days=100), "保洁 李阿姨", "前台储物柜 1号")),
            (timedelta(days=1), FoundItemDraft("棕色钱包（内有现金、银行卡）", LostItemCategory.CASH,
                "B1 停车场电梯厅", now - timedelta(days=1, hours=2), "护卫员 张强", "管理处保险柜",
                cash_fen=35050)),
            (timedelta(hours=1), FoundItemDraft("银色笔记本电脑及电源", LostItemCategory.ELECTRONICS, "三楼会议室",
                now - timedelta(hours=1, minutes=20), "会务 周敏", "前台储物柜 2号", LostItemSource.MEETING,
                "华南数据季度会", "301")),
        )  # fmt: skip
        for ago, draft in drafts:
            # Logged that long ago: the service on a clock standing then.
            logged = replace(lost, clock=FrozenClock(now - ago)).log(draft, who)
            if draft.category is LostItemCategory.CASH:
                claim = ClaimDraft("陈晓明", "resident_id", "002X", "陈晓明", True, "13812345678")
                replace(lost, clock=FrozenClock(now - ago + timedelta(hours=3))).claim(
                    logged.item_id, claim, who
                )
    page.filter_combo.setCurrentIndex(page.filter_combo.findData("all"))
    page.refresh()
    _settle()
    newest = max(row.item_id for row in lost.listing(LostItemFilter("all")))
    page.open_item(newest)
    _settle()
    page.table.selectRow(0)
    yield "lost-found"
    page.filter_combo.setCurrentIndex(page.filter_combo.findData("unclaimed"))
    _settle()
    page.table.selectRow(0)
    page.open_item(lost.listing(LostItemFilter("unclaimed"))[0].item_id)
    _settle()
    page.supervisor_edit.setText("lingban")
    page.dispose_note_edit.setText("交大厦所在社区公益站")
    scroll = page.findChild(QScrollArea)
    assert scroll is not None
    scroll.verticalScrollBar().setValue(scroll.verticalScrollBar().maximum())
    yield "lost-found-unclaimed"
    page.supervisor_edit.clear()
    page.dispose_note_edit.clear()
    page.filter_combo.setCurrentIndex(page.filter_combo.findData("held"))
    page.what_edit.setText("蓝色保温杯")
    page.where_edit.setText("二楼洗手间")
    page.finder_edit.setText("访客 王先生")
    page.kept_edit.setText("前台储物柜 1号")
    scroll.verticalScrollBar().setValue(0)
    yield "lost-found-log"
    for edit in (page.what_edit, page.where_edit, page.finder_edit, page.kept_edit):
        edit.clear()


def _newspapers(app: KioskApp, window: DeskWindow) -> Iterator[str]:
    """The units' orders; yesterday's 人民日报 one copy short, raised with the post office and
    escalated to the shift leader by the round; today's counted short too, 南方周末 not yet come:
    the day's bundles, the escalated shortfall's trail, the orders, then the board's tab."""
    from kiosk.domain.newspapers import ContactMethod, Frequency
    from kiosk.services.newspapers import SubscriptionDraft

    page = window.newspapers
    who = window.session
    assert who is not None
    papers = app.newspapers
    if not papers.subscriptions():
        now = app.clock.now()
        today = now.astimezone(app.site.timezone).date()
        start, end = date(today.year, 1, 1), date(today.year, 12, 31)
        every_day, weekday = 0b1111111, 1 << today.weekday()
        for unit, title, copies, frequency, days, month_days in (
            ("2-104", "人民日报", 2, Frequency.DAILY, every_day, ""),
            ("3-201", "人民日报", 1, Frequency.DAILY, every_day, ""),
            ("5-1203", "人民日报", 1, Frequency.DAILY, every_day, ""),
            ("2-104", "参考消息", 1, Frequency.DAILY, every_day, ""),
            ("3-201", "南方周末", 1, Frequency.WEEKLY, weekday, ""),
            ("5-1203", "读者", 1, Frequency.MONTHLY, 0, "1,16"),
        ):
            draft = SubscriptionDraft(unit, title, frequency, copies, start, end, days, month_days)
            papers.subscribe(draft, who)
        yesterday = replace(papers, clock=FrozenClock(now - timedelta(hours=26)), alerters=[])
        yesterday.count(today - timedelta(days=1), "人民日报", 3, who)
        [late] = papers.shortfalls()
        yesterday.record_contact(late.shortfall_id, who, "投递站 小李", ContactMethod.PHONE, "答应今早补送")
        replace(papers, alerters=[]).escalate_overdue(app.actor)
        papers.count(today, "人民日报", 3, who, note="少一份")
        papers.count(today, "参考消息", 1, who)
    page.refresh()
    _settle()
    page.tabs.setCurrentIndex(0)
    page.day_table.selectRow(0)
    page._pick_title(0)
    yield "newspapers"
    escalated = min(row.shortfall_id for row in papers.shortfalls())
    page.open_shortfall(escalated)
    _settle()
    page.tabs.setCurrentIndex(1)
    yield "newspapers-shortfall"
    page.tabs.setCurrentIndex(2)
    yield "newspapers-subscriptions"
    page.tabs.setCurrentIndex(0)
    window.show_section("board")
    window.board.refresh()
    _settle()
    tabs = window.board.follow_up
    tabs.setCurrentIndex(tabs.indexOf(window.board.newspapers.table))
    yield "board-newspapers"


def _key_loans(app: KioskApp, window: DeskWindow) -> Iterator[str]:
    """The register (two meeting rooms, a store room, the machine room's access cards): 301's keys
    lent this morning and past due (red), the B2 cards due within the half hour (amber), the
    store room back yesterday; then the lending form filled in, then the board's keys tab."""
    from kiosk.domain.key_loans import Borrower, KeyKind, SetDraft

    page = window.key_loans
    who = window.session
    assert who is not None
    keys = app.key_loans
    if not keys.sets(include_retired=True):
        now = app.clock.now()
        room = keys.add_set(SetDraft("301", "301 会议室", 3, "钥匙柜 A-03"), who)
        keys.add_set(SetDraft("302", "302 会议室", 2, "钥匙柜 A-04"), who)
        store = keys.add_set(SetDraft("仓库", "B1 物业仓库", 1, "钥匙柜 B-01"), who)
        cards = keys.add_set(SetDraft("B2", "B2 机房门禁", 2, "前台抽屉", KeyKind.ACCESS_CARD), who)
        earlier = replace(keys, clock=FrozenClock(now - timedelta(days=1, hours=3)))
        back = earlier.lend(store.set_id, Borrower("刘师傅", "工程部", staff_number="GC-017"), who)
        replace(keys, clock=FrozenClock(now - timedelta(days=1))).take_back(back.loan_id, who)
        morning = replace(keys, clock=FrozenClock(now - timedelta(hours=3)))
        chen = Borrower("陈立", "星河数据", "13812345678", "resident_id", "002X")
        morning.lend(room.set_id, chen, who, 2, now - timedelta(minutes=40), "项目周会")
        tom = Borrower("Tom Baker", "Acme Data Ltd", id_type="passport", id_last_four="4471")
        keys.lend(cards.set_id, tom, who, 1, now + timedelta(minutes=20), "机房巡检")
    page.search_edit.clear()
    page.refresh()
    _settle()
    page.tabs.setCurrentIndex(0)
    page.loans_table.selectRow(0)
    yield "key-loans"
    page.tabs.setCurrentIndex(1)
    page.borrower_edit.setText("王小明")
    page.company_edit.setText("华南物流")
    page.staff_number_edit.setText("HN-2031")
    page.note_edit.setText("302 会议室客户洽谈")
    page.set_combo.setCurrentIndex(max(0, page.set_combo.findText("302", Qt.MatchFlag.MatchStartsWith)))
    yield "key-loans-lend"
    for edit in (page.borrower_edit, page.company_edit, page.staff_number_edit, page.note_edit):
        edit.clear()
    page.tabs.setCurrentIndex(2)
    yield "key-loans-register"
    page.tabs.setCurrentIndex(0)
    window.show_section("board")
    window.board.refresh()
    _settle()
    follow_up = window.board.follow_up
    follow_up.setCurrentIndex(follow_up.indexOf(window.board.keys.table))
    yield "board-keys"
    follow_up.setCurrentIndex(0)


def _deposits(app: KioskApp, window: DeskWindow) -> Iterator[str]:
    """Deposits held: a decoration bond of ¥5,000 taken against its materials permit with one
    deduction recorded by finance, and a machine-room pass's deposit back and due for refund."""
    from kiosk.domain.documents import PaymentMethod, ReceiptPurpose
    from kiosk.domain.permits import PermitKind, PermitRoute
    from kiosk.services.permits import PermitDraft

    who = window.session
    assert who is not None
    if not any(d.purpose is ReceiptPurpose.DECORATION_BOND for d in app.deposits.listing("all")):
        today = app.clock.now().astimezone(app.site.timezone).date()
        draft = PermitDraft(
            kind=PermitKind.MATERIAL, valid_from=today, valid_until=today + timedelta(days=60), unit="2-104",
            company="安居装饰工程有限公司", materials=(("瓷砖（箱）", 40),), route=PermitRoute.GOODS_LIFT,
        )  # fmt: skip
        permit = app.permits.issue(draft, who).permit
        bond = app.deposits.take(
            ReceiptPurpose.DECORATION_BOND, permit.permit_id, "王经理", 500000, who.actor,
            method=PaymentMethod.BANK_CARD,
        )  # fmt: skip
        app.deposits.deduct(bond.receipt_number, 30000, "货梯轿厢划伤 修复费", who)
        lent = app.deposits.items(ReceiptPurpose.PASS_DEPOSIT)  # the passes shot's loans, if any
        if lent:
            app.deposits.take(ReceiptPurpose.PASS_DEPOSIT, lent[0].item_id, "", 20000, who.actor)
    page = window.deposits
    page.which_combo.setCurrentIndex(page.which_combo.findData("all"))
    page.refresh()
    _settle()
    page.table.selectRow(0)
    _settle()
    page.reason_edit.setText("装修垃圾未清运")
    page.amount_edit.setText("200")
    yield "deposits"
    page.reason_edit.clear()
    page.amount_edit.clear()


def _roster(app: KioskApp, window: DeskWindow) -> Iterator[str]:
    """This month's roster approved (a 早中夜休 rotation over four clerks, the shift leader on
    weekdays' 早班, one swap), next month's carried on from it and submitted; then the board's
    duty line."""
    from kiosk.domain.monthly_figures import Month
    from kiosk.domain.roster import CellChange, FillFrom

    who = window.session
    assert who is not None
    roster = app.roster
    today = app.clock.now().astimezone(app.site.timezone).date()
    this, following = Month.of(today), Month.of(Month.of(today).after)
    if roster.month(str(this)).status is None:
        for username, name, role in (
            ("roster-li", "李娜", Role.RECEPTIONIST),
            ("roster-zhao", "赵敏", Role.RECEPTIONIST),
            ("roster-sun", "孙丽", Role.RECEPTIONIST),
            ("roster-qian", "钱芳", Role.RECEPTIONIST),
            ("roster-zhou", "周领班", Role.SUPERVISOR),
        ):
            app.staff.add(username, name, role, DEMO_PIN, app.actor)
        ids = {p.name: p.staff_id for p in roster.month(str(this)).people}
        rotation = ("早班", "中班", "夜班", "")
        cells = []
        for n in range(7):
            day = this.first_day + timedelta(days=n)
            for i, name in enumerate(("李娜", "赵敏", "孙丽", "钱芳")):
                cells.append(CellChange(day, ids[name], rotation[(i + n) % 4]))
            cells.append(CellChange(day, ids["周领班"], "早班" if day.weekday() < 5 else ""))
        roster.edit(str(this), cells, who)
        roster.fill(str(this), FillFrom.FIRST_WEEK, who)
        roster.submit(str(this), who)
        roster.approve(str(this), who, Role.SUPERVISOR.value, DEMO_PIN)
        view = roster.month(str(this))
        later = today + timedelta(days=2)
        busy = {c.staff_id for c in view.cells if c.day == later}
        giver = next(c for c in view.cells if c.day == later and c.staff_id != ids["周领班"])
        free = next(
            p for p in view.people if p.staff_id not in busy and p.name in ("李娜", "赵敏", "孙丽", "钱芳")
        )
        roster.swap(str(this), later, giver.staff_id, free.staff_id, "家中有事，两人互换", who)
        roster.fill(str(following), FillFrom.LAST_MONTH, who)
        roster.submit(str(following), who)
    page = window.roster
    page.month_combo.setCurrentIndex(page.month_combo.findData(str(following)))
    page.refresh()
    _settle()
    yield "roster"
    page.month_combo.setCurrentIndex(page.month_combo.findData(str(this)))
    page.refresh()
    _settle()
    yield "roster-approved"
    window.show_section("board")
    window.board.refresh()
    _settle()
    yield "board-duty"


def _admissions(app: KioskApp, window: DeskWindow) -> Iterator[str]:
    """Today's admissions (a company leader greeted, staff with a work card, a resident let in
    on the resident records with the patrol told), the form for a resident without a card, the
    leaders' list and the open patrol notice; then the board's night banner with a night visit
    waiting for the duty officer (decided afterwards, so the other shots stay daytime)."""
    from kiosk.domain.visitor_kinds import AdmissionRequest, ApprovalWay, VisitorKind

    who = window.session
    assert who is not None
    kinds = app.visitor_kinds
    if not kinds.leaders():  # the first language's run (the kiosk's permit holders are in already)
        _sample_residents(app)
        leader = kinds.add_leader("王建华", "王总", "华南数据", who)
        kinds.add_leader("陈立", "陈董", "南方电网", who)
        for request in (
            AdmissionRequest(VisitorKind.COMPANY_LEADER, leader_id=leader.leader_id),
            AdmissionRequest(VisitorKind.STAFF, name="吴工", company="工程部", work_card="GC-0451"),
            AdmissionRequest(VisitorKind.RESIDENT_NO_CARD, name="周伟", unit="1-102", way=ApprovalWay.RESIDENT_RECORDS),
        ):  # fmt: skip
            kinds.admit(request, who, "screens-desk")
    page = window.admissions
    page.refresh()
    _settle()
    page.choose_kind(VisitorKind.RESIDENT_NO_CARD)
    page.name_edit.setText("林静")
    page.unit_edit.setText("1-102")
    page.call_note_edit.setText("林静本人对讲应答：是我，请开门")
    yield "admissions"
    for edit in (page.name_edit, page.unit_edit, page.call_note_edit):
        edit.clear()
    page.tabs.setCurrentIndex(1)
    yield "admissions-leaders"
    page.tabs.setCurrentIndex(2)
    page.patrol.refresh()
    _settle()
    yield "admissions-patrol"
    page.tabs.setCurrentIndex(0)
    # 21:00: a visitor checks in; the duty officer approves, every desk's banner rings.
    clock = app.clock
    assert isinstance(clock, ManualClock)
    morning = clock.now()
    clock.set(morning.astimezone(app.site.timezone).replace(hour=21, minute=5))
    hosts = app.directory.search("")
    night = app.checkin.check_in(
        CheckInRequest("赵海", hosts[0].host_id, "蓝海物流", declaration_accepted=True), app.actor
    )
    window.show_section("board")
    window.board.refresh()
    _settle()
    yield "board-night"
    app.checkin.approve(night.visit_id, app.actor, Approver.DUTY_OFFICER, "screenshots")
    clock.set(morning)
    window.board.refresh()
    _settle()


DESK_SECTION_SHOTS: list[tuple[str, DeskShot]] = [
    ("idc_cards", _idc_cards),
    ("idc_applications", _idc_applications),
    ("board", _board),
    ("print_queue", _print_queue),
    ("pre_register", _pre_registration),
    ("walk_in", _walk_in),
    ("admissions", _admissions),
    ("watchlist", _watchlist),
    ("evacuation", _evacuation),
    ("machine_room_passes", _machine_room_passes),
    ("release_slips", _release_slips),
    ("slip_verify", _slip_verify),
    ("payments", _payments),
    ("deposits", _deposits),
    ("handover", _handover),
    ("complaints", _complaints),
    ("messages", _messages),
    ("repairs", _repairs),
    ("permits", _permits),
    ("mail", _mail),
    ("courier", _courier),
    ("key_loans", _key_loans),
    ("roster", _roster),
    ("lost_found", _lost_found),
    ("newspapers", _newspapers),
    ("figures", _figures),
    ("visitor_log", _visitor_log),
    ("staff", _staff),
    ("stations", _stations),
]
