"""Repair requests at the desk console, driven as a receptionist taps: an urgent request taken,
dispatched with its work order printed, red on the board once its 2-hour clock ran out, the work
order's QR scanned from the board when the engineer is back, and the steps to the callback."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QRadioButton,
    QTableView,
)
from pytestqt.qtbot import QtBot

from kiosk.app import KioskApp
from kiosk.devices.escpos.codec import parse_escpos
from kiosk.devices.fakes import FakePrinter
from kiosk.domain.repairs import RepairCategory, RepairClass, RepairStatus
from kiosk.domain.staff import Role
from kiosk.services.repairs import RepairDraft
from kiosk.services.retention import PURGED
from kiosk.storage.models import RepairRequest
from kiosk.ui.common.widgets import ERROR_STYLE
from kiosk.ui.console.board_repairs import RED
from kiosk.ui.console.desk_window import DeskWindow
from tests.conftest import FixedClock
from tests.ui.conftest import STAFF_PIN, answer_dialog, open_desk, refresh_board, server_round, type_text
from tests.ui.test_guard_window import press, settle, wedge_scan
from tests.ui.test_kiosk_window import find, tap


def status(desk: DeskWindow) -> str:
    return find(desk, QLabel, "repairStatus").text()


def take_urgent(qtbot: QtBot, desk: DeskWindow) -> None:
    desk.show_section("repairs")
    type_text(qtbot, find(desk, QLineEdit, "repairUnitEdit"), "2-104")
    type_text(qtbot, find(desk, QLineEdit, "repairCallerEdit"), "陈晓明")
    type_text(qtbot, find(desk, QLineEdit, "repairPhoneEdit"), "13812345678")
    type_text(qtbot, find(desk, QLineEdit, "repairLocationEdit"), "卫生间")
    type_text(qtbot, find(desk, QLineEdit, "repairWhatEdit"), "水管爆裂")
    urgent = find(desk, QRadioButton, "repairUrgentRadio")
    qtbot.mouseClick(urgent, Qt.MouseButton.LeftButton)
    assert urgent.isChecked()
    press(qtbot, desk, "repairTakeButton")


def test_an_urgent_repair_at_the_desk_from_call_to_callback(
    qtbot: QtBot, app: KioskApp, printer: FakePrinter, clock: FixedClock
) -> None:
    desk = open_desk(qtbot, app)
    assert "repairs" in desk.sections()
    take_urgent(qtbot, desk)
    assert status(desk) == "Request BX000001 taken: dispatch it next."
    assert find(desk, QTableView, "repairTable").model().rowCount() == 1
    assert "BX000001 · 2-104 卫生间" in find(desk, QLabel, "repairDetailLabel").text()

    type_text(qtbot, find(desk, QLineEdit, "repairEngineerEdit"), "Liu")
    press(qtbot, desk, "repairDispatchButton")
    assert status(desk) == "Dispatched to 工程部; the work order is printed."
    order = parse_escpos(printer.documents[-1])
    assert "WORK ORDER" in order.text_lines() and order.qr_codes() == ["LKR:BX000001"]

    # The 2 hours run out: the server's round alerts; the board shows it red.
    clock.advance(hours=2, minutes=1)
    server_round(app)
    desk.show_section("board")
    refresh_board(qtbot, desk)
    table = find(desk, QTableView, "boardRepairsTable")
    model = table.model()
    assert model.rowCount() == 1
    assert model.index(0, 6).data().startswith("OVERDUE")
    assert model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole).color() == RED
    assert "1 OVERDUE" in find(desk, QLabel, "boardRepairsCountLabel").text()

    # The engineer is back with the work order: scanned at the desk, the request comes up.
    wedge_scan(qtbot, find(desk, QPushButton, "boardRefreshButton"), "LKR:BX000001")
    assert desk.pages.currentWidget() is desk.repairs
    assert status(desk) == "Work order BX000001 scanned."
    press(qtbot, desk, "repairArrivedButton")
    assert status(desk) == "Arrival recorded."
    press(qtbot, desk, "repairCompletedButton")
    type_text(qtbot, find(desk, QLineEdit, "repairSignedByEdit"), "陈晓明")
    press(qtbot, desk, "repairSignOffButton")
    assert status(desk) == "Sign-off recorded."
    press(qtbot, desk, "repairCallbackButton")  # satisfied, the first answer
    assert status(desk) == "Callback recorded: the request is closed."
    timeline = find(desk, QListWidget, "repairTimeline")
    lines = [timeline.item(i).text() for i in range(timeline.count())]
    assert [line.split(" — ")[0].split(" · ")[1] for line in lines] == [
        "Taken",
        "Dispatched",
        "Overdue: the duty supervisor was alerted",
        "Engineer on site",
        "Completed",
        "Signed off by the resident",
        "Callback",
    ]
    assert app.repairs.repair(1).status is RepairStatus.CLOSED
    # Closed: only a reopen is left to do.
    assert find(desk, QPushButton, "repairReopenButton").isEnabled()
    assert not find(desk, QPushButton, "repairArrivedButton").isEnabled()


def test_a_wrong_phone_is_named_and_a_receptionist_cannot_cancel(qtbot: QtBot, app: KioskApp) -> None:
    desk = open_desk(qtbot, app)
    desk.show_section("repairs")
    type_text(qtbot, find(desk, QLineEdit, "repairUnitEdit"), "2-104")
    type_text(qtbot, find(desk, QLineEdit, "repairCallerEdit"), "陈晓明")
    type_text(qtbot, find(desk, QLineEdit, "repairPhoneEdit"), "123")
    type_text(qtbot, find(desk, QLineEdit, "repairWhatEdit"), "门锁坏了")
    press(qtbot, desk, "repairTakeButton")
    assert status(desk) == "Please enter a phone number of 7 to 15 digits."
    assert find(desk, QLabel, "repairStatus").styleSheet() == ERROR_STYLE
    assert find(desk, QLineEdit, "repairWhatEdit").text() == "门锁坏了"  # kept to correct
    phone = find(desk, QLineEdit, "repairPhoneEdit")
    phone.clear()
    type_text(qtbot, phone, "0755-8600 1234")
    press(qtbot, desk, "repairTakeButton")
    assert status(desk) == "Request BX000001 taken: dispatch it next."
    assert not find(desk, QPushButton, "repairCancelButton").isEnabled()


def test_a_supervisor_cancels_with_a_reason(qtbot: QtBot, app: KioskApp) -> None:
    desk = open_desk(qtbot, app, Role.SUPERVISOR)
    take_urgent(qtbot, desk)
    press(qtbot, desk, "repairCancelButton")
    assert status(desk) == "Please give the reason."
    type_text(qtbot, find(desk, QLineEdit, "repairReasonEdit"), "住户自行修好")
    press(qtbot, desk, "repairCancelButton")
    assert status(desk) == "Request cancelled; its reason is kept."
    assert "住户自行修好" in find(desk, QLabel, "repairDetailLabel").text()
    combo = find(desk, QComboBox, "repairFilterCombo")
    combo.setCurrentIndex(combo.findData("all"))
    settle(qtbot)
    assert find(desk, QTableView, "repairTable").model().rowCount() == 1


def test_a_reopen_after_the_warranty_asks_who_is_calling_in_its_dialog(
    qtbot: QtBot, app: KioskApp, clock: FixedClock
) -> None:
    desk = open_desk(qtbot, app)
    clerk = app.staff.sign_in("receptionist", STAFF_PIN)
    draft = RepairDraft("2-104", "陈晓明", "13812345678", "漏水", RepairCategory.WATER, RepairClass.URGENT)
    taken = app.repairs.take(draft, clerk)
    app.repairs.dispatch(taken.repair_id, clerk)
    app.repairs.record_completion(taken.repair_id, clerk)
    with app.database.sessions.begin() as session:  # as retention leaves a caller
        row = session.get(RepairRequest, taken.repair_id)
        assert row is not None
        row.caller_name, row.phone = PURGED, ""
    clock.advance(days=93)
    desk.show_section("repairs")
    desk.repairs.open_repair(taken.repair_id)
    settle(qtbot)
    # The reason first: said before the dialog asks anything.
    press(qtbot, desk, "repairReopenButton")
    assert status(desk) == "Please give the reason."
    type_text(qtbot, find(desk, QLineEdit, "repairReasonEdit"), "又漏水")

    # The dialog offers nothing of the blanked caller and takes no empty answer.
    said: list[str] = []
    seen: list[str] = []

    def answer(dialog: QDialog) -> None:
        assert find(dialog, QLineEdit, "repairReopenCallerEdit").text() == ""
        tap(qtbot, dialog, "repairReopenOkButton")
        said.append(find(dialog, QLabel, "repairReopenErrorLabel").text())
        type_text(qtbot, find(dialog, QLineEdit, "repairReopenCallerEdit"), "陈太太")
        type_text(qtbot, find(dialog, QLineEdit, "repairReopenPhoneEdit"), "139 8765 4321")

    answer_dialog("repairReopenOkButton", fill=answer, seen=seen)
    press(qtbot, desk, "repairReopenButton")
    assert said == ["Please enter the caller's name."]
    assert "The warranty of BX000001 has ended: a new request is taken for it." in " ".join(seen)
    assert status(desk) == "The warranty has ended: new request BX000002 taken for it."
    new = app.repairs.repair(taken.repair_id + 1)
    assert (new.caller_name, new.phone, new.follows) == ("陈太太", "13987654321", "BX000001")
    assert "陈太太 13987654321" in find(desk, QLabel, "repairDetailLabel").text()


def test_a_work_order_scanned_into_another_page_s_field_does_not_press_its_enter(
    qtbot: QtBot, app: KioskApp
) -> None:
    """The scan's Enter ends with the scan: it went on to the field that had the focus, and a
    refund field's Enter would have tried a refund (here: refused for the empty field)."""
    desk = open_desk(qtbot, app, Role.SUPERVISOR)
    take_urgent(qtbot, desk)
    desk.show_section("payments")
    refund_edit = find(desk, QLineEdit, "paymentRefundEdit")
    payments_status = find(desk, QLabel, "paymentStatus")
    before = payments_status.text()
    wedge_scan(qtbot, refund_edit, "LKR:BX000001")
    assert desk.pages.currentWidget() is desk.repairs
    assert status(desk) == "Work order BX000001 scanned."
    assert refund_edit.text() == "" and payments_status.text() == before
