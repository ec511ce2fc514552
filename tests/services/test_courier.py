"""The outgoing courier book (快递寄发) on both databases: a month of items logged and handed over,
its statement per company decoded from the printer's bytes and read back from its workbook with
the same totals; what a batch needs; a handed-over item never edited, only voided by a supervisor
with its reason (audited); twins of a waybill refused; the search; the companies' list."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from kiosk.app import KioskApp
from kiosk.devices.escpos.codec import parse_escpos
from kiosk.devices.fakes import FakePrinter
from kiosk.domain.courier import CourierDraft, CourierItemStatus, CourierItemView
from kiosk.domain.errors import ValidationError
from kiosk.domain.monthly_figures import Month
from kiosk.domain.staff import Role
from kiosk.services.audit import Actor
from kiosk.services.staff import SignedIn
from kiosk.storage.models import AuditEvent
from tests.conftest import FixedClock

PIN = "135790"
NOVEMBER = Month(2026, 11)


@pytest.fixture
def people(app: KioskApp) -> dict[str, SignedIn]:
    admin = Actor("staff", "admin")
    app.staff.add("clerk", "赵敏", Role.RECEPTIONIST, PIN, admin)
    app.staff.add("boss", "Boss", Role.SUPERVISOR, PIN, admin)
    return {u: app.staff.sign_in(u, PIN) for u in ("clerk", "boss")}


def company(app: KioskApp, code: str) -> int:
    return next(c.company_id for c in app.courier.companies() if c.code == code)


def draft(
    company_id: int, tracking: str, department: str = "IDC运维部", cost_fen: int = 2300
) -> CourierDraft:
    return CourierDraft(
        "王芳", department, "李雷", "北京市海淀区中关村大街1号", company_id, tracking, cost_fen
    )


def at(clock: FixedClock, local: str) -> None:
    """Move the site's clock to ``local`` (Shanghai, UTC+8)."""
    clock.advance(seconds=(datetime.fromisoformat(local + "+08:00") - clock.now()).total_seconds())


def a_month_of_items(app: KioskApp, clock: FixedClock, who: SignedIn, boss: SignedIn) -> None:
    """November: SF carries IDC运维部 3 items (23.00 + 18.50 + 12.00) and 财务部 2 (15.00 + 15.00),
    EMS carries 行政部 1 (21.00); around them items the statement must leave out: one handed over on
    31 October, one on 1 December at 00:10 (the site's day), one still waiting, one voided after
    the hand-over."""
    sf, ems = company(app, "SF"), company(app, "EMS")
    service = app.courier
    at(clock, "2026-10-31T17:00:00")
    october = service.log(draft(sf, "SF1000000000001", cost_fen=9900), who)
    service.hand_over([october.item_id], "顺丰 刘师傅", True, who)
    at(clock, "2026-11-03T09:30:00")
    first = [
        service.log(draft(sf, "SF1000000000002", cost_fen=2300), who),
        service.log(draft(sf, "SF1000000000003", "财务部", 1500), who),
        service.log(draft(ems, "EA123456789CN", "行政部", 2100), who),
    ]
    service.hand_over([first[0].item_id, first[1].item_id], "顺丰 刘师傅", True, who)
    service.hand_over([first[2].item_id], "EMS 张师傅", True, who)
    at(clock, "2026-11-30T23:30:00")  # still November on the site's clock (15:30 UTC)
    last = [
        service.log(draft(sf, "SF1000000000004", "IDC运维部", 1850), who),
        service.log(draft(sf, "SF1000000000005", "ＩＤＣ运维部", 1200), who),  # full-width: one department
        service.log(draft(sf, "SF1000000000006", "财务部", 1500), who),
        service.log(draft(sf, "SF1000000000007", "财务部", 8800), who),
    ]
    service.hand_over([item.item_id for item in last], "顺丰 刘师傅", True, who)
    service.void(last[3].item_id, "快递员未取走，已退回财务部", boss)
    at(clock, "2026-12-01T00:10:00")
    december = service.log(draft(sf, "SF1000000000008", cost_fen=4400), who)
    service.hand_over([december.item_id], "顺丰 刘师傅", True, who)
    service.log(draft(sf, "SF1000000000009", cost_fen=5000), who)  # waiting


SF_TOTALS = {"IDC运维部": (3, 5350), "财务部": (2, 3000)}


def test_month_end_statement_prints_and_exports_the_same_totals_per_department(
    app: KioskApp, people: dict[str, SignedIn], clock: FixedClock, printer: FakePrinter, tmp_path: Path
) -> None:
    a_month_of_items(app, clock, people["clerk"], people["boss"])
    service = app.courier
    month = service.month(NOVEMBER)
    by_company = {s.company_code: s for s in month.statements}
    assert set(by_company) == {"SF", "EMS"}
    sf = by_company["SF"]
    assert {d.department: (d.count, d.cost_fen) for d in sf.departments} == SF_TOTALS
    assert (sf.count, sf.cost_fen, sf.voided) == (5, 8350, 1)
    assert [(d.department, d.count, d.cost_fen) for d in by_company["EMS"].departments] == [
        ("行政部", 1, 2100)
    ]

    outcome = service.print_statement(NOVEMBER, company(app, "SF"), people["clerk"], "zh_CN")
    assert outcome.printed and outcome.error is None
    text = parse_escpos(printer.documents[-1]).text_lines()
    assert "快递月结对账单" in text
    assert any(line.startswith("结算月份") and line.endswith("2026-11") for line in text)
    for label, figures in (("IDC运维部", "3 / ¥53.50"), ("财务部", "2 / ¥30.00"), ("合计", "5 / ¥83.50")):
        assert any(line.startswith(label) and line.endswith(figures) for line in text), (label, text)
    assert any(line.startswith("已作废（不计费）") and line.endswith("1") for line in text)

    path = service.export(NOVEMBER, tmp_path / "november.xlsx", "zh_CN")
    book = openpyxl.load_workbook(path, read_only=True)
    assert book.sheetnames == ["SF 顺丰速运", "EMS 中国邮政EMS", "寄件明细"]
    rows = list(book["SF 顺丰速运"].iter_rows(values_only=True))
    assert rows[0] == ("部门", "件数", "费用（元）")
    assert {r[0]: (r[1], round(r[2] * 100)) for r in rows[1:-1]} == SF_TOTALS
    assert rows[-1][0] == "合计" and (rows[-1][1], round(rows[-1][2] * 100)) == (5, 8350)
    items = list(book["寄件明细"].iter_rows(values_only=True))
    # Every item handed over in November, the voided one marked and out of the totals.
    assert len(items) - 1 == 7
    voided = [r for r in items if r[11] == "已作废"]
    assert len(voided) == 1 and voided[0][12] == "快递员未取走，已退回财务部"
    assert sum(round(r[9] * 100) for r in items[1:] if r[11] != "已作废") == 8350 + 2100
    book.close()


def test_english_workbook_and_an_empty_company_statement(
    app: KioskApp, people: dict[str, SignedIn], clock: FixedClock, printer: FakePrinter, tmp_path: Path
) -> None:
    service = app.courier
    outcome = service.print_statement(NOVEMBER, company(app, "JD"), people["clerk"], "en")
    assert outcome.printed
    text = parse_escpos(printer.documents[-1]).text_lines()
    assert "COURIER STATEMENT" in text and "Nothing sent this month" in text
    assert any(line.startswith("Total") and line.endswith("0 / ¥0.00") for line in text)
    path = service.export(NOVEMBER, tmp_path / "empty.xlsx", "en")
    book = openpyxl.load_workbook(path, read_only=True)
    assert book.sheetnames == ["Items"]
    book.close()


def test_a_handed_over_item_is_never_edited_and_only_a_supervisor_voids_it(
    app: KioskApp, people: dict[str, SignedIn]
) -> None:
    clerk, boss = people["clerk"], people["boss"]
    service, sf = app.courier, company(app, "SF")
    item = service.log(draft(sf, "SF2000000000001"), clerk)
    corrected = service.edit(item.item_id, draft(sf, "SF2000000000001", "财务部", 2600), clerk)
    assert (corrected.department, corrected.cost_fen) == ("财务部", 2600)
    batch = service.hand_over([item.item_id], "顺丰 刘师傅", True, clerk)
    assert [i.number for i in batch.items] == [item.number] and batch.courier_name == "顺丰 刘师傅"
    assert batch.items[0].status is CourierItemStatus.HANDED_OVER and batch.cost_fen == 2600
    with pytest.raises(ValidationError) as refused:
        service.edit(item.item_id, draft(sf, "SF2000000000001", cost_fen=100), clerk)
    assert (refused.value.field, refused.value.code) == ("courier_item", "is_handed_over")
    with pytest.raises(ValidationError) as refused:
        service.void(item.item_id, "寄错了", clerk)
    assert (refused.value.field, refused.value.code) == ("staff", "not_allowed")
    with pytest.raises(ValidationError) as refused:
        service.void(item.item_id, "  ", boss)
    assert (refused.value.field, refused.value.code) == ("reason", "required")
    voided = service.void(item.item_id, "快递公司未揽收", boss)
    assert voided.status is CourierItemStatus.VOIDED and voided.void_reason == "快递公司未揽收"
    assert voided.voided_by_name == "Boss" and voided.batch_number == batch.number
    with pytest.raises(ValidationError) as refused:
        service.void(item.item_id, "again", boss)
    assert refused.value.code == "is_voided"
    with app.database.sessions() as session:
        events = session.scalars(
            select(AuditEvent).where(
                AuditEvent.entity == "courier_item", AuditEvent.entity_id == str(item.item_id)
            )
        ).all()
    assert [e.action for e in events] == ["courier.logged", "courier.edited", "courier.voided"]
    assert json.loads(events[1].detail)["fields"] == ["cost_fen", "department"]
    assert json.loads(events[2].detail)["was"] == "handed_over"
    # A waiting item the department took back: the clerk voids it.
    back = service.log(draft(sf, "SF2000000000002"), clerk)
    assert service.void(back.item_id, "部门取回", clerk).status is CourierItemStatus.VOIDED


def test_a_batch_needs_the_couriers_name_their_tick_one_company_and_waiting_items(
    app: KioskApp, people: dict[str, SignedIn]
) -> None:
    clerk, service = people["clerk"], app.courier
    sf_item = service.log(draft(company(app, "SF"), "SF3000000000001"), clerk)
    ems_item = service.log(draft(company(app, "EMS"), "EB123456789CN"), clerk)

    def refused(ids: list[int], name: str = "刘师傅", tick: bool = True) -> tuple[str, str]:
        with pytest.raises(ValidationError) as error:
            service.hand_over(ids, name, tick, clerk)
        return error.value.field, error.value.code

    assert refused([]) == ("items", "required")
    assert refused([sf_item.item_id], name=" ") == ("courier_name", "required")
    assert refused([sf_item.item_id], tick=False) == ("signature", "required")
    assert refused([sf_item.item_id, ems_item.item_id]) == ("items", "mixed_companies")
    assert refused([999999]) == ("courier_item", "unknown")
    service.hand_over([sf_item.item_id, sf_item.item_id], "刘师傅", True, clerk)  # listed twice: once
    assert refused([sf_item.item_id]) == ("courier_item", "is_handed_over")
    assert service.item(ems_item.item_id).status is CourierItemStatus.LOGGED


def test_what_the_clerk_types_is_checked(app: KioskApp, people: dict[str, SignedIn]) -> None:
    clerk, service, sf = people["clerk"], app.courier, company(app, "SF")

    def refused(d: CourierDraft) -> tuple[str, str]:
        with pytest.raises(ValidationError) as error:
            service.log(d, clerk)
        return error.value.field, error.value.code

    good = draft(sf, "SF4000000000001")
    assert refused(CourierDraft("", *_after_sender(good))) == ("sender", "required")
    assert refused(draft(sf, "LKR:BX000001")) == ("tracking_number", "format")
    assert refused(draft(sf, "SF4000000000001", cost_fen=0)) == ("cost", "not_positive")
    assert refused(draft(999999, "SF4000000000001")) == ("company", "unknown")
    logged = service.log(draft(sf, "sf 4000-0000-0000-1"), clerk)  # spaces, dashes, small letters
    assert logged.tracking_number == "SF4000000000001" and logged.number.startswith("KD")
    # The same waybill twice is a double entry; voided, its number is free again.
    assert refused(draft(sf, "ＳＦ4000000000001")) == ("tracking_number", "duplicate")
    service.void(logged.item_id, "重复登记", clerk)
    assert service.log(draft(sf, "SF4000000000001"), clerk).status is CourierItemStatus.LOGGED


def _after_sender(d: CourierDraft) -> tuple[str, str, str, int, str, int]:
    return d.department, d.addressee, d.destination, d.company_id, d.tracking_number, d.cost_fen


def test_the_book_is_searched_by_tracking_number_department_and_day(
    app: KioskApp, people: dict[str, SignedIn], clock: FixedClock
) -> None:
    clerk, service, sf = people["clerk"], app.courier, company(app, "SF")
    at(clock, "2026-11-20T23:50:00")
    late = service.log(draft(sf, "SF5000000000001", "财务部 Finance"), clerk)
    at(clock, "2026-11-21T08:00:00")
    early = service.log(draft(sf, "SF5000000000002", "IDC运维部"), clerk)

    def found(search: str = "", day: date | None = None, which: str = "all") -> list[CourierItemView]:
        return service.listing(which, search, day)

    assert [i.item_id for i in found(" sf5000 0000 00002 ")] == [early.item_id]  # a scan, or typed
    assert [i.item_id for i in found("finance")] == [late.item_id]  # part of a department, any case
    assert [i.item_id for i in found(early.number.lower())] == [early.item_id]
    assert [i.item_id for i in found(day=date(2026, 11, 20))] == [late.item_id]  # the site's day
    assert [i.item_id for i in found(day=date(2026, 11, 21))] == [early.item_id]
    assert found("100%_") == []
    assert [i.item_id for i in found(which="waiting")] == [early.item_id, late.item_id]
    assert service.departments()[:2] == ["IDC运维部", "财务部 Finance"]
    assert early.logged_at == datetime(2026, 11, 21, 0, 0, tzinfo=UTC)


def test_supervisors_keep_the_list_of_companies(app: KioskApp, people: dict[str, SignedIn]) -> None:
    clerk, boss, service = people["clerk"], people["boss"], app.courier
    assert [c.code for c in service.companies()][:5] == ["SF", "EMS", "JD", "ZTO", "YTO"]
    with pytest.raises(ValidationError) as refused:
        service.add_company("DBL", "德邦快递", "Deppon", clerk)
    assert refused.value.code == "not_allowed"
    deppon = service.add_company(" dbl ", "德邦快递", "Deppon Express", boss)
    assert (deppon.code, deppon.active) == ("DBL", True)
    with pytest.raises(ValidationError) as refused:
        service.add_company("DBL", "德邦", "", boss)
    assert (refused.value.field, refused.value.code) == ("code", "duplicate")
    item = service.log(draft(deppon.company_id, "DPK123456789"), clerk)
    service.set_company_active(deppon.company_id, False, boss)
    assert "DBL" not in [c.code for c in service.companies()]
    assert "DBL" in [c.code for c in service.companies(include_retired=True)]
    with pytest.raises(ValidationError) as refused:
        service.log(draft(deppon.company_id, "DPK123456780"), clerk)
    assert (refused.value.field, refused.value.code) == ("company", "retired")
    # Its items stay, and go with the batch as any other.
    assert service.hand_over([item.item_id], "德邦 王师傅", True, clerk).company_code == "DBL"
