"""Backups while the app runs: the schedule (APScheduler, every N hours as the settings say,
made up at start when the last verified set is older than that), the overdue alert (no
verified set within the alert period → an event the tray and the dashboard show), and the
engine's part of a restore (everything that writes is stopped first, started again after).

With the Docker stack enabled, a backup also holds n8n's workflows and credentials (exported in
n8n's container) and dumps the stack's PostgreSQL inside its container; a restore stops the
stack services whose data comes back (the processor, which writes to that database; n8n, whose
workflows are imported) and starts them again, saying what it did."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy.engine import make_url

from gastro_hub_desktop.engine.events import EngineEvent, EventBus
from gastro_hub_desktop.store.repository import Store

log = logging.getLogger(__name__)
HEALTH_EVERY_MINUTES = 10


@dataclass(frozen=True)
class BackupStatusChanged(EngineEvent):
    """A backup was made, failed, or is overdue (`alert`: the tray raises it)."""

    text: str
    alert: bool = False


class BackupControl:
    """The backup service with the saved settings and the keyring, on a schedule."""

    def __init__(
        self,
        store: Store,
        events: EventBus,
        credentials: Any,
        run_backup: Callable[[], Any],
    ) -> None:
        self.store = store
        self.events = events
        self.credentials = credentials
        self.run_backup = run_backup  # the engine's job (progress, one at a time)
        self._scheduler: Any = None
        self._lock = threading.Lock()
        self.last_alert: str | None = None
        self._started = datetime.now(UTC)  # a new install is not "overdue" before its first

    def settings(self) -> Any:
        from gastro_hub_desktop.backup.settings import load_settings

        return load_settings(self.store)

    def service(self, parts: StackParts | None = None) -> Any:
        """The backup service; with the stack's `parts`, its PostgreSQL is dumped inside its
        container and n8n's workflows come along (see `stack_parts`)."""
        from gastro_hub_desktop.backup.service import BackupService

        settings = self.settings()
        if parts is not None and parts.pg_container:
            settings = replace(settings, pg_container=parts.pg_container,
                               docker_host=parts.docker_host)  # fmt: skip
        return BackupService(settings, self.credentials)

    def save_settings(self, changes: dict[str, Any]) -> Any:
        """Change some settings (schedule, retention, remote, encryption); the schedule
        follows at once. An empty retention policy is refused."""
        from gastro_hub_desktop.backup.settings import BackupSettings, save_settings

        current = self.settings().to_dict()
        current.update(changes)
        updated = BackupSettings.from_dict(current)
        updated.retention.check()
        save_settings(self.store, updated)
        self.reschedule()
        return updated

    # ------------------------------------------------------------ schedule

    def start(self) -> None:
        from apscheduler.schedulers.background import BackgroundScheduler

        self._scheduler = BackgroundScheduler(timezone=UTC)
        self._scheduler.start()
        self.reschedule()
        self._scheduler.add_job(
            self.check_health, "interval", minutes=HEALTH_EVERY_MINUTES, id="backup-health"
        )
        self._scheduler.add_job(self.check_health, id="backup-health-now")

    def reschedule(self) -> None:
        if self._scheduler is None:
            return
        every = float(self.settings().every_hours)
        health = self.service().health()
        last = health.last_verified
        due = (last + timedelta(hours=every)) if last else None
        now = datetime.now(UTC)
        start = max(due, now + timedelta(minutes=2)) if due else now + timedelta(minutes=5)
        self._scheduler.add_job(
            self._scheduled,
            "interval",
            hours=every,
            start_date=start,
            id="backup",
            replace_existing=True,
            misfire_grace_time=None,
            coalesce=True,
        )

    def _scheduled(self) -> None:
        try:
            self.run_backup().future.result()
        except Exception as exc:
            log.warning("scheduled backup failed: %s", exc)

    def check_health(self) -> Any:
        """No verified set within the alert period: announce it (once per problem)."""
        health = self.service().health()
        settings = self.settings()
        young = datetime.now(UTC) - self._started < timedelta(hours=settings.alert_after_hours)
        if health.overdue and not (health.last_verified is None and young):
            text = health.message or "No verified backup recently."
            if text != self.last_alert:
                self.events.publish(BackupStatusChanged(text, alert=True))
            self.last_alert = text
        else:
            self.last_alert = None
        return health

    def stop(self) -> None:
        if self._scheduler is not None:
            self._scheduler.shutdown(wait=False)
            self._scheduler = None


# ---------------------------------------------------------------- the stack's part


@dataclass
class StackParts:
    """What of the running Docker stack a backup or a restore involves."""

    stack: Any  # stack.services.Stack (the one the watchdog watches)
    docker_host: str | None
    n8n: Any = None  # backup.n8n.N8nSource, when the stack has an n8n container
    pg_container: str | None = None  # the app's database is the stack's PostgreSQL
    services: tuple[str, ...] = ()


def stack_parts(control: Any, database_url: str) -> StackParts | None:
    """The stack's parts when the stack is enabled and its engine answers; None otherwise (a
    backup is then made of the app's database alone, as without a stack)."""
    if control is None or not (control.settings() or {}).get("enabled"):
        return None
    from gastro_hub_desktop.backup.n8n import KEY_VARIABLE, N8nSource, N8nTools
    from gastro_hub_desktop.engine.stack_control import stack_database
    from gastro_hub_desktop.stack.services import secret_key

    try:
        stack = control.stack()
        containers = stack.containers()
    except Exception as exc:
        log.warning("the stack is not reachable for the backup: %s", exc)
        return None
    project = stack.project
    parts = StackParts(stack, stack.engine.base_url, services=tuple(project.services))
    n8n = containers.get("n8n")
    if n8n is not None:
        key_name = secret_key(project.name, KEY_VARIABLE)
        parts.n8n = N8nSource(N8nTools(n8n.name, docker_host=parts.docker_host), key_name)
    postgres = containers.get("postgres")
    if postgres is not None:
        try:
            in_stack = _same_database(database_url, stack_database(stack)[0])
        except LookupError:
            in_stack = False
        if in_stack:
            parts.pg_container = postgres.name
    return parts


def _same_database(url: str, other: str) -> bool:
    a, b = make_url(url), make_url(other)
    if a.get_backend_name() != "postgresql" or b.get_backend_name() != "postgresql":
        return False
    local = ("127.0.0.1", "localhost", "::1")
    same_host = a.host == b.host or (a.host in local and b.host in local)
    return same_host and (a.port or 5432) == (b.port or 5432) and a.database == b.database


@dataclass
class ServicePause:
    """Stack services stopped for a restore and started again after, in words for the report.
    The stack marks a service the app stopped as held, so the watchdog does not heal it."""

    stack: Any
    names: list[str]
    stopped: list[str] = field(default_factory=list)
    done: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, stack: Any, names: Iterable[str]) -> ServicePause:
        known = [n for n in names if n in stack.project.services]
        return cls(stack, known)

    def stop(self) -> None:
        containers = self.stack.containers()
        for name in self.names:  # the processor first: it writes to the database
            container = containers.get(name)
            if container is not None and container.status in ("running", "restarting"):
                self.stack.stop(name)
                self.stopped.append(name)
        if self.stopped:
            self.done.append("stopped " + ", ".join(self.stopped))

    def start_again(self) -> None:
        """Start what this pause stopped and is still stopped (dependencies first)."""
        again = [n for n in self.stack.project.start_order(self.stopped)
                 if n in self.stopped]  # fmt: skip
        for name in again:
            self.stack.start(name)
        self.stopped.clear()
        if again:
            self.done.append("started " + ", ".join(again) + " again")


def bring_back_n8n(parts: StackParts, restored: Any, pause: ServicePause) -> str:
    """Import n8n's workflows (and, where its key opens them, credentials) into its
    container, then restart n8n: n8n documents that CLI imports take effect when it restarts.
    n8n must run for `docker exec`; one stopped before the restore is stopped again after."""
    stack = parts.stack
    was_paused = "n8n" in pause.stopped
    container = stack.containers().get("n8n")
    was_running = was_paused or (container is not None and container.status == "running")
    stack.start("n8n")
    if was_paused:
        pause.stopped.remove("n8n")
    try:
        done = parts.n8n.tools.import_(restored.folder, credentials=restored.import_credentials)
    except Exception:
        if not was_running:
            stack.stop("n8n")
        raise
    what = f"n8n: {done.workflows} workflows and {done.credentials} credentials imported"
    if was_running:
        stack.restart("n8n")
        return what + ", n8n restarted to load them"
    stack.stop("n8n")
    return what + " (n8n was stopped and stays so; they load when it starts)"
