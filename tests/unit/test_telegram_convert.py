"""Telegram updates as stored messages: private chats and groups, the message id that makes a
duplicate harmless, media listed with their file_id, contacts and locations, edits kept as
notes, service messages and other update kinds left out, and malformed updates refused."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from gastro_hub_desktop.channels.telegram.convert import (
    VCARD_REF,
    chat_of,
    convert,
    message_number,
)
from gastro_hub_desktop.domain.messages import Channel, Direction

KEY = "telegram:gastro_hub_bot"
PETRA = {
    "id": 5551234,
    "is_bot": False,
    "first_name": "Petra",
    "last_name": "Dvořáková",
    "username": "petra_bistro",
}
NO_USERNAME = {"id": 777, "is_bot": False, "first_name": "Karel"}


def private(sender: dict, **message: object) -> dict:
    chat = {"id": sender["id"], "type": "private", "first_name": sender["first_name"]}
    return {"message_id": 10, "from": sender, "chat": chat, "date": 1_760_000_000, **message}


def test_a_private_message_is_a_conversation_with_the_customer() -> None:
    converted = convert(KEY, {"update_id": 1, "message": private(PETRA, text="Dobrý den")})
    m = converted.message
    assert m is not None and converted.update_id == 1
    assert m.channel is Channel.TELEGRAM and m.direction is Direction.INBOUND
    assert m.provider_message_id == "5551234:10"
    assert m.thread_key == "telegram:5551234" and chat_of(m.thread_key) == 5551234
    assert (m.counterpart_address, m.counterpart_name) == ("@petra_bistro", "Petra Dvořáková")
    assert m.text == "Dobrý den" and m.subject is None
    # whole seconds from Telegram, the message id orders messages of the same second
    assert m.sent_at == datetime(2025, 10, 9, 8, 53, 20, 10, tzinfo=UTC)
    without = convert(KEY, {"update_id": 2, "message": private(NO_USERNAME, text="Ahoj")})
    assert without.message is not None
    assert (without.message.counterpart_address, without.message.counterpart_name) == (
        "tg:777",
        "Karel",
    )


def test_a_group_is_named_by_its_title_and_keeps_each_author() -> None:
    group = {"id": -1001234567890, "type": "supergroup", "title": "Bistro U Lípy – nákup"}
    message = {"message_id": 3, "from": PETRA, "chat": group, "date": 1_760_000_000, "text": "5 kg"}
    m = convert(KEY, {"update_id": 5, "message": message}).message
    assert m is not None
    assert m.provider_message_id == "-1001234567890:3"
    assert (m.counterpart_address, m.counterpart_name) == ("tg:-1001234567890", group["title"])
    assert m.subject == group["title"] and m.author_name == "Petra Dvořáková"
    post = {
        "message_id": 9,
        "chat": {"id": -100777, "type": "channel", "title": "Akce"},
        "date": 1_760_000_000,
        "text": "Sleva",
        "author_signature": "Jana",
    }
    channel_post = convert(KEY, {"update_id": 6, "channel_post": post}).message
    assert channel_post is not None and channel_post.author_name == "Jana"


def test_media_are_listed_with_their_file_id_and_not_downloaded() -> None:
    photo = [
        {"file_id": "small", "file_unique_id": "a", "width": 90, "height": 60, "file_size": 900},
        {
            "file_id": "large",
            "file_unique_id": "b",
            "width": 1280,
            "height": 853,
            "file_size": 90_000,
        },
        {
            "file_id": "medium",
            "file_unique_id": "c",
            "width": 320,
            "height": 213,
            "file_size": 9_000,
        },
    ]
    m = convert(
        KEY, {"update_id": 1, "message": private(PETRA, photo=photo, caption="Rozbitý kus")}
    ).message
    assert m is not None and m.text == "Rozbitý kus"
    [picture] = m.attachments
    assert (picture.ref, picture.content_type, picture.size) == ("large", "image/jpeg", 90_000)

    document = {
        "file_id": "doc1",
        "file_unique_id": "d",
        "file_name": "faktura.pdf",
        "mime_type": "application/pdf",
        "file_size": 12_345,
    }
    voice = {
        "file_id": "v1",
        "file_unique_id": "v",
        "duration": 4,
        "mime_type": "audio/ogg",
        "file_size": 4_000,
    }
    m = convert(KEY, {"update_id": 2, "message": private(PETRA, document=document)}).message
    assert m is not None and [(a.filename, a.ref) for a in m.attachments] == [
        ("faktura.pdf", "doc1")
    ]
    assert m.text == ""  # a bare file is no problem
    assert m.problem is None
    m = convert(KEY, {"update_id": 3, "message": private(PETRA, voice=voice)}).message
    assert m is not None and m.attachments[0].filename == "voice message.ogg"
    sticker = {
        "file_id": "st1",
        "file_unique_id": "s",
        "type": "regular",
        "width": 512,
        "height": 512,
        "is_animated": False,
        "is_video": False,
        "emoji": "👍",
    }
    m = convert(KEY, {"update_id": 4, "message": private(PETRA, sticker=sticker)}).message
    assert m is not None and m.text == "[sticker 👍]"
    assert (m.attachments[0].filename, m.attachments[0].ref) == ("sticker.webp", "st1")
    video = {
        "file_id": "vid",
        "file_unique_id": "x",
        "width": 640,
        "height": 360,
        "duration": 3,
        "mime_type": "video/mp4",
    }
    m = convert(KEY, {"update_id": 5, "message": private(PETRA, video=video)}).message
    assert m is not None and (m.attachments[0].ref, m.attachments[0].size) == ("vid", 0)


def test_contact_and_location_are_readable_and_the_contact_saves_as_a_vcard() -> None:
    contact = {"phone_number": "+420601234567", "first_name": "Jan", "last_name": "Novák"}
    m = convert(KEY, {"update_id": 1, "message": private(PETRA, contact=contact)}).message
    assert m is not None and "Jan Novák, +420601234567" in m.text
    [card] = m.attachments
    assert card.filename == "Jan Novák.vcf" and card.ref.startswith(VCARD_REF)
    assert "TEL;TYPE=CELL:+420601234567" in card.ref
    location = {"latitude": 50.087, "longitude": 14.4208}
    m = convert(KEY, {"update_id": 2, "message": private(PETRA, location=location)}).message
    assert m is not None and "50.08700, 14.42080" in m.text and "openstreetmap" in m.text


def test_an_edit_is_a_separate_note_and_overwrites_nothing() -> None:
    edited = private(PETRA, text="Objednávka: 10 kg", edit_date=1_760_000_300)
    m = convert(KEY, {"update_id": 9, "edited_message": edited}).message
    assert m is not None
    assert m.provider_message_id == "5551234:10:edited:1760000300"
    assert message_number(m.provider_message_id) == 10
    assert m.text == "(edited) Objednávka: 10 kg"
    assert m.sent_at.timestamp() == pytest.approx(1_760_000_300, abs=1)


def test_other_updates_and_service_messages_bring_no_message() -> None:
    assert convert(KEY, {"update_id": 1, "my_chat_member": {}}).message is None
    joined = private(PETRA, new_chat_members=[PETRA])
    assert convert(KEY, {"update_id": 2, "message": joined}).message is None
    poll = private(PETRA, poll={"id": "1", "question": "?"})
    odd = convert(KEY, {"update_id": 3, "message": poll}).message
    assert odd is not None and odd.problem and "poll" in odd.problem  # kept, flagged
    broken = convert(KEY, {"update_id": 4, "message": {"message_id": 1}})
    assert broken.message is None and "could not be read" in broken.skipped
    with pytest.raises(ValueError):
        convert(KEY, {"message": private(PETRA, text="x")})
