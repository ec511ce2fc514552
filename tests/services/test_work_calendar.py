"""The pass reconciliation on China's official calendar: due on the working day after National
Day (covering the holiday) and on a make-up Saturday, a missed day signed late with its reason,
the supervisor alerted once when a sheet is unsigned at 10:00, and the site's overrides."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from kiosk.app import KioskApp
from kiosk.devices.escpos.codec import parse_escpos
from kiosk.devices.fakes import FakePrinter
from kiosk.domain.errors import ValidationError
from kiosk.domain.machine_room_pass import DiscrepancyKind, MissedSheet, ReconciliationDue
from kiosk.domain.work_calendar import DayKind
from kiosk.services.machine_room_passes import UnsignedSheetAlert
from kiosk.services.staff import SignedIn
from kiosk.storage.models import AuditEvent, PassReconciliationRecord
from tests.conftest import FixedClock
from tests.services.test_machine_room_passes import DESK, PIN, audit_actions, people, sign_out

__all__ = ["people"]  # the fixture, shared
SHANGHAI = ZoneInfo("Asia/Shanghai")


def at(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    """Shanghai time in 2026."""
    return datetime(2026, month, day, hour, minute, tzinfo=SHANGHAI).astimezone(UTC)


def test_the_working_day_after_national_day_owes_the_whole_holiday_at_0900(
    app: KioskApp, clock: FixedClock, people: dict[str, SignedIn]
) -> None:
    service = app.machine_room_passes
    service.add_passes(["P001", "P002", "P003"], DESK)
    clock._now = at(9, 30, 15)  # Wednesday, the last working day before National Day
    sign_out(app, "P001")
    clock._now = at(10, 3, 11)  # the machine room is open on the holiday
    sign_out(app, "P002")
    service.return_passes(["P001"], DESK)
    for day in range(1, 8):
        clock._now = at(10, day, 9, 30)
        assert service.due_state() is ReconciliationDue.NOT_TODAY, day
        with pytest.raises(ValidationError) as holiday:
            service.sign_as_desk(people["clerk"])
        assert holiday.value.code == "not_a_working_day"
    clock._now = at(10, 8, 8, 59)  # Thursday: the first working day
    assert service.due_state() is ReconciliationDue.UPCOMING
    clock._now = at(10, 8, 9, 0)
    assert service.due_state() is ReconciliationDue.DUE
    sheet = service.reconciliation().sheet
    assert (sheet.period_start, sheet.period_end) == (date(2026, 9, 30), date(2026, 10, 7))
    assert (sheet.issued, sheet.returned) == (("P001", "P002"), ("P001",))
    service.sign_as_desk(people["clerk"])
    done = service.sign_as_guard("guard", PIN, 2, people["clerk"])
    assert done.complete and [d.pass_number for d in done.discrepancies] == ["P002"]


def test_a_make_up_saturday_is_due_like_a_weekday_and_monday_covers_it(
    app: KioskApp, clock: FixedClock, people: dict[str, SignedIn]
) -> None:
    service = app.machine_room_passes
    service.add_passes(["P001", "P002"], DESK)
    clock._now = at(10, 9, 14)  # Friday
    sign_out(app, "P001")
    clock._now = at(10, 10, 8, 30)  # Saturday 10 October, 调休上班
    assert service.is_working_day(date(2026, 10, 10))
    assert service.due_state() is ReconciliationDue.UPCOMING
    clock._now = at(10, 10, 9, 1)
    assert service.due_state() is ReconciliationDue.DUE
    assert service.reconciliation().sheet.period_start == date(2026, 10, 9)
    service.sign_as_desk(people["clerk"])
    assert service.sign_as_guard("guard", PIN, 1, people["clerk"]).complete
    sign_out(app, "P002")  # on the Saturday itself
    clock._now = at(10, 11, 10)  # Sunday: an ordinary weekend
    assert service.due_state() is ReconciliationDue.NOT_TODAY
    clock._now = at(10, 12, 9, 30)
    preview = service.reconciliation()
    assert (preview.sheet.period_start, preview.sheet.period_end) == (date(2026, 10, 10), date(2026, 10, 11))
    assert preview.sheet.issued == ("P002",)


def test_a_missed_day_is_listed_and_signed_late_with_its_reason(
    app: KioskApp, clock: FixedClock, people: dict[str, SignedIn], printer: FakePrinter
) -> None:
    service = app.machine_room_passes
    service.add_passes(["P001", "P002"], DESK)
    clock._now = at(11, 30, 14)  # Monday
    sign_out(app, "P001", "P002")
    service.return_passes(["P001"], DESK)
    clock._now = at(12, 1, 11)  # Tuesday: nobody reconciles; P002 comes back after 09:00
    service.return_passes(["P002"], DESK)
    clock._now = at(12, 2, 9, 30)  # Wednesday
    assert service.missed() == [MissedSheet(date(2026, 12, 1), date(2026, 11, 30), date(2026, 11, 30))]
    # The sheet of the missed day is as its 09:00 check would have been: P002 was still out.
    preview = service.reconciliation(date(2026, 12, 1))
    assert [(d.kind, d.pass_number) for d in preview.discrepancies] == [
        (DiscrepancyKind.NOT_RETURNED, "P002")
    ]
    with pytest.raises(ValidationError) as no_reason:
        service.sign_as_desk(people["clerk"], due_on=date(2026, 12, 1), late_reason="  ")
    assert (no_reason.value.field, no_reason.value.code) == ("late_reason", "required")
    with pytest.raises(ValidationError) as future:
        service.sign_as_desk(people["clerk"], due_on=date(2026, 12, 3), late_reason="提前")
    assert future.value.code == "not_yet"
    with pytest.raises(ValidationError) as weekend:
        service.sign_as_desk(people["clerk"], due_on=date(2026, 11, 29), late_reason="周日")
    assert weekend.value.code == "not_a_working_day"

    signed = service.sign_as_desk(
        people["clerk"], due_on=date(2026, 12, 1), late_reason="值班前台病假，次日补签"
    )
    assert signed.sheet.desk_late_reason == "值班前台病假，次日补签"
    assert service.missed() == [
        MissedSheet(date(2026, 12, 1), date(2026, 11, 30), date(2026, 11, 30), desk_signed=True)
    ]
    done = service.sign_as_guard(
        "guard", PIN, 2, people["clerk"], due_on=date(2026, 12, 1), late_reason="保安轮休，补签"
    )
    assert done.complete and done.sheet.guard_late_reason == "保安轮休，补签"
    assert [d.pass_number for d in done.discrepancies] == ["P002"]
    assert service.missed() == []
    text = "\n".join(parse_escpos(printer.documents[-1]).text_lines())
    assert "补签原因：值班前台病假，次日补签" in text and "补签原因：保安轮休，补签" in text
    # Audited as late, without the reason's words (they may name someone).
    with app.database.sessions() as session:
        details = [
            e.detail
            for e in session.scalars(
                select(AuditEvent).where(AuditEvent.action.like("pass_reconciliation.%_signed"))
            )
        ]
    assert len(details) == 2 and all('"late": true' in d for d in details)
    assert not any("病假" in d for d in details)
    # Today's own sheet is not a missed one, and a day with no passes owed nothing.
    assert service.due_state() is ReconciliationDue.NOTHING


def test_the_supervisor_is_alerted_once_when_a_sheet_is_unsigned_at_10(
    app: KioskApp, clock: FixedClock, people: dict[str, SignedIn]
) -> None:
    service = app.machine_room_passes
    alerts: list[object] = []
    service.alerters.append(alerts.append)
    service.add_passes(["P001"], DESK)
    clock._now = at(10, 9, 15)
    sign_out(app, "P001")
    clock._now = at(10, 10, 9, 59)  # the make-up Saturday's sheet
    assert service.alert_unsigned(DESK) == []
    service.sign_as_desk(people["clerk"])
    clock._now = at(10, 10, 10, 0)
    assert service.alert_unsigned(DESK) == [date(2026, 10, 10)]
    clock._now = at(10, 10, 10, 5)
    assert service.alert_unsigned(DESK) == []  # once
    # Besides the discrepancy alert the desk's signature sent (P001 is still out):
    [alert] = [a for a in alerts if isinstance(a, UnsignedSheetAlert)]
    assert (alert.desk_signed, alert.guard_signed) == (True, False)
    assert "未签字" in alert.subject() and "机房值班保安" in "\n".join(alert.lines())
    assert "the duty guard still to sign" in alert.lines()[1]
    assert "pass_reconciliation.unsigned_alerted" in audit_actions(app)
    # A holiday, a quiet day and a completed sheet alert nobody.
    clock._now = at(10, 11, 11)
    assert service.alert_unsigned(DESK) == []
    clock._now = at(10, 12, 11)
    service.sign_as_guard("guard", PIN, 0, people["clerk"], due_on=date(2026, 10, 10), late_reason="补")
    assert service.alert_unsigned(DESK) == []  # Monday: nothing went out over the weekend
    assert len([a for a in alerts if isinstance(a, UnsignedSheetAlert)]) == 1


def test_the_alert_hour_is_configurable_and_can_be_off(
    app: KioskApp, clock: FixedClock, people: dict[str, SignedIn]
) -> None:
    service = app.machine_room_passes
    service.add_passes(["P001"], DESK)
    clock._now = at(12, 1, 15)
    sign_out(app, "P001")
    clock._now = at(12, 2, 10, 30)
    service.alert_at = time(11, 0)
    assert service.alert_unsigned(DESK) == []
    service.alert_at = None
    clock._now = at(12, 2, 12)
    assert service.alert_unsigned(DESK) == []
    service.alert_at = time(11, 0)
    assert service.alert_unsigned(DESK) == [date(2026, 12, 2)]


def test_a_supervisor_sets_the_sites_own_days_and_settled_days_stay(
    app: KioskApp, clock: FixedClock, people: dict[str, SignedIn]
) -> None:
    service = app.machine_room_passes
    calendar = service.calendar
    clock._now = at(12, 7, 9, 30)  # Monday
    with pytest.raises(ValidationError) as clerk:
        calendar.add_override(date(2026, 12, 24), DayKind.HOLIDAY, "圣诞节停业", people["clerk"])
    assert clerk.value.code == "not_allowed"
    with pytest.raises(ValidationError) as no_note:
        calendar.add_override(date(2026, 12, 24), DayKind.HOLIDAY, " ", people["boss"])
    assert no_note.value.code == "required"
    closure = calendar.add_override(date(2026, 12, 24), DayKind.HOLIDAY, "大厦停电检修", people["boss"])
    assert not service.is_working_day(date(2026, 12, 24))
    clock._now = at(12, 25, 9, 30)
    assert service.reconciliation().sheet.period_start == date(2026, 12, 23)
    with pytest.raises(ValidationError) as twice:
        calendar.add_override(date(2026, 12, 24), DayKind.WORKDAY, "改为上班", people["boss"])
    assert twice.value.code == "has_override"
    # A year the official calendar does not know yet: the notice's days entered by hand.
    calendar.add_override(date(2027, 1, 9), DayKind.WORKDAY, "2027年元旦调休上班", people["boss"])
    assert service.is_working_day(date(2027, 1, 9))
    year = calendar.year(2027)
    assert (
        not year.known and year.official == () and [o.note for o in year.overrides] == ["2027年元旦调休上班"]
    )
    official = calendar.year(2026)
    assert official.known and len(official.official) == 25  # 6 make-up days, 19 weekdays off
    with pytest.raises(ValidationError) as far:
        calendar.add_override(date(2030, 1, 1), DayKind.HOLIDAY, "太远", people["boss"])
    assert far.value.code == "out_of_range"

    with pytest.raises(ValidationError) as no_reason:
        calendar.cancel_override(closure.override_id, "", people["boss"])
    assert no_reason.value.code == "required"
    calendar.cancel_override(closure.override_id, "检修改期", people["boss"])
    assert service.is_working_day(date(2026, 12, 24))
    [cancelled] = [o for o in calendar.year(2026).overrides if o.override_id == closure.override_id]
    assert (cancelled.cancel_reason, cancelled.cancelled_by) == ("检修改期", "staff:boss")
    with pytest.raises(ValidationError) as again:
        calendar.cancel_override(closure.override_id, "再撤", people["boss"])
    assert again.value.code == "already_cancelled"

    # Once a sheet is signed, the days it rests on are settled.
    with app.database.sessions.begin() as session:
        session.add(
            PassReconciliationRecord(
                due_on=date(2026, 12, 25),
                period_start=date(2026, 12, 24),
                period_end=date(2026, 12, 24),
                issued="[]",
                returned="[]",
                frozen_at=clock.now(),
            )
        )
    with pytest.raises(ValidationError) as settled:
        calendar.add_override(date(2026, 12, 21), DayKind.HOLIDAY, "补记停电", people["boss"])
    assert (settled.value.code, settled.value.params) == ("settled", {"day": "2026-12-25"})
    actions = audit_actions(app)
    assert actions.count("work_calendar.override_added") == 2
    assert "work_calendar.override_cancelled" in actions
