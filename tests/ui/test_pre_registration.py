"""Pre-registration at the console, typed and tapped as a receptionist or a sales rep does."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QPlainTextEdit, QSpinBox, QTableView
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kiosk.app import KioskApp
from kiosk.devices.escpos.codec import parse_escpos
from kiosk.devices.fakes import FakePrinter
from kiosk.domain.staff import Role
from kiosk.storage.models import AuditEvent, Invitation, InvitationGroup
from kiosk.ui.background import wait_for_background
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
    assert hosts.currentItem() is not None and "王芳" in hosts.currentItem().text()
    type_text(qtbot, find(desk, QLineEdit, "preRegUnitEdit"), "Acme Data")
    people = find(desk, QPlainTextEdit, "preRegPeopleEdit")
    people.setPlainText("欧阳娜娜，13800138000\nEmily Carter, emily@example.com\n\n")
    find(desk, QSpinBox, "preRegHeadcountSpin").setValue(4)
    type_text(qtbot, find(desk, QLineEdit, "preRegRequirementsEdit"), "Tea, projector")
    tap(qtbot, desk, "preRegInviteButton")
    status = find(desk, QLabel, "preRegStatus")
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
    assert table.model().rowCount() == 2
    table.selectRow(0)
    tap(qtbot, desk, "preRegPrintButton")
    wait_for_background()
    qtbot.waitUntil(lambda: status.text() == "Invitation printed.", timeout=3000)
    assert f"Code: {code}" in parse_escpos(printer.documents[-1]).text_lines()
    # The printed code works at the kiosk.
    assert app.checkin.find_invitation(code).company == "Acme Data"


def test_a_bad_line_is_named_and_nothing_is_stored(qtbot: QtBot, app: KioskApp) -> None:
    desk = open_desk(qtbot, app, Role.RECEPTIONIST)
    desk.show_section("pre_register")
    type_text(qtbot, find(desk, QLineEdit, "preRegHostEdit"), "王芳")
    type_text(qtbot, find(desk, QLineEdit, "preRegUnitEdit"), "Acme Data")
    find(desk, QPlainTextEdit, "preRegPeopleEdit").setPlainText("欧阳娜娜\nEmily Carter, 12345\n")
    tap(qtbot, desk, "preRegInviteButton")
    assert find(desk, QLabel, "preRegStatus").text().startswith("Line 2: ")
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
