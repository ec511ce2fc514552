"""The lobby board's follow-up tabs: today's expected arrivals and the night's auto check-outs."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QTabWidget

from kiosk.domain.views import AutoCheckout, Board, ExpectedArrival
from kiosk.ui.common.table_model import RowTableModel
from kiosk.ui.common.widgets import named, table_view

UNRETURNED = QColor("#ffcdd2")


class ExpectedTableModel(RowTableModel[ExpectedArrival]):
    """Invitations for today: who, from which unit, for whom, when; arrived ones say so."""

    def __init__(self, zone: ZoneInfo, with_date: bool = False) -> None:
        super().__init__(
            (
                self.tr("Visitor"),
                self.tr("Company / unit"),
                self.tr("Host"),
                self.tr("Expected"),
                self.tr("Code"),
                self.tr("Arrived"),
            )
        )
        self._zone = zone
        self._with_date = with_date  # lists beyond today say which day
        self._now: datetime | None = None

    def set_arrivals(self, rows: list[ExpectedArrival], now: datetime) -> None:
        """The rows as of ``now``: an invitation whose window has closed is no longer expected."""
        self._now = now
        self.set_rows(rows)

    def expired(self, row: ExpectedArrival, now: datetime | None = None) -> bool:
        at = now or self._now
        return not row.arrived and at is not None and row.valid_until <= at

    def shows(self, rows: list[ExpectedArrival], now: datetime) -> bool:
        """The list already reads as ``rows`` would at ``now`` (a poll need not reset it)."""
        return (
            self._now is not None
            and rows == [self.arrival(row) for row in range(self.rowCount())]
            and all(self.expired(row) == self.expired(row, now) for row in rows)
        )

    def arrival(self, row: int) -> ExpectedArrival:
        return self.row_value(row)

    def display(self, row: ExpectedArrival, column: int) -> str:
        if column == 0:
            return row.visitor_name
        if column == 1:
            parts = dict.fromkeys(part for part in (row.company, row.group_unit) if part)
            return " · ".join(parts)  # a group's invitees usually have the unit as their company
        if column == 2:
            return row.host_name
        if column == 3:
            start = row.valid_from.astimezone(self._zone)
            end = row.valid_until.astimezone(self._zone)
            if start.date() != end.date():
                return f"{start:%m-%d %H:%M}–{end:%m-%d %H:%M}"
            day = f"{start:%m-%d} " if self._with_date else ""
            return f"{day}{start:%H:%M}–{end:%H:%M}"
        if column == 4:
            return row.code
        if row.arrived:
            return self.tr("Arrived")
        return self.tr("Expired") if self.expired(row) else self.tr("Not yet")


class AutoCheckoutTableModel(RowTableModel[AutoCheckout]):
    """Visits the system closed at the auto check-out hour; a card not returned stands out."""

    def __init__(self, zone: ZoneInfo) -> None:
        super().__init__(
            (
                self.tr("Badge"),
                self.tr("Visitor"),
                self.tr("Company"),
                self.tr("Host"),
                self.tr("Time in"),
                self.tr("Visitor card"),
            )
        )
        self._zone = zone

    def background(self, value: AutoCheckout, column: int) -> QBrush | None:
        return QBrush(UNRETURNED) if column == 5 and value.card_unreturned else None

    def display(self, row: AutoCheckout, column: int) -> str:
        if column == 0:
            return row.badge_number
        if column == 1:
            return row.visitor_name
        if column == 2:
            return row.company
        if column == 3:
            return row.host_name
        if column == 4:
            return row.checked_in_at.astimezone(self._zone).strftime("%m-%d %H:%M")
        if row.card_number is None:
            return self.tr("No card")
        if row.card_unreturned:
            return self.tr("%1 NOT RETURNED").replace("%1", row.card_number)
        return self.tr("%1 returned").replace("%1", row.card_number)


class FollowUpTabs(QTabWidget):
    """Expected arrivals and auto check-outs, as the server's board read gives them (the server
    runs the auto check-out itself, at the hour)."""

    def __init__(self, zone: ZoneInfo) -> None:
        super().__init__()
        self.setObjectName("boardFollowUpTabs")
        self.expected_model = ExpectedTableModel(zone)
        self.expected_table = table_view(
            "expectedTable", self.tr("Expected arrivals today"), self.expected_model
        )
        self.auto_model = AutoCheckoutTableModel(zone)
        self.auto_table = table_view("autoCheckoutTable", self.tr("Auto check-outs"), self.auto_model)
        self.addTab(self.expected_table, self.tr("Expected today"))
        self.addTab(self.auto_table, self.tr("Auto check-out"))
        self.setMaximumHeight(220)
        named(self, "boardFollowUpTabs", self.tr("Expected arrivals and auto check-outs"))

    def show_board(self, board: Board, now: datetime) -> None:
        arrivals = board.expected
        self.expected_model.set_arrivals(arrivals, now)
        # Still expected: not arrived and the window still open (the kiosk refuses a closed one).
        waiting = sum(1 for a in arrivals if not a.arrived and not self.expected_model.expired(a))
        self.setTabText(0, self.tr("Expected today (%1)").replace("%1", str(waiting)))
        rows = board.auto_checked_out
        self.auto_model.set_rows(rows)
        unreturned = sum(1 for r in rows if r.card_unreturned)
        label = self.tr("Auto check-out (%1)").replace("%1", str(len(rows)))
        if unreturned:
            label += " ⚠ " + self.tr("%1 cards not returned").replace("%1", str(unreturned))
        self.setTabText(1, label)
