"""What a drafting provider is asked and what it answers.

Every provider (local, OpenAI-compatible, Lindy) takes a `DraftRequest` and returns a
`DraftProposal`, or raises `DraftingFailed` with words the user can act on.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime

from gastro_hub_desktop.domain.triage import Intent


class DraftOutcome(enum.StrEnum):
    """What a person did with an AI draft (what acceptance figures are made of)."""

    APPROVED = "approved"  # sent unchanged
    EDITED = "edited"  # sent after changes (edit distance recorded)
    REJECTED = "rejected"
    AUTO_SENT = "auto"  # sent by the auto-reply policy, no person involved


class DraftingFailed(Exception):
    """A provider could not draft: `str(exc)` is for the user; `retry` says if later may help."""

    def __init__(self, message: str, *, retry: bool = False) -> None:
        super().__init__(message)
        self.retry = retry


@dataclass(frozen=True)
class TurnInConversation:
    """One message of the conversation as the provider sees it."""

    from_customer: bool
    author: str
    text: str
    sent_at: datetime
    subject: str | None = None


@dataclass(frozen=True)
class ContactProfile:
    """What the business knows of the customer."""

    name: str
    company: str | None = None
    language: str | None = None
    is_vip: bool = False
    notes: str = ""


@dataclass(frozen=True)
class DraftRequest:
    """Everything a provider may use to draft the next reply of one conversation.

    `turns` are oldest first; the last customer turn is the one to answer. `request_id` is
    unique per request (providers that answer later, such as Lindy, echo it back).
    """

    request_id: str
    conversation_id: int
    channel: str
    turns: tuple[TurnInConversation, ...]
    contact: ContactProfile
    language: str | None
    intent: Intent
    knowledge_base: str = ""  # the business's own notes, edited in the AI panel
    business_name: str = ""
    signature: str = ""


@dataclass(frozen=True)
class DraftProposal:
    """A provider's answer. Token counts are given when the provider reports them."""

    text: str
    provider: str  # "local", "openai", "lindy"
    confidence: float  # 0..1, the provider's own estimate (auto-reply compares it to a threshold)
    model: str | None = None
    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    basis: tuple[str, ...] = field(default=())  # what the draft was built from, in words
