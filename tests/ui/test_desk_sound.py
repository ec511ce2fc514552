"""The desk rings when a visitor has waited 3 minutes for their host: once per visit, on each desk
that shows it, besides the row turning red."""

from __future__ import annotations

import wave

import pytest
from PySide6.QtMultimedia import QSoundEffect
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from kiosk.app import KioskApp
from kiosk.domain.views import CheckInRequest
from kiosk.ui.common.desk_sound import ALERT_SOUND, DeskSound
from tests.conftest import FixedClock
from tests.ui.conftest import open_desk, refresh_board, server_round
from tests.ui.test_kiosk_window import find


def test_an_escalated_visit_rings_once_on_each_desk_that_shows_it(
    qtbot: QtBot, app: KioskApp, clock: FixedClock
) -> None:
    host = app.directory.search("李四")[0].host_id
    first = app.checkin.check_in(CheckInRequest("韩梅梅", host, declaration_accepted=True), app.actor)
    desk = open_desk(qtbot, app)
    other = open_desk(qtbot, app, username="second", station="desk-2")
    rang: dict[str, list[str]] = {"desk": [], "other": []}
    desk.board.alarm.rang.connect(rang["desk"].append)
    other.board.alarm.rang.connect(rang["other"].append)
    waiting = find(desk, QTableView, "waitingTable")
    qtbot.waitUntil(lambda: waiting.model().rowCount() == 1)
    assert rang == {"desk": [], "other": []}  # waiting, not yet overdue: silent

    clock.advance(minutes=3)
    second = app.checkin.check_in(CheckInRequest("李雷", host, declaration_accepted=True), app.actor)
    with qtbot.waitSignals([desk.board.refreshed, other.board.refreshed], timeout=5000):
        server_round(app)  # the server escalates; both boards hear it
    assert rang == {"desk": [f"visit-{first.visit_id}"], "other": [f"visit-{first.visit_id}"]}
    refresh_board(qtbot, desk)  # read again: the same red row does not ring again
    assert rang["desk"] == [f"visit-{first.visit_id}"]

    clock.advance(minutes=3)
    refresh_board(qtbot, desk)  # the second visit turned red with the clock: it rings once
    assert rang["desk"] == [f"visit-{first.visit_id}", f"visit-{second.visit_id}"]


def test_the_sound_is_a_short_wav_of_ours() -> None:
    with wave.open(str(ALERT_SOUND)) as sound:
        seconds = sound.getnframes() / sound.getframerate()
        assert sound.getnchannels() == 1 and 0.3 < seconds < 1.5


# An audible desk loads the audio back end, which complains about the test machine's missing
# sound server and video libraries in Qt warnings.
@pytest.mark.qt_log_ignore(".*")
def test_an_audible_desk_plays_the_wav_through_qt_multimedia(qtbot: QtBot) -> None:
    alarm = DeskSound(audible=True)
    assert alarm.ring_for(["visit-1", "visit-2"]) == ["visit-1", "visit-2"]
    assert alarm.effect is not None
    assert alarm.effect.source().toLocalFile() == str(ALERT_SOUND)
    assert alarm.effect.status() is not QSoundEffect.Status.Error
    assert alarm.ring_for(["visit-2"]) == []  # shown before: silent
    assert alarm.ring_for(["visit-1"]) == ["visit-1"]  # forgotten once not shown: shown again, it rings
