"""What every publisher takes and gives back, whichever network it posts to."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

# How far a provider's clock may be behind ours when a post is looked up after a crash.
CLOCK_SLACK = timedelta(minutes=5)


@dataclass(frozen=True)
class PostContent:
    text: str
    link: str | None = None
    image: str | None = None  # a public https address, or a file on this PC


@dataclass(frozen=True)
class Published:
    provider_post_id: str
    url: str | None


class Publisher(Protocol):
    """One page at one provider. Blocking calls; raise ChannelProblem in plain words."""

    def check(self) -> str:
        """Ask the provider for the page's own name (proves the id and the token)."""
        ...

    def publish(self, content: PostContent) -> Published: ...

    def find(self, content: PostContent, since: datetime) -> Published | None:
        """The post with this content published at or after `since`, if the provider has it
        (reconciliation after a crash mid-publish)."""
        ...

    def close(self) -> None: ...


def same_text(found: str | None, sent: str) -> bool:
    """The provider's copy of a post's text is ours (line ends and outer spaces may differ)."""
    if found is None:
        return False
    return " ".join(found.split()) == " ".join(sent.split())
