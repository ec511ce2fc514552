"""The MSR206 driver against the emulator: every operation, every injected fault, replug, and the
clear errors for a port that is missing, busy or wrong.

Most tests run over the in-process line with a fake clock (timeouts cost nothing); those marked
``pty`` run through pyserial on a real pseudo-terminal, the serial path the kiosk uses, and so do
the tests where another thread swipes the card while the driver waits."""

from __future__ import annotations

import errno
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import serial

from kiosk.devices.errors import (
    CardWriteError,
    DeviceUnavailableError,
    EncoderError,
    InvalidSwipeError,
    NoCardError,
    StripeCapacityError,
    StripeReadError,
    StripeWriteError,
)
from kiosk.devices.interfaces import Card, CardEncoder
from kiosk.devices.memlink import FakeClock, MemoryLink
from kiosk.devices.msr.driver import MsrEncoder
from kiosk.devices.msr.emulator import MagCard, MsrEmulator, MsrEmulatorOptions
from kiosk.devices.msr.protocol import (
    COMM_TEST,
    READ,
    RESET,
    SELECT_BPI,
    SET_BPC,
    SET_HICO,
    WRITE,
    Tracks,
    payload_to_track2,
)
from kiosk.devices.ptylink import PtyLink, wire_seconds
from kiosk.devices.serialport import open_error_message

PAYLOAD = bytes.fromhex("1a2b3c4d5e6f708192a3b4c5d6e7f8")  # 15 bytes, like a compact credential
STRIPE = Card(b"", "magstripe")


@pytest.fixture
def emulator(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[MsrEmulator]:
    clock = None if request.node.get_closest_marker("pty") else FakeClock()
    with MsrEmulator(tmp_path / "msr", clock=clock) as running:
        yield running


def now(emulator: MsrEmulator) -> float:
    """The time on the emulator's line (the fake clock, or the wall clock on a pty)."""
    clock = getattr(emulator.link, "clock", None)
    return clock.monotonic() if clock is not None else time.monotonic()


def make_encoder(emulator: MsrEmulator, **kwargs: object) -> MsrEncoder:
    options: dict[str, object] = {"swipe_timeout_s": 1.0, "reply_timeout_s": 0.5, "gap_s": 0.2}
    options.update(kwargs)
    return MsrEncoder(emulator.path, **options)  # type: ignore[arg-type]


@pytest.fixture
def encoder(emulator: MsrEmulator) -> Iterator[MsrEncoder]:
    enc = make_encoder(emulator)
    yield enc
    enc.close()


def in_thread(fn: Callable[[], object]) -> tuple[threading.Thread, dict[str, object]]:
    """Run ``fn`` in a thread; the dict gets its 'result' or 'error'."""
    outcome: dict[str, object] = {}

    def run() -> None:
        try:
            outcome["result"] = fn()
        except Exception as exc:
            outcome["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread, outcome


def letters(emulator: MsrEmulator) -> list[int]:
    return [c.letter for c in emulator.received]


# -- opening -----------------------------------------------------------------------------------


@pytest.mark.pty
def test_open_resets_tests_and_sets_iso_and_hico(emulator: MsrEmulator) -> None:
    emulator.hico = False
    emulator.bpc = (8, 8, 8)  # what a raw-mode program leaves behind
    enc = make_encoder(emulator)
    try:
        assert isinstance(enc, CardEncoder)
        assert letters(emulator) == [RESET, COMM_TEST, SET_BPC, SELECT_BPI, SET_HICO]
        assert emulator.bpc == (7, 5, 5) and emulator.bpi[2] == 75 and emulator.hico
        assert enc.name == f"msr://{emulator.path}"
    finally:
        enc.close()


def test_lo_co_and_keep(emulator: MsrEmulator) -> None:
    make_encoder(emulator, coercivity="lo").close()
    assert not emulator.hico
    emulator.received.clear()
    make_encoder(emulator, coercivity="keep").close()
    assert letters(emulator) == [RESET, COMM_TEST, SET_BPC, SELECT_BPI]
    with pytest.raises(ValueError, match="coercivity"):
        MsrEncoder(emulator.path, coercivity="medium")


@pytest.mark.pty
def test_probe(encoder: MsrEncoder) -> None:
    info = encoder.probe()
    assert info.model == "MSR206-3 (tracks 1, 2 & 3)"
    assert info.firmware == "REVU1.00"
    assert info.coercivity == "hi-co"
    assert "MSR206-3" in str(info) and "9600 baud" in str(info)


def test_from_options(emulator: MsrEmulator) -> None:
    enc = MsrEncoder.from_options(
        emulator.path, {"baudrate": "9600", "coercivity": "lo", "swipe_timeout": "2.5"}
    )
    try:
        assert enc.swipe_timeout_s == 2.5 and not emulator.hico
    finally:
        enc.close()
    with pytest.raises(ValueError, match="unknown option"):
        MsrEncoder.from_options(emulator.path, {"speed": "9600"})
    with pytest.raises(ValueError, match="option baudrate='fast' is not a number"):
        MsrEncoder.from_options(emulator.path, {"baudrate": "fast"})


def test_missing_port(tmp_path: Path) -> None:
    with pytest.raises(DeviceUnavailableError, match="does not exist: is the encoder plugged in"):
        MsrEncoder(str(tmp_path / "ttyUSB9"))


@pytest.mark.pty
def test_port_in_use(emulator: MsrEmulator, encoder: MsrEncoder) -> None:
    with pytest.raises(DeviceUnavailableError, match="in use by another program"):
        make_encoder(emulator)


def test_open_error_messages() -> None:
    denied = serial.SerialException(
        errno.EACCES, "could not open port /dev/ttyUSB0: [Errno 13] Permission denied"
    )
    assert "'dialout' group" in open_error_message("/dev/ttyUSB0", denied, "encoder")
    windows = serial.SerialException(
        "could not open port 'COM3': PermissionError(13, 'Access is denied.', None, 5)"
    )
    assert "another program" in open_error_message("COM3", windows, "encoder")
    missing = serial.SerialException("could not open port 'COM9': FileNotFoundError(2, ...)")
    assert "does not exist" in open_error_message("COM9", missing, "encoder")


def test_wrong_device_on_the_port(tmp_path: Path) -> None:
    # A device that answers something else (here: a chatty modem) and one that says nothing.
    link: PtyLink

    def modem(data: bytes) -> None:
        link.write(b"\r\nOK\r\n\x1bx")

    clock = FakeClock()
    with MemoryLink(modem, tmp_path / "modem", clock=clock) as link:
        started = clock.monotonic()
        with pytest.raises(DeviceUnavailableError, match="wrong device on the port"):
            MsrEncoder(link.path, reply_timeout_s=0.2)
        assert clock.monotonic() - started < 3
    with (
        MemoryLink(lambda data: None, tmp_path / "silent", clock=clock) as silent,
        pytest.raises(DeviceUnavailableError, match="does not answer like an MSR206"),
    ):
        MsrEncoder(silent.path, reply_timeout_s=0.2)


# -- operations ----------------------------------------------------------------------------------


def test_blank_card_reads_as_none(emulator: MsrEmulator, encoder: MsrEncoder) -> None:
    emulator.swipe(MagCard())
    card = encoder.wait_for_card(1)
    assert card == STRIPE
    assert encoder.read_payload(card) is None


@pytest.mark.pty
def test_issue_write_and_verify_with_two_swipes(emulator: MsrEmulator, encoder: MsrEncoder) -> None:
    card = MagCard(tracks=Tracks(track1="ACME LOBBY", track3="42"))
    emulator.swipe(card)
    stripe = encoder.wait_for_card(1)
    assert encoder.read_payload(stripe) not in (None, PAYLOAD)  # foreign data, not blank

    thread, outcome = in_thread(lambda: encoder.write_payload(stripe, PAYLOAD))
    assert emulator.wait_armed(2) == "write"
    emulator.swipe(card)
    assert emulator.wait_armed(2) == "read"  # the read-back waits for a second swipe
    assert card.tracks.track2 == payload_to_track2(PAYLOAD)
    emulator.swipe(card)
    thread.join(3)
    assert outcome == {"result": None}
    # Tracks 1 and 3 are left as they were; the payload is on track 2.
    assert card.tracks == Tracks("ACME LOBBY", payload_to_track2(PAYLOAD), "42")
    assert encoder.read_payload(stripe) == PAYLOAD  # from the verifying swipe, no third one
    emulator.swipe(card)
    assert encoder.read_payload(encoder.wait_for_card(1)) == PAYLOAD


def test_read_payload_without_wait_asks_for_a_swipe(emulator: MsrEmulator, encoder: MsrEncoder) -> None:
    card = MagCard(tracks=Tracks(track2=payload_to_track2(b"\x00\x01")))
    emulator.hold(card)
    assert encoder.read_payload(STRIPE) == b"\x00\x01"
    assert letters(emulator).count(READ) == 1


def test_short_payload_round_trip(emulator: MsrEmulator, encoder: MsrEncoder) -> None:
    emulator.hold(MagCard())
    for payload in (b"", b"\x00", b"\x00\x00\x07"):
        encoder.write_payload(STRIPE, payload)
        assert encoder.read_payload(encoder.wait_for_card(1)) == payload


def test_foreign_cards_are_not_blank(emulator: MsrEmulator, encoder: MsrEncoder) -> None:
    bank = MagCard(tracks=Tracks("B4111111111111111^DOE/J^2512", "4111111111111111=2512101", ""))
    emulator.swipe(bank)
    payload = encoder.read_payload(encoder.wait_for_card(1))
    assert payload is not None and b"4111111111111111=2512101" in payload
    emulator.swipe(MagCard(tracks=Tracks(track1="HOTEL")))
    assert encoder.read_payload(encoder.wait_for_card(1)) == b"HOTEL\x1c\x1c"


def test_wipe_erases_and_checks(emulator: MsrEmulator, encoder: MsrEncoder) -> None:
    card = MagCard(tracks=Tracks("OLD", payload_to_track2(PAYLOAD), "99"))
    emulator.hold(card)
    encoder.wipe(STRIPE)
    assert card.tracks.blank
    assert [c.arguments for c in emulator.received if c.letter == ord("c")] == [b"\x07"]
    assert encoder.read_payload(STRIPE) is None


def test_payload_too_long_sends_nothing(emulator: MsrEmulator, encoder: MsrEncoder) -> None:
    emulator.received.clear()
    with pytest.raises(StripeCapacityError, match="16 bytes does not fit on track 2"):
        encoder.write_payload(STRIPE, bytes(16))
    assert emulator.received == []


def test_a_chip_card_is_refused(encoder: MsrEncoder) -> None:
    with pytest.raises(EncoderError, match="mifare"):
        encoder.read_payload(Card(b"\x01\x02\x03\x04", "mifare-classic-1k"))


def test_lo_co_encoder_cannot_write_a_hi_co_card(emulator: MsrEmulator) -> None:
    enc = make_encoder(emulator, coercivity="lo")
    try:
        card = MagCard(hico=True)
        emulator.hold(card)
        with pytest.raises(StripeWriteError, match="hi-co card while the encoder writes lo-co"):
            enc.write_payload(STRIPE, PAYLOAD)
        assert card.tracks.blank
        emulator.hold(MagCard(hico=False))
        enc.write_payload(STRIPE, PAYLOAD)
    finally:
        enc.close()


@pytest.mark.pty
def test_one_command_on_the_wire_at_a_time(emulator: MsrEmulator, encoder: MsrEncoder) -> None:
    waiter, waited = in_thread(lambda: encoder.wait_for_card(3))
    assert emulator.wait_armed(2) == "read"
    prober, probed = in_thread(encoder.probe)
    time.sleep(0.3)
    assert probed == {}  # the probe waits: the encoder listens only to RESET while armed
    assert not any(c.letter == ord("t") for c in emulator.received)
    emulator.swipe(MagCard())
    waiter.join(3)
    prober.join(3)
    assert waited == {"result": STRIPE}
    assert "MSR206-3" in str(probed["result"])


@pytest.mark.pty
def test_concurrent_callers_are_serialised(encoder: MsrEncoder) -> None:
    threads = [in_thread(encoder.probe) for _ in range(6)]
    for thread, outcome in threads:
        thread.join(10)
        assert "result" in outcome, outcome


# -- faults ----------------------------------------------------------------------------------------


def test_no_swipe_times_out_and_disarms(emulator: MsrEmulator, encoder: MsrEncoder) -> None:
    emulator.faults.no_swipe = True
    started = now(emulator)
    with pytest.raises(NoCardError, match=r"no card was swiped within 0.4 s"):
        encoder.wait_for_card(0.4)
    assert 0.4 <= now(emulator) - started < 1.5
    assert emulator.armed is None  # the encoder was reset, not left waiting
    assert letters(emulator)[-4:] == [RESET, SET_BPC, SELECT_BPI, SET_HICO]
    emulator.faults.no_swipe = False
    emulator.swipe(MagCard())
    assert encoder.wait_for_card(1) == STRIPE


def test_no_swipe_for_the_write_is_no_card(emulator: MsrEmulator, encoder: MsrEncoder) -> None:
    emulator.faults.no_swipe = True
    with pytest.raises(NoCardError):
        encoder.write_payload(STRIPE, PAYLOAD)


def test_no_second_swipe_means_not_issued(emulator: MsrEmulator, encoder: MsrEncoder) -> None:
    card = MagCard()
    emulator.swipe(card)  # one swipe only: written, never verified
    with pytest.raises(CardWriteError, match="not swiped again to verify"):
        encoder.write_payload(STRIPE, PAYLOAD)
    assert card.tracks.track2 == payload_to_track2(PAYLOAD)


@pytest.mark.pty
def test_cancel_by_event_and_by_method(emulator: MsrEmulator, encoder: MsrEncoder) -> None:
    cancel = threading.Event()
    thread, outcome = in_thread(lambda: encoder.wait_for_card(10, cancel))
    assert emulator.wait_armed(2) == "read"
    started = now(emulator)
    cancel.set()
    thread.join(2)
    assert isinstance(outcome.get("error"), NoCardError)
    assert "cancelled" in str(outcome["error"])
    assert now(emulator) - started < 0.5
    assert emulator.armed is None

    thread, outcome = in_thread(lambda: encoder.wait_for_card(10))
    assert emulator.wait_armed(2) == "read"
    encoder.cancel()
    thread.join(2)
    assert isinstance(outcome.get("error"), NoCardError)
    emulator.swipe(MagCard())
    assert encoder.wait_for_card(1) == STRIPE  # cancelling once does not cancel the next wait


@pytest.mark.pty
def test_close_stops_a_wait(emulator: MsrEmulator, encoder: MsrEncoder) -> None:
    thread, outcome = in_thread(lambda: encoder.wait_for_card(10))
    assert emulator.wait_armed(2) == "read"
    encoder.close()
    thread.join(2)
    assert isinstance(outcome.get("error"), NoCardError)
    with pytest.raises(DeviceUnavailableError, match="closed"):
        encoder.wait_for_card(0.1)


def test_invalid_swipe_while_writing(emulator: MsrEmulator, encoder: MsrEncoder) -> None:
    card = MagCard()
    emulator.hold(card)
    emulator.faults.invalid_swipe = 1
    with pytest.raises(InvalidSwipeError, match="status '9'"):
        encoder.write_payload(STRIPE, PAYLOAD)
    assert card.tracks.blank
    encoder.write_payload(STRIPE, PAYLOAD)  # the next swipe works
    assert card.tracks.track2 == payload_to_track2(PAYLOAD)


def test_invalid_swipe_while_reading(emulator: MsrEmulator, encoder: MsrEncoder) -> None:
    emulator.faults.invalid_swipe = 1
    emulator.swipe(MagCard())
    with pytest.raises(StripeReadError, match="swipe again"):
        encoder.wait_for_card(1)


def test_read_and_write_errors(emulator: MsrEmulator, encoder: MsrEncoder) -> None:
    card = MagCard()
    emulator.hold(card)
    emulator.faults.rw_error = 1
    with pytest.raises(StripeWriteError, match=r"could not write the stripe \('1' \(read/write error\)\)"):
        encoder.write_payload(STRIPE, PAYLOAD)
    assert card.tracks.blank
    emulator.faults.rw_error = 1
    with pytest.raises(StripeReadError):
        encoder.wait_for_card(1)
    emulator.faults.rw_error = 1
    with pytest.raises(StripeWriteError, match="refused the erase"):
        encoder.wipe(STRIPE)


@pytest.mark.pty
def test_failed_read_back_means_not_issued(emulator: MsrEmulator, encoder: MsrEncoder) -> None:
    card = MagCard()
    thread, outcome = in_thread(lambda: encoder.write_payload(STRIPE, PAYLOAD))
    assert emulator.wait_armed(2) == "write"
    emulator.swipe(card)
    assert emulator.wait_armed(2) == "read"
    emulator.faults.rw_error = 1
    emulator.swipe(card)
    thread.join(3)
    error = outcome.get("error")
    assert isinstance(error, CardWriteError) and "could not be read back" in str(error)


def test_corrupted_status_is_a_write_error(emulator: MsrEmulator, encoder: MsrEncoder) -> None:
    # ESC '0' with one bit flipped is ESC '1': the safe reading of a damaged OK.
    emulator.hold(MagCard())
    emulator.faults.corrupt = 1
    with pytest.raises(StripeWriteError):
        encoder.write_payload(STRIPE, PAYLOAD)


@pytest.mark.pty
def test_corrupted_read_back_is_caught_by_the_comparison(emulator: MsrEmulator, encoder: MsrEncoder) -> None:
    card = MagCard()
    thread, outcome = in_thread(lambda: encoder.write_payload(STRIPE, PAYLOAD))
    assert emulator.wait_armed(2) == "write"
    emulator.swipe(card)
    assert emulator.wait_armed(2) == "read"
    emulator.faults.corrupt = 1
    emulator.swipe(card)
    thread.join(3)
    assert isinstance(outcome.get("error"), StripeWriteError)
    assert "read back differently" in str(outcome["error"])


def test_a_corrupted_read_goes_unnoticed_by_the_wire(emulator: MsrEmulator, encoder: MsrEncoder) -> None:
    # The serial protocol has no checksum: a flipped digit is a different payload. This is why
    # the credential carries a MAC and is checked above this layer.
    emulator.faults.corrupt = 1
    emulator.swipe(MagCard(tracks=Tracks(track2=payload_to_track2(PAYLOAD))))
    payload = encoder.read_payload(encoder.wait_for_card(1))
    assert payload is not None and payload != PAYLOAD and len(payload) == len(PAYLOAD)


def test_dropped_status_byte_fails_fast(emulator: MsrEmulator, encoder: MsrEncoder) -> None:
    encoder.swipe_timeout_s = 5
    emulator.hold(MagCard())
    emulator.faults.drop = 1
    started = now(emulator)
    with pytest.raises(StripeWriteError, match="answer to the write was lost"):
        encoder.write_payload(STRIPE, PAYLOAD)
    assert now(emulator) - started < 1.5  # the gap, not the 5 s swipe timeout


@pytest.mark.pty
def test_dropped_byte_in_the_read_back(emulator: MsrEmulator, encoder: MsrEncoder) -> None:
    card = MagCard()
    thread, outcome = in_thread(lambda: encoder.write_payload(STRIPE, PAYLOAD))
    assert emulator.wait_armed(2) == "write"
    emulator.swipe(card)
    assert emulator.wait_armed(2) == "read"
    emulator.faults.drop = 1
    emulator.swipe(card)
    thread.join(3)
    assert isinstance(outcome.get("error"), StripeWriteError)


def test_dropped_byte_in_a_query_is_asked_again(emulator: MsrEmulator, encoder: MsrEncoder) -> None:
    emulator.faults.drop = 1
    assert encoder.probe().firmware == "REVU1.00"
    assert letters(emulator).count(ord("t")) == 2


@pytest.mark.parametrize("fault", ["noise", "split", "slow"])
def test_issue_survives_noise_split_and_slow_replies(emulator: MsrEmulator, fault: str) -> None:
    if fault == "noise":
        emulator.faults.noise = 100
    elif fault == "split":
        emulator.faults.split = True
    else:
        emulator.faults.slow_s = 0.15
    enc = make_encoder(emulator)
    try:
        card = MagCard()
        emulator.hold(card)
        stripe = enc.wait_for_card(2)
        assert enc.read_payload(stripe) is None
        enc.write_payload(stripe, PAYLOAD)
        assert card.tracks.track2 == payload_to_track2(PAYLOAD)
        assert enc.probe().model.startswith("MSR206-3")
    finally:
        enc.close()


def test_replies_slower_than_the_reply_timeout(emulator: MsrEmulator) -> None:
    enc = make_encoder(emulator, reply_timeout_s=0.15, gap_s=0.05)
    try:
        emulator.faults.slow_s = 0.3
        with pytest.raises(DeviceUnavailableError, match="stopped answering"):
            enc.probe()
    finally:
        enc.close()


def test_paced_line_takes_at_least_the_wire_time(tmp_path: Path) -> None:
    with MsrEmulator(tmp_path / "paced", MsrEmulatorOptions(baudrate=9600), clock=FakeClock()) as emulator:
        enc = make_encoder(emulator)
        try:
            emulator.hold(MagCard())
            enc.stats.reset()
            started = now(emulator)
            enc.write_payload(enc.wait_for_card(2), PAYLOAD)
            elapsed = now(emulator) - started
        finally:
            enc.close()
    bound = wire_seconds(enc.stats.total_bytes, 9600)
    assert enc.stats.round_trips == 3
    assert bound <= elapsed < bound * 3 + 0.2


def test_empty_marker_firmware(tmp_path: Path) -> None:
    with MsrEmulator(tmp_path / "m605", MsrEmulatorOptions(empty_marker=True), clock=FakeClock()) as emulator:
        enc = make_encoder(emulator)
        try:
            emulator.hold(MagCard())
            assert enc.read_payload(enc.wait_for_card(1)) is None
            enc.write_payload(STRIPE, PAYLOAD)
            assert enc.read_payload(STRIPE) == PAYLOAD
        finally:
            enc.close()


# -- unplugging ------------------------------------------------------------------------------------


@pytest.mark.pty
def test_replug_while_idle(emulator: MsrEmulator, encoder: MsrEncoder) -> None:
    emulator.replug()
    emulator.swipe(MagCard())
    assert encoder.wait_for_card(2) == STRIPE
    emulator.replug()
    assert encoder.probe().firmware == "REVU1.00"
    emulator.replug()
    emulator.hold(MagCard())
    encoder.write_payload(STRIPE, PAYLOAD)


@pytest.mark.pty
def test_replug_during_a_wait(emulator: MsrEmulator, encoder: MsrEncoder) -> None:
    thread, outcome = in_thread(lambda: encoder.wait_for_card(5))
    assert emulator.wait_armed(2) == "read"
    emulator.replug()
    assert emulator.wait_armed(3) == "read"  # the driver reopened and armed the read again
    emulator.swipe(MagCard())
    thread.join(3)
    assert outcome == {"result": STRIPE}


def test_unplugged_for_good(emulator: MsrEmulator, encoder: MsrEncoder) -> None:
    emulator.close()
    with pytest.raises(DeviceUnavailableError):
        encoder.wait_for_card(0.5)
    with pytest.raises((DeviceUnavailableError, CardWriteError)):
        encoder.write_payload(STRIPE, PAYLOAD)


@pytest.mark.pty
def test_a_dead_ports_termios_error_is_a_lost_port(
    emulator: MsrEmulator, encoder: MsrEncoder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """pyserial's flush on a pty whose other end is gone raises termios.error, not an OSError:
    the disarm after a wait must take it for a lost port, not let it out of the driver."""
    termios = pytest.importorskip("termios")

    def dead_flush() -> None:
        raise termios.error(5, "Input/output error")

    monkeypatch.setattr(encoder._serial, "reset_input_buffer", dead_flush)
    emulator.faults.no_swipe = True
    with pytest.raises(NoCardError):
        encoder.wait_for_card(0.2)
    emulator.faults.no_swipe = False
    emulator.hold(MagCard())
    assert encoder.wait_for_card(2) == STRIPE  # the dead port was dropped and opened afresh


@pytest.mark.pty
def test_unplugged_during_the_write(emulator: MsrEmulator, encoder: MsrEncoder) -> None:
    thread, outcome = in_thread(lambda: encoder.write_payload(STRIPE, PAYLOAD))
    assert emulator.wait_armed(2) == "write"
    emulator.replug()
    thread.join(3)
    error = outcome.get("error")
    assert isinstance(error, StripeWriteError) and "disconnected during the write" in str(error)
    emulator.hold(MagCard())
    encoder.write_payload(STRIPE, PAYLOAD)  # the next operation reopens


def test_write_command_reaches_the_emulator_intact(emulator: MsrEmulator, encoder: MsrEncoder) -> None:
    emulator.hold(MagCard())
    encoder.write_payload(STRIPE, PAYLOAD)
    [write] = [c for c in emulator.received if c.letter == WRITE]
    assert write.tracks == Tracks(track2=payload_to_track2(PAYLOAD)) and write.error is None
