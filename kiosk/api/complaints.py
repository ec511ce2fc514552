"""Complaints and suggestions over the API: what the desk sends to record one and follow it up."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field

from kiosk.domain.complaints import (
    ComplaintKind,
    ComplaintSource,
    ComplaintSubject,
    Satisfaction,
)

# Generous for anything a person types; the service applies the real limits with their messages.
SHORT = 200
TEXT = 4000


class ComplaintRecord(BaseModel):
    kind: ComplaintKind
    source: ComplaintSource
    subject: ComplaintSubject
    complainant: str = Field(default="", max_length=SHORT)
    unit: str = Field(default="", max_length=SHORT)
    contact: str = Field(default="", max_length=SHORT)
    text: str = Field(max_length=TEXT)
    responsible: str = Field(max_length=SHORT)
    due_on: date
    serious: bool = False


class ComplaintNote(BaseModel):
    """A follow-up step, or the reason a complaint is made serious."""

    text: str = Field(max_length=TEXT)


class ComplaintAssignment(BaseModel):
    responsible: str = Field(max_length=SHORT)
    due_on: date
    note: str = Field(default="", max_length=TEXT)


class ComplaintCallback(BaseModel):
    satisfaction: Satisfaction
    note: str = Field(default="", max_length=TEXT)


class ComplaintClosing(BaseModel):
    result: str = Field(max_length=TEXT)
