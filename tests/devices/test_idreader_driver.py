"""The ID-card reader driver through pyserial against the emulator on a real pty: every operation,
every injected fault, replug, and the clear errors for a port that is missing, busy or wrong."""

from __future__ import annotations

import io
import json
import logging
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.devices.emushell import Shell
from kiosk.devices.errors import (
    DeviceUnavailableError,
    IdCardNotSupportedError,
    IdCardReadError,
    NoIdCardError,
)
from kiosk.devices.idreader.driver import SamIdCardReader
from kiosk.devices.idreader.emulator import (
    IdReaderEmulator,
    IdReaderEmulatorOptions,
    IdReaderFaults,
    VirtualIdCard,
    _Session,
    card_from_json,
    load_cards,
)
from kiosk.devices.idreader.protocol import FIND_CARD, READ_TEXT_PHOTO, SAM_STATUS, SELECT_CARD
from kiosk.devices.idreader.text import CARD_TYPE, encode_id_text
from kiosk.devices.interfaces import IdCardReader
from kiosk.devices.memlink import FakeClock, MemoryLink
from kiosk.devices.msr.emulator import MsrEmulator
from kiosk.devices.ptylink import wire_seconds
from tests.devices.idcards import card, id_number, record


@pytest.fixture
def emulator(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[IdReaderEmulator]:
    """Over the in-process line with a fake clock; over a real pty for tests marked ``pty`` (the
    serial path, and the tests where another thread acts while the driver waits)."""
    clock = None if request.node.get_closest_marker("pty") else FakeClock()
    with IdReaderEmulator(tmp_path / "idreader", clock=clock) as running:
        yield running


def make_reader(path: str, **kwargs: object) -> SamIdCardReader:
    options: dict[str, object] = {"reply_timeout_s": 0.4, "gap_s": 0.1, "poll_s": 0.05}
    options.update(kwargs)
    return SamIdCardReader(path, **options)  # type: ignore[arg-type]


@pytest.fixture
def reader(emulator: IdReaderEmulator) -> Iterator[SamIdCardReader]:
    device = make_reader(emulator.path)
    yield device
    device.close()


def in_thread(fn: Callable[[], object]) -> tuple[threading.Thread, dict[str, object]]:
    outcome: dict[str, object] = {}

    def run() -> None:
        try:
            outcome["result"] = fn()
        except Exception as exc:
            outcome["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread, outcome


def wait_for_finds(emulator: IdReaderEmulator, count: int) -> None:
    """Block until the reader has polled 'find card' ``count`` times (it is waiting for a card)."""
    event = threading.Event()
    while not event.wait(0.01):
        if sum(1 for c in emulator.received if c.code == FIND_CARD) >= count:
            return


def codes(emulator: IdReaderEmulator) -> list[tuple[int, int]]:
    return [c.code for c in emulator.received]


def test_reader_satisfies_the_protocol(reader: SamIdCardReader) -> None:
    assert isinstance(reader, IdCardReader)
    assert reader.name.startswith("idreader:")


@pytest.mark.pty
def test_reads_a_card_find_select_read(emulator: IdReaderEmulator, reader: SamIdCardReader) -> None:
    emulator.present(card())
    got = reader.read_card(2.0)
    assert got == record(photo=emulator.card.record.photo)  # type: ignore[union-attr]
    assert len(got.photo) == 1024
    assert codes(emulator) == [SAM_STATUS, FIND_CARD, SELECT_CARD, READ_TEXT_PHOTO]
    assert reader.stats.round_trips == 4 and reader.stats.bytes_in > 1295


@pytest.mark.pty
def test_waits_for_the_card_to_be_placed(emulator: IdReaderEmulator, reader: SamIdCardReader) -> None:
    thread, outcome = in_thread(lambda: reader.read_card(10.0))
    wait_for_finds(emulator, 2)
    emulator.present(card())
    thread.join(10)
    assert outcome["result"] == record(photo=emulator.card.record.photo)  # type: ignore[union-attr]


def test_no_card_times_out(emulator: IdReaderEmulator, reader: SamIdCardReader) -> None:
    with pytest.raises(NoIdCardError, match="no ID card"):
        reader.read_card(0.3)
    assert READ_TEXT_PHOTO not in codes(emulator)


def test_no_card_fault_hides_the_card(emulator: IdReaderEmulator, reader: SamIdCardReader) -> None:
    emulator.present(card())
    emulator.faults.no_card = True
    with pytest.raises(NoIdCardError):
        reader.read_card(0.3)


@pytest.mark.pty
def test_a_wait_is_cancelled_from_another_thread(emulator: IdReaderEmulator, reader: SamIdCardReader) -> None:
    cancel = threading.Event()
    thread, outcome = in_thread(lambda: reader.read_card(30.0, cancel))
    wait_for_finds(emulator, 1)
    cancel.set()
    thread.join(5)
    assert isinstance(outcome["error"], NoIdCardError)
    assert "cancelled" in str(outcome["error"])


def test_a_failed_read_is_tried_again(emulator: IdReaderEmulator, reader: SamIdCardReader) -> None:
    emulator.present(card())
    emulator.faults.read_fail = 2
    assert reader.read_card(5.0).name == "张三"
    assert codes(emulator).count(READ_TEXT_PHOTO) == 3


def test_reads_that_keep_failing_say_hold_still(emulator: IdReaderEmulator, reader: SamIdCardReader) -> None:
    emulator.present(card())
    emulator.faults.read_fail = 10
    with pytest.raises(IdCardReadError, match="hold it still") as caught:
        reader.read_card(5.0)
    assert id_number() not in str(caught.value)


def test_a_card_lifted_during_the_read(emulator: IdReaderEmulator, reader: SamIdCardReader) -> None:
    emulator.present(card())
    emulator.faults.lift_during_read = 1
    with pytest.raises(IdCardReadError, match="could not be read"):
        reader.read_card(0.5)
    assert emulator.card is None


@pytest.mark.pty
def test_a_card_lifted_and_put_back_is_read(emulator: IdReaderEmulator, reader: SamIdCardReader) -> None:
    the_card = card()
    emulator.present(the_card)
    emulator.faults.lift_during_read = 1
    thread, outcome = in_thread(lambda: reader.read_card(10.0))
    wait_for_finds(emulator, 2)  # the second find comes after the failed read: the card is gone
    assert emulator.card is None
    emulator.present(the_card)
    thread.join(10)
    assert outcome["result"] == the_card.record


@pytest.mark.parametrize(
    "fault",
    [
        IdReaderFaults(corrupt=3),
        IdReaderFaults(drop=3),
        IdReaderFaults(noise=3),
        IdReaderFaults(mute=2),
        IdReaderFaults(split=True),
        IdReaderFaults(slow_s=0.2),
    ],
    ids=["corrupt", "drop", "noise", "mute", "split", "slow"],
)
def test_line_faults_are_survived(tmp_path: Path, fault: IdReaderFaults) -> None:
    with IdReaderEmulator(tmp_path / "faulty", clock=FakeClock()) as emulator:
        device = make_reader(emulator.path)
        try:
            emulator.present(card())
            emulator.faults = fault
            assert device.read_card(10.0).name == "张三"
        finally:
            device.close()
    if fault.corrupt or fault.drop or fault.mute:
        # Damaged or missing replies were asked for again.
        assert len(emulator.received) > 4


@pytest.mark.parametrize("baudrate", [115200, 9600])
def test_paced_at_the_configured_baud_rate(tmp_path: Path, baudrate: int) -> None:
    options = IdReaderEmulatorOptions(baudrate=baudrate)
    clock = FakeClock()
    with IdReaderEmulator(tmp_path / "paced", options, clock=clock) as emulator:
        device = make_reader(emulator.path, baudrate=baudrate)
        try:
            emulator.present(card())
            device.stats.reset()
            start = clock.monotonic()
            assert device.read_card(10.0).name == "张三"
            elapsed = clock.monotonic() - start
        finally:
            device.close()
    # Find, select, read: 30 bytes out and 1329 back, each taking its time on the line.
    assert (device.stats.bytes_out, device.stats.bytes_in) == (30, 1329)
    assert elapsed >= wire_seconds(30 + 1329, baudrate)


@pytest.mark.pty
def test_survives_the_adapter_being_replugged(emulator: IdReaderEmulator, reader: SamIdCardReader) -> None:
    thread, outcome = in_thread(lambda: reader.read_card(10.0))
    wait_for_finds(emulator, 1)
    emulator.replug()
    emulator.present(card())
    thread.join(10)
    assert outcome["result"] == record(photo=emulator.card.record.photo)  # type: ignore[union-attr]


@pytest.mark.pty
def test_replugged_between_reads(emulator: IdReaderEmulator, reader: SamIdCardReader) -> None:
    emulator.present(card())
    reader.read_card(2.0)
    emulator.replug()
    assert reader.read_card(5.0).name == "张三"


def test_probe_tells_the_sam_id(reader: SamIdCardReader) -> None:
    info = reader.probe()
    assert info.sam_id == "05.01-20240315-0001234567-0987654321"
    assert "resident ID-card reader" in str(info)


def test_a_foreign_residence_card_is_not_taken(emulator: IdReaderEmulator, reader: SamIdCardReader) -> None:
    chars = list(encode_id_text(record()).decode("utf-16-le"))
    chars[CARD_TYPE[0]] = "I"
    emulator.present(VirtualIdCard(record(), "foreign", text="".join(chars).encode("utf-16-le")))
    with pytest.raises(IdCardNotSupportedError, match="Other"):
        reader.read_card(2.0)


def test_garbled_card_data_is_a_read_error(emulator: IdReaderEmulator, reader: SamIdCardReader) -> None:
    emulator.present(VirtualIdCard(record(), "garbled", text=bytes(range(256))))
    with pytest.raises(IdCardReadError, match="could not be understood"):
        reader.read_card(2.0)


def test_the_number_never_reaches_the_log(
    emulator: IdReaderEmulator, reader: SamIdCardReader, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    emulator.present(card())
    emulator.faults.corrupt, emulator.faults.read_fail = 2, 1
    got = reader.read_card(5.0)
    assert got.id_number == id_number()
    assert caplog.records  # the retries were logged...
    assert all(id_number()[6:14] not in r.getMessage() for r in caplog.records)  # ...without the number


def test_wrong_device_on_the_port(tmp_path: Path) -> None:
    not_ours = "does not answer like a resident ID-card reader"
    clock = FakeClock()
    with (
        MsrEmulator(tmp_path / "msr", clock=clock) as msr,
        pytest.raises(DeviceUnavailableError, match=not_ours),
    ):
        make_reader(msr.path)
    silent_link = MemoryLink(lambda _data: None, tmp_path / "silent", clock=clock)
    with silent_link as silent, pytest.raises(DeviceUnavailableError, match="wrong device on the port"):
        make_reader(silent.path)


@pytest.mark.pty
def test_missing_and_busy_ports(tmp_path: Path, emulator: IdReaderEmulator, reader: SamIdCardReader) -> None:
    with pytest.raises(DeviceUnavailableError, match="does not exist: is the ID-card reader plugged in"):
        make_reader(str(tmp_path / "nothing"))
    with pytest.raises(DeviceUnavailableError, match="in use by another program"):
        make_reader(emulator.path)


def test_closed_reader_refuses(emulator: IdReaderEmulator, reader: SamIdCardReader) -> None:
    reader.close()
    with pytest.raises(DeviceUnavailableError, match="closed"):
        reader.read_card(0.2)


def test_fixture_file_of_cards(tmp_path: Path) -> None:
    path = tmp_path / "cards.json"
    path.write_text(
        json.dumps(
            [
                {
                    "name": "李晓梅",
                    "sex": "女",
                    "nation": "汉",
                    "birth": "1985-03-07",
                    "address": "广东省深圳市南山区",
                    "id_number": id_number(),
                    "authority": "深圳市公安局南山分局",
                    "valid_from": "2018-01-15",
                    "valid_to": "长期",
                },
                {
                    "label": "permit",
                    "name": "陈大文",
                    "sex": "male",
                    "nation": "01",
                    "birth": "1990-01-02",
                    "id_number": id_number("810000", record().birth_date.replace(1990, 1, 2)),
                    "valid_from": "2019-01-01",
                    "valid_to": "2024-01-01",
                    "card_type": "residence_permit",
                },
            ]
        ),
        encoding="utf-8",
    )
    cards = load_cards(path)
    assert [c.label for c in cards] == ["card-1", "permit"]
    assert cards[0].record.sex == "female" and cards[0].record.valid_until is None
    path.write_text(json.dumps([{"name": "x"}]), encoding="utf-8")
    with pytest.raises(ValueError, match="card 1: missing"):
        load_cards(path)
    path.write_text("{}", encoding="utf-8")
    with pytest.raises(ValueError, match="JSON list"):
        load_cards(path)


@pytest.mark.pty
def test_interactive_present_remove_and_faults(emulator: IdReaderEmulator, reader: SamIdCardReader) -> None:
    out = io.StringIO()
    session = _Session(emulator, [card("zhang"), card("li", name="李四")], out)
    shell = Shell(emulator, session.run, "help", out)  # the loop every emulator's shell runs
    shell.command("present li")
    assert "李*" in out.getvalue() and id_number() not in out.getvalue()
    assert reader.read_card(2.0).name == "李四"
    shell.command("fault read_fail 1")
    assert emulator.faults.read_fail == 1
    shell.command("remove")
    assert emulator.card is None
    shell.command("present 1")
    shell.command("fault clear")
    assert reader.read_card(2.0).name == "张三"
    with pytest.raises(ValueError, match="no card"):
        session.run(["present", "9"])
    shell.command("present 9")
    assert "error: no card '9'" in out.getvalue()
    assert shell.command("quit") is False


_json_values = (
    st.none() | st.booleans() | st.integers() | st.text(max_size=40) | st.lists(st.integers(), max_size=3)
)
_card_keys = st.sampled_from(
    ["label", "name", "sex", "nation", "birth", "address", "id_number", "authority", "valid_from", "valid_to",
     "card_type", "photo", "fingerprints", "other"]
)  # fmt: skip


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.dictionaries(_card_keys, _json_values))
def test_fuzz_card_file_entries_raise_only_value_error(item: dict[str, object]) -> None:
    """A card file's entry is a card or a ValueError saying what is wrong, never another error."""
    base: dict[str, object] = {
        "name": "张三",
        "birth": "1985-03-07",
        "id_number": id_number(),
        "valid_from": "2015-06-01",
        "valid_to": "2035-06-01",
    }
    try:
        got = card_from_json({**base, **item})
    except ValueError as exc:
        assert id_number() not in str(exc)
    else:
        assert len(got.text) == 256
