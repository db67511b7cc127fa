"""Attachments are listed from the start but their bytes stay on the mail server until the user
asks to save one; then it is fetched, written where the user chose, and never opened."""

from __future__ import annotations

import email
from pathlib import Path

from gastro_hub_desktop.channels.base import ChannelProblem


def attachment_bytes(raw: bytes, index: int) -> tuple[str, bytes]:
    """(filename, content) of the `index`-th attachment, in the order the message lists them."""
    try:
        from fast_mail_parser import parse_email

        parsed = parse_email(raw)
        items = [(a.filename or "attachment", bytes(a.content)) for a in parsed.attachments]
    except Exception:  # what the fast parser refuses, the standard library reads
        msg = email.message_from_bytes(raw)
        items = []
        for part in msg.walk():
            if part.is_multipart():
                continue
            disposition = (part.get_content_disposition() or "").lower()
            filename = part.get_filename()
            if disposition == "attachment" or (filename and disposition != "inline"):
                payload = part.get_payload(decode=True)
                items.append(
                    (filename or "attachment", payload if isinstance(payload, bytes) else b"")
                )
    if not 0 <= index < len(items):
        raise ChannelProblem(
            "That attachment is no longer in the message on the server.", retry=False
        )
    return items[index]


def save(content: bytes, target: Path) -> Path:
    """Write to a temporary name first, so a failed save never leaves half a file."""
    partial = target.with_name(target.name + ".part")
    partial.write_bytes(content)
    partial.replace(target)
    return target
