"""The desk's call about a waiting visit, recorded (对讲 intercom / 电话 phone): whom it called, on
which number, what they said. Agreed lets the visitor in, declined turns them away, no answer
leaves the visit waiting; every call is kept with the visit (kiosk.services.desk_visits).

Used by the lobby board's waiting list and the walk-in page: ``CallRecorder.start`` fetches the
visit's numbers, asks, and sends the call, off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.client.station import Station
from kiosk.domain.calls import (
    CALL_NOTE_MAX,
    CALL_NUMBER_MAX,
    CallAnswer,
    CallChannel,
    CallDraft,
    Callee,
    CallOutcome,
    CallView,
    VisitCalls,
    validate_call_note,
    validate_call_number,
)
from kiosk.domain.documents import PartyKind
from kiosk.domain.errors import ValidationError
from kiosk.ui.common.confirm import answer_buttons
from kiosk.ui.common.messages import error_message, validation_message
from kiosk.ui.common.operations import QueryOp
from kiosk.ui.common.widgets import ERROR_STYLE, StatusLabel, named


@dataclass(frozen=True)
class Choice:
    """Someone the desk may call, with the number it would dial and how."""

    label: str
    callee: Callee
    channel: CallChannel
    number: str
    resident_id: int | None = None


def answer_name(answer: CallAnswer) -> str:
    return {
        CallAnswer.AGREED: QCoreApplication.translate("CallDialog", "agreed"),
        CallAnswer.DECLINED: QCoreApplication.translate("CallDialog", "declined"),
        CallAnswer.NO_ANSWER: QCoreApplication.translate("CallDialog", "no answer"),
    }[answer]


def channel_name(channel: CallChannel) -> str:
    return (
        QCoreApplication.translate("CallDialog", "Intercom")
        if channel is CallChannel.INTERCOM
        else QCoreApplication.translate("CallDialog", "Phone")
    )


def call_line(call: CallView, zone_time: str) -> str:
    """One call as the dialog, the walk-in page and the visitor log say it."""
    return (
        QCoreApplication.translate("CallDialog", "%1 %2 to %3 (%4): %5, by %6")
        .replace("%1", zone_time)
        .replace("%2", channel_name(call.channel))
        .replace("%3", call.callee_name)
        .replace("%4", call.number)
        .replace("%5", answer_name(call.answer))
        .replace("%6", call.called_by)
    )


def choices(calls: VisitCalls) -> list[Choice]:
    """Whom the desk may call about the visit: the member of staff on their extension or mobile;
    a unit on its intercom, and each of its residents on their phone."""
    if calls.unit is None:
        found = [
            Choice(
                QCoreApplication.translate("CallDialog", "%1, extension %2")
                .replace("%1", calls.host_name)
                .replace("%2", number),
                Callee.HOST,
                CallChannel.PHONE,
                number,
            )
            for number in (calls.host_extension,)
            if number
        ]
        found += [
            Choice(
                QCoreApplication.translate("CallDialog", "%1, mobile %2")
                .replace("%1", calls.host_name)
                .replace("%2", number),
                Callee.HOST,
                CallChannel.PHONE,
                number,
            )
            for number in (calls.host_mobile,)
            if number
        ]
        return found or [Choice(calls.host_name, Callee.HOST, CallChannel.PHONE, "")]
    kinds = {
        PartyKind.OWNER: QCoreApplication.translate("CallDialog", "owner"),
        PartyKind.TENANT: QCoreApplication.translate("CallDialog", "tenant"),
    }
    found = [
        Choice(
            QCoreApplication.translate("CallDialog", "Unit %1 on the intercom").replace("%1", calls.unit),
            Callee.UNIT,
            CallChannel.INTERCOM,
            calls.unit,
        )
    ]
    found += [
        Choice(
            QCoreApplication.translate("CallDialog", "%1 (%2), phone %3")
            .replace("%1", resident.name)
            .replace("%2", kinds[resident.kind])
            .replace("%3", resident.phone),
            Callee.RESIDENT,
            CallChannel.PHONE,
            resident.phone,
            resident.resident_id,
        )
        for resident in calls.residents
    ]
    return found


class CallDialog(QDialog):
    """Whom the desk called, on which number, what they said; the calls so far above."""

    def __init__(self, parent: QWidget, calls: VisitCalls, question: str, times: list[str]) -> None:
        super().__init__(parent)
        self.setObjectName("callDialog")
        self.setWindowTitle(self.tr("Record the call"))
        self.setModal(True)
        self.draft: CallDraft | None = None
        self._choices = choices(calls)
        layout = QVBoxLayout(self)
        self.question_label = named(QLabel(question), "callQuestionLabel", self.tr("The visit"))
        self.question_label.setWordWrap(True)
        self.question_label.setStyleSheet("font-size: 16px;")
        layout.addWidget(self.question_label)
        if calls.registered_by:
            layout.addWidget(
                QLabel(self.tr("Registered at the desk by %1").replace("%1", calls.registered_by))
            )
        earlier = [call_line(call, at) for call, at in zip(calls.calls, times, strict=True)]
        self.calls_label = named(
            QLabel("\n".join(earlier) if earlier else self.tr("No call recorded yet.")),
            "callHistoryLabel",
            self.tr("Calls so far"),
        )
        self.calls_label.setWordWrap(True)
        layout.addWidget(self.calls_label)
        form = QFormLayout()
        self.callee_combo = named(QComboBox(), "calleeCombo", self.tr("Whom you called"))
        for choice in self._choices:
            self.callee_combo.addItem(choice.label)
        form.addRow(self.tr("Called"), self.callee_combo)
        self.channel_combo = named(QComboBox(), "callChannelCombo", self.tr("How"))
        for channel in CallChannel:
            self.channel_combo.addItem(channel_name(channel), channel.value)
        form.addRow(self.tr("How"), self.channel_combo)
        self.number_edit = named(QLineEdit(), "callNumberEdit", self.tr("Number called"))
        self.number_edit.setMaxLength(CALL_NUMBER_MAX + 10)
        form.addRow(self.tr("Number"), self.number_edit)
        answers = QHBoxLayout()
        self.answer_group = QButtonGroup(self)
        self.answer_buttons: dict[CallAnswer, QRadioButton] = {}
        for answer in CallAnswer:
            button = named(
                QRadioButton(answer_name(answer)), f"callAnswer_{answer.value}", answer_name(answer)
            )
            self.answer_group.addButton(button)
            self.answer_buttons[answer] = button
            answers.addWidget(button)
        # What a call the desk records after speaking to the host says most often; the button
        # still reads "Record", and a wrong row costs the same second look as before.
        self.answer_buttons[CallAnswer.AGREED].setChecked(True)
        form.addRow(self.tr("They said"), answers)
        self.note_edit = named(QLineEdit(), "callNoteEdit", self.tr("Note"))
        self.note_edit.setMaxLength(CALL_NOTE_MAX)
        form.addRow(self.tr("Note"), self.note_edit)
        layout.addLayout(form)
        self.error_label = named(QLabel(), "callErrorLabel", self.tr("What to fix"))
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        layout.addWidget(self.error_label)
        self.ok_button = named(QPushButton(self.tr("Record")), "confirmOkButton", self.tr("Record the call"))
        self.cancel_button = named(QPushButton(self.tr("Cancel")), "confirmCancelButton", self.tr("Cancel"))
        layout.addWidget(answer_buttons(self, self.ok_button, self.cancel_button, self.accept))
        self.callee_combo.currentIndexChanged.connect(self._chosen)
        self._chosen(0)

    def _chosen(self, index: int) -> None:
        if 0 <= index < len(self._choices):
            choice = self._choices[index]
            self.channel_combo.setCurrentIndex(list(CallChannel).index(choice.channel))
            self.number_edit.setText(choice.number)

    def accept(self) -> None:
        choice = self._choices[max(self.callee_combo.currentIndex(), 0)]
        answer = next(a for a, b in self.answer_buttons.items() if b.isChecked())
        try:
            number = validate_call_number(self.number_edit.text())
            note = validate_call_note(self.note_edit.text())
        except ValidationError as error:
            self.error_label.setText(validation_message(error))
            return
        channel = CallChannel(self.channel_combo.currentData())
        self.draft = CallDraft(choice.callee, channel, number, answer, choice.resident_id, note)
        super().accept()


class CallRecorder:
    """Asks about one visit's call and records it, for a page with a status line."""

    def __init__(
        self, page: QWidget, station: Station, status: StatusLabel, done: Callable[[], None]
    ) -> None:
        self._page = page
        self._station = station
        self._status = status
        self._done = done

    def start(self, visit_id: int, question: str) -> None:
        desk_visits = self._station.desk_visits
        QueryOp(
            self._page, lambda: desk_visits.calls(visit_id), lambda calls: self._ask(calls, question)
        ).failure(self._failed).run_in_background()

    def _ask(self, calls: VisitCalls, question: str) -> None:
        zone = self._station.site.timezone
        times = [call.called_at.astimezone(zone).strftime("%H:%M") for call in calls.calls]
        dialog = CallDialog(self._page, calls, question, times)
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            draft = dialog.draft
        finally:
            dialog.deleteLater()
        if not accepted or draft is None:
            self._status.setText(QCoreApplication.translate("CallDialog", "Nothing done."))
            return
        desk_visits = self._station.desk_visits
        QueryOp(self._page, lambda: desk_visits.record_call(calls.visit_id, draft), self._recorded).failure(
            self._failed
        ).run_in_background()

    def _recorded(self, outcome: CallOutcome) -> None:
        if outcome.visit_status == "on_site":
            text = QCoreApplication.translate(
                "CallDialog",
                "Call recorded: agreed. Let in; the badge is being printed where the visitor is.",
            )
        elif outcome.visit_status == "declined":
            text = QCoreApplication.translate(
                "CallDialog", "Call recorded: declined. The visitor is turned away politely."
            )
        else:
            text = QCoreApplication.translate(
                "CallDialog", "Call recorded: %1. The visit still waits."
            ).replace("%1", answer_name(outcome.call.answer))
        self._status.setText(text)
        self._done()

    def _failed(self, error: Exception) -> None:
        self._status.show_error(error_message(error))
        self._done()
