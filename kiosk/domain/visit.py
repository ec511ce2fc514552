"""A visit's kinds, states and the front-desk rules that decide who must approve it."""

from __future__ import annotations

import enum
from datetime import datetime, time, timedelta

# The seeds' rule: a visitor is never left waiting more than 3 minutes without a colleague or the
# supervisor taking over.
ESCALATE_AFTER = timedelta(minutes=3)


class VisitorType(enum.Enum):
    GUEST = "guest"  # 访客
    CONTRACTOR = "contractor"  # 施工/装修人员 (holds an access permit 出入证)
    DELIVERY = "delivery"  # 送货/快递
    INTERVIEW = "interview"  # 面试
    GOVERNMENT = "government"  # 政府人员
    IDC_VISIT = "idc_visit"  # IDC机房参观/作业

    @property
    def needs_permit(self) -> bool:
        return self is VisitorType.CONTRACTOR


class VisitStatus(enum.Enum):
    PENDING = "pending"  # waiting for the host (or the duty officer at night)
    HELD = "held"  # watchlist match: staff must come; the visitor only sees "please wait"
    DECLINED = "declined"
    ON_SITE = "on_site"
    CHECKED_OUT = "checked_out"


class Approver(enum.Enum):
    HOST = "host"
    DUTY_OFFICER = "duty_officer"  # 物业总值: night mode
    PREREGISTERED = "preregistered"  # an invitation is the host's approval in advance
    DESK = "desk"  # a receptionist phoned the host and decided on their behalf


class CheckoutMethod(enum.Enum):
    """How a visit ended: the visitor log says, and auto check-outs are listed for the desk."""

    BADGE = "badge"  # badge QR scanned at the kiosk
    CARD = "card"  # temporary visitor card tapped at the kiosk
    NAME = "name"  # the visitor found their own (masked) name at the kiosk
    DESK = "desk"  # a receptionist checked them out by hand
    AUTO = "auto"  # still open at the configured hour: closed by the system, the desk follows up


def is_night(moment: time, night_starts: time, night_ends: time) -> bool:
    """Whether ``moment`` falls in the night window, which may wrap past midnight (20:00-08:00)."""
    if night_starts == night_ends:
        return False  # an empty window: night mode off
    if night_starts < night_ends:
        return night_starts <= moment < night_ends
    return moment >= night_starts or moment < night_ends


def needs_escalation(requested_at: datetime, now: datetime) -> bool:
    return now - requested_at >= ESCALATE_AFTER
