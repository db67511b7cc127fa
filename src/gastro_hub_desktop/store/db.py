"""Opening the database: SQLite with WAL and durable commits, or PostgreSQL by URL."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

log = logging.getLogger(__name__)


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def open_engine(url: str, *, echo: bool = False, application_name: str | None = None) -> Engine:
    """An Engine for `url`; SQLite gets WAL, synchronous=FULL, foreign keys and a busy timeout.

    synchronous=FULL: in WAL mode NORMAL can lose the last commits on power loss; an inbox that
    acknowledges a message must keep it, so every commit is fsynced.
    """
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            url,
            echo=echo,
            connect_args={"timeout": 30, "check_same_thread": False},
            pool_size=4,
            max_overflow=4,
        )
        event.listen(engine, "connect", _sqlite_on_connect)
        event.listen(engine, "begin", _sqlite_on_begin)
        return engine
    # PostgreSQL: `application_name` tells the office's engines whose change a notification
    # announces (see store/office.py)
    connect_args = {"application_name": application_name} if application_name else {}
    return create_engine(
        url, echo=echo, pool_pre_ping=True, pool_size=4, max_overflow=4, connect_args=connect_args
    )


def _sqlite_on_connect(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy's "begin" event issue BEGIN itself (pysqlite's implicit transactions
    # would otherwise defer it and break SAVEPOINT/isolation semantics).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA cache_size=-32000")
    cursor.close()


def _sqlite_on_begin(conn: Any) -> None:
    # Writers ask for IMMEDIATE so two processes never deadlock upgrading a read lock.
    mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
    conn.exec_driver_sql(f"BEGIN {mode}")
