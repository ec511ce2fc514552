"""Shift handover (交接班记录表): two PIN signatures, counted items, open issues; the duty log."""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from kiosk.app import KioskApp
from kiosk.domain.documents import ReceiptPurpose
from kiosk.domain.errors import ValidationError
from kiosk.domain.handover import HandoverItemKind, handover_digest
from kiosk.domain.key_loans import Borrower, KeyKind, SetDraft
from kiosk.domain.staff import Role
from kiosk.services.audit import Actor
from kiosk.services.handover import ItemCount
from kiosk.storage.models import AuditEvent, Handover, HandoverItem, OpenIssue
from tests.conftest import FixedClock

PIN = "246810"
ADMIN = Actor("staff", "admin")
LINA = Actor("staff", "lina")


@pytest.fixture
def staff(app: KioskApp) -> None:
    for username, name, role in (
        ("lina", "李娜", Role.RECEPTIONIST),
        ("wang", "王芳", Role.RECEPTIONIST),
        ("guard", "保安甲", Role.GUARD),
        ("sales", "销售乙", Role.SALES),
    ):
        app.staff.add(username, name, role, PIN, ADMIN)


def events(app: KioskApp, action: str) -> list[dict[str, object]]:
    with app.database.sessions() as session:
        rows = session.scalars(select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id))
        return [{"actor": e.actor, **json.loads(e.detail)} for e in rows]


def hand_over(app: KioskApp, **changes: object) -> int:
    arguments: dict[str, object] = {
        "outgoing": "lina",
        "pin": PIN,
        "work_done": "登记访客 32 人；放行条 2 张",
        "items": [
            ItemCount(HandoverItemKind.CASH, 35000),
            ItemCount(HandoverItemKind.VISITOR_CARDS, 18),
            ItemCount(HandoverItemKind.KEYS, 3, "会议室"),
        ],
        "issues": ["3-201 装修噪音投诉待回访", "  "],
        "notes": "打印纸剩一卷",
    }
    arguments.update(changes)
    return app.handover.hand_over(**arguments)  # type: ignore[arg-type]


def test_a_handover_with_a_wrong_count_is_signed_by_both_and_opens_an_issue(
    app: KioskApp, staff: None, clock: FixedClock
) -> None:
    handover_id = hand_over(app)
    pending = app.handover.pending()
    assert pending is not None and pending.handover_id == handover_id and not pending.signed
    assert pending.outgoing_name == "李娜" and pending.issues == ("3-201 装修噪音投诉待回访",)
    # The outgoing clerk's open issue is on the board before anyone countersigns.
    assert [i.text for i in app.handover.open_issues()] == ["3-201 装修噪音投诉待回访"]

    clock.advance(minutes=10)
    signed = app.handover.sign(
        handover_id,
        "wang",
        PIN,
        {HandoverItemKind.CASH: 34900, HandoverItemKind.VISITOR_CARDS: 18},
        "少 1 元，已报主管",
    )
    assert signed.signed and signed.incoming_name == "王芳" and signed.discrepancy_note == "少 1 元，已报主管"
    cash = next(i for i in signed.items if i.kind is HandoverItemKind.CASH)
    keys = next(i for i in signed.items if i.kind is HandoverItemKind.KEYS)
    assert (cash.handed, cash.counted, cash.matches) == (35000, 34900, False)
    assert (keys.label, keys.counted, keys.matches) == ("会议室", 3, True)  # not entered: as handed
    assert app.handover.pending() is None

    with app.database.sessions() as session:
        record = session.get_one(Handover, handover_id)
        assert record.outgoing == "staff:lina" and record.incoming == "staff:wang"
        assert len(record.outgoing_digest) == 64 and len(record.incoming_digest or "") == 64
        assert record.outgoing_signed_at + timedelta(minutes=10) == record.incoming_signed_at
    texts = [i.text for i in app.handover.open_issues()]
    assert texts[0] == "3-201 装修噪音投诉待回访"
    assert (
        texts[1].startswith("清点不符 Count mismatch: 现金 Cash 350.00 → 349.00.") and "已报主管" in texts[1]
    )

    [out] = events(app, "handover.handed_over")
    [countersigned] = events(app, "handover.signed")
    assert out["actor"] == "staff:lina" and out["items"] == {
        "cash": 35000,
        "visitor_cards": 18,
        "keys:会议室": 3,
    }
    assert countersigned["actor"] == "staff:wang" and countersigned["mismatches"] == 1
    assert countersigned["digest"] == signed.incoming_digest
    with pytest.raises(ValidationError, match="already_signed"):
        app.handover.sign(handover_id, "guard", PIN)


def test_a_mismatch_needs_a_note(app: KioskApp, staff: None) -> None:
    handover_id = hand_over(app)
    with pytest.raises(ValidationError) as refused:
        app.handover.sign(handover_id, "wang", PIN, {HandoverItemKind.VISITOR_CARDS: 17})
    assert refused.value.field == "discrepancy_note" and refused.value.code == "required"
    with pytest.raises(ValidationError, match="negative"):
        app.handover.sign(handover_id, "wang", PIN, {HandoverItemKind.VISITOR_CARDS: -1}, "?")
    assert app.handover.pending() is not None


def test_signatures_are_refused_for_a_wrong_pin_the_same_person_and_a_role_without_handovers(
    app: KioskApp, staff: None
) -> None:
    with pytest.raises(ValidationError):
        hand_over(app, pin="000000")
    with pytest.raises(ValidationError, match="not_allowed"):
        hand_over(app, outgoing="sales")
    assert app.handover.pending() is None
    handover_id = hand_over(app)
    with pytest.raises(ValidationError):
        app.handover.sign(handover_id, "wang", "999999")
    with pytest.raises(ValidationError, match="same_person"):
        app.handover.sign(handover_id, "lina", PIN)
    with pytest.raises(ValidationError, match="not_allowed"):
        app.handover.sign(handover_id, "sales", PIN)
    # A second handover waits until this one is countersigned.
    with pytest.raises(ValidationError, match="pending"):
        hand_over(app, outgoing="wang")
    assert app.handover.sign(handover_id, "guard", PIN).incoming_name == "保安甲"
    refused = events(app, "handover.sign_refused")
    assert [e["actor"] for e in refused] == ["staff:sales", "staff:sales"]
    wrong = events(app, "staff.handover_sign_refused")
    assert [(e["actor"], e["reason"]) for e in wrong] == [
        ("staff:lina", "wrong_secret"),
        ("staff:wang", "wrong_secret"),
    ]


def test_a_record_altered_after_the_outgoing_signature_cannot_be_countersigned(
    app: KioskApp, staff: None
) -> None:
    handover_id = hand_over(app)
    with app.database.sessions.begin() as session:
        item = session.scalars(
            select(HandoverItem).where(
                HandoverItem.handover_id == handover_id, HandoverItem.kind == HandoverItemKind.CASH
            )
        ).one()
        item.handed = 30000
    with pytest.raises(ValidationError, match="altered"):
        app.handover.sign(handover_id, "wang", PIN)
    assert events(app, "handover.altered")


def test_bad_entries_are_refused(app: KioskApp, staff: None) -> None:
    with pytest.raises(ValidationError) as empty:
        hand_over(app, work_done="   ")
    assert empty.value.field == "work_done"
    with pytest.raises(ValidationError, match="negative"):
        hand_over(app, items=[ItemCount(HandoverItemKind.KEYS, -2)])
    with pytest.raises(ValidationError, match="duplicate"):
        hand_over(app, items=[ItemCount(HandoverItemKind.KEYS, 1), ItemCount(HandoverItemKind.KEYS, 2)])
    with pytest.raises(ValidationError, match="too_long"):
        hand_over(app, issues=["x" * 301])
    assert app.handover.pending() is None


def test_prefill_reckons_from_the_last_signed_handover(app: KioskApp, staff: None, clock: FixedClock) -> None:
    app.machine_room_passes.add_passes(["P001", "P002", "P003"], LINA)
    handover_id = hand_over(app)
    app.handover.sign(handover_id, "wang", PIN, {HandoverItemKind.VISITOR_CARDS: 17}, "一张卡未找到")
    clock.advance(minutes=5)
    app.payments.take_deposit(ReceiptPurpose.CARD_DEPOSIT, "张三", "C-1", 5000, Actor("staff", "wang"))
    app.payments.take_deposit(ReceiptPurpose.CARD_DEPOSIT, "李四", "C-2", 5000, Actor("staff", "wang"))
    app.payments.refund("C-1", Actor("staff", "wang"))
    prefill = app.handover.prefill()
    assert prefill.since is not None
    # Cash as handed over (350.00) plus 100.00 taken minus 50.00 refunded; 17 counted cards, one out.
    assert prefill.counts[HandoverItemKind.CASH] == 35000 + 5000
    assert prefill.counts[HandoverItemKind.VISITOR_CARDS] == 16
    assert prefill.counts[HandoverItemKind.MACHINE_ROOM_PASSES] == 3
    assert prefill.counts[HandoverItemKind.KEYS] == 3
    assert app.handover.shift_start(Actor("staff", "wang")) == prefill.since


def test_open_issues_stay_until_closed_once(app: KioskApp, staff: None) -> None:
    hand_over(app)
    [issue] = app.handover.open_issues()
    app.handover.close_issue(issue.issue_id, Actor("staff", "wang"), "已回访，业主满意")
    assert app.handover.open_issues() == []
    with pytest.raises(ValidationError, match="already_closed"):
        app.handover.close_issue(issue.issue_id, LINA)
    with pytest.raises(ValidationError, match="unknown"):
        app.handover.close_issue(999, LINA)
    with app.database.sessions() as session:
        closed = session.get_one(OpenIssue, issue.issue_id)
        assert closed.closed_by == "staff:wang" and closed.closing_note == "已回访，业主满意"
    assert "note" not in events(app, "handover.issue_closed")[0]  # the words stay on the issue


def test_the_duty_log_records_incidents_newest_first(app: KioskApp, clock: FixedClock) -> None:
    now = clock.now()
    first = app.handover.log_incident(
        now - timedelta(hours=2), "B1 车库", "水管漏水", LINA, "通知工程部", "维修工小刘"
    )
    second = app.handover.log_incident(now - timedelta(minutes=30), "大堂", "访客与保安争执", LINA)
    log = app.handover.duty_log()
    assert [e.entry_id for e in log] == [second, first]
    assert (log[1].place, log[1].action_taken, log[1].recorded_by) == ("B1 车库", "通知工程部", "staff:lina")
    [recorded, _] = events(app, "duty_log.recorded")
    assert recorded["place"] == "B1 车库"
    with pytest.raises(ValidationError, match="in_the_future"):
        app.handover.log_incident(now + timedelta(hours=1), "大堂", "x", LINA)
    with pytest.raises(ValidationError, match="no_time_zone"):
        app.handover.log_incident(datetime(2026, 11, 25, 9, 0), "大堂", "x", LINA)
    with pytest.raises(ValidationError) as empty:
        app.handover.log_incident(now.astimezone(UTC), " ", "x", LINA)
    assert empty.value.field == "place"


_ITEMS = st.lists(
    st.tuples(st.sampled_from(list(HandoverItemKind)), st.text(max_size=8), st.integers(0, 10**9)),
    min_size=1,
    max_size=6,
    unique_by=lambda item: (item[0], item[1]),
)


@given(_ITEMS, st.randoms(use_true_random=False), st.integers(0, 5), st.integers(1, 10**6))
def test_the_signed_digest_ignores_order_and_sees_every_changed_count(
    items: list[tuple[HandoverItemKind, str, int]], order: random.Random, which: int, change: int
) -> None:
    at = datetime(2026, 11, 25, 2, 0, tzinfo=UTC)
    digest = handover_digest("staff:lina", "工作", "备注", items, ["问题"], at)
    shuffled = list(items)
    order.shuffle(shuffled)
    assert handover_digest("staff:lina", "工作", "备注", shuffled, ["问题"], at) == digest
    kind, label, count = items[which % len(items)]
    altered = [(k, lb, count + change if (k, lb) == (kind, label) else c) for k, lb, c in items]
    assert handover_digest("staff:lina", "工作", "备注", altered, ["问题"], at) != digest


def test_without_a_handover_the_shift_starts_at_the_first_sign_in_not_a_day_before(
    app: KioskApp, clock: FixedClock, staff: None
) -> None:
    # A new site: nobody signed in yet, so no shift has begun before now.
    assert app.handover.shift_start(LINA) == clock.now()
    first = clock.now()
    app.staff.sign_in("lina", PIN, purpose="console_sign_in")
    clock.advance(hours=2)
    app.staff.sign_in("lina", PIN, purpose="console_sign_in")  # after a lock: the same shift
    app.staff.sign_in("wang", PIN, purpose="console_sign_in")
    assert app.handover.shift_start(LINA) == first
    # Lina hands over; when she signs in the next morning, her new shift starts then.
    handover_id = hand_over(app)
    app.handover.sign(handover_id, "wang", PIN)
    assert app.handover.shift_start(Actor("staff", "wang")) == clock.now()  # took over now
    clock.advance(hours=14)
    morning = clock.now()
    app.staff.sign_in("lina", PIN, purpose="console_sign_in")
    clock.advance(hours=1)
    assert app.handover.shift_start(LINA) == morning


def test_keys_are_counted_from_the_key_register_and_a_difference_is_an_issue(
    app: KioskApp, staff: None, clock: FixedClock
) -> None:
    """The handover's keys: the register's keys less those out on loan, pre-filled like the
    passes; a count handed over that differs from the register is an issue of that handover."""
    app.staff.add("boss", "王主管", Role.SUPERVISOR, PIN, ADMIN)
    supervisor, clerk = app.staff.sign_in("boss", PIN), app.staff.sign_in("lina", PIN)
    room = app.key_loans.add_set(SetDraft("301", "301 会议室", 3), supervisor)
    app.key_loans.add_set(SetDraft("B2", "B2 机房门禁", 2, kind=KeyKind.ACCESS_CARD), supervisor)
    loan = app.key_loans.lend(room.set_id, Borrower("陈立", staff_number="E1023"), clerk, 2)
    prefill = app.handover.prefill()
    assert prefill.counts[HandoverItemKind.KEYS] == 3  # 5 registered, 2 on loan
    assert (prefill.keys.registered, prefill.keys.out, prefill.keys.sets) == (5, 2, 2)

    # Handed over as the register says: no issue.
    handover_id = hand_over(app, items=[ItemCount(HandoverItemKind.KEYS, 3)], issues=[])
    assert app.handover.open_issues() == []
    app.handover.sign(handover_id, "wang", PIN)
    # The keys come back; the next clerk hands over one key too few: an issue of that handover,
    # signed with it (the incoming clerk sees it) and on the board until closed.
    app.key_loans.take_back(loan.loan_id, clerk)
    assert app.handover.prefill().counts[HandoverItemKind.KEYS] == 5
    clock.advance(hours=8)
    second = hand_over(app, outgoing="wang", items=[ItemCount(HandoverItemKind.KEYS, 4, "301/B2")], issues=[])
    pending = app.handover.pending()
    assert pending is not None and pending.handover_id == second
    [issue] = pending.issues
    assert issue.startswith("钥匙与登记簿不符 Keys differ from the key register: 5 expected at the desk")
    assert issue.endswith("(5 registered, 0 on loan), 4 handed over.")
    assert [i.text for i in app.handover.open_issues()] == [issue]
    # The issue is part of what the outgoing clerk signed: the countersignature verifies.
    assert app.handover.sign(second, "lina", PIN).signed
