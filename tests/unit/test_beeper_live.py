"""The live socket's frames as Beeper's WebSocket documentation describes them: control
messages are not events, domain events keep their chat, ids and entries, garbage is ignored;
and a bad Beeper address in the settings is refused in words the user can act on."""

from __future__ import annotations

import json

import pytest

from gastro_hub_desktop.channels.beeper.live import parse_event
from gastro_hub_desktop.channels.beeper.settings import BeeperSettings, check_base_url


def test_control_messages_are_not_events() -> None:
    for frame in (
        {"type": "ready", "version": 1, "chatIDs": []},
        {"type": "subscriptions.updated", "requestID": "r1", "chatIDs": ["*"]},
        {"type": "error", "requestID": "r2", "code": "INVALID_PAYLOAD", "message": "no"},
    ):
        assert parse_event(json.dumps(frame)) is None


def test_a_domain_event_keeps_its_chat_ids_entries_and_sequence() -> None:
    event = parse_event(
        json.dumps(
            {
                "type": "message.upserted",
                "seq": 42,
                "ts": 1739320000000,
                "chatID": "chat_a",
                "ids": ["m1", "m2"],
                "entries": [{"id": "m1", "reactions": []}, "junk"],
            }
        )
    )
    assert event is not None
    assert (event.type, event.chat_id, event.ids, event.seq) == (
        "message.upserted",
        "chat_a",
        ("m1", "m2"),
        42,
    )
    assert event.entries == ({"id": "m1", "reactions": []},)


@pytest.mark.parametrize("frame", ["not json", "[1, 2]", '{"seq": 1}'])
def test_garbage_is_ignored(frame: str) -> None:
    assert parse_event(frame) is None


def test_the_address_is_checked_and_names_the_account() -> None:
    assert check_base_url(" http://localhost:23373/ ") == "http://localhost:23373"
    assert check_base_url("") == "http://localhost:23373"
    with pytest.raises(ValueError, match="enter it like http://localhost:23373"):
        check_base_url("localhost:23373")
    assert BeeperSettings(user_id="@Jana:beeper.com").account_key == "beeper:@jana:beeper.com"
    assert BeeperSettings().account_key == "beeper:localhost:23373"
    again = BeeperSettings.from_dict({**BeeperSettings(poll_seconds=5).to_dict(), "extra": 1})
    assert again.poll_seconds == 5
