"""Walk-in registration at the desk (来访登记): the receptionist checks a visitor in for them (an
elderly visitor, an official, someone without a phone) through the kiosk's own check-in on the
server, the desk's ID-card reader filling the form. The person visited is a member of staff or a
unit (房号) from the resident records, whose residents and phone numbers the desk sees to call.
Once registered, "Record call" records the desk's call (kiosk.ui.console.call_dialog)."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kiosk.client.station import Station
from kiosk.devices.errors import IdCardNotSupportedError, IdCardReadError, NoIdCardError
from kiosk.devices.idreader.text import IdCardRecord
from kiosk.domain.calls import UnitView, WalkInRequest
from kiosk.domain.documents import PartyKind
from kiosk.domain.identity import ID_NUMBER_MAX_CHARS, mask_id_number
from kiosk.domain.staff import Permission, SignedIn, allowed
from kiosk.domain.views import CheckInRequest, CheckInResult, HostEntry
from kiosk.domain.visit import VisitStatus
from kiosk.domain.visitor import COMPANY_MAX_CHARS, MOBILE_MAX_CHARS, NAME_MAX_CHARS, PURPOSE_MAX_CHARS
from kiosk.domain.visitor_kinds import VisitorKind
from kiosk.ui.common.background import run_in_background
from kiosk.ui.common.id_card_read import read_or_error
from kiosk.ui.common.kind_words import kind_name
from kiosk.ui.common.messages import error_message
from kiosk.ui.common.operations import QueryOp
from kiosk.ui.common.widgets import SectionPage, action_button, id_type_combo, named
from kiosk.ui.console.call_dialog import CallRecorder

ID_CARD_READ_TIMEOUT_S = 15.0  # how long "Read ID card" waits for the card to be laid on the reader
PARTY_MAX = 50
_ID = int(Qt.ItemDataRole.UserRole)


class WalkInPage(SectionPage):
    def __init__(self, station: Station) -> None:
        super().__init__()
        self.setObjectName("walkInPage")
        self._station = station
        self._card_number = ""  # the full number read from the card, held until registered
        self._read_cancel: threading.Event | None = None
        self._read_generation = 0
        self._unit: UnitView | None = None
        self._registered: tuple[int, str] | None = None  # the last visit registered, for its call
        layout = QHBoxLayout(self)

        form_box = QVBoxLayout()
        title = QLabel(self.tr("Register a walk-in visitor"))
        title.setStyleSheet("font-size: 20px; font-weight: bold;")
        form_box.addWidget(title)
        reader_row = QHBoxLayout()
        self.read_button = action_button(
            self.tr("Read ID card"), "walkInReadIdButton", self.tr("Read the visitor's ID card")
        )
        self.read_button.clicked.connect(self._read_card)
        self.read_button.setVisible(station.id_reader is not None)
        self.reader_status = named(QLabel(), "walkInReaderStatus", self.tr("ID card reader"))
        self.reader_status.setWordWrap(True)
        reader_row.addWidget(self.read_button)
        reader_row.addWidget(self.reader_status, 1)
        form_box.addLayout(reader_row)
        form = QFormLayout()
        self.name_edit = self._line("walkInNameEdit", self.tr("Visitor's name"), NAME_MAX_CHARS)
        form.addRow(self.tr("Name"), self.name_edit)
        self.company_edit = self._line("walkInCompanyEdit", self.tr("Company or unit"), COMPANY_MAX_CHARS)
        form.addRow(self.tr("Company or unit"), self.company_edit)
        self.mobile_edit = self._line("walkInMobileEdit", self.tr("Mobile (optional)"), MOBILE_MAX_CHARS)
        form.addRow(self.tr("Mobile (optional)"), self.mobile_edit)
        self.id_type_combo = id_type_combo("walkInIdTypeCombo", self.tr("ID document"))
        self.id_type_combo.currentIndexChanged.connect(self._id_type_chosen)
        form.addRow(self.tr("ID document"), self.id_type_combo)
        self.id_edit = self._line("walkInIdNumberEdit", self.tr("ID number"), ID_NUMBER_MAX_CHARS)
        form.addRow(self.tr("ID number"), self.id_edit)
        self.purpose_edit = self._line(
            "walkInPurposeEdit", self.tr("Purpose of the visit"), PURPOSE_MAX_CHARS
        )
        form.addRow(self.tr("Purpose"), self.purpose_edit)
        self.party_spin = named(QSpinBox(), "walkInPartySpin", self.tr("Number of people"))
        self.party_spin.setRange(1, PARTY_MAX)
        form.addRow(self.tr("People"), self.party_spin)
        # Who approves follows the kind (seed 001's table): an official or a visiting group waits
        # for the duty officer at the management office, whoever registers them.
        self.kind_combo = named(QComboBox(), "walkInKindCombo", self.tr("Kind of visitor"))
        for kind in (VisitorKind.VISITOR, VisitorKind.GOVERNMENT, VisitorKind.TOUR_GROUP):
            self.kind_combo.addItem(kind_name(kind), kind)
        form.addRow(self.tr("Kind of visitor"), self.kind_combo)
        form_box.addLayout(form)

        # The person visited: a member of staff, or a unit and perhaps one of its residents.
        visited = QHBoxLayout()
        self.staff_radio = named(QRadioButton(self.tr("Member of staff")), "walkInStaffRadio", "")
        self.unit_radio = named(QRadioButton(self.tr("Unit (resident)")), "walkInUnitRadio", "")
        self.staff_radio.setAccessibleName(self.tr("Visiting a member of staff"))
        self.unit_radio.setAccessibleName(self.tr("Visiting a unit"))
        group = QButtonGroup(self)
        for radio in (self.staff_radio, self.unit_radio):
            group.addButton(radio)
            visited.addWidget(radio)
        self.staff_radio.setChecked(True)
        group.buttonClicked.connect(lambda _b: self._visited_changed())
        form_box.addWidget(QLabel(self.tr("Visiting")))
        form_box.addLayout(visited)
        self.host_edit = named(QLineEdit(), "walkInHostEdit", self.tr("Search the host"))
        self.host_edit.setPlaceholderText(self.tr("Name, pinyin or initials"))
        self.host_edit.textChanged.connect(self._search_hosts)
        self.host_list = named(QListWidget(), "walkInHostList", self.tr("Hosts found"))
        self.host_list.setMaximumHeight(110)
        form_box.addWidget(self.host_edit)
        form_box.addWidget(self.host_list)
        unit_row = QHBoxLayout()
        self.unit_edit = named(QLineEdit(), "walkInUnitEdit", self.tr("Unit number (房号)"))
        self.unit_edit.setPlaceholderText(self.tr("Unit, e.g. 2-104"))
        self.unit_edit.setMaxLength(40)
        self.unit_edit.returnPressed.connect(self._look_up_unit)
        self.unit_button = action_button(
            self.tr("Look up"), "walkInUnitButton", self.tr("Look up the unit's residents")
        )
        self.unit_button.clicked.connect(self._look_up_unit)
        unit_row.addWidget(self.unit_edit, 1)
        unit_row.addWidget(self.unit_button)
        form_box.addLayout(unit_row)
        self.resident_list = named(
            QListWidget(), "walkInResidentList", self.tr("The unit's residents and their phone numbers")
        )
        self.resident_list.setMaximumHeight(120)
        form_box.addWidget(self.resident_list)
        self.declaration_check = named(
            QCheckBox(
                self.tr("The visitor declares no gas cylinders, fireworks or large amounts of thinner")
            ),
            "walkInDeclarationCheck",
            self.tr("Forbidden-items declaration"),
        )
        form_box.addWidget(self.declaration_check)
        buttons = QHBoxLayout()
        self.register_button = action_button(
            self.tr("Register"), "walkInRegisterButton", self.tr("Register the visitor")
        )
        self.register_button.clicked.connect(self._register)
        self.call_button = action_button(
            self.tr("Record call (intercom / phone)"),
            "walkInCallButton",
            self.tr("Record the call about the visitor just registered"),
        )
        self.call_button.clicked.connect(self._record_call)
        self.call_button.setEnabled(False)
        self.clear_button = action_button(
            self.tr("New visitor"), "walkInClearButton", self.tr("Clear the form")
        )
        self.clear_button.clicked.connect(self._clear)
        for button in (self.register_button, self.call_button, self.clear_button):
            buttons.addWidget(button)
        form_box.addLayout(buttons)
        self.status = self.add_status(form_box, "walkInStatus", self.tr("Result of the last action"))
        form_box.addStretch(1)
        layout.addLayout(form_box, 3)
        layout.addStretch(1)
        self._visited_changed()

    @staticmethod
    def _line(object_name: str, accessible: str, max_length: int) -> QLineEdit:
        edit = named(QLineEdit(), object_name, accessible)
        edit.setMaxLength(max_length + 10)  # the service says what is too long, in words
        return edit

    # -- session -----------------------------------------------------------------------------

    def _signed(self) -> SignedIn | None:
        who = self.session
        return who if who is not None and allowed(who.role, Permission.REGISTER_VISITORS) else None

    def set_session(self, who: SignedIn | None) -> None:
        super().set_session(who)
        if who is None:
            self._clear()  # a visitor's details are not left for the next person at the desk

    # -- the person visited ------------------------------------------------------------------

    def _visited_changed(self) -> None:
        staff = self.staff_radio.isChecked()
        shown: list[tuple[QWidget, bool]] = [
            (self.host_edit, staff),
            (self.host_list, staff),
            (self.unit_edit, not staff),
            (self.unit_button, not staff),
            (self.resident_list, not staff),
        ]
        for widget, visible in shown:
            widget.setVisible(visible)

    def _search_hosts(self, text: str) -> None:
        if self._signed() is None:
            return
        visits = self._station.visits
        QueryOp(self, lambda: visits.search_hosts(text), self._show_hosts, key="hosts").run_in_background()

    def _show_hosts(self, hosts: list[HostEntry]) -> None:
        self.host_list.clear()
        for host in hosts[:20]:
            item = QListWidgetItem(f"{host.name} · {host.department}")
            item.setData(_ID, host.host_id)
            self.host_list.addItem(item)
        if self.host_list.count() and self.host_edit.text().strip():
            self.host_list.setCurrentRow(0)

    def _look_up_unit(self) -> None:
        if self._signed() is None:
            return
        text = self.unit_edit.text()
        desk_visits = self._station.desk_visits
        QueryOp(self, lambda: desk_visits.unit(text), self._show_unit).failure(
            self._failed
        ).run_in_background()

    def _show_unit(self, unit: UnitView) -> None:
        self._unit = unit
        self.resident_list.clear()
        anyone = QListWidgetItem(self.tr("Unit %1 (whoever answers)").replace("%1", unit.unit))
        anyone.setData(_ID, None)
        self.resident_list.addItem(anyone)
        kinds = {PartyKind.OWNER: self.tr("owner"), PartyKind.TENANT: self.tr("tenant")}
        for resident in unit.residents:
            item = QListWidgetItem(
                self.tr("%1 (%2), phone %3")
                .replace("%1", resident.name)
                .replace("%2", kinds[resident.kind])
                .replace("%3", resident.phone)
            )
            item.setData(_ID, resident.resident_id)
            self.resident_list.addItem(item)
        self.resident_list.setCurrentRow(0)
        self.status.setText(
            self.tr("Unit %1: %n resident(s) on record.", "", len(unit.residents)).replace("%1", unit.unit)
        )

    # -- registering -------------------------------------------------------------------------

    def _request(self) -> WalkInRequest | None:
        host_id = 0
        unit = ""
        resident_id: int | None = None
        if self.staff_radio.isChecked():
            item = self.host_list.currentItem()
            if item is None:
                self.status.show_error(self.tr("Choose the member of staff visited."))
                return None
            host_id = int(item.data(_ID))
        else:
            if self._unit is None:
                self.status.show_error(self.tr("Look up the unit visited first."))
                return None
            unit = self._unit.unit
            chosen = self.resident_list.currentItem()
            resident_id = chosen.data(_ID) if chosen is not None else None
        id_number = self._card_number or self.id_edit.text()
        visit = CheckInRequest(
            visitor_name=self.name_edit.text(),
            host_id=host_id,
            company=self.company_edit.text(),
            language=self._station.local.language,
            mobile=self.mobile_edit.text(),
            id_type=str(self.id_type_combo.currentData()) if id_number.strip() else "",
            id_number=id_number,
            purpose=self.purpose_edit.text(),
            party_size=self.party_spin.value(),
            declaration_accepted=self.declaration_check.isChecked(),
            kind=self.kind_combo.currentData(),
        )
        return WalkInRequest(visit, unit, resident_id)

    def _register(self) -> None:
        if self._signed() is None:
            return
        request = self._request()
        if request is None:
            return
        name = request.visit.visitor_name.strip()
        self.register_button.setEnabled(False)
        desk_visits = self._station.desk_visits
        QueryOp(
            self, lambda: desk_visits.register(request), lambda result: self._registered_now(result, name)
        ).failure(self._failed).run_in_background()

    def _registered_now(self, result: CheckInResult, name: str) -> None:
        self.register_button.setEnabled(True)
        self._registered = (result.visit_id, name)
        self.call_button.setEnabled(result.status is VisitStatus.PENDING)
        if result.status is VisitStatus.HELD:
            self.status.show_error(
                self.tr("%1 is on hold: do not let them in. A supervisor must come to the desk.").replace(
                    "%1", name
                )
            )
        else:
            self.status.setText(
                self.tr(
                    "%1 is registered and waits for the host's answer. Call, then record the call."
                ).replace("%1", name)
            )
        self._forget_card()

    def _record_call(self) -> None:
        if self._registered is None or self._signed() is None:
            return
        visit_id, name = self._registered
        question = self.tr("Whom did you call about %1, and what did they say? Agreed lets the visitor in.")
        CallRecorder(self, self._station, self.status, lambda: None).start(
            visit_id, question.replace("%1", name)
        )

    def _failed(self, error: Exception) -> None:
        self.register_button.setEnabled(True)
        self.status.show_error(error_message(error))

    def _clear(self) -> None:
        self._stop_reading()
        self._forget_card()
        edits = (
            self.name_edit,
            self.company_edit,
            self.mobile_edit,
            self.purpose_edit,
            self.unit_edit,
            self.host_edit,
        )
        for edit in edits:
            edit.clear()
        self.host_list.clear()
        self.id_edit.clear()
        self.party_spin.setValue(1)
        self.kind_combo.setCurrentIndex(0)
        self.declaration_check.setChecked(False)
        self.resident_list.clear()
        self._unit = None
        self._registered = None
        self.call_button.setEnabled(False)
        self.reader_status.clear()
        self.status.clear()

    # -- the ID-card reader ------------------------------------------------------------------

    def _read_card(self) -> None:
        reader = self._station.id_reader
        if reader is None or self._signed() is None:
            return
        self._stop_reading()
        cancel = threading.Event()
        self._read_cancel = cancel
        generation = self._read_generation
        self.read_button.setEnabled(False)
        self.reader_status.setText(self.tr("Lay the visitor's ID card on the reader..."))
        run_in_background(
            self,
            lambda: read_or_error(reader, cancel, ID_CARD_READ_TIMEOUT_S),
            lambda outcome: self._card_read(generation, outcome),
            lambda error: self._card_read(generation, error),
        )

    def _card_read(self, generation: int, outcome: object) -> None:
        if generation != self._read_generation:
            return  # cleared or read again meanwhile
        self._read_cancel = None
        self.read_button.setEnabled(True)
        if not isinstance(outcome, IdCardRecord):
            self.reader_status.setText(self._reader_message(outcome))
            return
        self.name_edit.setText(outcome.name)
        self.id_type_combo.setCurrentIndex(self.id_type_combo.findData(outcome.id_type))
        self._card_number = outcome.id_number
        self.id_edit.setText(mask_id_number(outcome.id_number))
        self.id_edit.setReadOnly(True)
        self.reader_status.setText(self.tr("Read from the ID card. Hand the card back to the visitor."))

    def _reader_message(self, error: object) -> str:
        if isinstance(error, NoIdCardError):
            return self.tr("No ID card on the reader. Lay it flat and press Read ID card again.")
        if isinstance(error, IdCardNotSupportedError):
            return self.tr("This card cannot be read here: choose its document type and type the number.")
        if isinstance(error, IdCardReadError):
            return self.tr("The card could not be read. Hold it still on the reader and try again.")
        return self.tr("The ID card reader is not working: type the visitor's details.")

    def _forget_card(self) -> None:
        self._card_number = ""
        self.id_edit.setReadOnly(False)
        self.id_edit.clear()

    def _id_type_chosen(self, _index: int) -> None:
        # Another document than the card read: the clerk types its number instead.
        if self._card_number and self.id_type_combo.currentData() != "resident_id":
            self._forget_card()

    def _stop_reading(self) -> None:
        self._read_generation += 1
        if self._read_cancel is not None:
            self._read_cancel.set()
            self._read_cancel = None
        self.read_button.setEnabled(True)

    def hideEvent(self, event: QHideEvent) -> None:
        self._stop_reading()
        super().hideEvent(event)
