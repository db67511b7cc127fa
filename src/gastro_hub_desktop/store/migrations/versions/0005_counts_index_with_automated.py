"""The inbox indexes learn the `automated` column, so listing and counting the inbox (which
leaves newsletters out) still reads the indexes alone.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


NEW = {
    "ix_conversations_counts": ["status", "automated", "channel", "unread", "snoozed_until"],
    "ix_conversations_inbox": ["status", "automated", "last_message_at", "id"],
    "ix_conversations_channel_inbox": ["channel", "status", "automated", "last_message_at", "id"],
}
OLD = {
    "ix_conversations_counts": ["status", "channel", "unread", "snoozed_until"],
    "ix_conversations_inbox": ["status", "last_message_at", "id"],
    "ix_conversations_channel_inbox": ["channel", "status", "last_message_at", "id"],
}


def _replace(indexes: dict[str, list[str]]) -> None:
    for name, columns in indexes.items():
        op.drop_index(name, table_name="conversations")
        op.create_index(name, "conversations", columns)


def upgrade() -> None:
    _replace(NEW)


def downgrade() -> None:
    _replace(OLD)
