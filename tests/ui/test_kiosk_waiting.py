"""The kiosk's waiting screen (whom, what if nobody answers, cancel) and the check-in's field
limits, tapped the way a visitor does."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QTableView
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kiosk.app import KioskApp
from kiosk.domain.identity import ID_NUMBER_MAX_CHARS
from kiosk.domain.visit import Approver, VisitStatus
from kiosk.domain.visitor import (
    COMPANY_MAX_CHARS,
    MESSAGE_MAX_CHARS,
    MESSAGE_PHONE_MAX_CHARS,
    MOBILE_MAX_CHARS,
    NAME_MAX_CHARS,
    PERMIT_MAX_CHARS,
    PURPOSE_MAX_CHARS,
)
from kiosk.services.audit import Actor
from kiosk.services.checkin import WITHDRAWN_NOTE
from kiosk.storage.models import AuditEvent, Visit
from kiosk.ui.kiosk.window import KioskWindow
from tests.conftest import FixedClock
from tests.ui.conftest import open_desk, type_text
from tests.ui.test_kiosk_window import (
    DESK,
    current_page,
    find,
    held_at_the_kiosk,
    open_kiosk,
    submit_and_wait,
    tap,
    walk_to_review,
)

NO_ANSWER_HOST = "If your host has not answered within 3 minutes, the front desk is alerted and will phone your host for you."


def shown_text(kiosk: KioskWindow) -> str:
    return "\n".join(label.text() for label in kiosk.findChildren(QLabel) if label.isVisible())


def test_the_waiting_screen_names_the_host_and_says_what_happens_if_nobody_answers(
    qtbot: QtBot, app: KioskApp, clock: FixedClock
) -> None:
    kiosk = open_kiosk(qtbot, app)
    walk_to_review(qtbot, kiosk, "张三", "IDC", "王芳")
    submit_and_wait(qtbot, kiosk)
    host = find(kiosk, QLabel, "waitingHostLabel")
    assert host.isVisible() and host.text() == "Visiting: 王芳（IDC运维部）"
    no_answer = find(kiosk, QLabel, "waitingNoAnswerLabel")
    assert no_answer.isVisible() and no_answer.text() == NO_ANSWER_HOST
    assert "8101" not in shown_text(kiosk)  # the host's extension is for the desk, not the lobby
    assert find(kiosk, QPushButton, "waitingCancelButton").isVisible()

    # Past the 3 minutes the desk board turns the visit red: the visitor is told help is coming.
    # The waiting time follows the application's clock (the one the desk's escalation reads).
    clock.advance(minutes=3, seconds=5)
    qtbot.waitUntil(lambda: "front desk has been alerted" in no_answer.text(), timeout=3000)
    assert find(kiosk, QLabel, "waitingElapsedLabel").text().startswith("03:")


def test_a_waiting_visitor_cancels_and_the_desk_no_longer_sees_them(qtbot: QtBot, app: KioskApp) -> None:
    kiosk = open_kiosk(qtbot, app)
    walk_to_review(qtbot, kiosk, "韩梅梅")
    visit_id = submit_and_wait(qtbot, kiosk)
    desk = open_desk(qtbot, app)
    waiting = find(desk, QTableView, "waitingTable")
    qtbot.waitUntil(lambda: waiting.model().rowCount() == 1)  # the board as the server has it

    # A tap by mistake is asked about, and "keep waiting" changes nothing.
    tap(qtbot, kiosk, "waitingCancelButton")
    assert "no longer be asked" in find(kiosk, QLabel, "waitingConfirmLabel").text()
    assert not find(kiosk, QPushButton, "waitingCancelButton").isVisible()
    tap(qtbot, kiosk, "waitingKeepWaitingButton")
    assert current_page(kiosk) == "waitingPage"
    assert app.checkin.state(visit_id).status is VisitStatus.PENDING

    tap(qtbot, kiosk, "waitingCancelButton")
    tap(qtbot, kiosk, "waitingConfirmCancelButton")
    qtbot.waitUntil(lambda: current_page(kiosk) == "welcomePage", timeout=5000)
    with app.database.sessions() as session:
        visit = session.get_one(Visit, visit_id)
        assert (visit.status, visit.decision_note, visit.decided_by) == (
            VisitStatus.DECLINED,
            WITHDRAWN_NOTE,
            Actor.kiosk(kiosk._station.name).label,  # the station the visitor stood at
        )
        events = session.scalars(select(AuditEvent.action).where(AuditEvent.entity_id == str(visit_id))).all()
        assert "visit.withdrawn" in events
    with qtbot.waitSignal(desk.board.refreshed, timeout=3000):
        pass
    assert waiting.model().rowCount() == 0
    qtbot.wait(1500)  # a poll that was under way does not bring up "your host cannot receive you"
    assert current_page(kiosk) == "welcomePage"


def test_a_cancel_that_comes_after_the_host_said_yes_shows_the_badge(qtbot: QtBot, app: KioskApp) -> None:
    kiosk = open_kiosk(qtbot, app)
    walk_to_review(qtbot, kiosk, "李雷")
    visit_id = submit_and_wait(qtbot, kiosk)
    tap(qtbot, kiosk, "waitingCancelButton")
    app.checkin.approve(visit_id, DESK, Approver.HOST)  # the host's answer crosses the tap
    tap(qtbot, kiosk, "waitingConfirmCancelButton")
    qtbot.waitUntil(lambda: current_page(kiosk) == "donePage", timeout=5000)
    assert app.checkin.state(visit_id).status is VisitStatus.ON_SITE


def test_a_watchlist_hold_names_nobody_and_offers_no_cancel(qtbot: QtBot, app: KioskApp) -> None:
    kiosk = held_at_the_kiosk(qtbot, app)
    qtbot.wait(1200)  # a poll has run
    for name in ("waitingHostLabel", "waitingNoAnswerLabel", "waitingConfirmLabel"):
        assert not find(kiosk, QLabel, name).isVisible()
    for name in ("waitingCancelButton", "waitingConfirmCancelButton", "waitingKeepWaitingButton"):
        assert not find(kiosk, QPushButton, name).isVisible()
    assert "李四" not in shown_text(kiosk)


def test_at_night_the_visitor_is_told_the_desk_steps_in(
    qtbot: QtBot, app: KioskApp, clock: FixedClock
) -> None:
    clock.advance(hours=12)  # 22:00 in Shanghai
    kiosk = open_kiosk(qtbot, app)
    walk_to_review(qtbot, kiosk, "夜归人")
    submit_and_wait(qtbot, kiosk)
    assert find(kiosk, QLabel, "waitingHostLabel").text() == "Visiting: 李四（财务部）"
    assert find(kiosk, QLabel, "waitingNoAnswerLabel").text() == (
        "If nobody has answered within 3 minutes, the front desk is alerted and will help you."
    )


def test_fields_take_what_the_service_accepts_and_say_so_as_the_visitor_types(
    qtbot: QtBot, app: KioskApp
) -> None:
    kiosk = open_kiosk(qtbot, app)
    tap(qtbot, kiosk, "welcomeCheckInButton")
    tap(qtbot, kiosk, "visitorType_contractor")
    for name, limit in (
        ("visitorNameEdit", NAME_MAX_CHARS),
        ("companyEdit", COMPANY_MAX_CHARS),
        ("mobileEdit", MOBILE_MAX_CHARS),
        ("idNumberEdit", ID_NUMBER_MAX_CHARS),
        ("permitNumberEdit", PERMIT_MAX_CHARS),
        ("purposeEdit", PURPOSE_MAX_CHARS),
        ("messagePhoneEdit", MESSAGE_PHONE_MAX_CHARS),
        ("messageTextEdit", MESSAGE_MAX_CHARS),
    ):
        assert find(kiosk, QLineEdit, name).maxLength() == limit, name

    type_text(qtbot, find(kiosk, QLineEdit, "visitorNameEdit"), "张三")
    company = find(kiosk, QLineEdit, "companyEdit")
    hint = find(kiosk, QLabel, "companyEditLimitHint")
    assert not hint.isVisible()
    type_text(qtbot, company, "华南数据" * 75)  # 300 characters
    assert company.text() == ("华南数据" * 75)[:COMPANY_MAX_CHARS]
    assert hint.isVisible() and "60 characters" in hint.text()
    qtbot.keyClick(company, Qt.Key.Key_Backspace)
    assert not hint.isVisible()
    type_text(qtbot, find(kiosk, QLineEdit, "permitNumberEdit"), "D-0031")
    tap(qtbot, kiosk, "identityPageNextButton")
    assert current_page(kiosk) == "hostPage", find(kiosk, QLabel, "identityPageError").text()
