"""Outgoing courier (快递寄发) at the desk: log what a department sends (the waybill's tracking
number typed or scanned into its field), find items by tracking number, item number, department
or the day they were logged, hand the waiting items of one company to its courier (their name and
their tick), void an item with the reason, and at the month's end print each company's statement
on this desk's printer and export the month's workbook for the settlement.

The site server keeps the book and decides every step; logging is a submit: pressed again after
the server did not answer, with the same details, it is stored once."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.api.courier import CourierItemDraft
from kiosk.client.http import RetryKey
from kiosk.client.station import Station
from kiosk.domain.courier import (
    CourierBatchView,
    CourierCompanyView,
    CourierItemStatus,
    CourierItemView,
    CourierMonth,
)
from kiosk.domain.errors import ValidationError
from kiosk.domain.money import format_yuan, parse_yuan
from kiosk.domain.monthly_figures import FIRST_YEAR, Month
from kiosk.domain.staff import Permission, SignedIn, allowed
from kiosk.domain.views import PrintOutcome
from kiosk.ui.common.export_file import AskSavePath, Received, ask_with_dialog, export_to_file
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
    table_view,
)
from kiosk.ui.console.courier_companies import CourierCompaniesBox

# Asks where to save: (dialog title, suggested file name, file-type filter) -> a path, "" if cancelled.


class CourierItemTableModel(RowTableModel[CourierItemView]):
    def __init__(self, zone: ZoneInfo) -> None:
        super().__init__(
            (
                self.tr("No."),
                self.tr("Logged"),
                self.tr("Courier"),
                self.tr("Tracking number"),
                self.tr("Department"),
                self.tr("Sender"),
                self.tr("Addressee"),
                self.tr("To"),
                self.tr("Cost"),
                self.tr("State"),
            )
        )
        self._zone = zone

    def item(self, row: int) -> CourierItemView:
        return self.row_value(row)

    def display(self, r: CourierItemView, column: int) -> str:
        cells = (
            r.number,
            local_stamp(r.logged_at, self._zone),
            r.company_code,
            r.tracking_number,
            r.department,
            r.sender,
            r.addressee,
            r.destination,
            "¥" + format_yuan(r.cost_fen),
            self.state_text(r.status),
        )
        return cells[column]

    def state_text(self, status: CourierItemStatus) -> str:
        return {
            CourierItemStatus.LOGGED: self.tr("Waiting for the courier"),
            CourierItemStatus.HANDED_OVER: self.tr("Handed over"),
            CourierItemStatus.VOIDED: self.tr("Voided"),
        }[status]


class StatementTableModel(RowTableModel[tuple[str, str, int, int]]):
    """The month's statements as rows: company, department, count, cost (a total row a company)."""

    def __init__(self) -> None:
        super().__init__((self.tr("Courier"), self.tr("Department"), self.tr("Items"), self.tr("Cost")))

    def display(self, r: tuple[str, str, int, int], column: int) -> str:
        return (r[0], r[1], str(r[2]), "¥" + format_yuan(r[3]))[column]


class CourierPage(SectionPage):
    def __init__(self, station: Station) -> None:
        super().__init__()
        self.setObjectName("courierPage")
        self._station = station
        self._zone = station.site.timezone
        self._log_key = RetryKey()
        self._editing: CourierItemView | None = None
        self._shown: CourierItemView | None = None
        self._companies: list[CourierCompanyView] = []
        self._messages = self._page_messages()
        self.ask_save_path: AskSavePath = ask_with_dialog(self)

        outer = QVBoxLayout(self)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        layout = QVBoxLayout(body)

        # 1. Logging an item (统一登记): who sends it, for which department, to whom, with which courier.
        log_group = named(QGroupBox(self.tr("Log an item to send")), "courierLogGroup", self.tr("New item"))
        form = QFormLayout(log_group)
        self.sender_edit = named(QLineEdit(), "courierSenderEdit", self.tr("Sender"))
        self.department_combo = named(QComboBox(), "courierDepartmentCombo", self.tr("Department"))
        self.department_combo.setEditable(True)
        self.department_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.addressee_edit = named(QLineEdit(), "courierAddresseeEdit", self.tr("Addressee"))
        self.destination_edit = named(QLineEdit(), "courierDestinationEdit", self.tr("Destination"))
        self.destination_edit.setPlaceholderText(self.tr("City and address"))
        self.company_combo = named(QComboBox(), "courierCompanyCombo", self.tr("Courier company"))
        self.tracking_edit = named(QLineEdit(), "courierTrackingEdit", self.tr("Tracking number"))
        self.tracking_edit.setPlaceholderText(self.tr("Type it or scan the waybill"))
        self.cost_edit = named(QLineEdit(), "courierCostEdit", self.tr("Cost (yuan)"))
        self.cost_edit.setPlaceholderText(self.tr("e.g. 23.00"))
        self.note_edit = named(QLineEdit(), "courierNoteEdit", self.tr("Note"))
        form.addRow(self.tr("Sender"), self.sender_edit)
        form.addRow(self.tr("Department"), self.department_combo)
        form.addRow(self.tr("Addressee"), self.addressee_edit)
        form.addRow(self.tr("Destination"), self.destination_edit)
        form.addRow(self.tr("Courier company"), self.company_combo)
        form.addRow(self.tr("Tracking number"), self.tracking_edit)
        form.addRow(self.tr("Cost (yuan)"), self.cost_edit)
        form.addRow(self.tr("Note"), self.note_edit)
        self.log_button = action_button(self.tr("Log the item"), "courierLogButton", self.tr("Log the item"))
        self.log_button.clicked.connect(self.log)
        self.cancel_edit_button = action_button(
            self.tr("Cancel the change"), "courierCancelEditButton", self.tr("Cancel the change")
        )
        self.cancel_edit_button.clicked.connect(self._end_edit)
        log_row = QHBoxLayout()
        log_row.addWidget(self.log_button)
        log_row.addWidget(self.cancel_edit_button)
        log_row.addStretch(1)
        form.addRow(log_row)
        layout.addWidget(log_group)

        # 2. The book: waiting, handed over, voided or all; by tracking number, department, day.
        list_row = QHBoxLayout()
        self.filter_combo = named(QComboBox(), "courierFilterCombo", self.tr("Which items"))
        self.filter_combo.addItem(self.tr("Waiting for the courier"), "waiting")
        self.filter_combo.addItem(self.tr("Handed over"), "handed_over")
        self.filter_combo.addItem(self.tr("Voided"), "voided")
        self.filter_combo.addItem(self.tr("All"), "all")
        self.filter_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.search_edit = named(QLineEdit(), "courierSearchEdit", self.tr("Search"))
        self.search_edit.setPlaceholderText(self.tr("Tracking number, item number or department"))
        self.search_edit.returnPressed.connect(self.refresh)
        self.day_check = named(QCheckBox(self.tr("Logged on")), "courierDayCheck", self.tr("Logged on"))
        self.day_edit = named(QDateEdit(), "courierDayEdit", self.tr("Day logged"))
        self.day_edit.setDisplayFormat("yyyy-MM-dd")
        self.day_edit.setCalendarPopup(True)
        today = station.clock.now().astimezone(self._zone).date()
        self.day_edit.setDate(QDate(today.year, today.month, today.day))
        self.search_button = action_button(
            self.tr("Search"), "courierSearchButton", self.tr("Search the book")
        )
        self.search_button.clicked.connect(self.refresh)
        for widget in (
            self.filter_combo,
            self.search_edit,
            self.day_check,
            self.day_edit,
            self.search_button,
        ):
            list_row.addWidget(widget, 1 if widget is self.search_edit else 0)
        layout.addLayout(list_row)
        self.model = CourierItemTableModel(self._zone)
        self.table = table_view("courierTable", self.tr("Courier items"), self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setMinimumHeight(180)
        self.table.clicked.connect(lambda index: self._show(self.model.item(index.row())))
        layout.addWidget(self.table)

        # 3. The batch the courier takes: the selected waiting items, their name and their tick.
        hand_row = QHBoxLayout()
        self.courier_name_edit = named(QLineEdit(), "courierNameEdit", self.tr("Courier's name"))
        self.courier_name_edit.setPlaceholderText(self.tr("Courier's name, as they sign"))
        self.signed_check = named(
            QCheckBox(self.tr("The courier checked the items and signs for them")),
            "courierSignedCheck",
            self.tr("The courier signs for the items"),
        )
        self.hand_over_button = action_button(
            self.tr("Hand the selected items to the courier"),
            "courierHandOverButton",
            self.tr("Hand the selected items to the courier"),
        )
        self.hand_over_button.clicked.connect(self.hand_over)
        hand_row.addWidget(self.courier_name_edit, 1)
        hand_row.addWidget(self.signed_check)
        hand_row.addWidget(self.hand_over_button)
        layout.addLayout(hand_row)

        # 4. The item shown: its details, a change while it waits, a void with the reason.
        self.detail_label = named(QLabel(), "courierDetailLabel", self.tr("The item"))
        self.detail_label.setWordWrap(True)
        layout.addWidget(self.detail_label)
        item_row = QHBoxLayout()
        self.edit_button = action_button(
            self.tr("Change it"), "courierEditButton", self.tr("Change the item")
        )
        self.edit_button.clicked.connect(self._begin_edit)
        self.reason_edit = named(QLineEdit(), "courierReasonEdit", self.tr("Reason"))
        self.reason_edit.setPlaceholderText(self.tr("Why it is voided"))
        self.void_button = action_button(
            self.tr("Void the item"), "courierVoidButton", self.tr("Void the item")
        )
        self.void_button.clicked.connect(self.void)
        item_row.addWidget(self.edit_button)
        item_row.addWidget(self.reason_edit, 1)
        item_row.addWidget(self.void_button)
        layout.addLayout(item_row)

        # 5. The month's end (每月月底费用结算): each company's statement, printed and exported.
        month_group = named(
            QGroupBox(self.tr("Month-end statement")), "courierMonthGroup", self.tr("Month-end statement")
        )
        month_layout = QVBoxLayout(month_group)
        month_row = QHBoxLayout()
        self.month_edit = named(QDateEdit(), "courierMonthEdit", self.tr("Month"))
        self.month_edit.setDisplayFormat("yyyy-MM")
        self.month_edit.setMinimumDate(QDate(FIRST_YEAR, 1, 1))
        self.month_edit.setDate(QDate(today.year, today.month, 1))
        self.month_edit.dateChanged.connect(lambda _d: self.refresh_month())
        self.statement_company_combo = named(
            QComboBox(), "courierStatementCompanyCombo", self.tr("Courier company of the statement")
        )
        self.print_button = action_button(
            self.tr("Print the statement"), "courierPrintStatementButton", self.tr("Print the statement")
        )
        self.print_button.clicked.connect(self.print_statement)
        self.export_button = action_button(
            self.tr("Export Excel"), "courierExportButton", self.tr("Export the month to Excel")
        )
        self.export_button.clicked.connect(self.export_xlsx)
        month_row.addWidget(QLabel(self.tr("Month")))
        month_row.addWidget(self.month_edit)
        month_row.addWidget(self.statement_company_combo, 1)
        month_row.addWidget(self.print_button)
        month_row.addWidget(self.export_button)
        month_layout.addLayout(month_row)
        self.month_model = StatementTableModel()
        self.month_table = table_view(
            "courierStatementTable", self.tr("The month per department"), self.month_model
        )
        self.month_table.setMinimumHeight(160)
        month_layout.addWidget(self.month_table)
        layout.addWidget(month_group)

        self.status_label = self.add_status(layout, "courierStatus", self.tr("Last action result"))
        # 6. The companies the desk sends with (supervisors keep the list).
        self.companies_box = CourierCompaniesBox(station, self.status_label, self._failed, self.reload)
        layout.insertWidget(layout.indexOf(self.status_label), self.companies_box)
        self.transient(
            self.sender_edit,
            self.addressee_edit,
            self.destination_edit,
            self.tracking_edit,
            self.cost_edit,
            self.note_edit,
            self.search_edit,
            self.courier_name_edit,
            self.reason_edit,
        )
        self._end_edit()
        self._show(None)

    # --- the console's hooks --------------------------------------------------------------------
    def set_session(self, who: SignedIn | None) -> None:
        super().set_session(who)
        self.model.set_rows([])
        self.month_model.set_rows([])
        self.companies_box.clear()
        self.companies_box.setVisible(
            who is not None and allowed(who.role, Permission.MANAGE_COURIER_COMPANIES)
        )
        if who is not None and allowed(who.role, Permission.COURIER):
            self.reload()

    def on_server_event(self, topic: str) -> None:
        if topic in ("courier", "connected", "resync") and self._may():
            self.reload()

    def clear_transient(self) -> None:
        super().clear_transient()
        self.department_combo.setEditText("")
        self.signed_check.setChecked(False)
        self._end_edit()
        self._show(None)
        self.table.clearSelection()

    def _may(self, permission: Permission = Permission.COURIER) -> bool:
        return self.session is not None and allowed(self.session.role, permission)

    def reload(self) -> None:
        """The companies, the departments, the book and the month: all read again."""
        courier = self._station.courier
        QueryOp(
            self, lambda: (courier.companies(True), courier.departments()), self._choices, key="choices"
        ).failure(self._failed).run_in_background()
        self.refresh()
        self.refresh_month()

    def _choices(self, found: tuple[list[CourierCompanyView], list[str]]) -> None:
        companies, departments = found
        self._companies = companies
        self.companies_box.show_companies(companies)
        lang = current_language()
        for combo, shown in (
            (self.company_combo, [c for c in companies if c.active]),
            (self.statement_company_combo, companies),
        ):
            chosen = combo.currentData()
            combo.clear()
            for company in shown:
                label = company.label(lang) + ("" if company.active else " " + self.tr("(retired)"))
                combo.addItem(f"{company.code} · {label}", company.company_id)
            if chosen is not None and combo.findData(chosen) >= 0:
                combo.setCurrentIndex(combo.findData(chosen))
        typed = self.department_combo.currentText()
        self.department_combo.clear()
        self.department_combo.addItems(departments)
        self.department_combo.setEditText(typed)

    # --- logging --------------------------------------------------------------------------------
    def _draft(self) -> CourierItemDraft | None:
        company_id = self.company_combo.currentData()
        if not isinstance(company_id, int):
            self.status_label.show_error(self.tr("Choose the courier company."))
            return None
        try:
            cost = parse_yuan(self.cost_edit.text(), "cost")
        except ValidationError as error:
            self.status_label.show_error(page_message(self._messages, error))
            return None
        return CourierItemDraft(
            sender=self.sender_edit.text()[:80],
            department=self.department_combo.currentText()[:80],
            addressee=self.addressee_edit.text()[:80],
            destination=self.destination_edit.text()[:500],
            company_id=company_id,
            tracking_number=self.tracking_edit.text()[:80],
            cost_fen=cost,
            note=self.note_edit.text()[:500],
        )

    def log(self) -> None:
        """Log the item in the form (or save the change to the item being changed)."""
        if not self._may():
            return
        draft = self._draft()
        if draft is None:
            return
        courier, editing = self._station.courier, self._editing
        key = self._log_key.key_for((editing.item_id if editing else None, draft))
        self.log_button.setEnabled(False)
        if editing is not None:
            call: Callable[[], CourierItemView] = lambda: courier.edit(editing.item_id, draft, key)  # noqa: E731
        else:
            call = lambda: courier.log(draft, key)  # noqa: E731
        QueryOp(self, call, self._logged).failure(self._log_failed).run_in_background()

    def _logged(self, item: CourierItemView) -> None:
        self._log_key.answered()
        changed = self._editing is not None
        self._end_edit()
        self._show(item)
        text = (
            self.tr("Item %1 changed.") if changed else self.tr("Item %1 logged: it waits for the courier.")
        )
        self.status_label.setText(text.replace("%1", item.number))
        self.reload()

    def _log_failed(self, error: Exception) -> None:
        self.log_button.setEnabled(True)
        self._failed(error)

    def _begin_edit(self) -> None:
        item = self._shown
        if item is None or item.status is not CourierItemStatus.LOGGED:
            return
        self._editing = item
        self.sender_edit.setText(item.sender)
        self.department_combo.setEditText(item.department)
        self.addressee_edit.setText(item.addressee)
        self.destination_edit.setText(item.destination)
        index = self.company_combo.findData(item.company_id)
        if index >= 0:
            self.company_combo.setCurrentIndex(index)
        self.tracking_edit.setText(item.tracking_number)
        self.cost_edit.setText(format_yuan(item.cost_fen).replace(",", ""))
        self.note_edit.setText(item.note)
        self.log_button.setText(self.tr("Save the change to %1").replace("%1", item.number))
        self.cancel_edit_button.setVisible(True)
        self.sender_edit.setFocus()

    def _end_edit(self) -> None:
        self._editing = None
        for edit in (
            self.sender_edit,
            self.addressee_edit,
            self.destination_edit,
            self.tracking_edit,
            self.cost_edit,
            self.note_edit,
        ):
            edit.clear()
        self.department_combo.setEditText("")
        self.log_button.setText(self.tr("Log the item"))
        self.log_button.setEnabled(True)
        self.cancel_edit_button.setVisible(False)

    # --- the book -------------------------------------------------------------------------------
    def refresh(self) -> None:
        if not self._may():
            return
        which = str(self.filter_combo.currentData())
        search = self.search_edit.text()
        picked = self.day_edit.date()
        day = date(picked.year(), picked.month(), picked.day()) if self.day_check.isChecked() else None
        courier = self._station.courier
        QueryOp(self, lambda: courier.listing(which, search, day), self.model.set_rows, key="list").failure(
            self._failed
        ).run_in_background()

    def selected_items(self) -> list[CourierItemView]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.model.item(row) for row in rows]

    def hand_over(self) -> None:
        """The selected waiting items to the courier, who signs for them as a batch."""
        if not self._may():
            return
        items = self.selected_items()
        if not items:
            self.status_label.show_error(self.tr("Select the items the courier takes in the list."))
            return
        name, signed = self.courier_name_edit.text(), self.signed_check.isChecked()
        courier = self._station.courier
        ids = [item.item_id for item in items]
        QueryOp(self, lambda: courier.hand_over(ids, name, signed), self._handed_over).failure(
            self._failed
        ).run_in_background()

    def _handed_over(self, batch: CourierBatchView) -> None:
        self.courier_name_edit.clear()
        self.signed_check.setChecked(False)
        lines = [
            self.tr("Batch %1: %2 items handed to %3 (%4), ¥%5.")
            .replace("%1", batch.number)
            .replace("%2", str(len(batch.items)))
            .replace("%3", batch.courier_name)
            .replace("%4", batch.company_code)
            .replace("%5", format_yuan(batch.cost_fen))
        ]
        lines += [f"{i.number} · {i.tracking_number} · {i.department} · {i.addressee}" for i in batch.items]
        self._shown = None
        self.detail_label.setText("\n".join(lines))
        self.status_label.setText(lines[0])
        self._show_buttons()
        self.reload()

    # --- the item shown -------------------------------------------------------------------------
    def _show(self, item: CourierItemView | None) -> None:
        self._shown = item
        self._show_buttons()
        if item is None:
            self.detail_label.setText(
                self.tr("Log an item, or choose one in the list; select several to hand them to the courier.")
            )
            return
        lines = [
            f"{item.number} · {item.company_name} {item.tracking_number} · "
            + self.model.state_text(item.status),
            label_value(self.tr("Sender"), f"{item.sender} ({item.department})"),
            label_value(self.tr("Addressee"), f"{item.addressee}, {item.destination}"),
            label_value(self.tr("Cost"), "¥" + format_yuan(item.cost_fen)),
            label_value(
                self.tr("Logged"), f"{local_stamp(item.logged_at, self._zone)} {item.logged_by_name}"
            ),
        ]
        if item.note:
            lines.append(label_value(self.tr("Note"), item.note))
        if item.batch_number:
            lines.append(
                label_value(
                    self.tr("Handed over"),
                    f"{local_stamp(item.handed_at, self._zone)} · {item.batch_number} · {item.courier_name}",
                )
            )
        if item.status is CourierItemStatus.VOIDED:
            lines.append(
                label_value(
                    self.tr("Voided"),
                    f"{local_stamp(item.voided_at, self._zone)} {item.voided_by_name}: {item.void_reason}",
                )
            )
        self.detail_label.setText("\n".join(lines))

    def _show_buttons(self) -> None:
        item = self._shown
        status = item.status if item is not None else None
        self.edit_button.setEnabled(self._may() and status is CourierItemStatus.LOGGED)
        self.void_button.setEnabled(
            (self._may() and status is CourierItemStatus.LOGGED)
            or (self._may(Permission.VOID_HANDED_OVER_COURIER) and status is CourierItemStatus.HANDED_OVER)
        )

    def void(self) -> None:
        item = self._shown
        if item is None or not self._may():
            return
        reason = self.reason_edit.text()
        courier = self._station.courier
        QueryOp(self, lambda: courier.void(item.item_id, reason), self._voided).failure(
            self._failed
        ).run_in_background()

    def _voided(self, item: CourierItemView) -> None:
        self.reason_edit.clear()
        self._show(item)
        self.status_label.setText(self.tr("Item %1 voided; its reason is kept.").replace("%1", item.number))
        self.reload()

    # --- the month's end ------------------------------------------------------------------------
    def month(self) -> Month:
        picked = self.month_edit.date()
        return Month(picked.year(), picked.month())

    def refresh_month(self) -> None:
        if not self._may():
            return
        courier, month = self._station.courier, self.month()
        QueryOp(self, lambda: courier.month(month), self._month_shown, key="month").failure(
            self._failed
        ).run_in_background()

    def _month_shown(self, month: CourierMonth) -> None:
        rows: list[tuple[str, str, int, int]] = []
        lang = current_language()
        for s in month.statements:
            name = s.company_name_en if lang == "en" and s.company_name_en else s.company_name
            rows += [(name, d.department, d.count, d.cost_fen) for d in s.departments]
            rows.append((name, self.tr("Total"), s.count, s.cost_fen))
        self.month_model.set_rows(rows)

    def print_statement(self) -> None:
        company_id = self.statement_company_combo.currentData()
        if not self._may() or not isinstance(company_id, int):
            return
        station, month, language = self._station, self.month(), current_language()

        def work() -> PrintOutcome:
            queued = station.courier.print_statement(month, company_id, language)
            # Printed now at this desk, in the same background work: the page says how it went.
            return station.printing.print_now(queued)

        QueryOp(self, work, self._printed).failure(self._failed).run_in_background()

    def _printed(self, outcome: PrintOutcome) -> None:
        words = (
            self.tr("The printer did not print the statement: %1"),
            self.tr("The statement of %1 is printed.").replace("%1", str(self.month())),
        )
        say_printed(self.status_label, self._station.printers, outcome, words)

    def export_xlsx(self) -> None:
        """The month's workbook for the settlement: a sheet per company, then every item."""
        if not self._may():
            return
        month = self.month()
        courier, language = self._station.courier, current_language()

        def write(path: Path, received: Received) -> Path:
            return courier.export(month, path, language, received)

        def exported(saved: Path) -> None:
            self.status_label.setText(
                self.tr("Exported the statement of %1 to %2.")
                .replace("%1", str(month))
                .replace("%2", str(saved))
            )

        export_to_file(
            self,
            self.ask_save_path,
            (
                self.tr("Export the month's courier statement"),
                f"courier-statement-{month}.xlsx",
                self.tr("Excel workbooks (*.xlsx)"),
            ),
            write,
            exported,
            self.tr("Exporting the courier statement (KB received)"),
            self.status_label,
            self._failed,
        )

    # --- saying what went wrong -----------------------------------------------------------------
    def _failed(self, error: Exception) -> None:
        self.status_label.show_error(page_message(self._messages, error))

    def _page_messages(self) -> dict[tuple[str, str], str]:
        """What to fix, in the desk's words (params fill %1 in order)."""
        messages = {
            ("sender", "required"): self.tr("Please enter who sends it."),
            ("sender", "too_long"): self.tr("The sender's name is too long: at most %1 characters."),
            ("department", "required"): self.tr("Please enter the sending department."),
            ("department", "too_long"): self.tr("The department is too long: at most %1 characters."),
            ("addressee", "required"): self.tr("Please enter the addressee."),
            ("addressee", "too_long"): self.tr("The addressee is too long: at most %1 characters."),
            ("destination", "required"): self.tr("Please enter where it goes."),
            ("destination", "too_long"): self.tr("The destination is too long: at most %1 characters."),
            ("note", "too_long"): self.tr("Please keep the note under %1 characters."),
            ("tracking_number", "required"): self.tr("Please type or scan the waybill's tracking number."),
            ("tracking_number", "format"): self.tr(
                "This is not a tracking number: 6 to 32 letters and digits, as on the waybill."
            ),
            ("tracking_number", "duplicate"): self.tr(
                "This tracking number is already in the book as item %1."
            ),
            ("cost", "not_a_number"): self.tr("Please enter the cost in yuan, e.g. 23.00."),
            ("cost", "not_positive"): self.tr("The cost must be more than zero."),
            ("cost", "too_many_decimals"): self.tr("The cost has at most two decimals (fen)."),
            ("cost", "too_large"): self.tr("This cost is too large."),
            ("company", "unknown"): self.tr("This courier company is not on the list."),
            ("company", "retired"): self.tr("%1 is no longer used: choose another courier company."),
            ("items", "required"): self.tr("Select the items the courier takes in the list."),
            ("items", "too_many"): self.tr("At most %1 items in one batch."),
            ("items", "mixed_companies"): self.tr(
                "A batch goes to one courier company: select only its items."
            ),
            ("courier_name", "required"): self.tr("Please enter the courier's name as they sign."),
            ("courier_name", "too_long"): self.tr("The courier's name is too long: at most %1 characters."),
            ("signature", "required"): self.tr("Tick that the courier checked the items and signs for them."),
            ("reason", "required"): self.tr("Please give the reason."),
            ("reason", "too_long"): self.tr("Please keep the reason under %1 characters."),
            ("code", "required"): self.tr("Please enter the company's code, e.g. SF."),
            ("code", "format"): self.tr(
                "The code is letters and digits, at most %1 of them, e.g. SF or EMS."
            ),
            ("code", "duplicate"): self.tr("%1 is on the list already: restore it if it was retired."),
            ("name", "required"): self.tr("Please enter the company's name."),
            ("name", "too_long"): self.tr("The name is too long: at most %1 characters."),
            ("name_en", "too_long"): self.tr("The English name is too long: at most %1 characters."),
            ("courier_item", "unknown"): self.tr("This item is not in the book."),
            ("courier_item", "is_handed_over"): self.tr(
                "Item %1 is with the courier: it cannot be changed, only voided by a supervisor."
            ),
            ("courier_item", "is_voided"): self.tr("Item %1 is voided."),
            ("courier_item", "is_logged"): self.tr("Item %1 is still waiting for the courier."),
            ("search", "too_long"): self.tr("Search with at most %1 characters."),
            ("month", "range"): self.tr("Choose a month from %1 to %2."),
            ("staff", "not_allowed"): self.tr("Your role cannot do this. Ask a supervisor."),
        }
        return messages
