"""Complaints and suggestions (投诉 / 建议) at the customer-service desk: the register's words,
its rules and the views both sides exchange.

Seed 004 (客户服务中心): the desk records complaints and suggestions in detail and passes them to
the shift leader or manager (详细记录报修、投诉和建议，及时报领班或经理处理); each is followed up,
called back and recorded (跟踪、回访和记录); serious complaints (重大投诉) reach the manager at once.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from datetime import date, datetime

from kiosk.domain.errors import ValidationError
from kiosk.domain.text import sanitize_text

NAME_MAX_CHARS = 60
UNIT_MAX_CHARS = 40
CONTACT_MAX_CHARS = 60
TEXT_MAX_CHARS = 2000
RESPONSIBLE_MAX_CHARS = 60
STEP_MAX_CHARS = 500
RESULT_MAX_CHARS = 500
# A due date further out than this is a typing mistake (a year typed wrong), not a plan.
DUE_MAX_DAYS = 366
# Digits a phone number has at least (a local landline) and at most (international, extension).
PHONE_MIN_DIGITS = 7
PHONE_MAX_DIGITS = 20


class ComplaintKind(enum.Enum):
    COMPLAINT = "complaint"  # 投诉
    SUGGESTION = "suggestion"  # 建议


class ComplaintSource(enum.Enum):
    """How it reached the desk (seed 002 第六条: 电话、在线客服或现场接待; seed 004: 来函投诉)."""

    VISIT = "visit"  # 来访
    PHONE = "phone"  # 来电
    LETTER = "letter"  # 来函
    EMAIL = "email"  # 邮件


class ComplaintSubject(enum.Enum):
    """The register's subjects: what the desk's monthly figures count complaints by."""

    CLEANING = "cleaning"  # 清洁卫生
    SECURITY = "security"  # 安全秩序
    REPAIRS = "repairs"  # 维修
    PARKING = "parking"  # 停车
    NOISE = "noise"  # 噪音
    STAFF_ATTITUDE = "staff_attitude"  # 服务态度
    FEES = "fees"  # 收费
    DECORATION = "decoration"  # 装修
    OTHER = "other"  # 其他


class ComplaintStatus(enum.Enum):
    OPEN = "open"
    CLOSED = "closed"


class Satisfaction(enum.Enum):
    """What the person said at the callback (回访)."""

    SATISFIED = "satisfied"  # 满意
    FAIRLY = "fairly"  # 基本满意
    DISSATISFIED = "dissatisfied"  # 不满意


class StepKind(enum.Enum):
    """A line of the follow-up timeline, each dated and signed."""

    RECORDED = "recorded"  # 登记
    STEP = "step"  # 跟进
    ASSIGNED = "assigned"  # 转交 / 改期
    SERIOUS = "serious"  # 定为重大投诉
    CALLBACK = "callback"  # 回访
    CLOSED = "closed"  # 结案


class ListState(enum.Enum):
    """Which part of the register the desk lists."""

    OPEN = "open"  # not closed, overdue ones included
    OVERDUE = "overdue"  # not closed, past the due date
    CLOSED = "closed"
    ALL = "all"


def complaint_number(value: int) -> str:
    """``C`` and six digits, from one database counter: complaints and suggestions share the book."""
    if value < 1:
        raise ValueError(f"complaint counter must be positive, got {value}")
    return f"C{value:06d}"


_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
_PHONE = re.compile(r"^\+?\(?[0-9][0-9 ()\-]*(?:(?:转|ext\.?|x)\s*[0-9]{1,6})?$", re.IGNORECASE)


def validate_contact(raw: str) -> str:
    """How to reach the person: a phone number (a landline with its area code and extension,
    ``0755-8888 1234 转 801``, or a mobile) or an e-mail address. Empty is allowed: an
    anonymous letter leaves none (and then nobody can be called back).

    Codes: ``too_long`` (``max``), ``format`` (neither a phone number nor an e-mail address).
    """
    text = sanitize_text(raw)
    if len(text) > CONTACT_MAX_CHARS:
        raise ValidationError("contact", "too_long", max=CONTACT_MAX_CHARS)
    if not text:
        return ""
    if "@" in text:
        if not text.isascii() or not _EMAIL.match(text):
            raise ValidationError("contact", "format")
        return text.lower()
    # Full-width digits and dashes typed on a Chinese keyboard read as the plain ones.
    plain = text.translate(_FULL_WIDTH)
    if not plain.replace("转", "").isascii() or not _PHONE.match(plain):
        raise ValidationError("contact", "format")
    digits = sum(ch.isdigit() for ch in plain)
    if not PHONE_MIN_DIGITS <= digits <= PHONE_MAX_DIGITS:
        raise ValidationError("contact", "format")
    return re.sub(r"\s+", " ", plain).strip()


_FULL_WIDTH = str.maketrans(
    {**{chr(0xFF10 + n): str(n) for n in range(10)}, "－": "-", "（": "(", "）": ")", "＋": "+"}
)


def validate_due(due_on: date, recorded_on: date) -> date:
    """A due date on or after the day it is set, within a year."""
    if due_on < recorded_on:
        raise ValidationError("due_on", "in_the_past")
    if (due_on - recorded_on).days > DUE_MAX_DAYS:
        raise ValidationError("due_on", "too_far", max=DUE_MAX_DAYS)
    return due_on


def is_overdue(status: ComplaintStatus, due_on: date, today: date) -> bool:
    """Past its due date and not closed: red on the desk's page, counted on the board."""
    return status is ComplaintStatus.OPEN and today > due_on


def needs_callback(kind: ComplaintKind, contact: str) -> bool:
    """A complaint is closed only after the person was called back (seed 002: 处理完毕后，对客户
    进行回访，了解满意度), unless they left no way to reach them. A suggestion is thanked, not
    called back before closing (a callback may still be recorded)."""
    return kind is ComplaintKind.COMPLAINT and bool(contact)


@dataclass(frozen=True)
class NewComplaint:
    """What the desk's form sends to record one."""

    kind: ComplaintKind
    source: ComplaintSource
    subject: ComplaintSubject
    complainant: str
    text: str
    responsible: str
    due_on: date
    unit: str = ""
    contact: str = ""
    serious: bool = False


@dataclass(frozen=True)
class ComplaintStepView:
    kind: StepKind
    text: str
    done_by: str  # ``staff:username``
    done_by_name: str
    done_at: datetime
    satisfaction: Satisfaction | None = None  # a callback's


@dataclass(frozen=True)
class ComplaintView:
    """A line of the register; ``overdue`` as the server's clock and the site's day see it."""

    complaint_id: int
    number: str
    kind: ComplaintKind
    source: ComplaintSource
    subject: ComplaintSubject
    complainant: str
    unit: str
    contact: str
    text: str
    responsible: str
    due_on: date
    serious: bool
    status: ComplaintStatus
    overdue: bool
    recorded_by_name: str
    recorded_at: datetime
    satisfaction: Satisfaction | None = None
    called_back_at: datetime | None = None
    result: str = ""
    closed_by_name: str = ""
    closed_at: datetime | None = None


@dataclass(frozen=True)
class ComplaintDetail:
    complaint: ComplaintView
    steps: tuple[ComplaintStepView, ...]
    # Whether a callback must come before it can be closed (needs_callback, not done yet).
    callback_due: bool


@dataclass(frozen=True)
class ComplaintCounts:
    """What the lobby board says of the register: counts only, no names (the board is seen by
    roles that may not read complaints)."""

    open: int
    overdue: int
    serious_open: int
