"""Open a device from the URL in the configuration.

Printers: ``emulated:`` (optionally ``emulated:?width=58``), ``escpos+tcp://HOST[:PORT]``,
``escpos+usb://VID:PID``, ``escpos+serial:///dev/ttyS0?baudrate=9600``, ``escpos+file:///dev/usb/lp0``,
``escpos+cups://QUEUE`` (raw through the local CUPS server), ``escpos+win32://PRINTER NAME`` (raw
through the Windows print spooler; the name as Windows shows it, ``%20`` for a space if you like).
Encoders: ``pn532:///dev/ttyUSB0?baudrate=115200`` (NXP PN532 on HSU, Mifare Classic 1K),
``msr:///dev/ttyUSB0?baudrate=9600`` (MSR206/605 magnetic stripe; also ``coercivity=hi|lo|keep``),
``pn532://COM3`` / ``msr://COM4`` on Windows, ``emulated:`` (optionally ``emulated:?cards=20``: a PN532
emulator on a pty with that many blank cards), ``memory:`` (no cards; tests).
ID-card readers: ``idreader:///dev/ttyUSB1?baudrate=115200`` (``idreader://COM4`` on Windows),
``emulated:`` (the SAM emulator on a pty with a demo card on it).
In place of a serial port, ``memory://NAME`` opens an emulator's in-process line
(:mod:`kiosk.devices.memlink`, for tests): ``pn532://memory://pn532-1``.
"""

from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

from kiosk.devices.emulated import EmulatedPrinter, emulated_encoder
from kiosk.devices.errors import DeviceUnavailableError
from kiosk.devices.escpos.transport import CupsPrinter, EscposPrinter, escpos_printer_module
from kiosk.devices.escpos.win32 import open_spooler_printer
from kiosk.devices.fakes import MemoryEncoder
from kiosk.devices.idreader.driver import SamIdCardReader
from kiosk.devices.idreader.protocol import BAUDRATES as ID_READER_BAUDRATES
from kiosk.devices.interfaces import CardEncoder, IdCardReader, ReceiptPrinter
from kiosk.devices.serialport import MEMORY_SCHEME, UrlOptions

PRINTER_SCHEMES = (
    "emulated",
    "escpos+tcp",
    "escpos+usb",
    "escpos+serial",
    "escpos+file",
    "escpos+cups",
    "escpos+win32",
)
WIN32_SCHEME = "escpos+win32"
WIN32_EXAMPLE = "escpos+win32://EPSON%20TM-T82III"
ENCODER_SCHEMES = ("emulated", "memory", "pn532", "msr")
ID_READER_SCHEMES = ("idreader", "emulated")
PAPER_WIDTHS = (58, 80)


class DeviceUrlError(ValueError):
    """The URL does not describe a device this build can open; the message says why."""


@dataclass(frozen=True)
class DeviceUrl:
    """A parsed device URL: scheme, the part after it, and its query options."""

    scheme: str
    host: str
    port: int | None
    path: str
    options: dict[str, str] = field(default_factory=dict)

    def int_option(self, key: str, default: int) -> int:
        try:
            return UrlOptions(self.options).integer(key, default)
        except ValueError as exc:
            raise DeviceUrlError(str(exc)) from None


def parse_device_url(url: str, schemes: tuple[str, ...]) -> DeviceUrl:
    """Split ``url`` and check it has one of ``schemes`` and the parts that scheme needs."""
    text = url.strip()
    if ":" not in text:
        raise DeviceUrlError(
            f"{url!r} is not a device URL (expected one of: {', '.join(s + ':' for s in schemes)})"
        )
    parts = urlsplit(text)
    scheme = parts.scheme.lower()
    if scheme not in schemes:
        raise DeviceUrlError(f"unknown scheme {parts.scheme!r} (expected one of: {', '.join(schemes)})")
    if scheme == WIN32_SCHEME:
        # A printer's name is not a host name: urlsplit would lower-case it, read "#" as a fragment
        # and a colon as a port.
        options = dict(parse_qsl(text.partition("?")[2], keep_blank_values=True))
        win32 = DeviceUrl(scheme, win32_printer_name(text), None, "", options)
        _check_parts(win32, url)
        return win32
    port = None
    if scheme != "escpos+usb":  # "VID:PID" is not a host and port
        try:
            port = parts.port
        except ValueError:
            raise DeviceUrlError(f"{url!r} has an invalid port") from None
    options = dict(parse_qsl(parts.query, keep_blank_values=True))
    parsed = DeviceUrl(scheme, parts.hostname or "", port, parts.path, options)
    _check_parts(parsed, url)
    return parsed


def running_on_windows() -> bool:
    """Whether this is Windows (a function, so tests can answer for a Windows machine)."""
    return os.name == "nt"


def win32_printer_name(url: str) -> str:
    """The printer name in ``escpos+win32://NAME[?width=58]``: everything after the two slashes up to
    the first ``?``, its %-escapes decoded as UTF-8 (``%20`` a space, ``%3F`` a question mark,
    ``%25`` a percent sign). Spaces and Chinese may also be written as they are."""
    text = url.strip()
    prefix = WIN32_SCHEME + "://"
    if text[: len(prefix)].lower() != prefix:
        raise DeviceUrlError(f"{url!r}: write the printer's name after //, e.g. {WIN32_EXAMPLE}")
    quoted = text[len(prefix) :].partition("?")[0]
    try:
        name = unquote(quoted, errors="strict")
    except UnicodeDecodeError:
        raise DeviceUrlError(f"{url!r}: its %-escapes are not UTF-8 text (a space is %20)") from None
    if not name.strip():
        raise DeviceUrlError(
            f"{url!r} needs the printer's name as Windows shows it in Printers & scanners, e.g. {WIN32_EXAMPLE}"
        )
    if any(unicodedata.category(char) == "Cc" for char in name):
        raise DeviceUrlError(f"{url!r}: a printer's name has no control characters")
    return name


def _check_parts(u: DeviceUrl, url: str) -> None:
    if u.scheme == WIN32_SCHEME and not running_on_windows():
        raise DeviceUrlError(
            f"{url!r} prints through the Windows print spooler and works only on Windows; here use "
            "escpos+cups://QUEUE, escpos+usb://VID:PID or escpos+tcp://HOST (docs/hardware.md)"
        )
    if u.scheme == "escpos+cups" and not u.host:
        raise DeviceUrlError(f"{url!r} needs the CUPS queue name, e.g. escpos+cups://lobby-printer")
    if u.scheme == "escpos+tcp" and not u.host:
        raise DeviceUrlError(f"{url!r} needs a host, e.g. escpos+tcp://10.0.0.5:9100")
    if u.scheme in ("escpos+serial", "escpos+file") and not u.path:
        raise DeviceUrlError(f"{url!r} needs a device path, e.g. {u.scheme}:///dev/ttyS0")
    if u.scheme == "escpos+usb":
        _usb_ids(u, url)
    if u.scheme in ("pn532", "msr"):
        _encoder_port(u, url)
    if u.scheme == "idreader":
        _id_reader_port(u, url)
    width = u.int_option("width", 80)
    if width not in PAPER_WIDTHS:
        raise DeviceUrlError(f"paper width must be 58 or 80, not {width}")


def _usb_ids(u: DeviceUrl, url: str) -> tuple[int, int]:
    # urlsplit reads "0x0416:0x5011" as host "0x0416" and port 0x5011, which it cannot parse.
    netloc = urlsplit(url.strip()).netloc
    vid, sep, pid = netloc.partition(":")
    try:
        if not sep:
            raise ValueError
        return int(vid, 16), int(pid, 16)
    except ValueError:
        raise DeviceUrlError(
            f"{url!r} needs USB ids as VID:PID in hex, e.g. escpos+usb://0x0416:0x5011"
        ) from None


def open_printer(url: str, emulated_dir: Path) -> ReceiptPrinter:
    """Open the printer ``url`` names. Raises DeviceUrlError or DeviceUnavailableError."""
    u = parse_device_url(url, PRINTER_SCHEMES)
    width = u.int_option("width", 80)
    if u.scheme == "emulated":
        return EmulatedPrinter(Path(u.options.get("dir") or emulated_dir), width)
    if u.scheme == "escpos+cups":
        return CupsPrinter(urlsplit(url.strip()).netloc, width)
    if u.scheme == WIN32_SCHEME:
        return open_spooler_printer(u.host, width)
    printer = escpos_printer_module()
    if u.scheme == "escpos+tcp":
        host, port = u.host, u.port or 9100
        timeout = u.int_option("timeout", 10)
        return EscposPrinter(url, lambda: printer.Network(host, port, timeout=timeout), width)
    if u.scheme == "escpos+usb":
        vid, pid = _usb_ids(u, url)
        return EscposPrinter(url, lambda: printer.Usb(vid, pid), width)
    _require_device_node(u.path)
    if u.scheme == "escpos+serial":
        path, baud = u.path, u.int_option("baudrate", 9600)
        return EscposPrinter(url, lambda: printer.Serial(path, baudrate=baud), width)
    path = u.path
    return EscposPrinter(url, lambda: printer.File(path), width, can_read_status=False)


def open_encoder(url: str, site_key: bytes | None = None) -> CardEncoder:
    """Open the card encoder ``url`` names. Raises DeviceUrlError or DeviceUnavailableError.

    ``site_key``: the site's card key, only on the server machine (its own ``kiosk device``
    tools), where a PN532 derives each card's sector keys from it. A station opens its encoder
    without it: every read, write and wipe then brings the keys the server gave for that card.
    """
    u = parse_device_url(url, ENCODER_SCHEMES)
    if u.scheme == "emulated":
        return emulated_encoder(u.int_option("cards", 50), site_key)
    if u.scheme == "memory":
        return MemoryEncoder()
    port = _encoder_port(u, url)
    if port.startswith("/"):
        _require_device_node(port)
    try:
        if u.scheme == "pn532":
            from kiosk.devices.pn532.driver import Pn532Encoder

            return Pn532Encoder.from_options(port, site_key, u.options)
        from kiosk.devices.msr.driver import MsrEncoder

        return MsrEncoder.from_options(port, u.options)
    except DeviceUrlError:
        raise
    except ValueError as exc:  # an option the driver does not take
        raise DeviceUrlError(f"{url!r}: {exc}") from None


def _encoder_port(u: DeviceUrl, url: str) -> str:
    """The serial port of a ``pn532:`` / ``msr:`` URL."""
    return _serial_port(u, url, "ttyUSB0", "COM3")


def _serial_port(u: DeviceUrl, url: str, example_tty: str, example_com: str) -> str:
    """A serial URL's port: /dev/... as the path, COM3 as the host part (urlsplit would lower-case
    it as a host name), and ``memory://NAME`` (an in-process line, for tests) as it stands."""
    netloc = urlsplit(url.strip()).netloc
    if (netloc + u.path).startswith(MEMORY_SCHEME):
        return netloc + u.path
    port = u.path or netloc
    if not port:
        raise DeviceUrlError(
            f"{url!r} needs the serial port, e.g. {u.scheme}:///dev/{example_tty} or {u.scheme}://{example_com}"
        )
    return port


def _id_reader_port(u: DeviceUrl, url: str) -> tuple[str, int]:
    """The serial port and baud rate of an ``idreader:`` URL."""
    port = _serial_port(u, url, "ttyUSB1", "COM4")
    try:
        baudrate = UrlOptions(u.options, "an ID-card reader", ("baudrate",)).integer(
            "baudrate", ID_READER_BAUDRATES[0]
        )
    except ValueError as exc:
        raise DeviceUrlError(str(exc)) from None
    if baudrate not in ID_READER_BAUDRATES:
        rates = ", ".join(str(b) for b in ID_READER_BAUDRATES)
        raise DeviceUrlError(f"an ID-card reader runs at {rates} baud, not {baudrate}")
    return port, baudrate


def open_id_reader(url: str) -> IdCardReader:
    """Open the resident ID-card reader ``url`` names. Raises DeviceUrlError or DeviceUnavailableError."""
    u = parse_device_url(url, ID_READER_SCHEMES)
    if u.scheme == "emulated":
        # Imported here: the emulator needs a POSIX pty, which Windows kiosks never open.
        from kiosk.devices.idreader.emulator import EmulatedIdCardReader

        return EmulatedIdCardReader()
    port, baudrate = _id_reader_port(u, url)
    return SamIdCardReader(port, baudrate)


def _require_device_node(path: str) -> None:
    if not os.path.exists(path):
        raise DeviceUnavailableError(f"{path} does not exist (is the device plugged in?)")
    if not os.access(path, os.R_OK | os.W_OK):
        raise DeviceUnavailableError(
            f"no permission to open {path}: add the kiosk's user to the group that owns it "
            "(usually 'dialout' for serial ports, 'lp' for printers) and log in again"
        )
