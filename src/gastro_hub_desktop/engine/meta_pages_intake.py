"""Taking Facebook Page and Instagram messages into the store, whichever way they came (webhook
or the Conversations API): each message stored once (the database's unique key on the mid),
in the order they were written (sorted by Meta's timestamp, whatever order they arrived in);
delivery and read receipts moving our messages' status forward; and a send cut off by a crash
closed by the message echo that carries our outbox key back as `metadata`."""

from __future__ import annotations

import logging
import mimetypes
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from gastro_hub_desktop.channels.meta_pages.types import (
    PageMessage,
    PageWebhookResult,
    Platform,
    Receipt,
)
from gastro_hub_desktop.channels.whatsapp.types import DeliveryStatus
from gastro_hub_desktop.domain.conversations import OutboxState
from gastro_hub_desktop.domain.messages import Attachment, Direction, IncomingMessage
from gastro_hub_desktop.engine.events import (
    ConversationsChanged,
    DeliveryChanged,
    EventBus,
    ReplyStatus,
)
from gastro_hub_desktop.engine.webhook_receiver import Received
from gastro_hub_desktop.store.delivery import Deliveries
from gastro_hub_desktop.store.outbox import Outbox, OutboxEntry
from gastro_hub_desktop.store.repository import NotFound, Store
from gastro_hub_desktop.store.schema import ChannelAccount, Conversation, Message

log = logging.getLogger(__name__)

RECEIPT_REACH = timedelta(days=30)  # a receipt's watermark marks our messages this far back
CLOCK_SKEW = timedelta(seconds=2)  # our clock against Meta's, for watermarks
CONTENT_TYPES = {"image": "image/jpeg", "video": "video/mp4", "audio": "audio/mpeg"}


def thread_key(platform: Platform, customer: str) -> str:
    return f"{platform.channel.value}:{customer}"


def platform_of(thread: str) -> Platform:
    """The platform a conversation of a page account runs on, from its thread key."""
    return Platform.INSTAGRAM if thread.startswith("instagram:") else Platform.MESSENGER


def incoming(account_key: str, m: PageMessage) -> IncomingMessage:
    return IncomingMessage(
        channel=m.platform.channel,
        account_key=account_key,
        provider_message_id=m.mid,
        direction=Direction.OUTBOUND if m.outbound else Direction.INBOUND,
        counterpart_address=m.customer,
        counterpart_name="" if m.outbound else m.customer_name,
        author_name="You" if m.outbound else None,
        text=m.text,
        sent_at=m.sent_at,
        thread_key=thread_key(m.platform, m.customer),
        attachments=tuple(
            Attachment(a.name or f"{a.kind} {n}", _content_type(a.kind, a.name), 0, ref=a.url)
            for n, a in enumerate(m.attachments, 1)
        ),
        problem=m.problem,
    )


def _content_type(kind: str, name: str) -> str:
    guessed = mimetypes.guess_type(name)[0] if name else None
    return guessed or CONTENT_TYPES.get(kind, "application/octet-stream")


def sent_message(
    account_key: str, entry: OutboxEntry, mid: str, sent_at: datetime | None = None
) -> IncomingMessage:
    """Our reply as it goes into the conversation once Meta has taken it. `sent_at` is best
    taken just before the request: Meta's own time for it (which read watermarks are compared
    with) is later."""
    payload = entry.payload
    platform = Platform(payload["platform"])
    return IncomingMessage(
        channel=platform.channel,
        account_key=account_key,
        provider_message_id=mid,
        direction=Direction.OUTBOUND,
        counterpart_address=payload["recipient"],
        counterpart_name="",
        author_name="You",
        text=payload["text"],
        sent_at=sent_at or datetime.now(UTC),
        thread_key=thread_key(platform, payload["recipient"]),
    )


class MetaPagesIntake:
    def __init__(self, store: Store, events: EventBus) -> None:
        self.store = store
        self.events = events
        self.deliveries = Deliveries(store)
        self.outbox = Outbox(store)

    def take(self, batch: list[Received]) -> list[bool | Exception]:
        """Store a batch of webhook requests; an exact replay of a request taken in before is
        answered as known (False) and not processed again."""
        known = self.deliveries.known_receipts([r.digest for r in batch])
        outcome: list[bool | Exception] = []
        fresh: list[Received] = []
        seen: set[str] = set()
        for item in batch:
            replay = item.digest in known or item.digest in seen
            seen.add(item.digest)
            outcome.append(not replay)
            if not replay:
                fresh.append(item)
        try:
            self._take_all(fresh)
        except Exception:
            if len(fresh) < 2:
                raise
            log.exception("a batch of %d page webhooks failed; storing one by one", len(fresh))
            for item in fresh:
                try:
                    self._take_all([item])
                except Exception as exc:
                    log.exception("page webhook for %s could not be stored", item.account_key)
                    outcome[batch.index(item)] = exc
        return outcome

    def _take_all(self, items: list[Received]) -> None:
        messages: list[tuple[str, PageMessage]] = []
        receipts: list[tuple[str, Receipt]] = []
        for item in items:
            result = item.result
            if not isinstance(result, PageWebhookResult):
                continue
            messages.extend((item.account_key, m) for m in result.page_messages)
            receipts.extend((item.account_key, r) for r in result.receipts)
        messages.sort(key=lambda pair: (pair[1].sent_at, pair[1].mid))
        self.store_messages([incoming(key, m) for key, m in messages])
        for key, m in messages:
            if m.outbound and m.metadata:
                self._close_cut_off_send(key, m)
        for key, receipt in receipts:
            self.take_receipt(key, receipt)
        self.deliveries.take_receipts([item.digest for item in items])

    def store_messages(self, messages: list[IncomingMessage]) -> int:
        if not messages:
            return 0
        messages = sorted(messages, key=lambda m: (m.sent_at, m.provider_message_id))
        result = self.store.ingest(messages)
        if result.new or result.conversation_ids:
            self.events.publish(ConversationsChanged(result.conversation_ids, result.new))
        return result.new

    # ------------------------------------------------------------ receipts

    def take_receipt(self, account_key: str, receipt: Receipt) -> None:
        status = DeliveryStatus.READ if receipt.status == "read" else DeliveryStatus.DELIVERED
        mids = set(receipt.mids)
        if receipt.watermark is not None:
            mids |= set(self._ours_until(account_key, receipt))
        for mid in sorted(mids):
            try:
                moved = self.deliveries.record(account_key, mid, status.value, status.rank)
            except NotFound:
                log.warning("receipt for unknown account %s dropped", account_key)
                return
            if moved:
                conversation = self.store.conversation_of(account_key, mid)
                if conversation is not None:
                    self.events.publish(DeliveryChanged(conversation, status.value))

    def _ours_until(self, account_key: str, receipt: Receipt) -> list[str]:
        """Our messages to this customer up to the receipt's watermark."""
        assert receipt.watermark is not None
        m, c, a = Message.__table__.c, Conversation.__table__.c, ChannelAccount.__table__.c
        with self.store.engine.connect() as conn:
            return list(
                conn.execute(
                    select(m.provider_message_id)
                    .join(Conversation.__table__, c.id == m.conversation_id)
                    .join(ChannelAccount.__table__, a.id == m.account_id)
                    .where(
                        a.key == account_key,
                        c.thread_key == thread_key(receipt.platform, receipt.customer),
                        m.direction == Direction.OUTBOUND.value,
                        m.sent_at <= receipt.watermark + CLOCK_SKEW,
                        m.sent_at >= receipt.watermark - RECEIPT_REACH,
                    )
                ).scalars()
            )

    # ------------------------------------------------------------ exactly once

    def _close_cut_off_send(self, account_key: str, echo: PageMessage) -> None:
        """The echo carries our outbox key back: a send the app was killed in is closed."""
        entry = self.outbox.by_key(echo.metadata or "")
        if entry is None or entry.state not in (OutboxState.SENDING, OutboxState.FAILED):
            return  # FAILED: closed as uncertain after a crash; the echo proves it went out
        self.outbox.mark_sent(entry.id, echo.mid)
        self.deliveries.record(
            account_key, echo.mid, DeliveryStatus.SENT.value, DeliveryStatus.SENT.rank
        )
        label = echo.platform.label
        self.events.publish(ReplyStatus(entry.conversation_id, "sent", f"Reply sent on {label}."))
        log.info("outbox %s closed by its message echo %s", entry.key, echo.mid)
