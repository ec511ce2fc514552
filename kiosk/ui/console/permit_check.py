"""A permit shown at the desk or the lobby guard's screen (管理处开具的凭据): scan its QR or type its
number; the server says whether it is good today, with the permit, and the guard or clerk lets
the goods or the worker in, or refuses with the reason. Refusals of the register (expired,
cancelled, not yet valid, unknown) are worded by kiosk.ui.common.messages, as at the kiosk."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QVBoxLayout

from kiosk.client.http import RetryKey, ServerUnreachableError
from kiosk.client.station import Station
from kiosk.domain.permit_views import PermitCheck, PermitView
from kiosk.domain.permits import EntryDecision, PermitOutcome, is_permit_code
from kiosk.domain.staff import Permission, SignedIn
from kiosk.ui.common.messages import error_message
from kiosk.ui.common.operations import QueryOp
from kiosk.ui.common.permit_words import days_text, kind_name, route_name
from kiosk.ui.common.widgets import action_button, id_type_names, named
from kiosk.ui.console.gate_check import GateCheck


class PermitCheckPanel(GateCheck):
    def __init__(self, station: Station) -> None:
        super().__init__(Permission.CHECK_PERMITS, "font-size: 22px; font-weight: bold; padding: 10px; ")
        self.setObjectName("permitCheckPanel")
        self._station = station
        self._zone = station.site.timezone
        self._permit: PermitView | None = None
        # A let-in sent again after "cannot verify" carries the first try's key: one row, not two.
        self._entry_key = RetryKey()
        layout = QVBoxLayout(self)
        code_edit = named(QLineEdit(), "permitCodeEdit", self.tr("Permit code"))
        code_edit.setPlaceholderText(self.tr("Scan the QR, or type the number, e.g. CL000001"))
        self.check_button = action_button(self.tr("Check"), "permitCheckButton", self.tr("Check the permit"))
        self._add_code_row(
            layout,
            self.tr("Check a permit: scan its QR or type its number"),
            18,
            code_edit,
            self.check_button,
        )
        self.details = named(QLabel(), "permitDetails", self.tr("Permit details"))
        self.materials = named(QListWidget(), "permitMaterials", self.tr("Materials on the permit"))
        self._add_answer(
            layout,
            named(QLabel(), "permitVerdict", self.tr("What the permit is")),
            self.details,
            self.materials,
            16,
        )
        self.materials.setMaximumHeight(140)
        layout.addWidget(self.materials)
        self.reason_edit = named(QLineEdit(), "permitRefuseReasonEdit", self.tr("Why it is refused"))
        self.reason_edit.setPlaceholderText(
            self.tr("Why refused (required to refuse), e.g. the goods differ")
        )
        self.let_in_button = action_button(
            self.tr("Let in"), "permitLetInButton", self.tr("Record the let-in")
        )
        self.let_in_button.clicked.connect(lambda: self._record(EntryDecision.LET_IN))
        self.refuse_button = action_button(
            self.tr("Refuse"), "permitRefuseButton", self.tr("Refuse entry with the reason")
        )
        self.refuse_button.clicked.connect(lambda: self._record(EntryDecision.REFUSED))
        self._add_decisions(layout, self.reason_edit, self.let_in_button, self.refuse_button, 60)
        self.transient(self.code_edit, self.verdict, self.details, self.reason_edit)
        self._show(None)

    def clear_transient(self) -> None:
        super().clear_transient()
        self._show(None)

    def wants(self, code: str) -> bool:
        return is_permit_code(code)

    def owns(self, code: str) -> bool:
        return is_permit_code(code)

    def scanned(self, code: str) -> None:
        self.scan(code)

    def _check(self, who: SignedIn, code: str) -> None:
        permits = self._station.permits
        QueryOp(
            self, lambda: permits.check(code), lambda result: self._checked(who, result), key="check"
        ).failure(lambda error: self._failed(who, error)).run_in_background()

    def _checked(self, who: SignedIn, result: PermitCheck) -> None:
        if self.session is not who:
            return
        refused = result.refusal()
        permit = result.permit
        if refused is None and permit is not None:
            self._say(
                self.tr("VALID: %1. Check the goods or the worker against it.").replace(
                    "%1", f"{kind_name(permit.kind)} {permit.number}"
                ),
                good=True,
            )
        elif refused is not None:
            self._say(self.tr("REFUSE: %1").replace("%1", error_message(refused)), good=False)
        self._show(permit, actionable=result.outcome is PermitOutcome.VALID)

    def _failed(self, who: SignedIn, error: Exception) -> None:
        if self.session is not who:
            return
        self._say_failure(
            error,
            self.tr("Cannot verify: the server does not answer. Do not let anyone in yet; call the desk."),
        )

    def _show(self, permit: PermitView | None, actionable: bool = False) -> None:
        self._permit = permit if actionable else None
        for widget in (self.let_in_button, self.refuse_button, self.reason_edit):
            widget.setEnabled(actionable)
        self.materials.clear()
        self.materials.setVisible(permit is not None and permit.kind.is_material)
        if permit is None:
            self.details.clear()
            return
        self.details.setText("\n".join(self._lines(permit)))
        for material in permit.materials:
            self.materials.addItem(f"{material.name} × {material.quantity}")

    def _lines(self, permit: PermitView) -> list[str]:
        lines = [
            self.tr("%1 %2 · valid %3")
            .replace("%1", kind_name(permit.kind))
            .replace("%2", permit.number)
            .replace("%3", days_text(permit.valid_from, permit.valid_until))
        ]
        if permit.unit:
            lines.append(self.tr("Unit: %1").replace("%1", permit.unit))
        if permit.holder_name:
            shown = permit.holder_name
            if permit.id_last_four:
                kind = id_type_names().get(permit.id_type, permit.id_type)
                shown += f" · {kind} ****{permit.id_last_four}"
            lines.append(self.tr("Holder: %1").replace("%1", shown))
        if permit.company:
            lines.append(self.tr("Company: %1").replace("%1", permit.company))
        if permit.route is not None:
            lines.append(self.tr("Goes up by: %1").replace("%1", route_name(permit.route)))
        if permit.note:
            lines.append(self.tr("Note: %1").replace("%1", permit.note))
        if permit.cancel_reason:
            lines.append(self.tr("Cancelled: %1").replace("%1", permit.cancel_reason))
        let_ins = [e for e in permit.entries if e.decision is EntryDecision.LET_IN]
        if let_ins:
            last = let_ins[0]
            lines.append(
                self.tr("Let in %1 time(s) before; last %2 by %3")
                .replace("%1", str(len(let_ins)))
                .replace("%2", last.at.astimezone(self._zone).strftime("%Y-%m-%d %H:%M"))
                .replace("%3", last.by_name)
            )
        return lines

    def _record(self, decision: EntryDecision) -> None:
        who, permit = self._who(), self._permit
        if who is None or permit is None:
            return
        note = self.reason_edit.text()
        if decision is EntryDecision.REFUSED and not note.strip():
            self._say(self.tr("Type why it is refused first."), good=False)
            self.reason_edit.setFocus()
            return
        key = self._entry_key.key_for((decision, permit.permit_id, note))
        permits, permit_id = self._station.permits, permit.permit_id
        for widget in (self.let_in_button, self.refuse_button):
            widget.setEnabled(False)  # one press at a time: the answer decides what comes next
        QueryOp(
            self,
            lambda: permits.record_entry(permit_id, decision, note, key),
            lambda done: self._recorded(who, done, decision),
        ).failure(lambda error: self._record_failed(who, error)).run_in_background()

    def _recorded(self, who: SignedIn, done: PermitView, decision: EntryDecision) -> None:
        self._entry_key.answered()
        if self.session is not who:
            return
        if decision is EntryDecision.LET_IN:
            self._say(self.tr("Let in on permit %1.").replace("%1", done.number), good=True)
        else:
            self._say(
                self.tr("Refused on permit %1; the reason is on record.").replace("%1", done.number),
                good=False,
            )
        self.reason_edit.clear()
        self._show(done)
        self.code_edit.setFocus()

    def _record_failed(self, who: SignedIn, error: Exception) -> None:
        if self.session is not who:
            return
        # Unanswered: press again once the server answers. Refused (cancelled, past midnight): done.
        unanswered = isinstance(error, ServerUnreachableError) and self._permit is not None
        for widget in (self.let_in_button, self.refuse_button, self.reason_edit):
            widget.setEnabled(unanswered)
        self._failed(who, error)
