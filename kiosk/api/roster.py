"""The duty roster (大堂助理值班表) over the API: what the desk sends to draft, approve and swap."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, Field

from kiosk.api.schemas import Label
from kiosk.domain.roster import CELLS_MAX, FillFrom

# Generous for anything a person types; the service applies the real limits with their messages.
TEXT = 500
SHORT = 80
ID_BOUND = 2**62


class CellBody(BaseModel):
    day: dt.date
    staff_id: int = Field(ge=1, le=ID_BOUND)
    shift: str = Field(default="", max_length=SHORT)


class RosterCells(BaseModel):
    """Cells of a month's draft: each person's shift on a day ("" for off)."""

    changes: list[CellBody] = Field(max_length=CELLS_MAX)


class RosterFill(BaseModel):
    source: FillFrom


class RosterReason(BaseModel):
    reason: str = Field(max_length=TEXT)


class RosterApproval(BaseModel):
    """Approved by the member signed in (no approver given), or by ``approver`` with their PIN."""

    approver: str = Field(default="", max_length=SHORT)
    secret: str = Field(default="", max_length=SHORT)


class RosterSwapBody(BaseModel):
    """One day's shift given to someone off that day; a supervisor agrees (signed in, or their PIN)."""

    day: dt.date
    from_staff_id: int = Field(ge=1, le=ID_BOUND)
    to_staff_id: int = Field(ge=1, le=ID_BOUND)
    reason: str = Field(max_length=TEXT)
    supervisor: str = Field(default="", max_length=SHORT)
    secret: str = Field(default="", max_length=SHORT)


class RosterExport(BaseModel):
    """Words for the workbook (English -> the desk's language); a word not given stays English."""

    words: dict[Label, Label] = Field(default_factory=dict, max_length=100)
