"""Phone messages (电话记录 / 代客留言) over the API: the switchboard form, the inbox, the stamp."""

from __future__ import annotations

from pydantic import AwareDatetime, BaseModel, Field

from kiosk.api.schemas import MAX_ROW_ID
from kiosk.domain.phone_messages import CallerRequest, MessageSource, PhoneMessageView, RelayMethod
from kiosk.domain.views import StaffName

# Generous for anything a person types; the service applies the real limits with their messages.
TEXT = 2000
SHORT = 200


class TakeMessageRequest(BaseModel):
    """The switchboard form; who took it is the member signed in at the calling desk."""

    caller_name: str = Field(default="", max_length=SHORT)
    company: str = Field(default="", max_length=SHORT)
    phone: str = Field(default="", max_length=SHORT)
    extension: str = Field(default="", max_length=SHORT)
    city: str = Field(default="", max_length=SHORT)
    text: str = Field(default="", max_length=TEXT)
    caller_request: CallerRequest = CallerRequest.CALL_BACK
    received_at: AwareDatetime
    # For whom: a person of the staff directory, or a unit and/or a name.
    host_id: int | None = Field(default=None, ge=1, le=MAX_ROW_ID)
    recipient_unit: str = Field(default="", max_length=SHORT)
    recipient_name: str = Field(default="", max_length=SHORT)
    source: MessageSource = MessageSource.PHONE


class MessageRef(BaseModel):
    message_id: int


class PassOnRequest(BaseModel):
    method: RelayMethod
    note: str = Field(default="", max_length=TEXT)


class CancelMessageRequest(BaseModel):
    reason: str = Field(max_length=TEXT)


class MessageListing(BaseModel):
    """The inbox as the desk's page shows it: the messages, how many are still open, and the
    members their audit labels name (a clerk reads no staff accounts)."""

    messages: list[PhoneMessageView]
    open_count: int
    staff: list[StaffName]
