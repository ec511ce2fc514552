"""Newspapers and magazines (报刊) over the API: what the desk sends to take down an order, count a
day's bundle, report one late, raise a shortfall with the post office and resolve it."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field

from kiosk.api.schemas import Label
from kiosk.domain.newspapers import ALL_WEEK, BUNDLE_MAX, ContactMethod, Frequency

# Generous for anything a person types; the service applies the real limits with their messages.
TEXT = 500
SHORT = 80


class SubscriptionTake(BaseModel):
    unit: str = Field(max_length=SHORT)
    title: str = Field(max_length=SHORT)
    frequency: Frequency
    copies: int = Field(ge=-1000, le=100_000)
    starts_on: date
    ends_on: date
    weekdays: int = Field(default=0, ge=0, le=ALL_WEEK)
    month_days: str = Field(default="", max_length=SHORT)
    supplier: str = Field(default="", max_length=SHORT)


class SubscriptionStop(BaseModel):
    """``last_day`` the last day it comes (none: today)."""

    reason: str = Field(max_length=TEXT)
    last_day: date | None = None


class BundleCount(BaseModel):
    """The copies of ``title`` counted on the day; ``arrived_late``: it came after it should have."""

    title: str = Field(max_length=SHORT)
    received: int = Field(ge=-1000, le=BUNDLE_MAX * 20)
    arrived_late: bool = False
    note: str = Field(default="", max_length=TEXT)


class BundleLate(BaseModel):
    title: str = Field(max_length=SHORT)


class ShortfallContact(BaseModel):
    """Whom at the post office (or the paper) the desk spoke to, how, and what they said."""

    contact_name: str = Field(max_length=SHORT)
    method: ContactMethod
    note: str = Field(max_length=TEXT)


class ShortfallResolve(BaseModel):
    resolution: str = Field(max_length=TEXT)
    copies_made_good: int = Field(default=0, ge=-1000, le=BUNDLE_MAX * 20)


class NewspapersExport(BaseModel):
    """Words for the workbook (English -> the desk's language): sheet names, headings, the
    frequencies and states. A word not given stays English."""

    words: dict[Label, Label] = Field(default_factory=dict, max_length=100)
