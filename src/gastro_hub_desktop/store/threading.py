"""Which conversation an email belongs to, avoiding what users of other inboxes complain about:

- a reply that lost its References (some clients) still finds its conversation by subject and
  sender (within 30 days);
- a reply whose subject was changed to a new matter starts a new conversation instead of being
  swallowed by the old one (and answered under the old subject);
- replies from different people to one newsletter or circular become one conversation each.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import timedelta
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, select, tuple_

from gastro_hub_desktop.domain.messages import IncomingMessage
from gastro_hub_desktop.store.schema import Conversation, Message

SUBJECT_WINDOW = timedelta(days=30)
_PREFIX = re.compile(r"^\s*((re|aw|odp|fw|fwd|wg|tr|sv|vs|antw)\s*(\[\d+\])?\s*:\s*)+", re.I)
_conversations = Conversation.__table__
_messages = Message.__table__


@lru_cache(maxsize=4096)  # a conversation's messages share their subject
def subject_key(subject: str | None) -> str:
    """The subject without reply/forward prefixes, case or extra spaces."""
    return " ".join(_PREFIX.sub("", subject or "").split()).casefold()


def assign_threads(
    conn: Connection, fresh: Sequence[IncomingMessage], account_ids: dict[str, int]
) -> None:
    """Set `thread_key` of each email that carries threading headers (in place)."""
    emails = sorted((m for m in fresh if m.replies_to is not None), key=lambda m: m.sent_at)
    if not emails:
        return
    by_reference = _referenced(conn, emails, account_ids)
    recent = _recent_by_counterpart(conn, emails, account_ids)
    seen: dict[tuple[int, str], tuple[str, str, str]] = {}  # this batch: pid → (key, who, subject)
    for m in emails:
        account = account_ids[m.account_key]
        who = m.counterpart_address.lower()
        topic = subject_key(m.subject)
        parent = None
        for ref in reversed(m.replies_to or ()):
            parent = seen.get((account, ref)) or by_reference.get((account, ref))
            if parent is not None:
                break
        if parent is not None:
            key, parent_who, parent_topic = parent
            if parent_who != who:
                # another person answering the same circular: a conversation of their own
                m.thread_key = f"{(m.replies_to or (m.provider_message_id,))[0]}|{who}"
            elif topic and parent_topic and topic != parent_topic:
                m.thread_key = m.provider_message_id  # a new matter under a new subject
            else:
                m.thread_key = key
        elif m.replies_to:
            m.thread_key = f"{m.replies_to[0]}|{who}"
            match = _by_subject(recent.get((account, who), ()), topic, m)
            if match is not None:
                m.thread_key = match
        else:
            match = _by_subject(recent.get((account, who), ()), topic, m)
            m.thread_key = match if match is not None else m.provider_message_id
        seen[(account, m.provider_message_id)] = (m.thread_key, who, topic)
        recent.setdefault((account, who), []).append((m.thread_key, topic, m.sent_at))


def _by_subject(
    candidates: Sequence[tuple[str, str, Any]], topic: str, m: IncomingMessage
) -> str | None:
    if not topic:
        return None
    for key, candidate_topic, when in reversed(candidates):
        if candidate_topic == topic and abs(m.sent_at - when) <= SUBJECT_WINDOW:
            return key
    return None


def _referenced(
    conn: Connection, emails: Sequence[IncomingMessage], account_ids: dict[str, int]
) -> dict[tuple[int, str], tuple[str, str, str]]:
    wanted: dict[int, set[str]] = {}
    for m in emails:
        wanted.setdefault(account_ids[m.account_key], set()).update(m.replies_to or ())
    found: dict[tuple[int, str], tuple[str, str, str]] = {}
    msg, conv = _messages.c, _conversations.c
    for account, refs in wanted.items():
        refs_list = list(refs)
        for start in range(0, len(refs_list), 400):
            rows = conn.execute(
                select(msg.provider_message_id, conv.thread_key, conv.counterpart, conv.subject)
                .join(_conversations, conv.id == msg.conversation_id)
                .where(
                    msg.account_id == account,
                    msg.provider_message_id.in_(refs_list[start : start + 400]),
                )
            )
            for r in rows:
                found[(account, r.provider_message_id)] = (
                    r.thread_key, r.counterpart.lower(), subject_key(r.subject),
                )  # fmt: skip
    return found


def _recent_by_counterpart(
    conn: Connection, emails: Sequence[IncomingMessage], account_ids: dict[str, int]
) -> dict[tuple[int, str], list[tuple[str, str, Any]]]:
    """Conversations with the same person and subject, for mails without usable References."""
    wanted: dict[int, set[tuple[str, str]]] = {}
    for m in emails:
        topic = subject_key(m.subject)
        if topic:
            wanted.setdefault(account_ids[m.account_key], set()).add(
                (m.counterpart_address.lower(), topic)
            )
    oldest = min(m.sent_at for m in emails) - SUBJECT_WINDOW
    out: dict[tuple[int, str], list[tuple[str, str, Any]]] = {}
    conv = _conversations.c
    for account, pairs in wanted.items():
        pair_list = list(pairs)
        for start in range(0, len(pair_list), 200):
            rows = conn.execute(
                select(conv.thread_key, conv.counterpart, conv.subject_key, conv.last_message_at)
                .where(
                    conv.account_id == account,
                    tuple_(conv.counterpart, conv.subject_key).in_(pair_list[start : start + 200]),
                    conv.last_message_at >= oldest,
                )
                .order_by(conv.last_message_at)
            )
            for r in rows:
                out.setdefault((account, r.counterpart.lower()), []).append(
                    (r.thread_key, r.subject_key, r.last_message_at)
                )
    return out
