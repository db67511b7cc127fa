"""The app's hold on the local Docker stack: the compose file read with its generated secrets
kept in the keyring, the self-healing watchdog running while the app runs, every incident
written to the audit log and announced (the tray raises alerts), and the Stack panel's
actions (status, start / stop / restart, pull with progress, logs)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gastro_hub_desktop.engine.events import EngineEvent, EventBus
from gastro_hub_desktop.store.repository import Store
from gastro_hub_desktop.store.settings import AppSettings

log = logging.getLogger(__name__)
SETTINGS_KEY = "stack"  # {"compose": path, "docker_host": url, "enabled": bool}


@dataclass(frozen=True)
class StackIncident(EngineEvent):
    """Something happened to a stack service and what the watchdog did (also audited)."""

    service: str
    kind: str
    text: str
    alert: bool = False  # the watchdog gave up: the user must look


@dataclass(frozen=True)
class StackLog(EngineEvent):
    service: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class StackEngineChanged(EngineEvent):
    reachable: bool
    text: str


def default_compose() -> Path | None:
    """The compose file shipped with the app (the repository's stack/ folder)."""
    for candidate in (
        Path(__file__).resolve().parents[3] / "stack" / "docker-compose.yml",
        Path(__file__).resolve().parents[1] / "resources" / "stack" / "docker-compose.yml",
    ):
        if candidate.exists():
            return candidate
    return None


class StackControl:
    """Opened on demand; `close()` stops the watchdog."""

    def __init__(self, store: Store, events: EventBus, credentials: Any) -> None:
        self.store = store
        self.events = events
        self.credentials = credentials
        self._stack: Any = None
        self._watchdog: Any = None
        self._engine: Any = None
        self._lock = threading.RLock()
        self.last_problem: str | None = None

    # ------------------------------------------------------------ opening

    def settings(self) -> dict[str, Any]:
        return dict(AppSettings(self.store).get(SETTINGS_KEY, {}) or {})

    def configure(self, compose: str | None, docker_host: str | None) -> None:
        """Where the compose file is and which Docker engine to use (None: the default)."""
        with self._lock:
            self.close()
            current = self.settings()
            current.update({"compose": compose, "docker_host": docker_host})
            AppSettings(self.store).put(SETTINGS_KEY, current)

    def engine(self) -> Any:
        from gastro_hub_desktop.stack.docker_engine import DockerEngine

        with self._lock:
            if self._engine is None:
                self._engine = DockerEngine(self.settings().get("docker_host") or None)
            return self._engine

    def stack(self) -> Any:
        """The stack as the compose file describes it (secrets created on first use)."""
        from gastro_hub_desktop.stack.services import Stack

        with self._lock:
            if self._stack is None:
                compose = self.settings().get("compose") or default_compose()
                if compose is None:
                    raise FileNotFoundError(
                        "No stack file found: choose the stack's docker-compose.yml in the "
                        "Stack panel."
                    )
                self._stack = Stack.open(
                    Path(compose), self.engine(), secrets_store=self.credentials
                )
            return self._stack

    def watch(self) -> None:
        """Start the self-healing watchdog (idempotent)."""
        from gastro_hub_desktop.stack.watchdog import Watchdog

        with self._lock:
            if self._watchdog is None:
                self._watchdog = Watchdog(
                    self.stack(),
                    on_incident=self._incident,
                    on_alert=self._alert,
                    on_engine=self._engine_changed,
                )
                self._watchdog.start()

    def close(self) -> None:
        with self._lock:
            if self._watchdog is not None:
                self._watchdog.stop()
                self._watchdog = None
            if self._stack is not None:
                self._stack.close()
                self._stack = None
            self._engine = None

    # ------------------------------------------------------------ what the watchdog says

    def _incident(self, incident: Any) -> None:
        self.store.audit(
            "watchdog",
            f"stack.{incident.kind}",
            {"service": incident.service, "what": incident.what, "action": incident.action},
        )
        self.events.publish(
            StackIncident(incident.service, str(incident.kind), incident.describe())
        )

    def _alert(self, incident: Any) -> None:
        log.error("stack alert: %s", incident.describe())
        self.events.publish(
            StackIncident(incident.service, str(incident.kind), incident.describe(), alert=True)
        )

    def _engine_changed(self, reachable: bool, text: str) -> None:
        self.last_problem = None if reachable else text
        self.events.publish(StackEngineChanged(reachable, text))

    # ------------------------------------------------------------ panel actions

    def status(self) -> Any:
        """The stack's status; an unreachable engine or a missing file is said, not raised."""
        from gastro_hub_desktop.stack.services import StackStatus

        check = self.engine().check()
        if not check.reachable:
            return StackStatus(False, check.message)
        try:
            return self.stack().status()
        except Exception as exc:
            return StackStatus(False, str(exc))

    def up(self, progress: Callable[[Any], None] | None = None) -> Any:
        """Create and start everything (pulling or building images as needed), then watch."""
        report = self.stack().up(progress=progress) if progress else self.stack().up()
        current = self.settings()
        current["enabled"] = True
        AppSettings(self.store).put(SETTINGS_KEY, current)
        self.watch()
        return report

    def act(self, action: str, service: str | None) -> None:
        if action not in ("start", "stop", "restart"):
            raise ValueError(action)
        getattr(self.stack(), action)(service)
        self.store.audit("user", f"stack.{action}", {"service": service or "all"})

    def pull(self, progress: Callable[[Any], None], cancel: threading.Event) -> list[str]:
        """Download newer images for every service, with per-layer progress."""
        return list(self.stack().pull(progress=progress, cancel=cancel) or [])

    def follow_logs(self, service: str, tail: int = 200) -> Any:
        """Follow a service's log on a thread of its own; each line arrives as a StackLog
        event. Returns the follower (its `stop()` ends it)."""
        follower = self.stack().logs(service, follow=True, tail=tail)

        def run() -> None:
            try:
                for line in follower:
                    self.events.publish(StackLog(service, (line.text,)))
            except Exception as exc:
                log.warning("log of %s ended: %s", service, exc)

        threading.Thread(target=run, name=f"logs-{service}", daemon=True).start()
        return follower

    def search_logs(self, text: str) -> list[Any]:
        return self.stack().search_logs(text)  # type: ignore[no-any-return]


def stack_database(stack: Any) -> tuple[str, str]:
    """The stack's PostgreSQL as the app reaches it: (URL without the password, password)."""
    try:
        spec = stack.project.service("postgres")
    except KeyError as exc:
        raise LookupError("The stack has no 'postgres' service.") from exc
    env = spec.env
    user = env.get("POSTGRES_USER") or "postgres"
    database = env.get("POSTGRES_DB") or user
    password = env.get("POSTGRES_PASSWORD") or ""
    port = next((p.host_port for p in spec.ports if p.container_port == 5432), None)
    host = next((p.host_ip for p in spec.ports if p.container_port == 5432), None) or "127.0.0.1"
    if spec.network_mode == "host":  # the server's own port (PGPORT, which postgres honours)
        port = port or int(env.get("PGPORT") or 5432)
    if port is None:
        raise LookupError("The stack's PostgreSQL does not publish a port on this computer.")
    return f"postgresql+psycopg://{user}@{host}:{port}/{database}", password
