"""Deposits tied to what they secure (#20 item 9; the rules: kiosk.domain.deposits).

A deposit is taken against an item that is out (a machine-room pass of an open loan, the card of
a visit on site, a current decoration permit) in the same transaction as its receipt; when the
item comes back the desk is prompted with what to refund (:meth:`DepositService.due_for`, and the
register's ``due`` list for items that came back elsewhere: a card tapped at the kiosk, a permit
past its last day). The refund itself is the payments service's, with its receipt, when the clerk
presses for it. Finance records deductions; a supervisor's PIN forfeits a deposit whose item is
lost or kept. Each prints its numbered note through the print queue with its audit event.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, exists, func, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session, aliased

from kiosk.domain.deposits import (
    PERMIT_KINDS,
    REASON_MAX,
    DeductionKind,
    DeductionView,
    DepositItem,
    DepositItemView,
    DepositNote,
    DepositNoteResult,
    DepositState,
    DepositView,
    check_deduction,
    item_for,
    state_of,
)
from kiosk.domain.documents import PaymentMethod, ReceiptPurpose
from kiosk.domain.errors import ValidationError
from kiosk.domain.payments import DEPOSITS, format_receipt_number
from kiosk.domain.permits import PermitStatus
from kiosk.domain.printing import PrintJobStatus
from kiosk.domain.repairs import required_text
from kiosk.domain.site import SiteInfo
from kiosk.domain.staff import Permission, allowed
from kiosk.domain.text import sanitize_text
from kiosk.domain.views import PaymentResult
from kiosk.domain.visit import VisitStatus
from kiosk.services import audit
from kiosk.services.audit import Actor
from kiosk.services.clock import Clock
from kiosk.services.counters import next_value
from kiosk.services.payments import PaymentService, deducted_of
from kiosk.services.print_queue import PrintQueue
from kiosk.services.staff import SignedIn, StaffService
from kiosk.storage.database import Sessions
from kiosk.storage.models import DepositDeduction, DepositLink, PassLoanItem, Payment, Permit, PrintJob, Visit

ENTITY = "payment"  # a deposit's events are its receipt's
DOCUMENT = "deposit-note"  # the print jobs' document kind (kiosk.printing.catalog)
LIST_LIMIT = 200
SEARCH_MAX = 40
WHICH = ("open", "due", "all")

_Refund = aliased(Payment)


def _require(who: SignedIn, permission: Permission) -> None:
    if not allowed(who.role, permission):
        raise ValidationError("staff", "not_allowed")


def _unsettled() -> ColumnElement[bool]:
    """A deposit not refunded and with a balance left: SQL over ``Payment``."""
    has_balance: ColumnElement[bool] = deducted_of(Payment.id) < Payment.amount_fen
    return (
        Payment.purpose.in_(DEPOSITS)
        & Payment.refund_of_id.is_(None)
        & ~exists().where(_Refund.refund_of_id == Payment.id)
        & has_balance
    )


@dataclass
class DepositService:
    sessions: Sessions
    clock: Clock
    site: SiteInfo
    queue: PrintQueue
    payments: PaymentService
    staff: StaffService

    # --- taking a deposit against an item ---------------------------------------------------------

    def items(self, purpose: ReceiptPurpose) -> list[DepositItemView]:
        """The items out that a deposit of ``purpose`` may be taken against and carry none yet,
        newest first: the payments page's chooser."""
        item = item_for(purpose)
        now = self.clock.now()
        with self.sessions.reads() as session:
            covered = self._covered(session, item)
            if item is DepositItem.PASS:
                rows = session.scalars(
                    select(PassLoanItem)
                    .where(PassLoanItem.returned_at.is_(None))
                    .order_by(PassLoanItem.issued_at.desc(), PassLoanItem.id.desc())
                    .limit(LIST_LIMIT)
                )
                return [
                    DepositItemView(item, r.id, r.pass_number, r.visitor_name, r.company)
                    for r in rows
                    if r.id not in covered
                ]
            if item is DepositItem.VISITOR_CARD:
                visits = session.scalars(
                    select(Visit)
                    .where(
                        Visit.status == VisitStatus.ON_SITE,
                        Visit.card_number.is_not(None),
                        Visit.card_returned_at.is_(None),
                    )
                    .order_by(Visit.id.desc())
                    .limit(LIST_LIMIT)
                )
                return [
                    DepositItemView(item, v.id, v.card_number or "", v.visitor_name, v.company)
                    for v in visits
                    if v.id not in covered
                ]
            permits = session.scalars(
                select(Permit)
                .where(
                    Permit.status == PermitStatus.ISSUED,
                    Permit.ends_at > now,
                    Permit.kind.in_(PERMIT_KINDS[purpose]),
                )
                .order_by(Permit.id.desc())
                .limit(LIST_LIMIT)
            )
            return [
                DepositItemView(item, p.id, p.number, p.holder_name or p.company, p.unit, p.valid_until)
                for p in permits
                if p.id not in covered
            ]

    def take(
        self,
        purpose: ReceiptPurpose,
        item_id: int,
        payer: str,
        amount_fen: int,
        actor: Actor,
        *,
        method: PaymentMethod = PaymentMethod.CASH,
        note: str = "",
        language: str = "zh_CN",
    ) -> PaymentResult:
        """A deposit for the item ``item_id`` as it is handed out, linked to it, with its printed
        receipt (the payer defaults to the item's holder). One open deposit per item and kind; an
        item already back (or a permit ended) takes none."""
        item = item_for(purpose)
        now = self.clock.now()
        with self.sessions.begin() as session:
            label, holder, ids = self._item_out(session, purpose, item, item_id, now)
            open_one = session.scalar(
                select(Payment.receipt_number)
                .join(DepositLink, DepositLink.payment_id == Payment.id)
                .where(_link_of(item, item_id), Payment.purpose == purpose, _unsettled())
                .limit(1)
            )
            if open_one is not None:
                raise ValidationError("item", "deposit_open", receipt=open_one)
            pending = self.payments.add_deposit(
                session,
                purpose,
                sanitize_text(payer) or holder,
                label,
                amount_fen,
                actor,
                method=method,
                note=note,
                language=language,
                one_per_reference=False,
            )
            session.add(
                DepositLink(
                    payment_id=pending.payment_id,
                    item=item,
                    item_label=label,
                    linked_at=now,
                    linked_by=actor.label,
                    **ids,
                )
            )
            audit.record(
                session,
                actor,
                "deposit.linked",
                ENTITY,
                pending.payment_id,
                now,
                item=item.value,
                label=label,
            )
        return self.payments.print_receipt(pending, actor)

    def _item_out(
        self, session: Session, purpose: ReceiptPurpose, item: DepositItem, item_id: int, now: datetime
    ) -> tuple[str, str, dict[str, int]]:
        """The item's number, holder and link column, if it is out; refused otherwise."""
        if item is DepositItem.PASS:
            lent = session.get(PassLoanItem, item_id)
            if lent is None:
                raise ValidationError("item", "unknown")
            if lent.returned_at is not None:
                raise ValidationError("item", "back", label=lent.pass_number)
            return lent.pass_number, lent.visitor_name, {"pass_loan_item_id": lent.id}
        if item is DepositItem.VISITOR_CARD:
            visit = session.get(Visit, item_id)
            if visit is None or not visit.card_number:
                raise ValidationError("item", "unknown")
            if visit.status is not VisitStatus.ON_SITE or visit.card_returned_at is not None:
                raise ValidationError("item", "back", label=visit.card_number)
            return visit.card_number, visit.visitor_name, {"visit_id": visit.id}
        permit = session.get(Permit, item_id)
        if permit is None or permit.kind not in PERMIT_KINDS[purpose]:
            raise ValidationError("item", "unknown")
        if permit.status is PermitStatus.CANCELLED or permit.ends_at <= now:
            raise ValidationError("item", "back", label=permit.number)
        return permit.number, permit.holder_name or permit.company, {"permit_id": permit.id}

    @staticmethod
    def _covered(session: Session, item: DepositItem) -> set[int]:
        """Items of this kind that carry an open deposit already."""
        column = _item_column(item)
        return set(
            session.scalars(
                select(column)
                .join(Payment, Payment.id == DepositLink.payment_id)
                .where(DepositLink.item == item, column.is_not(None), _unsettled())
            )
        )

    # --- the register and the prompts -----------------------------------------------------------

    def listing(self, which: str = "open", search: str = "") -> list[DepositView]:
        """Deposits newest first: ``open`` (held or refund due), ``due`` (the item is back) or
        ``all``; ``search`` a receipt, card, pass or permit number, or part of the payer's name."""
        if which not in WHICH:
            raise ValidationError("which", "unknown")
        stmt = select(Payment).where(Payment.purpose.in_(DEPOSITS), Payment.refund_of_id.is_(None))
        if which != "all":
            stmt = stmt.where(_unsettled())
        text = sanitize_text(search)[:SEARCH_MAX]
        if text:
            like = f"%{text.upper()}%"
            stmt = stmt.where(
                or_(
                    Payment.receipt_number == text.upper(),
                    func.upper(Payment.reference).like(like),
                    func.upper(Payment.payer).like(like),
                )
            )
        with self.sessions.reads() as session:
            rows = list(session.scalars(stmt.order_by(Payment.id.desc()).limit(LIST_LIMIT)))
            views = self._views(session, rows)
        return [v for v in views if which != "due" or v.state is DepositState.REFUND_DUE]

    def due_for(self, item: DepositItem, labels: Iterable[str]) -> list[DepositView]:
        """The deposits to refund now that these items are back (the pass numbers just returned,
        the card collected, the permit cancelled): what the desk is prompted with."""
        wanted = sorted({sanitize_text(label).upper() for label in labels if label.strip()})
        if not wanted:
            return []
        with self.sessions.reads() as session:
            rows = list(
                session.scalars(
                    select(Payment)
                    .join(DepositLink, DepositLink.payment_id == Payment.id)
                    .where(
                        DepositLink.item == item,
                        func.upper(DepositLink.item_label).in_(wanted[:LIST_LIMIT]),
                        _unsettled(),
                    )
                    .order_by(Payment.id)
                )
            )
            views = self._views(session, rows)
        return [v for v in views if v.state is DepositState.REFUND_DUE]

    def deposit(self, receipt_number: str) -> DepositView:
        with self.sessions.reads() as session:
            return self._views(session, [self._deposit(session, receipt_number)])[0]

    # --- finance's deductions and a supervisor's forfeit ----------------------------------------

    def deduct(
        self, receipt_number: str, amount_fen: int, reason: str, who: SignedIn, language: str = "zh_CN"
    ) -> DepositNoteResult:
        """Finance deducts ``amount_fen`` from a deposit not yet refunded, with the reason (a
        decoration's damage to the common parts...): at most the balance; the refund then pays
        what is left. Prints the numbered deduction note."""
        _require(who, Permission.FINANCE)
        why = required_text(reason, "reason", REASON_MAX)
        return self._settle(receipt_number, DeductionKind.DEDUCTION, amount_fen, why, who, None, language)

    def forfeit(
        self,
        receipt_number: str,
        reason: str,
        supervisor: str,
        pin: str,
        who: SignedIn,
        language: str = "zh_CN",
    ) -> DepositNoteResult:
        """The item is lost or kept: the deposit's whole balance is kept, with the reason, on a
        supervisor's PIN who is not the clerk asking. Checked in this order, so a refused step
        costs no PIN try: the reason, the deposit still open; then the PIN."""
        _require(who, Permission.TAKE_PAYMENTS)
        why = required_text(reason, "reason", REASON_MAX)
        with self.sessions.reads() as session:
            payment = self._deposit(session, receipt_number)
            self._balance(session, payment)
            payment_id = payment.id
        signer = self.staff.countersign(
            supervisor,
            pin,
            Permission.FORFEIT_DEPOSITS,
            "deposit_forfeit",
            "deposit.forfeit_refused",
            entity=ENTITY,
            entity_id=payment_id,
            not_by=who,
        )
        return self._settle(receipt_number, DeductionKind.FORFEIT, None, why, who, signer, language)

    def _settle(
        self,
        receipt_number: str,
        kind: DeductionKind,
        amount_fen: int | None,
        reason: str,
        who: SignedIn,
        approver: SignedIn | None,
        language: str,
    ) -> DepositNoteResult:
        now = self.clock.now()
        with self.sessions.begin() as session:
            # Again under the write lock: another desk may have refunded or deducted meanwhile.
            payment = self._deposit(session, receipt_number)
            balance = self._balance(session, payment)
            amount = balance if amount_fen is None else check_deduction(amount_fen, balance)
            number = format_receipt_number(next_value(session, "receipt"))
            recorder = self.payments.clerk_name(session, who.actor)
            session.add(
                DepositDeduction(
                    payment_id=payment.id,
                    kind=kind,
                    amount_fen=amount,
                    reason=reason,
                    note_number=number,
                    recorded_by=who.actor.label,
                    recorded_by_name=recorder,
                    approved_by=approver.actor.label if approver else "",
                    approved_by_name=approver.name[:60] if approver else "",
                    recorded_at=now,
                )
            )
            link = session.scalar(select(DepositLink).where(DepositLink.payment_id == payment.id))
            note = DepositNote(
                note_number=number,
                issued_at=now.astimezone(self.site.timezone),
                site_name=self.site.name,
                kind=kind,
                receipt_number=payment.receipt_number,
                purpose=payment.purpose,
                payer=payment.payer,
                item_label=link.item_label if link is not None else payment.reference,
                deposit_fen=payment.amount_fen,
                amount_fen=amount,
                balance_fen=balance - amount,
                reason=reason,
                recorded_by=recorder,
                approved_by=approver.name[:60] if approver else "",
            )
            job = self.queue.enqueue(session, note, number, language)
            # The amounts, not the reason: it may name the payer or a worker; it stays on the row.
            audit.record(
                session,
                who.actor,
                "deposit.forfeited" if kind is DeductionKind.FORFEIT else "deposit.deducted",
                ENTITY,
                payment.id,
                now,
                note=number,
                receipt=payment.receipt_number,
                amount_fen=amount,
                balance_fen=balance - amount,
                approved_by=approver.username if approver else None,
            )
            job_id = job.id
        outcome = self.queue.dispatch(job_id, who.actor)
        return DepositNoteResult(
            self.deposit(receipt_number), number, outcome.printed, outcome.printer, outcome.error, job_id
        )

    def last_note(self, payment_id: int) -> DepositNoteResult:
        """A deposit's newest deduction or forfeit as recorded, its note as printed so far (a
        retried submit whose first answer was lost)."""
        with self.sessions.reads() as session:
            payment = session.get(Payment, payment_id)
            step = session.scalar(
                select(DepositDeduction)
                .where(DepositDeduction.payment_id == payment_id)
                .order_by(DepositDeduction.id.desc())
                .limit(1)
            )
            if payment is None or step is None:
                raise ValidationError("receipt", "unknown")
            job = session.scalar(
                select(PrintJob)
                .where(PrintJob.document == DOCUMENT, PrintJob.reference == step.note_number)
                .order_by(PrintJob.id)
                .limit(1)
            )
            view = self._views(session, [payment])[0]
            return DepositNoteResult(
                view,
                step.note_number,
                job is not None and job.status is PrintJobStatus.PRINTED,
                job.printer if job is not None else None,
                job.last_error if job is not None else None,
                job.id if job is not None else None,
            )

    # --- reading --------------------------------------------------------------------------------

    @staticmethod
    def _deposit(session: Session, receipt_number: str) -> Payment:
        key = sanitize_text(receipt_number).upper()[:20]
        payment = session.scalar(select(Payment).where(Payment.receipt_number == key)) if key else None
        if payment is None:
            raise ValidationError("receipt", "unknown")
        if payment.refund_of_id is not None:
            raise ValidationError("receipt", "is_refund")
        if payment.purpose not in DEPOSITS:
            raise ValidationError("receipt", "not_a_deposit")
        return payment

    def _balance(self, session: Session, payment: Payment) -> int:
        """What is left of an open deposit; refused when refunded or settled already."""
        refund = session.scalar(select(_Refund).where(_Refund.refund_of_id == payment.id))
        if refund is not None:
            when = refund.taken_at.astimezone(self.site.timezone).strftime("%Y-%m-%d %H:%M")
            raise ValidationError("receipt", "already_refunded", refund=refund.receipt_number, at=when)
        balance = payment.amount_fen - int(session.scalar(select(deducted_of(payment.id))) or 0)
        if balance <= 0:
            raise ValidationError("receipt", "settled")
        return balance

    def _views(self, session: Session, rows: Sequence[Payment]) -> list[DepositView]:
        ids = [r.id for r in rows]
        if not ids:
            return []
        now = self.clock.now()
        links = {
            link.payment_id: link
            for link in session.scalars(select(DepositLink).where(DepositLink.payment_id.in_(ids)))
        }
        back = _back_times(session, links.values(), now)
        steps: dict[int, list[DeductionView]] = defaultdict(list)
        for d in session.scalars(
            select(DepositDeduction).where(DepositDeduction.payment_id.in_(ids)).order_by(DepositDeduction.id)
        ):
            steps[d.payment_id].append(
                DeductionView(
                    d.note_number,
                    d.kind,
                    d.amount_fen,
                    d.reason,
                    d.recorded_by_name,
                    d.recorded_at,
                    d.approved_by_name,
                )
            )
        refunds = {
            r.refund_of_id: r for r in session.scalars(select(_Refund).where(_Refund.refund_of_id.in_(ids)))
        }
        views = []
        for p in rows:
            link = links.get(p.id)
            deductions = tuple(steps.get(p.id, ()))
            refund = refunds.get(p.id)
            back_at = back.get(link.id) if link is not None else None
            balance = p.amount_fen - sum(d.amount_fen for d in deductions)
            views.append(
                DepositView(
                    p.id,
                    p.receipt_number,
                    p.purpose,
                    p.method,
                    p.amount_fen,
                    p.payer,
                    p.reference,
                    p.clerk_name,
                    p.taken_at,
                    state_of(refund is not None, balance, back_at is not None),
                    link.item if link is not None else None,
                    link.item_label if link is not None else "",
                    back_at,
                    deductions,
                    refund.receipt_number if refund is not None else None,
                    refund.amount_fen if refund is not None else 0,
                    refund.taken_at if refund is not None else None,
                )
            )
        return views


def _item_column(item: DepositItem) -> InstrumentedAttribute[int | None]:
    return {
        DepositItem.PASS: DepositLink.pass_loan_item_id,
        DepositItem.VISITOR_CARD: DepositLink.visit_id,
        DepositItem.PERMIT: DepositLink.permit_id,
    }[item]


def _link_of(item: DepositItem, item_id: int) -> ColumnElement[bool]:
    return (DepositLink.item == item) & (_item_column(item) == item_id)


def _back_times(session: Session, links: Iterable[DepositLink], now: datetime) -> dict[int, datetime]:
    """When each linked item came back, by link id: the pass returned, the card collected (tapped,
    or its visit checked out at the desk), the permit cancelled or past its last day."""
    chosen = list(links)
    found: dict[int, datetime] = {}
    passes = {link.pass_loan_item_id: link.id for link in chosen if link.pass_loan_item_id is not None}
    if passes:
        for item_id, returned in session.execute(
            select(PassLoanItem.id, PassLoanItem.returned_at).where(PassLoanItem.id.in_(passes))
        ):
            if returned is not None:
                found[passes[item_id]] = returned
    visits = {link.visit_id: link.id for link in chosen if link.visit_id is not None}
    if visits:
        for visit_id, card_back, status, left in session.execute(
            select(Visit.id, Visit.card_returned_at, Visit.status, Visit.checked_out_at).where(
                Visit.id.in_(visits)
            )
        ):
            # Decided: a visit checked out at the desk had its card handed back there.
            when = card_back or (left if status is not VisitStatus.ON_SITE else None)
            if when is not None:
                found[visits[visit_id]] = when
    permits = {link.permit_id: link.id for link in chosen if link.permit_id is not None}
    if permits:
        for permit_id, cancelled, ends in session.execute(
            select(Permit.id, Permit.cancelled_at, Permit.ends_at).where(Permit.id.in_(permits))
        ):
            when = cancelled or (ends if ends <= now else None)
            if when is not None:
                found[permits[permit_id]] = when
    return found
