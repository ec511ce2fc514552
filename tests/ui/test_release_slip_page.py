"""Release slips at the desk console, as the office writes them: an owner far behind on fees
(supervisor approval), a tenant who must pay first, and a tenant whose owner says no."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QTableView,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kiosk.app import KioskApp
from kiosk.devices.escpos.codec import parse_escpos
from kiosk.devices.fakes import FakePrinter
from kiosk.domain.documents import PartyKind
from kiosk.domain.staff import Role
from kiosk.services.audit import Actor
from kiosk.storage.models import AuditEvent, OwnerCall, Payment, ReleaseSlipRecord
from kiosk.ui.common.widgets import ERROR_STYLE
from kiosk.ui.console.desk_window import DeskWindow
from tests.services.test_release_slips import ID, load_residents
from tests.ui.conftest import STAFF_PIN, open_desk, type_text
from tests.ui.test_guard_window import press as tap
from tests.ui.test_kiosk_window import find


def slips_page(qtbot: QtBot, app: KioskApp, role: Role = Role.RECEPTIONIST) -> DeskWindow:
    load_residents(app)
    app.staff.add("boss", "Boss", Role.SUPERVISOR, STAFF_PIN, Actor("staff", "admin"))
    desk = open_desk(qtbot, app, role)
    desk.show_section("release_slips")
    return desk


def look_up(qtbot: QtBot, desk: DeskWindow, unit: str, holder: str = "") -> None:
    edit = find(desk, QLineEdit, "slipUnitEdit")
    edit.clear()
    type_text(qtbot, edit, unit)
    tap(qtbot, desk, "slipLookupButton")
    combo = find(desk, QComboBox, "slipHolderCombo")
    if holder:
        index = next(i for i in range(combo.count()) if combo.itemText(i).startswith(holder))
        combo.setCurrentIndex(index)


def tick(qtbot: QtBot, desk: DeskWindow, name: str) -> None:
    """Tick a box or choose a radio button with the space bar, as keyboard users do."""
    box = find(desk, QAbstractButton, name)
    assert box.isVisible() and box.isEnabled(), name
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)


def fill_slip(qtbot: QtBot, desk: DeskWindow, signature: str, items: tuple[tuple[str, int], ...]) -> None:
    """The holder's ID, the items with their quantities, and the holder's typed signature."""
    type_text(qtbot, find(desk, QLineEdit, "slipIdEdit"), ID)
    for name, quantity in items:
        type_text(qtbot, find(desk, QLineEdit, "slipItemEdit"), name)
        spin = find(desk, QSpinBox, "slipQuantitySpin")
        spin.setFocus()
        spin.selectAll()
        qtbot.keyClicks(spin, str(quantity))
        tap(qtbot, desk, "slipAddItemButton")
    type_text(qtbot, find(desk, QLineEdit, "slipSignatureEdit"), signature)
    tick(qtbot, desk, "slipSignatureCheck")


def status(desk: DeskWindow) -> str:
    return find(desk, QLabel, "slipStatus").text()


def trail(app: KioskApp) -> list[tuple[str, str]]:
    with app.database.sessions() as session:
        return [(e.actor, e.action) for e in session.scalars(select(AuditEvent).order_by(AuditEvent.id))]


def slips(app: KioskApp) -> list[ReleaseSlipRecord]:
    with app.database.sessions() as session:
        return list(session.scalars(select(ReleaseSlipRecord).order_by(ReleaseSlipRecord.id)))


def printed_lines(printer: FakePrinter) -> list[str]:
    return parse_escpos(printer.documents[-1]).text_lines()


def test_an_owner_over_three_months_behind_needs_the_supervisor(
    qtbot: QtBot, app: KioskApp, printer: FakePrinter
) -> None:
    desk = slips_page(qtbot, app)
    look_up(qtbot, desk, "1-103")
    assert find(desk, QComboBox, "slipHolderCombo").currentText() == "朱超 · Owner"
    assert find(desk, QLabel, "slipArrearsLabel").text() == (
        "4 months outstanding (¥1,400.00), over 3 months: a supervisor must approve."
    )
    assert find(desk, QGroupBox, "slipOverrideGroup").isVisible()
    assert not find(desk, QGroupBox, "slipOwnerCallGroup").isVisible()
    assert find(desk, QPushButton, "slipPayButton").isVisible()  # the owner could settle instead

    fill_slip(qtbot, desk, "朱超", (("台式电脑主机", 1), ("显示器", 2), ("打印机", 1)))
    items = find(desk, QListWidget, "slipItemList")
    items.setCurrentRow(2)
    tap(qtbot, desk, "slipRemoveItemButton")
    assert [items.item(i).text() for i in range(items.count())] == ["台式电脑主机 × 1", "显示器 × 2"]

    tap(qtbot, desk, "slipIssueButton")
    assert status(desk) == (
        "4 months of management fees outstanding (¥1,400.00): a supervisor must approve with their PIN "
        "and a reason."
    )
    type_text(qtbot, find(desk, QLineEdit, "slipSupervisorEdit"), "boss")
    type_text(qtbot, find(desk, QLineEdit, "slipSupervisorPinEdit"), "000000")
    type_text(qtbot, find(desk, QLineEdit, "slipOverrideReasonEdit"), "业主承诺月底前交清")
    tap(qtbot, desk, "slipIssueButton")
    assert status(desk) == "Staff number or PIN is wrong."
    assert find(desk, QLineEdit, "slipSupervisorPinEdit").text() == ""  # never left on screen
    assert slips(app) == []

    type_text(qtbot, find(desk, QLineEdit, "slipSupervisorPinEdit"), STAFF_PIN)
    tap(qtbot, desk, "slipIssueButton")
    assert status(desk) == "Slip S000001 issued. Tear off the guard copy and hand it to the lobby guard."
    (slip,) = slips(app)
    assert (slip.unit, slip.holder_name, slip.party_kind, slip.id_last_four) == (
        "1-103",
        "朱超",
        PartyKind.OWNER,
        "002X",
    )
    assert json.loads(slip.items) == [["台式电脑主机", 1], ["显示器", 2]]
    assert (slip.override_by, slip.override_reason, slip.issued_by) == (
        "staff:boss",
        "业主承诺月底前交清",
        "staff:receptionist",
    )
    lines = printed_lines(printer)
    assert any(line.startswith("ID") and line.endswith("**************002X") for line in lines)
    assert any(line.startswith("Arrears override") and line.endswith("Boss") for line in lines)
    assert any(line.startswith("Confirmed") and line.endswith("朱超") for line in lines)
    assert ID.encode() not in printer.documents[-1]
    assert parse_escpos(printer.documents[-1]).qr_codes()[0].startswith("LKS:S000001:")
    # The form is empty for the next person; the slip is listed.
    assert find(desk, QLineEdit, "slipIdEdit").text() == "" and items.count() == 0
    table = find(desk, QTableView, "slipTable")
    assert [table.model().index(0, c).data() for c in (0, 2, 3, 4, 6)] == [
        "S000001",
        "1-103",
        "朱超",
        "3",
        "Issued",
    ]
    actions = trail(app)
    for expected in (
        ("staff:boss", "staff.arrears_override_refused"),
        ("staff:boss", "staff.arrears_override"),
        ("staff:receptionist", "release_slip.issued"),
    ):
        assert expected in actions


def test_an_owner_is_reminded_of_fees_and_signs_with_their_own_name(
    qtbot: QtBot, app: KioskApp, printer: FakePrinter
) -> None:
    desk = slips_page(qtbot, app)
    look_up(qtbot, desk, "１－１０２", "林静")  # typed with a Chinese input method
    assert find(desk, QLineEdit, "slipUnitEdit").text() == "1-102"
    assert find(desk, QLabel, "slipArrearsLabel").text() == (
        "Remind the owner: 1 month(s) of management fees outstanding, ¥300.00."
    )
    assert not find(desk, QGroupBox, "slipOverrideGroup").isVisible()
    tap(qtbot, desk, "slipIssueButton")
    assert status(desk) == "Please enter the ID number."
    fill_slip(qtbot, desk, "周伟", (("沙发", 1),))
    tap(qtbot, desk, "slipIssueButton")
    assert status(desk) == "The typed name does not match the holder's name."
    signature = find(desk, QLineEdit, "slipSignatureEdit")
    signature.clear()
    type_text(qtbot, signature, "林静")
    tap(qtbot, desk, "slipIssueButton")
    assert status(desk).startswith("Slip S000001 issued.")
    assert "Reminder: 1 month(s) of management fees outstanding, ¥300.00" in " ".join(printed_lines(printer))


def test_a_tenant_in_arrears_pays_with_a_receipt_then_the_owner_consents(
    qtbot: QtBot, app: KioskApp, printer: FakePrinter
) -> None:
    desk = slips_page(qtbot, app)
    look_up(qtbot, desk, "1-102", "周伟")
    arrears = find(desk, QLabel, "slipArrearsLabel")
    assert arrears.text() == "No slip until paid: 2 month(s) of management fees outstanding, ¥460.00."
    assert find(desk, QPushButton, "slipPayButton").isVisible()
    assert not find(desk, QGroupBox, "slipOwnerCallGroup").isVisible()
    fill_slip(qtbot, desk, "周伟", (("洗衣机", 1),))
    tap(qtbot, desk, "slipIssueButton")
    assert status(desk) == (
        "No slip until the fees are paid: 2 month(s) of management fees outstanding, ¥460.00."
    )
    assert slips(app) == []

    printed = len(printer.documents)
    tap(qtbot, desk, "slipPayButton")
    with app.database.sessions() as session:
        payment = session.scalars(select(Payment)).one()
    assert status(desk) == f"Paid ¥460.00, receipt {payment.receipt_number}."
    assert (payment.amount_fen, payment.payer, payment.reference) == (46000, "周伟", "1-102")
    assert len(printer.documents) == printed + 1
    receipt = " ".join(parse_escpos(printer.documents[-1]).text_lines())
    assert payment.receipt_number in receipt and "460.00" in receipt
    # Still the tenant, now paid up; the items typed so far are kept.
    assert find(desk, QComboBox, "slipHolderCombo").currentText() == "周伟 · Tenant"
    assert arrears.text() == "Management fees: paid up."
    assert not find(desk, QPushButton, "slipPayButton").isVisible()
    assert find(desk, QListWidget, "slipItemList").count() == 1

    tap(qtbot, desk, "slipIssueButton")
    assert status(desk) == "Phone the owner and record the answers first."
    assert find(desk, QGroupBox, "slipOwnerCallGroup").isVisible()
    assert find(desk, QComboBox, "slipOwnerCombo").currentText() == "林静 · 13845265254"
    tick(qtbot, desk, "slipOwnerKnowsCheck")
    tick(qtbot, desk, "slipConsentYes")
    type_text(qtbot, find(desk, QLineEdit, "slipCallNoteEdit"), "业主说洗衣机是租户的")
    tap(qtbot, desk, "slipRecordCallButton")
    assert find(desk, QLabel, "slipCallStatus").text() == "Recorded at 10:00: owner 林静 consents."
    tap(qtbot, desk, "slipIssueButton")
    assert status(desk).startswith("Slip S000001 issued.")
    (slip,) = slips(app)
    with app.database.sessions() as session:
        call = session.get(OwnerCall, slip.owner_call_id)
        assert call is not None
        assert (call.owner_knows, call.rent_owed, call.owner_items, call.consent) == (
            True,
            False,
            False,
            True,
        )
        assert (call.phoned_by, call.owner_phone, call.note) == (
            "staff:receptionist",
            "13845265254",
            "业主说洗衣机是租户的",
        )
    lines = printed_lines(printer)
    assert any(line.startswith("Tenant") and line.endswith("周伟") for line in lines)
    assert any(line.endswith("林静 138****5254 10:00") for line in lines)
    actions = trail(app)
    for expected in (
        ("staff:receptionist", "release_slip.refused"),
        ("staff:receptionist", "fees.settled"),
        ("staff:receptionist", "release_slip.owner_called"),
        ("staff:receptionist", "release_slip.issued"),
    ):
        assert expected in actions


def test_a_tenant_whose_owner_refuses_gets_no_slip(qtbot: QtBot, app: KioskApp, printer: FakePrinter) -> None:
    desk = slips_page(qtbot, app)
    printed = len(printer.documents)
    look_up(qtbot, desk, "1-104", "Tom Baker")
    assert find(desk, QLabel, "slipArrearsLabel").text() == "Management fees: paid up."
    fill_slip(qtbot, desk, "tom baker", (("电视机", 1), ("床垫", 1)))
    tap(qtbot, desk, "slipRecordCallButton")
    call_status = find(desk, QLabel, "slipCallStatus")
    assert call_status.text() == "Does the owner consent? Choose yes or no."
    tick(qtbot, desk, "slipOwnerItemsCheck")
    tick(qtbot, desk, "slipRentOwedCheck")
    tick(qtbot, desk, "slipConsentNo")
    tap(qtbot, desk, "slipRecordCallButton")
    assert call_status.text() == (
        "Recorded at 10:00: owner 孙丽 does not consent. No slip; ask the tenant to contact the owner."
    )
    tap(qtbot, desk, "slipIssueButton")
    assert status(desk) == "The owner 孙丽 does not consent: no slip. Ask the tenant to contact the owner."
    assert slips(app) == [] and len(printer.documents) == printed
    with app.database.sessions() as session:
        call = session.scalars(select(OwnerCall)).one()
        assert (call.rent_owed, call.owner_items, call.consent, call.phoned_by) == (
            True,
            True,
            False,
            "staff:receptionist",
        )
    actions = trail(app)
    assert actions[-2:] == [
        ("staff:receptionist", "release_slip.owner_called"),
        ("staff:receptionist", "release_slip.refused"),
    ]


def test_an_unknown_unit_and_the_roles(qtbot: QtBot, app: KioskApp) -> None:
    desk = slips_page(qtbot, app)
    look_up(qtbot, desk, "9-909")
    assert status(desk) == "Unit 9-909 is not in the owner records."
    look_up(qtbot, desk, "楼下")
    assert status(desk) == "Please enter the unit as building-room, e.g. 2-104."
    tap(qtbot, desk, "slipIssueButton")
    assert status(desk) == "Look up the unit and choose who is taking the goods out."
    desk.sign_out()
    guard = open_desk(qtbot, app, Role.GUARD)
    assert "release_slips" not in guard.sections() and "slip_verify" in guard.sections()
    assert slips(app) == []


def test_a_unit_with_no_fee_record_is_not_paid_up_and_needs_the_supervisor(
    qtbot: QtBot, app: KioskApp, printer: FakePrinter
) -> None:
    desk = slips_page(qtbot, app)
    extra = "房号,姓名,身份,电话\n1-105,钱多,业主,13800001111\n"
    assert app.residents.import_residents(extra.encode(), "more.csv", Actor("cli", "pm")).imported
    look_up(qtbot, desk, "1-105")
    label = find(desk, QLabel, "slipArrearsLabel")
    assert label.text() == (
        "No management-fee record for this unit: check with finance. A supervisor must approve."
    )
    assert "paid up" not in label.text()
    group = find(desk, QGroupBox, "slipOverrideGroup")
    assert group.isVisible() and group.title() == "Supervisor approval (no fee record)"
    assert not find(desk, QPushButton, "slipPayButton").isVisible()  # nothing known to pay

    fill_slip(qtbot, desk, "钱多", (("纸箱", 2),))
    tap(qtbot, desk, "slipIssueButton")
    assert status(desk) == (
        "This unit has no management-fee record, so nobody knows whether it is paid up: check with "
        "finance; a supervisor must approve the slip with their PIN and a reason."
    )
    assert slips(app) == []
    type_text(qtbot, find(desk, QLineEdit, "slipSupervisorEdit"), "boss")
    type_text(qtbot, find(desk, QLineEdit, "slipSupervisorPinEdit"), STAFF_PIN)
    type_text(qtbot, find(desk, QLineEdit, "slipOverrideReasonEdit"), "财务确认已交清")
    tap(qtbot, desk, "slipIssueButton")
    assert status(desk).startswith("Slip S000001 issued.")
    lines = printed_lines(printer)
    assert "Management fees: no record" in lines
    assert any(line.startswith("Arrears override") and line.endswith("Boss") for line in lines)
    with app.database.sessions() as session:
        issued = session.scalars(select(AuditEvent).where(AuditEvent.action == "release_slip.issued")).one()
    assert json.loads(issued.detail)["fees_known"] is False


def test_looking_the_same_unit_up_again_keeps_what_was_typed(qtbot: QtBot, app: KioskApp) -> None:
    desk = slips_page(qtbot, app)
    id_edit = find(desk, QLineEdit, "slipIdEdit")
    type_text(qtbot, id_edit, ID)  # typed while the holder looks for their unit number
    look_up(qtbot, desk, "1-104", "Tom Baker")
    look_up(qtbot, desk, "1-014")  # a slip of the finger: not on record
    assert find(desk, QLabel, "slipStatus").property("error") is True
    look_up(qtbot, desk, "1-104")  # corrected, and pressed again
    combo = find(desk, QComboBox, "slipHolderCombo")
    assert combo.currentText() == "Tom Baker · Tenant"  # the tenant chosen before, still chosen
    fill_slip(qtbot, desk, "", (("书桌", 1),))
    id_edit.clear()
    type_text(qtbot, id_edit, ID)
    type_text(qtbot, find(desk, QLineEdit, "slipSignatureEdit"), "Tom Baker")
    tick(qtbot, desk, "slipOwnerKnowsCheck")
    tick(qtbot, desk, "slipConsentYes")
    tap(qtbot, desk, "slipRecordCallButton")
    assert find(desk, QLabel, "slipCallStatus").text() == "Recorded at 10:00: owner 孙丽 consents."

    tap(qtbot, desk, "slipLookupButton")  # 查询 again: nothing typed is lost
    assert combo.currentText() == "Tom Baker · Tenant"
    assert id_edit.text() == ID
    assert find(desk, QListWidget, "slipItemList").count() == 1
    assert find(desk, QLineEdit, "slipSignatureEdit").text() == "Tom Baker"
    assert find(desk, QLabel, "slipCallStatus").text() == "Recorded at 10:00: owner 孙丽 consents."
    tap(qtbot, desk, "slipIssueButton")  # and the owner's recorded consent still counts
    assert status(desk).startswith("Slip S000001 issued."), status(desk)


def test_another_unit_keeps_the_items_but_not_the_holders_details(qtbot: QtBot, app: KioskApp) -> None:
    desk = slips_page(qtbot, app)
    look_up(qtbot, desk, "1-101")
    fill_slip(qtbot, desk, "赵伟", (("台式电脑主机", 1), ("显示器", 2)))
    look_up(qtbot, desk, "1-102", "林静")
    assert find(desk, QLineEdit, "slipIdEdit").text() == ""
    assert find(desk, QLineEdit, "slipSignatureEdit").text() == ""
    assert not find(desk, QAbstractButton, "slipSignatureCheck").isChecked()
    assert find(desk, QListWidget, "slipItemList").count() == 2
    assert status(desk) == "Unit 1-102: enter the ID number and the signature again; the items are kept."
    assert find(desk, QLabel, "slipStatus").property("error") is False


def test_a_refused_id_number_can_be_shown_to_check_it_and_hidden_again(qtbot: QtBot, app: KioskApp) -> None:
    desk = slips_page(qtbot, app)
    look_up(qtbot, desk, "1-101")
    wrong = ID[:-1] + "3"  # one digit off: the check digit does not add up
    fill_slip(qtbot, desk, "赵伟", (("打印机", 1),))
    id_edit = find(desk, QLineEdit, "slipIdEdit")
    id_edit.clear()
    type_text(qtbot, id_edit, wrong)
    tap(qtbot, desk, "slipIssueButton")
    label = find(desk, QLabel, "slipStatus")
    assert label.text() == (
        "This ID number does not add up (its last character does not match). Please check every digit. "
        "Press “Show” beside the ID number to see what was typed."
    )
    assert wrong not in label.text() and "002" not in label.text()
    assert id_edit.echoMode() is QLineEdit.EchoMode.PasswordEchoOnEdit  # dots once the clerk moves on
    show = find(desk, QPushButton, "slipIdShowButton")
    tap(qtbot, desk, "slipIdShowButton")
    assert id_edit.echoMode() is QLineEdit.EchoMode.Normal
    assert id_edit.displayText() == wrong and show.text() == "Hide"
    id_edit.setFocus()
    qtbot.keyClick(id_edit, Qt.Key.Key_Backspace)  # correcting it keeps the rest of what was typed
    qtbot.keyClicks(id_edit, "X")
    assert id_edit.displayText() == ID
    tap(qtbot, desk, "slipIdShowButton")
    assert id_edit.echoMode() is QLineEdit.EchoMode.PasswordEchoOnEdit and show.text() == "Show"
    tap(qtbot, desk, "slipIssueButton")
    assert status(desk).startswith("Slip S000001 issued.")
    assert not show.isChecked()  # hidden again for the next person


def test_every_error_on_the_slip_page_is_red(qtbot: QtBot, app: KioskApp) -> None:
    desk = slips_page(qtbot, app)
    label = find(desk, QLabel, "slipStatus")
    tap(qtbot, desk, "slipIssueButton")
    assert label.text() == "Look up the unit and choose who is taking the goods out."
    assert label.property("error") is True and ERROR_STYLE in label.styleSheet()
    look_up(qtbot, desk, "1-101")
    fill_slip(qtbot, desk, "赵伟", (("打印机", 1),))
    tap(qtbot, desk, "slipIssueButton")
    assert status(desk).startswith("Slip S000001 issued.")
    assert label.property("error") is False and ERROR_STYLE not in label.styleSheet()
    assert "font-size: 16px;" in label.styleSheet()
