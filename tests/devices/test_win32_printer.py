"""``escpos+win32://NAME``: the URL, and the printer against a fake ``win32print`` (pywin32 exists only
on Windows), through python-escpos's real Win32Raw."""

from __future__ import annotations

import sys
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.config import ConfigError, load_config
from kiosk.devices import factory
from kiosk.devices.errors import DeviceUnavailableError, PrinterOfflineError
from kiosk.devices.escpos.codec import parse_escpos
from kiosk.devices.escpos.win32 import (
    PRINTER_ATTRIBUTE_WORK_OFFLINE,
    PRINTER_STATUS_DOOR_OPEN,
    PRINTER_STATUS_NOT_AVAILABLE,
    PRINTER_STATUS_OFFLINE,
    PRINTER_STATUS_PAPER_OUT,
    PRINTER_STATUS_PAUSED,
    SpoolerPrinter,
    spooler_status,
)
from kiosk.devices.factory import DeviceUrlError, open_printer, parse_device_url, win32_printer_name
from kiosk.devices.interfaces import PrinterStatus
from kiosk.printing.catalog import render_document, serialise
from kiosk.printing.layout import PrinterProfile
from kiosk.printing.samples import sample_badge
from kiosk.printing.send import Printer, send_document

PRINTER = "EPSON TM-T82III 收据"
URL = f"escpos+win32://{quote(PRINTER)}?width=58"

# Printer names: any text but control characters (Windows has none in a name) and lone surrogates.
names = st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=60).filter(str.strip)


# -- the URL ----------------------------------------------------------------------------------


@given(names)
def test_any_name_percent_encoded_comes_back(name: str) -> None:
    assert win32_printer_name(f"escpos+win32://{quote(name, safe='')}") == name
    assert win32_printer_name(f"ESCPOS+WIN32://{quote(name, safe='')}?width=58") == name


@given(names.filter(lambda n: not set(n) & set("%?") and n == n.strip()))
def test_names_with_spaces_and_chinese_may_be_written_as_they_are(name: str) -> None:
    assert win32_printer_name(f"escpos+win32://{name}?width=80") == name


@given(st.text(max_size=40))
def test_whatever_follows_the_scheme_is_a_name_or_a_url_error(rest: str) -> None:
    try:
        name = win32_printer_name(f"escpos+win32://{rest}")
    except DeviceUrlError:
        return
    assert name.strip() and win32_printer_name(f"escpos+win32://{quote(name, safe='')}") == name


@pytest.mark.parametrize(
    ("url", "fragment"),
    [
        ("escpos+win32://", "needs the printer's name"),
        ("escpos+win32://?width=58", "needs the printer's name"),
        ("escpos+win32://%20%20", "needs the printer's name"),
        ("escpos+win32:EPSON", "after //"),
        ("escpos+win32://EPSON%0A", "control characters"),
        ("escpos+win32://EPSON%FF", "not UTF-8"),
    ],
)
def test_bad_names_are_refused_with_the_reason(url: str, fragment: str) -> None:
    with pytest.raises(DeviceUrlError, match=fragment):
        win32_printer_name(url)


def test_the_url_parses_on_windows_keeping_case_hash_and_colon(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(factory, "running_on_windows", lambda: True)
    parsed = parse_device_url("escpos+win32://Receipt #2: Front Desk?width=58", factory.PRINTER_SCHEMES)
    assert (parsed.host, parsed.options) == ("Receipt #2: Front Desk", {"width": "58"})
    with pytest.raises(DeviceUrlError, match="58 or 80"):
        parse_device_url("escpos+win32://EPSON?width=76", factory.PRINTER_SCHEMES)
    with pytest.raises(DeviceUrlError, match="needs the printer's name"):
        parse_device_url("escpos+win32://", factory.PRINTER_SCHEMES)


def test_elsewhere_the_configuration_says_it_is_for_windows(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text('[printer]\nurl = "escpos+win32://EPSON%20TM-T82III"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"printer\.url: .*works only on Windows; here use escpos\+cups"):
        load_config(path, {})


# -- the printer, against a fake spooler -------------------------------------------------------------


class FakeSpooler:
    """The part of pywin32's win32print (its names) that Win32Raw and our status use, recording calls."""

    PRINTER_ENUM_NAME = 8

    def __init__(self, printers: list[str]) -> None:
        self.printers = printers
        self.calls: list[str] = []
        self.jobs: list[tuple[Any, ...]] = []
        self.written = b""
        self.status = 0
        self.attributes = 0
        self.fail_writes = False

    def module(self, error: type[Exception]) -> types.ModuleType:
        self.error = error
        module = types.ModuleType("win32print")
        for name in dir(self):
            if name[0].isupper():
                setattr(module, name, getattr(self, name))
        return module

    def EnumPrinters(self, flags: int, name: str, level: int) -> list[dict[str, Any]]:
        return [{"pPrinterName": printer, "Attributes": 0} for printer in self.printers]

    def GetDefaultPrinter(self) -> str:
        return self.printers[0]

    def OpenPrinter(self, name: str) -> str:
        self.calls.append("OpenPrinter")
        if name not in self.printers:
            raise self.error(1801, "OpenPrinter", "The printer name is invalid.")
        return f"handle:{name}"

    def StartDocPrinter(self, handle: str, level: int, info: tuple[str, str, str]) -> int:
        self.calls.append("StartDocPrinter")
        self.jobs.append((handle, level, info))
        return len(self.jobs)

    def StartPagePrinter(self, handle: str) -> None:
        self.calls.append("StartPagePrinter")

    def WritePrinter(self, handle: str, data: bytes) -> int:
        self.calls.append("WritePrinter")
        if self.fail_writes:
            raise self.error(1722, "WritePrinter", "The RPC server is unavailable.")
        self.written += data
        return len(data)

    def EndPagePrinter(self, handle: str) -> None:
        self.calls.append("EndPagePrinter")

    def EndDocPrinter(self, handle: str) -> None:
        self.calls.append("EndDocPrinter")

    def ClosePrinter(self, handle: str) -> None:
        self.calls.append("ClosePrinter")

    def GetPrinter(self, handle: str, level: int) -> dict[str, Any]:
        return {"pPrinterName": handle, "Status": self.status, "Attributes": self.attributes}


@pytest.fixture
def spooler(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeSpooler]:
    """A Windows machine with one receipt printer: the fake in sys.modules (for our own import) and
    in python-escpos's win32raw module, which looked for pywin32 once, when it was first imported."""
    from escpos.printer import win32raw

    fake = FakeSpooler([PRINTER, "Microsoft Print to PDF"])
    pywintypes = types.ModuleType("pywintypes")
    pywintypes.error = type("error", (Exception,), {})  # type: ignore[attr-defined]
    win32print = fake.module(pywintypes.error)  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "win32print", win32print)
    monkeypatch.setitem(sys.modules, "pywintypes", pywintypes)
    monkeypatch.setattr(win32raw, "win32print", win32print, raising=False)
    monkeypatch.setattr(win32raw, "pywintypes", pywintypes, raising=False)
    monkeypatch.setattr(win32raw, "_DEP_WIN32PRINT", True)
    monkeypatch.setattr(factory, "running_on_windows", lambda: True)
    yield fake


def badge() -> bytes:
    return render_document(sample_badge(), "zh_CN", PrinterProfile(58))


def test_a_badge_reaches_the_queue_as_one_raw_job(spooler: FakeSpooler, tmp_path: Path) -> None:
    printer = open_printer(URL, tmp_path)
    assert isinstance(printer, SpoolerPrinter) and printer.paper_width_mm == 58
    assert printer.name == f"escpos+win32://{PRINTER}"
    data = badge()
    printer.send(data)
    assert spooler.written == data and "欧阳娜娜" in parse_escpos(spooler.written).text_lines()
    # RAW: the driver passes the bytes on as they are; the queue shows our name for the job.
    assert spooler.jobs == [(f"handle:{PRINTER}", 1, ("lobby-kiosk", "", "RAW"))]
    # The job is ended and the handle closed, or the spooler would never print it.
    assert spooler.calls[-3:] == ["EndPagePrinter", "EndDocPrinter", "ClosePrinter"]


def test_a_spooler_error_fails_the_job_for_a_retry_and_the_next_try_prints(
    spooler: FakeSpooler, tmp_path: Path
) -> None:
    printer = open_printer(URL, tmp_path)
    spooler.fail_writes = True
    with pytest.raises(PrinterOfflineError, match=r"sending failed .*RPC server is unavailable"):
        printer.send(b"\x1b@x\n")
    assert spooler.calls[-1] == "ClosePrinter"  # the half-sent job is closed, not left open
    # Through the station's (and the server's) sending: the job fails with its reason and stays
    # queued for the next round rather than being dropped or marked unprintable.
    sent = send_document(
        [Printer(printer, PrinterProfile(58))], *serialise(sample_badge()), "zh_CN", False, 1
    )
    assert sent.printer is None and sent.error is not None
    assert sent.error.startswith(f"escpos+win32://{PRINTER}: ") and not sent.error.startswith("unprintable")
    spooler.fail_writes = False
    printer.send(badge())
    assert spooler.written == badge()


def test_a_queue_set_offline_is_not_sent_to(spooler: FakeSpooler, tmp_path: Path) -> None:
    printer = open_printer(URL, tmp_path)
    assert printer.status() is PrinterStatus.UNKNOWN  # the spooler says nothing against it
    spooler.attributes = PRINTER_ATTRIBUTE_WORK_OFFLINE  # Windows' "Use printer offline"
    assert printer.status() is PrinterStatus.OFFLINE
    sent = send_document(
        [Printer(printer, PrinterProfile(58))], *serialise(sample_badge()), "zh_CN", False, 1
    )
    assert sent.error == f"escpos+win32://{PRINTER}: offline" and spooler.written == b""
    spooler.printers.remove(PRINTER)  # the queue deleted while the kiosk runs
    assert printer.status() is PrinterStatus.OFFLINE


def test_a_misspelt_name_stops_the_start_naming_the_printers_windows_has(
    spooler: FakeSpooler, tmp_path: Path
) -> None:
    with pytest.raises(
        DeviceUnavailableError, match=r"no printer named 'EPSON' .*it has: EPSON TM-T82III 收据, Micro"
    ):
        open_printer("escpos+win32://EPSON", tmp_path)


def test_without_pywin32_the_printer_names_what_to_install(
    spooler: FakeSpooler, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from escpos.printer import win32raw

    monkeypatch.setattr(win32raw, "_DEP_WIN32PRINT", False)
    with pytest.raises(DeviceUnavailableError, match="needs pywin32"):
        open_printer(URL, tmp_path)


@given(st.integers(0, 2**32 - 1), st.integers(0, 2**32 - 1))
def test_spooler_bits(status: int, attributes: int) -> None:
    if attributes & PRINTER_ATTRIBUTE_WORK_OFFLINE or status & (
        PRINTER_STATUS_OFFLINE | PRINTER_STATUS_PAUSED | PRINTER_STATUS_NOT_AVAILABLE
    ):
        expected = PrinterStatus.OFFLINE
    elif status & PRINTER_STATUS_PAPER_OUT:
        expected = PrinterStatus.PAPER_OUT
    elif status & PRINTER_STATUS_DOOR_OPEN:
        expected = PrinterStatus.COVER_OPEN
    else:
        expected = PrinterStatus.UNKNOWN
    assert spooler_status(status, attributes) is expected
