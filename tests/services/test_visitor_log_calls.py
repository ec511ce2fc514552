"""The visitor log names who registered each visitor (the clerk of a desk walk-in, the kiosk of a
self check-in) and the desk's calls about the visit, in its rows and its CSV/XLSX export, with
the calls of a page or an export batch fetched in one query (#20 items 1-3 in the log)."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import event

from kiosk.app import KioskApp
from kiosk.domain.calls import CallAnswer, CallChannel, CallDraft, Callee, WalkInRequest
from kiosk.domain.staff import Role
from kiosk.domain.views import CheckInRequest
from kiosk.domain.visitor_log import parse_filter
from kiosk.services import visitor_log
from kiosk.services.audit import Actor
from tests.services.test_desk_visits import CLERK, DESK, RESIDENTS_CSV, staff_host

TODAY = date(2026, 11, 25)  # the fixture clock's day (10:00 Shanghai)
SUPERVISOR = Actor("staff", "boss")
# The desk's words in Chinese, as the console sends them with an export.
WORDS = {
    "call.intercom": "对讲",
    "call.phone": "电话",
    "call.agreed": "同意",
    "call.declined": "不同意",
    "call.no_answer": "无人接听",
    "registered.kiosk": "自助机",
}


@pytest.fixture
def visits(app: KioskApp) -> tuple[int, int, int]:
    """A walk-in to unit 2-104 registered by 李娜 (the intercom unanswered, then a resident agreed
    on the phone), a kiosk visitor the desk phoned the host about, a kiosk visitor with no call."""
    assert app.residents.import_residents(RESIDENTS_CSV.encode(), "r.csv", Actor("cli", "pm")).imported
    resident = next(r for r in app.desk_visits.unit("2-104", CLERK).residents if r.name == "周敏")
    walk_in = WalkInRequest(
        CheckInRequest("刘奶奶", 0, declaration_accepted=True, purpose="探亲"), "2-104", resident.resident_id
    )
    desk = app.desk_visits.register(walk_in, CLERK, DESK).visit_id
    app.desk_visits.record_call(
        desk, CallDraft(Callee.UNIT, CallChannel.INTERCOM, "2-104", CallAnswer.NO_ANSWER), CLERK
    )
    app.desk_visits.record_call(
        desk,
        CallDraft(
            Callee.RESIDENT,
            CallChannel.PHONE,
            "13729552354",
            CallAnswer.AGREED,
            resident.resident_id,
            "马上下来",
        ),
        CLERK,
    )
    kiosk = Actor.kiosk("kiosk-1")
    called = app.checkin.check_in(
        CheckInRequest("张三", staff_host(app), declaration_accepted=True), kiosk
    ).visit_id
    app.desk_visits.record_call(
        called, CallDraft(Callee.HOST, CallChannel.PHONE, "8101", CallAnswer.DECLINED, note="在开会"), CLERK
    )
    quiet = app.checkin.check_in(CheckInRequest("李四", staff_host(app), declaration_accepted=True), kiosk)
    return desk, called, quiet.visit_id


def test_rows_say_who_registered_the_visitor_and_every_call_in_order(
    app: KioskApp, visits: tuple[int, int, int]
) -> None:
    desk, called, quiet = visits
    rows = {r.visit_id: r for r in app.visitor_log.search(parse_filter(TODAY, TODAY)).rows}
    assert (rows[desk].registered_by, rows[desk].resident_name, rows[desk].host_name) == (
        "李娜",
        "周敏",
        "2-104",
    )
    assert [
        (c.channel, c.number, c.callee_name, c.answer, c.called_by, c.note) for c in rows[desk].calls
    ] == [
        (CallChannel.INTERCOM, "2-104", "2-104", CallAnswer.NO_ANSWER, "李娜", ""),
        (CallChannel.PHONE, "13729552354", "周敏", CallAnswer.AGREED, "李娜", "马上下来"),
    ]
    assert (rows[called].registered_by, rows[called].station) == ("", "kiosk-1")
    assert [(c.callee_name, c.answer) for c in rows[called].calls] == [("王芳", CallAnswer.DECLINED)]
    assert (rows[quiet].registered_by, rows[quiet].calls) == ("", ())


def _exported(app: KioskApp, fmt: str, path: Path) -> dict[str, dict[str, Any]]:
    """The export's rows by visit number, each as heading -> cell (an XLSX row read back ends at
    its last cell that holds something)."""
    app.visitor_log.export(parse_filter(TODAY, TODAY), fmt, path, SUPERVISOR, Role.SUPERVISOR, labels=WORDS)
    if fmt == "csv":
        with path.open(encoding="utf-8-sig", newline="") as fh:
            table = list(csv.reader(fh))
    else:
        table = [list(r) for r in load_workbook(path, read_only=True).active.iter_rows(values_only=True)]
    headers, *body = table
    assert tuple(headers) == visitor_log.EXPORT_HEADERS
    return {str(row[0]): dict(zip(headers, row, strict=False)) for row in body}


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_export_has_registered_by_and_the_calls_in_the_desks_words(
    app: KioskApp, visits: tuple[int, int, int], tmp_path: Path, fmt: str
) -> None:
    desk, called, quiet = visits
    rows = _exported(app, fmt, tmp_path / f"log.{fmt}")
    assert rows[str(desk)]["Registered by"] == "李娜"
    assert rows[str(desk)]["Calls"] == (
        "10:00 对讲 2-104 无人接听 (李娜); 10:00 电话 13729552354 周敏 同意 — 马上下来 (李娜)"
    )
    assert rows[str(called)]["Registered by"] == "自助机 kiosk-1"
    assert rows[str(called)]["Calls"] == "10:00 电话 8101 王芳 不同意 — 在开会 (李娜)"
    assert rows[str(quiet)].get("Calls") in ("", None)


def test_a_page_and_each_export_batch_fetch_their_calls_in_one_query(
    app: KioskApp, visits: tuple[int, int, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for n in range(7):  # more visits, each with a call: the query count must not grow with them
        visit_id = app.checkin.check_in(
            CheckInRequest("访客" + "甲乙丙丁戊己庚"[n], staff_host(app), declaration_accepted=True),
            Actor.kiosk("kiosk-1"),
        ).visit_id
        app.desk_visits.record_call(
            visit_id, CallDraft(Callee.HOST, CallChannel.PHONE, "8101", CallAnswer.NO_ANSWER), CLERK
        )
    statements: list[str] = []

    def seen(*args: Any) -> None:
        statements.append(args[2])

    event.listen(app.database.engine, "before_cursor_execute", seen)
    try:
        with counting(statements) as calls_queries:
            page = app.visitor_log.search(parse_filter(TODAY, TODAY))
        assert len(page.rows) == 10 and sum(len(r.calls) for r in page.rows) == 10
        assert calls_queries() == 1
        # Batches of four rows: ten rows are three batches, so three queries for their calls.
        monkeypatch.setattr(visitor_log, "_BATCH", 4)
        with counting(statements) as calls_queries:
            rows = _exported(app, "csv", tmp_path / "log.csv")
        assert len(rows) == 10
        assert calls_queries() == 3
    finally:
        event.remove(app.database.engine, "before_cursor_execute", seen)


@contextmanager
def counting(statements: list[str]) -> Iterator[Callable[[], int]]:
    """How many of the statements run since the block began read visit_calls."""
    start = len(statements)
    yield lambda: sum("FROM visit_calls" in s for s in statements[start:])
