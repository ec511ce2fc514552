"""The desk's layout and its second looks: the window fits the screen, columns fit their text,
forms stay compact, approving / declining / taking money are confirmed, a decline has a reason,
and a receptionist is told why the visitor log cannot be exported."""

from __future__ import annotations

import json

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLabel, QLineEdit, QPushButton, QTableView
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kiosk.app import KioskApp
from kiosk.devices.fakes import FakePrinter
from kiosk.domain.documents import ReceiptPurpose
from kiosk.domain.staff import Role
from kiosk.domain.views import CheckInRequest
from kiosk.domain.visit import VisitStatus
from kiosk.storage.models import AuditEvent, Payment, Visit
from kiosk.ui.common.widgets import FORM_FIELD_MAX_WIDTH
from kiosk.ui.console.desk_window import DESK_SIZE, DeskWindow
from kiosk.ui.console.shell import fitted_geometry
from tests.ui.conftest import answer_dialog, open_desk, refresh_board, type_text
from tests.ui.test_kiosk_window import find, tap
from tests.ui.test_payments_page import choose


def waiting_visit(app: KioskApp) -> int:
    host = app.directory.search("李四")[0].host_id
    request = CheckInRequest("韩梅梅", host, "蓝海物流", declaration_accepted=True)
    return app.checkin.check_in(request, app.actor).visit_id


def desk_with_waiting_row_selected(qtbot: QtBot, app: KioskApp) -> DeskWindow:
    """The receptionist's board with the waiting visit selected, as a tap on its row leaves it."""
    desk = open_desk(qtbot, app)
    refresh_board(qtbot, desk)
    find(desk, QTableView, "waitingTable").selectRow(0)
    return desk


def visit(app: KioskApp, visit_id: int) -> Visit:
    with app.database.sessions() as session:
        return session.get_one(Visit, visit_id)


def test_the_console_opens_within_the_screen() -> None:
    # The field test's portrait monitor: 1080 wide, a panel at the top.
    portrait = QRect(0, 32, 1080, 1888)
    fitted = fitted_geometry(portrait, DESK_SIZE)
    assert portrait.contains(fitted) and fitted.width() == 1080 and fitted.height() == DESK_SIZE.height()
    wide = QRect(0, 0, 1920, 1040)
    assert fitted_geometry(wide, DESK_SIZE) == QRect(
        320, 120, 1280, 800
    )  # the size it is laid out for, centred
    tiny = QRect(100, 50, 1024, 600)
    assert fitted_geometry(tiny, DESK_SIZE) == tiny
    assert fitted_geometry(QRect(0, 0, 800, 600), QSize(1280, 800)).size() == QSize(800, 600)


def test_on_a_small_screen_the_window_is_maximised_and_fits_1080(qtbot: QtBot, app: KioskApp) -> None:
    desk = open_desk(qtbot, app, Role.ADMIN)  # every section in the window
    screen = QGuiApplication.primaryScreen()
    assert screen is not None
    available = screen.availableGeometry()
    assert available.width() < DESK_SIZE.width()  # the offscreen test screen is 800 wide
    # The window manager fits a maximised window, frame and all, to what the screen has.
    assert desk.windowState() & Qt.WindowState.WindowMaximized
    # No page needs more than the field test's 1080-wide portrait monitor.
    assert desk.minimumSizeHint().width() <= 1080


def test_columns_are_as_wide_as_their_text(qtbot: QtBot, app: KioskApp) -> None:
    desk = open_desk(qtbot, app)
    desk.resize(1280, 800)
    desk.show_section("payments")
    answer_dialog("confirmOkButton")
    choose(desk, "paymentKindCombo", ReceiptPurpose.FEE_ON_BEHALF)
    for name, text in (
        ("paymentAmountEdit", "300"),
        ("paymentPayerEdit", "上海华南数据科技有限公司行政部王五"),
        ("paymentReferenceEdit", "3-201"),
        ("paymentNoteEdit", "装修垃圾清运费（三月至五月）"),
    ):
        type_text(qtbot, find(desk, QLineEdit, name), text)
    tap(qtbot, desk, "paymentTakeButton")
    table = find(desk, QTableView, "paymentsTable")
    qtbot.waitUntil(lambda: table.model().rowCount() == 1, timeout=5000)
    qtbot.wait(50)  # the header sizes its sections on the next layout pass
    for column in (5, 6):  # the payer, the unit and what the fee is for
        assert table.columnWidth(column) >= table.sizeHintForColumn(column), column


def test_forms_do_not_spread_across_the_screen(qtbot: QtBot, app: KioskApp) -> None:
    desk = open_desk(qtbot, app, Role.ADMIN)
    desk.resize(1280, 800)
    desk.every_page()  # made when first shown: all of them, for the whole console's forms
    for form in desk.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if item is not None and item.widget() is not None:
                assert item.widget().maximumWidth() <= FORM_FIELD_MAX_WIDTH, item.widget().objectName()
    desk.show_section("payments")
    qtbot.wait(50)
    assert find(desk, QLineEdit, "paymentPayerEdit").width() <= FORM_FIELD_MAX_WIDTH


def test_approving_asks_first_and_names_who_and_whom(qtbot: QtBot, app: KioskApp) -> None:
    visit_id = waiting_visit(app)
    desk = desk_with_waiting_row_selected(qtbot, app)
    seen: list[str] = []
    answer_dialog("confirmCancelButton", seen=seen)
    tap(qtbot, desk, "approveVisitButton")
    # The call dialog opens once the visit's numbers are fetched (kiosk.ui.console.call_dialog).
    status = find(desk, QLabel, "deskStatusLabel")
    qtbot.waitUntil(lambda: status.text() == "Nothing done.", timeout=3000)
    assert any("韩梅梅 (蓝海物流)" in text and "李四" in text for text in seen), seen
    assert visit(app, visit_id).status is VisitStatus.PENDING  # cancelled: nothing happened

    answer_dialog("confirmOkButton")
    tap(qtbot, desk, "approveVisitButton")
    qtbot.waitUntil(lambda: visit(app, visit_id).status is VisitStatus.ON_SITE, timeout=3000)


def test_a_decline_needs_a_reason_and_keeps_it(qtbot: QtBot, app: KioskApp) -> None:
    visit_id = waiting_visit(app)
    desk = desk_with_waiting_row_selected(qtbot, app)
    refused: list[str] = []

    def press_decline_without_reason_then_cancel(dialog: QDialog) -> None:
        tap(qtbot, dialog, "declineOkButton")  # no reason: the dialog stays and says so
        refused.append(find(dialog, QLabel, "declineErrorLabel").text())
        assert dialog.isVisible()

    answer_dialog("declineCancelButton", fill=press_decline_without_reason_then_cancel)
    tap(qtbot, desk, "declineVisitButton")
    assert refused == ["Choose or type the reason first."]
    assert visit(app, visit_id).status is VisitStatus.PENDING

    def give_reason(dialog: QDialog) -> None:
        combo = find(dialog, QComboBox, "declineReasonCombo")
        combo.setCurrentIndex(combo.findData("The host is not available today"))
        type_text(qtbot, find(dialog, QLineEdit, "declineReasonEdit"), "on leave until Monday")

    answer_dialog("declineOkButton", fill=give_reason)
    tap(qtbot, desk, "declineVisitButton")
    qtbot.waitUntil(lambda: visit(app, visit_id).status is VisitStatus.DECLINED, timeout=3000)
    reason = "The host is not available today: on leave until Monday"
    assert visit(app, visit_id).decision_note == reason
    with app.database.sessions() as session:
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == "visit.declined")).one()
    # Who declined is on the trail; the reason stays on the visit (purged with it).
    assert (event.actor, json.loads(event.detail)) == ("staff:receptionist", {})


def test_cancelling_the_payment_confirmation_takes_no_money(
    qtbot: QtBot, app: KioskApp, printer: FakePrinter
) -> None:
    desk = open_desk(qtbot, app)
    desk.show_section("payments")
    choose(desk, "paymentKindCombo", ReceiptPurpose.CARD_DEPOSIT)
    for name, text in (
        ("paymentAmountEdit", "50"),
        ("paymentPayerEdit", "韩梅梅"),
        ("paymentReferenceEdit", "C-9"),
    ):
        type_text(qtbot, find(desk, QLineEdit, name), text)
    seen: list[str] = []
    answer_dialog("confirmCancelButton", seen=seen)
    tap(qtbot, desk, "paymentTakeButton")
    assert any("¥50.00" in text and "Cash" in text and "Visitor card deposit" in text for text in seen), seen
    assert find(desk, QLabel, "paymentStatus").text() == "Nothing taken."
    with app.database.sessions() as session:
        assert session.scalars(select(Payment)).all() == []
    assert printer.documents == []
    assert find(desk, QLineEdit, "paymentAmountEdit").text() == "50"  # still there to correct


def test_a_receptionist_is_told_why_export_is_off(qtbot: QtBot, app: KioskApp) -> None:
    desk = open_desk(qtbot, app, Role.RECEPTIONIST)
    desk.show_section("visitor_log")
    note = find(desk, QLabel, "visitorLogExportNote")
    assert note.isVisible() and note.text() == "Only supervisors can export the visitor log."
    csv_button = find(desk, QPushButton, "visitorLogExportCsvButton")
    assert not csv_button.isEnabled() and csv_button.toolTip() == note.text()
    desk.sign_out()
    boss = open_desk(qtbot, app, Role.SUPERVISOR)
    boss.show_section("visitor_log")
    assert not find(boss, QLabel, "visitorLogExportNote").isVisible()
    assert find(boss, QPushButton, "visitorLogExportCsvButton").isEnabled()
