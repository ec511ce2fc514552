"""An on-screen keyboard for a kiosk with no physical keyboard: Qt Virtual Keyboard with Pinyin.

It is a platform input context (QT_IM_MODULE=qtvirtualkeyboard, set before the QApplication
exists) whose panel is embedded in the kiosk window through a QQuickWidget. Whatever the Pinyin
engine learns (its user dictionary) lives in a private folder that is emptied after every
visitor, and the engine is told to forget it in memory as well.
"""

from __future__ import annotations

import logging
import math
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    Q_ARG,
    Q_RETURN_ARG,
    QMessageLogContext,
    QMetaObject,
    Qt,
    QtMsgType,
    QUrl,
    qFormatLogMessage,
    qInstallMessageHandler,
)
from PySide6.QtGui import QGuiApplication, QResizeEvent
from PySide6.QtQuick import QQuickItem
from PySide6.QtQuickWidgets import QQuickWidget

log = logging.getLogger(__name__)

QML = Path(__file__).with_name("keyboard.qml")
KEYBOARD_LOCALES = {"zh_CN": "zh_CN", "en": "en_US"}
NOISY_CATEGORIES = ("qt.multimedia.*=false", "qt.virtualkeyboard*=false", "qt.qml.propertyCache.append=false")


def enable_virtual_keyboard() -> None:
    """Select the virtual keyboard input method; must run before QApplication is created."""
    os.environ["QT_IM_MODULE"] = "qtvirtualkeyboard"
    # No floating keyboard window of its own: the kiosk embeds the panel.
    os.environ["QT_VIRTUALKEYBOARD_DESKTOP_DISABLE"] = "1"
    # Qt Quick draws with the software renderer where there is no GPU (and offscreen).
    os.environ.setdefault("QT_QUICK_BACKEND", "software")
    # The keyboard's multimedia and QML internals log from their own threads while loading (no
    # PipeWire on a kiosk is normal): silence those categories. A Python message handler (ours,
    # pytest-qt's) called from such a thread while the GUI thread waits in setSource deadlocks.
    rules = [os.environ.get("QT_LOGGING_RULES", ""), *NOISY_CATEGORIES]
    os.environ["QT_LOGGING_RULES"] = ";".join(rule for rule in rules if rule)


def virtual_keyboard_enabled() -> bool:
    return os.environ.get("QT_IM_MODULE") == "qtvirtualkeyboard"


# Qt Virtual Keyboard's Keyboard.qml binds to the focused field's ``echoMode``; a QLineEdit's has
# no change signal, so QML warns (two lines) each time the binding runs: dozens per page. It
# reads the mode when the field takes the focus, which is all it needs here.
_NON_BINDABLE = "QQmlExpression: Expression qrc:/qt-project.org/imports/QtQuick/VirtualKeyboard/"
_NON_BINDABLE_END = "depends on non-bindable properties:"


class _EchoModeWarnings:
    """A Qt message handler that drops that warning and passes every other message on."""

    def __init__(self) -> None:
        self.previous: Callable[[QtMsgType, QMessageLogContext, str], None] | None = None
        self._dropping = False

    def install(self) -> None:
        previous = qInstallMessageHandler(self)
        if previous is not self:  # installed once; a second keyboard keeps the first chain
            self.previous = previous

    def __call__(self, kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if message.startswith(_NON_BINDABLE) and message.endswith(_NON_BINDABLE_END):
            self._dropping = True
            return
        if self._dropping and message.startswith("    ") and message.endswith("::echoMode"):
            return
        self._dropping = False
        if self.previous is not None:
            self.previous(kind, context, message)
        else:
            sys.stderr.write(qFormatLogMessage(kind, context, message) + "\n")


_echo_mode_warnings = _EchoModeWarnings()


class OnScreenKeyboard(QQuickWidget):
    """The keyboard panel; shows itself while a text field wants input.

    Qt Virtual Keyboard serves one input panel per application: one kiosk window per process.
    """

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("onScreenKeyboard")
        self.setAccessibleName("On-screen keyboard / 屏幕键盘")
        self.setResizeMode(QQuickWidget.ResizeMode.SizeRootObjectToView)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # tapping keys must not take focus from the field
        self._user_data = Path(tempfile.mkdtemp(prefix="kiosk-keyboard-"))
        self.setSource(QUrl.fromLocalFile(str(QML)))
        errors = [e.toString() for e in self.errors()]
        if errors:
            raise RuntimeError("the on-screen keyboard failed to load: " + "; ".join(errors))
        self._call("setUserDataPath", str(self._user_data))
        # The panel's height follows from its width (and Pinyin's candidate strip): the widget is
        # exactly that tall, so no band of empty background shows between the page and the keys.
        # Queued: the panel's height changes while QQuickWidget is resizing the root item, and a
        # resize from inside that one is undone when it sets the root's height after its width.
        panel = self.rootObject().findChild(QQuickItem, "inputPanel")
        assert panel is not None, "keyboard.qml names its InputPanel"
        self.panel = panel
        self.panel.implicitHeightChanged.connect(self._fit_panel, Qt.ConnectionType.QueuedConnection)
        self._fit_panel()
        _echo_mode_warnings.install()  # after setSource: see enable_virtual_keyboard on threads
        QGuiApplication.inputMethod().visibleChanged.connect(self._follow_input_method)
        self.setVisible(False)

    def _call(self, name: str, *args: object) -> object:
        root = self.rootObject()
        arguments = [Q_ARG("QVariant", a) for a in args]
        return QMetaObject.invokeMethod(root, name, Q_RETURN_ARG("QVariant"), *arguments)

    def _fit_panel(self) -> None:
        height = math.ceil(self.panel.implicitHeight())
        if height > 0:
            self.setFixedHeight(height)

    def _follow_input_method(self) -> None:
        visible = QGuiApplication.inputMethod().isVisible()
        column = self.parentWidget()
        if visible and not self.isVisible() and column is not None:
            # Laid out at the column's width before it shows: the page gives up the right height
            # at once, not a moment later, when a finger may already be on one of its buttons.
            self._set_panel_width(column.width())
        self.setVisible(visible)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._set_panel_width(event.size().width())

    def _set_panel_width(self, width: int) -> None:
        self.rootObject().setProperty("panelWidth", width)
        self._fit_panel()

    def set_language(self, language: str) -> None:
        self._call("setLocale", KEYBOARD_LOCALES.get(language, "en_US"))

    def tap_key(self, key: Qt.Key, text: str) -> None:
        """Press one key of the panel (tests drive the keyboard the way a finger does)."""
        self._call("tapKey", int(key.value), text)

    def forget(self) -> None:
        """Drop what the keyboard learned from the last visitor: on disk and in memory."""
        for entry in self._user_data.iterdir():
            if entry.is_dir():
                shutil.rmtree(entry, ignore_errors=True)
            else:
                entry.unlink(missing_ok=True)
        self._call("resetUserData")

    @property
    def user_data_dir(self) -> Path:
        return self._user_data
