"""A station that cannot reach its server at start says so and keeps trying, then opens."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from kiosk.client.http import ServerUnreachableError
from kiosk.ui.common import server_wait
from kiosk.ui.common.server_wait import ServerWaitWindow


def test_the_station_says_it_cannot_reach_the_server_and_opens_once_it_answers(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(server_wait, "RETRY_S", (0, 0))  # no waiting in a test
    answers: list[object] = [ServerUnreachableError("down"), ServerUnreachableError("down"), "the station"]

    def connect() -> object:
        answer = answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer

    window = ServerWaitWindow(connect, "https://10.0.0.2:8443")
    qtbot.addWidget(window)
    window.show()
    assert "cannot reach its site server (https://10.0.0.2:8443)" in window.message.text()
    with qtbot.waitSignal(window.reached, timeout=5000) as reached:
        window.start()
    assert reached.args == ["the station"] and answers == []
