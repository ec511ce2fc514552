"""What the serial drivers share: opening a port with a message a person can act on, closing a
dead one quietly, and counting what went over the wire."""

from __future__ import annotations

import errno
import logging
from dataclasses import dataclass

import serial  # type: ignore[import-untyped]

from kiosk.devices.errors import DeviceUnavailableError

log = logging.getLogger(__name__)

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


def open_serial(
    port: str, baudrate: int, device: str, *, timeout: float, write_timeout: float
) -> serial.Serial:
    """Open ``port`` for one driver alone; DeviceUnavailableError says why it would not open."""
    try:
        return serial.Serial(port, baudrate, timeout=timeout, write_timeout=write_timeout, exclusive=True)
    except (serial.SerialException, OSError, ValueError) as exc:
        raise DeviceUnavailableError(open_error_message(port, exc, device)) from exc


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
