"""CSV imports as sites hand them over: the staff directory, owner/tenant records and the fee ledger
in UTF-8 (BOM or not) or GB18030, Chinese or English headers; bad rows by line number; nothing
imported from a file with errors unless told to skip them; re-imports add nothing twice."""

from __future__ import annotations

import csv
import io
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import func, select

from kiosk.app import KioskApp
from kiosk.domain.documents import PartyKind
from kiosk.domain.imports import RESIDENT_COLUMNS
from kiosk.services.audit import Actor
from kiosk.services.csv_import import ImportFileError, ImportReport, read_table
from kiosk.storage.models import AuditEvent, FeeLedgerEntry, Host, Resident

WHO = Actor("cli", "admin")

RESIDENTS_ZH = """房号,姓名,身份,电话
1-101,赵伟,业主,13875090595
1-102,林静,业主,13845265254
1-102,周伟,租户,13729552354
"""
RESIDENTS_EN = """Unit,Name,Kind,Phone
1-101,赵伟,owner,13875090595
1-102,林静,Owner,13845265254
1-102,周伟,TENANT,137 2955 2354
"""
FEES = """房号,缴费人,月份,应收,实收
1-101,业主,2026-09,350.00,350.00
1-101,业主,2026-10,350.00,0
1-102,租户,2026/10,"1,280.50",¥1280.50
"""
DIRECTORY = """姓名,部门,分机,手机,邮箱
徐敏,客服中心,8000,13997366946,Staff00@Example.com
李娜,保安部,8001,13981924865,staff01@example.com
刘勇,财务部,,,
"""


def encode(text: str, encoding: str, crlf: bool = False) -> bytes:
    if crlf:
        text = text.replace("\n", "\r\n")
    return text.encode(encoding)


def residents(app: KioskApp) -> list[tuple[str, str, PartyKind, str]]:
    with app.database.sessions() as session:
        rows = session.scalars(select(Resident).order_by(Resident.unit, Resident.name))
        return [(r.unit, r.name, r.kind, r.phone) for r in rows]


def ledger(app: KioskApp) -> list[tuple[str, PartyKind, str, int, int]]:
    with app.database.sessions() as session:
        rows = session.scalars(select(FeeLedgerEntry).order_by(FeeLedgerEntry.unit, FeeLedgerEntry.month))
        return [(e.unit, e.payer, e.month, e.due_fen, e.paid_fen) for e in rows]


def hosts(app: KioskApp) -> int:
    with app.database.sessions() as session:
        return session.scalar(select(func.count(Host.id))) or 0


def audit(app: KioskApp, action: str) -> list[dict[str, object]]:
    with app.database.sessions() as session:
        rows = session.scalars(select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id))
        return [json.loads(e.detail) for e in rows]


def import_residents(app: KioskApp, text: str, skip: bool = False, encoding: str = "utf-8") -> ImportReport:
    return app.residents.import_residents(text.encode(encoding), "residents.csv", WHO, skip)


# -- good files ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "crlf", "expected"),
    [("utf-8", False, "utf-8"), ("utf-8-sig", True, "utf-8-sig"), ("gb18030", True, "gb18030")],
)
@pytest.mark.parametrize("text", [RESIDENTS_ZH, RESIDENTS_EN], ids=["chinese-headers", "english-headers"])
def test_residents_in_any_encoding_and_either_language(
    app: KioskApp, text: str, encoding: str, crlf: bool, expected: str
) -> None:
    report = app.residents.import_residents(encode(text, encoding, crlf), "residents.csv", WHO)
    assert (report.imported, report.encoding, report.rows) == (True, expected, 3)
    assert (report.added, report.updated, report.unchanged, report.skipped) == (3, 0, 0, 0)
    assert residents(app) == [
        ("1-101", "赵伟", PartyKind.OWNER, "13875090595"),
        ("1-102", "周伟", PartyKind.TENANT, "13729552354"),
        ("1-102", "林静", PartyKind.OWNER, "13845265254"),
    ]
    assert audit(app, "residents.imported")[-1]["added"] == 3


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030"])
def test_the_fee_ledger_in_yuan_becomes_fen_per_unit_payer_and_month(app: KioskApp, encoding: str) -> None:
    import_residents(app, RESIDENTS_ZH)
    report = app.residents.import_fees(encode(FEES, encoding, crlf=True), "fees.csv", WHO)
    assert report.imported and report.added == 3
    assert ledger(app) == [
        ("1-101", PartyKind.OWNER, "2026-09", 35000, 35000),
        ("1-101", PartyKind.OWNER, "2026-10", 35000, 0),
        ("1-102", PartyKind.TENANT, "2026-10", 128050, 128050),
    ]
    assert app.residents.unit("1-101").owner_arrears.months == ("2026-10",)


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_the_directory_as_excel_saves_it(app: KioskApp, encoding: str) -> None:
    before = hosts(app)  # demo mode starts with a demo directory
    report = app.directory.import_file(encode(DIRECTORY, encoding, crlf=True), "directory.csv", WHO)
    assert report.imported and report.encoding == encoding and report.added == 3
    assert hosts(app) == before + 3
    with app.database.sessions() as session:
        xu = session.scalar(select(Host).where(Host.email == "staff00@example.com"))
        liu = session.scalar(select(Host).where(Host.name == "刘勇", Host.department == "财务部"))
    assert xu is not None and (xu.name, xu.extension, xu.mobile, xu.pinyin) == (
        "徐敏",
        "8000",
        "13997366946",
        "xumin",
    )
    assert liu is not None and (liu.extension, liu.mobile, liu.email) == (None, None, None)


def test_extra_columns_are_ignored_with_a_notice(app: KioskApp) -> None:
    text = "房号,备注,姓名,身份,电话,\n1-101,钥匙已交,赵伟,业主,13875090595,\n"
    report = import_residents(app, text)
    assert report.imported and report.ignored_columns == ("备注",)
    assert residents(app) == [("1-101", "赵伟", PartyKind.OWNER, "13875090595")]


# -- bad rows and bad files --------------------------------------------------------------------------

BAD_RESIDENTS = """房号,姓名,身份,电话
1-101,赵伟,业主,13875090595
1-102,林静,业主,13845265254

1-199,,业主,13800000000
1-103,朱超,房东,13859560375
1-104,孙丽,业主,138
一号楼,何丽,租户,13811112222
1-101,赵伟,租户,13875090595
"""


def test_bad_rows_are_reported_by_line_and_nothing_is_imported(app: KioskApp) -> None:
    report = import_residents(app, BAD_RESIDENTS)
    assert not report.imported and report.skipped == 0
    assert [(b.line, b.column, b.code) for b in report.bad_rows] == [
        (5, "name", "required"),
        (6, "kind", "unknown_kind"),
        (7, "phone", "format"),
        (8, "unit", "format"),
        (9, "unit and name", "duplicate"),
    ]
    assert report.bad_rows[1].reason == "kind “房东” is neither 业主/owner nor 租户/tenant"
    assert report.bad_rows[4].reason == "the same unit and name as line 2"
    assert residents(app) == []
    assert audit(app, "residents.import_refused")[-1]["bad_lines"] == [5, 6, 7, 8, 9]


def test_skipping_bad_rows_imports_the_rest_and_lists_them(app: KioskApp) -> None:
    report = import_residents(app, BAD_RESIDENTS, skip=True)
    assert report.imported and (report.added, report.skipped) == (2, 5)
    assert [name for _u, name, _k, _p in residents(app)] == ["赵伟", "林静"]
    assert audit(app, "residents.imported")[-1]["skipped_lines"] == [5, 6, 7, 8, 9]


def test_fees_for_units_not_on_record_and_bad_amounts_are_bad_rows(app: KioskApp) -> None:
    import_residents(app, RESIDENTS_ZH)
    text = """unit,payer,month,due,paid
1-101,owner,2026-09,350.00,350.00
9-909,owner,2026-09,350.00,350.00
1-101,owner,2026-13,350.00,350.00
1-101,owner,2026-10,350.005,0
1-101,owner,2026-11,-1,0
1-101,房东,2026-11,350,0
1-101,owner,2026-09,350.00,0
"""
    report = app.residents.import_fees(text.encode(), "fees.csv", WHO)
    assert not report.imported
    assert [(b.line, b.column, b.code) for b in report.bad_rows] == [
        (3, "unit", "unknown_unit"),
        (4, "month", "format"),
        (5, "due", "not_an_amount"),
        (6, "due", "not_an_amount"),
        (7, "payer", "unknown_kind"),
        (8, "unit, payer and month", "duplicate"),
    ]
    assert ledger(app) == []
    skipped = app.residents.import_fees(text.encode(), "fees.csv", WHO, skip_bad_rows=True)
    assert skipped.imported and (skipped.added, skipped.skipped) == (1, 6)


def test_directory_rows_with_bad_numbers_or_addresses_are_reported(app: KioskApp) -> None:
    before = hosts(app)
    text = """name,department,extension,mobile,email
徐敏,客服中心,8000,13997366946,staff00@example.com
李娜,保安部,80-01,,
刘勇,财务部,,1398192,
何丽,行政部,,,not-an-address
张伟,,,,
陈静,工程部,,,STAFF00@example.com
"""
    report = app.directory.import_file(text.encode("utf-8-sig"), "directory.csv", WHO)
    assert not report.imported
    assert [(b.line, b.column, b.code) for b in report.bad_rows] == [
        (3, "extension", "digits"),
        (4, "mobile", "format"),
        (5, "email", "format"),
        (6, "department", "required"),
        (7, "e-mail, or name and department", "duplicate"),
    ]
    assert hosts(app) == before
    skipped = app.directory.import_file(text.encode("utf-8-sig"), "directory.csv", WHO, skip_bad_rows=True)
    assert (skipped.added, skipped.skipped) == (1, 5) and hosts(app) == before + 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "the file is empty: a header row is required"),
        ("房号,姓名,电话\n1-101,赵伟,138\n".encode(), "required column missing: kind (身份)"),
        ("房号,unit,姓名,身份,电话\n".encode(), "column unit (房号) appears twice"),
        (b"\xef\xbb\xbf\xff\xfe", "the file starts as UTF-8 but byte 0 is not UTF-8"),
        (b"unit,name\n\xff\xff\xff", "the file is neither UTF-8 nor GB18030 text"),
    ],
)
def test_a_file_that_cannot_be_read_stops_with_the_reason(app: KioskApp, data: bytes, message: str) -> None:
    with pytest.raises(ImportFileError) as caught:
        app.residents.import_residents(data, "residents.csv", WHO)
    assert str(caught.value) == message
    assert residents(app) == []


# -- re-imports ----------------------------------------------------------------------------------------


def test_reimporting_changes_nothing_and_a_changed_row_updates_its_record(app: KioskApp) -> None:
    import_residents(app, RESIDENTS_ZH)
    again = import_residents(app, RESIDENTS_EN, encoding="gb18030")  # the same people, other headers
    assert (again.added, again.updated, again.unchanged) == (0, 0, 3)
    changed = RESIDENTS_ZH.replace("13729552354", "13700000000") + "1-103,朱超,业主,13859560375\n"
    report = import_residents(app, changed)
    assert (report.added, report.updated, report.unchanged) == (1, 1, 2)
    assert len(residents(app)) == 4
    assert ("1-102", "周伟", PartyKind.TENANT, "13700000000") in residents(app)


def test_reimporting_the_ledger_updates_months_and_overrides_desk_settlements(app: KioskApp) -> None:
    import_residents(app, RESIDENTS_ZH)
    app.residents.import_fees(FEES.encode(), "fees.csv", WHO)
    again = app.residents.import_fees(FEES.encode("gb18030"), "fees.csv", WHO)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 3)
    with app.database.sessions.begin() as session:
        app.residents.settle(session, "1-101", PartyKind.OWNER, "R000009", WHO)
    assert app.residents.unit("1-101").owner_arrears.count == 0
    # The property-management system has not seen the desk's receipt yet: its figures win.
    report = app.residents.import_fees(FEES.encode(), "fees.csv", WHO)
    assert (report.added, report.updated, report.unchanged) == (0, 1, 2)
    assert app.residents.unit("1-101").owner_arrears.count == 1
    with app.database.sessions() as session:
        assert session.scalars(select(FeeLedgerEntry.settled_by_receipt)).all() == [None, None, None]


def test_reimporting_the_directory_matches_by_email_then_name_and_department(app: KioskApp) -> None:
    app.directory.import_file(DIRECTORY.encode(), "directory.csv", WHO)
    before = hosts(app)
    moved = DIRECTORY.replace("徐敏,客服中心,8000", "徐敏,行政部,8010").replace(
        "刘勇,财务部,,,", "刘勇,财务部,8002,,"
    )
    report = app.directory.import_file(moved.encode("gb18030"), "directory.csv", WHO)
    assert (report.added, report.updated, report.unchanged) == (0, 2, 1)
    assert hosts(app) == before
    with app.database.sessions() as session:
        xu = session.scalar(select(Host).where(Host.email == "staff00@example.com"))
        assert xu is not None and (xu.department, xu.extension) == ("行政部", "8010")


# -- the reader, for any cells ---------------------------------------------------------------------------

cell = st.text(alphabet=st.characters(exclude_categories=["Cs"], exclude_characters="\x00\r"), max_size=12)


@given(st.lists(st.tuples(cell, cell, cell, cell), max_size=8), st.sampled_from(["utf-8", "utf-8-sig"]))
def test_the_reader_returns_every_non_blank_row_with_its_line_number(
    rows: list[tuple[str, str, str, str]], encoding: str
) -> None:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["unit", "姓名", "kind", "电话"])
    writer.writerows(rows)
    table = read_table(buffer.getvalue().encode(encoding), RESIDENT_COLUMNS)
    expected = []
    line = 2
    for row in rows:
        if any(value.strip() for value in row):
            expected.append((line, dict(zip(("unit", "name", "kind", "phone"), row, strict=True))))
        # A quoted cell may hold line breaks: the next row starts that many lines further on.
        line += 1 + sum(value.count("\n") for value in row)
    assert table.rows == expected
