"""What the desk, the guard screen and the kiosk exchange with the server about the management
office's permits, and the permit as printed: plain values, returned by the service and carried by
the API as JSON."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from kiosk.domain.errors import ValidationError
from kiosk.domain.permits import (
    EntryDecision,
    Material,
    PermitKind,
    PermitOutcome,
    PermitRoute,
    PermitStatus,
    refusal,
)
from kiosk.domain.views import PrintOutcome


@dataclass(frozen=True)
class PermitEntryView:
    """A valid permit shown and what was done: let in, or refused with the reason."""

    at: datetime
    decision: EntryDecision
    by_name: str
    note: str = ""


@dataclass(frozen=True)
class PermitView:
    """A permit as the desk and the guard see it. ``id_last_four`` only: the register keeps no
    more of the holder's ID number."""

    permit_id: int
    number: str
    kind: PermitKind
    status: PermitStatus
    unit: str
    holder_name: str
    id_type: str
    id_last_four: str
    company: str
    materials: tuple[Material, ...]
    route: PermitRoute | None
    valid_from: date
    valid_until: date
    note: str
    issued_by_name: str
    issued_at: datetime
    cancelled_at: datetime | None = None
    cancelled_by_name: str = ""
    cancel_reason: str = ""
    # Newest first; the list leaves them out (the detail and a check carry them).
    entries: tuple[PermitEntryView, ...] = ()
    # What the permit is today, on the site's calendar, when the view was made.
    outcome: PermitOutcome = PermitOutcome.VALID


@dataclass(frozen=True)
class PermitCheck:
    """A check at the desk or the guard screen: what the permit is, and the permit itself (None
    when the code names no permit of this site)."""

    outcome: PermitOutcome
    permit: PermitView | None = None

    def refusal(self) -> ValidationError | None:
        """Why it is refused, to word in the user's language; None when it is valid."""
        permit = self.permit
        if permit is None:
            return refusal(self.outcome)
        return refusal(self.outcome, permit.number, permit.valid_from, permit.valid_until)


@dataclass(frozen=True)
class PermitValidity:
    """The kiosk's answer for a valid permit: what the visitor showed (its number) and its kind
    and days, nothing of its holder. A refused one comes back as the refusal (a problem)."""

    number: str
    kind: PermitKind
    valid_from: date
    valid_until: date


@dataclass(frozen=True)
class IssuedPermit:
    permit: PermitView
    printed: PrintOutcome


@dataclass(frozen=True)
class PermitSlip:
    """The permit as printed (搬运材料凭据 / 出入证), with its QR. Text fields hold what was typed
    (the layout sanitises them again)."""

    site_name: str
    number: str
    code: str  # what the QR carries (kiosk.domain.permits.permit_code)
    kind: PermitKind
    issued_at: datetime  # in the site's zone, as printed
    unit: str
    holder_name: str
    id_masked: str
    company: str
    materials: tuple[Material, ...]
    route: PermitRoute | None
    valid_from: date
    valid_until: date
    note: str
    clerk: str
