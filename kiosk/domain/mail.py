"""Registered mail and parcels at the desk (挂号邮件收发登记簿; 包裹单、汇兑单 the same way), seed
004 §报刊函件管理程序: the kinds, the item number and its label's code, the returns register
(退件登记簿), damage on arrival (邮件破损登记簿) and the people who moved out (one month of free
forwarding, their mail on a separate shelf, told once a week to collect).

The label's QR carries ``LKM:YJ000001``, the item number only, unsigned: it grants nothing. A
scan brings the item up at the desk, where the signed-in clerk hands it out against ID.

The trail of an item answers a loss report: each step with who did it and, where someone signed
(the clerk who signed for it from the post office, the shift leader on a damage record, the
person who collected it, the clerk who posted it back or on), their name; the last of those is
responsible (由最后签名人员负责).
"""

from __future__ import annotations

import calendar
import enum
import re
from dataclasses import dataclass, field
from datetime import date, datetime

from kiosk.domain.codes import compact_code, prefixed_code, read_prefixed_code
from kiosk.domain.errors import ValidationError
from kiosk.domain.identity import ID_TYPES

NUMBER_PREFIX = "YJ"  # 邮件
RETURN_PREFIX = "TJ"  # 退件
LABEL_PREFIX = "LKM"
_NUMBER = re.compile(r"^YJ[0-9]{6,12}$", re.ASCII)
CARRIER_MAX = 40
TRACKING_MAX = 40
ADDRESSEE_MAX = 60
COMPANY_MAX = 80
SHELF_MAX = 20
NOTE_MAX = 200
ADDRESS_MAX = 200
# The seed's "once a week" (每星期一次通知用户领取).
REMIND_EVERY_DAYS = 7
# What the "received damaged" seal (本部专用的"此邮件收到时已破损"封条) says.
DAMAGED_SEAL = "此邮件收到时已破损 / Received damaged"
# The shelf a moved-out person's mail goes to (独立的专用柜) unless the desk names another.
MOVED_OUT_SHELF = "迁出专柜"
BOARD_MAIL = 50


class MailKind(enum.Enum):
    REGISTERED = "registered"  # 挂号信
    PARCEL = "parcel"  # 包裹
    PARCEL_SLIP = "parcel_slip"  # 包裹单 (the post office's slip to collect a parcel there)
    MONEY_ORDER = "money_order"  # 汇兑单


class MailStatus(enum.Enum):
    WAITING = "waiting"  # at the desk, on its shelf
    HANDED_OUT = "handed_out"  # signed for by the addressee or someone for them
    FORWARDED = "forwarded"  # posted on to a moved-out person (平邮转投)
    RETURNED = "returned"  # back to the post office, a supervisor approved (退件)


class MailEventKind(enum.Enum):
    RECEIVED = "received"  # signed for from the carrier
    NOTIFIED = "notified"  # the addressee was told (e-mail, phone, in person)
    SHELVED = "shelved"
    DAMAGED = "damaged"  # the shift leader signed the damage record
    HANDED_OUT = "handed_out"
    FORWARDED = "forwarded"
    RETURNED = "returned"


class Collector(enum.Enum):
    """Who signs for an item at the desk: a person showing ID (typed name and a tick), or a member
    of staff with their own PIN."""

    PERSON = "person"
    STAFF = "staff"


@dataclass(frozen=True)
class MailSettings:
    """How long an item waits before the board lists it as unclaimed: the desk then asks a
    supervisor to approve its return to the post office."""

    unclaimed_days: int = 15


def mail_number(value: int) -> str:
    return f"{NUMBER_PREFIX}{value:06d}"


def return_number(value: int) -> str:
    return f"{RETURN_PREFIX}{value:06d}"


def label_code(number: str) -> str:
    """What the label's QR carries."""
    return prefixed_code(number, LABEL_PREFIX, _NUMBER)


def read_mail_code(text: str) -> str | None:
    """The item number in a scanned label (``LKM:YJ000001``) or a typed number (``yj000001``,
    full-width, spaces anywhere); None for anything else (a work order's, a badge's code)."""
    return read_prefixed_code(text, LABEL_PREFIX, _NUMBER)


def clean_tracking(raw: str) -> str:
    """A carrier's tracking number as typed or scanned: letters and digits (and dashes), spaces
    dropped, upper case (``ea 123 456 789 cn`` -> ``EA123456789CN``)."""
    text = compact_code(raw)
    if not text:
        raise ValidationError("tracking_number", "required")
    if len(text) > TRACKING_MAX:
        raise ValidationError("tracking_number", "too_long", max=TRACKING_MAX)
    if not re.fullmatch(r"[0-9A-Z-]+", text, re.ASCII):
        raise ValidationError("tracking_number", "characters")
    return text


def check_id_type(id_type: str) -> str:
    if id_type not in ID_TYPES:
        raise ValidationError("id_type", "unknown")
    return id_type


def forward_until(moved_out_on: date) -> date:
    """The last day of the free forwarding (一个月的平邮转投): the same day a calendar month on
    (31 January: the last day of February)."""
    year, month = (
        (moved_out_on.year + 1, 1)
        if moved_out_on.month == 12
        else (moved_out_on.year, moved_out_on.month + 1)
    )
    return date(year, month, min(moved_out_on.day, calendar.monthrange(year, month)[1]))


def reminder_due(last_told: datetime | None, now: datetime) -> bool:
    """Whether a moved-out person with mail waiting is to be told (again): never told yet (at
    once: they do not know it is here), or told a week ago or more."""
    return last_told is None or (now - last_told).days >= REMIND_EVERY_DAYS


@dataclass(frozen=True)
class MailLabel:
    """The label stuck on the item at arrival: its number as a QR, who it is for and where it is
    kept. Text fields hold what was typed (the layout sanitises them again)."""

    site_name: str
    number: str
    code: str  # label_code(number)
    kind: MailKind
    carrier: str
    tracking_number: str
    addressee: str
    unit: str
    company: str
    received_at: datetime  # in the site's zone, as printed
    shelf: str
    moved_out: bool
    damage: str  # "" not damaged
    clerk: str


@dataclass(frozen=True)
class MailWaiting:
    """An item waiting at the desk, on the board (the oldest first)."""

    item_id: int
    number: str
    kind: MailKind
    addressee: str
    unit: str
    received_at: datetime
    shelf: str
    damaged: bool
    moved_out: bool
    unclaimed: bool  # waiting longer than the site's hold: to be returned with approval


@dataclass(frozen=True)
class MovedOutReminder:
    """The weekly reminder: tell this person to collect what waits on the moved-out shelf."""

    moved_out_id: int
    name: str
    unit: str
    phone: str  # masked (139****5678): the board is in view; the mail page has the number
    waiting: int
    last_told_at: datetime | None


@dataclass(frozen=True)
class MailOnBoard:
    """The board's mail section (for roles that handle mail): what waits, how much of it is
    unclaimed past the hold, and who moved out and is to be told this week."""

    waiting: int = 0
    unclaimed: int = 0
    items: list[MailWaiting] = field(default_factory=list)
    reminders: list[MovedOutReminder] = field(default_factory=list)
