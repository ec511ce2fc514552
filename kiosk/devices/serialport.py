"""What to tell a person when a serial port will not open, shared by the serial drivers."""

from __future__ import annotations

import errno


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
