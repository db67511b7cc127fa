"""Office mode: who is answering which conversation, and (PostgreSQL only) a notification on
every committed change the other PCs must see (new messages, conversations, drafts, the
outbox, channel accounts, who is answering), sent with pg_notify by statement-level triggers.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

CHANNEL = "gastro_hub"
MAX_IDS = 200  # a notification carries at most this many ids (payloads stop at 8,000 bytes)

# (table, event, kind, transition table, id expression)
TRIGGERS = [
    ("messages", "INSERT", "messages", "NEW", "conversation_id"),
    ("conversations", "UPDATE", "conversations", "NEW", "id"),
    ("drafts", "INSERT", "conversations", "NEW", "conversation_id"),
    ("drafts", "UPDATE", "conversations", "NEW", "conversation_id"),
    ("outbox", "INSERT", "outbox", "NEW", "conversation_id"),
    ("outbox", "UPDATE", "outbox", "NEW", "conversation_id"),
    ("presence", "INSERT", "presence", "NEW", "conversation_id"),
    ("presence", "UPDATE", "presence", "NEW", "conversation_id"),
    ("presence", "DELETE", "presence", "OLD", "conversation_id"),
    ("channel_accounts", "INSERT", "accounts", "NEW", "key"),
    ("channel_accounts", "UPDATE", "accounts", "NEW", "key"),
]


def _function(name: str, kind: str, expression: str) -> str:
    """A trigger function announcing the changed rows' ids (distinct, at most MAX_IDS; "more"
    says some were left out) and the change's origin (the writer's application_name)."""
    return f"""
CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    ids json;
    total bigint;
BEGIN
    SELECT count(*) INTO total FROM changed;
    IF total = 0 THEN
        RETURN NULL;
    END IF;
    SELECT coalesce(json_agg(x), '[]'::json) INTO ids
      FROM (SELECT DISTINCT {expression} AS x FROM changed LIMIT {MAX_IDS}) AS picked;
    PERFORM pg_notify('{CHANNEL}', json_build_object(
        'kind', '{kind}',
        'ids', ids,
        'rows', total,
        'more', total > {MAX_IDS} AND json_array_length(ids) >= {MAX_IDS},
        'origin', current_setting('application_name')
    )::text);
    RETURN NULL;
END
$$;
"""


def upgrade() -> None:
    op.create_table(
        "presence",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "conversation_id",
            sa.Integer(),
            sa.ForeignKey("conversations.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("member", sa.String(length=200), nullable=False),
        sa.Column("person", sa.String(length=200), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("conversation_id", "member", name="uq_presence_member"),
    )
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, event, kind, which, expression in TRIGGERS:
        name = f"gastro_hub_notify_{table}_{event.lower()}"
        op.execute(_function(name, kind, expression))
        op.execute(
            f"CREATE TRIGGER {name} AFTER {event} ON {table} "
            f"REFERENCING {which} TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION {name}()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table, event, _kind, _which, _expression in TRIGGERS:
            name = f"gastro_hub_notify_{table}_{event.lower()}"
            op.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
            op.execute(f"DROP FUNCTION IF EXISTS {name}()")
    op.drop_table("presence")
