"""The board's night banner at a desk: a night check-in waits for the duty officer, the banner
says so and rings once for it (and once more because the notice could not be sent), a
receptionist cannot approve it, a supervisor approves it as the duty officer from the banner."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QPushButton
from pytestqt.qtbot import QtBot

from kiosk.app import KioskApp
from kiosk.domain.notify import NotifyChannel
from kiosk.domain.staff import Role
from kiosk.domain.views import CheckInRequest
from kiosk.domain.visit import Approver, VisitStatus
from kiosk.services.duty_officer import DutyNotice, DutyOfficerNotifier
from tests.conftest import FixedClock
from tests.ui.conftest import answer_dialog, open_desk, refresh_board, type_text
from tests.ui.test_kiosk_window import find


class DownRobot(DutyOfficerNotifier):
    """The duty officer's group robot does not answer."""

    def __init__(self) -> None:
        pass

    def tell_duty_officer(self, notice: DutyNotice, zone_now: datetime) -> NotifyChannel | None:
        raise ConnectionError("robot unreachable")


def night_visit(app: KioskApp, name: str) -> int:
    host = next(h.host_id for h in app.directory.search("王芳") if h.name == "王芳")
    request = CheckInRequest(name, host, "华南数据", declaration_accepted=True)
    return app.checkin.check_in(request, app.actor).visit_id


def test_a_night_visit_rings_on_the_banner_and_a_supervisor_approves_it_as_duty_officer(
    qtbot: QtBot, app: KioskApp, clock: FixedClock
) -> None:
    app.visitor_kinds.notifier = DownRobot()
    clock.advance(hours=11)  # 21:00 in Shanghai
    desk = open_desk(qtbot, app, Role.SUPERVISOR)
    banner = desk.board.night
    qtbot.waitUntil(banner.isVisible)
    headline = find(desk, QLabel, "boardNightHeadline")
    assert headline.text() == "Night duty (20:00–08:00): 物业总值 approves every visit."
    approve = find(desk, QPushButton, "boardNightApproveButton")
    assert not approve.isVisible()  # nothing waits

    rang: list[str] = []
    unsent: list[str] = []
    banner.alarm.rang.connect(rang.append)
    banner.failed_alarm.rang.connect(unsent.append)
    visit_id = night_visit(app, "夜归人")
    refresh_board(qtbot, desk)
    waiting = find(desk, QListWidget, "boardNightWaitingList")
    assert waiting.count() == 1
    assert waiting.item(0).text() == (
        "夜归人 · Visitor to a resident or tenant · since 21:00 (0 min) · "
        "NOT notified (sending failed): phone the duty officer"
    )
    assert headline.text().endswith("Waiting for 物业总值: 1.")
    assert (rang, unsent) == ([f"duty-{visit_id}"], [f"duty-unsent-{visit_id}"])
    refresh_board(qtbot, desk)
    assert (len(rang), len(unsent)) == (1, 1)  # once per visit, not at every read

    # A receptionist's desk shows the same banner; the approval is a supervisor's.
    clerk = open_desk(qtbot, app, Role.RECEPTIONIST, station="desk-2")
    qtbot.waitUntil(lambda: find(clerk, QListWidget, "boardNightWaitingList").count() == 1)
    assert not find(clerk, QPushButton, "boardNightApproveButton").isEnabled()

    type_text(qtbot, find(desk, QLineEdit, "boardNightNoteEdit"), "物业总值 agreed by phone")
    seen: list[str] = []
    answer_dialog("confirmOkButton", seen=seen)
    qtbot.mouseClick(approve, Qt.MouseButton.LeftButton)
    status = find(desk, QLabel, "boardNightStatus")
    qtbot.waitUntil(lambda: status.text().startswith("Approved as duty officer"), timeout=5000)
    assert any("Let 夜归人 in as the duty officer?" in text for text in seen)
    state = app.checkin.state(visit_id)
    assert (state.status, state.approver) == (VisitStatus.ON_SITE, Approver.DUTY_OFFICER)
    qtbot.waitUntil(lambda: waiting.count() == 0)
    assert banner.isVisible()  # still night
