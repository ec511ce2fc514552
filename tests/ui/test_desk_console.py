"""The desk console's staff sign-in, roles and inactivity lock, used as staff would."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QTableView, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kiosk.app import KioskApp
from kiosk.domain.staff import Role
from kiosk.domain.views import CheckInRequest
from kiosk.domain.visit import Approver, VisitStatus
from kiosk.services.audit import Actor
from kiosk.storage.models import AuditEvent, Visit, WatchlistEntry
from kiosk.ui.console.desk_window import DeskWindow
from kiosk.ui.console.sign_in import InactivityLock
from tests.conftest import FixedClock
from tests.ui.conftest import (
    STAFF_PIN,
    answer_dialog,
    desk_window,
    open_desk,
    refresh_board,
    server_round,
    sign_in,
    type_text,
)
from tests.ui.test_kiosk_window import find, tap


def actions(app: KioskApp) -> list[tuple[str, str]]:
    with app.database.sessions() as session:
        return [(e.actor, e.action) for e in session.scalars(select(AuditEvent).order_by(AuditEvent.id))]


def nav_titles(desk: DeskWindow) -> list[str]:
    nav = find(desk, QListWidget, "deskNavigation")
    return [nav.item(i).text() for i in range(nav.count())]


def held_visit(app: KioskApp, clock: FixedClock) -> int:
    with app.database.sessions.begin() as session:
        session.add(
            WatchlistEntry(
                name="王强", company="", reason="寻衅闹事", added_by="staff:1", added_at=clock.now()
            )
        )
    host = app.directory.search("李四")[0].host_id
    return app.checkin.check_in(CheckInRequest("王强", host, declaration_accepted=True), app.actor).visit_id


def test_wrong_pin_is_refused_and_five_lock_the_account(qtbot: QtBot, app: KioskApp) -> None:
    app.staff.add("frontdesk", "前台小王", Role.RECEPTIONIST, STAFF_PIN, Actor("staff", "admin"))
    desk = desk_window(app)
    qtbot.addWidget(desk)
    desk.show()
    error = find(desk, QLabel, "deskSignInError")
    for _ in range(4):
        sign_in(qtbot, desk, "frontdesk", "000000")
        assert error.text() == "Staff number or PIN is wrong."
        assert desk.session is None
    sign_in(qtbot, desk, "frontdesk", "000000")
    assert error.text() == "Too many wrong tries: this account is locked for 15 minutes."
    sign_in(qtbot, desk, "frontdesk", STAFF_PIN)  # the right PIN, but locked
    assert desk.session is None and "locked" in error.text()
    assert ("staff:frontdesk", "staff.console_sign_in_refused") in actions(app)
    assert not desk.board.isVisible()


def test_each_role_sees_its_sections(qtbot: QtBot, app: KioskApp) -> None:
    receptionist = set(open_desk(qtbot, app, Role.RECEPTIONIST).sections())
    assert {"board", "print_queue", "pre_register", "evacuation", "idc_cards"} <= receptionist
    assert not {"watchlist", "idc_applications"} & receptionist
    guard = set(open_desk(qtbot, app, Role.GUARD).sections())
    assert {"board", "evacuation", "slip_verify"} <= guard
    assert not {"print_queue", "pre_register", "idc_cards", "watchlist", "release_slips"} & guard
    sales = set(open_desk(qtbot, app, Role.SALES).sections())
    assert "idc_applications" in sales and "idc_cards" not in sales
    supervisor = set(open_desk(qtbot, app, Role.SUPERVISOR).sections())
    assert {"watchlist", "visitor_log", "release_slips"} <= supervisor


def test_a_receptionist_cannot_release_a_hold_a_supervisor_can(
    qtbot: QtBot, app: KioskApp, clock: FixedClock
) -> None:
    visit_id = held_visit(app, clock)
    desk = open_desk(qtbot, app, Role.RECEPTIONIST)
    refresh_board(qtbot, desk)
    find(desk, QTableView, "waitingTable").selectRow(0)
    assert not desk.board.release_button.isEnabled()
    desk.sign_out()
    supervisor = open_desk(qtbot, app, Role.SUPERVISOR)
    refresh_board(qtbot, supervisor)
    find(supervisor, QTableView, "waitingTable").selectRow(0)
    answer_dialog("confirmOkButton")
    tap(qtbot, supervisor, "releaseHoldButton")
    status = find(supervisor, QLabel, "deskStatusLabel")
    qtbot.waitUntil(lambda: status.text().startswith("Hold released"), timeout=3000)
    with app.database.sessions() as session:
        assert session.get_one(Visit, visit_id).status is VisitStatus.PENDING
    assert ("staff:supervisor", "visit.hold_released") in actions(app)


def test_a_guard_sees_the_board_but_decides_nothing(qtbot: QtBot, app: KioskApp) -> None:
    host = app.directory.search("李四")[0].host_id
    app.checkin.check_in(CheckInRequest("访客甲", host, declaration_accepted=True), app.actor)
    desk = open_desk(qtbot, app, Role.GUARD)
    refresh_board(qtbot, desk)
    assert find(desk, QTableView, "waitingTable").model().rowCount() == 1
    board = desk.board
    for button in (board.approve_button, board.decline_button, board.release_button, board.check_out_button):
        assert not button.isEnabled(), button.objectName()


def test_the_console_locks_and_the_same_person_unlocks_with_their_pin(qtbot: QtBot, app: KioskApp) -> None:
    desk = open_desk(qtbot, app, Role.RECEPTIONIST)
    desk.lock.expired.emit()  # what the inactivity timer does (timed separately below)
    assert desk.session is None
    page = desk.sign_in_page
    assert page.isVisible() and page.user_edit.text() == "receptionist"
    assert "Locked" in find(desk, QLabel, "deskSignInTitle").text()
    sign_in(qtbot, desk, "receptionist", "999999")
    assert desk.session is None
    sign_in(qtbot, desk, "receptionist")
    assert desk.session is not None and find(desk, QTableView, "waitingTable").isVisible()
    assert ("staff:receptionist", "staff.console_locked") in actions(app)


def test_inactivity_timer_restarts_on_every_key_press(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    label.show()  # the lock listens to the whole application while its window shows
    lock = InactivityLock(0.3, label)
    fired: list[bool] = []
    lock.expired.connect(lambda: fired.append(True))
    lock.start()
    for _ in range(4):
        qtbot.wait(150)
        qtbot.keyClick(label, Qt.Key.Key_A)
    assert fired == []  # 600 ms in all, never 300 ms idle
    qtbot.waitUntil(lambda: fired == [True], timeout=2000)


def test_a_visitor_past_valid_until_is_flagged_on_the_board(
    qtbot: QtBot, app: KioskApp, clock: FixedClock
) -> None:
    host = app.directory.search("李四")[0].host_id
    pending = app.checkin.check_in(CheckInRequest("李雷", host, declaration_accepted=True), app.actor)
    app.checkin.approve(pending.visit_id, Actor.desk("front-desk"), Approver.DESK)
    desk = open_desk(qtbot, app, Role.RECEPTIONIST)
    table = find(desk, QTableView, "onSiteTable")
    refresh_board(qtbot, desk)
    assert table.model().index(0, 6).data() == "18:00"  # 8 hours after 10:00
    assert table.model().index(0, 6).data(Qt.ItemDataRole.BackgroundRole) is None
    clock.advance(hours=8, minutes=1)
    refresh_board(qtbot, desk)
    assert table.model().index(0, 6).data() == "18:00 OVERSTAY"
    assert table.model().index(0, 6).data(Qt.ItemDataRole.BackgroundRole) is not None


def test_every_console_section_has_screenshots(qtbot: QtBot, app: KioskApp) -> None:
    from kiosk.cli.screenshots import DESK_SECTION_SHOTS

    desk = open_desk(qtbot, app, Role.ADMIN)
    assert sorted(desk.sections()) == sorted(section for section, _shots in DESK_SECTION_SHOTS)


def test_visits_still_open_at_the_auto_check_out_hour_are_closed_and_listed(
    qtbot: QtBot, app: KioskApp, clock: FixedClock
) -> None:
    from kiosk.domain.visit import CheckoutMethod

    host = app.directory.search("李四")[0].host_id
    visits = []
    for name in ("李雷", "韩梅梅"):
        pending = app.checkin.check_in(CheckInRequest(name, host, declaration_accepted=True), app.actor)
        app.checkin.approve(pending.visit_id, Actor.desk("front-desk"), Approver.DESK)
        visits.append(pending.visit_id)
    with app.database.sessions.begin() as session:
        session.get(Visit, visits[1]).card_number = "VC-000007"  # type: ignore[union-attr]
    desk = open_desk(qtbot, app, Role.RECEPTIONIST)
    auto = find(desk, QTableView, "autoCheckoutTable")
    server_round(app)  # the server runs the auto check-out, not the desk (desk or no desk)
    refresh_board(qtbot, desk)
    assert auto.model().rowCount() == 0  # 10:00: the 23:30 check-out has not come yet today
    clock.advance(hours=13, minutes=31)  # 23:31 in Shanghai
    server_round(app)
    refresh_board(qtbot, desk)
    assert find(desk, QTableView, "onSiteTable").model().rowCount() == 0
    assert auto.model().rowCount() == 2
    # The unreturned card is listed first, and flagged.
    assert auto.model().index(0, 5).data() == "VC-000007 NOT RETURNED"
    assert auto.model().index(0, 5).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert auto.model().index(1, 5).data() == "No card"
    with app.database.sessions() as session:
        assert {session.get(Visit, v).checkout_method for v in visits} == {CheckoutMethod.AUTO}  # type: ignore[union-attr]
        events = session.scalars(select(AuditEvent).where(AuditEvent.action == "visit.checked_out")).all()
        assert len(events) == 2  # another round closes nothing twice
    server_round(app)
    refresh_board(qtbot, desk)
    with app.database.sessions() as session:
        assert (
            len(session.scalars(select(AuditEvent).where(AuditEvent.action == "visit.checked_out")).all())
            == 2
        )
    # Next morning the list still shows last night's, until tonight's run.
    clock.advance(hours=9)
    server_round(app)
    refresh_board(qtbot, desk)
    assert auto.model().rowCount() == 2


def test_expected_arrivals_show_on_the_board_and_turn_arrived(
    qtbot: QtBot, app: KioskApp, clock: FixedClock
) -> None:
    from datetime import timedelta

    host = app.directory.search("王芳")[0].host_id
    new = app.invitations.invite(
        "欧阳娜娜", host, clock.now(), clock.now() + timedelta(hours=4), Actor.desk("front-desk")
    )
    app.invitations.invite(
        "明天的人", host, clock.now() + timedelta(days=1), clock.now() + timedelta(days=1, hours=2),
        Actor.desk("front-desk"),
    )  # fmt: skip
    desk = open_desk(qtbot, app, Role.RECEPTIONIST)
    table = find(desk, QTableView, "expectedTable")
    refresh_board(qtbot, desk)
    assert table.model().rowCount() == 1
    assert table.model().index(0, 0).data() == "欧阳娜娜"
    assert table.model().index(0, 3).data() == "10:00–14:00"
    assert table.model().index(0, 5).data() == "Not yet"
    app.checkin.check_in_invited(new.code, app.actor, "en", declaration_accepted=True)
    refresh_board(qtbot, desk)
    assert table.model().index(0, 5).data() == "Arrived"


# The result lines and search fields of every page, by the names the pages give them.
_RESULT_NAMES = {"Last action result", "Result of the last action", "Printing result"}


def _leftovers(desk: DeskWindow) -> list[QLabel | QLineEdit]:
    found: list[QLabel | QLineEdit] = []
    for page in desk.pages.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
        found += [label for label in page.findChildren(QLabel) if label.accessibleName() in _RESULT_NAMES]
        found += [
            edit
            for edit in page.findChildren(QLineEdit)
            if "search" in (edit.objectName() + edit.accessibleName()).lower()
            and not edit.objectName().startswith("preReg")  # the form's chosen host, not a search
        ]
    return found


def test_the_next_person_finds_no_message_or_search_left_by_the_last(qtbot: QtBot, app: KioskApp) -> None:
    app.staff.add("boss", "Boss", Role.SUPERVISOR, STAFF_PIN, Actor("staff", "admin"))
    desk = open_desk(qtbot, app, Role.RECEPTIONIST)
    tap(qtbot, desk, "checkOutButton")  # nothing selected: the board says so
    status = find(desk, QLabel, "deskStatusLabel")
    assert status.text() == "Select a visitor in the table first."
    desk.show_section("idc_cards")
    search = find(desk, QLineEdit, "idcSearchEdit")
    type_text(qtbot, search, "星河")
    tap(qtbot, desk, "deskSignOutButton")
    sign_in(qtbot, desk, "boss")
    assert desk.session is not None and desk.session.username == "boss"
    assert status.text() == "" and search.text() == ""


def test_every_page_forgets_its_messages_and_searches_when_the_console_locks(
    qtbot: QtBot, app: KioskApp
) -> None:
    desk = open_desk(qtbot, app, Role.ADMIN)
    desk.every_page()  # pages are made when first shown; every one of them is checked here
    leftovers = _leftovers(desk)
    assert len(leftovers) >= 14  # one result line per page at least, and the searches
    for widget in leftovers:
        widget.setText("stale")
    desk.lock_now()
    assert [w.objectName() for w in leftovers if w.text()] == []
    sign_in(qtbot, desk, "admin")
    for widget in leftovers:
        widget.setText("stale")
    tap(qtbot, desk, "deskSignOutButton")
    assert [w.objectName() for w in leftovers if w.text()] == []


def test_the_pre_registration_counts_follow_invitations_made_redeemed_and_expired(
    qtbot: QtBot, app: KioskApp, clock: FixedClock
) -> None:
    from concurrent.futures import ThreadPoolExecutor
    from datetime import timedelta

    from kiosk.domain.station import StationRole
    from kiosk.ui.console.desk_window import PAGE_POLL_MS
    from tests.stations import in_process_station

    desk = open_desk(qtbot, app, Role.RECEPTIONIST)  # nothing expected at sign-in
    refresh_board(qtbot, desk)  # the board as the server has it, not its first read still under way
    tabs = desk.board.follow_up
    assert tabs.tabText(0) == "Expected today (0)"
    host = app.directory.search("王芳")[0].host_id
    front = Actor.desk("front-desk")
    early = app.invitations.invite("欧阳娜娜", host, clock.now(), clock.now() + timedelta(hours=1), front)
    late = app.invitations.invite("司马光", host, clock.now(), clock.now() + timedelta(hours=4), front)
    desk.show_section("pre_register")  # made at another desk: listed when the page opens
    table = find(desk, QTableView, "preRegTable")
    qtbot.waitUntil(lambda: table.model().rowCount() == 2)
    assert [table.model().index(r, 0).data() for r in range(2)] == ["欧阳娜娜", "司马光"]
    table.selectRow(1)
    # At the kiosk, through the server, which tells every desk (a station never asks on its GUI thread).
    kiosk = in_process_station(app, StationRole.KIOSK)
    with ThreadPoolExecutor(1) as pool:
        pool.submit(kiosk.visits.check_in_invited, late.code, "en", True).result(10)
    kiosk.client.http.close()
    # Redeemed at the kiosk while the page is open: it follows, the selection stays.
    qtbot.waitUntil(lambda: table.model().index(1, 5).data() == "Arrived", timeout=PAGE_POLL_MS * 3)
    assert table.selectionModel().selectedRows()[0].row() == 1
    desk.show_section("board")
    refresh_board(qtbot, desk)
    assert tabs.tabText(0) == "Expected today (1)"
    # Past its window the kiosk refuses the code: no longer expected, and the list says why.
    clock.advance(hours=1, minutes=1)
    refresh_board(qtbot, desk)
    assert tabs.tabText(0) == "Expected today (0)"
    expected = find(desk, QTableView, "expectedTable")
    assert [expected.model().index(0, c).data() for c in (0, 4)] == ["欧阳娜娜", early.code]
    assert expected.model().index(0, 5).data() == "Expired"  # still listed, marked
