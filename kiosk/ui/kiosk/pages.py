"""The steps of the visitor's journey on the touchscreen, one page each.

Every page sets its visible text in ``retranslate()`` (run again when the visitor switches
language) and reads from / writes to the one :class:`VisitDraft` of the current visitor.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QChildEvent, QEvent, Qt, Signal
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
    QVBoxLayout,
    QWidget,
)

from kiosk.app import KioskApp
from kiosk.devices.errors import DeviceError, IdCardNotSupportedError, IdCardReadError, NoIdCardError
from kiosk.devices.idreader.text import IdCardRecord
from kiosk.devices.interfaces import IdCardReader
from kiosk.domain.errors import ValidationError
from kiosk.domain.identity import ID_NUMBER_MAX_CHARS, ID_TYPES, mask_id_number, validate_id_number
from kiosk.domain.text import sanitize_text, with_aside
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
from kiosk.services.checkin import InvitationView
from kiosk.ui.common.background import run_in_background
from kiosk.ui.common.messages import validation_message
from kiosk.ui.common.widgets import id_type_names, label_value, named, purpose_presets
from kiosk.ui.kiosk.journey import VisitDraft

STEP_COUNT = 6
ID_CARD_READ_TIMEOUT_S = 15.0  # how long "Read ID card" waits for the card to be laid down


def wrapped_label(role: str = "") -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    if role:
        label.setProperty("role", role)
    return label


def back_and_primary(
    layout: QVBoxLayout, back_name: str, primary_name: str
) -> tuple[QPushButton, QPushButton]:
    """The bottom row every page has: Back on the left, the page's main action on the right."""
    row = QHBoxLayout()
    back = named(QPushButton(), back_name, "")
    primary = named(QPushButton(), primary_name, "")
    primary.setProperty("role", "primary")
    row.addWidget(back)
    row.addStretch(1)
    row.addWidget(primary)
    layout.addLayout(row)
    return back, primary


class LengthHint(QLabel):
    """Under a text field: the field takes no more than the service accepts (``max_chars``), and
    says so the moment the visitor reaches the limit, not only when they tap Next."""

    def __init__(self, edit: QLineEdit, max_chars: int) -> None:
        super().__init__()
        self.setObjectName(f"{edit.objectName()}LimitHint")
        self.setWordWrap(True)
        self.setProperty("role", "error")
        self._edit = edit
        self._max = max_chars
        edit.setMaxLength(max_chars)
        edit.textChanged.connect(self._update)
        self.hide()
        self._update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._update()
        super().changeEvent(event)

    def _update(self) -> None:
        self.setAccessibleName(self.tr("Length limit"))
        self.setText(
            self.tr("That is the most this field takes: %1 characters.").replace("%1", str(self._max))
        )
        full = len(self._edit.text()) >= self._max
        if self.parentWidget() is not None:  # shown only once it sits in its page
            self.setVisible(full)


def limited_field(layout: QVBoxLayout, edit: QLineEdit, max_chars: int) -> QLineEdit:
    """Add ``edit`` to ``layout`` with its length limit and the hint under it."""
    layout.addWidget(edit)
    layout.addWidget(LengthHint(edit, max_chars))
    return edit


class TranslatedPage(QWidget):
    """A page whose visible text is set in :meth:`retranslate`, run again on a language switch."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        raise NotImplementedError


class StepPage(TranslatedPage):
    """A step of the check-in: title, "step n of 6", the step's content, what to fix, Back/Next."""

    back_requested = Signal()
    next_requested = Signal()

    def __init__(self, object_name: str, step: int, draft: VisitDraft, with_next: bool = True) -> None:
        super().__init__()
        self.setObjectName(object_name)
        self.step = step
        self.draft = draft
        outer = QVBoxLayout(self)
        outer.setContentsMargins(60, 30, 60, 30)
        header = QHBoxLayout()
        self.title = wrapped_label("title")
        self.progress = named(QLabel(), f"{object_name}Progress", "")
        self.progress.setStyleSheet("color: #455a64;")
        header.addWidget(self.title, 1)
        header.addWidget(self.progress)
        outer.addLayout(header)
        self.body = QVBoxLayout()
        outer.addLayout(self.body, 1)
        self.error_label = named(wrapped_label("error"), f"{object_name}Error", "")
        outer.addWidget(self.error_label)
        buttons = QHBoxLayout()
        self.back_button = named(QPushButton(), f"{object_name}BackButton", "")
        self.back_button.clicked.connect(self.back_requested)
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        self.next_button = named(QPushButton(), f"{object_name}NextButton", "")
        self.next_button.setProperty("role", "primary")
        self.next_button.clicked.connect(self._next)
        self.next_button.setVisible(with_next)
        buttons.addWidget(self.next_button)
        outer.addLayout(buttons)

    def retranslate(self) -> None:
        self.progress.setText(
            self.tr("Step %1 of %2").replace("%1", str(self.step)).replace("%2", str(STEP_COUNT))
        )
        self.progress.setAccessibleName(self.tr("Progress"))
        self.error_label.setAccessibleName(self.tr("What to fix"))
        self.back_button.setText(self.tr("Back"))
        self.back_button.setAccessibleName(self.tr("Back"))
        self.next_button.setText(self.tr("Next"))
        self.next_button.setAccessibleName(self.tr("Next"))

    def childEvent(self, event: QChildEvent) -> None:
        super().childEvent(event)
        child = event.child()
        if event.added() and isinstance(child, QLineEdit):
            # The message was about what stood there before: it goes as the visitor corrects it.
            child.textEdited.connect(self.error_label.clear)

    def enter(self) -> None:
        """Called each time the page is shown: fill the fields from the draft."""
        self.error_label.clear()

    def commit(self) -> None:
        """Check the page's fields and write them to the draft; raise ValidationError to stay."""

    def show_error(self, error: ValidationError) -> None:
        self.error_label.setText(validation_message(error))

    def _next(self) -> None:
        try:
            self.commit()
        except ValidationError as error:
            self.show_error(error)
            return
        self.error_label.clear()
        self.next_requested.emit()


class VisitorTypePage(StepPage):
    """Who the visitor is: one big button each; tapping one moves on."""

    TYPES = tuple(VisitorType)

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
            lambda: _read_or_error(reader, cancel),
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


def _read_or_error(reader: IdCardReader, cancel: threading.Event) -> IdCardRecord | DeviceError:
    """Read a card on a worker thread; a device failure is an outcome to show, not a crash to log."""
    try:
        return reader.read_card(ID_CARD_READ_TIMEOUT_S, cancel)
    except DeviceError as exc:
        return exc


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

    def __init__(self, app: KioskApp, draft: VisitDraft) -> None:
        super().__init__("hostPage", 3, draft)
        self._app = app
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
        selected = self.draft.host_id
        self.host_list.clear()
        for host in self._app.directory.search(self.host_search.shown_text()):
            extension = self.tr(" · ext. %1").replace("%1", host.extension) if host.extension else ""
            item = QListWidgetItem(f"{host.name}  ·  {host.department}{extension}")
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


class CheckOutPage(TranslatedPage):
    """Leaving: scan the badge at the scanner, or find one's own name (shown masked) and tap it."""

    check_out_requested = Signal(int)
    back_requested = Signal()

    def __init__(self, app: KioskApp) -> None:
        super().__init__()
        self.setObjectName("checkOutPage")
        self._app = app
        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 30, 60, 30)
        self.title = wrapped_label("title")
        self.scan_hint = named(wrapped_label(), "checkOutScanHint", "")
        self.scan_hint.setStyleSheet("font-size: 28px;")
        self.search_label = wrapped_label()
        self.search = named(QLineEdit(), "checkOutSearchEdit", "")
        self.search.textChanged.connect(self.refresh)
        self.matches = named(QListWidget(), "checkOutMatches", "")
        QScroller.grabGesture(self.matches.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)
        self.error_label = named(wrapped_label("error"), "checkOutError", "")
        self.search.textEdited.connect(self.error_label.clear)  # a bad scan is old news once they type
        for widget in (self.title, self.scan_hint, self.search_label, self.search):
            layout.addWidget(widget)
        layout.addWidget(self.matches, 1)
        layout.addWidget(self.error_label)
        self.back_button, self.confirm_button = back_and_primary(
            layout, "checkOutBackButton", "checkOutConfirmButton"
        )
        self.back_button.clicked.connect(self.back_requested)
        self.confirm_button.clicked.connect(self._confirm)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Check out"))
        self.scan_hint.setText(self.tr("Hold your badge's QR code under the scanner."))
        self.scan_hint.setAccessibleName(self.tr("How to check out"))
        self.search_label.setText(self.tr("Or type your name and tap it in the list:"))
        self.search.setAccessibleName(self.tr("Your name"))
        self.matches.setAccessibleName(self.tr("Visitors on site with that name"))
        self.error_label.setAccessibleName(self.tr("What to fix"))
        self.back_button.setText(self.tr("Back"))
        self.back_button.setAccessibleName(self.tr("Back"))
        self.confirm_button.setText(self.tr("Check out"))
        self.confirm_button.setAccessibleName(self.tr("Check out the selected visitor"))
        self.refresh()

    def enter(self) -> None:
        self.search.clear()
        self.error_label.clear()
        self.refresh()

    def refresh(self) -> None:
        self.matches.clear()
        for match in self._app.lobby.find_for_checkout(self.search.text()):
            time_in = match.checked_in_at.astimezone(self._app.site.timezone).strftime("%H:%M")
            company = f"  ·  {match.company}" if match.company else ""
            arrived = self.tr("in at %1").replace("%1", time_in)
            item = QListWidgetItem(f"{match.masked_name}{company}  ·  {arrived}")
            item.setData(Qt.ItemDataRole.UserRole, match.visit_id)
            self.matches.addItem(item)

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)

    def _confirm(self) -> None:
        item = self.matches.currentItem()
        if item is None:
            self.error_label.setText(self.tr("Please find your name and tap it, or scan your badge."))
            return
        self.check_out_requested.emit(int(item.data(Qt.ItemDataRole.UserRole)))


class ThankYouPage(TranslatedPage):
    """Checked out: a thank-you, then back to the welcome screen by itself."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("thankYouPage")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 60, 60, 60)
        layout.addStretch(1)
        self.title = named(wrapped_label("title"), "thankYouTitleLabel", "")
        self.detail = named(wrapped_label(), "thankYouDetailLabel", "")
        for widget in (self.title, self.detail):
            widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(widget)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Thank you for your visit"))
        self.title.setAccessibleName(self.tr("Result"))
        self.detail.setText(
            self.tr("You are checked out. Please leave your badge in the box at the desk. Goodbye!")
        )
        self.detail.setAccessibleName(self.tr("What to do next"))


class InvitationPage(TranslatedPage):
    """ "I have an invitation": type or scan the code, confirm the details, accept, get the badge."""

    confirmed = Signal(str)
    back_requested = Signal()

    def __init__(self, app: KioskApp) -> None:
        super().__init__()
        self.setObjectName("invitationPage")
        self._app = app
        self._found: InvitationView | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 30, 60, 30)
        self.title = wrapped_label("title")
        self.code_label = wrapped_label()
        self.code_edit = named(QLineEdit(), "invitationCodeEdit", "")
        self.code_edit.setMaxLength(16)
        self.code_edit.setStyleSheet("font-size: 40px; letter-spacing: 6px;")
        self.code_edit.setInputMethodHints(
            Qt.InputMethodHint.ImhUppercaseOnly | Qt.InputMethodHint.ImhNoPredictiveText
        )
        self.code_edit.returnPressed.connect(self.look_up)
        self.find_button = named(QPushButton(), "invitationFindButton", "")
        self.find_button.clicked.connect(self.look_up)
        row = QHBoxLayout()
        row.addWidget(self.code_edit, 1)
        row.addWidget(self.find_button)
        self.details = named(wrapped_label(), "invitationDetailsLabel", "")
        self.details.setStyleSheet("font-size: 28px;")
        self.declaration = named(wrapped_label(), "invitationDeclarationLabel", "")
        self.error_label = named(wrapped_label("error"), "invitationError", "")
        for widget in (self.title, self.code_label):
            layout.addWidget(widget)
        layout.addLayout(row)
        for widget in (self.details, self.declaration):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self.error_label)
        self.back_button, self.confirm_button = back_and_primary(
            layout, "invitationBackButton", "invitationConfirmButton"
        )
        self.back_button.clicked.connect(self.back_requested)
        self.confirm_button.clicked.connect(self._confirm)
        self.retranslate()
        self.enter()

    def retranslate(self) -> None:
        self.title.setText(self.tr("I have an invitation"))
        self.code_label.setText(self.tr("Scan the QR code of your invitation, or type its 6-character code:"))
        self.code_edit.setAccessibleName(self.tr("Invitation code"))
        self.find_button.setText(self.tr("Find"))
        self.find_button.setAccessibleName(self.tr("Find the invitation"))
        self.details.setAccessibleName(self.tr("Your invitation"))
        self.declaration.setText(
            self.tr(
                "By confirming you declare you carry no gas cylinders, fireworks or large amounts of thinner, "
                "and accept the privacy notice (details kept 180 days for building security)."
            )
        )
        self.declaration.setAccessibleName(self.tr("Declaration"))
        self.error_label.setAccessibleName(self.tr("What to fix"))
        self.back_button.setText(self.tr("Back"))
        self.back_button.setAccessibleName(self.tr("Back"))
        self.confirm_button.setText(self.tr("Confirm and check in"))
        self.confirm_button.setAccessibleName(self.tr("Confirm and check in"))
        self._show_found()

    def enter(self, code: str = "") -> None:
        self._found = None
        self.code_edit.setText(code)
        self.error_label.clear()
        self._show_found()
        if code:
            self.look_up()

    def look_up(self) -> None:
        try:
            self._found = self._app.checkin.find_invitation(self.code_edit.text())
        except ValidationError as error:
            self._found = None
            self.error_label.setText(validation_message(error))
        else:
            self.code_edit.setText(self._found.code)
            self.error_label.clear()
        self._show_found()

    def _show_found(self) -> None:
        found = self._found
        self.details.setVisible(found is not None)
        self.declaration.setVisible(found is not None)
        self.confirm_button.setVisible(found is not None)
        self.confirm_button.setEnabled(True)
        if found is None:
            return
        zone = self._app.site.timezone
        window = (
            f"{found.valid_from.astimezone(zone).strftime('%m-%d %H:%M')} – "
            f"{found.valid_until.astimezone(zone).strftime('%m-%d %H:%M')}"
        )
        rows = [
            (self.tr("Visitor"), f"{found.masked_name}  {found.company}".strip()),
            (self.tr("Visiting"), with_aside(found.host_name, found.host_department)),
            (self.tr("Valid"), window),
            (self.tr("People"), str(found.party_size)),
        ]
        self.details.setText("\n".join(label_value(label, value) for label, value in rows))

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.confirm_button.setEnabled(True)

    def _confirm(self) -> None:
        if self._found is not None:
            self.confirm_button.setEnabled(False)  # one tap, one visit
            self.confirmed.emit(self._found.code)


class StaffExitPage(TranslatedPage):
    """Leaving kiosk mode: a member of staff signs with staff number and PIN."""

    authorised = Signal()
    back_requested = Signal()

    def __init__(self, app: KioskApp) -> None:
        super().__init__()
        self.setObjectName("staffExitPage")
        self._app = app
        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 60, 60, 60)
        self.title = wrapped_label("title")
        self.user_label = wrapped_label()
        self.user_edit = named(QLineEdit(), "staffNumberEdit", "")
        # Staff numbers are Latin letters and digits: no Pinyin candidates while staff type one.
        self.user_edit.setInputMethodHints(
            Qt.InputMethodHint.ImhLatinOnly | Qt.InputMethodHint.ImhNoPredictiveText
        )
        self.pin_label = wrapped_label()
        self.pin_edit = named(QLineEdit(), "staffPinEdit", "")
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_edit.setInputMethodHints(
            Qt.InputMethodHint.ImhDigitsOnly | Qt.InputMethodHint.ImhSensitiveData
        )
        self.pin_edit.returnPressed.connect(self._check)
        self.error_label = named(wrapped_label("error"), "staffExitError", "")
        for widget in (
            self.title,
            self.user_label,
            self.user_edit,
            self.pin_label,
            self.pin_edit,
            self.error_label,
        ):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.back_button, self.exit_button = back_and_primary(
            layout, "staffExitBackButton", "staffExitButton"
        )
        self.back_button.clicked.connect(self.back_requested)
        self.exit_button.clicked.connect(self._check)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Staff only: leave kiosk mode"))
        self.user_label.setText(self.tr("Staff number"))
        self.user_edit.setAccessibleName(self.tr("Staff number"))
        self.pin_label.setText(self.tr("PIN"))
        self.pin_edit.setAccessibleName(self.tr("PIN"))
        self.error_label.setAccessibleName(self.tr("What to fix"))
        self.back_button.setText(self.tr("Cancel"))
        self.back_button.setAccessibleName(self.tr("Cancel"))
        self.exit_button.setText(self.tr("Leave kiosk mode"))
        self.exit_button.setAccessibleName(self.tr("Leave kiosk mode"))

    def enter(self) -> None:
        for edit in (self.user_edit, self.pin_edit):
            edit.clear()
        self.error_label.clear()
        self.user_edit.setFocus()

    def _check(self) -> None:
        try:
            self._app.staff.sign_in(self.user_edit.text(), self.pin_edit.text(), purpose="kiosk_exit")
        except ValidationError as error:
            self.pin_edit.clear()
            self.error_label.setText(validation_message(error))
            return
        self.authorised.emit()
