"""Lost and found at the desk console, driven as a receptionist taps: a meeting guest's laptop
logged and its tag printed, the tag scanned from another section when the owner comes, handed
over against the ID's last four and a signature; an umbrella nobody claimed disposed of after the
keep period with the shift leader's PIN; the register searched and exported by a supervisor."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QPushButton, QRadioButton
from pytestqt.qtbot import QtBot

from kiosk.app import KioskApp
from kiosk.devices.escpos.codec import parse_escpos
from kiosk.devices.fakes import FakePrinter
from kiosk.domain.lost_found import FoundItemDraft, LostItemCategory, LostItemStatus
from kiosk.domain.staff import Role
from kiosk.services.audit import Actor
from kiosk.ui.console.desk_window import DeskWindow
from tests.conftest import FixedClock
from tests.ui.conftest import STAFF_PIN, open_desk, type_text
from tests.ui.test_guard_window import press, settle, wedge_scan
from tests.ui.test_kiosk_window import find


def status(desk: DeskWindow) -> str:
    return find(desk, QLabel, "lostStatus").text()


def test_a_meeting_guests_laptop_is_logged_tagged_scanned_and_handed_over(
    qtbot: QtBot, app: KioskApp, printer: FakePrinter
) -> None:
    desk = open_desk(qtbot, app)
    assert "lost_found" in desk.sections()
    desk.show_section("lost_found")
    qtbot.mouseClick(find(desk, QRadioButton, "lostMeetingRadio"), Qt.MouseButton.LeftButton)
    type_text(qtbot, find(desk, QLineEdit, "lostWhatEdit"), "银色笔记本电脑")
    category = find(desk, QComboBox, "lostCategoryCombo")
    category.setCurrentIndex(category.findData(LostItemCategory.ELECTRONICS))
    type_text(qtbot, find(desk, QLineEdit, "lostWhereEdit"), "三楼会议室")
    type_text(qtbot, find(desk, QLineEdit, "lostRoomEdit"), "301")
    type_text(qtbot, find(desk, QLineEdit, "lostFinderEdit"), "会务 小周")
    press(qtbot, desk, "lostLogButton")
    assert "Please say where the item is kept." in status(desk)
    type_text(qtbot, find(desk, QLineEdit, "lostKeptEdit"), "前台储物柜 2号")
    press(qtbot, desk, "lostLogButton")
    assert status(desk) == "Item SW000001 logged: print its tag next."
    press(qtbot, desk, "lostTagButton")
    assert status(desk) == "Tag printed: stick it on the item."
    assert parse_escpos(printer.documents[-1]).qr_codes() == ["LKF:SW000001"]

    # The owner comes back: the tag is scanned while the desk shows another section.
    desk.show_section("repairs")
    wedge_scan(qtbot, find(desk, QLineEdit, "repairSearchEdit"), "LKF:SW000001")
    assert desk.pages.currentWidget() is desk.lost_found
    assert status(desk) == "Tag SW000001 scanned."
    assert "银色笔记本电脑" in find(desk, QLabel, "lostDetailLabel").text()
    type_text(qtbot, find(desk, QLineEdit, "lostClaimantEdit"), "陈晓明")
    type_text(qtbot, find(desk, QLineEdit, "lostLastFourEdit"), "11010519491231002X")
    type_text(qtbot, find(desk, QLineEdit, "lostSignedEdit"), "陈晓明")
    tick = find(desk, QCheckBox, "lostSignedCheck")
    # On its box: a click on the empty row beside its words does not tick it.
    qtbot.mouseClick(tick, Qt.MouseButton.LeftButton, pos=QPoint(8, tick.height() // 2))
    assert tick.isChecked()
    press(qtbot, desk, "lostClaimButton")
    assert status(desk).startswith("Enter the last four characters of the ID only")
    edit = find(desk, QLineEdit, "lostLastFourEdit")
    edit.clear()
    type_text(qtbot, edit, "002x")
    press(qtbot, desk, "lostClaimButton")
    assert status(desk) == "Handed over to 陈晓明."
    detail = find(desk, QLabel, "lostDetailLabel").text()
    assert "****002X" in detail and "11010519491231002X" not in detail
    assert not find(desk, QPushButton, "lostClaimButton").isEnabled()


def test_an_unclaimed_umbrella_is_disposed_of_with_the_shift_leaders_pin_and_exported(
    qtbot: QtBot, app: KioskApp, clock: FixedClock, tmp_path: Path
) -> None:
    admin = Actor("staff", "admin")
    app.staff.add("lingban", "李领班", Role.SUPERVISOR, STAFF_PIN, admin)
    app.staff.add("receptionist", "Receptionist", Role.RECEPTIONIST, STAFF_PIN, admin)
    item = FoundItemDraft("黑色雨伞", LostItemCategory.OTHER, "大堂", clock.now(), "保洁", "前台")
    app.lost_found.log(item, app.staff.sign_in("receptionist", STAFF_PIN))
    clock.advance(days=91)
    desk = open_desk(qtbot, app)
    desk.show_section("lost_found")
    which = find(desk, QComboBox, "lostFilterCombo")
    which.setCurrentIndex(which.findData("unclaimed"))
    settle(qtbot)
    page = desk.lost_found
    assert page.model.rowCount() == 1
    page.table.clicked.emit(page.model.index(0, 0))
    settle(qtbot)
    assert "(unclaimed: may be disposed of)" in find(desk, QLabel, "lostDetailLabel").text()
    type_text(qtbot, find(desk, QLineEdit, "lostSupervisorEdit"), "lingban")
    type_text(qtbot, find(desk, QLineEdit, "lostSupervisorPinEdit"), "0000")
    press(qtbot, desk, "lostDisposeButton")
    assert status(desk) == "Staff number or PIN is wrong: nothing was disposed of."
    assert find(desk, QLineEdit, "lostSupervisorPinEdit").text() == ""
    type_text(qtbot, find(desk, QLineEdit, "lostSupervisorPinEdit"), STAFF_PIN)
    press(qtbot, desk, "lostDisposeButton")
    assert status(desk) == "Disposed of: Returned to the finder."
    assert page.model.rowCount() == 0
    assert app.lost_found.item(1).status is LostItemStatus.DISPOSED

    # The receptionist exports nothing; the shift leader exports the register.
    assert not find(desk, QPushButton, "lostExportButton").isEnabled()
    boss = open_desk(qtbot, app, Role.SUPERVISOR, "lingban", station="office-desk")
    boss.show_section("lost_found")
    saved = tmp_path / "register"
    boss.lost_found.ask_save_path = lambda _t, _s, _k: str(saved)
    which = find(boss, QComboBox, "lostFilterCombo")
    which.setCurrentIndex(which.findData("all"))
    press(qtbot, boss, "lostExportButton")
    qtbot.waitUntil(lambda: "Exported" in status(boss))
    rows = list(openpyxl.load_workbook(tmp_path / "register.xlsx").active.iter_rows(values_only=True))  # type: ignore[union-attr]
    assert rows[0][0] == "Number" and rows[1][3] == "黑色雨伞" and rows[1][18] == "Returned to the finder"
