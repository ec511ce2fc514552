"""One table model for the console's lists: rows of service values, one subclass per list."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QTableView

_Index = QModelIndex | QPersistentModelIndex
RowT = TypeVar("RowT")


class RowTableModel(QAbstractTableModel, Generic[RowT]):
    """Rows (dataclasses from the services) shown read-only; subclasses say what each cell shows.
    ``RowTableModel[JobView]``: a row is a JobView, as ``row_value`` and ``display`` see it."""

    def __init__(self, headers: tuple[str, ...]) -> None:
        super().__init__()
        self._headers = headers
        self._rows: list[RowT] = []

    def set_rows(self, rows: list[RowT]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_value(self, row: int) -> RowT:
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        value = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(value, index.column())
        if role == Qt.ItemDataRole.BackgroundRole:
            return self.background(value, index.column())
        return None

    def display(self, value: RowT, column: int) -> str:
        """The text of one cell."""
        raise NotImplementedError

    def background(self, value: RowT, column: int) -> QBrush | None:
        """A warning colour for cells that need the desk's attention; None for the rest."""
        return None


def keeping_selection(
    table: QTableView, model: RowTableModel[RowT], key: Callable[[RowT], Hashable], reload: Callable[[], None]
) -> None:
    """``reload()`` the model's rows, then select again the row the person had selected (by
    ``key``): a list read again because another desk changed something must not drop what the
    clerk picked to act on."""
    rows = table.selectionModel().selectedRows()
    chosen = key(model.row_value(rows[0].row())) if rows else None
    reload()
    if chosen is None:
        return
    for row in range(model.rowCount()):
        if key(model.row_value(row)) == chosen:
            table.selectRow(row)
            return
