"""Conversations keep a normalised subject, so a reply that lost its References is matched to
its conversation by one indexed lookup.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-24
"""

from __future__ import annotations

import re

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# frozen copy of store.threading.subject_key as of this migration
_PREFIX = re.compile(r"^\s*((re|aw|odp|fw|fwd|wg|tr|sv|vs|antw)\s*(\[\d+\])?\s*:\s*)+", re.I)


def _key(subject: str | None) -> str:
    return " ".join(_PREFIX.sub("", subject or "").split()).casefold()


def upgrade() -> None:
    op.add_column(
        "conversations",
        sa.Column("subject_key", sa.String(length=500), nullable=False, server_default=""),
    )
    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id, subject FROM conversations WHERE subject IS NOT NULL"))
    updates = [{"i": r.id, "k": _key(r.subject)} for r in rows]
    if updates:
        conn.execute(sa.text("UPDATE conversations SET subject_key = :k WHERE id = :i"), updates)
    op.create_index(
        "ix_conversations_subject", "conversations", ["account_id", "counterpart", "subject_key"]
    )


def downgrade() -> None:
    op.drop_index("ix_conversations_subject", table_name="conversations")
    with op.batch_alter_table("conversations") as batch_op:
        batch_op.drop_column("subject_key")
