"""The desk's call before it lets a visitor in (对讲 intercom / 电话 phone), and visits registered at
the desk: who was called, on which number, what they said, who made the call.

Plain values with no I/O, shared by the service, the API and the desk's pages.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from kiosk.domain.documents import PartyKind
from kiosk.domain.errors import ValidationError
from kiosk.domain.text import sanitize_text

if TYPE_CHECKING:
    # For the annotation only: kiosk.domain.views imports CallView from here (the visitor log's
    # rows), and WalkInRequest is never validated from its annotations (kiosk.api.desk_visits).
    from kiosk.domain.views import CheckInRequest

# What the desk dialled: an intercom code (2104, 2-104#), an extension, a landline or a mobile.
CALL_NUMBER_MAX = 20
CALL_NOTE_MAX = 200
_NUMBER = re.compile(r"^[0-9+#*\-]+$", re.ASCII)
_SEPARATORS = str.maketrans({" ": "", "(": "", ")": "", "－": "-", "—": "-", "–": "-"})


class CallChannel(enum.Enum):
    INTERCOM = "intercom"  # 对讲: the building's door phone to the unit
    PHONE = "phone"  # 电话: an extension, a landline or a mobile


class CallAnswer(enum.Enum):
    AGREED = "agreed"  # 同意: the visitor is let in
    DECLINED = "declined"  # 不同意: the visitor is turned away politely
    NO_ANSWER = "no_answer"  # 无人接听: recorded; the visit still waits


class Callee(enum.Enum):
    """Whom the desk called: the staff member visited, one resident of the unit, or the unit
    itself (its intercom, whoever answers)."""

    HOST = "host"
    RESIDENT = "resident"
    UNIT = "unit"


def validate_call_number(raw: str) -> str:
    """The number dialled as the desk typed it, spaces and brackets dropped: digits and + - # *,
    at least one digit, at most CALL_NUMBER_MAX. ValidationError("number", ...)."""
    text = "".join(chr(ord(c) - 0xFEE0) if "！" <= c <= "～" else c for c in sanitize_text(raw))
    number = text.translate(_SEPARATORS)
    if not number:
        raise ValidationError("number", "required")
    if len(number) > CALL_NUMBER_MAX:
        raise ValidationError("number", "too_long", max=CALL_NUMBER_MAX)
    if not _NUMBER.match(number) or not any(c.isdigit() for c in number):
        raise ValidationError("number", "format")
    return number


def validate_call_note(raw: str) -> str:
    note = sanitize_text(raw)
    if len(note) > CALL_NOTE_MAX:
        raise ValidationError("note", "too_long", max=CALL_NOTE_MAX)
    return note


@dataclass(frozen=True)
class CallDraft:
    """A call as the desk records it. ``resident_id`` names the resident called (Callee.RESIDENT);
    the host and the unit are the visit's own."""

    callee: Callee
    channel: CallChannel
    number: str
    answer: CallAnswer
    resident_id: int | None = None
    note: str = ""


@dataclass(frozen=True)
class CallView:
    """A recorded call, as the visit's detail, the visitor log and its export show it."""

    call_id: int
    visit_id: int
    callee: Callee
    callee_name: str
    channel: CallChannel
    number: str
    answer: CallAnswer
    note: str
    called_at: datetime
    called_by: str  # the clerk's name as the desk knows it


@dataclass(frozen=True)
class UnitResident:
    """A resident of a unit as the desk sees it: with the phone number it calls (the kiosk never
    receives this)."""

    resident_id: int
    name: str
    kind: PartyKind
    phone: str


@dataclass(frozen=True)
class UnitView:
    """A unit visited (房号) and its residents from the imported records, for the desk."""

    unit: str
    residents: tuple[UnitResident, ...]


@dataclass(frozen=True)
class WalkInRequest:
    """A visitor registered at the desk: the kiosk's own request (its host_id is ignored when a
    unit is named), and the unit (房号) or one of its residents as the person visited."""

    visit: CheckInRequest
    unit: str = ""
    resident_id: int | None = None


@dataclass(frozen=True)
class VisitCalls:
    """What the desk's call dialog needs about one visit: the person or unit visited, the numbers
    it may call, and the calls made so far."""

    visit_id: int
    visitor_name: str
    company: str
    host_id: int
    host_name: str
    host_department: str
    # The staff member's extension and mobile (None for a unit); a unit's residents.
    host_extension: str | None
    host_mobile: str | None
    unit: str | None
    residents: tuple[UnitResident, ...]
    registered_by: str  # the clerk who registered a walk-in ("" a kiosk's own)
    calls: tuple[CallView, ...]


@dataclass(frozen=True)
class CallOutcome:
    """A call recorded, and what it did to the visit: let in (with the badge), declined, or still
    waiting (no answer)."""

    call: CallView
    visit_status: str
    badge_number: str | None = None
    badge_printed: bool = False
    print_error: str | None = None


def call_summary(callee_name: str, channel: CallChannel, number: str, answer: CallAnswer) -> str:
    """The decision note a call leaves on the visit (stored in English, as every stored note)."""
    how = "intercom" if channel is CallChannel.INTERCOM else "phone"
    said = {"agreed": "agreed", "declined": "declined", "no_answer": "no answer"}[answer.value]
    return f"{how} call to {callee_name} ({number}): {said}"
