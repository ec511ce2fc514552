"""The card encoders from a shell: ``kiosk device probe|read|wipe URL`` and ``kiosk emulate encoder``.

The commands open the encoder through the same factory as the app (so a URL that works here
works in ``kiosk.toml``) and say in one sentence what is wrong when it does not open: no such
port, no permission (join the ``dialout`` group), the port held by another program, or another
device on it (a PN532 URL where an MSR206 answers is named as such).

``read`` identifies the card the way the desk does (:meth:`CardService.identify`: blank, valid,
revoked, expired, copied...) when the database opens, and from the card alone (its signature and
validity) when it does not. Holder names are masked and the card's UID shortened to its last
four hex digits: the output may end up in a ticket or a chat.
"""

from __future__ import annotations

import getpass
import secrets
import shlex
import sys
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from kiosk.devices.errors import (
    DeviceUnavailableError,
    EncoderError,
    ForeignCardError,
    NoCardError,
)
from kiosk.devices.factory import DeviceUrlError, _encoder_port, open_encoder, parse_device_url
from kiosk.devices.interfaces import Card, CardEncoder
from kiosk.domain.cards import STRIPE_TECHNOLOGY, CardVerdict, card_label, numeric_site_id
from kiosk.domain.credential import Credential, CredentialError, decode_chip, decode_compact
from kiosk.domain.visitor import mask_name
from kiosk.services.cards import SITE_KEY_FILE

if TYPE_CHECKING:
    from kiosk.config import Config
    from kiosk.services.cards import CardIdentity

EXIT_OK = 0
EXIT_REFUSED = 1  # no card, or a card that may not be wiped: nothing is wrong with the encoder
EXIT_USAGE = 2
EXIT_DEVICE = 3
PROBE_TIMEOUT_S = 0.3  # per reply, when trying which device is on a port

_KIND_NAMES = {1: "IDC identity card", 2: "visitor card", 3: "machine-room pass"}


@dataclass
class Streams:
    out: TextIO
    err: TextIO

    def say(self, text: str) -> None:
        print(text, file=self.out, flush=True)

    def fail(self, text: str) -> None:
        print(f"kiosk: {text}", file=self.err, flush=True)


def _streams(out: TextIO | None, err: TextIO | None) -> Streams:
    return Streams(out or sys.stdout, err or sys.stderr)


# -- opening, with the wrong device named -------------------------------------------------------


def site_key_path(config: Config) -> Path:
    return config.data_dir / "keys" / SITE_KEY_FILE


def load_site_key(config: Config) -> bytes | None:
    """The site's card key if this machine has it; never created here (a new key reads nothing)."""
    try:
        return site_key_path(config).read_bytes()
    except OSError:
        return None


def open_for_cli(url: str, site_key: bytes | None) -> CardEncoder:
    """``open_encoder``, and when a PN532 or MSR URL finds the wrong device, which one answers."""
    try:
        return open_encoder(url, site_key)
    except DeviceUnavailableError as exc:
        u = parse_device_url(url, ("pn532", "msr", "emulated", "memory"))
        if u.scheme not in ("pn532", "msr") or not _is_silence(str(exc)):
            raise
        other = _other_device(u.scheme, url)
        if other is None:
            raise
        raise DeviceUnavailableError(f"{exc}. {other}") from None


def _is_silence(message: str) -> bool:
    return any(
        text in message for text in ("no PN532 answers", "not like a PN532", "does not answer like an MSR206")
    )


def _other_device(scheme: str, url: str) -> str | None:
    """Try the other encoder protocol on the port; a sentence naming what answered, or None."""
    from kiosk.devices.msr.driver import MsrEncoder
    from kiosk.devices.pn532.driver import Pn532Encoder

    port = _encoder_port(parse_device_url(url, (scheme,)), url)
    try:
        if scheme == "pn532":
            msr = MsrEncoder(port, coercivity="keep", reply_timeout_s=PROBE_TIMEOUT_S)
            try:
                info: object = msr.probe()
            finally:
                msr.close()
            return f"An MSR206-compatible stripe encoder answers there ({info}): use msr://{port}"
        pn532 = Pn532Encoder(port, secrets.token_bytes(32), reply_timeout_s=PROBE_TIMEOUT_S, retries=1)
        try:
            info = pn532.probe()
        finally:
            pn532.close()
        return f"A PN532 answers there ({info}): use pn532://{port}"
    except (EncoderError, DeviceUnavailableError, OSError):
        return None


def _opened(url: str, site_key: bytes | None, io: Streams) -> CardEncoder | int:
    """The encoder, or the exit code after saying why it did not open."""
    try:
        return open_for_cli(url, site_key)
    except DeviceUrlError as exc:
        io.fail(str(exc))
        return EXIT_USAGE
    except DeviceUnavailableError as exc:
        io.fail(str(exc))
        return EXIT_DEVICE


# -- probe ---------------------------------------------------------------------------------------


def probe(config: Config, url: str, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """``kiosk device probe URL``: what is attached and its firmware."""
    io = _streams(out, err)
    try:
        io.say(identify_encoder(url, load_site_key(config)))
        return EXIT_OK
    except DeviceUrlError as exc:
        io.fail(str(exc))
        return EXIT_USAGE
    except (DeviceUnavailableError, EncoderError) as exc:
        io.fail(str(exc))
        return EXIT_DEVICE


def identify_encoder(url: str, site_key: bytes | None = None) -> str:
    """Open the encoder ``url`` names, ask what it is and close it: "NAME: model, firmware".
    Raises DeviceUrlError, DeviceUnavailableError (naming the other encoder if one answers there)
    or EncoderError. Shared by ``kiosk device probe`` and ``kiosk doctor``."""
    # Probing touches no card: any key opens the PN532 driver when this machine has none.
    encoder = open_for_cli(url, site_key or secrets.token_bytes(32))
    try:
        describe = getattr(encoder, "probe", None)
        info = describe() if callable(describe) else "an in-memory encoder (no hardware)"
        return f"{encoder.name}: {info}"
    finally:
        encoder.close()


# -- read ----------------------------------------------------------------------------------------


def read(
    config: Config,
    url: str,
    timeout_s: float = 30.0,
    out: TextIO | None = None,
    err: TextIO | None = None,
    cancel: threading.Event | None = None,
) -> int:
    """``kiosk device read URL``: wait for a card and describe it, masked."""
    io = _streams(out, err)
    site_key = load_site_key(config)
    if site_key is None:
        io.say(f"no site card key at {site_key_path(config)}: our cards cannot be recognised here")
    encoder = _opened(url, site_key or secrets.token_bytes(32), io)
    if isinstance(encoder, int):
        return encoder
    try:
        io.say(f"lay a card on {encoder.name} (or swipe it) within {timeout_s:g} s ...")
        card = encoder.wait_for_card(timeout_s, cancel)
        io.say(f"card: {card.technology}, UID {mask_uid(card)}")
        if site_key is None:
            lines = _describe_without_key(encoder, card)
        else:
            lines = _describe(config, encoder, card, site_key)
        for line in lines:
            io.say(line)
        return EXIT_OK
    except NoCardError as exc:
        io.fail(str(exc))
        return EXIT_REFUSED
    except (DeviceUnavailableError, EncoderError) as exc:
        io.fail(str(exc))
        return EXIT_DEVICE
    finally:
        encoder.close()


def mask_uid(card: Card) -> str:
    """The UID's last four hex digits (enough to tell two cards on the desk apart)."""
    if not card.uid:
        return "none (a magnetic stripe has none)"
    return "…" + card.uid_hex[-4:]


def _describe_without_key(encoder: CardEncoder, card: Card) -> list[str]:
    try:
        payload = encoder.read_payload(card)
    except ForeignCardError:
        return ["verdict: not blank (not readable without this site's key)"]
    return ["verdict: blank" if payload is None else "verdict: not blank (cannot be checked without the key)"]


def _describe(config: Config, encoder: CardEncoder, card: Card, site_key: bytes) -> list[str]:
    """The desk's verdict (with the card registry) when the database opens, else the card's own."""
    from kiosk.app import open_database
    from kiosk.config import ConfigError
    from kiosk.services.cards import CardService
    from kiosk.services.clock import SystemClock

    site_id = numeric_site_id(config.site_id)
    try:
        database = open_database(config)
    except ConfigError as exc:
        lines = _describe_offline(encoder, card, site_key, site_id, config)
        return [*lines, f"registry: not checked ({exc})"]
    try:
        service = CardService(database.sessions, SystemClock(), encoder, site_key, site_id)
        return _identity_lines(service.identify(card), config)
    finally:
        database.dispose()


def _identity_lines(identity: CardIdentity, config: Config) -> list[str]:
    verdict = identity.verdict.value.replace("_", " ")
    lines = [f"verdict: {verdict}" + (f" ({identity.reason})" if identity.reason else "")]
    if identity.credential is not None:
        lines += _credential_lines(identity.credential, config)
    record = identity.record
    if record is not None:
        holder = mask_name(record.holder) if record.holder else "-"
        lines.append(f"registry: {record.status.value}, holder {holder}")
    elif identity.credential is not None:
        lines.append("registry: no such card number")
    return lines


def _describe_offline(
    encoder: CardEncoder, card: Card, site_key: bytes, site_id: int, config: Config
) -> list[str]:
    try:
        payload = encoder.read_payload(card)
    except ForeignCardError:
        return [f"verdict: {CardVerdict.FOREIGN.value} (no key of ours opens it)"]
    if payload is None:
        return [f"verdict: {CardVerdict.BLANK.value}"]
    try:
        if card.technology == STRIPE_TECHNOLOGY:
            credential = decode_compact(payload, site_key)
        else:
            credential = decode_chip(payload, card.uid, site_key)
    except CredentialError as exc:
        return [f"verdict: {CardVerdict.INVALID.value} ({exc.reason})"]
    lines = _credential_lines(credential, config)
    if credential.site_id != site_id:
        return [f"verdict: {CardVerdict.INVALID.value} (site)", *lines]
    try:
        credential.check_valid_at(datetime.now(tz=config.zone))
        state = "signature good and within its validity"
    except CredentialError as exc:
        state = "signature good but " + exc.reason.replace("_", " ")
    return [f"verdict: {state}", *lines]


def _credential_lines(credential: Credential, config: Config) -> list[str]:
    zone = config.zone
    start = credential.valid_from.astimezone(zone).strftime("%Y-%m-%d %H:%M")
    end = credential.valid_until.astimezone(zone).strftime("%Y-%m-%d %H:%M")
    return [
        f"kind: {_KIND_NAMES.get(int(credential.kind), str(credential.kind))}",
        f"number: {card_label(credential.kind, credential.card_number)}",
        f"valid: {start} to {end} ({config.timezone}), site {credential.site_id}",
    ]


# -- wipe ----------------------------------------------------------------------------------------


def wipe(
    config: Config,
    url: str,
    timeout_s: float = 30.0,
    out: TextIO | None = None,
    err: TextIO | None = None,
    cancel: threading.Event | None = None,
) -> int:
    """``kiosk device wipe URL``: return a card to blank, through the card registry (a card still
    issued is recorded as returned first; a revoked or foreign card is refused), audited."""
    from kiosk.app import open_site_database
    from kiosk.config import ConfigError
    from kiosk.services.audit import Actor
    from kiosk.services.cards import CardRefusedError, CardService
    from kiosk.services.clock import SystemClock

    io = _streams(out, err)
    site_key = load_site_key(config)
    if site_key is None:
        io.fail(f"no site card key at {site_key_path(config)}: only the desk that issued a card can wipe it")
        return EXIT_USAGE
    try:
        # As the server opens it: the wipe's audit event signed, on the trail's chain.
        database = open_site_database(config, SystemClock(), Actor("cli", getpass.getuser()))
    except ConfigError as exc:
        io.fail(f"wiping needs the card registry (a wiped card is recorded as returned): {exc}")
        return EXIT_USAGE
    try:
        encoder = _opened(url, site_key, io)
        if isinstance(encoder, int):
            return encoder
        try:
            service = CardService(
                database.sessions, SystemClock(), encoder, site_key, numeric_site_id(config.site_id)
            )
            io.say(f"lay the card to wipe on {encoder.name} (or swipe it) within {timeout_s:g} s ...")
            identity = service.wipe(Actor("cli", getpass.getuser()), timeout_s, cancel)
        except CardRefusedError as exc:
            io.fail(f"{exc}; the card was left as it is")
            return EXIT_REFUSED
        except NoCardError as exc:
            io.fail(str(exc))
            return EXIT_REFUSED
        except (DeviceUnavailableError, EncoderError) as exc:
            io.fail(f"{exc}; the card may be half wiped: wipe it again")
            return EXIT_DEVICE
        finally:
            encoder.close()
        label = identity.label or f"UID {mask_uid(identity.card)}"
        if identity.verdict is CardVerdict.BLANK:
            io.say(f"{label}: already blank, nothing to do")
        else:
            io.say(f"{label} ({identity.verdict.value.replace('_', ' ')}): wiped, now blank")
        return EXIT_OK
    finally:
        database.dispose()


# -- the emulators -------------------------------------------------------------------------------


def emulate_encoder(
    protocol: str,
    link: Path,
    *,
    baudrate: int | None = None,
    faults: list[str] | None = None,
    blank_cards: int = 0,
    cards_dir: Path | None = None,
    present: Sequence[str] = (),
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """``kiosk emulate encoder --protocol pn532|msr --link PATH``: serve an encoder on a pty
    and take commands (present, remove, list, fault ...) from stdin until ``quit``; with no
    terminal, serve until SIGTERM or Ctrl-C. ``present`` cards are put on it (held, for a
    stripe) before the first command."""
    io = _streams(stdout, err)
    if not link.parent.is_dir():
        io.fail(f"cannot create {link}: {link.parent} is not a folder")
        return EXIT_USAGE
    try:
        if protocol == "pn532":
            runner = _pn532_runner(baudrate, faults or [], blank_cards, cards_dir)
        elif protocol == "msr":
            runner = _msr_runner(baudrate, faults or [], cards_dir)
        else:
            io.fail(f"unknown encoder protocol {protocol!r} (pn532 or msr)")
            return EXIT_USAGE
    except ValueError as exc:
        io.fail(str(exc))
        return EXIT_USAGE
    except ImportError:  # no termios / tty: Windows
        io.fail("the encoder emulators need pseudo-terminals: run them on Linux or macOS")
        return EXIT_USAGE
    return runner(link, stdin, stdout, [f"present {shlex.quote(card)}" for card in present])


_Runner = Callable[[Path, TextIO | None, TextIO | None, list[str]], int]


def _pn532_runner(
    baudrate: int | None, faults: list[str], blank_cards: int, cards_dir: Path | None
) -> _Runner:
    from kiosk.devices.pn532.emulator import EmulatorOptions, Faults, run_interactive

    options = EmulatorOptions(
        baudrate=baudrate or 115200,
        pace=baudrate is not None,
        faults=Faults.parse(",".join(faults)),
        blank_cards=blank_cards,
        cards_dir=cards_dir,
    )
    return lambda link, stdin, stdout, commands: run_interactive(link, options, stdin, stdout, commands)


def _msr_runner(baudrate: int | None, faults: list[str], cards_dir: Path | None) -> _Runner:
    from kiosk.devices.msr.emulator import MsrEmulatorOptions, MsrFaults, run_interactive

    parsed = MsrFaults()
    for item in faults:
        name, _, value = item.partition("=")
        parsed.set(name, value or None)
    options = MsrEmulatorOptions(baudrate=baudrate, faults=parsed, cards_dir=cards_dir)
    return lambda link, stdin, stdout, commands: run_interactive(link, options, stdin, stdout, commands)
