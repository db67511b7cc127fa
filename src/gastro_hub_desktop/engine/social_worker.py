"""One connected social page's background work: a real health check now and then, and for a
Facebook Page the comments on its recent posts fetched every few minutes into the Social tab
(stored once however often they are seen)."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from gastro_hub_desktop.channels.base import ChannelProblem, HealthState
from gastro_hub_desktop.channels.social.comments import to_message
from gastro_hub_desktop.channels.social.facebook import FacebookPage
from gastro_hub_desktop.channels.social.publishers import publisher_for
from gastro_hub_desktop.channels.social.settings import SocialTargetSettings, TargetKind
from gastro_hub_desktop.engine.channel_worker import ChannelWorker
from gastro_hub_desktop.engine.events import ConversationsChanged, EventBus
from gastro_hub_desktop.store.repository import Store

log = logging.getLogger(__name__)

CHECK_EVERY = 30 * 60.0  # seconds between health checks of a page that only publishes
COMMENT_DAYS = 14  # comments are read on the Page's posts of the last two weeks
COMMENT_POSTS = 10  # …at most this many of them per round


class SocialPageWorker(ChannelWorker):
    def __init__(
        self,
        store: Store,
        events: EventBus,
        settings: SocialTargetSettings,
        secret: Callable[[], str | None],
    ) -> None:
        super().__init__(events, settings.account_key, f"social {settings.account_key}")
        self.store = store
        self.settings = settings
        self._secret = secret
        self._checked_at = 0.0

    def _token(self) -> str:
        token = self._secret()
        if not token:
            raise ChannelProblem(
                f"No token for this {self.settings.kind.label} is in the keyring: connect it "
                "again.",
                retry=False,
            )
        return token

    def cycle(self) -> None:
        publisher = publisher_for(self.settings, self._token())
        try:
            if time.monotonic() - self._checked_at > CHECK_EVERY or not self._checked_at:
                name = publisher.check()
                self._checked_at = time.monotonic()
                self._report(HealthState.CONNECTED, f"{self.settings.kind.label} OK: {name}")
            if isinstance(publisher, FacebookPage):
                self._fetch_comments(publisher)
                self._report(HealthState.CONNECTED, self.health.message)
        finally:
            publisher.close()

    def idle(self) -> None:
        if self.settings.kind is TargetKind.FACEBOOK_PAGE:
            self._sleep(max(10.0, float(self.settings.poll_seconds)))
        else:
            self._sleep(CHECK_EVERY)

    def _fetch_comments(self, page: FacebookPage) -> None:
        since = datetime.now(UTC) - timedelta(days=COMMENT_DAYS)
        messages = []
        for post in page.posts(since, limit=COMMENT_POSTS):
            for comment in page.comments(post.id):
                if comment.message.strip():
                    messages.append(
                        to_message(self.settings.account_key, page.page_id, post, comment)
                    )
        if not messages:
            return
        outcome = self.store.ingest(messages)
        if outcome.new:
            log.info("%d new comments on %s", outcome.new, self.settings.account_key)
            self.events.publish(
                ConversationsChanged(outcome.conversation_ids, new_messages=outcome.new)
            )
