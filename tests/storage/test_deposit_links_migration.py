"""Migration 0035 (deposits tied to items, the decoration bond, deductions) goes back only when
revision 0034 can hold what is stored: a decoration bond or a deduction refuses it, nothing
changed; otherwise it goes down keeping every receipt, and up again."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import inspect
from sqlalchemy import text as sql
from sqlalchemy.exc import IntegrityError

from kiosk.domain.deposits import DeductionKind, DepositItem
from kiosk.domain.documents import PaymentMethod, ReceiptPurpose
from kiosk.storage import migrate
from kiosk.storage.database import Database
from kiosk.storage.models import DepositDeduction, DepositLink, Payment

AT = datetime(2026, 11, 25, 2, 0, tzinfo=UTC)


@pytest.fixture
def db(empty_database: str) -> Iterator[Database]:
    with Database.open(empty_database) as database:
        migrate.upgrade(database.engine)
        yield database


def receipt(number: str, purpose: ReceiptPurpose) -> Payment:
    return Payment(
        receipt_number=number,
        purpose=purpose,
        method=PaymentMethod.CASH,
        amount_fen=20000,
        payer="张三",
        reference="P001",
        taken_by="staff:clerk",
        clerk_name="赵敏",
        taken_at=AT,
    )


def link(payment: Payment, item: DepositItem) -> DepositLink:
    return DepositLink(
        payment_id=payment.id, item=item, item_label="P001", linked_at=AT, linked_by="staff:clerk"
    )


def version(db: Database) -> str:
    with db.engine.connect() as conn:
        return str(conn.scalar(sql("SELECT version_num FROM alembic_version")))


def count(db: Database, table: str) -> int:
    with db.engine.connect() as conn:
        return int(conn.scalar(sql(f"SELECT COUNT(*) FROM {table}")) or 0)


def test_a_bond_or_a_deduction_refuses_the_way_back_and_otherwise_it_goes_down_and_up(db: Database) -> None:
    with db.sessions.begin() as session:
        deposit = receipt("R000001", ReceiptPurpose.PASS_DEPOSIT)
        bond = receipt("R000002", ReceiptPurpose.DECORATION_BOND)
        session.add_all([deposit, bond])
        session.flush()
        session.add_all([link(deposit, DepositItem.PASS), link(bond, DepositItem.PERMIT)])
        session.add(
            DepositDeduction(
                payment_id=deposit.id,
                kind=DeductionKind.DEDUCTION,
                amount_fen=5000,
                reason="通行证损坏",
                note_number="R000003",
                recorded_by="staff:boss",
                recorded_by_name="钱主管",
                recorded_at=AT,
            )
        )

    # A bond has no purpose before 0035: refused, everything as it was.
    with pytest.raises(RuntimeError, match="1 receipts are decoration bonds"):
        migrate.downgrade(db.engine, "0034")
    assert version(db) == "0035"
    assert (count(db, "payments"), count(db, "deposit_links"), count(db, "deposit_deductions")) == (2, 2, 1)

    # (The test's own rows, taken away to reach the next check: the program never deletes them.)
    with db.engine.begin() as conn:
        conn.execute(
            sql(
                "DELETE FROM deposit_links WHERE payment_id = "
                "(SELECT id FROM payments WHERE purpose = 'decoration_bond')"
            )
        )
        conn.execute(sql("DELETE FROM payments WHERE purpose = 'decoration_bond'"))
    # Without its deductions a deposit's balance would read as its whole amount again: refused.
    with pytest.raises(RuntimeError, match="1 deductions or forfeits"):
        migrate.downgrade(db.engine, "0034")
    assert version(db) == "0035" and count(db, "deposit_deductions") == 1

    with db.engine.begin() as conn:
        conn.execute(sql("DELETE FROM deposit_deductions"))
    migrate.downgrade(db.engine, "0034")
    assert version(db) == "0034"
    tables = set(inspect(db.engine).get_table_names())
    assert not tables & {"deposit_links", "deposit_deductions"}
    with db.engine.connect() as conn:
        assert conn.execute(sql("SELECT receipt_number, purpose, payer FROM payments")).all() == [
            ("R000001", "pass_deposit", "张三")
        ]
    with pytest.raises(IntegrityError), db.engine.begin() as conn:  # 0034's purposes: no bond
        conn.execute(sql("UPDATE payments SET purpose = 'decoration_bond'"))

    assert migrate.upgrade(db.engine)
    migrate.check(db.engine)
    assert version(db) == "0035" and count(db, "deposit_links") == 0
    with db.sessions.begin() as session:
        session.add(receipt("R000004", ReceiptPurpose.DECORATION_BOND))  # the bond's purpose is back
    assert count(db, "payments") == 2
