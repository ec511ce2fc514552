"""Deposits tied to what they secure (#20 item 9): a machine-room pass lent to a visitor, a visitor
card on a visit, or a decoration permit; and the decoration bond (装修保证金) with deductions.

A deposit (a receipt of ``kiosk.services.payments``) may be linked to the item it covers when the
item is handed out. While the item is out the deposit is *held*; once the item is back (the pass
returned, the card collected at check-out, the permit past its last day or cancelled) the deposit
is *refund due*: the desk is prompted, and the clerk pays it out through the payments service with
its refund receipt. Nothing pays money out by itself.

Deductions (扣款) are recorded by finance, each with its amount and reason; the refund pays the
balance. A deposit whose item is lost or kept is forfeited (没收) with a reason and a supervisor's
PIN: the whole balance is kept. A deposit with no balance left is *settled*. Every deduction and
forfeit prints a numbered note (扣款单 / 押金没收单) from the receipt book's own counter, so the
trail of a deposit is receipts and notes in one series of numbers.

No cash moves on a deduction or a forfeit: the money taken stays in the drawer (or goes on to
finance) and only the refund pays out, so the cash summary and the handover's count add up as
before.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, datetime

from kiosk.domain.documents import PaymentMethod, ReceiptPurpose
from kiosk.domain.errors import ValidationError
from kiosk.domain.permits import PermitKind

REASON_MAX = 200
LABEL_MAX = 40


class DepositItem(enum.Enum):
    """What a deposit secures."""

    PASS = "pass"  # 机房访客证, lent on a pass loan
    VISITOR_CARD = "visitor_card"  # 临时访客卡, on a visit
    PERMIT = "permit"  # 装修出入证, or the decoration (its permit's days) a bond is held for


class DepositState(enum.Enum):
    HELD = "held"  # the item is out (or the deposit names no item)
    REFUND_DUE = "refund_due"  # the item is back: the desk refunds the balance
    REFUNDED = "refunded"
    SETTLED = "settled"  # forfeited, or deducted in full: nothing to pay back


class DeductionKind(enum.Enum):
    DEDUCTION = "deduction"  # 扣款, recorded by finance
    FORFEIT = "forfeit"  # 没收: the whole balance kept, approved by a supervisor's PIN


# The item each kind of deposit is taken against.
ITEM_FOR: dict[ReceiptPurpose, DepositItem] = {
    ReceiptPurpose.PASS_DEPOSIT: DepositItem.PASS,
    ReceiptPurpose.CARD_DEPOSIT: DepositItem.VISITOR_CARD,
    ReceiptPurpose.DECORATION_PASS_DEPOSIT: DepositItem.PERMIT,
    ReceiptPurpose.DECORATION_BOND: DepositItem.PERMIT,
}


# The permits each kind of deposit may be taken against: a worker's pass deposit on the worker's
# decoration permit; a bond on the decoration, by its workers' permit or its materials' permit.
PERMIT_KINDS: dict[ReceiptPurpose, tuple[PermitKind, ...]] = {
    ReceiptPurpose.DECORATION_PASS_DEPOSIT: (PermitKind.DECORATION,),
    ReceiptPurpose.DECORATION_BOND: (PermitKind.DECORATION, PermitKind.MATERIAL),
}


def purposes_for_permit(kind: PermitKind) -> tuple[ReceiptPurpose, ...]:
    """The deposits a permit of ``kind`` may carry (none for a newspaper or milk permit)."""
    return tuple(purpose for purpose, kinds in PERMIT_KINDS.items() if kind in kinds)


def item_for(purpose: ReceiptPurpose) -> DepositItem:
    item = ITEM_FOR.get(purpose)
    if item is None:
        raise ValidationError("purpose", "not_a_deposit")
    return item


def state_of(refunded: bool, balance_fen: int, item_back: bool) -> DepositState:
    """A deposit's state from its refund, its balance after deductions and its item."""
    if refunded:
        return DepositState.REFUNDED
    if balance_fen <= 0:
        return DepositState.SETTLED
    return DepositState.REFUND_DUE if item_back else DepositState.HELD


def check_deduction(amount_fen: int, balance_fen: int) -> int:
    """A deduction is positive whole fen and at most what is left of the deposit."""
    if amount_fen <= 0:
        raise ValidationError("amount", "not_positive")
    if amount_fen > balance_fen:
        raise ValidationError("amount", "more_than_balance", balance=balance_fen)
    return amount_fen


@dataclass(frozen=True)
class DepositItemView:
    """An item out that a deposit may be taken against (the payments page's chooser)."""

    item: DepositItem
    item_id: int
    label: str  # the pass, card or permit number, as the receipt names it
    holder: str  # the visitor or the permit's holder: who usually pays
    detail: str = ""  # the company, or the permit's unit
    until: date | None = None  # a permit's last day


@dataclass(frozen=True)
class DeductionView:
    """One step of a deposit's trail after it was taken: a deduction or the forfeit."""

    note_number: str
    kind: DeductionKind
    amount_fen: int
    reason: str
    recorded_by_name: str
    recorded_at: datetime
    approved_by_name: str = ""


@dataclass(frozen=True)
class DepositView:
    """A deposit, what it secures and its trail, as the desk lists it."""

    payment_id: int
    receipt_number: str
    purpose: ReceiptPurpose
    method: PaymentMethod
    amount_fen: int
    payer: str
    reference: str
    clerk_name: str
    taken_at: datetime
    state: DepositState
    item: DepositItem | None = None
    item_label: str = ""
    item_back_at: datetime | None = None  # when the item came back (None: out, or not known)
    deductions: tuple[DeductionView, ...] = ()
    refund_receipt: str | None = None
    refunded_fen: int = 0
    refunded_at: datetime | None = None

    @property
    def deducted_fen(self) -> int:
        return sum(d.amount_fen for d in self.deductions)

    @property
    def balance_fen(self) -> int:
        return self.amount_fen - self.deducted_fen - self.refunded_fen


@dataclass(frozen=True)
class DepositNote:
    """扣款单 / 押金没收单: a deduction from a deposit, or its forfeit, on paper with its number."""

    note_number: str
    issued_at: datetime
    site_name: str
    kind: DeductionKind
    receipt_number: str  # the deposit's own receipt
    purpose: ReceiptPurpose
    payer: str
    item_label: str
    deposit_fen: int
    amount_fen: int  # deducted (or kept) by this note
    balance_fen: int  # what is left after it
    reason: str
    recorded_by: str
    approved_by: str = ""


@dataclass(frozen=True)
class DepositNoteResult:
    """A deduction or forfeit as recorded, and where its note printed."""

    deposit: DepositView
    note_number: str
    printed: bool
    printer: str | None
    error: str | None = None
    job_id: int | None = None
