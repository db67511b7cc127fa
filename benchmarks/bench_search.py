"""Full-text search over 1,000,000 messages: p95 of 100 queries through the store (match,
ranking, snippets, joined to conversations and contacts) vs. the bare FTS5 query with the
same MATCH expression on a raw sqlite3 connection.

Target: ratio of p95s <= 1.5."""

from __future__ import annotations

import random
import sqlite3
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from data import FIRST, LAST, WORDS, big_database
from gastro_hub_desktop.store.fulltext import sqlite_match
from gastro_hub_desktop.store.repository import Store

LIMIT = 50
BARE = "SELECT rowid FROM messages_fts WHERE messages_fts MATCH ? ORDER BY rank LIMIT ?"


def queries(count: int = 100, seed: int = 3) -> list[str]:
    """What people type: an invoice number, a name, two words (Czech often without accents)."""
    rng = random.Random(seed)
    out: list[str] = []
    for i in range(count):
        kind = i % 4
        if kind == 0:
            out.append(f"FA-{rng.choice((2024, 2025, 2026))}-{rng.randrange(100_000):05d}")
        elif kind == 1:
            out.append(f"{rng.choice(FIRST)} {rng.choice(LAST)}")
        elif kind == 2:
            words = WORDS[rng.choice(("cs", "de", "en"))]
            out.append(f"{rng.choice(words)} {rng.choice(words)} {rng.choice(words)}")
        else:
            word = rng.choice(WORDS["cs"])
            out.append(word.encode("ascii", "ignore").decode() or word)  # typed without accents
    return out


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[18]


def main() -> dict[str, float]:
    path = big_database()
    store = Store.open(f"sqlite:///{path}")
    raw = sqlite3.connect(path)
    qs = queries()
    for q in qs[:10]:  # warm both paths and the page cache
        store.search(q, LIMIT)
        raw.execute(BARE, (sqlite_match(q), LIMIT)).fetchall()
    ours: list[float] = []
    bare: list[float] = []
    hits = 0
    for q in qs:  # interleaved, so machine noise hits both alike
        started = time.perf_counter()
        hits += len(store.search(q, LIMIT))
        ours.append(time.perf_counter() - started)
        started = time.perf_counter()
        raw.execute(BARE, (sqlite_match(q), LIMIT)).fetchall()
        bare.append(time.perf_counter() - started)
    store.close()
    raw.close()
    ratio = p95(ours) / p95(bare)
    print(
        f"search over 1,000,000 messages, {len(qs)} queries ({hits} hits): store p50 "
        f"{statistics.median(ours) * 1000:.1f} ms p95 {p95(ours) * 1000:.1f} ms; bare FTS5 p50 "
        f"{statistics.median(bare) * 1000:.1f} ms p95 {p95(bare) * 1000:.1f} ms; "
        f"p95 ratio {ratio:.2f} (target <= 1.5)"
    )
    return {"ours_p95_ms": p95(ours) * 1000, "floor_p95_ms": p95(bare) * 1000, "ratio": ratio}


if __name__ == "__main__":
    main()
