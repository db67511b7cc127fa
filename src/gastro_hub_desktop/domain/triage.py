"""What triage says about one incoming message: language, urgency, intent, automated.

Plain values shared by the brain (which decides them), the store (which keeps them) and the
UI (which shows them). Labels follow shared/data/README.md.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from gastro_hub_desktop.domain.messages import Channel, Urgency


class Intent(enum.StrEnum):
    """The main purpose of a message."""

    ORDER = "order"
    QUOTE_REQUEST = "quote_request"
    COMPLAINT = "complaint"
    DELIVERY = "delivery"
    INVOICE = "invoice"
    SERVICE_REQUEST = "service_request"
    QUESTION = "question"
    NEWSLETTER = "newsletter"
    OTHER = "other"


@dataclass(frozen=True)
class TriageInput:
    """What triage reads: the message as the customer wrote it.

    `automated_hint` is what the channel already knows from headers (List-Unsubscribe,
    Auto-Submitted, no-reply sender); triage may still find automated mail without it.
    """

    channel: Channel | str
    sender: str
    subject: str | None
    text: str
    automated_hint: bool = False


@dataclass(frozen=True)
class Triage:
    """Triage's verdict. `reasons` says in words why (the keywords or rules that fired)."""

    language: str | None  # "cs", "en", "de", ... or None when there is nothing to read
    urgency: Urgency
    intent: Intent
    automated: bool
    urgency_confidence: float = 0.5
    intent_confidence: float = 0.5
    reasons: tuple[str, ...] = ()

    @property
    def is_pressing(self) -> bool:
        """Crisis or urgent: what the tray raises and what auto-reply stays away from."""
        return self.urgency in (Urgency.CRISIS, Urgency.URGENT)
