"""Qt's own messages (qWarning, a QML error, a fatal) in the process's log, with their category;
and what the windows show, for the crash log's state line (kiosk/logs/crash.py)."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QStackedWidget, QWidget

from kiosk.logs import crash

log = logging.getLogger("kiosk.qt")

LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,  # Qt aborts the process once the handler returns
}
# How deep into stacked pages the state line looks (a console section's own tabs, at most).
_DEPTH = 4

MessageHandler = Callable[[QtMsgType, QMessageLogContext, str], None]


class QtMessagesLogged:
    """The message handler: each message into the log; the handler installed before it (a test
    harness's, say) still gets it. Qt's default one is not called: it would print on stderr what
    the log's own stderr handler prints already."""

    def __init__(self) -> None:
        self.previous: MessageHandler | None = None

    def __call__(self, kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        category = context.category or "default"
        where = f" ({context.file}:{context.line})" if context.file else ""
        log.log(LEVELS.get(kind, logging.WARNING), "[%s] %s%s", category, message, where)
        if self.previous is not None:
            self.previous(kind, context, message)


_handler = QtMessagesLogged()


def install_qt_logging() -> None:
    """Route Qt's messages into the log and let the crash log ask what the windows show."""
    previous = qInstallMessageHandler(_handler)
    if previous is not _handler:
        _handler.previous = previous
    crash.set_screen_reporter(shown_screens)


def uninstall_qt_logging() -> None:
    """Put back the handler that was there before (tests)."""
    qInstallMessageHandler(_handler.previous)
    _handler.previous = None
    crash.set_screen_reporter(None)


def shown_screens() -> str:
    """``kioskWindow/identityPage``: each visible window and the page its stacks show (object
    names, never what a field holds); several windows separated by commas."""
    return ", ".join(_path(window) for window in QApplication.topLevelWidgets() if window.isVisible())


def _path(widget: QWidget) -> str:
    names = [_name(widget)]
    for _ in range(_DEPTH):
        stack = next((s for s in widget.findChildren(QStackedWidget) if s.isVisible()), None)
        current = stack.currentWidget() if stack is not None else None
        if current is None:
            break
        names.append(_name(current))
        widget = current
    return "/".join(names)


def _name(widget: QWidget) -> str:
    return widget.objectName() or type(widget).__name__
