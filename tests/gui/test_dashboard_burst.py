"""The dashboard after a scripted burst of messages: 150 conversations over three channels and
three days arrive in bursts while the window is open; the unread table (VIP / urgent / normal
per channel), the messages per day and channel and the median reply time per day must equal
what the script put in, worked out here independently of the app's queries."""

from __future__ import annotations

import statistics
from collections import defaultdict
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from tests.gui.conftest import WindowFactory

from gastro_hub_desktop.domain.conversations import InboxFilter
from gastro_hub_desktop.domain.messages import Channel, Direction, IncomingMessage, Urgency
from gastro_hub_desktop.engine.facade import Engine
from gastro_hub_desktop.store.dashboard import ZONE
from gastro_hub_desktop.ui.inbox_model import channel_label
from gastro_hub_desktop.ui.main_window import MainWindow

NOW = datetime.now(UTC).replace(microsecond=0)
CHANNELS = (Channel.EMAIL, Channel.WHATSAPP, Channel.TELEGRAM)
COUNT = 150


def script() -> tuple[list[IncomingMessage], dict[str, list[int]], set[tuple[Channel, str]]]:
    """The burst, the expected unread split per channel and the VIP customers."""
    messages: list[IncomingMessage] = []
    unread: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    vips: set[tuple[Channel, str]] = set()
    for i in range(COUNT):
        channel = CHANNELS[i % 3]
        who = f"zakaznik{i}@example.cz" if channel is Channel.EMAIL else f"+42077700{i:04d}"
        vip, urgent = i % 7 == 0, i % 5 == 0
        asked = NOW - timedelta(days=i % 3, minutes=90 + i)
        common = {"channel": channel, "account_key": f"{channel.value}:burst",
                  "counterpart_address": who, "counterpart_name": f"Zákazník {i}",
                  "thread_key": who}  # fmt: skip
        messages.append(
            IncomingMessage(
                provider_message_id=f"q{i}",
                direction=Direction.INBOUND,
                text=f"Dobrý den, prosím o cenovou nabídku č. {i}.",
                sent_at=asked,
                urgency=Urgency.URGENT if urgent else Urgency.NORMAL,
                **common,  # type: ignore[arg-type]
            )
        )
        if i % 4 == 0:  # answered after 10-39 minutes
            messages.append(
                IncomingMessage(
                    provider_message_id=f"a{i}",
                    direction=Direction.OUTBOUND,
                    text="Děkujeme, nabídku posíláme.",
                    sent_at=asked + timedelta(minutes=10 + i % 30),
                    **common,  # type: ignore[arg-type]
                )
            )
        if vip:
            vips.add((channel, who))
        unread[channel.value][0 if vip else 1 if urgent else 2] += 1
    return messages, unread, vips


def expected_days(
    messages: list[IncomingMessage],
) -> dict[str, tuple[dict[str, int], float | None]]:
    per_day: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    asked: dict[str, datetime] = {}
    waits: dict[str, list[float]] = defaultdict(list)
    for m in sorted(messages, key=lambda m: m.sent_at):
        if m.direction is Direction.INBOUND:
            day = m.sent_at.astimezone(ZONE).date().isoformat()
            per_day[day][m.channel.value] += 1
            asked[m.thread_key] = m.sent_at
        else:
            q = asked.pop(m.thread_key)
            waits[q.astimezone(ZONE).date().isoformat()].append(
                (m.sent_at - q).total_seconds() / 60
            )
    # near midnight (Prague) the burst spans an extra day, perhaps one without an answer
    return {
        day: (dict(c), statistics.median(waits[day]) if waits.get(day) else None)
        for day, c in per_day.items()
    }


@pytest.fixture
def window(open_window: WindowFactory, tmp_path: Path) -> tuple[MainWindow, Engine]:
    return open_window(f"sqlite:///{tmp_path / 'burst.sqlite3'}")


def test_dashboard_figures_equal_the_scripted_burst(
    qtbot: QtBot, window: tuple[MainWindow, Engine]
) -> None:
    w, engine = window
    qtbot.waitUntil(lambda: engine.assistant is not None, timeout=10000)
    dash = w.open_dashboard()
    w.tabs.setCurrentWidget(dash)
    messages, unread, vips = script()

    for start in range(0, len(messages), 40):  # bursts, while the dashboard is live
        engine.store.ingest(messages[start : start + 40])
        engine.assistant.wake()  # type: ignore[union-attr]
        qtbot.wait(50)
    qtbot.waitUntil(lambda: engine.store.stats().messages == len(messages), timeout=10000)
    rows = engine.store.inbox_page(InboxFilter(), 0, 1000)
    for row in rows:  # as a person ticks VIP in the conversation
        if (row.channel, row.contact_address) in vips:
            engine.set_vip(row.id, True).result(10)

    def table() -> dict[str, tuple[int, ...]]:
        return {
            dash.unread.item(r, 0).text(): tuple(
                int(dash.unread.item(r, c).text()) for c in range(1, 4)
            )
            for r in range(dash.unread.rowCount())
        }

    want = {channel_label(channel): tuple(split) for channel, split in unread.items()}
    qtbot.waitUntil(lambda: table() == want, timeout=30000)
    assert sum(sum(v) for v in want.values()) == COUNT

    expected = expected_days(messages)
    qtbot.waitUntil(
        lambda: (
            dash.figures is not None
            and {d.day: d.messages for d in dash.figures["days"] if d.messages}
            == {day: counts for day, (counts, _median) in expected.items()}
        ),
        timeout=15000,
    )
    assert dash.figures is not None
    shown = {d.day: d.median_reply_minutes for d in dash.figures["days"] if d.messages}
    assert shown == {day: median for day, (_counts, median) in expected.items()}
