"""complaints and suggestions (投诉 / 建议) and their follow-up steps

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-05 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import kiosk.storage.types

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None

SUBJECTS = (
    "cleaning", "security", "repairs", "parking", "noise", "staff_attitude", "fees", "decoration", "other",
)  # fmt: skip


def _enum(name: str, *values: str) -> sa.Enum:
    # The values as they were when this migration was written (the domain's enums may grow later,
    # each growth with its own migration).
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=20)


def upgrade() -> None:
    op.create_table(
        "complaints",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.Column("kind", _enum("complaint_kind", "complaint", "suggestion"), nullable=False),
        sa.Column("source", _enum("complaint_source", "visit", "phone", "letter", "email"), nullable=False),
        sa.Column("subject", _enum("complaint_subject", *SUBJECTS), nullable=False),
        sa.Column("complainant", sa.String(length=60), nullable=False),
        sa.Column("unit", sa.String(length=40), nullable=False),
        sa.Column("contact", sa.String(length=60), nullable=False),
        sa.Column("text", sa.String(length=2000), nullable=False),
        sa.Column("responsible", sa.String(length=60), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("serious", sa.Boolean(), nullable=False),
        sa.Column("status", _enum("complaint_status", "open", "closed"), nullable=False),
        sa.Column("recorded_by", sa.String(length=80), nullable=False),
        sa.Column("recorded_by_name", sa.String(length=60), nullable=False),
        sa.Column("recorded_at", kiosk.storage.types.UTCDateTime(), nullable=False),
        sa.Column(
            "satisfaction", _enum("satisfaction", "satisfied", "fairly", "dissatisfied"), nullable=True
        ),
        sa.Column("called_back_at", kiosk.storage.types.UTCDateTime(), nullable=True),
        sa.Column("result", sa.String(length=500), nullable=False),
        sa.Column("closed_by", sa.String(length=80), nullable=True),
        sa.Column("closed_by_name", sa.String(length=60), nullable=False),
        sa.Column("closed_at", kiosk.storage.types.UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_complaints")),
        sa.UniqueConstraint("number", name=op.f("uq_complaints_number")),
    )
    op.create_index(op.f("ix_complaints_recorded_at"), "complaints", ["recorded_at"], unique=False)
    op.create_index("ix_complaints_status_due_on", "complaints", ["status", "due_on"], unique=False)
    op.create_table(
        "complaint_steps",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("complaint_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            _enum("complaint_step_kind", "recorded", "step", "assigned", "serious", "callback", "closed"),
            nullable=False,
        ),
        sa.Column("text", sa.String(length=500), nullable=False),
        sa.Column(
            "satisfaction", _enum("satisfaction", "satisfied", "fairly", "dissatisfied"), nullable=True
        ),
        sa.Column("done_by", sa.String(length=80), nullable=False),
        sa.Column("done_by_name", sa.String(length=60), nullable=False),
        sa.Column("done_at", kiosk.storage.types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["complaint_id"], ["complaints.id"], name=op.f("fk_complaint_steps_complaint_id_complaints")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_complaint_steps")),
    )
    op.create_index(
        op.f("ix_complaint_steps_complaint_id"), "complaint_steps", ["complaint_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_complaint_steps_complaint_id"), table_name="complaint_steps")
    op.drop_table("complaint_steps")
    op.drop_index("ix_complaints_status_due_on", table_name="complaints")
    op.drop_index(op.f("ix_complaints_recorded_at"), table_name="complaints")
    op.drop_table("complaints")
