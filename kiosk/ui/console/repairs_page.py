"""Repair requests (报修) at the desk: take a request (by phone or at the counter), find it in the
list (open, overdue, all; by number or unit) or by scanning its work order, and take it through
its steps: dispatch with a printed work order (派工单), the engineer's arrival and completion, the
resident's sign-off, the callback (回访), a reopen within the warranty; a supervisor cancels.

The site server keeps the requests and their clocks and decides every step; the work order
prints on this desk's own printer. Taking a request is a submit: pressed again after the server
did not answer, with the same details, it is stored once."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.api.repairs import RepairTake
from kiosk.client.http import RetryKey
from kiosk.client.station import Station
from kiosk.domain.complaints import Satisfaction
from kiosk.domain.errors import ValidationError
from kiosk.domain.repair_views import DispatchedRepair, ReopenedRepair, RepairEventView, RepairRow, RepairView
from kiosk.domain.repairs import (
    FINISHED,
    OPEN,
    RepairCategory,
    RepairClass,
    RepairClock,
    RepairEventKind,
    RepairStatus,
    read_repair_code,
    reopen_asks_caller,
)
from kiosk.domain.staff import Permission, SignedIn, allowed
from kiosk.domain.views import PrintOutcome
from kiosk.ui.common.i18n import current_language
from kiosk.ui.common.messages import page_message
from kiosk.ui.common.operations import QueryOp
from kiosk.ui.common.print_outcome import say_printed
from kiosk.ui.common.table_model import RowTableModel
from kiosk.ui.common.widgets import (
    SectionPage,
    action_button,
    label_value,
    local_stamp,
    named,
    print_problem,
    table_view,
)
from kiosk.ui.console.board_repairs import category_text, class_text, status_text
from kiosk.ui.console.repair_reopen import ask_reopen_caller


class RepairTableModel(RowTableModel[RepairRow]):
    def __init__(self, zone: ZoneInfo) -> None:
        super().__init__(
            (
                self.tr("Request"),
                self.tr("Taken"),
                self.tr("Unit"),
                self.tr("Category"),
                self.tr("Class"),
                self.tr("What"),
                self.tr("State"),
            )
        )
        self._zone = zone

    def repair(self, row: int) -> RepairRow:
        return self.row_value(row)

    def display(self, r: RepairRow, column: int) -> str:
        cells = (
            r.number,
            local_stamp(r.taken_at, self._zone),
            r.unit,
            category_text(r.category),
            class_text(r.repair_class),
            r.what,
            status_text(r.status),
        )
        return cells[column]


class RepairsPage(SectionPage):
    def __init__(self, station: Station) -> None:
        super().__init__()
        self.setObjectName("repairsPage")
        self._station = station
        self._zone = station.site.timezone
        self._take_key = RetryKey()
        self._shown: RepairView | None = None
        self._messages = self._page_messages()

        outer = QVBoxLayout(self)
        scroll = self._scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        layout = QVBoxLayout(body)

        # 1. Taking a request (场景四): which unit, who, how to call back, what and where.
        take_group = named(
            QGroupBox(self.tr("Take a repair request")), "repairTakeGroup", self.tr("New request")
        )
        form = QFormLayout(take_group)
        self.unit_edit = named(QLineEdit(), "repairUnitEdit", self.tr("Unit"))
        self.unit_edit.setPlaceholderText(self.tr("Unit, e.g. 2-104"))
        self.caller_edit = named(QLineEdit(), "repairCallerEdit", self.tr("Caller"))
        self.phone_edit = named(QLineEdit(), "repairPhoneEdit", self.tr("Phone to call back"))
        self.category_combo = named(QComboBox(), "repairCategoryCombo", self.tr("Category"))
        for category in RepairCategory:
            self.category_combo.addItem(category_text(category), category)
        self.urgent_radio = named(QRadioButton(self.tr("Urgent")), "repairUrgentRadio", self.tr("Urgent"))
        self.general_radio = named(QRadioButton(self.tr("General")), "repairGeneralRadio", self.tr("General"))
        self.general_radio.setChecked(True)
        class_row = QHBoxLayout()
        class_row.addWidget(self.urgent_radio)
        class_row.addWidget(self.general_radio)
        class_row.addStretch(1)
        self.location_edit = named(QLineEdit(), "repairLocationEdit", self.tr("Where"))
        self.location_edit.setPlaceholderText(self.tr("e.g. bathroom, kitchen, corridor"))
        self.what_edit = named(QLineEdit(), "repairWhatEdit", self.tr("What is broken"))
        form.addRow(self.tr("Unit"), self.unit_edit)
        form.addRow(self.tr("Caller"), self.caller_edit)
        form.addRow(self.tr("Phone"), self.phone_edit)
        form.addRow(self.tr("Category"), self.category_combo)
        form.addRow(self.tr("Class"), class_row)
        form.addRow(self.tr("Where"), self.location_edit)
        form.addRow(self.tr("What is broken"), self.what_edit)
        self.take_button = action_button(
            self.tr("Take the request"), "repairTakeButton", self.tr("Take the repair request")
        )
        self.take_button.clicked.connect(self.take)
        form.addRow(self.take_button)
        layout.addWidget(take_group)

        # 2. The list: open, overdue or all, by number or unit.
        list_row = QHBoxLayout()
        self.filter_combo = named(QComboBox(), "repairFilterCombo", self.tr("Which requests"))
        self.filter_combo.addItem(self.tr("Open"), "open")
        self.filter_combo.addItem(self.tr("Overdue"), "overdue")
        self.filter_combo.addItem(self.tr("All"), "all")
        self.filter_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.search_edit = named(QLineEdit(), "repairSearchEdit", self.tr("Request number or unit"))
        self.search_edit.setPlaceholderText(self.tr("Request number or unit; or scan the work order"))
        self.search_edit.returnPressed.connect(self.refresh)
        self.search_button = action_button(
            self.tr("Search"), "repairSearchButton", self.tr("Search the requests")
        )
        self.search_button.clicked.connect(self.refresh)
        list_row.addWidget(self.filter_combo)
        list_row.addWidget(self.search_edit, 1)
        list_row.addWidget(self.search_button)
        layout.addLayout(list_row)
        self.model = RepairTableModel(self._zone)
        self.table = table_view("repairTable", self.tr("Repair requests"), self.model)
        self.table.setMinimumHeight(160)
        self.table.clicked.connect(lambda index: self.open_repair(self.model.repair(index.row()).repair_id))
        layout.addWidget(self.table)

        # 3. The request shown: its details, timeline and next steps.
        self.detail_label = named(QLabel(), "repairDetailLabel", self.tr("The request"))
        self.detail_label.setWordWrap(True)
        layout.addWidget(self.detail_label)
        self.timeline = named(QListWidget(), "repairTimeline", self.tr("What happened so far"))
        self.timeline.setMaximumHeight(150)
        layout.addWidget(self.timeline)

        self.contractor_edit = named(QLineEdit(), "repairContractorEdit", self.tr("Outside contractor"))
        self.contractor_edit.setPlaceholderText(self.tr("Empty: the engineering department (工程部)"))
        self.engineer_edit = named(QLineEdit(), "repairEngineerEdit", self.tr("Engineer"))
        self.engineer_edit.setPlaceholderText(self.tr("Engineer (optional)"))
        self.dispatch_button = action_button(
            self.tr("Dispatch and print the work order"),
            "repairDispatchButton",
            self.tr("Dispatch the request"),
        )
        self.print_again_button = action_button(
            self.tr("Print the work order again"),
            "repairPrintAgainButton",
            self.tr("Print the work order again"),
        )
        dispatch_row = QHBoxLayout()
        dispatch_row.addWidget(self.contractor_edit, 1)
        dispatch_row.addWidget(self.engineer_edit, 1)
        dispatch_row.addWidget(self.dispatch_button)
        dispatch_row.addWidget(self.print_again_button)
        layout.addLayout(dispatch_row)

        self.arrived_button = action_button(
            self.tr("Engineer on site"), "repairArrivedButton", self.tr("Record the engineer's arrival")
        )
        self.completed_button = action_button(
            self.tr("Work completed"), "repairCompletedButton", self.tr("Record the completion")
        )
        self.signed_by_edit = named(QLineEdit(), "repairSignedByEdit", self.tr("Signed by"))
        self.signed_by_edit.setPlaceholderText(self.tr("Name the resident signed with"))
        self.sign_off_button = action_button(
            self.tr("Resident signed off"), "repairSignOffButton", self.tr("Record the resident's sign-off")
        )
        work_row = QHBoxLayout()
        work_row.addWidget(self.arrived_button)
        work_row.addWidget(self.completed_button)
        work_row.addWidget(self.signed_by_edit, 1)
        work_row.addWidget(self.sign_off_button)
        layout.addLayout(work_row)

        self.satisfaction_combo = named(
            QComboBox(), "repairSatisfactionCombo", self.tr("The resident's answer")
        )
        self.satisfaction_combo.addItem(self.tr("Satisfied"), Satisfaction.SATISFIED)
        self.satisfaction_combo.addItem(self.tr("Fairly satisfied"), Satisfaction.FAIRLY)
        self.satisfaction_combo.addItem(self.tr("Dissatisfied"), Satisfaction.DISSATISFIED)
        self.satisfaction_combo.addItem(self.tr("Nobody answered"), None)
        self.callback_button = action_button(
            self.tr("Record the callback"), "repairCallbackButton", self.tr("Record the callback")
        )
        self.reason_edit = named(QLineEdit(), "repairReasonEdit", self.tr("Reason"))
        self.reason_edit.setPlaceholderText(self.tr("Reason (reopen or cancel)"))
        self.reopen_button = action_button(
            self.tr("Reopen"), "repairReopenButton", self.tr("Reopen the request")
        )
        self.cancel_button = action_button(
            self.tr("Cancel the request"), "repairCancelButton", self.tr("Cancel the request")
        )
        follow_row = QHBoxLayout()
        follow_row.addWidget(self.satisfaction_combo)
        follow_row.addWidget(self.callback_button)
        follow_row.addWidget(self.reason_edit, 1)
        follow_row.addWidget(self.reopen_button)
        follow_row.addWidget(self.cancel_button)
        layout.addLayout(follow_row)

        self.status_label = self.add_status(layout, "repairStatus", self.tr("Last action result"))
        self.transient(
            self.unit_edit,
            self.caller_edit,
            self.phone_edit,
            self.location_edit,
            self.what_edit,
            self.search_edit,
            self.contractor_edit,
            self.engineer_edit,
            self.signed_by_edit,
            self.reason_edit,
        )
        self.dispatch_button.clicked.connect(self._dispatch)
        self.print_again_button.clicked.connect(self._print_again)
        self.arrived_button.clicked.connect(
            lambda: self._act(self._station.repairs.record_arrival, self.tr("Arrival recorded."))
        )
        self.completed_button.clicked.connect(
            lambda: self._act(
                self._station.repairs.record_completion, self.tr("Completion recorded: the clock stopped.")
            )
        )
        self.sign_off_button.clicked.connect(self._sign_off)
        self.callback_button.clicked.connect(self._callback)
        self.reopen_button.clicked.connect(self._reopen)
        self.cancel_button.clicked.connect(self._cancel)
        self._show(None)

    # --- the console's hooks --------------------------------------------------------------------
    def set_session(self, who: SignedIn | None) -> None:
        super().set_session(who)
        self._show(None)
        self.model.set_rows([])
        if who is not None and allowed(who.role, Permission.HANDLE_REPAIRS):
            self.refresh()

    def on_server_event(self, topic: str) -> None:
        if topic in ("repairs", "connected", "resync") and self._may(Permission.HANDLE_REPAIRS):
            self.refresh()
            if self._shown is not None:
                self.open_repair(self._shown.repair_id, quiet=True)

    def clear_transient(self) -> None:
        super().clear_transient()
        self._show(None)
        self.table.clearSelection()

    def _may(self, permission: Permission) -> bool:
        return self.session is not None and allowed(self.session.role, permission)

    # --- taking -----------------------------------------------------------------------------------
    def take(self) -> None:
        if not self._may(Permission.HANDLE_REPAIRS):
            return
        category = self.category_combo.currentData()
        assert isinstance(category, RepairCategory)
        request = RepairTake(
            unit=self.unit_edit.text()[:80],
            caller_name=self.caller_edit.text()[:80],
            phone=self.phone_edit.text()[:80],
            what=self.what_edit.text()[:500],
            location=self.location_edit.text()[:500],
            category=category,
            repair_class=RepairClass.URGENT if self.urgent_radio.isChecked() else RepairClass.GENERAL,
        )
        key = self._take_key.key_for(request)
        self.take_button.setEnabled(False)
        repairs = self._station.repairs
        QueryOp(self, lambda: repairs.take(request, key), self._taken).failure(
            self._take_failed
        ).run_in_background()

    def _taken(self, repair: RepairView) -> None:
        self._take_key.answered()
        self.take_button.setEnabled(True)
        for edit in (self.unit_edit, self.caller_edit, self.phone_edit, self.location_edit, self.what_edit):
            edit.clear()
        self.general_radio.setChecked(True)
        self._show_in_view(repair)
        self.status_label.setText(self.tr("Request %1 taken: dispatch it next.").replace("%1", repair.number))
        self.refresh()

    def _take_failed(self, error: Exception) -> None:
        self.take_button.setEnabled(True)
        self._failed(error)

    # --- the list and the request shown ------------------------------------------------------------
    def refresh(self) -> None:
        if not self._may(Permission.HANDLE_REPAIRS):
            return
        which = str(self.filter_combo.currentData())
        search = self.search_edit.text()
        repairs = self._station.repairs
        QueryOp(self, lambda: repairs.listing(which, search), self._listed, key="list").failure(
            self._failed
        ).run_in_background()

    def _listed(self, rows: list[RepairRow]) -> None:
        self.model.set_rows(rows)
        if len(rows) == 1 and read_repair_code(self.search_edit.text()) is not None:
            self.open_repair(rows[0].repair_id)  # a number typed or scanned into the search

    def open_repair(self, repair_id: int, quiet: bool = False) -> None:
        """Show the request, scrolled into view; ``quiet``: read again after a change elsewhere,
        the page left where it is and a failure not said."""
        repairs = self._station.repairs
        failed: Callable[[Exception], None] = (lambda _e: None) if quiet else self._failed
        shown: Callable[[RepairView], None] = self._show if quiet else self._show_in_view
        QueryOp(self, lambda: repairs.repair(repair_id), shown, key="detail").failure(
            failed
        ).run_in_background()

    def wants(self, code: str) -> bool:
        """Whether a scanned code is a work order's (the desk window hands those here)."""
        return read_repair_code(code) is not None

    def scanned(self, code: str) -> None:
        """A work order's QR scanned at this desk: bring its request up (the desk window took the
        code back out of the field it was typed into)."""
        if not self._may(Permission.HANDLE_REPAIRS):
            return
        repairs = self._station.repairs
        QueryOp(self, lambda: repairs.find(code), self._found, key="detail").failure(
            self._failed
        ).run_in_background()

    def _found(self, repair: RepairView) -> None:
        self._show_in_view(repair)
        self.status_label.setText(self.tr("Work order %1 scanned.").replace("%1", repair.number))

    # --- the steps --------------------------------------------------------------------------------
    def _act(self, call: Callable[[int], RepairView], done: str) -> None:
        shown = self._shown
        if shown is None or not self._may(Permission.HANDLE_REPAIRS):
            return
        QueryOp(self, lambda: call(shown.repair_id), lambda r: self._stepped(r, done)).failure(
            self._failed
        ).run_in_background()

    def _stepped(self, repair: RepairView, done: str) -> None:
        self._show(repair)
        self.status_label.setText(done)
        self.refresh()

    def _dispatch(self) -> None:
        shown = self._shown
        if shown is None or not self._may(Permission.HANDLE_REPAIRS):
            return
        contractor, engineer = self.contractor_edit.text(), self.engineer_edit.text()
        station, language = self._station, current_language()
        self.dispatch_button.setEnabled(False)

        def dispatch() -> DispatchedRepair:
            done = station.repairs.dispatch(shown.repair_id, contractor, engineer, language)
            # Printed now at this desk, in the same background work: the page says how it went.
            return replace(done, printed=station.printing.print_now(done.printed))

        QueryOp(self, dispatch, self._dispatched).failure(self._dispatch_failed).run_in_background()

    def _dispatched(self, done: DispatchedRepair) -> None:
        self.contractor_edit.clear()
        self.engineer_edit.clear()
        self._show(done.repair)
        self.refresh()
        assignee = done.repair.assignee
        if done.printed.error:
            self.status_label.show_error(
                self.tr("Dispatched to %1, but the printer did not print the work order: %2")
                .replace("%1", assignee)
                .replace("%2", print_problem(self._station.printers, done.printed.error))
            )
        else:
            self.status_label.setText(
                self.tr("Dispatched to %1; the work order is printed.").replace("%1", assignee)
            )

    def _dispatch_failed(self, error: Exception) -> None:
        self._show(self._shown)  # the buttons as the request stands
        self._failed(error)

    def _print_again(self) -> None:
        shown = self._shown
        if shown is None or not self._may(Permission.HANDLE_REPAIRS):
            return
        station = self._station
        QueryOp(
            self,
            lambda: station.printing.print_now(station.repairs.print_again(shown.repair_id)),
            self._reprinted,
        ).failure(self._failed).run_in_background()

    def _reprinted(self, outcome: PrintOutcome) -> None:
        words = (self.tr("The printer did not print the work order: %1"), self.tr("Work order copy printed."))
        say_printed(self.status_label, self._station.printers, outcome, words)

    def _sign_off(self) -> None:
        name = self.signed_by_edit.text()
        self._act(
            lambda repair_id: self._station.repairs.sign_off(repair_id, name),
            self.tr("Sign-off recorded."),
        )
        self.signed_by_edit.clear()

    def _callback(self) -> None:
        answer = self.satisfaction_combo.currentData()
        satisfaction = answer if isinstance(answer, Satisfaction) else None
        done = (
            self.tr("Callback recorded: the request is closed.")
            if satisfaction is not None
            else self.tr("Call recorded: nobody answered. Try again later.")
        )
        self._act(lambda repair_id: self._station.repairs.callback(repair_id, satisfaction), done)

    def _reopen(self) -> None:
        shown = self._shown
        if shown is None or not self._may(Permission.HANDLE_REPAIRS):
            return
        reason = self.reason_edit.text()
        if not reason.strip():  # said before the dialog asks the caller, not after
            self.status_label.show_error(page_message(self._messages, ValidationError("reason", "required")))
            return
        name = phone = ""
        now = self._station.clock.now()
        if reopen_asks_caller(shown.caller_name, shown.phone, shown.warranty_until, now):
            asked = ask_reopen_caller(self, shown, now)
            if asked is None:
                return
            name, phone = asked
        repairs = self._station.repairs
        QueryOp(self, lambda: repairs.reopen(shown.repair_id, reason, name, phone), self._reopened).failure(
            self._failed
        ).run_in_background()

    def _reopened(self, done: ReopenedRepair) -> None:
        self.reason_edit.clear()
        self._show(done.repair)
        if not done.same:
            # A new request: the old one's reading, asked on the server's event, must not land after.
            self.open_repair(done.repair.repair_id, quiet=True)
        if done.same:
            text = self.tr("Reopened under warranty: %1 is open again, its clocks from now.")
        else:
            text = self.tr("The warranty has ended: new request %1 taken for it.")
        self.status_label.setText(text.replace("%1", done.repair.number))
        self.refresh()

    def _cancel(self) -> None:
        if not self._may(Permission.CANCEL_REPAIRS):
            self.status_label.show_error(self.tr("Only a supervisor can cancel a repair request."))
            return
        reason = self.reason_edit.text()
        self._act(
            lambda repair_id: self._station.repairs.cancel(repair_id, reason),
            self.tr("Request cancelled; its reason is kept."),
        )
        self.reason_edit.clear()

    def _failed(self, error: Exception) -> None:
        self.status_label.show_error(page_message(self._messages, error))

    # --- showing ----------------------------------------------------------------------------------
    def _show(self, repair: RepairView | None) -> None:
        self._shown = repair
        self.timeline.clear()
        status = repair.status if repair is not None else None
        may = self._may(Permission.HANDLE_REPAIRS)
        self.dispatch_button.setEnabled(may and status in (RepairStatus.TAKEN, RepairStatus.DISPATCHED))
        self.print_again_button.setEnabled(may and repair is not None and bool(repair.assignee))
        self.arrived_button.setEnabled(may and status is RepairStatus.DISPATCHED)
        self.completed_button.setEnabled(may and status in (RepairStatus.DISPATCHED, RepairStatus.ON_SITE))
        self.sign_off_button.setEnabled(may and status is RepairStatus.COMPLETED)
        self.callback_button.setEnabled(may and status in (RepairStatus.COMPLETED, RepairStatus.SIGNED_OFF))
        self.reopen_button.setEnabled(may and status in FINISHED)
        self.cancel_button.setEnabled(self._may(Permission.CANCEL_REPAIRS) and status in OPEN)
        if repair is None:
            self.detail_label.setText(
                self.tr("Take a request, choose one in the list, or scan its work order.")
            )
            return
        self.detail_label.setText("\n".join(self._details(repair)))
        for event in repair.events:
            self.timeline.addItem(self._event_line(event))

    def _show_in_view(self, repair: RepairView) -> None:
        """``repair`` shown with its step buttons on screen: on a 1280x800 or 1366x768 desk they
        are under the form and the list, and a request chosen in the list (or scanned) came up
        out of sight, its buttons out of reach of a click."""
        self._show(repair)
        # Once the longer details are laid out (a posted layout request, handled before timers).
        QTimer.singleShot(0, self._bring_steps_into_view)

    def _bring_steps_into_view(self) -> None:
        # Down to the last line (the result of a step), then up to the request's first line if
        # both do not fit: the details come before the buttons.
        self._scroll.ensureWidgetVisible(self.status_label, 0, 8)
        self._scroll.ensureWidgetVisible(self.detail_label, 0, 8)

    def _details(self, r: RepairView) -> list[str]:
        zone = self._zone
        now = self._station.clock.now()
        lines = [
            f"{r.number} · {r.unit} {r.location}".strip()
            + f" · {category_text(r.category)} · {class_text(r.repair_class)}",
            label_value(self.tr("Caller"), f"{r.caller_name} {r.phone}"),
            label_value(self.tr("What is broken"), r.what),
            label_value(
                self.tr("State"),
                status_text(r.status) + (f" · {r.assignee} {r.engineer}".rstrip() if r.assignee else ""),
            ),
        ]
        if r.status in OPEN:
            if r.arrive_by is not None and r.arrived_at is None:
                lines.append(self._deadline(self.tr("On site by"), r.arrive_by, now))
            lines.append(self._deadline(self.tr("Fixed by"), r.fix_by, now))
        if r.cycle > 1:
            lines.append(self.tr("Reopened under warranty (%1 times).").replace("%1", str(r.cycle - 1)))
        if r.warranty_until is not None:
            lines.append(label_value(self.tr("Warranty until"), local_stamp(r.warranty_until, zone)))
        if r.follows:
            lines.append(self.tr("Follows request %1 (its warranty had ended).").replace("%1", r.follows))
        if r.cancel_reason:
            lines.append(label_value(self.tr("Cancelled"), r.cancel_reason))
        return lines

    def _deadline(self, label: str, due: datetime, now: datetime) -> str:
        text = label_value(label, local_stamp(due, self._zone))
        return text + " " + self.tr("(OVERDUE)") if now >= due else text

    def _event_line(self, event: RepairEventView) -> str:
        words = {
            RepairEventKind.TAKEN: self.tr("Taken"),
            RepairEventKind.DISPATCHED: self.tr("Dispatched"),
            RepairEventKind.ARRIVED: self.tr("Engineer on site"),
            RepairEventKind.COMPLETED: self.tr("Completed"),
            RepairEventKind.SIGNED_OFF: self.tr("Signed off by the resident"),
            RepairEventKind.CALLBACK: self.tr("Callback"),
            RepairEventKind.REOPENED: self.tr("Reopened under warranty"),
            RepairEventKind.CANCELLED: self.tr("Cancelled"),
            RepairEventKind.OVERDUE: self.tr("Overdue: the duty supervisor was alerted"),
        }
        parts = [local_stamp(event.at, self._zone), words[event.kind]]
        if event.clock is not None:
            parts.append(
                self.tr("on-site deadline")
                if event.clock is RepairClock.ARRIVAL
                else self.tr("repair deadline")
            )
        if event.satisfaction is not None:
            parts.append(
                self.satisfaction_combo.itemText(self.satisfaction_combo.findData(event.satisfaction))
            )
        elif event.kind is RepairEventKind.CALLBACK:
            parts.append(self.tr("nobody answered"))
        if event.note:
            parts.append(event.note)
        line = " · ".join(parts)
        return f"{line} — {event.actor_name}" if event.actor_name else line

    def _page_messages(self) -> dict[tuple[str, str], str]:
        """What to fix, in the desk's words (params fill %1 in order)."""
        busy = self.tr("Request %1 cannot take this step now: it is %2.")
        messages = {
            ("unit", "required"): self.tr("Please enter the unit, e.g. 2-104."),
            ("unit", "format"): self.tr("Please enter the unit as building-room, e.g. 2-104."),
            ("caller_name", "required"): self.tr("Please enter the caller's name."),
            ("caller_name", "too_long"): self.tr("The caller's name is too long: at most %1 characters."),
            ("phone", "required"): self.tr("Please enter a phone number to call back."),
            ("phone", "format"): self.tr("Please enter a phone number of 7 to 15 digits."),
            ("caller_name", "ask_again"): self.tr(
                "Ask who is calling: after the warranty, or once the caller's details are no longer "
                "kept, a reopen needs the caller's name again."
            ),
            ("phone", "ask_again"): self.tr(
                "Ask for a number to call back: after the warranty, or once the caller's details are "
                "no longer kept, a reopen needs the phone again."
            ),
            ("what", "required"): self.tr("Please say what is broken."),
            ("what", "too_long"): self.tr("Please describe it in at most %1 characters."),
            ("location", "too_long"): self.tr("Where: at most %1 characters."),
            ("contractor", "too_long"): self.tr("The contractor's name is too long: at most %1 characters."),
            ("engineer", "too_long"): self.tr("The engineer's name is too long: at most %1 characters."),
            ("signed_by", "required"): self.tr("Please enter the name the resident signed with."),
            ("reason", "required"): self.tr("Please give the reason."),
            ("reason", "too_long"): self.tr("Please keep the reason under %1 characters."),
            ("note", "too_long"): self.tr("Please keep the note under %1 characters."),
            ("repair", "unknown"): self.tr("This repair request does not exist."),
            ("repair", "not_dispatched"): self.tr("This request has no work order yet: dispatch it first."),
            ("repair_code", "format"): self.tr("This is not a work order's code."),
            ("search", "number_or_unit"): self.tr("Search by request number (BX000001) or unit (2-104)."),
            ("staff", "not_allowed"): self.tr("Your role cannot do this. Ask a supervisor."),
        }
        for status in RepairStatus:
            messages["repair", f"is_{status.value}"] = busy.replace("%2", status_text(status))
        return messages
