"""Release slips at the office (物品放行条): look up the unit, check ID and fees, list the items,
phone the owner for a tenant, take the holder's signature, print the slip with its guard copy.

The site server holds the records and the slip key and decides; the slip and any receipt print on
this desk's own printer. Issuing a slip and taking fees are submits: pressed again after the
server did not answer, with the same details, they are stored once."""

from __future__ import annotations

from dataclasses import replace
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kiosk.api.slips import ArrearsApproval, SlipIssue, SlipLine
from kiosk.client.http import RetryKey
from kiosk.client.station import Station
from kiosk.domain.documents import PartyKind, PaymentMethod
from kiosk.domain.errors import ValidationError
from kiosk.domain.money import format_yuan
from kiosk.domain.release_slip import ITEM_QUANTITY_MAX, SlipStatus, owner_needs_override, validate_item
from kiosk.domain.staff import Permission, SignedIn, allowed
from kiosk.domain.views import (
    IssuedSlip,
    OwnerAnswers,
    OwnerCallView,
    PaymentResult,
    PrintOutcome,
    ResidentView,
    SlipView,
    UnitRecord,
)
from kiosk.ui.common.i18n import current_language
from kiosk.ui.common.messages import error_message, validation_message
from kiosk.ui.common.operations import QueryOp
from kiosk.ui.common.table_model import RowTableModel
from kiosk.ui.common.widgets import (
    ERROR_STYLE,
    SectionPage,
    StatusLabel,
    action_button,
    id_type_combo,
    named,
    table_view,
)


def slip_status_text(status: SlipStatus) -> str:
    return {
        SlipStatus.ISSUED: QCoreApplication.translate("release_slips", "Issued"),
        SlipStatus.RELEASED: QCoreApplication.translate("release_slips", "Released"),
        SlipStatus.VOIDED: QCoreApplication.translate("release_slips", "Voided"),
    }[status]


# Fees that stop the slip until paid or approved: the console's error red, in bold.
_BLOCKS_THE_SLIP = ERROR_STYLE + " font-weight: bold;"


class SlipTableModel(RowTableModel[SlipView]):
    def __init__(self, zone: ZoneInfo) -> None:
        super().__init__(
            (
                self.tr("Slip"),
                self.tr("Issued"),
                self.tr("Unit"),
                self.tr("Holder"),
                self.tr("Items"),
                self.tr("Issued by"),
                self.tr("State"),
            )
        )
        self._zone = zone

    def display(self, s: SlipView, column: int) -> str:
        cells = (
            s.slip_number,
            s.issued_at.astimezone(self._zone).strftime("%m-%d %H:%M"),
            s.unit,
            s.holder_name,
            str(sum(i.quantity for i in s.items)),
            s.issued_by_name,
            slip_status_text(s.status),
        )
        return cells[column]


class ReleaseSlipPage(SectionPage):
    def __init__(self, station: Station) -> None:
        super().__init__()
        self.setObjectName("releaseSlipPage")
        self._station = station
        # Pressed again after no answer, with the same details: the same submit, stored once.
        self._issue_key = RetryKey()
        self._pay_key = RetryKey()
        self._record: UnitRecord | None = None
        # The unit the details typed below (ID, items, signature) were typed for.
        self._form_unit: str | None = None
        self._chosen: ResidentView | None = None  # the holder chosen for them
        self._call: OwnerCallView | None = None
        self._items: list[tuple[str, int]] = []

        outer = QVBoxLayout(self)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        layout = QVBoxLayout(body)

        # 1. The unit and who is taking goods out.
        self.unit_edit = named(QLineEdit(), "slipUnitEdit", self.tr("Unit"))
        self.unit_edit.setPlaceholderText(self.tr("Unit, e.g. 2-104"))
        self.unit_edit.returnPressed.connect(self.look_up)
        self.lookup_button = action_button(
            self.tr("Look up"), "slipLookupButton", self.tr("Look up the unit")
        )
        self.lookup_button.clicked.connect(self.look_up)
        self.holder_combo = named(QComboBox(), "slipHolderCombo", self.tr("Owner or tenant taking goods out"))
        self.holder_combo.currentIndexChanged.connect(self._holder_changed)
        unit_row = QHBoxLayout()
        unit_row.addWidget(QLabel(self.tr("Unit")))
        unit_row.addWidget(self.unit_edit, 1)
        unit_row.addWidget(self.lookup_button)
        unit_row.addWidget(self.holder_combo, 2)
        layout.addLayout(unit_row)

        # 2. Fees: a reminder, a supervisor's approval, or no slip until paid.
        self.arrears_label = named(QLabel(), "slipArrearsLabel", self.tr("Management fees"))
        self.arrears_label.setWordWrap(True)
        self.pay_button = action_button(
            self.tr("Record the payment"), "slipPayButton", self.tr("Record the fee payment with a receipt")
        )
        self.pay_button.clicked.connect(self._pay)
        fees_row = QHBoxLayout()
        fees_row.addWidget(self.arrears_label, 1)
        fees_row.addWidget(self.pay_button)
        layout.addLayout(fees_row)

        self.override_group = named(
            QGroupBox(self.tr("Supervisor approval (arrears over 3 months)")),
            "slipOverrideGroup",
            self.tr("Supervisor approval"),
        )
        override_form = QFormLayout(self.override_group)
        self.supervisor_edit = named(QLineEdit(), "slipSupervisorEdit", self.tr("Supervisor's staff number"))
        self.supervisor_pin_edit = named(QLineEdit(), "slipSupervisorPinEdit", self.tr("Supervisor's PIN"))
        self.supervisor_pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.override_reason_edit = named(QLineEdit(), "slipOverrideReasonEdit", self.tr("Reason"))
        override_form.addRow(self.tr("Supervisor's staff number"), self.supervisor_edit)
        override_form.addRow(self.tr("Supervisor's PIN"), self.supervisor_pin_edit)
        override_form.addRow(self.tr("Reason"), self.override_reason_edit)
        layout.addWidget(self.override_group)

        # 3. Tenants: the owner is always phoned, from the owner records.
        self.call_group = named(
            QGroupBox(self.tr("Phone the owner (always, even with an authorisation letter)")),
            "slipOwnerCallGroup",
            self.tr("Owner's consent"),
        )
        call_layout = QVBoxLayout(self.call_group)
        self.owner_combo = named(QComboBox(), "slipOwnerCombo", self.tr("Owner to phone"))
        call_layout.addWidget(self.owner_combo)
        self.owner_knows_check = named(
            QCheckBox(self.tr("The owner knows the tenant is taking goods out")),
            "slipOwnerKnowsCheck",
            self.tr("The owner knows"),
        )
        self.rent_owed_check = named(
            QCheckBox(self.tr("The tenant owes the owner rent")), "slipRentOwedCheck", self.tr("Rent owed")
        )
        self.owner_items_check = named(
            QCheckBox(self.tr("Some of the listed items are the owner's")),
            "slipOwnerItemsCheck",
            self.tr("Owner's items among them"),
        )
        self.consent_yes = named(
            QRadioButton(self.tr("The owner consents")), "slipConsentYes", self.tr("The owner consents")
        )
        self.consent_no = named(
            QRadioButton(self.tr("The owner does not consent")),
            "slipConsentNo",
            self.tr("The owner does not consent"),
        )
        self.call_note_edit = named(QLineEdit(), "slipCallNoteEdit", self.tr("Note on the call"))
        self.call_note_edit.setPlaceholderText(self.tr("Note on the call (optional)"))
        self.record_call_button = action_button(
            self.tr("Record the call"), "slipRecordCallButton", self.tr("Record the owner's answers")
        )
        self.record_call_button.clicked.connect(self._record_call)
        self.call_status = StatusLabel("slipCallStatus", self.tr("The owner's answer"))
        consent_row = QHBoxLayout()
        consent_row.addWidget(self.consent_yes)
        consent_row.addWidget(self.consent_no)
        consent_row.addStretch(1)
        for widget in (self.owner_knows_check, self.rent_owed_check, self.owner_items_check):
            call_layout.addWidget(widget)
        call_layout.addLayout(consent_row)
        call_layout.addWidget(self.call_note_edit)
        call_layout.addWidget(self.record_call_button)
        call_layout.addWidget(self.call_status)
        layout.addWidget(self.call_group)

        # 4. ID, items, signature.
        form = QFormLayout()
        self.id_type_combo = id_type_combo("slipIdTypeCombo", self.tr("ID document"))
        self.id_edit = named(QLineEdit(), "slipIdEdit", self.tr("ID number (checked, then handed back)"))
        # Readable while typed, hidden once the clerk moves on: the next person in line sees no number.
        self.id_edit.setEchoMode(QLineEdit.EchoMode.PasswordEchoOnEdit)
        # To check a refused number digit by digit, the clerk shows it on screen, and hides it again.
        self.id_show_button = action_button(
            self.tr("Show"), "slipIdShowButton", self.tr("Show the ID number typed")
        )
        self.id_show_button.setCheckable(True)
        self.id_show_button.toggled.connect(self._show_id)
        id_row = QHBoxLayout()
        id_row.addWidget(self.id_edit, 1)
        id_row.addWidget(self.id_show_button)
        form.addRow(self.tr("ID document"), self.id_type_combo)
        form.addRow(self.tr("ID number"), id_row)
        self.item_edit = named(QLineEdit(), "slipItemEdit", self.tr("Item"))
        self.item_edit.setPlaceholderText(self.tr("Item, e.g. 台式电脑主机"))
        self.item_edit.returnPressed.connect(self._add_item)
        self.quantity_spin = named(QSpinBox(), "slipQuantitySpin", self.tr("Quantity"))
        self.quantity_spin.setRange(1, ITEM_QUANTITY_MAX)
        self.add_item_button = action_button(
            self.tr("Add item"), "slipAddItemButton", self.tr("Add the item")
        )
        self.add_item_button.clicked.connect(self._add_item)
        self.remove_item_button = action_button(
            self.tr("Remove item"), "slipRemoveItemButton", self.tr("Remove the selected item")
        )
        self.remove_item_button.clicked.connect(self._remove_item)
        item_row = QHBoxLayout()
        item_row.addWidget(self.item_edit, 3)
        item_row.addWidget(self.quantity_spin)
        item_row.addWidget(self.add_item_button)
        item_row.addWidget(self.remove_item_button)
        form.addRow(self.tr("Items"), item_row)
        self.item_list = named(QListWidget(), "slipItemList", self.tr("Items on the slip"))
        self.item_list.setMaximumHeight(140)
        form.addRow("", self.item_list)
        self.signature_edit = named(QLineEdit(), "slipSignatureEdit", self.tr("Holder's name as signature"))
        self.signature_edit.setPlaceholderText(self.tr("The holder types their name"))
        self.signature_check = named(
            QCheckBox(self.tr("The holder has checked the list and signs for these items")),
            "slipSignatureCheck",
            self.tr("Holder's confirmation"),
        )
        form.addRow(self.tr("Signature"), self.signature_edit)
        form.addRow("", self.signature_check)
        layout.addLayout(form)

        self.issue_button = action_button(
            self.tr("Issue and print the slip"),
            "slipIssueButton",
            self.tr("Issue and print the release slip"),
        )
        self.issue_button.clicked.connect(self._issue)
        layout.addWidget(self.issue_button)
        self.status = self.add_status(layout, "slipStatus", self.tr("Last action result"), "font-size: 16px;")

        self.model = SlipTableModel(station.site.timezone)
        self.table = table_view("slipTable", self.tr("Release slips issued"), self.model)
        self.table.setMinimumHeight(180)
        # The list takes a tall screen's spare height, not the gaps between the form's rows.
        layout.addWidget(self.table, 1)
        self._show_holder(None)

    # -- session ---------------------------------------------------------------------------

    def set_session(self, who: SignedIn | None) -> None:
        super().set_session(who)
        if self._who() is not None:
            self.refresh()

    def _who(self) -> SignedIn | None:
        """The signed-in clerk, if their role may issue slips (checked again at every action)."""
        who = self.session
        return who if who is not None and allowed(who.role, Permission.ISSUE_RELEASE_SLIPS) else None

    def refresh(self) -> None:
        slips = self._station.release_slips
        QueryOp(self, slips.slips, self.model.set_rows, key="slips").failure_in(
            self.status
        ).run_in_background()

    def on_server_event(self, topic: str) -> None:
        # A slip issued at another desk, or released or voided by the guard.
        if topic in ("slips", "connected", "resync") and self._who() is not None:
            self.refresh()

    # -- the unit and the holder -----------------------------------------------------------

    def look_up(self, then_say: str = "") -> None:
        """Show the unit afresh. The same unit again keeps everything typed, the holder chosen and
        the owner's call; another unit keeps the items but not the ID number, the signature, the
        call or the approval, which belonged to the other unit's holder. ``then_say``: the result
        line once the unit is shown (what was just done)."""
        slips, unit = self._station.release_slips, self.unit_edit.text()
        QueryOp(
            self, lambda: slips.unit(unit), lambda record: self._found(record, then_say), key="unit"
        ).failure(self._not_found).run_in_background()

    def _not_found(self, error: Exception) -> None:
        self._record = None
        self.holder_combo.blockSignals(True)
        self.holder_combo.clear()
        self.owner_combo.clear()
        self.holder_combo.blockSignals(False)
        self.status.show_error(error_message(error))
        self._show_holder(None)

    def _found(self, record: UnitRecord, then_say: str) -> None:
        # Kept through a unit not found in between (a slip of the finger, then corrected).
        holder, call = self._chosen, self._call
        self._record = None
        self.holder_combo.blockSignals(True)
        self.holder_combo.clear()
        self.owner_combo.clear()
        self.status.clear()
        if self._form_unit is not None and record.unit != self._form_unit:
            self._clear_holder_details()
            self.status.setText(
                self.tr("Unit %1: enter the ID number and the signature again; the items are kept.").replace(
                    "%1", record.unit
                )
            )
        self._form_unit = record.unit
        self._record = record
        self.unit_edit.setText(record.unit)
        for resident in record.residents:
            self.holder_combo.addItem(f"{resident.name} · {self._kind_name(resident.kind)}", resident)
        for owner in record.of_kind(PartyKind.OWNER):
            self.owner_combo.addItem(f"{owner.name} · {owner.phone}", owner)
        again = next(
            (i for i in range(self.holder_combo.count()) if self.holder_combo.itemData(i) == holder), -1
        )
        self.holder_combo.setCurrentIndex(max(again, 0))
        self.holder_combo.blockSignals(False)
        if again >= 0:
            self._call = call  # the same person of the same unit: the owner's answer still stands
            self._show_holder(self._holder())
        else:
            self._holder_changed()
        if then_say:
            self.status.setText(then_say)

    def _kind_name(self, kind: PartyKind) -> str:
        return self.tr("Owner") if kind is PartyKind.OWNER else self.tr("Tenant")

    def _holder(self) -> ResidentView | None:
        data = self.holder_combo.currentData()
        return data if isinstance(data, ResidentView) else None

    def _holder_changed(self) -> None:
        self._chosen = self._holder()
        self._call = None
        self.call_status.clear()
        self._show_holder(self._holder())

    def _show_holder(self, holder: ResidentView | None) -> None:
        """Show what this holder needs: the fee reminder, the approval, the call to the owner."""
        record = self._record
        tenant = holder is not None and holder.kind is PartyKind.TENANT
        owed = record.arrears(holder.kind) if record is not None and holder is not None else None
        # Owners may settle at the desk too (a reminder, or to spare the supervisor's approval).
        self.pay_button.setVisible(bool(owed and owed.count))
        self.call_group.setVisible(tenant and not (owed and owed.count))
        no_record = record is not None and holder is not None and not record.fees_known
        self.override_group.setVisible(no_record or bool(owed and not tenant and owner_needs_override(owed)))
        self.override_group.setTitle(
            self.tr("Supervisor approval (no fee record)")
            if no_record
            else self.tr("Supervisor approval (arrears over 3 months)")
        )
        if owed is None:
            self.arrears_label.setText(self.tr("Look up the unit to see its owners, tenants and fees."))
            self.arrears_label.setStyleSheet("")
            return
        amount = format_yuan(owed.amount_fen)
        if no_record:
            # Unknown is not paid: the supervisor, who can ask finance, approves the slip.
            self.arrears_label.setText(
                self.tr(
                    "No management-fee record for this unit: check with finance. A supervisor must approve."
                )
            )
            self.arrears_label.setStyleSheet(_BLOCKS_THE_SLIP)
        elif not owed.count:
            self.arrears_label.setText(self.tr("Management fees: paid up."))
            self.arrears_label.setStyleSheet("color: #1b5e20;")
        elif tenant:
            self.arrears_label.setText(
                self.tr("No slip until paid: %1 month(s) of management fees outstanding, ¥%2.")
                .replace("%1", str(owed.count))
                .replace("%2", amount)
            )
            self.arrears_label.setStyleSheet(_BLOCKS_THE_SLIP)
        elif owner_needs_override(owed):
            self.arrears_label.setText(
                self.tr("%1 months outstanding (¥%2), over 3 months: a supervisor must approve.")
                .replace("%1", str(owed.count))
                .replace("%2", amount)
            )
            self.arrears_label.setStyleSheet(_BLOCKS_THE_SLIP)
        else:
            self.arrears_label.setText(
                self.tr("Remind the owner: %1 month(s) of management fees outstanding, ¥%2.")
                .replace("%1", str(owed.count))
                .replace("%2", amount)
            )
            self.arrears_label.setStyleSheet("color: #e65100;")

    # -- fees --------------------------------------------------------------------------------

    def _pay(self) -> None:
        who, holder, record = self.session, self._holder(), self._record
        if who is None or holder is None or record is None:
            return
        if not allowed(who.role, Permission.TAKE_PAYMENTS):
            self.status.show_error(self.tr("Your role cannot take payments; ask a colleague at the desk."))
            return
        station, language = self._station, current_language()
        unit, name, kind = record.unit, holder.name, holder.kind
        key = self._pay_key.key_for((unit, name, kind))

        def pay() -> PaymentResult:
            paid = station.release_slips.pay_arrears(unit, name, kind, PaymentMethod.CASH, language, key)
            if paid.job_id is None:
                return paid
            printed = station.printing.print_now(
                PrintOutcome(paid.job_id, paid.printed, paid.printer, paid.error)
            )
            return replace(paid, printed=printed.printed, printer=printed.printer, error=printed.error)

        self.pay_button.setEnabled(False)  # one payment at a time
        QueryOp(self, pay, self._paid).failure(self._pay_failed).run_in_background()

    def _pay_failed(self, error: Exception) -> None:
        self.pay_button.setEnabled(True)
        self.status.show_error(error_message(error))

    def _paid(self, paid: PaymentResult) -> None:
        self._pay_key.answered()
        self.pay_button.setEnabled(True)
        message = self.tr("Paid ¥%1, receipt %2.").replace("%1", format_yuan(paid.amount_fen))
        message = message.replace("%2", paid.receipt_number)
        if not paid.printed:
            message += " " + self.tr("The receipt is waiting in the print queue.")
        self.look_up(message)  # the fees have changed: show the unit afresh, with the same payer chosen

    # -- the call to the owner ---------------------------------------------------------------

    def _record_call(self) -> None:
        who, holder, record = self._who(), self._holder(), self._record
        if who is None or holder is None or record is None:
            return
        owner = self.owner_combo.currentData()
        if not isinstance(owner, ResidentView):
            self.call_status.show_error(
                validation_message(ValidationError("owner", "not_on_record", unit=record.unit))
            )
            return
        if not (self.consent_yes.isChecked() or self.consent_no.isChecked()):
            self.call_status.show_error(self.tr("Does the owner consent? Choose yes or no."))
            return
        answers = OwnerAnswers(
            self.owner_knows_check.isChecked(),
            self.rent_owed_check.isChecked(),
            self.owner_items_check.isChecked(),
            self.consent_yes.isChecked(),
            self.call_note_edit.text(),
        )
        slips, unit, tenant, owner_name = self._station.release_slips, record.unit, holder.name, owner.name
        QueryOp(
            self,
            lambda: slips.record_owner_call(unit, tenant, owner_name, answers),
            lambda call: self._call_recorded(call, answers),
        ).failure_in(self.call_status).run_in_background()

    def _call_recorded(self, call: OwnerCallView, answers: OwnerAnswers) -> None:
        self._call = call
        when = call.phoned_at.astimezone(self._station.site.timezone).strftime("%H:%M")
        owner_name = call.owner_name
        if answers.consent:
            text = self.tr("Recorded at %1: owner %2 consents.")
        else:
            text = self.tr(
                "Recorded at %1: owner %2 does not consent. No slip; ask the tenant to contact the owner."
            )
        self.call_status.setText(text.replace("%1", when).replace("%2", owner_name))

    # -- items and issuing -------------------------------------------------------------------

    def _add_item(self) -> None:
        try:
            name, quantity = validate_item(self.item_edit.text(), self.quantity_spin.value())
        except ValidationError as error:
            self.status.show_error(validation_message(error))
            return
        self._items.append((name, quantity))
        self.item_list.addItem(f"{name} × {quantity}")
        self.item_edit.clear()
        self.quantity_spin.setValue(1)
        self.status.clear()

    def _remove_item(self) -> None:
        row = self.item_list.currentRow()
        if 0 <= row < len(self._items):
            del self._items[row]
            self.item_list.takeItem(row)

    def _override(self) -> ArrearsApproval | None:
        # No supervisor named yet: the service says an approval is needed, not "give the reason".
        if not self.supervisor_edit.text().strip():
            return None
        return ArrearsApproval(
            supervisor=self.supervisor_edit.text(),
            pin=self.supervisor_pin_edit.text(),
            reason=self.override_reason_edit.text(),
        )

    def _issue(self) -> None:
        who, holder, record = self._who(), self._holder(), self._record
        if who is None:
            self.status.show_error(validation_message(ValidationError("staff", "not_allowed")))
            return
        if holder is None or record is None:
            self.status.show_error(self.tr("Look up the unit and choose who is taking the goods out."))
            return
        request = SlipIssue(
            unit=record.unit,
            holder_name=holder.name,
            party_kind=holder.kind,
            id_type=str(self.id_type_combo.currentData()),
            id_number=self.id_edit.text(),
            items=[SlipLine(name=name, quantity=quantity) for name, quantity in self._items],
            signed_name=self.signature_edit.text(),
            signature_confirmed=self.signature_check.isChecked(),
            owner_call_id=self._call.call_id if self._call else None,
            override=self._override(),
            language=current_language(),
        )
        station = self._station
        key = self._issue_key.key_for(request.model_dump_json())

        def issue() -> IssuedSlip:
            issued = station.release_slips.issue(request, key)
            return replace(issued, printed=station.printing.print_now(issued.printed))

        self.issue_button.setEnabled(False)  # one slip at a time
        QueryOp(self, issue, self._issued).failure(self._issue_failed).run_in_background()

    def _issue_failed(self, error: Exception) -> None:
        self.issue_button.setEnabled(True)
        self.supervisor_pin_edit.clear()
        message = error_message(error)
        if (
            isinstance(error, ValidationError)
            and error.field == "id_number"
            and self.id_edit.text()
            and not self.id_show_button.isChecked()
        ):
            message += " " + self.tr("Press “Show” beside the ID number to see what was typed.")
        self.status.show_error(message)

    def _issued(self, issued: IssuedSlip) -> None:
        self._issue_key.answered()
        self.issue_button.setEnabled(True)
        message = self.tr("Slip %1 issued. Tear off the guard copy and hand it to the lobby guard.")
        message = message.replace("%1", issued.slip_number)
        if not issued.printed.printed:
            message += " " + self.tr("Not printed yet: the slip is waiting in the print queue.")
        self._clear_form()
        self.status.setText(message)
        self.refresh()

    def _show_id(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.PasswordEchoOnEdit
        self.id_edit.setEchoMode(mode)
        self.id_show_button.setText(self.tr("Hide") if shown else self.tr("Show"))

    def _clear_form(self) -> None:
        """Empty for the next person: the holder's details and the items."""
        self._clear_holder_details()
        self.item_edit.clear()
        self._items = []
        self.item_list.clear()

    def _clear_holder_details(self) -> None:
        """What belongs to one holder of one unit: their ID, signature, the approval, the call."""
        for edit in (
            self.id_edit,
            self.signature_edit,
            self.supervisor_edit,
            self.supervisor_pin_edit,
            self.override_reason_edit,
            self.call_note_edit,
        ):
            edit.clear()
        self.id_show_button.setChecked(False)
        for check in (
            self.signature_check,
            self.owner_knows_check,
            self.rent_owed_check,
            self.owner_items_check,
        ):
            check.setChecked(False)
        for radio in (self.consent_yes, self.consent_no):
            radio.setAutoExclusive(False)
            radio.setChecked(False)
            radio.setAutoExclusive(True)
        self._call = None
        self.call_status.clear()
