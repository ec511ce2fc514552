"""Lost and found (失物招领) over the API: what the desk sends to log an item, hand it to its owner,
dispose of it after the keep period (a supervisor's PIN), void it, print its tag and export."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, Field

from kiosk.api.schemas import Label
from kiosk.domain.lost_found import DisposalMethod, LostItemCategory, LostItemSource

# Generous for anything a person types; the service applies the real limits with their messages.
TEXT = 500
SHORT = 80
Which = Literal["held", "unclaimed", "claimed", "disposed", "voided", "all"]


class LostItemLog(BaseModel):
    what: str = Field(max_length=TEXT)
    category: LostItemCategory
    found_where: str = Field(max_length=TEXT)
    found_at: datetime
    finder: str = Field(max_length=SHORT)
    kept_at: str = Field(max_length=SHORT)
    source: LostItemSource = LostItemSource.FOUND
    meeting: str = Field(default="", max_length=SHORT)
    room: str = Field(default="", max_length=SHORT)
    cash_fen: int | None = Field(default=None, ge=0, le=10**12)


class LostItemClaim(BaseModel):
    """The owner: name, phone (optional), the ID's type and last four, the typed signature and
    its tick. Never the full ID number."""

    claimant_name: str = Field(max_length=SHORT)
    phone: str = Field(default="", max_length=SHORT)
    id_type: str = Field(max_length=20)
    id_last_four: str = Field(max_length=20)
    signed_name: str = Field(max_length=SHORT)
    signature_confirmed: bool


class LostItemDispose(BaseModel):
    """How, a note (which police station, to whom), and the approving supervisor's username and PIN."""

    method: DisposalMethod
    note: str = Field(default="", max_length=TEXT)
    supervisor: str = Field(max_length=SHORT)
    secret: str = Field(max_length=SHORT)


class LostItemVoid(BaseModel):
    reason: str = Field(max_length=TEXT)


class LostItemCode(BaseModel):
    """What the desk's scanner read from a tag, or a number typed."""

    code: str = Field(max_length=200)


class LostItemTagPrint(BaseModel):
    language: str = Field(default="zh_CN", max_length=10)


class LostItemExport(BaseModel):
    """The search to export, and the workbook's words (English -> the desk's language): column
    headings, categories, states, sources, methods, ID types. A word not given stays English."""

    which: Which = "all"
    q: str = Field(default="", max_length=SHORT)
    first_day: date | None = None
    last_day: date | None = None
    words: dict[Label, Label] = Field(default_factory=dict, max_length=200)
