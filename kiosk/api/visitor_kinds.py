"""Each kind of person at the lobby over the API: what the desk sends to let someone through on
what they are, keep the list of company leaders and close a patrol notice, and what the kiosk
sends for a permit holder."""

from __future__ import annotations

from pydantic import BaseModel, Field

from kiosk.domain.visitor_kinds import ApprovalWay, VisitorKind

# Generous for anything a person types; the service applies the real limits with their messages.
TEXT = 500
SHORT = 80


class AdmissionSubmit(BaseModel):
    kind: VisitorKind
    name: str = Field(default="", max_length=SHORT)
    unit: str = Field(default="", max_length=SHORT)
    company: str = Field(default="", max_length=SHORT)
    way: ApprovalWay | None = None
    leader_id: int | None = Field(default=None, ge=1, le=2**31 - 1)
    work_card: str = Field(default="", max_length=SHORT)
    permit_code: str = Field(default="", max_length=200)
    call_note: str = Field(default="", max_length=TEXT)
    note: str = Field(default="", max_length=TEXT)


class KioskPermit(BaseModel):
    """What the kiosk's scanner read from a permit's QR, or the number the holder typed."""

    code: str = Field(max_length=200)


class LeaderSubmit(BaseModel):
    name: str = Field(max_length=SHORT)
    title: str = Field(default="", max_length=SHORT)
    company: str = Field(default="", max_length=SHORT)


class Reason(BaseModel):
    reason: str = Field(max_length=TEXT)


class FollowedNote(BaseModel):
    note: str = Field(default="", max_length=TEXT)
