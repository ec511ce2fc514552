"""The lobby board's mail tab (挂号邮件): the items waiting at the desk, the oldest first (red once
unclaimed past the site's hold: to be returned with a supervisor's approval), and the weekly
reminder to tell each moved-out person to collect what waits on their shelf.

A tab of the board's follow-up tabs, for roles that hand mail out (the server sends it to no other);
the steps are on the Registered mail page."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from kiosk.domain.mail import MailOnBoard, MailWaiting
from kiosk.domain.staff import Permission, SignedIn, allowed
from kiosk.domain.views import Board
from kiosk.ui.common.table_model import RowTableModel
from kiosk.ui.common.widgets import named, table_view
from kiosk.ui.console.mail_page import kind_text

UNCLAIMED = QColor("#ffcdd2")


class BoardMailModel(RowTableModel[MailWaiting]):
    def __init__(self, zone: ZoneInfo) -> None:
        super().__init__(
            (
                self.tr("Received"),
                self.tr("Item"),
                self.tr("Kind"),
                self.tr("For"),
                self.tr("Shelf"),
                self.tr("Note"),
            )
        )
        self._zone = zone

    def background(self, value: MailWaiting, column: int) -> QBrush | None:
        return QBrush(UNCLAIMED) if value.unclaimed else None

    def display(self, m: MailWaiting, column: int) -> str:
        notes = []
        if m.unclaimed:
            notes.append(self.tr("unclaimed: return with approval"))
        if m.damaged:
            notes.append(self.tr("received damaged"))
        if m.moved_out:
            notes.append(self.tr("moved out"))
        cells = (
            m.received_at.astimezone(self._zone).strftime("%m-%d %H:%M"),
            m.number,
            kind_text(m.kind),
            f"{m.addressee} {m.unit}".strip(),
            m.shelf,
            " · ".join(notes),
        )
        return cells[column]


class BoardMail:
    """The mail tab on ``tabs``; shown only to a member whose role hands mail out."""

    def __init__(self, tabs: QTabWidget, zone: ZoneInfo) -> None:
        self._tabs = tabs
        self._zone = zone
        self.pane = QWidget()
        layout = QVBoxLayout(self.pane)
        layout.setContentsMargins(0, 0, 0, 0)
        self.reminder_label = named(
            QLabel(),
            "boardMailReminders",
            QCoreApplication.translate("BoardMailModel", "Moved-out people to tell"),
        )
        self.reminder_label.setWordWrap(True)
        self.reminder_label.setStyleSheet(
            "background: #fff3e0; color: #e65100; font-weight: bold; padding: 4px;"
        )
        layout.addWidget(self.reminder_label)
        self.model = BoardMailModel(zone)
        self.table = table_view(
            "boardMailTable",
            QCoreApplication.translate("BoardMailModel", "Mail waiting at the desk"),
            self.model,
        )
        layout.addWidget(self.table, 1)
        tabs.addTab(self.pane, "")
        self._mail = MailOnBoard()
        self._title()

    def set_session(self, who: SignedIn | None) -> None:
        shown = who is not None and allowed(who.role, Permission.HANDLE_MAIL)
        self._tabs.setTabVisible(self._tabs.indexOf(self.pane), shown)

    def show_board(self, board: Board, now: datetime) -> None:
        self._mail = board.mail or MailOnBoard()
        self.model.set_rows(self._mail.items)
        lines = []
        for r in self._mail.reminders:
            told = (
                r.last_told_at.astimezone(self._zone).strftime("%m-%d")
                if r.last_told_at is not None
                else QCoreApplication.translate("BoardMailModel", "never")
            )
            lines.append(
                QCoreApplication.translate(
                    "BoardMailModel",
                    "Weekly reminder: tell %1 (%2, %3) to collect %4 item(s) from the moved-out shelf (last told: %5).",
                )
                .replace("%1", r.name)
                .replace("%2", r.unit or "—")
                .replace("%3", r.phone or "—")
                .replace("%4", str(r.waiting))
                .replace("%5", told)
            )
        self.reminder_label.setText("\n".join(lines))
        self.reminder_label.setVisible(bool(lines))
        self._title()

    @property
    def waiting(self) -> int:
        return self._mail.waiting

    def _title(self) -> None:
        mail = self._mail
        text = QCoreApplication.translate("BoardMailModel", "Mail (%1)").replace("%1", str(mail.waiting))
        if mail.unclaimed:
            text += " · " + QCoreApplication.translate("BoardMailModel", "%1 unclaimed").replace(
                "%1", str(mail.unclaimed)
            )
        if mail.reminders:
            text = "⚑ " + text
        self._tabs.setTabText(self._tabs.indexOf(self.pane), text)
