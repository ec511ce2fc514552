"""On-screen preview of a printout: the very bytes the printer gets, parsed and drawn."""

from __future__ import annotations

from PySide6.QtGui import QImage, QPixmap

from kiosk.devices.escpos.codec import parse_escpos
from kiosk.devices.escpos.render import render_image


def printout_pixmap(data: bytes, paper_width_mm: int, encoding: str = "gb18030") -> QPixmap:
    image = render_image(parse_escpos(data, encoding), paper_width_mm)
    raw = image.tobytes()
    qimage = QImage(raw, image.width, image.height, image.width, QImage.Format.Format_Grayscale8)
    return QPixmap.fromImage(qimage.copy())  # copy: the QImage must not outlive ``raw``
