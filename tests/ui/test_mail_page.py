"""Registered mail at the desk console, driven as a receptionist taps: a parcel logged with its
label printed, the label's QR (decoded from the printer's bytes) scanned from the board brings the
item up, the shift leader signs its damage with their PIN, the collector is shown the damage note
before signing against ID, and the board's mail tab follows."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableView,
)
from pytestqt.qtbot import QtBot

from kiosk.app import KioskApp
from kiosk.devices.escpos.codec import parse_escpos
from kiosk.devices.fakes import FakePrinter
from kiosk.domain.staff import Role
from kiosk.services.audit import Actor
from kiosk.ui.console.desk_window import DeskWindow
from tests.ui.conftest import STAFF_PIN, open_desk, refresh_board, type_text
from tests.ui.test_guard_window import press, wedge_scan
from tests.ui.test_kiosk_window import find
from tests.ui.test_release_slip_page import tick


def status(desk: DeskWindow) -> str:
    return find(desk, QLabel, "mailStatus").text()


def test_a_damaged_parcel_logged_scanned_back_and_handed_out_against_id(
    qtbot: QtBot, app: KioskApp, printer: FakePrinter
) -> None:
    app.staff.add("leader", "李领班", Role.SUPERVISOR, STAFF_PIN, Actor("staff", "admin"))
    desk = open_desk(qtbot, app)
    desk.show_section("mail")
    kinds = find(desk, QComboBox, "mailKindCombo")
    kinds.setCurrentIndex(kinds.findText("Parcel"))
    type_text(qtbot, find(desk, QLineEdit, "mailCarrierEdit"), "顺丰")
    type_text(qtbot, find(desk, QLineEdit, "mailTrackingEdit"), "SF1234567890")
    type_text(qtbot, find(desk, QLineEdit, "mailAddresseeEdit"), "陈晓明")
    type_text(qtbot, find(desk, QLineEdit, "mailUnitEdit"), "2-104")
    press(qtbot, desk, "mailLogButton")
    assert status(desk) == "YJ000001 logged; stick the label on it."
    assert find(desk, QTableView, "mailTable").model().rowCount() == 1
    [code] = parse_escpos(printer.documents[-1]).qr_codes()
    assert code == "LKM:YJ000001"

    # The label scanned at the desk from the board: the mail page comes up with the item.
    desk.show_section("board")
    refresh_board(qtbot, desk)
    assert desk.board.mail.waiting == 1
    wedge_scan(qtbot, find(desk, QPushButton, "boardRefreshButton"), code)
    assert desk.pages.currentWidget() is desk.mail
    assert status(desk) == "Label YJ000001 scanned."
    assert find(desk, QLabel, "mailDetailLabel").text().startswith("YJ000001 · Parcel · 顺丰 SF1234567890")

    # The shift leader signs the damage record with their own PIN.
    type_text(qtbot, find(desk, QLineEdit, "mailNoteEdit"), "外箱一角压破")
    type_text(qtbot, find(desk, QLineEdit, "mailSignerEdit"), "leader")
    type_text(qtbot, find(desk, QLineEdit, "mailSignerPinEdit"), STAFF_PIN)
    press(qtbot, desk, "mailDamageButton")
    assert status(desk).startswith("Damage recorded and signed")
    note = find(desk, QLabel, "mailDamageLabel")
    assert note.isVisible() and "外箱一角压破" in note.text() and "李领班" in note.text()

    # Handed out against ID and signature: refused until the damage note was shown.
    type_text(qtbot, find(desk, QLineEdit, "mailCollectorEdit"), "陈晓明")
    type_text(qtbot, find(desk, QLineEdit, "mailLastFourEdit"), "002x")
    type_text(qtbot, find(desk, QLineEdit, "mailSignatureEdit"), "陈晓明")
    tick(qtbot, desk, "mailSignatureCheck")
    press(qtbot, desk, "mailHandOutButton")
    assert "show the collector the damage note" in status(desk)
    type_text(qtbot, find(desk, QLineEdit, "mailCollectorEdit"), "陈晓明")
    type_text(qtbot, find(desk, QLineEdit, "mailLastFourEdit"), "002x")
    type_text(qtbot, find(desk, QLineEdit, "mailSignatureEdit"), "陈晓明")
    tick(qtbot, desk, "mailSignatureCheck")
    tick(qtbot, desk, "mailDamageShownCheck")
    press(qtbot, desk, "mailHandOutButton")
    assert status(desk) == "Handed out and signed for."
    details = find(desk, QLabel, "mailDetailLabel").text()
    assert "Last signed by: 陈晓明" in details and "****002X" in details
    trail = find(desk, QListWidget, "mailTimeline")
    assert [trail.item(n).text().split(" · ")[1] for n in range(trail.count())] == [
        "Signed for from the carrier",
        "Damage recorded",
        "Handed out",
    ]
    desk.show_section("board")
    refresh_board(qtbot, desk)
    assert desk.board.mail.waiting == 0
