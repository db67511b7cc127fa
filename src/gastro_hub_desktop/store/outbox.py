"""The outbox: replies waiting to be sent. Each has an idempotency key that is also the
message's identity at the provider, so a send interrupted by a crash can be checked, not
blindly repeated."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, select, update

from gastro_hub_desktop.domain.conversations import OutboxState
from gastro_hub_desktop.store.drafts import Drafts
from gastro_hub_desktop.store.repository import NotFound, Store
from gastro_hub_desktop.store.schema import (
    ChannelAccount,
    Conversation,
    Draft,
    Message,
    OutboxItem,
    utcnow,
)

_outbox = OutboxItem.__table__
_accounts = ChannelAccount.__table__
_conversations = Conversation.__table__
_messages = Message.__table__
_drafts = Draft.__table__


@dataclass(frozen=True)
class ReplyContext:
    """What a reply needs to know about its conversation."""

    conversation_id: int
    account_key: str
    account_settings: dict[str, Any]
    counterpart: str
    subject: str | None
    thread_key: str
    message_ids: tuple[str, ...]  # oldest first, for References


@dataclass(frozen=True)
class OutboxEntry:
    id: int
    key: str
    conversation_id: int
    payload: dict[str, Any]
    state: OutboxState
    attempts: int


class Outbox:
    def __init__(self, store: Store) -> None:
        self.store = store

    def reply_context(self, conversation_id: int) -> ReplyContext:
        c, a, m = _conversations.c, _accounts.c, _messages.c
        with self.store.engine.connect() as conn:
            row = conn.execute(
                select(c.id, c.counterpart, c.subject, c.thread_key, a.key, a.settings)
                .join(_accounts, a.id == c.account_id)
                .where(c.id == conversation_id)
            ).one_or_none()
            if row is None:
                raise NotFound(f"conversation {conversation_id} does not exist")
            ids = tuple(
                conn.execute(
                    select(m.provider_message_id)
                    .where(m.conversation_id == conversation_id)
                    .order_by(m.sent_at, m.id)
                ).scalars()
            )
        return ReplyContext(
            row.id, row.key, row.settings or {}, row.counterpart, row.subject, row.thread_key, ids
        )

    def queue(
        self,
        conversation_id: int,
        account_key: str,
        payload: dict[str, Any],
        key: str | None = None,
        auto: bool = False,
    ) -> OutboxEntry:
        """Put a reply in the outbox; the draft of the conversation becomes approved (an AI
        draft records whether it went out unchanged, edited or automatically)."""
        key = key or uuid.uuid4().hex
        now = utcnow()
        with self.store._write() as conn:
            account_id = conn.execute(
                select(_accounts.c.id).where(_accounts.c.key == account_key)
            ).scalar_one()
            entry_id = conn.execute(
                insert(_outbox).returning(_outbox.c.id),
                {
                    "idempotency_key": key,
                    "conversation_id": conversation_id,
                    "draft_id": None,
                    "account_id": account_id,
                    "payload": payload,
                    "state": OutboxState.QUEUED.value,
                    "attempts": 0,
                    "created_at": now,
                    "updated_at": now,
                },
            ).scalar_one()
            sent_text = str(payload.get("text") or payload.get("body") or "")
            draft_id = Drafts.decide_on_send(conn, conversation_id, sent_text, now, auto=auto)
            if draft_id is not None:
                conn.execute(
                    update(_outbox).where(_outbox.c.id == entry_id).values(draft_id=draft_id)
                )
            self.store._audit(
                conn,
                "auto-reply" if auto else "user",
                "reply.queue",
                "conversation",
                conversation_id,
                {"outbox": key},
            )
        return OutboxEntry(entry_id, key, conversation_id, payload, OutboxState.QUEUED, 0)

    def pending(self, account_key: str) -> list[OutboxEntry]:
        o = _outbox.c
        with self.store.engine.connect() as conn:
            rows = conn.execute(
                select(o.id, o.idempotency_key, o.conversation_id, o.payload, o.state, o.attempts)
                .join(_accounts, _accounts.c.id == o.account_id)
                .where(
                    _accounts.c.key == account_key,
                    o.state.in_((OutboxState.QUEUED.value, OutboxState.SENDING.value)),
                )
                .order_by(o.id)
            ).all()
        return [
            OutboxEntry(
                r.id,
                r.idempotency_key,
                r.conversation_id,
                r.payload,
                OutboxState(r.state),
                r.attempts,
            )
            for r in rows
        ]

    def by_key(self, key: str) -> OutboxEntry | None:
        """The entry with this idempotency key (e.g. carried back by a status callback)."""
        o = _outbox.c
        with self.store.engine.connect() as conn:
            r = conn.execute(
                select(
                    o.id, o.idempotency_key, o.conversation_id, o.payload, o.state, o.attempts
                ).where(o.idempotency_key == key)
            ).one_or_none()
        if r is None:
            return None
        return OutboxEntry(
            r.id, r.idempotency_key, r.conversation_id, r.payload, OutboxState(r.state), r.attempts
        )

    def begin_attempt(self, entry_id: int) -> int:
        """Record that a send is about to happen (committed before anything leaves)."""
        o = _outbox.c
        with self.store._write() as conn:
            conn.execute(
                update(_outbox)
                .where(o.id == entry_id)
                .values(
                    state=OutboxState.SENDING.value, attempts=o.attempts + 1, updated_at=utcnow()
                )
            )
            return conn.execute(select(o.attempts).where(o.id == entry_id)).scalar_one()

    def mark_sent(self, entry_id: int, provider_message_id: str) -> None:
        now = utcnow()
        with self.store._write() as conn:
            conn.execute(
                update(_outbox)
                .where(_outbox.c.id == entry_id)
                .values(
                    state=OutboxState.SENT.value,
                    provider_message_id=provider_message_id,
                    sent_at=now,
                    updated_at=now,
                    last_error=None,
                )
            )

    def mark_failed(self, entry_id: int, error: str, final: bool) -> None:
        with self.store._write() as conn:
            conn.execute(
                update(_outbox)
                .where(_outbox.c.id == entry_id)
                .values(
                    state=(OutboxState.FAILED if final else OutboxState.QUEUED).value,
                    last_error=error[:1000],
                    updated_at=utcnow(),
                )
            )

    def state(self, entry_id: int) -> tuple[OutboxState, int, str | None]:
        o = _outbox.c
        with self.store.engine.connect() as conn:
            r = conn.execute(
                select(o.state, o.attempts, o.last_error).where(o.id == entry_id)
            ).one()
        return OutboxState(r.state), r.attempts, r.last_error

    def hold_automatic(self, reason: str) -> int:
        """The kill switch: automatic replies still waiting in the outbox are not sent (they
        fail with `reason`; a person can still send the draft by hand). Returns how many."""
        o, d = _outbox.c, Draft.__table__.c
        automatic = select(d.id).where(d.auto_sent.is_(True)).scalar_subquery()
        with self.store._write() as conn:
            held = conn.execute(
                update(_outbox)
                .where(o.state == OutboxState.QUEUED.value, o.draft_id.in_(automatic))
                .values(state=OutboxState.FAILED.value, last_error=reason, updated_at=utcnow())
            ).rowcount
            if held:
                self.store._audit(conn, "user", "auto_reply.held", None, None, {"held": held})
        return int(held)
