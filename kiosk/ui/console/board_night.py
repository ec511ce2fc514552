"""The lobby board's night banner (seed 002 item 12: from 20:00 to 08:00 物业总值 does the
visitors' registration): whether it is night, the visits waiting for the duty officer (each night
check-in, an official or a visiting group at any hour) with whether the duty officer was told,
and the residents let in on the records that the patrol has not followed yet.

It rings at every desk that shows it (kiosk.ui.common.desk_sound): once for each visit that
starts waiting for the duty officer, and once more, on an alarm of its own, for each visit whose
notice to the duty officer could not be sent (the desk phones them then). A supervisor at the
desk approves a waiting visit as the duty officer from here; the server checks the right
(APPROVE_AS_DUTY_OFFICER) and that the visit is the duty officer's to approve."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
)

from kiosk.client.station import Station
from kiosk.domain.staff import Permission, SignedIn, allowed
from kiosk.domain.views import Board, CheckInResult
from kiosk.domain.visitor_kinds import KindsOnBoard, NightWaiting
from kiosk.ui.common.confirm import confirm
from kiosk.ui.common.desk_sound import DeskSound
from kiosk.ui.common.kind_words import kind_name
from kiosk.ui.common.messages import error_message
from kiosk.ui.common.operations import QueryOp
from kiosk.ui.common.widgets import action_button, named

NIGHT_STYLE = (
    "QFrame#boardNightBanner { background: #1a237e; } QFrame#boardNightBanner QLabel { color: white; }"
)
WAITING_STYLE = (
    "QFrame#boardNightBanner { background: #b71c1c; } QFrame#boardNightBanner QLabel { color: white; }"
)
NOTE_MAX = 200


def notice_text(waiting: NightWaiting) -> str:
    """Whether the duty officer was told of the visit, as the desk needs it."""
    if waiting.notified:
        return QCoreApplication.translate("BoardNight", "duty officer notified")
    if waiting.notice_error and waiting.notice_error != "no_channel":
        return QCoreApplication.translate(
            "BoardNight", "NOT notified (sending failed): phone the duty officer"
        )
    # The notice goes out as the visit is stored: none recorded means the site has no channel.
    return QCoreApplication.translate(
        "BoardNight", "NOT notified (no channel set up): phone the duty officer"
    )


class BoardNight(QFrame):
    """Hidden by day with nothing waiting; dark blue at night, red while a visit waits."""

    def __init__(self, station: Station, refresh: Callable[[], None]) -> None:
        super().__init__()
        named(self, "boardNightBanner", self.tr("Night duty"))
        self._station = station
        self._refresh = refresh
        self._session: SignedIn | None = None
        self._waiting: list[NightWaiting] = []
        # One alarm per kind: a visit that starts waiting, and a notice that did not reach the
        # duty officer; each rings once per visit on this desk.
        self.alarm = DeskSound(self)
        self.failed_alarm = DeskSound(self)
        # Compact (a desk screen is 768 high and the board's lists come first): the headline on a
        # line of its own, then the waiting visits (as many rows as there are, 3 at most) with the
        # approval beside them.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(4)
        row = QHBoxLayout()
        self.headline = named(QLabel(), "boardNightHeadline", self.tr("Night duty"))
        self.headline.setWordWrap(True)
        self.headline.setStyleSheet("font-size: 16px; font-weight: bold;")
        layout.addWidget(self.headline)
        self.waiting_list = named(
            QListWidget(), "boardNightWaitingList", self.tr("Visits waiting for the duty officer")
        )
        self.waiting_list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        # A long line is cut with "…" (its whole text in the tooltip), never scrolled sideways.
        self.waiting_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.waiting_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.waiting_list.setStyleSheet("QListWidget { background: white; color: black; font-size: 15px; }")
        self.note_edit = named(
            QLineEdit(), "boardNightNoteEdit", self.tr("Note on the duty officer's approval")
        )
        self.note_edit.setMaxLength(NOTE_MAX)
        self.note_edit.setPlaceholderText(self.tr("Note, e.g. the duty officer agreed by phone"))
        self.approve_button = action_button(
            self.tr("Approve as duty officer"),
            "boardNightApproveButton",
            self.tr("Approve the selected visit as the duty officer (supervisors)"),
        )
        self.approve_button.clicked.connect(self.approve_selected)
        row.addWidget(self.waiting_list, 3)
        row.addWidget(self.note_edit, 2)
        row.addWidget(self.approve_button)
        row.setAlignment(self.note_edit, Qt.AlignmentFlag.AlignTop)
        row.setAlignment(self.approve_button, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(row)
        # White on the banner's colour, errors too: the board's red error text would not show.
        self.status = named(QLabel(), "boardNightStatus", self.tr("Result of the duty officer's approval"))
        self.status.setWordWrap(True)
        self.status.setStyleSheet("font-weight: bold;")
        self.status.hide()
        layout.addWidget(self.status)
        self.hide()

    def set_session(self, who: SignedIn | None) -> None:
        if who != self._session:
            self.note_edit.clear()
            self._say("")
            self.waiting_list.clearSelection()
        self._session = who
        self._enable()

    def _may_approve(self) -> bool:
        who = self._session
        return who is not None and allowed(who.role, Permission.APPROVE_AS_DUTY_OFFICER)

    def _enable(self) -> None:
        may = self._may_approve()
        self.approve_button.setEnabled(may and bool(self._waiting))
        self.note_edit.setEnabled(may)
        self.approve_button.setToolTip("" if may else self.tr("A supervisor approves as the duty officer."))

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def show_board(self, board: Board, now: datetime) -> None:
        kinds = board.kinds
        self._waiting = list(kinds.waiting_for_duty_officer)
        self.alarm.ring_for(f"duty-{w.visit_id}" for w in self._waiting)
        self.failed_alarm.ring_for(
            f"duty-unsent-{w.visit_id}" for w in self._waiting if not w.notified and w.notice_error
        )
        self.headline.setText(self._headline(kinds))
        self._show_waiting(now)
        self.setStyleSheet(WAITING_STYLE if self._waiting else NIGHT_STYLE)
        self.setVisible(kinds.night or bool(self._waiting) or bool(kinds.patrol_open))
        self._enable()

    def _headline(self, kinds: KindsOnBoard) -> str:
        """Night duty or the visits the duty officer approves by day; the open patrol notices."""
        site = self._station.site
        hours = f"{site.night_starts:%H:%M}–{site.night_ends:%H:%M}"
        officer = kinds.duty_officer or self.tr("the duty officer")
        parts = []
        if kinds.night:
            parts.append(
                self.tr("Night duty (%1): %2 approves every visit.")
                .replace("%1", hours)
                .replace("%2", officer)
            )
        if self._waiting:
            parts.append(
                self.tr("Waiting for %1: %2.").replace("%1", officer).replace("%2", str(len(self._waiting)))
            )
        if kinds.patrol_open:
            parts.append(
                self.tr("Patrol notices not yet followed: %1.").replace("%1", str(len(kinds.patrol_open)))
            )
        return "  ".join(parts)

    def _show_waiting(self, now: datetime) -> None:
        zone = self._station.site.timezone
        chosen = self.selected_visit()
        self.waiting_list.clear()
        for waiting in self._waiting:
            since = waiting.requested_at.astimezone(zone)
            minutes = max(0, int((now - waiting.requested_at).total_seconds() // 60))
            text = (
                self.tr("%1 · %2 · since %3 (%4 min) · %5")
                .replace("%1", waiting.visitor_name)
                .replace("%2", kind_name(waiting.kind))
                .replace("%3", f"{since:%H:%M}")
                .replace("%4", str(minutes))
                .replace("%5", notice_text(waiting))
            )
            item = QListWidgetItem(text)
            item.setToolTip(text)
            item.setData(Qt.ItemDataRole.UserRole, waiting.visit_id)
            self.waiting_list.addItem(item)
            if waiting.visit_id == chosen or len(self._waiting) == 1:
                self.waiting_list.setCurrentItem(item)
        # As tall as its rows (three at most, then it scrolls): the board's own lists come first.
        rows = min(len(self._waiting), 3)
        self.waiting_list.setFixedHeight(rows * self.waiting_list.sizeHintForRow(0) + 6 if rows else 0)
        self.waiting_list.setVisible(bool(self._waiting))
        self.approve_button.setVisible(bool(self._waiting))
        self.note_edit.setVisible(bool(self._waiting))

    def selected_visit(self) -> int | None:
        item = self.waiting_list.currentItem()
        if item is None or not item.isSelected():
            return None
        value = item.data(Qt.ItemDataRole.UserRole)
        return value if isinstance(value, int) else None

    def approve_selected(self) -> None:
        """A supervisor lets the selected visit in as the duty officer, after a second look."""
        if not self._may_approve():
            self._say(self.tr("A supervisor approves as the duty officer."))
            return
        visit_id = self.selected_visit()
        waiting = next((w for w in self._waiting if w.visit_id == visit_id), None)
        if waiting is None:
            self._say(self.tr("Select a waiting visit in the banner first."))
            return
        question = self.tr("Let %1 in as the duty officer? The badge prints at once.").replace(
            "%1", waiting.visitor_name
        )
        if not confirm(
            self, self.tr("Approve as duty officer"), question, self.tr("Approve as duty officer")
        ):
            self._say(self.tr("Nothing done."))
            return
        note, kinds = self.note_edit.text(), self._station.visitor_kinds
        self.approve_button.setEnabled(False)
        QueryOp(self, lambda: kinds.approve_as_duty_officer(waiting.visit_id, note), self._approved).failure(
            self._failed
        ).run_in_background()

    def _approved(self, result: CheckInResult) -> None:
        self.note_edit.clear()
        self._say(self.tr("Approved as duty officer: badge %1.").replace("%1", result.badge_number or "—"))
        self._enable()
        self._refresh()

    def _failed(self, error: Exception) -> None:
        self._say(error_message(error))
        self._enable()
        self._refresh()
