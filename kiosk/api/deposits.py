"""Deposits tied to what they secure over the API: taking one against an item out, finance's
deductions and a supervisor's forfeit (their PIN in the body, checked by the server)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from kiosk.api.payments import AMOUNT_BOUND, SHORT, TEXT
from kiosk.api.schemas import RowId
from kiosk.domain.documents import PaymentMethod, ReceiptPurpose

Which = Literal["open", "due", "all"]


class DepositTake(BaseModel):
    """A deposit for the item ``item_id`` of the kind the purpose takes (a pass of a loan, a
    visit's card, a permit), as it is handed out; ``payer`` empty: the item's holder."""

    purpose: ReceiptPurpose
    item_id: RowId
    payer: str = Field(default="", max_length=SHORT)
    amount_fen: int = Field(ge=-AMOUNT_BOUND, le=AMOUNT_BOUND)
    method: PaymentMethod = PaymentMethod.CASH
    note: str = Field(default="", max_length=TEXT)
    language: str = Field(default="zh_CN", max_length=10)


class DeductionRequest(BaseModel):
    """Finance's deduction from a deposit, with its reason."""

    amount_fen: int = Field(ge=-AMOUNT_BOUND, le=AMOUNT_BOUND)
    reason: str = Field(max_length=TEXT)
    language: str = Field(default="zh_CN", max_length=10)


class ForfeitRequest(BaseModel):
    """The item lost or kept: the reason, and the approving supervisor's username and PIN."""

    reason: str = Field(max_length=TEXT)
    supervisor: str = Field(max_length=SHORT)
    secret: str = Field(max_length=SHORT)
    language: str = Field(default="zh_CN", max_length=10)
