"""Newspapers and magazines (报刊) at the desk: the day's bundles counted against the units' orders
(expected beside received, and which units each title goes to for the mailboxes), a title not
come reported late, each shortfall raised with the post office and resolved, the orders kept, and
the month's workbook. The site server keeps the register and escalates a shortfall left open to
the shift leader (领班); the board shows today's uncounted titles and the open shortfalls."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.api.newspapers import SubscriptionTake
from kiosk.client.http import RetryKey
from kiosk.client.station import Station
from kiosk.domain.monthly_figures import Month
from kiosk.domain.newspapers import (
    BUNDLE_MAX,
    COPIES_MAX,
    ContactMethod,
    DeliveryDay,
    Frequency,
    ShortfallRow,
    ShortfallStatus,
    ShortfallStepKind,
    ShortfallStepView,
    ShortfallView,
    SubscriptionRow,
    TitleOfDay,
)
from kiosk.domain.staff import Permission, SignedIn, allowed
from kiosk.ui.common.export_file import AskSavePath, Received, ask_with_dialog, export_to_file
from kiosk.ui.common.messages import QT_TRANSLATE_NOOP, page_message
from kiosk.ui.common.operations import QueryOp
from kiosk.ui.common.table_model import RowTableModel
from kiosk.ui.common.widgets import (
    SectionPage,
    action_button,
    date_edit,
    label_value,
    local_stamp,
    named,
    table_view,
)
from kiosk.ui.console.register_search import search_row


def frequency_text(frequency: Frequency) -> str:
    return {
        Frequency.DAILY: QCoreApplication.translate("NewspapersPage", "Daily"),
        Frequency.WEEKLY: QCoreApplication.translate("NewspapersPage", "Weekly"),
        Frequency.MONTHLY: QCoreApplication.translate("NewspapersPage", "Monthly"),
    }[frequency]


def weekday_names() -> tuple[str, ...]:
    return (
        QCoreApplication.translate("NewspapersPage", "Mon"),
        QCoreApplication.translate("NewspapersPage", "Tue"),
        QCoreApplication.translate("NewspapersPage", "Wed"),
        QCoreApplication.translate("NewspapersPage", "Thu"),
        QCoreApplication.translate("NewspapersPage", "Fri"),
        QCoreApplication.translate("NewspapersPage", "Sat"),
        QCoreApplication.translate("NewspapersPage", "Sun"),
    )


def days_text(row: SubscriptionRow) -> str:
    if row.frequency is Frequency.MONTHLY:
        return QCoreApplication.translate("NewspapersPage", "Day %1 of the month").replace(
            "%1", "、".join(str(d) for d in row.month_days)
        )
    if row.weekdays == 0b1111111:
        return QCoreApplication.translate("NewspapersPage", "Every day")
    return " ".join(name for bit, name in enumerate(weekday_names()) if row.weekdays >> bit & 1)


def shortfall_text(missing: int, late: bool, received: bool) -> str:
    """What is wrong with the bundle: not come, copies missing, late, or both."""
    if not received:
        return QCoreApplication.translate("NewspapersPage", "Not delivered")
    parts = (
        [QCoreApplication.translate("NewspapersPage", "%1 missing").replace("%1", str(missing))]
        if missing
        else []
    )
    if late:
        parts.append(QCoreApplication.translate("NewspapersPage", "Late"))
    return QCoreApplication.translate("NewspapersPage", ", ").join(parts)


def workbook_words() -> dict[str, str]:
    """The month's workbook in the desk's language (kiosk.services.newspapers' English words)."""
    english = (
        QT_TRANSLATE_NOOP("NewspapersWorkbook", "Deliveries"),
        QT_TRANSLATE_NOOP("NewspapersWorkbook", "Shortfalls"),
        QT_TRANSLATE_NOOP("NewspapersWorkbook", "Subscriptions"),
        QT_TRANSLATE_NOOP("NewspapersWorkbook", "Day"),
        QT_TRANSLATE_NOOP("NewspapersWorkbook", "Title"),
        QT_TRANSLATE_NOOP("NewspapersWorkbook", "Expected"),
        QT_TRANSLATE_NOOP("NewspapersWorkbook", "Received"),
        QT_TRANSLATE_NOOP("NewspapersWorkbook", "Missing"),
        QT_TRANSLATE_NOOP("NewspapersWorkbook", "Late"),
        QT_TRANSLATE_NOOP("NewspapersWorkbook", "Counted at"),
        QT_TRANSLATE_NOOP("NewspapersWorkbook", "Counted by"),
        QT_TRANSLATE_NOOP("NewspapersWorkbook", "Shortfall"),
        QT_TRANSLATE_NOOP("NewspapersWorkbook", "Note"),
        QT_TRANSLATE_NOOP("NewspapersWorkbook", "Delivered by"),
        QT_TRANSLATE_NOOP("NewspapersWorkbook", "Noticed at"),
        QT_TRANSLATE_NOOP("NewspapersWorkbook", "Noticed by"),
        QT_TRANSLATE_NOOP("NewspapersWorkbook", "Raised with the post office"),
        QT_TRANSLATE_NOOP("NewspapersWorkbook", "Escalated at"),
        QT_TRANSLATE_NOOP("NewspapersWorkbook", "State"),
        QT_TRANSLATE_NOOP("NewspapersWorkbook", "Resolved at"),
        QT_TRANSLATE_NOOP("NewspapersWorkbook", "Resolved by"),
        QT_TRANSLATE_NOOP("NewspapersWorkbook", "Resolution"),
        QT_TRANSLATE_NOOP("NewspapersWorkbook", "Copies made good"),
        QT_TRANSLATE_NOOP("NewspapersWorkbook", "Unit"),
        QT_TRANSLATE_NOOP("NewspapersWorkbook", "Frequency"),
        QT_TRANSLATE_NOOP("NewspapersWorkbook", "Days"),
        QT_TRANSLATE_NOOP("NewspapersWorkbook", "Copies"),
        QT_TRANSLATE_NOOP("NewspapersWorkbook", "From"),
        QT_TRANSLATE_NOOP("NewspapersWorkbook", "To"),
        QT_TRANSLATE_NOOP("NewspapersWorkbook", "Stopped after"),
        QT_TRANSLATE_NOOP("NewspapersWorkbook", "Why stopped"),
        QT_TRANSLATE_NOOP("NewspapersWorkbook", "Yes"),
        QT_TRANSLATE_NOOP("NewspapersWorkbook", "Post office"),
        QT_TRANSLATE_NOOP("NewspapersWorkbook", "open"),
        QT_TRANSLATE_NOOP("NewspapersWorkbook", "resolved"),
        QT_TRANSLATE_NOOP("NewspapersWorkbook", "daily"),
        QT_TRANSLATE_NOOP("NewspapersWorkbook", "weekly"),
        QT_TRANSLATE_NOOP("NewspapersWorkbook", "monthly"),
        QT_TRANSLATE_NOOP("NewspapersWorkbook", "phone"),
        QT_TRANSLATE_NOOP("NewspapersWorkbook", "in_person"),
        QT_TRANSLATE_NOOP("NewspapersWorkbook", "letter"),
        QT_TRANSLATE_NOOP("NewspapersWorkbook", "Mon"),
        QT_TRANSLATE_NOOP("NewspapersWorkbook", "Tue"),
        QT_TRANSLATE_NOOP("NewspapersWorkbook", "Wed"),
        QT_TRANSLATE_NOOP("NewspapersWorkbook", "Thu"),
        QT_TRANSLATE_NOOP("NewspapersWorkbook", "Fri"),
        QT_TRANSLATE_NOOP("NewspapersWorkbook", "Sat"),
        QT_TRANSLATE_NOOP("NewspapersWorkbook", "Sun"),
    )

    def word(text: str) -> str:
        return QCoreApplication.translate("NewspapersWorkbook", text)  # marked with QT_TRANSLATE_NOOP

    return {text: word(text) for text in english}


class DayTableModel(RowTableModel[TitleOfDay]):
    def __init__(self, zone: ZoneInfo) -> None:
        super().__init__(
            (
                self.tr("Title"),
                self.tr("Expected"),
                self.tr("Received"),
                self.tr("Shortfall"),
                self.tr("Counted"),
                self.tr("Units (copies)"),
            )
        )
        self._zone = zone

    def title_at(self, row: int) -> TitleOfDay:
        return self.row_value(row)

    def display(self, t: TitleOfDay, column: int) -> str:
        if column == 0:
            return t.title
        if column == 1:
            return str(t.expected)
        if column == 2:
            return "" if t.received is None else str(t.received)
        if column == 3:
            if t.received is None and not t.shortfall_open:
                return self.tr("Not counted")
            if not t.shortfall_id:
                return self.tr("Complete")
            words = shortfall_text(t.missing, t.arrived_late, t.received is not None)
            return f"{words} · {t.shortfall_number}" if t.shortfall_number else words
        if column == 4:
            return f"{local_stamp(t.counted_at, self._zone)} {t.counted_by_name}".strip()
        return "  ".join(f"{u.unit}×{u.copies}" for u in t.units)


class ShortfallTableModel(RowTableModel[ShortfallRow]):
    def __init__(self) -> None:
        super().__init__(
            (self.tr("Number"), self.tr("Day"), self.tr("Title"), self.tr("What"), self.tr("State"))
        )

    def shortfall(self, row: int) -> ShortfallRow:
        return self.row_value(row)

    def display(self, r: ShortfallRow, column: int) -> str:
        if column == 0:
            return r.number
        if column == 1:
            return r.day.isoformat()
        if column == 2:
            return r.title
        if column == 3:
            return shortfall_text(r.copies_missing, r.late, r.received is not None)
        return status_text(r.status, r.escalated_at is not None, r.contacted)


def status_text(status: ShortfallStatus, escalated: bool, contacted: bool) -> str:
    if status is ShortfallStatus.RESOLVED:
        return QCoreApplication.translate("NewspapersPage", "Resolved")
    if escalated:
        return QCoreApplication.translate("NewspapersPage", "Escalated to the shift leader")
    return (
        QCoreApplication.translate("NewspapersPage", "Raised with the post office")
        if contacted
        else QCoreApplication.translate("NewspapersPage", "Open, not raised yet")
    )


class SubscriptionTableModel(RowTableModel[SubscriptionRow]):
    def __init__(self) -> None:
        super().__init__(
            (
                self.tr("Unit"),
                self.tr("Title"),
                self.tr("Frequency"),
                self.tr("Days"),
                self.tr("Copies"),
                self.tr("From"),
                self.tr("To"),
            )
        )

    def subscription(self, row: int) -> SubscriptionRow:
        return self.row_value(row)

    def display(self, r: SubscriptionRow, column: int) -> str:
        cells = (
            r.unit,
            r.title,
            frequency_text(r.frequency),
            days_text(r),
            str(r.copies),
            r.starts_on.isoformat(),
            r.last_day.isoformat() + (" " + self.tr("(stopped)") if r.stopped_on is not None else ""),
        )
        return cells[column]


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class NewspapersPage(SectionPage):
    def __init__(self, station: Station) -> None:
        super().__init__()
        self.setObjectName("newspapersPage")
        self._station = station
        self._zone = station.site.timezone
        self._order_key = RetryKey()
        self._shown: ShortfallView | None = None
        self._messages = self._page_messages()
        self.ask_save_path: AskSavePath = ask_with_dialog(self)
        layout = QVBoxLayout(self)

        top = QHBoxLayout()
        self.day_edit = date_edit("newspapersDayEdit", self.tr("Day"), self._today())
        self.today_button = action_button(self.tr("Today"), "newspapersTodayButton", self.tr("Show today"))
        self.export_button = action_button(
            self.tr("Export the month (Excel)"),
            "newspapersExportButton",
            self.tr("Export the month's deliveries and shortfalls to Excel"),
        )
        top.addWidget(QLabel(self.tr("Day")))
        top.addWidget(self.day_edit)
        top.addWidget(self.today_button)
        top.addStretch(1)
        top.addWidget(self.export_button)
        layout.addLayout(top)

        self.tabs = named(QTabWidget(), "newspapersTabs", self.tr("Newspapers"))
        layout.addWidget(self.tabs, 1)
        self.tabs.addTab(self._day_tab(), self.tr("Deliveries"))
        self.tabs.addTab(self._shortfalls_tab(), self.tr("Shortfalls"))
        self.tabs.addTab(self._orders_tab(), self.tr("Subscriptions"))

        self.status_label = self.add_status(layout, "newspapersStatus", self.tr("Last action result"))
        self.transient(
            self.note_edit,
            self.search_edit,
            self.contact_edit,
            self.said_edit,
            self.resolution_edit,
            self.unit_edit,
            self.title_edit,
            self.month_days_edit,
            self.supplier_edit,
            self.order_search_edit,
            self.stop_reason_edit,
        )
        self.day_edit.dateChanged.connect(lambda _d: self.refresh_day())
        self.today_button.clicked.connect(lambda: self.day_edit.setDate(_qdate(self._today())))
        self.export_button.clicked.connect(self.export_month)
        self._show_shortfall(None)
        self._frequency_changed()

    # --- the three tabs -------------------------------------------------------------------------
    def _day_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.day_model = DayTableModel(self._zone)
        self.day_table = table_view("newspapersDayTable", self.tr("The day's titles"), self.day_model)
        self.day_table.clicked.connect(lambda index: self._pick_title(index.row()))
        layout.addWidget(self.day_table, 1)
        self.picked_label = named(QLabel(), "newspapersPickedLabel", self.tr("The title chosen"))
        self.picked_label.setWordWrap(True)
        layout.addWidget(self.picked_label)
        row = QHBoxLayout()
        self.received_spin = named(QSpinBox(), "newspapersReceivedSpin", self.tr("Copies received"))
        self.received_spin.setRange(0, BUNDLE_MAX)
        self.late_check = named(
            QCheckBox(self.tr("Arrived late")), "newspapersLateCheck", self.tr("Arrived late")
        )
        self.note_edit = named(QLineEdit(), "newspapersNoteEdit", self.tr("Note"))
        self.note_edit.setPlaceholderText(self.tr("Note (optional)"))
        self.count_button = action_button(
            self.tr("Record the count"), "newspapersCountButton", self.tr("Record the copies received")
        )
        self.not_come_button = action_button(
            self.tr("Not delivered yet"),
            "newspapersNotComeButton",
            self.tr("Report the title not delivered on time"),
        )
        row.addWidget(QLabel(self.tr("Received")))
        row.addWidget(self.received_spin)
        row.addWidget(self.late_check)
        row.addWidget(self.note_edit, 1)
        row.addWidget(self.count_button)
        row.addWidget(self.not_come_button)
        layout.addLayout(row)
        self.count_button.clicked.connect(self.count)
        self.not_come_button.clicked.connect(self.report_late)
        return tab

    def _shortfalls_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.which_combo = named(QComboBox(), "newspapersWhichCombo", self.tr("Which shortfalls"))
        self.search_edit = named(QLineEdit(), "newspapersSearchEdit", self.tr("Search the shortfalls"))
        self.search_edit.setPlaceholderText(self.tr("Number (BK000001), day (11-25) or title"))
        self.search_button = action_button(self.tr("Search"), "newspapersSearchButton", self.tr("Search"))
        choices = (("open", self.tr("Open")), ("all", self.tr("All")))
        layout.addLayout(
            search_row(
                self.refresh_shortfalls, (self.which_combo, choices), self.search_edit, self.search_button
            )
        )
        self.shortfall_model = ShortfallTableModel()
        self.shortfall_table = table_view(
            "newspapersShortfallTable", self.tr("Shortfalls"), self.shortfall_model
        )
        self.shortfall_table.clicked.connect(
            lambda index: self.open_shortfall(self.shortfall_model.shortfall(index.row()).shortfall_id)
        )
        layout.addWidget(self.shortfall_table, 1)
        self.detail_label = named(QLabel(), "newspapersShortfallDetail", self.tr("The shortfall"))
        self.detail_label.setWordWrap(True)
        layout.addWidget(self.detail_label)
        self.timeline = named(QListWidget(), "newspapersTimeline", self.tr("What happened so far"))
        self.timeline.setMaximumHeight(110)
        layout.addWidget(self.timeline)
        contact_row = QHBoxLayout()
        self.contact_edit = named(QLineEdit(), "newspapersContactEdit", self.tr("Whom at the post office"))
        self.contact_edit.setPlaceholderText(self.tr("Whom at the post office (name or post)"))
        self.method_combo = named(QComboBox(), "newspapersMethodCombo", self.tr("How"))
        for method in ContactMethod:
            self.method_combo.addItem(method_text(method), method)
        self.said_edit = named(QLineEdit(), "newspapersSaidEdit", self.tr("What they said"))
        self.said_edit.setPlaceholderText(self.tr("What they said or promised"))
        self.contact_button = action_button(
            self.tr("Record the contact"),
            "newspapersContactButton",
            self.tr("Record the talk with the post office"),
        )
        for widget, stretch in ((self.contact_edit, 1), (self.method_combo, 0), (self.said_edit, 2)):
            contact_row.addWidget(widget, stretch)
        contact_row.addWidget(self.contact_button)
        layout.addLayout(contact_row)
        resolve_row = QHBoxLayout()
        self.resolution_edit = named(QLineEdit(), "newspapersResolutionEdit", self.tr("How it was resolved"))
        self.resolution_edit.setPlaceholderText(self.tr("How it was resolved (e.g. 2 copies delivered)"))
        self.made_good_spin = named(QSpinBox(), "newspapersMadeGoodSpin", self.tr("Copies made good"))
        self.made_good_spin.setRange(0, BUNDLE_MAX)
        self.resolve_button = action_button(
            self.tr("Resolve"), "newspapersResolveButton", self.tr("Resolve the shortfall")
        )
        resolve_row.addWidget(self.resolution_edit, 1)
        resolve_row.addWidget(QLabel(self.tr("Copies made good")))
        resolve_row.addWidget(self.made_good_spin)
        resolve_row.addWidget(self.resolve_button)
        layout.addLayout(resolve_row)
        self.contact_button.clicked.connect(self.record_contact)
        self.resolve_button.clicked.connect(self.resolve)
        return tab

    def _orders_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.orders_which = named(QComboBox(), "newspapersOrdersWhich", self.tr("Which subscriptions"))
        self.order_search_edit = named(QLineEdit(), "newspapersOrderSearch", self.tr("Unit or title"))
        self.order_search_edit.setPlaceholderText(self.tr("Unit (2-104) or title"))
        self.order_search_button = action_button(
            self.tr("Search"), "newspapersOrderSearchButton", self.tr("Search the subscriptions")
        )
        choices = (("current", self.tr("Current")), ("all", self.tr("All")))
        layout.addLayout(
            search_row(
                self.refresh_orders,
                (self.orders_which, choices),
                self.order_search_edit,
                self.order_search_button,
            )
        )
        self.order_model = SubscriptionTableModel()
        self.order_table = table_view("newspapersOrderTable", self.tr("Subscriptions"), self.order_model)
        layout.addWidget(self.order_table, 1)
        stop_row = QHBoxLayout()
        self.stop_reason_edit = named(QLineEdit(), "newspapersStopReason", self.tr("Why it stops"))
        self.stop_reason_edit.setPlaceholderText(self.tr("Why it stops (e.g. moved out, cancelled)"))
        self.stop_button = action_button(
            self.tr("Stop the subscription"),
            "newspapersStopButton",
            self.tr("Stop the selected subscription today"),
        )
        stop_row.addWidget(self.stop_reason_edit, 1)
        stop_row.addWidget(self.stop_button)
        layout.addLayout(stop_row)

        form = QFormLayout()
        self.unit_edit = named(QLineEdit(), "newspapersUnitEdit", self.tr("Unit"))
        self.unit_edit.setPlaceholderText(self.tr("Unit, e.g. 2-104"))
        self.title_edit = named(QLineEdit(), "newspapersTitleEdit", self.tr("Title"))
        self.title_edit.setPlaceholderText(self.tr("e.g. 人民日报"))
        self.frequency_combo = named(QComboBox(), "newspapersFrequencyCombo", self.tr("Frequency"))
        for frequency in Frequency:
            self.frequency_combo.addItem(frequency_text(frequency), frequency)
        days_row = QHBoxLayout()
        self.weekday_checks = [
            named(QCheckBox(name), f"newspapersWeekday{n}", name) for n, name in enumerate(weekday_names())
        ]
        for check in self.weekday_checks:
            days_row.addWidget(check)
        self.month_days_edit = named(QLineEdit(), "newspapersMonthDaysEdit", self.tr("Days of the month"))
        self.month_days_edit.setPlaceholderText(self.tr("Days of the month, e.g. 1,16"))
        days_row.addWidget(self.month_days_edit, 1)
        self.copies_spin = named(QSpinBox(), "newspapersCopiesSpin", self.tr("Copies an issue"))
        self.copies_spin.setRange(1, COPIES_MAX)
        today = self._today()
        self.starts_edit = date_edit(
            "newspapersStartsEdit", self.tr("From"), date(today.year, today.month, 1)
        )
        self.ends_edit = date_edit("newspapersEndsEdit", self.tr("To"), date(today.year, 12, 31))
        period = QHBoxLayout()
        period.addWidget(self.starts_edit)
        period.addWidget(QLabel("—"))
        period.addWidget(self.ends_edit)
        period.addStretch(1)
        self.supplier_edit = named(QLineEdit(), "newspapersSupplierEdit", self.tr("Delivered by"))
        self.supplier_edit.setPlaceholderText(self.tr("Empty: the post office"))
        form.addRow(self.tr("Unit"), self.unit_edit)
        form.addRow(self.tr("Title"), self.title_edit)
        form.addRow(self.tr("Frequency"), self.frequency_combo)
        form.addRow(self.tr("Comes on"), days_row)
        form.addRow(self.tr("Copies an issue"), self.copies_spin)
        form.addRow(self.tr("From / to"), period)
        form.addRow(self.tr("Delivered by"), self.supplier_edit)
        self.subscribe_button = action_button(
            self.tr("Add the subscription"), "newspapersSubscribeButton", self.tr("Add the subscription")
        )
        form.addRow(self.subscribe_button)
        layout.addLayout(form)
        self.frequency_combo.currentIndexChanged.connect(lambda _i: self._frequency_changed())
        self.subscribe_button.clicked.connect(self.subscribe)
        self.stop_button.clicked.connect(self.stop)
        return tab

    # --- the console's hooks --------------------------------------------------------------------
    def set_session(self, who: SignedIn | None) -> None:
        super().set_session(who)
        self._show_shortfall(None)
        for model in (self.day_model, self.shortfall_model, self.order_model):
            model.set_rows([])
        if self._may():
            self.refresh()

    def on_server_event(self, topic: str) -> None:
        if topic in ("newspapers", "connected", "resync") and self._may():
            self.refresh()
            if self._shown is not None:
                self.open_shortfall(self._shown.shortfall_id, quiet=True)

    def clear_transient(self) -> None:
        super().clear_transient()
        self._show_shortfall(None)
        self.picked_label.clear()

    def _may(self) -> bool:
        return self.session is not None and allowed(self.session.role, Permission.NEWSPAPERS)

    def _today(self) -> date:
        return self._station.clock.now().astimezone(self._zone).date()

    def day(self) -> date:
        return _pydate(self.day_edit.date())

    def refresh(self) -> None:
        self.refresh_day()
        self.refresh_shortfalls()
        self.refresh_orders()

    # --- the day's bundles ------------------------------------------------------------------------
    def refresh_day(self) -> None:
        if not self._may():
            return
        day, papers = self.day(), self._station.newspapers
        QueryOp(self, lambda: papers.day(day), self._show_day, key="day").failure(
            self._failed
        ).run_in_background()

    def _show_day(self, shown: DeliveryDay) -> None:
        picked = self._picked()
        self.day_model.set_rows(shown.titles)
        for row, title in enumerate(shown.titles):
            if picked is not None and title.title_key == picked.title_key:
                self.day_table.selectRow(row)
                self._pick_title(row)

    def _picked(self) -> TitleOfDay | None:
        rows = self.day_table.selectionModel().selectedRows()
        return self.day_model.title_at(rows[0].row()) if rows else None

    def _pick_title(self, row: int) -> None:
        title = self.day_model.title_at(row)
        # Most days it is all there; counted already, a recount starts from that count.
        self.received_spin.setValue(title.expected if title.received is None else title.received)
        self.picked_label.setText(
            label_value(title.title, self.tr("%1 expected").replace("%1", str(title.expected)))
            + "  ·  "
            + label_value(self.tr("Mailboxes"), "  ".join(f"{u.unit}×{u.copies}" for u in title.units))
        )

    def count(self) -> None:
        picked = self._picked()
        if not self._may():
            return
        if picked is None:
            self.status_label.show_error(self.tr("Choose the title in the list first."))
            return
        day, received, late, note = (
            self.day(),
            self.received_spin.value(),
            self.late_check.isChecked(),
            self.note_edit.text(),
        )
        papers = self._station.newspapers

        def counted(shown: DeliveryDay) -> None:
            self.note_edit.clear()
            self.late_check.setChecked(False)
            self._show_day(shown)
            now = next((t for t in shown.titles if t.title_key == picked.title_key), None)
            if now is not None and now.shortfall_open:
                text = self.tr("%1: %2 of %3 counted; shortfall %4 is open: raise it with the post office.")
                text = text.replace("%4", now.shortfall_number)
            else:
                text = self.tr("%1: %2 of %3 counted.")
            self.status_label.setText(
                text.replace("%1", picked.title)
                .replace("%2", str(received))
                .replace("%3", str(picked.expected))
            )
            self.refresh_shortfalls()

        QueryOp(self, lambda: papers.count(day, picked.title, received, late, note), counted).failure(
            self._failed
        ).run_in_background()

    def report_late(self) -> None:
        picked = self._picked()
        if not self._may():
            return
        if picked is None:
            self.status_label.show_error(self.tr("Choose the title in the list first."))
            return
        day, papers = self.day(), self._station.newspapers

        def reported(view: ShortfallView) -> None:
            self.status_label.setText(
                self.tr("%1 reported not delivered: shortfall %2. Call the post office and record it.")
                .replace("%1", view.title)
                .replace("%2", view.number)
            )
            self.refresh_day()
            self.refresh_shortfalls()
            self._show_shortfall(view)
            self.tabs.setCurrentIndex(1)

        QueryOp(self, lambda: papers.report_late(day, picked.title), reported).failure(
            self._failed
        ).run_in_background()

    # --- shortfalls -------------------------------------------------------------------------------
    def refresh_shortfalls(self) -> None:
        if not self._may():
            return
        which, search, papers = (
            str(self.which_combo.currentData()),
            self.search_edit.text(),
            self._station.newspapers,
        )
        QueryOp(
            self, lambda: papers.shortfalls(which, search), self.shortfall_model.set_rows, key="shortfalls"
        ).failure(self._failed).run_in_background()

    def open_shortfall(self, shortfall_id: int, quiet: bool = False) -> None:
        papers = self._station.newspapers
        failed: Callable[[Exception], None] = (lambda _e: None) if quiet else self._failed
        QueryOp(self, lambda: papers.shortfall(shortfall_id), self._show_shortfall, key="detail").failure(
            failed
        ).run_in_background()

    def record_contact(self) -> None:
        shown = self._shown
        if shown is None or not self._may():
            return
        contact, said = self.contact_edit.text(), self.said_edit.text()
        method = self.method_combo.currentData()
        assert isinstance(method, ContactMethod)
        papers = self._station.newspapers

        def recorded(view: ShortfallView) -> None:
            self.contact_edit.clear()
            self.said_edit.clear()
            self._stepped(view, self.tr("Contact with the post office recorded."))

        QueryOp(
            self, lambda: papers.record_contact(shown.shortfall_id, contact, method, said), recorded
        ).failure(self._failed).run_in_background()

    def resolve(self) -> None:
        shown = self._shown
        if shown is None or not self._may():
            return
        how, copies, papers = (
            self.resolution_edit.text(),
            self.made_good_spin.value(),
            self._station.newspapers,
        )

        def resolved(view: ShortfallView) -> None:
            self.resolution_edit.clear()
            self.made_good_spin.setValue(0)
            self._stepped(view, self.tr("Shortfall %1 resolved.").replace("%1", view.number))

        QueryOp(self, lambda: papers.resolve(shown.shortfall_id, how, copies), resolved).failure(
            self._failed
        ).run_in_background()

    def _stepped(self, view: ShortfallView, done: str) -> None:
        self._show_shortfall(view)
        self.status_label.setText(done)
        self.refresh_shortfalls()
        self.refresh_day()

    def _show_shortfall(self, view: ShortfallView | None) -> None:
        self._shown = view
        self.timeline.clear()
        open_ = view is not None and view.status is ShortfallStatus.OPEN and self._may()
        for widget in (self.contact_button, self.resolve_button):
            widget.setEnabled(open_)
        if view is None:
            self.detail_label.setText(self.tr("Choose a shortfall in the list."))
            return
        supplier = view.supplier or self.tr("the post office")
        lines = [
            f"{view.number} · {view.day.isoformat()} · {view.title} · "
            + shortfall_text(view.copies_missing, view.late, view.received is not None),
            label_value(self.tr("Expected"), str(view.expected))
            + "  "
            + label_value(self.tr("Received"), "—" if view.received is None else str(view.received))
            + "  "
            + label_value(self.tr("Delivered by"), supplier),
            label_value(
                self.tr("State"),
                status_text(
                    view.status,
                    view.escalated_at is not None,
                    any(s.kind is ShortfallStepKind.CONTACTED for s in view.steps),
                ),
            ),
        ]
        if view.resolution:
            lines.append(label_value(self.tr("Resolution"), view.resolution))
        self.detail_label.setText("\n".join(lines))
        for step in view.steps:
            self.timeline.addItem(self._step_line(step))

    def _step_line(self, step: ShortfallStepView) -> str:
        words = {
            ShortfallStepKind.NOTICED: self.tr("Noticed"),
            ShortfallStepKind.COUNTED: self.tr("Counted again"),
            ShortfallStepKind.CONTACTED: self.tr("Raised with the post office"),
            ShortfallStepKind.ESCALATED: self.tr("Escalated to the shift leader"),
            ShortfallStepKind.RESOLVED: self.tr("Resolved"),
        }
        parts = [local_stamp(step.at, self._zone), words[step.kind]]
        if step.contact_name:
            parts.append(step.contact_name)
        if step.method is not None:
            parts.append(method_text(step.method))
        if step.kind is ShortfallStepKind.COUNTED and step.copies is not None:
            parts.append(self.tr("%1 missing").replace("%1", str(step.copies)))
        if step.kind is ShortfallStepKind.RESOLVED and step.copies:
            parts.append(self.tr("%1 made good").replace("%1", str(step.copies)))
        if step.note:
            parts.append(step.note)
        line = " · ".join(parts)
        return f"{line} — {step.actor_name}" if step.actor_name else line

    # --- subscriptions ----------------------------------------------------------------------------
    def refresh_orders(self) -> None:
        if not self._may():
            return
        which, search = str(self.orders_which.currentData()), self.order_search_edit.text()
        papers = self._station.newspapers
        QueryOp(
            self, lambda: papers.subscriptions(search, which), self.order_model.set_rows, key="orders"
        ).failure(self._failed).run_in_background()

    def _frequency_changed(self) -> None:
        monthly = self.frequency_combo.currentData() is Frequency.MONTHLY
        weekly = self.frequency_combo.currentData() is Frequency.WEEKLY
        self.month_days_edit.setVisible(monthly)
        for n, check in enumerate(self.weekday_checks):
            check.setVisible(not monthly)
            # A daily comes every day, a weekly on one day: the clerk unticks what differs.
            check.setChecked(not monthly and (not weekly or n == 0))

    def subscribe(self) -> None:
        if not self._may():
            return
        frequency = self.frequency_combo.currentData()
        assert isinstance(frequency, Frequency)
        weekdays = sum(1 << n for n, check in enumerate(self.weekday_checks) if check.isChecked())
        order = SubscriptionTake(
            unit=self.unit_edit.text()[:80],
            title=self.title_edit.text()[:80],
            frequency=frequency,
            copies=self.copies_spin.value(),
            starts_on=_pydate(self.starts_edit.date()),
            ends_on=_pydate(self.ends_edit.date()),
            weekdays=0 if frequency is Frequency.MONTHLY else weekdays,
            month_days=self.month_days_edit.text()[:80] if frequency is Frequency.MONTHLY else "",
            supplier=self.supplier_edit.text()[:80],
        )
        key = self._order_key.key_for(order)
        papers = self._station.newspapers
        self.subscribe_button.setEnabled(False)

        def added(row: SubscriptionRow) -> None:
            self._order_key.answered()
            self.subscribe_button.setEnabled(True)
            for edit in (self.unit_edit, self.title_edit, self.month_days_edit):
                edit.clear()
            self.copies_spin.setValue(1)
            self.status_label.setText(
                self.tr("%1 now takes %2, %3 copies an issue.")
                .replace("%1", row.unit)
                .replace("%2", row.title)
                .replace("%3", str(row.copies))
            )
            self.refresh()

        def refused(error: Exception) -> None:
            self.subscribe_button.setEnabled(True)
            self._failed(error)

        QueryOp(self, lambda: papers.subscribe(order, key), added).failure(refused).run_in_background()

    def stop(self) -> None:
        rows = self.order_table.selectionModel().selectedRows()
        if not self._may():
            return
        if not rows:
            self.status_label.show_error(self.tr("Choose the subscription in the list first."))
            return
        chosen = self.order_model.subscription(rows[0].row())
        reason, papers = self.stop_reason_edit.text(), self._station.newspapers

        def stopped(row: SubscriptionRow) -> None:
            self.stop_reason_edit.clear()
            self.status_label.setText(
                self.tr("%1's %2 stops after %3.")
                .replace("%1", row.unit)
                .replace("%2", row.title)
                .replace("%3", row.last_day.isoformat())
            )
            self.refresh()

        QueryOp(self, lambda: papers.stop(chosen.subscription_id, reason), stopped).failure(
            self._failed
        ).run_in_background()

    # --- the month's workbook ---------------------------------------------------------------------
    def export_month(self) -> None:
        if not self._may():
            return
        month = Month.of(self.day())
        words, papers = workbook_words(), self._station.newspapers

        def write(path: Path, received: Received) -> Path:
            return papers.export(month, path, words, received)

        def exported(saved: Path) -> None:
            self.status_label.setText(
                self.tr("Exported the newspapers of %1 to %2.")
                .replace("%1", str(month))
                .replace("%2", str(saved))
            )

        export_to_file(
            self,
            self.ask_save_path,
            (
                self.tr("Export the month's newspapers"),
                f"newspapers-{month}.xlsx",
                self.tr("Excel workbooks (*.xlsx)"),
            ),
            write,
            exported,
            self.tr("Exporting the month (KB received)"),
            self.status_label,
            self._failed,
        )

    def _failed(self, error: Exception) -> None:
        self.status_label.show_error(page_message(self._messages, error))

    def _page_messages(self) -> dict[tuple[str, str], str]:
        """What to fix, in the desk's words (params fill %1 in order)."""
        return {
            ("unit", "required"): self.tr("Please enter the unit, e.g. 2-104."),
            ("unit", "format"): self.tr("Please enter the unit as building-room, e.g. 2-104."),
            ("title", "required"): self.tr("Please enter the newspaper's or magazine's title."),
            ("title", "too_long"): self.tr("The title is too long: at most %1 characters."),
            ("title", "not_expected"): self.tr("No unit takes this title on %1."),
            ("title", "counted"): self.tr("This title was counted already: record the count instead."),
            ("copies", "range"): self.tr("Copies an issue: from %1 to %2."),
            ("received", "range"): self.tr("Copies received: from %1 to %2."),
            ("copies_made_good", "range"): self.tr("Copies made good: from %1 to %2."),
            ("weekdays", "required"): self.tr("Tick the days it comes."),
            ("month_days", "required"): self.tr("Enter the day(s) of the month it comes, e.g. 1 or 1,16."),
            ("month_days", "format"): self.tr("Days of the month are numbers from 1 to 31, e.g. 1,16."),
            ("month_days", "too_many"): self.tr("At most %1 days of the month."),
            ("ends_on", "before_start"): self.tr("The subscription cannot end before it starts."),
            ("supplier", "too_long"): self.tr("Delivered by: at most %1 characters."),
            ("day", "future"): self.tr("That day has not come yet."),
            ("reason", "required"): self.tr("Please give the reason."),
            ("reason", "too_long"): self.tr("Please keep the reason under %1 characters."),
            ("note", "required"): self.tr("Please write what the post office said or promised."),
            ("note", "too_long"): self.tr("Please keep the note under %1 characters."),
            ("contact_name", "required"): self.tr("Please enter whom you spoke to at the post office."),
            ("contact_name", "too_long"): self.tr("The name is too long: at most %1 characters."),
            ("resolution", "required"): self.tr("Please write how it was resolved."),
            ("resolution", "too_long"): self.tr("Please keep it under %1 characters."),
            ("shortfall", "already_open"): self.tr("Shortfall %1 is already open for this title and day."),
            ("shortfall", "resolved"): self.tr("Shortfall %1 is resolved already."),
            ("shortfall", "unknown"): self.tr("This shortfall does not exist."),
            ("subscription", "unknown"): self.tr("This subscription does not exist."),
            ("subscription", "stopped"): self.tr("This subscription was stopped already."),
            ("last_day", "outside"): self.tr("The last day must be between %1 and %2."),
            ("month", "format"): self.tr("Choose a month."),
            ("staff", "not_allowed"): self.tr("Your role cannot do this. Ask a supervisor."),
        }


def method_text(method: ContactMethod) -> str:
    return {
        ContactMethod.PHONE: QCoreApplication.translate("NewspapersPage", "By phone"),
        ContactMethod.IN_PERSON: QCoreApplication.translate("NewspapersPage", "In person"),
        ContactMethod.LETTER: QCoreApplication.translate("NewspapersPage", "By letter"),
    }[method]
