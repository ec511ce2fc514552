"""Every printable document kind: its model and its layout, so a stored job can be laid out again."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from kiosk.domain.badge import Badge
from kiosk.domain.courier import CourierStatement
from kiosk.domain.deposits import DepositNote
from kiosk.domain.documents import (
    CardIssueConfirmation,
    CashSummary,
    EvacuationList,
    InvitationSlip,
    PassReconciliation,
    Receipt,
    ReleaseSlip,
)
from kiosk.domain.lost_found import LostItemTag
from kiosk.domain.mail import MailLabel
from kiosk.domain.permit_views import PermitSlip
from kiosk.domain.phone_messages import PhoneMessageSlip
from kiosk.domain.repairs import WorkOrder
from kiosk.domain.serial import from_json, to_json
from kiosk.printing.badge import badge_document
from kiosk.printing.card_issue import card_issue_document
from kiosk.printing.cash_summary import cash_summary_document
from kiosk.printing.courier_statement import courier_statement_document
from kiosk.printing.deposit_note import deposit_note_document
from kiosk.printing.evacuation import evacuation_document
from kiosk.printing.invitation import invitation_document
from kiosk.printing.layout import Document, PrinterProfile, render_escpos
from kiosk.printing.lost_item_tag import lost_item_tag_document
from kiosk.printing.mail_label import mail_label_document
from kiosk.printing.permit import permit_document
from kiosk.printing.phone_message import phone_message_document
from kiosk.printing.receipt import receipt_document
from kiosk.printing.reconciliation import reconciliation_document
from kiosk.printing.release_slip import release_slip_document
from kiosk.printing.work_order import work_order_document


@dataclass(frozen=True)
class DocumentKind:
    name: str
    model: type[Any]
    layout: Callable[[Any, str, PrinterProfile, bool], Document]


KINDS: dict[str, DocumentKind] = {
    kind.name: kind
    for kind in (
        DocumentKind("badge", Badge, badge_document),
        DocumentKind("release-slip", ReleaseSlip, release_slip_document),
        DocumentKind("receipt", Receipt, receipt_document),
        DocumentKind("reconciliation", PassReconciliation, reconciliation_document),
        DocumentKind("card-issue", CardIssueConfirmation, card_issue_document),
        DocumentKind("evacuation", EvacuationList, evacuation_document),
        DocumentKind("cash-summary", CashSummary, cash_summary_document),
        DocumentKind("invitation", InvitationSlip, invitation_document),
        DocumentKind("work-order", WorkOrder, work_order_document),
        DocumentKind("phone-message", PhoneMessageSlip, phone_message_document),
        DocumentKind("mail-label", MailLabel, mail_label_document),
        DocumentKind("courier-statement", CourierStatement, courier_statement_document),
        DocumentKind("permit", PermitSlip, permit_document),
        DocumentKind("lost-item-tag", LostItemTag, lost_item_tag_document),
        DocumentKind("deposit-note", DepositNote, deposit_note_document),
    )
}


def kind_of(document: object) -> str:
    for kind in KINDS.values():
        if isinstance(document, kind.model):
            return kind.name
    raise TypeError(f"not a printable document: {type(document).__name__}")


def serialise(document: object) -> tuple[str, str]:
    """(kind, JSON) to store in a print job."""
    return kind_of(document), to_json(document)


class UnprintableError(ValueError):
    """A stored document that cannot be laid out: its JSON is damaged, its kind unknown, or a field
    is one the layout refuses. Trying again changes nothing."""


def render_stored(kind: str, data: str, lang: str, profile: PrinterProfile, copy: bool = False) -> bytes:
    """Lay a stored document out for ``profile`` (the printer that takes the job) and encode it.
    Raises :class:`UnprintableError` saying what failed."""
    entry = KINDS.get(kind)
    if entry is None:
        raise UnprintableError(f"unknown document kind {kind[:40]!r}")
    try:
        return render_escpos(entry.layout(from_json(entry.model, data), lang, profile, copy), profile)
    except Exception as exc:  # whatever the stored data makes the model or the layout raise
        # The exception's type and the start of its words: enough for the desk, too little to
        # carry much of a document's personal data into the job's error and the log.
        raise UnprintableError(f"{kind}: {type(exc).__name__}: {str(exc)[:120]}") from exc


def render_document(document: object, lang: str, profile: PrinterProfile, copy: bool = False) -> bytes:
    entry = KINDS[kind_of(document)]
    return render_escpos(entry.layout(document, lang, profile, copy), profile)
