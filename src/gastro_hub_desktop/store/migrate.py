"""Brings a database to the newest schema with Alembic; the app runs this at start-up."""

from __future__ import annotations

import logging

from sqlalchemy import Engine, inspect, text

log = logging.getLogger(__name__)
MIGRATIONS = __name__.rsplit(".", 1)[0] + ":migrations"
# The newest migration. Checked against Alembic's own view by a test, it lets start-up skip
# loading Alembic (~70 ms) when the database is already up to date.
SCHEMA_HEAD = "0010"


def alembic_config():  # type: ignore[no-untyped-def]
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", MIGRATIONS)
    return config


def include_object(
    obj: object, name: str | None, type_: str, reflected: bool, compare_to: object
) -> bool:
    """Leave the full-text search objects (made by hand in migrations) out of autogenerate."""
    return not (name or "").startswith("messages_fts") and name not in (
        "search_vector",
        "ix_messages_search",
    )


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(engine: Engine) -> str:
    """Migrate to head (no-op when already there); returns the revision now in force."""
    before = current_revision(engine)
    if before == SCHEMA_HEAD:
        return before
    from alembic import command

    head = head_revision()
    if before == head:
        return head
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
    log.info("database migrated from %s to %s", before or "empty", head)
    return head
