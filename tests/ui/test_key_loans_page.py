"""Key loans at the desk console, driven as the desk taps: a supervisor registers a set, a loan is
made against a staff number, it turns red on the board and on the page once past due (the
injected clock), half of it comes back, and the shift handover counts the keys from the register."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QSpinBox, QTableView, QTabWidget
from pytestqt.qtbot import QtBot

from kiosk.app import KioskApp
from kiosk.domain.handover import HandoverItemKind
from kiosk.domain.staff import Role
from kiosk.ui.console.board_keys import RED
from kiosk.ui.console.desk_window import DeskWindow
from tests.conftest import FixedClock
from tests.ui.conftest import open_desk, refresh_board, type_text
from tests.ui.test_guard_window import press
from tests.ui.test_handover_page import shows, spin
from tests.ui.test_kiosk_window import find


def says(qtbot: QtBot, desk: DeskWindow, expected: str) -> None:
    shows(qtbot, find(desk, QLabel, "keysStatus").text, expected)


def tab(desk: DeskWindow, index: int) -> None:
    find(desk, QTabWidget, "keysTabs").setCurrentIndex(index)


def test_a_loan_past_due_is_red_on_the_board_and_the_handover_counts_the_register(
    qtbot: QtBot, app: KioskApp, clock: FixedClock
) -> None:
    desk = open_desk(qtbot, app, Role.SUPERVISOR, "wang")
    desk.show_section("key_loans")
    # The register: a supervisor adds the meeting room's three keys.
    tab(desk, 2)
    type_text(qtbot, find(desk, QLineEdit, "keysLabelEdit"), "301")
    type_text(qtbot, find(desk, QLineEdit, "keysOpensEdit"), "301 会议室")
    spin(qtbot, desk, "keysCountSpin", 3)
    type_text(qtbot, find(desk, QLineEdit, "keysKeptAtEdit"), "钥匙柜 A-03")
    press(qtbot, desk, "keysAddSetButton")
    says(qtbot, desk, "301 added to the register.")

    # Lent: the name first, then an ID's last four or a staff number.
    tab(desk, 1)
    combo = find(desk, QComboBox, "keysSetCombo")
    shows(qtbot, combo.currentText, "301 · 301 会议室 (3 at the desk)")
    press(qtbot, desk, "keysLendButton")
    says(qtbot, desk, "Write the borrower's name.")
    type_text(qtbot, find(desk, QLineEdit, "keysBorrowerEdit"), "陈立")
    press(qtbot, desk, "keysLendButton")
    says(qtbot, desk, "Type the last four of the borrower's ID, or their staff number.")
    type_text(qtbot, find(desk, QLineEdit, "keysStaffNumberEdit"), "e1023")
    spin(qtbot, desk, "keysLendCountSpin", 2)
    press(qtbot, desk, "keysLendButton")
    says(qtbot, desk, "Lent 2 keys of 301 to 陈立, due back 11-25 17:30.")
    at_desk = find(desk, QLabel, "keysAtDeskLabel")
    shows(qtbot, at_desk.text, "At the desk: 1 keys (3 registered, 2 out on loan)")
    loans = find(desk, QTableView, "keysLoansTable")
    assert loans.model().index(0, 2).data() == "#E1023"
    assert loans.model().index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is None

    # Past the end of the desk's day: red on the board (the guard's too) and on the page.
    clock.advance(hours=8)
    desk.show_section("board")
    refresh_board(qtbot, desk)
    board = find(desk, QTableView, "boardKeysTable").model()
    assert board.rowCount() == 1 and board.index(0, 3).data() == "陈立"
    assert board.index(0, 0).data(Qt.ItemDataRole.BackgroundRole).color() == RED
    assert "OVERDUE 30 min" in board.index(0, 4).data()
    follow_up = find(desk, QTabWidget, "boardFollowUpTabs")
    titles = [follow_up.tabText(i) for i in range(follow_up.count())]
    assert "Keys out (1) ⚠ 1 overdue" in titles
    desk.show_section("key_loans")
    desk.key_loans.poll()
    assert loans.model().index(0, 0).data(Qt.ItemDataRole.BackgroundRole).color() == RED
    assert at_desk.text().endswith("· 1 OVERDUE")

    # One key back: the clerk says where the other one is; the loan stays open for it.
    tab(desk, 0)
    loans.selectRow(0)
    assert find(desk, QSpinBox, "keysReturnCountSpin").value() == 2
    spin(qtbot, desk, "keysReturnCountSpin", 1)
    press(qtbot, desk, "keysReturnButton")
    says(qtbot, desk, "1 keys are still out: write in the note what happened to them.")
    type_text(qtbot, find(desk, QLineEdit, "keysReturnNoteEdit"), "另一把明早还")
    press(qtbot, desk, "keysReturnButton")
    says(qtbot, desk, "1 keys of 301 back; 1 still out with 陈立.")
    shows(qtbot, at_desk.text, "At the desk: 2 keys (3 registered, 1 out on loan) · 1 OVERDUE")

    # The handover counts the keys from the register: 3 registered, 1 out.
    desk.show_section("handover")
    find(desk, QTabWidget, "handoverTabs").setCurrentIndex(0)
    press(qtbot, desk, "handoverPrefillButton")
    shows(qtbot, find(desk, QSpinBox, "handoverKeysSpin").value, 2)
    label = find(desk, QLabel, "handoverPrefillLabel").text()
    assert "Keys from the key register: 3 registered, 1 out on loan" in label
    assert app.handover.prefill().counts[HandoverItemKind.KEYS] == 2


def test_a_receptionist_lends_and_takes_back_but_keeps_no_register(qtbot: QtBot, app: KioskApp) -> None:
    desk = open_desk(qtbot, app, Role.RECEPTIONIST)
    desk.show_section("key_loans")
    for name in ("keysAddSetButton", "keysChangeSetButton", "keysRetireSetButton", "keysWriteOffButton",
                 "keysExportButton"):  # fmt: skip
        assert not find(desk, QPushButton, name).isEnabled(), name
    assert find(desk, QPushButton, "keysLendButton").isEnabled()
    tab(desk, 1)
    press(qtbot, desk, "keysLendButton")
    says(qtbot, desk, "No keys in the register to lend: a supervisor adds them first.")
