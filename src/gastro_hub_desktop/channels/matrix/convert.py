"""Matrix events (the raw JSON of the client-server API) as the store's messages: who the
conversation is with, text and formatted text, files and pictures listed with their mxc://
address, encrypted events kept with a plain-words problem instead of being dropped. Pure
functions: no network, no nio."""

from __future__ import annotations

import mimetypes
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from gastro_hub_desktop.channels.matrix.problems import ENCRYPTED_PROBLEM, ENCRYPTED_TEXT
from gastro_hub_desktop.domain.messages import Attachment, Channel, Direction, IncomingMessage

# Event types that are messages; everything else (state, reactions, calls…) is not stored.
MESSAGE_TYPES = ("m.room.message", "m.room.encrypted", "m.sticker")
# Put into the content of the messages the app sends: finds a reply after a crash even where
# the homeserver no longer remembers the transaction id (other clients ignore unknown keys).
OUTBOX_KEY = "com.gastrohub.outbox"
FILE_TYPES = {"m.image": "image", "m.file": "file", "m.video": "video", "m.audio": "audio"}
_REPLY_HTML = re.compile(r"<mx-reply>.*?</mx-reply>", re.DOTALL | re.IGNORECASE)


@dataclass(frozen=True)
class RoomView:
    """What a message needs to know about its room."""

    room_id: str
    name: str  # what people call the room: its name, alias, or its members' names
    others: tuple[str, ...] = ()  # members (joined or invited) other than us, by user id
    names: Mapping[str, str] = field(default_factory=dict)  # user id → display name
    encrypted: bool = False

    @property
    def is_direct(self) -> bool:
        """One other person in the room: the conversation is with them, not with a group."""
        return len(self.others) == 1

    def name_of(self, user_id: str) -> str:
        return self.names.get(user_id) or localpart(user_id)

    def counterpart(self) -> tuple[str, str]:
        """(address, name) of the customer side: the other member, or the room for groups."""
        if self.is_direct:
            other = self.others[0]
            return other, self.name_of(other)
        return self.room_id, self.name or self.room_id


def localpart(user_id: str) -> str:
    return user_id[1:].split(":", 1)[0] if user_id.startswith("@") else user_id


def sent_at(event: Mapping[str, Any]) -> datetime:
    stamp = event.get("origin_server_ts")
    if isinstance(stamp, int | float) and stamp > 0:
        return datetime.fromtimestamp(stamp / 1000, UTC)
    return datetime.now(UTC)


def is_message(event: Mapping[str, Any]) -> bool:
    """An event the store keeps: a message, a sticker or an encrypted event that is not
    redacted (a message deleted before we saw it has no content left to keep)."""
    if event.get("type") not in MESSAGE_TYPES or not event.get("event_id"):
        return False
    if "state_key" in event:
        return False
    content = event.get("content")
    return isinstance(content, dict) and bool(content)


def outbox_key(event: Mapping[str, Any]) -> str | None:
    content = event.get("content") or {}
    key = content.get(OUTBOX_KEY) if isinstance(content, dict) else None
    return key if isinstance(key, str) else None


def to_message(
    event: Mapping[str, Any], room: RoomView, me: str, account_key: str
) -> IncomingMessage:
    """One message event as the store keeps it (call only for `is_message` events)."""
    sender = str(event.get("sender") or "")
    ours = sender == me
    address, name = room.counterpart()
    text, html, attachments, problem, automated = _body(event, room.name_of(sender))
    return IncomingMessage(
        channel=Channel.MATRIX,
        account_key=account_key,
        provider_message_id=str(event["event_id"]),
        direction=Direction.OUTBOUND if ours else Direction.INBOUND,
        counterpart_address=address,
        counterpart_name=name,
        author_name="You" if ours else room.name_of(sender),
        text=text,
        html=html,
        sent_at=sent_at(event),
        thread_key=room.room_id,
        subject=None if room.is_direct else (room.name or None),
        attachments=attachments,
        problem=problem,
        automated=automated and not ours,
    )


def _body(
    event: Mapping[str, Any], author: str
) -> tuple[str, str | None, tuple[Attachment, ...], str | None, bool]:
    """(text, html, attachments, problem, automated) of a message event."""
    if event.get("type") == "m.room.encrypted":
        return "🔒 " + ENCRYPTED_TEXT, None, (), ENCRYPTED_PROBLEM, False
    content: dict[str, Any] = dict(event.get("content") or {})
    relation = content.get("m.relates_to") or {}
    edited = isinstance(relation, dict) and relation.get("rel_type") == "m.replace"
    if edited and isinstance(content.get("m.new_content"), dict):
        content = dict(content["m.new_content"])
    msgtype = str(content.get("msgtype") or "")
    if event.get("type") == "m.sticker":
        msgtype = "m.image"
    body = content.get("body")
    body = body if isinstance(body, str) else ""
    html = (
        content.get("formatted_body") if content.get("format") == "org.matrix.custom.html" else None
    )
    html = html if isinstance(html, str) and html.strip() else None
    if isinstance(relation, dict) and relation.get("m.in_reply_to"):
        body = strip_reply_fallback(body)
        html = _REPLY_HTML.sub("", html).strip() or None if html else None
    prefix = "(edited) " if edited else ""
    if msgtype in FILE_TYPES:
        attachment = _attachment(content, FILE_TYPES[msgtype])
        filename = attachment.filename
        caption = body if body and body != filename and content.get("filename") else ""
        text = caption or filename
        problem = (
            None if attachment.ref else "The file is end-to-end encrypted; open it in a Matrix app."
        )
        return prefix + text, html if caption else None, (attachment,), problem, False
    if msgtype == "m.emote":
        return f"{prefix}* {author} {body}", None, (), None, False
    if msgtype == "m.location":
        geo = content.get("geo_uri") or ""
        return f"{prefix}{body} {geo}".strip(), None, (), None, False
    if msgtype in ("m.text", "m.notice") or body:
        return prefix + body, html, (), None, msgtype == "m.notice"
    return (
        f"[{msgtype or event.get('type')}]",
        None,
        (),
        f"A kind of Matrix message the app does not show ({msgtype or 'no msgtype'}).",
        False,
    )


def _attachment(content: Mapping[str, Any], kind: str) -> Attachment:
    info = content.get("info") if isinstance(content.get("info"), dict) else {}
    assert isinstance(info, dict)
    filename = content.get("filename") or content.get("body") or ""
    filename = filename if isinstance(filename, str) and filename.strip() else ""
    mimetype = info.get("mimetype") if isinstance(info.get("mimetype"), str) else ""
    if not mimetype and filename:
        mimetype = mimetypes.guess_type(filename)[0] or ""
    if not filename:
        extension = mimetypes.guess_extension(mimetype) if mimetype else ""
        filename = f"{kind}{extension or ''}"
    size = info.get("size")
    url = content.get("url")
    if not isinstance(url, str):  # an encrypted file keeps its address inside `file`
        url = ""
    return Attachment(
        filename.strip(),
        mimetype or "application/octet-stream",
        size if isinstance(size, int) and size >= 0 else 0,
        ref=url,
    )


def strip_reply_fallback(body: str) -> str:
    """A reply's body starts with the quoted message ("> <@bob:x> text" lines and a blank
    line); the conversation shows the messages themselves, so the quote goes."""
    lines = body.split("\n")
    if not lines or not lines[0].startswith(">"):
        return body
    n = 0
    while n < len(lines) and lines[n].startswith(">"):
        n += 1
    if n < len(lines) and lines[n] == "":
        n += 1
    return "\n".join(lines[n:]) or body


def text_content(text: str, key: str) -> dict[str, Any]:
    """The content of a plain-text reply the app sends."""
    return {"msgtype": "m.text", "body": text, OUTBOX_KEY: key}
