"""A pseudo-terminal that a driver opens like a real serial port, for the device emulators.

The emulator owns the master side; the slave's name is published through a symlink
(``--link /tmp/encoder``) so the driver's URL stays stable even when the emulator "unplugs"
the adapter and plugs it back in (a new pty behind the same link). With ``baudrate`` set,
bytes in both directions take the time they would take on a real line (start + 8 data + stop
bits per byte), so measured times can be compared with the wire-time bound.

POSIX only: the emulators are for development and tests, not for the kiosk's own hardware.
"""

from __future__ import annotations

import contextlib
import logging
import os
import select
import termios
import threading
import time
import tty
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, Protocol, Self, TypeVar

# Line timing lives with the serial port: the drivers use it on Windows too, where this module
# cannot be imported.
from kiosk.devices.serialport import wire_seconds

if TYPE_CHECKING:
    from kiosk.devices.memlink import FakeClock

log = logging.getLogger(__name__)

# Writes that follow each other within this time go out back to back, as from a UART's FIFO: the
# emulator's own scheduling jitter (a late wake-up between an ACK and its response) is not line time.
_BACK_TO_BACK_S = 0.002


#: termios speed codes (B115200 ...) and the baud rates they stand for.
TERMIOS_SPEEDS: dict[int, int] = {
    getattr(termios, name): int(name[1:]) for name in dir(termios) if name[:1] == "B" and name[1:].isdigit()
}


def garbled(data: bytes) -> bytes:
    """What a UART set to another speed than the sender's makes of ``data``: framing noise.

    Modelled as the same number of bytes with the top bit set, so the noise is the same every
    run and never holds a 00 (no frame start, no PN532 preamble) nor a 0x55 wake-up byte.
    """
    return bytes(b | 0x80 for b in data)


class _LineClock:
    """When one direction of a paced line is free again; :meth:`send` waits out a transfer.

    A transfer starts when the line is free and not before ``not_before`` (an answer cannot
    start before its command has arrived). One that the emulator starts a little late (within
    ``_BACK_TO_BACK_S``) is counted from that moment, as a device with no processing time
    would send it: the emulator's thread wake-ups are not line time.
    """

    def __init__(self) -> None:
        self.free_at = 0.0

    def send(self, n_bytes: int, baudrate: int, not_before: float = 0.0) -> None:
        now = time.monotonic()
        earliest = max(self.free_at, not_before)
        start = earliest if 0 <= now - earliest < _BACK_TO_BACK_S else max(now, earliest)
        self.free_at = start + wire_seconds(n_bytes, baudrate)
        delay = self.free_at - time.monotonic()
        if delay > 0:
            time.sleep(delay)


class PtyLink:
    """The master end of a pty; ``handler`` gets every chunk the driver sends.

    ``handler`` runs on the link's reader thread and answers with :meth:`write`.
    """

    def __init__(
        self,
        handler: Callable[[bytes], None],
        link: Path | None = None,
        baudrate: int | None = None,
    ) -> None:
        self._handler = handler
        self._link = link
        self.baudrate = baudrate
        self._write_lock = threading.Lock()
        self._to_driver = _LineClock()
        self._from_driver = _LineClock()
        self._stop = threading.Event()
        self._master = -1
        self._slave = -1
        self._thread: threading.Thread | None = None
        self.port = ""
        # The device's own UART speed, once it can change it (the PN532's SetSerialBaudRate):
        # bytes pass only while the host's end of the line is set to the same speed.
        self.line_speed: int | None = None

    # -- lifecycle ---------------------------------------------------------------------------

    def start(self) -> PtyLink:
        self._open_pty()
        self._stop.clear()
        self._thread = threading.Thread(target=self._read_loop, name="pty-link", daemon=True)
        self._thread.start()
        return self

    def close(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=2)
            self._thread = None
        self._close_fds()
        if self._link is not None:
            with contextlib.suppress(FileNotFoundError):
                if self._link.is_symlink():
                    self._link.unlink()

    def __enter__(self) -> PtyLink:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()

    def replug(self) -> None:
        """Pull the adapter out and plug it back in: the driver's open port dies, the link lives."""
        self.close()
        self.start()

    @property
    def path(self) -> str:
        """What a driver opens: the symlink when there is one, else the pty's own name."""
        return str(self._link) if self._link is not None else self.port

    # -- line speed ---------------------------------------------------------------------------

    def set_speed(self, baudrate: int) -> None:
        """The device's UART now runs at ``baudrate``; a paced line is paced at it from now on."""
        self.line_speed = baudrate
        if self.baudrate:
            self.baudrate = baudrate

    def host_speed(self) -> int | None:
        """The speed the host set on its end (the pty's termios, which both ends share), or None."""
        try:
            return TERMIOS_SPEEDS.get(termios.tcgetattr(self._master)[4])
        except (termios.error, OSError):
            return None

    def speeds_match(self) -> bool:
        """Whether bytes get through: the host's port is at the device's speed (or unchecked)."""
        if self.line_speed is None:
            return True
        host = self.host_speed()
        return host is None or host == self.line_speed

    def later(self, seconds: float, action: Callable[[], None]) -> Callable[[], None]:
        """Run ``action`` (on another thread) after ``seconds``; what cancels it."""
        timer = threading.Timer(seconds, action)
        timer.daemon = True
        timer.start()
        return timer.cancel

    # -- I/O ---------------------------------------------------------------------------------

    def write(self, data: bytes, *, one_byte_at_a_time: bool = False, delay_s: float = 0.0) -> None:
        """Send ``data`` to the driver, paced at the baud rate when one is set."""
        if delay_s:
            time.sleep(delay_s)
        if not self.speeds_match():
            data = garbled(data)
        with self._write_lock:
            pieces = [data[i : i + 1] for i in range(len(data))] if one_byte_at_a_time else [data]
            for piece in pieces:
                if self.baudrate:
                    self._to_driver.send(len(piece), self.baudrate, self._from_driver.free_at)
                elif one_byte_at_a_time:
                    time.sleep(0.0005)  # let the driver's read return between bytes
                self._write_all(piece)

    def _write_all(self, data: bytes) -> None:
        view = memoryview(data)
        while view:
            try:
                written = os.write(self._master, view)
            except OSError as exc:  # the emulator was closed or replugged meanwhile
                log.debug("pty write dropped: %s", exc)
                return
            view = view[written:]

    def _read_loop(self) -> None:
        master = self._master
        while not self._stop.is_set():
            try:
                ready, _, _ = select.select([master], [], [], 0.05)
                if not ready:
                    continue
                data = os.read(master, 4096)
            except OSError:
                return
            if not data:
                return
            if self.baudrate:
                # A command is read as soon as its first bytes are in: it arrives from now on.
                self._from_driver.free_at = max(self._from_driver.free_at, time.monotonic())
                self._from_driver.send(len(data), self.baudrate)
            if not self.speeds_match():
                data = garbled(data)
            try:
                self._handler(data)
            except Exception:  # an emulator bug must not kill the link silently
                log.exception("emulator handler failed")

    def _open_pty(self) -> None:
        self._master, self._slave = os.openpty()
        # Raw mode, so no byte (0x03, 0x11, 0x0D...) is eaten or translated by the line discipline.
        tty.setraw(self._master)
        tty.setraw(self._slave)
        self.port = os.ttyname(self._slave)
        if self._link is not None:
            tmp = self._link.with_name(self._link.name + ".new")
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
            tmp.symlink_to(self.port)
            tmp.replace(self._link)  # atomic: a driver never sees the link missing

    def _close_fds(self) -> None:
        for fd in (self._master, self._slave):
            if fd >= 0:
                with contextlib.suppress(OSError):
                    os.close(fd)
        self._master = self._slave = -1


class DeviceOptions(Protocol):
    """What every emulator's options hold: the faults to play and the line speed to pace at."""

    @property
    def baudrate(self) -> int | None: ...

    @property
    def faults(self) -> Any: ...


OptionsT = TypeVar("OptionsT", bound=DeviceOptions)


class PtyDevice(Generic[OptionsT]):
    """An emulated serial device behind a :class:`PtyLink`: started and closed with its link
    (also as a context manager), opened by a driver at :attr:`path`.

    A subclass names its options class, sets up its own state in :meth:`_setup` and answers
    what the driver sends in :meth:`_on_bytes` (on the link's thread, or the driver's on an
    in-process line), holding :attr:`_lock`.
    """

    options_type: type[OptionsT]
    link: PtyLink
    faults: Any  # the options' faults, which tests and the shell's ``fault`` command change

    def __init__(
        self, link: Path | None = None, options: OptionsT | None = None, *, clock: FakeClock | None = None
    ) -> None:
        """On a pty at ``link``; with ``clock``, on an in-process line with that fake clock (tests)."""
        self.options: OptionsT = options if options is not None else self.options_type()
        self.faults = self.options.faults
        self._lock = threading.RLock()
        self._setup()
        if clock is None:
            self.link = PtyLink(self._on_bytes, link, self._line_baudrate())
        else:
            from kiosk.devices.memlink import MemoryLink  # tests only

            self.link = MemoryLink(self._on_bytes, link, self._line_baudrate(), clock)

    def _setup(self) -> None:
        """The emulator's own state, before its line exists."""

    def _line_baudrate(self) -> int | None:
        """The speed both directions are paced at, or None for no pacing."""
        return self.options.baudrate

    def _on_bytes(self, data: bytes) -> None:
        raise NotImplementedError

    def start(self) -> Self:
        self.link.start()
        return self

    def close(self) -> None:
        self.link.close()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def path(self) -> str:
        """What a driver opens (the symlink when one was given, else the pty itself)."""
        return self.link.path


class LineFaults(Protocol):
    """Counters of replies still to damage (each use takes one off)."""

    corrupt: int
    drop: int
    noise: int


def damaged(reply: bytes, faults: LineFaults, noise: bytes) -> bytes:
    """``reply`` as a bad line delivers it while ``faults`` has some left: one bit flipped, one
    byte lost, ``noise`` in front."""
    out = bytearray(reply)
    if faults.corrupt > 0:
        faults.corrupt -= 1
        out[len(out) // 2] ^= 0x01
    if faults.drop > 0:
        faults.drop -= 1
        del out[len(out) // 2]
    if faults.noise > 0:
        faults.noise -= 1
        out[:0] = noise
    return bytes(out)
