"""Office mode seen from a desktop window on a real PostgreSQL: the status bar says who fetches
and sends (or that nobody does), a message stored by the leader appears in the inbox without
any refresh by hand, and a colleague writing a reply at another PC is shown in the
conversation."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from pytestqt.qtbot import QtBot
from tests.servers import PostgresServer

from gastro_hub_desktop.domain.messages import Channel, Direction, IncomingMessage
from gastro_hub_desktop.engine.facade import Engine
from gastro_hub_desktop.store import office
from gastro_hub_desktop.store.repository import Store
from gastro_hub_desktop.ui.bridge import EngineBridge
from gastro_hub_desktop.ui.main_window import MainWindow


def message(pid: str, who: str, text: str) -> IncomingMessage:
    return IncomingMessage(
        channel=Channel.TELEGRAM,
        account_key="telegram:office_bot",
        provider_message_id=pid,
        direction=Direction.INBOUND,
        counterpart_address=f"tg:{who}",
        counterpart_name=who,
        text=text,
        sent_at=datetime.now(UTC),
        thread_key=f"tg:{who}",
    )


@pytest.fixture
def office_url(postgres_server: PostgresServer) -> str:
    url = postgres_server.create_database(f"office_gui_{uuid.uuid4().hex[:8]}")
    store = Store.open(url)
    store.ingest([message("1", "Petra", "Dobrý den, kdy dorazí myčka?")])
    office.set_office_enabled(store, True)
    store.close()
    return url


@pytest.fixture
def window(qtbot: QtBot, office_url: str) -> Iterator[MainWindow]:
    engine = Engine(office_url)
    bridge = EngineBridge(engine.events)
    w = MainWindow(engine, bridge)
    qtbot.addWidget(w)
    w.show()
    engine.start().result(30)
    qtbot.waitUntil(lambda: w.inbox.model.count_known and w.inbox.model.rowCount() == 1)
    qtbot.waitUntil(lambda: engine.office is not None and engine.office.listening.is_set())
    yield w
    engine.stop()
    bridge.close()


def test_status_bar_says_who_fetches_and_new_messages_arrive_live(
    qtbot: QtBot, window: MainWindow, office_url: str
) -> None:
    label = window.office_label
    qtbot.waitUntil(lambda: label.isVisible() and "no processor" in label.text(), timeout=20000)

    lock = office.LeaderLock(office.conninfo(office_url), "gastro-hub processor@server7:42:1")
    assert lock.try_acquire()
    try:
        label.refresh()
        qtbot.waitUntil(lambda: "processor on server7" in label.text(), timeout=20000)

        # the leader stores a message: the window's inbox shows it, nobody pressed anything
        leader = Store.open(office_url, application_name="gastro-hub processor@server7:42:1")
        leader.ingest([message("2", "Karel", "Máte skladem konvektomat?")])
        leader.close()
        qtbot.waitUntil(lambda: window.inbox.model.rowCount() == 2, timeout=20000)
    finally:
        lock.release()
    label.refresh()
    qtbot.waitUntil(lambda: "no processor" in label.text(), timeout=20000)


def test_a_colleague_answering_is_shown_in_the_conversation(
    qtbot: QtBot, window: MainWindow, office_url: str
) -> None:
    panel = window.inbox
    panel.select_row(0)
    pane = panel.pane
    qtbot.waitUntil(lambda: pane.conversation_id is not None)
    assert not pane.presence_label.isVisible()

    colleague = Engine(office_url)
    colleague.start().result(30)
    try:
        qtbot.waitUntil(lambda: colleague.office is not None)
        colleague.answering(pane.conversation_id).result(10)  # type: ignore[arg-type]
        qtbot.waitUntil(lambda: pane.presence_label.isVisible(), timeout=20000)
        assert office.person_name() in pane.presence_label.text()
        assert "answering" in pane.presence_label.text()

        # our own typing is announced to the others, and does not show ourselves
        pane.reply.setPlainText("Dobrý den, myčka dorazí zítra.")
        qtbot.waitUntil(
            lambda: len(colleague.who_is_answering(pane.conversation_id).result(5)) == 1,  # type: ignore[arg-type]
            timeout=20000,
        )
        colleague.stop_answering(pane.conversation_id).result(10)
        qtbot.waitUntil(lambda: not pane.presence_label.isVisible(), timeout=20000)
    finally:
        colleague.stop()


def test_office_mode_is_switched_in_the_settings(
    qtbot: QtBot, window: MainWindow, office_url: str
) -> None:
    dialog = window.open_settings()
    office_box = dialog.office  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: office_box.isVisible() and office_box.isChecked(), timeout=20000)
    office_box.setChecked(False)
    dialog.save()  # type: ignore[attr-defined]
    store = Store.open(office_url)
    try:
        qtbot.waitUntil(lambda: not office.office_enabled(store), timeout=20000)
    finally:
        store.close()
