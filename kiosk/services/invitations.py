"""Pre-registration (预约): the desk invites a visitor; the invitation is the host's approval."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from email.message import EmailMessage
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.domain.documents import InvitationSlip
from kiosk.domain.errors import ValidationError
from kiosk.domain.invitation import MAX_GROUP, invitation_qr, new_invitation_code
from kiosk.domain.text import sanitize_text
from kiosk.domain.views import ExpectedArrival, Invitee, NewInvitation, PrintOutcome
from kiosk.domain.visitor import validate_company, validate_mobile, validate_visitor_name
from kiosk.services import audit
from kiosk.services.audit import Actor
from kiosk.services.clock import Clock
from kiosk.services.print_queue import PrintQueue
from kiosk.storage.database import Sessions
from kiosk.storage.models import Host, Invitation, InvitationGroup

MAX_NOTE = 500


class InvitationService:
    def __init__(
        self,
        sessions: Sessions,
        clock: Clock,
        print_queue: PrintQueue | None = None,
        site_name: str = "",
        mail: Callable[[EmailMessage], None] | None = None,
        mail_from: str = "",
        zone: ZoneInfo | None = None,
    ) -> None:
        self._sessions = sessions
        # The site's zone: the voucher, the e-mail and the messages give local times.
        self._zone = zone or ZoneInfo("UTC")
        self._clock = clock
        self._queue = print_queue
        self._site = site_name
        # Set when the site has an SMTP server: invitations can then be e-mailed.
        self.mail = mail
        self._mail_from = mail_from

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
        self._check_window(valid_from, valid_until, self._clock.now())
        name, unit, phone, address = self._check_invitee(Invitee(visitor_name, mobile, email), company)
        if not 1 <= party_size <= MAX_GROUP:
            raise ValidationError("party_size", "out_of_range", max=MAX_GROUP)
        with self._sessions.begin() as session:
            if session.get(Host, host_id) is None:
                raise ValidationError("host", "unknown")
            return self._add(
                session,
                name,
                unit,
                phone,
                address,
                host_id,
                valid_from,
                valid_until,
                actor,
                purpose,
                party_size,
            )

    def invite_group(
        self,
        host_id: int,
        visiting_unit: str,
        headcount: int,
        valid_from: datetime,
        valid_until: datetime,
        invitees: Sequence[Invitee],
        actor: Actor,
        requirements: str = "",
        notes: str = "",
    ) -> tuple[int, list[NewInvitation]]:
        """A group or VIP visit: the work order's fields once, and a code for each named invitee.

        The headcount may be larger than the named invitees (the unit sends a list later); it is
        never smaller. All or nothing: one bad invitee refuses the whole group, saying which.
        """
        self._check_window(valid_from, valid_until, self._clock.now())
        unit = validate_company(visiting_unit)
        if not unit:
            raise ValidationError("visiting_unit", "required")
        if not invitees:
            raise ValidationError("invitees", "required")
        if not len(invitees) <= headcount <= MAX_GROUP:
            raise ValidationError("headcount", "out_of_range", low=len(invitees), high=MAX_GROUP)
        checked = []
        for line, invitee in enumerate(invitees, start=1):
            try:
                checked.append(self._check_invitee(invitee, unit))
            except ValidationError as exc:
                raise ValidationError(exc.field, exc.code, line=line, **exc.params) from None
        now = self._clock.now()
        with self._sessions.begin() as session:
            if session.get(Host, host_id) is None:
                raise ValidationError("host", "unknown")
            group = InvitationGroup(
                visiting_unit=unit,
                headcount=headcount,
                host_id=host_id,
                valid_from=valid_from,
                valid_until=valid_until,
                requirements=sanitize_text(requirements)[:MAX_NOTE],
                notes=sanitize_text(notes)[:MAX_NOTE],
                created_by=actor.label,
                created_at=now,
            )
            session.add(group)
            session.flush()
            audit.record(
                session, actor, "invitation_group.created", "invitation_group", group.id, now,
                host_id=host_id, headcount=headcount, named=len(checked),
            )  # fmt: skip
            created = [
                self._add(
                    session,
                    name,
                    company,
                    mobile,
                    email,
                    host_id,
                    valid_from,
                    valid_until,
                    actor,
                    "",
                    1,
                    group.id,
                )
                for name, company, mobile, email in checked
            ]
            return group.id, created

    def _check_window(self, valid_from: datetime, valid_until: datetime, now: datetime) -> None:
        if valid_until <= valid_from:
            raise ValidationError("valid_until", "before_start")
        # A window that has already closed makes a code the kiosk refuses the moment it is used.
        if valid_until <= now:
            raise ValidationError("valid_until", "in_the_past", valid_until=self._local(valid_until))

    def _local(self, moment: datetime) -> str:
        return moment.astimezone(self._zone).strftime("%Y-%m-%d %H:%M")

    @staticmethod
    def _check_invitee(invitee: Invitee, company: str) -> tuple[str, str, str | None, str | None]:
        name = validate_visitor_name(invitee.name)
        unit = validate_company(company)
        mobile = validate_mobile(invitee.mobile) if invitee.mobile.strip() else None
        email = sanitize_text(invitee.email).strip()
        if email and ("@" not in email or " " in email or len(email) > 120):
            raise ValidationError("email", "format")
        return name, unit, mobile, email or None

    def _add(
        self,
        session: Session,
        name: str,
        unit: str,
        mobile: str | None,
        email: str | None,
        host_id: int,
        valid_from: datetime,
        valid_until: datetime,
        actor: Actor,
        purpose: str,
        party_size: int,
        group_id: int | None = None,
    ) -> NewInvitation:
        now = self._clock.now()
        code = self._unused_code(session)
        invitation = Invitation(
            code=code,
            visitor_name=name,
            company=unit,
            mobile=mobile,
            email=email,
            group_id=group_id,
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
        audit.record(session, actor, "invitation.created", "invitation", invitation.id, now, host_id=host_id)
        return NewInvitation(invitation.id, code)

    def expected(self, start: datetime, end: datetime) -> list[ExpectedArrival]:
        """Invitations (not cancelled) whose window overlaps [start, end), earliest first."""
        stmt = (
            select(Invitation, Host.name, InvitationGroup.visiting_unit)
            .join(Host, Invitation.host_id == Host.id)
            .outerjoin(InvitationGroup, Invitation.group_id == InvitationGroup.id)
            .where(
                Invitation.cancelled.is_(False),
                Invitation.valid_from < end,
                Invitation.valid_until > start,
            )
            .order_by(Invitation.valid_from, Invitation.id)
        )
        with self._sessions.reads() as session:
            return [
                ExpectedArrival(
                    invitation_id=inv.id,
                    code=inv.code,
                    visitor_name=inv.visitor_name,
                    company=inv.company,
                    host_name=host_name,
                    valid_from=inv.valid_from,
                    valid_until=inv.valid_until,
                    group_unit=unit or "",
                    arrived=inv.visit_id is not None,
                    email=inv.email,
                )
                for inv, host_name, unit in session.execute(stmt)
            ]

    def created(self, invitation_id: int) -> NewInvitation:
        """An invitation made before, as its submit answered (a retried submit's reply)."""
        with self._sessions.reads() as session:
            invitation = session.get(Invitation, invitation_id)
            if invitation is None:
                raise ValidationError("invitation", "unknown")
            return NewInvitation(invitation.id, invitation.code)

    def group_created(self, group_id: int) -> list[NewInvitation]:
        """A group's invitations, as its submit answered (a retried submit's reply)."""
        with self._sessions.reads() as session:
            rows = session.execute(
                select(Invitation.id, Invitation.code)
                .where(Invitation.group_id == group_id)
                .order_by(Invitation.id)
            )
            return [NewInvitation(invitation_id, code) for invitation_id, code in rows]

    def cancel(self, invitation_id: int, actor: Actor) -> None:
        """The code stops working at once; a used invitation cannot be cancelled."""
        now = self._clock.now()
        with self._sessions.begin() as session:
            invitation = session.get(Invitation, invitation_id)
            if invitation is None:
                raise ValidationError("invitation", "unknown")
            if invitation.visit_id is not None:
                raise ValidationError("invitation", "already_used")
            invitation.cancelled = True
            audit.record(session, actor, "invitation.cancelled", "invitation", invitation.id, now)

    def slip(self, invitation_id: int) -> InvitationSlip:
        with self._sessions.reads() as session:
            invitation = session.get(Invitation, invitation_id)
            if invitation is None:
                raise ValidationError("invitation", "unknown")
            group = session.get(InvitationGroup, invitation.group_id) if invitation.group_id else None
            return InvitationSlip(
                site_name=self._site,
                visitor_name=invitation.visitor_name,
                company=invitation.company,
                host_name=invitation.host.name,
                valid_from=invitation.valid_from.astimezone(self._zone),
                valid_until=invitation.valid_until.astimezone(self._zone),
                code=invitation.code,
                qr=invitation_qr(invitation.code),
                group_unit=group.visiting_unit if group else "",
            )

    def _still_open(self, slip: InvitationSlip) -> InvitationSlip:
        """Refuse to hand out a code whose window has ended: the kiosk would refuse it at once."""
        if slip.valid_until <= self._clock.now():
            raise ValidationError("invitation", "ended", valid_until=self._local(slip.valid_until))
        return slip

    def print_slip(self, invitation_id: int, language: str, actor: Actor) -> PrintOutcome:
        """Queue the invitation (code and QR) for the desk printer and send it now."""
        if self._queue is None:
            raise RuntimeError("no print queue configured")
        slip = self._still_open(self.slip(invitation_id))
        with self._sessions.begin() as session:
            job = self._queue.enqueue(session, slip, slip.code, language)
            audit.record(session, actor, "invitation.printed", "invitation", invitation_id, self._clock.now())
            job_id = job.id
        return self._queue.dispatch(job_id, actor)

    def email_slip(self, invitation_id: int, actor: Actor) -> None:
        """E-mail the invitee their code (both languages). Raises if there is no address or SMTP."""
        if self.mail is None:
            raise ValidationError("email", "not_configured")
        slip = self._still_open(self.slip(invitation_id))
        with self._sessions.reads() as session:
            invitation = session.get(Invitation, invitation_id)
            address = invitation.email if invitation else None
        if not address:
            raise ValidationError("email", "required")
        self.mail(self.invitation_message(slip, address))
        with self._sessions.begin() as session:
            audit.record(session, actor, "invitation.emailed", "invitation", invitation_id, self._clock.now())

    def invitation_message(self, slip: InvitationSlip, address: str) -> EmailMessage:
        window = f"{slip.valid_from:%Y-%m-%d %H:%M} ~ {slip.valid_until:%Y-%m-%d %H:%M}"
        message = EmailMessage()
        message["Subject"] = f"访客预约 Visitor invitation: {slip.site_name} · {slip.code}"
        message["From"] = self._mail_from
        message["To"] = address
        message.set_content(
            f"{slip.visitor_name}，您好：\n\n您已预约拜访 {slip.host_name}（{slip.site_name}），"
            f"有效时间 {window}。\n到达大堂后请在自助终端选择“我有预约”，输入预约码 {slip.code}。\n\n"
            f"Dear {slip.visitor_name},\n\nYou are expected by {slip.host_name} at {slip.site_name}, "
            f'{window}.\nAt the lobby kiosk tap "I have an invitation" and type the code {slip.code}.\n'
        )
        return message

    @staticmethod
    def _unused_code(session: Session) -> str:
        # 25^6 = 244 million codes: a clash is rare, but a second try costs nothing.
        for _ in range(20):
            code = new_invitation_code()
            if session.scalar(select(Invitation.id).where(Invitation.code == code)) is None:
                return code
        raise RuntimeError("could not find an unused invitation code")
