"""The desk's permits (管理处开具的凭据): check one a person shows, issue a material permit (搬运材料凭据)
or an entry permit (装修 / 送报 / 送奶出入证) printed with its QR at this desk, and keep the register:
search it, print a permit again, cancel one with the reason, export it (supervisors)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kiosk.api.permits import MaterialLine, PermitIssue
from kiosk.client.http import RetryKey
from kiosk.client.station import Station
from kiosk.domain.deposits import DepositItem, purposes_for_permit
from kiosk.domain.errors import ValidationError
from kiosk.domain.permit_views import IssuedPermit, PermitView
from kiosk.domain.permits import PermitKind, PermitOutcome, PermitRoute
from kiosk.domain.staff import Permission, SignedIn, allowed
from kiosk.domain.views import PrintOutcome
from kiosk.ui.common.export_file import AskSavePath, Received, ask_with_dialog, export_to_file
from kiosk.ui.common.i18n import current_language
from kiosk.ui.common.messages import error_message, page_message
from kiosk.ui.common.operations import QueryOp
from kiosk.ui.common.permit_words import days_text, export_words, kind_name, materials_text, outcome_name
from kiosk.ui.common.table_model import RowTableModel, keeping_selection
from kiosk.ui.common.widgets import (
    SectionPage,
    action_button,
    button_row,
    date_edit,
    id_type_combo,
    named,
    print_problem,
    table_view,
)
from kiosk.ui.console.deposit_prompt import offer_refunds
from kiosk.ui.console.deposit_take import take_deposit
from kiosk.ui.console.permit_check import PermitCheckPanel


class PermitTableModel(RowTableModel[PermitView]):
    def display(self, value: PermitView, column: int) -> str:
        if column == 0:
            return value.number
        if column == 1:
            return kind_name(value.kind)
        if column == 2:
            return outcome_name(value.outcome)
        if column == 3:
            return value.unit
        if column == 4:
            return value.holder_name or value.company
        if column == 5:
            return materials_text(value) if value.kind.is_material else value.company
        return days_text(value.valid_from, value.valid_until)


class PermitsPage(SectionPage):
    def __init__(self, station: Station) -> None:
        super().__init__()
        self.setObjectName("permitsPage")
        self._station = station
        self._issue_key = RetryKey()
        self._cancel_key = RetryKey()
        self._deposit_key = RetryKey()
        self._select_after: int | None = None  # a permit just issued: chosen once the list has it
        self.ask_save_path: AskSavePath = ask_with_dialog(self)
        self._lines: list[tuple[str, int]] = []
        outer = QVBoxLayout(self)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        layout = QVBoxLayout(body)

        # 1. A permit shown at the desk (a decoration worker, a delivery, goods at the desk).
        self.checker = PermitCheckPanel(station)
        layout.addWidget(self.checker)

        # 2. Issuing one (the management office's paper, printed here with its QR).
        issue = named(QGroupBox(self.tr("Issue a permit")), "permitIssueGroup", self.tr("Issue a permit"))
        form = QFormLayout(issue)
        self.kind_combo = named(QComboBox(), "permitKindCombo", self.tr("Kind of permit"))
        for kind in PermitKind:
            self.kind_combo.addItem(kind_name(kind), kind)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.unit_edit = named(QLineEdit(), "permitUnitEdit", self.tr("Unit"))
        self.unit_edit.setPlaceholderText(self.tr("Unit, e.g. 2-104"))
        self.holder_edit = named(QLineEdit(), "permitHolderEdit", self.tr("Holder's name"))
        self.id_type_combo = id_type_combo("permitIdTypeCombo", self.tr("ID document type"))
        self.id_edit = named(QLineEdit(), "permitIdNumberEdit", self.tr("ID number"))
        self.id_edit.setPlaceholderText(self.tr("Checked, then only its last four are kept"))
        self.company_edit = named(QLineEdit(), "permitCompanyEdit", self.tr("Company"))
        self.company_edit.setPlaceholderText(self.tr("Decoration company, post office, dairy..."))
        self.material_edit = named(QLineEdit(), "permitMaterialEdit", self.tr("Material"))
        self.material_edit.setPlaceholderText(self.tr("e.g. floor tiles (boxes)"))
        self.quantity_spin = named(QSpinBox(), "permitQuantitySpin", self.tr("Quantity"))
        self.quantity_spin.setRange(1, 999)
        self.add_material_button = action_button(
            self.tr("Add"), "permitAddMaterialButton", self.tr("Add material")
        )
        self.add_material_button.clicked.connect(self._add_material)
        self.material_edit.returnPressed.connect(self._add_material)
        self.remove_material_button = action_button(
            self.tr("Remove"), "permitRemoveMaterialButton", self.tr("Remove the chosen material")
        )
        self.remove_material_button.clicked.connect(self._remove_material)
        material_row = QHBoxLayout()
        material_row.addWidget(self.material_edit, 1)
        material_row.addWidget(self.quantity_spin)
        material_row.addWidget(self.add_material_button)
        material_row.addWidget(self.remove_material_button)
        self.material_list = named(QListWidget(), "permitMaterialList", self.tr("Materials"))
        self.material_list.setMaximumHeight(90)
        self.lift_radio = named(QRadioButton(self.tr("Goods lift")), "permitLiftRadio", self.tr("Goods lift"))
        self.stairs_radio = named(QRadioButton(self.tr("Stairs")), "permitStairsRadio", self.tr("Stairs"))
        route_row = QHBoxLayout()
        route_row.addWidget(self.lift_radio)
        route_row.addWidget(self.stairs_radio)
        route_row.addStretch(1)
        today = station.clock.now().astimezone(station.site.timezone).date()
        self.from_edit = date_edit("permitFromEdit", self.tr("First valid day"), today)
        self.until_edit = date_edit("permitUntilEdit", self.tr("Last valid day"), today)
        days_row = QHBoxLayout()
        days_row.addWidget(self.from_edit)
        days_row.addWidget(self.until_edit)
        days_row.addStretch(1)
        self.note_edit = named(QLineEdit(), "permitNoteEdit", self.tr("Note"))
        self.note_edit.setPlaceholderText(self.tr("e.g. goods lift 9:00-11:30 only"))
        form.addRow(self.tr("Kind"), self.kind_combo)
        form.addRow(self.tr("Unit"), self.unit_edit)
        form.addRow(self.tr("Name"), self.holder_edit)
        form.addRow(self.tr("ID type"), self.id_type_combo)
        form.addRow(self.tr("ID number"), self.id_edit)
        form.addRow(self.tr("Company"), self.company_edit)
        form.addRow(self.tr("Materials"), material_row)
        form.addRow("", self.material_list)
        form.addRow(self.tr("Goes up by"), route_row)
        form.addRow(self.tr("Valid (first, last day)"), days_row)
        form.addRow(self.tr("Note"), self.note_edit)
        self._material_rows = (material_row, self.material_list, route_row)
        self._form = form
        self.issue_button = action_button(
            self.tr("Issue and print"), "permitIssueButton", self.tr("Issue the permit and print it")
        )
        self.issue_button.clicked.connect(self.issue)
        form.addRow("", self.issue_button)
        layout.addWidget(issue)
        self.issue_status = self.add_status(layout, "permitIssueStatus", self.tr("Issue result"))

        # 3. The register.
        register = named(
            QGroupBox(self.tr("Permit register")), "permitRegisterGroup", self.tr("Permit register")
        )
        reg = QVBoxLayout(register)
        self.search_edit = named(QLineEdit(), "permitSearchEdit", self.tr("Search permits"))
        self.search_edit.setPlaceholderText(self.tr("Number, unit, name, company or material"))
        self.search_edit.returnPressed.connect(self.refresh)
        self.which_combo = named(QComboBox(), "permitWhichCombo", self.tr("Which permits"))
        self.which_combo.addItem(self.tr("Current"), "current")
        self.which_combo.addItem(self.tr("All, cancelled and expired too"), "all")
        self.which_combo.currentIndexChanged.connect(self.refresh)
        self.search_button = action_button(self.tr("Search"), "permitSearchButton", self.tr("Search permits"))
        self.search_button.clicked.connect(self.refresh)
        search_row = QHBoxLayout()
        search_row.addWidget(self.search_edit, 1)
        search_row.addWidget(self.which_combo)
        search_row.addWidget(self.search_button)
        reg.addLayout(search_row)
        self.model = PermitTableModel(
            (
                self.tr("Number"),
                self.tr("Kind"),
                self.tr("Status"),
                self.tr("Unit"),
                self.tr("Holder"),
                self.tr("Materials / company"),
                self.tr("Valid"),
            )
        )
        self.table = table_view("permitTable", self.tr("Permits"), self.model)
        self.table.setMinimumHeight(180)
        reg.addWidget(self.table)
        self.cancel_reason_edit = named(QLineEdit(), "permitCancelReasonEdit", self.tr("Why it is cancelled"))
        self.cancel_reason_edit.setPlaceholderText(self.tr("Why cancelled, e.g. the decoration ended early"))
        reg.addWidget(self.cancel_reason_edit)
        self.cancel_button = action_button(
            self.tr("Cancel permit"), "permitCancelButton", self.tr("Cancel the chosen permit")
        )
        self.cancel_button.clicked.connect(self.cancel)
        self.print_button = action_button(
            self.tr("Print again"), "permitPrintAgainButton", self.tr("Print the chosen permit again")
        )
        self.print_button.clicked.connect(self.print_again)
        self.export_button = action_button(
            self.tr("Export (Excel)"), "permitExportButton", self.tr("Export the register as a workbook")
        )
        self.export_button.clicked.connect(self.export)
        # A worker's pass deposit or the decoration bond, tied to the chosen permit as it is handed out.
        self.deposit_button = action_button(
            self.tr("Take deposit"), "permitDepositButton", self.tr("Take a deposit for the chosen permit")
        )
        self.deposit_button.clicked.connect(self.take_deposit)
        button_row(reg, self.cancel_button, self.print_button, self.deposit_button, self.export_button)
        self.register_status = self.add_status(reg, "permitRegisterStatus", self.tr("Register result"))
        layout.addWidget(register)
        layout.addStretch(1)
        self.transient(self.search_edit, self.cancel_reason_edit)
        self._messages = self._page_messages()
        self._kind_changed()

    # -- the console's hooks -------------------------------------------------------------------

    def set_session(self, who: SignedIn | None) -> None:
        super().set_session(who)
        self.checker.set_session(who)
        self.checker.setVisible(who is not None and allowed(who.role, Permission.CHECK_PERMITS))
        self.export_button.setVisible(who is not None and allowed(who.role, Permission.EXPORT_PERMITS))
        self.deposit_button.setVisible(who is not None and allowed(who.role, Permission.TAKE_PAYMENTS))
        if self._who() is not None:
            self.refresh()
        else:
            self.model.set_rows([])

    def wants(self, code: str) -> bool:
        return self.checker.wants(code)

    def scanned(self, code: str) -> None:
        self.checker.scan(code)

    def on_server_event(self, topic: str) -> None:
        if topic in ("permits", "connected", "resync") and self._who() is not None:
            keeping_selection(self.table, self.model, lambda p: p.permit_id, self.refresh)

    def _who(self) -> SignedIn | None:
        who = self.session
        return who if who is not None and allowed(who.role, Permission.ISSUE_PERMITS) else None

    # -- issuing -------------------------------------------------------------------------------

    def _kind(self) -> PermitKind:
        kind = self.kind_combo.currentData()
        assert isinstance(kind, PermitKind)
        return kind

    def _kind_changed(self) -> None:
        material = self._kind().is_material
        for field in (self.material_edit, self.quantity_spin, self.add_material_button):
            field.setEnabled(material)
        self.material_list.setEnabled(material)
        self.remove_material_button.setEnabled(material)
        for radio in (self.lift_radio, self.stairs_radio):
            radio.setEnabled(material)
        self.unit_edit.setEnabled(self._kind().needs_unit or material)
        # A material permit names the carrier if the office wants: optional there, asked otherwise.
        self.holder_edit.setPlaceholderText(
            self.tr("Carrier (optional)") if material else self.tr("The worker or deliverer")
        )

    def _add_material(self) -> None:
        name = self.material_edit.text().strip()
        if not name:
            self.material_edit.setFocus()
            return
        quantity = self.quantity_spin.value()
        self._lines.append((name, quantity))
        self.material_list.addItem(f"{name} × {quantity}")
        self.material_edit.clear()
        self.quantity_spin.setValue(1)
        self.material_edit.setFocus()

    def _remove_material(self) -> None:
        row = self.material_list.currentRow()
        if 0 <= row < len(self._lines):
            del self._lines[row]
            self.material_list.takeItem(row)

    def _day(self, day: QDate) -> date:
        return date(day.year(), day.month(), day.day())

    def issue(self) -> None:
        who = self._who()
        if who is None:
            return
        kind = self._kind()
        route: PermitRoute | None = None
        if kind.is_material:
            if self.lift_radio.isChecked():
                route = PermitRoute.GOODS_LIFT
            elif self.stairs_radio.isChecked():
                route = PermitRoute.STAIRS
        request = PermitIssue(
            kind=kind,
            valid_from=self._day(self.from_edit.date()),
            valid_until=self._day(self.until_edit.date()),
            unit=self.unit_edit.text() if self.unit_edit.isEnabled() else "",
            holder_name=self.holder_edit.text(),
            id_type=str(self.id_type_combo.currentData()),
            id_number=self.id_edit.text(),
            company=self.company_edit.text(),
            materials=[MaterialLine(name=n, quantity=q) for n, q in self._lines] if kind.is_material else [],
            route=route,
            note=self.note_edit.text(),
            language=current_language(),
        )
        key = self._issue_key.key_for(request.model_dump_json())
        station = self._station
        self.issue_button.setEnabled(False)

        def issue() -> IssuedPermit:
            done = station.permits.issue(request, key)
            # Printed now at this desk, in the same background work: the page says how it went.
            return replace(done, printed=station.printing.print_now(done.printed))

        QueryOp(self, issue, lambda done: self._issued(who, done)).failure(
            lambda error: self._issue_failed(who, error)
        ).run_in_background()

    def _issued(self, who: SignedIn, done: IssuedPermit) -> None:
        self._issue_key.answered()
        self.issue_button.setEnabled(True)
        if self.session is not who:
            return
        permit = done.permit
        text = self.tr("Issued %1 %2, valid %3.").replace("%1", kind_name(permit.kind))
        text = text.replace("%2", permit.number).replace(
            "%3", days_text(permit.valid_from, permit.valid_until)
        )
        if done.printed.error:
            problem = print_problem(self._station.printers, done.printed.error)
            self.issue_status.show_error(
                text + " " + self.tr("The printer did not print it: %1").replace("%1", problem)
            )
        else:
            self.issue_status.setText(text)
        # Cleared for the next person; the kind and the days stay (the office issues in batches).
        for edit in (self.unit_edit, self.holder_edit, self.id_edit, self.company_edit, self.note_edit):
            edit.clear()
        self._lines.clear()
        self.material_list.clear()
        self._select_after = permit.permit_id  # ready for its deposit ("Take deposit")
        self.refresh()

    def _issue_failed(self, who: SignedIn, error: Exception) -> None:
        self.issue_button.setEnabled(True)
        if self.session is who:
            self.issue_status.show_error(self._message(error))

    # -- the register --------------------------------------------------------------------------

    def refresh(self) -> None:
        if self._who() is None:
            return
        which, search = str(self.which_combo.currentData()), self.search_edit.text()
        permits = self._station.permits
        QueryOp(
            self, lambda: permits.listing(which, search), self._listed, key="list", reads_only=True
        ).failure_in(self.register_status).run_in_background()

    def _listed(self, rows: list[PermitView]) -> None:
        self.model.set_rows(rows)
        chosen, self._select_after = self._select_after, None
        for row, permit in enumerate(rows):
            if permit.permit_id == chosen:
                self.table.selectRow(row)

    def chosen(self) -> PermitView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_value(rows[0].row()) if rows else None

    def cancel(self) -> None:
        who, permit = self._who(), self.chosen()
        if who is None or permit is None:
            self.register_status.show_error(self.tr("Choose a permit in the list first."))
            return
        if permit.outcome is PermitOutcome.CANCELLED:
            self.register_status.show_error(
                error_message(ValidationError("permit", "already_cancelled", number=permit.number))
            )
            return
        reason = self.cancel_reason_edit.text()
        if not reason.strip():
            self.register_status.show_error(self.tr("Type why the permit is cancelled first."))
            self.cancel_reason_edit.setFocus()
            return
        key = self._cancel_key.key_for((permit.permit_id, reason))
        permits = self._station.permits

        def cancelled(done: PermitView) -> None:
            self._cancel_key.answered()
            self.cancel_reason_edit.clear()
            self.register_status.setText(
                self.tr("Permit %1 cancelled; it is refused from now on.").replace("%1", done.number)
            )
            self.refresh()
            # A permit that carried a deposit (a worker's pass deposit, a bond): offered for refund.
            offer_refunds(self, self._station, DepositItem.PERMIT, [done.number], self.register_status)

        QueryOp(self, lambda: permits.cancel(permit.permit_id, reason, key), cancelled).failure(
            lambda error: self.register_status.show_error(self._message(error))
        ).run_in_background()

    def take_deposit(self) -> None:
        who, permit = self.session, self.chosen()
        if who is None or not allowed(who.role, Permission.TAKE_PAYMENTS):
            self.register_status.show_error(self.tr("Your role cannot do this. Ask a supervisor."))
            return
        if permit is None:
            self.register_status.show_error(self.tr("Choose a permit in the list first."))
            return
        purposes = purposes_for_permit(permit.kind)
        if not purposes:
            self.register_status.show_error(
                self.tr("Only a decoration or material permit carries a deposit.")
            )
            return
        take_deposit(
            self,
            self._station,
            purposes,
            lambda item: item.item_id == permit.permit_id,
            self.register_status,
            self._deposit_key,
        )

    def print_again(self) -> None:
        permit = self.chosen()
        if self._who() is None or permit is None:
            self.register_status.show_error(self.tr("Choose a permit in the list first."))
            return
        station = self._station

        def printed(outcome: PrintOutcome) -> None:
            if outcome.error:
                problem = print_problem(station.printers, outcome.error)
                self.register_status.show_error(
                    self.tr("The printer did not print it: %1").replace("%1", problem)
                )
            else:
                self.register_status.setText(
                    self.tr("Permit %1 printed again, marked COPY.").replace("%1", permit.number)
                )

        QueryOp(
            self, lambda: station.printing.print_now(station.permits.print_again(permit.permit_id)), printed
        ).failure_in(self.register_status).run_in_background()

    def export(self) -> None:
        who = self.session
        if who is None or not allowed(who.role, Permission.EXPORT_PERMITS):
            return
        which, search, words = str(self.which_combo.currentData()), self.search_edit.text(), export_words()
        permits, status = self._station.permits, self.register_status

        def write(path: Path, received: Received) -> Path:
            return permits.export(path, words, received, which, search)

        export_to_file(
            self,
            self.ask_save_path,
            (self.tr("Export the permit register"), "permits.xlsx", self.tr("Excel workbooks (*.xlsx)")),
            write,
            lambda saved: status.setText(self.tr("Exported the register to %1.").replace("%1", str(saved))),
            self.tr("Exporting the permit register (KB received)"),
            status,
            lambda error: status.show_error(error_message(error)),
        )

    # -- words ---------------------------------------------------------------------------------

    def _message(self, error: Exception) -> str:
        return page_message(self._messages, error)

    def _page_messages(self) -> dict[tuple[str, str], str]:
        """What to fix, in the desk's words (params fill %1 in order)."""
        return {
            ("unit", "required"): self.tr("Please enter the unit, e.g. 2-104."),
            ("holder_name", "required"): self.tr("Please enter the holder's name."),
            ("holder_name", "too_long"): self.tr("The name is too long: at most %1 characters."),
            ("company", "required"): self.tr("Please enter the holder's company."),
            ("company", "too_long"): self.tr("The company is too long: at most %1 characters."),
            ("items", "required"): self.tr("Please add the materials: name and quantity, then Add."),
            ("items", "too_many"): self.tr("At most %1 materials fit on one permit."),
            ("item", "too_long"): self.tr("Please keep each material under %1 characters."),
            ("route", "required"): self.tr(
                "Please choose how the materials go up: the goods lift or the stairs."
            ),
            ("permit_from", "past"): self.tr("The first valid day cannot be before today (%1)."),
            ("permit_until", "before_from"): self.tr("The last valid day cannot be before the first."),
            ("permit_until", "too_long"): self.tr(
                "A permit may run for at most %1 days; issue a new one after."
            ),
            ("note", "too_long"): self.tr("Please keep the note under %1 characters."),
            ("reason", "too_long"): self.tr("Please keep the reason under %1 characters."),
        }
