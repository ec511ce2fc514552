"""The lobby board's inbox: phone messages not yet passed on, newest first, with their count.

A tab of the board's follow-up tabs; passing a message on is done on the Phone messages page.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTabWidget

from kiosk.domain.phone_messages import BoardMessage, MessageSource
from kiosk.domain.staff import Permission, SignedIn, allowed
from kiosk.domain.text import with_aside
from kiosk.domain.views import Board
from kiosk.ui.common.table_model import RowTableModel
from kiosk.ui.common.widgets import table_view
from kiosk.ui.console.messages_page import request_words, source_words


class BoardMessagesModel(RowTableModel[BoardMessage]):
    def __init__(self, zone: ZoneInfo) -> None:
        super().__init__(
            (
                self.tr("Received"),
                self.tr("For"),
                self.tr("From"),
                self.tr("Phone"),
                self.tr("Asked"),
                self.tr("Message"),
            )
        )
        self._zone = zone
        self._now: datetime | None = None

    def set_messages(self, rows: list[BoardMessage], now: datetime) -> None:
        self._now = now
        self.set_rows(rows)

    def display(self, m: BoardMessage, column: int) -> str:
        if column == 0:
            at = m.received_at.astimezone(self._zone)
            today = self._now is not None and at.date() == self._now.astimezone(self._zone).date()
            return at.strftime("%H:%M" if today else "%m-%d %H:%M")
        if column == 1:
            return m.recipient
        if column == 2:
            who = with_aside(m.caller_name, m.company)
            return f"{who} · {source_words()[m.source]}" if m.source is MessageSource.KIOSK else who
        if column == 3:
            return m.phone
        if column == 4:
            return request_words()[m.caller_request]
        return m.text


class BoardMessages:
    """The inbox tab on ``tabs``; shown only to a member whose role reads messages."""

    def __init__(self, tabs: QTabWidget, zone: ZoneInfo) -> None:
        self._tabs = tabs
        self.model = BoardMessagesModel(zone)
        self.table = table_view(
            "boardMessagesTable",
            QCoreApplication.translate("BoardMessagesModel", "Phone messages not yet passed on"),
            self.model,
        )
        tabs.addTab(self.table, "")
        self._count = 0
        self._title()

    def set_session(self, who: SignedIn | None) -> None:
        shown = who is not None and allowed(who.role, Permission.PHONE_MESSAGES)
        self._tabs.setTabVisible(self._tabs.indexOf(self.table), shown)

    def show_board(self, board: Board, now: datetime) -> None:
        self.model.set_messages(board.messages, now)
        self._count = board.messages_open
        self._title()

    @property
    def count(self) -> int:
        return self._count

    def _title(self) -> None:
        text = QCoreApplication.translate("BoardMessagesModel", "Messages (%1)").replace(
            "%1", str(self._count)
        )
        self._tabs.setTabText(self._tabs.indexOf(self.table), f"✉ {text}" if self._count else text)
