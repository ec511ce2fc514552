"""What the visitor journey and the lobby board exchange: plain values, the same on the site
server (its services return them) and at the stations (the API carries them as JSON)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from kiosk.domain.calls import CallView
from kiosk.domain.cards import CardStatus
from kiosk.domain.documents import PartyKind, PassReconciliation, PaymentMethod, ReceiptPurpose, SlipItem
from kiosk.domain.handover import HandoverItemKind
from kiosk.domain.idc_cards import ApplicationStatus, DeliveryEvent, DeliveryStatus
from kiosk.domain.key_loans import KeyLoanOnBoard, KeysAtDesk
from kiosk.domain.machine_room_pass import DiscrepancyDetail, DiscrepancyKind, PassStatus
from kiosk.domain.mail import MailOnBoard
from kiosk.domain.newspapers import NewspapersOnBoard
from kiosk.domain.payments import DEPOSITS
from kiosk.domain.phone_messages import BoardMessage
from kiosk.domain.printing import PrintJobStatus
from kiosk.domain.release_slip import Arrears, SlipStatus, short_code_of
from kiosk.domain.repairs import RepairOnBoard
from kiosk.domain.roster import DutyOnBoard
from kiosk.domain.staff import Role
from kiosk.domain.station import StationRole
from kiosk.domain.visit import Approver, VisitorType, VisitStatus
from kiosk.domain.visitor_kinds import KindsOnBoard, VisitorKind
from kiosk.domain.watchlist import WatchlistHold


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
    # Which kind of person (kiosk.domain.visitor_kinds): None, from visitor_type (a government
    # official is one, every other check-in comes to see someone).
    kind: VisitorKind | None = None


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
    # A held visit's reason (the consoles only: the kiosk's VisitState never carries it); None
    # for a visit held before reasons were kept.
    hold: WatchlistHold | None = None


@dataclass(frozen=True)
class HostEntry:
    """A host as the public kiosk lists them: no extension, no phone number (seed 004: 原则上不把
    电话号码告知查询者), so the kiosk station never even receives them."""

    host_id: int
    name: str
    department: str


@dataclass(frozen=True)
class DeskHostEntry:
    """A host as the desk looks them up: with the extension it phones."""

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
class AutoCheckout:
    """A visit the system closed at the auto check-out hour: the desk finds out what happened."""

    visit_id: int
    badge_number: str
    visitor_name: str
    company: str
    host_name: str
    checked_in_at: datetime
    checked_out_at: datetime
    card_number: str | None
    card_returned: bool

    @property
    def card_unreturned(self) -> bool:
        return self.card_number is not None and not self.card_returned


@dataclass(frozen=True)
class StationAlert:
    """A public station whose wrong tries (codes, card taps, check-out names) reached the alert
    count (config kiosk.wrong_tries_alert_after): someone may be guessing there."""

    station: str
    wrong_tries: int
    since: datetime
    waiting_until: datetime | None = None


@dataclass(frozen=True)
class BoardAlerts:
    """What needs someone beyond the board's lists: the machine-room pass reconciliation (due
    today, or discrepancies still open), the shift handover's open issues, and stations where
    someone may be guessing codes."""

    passes_due: bool = False
    pass_discrepancies: int = 0
    passes_oldest_open: date | None = None
    handover_issues: list[str] = field(default_factory=list)
    wrong_tries: list[StationAlert] = field(default_factory=list)


@dataclass(frozen=True)
class Board:
    """The lobby board: who waits for a decision, who is on site, and its follow-up: today's
    expected arrivals, the last auto check-out's visits (unreturned cards first), the alerts."""

    waiting: list[WaitingVisitor]
    on_site: list[OnSiteVisitor]
    expected: list[ExpectedArrival] = field(default_factory=list)
    auto_checked_out: list[AutoCheckout] = field(default_factory=list)
    alerts: BoardAlerts = field(default_factory=BoardAlerts)
    # Phone messages not yet passed on, newest first (at most BOARD_MESSAGES), and how many in all;
    # none for a member whose role reads no messages.
    messages: list[BoardMessage] = field(default_factory=list)
    messages_open: int = 0
    # Open repair requests (报修) with their current clock, the soonest due first.
    repairs: list[RepairOnBoard] = field(default_factory=list)
    # Registered mail waiting and the moved-out people to tell this week; None: not for this role.
    mail: MailOnBoard | None = None
    # Newspapers (报刊): today's titles not yet counted, the shortfalls still open; None: not read.
    newspapers: NewspapersOnBoard | None = None
    # Open key loans (钥匙借用), the soonest due first: amber before due, red after.
    key_loans: list[KeyLoanOnBoard] = field(default_factory=list)
    # The duty roster (大堂助理值班表): who is on duty now and next, by the approved roster.
    duty: DutyOnBoard = field(default_factory=DutyOnBoard)
    # Night duty and the kinds' follow-ups: visits waiting for the duty officer (the banner and the
    # alarm), patrol notices not yet followed (kiosk.services.visitor_kinds).
    kinds: KindsOnBoard = field(default_factory=KindsOnBoard)


@dataclass(frozen=True)
class PrintJobView:
    """One row of the desk's print-queue list: every station's jobs, each with its station
    ("" for the site server's own printers)."""

    job_id: int
    station: str
    document: str
    reference: str
    copy: bool
    status: PrintJobStatus
    attempts: int
    printer: str | None
    last_error: str | None
    created_at: datetime
    next_attempt_at: datetime


@dataclass(frozen=True)
class StoredDocument:
    """A job's document as stored: the desk lays its preview out itself (printing is the
    stations' side)."""

    job_id: int
    document: str
    data: str
    language: str
    copy: bool


@dataclass(frozen=True)
class PrinterState:
    name: str
    status: str  # a kiosk.devices.interfaces.PrinterStatus value


@dataclass(frozen=True)
class StationPrinters:
    """What a station last said of its printers (first: its own printer, then its fallbacks)."""

    station: str
    reported_at: datetime
    printers: list[PrinterState]


@dataclass(frozen=True)
class LogRow:
    """One visit as the log shows and exports it (the ID number masked)."""

    visit_id: int
    requested_at: datetime
    checked_in_at: datetime | None
    checked_out_at: datetime | None
    visitor_name: str
    company: str
    visitor_type: VisitorType
    host_name: str
    host_department: str
    id_type: str | None
    id_masked: str
    purpose: str
    badge_number: str | None
    status: VisitStatus
    # Who registered the visitor (来人来访记录表's 登记人): the clerk of a desk walk-in, "" when the
    # visitor checked in at the kiosk ``station``; the resident named as the one visited, if any.
    registered_by: str = ""
    station: str = ""
    resident_name: str = ""
    # The desk's calls about the visit (对讲 / 电话), oldest first.
    calls: tuple[CallView, ...] = ()


@dataclass(frozen=True)
class LogCursor:
    """Where a page ended: the next page starts after this visit (newest first)."""

    requested_at: datetime
    visit_id: int


@dataclass(frozen=True)
class LogPage:
    rows: list[LogRow]
    # None on the last page.
    next_cursor: LogCursor | None


@dataclass(frozen=True)
class DailyStats:
    """One day at the lobby: arrivals per hour and per type, the wait for the host, the peak."""

    day: date
    visits: int
    visitors: int  # people, counting each visit's party
    per_hour: list[int]  # 24 counts of visits by the hour they arrived (site time)
    per_type: dict[VisitorType, int]
    average_wait: timedelta | None  # request -> decision, for decisions made by a person
    decided: int
    peak_on_site: int
    peak_at: datetime | None  # the first moment the peak was reached


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


@dataclass(frozen=True)
class StaffListing:
    """One staff account as the admin's list shows it (never the hash)."""

    staff_id: int
    username: str
    name: str
    role: Role
    active: bool
    locked_until: datetime | None


@dataclass(frozen=True)
class StaffName:
    """How a member is named in a list of who did what (no account details)."""

    username: str
    name: str
    role: Role


# --- pre-registration -------------------------------------------------------------------------


@dataclass(frozen=True)
class NewInvitation:
    invitation_id: int
    code: str


@dataclass(frozen=True)
class Invitee:
    """One named person of a group; mobile and e-mail optional."""

    name: str
    mobile: str = ""
    email: str = ""


@dataclass(frozen=True)
class ExpectedArrival:
    """An invitation whose window touches the day asked for: the board's "expected today"."""

    invitation_id: int
    code: str
    visitor_name: str
    company: str
    host_name: str
    valid_from: datetime
    valid_until: datetime
    group_unit: str
    arrived: bool
    email: str | None


# --- the watchlist ----------------------------------------------------------------------------


@dataclass(frozen=True)
class WatchlistView:
    """One entry; the ID number only as its last four (the server keeps the keyed hash)."""

    entry_id: int
    name: str
    company: str
    id_last_four: str | None
    reason: str
    added_by: str
    added_at: datetime
    until: datetime | None
    active: bool


# --- release slips (物品放行条) -------------------------------------------------------------------


@dataclass(frozen=True)
class ResidentView:
    resident_id: int
    unit: str
    name: str
    kind: PartyKind
    phone: str


@dataclass(frozen=True)
class UnitRecord:
    """What the desk knows about a unit: its owners and tenants and each payer's arrears."""

    unit: str
    residents: tuple[ResidentView, ...]
    owner_arrears: Arrears
    tenant_arrears: Arrears
    # False: the fee ledger has no month for this unit, so nobody knows whether it is paid up.
    fees_known: bool = True

    def of_kind(self, kind: PartyKind) -> tuple[ResidentView, ...]:
        return tuple(r for r in self.residents if r.kind is kind)

    def arrears(self, kind: PartyKind) -> Arrears:
        return self.owner_arrears if kind is PartyKind.OWNER else self.tenant_arrears


@dataclass(frozen=True)
class OwnerAnswers:
    """What the owner said on the phone (the questions of 场景五)."""

    owner_knows: bool
    rent_owed: bool
    owner_items: bool
    consent: bool
    note: str = ""


@dataclass(frozen=True)
class OwnerCallView:
    call_id: int
    unit: str
    tenant_name: str
    owner_name: str
    owner_phone: str
    answers: OwnerAnswers
    phoned_by: str
    phoned_at: datetime


@dataclass(frozen=True)
class IssuedSlip:
    slip_id: int
    slip_number: str
    code: str
    printed: PrintOutcome

    @property
    def short_code(self) -> str:
        """The code printed under the QR, for the guard to type when the scanner fails."""
        return short_code_of(self.code)


@dataclass(frozen=True)
class SlipView:
    """A slip as the guard sees it after a scan."""

    slip_id: int
    slip_number: str
    party_kind: PartyKind
    unit: str
    holder_name: str
    items: tuple[SlipItem, ...]
    issued_by_name: str
    issued_at: datetime
    status: SlipStatus
    checked_by_name: str | None
    checked_at: datetime | None
    void_reason: str | None
    # When the guard stops accepting it (kiosk.domain.release_slip.slip_valid_until).
    valid_until: datetime | None = None


@dataclass(frozen=True)
class ScanResult:
    """``valid`` (may be released), ``used`` (released before), ``voided``, ``expired`` (not used
    before its ``valid_until``: the holder asks the office for a new one), or ``invalid``.

    An invalid typed code says why, so the guard can try again: ``mistyped`` (the check code
    does not match) or ``number_only`` (the slip number without the code under the QR).
    """

    outcome: str
    slip: SlipView | None = None
    why: str = ""


# --- deposits and receipts ----------------------------------------------------------------------


@dataclass(frozen=True)
class PaymentResult:
    payment_id: int
    receipt_number: str
    amount_fen: int
    printed: bool
    printer: str | None
    error: str | None = None
    refund_of: str | None = None
    # The receipt's print job: a desk station prints it on its own printer.
    job_id: int | None = None


@dataclass(frozen=True)
class PaymentView:
    """One receipt as the console lists it."""

    payment_id: int
    receipt_number: str
    purpose: ReceiptPurpose
    method: PaymentMethod
    amount_fen: int
    payer: str
    reference: str
    description: str
    clerk_name: str
    taken_at: datetime
    refund_of: str | None  # this is a refund of that receipt
    refunded_by: str | None  # this deposit was refunded by that receipt
    # Forfeited, or deducted in full by finance: nothing left to refund (kiosk.domain.deposits).
    settled: bool = False

    @property
    def is_refund(self) -> bool:
        return self.refund_of is not None

    @property
    def open_deposit(self) -> bool:
        return (
            self.purpose in DEPOSITS and not self.is_refund and self.refunded_by is None and not self.settled
        )


# --- shift handover (交接班) and the duty log (值班记录) ----------------------------------------


@dataclass(frozen=True)
class ItemCount:
    """One kind of thing handed over and how many (fen for cash)."""

    kind: HandoverItemKind
    count: int
    label: str = ""


@dataclass(frozen=True)
class IssueView:
    issue_id: int
    text: str
    raised_by: str
    raised_at: datetime
    handover_id: int | None


@dataclass(frozen=True)
class HandoverItemView:
    kind: HandoverItemKind
    label: str
    handed: int
    counted: int | None

    @property
    def matches(self) -> bool:
        return self.counted is None or self.counted == self.handed


@dataclass(frozen=True)
class HandoverView:
    handover_id: int
    outgoing_name: str
    outgoing_signed_at: datetime
    work_done: str
    notes: str
    items: tuple[HandoverItemView, ...]
    issues: tuple[str, ...]
    incoming_name: str | None
    incoming_signed_at: datetime | None
    discrepancy_note: str
    outgoing_digest: str
    incoming_digest: str | None

    @property
    def signed(self) -> bool:
        return self.incoming_signed_at is not None


@dataclass(frozen=True)
class DutyLogView:
    entry_id: int
    occurred_at: datetime
    place: str
    what: str
    action_taken: str
    people: str
    recorded_by: str


@dataclass
class Prefill:
    """Counts the form starts from, where the system knows them (the clerk still counts)."""

    counts: dict[HandoverItemKind, int] = field(default_factory=dict)
    since: datetime | None = None  # the previous signed handover these are reckoned from
    passes_out: int = 0  # machine-room passes signed out and not back: not in the drawer, still the desk's
    # The key register (钥匙借用): its keys in use and those out on loan; no sets, counted freely.
    keys: KeysAtDesk = field(default_factory=KeysAtDesk)


# --- machine-room passes (机房访客证) ------------------------------------------------------------


@dataclass(frozen=True)
class PassVisitor:
    """A visitor a pass is signed out for. The ID number is optional and kept only protected."""

    name: str
    company: str = ""
    id_type: str = ""
    id_number: str = ""


@dataclass(frozen=True)
class PassView:
    """One pass of the pool as the desk sees it; the visitor fields are set while it is out."""

    number: str
    status: PassStatus
    visitor_name: str = ""
    company: str = ""
    id_masked: str = ""
    signed_by: str = ""
    loan_id: int | None = None
    issued_at: datetime | None = None


@dataclass(frozen=True)
class LoanReceipt:
    """What a sign-out recorded: the loan (a deposit's hook), its pass numbers and count."""

    loan_id: int
    numbers: tuple[str, ...]
    signed_by: str
    issued_at: datetime

    @property
    def count(self) -> int:
        return len(self.numbers)


@dataclass(frozen=True)
class ReturnOutcome:
    """Passes checked back in: ``matched`` closed a sign-out, ``stray`` had none on record."""

    matched: tuple[str, ...]
    stray: tuple[str, ...]


@dataclass(frozen=True)
class DiscrepancyView:
    discrepancy_id: int | None  # None while the sheet is only a preview
    due_on: date
    kind: DiscrepancyKind
    pass_number: str | None
    detail: DiscrepancyDetail
    resolved_at: datetime | None = None
    resolved_by: str | None = None
    resolution_note: str | None = None

    @property
    def open(self) -> bool:
        return self.resolved_at is None


@dataclass(frozen=True)
class ReconciliationView:
    """The sheet of one due day: a live preview until the first signature freezes it."""

    due_on: date
    sheet: PassReconciliation
    discrepancies: tuple[DiscrepancyView, ...]
    frozen: bool
    desk_signed_at: datetime | None = None
    guard_signed_at: datetime | None = None
    print_job_id: int | None = None

    @property
    def complete(self) -> bool:
        return self.desk_signed_at is not None and self.guard_signed_at is not None


# --- IDC identity-verification cards (IDC身份校验卡) --------------------------------------------------


@dataclass(frozen=True)
class ApplicationView:
    application_id: int
    form_number: str
    company: str
    holder_name: str
    holder_mobile: str
    holder_id_masked: str
    letter_reference: str
    areas: tuple[str, ...]
    valid_from: datetime
    valid_until: datetime
    status: ApplicationStatus
    filed_by: str
    filed_by_name: str
    filed_at: datetime
    decided_by: str | None
    decision_note: str
    card_label: str | None
    card_uid: str | None
    card_status: CardStatus | None


@dataclass(frozen=True)
class DeliveryView:
    """One upload of a card's data to one access-control sink."""

    delivery_id: int
    card_label: str
    sink: str
    event: DeliveryEvent
    status: DeliveryStatus
    attempts: int
    last_error: str | None
    created_at: datetime
    next_attempt_at: datetime
    acknowledged_at: datetime | None


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime
    actor: str
    action: str
    detail: dict[str, object]
