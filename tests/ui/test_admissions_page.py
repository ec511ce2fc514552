"""The desk's admissions page and the guard's patrol tab, tapped as the staff do (seed 001's table):
a supervisor puts a company leader on the list and the leader is greeted and recorded; a resident
without a card refused without the intercom call, then let in on the resident records (the patrol
told, or here not: the page says to radio them); staff without a work card refused; an expired
decoration permit refused at the desk with its expiry date; the patrol guard closes the notice
from the guard screen."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QTableView
from pytestqt.qtbot import QtBot

from kiosk.app import KioskApp
from kiosk.domain.permits import PermitKind
from kiosk.domain.staff import Role
from kiosk.domain.visitor_kinds import AdmissionRequest, ApprovalWay, VisitorKind
from kiosk.services.audit import Actor
from kiosk.services.permits import PermitDraft
from kiosk.ui.console.desk_window import DeskWindow
from tests.conftest import FixedClock
from tests.ui.conftest import STAFF_PIN, answer_dialog, open_desk, type_text
from tests.ui.test_complaints_page import choose
from tests.ui.test_guard_window import open_guard, press, settle, sign_in
from tests.ui.test_kiosk_window import find

TODAY = date(2026, 11, 25)
RESIDENTS = "房号,姓名,身份,电话\n2-101,陈建国,业主,13901012101\n2-102,刘芳,业主,13901012102\n"


def status(desk: DeskWindow) -> str:
    return find(desk, QLabel, "admissionsStatus").text()


def let_through(qtbot: QtBot, desk: DeskWindow) -> str:
    press(qtbot, desk, "admitButton")
    return status(desk)


def test_each_kind_let_through_at_the_desk_by_taps(qtbot: QtBot, app: KioskApp, clock: FixedClock) -> None:
    app.residents.import_residents(RESIDENTS.encode(), "residents.csv", Actor("staff", "admin"))
    desk = open_desk(qtbot, app, Role.SUPERVISOR)
    desk.show_section("admissions")
    page = desk.admissions
    kind = find(desk, QComboBox, "admissionKindCombo")
    qtbot.waitUntil(lambda: kind.count() == 5)  # the site's kinds, the visits left to walk-in

    # The leaders' list, kept by a supervisor.
    page.tabs.setCurrentIndex(1)
    type_text(qtbot, find(desk, QLineEdit, "leaderNameEdit"), "王建华")
    type_text(qtbot, find(desk, QLineEdit, "leaderTitleEdit"), "王总")
    type_text(qtbot, find(desk, QLineEdit, "leaderCompanyEdit"), "华南数据")
    press(qtbot, desk, "addLeaderButton")
    assert status(desk) == "王总 · 王建华 · 华南数据 added to the leaders' list."
    page.tabs.setCurrentIndex(0)
    choose(kind, VisitorKind.COMPANY_LEADER)
    assert find(desk, QLabel, "admissionHintLabel").text().startswith("Greet them by their title")
    assert find(desk, QComboBox, "admissionLeaderCombo").currentText() == "王总 · 王建华 · 华南数据"
    assert let_through(qtbot, desk) == "Let through and recorded: 王总 王建华 (On the leaders' list)."

    # A resident without a card: the intercom's answer is the approval, so it must be written.
    choose(kind, VisitorKind.RESIDENT_NO_CARD)
    type_text(qtbot, find(desk, QLineEdit, "admissionNameEdit"), "刘芳")
    type_text(qtbot, find(desk, QLineEdit, "admissionUnitEdit"), "2-102")
    assert find(desk, QLineEdit, "admissionCallNoteEdit").isVisible()
    assert let_through(qtbot, desk) == "Write whom you called on the intercom and what they said."
    # Nobody home: the name against the resident records, and the patrol told to follow.
    choose(find(desk, QComboBox, "admissionWayCombo"), ApprovalWay.RESIDENT_RECORDS)
    assert not find(desk, QLineEdit, "admissionCallNoteEdit").isVisible()
    assert let_through(qtbot, desk) == (
        "Let through and recorded: 刘芳 2-102 (Resident records checked). "
        "The patrol guard could NOT be told: radio them now."
    )
    type_text(qtbot, find(desk, QLineEdit, "admissionNameEdit"), "张冒充")
    type_text(qtbot, find(desk, QLineEdit, "admissionUnitEdit"), "2-101")
    assert let_through(qtbot, desk) == (
        "Nobody of that name is in the resident records for unit 2-101. Do not let them in yet."
    )

    # Staff: the work card is checked and written down.
    choose(kind, VisitorKind.STAFF)
    find(desk, QLineEdit, "admissionNameEdit").clear()
    type_text(qtbot, find(desk, QLineEdit, "admissionNameEdit"), "吴工")
    assert (
        let_through(qtbot, desk) == "Check the work card and enter its number before letting staff through."
    )

    table = find(desk, QTableView, "admissionsTable")
    qtbot.waitUntil(lambda: table.model().rowCount() == 2)
    assert table.model().index(0, 7).data() == "NOT told"

    # The patrol tab lists the resident let in on the records.
    page.tabs.setCurrentIndex(2)
    notices = find(desk, QTableView, "patrolNoticesTable")
    qtbot.waitUntil(lambda: notices.model().rowCount() == 1)
    assert notices.model().index(0, 3).data() == "NOT told: radio the patrol"

    # A decoration permit whose last day is over, typed at the desk: refused with that day.
    app.staff.add("office", "管理处", Role.RECEPTIONIST, STAFF_PIN, Actor("staff", "admin"))
    draft = PermitDraft(
        PermitKind.DECORATION, TODAY, TODAY, unit="2-104", holder_name="李建国",
        id_number="11010519491231002X", company="安居装饰",
    )  # fmt: skip
    number = app.permits.issue(draft, app.staff.sign_in("office", STAFF_PIN)).permit.number
    clock.advance(days=1)
    page.tabs.setCurrentIndex(0)
    choose(kind, VisitorKind.PERMIT_HOLDER)
    type_text(qtbot, find(desk, QLineEdit, "admissionPermitEdit"), number)
    assert let_through(qtbot, desk) == (
        f"Permit {number} expired on 2026-11-25: it cannot be accepted. The management office issues a new one."
    )


def test_the_patrol_guard_closes_a_notice_on_the_guard_screen(qtbot: QtBot, app: KioskApp) -> None:
    app.residents.import_residents(RESIDENTS.encode(), "residents.csv", Actor("staff", "admin"))
    admin = Actor("staff", "admin")
    app.staff.add("clerk", "赵敏", Role.RECEPTIONIST, STAFF_PIN, admin)
    app.staff.add("guard", "钱勇", Role.GUARD, STAFF_PIN, admin)
    request = AdmissionRequest(
        VisitorKind.RESIDENT_NO_CARD, name="刘芳", unit="2-102", way=ApprovalWay.RESIDENT_RECORDS
    )
    app.visitor_kinds.admit(request, app.staff.sign_in("clerk", STAFF_PIN), "desk-1")
    guard = open_guard(qtbot, app)
    sign_in(qtbot, guard, "guard")
    guard.tabs.setCurrentWidget(guard.patrol)
    notices = find(guard, QTableView, "patrolNoticesTable")
    qtbot.waitUntil(lambda: notices.model().rowCount() == 1)
    assert notices.model().index(0, 1).data() == "刘芳"
    notices.selectRow(0)
    type_text(qtbot, find(guard, QLineEdit, "patrolNoteEdit"), "went into 2-102")
    seen: list[str] = []
    answer_dialog("confirmOkButton", seen=seen)
    press(qtbot, guard, "patrolFollowedButton")
    settle(qtbot)
    assert "Mark 刘芳 of 2-102 as followed by the patrol?" in seen
    assert find(guard, QLabel, "patrolStatus").text() == "刘芳 of 2-102: followed (10:00)."
    assert notices.model().rowCount() == 0
    assert app.visitor_kinds.patrol_open() == []
