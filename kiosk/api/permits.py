"""The management office's permits over the API: what the desk sends to issue, cancel and
export them, and what the desk, the guard screen and the kiosk send to check one."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field

from kiosk.api.schemas import Label
from kiosk.domain.permits import EntryDecision, PermitKind, PermitRoute

# Generous for anything a person types; the service applies the real limits with their messages.
TEXT = 500
SHORT = 80
# More lines than fit on a permit (the service says how many do, in the clerk's words).
MATERIAL_LINES = 100


class MaterialLine(BaseModel):
    name: str = Field(max_length=TEXT)
    quantity: int = Field(ge=-1_000_000, le=1_000_000)


class PermitIssue(BaseModel):
    kind: PermitKind
    valid_from: date
    valid_until: date
    unit: str = Field(default="", max_length=SHORT)
    holder_name: str = Field(default="", max_length=SHORT)
    id_type: str = Field(default="", max_length=40)
    id_number: str = Field(default="", max_length=60)
    company: str = Field(default="", max_length=SHORT)
    materials: list[MaterialLine] = Field(default_factory=list, max_length=MATERIAL_LINES)
    route: PermitRoute | None = None
    note: str = Field(default="", max_length=TEXT)
    language: str = Field(default="zh_CN", max_length=10)


class PermitReason(BaseModel):
    reason: str = Field(max_length=TEXT)


class PermitCode(BaseModel):
    """What a scanner read from a permit's QR, or a permit number typed."""

    code: str = Field(max_length=200)


class PermitEntryRecord(BaseModel):
    """A valid permit shown: let in, or refused with the reason (``note``)."""

    decision: EntryDecision
    note: str = Field(default="", max_length=TEXT)


class PermitExport(BaseModel):
    """Which permits (as the desk's list) and the workbook's words in the desk's language
    (English -> its language): column headings, kinds, outcomes, ways up. A word not given
    stays English."""

    which: str = Field(default="all", max_length=20)
    search: str = Field(default="", max_length=SHORT)
    words: dict[Label, Label] = Field(default_factory=dict, max_length=100)
