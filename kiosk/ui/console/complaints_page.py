"""Complaints and suggestions (投诉 / 建议) at the desk: the register (open, overdue in red,
closed; by subject), a complaint's timeline of follow-up steps, the callback (回访), closing with
a result (supervisors), and the form that records a new one.

The server decides every right again; this page only hides what the role cannot do.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.client.station import Station
from kiosk.domain.complaints import (
    ComplaintDetail,
    ComplaintKind,
    ComplaintSource,
    ComplaintStatus,
    ComplaintStepView,
    ComplaintSubject,
    ComplaintView,
    ListState,
    NewComplaint,
    Satisfaction,
    StepKind,
)
from kiosk.domain.errors import ValidationError
from kiosk.domain.staff import Permission, SignedIn, allowed
from kiosk.ui.common.messages import error_message, page_message
from kiosk.ui.common.operations import QueryOp
from kiosk.ui.common.table_model import RowTableModel, keeping_selection
from kiosk.ui.common.widgets import SectionPage, action_button, button_row, date_edit, named, table_view

OVERDUE = QColor("#ffcdd2")  # red, as the board's overdue and mismatched lines
SERIOUS = QColor("#ffe0b2")  # amber: the manager has been told
# The desk's default time to deal with one: the form's due date starts this many days ahead.
DEFAULT_DUE_DAYS = 3


def kind_name(kind: ComplaintKind) -> str:
    return {
        ComplaintKind.COMPLAINT: QCoreApplication.translate("complaints", "Complaint"),
        ComplaintKind.SUGGESTION: QCoreApplication.translate("complaints", "Suggestion"),
    }[kind]


def source_name(source: ComplaintSource) -> str:
    return {
        ComplaintSource.VISIT: QCoreApplication.translate("complaints", "In person"),
        ComplaintSource.PHONE: QCoreApplication.translate("complaints", "Phone"),
        ComplaintSource.LETTER: QCoreApplication.translate("complaints", "Letter"),
        ComplaintSource.EMAIL: QCoreApplication.translate("complaints", "E-mail"),
    }[source]


def subject_name(subject: ComplaintSubject) -> str:
    return {
        ComplaintSubject.CLEANING: QCoreApplication.translate("complaints", "Cleaning"),
        ComplaintSubject.SECURITY: QCoreApplication.translate("complaints", "Security"),
        ComplaintSubject.REPAIRS: QCoreApplication.translate("complaints", "Repairs"),
        ComplaintSubject.PARKING: QCoreApplication.translate("complaints", "Parking"),
        ComplaintSubject.NOISE: QCoreApplication.translate("complaints", "Noise"),
        ComplaintSubject.STAFF_ATTITUDE: QCoreApplication.translate("complaints", "Staff attitude"),
        ComplaintSubject.FEES: QCoreApplication.translate("complaints", "Fees"),
        ComplaintSubject.DECORATION: QCoreApplication.translate("complaints", "Decoration works"),
        ComplaintSubject.OTHER: QCoreApplication.translate("complaints", "Other"),
    }[subject]


def satisfaction_name(satisfaction: Satisfaction) -> str:
    return {
        Satisfaction.SATISFIED: QCoreApplication.translate("complaints", "Satisfied"),
        Satisfaction.FAIRLY: QCoreApplication.translate("complaints", "Fairly satisfied"),
        Satisfaction.DISSATISFIED: QCoreApplication.translate("complaints", "Not satisfied"),
    }[satisfaction]


def step_name(kind: StepKind) -> str:
    return {
        StepKind.RECORDED: QCoreApplication.translate("complaints", "Recorded"),
        StepKind.STEP: QCoreApplication.translate("complaints", "Follow-up"),
        StepKind.ASSIGNED: QCoreApplication.translate("complaints", "Reassigned"),
        StepKind.SERIOUS: QCoreApplication.translate("complaints", "Made serious"),
        StepKind.CALLBACK: QCoreApplication.translate("complaints", "Callback"),
        StepKind.CLOSED: QCoreApplication.translate("complaints", "Closed"),
    }[kind]


def departments() -> tuple[str, ...]:
    """Who complaints usually go to (the responsible field takes any name too)."""
    return (
        QCoreApplication.translate("complaints", "Engineering department"),
        QCoreApplication.translate("complaints", "Security department"),
        QCoreApplication.translate("complaints", "Cleaning team"),
        QCoreApplication.translate("complaints", "Customer service centre"),
        QCoreApplication.translate("complaints", "Finance"),
        QCoreApplication.translate("complaints", "Management office"),
    )


def _combo(object_name: str, accessible_name: str, items: list[tuple[str, object]]) -> QComboBox:
    combo = named(QComboBox(), object_name, accessible_name)
    for text, data in items:
        combo.addItem(text, data)
    return combo


class ComplaintsTableModel(RowTableModel[ComplaintView]):
    def __init__(self, station: Station) -> None:
        super().__init__(
            (
                self.tr("No."),
                self.tr("Kind"),
                self.tr("Subject"),
                self.tr("From"),
                self.tr("Responsible"),
                self.tr("Due"),
                self.tr("State"),
            )
        )
        self._zone = station.site.timezone

    def background(self, value: ComplaintView, column: int) -> QBrush | None:
        if value.overdue:
            return QBrush(OVERDUE)
        return QBrush(SERIOUS) if value.serious and value.status is ComplaintStatus.OPEN else None

    def display(self, c: ComplaintView, column: int) -> str:
        if column == 0:
            return c.number
        if column == 1:
            return kind_name(c.kind)
        if column == 2:
            return subject_name(c.subject)
        if column == 3:
            return " ".join(part for part in (c.unit, c.complainant) if part) or self.tr("anonymous")
        if column == 4:
            return c.responsible
        if column == 5:
            return f"{c.due_on:%Y-%m-%d}"
        return self.state_text(c)

    def state_text(self, c: ComplaintView) -> str:
        if c.status is ComplaintStatus.CLOSED:
            return self.tr("Closed")
        words = [self.tr("Overdue") if c.overdue else self.tr("Open")]
        if c.serious:
            words.insert(0, self.tr("Serious"))
        if c.satisfaction is not None:
            words.append(self.tr("called back"))
        return " · ".join(words)


class StepsTableModel(RowTableModel[ComplaintStepView]):
    def __init__(self, station: Station) -> None:
        super().__init__((self.tr("When"), self.tr("By"), self.tr("Step"), self.tr("What was done")))
        self._zone = station.site.timezone

    def display(self, s: ComplaintStepView, column: int) -> str:
        if column == 0:
            return s.done_at.astimezone(self._zone).strftime("%Y-%m-%d %H:%M")
        if column == 1:
            return s.done_by_name
        if column == 2:
            return step_name(s.kind)
        if s.satisfaction is not None:
            return " · ".join(x for x in (satisfaction_name(s.satisfaction), s.text) if x)
        return s.text


class ComplaintsPage(SectionPage):
    def __init__(self, station: Station) -> None:
        super().__init__()
        self.setObjectName("complaintsPage")
        self._station = station
        self._permitted = False
        self._may_close = False
        self._detail: ComplaintDetail | None = None
        layout = QVBoxLayout(self)
        self.tabs = named(QTabWidget(), "complaintsTabs", self.tr("Complaints and suggestions"))
        self.tabs.addTab(self._register_tab(), self.tr("Register"))
        self.tabs.addTab(self._record_tab(), self.tr("Record new"))
        layout.addWidget(self.tabs)
        self.status = self.add_status(layout, "complaintsStatus", self.tr("Last action result"))

    # -- building ------------------------------------------------------------------------------

    def _register_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        filters = QHBoxLayout()
        self.state_combo = _combo(
            "complaintsStateCombo",
            self.tr("Which complaints"),
            [
                (self.tr("Open"), ListState.OPEN),
                (self.tr("Overdue"), ListState.OVERDUE),
                (self.tr("Closed"), ListState.CLOSED),
                (self.tr("All"), ListState.ALL),
            ],
        )
        self.subject_filter = _combo(
            "complaintsSubjectFilter",
            self.tr("Subject"),
            [(self.tr("All subjects"), None), *((subject_name(s), s) for s in ComplaintSubject)],
        )
        filters.addWidget(QLabel(self.tr("Show")))
        filters.addWidget(self.state_combo)
        filters.addWidget(QLabel(self.tr("Subject")))
        filters.addWidget(self.subject_filter)
        self.overdue_label = named(QLabel(), "complaintsOverdueLabel", self.tr("Overdue complaints"))
        self.overdue_label.setStyleSheet("color: #b71c1c; font-weight: bold;")
        filters.addWidget(self.overdue_label)
        filters.addStretch(1)
        layout.addLayout(filters)

        splitter = QSplitter()
        self.model = ComplaintsTableModel(self._station)
        self.table = table_view("complaintsTable", self.tr("Complaints and suggestions"), self.model)
        splitter.addWidget(self.table)
        splitter.addWidget(self._detail_panel())
        # The register wide enough for its state column; the timeline takes the rest.
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([640, 520])
        layout.addWidget(splitter, 1)
        self.state_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.subject_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._load_selected())
        return tab

    def _detail_panel(self) -> QWidget:
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        self.summary = named(QLabel(), "complaintsSummary", self.tr("The chosen complaint"))
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.steps_model = StepsTableModel(self._station)
        self.steps_table = table_view("complaintsSteps", self.tr("Follow-up steps"), self.steps_model)
        layout.addWidget(self.steps_table, 1)

        self.step_edit = named(QLineEdit(), "complaintsStepEdit", self.tr("What was done"))
        self.step_edit.setPlaceholderText(self.tr("What was done (who was told, what they did)"))
        self.step_button = action_button(
            self.tr("Add step"), "complaintsStepButton", self.tr("Add this follow-up step")
        )
        self.serious_button = action_button(
            self.tr("Make serious"),
            "complaintsSeriousButton",
            self.tr("Make it a serious complaint: the manager is told at once (the text is the reason)"),
        )
        row = QHBoxLayout()
        row.addWidget(self.step_edit, 1)
        row.addWidget(self.step_button)
        row.addWidget(self.serious_button)
        layout.addLayout(row)

        callback = QGroupBox(self.tr("Callback"))
        callback_layout = QHBoxLayout(callback)
        self.satisfaction_combo = _combo(
            "complaintsSatisfactionCombo",
            self.tr("How satisfied they are"),
            [(satisfaction_name(s), s) for s in Satisfaction],
        )
        self.callback_note = named(QLineEdit(), "complaintsCallbackNote", self.tr("What they said"))
        self.callback_note.setPlaceholderText(self.tr("What they said"))
        self.callback_button = action_button(
            self.tr("Record callback"), "complaintsCallbackButton", self.tr("Record the callback")
        )
        callback_layout.addWidget(self.satisfaction_combo)
        callback_layout.addWidget(self.callback_note, 1)
        callback_layout.addWidget(self.callback_button)
        layout.addWidget(callback)

        self.supervisor_box = QGroupBox(self.tr("Supervisor"))
        box = QFormLayout(self.supervisor_box)
        self.assign_edit = named(QComboBox(), "complaintsAssignEdit", self.tr("Responsible"))
        self.assign_edit.setEditable(True)
        self.assign_edit.addItems(departments())
        self.assign_due = date_edit("complaintsAssignDue", self.tr("Due"))
        self.assign_button = action_button(
            self.tr("Reassign"), "complaintsAssignButton", self.tr("Give it to this person by this date")
        )
        assign_row = QHBoxLayout()
        assign_row.addWidget(self.assign_edit, 1)
        assign_row.addWidget(self.assign_due)
        assign_row.addWidget(self.assign_button)
        box.addRow(self.tr("Responsible"), assign_row)
        self.result_edit = named(QLineEdit(), "complaintsResultEdit", self.tr("Result"))
        self.result_edit.setPlaceholderText(self.tr("How it was resolved"))
        self.close_button = action_button(
            self.tr("Close with this result"), "complaintsCloseButton", self.tr("Close with this result")
        )
        close_row = QHBoxLayout()
        close_row.addWidget(self.result_edit, 1)
        close_row.addWidget(self.close_button)
        box.addRow(self.tr("Result"), close_row)
        layout.addWidget(self.supervisor_box)

        self.step_button.clicked.connect(self._add_step)
        self.serious_button.clicked.connect(self._make_serious)
        self.callback_button.clicked.connect(self._call_back)
        self.assign_button.clicked.connect(self._assign)
        self.close_button.clicked.connect(self._close)
        self.transient(self.summary, self.step_edit, self.callback_note, self.result_edit)
        self._show_detail(None)
        return panel

    def _record_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        form = QFormLayout()
        self.kind_combo = _combo(
            "complaintKindCombo",
            self.tr("Complaint or suggestion"),
            [(kind_name(k), k) for k in ComplaintKind],
        )
        self.source_combo = _combo(
            "complaintSourceCombo", self.tr("How it came"), [(source_name(s), s) for s in ComplaintSource]
        )
        self.subject_combo = _combo(
            "complaintSubjectCombo", self.tr("Subject"), [(subject_name(s), s) for s in ComplaintSubject]
        )
        self.name_edit = named(QLineEdit(), "complaintNameEdit", self.tr("Name"))
        self.unit_edit = named(QLineEdit(), "complaintUnitEdit", self.tr("Unit or company"))
        self.contact_edit = named(QLineEdit(), "complaintContactEdit", self.tr("Phone or e-mail"))
        self.contact_edit.setPlaceholderText(self.tr("Empty if they left none (anonymous letter)"))
        self.text_edit = named(QPlainTextEdit(), "complaintTextEdit", self.tr("What they said"))
        self.text_edit.setMaximumHeight(120)
        self.responsible_edit = named(QComboBox(), "complaintResponsibleEdit", self.tr("Responsible"))
        self.responsible_edit.setEditable(True)
        self.responsible_edit.addItems(departments())
        self.due_edit = date_edit("complaintDueEdit", self.tr("Due"))
        self.serious_check = named(
            QCheckBox(self.tr("Serious complaint (the manager is told at once)")),
            "complaintSeriousCheck",
            self.tr("Serious complaint"),
        )
        for label, widget in (
            (self.tr("Kind"), self.kind_combo),
            (self.tr("How it came"), self.source_combo),
            (self.tr("Subject"), self.subject_combo),
            (self.tr("Name"), self.name_edit),
            (self.tr("Unit or company"), self.unit_edit),
            (self.tr("Phone or e-mail"), self.contact_edit),
            (self.tr("What they said"), self.text_edit),
            (self.tr("Responsible"), self.responsible_edit),
            (self.tr("Due"), self.due_edit),
            ("", self.serious_check),
        ):
            form.addRow(label, widget)
        layout.addLayout(form)
        self.record_button = action_button(
            self.tr("Record"), "complaintRecordButton", self.tr("Record this complaint or suggestion")
        )
        button_row(layout, self.record_button)
        layout.addStretch(1)
        self.record_button.clicked.connect(self._record)
        # What a person told the desk is not left for whoever uses the console next.
        self.transient(self.name_edit, self.unit_edit, self.contact_edit, self.text_edit)
        return tab

    # -- the session ---------------------------------------------------------------------------

    def set_session(self, who: SignedIn | None) -> None:
        super().set_session(who)
        self._permitted = who is not None and allowed(who.role, Permission.COMPLAINTS)
        self._may_close = who is not None and allowed(who.role, Permission.CLOSE_COMPLAINTS)
        self.supervisor_box.setVisible(self._may_close)
        self._reset_form()
        if self._permitted:
            self.refresh()
        else:
            # The last member's register is not the next person's.
            self.model.set_rows([])
            self._show_detail(None)

    def on_server_event(self, topic: str) -> None:
        if topic in ("complaints", "connected", "resync") and self._permitted:
            self.refresh()

    def poll(self) -> None:
        # A complaint turns overdue at midnight with nobody touching it.
        if self._permitted:
            self.refresh()

    def _today(self) -> date:
        return self._station.clock.now().astimezone(self._station.site.timezone).date()

    def _reset_form(self) -> None:
        due = self._today() + timedelta(days=DEFAULT_DUE_DAYS)
        self.due_edit.setDate(QDate(due.year, due.month, due.day))
        self.serious_check.setChecked(False)

    # -- the register --------------------------------------------------------------------------

    def refresh(self) -> None:
        state = ListState(self.state_combo.currentData())
        subject = self.subject_filter.currentData()
        complaints = self._station.complaints
        QueryOp(
            self,
            lambda: (complaints.listing(state, subject), complaints.listing(ListState.OVERDUE)),
            self._show_rows,
            key="list",
            reads_only=True,
        ).run_in_background()

    def _show_rows(self, found: tuple[list[ComplaintView], list[ComplaintView]]) -> None:
        rows, overdue = found
        keeping_selection(self.table, self.model, lambda c: c.complaint_id, lambda: self.model.set_rows(rows))
        self.overdue_label.setText(self.tr("%n overdue", "", len(overdue)) if overdue else "")
        if self._detail is not None and not self.table.selectionModel().selectedRows():
            self._show_detail(None)

    def _selected(self) -> ComplaintView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_value(rows[0].row()) if rows else None

    def _load_selected(self) -> None:
        chosen = self._selected()
        if chosen is None:
            return
        complaint_id = chosen.complaint_id
        QueryOp(
            self, lambda: self._station.complaints.detail(complaint_id), self._show_detail, key="detail"
        ).run_in_background()

    def _show_detail(self, detail: ComplaintDetail | None) -> None:
        self._detail = detail
        open_one = detail is not None and detail.complaint.status is ComplaintStatus.OPEN
        for widget in (self.step_button, self.callback_button, self.assign_button, self.close_button):
            widget.setEnabled(open_one)
        self.serious_button.setEnabled(
            open_one
            and detail is not None
            and detail.complaint.kind is ComplaintKind.COMPLAINT
            and not detail.complaint.serious
        )
        if detail is None:
            self.summary.setText(self.tr("Choose a complaint in the list to see its steps."))
            self.steps_model.set_rows([])
            return
        c = detail.complaint
        font = QFont(self.summary.font())
        font.setBold(c.serious)
        self.summary.setFont(font)
        self.summary.setText(self._summary(detail))
        self.steps_model.set_rows(list(detail.steps))
        self.assign_edit.setEditText(c.responsible)
        due = max(c.due_on, self._today())
        self.assign_due.setDate(QDate(due.year, due.month, due.day))

    def _summary(self, detail: ComplaintDetail) -> str:
        c = detail.complaint
        when = c.recorded_at.astimezone(self._station.site.timezone).strftime("%Y-%m-%d %H:%M")
        serious = self.tr("SERIOUS")
        lines = [
            f"{c.number} · {kind_name(c.kind)} · {subject_name(c.subject)} · {source_name(c.source)}"
            + (f" · {serious}" if c.serious else ""),
            self.tr("From: %1").replace(
                "%1", " ".join(x for x in (c.unit, c.complainant, c.contact) if x) or self.tr("anonymous")
            ),
            self.tr("Recorded %1 by %2").replace("%1", when).replace("%2", c.recorded_by_name),
            self.tr("Responsible: %1, due %2")
            .replace("%1", c.responsible)
            .replace("%2", f"{c.due_on:%Y-%m-%d}"),
            c.text,
        ]
        if c.overdue:
            lines.append(self.tr("Overdue: past its due date and not closed."))
        if detail.callback_due:
            lines.append(self.tr("Call them back before it can be closed."))
        if c.status is ComplaintStatus.CLOSED:
            lines.append(self.tr("Closed by %1: %2").replace("%1", c.closed_by_name).replace("%2", c.result))
        return "\n".join(lines)

    # -- acting on the chosen one --------------------------------------------------------------

    def _act(self, change: Callable[[int], ComplaintDetail], done: str, clear: QLineEdit | None) -> None:
        if not self._permitted or self._detail is None:
            self.status.show_error(self.tr("Choose a complaint in the list first."))
            return
        complaint_id = self._detail.complaint.complaint_id

        def shown(detail: ComplaintDetail) -> None:
            self.status.setText(done)
            if clear is not None:
                clear.clear()
            self._show_detail(detail)
            self.refresh()

        QueryOp(self, lambda: change(complaint_id), shown).failure(self._failed).run_in_background()

    def _add_step(self) -> None:
        text, complaints = self.step_edit.text(), self._station.complaints
        self._act(lambda cid: complaints.add_step(cid, text), self.tr("Step added."), self.step_edit)

    def _make_serious(self) -> None:
        reason, complaints = self.step_edit.text(), self._station.complaints
        self._act(
            lambda cid: complaints.make_serious(cid, reason),
            self.tr("Made a serious complaint: the manager has been told."),
            self.step_edit,
        )

    def _call_back(self) -> None:
        satisfaction = Satisfaction(self.satisfaction_combo.currentData())
        note, complaints = self.callback_note.text(), self._station.complaints
        self._act(
            lambda cid: complaints.call_back(cid, satisfaction, note),
            self.tr("Callback recorded."),
            self.callback_note,
        )

    def _assign(self) -> None:
        responsible, complaints = self.assign_edit.currentText(), self._station.complaints
        day = self.assign_due.date()
        due = date(day.year(), day.month(), day.day())
        self._act(
            lambda cid: complaints.assign(cid, responsible, due, ""),
            self.tr("Reassigned."),
            None,
        )

    def _close(self) -> None:
        result, complaints = self.result_edit.text(), self._station.complaints
        self._act(lambda cid: complaints.close(cid, result), self.tr("Closed."), self.result_edit)

    # -- recording -----------------------------------------------------------------------------

    def _record(self) -> None:
        if not self._permitted:
            return
        day = self.due_edit.date()
        new = NewComplaint(
            kind=ComplaintKind(self.kind_combo.currentData()),
            source=ComplaintSource(self.source_combo.currentData()),
            subject=ComplaintSubject(self.subject_combo.currentData()),
            complainant=self.name_edit.text(),
            text=self.text_edit.toPlainText(),
            responsible=self.responsible_edit.currentText(),
            due_on=date(day.year(), day.month(), day.day()),
            unit=self.unit_edit.text(),
            contact=self.contact_edit.text(),
            serious=self.serious_check.isChecked(),
        )
        complaints = self._station.complaints
        self.record_button.setEnabled(False)  # one tap, one record
        QueryOp(self, lambda: complaints.record(new), self._recorded).failure(
            self._record_failed
        ).run_in_background()

    def _recorded(self, detail: ComplaintDetail) -> None:
        self.record_button.setEnabled(True)
        c = detail.complaint
        text = self.tr("Recorded as %1.").replace("%1", c.number)
        if c.serious:
            text += " " + self.tr("The manager has been told.")
        self.status.setText(text)
        for edit in (self.name_edit, self.unit_edit, self.contact_edit, self.text_edit):
            edit.clear()
        self._reset_form()
        self.refresh()

    def _record_failed(self, error: Exception) -> None:
        self.record_button.setEnabled(True)
        self._failed(error)

    def _failed(self, error: Exception) -> None:
        self.status.show_error(
            self._message(error) if isinstance(error, ValidationError) else error_message(error)
        )

    def _message(self, error: ValidationError) -> str:
        messages = {
            ("text", "required"): self.tr("Write what they said."),
            ("text", "too_long"): self.tr("What they said: at most %1 characters."),
            ("responsible", "required"): self.tr("Say who is responsible (a person or a department)."),
            ("responsible", "too_long"): self.tr("Responsible: at most %1 characters."),
            ("responsible", "unchanged"): self.tr("That is already who is responsible, by that date."),
            ("complainant", "too_long"): self.tr("The name has at most %1 characters."),
            ("unit", "too_long"): self.tr("Unit or company: at most %1 characters."),
            ("contact", "format"): self.tr(
                "Type a phone number (e.g. 139 1234 5678, 0755-8888 1234 转 801) or an e-mail address."
            ),
            ("contact", "too_long"): self.tr("Phone or e-mail: at most %1 characters."),
            ("contact", "none_to_call"): self.tr(
                "They left no phone or e-mail: there is nobody to call back."
            ),
            ("due_on", "in_the_past"): self.tr("The due date cannot be before today."),
            ("due_on", "too_far"): self.tr("The due date is more than %1 days away: check the year."),
            ("step", "required"): self.tr("Write what was done."),
            ("step", "too_long"): self.tr("A step has at most %1 characters."),
            ("reason", "required"): self.tr("Write in the step field why it is serious."),
            ("reason", "too_long"): self.tr("The reason has at most %1 characters."),
            ("note", "too_long"): self.tr("The note has at most %1 characters."),
            ("result", "required"): self.tr("Write the result it is closed with."),
            ("result", "too_long"): self.tr("The result has at most %1 characters."),
            ("callback", "required"): self.tr("Call the person back and record the callback before closing."),
            ("serious", "already"): self.tr("It is already a serious complaint."),
            ("serious", "not_a_complaint"): self.tr("Only a complaint can be serious, not a suggestion."),
            ("complaint", "closed"): self.tr("This complaint is closed: nothing more can be added."),
            ("complaint", "unknown"): self.tr("This complaint no longer exists."),
            ("complaint", "not_allowed"): self.tr("Your role may not do this."),
        }
        return page_message(messages, error)
