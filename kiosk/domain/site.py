"""What the services need to know about the site they serve (one building, one time zone)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time
from zoneinfo import ZoneInfo


@dataclass(frozen=True)
class SiteInfo:
    """What the services need to know about the site they serve."""

    name: str
    timezone: ZoneInfo
    badge_valid_hours: int = 8
    night_starts: time = time(20, 0)
    night_ends: time = time(8, 0)
