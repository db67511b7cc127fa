"""Ingest of 100,000 messages through the store (dedupe, contacts, conversations included)
vs. a bare `executemany` of the same rows into the same, identically migrated schema.

Target: ratio <= 3."""

from __future__ import annotations

import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from data import messages
from gastro_hub_desktop.store.repository import Store

COUNT = 100_000


def ours(folder: Path) -> tuple[float, float, Store]:
    store = Store.open(f"sqlite:///{folder / 'ours.sqlite3'}")
    batch = list(messages(COUNT))
    started = time.perf_counter()
    outcome = store.ingest(batch)
    first = time.perf_counter() - started
    assert outcome.new == COUNT
    started = time.perf_counter()
    again = store.ingest(batch)
    duplicate_pass = time.perf_counter() - started
    assert again.new == 0 and again.duplicates == COUNT
    return first, duplicate_pass, store


def floor(folder: Path, ours_store: Store) -> float:
    """The same message rows, inserted with one executemany into a fresh migrated database
    whose accounts, contacts and conversations already exist (same PRAGMAs, same triggers)."""
    path = folder / "floor.sqlite3"
    Store.open(f"sqlite:///{path}").close()
    source = sqlite3.connect(folder / "ours.sqlite3")
    for table in ("channel_accounts", "contacts", "contact_handles", "conversations"):
        rows = source.execute(f"SELECT * FROM {table}").fetchall()
        target = sqlite3.connect(path)
        marks = ",".join("?" * len(rows[0]))
        target.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)
        target.commit()
        target.close()
    rows = source.execute(
        "SELECT conversation_id, account_id, provider_message_id, direction, author, subject, "
        "text, html, attachments, sent_at, stored_at, language, urgency FROM messages ORDER BY id"
    ).fetchall()
    source.close()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    started = time.perf_counter()
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO messages (conversation_id, account_id, provider_message_id, direction, "
        "author, subject, text, html, attachments, sent_at, stored_at, language, urgency) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        rows,
    )
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - started
    conn.close()
    return elapsed


def main() -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        first, duplicate_pass, store = ours(folder)
        store.close()
        bare = floor(folder, store)
    ratio = first / bare
    print(f"ingest {COUNT:,} messages: store {first:.2f} s, bare executemany {bare:.2f} s, "
          f"ratio {ratio:.2f} (target <= 3); re-ingest of the same (all duplicates) "
          f"{duplicate_pass:.2f} s")  # fmt: skip
    return {"store_s": first, "floor_s": bare, "ratio": ratio, "duplicates_s": duplicate_pass}


if __name__ == "__main__":
    main()
