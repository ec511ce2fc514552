"""Small helpers every page uses."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from kiosk.services.staff import SignedIn

W = TypeVar("W", bound=QWidget)


def named(widget: W, object_name: str, accessible_name: str) -> W:
    """Give ``widget`` the stable objectName tests find it by and the name screen readers say."""
    widget.setObjectName(object_name)
    widget.setAccessibleName(accessible_name)
    return widget


class SectionPage(QWidget):
    """A page of the desk console, told who is signed in (``None``: nobody, the console locked).

    Pages check the role again before acting: the navigation hiding a page is not enough.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: SignedIn | None = None

    def set_session(self, who: SignedIn | None) -> None:
        self.session = who
