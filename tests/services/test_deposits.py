"""Deposits tied to what they secure (#20 item 9): taken against a pass, a visitor card or a
decoration permit as it goes out, prompted for refund when it comes back, the decoration bond's
deductions by finance, a supervisor's forfeit, and the cash summary still adding up."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from kiosk.app import KioskApp
from kiosk.devices.escpos.codec import parse_escpos
from kiosk.devices.fakes import FakePrinter
from kiosk.domain.deposits import DeductionKind, DepositItem, DepositState, check_deduction, state_of
from kiosk.domain.documents import PaymentMethod, ReceiptPurpose
from kiosk.domain.errors import ValidationError
from kiosk.domain.permits import PermitKind, PermitRoute
from kiosk.domain.staff import Role
from kiosk.domain.views import CheckInRequest
from kiosk.domain.visit import Approver
from kiosk.services.audit import Actor
from kiosk.services.machine_room_passes import PassVisitor
from kiosk.services.permits import PermitDraft
from kiosk.services.staff import SignedIn
from kiosk.storage.models import AuditEvent, Visit
from tests.conftest import FixedClock

PIN = "135790"
TODAY = date(2026, 11, 25)  # the test clock's site date
ADMIN = Actor("staff", "admin")


@pytest.fixture
def people(app: KioskApp) -> dict[str, SignedIn]:
    for username, name, role in (
        ("clerk", "赵敏", Role.RECEPTIONIST),
        ("boss", "钱主管", Role.SUPERVISOR),
        ("boss2", "孙领班", Role.SUPERVISOR),
        ("engineer", "李工", Role.SALES),
    ):
        app.staff.add(username, name, role, PIN, ADMIN)
    return {u: app.staff.sign_in(u, PIN) for u in ("clerk", "boss", "boss2", "engineer")}


def text_of(data: bytes) -> str:
    return "\n".join(parse_escpos(data).text_lines())


def lend_pass(app: KioskApp, number: str = "P001") -> None:
    app.machine_room_passes.add_passes([number], ADMIN)
    app.machine_room_passes.sign_out([number], [PassVisitor("张三", "蓝海数据")], "engineer", PIN, ADMIN)


def decoration_permit(
    app: KioskApp, who: SignedIn, days: int = 30, kind: PermitKind = PermitKind.DECORATION
) -> int:
    draft = PermitDraft(
        kind=kind,
        valid_from=TODAY,
        valid_until=TODAY + timedelta(days=days),
        unit="2-104",
        holder_name="李建国" if kind is PermitKind.DECORATION else "",
        id_type="resident_id" if kind is PermitKind.DECORATION else "",
        id_number="11010519491231002X" if kind is PermitKind.DECORATION else "",
        company="安居装饰",
        materials=(("瓷砖（箱）", 40),) if kind is PermitKind.MATERIAL else (),
        route=PermitRoute.GOODS_LIFT if kind is PermitKind.MATERIAL else None,
    )
    return app.permits.issue(draft, who).permit.permit_id


def actions(app: KioskApp, prefix: str) -> list[dict[str, object]]:
    with app.database.sessions() as session:
        rows = session.scalars(
            select(AuditEvent).where(AuditEvent.action.like(f"{prefix}%")).order_by(AuditEvent.id)
        )
        return [{"action": e.action, **json.loads(e.detail or "{}")} for e in rows]


def test_a_pass_deposit_is_prompted_for_refund_when_the_pass_comes_back(
    app: KioskApp, people: dict[str, SignedIn], printer: FakePrinter
) -> None:
    clerk = people["clerk"].actor
    lend_pass(app)
    [item] = app.deposits.items(ReceiptPurpose.PASS_DEPOSIT)
    assert (item.item, item.label, item.holder) == (DepositItem.PASS, "P001", "张三")
    taken = app.deposits.take(ReceiptPurpose.PASS_DEPOSIT, item.item_id, "", 20000, clerk)
    assert taken.receipt_number == "R000001" and "机房访客证押金" in text_of(printer.documents[-1])
    # Covered now: the chooser lists it no more, and a second deposit on it is refused.
    assert app.deposits.items(ReceiptPurpose.PASS_DEPOSIT) == []
    with pytest.raises(ValidationError) as twice:
        app.deposits.take(ReceiptPurpose.PASS_DEPOSIT, item.item_id, "张三", 20000, clerk)
    assert (twice.value.field, twice.value.code, twice.value.params["receipt"]) == (
        "item",
        "deposit_open",
        "R000001",
    )
    [held] = app.deposits.listing("open")
    assert (held.state, held.item_label, held.payer, held.balance_fen) == (
        DepositState.HELD,
        "P001",
        "张三",
        20000,
    )
    assert app.deposits.due_for(DepositItem.PASS, ["P001"]) == []  # still out: nothing to prompt

    app.machine_room_passes.return_passes(["p001"], clerk)
    [due] = app.deposits.due_for(DepositItem.PASS, ["p001"])
    assert (due.receipt_number, due.state, due.balance_fen) == ("R000001", DepositState.REFUND_DUE, 20000)
    assert [d.receipt_number for d in app.deposits.listing("due")] == ["R000001"]
    # The prompt moves no money: the clerk's refund does, with its receipt.
    refund = app.payments.refund(due.receipt_number, clerk)
    assert (refund.amount_fen, refund.refund_of) == (20000, "R000001")
    assert app.deposits.due_for(DepositItem.PASS, ["P001"]) == []
    assert app.deposits.deposit("R000001").state is DepositState.REFUNDED
    assert [a["action"] for a in actions(app, "deposit.")] == ["deposit.linked"]


def test_a_decoration_bond_with_two_deductions_refunds_the_balance_and_every_step_prints(
    app: KioskApp, people: dict[str, SignedIn], printer: FakePrinter, clock: FixedClock
) -> None:
    clerk, boss = people["clerk"], people["boss"]
    permit_id = decoration_permit(app, clerk, days=2, kind=PermitKind.MATERIAL)
    [item] = app.deposits.items(ReceiptPurpose.DECORATION_BOND)
    assert item.item_id == permit_id and item.until == TODAY + timedelta(days=2)
    bond = app.deposits.take(
        ReceiptPurpose.DECORATION_BOND,
        permit_id,
        "安居装饰 王经理",
        500000,
        clerk.actor,
        method=PaymentMethod.BANK_CARD,
    )
    receipt = text_of(printer.documents[-1])
    assert "装修保证金" in receipt and "伍仟元整" in receipt

    # Finance's deductions: not by the clerk, each with a reason, never past the balance.
    with pytest.raises(ValidationError, match="not_allowed"):
        app.deposits.deduct(bond.receipt_number, 30000, "电梯轿厢划伤", clerk)
    with pytest.raises(ValidationError, match="required"):
        app.deposits.deduct(bond.receipt_number, 30000, "  ", boss)
    first = app.deposits.deduct(bond.receipt_number, 30000, "电梯轿厢划伤 修复费", boss)
    assert first.note_number == "R000002" and first.deposit.balance_fen == 470000
    note = text_of(printer.documents[-1])
    assert (
        "押金扣款单" in note
        and "叁佰元整" in note
        and "电梯轿厢划伤 修复费" in note
        and bond.receipt_number in note
    )
    with pytest.raises(ValidationError) as too_much:
        app.deposits.deduct(bond.receipt_number, 470001, "垃圾清运", boss)
    assert (too_much.value.code, too_much.value.params["balance"]) == ("more_than_balance", 470000)
    second = app.deposits.deduct(bond.receipt_number, 20000, "装修垃圾未清运", boss, language="en")
    assert second.deposit.balance_fen == 450000 and "DEPOSIT DEDUCTION" in text_of(printer.documents[-1])

    # The decoration's permit ends: the bond's balance is due, and only the balance refunds.
    assert app.deposits.due_for(DepositItem.PERMIT, [item.label]) == []
    clock.advance(days=3)
    [due] = app.deposits.due_for(DepositItem.PERMIT, [item.label])
    assert (due.state, due.deducted_fen, due.balance_fen) == (DepositState.REFUND_DUE, 50000, 450000)
    with pytest.raises(ValidationError, match="partial_refund"):
        app.payments.refund(bond.receipt_number, clerk.actor, amount_fen=500000)
    refund = app.payments.refund(bond.receipt_number, clerk.actor)
    assert refund.amount_fen == 450000
    refunded = text_of(printer.documents[-1])
    assert "退款收据" in refunded and "肆仟伍佰元整" in refunded
    assert any(line.startswith("已扣款") and line.endswith("500.00") for line in refunded.splitlines())
    assert any(line.startswith("原收金额") and line.endswith("5,000.00") for line in refunded.splitlines())

    # The trail: the receipt, two notes, the refund, one series of numbers; every note reprints.
    final = app.deposits.deposit(bond.receipt_number)
    assert final.state is DepositState.REFUNDED and final.balance_fen == 0
    assert [d.note_number for d in final.deductions] == ["R000002", "R000003"]
    assert final.refund_receipt == refund.receipt_number == "R000004"
    assert app.payments.reprint("R000003", clerk.actor).printed and "副本 / COPY" in text_of(
        printer.documents[-1]
    )
    with pytest.raises(ValidationError, match="already_refunded"):
        app.deposits.deduct(bond.receipt_number, 100, "迟到的扣款", boss)
    steps = actions(app, "deposit.")
    assert [(a["action"], a.get("amount_fen")) for a in steps] == [
        ("deposit.linked", None),
        ("deposit.deducted", 30000),
        ("deposit.deducted", 20000),
    ]
    assert all("reason" not in a for a in steps)  # the reason may name someone: kept on the row

    # The cash: the bond went by bank card, the balance back the same way; nothing else moved.
    summary = app.payments.cash_summary(clerk.actor, clock.now() - timedelta(days=5))
    [line] = summary.lines
    assert (line.total_fen, line.refund_fen, line.net_fen) == (500000, 450000, 50000)
    assert [(m.method, m.net_fen) for m in summary.methods] == [(PaymentMethod.BANK_CARD, 50000)]
    assert app.payments.net_cash_since(clock.now() - timedelta(days=5)) == 0


def test_a_lost_pass_deposit_is_forfeited_on_a_supervisors_pin(
    app: KioskApp, people: dict[str, SignedIn], printer: FakePrinter, clock: FixedClock
) -> None:
    clerk, boss = people["clerk"], people["boss"]
    lend_pass(app, "P009")
    [item] = app.deposits.items(ReceiptPurpose.PASS_DEPOSIT)
    taken = app.deposits.take(ReceiptPurpose.PASS_DEPOSIT, item.item_id, "张三", 10000, clerk.actor)
    with pytest.raises(ValidationError, match="required"):
        app.deposits.forfeit(taken.receipt_number, "", "boss", PIN, clerk)
    with pytest.raises(ValidationError) as not_theirs:
        app.deposits.forfeit(taken.receipt_number, "访客证丢失", "engineer", PIN, clerk)
    assert (not_theirs.value.field, not_theirs.value.code) == ("signer", "not_allowed")
    with pytest.raises(ValidationError, match="same_person"):
        app.deposits.forfeit(taken.receipt_number, "访客证丢失", "boss", PIN, boss)
    kept = app.deposits.forfeit(taken.receipt_number, "访客证丢失，访客已离开", "boss", PIN, clerk)
    assert kept.deposit.state is DepositState.SETTLED and kept.deposit.balance_fen == 0
    [step] = kept.deposit.deductions
    assert (step.kind, step.amount_fen, step.approved_by_name) == (DeductionKind.FORFEIT, 10000, "钱主管")
    note = text_of(printer.documents[-1])
    assert "押金没收单" in note and "钱主管" in note and "押金余额为零" in note
    with pytest.raises(ValidationError, match="settled"):
        app.payments.refund(taken.receipt_number, clerk.actor)
    with pytest.raises(ValidationError, match="settled"):
        app.deposits.forfeit(taken.receipt_number, "again", "boss2", PIN, clerk)
    # Settled, so no longer listed open, and the pass may carry a new deposit once lent again.
    assert app.deposits.listing("open") == [] and [v.state for v in app.deposits.listing("all")] == [
        DepositState.SETTLED
    ]
    [view] = app.payments.taken_since(clock.now() - timedelta(hours=1))
    assert view.settled and not view.open_deposit
    assert app.deposits.items(ReceiptPurpose.PASS_DEPOSIT)[0].label == "P009"
    # Nothing moved: the forfeited cash stays in the drawer, as the handover counts it.
    assert app.payments.net_cash_since(clock.now() - timedelta(hours=1)) == 10000


def test_a_visitor_cards_deposit_is_due_once_the_card_is_collected_at_check_out(
    app: KioskApp, people: dict[str, SignedIn]
) -> None:
    clerk = people["clerk"].actor
    host = next(h.host_id for h in app.directory.search("李四") if h.name == "李四")
    pending = app.checkin.check_in(CheckInRequest("张三", host, declaration_accepted=True), app.actor)
    app.checkin.approve(pending.visit_id, clerk, Approver.DESK, "host phoned, agreed")
    assert app.deposits.items(ReceiptPurpose.CARD_DEPOSIT) == []  # no card yet
    with app.database.sessions.begin() as session:
        session.get_one(Visit, pending.visit_id).card_number = "V0012"
    [item] = app.deposits.items(ReceiptPurpose.CARD_DEPOSIT)
    assert (item.item_id, item.label, item.holder) == (pending.visit_id, "V0012", "张三")
    taken = app.deposits.take(ReceiptPurpose.CARD_DEPOSIT, item.item_id, "", 5000, clerk)
    assert app.deposits.due_for(DepositItem.VISITOR_CARD, ["V0012"]) == []
    app.lobby.check_out(pending.visit_id, clerk)
    [due] = app.deposits.due_for(DepositItem.VISITOR_CARD, ["v0012"])
    assert (due.receipt_number, due.payer, due.balance_fen) == (taken.receipt_number, "张三", 5000)


def test_an_item_back_or_unknown_takes_no_deposit_and_a_bond_needs_a_current_permit(
    app: KioskApp, people: dict[str, SignedIn], clock: FixedClock
) -> None:
    clerk = people["clerk"]
    lend_pass(app, "P002")
    [item] = app.deposits.items(ReceiptPurpose.PASS_DEPOSIT)
    app.machine_room_passes.return_passes(["P002"], clerk.actor)
    with pytest.raises(ValidationError) as back:
        app.deposits.take(ReceiptPurpose.PASS_DEPOSIT, item.item_id, "张三", 100, clerk.actor)
    assert (back.value.code, back.value.params["label"]) == ("back", "P002")
    with pytest.raises(ValidationError, match="unknown"):
        app.deposits.take(ReceiptPurpose.PASS_DEPOSIT, 99999, "张三", 100, clerk.actor)
    with pytest.raises(ValidationError, match="not_a_deposit"):
        app.deposits.take(ReceiptPurpose.FEE_ON_BEHALF, 1, "张三", 100, clerk.actor)
    # A material permit carries a bond, not a worker's pass deposit.
    permit_id = decoration_permit(app, clerk, kind=PermitKind.MATERIAL)
    assert app.deposits.items(ReceiptPurpose.DECORATION_PASS_DEPOSIT) == []
    with pytest.raises(ValidationError, match="unknown"):
        app.deposits.take(ReceiptPurpose.DECORATION_PASS_DEPOSIT, permit_id, "张三", 100, clerk.actor)
    app.permits.cancel(permit_id, clerk, "装修提前结束")
    with pytest.raises(ValidationError, match="back"):
        app.deposits.take(ReceiptPurpose.DECORATION_BOND, permit_id, "张三", 100, clerk.actor)


@pytest.mark.parametrize(
    ("refunded", "balance", "back", "state"),
    [
        (True, 0, True, DepositState.REFUNDED),
        (False, 0, False, DepositState.SETTLED),
        (False, 1, True, DepositState.REFUND_DUE),
        (False, 1, False, DepositState.HELD),
    ],
)
def test_state_of(refunded: bool, balance: int, back: bool, state: DepositState) -> None:
    assert state_of(refunded, balance, back) is state


def test_a_deduction_is_positive_and_within_the_balance() -> None:
    assert check_deduction(100, 100) == 100
    for amount in (0, -5, 101):
        with pytest.raises(ValidationError):
            check_deduction(amount, 100)
