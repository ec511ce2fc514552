"""How a person types: ASCII on the keyboard, Chinese through an input method's commit."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from kiosk.ui.i18n import set_language


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type ``text`` into ``widget``: key presses for ASCII, an IME commit for everything else.

    A Pinyin input method delivers 张三 as one committed string, not as key presses; QTest
    cannot press keys that are not on an ASCII keyboard.
    """
    widget.setFocus()
    run = ""
    for ch in text:
        if ch.isascii():
            if run:
                _commit(widget, run)
                run = ""
            qtbot.keyClicks(widget, ch)
        else:
            run += ch
    if run:
        _commit(widget, run)


def _commit(widget: QWidget, text: str) -> None:
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


@pytest.fixture(autouse=True)
def english_after_each_test(qapp: object) -> Iterator[None]:
    """A language switch in one test must not leak into the next."""
    yield
    set_language("en")
