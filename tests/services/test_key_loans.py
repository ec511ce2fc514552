"""Key loans (钥匙借用) on both databases: the register, a loan against ID or a staff number with its
due time, amber then red on the board by the injected clock, a short return, a lost key written
off, the refusals, the export and the purge of borrowers' data."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from kiosk.app import KioskApp
from kiosk.domain.errors import ValidationError
from kiosk.domain.key_loans import Borrower, KeyKind, LoanState, SetDraft
from kiosk.domain.staff import Role
from kiosk.services.audit import Actor
from kiosk.services.retention import PURGED
from kiosk.services.staff import SignedIn
from kiosk.storage.models import AuditEvent, KeyLoan, KeyReturn
from tests.conftest import FixedClock

PIN = "135790"
ADMIN = Actor("staff", "admin")
CHEN = Borrower("陈立", "工程部", "138 1234 5678", "resident_id", "002x")
SHANGHAI_1730 = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)  # 17:30 at the site


@pytest.fixture
def people(app: KioskApp) -> dict[str, SignedIn]:
    app.staff.add("clerk", "李娜", Role.RECEPTIONIST, PIN, ADMIN)
    app.staff.add("boss", "王主管", Role.SUPERVISOR, PIN, ADMIN)
    return {u: app.staff.sign_in(u, PIN) for u in ("clerk", "boss")}


def refused(call: object, *args: object, **kwargs: object) -> tuple[str, str]:
    assert callable(call)
    with pytest.raises(ValidationError) as error:
        call(*args, **kwargs)
    return error.value.field, error.value.code


def test_a_loan_turns_amber_then_red_comes_back_short_and_the_lost_key_leaves_the_register(
    app: KioskApp, people: dict[str, SignedIn], clock: FixedClock
) -> None:
    clerk, boss = people["clerk"], people["boss"]
    service = app.key_loans
    assert refused(service.add_set, SetDraft("301", "301 会议室", 3), clerk) == ("staff", "not_allowed")
    room = service.add_set(SetDraft(" 301 ", "301 会议室", 3, "钥匙柜 A-03"), boss)
    cards = service.add_set(SetDraft("B2", "B2 机房门禁", 2, "抽屉", KeyKind.ACCESS_CARD), boss)
    assert (room.label, room.kept_at, room.at_desk) == ("301", "钥匙柜 A-03", 3)

    loan = service.lend(room.set_id, CHEN, clerk, keys=2, note="周会")
    # Due at the end of the desk's day by default; the ID kept as its type and last four only.
    assert loan.due_at == SHANGHAI_1730 and loan.lent_by_name == "李娜"
    assert (loan.id_type, loan.id_last_four, loan.phone) == ("resident_id", "002X", "13812345678")
    assert service.at_desk().expected == 3 and service.at_desk().out == 2
    assert [(s.label, s.at_desk) for s in service.sets()] == [("301", 1), ("B2", 2)]

    [on_board] = service.on_board()
    assert (on_board.set_label, on_board.keys_out, on_board.borrower) == ("301", 2, "陈立")
    assert on_board.state(clock.now()) is LoanState.OUT
    clock.advance(hours=7, minutes=10)  # 17:10: due within the warning time
    assert on_board.state(clock.now()) is LoanState.DUE_SOON
    assert service.loans("overdue") == []
    clock.advance(minutes=21)  # 17:31: past due
    assert service.on_board()[0].state(clock.now()) is LoanState.OVERDUE
    assert [x.loan_id for x in service.loans("overdue")] == [loan.loan_id]

    # One key back: the clerk says what happened to the other, and the loan stays open for it.
    assert refused(service.take_back, loan.loan_id, clerk, 1) == ("note", "required_short")
    assert refused(service.take_back, loan.loan_id, clerk, 3, "?") == ("keys", "more_than_out")
    short = service.take_back(loan.loan_id, clerk, 1, "另一把说丢在停车场")
    assert short.open and short.outstanding == 1 and short.returns[0].received_by_name == "李娜"
    assert service.at_desk().out == 1
    # Lost for good: only a supervisor writes it off, and the set has one key fewer.
    assert refused(service.write_off, loan.loan_id, 1, "丢失", clerk) == ("staff", "not_allowed")
    closed = service.write_off(loan.loan_id, 1, "钥匙丢失，已报工程部换锁芯", boss)
    assert not closed.open and (closed.keys_back, closed.keys_lost) == (1, 1)
    assert [r.lost for r in closed.returns] == [False, True]
    assert service.at_desk().registered == 4 and service.at_desk().expected == 4
    assert service.on_board() == [] and service.loans("open") == []
    assert refused(service.take_back, loan.loan_id, clerk) == ("loan", "closed")

    # A whole set lent and back in one go; staff number instead of an ID.
    card_loan = service.lend(cards.set_id, Borrower("Tom Baker", staff_number="e-1023"), clerk)
    assert card_loan.keys_lent == 2 and card_loan.staff_number == "E-1023"
    assert refused(service.lend, cards.set_id, CHEN, clerk) == ("set", "all_out")
    assert not service.take_back(card_loan.loan_id, clerk).open

    # The borrowers are not in the audit trail (it outlives their retention).
    with app.database.sessions() as session:
        details = [
            e.detail for e in session.scalars(select(AuditEvent).where(AuditEvent.action.like("keys.%")))
        ]
    assert len(details) == 7 and not any(word in d for d in details for word in ("陈立", "002X", "Baker"))


def test_refusals_say_what_to_fix(app: KioskApp, people: dict[str, SignedIn], clock: FixedClock) -> None:
    clerk, boss = people["clerk"], people["boss"]
    service = app.key_loans
    room = service.add_set(SetDraft("301", "301 会议室", 2), boss)
    assert refused(service.add_set, SetDraft("301", "另一间", 1), boss) == ("label", "taken")
    assert refused(service.add_set, SetDraft("302", "", 1), boss) == ("opens", "required")
    assert refused(service.add_set, SetDraft("302", "302", 0), boss) == ("key_count", "not_positive")
    assert refused(service.lend, room.set_id, Borrower("陈立"), clerk) == ("identity", "required")
    assert refused(
        service.lend, room.set_id, Borrower("陈立", id_type="resident_id", id_last_four="12"), clerk
    ) == (
        "last_four",
        "length",
    )
    assert refused(service.lend, room.set_id, Borrower("·", staff_number="E1"), clerk) == (
        "borrower",
        "no_letters",
    )
    assert refused(service.lend, room.set_id, CHEN, clerk, 3) == ("keys", "not_available")
    past = clock.now() - timedelta(minutes=1)
    assert refused(service.lend, room.set_id, CHEN, clerk, 1, past) == ("due_at", "past")
    assert refused(service.lend, room.set_id, CHEN, clerk, 1, clock.now() + timedelta(days=40)) == (
        "due_at",
        "too_far",
    )
    tomorrow = clock.now() + timedelta(days=1)
    loan = service.lend(room.set_id, CHEN, clerk, 1, tomorrow)
    assert loan.due_at == tomorrow
    # The register cannot lose keys that are out, nor a set with keys out.
    assert refused(service.update_set, room.set_id, SetDraft("301", "301 会议室", 0), "", boss) == (
        "key_count",
        "not_positive",
    )
    assert refused(service.update_set, room.set_id, SetDraft("301", "301 会议室", 2), "", boss) == (
        "reason",
        "required",
    )
    assert refused(service.retire_set, room.set_id, "换锁", boss) == ("set", "on_loan")
    service.take_back(loan.loan_id, clerk)
    changed = service.update_set(room.set_id, SetDraft("301A", "301 会议室", 4, "A-04"), "新配两把", boss)
    assert (changed.label, changed.key_count) == ("301A", 4)
    retired = service.retire_set(room.set_id, "会议室改为办公室", boss)
    assert retired.retired_reason == "会议室改为办公室"
    assert refused(service.lend, room.set_id, CHEN, clerk) == ("set", "retired")
    assert service.sets() == [] and len(service.sets(include_retired=True)) == 1
    # A retired tag may be used again (a new lock, new keys).
    service.add_set(SetDraft("301A", "301 会议室", 2), boss)
    assert refused(service.loans, "late") == ("which", "unknown")


def test_the_search_finds_a_loan_by_borrower_tag_or_staff_number(
    app: KioskApp, people: dict[str, SignedIn]
) -> None:
    clerk, boss = people["clerk"], people["boss"]
    service = app.key_loans
    room = service.add_set(SetDraft("301", "301 会议室", 3), boss)
    store = service.add_set(SetDraft("仓库", "B1 仓库 100%", 1), boss)
    service.lend(room.set_id, CHEN, clerk, 1)
    service.lend(store.set_id, Borrower("Tom Baker", staff_number="E1023"), clerk)
    assert [x.borrower for x in service.loans("all", "陈")] == ["陈立"]
    assert [x.borrower for x in service.loans("all", "e10")] == ["Tom Baker"]
    assert [x.set_label for x in service.loans("all", "301")] == ["301"]
    assert [s.label for s in service.sets("100%")] == ["仓库"]  # % is a letter, not a wildcard
    assert service.sets("1_0") == []


def test_the_export_has_the_register_and_every_loan(
    app: KioskApp, people: dict[str, SignedIn], tmp_path: Path
) -> None:
    clerk, boss = people["clerk"], people["boss"]
    service = app.key_loans
    room = service.add_set(SetDraft("301", "301 会议室", 3, "A-03"), boss)
    service.lend(room.set_id, CHEN, clerk, 2)
    assert refused(service.export, tmp_path / "k.xlsx", {}, clerk) == ("staff", "not_allowed")
    path = service.export(tmp_path / "k.xlsx", {"Key register": "钥匙登记簿", "Tag": "标签"}, boss)
    book = openpyxl.load_workbook(path, read_only=True)
    assert book.sheetnames == ["钥匙登记簿", "Key loans"]
    register = list(book["钥匙登记簿"].iter_rows(values_only=True))
    assert register[0][:2] == ("标签", "Opens") and register[1][:5] == ("301", "301 会议室", "Key", 3, 2)
    loans = list(book["Key loans"].iter_rows(values_only=True))
    assert len(loans) == 2 and loans[1][4] == "陈立" and loans[1][7] == "resident_id 002X"
    assert not any(p.name.startswith(".keys-") for p in tmp_path.iterdir())


def test_borrowers_are_purged_after_their_period_and_open_loans_keep_them(
    app: KioskApp, people: dict[str, SignedIn], clock: FixedClock
) -> None:
    clerk, boss = people["clerk"], people["boss"]
    service = app.key_loans
    room = service.add_set(SetDraft("301", "301 会议室", 3), boss)
    back = service.lend(room.set_id, CHEN, clerk, 1)
    service.take_back(back.loan_id, clerk)
    still_out = service.lend(room.set_id, Borrower("Tom Baker", staff_number="E1023"), clerk, 2)
    service.take_back(still_out.loan_id, clerk, 1, "Tom says the other is in his car")
    clock.advance(days=181)
    counts = {c.kind: c.rows for c in app.retention.purge(ADMIN).counts}
    assert counts["key_loans"] == 1 and counts["key_returns"] == 0
    with app.database.sessions() as session:
        rows = {r.id: r for r in session.scalars(select(KeyLoan))}
        notes = [r.note for r in session.scalars(select(KeyReturn).order_by(KeyReturn.id))]
    purged, kept = rows[back.loan_id], rows[still_out.loan_id]
    assert (purged.borrower, purged.phone, purged.id_last_four, purged.company) == (PURGED, "", "", "")
    assert purged.keys_back == 1 and purged.lent_by == "staff:clerk"  # the register's history stays
    assert kept.borrower == "Tom Baker" and notes[-1] == "Tom says the other is in his car"
    # Closed later: its period counts from then.
    service.take_back(still_out.loan_id, clerk)
    clock.advance(days=181)
    counts = {c.kind: c.rows for c in app.retention.purge(ADMIN).counts}
    assert counts["key_loans"] == 1 and counts["key_returns"] == 1
