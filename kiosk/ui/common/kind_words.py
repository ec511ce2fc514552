"""Each kind of person at the lobby (seed 001's table) and how they were let in, in the staff's
words: shared by the desk's admissions page, the board's night banner and the guard's patrol tab."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from kiosk.domain.visitor_kinds import ApprovalWay, KindApprover, VisitorKind


def kind_name(kind: VisitorKind) -> str:
    return {
        VisitorKind.RESIDENT_KNOWN: QCoreApplication.translate("kind_words", "Resident known by sight"),
        VisitorKind.RESIDENT_NO_CARD: QCoreApplication.translate(
            "kind_words", "Says they live here, no card"
        ),
        VisitorKind.COMPANY_LEADER: QCoreApplication.translate("kind_words", "Company leader (on the list)"),
        VisitorKind.STAFF: QCoreApplication.translate("kind_words", "Staff with a work card"),
        VisitorKind.VISITOR: QCoreApplication.translate("kind_words", "Visitor to a resident or tenant"),
        VisitorKind.GOVERNMENT: QCoreApplication.translate("kind_words", "Government official"),
        VisitorKind.TOUR_GROUP: QCoreApplication.translate("kind_words", "Visiting group"),
        VisitorKind.PERMIT_HOLDER: QCoreApplication.translate(
            "kind_words", "Permit holder (decoration, newspaper, milk)"
        ),
    }[kind]


def way_name(way: ApprovalWay) -> str:
    return {
        ApprovalWay.KNOWN: QCoreApplication.translate("kind_words", "Known by sight"),
        ApprovalWay.LEADERS_LIST: QCoreApplication.translate("kind_words", "On the leaders' list"),
        ApprovalWay.WORK_CARD: QCoreApplication.translate("kind_words", "Work card checked"),
        ApprovalWay.HOST_LINK: QCoreApplication.translate("kind_words", "Host's link"),
        ApprovalWay.DESK_CALL: QCoreApplication.translate("kind_words", "Intercom / phone call"),
        ApprovalWay.GATE_GUARD: QCoreApplication.translate("kind_words", "Gate guard's message"),
        ApprovalWay.RESIDENT_RECORDS: QCoreApplication.translate("kind_words", "Resident records checked"),
        ApprovalWay.DUTY_OFFICER_LINK: QCoreApplication.translate("kind_words", "Duty officer's link"),
        ApprovalWay.DUTY_OFFICER_DESK: QCoreApplication.translate("kind_words", "Duty officer at the desk"),
        ApprovalWay.PERMIT_CHECK: QCoreApplication.translate("kind_words", "Permit checked"),
        ApprovalWay.INVITATION: QCoreApplication.translate("kind_words", "Invitation"),
    }[way]


def approver_name(approver: KindApprover) -> str:
    return {
        KindApprover.NOBODY: QCoreApplication.translate("kind_words", "Let through, recorded"),
        KindApprover.HOST: QCoreApplication.translate("kind_words", "The host"),
        KindApprover.DESK_CALL: QCoreApplication.translate("kind_words", "The desk, after an intercom call"),
        KindApprover.DUTY_OFFICER: QCoreApplication.translate("kind_words", "The duty officer"),
        KindApprover.PERMIT: QCoreApplication.translate("kind_words", "The permits register"),
    }[approver]
