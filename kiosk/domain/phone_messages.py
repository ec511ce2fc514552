"""Phone messages (电话记录 / 代客留言): the switchboard form's fields, its rules, and the views.

A message is for someone who was not there: a person in the staff directory, a unit and its
resident, or a name typed as heard ("工程部", "Mr Li"). It comes from a caller at the switchboard,
a visitor at the counter, or a declined visitor at the kiosk, and all three wait in one inbox
until the desk passes it on (by phone, in person, or a note) and stamps it.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from datetime import datetime

from kiosk.domain.errors import ValidationError
from kiosk.domain.text import sanitize_text, with_aside

# The form's limits (the storage columns' widths).
CALLER_NAME_MAX_CHARS = 60
COMPANY_MAX_CHARS = 80
PHONE_MAX_CHARS = 30
EXTENSION_MAX_CHARS = 10
CITY_MAX_CHARS = 40
TEXT_MAX_CHARS = 500
RECIPIENT_NAME_MAX_CHARS = 60
UNIT_MAX_CHARS = 20
NOTE_MAX_CHARS = 200
# A phone number has at least this many digits (a short internal number) and at most what E.164
# allows plus a mainland trunk prefix.
PHONE_MIN_DIGITS = 3
PHONE_MAX_DIGITS = 16
# How many open messages the lobby board lists (the count says how many there are in all).
BOARD_MESSAGES = 50


class MessageSource(enum.Enum):
    KIOSK = "kiosk"  # a declined visitor left it at the kiosk
    PHONE = "phone"  # taken at the switchboard (电话记录)
    COUNTER = "counter"  # a visitor left it at the desk (代客留言)


class MessageStatus(enum.Enum):
    OPEN = "open"  # in the inbox: not passed on yet
    PASSED_ON = "passed_on"
    CANCELLED = "cancelled"  # taken by mistake (twice, wrong person): kept, with the reason


class CallerRequest(enum.Enum):
    """What the caller asked for (the form's 要求的活动)."""

    CALL_BACK = "call_back"  # 请回电
    WILL_CALL_AGAIN = "will_call_again"  # 对方会再来电
    NONE = "none"  # 仅转告


class RelayMethod(enum.Enum):
    """How the message reached the person it is for."""

    PHONE = "phone"  # told them by phone
    IN_PERSON = "in_person"  # told them face to face
    NOTE = "note"  # the printed slip or a note left for them


_PHONE_SPACING = re.compile(r"[\s\u3000()（）]")
_PHONE_SHAPE = re.compile(r"^\+?[0-9]+(-[0-9]+)*$", re.ASCII)


def normalise_phone(raw: str, *, required: bool = False) -> str:
    """A phone number as the switchboard writes it down: a mobile, a landline with its area code
    (``0755-86001234``) or a number abroad (``+44 20 7946 0000``); spaces and brackets dropped,
    dashes kept between digit groups. Empty is allowed unless ``required``.

    Codes (field ``phone``): ``required``, ``too_long`` (``max``), ``format`` (not digits with an
    optional leading ``+`` and dashes), ``digits`` (``min``, ``max``: too few or too many digits).
    """
    typed = sanitize_text(raw)
    if len(typed) > PHONE_MAX_CHARS:
        raise ValidationError("phone", "too_long", max=PHONE_MAX_CHARS)
    number = _PHONE_SPACING.sub("", typed).replace("－", "-").replace("＋", "+")
    if not number:
        if required:
            raise ValidationError("phone", "required")
        return ""
    if not _PHONE_SHAPE.match(number):
        raise ValidationError("phone", "format")
    digits = sum(ch.isdigit() for ch in number)
    if not PHONE_MIN_DIGITS <= digits <= PHONE_MAX_DIGITS:
        raise ValidationError("phone", "digits", min=PHONE_MIN_DIGITS, max=PHONE_MAX_DIGITS)
    return number


def normalise_extension(raw: str) -> str:
    """An extension (分机): digits only, up to 10; empty is allowed. Codes (field ``extension``):
    ``format``, ``too_long`` (``max``)."""
    number = _PHONE_SPACING.sub("", sanitize_text(raw))
    if len(number) > EXTENSION_MAX_CHARS:
        raise ValidationError("extension", "too_long", max=EXTENSION_MAX_CHARS)
    if number and not (number.isascii() and number.isdigit()):
        raise ValidationError("extension", "format")
    return number


def clean(field: str, raw: str, max_chars: int, *, required: bool = False) -> str:
    """A typed field sanitised to one line; ``required`` and ``too_long`` (``max``) refused."""
    value = sanitize_text(raw)
    if required and not value:
        raise ValidationError(field, "required")
    if len(value) > max_chars:
        raise ValidationError(field, "too_long", max=max_chars)
    return value


@dataclass(frozen=True)
class NewPhoneMessage:
    """The switchboard form as the desk fills it in. For whom: ``host_id`` (the staff directory),
    or a ``recipient_unit`` and/or a ``recipient_name`` (a resident, a department, a name)."""

    caller_name: str
    text: str
    received_at: datetime
    host_id: int | None = None
    recipient_unit: str = ""
    recipient_name: str = ""
    company: str = ""
    phone: str = ""
    extension: str = ""
    city: str = ""
    caller_request: CallerRequest = CallerRequest.CALL_BACK
    source: MessageSource = MessageSource.PHONE


@dataclass(frozen=True)
class PhoneMessageView:
    """One message as the desk's inbox lists it. ``recorded_by`` and ``relayed_by`` are audit
    labels (``staff:wangfang``, ``kiosk:lobby-1``); the listing names the staff they stand for."""

    message_id: int
    source: MessageSource
    status: MessageStatus
    recipient: str  # the directory's name and department, or the unit and name as typed
    host_id: int | None
    recipient_unit: str
    recipient_name: str
    caller_name: str
    company: str
    phone: str
    extension: str
    city: str
    text: str
    caller_request: CallerRequest
    received_at: datetime
    recorded_by: str
    visit_id: int | None
    relayed_at: datetime | None = None
    relayed_by: str | None = None
    relay_method: RelayMethod | None = None
    relay_note: str = ""
    cancelled_at: datetime | None = None
    cancelled_by: str | None = None
    cancel_reason: str = ""


@dataclass(frozen=True)
class BoardMessage:
    """An open message on the lobby board: for whom, from whom, when, and the start of it."""

    message_id: int
    recipient: str
    caller_name: str
    company: str
    phone: str
    caller_request: CallerRequest
    received_at: datetime
    source: MessageSource
    text: str


@dataclass(frozen=True)
class PhoneMessageSlip:
    """电话留言单: printed for the person the message is for (left in their pigeonhole)."""

    site_name: str
    message_number: str
    recipient: str
    caller_name: str
    company: str
    phone: str
    extension: str
    city: str
    text: str
    caller_request: CallerRequest
    received_at: datetime
    recorded_by: str
    source: MessageSource = MessageSource.PHONE


def recipient_label(host: str, department: str, unit: str, name: str) -> str:
    """For whom, as every list and the slip say it: ``王芳（IDC运维部）``, ``2-104 陈晓明``."""
    if host:
        return with_aside(host, department)
    return " ".join(part for part in (unit, name) if part)


def message_number(message_id: int) -> str:
    """The number people see and say (``M000012``); the row's id, never reused."""
    return f"M{message_id:06d}"
