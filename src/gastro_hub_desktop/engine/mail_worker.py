"""Keeps one email account in sync: a worker thread (see ChannelWorker) that reads new mail
into the store, waits for more (IDLE or polling) and sends queued replies; on failure it backs
off and tries again by itself, telling the user what is wrong. A refused password is not
retried in a loop: it waits for new settings."""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from typing import Any

from gastro_hub_desktop.channels.base import ChannelProblem, HealthState
from gastro_hub_desktop.channels.email.imap import ImapMailbox, RawBatch
from gastro_hub_desktop.channels.email.outgoing import build_message, send_smtp
from gastro_hub_desktop.channels.email.settings import EmailSettings
from gastro_hub_desktop.domain.conversations import OutboxState
from gastro_hub_desktop.domain.messages import Channel as DomainChannel
from gastro_hub_desktop.domain.messages import Direction, IncomingMessage
from gastro_hub_desktop.engine import failpoints
from gastro_hub_desktop.engine.channel_worker import FIRST_BACKOFF, ChannelWorker
from gastro_hub_desktop.engine.events import (
    ConversationsChanged,
    EventBus,
    ReplyStatus,
)
from gastro_hub_desktop.store.outbox import Outbox
from gastro_hub_desktop.store.repository import FolderPosition, Store

log = logging.getLogger(__name__)

POLL_SECONDS = 60.0  # servers without IDLE
IDLE_SECONDS = 25 * 60.0  # re-issue IDLE before servers drop it (RFC 2177: 29 min)
AHEAD_BYTES = 32 << 20  # raw mail the fetching thread may have fetched ahead of the store
MERGE_MESSAGES = 1000  # fetched batches joined into one transaction when the store is behind
MERGE_BYTES = 16 << 20
MAX_SEND_ATTEMPTS = 5  # a refused login is retried rarely, never in a storm


class _Ahead:
    """Fetched batches on their way from the fetching thread to the storing one.

    The fetcher may run ahead by AHEAD_BYTES of raw mail (plus the batch in hand): the server
    streams on while earlier batches are parsed and stored, and the fetcher is done early
    rather than taking the interpreter from the parsing batch after batch. Batches of one
    folder already waiting are handed over joined (up to MERGE_MESSAGES / MERGE_BYTES), to be
    stored in one transaction instead of several."""

    def __init__(self) -> None:
        self._items: deque[RawBatch | BaseException | None] = deque()
        self._ready = threading.Condition()
        self._bytes = 0  # raw mail handed over and not yet stored
        self._closed = False

    def put(self, item: RawBatch | BaseException | None) -> bool:
        """Hand over a batch, the fetcher's failure or None (the end); False once closed."""
        with self._ready:
            while isinstance(item, RawBatch) and self._bytes >= AHEAD_BYTES and not self._closed:
                self._ready.wait()
            if self._closed:
                return False
            if isinstance(item, RawBatch):
                self._bytes += item.size
            self._items.append(item)
            self._ready.notify_all()
            return True

    def batches(self) -> Iterator[RawBatch]:
        """The batches in order until the end; the fetcher's failure is raised here."""
        while True:
            with self._ready:
                while not self._items:
                    self._ready.wait()
                item = self._items.popleft()
                if item is None:
                    return
                if isinstance(item, BaseException):
                    raise item
                while (
                    len(item.fetched) < MERGE_MESSAGES
                    and item.size < MERGE_BYTES
                    and self._items
                    and isinstance(following := self._items[0], RawBatch)
                    and (following.folder, following.validity) == (item.folder, item.validity)
                ):
                    self._items.popleft()
                    item = RawBatch(
                        item.folder, item.validity, following.last_uid,
                        item.fetched + following.fetched,
                    )  # fmt: skip
            yield item
            with self._ready:
                self._bytes -= item.size
                self._ready.notify_all()

    def close(self) -> None:
        """The storing side is done (or failed): the fetcher stops at its next batch."""
        with self._ready:
            self._closed = True
            self._ready.notify_all()


class MailWorker(ChannelWorker):
    """One email account: sync INBOX and Sent, wait for news (IDLE or polling), send queued
    replies; the loop, backoff and health reports are ChannelWorker's."""

    def __init__(
        self,
        store: Store,
        events: EventBus,
        settings: EmailSettings,
        secret: Callable[[], str | None],
        first_backoff: float = FIRST_BACKOFF,
        poll_seconds: float = POLL_SECONDS,
        open_mailbox: Callable[[EmailSettings, str], ImapMailbox] = ImapMailbox,
        send: Callable[[EmailSettings, str, EmailMessage], None] = send_smtp,
    ) -> None:
        super().__init__(events, settings.account_key, f"mail {settings.address}", first_backoff)
        self.store = store
        self.settings = settings
        self._secret = secret
        self._poll_seconds = poll_seconds
        self._open_mailbox = open_mailbox  # how to log in (OAuth2: renewing a refused token)
        self._send = send
        self._mailbox: ImapMailbox | None = None
        self.synced_messages = 0

    @property
    def account_key(self) -> str:
        return self.settings.account_key

    # ------------------------------------------------------------ the loop's parts

    def connect(self) -> ImapMailbox:
        if self._mailbox is None or not self._mailbox.connected:
            secret = self._secret()
            if not secret:
                raise ChannelProblem(
                    "No password or token stored for this account: open its settings "
                    "and enter it again.",
                    retry=False,
                )
            mailbox = self._open_mailbox(self.settings, secret)
            self._mailbox = mailbox
            mailbox.connect()
        return self._mailbox

    def cycle(self) -> None:
        mailbox = self.connect()
        self.sync_once(mailbox)
        self.send_outbox(mailbox)

    def idle(self) -> None:
        if self._wake.is_set():
            self._wake.clear()
            return
        mailbox = self.connect()
        if mailbox.supports_idle():
            mailbox.wait_for_mail(IDLE_SECONDS, self._wake)
        else:
            self._sleep(self._poll_seconds)
        self._wake.clear()

    def disconnect(self) -> None:
        mailbox, self._mailbox = self._mailbox, None
        if mailbox is not None:
            mailbox.close()

    def sync_once(self, mailbox: ImapMailbox) -> int:
        """Read everything new into the store; each batch is stored with its position.

        A thread only fetches (it mostly waits on the server), running ahead of the store,
        while the batches are parsed and stored here."""
        since = (datetime.now(UTC) - timedelta(days=self.settings.history_days)).date()
        positions = self.store.positions(self.account_key)
        ahead = _Ahead()

        def fetch() -> None:
            try:
                for batch in mailbox.fetch_new(positions, since):
                    if self.stopping or not ahead.put(batch):
                        break
            except BaseException as exc:  # handed over to the storing side
                ahead.put(exc)
            else:
                ahead.put(None)

        fetcher = threading.Thread(target=fetch, name=f"fetch {self.settings.address}", daemon=True)
        fetcher.start()
        new = 0
        try:
            for item in ahead.batches():
                if self.stopping:
                    break  # what is not stored yet is fetched again next time
                batch = mailbox.parse_batch(item)
                # the messages and the position after them are committed together
                position = FolderPosition(
                    self.account_key, batch.folder, batch.validity, batch.last_uid
                )
                outcome = self.store.ingest(batch.messages, position=position)
                new += outcome.new
                if outcome.new:
                    self.events.publish(ConversationsChanged(outcome.conversation_ids, outcome.new))
        finally:
            ahead.close()
            fetcher.join()  # it stops after the command in progress
        self.synced_messages += new
        self._report(HealthState.CONNECTED, "Connected")
        return new

    def send_outbox(self, mailbox: ImapMailbox) -> int:
        """Send the account's queued replies, each exactly once.

        Order: SMTP, then the reply is stored locally (the proof it went out), then filed in
        Sent, then the outbox entry is closed. An entry left "sending" by a crash is looked up
        locally and in the Sent folder first; found, it is only finished, not sent again. The
        one window left is a crash between the server accepting the mail and the local commit
        (milliseconds), where no proof exists yet."""
        outbox = Outbox(self.store)
        secret = self._secret() or ""
        sent = 0
        for entry in outbox.pending(self.account_key):
            message_id = entry.payload["message_id"]
            sent_folder = mailbox.sent_folder()
            if entry.state is OutboxState.SENDING and (
                self.store.has_message(self.account_key, message_id)
                or (sent_folder and mailbox.has_message(sent_folder, message_id))
            ):
                log.info("reply %s went out before a restart; finishing, not resending", entry.key)
                self._finish(outbox, entry.id, entry.payload, mailbox, sent_folder)
                continue
            attempts = outbox.begin_attempt(entry.id)
            failpoints.reach("before-smtp")
            message = build_message(self.settings, entry.payload)
            try:
                self._send(self.settings, secret, message)
            except ChannelProblem as problem:
                final = not problem.retry or attempts >= MAX_SEND_ATTEMPTS
                outbox.mark_failed(entry.id, str(problem), final)
                self.events.publish(
                    ReplyStatus(
                        entry.conversation_id, "failed" if final else "retrying", str(problem)
                    )
                )
                if not problem.retry:
                    raise
                continue
            self._record_reply(entry.payload)
            failpoints.reach("after-reply-stored")
            self._finish(outbox, entry.id, entry.payload, mailbox, sent_folder, message)
            self.events.publish(ReplyStatus(entry.conversation_id, "sent", "Reply sent"))
            sent += 1
        return sent

    def _finish(
        self,
        outbox: Outbox,
        entry_id: int,
        payload: dict[str, Any],
        mailbox: ImapMailbox,
        sent_folder: str | None,
        message: EmailMessage | None = None,
    ) -> None:
        """File the Sent copy (unless the server already did) and close the outbox entry."""
        self._record_reply(payload)  # no-op when stored already
        message_id = payload["message_id"]
        if sent_folder and not mailbox.has_message(sent_folder, message_id):
            built = message or build_message(self.settings, payload)
            mailbox.file_copy(sent_folder, built.as_bytes(), datetime.now(UTC))
        failpoints.reach("after-sent-copy")
        outbox.mark_sent(entry_id, message_id)

    def _record_reply(self, payload: dict[str, Any]) -> None:
        outcome = self.store.ingest(
            [
                IncomingMessage(
                    channel=DomainChannel.EMAIL,
                    account_key=self.account_key,
                    provider_message_id=payload["message_id"],
                    direction=Direction.OUTBOUND,
                    counterpart_address=payload["to"],
                    counterpart_name=payload["to"],
                    author_name=self.settings.display_name or self.settings.address,
                    text=payload["text"],
                    sent_at=datetime.now(UTC),
                    thread_key=payload["thread_key"],
                    subject=payload["subject"],
                )
            ]
        )
        if outcome.new:
            self.events.publish(ConversationsChanged(outcome.conversation_ids, outcome.new))
