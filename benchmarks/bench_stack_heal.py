"""Stack healing: time from a container's death (its process killed with SIGKILL) to running
and to healthy again, brought back by our watchdog vs. by Docker's own `restart: always`, on
the same container of a busybox stack on a private dockerd (health check every 200 ms).

The watchdog runs with a first wait of 100 ms, the same as Docker's restart manager, so the
figures compare the reaction itself (the app's default first wait is 1 s). Each kill comes
after 11 s of uptime, so neither side's backoff grows between rounds. Times are taken from the
engine's own event timestamps (die → start → health_status: healthy)."""

from __future__ import annotations

import os
import queue
import signal
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.dockerd import MemorySecretStore, import_busybox, running_dockerd  # noqa: E402

from gastro_hub_desktop.stack.docker_engine import DockerEngine  # noqa: E402
from gastro_hub_desktop.stack.services import Stack  # noqa: E402
from gastro_hub_desktop.stack.watchdog import HealPolicy, Watchdog  # noqa: E402

ROUNDS = 5
UPTIME_BEFORE_KILL = 11.0  # Docker doubles its restart delay for containers that ran < 10 s
COMPOSE = """\
name: bench-heal
services:
  app:
    image: {image}
    init: true
    network_mode: none
    command: ["sh", "-c", "touch /tmp/healthy; exec sleep 86400"]
    healthcheck:
      test: ["CMD", "test", "-f", "/tmp/healthy"]
      interval: 200ms
      timeout: 2s
      retries: 2
    restart: unless-stopped
    stop_grace_period: 1s
"""
POLICY = HealPolicy(backoff_base=0.1, settle=0.1, max_restarts=100, window=60,
                    stable_after=5, poll_interval=2.0)  # fmt: skip


def follow_events(client: Any, container_id: str, into: queue.Queue[dict[str, Any]]) -> Any:
    stream = client.events(
        decode=True,
        filters={"container": container_id, "event": ["die", "start", "health_status"]},
    )

    def pump() -> None:
        try:
            for event in stream:
                into.put(event)
        except Exception:
            pass

    threading.Thread(target=pump, daemon=True).start()
    return stream


def kill_and_time(stack: Stack, events: queue.Queue[dict[str, Any]]) -> tuple[float, float]:
    """Kill the app's process; return (die → start, die → healthy) in milliseconds."""
    while not events.empty():
        events.get_nowait()
    pid = stack.container("app").attrs["State"]["Pid"]
    os.kill(pid, signal.SIGKILL)
    died = started = None
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        event = events.get(timeout=60)
        action, at = str(event.get("Action")), int(event["timeNano"])
        if action == "die" and died is None:
            died = at
        elif action == "start" and died is not None and started is None:
            started = at
        elif action == "health_status: healthy" and started is not None:
            return (started - died) / 1e6, (at - died) / 1e6
    raise SystemExit("the container did not come back within 60 s")


def rounds(stack: Stack, events: queue.Queue[dict[str, Any]]) -> list[tuple[float, float]]:
    out = []
    for _ in range(ROUNDS):
        stack.wait_healthy(["app"], 30)
        time.sleep(UPTIME_BEFORE_KILL)
        out.append(kill_and_time(stack, events))
    return out


def main() -> None:
    with running_dockerd() as daemon, tempfile.TemporaryDirectory() as folder:
        client = daemon.client()
        image = import_busybox(client)
        path = Path(folder) / "docker-compose.yml"
        path.write_text(COMPOSE.format(image=image))
        engine = DockerEngine(daemon.base_url)
        stack = Stack.open(path, engine, secrets_store=MemorySecretStore(), environment={})
        stack.up()
        container = stack.container("app")
        events: queue.Queue[dict[str, Any]] = queue.Queue()
        stream = follow_events(client, container.id, events)
        try:
            # ours: Docker's policy off for this container, the watchdog brings it back
            container.update(restart_policy={"Name": "no"})
            watchdog = Watchdog(stack, policy=POLICY)
            watchdog.start()
            try:
                ours = rounds(stack, events)
            finally:
                watchdog.stop()
            # Docker's own: restart: always on the same container, no watchdog
            container.update(restart_policy={"Name": "always"})
            docker_own = rounds(stack, events)
        finally:
            stream.close()
            stack.down(remove_volumes=True)
            client.close()
    ours_run = statistics.median(r[0] for r in ours)
    ours_ok = statistics.median(r[1] for r in ours)
    docker_run = statistics.median(r[0] for r in docker_own)
    docker_ok = statistics.median(r[1] for r in docker_own)
    print(
        f"stack heal ({ROUNDS} kills each, health check every 200 ms): ours die→running "
        f"{ours_run:.0f} ms, die→healthy {ours_ok:.0f} ms | Docker restart: always "
        f"die→running {docker_run:.0f} ms, die→healthy {docker_ok:.0f} ms | ratio "
        f"running {ours_run / docker_run:.2f}, healthy {ours_ok / docker_ok:.2f} "
        f"(watchdog first wait {POLICY.backoff_base * 1000:.0f} ms, Docker's 100 ms)"
    )
    print(
        "  per kill, ours (running/healthy ms): "
        + ", ".join(f"{a:.0f}/{b:.0f}" for a, b in ours)
        + " | Docker: "
        + ", ".join(f"{a:.0f}/{b:.0f}" for a, b in docker_own)
    )


if __name__ == "__main__":
    main()
