"""The stack's self-healing watchdog: follows Docker's events for the project (catching up with
`since=` after the engine comes back) and polls health, restarts a service that died or turned
unhealthy with exponential backoff, and raises an alert instead of looping forever."""

from __future__ import annotations

import contextlib
import logging
import queue
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

import docker
from docker.models.containers import Container

from gastro_hub_desktop.stack.compose import PROJECT_LABEL, SERVICE_LABEL
from gastro_hub_desktop.stack.docker_engine import EngineUnreachable
from gastro_hub_desktop.stack.services import NUMBER_LABEL, ONEOFF_LABEL, Stack

log = logging.getLogger(__name__)

ENGINE = "Docker engine"
WATCHED_EVENTS = ("start", "die", "oom", "kill", "stop", "health_status", "destroy")


class IncidentKind(StrEnum):
    DIED = "died"
    OUT_OF_MEMORY = "out-of-memory"
    UNHEALTHY = "unhealthy"
    FOUND_STOPPED = "found-stopped"
    RECOVERED = "recovered"
    LEFT_STOPPED = "left-stopped"
    GONE = "gone"
    GAVE_UP = "gave-up"
    ENGINE_DOWN = "engine-down"
    ENGINE_BACK = "engine-back"


@dataclass(frozen=True, slots=True)
class Incident:
    """Something that happened to a service and what the watchdog did about it."""

    service: str
    kind: IncidentKind
    what: str
    action: str
    at: datetime

    def describe(self) -> str:
        return f"{self.service}: {self.what}; {self.action}"


@dataclass(frozen=True, slots=True)
class HealPolicy:
    backoff_base: float = 1.0  # wait before the first restart; doubles with each in a row
    backoff_cap: float = 60.0
    max_restarts: int = 5  # restarts allowed within `window` before giving up
    window: float = 600.0
    stable_after: float = 30.0  # healthy this long: the next problem starts at backoff_base
    settle: float = 0.25  # least wait after a `die`, so a following `stop` is seen first
    # ... and after a die that followed a gentle signal (SIGTERM: `docker stop` by hand), whose
    # `stop` event can come seconds later on a busy machine
    stop_settle: float = 3.0
    poll_interval: float = 5.0
    reconnect_base: float = 1.0
    reconnect_cap: float = 30.0

    def backoff(self, streak: int) -> float:
        return min(self.backoff_cap, self.backoff_base * (2 ** max(0, streak)))


@dataclass
class _Watch:
    """What the watchdog knows about one service."""

    problem: str | None = None
    kind: IncidentKind | None = None
    noticed: float | None = None  # monotonic time the problem was seen
    due: float | None = None  # monotonic time of the next check
    wait: float = 0.0
    restarts: deque[float] = field(default_factory=deque)
    streak: int = 0
    healthy_since: float | None = None
    recovering_since: float | None = None
    gave_up: bool = False
    stopped_by_hand: bool = False
    stop_ns: int = 0
    ours_until_ns: int = 0  # events up to this time came from our own restart
    seen_running: bool = False
    docker_restarts: int = 0  # Docker's RestartCount when last looked at
    oom: bool = False
    signal: str | None = None
    gentle_kill_ns: int = 0  # last kill event with a signal other than SIGKILL


class Watchdog:
    """Watches one stack on a background thread; `start()`, then `stop()` ends it promptly.
    Callbacks run on the watchdog's threads and must not block for long."""

    def __init__(
        self,
        stack: Stack,
        *,
        policy: HealPolicy | None = None,
        on_incident: Callable[[Incident], None] | None = None,
        on_alert: Callable[[Incident], None] | None = None,
        on_engine: Callable[[bool, str], None] | None = None,
    ) -> None:
        self.stack = stack
        self.project = stack.project
        self.policy = policy or HealPolicy()
        self._on_incident = on_incident
        self._on_alert = on_alert
        self._on_engine = on_engine
        self._stop = threading.Event()
        self._queue: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self._threads: list[threading.Thread] = []
        self._stream_lock = threading.Lock()
        self._stream: Any = None
        self._engine_lock = threading.Lock()
        self._engine_up: bool | None = None
        self._outage_ns = 0
        self._watch = {name: _Watch() for name in self.project.services}
        self._client: docker.DockerClient | None = None
        self._seen: deque[tuple[int, str, str]] = deque(maxlen=2000)
        self._seen_keys: set[tuple[int, str, str]] = set()
        self.last_event_ns: int | None = None
        self.connections: list[tuple[int, str | None]] = []  # (connected at ns, since used)
        self.events_seen: deque[tuple[int, str, str]] = deque(maxlen=500)

    # ------------------------------------------------------------------ life cycle

    def start(self) -> None:
        if self._threads:
            return
        self._stop.clear()
        self._started_ns = time.time_ns()
        for target, name in ((self._follow_events, "events"), (self._supervise, "heal")):
            thread = threading.Thread(target=target, name=f"stack-watchdog-{name}", daemon=True)
            thread.start()
            self._threads.append(thread)

    def stop(self, timeout: float = 10.0) -> None:
        """End both threads (closing the event stream); returns once they are gone."""
        self._stop.set()
        self._close_stream()
        self._queue.put(None)
        deadline = time.monotonic() + timeout
        for thread in self._threads:
            thread.join(max(0.0, deadline - time.monotonic()))
        self._threads = [t for t in self._threads if t.is_alive()]
        if self._client is not None:
            with contextlib.suppress(Exception):
                self._client.close()
            self._client = None

    @property
    def running(self) -> bool:
        return any(t.is_alive() for t in self._threads)

    @property
    def engine_reachable(self) -> bool | None:
        return self._engine_up

    def reset(self, service: str) -> None:
        """Watch a service again after the watchdog gave up on it (e.g. the user fixed it)."""
        self._queue.put({"_reset": service})

    # ------------------------------------------------------------------ events thread

    def _follow_events(self) -> None:
        attempt = 0
        while not self._stop.is_set():
            try:
                client = self.stack.engine.connect()
            except EngineUnreachable as exc:
                self._engine_state(False, str(exc))
                delay = min(self.policy.reconnect_cap, self.policy.reconnect_base * 2**attempt)
                attempt += 1
                self._stop.wait(delay)
                continue
            attempt = 0
            try:
                self._read_events(client)
            except Exception as exc:
                if not self._stop.is_set():
                    log.info("the Docker event stream ended: %s", exc)
            finally:
                with contextlib.suppress(Exception):
                    client.close()
            if not self._stop.is_set():
                # the stream ended: the engine is restarting, or went away; note when
                self._outage_ns = self.last_event_ns or time.time_ns()
                self._queue.put({"_stream_ended": True})
                self._stop.wait(self.policy.reconnect_base / 4)

    def _read_events(self, client: docker.DockerClient) -> None:
        since_ns = self.last_event_ns if self.last_event_ns is not None else self._started_ns
        since = f"{since_ns // 1_000_000_000}.{since_ns % 1_000_000_000:09d}"
        filters = {
            "label": [f"{PROJECT_LABEL}={self.project.name}", f"{ONEOFF_LABEL}=False"],
            "type": ["container"],
            "event": list(WATCHED_EVENTS),
        }
        stream = client.events(decode=True, since=since, filters=filters)
        with self._stream_lock:
            self._stream = stream
        if self._stop.is_set():
            self._close_stream()
            return
        self.connections.append((time.time_ns(), since))
        self._engine_state(True, "")
        self._queue.put({"_engine_back": True})
        try:
            for event in stream:
                if self._stop.is_set():
                    return
                key = (int(event.get("timeNano") or 0), str(event.get("id")),
                       str(event.get("Action") or event.get("status")))  # fmt: skip
                if key in self._seen_keys:
                    continue  # replayed by `since=`
                if len(self._seen) == self._seen.maxlen:
                    self._seen_keys.discard(self._seen[0])
                self._seen.append(key)
                self._seen_keys.add(key)
                self.last_event_ns = max(self.last_event_ns or 0, key[0])
                self._queue.put(event)
        finally:
            self._close_stream()

    def _close_stream(self) -> None:
        with self._stream_lock:
            stream, self._stream = self._stream, None
        if stream is not None:
            with contextlib.suppress(Exception):
                stream.close()

    def _engine_state(self, reachable: bool, message: str) -> None:
        with self._engine_lock:
            if self._engine_up is reachable:
                return
            was = self._engine_up
            self._engine_up = reachable
        if reachable:
            text = "Docker engine is reachable again"
            if was is None:
                return  # the first connection is not news
            self._incident(ENGINE, IncidentKind.ENGINE_BACK, text,
                           "caught up on the events missed meanwhile")  # fmt: skip
            self._call(self._on_engine, True, text)
        else:
            self._incident(ENGINE, IncidentKind.ENGINE_DOWN, message,
                           "will keep trying to reconnect")  # fmt: skip
            self._call(self._on_engine, False, message)

    # ------------------------------------------------------------------ healing thread

    def _supervise(self) -> None:
        next_poll = time.monotonic()
        while not self._stop.is_set():
            now = time.monotonic()
            dues = [w.due for w in self._watch.values() if w.due is not None]
            wake = min([next_poll, *dues])
            try:
                item = self._queue.get(timeout=max(0.0, wake - now))
            except queue.Empty:
                item = None
            if self._stop.is_set():
                return
            try:
                if item is not None:
                    self._handle(item)
                now = time.monotonic()
                if now >= next_poll:
                    next_poll = now + self.policy.poll_interval
                    self._poll()
                for name, watch in self._watch.items():
                    if watch.due is not None and time.monotonic() >= watch.due:
                        self._check(name, watch)
            except EngineUnreachable as exc:
                self._drop_client()
                self._engine_state(False, str(exc))
                for watch in self._watch.values():
                    if watch.due is not None:  # try again once it is back
                        later = time.monotonic() + self.policy.poll_interval
                        watch.due = max(watch.due, later)
            except Exception:
                log.exception("stack watchdog: unexpected error (carrying on)")
                self._drop_client()
                self._stop.wait(0.5)

    def _handle(self, event: dict[str, Any]) -> None:
        if event.get("_engine_back"):
            self._after_outage()
            return
        if event.get("_stream_ended"):
            # The engine went away (or restarts): what it did to the containers on its way
            # down is not a crash. Pending checks are dropped; once it is back, the caught-up
            # events and the polls tell what still needs healing.
            for watch in self._watch.values():
                if watch.due is not None:
                    self._clear(watch)
            return
        if "_reset" in event:
            watch = self._watch.get(str(event["_reset"]))
            if watch is not None:
                watch.gave_up, watch.restarts, watch.streak = False, deque(), 0
            return
        attributes = (event.get("Actor") or {}).get("Attributes") or {}
        service = attributes.get(SERVICE_LABEL)
        watch = self._watch.get(str(service))
        if watch is None:
            return
        action = str(event.get("Action") or event.get("status") or "")
        when_ns = int(event.get("timeNano") or 0)
        self.events_seen.append((when_ns, str(service), action))
        # caused by our own restart, or by the app's start/stop/restart: not a crash
        ours = when_ns <= watch.ours_until_ns or self.stack.acted_on(str(service), when_ns)
        log.debug("event %s %s at %d%s", service, action, when_ns, " (ours)" if ours else "")
        now = time.monotonic()
        if action == "start":
            watch.seen_running = True
            watch.stopped_by_hand = False
            watch.gentle_kill_ns, watch.signal = 0, None
        elif action == "kill":
            watch.signal = attributes.get("signal")
            if watch.signal not in ("9", "SIGKILL") and not ours:
                watch.gentle_kill_ns = when_ns
        elif action == "oom":
            watch.oom = True
        elif action == "stop" and not ours:
            watch.stopped_by_hand = True
            watch.stop_ns = when_ns
        elif action == "die" and not ours:
            code = attributes.get("exitCode")
            if watch.oom:
                what, kind = f"ran out of memory (exit code {code})", IncidentKind.OUT_OF_MEMORY
            else:
                signal = f", signal {watch.signal}" if watch.signal else ""
                what, kind = f"stopped unexpectedly (exit code {code}{signal})", IncidentKind.DIED
            watch.oom, watch.signal = False, None
            spec = self.project.services.get(str(service))
            grace = spec.stop_grace_period if spec and spec.stop_grace_period else 10.0
            asked_to_stop = 0 < when_ns - watch.gentle_kill_ns < (grace + 5) * 1_000_000_000
            watch.gentle_kill_ns = 0
            least = self.policy.stop_settle if asked_to_stop else self.policy.settle
            self._notice(watch, what, kind, now, least=least)
        elif action.startswith("health_status"):
            status = action.split(":", 1)[-1].strip()
            if status == "healthy":
                self._healthy(str(service), watch, now)
            elif status == "unhealthy" and not ours:
                what = "turned unhealthy" + self._health_words(str(service))
                self._notice(watch, what, IncidentKind.UNHEALTHY, now)
        elif action == "destroy":
            watch.seen_running = False

    def _notice(
        self, watch: _Watch, what: str, kind: IncidentKind, now: float, least: float = 0.0
    ) -> None:
        if watch.gave_up:
            return
        if watch.due is not None:  # a check is pending: keep its time, take the newer news
            watch.problem, watch.kind = what, kind
            return
        if (
            watch.healthy_since is not None
            and now - watch.healthy_since >= self.policy.stable_after
        ):
            watch.streak = 0
        watch.healthy_since = None
        watch.problem, watch.kind, watch.noticed = what, kind, now
        watch.wait = max(least, self.policy.backoff(watch.streak))
        watch.due = now + watch.wait

    def _healthy(self, service: str, watch: _Watch, now: float) -> None:
        watch.seen_running = True
        if watch.healthy_since is None:
            watch.healthy_since = now
        if watch.gave_up:
            watch.gave_up, watch.restarts, watch.streak = False, deque(), 0
            self._incident(service, IncidentKind.RECOVERED, "is healthy again",
                           "watching it again after giving up")  # fmt: skip
        elif watch.recovering_since is not None:
            took = now - watch.recovering_since
            self._incident(service, IncidentKind.RECOVERED, "is healthy again",
                           f"back {took:.1f} s after the problem was seen")  # fmt: skip
        watch.recovering_since = None

    def _poll(self) -> None:
        read_at = time.time_ns()
        containers = self._containers()
        now = time.monotonic()
        for name, watch in self._watch.items():
            container = containers.get(name)
            if container is None:
                continue
            if watch.due is None:
                watch.docker_restarts = int(container.attrs.get("RestartCount") or 0)
            if self.stack.acting_since(name, read_at):
                continue  # the app is starting or stopping it: what was read may be stale
            health = ((container.attrs.get("State") or {}).get("Health") or {}).get("Status")
            if container.status == "running":
                watch.seen_running = True
                if health == "unhealthy" and watch.due is None and not watch.gave_up:
                    what = "turned unhealthy" + self._health_words(name, container)
                    self._notice(watch, what, IncidentKind.UNHEALTHY, now)
                elif health in ("healthy", None) and watch.due is None:
                    self._healthy(name, watch, now)
            elif container.status in ("exited", "dead") and self._unexpected(name, watch):
                code = (container.attrs.get("State") or {}).get("ExitCode")
                what = f"was found stopped (exit code {code})"
                self._notice(watch, what, IncidentKind.FOUND_STOPPED, now)

    def _unexpected(self, name: str, watch: _Watch) -> bool:
        """A stopped container that was running, and that nobody stopped on purpose (judged
        only while the event stream is connected: after an outage its catch-up tells more)."""
        with self._stream_lock:
            following = self._stream is not None
        return (
            following
            and watch.seen_running
            and watch.due is None
            and not watch.gave_up
            and not watch.stopped_by_hand
            and not self.stack.is_held(name)
        )

    def _after_outage(self) -> None:
        """Stops seen while the engine shut down were the engine's, not the user's."""
        for watch in self._watch.values():
            if watch.stopped_by_hand and watch.stop_ns >= self._outage_ns - 60_000_000_000:
                watch.stopped_by_hand = False
        self._poll_soon()

    def _poll_soon(self) -> None:
        for watch in self._watch.values():
            if watch.due is not None:
                watch.due = min(watch.due, time.monotonic() + self.policy.settle)

    def _check(self, name: str, watch: _Watch) -> None:
        """The problem's wait is over: look again (it may be back already), then act."""
        container = self._containers().get(name)  # may raise: the check then stays due
        watch.due = None
        problem, kind = watch.problem or "had a problem", watch.kind or IncidentKind.DIED
        if container is None:
            self._clear(watch)
            action = "none: its container is gone; apply the stack to recreate it"
            self._incident(name, IncidentKind.GONE, problem, action)
            return
        container.reload()
        state = container.attrs.get("State") or {}
        health = (state.get("Health") or {}).get("Status")
        if self.stack.is_held(name) or watch.stopped_by_hand:
            self._clear(watch)
            self._incident(name, IncidentKind.LEFT_STOPPED, problem,
                           "left it stopped: it was stopped on purpose")  # fmt: skip
            return
        if container.status == "running" and health in ("healthy", None):
            self._clear(watch)
            by_docker = int(container.attrs.get("RestartCount") or 0) > watch.docker_restarts
            watch.docker_restarts = int(container.attrs.get("RestartCount") or 0)
            if kind == IncidentKind.FOUND_STOPPED and not by_docker:
                log.debug("%s was started again before the watchdog acted", name)
                return
            how = "Docker's restart policy brought it back" if by_docker else "started again"
            self._incident(name, kind, problem,
                           f"none needed: it was already running again ({how})")  # fmt: skip
            return
        if container.status == "restarting" or (
            container.status == "running" and health == "starting"
        ):
            watch.due = time.monotonic() + max(self.policy.settle, 0.5)  # Docker is on it
            return
        self._restart(name, watch, container, problem, kind)

    def _restart(
        self, name: str, watch: _Watch, container: Container, problem: str, kind: IncidentKind
    ) -> None:
        now = time.monotonic()
        while watch.restarts and now - watch.restarts[0] > self.policy.window:
            watch.restarts.popleft()
        window = _words(self.policy.window)
        if len(watch.restarts) >= self.policy.max_restarts:
            watch.gave_up = True
            self._clear(watch)
            incident = self._incident(
                name, IncidentKind.GAVE_UP, problem,
                f"gave up after {len(watch.restarts)} restarts within {window}: it keeps "
                f"failing and needs someone to look at it (its log shows why)",
            )  # fmt: skip
            self._call(self._on_alert, incident)
            return
        spec = self.project.services.get(name)
        grace = max(1, round(spec.stop_grace_period)) if spec and spec.stop_grace_period else 10
        started_ns = time.time_ns()
        watch.ours_until_ns = started_ns + (grace + 5) * 1_000_000_000  # provisional
        try:
            if container.status == "running":
                container.restart(timeout=grace)
            else:
                container.start()
        except docker.errors.APIError as exc:
            watch.ours_until_ns = time.time_ns()
            watch.restarts.append(now)
            watch.streak += 1
            self._clear(watch, keep_recovery=False)
            self._incident(name, kind, problem, f"tried to restart it but Docker refused: "
                           f"{exc.explanation or exc}")  # fmt: skip
            return
        watch.ours_until_ns = time.time_ns() + 200_000_000
        watch.restarts.append(now)
        watch.streak += 1
        watch.recovering_since = watch.noticed or now
        watch.healthy_since = None
        self.stack.note_healed(name)
        self._incident(
            name, kind, problem,
            f"restarted it after waiting {watch.wait:.1f} s (restart {len(watch.restarts)} of "
            f"at most {self.policy.max_restarts} within {window})",
        )  # fmt: skip
        watch.problem, watch.kind = None, None

    def _clear(self, watch: _Watch, keep_recovery: bool = False) -> None:
        watch.problem, watch.kind, watch.due = None, None, None
        if not keep_recovery:
            watch.recovering_since = None

    # ------------------------------------------------------------------ engine access

    def _docker(self) -> docker.DockerClient:
        if self._client is None:
            self._client = self.stack.engine.connect()
        return self._client

    def _drop_client(self) -> None:
        if self._client is not None:
            with contextlib.suppress(Exception):
                self._client.close()
        self._client = None

    def _containers(self) -> dict[str, Container]:
        filters = {"label": [f"{PROJECT_LABEL}={self.project.name}", f"{ONEOFF_LABEL}=False"]}
        try:
            found = self._docker().containers.list(all=True, filters=filters)
        except EngineUnreachable:
            raise
        except Exception as exc:
            raise EngineUnreachable(self.stack.engine.explain(exc)) from exc
        with self._stream_lock:
            following = self._stream is not None
        if following:  # otherwise "back" is for the event thread to say, once caught up
            self._engine_state(True, "")
        out: dict[str, Container] = {}
        for container in sorted(found, key=lambda c: int(c.labels.get(NUMBER_LABEL, "1"))):
            out.setdefault(container.labels.get(SERVICE_LABEL, ""), container)
        return out

    def _health_words(self, service: str, container: Container | None = None) -> str:
        try:
            container = container or self._containers().get(service)
            logs = ((container.attrs.get("State") or {}).get("Health") or {}).get("Log") or []
        except Exception:
            return ""
        output = str(logs[-1].get("Output") or "").strip() if logs else ""
        return f" (health check said: {output[:160]})" if output else ""

    # ------------------------------------------------------------------ reporting

    def _incident(self, service: str, kind: IncidentKind, what: str, action: str) -> Incident:
        incident = Incident(service, kind, what, action, datetime.now(UTC))
        log.info("stack incident: %s", incident.describe())
        self._call(self._on_incident, incident)
        return incident

    @staticmethod
    def _call(callback: Callable[..., None] | None, *args: Any) -> None:
        if callback is None:
            return
        try:
            callback(*args)
        except Exception:
            log.exception("a stack watchdog callback failed")


def _words(seconds: float) -> str:
    if seconds < 120:
        return f"{seconds:g} s"
    return f"{seconds / 60:g} min"
