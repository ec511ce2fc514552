"""The steps of the visitor's check-in on the touchscreen, one page each: who they are,
identity, host, purpose, the declaration and the review.

Every page sets its visible text in ``retranslate()`` (run again when the visitor switches
language) and reads from / writes to the one :class:`VisitDraft` of the current visitor.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QHideEvent, QInputMethodEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScroller,
)

from kiosk.client.station import Station
from kiosk.devices.errors import IdCardNotSupportedError, IdCardReadError, NoIdCardError
from kiosk.devices.idreader.text import IdCardRecord
from kiosk.devices.interfaces import IdCardReader
from kiosk.domain.errors import ValidationError
from kiosk.domain.identity import ID_NUMBER_MAX_CHARS, ID_TYPES, mask_id_number, validate_id_number
from kiosk.domain.text import sanitize_text
from kiosk.domain.views import HostEntry
from kiosk.domain.visit import VisitorType
from kiosk.domain.visitor import (
    COMPANY_MAX_CHARS,
    MOBILE_MAX_CHARS,
    NAME_MAX_CHARS,
    PERMIT_MAX_CHARS,
    PURPOSE_MAX_CHARS,
    validate_company,
    validate_mobile,
    validate_permit_number,
    validate_visitor_name,
)
from kiosk.ui.common.background import run_in_background
from kiosk.ui.common.id_card_read import read_or_error
from kiosk.ui.common.messages import error_message
from kiosk.ui.common.operations import QueryOp
from kiosk.ui.common.widgets import id_type_names, label_value, named, purpose_presets
from kiosk.ui.kiosk.base import StepPage, limited_field, wrapped_label
from kiosk.ui.kiosk.journey import VisitDraft

ID_CARD_READ_TIMEOUT_S = 15.0  # how long "Read ID card" waits for the card to be laid down


class VisitorTypePage(StepPage):
    """Who the visitor is: one big button each; tapping one moves on."""

    TYPES = tuple(VisitorType)
    # A permit holder (出入证: decoration, newspaper, milk) shows the permit instead of checking
    # in to see someone (kiosk.ui.kiosk.permit_entry); the window hides it where the site is off.
    permit_requested = Signal()

    def __init__(self, draft: VisitDraft) -> None:
        super().__init__("typePage", 1, draft, with_next=False)
        grid = QGridLayout()
        self.buttons: dict[VisitorType, QPushButton] = {}
        for index, kind in enumerate(self.TYPES):
            button = named(QPushButton(), f"visitorType_{kind.value}", "")
            button.setMinimumHeight(240)
            button.setStyleSheet("font-size: 30px;")
            button.clicked.connect(lambda _checked=False, k=kind: self._choose(k))
            grid.addWidget(button, index // 2, index % 2)
            self.buttons[kind] = button
        self.permit_button = named(QPushButton(), "visitorTypePermitHolder", "")
        self.permit_button.setMinimumHeight(140)
        self.permit_button.setStyleSheet("font-size: 28px;")
        self.permit_button.clicked.connect(self.permit_requested)
        grid.addWidget(self.permit_button, (len(self.TYPES) + 1) // 2, 0, 1, 2)
        self.body.addLayout(grid)
        self.body.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.title.setText(self.tr("Why are you here today?"))
        names = {
            VisitorType.GUEST: self.tr("Visiting someone"),
            VisitorType.CONTRACTOR: self.tr("Contractor / decoration work"),
            VisitorType.DELIVERY: self.tr("Delivery"),
            VisitorType.INTERVIEW: self.tr("Interview"),
            VisitorType.GOVERNMENT: self.tr("Government official"),
            VisitorType.IDC_VISIT: self.tr("IDC machine-room visit"),
        }
        for kind, button in self.buttons.items():
            button.setText(names[kind])
            button.setAccessibleName(names[kind])
        permit = self.tr("I have an entry permit (decoration, newspaper, milk delivery)")
        self.permit_button.setText(permit)
        self.permit_button.setAccessibleName(permit)

    def _choose(self, kind: VisitorType) -> None:
        self.draft.visitor_type = kind
        self.next_requested.emit()


class IdentityPage(StepPage):
    """Name, company, mobile, ID document, and the access permit for contractors.

    With a resident ID-card reader, "Read ID card" fills the name and the number off the GUI
    thread; the number read is kept in memory only, shown masked and never editable.
    """

    def __init__(self, draft: VisitDraft, id_reader: IdCardReader | None = None) -> None:
        super().__init__("identityPage", 2, draft)
        self._id_reader = id_reader
        self._card_number = ""  # the full number read from the card, held until commit()
        self._read_cancel: threading.Event | None = None
        self._read_generation = 0  # a read finishing after a wipe or a newer read is dropped
        self.read_card_button = named(QPushButton(), "readIdCardButton", "")
        self.read_card_button.setProperty("role", "primary")
        self.read_card_button.setMinimumHeight(110)
        self.read_card_button.setStyleSheet("font-size: 30px;")
        self.read_card_button.clicked.connect(self._read_card)
        self.body.addWidget(self.read_card_button)
        self.read_card_status = named(wrapped_label(), "idCardStatusLabel", "")
        self.body.addWidget(self.read_card_status)
        self.labels: dict[str, QLabel] = {}
        self.name_edit = self._field("visitorNameEdit", "name", NAME_MAX_CHARS)
        self.company_edit = self._field("companyEdit", "company", COMPANY_MAX_CHARS)
        self.mobile_edit = self._field("mobileEdit", "mobile", MOBILE_MAX_CHARS)
        self.mobile_edit.setInputMethodHints(Qt.InputMethodHint.ImhDialableCharactersOnly)
        self.labels["id_type"] = wrapped_label()
        self.body.addWidget(self.labels["id_type"])
        row = QHBoxLayout()
        self.id_type_group = QButtonGroup(self)
        self.id_type_buttons: dict[str, QPushButton] = {}
        for id_type in ID_TYPES:
            button = named(QPushButton(), f"idType_{id_type}", "")
            button.setCheckable(True)
            # Five in a row must fit a 1080-pixel portrait screen.
            button.setStyleSheet("min-width: 0px; padding: 8px 6px;")
            self.id_type_group.addButton(button)
            self.id_type_buttons[id_type] = button
            row.addWidget(button)
        self.body.addLayout(row)
        self.id_type_group.buttonClicked.connect(self._id_type_chosen)
        self.id_edit = self._field("idNumberEdit", "id_number", ID_NUMBER_MAX_CHARS)
        self.permit_edit = self._field("permitNumberEdit", "permit", PERMIT_MAX_CHARS)
        self.body.addStretch(1)
        self.retranslate()

    def _field(self, object_name: str, key: str, max_length: int) -> QLineEdit:
        label = wrapped_label()
        self.labels[key] = label
        self.body.addWidget(label)
        return limited_field(self.body, named(QLineEdit(), object_name, ""), max_length)

    def retranslate(self) -> None:
        super().retranslate()
        self.title.setText(self.tr("About you"))
        self.read_card_button.setText(self.tr("Read ID card"))
        self.read_card_button.setAccessibleName(self.tr("Read ID card"))
        self.read_card_status.setAccessibleName(self.tr("ID card reader"))
        texts = {
            "name": self.tr("Your name"),
            "company": self.tr("Company or unit (optional)"),
            "mobile": self.tr("Mobile number (optional)"),
            "id_type": self.tr("ID document (optional)"),
            "id_number": self.tr("ID number"),
            "permit": self.tr("Access permit number (出入证)"),
        }
        for key, label in self.labels.items():
            label.setText(texts[key])
        for edit, key in (
            (self.name_edit, "name"),
            (self.company_edit, "company"),
            (self.mobile_edit, "mobile"),
            (self.id_edit, "id_number"),
            (self.permit_edit, "permit"),
        ):
            edit.setAccessibleName(texts[key])
        id_names = id_type_names()
        for id_type, button in self.id_type_buttons.items():
            button.setText(id_names[id_type])
            button.setAccessibleName(id_names[id_type])

    def enter(self) -> None:
        super().enter()
        contractor = self.draft.visitor_type.needs_permit
        self.labels["permit"].setVisible(contractor)
        self.permit_edit.setVisible(contractor)
        self.name_edit.setText(self.draft.visitor_name)
        self.company_edit.setText(self.draft.company)
        self.mobile_edit.setText(self.draft.mobile)
        self._stop_reading()
        self.read_card_button.setVisible(self.id_reader is not None)
        self.read_card_status.clear()
        self._set_card_number(self.draft.id_number if self.draft.id_from_card else "")
        if not self._card_number:
            self.id_edit.setText(self.draft.id_number)
        self.permit_edit.setText(self.draft.permit_number)
        self.id_type_buttons.get(
            self.draft.id_type or "resident_id", self.id_type_buttons["resident_id"]
        ).setChecked(True)
        self.name_edit.setFocus()

    def commit(self) -> None:
        name = validate_visitor_name(self.name_edit.text())
        company = validate_company(self.company_edit.text())
        permit = (
            validate_permit_number(self.permit_edit.text()) if self.draft.visitor_type.needs_permit else ""
        )
        if self.draft.visitor_type.needs_permit and not permit:
            raise ValidationError("permit_number", "required")
        checked = self.id_type_group.checkedButton()
        id_type = next((t for t, b in self.id_type_buttons.items() if b is checked), "resident_id")
        mobile = validate_mobile(self.mobile_edit.text())
        # Checked here for a message while the card is still in hand; the service checks again.
        typed = self._card_number or self.id_edit.text()
        id_number = validate_id_number(id_type, typed) if typed.strip() else ""
        self.draft.visitor_name, self.draft.company, self.draft.permit_number = name, company, permit
        self.draft.mobile, self.draft.id_type, self.draft.id_number = mobile, id_type, id_number
        self.draft.id_from_card = bool(self._card_number)

    # -- the ID-card reader ----------------------------------------------------------------------

    @property
    def id_reader(self) -> IdCardReader | None:
        return self._id_reader

    def _read_card(self) -> None:
        reader = self.id_reader
        if reader is None:
            return
        self._stop_reading()
        cancel = threading.Event()
        self._read_cancel = cancel
        generation = self._read_generation
        self.read_card_button.setEnabled(False)
        self._say(self.tr("Place your ID card flat on the reader and hold it still..."), error=False)
        run_in_background(
            self,
            lambda: read_or_error(reader, cancel, ID_CARD_READ_TIMEOUT_S),
            lambda outcome: self._card_read(generation, outcome),
            lambda error: self._card_read(generation, error),
        )

    def _card_read(self, generation: int, outcome: object) -> None:
        if generation != self._read_generation:
            return  # wiped, left or read again meanwhile: this visitor's card is not wanted
        self._read_cancel = None
        self.read_card_button.setEnabled(True)
        if not isinstance(outcome, IdCardRecord):
            self._say(self._reader_message(outcome), error=True)
            return
        self.name_edit.setText(outcome.name)
        self.id_type_buttons[outcome.id_type].setChecked(True)
        self._set_card_number(outcome.id_number)
        self.error_label.clear()
        self._say(self.tr("Read from your ID card. Please check your name."), error=False)

    def _reader_message(self, error: object) -> str:
        if isinstance(error, NoIdCardError):
            return self.tr(
                "No ID card was found. Place your card flat on the reader and tap the button again."
            )
        if isinstance(error, IdCardNotSupportedError):
            return self.tr("This card cannot be read here. Please choose Other and type its number.")
        if isinstance(error, IdCardReadError):
            return self.tr("Your card could not be read. Hold it still on the reader and try again.")
        return self.tr("The card reader is not working. Please type your details, or ask at the front desk.")

    def _say(self, text: str, error: bool) -> None:
        self.read_card_status.setProperty("role", "error" if error else "")
        self.read_card_status.style().unpolish(self.read_card_status)
        self.read_card_status.style().polish(self.read_card_status)
        self.read_card_status.setText(text)

    def _set_card_number(self, number: str) -> None:
        self._card_number = number
        self.id_edit.setReadOnly(bool(number))
        if number:
            self.id_edit.setText(mask_id_number(number))

    def _id_type_chosen(self, button: QAbstractButton) -> None:
        # Another document than the card read: the visitor types its number instead.
        if self._card_number and button is not self.id_type_buttons["resident_id"]:
            self._set_card_number("")
            self.id_edit.clear()

    def _stop_reading(self) -> None:
        self._read_generation += 1
        if self._read_cancel is not None:
            self._read_cancel.set()
            self._read_cancel = None
        self.read_card_button.setEnabled(True)

    def hideEvent(self, event: QHideEvent) -> None:
        self._stop_reading()  # nobody is looking at the page any more: stop waiting for a card
        super().hideEvent(event)


class ComposingLineEdit(QLineEdit):
    """A line edit that tells what the visitor sees in it, the text still being composed in the
    input method included: Pinyin on the on-screen keyboard stays uncommitted (``wangfang``
    above the candidates) until a character is picked, and a type-ahead must follow it."""

    shown_text_changed = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self._preedit = ""
        self._shown = ""
        self.textChanged.connect(lambda _text: self._tell())

    def shown_text(self) -> str:
        text, at = self.text(), self.cursorPosition()
        return text[:at] + self._preedit + text[at:]

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        self._preedit = event.preeditString()  # before the commit, which changes the text
        super().inputMethodEvent(event)
        self._tell()

    def _tell(self) -> None:
        shown = self.shown_text()
        if shown != self._shown:
            self._shown = shown
            self.shown_text_changed.emit(shown)


class HostPage(StepPage):
    """Who the visitor came to see: type-ahead over the staff directory."""

    def __init__(self, station: Station, draft: VisitDraft) -> None:
        super().__init__("hostPage", 3, draft)
        self._station = station
        self.search_label = wrapped_label()
        self.body.addWidget(self.search_label)
        self.host_search = named(ComposingLineEdit(), "hostSearchEdit", "")
        self.host_search.shown_text_changed.connect(self.refresh_hosts)
        self.body.addWidget(self.host_search)
        self.host_list = named(QListWidget(), "hostList", "")
        QScroller.grabGesture(self.host_list.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)
        self.body.addWidget(self.host_list, 1)
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.title.setText(self.tr("Who are you visiting?"))
        self.search_label.setText(self.tr("Type a name, pinyin or department"))
        self.host_search.setAccessibleName(self.tr("Search for the person you are visiting"))
        self.host_search.setPlaceholderText(self.tr("e.g. 张三, zhangsan, zs, 财务部"))
        self.host_list.setAccessibleName(self.tr("People you can visit"))
        self.refresh_hosts()

    def enter(self) -> None:
        super().enter()
        self.host_search.clear()
        self.refresh_hosts()
        self.host_search.setFocus()

    def refresh_hosts(self) -> None:
        text = self.host_search.shown_text()
        # Asked on every keystroke: only the answer to the newest text is shown.
        QueryOp(
            self,
            lambda: self._station.visits.search_hosts(text),
            self._show_hosts,
            key="hosts",
            reads_only=True,
        ).failure(self._search_failed).run_in_background()

    def _search_failed(self, error: Exception) -> None:
        self.host_list.clear()
        self.error_label.setText(error_message(error))

    def _show_hosts(self, hosts: list[HostEntry]) -> None:
        # An answer may come after the visitor tapped a name: their tap stays.
        current = self.host_list.currentItem()
        selected = int(current.data(Qt.ItemDataRole.UserRole)) if current is not None else self.draft.host_id
        self.host_list.clear()
        for host in hosts:
            # Name and department only: the public screen gives out no number (seed 004).
            item = QListWidgetItem(f"{host.name}  ·  {host.department}")
            item.setData(Qt.ItemDataRole.UserRole, host.host_id)
            self.host_list.addItem(item)
            if host.host_id == selected:
                self.host_list.setCurrentItem(item)
        if self.host_list.count() == 1:
            self.host_list.setCurrentRow(0)

    def commit(self) -> None:
        item = self.host_list.currentItem()
        if item is None:
            raise ValidationError("host", "required")
        self.draft.host_id = int(item.data(Qt.ItemDataRole.UserRole))
        self.draft.host_label = item.text()


class PurposePage(StepPage):
    """Why, and how many people: common purposes as buttons, party size with − / +."""

    def __init__(self, draft: VisitDraft) -> None:
        super().__init__("purposePage", 4, draft)
        self.purpose_label = wrapped_label()
        self.body.addWidget(self.purpose_label)
        self.purpose_edit = named(QLineEdit(), "purposeEdit", "")
        presets = QHBoxLayout()
        self.preset_buttons: list[QPushButton] = []
        for index in range(4):
            button = named(QPushButton(), f"purposePreset{index}", "")
            button.setStyleSheet("min-width: 0px; padding: 8px 6px;")
            button.clicked.connect(lambda _checked=False, b=button: self.purpose_edit.setText(b.text()))
            presets.addWidget(button)
            self.preset_buttons.append(button)
        self.body.addLayout(presets)
        limited_field(self.body, self.purpose_edit, PURPOSE_MAX_CHARS)
        self.party_label = wrapped_label()
        self.body.addWidget(self.party_label)
        party = QHBoxLayout()
        self.fewer_button = named(QPushButton("−"), "partyFewerButton", "")
        self.party_count = named(QLabel(), "partySizeLabel", "")
        self.party_count.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.party_count.setStyleSheet("font-size: 40px; font-weight: bold;")
        self.more_button = named(QPushButton("+"), "partyMoreButton", "")
        self.fewer_button.clicked.connect(lambda: self._change_party(-1))
        self.more_button.clicked.connect(lambda: self._change_party(+1))
        party.addWidget(self.fewer_button)
        party.addWidget(self.party_count, 1)
        party.addWidget(self.more_button)
        self.body.addLayout(party)
        self.body.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.title.setText(self.tr("What is your visit for?"))
        self.purpose_label.setText(self.tr("Purpose (tap one or type)"))
        presets = purpose_presets()  # the console knows them too (the visitor log's exports)
        for button, text in zip(self.preset_buttons, presets, strict=True):
            button.setText(text)
            button.setAccessibleName(text)
        self.purpose_edit.setAccessibleName(self.tr("Purpose of the visit"))
        self.party_label.setText(self.tr("How many people, including you?"))
        self.party_count.setAccessibleName(self.tr("Number of people"))
        self.fewer_button.setAccessibleName(self.tr("One person fewer"))
        self.more_button.setAccessibleName(self.tr("One person more"))

    def enter(self) -> None:
        super().enter()
        self.purpose_edit.setText(self.draft.purpose)
        self._show_party()

    def _change_party(self, delta: int) -> None:
        self.draft.party_size = max(1, min(50, self.draft.party_size + delta))
        self._show_party()

    def _show_party(self) -> None:
        self.party_count.setText(str(self.draft.party_size))
        self.fewer_button.setEnabled(self.draft.party_size > 1)

    def commit(self) -> None:
        purpose = sanitize_text(self.purpose_edit.text())
        if len(purpose) > PURPOSE_MAX_CHARS:
            raise ValidationError("purpose", "too_long", max=PURPOSE_MAX_CHARS)
        self.draft.purpose = purpose


class DeclarationPage(StepPage):
    """No forbidden items, and the privacy notice: what is kept, how long, who sees it."""

    def __init__(self, draft: VisitDraft) -> None:
        super().__init__("declarationPage", 5, draft)
        self.items = named(wrapped_label(), "forbiddenItemsLabel", "")
        self.privacy = named(wrapped_label(), "privacyNoticeLabel", "")
        self.privacy.setStyleSheet("color: #37474f;")
        self.body.addWidget(self.items)
        self.body.addSpacing(24)
        self.body.addWidget(self.privacy)
        self.body.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.title.setText(self.tr("Before you go in"))
        self.items.setText(
            self.tr(
                "I am not carrying gas cylinders, fireworks or firecrackers, or large amounts of "
                "thinner or other flammable liquids."
            )
        )
        self.items.setAccessibleName(self.tr("Forbidden items"))
        self.privacy.setText(
            self.tr(
                "Privacy: we keep your name, company, mobile number, the person you visit and your times "
                "of arrival and departure for 180 days, for building security. Your ID number is kept "
                "only in protected form (the last four characters are shown). Only front-desk and "
                "security staff can see these records."
            )
        )
        self.privacy.setAccessibleName(self.tr("Privacy notice"))
        self.next_button.setText(self.tr("I agree"))
        self.next_button.setAccessibleName(self.tr("I agree to the declaration and the privacy notice"))

    def commit(self) -> None:
        self.draft.declaration_accepted = True


class ReviewPage(StepPage):
    """Everything entered, once more, masked where private; then submit."""

    submit_requested = Signal()

    def __init__(self, draft: VisitDraft) -> None:
        super().__init__("reviewPage", 6, draft)
        self.summary = named(wrapped_label(), "reviewSummaryLabel", "")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setStyleSheet("font-size: 26px;")
        self.body.addWidget(self.summary)
        self.body.addStretch(1)
        self.next_button.clicked.disconnect()
        self.next_button.clicked.connect(self._submit)
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.title.setText(self.tr("Please check"))
        self.summary.setAccessibleName(self.tr("Your check-in details"))
        self.next_button.setText(self.tr("Submit"))
        self.next_button.setAccessibleName(self.tr("Submit check-in"))
        if self.isVisible():
            self.enter()

    def enter(self) -> None:
        super().enter()
        self.next_button.setEnabled(True)
        d = self.draft
        rows = [
            (self.tr("Name"), d.visitor_name),
            (self.tr("Company"), d.company or "—"),
            # In full: it is the visitor's own number on their own screen, and they must check it.
            (self.tr("Mobile"), d.mobile or "—"),
            (self.tr("ID number"), mask_id_number(d.id_number) if d.id_number else "—"),
            (self.tr("Visiting"), d.host_label),
            (self.tr("Purpose"), d.purpose or "—"),
            (self.tr("People"), str(d.party_size)),
        ]
        if d.permit_number:
            rows.insert(4, (self.tr("Access permit"), d.permit_number))
        self.summary.setText("\n".join(label_value(label, value) for label, value in rows))

    def _submit(self) -> None:
        self.next_button.setEnabled(False)  # one tap, one visit
        self.submit_requested.emit()
