"""ESC/POS: the project's own parser and picture of a printout, status replies, transports."""

from kiosk.devices.escpos.codec import Barcode, Cut, Element, Feed, Line, Printout, QrCode, Span, parse_escpos

__all__ = ["Barcode", "Cut", "Element", "Feed", "Line", "Printout", "QrCode", "Span", "parse_escpos"]
