"""One WhatsApp account's background work: check the credentials, poll the provider's message
list when asked to (a PC with no public address), and send queued replies exactly once at the
pace the provider allows.

Exactly once: an entry is marked "sending" before anything leaves. Found in that state after a
crash, it is looked up in the provider's message list first (Twilio); a provider that cannot
tell (Meta has no message list) is not sent again blindly: the entry is closed as uncertain and
the user told, unless the message's status callback, which carries the outbox key back, has
already closed it."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from gastro_hub_desktop.channels.base import ChannelProblem, HealthState
from gastro_hub_desktop.channels.whatsapp.settings import WhatsAppSettings
from gastro_hub_desktop.channels.whatsapp.types import (
    DeliveryStatus,
    ProviderRefusal,
    Template,
    WhatsAppProvider,
)
from gastro_hub_desktop.domain.conversations import OutboxState
from gastro_hub_desktop.engine import failpoints
from gastro_hub_desktop.engine.channel_worker import FIRST_BACKOFF, ChannelWorker
from gastro_hub_desktop.engine.events import EventBus, ReplyStatus
from gastro_hub_desktop.engine.whatsapp_intake import WhatsAppIntake, incoming, sent_message
from gastro_hub_desktop.store.outbox import Outbox, OutboxEntry

log = logging.getLogger(__name__)

POSITION = "messages"  # polling watermark: the newest message time seen, in Unix seconds
OVERLAP = 120  # seconds re-read on every poll (the list's dates are whole seconds)
FIRST_POLL = timedelta(days=7)
SANDBOX_INTERVAL = 3.0  # Twilio's sandbox: one message per 3 seconds
SENDER_INTERVAL = 1 / 20  # a registered sender: well under the providers' per-number limits
IDLE_WITHOUT_POLLING = 300.0
MAX_ATTEMPTS = 5
UNCERTAIN = (
    "The app stopped while this reply was being sent, and WhatsApp cannot tell us whether it "
    "went out. Look at the chat on the phone and send it again only if it is missing."
)


def template_of(payload: dict[str, object]) -> Template | None:
    raw = payload.get("template")
    if not isinstance(raw, dict):
        return None
    values = raw.get("variables") or {}
    return Template(
        str(raw["ref"]),
        str(raw.get("language") or ""),
        {str(k): str(v) for k, v in values.items()} if isinstance(values, dict) else {},
    )


class WhatsAppWorker(ChannelWorker):
    def __init__(
        self,
        intake: WhatsAppIntake,
        events: EventBus,
        settings: WhatsAppSettings,
        provider: Callable[[], WhatsAppProvider],
        first_backoff: float = FIRST_BACKOFF,
    ) -> None:
        super().__init__(events, settings.account_key, f"whatsapp {settings.number}", first_backoff)
        self.intake = intake
        self.store = intake.store
        self.settings = settings
        self._provider_factory = provider
        self._provider: WhatsAppProvider | None = None
        self._next_send = 0.0  # monotonic time the sender may send again
        self._interval = SANDBOX_INTERVAL if settings.sandbox else SENDER_INTERVAL

    @property
    def account_key(self) -> str:
        return self.settings.account_key

    # ------------------------------------------------------------ the loop's parts

    def connect(self) -> WhatsAppProvider:
        if self._provider is None:
            provider = self._provider_factory()
            summary = provider.check()  # a real request: "Connected" only after it
            self._provider = provider
            self._report(HealthState.CONNECTED, summary)
        return self._provider

    def cycle(self) -> None:
        provider = self.connect()
        if self.settings.poll_seconds > 0:
            self.poll(provider)
        self.send_pending(provider)

    def idle(self) -> None:
        wait = float(self.settings.poll_seconds) or IDLE_WITHOUT_POLLING
        if Outbox(self.store).pending(self.account_key):  # rate-limited replies wait their turn
            wait = min(wait, max(0.1, self._next_send - time.monotonic()))
        self._sleep(wait)

    def disconnect(self) -> None:
        provider, self._provider = self._provider, None
        if provider is not None:
            provider.close()

    # ------------------------------------------------------------ reading

    def poll(self, provider: WhatsAppProvider) -> int:
        """Store what the provider's message list holds since the last poll."""
        position = self.store.positions(self.account_key).get(POSITION)
        if position is None:
            since = datetime.now(UTC) - FIRST_POLL
        else:
            since = datetime.fromtimestamp(max(0, position[1] - OVERLAP), UTC)
        found = provider.recent(since)
        new = self.intake.store_messages([incoming(self.account_key, m) for m in found])
        newest = max((int(m.sent_at.timestamp()) for m in found), default=int(since.timestamp()))
        if position is None or newest > position[1]:
            self.store.save_position(self.account_key, POSITION, 1, newest)
        return new

    # ------------------------------------------------------------ sending

    def send_pending(self, provider: WhatsAppProvider) -> int:
        outbox = Outbox(self.store)
        sent = 0
        for entry in outbox.pending(self.account_key):
            if self.stopping:
                break
            if entry.state is OutboxState.SENDING and self._reconciled(provider, outbox, entry):
                continue
            wait = self._next_send - time.monotonic()
            if wait > 0:
                return sent  # its turn comes after `idle`
            sent += self._send(provider, outbox, entry)
        return sent

    def _reconciled(self, provider: WhatsAppProvider, outbox: Outbox, entry: OutboxEntry) -> bool:
        """A send cut off by a crash: True when it is settled without sending again."""
        payload = entry.payload
        queued = datetime.fromisoformat(str(payload["queued_at"]))
        try:
            found = provider.find_sent(
                payload["to"], queued - timedelta(minutes=1), entry.key, payload.get("text")
            )
        except ChannelProblem as problem:
            if problem.retry:
                raise
            log.warning("outbox %s: %s", entry.key, problem)
            outbox.mark_failed(entry.id, UNCERTAIN, final=True)
            self.events.publish(ReplyStatus(entry.conversation_id, "failed", UNCERTAIN))
            return True
        if found is None:
            log.info("outbox %s was not sent before the restart; sending now", entry.key)
            return False
        log.info("outbox %s was sent before the restart as %s", entry.key, found)
        self._delivered_to_provider(outbox, entry, found, DeliveryStatus.SENT)
        return True

    def _send(self, provider: WhatsAppProvider, outbox: Outbox, entry: OutboxEntry) -> int:
        payload = entry.payload
        attempts = outbox.begin_attempt(entry.id)
        self._next_send = time.monotonic() + self._interval
        try:
            result = provider.send(
                payload["to"], payload.get("text"), template_of(payload), entry.key
            )
        except ProviderRefusal as refusal:
            if refusal.rate_limited and attempts < MAX_ATTEMPTS:
                pause = refusal.retry_after or max(self._interval, 3.0)
                self._next_send = time.monotonic() + pause
                outbox.mark_failed(entry.id, str(refusal), final=False)
                text = f"WhatsApp asks us to slow down; the reply goes out in {pause:.0f} s."
                self.events.publish(ReplyStatus(entry.conversation_id, "retrying", text))
                return 0
            outbox.mark_failed(entry.id, str(refusal), final=True)
            self.events.publish(ReplyStatus(entry.conversation_id, "failed", str(refusal)))
            return 0
        except ChannelProblem as problem:
            if problem.retry:
                # the request may or may not have reached the provider: the entry stays
                # "sending", so the next round looks it up before anything is sent again
                self.events.publish(ReplyStatus(entry.conversation_id, "retrying", str(problem)))
                raise
            outbox.mark_failed(entry.id, str(problem), final=True)
            self.events.publish(ReplyStatus(entry.conversation_id, "failed", str(problem)))
            return 0
        failpoints.reach("after-whatsapp-send")
        self._delivered_to_provider(outbox, entry, result.provider_message_id, result.status)
        return 1

    def _delivered_to_provider(
        self, outbox: Outbox, entry: OutboxEntry, provider_id: str, status: DeliveryStatus
    ) -> None:
        outbox.mark_sent(entry.id, provider_id)
        self.intake.store_messages([sent_message(self.account_key, entry, provider_id)])
        self.intake.deliveries.record(self.account_key, provider_id, status.value, status.rank)
        self.events.publish(ReplyStatus(entry.conversation_id, "sent", "Reply sent on WhatsApp."))
