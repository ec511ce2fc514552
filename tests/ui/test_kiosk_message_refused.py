"""The declined page when the server takes no message for the visit any more: the visitor reads
why, in their language's sentence for the refusal, and the form closes instead of inviting them
to type again."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from kiosk.app import KioskApp
from kiosk.domain.errors import ValidationError
from kiosk.domain.visitor import MESSAGE_REFUSALS, MESSAGE_WINDOW
from kiosk.storage.models import HostMessage
from kiosk.ui.common.messages import validation_message
from tests.conftest import FixedClock
from tests.ui.conftest import type_text
from tests.ui.test_kiosk_window import (
    declined_at_the_kiosk,
    find,
    tap,
)


def test_a_message_sent_too_late_is_refused_in_words_and_the_form_closes(
    qtbot: QtBot, app: KioskApp, clock: FixedClock
) -> None:
    kiosk = declined_at_the_kiosk(qtbot, app)
    tap(qtbot, kiosk, "leaveMessageButton")
    type_text(qtbot, find(kiosk, QLineEdit, "messagePhoneEdit"), "13912345678")
    clock.advance(seconds=MESSAGE_WINDOW.total_seconds() + 60)  # the visitor typed for eleven minutes
    tap(qtbot, kiosk, "sendMessageButton")
    error = find(kiosk, QLabel, "declinedError")
    qtbot.waitUntil(lambda: error.text() != "", timeout=3000)
    assert error.text() == (
        "A message can be left up to 10 minutes after the host's answer. Please see the front desk."
    )
    for name in ("sendMessageButton", "leaveMessageButton"):
        assert not find(kiosk, QPushButton, name).isVisible()
    assert not find(kiosk, QLineEdit, "messagePhoneEdit").isVisible()
    assert find(kiosk, QPushButton, "declinedFinishButton").isVisible()
    # The page no longer invites them to leave one.
    assert "leave your contact details" not in find(kiosk, QLabel, "declinedDetailLabel").text()
    with app.database.sessions() as session:
        assert session.scalar(select(func.count(HostMessage.id))) == 0


def test_each_refusal_has_its_own_sentence() -> None:
    said = {
        code: validation_message(ValidationError("message", code, minutes=10)) for code in MESSAGE_REFUSALS
    }
    assert len(set(said.values())) == len(MESSAGE_REFUSALS)
    assert "Please check the entry." not in said.values()  # the general fallback: no sentence
