"""Full-text search over messages: FTS5 on SQLite, tsvector on PostgreSQL, one query syntax."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Connection, text

from gastro_hub_desktop.domain.conversations import SearchHit
from gastro_hub_desktop.domain.messages import Channel
from gastro_hub_desktop.store.schema import UTCDateTime

_WORD = re.compile(r"\w+", re.UNICODE)

SQLITE_SEARCH = text(
    """
    SELECT m.id, m.conversation_id, c.channel, ct.display_name, hits.snippet, m.sent_at
    FROM (SELECT rowid, rank, snippet(messages_fts, -1, '[', ']', '…', 12) AS snippet
          FROM messages_fts WHERE messages_fts MATCH :q ORDER BY rank LIMIT :limit) AS hits
    JOIN messages m ON m.id = hits.rowid
    JOIN conversations c ON c.id = m.conversation_id
    JOIN contacts ct ON ct.id = c.contact_id
    ORDER BY hits.rank
    """
).columns(sent_at=UTCDateTime)

POSTGRES_SEARCH = text(
    """
    SELECT m.id, m.conversation_id, c.channel, ct.display_name,
           ts_headline('simple', m.text, hits.q,
                       'StartSel=[,StopSel=],MaxWords=24,MinWords=8') AS snippet,
           m.sent_at
    FROM (SELECT id, ts_rank(search_vector, q) AS rank, q
          FROM messages, to_tsquery('simple', :q) AS q
          WHERE search_vector @@ q ORDER BY rank DESC LIMIT :limit) AS hits
    JOIN messages m ON m.id = hits.id
    JOIN conversations c ON c.id = m.conversation_id
    JOIN contacts ct ON ct.id = c.contact_id
    ORDER BY hits.rank DESC
    """
).columns(sent_at=UTCDateTime)


def words(query: str) -> list[str]:
    return _WORD.findall(query)


def sqlite_match(query: str) -> str | None:
    """User words → an FTS5 expression: every word must occur, the last one as a prefix."""
    found = words(query)
    if not found:
        return None
    quoted = [f'"{w}"' for w in found]
    quoted[-1] += "*"
    return " ".join(quoted)


def postgres_match(query: str) -> str | None:
    found = [w.lower() for w in words(query)]
    if not found:
        return None
    terms = [f"'{w}'" for w in found]
    terms[-1] += ":*"
    return " & ".join(terms)


def search(conn: Connection, query: str, limit: int) -> list[SearchHit]:
    dialect = conn.dialect.name
    if dialect == "sqlite":
        match, statement = sqlite_match(query), SQLITE_SEARCH
    else:
        match, statement = postgres_match(query), POSTGRES_SEARCH
    if match is None:
        return []
    rows: list[Any] = conn.execute(statement, {"q": match, "limit": limit}).all()
    return [
        SearchHit(
            message_id=r.id,
            conversation_id=r.conversation_id,
            channel=Channel(r.channel),
            contact_name=r.display_name,
            snippet=r.snippet,
            sent_at=r.sent_at,
        )
        for r in rows
    ]
