"""The PN532 driver against the emulator: every operation, every injected fault, replug, and the
clear errors for a port that is missing, busy or wrong.

Most tests run over the in-process line with a fake clock (timeouts cost nothing); those marked
``pty`` run through pyserial on a real pseudo-terminal, the serial path the kiosk uses."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import serial
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from kiosk.devices.errors import (
    CardReadError,
    CardRemovedError,
    DeviceUnavailableError,
    EncoderError,
    ForeignCardError,
    NoCardError,
)
from kiosk.devices.interfaces import Card, CardEncoder
from kiosk.devices.memlink import FakeClock, MemoryLink
from kiosk.devices.msr.emulator import MsrEmulator
from kiosk.devices.pn532 import frames as f
from kiosk.devices.pn532.driver import OUR_ACCESS, Pn532Encoder, Pn532Info
from kiosk.devices.pn532.emulator import EmulatorOptions, Faults, Pn532Emulator, PowerState
from kiosk.devices.pn532.mifare import (
    FACTORY_TRAILER,
    TRANSPORT_TRAILER,
    MifareClassic1K,
    encode_access_bits,
    trailer_block,
)
from kiosk.devices.ptylink import PtyLink, wire_seconds
from kiosk.devices.serialport import open_serial
from kiosk.domain.credential import diversify_keys

SITE_KEY = bytes(range(32))
UID = bytes.fromhex("04A1B2C3")
PAYLOAD = bytes(range(100, 132))  # 32 bytes, the size of a chip credential


@pytest.fixture
def emulator(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Pn532Emulator]:
    clock = None if request.node.get_closest_marker("pty") else FakeClock()
    with Pn532Emulator(tmp_path / "pn532", clock=clock) as running:
        yield running


def now(emulator: Pn532Emulator) -> float:
    """The time on the emulator's line (the fake clock, or the wall clock on a pty)."""
    clock = getattr(emulator.link, "clock", None)
    return clock.monotonic() if clock is not None else time.monotonic()


def make_encoder(emulator: Pn532Emulator, **kwargs: object) -> Pn532Encoder:
    options: dict[str, object] = {"reply_timeout_s": 0.3, "gap_s": 0.05, "reopen_timeout_s": 2.0}
    options.update(kwargs)
    return Pn532Encoder(emulator.path, SITE_KEY, **options)  # type: ignore[arg-type]


@pytest.fixture
def encoder(emulator: Pn532Emulator) -> Iterator[Pn532Encoder]:
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


def issued_correctly(card: MifareClassic1K, payload: bytes = PAYLOAD) -> bool:
    """Sector 1 holds the payload and is closed with this card's own keys and our access bits."""
    key_a, key_b = diversify_keys(SITE_KEY, card.uid)
    return (
        bytes(card.blocks[4]) + bytes(card.blocks[5]) == payload
        and bytes(card.blocks[7]) == trailer_block(key_a, OUR_ACCESS, key_b)
        and not card.sector_is_factory(1)
    )


def is_blank(card: MifareClassic1K) -> bool:
    return card.sector_is_factory(1) and all(bytes(card.blocks[b]) == bytes(16) for b in (4, 5, 6))


# -- opening -----------------------------------------------------------------------------------


@pytest.mark.pty
def test_open_wakes_configures_and_reads_the_firmware(emulator: Pn532Emulator, encoder: Pn532Encoder) -> None:
    assert isinstance(encoder, CardEncoder)
    assert emulator.stats.wakeups == 1
    assert emulator.stats.commands[:3] == [f.SAM_CONFIGURATION, f.GET_FIRMWARE_VERSION, f.RF_CONFIGURATION]
    # InListPassiveTarget must not wait forever for a card: the retries are limited.
    assert emulator.max_retries[2] != 0xFF
    info = encoder.probe()
    assert info == Pn532Info(0x32, 1, 6, 7, emulator.path, 115200)
    assert str(info).startswith("NXP PN532, firmware 1.6 (ISO 14443A, ISO 14443B, ISO 18092)")
    assert encoder.name == f"pn532:{emulator.path}"


def test_opens_a_chip_at_power_up_and_one_after_power_down(emulator: Pn532Emulator) -> None:
    assert (emulator.state, emulator.asleep) == (PowerState.LOW_VBAT, True)
    enc = make_encoder(emulator)
    assert (emulator.state, emulator.asleep) == (PowerState.NORMAL, False)
    enc.close()
    # Another program put it to sleep, waking on HSU, as PowerDown is used between sessions.
    port = open_serial(emulator.path, 115200, "PN532", timeout=0.01, write_timeout=1)
    port.write(f.encode_command(f.POWER_DOWN, bytes([f.WAKE_HSU])))
    port.close()
    assert (emulator.state, emulator.asleep) == (PowerState.POWER_DOWN, True)
    enc = make_encoder(emulator)
    try:
        assert emulator.state is PowerState.NORMAL and emulator.stats.wakeups == 2
        emulator.present(UID)
        assert enc.read_payload(enc.wait_for_card(1)) is None
    finally:
        enc.close()


def test_a_pn532_asleep_without_hsu_wakeup_is_reported_as_silent(emulator: Pn532Emulator) -> None:
    port = open_serial(emulator.path, 115200, "PN532", timeout=0.01, write_timeout=1)
    port.write(f.WAKEUP + f.encode_command(f.SAM_CONFIGURATION, b"\x01"))
    port.write(f.encode_command(f.POWER_DOWN, bytes([f.WAKE_RF_LEVEL])))  # only a card wakes it
    port.close()
    with pytest.raises(DeviceUnavailableError, match="no PN532 answers"):
        make_encoder(emulator, reply_timeout_s=0.1)


@pytest.mark.parametrize("when", ["idle", "waiting", "on the card"])
def test_the_pn532_power_cycled_under_the_driver(
    emulator: Pn532Emulator, encoder: Pn532Encoder, when: str
) -> None:
    # The board lost power but the adapter stayed: the PN532 is back in Low-battery mode,
    # asleep, and refuses the RF commands until it is configured again.
    card = emulator.present(UID)
    found = encoder.wait_for_card(1)
    if when == "on the card":
        assert encoder.read_payload(found) is None
    emulator.power_cycle()
    if when == "waiting":
        found = encoder.wait_for_card(2)
    encoder.write_payload(found, PAYLOAD)
    assert issued_correctly(card) and emulator.state is PowerState.NORMAL
    emulator.power_cycle()
    assert encoder.probe().ic == 0x32


def test_from_options(emulator: Pn532Emulator) -> None:
    enc = Pn532Encoder.from_options(emulator.path, SITE_KEY, {"baudrate": "115200", "timeout": "0.4"})
    enc.close()
    with pytest.raises(ValueError, match="unknown option"):
        Pn532Encoder.from_options(emulator.path, SITE_KEY, {"speed": "1"})
    with pytest.raises(ValueError, match="option baudrate='fast' is not a number"):
        Pn532Encoder.from_options(emulator.path, SITE_KEY, {"baudrate": "fast"})


def test_a_short_site_key_is_refused_before_the_port_is_opened(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        Pn532Encoder(str(tmp_path / "nothing"), b"short")


def test_missing_port(tmp_path: Path) -> None:
    with pytest.raises(DeviceUnavailableError, match="does not exist: is the card encoder plugged in"):
        Pn532Encoder(str(tmp_path / "ttyUSB9"), SITE_KEY)


@pytest.mark.pty
def test_port_in_use(emulator: Pn532Emulator, encoder: Pn532Encoder) -> None:
    with pytest.raises(DeviceUnavailableError, match="in use by another program"):
        make_encoder(emulator)


def test_wrong_device_on_the_port(tmp_path: Path) -> None:
    # A chatty modem, a device that says nothing, and an MSR206 where a PN532 was expected.
    link: PtyLink

    def modem(data: bytes) -> None:
        link.write(b"\r\nOK\r\n")

    clock = FakeClock()
    with MemoryLink(modem, tmp_path / "modem", clock=clock) as link:
        started = clock.monotonic()
        with pytest.raises(DeviceUnavailableError, match="answers, but not like a PN532"):
            Pn532Encoder(link.path, SITE_KEY, reply_timeout_s=0.1)
        assert clock.monotonic() - started < 3
    with (
        MemoryLink(lambda data: None, tmp_path / "silent", clock=clock) as silent,
        pytest.raises(DeviceUnavailableError, match=r"no PN532 answers on .*HSU mode"),
    ):
        Pn532Encoder(silent.path, SITE_KEY, reply_timeout_s=0.1)
    with (
        MsrEmulator(tmp_path / "msr", clock=clock) as msr,
        pytest.raises(DeviceUnavailableError, match="PN532"),
    ):
        Pn532Encoder(msr.path, SITE_KEY, reply_timeout_s=0.1)


def test_another_nxp_chip_is_named(tmp_path: Path) -> None:
    options = EmulatorOptions(firmware=(0x33, 2, 1, 7))
    with (
        Pn532Emulator(tmp_path / "pn533", options, clock=FakeClock()) as emulator,
        pytest.raises(DeviceUnavailableError, match="has an NXP PN533, not a PN532"),
    ):
        make_encoder(emulator)


def test_a_mute_pn532_is_reported_in_bounded_time(tmp_path: Path) -> None:
    mute = EmulatorOptions(faults=Faults(mute=True))
    with Pn532Emulator(tmp_path / "mute", mute, clock=FakeClock()) as emulator:
        started = now(emulator)
        with pytest.raises(DeviceUnavailableError, match="no PN532 answers"):
            make_encoder(emulator, reply_timeout_s=0.1)
        assert now(emulator) - started < 2


# -- waiting for a card --------------------------------------------------------------------------


def test_wait_for_card_returns_the_card_in_the_field(emulator: Pn532Emulator, encoder: Pn532Encoder) -> None:
    emulator.present(UID)
    assert encoder.wait_for_card(1) == Card(UID, "mifare-classic-1k")


def test_wait_for_card_times_out(emulator: Pn532Emulator, encoder: Pn532Encoder) -> None:
    started = now(emulator)
    with pytest.raises(NoCardError, match=r"within 0\.3 s"):
        encoder.wait_for_card(0.3)
    assert 0.3 <= now(emulator) - started < 1.5


@pytest.mark.pty
def test_card_placed_during_the_wait(emulator: Pn532Emulator, encoder: Pn532Encoder) -> None:
    thread, outcome = in_thread(lambda: encoder.wait_for_card(3))
    time.sleep(0.2)
    emulator.present(UID)
    thread.join(3)
    assert outcome == {"result": Card(UID, "mifare-classic-1k")}


def test_no_card_fault_keeps_the_field_empty(emulator: Pn532Emulator, encoder: Pn532Encoder) -> None:
    emulator.faults.no_card = True
    emulator.present(UID)
    with pytest.raises(NoCardError):
        encoder.wait_for_card(0.3)


@pytest.mark.pty
def test_cancel_by_event_by_method_and_by_close(emulator: Pn532Emulator, encoder: Pn532Encoder) -> None:
    cancel = threading.Event()
    thread, outcome = in_thread(lambda: encoder.wait_for_card(10, cancel))
    time.sleep(0.15)
    started = time.monotonic()
    cancel.set()
    thread.join(2)
    assert isinstance(outcome.get("error"), NoCardError) and time.monotonic() - started < 1
    thread, outcome = in_thread(lambda: encoder.wait_for_card(10))
    time.sleep(0.15)
    encoder.cancel()
    thread.join(2)
    assert isinstance(outcome.get("error"), NoCardError)
    thread, outcome = in_thread(lambda: encoder.wait_for_card(10))
    time.sleep(0.15)
    encoder.close()
    thread.join(2)
    assert isinstance(outcome.get("error"), (NoCardError, DeviceUnavailableError))
    with pytest.raises(DeviceUnavailableError, match="closed"):
        encoder.wait_for_card(0.1)


# -- issuing, reading, wiping --------------------------------------------------------------------


@pytest.mark.pty
def test_blank_card_reads_as_none(emulator: Pn532Emulator, encoder: Pn532Encoder) -> None:
    emulator.present(UID)
    assert encoder.read_payload(encoder.wait_for_card(1)) is None


@pytest.mark.pty
def test_first_issue_formats_the_blank_card_with_its_own_keys(
    emulator: Pn532Emulator, encoder: Pn532Encoder
) -> None:
    card = emulator.present(UID)
    found = encoder.wait_for_card(1)
    assert encoder.read_payload(found) is None
    encoder.write_payload(found, PAYLOAD)
    assert issued_correctly(card)
    # The factory key opens nothing now; our key A reads (as a kiosk will), and only key B writes.
    key_a, key_b = diversify_keys(SITE_KEY, UID)
    assert key_a != FACTORY_TRAILER[:6] and key_b != FACTORY_TRAILER[10:]
    assert encoder.read_payload(found) == PAYLOAD
    conditions = encode_access_bits([(1, 0, 0)] * 3 + [(0, 1, 1)])
    assert bytes(card.blocks[7][6:10]) == conditions
    # Nothing outside sector 1 was touched.
    untouched = MifareClassic1K(UID)
    assert [bytes(b) for i, b in enumerate(card.blocks) if i // 4 != 1] == [
        bytes(b) for i, b in enumerate(untouched.blocks) if i // 4 != 1
    ]


def test_rewrite_of_our_card_uses_key_b(emulator: Pn532Emulator, encoder: Pn532Encoder) -> None:
    card = emulator.present(UID)
    found = encoder.wait_for_card(1)
    encoder.write_payload(found, PAYLOAD)
    second = bytes(reversed(PAYLOAD))
    encoder.write_payload(found, second)
    assert issued_correctly(card, second) and encoder.read_payload(found) == second


def test_wipe_returns_the_card_to_the_known_blank_state(
    emulator: Pn532Emulator, encoder: Pn532Encoder
) -> None:
    card = emulator.present(UID)
    found = encoder.wait_for_card(1)
    encoder.write_payload(found, PAYLOAD)
    card.blocks[6][:] = b"x" * 16  # the spare block is zeroed too
    encoder.wipe(found)
    assert is_blank(card) and bytes(card.blocks[7]) == FACTORY_TRAILER
    assert encoder.read_payload(found) is None
    encoder.wipe(found)  # wiping a blank card is harmless
    assert is_blank(card)
    encoder.write_payload(found, PAYLOAD)  # and it can be issued again
    assert issued_correctly(card)


def test_a_blank_card_with_a_changed_trailer_byte_is_wiped_to_factory(
    emulator: Pn532Emulator, encoder: Pn532Encoder
) -> None:
    card = emulator.present(UID)
    card.blocks[4][:] = b"y" * 16
    found = encoder.wait_for_card(1)
    encoder.wipe(found)
    assert is_blank(card)


def test_a_foreign_card_is_left_untouched(emulator: Pn532Emulator, encoder: Pn532Encoder) -> None:
    card = emulator.new_card(UID)
    other = bytes.fromhex("a0a1a2a3a4a5")
    card.blocks[7][:] = trailer_block(other, encode_access_bits([(0, 0, 0)] * 3 + [TRANSPORT_TRAILER]), other)
    before = [bytes(b) for b in card.blocks]
    emulator.present(card)
    found = encoder.wait_for_card(1)
    operations: list[Callable[[], object]] = [
        lambda: encoder.read_payload(found),
        lambda: encoder.write_payload(found, PAYLOAD),
        lambda: encoder.wipe(found),
    ]
    for operation in operations:
        with pytest.raises(ForeignCardError, match="left untouched"):
            operation()
    assert [bytes(b) for b in card.blocks] == before


def test_a_card_that_is_not_mifare_classic_is_foreign(emulator: Pn532Emulator, encoder: Pn532Encoder) -> None:
    emulator.present(UID)
    with pytest.raises(ForeignCardError, match="not a Mifare Classic"):
        encoder.read_payload(Card(UID, "iso14443a"))
    with pytest.raises(EncoderError, match="cannot be used on a PN532"):
        encoder.read_payload(Card(b"", "magstripe"))


def test_a_payload_of_the_wrong_size_sends_nothing(emulator: Pn532Emulator, encoder: Pn532Encoder) -> None:
    emulator.present(UID)
    found = encoder.wait_for_card(1)
    sent = len(emulator.stats.commands)
    with pytest.raises(ValueError, match="32-byte payload"):
        encoder.write_payload(found, b"short")
    assert len(emulator.stats.commands) == sent


def test_a_refused_read_maps_the_status_byte_to_a_clear_error(
    emulator: Pn532Emulator, encoder: Pn532Encoder
) -> None:
    # Key A opens the sector (ours), but the data blocks allow reading with key B only.
    card = emulator.new_card(UID)
    key_a, key_b = diversify_keys(SITE_KEY, UID)
    card.blocks[7][:] = trailer_block(key_a, encode_access_bits([(0, 1, 1)] * 3 + [(0, 1, 1)]), key_b)
    emulator.present(card)
    found = encoder.wait_for_card(1)
    with pytest.raises(CardReadError, match=r"Mifare authentication error \(PN532 status 0x14\)"):
        encoder.read_payload(found)


def test_status_messages_name_the_error() -> None:
    assert f.status_message(0x01) == "time out, the target has not answered"
    assert f.status_message(0x40 | 0x14) == "Mifare authentication error"  # the MI bit is not the code
    assert f.status_message(0x3E) == "unknown PN532 error 0x3E"


# -- the card leaving ----------------------------------------------------------------------------


@pytest.mark.parametrize("writes_before_lift", [0, 1, 2])
def test_card_lifted_mid_write_is_not_issued(
    emulator: Pn532Emulator, encoder: Pn532Encoder, writes_before_lift: int
) -> None:
    card = emulator.present(UID)
    found = encoder.wait_for_card(1)
    emulator.faults.remove_after_writes = writes_before_lift
    with pytest.raises(CardRemovedError, match="lifted during the write; the card is not issued"):
        encoder.write_payload(found, PAYLOAD)
    # Data first, the trailer last: a card lifted before the trailer keeps the factory keys.
    assert card.sector_is_factory(1) and emulator.card_on_pad is None
    emulator.present(card)
    encoder.write_payload(encoder.wait_for_card(1), PAYLOAD)  # presented again, it issues
    assert issued_correctly(card)


def test_card_gone_before_the_read(emulator: Pn532Emulator, encoder: Pn532Encoder) -> None:
    emulator.present(UID)
    found = encoder.wait_for_card(1)
    emulator.remove()
    with pytest.raises(CardRemovedError, match=r"no longer on the encoder|lifted"):
        encoder.read_payload(found)


def test_card_swapped_for_another(emulator: Pn532Emulator, encoder: Pn532Encoder) -> None:
    emulator.present(UID)
    found = encoder.wait_for_card(1)
    emulator.remove()
    other = emulator.present(bytes.fromhex("0B0C0D0E"))
    with pytest.raises(CardRemovedError, match="replaced by"):
        encoder.write_payload(found, PAYLOAD)
    assert is_blank(other)


# -- the line -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "fault",
    [
        "corrupt_replies=3",
        "drop_replies=3",
        "garbage_replies=5",
        "nack_commands=3",
        "auth_failures=1",
        "split_replies",
        "reply_delay_s=0.05",
        "corrupt_replies=1,drop_replies=1,garbage_replies=2,split_replies",
    ],
)
def test_issue_survives_line_faults(emulator: Pn532Emulator, encoder: Pn532Encoder, fault: str) -> None:
    card = emulator.present(UID)
    found = encoder.wait_for_card(2)
    emulator.faults = Faults.parse(fault)
    encoder.write_payload(found, PAYLOAD)
    assert encoder.read_payload(found) == PAYLOAD and issued_correctly(card)
    encoder.wipe(found)
    assert is_blank(card)


@pytest.mark.pty
def test_corrupt_replies_are_asked_for_again_with_nack(
    emulator: Pn532Emulator, encoder: Pn532Encoder
) -> None:
    emulator.present(UID)
    found = encoder.wait_for_card(1)
    emulator.faults.corrupt_replies = 2
    assert encoder.read_payload(found) is None
    assert emulator.stats.nacks_received == 2


def test_a_line_that_stays_broken_is_a_clear_error(emulator: Pn532Emulator, encoder: Pn532Encoder) -> None:
    emulator.present(UID)
    found = encoder.wait_for_card(1)
    emulator.faults.corrupt_replies = 1000
    started = now(emulator)
    with pytest.raises(DeviceUnavailableError, match="stopped answering during the write; the card is not"):
        encoder.write_payload(found, PAYLOAD)
    assert now(emulator) - started < 3
    emulator.faults.corrupt_replies = 0
    encoder.write_payload(encoder.wait_for_card(2), PAYLOAD)  # and it recovers by itself


def test_replies_slower_than_the_timeout(emulator: Pn532Emulator, encoder: Pn532Encoder) -> None:
    emulator.present(UID)
    found = encoder.wait_for_card(1)
    emulator.faults.reply_delay_s = 0.5  # the driver waits 0.3 s for each
    started = now(emulator)
    with pytest.raises(DeviceUnavailableError, match="stopped answering"):
        encoder.read_payload(found)
    assert now(emulator) - started < 4
    emulator.faults.reply_delay_s = 0.0
    emulator.link.clock.sleep(3)  # type: ignore[attr-defined]  # the late replies arrive meanwhile
    assert encoder.read_payload(encoder.wait_for_card(2)) is None


def test_too_many_failed_authentications_look_foreign(emulator: Pn532Emulator, encoder: Pn532Encoder) -> None:
    card = emulator.present(UID)
    found = encoder.wait_for_card(1)
    encoder.write_payload(found, PAYLOAD)
    found = encoder.wait_for_card(1)  # listed afresh: the next read authenticates
    emulator.faults.auth_failures = 4  # both keys, twice: the driver gives up
    with pytest.raises(ForeignCardError):
        encoder.read_payload(found)
    assert encoder.read_payload(found) == PAYLOAD and issued_correctly(card)


def test_paced_issue_takes_the_wire_time(tmp_path: Path) -> None:
    with Pn532Emulator(tmp_path / "paced", EmulatorOptions(pace=True), clock=FakeClock()) as emulator:
        enc = make_encoder(emulator)
        try:
            emulator.present(UID)
            found = enc.wait_for_card(1)
            assert enc.read_payload(found) is None  # as the desk identifies the card first
            enc.stats.reset()
            started = now(emulator)
            enc.write_payload(found, PAYLOAD)
            elapsed = now(emulator) - started
            issue_bytes, round_trips = enc.stats.total_bytes, enc.stats.round_trips
            assert enc.read_payload(found) == PAYLOAD  # the card service's read goes on in key A's session
            assert enc.stats.round_trips == round_trips + 2
        finally:
            enc.close()
    bound = wire_seconds(issue_bytes, 115200)
    assert bound <= elapsed < bound * 5 + 0.5
    # Format, write and verify a blank card (3 writes, 2 authentications, 3 reads): the budget
    # of the issue is 400 bytes on the wire.
    assert (issue_bytes, round_trips) == (340, 8)


# -- threads and unplugging -----------------------------------------------------------------------


@pytest.mark.pty
def test_concurrent_callers_are_serialised(emulator: Pn532Emulator, encoder: Pn532Encoder) -> None:
    card = emulator.present(UID)
    found = encoder.wait_for_card(1)
    encoder.write_payload(found, PAYLOAD)
    threads = [in_thread(lambda: encoder.read_payload(found)) for _ in range(4)]
    threads.append(in_thread(lambda: encoder.write_payload(found, PAYLOAD)))
    for thread, _ in threads:
        thread.join(10)
    assert [outcome for _, outcome in threads[:4]] == [{"result": PAYLOAD}] * 4
    assert threads[4][1] == {"result": None}
    assert emulator.stats.bad_frames == 0 and emulator.stats.nacks_received == 0
    assert issued_correctly(card)


@pytest.mark.pty
def test_replug_while_idle(emulator: Pn532Emulator, encoder: Pn532Encoder) -> None:
    card = emulator.present(UID)
    found = encoder.wait_for_card(1)
    emulator.replug()
    encoder.write_payload(found, PAYLOAD)  # reopened, woken, configured, started over
    assert issued_correctly(card) and emulator.stats.wakeups == 2
    emulator.replug()
    assert encoder.probe().ic == 0x32
    emulator.replug()
    assert encoder.wait_for_card(2) == found


@pytest.mark.pty
def test_replug_during_a_wait(emulator: Pn532Emulator, encoder: Pn532Encoder) -> None:
    thread, outcome = in_thread(lambda: encoder.wait_for_card(5))
    time.sleep(0.2)
    emulator.replug()
    time.sleep(0.2)
    emulator.present(UID)
    thread.join(5)
    assert outcome == {"result": Card(UID, "mifare-classic-1k")}


@pytest.mark.pty
def test_replug_during_the_write(emulator: Pn532Emulator, encoder: Pn532Encoder) -> None:
    card = emulator.present(UID)
    found = encoder.wait_for_card(1)
    emulator.faults.reply_delay_s = 0.03
    thread, outcome = in_thread(lambda: encoder.write_payload(found, PAYLOAD))
    time.sleep(0.15)
    emulator.replug()
    emulator.faults.reply_delay_s = 0.0
    thread.join(5)
    # The write starts over on the same card once the adapter is back, and verifies.
    assert outcome == {"result": None} and issued_correctly(card)


def test_unplugged_for_good(emulator: Pn532Emulator, encoder: Pn532Encoder) -> None:
    emulator.present(UID)
    found = encoder.wait_for_card(1)
    emulator.close()
    started = now(emulator)
    with pytest.raises(DeviceUnavailableError, match="disconnected during the write; the card is not issued"):
        encoder.write_payload(found, PAYLOAD)
    with pytest.raises(DeviceUnavailableError):
        encoder.wait_for_card(0.3)
    assert now(emulator) - started < 8


# -- property: any payload, any mild line trouble -----------------------------------------------


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    payload=st.binary(min_size=32, max_size=32),
    corrupt=st.integers(0, 2),
    drop=st.integers(0, 2),
    garbage=st.integers(0, 2),
    nack=st.integers(0, 2),
    split=st.booleans(),
)
def test_any_payload_round_trips_through_line_trouble(
    emulator: Pn532Emulator,
    encoder: Pn532Encoder,
    payload: bytes,
    corrupt: int,
    drop: int,
    garbage: int,
    nack: int,
    split: bool,
) -> None:
    assume(corrupt + drop + nack <= 3)  # the driver's retry budget per command
    card = emulator.present(UID)
    found = encoder.wait_for_card(2)
    emulator.faults = Faults(
        corrupt_replies=corrupt,
        drop_replies=drop,
        garbage_replies=garbage,
        nack_commands=nack,
        split_replies=split,
    )
    encoder.write_payload(found, payload)
    assert encoder.read_payload(found) == payload and issued_correctly(card, payload)
    encoder.wipe(found)
    assert is_blank(card)


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz_-=,.0123456789 ", max_size=60))
def test_fault_specs_parse_or_say_why(spec: str) -> None:
    # What `kiosk emulate encoder --fault ...` and the prompt's `fault` pass in: a bad one is a
    # ValueError with a message, never another exception.
    try:
        Faults.parse(spec)
    except ValueError as exc:
        assert str(exc)


def test_fault_aliases() -> None:
    faults = Faults.parse("nack=2,corrupt,slow=0.25,wrong_key,remove_mid_write,split,no_card")
    assert (faults.nack_commands, faults.corrupt_replies, faults.reply_delay_s) == (2, 1, 0.25)
    assert (faults.auth_failures, faults.remove_after_writes) == (1, 1)
    assert faults.split_replies and faults.no_card
    assert Faults.parse("remove_mid_write=off,no_card=off").remove_after_writes is None
    for bad in ("slow=fast", "slow=nan", "slow=inf", "slow=-1", "nack=-2", "corrupt=1.5"):
        with pytest.raises(ValueError, match="not a valid value"):
            Faults.parse(bad)


@pytest.mark.pty
def test_open_aborts_a_command_another_program_left_running(emulator: Pn532Emulator) -> None:
    # A program that died while its InListPassiveTarget (unlimited retries) waited for a card.
    with serial.Serial(emulator.path, 115200, timeout=0.2) as other:
        other.write(f.WAKEUP + f.encode_command(f.SAM_CONFIGURATION, b"\x01\x14\x01"))
        other.read(20)
        other.write(f.encode_command(f.IN_LIST_PASSIVE_TARGET, b"\x01\x00"))
        assert other.read(6) == f.ACK_FRAME
    enc = make_encoder(emulator)
    try:
        emulator.present(UID)  # must not answer the dead program's command on the new session
        assert enc.wait_for_card(1).uid == UID and enc.probe().ic == 0x32
    finally:
        enc.close()
