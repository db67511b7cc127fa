"""Beeper chats and messages (as the SDK's models parse them) turned into ours: the network
decides the channel and is shown, the customer is the other side of a one-to-one chat (by phone
where known) or the group, attachments keep their mxc:// reference, reactions and unconfirmed
sends are left out, a malformed message is kept and flagged."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from beeper_desktop_api.types import Chat
from beeper_desktop_api.types.shared import Message

from gastro_hub_desktop.channels.beeper.convert import (
    chat_of,
    thread_key,
    to_message,
    worth_keeping,
)
from gastro_hub_desktop.channels.beeper.networks import channel_of
from gastro_hub_desktop.domain.messages import Channel, Direction

KEY = "beeper:@jana:beeper.com"
ME = {"id": "@jana:beeper.com", "fullName": "Jana", "isSelf": True}


def chat(network: str = "WhatsApp", kind: str = "single", **other: Any) -> Chat:
    person = {"id": "@wa_1:beeper.local", "fullName": "Pavel Novák", **other}
    items = [ME, person] if kind == "single" else [ME]
    return Chat.model_validate({
        "id": "!chat:beeper.local", "accountID": "acc", "network": network,
        "participants": {"hasMore": False, "items": items, "total": len(items)},
        "title": "Bistro U Lípy", "type": kind, "unreadCount": 1,
    })  # fmt: skip


def message(**changes: Any) -> Message:
    data = {
        "id": "$m1", "accountID": "acc", "chatID": "!chat:beeper.local",
        "senderID": "@wa_1:beeper.local", "senderName": "Pavel Novák", "sortKey": "1",
        "timestamp": "2026-11-20T09:30:00Z", "text": "Dobrý den, kdy dorazí myčka?",
    }  # fmt: skip
    data.update(changes)
    return Message.model_validate(data)


@pytest.mark.parametrize(
    ("bridge", "network", "expected"),
    [
        ("whatsapp", "WhatsApp", (Channel.WHATSAPP, True)),
        ("local-whatsapp", None, (Channel.WHATSAPP, True)),
        ("telegram", "Telegram", (Channel.TELEGRAM, True)),
        (None, "Signal", (Channel.SIGNAL, True)),
        ("matrix", "Beeper (Matrix)", (Channel.MATRIX, True)),
        ("instagramgo", "Instagram", (Channel.INSTAGRAM, True)),
        ("facebookgo", "Messenger", (Channel.FACEBOOK, True)),
        ("discordgo", "Discord", (Channel.MATRIX, False)),
        (None, None, (Channel.MATRIX, False)),
    ],
)
def test_networks_map_to_our_channels(
    bridge: str | None, network: str | None, expected: tuple[Channel, bool]
) -> None:
    assert channel_of(bridge, network) == expected


def test_a_one_to_one_message_becomes_ours_with_the_network_shown() -> None:
    ours = to_message(message(), chat(phoneNumber="+420601111111"), KEY, {"acc": "whatsapp"})
    assert ours.channel is Channel.WHATSAPP
    assert ours.direction is Direction.INBOUND
    assert ours.counterpart_address == "+420601111111"  # joins their other WhatsApp chats
    assert ours.counterpart_name == "Pavel Novák"
    assert ours.author_name == "Pavel Novák"
    assert ours.subject == "WhatsApp: Bistro U Lípy"
    assert ours.thread_key == thread_key("!chat:beeper.local")
    assert chat_of(ours.thread_key) == "!chat:beeper.local"
    assert ours.sent_at == datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
    assert ours.problem is None


def test_our_own_message_is_outbound_and_a_group_is_its_own_counterpart() -> None:
    ours = to_message(message(isSender=True), chat("Telegram", kind="group"), KEY, {})
    assert ours.direction is Direction.OUTBOUND and ours.author_name == "You"
    assert ours.channel is Channel.TELEGRAM
    assert (ours.counterpart_address, ours.counterpart_name) == (
        "!chat:beeper.local",
        "Bistro U Lípy",
    )


def test_a_network_without_a_channel_of_ours_is_filed_under_matrix_and_named() -> None:
    ours = to_message(message(), chat("Discord"), KEY, {"acc": "discordgo"})
    assert ours.channel is Channel.MATRIX
    assert ours.counterpart_name == "Pavel Novák (Discord)"
    assert ours.subject == "Discord: Bistro U Lípy"


def test_attachments_keep_the_address_beeper_serves_them_by() -> None:
    photo = {"type": "img", "id": "mxc://beeper.local/abc", "fileName": "mycka.jpg",
             "mimeType": "image/jpeg", "fileSize": 2048}  # fmt: skip
    ours = to_message(message(text=None, attachments=[photo, {"type": "audio"}]), chat(), KEY, {})
    first, second = ours.attachments
    assert (first.filename, first.content_type, first.size, first.ref) == (
        "mycka.jpg",
        "image/jpeg",
        2048,
        "mxc://beeper.local/abc",
    )
    assert second.content_type == "audio/octet-stream" and second.filename == "audio 2"
    assert ours.text == "[mycka.jpg], [audio 2]"  # a media message still says something


def test_reactions_hidden_and_unconfirmed_sends_are_left_out() -> None:
    assert worth_keeping(message())
    assert not worth_keeping(message(type="REACTION"))
    assert not worth_keeping(message(isHidden=True))
    pending = {"status": "PENDING", "timestamp": "2026-11-20T09:30:00Z"}
    assert not worth_keeping(message(sendStatus=pending))
    assert worth_keeping(message(sendStatus={**pending, "status": "SUCCESS"}))


def test_a_malformed_message_is_kept_and_flagged() -> None:
    broken = Message.construct(chat_id="!chat:beeper.local", text="bez všeho")  # type: ignore[call-arg]
    ours = to_message(broken, chat(), KEY, {})
    assert ours.provider_message_id.startswith("sha256:")
    assert ours.problem and "no message id" in ours.problem and "no timestamp" in ours.problem
    assert ours.text == "bez všeho"
