"""The lobby guard checks a release slip: scan its QR, compare the goods with the list, then let
them out (the slip is used up) or send the person back to the office (the slip is void).

The site server decides what a code is (the slip key never leaves it); the page asks it off the
GUI thread. When the server does not answer, the screen keeps what it showed and tells the guard,
in their language, that the slip cannot be verified: call the desk."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QVBoxLayout

from kiosk.client.http import RetryKey, ServerUnreachableError
from kiosk.client.station import Station
from kiosk.domain.documents import PartyKind
from kiosk.domain.staff import Permission, SignedIn
from kiosk.domain.text import sanitize_text
from kiosk.domain.views import ScanResult, SlipView
from kiosk.ui.common.operations import QueryOp
from kiosk.ui.common.widgets import action_button, named
from kiosk.ui.console.gate_check import WAIT, GateCheck

_VERDICT = "font-size: 24px; font-weight: bold; padding: 12px; "


class SlipVerifyPage(GateCheck):
    def __init__(self, station: Station) -> None:
        super().__init__(Permission.VERIFY_RELEASE_SLIPS, _VERDICT)
        self.setObjectName("slipVerifyPage")
        self._station = station
        self._zone = station.site.timezone
        self._slip: SlipView | None = None
        # A release or void sent again after "cannot verify" carries the first try's key: if the
        # first reached the server, the guard hears "released", not "already used" by themselves.
        self._close_key = RetryKey()
        layout = QVBoxLayout(self)
        code_edit = named(QLineEdit(), "slipCodeEdit", self.tr("Slip code"))
        code_edit.setPlaceholderText(self.tr("Scan, or type the code under the QR"))
        self.check_button = action_button(self.tr("Check"), "slipCheckButton", self.tr("Check the slip code"))
        self._add_code_row(
            layout, self.tr("Scan the release slip's QR code"), 20, code_edit, self.check_button
        )
        self.details = named(QLabel(), "slipDetails", self.tr("Slip details"))
        self.items = named(QListWidget(), "slipVerifyItems", self.tr("Items on the slip"))
        self._add_answer(
            layout, named(QLabel(), "slipVerdict", self.tr("What the slip is")), self.details, self.items, 18
        )
        layout.addWidget(self.items, 1)
        self.release_button = action_button(
            self.tr("Goods match: let them out"), "slipReleaseButton", self.tr("Mark the slip released")
        )
        self.release_button.clicked.connect(self._release)
        self.mismatch_note = named(QLineEdit(), "slipMismatchNoteEdit", self.tr("What does not match"))
        self.mismatch_note.setPlaceholderText(self.tr("What does not match (optional)"))
        self.mismatch_button = action_button(
            self.tr("Goods do not match: void the slip"),
            "slipMismatchButton",
            self.tr("Void the slip and send the person back to the office"),
        )
        self.mismatch_button.clicked.connect(self._mismatch)
        self.mismatch_note.setMinimumHeight(36)
        self._add_decisions(layout, self.mismatch_note, self.release_button, self.mismatch_button, 72)
        self._show(None)

    def set_session(self, who: SignedIn | None) -> None:
        super().set_session(who)
        self.code_edit.clear()
        self._show(None)
        self.verdict.clear()

    def _check(self, who: SignedIn, code: str) -> None:
        slips = self._station.release_slips
        QueryOp(
            self, lambda: slips.scan(code), lambda result: self._scanned(who, result, code), key="scan"
        ).failure(lambda error: self._scan_failed(who, error, code)).run_in_background()

    def _scanned(self, who: SignedIn, result: ScanResult, code: str) -> None:
        if self.session is who:  # not for whoever signed in after the scan
            self._verdict(result, code)

    def _scan_failed(self, who: SignedIn, error: Exception, code: str) -> None:
        if self.session is not who:
            return
        if isinstance(error, ServerUnreachableError) and not self.code_edit.text():
            self.code_edit.setText(code)  # Enter or Check tries the same code again
        self._failed(error)

    def _failed(self, error: Exception) -> None:
        """What stopped the check; the slip and list on screen stay as they were."""
        self._say_failure(
            error,
            self.tr(
                "Cannot verify: the server does not answer. Do not let the goods out yet; call the desk."
            ),
        )

    def _verdict(self, result: ScanResult, code: str) -> None:
        slip = result.slip
        if result.why:
            # A typed code that is short or does not match: most often a typing slip, so no
            # "forged" wording yet (the goods still stay in); the guard types it again.
            self.verdict.setText(self._retry_text(result.why).replace("%1", sanitize_text(code)[:40]))
            self.verdict.setStyleSheet(_VERDICT + WAIT)
            self._show(None)
            return
        if result.outcome == "invalid" or slip is None:
            self._say(
                self.tr(
                    "INVALID: this is not a release slip of this building, or it has been altered. "
                    "Do not let the goods out; call the office."
                ),
                good=False,
            )
            self._show(None)
            return
        if result.outcome == "valid":
            self._say(
                self.tr("Valid slip %1. Check the goods against the list.").replace("%1", slip.slip_number),
                good=True,
            )
            self._show(slip, actionable=True)
            return
        if result.outcome == "expired":
            until = (
                slip.valid_until.astimezone(self._zone).strftime("%Y-%m-%d %H:%M")
                if slip.valid_until
                else "?"
            )
            self._say(
                self.tr(
                    "EXPIRED: slip %1 was valid until %2. Do not let the goods out; "
                    "the holder asks the office for a new slip."
                )
                .replace("%1", slip.slip_number)
                .replace("%2", until),
                good=False,
            )
            self._show(slip)
            return
        if result.outcome == "used":
            text = self.tr("ALREADY USED: slip %1 was released on %2 by %3.")
        else:
            text = self.tr("VOIDED: slip %1 was voided on %2 by %3. Send the person back to the office.")
        self._say(self._fill(text, slip), good=False)
        self._show(slip)

    def _fill(self, text: str, slip: SlipView) -> str:
        when = slip.checked_at.astimezone(self._zone).strftime("%Y-%m-%d %H:%M") if slip.checked_at else "?"
        return (
            text.replace("%1", slip.slip_number)
            .replace("%2", when)
            .replace("%3", slip.checked_by_name or "?")
        )

    def _retry_text(self, why: str) -> str:
        if why == "number_only":
            return self.tr(
                "%1 is only the slip number. Type the whole code printed under the QR: "
                "the slip number and the 8 letters and digits after it."
            )
        return self.tr(
            "The code %1 does not match. Compare it with the code under the QR and type it again. "
            "If it still does not match, do not let the goods out; call the office."
        )

    def _set_actionable(self, actionable: bool) -> None:
        for widget in (self.release_button, self.mismatch_button, self.mismatch_note):
            widget.setEnabled(actionable)

    def _show(self, slip: SlipView | None, actionable: bool = False) -> None:
        self._slip = slip if actionable else None
        self._set_actionable(actionable)
        self.items.clear()
        if slip is None:
            self.details.clear()
            return
        kind = self.tr("Owner") if slip.party_kind is PartyKind.OWNER else self.tr("Tenant")
        issued = slip.issued_at.astimezone(self._zone).strftime("%Y-%m-%d %H:%M")
        self.details.setText(
            self.tr("Unit %1 · %2 %3 · issued %4 by %5")
            .replace("%1", slip.unit)
            .replace("%2", kind)
            .replace("%3", slip.holder_name)
            .replace("%4", issued)
            .replace("%5", slip.issued_by_name)
        )
        for item in slip.items:
            self.items.addItem(f"{item.name} × {item.quantity}")

    def _release(self) -> None:
        self._close(release=True)

    def _mismatch(self) -> None:
        self._close(release=False)

    def _close(self, release: bool) -> None:
        who, slip = self._who(), self._slip
        if who is None or slip is None:
            return
        note = self.mismatch_note.text()
        key = self._close_key.key_for((release, slip.slip_id, note))
        slips, slip_id = self._station.release_slips, slip.slip_id

        def send() -> SlipView:
            return slips.release(slip_id, key) if release else slips.mismatch(slip_id, note, key)

        # One press at a time: the answer decides what the buttons offer next.
        self._set_actionable(False)
        QueryOp(self, send, lambda done: self._closed(who, done, release)).failure(
            lambda error: self._close_failed(who, error)
        ).run_in_background()

    def _closed(self, who: SignedIn, done: SlipView, release: bool) -> None:
        self._close_key.answered()
        if self.session is not who:
            return
        if release:
            self._say(self.tr("Released: slip %1 is now used up.").replace("%1", done.slip_number), good=True)
        else:
            self._say(
                self.tr("Slip %1 voided. Send the person back to the office for a new slip.").replace(
                    "%1", done.slip_number
                ),
                good=False,
            )
        self.mismatch_note.clear()
        self._show(done)
        self.code_edit.setFocus()

    def _close_failed(self, who: SignedIn, error: Exception) -> None:
        if self.session is not who:
            return
        # Unanswered: the slip stays, with its buttons, to press again once the server answers.
        # Refused (used or voided meanwhile at another screen): nothing more to press.
        self._set_actionable(isinstance(error, ServerUnreachableError) and self._slip is not None)
        self._failed(error)
        self.code_edit.setFocus()
