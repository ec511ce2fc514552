"""visitor log indexes: search by date range, last four, host and type, newest first

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-01 14:40:00
"""

from __future__ import annotations

from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

_INDEXES = {
    "ix_visits_requested_at_id": ["requested_at", "id"],
    "ix_visits_id_last_four_requested_at": ["id_last_four", "requested_at"],
    "ix_visits_host_id_requested_at": ["host_id", "requested_at"],
    "ix_visits_visitor_type_requested_at": ["visitor_type", "requested_at"],
}


def upgrade() -> None:
    for name, columns in _INDEXES.items():
        op.create_index(op.f(name), "visits", columns, unique=False)


def downgrade() -> None:
    for name in reversed(_INDEXES):
        op.drop_index(op.f(name), table_name="visits")
