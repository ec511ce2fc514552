"""The on-screen keyboard as it sits under the page: no empty band, no blank key, no covered
button, and up as soon as a step asks for typing."""

from __future__ import annotations

import math
from dataclasses import replace

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QGuiApplication, QMouseEvent
from PySide6.QtQuick import QQuickItem
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from kiosk.app import KioskApp
from kiosk.ui.kiosk.keyboard import OnScreenKeyboard, virtual_keyboard_enabled
from kiosk.ui.kiosk.window import KioskWindow
from tests.ui.test_kiosk_window import current_page, find, open_kiosk, tap

pytestmark = pytest.mark.on_screen_keyboard


def kiosk_at(qtbot: QtBot, app: KioskApp, width: int, height: int) -> tuple[KioskWindow, OnScreenKeyboard]:
    kiosk = open_kiosk(qtbot, app)
    kiosk.resize(width, height)
    kiosk.activateWindow()
    qtbot.waitUntil(kiosk.isActiveWindow)
    assert kiosk.keyboard is not None
    return kiosk, kiosk.keyboard


def panel(keyboard: OnScreenKeyboard) -> QQuickItem:
    item = keyboard.rootObject().findChild(QQuickItem, "inputPanel")
    assert item is not None
    return item


def settled(qtbot: QtBot, keyboard: OnScreenKeyboard) -> None:
    """The keyboard is up and as tall as its panel wants (its height follows, queued)."""
    qtbot.waitUntil(keyboard.isVisible)
    qtbot.waitUntil(lambda: keyboard.height() == math.ceil(panel(keyboard).implicitHeight()))
    qtbot.wait(50)


def to_name_field(qtbot: QtBot, kiosk: KioskWindow) -> QLineEdit:
    tap(qtbot, kiosk, "welcomeCheckInButton")
    tap(qtbot, kiosk, "visitorType_guest")
    name = find(kiosk, QLineEdit, "visitorNameEdit")
    qtbot.mouseClick(name, Qt.MouseButton.LeftButton)
    return name


def test_the_keyboard_is_embedded_only_where_the_configuration_asks(qtbot: QtBot, app: KioskApp) -> None:
    """[kiosk] on_screen_keyboard = false (a kiosk with a keyboard of its own, and every test but
    these): no panel, even with the virtual keyboard's input method chosen."""
    assert virtual_keyboard_enabled() and app.config.on_screen_keyboard
    kiosk, keyboard = kiosk_at(qtbot, app, 1080, 1920)
    assert keyboard.window() is kiosk  # embedded, hidden until a field wants typing
    app.config = replace(app.config, on_screen_keyboard=False)  # what the next station reads
    without = open_kiosk(qtbot, app)
    assert without.keyboard is None and not without.findChildren(OnScreenKeyboard)


@pytest.mark.parametrize(("width", "height", "language"), [(1080, 1920, "zh_CN"), (768, 1366, "en")])
def test_the_keys_start_right_under_the_page(
    qtbot: QtBot, app: KioskApp, width: int, height: int, language: str
) -> None:
    kiosk, keyboard = kiosk_at(qtbot, app, width, height)
    kiosk.switch_language(language)
    to_name_field(qtbot, kiosk)
    settled(qtbot, keyboard)
    root, keys = keyboard.rootObject(), panel(keyboard)
    assert root.height() == keyboard.height()  # the keyboard draws over all of its widget
    assert 0 <= keys.y() < 1  # the panel fills it from the top: no band of background above
    assert keyboard.geometry().top() == kiosk.pages.geometry().bottom() + 1
    # And what shows there: the row of pixels just under the page is the keyboard's, not white.
    top_row = keyboard.grab().toImage()
    white = sum(top_row.pixelColor(x, 0).lightness() > 200 for x in range(0, keyboard.width(), 8))
    assert white == 0


def separator_key(keyboard: OnScreenKeyboard) -> QQuickItem:
    found = [
        item
        for item in keyboard.rootObject().findChildren(QQuickItem)
        if item.objectName() == "pinyinSeparatorKey" and item.isVisible() and item.width() > 0
    ]
    assert len(found) == 1
    return found[0]


def finger_on(keyboard: OnScreenKeyboard, key: QQuickItem) -> None:
    """A tap on the middle of a key of the panel, as a mouse/finger event on the widget."""
    centre = key.mapToScene(QPointF(key.width() / 2, key.height() / 2)).toPoint()
    for kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease):
        event = QMouseEvent(
            kind,
            QPointF(centre),
            QPointF(keyboard.mapToGlobal(centre)),
            Qt.MouseButton.LeftButton,
            Qt.MouseButton.LeftButton if kind == QEvent.Type.MouseButtonPress else Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(keyboard, event)


def test_the_pinyin_keyboard_has_no_blank_key(qtbot: QtBot, app: KioskApp) -> None:
    """Where Shift would be, Qt's Pinyin layout has its syllable separator: it says 分词, and is
    drawn (not a uniform dark rectangle) also while nothing is being composed."""
    kiosk, keyboard = kiosk_at(qtbot, app, 1080, 1920)
    kiosk.switch_language("zh_CN")
    name = to_name_field(qtbot, kiosk)
    settled(qtbot, keyboard)
    key = separator_key(keyboard)
    assert key.property("displayText") == "分词" and key.property("enabled")
    at = key.mapToScene(QPointF(0, 0)).toPoint()
    picture = keyboard.grab().toImage().copy(at.x(), at.y(), int(key.width()), int(key.height()))
    colours = {picture.pixel(x, y) for x in range(picture.width()) for y in range(picture.height())}
    assert len(colours) > 20  # its label is drawn, anti-aliased
    finger_on(keyboard, key)  # nothing to separate yet: the tap types nothing
    qtbot.wait(50)
    assert name.text() == ""
    for letter in "xi":
        keyboard.tap_key(getattr(Qt.Key, f"Key_{letter.upper()}"), letter)
    finger_on(keyboard, key)  # xi'an, not xian
    for letter in "an":
        keyboard.tap_key(getattr(Qt.Key, f"Key_{letter.upper()}"), letter)
    keyboard.tap_key(Qt.Key.Key_Space, " ")
    qtbot.waitUntil(lambda: name.text() != "")
    assert name.text() == "西安"


def test_the_staff_pin_page_button_stays_above_the_keypad(qtbot: QtBot, app: KioskApp) -> None:
    kiosk, keyboard = kiosk_at(qtbot, app, 1080, 1920)
    kiosk.switch_language("zh_CN")
    for _ in range(5):
        qtbot.mouseClick(find(kiosk, QLabel, "siteNameLabel"), Qt.MouseButton.LeftButton)
    assert current_page(kiosk) == "staffExitPage"
    settled(qtbot, keyboard)  # up at once for the staff number: no tap needed
    qtbot.mouseClick(find(kiosk, QLineEdit, "staffPinEdit"), Qt.MouseButton.LeftButton)
    settled(qtbot, keyboard)
    button = find(kiosk, QPushButton, "staffExitButton")
    where = button.geometry().translated(button.parentWidget().mapTo(kiosk, QPoint(0, 0)))
    keys = keyboard.geometry().translated(keyboard.parentWidget().mapTo(kiosk, QPoint(0, 0)))
    assert not where.intersects(keys)
    assert kiosk.rect().contains(where)
    tap(qtbot, kiosk, "staffExitButton")  # nothing typed: refused, with a reason
    error = find(kiosk, QLabel, "staffExitError")
    qtbot.waitUntil(lambda: error.text() != "")
    assert error.text() == "工号或密码错误。"


def test_quick_taps_that_arrive_as_double_clicks_still_open_the_staff_page(
    qtbot: QtBot, app: KioskApp
) -> None:
    """On a real screen, five quick taps on the site name come as press, double click, press,
    double click, press (each followed by its release)."""
    kiosk = open_kiosk(qtbot, app)
    site = find(kiosk, QLabel, "siteNameLabel")
    centre = QPointF(site.rect().center())
    presses = [QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick] * 2 + [
        QEvent.Type.MouseButtonPress
    ]
    for kind in presses:
        for event_type in (kind, QEvent.Type.MouseButtonRelease):
            held = (
                Qt.MouseButton.NoButton
                if event_type == QEvent.Type.MouseButtonRelease
                else Qt.MouseButton.LeftButton
            )
            event = QMouseEvent(
                event_type,
                centre,
                QPointF(site.mapToGlobal(centre.toPoint())),
                Qt.MouseButton.LeftButton,
                held,
                Qt.KeyboardModifier.NoModifier,
            )
            QApplication.sendEvent(site, event)
    assert current_page(kiosk) == "staffExitPage"


@pytest.mark.parametrize("where", ["host", "check_out", "invitation"])
def test_a_page_that_opens_for_typing_brings_the_keyboard_up(qtbot: QtBot, app: KioskApp, where: str) -> None:
    kiosk, keyboard = kiosk_at(qtbot, app, 1080, 1920)
    if where == "host":
        tap(qtbot, kiosk, "welcomeCheckInButton")
        tap(qtbot, kiosk, "visitorType_guest")
        find(kiosk, QLineEdit, "visitorNameEdit").setText("Zhang San")
        QGuiApplication.inputMethod().hide()  # the visitor put it away (the name step brings it up)
        qtbot.waitUntil(lambda: not keyboard.isVisible())
        tap(qtbot, kiosk, "identityPageNextButton")
        assert current_page(kiosk) == "hostPage"
    else:
        tap(qtbot, kiosk, "welcomeCheckOutButton" if where == "check_out" else "welcomeInvitationButton")
    qtbot.waitUntil(keyboard.isVisible)  # no tap on the field
    tap(
        qtbot,
        kiosk,
        {"host": "hostPageBackButton", "check_out": "checkOutBackButton"}.get(where, "invitationBackButton"),
    )
    if where == "host":
        tap(qtbot, kiosk, "identityPageBackButton")
        tap(qtbot, kiosk, "typePageBackButton")
    assert current_page(kiosk) == "welcomePage"
    qtbot.waitUntil(lambda: not keyboard.isVisible())  # and down again on the welcome screen


def test_a_staff_number_is_typed_in_latin_letters_even_in_chinese(qtbot: QtBot, app: KioskApp) -> None:
    """In Chinese the keyboard composes Pinyin; a staff number field must take the letters as tapped."""
    kiosk, keyboard = kiosk_at(qtbot, app, 1080, 1920)
    kiosk.switch_language("zh_CN")
    for _ in range(5):
        qtbot.mouseClick(find(kiosk, QLabel, "siteNameLabel"), Qt.MouseButton.LeftButton)
    user = find(kiosk, QLineEdit, "staffNumberEdit")
    qtbot.mouseClick(user, Qt.MouseButton.LeftButton)
    settled(qtbot, keyboard)
    for letter in "ab":
        keyboard.tap_key(getattr(Qt.Key, f"Key_{letter.upper()}"), letter)
    qtbot.waitUntil(lambda: user.text() == "ab", timeout=2000)
