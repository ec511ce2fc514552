"""What the desk and the server exchange about repair requests (报修): plain values, returned by
the service and carried by the API as JSON."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from kiosk.domain.complaints import Satisfaction
from kiosk.domain.repairs import (
    RepairCategory,
    RepairClass,
    RepairClock,
    RepairEventKind,
    RepairStatus,
)
from kiosk.domain.views import PrintOutcome


@dataclass(frozen=True)
class RepairEventView:
    """One step of a request's timeline: what, when, who (their name as the desk knows it)."""

    kind: RepairEventKind
    at: datetime
    cycle: int
    actor_name: str
    note: str = ""
    satisfaction: Satisfaction | None = None
    clock: RepairClock | None = None  # OVERDUE: which clock ran out


@dataclass(frozen=True)
class RepairRow:
    """A request in the desk's list."""

    repair_id: int
    number: str
    unit: str
    category: RepairCategory
    repair_class: RepairClass
    status: RepairStatus
    taken_at: datetime
    what: str
    assignee: str  # "" not dispatched
    arrive_by: datetime | None
    fix_by: datetime
    arrived_at: datetime | None
    completed_at: datetime | None
    cycle: int


@dataclass(frozen=True)
class RepairView:
    """A request with everything the desk shows on its detail: the caller, the clocks, the
    warranty and the timeline."""

    repair_id: int
    number: str
    unit: str
    location: str
    caller_name: str
    phone: str
    category: RepairCategory
    repair_class: RepairClass
    what: str
    status: RepairStatus
    taken_at: datetime
    taken_by_name: str
    cycle: int
    clock_started_at: datetime
    arrive_by: datetime | None
    fix_by: datetime
    assignee: str
    engineer: str
    arrived_at: datetime | None
    completed_at: datetime | None
    signed_off_by: str
    satisfaction: Satisfaction | None
    cancel_reason: str
    warranty_until: datetime | None  # from the last completion
    follows: str  # the request this one follows up after its warranty ended ("" none)
    events: tuple[RepairEventView, ...]


@dataclass(frozen=True)
class DispatchedRepair:
    """A dispatch: the request as it is now, and its work order on the way to this desk's printer."""

    repair: RepairView
    printed: PrintOutcome


@dataclass(frozen=True)
class ReopenedRepair:
    """A reopen: the same request within the warranty (``same``), or a new one taken after it."""

    repair: RepairView
    same: bool
