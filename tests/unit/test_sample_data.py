"""The demo set: multilingual, every channel group, fresh timestamps, stable ids."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime

from gastro_hub_desktop.domain.messages import TAB_OF_CHANNEL, Direction
from gastro_hub_desktop.importers.sample_data import load_sample_data


def test_sample_set_is_realistic_and_stable() -> None:
    now = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
    data = load_sample_data(now)
    messages = data.messages
    assert len({m.thread_key for m in messages}) >= 35
    languages = Counter(m.language for m in messages)
    assert {"cs", "de", "en"} <= set(languages)
    assert {TAB_OF_CHANNEL[m.channel] for m in messages} == set(TAB_OF_CHANNEL.values())
    assert any(m.direction is Direction.OUTBOUND for m in messages)
    assert any(m.urgency and m.urgency.value == "crisis" for m in messages)
    assert all(m.sent_at <= now for m in messages)
    assert len(data.vip_addresses) >= 3
    again = load_sample_data(now)
    assert [m.provider_message_id for m in again.messages] == [
        m.provider_message_id for m in messages
    ]
    assert len({m.provider_message_id for m in messages}) == len(messages)
