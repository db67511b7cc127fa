"""Social posts: a post composed once, the pages it goes to and what happened at each.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "social_posts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("link", sa.String(length=2000), nullable=True),
        sa.Column("image", sa.String(length=2000), nullable=True),
        sa.Column("targets", sa.JSON(), nullable=False),
        sa.Column("scheduled_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_social_posts"),
    )
    op.create_index("ix_social_posts_scheduled_at", "social_posts", ["scheduled_at"], unique=False)
    op.create_table(
        "social_post_targets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("target_key", sa.String(length=200), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("provider_post_id", sa.String(length=500), nullable=True),
        sa.Column("url", sa.String(length=2000), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("publishing_since", sa.DateTime(timezone=True), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["post_id"],
            ["social_posts.id"],
            name="fk_social_post_targets_post_id_social_posts",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_social_post_targets"),
        sa.UniqueConstraint("post_id", "target_key", name="uq_social_post_targets_post_id"),
    )
    op.create_index(
        "ix_social_post_targets_state",
        "social_post_targets",
        ["state", "target_key"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_social_post_targets_state", table_name="social_post_targets")
    op.drop_table("social_post_targets")
    op.drop_index("ix_social_posts_scheduled_at", table_name="social_posts")
    op.drop_table("social_posts")
