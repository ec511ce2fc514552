"""Admissions (来人放行) keep their names and units for [retention] admissions_days after they were
let through; a resident let in on the resident records keeps theirs while the patrol notice is
open. What stays: the kind, the way, a permit's number or a leader's greeting, the times."""

from __future__ import annotations

from kiosk.app import KioskApp
from kiosk.domain.staff import Role
from kiosk.domain.visitor_kinds import AdmissionRequest, ApprovalWay, VisitorKind
from kiosk.services.audit import Actor
from kiosk.services.retention import PURGED
from kiosk.storage.models import Admission
from tests.conftest import FixedClock

PIN = "135790"
CLI = Actor("cli", "purge")
RESIDENTS = "房号,姓名,身份,电话\n2-102,刘芳,业主,13901012102\n"


def test_admissions_are_purged_after_admissions_days_and_an_open_patrol_notice_is_kept(
    app: KioskApp, clock: FixedClock
) -> None:
    admin = Actor("staff", "admin")
    app.staff.add("clerk", "赵敏", Role.SUPERVISOR, PIN, admin)
    clerk = app.staff.sign_in("clerk", PIN)
    app.residents.import_residents(RESIDENTS.encode(), "residents.csv", admin)
    kinds = app.visitor_kinds
    leader = kinds.add_leader("王建华", "王总", "华南数据", clerk)
    by_leader = kinds.admit(
        AdmissionRequest(VisitorKind.COMPANY_LEADER, leader_id=leader.leader_id), clerk, "d"
    )
    staff = kinds.admit(
        AdmissionRequest(VisitorKind.STAFF, name="吴工", company="工程部", work_card="GC-0451", note="夜班"),
        clerk,
        "d",
    )
    called = AdmissionRequest(
        VisitorKind.RESIDENT_NO_CARD,
        name="刘芳",
        unit="2-102",
        way=ApprovalWay.DESK_CALL,
        call_note="刘芳本人应答",
    )
    by_call = kinds.admit(called, clerk, "d")
    records = AdmissionRequest(
        VisitorKind.RESIDENT_NO_CARD, name="刘芳", unit="2-102", way=ApprovalWay.RESIDENT_RECORDS
    )
    followed_later = kinds.admit(records, clerk, "d")
    assert app.retention.policy.admissions_days == 180

    clock.advance(days=179)
    assert {c.kind: c.rows for c in app.retention.purge(CLI).counts}["admissions"] == 0
    clock.advance(days=2)
    assert {c.kind: c.rows for c in app.retention.purge(CLI).counts}["admissions"] == 3
    with app.database.sessions() as session:
        rows = {
            a.id: (a.name, a.unit, a.company, a.reference, a.call_note, a.note)
            for a in session.query(Admission).all()
        }
    assert rows[by_leader.admission_id] == (PURGED, "", "", "王总", "", "")
    assert rows[staff.admission_id] == (PURGED, "", "", "", "", "")
    assert rows[by_call.admission_id] == (PURGED, "", "", "", "", "")
    assert rows[followed_later.admission_id] == ("刘芳", "2-102", "", "", "", "")  # the patrol follows still

    # Followed today: kept for admissions_days from now, then purged.
    assert followed_later.admission_id is not None
    kinds.patrol_followed(followed_later.admission_id, clerk, "在家")
    clock.advance(days=181)
    assert {c.kind: c.rows for c in app.retention.purge(CLI).counts}["admissions"] == 1
    with app.database.sessions() as session:
        row = session.get_one(Admission, followed_later.admission_id)
        assert (row.name, row.unit, row.patrol_note, row.way) == (
            PURGED,
            "",
            "",
            ApprovalWay.RESIDENT_RECORDS,
        )
