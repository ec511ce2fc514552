"""The thin path through the services: check in -> visit stored -> badge printed -> on site."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from kiosk.app import KioskApp
from kiosk.devices.escpos.codec import parse_escpos
from kiosk.devices.fakes import FakePrinter
from kiosk.devices.interfaces import PrinterStatus
from kiosk.domain.errors import ValidationError
from kiosk.services.checkin import CheckInRequest
from kiosk.storage.models import AuditEvent, PrintJob, PrintJobStatus, Visit, VisitStatus


def host_id(app: KioskApp, name: str) -> int:
    return next(h.host_id for h in app.directory.search(name) if h.name == name)


def audit_actions(app: KioskApp) -> list[tuple[str, str, str]]:
    with app.database.sessions() as session:
        return [
            (e.action, e.entity, e.entity_id)
            for e in session.scalars(select(AuditEvent).order_by(AuditEvent.id))
        ]


def test_check_in_stores_the_visit_prints_the_badge_and_lists_the_visitor(
    app: KioskApp, printer: FakePrinter
) -> None:
    result = app.checkin.check_in(
        CheckInRequest("  张三 ", host_id(app, "王芳"), company="华南数据科技有限公司"), app.actor
    )

    assert result.badge_printed and result.print_error is None
    assert result.badge_number == "V000001"
    with app.database.sessions() as session:
        visit = session.get_one(Visit, result.visit_id)
        assert (visit.visitor_name, visit.company, visit.status) == (
            "张三",
            "华南数据科技有限公司",
            VisitStatus.ON_SITE,
        )
        assert visit.valid_until - visit.checked_in_at == timedelta(hours=8)
        assert visit.checked_in_at == datetime(2026, 11, 25, 2, 0, tzinfo=UTC)

    # What reached the printer, decoded with our own ESC/POS parser.
    assert len(printer.documents) == 1
    printout = parse_escpos(printer.documents[0])
    text = "\n".join(printout.text_lines())
    for expected in ("张三", "华南数据科技有限公司", "王芳", "V000001", "10:00"):
        assert expected in text
    assert printout.qr_codes() == ["LKV:V000001"]
    assert printout.cuts() == 1

    [row] = app.lobby.on_site()
    assert (row.visitor_name, row.host_name, row.badge_number, row.badge_printed) == (
        "张三",
        "王芳",
        "V000001",
        True,
    )

    actions = audit_actions(app)
    assert ("visit.checked_in", "visit", str(result.visit_id)) in actions
    assert ("print_job.printed", "print_job", "1") in actions


def test_english_badge_in_the_visitors_language(app: KioskApp, printer: FakePrinter) -> None:
    app.checkin.check_in(CheckInRequest("Emily Carter", host_id(app, "张三"), language="en"), app.actor)
    text = "\n".join(parse_escpos(printer.documents[0]).text_lines())
    assert "Emily Carter" in text and "Host" in text


def test_badge_numbers_follow_each_other(app: KioskApp) -> None:
    numbers = [
        app.checkin.check_in(CheckInRequest(f"访客{n}", host_id(app, "李四")), app.actor).badge_number
        for n in "甲乙丙"
    ]
    assert numbers == ["V000001", "V000002", "V000003"]


def test_printer_offline_keeps_the_visit_and_the_job_for_the_desk(
    app: KioskApp, printer: FakePrinter
) -> None:
    printer.state = PrinterStatus.OFFLINE
    result = app.checkin.check_in(CheckInRequest("李雷", host_id(app, "李四")), app.actor)

    assert not result.badge_printed and "offline" in (result.print_error or "")
    [row] = app.lobby.on_site()
    assert row.visitor_name == "李雷" and row.badge_status is PrintJobStatus.FAILED
    with app.database.sessions() as session:
        job = session.scalars(select(PrintJob)).one()
        assert (job.status, job.attempts, job.printer) == (PrintJobStatus.FAILED, 1, None)
        assert job.last_error == "fake-printer: offline"
        failed = session.scalars(select(AuditEvent).where(AuditEvent.action == "print_job.failed")).one()
        assert json.loads(failed.detail)["error"] == "fake-printer: offline"

    # The desk sends it again once the printer is back: printed once, no duplicate.
    printer.state = PrinterStatus.ONLINE
    outcome = app.lobby.print_badge_again(row.visit_id, app.actor)
    assert outcome.printed and outcome.printer == "fake-printer"
    assert len(printer.documents) == 1
    assert app.lobby.on_site()[0].badge_printed
    # Pressed again: a reprint, marked as a copy.
    assert app.lobby.print_badge_again(row.visit_id, app.actor).printed
    assert len(printer.documents) == 2
    assert "副本 / COPY" in parse_escpos(printer.documents[1]).text_lines()


def test_invalid_input_stores_nothing_and_prints_nothing(app: KioskApp, printer: FakePrinter) -> None:
    with pytest.raises(ValidationError) as info:
        app.checkin.check_in(CheckInRequest("\x1b@", host_id(app, "李四")), app.actor)
    assert (info.value.code, info.value.params) == ("invalid_character", {"char": "@"})
    with pytest.raises(ValidationError) as info:
        app.checkin.check_in(CheckInRequest("张三", 9999), app.actor)
    assert (info.value.field, info.value.code) == ("host", "unknown")
    assert printer.documents == []
    with app.database.sessions() as session:
        assert session.scalars(select(Visit)).all() == []


def test_printer_commands_in_a_name_never_reach_the_printer(app: KioskApp, printer: FakePrinter) -> None:
    app.checkin.check_in(
        CheckInRequest("张三", host_id(app, "李四"), company="\x1b@\x1dV Evil Co"), app.actor
    )
    data = printer.documents[0]
    assert data.count(b"\x1b@") == 1 and data.startswith(b"\x1b@")  # only our own init
    assert b"\x1dV Evil" not in data
    assert "@V Evil Co" in "\n".join(parse_escpos(data).text_lines())


def test_check_out_records_the_time_and_refuses_twice(app: KioskApp, clock: object) -> None:
    result = app.checkin.check_in(CheckInRequest("韩梅梅", host_id(app, "李四")), app.actor)
    app.lobby.check_out(result.visit_id, app.actor)
    assert app.lobby.on_site() == []
    with pytest.raises(ValidationError) as info:
        app.lobby.check_out(result.visit_id, app.actor)
    assert info.value.code == "already_checked_out"
    assert ("visit.checked_out", "visit", str(result.visit_id)) in audit_actions(app)
