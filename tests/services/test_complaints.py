"""The complaints and suggestions register: recorded, followed up (each step dated and signed),
called back, closed only with a result; a serious complaint alerts the manager at once."""

from __future__ import annotations

from datetime import date, timedelta
from email.message import EmailMessage

import pytest
from sqlalchemy import select

from kiosk.app import KioskApp
from kiosk.domain.complaints import (
    ComplaintKind,
    ComplaintSource,
    ComplaintStatus,
    ComplaintSubject,
    ListState,
    NewComplaint,
    Satisfaction,
    StepKind,
)
from kiosk.domain.errors import ValidationError
from kiosk.domain.staff import Role, SignedIn
from kiosk.services.complaints import ManagerAlert
from kiosk.services.supervisor_alerts import MailSupervisorAlerter
from kiosk.storage.models import AuditEvent
from tests.conftest import FixedClock

CLERK = SignedIn(1, "clerk", "李娜", Role.RECEPTIONIST)
OTHER_CLERK = SignedIn(2, "clerk2", "赵敏", Role.RECEPTIONIST)
BOSS = SignedIn(3, "boss", "王主管", Role.SUPERVISOR)
GUARD = SignedIn(4, "guard", "保安", Role.GUARD)
SALES = SignedIn(5, "sales", "销售", Role.SALES)
TODAY = date(2026, 11, 25)  # the tests' clock: 2026-11-25 10:00 in Shanghai


def noise(**changes: object) -> NewComplaint:
    values: dict[str, object] = {
        "kind": ComplaintKind.COMPLAINT,
        "source": ComplaintSource.PHONE,
        "subject": ComplaintSubject.NOISE,
        "complainant": "陈先生",
        "unit": "3-201",
        "contact": "139 1234 5678",
        "text": "楼上装修，晚上十点后仍在施工。",
        "responsible": "工程部",
        "due_on": TODAY + timedelta(days=2),
    }
    return NewComplaint(**(values | changes))  # type: ignore[arg-type]


def audit_of(app: KioskApp) -> list[tuple[str, str]]:
    with app.database.sessions() as session:
        rows = session.scalars(
            select(AuditEvent).where(AuditEvent.entity == "complaint").order_by(AuditEvent.id)
        )
        return [(e.action, e.detail) for e in rows]


def test_a_complaint_goes_from_recorded_to_closed_and_a_serious_one_alerts_the_manager(
    app: KioskApp, clock: FixedClock
) -> None:
    service = app.complaints
    alerts: list[ManagerAlert] = []
    mails: list[EmailMessage] = []
    service.alerters += [
        alerts.append,
        MailSupervisorAlerter(mails.append, "示例大厦", "lobby@example.com", "manager@example.com"),
    ]
    recorded = service.record(noise(), CLERK)
    c = recorded.complaint
    assert (c.number, c.status, c.serious, c.overdue) == ("C000001", ComplaintStatus.OPEN, False, False)
    assert (c.contact, c.recorded_by_name) == ("139 1234 5678", "李娜")
    assert [s.kind for s in recorded.steps] == [StepKind.RECORDED] and recorded.callback_due
    assert alerts == []  # not serious: the manager is not troubled

    clock.advance(hours=1)
    service.add_step(c.complaint_id, "已电话通知 3-301 业主，晚十点后停止施工。", CLERK)
    clock.advance(hours=20)
    stepped = service.add_step(c.complaint_id, "工程部上门检查，施工队已签承诺书。", OTHER_CLERK)
    assert [(s.kind, s.done_by, s.done_by_name) for s in stepped.steps[1:]] == [
        (StepKind.STEP, "staff:clerk", "李娜"),
        (StepKind.STEP, "staff:clerk2", "赵敏"),
    ]
    assert stepped.steps[2].done_at - stepped.steps[1].done_at == timedelta(hours=20)

    # Closed only with a result, by a supervisor, after the callback.
    with pytest.raises(ValidationError) as not_boss:
        service.close(c.complaint_id, "已解决", CLERK)
    assert (not_boss.value.field, not_boss.value.code) == ("complaint", "not_allowed")
    with pytest.raises(ValidationError) as no_result:
        service.close(c.complaint_id, "   ", BOSS)
    assert (no_result.value.field, no_result.value.code) == ("result", "required")
    with pytest.raises(ValidationError) as no_callback:
        service.close(c.complaint_id, "施工时间已整改", BOSS)
    assert (no_callback.value.field, no_callback.value.code) == ("callback", "required")

    called = service.call_back(c.complaint_id, Satisfaction.SATISFIED, "业户表示满意", CLERK)
    assert called.complaint.satisfaction is Satisfaction.SATISFIED and not called.callback_due
    assert called.steps[-1].kind is StepKind.CALLBACK
    assert called.steps[-1].satisfaction is Satisfaction.SATISFIED
    closed = service.close(c.complaint_id, "施工时间已整改，业户满意。", BOSS)
    assert closed.complaint.status is ComplaintStatus.CLOSED
    assert (closed.complaint.result, closed.complaint.closed_by_name) == (
        "施工时间已整改，业户满意。",
        "王主管",
    )
    assert [s.kind for s in closed.steps] == [
        StepKind.RECORDED, StepKind.STEP, StepKind.STEP, StepKind.CALLBACK, StepKind.CLOSED,
    ]  # fmt: skip
    with pytest.raises(ValidationError) as after:
        service.add_step(c.complaint_id, "再跟进", CLERK)
    assert after.value.code == "closed"
    assert [x.complaint_id for x in service.listing(BOSS, ListState.CLOSED)] == [c.complaint_id]
    assert service.listing(BOSS, ListState.OPEN) == []

    # A serious complaint: the manager is alerted the moment it is recorded, once.
    serious = service.record(noise(subject=ComplaintSubject.STAFF_ATTITUDE, serious=True), CLERK)
    assert serious.complaint.serious and len(alerts) == 1 and len(mails) == 1
    assert alerts[0].complaint.number == "C000002"
    mail = mails[0]
    assert mail["To"] == "manager@example.com" and "重大投诉" in str(mail["Subject"])
    assert "C000002" in str(mail["Subject"])
    body = mail.get_content()
    assert "服务态度 / staff attitude" in body and "工程部" in body and "3-201 陈先生" in body

    # ...or the moment an open one is made serious later, with the reason.
    later = service.record(noise(), CLERK)
    made = service.make_serious(later.complaint.complaint_id, "业户要求经理出面", OTHER_CLERK)
    assert made.complaint.serious and made.steps[-1].kind is StepKind.SERIOUS
    assert len(alerts) == 2 and "业户要求经理出面" in mails[1].get_content()
    with pytest.raises(ValidationError) as twice:
        service.make_serious(later.complaint.complaint_id, "再次", CLERK)
    assert twice.value.code == "already"

    actions = [a for a, _d in audit_of(app)]
    for action in (
        "complaint.recorded",
        "complaint.step_added",
        "complaint.called_back",
        "complaint.closed",
        "complaint.manager_alerted",
        "complaint.made_serious",
    ):
        assert action in actions, action
    assert actions.count("complaint.manager_alerted") == 2
    # The trail keeps numbers and codes, never the person's name, contact or words.
    assert not [d for _a, d in audit_of(app) if "陈先生" in d or "1234" in d or "施工" in d]


def test_a_mail_that_fails_stops_nothing(app: KioskApp) -> None:
    def mail_server_down(_alert: ManagerAlert) -> None:
        raise ConnectionError("mail server down")

    sent: list[ManagerAlert] = []
    app.complaints.alerters += [mail_server_down, sent.append]
    made = app.complaints.record(noise(serious=True), CLERK)
    assert made.complaint.serious and len(sent) == 1
    assert app.complaints.counts().serious_open == 1


def test_overdue_ones_are_listed_and_counted_and_a_supervisor_gives_more_time(
    app: KioskApp, clock: FixedClock
) -> None:
    service = app.complaints
    late = service.record(noise(due_on=TODAY), CLERK).complaint
    idea = service.record(
        noise(
            kind=ComplaintKind.SUGGESTION,
            subject=ComplaintSubject.PARKING,
            source=ComplaintSource.LETTER,
            contact="",
            complainant="",
            serious=True,  # a suggestion is never a serious complaint
            due_on=TODAY + timedelta(days=7),
        ),
        CLERK,
    ).complaint
    assert not idea.serious
    clock.advance(days=1)
    overdue = service.listing(CLERK, ListState.OVERDUE)
    assert [(x.number, x.overdue) for x in overdue] == [(late.number, True)]
    assert [x.number for x in service.listing(CLERK, ListState.OPEN, ComplaintSubject.PARKING)] == [
        idea.number
    ]
    assert service.counts() == type(service.counts())(open=2, overdue=1, serious_open=0)

    with pytest.raises(ValidationError) as desk:
        service.assign(late.complaint_id, "保安部", TODAY + timedelta(days=3), "", CLERK)
    assert desk.value.code == "not_allowed"
    with pytest.raises(ValidationError) as past:
        service.assign(late.complaint_id, "保安部", TODAY, "", BOSS)
    assert (past.value.field, past.value.code) == ("due_on", "in_the_past")
    moved = service.assign(late.complaint_id, "保安部", TODAY + timedelta(days=3), "转保安部处理", BOSS)
    assert (moved.complaint.responsible, moved.complaint.overdue) == ("保安部", False)
    assert "工程部 2026-11-25 → 保安部 2026-11-28" in moved.steps[-1].text
    assert service.listing(CLERK, ListState.OVERDUE) == []

    # An anonymous letter cannot be called back, and is closed without a callback.
    with pytest.raises(ValidationError) as nobody:
        service.call_back(idea.complaint_id, Satisfaction.SATISFIED, "", CLERK)
    assert (nobody.value.field, nobody.value.code) == ("contact", "none_to_call")
    assert (
        service.close(idea.complaint_id, "已转交停车场管理方研究", BOSS).complaint.status
        is ComplaintStatus.CLOSED
    )


@pytest.mark.parametrize("who", [GUARD, SALES], ids=["guard", "sales"])
def test_roles_that_do_not_handle_complaints_read_none(app: KioskApp, who: SignedIn) -> None:
    made = app.complaints.record(noise(), CLERK).complaint
    for attempt in (
        lambda: app.complaints.listing(who),
        lambda: app.complaints.detail(made.complaint_id, who),
        lambda: app.complaints.record(noise(), who),
        lambda: app.complaints.add_step(made.complaint_id, "看看", who),
    ):
        with pytest.raises(ValidationError) as refused:
            attempt()
        assert refused.value.code == "not_allowed"


def test_the_form_is_checked_with_specific_reasons(app: KioskApp) -> None:
    cases = [
        (noise(text=" "), ("text", "required")),
        (noise(responsible=""), ("responsible", "required")),
        (noise(contact="call me"), ("contact", "format")),
        (noise(due_on=TODAY - timedelta(days=1)), ("due_on", "in_the_past")),
        (noise(due_on=TODAY + timedelta(days=400)), ("due_on", "too_far")),
        (noise(complainant="陈" * 61), ("complainant", "too_long")),
    ]
    for new, expected in cases:
        with pytest.raises(ValidationError) as refused:
            app.complaints.record(new, CLERK)
        assert (refused.value.field, refused.value.code) == expected
    with pytest.raises(ValidationError) as unknown:
        app.complaints.detail(999, CLERK)
    assert unknown.value.code == "unknown"
    assert app.complaints.listing(BOSS, ListState.ALL) == []
