"""Device errors are types, so the UI can say the right thing in the user's language."""

from __future__ import annotations


class DeviceError(Exception):
    """Base of every hardware failure."""


class DeviceUnavailableError(DeviceError):
    """The device cannot be opened: missing port, no permission, nothing listening."""


class PrinterError(DeviceError):
    """The printer did not take the job."""


class PrinterOfflineError(PrinterError):
    """The printer is switched off, unplugged or unreachable."""


class PrinterPaperOutError(PrinterError):
    """The printer reports no paper."""


class EncoderError(DeviceError):
    """The card encoder failed."""


class NoCardError(EncoderError):
    """No card was placed on the encoder before the timeout (or the wait was cancelled)."""


class CardRemovedError(EncoderError):
    """The card left the field during an operation; whatever was written does not count."""


class CardWriteError(EncoderError):
    """Writing failed, or what was read back differs from what was written."""


class CardReadError(EncoderError):
    """The card answered but could not be read (RF errors, a refused read): present it again."""


# -- magnetic-stripe encoders (MSR206 / MSR605) ---------------------------------------------


class StripeReadError(EncoderError):
    """The stripe could not be read (a bad swipe, a damaged stripe, a garbled reply): swipe again."""


class StripeWriteError(CardWriteError):
    """The encoder could not write or erase the stripe, or its answer was lost: not issued."""


class InvalidSwipeError(CardWriteError):
    """The encoder reported an invalid swipe in write mode (status 9): swipe again in one motion."""


class EncoderCommandError(EncoderError):
    """The encoder rejected a command (format error or invalid command): wrong model or settings."""


class StripeCapacityError(EncoderError):
    """The payload does not fit on the stripe's track."""


class ForeignCardError(EncoderError):
    """The card is neither blank nor ours: no key we hold opens it, so it is left untouched."""


# -- resident ID-card readers ----------------------------------------------------------------


class IdReaderError(DeviceError):
    """The ID-card reader failed. Messages never carry the card's ID number."""


class NoIdCardError(IdReaderError):
    """No ID card was placed on the reader before the timeout (or the wait was cancelled)."""


class IdCardReadError(IdReaderError):
    """A card was found but not read: moved or lifted mid-read, not an ID card, or garbled data."""


class IdCardNotSupportedError(IdCardReadError):
    """The card was read but is not one the kiosk takes (a foreign permanent-residence card)."""
