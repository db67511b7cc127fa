"""Moving the data from the embedded SQLite to PostgreSQL (as the stack's database): every
row arrives, search works there (the target's own full-text triggers), new rows get new ids,
a target that already holds conversations is refused, and a cancelled move changes nothing."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from tests.servers import PostgresServer

from gastro_hub_desktop.domain.conversations import InboxFilter
from gastro_hub_desktop.domain.messages import Channel, Direction, IncomingMessage
from gastro_hub_desktop.importers.sample_data import load_sample_data
from gastro_hub_desktop.store.move_database import MoveCancelled, MoveRefused, move_data
from gastro_hub_desktop.store.repository import Store


def test_sqlite_to_postgresql(tmp_path: Path, postgres_server: PostgresServer) -> None:
    source = Store.open(f"sqlite:///{tmp_path / 'app.sqlite3'}")
    sample = load_sample_data()
    source.ingest(sample.messages)
    source.mark_vip(sample.vip_addresses)
    before = source.stats()
    first_page = [r.id for r in source.inbox_page(InboxFilter(), 0, 20)]

    target_url = postgres_server.create_database("moved")
    seen: list[tuple[int, int]] = []
    outcome = move_data(source, target_url, lambda done, total: seen.append((done, total)))
    assert outcome.rows["messages"] == before.messages
    assert seen[-1][0] == seen[-1][1] == outcome.total

    target = Store.open(target_url)
    assert target.stats() == before
    assert [r.id for r in target.inbox_page(InboxFilter(), 0, 20)] == first_page
    hits = target.search("konvektomaty")  # filled by PostgreSQL's own search triggers
    assert hits and {h.message_id for h in hits} & {
        h.message_id for h in source.search("konvektomaty")
    }
    new = target.ingest(
        [
            IncomingMessage(
                channel=Channel.EMAIL,
                account_key="email:after-move",
                provider_message_id="<after@move>",
                direction=Direction.INBOUND,
                counterpart_address="new@customer.example",
                counterpart_name="New",
                text="Po přesunu",
                sent_at=datetime.now(UTC),
                thread_key="<after@move>",
            )
        ]
    )
    assert new.new == 1  # the id sequences were moved past the copied rows

    with pytest.raises(MoveRefused, match="already holds"):
        move_data(source, target_url)
    target.close()

    other = postgres_server.create_database("cancelled")
    with pytest.raises(MoveCancelled):
        move_data(source, other, cancelled=lambda: True)
    empty = Store.open(other)
    assert empty.stats().messages == 0
    empty.close()
    source.close()


def test_the_engine_moves_the_data_and_the_next_start_uses_it(
    tmp_path: Path, postgres_server: PostgresServer, secret_service: dict[str, str]
) -> None:
    from keyring.backends.SecretService import Keyring

    from gastro_hub_desktop import paths
    from gastro_hub_desktop.credentials import Credentials
    from gastro_hub_desktop.engine.events import JobFinished, JobProgress
    from gastro_hub_desktop.engine.facade import Engine

    assert paths.database_url().startswith("sqlite:///")  # the embedded default
    engine = Engine(paths.database_url(), credentials=Credentials(Keyring()))
    engine.start().result(30)
    events: list[object] = []
    engine.events.subscribe(events.append)
    try:
        engine.load_sample_data().future.result(60)
        url = postgres_server.create_database("stack_db")
        summary = engine.move_database(url, "pw-not-on-disk-4711").future.result(60)
        assert "Restart the app" in summary
        assert any(
            isinstance(e, JobProgress) and e.job == "move" and e.done == e.total for e in events
        )
        assert any(isinstance(e, JobFinished) and e.ok and e.job == "move" for e in events)
        stored = engine.store.stats()
    finally:
        engine.stop()
    chosen = (tmp_path / "data").glob("**/database.json")
    text = "".join(p.read_text() for p in [paths.data_dir() / paths.DATABASE_CHOICE, *chosen])
    assert "pw-not-on-disk-4711" not in text  # the password is in the keyring only
    assert Credentials(Keyring()).get(paths.DATABASE_PASSWORD) == "pw-not-on-disk-4711"
    next_start = paths.database_url()
    assert next_start.startswith("postgresql+psycopg://postgres:pw-not-on-disk-4711@")
    moved = Store.open(next_start)
    assert moved.stats() == stored
    moved.close()
