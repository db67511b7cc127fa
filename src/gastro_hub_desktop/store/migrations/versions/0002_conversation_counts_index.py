"""Index that answers the inbox count and the unread counts per tab from the index alone.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_conversations_counts",
        "conversations",
        ["status", "channel", "unread", "snoozed_until"],
    )


def downgrade() -> None:
    op.drop_index("ix_conversations_counts", table_name="conversations")
