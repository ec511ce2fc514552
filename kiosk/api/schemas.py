"""Request and response bodies that are not domain values of their own."""

from __future__ import annotations

from datetime import datetime, time

from pydantic import BaseModel, Field

from kiosk.domain.staff import Role
from kiosk.domain.station import StationRole

# Generous for anything a person types; the services apply the real limits with their messages.
TEXT = 500
SHORT = 80


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
    badge_number: str = Field(max_length=SHORT)


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


class AutoCheckoutRequest(BaseModel):
    before: datetime
