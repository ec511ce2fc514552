"""Request and response bodies that are not domain values of their own."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Annotated

from pydantic import AwareDatetime, BaseModel, Field, StringConstraints

from kiosk.domain.staff import Role
from kiosk.domain.station import StationRole
from kiosk.domain.views import LogCursor, NewInvitation, StaffName, WatchlistView
from kiosk.domain.visit import VisitorType

# Generous for anything a person types; the services apply the real limits with their messages.
TEXT = 500
SHORT = 80
# The largest row id: PostgreSQL's integer (SQLite's rowid goes further; a site never will). A
# bigger id is the caller's error, refused here rather than by a query the database fails.
MAX_ROW_ID = 2**31 - 1
RowId = Annotated[int, Field(ge=1, le=MAX_ROW_ID)]


class SiteSettings(BaseModel):
    name: str
    timezone: str
    badge_valid_hours: int
    night_starts: time
    night_ends: time
    visitor_cards: bool
    auto_checkout_at: time | None
    station_name: str
    station_role: StationRole


class Ping(BaseModel):
    """A station's cheap question "are you there, do you know me, what time is it" (`kiosk
    doctor`): no side effect, unlike ``/site``, which hands back a restarted station's claims."""

    server_time: AwareDatetime
    station_name: str
    version: str


class Enrolment(BaseModel):
    code: str = Field(max_length=40)


class LocalEnrolment(BaseModel):
    """Another window of the same user on the server's machine (`make run` twice)."""

    secret: str = Field(max_length=100)
    name: str = Field(max_length=SHORT)
    role: StationRole


class Enrolled(BaseModel):
    token: str
    station_id: int
    station_name: str
    role: StationRole
    # The station compares this with the certificate it was shown (the code authenticates it).
    certificate_sha256: str | None


class SignInRequest(BaseModel):
    username: str = Field(max_length=SHORT)
    secret: str = Field(max_length=200)


class StaffView(BaseModel):
    staff_id: int
    username: str
    name: str
    role: Role


class SignedInReply(BaseModel):
    token: str
    staff: StaffView
    idle_timeout_s: int


class Note(BaseModel):
    note: str = Field(default="", max_length=TEXT)


class MessageRequest(BaseModel):
    phone: str = Field(max_length=SHORT)
    text: str = Field(max_length=2000)


class MessageStored(BaseModel):
    message_id: int


class InvitedCheckIn(BaseModel):
    language: str = Field(max_length=10)
    declaration_accepted: bool


class BadgeCheckout(BaseModel):
    # The scanned QR as typed by the scanner: the server parses and verifies it (it holds the key).
    code: str = Field(max_length=SHORT)


class NameCheckout(BaseModel):
    """The public kiosk's check-out without a badge: the name given at check-in and the last
    four digits of the mobile given with it."""

    name: str = Field(max_length=SHORT)
    mobile_last_four: str = Field(max_length=8)


class VisitRef(BaseModel):
    visit_id: int


class ClaimedJob(BaseModel):
    job_id: int
    document: str
    data: str
    language: str
    reference: str
    is_copy: bool


class JobResult(BaseModel):
    printed: bool
    printer: str | None = Field(default=None, max_length=200)
    error: str | None = Field(default=None, max_length=TEXT)


class StationAdd(BaseModel):
    name: str = Field(max_length=SHORT)
    role: StationRole


class StationEnrolment(BaseModel):
    station_id: int
    code: str
    expires_at: datetime


class StaffAdd(BaseModel):
    username: str = Field(max_length=SHORT)
    name: str = Field(max_length=SHORT)
    role: Role
    secret: str = Field(max_length=200)


class StaffUpdate(BaseModel):
    """Only what is given changes."""

    name: str | None = Field(default=None, max_length=SHORT)
    role: Role | None = None
    active: bool | None = None


class StaffSecret(BaseModel):
    secret: str = Field(max_length=200)


class StaffRef(BaseModel):
    staff_id: int


class LogQuery(BaseModel):
    """The visitor log's filters, checked again on the server (kiosk.domain.visitor_log)."""

    first_day: date
    last_day: date
    name: str = Field(default="", max_length=SHORT)
    company: str = Field(default="", max_length=SHORT)
    host: str = Field(default="", max_length=SHORT)
    last_four: str = Field(default="", max_length=10)
    visitor_type: VisitorType | None = None


class LogSearch(LogQuery):
    # The page starts after this visit (newest first); None: the first page.
    after: LogCursor | None = None


Label = Annotated[str, StringConstraints(max_length=SHORT)]


class LogExport(LogQuery):
    """What the file says in the desk's language: the column headings, words for stored values
    (types, ID documents, states) and for the kiosk's purpose buttons, the sheet's name."""

    headers: list[Label] = Field(max_length=20)
    labels: dict[Label, Label] = Field(default_factory=dict, max_length=100)
    purposes: dict[Label, Label] = Field(default_factory=dict, max_length=100)
    sheet_name: str = Field(default="visitor log", max_length=31)


class PrinterStateReport(BaseModel):
    name: str = Field(max_length=200)
    status: str = Field(max_length=20)


class PrinterStatesReport(BaseModel):
    """A station's printers as they said after its last round: its own printer first."""

    printers: list[PrinterStateReport] = Field(max_length=8)


# --- pre-registration -----------------------------------------------------------------------------


class InvitationRequest(BaseModel):
    """One visitor invited (their party may be larger)."""

    visitor_name: str = Field(max_length=SHORT)
    host_id: RowId
    valid_from: AwareDatetime
    valid_until: AwareDatetime
    company: str = Field(default="", max_length=SHORT)
    mobile: str = Field(default="", max_length=40)
    email: str = Field(default="", max_length=200)
    purpose: str = Field(default="", max_length=TEXT)
    party_size: int = Field(default=1, ge=0, le=10_000)


class InviteeLine(BaseModel):
    name: str = Field(max_length=SHORT)
    mobile: str = Field(default="", max_length=40)
    email: str = Field(default="", max_length=200)


class GroupInvitationRequest(BaseModel):
    """A group or VIP visit (会务贵宾接待工作单): the work order once, a line per named invitee.
    The service refuses more than its group limit with its own message; this bound only keeps
    a request small."""

    host_id: RowId
    visiting_unit: str = Field(max_length=SHORT)
    headcount: int = Field(ge=0, le=10_000)
    valid_from: AwareDatetime
    valid_until: AwareDatetime
    invitees: list[InviteeLine] = Field(max_length=1000)
    requirements: str = Field(default="", max_length=TEXT)
    notes: str = Field(default="", max_length=TEXT)


class Invited(BaseModel):
    group_id: int | None
    invitations: list[NewInvitation]


class PrintRequest(BaseModel):
    language: str = Field(max_length=10)


# --- the watchlist --------------------------------------------------------------------------------


class WatchlistAdd(BaseModel):
    """The ID number is sent as typed (over TLS): only the server holds the key that hashes it
    for matching, so every station matches alike; the server keeps the hash and the last four."""

    name: str = Field(max_length=SHORT)
    reason: str = Field(max_length=TEXT)
    company: str = Field(default="", max_length=SHORT)
    id_type: str = Field(default="", max_length=40)
    id_number: str = Field(default="", max_length=40)
    until: AwareDatetime | None = None


class WatchlistRef(BaseModel):
    entry_id: int


class WatchlistListing(BaseModel):
    entries: list[WatchlistView]
    # The members named in ``entries`` (added_by), so the desk can say who added whom.
    staff: list[StaffName]


# --- evacuation -----------------------------------------------------------------------------------


class EvacuationPrinted(BaseModel):
    """A station printed the roll call on its own printer (for the audit trail)."""

    people: int = Field(ge=0)
    printer: str = Field(max_length=200)
    from_snapshot: bool = False
    station_copy: bool = False


# --- cards (the site key stays on the server: a station gets one card's keys, one plan at a time) --

HEX = r"^([0-9A-Fa-f]{2})*$"  # whole bytes


class CardSeen(BaseModel):
    """A card on a station's encoder: its UID in hex (empty for a magnetic stripe) and kind."""

    uid: str = Field(max_length=20, pattern=HEX)
    technology: str = Field(max_length=40)


class CardContent(BaseModel):
    """What the station read from the card's data area, in hex; none for a blank card."""

    payload: str | None = Field(default=None, max_length=2048, pattern=HEX)
    foreign: bool = False


class CardTap(BaseModel):
    card: CardSeen
    content: CardContent


class CardKeysView(BaseModel):
    """One card's sector keys in hex: key A reads; key B (in a write plan only) writes."""

    key_a: str
    key_b: str = ""


class CardPlanView(BaseModel):
    """What to write on one card, valid for one attempt by the station that asked."""

    attempt_id: int
    label: str
    payload: str
    keys: CardKeysView
    wipe_first: bool


class CardWritten(BaseModel):
    """What the station read back after writing plan ``attempt_id``."""

    read_back: CardContent


class CardWriteFailed(BaseModel):
    error: str = Field(max_length=200)


class IssuedCardView(BaseModel):
    label: str
    uid: str | None
    valid_until: datetime
