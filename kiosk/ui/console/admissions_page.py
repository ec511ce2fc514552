"""Admissions (来人放行登记) at the desk: people let through on what they are, by seed 001's table
(对出入大堂人员的控制), each a line of the visitor record (来人来访记录表):

- a resident the desk knows by sight: the door opened, nothing recorded;
- someone who says they live here but has no card: the unit agreed on the intercom (whom the desk
  spoke to and what they said), or, nobody home, their name checked against the resident records,
  and the patrol guard (巡逻岗) told to follow;
- a company leader on the list the desk keeps (supervisors keep it): greeted by their title;
- staff: their work card checked;
- a permit holder (出入证: decoration, newspaper, milk): the permits register's check.

Visitors to someone (an outside visitor, an official, a visiting group) are visits, not
admissions: walk-in registration or the kiosk. The server checks every admission against the
site's [visitor_kinds]; this page offers only the kinds the site takes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.client.station import Station
from kiosk.domain.errors import ValidationError
from kiosk.domain.permits import is_permit_code
from kiosk.domain.staff import Permission, SignedIn, allowed
from kiosk.domain.visitor import NAME_MAX_CHARS
from kiosk.domain.visitor_kinds import (
    LEADER_COMPANY_MAX,
    LEADER_NAME_MAX,
    LEADER_TITLE_MAX,
    NOTE_MAX,
    REASON_MAX,
    UNIT_MAX,
    WORK_CARD_MAX,
    AdmissionRequest,
    AdmissionView,
    ApprovalWay,
    KindRule,
    LeaderView,
    VisitorKind,
)
from kiosk.ui.common.kind_words import kind_name, way_name
from kiosk.ui.common.messages import error_message
from kiosk.ui.common.operations import QueryOp
from kiosk.ui.common.table_model import RowTableModel, keeping_selection
from kiosk.ui.common.widgets import SectionPage, action_button, cap_forms, named, table_view
from kiosk.ui.console.patrol_notices import PatrolNoticesPanel

# The kinds let through here, in the seed's order; the visits go to walk-in registration.
ADMISSION_KINDS = tuple(kind for kind in VisitorKind if not kind.is_visit)
PERMIT_CODE_MAX = 200
_Loaded = tuple[list[KindRule], list[AdmissionView], list[LeaderView]]


class AdmissionsModel(RowTableModel[AdmissionView]):
    """Today's lines of the visitor record let through on what they are, newest first."""

    def __init__(self, station: Station) -> None:
        super().__init__(
            (
                self.tr("Time"),
                self.tr("Kind"),
                self.tr("Name"),
                self.tr("Unit / company"),
                self.tr("How"),
                self.tr("Title / card / permit"),
                self.tr("By"),
                self.tr("Patrol"),
            )
        )
        self._zone = station.site.timezone

    def display(self, value: AdmissionView, column: int) -> str:
        if column == 0:
            return f"{value.at.astimezone(self._zone):%H:%M}"
        if column == 1:
            return kind_name(value.kind)
        if column == 2:
            return value.name
        if column == 3:
            return " · ".join(part for part in (value.unit, value.company) if part)
        if column == 4:
            return way_name(value.way)
        if column == 5:
            return value.reference
        if column == 6:
            return value.by_name or self.tr("Kiosk")
        if value.way is not ApprovalWay.RESIDENT_RECORDS:
            return ""
        if value.patrol_followed_at is not None:
            return self.tr("Followed by %1").replace("%1", value.patrol_followed_by)
        return self.tr("Told, not yet followed") if value.patrol_notified else self.tr("NOT told")


class LeadersModel(RowTableModel[LeaderView]):
    def __init__(self, station: Station) -> None:
        super().__init__((self.tr("Title"), self.tr("Name"), self.tr("Company"), self.tr("On the list")))
        self._zone = station.site.timezone

    def leader(self, row: int) -> LeaderView:
        return self.row_value(row)

    def display(self, value: LeaderView, column: int) -> str:
        if column == 0:
            return value.title
        if column == 1:
            return value.name
        if column == 2:
            return value.company
        added = f"{value.added_at.astimezone(self._zone):%Y-%m-%d} {value.added_by_name}"
        if value.retired_at is not None:
            return (
                self.tr("Taken off %1: %2")
                .replace("%1", f"{value.retired_at.astimezone(self._zone):%Y-%m-%d}")
                .replace("%2", value.retire_reason)
            )
        return self.tr("Since %1").replace("%1", added)


def leader_text(leader: LeaderView) -> str:
    """``王总 · 王建华 · 华南数据``: the greeting the desk uses first."""
    return " · ".join(part for part in (leader.title, leader.name, leader.company) if part)


class AdmissionsPage(SectionPage):
    def __init__(self, station: Station) -> None:
        super().__init__()
        self.setObjectName("admissionsPage")
        self._station = station
        self._rules: list[KindRule] = []
        self._leaders: list[LeaderView] = []
        self._sending = False
        layout = QVBoxLayout(self)
        self.tabs = named(QTabWidget(), "admissionsTabs", self.tr("Admissions"))
        self.tabs.addTab(self._admit_tab(), self.tr("Let through"))
        self.tabs.addTab(self._leaders_tab(), self.tr("Company leaders"))
        self.patrol = PatrolNoticesPanel(station)
        self.tabs.addTab(self.patrol, self.tr("Patrol notices"))
        layout.addWidget(self.tabs, 1)
        self.status = self.add_status(layout, "admissionsStatus", self.tr("Last action result"))
        self.transient(
            self.name_edit, self.unit_edit, self.call_note_edit, self.company_edit, self.work_card_edit,
            self.permit_edit, self.note_edit, self.leader_name_edit, self.leader_title_edit,
            self.leader_company_edit, self.leader_reason_edit,
        )  # fmt: skip
        cap_forms(self)
        self._kind_chosen()
        self.set_session(None)

    # --- layout -----------------------------------------------------------------------------------
    def _admit_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.form = QFormLayout()
        self.kind_combo = named(QComboBox(), "admissionKindCombo", self.tr("Who is it"))
        self.kind_combo.currentIndexChanged.connect(self._kind_chosen)
        self.hint = named(QLabel(), "admissionHintLabel", self.tr("What the procedure says"))
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #37474f;")
        self.name_edit = named(QLineEdit(), "admissionNameEdit", self.tr("Name"))
        self.name_edit.setMaxLength(NAME_MAX_CHARS)
        self.unit_edit = named(QLineEdit(), "admissionUnitEdit", self.tr("Unit"))
        self.unit_edit.setMaxLength(UNIT_MAX)
        self.unit_edit.setPlaceholderText(self.tr("e.g. 2-104"))
        self.way_combo = named(QComboBox(), "admissionWayCombo", self.tr("How it was checked"))
        self.way_combo.addItem(self.tr("Intercom: the unit agreed"), ApprovalWay.DESK_CALL)
        self.way_combo.addItem(
            self.tr("Nobody home: name checked against the resident records (patrol told)"),
            ApprovalWay.RESIDENT_RECORDS,
        )
        self.way_combo.currentIndexChanged.connect(self._kind_chosen)
        self.call_note_edit = named(QLineEdit(), "admissionCallNoteEdit", self.tr("The intercom call"))
        self.call_note_edit.setMaxLength(NOTE_MAX)
        self.call_note_edit.setPlaceholderText(self.tr("Whom you spoke to and what they said"))
        self.leader_combo = named(QComboBox(), "admissionLeaderCombo", self.tr("Leader from the list"))
        self.company_edit = named(QLineEdit(), "admissionCompanyEdit", self.tr("Company or department"))
        self.company_edit.setMaxLength(LEADER_COMPANY_MAX)
        self.work_card_edit = named(QLineEdit(), "admissionWorkCardEdit", self.tr("Work card number"))
        self.work_card_edit.setMaxLength(WORK_CARD_MAX)
        self.permit_edit = named(QLineEdit(), "admissionPermitEdit", self.tr("Permit"))
        self.permit_edit.setMaxLength(PERMIT_CODE_MAX)
        self.permit_edit.setPlaceholderText(self.tr("Scan the permit's QR or type its number"))
        self.note_edit = named(QLineEdit(), "admissionNoteEdit", self.tr("Note"))
        self.note_edit.setMaxLength(NOTE_MAX)
        self.admit_button = action_button(
            self.tr("Let through and record"), "admitButton", self.tr("Let the person through and record it")
        )
        self.admit_button.clicked.connect(self.admit)
        self.form.addRow(self.tr("Who"), self.kind_combo)
        self.form.addRow("", self.hint)
        self.form.addRow(self.tr("Name"), self.name_edit)
        self.form.addRow(self.tr("Unit"), self.unit_edit)
        self.form.addRow(self.tr("Checked by"), self.way_combo)
        self.form.addRow(self.tr("Intercom call"), self.call_note_edit)
        self.form.addRow(self.tr("Leader"), self.leader_combo)
        self.form.addRow(self.tr("Company"), self.company_edit)
        self.form.addRow(self.tr("Work card"), self.work_card_edit)
        self.form.addRow(self.tr("Permit"), self.permit_edit)
        self.form.addRow(self.tr("Note"), self.note_edit)
        self.form.addRow(self.admit_button)
        layout.addLayout(self.form)
        title = QLabel(self.tr("Today's admissions"))
        title.setStyleSheet("font-weight: bold;")
        layout.addWidget(title)
        self.today_model = AdmissionsModel(self._station)
        self.today_table = table_view("admissionsTable", self.tr("Today's admissions"), self.today_model)
        layout.addWidget(self.today_table, 1)
        return tab

    def _leaders_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        hint = QLabel(
            self.tr(
                "Company leaders who are not residents (附名单): greet them by their title and let them through."
            )
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.show_retired = named(QCheckBox(self.tr("Show leaders taken off the list")), "leadersRetiredCheck",
                                  self.tr("Show leaders taken off the list"))  # fmt: skip
        self.show_retired.toggled.connect(self.refresh)
        layout.addWidget(self.show_retired)
        self.leaders_model = LeadersModel(self._station)
        self.leaders_table = table_view("leadersTable", self.tr("Company leaders' list"), self.leaders_model)
        layout.addWidget(self.leaders_table, 1)
        form = QFormLayout()
        self.leader_name_edit = named(QLineEdit(), "leaderNameEdit", self.tr("Leader's name"))
        self.leader_name_edit.setMaxLength(LEADER_NAME_MAX)
        self.leader_title_edit = named(QLineEdit(), "leaderTitleEdit", self.tr("How the desk greets them"))
        self.leader_title_edit.setMaxLength(LEADER_TITLE_MAX)
        self.leader_title_edit.setPlaceholderText(self.tr("e.g. 王总"))
        self.leader_company_edit = named(QLineEdit(), "leaderCompanyEdit", self.tr("Leader's company"))
        self.leader_company_edit.setMaxLength(LEADER_COMPANY_MAX)
        form.addRow(self.tr("Name"), self.leader_name_edit)
        form.addRow(self.tr("Greeting"), self.leader_title_edit)
        form.addRow(self.tr("Company"), self.leader_company_edit)
        layout.addLayout(form)
        self.add_leader_button = action_button(
            self.tr("Add to the list"), "addLeaderButton", self.tr("Add the leader to the list")
        )
        self.add_leader_button.clicked.connect(self.add_leader)
        self.leader_reason_edit = named(QLineEdit(), "leaderReasonEdit", self.tr("Why taken off the list"))
        self.leader_reason_edit.setMaxLength(REASON_MAX)
        self.leader_reason_edit.setPlaceholderText(self.tr("Why taken off the list (required)"))
        self.retire_leader_button = action_button(
            self.tr("Take off the list"),
            "retireLeaderButton",
            self.tr("Take the selected leader off the list"),
        )
        self.retire_leader_button.clicked.connect(self.retire_leader)
        row = QHBoxLayout()
        row.addWidget(self.add_leader_button)
        row.addStretch(1)
        row.addWidget(self.leader_reason_edit, 2)
        row.addWidget(self.retire_leader_button)
        layout.addLayout(row)
        return tab

    # --- session and reading ----------------------------------------------------------------------
    def _may(self, permission: Permission) -> bool:
        return self.session is not None and allowed(self.session.role, permission)

    def set_session(self, who: SignedIn | None) -> None:
        super().set_session(who)
        self.patrol.set_session(who)
        self._sending = False
        self._enable()
        if self._may(Permission.DECIDE_VISITS):
            self.refresh()
        else:
            self.today_model.set_rows([])
            self.leaders_model.set_rows([])
            self.leader_combo.clear()

    def clear_transient(self) -> None:
        super().clear_transient()
        self.today_table.clearSelection()
        self.leaders_table.clearSelection()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._may(Permission.DECIDE_VISITS):
            self.refresh()

    def on_server_event(self, topic: str) -> None:
        self.patrol.on_server_event(topic)
        if topic in ("admissions", "leaders", "connected", "resync") and self._may(Permission.DECIDE_VISITS):
            self.refresh()

    def _enable(self) -> None:
        deciding = self._may(Permission.DECIDE_VISITS) and not self._sending
        self.admit_button.setEnabled(deciding)
        keeping = self._may(Permission.KEEP_LEADERS_LIST) and not self._sending
        for widget in (
            self.add_leader_button,
            self.retire_leader_button,
            self.leader_name_edit,
            self.leader_title_edit,
            self.leader_company_edit,
            self.leader_reason_edit,
        ):
            widget.setEnabled(keeping)

    def refresh(self) -> None:
        kinds, retired = self._station.visitor_kinds, self.show_retired.isChecked()

        def load() -> _Loaded:
            return kinds.rules(), kinds.recent(), kinds.leaders(retired)

        QueryOp(self, load, self._loaded, key="load", reads_only=True).failure(
            self._failed
        ).run_in_background()

    def _loaded(self, loaded: _Loaded) -> None:
        if not self._may(Permission.DECIDE_VISITS):
            return
        rules, recent, leaders = loaded
        self._show_kinds(rules)
        zone = self._station.site.timezone
        today = self._station.clock.now().astimezone(zone).date()
        self.today_model.set_rows([a for a in recent if a.at.astimezone(zone).date() == today])
        keeping_selection(
            self.leaders_table, self.leaders_model, lambda leader: leader.leader_id,
            lambda: self.leaders_model.set_rows(leaders),
        )  # fmt: skip
        self._show_leaders([leader for leader in leaders if leader.active])

    def _show_kinds(self, rules: list[KindRule]) -> None:
        offered = {rule.kind for rule in rules}
        kinds = [kind for kind in ADMISSION_KINDS if kind in offered]
        if [self.kind_combo.itemData(i) for i in range(self.kind_combo.count())] == kinds:
            return
        chosen = self.kind_combo.currentData()
        self.kind_combo.blockSignals(True)
        self.kind_combo.clear()
        for kind in kinds:
            self.kind_combo.addItem(kind_name(kind), kind)
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(chosen)))
        self.kind_combo.blockSignals(False)
        self._kind_chosen()

    def _show_leaders(self, leaders: list[LeaderView]) -> None:
        chosen = self.leader_combo.currentData()
        self.leader_combo.clear()
        for leader in leaders:
            self.leader_combo.addItem(leader_text(leader), leader.leader_id)
        self.leader_combo.setCurrentIndex(max(0, self.leader_combo.findData(chosen)))

    def _failed(self, error: Exception) -> None:
        self.status.show_error(error_message(error))

    # --- the form ---------------------------------------------------------------------------------
    def chosen_kind(self) -> VisitorKind | None:
        kind = self.kind_combo.currentData()
        return kind if isinstance(kind, VisitorKind) else None

    def choose_kind(self, kind: VisitorKind) -> None:
        """As the clerk picks ``kind`` in the list (tests, a scanned permit)."""
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind))

    def _kind_chosen(self) -> None:
        kind = self.chosen_kind()
        intercom = self.way_combo.currentData() is ApprovalWay.DESK_CALL
        rows = {
            self.name_edit: kind in (VisitorKind.RESIDENT_NO_CARD, VisitorKind.STAFF),
            self.unit_edit: kind is VisitorKind.RESIDENT_NO_CARD,
            self.way_combo: kind is VisitorKind.RESIDENT_NO_CARD,
            self.call_note_edit: kind is VisitorKind.RESIDENT_NO_CARD and intercom,
            self.leader_combo: kind is VisitorKind.COMPANY_LEADER,
            self.company_edit: kind is VisitorKind.STAFF,
            self.work_card_edit: kind is VisitorKind.STAFF,
            self.permit_edit: kind is VisitorKind.PERMIT_HOLDER,
        }
        for widget, shown in rows.items():
            self.form.setRowVisible(widget, shown)
        self.hint.setText(self._hint(kind))
        self.admit_button.setText(
            self.tr("Door opened")
            if kind is VisitorKind.RESIDENT_KNOWN
            else self.tr("Let through and record")
        )

    def _hint(self, kind: VisitorKind | None) -> str:
        """What seed 001's table tells the desk to do for ``kind``."""
        if kind is VisitorKind.RESIDENT_KNOWN:
            return self.tr(
                "Let them use their card or code; if they forgot it, open the door and remind them to "
                "bring it next time. Nothing goes in the visitor record."
            )
        if kind is VisitorKind.RESIDENT_NO_CARD:
            return self.tr(
                "Ask them to call the unit on the intercom and let them in once the unit agrees. If "
                "nobody is home, ask their name and check it against the resident records: the patrol "
                "guard is told to follow them."
            )
        if kind is VisitorKind.COMPANY_LEADER:
            return self.tr("Greet them by their title (e.g. 王总) and let them through.")
        if kind is VisitorKind.STAFF:
            return self.tr("Check their work card; let them through if it is in order.")
        if kind is VisitorKind.PERMIT_HOLDER:
            return self.tr(
                "Check the permit (出入证): only a valid permit on the management office's register "
                "lets them in."
            )
        return self.tr("Visitors to someone are registered on the Walk-in registration page.")

    def _request(self, kind: VisitorKind) -> AdmissionRequest:
        leader = self.leader_combo.currentData() if kind is VisitorKind.COMPANY_LEADER else None
        way = self.way_combo.currentData() if kind is VisitorKind.RESIDENT_NO_CARD else None
        return AdmissionRequest(
            kind,
            name=self.name_edit.text() if kind in (VisitorKind.RESIDENT_NO_CARD, VisitorKind.STAFF) else "",
            unit=self.unit_edit.text() if kind is VisitorKind.RESIDENT_NO_CARD else "",
            company=self.company_edit.text() if kind is VisitorKind.STAFF else "",
            way=way if isinstance(way, ApprovalWay) else None,
            leader_id=leader if isinstance(leader, int) else None,
            work_card=self.work_card_edit.text() if kind is VisitorKind.STAFF else "",
            permit_code=self.permit_edit.text() if kind is VisitorKind.PERMIT_HOLDER else "",
            call_note=self.call_note_edit.text() if way is ApprovalWay.DESK_CALL else "",
            note=self.note_edit.text(),
        )

    def admit(self) -> None:
        kind = self.chosen_kind()
        if not self._may(Permission.DECIDE_VISITS) or self._sending:
            return
        if kind is None:
            self.status.show_error(self.tr("This site lets nobody through here: see the site settings."))
            return
        if kind is VisitorKind.COMPANY_LEADER and self.leader_combo.currentData() is None:
            self.status.show_error(self._message(ValidationError("leader", "not_on_list")))
            return
        request, kinds = self._request(kind), self._station.visitor_kinds
        self._sending = True
        self._enable()
        QueryOp(self, lambda: kinds.admit(request), self._admitted).failure(self._refused).run_in_background()

    def _admitted(self, view: AdmissionView) -> None:
        self._sending = False
        self._enable()
        for edit in (self.name_edit, self.unit_edit, self.call_note_edit, self.company_edit,
                     self.work_card_edit, self.permit_edit, self.note_edit):  # fmt: skip
            edit.clear()
        self.status.setText(self._admitted_text(view))
        self.refresh()

    def _admitted_text(self, view: AdmissionView) -> str:
        if view.admission_id is None:
            return self.tr("Door opened for a resident known by sight (not recorded).")
        who = " ".join(part for part in (view.reference if view.kind is VisitorKind.COMPANY_LEADER else "",
                                         view.name, view.unit) if part)  # fmt: skip
        text = (
            self.tr("Let through and recorded: %1 (%2).").replace("%1", who).replace("%2", way_name(view.way))
        )
        if view.kind is VisitorKind.PERMIT_HOLDER and view.permit_number:
            text = (
                self.tr("Permit %1 valid: %2 let in and recorded.")
                .replace("%1", view.permit_number)
                .replace("%2", view.name)
            )
        if view.way is ApprovalWay.RESIDENT_RECORDS:
            text += " " + (
                self.tr("The patrol guard was told to follow.")
                if view.patrol_notified
                else self.tr("The patrol guard could NOT be told: radio them now.")
            )
        return text

    def _refused(self, error: Exception) -> None:
        self._sending = False
        self._enable()
        self.status.show_error(
            self._message(error) if isinstance(error, ValidationError) else error_message(error)
        )

    def _message(self, error: ValidationError) -> str:
        # The check-in's own names are about the visitor at the kiosk; here the clerk types them.
        if error.field == "visitor_name":
            return {
                "required": self.tr("Enter the person's name."),
                "too_long": self.tr("The name has at most %1 characters.").replace("%1", str(NAME_MAX_CHARS)),
            }.get(error.code, error_message(error))
        return error_message(error)

    # --- scanning ---------------------------------------------------------------------------------
    def wants(self, code: str) -> bool:
        # A permit scanned while the clerk lets a permit holder through is this page's, not the
        # Permits page's (which takes permits scanned anywhere else).
        return self.isVisible() and self.chosen_kind() is VisitorKind.PERMIT_HOLDER and is_permit_code(code)

    def scanned(self, code: str) -> None:
        self.tabs.setCurrentIndex(0)
        self.permit_edit.setText(code.strip())
        self.admit_button.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- the leaders' list ------------------------------------------------------------------------
    def add_leader(self) -> None:
        if not self._may(Permission.KEEP_LEADERS_LIST) or self._sending:
            return
        name, title = self.leader_name_edit.text(), self.leader_title_edit.text()
        company, kinds = self.leader_company_edit.text(), self._station.visitor_kinds
        self._sending = True
        self._enable()

        def added(leader: LeaderView) -> None:
            self._sending = False
            self._enable()
            for edit in (self.leader_name_edit, self.leader_title_edit, self.leader_company_edit):
                edit.clear()
            self.status.setText(self.tr("%1 added to the leaders' list.").replace("%1", leader_text(leader)))
            self.refresh()

        QueryOp(self, lambda: kinds.add_leader(name, title, company), added).failure(
            self._refused
        ).run_in_background()

    def retire_leader(self) -> None:
        if not self._may(Permission.KEEP_LEADERS_LIST) or self._sending:
            return
        rows = self.leaders_table.selectionModel().selectedRows()
        if not rows:
            self.status.show_error(self.tr("Select a leader in the list first."))
            return
        leader = self.leaders_model.leader(rows[0].row())
        reason, kinds = self.leader_reason_edit.text(), self._station.visitor_kinds
        self._sending = True
        self._enable()

        def retired(view: LeaderView) -> None:
            self._sending = False
            self._enable()
            self.leader_reason_edit.clear()
            self.status.setText(
                self.tr("%1 taken off the leaders' list (kept on record).").replace("%1", leader_text(view))
            )
            self.refresh()

        QueryOp(self, lambda: kinds.retire_leader(leader.leader_id, reason), retired).failure(
            self._refused
        ).run_in_background()
