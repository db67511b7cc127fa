"""Newsletters, notifications and auto-replies are marked, so the inbox can keep them apart.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN, not batch mode: rebuilding `messages` on SQLite would drop the
    # full-text triggers.
    for table in ("messages", "conversations"):
        op.add_column(
            table, sa.Column("automated", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("conversations") as batch_op:
        batch_op.drop_column("automated")
    with op.batch_alter_table("messages") as batch_op:
        batch_op.drop_column("automated")
