"""Small helpers every page uses."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QWidget

W = TypeVar("W", bound=QWidget)


def named(widget: W, object_name: str, accessible_name: str) -> W:
    """Give ``widget`` the stable objectName tests find it by and the name screen readers say."""
    widget.setObjectName(object_name)
    widget.setAccessibleName(accessible_name)
    return widget
