"""WhatsApp's 24-hour customer service window: free text may be sent only within 24 hours of
the customer's last message; after that only an approved template."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from gastro_hub_desktop.domain.conversations import MessageView
from gastro_hub_desktop.domain.messages import Direction

WINDOW = timedelta(hours=24)


def window_closes_at(messages: Iterable[MessageView]) -> datetime | None:
    """When free text stops being allowed; None when the customer has never written."""
    last = max((m.sent_at for m in messages if m.direction is Direction.INBOUND), default=None)
    return None if last is None else last + WINDOW


def window_open(closes_at: datetime | None, now: datetime) -> bool:
    return closes_at is not None and now < closes_at


def describe_window(closes_at: datetime | None, now: datetime) -> str:
    """What the conversation shows about the window, in the user's words."""
    if closes_at is None:
        return (
            "The customer has not written on WhatsApp yet: only an approved template can "
            "start the conversation."
        )
    if now >= closes_at:
        return (
            "More than 24 hours since the customer's last message: WhatsApp allows only an "
            "approved template until they write again."
        )
    left = closes_at - now
    hours, minutes = divmod(int(left.total_seconds()) // 60, 60)
    return f"Free reply possible for another {hours} h {minutes:02d} min (24-hour window)."
