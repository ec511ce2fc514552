"""The lobby board's repairs pane (报修): each open request with the time left on its current clock,
amber when little is left, red when it ran out (the duty supervisor is alerted by the server)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.domain.repairs import (
    ClockState,
    RepairCategory,
    RepairClass,
    RepairClock,
    RepairOnBoard,
    RepairStatus,
)
from kiosk.domain.views import Board
from kiosk.ui.common.table_model import RowTableModel
from kiosk.ui.common.widgets import named, table_view

AMBER = QColor("#ffe0b2")
RED = QColor("#ffcdd2")


def category_text(category: RepairCategory) -> str:
    return {
        RepairCategory.WATER: QCoreApplication.translate("repairs", "Water"),
        RepairCategory.ELECTRICITY: QCoreApplication.translate("repairs", "Electricity"),
        RepairCategory.AIR_CONDITIONING: QCoreApplication.translate("repairs", "Air conditioning"),
        RepairCategory.LIFT: QCoreApplication.translate("repairs", "Lift"),
        RepairCategory.DOORS_LOCKS: QCoreApplication.translate("repairs", "Doors and locks"),
        RepairCategory.OTHER: QCoreApplication.translate("repairs", "Other"),
    }[category]


def class_text(repair_class: RepairClass) -> str:
    if repair_class is RepairClass.URGENT:
        return QCoreApplication.translate("repairs", "Urgent")
    return QCoreApplication.translate("repairs", "General")


def status_text(status: RepairStatus) -> str:
    return {
        RepairStatus.TAKEN: QCoreApplication.translate("repairs", "Taken, not dispatched"),
        RepairStatus.DISPATCHED: QCoreApplication.translate("repairs", "Dispatched"),
        RepairStatus.ON_SITE: QCoreApplication.translate("repairs", "Engineer on site"),
        RepairStatus.COMPLETED: QCoreApplication.translate("repairs", "Completed, awaiting sign-off"),
        RepairStatus.SIGNED_OFF: QCoreApplication.translate("repairs", "Signed off, awaiting callback"),
        RepairStatus.CLOSED: QCoreApplication.translate("repairs", "Closed"),
        RepairStatus.CANCELLED: QCoreApplication.translate("repairs", "Cancelled"),
    }[status]


def clock_text(clock: RepairClock) -> str:
    if clock is RepairClock.ARRIVAL:
        return QCoreApplication.translate("repairs", "On site by")
    return QCoreApplication.translate("repairs", "Fixed by")


class BoardRepairsModel(RowTableModel[RepairOnBoard]):
    """Open requests, the soonest due first; the time left follows the station's clock."""

    def __init__(self, zone: ZoneInfo, duration: Callable[[float], str]) -> None:
        super().__init__(
            (
                self.tr("Request"),
                self.tr("Unit"),
                self.tr("Category"),
                self.tr("Class"),
                self.tr("State"),
                self.tr("Deadline"),
                self.tr("Time left"),
            )
        )
        self._zone = zone
        self._duration = duration
        self._now = datetime.now(UTC)

    def set_repairs(self, rows: list[RepairOnBoard], now: datetime) -> None:
        self._now = now
        self.set_rows(rows)

    def repair(self, row: int) -> RepairOnBoard:
        return self.row_value(row)

    def background(self, value: RepairOnBoard, column: int) -> QBrush | None:
        state = value.state(self._now)
        if state is ClockState.OVERDUE:
            return QBrush(RED)
        if state is ClockState.SHORT and column >= 5:
            return QBrush(AMBER)
        return None

    def display(self, row: RepairOnBoard, column: int) -> str:
        if column == 0:
            return row.number
        if column == 1:
            return f"{row.unit} {row.location}".strip()
        if column == 2:
            return category_text(row.category)
        if column == 3:
            return class_text(row.repair_class)
        if column == 4:
            return status_text(row.status) + (f" · {row.assignee}" if row.assignee else "")
        if column == 5:
            due = row.due_at.astimezone(self._zone)
            return f"{clock_text(row.clock)} {due:%m-%d %H:%M}"
        left = (row.due_at - self._now).total_seconds()
        if left <= 0:
            return self.tr("OVERDUE %1").replace("%1", self._duration(-left))
        return self.tr("%1 left").replace("%1", self._duration(left))


class BoardRepairsPane(QWidget):
    """The board's repairs: a title with the counts, and the table."""

    def __init__(self, zone: ZoneInfo, duration: Callable[[float], str]) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        header = QHBoxLayout()
        title = QLabel(self.tr("Repairs in progress"))
        title.setStyleSheet("font-size: 20px; font-weight: bold;")
        self.count_label = named(QLabel(), "boardRepairsCountLabel", self.tr("Open and overdue repairs"))
        header.addWidget(title)
        header.addStretch(1)
        header.addWidget(self.count_label)
        layout.addLayout(header)
        self.model = BoardRepairsModel(zone, duration)
        self.table = table_view("boardRepairsTable", self.tr("Open repair requests"), self.model)
        layout.addWidget(self.table, 1)

    def show_board(self, board: Board, now: datetime) -> None:
        rows = board.repairs
        self.model.set_repairs(rows, now)
        overdue = sum(1 for row in rows if row.state(now) is ClockState.OVERDUE)
        text = self.tr("%1 open").replace("%1", str(len(rows)))
        if overdue:
            text += " · " + self.tr("%1 OVERDUE").replace("%1", str(overdue))
        self.count_label.setText(text)
        self.count_label.setStyleSheet("color: #b71c1c; font-weight: bold;" if overdue else "")
