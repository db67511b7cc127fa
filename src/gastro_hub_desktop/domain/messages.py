"""A message as channels and importers hand it over, whichever network it came from."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import UTC, datetime


class Channel(enum.StrEnum):
    """The provider network a message travelled on."""

    EMAIL = "email"
    WHATSAPP = "whatsapp"
    TELEGRAM = "telegram"
    SIGNAL = "signal"
    MATRIX = "matrix"
    FACEBOOK = "facebook"
    INSTAGRAM = "instagram"
    LINKEDIN = "linkedin"


class ChannelTab(enum.StrEnum):
    """The tab of the main window a channel's conversations appear under."""

    EMAIL = "email"
    WHATSAPP = "whatsapp"
    CHATS = "chats"
    SOCIAL = "social"


TAB_OF_CHANNEL: dict[Channel, ChannelTab] = {
    Channel.EMAIL: ChannelTab.EMAIL,
    Channel.WHATSAPP: ChannelTab.WHATSAPP,
    Channel.TELEGRAM: ChannelTab.CHATS,
    Channel.SIGNAL: ChannelTab.CHATS,
    Channel.MATRIX: ChannelTab.CHATS,
    Channel.FACEBOOK: ChannelTab.SOCIAL,
    Channel.INSTAGRAM: ChannelTab.SOCIAL,
    Channel.LINKEDIN: ChannelTab.SOCIAL,
}


def channels_of_tab(tab: ChannelTab) -> tuple[Channel, ...]:
    return tuple(c for c, t in TAB_OF_CHANNEL.items() if t is tab)


class Direction(enum.StrEnum):
    INBOUND = "inbound"
    OUTBOUND = "outbound"


class Urgency(enum.StrEnum):
    """Triage labels, most pressing first (see shared/data/README.md)."""

    CRISIS = "crisis"
    URGENT = "urgent"
    FINANCIAL = "financial"
    SCHEDULING = "scheduling"
    NORMAL = "normal"

    @property
    def rank(self) -> int:
        """0 for the most pressing label; used to keep a conversation's worst urgency."""
        return list(Urgency).index(self)

    @property
    def is_pressing(self) -> bool:
        return self in (Urgency.CRISIS, Urgency.URGENT)


@dataclass(frozen=True)
class Attachment:
    """An attachment as listed in a message; its bytes are fetched only on request."""

    filename: str
    content_type: str
    size: int
    ref: str = ""  # how the channel fetches it later when the message cannot (WhatsApp media)


@dataclass
class IncomingMessage:
    """One message as a channel or importer hands it to the store.

    `counterpart_*` is the customer side: the sender of an inbound message, the recipient of
    an outbound one. `thread_key` groups messages into a conversation within an account.
    `provider_message_id` is unique per channel account and is what makes ingest idempotent.
    """

    channel: Channel
    account_key: str
    provider_message_id: str
    direction: Direction
    counterpart_address: str
    counterpart_name: str
    text: str
    sent_at: datetime
    thread_key: str
    subject: str | None = None
    html: str | None = None
    author_name: str | None = None
    attachments: tuple[Attachment, ...] = ()
    language: str | None = None
    urgency: Urgency | None = None
    problem: str | None = None  # set when the message could only be kept raw
    automated: bool = False  # newsletters, notifications, auto-replies: kept out of the way
    # Email: the Message-IDs this mail answers (References, then In-Reply-To). When set, the
    # store threads by them (and by subject) instead of trusting `thread_key` alone.
    replies_to: tuple[str, ...] | None = None

    def __post_init__(self) -> None:
        if not self.provider_message_id:
            raise ValueError("a message needs a provider message id")
        if self.sent_at.tzinfo is None:
            raise ValueError("sent_at must be timezone-aware")
        self.sent_at = self.sent_at.astimezone(UTC)


@dataclass(frozen=True)
class ImportResult:
    """What an import or sync did: how many messages were new and how many were already stored."""

    new: int = 0
    duplicates: int = 0
    skipped: int = 0
    problems: tuple[str, ...] = field(default=())

    @property
    def seen(self) -> int:
        return self.new + self.duplicates

    def __add__(self, other: ImportResult) -> ImportResult:
        return ImportResult(
            self.new + other.new,
            self.duplicates + other.duplicates,
            self.skipped + other.skipped,
            self.problems + other.problems,
        )
