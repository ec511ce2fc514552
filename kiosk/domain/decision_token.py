"""Signed links that let a host accept or decline a visitor from an e-mail, a chat message or an
SMS, once, for a while."""

from __future__ import annotations

import base64
import hashlib
import hmac
import struct
from dataclasses import dataclass
from datetime import UTC, datetime

# "choose": the one link of an SMS; its page offers both answers (kiosk.server.decision_page).
ACTIONS = ("accept", "decline", "choose")
_MAC_BYTES = 16  # 128 bits: far beyond guessing within a link's lifetime
# The action byte's high bit: a link sent to the duty officer (kiosk.services.duty_officer), which
# decides as the duty officer; a host's link never can (kiosk.domain.visitor_kinds).
_DUTY_OFFICER = 0x80


class DecisionTokenError(ValueError):
    """The link is not one we signed, was altered, or has expired."""


class ExpiredDecisionTokenError(DecisionTokenError):
    """A genuine link past its time: the page says so (410) rather than "not valid" (403)."""


@dataclass(frozen=True)
class Decision:
    visit_id: int
    action: str
    expires_at: datetime
    duty_officer: bool = False


def sign_decision(
    key: bytes, visit_id: int, action: str, expires_at: datetime, duty_officer: bool = False
) -> str:
    if action not in ACTIONS:
        raise ValueError(f"unknown action {action!r}")
    action_byte = ACTIONS.index(action) | (_DUTY_OFFICER if duty_officer else 0)
    body = struct.pack(">QBQ", visit_id, action_byte, int(expires_at.timestamp()))
    mac = hmac.new(key, body, hashlib.sha256).digest()[:_MAC_BYTES]
    return base64.urlsafe_b64encode(body + mac).decode("ascii").rstrip("=")


def verify_decision(key: bytes, token: str, now: datetime) -> Decision:
    """Check ``token`` and return what it decides; raise DecisionTokenError otherwise."""
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
    except (ValueError, TypeError):
        raise DecisionTokenError("not a decision link") from None
    if len(raw) != 17 + _MAC_BYTES:
        raise DecisionTokenError("not a decision link")
    body, mac = raw[:17], raw[17:]
    if not hmac.compare_digest(mac, hmac.new(key, body, hashlib.sha256).digest()[:_MAC_BYTES]):
        raise DecisionTokenError("this link was not issued here or has been altered")
    visit_id, action_byte, expires = struct.unpack(">QBQ", body)
    action_index = action_byte & ~_DUTY_OFFICER
    if action_index >= len(ACTIONS):
        raise DecisionTokenError("not a decision link")
    expires_at = datetime.fromtimestamp(expires, UTC)
    if now > expires_at:
        raise ExpiredDecisionTokenError("this link has expired")
    return Decision(visit_id, ACTIONS[action_index], expires_at, bool(action_byte & _DUTY_OFFICER))
