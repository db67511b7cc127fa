"""What every channel offers the engine, and how a channel says what state it is in."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from gastro_hub_desktop.domain.messages import IncomingMessage


class HealthState(enum.StrEnum):
    UNKNOWN = "unknown"  # not checked yet: the UI must not say "Connected"
    CONNECTED = "connected"  # the last real check passed
    RETRYING = "retrying"  # the last check failed; the channel tries again by itself
    NEEDS_ATTENTION = "needs_attention"  # e.g. a refused password: retrying will not help


@dataclass(frozen=True)
class Health:
    state: HealthState
    checked_at: datetime | None = None
    message: str = ""


class ChannelProblem(Exception):
    """A failure explained for the user; `retry` says whether trying again may help."""

    def __init__(self, message: str, retry: bool = True) -> None:
        super().__init__(message)
        self.retry = retry


class Channel(Protocol):
    account_key: str

    def fetch(self) -> list[IncomingMessage]:
        """Messages not fetched before (the channel keeps its own position)."""
        ...

    def health(self) -> Health: ...
