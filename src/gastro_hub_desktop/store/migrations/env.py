"""Alembic environment: runs migrations on the connection the app hands over."""

from __future__ import annotations

from alembic import context

from gastro_hub_desktop.store.migrate import include_object
from gastro_hub_desktop.store.schema import Base

config = context.config
connection = config.attributes.get("connection")


def run_migrations(connection: object) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
        include_object=include_object,
    )
    with context.begin_transaction():
        context.run_migrations()


if connection is None:  # invoked from the alembic CLI (for autogenerate during development)
    from gastro_hub_desktop.paths import database_url
    from gastro_hub_desktop.store.db import open_engine

    engine = open_engine(config.get_main_option("sqlalchemy.url") or database_url())
    with engine.connect() as cli_connection:
        run_migrations(cli_connection)
else:
    run_migrations(connection)
