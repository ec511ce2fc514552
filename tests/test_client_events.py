"""The station's event listener: a stop that comes while the link is being made still closes it
(a kiosk closed at once left its link open, and the in-process server then never stopped)."""

from __future__ import annotations

import threading
from typing import Any

from kiosk.client.events import EventListener, StationEvent


class Link:
    def __init__(self) -> None:
        self.closed = threading.Event()

    def receive(self) -> dict[str, Any]:
        self.closed.wait()
        raise ConnectionError("closed")

    def close(self) -> None:
        self.closed.set()


def test_a_stop_during_the_connection_closes_the_link_it_makes() -> None:
    connecting, release = threading.Event(), threading.Event()
    made: list[Link] = []

    def connect(_after: int) -> Link:
        connecting.set()
        release.wait(5)  # still connecting when stop() comes
        made.append(Link())
        return made[-1]

    heard: list[StationEvent] = []
    listener = EventListener(connect, heard.append).start()
    assert connecting.wait(5)
    stopper = threading.Thread(target=listener.stop)
    stopper.start()
    release.set()
    stopper.join(10)
    assert not stopper.is_alive()
    assert made and made[0].closed.is_set()
    assert not listener._thread.is_alive()
    assert heard == []  # nothing said "connected" for a link that was never used


def test_events_are_heard_in_order_with_their_sequence() -> None:
    class Feed(Link):
        def __init__(self) -> None:
            super().__init__()
            self.messages = [{"seq": 1, "topic": "board", "visit_id": 7}, {"seq": 2, "topic": "ping"}]

        def receive(self) -> dict[str, Any]:
            if self.messages:
                return self.messages.pop(0)
            return super().receive()

    heard: list[StationEvent] = []
    done = threading.Event()

    def on_event(event: StationEvent) -> None:
        heard.append(event)
        if event.topic == "board":
            done.set()

    listener = EventListener(lambda _after: Feed(), on_event).start()
    assert done.wait(5)
    listener.stop()
    assert heard[:2] == [StationEvent("connected"), StationEvent("board", 7)]  # pings are not passed on
    assert listener.seq >= 1
