"""Money taken at the desk: deposits for cards and passes, fees collected for finance, refunds.

Every payment is a numbered receipt (收据) printed through the print queue, in the same
transaction as the payment and its audit event. Returning the card or pass refunds the deposit
once, with a refund receipt that names the original. Partial refunds are refused: a deduction (a
lost or damaged card, a decoration bond's damage) is a decision for finance, recorded as such
(kiosk.services.deposits), and the refund then pays the balance; a forfeited deposit, or one
deducted in full, is settled and refunds nothing.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased

from kiosk.domain.documents import (
    CashSummary,
    CashSummaryLine,
    MethodTotal,
    PaymentMethod,
    Receipt,
    ReceiptPurpose,
)
from kiosk.domain.errors import ValidationError
from kiosk.domain.payments import DEPOSITS, check_amount, format_receipt_number
from kiosk.domain.printing import PrintJobStatus
from kiosk.domain.text import sanitize_text
from kiosk.domain.views import PaymentResult, PaymentView, PrintOutcome
from kiosk.services import audit
from kiosk.services.audit import Actor
from kiosk.services.clock import Clock
from kiosk.services.counters import next_value
from kiosk.services.print_queue import PrintQueue
from kiosk.services.site import SiteInfo
from kiosk.storage.database import Sessions
from kiosk.storage.models import DepositDeduction, Payment, PrintJob, StaffMember

# The documents a receipt number may name: receipts and the deposits' deduction notes, numbered
# from the same counter (kiosk.services.deposits).
RECEIPT_BOOK = ("receipt", "deposit-note")
PAYER_MAX_CHARS = 60
REFERENCE_MAX_CHARS = 40
DESCRIPTION_MAX_CHARS = 120


@dataclass(frozen=True)
class PendingReceipt:
    """A payment added to a caller's transaction; its receipt prints once that commits."""

    payment_id: int
    receipt_number: str
    amount_fen: int
    job_id: int


def checked_text(value: str, field: str, max_chars: int, required: bool = False) -> str:
    """``value`` sanitised (no control characters reach a printer or the board), then checked:
    present if ``required``, at most ``max_chars``. Shared by the desk's money and handover forms."""
    clean = sanitize_text(value)
    if required and not clean:
        raise ValidationError(field, "required")
    if len(clean) > max_chars:
        raise ValidationError(field, "too_long", max=max_chars)
    return clean


class PaymentService:
    def __init__(self, sessions: Sessions, queue: PrintQueue, clock: Clock, site: SiteInfo) -> None:
        self._sessions = sessions
        self._queue = queue
        self._clock = clock
        self._site = site

    # -- taking money ---------------------------------------------------------------------------

    def take_deposit(
        self,
        purpose: ReceiptPurpose,
        payer: str,
        reference: str,
        amount_fen: int,
        actor: Actor,
        *,
        method: PaymentMethod = PaymentMethod.CASH,
        note: str = "",
        language: str = "zh_CN",
    ) -> PaymentResult:
        """A deposit (押金) for the card or pass numbered ``reference``, and its printed receipt.

        A card or pass carries one deposit at a time: a second one before the first is refunded
        is refused, naming the open receipt.
        """
        with self._sessions.begin() as session:
            pending = self.add_deposit(
                session,
                purpose,
                payer,
                reference,
                amount_fen,
                actor,
                method=method,
                note=note,
                language=language,
            )
        return self._print(pending, actor)

    def add_deposit(
        self,
        session: Session,
        purpose: ReceiptPurpose,
        payer: str,
        reference: str,
        amount_fen: int,
        actor: Actor,
        *,
        method: PaymentMethod = PaymentMethod.CASH,
        note: str = "",
        language: str = "zh_CN",
        one_per_reference: bool = True,
    ) -> PendingReceipt:
        """:meth:`take_deposit` inside the caller's transaction (with the deposit's link to the
        item it secures). Call :meth:`print_receipt` with the result after the commit.
        ``one_per_reference`` False: the caller checks one open deposit per item itself (a visitor
        card's number comes back to the pool and goes to the next visitor)."""
        if purpose not in DEPOSITS:
            raise ValidationError("purpose", "not_a_deposit")
        clean_reference = checked_text(reference, "reference", REFERENCE_MAX_CHARS, required=True)
        open_one = self._open_deposit(session, purpose, clean_reference) if one_per_reference else None
        if open_one is not None:
            raise ValidationError("reference", "deposit_open", receipt=open_one.receipt_number)
        return self._add(session, purpose, payer, clean_reference, note, amount_fen, method, actor, language)

    def record_fee_payment(
        self,
        payer: str,
        amount_fen: int,
        item: str,
        actor: Actor,
        *,
        unit: str = "",
        method: PaymentMethod = PaymentMethod.CASH,
        language: str = "zh_CN",
    ) -> PaymentResult:
        """A fee collected on behalf of finance (代收费用), e.g. a tenant's management-fee arrears
        paid at the desk: ``item`` says what for ("物业管理费 2026-09 ~ 2026-11"), ``unit`` whose.
        Prints the receipt and returns its number."""
        with self._sessions.begin() as session:
            pending = self.add_fee_payment(
                session, payer, amount_fen, item, actor, unit=unit, method=method, language=language
            )
        return self._print(pending, actor)

    def add_fee_payment(
        self,
        session: Session,
        payer: str,
        amount_fen: int,
        item: str,
        actor: Actor,
        *,
        unit: str = "",
        method: PaymentMethod = PaymentMethod.CASH,
        language: str = "zh_CN",
    ) -> PendingReceipt:
        """:meth:`record_fee_payment` inside the caller's transaction (say, with the fee ledger
        marked paid). Call :meth:`print_receipt` with the result after the commit."""
        clean_item = checked_text(item, "item", DESCRIPTION_MAX_CHARS, required=True)
        clean_unit = checked_text(unit, "unit", REFERENCE_MAX_CHARS, required=False)
        return self._add(
            session,
            ReceiptPurpose.FEE_ON_BEHALF,
            payer,
            clean_unit,
            clean_item,
            amount_fen,
            method,
            actor,
            language,
        )

    def print_receipt(self, pending: PendingReceipt, actor: Actor) -> PaymentResult:
        """Send a committed payment's receipt to the printer."""
        return self._print(pending, actor)

    def refund(
        self,
        receipt_or_reference: str,
        actor: Actor,
        *,
        amount_fen: int | None = None,
        method: PaymentMethod | None = None,
        returned_by: str = "",
        language: str = "zh_CN",
    ) -> PaymentResult:
        """The card or pass came back: refund its deposit once, with a refund receipt naming the
        original: the whole amount, or the balance after finance's deductions. ``receipt_or_reference``:
        the original's receipt number (its barcode) or the card/pass number. Refusals (already
        refunded, settled, a fee, a partial amount) are audited too."""
        key = sanitize_text(receipt_or_reference).upper()
        if not key:
            raise ValidationError("receipt", "required")
        now = self._clock.now()
        try:
            with self._sessions.begin() as session:
                original = self._refundable(session, key)
                deducted = deducted_fen(session, original.id)
                balance = original.amount_fen - deducted
                if balance <= 0:
                    raise _RefusedError(original.id, ValidationError("receipt", "settled"))
                if amount_fen is not None and amount_fen != balance:
                    raise _RefusedError(original.id, ValidationError("amount", "partial_refund"))
                original_number = original.receipt_number
                pending = self._add(
                    session,
                    original.purpose,
                    returned_by or original.payer,
                    original.reference,
                    "",
                    balance,
                    method or original.method,
                    actor,
                    language,
                    refund_of=original,
                    deducted=deducted,
                )
        except _RefusedError as refused:
            with self._sessions.begin() as session:
                audit.record(
                    session,
                    actor,
                    "payment.refund_refused",
                    "payment",
                    refused.payment_id if refused.payment_id is not None else key[:40],
                    now,
                    reason=refused.error.code,
                    asked=key[:40],
                )
            raise refused.error from None
        except IntegrityError:
            # Another desk refunded the same deposit between our check and our insert.
            raise ValidationError("receipt", "already_refunded") from None
        return self._print(pending, actor, refund_of=original_number)

    def _refundable(self, session: Session, key: str) -> Payment:
        original = session.scalar(select(Payment).where(Payment.receipt_number == key))
        if original is None:
            # A card or pass number: its newest deposit that is not settled (forfeited, or
            # deducted in full), so the one to refund rather than an old forfeited one.
            original = session.scalar(
                select(Payment)
                .where(
                    func.upper(Payment.reference) == key,
                    Payment.purpose.in_(DEPOSITS),
                    Payment.refund_of_id.is_(None),
                    deducted_of(Payment.id) < Payment.amount_fen,
                )
                .order_by(Payment.id.desc())
                .limit(1)
            )
            if original is None:
                original = session.scalar(
                    select(Payment)
                    .where(
                        func.upper(Payment.reference) == key,
                        Payment.purpose.in_(DEPOSITS),
                        Payment.refund_of_id.is_(None),
                    )
                    .order_by(Payment.id.desc())
                    .limit(1)
                )
        if original is None:
            raise _RefusedError(None, ValidationError("receipt", "unknown"))
        if original.refund_of_id is not None:
            raise _RefusedError(original.id, ValidationError("receipt", "is_refund"))
        if original.purpose not in DEPOSITS:
            raise _RefusedError(original.id, ValidationError("receipt", "not_a_deposit"))
        done = session.scalar(select(Payment).where(Payment.refund_of_id == original.id))
        if done is not None:
            when = done.taken_at.astimezone(self._site.timezone).strftime("%Y-%m-%d %H:%M")
            raise _RefusedError(
                original.id,
                ValidationError("receipt", "already_refunded", refund=done.receipt_number, at=when),
            )
        return original

    def _open_deposit(self, session: Session, purpose: ReceiptPurpose, reference: str) -> Payment | None:
        refunds = aliased(Payment)
        return session.scalar(
            select(Payment)
            .outerjoin(refunds, refunds.refund_of_id == Payment.id)
            .where(
                Payment.purpose == purpose,
                func.upper(Payment.reference) == reference.upper(),
                Payment.refund_of_id.is_(None),
                refunds.id.is_(None),
                # A forfeited deposit (or one deducted in full) is settled: the card may carry a new one.
                deducted_of(Payment.id) < Payment.amount_fen,
            )
            .limit(1)
        )

    def _add(
        self,
        session: Session,
        purpose: ReceiptPurpose,
        payer: str,
        reference: str,
        description: str,
        amount_fen: int,
        method: PaymentMethod,
        actor: Actor,
        language: str,
        refund_of: Payment | None = None,
        deducted: int = 0,
    ) -> PendingReceipt:
        clean_payer = checked_text(payer, "payer", PAYER_MAX_CHARS, required=True)
        clean_description = checked_text(description, "note", DESCRIPTION_MAX_CHARS, required=False)
        check_amount(amount_fen)
        now = self._clock.now()
        payment = Payment(
            receipt_number=format_receipt_number(next_value(session, "receipt")),
            purpose=purpose,
            method=method,
            amount_fen=amount_fen,
            payer=clean_payer,
            reference=reference,
            description=clean_description,
            refund_of_id=refund_of.id if refund_of is not None else None,
            taken_by=actor.label,
            clerk_name=self._clerk_name(session, actor),
            taken_at=now,
        )
        session.add(payment)
        session.flush()
        receipt = self._receipt(payment, refund_of, deducted)
        job = self._queue.enqueue(session, receipt, payment.receipt_number, language)
        if refund_of is not None:
            action = "payment.refunded"
        else:
            action = "payment.deposit_taken" if purpose in DEPOSITS else "payment.fee_taken"
        audit.record(
            session,
            actor,
            action,
            "payment",
            payment.id,
            now,
            receipt=payment.receipt_number,
            purpose=purpose.value,
            method=method.value,
            amount_fen=amount_fen,
            reference=reference,
            refund_of=refund_of.receipt_number if refund_of is not None else None,
            deducted_fen=deducted or None,
        )
        return PendingReceipt(payment.id, payment.receipt_number, amount_fen, job.id)

    def _receipt(self, payment: Payment, refund_of: Payment | None, deducted: int = 0) -> Receipt:
        note = " · ".join(part for part in (payment.reference, payment.description) if part)
        if refund_of is not None:
            note = payment.reference
        return Receipt(
            receipt_number=payment.receipt_number,
            issued_at=payment.taken_at.astimezone(self._site.timezone),
            payer=payment.payer,
            purpose=payment.purpose,
            amount_fen=payment.amount_fen,
            method=payment.method,
            clerk=payment.clerk_name,
            site_name=self._site.name,
            note=note,
            refund_of=refund_of.receipt_number if refund_of is not None else None,
            deducted_fen=deducted,
        )

    def clerk_name(self, session: Session, actor: Actor) -> str:
        """The name a receipt or note prints for ``actor`` (a member's name, else their label)."""
        return self._clerk_name(session, actor)

    @staticmethod
    def _clerk_name(session: Session, actor: Actor) -> str:
        if actor.kind == "staff":
            name = session.scalar(select(StaffMember.name).where(StaffMember.username == actor.ident))
            if name:
                return name[:60]
        return actor.label[:60]

    def _print(self, pending: PendingReceipt, actor: Actor, refund_of: str | None = None) -> PaymentResult:
        outcome = self._queue.dispatch(pending.job_id, actor)
        return PaymentResult(
            pending.payment_id,
            pending.receipt_number,
            pending.amount_fen,
            outcome.printed,
            outcome.printer,
            outcome.error,
            refund_of,
            pending.job_id,
        )

    def result_of(self, payment_id: int) -> PaymentResult:
        """A stored payment's answer again, its receipt as printed so far (a retried submit whose
        first answer was lost)."""
        with self._sessions.reads() as session:
            payment = session.get(Payment, payment_id)
            if payment is None:
                raise ValidationError("receipt", "unknown")
            job = _first_job(session, "receipt", payment.receipt_number)
            original = session.get(Payment, payment.refund_of_id) if payment.refund_of_id else None
            return PaymentResult(
                payment.id,
                payment.receipt_number,
                payment.amount_fen,
                job is not None and job.status is PrintJobStatus.PRINTED,
                job.printer if job is not None else None,
                job.last_error if job is not None else None,
                original.receipt_number if original is not None else None,
                job.id if job is not None else None,
            )

    def reprint(self, receipt_number: str, actor: Actor) -> PrintOutcome:
        """Print a receipt, or a deposit's deduction note, again, marked 副本 / COPY (or send it now
        if it never printed)."""
        key = sanitize_text(receipt_number).upper()
        with self._sessions.reads() as session:
            job = session.scalar(
                select(PrintJob)
                .where(
                    PrintJob.document.in_(RECEIPT_BOOK), PrintJob.reference == key, PrintJob.copy.is_(False)
                )
                .order_by(PrintJob.id)
                .limit(1)
            )
            if job is None:
                raise ValidationError("receipt", "unknown")
            job_id, printed = job.id, job.printed_at is not None
        return self._queue.reprint(job_id, actor) if printed else self._queue.send_now(job_id, actor)

    # -- reading ----------------------------------------------------------------------------------

    def recent(self, limit: int = 100) -> list[PaymentView]:
        """The newest receipts, refunds included, for the console."""
        with self._sessions.reads() as session:
            rows = list(session.scalars(select(Payment).order_by(Payment.id.desc()).limit(limit)))
            return self._views(session, rows)

    def taken_since(self, since: datetime, limit: int = 500) -> list[PaymentView]:
        """Receipts and refunds from ``since`` (say, the start of the day), newest first."""
        with self._sessions.reads() as session:
            rows = list(
                session.scalars(
                    select(Payment)
                    .where(Payment.taken_at >= since)
                    .order_by(Payment.taken_at.desc(), Payment.id.desc())
                    .limit(limit)
                )
            )
            return self._views(session, rows)

    def find(self, receipt_or_reference: str) -> PaymentView | None:
        """A receipt by its number, or the open deposit of a card or pass number."""
        key = sanitize_text(receipt_or_reference).upper()
        if not key:
            return None
        with self._sessions.reads() as session:
            row = session.scalar(select(Payment).where(Payment.receipt_number == key))
            if row is None:
                rows = session.scalars(
                    select(Payment)
                    .where(func.upper(Payment.reference) == key, Payment.purpose.in_(DEPOSITS))
                    .order_by(Payment.id.desc())
                )
                views = self._views(session, list(rows))
                return next((v for v in views if v.open_deposit), None)
            return self._views(session, [row])[0]

    def _views(self, session: Session, rows: list[Payment]) -> list[PaymentView]:
        ids = [r.id for r in rows]
        refund_ids = [r.refund_of_id for r in rows if r.refund_of_id is not None]
        # Both directions of the refund link, in two queries for the whole page.
        refunded_by: dict[int | None, str] = {
            original: number
            for original, number in session.execute(
                select(Payment.refund_of_id, Payment.receipt_number).where(Payment.refund_of_id.in_(ids))
            )
        }
        originals: dict[int | None, str] = {
            row_id: number
            for row_id, number in session.execute(
                select(Payment.id, Payment.receipt_number).where(Payment.id.in_(refund_ids))
            )
        }
        deducted: dict[int, int] = {
            payment_id: int(total)
            for payment_id, total in session.execute(
                select(DepositDeduction.payment_id, func.sum(DepositDeduction.amount_fen))
                .where(DepositDeduction.payment_id.in_(ids))
                .group_by(DepositDeduction.payment_id)
            )
        }
        return [
            PaymentView(
                r.id,
                r.receipt_number,
                r.purpose,
                r.method,
                r.amount_fen,
                r.payer,
                r.reference,
                r.description,
                r.clerk_name,
                r.taken_at,
                originals.get(r.refund_of_id),
                refunded_by.get(r.id),
                r.id in deducted and deducted[r.id] >= r.amount_fen,
            )
            for r in rows
        ]

    def cash_summary(self, clerk: Actor, since: datetime, until: datetime | None = None) -> CashSummary:
        """What ``clerk`` took and refunded from ``since``: count and total per kind, net per method.

        A refund counts for the clerk who paid it out (the money left their drawer), whoever took
        the deposit.
        """
        end = until or self._clock.now()
        with self._sessions.reads() as session:
            rows = list(
                session.scalars(
                    select(Payment)
                    .where(
                        Payment.taken_by == clerk.label, Payment.taken_at >= since, Payment.taken_at <= end
                    )
                    .order_by(Payment.id)
                )
            )
            name = self._clerk_name(session, clerk)
        taken: dict[ReceiptPurpose, list[int]] = defaultdict(list)
        refunded: dict[ReceiptPurpose, list[int]] = defaultdict(list)
        methods: dict[PaymentMethod, int] = defaultdict(int)
        for row in rows:
            refund = row.refund_of_id is not None
            (refunded if refund else taken)[row.purpose].append(row.amount_fen)
            methods[row.method] += -row.amount_fen if refund else row.amount_fen
        lines = tuple(
            CashSummaryLine(
                purpose,
                len(taken[purpose]),
                sum(taken[purpose]),
                len(refunded[purpose]),
                sum(refunded[purpose]),
            )
            for purpose in ReceiptPurpose
            if taken[purpose] or refunded[purpose]
        )
        zone = self._site.timezone
        return CashSummary(
            site_name=self._site.name,
            clerk=name,
            period_start=since.astimezone(zone),
            period_end=end.astimezone(zone),
            printed_at=self._clock.now().astimezone(zone),
            lines=lines,
            methods=tuple(MethodTotal(m, methods[m]) for m in PaymentMethod if m in methods),
            first_receipt=rows[0].receipt_number if rows else "",
            last_receipt=rows[-1].receipt_number if rows else "",
        )

    def print_cash_summary(self, summary: CashSummary, actor: Actor, language: str) -> PrintOutcome:
        now = self._clock.now()
        with self._sessions.begin() as session:
            reference = actor.ident[:40]  # the document column says it is a cash summary
            job = self._queue.enqueue(session, summary, reference, language)
            audit.record(
                session,
                actor,
                "payment.cash_summary_printed",
                "print_job",
                job.id,
                now,
                clerk=summary.clerk,
                since=summary.period_start,
                receipts=summary.receipt_count,
                net_fen=summary.net_fen,
            )
            job_id = job.id
        return self._queue.dispatch(job_id, actor)

    def net_cash_since(self, since: datetime) -> int:
        """Cash taken minus cash refunded at the desk since ``since``, by every clerk: what the
        drawer should hold more than it did then (the handover's cash prefill)."""
        cash = select(func.coalesce(func.sum(Payment.amount_fen), 0)).where(
            Payment.method == PaymentMethod.CASH, Payment.taken_at > since
        )
        with self._sessions.reads() as session:
            taken = session.scalar(cash.where(Payment.refund_of_id.is_(None))) or 0
            paid_out = session.scalar(cash.where(Payment.refund_of_id.is_not(None))) or 0
        return int(taken) - int(paid_out)


def deducted_of(payment_id: Any) -> Any:
    """What finance deducted from a deposit, and any forfeit, as a correlated SQL value."""
    return (
        select(func.coalesce(func.sum(DepositDeduction.amount_fen), 0))
        .where(DepositDeduction.payment_id == payment_id)
        .scalar_subquery()
    )


def deducted_fen(session: Session, payment_id: int) -> int:
    """What has been deducted from (or forfeited of) one deposit."""
    return int(session.scalar(select(deducted_of(payment_id))) or 0)


def _first_job(session: Session, document: str, reference: str) -> PrintJob | None:
    """The original print job of a document (not a copy)."""
    return session.scalar(
        select(PrintJob)
        .where(PrintJob.document == document, PrintJob.reference == reference, PrintJob.copy.is_(False))
        .order_by(PrintJob.id)
        .limit(1)
    )


class _RefusedError(Exception):
    """A refund refused after the original was found: audited, then raised as its error."""

    def __init__(self, payment_id: int | None, error: ValidationError) -> None:
        super().__init__(str(error))
        self.payment_id = payment_id
        self.error = error
