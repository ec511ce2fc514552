"""A station's composition root: its configuration, its own devices, and its link to the site
server. Knows no database and no key (the import contracts keep it so)."""

from __future__ import annotations

import json
import logging
import os
import ssl
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import httpx
import platformdirs

from kiosk.client.api import Session
from kiosk.client.events import WebSocketLink
from kiosk.client.files import write_private
from kiosk.client.http import SiteClient, http_client
from kiosk.client.pinning import pinned_context
from kiosk.client.station import Station, StationSettings
from kiosk.config import APP_NAME, Config, ConfigError
from kiosk.configured_devices import open_configured, open_configured_id_reader, printer_profile
from kiosk.devices.errors import DeviceUnavailableError
from kiosk.devices.factory import DeviceUrlError, open_encoder, open_printer
from kiosk.devices.interfaces import CardEncoder, IdCardReader, ReceiptPrinter
from kiosk.domain.clock import Clock, SystemClock
from kiosk.printing.send import Printer

log = logging.getLogger(__name__)
_Device = TypeVar("_Device")

ENROLMENT_FILE = "station.json"
CERT_FILE = "server-cert.pem"


@dataclass(frozen=True)
class Enrolment:
    """What `kiosk enrol` keeps in the station's config folder (mode 0600)."""

    url: str
    token: str
    name: str
    role: str
    certificate: bytes | None  # the server's certificate, pinned; None on loopback (plain HTTP)

    @property
    def ssl_context(self) -> ssl.SSLContext | None:
        return pinned_context(self.certificate) if self.certificate else None


def station_config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME))


def save_enrolment(enrolment: Enrolment, folder: Path | None = None) -> Path:
    folder = folder or station_config_dir()
    folder.mkdir(parents=True, exist_ok=True)
    os.chmod(folder, 0o700)
    if enrolment.certificate is not None:
        write_private(folder / CERT_FILE, enrolment.certificate)
    body = {"url": enrolment.url, "token": enrolment.token, "name": enrolment.name, "role": enrolment.role}
    path = folder / ENROLMENT_FILE
    write_private(path, json.dumps(body, ensure_ascii=False, indent=2).encode())
    return path


def load_enrolment(folder: Path | None = None) -> Enrolment | None:
    folder = folder or station_config_dir()
    path = folder / ENROLMENT_FILE
    if not path.is_file():
        return None
    try:
        body = json.loads(path.read_text(encoding="utf-8"))
        cert = folder / CERT_FILE
        return Enrolment(
            str(body["url"]),
            str(body["token"]),
            str(body["name"]),
            str(body["role"]),
            cert.read_bytes() if cert.is_file() else None,
        )
    except (OSError, ValueError, KeyError) as exc:
        raise ConfigError("station", f"{path} cannot be read ({exc}); enrol this station again") from None


def open_station(
    config: Config,
    enrolment: Enrolment,
    *,
    printer: ReceiptPrinter | None = None,
    id_reader: IdCardReader | None = None,
    encoder: CardEncoder | None = None,
    clock: Clock | None = None,
    http: httpx.Client | None = None,
) -> Station:
    """Open this station's devices and ask the server what the site is (raises
    ServerUnreachableError when it does not answer)."""
    context = enrolment.ssl_context
    http = http or http_client(enrolment.url, context)
    client = SiteClient(http, enrolment.token)
    settings = Session(client).site()
    devices = [
        printer
        or open_configured(
            "printer.url", config, lambda: open_printer(config.printer_url, config.printer_output_dir)
        )
    ]
    if config.printer_fallback_url:
        devices.append(
            open_configured(
                "printer.fallback_url",
                config,
                lambda: open_printer(config.printer_fallback_url, config.printer_output_dir / "fallback"),
            )
        )
    # The desk's reader fills a walk-in's form as the kiosk's fills the visitor's own.
    if id_reader is None and config.id_reader_url and enrolment.role in ("kiosk", "desk"):
        id_reader = open_configured_id_reader(config)
    if encoder is None and settings.visitor_cards and enrolment.role == "kiosk":
        # Opened without a key: the server gives each card's keys (see kiosk.client.cards).
        encoder = open_configured("encoder.url", config, lambda: open_encoder(config.encoder_url))
    elif encoder is None and config.encoder_url and enrolment.role == "desk":
        # The desk writes IDC and visitor cards on its own encoder, key-less as the kiosk's.
        encoder = _open_desk_encoder(config)
    events_url = (
        enrolment.url.replace("https://", "wss://", 1).replace("http://", "ws://", 1) + "/api/v1/events"
    )
    return Station(
        client=client,
        settings=settings,
        local=station_settings(config),
        clock=clock or SystemClock(),
        printers=[Printer(d, printer_profile(config, d)) for d in devices],
        connect_events=lambda after: WebSocketLink(f"{events_url}?after={after}", enrolment.token, context),
        id_reader=id_reader,
        encoder=encoder,
    )


def station_settings(config: Config) -> StationSettings:
    return StationSettings(
        language=config.language,
        idle_timeout_s=config.idle_timeout_s,
        fullscreen=config.fullscreen,
        on_screen_keyboard=config.on_screen_keyboard,
        desk_lock_after_s=config.desk_lock_after_s,
        demo_mode=config.source is None,
        data_dir=config.data_dir,
    )


def _open_desk_encoder(config: Config) -> CardEncoder | None:
    """One not plugged in is logged and left out: the desk works, and its card pages say there is
    no encoder (a wrong URL is still a configuration error)."""
    try:
        return open_encoder(config.encoder_url)
    except DeviceUrlError as exc:
        raise ConfigError("encoder.url", str(exc), config.source) from None
    except DeviceUnavailableError as exc:
        log.warning("no card encoder at this desk (cards cannot be issued here): %s", exc)
        return None
