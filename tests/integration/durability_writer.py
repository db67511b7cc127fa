"""Writes messages through the store forever, printing "ACK <id>" after each commit.

Run by test_sqlite_durability.py, which kills it with SIGKILL at random moments."""

from __future__ import annotations

import sys
from datetime import UTC, datetime

from gastro_hub_desktop.domain.messages import Channel, Direction, IncomingMessage
from gastro_hub_desktop.store.repository import Store


def main(url: str, round_no: int) -> None:
    store = Store.open(url)
    i = 0
    while True:
        batch = [
            IncomingMessage(
                channel=Channel.EMAIL,
                account_key="durability",
                provider_message_id=f"r{round_no}-m{i + k}",
                direction=Direction.INBOUND,
                counterpart_address=f"c{(i + k) % 50}@example.cz",
                counterpart_name="Customer",
                text="Dobrý den, " * 20,
                sent_at=datetime.now(UTC),
                thread_key=f"t{(i + k) % 200}",
            )
            for k in range(5)
        ]
        store.ingest(batch)
        for m in batch:  # only after the commit returned
            sys.stdout.write(f"ACK {m.provider_message_id}\n")
        sys.stdout.flush()
        i += len(batch)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
