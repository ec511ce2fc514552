"""What the visitor journey and the lobby board exchange: plain values, the same on the site
server (its services return them) and at the stations (the API carries them as JSON)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from kiosk.domain.printing import PrintJobStatus
from kiosk.domain.station import StationRole
from kiosk.domain.visit import Approver, VisitorType, VisitStatus


@dataclass(frozen=True)
class CheckInRequest:
    visitor_name: str
    host_id: int
    company: str = ""
    language: str = "zh_CN"
    visitor_type: VisitorType = VisitorType.GUEST
    permit_number: str = ""
    mobile: str = ""
    id_type: str = ""
    id_number: str = ""
    purpose: str = ""
    party_size: int = 1
    # The visitor read the forbidden-items declaration and the privacy notice and accepted both.
    declaration_accepted: bool = False


@dataclass(frozen=True)
class CheckInResult:
    visit_id: int
    status: VisitStatus
    badge_number: str | None = None
    badge_printed: bool = False
    print_error: str | None = None


@dataclass(frozen=True)
class VisitState:
    """What the kiosk's waiting screen needs to know, polled every second."""

    visit_id: int
    visitor_name: str
    status: VisitStatus
    approver: Approver
    requested_at: datetime
    badge_number: str | None
    badge_status: PrintJobStatus | None
    decision_note: str | None
    # Whom the visitor is waiting for (never the host's phone: the screen is public).
    host_name: str
    host_department: str
    # What the host's decision page shows beside the masked name.
    company: str
    party_size: int


@dataclass(frozen=True)
class InvitationView:
    """What the kiosk shows an invited visitor to confirm: their name masked, host, window."""

    code: str
    masked_name: str
    company: str
    host_name: str
    host_department: str
    valid_from: datetime
    valid_until: datetime
    party_size: int


@dataclass(frozen=True)
class OnSiteVisitor:
    """One row of the lobby board's "on site now" list."""

    visit_id: int
    badge_number: str
    visitor_name: str
    company: str
    host_name: str
    host_department: str
    checked_in_at: datetime
    valid_until: datetime
    badge_job_id: int | None
    badge_status: PrintJobStatus | None
    card_number: str = ""  # the temporary visitor card, where the site hands them out

    @property
    def badge_printed(self) -> bool:
        return self.badge_status is PrintJobStatus.PRINTED


@dataclass(frozen=True)
class WaitingVisitor:
    """A visit waiting for a decision: the host, the duty officer at night, or staff for a hold."""

    visit_id: int
    visitor_name: str
    company: str
    host_name: str
    host_department: str
    host_extension: str | None
    status: VisitStatus
    approver: Approver
    requested_at: datetime
    escalated: bool


@dataclass(frozen=True)
class CheckoutMatch:
    """A visitor on site as the public check-out search shows them: masked."""

    visit_id: int
    masked_name: str
    company: str
    checked_in_at: datetime


@dataclass(frozen=True)
class HostEntry:
    """A host as the kiosk lists them."""

    host_id: int
    name: str
    department: str
    extension: str | None


@dataclass(frozen=True)
class CardCheckout:
    """What a tapped visitor card did: the visit it closed (None when the visit was closed
    already, by the desk or the night's auto check-out, and only the card came back)."""

    label: str
    visit_id: int | None


@dataclass(frozen=True)
class PrintOutcome:
    job_id: int
    printed: bool
    printer: str | None
    error: str | None = None


@dataclass(frozen=True)
class Board:
    """The lobby board: who waits for a decision, and who is on site."""

    waiting: list[WaitingVisitor]
    on_site: list[OnSiteVisitor]


@dataclass(frozen=True)
class StationListing:
    """One station as the console lists it (never its credential)."""

    station_id: int
    name: str
    role: StationRole
    enrolled: bool
    last_seen_at: datetime | None
    last_address: str | None
    revoked: bool
