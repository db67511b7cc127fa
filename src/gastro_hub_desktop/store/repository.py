"""The store's one door: ingest once, list the inbox, open, snooze, finish, draft, search."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from typing import Any, NamedTuple

from sqlalchemy import (
    Connection,
    Engine,
    and_,
    bindparam,
    func,
    insert,
    or_,
    select,
    tuple_,
    update,
)
from sqlalchemy.exc import IntegrityError

from gastro_hub_desktop.domain.contacts import handle_for, signature_phone
from gastro_hub_desktop.domain.conversations import (
    ConversationDetail,
    ConversationRow,
    ConversationStatus,
    DraftState,
    DraftView,
    InboxFilter,
    MessageView,
    SearchHit,
    StatusFilter,
)
from gastro_hub_desktop.domain.messages import (
    TAB_OF_CHANNEL,
    Attachment,
    Channel,
    ChannelTab,
    Direction,
    IncomingMessage,
    Urgency,
    channels_of_tab,
)
from gastro_hub_desktop.store import fulltext
from gastro_hub_desktop.store.db import is_sqlite, open_engine
from gastro_hub_desktop.store.sanitize import sanitize_html
from gastro_hub_desktop.store.schema import (
    AuditEntry,
    ChannelAccount,
    Contact,
    ContactHandle,
    Conversation,
    DeliveryStatus,
    Draft,
    Message,
    SyncPosition,
    utcnow,
)
from gastro_hub_desktop.store.threading import assign_threads, subject_key

log = logging.getLogger(__name__)

SNIPPET_LENGTH = 160
# SQLite allows 32766 bound parameters; keep IN lists well below and batches moderate.
IN_CHUNK = 500
URGENCIES = list(Urgency)
ACTIVE_DRAFT_STATES = (DraftState.PROPOSED.value, DraftState.EDITED.value)

_accounts = ChannelAccount.__table__
_contacts = Contact.__table__
_handles = ContactHandle.__table__
_conversations = Conversation.__table__
_messages = Message.__table__
_drafts = Draft.__table__
_audit = AuditEntry.__table__
_positions = SyncPosition.__table__
_delivery = DeliveryStatus.__table__


# What an inbox row (ConversationRow) is made of.
_ROW_COLUMNS = (
    _conversations.c.id,
    _conversations.c.channel,
    _contacts.c.display_name,
    _conversations.c.counterpart,
    _conversations.c.subject,
    _conversations.c.snippet,
    _conversations.c.last_message_at,
    _conversations.c.status,
    _conversations.c.snoozed_until,
    _conversations.c.urgency_rank,
    _contacts.c.is_vip,
    _conversations.c.unread,
    _conversations.c.message_count,
)


class NotFound(LookupError):
    """The conversation (or other record) asked for does not exist (any more)."""


class FolderPosition(NamedTuple):
    """How far an account has read one folder (IMAP: UIDVALIDITY and the last UID)."""

    account_key: str
    folder: str
    validity: int
    last_uid: int


@dataclass(frozen=True, slots=True)
class IngestOutcome:
    new: int
    duplicates: int
    conversation_ids: frozenset[int] = field(default=frozenset())


@dataclass(frozen=True, slots=True)
class StoreStats:
    messages: int
    conversations: int
    contacts: int
    open_conversations: int


@lru_cache(maxsize=65536)
def _handle(channel: Channel, address: str) -> tuple[str, str]:
    return handle_for(channel, address)


def _attachment_row(a: Attachment) -> dict[str, Any]:
    row: dict[str, Any] = {"filename": a.filename, "content_type": a.content_type, "size": a.size}
    if a.ref:
        row["ref"] = a.ref
    return row


def _snippet(text: str) -> str:
    return " ".join(text.split())[:SNIPPET_LENGTH]


def _insert_with_ids(conn: Connection, table: Any, rows: list[dict[str, Any]]) -> list[int]:
    """Insert `rows`; their new ids, in the rows' order.

    SQLite cannot promise RETURNING order, so SQLAlchemy would insert row by row there. The
    ids are given instead: the write transaction (BEGIN IMMEDIATE) holds the database lock,
    and max(id) + 1... is what SQLite itself would pick for these rowid tables."""
    if conn.dialect.name == "sqlite":
        start = conn.execute(select(func.coalesce(func.max(table.c.id), 0))).scalar_one() + 1
        ids = list(range(start, start + len(rows)))
        conn.execute(insert(table), [{**row, "id": i} for row, i in zip(rows, ids, strict=True)])
        return ids
    returning = insert(table).returning(table.c.id, sort_by_parameter_order=True)
    return list(conn.execute(returning, rows).scalars())


def _chunks(items: Sequence[Any], size: int = IN_CHUNK) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class Store:
    """All reads and writes of the app's data. Thread-safe: each call uses its own connection."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._account_ids: dict[str, int] = {}

    @classmethod
    def open(cls, url: str, application_name: str | None = None) -> Store:
        """Open (and migrate to the newest schema) the database at `url`."""
        from gastro_hub_desktop.store import migrate

        engine = open_engine(url, application_name=application_name)
        migrate.upgrade(engine)
        return cls(engine)

    def close(self) -> None:
        self.engine.dispose()

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        conn = self.engine.connect()
        if is_sqlite(self.engine):
            conn = conn.execution_options(sqlite_begin="IMMEDIATE")
        try:
            with conn.begin():
                yield conn
        finally:
            conn.close()

    # ---------------------------------------------------------------- ingest

    def ingest(
        self,
        messages: Iterable[IncomingMessage],
        batch_size: int = 2000,
        position: FolderPosition | None = None,
    ) -> IngestOutcome:
        """Store messages not seen before; a message already stored is counted, never doubled.

        Each batch is one transaction: when this returns, every counted message is durable.
        `position` (a sync's progress) is recorded in the same transaction as the last batch,
        so it never gets ahead of what is stored (and costs no commit of its own).
        """
        new = duplicates = 0
        touched: set[int] = set()
        batch: list[IncomingMessage] = []
        for message in messages:
            batch.append(message)
            if len(batch) >= batch_size:
                n, d, ids = self._ingest_batch(batch)
                new, duplicates = new + n, duplicates + d
                touched |= ids
                batch = []
        if batch or position is not None:
            n, d, ids = self._ingest_batch(batch, position)
            new, duplicates = new + n, duplicates + d
            touched |= ids
        return IngestOutcome(new, duplicates, frozenset(touched))

    def _ingest_batch(
        self, batch: list[IncomingMessage], position: FolderPosition | None = None
    ) -> tuple[int, int, set[int]]:
        for attempt in range(3):
            try:
                return self._ingest_batch_once(batch, position)
            except IntegrityError:
                # another writer stored one of these messages (or created the account) between
                # our check and our insert: the unique constraint refused the double; the next
                # attempt sees their rows and counts ours as duplicates
                self._account_ids.clear()
                if attempt == 2:
                    raise
            except Exception:
                self._account_ids.clear()  # an account created in the rolled-back batch is gone
                raise
        raise AssertionError("unreachable")

    def _ingest_batch_once(
        self, batch: list[IncomingMessage], position: FolderPosition | None = None
    ) -> tuple[int, int, set[int]]:
        with self._write() as conn:
            outcome = self._store_new(conn, batch)
            if position is not None:
                self._save_position(conn, *position)
            return outcome

    def _store_new(
        self, conn: Connection, batch: list[IncomingMessage]
    ) -> tuple[int, int, set[int]]:
        account_ids = self._account_ids_for(conn, batch)
        fresh = self._drop_known(conn, batch, account_ids)
        duplicates = len(batch) - len(fresh)
        if not fresh:
            return 0, duplicates, set()
        contact_ids = self._contacts_for(conn, fresh)
        assign_threads(conn, fresh, account_ids)
        conversation_ids = self._conversations_for(conn, fresh, account_ids, contact_ids)
        now = utcnow()
        rows = []
        for m in fresh:
            rows.append(
                {
                    "conversation_id": conversation_ids[(account_ids[m.account_key], m.thread_key)],
                    "account_id": account_ids[m.account_key],
                    "provider_message_id": m.provider_message_id,
                    "direction": m.direction.value,
                    "author": m.author_name or m.counterpart_name or m.counterpart_address,
                    "subject": m.subject,
                    "text": m.text,
                    "html": sanitize_html(m.html),
                    "attachments": [_attachment_row(a) for a in m.attachments] or None,
                    "sent_at": m.sent_at,
                    "stored_at": now,
                    "language": m.language,
                    "urgency": m.urgency.value if m.urgency else None,
                    "problem": m.problem,
                    "automated": m.automated,
                }
            )
        if conn.dialect.name == "postgresql":
            from gastro_hub_desktop.store.office import lock_for_message_insert

            lock_for_message_insert(conn)
        # RETURNING makes SQLAlchemy send multi-row INSERTs ("insertmanyvalues"): with the
        # full-text trigger, one statement per row cost SQLite a statement journal each
        # (~2.5x the time of the same rows in a few statements).
        conn.execute(insert(_messages).returning(_messages.c.id), rows).close()
        return len(fresh), duplicates, set(conversation_ids.values())

    def _account_ids_for(self, conn: Connection, batch: list[IncomingMessage]) -> dict[str, int]:
        wanted = {m.account_key: m.channel for m in batch}
        missing = [k for k in wanted if k not in self._account_ids]
        if missing:
            found = conn.execute(
                select(_accounts.c.key, _accounts.c.id).where(_accounts.c.key.in_(missing))
            ).all()
            ids = dict(found)  # type: ignore[arg-type]
            for key in missing:
                if key not in ids:
                    ids[key] = conn.execute(
                        insert(_accounts).returning(_accounts.c.id),
                        {
                            "key": key,
                            "channel": wanted[key].value,
                            "display_name": key,
                            "settings": {},
                            "created_at": utcnow(),
                        },
                    ).scalar_one()
            self._account_ids.update(ids)
        return {k: self._account_ids[k] for k in wanted}

    def _drop_known(
        self, conn: Connection, batch: list[IncomingMessage], account_ids: dict[str, int]
    ) -> list[IncomingMessage]:
        keys = {(account_ids[m.account_key], m.provider_message_id) for m in batch}
        known: set[tuple[int, str]] = set()
        by_account: dict[int, list[str]] = {}
        for account_id, pid in keys:
            by_account.setdefault(account_id, []).append(pid)
        for account_id, pids in by_account.items():
            for chunk in _chunks(pids):
                found = conn.execute(
                    select(_messages.c.provider_message_id).where(
                        _messages.c.account_id == account_id,
                        _messages.c.provider_message_id.in_(chunk),
                    )
                ).scalars()
                known.update((account_id, pid) for pid in found)
        fresh: list[IncomingMessage] = []
        for m in batch:
            key = (account_ids[m.account_key], m.provider_message_id)
            if key in known:
                continue
            known.add(key)  # a message twice in one batch is stored once
            fresh.append(m)
        return fresh

    def _contacts_for(
        self, conn: Connection, fresh: list[IncomingMessage]
    ) -> dict[tuple[str, str], int]:
        names: dict[tuple[str, str], IncomingMessage] = {}
        for m in fresh:
            names.setdefault(_handle(m.channel, m.counterpart_address), m)
        handles = list(names)
        ids: dict[tuple[str, str], int] = {}
        for chunk in _chunks(handles, IN_CHUNK // 2):
            for kind, value, contact_id in conn.execute(
                select(_handles.c.kind, _handles.c.value, _handles.c.contact_id).where(
                    tuple_(_handles.c.kind, _handles.c.value).in_(list(chunk))
                )
            ):
                ids[(kind, value)] = contact_id
        missing = self._link_by_signature_phone(conn, names, ids)
        if missing:
            now = utcnow()
            created = _insert_with_ids(
                conn,
                _contacts,
                [
                    {
                        "display_name": names[h].counterpart_name or names[h].counterpart_address,
                        "company": None,
                        "language": names[h].language,
                        "vip_score": 0.0,
                        "vip_manual": None,
                        "is_vip": False,
                        "created_at": now,
                    }
                    for h in missing
                ],
            )
            for h, contact_id in zip(missing, created, strict=True):
                ids[h] = contact_id
            conn.execute(
                insert(_handles),
                [{"contact_id": ids[h], "kind": h[0], "value": h[1]} for h in missing],
            )
        self._add_signature_phones(conn, names, ids)
        return ids

    def _signature_phones(
        self, conn: Connection, names: dict[tuple[str, str], IncomingMessage]
    ) -> dict[tuple[str, str], str]:
        """Email handle → the phone its sender gives in their signature (not one of ours)."""
        found = {
            h: phone
            for h, m in names.items()
            if h[0] == "email"
            and m.direction is Direction.INBOUND
            and (phone := signature_phone(m.text)) is not None
        }
        if found:
            ours = {
                key.removeprefix("whatsapp:")
                for key in conn.execute(
                    select(_accounts.c.key).where(_accounts.c.key.like("whatsapp:%"))
                ).scalars()
            }
            found = {h: p for h, p in found.items() if p not in ours}
        return found

    def _owners(self, conn: Connection, phones: Iterable[str]) -> dict[str, int]:
        return {
            value: contact_id
            for value, contact_id in conn.execute(
                select(_handles.c.value, _handles.c.contact_id).where(
                    _handles.c.kind == "phone", _handles.c.value.in_(list(set(phones)))
                )
            )
        }

    def _link_by_signature_phone(
        self,
        conn: Connection,
        names: dict[tuple[str, str], IncomingMessage],
        ids: dict[tuple[str, str], int],
    ) -> list[tuple[str, str]]:
        """A new email address whose signature gives a phone we know (e.g. from WhatsApp)
        joins that contact; the handles still without a contact are returned."""
        missing = [h for h in names if h not in ids]
        phones = self._signature_phones(conn, {h: names[h] for h in missing})
        owners = self._owners(conn, phones.values()) if phones else {}
        linked = [h for h in missing if phones.get(h) in owners]
        for h in linked:
            ids[h] = owners[phones[h]]
        if linked:
            conn.execute(
                insert(_handles),
                [{"contact_id": ids[h], "kind": h[0], "value": h[1]} for h in linked],
            )
        return [h for h in missing if h not in ids]

    def _add_signature_phones(
        self,
        conn: Connection,
        names: dict[tuple[str, str], IncomingMessage],
        ids: dict[tuple[str, str], int],
    ) -> None:
        """A phone an email sender gives in their signature becomes one of their handles (when
        nobody has it yet), so their WhatsApp messages later join the same contact."""
        phones = self._signature_phones(conn, names)
        if not phones:
            return
        owners = self._owners(conn, phones.values())
        rows: dict[str, int] = {}
        for h, phone in phones.items():
            if phone not in owners and phone not in rows:
                rows[phone] = ids[h]
        if rows:
            conn.execute(
                insert(_handles),
                [{"contact_id": c, "kind": "phone", "value": p} for p, c in rows.items()],
            )

    def _conversations_for(
        self,
        conn: Connection,
        fresh: list[IncomingMessage],
        account_ids: dict[str, int],
        contact_ids: dict[tuple[str, str], int],
    ) -> dict[tuple[int, str], int]:
        groups: dict[tuple[int, str], list[IncomingMessage]] = {}
        for m in fresh:
            groups.setdefault((account_ids[m.account_key], m.thread_key), []).append(m)
        keys = list(groups)
        existing: dict[tuple[int, str], Any] = {}
        c = _conversations.c
        for chunk in _chunks(keys, IN_CHUNK // 2):
            for row in conn.execute(
                select(
                    c.id,
                    c.account_id,
                    c.thread_key,
                    c.last_message_at,
                    c.urgency_rank,
                    c.subject,
                    c.status,
                    c.snoozed_until,
                    c.automated,
                ).where(tuple_(c.account_id, c.thread_key).in_(list(chunk)))
            ):
                existing[(row.account_id, row.thread_key)] = row
        new_rows: list[dict[str, Any]] = []
        new_keys: list[tuple[int, str]] = []
        updates: list[dict[str, Any]] = []
        for key, messages in groups.items():
            latest = max(messages, key=lambda m: m.sent_at)
            inbound_all = [m for m in messages if m.direction is Direction.INBOUND]
            # newsletters and notifications are stored but never counted unread or urgent
            inbound = [m for m in inbound_all if not m.automated]
            only_automated = bool(inbound_all) and not inbound
            ranks = [m.urgency.rank for m in inbound if m.urgency is not None]
            subject = next((m.subject for m in messages if m.subject), None)
            old = existing.get(key)
            if old is None:
                first = min(messages, key=lambda m: m.sent_at)
                new_keys.append(key)
                new_rows.append(
                    {
                        "account_id": key[0],
                        "channel": first.channel.value,
                        "thread_key": key[1],
                        "contact_id": contact_ids[
                            _handle(first.channel, first.counterpart_address)
                        ],
                        "counterpart": first.counterpart_address,
                        "subject": subject,
                        "subject_key": subject_key(subject),
                        "status": ConversationStatus.OPEN.value,
                        "snoozed_until": None,
                        "last_message_at": latest.sent_at,
                        "snippet": _snippet(latest.text),
                        "urgency_rank": min(ranks) if ranks else None,
                        "unread": len(inbound),
                        "automated": only_automated,
                        "message_count": len(messages),
                        "created_at": utcnow(),
                    }
                )
                continue
            newer = latest.sent_at >= old.last_message_at
            wakes = any(m.sent_at >= old.last_message_at for m in inbound)
            old_ranks = [old.urgency_rank] if old.urgency_rank is not None else []
            updates.append(
                {
                    "b_id": old.id,
                    "b_last": latest.sent_at if newer else old.last_message_at,
                    "b_snippet": _snippet(latest.text) if newer else None,
                    "b_rank": min(ranks + old_ranks) if ranks + old_ranks else None,
                    "b_subject": old.subject or subject,
                    "b_unread": len(inbound),
                    "b_count": len(messages),
                    # A customer writing again reopens a finished or snoozed conversation.
                    "b_status": ConversationStatus.OPEN.value if wakes else old.status,
                    "b_snoozed": None if wakes else old.snoozed_until,
                    "b_automated": bool(old.automated) and (only_automated or not inbound_all),
                }
            )
        ids: dict[tuple[int, str], int] = {k: row.id for k, row in existing.items()}
        if new_rows:
            created = _insert_with_ids(conn, _conversations, new_rows)
            for key, conversation_id in zip(new_keys, created, strict=True):
                ids[key] = conversation_id
        if updates:
            conn.execute(
                update(_conversations)
                .where(c.id == bindparam("b_id"))
                .values(
                    last_message_at=bindparam("b_last"),
                    snippet=func.coalesce(bindparam("b_snippet"), c.snippet),
                    urgency_rank=bindparam("b_rank"),
                    subject=bindparam("b_subject"),
                    unread=c.unread + bindparam("b_unread"),
                    message_count=c.message_count + bindparam("b_count"),
                    status=bindparam("b_status"),
                    snoozed_until=bindparam("b_snoozed"),
                    automated=bindparam("b_automated"),
                ),
                updates,
            )
        return ids

    # ---------------------------------------------------------------- inbox

    def _inbox_where(self, f: InboxFilter, now: datetime) -> list[Any]:
        c = _conversations.c
        where: list[Any] = []
        if f.channel is not None:
            where.append(c.channel == f.channel.value)
        elif f.tab is not None:
            where.append(c.channel.in_([ch.value for ch in channels_of_tab(f.tab)]))
        if f.status is StatusFilter.AUTOMATED:
            where.append(c.automated.is_(True))
        elif f.status is not StatusFilter.ALL:
            where.append(c.automated.is_(False))
        if f.status is StatusFilter.OPEN:
            where += [
                c.status == ConversationStatus.OPEN.value,
                or_(c.snoozed_until.is_(None), c.snoozed_until <= now),
            ]
        elif f.status is StatusFilter.SNOOZED:
            where += [c.status == ConversationStatus.OPEN.value, c.snoozed_until > now]
        elif f.status is StatusFilter.DONE:
            where.append(c.status == ConversationStatus.DONE.value)
        if f.urgencies:
            where.append(c.urgency_rank.in_([u.rank for u in f.urgencies]))
        if f.vip_only:
            where.append(_contacts.c.is_vip.is_(True))
        return where

    def inbox_count(self, f: InboxFilter, now: datetime | None = None) -> int:
        where = self._inbox_where(f, now or utcnow())
        query = select(func.count()).select_from(_conversations)
        if f.vip_only:
            query = query.join(_contacts, _contacts.c.id == _conversations.c.contact_id)
        with self.engine.connect() as conn:
            return conn.execute(query.where(and_(True, *where))).scalar_one()

    def inbox_page(
        self,
        f: InboxFilter,
        offset: int,
        limit: int,
        now: datetime | None = None,
        total: int | None = None,
    ) -> list[ConversationRow]:
        """Conversations newest first, `limit` of them from position `offset`.

        With `total` (the count the caller already has), pages past the middle are read from
        the oldest end, so the last page costs what the first does (OFFSET walks the index)."""
        c = _conversations.c
        backwards = total is not None and offset > total // 2
        if backwards:
            assert total is not None
            end = min(offset + limit, total)
            offset, limit = total - end, max(end - offset, 0)
        order = (
            (c.last_message_at.asc(), c.id.asc())
            if backwards
            else (c.last_message_at.desc(), c.id.desc())
        )
        query = (
            select(*_ROW_COLUMNS)
            .join(_contacts, _contacts.c.id == c.contact_id)
            .where(and_(True, *self._inbox_where(f, now or utcnow())))
            .order_by(*order)
            .offset(offset)
            .limit(limit)
        )
        with self.engine.connect() as conn:
            rows = [_row(r) for r in conn.execute(query)]
        return rows[::-1] if backwards else rows

    def conversation(self, conversation_id: int) -> ConversationDetail:
        c = _conversations.c
        m = _messages.c
        with self.engine.connect() as conn:
            row = conn.execute(
                select(
                    *_ROW_COLUMNS,
                    c.contact_id,
                    _contacts.c.company,
                    _contacts.c.language,
                )
                .join(_contacts, _contacts.c.id == c.contact_id)
                .where(c.id == conversation_id)
            ).one_or_none()
            if row is None:
                raise NotFound(f"conversation {conversation_id} does not exist")
            messages = tuple(
                MessageView(
                    id=r.id,
                    direction=Direction(r.direction),
                    author=r.author,
                    text=r.text,
                    sent_at=r.sent_at,
                    subject=r.subject,
                    attachments=tuple(Attachment(**a) for a in (r.attachments or [])),
                    language=r.language,
                    urgency=Urgency(r.urgency) if r.urgency else None,
                    html=r.html,
                    problem=r.problem,
                    delivery=r.status,
                    delivery_error=r.error,
                )
                for r in conn.execute(
                    select(
                        m.id,
                        m.direction,
                        m.author,
                        m.text,
                        m.sent_at,
                        m.subject,
                        m.attachments,
                        m.language,
                        m.urgency,
                        m.html,
                        m.problem,
                        _delivery.c.status,
                        _delivery.c.error,
                    )
                    .outerjoin(
                        _delivery,
                        and_(
                            _delivery.c.account_id == m.account_id,
                            _delivery.c.provider_message_id == m.provider_message_id,
                        ),
                    )
                    .where(m.conversation_id == conversation_id)
                    .order_by(m.sent_at, m.id)
                )
            )
            draft = self._active_draft(conn, conversation_id)
            handles = tuple(
                conn.execute(
                    select(_handles.c.value).where(_handles.c.contact_id == row.contact_id)
                ).scalars()
            )
        return ConversationDetail(
            row=_row(row),
            messages=messages,
            draft=draft,
            contact_company=row.company,
            contact_language=row.language,
            handles=handles,
        )

    def _active_draft(self, conn: Connection, conversation_id: int) -> DraftView | None:
        d = _drafts.c
        r = conn.execute(
            select(
                d.id,
                d.text,
                d.provider,
                d.state,
                d.updated_at,
                d.confidence,
                d.basis,
                d.original_text,
            )
            .where(d.conversation_id == conversation_id, d.state.in_(ACTIVE_DRAFT_STATES))
            .order_by(d.updated_at.desc(), d.id.desc())
            .limit(1)
        ).one_or_none()
        if r is None:
            return None
        return DraftView(
            r.id,
            r.text,
            r.provider,
            DraftState(r.state),
            r.updated_at,
            r.confidence,
            tuple(r.basis or ()),
            r.original_text is not None,
        )

    def _require(self, conn: Connection, conversation_id: int) -> None:
        found = conn.execute(
            select(_conversations.c.id).where(_conversations.c.id == conversation_id)
        ).scalar()
        if found is None:
            raise NotFound(f"conversation {conversation_id} does not exist")

    def mark_read(self, conversation_id: int) -> None:
        with self._write() as conn:
            conn.execute(
                update(_conversations)
                .where(_conversations.c.id == conversation_id, _conversations.c.unread != 0)
                .values(unread=0)
            )

    def set_done(self, conversation_id: int, done: bool, actor: str = "user") -> None:
        status = ConversationStatus.DONE if done else ConversationStatus.OPEN
        with self._write() as conn:
            self._require(conn, conversation_id)
            conn.execute(
                update(_conversations)
                .where(_conversations.c.id == conversation_id)
                .values(status=status.value, snoozed_until=None)
            )
            self._audit(
                conn, actor, f"conversation.{status.value}", "conversation", conversation_id
            )

    def snooze(self, conversation_id: int, until: datetime | None, actor: str = "user") -> None:
        """Hide an open conversation until `until` (None wakes it now)."""
        with self._write() as conn:
            self._require(conn, conversation_id)
            conn.execute(
                update(_conversations)
                .where(_conversations.c.id == conversation_id)
                .values(status=ConversationStatus.OPEN.value, snoozed_until=until)
            )
            self._audit(
                conn,
                actor,
                "conversation.snooze",
                "conversation",
                conversation_id,
                {"until": until.isoformat() if until else None},
            )

    def save_draft(self, conversation_id: int, text: str, provider: str = "manual") -> DraftView:
        """Keep the reply being written; one active draft per conversation, updated in place."""
        now = utcnow()
        with self._write() as conn:
            self._require(conn, conversation_id)
            current = self._active_draft(conn, conversation_id)
            if current is None:
                draft_id = conn.execute(
                    insert(_drafts).returning(_drafts.c.id),
                    {
                        "conversation_id": conversation_id,
                        "text": text,
                        "provider": provider,
                        "confidence": None,
                        "state": DraftState.EDITED.value
                        if provider == "manual"
                        else DraftState.PROPOSED.value,
                        "created_at": now,
                        "updated_at": now,
                    },
                ).scalar_one()
                state = DraftState.EDITED if provider == "manual" else DraftState.PROPOSED
            else:
                draft_id = current.id
                state = DraftState.EDITED
                conn.execute(
                    update(_drafts)
                    .where(_drafts.c.id == draft_id)
                    .values(text=text, state=state.value, updated_at=now)
                )
        return DraftView(
            draft_id, text, provider if current is None else current.provider, state, now
        )

    # ---------------------------------------------------------------- channel accounts

    def save_account(
        self, key: str, channel: Channel, display_name: str, settings: dict[str, Any]
    ) -> int:
        """Create or update a channel account (settings only: secrets go to the keyring)."""
        with self._write() as conn:
            existing = conn.execute(select(_accounts.c.id).where(_accounts.c.key == key)).scalar()
            if existing is None:
                existing = conn.execute(
                    insert(_accounts).returning(_accounts.c.id),
                    {
                        "key": key,
                        "channel": channel.value,
                        "display_name": display_name,
                        "settings": settings,
                        "created_at": utcnow(),
                    },
                ).scalar_one()
            else:
                conn.execute(
                    update(_accounts)
                    .where(_accounts.c.id == existing)
                    .values(display_name=display_name, settings=settings)
                )
            self._audit(conn, "user", "account.save", "channel_account", existing, {"key": key})
        self._account_ids[key] = existing
        return existing

    def accounts(self, channel: Channel | None = None) -> list[tuple[str, str, dict[str, Any]]]:
        """(key, display name, settings) of the connected accounts (not import sources)."""
        query = select(_accounts.c.key, _accounts.c.display_name, _accounts.c.settings)
        if channel is not None:
            query = query.where(_accounts.c.channel == channel.value)
        with self.engine.connect() as conn:
            rows = conn.execute(query.order_by(_accounts.c.id)).all()
        # import sources and sample data have no settings: they are not connections
        return [(r.key, r.display_name, r.settings) for r in rows if r.settings]

    def message_origin(self, message_id: int) -> tuple[str, str]:
        """(account key, provider message id) of a stored message."""
        with self.engine.connect() as conn:
            row = conn.execute(
                select(_accounts.c.key, _messages.c.provider_message_id)
                .join(_accounts, _accounts.c.id == _messages.c.account_id)
                .where(_messages.c.id == message_id)
            ).one_or_none()
        if row is None:
            raise NotFound(f"message {message_id} does not exist")
        return row.key, row.provider_message_id

    def _message_row(self, account_key: str, provider_message_id: str, *columns: Any) -> Any:
        """Columns of one stored message, found by its account and provider id (or None)."""
        with self.engine.connect() as conn:
            return conn.execute(
                select(*columns)
                .join(_accounts, _accounts.c.id == _messages.c.account_id)
                .where(
                    _accounts.c.key == account_key,
                    _messages.c.provider_message_id == provider_message_id,
                )
            ).one_or_none()

    def attachments_of(self, account_key: str, provider_message_id: str) -> list[Attachment]:
        """The attachments a stored message lists (with the channel's reference to fetch them)."""
        found = self._message_row(account_key, provider_message_id, _messages.c.attachments)
        if found is None:
            raise NotFound(f"message {provider_message_id} of {account_key} does not exist")
        return [Attachment(**a) for a in (found.attachments or [])]

    def conversation_of(self, account_key: str, provider_message_id: str) -> int | None:
        """The conversation a stored message belongs to (None when it is not stored)."""
        found = self._message_row(account_key, provider_message_id, _messages.c.conversation_id)
        return None if found is None else int(found.conversation_id)

    def has_message(self, account_key: str, provider_message_id: str) -> bool:
        with self.engine.connect() as conn:
            found = conn.execute(
                select(_messages.c.id)
                .join(_accounts, _accounts.c.id == _messages.c.account_id)
                .where(
                    _accounts.c.key == account_key,
                    _messages.c.provider_message_id == provider_message_id,
                )
            ).first()
        return found is not None

    def positions(self, account_key: str) -> dict[str, tuple[int, int]]:
        """folder → (validity, last_uid) read so far by this account."""
        p = _positions.c
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(p.folder, p.validity, p.last_uid)
                .join(_accounts, _accounts.c.id == p.account_id)
                .where(_accounts.c.key == account_key)
            ).all()
        return {r.folder: (r.validity, r.last_uid) for r in rows}

    def save_position(self, account_key: str, folder: str, validity: int, last_uid: int) -> None:
        with self._write() as conn:
            self._save_position(conn, account_key, folder, validity, last_uid)

    def _save_position(
        self, conn: Connection, account_key: str, folder: str, validity: int, last_uid: int
    ) -> None:
        p = _positions.c
        account_id = conn.execute(
            select(_accounts.c.id).where(_accounts.c.key == account_key)
        ).scalar_one()
        changed = conn.execute(
            update(_positions)
            .where(p.account_id == account_id, p.folder == folder)
            .values(validity=validity, last_uid=last_uid, updated_at=utcnow())
        ).rowcount
        if not changed:
            conn.execute(
                insert(_positions),
                {
                    "account_id": account_id,
                    "folder": folder,
                    "validity": validity,
                    "last_uid": last_uid,
                    "updated_at": utcnow(),
                },
            )

    # ---------------------------------------------------------------- contacts

    def mark_vip(self, addresses: Iterable[tuple[Channel, str]], vip: bool = True) -> int:
        """Flag the contacts behind these addresses as VIP by hand (a manual flag always wins)."""
        handles = list({_handle(ch, a) for ch, a in addresses})
        if not handles:
            return 0
        with self._write() as conn:
            ids = list(
                conn.execute(
                    select(_handles.c.contact_id).where(
                        tuple_(_handles.c.kind, _handles.c.value).in_(handles)
                    )
                ).scalars()
            )
            if ids:
                conn.execute(
                    update(_contacts)
                    .where(_contacts.c.id.in_(ids))
                    .values(vip_manual=vip, is_vip=vip)
                )
            return len(ids)

    def set_companies(self, companies: dict[tuple[Channel, str], str]) -> int:
        """Record the company of contacts known by these addresses (where none is set yet)."""
        changed = 0
        with self._write() as conn:
            for (channel, address), company in companies.items():
                kind, value = _handle(channel, address)
                contact_id = conn.execute(
                    select(_handles.c.contact_id).where(
                        _handles.c.kind == kind, _handles.c.value == value
                    )
                ).scalar()
                if contact_id is not None:
                    changed += conn.execute(
                        update(_contacts)
                        .where(_contacts.c.id == contact_id, _contacts.c.company.is_(None))
                        .values(company=company)
                    ).rowcount
        return changed

    # ---------------------------------------------------------------- search & counts

    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        """Messages matching all words of `query`, best match first."""
        with self.engine.connect() as conn:
            return fulltext.search(conn, query, limit)

    def tab_counts(self, now: datetime | None = None) -> dict[ChannelTab, int]:
        """Open conversations with unread messages, per tab, from the database."""
        c = _conversations.c
        where = self._inbox_where(InboxFilter(status=StatusFilter.OPEN), now or utcnow())
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(c.channel, func.count())
                .where(and_(*where), c.unread > 0)
                .group_by(c.channel)
            ).all()
        counts = dict.fromkeys(ChannelTab, 0)
        for channel, n in rows:
            counts[TAB_OF_CHANNEL[Channel(channel)]] += n
        return counts

    def stats(self, now: datetime | None = None) -> StoreStats:
        where = self._inbox_where(InboxFilter(status=StatusFilter.OPEN), now or utcnow())
        with self.engine.connect() as conn:
            return StoreStats(
                messages=conn.execute(select(func.count()).select_from(_messages)).scalar_one(),
                conversations=conn.execute(
                    select(func.count()).select_from(_conversations)
                ).scalar_one(),
                contacts=conn.execute(select(func.count()).select_from(_contacts)).scalar_one(),
                open_conversations=conn.execute(
                    select(func.count()).select_from(_conversations).where(and_(*where))
                ).scalar_one(),
            )

    # ---------------------------------------------------------------- audit

    def _audit(
        self,
        conn: Connection,
        actor: str,
        action: str,
        subject_type: str | None = None,
        subject_id: int | None = None,
        detail: dict[str, Any] | None = None,
    ) -> None:
        conn.execute(
            insert(_audit),
            {
                "at": utcnow(),
                "actor": actor,
                "action": action,
                "subject_type": subject_type,
                "subject_id": subject_id,
                "detail": detail,
            },
        )

    def audit(self, actor: str, action: str, detail: dict[str, Any] | None = None) -> None:
        with self._write() as conn:
            self._audit(conn, actor, action, detail=detail)

    def audit_entries(
        self, limit: int = 100, prefix: str | None = None
    ) -> list[tuple[datetime, str, str, dict[str, Any] | None]]:
        """The newest audit entries (those whose action starts with `prefix`, if given)."""
        a = _audit.c
        query = select(a.at, a.actor, a.action, a.detail).order_by(a.id.desc()).limit(limit)
        if prefix:
            query = query.where(a.action.startswith(prefix))
        with self.engine.connect() as conn:
            return [(r.at, r.actor, r.action, r.detail) for r in conn.execute(query)]


def _row(r: Any) -> ConversationRow:
    return ConversationRow(
        id=r.id,
        channel=Channel(r.channel),
        contact_name=r.display_name,
        contact_address=r.counterpart,
        subject=r.subject,
        snippet=r.snippet,
        last_message_at=r.last_message_at,
        status=ConversationStatus(r.status),
        snoozed_until=r.snoozed_until,
        urgency=URGENCIES[r.urgency_rank] if r.urgency_rank is not None else None,
        is_vip=bool(r.is_vip),
        unread=r.unread,
        message_count=r.message_count,
    )
