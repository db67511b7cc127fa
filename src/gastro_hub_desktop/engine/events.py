"""Typed events the engine publishes and anyone (the GUI, the tray, tests) can subscribe to."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gastro_hub_desktop.channels.base import Health

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class EngineEvent:
    """Base class of everything published on the bus."""


@dataclass(frozen=True)
class EngineStarted(EngineEvent):
    database: str
    schema_revision: str


@dataclass(frozen=True)
class EngineFailed(EngineEvent):
    """The engine could not start or lost its database; `message` is meant for the user."""

    message: str


@dataclass(frozen=True)
class ConversationsChanged(EngineEvent):
    """Conversations were added or changed (new messages, done, snoozed, drafted)."""

    conversation_ids: frozenset[int] = field(default=frozenset())
    new_messages: int = 0


@dataclass(frozen=True)
class JobProgress(EngineEvent):
    """Progress of a long job (import, sample data); `total` is 0 when unknown."""

    job: str
    done: int
    total: int
    text: str = ""


@dataclass(frozen=True)
class JobFinished(EngineEvent):
    job: str
    summary: str
    ok: bool


@dataclass(frozen=True)
class ChannelHealthChanged(EngineEvent):
    """A channel account's health after a real check (or a failure)."""

    account_key: str
    health: Health


@dataclass(frozen=True)
class ReplyStatus(EngineEvent):
    """A queued reply was sent, is being retried, or failed for good (`text` says why)."""

    conversation_id: int
    state: str
    text: str


@dataclass(frozen=True)
class DeliveryChanged(EngineEvent):
    """One of our messages in this conversation got further (sent, delivered, read, failed)."""

    conversation_id: int
    status: str
    error: str | None = None


@dataclass(frozen=True)
class PresenceChanged(EngineEvent):
    """Office mode: someone started or stopped answering these conversations."""

    conversation_ids: frozenset[int] = field(default=frozenset())


@dataclass(frozen=True)
class LeadershipChanged(EngineEvent):
    """Office mode: this engine became the leader (it fetches and sends for the office) or
    lost the lead (`leading` False; `reason` says why)."""

    leading: bool
    reason: str = ""


Subscriber = Callable[[EngineEvent], None]


class EventBus:
    """Delivers each published event to every subscriber, on the publishing thread."""

    def __init__(self) -> None:
        self._subscribers: list[Subscriber] = []
        self._lock = threading.Lock()

    def subscribe(self, subscriber: Subscriber) -> Callable[[], None]:
        with self._lock:
            self._subscribers.append(subscriber)

        def unsubscribe() -> None:
            with self._lock:
                if subscriber in self._subscribers:
                    self._subscribers.remove(subscriber)

        return unsubscribe

    def publish(self, event: EngineEvent) -> None:
        with self._lock:
            subscribers = list(self._subscribers)
        for subscriber in subscribers:
            try:
                subscriber(event)
            except Exception:  # one broken listener must not starve the others
                log.exception("event subscriber failed on %r", event)
