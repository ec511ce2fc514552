"""Owner/tenant records (业主资料) and the management-fee ledger, both imported from the
property-management system's CSV exports; the desk reads them for release slips."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kiosk.domain.documents import PartyKind
from kiosk.domain.errors import ValidationError
from kiosk.domain.imports import (
    FEE_COLUMNS,
    RESIDENT_COLUMNS,
    FeeRow,
    ResidentRow,
    RowError,
    normalise_unit,
    validate_fee_row,
    validate_resident_row,
)
from kiosk.domain.release_slip import Arrears, arrears_from_ledger
from kiosk.domain.views import ResidentView, UnitRecord
from kiosk.services import audit
from kiosk.services.audit import Actor
from kiosk.services.clock import Clock
from kiosk.services.csv_import import Counts, CsvImporter, ImportReport, ImportSpec
from kiosk.storage.database import Sessions
from kiosk.storage.models import FeeLedgerEntry, Resident


def _store_residents(session: Session, rows: list[ResidentRow], now: datetime) -> Counts:
    # Only the units of this batch: an import stores in batches (kiosk.services.csv_import).
    units = {row.unit for row in rows}
    existing = {
        (r.unit, r.name): r for r in session.scalars(select(Resident).where(Resident.unit.in_(units)))
    }
    added = updated = unchanged = 0
    for row in rows:
        record = existing.get((row.unit, row.name))
        if record is None:
            session.add(
                Resident(unit=row.unit, name=row.name, kind=row.kind, phone=row.phone, updated_at=now)
            )
            added += 1
        elif (record.kind, record.phone) != (row.kind, row.phone):
            record.kind, record.phone, record.updated_at = row.kind, row.phone, now
            updated += 1
        else:
            unchanged += 1
    return Counts(added, updated, unchanged)


def _store_fees(session: Session, rows: list[FeeRow], now: datetime) -> Counts:
    units = {row.unit for row in rows}
    existing = {
        (e.unit, e.payer, e.month): e
        for e in session.scalars(select(FeeLedgerEntry).where(FeeLedgerEntry.unit.in_(units)))
    }
    added = updated = unchanged = 0
    for row in rows:
        entry = existing.get((row.unit, row.payer, row.month))
        if entry is None:
            session.add(
                FeeLedgerEntry(
                    unit=row.unit,
                    payer=row.payer,
                    month=row.month,
                    due_fen=row.due_fen,
                    paid_fen=row.paid_fen,
                    updated_at=now,
                )
            )
            added += 1
        elif (entry.due_fen, entry.paid_fen) != (row.due_fen, row.paid_fen):
            entry.due_fen, entry.paid_fen, entry.updated_at = row.due_fen, row.paid_fen, now
            entry.settled_by_receipt = None  # the system of record has spoken
            updated += 1
        else:
            unchanged += 1
    return Counts(added, updated, unchanged)


def _known_units(session: Session) -> Callable[[FeeRow], None]:
    units = set(session.scalars(select(Resident.unit).distinct()))

    def check(row: FeeRow) -> None:
        if row.unit not in units:
            raise RowError("unit", "unknown_unit", value=row.unit)

    return check


RESIDENTS_SPEC: ImportSpec[ResidentRow] = ImportSpec(
    "residents",
    RESIDENT_COLUMNS,
    validate_resident_row,
    lambda r: (r.unit, r.name),
    "unit and name",
    _store_residents,
)
FEES_SPEC: ImportSpec[FeeRow] = ImportSpec(
    "fees",
    FEE_COLUMNS,
    validate_fee_row,
    lambda r: (r.unit, r.payer, r.month),
    "unit, payer and month",
    _store_fees,
    _known_units,
)


class ResidentService:
    def __init__(self, sessions: Sessions, clock: Clock) -> None:
        self._sessions = sessions
        self._clock = clock
        self._importer = CsvImporter(sessions, clock)

    def import_residents(
        self, data: bytes, file_name: str, actor: Actor, skip_bad_rows: bool = False
    ) -> ImportReport:
        return self._importer.run(RESIDENTS_SPEC, data, file_name, actor, skip_bad_rows)

    def import_fees(
        self, data: bytes, file_name: str, actor: Actor, skip_bad_rows: bool = False
    ) -> ImportReport:
        return self._importer.run(FEES_SPEC, data, file_name, actor, skip_bad_rows)

    def count(self) -> int:
        """How many owners and tenants are on record."""
        with self._sessions.reads() as session:
            return session.scalar(select(func.count(Resident.id))) or 0

    def unit(self, unit_text: str) -> UnitRecord:
        """The unit's residents and arrears; ValidationError("unit", ...) if it is not on record."""
        try:
            unit = normalise_unit(unit_text)
        except RowError:
            raise ValidationError("unit", "format") from None
        with self._sessions.reads() as session:
            return self._unit(session, unit)

    def _unit(self, session: Session, unit: str) -> UnitRecord:
        residents = tuple(
            ResidentView(r.id, r.unit, r.name, r.kind, r.phone)
            for r in session.scalars(
                select(Resident).where(Resident.unit == unit).order_by(Resident.kind, Resident.name)
            )
        )
        if not residents:
            raise ValidationError("unit", "unknown", unit=unit)
        ledger = session.scalars(select(FeeLedgerEntry).where(FeeLedgerEntry.unit == unit)).all()
        by_payer = {
            kind: arrears_from_ledger([(e.month, e.due_fen, e.paid_fen) for e in ledger if e.payer is kind])
            for kind in PartyKind
        }
        return UnitRecord(
            unit, residents, by_payer[PartyKind.OWNER], by_payer[PartyKind.TENANT], fees_known=bool(ledger)
        )

    def settle(self, session: Session, unit: str, payer: PartyKind, receipt: str, actor: Actor) -> Arrears:
        """In the caller's transaction (the one taking the payment): mark the payer's months in
        arrears paid by ``receipt``. Returns what was settled. The next ledger import replaces
        these rows with the property-management system's own figures."""
        now = self._clock.now()
        owed = session.scalars(
            select(FeeLedgerEntry).where(
                FeeLedgerEntry.unit == unit,
                FeeLedgerEntry.payer == payer,
                FeeLedgerEntry.paid_fen < FeeLedgerEntry.due_fen,
            )
        ).all()
        settled = arrears_from_ledger([(e.month, e.due_fen, e.paid_fen) for e in owed])
        for entry in owed:
            entry.paid_fen, entry.settled_by_receipt, entry.updated_at = entry.due_fen, receipt, now
        audit.record(
            session,
            actor,
            "fees.settled",
            "fee_ledger",
            unit,
            now,
            payer=payer.value,
            months=list(settled.months),
            amount_fen=settled.amount_fen,
            receipt=receipt,
        )
        return settled
