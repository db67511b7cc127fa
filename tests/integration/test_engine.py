"""The engine thread: starts in the background, publishes events, finishes writes on stop."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from gastro_hub_desktop.domain.conversations import InboxFilter
from gastro_hub_desktop.domain.messages import Channel, Direction, IncomingMessage
from gastro_hub_desktop.engine.events import (
    ConversationsChanged,
    EngineEvent,
    EngineFailed,
    EngineStarted,
)
from gastro_hub_desktop.engine.facade import Engine, EngineNotReady
from gastro_hub_desktop.store import migrate
from gastro_hub_desktop.store.repository import Store


def message(i: int) -> IncomingMessage:
    return IncomingMessage(
        channel=Channel.EMAIL,
        account_key="acc",
        provider_message_id=f"id-{i}",
        direction=Direction.INBOUND,
        counterpart_address=f"c{i}@example.cz",
        counterpart_name=f"Customer {i}",
        text=f"message {i}",
        sent_at=datetime(2026, 11, 1, tzinfo=UTC),
        thread_key=f"t{i}",
    )


def test_engine_runs_work_off_the_calling_thread_and_publishes(tmp_path: Path) -> None:
    engine = Engine(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    events: list[EngineEvent] = []
    engine.events.subscribe(events.append)
    started = engine.start().result(30)
    assert isinstance(started, EngineStarted) and started.schema_revision == migrate.SCHEMA_HEAD
    engine.store.ingest([message(1)])
    [row] = engine.inbox_page(InboxFilter(), 0, 10).result(10)
    caller = threading.get_ident()
    worker: list[int] = []
    engine._run(lambda _s: worker.append(threading.get_ident())).result(10)
    assert worker and worker[0] != caller
    engine.set_done(row.id).result(10)
    assert any(isinstance(e, ConversationsChanged) and row.id in e.conversation_ids for e in events)
    engine.stop()
    engine.stop()  # idempotent


def test_stop_finishes_submitted_writes(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    engine = Engine(url)
    engine.start().result(30)
    engine.store.ingest([message(i) for i in range(20)])
    rows = engine.inbox_page(InboxFilter(), 0, 20).result(10)
    # submit many writes and stop at once: every one of them must be in the database
    futures = [engine.save_draft(r.id, f"draft {r.id}") for r in rows]
    engine.stop()
    assert all(f.done() and f.exception() is None for f in futures)
    store = Store.open(url)
    drafts = [store.conversation(r.id).draft for r in rows]
    assert all(
        d is not None and d.text == f"draft {r.id}" for d, r in zip(drafts, rows, strict=True)
    )
    store.close()


def test_unreachable_database_is_explained(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be")
    engine = Engine(f"sqlite:///{blocker / 'db.sqlite3'}")
    failures: list[EngineFailed] = []
    engine.events.subscribe(lambda e: failures.append(e) if isinstance(e, EngineFailed) else None)
    with pytest.raises(EngineNotReady, match="Cannot open the database"):
        engine.start().result(30)
    assert failures and "GASTRO_HUB_DATA_DIR" in failures[0].message
    with pytest.raises(EngineNotReady):
        engine.inbox_count(InboxFilter()).result(10)
    engine.stop()


def test_postgres_down_is_explained() -> None:
    engine = Engine("postgresql+psycopg://nobody@127.0.0.1:1/nothing")
    start = time.monotonic()
    with pytest.raises(EngineNotReady, match="Cannot reach the database"):
        engine.start().result(60)
    assert time.monotonic() - start < 30
    engine.stop()


def test_a_long_import_can_be_cancelled_and_keeps_what_it_stored(tmp_path: Path) -> None:
    from gastro_hub_desktop.engine.events import JobFinished, JobProgress

    export = tmp_path / "WhatsApp Chat with Hotel Zlatá Husa.txt"
    export.write_text(
        "".join(
            f"24/11/2026, {h:02d}:{m:02d} - Hotel Zlatá Husa: zpráva {h}-{m}\n"
            for h in range(24)
            for m in range(60)
        )
        * 3,
        encoding="utf-8",
    )
    engine = Engine(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    engine.start().result(30)
    finished: list[JobFinished] = []
    job_box: list = []

    def on_event(event: EngineEvent) -> None:
        if isinstance(event, JobProgress) and event.done > 0 and job_box:
            job_box[0].cancel()
        elif isinstance(event, JobFinished):
            finished.append(event)

    engine.events.subscribe(on_event)
    job = engine.import_file(export)
    job_box.append(job)
    result = job.future.result(60)
    assert 0 < result.new < 24 * 60 * 3
    assert engine.store.stats().messages == result.new  # what was counted is stored
    assert finished and finished[0].summary.startswith("Cancelled")
    engine.stop()
