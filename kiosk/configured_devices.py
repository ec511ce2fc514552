"""Opening the devices a configuration names, for either composition root (the server's
`kiosk.app`, a station's `kiosk.station`): a wrong URL is a ConfigError naming its key."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

from kiosk.config import Config, ConfigError
from kiosk.devices.errors import DeviceUnavailableError
from kiosk.devices.factory import DeviceUrlError, open_id_reader
from kiosk.devices.interfaces import IdCardReader, ReceiptPrinter
from kiosk.printing.layout import PrinterProfile

log = logging.getLogger(__name__)
_Device = TypeVar("_Device")


def open_configured(key: str, config: Config, opener: Callable[[], _Device]) -> _Device:
    try:
        return opener()
    except (DeviceUrlError, DeviceUnavailableError) as exc:
        raise ConfigError(key, str(exc), config.source) from None


def open_configured_id_reader(config: Config) -> IdCardReader | None:
    """The kiosk's ID-card reader. One not plugged in is logged and left out: visitors type their
    number meanwhile, and the kiosk still opens in the morning. A wrong URL stops the start."""
    try:
        return open_id_reader(config.id_reader_url)
    except DeviceUrlError as exc:
        raise ConfigError("devices.id_reader", str(exc), config.source) from None
    except DeviceUnavailableError as exc:
        log.warning("no ID-card reader (visitors type their ID number): %s", exc)
        return None


def printer_profile(config: Config, printer: ReceiptPrinter) -> PrinterProfile:
    """How documents are laid out for ``printer`` under this configuration."""
    return PrinterProfile(
        paper_width_mm=printer.paper_width_mm,
        encoding=config.printer_encoding,
        chinese_mode=config.printer_chinese_mode,
        codepage=config.printer_codepage,
    )
