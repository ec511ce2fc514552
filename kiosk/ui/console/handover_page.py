"""Shift handover (交接班记录表) and the duty log (值班记录表) at the desk.

The outgoing clerk fills the record (counts pre-filled from the system where it knows them) and
signs with their PIN; the incoming clerk counts face to face, types their counts, notes any
difference and signs with their own staff number and PIN at the same console.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QTime
from PySide6.QtGui import QBrush, QColor, QShowEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.api.handover import HandoverBoard
from kiosk.client.station import Station
from kiosk.domain.errors import ValidationError
from kiosk.domain.handover import HandoverItemKind
from kiosk.domain.money import format_yuan, parse_yuan
from kiosk.domain.staff import Permission, SignedIn, allowed
from kiosk.domain.views import DutyLogView, HandoverItemView, HandoverView, IssueView, ItemCount, Prefill
from kiosk.ui.common.audit_words import ActorTableModel
from kiosk.ui.common.messages import error_message, page_message
from kiosk.ui.common.operations import QueryOp
from kiosk.ui.common.table_model import RowTableModel, keeping_selection
from kiosk.ui.common.widgets import SectionPage, action_button, date_time_edit, named, table_view

T = TypeVar("T")
MISMATCH = QColor("#ffcdd2")
# Object-name stems of the count fields, one per kind.
_FIELD = {
    HandoverItemKind.CASH: "Cash",
    HandoverItemKind.VISITOR_CARDS: "Cards",
    HandoverItemKind.MACHINE_ROOM_PASSES: "Passes",
    HandoverItemKind.DECORATION_PASSES: "DecorationPasses",
    HandoverItemKind.KEYS: "Keys",
}


def item_name(kind: HandoverItemKind) -> str:
    return {
        HandoverItemKind.CASH: QCoreApplication.translate("handover", "Cash (yuan)"),
        HandoverItemKind.VISITOR_CARDS: QCoreApplication.translate("handover", "Visitor cards"),
        HandoverItemKind.MACHINE_ROOM_PASSES: QCoreApplication.translate("handover", "Machine-room passes"),
        HandoverItemKind.DECORATION_PASSES: QCoreApplication.translate(
            "handover", "Decoration-worker passes"
        ),
        HandoverItemKind.KEYS: QCoreApplication.translate("handover", "Keys"),
    }[kind]


def show_count(kind: HandoverItemKind, value: int | None) -> str:
    if value is None:
        return ""
    return format_yuan(value) if kind is HandoverItemKind.CASH else str(value)


class ItemsTableModel(RowTableModel[HandoverItemView]):
    """What the outgoing clerk handed over and what the incoming clerk counted."""

    def __init__(self) -> None:
        super().__init__((self.tr("Item"), self.tr("Handed over"), self.tr("Counted")))

    def background(self, value: HandoverItemView, column: int) -> QBrush | None:
        return None if value.matches else QBrush(MISMATCH)

    def display(self, item: HandoverItemView, column: int) -> str:
        name = item_name(item.kind) + (f" · {item.label}" if item.label else "")
        return (name, show_count(item.kind, item.handed), show_count(item.kind, item.counted))[column]


class IssuesTableModel(ActorTableModel[IssueView]):
    def __init__(self, station: Station) -> None:
        super().__init__((self.tr("Raised"), self.tr("By"), self.tr("Open issue")))
        self._zone = station.site.timezone

    def entry(self, row: int) -> IssueView:
        return self.row_value(row)

    def display(self, issue: IssueView, column: int) -> str:
        when = issue.raised_at.astimezone(self._zone).strftime("%m-%d %H:%M")
        return (when, self.actor(issue.raised_by), issue.text)[column]


class HistoryTableModel(RowTableModel[HandoverView]):
    def __init__(self, station: Station) -> None:
        super().__init__(
            (self.tr("Handed over"), self.tr("By"), self.tr("Taken over by"), self.tr("Differences"))
        )
        self._zone = station.site.timezone

    def background(self, value: HandoverView, column: int) -> QBrush | None:
        return QBrush(MISMATCH) if column == 3 and value.discrepancy_note else None

    def display(self, h: HandoverView, column: int) -> str:
        if column == 0:
            return h.outgoing_signed_at.astimezone(self._zone).strftime("%m-%d %H:%M")
        if column == 1:
            return h.outgoing_name
        if column == 2:
            if h.incoming_signed_at is None:
                return self.tr("waiting for the signature")
            when = h.incoming_signed_at.astimezone(self._zone).strftime("%m-%d %H:%M")
            return f"{h.incoming_name} {when}"
        return h.discrepancy_note or "—"


class DutyLogTableModel(ActorTableModel[DutyLogView]):
    def __init__(self, station: Station) -> None:
        super().__init__(
            (
                self.tr("When"),
                self.tr("Where"),
                self.tr("What happened"),
                self.tr("Action taken"),
                self.tr("People involved"),
                self.tr("Recorded by"),
            )
        )
        self._zone = station.site.timezone

    def display(self, e: DutyLogView, column: int) -> str:
        when = e.occurred_at.astimezone(self._zone).strftime("%m-%d %H:%M")
        return (when, e.place, e.what, e.action_taken, e.people, self.actor(e.recorded_by))[column]


def _text_last(table: QTableView) -> None:
    """Short columns as wide as their contents; the last (free text) takes the rest."""
    header = table.horizontalHeader()
    for column in range(table.model().columnCount() - 1):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(table.model().columnCount() - 1, QHeaderView.ResizeMode.Stretch)


class HandoverPage(SectionPage):
    def __init__(self, station: Station) -> None:
        super().__init__()
        self.setObjectName("handoverPage")
        self._station = station
        self._pending: HandoverView | None = None
        # A request is under way: the buttons wait for its answer (a second tap would send it twice).
        self._sending = False
        # "Fill in again" was pressed: the next counts to arrive replace the clerk's own too.
        self._reset_counts = False
        # The system's figures last shown in the hand-over counts: a field still showing its
        # figure follows the system; one the clerk changed is the clerk's.
        self._system_cash = ""
        self._system_counts: dict[HandoverItemKind, int] = {}
        layout = QVBoxLayout(self)
        self.tabs = named(QTabWidget(), "handoverTabs", self.tr("Shift handover"))
        self.tabs.addTab(self._hand_over_tab(), self.tr("Hand over"))
        self.tabs.addTab(self._take_over_tab(), self.tr("Take over"))
        self.tabs.addTab(self._issues_tab(), self.tr("Open issues"))
        self.tabs.addTab(self._duty_log_tab(), self.tr("Duty log"))
        layout.addWidget(self.tabs, 1)
        self.status = self.add_status(layout, "handoverStatus", self.tr("Last action result"))
        self.transient(self.close_note)
        self.set_session(None)

    # --- layout ---------------------------------------------------------------------------------
    def _hand_over_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.prefill_label = named(QLabel(), "handoverPrefillLabel", self.tr("Where the counts come from"))
        self.prefill_label.setWordWrap(True)
        layout.addWidget(self.prefill_label)
        columns = QHBoxLayout()
        counts = QFormLayout()
        self.cash_edit = named(QLineEdit(), "handoverCashEdit", self.tr("Cash handed over, in yuan"))
        counts.addRow(item_name(HandoverItemKind.CASH), self.cash_edit)
        self.count_spins: dict[HandoverItemKind, QSpinBox] = {}
        for kind in HandoverItemKind:
            if kind is HandoverItemKind.CASH:
                continue
            spin = named(QSpinBox(), f"handover{_FIELD[kind]}Spin", item_name(kind))
            spin.setRange(0, 99999)
            counts.addRow(item_name(kind), spin)
            self.count_spins[kind] = spin
        self.keys_label_edit = named(QLineEdit(), "handoverKeysLabelEdit", self.tr("Which keys"))
        self.keys_label_edit.setPlaceholderText(self.tr("e.g. meeting rooms 301/302, store room"))
        counts.addRow(self.tr("Which keys"), self.keys_label_edit)
        self.prefill_button = action_button(
            self.tr("Fill in from the system again"),
            "handoverPrefillButton",
            self.tr("Fill in the counts again"),
        )
        self.prefill_button.clicked.connect(self.prefill)
        counts.addRow(self.prefill_button)
        columns.addLayout(counts, 1)
        texts = QFormLayout()
        self.work_edit = named(QPlainTextEdit(), "handoverWorkEdit", self.tr("Work done this shift"))
        self.issues_edit = named(QPlainTextEdit(), "handoverIssuesEdit", self.tr("Open issues, one per line"))
        self.notes_edit = named(QPlainTextEdit(), "handoverNotesEdit", self.tr("Notes for the next shift"))
        self.issues_edit.setPlaceholderText(
            self.tr("One open issue per line; they stay on the board until closed")
        )
        texts.addRow(self.tr("Work done"), self.work_edit)
        texts.addRow(self.tr("Open issues"), self.issues_edit)
        texts.addRow(self.tr("Notes"), self.notes_edit)
        columns.addLayout(texts, 2)
        layout.addLayout(columns, 1)
        sign = QHBoxLayout()
        self.outgoing_pin = named(QLineEdit(), "handoverOutgoingPinEdit", self.tr("Your PIN as signature"))
        self.outgoing_pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.outgoing_pin.setPlaceholderText(self.tr("Your PIN"))
        self.submit_button = action_button(
            self.tr("Sign and hand over"), "handoverSubmitButton", self.tr("Sign the handover record")
        )
        self.submit_button.clicked.connect(self._hand_over)
        sign.addWidget(QLabel(self.tr("Outgoing clerk signs:")))
        sign.addWidget(self.outgoing_pin, 1)
        sign.addWidget(self.submit_button)
        layout.addLayout(sign)
        return tab

    def _take_over_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.pending_label = named(QLabel(), "handoverPendingLabel", self.tr("The handover waiting for you"))
        self.pending_label.setWordWrap(True)
        layout.addWidget(self.pending_label)
        self.items_model = ItemsTableModel()
        self.items_table = table_view("handoverItemsTable", self.tr("Items handed over"), self.items_model)
        self.items_table.setMaximumHeight(200)  # five rows; the counts below stay close to them
        layout.addWidget(self.items_table)
        counted = QFormLayout()
        self.counted_edits: dict[HandoverItemKind, QLineEdit] = {}
        for kind in HandoverItemKind:
            edit = named(QLineEdit(), f"handoverCounted{_FIELD[kind]}Edit", item_name(kind))
            counted.addRow(item_name(kind), edit)
            self.counted_edits[kind] = edit
        self.discrepancy_edit = named(
            QLineEdit(), "handoverDiscrepancyEdit", self.tr("What is different and why")
        )
        self.discrepancy_edit.setPlaceholderText(self.tr("Needed when a count differs"))
        counted.addRow(self.tr("Differences"), self.discrepancy_edit)
        layout.addLayout(counted)
        sign = QHBoxLayout()
        self.incoming_user = named(
            QLineEdit(), "handoverIncomingUserEdit", self.tr("Incoming clerk's staff number")
        )
        self.incoming_user.setPlaceholderText(self.tr("Incoming clerk's staff number"))
        self.incoming_pin = named(QLineEdit(), "handoverIncomingPinEdit", self.tr("Incoming clerk's PIN"))
        self.incoming_pin.setPlaceholderText(self.tr("PIN"))
        self.incoming_pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.sign_button = action_button(
            self.tr("Counted — sign and take over"), "handoverSignButton", self.tr("The incoming clerk signs")
        )
        self.sign_button.clicked.connect(self._sign)
        sign.addWidget(QLabel(self.tr("Incoming clerk signs:")))
        sign.addWidget(self.incoming_user, 1)
        sign.addWidget(self.incoming_pin, 1)
        sign.addWidget(self.sign_button)
        layout.addLayout(sign)
        layout.addStretch(1)
        return tab

    def _issues_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.issues_model = IssuesTableModel(self._station)
        self.issues_table = table_view("handoverIssuesTable", self.tr("Open issues"), self.issues_model)
        _text_last(self.issues_table)
        layout.addWidget(self.issues_table, 2)
        close = QHBoxLayout()
        self.close_note = named(QLineEdit(), "handoverCloseNoteEdit", self.tr("How the issue was settled"))
        self.close_note.setPlaceholderText(self.tr("How it was settled"))
        self.close_issue_button = action_button(
            self.tr("Close the selected issue"),
            "handoverCloseIssueButton",
            self.tr("Close the selected issue"),
        )
        self.close_issue_button.clicked.connect(self._close_issue)
        close.addWidget(self.close_note, 1)
        close.addWidget(self.close_issue_button)
        layout.addLayout(close)
        layout.addWidget(QLabel(self.tr("Recent handovers")))
        self.history_model = HistoryTableModel(self._station)
        self.history_table = table_view(
            "handoverHistoryTable", self.tr("Recent handovers"), self.history_model
        )
        layout.addWidget(self.history_table, 1)
        return tab

    def _duty_log_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        form = QFormLayout()
        self.duty_time = date_time_edit("dutyTimeEdit", self.tr("When it happened"))
        self.duty_place = named(QLineEdit(), "dutyPlaceEdit", self.tr("Where"))
        self.duty_what = named(QLineEdit(), "dutyWhatEdit", self.tr("What happened"))
        self.duty_action = named(QLineEdit(), "dutyActionEdit", self.tr("Action taken"))
        self.duty_people = named(QLineEdit(), "dutyPeopleEdit", self.tr("People involved"))
        form.addRow(self.tr("When"), self.duty_time)
        form.addRow(self.tr("Where"), self.duty_place)
        form.addRow(self.tr("What happened"), self.duty_what)
        form.addRow(self.tr("Action taken"), self.duty_action)
        form.addRow(self.tr("People involved"), self.duty_people)
        self.duty_add_button = action_button(
            self.tr("Add to the duty log"), "dutyAddButton", self.tr("Add this incident to the duty log")
        )
        self.duty_add_button.clicked.connect(self._log_incident)
        form.addRow(self.duty_add_button)
        layout.addLayout(form)
        self.duty_model = DutyLogTableModel(self._station)
        self.duty_table = table_view("dutyLogTable", self.tr("Duty log"), self.duty_model)
        layout.addWidget(self.duty_table, 1)
        return tab

    # --- session and refresh --------------------------------------------------------------------
    def _permitted(self) -> SignedIn | None:
        who = self.session
        if who is None or not allowed(who.role, Permission.HANDOVER):
            self.status.show_error(self.tr("Your role cannot do this. Ask a supervisor."))
            return None
        return who

    def set_session(self, who: SignedIn | None) -> None:
        super().set_session(who)
        # A PIN typed before the console locked or changed hands is not left for the next person.
        self.outgoing_pin.clear()
        self.incoming_pin.clear()
        self._pending = None
        self._sending = False
        self._enable()
        if self._acting():
            self.prefill()
            self.refresh()
        else:
            self.items_model.set_rows([])
            self.history_model.set_rows([])
            self.issues_model.set_named_rows([], [])
            self.duty_model.set_named_rows([], [])

    def showEvent(self, event: QShowEvent) -> None:
        # Money and passes moved on other pages (and desks) since the last look.
        super().showEvent(event)
        if self._acting():
            self._fill()
            self.refresh()

    def on_server_event(self, topic: str) -> None:
        if not self._acting():
            return
        # Payments and passes move at other desks while the form is open; the clerk's own counts stay.
        if topic in ("payments", "passes", "keys", "handover", "connected", "resync"):
            self._fill()
        if topic in ("handover", "connected", "resync"):
            self.refresh()

    def _acting(self) -> bool:
        return self.session is not None and allowed(self.session.role, Permission.HANDOVER)

    def _enable(self) -> None:
        """The buttons as the page stands: none while a request is under way; handing over while
        no handover waits for its signature, countersigning while one does."""
        acting = self._acting() and not self._sending
        for button in (self.prefill_button, self.close_issue_button, self.duty_add_button):
            button.setEnabled(acting)
        self.sign_button.setEnabled(acting and self._pending is not None)
        self.submit_button.setEnabled(acting and self._pending is None)

    def refresh(self) -> None:
        QueryOp(self, self._station.handover.board, self._show_board, key="board").run_in_background()

    def _show_board(self, board: HandoverBoard) -> None:
        if not self._acting():  # not for whoever took over the console meanwhile
            return
        self._pending = board.pending
        self._show_pending(board.pending)
        keeping_selection(
            self.issues_table,
            self.issues_model,
            lambda issue: issue.issue_id,
            lambda: self.issues_model.set_named_rows(board.open_issues, board.staff),
        )
        self.tabs.setTabText(2, self.tr("Open issues (%1)").replace("%1", str(self.issues_model.rowCount())))
        self.history_model.set_rows(board.history)
        self.duty_model.set_named_rows(board.duty_log, board.staff)
        if not self.duty_place.text() and not self.duty_what.text():
            now = self._local_now()
            self.duty_time.setDateTime(
                QDateTime(QDate(now.year, now.month, now.day), QTime(now.hour, now.minute))
            )

    def _local_now(self) -> datetime:
        return self._station.clock.now().astimezone(self._station.site.timezone).replace(tzinfo=None)

    def prefill(self) -> None:
        """Start the counts from what the system knows; the clerk still counts and corrects.
        (The button: every count back to the system's, the clerk's own figures too.)"""
        self._reset_counts = True
        self._fill()

    def _fill(self) -> None:
        """Ask the server for the system's counts as of now (shown by :meth:`_show_prefill`)."""
        QueryOp(self, self._station.handover.prefill, self._show_prefill, key="prefill").run_in_background()

    def _show_prefill(self, prefill: Prefill) -> None:
        """Show the system's counts. A count the clerk changed stays theirs; one still showing the
        system's last figure follows the system (money taken meanwhile); after "Fill in again",
        every count is the system's."""
        if not self._acting():
            return
        keep_own, self._reset_counts = not self._reset_counts, False
        counts = prefill.counts
        cash = format_yuan(counts.get(HandoverItemKind.CASH, 0)).replace(",", "")
        if not keep_own or self.cash_edit.text() == self._system_cash:
            self.cash_edit.setText(cash)
        self._system_cash = cash
        for kind, spin in self.count_spins.items():
            if not keep_own or spin.value() == self._system_counts.get(kind):
                spin.setValue(counts.get(kind, 0))
            self._system_counts[kind] = counts.get(kind, 0)
        if prefill.since is not None:
            since = prefill.since.astimezone(self._station.site.timezone).strftime("%m-%d %H:%M")
            text = self.tr(
                "Pre-filled from the handover of %1 and the payments and passes since: count them anyway."
            ).replace("%1", since)
        else:
            text = self.tr(
                "No earlier handover: cash is the last 24 hours' takings, passes are the pool; count everything."
            )
        if prefill.passes_out:
            text += " " + self.tr(
                "%1 machine-room passes are out with visitors (not in the drawer)."
            ).replace("%1", str(prefill.passes_out))
        if prefill.keys.sets:
            # Keys come from the key register: the clerk counts them against it.
            text += " " + (
                self.tr(
                    "Keys from the key register: %1 registered, %2 out on loan; a different count is an open issue."
                )
                .replace("%1", str(prefill.keys.registered))
                .replace("%2", str(prefill.keys.out))
            )
        self.prefill_label.setText(text)

    def _show_pending(self, pending: HandoverView | None) -> None:
        if pending is None:
            self.pending_label.setText(self.tr("No handover is waiting for a signature."))
            self.items_model.set_rows([])
        else:
            zone = self._station.site.timezone
            when = pending.outgoing_signed_at.astimezone(zone).strftime("%m-%d %H:%M")
            lines = [
                self.tr("Handed over by %1 at %2. Count every item with them, then sign.")
                .replace("%1", pending.outgoing_name)
                .replace("%2", when),
                self.tr("Work done: %1").replace("%1", pending.work_done),
            ]
            if pending.issues:
                lines.append(self.tr("Open issues: %1").replace("%1", "; ".join(pending.issues)))
            if pending.notes:
                lines.append(self.tr("Notes: %1").replace("%1", pending.notes))
            self.pending_label.setText("\n".join(lines))
            self.items_model.set_rows(list(pending.items))
        kinds = {item.kind for item in pending.items} if pending is not None else set()
        for kind, edit in self.counted_edits.items():
            edit.setEnabled(kind in kinds)
            if kind not in kinds:
                edit.clear()
        self._enable()

    def _send(self, op: Callable[[], T], done: Callable[[T], None]) -> None:
        """``op`` at the server, off the GUI thread; ``done`` with its answer. The buttons wait
        for the answer; a refusal is worded by this page."""
        self._sending = True
        self._enable()

        def succeeded(result: T) -> None:
            self._sending = False
            self._enable()
            done(result)

        def failed(error: Exception) -> None:
            self._sending = False
            self._enable()
            self.status.show_error(
                self._message(error) if isinstance(error, ValidationError) else error_message(error)
            )

        QueryOp(self, op, succeeded).failure(failed).run_in_background()

    # --- the outgoing clerk -----------------------------------------------------------------------
    def _hand_over(self) -> None:
        who = self._permitted()
        if who is None:
            return
        pin = self.outgoing_pin.text()
        self.outgoing_pin.clear()
        try:
            items = [ItemCount(HandoverItemKind.CASH, self._cash(self.cash_edit.text()))]
        except ValidationError as error:
            self.status.show_error(self._message(error))
            return
        for kind, spin in self.count_spins.items():
            label = self.keys_label_edit.text() if kind is HandoverItemKind.KEYS else ""
            items.append(ItemCount(kind, spin.value(), label))
        work, notes = self.work_edit.toPlainText(), self.notes_edit.toPlainText()
        issues = self.issues_edit.toPlainText().splitlines()
        handover = self._station.handover
        # The outgoing clerk is whoever is signed in here: the server signs with their PIN.
        self._send(lambda: handover.hand_over(pin, work, items, issues, notes), self._handed_over)

    def _handed_over(self, _handover_id: int) -> None:
        for edit in (self.work_edit, self.issues_edit, self.notes_edit):
            edit.clear()
        self.keys_label_edit.clear()
        self.status.setText(
            self.tr("Handed over and signed. The incoming clerk counts and signs under Take over.")
        )
        self._pending = None
        self.refresh()
        self.tabs.setCurrentIndex(1)

    @staticmethod
    def _cash(text: str) -> int:
        # An empty drawer is a count too; parse_yuan takes only amounts a receipt can carry.
        return 0 if re.fullmatch(r"[¥￥]?0+(\.0*)?", text.strip()) else parse_yuan(text, "cash")

    # --- the incoming clerk -----------------------------------------------------------------------
    def _sign(self) -> None:
        who = self._permitted()
        pending = self._pending
        if who is None or pending is None:
            return
        pin = self.incoming_pin.text()
        self.incoming_pin.clear()
        counted: dict[HandoverItemKind, int] = {}
        for item in pending.items:
            text = self.counted_edits[item.kind].text().strip()
            if not text:
                self.status.show_error(
                    self.tr("Count every item and type what you counted: %1.").replace(
                        "%1", item_name(item.kind)
                    )
                )
                return
            try:
                if item.kind is HandoverItemKind.CASH:
                    counted[item.kind] = self._cash(text)
                elif not text.isdigit():
                    raise ValidationError("count", "not_a_number")
                else:
                    counted[item.kind] = int(text)
            except ValidationError as error:
                self.status.show_error(self._message(error))
                return
        handover_id, user, note = pending.handover_id, self.incoming_user.text(), self.discrepancy_edit.text()
        handover = self._station.handover
        self._send(lambda: handover.sign(handover_id, user, pin, counted, note), self._signed)

    def _signed(self, view: HandoverView) -> None:
        for edit in (*self.counted_edits.values(), self.discrepancy_edit, self.incoming_user):
            edit.clear()
        differ = [i for i in view.items if not i.matches]
        text = (
            self.tr("%1 took over from %2.")
            .replace("%1", view.incoming_name or "")
            .replace("%2", view.outgoing_name)
        )
        if differ:
            text += " " + self.tr("%1 counts differ: noted and put on the board as open issues.").replace(
                "%1", str(len(differ))
            )
        self.status.setText(text)
        self._pending = None
        self.refresh()
        self.prefill()

    # --- open issues and the duty log -------------------------------------------------------------
    def _close_issue(self) -> None:
        who = self._permitted()
        if who is None:
            return
        rows = self.issues_table.selectionModel().selectedRows()
        if not rows:
            self.status.show_error(self.tr("Select an open issue first."))
            return
        issue = self.issues_model.entry(rows[0].row())
        note, handover = self.close_note.text(), self._station.handover

        def closed(_result: None) -> None:
            self.close_note.clear()
            self.status.setText(self.tr("Issue closed: %1").replace("%1", issue.text))
            self.refresh()

        self._send(lambda: handover.close_issue(issue.issue_id, note), closed)

    def _log_incident(self) -> None:
        who = self._permitted()
        if who is None:
            return
        when = self.duty_time.dateTime().toPython()
        assert isinstance(when, datetime)
        occurred = when.replace(tzinfo=self._station.site.timezone)
        place, what = self.duty_place.text(), self.duty_what.text()
        action, people = self.duty_action.text(), self.duty_people.text()
        handover = self._station.handover
        self._send(lambda: handover.log_incident(occurred, place, what, action, people), self._logged)

    def _logged(self, _entry_id: int) -> None:
        for edit in (self.duty_place, self.duty_what, self.duty_action, self.duty_people):
            edit.clear()
        self.status.setText(self.tr("Added to the duty log."))
        self.refresh()

    def _message(self, error: ValidationError) -> str:
        messages = {
            ("work_done", "required"): self.tr("Write the work done this shift."),
            ("work_done", "too_long"): self.tr("The work done has at most %1 characters."),
            ("notes", "too_long"): self.tr("The notes have at most %1 characters."),
            ("issue", "too_long"): self.tr("An open issue has at most %1 characters."),
            ("label", "too_long"): self.tr("Which keys: at most %1 characters."),
            ("cash", "not_a_number"): self.tr("Type the cash in yuan, e.g. 350 or 349.50."),
            ("cash", "not_positive"): self.tr("The cash cannot be negative."),
            ("cash", "too_many_decimals"): self.tr("Yuan have at most two decimals (fen)."),
            ("cash", "too_large"): self.tr("This amount of cash is too large."),
            ("count", "negative"): self.tr("A count cannot be negative."),
            ("count", "not_a_number"): self.tr("Counts are whole numbers."),
            ("handover", "pending"): self.tr(
                "The last handover still waits for the incoming clerk's signature."
            ),
            ("handover", "already_signed"): self.tr("This handover is already signed."),
            ("handover", "unknown"): self.tr("This handover no longer exists."),
            ("handover", "altered"): self.tr(
                "The record was changed after the outgoing clerk signed: it cannot be countersigned. "
                "Call the supervisor."
            ),
            ("discrepancy_note", "required"): self.tr("A count differs: write what is different and why."),
            ("discrepancy_note", "too_long"): self.tr("The note has at most %1 characters."),
            ("credentials", "invalid"): self.tr("Staff number or PIN is wrong: nothing was signed."),
            ("signer", "not_allowed"): self.tr("This staff member does not do shift handovers."),
            ("incoming", "same_person"): self.tr(
                "The incoming clerk must be someone else than the outgoing one."
            ),
            ("issue", "already_closed"): self.tr("This issue is already closed."),
            ("issue", "unknown"): self.tr("This issue no longer exists."),
            ("note", "too_long"): self.tr("The note has at most %1 characters."),
            ("occurred_at", "in_the_future"): self.tr("The time of the incident is in the future."),
            ("place", "required"): self.tr("Write where it happened."),
            ("place", "too_long"): self.tr("Where: at most %1 characters."),
            ("what", "required"): self.tr("Write what happened."),
            ("what", "too_long"): self.tr("What happened: at most %1 characters."),
            ("action_taken", "too_long"): self.tr("Action taken: at most %1 characters."),
            ("people", "too_long"): self.tr("People involved: at most %1 characters."),
        }
        return page_message(messages, error)
