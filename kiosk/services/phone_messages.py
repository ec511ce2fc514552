"""Phone messages (电话记录 / 代客留言): taken at the switchboard or the counter, left by declined
visitors at the kiosk (kiosk.services.checkin.leave_message), all in one inbox until the desk
passes them on and stamps who, when and how. A message taken by mistake is cancelled with a
reason, never deleted. Audit details carry the message's number and kinds, never what was said
or by whom.
"""

from __future__ import annotations

from datetime import timedelta, tzinfo
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from kiosk.domain.errors import ValidationError
from kiosk.domain.phone_messages import (
    BOARD_MESSAGES,
    CALLER_NAME_MAX_CHARS,
    CITY_MAX_CHARS,
    COMPANY_MAX_CHARS,
    NOTE_MAX_CHARS,
    RECIPIENT_NAME_MAX_CHARS,
    TEXT_MAX_CHARS,
    UNIT_MAX_CHARS,
    BoardMessage,
    CallerRequest,
    MessageSource,
    MessageStatus,
    NewPhoneMessage,
    PhoneMessageSlip,
    PhoneMessageView,
    RelayMethod,
    clean,
    message_number,
    normalise_extension,
    normalise_phone,
    recipient_label,
)
from kiosk.domain.views import PrintOutcome
from kiosk.services import audit
from kiosk.services.audit import Actor
from kiosk.services.clock import Clock
from kiosk.services.directory import _escape_like
from kiosk.services.print_queue import PrintQueue
from kiosk.storage.database import Sessions
from kiosk.storage.models import Host, HostMessage, StaffMember

# A call written down a little after the clock of the desk's PC says (a clock a minute fast);
# further in the future is a typing mistake.
FUTURE_SLACK = timedelta(minutes=5)
INBOX_LIMIT = 200
SEARCH_MAX_CHARS = 80
_OPEN_COUNT = select(func.count()).select_from(HostMessage).where(HostMessage.status == MessageStatus.OPEN)


class PhoneMessageService:
    def __init__(
        self, sessions: Sessions, clock: Clock, queue: PrintQueue, site_name: str, zone: tzinfo
    ) -> None:
        self._sessions = sessions
        self._clock = clock
        self._queue = queue
        self._site_name = site_name
        self._zone = zone

    # --- taking a message -------------------------------------------------------------------------

    def take(self, form: NewPhoneMessage, actor: Actor) -> int:
        """Write down a message from the switchboard or the counter; returns its id.

        Refused (``ValidationError``): no caller (``caller.required``: a name or a number), nothing
        to pass on (``text.required``: a message or a request to call back), nobody it is for
        (``recipient.required``), a directory person no longer there (``host.unknown``), a call
        back without a number (``phone.required_for_call_back``), a time in the future
        (``received_at.future``), and each field's own format and length.
        """
        if form.source is MessageSource.KIOSK:
            raise ValidationError("source", "kiosk_only")  # the kiosk's come through check-in
        caller = clean("caller_name", form.caller_name, CALLER_NAME_MAX_CHARS)
        company = clean("company", form.company, COMPANY_MAX_CHARS)
        phone = normalise_phone(form.phone)
        extension = normalise_extension(form.extension)
        city = clean("city", form.city, CITY_MAX_CHARS)
        text = clean("text", form.text, TEXT_MAX_CHARS)
        unit = clean("recipient_unit", form.recipient_unit, UNIT_MAX_CHARS)
        name = clean("recipient_name", form.recipient_name, RECIPIENT_NAME_MAX_CHARS)
        if not caller and not phone:
            raise ValidationError("caller", "required")
        if not text and form.caller_request is CallerRequest.NONE:
            raise ValidationError("text", "required")
        if form.caller_request is CallerRequest.CALL_BACK and not phone:
            raise ValidationError("phone", "required_for_call_back")
        if form.host_id is None and not unit and not name:
            raise ValidationError("recipient", "required")
        now = self._clock.now()
        if form.received_at > now + FUTURE_SLACK:
            raise ValidationError("received_at", "future")
        with self._sessions.begin() as session:
            if form.host_id is not None:
                host = session.get(Host, form.host_id)
                if host is None or not host.active:
                    raise ValidationError("host", "unknown")
            message = HostMessage(
                host_id=form.host_id,
                recipient_unit=unit,
                recipient_name=name if form.host_id is None else "",
                visit_id=None,
                source=form.source,
                status=MessageStatus.OPEN,
                caller_name=caller,
                company=company,
                phone=phone,
                extension=extension,
                city=city,
                text=text,
                caller_request=form.caller_request,
                received_at=form.received_at,
                recorded_by=actor.label,
                created_at=now,
            )
            session.add(message)
            session.flush()
            audit.record(
                session,
                actor,
                "host_message.taken",
                "host_message",
                message.id,
                now,
                source=form.source.value,
                request=form.caller_request.value,
            )
            return message.id

    # --- the inbox ---------------------------------------------------------------------------------

    def message(self, message_id: int) -> PhoneMessageView:
        with self._sessions.reads() as session:
            row = session.get(HostMessage, message_id)
            if row is None:
                raise ValidationError("message", "unknown")
            return _view(row)

    def inbox(
        self, *, open_only: bool = True, search: str = "", limit: int = INBOX_LIMIT
    ) -> list[PhoneMessageView]:
        """The messages, newest call first: only those not yet passed on (``open_only``), or all;
        ``search`` narrows them to those whose caller, company, number, text or recipient has it."""
        statement = select(HostMessage).outerjoin(Host, HostMessage.host_id == Host.id)
        if open_only:
            statement = statement.where(HostMessage.status == MessageStatus.OPEN)
        statement = _searched(statement, search)
        statement = statement.order_by(HostMessage.received_at.desc(), HostMessage.id.desc()).limit(
            max(1, min(limit, INBOX_LIMIT))
        )
        with self._sessions.reads() as session:
            return [_view(row) for row in session.scalars(statement)]

    def board(self, limit: int = BOARD_MESSAGES) -> tuple[list[BoardMessage], int]:
        """The open messages for the lobby board (newest first, at most ``limit``) and how many
        are open in all. Two indexed reads of columns: the board asks every time it changes."""
        rows = (
            select(
                HostMessage.id,
                Host.name,
                Host.department,
                HostMessage.recipient_unit,
                HostMessage.recipient_name,
                HostMessage.caller_name,
                HostMessage.company,
                HostMessage.phone,
                HostMessage.caller_request,
                HostMessage.received_at,
                HostMessage.source,
                HostMessage.text,
            )
            .outerjoin(Host, HostMessage.host_id == Host.id)
            .where(HostMessage.status == MessageStatus.OPEN)
            .order_by(HostMessage.received_at.desc(), HostMessage.id.desc())
            .limit(limit)
        )
        with self._sessions.reads() as session:
            total = session.scalar(_OPEN_COUNT) or 0
            messages = [
                BoardMessage(
                    message_id=message_id,
                    recipient=recipient_label(host or "", department or "", unit, name),
                    caller_name=caller,
                    company=company,
                    phone=phone,
                    caller_request=request,
                    received_at=received_at,
                    source=source,
                    text=text,
                )
                for (
                    message_id,
                    host,
                    department,
                    unit,
                    name,
                    caller,
                    company,
                    phone,
                    request,
                    received_at,
                    source,
                    text,
                ) in session.execute(rows)
            ]
        return messages, total

    def open_count(self) -> int:
        """How many messages wait to be passed on."""
        with self._sessions.reads() as session:
            return session.scalar(_OPEN_COUNT) or 0

    # --- passing it on -------------------------------------------------------------------------------

    def pass_on(self, message_id: int, method: RelayMethod, note: str, actor: Actor) -> PhoneMessageView:
        """Stamp the message passed on: now, by ``actor``, how. Only an open message
        (``message.passed_on`` if someone did already, ``message.cancelled``)."""
        note_text = clean("note", note, NOTE_MAX_CHARS)
        now = self._clock.now()
        with self._sessions.begin() as session:
            row = self._open(session, message_id)
            row.status = MessageStatus.PASSED_ON
            row.relayed_at = now
            row.relayed_by = actor.label
            row.relay_method = method
            row.relay_note = note_text
            audit.record(
                session, actor, "host_message.passed_on", "host_message", row.id, now, method=method.value
            )
            return _view(row)

    def cancel(self, message_id: int, reason: str, actor: Actor) -> None:
        """Take an open message out of the inbox (written twice, for the wrong person...), with
        the reason (``reason.required``); it stays on record."""
        why = clean("reason", reason, NOTE_MAX_CHARS, required=True)
        now = self._clock.now()
        with self._sessions.begin() as session:
            row = self._open(session, message_id)
            row.status = MessageStatus.CANCELLED
            row.cancelled_at = now
            row.cancelled_by = actor.label
            row.cancel_reason = why
            audit.record(session, actor, "host_message.cancelled", "host_message", row.id, now)

    @staticmethod
    def _open(session: Session, message_id: int) -> HostMessage:
        row = session.scalar(select(HostMessage).where(HostMessage.id == message_id).with_for_update())
        if row is None:
            raise ValidationError("message", "unknown")
        if row.status is MessageStatus.PASSED_ON:
            raise ValidationError("message", "passed_on")
        if row.status is MessageStatus.CANCELLED:
            raise ValidationError("message", "cancelled")
        return row

    # --- the slip -----------------------------------------------------------------------------------

    def print_slip(self, message_id: int, language: str, actor: Actor) -> PrintOutcome:
        """The message printed as a slip for the person it is for (电话留言单), at the printer of
        the calling station (``printing_for``); a cancelled one is refused."""
        now = self._clock.now()
        with self._sessions.begin() as session:
            row = session.get(HostMessage, message_id)
            if row is None:
                raise ValidationError("message", "unknown")
            if row.status is MessageStatus.CANCELLED:
                raise ValidationError("message", "cancelled")
            slip = PhoneMessageSlip(
                site_name=self._site_name,
                message_number=message_number(row.id),
                recipient=recipient_of(row),
                caller_name=row.caller_name,
                company=row.company,
                phone=row.phone,
                extension=row.extension,
                city=row.city,
                text=row.text,
                caller_request=row.caller_request,
                received_at=row.received_at.astimezone(self._zone),
                recorded_by=_staff_name(session, row.recorded_by),
                source=row.source,
            )
            job = self._queue.enqueue(session, slip, message_number(row.id), language)
            audit.record(session, actor, "host_message.printed", "host_message", row.id, now, job_id=job.id)
            job_id = job.id
        return self._queue.dispatch(job_id, actor)


def recipient_of(row: HostMessage) -> str:
    """For whom, as the lists and the slip say it."""
    host = row.host
    return recipient_label(
        host.name if host else "", host.department if host else "", row.recipient_unit, row.recipient_name
    )


def _view(row: HostMessage) -> PhoneMessageView:
    return PhoneMessageView(
        message_id=row.id,
        source=row.source,
        status=row.status,
        recipient=recipient_of(row),
        host_id=row.host_id,
        recipient_unit=row.recipient_unit,
        recipient_name=row.recipient_name,
        caller_name=row.caller_name,
        company=row.company,
        phone=row.phone,
        extension=row.extension,
        city=row.city,
        text=row.text,
        caller_request=row.caller_request,
        received_at=row.received_at,
        recorded_by=row.recorded_by,
        visit_id=row.visit_id,
        relayed_at=row.relayed_at,
        relayed_by=row.relayed_by,
        relay_method=row.relay_method,
        relay_note=row.relay_note,
        cancelled_at=row.cancelled_at,
        cancelled_by=row.cancelled_by,
        cancel_reason=row.cancel_reason,
    )


def _searched(statement: Select[Any], search: str) -> Select[Any]:
    text = clean("search", search, SEARCH_MAX_CHARS)
    if not text:
        return statement
    pattern = f"%{_escape_like(text)}%"
    columns = (
        HostMessage.caller_name,
        HostMessage.company,
        HostMessage.phone,
        HostMessage.text,
        HostMessage.recipient_unit,
        HostMessage.recipient_name,
        Host.name,
    )
    return statement.where(or_(*(column.ilike(pattern, escape="\\") for column in columns)))


def _staff_name(session: Session, label: str) -> str:
    """The name of the member an audit label names (``staff:wangfang`` -> 王芳); "" for a kiosk."""
    kind, _, ident = label.partition(":")
    if kind != "staff":
        return ""
    return session.scalar(select(StaffMember.name).where(StaffMember.username == ident)) or ident
