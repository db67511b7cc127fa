"""SQLite under kill -9: the database stays intact and every acknowledged write is there."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

WRITER = Path(__file__).with_name("durability_writer.py")
ROUNDS = 25


def test_killed_writer_never_loses_an_acknowledged_message(tmp_path: Path) -> None:
    db = tmp_path / "durable.sqlite3"
    url = f"sqlite:///{db}"
    rng = random.Random(20261124)
    acknowledged: set[str] = set()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    for round_no in range(ROUNDS):
        writer = subprocess.Popen(
            [sys.executable, str(WRITER), url, str(round_no)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert writer.stdout is not None
        # wait until it writes, then kill it at a random moment mid-stream
        first = writer.stdout.readline()
        assert first.startswith("ACK "), writer.stderr.read() if writer.stderr else first
        acknowledged.add(first.split()[1])
        time.sleep(rng.uniform(0.01, 0.25))
        writer.send_signal(signal.SIGKILL)
        out, _ = writer.communicate(timeout=30)
        acknowledged.update(line.split()[1] for line in out.splitlines() if line.startswith("ACK "))
    assert len(acknowledged) > ROUNDS * 5

    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.execute("INSERT INTO messages_fts(messages_fts) VALUES ('integrity-check')")
        stored = {row[0] for row in conn.execute("SELECT provider_message_id FROM messages")}
    finally:
        conn.close()
    missing = acknowledged - stored
    assert not missing, f"{len(missing)} acknowledged messages lost, e.g. {sorted(missing)[:5]}"
