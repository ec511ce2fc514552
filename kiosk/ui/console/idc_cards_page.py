"""IDC identity-verification cards (IDC身份校验卡) at the console.

Two sections: sales file applications on ``idc_applications``; the desk (and supervisors) work
on ``idc_cards``: approve or reject, issue onto a blank card on this desk's own encoder (the site
server plans the card with its key and records it; with progress and a cancel button), revoke,
the card list with its filters, each card's history, and the uploads to the access-control
system. Every call to the server runs off the GUI thread; the lists follow the server's "cards"
events. Expiry and upload retries are the server's own rounds, not this page's.
"""

from __future__ import annotations

import threading
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QDate, QObject, Signal
from PySide6.QtGui import QBrush, QColor, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.api.idc_cards import NUMBER, SHORT, TEXT, ApplicationForm, IdcHistory, IdcIssued
from kiosk.client.http import AccessRefusedError, RetryKey, ServerUnreachableError
from kiosk.client.station import Station
from kiosk.devices.errors import CardRemovedError, CardWriteError, DeviceError, NoCardError
from kiosk.domain.cards import CARD_ON_ENCODER, CardVerdict
from kiosk.domain.errors import ValidationError
from kiosk.domain.idc_cards import ApplicationStatus, DeliveryStatus, RevokeReason
from kiosk.domain.staff import Permission, SignedIn, allowed
from kiosk.domain.views import ApplicationView, DeliveryView, HistoryEntry
from kiosk.ui.common.audit_words import ActorTableModel, detail_text
from kiosk.ui.common.background import call_in_gui
from kiosk.ui.common.messages import error_message
from kiosk.ui.common.operations import QueryOp
from kiosk.ui.common.table_model import RowTableModel
from kiosk.ui.common.widgets import (
    SectionPage,
    action_button,
    date_edit,
    id_type_combo,
    named,
    table_view,
)

ISSUE_WAIT_S = 60.0  # how long the encoder waits for the clerk to place a card
_STEPS = ("waiting", "checking", "wiping", "writing", "verifying", "recording")
_ATTENTION = QBrush(QColor("#ffd6d6"))
_CardList = tuple[list[ApplicationView], list[DeliveryView]]  # the card list and the uploads
# What this page follows: IDC changes anywhere, and a console back after being away.
TOPICS = frozenset({"cards", "connected", "resync"})


def _status_name(status: ApplicationStatus) -> str:
    # Literal strings in each call, so lupdate finds them.
    return {
        ApplicationStatus.FILED: QCoreApplication.translate("IdcCards", "Waiting for approval"),
        ApplicationStatus.APPROVED: QCoreApplication.translate("IdcCards", "Approved, to be issued"),
        ApplicationStatus.REJECTED: QCoreApplication.translate("IdcCards", "Rejected"),
        ApplicationStatus.ISSUED: QCoreApplication.translate("IdcCards", "Issued"),
        ApplicationStatus.REVOKED: QCoreApplication.translate("IdcCards", "Revoked"),
        ApplicationStatus.EXPIRED: QCoreApplication.translate("IdcCards", "Expired"),
    }[status]


class ApplicationTableModel(RowTableModel[ApplicationView]):
    def __init__(self, zone: ZoneInfo) -> None:
        super().__init__(
            (
                self.tr("Form No."),
                self.tr("Customer"),
                self.tr("Holder"),
                self.tr("ID"),
                self.tr("Card No."),
                self.tr("Status"),
                self.tr("Valid until"),
                self.tr("Filed by"),
            )
        )
        self._zone = zone

    def application(self, row: int) -> ApplicationView:
        return self.row_value(row)

    def display(self, a: ApplicationView, column: int) -> str:
        until = a.valid_until.astimezone(self._zone).strftime("%Y-%m-%d")
        return (
            a.form_number,
            a.company,
            a.holder_name,
            a.holder_id_masked,
            a.card_label or "—",
            _status_name(a.status),
            until,
            a.filed_by_name,
        )[column]

    def background(self, a: ApplicationView, column: int) -> QBrush | None:
        return _ATTENTION if column == 5 and a.status is ApplicationStatus.REVOKED else None


class HistoryTableModel(ActorTableModel[HistoryEntry]):
    def __init__(self, zone: ZoneInfo) -> None:
        super().__init__((self.tr("Time"), self.tr("Staff"), self.tr("What happened"), self.tr("Details")))
        self._zone = zone

    def show(self, history: IdcHistory | None) -> None:
        """The rows, with the members they name as the server sent them (None: no selection)."""
        if history is None:
            self.set_named_rows([], [])
        else:
            self.set_named_rows(history.entries, history.staff)

    def display(self, h: HistoryEntry, column: int) -> str:
        zone = self._zone
        if column == 0:
            return h.at.astimezone(zone).strftime("%Y-%m-%d %H:%M:%S")
        if column == 1:
            return self.actor(h.actor)
        return self._action(h.action) if column == 2 else detail_text(h.detail, zone)

    def _action(self, action: str) -> str:
        names = {
            "idc.filed": self.tr("Application filed"),
            "idc.approved": self.tr("Approved"),
            "idc.rejected": self.tr("Rejected"),
            "idc.decision_refused": self.tr("Decision refused"),
            "card.encoding": self.tr("Encoding started"),
            "card.issue_failed": self.tr("Encoding failed"),
            "card.issued": self.tr("Card written and verified"),
            "idc.issued": self.tr("Card issued"),
            "idc.delivered": self.tr("Uploaded to access control"),
            "idc.delivery_failed": self.tr("Upload failed, will retry"),
            "card.revoked": self.tr("Card blocked"),
            "idc.revoked": self.tr("Revoked"),
            "card.expired": self.tr("Card expired"),
            "idc.expired": self.tr("Expired"),
            "card.refused": self.tr("Card presented and refused"),
            "card.refused_issue": self.tr("Card refused at the encoder"),
            "card.refused_wipe": self.tr("Card refused at the encoder"),
        }
        return names.get(action, action)


class DeliveryTableModel(RowTableModel[DeliveryView]):
    def __init__(self, zone: ZoneInfo) -> None:
        super().__init__(
            (
                self.tr("Card No."),
                self.tr("Sent to"),
                self.tr("Event"),
                self.tr("State"),
                self.tr("Attempts"),
                self.tr("Next try"),
                self.tr("Last error"),
            )
        )
        self._zone = zone

    def delivery(self, row: int) -> DeliveryView:
        return self.row_value(row)

    def display(self, d: DeliveryView, column: int) -> str:
        zone = self._zone
        sinks = {
            "webhook": self.tr("Webhook"),
            "csv": self.tr("CSV folder"),
            "email": self.tr("E-mail to 系统部"),
        }
        event = self.tr("Issued") if d.event.value == "issued" else self.tr("Revoked")
        state = self.tr("Acknowledged") if d.status is DeliveryStatus.ACKNOWLEDGED else self.tr("Pending")
        next_try = (
            "—"
            if d.status is DeliveryStatus.ACKNOWLEDGED
            else d.next_attempt_at.astimezone(zone).strftime("%H:%M:%S")
        )
        return (
            d.card_label,
            sinks.get(d.sink, d.sink),
            event,
            state,
            str(d.attempts),
            next_try,
            d.last_error or "",
        )[column]

    def background(self, d: DeliveryView, column: int) -> QBrush | None:
        return _ATTENTION if d.status is DeliveryStatus.PENDING and d.last_error else None


class _Progress(QObject):
    # Emitted in the GUI thread, posted there by the worker (call_in_gui).
    step = Signal(str)


def _day(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())


def _date_edit(object_name: str, accessible_name: str, days_ahead: int) -> QDateEdit:
    edit = date_edit(object_name, accessible_name)
    edit.setDate(QDate.currentDate().addDays(days_ahead))
    return edit


class IdcApplicationsPage(SectionPage):
    """Sales: the application form (《IDC身份校验卡申请表》) and the applications they filed."""

    refreshed = Signal()  # the list of one's applications was read again and is on screen

    def __init__(self, station: Station) -> None:
        super().__init__()
        self.setObjectName("idcApplicationsPage")
        self._station = station
        # One key per application form: pressed again after "the server cannot be reached", the
        # same application is filed once.
        self._file_key = RetryKey()
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.form_number_edit = named(QLineEdit(), "idcFormNumberEdit", self.tr("Application form No."))
        self.company_edit = named(QLineEdit(), "idcCompanyEdit", self.tr("Customer company"))
        self.holder_edit = named(QLineEdit(), "idcHolderEdit", self.tr("Card holder"))
        self.mobile_edit = named(QLineEdit(), "idcMobileEdit", self.tr("Holder's mobile"))
        self.id_type_combo = id_type_combo("idcIdTypeCombo", self.tr("ID document"))
        self.id_edit = named(QLineEdit(), "idcIdEdit", self.tr("ID number"))
        self.letter_edit = named(QLineEdit(), "idcLetterEdit", self.tr("Introduction letter reference"))
        today = station.clock.now().astimezone(station.site.timezone).date()
        self.from_edit = _date_edit("idcValidFromEdit", self.tr("Valid from"), 0)
        self.until_edit = _date_edit("idcValidUntilEdit", self.tr("Valid until"), 365)
        self.from_edit.setDate(QDate(today.year, today.month, today.day))
        self.until_edit.setDate(QDate(today.year, today.month, today.day).addYears(1))
        self.areas_edit = named(
            QPlainTextEdit(), "idcAreasEdit", self.tr("Machine rooms / cages covered, one per line")
        )
        self.areas_edit.setMaximumHeight(90)
        for label, widget in (
            (self.tr("Application form No."), self.form_number_edit),
            (self.tr("Customer company"), self.company_edit),
            (self.tr("Card holder"), self.holder_edit),
            (self.tr("Holder's mobile"), self.mobile_edit),
            (self.tr("ID document"), self.id_type_combo),
            (self.tr("ID number"), self.id_edit),
            (self.tr("Introduction letter reference"), self.letter_edit),
            (self.tr("Valid from"), self.from_edit),
            (self.tr("Valid until"), self.until_edit),
            (self.tr("Machine rooms / cages"), self.areas_edit),
        ):
            form.addRow(label, widget)
        layout.addLayout(form)
        self.file_button = action_button(
            self.tr("File the application"), "idcFileButton", self.tr("File the application for approval")
        )
        self.file_button.clicked.connect(self.file)
        layout.addWidget(self.file_button)
        self.status = self.add_status(layout, "idcApplicationStatus", self.tr("Last action result"))
        self.model = ApplicationTableModel(station.site.timezone)
        self.table = table_view("idcMyApplicationsTable", self.tr("Applications I filed"), self.model)
        layout.addWidget(self.table, 1)

    def set_session(self, who: SignedIn | None) -> None:
        super().set_session(who)
        if self._may_file():
            self.refresh()

    def _may_file(self) -> bool:
        return self.session is not None and allowed(self.session.role, Permission.FILE_CARD_APPLICATIONS)

    def on_server_event(self, topic: str) -> None:
        if topic in TOPICS and self._may_file():
            self.refresh()

    def refresh(self) -> None:
        if self.session is None:
            self.model.set_rows([])
            return
        QueryOp(self, self._station.idc_cards.my_applications, self._show_mine, key="mine").failure_in(
            self.status
        ).run_in_background()

    def _show_mine(self, rows: list[ApplicationView]) -> None:
        if self.session is not None:
            self.model.set_rows(rows)
            self.refreshed.emit()

    def file(self) -> None:
        who = self.session
        if who is None or not self._may_file():
            self.status.show_error(self.tr("Your role may not file card applications."))
            return
        zone = self._station.site.timezone
        # Cut to what the server takes; the service's own, shorter limits say what is too long.
        form = ApplicationForm(
            form_number=self.form_number_edit.text()[:SHORT],
            company=self.company_edit.text()[:SHORT],
            holder_name=self.holder_edit.text()[:SHORT],
            holder_mobile=self.mobile_edit.text()[:NUMBER],
            id_type=str(self.id_type_combo.currentData())[:NUMBER],
            id_number=self.id_edit.text()[:NUMBER],
            letter_reference=self.letter_edit.text()[:SHORT],
            valid_from=datetime.combine(_day(self.from_edit), time(0, 0), zone),
            valid_until=datetime.combine(_day(self.until_edit), time(23, 59), zone),
            areas=self.areas_edit.toPlainText()[:TEXT],
        )
        key, idc = self._file_key.key_for(form), self._station.idc_cards
        self.file_button.setEnabled(False)
        QueryOp(self, lambda: idc.file(form, key), lambda _id: self._filed(form)).failure(
            self._file_failed
        ).run_in_background()

    def _file_failed(self, error: Exception) -> None:
        self.file_button.setEnabled(True)
        if isinstance(error, AccessRefusedError) and error.code == "forbidden":
            self.status.show_error(self.tr("Your role may not file card applications."))
        else:
            self.status.show_error(error_message(error))

    def _filed(self, form: ApplicationForm) -> None:
        self._file_key.answered()
        self.file_button.setEnabled(True)
        self.status.setText(
            self.tr(
                "Application %1 filed: a supervisor approves it, then the front desk makes the card."
            ).replace("%1", form.form_number.strip())
        )
        for edit in (
            self.form_number_edit,
            self.company_edit,
            self.holder_edit,
            self.mobile_edit,
            self.id_edit,
            self.letter_edit,
        ):
            edit.clear()
        self.areas_edit.clear()
        self.refresh()


class IdcCardsPage(SectionPage):
    """The desk's card list, approvals, issue, revoke, history and uploads."""

    refreshed = Signal()  # the card list and uploads were read again and are on screen

    def __init__(self, station: Station) -> None:
        super().__init__()
        self.setObjectName("idcCardsPage")
        self._station = station
        zone = station.site.timezone
        self._cancel: threading.Event | None = None
        self._progress = _Progress(self)
        self._progress.step.connect(self._show_step)
        layout = QVBoxLayout(self)

        filters = QHBoxLayout()
        self.search_edit = named(QLineEdit(), "idcSearchEdit", self.tr("Search cards"))
        self.search_edit.setPlaceholderText(self.tr("Form No., customer, holder, card No. or ID last four"))
        self.search_edit.textChanged.connect(self.refresh)
        self.status_combo = named(QComboBox(), "idcStatusFilter", self.tr("Status filter"))
        self.status_combo.addItem(self.tr("All statuses"), None)
        for status in ApplicationStatus:
            self.status_combo.addItem(_status_name(status), status)
        self.status_combo.currentIndexChanged.connect(self.refresh)
        self.company_combo = named(QComboBox(), "idcCompanyFilter", self.tr("Customer filter"))
        self.company_combo.currentIndexChanged.connect(self.refresh)
        self.expiring_check = named(
            QCheckBox(self.tr("Expiring within 30 days")),
            "idcExpiringCheck",
            self.tr("Expiring within 30 days"),
        )
        self.expiring_check.toggled.connect(self.refresh)
        for filter_widget in (self.search_edit, self.status_combo, self.company_combo, self.expiring_check):
            filters.addWidget(filter_widget)
        layout.addLayout(filters)

        self.loading_label = named(
            QLabel(self.tr("Loading the card list…")), "idcLoadingLabel", self.tr("The card list is loading")
        )
        self.loading_label.hide()
        layout.addWidget(self.loading_label)
        self.model = ApplicationTableModel(zone)
        self.table = table_view("idcCardTable", self.tr("IDC cards and applications"), self.model)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        layout.addWidget(self.table, 2)

        decide = QHBoxLayout()
        self.note_edit = named(QLineEdit(), "idcNoteEdit", self.tr("Note or reason"))
        self.note_edit.setPlaceholderText(self.tr("Note or reason"))
        self.approve_button = action_button(
            self.tr("Approve"), "idcApproveButton", self.tr("Approve the application")
        )
        self.reject_button = action_button(
            self.tr("Reject"), "idcRejectButton", self.tr("Reject the application")
        )
        self.issue_button = action_button(
            self.tr("Issue card"), "idcIssueButton", self.tr("Encode a blank card for this application")
        )
        self.cancel_button = action_button(
            self.tr("Cancel"), "idcCancelIssueButton", self.tr("Stop waiting for a card")
        )
        self.cancel_button.setEnabled(False)
        self.revoke_reason_combo = named(
            QComboBox(), "idcRevokeReasonCombo", self.tr("Why the card is revoked")
        )
        self.revoke_reason_combo.addItem(self.tr("Sales revocation notice"), RevokeReason.NOTICE)
        self.revoke_reason_combo.addItem(self.tr("Card lost"), RevokeReason.LOST)
        self.revoke_button = action_button(
            self.tr("Revoke"), "idcRevokeButton", self.tr("Revoke the card now")
        )
        for widget in (
            self.note_edit,
            self.approve_button,
            self.reject_button,
            self.issue_button,
            self.cancel_button,
            self.revoke_reason_combo,
            self.revoke_button,
        ):
            decide.addWidget(widget)
        layout.addLayout(decide)
        self.approve_button.clicked.connect(self.approve)
        self.reject_button.clicked.connect(self.reject)
        self.issue_button.clicked.connect(self.issue)
        self.cancel_button.clicked.connect(self.cancel_issue)
        self.revoke_button.clicked.connect(self.revoke)

        self.progress = named(QProgressBar(), "idcIssueProgress", self.tr("Card encoding progress"))
        self.progress.setRange(0, len(_STEPS))
        self.progress.setVisible(False)
        layout.addWidget(self.progress)
        self.status = self.add_status(layout, "idcStatus", self.tr("Last action result"))
        self.transient(self.search_edit, self.note_edit)

        self.tabs = named(QTabWidget(), "idcDetailTabs", self.tr("Card details"))
        self.history_model = HistoryTableModel(zone)
        self.history_table = table_view(
            "idcHistoryTable", self.tr("The selected card's history"), self.history_model
        )
        uploads = QWidget()
        uploads_layout = QVBoxLayout(uploads)
        self.delivery_model = DeliveryTableModel(zone)
        self.delivery_table = table_view(
            "idcDeliveryTable", self.tr("Uploads to access control"), self.delivery_model
        )
        self.send_now_button = action_button(
            self.tr("Send again now"), "idcSendNowButton", self.tr("Send the selected upload again now")
        )
        self.send_now_button.clicked.connect(self.send_now)
        uploads_layout.addWidget(self.delivery_table)
        uploads_layout.addWidget(self.send_now_button)
        self.tabs.addTab(self.history_table, self.tr("History"))
        self.tabs.addTab(uploads, self.tr("Uploads"))
        layout.addWidget(self.tabs, 1)

    @property
    def busy(self) -> bool:
        """A card is being issued (waiting, writing or verifying)."""
        return self._cancel is not None

    # -- who may do what ----------------------------------------------------------------------

    def set_session(self, who: SignedIn | None) -> None:
        super().set_session(who)
        may_issue = self._may(Permission.ISSUE_CARDS)
        may_decide = self._may(Permission.APPROVE_CARD_APPLICATIONS)
        self.approve_button.setVisible(may_decide)
        self.reject_button.setVisible(may_decide)
        for widget in (self.issue_button, self.revoke_button, self.revoke_reason_combo, self.send_now_button):
            widget.setVisible(may_issue)
        if who is None:
            self.model.set_rows([])
            self.history_model.show(None)
        elif may_issue or may_decide:
            self._fill_companies()
            self.refresh()

    def _may(self, permission: Permission) -> bool:
        return self.session is not None and allowed(self.session.role, permission)

    def _acting(self, permission: Permission) -> SignedIn | None:
        """The signed-in staff member if their role allows ``permission``; else say so."""
        if self.session is None or not self._may(permission):
            self.status.show_error(self.tr("Your role may not do this."))
            return None
        return self.session

    def _failed(self, error: Exception) -> None:
        """A refusal in the clerk's words: the server's rights as this page words them."""
        if isinstance(error, AccessRefusedError) and error.code == "forbidden":
            self.status.show_error(self.tr("Your role may not do this."))
        else:
            self.status.show_error(error_message(error))

    # -- the list -----------------------------------------------------------------------------

    def on_server_event(self, topic: str) -> None:
        # Cards change at other desks, at the sales office and on the server's expiry round.
        if topic in TOPICS and (
            self._may(Permission.ISSUE_CARDS) or self._may(Permission.APPROVE_CARD_APPLICATIONS)
        ):
            self._fill_companies()
            self.refresh()

    def _fill_companies(self) -> None:
        QueryOp(self, self._station.idc_cards.companies, self._show_companies, key="companies").failure(
            lambda _error: None  # the filter keeps its entries; the list's own read says what failed
        ).run_in_background()

    def _show_companies(self, companies: list[str]) -> None:
        current = self.company_combo.currentData()
        self.company_combo.blockSignals(True)
        self.company_combo.clear()
        self.company_combo.addItem(self.tr("All customers"), "")
        for company in companies:
            self.company_combo.addItem(company, company)
        index = self.company_combo.findData(current)
        self.company_combo.setCurrentIndex(max(0, index))
        self.company_combo.blockSignals(False)

    def showEvent(self, event: QShowEvent) -> None:
        # Cards change at other desks and on the server's rounds: the list is read again at once.
        super().showEvent(event)
        if self._may(Permission.ISSUE_CARDS) or self._may(Permission.APPROVE_CARD_APPLICATIONS):
            self.refresh()

    def refresh(self) -> None:
        """Read the card list and uploads as the filters ask now, off the GUI thread; the page
        says it is loading meanwhile, and only the newest read is shown."""
        if self.session is None:
            return
        status = self.status_combo.currentData()
        search = self.search_edit.text()
        company = str(self.company_combo.currentData() or "")
        expiring = self.expiring_check.isChecked()
        idc = self._station.idc_cards

        def query() -> _CardList:
            rows = idc.applications(
                search=search,
                status=status if isinstance(status, ApplicationStatus) else None,
                company=company,
                expiring=expiring,
            )
            return rows, idc.deliveries()

        self.loading_label.show()
        QueryOp(self, query, self._show_list, key="list").failure(self._list_failed).run_in_background()

    def _list_failed(self, _error: Exception) -> None:
        self.loading_label.hide()
        self.status.show_error(self.tr("The card list could not be read. Open the page again to retry."))

    def _show_list(self, found: _CardList) -> None:
        self.loading_label.hide()
        if self.session is None:
            return
        rows, deliveries = found
        selected = self.selected()
        self.model.set_rows(rows)
        if selected is not None:
            for row, view in enumerate(rows):
                if view.application_id == selected.application_id:
                    self.table.selectRow(row)
        self.delivery_model.set_rows(deliveries)
        self._selected()
        self.refreshed.emit()

    def selected(self) -> ApplicationView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.application(rows[0].row()) if rows else None

    def _selected(self) -> None:
        view = self.selected()
        if view is None:
            self.history_model.show(None)
        else:
            idc, application_id = self._station.idc_cards, view.application_id
            QueryOp(
                self, lambda: idc.history(application_id), self.history_model.show, key="history"
            ).failure_in(self.status).run_in_background()
        filed = view is not None and view.status is ApplicationStatus.FILED
        idle = self._cancel is None
        self.approve_button.setEnabled(filed and idle)
        self.reject_button.setEnabled(filed and idle)
        self.issue_button.setEnabled(view is not None and view.status is ApplicationStatus.APPROVED and idle)
        self.revoke_button.setEnabled(view is not None and view.status is ApplicationStatus.ISSUED and idle)

    # -- actions ------------------------------------------------------------------------------

    def approve(self) -> None:
        self._decide(approve=True)

    def reject(self) -> None:
        self._decide(approve=False)

    def _decide(self, approve: bool) -> None:
        who = self._acting(Permission.APPROVE_CARD_APPLICATIONS)
        view = self.selected()
        if who is None or view is None:
            return
        idc, application_id, note = self._station.idc_cards, view.application_id, self.note_edit.text()
        decide = idc.approve if approve else idc.reject
        done = self.tr("Application %1 approved.") if approve else self.tr("Application %1 rejected.")
        QueryOp(self, lambda: decide(application_id, note), lambda _none: self._decided(done, view)).failure(
            self._failed
        ).run_in_background()

    def _decided(self, done: str, view: ApplicationView) -> None:
        self.note_edit.clear()
        self.status.setText(done.replace("%1", view.form_number))
        self.refresh()

    def issue(self) -> None:
        who = self._acting(Permission.ISSUE_CARDS)
        view = self.selected()
        if who is None or view is None or self._cancel is not None:
            return
        encoder = self._station.encoder
        if encoder is None:
            self.status.show_error(
                self.tr("This desk has no card encoder: issue the card at a desk that has one.")
            )
            return
        cancel = threading.Event()
        self._cancel = cancel
        application_id = view.application_id
        language = self._station.local.language  # the confirmation, in the desk's language
        self.cancel_button.setEnabled(True)
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self._selected()
        self._show_step("waiting")

        emit_step = self._progress.step.emit

        def progress(step: str) -> None:  # on the worker: posted, never emitted from there
            call_in_gui(self, emit_step, step)

        idc, printing = self._station.idc_cards, self._station.printing

        def work() -> IdcIssued:
            issued = idc.issue(encoder, application_id, language, ISSUE_WAIT_S, cancel, progress)
            if issued.printed is None:
                return issued
            # The confirmation is queued for this desk: printed here, now.
            return issued.model_copy(update={"printed": printing.print_now(issued.printed)})

        QueryOp(self, work, self._issued).failure(self._issue_failed).run_in_background()

    def cancel_issue(self) -> None:
        if self._cancel is not None:
            self._cancel.set()

    def _show_step(self, step: str) -> None:
        texts = {
            "waiting": self.tr("Place a blank card on the encoder…"),
            "checking": self.tr("Checking the card…"),
            "wiping": self.tr("Wiping a returned card…"),
            "writing": self.tr("Writing the card…"),
            "verifying": self.tr("Reading the card back to verify it…"),
            "recording": self.tr("Verified. Recording the card as issued…"),
        }
        if step in _STEPS:
            self.progress.setValue(_STEPS.index(step))
        self.status.setText(texts.get(step, step))

    def _end_issue(self) -> None:
        self._cancel = None
        self.cancel_button.setEnabled(False)
        self.progress.setVisible(False)

    def _issued(self, result: IdcIssued) -> None:
        self._end_issue()
        printed = result.printed is not None and result.printed.printed
        text = self.tr("Card %1 issued and verified (UID %2).").replace("%1", result.card.label)
        text = text.replace("%2", result.card.uid or "—")
        text += " " + (
            self.tr("The issue confirmation is printing.")
            if printed
            else self.tr("The issue confirmation is in the print queue.")
        )
        self.status.setText(text)
        self._fill_companies()
        self.refresh()

    def _issue_failed(self, error: Exception) -> None:
        cancelled = self._cancel is not None and self._cancel.is_set()
        self._end_issue()
        # A cancel the clerk asked for is not a failure; everything else left no card issued.
        if cancelled and isinstance(error, NoCardError):
            self.status.setText(self._issue_error(error, cancelled))
        else:
            self.status.show_error(self._issue_error(error, cancelled))
        self.refresh()

    def _issue_error(self, error: Exception, cancelled: bool) -> str:
        if isinstance(error, ValidationError) and error.field == CARD_ON_ENCODER:
            # The server's verdict on the card the desk read, or on what it read back.
            verdicts = {
                CardVerdict.VALID.value: self.tr(
                    "This card is in use; it must be returned before it is reissued."
                ),
                CardVerdict.REVOKED.value: self.tr(
                    "This card is revoked and can never be used again. Keep it aside."
                ),
                CardVerdict.INVALID.value: self.tr(
                    "This card holds data that is not ours or was altered. Use a blank card."
                ),
                CardVerdict.FOREIGN.value: self.tr("This card belongs to another system. Use a blank card."),
                CardVerdict.NOT_YET_VALID.value: self.tr(
                    "This card is in use; it must be returned before it is reissued."
                ),
                "not_verified": self.tr(
                    "The card did not verify after writing: it is not issued. Retry or use another card."
                ),
                "attempt_over": self.tr(
                    "The card was not recorded in time: it is not issued. Place it again and retry."
                ),
            }
            return verdicts.get(error.code, self.tr("This card cannot be issued. Use a blank card."))
        if isinstance(error, NoCardError):
            return (
                self.tr("Cancelled: no card was written.")
                if cancelled
                else self.tr("No card was placed in time.")
            )
        if isinstance(error, CardRemovedError):
            return self.tr("The card was lifted too early: it is not issued. Place it again and retry.")
        if isinstance(error, CardWriteError):
            return self.tr(
                "The card did not verify after writing: it is not issued. Retry or use another card."
            )
        if isinstance(error, DeviceError):
            return self.tr("The card encoder is not responding: %1").replace("%1", str(error))
        if isinstance(error, AccessRefusedError) and error.code == "forbidden":
            return self.tr("Your role may not do this.")
        if isinstance(error, ValidationError | AccessRefusedError | ServerUnreachableError):
            return error_message(error)
        return self.tr("The card could not be issued: %1").replace("%1", str(error))

    def revoke(self) -> None:
        who = self._acting(Permission.ISSUE_CARDS)
        view = self.selected()
        if who is None or view is None:
            return
        reason = self.revoke_reason_combo.currentData()
        assert isinstance(reason, RevokeReason)
        idc, application_id, note = self._station.idc_cards, view.application_id, self.note_edit.text()
        QueryOp(self, lambda: idc.revoke(application_id, reason, note), self._revoked).failure(
            self._failed
        ).run_in_background()

    def _revoked(self, label: str) -> None:
        self.note_edit.clear()
        self.status.setText(
            self.tr(
                "Card %1 revoked: it is refused from now on, and the systems department is notified."
            ).replace("%1", label)
        )
        self.refresh()

    def send_now(self) -> None:
        who = self._acting(Permission.ISSUE_CARDS)
        rows = self.delivery_table.selectionModel().selectedRows()
        if who is None:
            return
        if not rows:
            self.status.show_error(self.tr("Select an upload first."))
            return
        delivery_id, idc = self.delivery_model.delivery(rows[0].row()).delivery_id, self._station.idc_cards
        QueryOp(self, lambda: idc.send_now(delivery_id), self._sent).failure(self._failed).run_in_background()

    def _sent(self, error: str | None) -> None:
        if error is None:
            self.status.setText(self.tr("Upload acknowledged."))
        else:
            self.status.show_error(self.tr("Upload failed: %1").replace("%1", error))
        self.refresh()
