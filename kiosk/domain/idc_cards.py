"""IDC identity-verification cards (IDC身份校验卡): the application's life and its rules.

A colocation customer brings a company introduction letter (介绍信); the sales rep files the
application form (《IDC身份校验卡申请表》); a supervisor approves it; the front desk encodes the
card and uploads its data to the access-control system; on the sales department's revocation
notice (or a lost card) the desk revokes it and the systems department (系统部) is told.
"""

from __future__ import annotations

import enum
from datetime import datetime, timedelta

from kiosk.domain.errors import ValidationError
from kiosk.domain.text import sanitize_text

EXPIRING_WITHIN = timedelta(days=30)
MAX_VALIDITY = timedelta(days=3 * 366)  # a colocation contract year or three; longer is a typo
FORM_NUMBER_MAX = 40
LETTER_MAX = 60
AREA_MAX = 40
AREAS_MAX = 20
NOTE_MAX = 200


class ApplicationStatus(enum.Enum):
    """Stored by value: never rename."""

    FILED = "filed"  # by sales, waiting for a supervisor
    APPROVED = "approved"  # waiting for the desk to encode the card
    REJECTED = "rejected"
    ISSUED = "issued"
    REVOKED = "revoked"
    EXPIRED = "expired"


class DeliveryStatus(enum.Enum):
    """An upload to the access-control system. Pending ones are retried until acknowledged."""

    PENDING = "pending"
    ACKNOWLEDGED = "acknowledged"


class DeliveryEvent(enum.Enum):
    ISSUED = "issued"
    REVOKED = "revoked"


class RevokeReason(enum.Enum):
    NOTICE = "notice"  # the sales department's revocation notice (销卡通知)
    LOST = "lost"
    EXPIRED = "expired"


def clean_field(field: str, value: str, max_chars: int, *, required: bool = True) -> str:
    """Sanitised text, or ValidationError(field, "required" / "too_long")."""
    text = sanitize_text(value)
    if required and not text:
        raise ValidationError(field, "required")
    if len(text) > max_chars:
        raise ValidationError(field, "too_long", max=max_chars)
    return text


def parse_areas(text: str) -> list[str]:
    """Machine rooms / cages, one per line or separated by commas (either width) or semicolons."""
    for sep in ("，", ",", "；", ";"):
        text = text.replace(sep, "\n")
    areas: list[str] = []
    for raw in text.splitlines():
        area = sanitize_text(raw)
        if not area or area in areas:
            continue
        if len(area) > AREA_MAX:
            raise ValidationError("areas", "too_long", max=AREA_MAX)
        areas.append(area)
    if not areas:
        raise ValidationError("areas", "required")
    if len(areas) > AREAS_MAX:
        raise ValidationError("areas", "too_many", max=AREAS_MAX)
    return areas


def check_validity(valid_from: datetime, valid_until: datetime) -> None:
    if valid_until <= valid_from:
        raise ValidationError("validity", "before_start")
    if valid_until - valid_from > MAX_VALIDITY:
        raise ValidationError("validity", "too_long", max_days=MAX_VALIDITY.days)


def retry_delay(attempts: int) -> timedelta:
    """Backoff after ``attempts`` failed deliveries: 30 s, 1, 2, 4 ... minutes, at most an hour."""
    return timedelta(seconds=min(3600, 30 * 2 ** max(0, attempts - 1)))
