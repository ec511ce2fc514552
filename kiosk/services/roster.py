"""The duty roster (大堂助理值班表): drafted by the shift leader, approved by the supervisor, shown on
the board, checked at the shift handover.

Decided, with the roles that exist: the shift leader (领班) is a supervisor, so a supervisor drafts
and submits (DRAFT_ROSTER) and ANOTHER supervisor, or an admin, approves (APPROVE_ROSTER): signed
in at the desk, or with their PIN (StaffService.countersign) at the drafter's desk. Whoever
submitted a roster never approves it. Who may be rostered: active receptionists and supervisors
(the lobby assistants and their shift leaders). A submitted roster is not edited: it goes back to
draft with a reason (by a supervisor), or is approved. An approved roster is frozen; a change
after that is a swap (换班) of one day's shift from one person to another who is off that day,
agreed by a supervisor (their session, or their PIN at a clerk's desk) with the reason, audited,
shown beside what was approved. Only approved rosters put names on the board and count at the
handover; without one for today the board says so and the handover checks nothing.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from kiosk.domain.errors import ValidationError
from kiosk.domain.monthly_figures import Month, parse_month
from kiosk.domain.repairs import required_text
from kiosk.domain.roster import (
    CELLS_MAX,
    REASON_MAX,
    CellChange,
    DutyOnBoard,
    FillFrom,
    RosterCell,
    RosterPerson,
    RosterSettings,
    RosterStatus,
    RosterSwapView,
    RosterView,
    Shift,
    clashes,
    on_duty,
    pattern_fill,
    uncovered,
)
from kiosk.domain.staff import Permission, Role, SignedIn, allowed
from kiosk.services import audit
from kiosk.services.clock import Clock
from kiosk.services.site import SiteInfo
from kiosk.services.staff import StaffService
from kiosk.services.xlsx_stream import Sheet, save_workbook
from kiosk.storage.database import Sessions
from kiosk.storage.models import DutyRoster, DutyRosterCell, DutyRosterSwap, StaffMember

ENTITY = "duty_roster"
# The lobby assistants (大堂助理) and their shift leaders; guards keep a roster of their own.
ROSTERED_ROLES = (Role.RECEPTIONIST, Role.SUPERVISOR)
# How far ahead a roster may be drawn up, and how far back one is still edited (a site starting).
MONTHS_AHEAD = 12


def _require(who: SignedIn, permission: Permission) -> None:
    if not allowed(who.role, permission):
        raise ValidationError("staff", "not_allowed")


def _shifts_json(shifts: Sequence[Shift]) -> str:
    return json.dumps(
        [[s.key, s.english, f"{s.starts:%H:%M}", f"{s.ends:%H:%M}"] for s in shifts], ensure_ascii=False
    )


def _shifts_of(row: DutyRoster) -> list[Shift]:
    return [
        Shift(key, english, time.fromisoformat(starts), time.fromisoformat(ends))
        for key, english, starts, ends in json.loads(row.shifts)
    ]


@dataclass
class RosterService:
    sessions: Sessions
    clock: Clock
    site: SiteInfo
    staff: StaffService
    settings: RosterSettings = field(default_factory=RosterSettings)

    def today(self) -> date:
        return self.clock.now().astimezone(self.site.timezone).date()

    # --- reading ----------------------------------------------------------------------------------
    def month(self, month: str) -> RosterView:
        """A month's roster as it stands (swaps applied), with the people it may name."""
        chosen = parse_month(month)
        with self.sessions.reads() as session:
            return self._view(session, chosen)

    def view_of(self, roster_id: int) -> RosterView:
        """The roster with this id as it stands (a retried change is answered with it)."""
        with self.sessions.reads() as session:
            row = session.get(DutyRoster, roster_id)
            if row is None:
                raise ValidationError("roster", "none")
            return self._view(session, parse_month(row.month))

    def _view(self, session: Session, month: Month) -> RosterView:
        row = self._row(session, month)
        people = self._people(session)
        if row is None:
            return RosterView(str(month), None, None, list(self.settings.shifts), people, [])
        cells = self._cells(session, row)
        swaps = list(
            session.scalars(
                select(DutyRosterSwap).where(DutyRosterSwap.roster_id == row.id).order_by(DutyRosterSwap.id)
            )
        )
        # Someone on the roster who has since left stays on it (their days were planned).
        named = {p.staff_id for p in people}
        gone = {c.staff_id: c.name for c in cells if c.staff_id not in named}
        people += [RosterPerson(sid, name, "", active=False) for sid, name in sorted(gone.items())]
        return RosterView(
            str(month),
            row.id,
            row.status,
            _shifts_of(row),
            people,
            cells,
            row.drafted_by_name,
            row.changed_at,
            row.submitted_by_name,
            row.submitted_at,
            row.approved_by_name,
            row.approved_at,
            row.returned_reason,
            [
                RosterSwapView(
                    s.id,
                    s.day,
                    s.shift,
                    s.from_name,
                    s.to_name,
                    s.reason,
                    s.agreed_by_name,
                    s.recorded_by_name,
                    s.recorded_at,
                )
                for s in swaps
            ],
        )

    @staticmethod
    def _row(session: Session, month: Month) -> DutyRoster | None:
        return session.scalar(select(DutyRoster).where(DutyRoster.month == str(month)))

    @staticmethod
    def _people(session: Session) -> list[RosterPerson]:
        rows = session.scalars(
            select(StaffMember)
            .where(StaffMember.active, StaffMember.role.in_(ROSTERED_ROLES))
            .order_by(StaffMember.role.desc(), StaffMember.name, StaffMember.id)
        )
        return [RosterPerson(m.id, m.name, m.role.value) for m in rows]

    @staticmethod
    def _cells(session: Session, row: DutyRoster) -> list[RosterCell]:
        """The cells with every swap applied in order; a swapped day names who was planned."""
        found: dict[tuple[date, int], RosterCell] = {
            (c.day, c.staff_id): RosterCell(c.day, c.staff_id, c.staff_name, c.shift)
            for c in session.scalars(select(DutyRosterCell).where(DutyRosterCell.roster_id == row.id))
        }
        swaps = session.scalars(
            select(DutyRosterSwap).where(DutyRosterSwap.roster_id == row.id).order_by(DutyRosterSwap.id)
        )
        for swap in swaps:
            before = found.pop((swap.day, swap.from_staff_id), None)
            planned = before.planned_name or before.name if before is not None else swap.from_name
            found[swap.day, swap.to_staff_id] = RosterCell(
                swap.day, swap.to_staff_id, swap.to_name, swap.shift, planned
            )
        return sorted(found.values(), key=lambda c: (c.day, c.staff_id))

    # --- drafting ---------------------------------------------------------------------------------
    def edit(self, month: str, changes: Sequence[CellChange], who: SignedIn) -> RosterView:
        """Set cells of a month's draft (made on the first edit): each person's shift on a day,
        or "" for off. A submitted or approved roster is not edited here."""
        _require(who, Permission.DRAFT_ROSTER)
        chosen = self._month_open_for_drafting(month)
        if len(changes) > CELLS_MAX:
            raise ValidationError("cells", "too_many", max=CELLS_MAX)
        days = set(chosen.dates())
        now = self.clock.now()
        with self.sessions.begin() as session:
            row = self._draft(session, chosen, who, now)
            shifts = {s.key for s in _shifts_of(row)}
            people = {p.staff_id: p for p in self._people(session)}
            for change in changes:
                if change.day not in days:
                    raise ValidationError("day", "not_in_month", month=str(chosen))
                if change.shift and change.shift not in shifts:
                    raise ValidationError("shift", "unknown", shift=change.shift[:10])
                if change.shift and change.staff_id not in people:
                    raise ValidationError("staff", "not_rostered")
            self._apply(session, row, [(c.day, c.staff_id, c.shift) for c in changes], people)
            self._check_clashes(session, row)
            row.changed_at = now
            audit.record(
                session, who.actor, "roster.edited", ENTITY, row.id, now,
                month=str(chosen), cells=len(changes),
            )  # fmt: skip
            session.flush()
            return self._view(session, chosen)

    def fill(self, month: str, source: FillFrom, who: SignedIn) -> RosterView:
        """Fill a month's draft from a pattern: last month's roster carried on ([roster]
        cycle_days back, so weekdays and a 4-day rotation stay in step), or the month's own first
        week repeated. Every day filled is replaced; people no longer rostered are left out."""
        _require(who, Permission.DRAFT_ROSTER)
        chosen = self._month_open_for_drafting(month)
        dates = chosen.dates()
        now = self.clock.now()
        with self.sessions.begin() as session:
            row = self._draft(session, chosen, who, now)
            shifts = {s.key for s in _shifts_of(row)}
            people = {p.staff_id: p for p in self._people(session)}
            if source is FillFrom.LAST_MONTH:
                cycle = self.settings.cycle_days
                first = chosen.first_day - timedelta(days=cycle)
                known = self._assignments(session, first, chosen.first_day)
                keep: list[date] = []
            else:
                cycle, known = 7, self._assignments(session, dates[0], dates[0] + timedelta(days=7))
                keep = dates[:7]
            if not any(known.values()):
                raise ValidationError("fill", "nothing_to_copy", source=source.value)
            made = pattern_fill(known, dates, cycle, keep)
            changes = [
                (day, staff_id, shift if shift in shifts and staff_id in people else "")
                for day in dates
                for staff_id, shift in made.get(day, {}).items()
            ]
            session.execute(
                delete(DutyRosterCell).where(
                    DutyRosterCell.roster_id == row.id, DutyRosterCell.day.in_(dates[len(keep) :])
                )
            )
            self._apply(session, row, [c for c in changes if c[0] not in keep], people)
            self._check_clashes(session, row)
            row.changed_at = now
            audit.record(
                session,
                who.actor,
                "roster.filled",
                ENTITY,
                row.id,
                now,
                month=str(chosen),
                source=source.value,
            )
            session.flush()
            return self._view(session, chosen)

    def _assignments(self, session: Session, first: date, after: date) -> dict[date, dict[int, str]]:
        """Who worked which shift each day in [first, after), as the rosters stand (swaps applied)."""
        found: dict[date, dict[int, str]] = {}
        rows = session.scalars(
            select(DutyRoster).where(DutyRoster.month.in_({str(Month.of(first)), str(Month.of(after))}))
        )
        for row in rows:
            for cell in self._cells(session, row):
                if first <= cell.day < after:
                    found.setdefault(cell.day, {})[cell.staff_id] = cell.shift
        return found

    def _apply(
        self,
        session: Session,
        row: DutyRoster,
        changes: Sequence[tuple[date, int, str]],
        people: Mapping[int, RosterPerson],
    ) -> None:
        for day, staff_id, shift in changes:
            cell = session.scalar(
                select(DutyRosterCell).where(
                    DutyRosterCell.roster_id == row.id,
                    DutyRosterCell.day == day,
                    DutyRosterCell.staff_id == staff_id,
                )
            )
            if not shift:
                if cell is not None:
                    session.delete(cell)
            elif cell is None:
                session.add(
                    DutyRosterCell(
                        roster_id=row.id,
                        day=day,
                        staff_id=staff_id,
                        staff_name=people[staff_id].name,
                        shift=shift,
                    )
                )
            else:
                cell.shift = shift
        session.flush()

    def _check_clashes(self, session: Session, row: DutyRoster) -> None:
        """One person's shift running into their next day's (夜班 to 07:00, then from 06:00)."""
        shifts = {s.key: s for s in _shifts_of(row)}
        by_person: dict[int, dict[date, str]] = {}
        names: dict[int, str] = {}
        for cell in session.scalars(select(DutyRosterCell).where(DutyRosterCell.roster_id == row.id)):
            by_person.setdefault(cell.staff_id, {})[cell.day] = cell.shift
            names[cell.staff_id] = cell.staff_name
        for staff_id, cells in by_person.items():
            found = clashes(shifts, cells, self.site.timezone)
            if found:
                raise ValidationError("cells", "clash", name=names[staff_id], day=found[0].isoformat())

    def _month_open_for_drafting(self, month: str) -> Month:
        chosen = parse_month(month)
        this = Month.of(self.today())
        latest = Month.of(this.first_day + timedelta(days=31 * MONTHS_AHEAD))
        if chosen < this:
            raise ValidationError("month", "past")
        if chosen > latest:
            raise ValidationError("month", "too_far", months=MONTHS_AHEAD)
        return chosen

    def _draft(self, session: Session, month: Month, who: SignedIn, now: datetime) -> DutyRoster:
        """The month's draft, made on the first edit; a draft follows the site's shifts as set now."""
        row = session.scalar(select(DutyRoster).where(DutyRoster.month == str(month)).with_for_update())
        if row is None:
            row = DutyRoster(
                month=str(month),
                status=RosterStatus.DRAFT,
                shifts=_shifts_json(self.settings.shifts),
                drafted_by=who.actor.label,
                drafted_by_name=who.name,
                changed_at=now,
                submitted_by_name="",
                approved_by="",
                approved_by_name="",
                returned_reason="",
            )
            session.add(row)
            session.flush()
            audit.record(session, who.actor, "roster.drafted", ENTITY, row.id, now, month=str(month))
            return row
        if row.status is not RosterStatus.DRAFT:
            raise ValidationError("roster", row.status.value)
        keys = [s.key for s in self.settings.shifts]
        stale = session.scalar(
            select(DutyRosterCell.shift)
            .where(DutyRosterCell.roster_id == row.id, DutyRosterCell.shift.not_in(keys))
            .limit(1)
        )
        if stale is None:
            row.shifts = _shifts_json(self.settings.shifts)
        # else: a shift since taken out of [roster] is still in the draft; it keeps its old shifts
        # until those cells are cleared, so nothing on it loses its hours.
        return row

    # --- submitting and approving -------------------------------------------------------------------
    def submit(self, month: str, who: SignedIn) -> RosterView:
        """The draft goes to the supervisor: every shift of every day covered by [roster]
        min_per_shift people. The one who submits it cannot approve it."""
        _require(who, Permission.DRAFT_ROSTER)
        chosen = parse_month(month)
        now = self.clock.now()
        with self.sessions.begin() as session:
            row = self._with_status(session, chosen, RosterStatus.DRAFT)
            cells: dict[date, dict[int, str]] = {}
            for cell in self._cells(session, row):
                cells.setdefault(cell.day, {})[cell.staff_id] = cell.shift
            gaps = uncovered(_shifts_of(row), cells, chosen.dates(), self.settings.min_per_shift)
            if gaps:
                day, shift = gaps[0]
                raise ValidationError(
                    "roster", "uncovered", day=day.isoformat(), shift=shift, gaps=len(gaps),
                    needed=self.settings.min_per_shift,
                )  # fmt: skip
            row.status = RosterStatus.SUBMITTED
            row.submitted_by_id, row.submitted_by_name, row.submitted_at = who.staff_id, who.name, now
            row.returned_reason = ""
            audit.record(session, who.actor, "roster.submitted", ENTITY, row.id, now, month=str(chosen))
            session.flush()
            return self._view(session, chosen)

    def send_back(self, month: str, reason: str, who: SignedIn) -> RosterView:
        """A submitted roster back to draft with the reason (the approver wants a change, or the
        drafter saw a mistake)."""
        _require(who, Permission.DRAFT_ROSTER)
        chosen = parse_month(month)
        why = required_text(reason, "reason", REASON_MAX)
        now = self.clock.now()
        with self.sessions.begin() as session:
            row = self._with_status(session, chosen, RosterStatus.SUBMITTED)
            row.status, row.returned_reason, row.changed_at = RosterStatus.DRAFT, why, now
            audit.record(
                session, who.actor, "roster.sent_back", ENTITY, row.id, now, month=str(chosen), reason=why
            )
            session.flush()
            return self._view(session, chosen)

    def approve(self, month: str, who: SignedIn, approver: str = "", pin: str = "") -> RosterView:
        """Approve a submitted roster: by ``who`` when they may approve and did not submit it, or
        by ``approver`` with their PIN (checked and audited; not the one who submitted it)."""
        chosen = parse_month(month)
        with self.sessions.reads() as session:
            row = self._with_status(session, chosen, RosterStatus.SUBMITTED)
            roster_id, submitter = row.id, row.submitted_by_id
        if approver or pin:
            not_by = SignedIn(submitter or 0, "", "", Role.SUPERVISOR)
            signer = self.staff.countersign(
                approver, pin, Permission.APPROVE_ROSTER, "roster_approve", "roster.approve_refused",
                entity=ENTITY, entity_id=roster_id, not_by=not_by,
            )  # fmt: skip
        else:
            _require(who, Permission.APPROVE_ROSTER)
            if who.staff_id == submitter:
                raise ValidationError("signer", "same_person")
            signer = who
        now = self.clock.now()
        with self.sessions.begin() as session:
            row = self._with_status(session, chosen, RosterStatus.SUBMITTED)
            row.status = RosterStatus.APPROVED
            row.approved_by, row.approved_by_name, row.approved_at = signer.actor.label, signer.name, now
            audit.record(
                session, signer.actor, "roster.approved", ENTITY, row.id, now,
                month=str(chosen), at_desk_of=who.actor.label,
            )  # fmt: skip
            session.flush()
            return self._view(session, chosen)

    def _with_status(self, session: Session, month: Month, status: RosterStatus) -> DutyRoster:
        row = self._row(session, month)
        if row is None:
            raise ValidationError("roster", "none")
        if row.status is not status:
            raise ValidationError("roster", row.status.value)
        return row

    # --- after approval: swaps ------------------------------------------------------------------------
    def swap(
        self,
        month: str,
        day: date,
        from_staff: int,
        to_staff: int,
        reason: str,
        who: SignedIn,
        supervisor: str = "",
        pin: str = "",
    ) -> RosterView:
        """Give ``from_staff``'s shift on ``day`` (today or later) to ``to_staff``, who is off that
        day. Agreed by ``who`` if a supervisor, else by ``supervisor`` with their PIN."""
        _require(who, Permission.VIEW_ROSTER)
        chosen = parse_month(month)
        why = required_text(reason, "reason", REASON_MAX)
        if day < self.today():
            raise ValidationError("day", "past")
        if day not in chosen.dates():
            raise ValidationError("day", "not_in_month", month=str(chosen))
        with self.sessions.reads() as session:
            row = self._with_status(session, chosen, RosterStatus.APPROVED)
            roster_id = row.id
        if supervisor or pin or not allowed(who.role, Permission.APPROVE_ROSTER):
            agreed = self.staff.countersign(
                supervisor, pin, Permission.APPROVE_ROSTER, "roster_swap", "roster.swap_refused",
                entity=ENTITY, entity_id=roster_id, not_by=who,
            )  # fmt: skip
        else:
            agreed = who
        now = self.clock.now()
        with self.sessions.begin() as session:
            row = self._with_status(session, chosen, RosterStatus.APPROVED)
            that_day = {c.staff_id: c for c in self._cells(session, row) if c.day == day}
            given = that_day.get(from_staff)
            if given is None:
                raise ValidationError("from_staff", "off_that_day")
            if to_staff in that_day:
                raise ValidationError("to_staff", "on_that_day", shift=that_day[to_staff].shift)
            people = {p.staff_id: p for p in self._people(session)}
            if to_staff not in people:
                raise ValidationError("staff", "not_rostered")
            swap = DutyRosterSwap(
                roster_id=row.id, day=day, shift=given.shift, from_staff_id=from_staff, from_name=given.name,
                to_staff_id=to_staff, to_name=people[to_staff].name, reason=why, agreed_by=agreed.actor.label,
                agreed_by_name=agreed.name, recorded_by=who.actor.label, recorded_by_name=who.name,
                recorded_at=now,
            )  # fmt: skip
            session.add(swap)
            session.flush()
            self._check_clashes_effective(session, row)
            audit.record(
                session, who.actor, "roster.swapped", ENTITY, row.id, now,
                day=day, shift=given.shift, from_staff=from_staff, to_staff=to_staff,
                agreed_by=agreed.actor.label, reason=why,
            )  # fmt: skip
            return self._view(session, chosen)

    def _check_clashes_effective(self, session: Session, row: DutyRoster) -> None:
        shifts = {s.key: s for s in _shifts_of(row)}
        by_person: dict[int, dict[date, str]] = {}
        for cell in self._cells(session, row):
            by_person.setdefault(cell.staff_id, {})[cell.day] = cell.shift
        for cells in by_person.values():
            found = clashes(shifts, cells, self.site.timezone)
            if found:
                raise ValidationError("to_staff", "clash", day=found[0].isoformat())

    # --- the board and the handover -----------------------------------------------------------------
    def _approved_around(
        self, session: Session, today: date
    ) -> dict[date, tuple[list[Shift], dict[str, list[str]]]]:
        days = [today - timedelta(days=1), today, today + timedelta(days=1)]
        months = {str(Month.of(d)) for d in days}
        found: dict[date, tuple[list[Shift], dict[str, list[str]]]] = {}
        rows = session.scalars(
            select(DutyRoster).where(DutyRoster.month.in_(months), DutyRoster.status == RosterStatus.APPROVED)
        )
        for row in rows:
            shifts = _shifts_of(row)
            month = Month(*(int(part) for part in row.month.split("-")))
            for day in days:
                if Month.of(day) == month:
                    found[day] = (shifts, {})
            for cell in self._cells(session, row):
                if cell.day in found:
                    found[cell.day][1].setdefault(cell.shift, []).append(cell.name)
        return found

    def on_board(self) -> DutyOnBoard:
        """Who is on duty now and who comes next, by the approved rosters (three days' cells)."""
        now = self.clock.now()
        with self.sessions.reads() as session:
            duty = on_duty(self._approved_around(session, self.today()), now, self.site.timezone)
            if duty.approved:
                return replace(duty, in_use=True)
            ever = select(DutyRoster.id).where(DutyRoster.status == RosterStatus.APPROVED).limit(1)
            return replace(duty, in_use=session.scalar(ever) is not None)

    def off_roster(self, clerk: SignedIn, at: datetime) -> str | None:
        """At a handover: the words of an issue when ``clerk`` takes over at ``at`` while not on
        the approved roster for a shift under way or beginning within [roster] early_minutes;
        None when they are on it, or when no approved roster covers the day (nothing to check)."""
        zone = self.site.timezone
        today = at.astimezone(zone).date()
        early = timedelta(minutes=self.settings.early_minutes)
        with self.sessions.reads() as session:
            around = self._approved_around(session, today)
            if today not in around:
                return None
            mine = self._shifts_of_person(session, clerk.staff_id, around.keys())
        for day, (shifts, _names) in around.items():
            for shift in shifts:
                starts, ends = shift.span(day, zone)
                if starts - early <= at < ends and mine.get(day) == shift.key:
                    return None
        duty = on_duty(around, at + early, zone)
        expected = "; ".join(f"{d.shift.key} {d.shift.hours}: {'、'.join(d.names) or '—'}" for d in duty.now)
        local = at.astimezone(zone)
        return (
            f"不在值班表 Not on the duty roster: {clerk.name} took over at {local:%m-%d %H:%M}. "
            f"Rostered 值班: {expected or '—'}"
        )[:200]

    def _shifts_of_person(self, session: Session, staff_id: int, days: Any) -> dict[date, str]:
        wanted = set(days)
        found: dict[date, str] = {}
        rows = session.scalars(
            select(DutyRoster).where(
                DutyRoster.month.in_({str(Month.of(d)) for d in wanted}),
                DutyRoster.status == RosterStatus.APPROVED,
            )
        )
        for row in rows:
            for cell in self._cells(session, row):
                if cell.staff_id == staff_id and cell.day in wanted:
                    found[cell.day] = cell.shift
        return found

    # --- the export -----------------------------------------------------------------------------------
    def export(self, month: str, path: Path, words: Mapping[str, str], who: SignedIn) -> Path:
        """The month as the printed 值班表: one row per person, one column per day (the shift's
        word, blank when off), then the shifts' hours and the swaps; headed in ``words``."""
        _require(who, Permission.VIEW_ROSTER)
        view = self.month(month)

        def w(text: str) -> str:
            return words.get(text, text)

        chosen = parse_month(month)
        dates = chosen.dates()
        weekdays = [w(name) for name in ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")]
        headers = [w("Name"), *(f"{d.day} {weekdays[d.weekday()]}" for d in dates), w("Shifts")]
        grid = {(c.staff_id, c.day): c.shift for c in view.cells}
        rostered = {c.staff_id for c in view.cells}
        rows: list[Sequence[Any]] = [
            [
                p.name,
                *(grid.get((p.staff_id, d), "") for d in dates),
                sum(1 for d in dates if (p.staff_id, d) in grid),
            ]
            for p in view.people
            if p.staff_id in rostered or p.active
        ]
        status = w(view.status.value) if view.status is not None else w("none")
        about: list[Sequence[Any]] = [
            [w("Month"), view.month],
            [w("Status"), status],
            [w("Drafted by"), view.drafted_by_name],
            [w("Submitted by"), view.submitted_by_name],
            [w("Approved by"), view.approved_by_name],
            *([s.key, s.english, s.hours] for s in view.shifts),
        ]
        swaps = [
            [s.day, s.shift, s.from_name, s.to_name, s.reason, s.agreed_by_name, s.recorded_by_name]
            for s in view.swaps
        ]
        save_workbook(
            path,
            [
                Sheet(f"{w('Duty roster')} {view.month}", headers, rows, {1: 12}),
                Sheet(w("Shifts"), [w("Roster"), ""], about, {1: 14, 2: 14, 3: 14}),
                Sheet(
                    w("Swaps"),
                    [w(h) for h in ("Day", "Shift", "From", "To", "Reason", "Agreed by", "Recorded by")],
                    swaps,
                    {5: 30},
                ),
            ],
        )
        with self.sessions.begin() as session:
            audit.record(
                session,
                who.actor,
                "roster.exported",
                ENTITY,
                view.roster_id,
                self.clock.now(),
                month=view.month,
            )
        return path
