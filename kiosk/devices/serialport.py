"""What the serial drivers share: :class:`SerialDevice` (one port, one command at a time, a wait
that another thread can cancel, a lost port told apart from a silent device), opening a port with
a message a person can act on, closing a dead one quietly, and counting what went over the wire.

A driver keeps only its protocol: the handshake that proves the right device answers, and its
commands and replies. Time is read through the port's :class:`Clock` (the wall clock for a real
port; the in-process line of :mod:`kiosk.devices.memlink` brings a fake one, so tests of timeouts
do not wait them out).
"""

from __future__ import annotations

import errno
import logging
import threading
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

import serial  # type: ignore[import-untyped]

from kiosk.devices.errors import DeviceUnavailableError

log = logging.getLogger(__name__)

MEMORY_SCHEME = "memory://"
BITS_PER_BYTE = 10  # 8N1: start bit, 8 data bits, stop bit


def wire_seconds(n_bytes: int, baudrate: int) -> float:
    """How long ``n_bytes`` take on an 8N1 line at ``baudrate``."""
    return n_bytes * BITS_PER_BYTE / baudrate


# What a port that went away raises. pyserial's flush on a pty whose other end is gone raises
# termios.error, not an OSError.
PORT_ERRORS: tuple[type[Exception], ...] = (serial.SerialException, OSError)
try:
    import termios

    PORT_ERRORS += (termios.error,)
except ImportError:  # Windows
    pass


def open_error_message(port: str, exc: Exception, device: str = "device") -> str:
    """One sentence saying why ``port`` did not open and what to do, for pyserial's errors.

    pyserial wraps the OS error in a SerialException whose text (not always its errno) names
    the cause, on Linux and on Windows alike, so both are looked at.
    """
    code = getattr(exc, "errno", None)
    text = str(exc)
    if code == errno.ENOENT or "FileNotFoundError" in text or "cannot find the file" in text:
        return f"{port} does not exist: is the {device} plugged in (and is this its port)?"
    if code in (errno.EACCES, errno.EPERM) or "PermissionError" in text or "Access is denied" in text:
        return (
            f"no permission to open {port}: add the kiosk's user to the 'dialout' group "
            "(sudo usermod -aG dialout USER, then log in again), or install the udev rule from "
            "docs/hardware.md; on Windows the port may be open in another program"
        )
    if code in (errno.EBUSY, errno.EAGAIN) or "exclusively lock" in text:
        return f"{port} is in use by another program (close it, or check for a second kiosk)"
    return f"cannot open {port}: {text}"


def open_serial(port: str, baudrate: int, device: str, *, timeout: float, write_timeout: float) -> Any:
    """Open ``port`` for one driver alone; DeviceUnavailableError says why it would not open.

    A ``memory://`` name is an in-process line (:mod:`kiosk.devices.memlink`), for tests.
    """
    try:
        if port.startswith(MEMORY_SCHEME):
            from kiosk.devices.memlink import open_memory_port

            return open_memory_port(port, timeout=timeout, baudrate=baudrate)
        return serial.Serial(port, baudrate, timeout=timeout, write_timeout=write_timeout, exclusive=True)
    except (serial.SerialException, OSError, ValueError) as exc:
        raise DeviceUnavailableError(open_error_message(port, exc, device)) from exc


class UrlOptions:
    """A device URL's query options (``?baudrate=9600&timeout=0.5``) as one driver takes them:
    a name it does not know is refused, a number that is not one is named. Errors are ValueError."""

    def __init__(self, options: Mapping[str, str], device: str = "", known: Iterable[str] | None = None):
        if known is not None:
            unknown = sorted(set(options) - set(known))
            if unknown:
                raise ValueError(f"unknown option(s) for {device}: {', '.join(unknown)}")
        self._options = options

    def integer(self, key: str, default: int) -> int:
        return int(self._number(key, default, int))

    def number(self, key: str, default: float) -> float:
        return self._number(key, default, float)

    def _number(self, key: str, default: float, kind: type[int] | type[float]) -> float:
        raw = self._options.get(key)
        try:
            return default if raw is None else kind(raw)
        except ValueError:
            raise ValueError(f"option {key}={raw!r} is not a number") from None

    def text(self, key: str, default: str) -> str:
        return self._options.get(key, default)


def close_quietly(port: serial.Serial | None, name: str) -> None:
    """Close a port that may already be dead (unplugged): nothing more to do about it."""
    if port is not None:
        try:
            port.close()
        except PORT_ERRORS:
            log.debug("%s: closing a dead port failed", name)


@dataclass
class WireStats:
    """Bytes and round trips on the wire since the last :meth:`reset` (for tests and the bench)."""

    bytes_out: int = 0
    bytes_in: int = 0
    round_trips: int = 0

    @property
    def total_bytes(self) -> int:
        return self.bytes_out + self.bytes_in

    def reset(self) -> None:
        self.bytes_out = self.bytes_in = self.round_trips = 0


class Clock(Protocol):
    """Time as a driver sees it: now, a pause, and a pause that an event cuts short."""

    def monotonic(self) -> float: ...

    def sleep(self, seconds: float) -> None: ...

    def wait(self, event: threading.Event, seconds: float) -> bool: ...


class WallClock:
    """The real time of a real port."""

    def monotonic(self) -> float:
        return time.monotonic()

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)

    def wait(self, event: threading.Event, seconds: float) -> bool:
        return event.wait(seconds)


WALL_CLOCK = WallClock()


class PortLostError(Exception):
    """The serial port died under the driver (unplugged, or closed meanwhile)."""


class SerialDevice:
    """A device on a serial port that one driver holds: the base of the PN532, MSR and ID-card
    reader drivers.

    Every public method of a driver takes :attr:`_lock` for its whole operation, so callers on
    several threads are served one at a time; :meth:`cancel` (or :meth:`close`) gives up a wait
    that another thread is in. The port is opened by :meth:`_open`, which runs the driver's
    :meth:`_handshake` and drops the port again if it fails; :meth:`_send`, :meth:`_receive` and
    :meth:`_discard_input` turn every way a port dies (:data:`PORT_ERRORS`, termios.error
    included) into :class:`PortLostError` and drop the dead port, so the next operation reopens.
    """

    #: What the device is called in "is the ... plugged in?" messages.
    device_kind = "device"
    #: The pyserial read timeout: how often a wait looks at the clock and the cancel event.
    poll_s = 0.02
    write_timeout_s = 5.0

    def __init__(self, port: str, baudrate: int, name: str) -> None:
        self._port_name = port
        self._baudrate = baudrate
        self._name = name
        self._lock = threading.RLock()
        self._cancel = threading.Event()
        self._serial: Any = None
        self._closed = False
        self._clock: Clock = WALL_CLOCK
        self.stats = WireStats()

    @property
    def name(self) -> str:
        return self._name

    def cancel(self) -> None:
        """Give up a wait that another thread is in (it raises the driver's "no card" error)."""
        self._cancel.set()

    def close(self) -> None:
        """Stop any wait and release the port."""
        self._cancel.set()
        with self._lock:
            if self._serial is not None:
                self._before_close()
            self._closed = True
            self._drop_port()

    # -- hooks for the driver ----------------------------------------------------------------

    def _handshake(self) -> None:
        """Check that the right device answers on the freshly opened port, and set it up.

        Raises DeviceUnavailableError saying what is wrong; PortLostError if the port dies.
        """
        raise NotImplementedError

    def _ready_text(self) -> str:
        """What the log says once the handshake passed."""
        return f"{self.device_kind} ready"

    def _before_close(self) -> None:
        """The last words to the device on :meth:`close` (the port is still open)."""

    def _on_drop(self) -> None:
        """Forget what only held while the port was open."""

    # -- opening -----------------------------------------------------------------------------

    def _ensure_open(self) -> None:
        if self._closed:
            raise DeviceUnavailableError(f"{self.name} is closed")
        if self._serial is None:
            self._open()

    def _open(self) -> None:
        self._serial = open_serial(
            self._port_name,
            self._baudrate,
            self.device_kind,
            timeout=self.poll_s,
            write_timeout=self.write_timeout_s,
        )
        self._clock = getattr(self._serial, "clock", WALL_CLOCK)
        try:
            self._handshake()
        except PortLostError as exc:
            self._drop_port()
            raise DeviceUnavailableError(f"{self.name} went away while opening: {exc}") from exc
        except BaseException:
            self._drop_port()
            raise
        log.info("%s: %s", self.name, self._ready_text())

    def _drop_port(self) -> None:
        port, self._serial = self._serial, None
        self._on_drop()
        close_quietly(port, self.name)

    # -- the wire ----------------------------------------------------------------------------

    def _discard_input(self) -> None:
        """Forget what the device sent before: a late reply is not the answer to the next command."""
        self._port_call(lambda port: port.reset_input_buffer())

    def _send(self, data: bytes) -> None:
        self._port_call(lambda port: port.write(data))
        self.stats.bytes_out += len(data)

    def _receive(self) -> bytes:
        """What has arrived, or what arrives within :attr:`poll_s` (perhaps nothing)."""
        data: bytes = self._port_call(lambda port: port.read(port.in_waiting or 1))
        self.stats.bytes_in += len(data)
        return data

    def _port_call(self, call: Any) -> Any:
        if self._serial is None:
            raise PortLostError("the port is closed")
        try:
            return call(self._serial)
        except PORT_ERRORS as exc:
            self._drop_port()
            raise PortLostError(str(exc) or type(exc).__name__) from exc

    def _cancelled(self, cancel: threading.Event | None) -> bool:
        return self._cancel.is_set() or (cancel is not None and cancel.is_set())
