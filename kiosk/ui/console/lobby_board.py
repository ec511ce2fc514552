"""The lobby board: who is on site now, and the desk's actions on those visits."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from kiosk.client.http import ServerUnreachableError
from kiosk.client.station import Station
from kiosk.domain.deposits import DepositItem
from kiosk.domain.errors import ValidationError
from kiosk.domain.printing import PrintJobStatus
from kiosk.domain.staff import Permission, SignedIn, allowed
from kiosk.domain.text import with_aside
from kiosk.domain.views import Board, OnSiteVisitor, PrintOutcome, WaitingVisitor
from kiosk.domain.visit import Approver, VisitStatus, needs_escalation
from kiosk.domain.watchlist import WatchlistHold, WatchlistMatch
from kiosk.ui.common.confirm import ask_decline_reason, confirm
from kiosk.ui.common.desk_sound import DeskSound
from kiosk.ui.common.messages import error_message, issue_failure_message
from kiosk.ui.common.operations import QueryOp
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
from kiosk.ui.console.board_keys import BoardKeys
from kiosk.ui.console.board_mail import BoardMail
from kiosk.ui.console.board_messages import BoardMessages
from kiosk.ui.console.board_newspapers import BoardNewspapers
from kiosk.ui.console.board_night import BoardNight
from kiosk.ui.console.board_repairs import BoardRepairsPane
from kiosk.ui.console.board_roster import BoardRoster
from kiosk.ui.console.call_dialog import CallRecorder
from kiosk.ui.console.deposit_prompt import offer_refunds

log = logging.getLogger(__name__)

# action_button and table_view live in widgets; pages written against this module still find them.
__all__ = [
    "BOARD_TOPICS",
    "LobbyBoardPage",
    "OnSiteTableModel",
    "WaitingTableModel",
    "action_button",
    "format_duration",
    "table_view",
]

# The server's events after which the board reads again: its own, and the areas whose state it
# shows (expected arrivals, pass and handover alerts); "connected" / "resync": it was away.
BOARD_TOPICS = frozenset({"board", "invitations", "passes", "handover", "cards", "connected", "resync"})
# Between events, the durations, overstays and expired invitations follow the clock: the rows are
# painted again this often, without asking the server.
REPAINT_MS = 15_000
# Encodes a visitor card for a visit on this desk's encoder as the signed-in member; the card's
# label. Given by the window (card issuing is its own section of the server work).
IssueCard = Callable[[int, "SignedIn"], str]


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
        if self.overdue(value):
            return QBrush(QColor("#ffcdd2"))
        return None

    def overdue(self, value: WaitingVisitor) -> bool:
        """Waiting for its host 3 minutes or more: red, and the desk rings (a hold is orange)."""
        return value.status is not VisitStatus.HELD and (
            value.escalated or needs_escalation(value.requested_at, self._now)
        )

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
                return self.hold_reason(visit.hold)
            return (
                self.tr("Duty officer (night)")
                if visit.approver is Approver.DUTY_OFFICER
                else self.tr("Host")
            )
        return format_duration((self._now - visit.requested_at).total_seconds())

    def hold_reason(self, hold: WatchlistHold | None) -> str:
        """Why a visit is held, as the supervisor needs it: which entry (the watchlist page's
        number) and how it matched; only the people at the desk ever read it."""
        if hold is None:  # held before reasons were kept
            return self.tr("HOLD: watchlist, supervisor")
        reasons = {
            WatchlistMatch.ID_NUMBER: self.tr("HOLD: ID number matches watchlist entry %1"),
            WatchlistMatch.NAME_AND_COMPANY: self.tr("HOLD: name and company match watchlist entry %1"),
            WatchlistMatch.NAME: self.tr("HOLD: name matches watchlist entry %1"),
            WatchlistMatch.NAME_NO_COMPANY: self.tr(
                "HOLD: name matches watchlist entry %1; no company given"
            ),
            WatchlistMatch.NAME_COMPANY_DIFFERS: self.tr(
                "HOLD: name matches watchlist entry %1; company differs"
            ),
            WatchlistMatch.NAME_ID_DIFFERS: self.tr(
                "HOLD: name matches watchlist entry %1; ID number differs"
            ),
        }
        return reasons[hold.match].replace("%1", str(hold.entry_id))


class LobbyBoardPage(SectionPage):
    """On site now, with check-out and badge printing for the selected visitor."""

    # A board read has been shown (the newest asked for: one that a later refresh overtook is not).
    refreshed = Signal()

    def __init__(self, station: Station, issue_card: IssueCard | None = None) -> None:
        super().__init__()
        self.setObjectName("lobbyBoardPage")
        self._station = station
        self._encode_card = issue_card
        zone = station.site.timezone
        layout = QVBoxLayout(self)
        # A small alert area for what needs someone beyond the lists (the pass reconciliation).
        self.alert_label = named(QLabel(), "boardAlertLabel", self.tr("Alerts"))
        self.alert_label.setWordWrap(True)
        self.alert_label.setStyleSheet(
            "background: #ffcdd2; color: #b71c1c; font-weight: bold; padding: 6px;"
        )
        self.alert_label.hide()
        layout.addWidget(self.alert_label)
        # Who is on duty now and next, by the approved duty roster (大堂助理值班表).
        self.duty = BoardRoster(zone)
        layout.addWidget(self.duty)
        # Night duty: the visits waiting for the duty officer, with its alarm (kiosk.ui.console.board_night).
        self.night = BoardNight(station, self.refresh)
        layout.addWidget(self.night)

        # Three panes the desk can resize: waiting visits, who is on site, today's follow-up.
        splitter = named(QSplitter(Qt.Orientation.Vertical), "boardSplitter", self.tr("Board panes"))
        waiting_pane = QWidget()
        waiting_layout = QVBoxLayout(waiting_pane)
        waiting_layout.setContentsMargins(0, 0, 0, 0)
        waiting_title = QLabel(self.tr("Waiting for a decision"))
        waiting_title.setStyleSheet("font-size: 20px; font-weight: bold;")
        # The decisions beside the title, not under the list: the list keeps the height.
        waiting_header = QHBoxLayout()
        waiting_header.addWidget(waiting_title)
        waiting_header.addStretch(1)
        waiting_layout.addLayout(waiting_header)
        self.waiting_model = WaitingTableModel(zone)
        self.alarm = DeskSound(self)
        self.waiting_table = table_view(
            "waitingTable", self.tr("Visits waiting for a decision"), self.waiting_model
        )
        waiting_layout.addWidget(self.waiting_table, 1)
        # The desk's call to the host or the unit, recorded (kiosk.ui.console.call_dialog):
        # agreed lets the visitor in, declined turns them away, no answer leaves it waiting.
        self.approve_button = action_button(
            self.tr("Record call (intercom / phone)"),
            "approveVisitButton",
            self.tr("Record the call about the selected visit; agreed lets the visitor in"),
        )
        self.decline_button = action_button(
            self.tr("Decline"), "declineVisitButton", self.tr("Decline the selected visit")
        )
        self.release_button = action_button(
            self.tr("Release hold"), "releaseHoldButton", self.tr("Release the selected watchlist hold")
        )
        for button in (self.approve_button, self.decline_button, self.release_button):
            waiting_header.addWidget(button)
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
        visitor_cards = station.settings.visitor_cards
        self.model = OnSiteTableModel(zone, visitor_cards)
        self.table = table_view("onSiteTable", self.tr("Visitors on site"), self.model)
        on_site_layout.addWidget(self.table, 1)
        self.follow_up = FollowUpTabs(zone)
        # Phone messages not yet passed on: a tab of the follow-up, for roles that read them.
        self.inbox = BoardMessages(self.follow_up, zone)
        # Registered mail waiting and the moved-out people to tell: a tab, for roles that hand it out.
        self.mail = BoardMail(self.follow_up, zone)
        # Keys out on loan (钥匙借用): amber shortly before due, red once past due.
        self.keys = BoardKeys(self.follow_up, zone, format_duration)
        # Newspapers (报刊): today's titles not yet counted, the shortfalls still open.
        self.newspapers = BoardNewspapers(self.follow_up, zone)
        # Open repair requests (报修) and the time left on their clocks.
        self.repairs = BoardRepairsPane(zone, format_duration)
        for pane in (waiting_pane, on_site_pane, self.repairs, self.follow_up):
            splitter.addWidget(pane)
            pane.setMinimumHeight(110)
        # The visits waiting are the desk's first business: two of them always show, whatever
        # the night banner and the duty line above take; the other panes give way.
        rows = 2 * self.waiting_table.verticalHeader().defaultSectionSize()
        self.waiting_table.setMinimumHeight(
            self.waiting_table.horizontalHeader().sizeHint().height() + rows + 4
        )
        waiting_pane.setMinimumHeight(waiting_pane.minimumSizeHint().height())
        self.repairs.setMinimumHeight(80)  # its title, its header and a row: a glance
        splitter.setChildrenCollapsible(False)
        # Who is on site comes first; waiting visits, repairs and the follow-up are a glance.
        splitter.setSizes([200, 280, 180, 160])
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
        self.issue_card_button.setVisible(visitor_cards and issue_card is not None)
        button_row(
            layout,
            self.refresh_button,
            self.check_out_button,
            self.retry_badge_button,
            self.issue_card_button,
        )
        self.refresh_button.clicked.connect(self.refresh)
        self.check_out_button.clicked.connect(self._check_out)
        self.retry_badge_button.clicked.connect(self._retry_badge)
        self.issue_card_button.clicked.connect(self._issue_card)

        self._board: Board | None = None
        self._shown_day: object = None
        self._loading = False  # a read is under way
        self._again = False  # and another was asked for meanwhile
        self._stale_shown = False  # the status line says the board is the last known state
        self.set_session(None)
        # The server says when the board changed (on_server_event): no polling. The clock moves on
        # between events, and with it how long people have waited and stayed.
        self._repaint_timer = QTimer(self)
        self._repaint_timer.timeout.connect(self._repaint)
        self._repaint_timer.start(REPAINT_MS)

    def set_session(self, who: SignedIn | None) -> None:
        """Who acts at the console now; buttons follow what their role may do."""
        super().set_session(who)
        self.inbox.set_session(who)
        self.mail.set_session(who)
        self.night.set_session(who)
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
        if who is not None:
            self.refresh()

    def on_server_event(self, topic: str) -> None:
        if topic in BOARD_TOPICS:
            self.refresh()

    def clear_transient(self) -> None:
        super().clear_transient()
        self._stale_shown = False
        # A visit the last person selected is not the next person's to act on by mistake.
        self.table.clearSelection()
        self.waiting_table.clearSelection()

    def _permitted(self, permission: Permission) -> bool:
        """Whether the signed-in member's role allows ``permission``; if not, say so."""
        who = self.session
        if who is None or not allowed(who.role, permission):
            self.status_label.show_error(self.tr("Your role cannot do this. Ask a supervisor."))
            return False
        return True

    # --- reading the board ----------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the board from the server, off the GUI thread; what it showed stays meanwhile.
        Asked again while a read is under way, it reads once more when that one is in."""
        if self.session is None or not allowed(self.session.role, Permission.VIEW_BOARD):
            return
        if self._loading:
            self._again = True
            return
        self._loading, self._again = True, False
        QueryOp(self, self._station.visits.board, self._loaded).failure(self._load_failed).run_in_background()

    def _loaded(self, board: Board) -> None:
        self._loading = False
        if self._again:
            self.refresh()  # something changed since this read was asked for: this one is stale
            return
        self._board = board
        if self._stale_shown:
            self._stale_shown = False
            self.status_label.clear()
        self._show(board)
        self.refreshed.emit()

    def _load_failed(self, error: Exception) -> None:
        self._loading = False
        if self._again:
            self.refresh()
            return
        log.warning("lobby board: %s: %s", type(error).__name__, error)
        if isinstance(error, ServerUnreachableError):
            # What it showed stays: the desk can still read who was on site a moment ago.
            self._stale_shown = True
            self.status_label.show_error(
                self.tr("The server cannot be reached: the board shows the last known state.")
            )
        else:
            self.status_label.show_error(error_message(error))

    def _repaint(self) -> None:
        """The clock moved on: paint the rows again as of now; on a new day, read the board again
        (today's expected arrivals are another list)."""
        board = self._board
        if board is None or self.session is None:
            return
        if self._station.clock.now().astimezone(self._station.site.timezone).date() != self._shown_day:
            self.refresh()
        else:
            self._show(board)

    def _show(self, board: Board) -> None:
        now = self._station.clock.now()
        self._shown_day = now.astimezone(self._station.site.timezone).date()
        self.follow_up.show_board(board, now)
        self.inbox.show_board(board, now)
        self.mail.show_board(board, now)
        self.keys.show_board(board, now)
        self.duty.show_board(board, now)
        self.night.show_board(board, now)
        self.newspapers.show_board(board, now)
        self.repairs.show_board(board, now)
        waiting_selected = self._selected_waiting()
        self.waiting_model.set_waiting(board.waiting, now)
        # A visit turning red rings too, once per visit on this desk (kiosk.ui.common.desk_sound).
        self.alarm.ring_for(f"visit-{v.visit_id}" for v in board.waiting if self.waiting_model.overdue(v))
        for row, visit in enumerate(board.waiting):
            if visit.visit_id == waiting_selected:
                self.waiting_table.selectRow(row)
        selected = self.selected_visit_id()
        rows = board.on_site
        self.model.set_board(rows, now)
        self.count_label.setText(self.tr("%n on site").replace("%n", str(len(rows))))
        if selected is not None:
            for row, visitor in enumerate(rows):
                if visitor.visit_id == selected:
                    self.table.selectRow(row)
        self._show_alerts(board)

    def _show_alerts(self, board: Board) -> None:
        """The pass reconciliation while due; its discrepancies until a supervisor resolves them; the
        handover's open issues until closed."""
        passes = board.alerts
        alerts = []
        if passes.passes_due:
            alerts.append(self.tr("Machine-room pass reconciliation is due (09:00)."))
        if passes.pass_discrepancies:
            alerts.append(
                self.tr(
                    "Machine-room passes: %1 unresolved discrepancies (reconciled on %2); the supervisor is alerted."
                )
                .replace("%1", str(passes.pass_discrepancies))
                .replace("%2", passes.passes_oldest_open.isoformat() if passes.passes_oldest_open else "")
            )
        # Open issues from the shift handover stay here until someone closes them (Shift handover page).
        issues = board.alerts.handover_issues
        if issues:
            # On one wrapped line, not a line each: the board's lists below need the height.
            line = [self.tr("Open handover issues (%1):").replace("%1", str(len(issues)))]
            line += [f"• {issue}" for issue in issues[:5]]
            if len(issues) > 5:
                line.append(self.tr("… and %1 more.").replace("%1", str(len(issues) - 5)))
            alerts.append("　".join(line))
        # Someone may be guessing codes or names at a kiosk: a look at who stands there.
        zone = self._station.site.timezone
        for station in board.alerts.wrong_tries:
            alerts.append(
                self.tr(
                    "Kiosk %1: %2 wrong codes, names or card taps in a row (alert at %3). Please check who is there."
                )
                .replace("%1", station.station)
                .replace("%2", str(station.wrong_tries))
                .replace("%3", station.since.astimezone(zone).strftime("%H:%M"))
            )
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

    # --- decisions on waiting visits --------------------------------------------------------------
    def _decide(
        self,
        ask: Callable[[WaitingVisitor], str],
        decide: Callable[[int, str], object],
        done_text: str,
    ) -> None:
        """Ask about the selected waiting visit (``ask`` gives the note, "" if the desk cancels),
        then send the decision to the server off the GUI thread."""
        rows = self.waiting_table.selectionModel().selectedRows()
        if not rows:
            self.status_label.show_error(self.tr("Select a waiting visit first."))
            return
        visit = self.waiting_model.visit(rows[0].row())
        note = ask(visit)
        if not note:
            self.status_label.setText(self.tr("Nothing done."))
            return
        QueryOp(self, lambda: decide(visit.visit_id, note), lambda _r: self._done(done_text)).failure(
            self._failed
        ).run_in_background()

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

    def _call_question(self, visit: WaitingVisitor) -> str:
        return self.tr(
            "Whom did you call about %1, and what did they say? Agreed lets the visitor in."
        ).replace("%1", self._who_and_whom(visit))

    def _ask_decline(self, visit: WaitingVisitor) -> str:
        return ask_decline_reason(self, self._who_and_whom(visit))

    def _ask_release(self, visit: WaitingVisitor) -> str:
        text = self.tr("Release the watchlist hold on %1? The visit then waits for the host.").replace(
            "%1", self._who_and_whom(visit)
        )
        released = confirm(self, self.tr("Release the hold"), text, self.tr("Release hold"))
        return "released at the desk" if released else ""

    def _done(self, text: str) -> None:
        self.status_label.setText(text)
        self.refresh()  # the server's event follows too; the person who acted sees it at once

    def _failed(self, error: Exception) -> None:
        self.status_label.show_error(error_message(error))
        self.refresh()

    def _approve(self) -> None:
        if self._permitted(Permission.DECIDE_VISITS):
            rows = self.waiting_table.selectionModel().selectedRows()
            if not rows:
                self.status_label.show_error(self.tr("Select a waiting visit first."))
                return
            visit = self.waiting_model.visit(rows[0].row())
            recorder = CallRecorder(self, self._station, self.status_label, self.refresh)
            recorder.start(visit.visit_id, self._call_question(visit))

    def _decline(self) -> None:
        if self._permitted(Permission.DECIDE_VISITS):
            self._decide(self._ask_decline, self._station.visits.decline, self.tr("Declined."))

    def _release(self) -> None:
        if self._permitted(Permission.RELEASE_HOLDS):
            self._decide(
                self._ask_release,
                self._station.visits.release_hold,
                self.tr("Hold released: the visit now waits for the host."),
            )

    # --- the selected visitor on site -----------------------------------------------------------
    def _check_out(self) -> None:
        visit_id = self._selected_or_hint() if self._permitted(Permission.DECIDE_VISITS) else None
        if visit_id is None:
            return
        visits = self._station.visits
        rows = self.table.selectionModel().selectedRows()
        card = self.model.visitor(rows[0].row()).card_number if rows else ""

        def checked_out(_result: None) -> None:
            self._done(self.tr("Checked out."))
            # The visitor card handed back here: a deposit it carried is offered for refund.
            offer_refunds(
                self, self._station, DepositItem.VISITOR_CARD, [card] if card else [], self.status_label
            )

        QueryOp(self, lambda: visits.check_out(visit_id), checked_out).failure(
            self._failed
        ).run_in_background()

    def _retry_badge(self) -> None:
        visit_id = self._selected_or_hint() if self._permitted(Permission.DECIDE_VISITS) else None
        if visit_id is None:
            return
        self.retry_badge_button.setEnabled(False)
        station = self._station

        def print_again() -> PrintOutcome:
            # A waiting badge goes back to the printer where the visitor checked in; a printed one
            # is copied here, at this desk's printer: printed now, in the same background work.
            return station.printing.print_now(station.visits.print_badge_again(visit_id))

        QueryOp(self, print_again, self._badge_retried).failure(self._badge_retry_failed).run_in_background()

    def _badge_retried(self, outcome: PrintOutcome) -> None:
        self.retry_badge_button.setEnabled(True)
        printers = self._station.printers
        if outcome.printed:
            self.status_label.setText(
                self.tr("Badge printed on %1.").replace("%1", printer_name(printers, outcome.printer))
            )
        elif outcome.error is None:
            # The badge belongs to the printer of the station where the visitor checked in: that
            # station has been told and prints it; the board shows when it has.
            self.status_label.setText(self.tr("Badge sent to the printer where the visitor checked in."))
        else:
            self.status_label.show_error(
                self.tr("The printer did not print the badge: %1").replace(
                    "%1", print_problem(printers, outcome.error)
                )
            )
        self.refresh()

    def _badge_retry_failed(self, error: Exception) -> None:
        self.retry_badge_button.setEnabled(True)
        self._failed(error)

    def _issue_card(self) -> None:
        visit_id = self._selected_or_hint() if self._permitted(Permission.DECIDE_VISITS) else None
        issue, who = self._encode_card, self.session
        if visit_id is None or issue is None or who is None:
            return
        self.issue_card_button.setEnabled(False)
        self.status_label.setText(self.tr("Lay a blank or returned visitor card on the desk's encoder…"))
        QueryOp(self, lambda: issue(visit_id, who), self._card_issued).failure(
            self._card_failed
        ).run_in_background()

    def _card_issued(self, label: str) -> None:
        self.issue_card_button.setEnabled(True)
        self.status_label.setText(self.tr("Visitor card %1 issued.").replace("%1", label))
        self.refresh()

    def _card_failed(self, error: Exception) -> None:
        self.issue_card_button.setEnabled(True)
        if isinstance(error, ValidationError):
            self.status_label.show_error(error_message(error))
        else:
            self.status_label.show_error(
                self.tr("Visitor card not issued: %1").replace("%1", issue_failure_message(error))
            )
