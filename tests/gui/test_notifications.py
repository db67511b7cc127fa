"""Tray notifications on a real engine: a fresh VIP or urgent customer message raises one
notification (sender, first line, channel) whose click opens the conversation; in quiet hours
only a crisis is raised; an import of old mail raises nothing."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtGui import QIcon
from pytestqt.qtbot import QtBot

from gastro_hub_desktop.domain.messages import Channel, Direction, IncomingMessage
from gastro_hub_desktop.engine.facade import Engine
from gastro_hub_desktop.ui.bridge import EngineBridge
from gastro_hub_desktop.ui.main_window import MainWindow, in_quiet_hours
from gastro_hub_desktop.ui.tray import Tray


def message(n: int, sender: str, text: str, sent_at: datetime | None = None) -> IncomingMessage:
    return IncomingMessage(
        channel=Channel.WHATSAPP,
        account_key="whatsapp:+420601000111",
        provider_message_id=f"wamid.{n}",
        direction=Direction.INBOUND,
        counterpart_address=sender,
        counterpart_name=f"Zákazník {n}",
        text=text,
        sent_at=sent_at or datetime.now(UTC),
        thread_key=sender,
    )


def triaged(engine: Engine) -> int:
    with engine.store.engine.connect() as conn:
        return int(
            conn.exec_driver_sql("SELECT count(*) FROM messages WHERE intent IS NOT NULL").scalar()
        )


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[MainWindow, Engine, Tray]]:
    engine = Engine(f"sqlite:///{tmp_path / 'notes.sqlite3'}")
    bridge = EngineBridge(engine.events)
    w = MainWindow(engine, bridge)
    qtbot.addWidget(w)
    w.show()
    engine.start().result(30)
    tray = Tray(QIcon(), w, lambda: None)
    w.notify.connect(tray.notify)  # as app.py wires them
    tray.openConversation.connect(w.open_conversation)
    yield w, engine, tray
    engine.stop()
    bridge.close()


def test_a_vip_message_is_raised_and_its_click_opens_it(
    qtbot: QtBot, window: tuple[MainWindow, Engine, Tray]
) -> None:
    w, engine, tray = window
    # a VIP writes an ordinary message: raised
    engine.store.ingest(
        [message(1, "+420777000001", "Dobrý den,\nposílám objednávku na příští týden.")]
    )
    qtbot.waitUntil(lambda: triaged(engine) == 1, timeout=15000)  # not a VIP yet: no note
    engine.store.mark_vip([(Channel.WHATSAPP, "+420777000001")])
    with qtbot.waitSignal(w.notify, timeout=15000) as raised:
        engine.store.ingest([message(2, "+420777000001", "Ještě přidejte 2 krabice filtrů.")])
    title, text, conversation_id = raised.args
    assert title.startswith("VIP") and "Zákazník" in title and "WhatsApp" in title
    assert text == "Ještě přidejte 2 krabice filtrů."
    tray.messageClicked.emit()  # the user clicks the notification
    qtbot.waitUntil(lambda: w.inbox.pane.conversation_id == conversation_id, timeout=10000)


def test_quiet_hours_let_only_a_crisis_through_and_old_mail_raises_nothing(
    qtbot: QtBot, window: tuple[MainWindow, Engine, Tray]
) -> None:
    w, engine, _tray = window
    now = datetime.now().time()
    engine.put_ai_setting("ui.quiet_hours", {"from": "00:00", "until": "23:59:59.999999"}).result(
        10
    )
    w.load_quiet_hours()  # quiet all day
    qtbot.waitUntil(lambda: w.quiet_hours is not None, timeout=10000)
    assert in_quiet_hours(w.quiet_hours, now)
    raised: list[tuple[str, str, int]] = []
    w.notify.connect(lambda *args: raised.append(args))
    old = datetime.now(UTC) - timedelta(days=400)
    engine.store.ingest(
        [message(10, "+420777000010", "Teče voda z chladicího boxu, maso se kazí!", old)]
    )
    engine.store.ingest(
        [message(11, "+420777000011", "Prosím o nabídku do zítřka do 12:00, jinak propadne tendr.")]
    )
    engine.store.ingest(
        [message(12, "+420777000012", "Z mrazáku teče voda a je v něm 8 stupňů, máme tam maso!")]
    )
    qtbot.waitUntil(lambda: len(raised) >= 1, timeout=15000)
    qtbot.wait(1500)  # nothing else follows
    assert len(raised) == 1, raised
    title, text, _conversation = raised[0]
    assert title.startswith("CRISIS") and "mrazáku" in text, raised
    assert not in_quiet_hours((time(20), time(7)), time(12)) and in_quiet_hours(
        (time(20), time(7)), time(6, 59)
    )
