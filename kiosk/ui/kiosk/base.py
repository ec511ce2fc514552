"""What every page of the visitor's kiosk is built from: a page that re-sets its text on a
language switch, the check-in step frame (title, progress, what to fix, Back/Next), labels
and fields that stop at the service's limits.
"""

from __future__ import annotations

from PySide6.QtCore import QChildEvent, QEvent, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from kiosk.domain.errors import ValidationError
from kiosk.ui.common.messages import validation_message
from kiosk.ui.common.widgets import named
from kiosk.ui.kiosk.journey import VisitDraft

STEP_COUNT = 6


def wrapped_label(role: str = "") -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    if role:
        label.setProperty("role", role)
    return label


def back_and_primary(
    layout: QVBoxLayout, back_name: str, primary_name: str
) -> tuple[QPushButton, QPushButton]:
    """The bottom row every page has: Back on the left, the page's main action on the right."""
    row = QHBoxLayout()
    back = named(QPushButton(), back_name, "")
    primary = named(QPushButton(), primary_name, "")
    primary.setProperty("role", "primary")
    row.addWidget(back)
    row.addStretch(1)
    row.addWidget(primary)
    layout.addLayout(row)
    return back, primary


class LengthHint(QLabel):
    """Under a text field: the field takes no more than the service accepts (``max_chars``), and
    says so the moment the visitor reaches the limit, not only when they tap Next."""

    def __init__(self, edit: QLineEdit, max_chars: int) -> None:
        super().__init__()
        self.setObjectName(f"{edit.objectName()}LimitHint")
        self.setWordWrap(True)
        self.setProperty("role", "error")
        self._edit = edit
        self._max = max_chars
        edit.setMaxLength(max_chars)
        edit.textChanged.connect(self._update)
        self.hide()
        self._update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._update()
        super().changeEvent(event)

    def _update(self) -> None:
        self.setAccessibleName(self.tr("Length limit"))
        self.setText(
            self.tr("That is the most this field takes: %1 characters.").replace("%1", str(self._max))
        )
        full = len(self._edit.text()) >= self._max
        if self.parentWidget() is not None:  # shown only once it sits in its page
            self.setVisible(full)


def limited_field(layout: QVBoxLayout, edit: QLineEdit, max_chars: int) -> QLineEdit:
    """Add ``edit`` to ``layout`` with its length limit and the hint under it."""
    layout.addWidget(edit)
    layout.addWidget(LengthHint(edit, max_chars))
    return edit


class TranslatedPage(QWidget):
    """A page whose visible text is set in :meth:`retranslate`, run again on a language switch."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        raise NotImplementedError


class StepPage(TranslatedPage):
    """A step of the check-in: title, "step n of 6", the step's content, what to fix, Back/Next."""

    back_requested = Signal()
    next_requested = Signal()

    def __init__(self, object_name: str, step: int, draft: VisitDraft, with_next: bool = True) -> None:
        super().__init__()
        self.setObjectName(object_name)
        self.step = step
        self.draft = draft
        outer = QVBoxLayout(self)
        outer.setContentsMargins(60, 30, 60, 30)
        header = QHBoxLayout()
        self.title = wrapped_label("title")
        self.progress = named(QLabel(), f"{object_name}Progress", "")
        self.progress.setStyleSheet("color: #455a64;")
        header.addWidget(self.title, 1)
        header.addWidget(self.progress)
        outer.addLayout(header)
        self.body = QVBoxLayout()
        outer.addLayout(self.body, 1)
        self.error_label = named(wrapped_label("error"), f"{object_name}Error", "")
        outer.addWidget(self.error_label)
        buttons = QHBoxLayout()
        self.back_button = named(QPushButton(), f"{object_name}BackButton", "")
        self.back_button.clicked.connect(self.back_requested)
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        self.next_button = named(QPushButton(), f"{object_name}NextButton", "")
        self.next_button.setProperty("role", "primary")
        self.next_button.clicked.connect(self._next)
        self.next_button.setVisible(with_next)
        buttons.addWidget(self.next_button)
        outer.addLayout(buttons)

    def retranslate(self) -> None:
        self.progress.setText(
            self.tr("Step %1 of %2").replace("%1", str(self.step)).replace("%2", str(STEP_COUNT))
        )
        self.progress.setAccessibleName(self.tr("Progress"))
        self.error_label.setAccessibleName(self.tr("What to fix"))
        self.back_button.setText(self.tr("Back"))
        self.back_button.setAccessibleName(self.tr("Back"))
        self.next_button.setText(self.tr("Next"))
        self.next_button.setAccessibleName(self.tr("Next"))

    def childEvent(self, event: QChildEvent) -> None:
        super().childEvent(event)
        child = event.child()
        if event.added() and isinstance(child, QLineEdit):
            # The message was about what stood there before: it goes as the visitor corrects it.
            child.textEdited.connect(self.error_label.clear)

    def enter(self) -> None:
        """Called each time the page is shown: fill the fields from the draft."""
        self.error_label.clear()

    def commit(self) -> None:
        """Check the page's fields and write them to the draft; raise ValidationError to stay."""

    def show_error(self, error: ValidationError) -> None:
        self.error_label.setText(validation_message(error))

    def _next(self) -> None:
        try:
            self.commit()
        except ValidationError as error:
            self.show_error(error)
            return
        self.error_label.clear()
        self.next_requested.emit()
