"""Machine-room visitor passes (机房访客证) and the 09:00 reconciliation over the API."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field

from kiosk.domain.machine_room_pass import MissedSheet, ReconciliationDue
from kiosk.domain.views import DiscrepancyView, PassView, ReconciliationView, StaffName

SHORT = 200
TEXT = 2000
SECRET = 200
NUMBER = 40
# A range names at most 500 passes; a few ranges in one go.
NUMBERS_MAX = 5000
# Past any sign-out (the service's own limit is far lower and says so in the clerk's words).
VISITORS_MAX = 500


class PassNumbers(BaseModel):
    numbers: list[str] = Field(max_length=NUMBERS_MAX)

    @classmethod
    def of(cls, numbers: list[str]) -> PassNumbers:
        return cls(numbers=[n[:NUMBER] for n in numbers[:NUMBERS_MAX]])


class PassVisitorIn(BaseModel):
    name: str = Field(max_length=SHORT)
    company: str = Field(default="", max_length=SHORT)
    id_type: str = Field(default="", max_length=NUMBER)
    id_number: str = Field(default="", max_length=NUMBER)


class SignOutRequest(BaseModel):
    """Passes handed to named visitors against a company member's PIN signature; the clerk is
    the member signed in at the station."""

    numbers: list[str] = Field(max_length=VISITORS_MAX)
    visitors: list[PassVisitorIn] = Field(max_length=VISITORS_MAX)
    signer_username: str = Field(max_length=SHORT)
    signer_secret: str = Field(max_length=SECRET)


class RetireRequest(BaseModel):
    reason: str = Field(max_length=TEXT)


class GuardSignature(BaseModel):
    """The machine-room duty guard's countersignature at the desk: their own number and PIN."""

    username: str = Field(max_length=SHORT)
    secret: str = Field(max_length=SECRET)
    counted: int = Field(ge=-(10**9), le=10**9)
    language: str = Field(default="zh_CN", max_length=10)
    # A past working day's sheet (补签): its day and why the signature comes late.
    due_on: date | None = None
    late_reason: str = Field(default="", max_length=TEXT)


class DeskSignature(BaseModel):
    """The clerk signed in at the desk signs today's sheet, or a past working day's with the
    reason it is late."""

    language: str = Field(default="zh_CN", max_length=10)
    due_on: date | None = None
    late_reason: str = Field(default="", max_length=TEXT)


class ResolveRequest(BaseModel):
    note: str = Field(max_length=TEXT)


class PassesBoard(BaseModel):
    """What the passes section shows: the pool, today's sheet (signed or a preview) and its
    state, every discrepancy still open, and the members the table names."""

    pool: list[PassView]
    # None at the weekend: no sheet is due (the pool is lent out all the same).
    reconciliation: ReconciliationView | None
    due: ReconciliationDue
    open_discrepancies: list[DiscrepancyView]
    staff: list[StaffName]
    # Past working days whose owed sheet is not signed by both (each can be signed late).
    missed: list[MissedSheet] = []
    # This year and next, when the official calendar has no notice for them yet (December: the
    # next year's is due; the supervisor enters its days as overrides until the library has it).
    unknown_years: list[int] = []
