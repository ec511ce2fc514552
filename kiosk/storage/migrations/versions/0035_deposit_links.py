"""deposits tied to what they secure, the decoration bond and its deductions

A deposit may be linked to the machine-room pass, visitor card or permit it covers
(deposit_links); finance's deductions and a supervisor's forfeits are kept with their printed
note's number (deposit_deductions); payments take a new purpose, the decoration bond (装修保证金).

Revision ID: 0035
Revises: 0034
Create Date: 2026-12-05 12:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import kiosk.storage.types

revision = "0035"
down_revision = "0034"
branch_labels = None
depends_on = None

PURPOSES = ("card_deposit", "pass_deposit", "decoration_pass_deposit", "fee_on_behalf")
BOND = "decoration_bond"


def _enum(name: str, *values: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=20)


def _purposes(values: tuple[str, ...]) -> str:
    return "purpose IN (" + ", ".join(f"'{v}'" for v in values) + ")"


def _purpose_check(values: tuple[str, ...]) -> None:
    # The enum's CHECK constraint written again with the purposes allowed (SQLite: a copy of the
    # table, which migrate runs with foreign keys off and checks before it commits).
    with op.batch_alter_table("payments", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_payments_receipt_purpose"), type_="check")
        batch_op.create_check_constraint(op.f("ck_payments_receipt_purpose"), _purposes(values))


def upgrade() -> None:
    _purpose_check((*PURPOSES, BOND))
    op.create_table(
        "deposit_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("payment_id", sa.Integer(), nullable=False),
        sa.Column("item", _enum("deposit_item", "pass", "visitor_card", "permit"), nullable=False),
        sa.Column("pass_loan_item_id", sa.Integer(), nullable=True),
        sa.Column("visit_id", sa.Integer(), nullable=True),
        sa.Column("permit_id", sa.Integer(), nullable=True),
        sa.Column("item_label", sa.String(length=40), nullable=False),
        sa.Column("linked_at", kiosk.storage.types.UTCDateTime(), nullable=False),
        sa.Column("linked_by", sa.String(length=80), nullable=False),
        sa.ForeignKeyConstraint(
            ["pass_loan_item_id"],
            ["pass_loan_items.id"],
            name=op.f("fk_deposit_links_pass_loan_item_id_pass_loan_items"),
        ),
        sa.ForeignKeyConstraint(
            ["payment_id"], ["payments.id"], name=op.f("fk_deposit_links_payment_id_payments")
        ),
        sa.ForeignKeyConstraint(
            ["permit_id"], ["permits.id"], name=op.f("fk_deposit_links_permit_id_permits")
        ),
        sa.ForeignKeyConstraint(["visit_id"], ["visits.id"], name=op.f("fk_deposit_links_visit_id_visits")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deposit_links")),
        sa.UniqueConstraint("payment_id", name=op.f("uq_deposit_links_payment_id")),
    )
    with op.batch_alter_table("deposit_links", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_deposit_links_pass_loan_item_id"), ["pass_loan_item_id"])
        batch_op.create_index(batch_op.f("ix_deposit_links_permit_id"), ["permit_id"])
        batch_op.create_index(batch_op.f("ix_deposit_links_visit_id"), ["visit_id"])
    op.create_table(
        "deposit_deductions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("payment_id", sa.Integer(), nullable=False),
        sa.Column("kind", _enum("deduction_kind", "deduction", "forfeit"), nullable=False),
        sa.Column("amount_fen", sa.BigInteger(), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("note_number", sa.String(length=20), nullable=False),
        sa.Column("recorded_by", sa.String(length=80), nullable=False),
        sa.Column("recorded_by_name", sa.String(length=60), nullable=False),
        sa.Column("approved_by", sa.String(length=80), nullable=False),
        sa.Column("approved_by_name", sa.String(length=60), nullable=False),
        sa.Column("recorded_at", kiosk.storage.types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["payment_id"], ["payments.id"], name=op.f("fk_deposit_deductions_payment_id_payments")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deposit_deductions")),
        sa.UniqueConstraint("note_number", name=op.f("uq_deposit_deductions_note_number")),
    )
    with op.batch_alter_table("deposit_deductions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_deposit_deductions_payment_id"), ["payment_id"])


def downgrade() -> None:
    bonds = op.get_bind().scalar(sa.text(f"SELECT COUNT(*) FROM payments WHERE purpose = '{BOND}'"))
    if bonds:
        # Receipts are never deleted: a bond taken has no purpose before 0035 to be kept as.
        raise RuntimeError(
            f"{bonds} receipts are decoration bonds (装修保证金), which revision 0034 cannot hold; "
            "restore a backup from before 0035 instead"
        )
    deductions = op.get_bind().scalar(sa.text("SELECT COUNT(*) FROM deposit_deductions"))
    if deductions:
        # Without them a deposit's balance would read as its whole amount again.
        raise RuntimeError(
            f"{deductions} deductions or forfeits of deposits are recorded, which revision 0034 "
            "cannot hold; restore a backup from before 0035 instead"
        )
    with op.batch_alter_table("deposit_deductions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_deposit_deductions_payment_id"))
    op.drop_table("deposit_deductions")
    with op.batch_alter_table("deposit_links", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_deposit_links_visit_id"))
        batch_op.drop_index(batch_op.f("ix_deposit_links_permit_id"))
        batch_op.drop_index(batch_op.f("ix_deposit_links_pass_loan_item_id"))
    op.drop_table("deposit_links")
    _purpose_check(PURPOSES)
