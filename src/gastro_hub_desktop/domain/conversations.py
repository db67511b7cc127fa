"""What the inbox and the conversation view show: rows, filters, details, drafts."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime

from gastro_hub_desktop.domain.messages import Attachment, Channel, ChannelTab, Direction, Urgency


class ConversationStatus(enum.StrEnum):
    OPEN = "open"
    DONE = "done"


class StatusFilter(enum.StrEnum):
    """The inbox's open/done switch. Snoozed conversations hide from OPEN until they wake."""

    OPEN = "open"
    SNOOZED = "snoozed"
    DONE = "done"
    AUTOMATED = "automated"  # newsletters and notifications, whatever their state
    ALL = "all"


class DraftState(enum.StrEnum):
    PROPOSED = "proposed"
    APPROVED = "approved"
    EDITED = "edited"
    REJECTED = "rejected"
    SENT = "sent"
    SUPERSEDED = "superseded"  # a newer customer message came before anyone decided


class OutboxState(enum.StrEnum):
    QUEUED = "queued"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"


@dataclass(frozen=True)
class InboxFilter:
    """Which conversations the inbox lists. Empty fields mean "any"."""

    tab: ChannelTab | None = None
    channel: Channel | None = None
    urgencies: tuple[Urgency, ...] = ()  # empty: any urgency, or none at all
    vip_only: bool = False
    status: StatusFilter = StatusFilter.OPEN


@dataclass(frozen=True)
class ConversationRow:
    """One line of the inbox."""

    id: int
    channel: Channel
    contact_name: str
    contact_address: str
    subject: str | None
    snippet: str
    last_message_at: datetime
    status: ConversationStatus
    snoozed_until: datetime | None
    urgency: Urgency | None
    is_vip: bool
    unread: int
    message_count: int


@dataclass(frozen=True)
class MessageView:
    id: int
    direction: Direction
    author: str
    text: str
    sent_at: datetime
    subject: str | None
    attachments: tuple[Attachment, ...]
    language: str | None
    urgency: Urgency | None
    html: str | None = None  # sanitized when stored
    problem: str | None = None  # why the message could only be kept raw
    delivery: str | None = None  # ours: queued / sent / delivered / read / failed, when known
    delivery_error: str | None = None  # why the provider failed to deliver it


@dataclass(frozen=True)
class DraftView:
    id: int
    text: str
    provider: str
    state: DraftState
    updated_at: datetime
    confidence: float | None = None
    basis: tuple[str, ...] = ()  # what an AI draft was built from, in words
    proposed: bool = False  # an AI proposal (approve / edit / reject), not typed by a person


@dataclass(frozen=True)
class ConversationDetail:
    row: ConversationRow
    messages: tuple[MessageView, ...]
    draft: DraftView | None = None
    contact_company: str | None = None
    contact_language: str | None = None
    handles: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class SearchHit:
    message_id: int
    conversation_id: int
    channel: Channel
    contact_name: str
    snippet: str
    sent_at: datetime
