"""Newspapers at the desk console, driven as a receptionist taps: a unit's order added, the day's
bundle counted short (expected beside received, the shortfall opened), raised with the post office,
red on the board once the server's round escalated it to the shift leader, then resolved; the
month's workbook saved; a guard has no such section."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QSpinBox, QTableView, QTabWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kiosk.app import KioskApp
from kiosk.domain.newspapers import Frequency
from kiosk.domain.staff import Role
from kiosk.services.newspapers import SubscriptionDraft
from kiosk.services.staff import SignedIn
from kiosk.storage.models import StaffMember
from kiosk.ui.console.board_repairs import RED
from kiosk.ui.console.desk_window import DeskWindow
from tests.conftest import FixedClock
from tests.ui.conftest import open_desk, refresh_board, server_round, type_text
from tests.ui.test_guard_window import press, settle
from tests.ui.test_kiosk_window import find


def status(desk: DeskWindow) -> str:
    return find(desk, QLabel, "newspapersStatus").text()


def click_row(qtbot: QtBot, table: QTableView, row: int) -> None:
    rect = table.visualRect(table.model().index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    settle(qtbot)


def test_a_short_bundle_from_count_to_post_office_escalation_and_resolution(
    qtbot: QtBot, app: KioskApp, clock: FixedClock, tmp_path: Path
) -> None:
    desk = open_desk(qtbot, app)
    assert "newspapers" in desk.sections()
    desk.show_section("newspapers")
    page = desk.newspapers
    settle(qtbot)
    tabs = find(desk, QTabWidget, "newspapersTabs")
    # The order, as the desk takes it down: 2-104 takes 人民日报, 3 copies, every day.
    tabs.setCurrentIndex(2)
    type_text(qtbot, find(desk, QLineEdit, "newspapersUnitEdit"), "2-104")
    type_text(qtbot, find(desk, QLineEdit, "newspapersTitleEdit"), "人民日报")
    find(desk, QSpinBox, "newspapersCopiesSpin").setValue(3)
    press(qtbot, desk, "newspapersSubscribeButton")
    assert status(desk) == "2-104 now takes 人民日报, 3 copies an issue."
    assert find(desk, QTableView, "newspapersOrderTable").model().rowCount() == 1
    app.newspapers.subscribe(
        SubscriptionDraft(
            "3-201", "人民日报", Frequency.DAILY, 1, date(2026, 1, 1), date(2026, 12, 31), 0b1111111
        ),
        desk_member(app),
    )
    page.refresh()
    settle(qtbot)

    # Today's bundle: 4 expected, 3 came.
    tabs.setCurrentIndex(0)
    day_table = find(desk, QTableView, "newspapersDayTable")
    assert [day_table.model().index(0, c).data() for c in (0, 1, 3)] == ["人民日报", "4", "Not counted"]
    click_row(qtbot, day_table, 0)
    assert "2-104×3" in find(desk, QLabel, "newspapersPickedLabel").text()
    find(desk, QSpinBox, "newspapersReceivedSpin").setValue(3)
    press(qtbot, desk, "newspapersCountButton")
    assert status(desk) == (
        "人民日报: 3 of 4 counted; shortfall BK000001 is open: raise it with the post office."
    )
    assert day_table.model().index(0, 3).data() == "1 missing · BK000001"

    # Raised with the post office.
    tabs.setCurrentIndex(1)
    shortfalls = find(desk, QTableView, "newspapersShortfallTable")
    click_row(qtbot, shortfalls, 0)
    type_text(qtbot, find(desk, QLineEdit, "newspapersContactEdit"), "投递员小李")
    type_text(qtbot, find(desk, QLineEdit, "newspapersSaidEdit"), "明早补送")
    press(qtbot, desk, "newspapersContactButton")
    assert status(desk) == "Contact with the post office recorded."
    timeline = find(desk, QListWidget, "newspapersTimeline")
    assert "Raised with the post office · 投递员小李 · By phone · 明早补送" in timeline.item(1).text()

    # A day later still open: the server's round escalates it; the board shows it red.
    clock.advance(hours=24)
    server_round(app)
    desk.show_section("board")
    refresh_board(qtbot, desk)
    board = find(desk, QTableView, "boardNewspapersTable").model()
    # Tomorrow's bundle is not counted yet either (after 09:30: red too).
    assert board.rowCount() == 2
    escalated = next(r for r in range(board.rowCount()) if "BK000001" in board.index(r, 2).data())
    assert board.index(escalated, 3).data() == "Escalated to the shift leader"
    assert board.index(escalated, 0).data(Qt.ItemDataRole.BackgroundRole).color() == RED

    # Resolved with what was done.
    desk.show_section("newspapers")
    type_text(qtbot, find(desk, QLineEdit, "newspapersResolutionEdit"), "邮局补送一份")
    find(desk, QSpinBox, "newspapersMadeGoodSpin").setValue(1)
    press(qtbot, desk, "newspapersResolveButton")
    assert status(desk) == "Shortfall BK000001 resolved."
    assert shortfalls.model().rowCount() == 0  # the open ones

    # The month's workbook, saved where the clerk chose.
    page.ask_save_path = lambda _title, suggested, _kind: str(tmp_path / suggested)
    press(qtbot, desk, "newspapersExportButton")
    qtbot.waitUntil(lambda: "Exported" in status(desk))
    book = openpyxl.load_workbook(tmp_path / "newspapers-2026-11.xlsx")
    [row] = list(book["Shortfalls"].iter_rows(values_only=True))[1:]
    assert (row[0], row[2], row[6], row[16]) == ("BK000001", "人民日报", 1, 1)


def desk_member(app: KioskApp) -> SignedIn:
    """The receptionist open_desk signed in, as the service knows them."""
    with app.database.sessions() as session:
        member = session.scalars(select(StaffMember).where(StaffMember.username == "receptionist")).one()
        return SignedIn(member.id, member.username, member.name, Role.RECEPTIONIST)


def test_a_guard_has_no_newspapers_section(qtbot: QtBot, app: KioskApp) -> None:
    desk = open_desk(qtbot, app, Role.GUARD)
    assert "newspapers" not in desk.sections()
