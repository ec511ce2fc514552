"""The site server's stand-in for a card encoder: cards are written on the stations' encoders,
with the server's write plans (``kiosk.devices.card_writing``), so the server opens none."""

from __future__ import annotations

import threading

from kiosk.devices.errors import DeviceUnavailableError
from kiosk.devices.interfaces import Card
from kiosk.domain.cards import CardKeys

_WHY = "no card encoder in this process: cards are written on a station's encoder"


class NoEncoder:
    """Every card operation is refused with DeviceUnavailableError (a device error the pages word
    as "the card encoder is not responding", and the server's tools as a message)."""

    @property
    def name(self) -> str:
        return "none"

    def wait_for_card(self, timeout_s: float, cancel: threading.Event | None = None) -> Card:
        raise DeviceUnavailableError(_WHY)

    def read_payload(self, card: Card, keys: CardKeys | None = None) -> bytes | None:
        raise DeviceUnavailableError(_WHY)

    def write_payload(self, card: Card, payload: bytes, keys: CardKeys | None = None) -> None:
        raise DeviceUnavailableError(_WHY)

    def wipe(self, card: Card, keys: CardKeys | None = None) -> None:
        raise DeviceUnavailableError(_WHY)

    def close(self) -> None:
        pass
