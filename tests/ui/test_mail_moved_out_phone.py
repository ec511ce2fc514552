"""A moved-out person's phone where the desk reads it: whole on the Registered mail page's list of
people who moved out (the number to call for the weekly reminder), masked on the lobby board's
reminder, which stands in view and goes to every desk on each refresh."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLabel, QListWidget
from pytestqt.qtbot import QtBot

from kiosk.app import KioskApp
from kiosk.domain.mail import MailKind
from kiosk.services.mail import MailDraft, MovedOutDraft
from tests.ui.conftest import STAFF_PIN, open_desk, refresh_board
from tests.ui.test_kiosk_window import find

PHONE = "13822334455"


def test_the_mail_page_lists_the_phone_and_the_board_masks_it(qtbot: QtBot, app: KioskApp) -> None:
    desk = open_desk(qtbot, app)
    assert desk.session is not None
    clerk = app.staff.sign_in("receptionist", STAFF_PIN)
    app.mail.add_moved_out(
        MovedOutDraft("上官婉儿", date(2026, 11, 1), "5-502", phone=PHONE, forward_address="杭州"), clerk
    )
    app.mail.log(MailDraft(MailKind.PARCEL, "顺丰", "SF100000004", "上官婉儿", "5-502"), clerk)

    desk.show_section("board")
    refresh_board(qtbot, desk)
    reminder = find(desk, QLabel, "boardMailReminders").text()
    assert "上官婉儿" in reminder and "138****4455" in reminder and PHONE not in reminder

    desk.show_section("mail")
    moved = find(desk, QListWidget, "mailMovedList")
    qtbot.waitUntil(lambda: moved.count() == 1)
    assert moved.item(0).text().endswith(f"phone {PHONE}")
