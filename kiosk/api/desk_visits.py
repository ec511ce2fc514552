"""Walk-ins registered at the desk and the desk's calls about a visit, over the API."""

from __future__ import annotations

from pydantic import BaseModel, Field

from kiosk.domain.calls import CallAnswer, CallChannel, CallDraft, Callee, WalkInRequest
from kiosk.domain.views import CheckInRequest

# Generous for anything a person types; the domain applies the real limits with their messages.
SHORT = 80
TEXT = 500


class WalkIn(BaseModel):
    """The kiosk's check-in request, and a unit (房号) or one of its residents as the person
    visited instead of the request's host."""

    visit: CheckInRequest
    unit: str = Field(default="", max_length=SHORT)
    resident_id: int | None = None

    def request(self) -> WalkInRequest:
        return WalkInRequest(self.visit, self.unit, self.resident_id)


class CallRecord(BaseModel):
    callee: Callee
    channel: CallChannel
    number: str = Field(max_length=SHORT)
    answer: CallAnswer
    resident_id: int | None = None
    note: str = Field(default="", max_length=TEXT)

    def draft(self) -> CallDraft:
        return CallDraft(self.callee, self.channel, self.number, self.answer, self.resident_id, self.note)
