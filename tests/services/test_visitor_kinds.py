"""Each kind of person in seed 001's table, walked through the desk (and the kiosk for a permit
holder) on both databases: the approver and the record the table says; the server refusing a
wrong approver; night duty telling the duty officer through a real webhook, and a host's link
refused on the duty officer's visit."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from kiosk.app import KioskApp
from kiosk.config import ConfigError, load_config
from kiosk.domain.decision_token import sign_decision, verify_decision
from kiosk.domain.errors import ValidationError
from kiosk.domain.notify import ChannelSettings
from kiosk.domain.permits import PermitKind
from kiosk.domain.staff import Role
from kiosk.domain.views import CheckInRequest
from kiosk.domain.visit import Approver, VisitorType, VisitStatus
from kiosk.domain.visitor_kinds import (
    AdmissionRequest,
    ApprovalWay,
    KindApprover,
    KindSettings,
    VisitorKind,
    parse_approver,
)
from kiosk.server.decision_page import decision_router
from kiosk.services.audit import Actor
from kiosk.services.duty_officer import DutyOfficerNotifier
from kiosk.services.host_channels import HostChannelNotifier
from kiosk.services.permits import PermitDraft
from kiosk.services.staff import SignedIn
from kiosk.storage.models import Admission, VisitKindRecord
from tests.conftest import FixedClock
from tests.services.test_host_channels import Robot, robot  # noqa: F401  (the webhook test server)

PIN = "135790"
KEY = bytes(range(32))
KIOSK = Actor("kiosk", "lobby-kiosk")
TODAY = date(2026, 11, 25)
RESIDENTS = "房号,姓名,身份,电话\n2-101,陈建国,业主,13901012101\n2-102,刘芳,业主,13901012102\n"
DUTY_MOBILE = "13700000001"


@pytest.fixture
def people(app: KioskApp) -> dict[str, SignedIn]:
    admin = Actor("staff", "admin")
    app.staff.add("clerk", "赵敏", Role.RECEPTIONIST, PIN, admin)
    app.staff.add("leader", "周领班", Role.SUPERVISOR, PIN, admin)
    app.staff.add("guard", "钱勇", Role.GUARD, PIN, admin)
    return {u: app.staff.sign_in(u, PIN) for u in ("clerk", "leader", "guard")}


@pytest.fixture
def told(app: KioskApp, clock: FixedClock, robot: Robot) -> Iterator[Robot]:  # noqa: F811
    """The duty officer and the patrol guard told through WeCom group robots on a real HTTP server."""
    settings = KindSettings(
        duty_officer_channel="wecom",
        duty_officer_address=f"{robot.url}/duty",
        duty_officer_mobile=DUTY_MOBILE,
        patrol_channel="wecom",
        patrol_address=f"{robot.url}/patrol",
    )
    channels = HostChannelNotifier(ChannelSettings(), "https://lobby.example", KEY, clock, "示例大厦")
    app.visitor_kinds.notifier = DutyOfficerNotifier(
        channels, settings, "https://lobby.example", KEY, clock, "示例大厦"
    )
    yield robot


def host_id(app: KioskApp, name: str = "王芳") -> int:
    return next(h.host_id for h in app.directory.search(name) if h.name == name)


def visit(app: KioskApp, name: str, **extra: object) -> int:
    request = CheckInRequest(name, host_id(app), "华南数据", declaration_accepted=True, **extra)  # type: ignore[arg-type]
    return app.checkin.check_in(request, app.actor).visit_id


def record(app: KioskApp, visit_id: int) -> VisitKindRecord:
    with app.database.sessions() as session:
        row = session.get_one(VisitKindRecord, visit_id)
        session.expunge(row)
        return row


def admissions(app: KioskApp) -> int:
    with app.database.sessions() as session:
        return session.scalar(select(func.count()).select_from(Admission)) or 0


def refusal(call: object) -> tuple[str, str, dict[str, object]]:
    assert callable(call)
    with pytest.raises(ValidationError) as refused:
        call()
    return refused.value.field, refused.value.code, refused.value.params


def test_each_admission_kind_of_the_seed_table_at_the_desk(
    app: KioskApp, people: dict[str, SignedIn], told: Robot, clock: FixedClock
) -> None:
    clerk, leader, guard = people["clerk"], people["leader"], people["guard"]
    app.residents.import_residents(RESIDENTS.encode(), "residents.csv", clerk.actor)

    # 1 A resident the desk knows: the door opened, no line in the record.
    known = app.visitor_kinds.admit(AdmissionRequest(VisitorKind.RESIDENT_KNOWN), clerk, "desk-1")
    assert (known.admission_id, known.way, admissions(app)) == (None, ApprovalWay.KNOWN, 0)

    # 2 A self-declared resident without a card: the household on the intercom said yes...
    called = AdmissionRequest(
        VisitorKind.RESIDENT_NO_CARD, name="刘芳", unit="2-102", way=ApprovalWay.DESK_CALL
    )
    assert refusal(lambda: app.visitor_kinds.admit(called, clerk, "desk-1"))[:2] == ("call_note", "required")
    intercom = app.visitor_kinds.admit(
        AdmissionRequest(
            VisitorKind.RESIDENT_NO_CARD,
            name="刘芳",
            unit="2-102",
            way=ApprovalWay.DESK_CALL,
            call_note="对讲 2-102，家人确认",
        ),
        clerk,
        "desk-1",
    )
    assert (intercom.way, intercom.unit, intercom.patrol_notified) == (ApprovalWay.DESK_CALL, "2-102", False)
    # ...or nobody home: the name checked against the unit's records, then the patrol told.
    stranger = AdmissionRequest(
        VisitorKind.RESIDENT_NO_CARD, name="王五", unit="2-101", way=ApprovalWay.RESIDENT_RECORDS
    )
    assert refusal(lambda: app.visitor_kinds.admit(stranger, clerk, "desk-1")) == (
        "name",
        "not_a_resident",
        {"unit": "2-101"},
    )
    on_records = app.visitor_kinds.admit(
        AdmissionRequest(
            VisitorKind.RESIDENT_NO_CARD, name="陈建国", unit="2－101", way=ApprovalWay.RESIDENT_RECORDS
        ),
        clerk,
        "desk-1",
    )
    assert (on_records.way, on_records.patrol_notified) == (ApprovalWay.RESIDENT_RECORDS, True)
    patrol = [r for r in told.received if r.path == "/patrol"]
    assert len(patrol) == 1 and "2-101" in patrol[0].body["text"]["content"]
    assert "陈*" in patrol[0].body["text"]["content"]  # the group reads it: the name masked
    assert [a.admission_id for a in app.visitor_kinds.patrol_open()] == [on_records.admission_id]
    assert on_records.admission_id is not None
    followed = app.visitor_kinds.patrol_followed(on_records.admission_id, guard, "跟至 2-101 门口")
    assert followed.patrol_followed_by == "钱勇" and app.visitor_kinds.patrol_open() == []

    # 3 A company leader on the desk's list (kept by supervisors): greeted and logged.
    assert refusal(lambda: app.visitor_kinds.add_leader("马明", "马总", "集团公司", clerk))[:2] == (
        "staff",
        "not_allowed",
    )
    boss = app.visitor_kinds.add_leader("马明", "马总", "集团公司", leader)
    greeted = app.visitor_kinds.admit(
        AdmissionRequest(VisitorKind.COMPANY_LEADER, leader_id=boss.leader_id), clerk, "desk-1"
    )
    assert (greeted.way, greeted.name, greeted.reference) == (ApprovalWay.LEADERS_LIST, "马明", "马总")
    app.visitor_kinds.retire_leader(boss.leader_id, "调离", leader)
    off_list = AdmissionRequest(VisitorKind.COMPANY_LEADER, leader_id=boss.leader_id)
    assert refusal(lambda: app.visitor_kinds.admit(off_list, clerk, "desk-1"))[:2] == (
        "leader",
        "not_on_list",
    )

    # 4 Staff with a work card: logged with the card.
    no_card = AdmissionRequest(VisitorKind.STAFF, name="吴工")
    assert refusal(lambda: app.visitor_kinds.admit(no_card, clerk, "desk-1"))[:2] == ("work_card", "required")
    staff = app.visitor_kinds.admit(
        AdmissionRequest(VisitorKind.STAFF, name="吴工", work_card="GC-0451"), clerk, "desk-1"
    )
    assert (staff.way, staff.reference) == (ApprovalWay.WORK_CARD, "GC-0451")

    # 8 A permit holder: the register's one check; expired refused with its last day.
    short = app.permits.issue(
        PermitDraft(
            PermitKind.DECORATION,
            TODAY,
            TODAY,
            unit="2-104",
            holder_name="李建国",
            id_type="resident_id",
            id_number="11010519491231002X",
            company="安居装饰",
        ),
        clerk,
    ).permit
    entered = app.visitor_kinds.admit(
        AdmissionRequest(VisitorKind.PERMIT_HOLDER, permit_code=short.number), clerk, "desk-1"
    )
    assert (entered.way, entered.reference, entered.name) == (
        ApprovalWay.PERMIT_CHECK,
        short.number,
        "李建国",
    )
    assert len(app.permits.permit(short.permit_id).entries) == 1  # the permit's own trail
    clock.advance(hours=14)  # past midnight: the permit's last day is over
    expired = AdmissionRequest(VisitorKind.PERMIT_HOLDER, permit_code=short.number)
    assert refusal(lambda: app.visitor_kinds.admit(expired, clerk, "desk-1")) == (
        "permit",
        "expired",
        {"number": short.number, "valid_until": "2026-11-25"},
    )
    # A visit kind is not let through here: it waits for its approver.
    visitor_here = AdmissionRequest(VisitorKind.GOVERNMENT, name="张科长")
    assert refusal(lambda: app.visitor_kinds.admit(visitor_here, clerk, "desk-1"))[:2] == ("kind", "is_visit")
    assert admissions(app) == 5  # intercom, records, leader, staff, permit: the known resident none


def test_a_permit_holder_at_the_kiosk(app: KioskApp, people: dict[str, SignedIn], clock: FixedClock) -> None:
    permit = app.permits.issue(
        PermitDraft(
            PermitKind.MILK,
            TODAY,
            TODAY,
            unit="2-101",
            holder_name="牛师傅",
            company="光明乳业",
            id_number="11010519491231002X",
        ),
        people["clerk"],
    ).permit
    admitted = app.visitor_kinds.admit_at_kiosk(permit.number, KIOSK)
    assert (admitted.kind, admitted.way, admitted.by_name) == (
        VisitorKind.PERMIT_HOLDER,
        ApprovalWay.PERMIT_CHECK,
        "",
    )
    assert admitted.permit_valid_until is not None
    clock.advance(days=1)
    assert refusal(lambda: app.visitor_kinds.admit_at_kiosk(permit.number, KIOSK)) == (
        "permit",
        "expired",
        {"number": permit.number, "valid_until": "2026-11-25"},
    )
    assert refusal(lambda: app.visitor_kinds.admit_at_kiosk("RZ999999", KIOSK))[:2] == ("permit", "unknown")


def test_visits_wait_for_the_approver_their_kind_says(
    app: KioskApp, people: dict[str, SignedIn], told: Robot
) -> None:
    desk = people["clerk"].actor
    # 5 An outside visitor: the host, or the desk after calling them.
    guest = visit(app, "张三")
    assert record(app, guest).required is KindApprover.HOST
    app.checkin.approve(guest, desk, Approver.DESK, call_note="电话王芳，同意")
    assert (record(app, guest).way, record(app, guest).call_note) == (ApprovalWay.DESK_CALL, "电话王芳，同意")
    assert told.received == []  # the duty officer is not asked about a host's visit by day

    # 6 A government official and 7 a visiting group: the duty officer, told and approving.
    official = visit(app, "张科长", visitor_type=VisitorType.GOVERNMENT)
    group = visit(app, "参观团", kind=VisitorKind.TOUR_GROUP, party_size=12)
    for visit_id, kind in ((official, VisitorKind.GOVERNMENT), (group, VisitorKind.TOUR_GROUP)):
        row = record(app, visit_id)
        assert (row.kind, row.required, row.night) == (kind, KindApprover.DUTY_OFFICER, False)
        assert row.duty_notified_at is not None
        assert app.checkin.state(visit_id).approver is Approver.DUTY_OFFICER
        # Neither the host's link nor the desk's call approves it: the server refuses.
        for approver in (Approver.HOST, Approver.DESK):
            assert refusal(lambda a=approver, v=visit_id: app.checkin.approve(v, desk, a))[:2] == (  # type: ignore[misc]
                "approver",
                "duty_officer",
            )
        assert app.checkin.state(visit_id).status is VisitStatus.PENDING
    assert [r.path for r in told.received] == ["/duty", "/duty"]
    assert "【来访审批 Visit to approve】" in told.received[0].body["text"]["content"]
    assert told.received[0].body["text"]["mentioned_mobile_list"] == [DUTY_MOBILE]
    board = app.visitor_kinds.on_board()
    assert [w.visit_id for w in board.waiting_for_duty_officer] == [official, group]
    result = app.checkin.approve(official, people["leader"].actor, Approver.DUTY_OFFICER)
    assert result.status is VisitStatus.ON_SITE
    assert record(app, official).way is ApprovalWay.DUTY_OFFICER_DESK
    assert [w.visit_id for w in app.visitor_kinds.on_board().waiting_for_duty_officer] == [group]


def test_a_night_check_in_tells_the_duty_officer_whose_link_alone_approves(
    app: KioskApp, clock: FixedClock, told: Robot
) -> None:
    clock.advance(hours=11)  # 21:00 in Shanghai
    night = visit(app, "夜归人")
    row = record(app, night)
    assert (row.kind, row.required, row.night) == (VisitorKind.VISITOR, KindApprover.DUTY_OFFICER, True)
    [notice] = told.received
    text = notice.body["text"]["content"]
    assert notice.path == "/duty" and "【夜间来访 Night visitor】" in text and "夜*" in text
    accept = re.search(r"Accept：(\S+)", text)
    assert accept is not None
    duty_token = accept.group(1).split("token=", 1)[1]
    assert verify_decision(KEY, duty_token, clock.now()).duty_officer
    board = app.visitor_kinds.on_board()
    assert board.night and [w.visit_id for w in board.waiting_for_duty_officer] == [night]

    web = TestClient(_decision_app(app))
    host_token = sign_decision(KEY, night, "accept", clock.now() + timedelta(minutes=30))
    shown = web.get("/decide", params={"token": host_token, "lang": "en"})
    assert shown.status_code == 403 and "duty officer" in shown.text and "<button" not in shown.text
    refused = web.post("/decide", data={"token": host_token, "lang": "zh"})
    assert refused.status_code == 403 and "管理处值班人员审批" in refused.text
    assert app.checkin.state(night).status is VisitStatus.PENDING

    accepted = web.post("/decide", data={"token": duty_token, "lang": "en"})
    assert accepted.status_code == 200 and "Visitor accepted" in accepted.text
    state = app.checkin.state(night)
    assert (state.status, state.approver) == (VisitStatus.ON_SITE, Approver.DUTY_OFFICER)
    assert record(app, night).way is ApprovalWay.DUTY_OFFICER_LINK


def test_a_failed_notice_is_kept_for_the_desk(app: KioskApp, clock: FixedClock, told: Robot) -> None:
    told.answer = {"errcode": 93000, "errmsg": "invalid webhook url"}
    clock.advance(hours=11)
    night = visit(app, "夜归人")
    row = record(app, night)
    assert row.duty_notified_at is None and "93000" in row.duty_notice_error
    [waiting] = app.visitor_kinds.on_board().waiting_for_duty_officer
    assert (waiting.notified, waiting.night) == (False, True)


def _decision_app(app: KioskApp) -> object:
    from fastapi import FastAPI

    web = FastAPI()
    web.include_router(decision_router(app.checkin, KEY))
    return web


def test_the_kinds_are_configuration_with_the_seeds_defaults(tmp_path: object) -> None:
    from pathlib import Path

    assert isinstance(tmp_path, Path)
    default = load_config().visitor_kinds
    assert default.approver(VisitorKind.GOVERNMENT) is KindApprover.DUTY_OFFICER
    assert default.approver(VisitorKind.PERMIT_HOLDER) is KindApprover.PERMIT
    path = tmp_path / "kiosk.toml"
    path.write_text('[visitor_kinds]\ntour_group = "off"\nvisitor = "desk_call"\n', encoding="utf-8")
    configured = load_config(path).visitor_kinds
    assert not configured.enabled(VisitorKind.TOUR_GROUP)
    assert configured.approver(VisitorKind.VISITOR) is KindApprover.DESK_CALL
    path.write_text('[visitor_kinds]\ngovernment = "permit"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"visitor_kinds\.government"):
        load_config(path)
    path.write_text('[duty_officer]\nchannel = "sms"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"duty_officer\.address"):
        load_config(path)
    with pytest.raises(ValueError, match="'off'"):
        parse_approver(VisitorKind.RESIDENT_KNOWN, "host")


def test_a_kind_that_is_off_is_refused(app: KioskApp, people: dict[str, SignedIn]) -> None:
    app.visitor_kinds.settings = KindSettings(approvers={VisitorKind.VISITOR: KindApprover.HOST})
    staff = AdmissionRequest(VisitorKind.STAFF, name="吴工", work_card="GC-0451")
    assert refusal(lambda: app.visitor_kinds.admit(staff, people["clerk"], "desk-1"))[:2] == ("kind", "off")
    assert refusal(lambda: visit(app, "张科长", visitor_type=VisitorType.GOVERNMENT))[:2] == ("kind", "off")
