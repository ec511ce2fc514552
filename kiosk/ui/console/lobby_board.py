"""The lobby board: who is on site now, and the desk's actions on those visits."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from kiosk.app import KioskApp
from kiosk.domain.errors import ValidationError
from kiosk.domain.machine_room_pass import ReconciliationDue
from kiosk.domain.printing import PrintJobStatus
from kiosk.domain.staff import Permission, allowed
from kiosk.domain.text import with_aside
from kiosk.domain.views import OnSiteVisitor, PrintOutcome, WaitingVisitor
from kiosk.domain.visit import Approver, VisitStatus, needs_escalation
from kiosk.services.audit import Actor
from kiosk.services.cards import IssuedCard
from kiosk.services.outage import DatabaseUnavailableError
from kiosk.services.staff import SignedIn
from kiosk.ui.common.background import run_in_background
from kiosk.ui.common.confirm import ask_decline_reason, confirm
from kiosk.ui.common.messages import issue_failure_message, validation_message
from kiosk.ui.common.table_model import RowTableModel
from kiosk.ui.common.widgets import (
    SectionPage,
    action_button,
    button_row,
    named,
    print_problem,
    printer_name,
    table_view,
)
from kiosk.ui.console.board_follow_up import FollowUpTabs

log = logging.getLogger(__name__)

# action_button and table_view live in widgets; pages written against this module still find them.
__all__ = [
    "BOARD_REFRESH_MS",
    "LobbyBoardPage",
    "OnSiteTableModel",
    "WaitingTableModel",
    "action_button",
    "format_duration",
    "table_view",
]

BOARD_REFRESH_MS = 1000


def format_duration(seconds: float) -> str:
    """``just now``, ``1 min``, ``1 h 05 min`` (刚刚, 1 分钟, 1 小时 05 分钟): short enough for a cell."""
    minutes = max(0, int(seconds // 60))
    hours, minutes = divmod(minutes, 60)
    if hours:
        return (
            QCoreApplication.translate("LobbyBoard", "%1 h %2 min")
            .replace("%1", str(hours))
            .replace("%2", f"{minutes:02d}")
        )
    if minutes == 0:
        return QCoreApplication.translate("LobbyBoard", "just now")
    return QCoreApplication.translate("LobbyBoard", "%n min", "", minutes)


class OnSiteTableModel(RowTableModel[OnSiteVisitor]):
    """The "on site now" rows of the lobby board."""

    COLUMNS = (
        "badge",
        "name",
        "company",
        "host",
        "time_in",
        "on_site_for",
        "valid_until",
        "badge_state",
        "card",
    )

    def __init__(self, zone: ZoneInfo, visitor_cards: bool = False) -> None:
        super().__init__(
            (
                self.tr("Badge"),
                self.tr("Visitor"),
                self.tr("Company"),
                self.tr("Host"),
                self.tr("Time in"),
                self.tr("On site for"),
                self.tr("Valid until"),
                self.tr("Badge printed"),
                self.tr("Card"),
            )
        )
        self._zone = zone
        self._now = datetime.now(UTC)
        # Where the site hands out visitor cards, a visitor without one is the desk's to serve.
        self._visitor_cards = visitor_cards

    def set_board(self, rows: list[OnSiteVisitor], now: datetime) -> None:
        self._now = now
        self.set_rows(rows)

    def visitor(self, row: int) -> OnSiteVisitor:
        return self.row_value(row)

    def background(self, value: OnSiteVisitor, column: int) -> QBrush | None:
        if self.COLUMNS[column] == "badge_state" and not value.badge_printed:
            return QBrush(QColor("#ffcdd2"))
        if self.COLUMNS[column] == "valid_until" and self.overstaying(value):
            return QBrush(QColor("#ffcdd2"))
        if self.COLUMNS[column] == "card" and self._visitor_cards and not value.card_number:
            return QBrush(QColor("#ffcdd2"))
        return None

    def overstaying(self, row: OnSiteVisitor) -> bool:
        """Still on site after the badge's valid-until: the desk should find out why."""
        return row.valid_until < self._now

    def display(self, row: OnSiteVisitor, column: int) -> str:
        name = self.COLUMNS[column]
        if name == "badge":
            return row.badge_number
        if name == "card":
            return row.card_number or (self.tr("No card") if self._visitor_cards else "")
        if name == "name":
            return row.visitor_name
        if name == "company":
            return row.company
        if name == "host":
            return with_aside(row.host_name, row.host_department)
        if name == "time_in":
            return row.checked_in_at.astimezone(self._zone).strftime("%H:%M")
        if name == "on_site_for":
            return format_duration((self._now - row.checked_in_at).total_seconds())
        if name == "valid_until":
            until = row.valid_until.astimezone(self._zone).strftime("%H:%M")
            return self.tr("%1 OVERSTAY").replace("%1", until) if self.overstaying(row) else until
        if row.badge_printed:
            return self.tr("Printed")
        if row.badge_status is None:
            return self.tr("No badge")
        return self.tr("Not printed") if row.badge_status is PrintJobStatus.FAILED else self.tr("Queued")


class WaitingTableModel(RowTableModel[WaitingVisitor]):
    """Visits waiting for a decision; past 3 minutes or on hold, they stand out."""

    def __init__(self, zone: ZoneInfo) -> None:
        super().__init__(
            (
                self.tr("Visitor"),
                self.tr("Company"),
                self.tr("Host"),
                self.tr("Decided by"),
                self.tr("Waiting"),
            )
        )
        self._zone = zone
        self._now = datetime.now(UTC)

    def set_waiting(self, rows: list[WaitingVisitor], now: datetime) -> None:
        self._now = now
        self.set_rows(rows)

    def visit(self, row: int) -> WaitingVisitor:
        return self.row_value(row)

    def background(self, value: WaitingVisitor, column: int) -> QBrush | None:
        if value.status is VisitStatus.HELD:
            return QBrush(QColor("#ffcc80"))
        if value.escalated or needs_escalation(value.requested_at, self._now):
            return QBrush(QColor("#ffcdd2"))
        return None

    def display(self, visit: WaitingVisitor, column: int) -> str:
        if column == 0:
            return visit.visitor_name
        if column == 1:
            return visit.company
        if column == 2:
            extension = (
                self.tr(" ext. %1").replace("%1", visit.host_extension) if visit.host_extension else ""
            )
            return with_aside(visit.host_name, visit.host_department) + extension
        if column == 3:
            if visit.status is VisitStatus.HELD:
                return self.tr("HOLD: watchlist, supervisor")
            return (
                self.tr("Duty officer (night)")
                if visit.approver is Approver.DUTY_OFFICER
                else self.tr("Host")
            )
        return format_duration((self._now - visit.requested_at).total_seconds())


class LobbyBoardPage(SectionPage):
    """On site now, with check-out and badge printing for the selected visitor."""

    refreshed = Signal()

    def __init__(self, app: KioskApp) -> None:
        super().__init__()
        self.setObjectName("lobbyBoardPage")
        self._app = app
        layout = QVBoxLayout(self)
        # A small alert area for what needs someone beyond the lists (the pass reconciliation).
        self.alert_label = named(QLabel(), "boardAlertLabel", self.tr("Alerts"))
        self.alert_label.setWordWrap(True)
        self.alert_label.setStyleSheet(
            "background: #ffcdd2; color: #b71c1c; font-weight: bold; padding: 6px;"
        )
        self.alert_label.hide()
        layout.addWidget(self.alert_label)

        # Three panes the desk can resize: waiting visits, who is on site, today's follow-up.
        splitter = named(QSplitter(Qt.Orientation.Vertical), "boardSplitter", self.tr("Board panes"))
        waiting_pane = QWidget()
        waiting_layout = QVBoxLayout(waiting_pane)
        waiting_layout.setContentsMargins(0, 0, 0, 0)
        waiting_title = QLabel(self.tr("Waiting for a decision"))
        waiting_title.setStyleSheet("font-size: 20px; font-weight: bold;")
        waiting_layout.addWidget(waiting_title)
        self.waiting_model = WaitingTableModel(app.site.timezone)
        self.waiting_table = table_view(
            "waitingTable", self.tr("Visits waiting for a decision"), self.waiting_model
        )
        waiting_layout.addWidget(self.waiting_table, 1)
        self.approve_button = action_button(
            self.tr("Host agreed (phoned)"),
            "approveVisitButton",
            self.tr("Approve the selected visit for the host"),
        )
        self.decline_button = action_button(
            self.tr("Decline"), "declineVisitButton", self.tr("Decline the selected visit")
        )
        self.release_button = action_button(
            self.tr("Release hold"), "releaseHoldButton", self.tr("Release the selected watchlist hold")
        )
        button_row(waiting_layout, self.approve_button, self.decline_button, self.release_button)
        self.approve_button.clicked.connect(self._approve)
        self.decline_button.clicked.connect(self._decline)
        self.release_button.clicked.connect(self._release)

        title = QLabel(self.tr("On site now"))
        title.setStyleSheet("font-size: 20px; font-weight: bold;")
        self.count_label = named(QLabel(), "onSiteCountLabel", self.tr("Number of visitors on site"))
        header = QHBoxLayout()
        header.addWidget(title)
        header.addStretch(1)
        header.addWidget(self.count_label)
        on_site_pane = QWidget()
        on_site_layout = QVBoxLayout(on_site_pane)
        on_site_layout.setContentsMargins(0, 0, 0, 0)
        on_site_layout.addLayout(header)
        self.model = OnSiteTableModel(app.site.timezone, app.config.visitor_cards)
        self.table = table_view("onSiteTable", self.tr("Visitors on site"), self.model)
        on_site_layout.addWidget(self.table, 1)
        self.follow_up = FollowUpTabs(app)
        for pane in (waiting_pane, on_site_pane, self.follow_up):
            splitter.addWidget(pane)
            pane.setMinimumHeight(110)
        splitter.setChildrenCollapsible(False)
        # Who is on site comes first; waiting visits and the follow-up are a glance.
        splitter.setSizes([200, 420, 170])
        layout.addWidget(splitter, 1)

        self.status_label = self.add_status(layout, "deskStatusLabel", self.tr("Last action result"))
        self.refresh_button = action_button(
            self.tr("Refresh"), "boardRefreshButton", self.tr("Refresh the board")
        )
        self.check_out_button = action_button(
            self.tr("Check out"), "checkOutButton", self.tr("Check the selected visitor out")
        )
        self.retry_badge_button = action_button(
            self.tr("Print badge again"),
            "retryBadgeButton",
            self.tr("Print the selected visitor's badge again"),
        )
        self.issue_card_button = action_button(
            self.tr("Issue visitor card"),
            "issueVisitorCardButton",
            self.tr("Encode a visitor card for the selected visitor on the desk's encoder"),
        )
        self.issue_card_button.setVisible(app.config.visitor_cards)
        button_row(
            layout,
            self.refresh_button,
            self.check_out_button,
            self.retry_badge_button,
            self.issue_card_button,
        )
        self.refresh_button.clicked.connect(self.refresh)
        self._session: SignedIn | None = None
        self.set_session(None)
        self.check_out_button.clicked.connect(self._check_out)
        self.retry_badge_button.clicked.connect(self._retry_badge)
        self.issue_card_button.clicked.connect(self._issue_card)

        # Kiosks on other machines write to the same database: poll it; the query is indexed.
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.refresh)
        self._timer.start(BOARD_REFRESH_MS)
        self.refresh()

    def set_session(self, who: SignedIn | None) -> None:
        """Who acts at the console now; buttons follow what their role may do."""
        super().set_session(who)
        self._session = who
        can_decide = who is not None and allowed(who.role, Permission.DECIDE_VISITS)
        for button in (
            self.approve_button,
            self.decline_button,
            self.check_out_button,
            self.retry_badge_button,
            self.issue_card_button,
        ):
            button.setEnabled(can_decide)
        self.release_button.setEnabled(who is not None and allowed(who.role, Permission.RELEASE_HOLDS))

    def clear_transient(self) -> None:
        super().clear_transient()
        # A visit the last person selected is not the next person's to act on by mistake.
        self.table.clearSelection()
        self.waiting_table.clearSelection()

    def _actor_for(self, permission: Permission) -> Actor | None:
        """The signed-in actor if their role allows ``permission``; otherwise say so and None."""
        who = self._session
        if who is None or not allowed(who.role, permission):
            self.status_label.show_error(self.tr("Your role cannot do this. Ask a supervisor."))
            return None
        return who.actor

    def refresh(self) -> None:
        try:
            self._refresh()
        except DatabaseUnavailableError as exc:
            # The board polls every second: a database outage must not take the console down.
            # What it showed stays; the evacuation page falls back on its local copy.
            log.warning("lobby board: database unreachable: %s", exc)
            self.status_label.show_error(
                self.tr("The database cannot be reached: the board shows the last known state.")
            )

    def _refresh(self) -> None:
        now = self._app.clock.now()
        self._app.checkin.escalate_overdue(self._app.actor)
        self.follow_up.refresh(now, self._app.actor)  # runs the auto check-out when it is due
        waiting_selected = self._selected_waiting()
        waiting = self._app.lobby.waiting()
        self.waiting_model.set_waiting(waiting, now)
        for row, visit in enumerate(waiting):
            if visit.visit_id == waiting_selected:
                self.waiting_table.selectRow(row)
        selected = self.selected_visit_id()
        rows = self._app.lobby.on_site()
        self._app.evacuation.keep_snapshot(rows)
        self.model.set_board(rows, now)
        self.count_label.setText(self.tr("%n on site").replace("%n", str(len(rows))))
        if selected is not None:
            for row, visitor in enumerate(rows):
                if visitor.visit_id == selected:
                    self.table.selectRow(row)
        self._show_alerts()
        self.refreshed.emit()

    def _show_alerts(self) -> None:
        """The pass reconciliation while due; its discrepancies until a supervisor resolves them; the
        handover's open issues until closed."""
        passes = self._app.machine_room_passes.board_state()
        alerts = []
        if passes.due is ReconciliationDue.DUE:
            alerts.append(self.tr("Machine-room pass reconciliation is due (09:00)."))
        if passes.open_discrepancies:
            alerts.append(
                self.tr(
                    "Machine-room passes: %1 unresolved discrepancies (reconciled on %2); the supervisor is alerted."
                )
                .replace("%1", str(passes.open_discrepancies))
                .replace("%2", passes.oldest_open.isoformat() if passes.oldest_open else "")
            )
        # Open issues from the shift handover stay here until someone closes them (Shift handover page).
        issues = self._app.handover.open_issues()
        if issues:
            alerts.append(self.tr("Open handover issues (%1):").replace("%1", str(len(issues))))
            alerts += [f"• {issue.text}" for issue in issues[:5]]
            if len(issues) > 5:
                alerts.append(self.tr("… and %1 more.").replace("%1", str(len(issues) - 5)))
        self.alert_label.setText("\n".join(alerts))
        self.alert_label.setVisible(bool(alerts))

    def selected_visit_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.visitor(rows[0].row()).visit_id if rows else None

    def _selected_or_hint(self) -> int | None:
        visit_id = self.selected_visit_id()
        if visit_id is None:
            self.status_label.show_error(self.tr("Select a visitor in the table first."))
        return visit_id

    def _selected_waiting(self) -> int | None:
        rows = self.waiting_table.selectionModel().selectedRows()
        return self.waiting_model.visit(rows[0].row()).visit_id if rows else None

    def _decide(
        self,
        ask: Callable[[WaitingVisitor], str],
        decide: Callable[[int, str], object],
        done_text: str,
    ) -> None:
        """Ask about the selected waiting visit (``ask`` gives the note, "" if the desk cancels),
        then decide it off the GUI thread."""
        rows = self.waiting_table.selectionModel().selectedRows()
        if not rows:
            self.status_label.show_error(self.tr("Select a waiting visit first."))
            return
        visit = self.waiting_model.visit(rows[0].row())
        note = ask(visit)
        if not note:
            self.status_label.setText(self.tr("Nothing done."))
            return
        run_in_background(
            self,
            lambda: decide(visit.visit_id, note),
            lambda _result: self._decided(done_text),
            self._badge_retry_failed,
        )

    def _who_and_whom(self, visit: WaitingVisitor) -> str:
        visitor = (
            self.tr("%1 (%2)").replace("%1", visit.visitor_name).replace("%2", visit.company)
            if visit.company
            else visit.visitor_name
        )
        return (
            self.tr("%1, visiting %2 (%3)")
            .replace("%1", visitor)
            .replace("%2", visit.host_name)
            .replace("%3", visit.host_department)
        )

    def _ask_approve(self, visit: WaitingVisitor) -> str:
        text = self.tr(
            "Let in %1? Only if the host agreed on the phone. The badge prints at the kiosk."
        ).replace("%1", self._who_and_whom(visit))
        agreed = confirm(self, self.tr("Approve the visit"), text, self.tr("Approve"))
        return "host phoned and agreed" if agreed else ""

    def _ask_decline(self, visit: WaitingVisitor) -> str:
        return ask_decline_reason(self, self._who_and_whom(visit))

    def _ask_release(self, visit: WaitingVisitor) -> str:
        text = self.tr("Release the watchlist hold on %1? The visit then waits for the host.").replace(
            "%1", self._who_and_whom(visit)
        )
        released = confirm(self, self.tr("Release the hold"), text, self.tr("Release hold"))
        return "released at the desk" if released else ""

    def _decided(self, text: str) -> None:
        self.status_label.setText(text)
        self.refresh()

    def _approve(self) -> None:
        actor = self._actor_for(Permission.DECIDE_VISITS)
        if actor is None:
            return
        self._decide(
            self._ask_approve,
            lambda visit_id, note: self._app.checkin.approve(visit_id, actor, Approver.DESK, note),
            self.tr("Approved: the badge is being printed at the kiosk."),
        )

    def _decline(self) -> None:
        actor = self._actor_for(Permission.DECIDE_VISITS)
        if actor is None:
            return
        self._decide(
            self._ask_decline,
            lambda visit_id, reason: self._app.checkin.decline(visit_id, actor, reason),
            self.tr("Declined."),
        )

    def _release(self) -> None:
        actor = self._actor_for(Permission.RELEASE_HOLDS)
        if actor is None:
            return
        self._decide(
            self._ask_release,
            lambda visit_id, note: self._app.checkin.release_hold(visit_id, actor, note),
            self.tr("Hold released: the visit now waits for the host."),
        )

    def _check_out(self) -> None:
        actor = self._actor_for(Permission.DECIDE_VISITS)
        visit_id = self._selected_or_hint() if actor is not None else None
        if actor is None or visit_id is None:
            return
        try:
            self._app.lobby.check_out(visit_id, actor)
        except ValidationError as exc:
            self.status_label.show_error(validation_message(exc))
        else:
            self.status_label.setText(self.tr("Checked out."))
        self.refresh()

    def _retry_badge(self) -> None:
        actor = self._actor_for(Permission.DECIDE_VISITS)
        visit_id = self._selected_or_hint() if actor is not None else None
        if actor is None or visit_id is None:
            return
        self.retry_badge_button.setEnabled(False)
        run_in_background(
            self,
            lambda: self._app.lobby.print_badge_again(visit_id, actor),
            self._badge_retried,
            self._badge_retry_failed,
        )

    def _badge_retried(self, outcome: PrintOutcome) -> None:
        self.retry_badge_button.setEnabled(True)
        if outcome.printed:
            self.status_label.setText(
                self.tr("Badge printed on %1.").replace(
                    "%1", printer_name(self._app.print_queue, outcome.printer)
                )
            )
        elif outcome.error is None:
            # The badge belongs to the printer of the station where the visitor checked in: that
            # station has been told and prints it; the board shows when it has.
            self.status_label.setText(self.tr("Badge sent to the printer where the visitor checked in."))
        else:
            self.status_label.show_error(
                self.tr("The printer did not print the badge: %1").replace(
                    "%1", print_problem(self._app.print_queue, outcome.error)
                )
            )
        self.refresh()

    def _issue_card(self) -> None:
        actor = self._actor_for(Permission.DECIDE_VISITS)
        visit_id = self._selected_or_hint() if actor is not None else None
        if actor is None or visit_id is None:
            return
        self.issue_card_button.setEnabled(False)
        self.status_label.setText(self.tr("Lay a blank or returned visitor card on the desk's encoder…"))
        run_in_background(
            self,
            lambda: self._app.visitor_cards.issue_for_visit(visit_id, actor),
            self._card_issued,
            self._card_failed,
        )

    def _card_issued(self, issued: IssuedCard) -> None:
        self.issue_card_button.setEnabled(True)
        self.status_label.setText(self.tr("Visitor card %1 issued.").replace("%1", issued.label))
        self.refresh()

    def _card_failed(self, error: Exception) -> None:
        self.issue_card_button.setEnabled(True)
        if isinstance(error, ValidationError):
            self.status_label.show_error(validation_message(error))
        else:
            self.status_label.show_error(
                self.tr("Visitor card not issued: %1").replace("%1", issue_failure_message(error))
            )

    def _badge_retry_failed(self, error: Exception) -> None:
        self.retry_badge_button.setEnabled(True)
        if isinstance(error, ValidationError):
            self.status_label.show_error(validation_message(error))
        else:
            self.status_label.show_error(self.tr("Printing failed: %1").replace("%1", str(error)))
