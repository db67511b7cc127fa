"""Missive's message objects turned into our messages: one conversation in Missive is one
conversation here, mail from the team's own addresses is outgoing, the HTML body is kept for
display (sanitized by the store) with a text version for search and triage."""

from __future__ import annotations

import hashlib
import html
import json
import logging
from datetime import UTC, datetime
from typing import Any

from gastro_hub_desktop.channels.email.parse import AUTOMATED_SENDERS, html_to_text
from gastro_hub_desktop.domain.messages import Attachment, Channel, Direction, IncomingMessage

log = logging.getLogger(__name__)
UNKNOWN = "(unknown sender)"


def thread_key(conversation_id: str) -> str:
    return f"missive:{conversation_id}"


def conversation_of(thread: str) -> str | None:
    """The Missive conversation id behind one of our thread keys (None: not from Missive)."""
    return thread.removeprefix("missive:") if thread.startswith("missive:") else None


def to_message(
    message: dict[str, Any], conversation: dict[str, Any], own: set[str], account_key: str
) -> IncomingMessage:
    """One Missive message; a malformed one is kept and flagged rather than dropped."""
    problems: list[str] = []
    message_id = str(message.get("id") or "")
    if not message_id:
        problems.append("no message id")
        digest = hashlib.sha256(json.dumps(message, sort_keys=True).encode()).hexdigest()
        message_id = "sha256:" + digest
    sender = _party(message.get("from_field"))
    recipients = [_party(p) for p in message.get("to_fields") or [] if isinstance(p, dict)]
    outbound = sender[1].lower() in own
    name, address = recipients[0] if outbound and recipients else sender
    if not address:
        problems.append("no sender")
        name, address = UNKNOWN, UNKNOWN
    body = message.get("body")
    page = body if isinstance(body, str) and body.strip() else None
    text = html_to_text(page) if page else str(message.get("preview") or "")
    sent = _when(message.get("delivered_at") or message.get("created_at"))
    if sent is None:
        problems.append("no delivery time")
        sent = _when(conversation.get("last_activity_at")) or datetime.now(UTC)
    subject = (
        message.get("subject")
        or conversation.get("subject")
        or conversation.get("latest_message_subject")
    )
    if problems:
        log.warning("Missive message %s is incomplete: %s", message_id, ", ".join(problems))
    return IncomingMessage(
        channel=Channel.EMAIL,
        account_key=account_key,
        provider_message_id=message_id,
        direction=Direction.OUTBOUND if outbound else Direction.INBOUND,
        counterpart_address=address.lower(),
        counterpart_name=name or address,
        author_name=sender[0] or sender[1] or None,
        text=text,
        html=page,
        sent_at=sent,
        thread_key=thread_key(str(conversation.get("id") or message_id)),
        subject=str(subject) if subject else None,
        attachments=tuple(_attachment(a) for a in message.get("attachments") or []),
        automated=not outbound and bool(AUTOMATED_SENDERS.match(sender[1])),
        problem=("Missive sent an incomplete message: " + ", ".join(problems))
        if problems
        else None,
    )


def draft_body(text: str) -> str:
    """Plain reply text as the HTML Missive's editor expects (a <div> per line)."""
    lines = text.splitlines() or [""]
    return "".join(f"<div>{html.escape(line) or '<br>'}</div>" for line in lines)


def same_text(draft: dict[str, Any], text: str) -> bool:
    """Whether a draft in Missive holds this reply's text (to find one posted before a crash)."""
    wanted = " ".join(text.split())
    body = draft.get("body")
    if isinstance(body, str) and body:
        return " ".join(html_to_text(body).split()) == wanted
    preview = " ".join(str(draft.get("preview") or "").split())
    return bool(preview) and wanted.startswith(preview)  # a preview is the text cut short


def _party(value: Any) -> tuple[str, str]:
    if not isinstance(value, dict):
        return "", ""
    address = value.get("address") or value.get("phone_number") or value.get("username") or ""
    return str(value.get("name") or ""), str(address)


def _when(value: Any) -> datetime | None:
    try:
        stamp = float(value)
    except (TypeError, ValueError):
        return None
    return datetime.fromtimestamp(stamp, UTC) if stamp > 0 else None


def _attachment(value: Any) -> Attachment:
    if not isinstance(value, dict):
        return Attachment("attachment", "application/octet-stream", 0)
    kind = value.get("media_type") or "application"
    sub = value.get("sub_type") or "octet-stream"
    try:
        size = int(value.get("size") or 0)
    except (TypeError, ValueError):
        size = 0
    return Attachment(str(value.get("filename") or "attachment"), f"{kind}/{sub}", size)
