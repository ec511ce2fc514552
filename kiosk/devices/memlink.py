"""An in-process serial line with a fake clock: an emulator and a driver in one process, no pty.

The model is OctoPrint's virtual printer: the emulator is a serial-like object the driver talks
to directly. :class:`MemoryLink` stands where a :class:`~kiosk.devices.ptylink.PtyLink` stands
(an emulator built with a ``clock`` gets one), and a driver opens its :attr:`~MemoryLink.path`
(``memory://...``) through :func:`~kiosk.devices.serialport.open_serial` as it would a port.

Time is a :class:`FakeClock` that moves only when the driver waits: a read with nothing to read
jumps to the next byte's arrival (or to the read timeout), a sleep jumps over its length. So a
test of a 3-second timeout, of a slow reply or of a paced line takes microseconds and always
comes out the same. What would happen "later" (bytes on their way, an action a test schedules
with :meth:`FakeClock.after`) happens when the clock gets there. Bytes from the driver reach
the emulator at once (or after their wire time on a paced line), on the driver's own thread.

For tests only: the serial path itself (pyserial, termios, the pty) is tested over
:class:`~kiosk.devices.ptylink.PtyLink`.
"""

from __future__ import annotations

import errno
import heapq
import itertools
import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import serial  # type: ignore[import-untyped]

from kiosk.devices.ptylink import PtyLink, garbled
from kiosk.devices.serialport import MEMORY_SCHEME, wire_seconds

log = logging.getLogger(__name__)

_BYTE_GAP_S = 0.0005  # between the bytes of a reply sent one byte at a time
_lines: dict[str, MemoryLink] = {}
_numbers = itertools.count(1)
_lines_lock = threading.Lock()


class FakeClock:
    """Monotonic time that moves when someone waits, running what was due on the way."""

    def __init__(self, start: float = 0.0) -> None:
        self._now = start
        self._lock = threading.Lock()
        self._due: list[tuple[float, int, Callable[[], None]]] = []
        self._order = itertools.count()

    def monotonic(self) -> float:
        with self._lock:
            return self._now

    def call_at(self, when: float, action: Callable[[], None]) -> None:
        with self._lock:
            heapq.heappush(self._due, (when, next(self._order), action))

    def after(self, seconds: float, action: Callable[[], None]) -> None:
        """Do ``action`` when the clock has moved on by ``seconds`` (a test's "meanwhile")."""
        self.call_at(self.monotonic() + seconds, action)

    def next_due(self) -> float | None:
        with self._lock:
            return self._due[0][0] if self._due else None

    def advance_to(self, when: float) -> None:
        """Move to ``when``, running everything due by then in order (outside the lock, so an
        action may schedule more or take an emulator's lock)."""
        while True:
            with self._lock:
                if not self._due or self._due[0][0] > when:
                    self._now = max(self._now, when)
                    return
                due, _, action = heapq.heappop(self._due)
                self._now = max(self._now, due)
            action()

    def sleep(self, seconds: float) -> None:
        self.advance_to(self.monotonic() + max(0.0, seconds))

    def wait(self, event: threading.Event, seconds: float) -> bool:
        end = self.monotonic() + max(0.0, seconds)
        while not event.is_set() and self.monotonic() < end:
            nxt = self.next_due()
            self.advance_to(end if nxt is None else min(nxt, end))
        return event.is_set()


class MemoryPort:
    """The driver's end of a :class:`MemoryLink`: the part of pyserial's Serial the drivers use."""

    def __init__(self, line: MemoryLink, timeout: float, baudrate: int | None = None) -> None:
        self._line = line
        self.timeout = timeout
        self.baudrate = baudrate  # as pyserial's: the driver sets it to follow a speed change
        self.clock = line.clock
        self._buffer = bytearray()
        self._lock = threading.Lock()
        self.dead = False

    def _check(self) -> None:
        if self.dead:  # as a pty whose other end is gone
            raise serial.SerialException(errno.EIO, "Input/output error")

    def arrive(self, data: bytes) -> None:
        with self._lock:
            if not self.dead:
                self._buffer += data

    @property
    def in_waiting(self) -> int:
        self._check()
        with self._lock:
            return len(self._buffer)

    def read(self, size: int = 1) -> bytes:
        self._check()
        deadline = self.clock.monotonic() + self.timeout
        while not self._buffer and self.clock.monotonic() < deadline:
            nxt = self.clock.next_due()
            self.clock.advance_to(deadline if nxt is None else min(nxt, deadline))
            self._check()
        with self._lock:
            data = bytes(self._buffer[:size])
            del self._buffer[:size]
        return data

    def write(self, data: bytes) -> int:
        self._check()
        self._line.from_driver(bytes(data))
        return len(data)

    def reset_input_buffer(self) -> None:
        if self.dead:
            try:
                import termios
            except ImportError:  # pragma: no cover - Windows
                raise OSError(errno.EIO, "Input/output error") from None
            raise termios.error(errno.EIO, "Input/output error")  # what tcflush on a dead pty raises
        with self._lock:
            self._buffer.clear()

    def close(self) -> None:
        self._line.release(self)


class MemoryLink(PtyLink):
    """The emulator's end of an in-process line; the same face as :class:`PtyLink`."""

    def __init__(
        self,
        handler: Callable[[bytes], None],
        link: Path | None = None,
        baudrate: int | None = None,
        clock: FakeClock | None = None,
    ) -> None:
        super().__init__(handler, None, baudrate)
        self.clock = clock or FakeClock()
        self.port = f"{MEMORY_SCHEME}{link.name if link is not None else 'line'}-{next(_numbers)}"
        self._open: MemoryPort | None = None
        self._started = False
        self._to_driver_free = 0.0
        self._from_driver_free = 0.0

    def start(self) -> MemoryLink:
        with _lines_lock:
            self._started = True
            _lines[self.port] = self
        return self

    def close(self) -> None:
        with _lines_lock:
            self._started = False
            _lines.pop(self.port, None)
            port, self._open = self._open, None
        if port is not None:
            port.dead = True

    @property
    def path(self) -> str:
        return self.port

    def connect(self, timeout: float, baudrate: int | None = None) -> MemoryPort:
        with _lines_lock:
            if self._open is not None:
                raise serial.SerialException(
                    errno.EAGAIN, f"Could not exclusively lock port {self.port}: [Errno 11] in use"
                )
            self._open = MemoryPort(self, timeout, baudrate)
            return self._open

    def release(self, port: MemoryPort) -> None:
        with _lines_lock:
            if self._open is port:
                self._open = None

    def host_speed(self) -> int | None:
        port = self._open
        return port.baudrate if port is not None else None

    def later(self, seconds: float, action: Callable[[], None]) -> Callable[[], None]:
        """Run ``action`` when the fake clock has moved on by ``seconds``; what cancels it."""
        cancelled = threading.Event()
        self.clock.after(seconds, lambda: None if cancelled.is_set() else action())
        return cancelled.set

    # -- the two directions --------------------------------------------------------------------

    def write(self, data: bytes, *, one_byte_at_a_time: bool = False, delay_s: float = 0.0) -> None:
        """Bytes from the emulator: they reach the driver after ``delay_s`` and their wire time."""
        port = self._open
        if port is None:
            log.debug("memory line write dropped: nobody has the port open")
            return
        if not self.speeds_match():
            data = garbled(data)
        # The emulator answers one thing after another, as the pty's single thread does: a
        # delay starts when what it sent before is out.
        at = max(self.clock.monotonic(), self._to_driver_free) + delay_s
        pieces = [data[i : i + 1] for i in range(len(data))] if one_byte_at_a_time else [data]
        for piece in pieces:
            if self.baudrate:
                at = max(at, self._from_driver_free) + wire_seconds(len(piece), self.baudrate)
            elif one_byte_at_a_time:
                at += _BYTE_GAP_S
            self._to_driver_free = at
            self.clock.call_at(at, _deliver(port, piece))

    def from_driver(self, data: bytes) -> None:
        """Bytes from the driver: the emulator gets them now, or when they are over the wire."""
        if not self.speeds_match():
            data = garbled(data)
        if not self.baudrate:
            self._handle(data)
            return
        start = max(self.clock.monotonic(), self._from_driver_free)
        self._from_driver_free = start + wire_seconds(len(data), self.baudrate)
        self.clock.call_at(self._from_driver_free, lambda: self._handle(data))

    def _handle(self, data: bytes) -> None:
        if not self._started:
            return
        try:
            self._handler(data)
        except Exception:  # an emulator bug must not look like a line fault
            log.exception("emulator handler failed")


def _deliver(port: MemoryPort, data: bytes) -> Callable[[], None]:
    return lambda: port.arrive(data)


def open_memory_port(name: str, *, timeout: float, baudrate: int | None = None) -> Any:
    """What :func:`~kiosk.devices.serialport.open_serial` returns for a ``memory://`` name."""
    with _lines_lock:
        line = _lines.get(name)
    if line is None:
        raise serial.SerialException(
            errno.ENOENT, f"could not open port {name}: [Errno 2] No such file or directory: {name!r}"
        )
    return line.connect(timeout, baudrate)
