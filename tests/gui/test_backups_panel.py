"""Backups from the window on a real engine: Back up now makes a verified set; a restore
(after new data arrived) checks the set, stops what writes, brings the earlier data back and
starts everything again; a flipped byte in the archive is named by Verify and refused by
Restore, with nothing changed."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from gastro_hub_desktop.domain.messages import Channel, Direction, IncomingMessage
from gastro_hub_desktop.engine.facade import Engine
from gastro_hub_desktop.importers.sample_data import load_sample_data
from gastro_hub_desktop.store.repository import Store
from gastro_hub_desktop.ui.bridge import EngineBridge
from gastro_hub_desktop.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[MainWindow, Engine]]:
    url = f"sqlite:///{tmp_path / 'backups.sqlite3'}"
    store = Store.open(url)
    store.ingest(load_sample_data().messages)
    store.close()
    engine = Engine(url)
    bridge = EngineBridge(engine.events)
    w = MainWindow(engine, bridge)
    qtbot.addWidget(w)
    w.show()
    engine.start().result(30)
    yield w, engine
    engine.stop()
    bridge.close()


def test_back_up_restore_and_refuse_a_damaged_set(
    qtbot: QtBot, window: tuple[MainWindow, Engine]
) -> None:
    w, engine = window
    qtbot.waitUntil(lambda: engine.backups is not None, timeout=10000)
    panel = w.open_backups()
    w.tabs.setCurrentWidget(panel)
    before = engine.store.stats()
    panel.back_up()
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1, timeout=30000)
    qtbot.waitUntil(lambda: panel.table.item(0, 3).text() == "verified", timeout=10000)
    assert "Last verified backup" in panel.health.text()

    engine.store.ingest(
        [
            IncomingMessage(
                channel=Channel.EMAIL,
                account_key="email:after",
                provider_message_id="<after-backup@x>",
                direction=Direction.INBOUND,
                counterpart_address="late@customer.example",
                counterpart_name="Late",
                text="Přišlo po záloze.",
                sent_at=datetime.now(UTC),
                thread_key="<after-backup@x>",
            )
        ]
    )
    assert engine.store.stats().messages == before.messages + 1

    panel.table.selectRow(0)
    panel.restore(confirmed=True)
    qtbot.waitUntil(lambda: not panel.result.text().startswith("Restoring"), timeout=60000)
    assert panel.result.text().startswith("Restored"), panel.result.text()
    assert engine.store.stats().messages == before.messages
    qtbot.waitUntil(lambda: engine.assistant is not None, timeout=10000)  # running again

    # one flipped byte in the archive: Verify names it, Restore refuses and changes nothing
    archive = next(p for p in engine.backups.service().folder.iterdir() if ".tar" in p.name)  # type: ignore[union-attr]
    data = bytearray(archive.read_bytes())
    data[len(data) // 2] ^= 0xFF
    archive.write_bytes(bytes(data))
    panel.table.selectRow(0)
    panel.verify()
    qtbot.waitUntil(lambda: "intact" not in panel.result.text() and "Checking" not in
                    panel.result.text(), timeout=30000)  # fmt: skip
    assert archive.name in panel.result.text() or "damaged" in panel.result.text().lower()
    job = engine.restore_backup(panel.table.item(0, 0).text())
    with pytest.raises(Exception, match=r"(?i)damaged|checksum|differs|corrupt"):
        job.future.result(60)
    assert engine.store.stats().messages == before.messages
