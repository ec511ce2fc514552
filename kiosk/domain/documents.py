"""What the desk's paper documents say, independent of paper width and printer.

Text fields hold what people typed (the layout sanitises them again before printing). ID numbers
appear only masked.
"""

from __future__ import annotations

import enum
from collections import Counter
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
    # Outstanding management fees to remind the holder of (owners may still take goods out).
    arrears_months: int = 0
    arrears_fen: int = 0
    # Owners more than 3 months behind, or no fee record: the supervisor who approved the slip.
    override_by: str = ""
    # False: the unit has no fee record; the slip says so instead of implying "paid up".
    fees_known: bool = True


class ReceiptPurpose(enum.Enum):
    CARD_DEPOSIT = "card_deposit"  # 卡押金
    PASS_DEPOSIT = "pass_deposit"  # 机房访客证押金
    DECORATION_PASS_DEPOSIT = "decoration_pass_deposit"  # 装修出入证押金
    FEE_ON_BEHALF = "fee_on_behalf"  # 代收费用 (finance absent)
    DECORATION_BOND = "decoration_bond"  # 装修保证金: held for the decoration, deductions by finance


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
    # A refund of a deposit finance deducted from: what was deducted (the original was
    # ``amount_fen + deducted_fen``), printed above the balance paid out.
    deducted_fen: int = 0


@dataclass(frozen=True)
class PassReconciliation:
    """The working day's 09:00 sheet: machine-room visitor passes issued vs returned for a period."""

    period_start: date
    period_end: date
    issued: tuple[str, ...]
    returned: tuple[str, ...]
    site_name: str
    printed_at: datetime
    # The machine-room duty guard's own count of passes issued (None: not counted yet).
    counted: int | None = None
    # Who signed with their PIN; the paper keeps lines for the pen as well.
    desk_signed_by: str = ""
    guard_signed_by: str = ""
    # A signature given after the sheet's own working day (补签) and why it came late.
    desk_late_reason: str = ""
    guard_late_reason: str = ""

    # A pass can go out twice in one period, so numbers are compared as multisets.
    @property
    def not_returned(self) -> tuple[str, ...]:
        return _minus(self.issued, self.returned)

    @property
    def returned_not_issued(self) -> tuple[str, ...]:
        return _minus(self.returned, self.issued)

    @property
    def count_mismatch(self) -> bool:
        return self.counted is not None and self.counted != len(self.issued)

    @property
    def balanced(self) -> bool:
        return not self.not_returned and not self.returned_not_issued and not self.count_mismatch


def _minus(these: tuple[str, ...], those: tuple[str, ...]) -> tuple[str, ...]:
    """``these`` without one occurrence of each of ``those``, in ``these``' order."""
    left = Counter(those)
    out = []
    for item in these:
        if left[item]:
            left[item] -= 1
        else:
            out.append(item)
    return tuple(out)


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
    """Everyone on site at ``as_of`` (紧急疏散名单). ``from_snapshot``: the server could not reach
    its database and the list is its last saved copy. ``station_copy``: the station could not
    reach the server and the list is the last one it fetched, kept in its own data folder."""

    site_name: str
    as_of: datetime
    printed_at: datetime
    people: tuple[EvacuationEntry, ...]
    from_snapshot: bool = False
    station_copy: bool = False


@dataclass(frozen=True)
class InvitationSlip:
    """访客预约凭证: handed or sent to an invitee; the kiosk reads its QR or the typed code."""

    site_name: str
    visitor_name: str
    company: str
    host_name: str
    valid_from: datetime
    valid_until: datetime
    code: str
    qr: str
    group_unit: str = ""  # the visiting unit of a group (会务贵宾), empty for a single visitor


@dataclass(frozen=True)
class CashSummaryLine:
    """One kind of payment in a clerk's shift: taken, refunded, and what stays with the desk."""

    purpose: ReceiptPurpose
    count: int
    total_fen: int
    refund_count: int = 0
    refund_fen: int = 0

    @property
    def net_fen(self) -> int:
        return self.total_fen - self.refund_fen


@dataclass(frozen=True)
class MethodTotal:
    """Net money per payment method: the cash line is what the drawer should hold more."""

    method: PaymentMethod
    net_fen: int


@dataclass(frozen=True)
class CashSummary:
    """交班收款汇总: a clerk's receipts and refunds for a shift, by kind and by method."""

    site_name: str
    clerk: str
    period_start: datetime
    period_end: datetime
    printed_at: datetime
    lines: tuple[CashSummaryLine, ...]
    methods: tuple[MethodTotal, ...]
    first_receipt: str = ""
    last_receipt: str = ""

    @property
    def receipt_count(self) -> int:
        return sum(line.count + line.refund_count for line in self.lines)

    @property
    def net_fen(self) -> int:
        return sum(line.net_fen for line in self.lines)
