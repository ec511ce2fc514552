"""The newspapers register (报刊) on both databases: orders and the days they come, a day's bundles
counted against them, a shortfall opened by a short count and changed by a recount, a title
reported late, raised with the post office and resolved; the escalation round (once, by mail
too); the searches; the month's workbook read back with openpyxl."""

from __future__ import annotations

from datetime import date
from email.message import EmailMessage
from pathlib import Path

import openpyxl
import pytest

from kiosk.app import KioskApp
from kiosk.domain.errors import ValidationError
from kiosk.domain.monthly_figures import Month
from kiosk.domain.newspapers import ContactMethod, Frequency, ShortfallStatus, ShortfallStepKind
from kiosk.domain.staff import Role
from kiosk.services.audit import Actor
from kiosk.services.newspapers import ShortfallEscalated, SubscriptionDraft
from kiosk.services.staff import SignedIn
from kiosk.services.supervisor_alerts import MailSupervisorAlerter
from tests.conftest import FixedClock

PIN = "135790"
ROUND = Actor("server", "housekeeping")
TODAY = date(2026, 11, 25)  # a Wednesday
WEEKDAYS = 0b0011111  # Monday to Friday
SUNDAY = 0b1000000


@pytest.fixture
def people(app: KioskApp) -> dict[str, SignedIn]:
    admin = Actor("staff", "admin")
    app.staff.add("clerk", "Clerk", Role.RECEPTIONIST, PIN, admin)
    app.staff.add("guard", "Guard", Role.GUARD, PIN, admin)
    return {u: app.staff.sign_in(u, PIN) for u in ("clerk", "guard")}


def order(unit: str, title: str, copies: int = 1, **more: object) -> SubscriptionDraft:
    fields: dict[str, object] = {
        "frequency": Frequency.DAILY,
        "weekdays": WEEKDAYS,
        "starts_on": date(2026, 1, 1),
        "ends_on": date(2026, 12, 31),
        **more,
    }
    return SubscriptionDraft(unit, title, copies=copies, **fields)  # type: ignore[arg-type]


def test_a_days_bundles_are_the_orders_that_come_that_day(app: KioskApp, people: dict[str, SignedIn]) -> None:
    clerk = people["clerk"]
    papers = app.newspapers
    papers.subscribe(order("2-104", "人民日报", 2), clerk)
    papers.subscribe(order("３－２０１", "人民 日报"), clerk)  # the same bundle, typed otherwise
    papers.subscribe(
        order("3-201", "读者", frequency=Frequency.MONTHLY, weekdays=0, month_days="1、31"), clerk
    )
    papers.subscribe(order("5-1203", "南方周末", frequency=Frequency.WEEKLY, weekdays=1 << 3), clerk)
    papers.subscribe(order("2-104", "China Daily", ends_on=date(2026, 11, 24)), clerk)  # ended yesterday
    today = papers.day(TODAY)
    assert [(t.title, t.expected, [(u.unit, u.copies) for u in t.units]) for t in today.titles] == [
        ("人民日报", 3, [("2-104", 2), ("3-201", 1)])
    ]
    assert not today.titles[0].received and today.titles[0].missing == 3
    # Thursday the weekly comes too; the monthly's 31st comes on November's last day.
    assert [t.title for t in papers.day(date(2026, 11, 26)).titles] == ["人民日报", "南方周末"]
    assert [t.title for t in papers.day(date(2026, 11, 30)).titles] == ["人民日报", "读者"]
    assert [t.title for t in papers.day(date(2026, 11, 29)).titles] == []  # a Sunday
    # The search: by unit, by part of a title; the ended order only among all.
    assert [s.title for s in papers.subscriptions("2-104")] == ["人民日报"]
    assert [s.title for s in papers.subscriptions("2-104", "all")] == ["China Daily", "人民日报"]
    assert [s.unit for s in papers.subscriptions("日报")] == ["2-104", "3-201"]


@pytest.mark.parametrize(
    ("changes", "field", "code"),
    [
        ({"copies": 0}, "copies", "range"),
        ({"weekdays": 0}, "weekdays", "required"),
        ({"frequency": Frequency.MONTHLY, "month_days": ""}, "month_days", "required"),
        ({"frequency": Frequency.MONTHLY, "month_days": "32"}, "month_days", "format"),
        ({"ends_on": date(2025, 12, 31)}, "ends_on", "before_start"),
    ],
)
def test_an_order_is_refused_with_what_to_fix(
    app: KioskApp, people: dict[str, SignedIn], changes: dict[str, object], field: str, code: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        app.newspapers.subscribe(order("2-104", "人民日报", **changes), people["clerk"])
    assert (refused.value.field, refused.value.code) == (field, code)


def test_a_short_count_opens_a_shortfall_and_a_recount_changes_it(
    app: KioskApp, people: dict[str, SignedIn]
) -> None:
    clerk = people["clerk"]
    papers = app.newspapers
    papers.subscribe(order("2-104", "人民日报", 5), clerk)
    papers.subscribe(order("3-201", "参考消息", 2), clerk)
    counted = papers.count(TODAY, "人民日报", 3, clerk, note="少两份")
    bundle = next(t for t in counted.titles if t.title == "人民日报")
    assert (bundle.title, bundle.received, bundle.missing, bundle.shortfall_number) == (
        "人民日报",
        3,
        2,
        "BK000001",
    )
    assert bundle.shortfall_open
    # A complete count opens nothing.
    assert all(
        t.shortfall_id is None
        for t in papers.count(TODAY, "参考消息", 2, clerk).titles
        if t.title == "参考消息"
    )
    # Recounted, one more found: the same shortfall, one copy now.
    papers.count(TODAY, "人民日报", 4, clerk)
    [row] = papers.shortfalls()
    assert (row.number, row.copies_missing, row.received) == ("BK000001", 1, 4)
    # Recounted complete before anyone was spoken to: a miscount, resolved by itself.
    papers.count(TODAY, "人民日报", 5, clerk)
    view = papers.shortfall(row.shortfall_id)
    assert view.status is ShortfallStatus.RESOLVED and "recounted" in view.resolution
    assert [s.kind for s in view.steps] == [
        ShortfallStepKind.NOTICED,
        ShortfallStepKind.COUNTED,
        ShortfallStepKind.COUNTED,
        ShortfallStepKind.RESOLVED,
    ]
    assert papers.shortfalls() == []
    with pytest.raises(ValidationError) as refused:
        papers.count(TODAY, "新京报", 1, clerk)
    assert (refused.value.field, refused.value.code) == ("title", "not_expected")
    with pytest.raises(ValidationError) as refused:
        papers.count(date(2026, 11, 26), "人民日报", 5, clerk)
    assert (refused.value.field, refused.value.code) == ("day", "future")
    with pytest.raises(ValidationError) as refused:
        papers.count(TODAY, "人民日报", 1, people["guard"])
    assert refused.value.code == "not_allowed"


def test_a_late_title_is_raised_with_the_post_office_escalated_once_and_resolved(
    app: KioskApp, people: dict[str, SignedIn], clock: FixedClock
) -> None:
    clerk = people["clerk"]
    papers = app.newspapers
    alerts: list[ShortfallEscalated] = []
    mails: list[EmailMessage] = []
    papers.alerters.extend(
        [alerts.append, MailSupervisorAlerter(mails.append, "示例大厦", "kiosk@x", "lead@x")]
    )
    papers.subscribe(order("2-104", "人民日报", 3, supplier="邮政投递站"), clerk)
    board = papers.on_board()
    assert [(t.title, t.expected) for t in board.uncounted] == [("人民日报", 3)]
    assert board.late_after < clock.now()  # 09:30 has passed: the board shows it late
    late = papers.report_late(TODAY, "人民日报", clerk)
    assert (late.number, late.received, late.copies_missing, late.late) == ("BK000001", None, 3, True)
    with pytest.raises(ValidationError) as refused:
        papers.report_late(TODAY, "人民日报", clerk)
    assert (refused.value.code, refused.value.params) == ("already_open", {"number": "BK000001"})
    papers.record_contact(late.shortfall_id, clerk, "投递员 小李", ContactMethod.PHONE, "答应十一点前补送")
    # It came at last, one copy short: the same shortfall, still open (it was late).
    clock.advance(hours=2)
    papers.count(TODAY, "人民日报", 2, clerk, arrived_late=True)
    [shown] = papers.on_board().shortfalls
    assert (shown.number, shown.copies_missing, shown.received, shown.contacted) == (
        "BK000001",
        1,
        True,
        True,
    )
    assert papers.escalate_overdue(ROUND) == []
    clock.advance(hours=22)  # 24 hours after it was noticed
    [alert] = papers.escalate_overdue(ROUND)
    assert (alert.number, alert.contacts, alert.copies_missing) == ("BK000001", 1, 1)
    assert papers.escalate_overdue(ROUND) == []  # once
    assert alerts == [alert] and "BK000001" in str(mails[0]["Subject"])
    assert "邮政投递站" in mails[0].get_content()
    assert papers.on_board().shortfalls[0].escalated
    done = papers.resolve(late.shortfall_id, clerk, "邮局补送一份", 1)
    assert (done.status, done.copies_made_good, done.resolved_by_name) == (
        ShortfallStatus.RESOLVED,
        1,
        "Clerk",
    )
    assert [s.kind for s in done.steps] == [
        ShortfallStepKind.NOTICED,
        ShortfallStepKind.CONTACTED,
        ShortfallStepKind.COUNTED,
        ShortfallStepKind.ESCALATED,
        ShortfallStepKind.RESOLVED,
    ]
    contact = done.steps[1]
    assert (contact.contact_name, contact.method, contact.actor_name) == (
        "投递员 小李",
        ContactMethod.PHONE,
        "Clerk",
    )
    with pytest.raises(ValidationError) as refused:
        papers.resolve(late.shortfall_id, clerk, "again")
    assert refused.value.code == "resolved"
    # The search: by number, by day, by part of a title.
    for search in ("bk000001", "2026-11-25", "11月25日", "日报"):
        assert [r.number for r in papers.shortfalls("all", search)] == ["BK000001"], search
    assert papers.shortfalls("all", "11-24") == []


def test_a_stopped_order_keeps_its_reason_and_no_longer_comes(
    app: KioskApp, people: dict[str, SignedIn]
) -> None:
    clerk = people["clerk"]
    papers = app.newspapers
    row = papers.subscribe(order("2-104", "人民日报"), clerk)
    stopped = papers.stop(row.subscription_id, clerk, "业户迁出")
    assert (stopped.stopped_on, stopped.stop_reason) == (TODAY, "业户迁出")
    assert [t.title for t in papers.day(TODAY).titles] == ["人民日报"]  # today was its last day
    assert papers.day(date(2026, 11, 26)).titles == []
    assert [s.stopped_on for s in papers.subscriptions()] == [TODAY]  # current until tonight
    with pytest.raises(ValidationError) as refused:
        papers.stop(row.subscription_id, clerk, "again")
    assert refused.value.code == "stopped"


def test_the_months_workbook_has_the_bundles_shortfalls_and_orders(
    app: KioskApp, people: dict[str, SignedIn], tmp_path: Path
) -> None:
    clerk = people["clerk"]
    papers = app.newspapers
    papers.subscribe(order("2-104", "人民日报", 2), clerk)
    papers.count(date(2026, 11, 24), "人民日报", 1, clerk)
    papers.count(TODAY, "人民日报", 2, clerk)
    path = papers.export(
        Month(2026, 11), tmp_path / "n.xlsx", {"Deliveries": "到件登记", "Title": "报刊名称"}
    )
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["到件登记", "Shortfalls", "Subscriptions"]
    rows = list(book["到件登记"].iter_rows(values_only=True))
    assert rows[0][:5] == ("Day", "报刊名称", "Expected", "Received", "Missing")
    # Weekdays of November up to today: 18 of them, two counted.
    assert len(rows) - 1 == 18
    counted = {r[0].date(): (r[2], r[3], r[4], r[8]) for r in rows[1:] if r[3] is not None}
    assert counted == {date(2026, 11, 24): (2, 1, 1, "BK000001"), TODAY: (2, 2, 0, None)}
    [shortfall] = list(book["Shortfalls"].iter_rows(values_only=True))[1:]
    assert shortfall[:3] == ("BK000001", shortfall[1], "人民日报") and shortfall[6] == 1
    assert [r[:2] for r in list(book["Subscriptions"].iter_rows(values_only=True))[1:]] == [
        ("2-104", "人民日报")
    ]
