"""Key loans (钥匙借用): the desk's register of keys and access cards, each loan and its return.

The desk lends a set (or some of its keys) to a named person against their ID's type and last
four or a staff number (工号), due back at a time (by default the end of the desk's day, [keys] in
the configuration); whoever is signed in at the desk takes the keys back, and says so when not
every key came back: the loan stays open for the rest (on the board, red once past due) until
they come back or a supervisor writes them off as lost with the reason, which lowers the set's
count in the register. Supervisors keep the register: add a set, change one (with the reason),
retire one no longer kept (never deleted). The shift handover counts the keys the register says
should be at the desk (:func:`keys_at_desk`).

Decided: the register's changes and the export (borrowers' names) are a supervisor's (领班), like
the visitor log's export; the desk lends and takes back. Keys and access cards are counted
together at the handover (seed 003 §3.2 names them together: 会议室钥匙、门禁卡).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from kiosk.domain.errors import ValidationError
from kiosk.domain.key_loans import (
    NOTE_MAX,
    REASON_MAX,
    SEARCH_MAX,
    Borrower,
    KeyKind,
    KeyLoanOnBoard,
    KeyLoanSettings,
    KeyLoanView,
    KeyReturnView,
    KeysAtDesk,
    KeySetView,
    KeysOverview,
    SetDraft,
    checked_due,
    checked_keys,
    default_due,
)
from kiosk.domain.staff import Permission, allowed
from kiosk.domain.text import optional_text, required_text
from kiosk.services import audit
from kiosk.services.clock import Clock
from kiosk.services.directory import _escape_like
from kiosk.services.site import SiteInfo
from kiosk.services.staff import SignedIn
from kiosk.services.xlsx_stream import Sheet, write_workbook
from kiosk.storage.database import Sessions
from kiosk.storage.models import KeyLoan, KeyReturn, KeySet

SET = "key_set"
LOAN = "key_loan"
LIST_LIMIT = 200
LOAN_WHICH = ("open", "overdue", "all")


def _require(who: SignedIn, permission: Permission) -> None:
    if not allowed(who.role, permission):
        raise ValidationError("staff", "not_allowed")


def _outstanding() -> ColumnElement[int]:
    return KeyLoan.keys_lent - KeyLoan.keys_back - KeyLoan.keys_lost


def keys_at_desk(session: Session) -> KeysAtDesk:
    """The register's keys (sets in use) and those out on open loans, as of ``session``'s read."""
    registered, sets = session.execute(
        select(func.coalesce(func.sum(KeySet.key_count), 0), func.count(KeySet.id)).where(
            KeySet.retired_at.is_(None)
        )
    ).one()
    out = session.scalar(
        select(func.coalesce(func.sum(_outstanding()), 0)).where(KeyLoan.closed_at.is_(None))
    )
    return KeysAtDesk(int(registered), int(out or 0), int(sets))


def _search(text: str) -> str:
    clean = optional_text(text, "search", SEARCH_MAX)
    return f"%{_escape_like(clean)}%" if clean else ""


@dataclass
class KeyLoanService:
    sessions: Sessions
    clock: Clock
    site: SiteInfo
    settings: KeyLoanSettings = field(default_factory=KeyLoanSettings)

    @property
    def amber(self) -> timedelta:
        return timedelta(minutes=self.settings.amber_minutes)

    # --- the register ---------------------------------------------------------------------------
    def add_set(self, draft: SetDraft, who: SignedIn) -> KeySetView:
        _require(who, Permission.KEY_REGISTER)
        clean = draft.checked()
        now = self.clock.now()
        with self.sessions.begin() as session:
            self._label_free(session, clean.label)
            row = KeySet(
                label=clean.label,
                opens=clean.opens,
                kind=clean.kind,
                key_count=clean.key_count,
                kept_at=clean.kept_at,
                added_at=now,
                added_by=who.actor.label,
                retired_reason="",
            )
            session.add(row)
            session.flush()
            audit.record(
                session, who.actor, "keys.set_added", SET, row.id, now,
                label=row.label, kind=row.kind.value, key_count=row.key_count,
            )  # fmt: skip
            return self._set_view(session, row)

    def update_set(self, set_id: int, draft: SetDraft, reason: str, who: SignedIn) -> KeySetView:
        """Change a set's tag, room, count or hook, with the reason (a key cut again, a lock
        changed): the handover counts against the register, so every change is on record."""
        _require(who, Permission.KEY_REGISTER)
        clean = draft.checked()
        why = required_text(reason, "reason", REASON_MAX)
        now = self.clock.now()
        with self.sessions.begin() as session:
            row = self._active_set(session, set_id)
            if clean.label != row.label:
                self._label_free(session, clean.label)
            out = self._out_of(session, row.id)
            if clean.key_count < out:
                raise ValidationError("key_count", "below_out", out=out)
            before = {"label": row.label, "key_count": row.key_count, "kept_at": row.kept_at}
            row.label, row.opens, row.kind = clean.label, clean.opens, clean.kind
            row.key_count, row.kept_at = clean.key_count, clean.kept_at
            audit.record(
                session, who.actor, "keys.set_changed", SET, row.id, now,
                before=before, label=row.label, key_count=row.key_count, kept_at=row.kept_at, reason=why,
            )  # fmt: skip
            return self._set_view(session, row)

    def retire_set(self, set_id: int, reason: str, who: SignedIn) -> KeySetView:
        """A set no longer kept at the desk leaves the register's count; it stays on record."""
        _require(who, Permission.KEY_REGISTER)
        why = required_text(reason, "reason", REASON_MAX)
        now = self.clock.now()
        with self.sessions.begin() as session:
            row = self._active_set(session, set_id)
            if self._out_of(session, row.id):
                raise ValidationError("set", "on_loan")
            row.retired_at, row.retired_by, row.retired_reason = now, who.actor.label, why
            audit.record(
                session, who.actor, "keys.set_retired", SET, row.id, now, label=row.label, reason=why
            )
            return self._set_view(session, row)

    def sets(self, search: str = "", include_retired: bool = False) -> list[KeySetView]:
        """The register by label; ``search``: part of a label, a room or a hook."""
        pattern = _search(search)
        stmt = select(KeySet).order_by(KeySet.retired_at.is_not(None), KeySet.label, KeySet.id)
        if not include_retired:
            stmt = stmt.where(KeySet.retired_at.is_(None))
        if pattern:
            stmt = stmt.where(
                or_(*(c.ilike(pattern, escape="\\") for c in (KeySet.label, KeySet.opens, KeySet.kept_at)))
            )
        with self.sessions.reads() as session:
            rows = list(session.scalars(stmt))
            out = self._out_by_set(session, [r.id for r in rows])
            return [_set_view(r, out.get(r.id, 0)) for r in rows]

    # --- loans ----------------------------------------------------------------------------------
    def lend(
        self,
        set_id: int,
        borrower: Borrower,
        who: SignedIn,
        keys: int | None = None,
        due_at: datetime | None = None,
        note: str = "",
    ) -> KeyLoanView:
        """Lend ``keys`` of a set (None: every key at the desk) to ``borrower``, due back at
        ``due_at`` (None: the configured default)."""
        _require(who, Permission.KEY_LOANS)
        person = borrower.checked()
        clean_note = optional_text(note, "note", NOTE_MAX)
        now = self.clock.now()
        due = checked_due(due_at, now) if due_at is not None else self.default_due(now)
        with self.sessions.begin() as session:
            row = self._active_set(session, set_id)
            available = row.key_count - self._out_of(session, row.id)
            count = available if keys is None else checked_keys(keys)
            if available <= 0:
                raise ValidationError("set", "all_out")
            if count > available:
                raise ValidationError("keys", "not_available", available=available)
            loan = KeyLoan(
                set_id=row.id,
                keys_lent=count,
                borrower=person.name,
                company=person.company,
                phone=person.phone,
                id_type=person.id_type,
                id_last_four=person.id_last_four,
                staff_number=person.staff_number,
                note=clean_note,
                lent_at=now,
                lent_by=who.actor.label,
                lent_by_name=who.name,
                due_at=due,
                keys_back=0,
                keys_lost=0,
            )
            session.add(loan)
            session.flush()
            # No borrower's name or digits in the audit trail: it outlives the loan's retention.
            audit.record(
                session, who.actor, "keys.lent", LOAN, loan.id, now,
                set=row.label, keys=count, due_at=due, by_staff_number=bool(person.staff_number),
            )  # fmt: skip
            return self._loan_view(session, loan, row)

    def take_back(self, loan_id: int, who: SignedIn, keys: int | None = None, note: str = "") -> KeyLoanView:
        """Keys handed back to the clerk signed in (``who``): every key still out (None), or
        ``keys`` of them; fewer than are out needs ``note`` (what happened to the rest), and the
        loan stays open for them."""
        _require(who, Permission.KEY_LOANS)
        clean_note = optional_text(note, "note", NOTE_MAX)
        now = self.clock.now()
        with self.sessions.begin() as session:
            loan = self._open_loan(session, loan_id)
            outstanding = loan.keys_lent - loan.keys_back - loan.keys_lost
            count = outstanding if keys is None else checked_keys(keys)
            if count > outstanding:
                raise ValidationError("keys", "more_than_out", out=outstanding)
            short = outstanding - count
            if short and not clean_note:
                raise ValidationError("note", "required_short", missing=short)
            loan.keys_back += count
            if not short:
                loan.closed_at = now
            session.add(
                KeyReturn(
                    loan_id=loan.id, at=now, keys=count, lost=False,
                    received_by=who.actor.label, received_by_name=who.name, note=clean_note,
                )
            )  # fmt: skip
            audit.record(
                session, who.actor, "keys.returned", LOAN, loan.id, now,
                keys=count, still_out=short, late=now > loan.due_at,
            )  # fmt: skip
            return self._loan_view(session, loan, session.get_one(KeySet, loan.set_id))

    def write_off(self, loan_id: int, keys: int, reason: str, who: SignedIn) -> KeyLoanView:
        """Keys of a loan that will not come back (lost): a supervisor closes them with the
        reason, and the set's count in the register drops by as many."""
        _require(who, Permission.KEY_REGISTER)
        count = checked_keys(keys)
        why = required_text(reason, "reason", REASON_MAX)
        now = self.clock.now()
        with self.sessions.begin() as session:
            loan = self._open_loan(session, loan_id)
            outstanding = loan.keys_lent - loan.keys_back - loan.keys_lost
            if count > outstanding:
                raise ValidationError("keys", "more_than_out", out=outstanding)
            row = session.get_one(KeySet, loan.set_id)
            loan.keys_lost += count
            row.key_count -= count
            if count == outstanding:
                loan.closed_at = now
            session.add(
                KeyReturn(
                    loan_id=loan.id, at=now, keys=count, lost=True,
                    received_by=who.actor.label, received_by_name=who.name, note=why,
                )
            )  # fmt: skip
            # Not the reason: it often names the borrower, and the trail outlives their retention
            # (the return's note keeps it until the loan's purge).
            audit.record(
                session, who.actor, "keys.written_off", LOAN, loan.id, now,
                set=row.label, keys=count, key_count=row.key_count,
            )  # fmt: skip
            return self._loan_view(session, loan, row)

    def loan(self, loan_id: int) -> KeyLoanView:
        with self.sessions.reads() as session:
            loan = session.get(KeyLoan, loan_id)
            if loan is None:
                raise ValidationError("loan", "unknown")
            return self._loan_view(session, loan, session.get_one(KeySet, loan.set_id))

    def loans(self, which: str = "open", search: str = "", limit: int = LIST_LIMIT) -> list[KeyLoanView]:
        """Loans: ``open`` and ``overdue`` (open and past due) the soonest due first, ``all`` the
        newest first; ``search``:
        part of the borrower's name, company or staff number, or of the set's tag or room."""
        if which not in LOAN_WHICH:
            raise ValidationError("which", "unknown")
        pattern = _search(search)
        now = self.clock.now()
        stmt = (
            select(KeyLoan, KeySet).join(KeySet, KeySet.id == KeyLoan.set_id).limit(max(1, min(limit, 1000)))
        )
        if which == "all":
            stmt = stmt.order_by(KeyLoan.id.desc())
        else:
            stmt = stmt.where(KeyLoan.closed_at.is_(None)).order_by(KeyLoan.due_at, KeyLoan.id)
        if which == "overdue":
            stmt = stmt.where(KeyLoan.due_at <= now)
        if pattern:
            columns = (KeyLoan.borrower, KeyLoan.company, KeyLoan.staff_number, KeySet.label, KeySet.opens)
            stmt = stmt.where(or_(*(c.ilike(pattern, escape="\\") for c in columns)))
        with self.sessions.reads() as session:
            pairs = [(row[0], row[1]) for row in session.execute(stmt)]
            returns = self._returns(session, [loan.id for loan, _ in pairs])
            return [_loan_view(loan, row, returns.get(loan.id, ())) for loan, row in pairs]

    def on_board(self) -> list[KeyLoanOnBoard]:
        """Open loans, the soonest due first, through ix_key_loans_closed_at_due_at: the board
        reads it on every refresh."""
        stmt = (
            select(
                KeyLoan.id, KeySet.label, KeySet.opens, KeySet.kind, _outstanding().label("out"),
                KeyLoan.borrower, KeyLoan.company, KeyLoan.due_at,
            )
            .join(KeySet, KeySet.id == KeyLoan.set_id)
            .where(KeyLoan.closed_at.is_(None))
            .order_by(KeyLoan.due_at, KeyLoan.id)
        )  # fmt: skip
        with self.sessions.reads() as session:
            return [
                KeyLoanOnBoard(r.id, r.label, r.opens, r.kind, r.out, r.borrower, r.company, r.due_at,
                               r.due_at - self.amber)
                for r in session.execute(stmt)
            ]  # fmt: skip

    def at_desk(self) -> KeysAtDesk:
        with self.sessions.reads() as session:
            return keys_at_desk(session)

    def default_due(self, now: datetime | None = None) -> datetime:
        return default_due(now or self.clock.now(), self.site.timezone, self.settings)

    def overview(self, search: str = "") -> KeysOverview:
        """The page's one read: the register, the open loans (both filtered by ``search``), the
        keys that should be at the desk, a new loan's default due time."""
        return KeysOverview(
            self.sets(search),
            self.loans("open", search),
            self.at_desk(),
            self.default_due(),
            self.settings.amber_minutes,
        )

    # --- the export -----------------------------------------------------------------------------
    def export(self, path: Path, words: Mapping[str, str], who: SignedIn) -> Path:
        """The register and every loan as an XLSX workbook at ``path`` (two sheets), headed in
        ``words`` (English -> the desk's language). Written beside it, then renamed. ID numbers
        appear as their type and last four only (nothing more is kept)."""
        _require(who, Permission.KEY_REGISTER)
        zone = self.site.timezone

        def word(text: str) -> str:
            return words.get(text, text)

        def local(at: datetime | None) -> datetime | None:
            return at.astimezone(zone).replace(tzinfo=None) if at is not None else None

        def kind(value: KeyKind) -> str:
            return word("Access card" if value is KeyKind.ACCESS_CARD else "Key")

        sets = self.sets(include_retired=True)
        set_rows: Iterable[Sequence[Any]] = (
            (s.label, s.opens, kind(s.kind), s.key_count, s.out, s.kept_at, local(s.added_at),
             local(s.retired_at), s.retired_reason)
            for s in sets
        )  # fmt: skip
        loans = self._all_loans()
        loan_rows: Iterable[Sequence[Any]] = (
            (loan.loan_id, loan.set_label, loan.opens, loan.keys_lent, loan.borrower, loan.company, loan.phone,
             f"{loan.id_type} {loan.id_last_four}".strip(), loan.staff_number, local(loan.lent_at), loan.lent_by_name,
             local(loan.due_at), loan.keys_back, loan.keys_lost, local(loan.closed_at),
             "; ".join(f"{r.received_by_name} {r.keys}" for r in loan.returns), loan.note)
            for loan in loans
        )  # fmt: skip
        set_headers = ("Tag", "Opens", "Kind", "Keys", "Out", "Kept at", "Added", "Retired", "Reason")
        loan_headers = (
            "Loan", "Tag", "Opens", "Keys lent", "Borrower", "Company", "Phone", "ID (last four)",
            "Staff number", "Lent", "Lent by", "Due back", "Keys back", "Keys lost", "Closed",
            "Taken back by", "Note",
        )  # fmt: skip
        fd, tmp_name = tempfile.mkstemp(prefix=".keys-", suffix=".xlsx", dir=path.parent)
        os.close(fd)
        tmp = Path(tmp_name)
        try:
            write_workbook(
                tmp,
                [
                    Sheet(word("Key register"), [word(h) for h in set_headers], set_rows, {1: 24, 5: 16}),
                    Sheet(word("Key loans"), [word(h) for h in loan_headers], loan_rows, {4: 14, 11: 17}),
                ],
            )
            tmp.replace(path)
        finally:
            tmp.unlink(missing_ok=True)
        with self.sessions.begin() as session:
            audit.record(
                session, who.actor, "keys.exported", "key_register", None, self.clock.now(),
                sets=len(sets), loans=len(loans),
            )  # fmt: skip
        return path

    def _all_loans(self) -> list[KeyLoanView]:
        with self.sessions.reads() as session:
            stmt = select(KeyLoan, KeySet).join(KeySet, KeySet.id == KeyLoan.set_id).order_by(KeyLoan.id)
            pairs = [(row[0], row[1]) for row in session.execute(stmt)]
            returns = self._returns(session, [loan.id for loan, _ in pairs])
            return [_loan_view(loan, row, returns.get(loan.id, ())) for loan, row in pairs]

    # --- helpers --------------------------------------------------------------------------------
    @staticmethod
    def _label_free(session: Session, label: str) -> None:
        taken = session.scalar(
            select(KeySet.id).where(KeySet.retired_at.is_(None), func.lower(KeySet.label) == label.lower())
        )
        if taken is not None:
            raise ValidationError("label", "taken")

    @staticmethod
    def _active_set(session: Session, set_id: int) -> KeySet:
        row = session.get(KeySet, set_id)
        if row is None:
            raise ValidationError("set", "unknown")
        if row.retired_at is not None:
            raise ValidationError("set", "retired")
        return row

    @staticmethod
    def _open_loan(session: Session, loan_id: int) -> KeyLoan:
        loan = session.get(KeyLoan, loan_id)
        if loan is None:
            raise ValidationError("loan", "unknown")
        if loan.closed_at is not None:
            raise ValidationError("loan", "closed")
        return loan

    @staticmethod
    def _out_of(session: Session, set_id: int) -> int:
        out = session.scalar(
            select(func.coalesce(func.sum(_outstanding()), 0)).where(
                KeyLoan.set_id == set_id, KeyLoan.closed_at.is_(None)
            )
        )
        return int(out or 0)

    @staticmethod
    def _out_by_set(session: Session, set_ids: list[int]) -> dict[int, int]:
        if not set_ids:
            return {}
        rows = session.execute(
            select(KeyLoan.set_id, func.sum(_outstanding()))
            .where(KeyLoan.closed_at.is_(None), KeyLoan.set_id.in_(set_ids))
            .group_by(KeyLoan.set_id)
        )
        return {set_id: int(out) for set_id, out in rows}

    @staticmethod
    def _returns(session: Session, loan_ids: list[int]) -> dict[int, tuple[KeyReturnView, ...]]:
        found: dict[int, list[KeyReturnView]] = {}
        if loan_ids:
            stmt = select(KeyReturn).where(KeyReturn.loan_id.in_(loan_ids)).order_by(KeyReturn.id)
            for r in session.scalars(stmt):
                found.setdefault(r.loan_id, []).append(
                    KeyReturnView(r.at, r.keys, r.received_by_name, r.lost, r.note)
                )
        return {loan_id: tuple(views) for loan_id, views in found.items()}

    def _set_view(self, session: Session, row: KeySet) -> KeySetView:
        return _set_view(row, self._out_of(session, row.id))

    def _loan_view(self, session: Session, loan: KeyLoan, row: KeySet) -> KeyLoanView:
        session.flush()
        return _loan_view(loan, row, self._returns(session, [loan.id]).get(loan.id, ()))


def _set_view(row: KeySet, out: int) -> KeySetView:
    return KeySetView(
        row.id, row.label, row.opens, row.kind, row.key_count, row.kept_at, out, row.added_at,
        row.retired_at, row.retired_reason,
    )  # fmt: skip


def _loan_view(loan: KeyLoan, row: KeySet, returns: tuple[KeyReturnView, ...]) -> KeyLoanView:
    return KeyLoanView(
        loan.id, row.id, row.label, row.opens, row.kind, loan.keys_lent, loan.borrower, loan.company,
        loan.phone, loan.id_type, loan.id_last_four, loan.staff_number, loan.note, loan.lent_at,
        loan.lent_by_name, loan.due_at, loan.keys_back, loan.keys_lost, loan.closed_at, returns,
    )  # fmt: skip
