"""Alembic migrations: they build the schema the models describe, and go down and up again."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from gastro_hub_desktop.store import migrate
from gastro_hub_desktop.store.db import open_engine
from gastro_hub_desktop.store.migrate import include_object
from gastro_hub_desktop.store.schema import Base


def test_upgrade_builds_exactly_the_models_schema(database_url: str) -> None:
    engine = open_engine(database_url)
    assert migrate.current_revision(engine) is None
    assert migrate.upgrade(engine) == migrate.head_revision()
    assert migrate.upgrade(engine) == migrate.head_revision()  # second run is a no-op
    with engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"include_object": include_object, "compare_type": True}
        )
        assert compare_metadata(context, Base.metadata) == []
        tables = set(inspect(conn).get_table_names())
    assert {"messages", "conversations", "contacts", "drafts", "outbox", "audit_log"} <= tables
    if engine.dialect.name == "sqlite":  # a table rebuild in a migration would drop these
        with engine.connect() as conn:
            triggers = {
                r[0]
                for r in conn.exec_driver_sql(
                    "SELECT name FROM sqlite_master WHERE type = 'trigger'"
                )
            }
        assert {"messages_fts_ai", "messages_fts_ad", "messages_fts_au"} <= triggers
    engine.dispose()


def test_start_up_shortcut_knows_the_newest_migration() -> None:
    assert migrate.head_revision() == migrate.SCHEMA_HEAD


def test_downgrade_to_empty_and_back(database_url: str) -> None:
    from alembic import command

    engine = open_engine(database_url)
    migrate.upgrade(engine)
    config = migrate.alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "base")
    with engine.connect() as conn:
        assert "messages" not in inspect(conn).get_table_names()
    assert migrate.upgrade(engine) == migrate.head_revision()
    engine.dispose()
