"""Deposits, fees and refunds: receipts numbered from one counter, refunds once, the cash summary."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from kiosk.app import KioskApp
from kiosk.devices.escpos.codec import parse_escpos
from kiosk.devices.fakes import FakePrinter
from kiosk.domain.documents import PaymentMethod, ReceiptPurpose
from kiosk.domain.errors import ValidationError
from kiosk.domain.payments import format_receipt_number
from kiosk.services.audit import Actor
from kiosk.storage.models import AuditEvent, Payment
from tests.conftest import FixedClock

CLERK = Actor("staff", "lina")
OTHER = Actor("staff", "wangfang")


def audit_rows(app: KioskApp, action: str) -> list[AuditEvent]:
    with app.database.sessions() as session:
        return list(session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def lines(data: bytes) -> list[str]:
    return parse_escpos(data).text_lines()


def test_deposit_prints_a_numbered_receipt_and_refund_references_it(
    app: KioskApp, printer: FakePrinter
) -> None:
    taken = app.payments.take_deposit(
        ReceiptPurpose.DECORATION_PASS_DEPOSIT, "张三", "D-0031", 10000, CLERK, language="zh_CN"
    )
    assert taken.receipt_number == "R000001" and taken.printed
    text = lines(printer.documents[-1])
    assert "收据" in text and "壹佰元整" in " ".join(text) and any("D-0031" in line for line in text)
    refund = app.payments.refund("d-0031", OTHER, language="zh_CN")  # by the pass number, any case
    assert refund.receipt_number == "R000002" and refund.refund_of == "R000001"
    refunded = lines(printer.documents[-1])
    assert "退款收据" in refunded
    assert any(line.startswith("原收据编号") and line.endswith("R000001") for line in refunded)
    with app.database.sessions() as session:
        original, back = session.scalars(select(Payment).order_by(Payment.id)).all()
    assert back.refund_of_id == original.id and back.amount_fen == original.amount_fen
    [event] = audit_rows(app, "payment.refunded")
    assert event.actor == "staff:wangfang" and json.loads(event.detail)["refund_of"] == "R000001"


def test_a_deposit_is_refunded_once_and_the_refusal_is_audited(app: KioskApp) -> None:
    app.payments.take_deposit(ReceiptPurpose.CARD_DEPOSIT, "李雷", "C-7", 5000, CLERK)
    app.payments.refund("R000001", CLERK)
    with pytest.raises(ValidationError) as refused:
        app.payments.refund("R000001", CLERK)
    assert refused.value.code == "already_refunded" and refused.value.params["refund"] == "R000002"
    [event] = audit_rows(app, "payment.refund_refused")
    assert json.loads(event.detail)["reason"] == "already_refunded"
    # A refund receipt and a fee are not deposits.
    with pytest.raises(ValidationError, match="is_refund"):
        app.payments.refund("R000002", CLERK)
    fee = app.payments.record_fee_payment("王五", 100550, "物业管理费 2026-09 ~ 2026-11", CLERK, unit="2-104")
    with pytest.raises(ValidationError, match="not_a_deposit"):
        app.payments.refund(fee.receipt_number, CLERK)


def test_partial_refunds_are_refused(app: KioskApp) -> None:
    app.payments.take_deposit(ReceiptPurpose.PASS_DEPOSIT, "赵六", "P-12", 20000, CLERK)
    with pytest.raises(ValidationError, match="partial_refund"):
        app.payments.refund("P-12", CLERK, amount_fen=15000)
    assert app.payments.refund("P-12", CLERK, amount_fen=20000).refund_of == "R000001"


def test_one_open_deposit_per_card(app: KioskApp) -> None:
    app.payments.take_deposit(ReceiptPurpose.CARD_DEPOSIT, "李雷", "C-7", 5000, CLERK)
    with pytest.raises(ValidationError) as refused:
        app.payments.take_deposit(ReceiptPurpose.CARD_DEPOSIT, "韩梅梅", "c-7", 5000, CLERK)
    assert refused.value.params["receipt"] == "R000001"
    app.payments.refund("C-7", CLERK)
    assert app.payments.take_deposit(ReceiptPurpose.CARD_DEPOSIT, "韩梅梅", "C-7", 5000, CLERK).printed
    found = app.payments.find("C-7")
    assert found is not None and found.payer == "韩梅梅" and found.receipt_number == "R000003"


def test_fee_payment_api_for_the_release_slip_desk(app: KioskApp, printer: FakePrinter) -> None:
    result = app.payments.record_fee_payment(
        "王五", 100550, "物业管理费 2026-09 ~ 2026-11", CLERK, unit="2-104", method=PaymentMethod.WECHAT
    )
    assert result.printed and result.amount_fen == 100550
    text = " ".join(lines(printer.documents[-1]))
    assert "代收费用" in text and "壹仟零伍元伍角" in text and "2-104" in text and "微信" in text
    [event] = audit_rows(app, "payment.fee_taken")
    assert json.loads(event.detail)["amount_fen"] == 100550


def test_a_receipt_survives_an_offline_printer_and_reprints_as_a_copy(
    app: KioskApp, printer: FakePrinter
) -> None:
    from kiosk.devices.interfaces import PrinterStatus

    printer.state = PrinterStatus.OFFLINE
    result = app.payments.take_deposit(ReceiptPurpose.CARD_DEPOSIT, "李雷", "C-8", 5000, CLERK)
    assert not result.printed and result.error
    printer.state = PrinterStatus.ONLINE
    assert app.payments.reprint("R000001", CLERK).printed  # sent now: the original, not a copy
    assert "副本 / COPY" not in lines(printer.documents[-1])
    assert app.payments.reprint("R000001", CLERK).printed
    assert "副本 / COPY" in lines(printer.documents[-1])


@pytest.mark.parametrize(
    ("payer", "reference", "amount", "field"),
    [("", "C-1", 100, "payer"), ("张三", " ", 100, "reference"), ("张三", "C-1", 0, "amount")],
)
def test_bad_entries_are_refused(app: KioskApp, payer: str, reference: str, amount: int, field: str) -> None:
    with pytest.raises(ValidationError) as refused:
        app.payments.take_deposit(ReceiptPurpose.CARD_DEPOSIT, payer, reference, amount, CLERK)
    assert refused.value.field == field
    with app.database.sessions() as session:
        assert session.scalar(select(Payment.id)) is None


def test_cash_summary_counts_and_totals_by_kind(
    app: KioskApp, clock: FixedClock, printer: FakePrinter
) -> None:
    start = clock.now()
    app.payments.take_deposit(ReceiptPurpose.CARD_DEPOSIT, "甲", "C-1", 5000, CLERK)
    app.payments.take_deposit(
        ReceiptPurpose.CARD_DEPOSIT, "乙", "C-2", 5000, CLERK, method=PaymentMethod.ALIPAY
    )
    app.payments.take_deposit(ReceiptPurpose.CARD_DEPOSIT, "丙", "C-3", 5000, OTHER)  # not this clerk's
    app.payments.record_fee_payment("丁", 30000, "装修垃圾清运费", CLERK, unit="3-201")
    clock.advance(hours=1)
    app.payments.refund("C-3", CLERK)  # paid out of this clerk's drawer
    summary = app.payments.cash_summary(CLERK, start)
    by_kind = {line.purpose: line for line in summary.lines}
    card = by_kind[ReceiptPurpose.CARD_DEPOSIT]
    assert (card.count, card.total_fen, card.refund_count, card.refund_fen) == (2, 10000, 1, 5000)
    assert by_kind[ReceiptPurpose.FEE_ON_BEHALF].total_fen == 30000
    assert summary.net_fen == 35000
    assert {m.method: m.net_fen for m in summary.methods} == {
        PaymentMethod.CASH: 30000,
        PaymentMethod.ALIPAY: 5000,
    }
    assert (summary.first_receipt, summary.last_receipt) == ("R000001", "R000005")
    assert app.payments.print_cash_summary(summary, CLERK, "en").printed
    text = lines(printer.documents[-1])
    assert "Taken 2 x" in " ".join(text) and any(line.endswith("¥350.00") for line in text)
    assert audit_rows(app, "payment.cash_summary_printed")
    assert app.payments.net_cash_since(start - timedelta(seconds=1)) == 5000 + 5000 + 30000 - 5000


@given(st.integers(min_value=1, max_value=10**9))
def test_receipt_numbers_read_back_as_their_counter_value(value: int) -> None:
    number = format_receipt_number(value)
    assert number[0] == "R" and len(number) >= 7 and int(number[1:]) == value
