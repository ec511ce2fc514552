"""What the desk's paper documents say, independent of paper width and printer.

Text fields hold what people typed (the layout sanitises them again before printing). ID numbers
appear only masked.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, datetime


class PartyKind(enum.Enum):
    OWNER = "owner"  # 业主
    TENANT = "tenant"  # 租户


@dataclass(frozen=True)
class SlipItem:
    name: str
    quantity: int


@dataclass(frozen=True)
class ReleaseSlip:
    """物品放行条: goods that may leave the lobby; the guard copy is torn off at the cut."""

    slip_number: str
    slip_code: str  # what the QR carries for the guard's scanner
    issued_at: datetime
    party_kind: PartyKind
    unit: str
    holder_name: str
    id_masked: str
    items: tuple[SlipItem, ...]
    confirmed_by: str  # tenants: the owner's consent (who, how, when); owners: their signature
    clerk: str
    site_name: str


class ReceiptPurpose(enum.Enum):
    CARD_DEPOSIT = "card_deposit"  # 卡押金
    PASS_DEPOSIT = "pass_deposit"  # 机房访客证押金
    DECORATION_PASS_DEPOSIT = "decoration_pass_deposit"  # 装修出入证押金
    FEE_ON_BEHALF = "fee_on_behalf"  # 代收费用 (finance absent)


class PaymentMethod(enum.Enum):
    CASH = "cash"
    WECHAT = "wechat"
    ALIPAY = "alipay"
    BANK_CARD = "bank_card"


@dataclass(frozen=True)
class Receipt:
    """收据: a numbered receipt; a refund references the original receipt's number."""

    receipt_number: str
    issued_at: datetime
    payer: str
    purpose: ReceiptPurpose
    amount_fen: int
    method: PaymentMethod
    clerk: str
    site_name: str
    note: str = ""
    refund_of: str | None = None


@dataclass(frozen=True)
class PassReconciliation:
    """The weekday 09:00 sheet: machine-room visitor passes issued vs returned for a period."""

    period_start: date
    period_end: date
    issued: tuple[str, ...]
    returned: tuple[str, ...]
    site_name: str
    printed_at: datetime

    @property
    def not_returned(self) -> tuple[str, ...]:
        back = set(self.returned)
        return tuple(p for p in self.issued if p not in back)

    @property
    def returned_not_issued(self) -> tuple[str, ...]:
        out = set(self.issued)
        return tuple(p for p in self.returned if p not in out)

    @property
    def balanced(self) -> bool:
        return not self.not_returned and not self.returned_not_issued


@dataclass(frozen=True)
class CardIssueConfirmation:
    """IDC身份校验卡 issue confirmation, handed to the customer and kept by the desk."""

    card_number: str
    holder_name: str
    holder_id_masked: str
    company: str
    valid_from: date
    valid_until: date
    areas: str  # machine rooms / cages the card opens
    clerk: str
    issued_at: datetime
    site_name: str


@dataclass(frozen=True)
class EvacuationEntry:
    """One person on site, as the roll call at the assembly point needs them."""

    visitor_name: str
    company: str
    host: str
    time_in: datetime
    badge_or_card: str


@dataclass(frozen=True)
class EvacuationList:
    """Everyone on site at ``as_of`` (紧急疏散名单). ``from_snapshot``: the database could not be
    reached and the list is the desk's last local copy."""

    site_name: str
    as_of: datetime
    printed_at: datetime
    people: tuple[EvacuationEntry, ...]
    from_snapshot: bool = False
