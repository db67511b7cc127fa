"""AI brain: a message's intent, what the CRM says of a contact, drafts' outcomes and what
they were built from, app settings and the daily learning reports.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

DRAFT_COLUMNS = [
    sa.Column("message_id", sa.Integer(), nullable=True),
    sa.Column("intent", sa.String(length=20), nullable=True),
    sa.Column("language", sa.String(length=8), nullable=True),
    sa.Column("original_text", sa.Text(), nullable=True),
    sa.Column("final_text", sa.Text(), nullable=True),
    sa.Column("outcome", sa.String(length=10), nullable=True),
    sa.Column("edit_distance", sa.Integer(), nullable=True),
    sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
    sa.Column("template_key", sa.String(length=100), nullable=True),
    sa.Column("basis", sa.JSON(), nullable=True),
    sa.Column("model", sa.String(length=100), nullable=True),
    sa.Column("prompt_tokens", sa.Integer(), nullable=True),
    sa.Column("completion_tokens", sa.Integer(), nullable=True),
    sa.Column("auto_sent", sa.Boolean(), nullable=False, server_default=sa.false()),
]


def upgrade() -> None:
    # plain ADD COLUMNs (never batch mode on messages: it would drop the full-text triggers)
    op.add_column("messages", sa.Column("intent", sa.String(length=20), nullable=True))
    op.add_column("contacts", sa.Column("crm_id", sa.String(length=100), nullable=True))
    op.add_column("contacts", sa.Column("crm_vip", sa.Boolean(), nullable=True))
    op.add_column("contacts", sa.Column("crm_value", sa.Float(), nullable=True))
    op.add_column("contacts", sa.Column("merged_into", sa.Integer(), nullable=True))
    for column in DRAFT_COLUMNS:
        op.add_column("drafts", column)
    op.create_index("uq_drafts_message_id", "drafts", ["message_id"], unique=True)
    op.create_index("ix_drafts_decided", "drafts", ["decided_at"], unique=False)
    op.create_table(
        "app_settings",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_app_settings"),
    )
    op.create_table(
        "learning_reports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", sa.String(length=10), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("report", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_learning_reports"),
        sa.UniqueConstraint("day", name="uq_learning_reports_day"),
    )


def downgrade() -> None:
    op.drop_table("learning_reports")
    op.drop_table("app_settings")
    op.drop_index("ix_drafts_decided", table_name="drafts")
    op.drop_index("uq_drafts_message_id", table_name="drafts")
    for column in reversed(DRAFT_COLUMNS):
        op.drop_column("drafts", column.name)
    for name in ("merged_into", "crm_value", "crm_vip", "crm_id"):
        op.drop_column("contacts", name)
    op.drop_column("messages", "intent")
