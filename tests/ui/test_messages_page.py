"""Phone messages at the desk, driven by taps: a declined visitor's message from the kiosk reaches
the desk's inbox and the board, and is marked passed on; the switchboard form; print; cancel."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QPlainTextEdit, QTableView
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kiosk.app import KioskApp
from kiosk.devices.fakes import FakePrinter
from kiosk.domain.phone_messages import MessageSource, MessageStatus, RelayMethod
from kiosk.domain.staff import Role
from kiosk.storage.models import AuditEvent, HostMessage
from tests.conftest import FixedClock
from tests.ui.conftest import open_desk, refresh_board, type_text
from tests.ui.test_evacuation import printed_text
from tests.ui.test_kiosk_window import (
    declined_at_the_kiosk,
    find,
    tap,
)


def status_after(qtbot: QtBot, label: QLabel, before: str) -> str:
    qtbot.waitUntil(lambda: label.text() not in ("", before), timeout=5000)
    return label.text()


def test_a_declined_visitors_message_reaches_the_desks_inbox_and_is_marked_passed_on(
    qtbot: QtBot, app: KioskApp, clock: FixedClock
) -> None:
    # At the kiosk: declined, the visitor leaves a number and a message.
    kiosk = declined_at_the_kiosk(qtbot, app)
    tap(qtbot, kiosk, "leaveMessageButton")
    type_text(qtbot, find(kiosk, QLineEdit, "messagePhoneEdit"), "13912345678")
    type_text(qtbot, find(kiosk, QLineEdit, "messageTextEdit"), "下周再约")
    tap(qtbot, kiosk, "sendMessageButton")
    detail = find(kiosk, QLabel, "declinedDetailLabel")
    qtbot.waitUntil(lambda: "pass your details" in detail.text(), timeout=3000)

    # At the desk: the board's inbox counts it, the messages page lists it.
    desk = open_desk(qtbot, app, Role.RECEPTIONIST)
    refresh_board(qtbot, desk)
    inbox = find(desk, QTableView, "boardMessagesTable")
    assert inbox.model().rowCount() == 1 and desk.board.inbox.count == 1
    assert (
        inbox.model().index(0, 2).data() == "李雷 · Kiosk" and inbox.model().index(0, 5).data() == "下周再约"
    )
    tabs = desk.board.follow_up
    assert tabs.tabText(tabs.indexOf(inbox)) == "✉ Messages (1)"
    desk.show_section("messages")
    table = find(desk, QTableView, "messagesTable")
    qtbot.waitUntil(lambda: table.model().rowCount() == 1, timeout=5000)
    assert table.model().index(0, 2).data().startswith("李四")  # for the host the visitor came to see
    assert table.model().index(0, 4).data() == "13912345678"
    assert table.model().index(0, 8).data() == "NOT YET"
    assert find(desk, QLabel, "messagesOpenCount").text() == "1 not yet passed on"

    # Passed on by phone, with a note: stamped with who, when and how, and audited.
    clock.advance(minutes=12)
    table.selectRow(0)
    type_text(qtbot, find(desk, QLineEdit, "messagesNoteEdit"), "已电话告知李四")
    status = find(desk, QLabel, "messagesStatus")
    tap(qtbot, desk, "messagesPassOnButton")
    assert status_after(qtbot, status, "").endswith("marked passed on by phone.")
    qtbot.waitUntil(lambda: table.model().rowCount() == 0, timeout=5000)
    with app.database.sessions() as session:
        message = session.scalars(select(HostMessage)).one()
        events = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "host_message.passed_on")
        ).all()
    assert (message.source, message.status, message.relay_method) == (
        MessageSource.KIOSK,
        MessageStatus.PASSED_ON,
        RelayMethod.PHONE,
    )
    assert message.relayed_at == clock.now() and message.relayed_by == "staff:receptionist"
    assert message.relay_note == "已电话告知李四"
    assert [(e.actor, json.loads(e.detail)) for e in events] == [("staff:receptionist", {"method": "phone"})]
    # Everything, with the stamp in the clerk's words; the board's inbox is empty again.
    qtbot.mouseClick(find(desk, QCheckBox, "messagesShowAll"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: table.model().rowCount() == 1, timeout=5000)
    assert (
        table.model().index(0, 8).data().endswith("by Receptionist (Receptionist), by phone · 已电话告知李四")
    )
    refresh_board(qtbot, desk)
    assert inbox.model().rowCount() == 0 and tabs.tabText(tabs.indexOf(inbox)) == "Messages (0)"


def test_the_switchboard_form_refuses_then_saves_and_prints_a_slip(
    qtbot: QtBot, app: KioskApp, printer: FakePrinter
) -> None:
    desk = open_desk(qtbot, app, Role.RECEPTIONIST)
    desk.show_section("messages")
    page = desk.messages
    page.tabs.setCurrentIndex(1)
    status = find(desk, QLabel, "messagesStatus")
    type_text(qtbot, find(desk, QLineEdit, "messagesCallerEdit"), "Emily Carter")
    type_text(qtbot, find(desk, QPlainTextEdit, "messagesTextEdit"), "机柜 A07 改到周四")
    tap(qtbot, desk, "messagesSaveButton")
    # "Please call back" is the form's first choice: a number is needed.
    assert status_after(qtbot, status, "") == "To be called back, the caller's number is needed."
    type_text(qtbot, find(desk, QLineEdit, "messagesPhoneEdit"), "0755-8600 1234")
    tap(qtbot, desk, "messagesSaveButton")
    assert status_after(qtbot, status, "To be called back, the caller's number is needed.").startswith(
        "Who is it for?"
    )
    type_text(qtbot, find(desk, QLineEdit, "messagesRecipientSearch"), "李四")
    tap(qtbot, desk, "messagesFindButton")
    combo = find(desk, QComboBox, "messagesRecipientCombo")
    qtbot.waitUntil(lambda: combo.count() > 1, timeout=5000)
    assert combo.currentText().startswith("李四")
    before = status.text()
    tap(qtbot, desk, "messagesSaveButton")
    assert "saved" in status_after(qtbot, status, before)
    assert find(desk, QLineEdit, "messagesCallerEdit").text() == ""  # ready for the next call
    [message] = app.phone_messages.inbox()
    assert (message.caller_name, message.phone, message.recorded_by) == (
        "Emily Carter",
        "0755-86001234",
        "staff:receptionist",
    )
    # The slip for 李四, on this desk's printer.
    page.tabs.setCurrentIndex(0)
    table = find(desk, QTableView, "messagesTable")
    qtbot.waitUntil(lambda: table.model().rowCount() == 1, timeout=5000)
    table.selectRow(0)
    before = status.text()
    tap(qtbot, desk, "messagesPrintButton")
    assert status_after(qtbot, status, before).startswith("Slip printed on")
    assert "电话留言单" in printed_text(printer) or "PHONE MESSAGE" in printed_text(printer)


def test_a_message_taken_twice_is_cancelled_with_a_reason(qtbot: QtBot, app: KioskApp) -> None:
    from datetime import timedelta

    from kiosk.domain.phone_messages import NewPhoneMessage
    from kiosk.services.audit import Actor

    host = app.directory.search("李四")[0].host_id
    app.phone_messages.take(
        NewPhoneMessage(
            "孙磊", "回电", app.clock.now() - timedelta(minutes=3), host_id=host, phone="13912345678"
        ),
        Actor("staff", "lina"),
    )
    desk = open_desk(qtbot, app, Role.RECEPTIONIST)
    desk.show_section("messages")
    table = find(desk, QTableView, "messagesTable")
    qtbot.waitUntil(lambda: table.model().rowCount() == 1, timeout=5000)
    table.selectRow(0)
    status = find(desk, QLabel, "messagesStatus")
    tap(qtbot, desk, "messagesCancelButton")
    assert status_after(qtbot, status, "") == "Give the reason for cancelling the message."
    type_text(qtbot, find(desk, QLineEdit, "messagesCancelReasonEdit"), "重复登记")
    tap(qtbot, desk, "messagesCancelButton")
    assert status_after(qtbot, status, "Give the reason for cancelling the message.").startswith(
        "Message cancelled"
    )
    qtbot.waitUntil(lambda: table.model().rowCount() == 0, timeout=5000)
    [cancelled] = app.phone_messages.inbox(open_only=False)
    assert cancelled.status is MessageStatus.CANCELLED and cancelled.cancel_reason == "重复登记"


def test_roles_without_messages_see_no_section_and_no_inbox_on_the_board(qtbot: QtBot, app: KioskApp) -> None:
    for role in (Role.GUARD, Role.SALES):
        desk = open_desk(qtbot, app, role)
        assert "messages" not in desk.sections()
        tabs = desk.board.follow_up
        assert not tabs.isTabVisible(tabs.indexOf(desk.board.inbox.table))
    assert "messages" in open_desk(qtbot, app, Role.SUPERVISOR).sections()
