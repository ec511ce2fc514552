"""Release slips over the API: what the office sends to issue one, and what the guard sends."""

from __future__ import annotations

from pydantic import BaseModel, Field

from kiosk.domain.documents import PartyKind, PaymentMethod

# Generous for anything a person types; the services apply the real limits with their messages.
TEXT = 500
SHORT = 80
# More lines than fit on a slip (the service says how many do, in the clerk's words).
ITEM_LINES = 100


class UnitQuery(BaseModel):
    unit: str = Field(max_length=SHORT)


class OwnerCallRequest(BaseModel):
    """The call to the owner before a tenant's slip, and what the owner said."""

    unit: str = Field(max_length=SHORT)
    tenant_name: str = Field(max_length=SHORT)
    owner_name: str = Field(max_length=SHORT)
    owner_knows: bool
    rent_owed: bool
    owner_items: bool
    consent: bool
    note: str = Field(default="", max_length=TEXT)


class ArrearsApproval(BaseModel):
    """A supervisor's PIN and reason, typed at the office's console."""

    supervisor: str = Field(max_length=SHORT)
    pin: str = Field(max_length=200)
    reason: str = Field(max_length=TEXT)


class SlipLine(BaseModel):
    name: str = Field(max_length=TEXT)
    quantity: int = Field(ge=-1_000_000, le=1_000_000)


class SlipIssue(BaseModel):
    unit: str = Field(max_length=SHORT)
    holder_name: str = Field(max_length=SHORT)
    party_kind: PartyKind
    id_type: str = Field(max_length=40)
    id_number: str = Field(max_length=60)
    items: list[SlipLine] = Field(max_length=ITEM_LINES)
    signed_name: str = Field(max_length=SHORT)
    signature_confirmed: bool
    owner_call_id: int | None = None
    override: ArrearsApproval | None = None
    language: str = Field(default="zh_CN", max_length=10)


class ArrearsPayment(BaseModel):
    """A payer's outstanding management fees, taken at the desk."""

    unit: str = Field(max_length=SHORT)
    payer_name: str = Field(max_length=SHORT)
    party_kind: PartyKind
    method: PaymentMethod = PaymentMethod.CASH
    language: str = Field(default="zh_CN", max_length=10)


class SlipCode(BaseModel):
    """What the guard's scanner read (the QR), or what the guard typed (the code under it)."""

    code: str = Field(max_length=200)


class MismatchNote(BaseModel):
    note: str = Field(default="", max_length=TEXT)
