"""What the Page/Instagram client and webhook parser hand the engine: messages (the customer's
and our page's own, with the outbox key an echo carries back), delivery and read receipts, and
the Send API's answer."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime

from gastro_hub_desktop.domain.messages import Channel


class Platform(enum.StrEnum):
    """Where a conversation runs; the value is what the Conversations API calls it."""

    MESSENGER = "messenger"
    INSTAGRAM = "instagram"

    @property
    def channel(self) -> Channel:
        return Channel.FACEBOOK if self is Platform.MESSENGER else Channel.INSTAGRAM

    @property
    def label(self) -> str:
        return "Messenger" if self is Platform.MESSENGER else "Instagram"


@dataclass(frozen=True)
class PageAttachment:
    kind: str  # image, video, audio, file, sticker, …
    url: str  # Meta's CDN address (expires after a while)
    name: str = ""


@dataclass(frozen=True)
class PageMessage:
    """One message of a page conversation. `customer` is the person's page-scoped id (PSID on
    Messenger, IGSID on Instagram); `outbound` marks our page's own messages (echoes)."""

    mid: str
    platform: Platform
    customer: str
    text: str
    sent_at: datetime
    outbound: bool = False
    customer_name: str = ""
    attachments: tuple[PageAttachment, ...] = ()
    metadata: str | None = None  # echoes: the Send API's metadata (our outbox key)
    app_id: str | None = None  # echoes: the app that sent it (ours, or Meta's inbox apps)
    problem: str | None = None


@dataclass(frozen=True)
class Receipt:
    """Messenger's delivery/read receipts: every message of ours to `customer` up to
    `watermark` (and the listed mids) got that far. Instagram reads name one mid."""

    platform: Platform
    customer: str
    status: str  # "delivered" or "read"
    watermark: datetime | None
    mids: tuple[str, ...] = ()


@dataclass(frozen=True)
class PageWebhookResult:
    """What an authenticated page/instagram webhook carried (either list may be empty)."""

    page_messages: list[PageMessage] = field(default_factory=list)
    receipts: list[Receipt] = field(default_factory=list)


@dataclass(frozen=True)
class PageInfo:
    page_id: str
    name: str
    instagram_id: str = ""
    instagram_username: str = ""


@dataclass(frozen=True)
class Sent:
    message_id: str
    recipient_id: str
