"""Reaching a visitor's host: how to contact them, and what asks them to decide."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from kiosk.domain.notify import NotifyChannel


@dataclass(frozen=True)
class HostContact:
    host_id: int
    name: str
    email: str | None
    mobile: str | None
    # Their own channel and address from the staff directory (kiosk.domain.notify); None: the site's.
    notify_channel: NotifyChannel | None = None
    notify_address: str | None = None


class HostNotifier(Protocol):
    """Asks a host to accept or decline a visitor (e-mail, a group robot or an SMS with links)."""

    def request_decision(self, visit_id: int, visitor_name: str, company: str, host: HostContact) -> None: ...
