"""Backups while the app runs: the schedule (APScheduler, every N hours as the settings say,
made up at start when the last verified set is older than that), the overdue alert (no
verified set within the alert period → an event the tray and the dashboard show), and the
engine's part of a restore (everything that writes is stopped first, started again after)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

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

    def service(self) -> Any:
        from gastro_hub_desktop.backup.service import BackupService

        return BackupService(self.settings(), self.credentials)

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
