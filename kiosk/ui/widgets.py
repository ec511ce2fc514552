"""Small helpers every page uses."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHeaderView, QPushButton, QTableView, QWidget

from kiosk.domain.identity import ID_TYPES
from kiosk.domain.staff import Role

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


def table_view(object_name: str, accessible_name: str, model: QAbstractTableModel) -> QTableView:
    """A read-only, whole-row-selecting table, as every list on the console is."""
    table = named(QTableView(), object_name, accessible_name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    table.verticalHeader().setVisible(False)
    return table


def action_button(text: str, object_name: str, accessible_name: str) -> QPushButton:
    button = named(QPushButton(text), object_name, accessible_name)
    button.setMinimumHeight(44)
    return button


def role_name(role: Role) -> str:
    """A staff role as the console names it."""
    return {
        Role.RECEPTIONIST: QCoreApplication.translate("widgets", "Receptionist"),
        Role.SUPERVISOR: QCoreApplication.translate("widgets", "Supervisor"),
        Role.GUARD: QCoreApplication.translate("widgets", "Guard"),
        Role.SALES: QCoreApplication.translate("widgets", "Sales"),
        Role.ADMIN: QCoreApplication.translate("widgets", "Administrator"),
    }[role]


def id_type_names() -> dict[str, str]:
    """The ID document types (kiosk.domain.identity.ID_TYPES) by their names, in the current language."""
    return {
        "resident_id": QCoreApplication.translate("widgets", "Resident ID"),
        "passport": QCoreApplication.translate("widgets", "Passport"),
        "hk_macao_permit": QCoreApplication.translate("widgets", "HK/Macao"),
        "taiwan_permit": QCoreApplication.translate("widgets", "Taiwan"),
        "other": QCoreApplication.translate("widgets", "Other"),
    }


def id_type_combo(object_name: str, accessible_name: str) -> QComboBox:
    """The ID document types the desk accepts, by their names."""
    names = id_type_names()
    combo = named(QComboBox(), object_name, accessible_name)
    for id_type in ID_TYPES:
        combo.addItem(names[id_type], id_type)
    return combo


class _AppFilterWhileShown(QObject):
    def __init__(self, window: QWidget, app_filter: QObject) -> None:
        super().__init__(window)
        self._app_filter = app_filter
        window.installEventFilter(self)
        if window.isVisible():
            self._install(True)

    def _install(self, on: bool) -> None:
        instance = QCoreApplication.instance()
        if instance is not None:
            if on:
                instance.installEventFilter(self._app_filter)
            else:
                instance.removeEventFilter(self._app_filter)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show:
            self._install(True)
        elif event.type() == QEvent.Type.Hide:
            self._install(False)
        return False


def filter_app_while_shown(window: QWidget, app_filter: QObject) -> None:
    """Let ``app_filter`` see every event of the application while ``window`` is shown.

    Installed for good, a window's app-wide filter could be deleted with its window (by Python's
    garbage collector, at any allocation) in the middle of its own eventFilter call, which
    crashes; taken off when the window hides or closes, it never is.
    """
    _AppFilterWhileShown(window, app_filter)
