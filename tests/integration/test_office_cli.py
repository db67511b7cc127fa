"""`gastro-hub office`: join a PC to the office's PostgreSQL, turn office mode on, and say who
leads — read from the database, against a real PostgreSQL."""

from __future__ import annotations

import json
import uuid

import pytest
from tests.servers import PostgresServer

from gastro_hub_desktop import paths
from gastro_hub_desktop.cli import main
from gastro_hub_desktop.store import office


def test_join_turn_on_and_status(
    postgres_server: PostgresServer,
    secret_service: dict[str, str],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(paths.DATABASE_URL_ENV, raising=False)
    assert main(["office", "on"]) == 1  # SQLite: refused with what to do
    assert "needs a PostgreSQL database" in capsys.readouterr().err

    from gastro_hub_desktop.credentials import Credentials

    Credentials().set(paths.DATABASE_PASSWORD, "kept-for-an-earlier-database")
    url = postgres_server.create_database(f"office_cli_{uuid.uuid4().hex[:8]}")
    assert main(["office", "join", url.replace("+psycopg", "")]) == 0
    out = capsys.readouterr().out
    assert "from the next start" in out and "still off" in out
    chosen = json.loads((paths.data_dir() / paths.DATABASE_CHOICE).read_text())
    assert chosen["url"] == url
    assert paths.database_url() == url

    assert main(["office", "on"]) == 0
    out = capsys.readouterr().out
    assert "Office mode: on" in out and "Leader: none" in out

    lock = office.LeaderLock(office.conninfo(url), "gastro-hub processor@server7:1:1")
    assert lock.try_acquire()
    try:
        assert main(["office", "status"]) == 0
        assert "Leader: gastro-hub processor@server7:1:1" in capsys.readouterr().out
    finally:
        lock.release()

    assert main(["office", "join", "mysql://x@127.0.0.1/db"]) == 2
    assert main(["office", "join"]) == 2
