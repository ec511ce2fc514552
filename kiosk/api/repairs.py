"""Repair requests (报修) over the API: what the desk sends to take, dispatch and follow one up."""

from __future__ import annotations

from pydantic import BaseModel, Field

from kiosk.domain.complaints import Satisfaction
from kiosk.domain.repairs import RepairCategory, RepairClass

# Generous for anything a person types; the service applies the real limits with their messages.
TEXT = 500
SHORT = 80


class RepairTake(BaseModel):
    unit: str = Field(max_length=SHORT)
    caller_name: str = Field(max_length=SHORT)
    phone: str = Field(max_length=SHORT)
    what: str = Field(max_length=TEXT)
    location: str = Field(default="", max_length=TEXT)
    category: RepairCategory
    repair_class: RepairClass


class RepairDispatch(BaseModel):
    """``contractor`` empty: the engineering department (工程部)."""

    contractor: str = Field(default="", max_length=SHORT)
    engineer: str = Field(default="", max_length=SHORT)
    language: str = Field(default="zh_CN", max_length=10)


class RepairNote(BaseModel):
    note: str = Field(default="", max_length=TEXT)


class RepairSignOff(BaseModel):
    """The name the resident signed the work order with."""

    signed_by: str = Field(max_length=SHORT)


class RepairCallback(BaseModel):
    """The callback (回访): the resident's answer, or none (nobody answered)."""

    satisfaction: Satisfaction | None = None
    note: str = Field(default="", max_length=TEXT)


class RepairReason(BaseModel):
    reason: str = Field(max_length=TEXT)


class RepairReopen(RepairReason):
    """The caller's name and phone, asked again: required after the warranty (a new request) or
    when the request's were blanked by retention; otherwise empty keeps the request's."""

    caller_name: str = Field(default="", max_length=SHORT)
    phone: str = Field(default="", max_length=SHORT)


class RepairCode(BaseModel):
    """What the desk's scanner read from a work order, or a number typed."""

    code: str = Field(max_length=200)
