"""Shift handover (交接班) and the duty log (值班记录) over the API."""

from __future__ import annotations

from pydantic import AwareDatetime, BaseModel, Field

from kiosk.domain.handover import HandoverItemKind
from kiosk.domain.views import DutyLogView, HandoverView, IssueView, StaffName

# Generous for anything a person types; the service applies the real limits with their messages.
TEXT = 2000
SHORT = 200
SECRET = 200
# Past any count or drawer (the service refuses a negative one in the clerk's words).
COUNT_BOUND = 10**12


class HandoverItem(BaseModel):
    kind: HandoverItemKind
    count: int = Field(ge=-COUNT_BOUND, le=COUNT_BOUND)
    label: str = Field(default="", max_length=SHORT)


class HandOverRequest(BaseModel):
    """The outgoing clerk's part, signed with the PIN of the member signed in at the station."""

    secret: str = Field(max_length=SECRET)
    work_done: str = Field(max_length=TEXT)
    items: list[HandoverItem] = Field(max_length=len(HandoverItemKind) * 4)
    issues: list[str] = Field(default_factory=list, max_length=50)
    notes: str = Field(default="", max_length=TEXT)


class HandoverRef(BaseModel):
    handover_id: int


class CountersignRequest(BaseModel):
    """The incoming clerk's countersignature: their own staff number and PIN, and their counts."""

    username: str = Field(max_length=SHORT)
    secret: str = Field(max_length=SECRET)
    counted: dict[HandoverItemKind, int] = Field(default_factory=dict)
    discrepancy_note: str = Field(default="", max_length=TEXT)


class CloseIssueRequest(BaseModel):
    note: str = Field(default="", max_length=TEXT)


class IncidentRequest(BaseModel):
    """One line of the duty log; who wrote it is the member signed in at the station."""

    occurred_at: AwareDatetime
    place: str = Field(max_length=SHORT)
    what: str = Field(max_length=TEXT)
    action_taken: str = Field(default="", max_length=TEXT)
    people: str = Field(default="", max_length=TEXT)


class DutyLogRef(BaseModel):
    entry_id: int


class HandoverBoard(BaseModel):
    """What the handover section shows: the handover waiting for a signature, the open issues,
    recent handovers, the duty log, and the members they name (a clerk reads no staff accounts)."""

    pending: HandoverView | None
    open_issues: list[IssueView]
    history: list[HandoverView]
    duty_log: list[DutyLogView]
    staff: list[StaffName]
