"""initial: hosts, visits, print jobs, audit events, counters

Revision ID: 0001
Revises:
Create Date: 2026-11-25 02:18:02.684044
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import kiosk.storage.types

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", kiosk.storage.types.UTCDateTime(), nullable=False),
        sa.Column("actor", sa.String(length=80), nullable=False),
        sa.Column("action", sa.String(length=60), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.String(length=40), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_events")),
    )
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.create_index("ix_audit_events_at", ["at"], unique=False)
        batch_op.create_index("ix_audit_events_entity", ["entity", "entity_id"], unique=False)

    op.create_table(
        "counters",
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_counters")),
    )
    op.create_table(
        "hosts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("department", sa.String(length=60), nullable=False),
        sa.Column("extension", sa.String(length=20), nullable=True),
        sa.Column("mobile", sa.String(length=20), nullable=True),
        sa.Column("email", sa.String(length=120), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hosts")),
    )
    with op.batch_alter_table("hosts", schema=None) as batch_op:
        batch_op.create_index("ix_hosts_name", ["name"], unique=False)

    op.create_table(
        "visits",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("badge_number", sa.String(length=20), nullable=False),
        sa.Column("visitor_name", sa.String(length=60), nullable=False),
        sa.Column("company", sa.String(length=80), nullable=False),
        sa.Column("host_id", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "on_site",
                "checked_out",
                name="visit_status",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("language", sa.String(length=10), nullable=False),
        sa.Column("station", sa.String(length=40), nullable=False),
        sa.Column("checked_in_at", kiosk.storage.types.UTCDateTime(), nullable=False),
        sa.Column("valid_until", kiosk.storage.types.UTCDateTime(), nullable=False),
        sa.Column("checked_out_at", kiosk.storage.types.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(["host_id"], ["hosts.id"], name=op.f("fk_visits_host_id_hosts")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visits")),
        sa.UniqueConstraint("badge_number", name=op.f("uq_visits_badge_number")),
    )
    with op.batch_alter_table("visits", schema=None) as batch_op:
        batch_op.create_index("ix_visits_checked_in_at", ["checked_in_at"], unique=False)
        batch_op.create_index("ix_visits_status_checked_in_at", ["status", "checked_in_at"], unique=False)

    op.create_table(
        "print_jobs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document", sa.String(length=30), nullable=False),
        sa.Column("reference", sa.String(length=40), nullable=False),
        sa.Column("visit_id", sa.Integer(), nullable=True),
        sa.Column("payload", sa.LargeBinary(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "queued",
                "printed",
                "failed",
                name="print_job_status",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("printer", sa.String(length=200), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("created_at", kiosk.storage.types.UTCDateTime(), nullable=False),
        sa.Column("printed_at", kiosk.storage.types.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(["visit_id"], ["visits.id"], name=op.f("fk_print_jobs_visit_id_visits")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_print_jobs")),
    )
    with op.batch_alter_table("print_jobs", schema=None) as batch_op:
        batch_op.create_index("ix_print_jobs_status", ["status"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("print_jobs", schema=None) as batch_op:
        batch_op.drop_index("ix_print_jobs_status")

    op.drop_table("print_jobs")
    with op.batch_alter_table("visits", schema=None) as batch_op:
        batch_op.drop_index("ix_visits_status_checked_in_at")
        batch_op.drop_index("ix_visits_checked_in_at")

    op.drop_table("visits")
    with op.batch_alter_table("hosts", schema=None) as batch_op:
        batch_op.drop_index("ix_hosts_name")

    op.drop_table("hosts")
    op.drop_table("counters")
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_events_entity")
        batch_op.drop_index("ix_audit_events_at")

    op.drop_table("audit_events")
