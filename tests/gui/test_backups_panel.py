"""Backups from the window on a real engine: Back up now makes a verified set; a restore
(after new data arrived) checks the set, stops what writes, brings the earlier data back and
starts everything again; a flipped byte in the archive is named by Verify and refused by
Restore, with nothing changed. With an rclone remote (a real local one), the remote's sets are
listed beside the local ones with where they are and whether they are off-site, a set's files
are shown with their sizes, and a set only on the remote is fetched (with progress) and
restored."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from tests.servers import require_binary

from gastro_hub_desktop.domain.messages import Channel, Direction, IncomingMessage
from gastro_hub_desktop.engine.facade import Engine
from gastro_hub_desktop.importers.sample_data import load_sample_data
from gastro_hub_desktop.store.repository import Store
from gastro_hub_desktop.ui.backups_panel import WHERE_COLUMN
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


def _where(panel: object, name: str) -> str | None:
    table = panel.table  # type: ignore[attr-defined]
    for r in range(table.rowCount()):
        if table.item(r, 0).text() == name:
            return str(table.item(r, WHERE_COLUMN).text())
    return None


def _select(panel: object, name: str) -> None:
    table = panel.table  # type: ignore[attr-defined]
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == name)
    table.selectRow(row)


def test_remote_sets_beside_local_ones_fetched_back_and_restored(
    qtbot: QtBot, window: tuple[MainWindow, Engine], tmp_path: Path
) -> None:
    require_binary("rclone", "apt-get install rclone")
    w, engine = window
    qtbot.waitUntil(lambda: engine.backups is not None, timeout=10000)
    config = tmp_path / "rclone.conf"
    config.write_text("[offsite]\ntype = local\n")
    remote_dir = tmp_path / "offsite"
    settings = {
        "remote": f"offsite:{remote_dir}",
        "rclone_config": str(config),
        "folder": str(tmp_path / "sets"),
        "prune_after_backup": False,  # both sets are of today: retention would keep one
    }
    engine.save_backup_settings(settings).result(30)
    panel = w.open_backups()
    w.tabs.setCurrentWidget(panel)
    seen: list[object] = []
    w._bridge.event.connect(seen.append)  # type: ignore[attr-defined]

    panel.back_up()  # made, verified and uploaded
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1, timeout=30000)
    first = panel.table.item(0, 0).text()
    qtbot.waitUntil(lambda: _where(panel, first) == "this computer and the remote", timeout=30000)
    # a second set, not uploaded: "not off-site" on this computer only
    engine.save_backup_settings({"upload_after_backup": False}).result(30)
    second = engine.backup_now().future.result(60).backup_set.name
    panel.refresh()
    qtbot.waitUntil(lambda: _where(panel, second) == "this computer", timeout=30000)
    _select(panel, second)
    row = panel.table.currentRow()
    assert panel.table.item(row, 4).text() == "not off-site"
    assert not panel.fetch_button.isEnabled()

    # the first set's local copy is lost: it is listed from the remote, with its contents
    local = engine.backups.service().list_sets()  # type: ignore[union-attr]
    lost = next(s for s in local if s.name == first)
    lost.archive.unlink()
    lost.state_path.unlink()
    panel.refresh()
    qtbot.waitUntil(lambda: _where(panel, first) == "remote only", timeout=30000)
    _select(panel, first)
    assert panel.fetch_button.isEnabled() and not panel.restore_button.isEnabled()
    qtbot.waitUntil(lambda: panel.contents.rowCount() > 0, timeout=10000)
    files = {panel.contents.item(r, 0).text(): panel.contents.item(r, 1).text()
             for r in range(panel.contents.rowCount())}  # fmt: skip
    assert "database/backups.sqlite3" in files and files["database/backups.sqlite3"].endswith("B")
    assert "sqlite database" in panel.contents_title.text()
    panel.restore(confirmed=True)
    assert "Fetch it first" in panel.result.text()

    # Fetch: progress, then it shows as local (and off-site), and restores
    panel.fetch()
    qtbot.waitUntil(lambda: "fetched from the remote and checked" in panel.result.text(),
                    timeout=30000)  # fmt: skip
    qtbot.waitUntil(lambda: _where(panel, first) == "this computer and the remote", timeout=30000)
    assert not panel.fetch_progress.isVisible()
    progress = [e for e in seen if type(e).__name__ == "JobProgress" and e.job == "fetch"]  # type: ignore[attr-defined]
    assert progress and progress[-1].done == progress[-1].total > 0  # type: ignore[attr-defined]
    _select(panel, first)
    assert panel.restore_button.isEnabled() and not panel.fetch_button.isEnabled()
    panel.restore(confirmed=True)
    qtbot.waitUntil(lambda: not panel.result.text().startswith("Restoring"), timeout=60000)
    assert panel.result.text().startswith(f"Restored {first}"), panel.result.text()
