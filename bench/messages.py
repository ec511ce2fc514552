"""Phone messages for the board benchmark: a day's unread ones and two years passed on."""

from __future__ import annotations

from datetime import datetime, timedelta

from kiosk.app import KioskApp

# 50 unread (issue #18's figure for the board) among 20,000 passed on over two years.
UNREAD = 50
PASSED_ON = 20_000


def add_messages(app: KioskApp, now: datetime, unread: int = UNREAD, passed_on: int = PASSED_ON) -> None:
    """Bulk-insert ``passed_on`` messages stamped over two years and ``unread`` from this morning,
    for the staff directory's first hosts and for units."""
    from bench.board import _sql

    rows: list[tuple[object, ...]] = []
    for n in range(passed_on + unread):
        old = n < passed_on
        at = now - (
            timedelta(hours=2 * (passed_on - n) % 17520 + 24) if old else timedelta(minutes=n - passed_on + 1)
        )
        rows.append(
            (
                1 + n % 150 if n % 3 else None,
                "" if n % 3 else f"{2 + n % 5}-{101 + n % 30}",
                "" if n % 3 else "陈晓明",
                "passed_on" if old else "open",
                f"来电{n}",
                "13912345678",
                "请回电",
                _sql(at),
                _sql(at + timedelta(minutes=30)) if old else None,
                "staff:bench" if old else None,
                "phone" if old else None,
            )
        )
    with app.database.sessions.begin() as session:
        session.connection().exec_driver_sql(
            "INSERT INTO host_messages (host_id, recipient_unit, recipient_name, status, caller_name, "
            "phone, text, received_at, created_at, relayed_at, relayed_by, relay_method, source, "
            "company, extension, city, caller_request, recorded_by, relay_note, cancel_reason) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'phone', '', '', '', 'call_back', "
            "'staff:bench', '', '')",
            [(*r[:8], r[7], *r[8:]) for r in rows],
        )
