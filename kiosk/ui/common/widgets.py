"""Small helpers every page uses."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time
from typing import TypeVar
from zoneinfo import ZoneInfo

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QDate, QEvent, QObject, Qt, QTime
from PySide6.QtGui import QInputMethodEvent, QKeyEvent, QMouseEvent, QTouchEvent, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTimeEdit,
    QWidget,
)

from kiosk.devices.interfaces import PrinterStatus
from kiosk.domain.identity import ID_TYPES
from kiosk.domain.printing import is_unprintable
from kiosk.domain.staff import Role, SignedIn
from kiosk.printing.send import NOT_READY, Printer
from kiosk.ui.common.i18n import in_every_language
from kiosk.ui.common.messages import QT_TRANSLATE_NOOP

W = TypeVar("W", bound=QWidget)


def local_stamp(moment: datetime | None, zone: ZoneInfo) -> str:
    """``11-25 10:00``: a moment on the site's clock as the desk's lists show it ("" for none)."""
    return moment.astimezone(zone).strftime("%m-%d %H:%M") if moment is not None else ""


def named(widget: W, object_name: str, accessible_name: str) -> W:
    """Give ``widget`` the stable objectName tests find it by and the name screen readers say."""
    widget.setObjectName(object_name)
    widget.setAccessibleName(accessible_name)
    return widget


# Dates and times as the console's tables, the printouts and the log show them (2026-12-02 18:00),
# whatever the system locale would make of a date edit ("2 12 2026").
DATE_FORMAT = "yyyy-MM-dd"
TIME_FORMAT = "HH:mm"
# What went wrong, in the same red on every page (the kiosk's own style sheet has its own).
ERROR_STYLE = "color: #b71c1c;"


def date_edit(object_name: str, accessible_name: str, day: date | None = None) -> QDateEdit:
    """A date field with a calendar, reading yyyy-MM-dd."""
    edit = named(QDateEdit(), object_name, accessible_name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATE_FORMAT)
    # Never squeezed to "2026" in a narrow form row: the whole date, and room for the arrow.
    edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance("2026-12-31") + 40)
    if day is not None:
        edit.setDate(QDate(day.year, day.month, day.day))
    return edit


def time_edit(object_name: str, accessible_name: str, at: time) -> QTimeEdit:
    """A 24-hour time field (HH:mm)."""
    edit = named(QTimeEdit(QTime(at.hour, at.minute)), object_name, accessible_name)
    edit.setDisplayFormat(TIME_FORMAT)
    return edit


def date_time_edit(object_name: str, accessible_name: str) -> QDateTimeEdit:
    """A date and time field with a calendar, reading yyyy-MM-dd HH:mm."""
    edit = named(QDateTimeEdit(), object_name, accessible_name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(f"{DATE_FORMAT} {TIME_FORMAT}")
    return edit


class StatusLabel(QLabel):
    """The line under a console form that says how the last action went: errors in red.

    ``show_error`` paints the text red; any other ``setText`` is plain again, so a page only
    marks its error paths. ``base_style`` is the label's own look (a font size), kept either way.
    """

    def __init__(self, object_name: str, accessible_name: str, base_style: str = "") -> None:
        super().__init__()
        named(self, object_name, accessible_name)
        self.setWordWrap(True)
        self._base_style = base_style
        self._mark(False)

    def setText(self, text: str) -> None:
        self._mark(False)
        super().setText(text)

    def clear(self) -> None:
        self._mark(False)
        super().clear()

    def show_error(self, text: str) -> None:
        super().setText(text)
        self._mark(True)

    def _mark(self, error: bool) -> None:
        self.setProperty("error", error)
        self.setStyleSheet(self._base_style + (ERROR_STYLE if error else ""))


class SectionPage(QWidget):
    """A page of the desk console, told who is signed in (``None``: nobody, the console locked).

    Pages check the role again before acting: the navigation hiding a page is not enough.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: SignedIn | None = None
        self._transient: list[QLabel | QLineEdit | QPlainTextEdit] = []

    def set_session(self, who: SignedIn | None) -> None:
        changed, self.session = who != self.session, who
        if changed:
            # Signed out, locked or another person: what the last one left is not theirs.
            self.clear_transient()

    def transient(self, *widgets: QLabel | QLineEdit | QPlainTextEdit) -> None:
        """Widgets holding what one person left for themselves (a result message, a search text):
        emptied whenever the console changes hands. Every page registers its own."""
        self._transient.extend(widgets)

    def add_status(
        self, layout: QBoxLayout, object_name: str, accessible_name: str, base_style: str = ""
    ) -> StatusLabel:
        """A result line added to ``layout`` and registered as transient."""
        label = StatusLabel(object_name, accessible_name, base_style)
        layout.addWidget(label)
        self.transient(label)
        return label

    def clear_transient(self) -> None:
        """Empty the transient widgets; a page with more to forget (results, selections) extends this."""
        for widget in self._transient:
            widget.clear()

    def wants(self, code: str) -> bool:
        """Whether a code scanned anywhere at the desk is this page's own (a work order's QR, a
        parcel label...); such a page is listed in DeskWindow.SCANNING. Default: none is."""
        return False

    def scanned(self, code: str) -> None:
        """A code this page wants, scanned at the desk: bring its record up (the desk window took
        the code back out of the field it was typed into and shows this page)."""

    def poll(self) -> None:
        """Called every few seconds while the page is on screen: figures other desks or the kiosk
        change are brought up to date without disturbing what the user is typing. Default: nothing."""

    def on_server_event(self, topic: str) -> None:
        """The site server says ``topic`` changed (board, print_queue, slips...), or ``connected``
        / ``resync`` (the console was away: re-fetch everything). Delivered to every page while
        someone is signed in, on the GUI thread. Default: nothing."""


def table_view(object_name: str, accessible_name: str, model: QAbstractTableModel) -> QTableView:
    """A read-only, whole-row-selecting table, as every list on the console is."""
    table = named(QTableView(), object_name, accessible_name)
    if model.parent() is None:
        # Owned by the table, the model is deleted with it by Qt, in the GUI thread. Owned by
        # Python and held by a page in a reference cycle, it would be deleted by the garbage
        # collector, on whichever thread happened to allocate (a worker's): a crash.
        model.setParent(table)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    # Each column as wide as its content (equal shares cut long names while short columns stood
    # half empty); the last one takes the room that is left.
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    table.verticalHeader().setVisible(False)
    return table


# A form's fields stop growing here: on a wide console, a name field 1,000 px wide is read as
# one long line and the eye loses the label.
FORM_FIELD_MAX_WIDTH = 560
FORM_MAX_WIDTH = 820


def cap_forms(root: QWidget) -> None:
    """Keep every form under ``root`` compact and at the top left, whatever the window's width."""
    for form in root.findChildren(QFormLayout):
        form.setFormAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        for row in range(form.rowCount()):
            for role in (QFormLayout.ItemRole.FieldRole, QFormLayout.ItemRole.SpanningRole):
                item = form.itemAt(row, role)
                widget = item.widget() if item is not None else None
                if widget is not None:
                    limit = FORM_FIELD_MAX_WIDTH if role is QFormLayout.ItemRole.FieldRole else FORM_MAX_WIDTH
                    widget.setMaximumWidth(min(widget.maximumWidth(), limit))
        owner = form.parentWidget()
        if isinstance(owner, QGroupBox) and owner.layout() is form:
            owner.setMaximumWidth(min(owner.maximumWidth(), FORM_MAX_WIDTH))


def action_button(text: str, object_name: str, accessible_name: str) -> QPushButton:
    button = named(QPushButton(text), object_name, accessible_name)
    button.setMinimumHeight(44)
    return button


def button_row(layout: QBoxLayout, *buttons: QWidget) -> QHBoxLayout:
    """The buttons side by side from the left, the row added to ``layout``."""
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    layout.addLayout(row)
    return row


def save_file_dialog(parent: QWidget, title: str, suggested: str, file_filter: str) -> QFileDialog:
    """A "save as" dialog in the console's language: Qt's own dialog, not the desktop's, which
    would speak the desktop's language whatever the console is switched to."""
    dialog = named(QFileDialog(parent, title, suggested, file_filter), "saveFileDialog", title)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    return dialog


def ask_save_path(parent: QWidget, title: str, suggested: str, file_filter: str) -> str:
    """Where to save an export (``suggested``: a file name), asked with :func:`save_file_dialog`;
    "" if cancelled. Every export of the desk asks here, so they all start in the same folder."""
    dialog = save_file_dialog(parent, title, suggested, file_filter)
    chosen = dialog.selectedFiles() if dialog.exec() else []
    dialog.deleteLater()
    return chosen[0] if chosen else ""


def role_name(role: Role) -> str:
    """A staff role as the console names it."""
    return {
        Role.RECEPTIONIST: QCoreApplication.translate("widgets", "Receptionist"),
        Role.SUPERVISOR: QCoreApplication.translate("widgets", "Supervisor"),
        Role.GUARD: QCoreApplication.translate("widgets", "Guard"),
        Role.SALES: QCoreApplication.translate("widgets", "Sales"),
        Role.ADMIN: QCoreApplication.translate("widgets", "Administrator"),
    }[role]


def printer_state_name(state: PrinterStatus) -> str:
    """What a printer says of itself, in the desk's words."""
    return {
        PrinterStatus.ONLINE: QCoreApplication.translate("widgets", "ready"),
        PrinterStatus.OFFLINE: QCoreApplication.translate("widgets", "offline"),
        PrinterStatus.PAPER_OUT: QCoreApplication.translate("widgets", "out of paper"),
        PrinterStatus.PAPER_NEAR_END: QCoreApplication.translate("widgets", "paper nearly out"),
        PrinterStatus.COVER_OPEN: QCoreApplication.translate("widgets", "cover open"),
        PrinterStatus.UNKNOWN: QCoreApplication.translate("widgets", "state unknown"),
    }[state]


def printer_name(printers: Sequence[Printer], name: str | None) -> str:
    """A printer as the desk calls it, never its device URL (``escpos+tcp://10.0.0.5:9100``).
    ``printers``: this station's own (``Station.printers``)."""
    if not name:
        return ""
    names = [printer.device.name for printer in printers]
    if name == names[0]:
        return QCoreApplication.translate("widgets", "receipt printer")
    if name in names[1:]:
        return QCoreApplication.translate("widgets", "fallback printer")
    # A job printed by another station: its printer is not this desk's to name.
    return QCoreApplication.translate("widgets", "another station's printer")


def print_problem(queue: Sequence[Printer], error: str | None) -> str:
    """A print job's stored error ("<printer>: <reason>; ...") with each printer named and each
    known reason in the desk's words; a driver's own message stays as it is."""
    if not error:
        return ""
    if is_unprintable(error):
        return QCoreApplication.translate(
            "widgets", "the stored document cannot be laid out (%1); it is not tried again"
        ).replace("%1", error.partition(": ")[2])
    reasons = {words: printer_state_name(state) for state, words in NOT_READY.items()}
    parts = []
    for part in error.split("; "):
        name, colon, reason = part.partition(": ")
        if not colon:
            parts.append(part)
            continue
        parts.append(
            QCoreApplication.translate("widgets", "%1: %2")
            .replace("%1", printer_name(queue, name))
            .replace("%2", reasons.get(reason, reason))
        )
    return QCoreApplication.translate("widgets", "; ").join(parts)


# The purposes the kiosk offers as buttons (PurposePage); a tap stores the word in the kiosk's
# language of the moment, so the console translates it back when it shows or exports a visit.
_PURPOSE_PRESETS = (
    QT_TRANSLATE_NOOP("PurposePage", "Meeting"),
    QT_TRANSLATE_NOOP("PurposePage", "Business talk"),
    QT_TRANSLATE_NOOP("PurposePage", "Maintenance"),
    QT_TRANSLATE_NOOP("PurposePage", "Other"),
)


def purpose_presets() -> tuple[str, ...]:
    """The kiosk's purpose buttons, in the current language."""
    return tuple(
        QCoreApplication.translate("PurposePage", text)  # marked with QT_TRANSLATE_NOOP
        for text in _PURPOSE_PRESETS
    )


def purpose_words() -> dict[str, str]:
    """Each purpose button's word, in any language, -> the word in the current language; a
    purpose the visitor typed is not in it and stays as typed."""
    return {
        stored: shown
        for source, shown in zip(_PURPOSE_PRESETS, purpose_presets(), strict=True)
        for stored in in_every_language("PurposePage", source)
    }


def id_type_names() -> dict[str, str]:
    """The ID document types (kiosk.domain.identity.ID_TYPES) by their names, in the current language."""
    return {
        "resident_id": QCoreApplication.translate("widgets", "Resident ID"),
        "passport": QCoreApplication.translate("widgets", "Passport"),
        "hk_macao_permit": QCoreApplication.translate("widgets", "HK/Macao"),
        "taiwan_permit": QCoreApplication.translate("widgets", "Taiwan"),
        "other": QCoreApplication.translate("widgets", "Other"),
    }


def id_type_combo(object_name: str, accessible_name: str) -> QComboBox:
    """The ID document types the desk accepts, by their names."""
    names = id_type_names()
    combo = named(QComboBox(), object_name, accessible_name)
    for id_type in ID_TYPES:
        combo.addItem(names[id_type], id_type)
    return combo


# What a person does, as the windows' application-wide filters see it. The kinds of event object
# are looked at first: asking an event its type() from Python takes longer than the whole call.
INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.TouchBegin,
        QEvent.Type.Wheel,
        QEvent.Type.InputMethod,
    }
)
_INPUT_EVENT_CLASSES = (QKeyEvent, QMouseEvent, QTouchEvent, QWheelEvent, QInputMethodEvent)


class _AppInput(QObject):
    """On the application while its window shows: hands a person's input to the window's filters.

    One Python call per event of the application for the window, not one per filter: every event
    (timers, paints, queued calls) crossed into Python twice for a console, some 6% of its time.
    """

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.filters: list[QObject] = []
        _ShowWatch(window, self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, _INPUT_EVENT_CLASSES) and event.type() in INPUT_EVENTS:
            return any(app_filter.eventFilter(watched, event) for app_filter in self.filters)
        return False


class _ShowWatch(QObject):
    """On the window: puts its filter of the application's input on when it shows, off when it hides."""

    def __init__(self, window: QWidget, app_input: _AppInput) -> None:
        super().__init__(window)
        self._app_input = app_input
        window.installEventFilter(self)
        if window.isVisible():
            self._install(True)

    def _install(self, on: bool) -> None:
        instance = QCoreApplication.instance()
        if instance is not None:
            if on:
                instance.installEventFilter(self._app_input)
            else:
                instance.removeEventFilter(self._app_input)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show:
            self._install(True)
        elif event.type() == QEvent.Type.Hide:
            self._install(False)
        return False


def filter_app_while_shown(window: QWidget, app_filter: QObject) -> None:
    """Let ``app_filter`` see a person's input anywhere in the application (the events in
    ``INPUT_EVENTS``, whichever widget or window they go to) while ``window`` is shown.

    ``app_filter`` must be owned by ``window`` (a Qt child of it), so that Qt deletes it with the
    window from the event loop, never Python's garbage collector at some allocation inside its
    own eventFilter call. Taken off when the window hides or closes, a closed window's filter
    neither reacts to another window's input nor is on the application's list when it goes.
    """
    owner = app_filter.parent()
    while owner is not None and owner is not window:
        owner = owner.parent()
    assert owner is window, "an app-wide filter must be owned by its window"
    app_input = window.findChild(_AppInput, options=Qt.FindChildOption.FindDirectChildrenOnly)
    if app_input is None:
        app_input = _AppInput(window)
    app_input.filters.append(app_filter)


def label_value(label: str, value: str) -> str:
    """``label: value`` with the colon of the current language (姓名：张三 in Chinese)."""
    return QCoreApplication.translate("widgets", "%1: %2").replace("%1", label).replace("%2", value)
