"""Key loans (钥匙借用) at the desk: the keys out now (red once past due), lending a set against ID
or a staff number, taking keys back, the register (kept by supervisors) and every loan, searched.

The ID number is never typed: the clerk looks at the card and types its type and last four.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QTime
from PySide6.QtGui import QBrush, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.client.http import RetryKey
from kiosk.client.station import Station
from kiosk.domain.errors import ValidationError
from kiosk.domain.key_loans import (
    KEYS_MAX,
    Borrower,
    KeyKind,
    KeyLoanView,
    KeySetView,
    KeysOverview,
    LoanState,
    SetDraft,
    identity_text,
)
from kiosk.domain.staff import Permission, SignedIn, allowed
from kiosk.domain.text import with_aside
from kiosk.ui.common.export_file import AskSavePath, ask_with_dialog, export_to_file
from kiosk.ui.common.messages import error_message, page_message
from kiosk.ui.common.operations import QueryOp
from kiosk.ui.common.table_model import RowTableModel, keeping_selection
from kiosk.ui.common.widgets import (
    SectionPage,
    action_button,
    cap_forms,
    date_time_edit,
    id_type_names,
    named,
    table_view,
)
from kiosk.ui.console.board_keys import AMBER, RED, due_text, kind_text
from kiosk.ui.console.hand_over_proof import IdLastFour
from kiosk.ui.console.lobby_board import format_duration

T = TypeVar("T")
_Loaded = tuple[KeysOverview, list[KeyLoanView], list[KeySetView]]


def _proof(loan: KeyLoanView) -> str:
    names = id_type_names()
    return identity_text(names.get(loan.id_type, loan.id_type), loan.id_last_four, loan.staff_number)


class LoansModel(RowTableModel[KeyLoanView]):
    """Loans with the borrower's proof (ID type and last four, or staff number) and the due time."""

    def __init__(self, station: Station, history: bool = False) -> None:
        headers = (
            self.tr("Keys"),
            self.tr("Borrower"),
            self.tr("ID / staff no."),
            self.tr("Lent"),
            self.tr("Due back"),
            self.tr("Out") if not history else self.tr("Back"),
        )
        super().__init__(headers)
        self._zone = station.site.timezone
        self._history = history
        self._now = station.clock.now()
        self._amber = timedelta(minutes=30)

    def set_loans(self, rows: list[KeyLoanView], now: datetime, amber: timedelta) -> None:
        self._now, self._amber = now, amber
        self.set_rows(rows)

    def loan(self, row: int) -> KeyLoanView:
        return self.row_value(row)

    def background(self, value: KeyLoanView, column: int) -> QBrush | None:
        if not value.open:
            return None
        state = value.state(self._now, self._amber)
        if state is LoanState.OVERDUE:
            return QBrush(RED)
        return QBrush(AMBER) if state is LoanState.DUE_SOON and column == 4 else None

    def display(self, loan: KeyLoanView, column: int) -> str:
        if column == 0:
            return f"{loan.set_label} · {loan.opens}"
        if column == 1:
            return with_aside(loan.borrower, loan.company)
        if column == 2:
            return _proof(loan)
        if column == 3:
            return f"{loan.lent_at.astimezone(self._zone):%m-%d %H:%M} {loan.lent_by_name}"
        if column == 4:
            if not loan.open:
                return f"{loan.due_at.astimezone(self._zone):%m-%d %H:%M}"
            return due_text(loan.due_at, self._now, self._zone, format_duration)
        if not self._history:
            return f"{loan.outstanding}/{loan.keys_lent}"
        back = f"{loan.keys_back}/{loan.keys_lent}"
        if loan.keys_lost:
            back += " · " + self.tr("%1 lost").replace("%1", str(loan.keys_lost))
        if loan.closed_at is not None and loan.returns:
            last = loan.returns[-1]
            back += f" · {last.at.astimezone(self._zone):%m-%d %H:%M} {last.received_by_name}"
        return back


class SetsModel(RowTableModel[KeySetView]):
    def __init__(self) -> None:
        super().__init__(
            (self.tr("Tag"), self.tr("Opens"), self.tr("Kind"), self.tr("At the desk"), self.tr("Kept at"))
        )

    def key_set(self, row: int) -> KeySetView:
        return self.row_value(row)

    def display(self, s: KeySetView, column: int) -> str:
        if column == 0:
            return s.label
        if column == 1:
            return s.opens
        if column == 2:
            return kind_text(s.kind)
        if column == 3:
            if s.retired_at is not None:
                return self.tr("Retired: %1").replace("%1", s.retired_reason)
            return f"{s.at_desk}/{s.key_count}"
        return s.kept_at


class KeyLoansPage(SectionPage):
    def __init__(self, station: Station) -> None:
        super().__init__()
        self.setObjectName("keyLoansPage")
        self._station = station
        self._overview: KeysOverview | None = None
        self._sending = False
        self._lend_key = RetryKey()
        self._chosen_loan: int | None = None
        self.ask_save_path: AskSavePath = ask_with_dialog(self)  # a test answers instead
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.search_edit = named(QLineEdit(), "keysSearchEdit", self.tr("Search keys and loans"))
        self.search_edit.setPlaceholderText(self.tr("Search: tag, room, borrower or staff number"))
        self.search_edit.returnPressed.connect(self.refresh)
        self.at_desk_label = named(QLabel(), "keysAtDeskLabel", self.tr("Keys that should be at the desk"))
        self.export_button = action_button(
            self.tr("Export Excel"), "keysExportButton", self.tr("Export the key register and its loans")
        )
        self.export_button.clicked.connect(self.export_xlsx)
        top.addWidget(self.search_edit, 2)
        top.addWidget(self.at_desk_label, 3)
        top.addWidget(self.export_button)
        layout.addLayout(top)
        self.tabs = named(QTabWidget(), "keysTabs", self.tr("Key loans"))
        self.tabs.addTab(self._out_tab(), self.tr("Out now"))
        self.tabs.addTab(self._lend_tab(), self.tr("Lend"))
        self.tabs.addTab(self._register_tab(), self.tr("Register"))
        self.tabs.addTab(self._history_tab(), self.tr("All loans"))
        layout.addWidget(self.tabs, 1)
        self.status = self.add_status(layout, "keysStatus", self.tr("Last action result"))
        self.transient(self.search_edit, self.borrower_edit, self.last_four_edit, self.staff_number_edit)
        cap_forms(self)
        self.set_session(None)

    # --- layout ---------------------------------------------------------------------------------
    def _out_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.loans_model = LoansModel(self._station)
        self.loans_table = table_view("keysLoansTable", self.tr("Keys out on loan"), self.loans_model)
        self.loans_table.selectionModel().selectionChanged.connect(self._loan_chosen)
        layout.addWidget(self.loans_table, 1)
        back = QHBoxLayout()
        self.return_count = named(QSpinBox(), "keysReturnCountSpin", self.tr("Keys handed back"))
        self.return_count.setRange(1, KEYS_MAX)
        self.return_note = named(QLineEdit(), "keysReturnNoteEdit", self.tr("Note on the return"))
        self.return_note.setPlaceholderText(self.tr("Not every key back? Say what happened to the rest"))
        self.return_button = action_button(
            self.tr("Taken back"), "keysReturnButton", self.tr("Record the keys handed back")
        )
        self.return_button.clicked.connect(self.take_back)
        back.addWidget(QLabel(self.tr("Keys back:")))
        back.addWidget(self.return_count)
        back.addWidget(self.return_note, 1)
        back.addWidget(self.return_button)
        layout.addLayout(back)
        lost = QHBoxLayout()
        self.write_off_reason = named(QLineEdit(), "keysWriteOffReasonEdit", self.tr("Why the keys are lost"))
        self.write_off_reason.setPlaceholderText(self.tr("Supervisor: why the keys will not come back"))
        self.write_off_button = action_button(
            self.tr("Write off as lost"), "keysWriteOffButton", self.tr("Write the keys off as lost")
        )
        self.write_off_button.clicked.connect(self.write_off)
        lost.addWidget(self.write_off_reason, 1)
        lost.addWidget(self.write_off_button)
        layout.addLayout(lost)
        return tab

    def _lend_tab(self) -> QWidget:
        tab = QWidget()
        form = QFormLayout(tab)
        self.set_combo = named(QComboBox(), "keysSetCombo", self.tr("Which keys"))
        self.set_combo.currentIndexChanged.connect(self._set_chosen)
        self.lend_count = named(QSpinBox(), "keysLendCountSpin", self.tr("How many keys"))
        self.lend_count.setRange(1, KEYS_MAX)
        self.borrower_edit = named(QLineEdit(), "keysBorrowerEdit", self.tr("Borrower's name"))
        self.company_edit = named(QLineEdit(), "keysCompanyEdit", self.tr("Company, unit or department"))
        self.phone_edit = named(QLineEdit(), "keysPhoneEdit", self.tr("Borrower's phone"))
        # Narrow, beside the staff number: the row stays as wide as the form's fields.
        self.id_proof = IdLastFour("keys", narrow=True)
        self.last_four_edit = self.id_proof.last_four_edit
        self.last_four_edit.setPlaceholderText(self.tr("Last four"))
        self.staff_number_edit = named(QLineEdit(), "keysStaffNumberEdit", self.tr("Staff number"))
        self.staff_number_edit.setPlaceholderText(self.tr("or staff number"))
        proof = self.id_proof.row
        proof.addWidget(self.staff_number_edit, 1)
        proof.addStretch(1)
        self.due_edit = date_time_edit("keysDueEdit", self.tr("Due back"))
        self.note_edit = named(QLineEdit(), "keysNoteEdit", self.tr("Note"))
        self.lend_button = action_button(self.tr("Lend"), "keysLendButton", self.tr("Lend the keys"))
        self.lend_button.clicked.connect(self.lend)
        form.addRow(self.tr("Keys"), self.set_combo)
        form.addRow(self.tr("How many"), self.lend_count)
        form.addRow(self.tr("Borrower"), self.borrower_edit)
        form.addRow(self.tr("Company / unit"), self.company_edit)
        form.addRow(self.tr("Phone"), self.phone_edit)
        form.addRow(self.tr("ID (last four) or staff no."), proof)
        form.addRow(self.tr("Due back"), self.due_edit)
        form.addRow(self.tr("Note"), self.note_edit)
        form.addRow(self.lend_button)
        return tab

    def _register_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.sets_model = SetsModel()
        self.sets_table = table_view("keysSetsTable", self.tr("The key register"), self.sets_model)
        self.sets_table.selectionModel().selectionChanged.connect(self._register_chosen)
        layout.addWidget(self.sets_table, 1)
        form = QFormLayout()
        self.label_edit = named(QLineEdit(), "keysLabelEdit", self.tr("Tag"))
        self.opens_edit = named(QLineEdit(), "keysOpensEdit", self.tr("What it opens"))
        self.kind_combo = named(QComboBox(), "keysKindCombo", self.tr("Kind"))
        for kind in KeyKind:
            self.kind_combo.addItem(kind_text(kind), kind)
        self.count_spin = named(QSpinBox(), "keysCountSpin", self.tr("Number of keys"))
        self.count_spin.setRange(1, KEYS_MAX)
        self.kept_at_edit = named(QLineEdit(), "keysKeptAtEdit", self.tr("Hook or cabinet"))
        self.reason_edit = named(QLineEdit(), "keysReasonEdit", self.tr("Reason for the change"))
        self.reason_edit.setPlaceholderText(self.tr("Needed to change or retire a set"))
        form.addRow(self.tr("Tag"), self.label_edit)
        form.addRow(self.tr("Opens"), self.opens_edit)
        form.addRow(self.tr("Kind"), self.kind_combo)
        form.addRow(self.tr("Keys"), self.count_spin)
        form.addRow(self.tr("Kept at"), self.kept_at_edit)
        form.addRow(self.tr("Reason"), self.reason_edit)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        self.add_set_button = action_button(
            self.tr("Add to the register"), "keysAddSetButton", self.tr("Add a set to the register")
        )
        self.change_set_button = action_button(
            self.tr("Save changes"), "keysChangeSetButton", self.tr("Save the selected set's changes")
        )
        self.retire_set_button = action_button(
            self.tr("Retire set"), "keysRetireSetButton", self.tr("Retire the selected set")
        )
        self.add_set_button.clicked.connect(self.add_set)
        self.change_set_button.clicked.connect(self.change_set)
        self.retire_set_button.clicked.connect(self.retire_set)
        for button in (self.add_set_button, self.change_set_button, self.retire_set_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        return tab

    def _history_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.history_model = LoansModel(self._station, history=True)
        self.history_table = table_view("keysHistoryTable", self.tr("Every loan"), self.history_model)
        layout.addWidget(self.history_table)
        return tab

    # --- session and reading ----------------------------------------------------------------------
    def _may(self, permission: Permission) -> bool:
        return self.session is not None and allowed(self.session.role, permission)

    def set_session(self, who: SignedIn | None) -> None:
        super().set_session(who)
        self._sending = False
        self._enable()
        if self._may(Permission.KEY_LOANS):
            self.refresh()
        else:
            self._overview = None
            for model in (self.loans_model, self.history_model):
                model.set_rows([])
            self.sets_model.set_rows([])

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._may(Permission.KEY_LOANS):
            self.refresh()

    def on_server_event(self, topic: str) -> None:
        if topic in ("keys", "connected", "resync") and self._may(Permission.KEY_LOANS):
            self.refresh()

    def poll(self) -> None:
        # The clock moves on: a loan turns amber, then red, without anything changing at the server.
        overview = self._overview
        if overview is not None:
            self._show_loans(overview.loans, self._station.clock.now())
            self._show_counts(overview)

    def _show_loans(self, loans: list[KeyLoanView], now: datetime) -> None:
        keeping_selection(
            self.loans_table,
            self.loans_model,
            lambda loan: loan.loan_id,
            lambda: self.loans_model.set_loans(loans, now, self._amber()),
        )

    def _enable(self) -> None:
        lending = self._may(Permission.KEY_LOANS) and not self._sending
        register = self._may(Permission.KEY_REGISTER) and not self._sending
        for button in (self.lend_button, self.return_button):
            button.setEnabled(lending)
        for button in (
            self.write_off_button,
            self.add_set_button,
            self.change_set_button,
            self.retire_set_button,
            self.export_button,
        ):
            button.setEnabled(register)
        self.write_off_reason.setEnabled(register)

    def _amber(self) -> timedelta:
        return timedelta(minutes=self._overview.amber_minutes if self._overview else 30)

    def refresh(self) -> None:
        keys, search = self._station.key_loans, self.search_edit.text()

        def load() -> _Loaded:
            return keys.overview(search), keys.loans("all", search), keys.sets(search, retired=True)

        QueryOp(self, load, self._loaded, key="overview").failure(self._failed).run_in_background()

    def _loaded(self, loaded: _Loaded) -> None:
        if not self._may(Permission.KEY_LOANS):
            return
        overview, history, register = loaded
        first = self._overview is None
        self._overview = overview
        now = self._station.clock.now()
        self._show_loans(overview.loans, now)
        self.history_model.set_loans(history, now, self._amber())
        keeping_selection(
            self.sets_table, self.sets_model, lambda s: s.set_id, lambda: self.sets_model.set_rows(register)
        )
        chosen = self.set_combo.currentData()
        self.set_combo.blockSignals(True)
        self.set_combo.clear()
        for s in overview.sets:
            text = self.tr("%1 · %2 (%3 at the desk)").replace("%1", s.label).replace("%2", s.opens)
            self.set_combo.addItem(text.replace("%3", str(s.at_desk)), s.set_id)
        index = self.set_combo.findData(chosen)
        self.set_combo.setCurrentIndex(max(0, index))
        self.set_combo.blockSignals(False)
        self._set_chosen()
        if first or not self.borrower_edit.text():
            self._show_due(overview.default_due)
        self._show_counts(overview)

    def _show_counts(self, overview: KeysOverview) -> None:
        desk = overview.at_desk
        now = self._station.clock.now()
        overdue = sum(1 for loan in overview.loans if loan.state(now, self._amber()) is LoanState.OVERDUE)
        text = (
            self.tr("At the desk: %1 keys (%2 registered, %3 out on loan)")
            .replace("%1", str(desk.expected))
            .replace("%2", str(desk.registered))
            .replace("%3", str(desk.out))
        )
        title = self.tr("Out now (%1)").replace("%1", str(len(overview.loans)))
        if overdue:
            text += " · " + self.tr("%1 OVERDUE").replace("%1", str(overdue))
            title += " ⚠"
        self.at_desk_label.setText(text)
        self.at_desk_label.setStyleSheet("color: #b71c1c; font-weight: bold;" if overdue else "")
        self.tabs.setTabText(0, title)

    def _show_due(self, due: datetime) -> None:
        local = due.astimezone(self._station.site.timezone)
        self.due_edit.setDateTime(
            QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))
        )

    def _failed(self, error: Exception) -> None:
        self.status.show_error(
            self._message(error) if isinstance(error, ValidationError) else error_message(error)
        )

    # --- choosing ---------------------------------------------------------------------------------
    def _selected_loan(self) -> KeyLoanView | None:
        rows = self.loans_table.selectionModel().selectedRows()
        return self.loans_model.loan(rows[0].row()) if rows else None

    def _loan_for(self, permission: Permission) -> KeyLoanView | None:
        """The loan chosen, when the clerk may act on it with ``permission``; None when not, or
        when no loan is chosen (the status says to choose one)."""
        loan = self._selected_loan()
        if not self._may(permission):
            return None
        if loan is None:
            self.status.show_error(self.tr("Select the loan the keys belong to first."))
        return loan

    def _selected_set(self) -> KeySetView | None:
        rows = self.sets_table.selectionModel().selectedRows()
        return self.sets_model.key_set(rows[0].row()) if rows else None

    def _loan_chosen(self) -> None:
        # Another loan chosen: its keys still out; the same one chosen again after a re-read keeps
        # the count the clerk typed.
        loan = self._selected_loan()
        if loan is not None and loan.loan_id != self._chosen_loan:
            self.return_count.setValue(loan.outstanding)
        self._chosen_loan = loan.loan_id if loan is not None else None

    def _set_chosen(self) -> None:
        overview, set_id = self._overview, self.set_combo.currentData()
        found = [s for s in overview.sets if s.set_id == set_id] if overview else []
        if found:
            self.lend_count.setValue(max(1, found[0].at_desk))

    def _register_chosen(self) -> None:
        chosen = self._selected_set()
        if chosen is None:
            return
        self.label_edit.setText(chosen.label)
        self.opens_edit.setText(chosen.opens)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(chosen.kind))
        self.count_spin.setValue(chosen.key_count)
        self.kept_at_edit.setText(chosen.kept_at)

    # --- acting -----------------------------------------------------------------------------------
    def _send(
        self, op: Callable[[], T], done: Callable[[T], None], failed: Callable[[], None] | None = None
    ) -> None:
        """``op`` at the server, off the GUI thread; the buttons wait for its answer."""
        self._sending = True
        self._enable()

        def succeeded(result: T) -> None:
            self._sending = False
            self._enable()
            done(result)
            self.refresh()

        def refused(error: Exception) -> None:
            self._sending = False
            self._enable()
            if failed is not None:
                failed()
            self._failed(error)

        QueryOp(self, op, succeeded).failure(refused).run_in_background()

    def lend(self) -> None:
        if not self._may(Permission.KEY_LOANS):
            return
        set_id = self.set_combo.currentData()
        if not isinstance(set_id, int):
            self.status.show_error(self.tr("No keys in the register to lend: a supervisor adds them first."))
            return
        when = self.due_edit.dateTime().toPython()
        assert isinstance(when, datetime)
        due = when.replace(tzinfo=self._station.site.timezone)
        id_type, last_four = self.id_proof.values()
        borrower = Borrower(
            self.borrower_edit.text(),
            self.company_edit.text(),
            self.phone_edit.text(),
            id_type if last_four.strip() else "",
            last_four,
            self.staff_number_edit.text(),
        )
        count, note, keys = self.lend_count.value(), self.note_edit.text(), self._station.key_loans
        key = self._lend_key.key_for((set_id, borrower, count, due, note))

        def lent(loan: KeyLoanView) -> None:
            self._lend_key.answered()
            for edit in (self.borrower_edit, self.company_edit, self.phone_edit, self.last_four_edit,
                         self.staff_number_edit, self.note_edit):  # fmt: skip
                edit.clear()
            when = loan.due_at.astimezone(self._station.site.timezone)
            self.status.setText(
                self.tr("Lent %1 keys of %2 to %3, due back %4.")
                .replace("%1", str(loan.keys_lent))
                .replace("%2", loan.set_label)
                .replace("%3", loan.borrower)
                .replace("%4", f"{when:%m-%d %H:%M}")
            )
            self.tabs.setCurrentIndex(0)

        self._send(lambda: keys.lend(set_id, borrower, count, due, note, key), lent)

    def take_back(self) -> None:
        loan = self._loan_for(Permission.KEY_LOANS)
        if loan is None:
            return
        count, note, keys = self.return_count.value(), self.return_note.text(), self._station.key_loans

        def back(result: KeyLoanView) -> None:
            self.return_note.clear()
            if result.open:
                text = self.tr("%1 keys of %2 back; %3 still out with %4.").replace(
                    "%3", str(result.outstanding)
                )
            else:
                text = self.tr("%1 keys of %2 back from %4: every key is back.")
            self.status.setText(
                text.replace("%1", str(count)).replace("%2", result.set_label).replace("%4", result.borrower)
            )

        self._send(lambda: keys.take_back(loan.loan_id, count, note), back)

    def write_off(self) -> None:
        loan = self._loan_for(Permission.KEY_REGISTER)
        if loan is None:
            return
        count, reason, keys = self.return_count.value(), self.write_off_reason.text(), self._station.key_loans

        def lost(result: KeyLoanView) -> None:
            self.write_off_reason.clear()
            self.status.setText(
                self.tr("%1 keys of %2 written off as lost; the register counts them no more.")
                .replace("%1", str(count))
                .replace("%2", result.set_label)
            )

        self._send(lambda: keys.write_off(loan.loan_id, count, reason), lost)

    def _draft(self) -> SetDraft:
        kind = self.kind_combo.currentData()
        assert isinstance(kind, KeyKind)
        return SetDraft(
            self.label_edit.text(),
            self.opens_edit.text(),
            self.count_spin.value(),
            self.kept_at_edit.text(),
            kind,
        )

    def _registered(self, done: str) -> Callable[[KeySetView], None]:
        def shown(key_set: KeySetView) -> None:
            for edit in (self.label_edit, self.opens_edit, self.kept_at_edit, self.reason_edit):
                edit.clear()
            self.status.setText(done.replace("%1", key_set.label))

        return shown

    def add_set(self) -> None:
        if not self._may(Permission.KEY_REGISTER):
            return
        draft, keys = self._draft(), self._station.key_loans
        self._send(lambda: keys.add_set(draft), self._registered(self.tr("%1 added to the register.")))

    def change_set(self) -> None:
        chosen = self._selected_set()
        if not self._may(Permission.KEY_REGISTER):
            return
        if chosen is None:
            self.status.show_error(self.tr("Select a set in the register first."))
            return
        draft, reason, keys = self._draft(), self.reason_edit.text(), self._station.key_loans
        done = self._registered(self.tr("%1 changed in the register."))
        self._send(lambda: keys.change_set(chosen.set_id, draft, reason), done)

    def retire_set(self) -> None:
        chosen = self._selected_set()
        if not self._may(Permission.KEY_REGISTER):
            return
        if chosen is None:
            self.status.show_error(self.tr("Select a set in the register first."))
            return
        reason, keys = self.reason_edit.text(), self._station.key_loans
        done = self._registered(self.tr("%1 retired: it stays on record and leaves the count."))
        self._send(lambda: keys.retire_set(chosen.set_id, reason), done)

    def export_xlsx(self) -> None:
        if not self._may(Permission.KEY_REGISTER):
            return
        today = self._station.clock.now().astimezone(self._station.site.timezone)
        words, keys = export_words(), self._station.key_loans

        def exported(saved: Path) -> None:
            self.status.setText(self.tr("Exported the key register to %1.").replace("%1", str(saved)))

        export_to_file(
            self,
            self.ask_save_path,
            (
                self.tr("Export the key register"),
                f"key-register-{today:%Y%m%d}.xlsx",
                self.tr("Excel workbooks (*.xlsx)"),
            ),
            lambda path, received: keys.export(path, words, received),
            exported,
            self.tr("Exporting the key register (KB received)"),
            self.status,
            self._failed,
        )

    def _message(self, error: ValidationError) -> str:
        messages = {
            ("label", "required"): self.tr("Write the tag on the keys."),
            ("label", "too_long"): self.tr("The tag has at most %1 characters."),
            ("label", "taken"): self.tr("A set in the register already has this tag."),
            ("opens", "required"): self.tr("Write the room or door the keys open."),
            ("opens", "too_long"): self.tr("What it opens: at most %1 characters."),
            ("kept_at", "too_long"): self.tr("Kept at: at most %1 characters."),
            ("key_count", "not_positive"): self.tr("A set has at least one key."),
            ("key_count", "too_many"): self.tr("A set has at most %1 keys."),
            ("key_count", "below_out"): self.tr("%1 keys of this set are out: the count cannot be lower."),
            ("reason", "required"): self.tr("Write the reason."),
            ("reason", "too_long"): self.tr("The reason has at most %1 characters."),
            ("set", "unknown"): self.tr("This set is no longer in the register."),
            ("set", "retired"): self.tr("This set is retired: it is not lent."),
            ("set", "on_loan"): self.tr("Keys of this set are out: take them back before retiring it."),
            ("set", "all_out"): self.tr("Every key of this set is out."),
            ("keys", "not_positive"): self.tr("At least one key."),
            ("keys", "too_many"): self.tr("At most %1 keys."),
            ("keys", "not_available"): self.tr("Only %1 keys of this set are at the desk."),
            ("keys", "more_than_out"): self.tr("Only %1 keys of this loan are out."),
            ("borrower", "required"): self.tr("Write the borrower's name."),
            ("borrower", "too_long"): self.tr("The name has at most %1 characters."),
            ("borrower", "invalid_character"): self.tr("The name cannot contain “%1”."),
            ("borrower", "no_letters"): self.tr("Write the borrower's name in letters."),
            ("identity", "required"): self.tr(
                "Type the last four of the borrower's ID, or their staff number."
            ),
            ("last_four", "length"): self.tr("Type exactly the last four characters of the ID number."),
            ("last_four", "characters"): self.tr("The last four are digits or letters (X)."),
            ("id_type", "unknown"): self.tr("Choose the kind of ID."),
            ("staff_number", "too_long"): self.tr("The staff number has at most %1 characters."),
            ("staff_number", "characters"): self.tr("A staff number has letters, digits and dashes only."),
            ("phone", "format"): self.tr("Type a phone number the desk can call (7 to 15 digits)."),
            ("company", "too_long"): self.tr("Company: at most %1 characters."),
            ("note", "too_long"): self.tr("The note has at most %1 characters."),
            ("note", "required_short"): self.tr(
                "%1 keys are still out: write in the note what happened to them."
            ),
            ("due_at", "past"): self.tr("The time due back has passed: choose a later one."),
            ("due_at", "too_far"): self.tr("A loan is at most %1 days."),
            ("loan", "unknown"): self.tr("This loan no longer exists."),
            ("loan", "closed"): self.tr("Every key of this loan is already back."),
            ("staff", "not_allowed"): self.tr("Your role cannot do this. Ask a supervisor."),
            ("search", "too_long"): self.tr("Search with at most %1 characters."),
        }
        return page_message(messages, error)


def export_words() -> dict[str, str]:
    """The workbook's sheets and headings in the console's language, for the server."""
    return {
        "Key register": QCoreApplication.translate("KeyLoansExport", "Key register"),
        "Key loans": QCoreApplication.translate("KeyLoansExport", "Key loans"),
        "Tag": QCoreApplication.translate("KeyLoansExport", "Tag"),
        "Opens": QCoreApplication.translate("KeyLoansExport", "Opens"),
        "Kind": QCoreApplication.translate("KeyLoansExport", "Kind"),
        "Keys": QCoreApplication.translate("KeyLoansExport", "Keys"),
        "Out": QCoreApplication.translate("KeyLoansExport", "Out"),
        "Kept at": QCoreApplication.translate("KeyLoansExport", "Kept at"),
        "Added": QCoreApplication.translate("KeyLoansExport", "Added"),
        "Retired": QCoreApplication.translate("KeyLoansExport", "Retired"),
        "Reason": QCoreApplication.translate("KeyLoansExport", "Reason"),
        "Loan": QCoreApplication.translate("KeyLoansExport", "Loan"),
        "Keys lent": QCoreApplication.translate("KeyLoansExport", "Keys lent"),
        "Borrower": QCoreApplication.translate("KeyLoansExport", "Borrower"),
        "Company": QCoreApplication.translate("KeyLoansExport", "Company"),
        "Phone": QCoreApplication.translate("KeyLoansExport", "Phone"),
        "ID (last four)": QCoreApplication.translate("KeyLoansExport", "ID (last four)"),
        "Staff number": QCoreApplication.translate("KeyLoansExport", "Staff number"),
        "Lent": QCoreApplication.translate("KeyLoansExport", "Lent"),
        "Lent by": QCoreApplication.translate("KeyLoansExport", "Lent by"),
        "Due back": QCoreApplication.translate("KeyLoansExport", "Due back"),
        "Keys back": QCoreApplication.translate("KeyLoansExport", "Keys back"),
        "Keys lost": QCoreApplication.translate("KeyLoansExport", "Keys lost"),
        "Closed": QCoreApplication.translate("KeyLoansExport", "Closed"),
        "Taken back by": QCoreApplication.translate("KeyLoansExport", "Taken back by"),
        "Note": QCoreApplication.translate("KeyLoansExport", "Note"),
        "Key": QCoreApplication.translate("KeyLoansExport", "Key"),
        "Access card": QCoreApplication.translate("KeyLoansExport", "Access card"),
    }
