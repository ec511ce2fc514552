"""Deposits, fees and refunds at the desk over the API."""

from __future__ import annotations

from pydantic import BaseModel, Field

from kiosk.domain.documents import PaymentMethod, ReceiptPurpose

# Generous for anything a person types; the services apply the real limits with their messages.
TEXT = 500
SHORT = 80
# Past any receipt (the service's own limit is far lower and says so in the clerk's words).
AMOUNT_BOUND = 10**18


class DepositRequest(BaseModel):
    purpose: ReceiptPurpose
    payer: str = Field(max_length=SHORT)
    reference: str = Field(max_length=SHORT)
    amount_fen: int = Field(ge=-AMOUNT_BOUND, le=AMOUNT_BOUND)
    method: PaymentMethod = PaymentMethod.CASH
    note: str = Field(default="", max_length=TEXT)
    language: str = Field(default="zh_CN", max_length=10)


class FeeRequest(BaseModel):
    """A fee collected on behalf of finance (代收费用)."""

    payer: str = Field(max_length=SHORT)
    amount_fen: int = Field(ge=-AMOUNT_BOUND, le=AMOUNT_BOUND)
    item: str = Field(max_length=TEXT)
    unit: str = Field(default="", max_length=SHORT)
    method: PaymentMethod = PaymentMethod.CASH
    language: str = Field(default="zh_CN", max_length=10)


class RefundRequest(BaseModel):
    """The card or pass came back: its receipt number, or the card or pass number."""

    receipt_or_reference: str = Field(max_length=SHORT)
    language: str = Field(default="zh_CN", max_length=10)


class PrintLanguage(BaseModel):
    language: str = Field(default="zh_CN", max_length=10)
