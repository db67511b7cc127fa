"""Taking WhatsApp messages and delivery statuses into the store, whichever way they came
(webhook or polling): every message stored once (the database's unique key on the provider's
message id decides, not a check in memory), statuses only moving forward, and a send cut off by
a crash closed by the status callback that carries its outbox key back (Meta)."""

from __future__ import annotations

import logging
import mimetypes
from collections.abc import Iterable
from datetime import UTC, datetime

from gastro_hub_desktop.channels.whatsapp.types import DeliveryStatus, Inbound, StatusUpdate
from gastro_hub_desktop.domain.conversations import OutboxState
from gastro_hub_desktop.domain.messages import Attachment, Channel, Direction, IncomingMessage
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

log = logging.getLogger(__name__)


def thread_key(customer: str) -> str:
    return f"whatsapp:{customer}"


def incoming(account_key: str, m: Inbound) -> IncomingMessage:
    return IncomingMessage(
        channel=Channel.WHATSAPP,
        account_key=account_key,
        provider_message_id=m.provider_message_id,
        direction=Direction.OUTBOUND if m.outbound else Direction.INBOUND,
        counterpart_address=m.customer,
        counterpart_name=m.customer_name if not m.outbound else "",
        author_name="You" if m.outbound else None,
        text=m.text,
        sent_at=m.sent_at,
        thread_key=thread_key(m.customer),
        attachments=tuple(
            Attachment(
                media.filename or _name_for(media.content_type, n),
                media.content_type,
                media.size or 0,
                ref=media.ref,
            )
            for n, media in enumerate(m.media, 1)
        ),
        problem=m.problem,
    )


def _name_for(content_type: str, n: int) -> str:
    kind = content_type.split("/")[0] if content_type else "file"
    names = {"image": "picture", "audio": "voice message", "video": "video"}
    extension = mimetypes.guess_extension(content_type.split(";")[0].strip()) or ""
    return f"{names.get(kind, 'document')} {n}{extension}"


def sent_message(account_key: str, entry: OutboxEntry, provider_message_id: str) -> IncomingMessage:
    """Our reply as it goes into the conversation once the provider has taken it."""
    payload = entry.payload
    text = payload.get("text") or template_text(payload.get("template"))
    return IncomingMessage(
        channel=Channel.WHATSAPP,
        account_key=account_key,
        provider_message_id=provider_message_id,
        direction=Direction.OUTBOUND,
        counterpart_address=payload["to"],
        counterpart_name="",
        author_name="You",
        text=text,
        sent_at=datetime.now(UTC),
        thread_key=thread_key(payload["to"]),
    )


def template_text(template: dict[str, object] | None) -> str:
    if not template:
        return ""
    values = template.get("variables") or {}
    shown = ", ".join(str(v) for v in values.values()) if isinstance(values, dict) else ""
    label = template.get("label") or template.get("ref")
    return f"[template {label}]" + (f" {shown}" if shown else "")


class WhatsAppIntake:
    def __init__(self, store: Store, events: EventBus) -> None:
        self.store = store
        self.events = events
        self.deliveries = Deliveries(store)
        self.outbox = Outbox(store)

    def take(self, batch: list[Received]) -> list[bool | Exception]:
        """Store a batch of webhook requests: one transaction for their messages, receipts
        written after (a crash in between makes the provider's retry a harmless duplicate)."""
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
            # one request the store refuses must not hold the others back: one at a time
            log.exception("a batch of %d webhook requests failed; storing one by one", len(fresh))
            for item in fresh:
                try:
                    self._take_all([item])
                except Exception as exc:
                    log.exception("webhook request for %s could not be stored", item.account_key)
                    outcome[batch.index(item)] = exc
        return outcome

    def _take_all(self, items: list[Received]) -> None:
        messages: list[IncomingMessage] = []
        for item in items:
            messages.extend(incoming(item.account_key, m) for m in item.result.messages)
        self.store_messages(messages)
        for item in items:
            self.take_statuses(item.account_key, item.result.statuses)
        self.deliveries.take_receipts([item.digest for item in items])

    def store_messages(self, messages: list[IncomingMessage]) -> int:
        if not messages:
            return 0
        result = self.store.ingest(messages)
        if result.new or result.conversation_ids:
            self.events.publish(ConversationsChanged(result.conversation_ids, result.new))
        return result.new

    def take_statuses(self, account_key: str, statuses: Iterable[StatusUpdate]) -> None:
        for s in statuses:
            if s.callback_data:
                self._close_cut_off_send(account_key, s)
            error = s.error_text or (f"error {s.error_code}" if s.error_code else None)
            try:
                moved = self.deliveries.record(
                    account_key, s.provider_message_id, s.status.value, s.status.rank, error
                )
            except NotFound:
                log.warning("status for unknown account %s dropped", account_key)
                continue
            if moved:
                conversation = self.store.conversation_of(account_key, s.provider_message_id)
                if conversation is not None:
                    self.events.publish(DeliveryChanged(conversation, s.status.value, error))
                    if s.status is DeliveryStatus.FAILED:  # e.g. 63016 / 131047 after the send
                        text = error or "WhatsApp could not deliver the message."
                        self.events.publish(ReplyStatus(conversation, "failed", text))

    def _close_cut_off_send(self, account_key: str, s: StatusUpdate) -> None:
        """Meta carries our outbox key back: a send the app was killed in is closed here."""
        entry = self.outbox.by_key(s.callback_data or "")
        if entry is None or entry.state not in (OutboxState.SENDING, OutboxState.FAILED):
            return  # FAILED: closed as uncertain after a crash; this proves it went out
        self.outbox.mark_sent(entry.id, s.provider_message_id)
        self.store_messages([sent_message(account_key, entry, s.provider_message_id)])
        self.events.publish(ReplyStatus(entry.conversation_id, "sent", "Reply sent on WhatsApp."))
        log.info("outbox %s closed by its status callback", entry.key)
