"""Shift handover (交接班记录表) and the duty log (值班记录表).

The outgoing clerk writes the work done, the open issues, what is handed over (counted) and notes,
and signs with their PIN. The incoming clerk counts the items face to face, enters their counts
and signs with their own PIN; a count that differs needs a note and becomes an open issue. Open
issues stay on the lobby board until someone closes them. Every step is audited.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime, timedelta

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from kiosk.domain.documents import ReceiptPurpose
from kiosk.domain.errors import ValidationError
from kiosk.domain.handover import (
    DUTY_TEXT_MAX_CHARS,
    ISSUE_MAX_CHARS,
    ITEM_NAMES,
    NOTES_MAX_CHARS,
    PEOPLE_MAX_CHARS,
    PLACE_MAX_CHARS,
    WORK_MAX_CHARS,
    HandoverItemKind,
    countersign_digest,
    handover_digest,
)
from kiosk.domain.key_loans import KeysAtDesk
from kiosk.domain.money import format_yuan
from kiosk.domain.staff import Permission
from kiosk.domain.views import DutyLogView, HandoverItemView, HandoverView, IssueView, ItemCount, Prefill
from kiosk.services import audit
from kiosk.services.audit import Actor
from kiosk.services.clock import Clock
from kiosk.services.key_loans import keys_at_desk
from kiosk.services.payments import PaymentService, checked_text
from kiosk.services.staff import SignedIn, StaffService
from kiosk.storage.database import Sessions
from kiosk.storage.models import (
    AuditEvent,
    DutyLogEntry,
    Handover,
    HandoverItem,
    MachineRoomPass,
    OpenIssue,
    PassLoanItem,
    Payment,
)

# A cash summary or a count never reaches further back than this without a handover to start from.
SHIFT_MAX = timedelta(hours=24)
# Incidents are written down after the fact, not before: a little clock skew is tolerated.
FUTURE_SLACK = timedelta(minutes=5)
_DEPOSIT_STOCK = {
    HandoverItemKind.VISITOR_CARDS: ReceiptPurpose.CARD_DEPOSIT,
    HandoverItemKind.DECORATION_PASSES: ReceiptPurpose.DECORATION_PASS_DEPOSIT,
}


def _count(item: ItemCount) -> int:
    if item.count < 0:
        raise ValidationError("count", "negative")
    return item.count


class HandoverService:
    def __init__(
        self,
        sessions: Sessions,
        clock: Clock,
        staff: StaffService,
        payments: PaymentService,
    ) -> None:
        self._sessions = sessions
        self._clock = clock
        self._staff = staff
        self._payments = payments
        # The duty roster's check of the incoming clerk (kiosk.services.roster.off_roster, set by
        # the composition root): the words of an issue, or None when they are on the roster.
        self.roster_check: Callable[[SignedIn, datetime], str | None] | None = None

    # -- signatures -----------------------------------------------------------------------------

    def _signer(self, username: str, pin: str) -> SignedIn:
        """A PIN signature: checked (and audited) as a sign-in, then the role must do handovers."""
        return self._staff.countersign(
            username, pin, Permission.HANDOVER, "handover_sign", "handover.sign_refused"
        )

    # -- the handover ---------------------------------------------------------------------------

    def prefill(self) -> Prefill:
        """Start values: cash = last counted + cash taken minus refunded since; cards and decoration
        passes = last counted minus deposits taken plus deposits refunded since; machine-room passes
        = the passes in the desk's pool now; keys = the key register's keys less those out on
        loan (the last count while the register has no set)."""
        out = Prefill()
        with self._sessions.reads() as session:
            last = session.scalar(
                select(Handover)
                .where(Handover.incoming_signed_at.is_not(None))
                .order_by(Handover.incoming_signed_at.desc())
                .limit(1)
            )
            counted: dict[HandoverItemKind, int] = {}
            if last is not None:
                out.since = last.incoming_signed_at
                for item in session.scalars(select(HandoverItem).where(HandoverItem.handover_id == last.id)):
                    value = item.counted if item.counted is not None else item.handed
                    counted[item.kind] = counted.get(item.kind, 0) + value
            since = out.since or self._clock.now() - SHIFT_MAX
            for kind, purpose in _DEPOSIT_STOCK.items():
                if kind in counted:
                    counted[kind] = max(0, counted[kind] - self._deposit_movement(session, purpose, since))
            counted[HandoverItemKind.MACHINE_ROOM_PASSES] = self._passes_in_pool(session)
            out.passes_out = self._passes_out(session)
            out.keys = keys_at_desk(session)
            if out.keys.sets:
                counted[HandoverItemKind.KEYS] = out.keys.expected
        counted[HandoverItemKind.CASH] = counted.get(
            HandoverItemKind.CASH, 0
        ) + self._payments.net_cash_since(since)
        out.counts = counted
        return out

    @staticmethod
    def _deposit_movement(session: Session, purpose: ReceiptPurpose, since: datetime) -> int:
        """Deposits taken minus refunded since ``since``: items that left the desk's stock."""
        rows = select(func.count(Payment.id)).where(Payment.purpose == purpose, Payment.taken_at > since)
        out = session.scalar(rows.where(Payment.refund_of_id.is_(None))) or 0
        back = session.scalar(rows.where(Payment.refund_of_id.is_not(None))) or 0
        return int(out) - int(back)

    @staticmethod
    def _passes_out(session: Session) -> int:
        count = session.scalar(
            select(func.count(PassLoanItem.id))
            .join(MachineRoomPass, MachineRoomPass.id == PassLoanItem.pass_id)
            .where(PassLoanItem.returned_at.is_(None), MachineRoomPass.retired_at.is_(None))
        )
        return int(count or 0)

    @staticmethod
    def _passes_in_pool(session: Session) -> int:
        on_loan = exists().where(
            PassLoanItem.pass_id == MachineRoomPass.id, PassLoanItem.returned_at.is_(None)
        )
        count = session.scalar(
            select(func.count(MachineRoomPass.id)).where(MachineRoomPass.retired_at.is_(None), ~on_loan)
        )
        return int(count or 0)

    def hand_over(
        self,
        outgoing: str,
        pin: str,
        work_done: str,
        items: Sequence[ItemCount],
        issues: Sequence[str] = (),
        notes: str = "",
    ) -> int:
        """The outgoing clerk's part, signed with their PIN. Returns the handover's id; it waits
        for the incoming clerk's signature. Its open issues are on the board from now on."""
        clean_work = checked_text(work_done, "work_done", WORK_MAX_CHARS, required=True)
        clean_notes = checked_text(notes, "notes", NOTES_MAX_CHARS)
        clean_issues = [t for t in (checked_text(i, "issue", ISSUE_MAX_CHARS) for i in issues) if t]
        counts = [(i.kind, checked_text(i.label, "label", 60), _count(i)) for i in items]
        if len({(kind, label) for kind, label, _ in counts}) != len(counts):
            raise ValidationError("items", "duplicate")
        with self._sessions.reads() as session:
            if session.scalar(select(Handover.id).where(Handover.incoming_signed_at.is_(None))) is not None:
                raise ValidationError("handover", "pending")
            register = keys_at_desk(session)
        who = self._signer(outgoing, pin)
        # The keys are counted against the key register: a difference is an issue of this handover
        # (signed with it, on the board until closed). A site with no set registered counts freely.
        handed_keys = [count for kind, _label, count in counts if kind is HandoverItemKind.KEYS]
        if register.sets and handed_keys and sum(handed_keys) != register.expected:
            clean_issues.append(_register_text(register, sum(handed_keys)))
        now = self._clock.now().astimezone(UTC)
        digest = handover_digest(who.actor.label, clean_work, clean_notes, counts, clean_issues, now)
        with self._sessions.begin() as session:
            record = Handover(
                work_done=clean_work,
                notes=clean_notes,
                outgoing=who.actor.label,
                outgoing_name=who.name,
                outgoing_signed_at=now,
                outgoing_digest=digest,
                discrepancy_note="",
            )
            session.add(record)
            session.flush()
            for kind, label, count in counts:
                session.add(HandoverItem(handover_id=record.id, kind=kind, label=label, handed=count))
            for text in clean_issues:
                session.add(
                    OpenIssue(text=text, raised_by=who.actor.label, raised_at=now, handover_id=record.id)
                )
            audit.record(
                session,
                who.actor,
                "handover.handed_over",
                "handover",
                record.id,
                now,
                items={f"{k.value}{':' + lb if lb else ''}": c for k, lb, c in counts},
                issues=len(clean_issues),
                digest=digest,
            )
            return record.id

    def sign(
        self,
        handover_id: int,
        incoming: str,
        pin: str,
        counted: Mapping[HandoverItemKind, int] | None = None,
        discrepancy_note: str = "",
    ) -> HandoverView:
        """The incoming clerk's countersignature with their PIN, after counting face to face.

        ``counted``: the incoming clerk's counts by kind (missing kinds: as handed). A count that
        differs needs ``discrepancy_note`` and opens an issue for the board.
        """
        note = checked_text(discrepancy_note, "discrepancy_note", 500)
        with self._sessions.reads() as session:
            record = session.get(Handover, handover_id)
            if record is None:
                raise ValidationError("handover", "unknown")
            if record.incoming_signed_at is not None:
                raise ValidationError("handover", "already_signed")
            outgoing = record.outgoing
            items = list(session.scalars(select(HandoverItem).where(HandoverItem.handover_id == handover_id)))
            counts = {item.id: (counted or {}).get(item.kind, item.handed) for item in items}
            if any(value < 0 for value in counts.values()):
                raise ValidationError("count", "negative")
            mismatched = [item for item in items if counts[item.id] != item.handed]
        if mismatched and not note:
            raise ValidationError("discrepancy_note", "required")
        who = self._signer(incoming, pin)
        if who.actor.label == outgoing:
            raise ValidationError("incoming", "same_person")
        now = self._clock.now().astimezone(UTC)
        # Not on the approved roster for the shift beginning: allowed (someone covers), but an
        # issue of this handover, on the board until a supervisor closes it.
        off_roster = self.roster_check(who, now) if self.roster_check is not None else None
        try:
            return self._countersign(handover_id, who, counts, note, now, off_roster)
        except _AlteredError:
            with self._sessions.begin() as session:
                audit.record(session, who.actor, "handover.altered", "handover", handover_id, now)
            raise ValidationError("handover", "altered") from None

    def _countersign(
        self,
        handover_id: int,
        who: SignedIn,
        counts: Mapping[int, int],
        note: str,
        now: datetime,
        off_roster: str | None = None,
    ) -> HandoverView:
        with self._sessions.begin() as session:
            record = session.get_one(Handover, handover_id, with_for_update=True)
            if record.incoming_signed_at is not None:
                raise ValidationError("handover", "already_signed")
            items = list(session.scalars(select(HandoverItem).where(HandoverItem.handover_id == handover_id)))
            issues = session.scalars(select(OpenIssue.text).where(OpenIssue.handover_id == handover_id)).all()
            # What the incoming clerk signs must be what the outgoing clerk signed.
            stored = handover_digest(
                record.outgoing,
                record.work_done,
                record.notes,
                [(i.kind, i.label, i.handed) for i in items],
                issues,
                record.outgoing_signed_at,
            )
            if stored != record.outgoing_digest:
                # Raised out of this transaction, so the audit event below is not rolled back with it.
                raise _AlteredError
            for item in items:
                item.counted = counts[item.id]
            for item in (i for i in items if i.counted != i.handed):
                assert item.counted is not None
                session.add(
                    OpenIssue(
                        text=_mismatch_text(item.kind, item.label, item.handed, item.counted, note),
                        raised_by=who.actor.label,
                        raised_at=now,
                        handover_id=record.id,
                    )
                )
            if off_roster is not None:
                session.add(
                    OpenIssue(
                        text=off_roster, raised_by=who.actor.label, raised_at=now, handover_id=record.id
                    )
                )
            record.incoming = who.actor.label
            record.incoming_name = who.name
            record.incoming_signed_at = now
            record.discrepancy_note = note
            record.incoming_digest = countersign_digest(
                record.outgoing_digest,
                who.actor.label,
                [(i.kind, i.label, counts[i.id]) for i in items],
                note,
                now,
            )
            audit.record(
                session,
                who.actor,
                "handover.signed",
                "handover",
                record.id,
                now,
                outgoing=record.outgoing,
                mismatches=len([i for i in items if i.counted != i.handed]),
                off_roster=off_roster is not None,
                digest=record.incoming_digest,
            )
            session.flush()
            return self._view(session, record)

    def pending(self) -> HandoverView | None:
        """The handover waiting for the incoming clerk, if any."""
        with self._sessions.reads() as session:
            record = session.scalar(
                select(Handover).where(Handover.incoming_signed_at.is_(None)).order_by(Handover.id).limit(1)
            )
            return self._view(session, record) if record is not None else None

    def history(self, limit: int = 20) -> list[HandoverView]:
        with self._sessions.reads() as session:
            rows = session.scalars(select(Handover).order_by(Handover.id.desc()).limit(limit))
            return [self._view(session, r) for r in rows]

    def shift_start(self, clerk: Actor) -> datetime:
        """When ``clerk``'s shift began: when they last took over at a handover (within a day);
        without one, their first console sign-in since they last handed over (within a day).

        Never a time nothing happened at: a new site's first shift starts at its first sign-in.
        Nobody signed in (a service called directly): now.
        """
        now = self._clock.now()
        floor = now - SHIFT_MAX
        with self._sessions.reads() as session:
            took_over = session.scalar(
                select(func.max(Handover.incoming_signed_at)).where(Handover.incoming == clerk.label)
            )
            handed_over = session.scalar(
                select(func.max(Handover.outgoing_signed_at)).where(Handover.outgoing == clerk.label)
            )
            if (
                took_over is not None
                and took_over >= floor
                and (handed_over is None or took_over > handed_over)
            ):
                return took_over
            after = max(floor, handed_over) if handed_over is not None else floor
            signed_in = session.scalar(
                select(func.min(AuditEvent.at)).where(
                    AuditEvent.actor == clerk.label,
                    AuditEvent.action == "staff.console_sign_in",
                    AuditEvent.at > after,
                )
            )
        return signed_in if signed_in is not None else now

    @staticmethod
    def _view(session: Session, record: Handover) -> HandoverView:
        items = session.scalars(
            select(HandoverItem).where(HandoverItem.handover_id == record.id).order_by(HandoverItem.id)
        )
        issues = session.scalars(
            select(OpenIssue.text)
            .where(OpenIssue.handover_id == record.id, OpenIssue.raised_by == record.outgoing)
            .order_by(OpenIssue.id)
        )
        return HandoverView(
            record.id,
            record.outgoing_name,
            record.outgoing_signed_at,
            record.work_done,
            record.notes,
            tuple(HandoverItemView(i.kind, i.label, i.handed, i.counted) for i in items),
            tuple(issues),
            record.incoming_name,
            record.incoming_signed_at,
            record.discrepancy_note,
            record.outgoing_digest,
            record.incoming_digest,
        )

    # -- open issues ------------------------------------------------------------------------------

    def open_issues(self) -> list[IssueView]:
        """Issues not closed yet, oldest first (the lobby board polls this: indexed on closed_at)."""
        with self._sessions.reads() as session:
            rows = session.scalars(
                select(OpenIssue).where(OpenIssue.closed_at.is_(None)).order_by(OpenIssue.id)
            )
            return [IssueView(r.id, r.text, r.raised_by, r.raised_at, r.handover_id) for r in rows]

    def close_issue(self, issue_id: int, actor: Actor, note: str = "") -> None:
        clean = checked_text(note, "note", 200)
        now = self._clock.now()
        with self._sessions.begin() as session:
            issue = session.get(OpenIssue, issue_id)
            if issue is None:
                raise ValidationError("issue", "unknown")
            if issue.closed_at is not None:
                raise ValidationError("issue", "already_closed")
            issue.closed_at = now
            issue.closed_by = actor.label
            issue.closing_note = clean
            audit.record(session, actor, "handover.issue_closed", "open_issue", issue.id, now)

    # -- duty log ---------------------------------------------------------------------------------

    def log_incident(
        self,
        occurred_at: datetime,
        place: str,
        what: str,
        actor: Actor,
        action_taken: str = "",
        people: str = "",
    ) -> int:
        """One line of the duty log (值班记录表): when, where, what happened, what was done, who."""
        now = self._clock.now()
        if occurred_at.tzinfo is None:
            raise ValidationError("occurred_at", "no_time_zone")
        if occurred_at > now + FUTURE_SLACK:
            raise ValidationError("occurred_at", "in_the_future")
        entry = DutyLogEntry(
            occurred_at=occurred_at,
            place=checked_text(place, "place", PLACE_MAX_CHARS, required=True),
            what=checked_text(what, "what", DUTY_TEXT_MAX_CHARS, required=True),
            action_taken=checked_text(action_taken, "action_taken", DUTY_TEXT_MAX_CHARS),
            people=checked_text(people, "people", PEOPLE_MAX_CHARS),
            recorded_by=actor.label,
            recorded_at=now,
        )
        with self._sessions.begin() as session:
            session.add(entry)
            session.flush()
            audit.record(
                session,
                actor,
                "duty_log.recorded",
                "duty_log",
                entry.id,
                now,
                place=entry.place,
                occurred_at=occurred_at,
            )
            return entry.id

    def duty_log(self, limit: int = 100) -> list[DutyLogView]:
        with self._sessions.reads() as session:
            rows = session.scalars(
                select(DutyLogEntry)
                .order_by(DutyLogEntry.occurred_at.desc(), DutyLogEntry.id.desc())
                .limit(limit)
            )
            return [
                DutyLogView(r.id, r.occurred_at, r.place, r.what, r.action_taken, r.people, r.recorded_by)
                for r in rows
            ]


def _mismatch_text(kind: HandoverItemKind, label: str, handed: int, counted: int, note: str) -> str:
    def show(value: int) -> str:
        return format_yuan(value) if kind is HandoverItemKind.CASH else str(value)

    name = ITEM_NAMES[kind] + (f" {label}" if label else "")
    return f"清点不符 Count mismatch: {name} {show(handed)} → {show(counted)}. {note}"[:ISSUE_MAX_CHARS]


def _register_text(register: KeysAtDesk, handed: int) -> str:
    return (
        f"钥匙与登记簿不符 Keys differ from the key register: {register.expected} expected at the desk "
        f"({register.registered} registered, {register.out} on loan), {handed} handed over."
    )[:ISSUE_MAX_CHARS]


class _AlteredError(Exception):
    """The stored record no longer matches the outgoing clerk's signature."""
