"""A plausible month of a busy lobby, for `kiosk screenshots`' monthly figures: visitors with a
morning and an afternoon peak, fewer at weekends; release slips; receipts and refunds; repairs of
every category, most done in time; complaints, a few closed slowly. Same rows every run."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from sqlalchemy import func, insert, select

from kiosk.app import KioskApp
from kiosk.domain.complaints import ComplaintKind, ComplaintSource, ComplaintStatus, ComplaintSubject
from kiosk.domain.documents import PartyKind, PaymentMethod, ReceiptPurpose
from kiosk.domain.monthly_figures import Month
from kiosk.domain.release_slip import SlipStatus
from kiosk.domain.repairs import RepairCategory, RepairClass, RepairStatus
from kiosk.domain.visit import VisitStatus
from kiosk.storage.models import Complaint, Host, Payment, ReleaseSlipRecord, RepairRequest, Visit

# Arrivals by hour of the day (08:00 to 19:00), a weekday's shape.
_HOURS = (8, 9, 9, 9, 10, 10, 10, 11, 11, 13, 14, 14, 14, 15, 15, 16, 16, 17, 18, 19)
_CLERK = ("staff:receptionist", "前台")


def fill_sample_month(app: KioskApp, month: Month) -> None:
    """Write the sample month's rows (once: a month that has repairs already is left alone)."""
    zone = app.site.timezone
    start = datetime.combine(month.first_day, time(0), zone).astimezone(UTC)
    end = datetime.combine(month.after, time(0), zone).astimezone(UTC)
    rng = random.Random(18)
    with app.database.sessions.begin() as session:
        taken = select(func.count()).select_from(RepairRequest)
        if session.scalar(taken.where(RepairRequest.taken_at >= start, RepairRequest.taken_at < end)):
            return
        hosts = list(session.scalars(select(Host.id)))
        visits: list[dict[str, object]] = []
        slips: list[dict[str, object]] = []
        payments: list[dict[str, object]] = []
        repairs: list[dict[str, object]] = []
        complaints: list[dict[str, object]] = []
        for day in month.dates():
            weekend = day.weekday() >= 5
            for _ in range(rng.randint(8, 20) if weekend else rng.randint(45, 80)):
                arrived = _at(day, rng.choice(_HOURS), rng.randrange(60), zone)
                visits.append(_visit(arrived, rng.choice(hosts), rng.choice((1, 1, 1, 2, 3))))
            for _ in range(rng.randint(0, 2) if weekend else rng.randint(1, 6)):
                slips.append(_slip(len(slips) + 1, _at(day, rng.randint(9, 17), rng.randrange(60), zone)))
            for _ in range(rng.randint(0, 5)):
                payments.append(
                    _payment(
                        len(payments) + 1, _at(day, rng.randint(9, 18), 0, zone), rng.choice((50, 100, 200))
                    )
                )
            for _ in range(rng.randint(1, 4)):
                repairs.append(_repair(len(repairs) + 1, _at(day, rng.randint(8, 20), 0, zone), rng))
            if rng.random() < 0.6:
                complaints.append(_complaint(len(complaints) + 1, _at(day, rng.randint(9, 17), 0, zone), rng))
        session.execute(insert(Visit), visits)
        session.execute(insert(ReleaseSlipRecord), slips)
        session.execute(insert(Payment), payments)
        session.execute(insert(RepairRequest), repairs)
        session.execute(insert(Complaint), complaints)


def _at(day: date, hour: int, minute: int, zone: tzinfo) -> datetime:
    return datetime.combine(day, time(hour, minute), zone).astimezone(UTC)


def _visit(arrived: datetime, host_id: int, party: int) -> dict[str, object]:
    return {
        "visitor_name": "样例访客",
        "host_id": host_id,
        "status": VisitStatus.CHECKED_OUT,
        "language": "zh_CN",
        "station": "sample",
        "requested_at": arrived,
        "decided_at": arrived + timedelta(minutes=2),
        "checked_in_at": arrived + timedelta(minutes=2),
        "checked_out_at": arrived + timedelta(hours=2),
        "party_size": party,
    }


def _slip(n: int, issued: datetime) -> dict[str, object]:
    return {
        "slip_number": f"SM{n:05d}",
        "party_kind": PartyKind.OWNER,
        "unit": "1-101",
        "holder_name": "样例业主",
        "id_type": "resident_id",
        "id_last_four": "0000",
        "items": "[]",
        "signed_name": "样例业主",
        "issued_by": _CLERK[0],
        "issued_by_name": _CLERK[1],
        "issued_at": issued,
        "status": SlipStatus.RELEASED,
    }


def _payment(n: int, taken: datetime, yuan: int) -> dict[str, object]:
    return {
        "receipt_number": f"RM{n:05d}",
        "purpose": ReceiptPurpose.CARD_DEPOSIT,
        "method": PaymentMethod.CASH,
        "amount_fen": yuan * 100,
        "payer": "样例",
        "taken_by": _CLERK[0],
        "clerk_name": _CLERK[1],
        "taken_at": taken,
    }


def _repair(n: int, taken: datetime, rng: random.Random) -> dict[str, object]:
    urgent = rng.random() < 0.3
    fix = timedelta(hours=24 if urgent else 72)
    # Most are done in time; one in eight takes longer than its clock allows.
    took = fix * (rng.uniform(1.05, 1.6) if rng.random() < 0.125 else rng.uniform(0.1, 0.9))
    return {
        "number": f"BXM{n:05d}",
        "unit": f"{rng.randint(1, 6)}-{rng.randint(1, 30):02d}{rng.randint(1, 4)}",
        "caller_name": "样例住户",
        "phone": "13900000000",
        "what": "样例报修",
        "category": rng.choice(list(RepairCategory)),
        "repair_class": RepairClass.URGENT if urgent else RepairClass.GENERAL,
        "status": RepairStatus.CLOSED,
        "taken_by": _CLERK[0],
        "taken_by_name": _CLERK[1],
        "taken_at": taken,
        "clock_started_at": taken,
        "arrive_by": taken + timedelta(hours=2) if urgent else None,
        "fix_by": taken + fix,
        "arrived_at": taken + took / 4,
        "completed_at": taken + took,
        "last_completed_at": taken + took,
    }


def _complaint(n: int, recorded: datetime, rng: random.Random) -> dict[str, object]:
    hours = rng.uniform(2, 96)
    return {
        "number": f"TSM{n:05d}",
        "kind": ComplaintKind.COMPLAINT,
        "source": rng.choice(list(ComplaintSource)),
        "subject": rng.choice(list(ComplaintSubject)),
        "text": "样例投诉",
        "responsible": "客服部",
        "due_on": (recorded + timedelta(days=3)).date(),
        "serious": rng.random() < 0.1,
        "status": ComplaintStatus.CLOSED,
        "recorded_by": _CLERK[0],
        "recorded_by_name": _CLERK[1],
        "recorded_at": recorded,
        "closed_at": recorded + timedelta(hours=hours),
        "result": "已处理",
    }
