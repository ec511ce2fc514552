"""Reading the resident ID card (居民身份证) on a worker thread, for the kiosk's identity step and
the desk's walk-in form alike."""

from __future__ import annotations

import threading

from kiosk.devices.errors import DeviceError
from kiosk.devices.idreader.text import IdCardRecord
from kiosk.devices.interfaces import IdCardReader


def read_or_error(
    reader: IdCardReader, cancel: threading.Event, timeout_s: float
) -> IdCardRecord | DeviceError:
    """Read a card on a worker thread; a device failure is an outcome to show, not a crash to log."""
    try:
        return reader.read_card(timeout_s, cancel)
    except DeviceError as exc:
        return exc
