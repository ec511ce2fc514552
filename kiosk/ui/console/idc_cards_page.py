"""IDC identity-verification cards (IDC身份校验卡) at the console.

Two sections: sales file applications on ``idc_applications``; the desk (and supervisors) work
on ``idc_cards``: approve or reject, issue onto a blank card (off the GUI thread, with progress
and a cancel button), revoke, the card list with its filters, each card's history, and the
uploads to the access-control system.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date, datetime, time

from PySide6.QtCore import QCoreApplication, QDate, QObject, QTimer, Signal
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

from kiosk.app import KioskApp
from kiosk.devices.errors import CardRemovedError, CardWriteError, DeviceError, NoCardError
from kiosk.domain.cards import CardVerdict
from kiosk.domain.errors import ValidationError
from kiosk.domain.idc_cards import ApplicationStatus, DeliveryStatus, RevokeReason
from kiosk.domain.staff import Permission, allowed
from kiosk.services.cards import CardRefusedError
from kiosk.services.idc_cards import (
    ApplicationInput,
    ApplicationView,
    DeliveryView,
    HistoryEntry,
    IssueResult,
    NotAllowedError,
)
from kiosk.services.staff import SignedIn
from kiosk.ui.common.audit_words import ActorTableModel, detail_text
from kiosk.ui.common.background import call_in_gui, run_in_background
from kiosk.ui.common.messages import validation_message
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
TICK_MS = 60_000  # expiry and upload retries
_STEPS = ("waiting", "checking", "wiping", "writing", "verifying", "recording")
_ATTENTION = QBrush(QColor("#ffd6d6"))
_CardList = tuple[list[ApplicationView], list[DeliveryView]]  # the card list and the uploads


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
    def __init__(self, app: KioskApp) -> None:
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
        self._app = app

    def application(self, row: int) -> ApplicationView:
        return self.row_value(row)

    def display(self, a: ApplicationView, column: int) -> str:
        until = a.valid_until.astimezone(self._app.site.timezone).strftime("%Y-%m-%d")
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
    def __init__(self, app: KioskApp) -> None:
        super().__init__(
            (self.tr("Time"), self.tr("Staff"), self.tr("What happened"), self.tr("Details")), app.staff
        )
        self._app = app

    def display(self, h: HistoryEntry, column: int) -> str:
        zone = self._app.site.timezone
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
    def __init__(self, app: KioskApp) -> None:
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
        self._app = app

    def delivery(self, row: int) -> DeliveryView:
        return self.row_value(row)

    def display(self, d: DeliveryView, column: int) -> str:
        zone = self._app.site.timezone
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

    def __init__(self, app: KioskApp) -> None:
        super().__init__()
        self.setObjectName("idcApplicationsPage")
        self._app = app
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.form_number_edit = named(QLineEdit(), "idcFormNumberEdit", self.tr("Application form No."))
        self.company_edit = named(QLineEdit(), "idcCompanyEdit", self.tr("Customer company"))
        self.holder_edit = named(QLineEdit(), "idcHolderEdit", self.tr("Card holder"))
        self.mobile_edit = named(QLineEdit(), "idcMobileEdit", self.tr("Holder's mobile"))
        self.id_type_combo = id_type_combo("idcIdTypeCombo", self.tr("ID document"))
        self.id_edit = named(QLineEdit(), "idcIdEdit", self.tr("ID number"))
        self.letter_edit = named(QLineEdit(), "idcLetterEdit", self.tr("Introduction letter reference"))
        today = app.clock.now().astimezone(app.site.timezone).date()
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
        self.model = ApplicationTableModel(app)
        self.table = table_view("idcMyApplicationsTable", self.tr("Applications I filed"), self.model)
        layout.addWidget(self.table, 1)

    def set_session(self, who: SignedIn | None) -> None:
        super().set_session(who)
        if self._may_file():
            self.refresh()

    def _may_file(self) -> bool:
        return self.session is not None and allowed(self.session.role, Permission.FILE_CARD_APPLICATIONS)

    def refresh(self) -> None:
        if self.session is None:
            self.model.set_rows([])
            return
        mine = self.session.actor.label
        self.model.set_rows([a for a in self._app.idc_cards.applications() if a.filed_by == mine])

    def file(self) -> None:
        who = self.session
        if who is None or not self._may_file():
            self.status.show_error(self.tr("Your role may not file card applications."))
            return
        zone = self._app.site.timezone
        form = ApplicationInput(
            form_number=self.form_number_edit.text(),
            company=self.company_edit.text(),
            holder_name=self.holder_edit.text(),
            holder_mobile=self.mobile_edit.text(),
            id_type=str(self.id_type_combo.currentData()),
            id_number=self.id_edit.text(),
            letter_reference=self.letter_edit.text(),
            valid_from=datetime.combine(_day(self.from_edit), time(0, 0), zone),
            valid_until=datetime.combine(_day(self.until_edit), time(23, 59), zone),
            areas=self.areas_edit.toPlainText(),
        )
        try:
            self._app.idc_cards.file(form, who)
        except ValidationError as error:
            self.status.show_error(validation_message(error))
            return
        except NotAllowedError:
            self.status.show_error(self.tr("Your role may not file card applications."))
            return
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

    def __init__(self, app: KioskApp) -> None:
        super().__init__()
        self.setObjectName("idcCardsPage")
        self._app = app
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
        self._generation = 0  # which list read is the newest (background reads may come back late)
        layout.addWidget(self.loading_label)
        self.model = ApplicationTableModel(app)
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
        self.history_model = HistoryTableModel(app)
        self.history_table = table_view(
            "idcHistoryTable", self.tr("The selected card's history"), self.history_model
        )
        uploads = QWidget()
        uploads_layout = QVBoxLayout(uploads)
        self.delivery_model = DeliveryTableModel(app)
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

        # Expiry and upload retries run on the desk's clock, not on anyone's click.
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.run_timer)
        self.timer.start()

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
            self.history_model.set_rows([])
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

    # -- the list -----------------------------------------------------------------------------

    def _fill_companies(self) -> None:
        current = self.company_combo.currentData()
        self.company_combo.blockSignals(True)
        self.company_combo.clear()
        self.company_combo.addItem(self.tr("All customers"), "")
        for company in self._app.idc_cards.companies():
            self.company_combo.addItem(company, company)
        index = self.company_combo.findData(current)
        self.company_combo.setCurrentIndex(max(0, index))
        self.company_combo.blockSignals(False)

    def refresh(self) -> None:
        if self.session is None:
            return
        self._show_list(self._list_query()())

    def showEvent(self, event: QShowEvent) -> None:
        # Cards change at other desks and on the expiry timer: the list is read again at once,
        # off the GUI thread, and says so while it is.
        super().showEvent(event)
        if self._may(Permission.ISSUE_CARDS) or self._may(Permission.APPROVE_CARD_APPLICATIONS):
            self._load()

    def _load(self) -> None:
        self._generation += 1
        generation = self._generation
        self.loading_label.show()
        run_in_background(
            self,
            self._list_query(),
            lambda found: self._loaded(generation, found),
            lambda _error: self._loaded(generation, None),
        )

    def _loaded(self, generation: int, found: _CardList | None) -> None:
        if generation != self._generation or self.session is None:
            return  # a newer read (a filter typed, an action) already showed the list
        self.loading_label.hide()
        if found is None:
            self.status.show_error(self.tr("The card list could not be read. Open the page again to retry."))
            return
        self._show_list(found)

    def _list_query(self) -> Callable[[], _CardList]:
        """The card list and uploads as the filters ask now (read in the GUI thread, run anywhere)."""
        status = self.status_combo.currentData()
        search = self.search_edit.text()
        company = str(self.company_combo.currentData() or "")
        expiring = self.expiring_check.isChecked()
        cards = self._app.idc_cards

        def query() -> _CardList:
            rows = cards.applications(
                search=search,
                status=status if isinstance(status, ApplicationStatus) else None,
                company=company,
                expiring=expiring,
            )
            return rows, cards.deliveries()

        return query

    def _show_list(self, found: _CardList) -> None:
        self._generation += 1  # what a background read started before this brings is older
        self.loading_label.hide()
        rows, deliveries = found
        selected = self.selected()
        self.model.set_rows(rows)
        if selected is not None:
            for row, view in enumerate(rows):
                if view.application_id == selected.application_id:
                    self.table.selectRow(row)
        self.delivery_model.set_rows(deliveries)
        self._selected()

    def selected(self) -> ApplicationView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.application(rows[0].row()) if rows else None

    def _selected(self) -> None:
        view = self.selected()
        self.history_model.set_rows([] if view is None else self._app.idc_cards.history(view.application_id))
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
        try:
            if approve:
                self._app.idc_cards.approve(view.application_id, who, self.note_edit.text())
            else:
                self._app.idc_cards.reject(view.application_id, who, self.note_edit.text())
        except ValidationError as error:
            self.status.show_error(validation_message(error))
            return
        except NotAllowedError:
            self.status.show_error(self.tr("Your role may not do this."))
            return
        self.note_edit.clear()
        self.status.setText(
            (self.tr("Application %1 approved.") if approve else self.tr("Application %1 rejected.")).replace(
                "%1", view.form_number
            )
        )
        self.refresh()

    def issue(self) -> None:
        who = self._acting(Permission.ISSUE_CARDS)
        view = self.selected()
        if who is None or view is None or self._cancel is not None:
            return
        cancel = threading.Event()
        self._cancel = cancel
        application_id = view.application_id
        language = self._app.config.language
        self.cancel_button.setEnabled(True)
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self._selected()
        self._show_step("waiting")

        emit_step = self._progress.step.emit

        def progress(step: str) -> None:  # on the worker: posted, never emitted from there
            call_in_gui(self, emit_step, step)

        def work() -> IssueResult:
            return self._app.idc_cards.issue(
                application_id,
                who,
                language,
                timeout_s=ISSUE_WAIT_S,
                cancel=cancel,
                progress=progress,
            )

        run_in_background(self, work, self._issued, self._issue_failed)

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

    def _issued(self, result: IssueResult) -> None:
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
        if isinstance(error, CardRefusedError):
            verdicts = {
                CardVerdict.VALID: self.tr("This card is in use; it must be returned before it is reissued."),
                CardVerdict.REVOKED: self.tr(
                    "This card is revoked and can never be used again. Keep it aside."
                ),
                CardVerdict.INVALID: self.tr(
                    "This card holds data that is not ours or was altered. Use a blank card."
                ),
                CardVerdict.FOREIGN: self.tr("This card belongs to another system. Use a blank card."),
                CardVerdict.NOT_YET_VALID: self.tr(
                    "This card is in use; it must be returned before it is reissued."
                ),
            }
            return verdicts.get(
                error.identity.verdict, self.tr("This card cannot be issued. Use a blank card.")
            )
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
        if isinstance(error, ValidationError):
            return validation_message(error)
        if isinstance(error, NotAllowedError):
            return self.tr("Your role may not do this.")
        return self.tr("The card could not be issued: %1").replace("%1", str(error))

    def revoke(self) -> None:
        who = self._acting(Permission.ISSUE_CARDS)
        view = self.selected()
        if who is None or view is None:
            return
        reason = self.revoke_reason_combo.currentData()
        assert isinstance(reason, RevokeReason)
        try:
            label = self._app.idc_cards.revoke(view.application_id, who, reason, self.note_edit.text())
        except ValidationError as error:
            self.status.show_error(validation_message(error))
            return
        except NotAllowedError:
            self.status.show_error(self.tr("Your role may not do this."))
            return
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
        delivery = self.delivery_model.delivery(rows[0].row())
        error = self._app.idc_cards.send_now(delivery.delivery_id, who)
        if error is None:
            self.status.setText(self.tr("Upload acknowledged."))
        else:
            self.status.show_error(self.tr("Upload failed: %1").replace("%1", error))
        self.refresh()

    def run_timer(self) -> None:
        """Expire cards past their validity and retry uploads, off the GUI thread."""
        run_in_background(
            self, lambda: self._app.idc_cards.tick(self._app.actor), self._ticked, self._tick_failed
        )

    def _ticked(self, _result: object) -> None:
        self.refresh()

    def _tick_failed(self, _error: Exception) -> None:
        pass  # logged by the background runner; the next tick tries again
