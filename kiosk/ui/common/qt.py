"""Starting Qt: platform checks, one QApplication, fonts that can show Chinese."""

from __future__ import annotations

import logging
import sys

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from kiosk.ui.common.platform_check import check_platform

log = logging.getLogger(__name__)

# Tried in order; the first installed one becomes the application font.
CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "Microsoft YaHei",
    "PingFang SC",
)


def qt_application(argv: list[str] | None = None) -> QApplication:
    """Return the running QApplication, creating it (after the platform check) if needed."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    check_platform()
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("Lobby Kiosk")
    app.setOrganizationName("lobby-kiosk")
    use_cjk_font(app)
    return app


def use_cjk_font(app: QApplication) -> str | None:
    """Make a CJK-capable family the default so 张三 never renders as boxes; None if none found."""
    families = set(QFontDatabase.families())
    for family in CJK_FAMILIES:
        if family in families:
            font = QFont(family)
            font.setPointSize(app.font().pointSize())
            app.setFont(font)
            return family
    log.warning("no Chinese font found (install fonts-noto-cjk): Chinese text will not display")
    return None
