"""The real network transport (python-escpos over TCP) against our emulated printer on loopback."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from kiosk.devices.errors import PrinterOfflineError
from kiosk.devices.escpos.codec import parse_escpos
from kiosk.devices.escpos.emulator import NetworkPrinterEmulator
from kiosk.devices.factory import open_printer
from kiosk.devices.interfaces import PrinterStatus
from kiosk.printing.catalog import render_document
from kiosk.printing.layout import PrinterProfile
from kiosk.printing.samples import sample_badge


@pytest.fixture
def emulator(tmp_path: Path):  # type: ignore[no-untyped-def]
    with NetworkPrinterEmulator(tmp_path / "out", port=0, paper_width_mm=58) as running:
        yield running


def wait_for_documents(emulator: NetworkPrinterEmulator, count: int) -> None:
    import time

    deadline = time.monotonic() + 5
    while len(emulator.documents) < count and time.monotonic() < deadline:
        time.sleep(0.02)


def test_badge_over_tcp_is_stored_as_bytes_and_png(emulator: NetworkPrinterEmulator, tmp_path: Path) -> None:
    printer = open_printer(f"escpos+tcp://127.0.0.1:{emulator.port}?width=58&timeout=2", tmp_path)
    data = render_document(sample_badge(), "zh_CN", PrinterProfile(58))
    assert printer.status() is PrinterStatus.ONLINE
    printer.send(data)
    wait_for_documents(emulator, 1)
    assert emulator.documents == [data]  # the status requests are not part of the document
    assert "欧阳娜娜" in parse_escpos(emulator.documents[0]).text_lines()
    assert (tmp_path / "out" / "000001.png").read_bytes().startswith(b"\x89PNG")


@pytest.mark.parametrize(
    "state", [PrinterStatus.PAPER_OUT, PrinterStatus.COVER_OPEN, PrinterStatus.PAPER_NEAR_END]
)
def test_status_is_read_with_dle_eot(
    emulator: NetworkPrinterEmulator, tmp_path: Path, state: PrinterStatus
) -> None:
    emulator.state = state
    printer = open_printer(f"escpos+tcp://127.0.0.1:{emulator.port}?timeout=2", tmp_path)
    assert printer.status() is state


def test_switched_off_printer_is_offline(emulator: NetworkPrinterEmulator, tmp_path: Path) -> None:
    emulator.state = PrinterStatus.OFFLINE
    printer = open_printer(f"escpos+tcp://127.0.0.1:{emulator.port}?timeout=1", tmp_path)
    assert printer.status() in (PrinterStatus.UNKNOWN, PrinterStatus.OFFLINE)
    emulator.close()
    with pytest.raises(PrinterOfflineError):
        printer.send(b"\x1b@x\n")


def test_cups_queue_gets_raw_bytes_through_lp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    spool = tmp_path / "spool.bin"
    lp = tmp_path / "lp"
    lp.write_text(
        f'#!/bin/sh\n[ "$2" = lobby ] || exit 1\n[ "$4" = raw ] || exit 1\ncat > {spool}\n', encoding="utf-8"
    )
    lpstat = tmp_path / "lpstat"
    lpstat.write_text("#!/bin/sh\necho 'printer lobby is idle.  enabled since today'\n", encoding="utf-8")
    for tool in (lp, lpstat):
        tool.chmod(tool.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{tmp_path}:/usr/bin:/bin")
    printer = open_printer("escpos+cups://lobby", tmp_path)
    printer.send(b"\x1b@hello\n")
    assert spool.read_bytes() == b"\x1b@hello\n"
    assert printer.status() is PrinterStatus.UNKNOWN  # CUPS cannot tell paper from no paper

    lpstat.write_text("#!/bin/sh\necho 'printer lobby disabled since today'\n", encoding="utf-8")
    assert printer.status() is PrinterStatus.OFFLINE
    broken = open_printer("escpos+cups://nosuchqueue", tmp_path)
    with pytest.raises(PrinterOfflineError, match="exit 1"):
        broken.send(b"x")
