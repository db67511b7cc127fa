"""A message neither parser can read, synced from a real Dovecot: stored once, kept as received,
flagged, and shown flagged when the user opens it in the window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from tests.integration.test_email_sync import ALICE, mail, settings
from tests.servers import MailServer
from tests.unit.test_parse_unreadable import nested_mime

from gastro_hub_desktop.channels.email.imap import ImapMailbox
from gastro_hub_desktop.channels.email.parse import NO_SENDER, parse_message
from gastro_hub_desktop.domain.conversations import InboxFilter, StatusFilter
from gastro_hub_desktop.engine.facade import Engine
from gastro_hub_desktop.engine.mail_worker import MailWorker
from gastro_hub_desktop.ui.bridge import EngineBridge
from gastro_hub_desktop.ui.main_window import MainWindow

pytestmark = pytest.mark.needs_server


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    e = Engine(f"sqlite:///{tmp_path / 'unreadable.sqlite3'}")
    yield e
    e.stop()


@pytest.fixture
def window(qtbot: QtBot, engine: Engine) -> Iterator[MainWindow]:
    bridge = EngineBridge(engine.events)
    w = MainWindow(engine, bridge)
    qtbot.addWidget(w)
    w.show()
    engine.start().result(30)
    yield w
    bridge.close()


def test_unreadable_mail_from_imap_is_kept_raw_flagged_and_shown(
    qtbot: QtBot, window: MainWindow, engine: Engine, mail_server: MailServer
) -> None:
    bomb = nested_mime()
    with pytest.raises(RecursionError):  # the real thing: no parser reads it
        parse_message(bomb)
    mail_server.deliver(ALICE, mail(1))
    mail_server.deliver(ALICE, bomb)
    mail_server.deliver(ALICE, bomb)  # the same mail twice on the server (two UIDs)
    store = engine.store
    worker = MailWorker(store, engine.events, settings(mail_server), lambda: "alicepw")
    box = ImapMailbox(settings(mail_server), "alicepw")
    box.connect()
    try:
        assert worker.sync_once(box) == 2  # the readable one and the bomb, once
        assert worker.sync_once(box) == 0
    finally:
        box.close()

    assert store.stats().messages == 2
    rows = store.inbox_page(InboxFilter(status=StatusFilter.ALL), 0, 10)
    [flagged] = [r for r in rows if store.conversation(r.id).messages[0].problem]
    detail = store.conversation(flagged.id)
    [message] = detail.messages
    assert "RecursionError" in (message.problem or "")
    assert message.text.encode() == bomb  # as received (Dovecot keeps CRLF), byte for byte
    assert detail.row.contact_address == NO_SENDER

    panel = window.inbox
    panel.model.refresh()
    qtbot.waitUntil(lambda: panel.model.count_known and panel.model.rowCount() == 2)
    qtbot.waitUntil(lambda: all(panel.model.row_at(r) is not None for r in range(2)))
    index = next(r for r in range(2) if panel.model.row_at(r).id == flagged.id)  # type: ignore[union-attr]
    panel.select_row(index)
    qtbot.waitUntil(lambda: "could not be read" in panel.pane.messages.toPlainText())
    shown = panel.pane.messages.toPlainText()
    assert "⚠ This message could not be read; shown as received." in shown
    assert "Message-ID: <nested@example.test>" in shown
