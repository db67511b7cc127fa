"""`gastro-hub processor` as a real process: it opens the database, triages and drafts what
is waiting, answers GET /health with measured figures, and on SIGTERM stops cleanly (exit 0,
the database intact, nothing half-written)."""

from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.servers import wait_until

from gastro_hub_desktop.importers.sample_data import load_sample_data
from gastro_hub_desktop.store.repository import Store


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def health(port: int) -> tuple[int, dict[str, object]]:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as answer:
            return answer.status, json.loads(answer.read())
    except OSError:
        return 0, {}


def test_processor_serves_health_works_and_stops_on_sigterm(tmp_path: Path) -> None:
    database = tmp_path / "gastro-hub.sqlite3"
    store = Store.open(f"sqlite:///{database}")
    sample = load_sample_data()
    store.ingest(sample.messages)
    stored = store.stats().messages
    store.close()
    port = free_port()
    env = {
        **os.environ,
        "GASTRO_HUB_DATA_DIR": str(tmp_path),
        "GASTRO_HUB_DATABASE_URL": f"sqlite:///{database}",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "gastro_hub_desktop", "processor", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        wait_until(lambda: health(port)[0] == 200, 60, "the processor's health endpoint")
        _status, body = health(port)
        assert body["status"] == "ok" and body["messages"] == stored

        def drafted() -> int:
            with sqlite3.connect(database) as conn:
                return int(conn.execute("SELECT count(*) FROM drafts").fetchone()[0])

        wait_until(lambda: drafted() > 0, 30, "drafts made by the processor")
        process.send_signal(signal.SIGTERM)
        started = time.monotonic()
        out, _ = process.communicate(timeout=30)
        assert process.returncode == 0, out
        assert time.monotonic() - started < 20
        assert "processor stopped" in out
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    with sqlite3.connect(database) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        triaged = conn.execute(
            "SELECT count(*) FROM messages WHERE direction = 'inbound' AND intent IS NULL"
        ).fetchone()[0]
    assert triaged == 0  # everything waiting was triaged before it stopped
    assert health(port)[0] == 0  # the endpoint is gone with the process
