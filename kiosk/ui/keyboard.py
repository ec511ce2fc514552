"""An on-screen keyboard for a kiosk with no physical keyboard: Qt Virtual Keyboard with Pinyin.

It is a platform input context (QT_IM_MODULE=qtvirtualkeyboard, set before the QApplication
exists) whose panel is embedded in the kiosk window through a QQuickWidget. Whatever the Pinyin
engine learns (its user dictionary) lives in a private folder that is emptied after every
visitor, and the engine is told to forget it in memory as well.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import Q_ARG, Q_RETURN_ARG, QMetaObject, Qt, QUrl
from PySide6.QtGui import QGuiApplication
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
        self.setMinimumHeight(420)
        self._user_data = Path(tempfile.mkdtemp(prefix="kiosk-keyboard-"))
        self.setSource(QUrl.fromLocalFile(str(QML)))
        errors = [e.toString() for e in self.errors()]
        if errors:
            raise RuntimeError("the on-screen keyboard failed to load: " + "; ".join(errors))
        self._call("setUserDataPath", str(self._user_data))
        QGuiApplication.inputMethod().visibleChanged.connect(self._follow_input_method)
        self.setVisible(False)

    def _call(self, name: str, *args: object) -> object:
        root = self.rootObject()
        arguments = [Q_ARG("QVariant", a) for a in args]
        return QMetaObject.invokeMethod(root, name, Q_RETURN_ARG("QVariant"), *arguments)

    def _follow_input_method(self) -> None:
        self.setVisible(QGuiApplication.inputMethod().isVisible())

    def set_language(self, language: str) -> None:
        self._call("setLocale", KEYBOARD_LOCALES.get(language, "en_US"))

    def tap_key(self, key: Qt.Key, text: str) -> None:
        """Press one key of the panel (tests drive the keyboard the way a finger does)."""
        self._call("tapKey", int(key.value), text)

    def type_pinyin(self, syllables: str) -> None:
        """Tap the letters of ``syllables``, then the space bar to take the first candidate."""
        for ch in syllables:
            self.tap_key(getattr(Qt.Key, f"Key_{ch.upper()}"), ch)
        self.tap_key(Qt.Key.Key_Space, " ")

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
