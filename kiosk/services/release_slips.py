"""Release slips (物品放行条): the office issues them, the lobby guard checks them once.

Owners: ID checked (type and last four kept), items listed, the owner signs; over 3 months of
management-fee arrears a supervisor approves with their PIN and a reason; any arrears are printed
as a reminder. Tenants: no slip while they owe fees, and never without the owner's consent by
phone (the call and its answers are recorded, refusals included). The slip and its guard copy
carry a signed code; the guard scans it, and marks it released (one use) or mismatched (void).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select, update

from kiosk.domain.documents import PartyKind, PaymentMethod, ReleaseSlip, SlipItem
from kiosk.domain.errors import ValidationError
from kiosk.domain.identity import masked_from_last_four, validate_id_number
from kiosk.domain.money import format_yuan
from kiosk.domain.printing import PrintJobStatus
from kiosk.domain.release_slip import (
    REASON_MAX,
    SlipBinding,
    SlipCodeError,
    SlipCodeMistypedError,
    SlipNumberOnlyError,
    SlipStatus,
    check_signature,
    mask_phone,
    new_slip_binding,
    owner_needs_override,
    read_slip_code,
    sign_slip_code,
    slip_code_matches,
    slip_number,
    slip_valid_until,
    validate_items,
)
from kiosk.domain.staff import Permission, allowed
from kiosk.domain.text import sanitize_text
from kiosk.domain.views import (
    IssuedSlip,
    OwnerAnswers,
    OwnerCallView,
    PaymentResult,
    PrintOutcome,
    ResidentView,
    ScanResult,
    SlipView,
    UnitRecord,
)
from kiosk.services import audit
from kiosk.services.clock import Clock
from kiosk.services.counters import next_value
from kiosk.services.payments import PaymentService
from kiosk.services.print_queue import PrintQueue
from kiosk.services.residents import ResidentService
from kiosk.services.staff import SignedIn, StaffService
from kiosk.storage.database import Sessions
from kiosk.storage.models import OwnerCall, PrintJob, ReleaseSlipRecord

# The owner's answer covers the slip written while the tenant waits, not one written tomorrow.
OWNER_CALL_VALID = timedelta(hours=2)


@dataclass(frozen=True)
class ArrearsOverride:
    """A supervisor (管理处主任) approves an owner's slip despite arrears over 3 months."""

    supervisor: str  # their staff number
    pin: str
    reason: str


@dataclass(frozen=True)
class SlipRequest:
    unit: str
    holder_name: str
    party_kind: PartyKind
    id_type: str
    id_number: str
    items: tuple[tuple[str, int], ...]
    signed_name: str
    signature_confirmed: bool
    owner_call_id: int | None = None
    override: ArrearsOverride | None = None
    language: str = "zh_CN"


def _refusal(error: ValidationError) -> dict[str, object]:
    # Figures only (months, amounts): a text parameter may be a person's name (the owner who
    # refused), and the audit trail outlives the slip's retention.
    figures = {k: v for k, v in error.params.items() if isinstance(v, int | float)}
    return {"reason": f"{error.field}.{error.code}", **figures}


class ReleaseSlipService:
    def __init__(
        self,
        sessions: Sessions,
        clock: Clock,
        queue: PrintQueue,
        residents: ResidentService,
        staff: StaffService,
        key: bytes,
        site_name: str,
        zone: ZoneInfo,
        payments: PaymentService,
        valid_hours: int = 0,
    ) -> None:
        self._payments = payments
        self._valid_hours = valid_hours  # config desk.slip_valid_hours: 0, the day of issue
        self._sessions = sessions
        self._clock = clock
        self._queue = queue
        self._residents = residents
        self._staff = staff
        self._key = key
        self._site_name = site_name
        self._zone = zone

    # -- the office ------------------------------------------------------------------------

    def unit(self, unit: str) -> UnitRecord:
        return self._residents.unit(unit)

    def pay_arrears(
        self,
        unit: str,
        payer_name: str,
        kind: PartyKind,
        who: SignedIn,
        method: PaymentMethod = PaymentMethod.CASH,
        language: str = "zh_CN",
    ) -> PaymentResult:
        """Take the payer's outstanding management fees at the desk (代收): one receipt for the
        whole amount, the ledger's months marked paid by it, in one transaction."""
        _require(who, Permission.TAKE_PAYMENTS)
        record = self._residents.unit(unit)
        payer = _on_record(record, payer_name, kind)
        arrears = record.arrears(kind)
        if not arrears.count:
            raise ValidationError("arrears", "none")
        months = arrears.months[0] if arrears.count == 1 else f"{arrears.months[0]} ~ {arrears.months[-1]}"
        with self._sessions.begin() as session:
            pending = self._payments.add_fee_payment(
                session,
                payer.name,
                arrears.amount_fen,
                f"物业管理费 {months}",
                who.actor,
                unit=record.unit,
                method=method,
                language=language,
            )
            self._residents.settle(session, record.unit, kind, pending.receipt_number, who.actor)
        return self._payments.print_receipt(pending, who.actor)

    def record_owner_call(
        self, unit: str, tenant_name: str, owner_name: str, answers: OwnerAnswers, who: SignedIn
    ) -> OwnerCallView:
        """Record the call to the owner (from the owner records) before a tenant's slip."""
        _require(who, Permission.ISSUE_RELEASE_SLIPS)
        record = self._residents.unit(unit)
        tenant = _on_record(record, tenant_name, PartyKind.TENANT)
        owner = _on_record(record, owner_name, PartyKind.OWNER, field="owner")
        note = sanitize_text(answers.note)[:REASON_MAX]
        now = self._clock.now()
        with self._sessions.begin() as session:
            call = OwnerCall(
                unit=record.unit,
                tenant_name=tenant.name,
                owner_name=owner.name,
                owner_phone=owner.phone,
                owner_knows=answers.owner_knows,
                rent_owed=answers.rent_owed,
                owner_items=answers.owner_items,
                consent=answers.consent,
                note=note,
                phoned_by=who.actor.label,
                phoned_at=now,
            )
            session.add(call)
            session.flush()
            audit.record(
                session,
                who.actor,
                "release_slip.owner_called",
                "owner_call",
                call.id,
                now,
                unit=record.unit,
                owner_knows=answers.owner_knows,
                rent_owed=answers.rent_owed,
                owner_items=answers.owner_items,
                consent=answers.consent,
            )
            return _call_view(call)

    def issue(self, request: SlipRequest, who: SignedIn) -> IssuedSlip:
        """Check everything, store the slip with its print job and audit event, then print it.

        A refusal (tenant arrears, the owner said no) is audited before it is raised.
        """
        _require(who, Permission.ISSUE_RELEASE_SLIPS)
        record = self._residents.unit(request.unit)
        holder = _on_record(record, request.holder_name, request.party_kind)
        arrears = record.arrears(request.party_kind)
        now = self._clock.now()
        call: OwnerCallView | None = None
        if request.party_kind is PartyKind.TENANT:
            refusal: ValidationError | None = None
            if arrears.count:
                refusal = ValidationError(
                    "arrears", "tenant_must_pay", months=arrears.count, amount=format_yuan(arrears.amount_fen)
                )
            else:
                call = self._owner_call(request.owner_call_id, record.unit, holder.name, now)
                if call is None:
                    refusal = ValidationError("owner_consent", "call_required")
                elif not call.answers.consent:
                    refusal = ValidationError("owner_consent", "refused", owner=call.owner_name)
            if refusal is not None:
                self._audit_refusal(who, record.unit, holder.name, refusal, now)
                raise refusal
        id_type = request.id_type or "resident_id"
        last_four = validate_id_number(id_type, request.id_number, now.astimezone(self._zone).date())[-4:]
        items = validate_items(list(request.items))
        signed = check_signature(holder.name, request.signed_name, request.signature_confirmed)
        approver: SignedIn | None = None
        reason = ""
        needs_approval = _approval_needed(record, request.party_kind)
        if needs_approval is not None:
            try:
                approver, reason = self._check_override(request.override, needs_approval)
            except ValidationError as refusal:
                self._audit_refusal(who, record.unit, holder.name, refusal, now)
                raise
        with self._sessions.begin() as session:
            number = slip_number(next_value(session, "release_slip"))
            binding = new_slip_binding(now)
            code = sign_slip_code(self._key, number, binding)
            slip = ReleaseSlipRecord(
                slip_number=number,
                party_kind=request.party_kind,
                unit=record.unit,
                holder_name=holder.name,
                id_type=id_type,
                id_last_four=last_four,
                items=json.dumps(items, ensure_ascii=False),
                signed_name=signed,
                owner_call_id=call.call_id if call else None,
                arrears_months=arrears.count,
                arrears_fen=arrears.amount_fen,
                override_by=approver.actor.label if approver else None,
                override_reason=reason or None,
                issued_by=who.actor.label,
                issued_by_name=who.name,
                issued_at=now,
                status=SlipStatus.ISSUED,
                code_nonce=binding.nonce,
                valid_until=slip_valid_until(now, self._valid_hours, self._zone),
            )
            session.add(slip)
            session.flush()
            if call is not None:
                local = call.phoned_at.astimezone(self._zone).strftime("%H:%M")
                confirmed = f"{call.owner_name} {mask_phone(call.owner_phone)} {local}"
            else:
                confirmed = signed
            document = ReleaseSlip(
                slip_number=number,
                slip_code=code,
                issued_at=now.astimezone(self._zone),
                party_kind=request.party_kind,
                unit=record.unit,
                holder_name=holder.name,
                id_masked=masked_from_last_four(last_four, 18 if id_type == "resident_id" else 8),
                items=tuple(SlipItem(name, quantity) for name, quantity in items),
                confirmed_by=confirmed,
                clerk=who.name,
                site_name=self._site_name,
                arrears_months=arrears.count,
                arrears_fen=arrears.amount_fen,
                override_by=approver.name if approver else "",
                fees_known=record.fees_known,
            )
            job = self._queue.enqueue(session, document, number, request.language)
            audit.record(
                session,
                who.actor,
                "release_slip.issued",
                "release_slip",
                slip.id,
                now,
                slip_number=number,
                party=request.party_kind.value,
                unit=record.unit,
                items=len(items),
                arrears_months=arrears.count,
                fees_known=record.fees_known,
                # Who overrode, not their words: the slip keeps those for its retention only.
                override_by=approver.actor.label if approver else None,
                owner_call=call.call_id if call else None,
            )
            slip_id, job_id = slip.id, job.id
        return IssuedSlip(slip_id, number, code, self._queue.dispatch(job_id, who.actor))

    def issued(self, slip_id: int) -> IssuedSlip:
        """An issued slip's answer again, its print job as it stands (a retried submit whose first
        answer was lost)."""
        with self._sessions.reads() as session:
            slip = session.get(ReleaseSlipRecord, slip_id)
            if slip is None:
                raise ValidationError("slip", "unknown")
            job = session.scalar(
                select(PrintJob)
                .where(
                    PrintJob.document == "release-slip",
                    PrintJob.reference == slip.slip_number,
                    PrintJob.copy.is_(False),
                )
                .order_by(PrintJob.id)
                .limit(1)
            )
            outcome = PrintOutcome(
                job.id if job is not None else 0,
                job is not None and job.status is PrintJobStatus.PRINTED,
                job.printer if job is not None else None,
                job.last_error if job is not None else None,
            )
            code = sign_slip_code(self._key, slip.slip_number, _binding(slip))
            return IssuedSlip(slip.id, slip.slip_number, code, outcome)

    def _owner_call(self, call_id: int | None, unit: str, tenant: str, now: datetime) -> OwnerCallView | None:
        if call_id is None:
            return None
        with self._sessions.reads() as session:
            call = session.get(OwnerCall, call_id)
            if call is None or call.unit != unit or call.tenant_name != tenant:
                return None
            if now - call.phoned_at > OWNER_CALL_VALID:
                return None
            return _call_view(call)

    def _check_override(
        self, override: ArrearsOverride | None, missing: ValidationError
    ) -> tuple[SignedIn, str]:
        if override is None:
            raise missing
        reason = sanitize_text(override.reason)
        if not reason:
            raise ValidationError("reason", "required")
        if len(reason) > REASON_MAX:
            raise ValidationError("reason", "too_long", max=REASON_MAX)
        # The supervisor's PIN, typed at this console: audited (and locked out) like a sign-in.
        supervisor = self._staff.sign_in(override.supervisor, override.pin, purpose="arrears_override")
        if not allowed(supervisor.role, Permission.OVERRIDE_ARREARS):
            raise ValidationError("override", "not_a_supervisor")
        return supervisor, reason

    def _audit_refusal(
        self, who: SignedIn, unit: str, holder: str, error: ValidationError, now: datetime
    ) -> None:
        with self._sessions.begin() as session:
            audit.record(
                session,
                who.actor,
                "release_slip.refused",
                "release_slip",
                "-",
                now,
                unit=unit,
                **_refusal(error),
            )

    # -- the lobby guard -------------------------------------------------------------------

    def scan(self, code: str, who: SignedIn) -> ScanResult:
        """What a scanned QR code or a typed short code is: a valid slip, a used, voided or expired
        one, or not ours at all. Wrong typed codes are audited like forged scans: guessing leaves a
        trail."""
        _require(who, Permission.VERIFY_RELEASE_SLIPS)
        now = self._clock.now()
        with self._sessions.begin() as session:

            def invalid(code_seen: str, why: str) -> None:
                audit.record(
                    session,
                    who.actor,
                    "release_slip.invalid_code",
                    "release_slip",
                    "-",
                    now,
                    code=sanitize_text(code_seen)[:40],
                    why=why,
                )

            try:
                read = read_slip_code(code)
            except SlipCodeError as exc:
                invalid(code, str(exc))
                if isinstance(exc, SlipNumberOnlyError):
                    return ScanResult("invalid", why="number_only")
                return ScanResult("invalid", why="mistyped" if isinstance(exc, SlipCodeMistypedError) else "")
            slip = session.scalar(
                select(ReleaseSlipRecord).where(ReleaseSlipRecord.slip_number == read.number)
            )
            if slip is None or not slip_code_matches(self._key, read, _binding(slip)):
                # Not signed here, altered, or signed here for another slip of this number: a paper
                # slip issued before the database was restored from an older backup (its nonce is
                # not this slip's). A typed one may be a typing slip: the guard types it again.
                invalid(code, "not on record" if slip is None else "not this slip's code")
                return ScanResult("invalid", why="mistyped" if read.check else "")
            view = _slip_view(slip, self._zone)
            expired = (
                slip.status is SlipStatus.ISSUED and view.valid_until is not None and now >= view.valid_until
            )
            outcome = {SlipStatus.ISSUED: "valid", SlipStatus.RELEASED: "used", SlipStatus.VOIDED: "voided"}
            audit.record(
                session,
                who.actor,
                "release_slip.scanned",
                "release_slip",
                slip.id,
                now,
                slip_number=read.number,
                status="expired" if expired else slip.status.value,
            )
            return ScanResult("expired" if expired else outcome[slip.status], view)

    def release(self, slip_id: int, who: SignedIn) -> SlipView:
        """The goods match: let them out. A slip is good for one release only."""
        return self._close(slip_id, who, SlipStatus.RELEASED, "")

    def mismatch(self, slip_id: int, who: SignedIn, reason: str = "") -> SlipView:
        """The goods do not match: the slip is void; the holder goes back to the office."""
        return self._close(slip_id, who, SlipStatus.VOIDED, sanitize_text(reason)[:REASON_MAX])

    def _close(self, slip_id: int, who: SignedIn, status: SlipStatus, reason: str) -> SlipView:
        _require(who, Permission.VERIFY_RELEASE_SLIPS)
        now = self._clock.now()
        with self._sessions.begin() as session:
            if status is SlipStatus.RELEASED:
                current = session.get(ReleaseSlipRecord, slip_id)
                if current is not None and current.status is SlipStatus.ISSUED:
                    until = _valid_until(current, self._zone)
                    if now >= until:
                        local = until.astimezone(self._zone).strftime("%Y-%m-%d %H:%M")
                        raise ValidationError("slip", "expired", valid_until=local)
                    session.expire(current)  # the update below decides; read it again after
            # One statement: two guards scanning the same slip cannot both release it.
            changed = session.execute(
                update(ReleaseSlipRecord)
                .where(ReleaseSlipRecord.id == slip_id, ReleaseSlipRecord.status == SlipStatus.ISSUED)
                .values(
                    status=status,
                    checked_by=who.actor.label,
                    checked_by_name=who.name,
                    checked_at=now,
                    void_reason=reason or None,
                )
                .execution_options(synchronize_session=False)
            )
            slip = session.get(ReleaseSlipRecord, slip_id)
            if slip is None:
                raise ValidationError("slip", "unknown")
            if not getattr(changed, "rowcount", 0):
                raise ValidationError(
                    "slip", "already_used" if slip.status is SlipStatus.RELEASED else "voided"
                )
            session.refresh(slip)
            action = "release_slip.released" if status is SlipStatus.RELEASED else "release_slip.voided"
            audit.record(
                session,
                who.actor,
                action,
                "release_slip",
                slip.id,
                now,
                slip_number=slip.slip_number,
            )
            return _slip_view(slip, self._zone)

    def slip(self, slip_id: int) -> SlipView:
        with self._sessions.reads() as session:
            slip = session.get(ReleaseSlipRecord, slip_id)
            if slip is None:
                raise ValidationError("slip", "unknown")
            return _slip_view(slip, self._zone)

    def slips(self, limit: int = 50) -> list[SlipView]:
        """The newest slips, for the office's list."""
        with self._sessions.reads() as session:
            rows = session.scalars(
                select(ReleaseSlipRecord).order_by(ReleaseSlipRecord.id.desc()).limit(limit)
            )
            return [_slip_view(s, self._zone) for s in rows]


def _approval_needed(record: UnitRecord, kind: PartyKind) -> ValidationError | None:
    """Why the slip needs a supervisor's PIN and reason, as the error to raise without them.

    No fee ledger for the unit is not "paid up": nobody at the desk knows, so the supervisor, who
    can ask finance, decides, as for an owner over 3 months behind.
    """
    if not record.fees_known:
        return ValidationError("fees", "no_record")
    arrears = record.arrears(kind)
    if kind is PartyKind.OWNER and owner_needs_override(arrears):
        return ValidationError(
            "arrears", "override_required", months=arrears.count, amount=format_yuan(arrears.amount_fen)
        )
    return None


def _require(who: SignedIn, permission: Permission) -> None:
    if not allowed(who.role, permission):
        raise ValidationError("staff", "not_allowed")


def _on_record(record: UnitRecord, name: str, kind: PartyKind, field: str = "holder") -> ResidentView:
    clean = sanitize_text(name)
    match = next((r for r in record.of_kind(kind) if r.name == clean), None)
    if match is None:
        raise ValidationError(field, "not_on_record", unit=record.unit, name=clean)
    return match


def _call_view(call: OwnerCall) -> OwnerCallView:
    return OwnerCallView(
        call.id,
        call.unit,
        call.tenant_name,
        call.owner_name,
        call.owner_phone,
        OwnerAnswers(call.owner_knows, call.rent_owed, call.owner_items, call.consent, call.note),
        call.phoned_by,
        call.phoned_at,
    )


def _binding(slip: ReleaseSlipRecord) -> SlipBinding | None:
    """What the slip's code is signed over besides its number; None for a slip issued before
    migration 0019 (decided: its code verifies as it always did, until its day ends)."""
    return None if slip.code_nonce is None else SlipBinding(slip.code_nonce, slip.issued_at)


def _valid_until(slip: ReleaseSlipRecord, zone: ZoneInfo) -> datetime:
    # Slips issued before migration 0019 have none stored: the end of their day of issue.
    return slip.valid_until or slip_valid_until(slip.issued_at, 0, zone)


def _slip_view(slip: ReleaseSlipRecord, zone: ZoneInfo) -> SlipView:
    items: list[list[object]] = json.loads(slip.items)
    return SlipView(
        slip.id,
        slip.slip_number,
        slip.party_kind,
        slip.unit,
        slip.holder_name,
        tuple(SlipItem(str(name), int(str(qty))) for name, qty in items),
        slip.issued_by_name,
        slip.issued_at,
        slip.status,
        slip.checked_by_name,
        slip.checked_at,
        slip.void_reason,
        _valid_until(slip, zone),
    )
