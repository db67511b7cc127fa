"""Beeper's chats and messages turned into our messages: one Beeper chat is one conversation,
its network decides our channel (and is shown in the subject), the customer is the other side
of a one-to-one chat or the group itself, and attachments are listed with the mxc:// address
Beeper serves them by. Reactions, hidden and not yet confirmed messages are left out."""

from __future__ import annotations

import hashlib
import json
import logging
from datetime import UTC, datetime
from typing import Any

from beeper_desktop_api.types import Chat
from beeper_desktop_api.types.shared import Message

from gastro_hub_desktop.channels.beeper.networks import channel_of
from gastro_hub_desktop.domain.messages import Attachment, Direction, IncomingMessage

log = logging.getLogger(__name__)
UNKNOWN = "(unknown sender)"
_KIND = {"img": "image", "video": "video", "audio": "audio"}


def thread_key(chat_id: str) -> str:
    return f"beeper:{chat_id}"


def chat_of(thread: str) -> str | None:
    """The Beeper chat id behind one of our thread keys (None: not from Beeper)."""
    return thread.removeprefix("beeper:") if thread.startswith("beeper:") else None


def aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def worth_keeping(message: Message) -> bool:
    """False for what is not a message of its own: reactions, hidden events, and our sends
    the network has not confirmed yet (they come again, under their final id)."""
    if getattr(message, "type", None) == "REACTION" or getattr(message, "is_hidden", False):
        return False
    status = getattr(message, "send_status", None)
    return getattr(status, "status", None) != "PENDING"


def to_message(
    message: Message, chat: Chat, account_key: str, bridges: dict[str, str]
) -> IncomingMessage:
    """One Beeper message; a malformed one is kept and flagged rather than dropped.

    `bridges` maps Beeper account ids to their bridge type (from the account list)."""
    problems: list[str] = []
    message_id = str(getattr(message, "id", "") or "")
    if not message_id:
        problems.append("no message id")
        raw = json.dumps(message.to_dict(), sort_keys=True, default=str)
        message_id = "sha256:" + hashlib.sha256(raw.encode()).hexdigest()
    network = str(getattr(chat, "network", "") or "")
    account_id = str(getattr(chat, "account_id", "") or "")
    channel, exact = channel_of(bridges.get(account_id), network)
    sent_at = getattr(message, "timestamp", None)
    if not isinstance(sent_at, datetime):
        problems.append("no timestamp")
        sent_at = datetime.now(UTC)
    outbound = bool(getattr(message, "is_sender", False))
    address, name = _counterpart(chat)
    if not exact and network:
        name = f"{name} ({network})"  # filed under Matrix: the real network stays in view
    sender = getattr(message, "sender_name", None) or getattr(message, "sender_id", None)
    if not sender and not outbound:
        problems.append("no sender")
    attachments = tuple(_attachment(a, n) for n, a in enumerate(message.attachments or [], 1))
    text = str(getattr(message, "text", None) or "")
    if not text and attachments:
        text = ", ".join(f"[{a.filename}]" for a in attachments)
    title = str(getattr(chat, "title", "") or "")
    return IncomingMessage(
        channel=channel,
        account_key=account_key,
        provider_message_id=message_id,
        direction=Direction.OUTBOUND if outbound else Direction.INBOUND,
        counterpart_address=address,
        counterpart_name=name,
        author_name="You" if outbound else (str(sender) if sender else UNKNOWN),
        text=text,
        sent_at=aware(sent_at),
        thread_key=thread_key(str(getattr(chat, "id", "") or message.chat_id)),
        subject=f"{network}: {title}" if network else title or None,
        attachments=attachments,
        problem="; ".join(problems) or None,
    )


def _counterpart(chat: Chat) -> tuple[str, str]:
    """(address, name) of the customer side: the other person of a one-to-one chat (their
    phone number when the network gives one, so the contact joins their other channels),
    else the group chat itself."""
    title = str(getattr(chat, "title", "") or "")
    if getattr(chat, "type", None) == "single":
        participants = getattr(getattr(chat, "participants", None), "items", None) or []
        others = [p for p in participants if not getattr(p, "is_self", False)]
        if others:
            other = others[0]
            address = other.phone_number or other.username or other.email or other.id
            return str(address), str(other.full_name or title or address)
    return str(getattr(chat, "id", "") or title or UNKNOWN), title or UNKNOWN


def _attachment(value: Any, n: int) -> Attachment:
    kind = _KIND.get(str(getattr(value, "type", "") or ""), "application")
    mime = str(getattr(value, "mime_type", None) or f"{kind}/octet-stream")
    name = getattr(value, "file_name", None) or f"{kind if kind != 'application' else 'file'} {n}"
    try:
        size = int(getattr(value, "file_size", None) or 0)
    except (TypeError, ValueError):
        size = 0
    ref = str(getattr(value, "id", None) or getattr(value, "src_url", None) or "")
    return Attachment(str(name), mime, size, ref=ref)
