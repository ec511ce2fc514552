"""Registered mail and parcels at the desk (挂号邮件收发登记簿): log an item as the carrier hands it
over (its label prints here), find it in the register (by tracking number, addressee, unit or
day; a loss report shows its whole trail and who signed last) or by scanning its label from any
section, and take it through its steps: hand it out against ID (type and last four) and a
signature or a staff PIN, record damage with the shift leader's PIN, forward a moved-out
person's, return an unclaimed one with a supervisor's approval (退件). Below, the people who
moved out: one month of free forwarding, their mail on a separate shelf, told weekly.

The site server keeps the register and decides every step; the label prints on this desk's own
printer. Logging is a submit: pressed again after the server did not answer, it is stored once."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QTimer
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
    QVBoxLayout,
    QWidget,
)

from kiosk.api.mail import MailExport, MailHandOut, MailLog, MovedOutAdd
from kiosk.client.http import RetryKey
from kiosk.client.station import Station
from kiosk.domain.mail import Collector, MailEventKind, MailKind, MailStatus, read_mail_code
from kiosk.domain.mail_views import MailEventView, MailItemView, MailLogged, MailRow, MovedOutView
from kiosk.domain.staff import Permission, SignedIn, allowed
from kiosk.domain.text import with_aside
from kiosk.domain.views import DeskHostEntry, PrintOutcome
from kiosk.ui.common.i18n import current_language
from kiosk.ui.common.messages import page_message
from kiosk.ui.common.operations import QueryOp
from kiosk.ui.common.table_model import RowTableModel
from kiosk.ui.common.widgets import (
    SectionPage,
    action_button,
    ask_save_path,
    date_edit,
    id_type_names,
    label_value,
    local_stamp,
    named,
    print_problem,
    table_view,
)
from kiosk.ui.console.hand_over_proof import HandOverProof
from kiosk.ui.console.register_search import register_search_row, ticked_days


def kind_text(kind: MailKind) -> str:
    return {
        MailKind.REGISTERED: QCoreApplication.translate("mail", "Registered letter"),
        MailKind.PARCEL: QCoreApplication.translate("mail", "Parcel"),
        MailKind.PARCEL_SLIP: QCoreApplication.translate("mail", "Parcel slip"),
        MailKind.MONEY_ORDER: QCoreApplication.translate("mail", "Money order"),
    }[kind]


def status_text(status: MailStatus) -> str:
    return {
        MailStatus.WAITING: QCoreApplication.translate("mail", "Waiting"),
        MailStatus.HANDED_OUT: QCoreApplication.translate("mail", "Handed out"),
        MailStatus.FORWARDED: QCoreApplication.translate("mail", "Forwarded"),
        MailStatus.RETURNED: QCoreApplication.translate("mail", "Returned"),
    }[status]


class MailTableModel(RowTableModel[MailRow]):
    def __init__(self, zone: ZoneInfo) -> None:
        super().__init__(
            (
                self.tr("Item"),
                self.tr("Received"),
                self.tr("Kind"),
                self.tr("Tracking number"),
                self.tr("Addressee"),
                self.tr("Unit"),
                self.tr("Shelf"),
                self.tr("State"),
            )
        )
        self._zone = zone

    def item(self, row: int) -> MailRow:
        return self.row_value(row)

    def display(self, r: MailRow, column: int) -> str:
        marks = (" ⚠" if r.damaged else "") + (" ↗" if r.moved_out else "")
        cells = (
            r.number + marks,
            local_stamp(r.received_at, self._zone),
            kind_text(r.kind),
            r.tracking_number,
            r.addressee,
            r.unit,
            r.shelf,
            status_text(r.status),
        )
        return cells[column]


class MailPage(SectionPage):
    def __init__(self, station: Station) -> None:
        super().__init__()
        self.setObjectName("mailPage")
        self._station = station
        self._zone = station.site.timezone
        self._log_key = RetryKey()
        self._shown: MailItemView | None = None
        self._messages = self._page_messages()
        self.ask_save_path: Callable[[str, str, str], str] = lambda title, suggested, kind: ask_save_path(
            self, title, suggested, kind
        )

        outer = QVBoxLayout(self)
        scroll = self._scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        layout = QVBoxLayout(body)

        # 1. Logging an item as the carrier hands it over (签收登记).
        log_group = named(QGroupBox(self.tr("Log an arrival")), "mailLogGroup", self.tr("Log an arrival"))
        form = QFormLayout(log_group)
        self.kind_combo = named(QComboBox(), "mailKindCombo", self.tr("Kind"))
        for kind in MailKind:
            self.kind_combo.addItem(kind_text(kind), kind)
        self.carrier_edit = named(QLineEdit(), "mailCarrierEdit", self.tr("Carrier"))
        self.carrier_edit.setPlaceholderText(self.tr("e.g. 中国邮政, EMS, 顺丰"))
        self.tracking_edit = named(QLineEdit(), "mailTrackingEdit", self.tr("Tracking number"))
        self.tracking_edit.setPlaceholderText(self.tr("Type it or scan the barcode"))
        self.directory_search = named(
            QLineEdit(), "mailDirectorySearch", self.tr("Find in the staff directory")
        )
        self.directory_search.setPlaceholderText(self.tr("Name or pinyin"))
        self.directory_search.returnPressed.connect(self._find_host)
        self.find_button = action_button(
            self.tr("Find"), "mailFindHostButton", self.tr("Find in the staff directory")
        )
        self.find_button.clicked.connect(self._find_host)
        self.host_combo = named(QComboBox(), "mailHostCombo", self.tr("Addressee (staff directory)"))
        self._clear_hosts()
        host_row = QHBoxLayout()
        host_row.addWidget(self.directory_search, 1)
        host_row.addWidget(self.find_button)
        host_row.addWidget(self.host_combo, 1)
        self.addressee_edit = named(QLineEdit(), "mailAddresseeEdit", self.tr("Addressee"))
        self.addressee_edit.setPlaceholderText(self.tr("Name as written on the item"))
        self.unit_edit = named(QLineEdit(), "mailUnitEdit", self.tr("Unit"))
        self.company_edit = named(QLineEdit(), "mailCompanyEdit", self.tr("Company"))
        self.shelf_edit = named(QLineEdit(), "mailShelfEdit", self.tr("Shelf"))
        self.shelf_edit.setPlaceholderText(self.tr("e.g. A-3"))
        form.addRow(self.tr("Kind"), self.kind_combo)
        form.addRow(self.tr("Carrier"), self.carrier_edit)
        form.addRow(self.tr("Tracking number"), self.tracking_edit)
        form.addRow(self.tr("Staff directory"), host_row)
        form.addRow(self.tr("Addressee"), self.addressee_edit)
        form.addRow(self.tr("Unit"), self.unit_edit)
        form.addRow(self.tr("Company"), self.company_edit)
        form.addRow(self.tr("Shelf"), self.shelf_edit)
        self.log_button = action_button(
            self.tr("Log and print the label"), "mailLogButton", self.tr("Log the item and print its label")
        )
        self.log_button.clicked.connect(self.log)
        form.addRow(self.log_button)
        layout.addWidget(log_group)

        # 2. The register: which items, by tracking number / addressee / unit, by day.
        self.which_combo = named(QComboBox(), "mailWhichCombo", self.tr("Which items"))
        self.search_edit = named(QLineEdit(), "mailSearchEdit", self.tr("Search the register"))
        self.search_edit.setPlaceholderText(self.tr("Tracking number, addressee, unit or item number"))
        self.by_day_check = named(
            QCheckBox(self.tr("Received from")), "mailByDayCheck", self.tr("Search by day")
        )
        today = station.clock.now().astimezone(self._zone).date()
        self.day_from_edit = date_edit("mailDayFromEdit", self.tr("From"), today)
        self.day_to_edit = date_edit("mailDayToEdit", self.tr("To"), today)
        self.search_button = action_button(
            self.tr("Search"), "mailSearchButton", self.tr("Search the register")
        )
        self.export_button = action_button(
            self.tr("Export to XLSX"), "mailExportButton", self.tr("Export the register to XLSX")
        )
        choices = (
            ("waiting", self.tr("Waiting")),
            ("unclaimed", self.tr("Unclaimed (to return)")),
            ("damaged", self.tr("Damaged (破损登记)")),
            ("moved_out", self.tr("For people who moved out")),
            ("handed_out", self.tr("Handed out")),
            ("returned", self.tr("Returned (退件登记)")),
            ("all", self.tr("All")),
        )
        list_row = register_search_row(
            self.refresh,
            self.export_xlsx,
            (self.which_combo, choices),
            self.search_edit,
            (self.by_day_check, self.day_from_edit, self.day_to_edit),
            (self.search_button, self.export_button),
            between="–",
        )
        layout.addLayout(list_row)
        self.model = MailTableModel(self._zone)
        self.table = table_view("mailTable", self.tr("Registered mail"), self.model)
        self.table.setMinimumHeight(160)
        self.table.clicked.connect(lambda index: self.open_item(self.model.item(index.row()).item_id))
        layout.addWidget(self.table)

        # 3. The item shown: its details (the damage note in red), its trail, its steps.
        self.detail_label = named(QLabel(), "mailDetailLabel", self.tr("The item"))
        self.detail_label.setWordWrap(True)
        layout.addWidget(self.detail_label)
        self.damage_label = named(QLabel(), "mailDamageLabel", self.tr("Damage note"))
        self.damage_label.setWordWrap(True)
        self.damage_label.setStyleSheet(
            "background: #ffcdd2; color: #b71c1c; font-weight: bold; padding: 6px;"
        )
        self.damage_label.hide()
        layout.addWidget(self.damage_label)
        self.timeline = named(QListWidget(), "mailTimeline", self.tr("The item's trail"))
        self.timeline.setMaximumHeight(150)
        layout.addWidget(self.timeline)

        hand_group = named(QGroupBox(self.tr("Hand out")), "mailHandOutGroup", self.tr("Hand out"))
        hand = QFormLayout(hand_group)
        self.person_radio = named(
            QRadioButton(self.tr("Visitor or resident (ID)")),
            "mailPersonRadio",
            self.tr("Visitor or resident"),
        )
        self.staff_radio = named(
            QRadioButton(self.tr("Member of staff (PIN)")), "mailStaffRadio", self.tr("Member of staff")
        )
        self.person_radio.setChecked(True)
        who_row = QHBoxLayout()
        who_row.addWidget(self.person_radio)
        who_row.addWidget(self.staff_radio)
        who_row.addStretch(1)
        self.collector_edit = named(QLineEdit(), "mailCollectorEdit", self.tr("Collector's name"))
        self.proof = HandOverProof(
            "mail",
            "Signature",
            (
                self.tr("The collector types their name"),
                self.tr("I have received this item"),
                self.tr("Collector's confirmation"),
            ),
        )
        self.staff_user_edit = named(QLineEdit(), "mailStaffUserEdit", self.tr("Staff number"))
        self.staff_pin_edit = named(QLineEdit(), "mailStaffPinEdit", self.tr("Their PIN"))
        self.staff_pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        staff_row = QHBoxLayout()
        staff_row.addWidget(self.staff_user_edit, 1)
        staff_row.addWidget(self.staff_pin_edit, 1)
        self.damage_shown_check = named(
            QCheckBox(self.tr("The collector was shown the damage note")),
            "mailDamageShownCheck",
            self.tr("The collector was shown the damage note"),
        )
        self.hand_out_button = action_button(
            self.tr("Hand out"), "mailHandOutButton", self.tr("Hand the item out")
        )
        hand.addRow(self.tr("Collected by"), who_row)
        hand.addRow(self.tr("Name"), self.collector_edit)
        self.proof.add_rows(hand, self.tr("ID"))
        hand.addRow(self.tr("Staff number, PIN"), staff_row)
        hand.addRow("", self.damage_shown_check)
        hand.addRow(self.hand_out_button)
        layout.addWidget(hand_group)

        steps = named(QGroupBox(self.tr("Other steps")), "mailStepsGroup", self.tr("Other steps"))
        steps_form = QFormLayout(steps)
        self.note_edit = named(QLineEdit(), "mailNoteEdit", self.tr("What is damaged, or the reason"))
        self.note_edit.setPlaceholderText(
            self.tr("What is damaged / why it is returned / how they were told")
        )
        self.signer_edit = named(
            QLineEdit(), "mailSignerEdit", self.tr("Shift leader's or supervisor's staff number")
        )
        self.signer_pin_edit = named(QLineEdit(), "mailSignerPinEdit", self.tr("Their PIN"))
        self.signer_pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        signer_row = QHBoxLayout()
        signer_row.addWidget(self.signer_edit, 1)
        signer_row.addWidget(self.signer_pin_edit, 1)
        self.notified_button = action_button(
            self.tr("Addressee told"), "mailNotifiedButton", self.tr("Record that the addressee was told")
        )
        self.damage_button = action_button(
            self.tr("Record damage"),
            "mailDamageButton",
            self.tr("Record the damage, signed by the shift leader"),
        )
        self.return_button = action_button(
            self.tr("Return to the post office"),
            "mailReturnButton",
            self.tr("Return the item, approved by a supervisor"),
        )
        self.forward_button = action_button(
            self.tr("Forward (free month)"),
            "mailForwardButton",
            self.tr("Forward to the moved-out addressee"),
        )
        self.label_button = action_button(
            self.tr("Print the label again"), "mailLabelButton", self.tr("Print the label again")
        )
        step_row = QHBoxLayout()
        for button in (
            self.notified_button,
            self.damage_button,
            self.return_button,
            self.forward_button,
            self.label_button,
        ):
            step_row.addWidget(button)
        steps_form.addRow(self.tr("Note"), self.note_edit)
        steps_form.addRow(self.tr("Signed by (PIN)"), signer_row)
        steps_form.addRow(step_row)
        layout.addWidget(steps)

        # 4. People who moved out (用户迁离).
        moved_group = named(
            QGroupBox(self.tr("People who moved out")), "mailMovedGroup", self.tr("People who moved out")
        )
        moved = QVBoxLayout(moved_group)
        moved_row = QHBoxLayout()
        self.moved_name_edit = named(QLineEdit(), "mailMovedNameEdit", self.tr("Name"))
        self.moved_name_edit.setPlaceholderText(self.tr("Name"))
        self.moved_unit_edit = named(QLineEdit(), "mailMovedUnitEdit", self.tr("Unit"))
        self.moved_unit_edit.setPlaceholderText(self.tr("Unit"))
        self.moved_phone_edit = named(QLineEdit(), "mailMovedPhoneEdit", self.tr("Phone"))
        self.moved_phone_edit.setPlaceholderText(self.tr("Phone"))
        self.moved_address_edit = named(QLineEdit(), "mailMovedAddressEdit", self.tr("Forwarding address"))
        self.moved_address_edit.setPlaceholderText(self.tr("Forwarding address"))
        self.moved_on_edit = date_edit("mailMovedOnEdit", self.tr("Moved out on"), today)
        self.moved_add_button = action_button(
            self.tr("Add"), "mailMovedAddButton", self.tr("Add the person who moved out")
        )
        for widget in (
            self.moved_name_edit,
            self.moved_unit_edit,
            self.moved_phone_edit,
            self.moved_address_edit,
        ):
            moved_row.addWidget(widget, 1)
        moved_row.addWidget(self.moved_on_edit)
        moved_row.addWidget(self.moved_add_button)
        moved.addLayout(moved_row)
        self.moved_list = named(QListWidget(), "mailMovedList", self.tr("People who moved out"))
        self.moved_list.setMaximumHeight(110)
        moved.addWidget(self.moved_list)
        told_row = QHBoxLayout()
        self.told_button = action_button(
            self.tr("Told them to collect"), "mailToldButton", self.tr("Record the weekly reminder")
        )
        self.moved_close_button = action_button(
            self.tr("Nothing more expected"), "mailMovedCloseButton", self.tr("Close the moved-out record")
        )
        told_row.addWidget(self.told_button)
        told_row.addWidget(self.moved_close_button)
        told_row.addStretch(1)
        moved.addLayout(told_row)
        layout.addWidget(moved_group)

        self.status_label = self.add_status(layout, "mailStatus", self.tr("Last action result"))
        self.transient(
            self.carrier_edit, self.tracking_edit, self.addressee_edit, self.unit_edit, self.company_edit,
            self.shelf_edit, self.search_edit, self.directory_search, self.collector_edit, *self.proof.edits,
            self.staff_user_edit, self.staff_pin_edit, self.note_edit, self.signer_edit,
            self.signer_pin_edit, self.moved_name_edit, self.moved_unit_edit, self.moved_phone_edit,
            self.moved_address_edit,
        )  # fmt: skip
        self._moved: list[MovedOutView] = []
        self.hand_out_button.clicked.connect(self._hand_out)
        self.notified_button.clicked.connect(self._notified)
        self.damage_button.clicked.connect(self._damage)
        self.return_button.clicked.connect(self._return)
        self.forward_button.clicked.connect(self._forward)
        self.label_button.clicked.connect(self._print_label)
        self.moved_add_button.clicked.connect(self._add_moved)
        self.told_button.clicked.connect(
            lambda: self._moved_step(
                self._station.mail.told_to_collect, self.tr("Reminder recorded: off the board for a week.")
            )
        )
        self.moved_close_button.clicked.connect(
            lambda: self._moved_step(
                self._station.mail.close_moved_out, self.tr("Closed: no more reminders.")
            )
        )
        self._show(None)

    # --- the console's hooks --------------------------------------------------------------------
    def set_session(self, who: SignedIn | None) -> None:
        super().set_session(who)
        self._show(None)
        self.model.set_rows([])
        self.export_button.setEnabled(self._may(Permission.SUPERVISE_MAIL))
        if who is not None and allowed(who.role, Permission.HANDLE_MAIL):
            self.refresh()

    def on_server_event(self, topic: str) -> None:
        if topic in ("mail", "connected", "resync") and self._may(Permission.HANDLE_MAIL):
            self.refresh()
            if self._shown is not None:
                self.open_item(self._shown.item_id, quiet=True)

    def clear_transient(self) -> None:
        super().clear_transient()
        self._show(None)
        self.table.clearSelection()

    def _may(self, permission: Permission) -> bool:
        return self.session is not None and allowed(self.session.role, permission)

    # --- logging --------------------------------------------------------------------------------
    def _clear_hosts(self) -> None:
        self.host_combo.clear()
        self.host_combo.addItem(self.tr("— not in the directory: type the addressee below —"), None)

    def _find_host(self) -> None:
        if not self._may(Permission.HANDLE_MAIL):
            return
        text, mail = self.directory_search.text(), self._station.mail
        QueryOp(self, lambda: mail.directory(text), self._hosts_found, key="directory").failure(
            self._failed
        ).run_in_background()

    def _hosts_found(self, hosts: list[DeskHostEntry]) -> None:
        self._clear_hosts()
        for host in hosts:
            self.host_combo.addItem(with_aside(host.name, host.department), host.host_id)
        if hosts:
            self.host_combo.setCurrentIndex(1)
        else:
            self.status_label.show_error(self.tr("Nobody of that name in the staff directory."))

    def log(self) -> None:
        if not self._may(Permission.HANDLE_MAIL):
            return
        kind = self.kind_combo.currentData()
        host = self.host_combo.currentData()
        assert isinstance(kind, MailKind)
        request = MailLog(
            kind=kind,
            carrier=self.carrier_edit.text()[:80],
            tracking_number=self.tracking_edit.text()[:80],
            addressee=self.addressee_edit.text()[:80],
            unit=self.unit_edit.text()[:80],
            company=self.company_edit.text()[:80],
            host_id=host if isinstance(host, int) else None,
            shelf=self.shelf_edit.text()[:80],
            language=current_language(),
        )
        key = self._log_key.key_for(request)
        self.log_button.setEnabled(False)
        station = self._station

        def log() -> MailLogged:
            done = station.mail.log(request, key)
            # Printed now at this desk, in the same background work: the page says how it went.
            return replace(done, printed=station.printing.print_now(done.printed))

        QueryOp(self, log, self._logged).failure(self._log_failed).run_in_background()

    def _logged(self, done: MailLogged) -> None:
        self._log_key.answered()
        self.log_button.setEnabled(True)
        for edit in (
            self.tracking_edit,
            self.addressee_edit,
            self.unit_edit,
            self.company_edit,
            self.shelf_edit,
            self.directory_search,
        ):
            edit.clear()
        self._clear_hosts()
        self._show_in_view(done.item)
        if done.printed.error:
            self.status_label.show_error(
                self.tr("%1 logged, but the printer did not print its label: %2")
                .replace("%1", done.item.number)
                .replace("%2", print_problem(self._station.printers, done.printed.error))
            )
        else:
            told = self.tr(" The addressee was e-mailed.") if done.notified else ""
            self.status_label.setText(
                self.tr("%1 logged; stick the label on it.").replace("%1", done.item.number) + told
            )
        self.refresh()

    def _log_failed(self, error: Exception) -> None:
        self.log_button.setEnabled(True)
        self._failed(error)

    # --- the register and the item shown -------------------------------------------------------
    def refresh(self) -> None:
        if not self._may(Permission.HANDLE_MAIL):
            return
        which = str(self.which_combo.currentData())
        text = self.search_edit.text()
        day_from, day_to = ticked_days(self.by_day_check, self.day_from_edit, self.day_to_edit)
        mail = self._station.mail
        QueryOp(
            self, lambda: mail.listing(which, text, day_from, day_to), self.model.set_rows, key="list"
        ).failure(self._failed).run_in_background()
        QueryOp(self, mail.moved_out, self._show_moved, key="moved").failure(self._failed).run_in_background()

    def open_item(self, item_id: int, quiet: bool = False) -> None:
        mail = self._station.mail
        shown: Callable[[MailItemView], None] = self._show if quiet else self._show_in_view
        QueryOp(self, lambda: mail.item(item_id), shown, key="detail").failure(
            self._failed
        ).run_in_background()

    def wants(self, code: str) -> bool:
        """Whether a scanned code is a mail label's (the desk window hands those here)."""
        return read_mail_code(code) is not None

    def scanned(self, code: str) -> None:
        """A label's QR scanned at this desk: bring its item up, ready to hand out."""
        if not self._may(Permission.HANDLE_MAIL):
            return
        mail = self._station.mail
        QueryOp(self, lambda: mail.find(code), self._found, key="detail").failure(
            self._failed
        ).run_in_background()

    def _found(self, item: MailItemView) -> None:
        self._show_in_view(item)
        self.status_label.setText(self.tr("Label %1 scanned.").replace("%1", item.number))

    # --- the steps ------------------------------------------------------------------------------
    def _act(self, call: Callable[[int], MailItemView], done: str, *clear: QLineEdit) -> None:
        shown = self._shown
        if shown is None or not self._may(Permission.HANDLE_MAIL):
            return

        def stepped(item: MailItemView) -> None:
            for edit in clear:
                edit.clear()
            self._show(item)
            self.status_label.setText(done)
            self.refresh()

        QueryOp(self, lambda: call(shown.item_id), stepped).failure(self._failed).run_in_background()

    def _hand_out(self) -> None:
        staff = self.staff_radio.isChecked()
        id_type, last_four, signed, confirmed = self.proof.values()
        body = MailHandOut(
            collector=Collector.STAFF if staff else Collector.PERSON,
            name=self.collector_edit.text()[:80],
            id_type=id_type,
            id_last_four=last_four[:8],
            signed_name=signed[:80],
            signature_confirmed=confirmed,
            staff_username=self.staff_user_edit.text()[:80],
            staff_secret=self.staff_pin_edit.text()[:200],
            damage_shown=self.damage_shown_check.isChecked(),
        )
        self.staff_pin_edit.clear()  # never kept on screen, whatever the answer
        mail = self._station.mail
        self._act(
            lambda item_id: mail.hand_out(item_id, body),
            self.tr("Handed out and signed for."),
            self.collector_edit, *self.proof.edits, self.staff_user_edit,
        )  # fmt: skip
        self.proof.signature_check.setChecked(False)
        self.damage_shown_check.setChecked(False)

    def _notified(self) -> None:
        how = self.note_edit.text() or self.tr("phoned")
        mail = self._station.mail
        self._act(
            lambda item_id: mail.record_notified(item_id, how),
            self.tr("Recorded: the addressee was told."),
            self.note_edit,
        )

    def _damage(self) -> None:
        what, leader, pin = self.note_edit.text(), self.signer_edit.text(), self.signer_pin_edit.text()
        self.signer_pin_edit.clear()
        mail = self._station.mail
        self._act(
            lambda item_id: mail.record_damage(item_id, what, leader, pin),
            self.tr("Damage recorded and signed: seal the damaged part with the “received damaged” seal."),
            self.note_edit, self.signer_edit,
        )  # fmt: skip

    def _return(self) -> None:
        reason, approver, pin = self.note_edit.text(), self.signer_edit.text(), self.signer_pin_edit.text()
        self.signer_pin_edit.clear()
        mail = self._station.mail
        self._act(
            lambda item_id: mail.return_item(item_id, reason, approver, pin),
            self.tr("Returned with approval: logged in the returns register."),
            self.note_edit, self.signer_edit,
        )  # fmt: skip

    def _forward(self) -> None:
        address = self.note_edit.text()
        mail = self._station.mail
        self._act(
            lambda item_id: mail.forward(item_id, address), self.tr("Forwarded (平邮转投)."), self.note_edit
        )

    def _print_label(self) -> None:
        shown = self._shown
        if shown is None or not self._may(Permission.HANDLE_MAIL):
            return
        station = self._station

        def printed(outcome: PrintOutcome) -> None:
            error = outcome.error
            if error:
                self.status_label.show_error(
                    self.tr("The printer did not print the label: %1").replace(
                        "%1", print_problem(station.printers, error)
                    )
                )
            else:
                self.status_label.setText(self.tr("Label copy printed."))

        QueryOp(
            self, lambda: station.printing.print_now(station.mail.print_label(shown.item_id)), printed
        ).failure(self._failed).run_in_background()

    def export_xlsx(self) -> None:
        if not self._may(Permission.SUPERVISE_MAIL):
            return
        chosen = self.ask_save_path(self.tr("Export the register"), "mail-register.xlsx", "XLSX (*.xlsx)")
        if not chosen:
            return
        body = MailExport(which=str(self.which_combo.currentData()), q=self.search_edit.text()[:80])
        mail, path = self._station.mail, Path(chosen)
        QueryOp.reporting(self, lambda report: mail.export(body, path, report), self._exported).failure(
            self._failed
        ).with_progress(self.tr("Exporting the register…")).run_in_background()

    def _exported(self, saved: Path) -> None:
        self.status_label.setText(self.tr("Register saved to %1.").replace("%1", str(saved)))

    # --- people who moved out ------------------------------------------------------------------
    def _show_moved(self, people: list[MovedOutView]) -> None:
        self._moved = people
        selected = self.moved_list.currentRow()
        self.moved_list.clear()
        for p in people:
            told = local_stamp(p.last_told_at, self._zone) or self.tr("never")
            self.moved_list.addItem(
                # The number to call for the weekly reminder: the board shows it masked.
                self.tr("%1 %2 · moved out %3 · free forwarding until %4 · %5 waiting · last told %6 · phone %7")
                .replace("%1", p.name).replace("%2", p.unit).replace("%3", p.moved_out_on.isoformat())
                .replace("%4", p.forward_until.isoformat()).replace("%5", str(p.waiting)).replace("%6", told)
                .replace("%7", p.phone or "—")
            )  # fmt: skip
        if 0 <= selected < len(people):
            self.moved_list.setCurrentRow(selected)

    def _add_moved(self) -> None:
        if not self._may(Permission.HANDLE_MAIL):
            return
        moved_on = self.moved_on_edit.date().toPython()
        assert isinstance(moved_on, date)
        body = MovedOutAdd(
            name=self.moved_name_edit.text()[:80],
            moved_out_on=moved_on,
            unit=self.moved_unit_edit.text()[:80],
            phone=self.moved_phone_edit.text()[:80],
            forward_address=self.moved_address_edit.text()[:500],
        )
        mail = self._station.mail

        def added(view: MovedOutView) -> None:
            for edit in (
                self.moved_name_edit,
                self.moved_unit_edit,
                self.moved_phone_edit,
                self.moved_address_edit,
            ):
                edit.clear()
            self.status_label.setText(
                self.tr("%1 added: free forwarding until %2.")
                .replace("%1", view.name)
                .replace("%2", view.forward_until.isoformat())
            )
            self.refresh()

        QueryOp(self, lambda: mail.add_moved_out(body), added).failure(self._failed).run_in_background()

    def _moved_step(self, call: Callable[[int], MovedOutView], done: str) -> None:
        row = self.moved_list.currentRow()
        if not (0 <= row < len(self._moved)) or not self._may(Permission.HANDLE_MAIL):
            self.status_label.show_error(self.tr("Select a person in the list first."))
            return
        moved_out_id = self._moved[row].moved_out_id

        def stepped(_view: MovedOutView) -> None:
            self.status_label.setText(done)
            self.refresh()

        QueryOp(self, lambda: call(moved_out_id), stepped).failure(self._failed).run_in_background()

    def _failed(self, error: Exception) -> None:
        self.status_label.show_error(page_message(self._messages, error))

    # --- showing --------------------------------------------------------------------------------
    def _show(self, item: MailItemView | None) -> None:
        self._shown = item
        self.timeline.clear()
        waiting = item is not None and item.status is MailStatus.WAITING
        may = self._may(Permission.HANDLE_MAIL)
        for button in (self.hand_out_button, self.notified_button, self.damage_button, self.return_button):
            button.setEnabled(may and waiting)
        self.forward_button.setEnabled(may and waiting and item is not None and item.moved_out_id is not None)
        self.label_button.setEnabled(may and item is not None)
        self.damage_shown_check.setVisible(item is not None and bool(item.damage))
        if item is None:
            self.detail_label.setText(self.tr("Log an item, choose one in the register, or scan its label."))
            self.damage_label.hide()
            return
        self.detail_label.setText("\n".join(self._details(item)))
        if item.damage:
            # What the collector is shown before they sign (邮件破损登记): never missed.
            self.damage_label.setText(
                self.tr("RECEIVED DAMAGED: %1 (signed by shift leader %2). Show this to the collector.")
                .replace("%1", item.damage)
                .replace("%2", item.damage_signed_by)
            )
            self.damage_label.show()
        else:
            self.damage_label.hide()
        for event in item.events:
            self.timeline.addItem(self._event_line(event))

    def _show_in_view(self, item: MailItemView) -> None:
        self._show(item)
        QTimer.singleShot(0, lambda: self._scroll.ensureWidgetVisible(self.detail_label, 0, 8))

    def _details(self, i: MailItemView) -> list[str]:
        lines = [
            f"{i.number} · {kind_text(i.kind)} · {i.carrier} {i.tracking_number}",
            label_value(self.tr("Addressee"), " ".join(p for p in (i.addressee, i.unit, i.company) if p)),
            label_value(self.tr("State"), status_text(i.status) + (f" · {i.shelf}" if i.shelf else "")),
            label_value(self.tr("Last signed by"), i.last_signer),
        ]
        if i.moved_out_id is not None and i.forward_until is not None:
            lines.append(
                self.tr("Moved out: free forwarding until %1.").replace("%1", i.forward_until.isoformat())
            )
        if i.collector_name:
            id_text = (
                self.tr("staff PIN")
                if i.collector is Collector.STAFF
                else f"{id_type_names().get(i.collector_id_type, i.collector_id_type)} ****{i.collector_id_last_four}"
            )
            lines.append(
                label_value(
                    self.tr("Collected by"),
                    f"{i.collector_name} ({id_text}) · {local_stamp(i.handed_out_at, self._zone)}",
                )
            )
        if i.return_number:
            lines.append(
                label_value(
                    self.tr("Returned"), f"{i.return_number} · {i.return_reason} · {i.return_approved_by}"
                )
            )
        return lines

    def _event_line(self, event: MailEventView) -> str:
        words = {
            MailEventKind.RECEIVED: self.tr("Signed for from the carrier"),
            MailEventKind.NOTIFIED: self.tr("Addressee told"),
            MailEventKind.SHELVED: self.tr("Shelved"),
            MailEventKind.DAMAGED: self.tr("Damage recorded"),
            MailEventKind.HANDED_OUT: self.tr("Handed out"),
            MailEventKind.FORWARDED: self.tr("Forwarded"),
            MailEventKind.RETURNED: self.tr("Returned to the post office"),
        }
        parts = [local_stamp(event.at, self._zone), words[event.kind]]
        if event.note:
            parts.append(event.note)
        if event.signer:
            parts.append(self.tr("signed: %1").replace("%1", event.signer))
        line = " · ".join(parts)
        return f"{line} — {event.actor_name}" if event.actor_name else line

    def _page_messages(self) -> dict[tuple[str, str], str]:
        """What to fix, in the desk's words (params fill %1 in order)."""
        busy = self.tr("Item %1 cannot take this step now: it is %2.")
        messages = {
            ("carrier", "required"): self.tr("Please enter the carrier (e.g. 中国邮政)."),
            ("tracking_number", "required"): self.tr("Please type or scan the tracking number."),
            ("tracking_number", "characters"): self.tr(
                "A tracking number has only letters, digits and dashes."
            ),
            ("tracking_number", "too_long"): self.tr(
                "The tracking number is too long: at most %1 characters."
            ),
            ("tracking_number", "logged"): self.tr("This tracking number is already waiting as item %1."),
            ("addressee", "required"): self.tr(
                "Who is it for? Type the addressee or find them in the directory."
            ),
            ("host", "unknown"): self.tr("That person is no longer in the staff directory."),
            ("collector_name", "required"): self.tr("Please enter the collector's name."),
            ("last_four", "required"): self.tr(
                "Please enter the last four characters of the collector's ID."
            ),
            ("signature", "required"): self.tr("The collector types their name and ticks the confirmation."),
            ("signature", "mismatch"): self.tr("The signature must be the collector's name as entered."),
            ("damage", "required"): self.tr("Please say what is damaged."),
            ("damage", "recorded"): self.tr("Damage of item %1 is already recorded."),
            ("damage", "not_shown"): self.tr(
                "Item %1 arrived damaged: show the collector the damage note and tick the box."
            ),
            ("reason", "required"): self.tr("Please give the reason."),
            ("approver", "required"): self.tr(
                "A return needs a supervisor's approval: their staff number and PIN."
            ),
            ("signer", "not_allowed"): self.tr("Only a shift leader or supervisor can sign this."),
            ("signer", "same_person"): self.tr("Someone else must sign: not the clerk at the desk."),
            ("forwarding", "not_moved_out"): self.tr("Item %1 is not for someone who moved out."),
            ("forwarding", "ended"): self.tr(
                "The free forwarding ended on %1: keep it on the shelf and tell them to collect."
            ),
            ("address", "required"): self.tr("Please enter the forwarding address."),
            ("how", "required"): self.tr("Please say how the addressee was told."),
            ("shelf", "required"): self.tr("Please enter the shelf."),
            ("name", "required"): self.tr("Please enter the name."),
            ("mail", "unknown"): self.tr("This item is not in the register."),
            ("mail", "no_label"): self.tr("This item has no label to print again."),
            ("mail_code", "format"): self.tr("This is not a mail label's code."),
            ("moved_out", "unknown"): self.tr("This person is not in the moved-out list."),
            ("staff", "not_allowed"): self.tr("Your role cannot do this. Ask a supervisor."),
        }
        for status in MailStatus:
            messages["mail", f"is_{status.value}"] = busy.replace("%2", status_text(status))
        return messages
