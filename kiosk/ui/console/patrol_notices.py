"""The patrol notices (巡逻岗跟踪, seed 001 item 2): a person who said they live here, had no card,
found nobody home on the intercom and was let in after the desk checked their name against the
resident records. The patrol guard is told (the notifier) and follows them; whoever followed up
marks the notice "followed" here, with what they found. The same panel is a tab of the guard
screen and of the desk's admissions page; the server decides who may (FOLLOW_PATROL_NOTICES)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QBrush, QColor, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QVBoxLayout

from kiosk.client.station import Station
from kiosk.domain.staff import Permission, SignedIn, allowed
from kiosk.domain.visitor_kinds import AdmissionView
from kiosk.ui.common.confirm import confirm
from kiosk.ui.common.messages import error_message
from kiosk.ui.common.operations import QueryOp
from kiosk.ui.common.table_model import RowTableModel, keeping_selection
from kiosk.ui.common.widgets import SectionPage, action_button, named, table_view

# The guard screen hears no server events: it reads the open notices again this often.
REFRESH_MS = 30_000
NOTE_MAX = 200


class PatrolNoticesModel(RowTableModel[AdmissionView]):
    def __init__(self, station: Station) -> None:
        super().__init__(
            (
                self.tr("Let in"),
                self.tr("Name"),
                self.tr("Unit"),
                self.tr("Patrol told"),
                self.tr("Let in by"),
            )
        )
        self._zone = station.site.timezone

    def notice(self, row: int) -> AdmissionView:
        return self.row_value(row)

    def background(self, value: AdmissionView, column: int) -> QBrush | None:
        # The patrol was not told: the desk or the guard must radio them.
        return QBrush(QColor("#ffcdd2")) if column == 3 and not value.patrol_notified else None

    def display(self, value: AdmissionView, column: int) -> str:
        if column == 0:
            return f"{value.at.astimezone(self._zone):%m-%d %H:%M}"
        if column == 1:
            return value.name
        if column == 2:
            return value.unit
        if column == 3:
            return self.tr("Yes") if value.patrol_notified else self.tr("NOT told: radio the patrol")
        return value.by_name


class PatrolNoticesPanel(SectionPage):
    def __init__(self, station: Station) -> None:
        super().__init__()
        self.setObjectName("patrolNoticesPanel")
        self._station = station
        layout = QVBoxLayout(self)
        self.model = PatrolNoticesModel(station)
        self.table = table_view(
            "patrolNoticesTable", self.tr("Residents let in on the records, not yet followed"), self.model
        )
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.note_edit = named(QLineEdit(), "patrolNoteEdit", self.tr("What the patrol found"))
        self.note_edit.setMaxLength(NOTE_MAX)
        self.note_edit.setPlaceholderText(
            self.tr("What the patrol found, e.g. went into 2-102, neighbour confirmed")
        )
        self.followed_button = action_button(
            self.tr("Followed"), "patrolFollowedButton", self.tr("Mark the selected notice as followed")
        )
        self.followed_button.clicked.connect(self.mark_followed)
        self.refresh_button = action_button(
            self.tr("Refresh"), "patrolRefreshButton", self.tr("Read the open notices again")
        )
        self.refresh_button.clicked.connect(self.refresh)
        row.addWidget(self.note_edit, 1)
        row.addWidget(self.followed_button)
        row.addWidget(self.refresh_button)
        layout.addLayout(row)
        self.status = self.add_status(layout, "patrolStatus", self.tr("Last action result"))
        self.transient(self.note_edit)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.refresh)
        self.set_session(None)

    def _may(self) -> bool:
        return self.session is not None and allowed(self.session.role, Permission.FOLLOW_PATROL_NOTICES)

    def set_session(self, who: SignedIn | None) -> None:
        super().set_session(who)
        may = self._may()
        for widget in (self.followed_button, self.refresh_button, self.note_edit):
            widget.setEnabled(may)
        if may:
            self._timer.start(REFRESH_MS)
            self.refresh()
        else:
            self._timer.stop()
            self.model.set_rows([])

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._may():
            self.refresh()

    def on_server_event(self, topic: str) -> None:
        if topic in ("admissions", "connected", "resync") and self._may():
            self.refresh()

    def refresh(self) -> None:
        if not self._may():
            return
        kinds = self._station.visitor_kinds
        QueryOp(self, kinds.patrol_open, self._loaded, key="open", reads_only=True).failure(
            self._failed
        ).run_in_background()

    def _loaded(self, notices: list[AdmissionView]) -> None:
        if not self._may():
            return
        keeping_selection(
            self.table, self.model, lambda n: n.admission_id, lambda: self.model.set_rows(notices)
        )

    def _failed(self, error: Exception) -> None:
        self.status.show_error(error_message(error))

    def count(self) -> int:
        return self.model.rowCount()

    def mark_followed(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not self._may():
            return
        if not rows:
            self.status.show_error(self.tr("Select a notice first."))
            return
        notice = self.model.notice(rows[0].row())
        admission_id = notice.admission_id
        if admission_id is None:
            return
        question = (
            self.tr("Mark %1 of %2 as followed by the patrol?")
            .replace("%1", notice.name)
            .replace("%2", notice.unit)
        )
        if not confirm(self, self.tr("Followed"), question, self.tr("Followed")):
            self.status.setText(self.tr("Nothing done."))
            return
        note, kinds = self.note_edit.text(), self._station.visitor_kinds
        self.followed_button.setEnabled(False)
        QueryOp(self, lambda: kinds.patrol_followed(admission_id, note), self._followed).failure(
            self._follow_failed
        ).run_in_background()

    def _followed(self, view: AdmissionView) -> None:
        self.followed_button.setEnabled(self._may())
        self.note_edit.clear()
        at = view.patrol_followed_at or self._station.clock.now()
        self.status.setText(
            self.tr("%1 of %2: followed (%3).")
            .replace("%1", view.name)
            .replace("%2", view.unit)
            .replace("%3", f"{at.astimezone(self._station.site.timezone):%H:%M}")
        )
        self.refresh()

    def _follow_failed(self, error: Exception) -> None:
        self.followed_button.setEnabled(self._may())
        self._failed(error)
        self.refresh()
