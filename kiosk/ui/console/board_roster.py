"""The lobby board's duty line (大堂助理值班表): who is on duty now and who comes next, by the
approved roster; without an approved roster for today it says so. Rosters are drawn up on the
Duty roster page."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

from kiosk.domain.roster import DutyOnBoard, OnDuty
from kiosk.domain.views import Board
from kiosk.ui.common.widgets import named


def duty_text(duty: OnDuty, zone: ZoneInfo, now: datetime) -> str:
    """``早班 07:00–15:00 李娜、赵敏`` (the day too when it is not today's)."""
    names = "、".join(duty.names) or QCoreApplication.translate("BoardRoster", "nobody rostered")
    local = duty.starts.astimezone(zone)
    day = "" if local.date() == now.astimezone(zone).date() else f"{local:%m-%d} "
    return f"{day}{duty.shift.key} {duty.shift.hours} {names}"


def duty_line(duty: DutyOnBoard, zone: ZoneInfo, now: datetime) -> str:
    if not duty.approved:
        return QCoreApplication.translate("BoardRoster", "On duty: no approved roster for today.")
    current = "；".join(duty_text(d, zone, now) for d in duty.now) or QCoreApplication.translate(
        "BoardRoster", "no shift now"
    )
    text = QCoreApplication.translate("BoardRoster", "On duty now: %1").replace("%1", current)
    if duty.next is not None:
        text += "　·　" + QCoreApplication.translate("BoardRoster", "Next: %1").replace(
            "%1", duty_text(duty.next, zone, now)
        )
    return text


class BoardRoster(QLabel):
    """One line above the board's panes; amber when no approved roster covers today."""

    def __init__(self, zone: ZoneInfo) -> None:
        super().__init__()
        named(self, "boardDutyLabel", QCoreApplication.translate("BoardRoster", "Who is on duty"))
        self.setWordWrap(True)
        self._zone = zone

    def show_board(self, board: Board, now: datetime) -> None:
        duty = board.duty
        self.setVisible(duty.in_use)
        self.setText(duty_line(duty, self._zone, now))
        self.setStyleSheet(
            "padding: 4px; font-weight: bold;" + ("" if duty.approved else " background: #ffe0b2;")
        )
