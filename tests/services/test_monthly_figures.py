"""The manager's monthly figures: exact counts of a hand-made month on the site's clock, the
month's edges at midnight in the site's zone (and in zones with summer time or a quarter-hour
offset), and the workbook of them."""

from __future__ import annotations

import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import func, insert, select

from kiosk.app import KioskApp
from kiosk.domain.complaints import ComplaintKind, ComplaintSource, ComplaintStatus, ComplaintSubject
from kiosk.domain.documents import PartyKind, PaymentMethod, ReceiptPurpose
from kiosk.domain.errors import ValidationError
from kiosk.domain.monthly_figures import Month, parse_month
from kiosk.domain.release_slip import SlipStatus
from kiosk.domain.repairs import RepairCategory, RepairClass, RepairStatus
from kiosk.domain.visit import VisitStatus
from kiosk.services.monthly_figures import MonthlyFiguresService
from kiosk.storage.models import Complaint, Host, Payment, ReleaseSlipRecord, RepairRequest, Visit

NOVEMBER = Month(2026, 11)
SHANGHAI = ZoneInfo("Asia/Shanghai")


def local(zone: ZoneInfo, *when: int) -> datetime:
    """A time on a site's clock, as UTC."""
    return datetime(*when, tzinfo=zone).astimezone(UTC)  # type: ignore[misc]


def add_visits(app: KioskApp, *arrivals: tuple[datetime, int]) -> None:
    with app.database.sessions.begin() as session:
        host_id = session.scalar(select(Host.id).order_by(Host.id))
        session.execute(
            insert(Visit),
            [
                {
                    "visitor_name": "王伟",
                    "host_id": host_id,
                    "status": VisitStatus.CHECKED_OUT,
                    "language": "zh_CN",
                    "station": "t",
                    "requested_at": arrived,
                    "party_size": party,
                }
                for arrived, party in arrivals
            ],
        )


def add_slips(app: KioskApp, *issued: datetime) -> None:
    with app.database.sessions.begin() as session:
        session.execute(
            insert(ReleaseSlipRecord),
            [
                {
                    "slip_number": f"S{n:06d}",
                    "party_kind": PartyKind.OWNER,
                    "unit": "1-101",
                    "holder_name": "赵伟",
                    "id_type": "resident_id",
                    "id_last_four": "002X",
                    "items": "[]",
                    "signed_name": "赵伟",
                    "issued_by": "staff:lina",
                    "issued_by_name": "李娜",
                    "issued_at": at,
                    "status": SlipStatus.ISSUED,
                }
                for n, at in enumerate(issued, start=1)
            ],
        )


def add_payment(
    app: KioskApp, number: int, taken_at: datetime, fen: int, refund_of: int | None = None
) -> None:
    with app.database.sessions.begin() as session:
        session.execute(
            insert(Payment).values(
                id=number,
                receipt_number=f"R{number:06d}",
                purpose=ReceiptPurpose.CARD_DEPOSIT,
                method=PaymentMethod.CASH,
                amount_fen=fen,
                payer="张三",
                refund_of_id=refund_of,
                taken_by="staff:lina",
                clerk_name="李娜",
                taken_at=taken_at,
            )
        )


def test_a_hand_made_month_counts_exactly_on_the_sites_clock(app: KioskApp) -> None:
    add_visits(
        app,
        (local(SHANGHAI, 2026, 10, 31, 23, 59, 59), 1),  # October: not counted
        (local(SHANGHAI, 2026, 11, 1, 0, 0), 2),  # the first moment of November (16:00 UTC the day before)
        (local(SHANGHAI, 2026, 11, 15, 9, 10), 3),
        (local(SHANGHAI, 2026, 11, 15, 9, 50), 1),
        (local(SHANGHAI, 2026, 11, 15, 10, 5), 1),
        (local(SHANGHAI, 2026, 11, 30, 23, 59, 59), 1),  # the last moment of November
        (local(SHANGHAI, 2026, 12, 1, 0, 0), 1),  # December: not counted
    )
    add_slips(
        app,
        local(SHANGHAI, 2026, 10, 31, 23, 30),
        local(SHANGHAI, 2026, 11, 1, 0, 30),
        local(SHANGHAI, 2026, 11, 30, 23, 45),
        local(SHANGHAI, 2026, 11, 30, 8, 0),
    )
    add_payment(app, 1, local(SHANGHAI, 2026, 11, 2, 9, 0), 10000)  # a deposit, 100 yuan
    add_payment(app, 2, local(SHANGHAI, 2026, 11, 2, 23, 59), 5550)  # a fee, 55.50 yuan
    add_payment(app, 3, local(SHANGHAI, 2026, 11, 3, 0, 1), 10000, refund_of=1)  # the deposit back
    add_payment(app, 4, local(SHANGHAI, 2026, 12, 1, 0, 0), 777)  # December

    figures = app.monthly_figures.figures(NOVEMBER)

    assert figures.month == NOVEMBER and len(figures.visits_per_day) == 30
    assert figures.visits == 5
    assert {day + 1: n for day, n in enumerate(figures.visits_per_day) if n} == {1: 1, 15: 3, 30: 1}
    assert figures.people_per_day[0] == 2 and figures.people_per_day[14] == 5
    assert {hour: n for hour, n in enumerate(figures.visits_per_hour) if n} == {0: 1, 9: 2, 10: 1, 23: 1}
    assert {day + 1: n for day, n in enumerate(figures.slips_per_day) if n} == {1: 1, 30: 2}
    assert figures.receipts_per_day[1] == 2 and figures.receipts_fen_per_day[1] == 15550
    assert figures.refunds_per_day[2] == 1 and figures.refunds_fen_per_day[2] == 10000
    assert sum(figures.receipts_per_day) == 2 and sum(figures.refunds_per_day) == 1


def add_repair(
    app: KioskApp,
    category: RepairCategory,
    taken_at: datetime,
    *,
    fix_hours: int = 72,
    arrive_hours: int | None = None,
    arrived_after: float | None = None,
    completed_after: float | None = None,
    status: RepairStatus = RepairStatus.DISPATCHED,
) -> None:
    """A repair taken at ``taken_at``; arrival and completion ``*_after`` hours after it."""

    def later(hours: float | None) -> datetime | None:
        return None if hours is None else taken_at + timedelta(hours=hours)

    with app.database.sessions.begin() as session:
        number = (session.scalar(select(func.count()).select_from(RepairRequest)) or 0) + 1
        session.execute(
            insert(RepairRequest).values(
                number=f"BX{number:06d}",
                unit="1-101",
                caller_name="赵伟",
                phone="13912345678",
                what="漏水",
                category=category,
                repair_class=RepairClass.GENERAL if arrive_hours is None else RepairClass.URGENT,
                status=RepairStatus.COMPLETED if completed_after is not None else status,
                taken_by="staff:lina",
                taken_by_name="李娜",
                taken_at=taken_at,
                clock_started_at=taken_at,
                arrive_by=later(arrive_hours),
                fix_by=taken_at + timedelta(hours=fix_hours),
                arrived_at=later(arrived_after),
                completed_at=later(completed_after),
            )
        )


def test_repairs_by_category_and_the_share_within_their_limits(app: KioskApp) -> None:
    # The tests' clock stands at 25 November, 10:00 in Shanghai.
    november = local(SHANGHAI, 2026, 11, 20, 9, 0)  # a general repair's 72 hours end on the 23rd
    water, lift = RepairCategory.WATER, RepairCategory.LIFT
    add_repair(app, water, november, completed_after=70)  # within
    add_repair(app, water, november, completed_after=73)  # completed late
    add_repair(app, water, november)  # open past its clock: late already
    add_repair(app, water, local(SHANGHAI, 2026, 11, 24, 9, 0))  # open, not due yet: not judged
    add_repair(
        app, lift, november, fix_hours=24, arrive_hours=2, arrived_after=3, completed_after=5
    )  # late on site
    add_repair(
        app, lift, november, fix_hours=24, arrive_hours=2, arrived_after=1, completed_after=5
    )  # within
    add_repair(app, RepairCategory.ELECTRICITY, november, status=RepairStatus.CANCELLED)  # neither
    add_repair(app, water, local(SHANGHAI, 2026, 10, 31, 23, 0))  # October

    figures = app.monthly_figures.figures(NOVEMBER)

    by_category = {r.category: (r.taken, r.completed, r.within_limit, r.late) for r in figures.repairs}
    assert list(by_category) == [c.value for c in RepairCategory]  # every category, in order
    assert by_category["water"] == (4, 2, 1, 2)
    assert by_category["lift"] == (2, 2, 1, 1)
    assert by_category["electricity"] == (1, 0, 0, 0) and by_category["other"] == (0, 0, 0, 0)
    assert figures.repairs_share_within == pytest.approx(2 / 5)
    shares = {r.category: r.share_within for r in figures.repairs}
    assert shares["water"] == pytest.approx(1 / 3) and shares["lift"] == 0.5 and shares["electricity"] is None


def add_complaint(
    app: KioskApp,
    subject: ComplaintSubject,
    recorded_at: datetime,
    closed_after_hours: float | None = None,
    *,
    kind: ComplaintKind = ComplaintKind.COMPLAINT,
    serious: bool = False,
) -> None:
    closed_at = None if closed_after_hours is None else recorded_at + timedelta(hours=closed_after_hours)
    with app.database.sessions.begin() as session:
        number = (session.scalar(select(func.count()).select_from(Complaint)) or 0) + 1
        session.execute(
            insert(Complaint).values(
                number=f"TS{number:06d}",
                kind=kind,
                source=ComplaintSource.PHONE,
                subject=subject,
                text="楼道未清洁",
                responsible="环境管理部",
                due_on=recorded_at.date() + timedelta(days=3),
                serious=serious,
                status=ComplaintStatus.OPEN if closed_at is None else ComplaintStatus.CLOSED,
                recorded_by="staff:lina",
                recorded_by_name="李娜",
                recorded_at=recorded_at,
                closed_at=closed_at,
            )
        )


def test_complaints_by_subject_and_their_time_to_close(app: KioskApp) -> None:
    cleaning = ComplaintSubject.CLEANING
    add_complaint(app, cleaning, local(SHANGHAI, 2026, 11, 3, 10, 0), 30)
    add_complaint(app, cleaning, local(SHANGHAI, 2026, 11, 5, 10, 0), 6, serious=True)
    add_complaint(app, cleaning, local(SHANGHAI, 2026, 11, 6, 10, 0))  # still open
    add_complaint(app, cleaning, local(SHANGHAI, 2026, 11, 6, 11, 0), 1, kind=ComplaintKind.SUGGESTION)
    add_complaint(app, ComplaintSubject.NOISE, local(SHANGHAI, 2026, 10, 31, 23, 0), 2)  # October

    figures = app.monthly_figures.figures(NOVEMBER)

    by_subject = {c.subject: c for c in figures.complaints}
    assert list(by_subject) == [s.value for s in ComplaintSubject]
    assert (
        by_subject["cleaning"].recorded,
        by_subject["cleaning"].serious,
        by_subject["cleaning"].closed,
    ) == (
        3,
        1,
        2,
    )
    assert by_subject["cleaning"].hours_to_close == pytest.approx(18)
    assert by_subject["noise"].recorded == 0 and by_subject["noise"].hours_to_close is None


def test_an_empty_month_is_all_zeros(app: KioskApp) -> None:
    figures = app.monthly_figures.figures(Month(2026, 2))
    assert len(figures.visits_per_day) == 28 and figures.visits == 0
    assert figures.visits_per_hour == [0] * 24 and not any(figures.receipts_fen_per_day)
    assert figures.repairs_share_within is None


def test_summer_time_and_quarter_hour_zones_place_every_visit(app: KioskApp) -> None:
    london, kathmandu = ZoneInfo("Europe/London"), ZoneInfo("Asia/Kathmandu")
    add_visits(
        app,
        # 25 October 2026: London's clocks go back at 02:00 BST, so 01:30 happens twice.
        (datetime(2026, 10, 25, 0, 30, tzinfo=UTC), 1),  # 01:30 BST
        (datetime(2026, 10, 25, 1, 30, tzinfo=UTC), 1),  # 01:30 GMT
        (local(london, 2026, 10, 31, 23, 59), 1),  # 23:59 GMT on the last day
        (local(london, 2026, 11, 1, 0, 0), 1),  # November in London
        # Kathmandu is 5:45 ahead: 18:14 UTC on 30 November is 23:59 there, 18:15 is December.
        (datetime(2026, 11, 30, 18, 14, tzinfo=UTC), 1),
        (datetime(2026, 11, 30, 18, 15, tzinfo=UTC), 1),
    )
    in_london = MonthlyFiguresService(app.database.sessions, app.clock, london).figures(Month(2026, 10))
    assert in_london.visits_per_day[24] == 2 and in_london.visits_per_hour[1] == 2
    assert in_london.visits_per_day[30] == 1 and in_london.visits == 3
    in_kathmandu = MonthlyFiguresService(app.database.sessions, app.clock, kathmandu).figures(NOVEMBER)
    assert in_kathmandu.visits_per_day[29] == 1 and in_kathmandu.visits_per_hour[23] == 1


def test_the_workbook_has_a_sheet_per_figure_in_the_words_given(app: KioskApp, tmp_path: Path) -> None:
    add_visits(app, (local(SHANGHAI, 2026, 11, 15, 9, 10), 3))
    add_payment(app, 1, local(SHANGHAI, 2026, 11, 2, 9, 0), 5550)
    path = app.monthly_figures.export(
        NOVEMBER, tmp_path / "figures.xlsx", {"Visitors per day": "每日访客", "Day": "日期"}
    )
    with zipfile.ZipFile(path) as book:
        workbook = book.read("xl/workbook.xml").decode()
        assert workbook.count("<sheet ") == 6 and 'name="每日访客"' in workbook
        assert 'name="Receipts per day"' in workbook  # a word not given stays English
        days = book.read("xl/worksheets/sheet1.xml").decode()
        receipts = book.read("xl/worksheets/sheet4.xml").decode()
    assert "日期" in days and days.count("<row ") == 31  # the header and 30 days
    # 15 November: a date cell (Excel's day number 46341) with 1 visit and 3 people.
    assert '<c r="A16" s="3"><v>46341</v></c><c r="B16"><v>1</v></c><c r="C16"><v>3</v></c>' in days
    assert '<c r="C3"><v>55.5</v></c>' in receipts
    assert not list(tmp_path.glob(".figures-*"))


@given(st.integers(2000, 2099), st.integers(1, 12))
def test_a_month_reads_back_from_its_text(year: int, month: int) -> None:
    assert parse_month(f" {year:04d}-{month:02d} ") == Month(year, month)
    assert str(Month(year, month)) == f"{year:04d}-{month:02d}"


@given(st.text(max_size=12))
def test_anything_else_is_refused_with_a_reason(text: str) -> None:
    try:
        month = parse_month(text)
    except ValidationError as refused:
        assert refused.field == "month" and refused.code in ("format", "range")
    else:
        assert str(month) == text.strip()


@pytest.mark.parametrize("text", ["2026-13", "1999-12", "2026-00", "2026-1", "26-11", "2026/11"])
def test_impossible_months_are_refused(text: str) -> None:
    with pytest.raises(ValidationError):
        parse_month(text)


def test_a_month_knows_its_days() -> None:
    assert Month(2028, 2).days == 29 and Month(2026, 12).after == Month(2027, 1).first_day
    assert Month(2026, 11).first_day - timedelta(days=1) == Month(2026, 10).dates()[-1]
