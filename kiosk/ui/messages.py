"""Turn service and domain errors into sentences for the person in front of the screen."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from kiosk.domain.errors import ValidationError


def _tr(text: str) -> str:
    return QCoreApplication.translate("messages", text)


def validation_message(error: ValidationError) -> str:
    """A specific, translated sentence saying what to fix."""
    key = (error.field, error.code)
    if key == ("visitor_name", "required"):
        return _tr("Please enter your name.")
    if key == ("visitor_name", "too_long"):
        return _tr("Your name is too long: at most %n characters.").replace("%n", str(error.params["max"]))
    if key == ("visitor_name", "invalid_character"):
        return _tr("Your name cannot contain “%1”. Please use letters only.").replace(
            "%1", str(error.params["char"])
        )
    if key == ("visitor_name", "no_letters"):
        return _tr("Your name must contain letters.")
    if key == ("company", "too_long"):
        return _tr("The company name is too long: at most %n characters.").replace(
            "%n", str(error.params["max"])
        )
    if key == ("host", "required"):
        return _tr("Please choose the person you are visiting.")
    if key == ("host", "unknown"):
        return _tr("That person is no longer in the directory. Please choose again.")
    if key == ("visit", "already_checked_out"):
        return _tr("This visitor has already checked out.")
    if key == ("visit", "badge_already_printed"):
        return _tr("This badge has already been printed.")
    return _tr("Please check the entry: %1").replace("%1", str(error))
