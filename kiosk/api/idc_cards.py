"""IDC identity-verification cards (IDC身份校验卡) over the API: the application form, decisions,
the desk's card issue (a write plan for the card on its own encoder), revocation and uploads."""

from __future__ import annotations

from pydantic import AwareDatetime, BaseModel, Field, field_validator

from kiosk.api.schemas import CardContent, CardSeen, IssuedCardView
from kiosk.domain.idc_cards import RevokeReason
from kiosk.domain.views import HistoryEntry, PrintOutcome, StaffName

# Generous for anything a person types; the service applies the real limits with its messages.
SHORT = 200
TEXT = 2000
NUMBER = 40


class ApplicationForm(BaseModel):
    """The application form (《IDC身份校验卡申请表》) as sales fill it in. The ID number is sent
    as typed (over TLS) and sealed at the server; it never comes back."""

    form_number: str = Field(max_length=SHORT)
    company: str = Field(max_length=SHORT)
    holder_name: str = Field(max_length=SHORT)
    holder_mobile: str = Field(max_length=NUMBER)
    id_type: str = Field(max_length=NUMBER)
    id_number: str = Field(max_length=NUMBER)
    letter_reference: str = Field(max_length=SHORT)
    valid_from: AwareDatetime
    valid_until: AwareDatetime
    areas: str = Field(max_length=TEXT)


class ApplicationFiled(BaseModel):
    application_id: int


class Decision(BaseModel):
    """A supervisor's approval (the note optional) or rejection (the note says why)."""

    note: str = Field(default="", max_length=TEXT)


class IdcCardPlanRequest(BaseModel):
    """A card on the desk's encoder for an approved application: what the desk read from it, and
    the language of the issue confirmation printed at that desk."""

    card: CardSeen
    content: CardContent
    language: str = Field(default="zh_CN", max_length=10)


class IdcIssued(BaseModel):
    """The card verified and recorded; the confirmation queued for the desk's printer."""

    card: IssuedCardView
    printed: PrintOutcome | None


class RevokeRequest(BaseModel):
    reason: RevokeReason
    note: str = Field(default="", max_length=TEXT)

    @field_validator("reason")
    @classmethod
    def _not_expiry(cls, reason: RevokeReason) -> RevokeReason:
        if reason is RevokeReason.EXPIRED:
            raise ValueError("expiry is recorded by the server when the validity ends")
        return reason


class Revoked(BaseModel):
    card_label: str


class SendResult(BaseModel):
    """The upload sent again now: None when acknowledged, else the sink's error."""

    error: str | None


class IdcHistory(BaseModel):
    """An application's and its card's history, with the members it names (a desk reads no staff
    accounts itself)."""

    entries: list[HistoryEntry]
    staff: list[StaffName]
