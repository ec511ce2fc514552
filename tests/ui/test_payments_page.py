"""Deposits and receipts at the console, as the desk works them: a deposit taken and printed, the
card handed back and the deposit refunded with a receipt naming the original, a refund refused the
second time, a fee for finance, the shift's cash summary printed; wrong roles refused."""

from __future__ import annotations

import json

import httpx
import pytest
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QTableView
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kiosk.app import KioskApp
from kiosk.devices.escpos.codec import parse_escpos
from kiosk.devices.fakes import FakePrinter
from kiosk.domain.documents import PaymentMethod, ReceiptPurpose
from kiosk.domain.errors import ValidationError
from kiosk.domain.money import parse_yuan
from kiosk.domain.staff import Role
from kiosk.storage.models import AuditEvent, Payment, PrintJob
from kiosk.ui.common.background import in_flight
from kiosk.ui.console.desk_window import DeskWindow
from tests.ui.conftest import answer_dialog, open_desk, type_text
from tests.ui.test_kiosk_window import find, tap


def audit(app: KioskApp) -> list[tuple[str, str, dict[str, object]]]:
    with app.database.sessions() as session:
        return [
            (e.actor, e.action, json.loads(e.detail) if e.detail else {})
            for e in session.scalars(select(AuditEvent).order_by(AuditEvent.id))
        ]


def cells(table: QTableView, column: int) -> list[str]:
    model = table.model()
    return [model.index(row, column).data() for row in range(model.rowCount())]


def choose(desk: DeskWindow, name: str, value: object) -> None:
    combo = find(desk, QComboBox, name)
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)


def take(
    qtbot: QtBot,
    desk: DeskWindow,
    purpose: ReceiptPurpose,
    amount: str,
    payer: str,
    reference: str,
    note: str = "",
    method: PaymentMethod = PaymentMethod.CASH,
) -> None:
    choose(desk, "paymentKindCombo", purpose)
    choose(desk, "paymentMethodCombo", method)
    for name, text in (
        ("paymentAmountEdit", amount),
        ("paymentPayerEdit", payer),
        ("paymentReferenceEdit", reference),
        ("paymentNoteEdit", note),
    ):
        edit = find(desk, QLineEdit, name)
        edit.clear()
        if text.startswith("\x1b"):
            edit.insert(text)  # a paste: no key can type ESC
        elif text:
            type_text(qtbot, edit, text)
    try:
        parse_yuan(amount)
    except ValidationError:
        pass  # refused before anything is asked
    else:
        answer_dialog("confirmOkButton")  # the amount and kind, read back
    tap(qtbot, desk, "paymentTakeButton")
    wait_done(qtbot, desk)


def wait_done(qtbot: QtBot, desk: DeskWindow) -> None:
    """The receipt prints off the GUI thread; the buttons come back when it is done."""
    button = find(desk, QPushButton, "paymentTakeButton")
    # Then the day's list and the shift's sums come again from the server.
    qtbot.waitUntil(lambda: button.isEnabled() and in_flight() == 0, timeout=5000)


def printed(printer: FakePrinter) -> list[str]:
    return parse_escpos(printer.documents[-1]).text_lines()


def test_a_deposit_is_taken_refunded_once_and_summed_up(
    qtbot: QtBot, app: KioskApp, printer: FakePrinter
) -> None:
    desk = open_desk(qtbot, app, Role.RECEPTIONIST, "lina")
    desk.show_section("payments")
    status = find(desk, QLabel, "paymentStatus")
    take(qtbot, desk, ReceiptPurpose.DECORATION_PASS_DEPOSIT, "abc", "张三", "D-0031")
    assert status.text() == "Type the amount in yuan, e.g. 100 or 50.50."
    take(qtbot, desk, ReceiptPurpose.DECORATION_PASS_DEPOSIT, "200", "", "D-0031")
    assert status.text() == "Type who pays."
    assert not printer.documents
    # The payer's name pasted with a control character in front.
    take(qtbot, desk, ReceiptPurpose.DECORATION_PASS_DEPOSIT, "200", "\x1b@张三", "D-0031", "装修 3-201")
    assert status.text() == "Receipt R000001 for ¥200.00. Printed on receipt printer."
    receipt = printed(printer)
    assert "RECEIPT" in receipt and "Decoration pass deposit" in " ".join(receipt)
    assert any(line.startswith("Amount (CNY)") and line.endswith("¥200.00") for line in receipt)
    assert any(line.endswith("贰佰元整") for line in receipt)
    assert any(line.startswith("Received from") and line.endswith("@张三") for line in receipt)
    assert b"\x1b@\xd5\xc5" not in printer.documents[-1]  # the pasted ESC never reaches the printer
    assert find(desk, QLineEdit, "paymentPayerEdit").text() == ""

    # A second deposit on the same pass before the first is refunded is refused.
    take(qtbot, desk, ReceiptPurpose.DECORATION_PASS_DEPOSIT, "200", "李四", "d-0031")
    assert status.text() == "This card or pass already has a deposit (receipt R000001): refund it first."
    take(qtbot, desk, ReceiptPurpose.CARD_DEPOSIT, "50", "Emily Carter", "C-07", method=PaymentMethod.WECHAT)
    take(qtbot, desk, ReceiptPurpose.FEE_ON_BEHALF, "300", "王五", "3-201", "装修垃圾清运费")
    assert printed(printer)[1] == "RECEIPT" and "Fee collected for finance" in " ".join(printed(printer))
    table = find(desk, QTableView, "paymentsTable")
    assert cells(table, 0) == ["R000003", "R000002", "R000001"]
    assert cells(table, 7) == ["Paid", "Deposit held", "Deposit held"]
    assert (
        find(desk, QLabel, "paymentTodayLabel").text() == "Today's receipts: 3 — deposits held: 2 (¥250.00)"
    )

    # The pass comes back: refund by typing its number.
    type_text(qtbot, find(desk, QLineEdit, "paymentRefundEdit"), "D-0031")
    tap(qtbot, desk, "paymentRefundButton")
    wait_done(qtbot, desk)
    assert status.text() == (
        "Refund R000004 of ¥200.00 paid out (original receipt R000001). Printed on receipt printer."
    )
    refund = printed(printer)
    assert "REFUND RECEIPT" in refund
    assert any(line.startswith("Original receipt") and line.endswith("R000001") for line in refund)
    assert any(line.startswith("Refunded (CNY)") and line.endswith("¥200.00") for line in refund)
    assert cells(table, 0)[0] == "R000004" and cells(table, 3)[0] == "-¥200.00"
    assert cells(table, 7)[0] == "Refund of R000001" and cells(table, 7)[-1] == "Refunded (R000004)"

    # Refunding it again (selected in the list this time) is refused and audited.
    table.selectRow(3)
    documents = len(printer.documents)
    tap(qtbot, desk, "paymentRefundButton")
    wait_done(qtbot, desk)
    assert status.text() == "Already refunded: refund receipt R000004 on 2026-11-25 10:00."
    assert len(printer.documents) == documents
    # A fee is not a deposit.
    type_text(qtbot, find(desk, QLineEdit, "paymentRefundEdit"), "R000003")
    tap(qtbot, desk, "paymentRefundButton")
    wait_done(qtbot, desk)
    assert status.text() == "This is a fee collected for finance, not a deposit."

    with app.database.sessions() as session:
        rows = {p.receipt_number: p for p in session.scalars(select(Payment))}
        jobs = session.scalars(select(PrintJob.reference).where(PrintJob.document == "receipt")).all()
    assert rows["R000004"].refund_of_id == rows["R000001"].id and rows["R000004"].amount_fen == 20000
    assert rows["R000001"].payer == "@张三" and rows["R000002"].method is PaymentMethod.WECHAT
    assert sorted(jobs) == ["R000001", "R000002", "R000003", "R000004"]

    summary = find(desk, QLabel, "paymentSummaryLabel").text()
    assert summary.startswith("My shift since 11-25 10:00 — net ¥350.00 (Cash ¥300.00, WeChat Pay ¥50.00)")
    tap(qtbot, desk, "paymentSummaryButton")
    wait_done(qtbot, desk)
    assert status.text() == "Printed on receipt printer."
    sheet = printed(printer)
    assert "SHIFT CASH SUMMARY" in sheet and "Decoration pass deposit" in sheet
    assert any(line.startswith("Refunded 1 x") and line.endswith("-¥200.00") for line in sheet)
    assert any(line.startswith("Net total") and line.endswith("¥350.00") for line in sheet)
    assert any(line.startswith("Cash") and line.endswith("¥300.00") for line in sheet)

    actions = [(actor, action) for actor, action, _ in audit(app)]
    for expected in (
        ("staff:lina", "payment.deposit_taken"),
        ("staff:lina", "payment.fee_taken"),
        ("staff:lina", "payment.refunded"),
        ("staff:lina", "payment.refund_refused"),
        ("staff:lina", "payment.cash_summary_printed"),
    ):
        assert expected in actions, expected
    refused = [detail for _a, action, detail in audit(app) if action == "payment.refund_refused"]
    assert [d["reason"] for d in refused] == ["already_refunded", "not_a_deposit"]


def test_a_copy_of_a_receipt_is_marked(qtbot: QtBot, app: KioskApp, printer: FakePrinter) -> None:
    desk = open_desk(qtbot, app, Role.SUPERVISOR)
    desk.show_section("payments")
    take(qtbot, desk, ReceiptPurpose.PASS_DEPOSIT, "100", "陈静", "P007")
    assert "副本 / COPY" not in printed(printer)
    find(desk, QTableView, "paymentsTable").selectRow(0)
    tap(qtbot, desk, "paymentReprintButton")
    wait_done(qtbot, desk)
    assert "副本 / COPY" in printed(printer) and "R000001" in " ".join(printed(printer))


def test_roles_without_payments_cannot_take_money(qtbot: QtBot, app: KioskApp) -> None:
    for role in (Role.GUARD, Role.SALES):
        desk = open_desk(qtbot, app, role)
        assert "payments" not in desk.sections()
        page = desk.payments
        # Even if the page were reached, it does not act for them.
        assert not find(page, QPushButton, "paymentTakeButton").isEnabled()
        page._take()
        assert find(page, QLabel, "paymentStatus").text() == "Your role cannot do this. Ask a supervisor."
        desk.close()
    with app.database.sessions() as session:
        assert session.scalar(select(Payment.id)) is None


def test_a_receipt_the_printer_refused_waits_and_the_payment_stands(
    qtbot: QtBot, app: KioskApp, printer: FakePrinter
) -> None:
    from kiosk.devices.interfaces import PrinterStatus

    desk = open_desk(qtbot, app, Role.RECEPTIONIST)
    desk.show_section("payments")
    printer.state = PrinterStatus.PAPER_OUT
    take(qtbot, desk, ReceiptPurpose.CARD_DEPOSIT, "50", "韩梅梅", "C-9")
    status = find(desk, QLabel, "paymentStatus").text()
    assert status.startswith("Receipt R000001 for ¥50.00. NOT printed: ") and "print queue" in status
    assert not printer.documents
    with app.database.sessions() as session:
        assert session.scalars(select(Payment.receipt_number)).all() == ["R000001"]
    printer.state = PrinterStatus.ONLINE
    find(desk, QTableView, "paymentsTable").selectRow(0)
    tap(qtbot, desk, "paymentReprintButton")
    wait_done(qtbot, desk)
    sent = printed(printer)
    assert "副本 / COPY" not in sent and "RECEIPT" in sent  # the original, sent now


def test_a_payment_pressed_again_after_its_answer_was_lost_is_stored_once(
    qtbot: QtBot, app: KioskApp, printer: FakePrinter, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The server stored the deposit but its answer never reached the desk (the LAN dropped): the
    clerk is told to press again, and pressing again records nothing more."""
    desk = open_desk(qtbot, app, Role.RECEPTIONIST, "lina")
    desk.show_section("payments")
    status = find(desk, QLabel, "paymentStatus")
    http = desk.payments._station.client.http
    send = http.request
    lost: list[str] = []

    def answer_lost(method: str, url: str, **kwargs: object) -> httpx.Response:
        response = send(method, url, **kwargs)  # type: ignore[arg-type]
        if url.endswith("/payments/deposits") and not lost:
            lost.append(url)
            raise httpx.ReadTimeout("the answer never came")
        return response

    monkeypatch.setattr(http, "request", answer_lost)
    take(qtbot, desk, ReceiptPurpose.CARD_DEPOSIT, "50", "Emily Carter", "C-07")
    assert lost and status.property("error") is True
    assert status.text() == (
        "The server does not answer. Press the button again once it does: the payment is recorded only once."
    )
    assert find(desk, QLineEdit, "paymentPayerEdit").text() == "Emily Carter"  # kept to press again
    answer_dialog("confirmOkButton")
    tap(qtbot, desk, "paymentTakeButton")
    wait_done(qtbot, desk)
    assert status.text() == "Receipt R000001 for ¥50.00. Printed on receipt printer."
    with app.database.sessions() as session:
        assert len(session.scalars(select(Payment)).all()) == 1
    assert len(printer.documents) == 1
