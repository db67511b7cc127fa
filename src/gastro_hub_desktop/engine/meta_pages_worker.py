"""One Facebook Page account's background work: check the Page access token, poll the
Conversations API when asked to (a PC with no public address), and send queued replies exactly
once under Meta's messaging rules (free within 24 hours, HUMAN_AGENT-tagged up to 7 days when
the page has that permission, nothing later).

Exactly once: an entry is "sending" before anything leaves and carries its outbox key to Meta
as the Send API's `metadata`. Found still "sending" after a crash, it is looked up in the
Conversations API; when not found there it is not sent again blindly but closed as uncertain
and the user told, unless its message echo (which carries the key back) closes it first or
later."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from gastro_hub_desktop.channels.base import ChannelProblem, HealthState
from gastro_hub_desktop.channels.meta_pages.client import MetaPages
from gastro_hub_desktop.channels.meta_pages.errors import TOKEN_CODES
from gastro_hub_desktop.channels.meta_pages.settings import MetaPageSettings
from gastro_hub_desktop.channels.meta_pages.types import PageInfo, Platform
from gastro_hub_desktop.channels.meta_pages.window import may_reply
from gastro_hub_desktop.channels.whatsapp.types import DeliveryStatus, ProviderRefusal
from gastro_hub_desktop.domain.conversations import OutboxState
from gastro_hub_desktop.domain.messages import Direction
from gastro_hub_desktop.engine import failpoints
from gastro_hub_desktop.engine.channel_worker import FIRST_BACKOFF, ChannelWorker
from gastro_hub_desktop.engine.events import EventBus, ReplyStatus
from gastro_hub_desktop.engine.meta_pages_intake import MetaPagesIntake, incoming, sent_message
from gastro_hub_desktop.store.outbox import Outbox, OutboxEntry

log = logging.getLogger(__name__)

OVERLAP = 120  # seconds re-read on every poll
FIRST_POLL = timedelta(days=7)
IDLE_WITHOUT_POLLING = 300.0
SEND_INTERVAL = 0.2  # well under the Send API's per-page pace
MAX_ATTEMPTS = 5
UNCERTAIN = (
    "The app stopped while this reply was being sent, and Meta cannot tell us whether it went "
    "out. Look at the conversation in Meta Business Suite and send it again only if it is "
    "missing."
)


def summary(info: PageInfo, settings: MetaPageSettings) -> str:
    text = f"Facebook Page OK: {info.name or info.page_id}"
    if settings.instagram_account_id:
        text += f"; Instagram @{info.instagram_username or settings.instagram_account_id}"
    rule = "replies up to 7 days (Human Agent)" if settings.human_agent else "replies within 24 h"
    return f"{text}; {rule}"


class MetaPagesWorker(ChannelWorker):
    def __init__(
        self,
        intake: MetaPagesIntake,
        events: EventBus,
        settings: MetaPageSettings,
        client: Callable[[], MetaPages],
        first_backoff: float = FIRST_BACKOFF,
    ) -> None:
        super().__init__(events, settings.account_key, f"page {settings.page_id}", first_backoff)
        self.intake = intake
        self.store = intake.store
        self.settings = settings
        self._client_factory = client
        self._client: MetaPages | None = None
        self._next_send = 0.0

    @property
    def account_key(self) -> str:
        return self.settings.account_key

    @property
    def platforms(self) -> tuple[Platform, ...]:
        if self.settings.instagram_account_id:
            return (Platform.MESSENGER, Platform.INSTAGRAM)
        return (Platform.MESSENGER,)

    # ------------------------------------------------------------ the loop's parts

    def connect(self) -> MetaPages:
        if self._client is None:
            client = self._client_factory()
            try:
                info = client.check()  # a real request: "Connected" only after it
            except BaseException:
                client.close()
                raise
            self._client = client
            self._report(HealthState.CONNECTED, summary(info, self.settings))
        return self._client

    def cycle(self) -> None:
        client = self.connect()
        if self.settings.poll_seconds > 0:
            for platform in self.platforms:
                self.poll(client, platform)
        self.send_pending(client)

    def idle(self) -> None:
        wait = float(self.settings.poll_seconds) or IDLE_WITHOUT_POLLING
        if Outbox(self.store).pending(self.account_key):
            wait = min(wait, max(0.1, self._next_send - time.monotonic()))
        self._sleep(wait)

    def disconnect(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            client.close()

    # ------------------------------------------------------------ reading

    def poll(self, client: MetaPages, platform: Platform) -> int:
        """Store what the page's conversations on `platform` hold since the last poll."""
        folder = f"conversations:{platform.value}"
        position = self.store.positions(self.account_key).get(folder)
        if position is None:
            since = datetime.now(UTC) - FIRST_POLL
        else:
            since = datetime.fromtimestamp(max(0, position[1] - OVERLAP), UTC)
        found = client.recent(platform, since)
        new = self.intake.store_messages([incoming(self.account_key, m) for m in found])
        newest = max((int(m.sent_at.timestamp()) for m in found), default=int(since.timestamp()))
        if position is None or newest > position[1]:
            self.store.save_position(self.account_key, folder, 1, newest)
        return new

    # ------------------------------------------------------------ sending

    def send_pending(self, client: MetaPages) -> int:
        outbox = Outbox(self.store)
        sent = 0
        for entry in outbox.pending(self.account_key):
            if self.stopping:
                break
            if entry.state is OutboxState.SENDING and self._reconciled(client, outbox, entry):
                continue
            if self._next_send > time.monotonic():
                return sent  # its turn comes after `idle`
            sent += self._send(client, outbox, entry)
        return sent

    def _reconciled(self, client: MetaPages, outbox: Outbox, entry: OutboxEntry) -> bool:
        """A send cut off by a crash, settled without sending again (always True)."""
        payload = entry.payload
        queued = datetime.fromisoformat(str(payload["queued_at"]))
        platform = Platform(payload["platform"])
        try:
            found = client.find_sent(
                platform, payload["recipient"], queued - timedelta(minutes=1), payload["text"]
            )
        except ProviderRefusal as refusal:
            if refusal.retry or refusal.rate_limited:
                raise
            log.warning("outbox %s: the conversation could not be read: %s", entry.key, refusal)
            found = None
        if found is None:
            log.warning("outbox %s: not listed by Meta after the restart; not resent", entry.key)
            outbox.mark_failed(entry.id, UNCERTAIN, final=True)
            self.events.publish(ReplyStatus(entry.conversation_id, "failed", UNCERTAIN))
            return True
        log.info("outbox %s was sent before the restart as %s", entry.key, found)
        self._taken(outbox, entry, found, platform, queued)
        return True

    def _send(self, client: MetaPages, outbox: Outbox, entry: OutboxEntry) -> int:
        payload = entry.payload
        platform = Platform(payload["platform"])
        permission = may_reply(
            self._last_inbound(entry.conversation_id),
            datetime.now(UTC),
            self.settings.human_agent,
            platform.label,
        )
        if permission.refusal is not None:  # refused here, before anything leaves
            outbox.mark_failed(entry.id, permission.refusal, final=True)
            self.events.publish(ReplyStatus(entry.conversation_id, "failed", permission.refusal))
            return 0
        attempts = outbox.begin_attempt(entry.id)
        started = datetime.now(UTC)
        self._next_send = time.monotonic() + SEND_INTERVAL
        try:
            result = client.send(
                payload["recipient"], payload["text"], entry.key, permission.tag, platform.label
            )
        except ProviderRefusal as refusal:
            return self._refused(outbox, entry, refusal, attempts)
        except ChannelProblem as problem:
            if problem.retry:
                # it may or may not have reached Meta: the entry stays "sending", so the next
                # round looks it up (or its echo closes it) before anything is sent again
                self.events.publish(ReplyStatus(entry.conversation_id, "retrying", str(problem)))
                raise
            outbox.mark_failed(entry.id, str(problem), final=True)
            self.events.publish(ReplyStatus(entry.conversation_id, "failed", str(problem)))
            return 0
        failpoints.reach("after-meta-page-send")
        self._taken(outbox, entry, result.message_id, platform, started)
        return 1

    def _refused(
        self, outbox: Outbox, entry: OutboxEntry, refusal: ProviderRefusal, attempts: int
    ) -> int:
        """Meta answered with an error: nothing was sent."""
        if refusal.rate_limited and attempts < MAX_ATTEMPTS:
            pause = refusal.retry_after or 60.0
            self._next_send = time.monotonic() + pause
            outbox.mark_failed(entry.id, str(refusal), final=False)
            text = f"Meta asks us to slow down; the reply goes out in {pause:.0f} s."
            self.events.publish(ReplyStatus(entry.conversation_id, "retrying", text))
            return 0
        if int(refusal.code) in TOKEN_CODES:
            # the account needs a new token: the reply waits for it (queued, not lost)
            outbox.mark_failed(entry.id, str(refusal), final=False)
            self.events.publish(ReplyStatus(entry.conversation_id, "retrying", str(refusal)))
            raise refusal
        if refusal.retry and attempts < MAX_ATTEMPTS:
            outbox.mark_failed(entry.id, str(refusal), final=False)
            self.events.publish(ReplyStatus(entry.conversation_id, "retrying", str(refusal)))
            raise refusal
        outbox.mark_failed(entry.id, str(refusal), final=True)
        self.events.publish(ReplyStatus(entry.conversation_id, "failed", str(refusal)))
        return 0

    def _last_inbound(self, conversation_id: int) -> datetime | None:
        messages = self.store.conversation(conversation_id).messages
        return max((m.sent_at for m in messages if m.direction is Direction.INBOUND), default=None)

    def _taken(
        self, outbox: Outbox, entry: OutboxEntry, mid: str, platform: Platform, at: datetime
    ) -> None:
        outbox.mark_sent(entry.id, mid)
        self.intake.store_messages([sent_message(self.account_key, entry, mid, at)])
        sent = DeliveryStatus.SENT
        self.intake.deliveries.record(self.account_key, mid, sent.value, sent.rank)
        text = f"Reply sent on {platform.label}."
        self.events.publish(ReplyStatus(entry.conversation_id, "sent", text))
