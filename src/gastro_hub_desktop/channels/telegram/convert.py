"""Telegram updates as the store's messages. A chat is a conversation (thread "telegram:<chat
id>"): a private chat's counterpart is the customer ("@username", or "tg:<user id>" without
one) named by first and last name; a group or channel is "tg:<chat id>" named and titled by the
chat's title, each message keeping its author. A message's id is "<chat id>:<message id>"
(unique per bot), so a duplicate delivery is stored once.

Media are listed, not downloaded: photo (the largest size), document, voice, video, video note,
audio, animation and sticker carry Telegram's file_id as the attachment's `ref`; a shared
contact is listed as a vCard the app writes itself (ref "vcard:…"), a location is written into
the text with a map link.

An edit is never applied to the stored message: it arrives as a separate note "(edited) …"
with its own id "<chat id>:<message id>:edited:<edit date>", so what the customer first wrote
stays visible next to what they changed (a quantity in an order, say) and nothing stored is
overwritten."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from gastro_hub_desktop.domain.messages import Attachment, Channel, Direction, IncomingMessage

log = logging.getLogger(__name__)

MESSAGE_KINDS = ("message", "channel_post", "edited_message")
# service messages: events in a chat, not something a customer wrote
SERVICE_KEYS = frozenset(
    {
        "new_chat_members",
        "left_chat_member",
        "new_chat_title",
        "new_chat_photo",
        "delete_chat_photo",
        "group_chat_created",
        "supergroup_chat_created",
        "channel_chat_created",
        "message_auto_delete_timer_changed",
        "migrate_to_chat_id",
        "migrate_from_chat_id",
        "pinned_message",
        "forum_topic_created",
        "forum_topic_edited",
        "forum_topic_closed",
        "forum_topic_reopened",
        "video_chat_started",
        "video_chat_ended",
        "video_chat_scheduled",
        "video_chat_participants_invited",
        "write_access_allowed",
        "chat_shared",
        "users_shared",
        "boost_added",
    }
)
VCARD_REF = "vcard:"


@dataclass(frozen=True)
class Converted:
    """One update read: the message to store (None when there is none), and the update id."""

    update_id: int
    message: IncomingMessage | None
    skipped: str = ""  # why an update brought no message (for the log)


def thread_key(chat_id: int | str) -> str:
    return f"telegram:{chat_id}"


def chat_of(thread: str) -> int | None:
    """The chat id behind a conversation's thread key (None: not a Telegram conversation)."""
    if not thread.startswith("telegram:"):
        return None
    try:
        return int(thread.removeprefix("telegram:"))
    except ValueError:
        return None


def message_number(provider_message_id: str) -> int | None:
    """The Telegram message id inside our "<chat id>:<message id>[:edited:…]" id."""
    parts = provider_message_id.split(":")
    try:
        return int(parts[1]) if len(parts) >= 2 else None
    except ValueError:
        return None


def update_id_of(update: Any) -> int | None:
    value = update.get("update_id") if isinstance(update, dict) else None
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def convert(account_key: str, update: dict[str, Any]) -> Converted:
    """The message an update carries (an update of another kind, or a service message, brings
    none)."""
    update_id = update_id_of(update)
    if update_id is None:
        raise ValueError("an update without an update_id")
    kind = next((k for k in MESSAGE_KINDS if isinstance(update.get(k), dict)), None)
    if kind is None:
        kinds = ", ".join(k for k in update if k != "update_id") or "nothing"
        return Converted(update_id, None, f"update {update_id} is not a message ({kinds})")
    try:
        message = to_message(account_key, update[kind], edited=kind == "edited_message")
    except (KeyError, TypeError, ValueError) as exc:
        return Converted(update_id, None, f"update {update_id} could not be read: {exc!r}")
    if message is None:
        return Converted(update_id, None, f"update {update_id} is a service message")
    return Converted(update_id, message)


def to_message(account_key: str, m: dict[str, Any], edited: bool = False) -> IncomingMessage | None:
    chat = m["chat"]
    chat_id = int(chat["id"])
    message_id = int(m["message_id"])
    if not edited and SERVICE_KEYS.intersection(m):
        return None
    stamp = int(m["edit_date"]) if edited and m.get("edit_date") else int(m["date"])
    # Telegram's dates are whole seconds: the message id (rising within a chat) orders
    # messages of the same second, so late or out-of-order deliveries still sort right
    sent_at = datetime.fromtimestamp(stamp, UTC) + timedelta(microseconds=message_id % 1_000_000)
    sender = m.get("from") if isinstance(m.get("from"), dict) else None
    author = _name(sender) if sender else str(chat.get("title") or "")
    if chat.get("type") == "private":
        user = sender or chat
        address = f"@{user['username']}" if user.get("username") else f"tg:{user['id']}"
        name, subject = _name(user), None
    else:
        title = str(chat.get("title") or f"Telegram chat {chat_id}")
        address, name, subject = f"tg:{chat_id}", title, title
        if isinstance(m.get("sender_chat"), dict):  # posted as the channel or group itself
            author = str(m["sender_chat"].get("title") or title)
        if m.get("author_signature"):
            author = str(m["author_signature"])
    text, attachments, problem = _content(m)
    provider_id = f"{chat_id}:{message_id}"
    if edited:
        provider_id += f":edited:{stamp}"
        text = f"(edited) {text}"
    return IncomingMessage(
        channel=Channel.TELEGRAM,
        account_key=account_key,
        provider_message_id=provider_id,
        direction=Direction.INBOUND,
        counterpart_address=address,
        counterpart_name=name,
        author_name=author or None,
        text=text,
        sent_at=sent_at,
        thread_key=thread_key(chat_id),
        subject=subject,
        attachments=tuple(attachments),
        problem=problem,
    )


def _name(user: dict[str, Any]) -> str:
    parts = [str(user.get("first_name") or "").strip(), str(user.get("last_name") or "").strip()]
    name = " ".join(p for p in parts if p)
    if name:
        return name
    if user.get("username"):
        return f"@{user['username']}"
    return str(user.get("title") or f"tg:{user.get('id', '?')}")


def _content(m: dict[str, Any]) -> tuple[str, list[Attachment], str | None]:
    lines = [str(m.get("text") or m.get("caption") or "")]
    attachments: list[Attachment] = []

    def listed(kind: str, filename: str, content_type: str) -> None:
        item = m.get(kind)
        if kind == "photo" and isinstance(item, list) and item:
            item = max(item, key=_area)
        if not isinstance(item, dict) or not item.get("file_id"):
            return
        name = str(item.get("file_name") or filename)
        kind_of = str(item.get("mime_type") or content_type)
        size = item.get("file_size") if isinstance(item.get("file_size"), int) else 0
        attachments.append(Attachment(name, kind_of, size, ref=str(item["file_id"])))

    listed("photo", "photo.jpg", "image/jpeg")
    if isinstance(m.get("animation"), dict):  # Telegram sets `document` too, for old clients
        listed("animation", "animation.mp4", "video/mp4")
    else:
        listed("document", "document", "application/octet-stream")
    listed("voice", "voice message.ogg", "audio/ogg")
    listed("video", "video.mp4", "video/mp4")
    listed("video_note", "video message.mp4", "video/mp4")
    listed("audio", "audio.mp3", "audio/mpeg")
    sticker = m.get("sticker")
    if isinstance(sticker, dict):
        if sticker.get("is_animated"):
            listed("sticker", "sticker.tgs", "application/x-tgsticker")
        elif sticker.get("is_video"):
            listed("sticker", "sticker.webm", "video/webm")
        else:
            listed("sticker", "sticker.webp", "image/webp")
        if not lines[0]:
            lines[0] = f"[sticker {sticker.get('emoji') or ''}]".replace(" ]", "]")
    location = m.get("location")
    if isinstance(location, dict) and "latitude" in location:
        lat, lon = float(location["latitude"]), float(location["longitude"])
        lines.append(
            f"📍 Location {lat:.5f}, {lon:.5f}: "
            f"https://www.openstreetmap.org/?mlat={lat:.5f}&mlon={lon:.5f}"
        )
    contact = m.get("contact")
    if isinstance(contact, dict) and contact.get("phone_number"):
        name = _name(contact) if contact.get("first_name") else str(contact["phone_number"])
        lines.append(f"👤 Contact: {name}, {contact['phone_number']}")
        vcard = str(contact.get("vcard") or _vcard(contact, name))
        attachments.append(
            Attachment(f"{name}.vcf", "text/vcard", len(vcard.encode()), ref=VCARD_REF + vcard)
        )
    text = "\n".join(line for line in lines if line)
    problem = None
    if not text and not attachments:
        kinds = sorted(k for k in m if k not in {"message_id", "from", "chat", "date"})
        text = "[a Telegram message the app cannot show]"
        problem = f"unsupported Telegram message ({', '.join(kinds) or 'empty'})"
    return text, attachments, problem


def _area(photo: Any) -> tuple[int, int]:
    if not isinstance(photo, dict):
        return (-1, -1)
    return (
        int(photo.get("width") or 0) * int(photo.get("height") or 0),
        photo.get("file_size") or 0,
    )


def _vcard(contact: dict[str, Any], name: str) -> str:
    return (
        "BEGIN:VCARD\r\nVERSION:3.0\r\n"
        f"FN:{name}\r\nTEL;TYPE=CELL:{contact['phone_number']}\r\nEND:VCARD\r\n"
    )
