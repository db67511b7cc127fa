"""Which of our channels a network bridged by Beeper belongs to. Networks we have a channel
for keep it; every other network (Discord, Slack, iMessage, SMS, X...) is filed under Matrix,
the protocol Beeper carries all of them over, with the network's name kept in view."""

from __future__ import annotations

from gastro_hub_desktop.domain.messages import Channel

# Bridge types (Account.bridge.type) and network names (Chat.network), lower-cased, that map
# to a channel of ours; matched by "contains" so "local-whatsapp" and "WhatsApp" both count.
_KNOWN: tuple[tuple[str, Channel], ...] = (
    ("whatsapp", Channel.WHATSAPP),
    ("telegram", Channel.TELEGRAM),
    ("signal", Channel.SIGNAL),
    ("instagram", Channel.INSTAGRAM),
    ("messenger", Channel.FACEBOOK),
    ("facebook", Channel.FACEBOOK),
    ("linkedin", Channel.LINKEDIN),
    ("matrix", Channel.MATRIX),
    ("beeper", Channel.MATRIX),
)


def channel_of(bridge_type: str | None, network: str | None) -> tuple[Channel, bool]:
    """Our channel for a chat, and whether it is an exact match (False: filed under Matrix
    as the closest, so the network's name must be shown with it)."""
    for name in (bridge_type, network):
        lowered = (name or "").lower()
        if not lowered:
            continue
        for needle, channel in _KNOWN:
            if needle in lowered:
                return channel, True
    return Channel.MATRIX, False
