"""Matrix events as stored messages: who the conversation is with (the other member, or the room
for groups), text and formatted text, reply quotes and edits, files with their mxc:// address,
notices kept apart, encrypted events kept with a plain-words problem, redactions skipped."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from gastro_hub_desktop.channels.matrix.convert import (
    OUTBOX_KEY,
    RoomView,
    is_message,
    outbox_key,
    strip_reply_fallback,
    text_content,
    to_message,
)
from gastro_hub_desktop.channels.matrix.problems import ENCRYPTED_PROBLEM
from gastro_hub_desktop.channels.matrix.settings import MatrixSettings, is_user_id
from gastro_hub_desktop.domain.messages import Channel, Direction

ME = "@bistro:example.org"
BOB = "@bob:example.org"
KEY = f"matrix:{ME}"
DIRECT = RoomView("!dm:example.org", "Bob Dvořák", (BOB,), {BOB: "Bob Dvořák", ME: "Bistro"})
GROUP = RoomView(
    "!group:example.org",
    "Svatba Novákovi",
    (BOB, "@eva:example.org"),
    {BOB: "Bob Dvořák", "@eva:example.org": "Eva"},
)


def event(content: dict[str, Any], sender: str = BOB, **extra: Any) -> dict[str, Any]:
    return {
        "type": "m.room.message",
        "event_id": "$e1",
        "sender": sender,
        "origin_server_ts": 1_767_000_000_000,
        "content": content,
        **extra,
    }


def test_direct_room_is_a_conversation_with_the_other_member() -> None:
    m = to_message(event({"msgtype": "m.text", "body": "Ahoj"}), DIRECT, ME, KEY)
    assert (m.channel, m.account_key, m.provider_message_id) == (Channel.MATRIX, KEY, "$e1")
    assert (m.counterpart_address, m.counterpart_name) == (BOB, "Bob Dvořák")
    assert m.thread_key == "!dm:example.org" and m.subject is None
    assert m.direction is Direction.INBOUND and m.author_name == "Bob Dvořák"
    assert m.sent_at == datetime.fromtimestamp(1_767_000_000, UTC)


def test_group_room_is_a_conversation_with_the_room_and_names_each_author() -> None:
    m = to_message(
        event({"msgtype": "m.text", "body": "80 hostů"}, "@eva:example.org"), GROUP, ME, KEY
    )
    assert (m.counterpart_address, m.counterpart_name) == ("!group:example.org", "Svatba Novákovi")
    assert m.subject == "Svatba Novákovi" and m.author_name == "Eva"
    stranger = to_message(
        event({"msgtype": "m.text", "body": "x"}, "@left:example.org"), GROUP, ME, KEY
    )
    assert stranger.author_name == "left"  # a member who left: the user id's local part


def test_our_own_messages_are_outbound_and_carry_the_outbox_key() -> None:
    m = to_message(event(text_content("Dobře", "k1"), sender=ME), DIRECT, ME, KEY)
    assert m.direction is Direction.OUTBOUND and m.author_name == "You"
    assert m.counterpart_address == BOB
    assert outbox_key(event(text_content("Dobře", "k1"))) == "k1"
    assert text_content("Dobře", "k1") == {"msgtype": "m.text", "body": "Dobře", OUTBOX_KEY: "k1"}


def test_formatted_text_reply_quotes_and_edits() -> None:
    html = event(
        {
            "msgtype": "m.text",
            "body": "> <@eva:example.org> Kdy?\n\nV pět.",
            "format": "org.matrix.custom.html",
            "formatted_body": "<mx-reply><blockquote>Kdy?</blockquote></mx-reply><b>V pět.</b>",
            "m.relates_to": {"m.in_reply_to": {"event_id": "$e0"}},
        }
    )
    m = to_message(html, DIRECT, ME, KEY)
    assert (m.text, m.html) == ("V pět.", "<b>V pět.</b>")
    edit = event(
        {
            "msgtype": "m.text",
            "body": "* V šest.",
            "m.new_content": {"msgtype": "m.text", "body": "V šest."},
            "m.relates_to": {"rel_type": "m.replace", "event_id": "$e0"},
        }
    )
    assert to_message(edit, DIRECT, ME, KEY).text == "(edited) V šest."
    assert strip_reply_fallback("> quoted\n> more\n\nanswer\nline 2") == "answer\nline 2"
    assert strip_reply_fallback("no quote") == "no quote"


def test_pictures_and_files_are_listed_with_their_mxc_address() -> None:
    picture = event(
        {
            "msgtype": "m.image",
            "body": "menu.jpg",
            "url": "mxc://example.org/abc",
            "info": {"mimetype": "image/jpeg", "size": 12345},
        }
    )
    m = to_message(picture, DIRECT, ME, KEY)
    [a] = m.attachments
    assert (a.filename, a.content_type, a.size, a.ref) == (
        "menu.jpg",
        "image/jpeg",
        12345,
        "mxc://example.org/abc",
    )
    assert m.text == "menu.jpg" and m.problem is None
    captioned = event(
        {
            "msgtype": "m.file",
            "body": "Faktura za květen",
            "filename": "faktura.pdf",
            "url": "mxc://e/f",
        }
    )
    m = to_message(captioned, DIRECT, ME, KEY)
    assert m.text == "Faktura za květen"
    assert (m.attachments[0].filename, m.attachments[0].content_type) == (
        "faktura.pdf",
        "application/pdf",
    )
    sticker = {
        **event({"body": "👍", "url": "mxc://e/s", "info": {"mimetype": "image/png"}}),
        "type": "m.sticker",
    }
    assert to_message(sticker, DIRECT, ME, KEY).attachments[0].ref == "mxc://e/s"
    voice = to_message(
        event(
            {
                "msgtype": "m.audio",
                "body": "",
                "url": "mxc://e/v",
                "info": {"mimetype": "audio/ogg"},
            }
        ),
        DIRECT,
        ME,
        KEY,
    )
    assert voice.attachments[0].filename.startswith("audio")


def test_notices_emotes_and_locations() -> None:
    notice = to_message(event({"msgtype": "m.notice", "body": "Bridge connected"}), DIRECT, ME, KEY)
    assert notice.automated and notice.text == "Bridge connected"
    emote = to_message(event({"msgtype": "m.emote", "body": "mává"}), DIRECT, ME, KEY)
    assert emote.text == "* Bob Dvořák mává"
    place = event({"msgtype": "m.location", "body": "Jsme tady", "geo_uri": "geo:50.08,14.42"})
    assert to_message(place, DIRECT, ME, KEY).text == "Jsme tady geo:50.08,14.42"
    odd = to_message(event({"msgtype": "org.example.poll"}), DIRECT, ME, KEY)
    assert odd.problem and "does not show" in odd.problem


def test_encrypted_events_are_kept_with_a_problem_not_dropped() -> None:
    encrypted = {
        **event({"algorithm": "m.megolm.v1.aes-sha2", "ciphertext": "…"}),
        "type": "m.room.encrypted",
    }
    assert is_message(encrypted)
    m = to_message(encrypted, DIRECT, ME, KEY)
    assert "end-to-end encrypted" in m.text and "cannot read it yet" in m.text
    assert m.problem == ENCRYPTED_PROBLEM


@pytest.mark.parametrize(
    ("raw", "kept"),
    [
        (event({"msgtype": "m.text", "body": "x"}), True),
        (event({}), False),  # redacted before we saw it
        ({**event({"membership": "join"}), "type": "m.room.member", "state_key": BOB}, False),
        ({**event({"m.relates_to": {}}), "type": "m.reaction"}, False),
        ({**event({"msgtype": "m.text", "body": "x"}), "event_id": ""}, False),
    ],
)
def test_only_message_events_are_stored(raw: dict[str, Any], kept: bool) -> None:
    assert is_message(raw) is kept


def test_settings_name_the_account_and_find_the_homeserver() -> None:
    s = MatrixSettings(user_id="@jana:example.org")
    assert s.account_key == "matrix:@jana:example.org"
    assert s.base_url == "https://example.org"
    assert (
        MatrixSettings(user_id="@j:e.org", homeserver="https://m.e.org/").base_url
        == "https://m.e.org"
    )
    assert MatrixSettings.from_dict({**s.to_dict(), "sync_token": "s1"}) == s
    assert is_user_id("@jana:example.org") and not is_user_id("jana") and not is_user_id("@jana")
