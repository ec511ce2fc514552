"""The visitor's journey on the kiosk, tapped the way a visitor does, with the desk deciding."""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

import httpx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QStackedWidget,
    QTableView,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kiosk.app import KioskApp
from kiosk.devices.escpos.codec import parse_escpos
from kiosk.devices.fakes import FakePrinter
from kiosk.devices.interfaces import PrinterStatus
from kiosk.domain.station import StationRole
from kiosk.domain.visit import Approver, VisitorType, VisitStatus
from kiosk.services.audit import Actor
from kiosk.storage.models import HostMessage, Visit
from kiosk.ui.common.background import in_flight
from kiosk.ui.kiosk import window as kiosk_window
from kiosk.ui.kiosk.window import KioskWindow
from tests.conftest import FixedClock
from tests.stations import in_process_station
from tests.ui.conftest import answer_dialog, open_desk, server_round, type_text

W = TypeVar("W", bound=QWidget)
DESK = Actor.desk("front-desk")


def find(root: QWidget, cls: type[W], name: str) -> W:
    widget = root.findChild(cls, name)
    assert widget is not None, f"no {cls.__name__} named {name}"
    assert widget.accessibleName(), f"{name} has no accessible name"
    return widget


def tap(qtbot: QtBot, root: QWidget, name: str) -> None:
    button = find(root, QPushButton, name)
    assert button.isVisible() and button.isEnabled(), f"{name} cannot be tapped"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def current_page(window: QWidget) -> str:
    stack = window.findChild(QStackedWidget)
    assert stack is not None
    return stack.currentWidget().objectName()


def open_kiosk(qtbot: QtBot, app: KioskApp) -> KioskWindow:
    """The kiosk as a station of a site server running on ``app`` (in-process transport)."""
    station = in_process_station(app)
    window = KioskWindow(station)
    window.destroyed.connect(station.close)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def pick_host(qtbot: QtBot, window: QWidget, search: str, name: str) -> None:
    type_text(qtbot, find(window, QLineEdit, "hostSearchEdit"), search)
    hosts = find(window, QListWidget, "hostList")
    # The list comes from the server: wait for the answer to what was typed (not an earlier
    # answer, to fewer letters, still on screen), as a visitor waits for the list to settle.
    qtbot.waitUntil(
        lambda: in_flight() == 0 and any(hosts.item(i).text().startswith(name) for i in range(hosts.count()))
    )
    row = next(i for i in range(hosts.count()) if hosts.item(i).text().startswith(name))
    hosts.scrollToItem(hosts.item(row))  # the visitor scrolls the list until the name shows
    rect = hosts.visualItemRect(hosts.item(row))
    qtbot.mouseClick(hosts.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert hosts.currentRow() == row


def walk_to_review(
    qtbot: QtBot,
    kiosk: KioskWindow,
    name: str,
    host_search: str = "财务",
    host: str = "李四",
    company: str = "",
    kind: str = "guest",
    permit: str = "",
) -> None:
    tap(qtbot, kiosk, "welcomeCheckInButton")
    assert current_page(kiosk) == "typePage"
    tap(qtbot, kiosk, f"visitorType_{kind}")
    assert current_page(kiosk) == "identityPage"
    type_text(qtbot, find(kiosk, QLineEdit, "visitorNameEdit"), name)
    if company:
        type_text(qtbot, find(kiosk, QLineEdit, "companyEdit"), company)
    if permit:
        type_text(qtbot, find(kiosk, QLineEdit, "permitNumberEdit"), permit)
    tap(qtbot, kiosk, "identityPageNextButton")
    assert current_page(kiosk) == "hostPage", find(kiosk, QLabel, "identityPageError").text()
    pick_host(qtbot, kiosk, host_search, host)
    tap(qtbot, kiosk, "hostPageNextButton")
    assert current_page(kiosk) == "purposePage"
    tap(qtbot, kiosk, "purposePreset0")
    tap(qtbot, kiosk, "purposePageNextButton")
    assert current_page(kiosk) == "declarationPage"
    tap(qtbot, kiosk, "declarationPageNextButton")
    assert current_page(kiosk) == "reviewPage"


def submit_and_wait(qtbot: QtBot, kiosk: KioskWindow) -> int:
    tap(qtbot, kiosk, "reviewPageNextButton")
    qtbot.waitUntil(lambda: current_page(kiosk) == "waitingPage", timeout=5000)
    # The page says what the visitor waits for once the server has told the visit's state.
    detail = find(kiosk, QLabel, "waitingDetailLabel")
    qtbot.waitUntil(lambda: detail.text() != "", timeout=5000)
    assert kiosk._visit_id is not None
    return kiosk._visit_id


def declined_at_the_kiosk(qtbot: QtBot, app: KioskApp) -> KioskWindow:
    """李雷 checked in at the kiosk and his host declined: the kiosk shows the declined page."""
    kiosk = open_kiosk(qtbot, app)
    walk_to_review(qtbot, kiosk, "李雷")
    visit_id = submit_and_wait(qtbot, kiosk)
    app.checkin.decline(visit_id, DESK, "领导不愿会见")
    qtbot.waitUntil(lambda: current_page(kiosk) == "declinedPage", timeout=5000)
    return kiosk


def test_the_welcome_clock_shows_the_site_time_of_the_application_clock(
    qtbot: QtBot, app: KioskApp, clock: FixedClock
) -> None:
    kiosk = open_kiosk(qtbot, app)
    clock_label = find(kiosk, QLabel, "clockLabel")
    assert clock_label.text() == "2026-11-25  10:00"  # the fixed clock, in Shanghai
    clock.advance(hours=12, minutes=5)
    qtbot.waitUntil(lambda: clock_label.text() == "2026-11-25  22:05", timeout=3000)


def test_first_time_visitor_waits_for_the_host_then_gets_a_badge(
    qtbot: QtBot, app: KioskApp, printer: FakePrinter, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The kiosk's own poll an hour away: the decision and the printed badge reach the waiting
    # visitor by the server's events (the badge's print used to wait for the next poll).
    monkeypatch.setattr(kiosk_window, "WAIT_POLL_MS", 3_600_000)
    kiosk = open_kiosk(qtbot, app)
    walk_to_review(qtbot, kiosk, "张三", "IDC", "王芳", company="华南数据")
    summary = find(kiosk, QLabel, "reviewSummaryLabel").text()
    assert "张三" in summary and "华南数据" in summary and "王芳" in summary and "Meeting" in summary
    visit_id = submit_and_wait(qtbot, kiosk)
    assert "asking your host" in find(kiosk, QLabel, "waitingTitleLabel").text()
    assert printer.documents == []  # nothing prints before the host agrees

    # The desk sees the request and approves for the host after phoning.
    desk = open_desk(qtbot, app)
    waiting = find(desk, QTableView, "waitingTable")
    qtbot.waitUntil(lambda: waiting.model().rowCount() == 1)  # the board as the server has it
    assert waiting.model().index(0, 0).data() == "张三"
    waiting.selectRow(0)
    answer_dialog("confirmOkButton")  # "Let in 张三 (华南数据), visiting 王芳 …?"
    tap(qtbot, desk, "approveVisitButton")
    qtbot.waitUntil(lambda: current_page(kiosk) == "donePage", timeout=5000)
    assert "V000001" in find(kiosk, QLabel, "badgeNumberLabel").text()
    assert "张三" in find(kiosk, QLabel, "doneTitleLabel").text()

    printout = parse_escpos(printer.documents[0])
    lines = "\n".join(printout.text_lines())
    assert "张三" in lines and "华南数据" in lines and "王芳" in lines
    # Signed for this visit: tests/domain/test_badge_codes.py.
    assert [qr[:13] for qr in printout.qr_codes()] == ["LKV2-V000001-"]
    with app.database.sessions() as session:
        visit = session.get_one(Visit, visit_id)
        assert (visit.status, visit.purpose, visit.approver) == (
            VisitStatus.ON_SITE,
            "Meeting",
            Approver.DESK,
        )

    on_site = find(desk, QTableView, "onSiteTable")
    qtbot.waitUntil(lambda: on_site.model().rowCount() == 1, timeout=3000)
    cells = [on_site.model().index(0, c).data() for c in range(on_site.model().columnCount())]
    assert cells[:4] == ["V000001", "张三", "华南数据", "王芳（IDC运维部）"]

    tap(qtbot, kiosk, "doneFinishButton")
    assert current_page(kiosk) == "welcomePage"
    # The next visitor finds nothing of this one.
    tap(qtbot, kiosk, "welcomeCheckInButton")
    tap(qtbot, kiosk, "visitorType_guest")
    assert find(kiosk, QLineEdit, "visitorNameEdit").text() == ""
    assert find(kiosk, QLineEdit, "companyEdit").text() == ""


def test_bad_input_is_explained_on_its_step(qtbot: QtBot, app: KioskApp) -> None:
    kiosk = open_kiosk(qtbot, app)
    tap(qtbot, kiosk, "welcomeCheckInButton")
    tap(qtbot, kiosk, "visitorType_guest")
    tap(qtbot, kiosk, "identityPageNextButton")
    assert find(kiosk, QLabel, "identityPageError").text() == "Please enter your name."
    type_text(qtbot, find(kiosk, QLineEdit, "visitorNameEdit"), "张三<3")
    tap(qtbot, kiosk, "identityPageNextButton")
    assert "“<”" in find(kiosk, QLabel, "identityPageError").text()
    assert current_page(kiosk) == "identityPage"
    find(kiosk, QLineEdit, "visitorNameEdit").clear()
    type_text(qtbot, find(kiosk, QLineEdit, "visitorNameEdit"), "张三")
    tap(qtbot, kiosk, "identityPageNextButton")
    tap(qtbot, kiosk, "hostPageNextButton")
    assert find(kiosk, QLabel, "hostPageError").text() == "Please choose the person you are visiting."
    tap(qtbot, kiosk, "hostPageBackButton")
    assert current_page(kiosk) == "identityPage"
    assert find(kiosk, QLineEdit, "visitorNameEdit").text() == "张三"  # Back keeps what was typed
    with app.database.sessions() as session:
        assert session.scalars(select(Visit)).all() == []


def test_contractor_is_asked_for_the_access_permit(qtbot: QtBot, app: KioskApp) -> None:
    kiosk = open_kiosk(qtbot, app)
    tap(qtbot, kiosk, "welcomeCheckInButton")
    tap(qtbot, kiosk, "visitorType_guest")
    assert not find(kiosk, QLineEdit, "permitNumberEdit").isVisible()
    tap(qtbot, kiosk, "identityPageBackButton")
    tap(qtbot, kiosk, "visitorType_contractor")
    assert find(kiosk, QLineEdit, "permitNumberEdit").isVisible()
    type_text(qtbot, find(kiosk, QLineEdit, "visitorNameEdit"), "装修师傅")
    tap(qtbot, kiosk, "identityPageNextButton")
    assert "access permit" in find(kiosk, QLabel, "identityPageError").text()
    type_text(qtbot, find(kiosk, QLineEdit, "permitNumberEdit"), "D-0031")
    tap(qtbot, kiosk, "identityPageNextButton")
    assert current_page(kiosk) == "hostPage"
    pick_host(qtbot, kiosk, "行政", "张三")
    for page in ("hostPage", "purposePage", "declarationPage"):
        tap(qtbot, kiosk, f"{page}NextButton")
    visit_id = submit_and_wait(qtbot, kiosk)
    with app.database.sessions() as session:
        visit = session.get_one(Visit, visit_id)
        assert (visit.visitor_type, visit.permit_number) == (VisitorType.CONTRACTOR, "D-0031")


def test_declined_visitor_is_told_politely(qtbot: QtBot, app: KioskApp, printer: FakePrinter) -> None:
    kiosk = declined_at_the_kiosk(qtbot, app)
    assert "cannot receive you today" in find(kiosk, QLabel, "declinedDetailLabel").text()
    assert printer.documents == []
    # The visitor leaves contact details for the host.
    tap(qtbot, kiosk, "leaveMessageButton")
    tap(qtbot, kiosk, "sendMessageButton")
    qtbot.waitUntil(lambda: find(kiosk, QLabel, "declinedError").text() != "", timeout=3000)
    assert find(kiosk, QLabel, "declinedError").text() == "Please enter a phone number or a message."
    type_text(qtbot, find(kiosk, QLineEdit, "messagePhoneEdit"), "13912345678")
    type_text(qtbot, find(kiosk, QLineEdit, "messageTextEdit"), "下周再约")
    tap(qtbot, kiosk, "sendMessageButton")
    detail = find(kiosk, QLabel, "declinedDetailLabel")
    qtbot.waitUntil(lambda: "pass your details" in detail.text(), timeout=3000)
    with app.database.sessions() as session:
        message = session.scalars(select(HostMessage)).one()
        assert (message.caller_name, message.phone, message.text) == ("李雷", "13912345678", "下周再约")
        assert message.host.name == "李四"
    tap(qtbot, kiosk, "declinedFinishButton")
    assert current_page(kiosk) == "welcomePage"


def test_a_failure_is_told_in_words_never_the_error_text_and_a_refusal_is_no_error_in_the_log(
    qtbot: QtBot, app: KioskApp, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    kiosk = declined_at_the_kiosk(qtbot, app)
    tap(qtbot, kiosk, "leaveMessageButton")
    error = find(kiosk, QLabel, "declinedError")

    # An empty message is refused by the service: ordinary, so no ERROR (and no traceback) in the log.
    caplog.clear()
    tap(qtbot, kiosk, "sendMessageButton")
    qtbot.waitUntil(lambda: error.text() == "Please enter a phone number or a message.", timeout=3000)
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []

    # A fault: the visitor reads an apology, not the error's text (which here holds their name).
    def broken(*_args: object) -> int:
        raise RuntimeError("disk I/O error saving the message of 李雷 13912345678")

    monkeypatch.setattr(app.checkin, "leave_message", broken)
    type_text(qtbot, find(kiosk, QLineEdit, "messagePhoneEdit"), "13912345678")
    tap(qtbot, kiosk, "sendMessageButton")
    qtbot.waitUntil(lambda: error.text() != "Please enter a phone number or a message.", timeout=3000)
    assert error.text() == "Sorry, something went wrong. Please see the front desk."
    assert any(r.levelno == logging.ERROR and r.exc_info for r in caplog.records)  # the cause, for staff


def held_at_the_kiosk(qtbot: QtBot, app: KioskApp) -> KioskWindow:
    """王强 is on the watchlist (the desk put him there) and has just checked in at the kiosk."""
    app.watchlist.add("王强", "寻衅闹事", Actor("staff", "1"))
    kiosk = open_kiosk(qtbot, app)
    walk_to_review(qtbot, kiosk, "王强")
    submit_and_wait(qtbot, kiosk)
    return kiosk


def test_watchlist_hold_shows_only_please_wait(qtbot: QtBot, app: KioskApp) -> None:
    kiosk = held_at_the_kiosk(qtbot, app)
    assert find(kiosk, QLabel, "waitingTitleLabel").text() == "Please wait a moment"
    assert find(kiosk, QLabel, "waitingDetailLabel").text() == "A receptionist will assist you."
    desk = open_desk(qtbot, app)
    waiting = find(desk, QTableView, "waitingTable")
    qtbot.waitUntil(lambda: waiting.model().rowCount() == 1)
    (entry,) = app.watchlist.entries()
    assert waiting.model().index(0, 3).data() == f"HOLD: name matches watchlist entry {entry.entry_id}"


def test_night_mode_waits_for_the_duty_officer(qtbot: QtBot, app: KioskApp, clock: FixedClock) -> None:
    clock.advance(hours=12)  # 22:00 in Shanghai
    kiosk = open_kiosk(qtbot, app)
    walk_to_review(qtbot, kiosk, "夜归人")
    visit_id = submit_and_wait(qtbot, kiosk)
    assert "duty officer" in find(kiosk, QLabel, "waitingDetailLabel").text()
    assert app.checkin.state(visit_id).approver is Approver.DUTY_OFFICER


def test_printer_failure_sends_the_visitor_to_the_desk_which_prints_again(
    qtbot: QtBot, app: KioskApp, printer: FakePrinter
) -> None:
    printer.state = PrinterStatus.OFFLINE
    kiosk = open_kiosk(qtbot, app)
    walk_to_review(qtbot, kiosk, "Emily Carter", "销售", "孙磊")
    visit_id = submit_and_wait(qtbot, kiosk)
    app.checkin.approve(visit_id, DESK, Approver.HOST)
    qtbot.waitUntil(lambda: current_page(kiosk) == "donePage", timeout=5000)
    assert "front desk" in find(kiosk, QLabel, "doneDetailLabel").text()

    desk = open_desk(qtbot, app)
    table = find(desk, QTableView, "onSiteTable")
    qtbot.waitUntil(lambda: table.model().rowCount() == 1)
    assert table.model().index(0, 7).data() == "Not printed"
    printer.state = PrinterStatus.ONLINE
    table.selectRow(0)
    tap(qtbot, desk, "retryBadgeButton")
    # The badge is the kiosk's job: the desk hands it back to the kiosk's printer, and its board
    # shows when it has printed.
    status = find(desk, QLabel, "deskStatusLabel")
    qtbot.waitUntil(lambda: "sent to the printer where the visitor checked in" in status.text(), timeout=5000)
    assert status.property("error") is not True
    qtbot.waitUntil(lambda: table.model().index(0, 7).data() == "Printed", timeout=5000)
    assert "Emily Carter" in "\n".join(parse_escpos(printer.documents[0]).text_lines())
    tap(qtbot, desk, "checkOutButton")
    qtbot.waitUntil(lambda: table.model().rowCount() == 0)
    assert app.lobby.on_site() == []


def test_desk_board_picks_up_a_kiosk_check_in_by_itself(qtbot: QtBot, app: KioskApp) -> None:
    from kiosk.services.checkin import CheckInRequest

    desk = open_desk(qtbot, app)
    waiting = find(desk, QTableView, "waitingTable")
    assert waiting.model().rowCount() == 0
    host = app.directory.search("李四")[0].host_id
    other = in_process_station(app, StationRole.KIOSK, "kiosk-2")  # another kiosk, through the server
    with ThreadPoolExecutor(1) as pool:
        pool.submit(other.visits.check_in, CheckInRequest("韩梅梅", host, declaration_accepted=True)).result()
    # Pushed by the server's "board" event: no refresh, no poll.
    qtbot.waitUntil(lambda: waiting.model().rowCount() == 1, timeout=1000)
    other.close()


def test_a_wait_past_three_minutes_is_escalated_on_the_board(
    qtbot: QtBot, app: KioskApp, clock: FixedClock
) -> None:
    from kiosk.services.checkin import CheckInRequest

    host = app.directory.search("李四")[0].host_id
    pending = app.checkin.check_in(CheckInRequest("韩梅梅", host, declaration_accepted=True), app.actor)
    clock.advance(minutes=3)
    desk = open_desk(qtbot, app)
    waiting = find(desk, QTableView, "waitingTable")
    qtbot.waitUntil(lambda: waiting.model().rowCount() == 1)
    with qtbot.waitSignal(desk.board.refreshed, timeout=3000):  # told by the server's event
        server_round(app)  # the server escalates, whether or not a desk board is open
    assert waiting.model().index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    with app.database.sessions() as session:
        assert session.get_one(Visit, pending.visit_id).escalated_at == clock.now()


def test_id_number_is_checked_on_its_step_and_shown_masked(qtbot: QtBot, app: KioskApp) -> None:
    kiosk = open_kiosk(qtbot, app)
    tap(qtbot, kiosk, "welcomeCheckInButton")
    tap(qtbot, kiosk, "visitorType_guest")
    type_text(qtbot, find(kiosk, QLineEdit, "visitorNameEdit"), "张三")
    type_text(qtbot, find(kiosk, QLineEdit, "mobileEdit"), "1391234567")
    tap(qtbot, kiosk, "identityPageNextButton")
    error = find(kiosk, QLabel, "identityPageError")
    assert error.text() == "A mainland mobile number has 11 digits; you typed 10."
    type_text(qtbot, find(kiosk, QLineEdit, "mobileEdit"), "8")
    tap(qtbot, kiosk, "idType_resident_id")
    id_edit = find(kiosk, QLineEdit, "idNumberEdit")
    type_text(qtbot, id_edit, "110105194912310021")
    tap(qtbot, kiosk, "identityPageNextButton")
    assert "does not add up" in error.text()
    assert current_page(kiosk) == "identityPage"
    id_edit.clear()
    type_text(qtbot, id_edit, "11010519491231002x")
    tap(qtbot, kiosk, "identityPageNextButton")
    assert current_page(kiosk) == "hostPage", error.text()
    pick_host(qtbot, kiosk, "财务", "李四")
    for page in ("hostPage", "purposePage", "declarationPage"):
        if page == "purposePage":
            tap(qtbot, kiosk, "purposePreset0")
        tap(qtbot, kiosk, f"{page}NextButton")
    assert current_page(kiosk) == "reviewPage"
    shown = " ".join(label.text() for label in kiosk.findChildren(QLabel) if label.isVisible())
    assert "1101**********002X" in shown and "11010519491231002X" not in shown
    assert "13912345678" in shown  # their own number, in full, for them to check
    visit_id = submit_and_wait(qtbot, kiosk)
    with app.database.sessions() as session:
        visit = session.get_one(Visit, visit_id)
        assert (visit.id_last_four, visit.mobile) == ("002X", "13912345678")


def compose(widget: QWidget, preedit: str) -> None:
    """Pinyin tapped on the on-screen keyboard and not yet turned into characters."""
    QApplication.sendEvent(widget, QInputMethodEvent(preedit, []))


def host_names(window: QWidget) -> list[str]:
    hosts = find(window, QListWidget, "hostList")
    return [hosts.item(i).text().split("  ·  ")[0] for i in range(hosts.count())]


@pytest.mark.on_screen_keyboard
def test_host_list_follows_pinyin_while_it_is_being_composed(qtbot: QtBot, app: KioskApp) -> None:
    kiosk = open_kiosk(qtbot, app)
    tap(qtbot, kiosk, "welcomeCheckInButton")
    tap(qtbot, kiosk, "visitorType_guest")
    type_text(qtbot, find(kiosk, QLineEdit, "visitorNameEdit"), "张三")
    tap(qtbot, kiosk, "identityPageNextButton")
    # The list is the server's answer to what is shown in the field: wait for it as the visitor does.
    qtbot.waitUntil(lambda: len(host_names(kiosk)) > 1)
    everyone = host_names(kiosk)
    search = find(kiosk, QLineEdit, "hostSearchEdit")
    for pinyin in ("wf", "wangfang", "wang'fang"):
        compose(search, pinyin)
        assert search.text() == ""  # nothing committed yet...
        qtbot.waitUntil(lambda: host_names(kiosk) == ["王芳"])  # ...but the list already follows
        compose(search, "")  # from the whole list again, so each pinyin's answer is its own
        qtbot.waitUntil(lambda: host_names(kiosk) == everyone)
    type_text(qtbot, search, "王芳")  # the candidate is picked: committed, the preedit gone
    assert search.text() == "王芳"
    qtbot.waitUntil(lambda: host_names(kiosk) == ["王芳"])
    search.clear()
    compose(search, "zs")
    assert "张三" in everyone
    qtbot.waitUntil(lambda: host_names(kiosk)[:1] == ["张三"])
    compose(search, "")  # the visitor deletes the pinyin again
    qtbot.waitUntil(lambda: host_names(kiosk) == everyone)


def finger_tap(qtbot: QtBot, window: QWidget, button: QPushButton) -> None:
    """Press, a finger's moment, release: at one point of the screen, wherever the button is then."""
    handle = window.windowHandle()
    assert handle is not None
    at = button.mapTo(window, button.rect().center())
    QTest.mousePress(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)
    qtbot.wait(120)
    QTest.mouseRelease(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)


@pytest.mark.on_screen_keyboard
def test_next_tapped_while_the_keyboard_is_open_is_not_lost(qtbot: QtBot, app: KioskApp) -> None:
    kiosk = open_kiosk(qtbot, app)
    kiosk.resize(1080, 1920)
    kiosk.activateWindow()
    qtbot.waitUntil(kiosk.isActiveWindow)
    assert kiosk.keyboard is not None
    tap(qtbot, kiosk, "welcomeCheckInButton")
    tap(qtbot, kiosk, "visitorType_guest")
    name = find(kiosk, QLineEdit, "visitorNameEdit")
    qtbot.mouseClick(name, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(kiosk.keyboard.isVisible)
    type_text(qtbot, name, "张三")
    finger_tap(qtbot, kiosk, find(kiosk, QPushButton, "identityPageNextButton"))
    assert current_page(kiosk) == "hostPage"


def test_an_old_message_goes_when_the_field_is_corrected(qtbot: QtBot, app: KioskApp) -> None:
    kiosk = open_kiosk(qtbot, app)
    tap(qtbot, kiosk, "welcomeCheckInButton")
    tap(qtbot, kiosk, "visitorType_guest")
    tap(qtbot, kiosk, "identityPageNextButton")
    error = find(kiosk, QLabel, "identityPageError")
    assert error.text() == "Please enter your name."
    type_text(qtbot, find(kiosk, QLineEdit, "visitorNameEdit"), "张三")
    assert error.text() == ""
    tap(qtbot, kiosk, "identityPageNextButton")
    tap(qtbot, kiosk, "hostPageNextButton")
    host_error = find(kiosk, QLabel, "hostPageError")
    assert host_error.text() == "Please choose the person you are visiting."
    compose(find(kiosk, QLineEdit, "hostSearchEdit"), "w")  # still composing counts as correcting
    type_text(qtbot, find(kiosk, QLineEdit, "hostSearchEdit"), "王")
    assert host_error.text() == ""


def test_a_check_in_sent_while_the_server_stops_is_stored_once_when_the_visitor_tries_again(
    qtbot: QtBot, app: KioskApp
) -> None:
    """The server stores the visit and stops before its answer leaves (and stays down through the
    client's own retries): the visitor is told in words; once it is back, the same tap again is
    answered from the visit already stored, and there is one visit, not two."""
    kiosk = open_kiosk(qtbot, app)
    transport = kiosk._station.client.http._transport  # the in-process link to the server
    real = transport.handle_request
    down = {"on": True}

    def stops_after_storing(request: httpx.Request) -> httpx.Response:
        if not down["on"] or request.method != "POST" or not request.url.path.endswith("/visits"):
            return real(request)
        real(request)  # the server gets it and stores it...
        raise httpx.ReadError("the server stopped before it answered")  # ...the answer is lost

    transport.handle_request = stops_after_storing  # type: ignore[method-assign]
    walk_to_review(qtbot, kiosk, "韩梅梅")
    tap(qtbot, kiosk, "reviewPageNextButton")
    error = find(kiosk, QLabel, "reviewPageError")
    qtbot.waitUntil(lambda: error.text() != "", timeout=10000)
    assert error.text() == "This station cannot reach the site server just now. Please see the front desk."
    assert current_page(kiosk) == "reviewPage"  # what the visitor typed is still there

    down["on"] = False  # the server is back
    tap(qtbot, kiosk, "reviewPageNextButton")
    qtbot.waitUntil(lambda: current_page(kiosk) == "waitingPage", timeout=5000)
    with app.database.sessions() as session:
        stored = session.scalars(select(Visit).where(Visit.visitor_name == "韩梅梅")).all()
    assert len(stored) == 1 and kiosk._visit_id == stored[0].id
