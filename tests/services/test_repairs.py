"""The repair service on both databases: the steps in their order, the warranty's two outcomes,
callbacks nobody answered, the overdue round (each clock once, by mail too), the list's search,
and who may cancel."""

from __future__ import annotations

from email.message import EmailMessage
from pathlib import Path

import pytest

from kiosk.app import KioskApp
from kiosk.config import ConfigError, load_config
from kiosk.domain.complaints import Satisfaction
from kiosk.domain.errors import ValidationError
from kiosk.domain.repairs import RepairCategory, RepairClass, RepairClock, RepairEventKind, RepairStatus
from kiosk.domain.staff import Role
from kiosk.services.audit import Actor
from kiosk.services.repairs import RepairDraft, RepairOverdue
from kiosk.services.retention import PURGED
from kiosk.services.staff import SignedIn
from kiosk.services.supervisor_alerts import MailSupervisorAlerter
from kiosk.storage.models import RepairRequest
from tests.conftest import FixedClock

PIN = "135790"
ROUND = Actor("server", "housekeeping")


@pytest.fixture
def people(app: KioskApp) -> dict[str, SignedIn]:
    admin = Actor("staff", "admin")
    app.staff.add("clerk", "Clerk", Role.RECEPTIONIST, PIN, admin)
    app.staff.add("boss", "Boss", Role.SUPERVISOR, PIN, admin)
    return {u: app.staff.sign_in(u, PIN) for u in ("clerk", "boss")}


def draft(repair_class: RepairClass = RepairClass.GENERAL, unit: str = "2-104") -> RepairDraft:
    return RepairDraft(
        unit, "陈晓明", "13812345678", "空调不制冷", RepairCategory.AIR_CONDITIONING, repair_class
    )


def test_steps_follow_the_work_and_refuse_out_of_order(app: KioskApp, people: dict[str, SignedIn]) -> None:
    clerk = people["clerk"]
    service = app.repairs
    taken = service.take(draft(), clerk)
    with pytest.raises(ValidationError) as refused:
        service.record_completion(taken.repair_id, clerk)
    assert (refused.value.field, refused.value.code) == ("repair", "is_taken")
    with pytest.raises(ValidationError) as refused:
        service.reopen(taken.repair_id, clerk, "又坏了")
    assert refused.value.code == "is_taken"
    dispatched = service.dispatch(taken.repair_id, clerk, "美的空调售后", "张师傅", "en").repair
    assert (dispatched.assignee, dispatched.engineer) == ("美的空调售后", "张师傅")
    # Completed without an arrival recorded: the engineer was there, at that moment.
    done = service.record_completion(taken.repair_id, clerk, "加氟")
    assert done.arrived_at == done.completed_at and done.status is RepairStatus.COMPLETED
    # A callback nobody answered is kept and the request waits; the next one closes it.
    waiting = service.callback(taken.repair_id, clerk, None, "无人接听")
    assert waiting.status is RepairStatus.COMPLETED
    closed = service.callback(taken.repair_id, clerk, Satisfaction.DISSATISFIED, "噪音大")
    assert (closed.status, closed.satisfaction) == (RepairStatus.CLOSED, Satisfaction.DISSATISFIED)
    assert [(e.kind, e.satisfaction) for e in closed.events][-2:] == [
        (RepairEventKind.CALLBACK, None),
        (RepairEventKind.CALLBACK, Satisfaction.DISSATISFIED),
    ]


def test_after_the_warranty_a_new_request_is_taken_that_names_the_old(
    app: KioskApp, people: dict[str, SignedIn], clock: FixedClock
) -> None:
    clerk = people["clerk"]
    service = app.repairs
    first = service.take(draft(), clerk)
    service.dispatch(first.repair_id, clerk)
    service.record_completion(first.repair_id, clerk)  # 2026-11-25 10:00: warranty to 2027-02-25 10:00
    clock.advance(days=92, minutes=1)
    # A new request: who calls now is asked again, never copied from the old one.
    for name, phone, missing in (("", "", "caller_name"), ("陈太太", " ", "phone")):
        with pytest.raises(ValidationError) as refused:
            service.reopen(first.repair_id, clerk, "空调又不制冷", name, phone)
        assert (refused.value.field, refused.value.code) == (missing, "ask_again")
    reopened = service.reopen(first.repair_id, clerk, "空调又不制冷", "陈太太", "139 8765 4321")
    assert reopened.same is False
    new = reopened.repair
    assert (new.number, new.follows, new.what, new.status, new.cycle, new.caller_name, new.phone) == (
        "BX000002",
        "BX000001",
        "空调又不制冷",
        RepairStatus.TAKEN,
        1,
        "陈太太",
        "13987654321",
    )
    old = service.repair(first.repair_id)
    assert (
        old.status is RepairStatus.COMPLETED and [e.kind for e in old.events][-1] is RepairEventKind.COMPLETED
    )


def test_a_caller_no_longer_kept_is_asked_again_and_one_on_record_is_kept(
    app: KioskApp, people: dict[str, SignedIn], clock: FixedClock
) -> None:
    clerk = people["clerk"]
    service = app.repairs
    kept = service.take(draft(), clerk)
    blanked = service.take(draft(unit="3-201"), clerk)
    for taken in (kept, blanked):
        service.dispatch(taken.repair_id, clerk)
        service.record_completion(taken.repair_id, clerk)
    with app.database.sessions.begin() as session:  # as retention and an erasure leave a caller
        row = session.get(RepairRequest, blanked.repair_id)
        assert row is not None
        row.caller_name, row.phone = PURGED, ""
    clock.advance(days=30)  # within the warranty: the same request opens again
    assert service.reopen(kept.repair_id, clerk, "又坏了").repair.caller_name == "陈晓明"
    with pytest.raises(ValidationError) as refused:
        service.reopen(blanked.repair_id, clerk, "又坏了")
    assert (refused.value.field, refused.value.code) == ("caller_name", "ask_again")
    again = service.reopen(blanked.repair_id, clerk, "又坏了", "陈太太", "13987654321")
    assert again.same and (again.repair.caller_name, again.repair.phone, again.repair.cycle) == (
        "陈太太",
        "13987654321",
        2,
    )


def test_each_clock_alerts_once_by_mail_and_a_failing_alerter_stops_nothing(
    app: KioskApp, people: dict[str, SignedIn], clock: FixedClock
) -> None:
    sent: list[EmailMessage] = []

    def mail_server_down(_alert: RepairOverdue) -> None:
        raise ConnectionError("mail server down")

    service = app.repairs
    service.alerters += [
        mail_server_down,
        MailSupervisorAlerter(sent.append, "示例大厦", "lobby@example.com", "boss@example.com"),
    ]
    urgent = service.take(draft(RepairClass.URGENT), people["clerk"])
    general = service.take(draft(RepairClass.GENERAL, "3-201"), people["clerk"])
    clock.advance(hours=25)  # both of the urgent one's clocks ran out meanwhile (server down)
    assert [(a.number, a.clock) for a in service.alert_overdue(ROUND)] == [
        (urgent.number, RepairClock.ARRIVAL),
        (urgent.number, RepairClock.FIX),
    ]
    assert service.alert_overdue(ROUND) == []
    clock.advance(hours=48)
    assert [(a.number, a.clock) for a in service.alert_overdue(ROUND)] == [(general.number, RepairClock.FIX)]
    assert [m["Subject"] for m in sent] == [
        "[示例大厦] 报修超时 / Repair overdue BX000001 2-104",
        "[示例大厦] 报修超时 / Repair overdue BX000001 2-104",
        "[示例大厦] 报修超时 / Repair overdue BX000002 3-201",
    ]
    body = sent[0].get_content()
    assert "已超过到场时限（2026-11-25 12:00）" in body and "on-site deadline (2026-11-25 12:00)" in body
    assert "13812345678" not in body and "陈晓明" not in body
    overdue = service.listing("overdue")
    assert {r.number for r in overdue} == {"BX000001", "BX000002"}


def test_the_list_searches_by_number_or_unit(app: KioskApp, people: dict[str, SignedIn]) -> None:
    clerk = people["clerk"]
    for unit in ("2-104", "3-201", "2-104"):
        app.repairs.take(draft(unit=unit), clerk)
    assert [r.number for r in app.repairs.listing("all", "２－１０４")] == ["BX000003", "BX000001"]
    assert [r.number for r in app.repairs.listing("open", "lkr:bx000002")] == ["BX000002"]
    with pytest.raises(ValidationError) as refused:
        app.repairs.listing("all", "陈晓明")
    assert (refused.value.field, refused.value.code) == ("search", "number_or_unit")


def test_only_a_supervisor_cancels_and_the_reason_is_kept(app: KioskApp, people: dict[str, SignedIn]) -> None:
    taken = app.repairs.take(draft(), people["clerk"])
    with pytest.raises(ValidationError) as refused:
        app.repairs.cancel(taken.repair_id, people["clerk"], "重复报修")
    assert refused.value.code == "not_allowed"
    with pytest.raises(ValidationError) as refused:
        app.repairs.cancel(taken.repair_id, people["boss"], " ")
    assert (refused.value.field, refused.value.code) == ("reason", "required")
    cancelled = app.repairs.cancel(taken.repair_id, people["boss"], "重复报修")
    assert (cancelled.status, cancelled.cancel_reason) == (RepairStatus.CANCELLED, "重复报修")
    assert app.repairs.on_board() == []


def test_the_repairs_section_is_read_and_checked(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    # Five months: within the 180 days retention keeps a finished request's caller (a longer warranty
    # needs a longer [retention] repairs_days, checked with the retention section).
    path.write_text("[repairs]\nurgent_arrival_hours = 4\ngeneral_fix_hours = 48\nwarranty_months = 5\n")
    settings = load_config(path).repairs
    assert (settings.urgent_arrival_hours, settings.general_fix_hours, settings.warranty_months) == (4, 48, 5)
    path.write_text("[repairs]\nurgent_arrival_hours = 30\n")
    with pytest.raises(ConfigError) as error:
        load_config(path)
    assert error.value.key == "repairs.urgent_arrival_hours"
