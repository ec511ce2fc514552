"""Lost and found (失物招领) at the desk: log an item handed in (or a meeting guest's item left
behind), print its tag, find it in the register (what, where, the days found; or scan its tag),
hand it to its owner against their ID (type and last four only) and signature, and dispose of
what nobody claimed after the keep period with a supervisor's PIN. A supervisor voids an item
logged in error and exports the register.

The site server keeps the register and decides every step; the tag prints on this desk's own
printer. Logging is a submit: pressed again after the server did not answer, with the same
details, the item is stored once."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QDateTime, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.api.lost_found import LostItemClaim, LostItemExport, LostItemLog, Which
from kiosk.client.http import RetryKey
from kiosk.client.station import Station
from kiosk.domain.errors import ValidationError
from kiosk.domain.lost_found import (
    OFFICE_SAFE,
    SECURE,
    DisposalMethod,
    LostItemCategory,
    LostItemRow,
    LostItemSource,
    LostItemStatus,
    LostItemView,
    disposal_methods,
    read_lost_item_code,
)
from kiosk.domain.money import format_yuan, parse_yuan
from kiosk.domain.staff import Permission, SignedIn, allowed
from kiosk.domain.views import PrintOutcome
from kiosk.ui.common.export_file import AskSavePath, Received, ask_with_dialog, export_to_file
from kiosk.ui.common.i18n import current_language
from kiosk.ui.common.messages import page_message
from kiosk.ui.common.operations import QueryOp
from kiosk.ui.common.print_outcome import say_printed
from kiosk.ui.common.table_model import RowTableModel
from kiosk.ui.common.widgets import (
    SectionPage,
    action_button,
    date_edit,
    date_time_edit,
    id_type_names,
    label_value,
    local_stamp,
    named,
    table_view,
)
from kiosk.ui.console.hand_over_proof import HandOverProof
from kiosk.ui.console.register_search import register_search_row, ticked_days


def category_text(category: LostItemCategory) -> str:
    words = {
        LostItemCategory.CASH: QCoreApplication.translate("LostFoundPage", "Cash"),
        LostItemCategory.VALUABLES: QCoreApplication.translate("LostFoundPage", "Valuables"),
        LostItemCategory.DOCUMENTS: QCoreApplication.translate("LostFoundPage", "Documents"),
        LostItemCategory.ELECTRONICS: QCoreApplication.translate("LostFoundPage", "Electronics"),
        LostItemCategory.KEYS_CARDS: QCoreApplication.translate("LostFoundPage", "Keys and cards"),
        LostItemCategory.BAGS: QCoreApplication.translate("LostFoundPage", "Bags"),
        LostItemCategory.CLOTHING: QCoreApplication.translate("LostFoundPage", "Clothing"),
        LostItemCategory.OTHER: QCoreApplication.translate("LostFoundPage", "Other"),
    }
    return words[category]


def status_text(status: LostItemStatus) -> str:
    words = {
        LostItemStatus.HELD: QCoreApplication.translate("LostFoundPage", "Held"),
        LostItemStatus.CLAIMED: QCoreApplication.translate("LostFoundPage", "Claimed"),
        LostItemStatus.DISPOSED: QCoreApplication.translate("LostFoundPage", "Disposed of"),
        LostItemStatus.VOIDED: QCoreApplication.translate("LostFoundPage", "Voided"),
    }
    return words[status]


def method_text(method: DisposalMethod) -> str:
    words = {
        DisposalMethod.RETURNED_TO_FINDER: QCoreApplication.translate(
            "LostFoundPage", "Returned to the finder"
        ),
        DisposalMethod.HANDED_TO_POLICE: QCoreApplication.translate("LostFoundPage", "Handed to the police"),
        DisposalMethod.DONATED: QCoreApplication.translate("LostFoundPage", "Donated"),
        DisposalMethod.DESTROYED: QCoreApplication.translate("LostFoundPage", "Destroyed"),
    }
    return words[method]


def source_text(source: LostItemSource) -> str:
    if source is LostItemSource.MEETING:
        return QCoreApplication.translate("LostFoundPage", "Left after a meeting")
    return QCoreApplication.translate("LostFoundPage", "Found")


def export_words() -> dict[str, str]:
    """The workbook's words in the desk's language, sent with the export: its headings
    (kiosk.domain.lost_found.EXPORT_HEADERS), its sheet's name and the values it words."""
    words = {
        "Number": QCoreApplication.translate("LostFoundPage", "Number"),
        "Source": QCoreApplication.translate("LostFoundPage", "Source"),
        "Category": QCoreApplication.translate("LostFoundPage", "Category"),
        "What": QCoreApplication.translate("LostFoundPage", "What"),
        "Found where": QCoreApplication.translate("LostFoundPage", "Found where"),
        "Found at": QCoreApplication.translate("LostFoundPage", "Found at"),
        "Found by": QCoreApplication.translate("LostFoundPage", "Found by"),
        "Kept at": QCoreApplication.translate("LostFoundPage", "Kept at"),
        "Meeting": QCoreApplication.translate("LostFoundPage", "Meeting"),
        "Room": QCoreApplication.translate("LostFoundPage", "Room"),
        "Cash (yuan)": QCoreApplication.translate("LostFoundPage", "Cash (yuan)"),
        "State": QCoreApplication.translate("LostFoundPage", "State"),
        "Logged by": QCoreApplication.translate("LostFoundPage", "Logged by"),
        "Claimed by": QCoreApplication.translate("LostFoundPage", "Claimed by"),
        "ID type": QCoreApplication.translate("LostFoundPage", "ID type"),
        "ID last four": QCoreApplication.translate("LostFoundPage", "ID last four"),
        "Claimed at": QCoreApplication.translate("LostFoundPage", "Claimed at"),
        "Handed over by": QCoreApplication.translate("LostFoundPage", "Handed over by"),
        "Disposal": QCoreApplication.translate("LostFoundPage", "Disposal"),
        "Disposed at": QCoreApplication.translate("LostFoundPage", "Disposed at"),
        "Approved by": QCoreApplication.translate("LostFoundPage", "Approved by"),
        "Note": QCoreApplication.translate("LostFoundPage", "Note"),
        "Lost and found": QCoreApplication.translate("LostFoundPage", "Lost and found"),
    }
    words |= {c.value: category_text(c) for c in LostItemCategory}
    words |= {s.value: status_text(s) for s in LostItemStatus}
    words |= {m.value: method_text(m) for m in DisposalMethod}
    words |= {s.value: source_text(s) for s in LostItemSource}
    words |= id_type_names()
    return words


class LostItemTableModel(RowTableModel[LostItemRow]):
    def __init__(self, zone: ZoneInfo) -> None:
        super().__init__(
            (
                self.tr("No."),
                self.tr("Found"),
                self.tr("Category"),
                self.tr("What"),
                self.tr("Found where"),
                self.tr("Kept at"),
                self.tr("State"),
            )
        )
        self._zone = zone

    def item(self, row: int) -> LostItemRow:
        return self.row_value(row)

    def display(self, r: LostItemRow, column: int) -> str:
        where = f"{r.found_where} ({r.room})" if r.room else r.found_where
        cells = (
            r.number,
            local_stamp(r.found_at, self._zone),
            category_text(r.category),
            r.what,
            where,
            r.kept_at,
            status_text(r.status),
        )
        return cells[column]


class LostFoundPage(SectionPage):
    def __init__(self, station: Station) -> None:
        super().__init__()
        self.setObjectName("lostFoundPage")
        self._station = station
        self._zone = station.site.timezone
        self._log_key = RetryKey()
        self._claim_key = RetryKey()
        self._shown: LostItemView | None = None
        self._messages = self._page_messages()
        # Where to save the export; a test answers instead of the dialog.
        self.ask_save_path: AskSavePath = ask_with_dialog(self)

        outer = QVBoxLayout(self)
        scroll = self._scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        layout = QVBoxLayout(body)

        # 1. Logging an item handed in, or a meeting guest's item left behind (seed 002).
        log_group = named(QGroupBox(self.tr("Log a found item")), "lostLogGroup", self.tr("New item"))
        form = QFormLayout(log_group)
        self.found_radio = named(
            QRadioButton(self.tr("Found in the building")), "lostFoundRadio", self.tr("Found")
        )
        self.meeting_radio = named(
            QRadioButton(self.tr("Left after a meeting")), "lostMeetingRadio", self.tr("Left after a meeting")
        )
        self.found_radio.setChecked(True)
        source_row = QHBoxLayout()
        source_row.addWidget(self.found_radio)
        source_row.addWidget(self.meeting_radio)
        source_row.addStretch(1)
        self.what_edit = named(QLineEdit(), "lostWhatEdit", self.tr("What"))
        self.what_edit.setPlaceholderText(self.tr("e.g. black umbrella, silver laptop in a grey bag"))
        self.category_combo = named(QComboBox(), "lostCategoryCombo", self.tr("Category"))
        for category in LostItemCategory:
            self.category_combo.addItem(category_text(category), category)
        # Most of what is handed in is none of the special kinds (umbrellas, cups, scarves).
        self.category_combo.setCurrentIndex(self.category_combo.findData(LostItemCategory.OTHER))
        self.cash_edit = named(QLineEdit(), "lostCashEdit", self.tr("Cash counted (yuan)"))
        self.cash_edit.setPlaceholderText(self.tr("Amount counted, in yuan"))
        self.where_edit = named(QLineEdit(), "lostWhereEdit", self.tr("Found where"))
        self.meeting_edit = named(QLineEdit(), "lostMeetingEdit", self.tr("Meeting"))
        self.meeting_edit.setPlaceholderText(self.tr("Meeting or host company"))
        self.room_edit = named(QLineEdit(), "lostRoomEdit", self.tr("Meeting room"))
        self.room_edit.setPlaceholderText(self.tr("Room"))
        meeting_row = QHBoxLayout()
        meeting_row.addWidget(self.meeting_edit, 2)
        meeting_row.addWidget(self.room_edit, 1)
        self.found_at_edit = date_time_edit("lostFoundAtEdit", self.tr("Found at"))
        self.finder_edit = named(QLineEdit(), "lostFinderEdit", self.tr("Found by"))
        self.finder_edit.setPlaceholderText(self.tr("Who found it or handed it in"))
        self.kept_edit = named(QLineEdit(), "lostKeptEdit", self.tr("Kept at"))
        self.kept_edit.setPlaceholderText(self.tr("e.g. desk locker 2"))
        form.addRow(self.tr("Source"), source_row)
        form.addRow(self.tr("What"), self.what_edit)
        form.addRow(self.tr("Category"), self.category_combo)
        form.addRow(self.tr("Cash"), self.cash_edit)
        form.addRow(self.tr("Found where"), self.where_edit)
        form.addRow(self.tr("Meeting, room"), meeting_row)
        form.addRow(self.tr("Found at"), self.found_at_edit)
        form.addRow(self.tr("Found by"), self.finder_edit)
        form.addRow(self.tr("Kept at"), self.kept_edit)
        self.log_button = action_button(
            self.tr("Log the item"), "lostLogButton", self.tr("Log the found item")
        )
        form.addRow(self.log_button)
        layout.addWidget(log_group)

        # 2. The register: which items, words of what / where, the days found on; or scan a tag.
        self.filter_combo = named(QComboBox(), "lostFilterCombo", self.tr("Which items"))
        self.search_edit = named(QLineEdit(), "lostSearchEdit", self.tr("What, where or number"))
        self.search_edit.setPlaceholderText(self.tr("What, where, or the item number; or scan its tag"))
        self.dates_check = named(
            QCheckBox(self.tr("Found between")), "lostDatesCheck", self.tr("Found between")
        )
        today = station.clock.now().astimezone(self._zone).date()
        self.first_day_edit = date_edit("lostFirstDayEdit", self.tr("From"), today)
        self.last_day_edit = date_edit("lostLastDayEdit", self.tr("To"), today)
        self.search_button = action_button(
            self.tr("Search"), "lostSearchButton", self.tr("Search the register")
        )
        self.export_button = action_button(
            self.tr("Export to Excel"), "lostExportButton", self.tr("Export the register to Excel")
        )
        choices = (
            ("held", self.tr("Held")),
            ("unclaimed", self.tr("Unclaimed past the keep period")),
            ("claimed", self.tr("Claimed")),
            ("disposed", self.tr("Disposed of")),
            ("voided", self.tr("Voided")),
            ("all", self.tr("All")),
        )
        list_row = register_search_row(
            self.refresh,
            self.export_xlsx,
            (self.filter_combo, choices),
            self.search_edit,
            (self.dates_check, self.first_day_edit, self.last_day_edit),
            (self.search_button, self.export_button),
        )
        layout.addLayout(list_row)
        self.model = LostItemTableModel(self._zone)
        self.table = table_view("lostTable", self.tr("Lost and found register"), self.model)
        self.table.setMinimumHeight(160)
        self.table.clicked.connect(lambda index: self.open_item(self.model.item(index.row()).item_id))
        layout.addWidget(self.table)

        # 3. The item shown, and what can be done with it.
        self.detail_label = named(QLabel(), "lostDetailLabel", self.tr("The item"))
        self.detail_label.setWordWrap(True)
        layout.addWidget(self.detail_label)
        self.tag_button = action_button(
            self.tr("Print its tag"), "lostTagButton", self.tr("Print the item's tag")
        )
        self.tag_button.clicked.connect(self._print_tag)
        layout.addWidget(self.tag_button)

        claim_group = named(QGroupBox(self.tr("Hand it to its owner")), "lostClaimGroup", self.tr("Claim"))
        claim_form = QFormLayout(claim_group)
        self.claimant_edit = named(QLineEdit(), "lostClaimantEdit", self.tr("Owner's name"))
        self.claim_phone_edit = named(QLineEdit(), "lostClaimPhoneEdit", self.tr("Owner's phone"))
        self.claim_phone_edit.setPlaceholderText(self.tr("Optional"))
        # Eight characters: a whole ID number typed there is refused with why, not cut to four.
        self.proof = HandOverProof(
            "lost",
            "Signed",
            (
                self.tr("The owner types their name again"),
                self.tr("I have received this item"),
                self.tr("Owner's confirmation"),
            ),
            longest=8,
        )
        self.claim_button = action_button(
            self.tr("Hand over"), "lostClaimButton", self.tr("Hand the item over")
        )
        self.claim_button.clicked.connect(self._claim)
        claim_form.addRow(self.tr("Owner"), self.claimant_edit)
        claim_form.addRow(self.tr("Phone"), self.claim_phone_edit)
        self.proof.add_rows(claim_form, self.tr("ID shown"))
        claim_form.addRow(self.claim_button)
        layout.addWidget(claim_group)

        dispose_group = named(
            QGroupBox(self.tr("Dispose of an unclaimed item")), "lostDisposeGroup", self.tr("Disposal")
        )
        dispose_form = QFormLayout(dispose_group)
        self.method_combo = named(QComboBox(), "lostMethodCombo", self.tr("How"))
        self.dispose_note_edit = named(QLineEdit(), "lostDisposeNoteEdit", self.tr("Note"))
        self.dispose_note_edit.setPlaceholderText(self.tr("e.g. which police station, to whom"))
        self.supervisor_edit = named(QLineEdit(), "lostSupervisorEdit", self.tr("Supervisor"))
        self.supervisor_edit.setPlaceholderText(self.tr("Approving supervisor's staff number"))
        self.pin_edit = named(QLineEdit(), "lostSupervisorPinEdit", self.tr("Supervisor's PIN"))
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_edit.setPlaceholderText(self.tr("PIN"))
        approve_row = QHBoxLayout()
        approve_row.addWidget(self.supervisor_edit, 1)
        approve_row.addWidget(self.pin_edit, 1)
        self.dispose_button = action_button(
            self.tr("Dispose of it"), "lostDisposeButton", self.tr("Dispose of the item")
        )
        self.dispose_button.clicked.connect(self._dispose)
        dispose_form.addRow(self.tr("How"), self.method_combo)
        dispose_form.addRow(self.tr("Note"), self.dispose_note_edit)
        dispose_form.addRow(self.tr("Approved by"), approve_row)
        dispose_form.addRow(self.dispose_button)
        layout.addWidget(dispose_group)

        void_row = QHBoxLayout()
        self.void_reason_edit = named(QLineEdit(), "lostVoidReasonEdit", self.tr("Reason"))
        self.void_reason_edit.setPlaceholderText(self.tr("Why it was logged in error (supervisors)"))
        self.void_button = action_button(self.tr("Void"), "lostVoidButton", self.tr("Void the item"))
        self.void_button.clicked.connect(self._void)
        void_row.addWidget(self.void_reason_edit, 1)
        void_row.addWidget(self.void_button)
        layout.addLayout(void_row)

        self.status_label = self.add_status(layout, "lostStatus", self.tr("Last action result"))
        self.transient(
            self.what_edit,
            self.cash_edit,
            self.where_edit,
            self.meeting_edit,
            self.room_edit,
            self.finder_edit,
            self.kept_edit,
            self.search_edit,
            self.claimant_edit,
            self.claim_phone_edit,
            *self.proof.edits,
            self.dispose_note_edit,
            self.supervisor_edit,
            self.pin_edit,
            self.void_reason_edit,
        )
        self.log_button.clicked.connect(self.log_item)
        self.category_combo.currentIndexChanged.connect(lambda _i: self._category_changed())
        self.meeting_radio.toggled.connect(lambda _on: self._source_changed())
        self._category_changed()
        self._source_changed()
        self._show(None)

    # --- the console's hooks --------------------------------------------------------------------
    def set_session(self, who: SignedIn | None) -> None:
        super().set_session(who)
        self._show(None)
        self.model.set_rows([])
        self.export_button.setEnabled(self._may(Permission.DISPOSE_LOST_PROPERTY))
        if who is not None and allowed(who.role, Permission.LOST_PROPERTY):
            self.found_at_edit.setDateTime(self._now_local())
            self.refresh()

    def on_server_event(self, topic: str) -> None:
        if topic in ("lost_found", "connected", "resync") and self._may(Permission.LOST_PROPERTY):
            self.refresh()
            if self._shown is not None:
                self.open_item(self._shown.item_id)

    def clear_transient(self) -> None:
        super().clear_transient()
        self._show(None)
        self.table.clearSelection()
        self.proof.signature_check.setChecked(False)

    def wants(self, code: str) -> bool:
        """Whether a scanned code is a lost item's tag (the desk window hands those here)."""
        return read_lost_item_code(code) is not None

    def scanned(self, code: str) -> None:
        """A tag scanned at this desk: bring its item up (its owner is at the counter)."""
        if not self._may(Permission.LOST_PROPERTY):
            return
        lost_found = self._station.lost_found
        QueryOp(self, lambda: lost_found.find(code), self._found, key="detail").failure(
            self._failed
        ).run_in_background()

    def _found(self, item: LostItemView) -> None:
        self._show_in_view(item)
        self.status_label.setText(self.tr("Tag %1 scanned.").replace("%1", item.number))

    def _may(self, permission: Permission) -> bool:
        return self.session is not None and allowed(self.session.role, permission)

    def _now_local(self) -> QDateTime:
        now = self._station.clock.now().astimezone(self._zone)
        return QDateTime(now.year, now.month, now.day, now.hour, now.minute, 0)

    # --- logging --------------------------------------------------------------------------------
    def _category_changed(self) -> None:
        category = self.category_combo.currentData()
        self.cash_edit.setEnabled(category is LostItemCategory.CASH)
        # Cash, valuables and documents go to the office safe (kiosk.domain.lost_found).
        if category in SECURE and not self.kept_edit.text().strip():
            self.kept_edit.setText(OFFICE_SAFE)

    def _source_changed(self) -> None:
        meeting = self.meeting_radio.isChecked()
        self.meeting_edit.setEnabled(meeting)
        self.room_edit.setEnabled(meeting)

    def log_item(self) -> None:
        if not self._may(Permission.LOST_PROPERTY):
            return
        category = self.category_combo.currentData()
        assert isinstance(category, LostItemCategory)
        cash: int | None = None
        if category is LostItemCategory.CASH:
            try:
                cash = parse_yuan(self.cash_edit.text(), "cash")
            except ValidationError as error:
                self._failed(error)
                return
        found = self.found_at_edit.dateTime().toPython()
        assert isinstance(found, datetime)
        meeting = self.meeting_radio.isChecked()
        request = LostItemLog(
            what=self.what_edit.text()[:500],
            category=category,
            found_where=self.where_edit.text()[:500],
            found_at=found.replace(tzinfo=self._zone),
            finder=self.finder_edit.text()[:80],
            kept_at=self.kept_edit.text()[:80],
            source=LostItemSource.MEETING if meeting else LostItemSource.FOUND,
            meeting=self.meeting_edit.text()[:80] if meeting else "",
            room=self.room_edit.text()[:80] if meeting else "",
            cash_fen=cash,
        )
        key = self._log_key.key_for(request)
        self.log_button.setEnabled(False)
        lost_found = self._station.lost_found
        QueryOp(self, lambda: lost_found.log(request, key), self._logged).failure(
            self._log_failed
        ).run_in_background()

    def _logged(self, item: LostItemView) -> None:
        self._log_key.answered()
        self.log_button.setEnabled(True)
        for edit in (self.what_edit, self.cash_edit, self.where_edit, self.meeting_edit, self.room_edit):
            edit.clear()
        for edit in (self.finder_edit, self.kept_edit):
            edit.clear()
        self.found_radio.setChecked(True)
        self.found_at_edit.setDateTime(self._now_local())
        self._show(item)
        self.status_label.setText(self.tr("Item %1 logged: print its tag next.").replace("%1", item.number))
        self.refresh()

    def _log_failed(self, error: Exception) -> None:
        self.log_button.setEnabled(True)
        self._failed(error)

    # --- the register ---------------------------------------------------------------------------
    def _which(self) -> Which:
        which = self.filter_combo.currentData()
        assert which in ("held", "unclaimed", "claimed", "disposed", "voided", "all")
        return which  # type: ignore[no-any-return]

    def _days(self) -> tuple[date | None, date | None]:
        return ticked_days(self.dates_check, self.first_day_edit, self.last_day_edit)

    def refresh(self) -> None:
        if not self._may(Permission.LOST_PROPERTY):
            return
        which, text = self._which(), self.search_edit.text()
        first, last = self._days()
        lost_found = self._station.lost_found
        QueryOp(
            self, lambda: lost_found.listing(which, text, first, last), self.model.set_rows, key="list"
        ).failure(self._failed).run_in_background()

    def open_item(self, item_id: int) -> None:
        lost_found = self._station.lost_found
        QueryOp(self, lambda: lost_found.item(item_id), self._show_in_view, key="detail").failure(
            self._failed
        ).run_in_background()

    def export_xlsx(self) -> None:
        """The register as the search selects it (every item, not the list's first 200), written
        by the server; supervisors only (it names claimants)."""
        if not self._may(Permission.DISPOSE_LOST_PROPERTY):
            self.status_label.show_error(self.tr("Only a supervisor can export the register."))
            return
        first, last = self._days()
        search = LostItemExport(
            which=self._which(), q=self.search_edit.text()[:80], first_day=first, last_day=last
        )
        words = export_words()
        lost_found = self._station.lost_found

        def write(path: Path, received: Received) -> Path:
            return lost_found.export(search, path, words, received)

        def exported(saved: Path) -> None:
            self.status_label.setText(self.tr("Exported the register to %1.").replace("%1", str(saved)))

        export_to_file(
            self,
            self.ask_save_path,
            (
                self.tr("Export the lost and found register"),
                "lost-and-found.xlsx",
                self.tr("Excel workbooks (*.xlsx)"),
            ),
            write,
            exported,
            self.tr("Exporting the register (KB received)"),
            self.status_label,
            self._failed,
        )

    # --- the steps ------------------------------------------------------------------------------
    def _print_tag(self) -> None:
        shown = self._shown
        if shown is None or not self._may(Permission.LOST_PROPERTY):
            return
        station, language = self._station, current_language()
        QueryOp(
            self,
            lambda: station.printing.print_now(station.lost_found.print_tag(shown.item_id, language)),
            self._tag_printed,
        ).failure(self._failed).run_in_background()

    def _tag_printed(self, outcome: PrintOutcome) -> None:
        words = (
            self.tr("The printer did not print the tag: %1"),
            self.tr("Tag printed: stick it on the item."),
        )
        say_printed(self.status_label, self._station.printers, outcome, words)

    def _claim(self) -> None:
        shown = self._shown
        if shown is None or not self._may(Permission.LOST_PROPERTY):
            return
        id_type, last_four, signed, confirmed = self.proof.values()
        claim = LostItemClaim(
            claimant_name=self.claimant_edit.text()[:80],
            phone=self.claim_phone_edit.text()[:80],
            id_type=id_type,
            id_last_four=last_four[:20],
            signed_name=signed[:80],
            signature_confirmed=confirmed,
        )
        key = self._claim_key.key_for((shown.item_id, claim))
        lost_found = self._station.lost_found
        QueryOp(self, lambda: lost_found.claim(shown.item_id, claim, key), self._claimed).failure(
            self._failed
        ).run_in_background()

    def _claimed(self, item: LostItemView) -> None:
        self._claim_key.answered()
        for edit in (self.claimant_edit, self.claim_phone_edit):
            edit.clear()
        self.proof.clear()
        self._stepped(item, self.tr("Handed over to %1.").replace("%1", item.claimant_name))

    def _dispose(self) -> None:
        shown = self._shown
        if shown is None or not self._may(Permission.LOST_PROPERTY):
            return
        method = self.method_combo.currentData()
        assert isinstance(method, DisposalMethod)
        note, supervisor, pin = (
            self.dispose_note_edit.text(),
            self.supervisor_edit.text(),
            self.pin_edit.text(),
        )
        self.pin_edit.clear()  # never left on screen, whatever the answer
        lost_found = self._station.lost_found
        QueryOp(
            self,
            lambda: lost_found.dispose(shown.item_id, method, note, supervisor, pin),
            lambda item: self._stepped(item, self.tr("Disposed of: %1.").replace("%1", method_text(method))),
        ).failure(self._failed).run_in_background()

    def _void(self) -> None:
        shown = self._shown
        if shown is None:
            return
        if not self._may(Permission.DISPOSE_LOST_PROPERTY):
            self.status_label.show_error(self.tr("Only a supervisor can void an item."))
            return
        reason = self.void_reason_edit.text()
        lost_found = self._station.lost_found
        QueryOp(
            self,
            lambda: lost_found.void(shown.item_id, reason),
            lambda item: self._stepped(item, self.tr("Item voided; its reason is kept.")),
        ).failure(self._failed).run_in_background()

    def _stepped(self, item: LostItemView, done: str) -> None:
        for edit in (self.dispose_note_edit, self.supervisor_edit, self.void_reason_edit):
            edit.clear()
        self._show(item)
        self.status_label.setText(done)
        self.refresh()

    def _failed(self, error: Exception) -> None:
        self.status_label.show_error(page_message(self._messages, error))

    # --- showing --------------------------------------------------------------------------------
    def _show(self, item: LostItemView | None) -> None:
        self._shown = item
        held = item is not None and item.status is LostItemStatus.HELD
        may = self._may(Permission.LOST_PROPERTY)
        self.tag_button.setEnabled(may and item is not None)
        self.claim_button.setEnabled(may and held)
        due = held and item is not None and self._station.clock.now() >= item.keep_until
        self.dispose_button.setEnabled(may and due)
        self.void_button.setEnabled(self._may(Permission.DISPOSE_LOST_PROPERTY) and held)
        self.method_combo.clear()
        if item is not None:
            for method in disposal_methods(item.category):
                self.method_combo.addItem(method_text(method), method)
        if item is None:
            self.detail_label.setText(self.tr("Log an item, choose one in the register, or scan its tag."))
            return
        self.detail_label.setText("\n".join(self._details(item)))

    def _show_in_view(self, item: LostItemView) -> None:
        """``item`` shown with its steps on screen: on a desk's 1280x800 they are under the form
        and the register, and an item chosen in the list (or scanned) came up out of sight."""
        self._show(item)
        # Once the longer details are laid out (a posted layout request, handled before timers).
        QTimer.singleShot(0, lambda: self._scroll.ensureWidgetVisible(self.detail_label, 0, 8))

    def _details(self, r: LostItemView) -> list[str]:
        zone = self._zone
        lines = [
            f"{r.number} · {category_text(r.category)} · {source_text(r.source)} · {status_text(r.status)}",
            label_value(self.tr("What"), r.what),
            label_value(self.tr("Found where"), r.found_where),
        ]
        if r.meeting or r.room:
            lines.append(
                label_value(self.tr("Meeting, room"), " · ".join(p for p in (r.meeting, r.room) if p))
            )
        lines += [
            label_value(self.tr("Found at"), local_stamp(r.found_at, zone)),
            label_value(self.tr("Found by"), r.finder),
            label_value(self.tr("Kept at"), r.kept_at),
        ]
        if r.cash_fen is not None:
            lines.append(label_value(self.tr("Cash"), format_yuan(r.cash_fen)))
        lines.append(
            label_value(self.tr("Logged"), f"{local_stamp(r.logged_at, zone)} {r.logged_by_name}".strip())
        )
        if r.status is LostItemStatus.HELD:
            text = label_value(self.tr("Kept until"), local_stamp(r.keep_until, zone))
            if self._station.clock.now() >= r.keep_until:
                text += " " + self.tr("(unclaimed: may be disposed of)")
            lines.append(text)
        if r.status is LostItemStatus.CLAIMED:
            names = id_type_names()
            who = f"{r.claimant_name} {r.claimant_phone}".strip()
            id_shown = f"{names.get(r.claimant_id_type, r.claimant_id_type)} ****{r.claimant_id_last_four}"
            lines += [
                label_value(self.tr("Claimed by"), f"{who} · {id_shown}"),
                label_value(self.tr("Signed"), r.claimant_signed_name),
                label_value(
                    self.tr("Handed over"),
                    f"{local_stamp(r.claimed_at, zone)} {r.handed_over_by_name}".strip(),
                ),
            ]
        if r.status is LostItemStatus.DISPOSED and r.disposal_method is not None:
            lines += [
                label_value(
                    self.tr("Disposed of"),
                    " · ".join(p for p in (method_text(r.disposal_method), r.disposal_note) if p),
                ),
                label_value(
                    self.tr("By"),
                    f"{local_stamp(r.disposed_at, zone)} {r.disposed_by_name} · "
                    + self.tr("approved by %1").replace("%1", r.approved_by_name),
                ),
            ]
        if r.status is LostItemStatus.VOIDED:
            lines.append(label_value(self.tr("Voided"), f"{r.void_reason} · {r.voided_by_name}"))
        return lines

    def _page_messages(self) -> dict[tuple[str, str], str]:
        """What to fix, in the desk's words (params fill %1 in order)."""
        busy = self.tr("Item %1 cannot take this step now: it is %2.")
        messages = {
            ("what", "required"): self.tr("Please say what the item is."),
            ("what", "too_long"): self.tr("Please describe it in at most %1 characters."),
            ("found_where", "required"): self.tr("Please say where it was found."),
            ("found_where", "too_long"): self.tr("Where found: at most %1 characters."),
            ("finder", "required"): self.tr("Please enter who found it or handed it in."),
            ("finder", "too_long"): self.tr("The finder's name is too long: at most %1 characters."),
            ("kept_at", "required"): self.tr("Please say where the item is kept."),
            ("kept_at", "too_long"): self.tr("Where kept: at most %1 characters."),
            ("meeting", "required"): self.tr("Please enter the meeting or its room."),
            ("meeting", "too_long"): self.tr("The meeting's name is too long: at most %1 characters."),
            ("room", "too_long"): self.tr("The room is too long: at most %1 characters."),
            ("found_at", "future"): self.tr("The time found cannot be in the future."),
            ("cash", "required"): self.tr("Please enter the cash counted, in yuan."),
            ("cash", "out_of_range"): self.tr("The cash counted must be between 0.01 and %1 yuan."),
            ("cash", "not_a_number"): self.tr(
                "Please enter the cash counted as a number of yuan, e.g. 350.50."
            ),
            ("cash", "not_positive"): self.tr("The cash counted must be more than zero."),
            ("cash", "too_many_decimals"): self.tr("Yuan have at most two decimals (fen)."),
            ("cash", "too_large"): self.tr("That amount is too large: please count again."),
            ("claimant_name", "required"): self.tr("Please enter the owner's name."),
            ("claimant_name", "too_long"): self.tr("The owner's name is too long: at most %1 characters."),
            ("phone", "too_long"): self.tr("The phone is too long: at most %1 characters."),
            ("last_four", "required"): self.tr("Please enter the last four characters of the owner's ID."),
            ("last_four", "length"): self.tr(
                "Enter the last four characters of the ID only (%1 typed), never the whole number."
            ),
            ("last_four", "characters"): self.tr("The last four of an ID are digits or the letter X."),
            ("signature", "required"): self.tr("The owner must type their name and tick the box to sign."),
            ("signature", "mismatch"): self.tr("The signature must be the owner's name as entered above."),
            ("method", "police_only"): self.tr(
                "Cash, valuables and documents can only be handed to the police."
            ),
            ("signer", "required"): self.tr("Please enter the approving supervisor's staff number and PIN."),
            ("signer", "not_allowed"): self.tr("Only a supervisor can approve a disposal."),
            ("signer", "same_person"): self.tr("Another person must approve: not the one signed in here."),
            ("credentials", "invalid"): self.tr("Staff number or PIN is wrong: nothing was disposed of."),
            ("reason", "required"): self.tr("Please give the reason."),
            ("reason", "too_long"): self.tr("Please keep the reason under %1 characters."),
            ("note", "too_long"): self.tr("Please keep the note under %1 characters."),
            ("lost_item", "unknown"): self.tr("This item is not in the register."),
            ("lost_item", "not_due"): self.tr("It is kept until %1: it cannot be disposed of before then."),
            ("lost_item_code", "format"): self.tr("This is not a lost item's tag."),
            ("search", "too_long"): self.tr("Search with at most %1 characters."),
            ("last_day", "before_first"): self.tr("The last day comes before the first."),
            ("last_day", "range_too_long"): self.tr("Search at most %1 days at a time."),
            ("staff", "not_allowed"): self.tr("Your role cannot do this. Ask a supervisor."),
        }
        for status in LostItemStatus:
            messages["lost_item", f"is_{status.value}"] = busy.replace("%2", status_text(status))
        return messages
