"""The lobby board's newspapers tab (报刊): today's titles not yet counted (red once the day's
papers should have come) and the shortfalls still open (red once escalated to the shift leader)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QTabWidget

from kiosk.domain.newspapers import NewspapersOnBoard, ShortfallOnBoard, UncountedTitle
from kiosk.domain.views import Board
from kiosk.ui.common.table_model import RowTableModel
from kiosk.ui.common.widgets import table_view
from kiosk.ui.console.board_repairs import RED
from kiosk.ui.console.newspapers_page import shortfall_text

Line = UncountedTitle | ShortfallOnBoard


class BoardNewspapersModel(RowTableModel[Line]):
    """The uncounted titles first, then the open shortfalls, the oldest first."""

    def __init__(self, zone: ZoneInfo) -> None:
        super().__init__((self.tr("Title"), self.tr("Day"), self.tr("What"), self.tr("Follow-up")))
        self._zone = zone
        self._late = False

    def set_newspapers(self, shown: NewspapersOnBoard | None, now: datetime) -> None:
        self._late = shown is not None and now >= shown.late_after
        self.set_rows([*shown.uncounted, *shown.shortfalls] if shown is not None else [])

    def background(self, value: Line, column: int) -> QBrush | None:
        if isinstance(value, UncountedTitle):
            return QBrush(RED) if self._late else None
        return QBrush(RED) if value.escalated else None

    def display(self, row: Line, column: int) -> str:
        if isinstance(row, UncountedTitle):
            cells = (
                row.title,
                self.tr("Today"),
                self.tr("%1 expected, not counted").replace("%1", str(row.expected)),
                self.tr("Not delivered by the expected time") if self._late else "",
            )
            return cells[column]
        follow = (
            self.tr("Escalated to the shift leader")
            if row.escalated
            else self.tr("Raised with the post office")
            if row.contacted
            else self.tr("Not raised yet")
        )
        cells = (
            row.title,
            row.day.isoformat(),
            f"{row.number} · {shortfall_text(row.copies_missing, row.late, row.received)}",
            follow,
        )
        return cells[column]


class BoardNewspapers:
    """The newspapers tab on the board's follow-up ``tabs``, its count in its title."""

    def __init__(self, tabs: QTabWidget, zone: ZoneInfo) -> None:
        self._tabs = tabs
        self.model = BoardNewspapersModel(zone)
        self.table = table_view(
            "boardNewspapersTable",
            QCoreApplication.translate("BoardNewspapersModel", "Newspapers not counted and shortfalls open"),
            self.model,
        )
        tabs.addTab(self.table, "")
        self.count = 0
        self._title()

    def show_board(self, board: Board, now: datetime) -> None:
        self.model.set_newspapers(board.newspapers, now)
        self.count = self.model.rowCount()
        self._title()

    def _title(self) -> None:
        text = QCoreApplication.translate("BoardNewspapersModel", "Newspapers (%1)").replace(
            "%1", str(self.count)
        )
        self._tabs.setTabText(self._tabs.indexOf(self.table), text)
