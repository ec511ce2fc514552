"""Repair requests for the board benchmark: open ones in every clock state (running, amber,
overdue) among two years of closed ones."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta

from kiosk.app import KioskApp
from kiosk.domain.complaints import Satisfaction
from kiosk.domain.repairs import (
    ClockState,
    RepairCategory,
    RepairClass,
    RepairOnBoard,
    RepairStatus,
    clock_state,
    deadlines,
)

# 200 open (issue #18's figure for the board) among 20,000 closed over two years.
OPEN = 200
CLOSED = 20_000

# The open ones cycle through these: (class, status, taken this long ago, arrived). With the
# default limits (2 h to arrive and 24 h to fix urgent ones, 72 h for general ones, amber at 25 %
# left) that is each clock running, amber and overdue.
_OPEN_STATES = (
    (RepairClass.URGENT, RepairStatus.TAKEN, timedelta(minutes=30), False),  # arrival running
    (RepairClass.URGENT, RepairStatus.DISPATCHED, timedelta(minutes=100), False),  # arrival amber
    (RepairClass.URGENT, RepairStatus.DISPATCHED, timedelta(hours=3), False),  # arrival overdue
    (RepairClass.URGENT, RepairStatus.ON_SITE, timedelta(hours=10), True),  # fix running
    (RepairClass.URGENT, RepairStatus.ON_SITE, timedelta(hours=20), True),  # fix amber
    (RepairClass.URGENT, RepairStatus.ON_SITE, timedelta(hours=30), True),  # fix overdue
    (RepairClass.GENERAL, RepairStatus.TAKEN, timedelta(hours=5), False),  # running
    (RepairClass.GENERAL, RepairStatus.DISPATCHED, timedelta(hours=30), False),  # running
    (RepairClass.GENERAL, RepairStatus.ON_SITE, timedelta(hours=60), True),  # amber
    (RepairClass.GENERAL, RepairStatus.DISPATCHED, timedelta(hours=80), False),  # overdue
)
_CATEGORIES = list(RepairCategory)
_COLUMNS = (
    "number, unit, location, caller_name, phone, what, category, repair_class, status, taken_by, "
    "taken_by_name, taken_at, cycle, clock_started_at, arrive_by, fix_by, dispatched_at, contractor, "
    "engineer, arrived_at, completed_at, last_completed_at, signed_off_by, signed_off_at, satisfaction, "
    "closed_at, cancel_reason, arrival_alerted_at, fix_alerted_at"
)


def add_repairs(app: KioskApp, now: datetime, open_: int = OPEN, closed: int = CLOSED) -> None:
    """Bulk-insert ``closed`` requests taken over two years and closed, then ``open_`` ones taken
    in the last days, in time order; the overdue ones already alerted, as the server's round
    leaves them."""
    from bench.board import _sql

    settings = app.config.repairs
    taken_times = [now - timedelta(hours=24 + 17520 * (closed - n) / closed) for n in range(closed)]
    opened = sorted(
        ((n, now - _OPEN_STATES[n % 10][2] - timedelta(minutes=n % 7)) for n in range(open_)),
        key=lambda pair: pair[1],
    )
    rows: list[tuple[object, ...]] = []
    for n, taken in enumerate(taken_times):
        repair_class = RepairClass.URGENT if n % 3 == 0 else RepairClass.GENERAL
        due = deadlines(repair_class, taken, settings)
        done = taken + (due.fix_by - taken) * (0.3 + (n % 9) / 10)  # one in nine late
        reached = taken + timedelta(minutes=40)
        rows.append(
            (
                *_row(len(rows), taken, repair_class, RepairStatus.CLOSED, due.arrive_by, due.fix_by),
                _sql(taken + timedelta(minutes=20)),  # dispatched
                _sql(reached),
                _sql(done),  # completed, and the last completion
                _sql(done),
                "住户",  # signed off by
                _sql(done + timedelta(hours=2)),
                Satisfaction.SATISFIED.value,
                _sql(done + timedelta(days=1)),  # closed: called back
                None,  # the arrival clock was kept; the late ones' fix clock alerted
                _sql(due.fix_by) if done > due.fix_by else None,
            )
        )
    for n, taken in opened:
        repair_class, status, _ago, arrived = _OPEN_STATES[n % 10]
        due = deadlines(repair_class, taken, settings)
        arrived_at = taken + timedelta(minutes=50) if arrived else None
        # The server's round alerted each clock that ran out (once).
        arrival_late = due.arrive_by is not None and arrived_at is None and due.arrive_by <= now
        rows.append(
            (
                *_row(len(rows), taken, repair_class, status, due.arrive_by, due.fix_by),
                None if status is RepairStatus.TAKEN else _sql(taken + timedelta(minutes=10)),
                _sql(arrived_at) if arrived_at else None,
                None,  # not completed, never was
                None,
                "",
                None,
                None,
                None,
                _sql(now) if arrival_late else None,
                _sql(now) if due.fix_by <= now else None,
            )
        )
    with app.database.sessions.begin() as session:
        session.connection().exec_driver_sql(
            f"INSERT INTO repair_requests ({_COLUMNS}) VALUES "
            f"(?, ?, '', '住户', '13912345678', '报修', ?, ?, ?, 'staff:bench', '前台', ?, 1, ?, ?, ?, ?, '', "
            f"'', ?, ?, ?, ?, ?, ?, ?, '', ?, ?)",
            [(*r[:6], r[5], *r[6:]) for r in rows],
        )


def _row(
    n: int,
    taken: datetime,
    repair_class: RepairClass,
    status: RepairStatus,
    arrive_by: datetime | None,
    fix_by: datetime,
) -> tuple[object, ...]:
    """The columns every request has: number, unit, category, class, status, taken and clock
    start (one value, repeated by the insert), arrive_by, fix_by."""
    from bench.board import _sql

    unit = f"{1 + n % 6}-{1 + n % 30:02d}{1 + n % 4}"
    return (
        f"BX{n + 1:06d}",
        unit,
        _CATEGORIES[n % len(_CATEGORIES)].value,
        repair_class.value,
        status.value,
        _sql(taken),
        _sql(arrive_by) if arrive_by else None,
        _sql(fix_by),
    )


def clock_states(repairs: list[RepairOnBoard], now: datetime) -> Counter[ClockState]:
    """How many requests on the board are in each clock state (as the board colours them)."""
    return Counter(clock_state(r.due_at, r.amber_from, now) for r in repairs)
