"""walk-in visits registered at the desk, units and residents as the person visited, the intercom / phone call recorded

Revision ID: 0033
Revises: 0032
Create Date: 2026-12-05 12:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import kiosk.storage.types

revision = "0033"
down_revision = "0032"
branch_labels = None
depends_on = None


def _enum(name: str, *values: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=20)


def upgrade() -> None:
    # A unit as the person visited: a host row named after the unit (added without a rebuild).
    op.add_column("hosts", sa.Column("unit", sa.String(length=20), nullable=True))
    op.create_index("ix_hosts_unit", "hosts", ["unit"], unique=True)
    op.create_table(
        "desk_registrations",
        sa.Column("visit_id", sa.Integer(), nullable=False),
        sa.Column("registered_by", sa.String(length=80), nullable=False),
        sa.Column("registered_by_name", sa.String(length=60), nullable=False),
        sa.Column("resident_id", sa.Integer(), nullable=True),
        sa.Column("resident_name", sa.String(length=60), nullable=False),
        sa.ForeignKeyConstraint(
            ["resident_id"], ["residents.id"], name=op.f("fk_desk_registrations_resident_id_residents")
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"], ["visits.id"], name=op.f("fk_desk_registrations_visit_id_visits")
        ),
        sa.PrimaryKeyConstraint("visit_id", name=op.f("pk_desk_registrations")),
    )
    op.create_table(
        "visit_calls",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("visit_id", sa.Integer(), nullable=False),
        sa.Column("callee", _enum("callee", "host", "resident", "unit"), nullable=False),
        sa.Column("resident_id", sa.Integer(), nullable=True),
        sa.Column("callee_name", sa.String(length=60), nullable=False),
        sa.Column("channel", _enum("call_channel", "intercom", "phone"), nullable=False),
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.Column("answer", _enum("call_answer", "agreed", "declined", "no_answer"), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.Column("called_at", kiosk.storage.types.UTCDateTime(), nullable=False),
        sa.Column("called_by", sa.String(length=80), nullable=False),
        sa.Column("called_by_name", sa.String(length=60), nullable=False),
        sa.ForeignKeyConstraint(
            ["resident_id"], ["residents.id"], name=op.f("fk_visit_calls_resident_id_residents")
        ),
        sa.ForeignKeyConstraint(["visit_id"], ["visits.id"], name=op.f("fk_visit_calls_visit_id_visits")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visit_calls")),
    )
    op.create_index(op.f("ix_visit_calls_visit_id"), "visit_calls", ["visit_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_visit_calls_visit_id"), table_name="visit_calls")
    op.drop_table("visit_calls")
    op.drop_table("desk_registrations")
    op.drop_index("ix_hosts_unit", table_name="hosts")
    with op.batch_alter_table("hosts") as batch:
        batch.drop_column("unit")
