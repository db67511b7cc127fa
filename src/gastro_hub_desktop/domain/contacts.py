"""How a customer is recognised across messages: one handle per email address, phone or account."""

from __future__ import annotations

import re

from gastro_hub_desktop.domain.messages import Channel
from gastro_hub_desktop.domain.phones import to_e164


def handle_for(channel: Channel, address: str) -> tuple[str, str]:
    """The (kind, value) that identifies `address`: email and phone are shared by all channels,
    other handles (an Instagram name, a Telegram user) only within their own channel."""
    value = address.strip()
    lowered = value.lower()
    if lowered.startswith("mailto:"):
        lowered = lowered[len("mailto:") :]
    if "@" in lowered and not lowered.startswith("@") and " " not in lowered:
        return "email", lowered
    bare = value.removeprefix("whatsapp:").removeprefix("tel:")
    if bare.startswith("+") or bare.startswith("00"):
        phone = to_e164(bare)
        if phone:
            return "phone", phone
    return f"{channel.value}", lowered


# Where a quoted earlier message starts: our own signature below it is not the customer's.
_QUOTE_START = re.compile(
    r"^\s*(>|-{2,}\s*(original message|původní zpráva|ursprüngliche nachricht)"
    r"|(on|dne|am) .{0,120}(wrote|napsal|napsala|schrieb)\s*:?\s*$|(from|od|von)\s*:)",
    re.IGNORECASE,
)
_PHONE_LABEL = re.compile(
    r"\b(tel|telefon|phone|mobil|mobile|mob|gsm|handy|whatsapp|wa)\b\.?\s*[:.]?", re.IGNORECASE
)
SIGNATURE_LINES = 15


def signature_phone(text: str) -> str | None:
    """The sender's own phone number from the signature of an email (E.164), if it gives one
    with a label (Tel, Mobil, Phone, WhatsApp…), so that the customer who also writes on
    WhatsApp is one contact. Quoted earlier messages are ignored: the number there may be ours.
    """
    own: list[str] = []
    for line in text.splitlines():
        if _QUOTE_START.match(line):
            break
        if line.strip():
            own.append(line)
    for line in own[-SIGNATURE_LINES:]:
        label = _PHONE_LABEL.search(line)
        if label is None:
            continue
        candidate = re.match(r"[\s:]*([+(\d][\d\s()/.-]{7,20}\d)", line[label.end() :])
        if candidate:
            phone = to_e164(candidate.group(1).replace("(0)", ""))
            if phone:
                return phone
    return None
