"""Reaching a visitor's host: how to contact them, and what asks them to decide."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class HostContact:
    host_id: int
    name: str
    email: str | None
    mobile: str | None


class HostNotifier(Protocol):
    """Asks a host to accept or decline a visitor (e-mail with links, ...)."""

    def request_decision(self, visit_id: int, visitor_name: str, company: str, host: HostContact) -> None: ...
