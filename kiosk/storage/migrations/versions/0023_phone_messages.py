"""phone messages (电话记录 / 代客留言): the switchboard form's fields, passed on

host_messages becomes the one inbox: the kiosk's messages (every row so far) and the switchboard's.
A message may be for a unit or a name instead of a person of the directory (host_id nullable);
relayed_at, never set before, is the "passed on" stamp with its new who and how.

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-05 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import kiosk.storage.types

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None


def _enum(name: str, *values: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=20)


MESSAGE_SOURCE = _enum("message_source", "kiosk", "phone", "counter")
MESSAGE_STATUS = _enum("message_status", "open", "passed_on", "cancelled")
CALLER_REQUEST = _enum("caller_request", "call_back", "will_call_again", "none")
RELAY_METHOD = _enum("relay_method", "phone", "in_person", "note")
# Text columns added NOT NULL: filled with "" for the rows already stored, then no default (the
# services always write them).
TEXTS = (
    ("recipient_unit", 20),
    ("recipient_name", 60),
    ("extension", 10),
    ("city", 40),
    ("relay_note", 200),
    ("cancel_reason", 200),
)


def upgrade() -> None:
    with op.batch_alter_table("host_messages", schema=None) as batch_op:
        batch_op.alter_column("host_id", existing_type=sa.Integer(), nullable=True)
        for name, length in TEXTS:
            batch_op.add_column(sa.Column(name, sa.String(length=length), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("source", MESSAGE_SOURCE, nullable=True))
        batch_op.add_column(sa.Column("status", MESSAGE_STATUS, nullable=True))
        batch_op.add_column(sa.Column("caller_request", CALLER_REQUEST, nullable=True))
        batch_op.add_column(sa.Column("received_at", kiosk.storage.types.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column("relayed_by", sa.String(length=80), nullable=True))
        batch_op.add_column(sa.Column("relay_method", RELAY_METHOD, nullable=True))
        batch_op.add_column(sa.Column("cancelled_at", kiosk.storage.types.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column("cancelled_by", sa.String(length=80), nullable=True))
    messages = sa.table(
        "host_messages",
        sa.column("source", sa.String()),
        sa.column("status", sa.String()),
        sa.column("caller_request", sa.String()),
        sa.column("phone", sa.String()),
        sa.column("relayed_at", sa.String()),
        sa.column("created_at", sa.String()),
        sa.column("received_at", sa.String()),
    )
    # Every message so far was left at the kiosk; one with a phone number asks to be called back.
    op.execute(
        messages.update().values(
            source="kiosk",
            status=sa.case((messages.c.relayed_at.is_(None), "open"), else_="passed_on"),
            caller_request=sa.case((messages.c.phone == "", "none"), else_="call_back"),
            received_at=messages.c.created_at,
        )
    )
    with op.batch_alter_table("host_messages", schema=None) as batch_op:
        for name, length in TEXTS:
            batch_op.alter_column(name, existing_type=sa.String(length=length), server_default=None)
        batch_op.alter_column("source", existing_type=MESSAGE_SOURCE, nullable=False)
        batch_op.alter_column("status", existing_type=MESSAGE_STATUS, nullable=False)
        batch_op.alter_column("caller_request", existing_type=CALLER_REQUEST, nullable=False)
        batch_op.alter_column("received_at", existing_type=kiosk.storage.types.UTCDateTime(), nullable=False)
        batch_op.create_index("ix_host_messages_status_received_at", ["status", "received_at"], unique=False)


def downgrade() -> None:
    # Before 0023 every message was for a person of the directory: one for a unit or a name has
    # nowhere to go, and is not deleted to make room.
    orphans = op.get_bind().scalar(sa.text("SELECT COUNT(*) FROM host_messages WHERE host_id IS NULL"))
    if orphans:
        raise RuntimeError(
            f"{orphans} phone messages are for a unit or a name, not a person of the staff "
            "directory: revision 0022 cannot hold them; restore a backup from before 0023 instead"
        )
    with op.batch_alter_table("host_messages", schema=None) as batch_op:
        batch_op.drop_index("ix_host_messages_status_received_at")
        # The enums' CHECK constraints go first: SQLite's copy of the table would keep them.
        for enum in (MESSAGE_SOURCE, MESSAGE_STATUS, CALLER_REQUEST, RELAY_METHOD):
            batch_op.drop_constraint(op.f(f"ck_host_messages_{enum.name}"), type_="check")
        for column in (
            "cancelled_by",
            "cancelled_at",
            "relay_method",
            "relayed_by",
            "received_at",
            "caller_request",
            "status",
            "source",
            *(name for name, _length in reversed(TEXTS)),
        ):
            batch_op.drop_column(column)
        batch_op.alter_column("host_id", existing_type=sa.Integer(), nullable=False)
