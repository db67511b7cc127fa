"""Triage + local draft throughput (messages per second): the assistant's tick over freshly
stored customer messages (triage of each, a local draft for each conversation needing one,
written to the database), beside the bare storage write of the same messages through
`Store.ingest`. The messages are the triage dev set's texts (each its own conversation,
repeated to COUNT), so wording and lengths are realistic.

No target ratio is set by the issue; the figure is messages per second."""

from __future__ import annotations

import json
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gastro_hub_desktop.domain.messages import Channel, Direction, IncomingMessage
from gastro_hub_desktop.engine.assistant import Assistant
from gastro_hub_desktop.engine.events import EventBus
from gastro_hub_desktop.store.repository import Store

COUNT = 3_000
HERE = Path(__file__).resolve().parent
SOURCES = (
    HERE.parent.parent / "shared" / "data" / "triage_dev.jsonl",
    HERE.parent / "tests" / "data" / "triage" / "triage_dev.jsonl",
)


def texts() -> list[dict[str, str]]:
    for source in SOURCES:
        if source.exists():
            lines = source.read_text(encoding="utf-8").splitlines()
            return [json.loads(line) for line in lines if line.strip()]
    raise SystemExit("no triage dev set found (tests/data/triage/triage_dev.jsonl)")


def messages(count: int) -> list[IncomingMessage]:
    rows = texts()
    now = datetime.now(UTC)
    out = []
    for n in range(count):
        row = rows[n % len(rows)]
        channel = Channel.EMAIL if row["channel"] == "email" else Channel.WHATSAPP
        out.append(
            IncomingMessage(
                channel=channel,
                account_key=f"{channel.value}:bench",
                provider_message_id=f"bench-{n}",
                direction=Direction.INBOUND,
                counterpart_address=f"customer{n}@bench.example"
                if channel is Channel.EMAIL
                else f"+4207{n:08d}",
                counterpart_name=f"Customer {n}",
                text=row["text"],
                subject=row.get("subject"),
                sent_at=now - timedelta(seconds=count - n),
                thread_key=f"bench-thread-{n}",
            )
        )
    return out


def no_auto_reply(conversation_id: int, text: str, auto: bool) -> object:
    raise AssertionError("auto-reply is off in the benchmark")


def main() -> dict[str, float]:
    batch = messages(COUNT)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        floor_store = Store.open(f"sqlite:///{folder / 'floor.sqlite3'}")
        started = time.perf_counter()
        floor_store.ingest(batch)
        bare = time.perf_counter() - started
        floor_store.close()

        store = Store.open(f"sqlite:///{folder / 'ours.sqlite3'}")
        store.ingest(batch)
        assistant = Assistant(store, EventBus(), no_auto_reply)
        assistant.triager()  # loading the language model is start-up, not throughput
        started = time.perf_counter()
        activity = assistant.tick()
        ours = time.perf_counter() - started
        store.close()
    assert activity.triaged == COUNT, activity
    rate, floor_rate = COUNT / ours, COUNT / bare
    print(
        f"triage + local draft of {COUNT:,} messages: {ours:.2f} s = {rate:,.0f} msg/s "
        f"({activity.drafted:,} drafts); bare storage write of the same messages "
        f"{bare:.2f} s = {floor_rate:,.0f} msg/s; ratio {ours / bare:.2f}"
    )
    return {"rate": rate, "floor_rate": floor_rate, "ratio": ours / bare}


if __name__ == "__main__":
    main()
