"""``kiosk device probe|read|wipe`` and ``kiosk emulate encoder``, run in-process through main()
against the PN532 and MSR206 emulators on real ptys; the probes that wait out silence do it on
the in-process line (``memory://``) with its fake clock."""

from __future__ import annotations

import io
import logging
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from kiosk.app import KioskApp
from kiosk.cli import devices as device_cli
from kiosk.cli import main
from kiosk.devices.memlink import FakeClock, MemoryLink
from kiosk.devices.msr.driver import MsrEncoder
from kiosk.devices.msr.emulator import MsrEmulator
from kiosk.devices.pn532.driver import Pn532Encoder
from kiosk.devices.pn532.emulator import Pn532Emulator
from kiosk.domain.cards import CardStatus
from kiosk.domain.credential import CardKind
from kiosk.services.audit import Actor
from kiosk.services.cards import SITE_KEY_FILE
from kiosk.services.site_keys import load_or_create_key
from kiosk.storage.models import AuditEvent

UID = bytes.fromhex("04A1B2C3")
DESK = Actor("staff", "r01")


@pytest.fixture(autouse=True)
def kiosk_log_handlers() -> Iterator[None]:
    """main() adds a stderr handler to the 'kiosk' logger each call and sets its level; undo it
    after the test (the handlers would write to a closed capture stream, the level hide DEBUG
    records from later tests' caplog)."""
    logger = logging.getLogger("kiosk")
    before = (list(logger.handlers), logger.level, logger.propagate)
    yield
    logger.handlers[:], level, logger.propagate = before
    logger.setLevel(level)


@pytest.fixture
def pn532(tmp_path: Path) -> Iterator[Pn532Emulator]:
    with Pn532Emulator(tmp_path / "pn532") as running:
        yield running


@pytest.fixture
def msr(tmp_path: Path) -> Iterator[MsrEmulator]:
    with MsrEmulator(tmp_path / "msr") as running:
        yield running


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def issue_visitor_card(app: KioskApp, pn532: Pn532Emulator, holder: str = "张三丰") -> str:
    """A visitor card issued by the desk on the PN532 emulator; the driver is closed again so
    the command line can open the port."""
    key = load_or_create_key(app.site_key_dir / SITE_KEY_FILE)
    encoder = Pn532Encoder(pn532.path, key)
    app.cards.encoder = encoder
    try:
        pn532.present(UID)
        now = app.clock.now()
        issued = app.cards.issue(
            CardKind.VISITOR, now, now + timedelta(days=400), DESK, holder=holder, timeout_s=2
        )
    finally:
        encoder.close()
    return issued.label


# -- probe ---------------------------------------------------------------------------------------


def test_probe_names_the_pn532_and_its_firmware(
    capsys: pytest.CaptureFixture[str], pn532: Pn532Emulator
) -> None:
    code, out, _ = run(capsys, "device", "probe", f"pn532://{pn532.path}")
    assert code == 0
    assert (
        out.strip()
        == f"pn532:{pn532.path}: NXP PN532, firmware 1.6 (ISO 14443A, ISO 14443B, ISO 18092), on {pn532.path} at 115200 baud"
    )


def test_probe_names_the_msr_and_the_emulated_encoder(
    capsys: pytest.CaptureFixture[str], msr: MsrEmulator
) -> None:
    code, out, _ = run(capsys, "device", "probe", f"msr://{msr.path}?baudrate=9600")
    assert code == 0 and "MSR206" in out and "REVU1.00" in out
    code, out, _ = run(capsys, "device", "probe", "emulated:")
    assert code == 0 and out.startswith("emulated:pn532: NXP PN532, firmware 1.6")


def test_probe_says_which_device_is_really_on_the_port(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # Each driver waits out the other device's silence: on the fake clock that takes no time.
    with (
        Pn532Emulator(tmp_path / "pn532", clock=FakeClock()) as pn532,
        MsrEmulator(tmp_path / "msr", clock=FakeClock()) as msr,
    ):
        assert pn532.path.startswith("memory://") and msr.path.startswith("memory://")
        code, _, err = run(capsys, "device", "probe", f"pn532://{msr.path}")
        assert code == 3
        assert "An MSR206-compatible stripe encoder answers there" in err and f"use msr://{msr.path}" in err
        code, _, err = run(capsys, "device", "probe", f"msr://{pn532.path}")
        assert code == 3
        assert "A PN532 answers there (NXP PN532, firmware 1.6" in err and f"use pn532://{pn532.path}" in err


def test_probe_a_port_where_nothing_answers(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    with MemoryLink(lambda data: None, link=tmp_path / "silent", clock=FakeClock()) as silent:
        code, _, err = run(capsys, "device", "probe", f"pn532://{silent.path}")
        assert silent.clock.monotonic() < 15  # both protocols tried and given up, in device time
    assert code == 3 and "no PN532 answers on" in err and "HSU mode" in err and "answers there" not in err


def test_probe_a_missing_port_a_busy_port_and_a_forbidden_one(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, pn532: Pn532Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, _, err = run(capsys, "device", "probe", f"pn532://{tmp_path}/ttyUSB9")
    assert code == 3 and "ttyUSB9 does not exist (is the device plugged in?)" in err
    holder = Pn532Encoder(pn532.path, bytes(32))
    try:
        code, _, err = run(capsys, "device", "probe", f"pn532://{pn532.path}")
    finally:
        holder.close()
    assert code == 3 and "in use by another program" in err
    node = tmp_path / "ttyUSB0"
    node.write_bytes(b"")
    monkeypatch.setattr(os, "access", lambda path, mode: path != str(node))  # as a user outside dialout
    code, _, err = run(capsys, "device", "probe", f"pn532://{node}")
    assert code == 3 and "no permission to open" in err and "'dialout'" in err


def test_a_bad_url_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "device", "probe", "nfc:///dev/ttyUSB0")
    assert code == 2 and "unknown scheme 'nfc'" in err
    code, _, err = run(capsys, "device", "read", "pn532://")
    assert code == 2 and "needs the serial port" in err


# -- read ----------------------------------------------------------------------------------------


def test_read_describes_an_issued_card_masked(
    capsys: pytest.CaptureFixture[str], app: KioskApp, pn532: Pn532Emulator
) -> None:
    label = issue_visitor_card(app, pn532)
    code, out, _ = run(capsys, "device", "read", f"pn532://{pn532.path}", "--timeout", "2")
    assert code == 0
    assert "card: mifare-classic-1k, UID …B2C3" in out and "04A1B2C3" not in out
    assert "verdict: valid" in out and "kind: visitor card" in out and f"number: {label}" in out
    assert "registry: issued, holder 张**" in out and "张三丰" not in out
    app.cards.revoke(CardKind.VISITOR, int(label[1:]), DESK)
    code, out, _ = run(capsys, "device", "read", f"pn532://{pn532.path}", "--timeout", "2")
    assert code == 0 and "verdict: revoked" in out and "registry: revoked" in out


def test_read_without_the_database_checks_the_card_alone(
    capsys: pytest.CaptureFixture[str], app: KioskApp, pn532: Pn532Emulator, tmp_path: Path
) -> None:
    label = issue_visitor_card(app, pn532)
    (tmp_path / "not-a-folder").write_text("")
    broken = replace(app.config, database_url=f"sqlite:///{tmp_path}/not-a-folder/kiosk.db")
    out, err = io.StringIO(), io.StringIO()
    assert device_cli.read(broken, f"pn532://{pn532.path}", 2, out, err) == 0
    text = out.getvalue()
    assert "verdict: signature good and within its validity" in text and f"number: {label}" in text
    assert "registry: not checked" in text


def test_read_a_blank_card_a_foreign_one_and_none(
    capsys: pytest.CaptureFixture[str], app: KioskApp, pn532: Pn532Emulator
) -> None:
    load_or_create_key(app.site_key_dir / SITE_KEY_FILE)
    pn532.present(UID)
    code, out, _ = run(capsys, "device", "read", f"pn532://{pn532.path}", "--timeout", "2")
    assert code == 0 and "verdict: blank" in out
    foreign = pn532.new_card(bytes.fromhex("0B0C0D0E"))
    foreign.blocks[7][:6] = bytes.fromhex("a0a1a2a3a4a5")
    pn532.present(foreign)
    code, out, _ = run(capsys, "device", "read", f"pn532://{pn532.path}", "--timeout", "2")
    assert code == 0 and "verdict: foreign" in out
    pn532.remove()
    code, _, err = run(capsys, "device", "read", f"pn532://{pn532.path}", "--timeout", "0.3")
    assert code == 1 and "no card was placed on the encoder" in err


def test_read_without_the_site_key_says_so(capsys: pytest.CaptureFixture[str], pn532: Pn532Emulator) -> None:
    pn532.present(UID)
    code, out, _ = run(capsys, "device", "read", f"pn532://{pn532.path}", "--timeout", "2")
    assert code == 0 and "no site card key at" in out and "verdict: blank" in out


def test_read_a_stripe(capsys: pytest.CaptureFixture[str], app: KioskApp, msr: MsrEmulator) -> None:
    from kiosk.devices.msr.emulator import MagCard

    load_or_create_key(app.site_key_dir / SITE_KEY_FILE)
    msr.hold(MagCard())
    code, out, _ = run(capsys, "device", "read", f"msr://{msr.path}", "--timeout", "2")
    assert code == 0 and "card: magstripe, UID none" in out and "verdict: blank" in out


# -- wipe ----------------------------------------------------------------------------------------


def test_wipe_returns_an_issued_card_and_blanks_it(
    capsys: pytest.CaptureFixture[str], app: KioskApp, pn532: Pn532Emulator
) -> None:
    label = issue_visitor_card(app, pn532)
    code, out, _ = run(capsys, "device", "wipe", f"pn532://{pn532.path}", "--timeout", "2")
    assert code == 0 and f"{label} (valid): wiped, now blank" in out
    card = pn532.card_on_pad
    assert card is not None and card.sector_is_factory(1)
    record = app.cards.record(CardKind.VISITOR, int(label[1:]))
    assert record is not None and record.status is CardStatus.RETURNED
    with app.database.sessions() as session:
        actions = session.scalars(select(AuditEvent.action).where(AuditEvent.actor.startswith("cli"))).all()
    assert "card.wiped" in actions
    code, out, _ = run(capsys, "device", "wipe", f"pn532://{pn532.path}", "--timeout", "2")
    assert code == 0 and "already blank, nothing to do" in out


def test_wipe_refuses_a_revoked_card(
    capsys: pytest.CaptureFixture[str], app: KioskApp, pn532: Pn532Emulator
) -> None:
    label = issue_visitor_card(app, pn532)
    app.cards.revoke(CardKind.VISITOR, int(label[1:]), DESK)
    before = [bytes(b) for b in pn532.cards[UID].blocks]
    code, _, err = run(capsys, "device", "wipe", f"pn532://{pn532.path}", "--timeout", "2")
    assert code == 1 and "cannot be wiped: revoked; the card was left as it is" in err
    assert [bytes(b) for b in pn532.cards[UID].blocks] == before


def test_wipe_needs_the_site_key(capsys: pytest.CaptureFixture[str], pn532: Pn532Emulator) -> None:
    code, _, err = run(capsys, "device", "wipe", f"pn532://{pn532.path}")
    assert code == 2 and "no site card key" in err


# -- emulate encoder -----------------------------------------------------------------------------


class Typist:
    """stdin for the interactive emulators: lines handed over one at a time, as a person types."""

    def __init__(self) -> None:
        self.lines: queue.Queue[str] = queue.Queue()

    def type(self, line: str) -> None:
        self.lines.put(line + "\n")

    def isatty(self) -> bool:
        return False

    def readline(self) -> str:
        return self.lines.get(timeout=20)  # a test that forgets 'quit' fails instead of hanging

    def __iter__(self) -> Iterator[str]:
        while line := self.readline():
            yield line


class Screen(io.StringIO):
    def wait_for(self, text: str, timeout_s: float = 5.0, times: int = 1) -> None:
        """Until ``text`` has appeared ``times`` times: a repeated command's answer is new text."""
        deadline = time.monotonic() + timeout_s
        while self.getvalue().count(text) < times:
            assert time.monotonic() < deadline, f"{text!r} never appeared in:\n{self.getvalue()}"
            time.sleep(0.01)


def start_emulator(monkeypatch: pytest.MonkeyPatch, *argv: str) -> tuple[Typist, Screen, dict[str, int]]:
    typist, screen = Typist(), Screen()
    monkeypatch.setattr(sys, "stdin", typist)
    monkeypatch.setattr(sys, "stdout", screen)
    result: dict[str, int] = {}
    thread = threading.Thread(
        target=lambda: result.update(code=main(["emulate", "encoder", *argv])), daemon=True
    )
    thread.start()
    screen.wait_for("Type 'help'")
    return typist, screen, result


def wait_result(result: dict[str, int], timeout_s: float = 5.0) -> int:
    deadline = time.monotonic() + timeout_s
    while "code" not in result:
        assert time.monotonic() < deadline, "the emulator did not stop"
        time.sleep(0.01)
    return result["code"]


def test_emulate_pn532_interactively(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    link = tmp_path / "encoder"
    typist, screen, result = start_emulator(
        monkeypatch, "--protocol", "pn532", "--link", str(link), "--cards", str(tmp_path), "--fault", "nack"
    )
    assert link.is_symlink()
    typist.type("faults")
    screen.wait_for("faults: nack_commands=1")
    encoder = Pn532Encoder(str(link), bytes(range(32)))  # the NACKed first command is sent again
    try:
        typist.type("present visitor.mfd")
        screen.wait_for("on the pad: ")
        card = encoder.wait_for_card(2)
        assert encoder.read_payload(card) is None
        encoder.write_payload(card, bytes(range(32)))
        typist.type("list")
        screen.wait_for(f"* {card.uid_hex}  keys set in sector(s) 1")
        dump = (tmp_path / "visitor.mfd").read_bytes()
        assert len(dump) == 1024 and dump[64:96] == bytes(range(32))  # saved after the command
        typist.type("remove")
        screen.wait_for(f"lifted {card.uid_hex}")
        typist.type("present blank")
        screen.wait_for("on the pad: ", timeout_s=2, times=2)
        assert encoder.wait_for_card(2).uid != card.uid
        typist.type("present visitor.mfd")  # the file's card comes back as it was written
        screen.wait_for("on the pad: ", timeout_s=2, times=3)
        assert encoder.read_payload(encoder.wait_for_card(2)) == bytes(range(32))
        typist.type("fault bogus")
        screen.wait_for("unknown fault 'bogus'")
    finally:
        encoder.close()
        typist.type("quit")
    assert wait_result(result) == 0 and not link.exists()


def test_emulate_msr_interactively(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    link = tmp_path / "stripe"
    typist, screen, result = start_emulator(monkeypatch, "--protocol", "msr", "--link", str(link))
    encoder = MsrEncoder(str(link), swipe_timeout_s=3)
    try:
        typist.type("present blank")
        screen.wait_for("holding blank-1")
        payload = bytes(range(15))
        card = encoder.wait_for_card(3)
        encoder.write_payload(card, payload)  # the held card is swiped to write and to verify
        assert encoder.read_payload(card) == payload
        typist.type("remove")
        screen.wait_for("no card held")
        typist.type("fault split on")
        screen.wait_for("split=True")
    finally:
        encoder.close()
        typist.type("quit")
    assert wait_result(result) == 0


def test_emulate_refuses_bad_faults_and_a_missing_folder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(
        capsys, "emulate", "encoder", "--protocol", "pn532", "--link", str(tmp_path / "x"), "--fault", "bogus"
    )
    assert code == 2 and "unknown fault 'bogus'" in err
    code, _, err = run(
        capsys,
        "emulate",
        "encoder",
        "--protocol",
        "msr",
        "--link",
        str(tmp_path / "x"),
        "--fault",
        "slow=fast",
    )
    assert code == 2 and "not a valid value" in err
    code, _, err = run(
        capsys, "emulate", "encoder", "--protocol", "pn532", "--link", str(tmp_path / "no" / "x")
    )
    assert code == 2 and "is not a folder" in err
    with pytest.MonkeyPatch.context() as patch:
        patch.setitem(sys.modules, "kiosk.devices.pn532.emulator", None)  # as on Windows: no pty
        code, _, err = run(capsys, "emulate", "encoder", "--protocol", "pn532", "--link", str(tmp_path / "x"))
    assert code == 2 and "need pseudo-terminals" in err


# -- the emulators as services -------------------------------------------------------------------


def start_service(tmp_path: Path, link: Path, *argv: str) -> subprocess.Popen[str]:
    """``setsid kiosk emulate ... < /dev/null &``: no terminal, no commands, a session of its own."""
    return subprocess.Popen(
        [sys.executable, "-m", "kiosk", "emulate", *argv, "--link", str(link)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
        cwd=tmp_path,
    )


def stop_service(service: subprocess.Popen[str]) -> str:
    """SIGTERM, as a service manager stops it; what it said."""
    service.send_signal(signal.SIGTERM)
    out, _ = service.communicate(timeout=10)
    return out


def wait_for_link(service: subprocess.Popen[str], link: Path) -> None:
    deadline = time.monotonic() + 20
    while not link.is_symlink():
        assert service.poll() is None, f"the emulator quit: {service.communicate()[0]}"
        assert time.monotonic() < deadline, "the emulator never published its link"
        time.sleep(0.05)


def test_pn532_emulator_serves_without_a_terminal_until_sigterm(tmp_path: Path) -> None:
    link = tmp_path / "encoder"
    service = start_service(
        tmp_path, link, "encoder", "--protocol", "pn532", "--present", "blank", "--fault", "nack"
    )
    try:
        wait_for_link(service, link)
        time.sleep(0.5)  # well past the end of its (empty) input: it must still be there
        assert service.poll() is None
        encoder = Pn532Encoder(str(link), bytes(range(32)))  # the NACKed first command is resent
        try:
            assert str(encoder.probe()).startswith("NXP PN532, firmware 1.6")
            card = encoder.wait_for_card(2)  # the card from --present
            assert encoder.read_payload(card) is None
        finally:
            encoder.close()
        assert service.poll() is None
    finally:
        out = stop_service(service)
    assert service.returncode == 0, out
    assert "serving until stopped" in out and "stopped" in out and "Traceback" not in out
    assert not link.exists()  # the link goes with the emulator


def test_msr_emulator_serves_without_a_terminal_until_sigterm(tmp_path: Path) -> None:
    link = tmp_path / "stripe"
    service = start_service(tmp_path, link, "encoder", "--protocol", "msr", "--present", "blank")
    try:
        wait_for_link(service, link)
        time.sleep(0.5)
        encoder = MsrEncoder(str(link), swipe_timeout_s=3)
        try:
            card = encoder.wait_for_card(3)  # the held card is swiped whenever the encoder waits
            encoder.write_payload(card, bytes(range(15)))
            assert encoder.read_payload(card) == bytes(range(15))
        finally:
            encoder.close()
    finally:
        out = stop_service(service)
    assert service.returncode == 0, out
    assert not link.exists()


def test_idreader_emulator_serves_without_a_terminal_until_sigterm(tmp_path: Path) -> None:
    from kiosk.devices.idreader.driver import SamIdCardReader
    from kiosk.devices.idreader.emulator import DEMO_CARDS

    link = tmp_path / "idreader"
    service = start_service(tmp_path, link, "idreader", "--present", "2", "--fault", "read_fail=1")
    try:
        wait_for_link(service, link)
        time.sleep(0.5)
        reader = SamIdCardReader(str(link), reply_timeout_s=0.5, poll_s=0.05)
        try:
            assert reader.read_card(5.0).name == DEMO_CARDS[1]["name"]  # after the failed read
        finally:
            reader.close()
    finally:
        out = stop_service(service)
    assert service.returncode == 0, out
    assert not link.exists()
