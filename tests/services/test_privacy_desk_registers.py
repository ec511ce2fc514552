"""The desk's registers (#19, #20 item 7) under a person's request and the purge: registered mail
(addressee, collector, a moved-out person's phone and forwarding address), lost and found (finder,
claimant), key loans (borrower), permits (holder) and outgoing courier (sender, addressee, the
courier who signed). Found by name, narrowed by the mobile or the ID's last four; exported; erased
with the books kept (numbers, counts, costs, the month-end statement); what is still open (a
parcel waiting, a key out, a permit valid, an item held) refused with why. One set-up, planted
through the real services, shared by every test here."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from kiosk.app import KioskApp
from kiosk.domain.courier import CourierDraft
from kiosk.domain.key_loans import Borrower, SetDraft
from kiosk.domain.lost_found import ClaimDraft, FoundItemDraft, LostItemCategory
from kiosk.domain.mail import Collector, MailEventKind, MailKind
from kiosk.domain.monthly_figures import Month
from kiosk.domain.permits import EntryDecision, PermitKind
from kiosk.domain.staff import Role
from kiosk.services.audit import Actor
from kiosk.services.mail import HandOut, MailDraft, MovedOutDraft
from kiosk.services.permits import PermitDraft
from kiosk.services.privacy import ERASED_ACTION, PrivacyError, PrivacyService, Query
from kiosk.services.retention import PURGED
from kiosk.services.staff import SignedIn
from kiosk.storage.models import (
    AuditEvent,
    CourierBatch,
    CourierItem,
    KeyLoan,
    KeyReturn,
    LostItem,
    MailEvent,
    MailItem,
    MailMovedOut,
    Permit,
    PrintJob,
)
from tests.conftest import FixedClock
from tests.services.test_privacy_registers import left_in_rows
from tests.services.test_retention import CLI, encoded

PIN = "135790"
# The person who asks, and what only their closed records hold (each must go with the erasure).
NAME = "上官婉儿"
PHONE = "13822334455"
LAST_FOUR = "317X"
ADDRESS = "杭州市西湖区文三路 88 号"  # their forwarding address
KEY_NOTE = "婉儿说另一把明天送回"
REFUSAL = "材料与凭据不符，上官女士说明天补办"
CANCELLED = "上官婉儿退租，装修取消"
ADDRESSEE, DESTINATION = "独孤求败", "北京市朝阳区建国路 1 号"  # their courier item's addressee
COURIER = "顺丰 慕容师傅"
OTHER_ADDRESSEE = "令狐冲"  # a letter for someone else that they collected
# A namesake: the same name, another phone and another ID.
NAMESAKE_PHONE, NAMESAKE_FOUR = "13900001111", "0021"


@dataclass(frozen=True)
class Planted:
    mail_collected: int
    mail_forwarded: int
    mail_waiting: int
    mail_for_other: int
    moved_out: int
    lost_claimed: int
    lost_held: int
    lost_namesake: int
    loan_back: int
    loan_out: int
    loan_namesake: int
    permit_cancelled: int
    permit_valid: int
    courier_sent: int
    courier_waiting: int
    batch: int

    @property
    def closed(self) -> list[str]:
        return [
            f"mail:{self.mail_collected}",
            f"mail:{self.mail_forwarded}",
            f"mail:{self.mail_for_other}",
            f"lost:{self.lost_claimed}",
            f"key_loan:{self.loan_back}",
            f"permit:{self.permit_cancelled}",
            f"courier:{self.courier_sent}",
        ]

    @property
    def still_open(self) -> list[str]:
        return [
            f"mail:{self.mail_waiting}",
            f"moved_out:{self.moved_out}",
            f"lost:{self.lost_held}",
            f"key_loan:{self.loan_out}",
            f"permit:{self.permit_valid}",
            f"courier:{self.courier_waiting}",
        ]


def _collects(name: str) -> HandOut:
    return HandOut(Collector.PERSON, name, "resident_id", LAST_FOUR.lower(), name, True)


def _found(clock: FixedClock, finder: str, what: str) -> FoundItemDraft:
    return FoundItemDraft(
        what, LostItemCategory.OTHER, "一楼大堂", clock.now() - timedelta(hours=1), finder, "前台储物柜"
    )


def plant(app: KioskApp, clock: FixedClock) -> Planted:
    """Through the real services, at the desk, 2026-11-25: the person's records in each register,
    some ended (erasable) and some still open, and a namesake's."""
    admin = Actor("staff", "admin")
    app.staff.add("clerk", "赵敏", Role.RECEPTIONIST, PIN, admin)
    app.staff.add("boss", "王主管", Role.SUPERVISOR, PIN, admin)
    clerk, boss = (app.staff.sign_in(u, PIN) for u in ("clerk", "boss"))

    mail = app.mail
    collected = mail.log(MailDraft(MailKind.REGISTERED, "中国邮政", "RR100000001CN", NAME, "5-502"), clerk)
    mail.hand_out(collected.item.item_id, clerk, _collects(NAME))
    other = mail.log(MailDraft(MailKind.PARCEL, "EMS", "EA100000002CN", OTHER_ADDRESSEE, "5-502"), clerk)
    mail.hand_out(other.item.item_id, clerk, _collects(NAME))
    moved = mail.add_moved_out(
        MovedOutDraft(NAME, date(2026, 11, 20), "5-502", phone=PHONE, forward_address=ADDRESS), clerk
    )
    forwarded = mail.log(MailDraft(MailKind.REGISTERED, "中国邮政", "RR100000003CN", NAME, "5-502"), clerk)
    mail.record_notified(forwarded.item.item_id, clerk, f"电话 {PHONE} 告知转寄")
    mail.forward(forwarded.item.item_id, clerk)
    waiting = mail.log(MailDraft(MailKind.PARCEL, "顺丰", "SF100000004", NAME, "5-502"), clerk)

    lost = app.lost_found
    claimed = lost.log(_found(clock, "保洁 李阿姨", "蓝色保温杯"), clerk)
    lost.claim(claimed.item_id, ClaimDraft(NAME, "resident_id", LAST_FOUR, NAME, True, PHONE), clerk)
    held = lost.log(_found(clock, NAME, "黑色钱包"), clerk)  # they found it; its owner may still come
    namesake_item = lost.log(_found(clock, "保安 小周", "雨伞"), clerk)
    lost.claim(
        namesake_item.item_id,
        ClaimDraft(NAME, "resident_id", NAMESAKE_FOUR, NAME, True, NAMESAKE_PHONE),
        clerk,
    )

    keys = app.key_loans
    room = keys.add_set(SetDraft("501", "501 会议室", 3), boss)
    person = Borrower(NAME, "婉约设计", PHONE, "resident_id", LAST_FOUR)
    back = keys.lend(room.set_id, person, clerk, 2, note="周会借用")
    keys.take_back(back.loan_id, clerk, 1, KEY_NOTE)
    keys.take_back(back.loan_id, clerk, 1)
    out = keys.lend(room.set_id, person, clerk, 1)
    namesake_loan = keys.lend(room.set_id, Borrower(NAME, phone=NAMESAKE_PHONE, staff_number="E77"), clerk, 1)

    permits = app.permits
    today = date(2026, 11, 25)
    decoration = PermitDraft(
        PermitKind.DECORATION,
        today,
        today + timedelta(days=30),
        "5-502",
        NAME,
        "resident_id",
        "11010519491206317X",
        "婉约设计",
    )
    ended = permits.issue(decoration, clerk).permit
    permits.record_entry(ended.permit_id, clerk, EntryDecision.REFUSED, REFUSAL)
    permits.cancel(ended.permit_id, clerk, CANCELLED)
    valid = permits.issue(decoration, clerk).permit

    courier = app.courier
    sf = next(c.company_id for c in courier.companies() if c.code == "SF")
    sent = courier.log(
        CourierDraft(NAME, "设计部", ADDRESSEE, DESTINATION, sf, "SF2000000000001", 2300), clerk
    )
    batch = courier.hand_over([sent.item_id], COURIER, True, clerk)
    still = courier.log(CourierDraft(NAME, "设计部", "东方不败", "上海", sf, "SF2000000000002", 1800), clerk)
    return Planted(
        collected.item.item_id,
        forwarded.item.item_id,
        waiting.item.item_id,
        other.item.item_id,
        moved.moved_out_id,
        claimed.item_id,
        held.item_id,
        namesake_item.item_id,
        back.loan_id,
        out.loan_id,
        namesake_loan.loan_id,
        ended.permit_id,
        valid.permit_id,
        sent.item_id,
        still.item_id,
        batch.batch_id,
    )


@pytest.fixture
def privacy(app: KioskApp) -> PrivacyService:
    return PrivacyService(app.database.sessions, app.clock, app.site.timezone)


def test_every_register_is_found_narrowed_says_what_is_open_and_the_board_and_trail_hide_phones(
    app: KioskApp, clock: FixedClock, privacy: PrivacyService
) -> None:
    p = plant(app, clock)
    everyone = {f.ref: f for f in privacy.find(Query("上官 婉兒"))}  # spaced, a traditional character
    namesakes = {f"lost:{p.lost_namesake}", f"key_loan:{p.loan_namesake}"}
    assert set(everyone) == set(p.closed) | set(p.still_open) | namesakes
    # Their mobile (last four, or all of it) or their ID's last four leaves the namesake's out;
    # a record storing neither (a letter's addressee, a permit by mobile) stays listed.
    theirs = set(p.closed) | set(p.still_open)
    assert {f.ref for f in privacy.find(Query(NAME, mobile="4455"))} == theirs
    assert {f.ref for f in privacy.find(Query(NAME, mobile=PHONE))} == theirs
    # The namesake's key loan was against a staff number: no ID stored, so it stays listed.
    assert {f.ref for f in privacy.find(Query(NAME, id_last_four="317x"))} == theirs | {
        f"key_loan:{p.loan_namesake}"
    }
    # The courier who signed for the batch is found under their own name, nothing else of theirs.
    assert [f.ref for f in privacy.find(Query("顺丰 慕容师傅"))] == [f"courier_batch:{p.batch}"]

    # Each open record says why and what to do; the ended ones can be erased.
    assert all(everyone[ref].open == "" for ref in p.closed)
    why = {ref.split(":")[0]: everyone[ref].open for ref in p.still_open}
    assert "waits at the desk" in why["mail"] and "hand it out, forward it or return it" in why["mail"]
    assert (
        "1 item(s) waiting" in why["moved_out"] and "close it on the Registered mail page" in why["moved_out"]
    )
    assert "still held" in why["lost"] and "dispose of it or void it" in why["lost"]
    assert "1 key(s) still out" in why["key_loan"] and "take them back" in why["key_loan"]
    assert "valid until 2026-12-25" in why["permit"] and "the office cancels it" in why["permit"]
    assert "waits for the courier" in why["courier"]

    # What the desk reads: masked mobile, the ID's last four; never the whole number.
    loan = everyone[f"key_loan:{p.loan_back}"]
    assert (loan.name, loan.number, loan.status) == (NAME, "501", "closed")
    assert "mobile ****4455" in loan.details and f"ID last four {LAST_FOUR}" in loan.details
    letter = everyone[f"mail:{p.mail_for_other}"]
    assert letter.name == OTHER_ADDRESSEE and f"collected by {NAME}" in letter.details
    assert f"ID last four {LAST_FOUR}" in letter.details
    claimed = everyone[f"lost:{p.lost_claimed}"]
    assert claimed.name == "保洁 李阿姨" and f"claimed by {NAME}" in claimed.details
    assert claimed.details.count("mobile ****4455") == claimed.details.count(LAST_FOUR) == 1
    assert f"to {ADDRESSEE}" in everyone[f"courier:{p.courier_sent}"].details
    assert PHONE not in repr(everyone) and "11010519491206317X" not in repr(everyone)

    # The board and the audit trail (which outlives every retention period) carry no phone,
    # ID digits or a clerk's words about the person.
    keys_out = app.key_loans.on_board()
    assert NAME in repr(keys_out) and PHONE not in repr(keys_out) and LAST_FOUR not in repr(keys_out)
    app.key_loans.write_off(p.loan_out, 1, f"{NAME}说钥匙丢了", _boss(app))
    # The weekly reminder to tell a moved-out person: the phone masked (the mail page has it).
    clock.advance(days=8)
    mail = app.mail.on_board()
    assert [(r.name, r.phone) for r in mail.reminders] == [(NAME, "138****4455")]
    assert PHONE not in repr(mail) and LAST_FOUR not in repr(mail)
    with app.database.sessions() as session:
        details = " ".join(e.detail for e in session.scalars(select(AuditEvent)))
        note = session.scalars(select(KeyReturn.note).where(KeyReturn.loan_id == p.loan_out)).one()
    assert note == f"{NAME}说钥匙丢了"  # kept on the return, until the loan's purge
    for secret in (NAME, PHONE, "4455", LAST_FOUR, "317x", ADDRESS, ADDRESSEE, KEY_NOTE, REFUSAL, CANCELLED):
        assert secret not in details, secret


def test_erasure_blanks_their_data_keeps_the_books_and_refuses_what_is_open(
    app: KioskApp, clock: FixedClock, privacy: PrivacyService
) -> None:
    p = plant(app, clock)
    statement = app.courier.month(Month(2026, 11))
    handover = app.key_loans.at_desk()
    written: list[bytes] = []
    assert (
        privacy.export(
            [*p.closed, f"moved_out:{p.moved_out}", f"courier_batch:{p.batch}"], CLI, written.append
        )
        == 9
    )
    records = {r["reference"]: r for r in json.loads(written[0])["records"]}
    letter = records[f"mail:{p.mail_collected}"]
    assert (letter["addressee"], letter["collected by"], letter["collector's ID number, last four"]) == (
        NAME,
        NAME,
        LAST_FOUR,
    )
    assert ADDRESS in [s["note"] for s in records[f"mail:{p.mail_forwarded}"]["trail"]]
    moved = records[f"moved_out:{p.moved_out}"]
    assert (moved["phone"], moved["forwarding address"]) == (PHONE, ADDRESS)
    loan = records[f"key_loan:{p.loan_back}"]
    assert (loan["phone"], loan["ID number, last four"]) == (PHONE, LAST_FOUR)
    assert KEY_NOTE in [r["note"] for r in loan["returns"]]
    permit = records[f"permit:{p.permit_cancelled}"]
    assert (permit["holder"], permit["cancel reason"]) == (NAME, CANCELLED)
    assert [e["note"] for e in permit["shown at the gate"]] == [REFUSAL]
    assert records[f"courier:{p.courier_sent}"]["cost (yuan)"] == "23.00"
    assert records[f"courier_batch:{p.batch}"]["courier"] == COURIER
    assert b"11010519491206317X" not in written[0]

    # One open record among them: nothing is erased, and each open one is named with its reason.
    with pytest.raises(PrivacyError) as refused:
        privacy.erase([*p.closed, *p.still_open], CLI)
    assert all(f"{ref}: " in str(refused.value) for ref in p.still_open)
    assert not any(f"{ref}: " in str(refused.value) for ref in p.closed)
    assert _events(app) == []

    erased = privacy.erase(p.closed, CLI)
    counts = {c.kind: c.rows for c in erased.counts}
    assert counts == {
        "mail_items": 3,
        "mail_events": 4,  # two hand-outs, the forwarding and the call that told them
        "print_jobs": 4,  # three mail labels and the permit
        "lost_items": 1,
        "key_loans": 1,
        "key_returns": 1,  # the short return's note (the other had none)
        "permits": 1,
        "permit_entries": 1,
        "courier_items": 1,
    }
    with app.database.sessions() as session:
        item = session.get_one(MailItem, p.mail_collected)
        trail = {
            e.kind: e for e in session.scalars(select(MailEvent).where(MailEvent.item_id == p.mail_forwarded))
        }
        lost = session.get_one(LostItem, p.lost_claimed)
        loan_row = session.get_one(KeyLoan, p.loan_back)
        permit_row = session.get_one(Permit, p.permit_cancelled)
        sent = session.get_one(CourierItem, p.courier_sent)
        labels = session.scalars(
            select(PrintJob).where(PrintJob.document.in_(("mail-label", "permit")))
        ).all()
    assert (item.addressee, item.collector_name, item.collector_id_last_four) == (PURGED, PURGED, "")
    assert (item.tracking_number, item.collector_id_type, item.received_by_name) == (
        "RR100000001CN",
        "resident_id",
        "赵敏",
    )
    # The clerk who posted it on still signs the forwarding; the address and the call went.
    assert (trail[MailEventKind.FORWARDED].signer, trail[MailEventKind.FORWARDED].note) == ("赵敏", "")
    assert trail[MailEventKind.NOTIFIED].note == "" and trail[MailEventKind.RECEIVED].note == "中国邮政"
    assert (lost.finder, lost.claimant_name, lost.claimant_phone, lost.what) == (
        PURGED,
        PURGED,
        "",
        "蓝色保温杯",
    )
    assert (loan_row.borrower, loan_row.phone, loan_row.id_last_four, loan_row.keys_back) == (
        PURGED,
        "",
        "",
        2,
    )
    assert (permit_row.holder_name, permit_row.cancel_reason, permit_row.unit) == (PURGED, "", "5-502")
    assert (sent.sender, sent.addressee, sent.destination) == (PURGED, PURGED, "")
    assert (sent.department, sent.tracking_number, sent.cost_fen) == ("设计部", "SF2000000000001", 2300)
    assert sorted(j.data == "" and j.payload is None for j in labels) == [
        False,
        False,
        True,
        True,
        True,
        True,
    ]  # the open parcel's and permit's kept
    # The books read as before: the courier's statement, the keys the handover counts.
    assert app.courier.month(Month(2026, 11)) == statement
    assert app.key_loans.at_desk() == handover
    [event] = _events(app)
    detail = json.loads(event.detail)
    assert detail["refs"] == p.closed and NAME not in event.detail and detail["courier_items"] == 1
    gone = encoded([ADDRESSEE, DESTINATION, KEY_NOTE, REFUSAL, CANCELLED, OTHER_ADDRESSEE])
    assert left_in_rows(app, gone) == []
    assert privacy.erase(p.closed, CLI).total == 0

    # Once closed at the desk, the rest goes too; the batch's courier whenever they ask.
    app.mail.close_moved_out(p.moved_out, _boss(app))
    rest = privacy.erase([f"moved_out:{p.moved_out}", f"courier_batch:{p.batch}"], CLI)
    assert {c.kind: c.rows for c in rest.counts} == {"mail_moved_out": 1, "courier_batches": 1}
    with app.database.sessions() as session:
        assert session.get_one(MailMovedOut, p.moved_out).phone == ""
        assert session.get_one(CourierBatch, p.batch).courier_name == PURGED
    assert left_in_rows(app, encoded([ADDRESS, COURIER])) == []


def test_courier_items_are_purged_after_courier_days_and_the_statement_stays(
    app: KioskApp, clock: FixedClock
) -> None:
    p = plant(app, clock)
    before = app.courier.month(Month(2026, 11)).statements
    assert app.retention.policy.courier_days == 365
    clock.advance(days=364)
    counts = {c.kind: c.rows for c in app.retention.purge(CLI).counts}
    assert (counts["courier_items"], counts["courier_batches"]) == (0, 0)
    clock.advance(days=2)
    counts = {c.kind: c.rows for c in app.retention.purge(CLI).counts}
    # The item handed over, its batch's courier; the one still waiting keeps everything. The
    # mail trail's notes of the forwarding and the call go with their items (mail_days, 365).
    assert (counts["courier_items"], counts["courier_batches"], counts["mail_events"]) == (1, 1, 4)
    with app.database.sessions() as session:
        sent = session.get_one(CourierItem, p.courier_sent)
        waiting = session.get_one(CourierItem, p.courier_waiting)
        batch = session.get_one(CourierBatch, p.batch)
    assert (sent.sender, sent.addressee, sent.destination, sent.cost_fen) == (PURGED, PURGED, "", 2300)
    assert (waiting.sender, waiting.addressee) == (NAME, "东方不败") and batch.courier_name == PURGED
    after = app.courier.month(Month(2026, 11)).statements
    assert [s.departments for s in after] == [s.departments for s in before]
    assert after[0].count == 1 and after[0].cost_fen == 2300


def _boss(app: KioskApp) -> SignedIn:
    return app.staff.sign_in("boss", PIN)


def _events(app: KioskApp) -> list[AuditEvent]:
    with app.database.sessions() as session:
        return list(session.scalars(select(AuditEvent).where(AuditEvent.action == ERASED_ACTION)))
