"""Card encoders on the wire: issue-and-verify of one card through each driver, against its
emulator paced like a real line (every byte takes 10 bit times at the configured baud rate).

Per driver: the bytes and round trips of one issue-and-verify (the driver's ``write_payload``,
which reads back what it wrote), the wire-time bound those bytes imply, and the measured p95
against the paced emulator as a ratio to the bound. What is above the bound is the driver's and
the operating system's own time (pty hops, thread wake-ups, parsing).
"""

from __future__ import annotations

import time

from bench.figures import Figure, percentile
from kiosk.devices.msr.driver import MsrEncoder
from kiosk.devices.msr.emulator import MagCard, MsrEmulator, MsrEmulatorOptions
from kiosk.devices.pn532.driver import Pn532Encoder
from kiosk.devices.pn532.emulator import EmulatorOptions, Pn532Emulator
from kiosk.devices.serialport import wire_seconds

PN532_BAUD = 115200
MSR_BAUD = 9600
SITE_KEY = bytes(range(32))
CHIP_PAYLOAD = bytes(range(0x40, 0x60))  # 32 bytes: a chip credential
STRIPE_PAYLOAD = bytes(range(1, 16))  # 15 bytes: a compact credential (37 digits on track 2)


def pn532_issue_verify(rounds: int) -> list[Figure]:
    """A blank visitor card formatted, written and verified, ``rounds`` times (a new card each)."""
    times: list[float] = []
    sizes: set[tuple[int, int]] = set()
    with Pn532Emulator(options=EmulatorOptions(baudrate=PN532_BAUD, pace=True)) as emulator:
        encoder = Pn532Encoder(emulator.path, SITE_KEY, baudrate=PN532_BAUD)
        try:
            for _ in range(rounds):
                emulator.present()  # a new blank card on the pad
                card = encoder.wait_for_card(5)
                if encoder.read_payload(card) is not None:  # the desk identifies it first
                    raise RuntimeError("the emulator's new card is not blank")
                encoder.stats.reset()
                started = time.perf_counter()
                encoder.write_payload(card, CHIP_PAYLOAD)
                times.append(time.perf_counter() - started)
                sizes.add((encoder.stats.total_bytes, encoder.stats.round_trips))
        finally:
            encoder.close()
    return _figures("pn532", times, sizes, PN532_BAUD, bytes_target=400)


def msr_issue_verify(rounds: int) -> list[Figure]:
    """A stripe written (one swipe) and read back (a second), ``rounds`` times."""
    times: list[float] = []
    sizes: set[tuple[int, int]] = set()
    with MsrEmulator(options=MsrEmulatorOptions(baudrate=MSR_BAUD)) as emulator:
        emulator.hold(MagCard())  # the clerk's swipes come at once: the wire is what is measured
        encoder = MsrEncoder(emulator.path, MSR_BAUD, swipe_timeout_s=5)
        try:
            card = encoder.wait_for_card(5)
            for _ in range(rounds):
                encoder.stats.reset()
                started = time.perf_counter()
                encoder.write_payload(card, STRIPE_PAYLOAD)
                times.append(time.perf_counter() - started)
                sizes.add((encoder.stats.total_bytes, encoder.stats.round_trips))
        finally:
            encoder.close()
    return _figures("msr", times, sizes, MSR_BAUD, bytes_target=None)


def _figures(
    driver: str, times: list[float], sizes: set[tuple[int, int]], baud: int, bytes_target: int | None
) -> list[Figure]:
    if len(sizes) != 1:
        raise RuntimeError(f"{driver}: issue-and-verify took different byte counts: {sorted(sizes)}")
    [(total, trips)] = sizes
    bound_ms = wire_seconds(total, baud) * 1000
    p95_ms = percentile([t * 1000 for t in times], 95)
    note = (
        f"{total} bytes in {trips} round trips at {baud} baud: wire-time bound {bound_ms:.1f} ms, "
        f"measured p95 {p95_ms:.1f} ms over {len(times)} cards"
    )
    figures = [Figure(f"{driver}_issue_verify_ratio", p95_ms / bound_ms, "x", 1.3, note=note)]
    if bytes_target is not None:
        figures.append(Figure(f"{driver}_issue_verify_bytes", total, "bytes", bytes_target, note=note))
    return figures
