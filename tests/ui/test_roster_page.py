"""The duty roster at the desk console, driven as the desk taps: the shift leader selects a week of
cells and presses a shift, repeats the first week over the month, submits; approving it himself
is refused, another supervisor's PIN approves it; the board shows who is on duty now and next."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QTableView
from pytestqt.qtbot import QtBot

from kiosk.app import KioskApp
from kiosk.domain.roster import CellChange
from kiosk.domain.staff import Role
from kiosk.services.audit import Actor
from kiosk.ui.console.desk_window import DeskWindow
from tests.conftest import FixedClock
from tests.ui.conftest import STAFF_PIN, open_desk, refresh_board, type_text
from tests.ui.test_guard_window import press
from tests.ui.test_handover_page import shows
from tests.ui.test_kiosk_window import find

ADMIN = Actor("staff", "admin")


def says(qtbot: QtBot, desk: DeskWindow, expected: str) -> None:
    shows(qtbot, find(desk, QLabel, "rosterStatus").text, expected)


def select_cells(table: QTableView, row: int, first: int, last: int) -> None:
    """The clerk drags over a person's days in the grid."""
    model = table.model()
    chosen = QItemSelection(model.index(row, first), model.index(row, last))
    table.selectionModel().select(chosen, QItemSelectionModel.SelectionFlag.ClearAndSelect)


def test_the_shift_leader_fills_and_submits_another_supervisor_approves_and_the_board_shows_it(
    qtbot: QtBot, app: KioskApp, clock: FixedClock
) -> None:
    app.staff.add("li", "李娜", Role.RECEPTIONIST, STAFF_PIN, ADMIN)
    app.staff.add("boss", "王主管", Role.SUPERVISOR, STAFF_PIN, ADMIN)
    desk = open_desk(qtbot, app, Role.SUPERVISOR, "leader")
    desk.show_section("roster")
    assert find(desk, QComboBox, "rosterMonthCombo").currentText() == "2026-12"
    shows(qtbot, find(desk, QLabel, "rosterStatusLine").text, "2026-12: no roster drafted yet.")
    table = find(desk, QTableView, "rosterGrid")
    shows(qtbot, table.model().columnCount, 31)
    names = [table.model().headerData(r, Qt.Orientation.Vertical) for r in range(table.model().rowCount())]
    li, leader = names.index("李娜"), names.index("Leader")
    # Nothing selected: the page says what to do (the shifts' buttons come with the server's answer).
    qtbot.waitUntil(lambda: find(desk, QPushButton, "rosterShiftButton0").isVisible())
    press(qtbot, desk, "rosterShiftButton0")
    says(qtbot, desk, "Select the cells first: a person's days in the grid.")
    # 李娜 on 早班 the first week; the leader on 中班; then the week repeated over the month.
    select_cells(table, li, 0, 6)
    press(qtbot, desk, "rosterShiftButton0")
    says(qtbot, desk, "7 cells saved in the draft.")
    assert table.model().index(li, 3).data() == "早班"
    select_cells(table, leader, 0, 6)
    press(qtbot, desk, "rosterShiftButton1")
    press(qtbot, desk, "rosterSubmitButton")
    says(qtbot, desk, "79 shifts have fewer than 1 people, the first on 2026-12-01 (夜班). Fill them first.")
    press(qtbot, desk, "rosterFillWeekButton")
    says(qtbot, desk, "The first week repeated over the month: check it, then edit the cells.")
    assert table.model().index(li, 30).data() == "早班"
    # 夜班 is still nobody's: the roster is not submitted.
    press(qtbot, desk, "rosterSubmitButton")
    assert "夜班" in find(desk, QLabel, "rosterStatus").text()
    app.roster.edit(
        "2026-12",
        [CellChange(date(2026, 12, 1) + timedelta(days=n), app.staff.sign_in("boss", STAFF_PIN).staff_id, "夜班")
         for n in range(31)],
        desk.session,  # type: ignore[arg-type]
    )  # fmt: skip
    press(qtbot, desk, "rosterSubmitButton")
    says(qtbot, desk, "Submitted: another supervisor approves it.")
    # The one who submitted it does not approve it; another supervisor's PIN does.
    press(qtbot, desk, "rosterApproveButton")
    says(
        qtbot, desk, "The supervisor who submitted the roster does not approve it: another supervisor signs."
    )
    type_text(qtbot, find(desk, QLineEdit, "rosterApproverEdit"), "boss")
    type_text(qtbot, find(desk, QLineEdit, "rosterApproverPinEdit"), STAFF_PIN)
    press(qtbot, desk, "rosterApproveButton")
    says(qtbot, desk, "Approved: the roster is in force.")
    assert find(desk, QLineEdit, "rosterApproverPinEdit").text() == ""
    assert find(desk, QLabel, "rosterStatusLine").text().startswith("2026-12: approved by 王主管 on ")
    assert not find(desk, QPushButton, "rosterShiftButton0").isEnabled()

    # On 3 December at 16:00 the board names the 中班 on duty and the 夜班 next.
    clock.advance(days=8, hours=6)
    desk.show_section("board")
    refresh_board(qtbot, desk)
    duty = find(desk, QLabel, "boardDutyLabel").text()
    assert duty == "On duty now: 中班 15:00–23:00 Leader　·　Next: 夜班 23:00–07:00 王主管", duty
