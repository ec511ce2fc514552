"""Deposits tied to what they secure at the console: the pass comes back at the passes page and
the clerk is prompted with its deposit's amount, refunds it there with a receipt; the Deposits page
shows a decoration bond's trail, a supervisor records finance's deductions, and a receptionist
cannot."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QTableView, QTabWidget
from pytestqt.qtbot import QtBot

from kiosk.app import KioskApp
from kiosk.devices.escpos.codec import parse_escpos
from kiosk.devices.fakes import FakePrinter
from kiosk.domain.documents import ReceiptPurpose
from kiosk.domain.permits import PermitKind, PermitRoute
from kiosk.domain.staff import Role
from kiosk.domain.views import PassVisitor
from kiosk.services.audit import Actor
from kiosk.services.permits import PermitDraft
from kiosk.ui.common.background import in_flight
from tests.ui.conftest import STAFF_PIN, answer_dialog, open_desk, type_text
from tests.ui.test_kiosk_window import find, tap

ADMIN = Actor("staff", "admin")


def test_a_pass_back_at_the_desk_prompts_its_deposits_refund(
    qtbot: QtBot, app: KioskApp, printer: FakePrinter
) -> None:
    app.staff.add("engineer", "李工", Role.SALES, STAFF_PIN, ADMIN)
    app.machine_room_passes.add_passes(["P001"], ADMIN)
    app.machine_room_passes.sign_out(
        ["P001"], [PassVisitor("张三", "蓝海数据")], "engineer", STAFF_PIN, ADMIN
    )
    [item] = app.deposits.items(ReceiptPurpose.PASS_DEPOSIT)
    app.deposits.take(ReceiptPurpose.PASS_DEPOSIT, item.item_id, "", 20000, ADMIN)
    desk = open_desk(qtbot, app, Role.RECEPTIONIST)
    desk.show_section("machine_room_passes")
    find(desk, QTabWidget, "passTabs").setCurrentIndex(0)
    seen: list[str] = []
    answer_dialog("confirmOkButton", seen=seen)
    type_text(qtbot, find(desk, QLineEdit, "passReturnEdit"), "P001")
    tap(qtbot, desk, "passReturnButton")
    status = find(desk, QLabel, "passStatus")
    qtbot.waitUntil(lambda: status.text().startswith("Refund R000002"), timeout=5000)
    assert any("Pass P001 is back" in text and "¥200.00" in text and "R000001" in text for text in seen)
    assert status.text() == "Refund R000002 of ¥200.00 paid out (original receipt R000001)."
    assert "REFUND RECEIPT" in parse_escpos(printer.documents[-1]).text_lines()
    assert app.deposits.deposit("R000001").refund_receipt == "R000002"


def test_the_deposits_page_shows_a_bonds_trail_and_finance_deducts(
    qtbot: QtBot, app: KioskApp, printer: FakePrinter
) -> None:
    app.staff.add("office", "赵敏", Role.RECEPTIONIST, STAFF_PIN, ADMIN)
    office = app.staff.sign_in("office", STAFF_PIN)
    today = date(2026, 11, 25)
    draft = PermitDraft(
        kind=PermitKind.MATERIAL,
        valid_from=today,
        valid_until=today + timedelta(days=30),
        unit="2-104",
        company="安居装饰",
        materials=(("瓷砖（箱）", 40),),
        route=PermitRoute.GOODS_LIFT,
    )
    permit_id = app.permits.issue(draft, office).permit.permit_id
    app.deposits.take(ReceiptPurpose.DECORATION_BOND, permit_id, "王经理", 500000, office.actor)
    receptionist = open_desk(qtbot, app, Role.RECEPTIONIST)
    receptionist.show_section("deposits")
    table = find(receptionist, QTableView, "depositsTable")
    qtbot.waitUntil(lambda: table.model().rowCount() == 1, timeout=5000)
    assert not find(receptionist, QPushButton, "depositDeductButton").isEnabled()
    receptionist.close()

    desk = open_desk(qtbot, app, Role.SUPERVISOR, station="desk-finance")
    desk.show_section("deposits")
    table = find(desk, QTableView, "depositsTable")
    qtbot.waitUntil(lambda: table.model().rowCount() == 1, timeout=5000)
    assert table.model().index(0, 3).data() == "Permit CL000001"
    table.selectRow(0)
    type_text(qtbot, find(desk, QLineEdit, "depositAmountEdit"), "300")
    type_text(qtbot, find(desk, QLineEdit, "depositReasonEdit"), "电梯轿厢划伤")
    tap(qtbot, desk, "depositDeductButton")
    status = find(desk, QLabel, "depositStatus")
    qtbot.waitUntil(lambda: status.text().startswith("Note R000002"), timeout=5000)
    assert status.text() == "Note R000002: balance of R000001 now ¥4,700.00."
    assert "DEPOSIT DEDUCTION" in parse_escpos(printer.documents[-1]).text_lines()
    qtbot.waitUntil(
        lambda: in_flight() == 0 and table.model().index(0, 7).data() == "¥4,700.00", timeout=5000
    )
    table.selectRow(0)
    trail = find(desk, QLabel, "depositTrailLabel").text()
    assert "R000001 taken" in trail and "R000002" in trail and "电梯轿厢划伤" in trail
