"""IDC machine-room visitor passes (IDC机房访客证) and the weekday 09:00 reconciliation.

The desk keeps a pool of numbered passes. A company staff member signs passes out at the desk
with their staff PIN as signature, one pass per named visitor; the desk records the numbers and
the count. Passes come back and are checked in. Every working day at 09:00 the desk and the
machine-room duty guard reconcile the days since the last working day (Monday: Friday to Sunday;
the first working day after National Day: the whole holiday), working days following China's
official calendar and the site's overrides (kiosk.services.work_calendar): passes issued against
passes returned, every discrepancy listed; both sign (the sheet is frozen at the first signature)
and, once both have, it is printed. A discrepancy alerts the supervisor and stays open, on the
lobby board, until a supervisor resolves it with a note.

A sheet still unsigned at [desk] reconciliation_alert_at (10:00) alerts the supervisor, once. A
missed day's sheet is signed later with the reason (补签); it is drawn up as of that day's 09:00,
so a pass that was out then is a discrepancy even if it has come back since.

Deposits are not taken here: a deposit refers to a loan by its id (``LoanReceipt.loan_id``).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kiosk.domain.documents import PassReconciliation
from kiosk.domain.errors import ValidationError
from kiosk.domain.identity import masked_from_last_four
from kiosk.domain.machine_room_pass import (
    NOTE_MAX_CHARS,
    RECONCILIATION_TIME,
    DiscrepancyDetail,
    DiscrepancyKind,
    MissedSheet,
    PassStatus,
    ReconciliationDue,
    is_reconciliation_day,
    normalise_pass_number,
    reconciliation_period,
)
from kiosk.domain.staff import Permission, allowed
from kiosk.domain.text import sanitize_text
from kiosk.domain.views import (
    DiscrepancyView,
    LoanReceipt,
    PassView,
    PassVisitor,
    PrintOutcome,
    ReconciliationView,
    ReturnOutcome,
)
from kiosk.domain.visitor import validate_company, validate_visitor_name
from kiosk.domain.work_calendar import WorkingDays, next_working_day, previous_working_day
from kiosk.services import audit
from kiosk.services.audit import Actor
from kiosk.services.clock import Clock
from kiosk.services.identity_guard import IdentityGuard
from kiosk.services.print_queue import PrintQueue
from kiosk.services.site import SiteInfo
from kiosk.services.staff import SignedIn, StaffService
from kiosk.services.supervisor_alerts import tell_supervisor
from kiosk.services.work_calendar import WorkCalendarService
from kiosk.storage.database import Sessions
from kiosk.storage.models import (
    MachineRoomPass,
    PassDiscrepancy,
    PassLoan,
    PassLoanItem,
    PassReconciliationRecord,
    PassSheetReminder,
    PassStrayReturn,
)

MAX_PASSES_PER_LOAN = 50
# How far back the console lists missed sheets (each can still be signed late).
MISSED_LOOKBACK_DAYS = 31


@dataclass(frozen=True)
class BoardState:
    """What the lobby board says about passes: today's reconciliation and open discrepancies."""

    due: ReconciliationDue
    due_on: date
    open_discrepancies: int
    oldest_open: date | None


@dataclass(frozen=True)
class SupervisorAlert:
    """Sent when a reconciliation finds discrepancies (seed 003: 如发现错漏，须立即向上级领导汇报)."""

    due_on: date
    discrepancies: tuple[DiscrepancyView, ...]
    timezone: tzinfo = UTC  # the site's: times in the mail read as the desk's clock does

    def subject(self) -> str:
        return f"机房访客证核对有误 / Machine-room pass discrepancies {self.due_on}"

    def lines(self) -> list[str]:
        return [
            f"{self.due_on} 09:00 机房访客证核对发现以下问题，请处理后在前台系统中注明处理结果。",
            f"The {self.due_on} 09:00 machine-room pass reconciliation found the following; "
            "please resolve each at the desk console with a note.",
            "",
            *(
                f"- {_KIND_WORDS[d.kind]}: {d.pass_number or '-'}  "
                + sanitize_text(mail_detail(d.detail, self.timezone))
                for d in self.discrepancies
            ),
        ]


@dataclass(frozen=True)
class UnsignedSheetAlert:
    """Sent when a working day's sheet is not signed by both at [desk] reconciliation_alert_at."""

    due_on: date
    period_start: date
    period_end: date
    desk_signed: bool
    guard_signed: bool
    alert_at: time

    def subject(self) -> str:
        return f"机房访客证核对表未签字 / Machine-room pass sheet not signed {self.due_on}"

    def lines(self) -> list[str]:
        period = f"{self.period_start} ~ {self.period_end}"
        missing_zh = "、".join(
            [*([] if self.desk_signed else ["前台"]), *([] if self.guard_signed else ["机房值班保安"])]
        )
        missing_en = " and ".join(
            [
                *([] if self.desk_signed else ["the front desk"]),
                *([] if self.guard_signed else ["the duty guard"]),
            ]
        )
        return [
            f"{self.due_on} 09:00 的机房访客证核对（{period}）到 {self.alert_at:%H:%M} 仍未签字，"
            f"尚缺：{missing_zh}。",
            f"The {self.due_on} 09:00 machine-room pass reconciliation ({period}) is not signed by "
            f"{self.alert_at:%H:%M}: {missing_en} still to sign.",
        ]


_KIND_WORDS = {
    DiscrepancyKind.NOT_RETURNED: "未收回 / not returned",
    DiscrepancyKind.NOT_RECORDED_OUT: "收回但无发出记录 / returned, never signed out",
    DiscrepancyKind.COUNT_MISMATCH: "数量不符 / count does not match",
}


def mail_detail(detail: DiscrepancyDetail, zone: tzinfo) -> str:
    """A discrepancy's detail in the supervisor's mail, in Chinese and English as the rest of it."""
    if detail.visitor or detail.signed_by:
        who, by = detail.visitor, detail.signed_by
        return f"{who}，领用人：{by} / {who}, signed out by {by}"
    if detail.returned_at is not None:
        at = f"{detail.returned_at.astimezone(zone):%Y-%m-%d %H:%M}"
        # Staff are named by their staff number (``staff:wangfang`` -> ``wangfang``).
        by = detail.received_by.partition(":")[2] or detail.received_by
        return f"{at} 归还，经手人工号：{by} / returned {at}, received by staff number {by}"
    if detail.issued is not None and detail.counted is not None:
        return (
            f"发出 {detail.issued} 张，保安清点 {detail.counted} 张 / "
            f"issued {detail.issued}, guard counted {detail.counted}"
        )
    return detail.text


@dataclass(frozen=True)
class _Issued:
    item_id: int
    number: str
    visitor_name: str
    signed_by: str
    returned_at: datetime | None


@dataclass
class MachineRoomPassService:
    sessions: Sessions
    clock: Clock
    site: SiteInfo
    staff: StaffService
    print_queue: PrintQueue
    identity: IdentityGuard
    # Where supervisor alerts go besides the audit trail and the board (e-mail, a pager...).
    alerters: list[Callable[[SupervisorAlert | UnsignedSheetAlert], None]] = field(default_factory=list)
    # [desk] reconciliation_alert_at: a working day's sheet not signed by then alerts; None, never.
    alert_at: time | None = time(10, 0)
    calendar: WorkCalendarService = field(init=False)

    def __post_init__(self) -> None:
        self.calendar = WorkCalendarService(self.sessions, self.clock, self.site)

    # --- the pool -------------------------------------------------------------------------------
    def add_passes(self, numbers: Iterable[str], actor: Actor) -> tuple[str, ...]:
        """Add numbered passes to the pool. A number already known (even retired) is refused."""
        clean = tuple(dict.fromkeys(normalise_pass_number(n) for n in numbers))
        if not clean:
            raise ValidationError("pass_number", "required")
        now = self.clock.now()
        with self.sessions.begin() as session:
            known = session.scalars(select(MachineRoomPass.number).where(MachineRoomPass.number.in_(clean)))
            taken = sorted(known)
            if taken:
                raise ValidationError("pass_number", "taken", numbers=", ".join(taken))
            for number in clean:
                session.add(MachineRoomPass(number=number, added_at=now, added_by=actor.label))
                audit.record(session, actor, "machine_room_pass.added", "machine_room_pass", number, now)
        return clean

    def retire(self, number: str, reason: str, actor: Actor) -> None:
        """Take a lost or damaged pass out of the pool. If it is out, its loan stays open."""
        clean_reason = sanitize_text(reason)
        if not clean_reason:
            raise ValidationError("reason", "required")
        if len(clean_reason) > NOTE_MAX_CHARS:
            raise ValidationError("reason", "too_long", max=NOTE_MAX_CHARS)
        now = self.clock.now()
        with self.sessions.begin() as session:
            found = self._pass(session, normalise_pass_number(number))
            if found.retired_at is not None:
                raise ValidationError("pass_number", "retired", number=found.number)
            found.retired_at, found.retired_by, found.retired_reason = now, actor.label, clean_reason
            audit.record(
                session,
                actor,
                "machine_room_pass.retired",
                "machine_room_pass",
                found.number,
                now,
            )

    def pool(self) -> list[PassView]:
        """Every pass, in number order, with who has it when it is out."""
        stmt = (
            select(MachineRoomPass, PassLoanItem, PassLoan.signed_by)
            .outerjoin(
                PassLoanItem,
                (PassLoanItem.pass_id == MachineRoomPass.id) & PassLoanItem.returned_at.is_(None),
            )
            .outerjoin(PassLoan, PassLoan.id == PassLoanItem.loan_id)
            .order_by(MachineRoomPass.number)
        )
        views = []
        with self.sessions.reads() as session:
            for pass_, item, signed_by in session.execute(stmt):
                if item is not None:
                    views.append(
                        PassView(
                            pass_.number,
                            PassStatus.OUT,
                            item.visitor_name,
                            item.company,
                            masked_from_last_four(item.id_last_four) if item.id_last_four else "",
                            signed_by or "",
                            item.loan_id,
                            item.issued_at,
                        )
                    )
                else:
                    status = PassStatus.RETIRED if pass_.retired_at is not None else PassStatus.IN
                    views.append(PassView(pass_.number, status))
        return views

    # --- sign out and return --------------------------------------------------------------------
    def sign_out(
        self,
        numbers: Sequence[str],
        visitors: Sequence[PassVisitor],
        signer_username: str,
        signer_pin: str,
        actor: Actor,
    ) -> LoanReceipt:
        """Hand passes to named visitors, one each, against the PIN signature of a company staff
        member. A wrong or locked PIN refuses (and counts towards the signer's lock-out)."""
        clean_numbers = tuple(dict.fromkeys(normalise_pass_number(n) for n in numbers))
        if not clean_numbers:
            raise ValidationError("passes", "none_selected")
        if len(clean_numbers) > MAX_PASSES_PER_LOAN:
            raise ValidationError("passes", "too_many", max=MAX_PASSES_PER_LOAN)
        if len(visitors) != len(clean_numbers):
            raise ValidationError(
                "passes", "count_mismatch", passes=len(clean_numbers), visitors=len(visitors)
            )
        people = [self._visitor(v) for v in visitors]
        signer = self.staff.sign_in(signer_username, signer_pin, purpose="pass_signature")
        now = self.clock.now()
        with self.sessions.begin() as session:
            passes = {p.number: p for p in self._passes(session, clean_numbers)}
            for number in clean_numbers:
                if passes[number].retired_at is not None:
                    raise ValidationError("pass_number", "retired", number=number)
            out = self._out_numbers(session, [p.id for p in passes.values()])
            if out:
                raise ValidationError("pass_number", "already_out", numbers=", ".join(sorted(out)))
            loan = PassLoan(
                signed_by_staff_id=signer.staff_id,
                signed_by=signer.name,
                clerk=actor.label,
                issued_at=now,
                pass_count=len(clean_numbers),
            )
            session.add(loan)
            session.flush()
            for number, (name, company, protected) in zip(clean_numbers, people, strict=True):
                session.add(
                    PassLoanItem(
                        loan_id=loan.id,
                        pass_id=passes[number].id,
                        pass_number=number,
                        visitor_name=name,
                        company=company,
                        id_type=protected[0] if protected else None,
                        id_hash=protected[1] if protected else None,
                        id_last_four=protected[2] if protected else None,
                        id_sealed=protected[3] if protected else None,
                        issued_at=now,
                    )
                )
            audit.record(
                session,
                actor,
                "pass_loan.signed_out",
                "pass_loan",
                loan.id,
                now,
                numbers=list(clean_numbers),
                count=len(clean_numbers),
                signed_by=signer.username,
            )
            loan_id = loan.id
        return LoanReceipt(loan_id, clean_numbers, signer.name, now)

    def receipt(self, loan_id: int) -> LoanReceipt:
        """A sign-out as it was recorded (a retried submit is answered from it)."""
        with self.sessions.reads() as session:
            loan = session.get(PassLoan, loan_id)
            if loan is None:
                raise ValidationError("loan", "unknown")
            numbers = session.scalars(
                select(PassLoanItem.pass_number)
                .where(PassLoanItem.loan_id == loan_id)
                .order_by(PassLoanItem.id)
            )
            return LoanReceipt(loan.id, tuple(numbers), loan.signed_by, loan.issued_at)

    def _visitor(self, visitor: PassVisitor) -> tuple[str, str, tuple[str, str, str, bytes] | None]:
        name = validate_visitor_name(visitor.name)
        company = validate_company(visitor.company)
        if not visitor.id_number.strip():
            return name, company, None
        p = self.identity.protect(visitor.id_type or "resident_id", visitor.id_number)
        return name, company, (p.id_type, p.lookup_hash, p.last_four, p.sealed)

    def return_passes(self, numbers: Sequence[str], actor: Actor) -> ReturnOutcome:
        """Check passes back in. A pass with no open sign-out is still taken back, and kept as
        returned-but-not-recorded-out for the reconciliation."""
        clean = tuple(dict.fromkeys(normalise_pass_number(n) for n in numbers))
        if not clean:
            raise ValidationError("pass_number", "required")
        now = self.clock.now()
        matched: list[str] = []
        stray: list[str] = []
        with self.sessions.begin() as session:
            passes = self._passes(session, clean)
            open_items = {
                item.pass_number: item
                for item in session.scalars(
                    select(PassLoanItem).where(
                        PassLoanItem.pass_id.in_([p.id for p in passes]), PassLoanItem.returned_at.is_(None)
                    )
                )
            }
            for number in clean:
                item = open_items.get(number)
                if item is None:
                    session.add(PassStrayReturn(pass_number=number, returned_at=now, received_by=actor.label))
                    audit.record(
                        session,
                        actor,
                        "machine_room_pass.returned_unrecorded",
                        "machine_room_pass",
                        number,
                        now,
                    )
                    stray.append(number)
                    continue
                item.returned_at, item.received_by = now, actor.label
                audit.record(
                    session, actor, "pass_loan.returned", "pass_loan", item.loan_id, now, number=number
                )
                matched.append(number)
        return ReturnOutcome(tuple(matched), tuple(stray))

    # --- the reconciliation ---------------------------------------------------------------------
    def today(self) -> date:
        return self.clock.now().astimezone(self.site.timezone).date()

    def is_working_day(self, day: date) -> bool:
        return is_reconciliation_day(day, self.calendar.calendar())

    def due_state(self, due_on: date | None = None) -> ReconciliationDue:
        local = self.clock.now().astimezone(self.site.timezone)
        day = due_on or local.date()
        with self.sessions.reads() as session:
            calendar = self.calendar.calendar_in(session)
            if not is_reconciliation_day(day, calendar):
                return ReconciliationDue.NOT_TODAY
            record = self._record(session, day)
            if record is not None and record.desk_signed_at and record.guard_signed_at:
                return ReconciliationDue.DONE
            # What the site's own history owes: a sheet started, or passes out or back in the
            # period. A new site, or a day before its first pass, owes nothing.
            if record is None and not self._activity(session, day, calendar):
                return ReconciliationDue.NOTHING
        if day == local.date() and local.time() < RECONCILIATION_TIME:
            return ReconciliationDue.UPCOMING
        return ReconciliationDue.DUE

    def reconciliation(self, due_on: date | None = None) -> ReconciliationView:
        """The sheet for ``due_on`` (today by default): as signed, or a live preview."""
        day = due_on or self.today()
        with self.sessions.reads() as session:
            record = self._record(session, day)
            if record is not None:
                return self._view(session, record)
            return self._preview(session, day, self.calendar.calendar_in(session))

    def missed(self) -> list[MissedSheet]:
        """Past working days (of the last MISSED_LOOKBACK_DAYS) whose sheet was owed and is not
        signed by both, oldest first: from the passes' own times and the sheets, in three reads."""
        today = self.today()
        with self.sessions.reads() as session:
            calendar = self.calendar.calendar_in(session)
            first_due = today - timedelta(days=MISSED_LOOKBACK_DAYS)
            while not is_reconciliation_day(first_due, calendar) and first_due < today:
                first_due += timedelta(days=1)
            if first_due >= today:
                return []
            since = self._bounds(first_due, calendar)[2]
            # Activity in today's own period is today's sheet's, not a missed one's.
            until = self._local_midnight(previous_working_day(today, calendar))
            times = [
                *session.scalars(
                    select(PassLoanItem.issued_at).where(
                        PassLoanItem.issued_at >= since, PassLoanItem.issued_at < until
                    )
                ),
                *session.scalars(
                    select(PassStrayReturn.returned_at).where(
                        PassStrayReturn.returned_at >= since, PassStrayReturn.returned_at < until
                    )
                ),
            ]
            owed = {next_working_day(at.astimezone(self.site.timezone).date(), calendar) for at in times}
            records = {
                r.due_on: r
                for r in session.scalars(
                    select(PassReconciliationRecord).where(
                        PassReconciliationRecord.due_on >= first_due, PassReconciliationRecord.due_on < today
                    )
                )
            }
            owed |= set(records)
            missed = []
            for day in sorted(owed):
                record = records.get(day)
                if record is not None and record.desk_signed_at and record.guard_signed_at:
                    continue
                first, last = reconciliation_period(day, calendar)
                desk = record is not None and record.desk_signed_at is not None
                guard = record is not None and record.guard_signed_at is not None
                missed.append(MissedSheet(day, first, last, desk, guard))
            return missed

    def alert_unsigned(self, actor: Actor) -> list[date]:
        """Today's sheet owed and not signed by both at [desk] reconciliation_alert_at: the duty
        supervisor is alerted, once (its reminder row is written with the audit event). A server
        down at that hour alerts at its first round after it, the same day."""
        if self.alert_at is None:
            return []
        local = self.clock.now().astimezone(self.site.timezone)
        day = local.date()
        if local.time() < self.alert_at or self.due_state(day) is not ReconciliationDue.DUE:
            return []
        now = self.clock.now()
        with self.sessions.begin() as session:
            if session.scalar(select(PassSheetReminder.id).where(PassSheetReminder.due_on == day)):
                return []
            record = self._record(session, day)
            first, last = reconciliation_period(day, self.calendar.calendar_in(session))
            alert = UnsignedSheetAlert(
                day,
                first,
                last,
                record is not None and record.desk_signed_at is not None,
                record is not None and record.guard_signed_at is not None,
                self.alert_at,
            )
            session.add(PassSheetReminder(due_on=day, alerted_at=now))
            audit.record(
                session, actor, "pass_reconciliation.unsigned_alerted", "pass_reconciliation", day, now,
                desk_signed=alert.desk_signed, guard_signed=alert.guard_signed,
            )  # fmt: skip
        tell_supervisor(self.alerters, alert, "pass sheet not signed")
        return [day]

    def sign_as_guard(
        self,
        username: str,
        pin: str,
        counted: int,
        clerk: SignedIn,
        language: str = "zh_CN",
        due_on: date | None = None,
        late_reason: str = "",
    ) -> ReconciliationView:
        """The machine-room duty guard signs with their own PIN and gives their count of passes.

        A count that differs from the passes issued is a discrepancy. Refused: a wrong or locked PIN,
        someone whose role does not countersign, or the clerk signing for both. ``due_on``: a
        past working day's sheet, signed late with ``late_reason``.
        """
        if counted < 0:
            raise ValidationError("counted", "negative")
        day, late = self._signable(due_on, late_reason)
        guard = self.staff.sign_in(username, pin, purpose="reconciliation_signature")
        now = self.clock.now()
        refusal: ValidationError | None = None
        if not allowed(guard.role, Permission.SIGN_RECONCILIATION_AS_GUARD):
            refusal = ValidationError("guard", "not_a_guard")
        elif guard.staff_id == clerk.staff_id:
            refusal = ValidationError("guard", "same_person")
        if refusal is not None:
            with self.sessions.begin() as session:
                audit.record(
                    session,
                    guard.actor,
                    "pass_reconciliation.guard_signature_refused",
                    "pass_reconciliation",
                    day,
                    now,
                    reason=refusal.code,
                    clerk=clerk.username,
                )
            raise refusal
        with self.sessions.begin() as session:
            record, found = self._freeze(session, day, clerk.actor, now)
            if record.guard_signed_at is not None:
                raise ValidationError("reconciliation", "already_signed")
            record.counted = counted
            record.guard_signed_by = guard.name
            record.guard_signed_by_staff_id = guard.staff_id
            record.guard_signed_at = now
            record.guard_late_reason = late or None
            issued = len(json.loads(record.issued))
            if counted != issued:
                found.append(
                    self._discrepancy(
                        session,
                        record,
                        DiscrepancyKind.COUNT_MISMATCH,
                        None,
                        None,
                        DiscrepancyDetail(issued=issued, counted=counted),
                        now,
                    )
                )
            audit.record(
                session,
                guard.actor,
                "pass_reconciliation.guard_signed",
                "pass_reconciliation",
                day,
                now,
                counted=counted,
                issued=issued,
                late=bool(late),
            )
            job_id, alert = self._after_signature(session, record, found, guard.actor, now, language)
            view = self._view(session, record)
        self._finish(job_id, alert, guard.actor)
        return view

    def sign_as_desk(
        self, clerk: SignedIn, language: str = "zh_CN", due_on: date | None = None, late_reason: str = ""
    ) -> ReconciliationView:
        """The front-desk clerk signed in at the console signs today's sheet, or (``due_on``) a
        past working day's, late, with ``late_reason``."""
        if not allowed(clerk.role, Permission.MACHINE_ROOM_PASSES):
            raise ValidationError("reconciliation", "not_allowed")
        day, late = self._signable(due_on, late_reason)
        now = self.clock.now()
        with self.sessions.begin() as session:
            record, found = self._freeze(session, day, clerk.actor, now)
            if record.desk_signed_at is not None:
                raise ValidationError("reconciliation", "already_signed")
            if record.guard_signed_by_staff_id == clerk.staff_id:
                raise ValidationError("guard", "same_person")
            record.desk_signed_by = clerk.name
            record.desk_signed_by_staff_id = clerk.staff_id
            record.desk_signed_at = now
            record.desk_late_reason = late or None
            # The reason itself stays on the sheet (it may name someone), not in the trail.
            audit.record(
                session, clerk.actor, "pass_reconciliation.desk_signed", "pass_reconciliation", day, now,
                late=bool(late),
            )  # fmt: skip
            job_id, alert = self._after_signature(session, record, found, clerk.actor, now, language)
            view = self._view(session, record)
        self._finish(job_id, alert, clerk.actor)
        return view

    def print_again(self, due_on: date, actor: Actor) -> PrintOutcome:
        """Send a waiting sheet now, or print a printed one again marked 副本 / COPY."""
        with self.sessions.reads() as session:
            record = self._record(session, due_on)
            job_id = record.print_job_id if record is not None else None
        if job_id is None:
            raise ValidationError("reconciliation", "not_signed")
        try:
            return self.print_queue.reprint(job_id, actor)
        except ValidationError as exc:
            if exc.code != "not_printed_yet":
                raise
            return self.print_queue.send_now(job_id, actor)

    def discrepancies(self, include_resolved: bool = False) -> list[DiscrepancyView]:
        """Discrepancies, open ones first, oldest first."""
        stmt = (
            select(PassDiscrepancy, PassReconciliationRecord.due_on)
            .join(PassReconciliationRecord)
            .order_by(PassDiscrepancy.resolved_at.is_not(None), PassDiscrepancy.id)
        )
        if not include_resolved:
            stmt = stmt.where(PassDiscrepancy.resolved_at.is_(None))
        with self.sessions.reads() as session:
            return [_discrepancy_view(d, due_on) for d, due_on in session.execute(stmt)]

    def resolve(self, discrepancy_id: int, note: str, who: SignedIn) -> None:
        """A supervisor closes a discrepancy with a note saying what happened."""
        if not allowed(who.role, Permission.RESOLVE_PASS_DISCREPANCIES):
            raise ValidationError("discrepancy", "not_allowed")
        clean = sanitize_text(note)
        if not clean:
            raise ValidationError("note", "required")
        if len(clean) > NOTE_MAX_CHARS:
            raise ValidationError("note", "too_long", max=NOTE_MAX_CHARS)
        now = self.clock.now()
        with self.sessions.begin() as session:
            found = session.get(PassDiscrepancy, discrepancy_id)
            if found is None:
                raise ValidationError("discrepancy", "unknown")
            if found.resolved_at is not None:
                raise ValidationError("discrepancy", "already_resolved")
            found.resolved_at, found.resolved_by, found.resolution_note = now, who.actor.label, clean
            audit.record(
                session,
                who.actor,
                "pass_discrepancy.resolved",
                "pass_discrepancy",
                found.id,
                now,
                kind=found.kind.value,
                pass_number=found.pass_number,
            )

    def board_state(self) -> BoardState:
        """Two indexed lookups, cheap enough for the board's one-second refresh."""
        day = self.today()
        with self.sessions.reads() as session:
            count, oldest = session.execute(
                select(func.count(PassDiscrepancy.id), func.min(PassReconciliationRecord.due_on))
                .join(PassReconciliationRecord)
                .where(PassDiscrepancy.resolved_at.is_(None))
            ).one()
        return BoardState(self.due_state(day), day, int(count), oldest)

    # --- internals ------------------------------------------------------------------------------
    def _signable(self, due_on: date | None, late_reason: str) -> tuple[date, str]:
        """The day a signature is for (today, or a past working day) and, for a past one, its
        reason for coming late, required."""
        today = self.today()
        day = due_on or today
        if day > today:
            raise ValidationError("reconciliation", "not_yet", day=day.isoformat())
        if not self.is_working_day(day):
            raise ValidationError("reconciliation", "not_a_working_day")
        if day == today:
            return day, ""
        reason = sanitize_text(late_reason)
        if not reason:
            raise ValidationError("late_reason", "required")
        if len(reason) > NOTE_MAX_CHARS:
            raise ValidationError("late_reason", "too_long", max=NOTE_MAX_CHARS)
        return day, reason

    def _local_midnight(self, day: date) -> datetime:
        return datetime.combine(day, time(0), self.site.timezone).astimezone(UTC)

    def _as_of(self, due_on: date, now: datetime) -> datetime:
        """What a sheet counts as back: by now for today's; by its own 09:00 for a missed day's,
        the check it should have had."""
        if due_on >= self.today():
            return now
        return datetime.combine(due_on, RECONCILIATION_TIME, self.site.timezone).astimezone(UTC)

    def _bounds(self, due_on: date, calendar: WorkingDays) -> tuple[date, date, datetime, datetime]:
        first, last = reconciliation_period(due_on, calendar)
        return first, last, self._local_midnight(first), self._local_midnight(last + timedelta(days=1))

    def _activity(self, session: Session, due_on: date, calendar: WorkingDays) -> bool:
        """A pass signed out or handed back in the period ``due_on`` reconciles (indexed lookups)."""
        _first, _last, start, end = self._bounds(due_on, calendar)
        issued = select(PassLoanItem.id).where(PassLoanItem.issued_at >= start, PassLoanItem.issued_at < end)
        stray = select(PassStrayReturn.id).where(
            PassStrayReturn.returned_at >= start, PassStrayReturn.returned_at < end
        )
        return session.scalar(issued.limit(1)) is not None or session.scalar(stray.limit(1)) is not None

    def _issued(self, session: Session, start: datetime, end: datetime) -> list[_Issued]:
        stmt = (
            select(
                PassLoanItem.id,
                PassLoanItem.pass_number,
                PassLoanItem.visitor_name,
                PassLoan.signed_by,
                PassLoanItem.returned_at,
            )
            .join(PassLoan, PassLoan.id == PassLoanItem.loan_id)
            .where(PassLoanItem.issued_at >= start, PassLoanItem.issued_at < end)
            .order_by(PassLoanItem.pass_number, PassLoanItem.id)
        )
        return [_Issued(*row) for row in session.execute(stmt)]

    def _strays(self, session: Session, start: datetime, end: datetime) -> list[tuple[str, datetime, str]]:
        stmt = (
            select(PassStrayReturn.pass_number, PassStrayReturn.returned_at, PassStrayReturn.received_by)
            .where(PassStrayReturn.returned_at >= start, PassStrayReturn.returned_at < end)
            .order_by(PassStrayReturn.pass_number, PassStrayReturn.id)
        )
        return [(n, at, by) for n, at, by in session.execute(stmt)]

    def _compute(
        self, session: Session, due_on: date, as_of: datetime, calendar: WorkingDays
    ) -> tuple[PassReconciliation, list[tuple[DiscrepancyKind, str, int | None, DiscrepancyDetail]]]:
        """The sheet and its discrepancies (kind, number, loan item, detail) as of ``as_of``."""
        first, last, start, end = self._bounds(due_on, calendar)
        issued = self._issued(session, start, end)
        strays = self._strays(session, start, end)
        back = [i for i in issued if i.returned_at is not None and i.returned_at <= as_of]
        sheet = PassReconciliation(
            first,
            last,
            tuple(i.number for i in issued),
            tuple(sorted([i.number for i in back] + [n for n, _at, _by in strays])),
            self.site.name,
            as_of.astimezone(self.site.timezone),
        )
        # Details as data: the console and the mail word them in their reader's language.
        found: list[tuple[DiscrepancyKind, str, int | None, DiscrepancyDetail]] = [
            (
                DiscrepancyKind.NOT_RETURNED,
                i.number,
                i.item_id,
                DiscrepancyDetail(visitor=i.visitor_name, signed_by=i.signed_by),
            )
            for i in issued
            if i.returned_at is None or i.returned_at > as_of
        ]
        found += [
            (
                DiscrepancyKind.NOT_RECORDED_OUT,
                number,
                None,
                DiscrepancyDetail(returned_at=at, received_by=by),
            )
            for number, at, by in strays
        ]
        return sheet, found

    def _preview(self, session: Session, due_on: date, calendar: WorkingDays) -> ReconciliationView:
        sheet, found = self._compute(session, due_on, self._as_of(due_on, self.clock.now()), calendar)
        views = tuple(
            DiscrepancyView(None, due_on, kind, number, detail) for kind, number, _item, detail in found
        )
        return ReconciliationView(due_on, sheet, views, frozen=False)

    def _freeze(
        self, session: Session, due_on: date, actor: Actor, now: datetime
    ) -> tuple[PassReconciliationRecord, list[PassDiscrepancy]]:
        """Today's record; the first signature creates it with its discrepancies."""
        record = self._record(session, due_on)
        if record is not None:
            return record, []
        calendar = self.calendar.calendar_in(session)
        sheet, found = self._compute(session, due_on, self._as_of(due_on, now), calendar)
        record = PassReconciliationRecord(
            due_on=due_on,
            period_start=sheet.period_start,
            period_end=sheet.period_end,
            issued=json.dumps(list(sheet.issued)),
            returned=json.dumps(list(sheet.returned)),
            frozen_at=now,
        )
        session.add(record)
        session.flush()
        created = [
            self._discrepancy(session, record, kind, number, item, detail, now)
            for kind, number, item, detail in found
        ]
        audit.record(
            session,
            actor,
            "pass_reconciliation.frozen",
            "pass_reconciliation",
            due_on,
            now,
            issued=len(sheet.issued),
            returned=len(sheet.returned),
            discrepancies=len(created),
        )
        return record, created

    @staticmethod
    def _discrepancy(
        session: Session,
        record: PassReconciliationRecord,
        kind: DiscrepancyKind,
        number: str | None,
        item_id: int | None,
        detail: DiscrepancyDetail,
        now: datetime,
    ) -> PassDiscrepancy:
        found = PassDiscrepancy(
            reconciliation_id=record.id,
            kind=kind,
            pass_number=number,
            loan_item_id=item_id,
            detail=detail.stored(),
            found_at=now,
        )
        session.add(found)
        return found

    def _after_signature(
        self,
        session: Session,
        record: PassReconciliationRecord,
        found: list[PassDiscrepancy],
        actor: Actor,
        now: datetime,
        language: str,
    ) -> tuple[int | None, SupervisorAlert | None]:
        """Alert the supervisor of new discrepancies; with both signatures, queue the sheet."""
        session.flush()
        alert = None
        if found:
            views = tuple(_discrepancy_view(d, record.due_on) for d in found)
            alert = SupervisorAlert(record.due_on, views, self.site.timezone)
            audit.record(
                session,
                actor,
                "pass_reconciliation.supervisor_alerted",
                "pass_reconciliation",
                record.due_on,
                now,
                discrepancies=[f"{d.kind.value}:{d.pass_number or '-'}" for d in found],
            )
        job_id = None
        if record.desk_signed_at is not None and record.guard_signed_at is not None:
            job = self.print_queue.enqueue(
                session, self._sheet(record), f"REC-{record.due_on:%Y%m%d}", language
            )
            record.print_job_id = job.id
            job_id = job.id
            audit.record(
                session, actor, "pass_reconciliation.completed", "pass_reconciliation", record.due_on, now
            )
        return job_id, alert

    def _finish(self, job_id: int | None, alert: SupervisorAlert | None, actor: Actor) -> None:
        """After the commit: print the completed sheet and tell the supervisor."""
        if alert is not None:
            tell_supervisor(self.alerters, alert, "pass reconciliation")
        if job_id is not None:
            self.print_queue.dispatch(job_id, actor)

    def _sheet(self, record: PassReconciliationRecord) -> PassReconciliation:
        return PassReconciliation(
            record.period_start,
            record.period_end,
            tuple(json.loads(record.issued)),
            tuple(json.loads(record.returned)),
            self.site.name,
            self.clock.now().astimezone(self.site.timezone),
            counted=record.counted,
            desk_signed_by=record.desk_signed_by or "",
            guard_signed_by=record.guard_signed_by or "",
            desk_late_reason=record.desk_late_reason or "",
            guard_late_reason=record.guard_late_reason or "",
        )

    def _view(self, session: Session, record: PassReconciliationRecord) -> ReconciliationView:
        rows = session.scalars(
            select(PassDiscrepancy)
            .where(PassDiscrepancy.reconciliation_id == record.id)
            .order_by(PassDiscrepancy.id)
        )
        return ReconciliationView(
            record.due_on,
            self._sheet(record),
            tuple(_discrepancy_view(d, record.due_on) for d in rows),
            frozen=True,
            desk_signed_at=record.desk_signed_at,
            guard_signed_at=record.guard_signed_at,
            print_job_id=record.print_job_id,
        )

    @staticmethod
    def _record(session: Session, due_on: date) -> PassReconciliationRecord | None:
        return session.scalar(
            select(PassReconciliationRecord).where(PassReconciliationRecord.due_on == due_on)
        )

    @staticmethod
    def _pass(session: Session, number: str) -> MachineRoomPass:
        found = session.scalar(select(MachineRoomPass).where(MachineRoomPass.number == number))
        if found is None:
            raise ValidationError("pass_number", "unknown", number=number)
        return found

    @staticmethod
    def _passes(session: Session, numbers: Sequence[str]) -> list[MachineRoomPass]:
        passes = list(session.scalars(select(MachineRoomPass).where(MachineRoomPass.number.in_(numbers))))
        unknown = sorted(set(numbers) - {p.number for p in passes})
        if unknown:
            raise ValidationError("pass_number", "unknown", number=", ".join(unknown))
        return passes

    @staticmethod
    def _out_numbers(session: Session, pass_ids: list[int]) -> set[str]:
        return set(
            session.scalars(
                select(PassLoanItem.pass_number).where(
                    PassLoanItem.pass_id.in_(pass_ids), PassLoanItem.returned_at.is_(None)
                )
            )
        )


def _discrepancy_view(d: PassDiscrepancy, due_on: date) -> DiscrepancyView:
    return DiscrepancyView(
        d.id,
        due_on,
        d.kind,
        d.pass_number,
        DiscrepancyDetail.from_stored(d.detail),
        d.resolved_at,
        d.resolved_by,
        d.resolution_note,
    )
