"""The two languages of the kiosk: English source strings, Chinese from compiled .qm files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

from kiosk.resources import RESOURCES_DIR

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
    # Qt's own words (file dialog, OK / Cancel of message boxes) come from Qt's translations.
    qt_words = QTranslator(app)
    if qt_words.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_words)
        _installed.append(qt_words)


def current_language() -> str:
    return "en" if not _installed else "zh_CN"


_every_language: dict[str, QTranslator] = {}


def in_every_language(context: str, source: str) -> set[str]:
    """``source`` and its translation in each language, whichever is switched on now: text a
    visitor chose in one language is recognised at a console that runs in the other."""
    words = {source}
    for language in LANGUAGES:
        if language == "en":
            continue
        translator = _every_language.get(language)
        if translator is None:
            translator = QTranslator()
            if not translator.load(str(qm_path(language))):
                continue
            _every_language[language] = translator
        words.add(translator.translate(context, source) or source)
    return words
