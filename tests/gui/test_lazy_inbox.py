"""The inbox model loads pages on demand: scrolling to the end never loads every row."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from gastro_hub_desktop.domain.conversations import InboxFilter
from gastro_hub_desktop.domain.messages import Channel, Direction, IncomingMessage
from gastro_hub_desktop.engine.facade import Engine
from gastro_hub_desktop.store.repository import Store
from gastro_hub_desktop.ui.bridge import EngineBridge
from gastro_hub_desktop.ui.inbox_model import MAX_CACHED_PAGES, PAGE_SIZE, InboxModel
from gastro_hub_desktop.ui.main_window import MainWindow

CONVERSATIONS = 6000
START = datetime(2026, 1, 1, tzinfo=UTC)


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    url = f"sqlite:///{tmp_path / 'many.sqlite3'}"
    store = Store.open(url)
    store.ingest(
        IncomingMessage(
            channel=Channel.EMAIL,
            account_key="bulk",
            provider_message_id=f"m{i}",
            direction=Direction.INBOUND,
            counterpart_address=f"customer{i}@example.cz",
            counterpart_name=f"Customer {i:05d}",
            text=f"Message number {i}",
            sent_at=START + timedelta(minutes=i),
            thread_key=f"t{i}",
        )
        for i in range(CONVERSATIONS)
    )
    store.close()
    e = Engine(url)
    yield e
    e.stop()


def test_scrolling_to_the_end_loads_only_what_is_shown(qtbot: QtBot, engine: Engine) -> None:
    bridge = EngineBridge(engine.events)
    window = MainWindow(engine, bridge)
    qtbot.addWidget(window)
    window.show()
    engine.start().result(30)
    model = window.inbox.model
    qtbot.waitUntil(lambda: model.rowCount() == CONVERSATIONS)
    qtbot.waitUntil(lambda: model.index(0, InboxModel.FROM).data() is not None)
    assert model.index(0, InboxModel.FROM).data().startswith(f"Customer {CONVERSATIONS - 1:05d}")
    assert model.cached_rows() <= 2 * PAGE_SIZE

    table = window.inbox.table
    table.scrollToBottom()
    last = model.index(CONVERSATIONS - 1, InboxModel.FROM)
    qtbot.waitUntil(lambda: last.data() is not None)
    assert last.data().startswith("Customer 00000")
    assert model.cached_rows() <= 3 * PAGE_SIZE
    # jumping around keeps the cache bounded
    for row in range(0, CONVERSATIONS, 97):
        table.scrollTo(model.index(row, 0))
        qtbot.waitUntil(lambda r=row: model.index(r, 1).data() is not None)
    assert model.cached_rows() <= MAX_CACHED_PAGES * PAGE_SIZE < CONVERSATIONS
    assert engine.store.inbox_count(InboxFilter()) == CONVERSATIONS
    bridge.close()
