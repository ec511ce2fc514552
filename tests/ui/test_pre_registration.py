"""Pre-registration at the console, typed and tapped as a receptionist or a sales rep does."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDateTimeEdit,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QSpinBox,
    QTableView,
    QTimeEdit,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kiosk.app import KioskApp
from kiosk.devices.escpos.codec import parse_escpos
from kiosk.devices.fakes import FakePrinter
from kiosk.domain.staff import Role
from kiosk.services.audit import Actor
from kiosk.storage.models import AuditEvent, Invitation, InvitationGroup
from kiosk.ui.common.background import wait_for_background
from kiosk.ui.common.widgets import ERROR_STYLE
from kiosk.ui.console.desk_window import DeskWindow
from tests.conftest import FixedClock
from tests.ui.conftest import open_desk, type_text
from tests.ui.test_kiosk_window import find, tap


def test_sales_invite_a_group_which_prints_and_checks_in_at_the_kiosk(
    qtbot: QtBot, app: KioskApp, printer: FakePrinter
) -> None:
    desk = open_desk(qtbot, app, Role.SALES)
    assert "pre_register" in desk.sections()
    desk.show_section("pre_register")
    type_text(qtbot, find(desk, QLineEdit, "preRegHostEdit"), "wf")  # 王芳 by initials
    hosts = find(desk, QListWidget, "preRegHostList")
    qtbot.waitUntil(lambda: hosts.currentItem() is not None)
    assert "王芳" in hosts.currentItem().text()
    type_text(qtbot, find(desk, QLineEdit, "preRegUnitEdit"), "Acme Data")
    people = find(desk, QPlainTextEdit, "preRegPeopleEdit")
    people.setPlainText("欧阳娜娜，13800138000\nEmily Carter, emily@example.com\n\n")
    find(desk, QSpinBox, "preRegHeadcountSpin").setValue(4)
    type_text(qtbot, find(desk, QLineEdit, "preRegRequirementsEdit"), "Tea, projector")
    tap(qtbot, desk, "preRegInviteButton")
    status = find(desk, QLabel, "preRegStatus")
    qtbot.waitUntil(lambda: status.text() != "")
    assert status.text().startswith("Invited 2; codes: ")
    with app.database.sessions() as session:
        group = session.scalars(select(InvitationGroup)).one()
        assert (group.visiting_unit, group.headcount, group.requirements) == (
            "Acme Data",
            4,
            "Tea, projector",
        )
        invitations = session.scalars(select(Invitation).order_by(Invitation.id)).all()
        assert [(i.visitor_name, i.mobile, i.email) for i in invitations] == [
            ("欧阳娜娜", "13800138000", None),
            ("Emily Carter", None, "emily@example.com"),
        ]
        assert (
            session.scalars(
                select(AuditEvent.actor).where(AuditEvent.action == "invitation_group.created")
            ).one()
            == "staff:sales"
        )
        code = invitations[0].code
    table = find(desk, QTableView, "preRegTable")
    qtbot.waitUntil(lambda: table.model().rowCount() == 2)
    table.selectRow(0)
    tap(qtbot, desk, "preRegPrintButton")
    wait_for_background()
    qtbot.waitUntil(lambda: status.text() == "Invitation printed.", timeout=3000)
    assert f"Code: {code}" in parse_escpos(printer.documents[-1]).text_lines()
    # The printed code works at the kiosk.
    assert app.checkin.find_invitation(code).company == "Acme Data"


def wait_for_host(qtbot: QtBot, desk: DeskWindow) -> None:
    """The directory answers in the background: the best match is chosen when it has."""
    hosts = find(desk, QListWidget, "preRegHostList")
    qtbot.waitUntil(lambda: hosts.currentItem() is not None)


def test_a_bad_line_is_named_and_nothing_is_stored(qtbot: QtBot, app: KioskApp) -> None:
    desk = open_desk(qtbot, app, Role.RECEPTIONIST)
    desk.show_section("pre_register")
    type_text(qtbot, find(desk, QLineEdit, "preRegHostEdit"), "王芳")
    wait_for_host(qtbot, desk)
    type_text(qtbot, find(desk, QLineEdit, "preRegUnitEdit"), "Acme Data")
    find(desk, QPlainTextEdit, "preRegPeopleEdit").setPlainText("欧阳娜娜\nEmily Carter, 12345\n")
    tap(qtbot, desk, "preRegInviteButton")
    status = find(desk, QLabel, "preRegStatus")
    qtbot.waitUntil(lambda: status.text() != "")
    assert status.text().startswith("Line 2: ")
    with app.database.sessions() as session:
        assert session.scalars(select(Invitation)).all() == []


def test_a_guard_has_no_pre_registration(qtbot: QtBot, app: KioskApp) -> None:
    desk = open_desk(qtbot, app, Role.GUARD)
    assert "pre_register" not in desk.sections()
    page = desk.pre_registration
    page.host_edit.setText("王芳")
    page.people_edit.setPlainText("欧阳娜娜")
    page.invite_button.click()  # even if reached, the page checks the role again
    assert page.status.text() == "Your role cannot pre-register visitors."


def test_an_evening_invitation_defaults_to_tomorrow_and_works_at_the_kiosk(
    qtbot: QtBot, app: KioskApp, clock: FixedClock, printer: FakePrinter
) -> None:
    desk = open_desk(qtbot, app, Role.RECEPTIONIST)
    desk.show_section("pre_register")
    date_edit = find(desk, QDateEdit, "preRegDateEdit")
    assert date_edit.text() == "2026-11-25"  # 10:00: today's office hours are still open
    desk.show_section("board")
    clock.advance(hours=8, minutes=42)  # 18:42, the evening shift
    desk.show_section("pre_register")
    assert date_edit.text() == "2026-11-26"
    assert find(desk, QTimeEdit, "preRegFromEdit").text() == "09:00"
    assert find(desk, QTimeEdit, "preRegUntilEdit").text() == "18:00"
    type_text(qtbot, find(desk, QLineEdit, "preRegHostEdit"), "wf")
    wait_for_host(qtbot, desk)
    type_text(qtbot, find(desk, QPlainTextEdit, "preRegPeopleEdit"), "Emily Carter, 13800138000")
    tap(qtbot, desk, "preRegInviteButton")
    status = find(desk, QLabel, "preRegStatus")
    qtbot.waitUntil(lambda: status.text() != "")
    assert status.text().startswith("Invited 1; codes: ") and status.property("error") is False
    code = status.text().rsplit(" ", 1)[-1]
    table = find(desk, QTableView, "preRegTable")
    qtbot.waitUntil(lambda: table.model().rowCount() == 1)
    table.selectRow(0)
    tap(qtbot, desk, "preRegPrintButton")
    wait_for_background()
    qtbot.waitUntil(lambda: status.text() == "Invitation printed.", timeout=3000)
    lines = parse_escpos(printer.documents[-1]).text_lines()
    assert any(line.endswith("2026-11-26 09:00") for line in lines), lines  # site time, not UTC
    clock.advance(hours=15, minutes=18)  # the next morning at 10:00, at the kiosk
    assert app.checkin.find_invitation(code).host_name == "王芳"


def test_an_ended_window_is_refused_in_red_and_never_printed(
    qtbot: QtBot, app: KioskApp, clock: FixedClock, printer: FakePrinter
) -> None:
    host = app.directory.search("王芳")[0].host_id
    start = clock.now()
    app.invitations.invite("Emily Carter", host, start, start + timedelta(hours=2), Actor.desk("d"))
    clock.advance(hours=8, minutes=42)
    desk = open_desk(qtbot, app, Role.RECEPTIONIST)
    desk.show_section("pre_register")
    status = find(desk, QLabel, "preRegStatus")
    table = find(desk, QTableView, "preRegTable")
    qtbot.waitUntil(lambda: table.model().rowCount() == 1)
    table.selectRow(0)
    tap(qtbot, desk, "preRegPrintButton")
    wait_for_background()
    qtbot.waitUntil(lambda: status.text() != "", timeout=3000)
    assert status.text() == (
        "This invitation ended at 2026-11-25 12:00: the kiosk would refuse its code. "
        "Create a new invitation instead."
    )
    assert status.property("error") is True and ERROR_STYLE in status.styleSheet()
    assert printer.documents == []
    # A window the clerk sets to today's ended hours is refused before any code exists.
    find(desk, QDateEdit, "preRegDateEdit").setDate(QDate(2026, 11, 25))
    type_text(qtbot, find(desk, QLineEdit, "preRegHostEdit"), "王芳")
    wait_for_host(qtbot, desk)
    type_text(qtbot, find(desk, QPlainTextEdit, "preRegPeopleEdit"), "欧阳娜娜")
    refused = status.text()
    tap(qtbot, desk, "preRegInviteButton")
    qtbot.waitUntil(lambda: status.text() != refused)
    assert status.text() == "This time window ended at 2026-11-25 18:00. Please choose a later date or time."
    assert status.property("error") is True
    with app.database.sessions() as session:
        assert len(session.scalars(select(Invitation)).all()) == 1


def test_a_name_with_a_phone_number_is_refused_in_red(qtbot: QtBot, app: KioskApp) -> None:
    desk = open_desk(qtbot, app, Role.RECEPTIONIST)
    desk.show_section("pre_register")
    type_text(qtbot, find(desk, QLineEdit, "preRegHostEdit"), "王芳")
    wait_for_host(qtbot, desk)
    type_text(qtbot, find(desk, QPlainTextEdit, "preRegPeopleEdit"), "王五 13700001234")
    tap(qtbot, desk, "preRegInviteButton")
    status = find(desk, QLabel, "preRegStatus")
    qtbot.waitUntil(lambda: status.text() != "")
    assert status.text() == "Your name cannot contain “1”. Please use letters only."
    assert status.property("error") is True and ERROR_STYLE in status.styleSheet()
    image = status.grab().toImage()
    reds = [
        image.pixelColor(x, y)
        for x in range(image.width())
        for y in range(image.height())
        if image.pixelColor(x, y).red() > 120 and image.pixelColor(x, y).green() < 80
    ]
    assert reds, "the message is not drawn in red"
    people = find(desk, QPlainTextEdit, "preRegPeopleEdit")
    people.clear()
    type_text(qtbot, people, "王五, 13700001234")
    tap(qtbot, desk, "preRegInviteButton")
    qtbot.waitUntil(lambda: status.text().startswith("Invited"))
    assert status.text().startswith("Invited 1; codes: ") and status.property("error") is False


def test_every_date_on_the_desk_reads_year_month_day(qtbot: QtBot, app: KioskApp) -> None:
    desk = open_desk(qtbot, app, Role.ADMIN)
    desk.every_page()  # made when first shown: all of them, for every date on the console
    edits = desk.findChildren(QDateTimeEdit)  # QDateEdit and QTimeEdit too
    assert len(edits) >= 6
    for edit in edits:
        # A month on its own (the monthly figures' picker) reads year-month, as a day reads it.
        assert edit.displayFormat() in ("yyyy-MM-dd", "HH:mm", "yyyy-MM-dd HH:mm", "yyyy-MM"), (
            edit.objectName()
        )
    assert find(desk, QDateEdit, "preRegDateEdit").text() == "2026-11-25"
