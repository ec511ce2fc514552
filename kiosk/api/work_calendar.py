"""The site's working-day calendar over the API: the official days of a year and the site's
overrides (kiosk.services.work_calendar)."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field

from kiosk.domain.work_calendar import DayKind

TEXT = 2000


class OverrideRequest(BaseModel):
    day: date
    kind: DayKind
    note: str = Field(max_length=TEXT)


class CancelOverrideRequest(BaseModel):
    reason: str = Field(max_length=TEXT)
