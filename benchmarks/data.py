"""Synthetic but realistic message streams for the benchmarks, and a cached 1,000,000-message
database built through the store itself (reused by later runs)."""

from __future__ import annotations

import random
import sqlite3
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from gastro_hub_desktop.domain.messages import Channel, Direction, IncomingMessage, Urgency

CACHE = Path(__file__).resolve().parent / ".cache"
START = datetime(2024, 11, 1, tzinfo=UTC)

WORDS = {
    "cs": [
        "dobrý",
        "den",
        "prosím",
        "myčka",
        "konvektomat",
        "chladicí",
        "box",
        "nefunguje",
        "faktura",
        "objednávka",
        "technik",
        "zítra",
        "dnes",
        "nabídka",
        "cena",
        "kávovar",
        "pánev",
        "hrnec",
        "servis",
        "oprava",
        "revize",
        "dodání",
        "děkuji",
        "kuchyně",
        "restaurace",
        "hotel",
        "banket",
        "porucha",
        "skladem",
        "termín",
        "platba",
    ],
    "de": [
        "grüß",
        "gott",
        "bitte",
        "spülmaschine",
        "kombidämpfer",
        "kühlraum",
        "defekt",
        "rechnung",
        "bestellung",
        "techniker",
        "morgen",
        "heute",
        "angebot",
        "preis",
        "kaffeemaschine",
        "pfanne",
        "topf",
        "wartung",
        "reparatur",
        "lieferung",
        "danke",
        "küche",
        "gasthof",
        "hotel",
        "termin",
        "zahlung",
        "lager",
    ],
    "en": [
        "hello",
        "please",
        "dishwasher",
        "combi",
        "oven",
        "walk-in",
        "cooler",
        "broken",
        "invoice",
        "order",
        "technician",
        "tomorrow",
        "today",
        "quote",
        "price",
        "espresso",
        "machine",
        "pan",
        "pot",
        "service",
        "repair",
        "delivery",
        "thanks",
        "kitchen",
        "restaurant",
        "hotel",
        "banquet",
        "schedule",
        "payment",
        "stock",
    ],
}
FIRST = [
    "Jana",
    "Petr",
    "Lucie",
    "Markus",
    "Anna",
    "Tomáš",
    "Eva",
    "Stefan",
    "Claire",
    "James",
    "Olivia",
    "Karel",
    "Veronika",
    "Jiří",
    "Martina",
    "Radek",
    "Sabine",
    "Thomas",
    "Barbora",
    "Lukas",
]
LAST = [
    "Novák",
    "Svoboda",
    "Dvořák",
    "Černý",
    "Procházka",
    "Kučera",
    "Veselý",
    "Horák",
    "Němec",
    "Marek",
    "Pokorný",
    "Král",
    "Gruber",
    "Huber",
    "Müller",
    "Schmid",
    "Keller",
    "Weber",
    "Berger",
    "Lindner",
    "Smith",
    "Dubois",
    "Benešová",
    "Krejčí",
    "Horáková",
    "Šimková",
    "Dušek",
    "Malá",
    "Zelený",
    "Beneš",
]
CHANNELS = [Channel.EMAIL, Channel.EMAIL, Channel.WHATSAPP, Channel.TELEGRAM, Channel.FACEBOOK]
URGENCIES = [None] * 12 + list(Urgency)


def messages(count: int, seed: int = 7, per_thread: int = 4) -> Iterator[IncomingMessage]:
    """`count` messages in threads of about `per_thread`, spread over two years."""
    rng = random.Random(seed)
    span = 2 * 365 * 24 * 3600
    for i in range(count):
        thread = i // per_thread
        lang = ("cs", "cs", "de", "en")[thread % 4]
        channel = CHANNELS[thread % len(CHANNELS)]
        customer = thread % 40_000
        address = (
            f"customer{customer}@firma{customer % 997}.example.cz"
            if channel is Channel.EMAIL
            else f"+4207{customer:08d}"
        )
        words = WORDS[lang]
        text = " ".join(rng.choice(words) for _ in range(rng.randint(8, 40)))
        if rng.random() < 0.3:  # invoice and order numbers: what people search for most
            text += f" FA-{2024 + i % 3}-{rng.randrange(100_000):05d}"
        text += f"\n{rng.choice(FIRST)} {rng.choice(LAST)}"
        yield IncomingMessage(
            channel=channel,
            account_key=f"bench:{channel.value}",
            provider_message_id=f"bench-{seed}-{i}",
            direction=Direction.OUTBOUND if i % per_thread == 1 else Direction.INBOUND,
            counterpart_address=address,
            counterpart_name=f"Zákazník {customer}",
            text=text,
            sent_at=START + timedelta(seconds=rng.randrange(span)),
            thread_key=f"thread-{seed}-{thread}",
            subject=" ".join(rng.choice(words) for _ in range(4))
            if channel is Channel.EMAIL
            else None,
            language=lang,
            urgency=rng.choice(URGENCIES),
        )


def big_database(count: int = 1_000_000) -> Path:
    """The path of a SQLite database holding `count` messages (built once, then reused)."""
    from gastro_hub_desktop.store.repository import Store

    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"inbox-{count}.sqlite3"
    if path.exists():
        with sqlite3.connect(path) as conn:
            stored = conn.execute("SELECT count(*) FROM messages").fetchone()[0]
        if stored == count:
            return path
        path.unlink()
    started = time.perf_counter()
    store = Store.open(f"sqlite:///{path}")
    store.ingest(messages(count), batch_size=5000)
    store.close()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("ANALYZE")
    print(f"(built {path.name} with {count:,} messages in {time.perf_counter() - started:.0f} s)")
    return path
