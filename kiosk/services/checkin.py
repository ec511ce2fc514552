"""Checking a visitor in, and the decision that lets them in.

The visit is committed first, whatever happens next: a watchlist match holds it for staff, at
night the duty officer decides, otherwise the host is asked (and the desk may decide on the
host's behalf after phoning). Only an approved visit gets a badge number and a badge.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from kiosk.domain.badge import Badge, badge_valid_until, checkout_code, format_badge_number
from kiosk.domain.errors import ValidationError
from kiosk.domain.invitation import normalise_invitation_code
from kiosk.domain.phone_messages import CallerRequest, MessageSource, MessageStatus
from kiosk.domain.text import sanitize_text
from kiosk.domain.views import CheckInRequest, CheckInResult, InvitationView, VisitState
from kiosk.domain.visit import Approver, VisitStatus, is_night, needs_escalation
from kiosk.domain.visitor import (
    MESSAGE_MAX_CHARS,
    MESSAGE_PHONE_MAX_CHARS,
    MESSAGE_WINDOW,
    PURPOSE_MAX_CHARS,
    mask_name,
    validate_company,
    validate_mobile,
    validate_permit_number,
    validate_visitor_name,
)
from kiosk.domain.visitor_kinds import ApprovalWay, KindApprover, kind_of_type
from kiosk.faults import crash_point
from kiosk.services import audit
from kiosk.services.audit import Actor
from kiosk.services.clock import Clock
from kiosk.services.counters import next_value
from kiosk.services.host_contact import HostContact, HostNotifier
from kiosk.services.identity_guard import IdentityGuard, ProtectedIdentity
from kiosk.services.print_queue import PrintQueue
from kiosk.services.site import SiteInfo
from kiosk.services.visitor_kinds import WAY_OF_APPROVER, VisitorKindService
from kiosk.services.watchlist import watchlist_hold
from kiosk.storage.database import Sessions
from kiosk.storage.models import Host, HostMessage, Invitation, PrintJob, Visit

log = logging.getLogger(__name__)

PARTY_MAX = 50
# Why a visit the visitor cancelled while waiting is closed (stored; the audit says visit.withdrawn).
WITHDRAWN_NOTE = "withdrawn by the visitor at the kiosk"


@dataclass
class CheckInService:
    """The kiosk's check-in use case and the decisions on a visit."""

    sessions: Sessions
    print_queue: PrintQueue
    clock: Clock
    site: SiteInfo
    # Signs the badge's check-out code (kiosk.domain.badge.checkout_code); the lobby verifies it.
    code_key: bytes
    identity: IdentityGuard | None = None
    notifiers: list[HostNotifier] = field(default_factory=list)
    # Each kind of person and who approves it (kiosk.services.visitor_kinds); None: every visit
    # is its host's (the duty officer's at night), as before kinds were kept.
    kinds: VisitorKindService | None = None

    # --- check-in ------------------------------------------------------------------------------
    def check_in(
        self,
        request: CheckInRequest,
        actor: Actor,
        station: str | None = None,
        within: Callable[[Session, Visit], None] | None = None,
    ) -> CheckInResult:
        """Record the visit and start the decision. Raises ValidationError for bad input (nothing
        is stored then). ``station``: where the visitor stands and the badge prints (the actor's
        own station by default; a clerk registering a walk-in names their desk); ``within``: more
        to store with the visit in its transaction (kiosk.services.desk_visits)."""
        name = validate_visitor_name(request.visitor_name)
        company = validate_company(request.company)
        permit = validate_permit_number(request.permit_number)
        mobile = validate_mobile(request.mobile)
        if request.visitor_type.needs_permit and not permit:
            raise ValidationError("permit_number", "required")
        purpose = sanitize_text(request.purpose)
        if len(purpose) > PURPOSE_MAX_CHARS:
            raise ValidationError("purpose", "too_long", max=PURPOSE_MAX_CHARS)
        if not 1 <= request.party_size <= PARTY_MAX:
            raise ValidationError("party_size", "out_of_range", max=PARTY_MAX)
        if not request.declaration_accepted:
            raise ValidationError("declaration", "required")
        protected = self._protect(request)
        now = self.clock.now()
        with self.sessions.begin() as session:
            host = session.get(Host, request.host_id)
            if host is None or not host.active:
                raise ValidationError("host", "unknown")
            hold = watchlist_hold(session, name, company, protected.lookup_hash if protected else None, now)
            night = is_night(
                now.astimezone(self.site.timezone).time(), self.site.night_starts, self.site.night_ends
            )
            visit = Visit(
                visitor_name=name,
                company=company,
                visitor_type=request.visitor_type,
                permit_number=permit or None,
                mobile=mobile or None,
                id_type=protected.id_type if protected else None,
                id_hash=protected.lookup_hash if protected else None,
                id_last_four=protected.last_four if protected else None,
                id_sealed=protected.sealed if protected else None,
                purpose=purpose,
                party_size=request.party_size,
                declaration_accepted_at=now,
                host_id=host.id,
                status=VisitStatus.HELD if hold is not None else VisitStatus.PENDING,
                hold_entry_id=hold.entry_id if hold is not None else None,
                hold_match=hold.match if hold is not None else None,
                approver=Approver.DUTY_OFFICER if night else Approver.HOST,
                language=request.language,
                station=station or actor.ident,
                requested_at=now,
            )
            session.add(visit)
            session.flush()
            if within is not None:
                within(session, visit)
            required = (
                self.kinds.start_visit(
                    session, visit, request.kind or kind_of_type(request.visitor_type), night
                )
                if self.kinds is not None
                else None
            )
            audit.record(
                session,
                actor,
                "visit.held" if hold is not None else "visit.requested",
                "visit",
                visit.id,
                now,
                host_id=host.id,
                approver=visit.approver.value,
                watchlist_entry=hold.entry_id if hold is not None else None,
                match=hold.match.value if hold is not None else None,
            )
            result = CheckInResult(visit.id, visit.status)
            contact = HostContact(
                host.id, host.name, host.email, host.mobile, host.notify_channel, host.notify_address
            )
            unit_visited = host.unit is not None
            crash_point("checkin.submit.in_transaction")
        crash_point("checkin.submit.committed")
        # A unit (hosts.unit) has no one to e-mail: the desk calls its residents.
        # The duty officer's visit: their notice, never the host's links (kiosk.domain.visitor_kinds).
        if required is KindApprover.DUTY_OFFICER and self.kinds is not None:
            self.kinds.tell_duty_officer(result.visit_id)
        elif result.status is VisitStatus.PENDING and not night and not unit_visited:
            self._notify(result.visit_id, name, company, contact)
        return result

    def _protect(self, request: CheckInRequest) -> ProtectedIdentity | None:
        if not request.id_number.strip():
            return None
        if self.identity is None:
            raise ValidationError("id_number", "not_accepted_here")
        return self.identity.protect(request.id_type, request.id_number)

    def _notify(self, visit_id: int, name: str, company: str, host: HostContact) -> None:
        for notifier in self.notifiers:
            try:
                notifier.request_decision(visit_id, name, company, host)
            except Exception:  # a mail server down must not stop the check-in; the desk sees it
                log.exception("notifying host %s for visit %s failed", host.host_id, visit_id)

    # --- decisions -----------------------------------------------------------------------------
    def approve(
        self,
        visit_id: int,
        actor: Actor,
        approver: Approver,
        note: str = "",
        way: ApprovalWay | None = None,
        call_note: str = "",
    ) -> CheckInResult:
        """Let the visitor in: badge number, validity, and the badge printed. ``way``: how it was
        approved (by default what ``approver`` means: the host's link, the desk's call, the duty
        officer at a console); refused (``approver``) unless the visit's kind allows it."""
        with self.sessions.begin() as session:
            visit = self._decidable(session, visit_id, allow_held=False)
            if self.kinds is not None:
                self.kinds.approving(session, visit, way or WAY_OF_APPROVER[approver], call_note)
            job_id = self._let_in(session, visit, actor, approver, note)
            badge_number = visit.badge_number
            crash_point("checkin.approve.in_transaction")
        crash_point("checkin.approve.committed")
        outcome = self.print_queue.dispatch(job_id, actor)
        return CheckInResult(visit_id, VisitStatus.ON_SITE, badge_number, outcome.printed, outcome.error)

    def _let_in(self, session: Session, visit: Visit, actor: Actor, approver: Approver, note: str) -> int:
        """Approve ``visit`` inside ``session``'s transaction; returns the badge's print job id."""
        now = self.clock.now()
        visit.status = VisitStatus.ON_SITE
        visit.approver = approver
        visit.decided_at = now
        visit.decided_by = actor.label
        visit.decision_note = sanitize_text(note) or None
        visit.badge_number = format_badge_number(next_value(session, "badge"))
        visit.checked_in_at = now
        visit.valid_until = badge_valid_until(now, self.site.badge_valid_hours, self.site.timezone)
        session.flush()
        # The badge prints where the visitor stands, whoever approved the visit.
        job = self.print_queue.enqueue(
            session,
            self._badge(visit),
            visit.badge_number,
            visit.language,
            visit.id,
            for_station=visit.station,
        )
        audit.record(
            session,
            actor,
            "visit.approved",
            "visit",
            visit.id,
            now,
            approver=approver.value,
            badge_number=visit.badge_number,
        )
        return job.id

    # --- invitations ---------------------------------------------------------------------------
    def find_invitation(self, raw_code: str) -> InvitationView:
        """The invitation a typed or scanned code names, if it can be used now; else a clear error."""
        code = normalise_invitation_code(raw_code)
        with self.sessions.reads() as session:
            invitation = self._usable_invitation(session, code)
            return InvitationView(
                code=invitation.code,
                masked_name=mask_name(invitation.visitor_name),
                company=invitation.company,
                host_name=invitation.host.name,
                host_department=invitation.host.department,
                valid_from=invitation.valid_from,
                valid_until=invitation.valid_until,
                party_size=invitation.party_size,
            )

    def _usable_invitation(self, session: Session, code: str) -> Invitation:
        invitation = session.scalar(select(Invitation).where(Invitation.code == code))
        if invitation is None:
            raise ValidationError("invitation_code", "unknown")
        now = self.clock.now()
        if invitation.cancelled:
            raise ValidationError("invitation_code", "cancelled")
        if invitation.visit_id is not None:
            raise ValidationError("invitation_code", "used")
        local = self.site.timezone
        if now < invitation.valid_from:
            raise ValidationError(
                "invitation_code",
                "not_yet",
                valid_from=invitation.valid_from.astimezone(local).strftime("%m-%d %H:%M"),
            )
        if now > invitation.valid_until:
            raise ValidationError(
                "invitation_code",
                "expired",
                valid_until=invitation.valid_until.astimezone(local).strftime("%m-%d %H:%M"),
            )
        return invitation

    def check_in_invited(
        self, raw_code: str, actor: Actor, language: str, declaration_accepted: bool
    ) -> CheckInResult:
        """An invited visitor confirms at the kiosk: already approved by the host, so the badge prints
        at once (unless the watchlist holds them)."""
        if not declaration_accepted:
            raise ValidationError("declaration", "required")
        code = normalise_invitation_code(raw_code)
        now = self.clock.now()
        with self.sessions.begin() as session:
            invitation = self._usable_invitation(session, code)
            hold = watchlist_hold(session, invitation.visitor_name, invitation.company, None, now)
            visit = Visit(
                visitor_name=invitation.visitor_name,
                company=invitation.company,
                mobile=invitation.mobile,
                purpose=invitation.purpose,
                party_size=invitation.party_size,
                declaration_accepted_at=now,
                host_id=invitation.host_id,
                status=VisitStatus.HELD if hold is not None else VisitStatus.PENDING,
                hold_entry_id=hold.entry_id if hold is not None else None,
                hold_match=hold.match if hold is not None else None,
                approver=Approver.PREREGISTERED,
                language=language,
                station=actor.ident,
                requested_at=now,
            )
            session.add(visit)
            session.flush()
            invitation.visit_id = visit.id
            audit.record(
                session,
                actor,
                "invitation.used",
                "invitation",
                invitation.id,
                now,
                visit_id=visit.id,
                code=code,
            )
            if hold is not None:
                audit.record(
                    session,
                    actor,
                    "visit.held",
                    "visit",
                    visit.id,
                    now,
                    watchlist_entry=hold.entry_id,
                    match=hold.match.value,
                )
                return CheckInResult(visit.id, VisitStatus.HELD)
            job_id = self._let_in(session, visit, actor, Approver.PREREGISTERED, f"invitation {code}")
            visit_id, badge_number = visit.id, visit.badge_number
        outcome = self.print_queue.dispatch(job_id, actor)
        return CheckInResult(visit_id, VisitStatus.ON_SITE, badge_number, outcome.printed, outcome.error)

    def decline(self, visit_id: int, actor: Actor, note: str = "") -> None:
        """Turn the visitor away politely (host declined, or a hold refused)."""
        now = self.clock.now()
        with self.sessions.begin() as session:
            visit = self._decidable(session, visit_id, allow_held=True)
            visit.status = VisitStatus.DECLINED
            visit.decided_at = now
            visit.decided_by = actor.label
            visit.decision_note = sanitize_text(note) or None
            audit.record(session, actor, "visit.declined", "visit", visit.id, now)

    def withdraw(self, visit_id: int, actor: Actor) -> None:
        """The visitor cancels at the waiting screen: the request is closed (declined, with the reason)
        so the host's link and the desk can no longer let them in, and the board stops showing it.

        Only a visit still waiting for its host or the duty officer: a decided one raises
        ``already_decided``, and a watchlist hold (``held``) stays for staff to deal with.
        """
        now = self.clock.now()
        with self.sessions.begin() as session:
            # Only from the kiosk the visit was made at: another kiosk's credential cancels no one
            # else's request (and learns nothing: the same answer as for no such visit).
            made_at = session.scalar(select(Visit.station).where(Visit.id == visit_id))
            if made_at != actor.ident:
                raise ValidationError("visit", "unknown")
            visit = self._decidable(session, visit_id, allow_held=False)
            visit.status = VisitStatus.DECLINED
            visit.decided_at = now
            visit.decided_by = actor.label
            visit.decision_note = WITHDRAWN_NOTE
            audit.record(session, actor, "visit.withdrawn", "visit", visit.id, now, host_id=visit.host_id)

    def leave_message(self, visit_id: int, phone: str, text: str, actor: Actor) -> int:
        """A declined visitor leaves contact details for the host; the desk relays them.

        The kiosk's route is public (no member signs in), so the visit itself must allow it:
        refused (``ValidationError`` on ``message``) unless ``actor`` is the kiosk the visit was
        made at (``other_station``), the host or the desk declined it (``not_declined``: waiting,
        let in, or withdrawn by the visitor, to whom the kiosk offers no message), no message was
        left for it yet (``already_left``), and it was declined at most MESSAGE_WINDOW ago
        (``too_late``). Checked in that order, so another kiosk learns nothing of the visit.
        """
        phone_text = sanitize_text(phone)
        message = sanitize_text(text)
        if not phone_text and not message:
            raise ValidationError("message", "required")
        if len(phone_text) > MESSAGE_PHONE_MAX_CHARS:
            raise ValidationError("phone", "too_long", max=MESSAGE_PHONE_MAX_CHARS)
        if len(message) > MESSAGE_MAX_CHARS:
            raise ValidationError("message", "too_long", max=MESSAGE_MAX_CHARS)
        now = self.clock.now()
        with self.sessions.begin() as session:
            visit = session.get(Visit, visit_id)
            if visit is None:
                raise ValidationError("visit", "unknown")
            # Writers take turns (BEGIN IMMEDIATE, PostgreSQL's writer lock): two sends at once
            # cannot both find no message.
            _may_leave_message(session, visit, actor, now)
            # Into the desk's inbox with the switchboard's messages (kiosk.services.phone_messages).
            note = HostMessage(
                host_id=visit.host_id,
                visit_id=visit.id,
                source=MessageSource.KIOSK,
                status=MessageStatus.OPEN,
                caller_name=visit.visitor_name,
                company=visit.company,
                phone=phone_text,
                text=message,
                caller_request=CallerRequest.CALL_BACK if phone_text else CallerRequest.NONE,
                received_at=now,
                recorded_by=actor.label,
                created_at=now,
            )
            session.add(note)
            session.flush()
            audit.record(session, actor, "host_message.left", "host_message", note.id, now, visit_id=visit.id)
            return note.id

    def release_hold(self, visit_id: int, actor: Actor, note: str) -> None:
        """A supervisor clears a watchlist hold: the visit goes on to the normal decision."""
        now = self.clock.now()
        with self.sessions.begin() as session:
            visit = session.get(Visit, visit_id)
            if visit is None:
                raise ValidationError("visit", "unknown")
            if visit.status is not VisitStatus.HELD:
                raise ValidationError("visit", "not_held")
            visit.status = VisitStatus.PENDING
            # The staff's words stay out of the audit trail (it is kept for ever; they may name
            # people): the trail says who released which visit, when.
            audit.record(session, actor, "visit.hold_released", "visit", visit.id, now)

    def _decidable(self, session: Session, visit_id: int, allow_held: bool) -> Visit:
        visit = session.get(Visit, visit_id)
        if visit is None:
            raise ValidationError("visit", "unknown")
        allowed = {VisitStatus.PENDING, VisitStatus.HELD} if allow_held else {VisitStatus.PENDING}
        if visit.status not in allowed:
            raise ValidationError(
                "visit", "already_decided" if visit.status is not VisitStatus.HELD else "held"
            )
        return visit

    def escalate_overdue(self, actor: Actor) -> list[int]:
        """Mark visits waiting 3 minutes or more as escalated (once) and return their ids."""
        now = self.clock.now()
        escalated: list[int] = []
        with self.sessions.begin() as session:
            waiting = session.scalars(
                select(Visit).where(Visit.status == VisitStatus.PENDING, Visit.escalated_at.is_(None))
            )
            for visit in waiting:
                if needs_escalation(visit.requested_at, now):
                    visit.escalated_at = now
                    audit.record(session, actor, "visit.escalated", "visit", visit.id, now)
                    escalated.append(visit.id)
        return escalated

    def state(self, visit_id: int, kiosk: str | None = None) -> VisitState:
        """A visit as its waiting page shows it; asked by ``kiosk`` (a station's name), only a
        visit made there: another kiosk hears of no such visit (the name, company and host of
        whoever is in the building are not a kiosk credential's to read by numbers)."""
        with self.sessions.reads() as session:
            visit = session.get(Visit, visit_id)
            if visit is None or (kiosk is not None and visit.station != kiosk):
                raise ValidationError("visit", "unknown")
            badge_status = session.scalar(
                select(PrintJob.status)
                .where(PrintJob.visit_id == visit_id, PrintJob.document == "badge")
                .order_by(PrintJob.id.desc())
                .limit(1)
            )
            return VisitState(
                visit_id=visit.id,
                visitor_name=visit.visitor_name,
                status=visit.status,
                approver=visit.approver,
                requested_at=visit.requested_at,
                badge_number=visit.badge_number,
                badge_status=badge_status,
                decision_note=visit.decision_note,
                host_name=visit.host.name,
                host_department=visit.host.department,
                company=visit.company,
                party_size=visit.party_size,
            )

    def _badge(self, visit: Visit) -> Badge:
        zone = self.site.timezone
        assert (
            visit.badge_number is not None
            and visit.checked_in_at is not None
            and visit.valid_until is not None
        )
        return Badge(
            badge_number=visit.badge_number,
            visitor_name=visit.visitor_name,
            company=visit.company,
            host_name=visit.host.name,
            host_department=visit.host.department,
            checked_in_at=visit.checked_in_at.astimezone(zone),
            valid_until=visit.valid_until.astimezone(zone),
            site_name=self.site.name,
            checkout_code=checkout_code(self.code_key, visit.id, visit.badge_number, visit.checked_in_at),
        )


def _may_leave_message(session: Session, visit: Visit, actor: Actor, now: datetime) -> None:
    """Refuse a kiosk's message the visit does not allow (CheckInService.leave_message says which)."""
    if actor.ident != visit.station:
        # Not a visitor's slip: a station sending for a visit it never saw. For the log's reader.
        log.warning("a message for visit %s was refused: sent by %s, not its kiosk", visit.id, actor.label)
        raise ValidationError("message", "other_station")
    if (
        visit.status is not VisitStatus.DECLINED
        or visit.decision_note == WITHDRAWN_NOTE
        or visit.decided_at is None
    ):
        raise ValidationError("message", "not_declined")
    left = exists().where(HostMessage.visit_id == visit.id, HostMessage.source == MessageSource.KIOSK)
    if session.scalar(select(left)):
        raise ValidationError("message", "already_left")
    if now - visit.decided_at > MESSAGE_WINDOW:
        raise ValidationError("message", "too_late", minutes=int(MESSAGE_WINDOW.total_seconds() // 60))
