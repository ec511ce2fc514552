"""The working-day calendar on the machine-room passes page: a year's official holidays and
make-up working days (调休) as the State Council's notice has them, and the site's own days, which
a supervisor adds (a closure, a make-up day, a year the official calendar does not know yet) and
withdraws with a reason. Which days owe a 09:00 reconciliation follows it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kiosk.client.station import Station
from kiosk.domain.errors import ValidationError
from kiosk.domain.staff import Permission, SignedIn, allowed
from kiosk.domain.work_calendar import CalendarYear, DayKind, OfficialDay, OverrideView
from kiosk.ui.common.audit_words import ActorTableModel
from kiosk.ui.common.i18n import current_language
from kiosk.ui.common.messages import error_message, page_message
from kiosk.ui.common.operations import QueryOp
from kiosk.ui.common.table_model import keeping_selection
from kiosk.ui.common.widgets import StatusLabel, action_button, date_edit, named, table_view

T = TypeVar("T")
OFF = QColor("#ffe0b2")  # a day off
ON = QColor("#c8e6c9")  # a weekend day worked
CANCELLED = QColor("#eeeeee")


@dataclass(frozen=True)
class CalendarRow:
    """One line of the year: an official exception or one of the site's overrides."""

    day: date
    working: bool
    official: OfficialDay | None = None
    override: OverrideView | None = None


class CalendarTableModel(ActorTableModel[CalendarRow]):
    def __init__(self) -> None:
        super().__init__(
            (
                self.tr("Date"),
                self.tr("Weekday"),
                self.tr("Day"),
                self.tr("Why"),
                self.tr("Set by"),
            )
        )

    def entry(self, row: int) -> CalendarRow:
        return self.row_value(row)

    def background(self, value: CalendarRow, column: int) -> QBrush | None:
        if value.override is not None and value.override.cancelled_at is not None:
            return QBrush(CANCELLED)
        return QBrush(ON if value.working else OFF)

    def display(self, r: CalendarRow, column: int) -> str:
        weekdays = (
            self.tr("Mon"),
            self.tr("Tue"),
            self.tr("Wed"),
            self.tr("Thu"),
            self.tr("Fri"),
            self.tr("Sat"),
            self.tr("Sun"),
        )
        kind = self.tr("Working day (make-up)") if r.working else self.tr("Day off")
        if r.official is not None:
            why = r.official.name_zh if current_language() == "zh_CN" else r.official.name_en
            who = self.tr("State Council notice")
        else:
            assert r.override is not None
            why, who = r.override.note, self.actor(r.override.added_by)
            if r.override.cancelled_at is not None:
                kind = self.tr("Withdrawn: %1").replace("%1", r.override.cancel_reason)
        return (r.day.isoformat(), weekdays[r.day.weekday()], kind, why, who)[column]


class WorkCalendarTab(QWidget):
    """``status``: the page's status line, shared with its other tabs."""

    def __init__(self, station: Station, status: StatusLabel, on_changed: Callable[[], None]) -> None:
        super().__init__()
        self.setObjectName("workCalendarTab")
        self._station = station
        self._status = status
        self._on_changed = on_changed
        self._who: SignedIn | None = None
        self._sending = False
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.year = named(QSpinBox(), "calendarYearSpin", self.tr("Year"))
        self.year.setRange(2004, 2100)
        self.year.setValue(station.clock.now().astimezone(station.site.timezone).year)
        self.year.setKeyboardTracking(False)  # typing 2027 asks for 2027 only
        self.year.valueChanged.connect(lambda _year: self.refresh())
        top.addWidget(QLabel(self.tr("Year:")))
        top.addWidget(self.year)
        self.known_label = named(
            QLabel(), "calendarKnownLabel", self.tr("Whether the official calendar is known")
        )
        self.known_label.setWordWrap(True)
        top.addWidget(self.known_label, 1)
        layout.addLayout(top)
        self.model = CalendarTableModel()
        self.table = table_view("calendarTable", self.tr("Holidays and make-up working days"), self.model)
        layout.addWidget(self.table, 1)

        add = QHBoxLayout()
        today = station.clock.now().astimezone(station.site.timezone).date()
        self.day = date_edit("calendarDayEdit", self.tr("Day to set"), today)
        self.kind = named(QComboBox(), "calendarKindCombo", self.tr("Day off or working day"))
        self.kind.addItem(self.tr("Day off (closed)"), DayKind.HOLIDAY)
        self.kind.addItem(self.tr("Working day (make-up)"), DayKind.WORKDAY)
        self.note = named(QLineEdit(), "calendarNoteEdit", self.tr("What the day is for"))
        self.note.setPlaceholderText(self.tr("e.g. typhoon closure, 2027 National Day make-up day"))
        self.add_button = action_button(
            self.tr("Set the day (supervisor)"), "calendarAddButton", self.tr("Set this day for the site")
        )
        self.add_button.clicked.connect(self._add)
        for widget in (self.day, self.kind):
            add.addWidget(widget)
        add.addWidget(self.note, 1)
        add.addWidget(self.add_button)
        layout.addLayout(add)
        cancel = QHBoxLayout()
        self.cancel_reason = named(QLineEdit(), "calendarCancelReasonEdit", self.tr("Why it is withdrawn"))
        self.cancel_reason.setPlaceholderText(self.tr("Reason for withdrawing the selected site day"))
        self.cancel_button = action_button(
            self.tr("Withdraw (supervisor)"),
            "calendarCancelButton",
            self.tr("Withdraw the selected site day"),
        )
        self.cancel_button.clicked.connect(self._cancel)
        cancel.addWidget(self.cancel_reason, 1)
        cancel.addWidget(self.cancel_button)
        layout.addLayout(cancel)
        self.set_session(None)

    def set_session(self, who: SignedIn | None) -> None:
        self._who = who
        self._sending = False
        self._enable()
        if who is None:
            self.model.set_named_rows([], [])

    def _manager(self) -> bool:
        return self._who is not None and allowed(self._who.role, Permission.MANAGE_WORK_CALENDAR)

    def _enable(self) -> None:
        for button in (self.add_button, self.cancel_button):
            button.setEnabled(self._manager() and not self._sending)

    def refresh(self) -> None:
        if self._who is None:
            return
        year, passes = self.year.value(), self._station.machine_room_passes
        QueryOp(self, lambda: passes.calendar(year), self._show, key="calendar").run_in_background()

    def _show(self, year: CalendarYear) -> None:
        if self._who is None or year.year != self.year.value():
            return
        if year.known:
            self.known_label.setText(
                self.tr("Official calendar of %1: State Council notice.").replace("%1", str(year.year))
            )
            self.known_label.setStyleSheet("")
        else:
            self.known_label.setText(
                self.tr(
                    "The official calendar of %1 is not known yet: Monday to Friday count as working "
                    "days. A supervisor enters the notice's days off and make-up working days here."
                ).replace("%1", str(year.year))
            )
            self.known_label.setStyleSheet("color: #c62828; font-weight: bold;")
        rows = [CalendarRow(d.day, d.working, official=d) for d in year.official]
        rows += [CalendarRow(o.day, o.kind is DayKind.WORKDAY, override=o) for o in year.overrides]
        rows.sort(key=lambda r: (r.day, r.official is None))
        keeping_selection(
            self.table,
            self.model,
            lambda r: (r.day, r.override.override_id if r.override else 0),
            lambda: self.model.set_named_rows(rows, []),
        )

    def _send(self, op: Callable[[], T], done: Callable[[T], None]) -> None:
        self._sending = True
        self._enable()

        def finished() -> None:
            self._sending = False
            self._enable()
            self.refresh()
            self._on_changed()

        def succeeded(result: T) -> None:
            finished()
            done(result)

        def failed(error: Exception) -> None:
            finished()
            self._status.show_error(
                self._message(error) if isinstance(error, ValidationError) else error_message(error)
            )

        QueryOp(self, op, succeeded).failure(failed).run_in_background()

    def _add(self) -> None:
        if not self._manager():
            return
        picked = self.day.date()
        day = date(picked.year(), picked.month(), picked.day())
        kind = DayKind.WORKDAY if self.kind.currentIndex() == 1 else DayKind.HOLIDAY
        note = self.note.text()
        passes = self._station.machine_room_passes

        def added(view: OverrideView) -> None:
            self.note.clear()
            self._status.setText(self.tr("%1 set for the site.").replace("%1", view.day.isoformat()))

        self._send(lambda: passes.add_override(day, kind, note), added)

    def _cancel(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        chosen = self.model.entry(rows[0].row()) if rows else None
        if chosen is None or chosen.override is None or chosen.override.cancelled_at is not None:
            self._status.show_error(self.tr("Select one of the site's days in the table first."))
            return
        override_id, reason = chosen.override.override_id, self.cancel_reason.text()
        passes = self._station.machine_room_passes

        def withdrawn(_result: None) -> None:
            self.cancel_reason.clear()
            self._status.setText(self.tr("Withdrawn: the official calendar decides the day again."))

        self._send(lambda: passes.cancel_override(override_id, reason), withdrawn)

    def _message(self, error: ValidationError) -> str:
        messages = {
            ("calendar", "not_allowed"): self.tr("Only a supervisor sets the site's days."),
            ("note", "required"): self.tr("Write what the day is for first."),
            ("note", "too_long"): self.tr("At most %1 characters."),
            ("reason", "required"): self.tr("Write why the day is withdrawn first."),
            ("reason", "too_long"): self.tr("At most %1 characters."),
            ("day", "has_override"): self.tr("%1 is already set for the site: withdraw that first."),
            ("day", "settled"): self.tr(
                "The reconciliation of %1 is signed: days up to it can no longer change."
            ),
            ("day", "out_of_range"): self.tr("Only days of the years %1 to %2 can be set."),
            ("override", "already_cancelled"): self.tr("Already withdrawn."),
            ("override", "unknown"): self.tr("This site day no longer exists; the list is read again."),
        }
        return page_message(messages, error)
