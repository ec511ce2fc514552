"""Key loans (钥匙借用) over the API: what the desk sends to lend, take back and keep the register."""

from __future__ import annotations

from pydantic import AwareDatetime, BaseModel, Field

from kiosk.api.schemas import Label
from kiosk.domain.key_loans import KeyKind

# Generous for anything a person types; the service applies the real limits with their messages.
TEXT = 500
SHORT = 80
# Past any ring of keys (the service refuses more than KEYS_MAX in the clerk's words).
COUNT_BOUND = 10_000


class KeySetBody(BaseModel):
    label: str = Field(max_length=SHORT)
    opens: str = Field(max_length=TEXT)
    key_count: int = Field(ge=-COUNT_BOUND, le=COUNT_BOUND)
    kept_at: str = Field(default="", max_length=SHORT)
    kind: KeyKind = KeyKind.KEY


class KeySetChange(KeySetBody):
    """A set changed in the register, with the reason (the handover counts against it)."""

    reason: str = Field(max_length=TEXT)


class KeyReason(BaseModel):
    reason: str = Field(max_length=TEXT)


class LendRequest(BaseModel):
    """Keys of a set lent to a named person; ``keys`` None: every key at the desk; ``due_at``
    None: the configured default ([keys])."""

    set_id: int = Field(ge=1, le=2**62)
    borrower: str = Field(max_length=SHORT)
    company: str = Field(default="", max_length=SHORT)
    phone: str = Field(default="", max_length=SHORT)
    id_type: str = Field(default="", max_length=SHORT)
    id_last_four: str = Field(default="", max_length=SHORT)
    staff_number: str = Field(default="", max_length=SHORT)
    keys: int | None = Field(default=None, ge=-COUNT_BOUND, le=COUNT_BOUND)
    due_at: AwareDatetime | None = None
    note: str = Field(default="", max_length=TEXT)


class ReturnRequest(BaseModel):
    """Keys handed back to the clerk signed in; ``keys`` None: every key still out."""

    keys: int | None = Field(default=None, ge=-COUNT_BOUND, le=COUNT_BOUND)
    note: str = Field(default="", max_length=TEXT)


class WriteOffRequest(BaseModel):
    keys: int = Field(ge=-COUNT_BOUND, le=COUNT_BOUND)
    reason: str = Field(max_length=TEXT)


class KeysExport(BaseModel):
    """Words for the workbook (English -> the desk's language); a word not given stays English."""

    words: dict[Label, Label] = Field(default_factory=dict, max_length=100)
