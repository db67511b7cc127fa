"""The dashboard on a real engine: unread per channel split VIP / urgent / normal as the
database has them, the median reply time of today from a real question and answer, the AI
summary from recorded figures, and a live update when a new message arrives (no timer)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from gastro_hub_desktop.domain.messages import Channel, Direction, IncomingMessage
from gastro_hub_desktop.engine.facade import Engine
from gastro_hub_desktop.store.dashboard import ZONE, daily_figures, unread_by_channel
from gastro_hub_desktop.store.repository import Store
from gastro_hub_desktop.ui.bridge import EngineBridge
from gastro_hub_desktop.ui.main_window import MainWindow

NOW = datetime.now(UTC).replace(microsecond=0)


def msg(n: int, channel: Channel, who: str, text: str, minutes_ago: int,
        direction: Direction = Direction.INBOUND, thread: str | None = None) -> IncomingMessage:  # fmt: skip
    return IncomingMessage(
        channel=channel,
        account_key=f"{channel.value}:ours",
        provider_message_id=f"m{n}",
        direction=direction,
        counterpart_address=who,
        counterpart_name=who,
        text=text,
        sent_at=NOW - timedelta(minutes=minutes_ago),
        thread_key=thread or who,
    )


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[MainWindow, Engine]]:
    url = f"sqlite:///{tmp_path / 'dash.sqlite3'}"
    store = Store.open(url)
    store.ingest(
        [
            msg(1, Channel.EMAIL, "vip@hotel.cz", "Prosím o nabídku na myčku.", 50),
            msg(2, Channel.EMAIL, "kuchar@bistro.cz", "Kdy přijede technik?", 40),
            msg(3, Channel.EMAIL, "kuchar@bistro.cz", "Zítra v 9:00.", 10, Direction.OUTBOUND),
            msg(4, Channel.WHATSAPP, "+420777111222", "Z mrazáku teče voda, 8 stupňů!", 5),
        ]
    )
    store.mark_vip([(Channel.EMAIL, "vip@hotel.cz")])
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


def test_dashboard_shows_the_databases_figures_and_follows_changes(
    qtbot: QtBot, window: tuple[MainWindow, Engine]
) -> None:
    w, engine = window
    qtbot.waitUntil(lambda: engine.assistant is not None, timeout=10000)

    def crisis_seen() -> bool:
        split = unread_by_channel(engine.store).get("whatsapp")
        return split is not None and split.urgent == 1

    qtbot.waitUntil(crisis_seen, timeout=15000)  # triaged as crisis
    dash = w.open_dashboard()
    w.tabs.setCurrentWidget(dash)

    def table() -> dict[str, tuple[str, ...]]:  # by the channel's name as shown
        return {
            dash.unread.item(r, 0).text(): tuple(dash.unread.item(r, c).text() for c in range(1, 4))
            for r in range(dash.unread.rowCount())
        }

    qtbot.waitUntil(lambda: table().get("WhatsApp") == ("0", "1", "0"), timeout=10000)
    assert table()["Email"] == ("1", "0", "1")  # the VIP's, and the one answered but unread
    # the day (Prague time) the question was asked: near midnight that may be yesterday
    asked = (NOW - timedelta(minutes=40)).astimezone(ZONE).date().isoformat()
    day = next(d for d in daily_figures(engine.store, 7) if d.day == asked)
    assert day.median_reply_minutes == 30.0
    assert dash.figures is not None
    assert next(d for d in dash.figures["days"] if d.day == asked).median_reply_minutes == 30.0
    assert "messages triaged today" in dash.ai.text()

    # a new customer message: the dashboard follows the engine's announcement
    engine.store.ingest([msg(5, Channel.WHATSAPP, "+420777333444", "Objednávám 3 krabice.", 1)])
    engine.assistant.wake()  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: table().get("WhatsApp") == ("0", "1", "1"), timeout=15000)
