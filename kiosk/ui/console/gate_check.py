"""What the guard's two checks at the gate share (a release slip, a permit): a field the scanner
types into with its Check button, a big coloured verdict, the record's details and list, and two
large coloured decisions. Each check words its own texts; this is only their common frame."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget, QPushButton

from kiosk.client.http import ServerUnreachableError
from kiosk.domain.staff import Permission, SignedIn, allowed
from kiosk.ui.common.messages import error_message
from kiosk.ui.common.widgets import SectionPage

GOOD = "background: #c8e6c9; color: #1b5e20;"
BAD = "background: #ffcdd2; color: #b71c1c;"
WAIT = "background: #fff3cd; color: #7a4f01;"  # not decided yet: try again, or call the desk
_BUTTON = (
    "QPushButton { font-size: 20px; font-weight: bold; color: white; background: {colour}; }"
    " QPushButton:disabled { color: #9e9e9e; background: #e0e0e0; }"
)


class GateCheck(SectionPage):
    """A code checked with the server, then one of two decisions recorded. ``permission``: who may
    check; ``verdict_style``: the verdict's font and padding (a colour is added per answer)."""

    code_edit: QLineEdit
    verdict: QLabel

    def __init__(self, permission: Permission, verdict_style: str) -> None:
        super().__init__()
        self._permission = permission
        self._verdict_style = verdict_style
        # Another check's codes typed or scanned here (a permit's number where slips are checked,
        # or the other way round): the window hands them over; True when it took the code.
        self.elsewhere: Callable[[str], bool] = lambda _code: False

    # --- building -------------------------------------------------------------------------------
    def _add_code_row(
        self, layout: QBoxLayout, title: str, title_px: int, edit: QLineEdit, button: QPushButton
    ) -> None:
        heading = QLabel(title)
        heading.setStyleSheet(f"font-size: {title_px}px; font-weight: bold;")
        layout.addWidget(heading)
        self.code_edit = edit
        edit.returnPressed.connect(self.check)
        button.clicked.connect(self.check)
        row = QHBoxLayout()
        row.addWidget(edit, 1)
        row.addWidget(button)
        layout.addLayout(row)

    def _add_answer(
        self, layout: QBoxLayout, verdict: QLabel, details: QLabel, listed: QListWidget, font_px: int
    ) -> None:
        """The verdict, the record's details and its list (goods, materials) under the code."""
        self.verdict = verdict
        verdict.setWordWrap(True)
        details.setWordWrap(True)
        details.setStyleSheet(f"font-size: {font_px}px;")
        listed.setStyleSheet(f"font-size: {font_px}px;")
        layout.addWidget(verdict)
        layout.addWidget(details)

    @staticmethod
    def _add_decisions(
        layout: QBoxLayout, note: QLineEdit, go: QPushButton, stop: QPushButton, height: int
    ) -> None:
        """The note, then the two decisions: big and coloured, for they are made at arm's length
        with the goods or the worker in front of the guard."""
        for button, colour in ((go, "#2e7d32"), (stop, "#c62828")):
            button.setMinimumHeight(height)
            button.setStyleSheet(_BUTTON.replace("{colour}", colour))
        layout.addWidget(note)
        actions = QHBoxLayout()
        actions.addWidget(go, 1)
        actions.addWidget(stop, 1)
        layout.addLayout(actions)

    # --- the code -------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.code_edit.setFocus()  # the scanner types wherever the focus is: be ready for it

    def _who(self) -> SignedIn | None:
        who = self.session
        return who if who is not None and allowed(who.role, self._permission) else None

    def owns(self, code: str) -> bool:
        """Whether ``code`` is surely this check's own (never handed to ``elsewhere``)."""
        return False

    def scan(self, code: str) -> None:
        """A code from the scanner (typed by the wedge anywhere in the window)."""
        self.code_edit.setText(code)
        self.check()

    def check(self) -> None:
        taken = self._take_code()
        if taken is not None:
            self._check(*taken)

    def _take_code(self) -> tuple[SignedIn, str] | None:
        """The person who may check and the code typed, or None (nobody, nothing typed, or another
        check took it). The field is emptied at once, even for a typing mistake: the next scan
        must not land after the old text."""
        who = self._who()
        code = self.code_edit.text().strip()
        if who is None or not code:
            return None
        self.code_edit.clear()
        if not self.owns(code) and self.elsewhere(code):
            return None
        return who, code

    def _check(self, who: SignedIn, code: str) -> None:
        """Ask the server about ``code`` (each check its own register)."""
        raise NotImplementedError

    # --- the verdict ----------------------------------------------------------------------------
    def _say(self, text: str, good: bool) -> None:
        self.verdict.setText(text)
        self.verdict.setStyleSheet(self._verdict_style + (GOOD if good else BAD))

    def _say_failure(self, error: Exception, unanswered: str) -> None:
        """What stopped the check; what is on screen stays. ``unanswered``: the words for a server
        that does not answer (nothing is decided: do not let anything through yet)."""
        if isinstance(error, ServerUnreachableError):
            self.verdict.setText(unanswered)
            self.verdict.setStyleSheet(self._verdict_style + WAIT)
            return
        self._say(error_message(error), good=False)
