"""How a customer is recognised across messages: one handle per email address, phone or account."""

from __future__ import annotations

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
