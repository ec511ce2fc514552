"""The two languages of the kiosk: English source strings, Chinese from compiled .qm files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

from kiosk.app import RESOURCES_DIR

LANGUAGES = ("zh_CN", "en")
I18N_DIR = RESOURCES_DIR / "i18n"
_installed: list[QTranslator] = []


class TranslationsMissingError(RuntimeError):
    """The compiled .qm file is not there: the translations were not built (make does it)."""


def qm_path(language: str) -> Path:
    return I18N_DIR / f"kiosk_{language}.qm"


def set_language(language: str) -> None:
    """Switch every window to ``language``; widgets get a LanguageChange event and retranslate."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("set_language needs a running QApplication")
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language == "en":
        return  # the source strings are English
    translator = QTranslator(app)
    path = qm_path(language)
    if not translator.load(str(path)):
        raise TranslationsMissingError(
            f"{path} is missing or unreadable: build the translations with 'make translations'"
        )
    app.installTranslator(translator)
    _installed.append(translator)


def current_language() -> str:
    return "en" if not _installed else "zh_CN"
