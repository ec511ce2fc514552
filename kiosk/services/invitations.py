"""Pre-registration (预约): the desk invites a visitor; the invitation is the host's approval."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.domain.errors import ValidationError
from kiosk.domain.invitation import new_invitation_code
from kiosk.domain.text import sanitize_text
from kiosk.domain.visitor import validate_company, validate_visitor_name
from kiosk.services import audit
from kiosk.services.audit import Actor
from kiosk.services.clock import Clock
from kiosk.storage.models import Host, Invitation


@dataclass(frozen=True)
class NewInvitation:
    invitation_id: int
    code: str


class InvitationService:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock) -> None:
        self._sessions = sessions
        self._clock = clock

    def invite(
        self,
        visitor_name: str,
        host_id: int,
        valid_from: datetime,
        valid_until: datetime,
        actor: Actor,
        company: str = "",
        mobile: str = "",
        email: str = "",
        purpose: str = "",
        party_size: int = 1,
    ) -> NewInvitation:
        """Record an invitation with a fresh, unique 6-character code."""
        name = validate_visitor_name(visitor_name)
        unit = validate_company(company)
        if valid_until <= valid_from:
            raise ValidationError("valid_until", "before_start")
        now = self._clock.now()
        with self._sessions.begin() as session:
            if session.get(Host, host_id) is None:
                raise ValidationError("host", "unknown")
            code = self._unused_code(session)
            invitation = Invitation(
                code=code,
                visitor_name=name,
                company=unit,
                mobile=sanitize_text(mobile) or None,
                email=sanitize_text(email) or None,
                host_id=host_id,
                purpose=sanitize_text(purpose),
                party_size=party_size,
                valid_from=valid_from,
                valid_until=valid_until,
                created_by=actor.label,
                created_at=now,
            )
            session.add(invitation)
            session.flush()
            audit.record(
                session, actor, "invitation.created", "invitation", invitation.id, now, host_id=host_id
            )
            return NewInvitation(invitation.id, code)

    @staticmethod
    def _unused_code(session: Session) -> str:
        # 25^6 = 244 million codes: a clash is rare, but a second try costs nothing.
        for _ in range(20):
            code = new_invitation_code()
            if session.scalar(select(Invitation.id).where(Invitation.code == code)) is None:
                return code
        raise RuntimeError("could not find an unused invitation code")
