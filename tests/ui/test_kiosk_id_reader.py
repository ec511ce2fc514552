"""The identity step filled from the resident ID-card reader, tapped the way a visitor does.

The reader is demo mode's emulated one: the SAM emulator on a pty, read through the real driver.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from dataclasses import replace

import pytest
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kiosk.app import KioskApp
from kiosk.devices.errors import DeviceUnavailableError, IdCardNotSupportedError
from kiosk.devices.idreader.emulator import EmulatedIdCardReader
from kiosk.devices.idreader.text import IdCardRecord
from kiosk.storage.models import Visit
from kiosk.ui.common.background import wait_for_background
from kiosk.ui.kiosk import steps as kiosk_steps
from kiosk.ui.kiosk.window import KioskWindow
from tests.devices.idcards import card, id_number
from tests.ui.conftest import type_text
from tests.ui.test_kiosk_window import current_page, find, open_kiosk, pick_host, tap

NUMBER = id_number()  # 110105198503071230, on the card of 张三
MASKED = "1101**********1230"


@pytest.fixture
def reader(app: KioskApp) -> Iterator[EmulatedIdCardReader]:
    device = EmulatedIdCardReader(card(), reply_timeout_s=0.4, poll_s=0.05)
    app.id_reader = device
    yield device
    device.close()


@pytest.fixture(autouse=True)
def short_reads(monkeypatch: pytest.MonkeyPatch) -> None:
    # A visitor gets 15 s to lay the card down; the tests' "no card" must not wait that long.
    monkeypatch.setattr(kiosk_steps, "ID_CARD_READ_TIMEOUT_S", 0.6)


def to_identity_step(qtbot: QtBot, kiosk: KioskWindow) -> None:
    tap(qtbot, kiosk, "welcomeCheckInButton")
    tap(qtbot, kiosk, "visitorType_guest")
    assert current_page(kiosk) == "identityPage"


def read_card(qtbot: QtBot, kiosk: KioskWindow) -> str:
    """Tap "Read ID card" and wait for the reader's answer; the status line's text."""
    status = find(kiosk, QLabel, "idCardStatusLabel")
    button = find(kiosk, QPushButton, "readIdCardButton")
    tap(qtbot, kiosk, "readIdCardButton")
    assert not button.isEnabled()  # one read at a time
    qtbot.waitUntil(button.isEnabled, timeout=10000)
    return status.text()


def test_reading_the_card_fills_the_step_masked_and_the_visit_keeps_hash_and_last_four(
    qtbot: QtBot, app: KioskApp, reader: EmulatedIdCardReader, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    kiosk = open_kiosk(qtbot, app)
    to_identity_step(qtbot, kiosk)
    assert find(kiosk, QPushButton, "readIdCardButton").text() == "Read ID card"
    assert "Read from your ID card" in read_card(qtbot, kiosk)
    name = find(kiosk, QLineEdit, "visitorNameEdit")
    number = find(kiosk, QLineEdit, "idNumberEdit")
    assert name.text() == "张三"
    assert number.text() == MASKED and number.isReadOnly()
    assert find(kiosk, QPushButton, "idType_resident_id").isChecked()
    on_screen = [w.text() for w in kiosk.findChildren(QLineEdit)] + [
        w.text() for w in kiosk.findChildren(QLabel)
    ]
    assert not [text for text in on_screen if NUMBER in text]

    type_text(qtbot, find(kiosk, QLineEdit, "companyEdit"), "华南数据")
    tap(qtbot, kiosk, "identityPageNextButton")
    assert current_page(kiosk) == "hostPage", find(kiosk, QLabel, "identityPageError").text()
    # Back to the step: still masked, still from the card.
    tap(qtbot, kiosk, "hostPageBackButton")
    assert number.text() == MASKED and number.isReadOnly()
    tap(qtbot, kiosk, "identityPageNextButton")
    pick_host(qtbot, kiosk, "财务", "李四")
    tap(qtbot, kiosk, "hostPageNextButton")
    tap(qtbot, kiosk, "purposePreset0")
    tap(qtbot, kiosk, "purposePageNextButton")
    tap(qtbot, kiosk, "declarationPageNextButton")
    summary = find(kiosk, QLabel, "reviewSummaryLabel").text()
    assert MASKED in summary and NUMBER not in summary and "张三" in summary
    tap(qtbot, kiosk, "reviewPageNextButton")
    qtbot.waitUntil(lambda: current_page(kiosk) == "waitingPage", timeout=5000)

    with app.database.sessions() as session:
        visit = session.scalars(select(Visit)).one()
        assert (visit.visitor_name, visit.company, visit.id_type) == ("张三", "华南数据", "resident_id")
        assert visit.id_last_four == "1230"
        assert visit.id_hash == app.checkin.identity.lookup_hash("resident_id", NUMBER)  # type: ignore[union-attr]
        assert visit.id_sealed is not None and NUMBER.encode() not in visit.id_sealed
    assert NUMBER not in caplog.text and NUMBER[6:14] not in caplog.text


def test_no_card_and_a_failed_read_say_what_to_do(
    qtbot: QtBot, app: KioskApp, reader: EmulatedIdCardReader
) -> None:
    kiosk = open_kiosk(qtbot, app)
    to_identity_step(qtbot, kiosk)
    reader.emulator.remove()
    assert "No ID card was found" in read_card(qtbot, kiosk)
    assert find(kiosk, QLabel, "idCardStatusLabel").property("role") == "error"
    reader.emulator.present(card())
    reader.emulator.faults.read_fail = 10
    assert "could not be read. Hold it still" in read_card(qtbot, kiosk)
    number = find(kiosk, QLineEdit, "idNumberEdit")
    assert find(kiosk, QLineEdit, "visitorNameEdit").text() == "" and number.text() == ""
    assert not number.isReadOnly()  # the visitor can still type it
    reader.emulator.faults.clear()
    assert "Read from your ID card" in read_card(qtbot, kiosk)
    assert find(kiosk, QLabel, "idCardStatusLabel").property("role") == ""


def test_choosing_another_document_drops_the_card_number(
    qtbot: QtBot, app: KioskApp, reader: EmulatedIdCardReader
) -> None:
    kiosk = open_kiosk(qtbot, app)
    to_identity_step(qtbot, kiosk)
    read_card(qtbot, kiosk)
    tap(qtbot, kiosk, "idType_passport")
    number = find(kiosk, QLineEdit, "idNumberEdit")
    assert number.text() == "" and not number.isReadOnly()
    type_text(qtbot, number, "E12345678")
    tap(qtbot, kiosk, "identityPageNextButton")
    assert (kiosk.draft.id_type, kiosk.draft.id_number, kiosk.draft.id_from_card) == (
        "passport",
        "E12345678",
        False,
    )


def test_idle_timeout_wipes_what_the_card_filled(
    qtbot: QtBot, app: KioskApp, reader: EmulatedIdCardReader
) -> None:
    app.config = replace(app.config, idle_timeout_s=1)
    kiosk = open_kiosk(qtbot, app)
    to_identity_step(qtbot, kiosk)
    read_card(qtbot, kiosk)
    qtbot.waitUntil(lambda: current_page(kiosk) == "welcomePage", timeout=4000)
    to_identity_step(qtbot, kiosk)
    number = find(kiosk, QLineEdit, "idNumberEdit")
    assert find(kiosk, QLineEdit, "visitorNameEdit").text() == "" and number.text() == ""
    assert not number.isReadOnly() and kiosk.draft.id_number == ""
    tap(qtbot, kiosk, "identityPageNextButton")  # nothing of the last visitor's card is left
    assert "name" in find(kiosk, QLabel, "identityPageError").text().lower()


class SlowReader:
    """An IdCardReader whose card arrives only when the test says so (or the wait is cancelled)."""

    name = "fake"

    def __init__(self, outcome: IdCardRecord | Exception) -> None:
        self.outcome = outcome
        self.release = threading.Event()
        self.cancelled = threading.Event()
        self.honour_cancel = True

    def read_card(self, timeout_s: float, cancel: threading.Event | None = None) -> IdCardRecord:
        while not self.release.wait(0.01):
            if self.honour_cancel and cancel is not None and cancel.is_set():
                self.cancelled.set()
                raise DeviceUnavailableError("cancelled")
        if isinstance(self.outcome, Exception):
            raise self.outcome
        return self.outcome

    def close(self) -> None:
        self.release.set()


def test_a_read_finishing_after_the_visitor_left_fills_nothing(qtbot: QtBot, app: KioskApp) -> None:
    fake = SlowReader(card().record)
    app.id_reader = fake
    kiosk = open_kiosk(qtbot, app)
    to_identity_step(qtbot, kiosk)
    tap(qtbot, kiosk, "readIdCardButton")
    tap(qtbot, kiosk, "identityPageBackButton")  # leaving the step stops the wait for a card
    qtbot.waitUntil(fake.cancelled.is_set, timeout=5000)
    tap(qtbot, kiosk, "visitorType_guest")
    fake.honour_cancel = False  # a card read that completes although the kiosk moved on
    tap(qtbot, kiosk, "readIdCardButton")
    kiosk.go_home()  # wiped (the idle timer) while the card is still being read
    fake.release.set()
    qtbot.waitUntil(lambda: wait_for_background(50), timeout=5000)
    qtbot.wait(50)  # the finished read's answer is queued to the GUI thread: let it arrive
    assert current_page(kiosk) == "welcomePage"
    assert find(kiosk, QLineEdit, "visitorNameEdit").text() == ""
    assert find(kiosk, QLineEdit, "idNumberEdit").text() == ""


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (IdCardNotSupportedError("foreign card"), "choose Other and type its number"),
        (DeviceUnavailableError("unplugged"), "The card reader is not working"),
    ],
)
def test_reader_failures_are_told_plainly(
    qtbot: QtBot, app: KioskApp, error: Exception, message: str
) -> None:
    fake = SlowReader(error)
    fake.release.set()
    app.id_reader = fake
    kiosk = open_kiosk(qtbot, app)
    to_identity_step(qtbot, kiosk)
    assert message in read_card(qtbot, kiosk)


def test_without_a_reader_there_is_no_button(qtbot: QtBot, app: KioskApp) -> None:
    assert app.id_reader is None
    kiosk = open_kiosk(qtbot, app)
    to_identity_step(qtbot, kiosk)
    assert not find(kiosk, QPushButton, "readIdCardButton").isVisible()
