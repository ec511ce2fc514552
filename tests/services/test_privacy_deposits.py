"""Deposits tied to items, the decoration bond and finance's deductions under PIPL (#20 item 9):
a forfeited deposit is settled (nothing owed: it may be erased), a deposit with a balance left is
open; an erasure and the purge blank a deduction's reason (it may name the payer or a worker) and
its printed note with the receipt's payer; an open bond keeps its payer however old."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from kiosk.app import KioskApp
from kiosk.domain.documents import ReceiptPurpose
from kiosk.domain.permits import PermitKind, PermitRoute
from kiosk.domain.staff import Role
from kiosk.services.audit import Actor
from kiosk.services.permits import PermitDraft
from kiosk.services.privacy import PrivacyError, PrivacyService, Query
from kiosk.services.retention import PURGED
from kiosk.services.staff import SignedIn
from kiosk.storage.models import DepositDeduction, Payment, PrintJob
from tests.conftest import FixedClock

ADMIN = Actor("staff", "admin")
CLI = Actor("cli", "operator")
PIN = "135790"
PAYER = "欧阳建国"
REASON = "欧阳建国的工人划伤电梯轿厢"  # a reason that names the payer


@pytest.fixture
def staff(app: KioskApp) -> dict[str, SignedIn]:
    for username, role in (
        ("boss", Role.SUPERVISOR),
        ("boss2", Role.SUPERVISOR),
        ("clerk", Role.RECEPTIONIST),
    ):
        app.staff.add(username, username.title(), role, PIN, ADMIN)
    return {u: app.staff.sign_in(u, PIN) for u in ("boss", "boss2", "clerk")}


def bond(app: KioskApp, who: SignedIn, amount_fen: int = 500000) -> str:
    """A decoration bond on a material permit, taken from the payer."""
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
    permit_id = app.permits.issue(draft, who).permit.permit_id
    return app.deposits.take(
        ReceiptPurpose.DECORATION_BOND, permit_id, PAYER, amount_fen, who.actor
    ).receipt_number


def test_a_forfeited_deposit_is_settled_and_erased_with_its_deductions_reason_and_note(
    app: KioskApp, staff: dict[str, SignedIn]
) -> None:
    privacy = PrivacyService(app.database.sessions, app.clock, app.site.timezone)
    boss = staff["boss"]
    kept = bond(app, boss)
    app.deposits.deduct(kept, 20000, REASON, boss)
    # A balance is left: the bond is open (money owed to the payer), erasing it is refused.
    [found] = privacy.find(Query(PAYER))
    assert found.open == f"receipt {kept} is a deposit not yet refunded; refund it first"
    with pytest.raises(PrivacyError, match="not yet refunded"):
        privacy.erase([found.ref], CLI)
    # The rest kept too (the materials' damage): forfeited, settled, nothing is owed any more.
    app.deposits.forfeit(kept, "装修违规，保证金不退", "boss2", PIN, staff["clerk"])
    [found] = privacy.find(Query(PAYER))
    assert found.open == ""
    exported: list[bytes] = []
    privacy.export([found.ref], CLI, exported.append)
    [record] = json.loads(b"".join(exported))["records"]
    assert record["secures"] == "CL000001"
    assert [(d["kind"], d["amount (yuan)"], d["reason"]) for d in record["deductions"]] == [
        ("deduction", "200.00", REASON),
        ("forfeit", "4800.00", "装修违规，保证金不退"),
    ]
    erased = {c.kind: c.rows for c in privacy.erase([found.ref], CLI).counts}
    assert (erased["payments"], erased["deposit_deductions"]) == (1, 2)
    with app.database.sessions() as session:
        payment = session.scalars(select(Payment).where(Payment.receipt_number == kept)).one()
        steps = session.scalars(select(DepositDeduction).order_by(DepositDeduction.id)).all()
        notes = session.scalars(select(PrintJob).where(PrintJob.document == "deposit-note")).all()
    assert payment.payer == PURGED
    # The books stay: the note numbers, amounts and who approved; the reasons go.
    assert [(s.reason, s.amount_fen, bool(s.note_number)) for s in steps] == [
        ("", 20000, True),
        ("", 480000, True),
    ]
    assert steps[1].approved_by_name == "Boss2"
    assert len(notes) == 2 and all(n.data == "" for n in notes)


def test_the_purge_keeps_an_open_bonds_payer_and_takes_a_refunded_ones_deduction_reason(
    app: KioskApp, staff: dict[str, SignedIn], clock: FixedClock
) -> None:
    boss = staff["boss"]
    refunded = bond(app, boss)
    app.deposits.deduct(refunded, 30000, REASON, boss)
    app.payments.refund(refunded, boss.actor)
    still_held = bond(app, boss, 300000)
    clock.advance(days=app.retention.policy.payments_days + 1)
    counts = {c.kind: c.rows for c in app.retention.purge(CLI).counts}
    assert counts["deposit_deductions"] == 1
    with app.database.sessions() as session:
        payers = {
            number: payer for number, payer in session.execute(select(Payment.receipt_number, Payment.payer))
        }
        [step] = session.scalars(select(DepositDeduction)).all()
    # The bond not yet refunded is money owed: its payer stays, however old.
    assert payers[still_held] == PAYER
    assert payers[refunded] == PURGED and step.reason == "" and step.amount_fen == 30000
    assert app.retention.purge(CLI).total == 0
