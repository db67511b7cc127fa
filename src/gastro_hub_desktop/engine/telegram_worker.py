"""One Telegram bot's background work: check the token for real (getMe), take the customers'
messages in (long polling getUpdates, or a webhook the accounts' receiver feeds) and send
queued replies exactly once.

Polling: the offset (last update_id + 1) is saved in the same transaction as the messages it
covers, so Telegram re-delivers (and the store ignores as duplicates) whatever a crash
interrupted, and never skips anything. The long poll runs on a helper thread so a reply queued
meanwhile goes out at once instead of after the poll.

Replies: Telegram has no idempotency key and a bot cannot list the messages it sent, so a reply
found "sending" after a crash (kill -9 between the send and its record) is not sent again
blindly: it is closed as uncertain and the user told to look in the chat. A request Telegram
refused (ok=false), or one that never left this PC, was not sent and may be sent again."""

from __future__ import annotations

import concurrent.futures
import logging
import threading
import time
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta
from typing import Any

from gastro_hub_desktop.channels.base import ChannelProblem, HealthState
from gastro_hub_desktop.channels.telegram.api import TelegramBot, Unreachable
from gastro_hub_desktop.channels.telegram.convert import (
    chat_of,
    convert,
    message_number,
    thread_key,
    update_id_of,
)
from gastro_hub_desktop.channels.telegram.errors import TOKEN_HELP, TelegramRefusal
from gastro_hub_desktop.channels.telegram.settings import Mode, TelegramSettings
from gastro_hub_desktop.domain.conversations import OutboxState
from gastro_hub_desktop.domain.messages import Channel, Direction, IncomingMessage
from gastro_hub_desktop.engine import failpoints
from gastro_hub_desktop.engine.channel_worker import FIRST_BACKOFF, ChannelWorker
from gastro_hub_desktop.engine.events import ConversationsChanged, EventBus, ReplyStatus
from gastro_hub_desktop.engine.webhook_receiver import Received
from gastro_hub_desktop.store.outbox import Outbox, OutboxEntry, ReplyContext
from gastro_hub_desktop.store.repository import FolderPosition, Store

log = logging.getLogger(__name__)

POSITION = "updates"  # the one "folder" of a bot: (1, the last update_id stored)
MAX_TEXT = 4096  # sendMessage's limit, in UTF-16 code units
MAX_ATTEMPTS = 5
WEBHOOK_CHECK_SECONDS = 300.0  # webhook mode: how often getWebhookInfo re-measures health
MIN_POLL_ROUND = 0.5  # an empty poll answered faster than this is paced (a misbehaving server)
UNCERTAIN = (
    "The app stopped while this reply was being sent, and Telegram cannot tell us whether it "
    "went out (a bot cannot list its own messages). Look at the chat in Telegram and send it "
    "again only if it is missing."
)
UNCERTAIN_CONNECTION = (
    "The connection to Telegram broke while this reply was being sent, and Telegram cannot "
    "tell us whether it went out. Look at the chat in Telegram and send it again only if it is "
    "missing."
)


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


class TelegramIntake:
    """Stores updates, whichever way they came: each message once (the store's unique key on
    "<chat id>:<message id>" decides), in the order they were written."""

    def __init__(self, store: Store, events: EventBus) -> None:
        self.store = store
        self.events = events

    def messages_of(self, account_key: str, updates: Iterable[dict[str, Any]]) -> list[Any]:
        found: dict[str, IncomingMessage] = {}
        for update in updates:
            try:
                converted = convert(account_key, update)
            except ValueError as exc:
                log.warning("Telegram update for %s dropped: %s", account_key, exc)
                continue
            if converted.message is None:
                log.info("%s: %s", account_key, converted.skipped)
                continue
            # the same message twice in one batch: the unique key would refuse the batch
            found.setdefault(converted.message.provider_message_id, converted.message)
        return sorted(found.values(), key=lambda m: m.sent_at)

    def take_updates(
        self, account_key: str, updates: list[dict[str, Any]], confirm: bool = False
    ) -> int:
        """Store the updates' messages; with `confirm` the highest update_id is saved in the
        same transaction (the polling offset). The number of new messages."""
        messages = self.messages_of(account_key, updates)
        position = None
        ids = [i for i in (update_id_of(u) for u in updates) if i is not None]
        if confirm and ids:
            stored = self.store.positions(account_key).get(POSITION)
            highest = max(ids)
            if stored is None or highest > stored[1]:
                position = FolderPosition(account_key, POSITION, 1, highest)
        if not messages and position is None:
            return 0
        outcome = self.store.ingest(messages, position=position)
        if outcome.new:
            self.events.publish(ConversationsChanged(outcome.conversation_ids, outcome.new))
        return outcome.new

    def take(self, batch: list[Received]) -> list[bool | Exception]:
        """The webhook receiver's intake: the batch's messages in one transaction; a request
        whose messages were all stored before counts as a replay."""
        outcome: list[bool | Exception] = []
        messages: list[IncomingMessage] = []
        for item in batch:
            found = self.messages_of(item.account_key, item.result.updates)  # type: ignore[attr-defined]
            known = [self.store.has_message(m.account_key, m.provider_message_id) for m in found]
            outcome.append(not (found and all(known)))
            messages.extend(found)
        if messages:
            result = self.store.ingest(_once(messages))
            if result.new:
                self.events.publish(ConversationsChanged(result.conversation_ids, result.new))
        return outcome


def _once(messages: list[IncomingMessage]) -> list[IncomingMessage]:
    found: dict[tuple[str, str], IncomingMessage] = {}
    for m in messages:
        found.setdefault((m.account_key, m.provider_message_id), m)
    return sorted(found.values(), key=lambda m: m.sent_at)


def reply_payload(store: Store, ctx: ReplyContext, text: str) -> dict[str, Any]:
    """What the outbox keeps to send a reply: the chat, the text, and the customer's last
    message it answers. Raises ChannelProblem (nothing queued) for a reply Telegram would
    refuse."""
    chat_id = chat_of(ctx.thread_key)
    if chat_id is None:
        raise ChannelProblem("This conversation did not come from Telegram.", retry=False)
    body = text.strip()
    if not body:
        raise ChannelProblem("Write the reply first.", retry=False)
    if utf16_length(body) > MAX_TEXT:
        raise ChannelProblem(
            f"Telegram takes at most {MAX_TEXT} characters in one message; this reply has "
            f"{utf16_length(body)}. Shorten it or send it in parts.",
            retry=False,
        )
    reply_to = None
    detail = store.conversation(ctx.conversation_id)
    inbound = [m for m in detail.messages if m.direction is Direction.INBOUND]
    if inbound:
        reply_to = message_number(store.message_origin(inbound[-1].id)[1])
    return {
        "chat_id": chat_id,
        "text": body,
        "reply_to": reply_to,
        "to": ctx.counterpart,
        "thread": ctx.thread_key,
        "queued_at": datetime.now(UTC).isoformat(),
    }


class TelegramWorker(ChannelWorker):
    def __init__(
        self,
        intake: TelegramIntake,
        events: EventBus,
        settings: TelegramSettings,
        token: Callable[[], str | None],
        webhook_secret: Callable[[], str | None] = lambda: None,
        first_backoff: float = FIRST_BACKOFF,
    ) -> None:
        super().__init__(
            events, settings.account_key, f"telegram @{settings.bot_username}", first_backoff
        )
        self.intake = intake
        self.store = intake.store
        self.settings = settings
        self._token = token
        self._webhook_secret = webhook_secret
        self._bot: TelegramBot | None = None
        self._poll_bot: TelegramBot | None = None
        self._poll: concurrent.futures.Future[list[dict[str, Any]]] | None = None
        self._poll_started = 0.0
        self._next_send = 0.0  # monotonic time flood control lets the bot send again
        self._webhook_checked = 0.0

    @property
    def account_key(self) -> str:
        return self.settings.account_key

    # ------------------------------------------------------------ the loop's parts

    def _pause(self, seconds: float) -> None:
        self._stop.wait(seconds)

    def connect(self) -> TelegramBot:
        if self._bot is None:
            token = self._token()
            if not token:
                raise ChannelProblem(
                    "No bot token is stored for this Telegram bot: open its settings and enter "
                    "it again.",
                    retry=False,
                )
            bot = TelegramBot(token, self.settings.base_url, sleep=self._pause)
            try:
                me = bot.get_me()  # a real request: "Connected" only after it
                if str(me["username"]).lower() != self.settings.bot_username.lower():
                    raise ChannelProblem(
                        f"The stored token belongs to @{me['username']}, not to "
                        f"@{self.settings.bot_username}. {TOKEN_HELP}",
                        retry=False,
                    )
                summary = f"Connected as @{me['username']}"
                if self.settings.mode is Mode.WEBHOOK:
                    summary = self._set_webhook(bot)
            except BaseException:
                bot.close()
                raise
            self._bot = bot
            self._poll_bot = TelegramBot(token, self.settings.base_url, sleep=self._pause)
            self._report(HealthState.CONNECTED, summary)
        return self._bot

    def cycle(self) -> None:
        bot = self.connect()
        self.send_pending(bot)
        if self.settings.mode is Mode.POLLING:
            self.poll_round()
        elif time.monotonic() - self._webhook_checked >= WEBHOOK_CHECK_SECONDS:
            self._report(HealthState.CONNECTED, self._webhook_health(bot))

    def idle(self) -> None:
        if self.settings.mode is Mode.POLLING:
            return  # the long poll is the wait
        wait = WEBHOOK_CHECK_SECONDS
        if Outbox(self.store).pending(self.account_key):  # flood-controlled replies wait
            wait = max(0.1, self._next_send - time.monotonic())
        self._sleep(wait)

    def disconnect(self) -> None:
        bot, self._bot = self._bot, None
        poll_bot, self._poll_bot = self._poll_bot, None
        self._poll = None  # an unfinished poll's updates stay unconfirmed: Telegram resends
        for b in (bot, poll_bot):
            if b is not None:
                b.close()

    # ------------------------------------------------------------ polling

    def offset(self) -> int | None:
        stored = self.store.positions(self.account_key).get(POSITION)
        return None if stored is None else stored[1] + 1

    def poll_round(self) -> int:
        """Wait for the running long poll (starting one if none runs) until it answers or a
        reply is queued (or flood control lets a held-back reply go); store what it brought.
        The number of new messages."""
        if self._poll is None:
            poll_bot = self._poll_bot
            assert poll_bot is not None
            self._poll_started = time.monotonic()
            self._poll = self._start_poll(poll_bot, self.offset())
            self._poll.add_done_callback(self._poll_answered)
        if not self._poll.done():
            wait = self.settings.poll_timeout + 60.0
            flood = self._next_send - time.monotonic()
            if flood > 0:  # a reply held back by flood control goes out when it may
                wait = min(wait, flood)
            self._wake.wait(wait)
            self._wake.clear()
        if not self._poll.done() or self.stopping:
            return 0  # woken for a reply (or to stop): the poll keeps running meanwhile
        done, self._poll = self._poll, None
        updates = done.result()  # a failed poll raises its ChannelProblem here
        failpoints.reach("after-telegram-poll")
        new = self.intake.take_updates(self.account_key, updates, confirm=True)
        if not updates and time.monotonic() - self._poll_started < MIN_POLL_ROUND:
            self._sleep(MIN_POLL_ROUND)
        return new

    def _start_poll(
        self, bot: TelegramBot, offset: int | None
    ) -> concurrent.futures.Future[list[dict[str, Any]]]:
        """getUpdates on a daemon thread of its own: a long poll still waiting when the app
        quits must not hold the exit up (its updates stay unconfirmed and come again)."""
        answer: concurrent.futures.Future[list[dict[str, Any]]] = concurrent.futures.Future()

        def run() -> None:
            try:
                answer.set_result(bot.get_updates(offset, self.settings.poll_timeout))
            except BaseException as exc:
                answer.set_exception(exc)

        name = f"telegram-poll @{self.settings.bot_username}"
        threading.Thread(target=run, name=name, daemon=True).start()
        return answer

    def _poll_answered(self, poll: concurrent.futures.Future[list[dict[str, Any]]]) -> None:
        if poll is self._poll:  # a poll abandoned by `disconnect` wakes nobody
            self._wake.set()

    def sync_once(self, bot: TelegramBot, timeout: int = 0) -> int:
        """One getUpdates from the saved offset and its messages stored (tests, first sync)."""
        updates = bot.get_updates(self.offset(), timeout)
        return self.intake.take_updates(self.account_key, updates, confirm=True)

    # ------------------------------------------------------------ webhook

    def _set_webhook(self, bot: TelegramBot) -> str:
        url = self.settings.webhook_url
        if not url:
            raise ChannelProblem(
                "Webhook mode needs the public https address Telegram posts to (your tunnel's "
                "URL): enter it in the bot's settings, or use polling.",
                retry=False,
            )
        secret = self._webhook_secret()
        if not secret:
            raise ChannelProblem(
                "No webhook secret is stored for this bot: connect it again.", retry=False
            )
        bot.set_webhook(url, secret)
        return self._webhook_health(bot)

    def _webhook_health(self, bot: TelegramBot) -> str:
        info = bot.webhook_info()
        self._webhook_checked = time.monotonic()
        if info.get("url") != self.settings.webhook_url:
            raise ChannelProblem(
                f"Telegram now delivers this bot's messages to {info.get('url') or 'nowhere'} "
                "instead of this app's webhook (another program changed it). Connect the bot "
                "again to take it back.",
                retry=False,
            )
        summary = f"Connected as @{self.settings.bot_username} (webhook)"
        error, when = info.get("last_error_message"), info.get("last_error_date")
        if error and isinstance(when, int) and time.time() - when < 3600:
            pending = info.get("pending_update_count") or 0
            summary += (
                f"; Telegram could not deliver to {self.settings.webhook_url}: {error} "
                f"({pending} waiting). Is the tunnel running?"
            )
        return summary

    # ------------------------------------------------------------ sending

    def send_pending(self, bot: TelegramBot) -> int:
        outbox = Outbox(self.store)
        sent = 0
        for entry in outbox.pending(self.account_key):
            if self.stopping:
                break
            if entry.state is OutboxState.SENDING:
                self._close_uncertain(outbox, entry, UNCERTAIN)
                continue
            if time.monotonic() < self._next_send:
                break  # flood control: its turn comes after `idle`
            sent += self._send(bot, outbox, entry)
        return sent

    def _close_uncertain(self, outbox: Outbox, entry: OutboxEntry, why: str) -> None:
        log.warning("outbox %s: outcome unknown, not sent again", entry.key)
        outbox.mark_failed(entry.id, why, final=True)
        self.events.publish(ReplyStatus(entry.conversation_id, "failed", why))

    def _send(self, bot: TelegramBot, outbox: Outbox, entry: OutboxEntry) -> int:
        payload = entry.payload
        attempts = outbox.begin_attempt(entry.id)  # committed before anything leaves
        try:
            message = bot.send_message(payload["chat_id"], payload["text"], payload["reply_to"])
        except TelegramRefusal as refused:  # Telegram answered ok=false: nothing was sent
            again = refused.rate_limited or refused.retry or refused.wrong_token
            if again and attempts < MAX_ATTEMPTS:
                outbox.mark_failed(entry.id, str(refused), final=False)
                if refused.rate_limited:
                    pause = refused.retry_after or 3.0
                    self._next_send = time.monotonic() + pause
                    text = (
                        f"Telegram asks the bot to slow down; the reply goes out in {pause:.0f} s."
                    )
                    self.events.publish(ReplyStatus(entry.conversation_id, "retrying", text))
                    return 0
                self.events.publish(ReplyStatus(entry.conversation_id, "retrying", str(refused)))
                raise
            outbox.mark_failed(entry.id, str(refused), final=True)
            self.events.publish(ReplyStatus(entry.conversation_id, "failed", str(refused)))
            return 0
        except Unreachable as problem:  # the request never left: safe to send later
            outbox.mark_failed(entry.id, str(problem), final=False)
            self.events.publish(ReplyStatus(entry.conversation_id, "retrying", str(problem)))
            raise
        except ChannelProblem as problem:  # it may have reached Telegram: never resent blindly
            self._close_uncertain(outbox, entry, UNCERTAIN_CONNECTION)
            if problem.retry:
                raise
            return 0
        failpoints.reach("after-telegram-send")
        provider_id = f"{message['chat']['id']}:{message['message_id']}"
        outbox.mark_sent(entry.id, provider_id)
        stamp = message.get("date")
        sent_at = datetime.now(UTC)
        if isinstance(stamp, int):  # ordered like the customer's messages (see convert)
            sent_at = datetime.fromtimestamp(stamp, UTC) + timedelta(
                microseconds=int(message["message_id"]) % 1_000_000
            )
        outcome = self.store.ingest(
            [
                IncomingMessage(
                    channel=Channel.TELEGRAM,
                    account_key=self.account_key,
                    provider_message_id=provider_id,
                    direction=Direction.OUTBOUND,
                    counterpart_address=str(payload["to"]),
                    counterpart_name="",
                    author_name="You",
                    text=payload["text"],
                    sent_at=sent_at,
                    thread_key=str(payload.get("thread") or thread_key(payload["chat_id"])),
                )
            ]
        )
        self.events.publish(ConversationsChanged(outcome.conversation_ids, outcome.new))
        self.events.publish(ReplyStatus(entry.conversation_id, "sent", "Reply sent on Telegram."))
        return 1
