"""Keeps one Beeper Desktop connection in sync. New messages arrive live over the API's
WebSocket; every round also reads the chats with activity since a saved position (polling), so
whatever happened while the socket was down is caught up, and the socket is reopened with
growing pauses. Every message is stored once (the store's unique key decides), in timestamp
order within each batch. Queued replies go out through Beeper exactly once: Beeper takes no
id of ours, so a send cut off by a crash is looked up among the chat's own recent messages by
its text before anything is sent again."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from beeper_desktop_api.types import Chat
from beeper_desktop_api.types.shared import Message
from pydantic import ValidationError

from gastro_hub_desktop.channels.base import ChannelProblem, HealthState
from gastro_hub_desktop.channels.beeper.api import BeeperClient
from gastro_hub_desktop.channels.beeper.convert import (
    aware,
    chat_of,
    to_message,
    worth_keeping,
)
from gastro_hub_desktop.channels.beeper.live import LiveClosed, LiveEvent, LiveEvents
from gastro_hub_desktop.channels.beeper.settings import BeeperSettings
from gastro_hub_desktop.domain.conversations import OutboxState
from gastro_hub_desktop.engine import failpoints
from gastro_hub_desktop.engine.channel_worker import FIRST_BACKOFF, ChannelWorker
from gastro_hub_desktop.engine.events import ConversationsChanged, EventBus, ReplyStatus
from gastro_hub_desktop.store.outbox import Outbox, OutboxEntry
from gastro_hub_desktop.store.repository import Store

log = logging.getLogger(__name__)
POSITION = "chats"  # last chat activity read by polling, in unix seconds
OVERLAP = 300  # seconds re-read each round: bridges deliver late and clocks differ
RECONCILE_SLACK = timedelta(minutes=1)
MAX_SEND_ATTEMPTS = 5
FIRST_LIVE_BACKOFF = 1.0
MAX_LIVE_BACKOFF = 120.0
SLICE = 0.25  # how often a wait on the socket looks whether it was asked to stop or sync


def beeper_client(settings: BeeperSettings, token: str) -> BeeperClient:
    return BeeperClient(token, settings.base_url)


def same_text(a: str | None, b: str | None) -> bool:
    return " ".join((a or "").split()) == " ".join((b or "").split())


class BeeperWorker(ChannelWorker):
    def __init__(
        self,
        store: Store,
        events: EventBus,
        settings: BeeperSettings,
        secret: Callable[[], str | None],
        first_backoff: float = FIRST_BACKOFF,
        client_factory: Callable[[BeeperSettings, str], BeeperClient] = beeper_client,
        first_live_backoff: float = FIRST_LIVE_BACKOFF,
    ) -> None:
        super().__init__(events, settings.account_key, f"beeper {settings.base_url}", first_backoff)
        self.store = store
        self.settings = settings
        self._secret = secret
        self._client_factory = client_factory
        self._client: BeeperClient | None = None
        self._bridges: dict[str, str] = {}  # Beeper account id → bridge type
        self._chats: dict[str, Chat] = {}
        self._live: LiveEvents | None = None
        self._live_url: str | None = None
        self._live_problem = "" if settings.live else "live updates are turned off"
        self._first_live_backoff = first_live_backoff
        self._live_backoff = first_live_backoff
        self._next_live_try = 0.0

    @property
    def account_key(self) -> str:
        return self.settings.account_key

    @property
    def live(self) -> bool:
        """Whether new messages are arriving over the socket right now."""
        return self._live is not None and self._live.is_open

    # ------------------------------------------------------------ the loop's parts

    def connect(self) -> BeeperClient:
        if self._client is None:
            token = self._secret()
            if not token:
                raise ChannelProblem(
                    "No Beeper Desktop access token stored for this connection: open its "
                    "settings and enter it again.",
                    retry=False,
                )
            client = self._client_factory(self.settings, token)
            try:
                self._bridges = {a.account_id: a.bridge.type for a in client.accounts()}
                if self.settings.live and self._live_url is None:
                    self._live_url = client.events_url()
                    if self._live_url is None:
                        self._live_problem = "this Beeper Desktop offers no live events"
            except ChannelProblem:
                client.close()
                raise
            self._client = client
        return self._client

    def cycle(self) -> None:
        client = self.connect()
        self.sync_once(client)
        self.send_pending(client)
        self._report_connected()

    def idle(self) -> None:
        """Wait for live events (storing each as it comes) until the next polling round is
        due, a sync is asked for, or the socket drops (then poll at once to catch up)."""
        live = self.live
        deadline = time.monotonic() + float(
            self.settings.live_check_seconds if live else self.settings.poll_seconds
        )
        while not self._stop.is_set() and not self._wake.is_set():
            now = time.monotonic()
            if now >= deadline:
                break
            due = not self.live and self._live_url and now >= self._next_live_try
            if due and self._open_live():
                self._report_connected()
                deadline = now + float(self.settings.live_check_seconds)
                continue
            if self._live is not None and self.live:
                try:
                    event = self._live.next(min(SLICE, deadline - now))
                except LiveClosed as closed:
                    self._live_lost(str(closed))
                    self._report_connected()
                    break  # catch up by polling at once
                if event is not None and self._on_event(event):
                    break
            elif self._live_url:  # the socket is down: wait for its next try or the deadline
                self._wake.wait(min(deadline, max(self._next_live_try, now + SLICE)) - now)
            else:
                self._wake.wait(deadline - now)
        self._wake.clear()

    def disconnect(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            client.close()
        self._close_live()
        self._live_backoff = self._first_live_backoff
        self._next_live_try = 0.0

    # ------------------------------------------------------------ reading by polling

    def sync_once(self, client: BeeperClient) -> int:
        """Read every chat with activity since the saved position; the new messages stored."""
        position = self.store.positions(self.account_key).get(POSITION)
        # the history window holds on every round; within it, a message that arrived late
        # with an older timestamp than the position is still wanted (it is on a page read)
        cutoff = datetime.now(UTC) - timedelta(days=self.settings.history_days)
        if position is None:
            since = cutoff
        else:
            since = datetime.fromtimestamp(max(0, position[1] - OVERLAP), UTC)
        changed = list(client.chats_since(since))
        changed.sort(key=lambda c: _stamp(c.last_activity))
        new = 0
        reached = position[1] if position is not None else int(since.timestamp())
        for chat in changed:
            if self.stopping:
                break
            self._chats[chat.id] = chat
            if chat.merge is not None:  # a merged chat holds no messages of its own
                continue
            try:
                listed = client.messages_since(chat.id, since)
            except ChannelProblem as problem:
                if problem.retry:
                    raise
                log.warning("beeper chat %s skipped: %s", chat.id, problem)
                continue
            wanted = [m for m in listed if aware(m.timestamp) >= cutoff]
            new += self._store(chat, wanted)
            reached = max(reached, _stamp(chat.last_activity))
            self.store.save_position(self.account_key, POSITION, 1, reached)
            failpoints.reach("after-beeper-chat")
        if position is None or reached > position[1]:
            self.store.save_position(self.account_key, POSITION, 1, reached)
        return new

    def _store(self, chat: Chat, messages: list[Message]) -> int:
        kept = [m for m in messages if worth_keeping(m)]
        if not kept:
            return 0
        kept.sort(key=lambda m: (aware(m.timestamp), str(m.sort_key)))
        ours = [to_message(m, chat, self.account_key, self._bridges) for m in kept]
        outcome = self.store.ingest(ours)
        if outcome.new:
            self.events.publish(ConversationsChanged(outcome.conversation_ids, outcome.new))
        return outcome.new

    # ------------------------------------------------------------ reading live

    def _open_live(self) -> bool:
        assert self._live_url is not None
        token = self._secret() or ""
        live = LiveEvents(self._live_url, token)
        try:
            live.open()
        except LiveClosed as closed:
            live.close()
            self._live_lost(str(closed))
            return False
        self._live = live
        self._live_problem = ""
        self._live_backoff = self._first_live_backoff
        log.info("%s: live events on %s", self._label, self._live_url)
        return True

    def _live_lost(self, why: str) -> None:
        self._close_live()
        self._live_problem = why
        self._next_live_try = time.monotonic() + self._live_backoff
        log.info("%s: %s; reopening in %.0f s", self._label, why, self._live_backoff)
        self._live_backoff = min(self._live_backoff * 2, MAX_LIVE_BACKOFF)

    def _close_live(self) -> None:
        live, self._live = self._live, None
        if live is not None:
            live.close()

    def _on_event(self, event: LiveEvent) -> bool:
        """Store what a live event brings; True when a polling round should follow at once."""
        if event.missed:
            log.info("%s: live events were skipped (seq %s); catching up", self._label, event.seq)
        if event.type != "message.upserted" or not event.chat_id or self._client is None:
            return event.missed
        try:
            chat = self._chats.get(event.chat_id) or self._client.chat(event.chat_id)
            self._chats[event.chat_id] = chat
            entries = {str(e.get("id")): e for e in event.entries}
            messages = [self._whole(event.chat_id, i, entries.get(i)) for i in event.ids]
            self._store(chat, [m for m in messages if m is not None])
        except ChannelProblem as problem:
            log.warning("%s: a live event could not be read: %s", self._label, problem)
            return True  # the polling round picks it up
        return event.missed

    def _whole(self, chat_id: str, message_id: str, entry: dict[str, Any] | None) -> Message | None:
        """The event's own copy when it is a whole message, else the message as Beeper has it
        (entries are best effort and may carry only what changed)."""
        if entry is not None:
            try:
                return Message.model_validate(entry)
            except ValidationError:
                pass
        assert self._client is not None
        try:
            return self._client.message(chat_id, message_id)
        except ChannelProblem as problem:
            if problem.retry:
                raise
            log.info("%s: message %s is gone: %s", self._label, message_id, problem)
            return None

    # ------------------------------------------------------------ replies

    def send_pending(self, client: BeeperClient) -> int:
        """Send each queued reply to its chat, exactly once."""
        outbox = Outbox(self.store)
        sent = 0
        for entry in outbox.pending(self.account_key):
            if self.stopping:
                break
            if entry.state is OutboxState.SENDING and self._sent_before(client, outbox, entry):
                continue
            sent += self._send(client, outbox, entry)
        return sent

    def _sent_before(self, client: BeeperClient, outbox: Outbox, entry: OutboxEntry) -> bool:
        """A send cut off by a crash (or a lost answer): True when the chat already holds it."""
        payload = entry.payload
        since = datetime.fromisoformat(str(payload["queued_at"])) - RECONCILE_SLACK
        for message in client.recent_own(payload["chat"], since):
            if same_text(message.text, payload["text"]):
                log.info("reply %s was sent before as %s; not sending again", entry.key, message.id)
                self._sent(client, outbox, entry, payload["chat"], str(message.id))
                return True
        log.info("reply %s is not in the chat; sending it now", entry.key)
        return False

    def _send(self, client: BeeperClient, outbox: Outbox, entry: OutboxEntry) -> int:
        payload = entry.payload
        attempts = outbox.begin_attempt(entry.id)
        try:
            chat_id, pending_id = client.send(payload["chat"], payload["text"])
        except ChannelProblem as problem:
            if problem.retry and attempts < MAX_SEND_ATTEMPTS:
                # it may or may not have reached Beeper: the entry stays "sending", so the next
                # round looks for it in the chat before anything is sent again
                self.events.publish(ReplyStatus(entry.conversation_id, "retrying", str(problem)))
                raise
            outbox.mark_failed(entry.id, str(problem), final=True)
            self.events.publish(ReplyStatus(entry.conversation_id, "failed", str(problem)))
            return 0
        failpoints.reach("after-beeper-send")
        self._sent(client, outbox, entry, chat_id, pending_id)
        return 1

    def _sent(
        self, client: BeeperClient, outbox: Outbox, entry: OutboxEntry, chat_id: str, sent_id: str
    ) -> None:
        """Close the entry; the message itself joins the conversation under its final id
        (resolved now when Beeper already knows it, else brought by the socket or polling)."""
        final = sent_id
        try:
            message = client.message(chat_id, sent_id)
            final = str(message.id)
            if worth_keeping(message):
                self._store(self._chats.get(chat_id) or client.chat(chat_id), [message])
        except ChannelProblem as problem:  # sent all the same; it comes in with the next read
            log.info("reply %s sent; its message is not readable yet: %s", entry.key, problem)
        outbox.mark_sent(entry.id, final)
        self.events.publish(
            ReplyStatus(entry.conversation_id, "sent", "Reply sent through Beeper.")
        )

    # ------------------------------------------------------------ health

    def _report_connected(self) -> None:
        if self._client is None:
            return
        if self.live:
            self._report(HealthState.CONNECTED, "Connected; new messages arrive live.")
        else:
            why = f" ({self._live_problem})" if self._live_problem else ""
            self._report(
                HealthState.CONNECTED,
                f"Connected; checking for new messages every {self.settings.poll_seconds} s{why}.",
            )


def reply_payload(thread: str, text: str) -> dict[str, Any]:
    """What the outbox keeps to send (or find) the same reply after a crash."""
    chat = chat_of(thread)
    if chat is None:
        raise ChannelProblem("This conversation did not come from Beeper.", retry=False)
    if not text.strip():
        raise ChannelProblem("The reply is empty: write something to send.", retry=False)
    return {"chat": chat, "text": text, "queued_at": datetime.now(UTC).isoformat()}


def _stamp(moment: datetime | None) -> int:
    return int(aware(moment).timestamp()) if moment is not None else 0
