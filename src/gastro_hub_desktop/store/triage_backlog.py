"""Messages waiting for triage, read in id order behind a watermark kept in the app settings,
and triage's verdicts written back (language, urgency, intent, automated) with the
conversations that now need a reply drafted."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import bindparam, exists, func, select, update

from gastro_hub_desktop.domain.conversations import ConversationStatus
from gastro_hub_desktop.domain.messages import Direction
from gastro_hub_desktop.domain.triage import Triage
from gastro_hub_desktop.store.repository import Store
from gastro_hub_desktop.store.schema import (
    AppSetting,
    Contact,
    Conversation,
    Draft,
    Message,
    utcnow,
)

WATERMARK = "brain.triaged_up_to"
NOTABLE_SENT_WITHIN_HOURS = 24
FIRST_RUN_DAYS = 30  # on a database that had no triage yet, history older than this is left
_m = Message.__table__
_c = Conversation.__table__
_d = Draft.__table__
_contacts = Contact.__table__
_settings = AppSetting.__table__


@dataclass(frozen=True)
class WaitingMessage:
    id: int
    conversation_id: int
    channel: str
    author: str
    subject: str | None
    text: str
    automated: bool
    language: str | None
    urgency: str | None


@dataclass(frozen=True)
class NeedsReply:
    """A conversation whose newest message is a customer's, open, with no draft for it yet."""

    conversation_id: int
    message_id: int
    contact_id: int
    channel: str
    is_vip: bool
    language: str | None
    urgency: str | None
    intent: str | None
    sent_at: datetime
    stored_at: datetime
    contact_name: str = ""
    company: str | None = None
    contact_language: str | None = None


class TriageBacklog:
    def __init__(self, store: Store) -> None:
        self.store = store

    def watermark(self) -> int:
        with self.store.engine.connect() as conn:
            row = conn.execute(
                select(_settings.c.value).where(_settings.c.key == WATERMARK)
            ).first()
            if row is not None:
                return int(row.value)
            cutoff = utcnow() - timedelta(days=FIRST_RUN_DAYS)
            first = conn.execute(select(func.min(_m.c.id)).where(_m.c.sent_at >= cutoff)).scalar()
            if first is None:
                first = (conn.execute(select(func.max(_m.c.id))).scalar() or 0) + 1
            return int(first) - 1

    def waiting(self) -> int:
        """How many messages (of either direction) are behind the watermark."""
        with self.store.engine.connect() as conn:
            return int(
                conn.execute(select(func.count()).where(_m.c.id > self.watermark())).scalar_one()
            )

    def next_batch(self, limit: int = 500) -> tuple[list[WaitingMessage], int]:
        """Up to `limit` messages past the watermark, and the id the watermark may move to."""
        mark = self.watermark()
        with self.store.engine.connect() as conn, conn.begin():
            if conn.dialect.name == "postgresql":
                # ids come from a sequence: wait out inserts in flight, or one with a lower id
                # committing after this read would fall behind the watermark, never triaged
                from gastro_hub_desktop.store.office import wait_for_message_inserts

                wait_for_message_inserts(conn)
            rows = conn.execute(
                select(
                    _m.c.id,
                    _m.c.conversation_id,
                    _m.c.direction,
                    _m.c.author,
                    _m.c.subject,
                    _m.c.text,
                    _m.c.automated,
                    _m.c.language,
                    _m.c.urgency,
                    _c.c.channel,
                    _c.c.counterpart,
                )
                .join(_c, _c.c.id == _m.c.conversation_id)
                .where(_m.c.id > mark)
                .order_by(_m.c.id)
                .limit(limit)
            ).all()
        waiting = [
            WaitingMessage(
                r.id,
                r.conversation_id,
                r.channel,
                r.counterpart or r.author,
                r.subject,
                r.text,
                bool(r.automated),
                r.language,
                r.urgency,
            )
            for r in rows
            if r.direction == Direction.INBOUND.value
        ]
        return waiting, (rows[-1].id if rows else mark)

    def record(self, verdicts: Sequence[tuple[WaitingMessage, Triage]], up_to: int) -> set[int]:
        """Write the verdicts and move the watermark to `up_to`, in one transaction. Returns
        the conversations whose messages were triaged."""
        touched = {m.conversation_id for m, _ in verdicts}
        now = utcnow()
        with self.store._write() as conn:
            if verdicts:
                conn.execute(
                    update(_m)
                    .where(_m.c.id == bindparam("b_id"))
                    .values(
                        intent=bindparam("b_intent"),
                        language=bindparam("b_language"),
                        urgency=bindparam("b_urgency"),
                        automated=bindparam("b_automated"),
                    ),
                    [
                        {
                            "b_id": m.id,
                            "b_intent": t.intent.value,
                            # what the source said (an import's labels) is kept
                            "b_language": m.language or t.language,
                            "b_urgency": m.urgency or t.urgency.value,
                            "b_automated": m.automated or t.automated,
                        }
                        for m, t in verdicts
                    ],
                )
                ranks: dict[int, int] = {}
                for m, t in verdicts:
                    if not (m.automated or t.automated):
                        rank = _rank(m.urgency or t.urgency.value)
                        ranks[m.conversation_id] = min(rank, ranks.get(m.conversation_id, rank))
                for conversation_id, rank in ranks.items():
                    conn.execute(
                        update(_c)
                        .where(
                            _c.c.id == conversation_id,
                            (_c.c.urgency_rank.is_(None)) | (_c.c.urgency_rank > rank),
                        )
                        .values(urgency_rank=rank)
                    )
                newly_automated = {
                    m.conversation_id for m, t in verdicts if t.automated and not m.automated
                }
                if newly_automated:
                    people = exists().where(
                        _m.c.conversation_id == _c.c.id, _m.c.automated.is_(False)
                    )
                    conn.execute(
                        update(_c)
                        .where(_c.c.id.in_(newly_automated), ~people)
                        .values(automated=True, unread=0)
                    )
            changed = conn.execute(
                update(_settings)
                .where(_settings.c.key == WATERMARK)
                .values(value=up_to, updated_at=now)
            ).rowcount
            if not changed:
                conn.execute(
                    _settings.insert(), {"key": WATERMARK, "value": up_to, "updated_at": now}
                )
        return touched

    def needing_reply(self, conversation_ids: set[int], recent_days: int = 14) -> list[NeedsReply]:
        """Of these conversations, the ones to draft a reply for: open, not automated, the
        newest message a customer's from the last `recent_days`, without a draft for it."""
        if not conversation_ids:
            return []
        cutoff = utcnow() - timedelta(days=recent_days)
        latest = _m.alias("latest")
        newest = (
            select(latest.c.id)
            .where(latest.c.conversation_id == _c.c.id)
            .order_by(latest.c.sent_at.desc(), latest.c.id.desc())
            .limit(1)
            .correlate(_c)
            .scalar_subquery()
        )
        out: list[NeedsReply] = []
        ids = sorted(conversation_ids)
        with self.store.engine.connect() as conn:
            for start in range(0, len(ids), 500):
                rows = conn.execute(
                    select(
                        _c.c.id,
                        _c.c.contact_id,
                        _c.c.channel,
                        _contacts.c.is_vip,
                        _contacts.c.display_name,
                        _contacts.c.company,
                        _contacts.c.language.label("contact_language"),
                        _m.c.id.label("message_id"),
                        _m.c.direction,
                        _m.c.automated,
                        _m.c.language,
                        _m.c.urgency,
                        _m.c.intent,
                        _m.c.sent_at,
                        _m.c.stored_at,
                    )
                    .select_from(_c)
                    .join(_contacts, _contacts.c.id == _c.c.contact_id)
                    .join(_m, _m.c.id == newest)
                    .where(
                        _c.c.id.in_(ids[start : start + 500]),
                        _c.c.status == ConversationStatus.OPEN.value,
                        _c.c.automated.is_(False),
                        ~exists().where(_d.c.message_id == _m.c.id),
                    )
                ).all()
                out.extend(
                    NeedsReply(
                        r.id,
                        r.message_id,
                        r.contact_id,
                        r.channel,
                        bool(r.is_vip),
                        r.language,
                        r.urgency,
                        r.intent,
                        r.sent_at,
                        r.stored_at,
                        r.display_name,
                        r.company,
                        r.contact_language,
                    )
                    for r in rows
                    if r.direction == Direction.INBOUND.value
                    and not r.automated
                    and r.sent_at >= cutoff
                )
        return out


def _rank(urgency: str) -> int:
    from gastro_hub_desktop.domain.messages import Urgency

    try:
        return Urgency(urgency).rank
    except ValueError:
        return Urgency.NORMAL.rank


__all__ = ["NeedsReply", "TriageBacklog", "WaitingMessage"]


@dataclass(frozen=True)
class Notable:
    """A fresh customer message the tray should raise: urgent / crisis, or from a VIP."""

    conversation_id: int
    message_id: int
    sender: str
    first_line: str
    channel: str
    urgency: str | None
    vip: bool


def notable(store: Store, message_ids: list[int], fresh_minutes: int = 15) -> list[Notable]:
    """Of these messages, the customers' urgent or VIP ones stored in the last minutes and
    written in the last day (an import of old mail raises nothing)."""
    if not message_ids:
        return []
    cutoff = utcnow() - timedelta(minutes=fresh_minutes)
    out: list[Notable] = []
    with store.engine.connect() as conn:
        for start in range(0, len(message_ids), 500):
            rows = conn.execute(
                select(
                    _m.c.id,
                    _m.c.conversation_id,
                    _m.c.text,
                    _m.c.subject,
                    _m.c.urgency,
                    _c.c.channel,
                    _contacts.c.display_name,
                    _contacts.c.is_vip,
                )
                .join(_c, _c.c.id == _m.c.conversation_id)
                .join(_contacts, _contacts.c.id == _c.c.contact_id)
                .where(
                    _m.c.id.in_(message_ids[start : start + 500]),
                    _m.c.direction == Direction.INBOUND.value,
                    _m.c.automated.is_(False),
                    _m.c.stored_at >= cutoff,
                    _m.c.sent_at >= utcnow() - timedelta(hours=NOTABLE_SENT_WITHIN_HOURS),
                    (_m.c.urgency.in_(("crisis", "urgent"))) | (_contacts.c.is_vip.is_(True)),
                )
                .order_by(_m.c.id)
            ).all()
            for r in rows:
                line = next((x.strip() for x in (r.text or "").splitlines() if x.strip()), "")
                out.append(
                    Notable(
                        r.conversation_id,
                        r.id,
                        r.display_name,
                        (r.subject + ": " if r.subject else "") + line[:140],
                        r.channel,
                        r.urgency,
                        bool(r.is_vip),
                    )
                )
    return out
