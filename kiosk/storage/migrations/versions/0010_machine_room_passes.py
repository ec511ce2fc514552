"""machine-room visitor passes (IDC机房访客证): the pool, sign-outs, returns, the weekday reconciliation

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01 14:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import kiosk.storage.types

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

DISCREPANCY_KIND = sa.Enum(
    "not_returned", "not_recorded_out", "count_mismatch",
    name="pass_discrepancy_kind", native_enum=False, create_constraint=True, length=20,
)  # fmt: skip


def upgrade() -> None:
    op.create_table(
        "machine_room_passes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.Column("added_at", kiosk.storage.types.UTCDateTime(), nullable=False),
        sa.Column("added_by", sa.String(length=80), nullable=False),
        sa.Column("retired_at", kiosk.storage.types.UTCDateTime(), nullable=True),
        sa.Column("retired_by", sa.String(length=80), nullable=True),
        sa.Column("retired_reason", sa.String(length=200), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_machine_room_passes")),
        sa.UniqueConstraint("number", name=op.f("uq_machine_room_passes_number")),
    )
    op.create_table(
        "pass_loans",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("signed_by_staff_id", sa.Integer(), nullable=False),
        sa.Column("signed_by", sa.String(length=60), nullable=False),
        sa.Column("clerk", sa.String(length=80), nullable=False),
        sa.Column("issued_at", kiosk.storage.types.UTCDateTime(), nullable=False),
        sa.Column("pass_count", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["signed_by_staff_id"], ["staff.id"], name=op.f("fk_pass_loans_signed_by_staff_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pass_loans")),
    )
    op.create_table(
        "pass_loan_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("loan_id", sa.Integer(), nullable=False),
        sa.Column("pass_id", sa.Integer(), nullable=False),
        sa.Column("pass_number", sa.String(length=20), nullable=False),
        sa.Column("visitor_name", sa.String(length=60), nullable=False),
        sa.Column("company", sa.String(length=80), nullable=False),
        sa.Column("id_type", sa.String(length=30), nullable=True),
        sa.Column("id_hash", sa.String(length=64), nullable=True),
        sa.Column("id_last_four", sa.String(length=4), nullable=True),
        sa.Column("id_sealed", sa.LargeBinary(), nullable=True),
        sa.Column("issued_at", kiosk.storage.types.UTCDateTime(), nullable=False),
        sa.Column("returned_at", kiosk.storage.types.UTCDateTime(), nullable=True),
        sa.Column("received_by", sa.String(length=80), nullable=True),
        sa.ForeignKeyConstraint(
            ["loan_id"], ["pass_loans.id"], name=op.f("fk_pass_loan_items_loan_id_pass_loans")
        ),
        sa.ForeignKeyConstraint(
            ["pass_id"],
            ["machine_room_passes.id"],
            name=op.f("fk_pass_loan_items_pass_id_machine_room_passes"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pass_loan_items")),
    )
    with op.batch_alter_table("pass_loan_items", schema=None) as batch_op:
        batch_op.create_index("ix_pass_loan_items_issued_at", ["issued_at"], unique=False)
        batch_op.create_index("ix_pass_loan_items_loan_id", ["loan_id"], unique=False)
        batch_op.create_index(
            "ix_pass_loan_items_pass_id_returned_at", ["pass_id", "returned_at"], unique=False
        )
    op.create_table(
        "pass_stray_returns",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pass_number", sa.String(length=20), nullable=False),
        sa.Column("returned_at", kiosk.storage.types.UTCDateTime(), nullable=False),
        sa.Column("received_by", sa.String(length=80), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pass_stray_returns")),
    )
    with op.batch_alter_table("pass_stray_returns", schema=None) as batch_op:
        batch_op.create_index("ix_pass_stray_returns_returned_at", ["returned_at"], unique=False)
    op.create_table(
        "pass_reconciliations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("issued", sa.Text(), nullable=False),
        sa.Column("returned", sa.Text(), nullable=False),
        sa.Column("frozen_at", kiosk.storage.types.UTCDateTime(), nullable=False),
        sa.Column("counted", sa.Integer(), nullable=True),
        sa.Column("desk_signed_by", sa.String(length=60), nullable=True),
        sa.Column("desk_signed_by_staff_id", sa.Integer(), nullable=True),
        sa.Column("desk_signed_at", kiosk.storage.types.UTCDateTime(), nullable=True),
        sa.Column("guard_signed_by", sa.String(length=60), nullable=True),
        sa.Column("guard_signed_by_staff_id", sa.Integer(), nullable=True),
        sa.Column("guard_signed_at", kiosk.storage.types.UTCDateTime(), nullable=True),
        sa.Column("print_job_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["desk_signed_by_staff_id"],
            ["staff.id"],
            name=op.f("fk_pass_reconciliations_desk_signed_by_staff_id_staff"),
        ),
        sa.ForeignKeyConstraint(
            ["guard_signed_by_staff_id"],
            ["staff.id"],
            name=op.f("fk_pass_reconciliations_guard_signed_by_staff_id_staff"),
        ),
        sa.ForeignKeyConstraint(
            ["print_job_id"], ["print_jobs.id"], name=op.f("fk_pass_reconciliations_print_job_id_print_jobs")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pass_reconciliations")),
        sa.UniqueConstraint("due_on", name=op.f("uq_pass_reconciliations_due_on")),
    )
    op.create_table(
        "pass_discrepancies",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reconciliation_id", sa.Integer(), nullable=False),
        sa.Column("kind", DISCREPANCY_KIND, nullable=False),
        sa.Column("pass_number", sa.String(length=20), nullable=True),
        sa.Column("loan_item_id", sa.Integer(), nullable=True),
        sa.Column("detail", sa.String(length=200), nullable=False),
        sa.Column("found_at", kiosk.storage.types.UTCDateTime(), nullable=False),
        sa.Column("resolved_at", kiosk.storage.types.UTCDateTime(), nullable=True),
        sa.Column("resolved_by", sa.String(length=80), nullable=True),
        sa.Column("resolution_note", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(
            ["reconciliation_id"],
            ["pass_reconciliations.id"],
            name=op.f("fk_pass_discrepancies_reconciliation_id_pass_reconciliations"),
        ),
        sa.ForeignKeyConstraint(
            ["loan_item_id"],
            ["pass_loan_items.id"],
            name=op.f("fk_pass_discrepancies_loan_item_id_pass_loan_items"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pass_discrepancies")),
    )
    with op.batch_alter_table("pass_discrepancies", schema=None) as batch_op:
        batch_op.create_index("ix_pass_discrepancies_reconciliation_id", ["reconciliation_id"], unique=False)
        batch_op.create_index("ix_pass_discrepancies_resolved_at", ["resolved_at"], unique=False)
    # The lobby board lists last night's auto check-outs every second: without this index that is a
    # scan of every visit ever made (board_refresh_p95_ms).
    with op.batch_alter_table("visits", schema=None) as batch_op:
        batch_op.create_index(
            "ix_visits_checkout_method_checked_out_at", ["checkout_method", "checked_out_at"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("visits", schema=None) as batch_op:
        batch_op.drop_index("ix_visits_checkout_method_checked_out_at")
    op.drop_table("pass_discrepancies")
    op.drop_table("pass_reconciliations")
    op.drop_table("pass_stray_returns")
    op.drop_table("pass_loan_items")
    op.drop_table("pass_loans")
    op.drop_table("machine_room_passes")
