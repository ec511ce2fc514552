"""The duty roster (大堂助理值班表) on both databases: a month drafted from its first week, covered
before it is submitted, approved only by another supervisor (signed in or by PIN), frozen, a swap
agreed by a supervisor's PIN, last month's pattern carried on, who is on duty on the board, the
handover's check of the incoming clerk, and the export."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from kiosk.app import KioskApp
from kiosk.domain.errors import ValidationError
from kiosk.domain.handover import HandoverItemKind
from kiosk.domain.roster import CellChange, FillFrom, RosterStatus
from kiosk.domain.staff import Role
from kiosk.domain.views import ItemCount
from kiosk.services.audit import Actor
from kiosk.services.staff import SignedIn
from kiosk.storage.models import AuditEvent, OpenIssue
from tests.conftest import FixedClock

PIN = "135790"
ADMIN = Actor("staff", "admin")
DECEMBER = "2026-12"


@pytest.fixture
def people(app: KioskApp) -> dict[str, SignedIn]:
    for username, name, role in (
        ("li", "李娜", Role.RECEPTIONIST),
        ("zhao", "赵敏", Role.RECEPTIONIST),
        ("sun", "孙丽", Role.RECEPTIONIST),
        ("leader", "周领班", Role.SUPERVISOR),
        ("boss", "王主管", Role.SUPERVISOR),
        ("guard", "张保安", Role.GUARD),
    ):
        app.staff.add(username, name, role, PIN, ADMIN)
    return {u: app.staff.sign_in(u, PIN) for u in ("li", "zhao", "sun", "leader", "boss", "guard")}


def refused(call: object, *args: object, **kwargs: object) -> tuple[str, str]:
    assert callable(call)
    with pytest.raises(ValidationError) as error:
        call(*args, **kwargs)
    return error.value.field, error.value.code


def first_week(people: dict[str, SignedIn], first: date) -> list[CellChange]:
    """早 / 中 / 夜 rotating over the three clerks, the leader on 早班 on weekdays."""
    shifts = ("早班", "中班", "夜班")
    clerks = [people[u].staff_id for u in ("li", "zhao", "sun")]
    cells = []
    for n in range(7):
        day = first + timedelta(days=n)
        cells += [CellChange(day, clerk, shifts[(i + n) % 3]) for i, clerk in enumerate(clerks)]
        if day.weekday() < 5:
            cells.append(CellChange(day, people["leader"].staff_id, "早班"))
    return cells


def test_drafted_from_a_week_submitted_approved_by_another_supervisor_then_frozen_and_swapped(
    app: KioskApp, people: dict[str, SignedIn], clock: FixedClock
) -> None:
    roster, leader, boss, li = app.roster, people["leader"], people["boss"], people["li"]
    assert roster.month(DECEMBER).status is None
    assert [p.name for p in roster.month(DECEMBER).people if p.staff_id in {leader.staff_id, li.staff_id}]
    assert people["guard"].staff_id not in {p.staff_id for p in roster.month(DECEMBER).people}
    # Only the shift leader (a supervisor) drafts; past months and unknown shifts are refused.
    cells = first_week(people, date(2026, 12, 1))
    assert refused(roster.edit, DECEMBER, cells, li) == ("staff", "not_allowed")
    assert refused(roster.edit, "2026-10", cells, leader) == ("month", "past")
    assert refused(roster.edit, DECEMBER, [CellChange(date(2026, 12, 1), li.staff_id, "白班")], leader) == (
        "shift",
        "unknown",
    )
    guard_cell = CellChange(date(2026, 12, 1), people["guard"].staff_id, "早班")
    assert refused(roster.edit, DECEMBER, [guard_cell], leader) == ("staff", "not_rostered")
    view = roster.edit(DECEMBER, cells, leader)
    assert view.status is RosterStatus.DRAFT and view.drafted_by_name == "周领班"
    # Not covered yet: the 8th has nobody.
    field, code = refused(roster.submit, DECEMBER, leader)
    assert (field, code) == ("roster", "uncovered")
    view = roster.fill(DECEMBER, FillFrom.FIRST_WEEK, leader)
    # Days 8 onward repeat days 1-7: the 15th is the 1st again.
    grid = {(c.day, c.staff_id): c.shift for c in view.cells}
    for clerk in ("li", "zhao", "sun"):
        sid = people[clerk].staff_id
        assert grid[date(2026, 12, 15), sid] == grid[date(2026, 12, 1), sid]
        assert grid[date(2026, 12, 31), sid] == grid[date(2026, 12, 3), sid]
    # A cell cleared (off that day), then the roster submitted.
    day_off = CellChange(date(2026, 12, 2), people["leader"].staff_id, "")
    view = roster.edit(DECEMBER, [day_off], leader)
    assert view.cell(date(2026, 12, 2), leader.staff_id) is None
    view = roster.submit(DECEMBER, leader)
    assert view.status is RosterStatus.SUBMITTED and view.submitted_by_name == "周领班"
    assert refused(roster.edit, DECEMBER, cells, leader) == ("roster", "submitted")
    # Not by the one who submitted it, signed in or by PIN; not by a clerk; a wrong PIN refused.
    assert refused(roster.approve, DECEMBER, leader) == ("signer", "same_person")
    assert refused(roster.approve, DECEMBER, li) == ("staff", "not_allowed")
    assert refused(roster.approve, DECEMBER, li, "leader", PIN) == ("signer", "same_person")
    assert refused(roster.approve, DECEMBER, li, "zhao", PIN) == ("signer", "not_allowed")
    assert refused(roster.approve, DECEMBER, li, "boss", "000000") == ("credentials", "invalid")
    # Another supervisor's PIN at the desk approves it.
    view = roster.approve(DECEMBER, leader, "boss", PIN)
    assert view.status is RosterStatus.APPROVED and view.approved_by_name == "王主管"
    assert refused(roster.edit, DECEMBER, cells, leader) == ("roster", "approved")
    assert refused(roster.fill, DECEMBER, FillFrom.FIRST_WEEK, leader) == ("roster", "approved")

    # A swap: li's shift on the 10th to the leader (off the 10th? he works weekdays: the 12th is a
    # Saturday). A clerk needs a supervisor's PIN, and a reason.
    saturday = date(2026, 12, 12)
    li_shift = grid[saturday, li.staff_id]
    assert refused(roster.swap, DECEMBER, saturday, li.staff_id, leader.staff_id, "", li) == (
        "reason",
        "required",
    )
    assert refused(roster.swap, DECEMBER, saturday, li.staff_id, leader.staff_id, "家里有事", li) == (
        "credentials",
        "invalid",
    )
    on_that_day = people["zhao"].staff_id
    assert (
        refused(roster.swap, DECEMBER, saturday, li.staff_id, on_that_day, "家里有事", boss)[1]
        == "on_that_day"
    )
    view = roster.swap(DECEMBER, saturday, li.staff_id, leader.staff_id, "家里有事", li, "boss", PIN)
    cell = view.cell(saturday, leader.staff_id)
    assert cell is not None and (cell.shift, cell.planned_name) == (li_shift, "李娜")
    assert view.cell(saturday, li.staff_id) is None
    [swap] = view.swaps
    assert (swap.from_name, swap.to_name, swap.agreed_by_name, swap.recorded_by_name) == (
        "李娜",
        "周领班",
        "王主管",
        "李娜",
    )
    clock.advance(days=30)
    assert refused(roster.swap, DECEMBER, date(2026, 12, 20), li.staff_id, leader.staff_id, "x", boss) == (
        "day",
        "past",
    )
    with app.database.sessions() as session:
        actions = session.scalars(select(AuditEvent.action).where(AuditEvent.entity == "duty_roster")).all()
    for action in ("roster.drafted", "roster.edited", "roster.filled", "roster.submitted", "roster.approved"):
        assert action in actions
    assert "roster.swapped" in actions and "roster.approve_refused" in actions


def test_last_months_pattern_runs_on_and_the_board_shows_who_is_on_duty_now_and_next(
    app: KioskApp, people: dict[str, SignedIn], clock: FixedClock, tmp_path: Path
) -> None:
    roster, leader, boss = app.roster, people["leader"], people["boss"]
    november = roster.edit("2026-11", first_week(people, date(2026, 11, 1)), leader)
    november = roster.fill("2026-11", FillFrom.FIRST_WEEK, leader)
    assert refused(roster.fill, "2027-01", FillFrom.LAST_MONTH, leader) == ("fill", "nothing_to_copy")
    december = roster.fill(DECEMBER, FillFrom.LAST_MONTH, leader)
    nov = {(c.day, c.staff_id): c.shift for c in november.cells}
    dec = {(c.day, c.staff_id): c.shift for c in december.cells}
    # 28 days back: the same weekday, and the three-day rotation carried on unbroken.
    sid = people["sun"].staff_id
    assert dec[date(2026, 12, 1), sid] == nov[date(2026, 11, 3), sid]
    assert dec[date(2026, 12, 29), sid] == dec[date(2026, 12, 1), sid]
    # No approved roster yet: nobody on the board, and the board's duty line stays hidden (a
    # site that keeps no roster is not told every day that it has none).
    before = roster.on_board()
    assert not before.approved and before.now == [] and not before.in_use
    roster.submit("2026-11", leader)
    roster.approve("2026-11", boss)
    board = roster.on_board()  # 25 Nov, 10:00 at the site
    assert board.approved and board.in_use
    [now] = board.now
    assert now.shift.key == "早班" and now.starts == datetime(2026, 11, 24, 23, 0, tzinfo=UTC)
    expected = {
        u
        for u in ("li", "zhao", "sun", "leader")
        if nov.get((date(2026, 11, 25), people[u].staff_id)) == "早班"
    }
    assert sorted(now.names) == sorted(people[u].name for u in expected)
    assert board.next is not None and board.next.shift.key == "中班"
    # The workbook: one row a person, one column a day, then the shifts' hours.
    path = roster.export("2026-11", tmp_path / "roster.xlsx", {"Name": "姓名"}, leader)
    sheet = openpyxl.load_workbook(path).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "姓名" and rows[0][1] == "1 Sun"
    by_name = {row[0]: row for row in rows[1:]}
    assert by_name["孙丽"][25] == nov[date(2026, 11, 25), sid]
    # In January nothing is approved (December is only drafted): the board says so, in amber.
    clock.advance(days=40)
    january = roster.on_board()
    assert not january.approved and january.in_use


def test_the_handover_flags_an_incoming_clerk_not_on_the_roster(
    app: KioskApp, people: dict[str, SignedIn], clock: FixedClock
) -> None:
    roster, leader, boss = app.roster, people["leader"], people["boss"]
    roster.edit("2026-11", first_week(people, date(2026, 11, 1)), leader)
    view = roster.fill("2026-11", FillFrom.FIRST_WEEK, leader)
    roster.submit("2026-11", leader)
    roster.approve("2026-11", boss)
    today = {c.staff_id: c.shift for c in view.cells if c.day == date(2026, 11, 25)}
    name_of = {p.staff_id: p.name for p in view.people}
    # 14:30: the 中班 (15:00) clerk takes over within the hour before their shift: no issue.
    clock.advance(hours=4, minutes=30)
    middle = next(s for s, shift in today.items() if shift == "中班")
    outgoing = next(u for u in ("li", "zhao", "sun") if today.get(people[u].staff_id) == "早班")
    incoming = next(u for u in ("li", "zhao", "sun") if people[u].staff_id == middle)
    not_rostered = next(u for u in ("li", "zhao", "sun") if u not in (outgoing, incoming))
    cash = [ItemCount(HandoverItemKind.CASH, 0)]
    handover = app.handover.hand_over(outgoing, PIN, "交班", cash)
    app.handover.sign(handover, incoming, PIN)
    with app.database.sessions() as session:
        assert session.scalars(select(OpenIssue.text).where(OpenIssue.handover_id == handover)).all() == []
    # Someone off today takes over the next handover: allowed, and an issue on the board.
    again = app.handover.hand_over(incoming, PIN, "交班", cash)
    app.handover.sign(again, not_rostered, PIN)
    [issue] = [i for i in app.handover.open_issues() if i.handover_id == again]
    assert issue.text.startswith("不在值班表 Not on the duty roster: " + people[not_rostered].name)
    assert name_of[middle] in issue.text
    with app.database.sessions() as session:
        signed = session.scalars(select(AuditEvent).where(AuditEvent.action == "handover.signed")).all()
    assert [json.loads(e.detail)["off_roster"] for e in signed][-2:] == [False, True]
