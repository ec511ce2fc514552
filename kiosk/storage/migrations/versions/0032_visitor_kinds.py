"""visitor kinds and who approves each, the duty officer and night duty, the lists the desk keeps (company leaders)

Revision ID: 0032
Revises: 0031
Create Date: 2026-12-05 12:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import kiosk.storage.types

revision = "0032"
down_revision = "0031"
branch_labels = None
depends_on = None

# kiosk.domain.visitor_kinds as this revision wrote it.
KINDS = (
    "resident_known", "resident_no_card", "company_leader", "staff", "visitor", "government",
    "tour_group", "permit_holder",
)  # fmt: skip
APPROVERS = ("nobody", "host", "desk_call", "duty_officer", "permit")
WAYS = (
    "known", "leaders_list", "work_card", "host_link", "desk_call", "gate_guard", "resident_records",
    "duty_officer_link", "duty_officer_desk", "permit_check", "invitation",
)  # fmt: skip


def _enum(name: str, values: tuple[str, ...]) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=20)


def upgrade() -> None:
    op.create_table(
        "visit_kinds",
        sa.Column("visit_id", sa.Integer(), nullable=False),
        sa.Column("kind", _enum("visitor_kind", KINDS), nullable=False),
        sa.Column("required", _enum("kind_approver", APPROVERS), nullable=False),
        sa.Column("night", sa.Boolean(), nullable=False),
        sa.Column("way", _enum("approval_way", WAYS), nullable=True),
        sa.Column("call_note", sa.String(length=200), nullable=False),
        sa.Column("duty_notified_at", kiosk.storage.types.UTCDateTime(), nullable=True),
        sa.Column("duty_notice_error", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(["visit_id"], ["visits.id"], name=op.f("fk_visit_kinds_visit_id_visits")),
        sa.PrimaryKeyConstraint("visit_id", name=op.f("pk_visit_kinds")),
    )
    op.create_index("ix_visit_kinds_required", "visit_kinds", ["required"], unique=False)
    op.create_table(
        "company_leaders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("title", sa.String(length=40), nullable=False),
        sa.Column("company", sa.String(length=80), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("added_at", kiosk.storage.types.UTCDateTime(), nullable=False),
        sa.Column("added_by", sa.String(length=80), nullable=False),
        sa.Column("added_by_name", sa.String(length=60), nullable=False),
        sa.Column("retired_at", kiosk.storage.types.UTCDateTime(), nullable=True),
        sa.Column("retired_by", sa.String(length=80), nullable=False),
        sa.Column("retire_reason", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_company_leaders")),
    )
    op.create_table(
        "admissions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", _enum("visitor_kind", KINDS), nullable=False),
        sa.Column("way", _enum("approval_way", WAYS), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("unit", sa.String(length=20), nullable=False),
        sa.Column("company", sa.String(length=80), nullable=False),
        sa.Column("reference", sa.String(length=40), nullable=False),
        sa.Column("call_note", sa.String(length=200), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.Column("leader_id", sa.Integer(), nullable=True),
        sa.Column("permit_id", sa.Integer(), nullable=True),
        sa.Column("resident_id", sa.Integer(), nullable=True),
        sa.Column("night", sa.Boolean(), nullable=False),
        sa.Column("at", kiosk.storage.types.UTCDateTime(), nullable=False),
        sa.Column("by", sa.String(length=80), nullable=False),
        sa.Column("by_name", sa.String(length=60), nullable=False),
        sa.Column("station", sa.String(length=40), nullable=False),
        sa.Column("patrol_notified_at", kiosk.storage.types.UTCDateTime(), nullable=True),
        sa.Column("patrol_notice_error", sa.String(length=200), nullable=False),
        sa.Column("patrol_followed_at", kiosk.storage.types.UTCDateTime(), nullable=True),
        sa.Column("patrol_followed_by", sa.String(length=60), nullable=False),
        sa.Column("patrol_note", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["leader_id"], ["company_leaders.id"], name=op.f("fk_admissions_leader_id_company_leaders")
        ),
        sa.ForeignKeyConstraint(["permit_id"], ["permits.id"], name=op.f("fk_admissions_permit_id_permits")),
        sa.ForeignKeyConstraint(
            ["resident_id"], ["residents.id"], name=op.f("fk_admissions_resident_id_residents")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_admissions")),
    )
    op.create_index(op.f("ix_admissions_at"), "admissions", ["at"], unique=False)
    op.create_index(
        "ix_admissions_way_patrol_followed_at", "admissions", ["way", "patrol_followed_at"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_admissions_way_patrol_followed_at", table_name="admissions")
    op.drop_index(op.f("ix_admissions_at"), table_name="admissions")
    op.drop_table("admissions")
    op.drop_table("company_leaders")
    op.drop_index("ix_visit_kinds_required", table_name="visit_kinds")
    op.drop_table("visit_kinds")
