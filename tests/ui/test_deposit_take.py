"""Deposits taken tied to what they secure, as the desk works (#20 item 9): the payments page's
item chooser, "Take deposit" where a pass is lent and on a decoration permit (item and usual
amount filled in), and the refund offered when a permit is cancelled or a visit with a card is
checked out at the board."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QLineEdit, QListWidget, QTableView, QTabWidget
from pytestqt.qtbot import QtBot

from kiosk.app import KioskApp
from kiosk.devices.escpos.codec import parse_escpos
from kiosk.devices.fakes import FakePrinter
from kiosk.domain.deposits import DepositItem
from kiosk.domain.documents import ReceiptPurpose
from kiosk.domain.permits import PermitKind
from kiosk.domain.staff import Role
from kiosk.domain.views import CheckInRequest, PassVisitor
from kiosk.domain.visit import Approver
from kiosk.services.audit import Actor
from kiosk.services.permits import PermitDraft
from kiosk.storage.models import Visit
from kiosk.ui.common.background import in_flight
from kiosk.ui.common.i18n import set_language
from tests.ui.conftest import STAFF_PIN, answer_dialog, open_desk, type_text
from tests.ui.test_kiosk_window import find, tap

ADMIN = Actor("staff", "admin")
TODAY = date(2026, 11, 25)
VISITORS = ("张三", "李四")


def pick(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    """Step through the list with the arrow keys to the entry that starts with ``text``, once the
    server has listed it (the popup list cannot open on the test's offscreen screen)."""
    qtbot.waitUntil(lambda: combo.findText(text, Qt.MatchFlag.MatchStartsWith) >= 0, timeout=5000)
    wanted = combo.findText(text, Qt.MatchFlag.MatchStartsWith)
    combo.setFocus()
    for _ in range(combo.count()):
        if combo.currentIndex() == wanted:
            break
        qtbot.keyClick(combo, Qt.Key.Key_Down if combo.currentIndex() < wanted else Qt.Key.Key_Up)
    assert combo.currentIndex() == wanted


def lend(app: KioskApp, *numbers: str) -> None:
    app.staff.add("engineer", "李工", Role.SALES, STAFF_PIN, ADMIN)
    app.machine_room_passes.add_passes(list(numbers), ADMIN)
    app.machine_room_passes.sign_out(
        list(numbers),
        [PassVisitor(name, "蓝海数据") for name in VISITORS[: len(numbers)]],
        "engineer",
        STAFF_PIN,
        ADMIN,
    )


def test_the_payments_page_takes_a_deposit_tied_to_the_pass_it_secures(
    qtbot: QtBot, app: KioskApp, printer: FakePrinter
) -> None:
    lend(app, "P001", "P002")
    desk = open_desk(qtbot, app, Role.RECEPTIONIST)
    desk.show_section("payments")
    kind = find(desk, QComboBox, "paymentKindCombo")
    pick(qtbot, kind, "Machine-room pass deposit")
    items = find(desk, QComboBox, "paymentItemCombo")
    assert items.currentText() == "Not tied to an item: type the number below"
    pick(qtbot, items, "P001")
    assert items.currentText() == "P001 · 张三 · 蓝海数据"
    reference = find(desk, QLineEdit, "paymentReferenceEdit")
    assert (reference.text(), reference.isEnabled()) == ("P001", False)
    assert find(desk, QLineEdit, "paymentPayerEdit").placeholderText() == "张三"
    type_text(qtbot, find(desk, QLineEdit, "paymentAmountEdit"), "200")
    seen: list[str] = []
    answer_dialog("confirmOkButton", seen=seen)
    tap(qtbot, desk, "paymentTakeButton")
    status = find(desk, QLabel, "paymentStatus")
    qtbot.waitUntil(lambda: status.text().startswith("Receipt R000001"), timeout=5000)
    assert any("Payer: 张三 · Pass P001" in text for text in seen)
    assert status.text() == "Receipt R000001 for ¥200.00. Printed on receipt printer."
    deposit = app.deposits.deposit("R000001")
    assert (deposit.item, deposit.item_label, deposit.payer) == (DepositItem.PASS, "P001", "张三")
    assert "P001" in "\n".join(parse_escpos(printer.documents[-1]).text_lines())
    # P001 carries its deposit now: only P002 is left to choose; a typed number stays possible.
    qtbot.waitUntil(lambda: items.count() == 2 and in_flight() == 0, timeout=5000)
    assert [items.itemText(n) for n in range(items.count())] == [
        "Not tied to an item: type the number below",
        "P002 · 李四 · 蓝海数据",
    ]
    assert reference.isEnabled()


def test_take_deposit_where_the_pass_is_lent_fills_in_the_pass_and_the_usual_amount(
    qtbot: QtBot, app: KioskApp, printer: FakePrinter
) -> None:
    lend(app, "P001")
    [earlier] = app.deposits.items(ReceiptPurpose.PASS_DEPOSIT)
    app.deposits.take(ReceiptPurpose.PASS_DEPOSIT, earlier.item_id, "", 20000, ADMIN)  # the site's rate
    app.machine_room_passes.add_passes(["P007"], ADMIN)
    desk = open_desk(qtbot, app, Role.RECEPTIONIST)
    desk.show_section("machine_room_passes")
    find(desk, QTabWidget, "passTabs").setCurrentIndex(0)
    drawer = find(desk, QListWidget, "passAvailableList")
    qtbot.waitUntil(lambda: bool(drawer.findItems("P007", Qt.MatchFlag.MatchExactly)), timeout=5000)
    item = drawer.findItems("P007", Qt.MatchFlag.MatchExactly)[0]
    qtbot.mouseClick(drawer.viewport(), Qt.MouseButton.LeftButton, pos=drawer.visualItemRect(item).center())
    type_text(qtbot, find(desk, QLineEdit, "passVisitorNameEdit"), "王五")
    type_text(qtbot, find(desk, QLineEdit, "passVisitorCompanyEdit"), "云海科技")
    tap(qtbot, desk, "passAddVisitorButton")
    type_text(qtbot, find(desk, QLineEdit, "passSignerEdit"), "engineer")
    type_text(qtbot, find(desk, QLineEdit, "passSignerPinEdit"), STAFF_PIN)
    tap(qtbot, desk, "passSignOutButton")
    status = find(desk, QLabel, "passStatus")
    qtbot.waitUntil(lambda: status.text().startswith("Signed out by"), timeout=5000)

    filled: dict[str, str] = {}

    def check_and_take(dialog: QDialog) -> None:
        chooser = dialog.findChild(QComboBox, "depositTakeItemCombo")
        amount = dialog.findChild(QLineEdit, "depositTakeAmountEdit")
        qtbot.waitUntil(
            lambda: chooser.currentText().startswith("P007") and amount.text() != "", timeout=5000
        )
        filled.update(item=chooser.currentText(), amount=amount.text())

    answer_dialog("depositTakeOkButton", fill=check_and_take)
    tap(qtbot, desk, "passDepositButton")
    qtbot.waitUntil(lambda: status.text().startswith("Receipt R000002"), timeout=5000)
    assert filled == {"item": "P007 · 王五 · 云海科技", "amount": "200.00"}
    assert status.text() == "Receipt R000002 for ¥200.00: Pass P007. Printed on receipt printer."
    assert app.deposits.deposit("R000002").item_label == "P007"
    assert "RECEIPT" in "\n".join(parse_escpos(printer.documents[-1]).text_lines())


def test_a_decoration_permits_bond_taken_on_the_permits_page_is_offered_back_when_it_is_cancelled(
    qtbot: QtBot, app: KioskApp, printer: FakePrinter
) -> None:
    set_language("zh_CN")  # the office works in Chinese; the flow is the same
    desk = open_desk(qtbot, app, Role.RECEPTIONIST)
    app.permits.issue(
        PermitDraft(
            kind=PermitKind.DECORATION,
            valid_from=TODAY,
            valid_until=TODAY + timedelta(days=30),
            unit="2-104",
            holder_name="李师傅",
            id_type="resident_id",
            id_number="11010519491231002X",
            company="安居装饰",
        ),
        app.staff.sign_in("receptionist", STAFF_PIN),
    )
    desk.show_section("permits")
    table = find(desk, QTableView, "permitTable")
    qtbot.waitUntil(lambda: table.model().rowCount() == 1, timeout=5000)
    table.selectRow(0)
    kinds: list[object] = []

    def bond(dialog: QDialog) -> None:
        kind = dialog.findChild(QComboBox, "depositTakeKindCombo")
        kinds.extend(kind.itemData(n) for n in range(kind.count()))
        pick(qtbot, kind, kind.itemText(1))
        chooser = dialog.findChild(QComboBox, "depositTakeItemCombo")
        qtbot.waitUntil(lambda: chooser.currentText().startswith("RZ"), timeout=5000)
        type_text(qtbot, dialog.findChild(QLineEdit, "depositTakeAmountEdit"), "5000")
        type_text(qtbot, dialog.findChild(QLineEdit, "depositTakePayerEdit"), "王经理")

    answer_dialog("depositTakeOkButton", fill=bond)
    tap(qtbot, desk, "permitDepositButton")
    register = find(desk, QLabel, "permitRegisterStatus")
    qtbot.waitUntil(lambda: "R000001" in register.text(), timeout=5000)
    # A decoration permit carries a worker's pass deposit or the decoration's bond.
    assert kinds == [ReceiptPurpose.DECORATION_PASS_DEPOSIT, ReceiptPurpose.DECORATION_BOND]
    bond_taken = app.deposits.deposit("R000001")
    assert (bond_taken.purpose, bond_taken.payer, bond_taken.amount_fen) == (
        ReceiptPurpose.DECORATION_BOND,
        "王经理",
        500000,
    )

    # The decoration ends early: the permit is cancelled, and its bond is offered for refund.
    type_text(qtbot, find(desk, QLineEdit, "permitCancelReasonEdit"), "装修提前结束")
    seen: list[str] = []
    answer_dialog("confirmOkButton", seen=seen)
    tap(qtbot, desk, "permitCancelButton")
    qtbot.waitUntil(lambda: app.deposits.deposit("R000001").refund_receipt == "R000002", timeout=5000)
    assert any("R000001" in text and "王经理" in text and "5,000.00" in text for text in seen)
    qtbot.waitUntil(lambda: "R000002" in register.text(), timeout=5000)


def test_checking_a_visit_with_a_card_out_at_the_board_offers_its_deposit_back(
    qtbot: QtBot, app: KioskApp, printer: FakePrinter
) -> None:
    host = next(h.host_id for h in app.directory.search("李四") if h.name == "李四")
    pending = app.checkin.check_in(CheckInRequest("张三", host, declaration_accepted=True), app.actor)
    app.checkin.approve(pending.visit_id, ADMIN, Approver.DESK, "host phoned, agreed")
    with app.database.sessions.begin() as session:
        session.get_one(Visit, pending.visit_id).card_number = "V0012"
    [card] = app.deposits.items(ReceiptPurpose.CARD_DEPOSIT)
    app.deposits.take(ReceiptPurpose.CARD_DEPOSIT, card.item_id, "", 5000, ADMIN)
    desk = open_desk(qtbot, app, Role.RECEPTIONIST)
    table = find(desk, QTableView, "onSiteTable")
    qtbot.waitUntil(lambda: table.model().rowCount() == 1, timeout=5000)
    table.selectRow(0)
    seen: list[str] = []
    answer_dialog("confirmOkButton", seen=seen)
    tap(qtbot, desk, "checkOutButton")
    status = find(desk, QLabel, "deskStatusLabel")
    qtbot.waitUntil(lambda: status.text().startswith("Refund R000002"), timeout=5000)
    assert any("Visitor card V0012 is back" in text and "¥50.00" in text for text in seen)
    assert status.text() == "Refund R000002 of ¥50.00 paid out (original receipt R000001)."
    assert "REFUND RECEIPT" in parse_escpos(printer.documents[-1]).text_lines()
