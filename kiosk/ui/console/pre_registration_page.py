"""Pre-registration (预约) at the console: single visitors and groups, then print or e-mail.

A group is the VIP reception work order (会务贵宾接待工作单): visiting unit, headcount,
arrival window, requirements and notes, with one line per named invitee (each gets a code).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

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

from kiosk.client.station import Station
from kiosk.domain.errors import ValidationError
from kiosk.domain.invitation import DAY_ENDS, DAY_STARTS, MAX_GROUP, default_window
from kiosk.domain.staff import Permission, SignedIn, allowed
from kiosk.domain.views import ExpectedArrival, HostEntry, Invitee, NewInvitation, PrintOutcome
from kiosk.ui.common.i18n import current_language
from kiosk.ui.common.messages import error_message
from kiosk.ui.common.operations import QueryOp
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
    def __init__(self, station: Station) -> None:
        super().__init__()
        self.setObjectName("preRegistrationPage")
        self._station = station
        self._rows: list[ExpectedArrival] = []
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
        self.model = ExpectedTableModel(station.site.timezone, with_date=True)
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
        start, end = default_window(self._station.clock.now().astimezone(self._station.site.timezone))
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

    def on_server_event(self, topic: str) -> None:
        # Other desks invite and cancel; the kiosk redeems codes (a board change).
        if topic in ("invitations", "board", "connected", "resync") and self._signed() is not None:
            self.refresh()

    def poll(self) -> None:
        # No server call: an invitation whose window closes meanwhile stops reading as expected.
        now = self._station.clock.now()
        if self._signed() is not None and not self.model.shows(self._rows, now):
            self._show_rows(self._rows)

    # -- form --------------------------------------------------------------------------------

    def _search_hosts(self, text: str) -> None:
        if self._signed() is None:
            return
        QueryOp(
            self, lambda: self._station.visits.search_hosts(text), lambda hosts: self._show_hosts(text, hosts),
            key="hosts",
        ).run_in_background()  # fmt: skip

    def _show_hosts(self, text: str, hosts: list[HostEntry]) -> None:
        self.host_list.clear()
        for host in hosts[:20]:
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
        zone = self._station.site.timezone

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
        purpose, notes = self.requirements_edit.text(), self.notes_edit.text()
        headcount = self.headcount_spin.value()
        pre_registration = self._station.pre_registration

        def invite() -> list[NewInvitation]:
            if len(people) == 1 and headcount <= 1:
                person = people[0]
                return [
                    pre_registration.invite(
                        person.name, host_id, start, end, company=unit, mobile=person.mobile,
                        email=person.email, purpose=purpose,
                    )
                ]  # fmt: skip
            return pre_registration.invite_group(
                host_id, unit, headcount or len(people), start, end, people,
                requirements=purpose, notes=notes,
            ).invitations  # fmt: skip

        self.invite_button.setEnabled(False)  # one tap, one set of invitations
        QueryOp(self, invite, self._invited).failure(self._invite_failed).run_in_background()

    def _invited(self, created: list[NewInvitation]) -> None:
        self.invite_button.setEnabled(True)
        codes = ", ".join(c.code for c in created)
        self.status.setText(
            self.tr("Invited %1; codes: %2").replace("%1", str(len(created))).replace("%2", codes)
        )
        self.people_edit.clear()
        self.refresh()

    def _invite_failed(self, error: Exception) -> None:
        self.invite_button.setEnabled(True)
        line = error.params.get("line") if isinstance(error, ValidationError) else None
        prefix = self.tr("Line %1: ").replace("%1", str(line)) if line else ""
        self.status.show_error(prefix + error_message(error))

    # -- the list ----------------------------------------------------------------------------

    def refresh(self) -> None:
        local = self._station.clock.now().astimezone(self._station.site.timezone)
        start = local.replace(hour=0, minute=0, second=0, microsecond=0)
        end = start + timedelta(days=UPCOMING_DAYS)
        QueryOp(
            self, lambda: self._station.pre_registration.expected(start, end), self._show_rows, key="list"
        ).run_in_background()

    def _show_rows(self, rows: list[ExpectedArrival]) -> None:
        self._rows = rows
        now = self._station.clock.now()
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
        arrival = self._selected() if self._signed() is not None else None
        if arrival is None:
            return
        invitation_id, lang = arrival.invitation_id, current_language()
        station = self._station

        def print_here() -> PrintOutcome:
            # Queued at the server for this desk's printer, then printed here at once.
            return station.printing.print_now(station.pre_registration.print_slip(invitation_id, lang))

        QueryOp(self, print_here, self._printed).run_in_background()

    def _printed(self, outcome: PrintOutcome) -> None:
        if outcome.printed:
            self.status.setText(self.tr("Invitation printed."))
        elif outcome.error is None:
            self.status.setText(self.tr("Invitation sent to this desk's printer."))
        else:
            self.status.setText(
                self.tr("The printer did not take it; it is in the print queue and will be retried.")
            )

    def _email(self) -> None:
        arrival = self._selected() if self._signed() is not None else None
        if arrival is None:
            return
        invitation_id, address = arrival.invitation_id, arrival.email or ""
        QueryOp(
            self,
            lambda: self._station.pre_registration.email_slip(invitation_id),
            lambda _r: self.status.setText(self.tr("Invitation e-mailed to %1.").replace("%1", address)),
        ).run_in_background()

    def _cancel(self) -> None:
        arrival = self._selected() if self._signed() is not None else None
        if arrival is None:
            return
        invitation_id = arrival.invitation_id
        QueryOp(
            self, lambda: self._station.pre_registration.cancel(invitation_id), self._cancelled
        ).run_in_background()

    def _cancelled(self, _result: None) -> None:
        self.status.setText(self.tr("Invitation cancelled: the code no longer works."))
        self.refresh()
