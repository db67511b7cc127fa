"""What both WhatsApp providers (Twilio, Meta Cloud API) hand the engine and take from it, so
the receiver, the sync worker and the outbox do not care which provider an account uses."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from gastro_hub_desktop.channels.base import ChannelProblem


class DeliveryStatus(enum.StrEnum):
    """An outgoing message's progress; it only ever moves forward (see `rank`)."""

    QUEUED = "queued"  # accepted by the provider (Twilio: accepted/queued/sending/scheduled)
    SENT = "sent"
    DELIVERED = "delivered"
    READ = "read"
    FAILED = "failed"  # also Twilio's undelivered

    @property
    def rank(self) -> int:
        """Higher is further along; FAILED is final like READ but can follow any state."""
        return {"queued": 0, "sent": 1, "delivered": 2, "read": 3, "failed": 4}[self.value]


@dataclass(frozen=True)
class Media:
    """A picture, voice note or document attached to a WhatsApp message. `ref` is what the
    provider's client needs to download it (Twilio: the media URL; Meta: the media id)."""

    ref: str
    content_type: str
    filename: str = ""
    size: int | None = None


@dataclass(frozen=True)
class Inbound:
    """A message a customer sent (or, from a provider's message list, one we sent)."""

    provider_message_id: str  # Twilio MessageSid (SM…/MM…), Meta wamid
    customer: str  # E.164, e.g. +420601234567
    business: str  # our WhatsApp number, E.164
    text: str
    sent_at: datetime  # timezone-aware
    customer_name: str = ""  # Twilio ProfileName, Meta contacts[].profile.name
    media: tuple[Media, ...] = ()
    outbound: bool = False  # True for our own messages seen in a provider's message list
    problem: str | None = None  # set when the payload could only be partly understood


@dataclass(frozen=True)
class StatusUpdate:
    """A delivery-status callback for one of our messages."""

    provider_message_id: str
    status: DeliveryStatus
    at: datetime
    error_code: str | None = None
    error_text: str | None = None
    callback_data: str | None = None  # Meta biz_opaque_callback_data: our outbox key


@dataclass(frozen=True)
class Template:
    """An approved message template for use outside the 24-hour window.

    Twilio: `ref` is the Content SID (HX…), `variables` maps "1", "2"… to values.
    Meta: `ref` is the template name, `language` its code (e.g. "cs"), `variables` the body
    parameters in order ("1", "2"…)."""

    ref: str
    language: str = ""
    variables: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Sent:
    """The provider's answer to a send: its id for the message and the first status."""

    provider_message_id: str
    status: DeliveryStatus


@dataclass(frozen=True)
class WebhookResult:
    """What an authenticated webhook request carried (either list may be empty)."""

    messages: list[Inbound]
    statuses: list[StatusUpdate]


class WebhookRejected(Exception):
    """A webhook request that must not be processed; `status` is the HTTP answer (400 for a
    malformed body, 403 for a missing or wrong signature) and the message says why (for the
    log; the HTTP answer carries no detail)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


class WhatsAppProvider(Protocol):
    """One connected WhatsApp account at Twilio or Meta (blocking calls; the engine runs them
    off the GUI thread). Failures raise ChannelProblem in words a user can act on."""

    def check(self) -> str:
        """Verify the credentials for real; a readable summary such as the sender's name."""
        ...

    def send(self, to: str, text: str | None, template: Template | None, key: str) -> Sent:
        """Send free text or a template to `to` (E.164). `key` is the outbox idempotency key,
        passed to the provider where it can carry it back (status callbacks)."""
        ...

    def find_sent(self, to: str, since: datetime, key: str, text: str | None) -> str | None:
        """After a crash mid-send: the provider's id of a message already sent for this outbox
        entry, or None when the provider's records show none. Raises ChannelProblem when the
        provider cannot tell (then the engine must not resend blindly)."""
        ...

    def recent(self, since: datetime) -> list[Inbound]:
        """Messages to and from our number since `since` (polling, for a PC with no public
        address). A provider without a message list returns []."""
        ...

    def download(self, media: Media) -> tuple[bytes, str]:
        """The media's bytes and content type, fetched with the account's credentials."""
        ...

    def close(self) -> None: ...


class ProviderRefusal(ChannelProblem):
    """The provider refused a request with a known code (Twilio 63016, Meta 131047, …); the
    message explains it in plain words. `outside_window` means only a template may be sent
    now; `rate_limited` means wait `retry_after` seconds and try again (not a failure)."""

    def __init__(
        self,
        message: str,
        code: str,
        *,
        retry: bool = False,
        outside_window: bool = False,
        rate_limited: bool = False,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(message, retry=retry or rate_limited)
        self.code = code
        self.outside_window = outside_window
        self.rate_limited = rate_limited
        self.retry_after = retry_after
