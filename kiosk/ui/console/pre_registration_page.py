"""Pre-registration (预约) at the console: single visitors and groups, then print or e-mail.

A group is the VIP reception work order (会务贵宾接待工作单): visiting unit, headcount,
arrival window, requirements and notes, with one line per named invitee (each gets a code).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import QDate, QTime
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
)

from kiosk.app import KioskApp
from kiosk.domain.errors import ValidationError
from kiosk.domain.invitation import DAY_ENDS, DAY_STARTS, default_window
from kiosk.domain.staff import Permission, allowed
from kiosk.domain.views import PrintOutcome
from kiosk.services.invitations import MAX_GROUP, ExpectedArrival, Invitee
from kiosk.services.staff import SignedIn
from kiosk.ui.common.background import run_in_background
from kiosk.ui.common.i18n import current_language
from kiosk.ui.common.messages import validation_message
from kiosk.ui.common.widgets import (
    SectionPage,
    action_button,
    date_edit,
    named,
    table_view,
    time_edit,
)
from kiosk.ui.console.board_follow_up import ExpectedTableModel

UPCOMING_DAYS = 14


def parse_invitees(text: str) -> list[Invitee]:
    """One person per line: ``name, mobile, e-mail`` (mobile and e-mail optional, any order).

    Commas may be Chinese (，) as typed on a Chinese keyboard; blank lines are skipped. The
    service validates each field and names the line of the first fault.
    """
    people = []
    for line in text.splitlines():
        parts = [p.strip() for p in line.replace("，", ",").split(",")]
        parts = [p for p in parts if p]
        if not parts:
            continue
        name, rest = parts[0], parts[1:]
        email = next((p for p in rest if "@" in p), "")
        mobile = next((p for p in rest if "@" not in p), "")
        people.append(Invitee(name, mobile, email))
    return people


class PreRegistrationPage(SectionPage):
    def __init__(self, app: KioskApp) -> None:
        super().__init__()
        self.setObjectName("preRegistrationPage")
        self._app = app
        layout = QHBoxLayout(self)

        form_box = QVBoxLayout()
        title = QLabel(self.tr("New invitation"))
        title.setStyleSheet("font-size: 20px; font-weight: bold;")
        form_box.addWidget(title)
        form = QFormLayout()
        self.host_edit = named(QLineEdit(), "preRegHostEdit", self.tr("Search the host"))
        self.host_edit.setPlaceholderText(self.tr("Name, pinyin or initials"))
        self.host_list = named(QListWidget(), "preRegHostList", self.tr("Hosts found"))
        self.host_list.setMaximumHeight(110)
        self.host_edit.textChanged.connect(self._search_hosts)
        form.addRow(self.tr("Host"), self.host_edit)
        form.addRow("", self.host_list)
        self.date_edit = date_edit("preRegDateEdit", self.tr("Date of the visit"))
        self.from_edit = time_edit("preRegFromEdit", self.tr("Expected from"), DAY_STARTS)
        self.until_edit = time_edit("preRegUntilEdit", self.tr("Expected until"), DAY_ENDS)
        self._default: tuple[datetime, datetime] | None = None
        window = QHBoxLayout()
        for widget in (self.date_edit, self.from_edit, QLabel("–"), self.until_edit):
            window.addWidget(widget)
        form.addRow(self.tr("Date and time"), window)
        self.unit_edit = named(QLineEdit(), "preRegUnitEdit", self.tr("Visiting unit"))
        form.addRow(self.tr("Visiting unit"), self.unit_edit)
        self.people_edit = named(QPlainTextEdit(), "preRegPeopleEdit", self.tr("Visitors"))
        self.people_edit.setPlaceholderText(
            self.tr("One person per line: name, mobile, e-mail (mobile and e-mail optional)")
        )
        self.people_edit.setMaximumHeight(120)
        form.addRow(self.tr("Visitors"), self.people_edit)
        self.headcount_spin = named(QSpinBox(), "preRegHeadcountSpin", self.tr("Headcount"))
        self.headcount_spin.setRange(0, MAX_GROUP)
        self.headcount_spin.setSpecialValueText(self.tr("as listed"))
        form.addRow(self.tr("Headcount"), self.headcount_spin)
        self.requirements_edit = named(QLineEdit(), "preRegRequirementsEdit", self.tr("Requirements"))
        self.requirements_edit.setPlaceholderText(self.tr("Tea, meeting room, projector, parking ..."))
        form.addRow(self.tr("Requirements / purpose"), self.requirements_edit)
        self.notes_edit = named(QLineEdit(), "preRegNotesEdit", self.tr("Notes"))
        form.addRow(self.tr("Notes"), self.notes_edit)
        form_box.addLayout(form)
        self.invite_button = action_button(
            self.tr("Create invitations"), "preRegInviteButton", self.tr("Create the invitations")
        )
        self.invite_button.clicked.connect(self._invite)
        form_box.addWidget(self.invite_button)
        self.status = self.add_status(form_box, "preRegStatus", self.tr("Result of the last action"))
        form_box.addStretch(1)
        layout.addLayout(form_box, 2)

        list_box = QVBoxLayout()
        upcoming = QLabel(self.tr("Invitations for the next two weeks"))
        upcoming.setStyleSheet("font-size: 20px; font-weight: bold;")
        list_box.addWidget(upcoming)
        self.model = ExpectedTableModel(app.site.timezone, with_date=True)
        self.table = table_view("preRegTable", self.tr("Upcoming invitations"), self.model)
        list_box.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.print_button = action_button(
            self.tr("Print invitation"), "preRegPrintButton", self.tr("Print the selected invitation")
        )
        self.email_button = action_button(
            self.tr("E-mail invitation"), "preRegEmailButton", self.tr("E-mail the selected invitation")
        )
        self.cancel_button = action_button(
            self.tr("Cancel invitation"), "preRegCancelButton", self.tr("Cancel the selected invitation")
        )
        for button in (self.print_button, self.email_button, self.cancel_button):
            buttons.addWidget(button)
        list_box.addLayout(buttons)
        self.print_button.clicked.connect(self._print)
        self.email_button.clicked.connect(self._email)
        self.cancel_button.clicked.connect(self._cancel)
        layout.addLayout(list_box, 3)
        self._reset_window()

    # -- session -----------------------------------------------------------------------------

    def set_session(self, who: SignedIn | None) -> None:
        super().set_session(who)
        if self._signed() is not None:
            self._reset_window()
            self._search_hosts(self.host_edit.text())
            self.refresh()

    def _signed(self) -> SignedIn | None:
        who = self.session
        return who if who is not None and allowed(who.role, Permission.PRE_REGISTER) else None

    def _reset_window(self) -> None:
        start, end = default_window(self._app.clock.now().astimezone(self._app.site.timezone))
        self.date_edit.setDate(QDate(start.year, start.month, start.day))
        self.from_edit.setTime(QTime(start.hour, start.minute))
        self.until_edit.setTime(QTime(end.hour, end.minute))
        self._default = self._window()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Still the default the page set (hours ago, perhaps): follow the clock, so the evening
        # shift gets tomorrow's window. A window the clerk chose stays as they chose it.
        if self._window() == self._default:
            self._reset_window()
        if self._signed() is not None:
            self.refresh()  # other desks invite, the kiosk redeems: the list is current when seen

    def poll(self) -> None:
        if self._signed() is not None:
            self.refresh()

    # -- form --------------------------------------------------------------------------------

    def _search_hosts(self, text: str) -> None:
        self.host_list.clear()
        for host in self._app.directory.search(text, limit=20):
            item = QListWidgetItem(f"{host.name} · {host.department}")
            item.setData(256, host.host_id)  # Qt.UserRole
            self.host_list.addItem(item)
        if self.host_list.count() and text.strip():
            # The best match for what was typed; a tap on another changes it. Nothing typed:
            # nobody is chosen, so an invitation never goes to a host by accident.
            self.host_list.setCurrentRow(0)

    def _window(self) -> tuple[datetime, datetime]:
        day = self.date_edit.date()
        on = date(day.year(), day.month(), day.day())
        zone = self._app.site.timezone

        def at(edit: QTimeEdit) -> datetime:
            moment = edit.time()
            return datetime.combine(on, time(moment.hour(), moment.minute()), zone)

        return at(self.from_edit), at(self.until_edit)

    def _invite(self) -> None:
        who = self._signed()
        if who is None:
            self.status.show_error(self.tr("Your role cannot pre-register visitors."))
            return
        item = self.host_list.currentItem()
        if item is None:
            self.status.show_error(self.tr("Choose the host from the list first."))
            return
        host_id = int(item.data(256))
        start, end = self._window()
        people = parse_invitees(self.people_edit.toPlainText())
        unit = self.unit_edit.text().strip()
        try:
            if len(people) == 1 and self.headcount_spin.value() <= 1:
                person = people[0]
                created = [
                    self._app.invitations.invite(
                        person.name, host_id, start, end, who.actor,
                        company=unit, mobile=person.mobile, email=person.email,
                        purpose=self.requirements_edit.text(),
                    )
                ]  # fmt: skip
            else:
                _group, created = self._app.invitations.invite_group(
                    host_id,
                    unit,
                    self.headcount_spin.value() or len(people),
                    start,
                    end,
                    people,
                    who.actor,
                    requirements=self.requirements_edit.text(),
                    notes=self.notes_edit.text(),
                )
        except ValidationError as error:
            line = error.params.get("line")
            prefix = self.tr("Line %1: ").replace("%1", str(line)) if line else ""
            self.status.show_error(prefix + validation_message(error))
            return
        codes = ", ".join(c.code for c in created)
        self.status.setText(
            self.tr("Invited %1; codes: %2").replace("%1", str(len(created))).replace("%2", codes)
        )
        self.people_edit.clear()
        self.refresh()

    # -- the list ----------------------------------------------------------------------------

    def refresh(self) -> None:
        now = self._app.clock.now()
        local = now.astimezone(self._app.site.timezone)
        start = local.replace(hour=0, minute=0, second=0, microsecond=0)
        rows = self._app.invitations.expected(start, start + timedelta(days=UPCOMING_DAYS))
        if self.model.shows(rows, now):
            return  # nothing changed: the selection and the scroll position stay
        chosen = self.table.selectionModel().selectedRows()
        was = self.model.arrival(chosen[0].row()).invitation_id if chosen else None
        self.model.set_arrivals(rows, now)
        for row, arrival in enumerate(rows):
            if arrival.invitation_id == was:
                self.table.selectRow(row)

    def _selected(self) -> ExpectedArrival | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.status.show_error(self.tr("Select an invitation in the list first."))
            return None
        return self.model.arrival(rows[0].row())

    def _print(self) -> None:
        who, arrival = self._signed(), self._selected()
        if who is None or arrival is None:
            return
        invitation_id, lang = arrival.invitation_id, current_language()
        run_in_background(
            self,
            lambda: self._app.invitations.print_slip(invitation_id, lang, who.actor),
            self._printed,
            self._failed,
        )

    def _printed(self, outcome: PrintOutcome) -> None:
        self.status.setText(
            self.tr("Invitation printed.")
            if outcome.printed
            else self.tr("The printer did not take it; it is in the print queue and will be retried.")
        )

    def _email(self) -> None:
        who, arrival = self._signed(), self._selected()
        if who is None or arrival is None:
            return
        invitation_id = arrival.invitation_id
        run_in_background(
            self,
            lambda: self._app.invitations.email_slip(invitation_id, who.actor),
            lambda _r: self.status.setText(
                self.tr("Invitation e-mailed to %1.").replace("%1", arrival.email or "")
            ),
            self._failed,
        )

    def _failed(self, error: Any) -> None:
        if isinstance(error, ValidationError):
            self.status.show_error(validation_message(error))
        else:
            self.status.show_error(self.tr("It did not work: %1").replace("%1", str(error)))

    def _cancel(self) -> None:
        who, arrival = self._signed(), self._selected()
        if who is None or arrival is None:
            return
        try:
            self._app.invitations.cancel(arrival.invitation_id, who.actor)
        except ValidationError as error:
            self.status.show_error(validation_message(error))
            return
        self.status.setText(self.tr("Invitation cancelled: the code no longer works."))
        self.refresh()
