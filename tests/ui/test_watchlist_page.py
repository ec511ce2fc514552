"""Watchlist management at the console: supervisors add and remove; the kiosk then holds or not."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QTableView
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kiosk.app import KioskApp
from kiosk.domain.staff import Role
from kiosk.domain.views import CheckInRequest
from kiosk.domain.visit import VisitStatus
from kiosk.storage.models import AuditEvent
from tests.ui.conftest import answer_dialog, open_desk, refresh_board, type_text
from tests.ui.test_kiosk_window import find, open_kiosk, submit_and_wait, tap, walk_to_review

ID = "11010519491231002X"


def check_in(app: KioskApp, name: str, id_number: str = "") -> VisitStatus:
    host = app.directory.search("李四")[0].host_id
    request = CheckInRequest(
        name, host, declaration_accepted=True, id_type="resident_id" if id_number else "", id_number=id_number
    )
    return app.checkin.check_in(request, app.actor).status


def test_a_supervisor_adds_by_id_number_and_the_kiosk_holds_that_person(qtbot: QtBot, app: KioskApp) -> None:
    desk = open_desk(qtbot, app, Role.SUPERVISOR)
    desk.show_section("watchlist")
    type_text(qtbot, find(desk, QLineEdit, "watchlistNameEdit"), "王强")
    tap(qtbot, desk, "watchlistAddButton")
    status = find(desk, QLabel, "watchlistStatus")
    qtbot.waitUntil(lambda: status.text() != "")
    assert status.text() == "Please give the reason."
    type_text(qtbot, find(desk, QLineEdit, "watchlistIdEdit"), ID)
    type_text(qtbot, find(desk, QLineEdit, "watchlistReasonEdit"), "寻衅闹事，2026-11-01 报警处理")
    tap(qtbot, desk, "watchlistAddButton")
    qtbot.waitUntil(lambda: status.text() != "Please give the reason.")
    assert status.text().startswith("Added")
    table = find(desk, QTableView, "watchlistTable")
    qtbot.waitUntil(lambda: table.model().rowCount() == 1)
    (entry,) = app.watchlist.entries()
    assert table.model().index(0, 0).data() == str(entry.entry_id)  # the number a hold names
    assert table.model().index(0, 3).data() == "**************002X"  # never the full number
    assert (
        table.model().index(0, 5).data() == "Supervisor (Supervisor)"
    )  # a name and role, not "staff:supervisor"
    # Another name typed at the kiosk, the same ID card: held.
    assert check_in(app, "王小强", ID) is VisitStatus.HELD
    table.selectRow(0)
    tap(qtbot, desk, "watchlistRemoveButton")
    qtbot.waitUntil(lambda: table.model().rowCount() == 0)
    assert status.text() == "Removed from the watchlist."
    assert check_in(app, "王小强", ID) is VisitStatus.PENDING
    with app.database.sessions() as session:
        actions = [(e.actor, e.action) for e in session.scalars(select(AuditEvent))]
    assert ("staff:supervisor", "watchlist.added") in actions
    assert ("staff:supervisor", "watchlist.removed") in actions


def test_a_bad_id_number_is_explained(qtbot: QtBot, app: KioskApp) -> None:
    desk = open_desk(qtbot, app, Role.SUPERVISOR)
    desk.show_section("watchlist")
    type_text(qtbot, find(desk, QLineEdit, "watchlistNameEdit"), "王强")
    type_text(qtbot, find(desk, QLineEdit, "watchlistIdEdit"), "110105194912310021")
    type_text(qtbot, find(desk, QLineEdit, "watchlistReasonEdit"), "x")
    tap(qtbot, desk, "watchlistAddButton")
    status = find(desk, QLabel, "watchlistStatus")
    qtbot.waitUntil(lambda: status.text() != "")
    assert "does not add up" in status.text()
    assert "110105194912310021" not in status.text()  # the number is not shown back
    assert app.watchlist.entries() == []


def test_receptionists_do_not_manage_the_watchlist(qtbot: QtBot, app: KioskApp) -> None:
    desk = open_desk(qtbot, app, Role.RECEPTIONIST)
    assert "watchlist" not in desk.sections()
    assert "watchlist" in open_desk(qtbot, app, Role.SUPERVISOR).sections()


def test_a_typed_id_number_is_gone_when_the_console_locks(qtbot: QtBot, app: KioskApp) -> None:
    desk = open_desk(qtbot, app, Role.SUPERVISOR)
    desk.show_section("watchlist")
    id_edit = find(desk, QLineEdit, "watchlistIdEdit")
    type_text(qtbot, id_edit, ID)  # typed, then the supervisor is called away
    desk.lock_now()
    assert id_edit.text() == ""


def test_a_listed_name_typed_another_way_at_another_company_is_held_and_the_desk_reads_why(
    qtbot: QtBot, app: KioskApp
) -> None:
    desk = open_desk(qtbot, app, Role.SUPERVISOR)
    desk.show_section("watchlist")
    type_text(qtbot, find(desk, QLineEdit, "watchlistNameEdit"), "王强")
    type_text(qtbot, find(desk, QLineEdit, "watchlistCompanyEdit"), "某某公司")
    type_text(qtbot, find(desk, QLineEdit, "watchlistReasonEdit"), "寻衅闹事")
    tap(qtbot, desk, "watchlistAddButton")
    table = find(desk, QTableView, "watchlistTable")
    qtbot.waitUntil(lambda: table.model().rowCount() == 1)
    entry = table.model().index(0, 0).data()
    # At the kiosk: traditional characters, a space, another company. The visitor reads only
    # that a receptionist will come.
    kiosk = open_kiosk(qtbot, app)
    walk_to_review(qtbot, kiosk, "王 強", company="别的公司")
    submit_and_wait(qtbot, kiosk)
    shown = "\n".join(label.text() for label in kiosk.findChildren(QLabel) if label.isVisible())
    assert "A receptionist will assist you." in shown
    assert "watchlist" not in shown.casefold() and "名单" not in shown
    # At the desk: the held row says which entry and how.
    desk.show_section("board")
    refresh_board(qtbot, desk)
    waiting = find(desk, QTableView, "waitingTable")
    assert waiting.model().rowCount() == 1
    assert waiting.model().index(0, 0).data() == "王 強"
    reason = waiting.model().index(0, 3).data()
    assert reason == f"HOLD: name matches watchlist entry {entry}; company differs"
    desk.grab().save("/tmp/watch-held-row.png")
    # The supervisor taps the row, checks the person and releases the hold.
    cell = waiting.visualRect(waiting.model().index(0, 3)).center()
    qtbot.mouseClick(waiting.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    answer_dialog("confirmOkButton")
    tap(qtbot, desk, "releaseHoldButton")
    status = find(desk, QLabel, "deskStatusLabel")
    qtbot.waitUntil(lambda: status.text().startswith("Hold released"), timeout=3000)
    qtbot.waitUntil(lambda: waiting.model().rowCount() == 1 and waiting.model().index(0, 3).data() == "Host")


def test_every_way_a_hold_matched_has_its_words_and_names_the_entry(qtbot: QtBot) -> None:
    from zoneinfo import ZoneInfo

    from kiosk.domain.watchlist import WatchlistHold, WatchlistMatch
    from kiosk.ui.console.lobby_board import WaitingTableModel

    model = WaitingTableModel(ZoneInfo("Asia/Shanghai"))
    said = {model.hold_reason(WatchlistHold(37, match)) for match in WatchlistMatch}
    assert len(said) == len(WatchlistMatch)
    assert all(text.startswith("HOLD: ") and "watchlist entry 37" in text for text in said)
    assert model.hold_reason(None) == "HOLD: watchlist, supervisor"  # held before reasons were kept
