"""The self-healing watchdog on a real dockerd: a killed or unhealthy service comes back within
the backoff bound and the incident is reported; a service that keeps failing is given up with
an alert; a service stopped on purpose is left alone; an engine outage is reported in plain
words and, once dockerd is back, the watchdog catches up with `since=` and heals again."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.dockerd import (  # noqa: F401
    DockerDaemon,
    StackFactory,
    busybox_image,
    docker_engine,
    stack_factory,
    wait_for,
)

from gastro_hub_desktop.stack.services import Stack
from gastro_hub_desktop.stack.watchdog import HealPolicy, Incident, IncidentKind, Watchdog

pytestmark = pytest.mark.needs_server

POLICY = HealPolicy(
    backoff_base=0.2, backoff_cap=2.0, max_restarts=3, window=60, stable_after=5, settle=0.2,
    poll_interval=1.0, reconnect_base=0.3, reconnect_cap=1.0,
)  # fmt: skip
# kill → seen (event) → settle/backoff 0.2 s → start → first health check after 0.5 s, plus
# slack for a busy machine
HEAL_BOUND = 8.0


class Recorder:
    """What the watchdog told the app, from its threads."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.incidents: list[Incident] = []
        self.alerts: list[Incident] = []
        self.engine: list[tuple[bool, str]] = []

    def incident(self, incident: Incident) -> None:
        with self.lock:
            self.incidents.append(incident)

    def alert(self, incident: Incident) -> None:
        with self.lock:
            self.alerts.append(incident)

    def engine_state(self, reachable: bool, message: str) -> None:
        with self.lock:
            self.engine.append((reachable, message))

    def find(self, kind: IncidentKind, service: str, after: int = 0) -> Incident | None:
        with self.lock:
            for incident in self.incidents[after:]:
                if incident.kind == kind and incident.service == service:
                    return incident
        return None

    def wait(self, kind: IncidentKind, service: str, timeout: float, after: int = 0) -> Incident:
        return wait_for(lambda: self.find(kind, service, after), timeout,
                        f"{kind} incident for {service} (seen: {self.describe()})")  # fmt: skip

    def describe(self) -> list[str]:
        with self.lock:
            return [f"{i.kind}: {i.describe()}" for i in self.incidents]


@contextlib.contextmanager
def watching(stack: Stack) -> Iterator[tuple[Watchdog, Recorder]]:
    recorder = Recorder()
    watchdog = Watchdog(
        stack, policy=POLICY, on_incident=recorder.incident, on_alert=recorder.alert,
        on_engine=recorder.engine_state,
    )  # fmt: skip
    watchdog.start()
    wait_for(lambda: watchdog.connections, 10, "the watchdog following events")
    try:
        yield watchdog, recorder
    finally:
        started = time.monotonic()
        watchdog.stop()
        assert not watchdog.running
        assert time.monotonic() - started < 5, "stop() must end the threads promptly"


@pytest.fixture
def watched(stack_factory: StackFactory) -> Iterator[tuple[Stack, Watchdog, Recorder]]:  # noqa: F811
    stack = stack_factory.open()
    stack.up()
    with watching(stack) as (watchdog, recorder):
        yield stack, watchdog, recorder


def healthy(stack: Stack, service: str) -> bool:
    container = stack.container(service)
    health = (container.attrs["State"].get("Health") or {}).get("Status")
    return container.status == "running" and health == "healthy"


def test_a_killed_container_is_restarted_and_healthy_within_the_bound(
    watched: tuple[Stack, Watchdog, Recorder],
) -> None:
    stack, _watchdog, recorder = watched
    killed_at = time.monotonic()
    stack.container("worker").kill()
    died = recorder.wait(IncidentKind.DIED, "worker", HEAL_BOUND)
    assert died.what == "stopped unexpectedly (exit code 137, signal 9)"
    assert died.action.startswith("restarted it after waiting 0.2 s (restart 1 of at most 3")
    assert died.at.tzinfo is not None
    recovered = recorder.wait(IncidentKind.RECOVERED, "worker", HEAL_BOUND)
    assert recovered.action.startswith("back ")
    wait_for(lambda: healthy(stack, "worker"), HEAL_BOUND, "worker healthy again")
    assert time.monotonic() - killed_at < HEAL_BOUND
    status = stack.status(resources=False).service("worker")
    # Docker's restart policy does not act on `docker kill`: the watchdog brought it back
    assert status.restart_count == 0 and status.healed_count == 1
    assert healthy(stack, "web") and recorder.alerts == []


def test_a_crash_docker_restarts_itself_is_reported_not_restarted_twice(
    watched: tuple[Stack, Watchdog, Recorder],
) -> None:
    stack, _watchdog, recorder = watched
    pid = stack.container("worker").attrs["State"]["Pid"]
    os.kill(pid, signal.SIGKILL)  # the process dies under Docker: unless-stopped restarts it
    died = recorder.wait(IncidentKind.DIED, "worker", HEAL_BOUND)
    assert died.action.startswith("none needed: it was already running again")
    wait_for(lambda: healthy(stack, "worker"), HEAL_BOUND, "worker healthy again")
    status = stack.status(resources=False).service("worker")
    assert status.restart_count == 1 and status.healed_count == 0


def test_an_unhealthy_service_is_restarted(watched: tuple[Stack, Watchdog, Recorder]) -> None:
    stack, _watchdog, recorder = watched
    started = stack.container("worker").attrs["State"]["StartedAt"]
    assert stack.container("worker").exec_run(["rm", "/tmp/healthy"]).exit_code == 0
    sick = recorder.wait(IncidentKind.UNHEALTHY, "worker", HEAL_BOUND)
    assert sick.what.startswith("turned unhealthy")
    assert sick.action.startswith("restarted it after waiting")
    recorder.wait(IncidentKind.RECOVERED, "worker", HEAL_BOUND)
    wait_for(lambda: healthy(stack, "worker"), HEAL_BOUND, "worker healthy again")
    assert stack.container("worker").attrs["State"]["StartedAt"] != started
    assert stack.status(resources=False).service("worker").healed_count == 1


def test_a_service_that_keeps_failing_is_given_up_with_an_alert(
    watched: tuple[Stack, Watchdog, Recorder],
) -> None:
    stack, _watchdog, recorder = watched
    worker = stack.container("worker")
    # /state is a volume: after each restart the worker stays unhealthy
    assert worker.exec_run(["sh", "-c", "touch /state/broken; rm /tmp/healthy"]).exit_code == 0
    gave_up = recorder.wait(IncidentKind.GAVE_UP, "worker", 30)
    assert gave_up.action.startswith("gave up after 3 restarts within 60 s")
    assert "needs someone to look at it" in gave_up.action
    assert recorder.alerts == [gave_up]
    restarts = [i for i in recorder.incidents if i.action.startswith("restarted it")]
    assert len(restarts) == 3
    waits = [float(i.action.split("waiting ")[1].split(" s")[0]) for i in restarts]
    assert waits == [0.2, 0.4, 0.8]  # exponential backoff
    time.sleep(3)  # no more hammering
    assert stack.status(resources=False).service("worker").healed_count == 3
    assert not healthy(stack, "worker")
    # someone fixes it: the watchdog notices and watches it again
    seen = len(recorder.incidents)
    stack.container("worker").exec_run(["sh", "-c", "rm /state/broken; touch /tmp/healthy"])
    back = recorder.wait(IncidentKind.RECOVERED, "worker", 10, after=seen)
    assert back.action == "watching it again after giving up"


def test_a_service_stopped_on_purpose_is_left_alone(
    watched: tuple[Stack, Watchdog, Recorder],
    docker_engine: DockerDaemon,  # noqa: F811
) -> None:
    stack, _watchdog, recorder = watched
    stack.stop("worker")  # from the app: not an incident, and left stopped
    client = docker_engine.client()
    try:
        client.containers.get(stack.container("web").id).stop(timeout=1)  # `docker stop` by hand
    finally:
        client.close()
    left = recorder.wait(IncidentKind.LEFT_STOPPED, "web", HEAL_BOUND)
    assert left.what.startswith("stopped unexpectedly (exit code ")
    assert left.action == "left it stopped: it was stopped on purpose"
    time.sleep(2 * POLICY.poll_interval + 0.5)  # polls see them stopped and leave them
    states = {s.service: s.state for s in stack.status(resources=False).services}
    assert states == {"web": "exited", "worker": "exited"}
    assert [i.service for i in recorder.incidents] == ["web"]
    stack.start()  # from the app again: watched as before
    stack.wait_healthy(timeout=20)
    stack.container("worker").kill()
    recorder.wait(IncidentKind.DIED, "worker", HEAL_BOUND)
    wait_for(lambda: healthy(stack, "worker"), HEAL_BOUND, "worker healthy again")


def test_an_engine_outage_is_reported_and_healing_resumes_after_it(
    stack_factory: StackFactory,  # noqa: F811
    docker_engine: DockerDaemon,  # noqa: F811
    request: pytest.FixtureRequest,
) -> None:
    # The app reaches dockerd through a link the test can take away, so that after the
    # outage the watchdog stays disconnected while the test makes an event it must not miss.
    link = Path(tempfile.mkdtemp(prefix="gh-link-")) / "docker.sock"
    link.symlink_to(docker_engine.socket)
    request.addfinalizer(lambda: shutil.rmtree(link.parent, ignore_errors=True))
    stack = stack_factory.open(base_url=f"unix://{link}")
    stack.up()
    with watching(stack) as (watchdog, recorder):
        stack.restart("web")  # the app's own restart: events to follow, but no incident
        wait_for(lambda: watchdog.last_event_ns, 5, "an event seen")
        stack.wait_healthy(timeout=20)
        assert recorder.incidents == []
        connections = len(watchdog.connections)
        try:
            docker_engine.stop()
            down = wait_for(lambda: [e for e in recorder.engine if not e[0]], 15, "engine down")
            not_running = (
                f"Docker is not running (nothing answers at unix://{link}). Start it with "
                f"`sudo systemctl start docker` (or start Docker Desktop if you use it)."
            )
            stopping = (  # when the watchdog asked while dockerd was shutting down
                f"Docker stopped answering at unix://{link}: it may be shutting down or "
                f"restarting. If it does not come back, start it with `sudo systemctl start "
                f"docker` (or start Docker Desktop if you use it)."
            )
            assert down[0][1] in (not_running, stopping)
            status = stack.status()
            assert not status.reachable and status.services == ()
            assert status.problem == not_running
            assert recorder.find(IncidentKind.ENGINE_DOWN, "Docker engine") is not None
            time.sleep(1.5)  # a few reconnect attempts with backoff; nothing crashes
            assert watchdog.running
            assert len(recorder.engine) == 1  # reported once, not on every retry
            last_before = watchdog.last_event_ns
            assert last_before is not None
            link.unlink()
        finally:
            docker_engine.start()
        # dockerd is back (restarting the unless-stopped containers) but the app cannot reach
        # it yet; meanwhile the worker is killed
        client = docker_engine.client()
        try:
            worker_id = stack_factory_container_id(client, stack, "worker")
            wait_for(lambda: client.containers.get(worker_id).attrs["State"].get("Health", {})
                     .get("Status") == "healthy", 20, "the worker back after dockerd started")  # fmt: skip
            client.containers.get(worker_id).kill()
        finally:
            client.close()
        assert len(recorder.engine) == 1
        link.symlink_to(docker_engine.socket)  # the app reaches dockerd again
        wait_for(lambda: [e for e in recorder.engine if e[0]], 15, "engine back")
        recorder.wait(IncidentKind.ENGINE_BACK, "Docker engine", 5)
        assert len(watchdog.connections) == connections + 1
        connected_at, since = watchdog.connections[-1]
        assert since == f"{last_before // 1_000_000_000}.{last_before % 1_000_000_000:09d}"
        # what happened while it was away came through since=: the restarts at dockerd's
        # start and the kill
        wait_for(lambda: [e for e in watchdog.events_seen if e[1:] == ("worker", "die")
                          and last_before < e[0] < connected_at], 5, "the kill, caught up")  # fmt: skip
        starts = {e[1] for e in watchdog.events_seen
                  if e[2] == "start" and last_before < e[0] < connected_at}  # fmt: skip
        assert starts == {"web", "worker"}
        died = recorder.wait(IncidentKind.DIED, "worker", HEAL_BOUND)
        assert died.what == "stopped unexpectedly (exit code 137, signal 9)"
        assert died.action.startswith("restarted it after waiting 0.2 s")
        wait_for(lambda: healthy(stack, "worker"), HEAL_BOUND, "worker healthy again")
        assert stack.status(resources=False).all_healthy
        # the engine's own stops and restarts around the outage were not taken for crashes
        # (a slow shutdown may be noted as "left it stopped", which does nothing)
        kinds = [(i.service, i.kind) for i in recorder.incidents
                 if i.kind != IncidentKind.LEFT_STOPPED]  # fmt: skip
        assert kinds[:3] == [("Docker engine", IncidentKind.ENGINE_DOWN),
                             ("Docker engine", IncidentKind.ENGINE_BACK),
                             ("worker", IncidentKind.DIED)], recorder.describe()  # fmt: skip
        assert [i for i in recorder.incidents if i.action.startswith("restarted")] == [died]


def stack_factory_container_id(client: Any, stack: Stack, service: str) -> str:
    found = client.containers.list(all=True, filters={"label": [
        f"com.docker.compose.project={stack.project.name}",
        f"com.docker.compose.service={service}"]})  # fmt: skip
    return str(found[0].id)
