"""Registered mail and parcels (挂号邮件) over the API: what the desk sends to log an item, hand it
out, record its damage, forward or return it, and keep the moved-out list. A PIN typed here is
the signer's own (a shift leader, a supervisor, a staff collector), checked by the server."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field

from kiosk.domain.mail import Collector, MailKind

# Generous for anything a person types; the service applies the real limits with their messages.
TEXT = 500
SHORT = 80
SECRET = 200


class MailLog(BaseModel):
    kind: MailKind
    carrier: str = Field(max_length=SHORT)
    tracking_number: str = Field(max_length=SHORT)
    addressee: str = Field(default="", max_length=SHORT)
    unit: str = Field(default="", max_length=SHORT)
    company: str = Field(default="", max_length=SHORT)
    host_id: int | None = Field(default=None, ge=1)
    shelf: str = Field(default="", max_length=SHORT)
    language: str = Field(default="zh_CN", max_length=10)


class MailCode(BaseModel):
    """What the desk's scanner read from a label, or a number typed."""

    code: str = Field(max_length=200)


class MailNote(BaseModel):
    note: str = Field(default="", max_length=TEXT)


class MailShelf(BaseModel):
    shelf: str = Field(max_length=SHORT)


class MailDamage(BaseModel):
    """What is damaged, and the shift leader's (领班) own staff number and PIN."""

    what: str = Field(max_length=TEXT)
    leader_username: str = Field(max_length=SHORT)
    leader_secret: str = Field(max_length=SECRET)


class MailHandOut(BaseModel):
    """A person: their ID's type and last four characters only (never the full number), their
    name typed and ticked; a member of staff: their own staff number and PIN."""

    collector: Collector
    name: str = Field(default="", max_length=SHORT)
    id_type: str = Field(default="resident_id", max_length=20)
    id_last_four: str = Field(default="", max_length=8)
    signed_name: str = Field(default="", max_length=SHORT)
    signature_confirmed: bool = False
    staff_username: str = Field(default="", max_length=SHORT)
    staff_secret: str = Field(default="", max_length=SECRET)
    damage_shown: bool = False


class MailForward(BaseModel):
    """Empty: the address on the moved-out record."""

    address: str = Field(default="", max_length=TEXT)


class MailReturnRequest(BaseModel):
    """Empty approver: the member signed in approves (a supervisor)."""

    reason: str = Field(max_length=TEXT)
    approver_username: str = Field(default="", max_length=SHORT)
    approver_secret: str = Field(default="", max_length=SECRET)


class MailExport(BaseModel):
    which: str = Field(default="all", max_length=20)
    q: str = Field(default="", max_length=SHORT)
    day_from: date | None = None
    day_to: date | None = None


class MovedOutAdd(BaseModel):
    name: str = Field(max_length=SHORT)
    moved_out_on: date
    unit: str = Field(default="", max_length=SHORT)
    company: str = Field(default="", max_length=SHORT)
    phone: str = Field(default="", max_length=SHORT)
    forward_address: str = Field(default="", max_length=TEXT)
