"""Repair requests (报修), seed 004 §9.2.1: the classes and their clocks, the warranty, what a
clerk may type, and the code on the work order (派工单).

Urgent (急修): someone on site within 2 hours and fixed within 24; general: fixed within 72
(``RepairSettings``, the site's [repairs] section). A missed deadline that harms the resident is
the company's liability, so each request carries its clocks: they start when it is taken and
again when it is reopened within the warranty (3 months from completion, 保修期); outside the
warranty a new request is taken. The fix clock stops when the engineer's completion is recorded
(the resident's sign-off can come later: their absence is not the engineering team's delay).

The work order's QR carries ``LKR:BX000001``, the request number only, unsigned: it grants
nothing. A scan brings the request up at the desk, where the signed-in clerk records what the
engineer reports.
"""

from __future__ import annotations

import calendar
import enum
import re
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo

from kiosk.domain.codes import prefixed_code, read_prefixed_code
from kiosk.domain.errors import ValidationError
from kiosk.domain.imports import RowError, normalise_phone, normalise_unit
from kiosk.domain.text import optional_text as optional_text  # noqa: PLC0414 (moved to text; still imported from here)
from kiosk.domain.text import required_text as required_text  # noqa: PLC0414
from kiosk.domain.text import sanitize_text

NUMBER_PREFIX = "BX"  # 报修
WORK_ORDER_PREFIX = "LKR"
_NUMBER = re.compile(r"^BX[0-9]{6,12}$", re.ASCII)
CALLER_MAX = 60
WHAT_MAX = 300
LOCATION_MAX = 120
CONTRACTOR_MAX = 80
ENGINEER_MAX = 60
NOTE_MAX = 200
# The engineering department (工程部): a request dispatched to no outside contractor went here.
IN_HOUSE = "工程部"


class RepairCategory(enum.Enum):
    WATER = "water"  # 水（给排水）
    ELECTRICITY = "electricity"  # 电
    AIR_CONDITIONING = "air_conditioning"  # 空调
    LIFT = "lift"  # 电梯
    DOORS_LOCKS = "doors_locks"  # 门窗锁具
    OTHER = "other"


class RepairClass(enum.Enum):
    URGENT = "urgent"  # 急修
    GENERAL = "general"  # 一般


class RepairStatus(enum.Enum):
    TAKEN = "taken"  # 已受理, not dispatched yet
    DISPATCHED = "dispatched"  # 已派工
    ON_SITE = "on_site"  # the engineer arrived
    COMPLETED = "completed"  # the engineer reports it fixed
    SIGNED_OFF = "signed_off"  # the resident signed the work order (验收签字)
    CLOSED = "closed"  # called back (回访)
    CANCELLED = "cancelled"  # with its reason; never deleted


# Whose clocks still run: on the board, and looked at by the overdue round.
OPEN = (RepairStatus.TAKEN, RepairStatus.DISPATCHED, RepairStatus.ON_SITE)
# What a reopen starts again from (the work was finished once).
FINISHED = (RepairStatus.COMPLETED, RepairStatus.SIGNED_OFF, RepairStatus.CLOSED)


class RepairEventKind(enum.Enum):
    TAKEN = "taken"
    DISPATCHED = "dispatched"
    ARRIVED = "arrived"
    COMPLETED = "completed"
    SIGNED_OFF = "signed_off"
    CALLBACK = "callback"
    REOPENED = "reopened"
    CANCELLED = "cancelled"
    OVERDUE = "overdue"  # a clock ran out: the duty supervisor was alerted


class RepairClock(enum.Enum):
    ARRIVAL = "arrival"  # urgent only: someone on site
    FIX = "fix"


class ClockState(enum.Enum):
    RUNNING = "running"
    SHORT = "short"  # amber: little time left
    OVERDUE = "overdue"  # red


@dataclass(frozen=True)
class RepairSettings:
    """The site's [repairs] section: the clocks' limits, the warranty, and when the board turns
    a clock amber (less than ``amber_percent`` of its limit left: 30 minutes of the 2-hour
    arrival clock, 6 hours of the 24-hour fix)."""

    urgent_arrival_hours: int = 2
    urgent_fix_hours: int = 24
    general_fix_hours: int = 72
    warranty_months: int = 3
    amber_percent: int = 25

    def problems(self) -> list[tuple[str, str]]:
        if self.urgent_arrival_hours > self.urgent_fix_hours:
            return [
                (
                    "urgent_arrival_hours",
                    f"{self.urgent_arrival_hours} is longer than urgent_fix_hours "
                    f"({self.urgent_fix_hours}): someone must be on site before it can be fixed",
                )
            ]
        return []

    def arrival_limit(self, repair_class: RepairClass) -> timedelta | None:
        if repair_class is RepairClass.URGENT:
            return timedelta(hours=self.urgent_arrival_hours)
        return None

    def fix_limit(self, repair_class: RepairClass) -> timedelta:
        hours = self.urgent_fix_hours if repair_class is RepairClass.URGENT else self.general_fix_hours
        return timedelta(hours=hours)


@dataclass(frozen=True)
class Deadlines:
    arrive_by: datetime | None
    fix_by: datetime


def deadlines(repair_class: RepairClass, started: datetime, settings: RepairSettings) -> Deadlines:
    """When each clock of a request taken (or reopened) at ``started`` runs out."""
    arrival = settings.arrival_limit(repair_class)
    return Deadlines(
        started + arrival if arrival is not None else None, started + settings.fix_limit(repair_class)
    )


def current_clock(
    arrive_by: datetime | None, arrived: bool, fix_by: datetime
) -> tuple[RepairClock, datetime]:
    """The clock an open request runs against: arrival until someone is on site, then the fix."""
    if arrive_by is not None and not arrived:
        return RepairClock.ARRIVAL, arrive_by
    return RepairClock.FIX, fix_by


def clock_state(due: datetime, amber_from: datetime, now: datetime) -> ClockState:
    if now >= due:
        return ClockState.OVERDUE
    return ClockState.SHORT if now >= amber_from else ClockState.RUNNING


def amber_from(started: datetime, due: datetime, amber_percent: int) -> datetime:
    """When a clock from ``started`` to ``due`` has ``amber_percent`` of its length left."""
    return due - (due - started) * amber_percent / 100


def warranty_ends(completed_at: datetime, months: int, zone: tzinfo) -> datetime:
    """The end of the warranty (保修期) of work completed at ``completed_at``: the same time of day
    ``months`` calendar months later on the site's calendar (31 May + 3 months: 31 August;
    30 November + 3 months: 28 or 29 February)."""
    local = completed_at.astimezone(zone)
    month0 = local.month - 1 + months
    year, month = local.year + month0 // 12, month0 % 12 + 1
    day = min(local.day, calendar.monthrange(year, month)[1])
    return local.replace(year=year, month=month, day=day).astimezone(completed_at.tzinfo)


def repair_number(value: int) -> str:
    return f"{NUMBER_PREFIX}{value:06d}"


def work_order_code(number: str) -> str:
    """What the work order's QR carries."""
    return prefixed_code(number, WORK_ORDER_PREFIX, _NUMBER)


def read_repair_code(text: str) -> str | None:
    """The request number in a scanned work-order QR (``LKR:BX000001``) or a typed number
    (``bx000001``, full-width from a Chinese input method, spaces anywhere); None for anything
    else (a release slip's or a badge's code scanned at the same desk)."""
    return read_prefixed_code(text, WORK_ORDER_PREFIX, _NUMBER)


# --- what a clerk types -------------------------------------------------------------------------


def validate_unit(raw: str) -> str:
    """``2-104`` as the owner records write it (full-width and odd dashes folded)."""
    try:
        return normalise_unit(raw)
    except RowError as error:
        raise ValidationError("unit", "required" if error.code == "required" else "format") from None


def validate_phone(raw: str) -> str:
    """A number the desk can call back: 7 to 15 digits, with the usual separators (a mobile, a
    landline with its area code, an extension written in full)."""
    try:
        return normalise_phone(raw)
    except RowError as error:
        raise ValidationError("phone", "required" if error.code == "required" else "format") from None


# What retention and a privacy erasure leave of a caller's name (kiosk.services.retention.PURGED).
PURGED_NAME = "—"


def caller_blanked(caller_name: str, phone: str) -> bool:
    """The request's caller is no longer on record (retention, an erasure): nobody to call back."""
    return sanitize_text(caller_name) in ("", PURGED_NAME) or not sanitize_text(phone)


def reopen_asks_caller(caller_name: str, phone: str, warranty_until: datetime | None, now: datetime) -> bool:
    """Whether a reopen must ask the caller's name and phone again: after the warranty a new
    request is taken (who calls now may not be who called then), and a blanked caller has nobody
    to call back."""
    return caller_blanked(caller_name, phone) or (warranty_until is not None and now >= warranty_until)


@dataclass(frozen=True)
class RepairOnBoard:
    """An open request on the lobby board: no caller's name or phone (guards read the board)."""

    repair_id: int
    number: str
    unit: str
    location: str
    category: RepairCategory
    repair_class: RepairClass
    status: RepairStatus
    clock: RepairClock
    due_at: datetime
    amber_from: datetime
    assignee: str  # "" not dispatched yet

    def state(self, now: datetime) -> ClockState:
        return clock_state(self.due_at, self.amber_from, now)


@dataclass(frozen=True)
class WorkOrder:
    """派工单: what the engineer takes to the job, the resident signs on completion and the desk
    keeps. Text fields hold what was typed (the layout sanitises them again)."""

    site_name: str
    number: str
    code: str  # what the QR carries (work_order_code)
    taken_at: datetime  # in the site's zone, as printed
    unit: str
    location: str
    caller_name: str
    phone: str  # in full: the engineer phones ahead to arrange the visit (场景四)
    category: RepairCategory
    repair_class: RepairClass
    what: str
    assignee: str  # 工程部 or the contractor's name
    engineer: str
    dispatched_at: datetime
    arrive_by: datetime | None
    fix_by: datetime
    clerk: str
    cycle: int = 1  # 2 and more: reopened within the warranty (返修)
