"""The lobby board's keys out (钥匙借用): each open loan with who has it and when it is due back,
amber shortly before, red once past due. A tab of the board's follow-up tabs; lending and taking
back are done on the Keys page."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QTabWidget

from kiosk.domain.key_loans import KeyKind, KeyLoanOnBoard, LoanState
from kiosk.domain.text import with_aside
from kiosk.domain.views import Board
from kiosk.ui.common.table_model import RowTableModel
from kiosk.ui.common.widgets import table_view

AMBER = QColor("#ffe0b2")
RED = QColor("#ffcdd2")
RED_TEXT = QColor("#b71c1c")


def kind_text(kind: KeyKind) -> str:
    if kind is KeyKind.ACCESS_CARD:
        return QCoreApplication.translate("BoardKeysModel", "Access card")
    return QCoreApplication.translate("BoardKeysModel", "Key")


def due_text(due_at: datetime, now: datetime, zone: ZoneInfo, duration: Callable[[float], str]) -> str:
    """``17:30 · 25 min left`` / ``17:30 · OVERDUE 1 h 5 min``: the due time, the day too when it
    is not today, and how long is left or how long it is late."""
    local = due_at.astimezone(zone)
    today = local.date() == now.astimezone(zone).date()
    when = local.strftime("%H:%M" if today else "%m-%d %H:%M")
    left = (due_at - now).total_seconds()
    if left <= 0:
        late = QCoreApplication.translate("BoardKeysModel", "OVERDUE %1").replace("%1", duration(-left))
        return f"{when} · {late}"
    return f"{when} · " + QCoreApplication.translate("BoardKeysModel", "%1 left").replace(
        "%1", duration(left)
    )


class BoardKeysModel(RowTableModel[KeyLoanOnBoard]):
    """Open loans, the soonest due first; the colours follow the station's clock."""

    def __init__(self, zone: ZoneInfo, duration: Callable[[float], str]) -> None:
        super().__init__(
            (self.tr("Keys"), self.tr("Opens"), self.tr("Out"), self.tr("Borrower"), self.tr("Due back"))
        )
        self._zone = zone
        self._duration = duration
        self._now = datetime.now(UTC)

    def set_loans(self, rows: list[KeyLoanOnBoard], now: datetime) -> None:
        self._now = now
        self.set_rows(rows)

    def background(self, value: KeyLoanOnBoard, column: int) -> QBrush | None:
        state = value.state(self._now)
        if state is LoanState.OVERDUE:
            return QBrush(RED)
        if state is LoanState.DUE_SOON and column == 4:
            return QBrush(AMBER)
        return None

    def display(self, row: KeyLoanOnBoard, column: int) -> str:
        if column == 0:
            return f"{row.set_label} · {kind_text(row.kind)}"
        if column == 1:
            return row.opens
        if column == 2:
            return str(row.keys_out)
        if column == 3:
            return with_aside(row.borrower, row.company)
        return due_text(row.due_at, self._now, self._zone, self._duration)


class BoardKeys:
    """The keys-out tab on ``tabs``: its title counts the loans out and those overdue (in red)."""

    def __init__(self, tabs: QTabWidget, zone: ZoneInfo, duration: Callable[[float], str]) -> None:
        self._tabs = tabs
        self.model = BoardKeysModel(zone, duration)
        self.table = table_view(
            "boardKeysTable", QCoreApplication.translate("BoardKeysModel", "Keys out on loan"), self.model
        )
        tabs.addTab(self.table, "")
        self.overdue = 0
        self._title(0)

    def show_board(self, board: Board, now: datetime) -> None:
        rows = board.key_loans
        self.model.set_loans(rows, now)
        self.overdue = sum(1 for row in rows if row.state(now) is LoanState.OVERDUE)
        self._title(len(rows))

    def _title(self, out: int) -> None:
        index = self._tabs.indexOf(self.table)
        text = QCoreApplication.translate("BoardKeysModel", "Keys out (%1)").replace("%1", str(out))
        if self.overdue:
            text += " ⚠ " + QCoreApplication.translate("BoardKeysModel", "%1 overdue").replace(
                "%1", str(self.overdue)
            )
        self._tabs.setTabText(index, text)
        self._tabs.tabBar().setTabTextColor(index, RED_TEXT if self.overdue else QColor())
