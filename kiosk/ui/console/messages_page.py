"""Phone messages (电话记录 / 代客留言) at the desk: the switchboard form and the inbox.

The inbox holds what callers, visitors at the counter and declined visitors at the kiosk left for
someone; the desk passes each on (by phone, in person, a note), stamps it, and can print a slip
for the person it is for. A message written down by mistake is cancelled with a reason.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.api.messages import MessageListing
from kiosk.client.station import Station
from kiosk.domain.errors import ValidationError
from kiosk.domain.phone_messages import (
    CallerRequest,
    MessageSource,
    MessageStatus,
    NewPhoneMessage,
    PhoneMessageView,
    RelayMethod,
)
from kiosk.domain.staff import Permission, SignedIn, allowed
from kiosk.domain.text import with_aside
from kiosk.domain.views import DeskHostEntry, PrintOutcome
from kiosk.ui.common.audit_words import ActorTableModel
from kiosk.ui.common.messages import error_message, page_message
from kiosk.ui.common.operations import QueryOp
from kiosk.ui.common.widgets import (
    SectionPage,
    action_button,
    button_row,
    date_time_edit,
    named,
    print_problem,
    printer_name,
    table_view,
)

TOPICS = frozenset({"messages", "connected", "resync"})
MESSAGE_COLUMN = 5
# The inbox's columns of names, numbers and stamps stop at these widths (px) and wrap; the message
# takes the room that is left. As wide as their words, the nine columns needed a sideways scroll
# at a 1280x800 desk, the passed-on stamp out of sight (seen under openbox: tests/realinput).
INBOX_WIDTHS = {2: 120, 3: 150, 4: 125, 7: 90, 8: 130}


def request_words() -> dict[CallerRequest, str]:
    """What the caller asked for, as the form and the lists say it."""
    return {
        CallerRequest.CALL_BACK: QCoreApplication.translate("MessagesPage", "Please call back"),
        CallerRequest.WILL_CALL_AGAIN: QCoreApplication.translate("MessagesPage", "Will call again"),
        CallerRequest.NONE: QCoreApplication.translate("MessagesPage", "Just pass it on"),
    }


def source_words() -> dict[MessageSource, str]:
    return {
        MessageSource.PHONE: QCoreApplication.translate("MessagesPage", "Phone"),
        MessageSource.COUNTER: QCoreApplication.translate("MessagesPage", "At the desk"),
        MessageSource.KIOSK: QCoreApplication.translate("MessagesPage", "Kiosk"),
    }


def method_words() -> dict[RelayMethod, str]:
    return {
        RelayMethod.PHONE: QCoreApplication.translate("MessagesPage", "by phone"),
        RelayMethod.IN_PERSON: QCoreApplication.translate("MessagesPage", "in person"),
        RelayMethod.NOTE: QCoreApplication.translate("MessagesPage", "by note"),
    }


class MessagesTableModel(ActorTableModel[PhoneMessageView]):
    """The inbox: newest call first; one not yet passed on says so."""

    def __init__(self, station: Station) -> None:
        super().__init__(
            (
                self.tr("No."),
                self.tr("Received"),
                self.tr("For"),
                self.tr("From"),
                self.tr("Phone"),
                self.tr("Message"),
                self.tr("Asked"),
                self.tr("Taken"),
                self.tr("Passed on"),
            )
        )
        self._zone = station.site.timezone

    def message(self, row: int) -> PhoneMessageView:
        return self.row_value(row)

    def display(self, m: PhoneMessageView, column: int) -> str:
        if column == 0:
            return f"M{m.message_id:06d}"
        if column == 1:
            return m.received_at.astimezone(self._zone).strftime("%m-%d %H:%M")
        if column == 2:
            return m.recipient
        if column == 3:
            return with_aside(m.caller_name, m.company)
        if column == 4:
            if not m.extension:
                return m.phone
            return m.phone + self.tr(" ext. %1").replace("%1", m.extension)
        if column == 5:
            return f"{m.text} [{m.city}]" if m.city else m.text
        if column == 6:
            return request_words()[m.caller_request]
        if column == 7:
            how = source_words()[m.source]
            return how if m.source is MessageSource.KIOSK else f"{how} · {self.actor(m.recorded_by)}"
        return self.stamp(m)

    def stamp(self, m: PhoneMessageView) -> str:
        """The passed-on stamp (who, when, how), a cancellation with its reason, or "not yet"."""
        if m.status is MessageStatus.CANCELLED and m.cancelled_at is not None:
            return (
                self.tr("Cancelled %1 by %2: %3")
                .replace("%1", m.cancelled_at.astimezone(self._zone).strftime("%m-%d %H:%M"))
                .replace("%2", self.actor(m.cancelled_by or ""))
                .replace("%3", m.cancel_reason)
            )
        if m.status is MessageStatus.PASSED_ON and m.relayed_at is not None:
            text = (
                self.tr("%1 by %2, %3")
                .replace("%1", m.relayed_at.astimezone(self._zone).strftime("%m-%d %H:%M"))
                .replace("%2", self.actor(m.relayed_by or ""))
                .replace("%3", method_words()[m.relay_method] if m.relay_method else "")
            )
            return f"{text} · {m.relay_note}" if m.relay_note else text
        return self.tr("NOT YET")


class MessagesPage(SectionPage):
    """Take a message (the switchboard form) and the inbox (pass on, print, cancel)."""

    def __init__(self, station: Station) -> None:
        super().__init__()
        self.setObjectName("messagesPage")
        self._station = station
        self._permitted = False
        self._hosts: list[DeskHostEntry] = []
        layout = QVBoxLayout(self)
        self.tabs = named(QTabWidget(), "messagesTabs", self.tr("Phone messages"))
        self.tabs.addTab(self._build_inbox(), self.tr("Inbox"))
        self.tabs.addTab(self._build_form(), self.tr("Take a message"))
        layout.addWidget(self.tabs, 1)
        self.status = self.add_status(layout, "messagesStatus", self.tr("Last action result"))
        # What a caller said is not left for whoever uses the console next (lock, sign-out).
        self.transient(
            self.caller_edit,
            self.company_edit,
            self.phone_edit,
            self.extension_edit,
            self.city_edit,
            self.text_edit,
            self.unit_edit,
            self.recipient_name_edit,
            self.recipient_search,
            self.search_edit,
            self.note_edit,
            self.reason_edit,
        )

    # --- building ------------------------------------------------------------------------------------

    def _build_inbox(self) -> QWidget:
        pane = QWidget()
        layout = QVBoxLayout(pane)
        filters = QHBoxLayout()
        self.count_label = named(QLabel(), "messagesOpenCount", self.tr("Messages not yet passed on"))
        self.count_label.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.all_check = named(
            QCheckBox(self.tr("Show passed on and cancelled too")),
            "messagesShowAll",
            self.tr("Show passed on and cancelled too"),
        )
        self.search_edit = named(QLineEdit(), "messagesSearchEdit", self.tr("Search messages"))
        self.search_edit.setPlaceholderText(self.tr("Name, company, number, unit or words"))
        self.search_button = action_button(
            self.tr("Search"), "messagesSearchButton", self.tr("Search the messages")
        )
        filters.addWidget(self.count_label)
        filters.addStretch(1)
        filters.addWidget(self.all_check)
        filters.addWidget(self.search_edit, 1)
        filters.addWidget(self.search_button)
        layout.addLayout(filters)
        self.model = MessagesTableModel(self._station)
        self.table = table_view("messagesTable", self.tr("Phone messages"), self.model)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(MESSAGE_COLUMN, QHeaderView.ResizeMode.Stretch)
        for column in INBOX_WIDTHS:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.model.modelReset.connect(self._fit_columns)
        layout.addWidget(self.table, 1)

        self.method_combo = named(QComboBox(), "messagesMethodCombo", self.tr("How it was passed on"))
        for method, words in method_words().items():
            self.method_combo.addItem(words, method)
        self.note_edit = named(QLineEdit(), "messagesNoteEdit", self.tr("Note (optional)"))
        self.note_edit.setPlaceholderText(self.tr("Note (optional)"))
        self.pass_on_button = action_button(
            self.tr("Mark passed on"), "messagesPassOnButton", self.tr("Mark the selected message passed on")
        )
        self.print_button = action_button(
            self.tr("Print slip"), "messagesPrintButton", self.tr("Print the selected message as a slip")
        )
        row = button_row(layout, self.pass_on_button, self.print_button)
        row.insertWidget(0, self.note_edit, 1)
        row.insertWidget(0, self.method_combo)
        self.reason_edit = named(QLineEdit(), "messagesCancelReasonEdit", self.tr("Reason for cancelling"))
        self.reason_edit.setPlaceholderText(self.tr("Reason for cancelling (taken twice, wrong person…)"))
        self.cancel_button = action_button(
            self.tr("Cancel message"), "messagesCancelButton", self.tr("Cancel the selected message")
        )
        cancel_row = button_row(layout, self.cancel_button)
        cancel_row.insertWidget(0, self.reason_edit, 1)
        self.all_check.toggled.connect(lambda _on: self.refresh())
        self.search_button.clicked.connect(self.refresh)
        self.search_edit.returnPressed.connect(self.refresh)
        self.pass_on_button.clicked.connect(self._pass_on)
        self.print_button.clicked.connect(self._print)
        self.cancel_button.clicked.connect(self._cancel)
        return pane

    def _fit_columns(self) -> None:
        """Each capped column as wide as its widest cell or heading, up to its width."""
        header = self.table.horizontalHeader()
        for column, most in INBOX_WIDTHS.items():
            wanted = max(header.sectionSizeHint(column), self.table.sizeHintForColumn(column))
            header.resizeSection(column, min(wanted, most))

    def _build_form(self) -> QWidget:
        pane = QWidget()
        layout = QVBoxLayout(pane)
        form = QFormLayout()
        self.recipient_search = named(
            QLineEdit(), "messagesRecipientSearch", self.tr("Find in the staff directory")
        )
        self.recipient_search.setPlaceholderText(self.tr("Name or pinyin"))
        self.find_button = action_button(
            self.tr("Find"), "messagesFindButton", self.tr("Find the person in the staff directory")
        )
        self.recipient_combo = named(QComboBox(), "messagesRecipientCombo", self.tr("For (staff directory)"))
        self.recipient_combo.addItem(self.tr("— not in the directory: unit or name below —"), None)
        find_row = QHBoxLayout()
        find_row.addWidget(self.recipient_search, 1)
        find_row.addWidget(self.find_button)
        find_row.addWidget(self.recipient_combo, 1)
        self.unit_edit = named(QLineEdit(), "messagesUnitEdit", self.tr("Unit"))
        self.unit_edit.setPlaceholderText(self.tr("e.g. 2-104"))
        self.recipient_name_edit = named(QLineEdit(), "messagesRecipientNameEdit", self.tr("For (name)"))
        self.recipient_name_edit.setPlaceholderText(self.tr("Resident, department or name as heard"))
        other_row = QHBoxLayout()
        other_row.addWidget(self.unit_edit)
        other_row.addWidget(self.recipient_name_edit, 1)
        self.caller_edit = named(QLineEdit(), "messagesCallerEdit", self.tr("Caller"))
        self.company_edit = named(QLineEdit(), "messagesCompanyEdit", self.tr("Company"))
        self.phone_edit = named(QLineEdit(), "messagesPhoneEdit", self.tr("Phone"))
        self.extension_edit = named(QLineEdit(), "messagesExtensionEdit", self.tr("Extension"))
        self.extension_edit.setMaximumWidth(120)
        self.city_edit = named(QLineEdit(), "messagesCityEdit", self.tr("City"))
        phone_row = QHBoxLayout()
        phone_row.addWidget(self.phone_edit, 1)
        phone_row.addWidget(QLabel(self.tr("Ext.")))
        phone_row.addWidget(self.extension_edit)
        phone_row.addWidget(QLabel(self.tr("City")))
        phone_row.addWidget(self.city_edit)
        self.text_edit = named(QPlainTextEdit(), "messagesTextEdit", self.tr("Message"))
        self.text_edit.setMaximumHeight(110)
        self.request_combo = named(QComboBox(), "messagesRequestCombo", self.tr("The caller asks"))
        for request, words in request_words().items():
            self.request_combo.addItem(words, request)
        self.source_combo = named(QComboBox(), "messagesSourceCombo", self.tr("Taken"))
        for source in (MessageSource.PHONE, MessageSource.COUNTER):
            self.source_combo.addItem(source_words()[source], source)
        self.when_edit = date_time_edit("messagesWhenEdit", self.tr("When"))
        self.taken_by_label = named(QLabel(), "messagesTakenByLabel", self.tr("Taken by"))
        for label, item in (
            (self.tr("For (staff directory)"), find_row),
            (self.tr("Or unit / name"), other_row),
            (self.tr("Caller"), self.caller_edit),
            (self.tr("Company"), self.company_edit),
            (self.tr("Phone"), phone_row),
            (self.tr("Message"), self.text_edit),
            (self.tr("The caller asks"), self.request_combo),
            (self.tr("Taken"), self.source_combo),
            (self.tr("When"), self.when_edit),
            (self.tr("Taken by"), self.taken_by_label),
        ):
            form.addRow(label, item)
        layout.addLayout(form)
        self.save_button = action_button(
            self.tr("Save message"), "messagesSaveButton", self.tr("Save the message to the inbox")
        )
        button_row(layout, self.save_button)
        layout.addStretch(1)
        self.find_button.clicked.connect(self._find)
        self.recipient_search.returnPressed.connect(self._find)
        self.save_button.clicked.connect(self._save)
        return pane

    # --- the session ---------------------------------------------------------------------------------

    def set_session(self, who: SignedIn | None) -> None:
        super().set_session(who)
        self._permitted = who is not None and allowed(who.role, Permission.PHONE_MESSAGES)
        self.taken_by_label.setText(who.name if who is not None else "")
        if self._permitted:
            self._reset_when()
            self.refresh()
        else:
            self.model.set_named_rows([], [])  # the last clerk's inbox is not the next person's

    def on_server_event(self, topic: str) -> None:
        if topic in TOPICS and self._permitted:
            self.refresh()

    def _reset_when(self) -> None:
        now = self._station.clock.now().astimezone(self._station.site.timezone)
        self.when_edit.setDateTime(
            QDateTime(QDate(now.year, now.month, now.day), QTime(now.hour, now.minute))
        )

    # --- the inbox -----------------------------------------------------------------------------------

    def refresh(self) -> None:
        if not self._permitted:
            return
        messages = self._station.phone_messages
        open_only, search = not self.all_check.isChecked(), self.search_edit.text()
        QueryOp(
            self, lambda: messages.inbox(open_only=open_only, search=search), self._show, key="list"
        ).failure(self._failed).run_in_background()

    def _show(self, listing: MessageListing) -> None:
        selected = self._selected_id()
        self.model.set_named_rows(listing.messages, listing.staff)
        for row, message in enumerate(listing.messages):
            if message.message_id == selected:
                self.table.selectRow(row)
        text = self.tr("%1 not yet passed on").replace("%1", str(listing.open_count))
        self.count_label.setText(text)
        self.count_label.setStyleSheet(
            "font-size: 18px; font-weight: bold;" + (" color: #b71c1c;" if listing.open_count else "")
        )
        self.tabs.setTabText(0, self.tr("Inbox (%1)").replace("%1", str(listing.open_count)))

    def _selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.message(rows[0].row()).message_id if rows else None

    def _selected_or_hint(self) -> int | None:
        message_id = self._selected_id() if self._permitted else None
        if message_id is None:
            self.status.show_error(self.tr("Select a message in the list first."))
        return message_id

    def _pass_on(self) -> None:
        message_id = self._selected_or_hint()
        if message_id is None:
            return
        method = self.method_combo.currentData()
        assert isinstance(method, RelayMethod)
        note = self.note_edit.text()
        messages = self._station.phone_messages
        QueryOp(self, lambda: messages.pass_on(message_id, method, note), self._passed_on).failure(
            self._failed
        ).run_in_background()

    def _passed_on(self, view: PhoneMessageView) -> None:
        self.note_edit.clear()
        self.status.setText(
            self.tr("M%1 marked passed on %2.")
            .replace("%1", f"{view.message_id:06d}")
            .replace("%2", method_words()[view.relay_method] if view.relay_method else "")
        )
        self.refresh()

    def _cancel(self) -> None:
        message_id = self._selected_or_hint()
        if message_id is None:
            return
        reason = self.reason_edit.text()
        messages = self._station.phone_messages
        QueryOp(self, lambda: messages.cancel(message_id, reason), lambda _r: self._cancelled()).failure(
            self._failed
        ).run_in_background()

    def _cancelled(self) -> None:
        self.reason_edit.clear()
        self.status.setText(self.tr("Message cancelled; it stays on record with the reason."))
        self.refresh()

    def _print(self) -> None:
        message_id = self._selected_or_hint()
        if message_id is None:
            return
        station, language = self._station, self._station.local.language

        def print_slip() -> PrintOutcome:
            # Queued for this desk's printer by the server, printed here in the same background work.
            return station.printing.print_now(station.phone_messages.print_slip(message_id, language))

        self.print_button.setEnabled(False)
        QueryOp(self, print_slip, self._printed).failure(self._print_failed).run_in_background()

    def _printed(self, outcome: PrintOutcome) -> None:
        self.print_button.setEnabled(True)
        printers = self._station.printers
        if outcome.printed:
            self.status.setText(
                self.tr("Slip printed on %1.").replace("%1", printer_name(printers, outcome.printer))
            )
        else:
            self.status.show_error(
                self.tr("The slip was not printed: %1").replace("%1", print_problem(printers, outcome.error))
            )

    def _print_failed(self, error: Exception) -> None:
        self.print_button.setEnabled(True)
        self._failed(error)

    # --- the form ------------------------------------------------------------------------------------

    def _find(self) -> None:
        if not self._permitted:
            return
        text = self.recipient_search.text()
        messages = self._station.phone_messages
        QueryOp(self, lambda: messages.directory(text), self._found, key="directory").failure(
            self._failed
        ).run_in_background()

    def _found(self, hosts: list[DeskHostEntry]) -> None:
        self._clear_recipients()
        self._hosts = hosts
        for host in hosts:
            extension = self.tr(" ext. %1").replace("%1", host.extension) if host.extension else ""
            self.recipient_combo.addItem(with_aside(host.name, host.department) + extension, host.host_id)
        if hosts:
            self.recipient_combo.setCurrentIndex(1)  # the best match; the clerk may choose another
        else:
            self.status.show_error(self.tr("Nobody of that name in the staff directory."))

    def _form(self) -> NewPhoneMessage:
        when = self.when_edit.dateTime().toPython()
        assert isinstance(when, datetime)
        request, source, host = (
            self.request_combo.currentData(),
            self.source_combo.currentData(),
            self.recipient_combo.currentData(),
        )
        assert isinstance(request, CallerRequest) and isinstance(source, MessageSource)
        return NewPhoneMessage(
            caller_name=self.caller_edit.text(),
            text=self.text_edit.toPlainText(),
            received_at=when.replace(tzinfo=self._station.site.timezone),
            host_id=host if isinstance(host, int) else None,
            recipient_unit=self.unit_edit.text(),
            recipient_name=self.recipient_name_edit.text(),
            company=self.company_edit.text(),
            phone=self.phone_edit.text(),
            extension=self.extension_edit.text(),
            city=self.city_edit.text(),
            caller_request=request,
            source=source,
        )

    def _save(self) -> None:
        if not self._permitted:
            self.status.show_error(self.tr("Your role cannot do this. Ask a supervisor."))
            return
        form = self._form()
        messages = self._station.phone_messages
        self.save_button.setEnabled(False)  # one tap, one message
        QueryOp(self, lambda: messages.take(form), self._saved).failure(self._save_failed).run_in_background()

    def _saved(self, message_id: int) -> None:
        self.save_button.setEnabled(True)
        for edit in (
            self.caller_edit,
            self.company_edit,
            self.phone_edit,
            self.extension_edit,
            self.city_edit,
            self.unit_edit,
            self.recipient_name_edit,
            self.recipient_search,
        ):
            edit.clear()
        self.text_edit.clear()
        self._clear_recipients()
        self.request_combo.setCurrentIndex(0)
        self._reset_when()
        self.status.setText(
            self.tr("Message M%1 saved: it waits in the inbox until passed on.").replace(
                "%1", f"{message_id:06d}"
            )
        )
        self.refresh()

    def _clear_recipients(self) -> None:
        self._hosts = []
        self.recipient_combo.clear()
        self.recipient_combo.addItem(self.tr("— not in the directory: unit or name below —"), None)

    def _save_failed(self, error: Exception) -> None:
        self.save_button.setEnabled(True)
        self._failed(error)

    def _failed(self, error: Exception) -> None:
        self.status.show_error(
            self._words(error) if isinstance(error, ValidationError) else error_message(error)
        )

    def _words(self, error: ValidationError) -> str:
        """The page's own sentence for what the server refused."""
        messages = {
            ("caller", "required"): self.tr("Write down who called: a name or a number."),
            ("text", "required"): self.tr("Write the message down, or choose what the caller asks."),
            ("phone", "required_for_call_back"): self.tr("To be called back, the caller's number is needed."),
            ("recipient", "required"): self.tr(
                "Who is it for? Find the person in the directory, or type a unit or a name."
            ),
            ("host", "unknown"): self.tr("That person is no longer in the staff directory."),
            ("phone", "format"): self.tr("The phone number may have digits, a leading + and dashes only."),
            ("phone", "digits"): self.tr("A phone number has %1 to %2 digits."),
            ("phone", "too_long"): self.tr("The phone number is too long: at most %1 characters."),
            ("extension", "format"): self.tr("The extension is digits only."),
            ("extension", "too_long"): self.tr("The extension is too long: at most %1 digits."),
            ("received_at", "future"): self.tr("The time of the call is in the future."),
            ("caller_name", "too_long"): self.tr("The caller's name is too long: at most %1 characters."),
            ("company", "too_long"): self.tr("The company is too long: at most %1 characters."),
            ("city", "too_long"): self.tr("The city is too long: at most %1 characters."),
            ("text", "too_long"): self.tr("The message is too long: at most %1 characters."),
            ("recipient_unit", "too_long"): self.tr("The unit is too long: at most %1 characters."),
            ("recipient_name", "too_long"): self.tr("The name is too long: at most %1 characters."),
            ("note", "too_long"): self.tr("The note is too long: at most %1 characters."),
            ("reason", "required"): self.tr("Give the reason for cancelling the message."),
            ("reason", "too_long"): self.tr("The reason is too long: at most %1 characters."),
            ("message", "passed_on"): self.tr("Someone has passed this message on already."),
            ("message", "cancelled"): self.tr("This message was cancelled."),
            ("message", "unknown"): self.tr("This message no longer exists."),
        }
        return page_message(messages, error)
