"""A short sound at a desk for what needs the receptionist now: a visitor waiting past 3 minutes
(the lobby board), and later the night duty's alarm. Rung once per thing, on each desk that
shows it, so a board read again every few seconds does not ring again for the same visit.

Decided: Qt Multimedia's QSoundEffect playing a small WAV of ours (resources/sounds; installer/lean.py
keeps Qt Multimedia in the package, for the on-screen keyboard's key sounds too), made on the first
ring only, so a desk that never rings never loads the audio back end. Where it cannot play (the
file failed to load, no audio device) the desktop's beep stands in. On the offscreen platform
(tests, `kiosk screenshots`) nothing plays at all: there is no speaker, and the audio back end's
complaints about the missing sound server would be Qt warnings, which fail a test.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from kiosk.resources import RESOURCES_DIR

if TYPE_CHECKING:
    from PySide6.QtMultimedia import QSoundEffect

ALERT_SOUND = RESOURCES_DIR / "sounds" / "desk-alert.wav"


class DeskSound(QObject):
    """Rings ``sound`` for things named by keys (``visit-42``), once per key."""

    # Each key it rang for (one sound for several at once): tests and the desk's log follow it.
    rang = Signal(str)

    def __init__(
        self, parent: QObject | None = None, sound: Path = ALERT_SOUND, audible: bool | None = None
    ) -> None:
        super().__init__(parent)
        self._sound = sound
        # None: audible unless on the offscreen platform (no screen, no speaker).
        self._audible = audible
        self._effect: QSoundEffect | None = None
        self._rung: set[str] = set()

    def ring_for(self, keys: Iterable[str]) -> list[str]:
        """Ring once if any of ``keys`` (what needs someone now) was not rung for yet; return
        those. Keys no longer given are forgotten: what is not shown any more rang already."""
        shown = set(keys)
        new = sorted(shown - self._rung)
        self._rung = shown
        if new:
            self._play()
            for key in new:
                self.rang.emit(key)
        return new

    def ring(self, key: str) -> None:
        """Ring now, whether or not ``key`` rang before (an alarm that must be heard again)."""
        self._play()
        self.rang.emit(key)

    def _play(self) -> None:
        audible = self._audible
        if audible is None:
            audible = QGuiApplication.platformName() != "offscreen"
        if not audible:
            return
        # Imported here, not with the module: loading Qt Multimedia costs every desk's start and
        # logs its audio back end's probing, for a sound most desks seldom play.
        from PySide6.QtMultimedia import QSoundEffect

        if self._effect is None:
            self._effect = QSoundEffect(self)
            self._effect.setSource(QUrl.fromLocalFile(str(self._sound)))
        if self._effect.status() is QSoundEffect.Status.Error or not self._sound.is_file():
            QApplication.beep()
        else:
            self._effect.play()  # still loading: it plays once loaded

    @property
    def effect(self) -> QSoundEffect | None:
        """The sound effect once made (for the tests of the audible case)."""
        return self._effect
